"""A district that writes a figure no reading takes ("20.00 keping", "1.50.0 keping", "2.50 rb keping") is asked
back about that figure, quoted with why it is unclear and how to write it, never told that no figure was found; a
figure the command line and SETUJU read ("2ribu500") is read the same in its mail; in process, over the Maildir
defaults."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import MALINAU, Desk12, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

ASK = ("Slmt pagi pak, izin mohon dikirim blangko KTP-el {figure} keping utk pelayanan di Malinau Kota. Sisa blangko "
       "di kami tinggal 50 keping.")
THOUSANDS = "titik pemisah ribuan biasanya diikuti tiga angka (misalnya 2.000 atau 20.000)"
DECIMAL = ("angka tersebut memakai titik sebagai tanda desimal, padahal dalam bahasa Indonesia tanda desimal ditulis "
           "dengan koma. Mohon sebutkan kembali angka yang dimaksud, misalnya 2,50 rb atau 2.500")


@pytest.mark.parametrize(("figure", "quoted", "why"), [
    ("20.00", "20.00", THOUSANDS), ("1.50.0", "1.50.0", THOUSANDS), ("2.50 rb", "2.50 rb", DECIMAL),
], ids=["time-like", "two-dots", "decimal-point"])
def test_a_figure_written_but_unread_is_quoted_with_why_and_how(desk12: Desk12, figure: str, quoted: str,
                                                                why: str) -> None:
    mid, outcome = desk12.send(MALINAU, "Permohonan blangko", ASK.format(figure=figure))
    assert outcome == {"request-clarify": 1}, outcome
    [asked] = desk12.replies_to(mid)
    text = flat(asked.text)
    said = (f'Angka "{quoted}" dalam kalimat "Slmt pagi pak, izin mohon dikirim blangko KTP-el {figure} keping utk '
            f'pelayanan di Malinau Kota" tidak dapat kami baca dengan pasti: {why}')
    assert said in text, text
    assert "belum kami temukan" not in text
    html = asked.msg.get_body(("html",))
    assert html is not None and why in flat(str(html.get_content()))


def test_thousands_glued_to_ribu_with_their_hundreds_are_read_as_the_command_line_reads_them(desk12: Desk12) -> None:
    mid, outcome = desk12.send(MALINAU, "Permohonan blangko", ASK.format(figure="2ribu500"))
    assert set(outcome) <= {"request-approved", "request-approved-partial"}, outcome
    assert desk12.request()["requested"] == 2500
