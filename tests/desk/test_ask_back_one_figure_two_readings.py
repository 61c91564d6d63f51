"""A district that writes one figure with two readings ("dua ribu lima": 2.005 as written, or 2.500 with its hundreds
said short) is asked back about that figure with both readings, as a manager and the command line are told them,
never "kami menemukan lebih dari satu angka"; in process, over the Maildir defaults."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, GMAIL, MALINAU, Desk12, dispatched, flat, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

ASK = ("Izin pak, kami dr Disdukcapil Bulungan mohon dikirimkan blangko KTP-el {figure} keping utk pelayanan di "
       "Tanjung Selor. Stok kami sisa 100 keping.\n\nDikirim dari iPhone saya")


@pytest.mark.parametrize(("figure", "readings"), [
    ("dua ribu lima", ("2.005", "2.500")), ("seribu dua", ("1.002", "1.200")), ("2 rb 8", ("2.008", "2.800")),
], ids=["words", "seribu", "digits"])
def test_a_request_with_one_figure_read_two_ways_is_asked_about_it_with_both(desk12: Desk12, figure: str,
                                                                             readings: tuple[str, str]) -> None:
    mid, outcome = desk12.send(BULUNGAN, "Permohonan blangko", ASK.format(figure=figure))
    assert outcome == {"request-clarify": 1}, outcome
    [asked] = desk12.replies_to(mid)
    said = (f'Jumlah yang dimohon: angka "{figure}" dalam kalimat "Izin pak, kami dr Disdukcapil Bulungan mohon '
            f'dikirimkan blangko KTP-el {figure} keping utk pelayanan di Tanjung Selor" dapat dibaca dua cara, yaitu '
            f"{readings[0]} atau {readings[1]}. Mohon tegaskan angka yang benar dengan menuliskannya dalam angka.")
    assert said in flat(asked.text) and "lebih dari satu angka" not in asked.text
    html = asked.msg.get_body(("html",))
    assert html is not None and f"dapat dibaca dua cara, yaitu {readings[0]} atau {readings[1]}" in flat(
        str(html.get_content()))
    # the answer in digits, under the question quoted, is the figure asked
    send_answer(desk12, BULUNGAN, asked, f"{readings[1]} keping pak", above=GMAIL)
    assert desk12.request()["requested"] == int(readings[1].replace(".", ""))


def test_a_receipt_with_one_figure_read_two_ways_is_asked_about_it_with_both(desk12: Desk12) -> None:
    notice = dispatched(desk12)
    mid, _ = send_answer(desk12, BULUNGAN, notice, "Sore pak, blangko sdh kami terima seribu tujuh keping tadi siang.",
                         above=GMAIL)
    [asked] = desk12.replies_to(mid)
    assert 'Jumlah yang diterima: angka "seribu tujuh"' in flat(asked.text)
    assert "dapat dibaca dua cara, yaitu 1.007 atau 1.700" in flat(asked.text)
    assert "lebih dari satu angka" not in asked.text


@pytest.mark.parametrize(("body", "said"), [
    ("Mohon dikirim blangko KTP-el seribu 1500 keping. Sisa stok 100 keping.",
     'angka "seribu 1500" dalam kalimat "Mohon dikirim blangko KTP-el seribu 1500 keping" dapat dibaca dua cara, yaitu '
     "1.500 atau 2.500"),
    ("Mohon dikirim blangko KTP-el sebanyak 2.000 keping. Sisa stok 100 keping.\nJumlah yang kami mohon 3.000 keping.",
     "Jumlah yang dimohon: kami menemukan lebih dari satu angka"),
    ("Mohon dikirim blangko KTP-el 1.000 500 keping. Sisa stok 100 keping.",
     "Jumlah yang dimohon: kami menemukan lebih dari satu angka"),
], ids=["figure-after-thousands", "two-figures", "side-by-side"])
def test_two_figures_are_asked_as_more_than_one_and_one_read_two_ways_with_both(desk12: Desk12, body: str,
                                                                                 said: str) -> None:
    """A figure after thousands in words ("seribu 1500") is one figure read two ways, as a manager is told; two
    figures given for one field, or side by side, are asked back as more than one."""
    mid, outcome = desk12.send(MALINAU, "Permohonan blangko", body)
    assert outcome == {"request-clarify": 1}, outcome
    [asked] = desk12.replies_to(mid)
    assert said in flat(asked.text), flat(asked.text)
