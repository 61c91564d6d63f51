"""A manager's SETUJU with the number in words and digits is read as the command line reads it ("dua ribu tiga ratus
50" 2.350), or answered with what was not understood and how to write it ("seribu 1500": 1.500 or 2.500?), never
with the bare "Maksud baris pertamanya belum dapat kami pastikan"; in process, over the Maildir defaults."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import GMAIL, MALINAU, Desk12, Out, flat, send_answer
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _decided(d: Desk12, words: str) -> list[Out]:
    """Malinau's request of 4.000 (approved in part) appealed, so it waits for the managers; the Kadis answers the
    notice with *words*; what the desk sent for that answer."""
    d.send(MALINAU, "permohonan blangko", "Sisa blangko KTP-el Malinau 300 keping, mohon dikirim 4.000 keping untuk "
                                          "perekaman pemula.\nOperator Malinau")
    [first] = [o for o in d.out() if o.to == [MALINAU]]
    before = len(d.out())
    send_answer(d, MALINAU, first, "Kami tetap membutuhkan 4.000 keping karena perekaman pemula di 40 SMA. Mohon "
                                   "dipertimbangkan kembali.", above=GMAIL)
    [notice] = [o for o in d.out()[before:] if sorted(o.to) == sorted(MANAGERS)]
    before = len(d.out())
    send_answer(d, MANAGERS[0], notice, words)
    return d.out()[before:]


@pytest.mark.parametrize(("words", "approved"), [
    ("SETUJU seribu 3 ratus 4 puluh 5 PAKSA stok kabupaten rusak", 1345),
    ("SETUJU dua ribu 8 puluh 1 PAKSA stok kabupaten rusak", 2081),
], ids=["hundreds-tens-ones", "thousands-tens-ones"])
def test_digits_with_tens_are_approved_as_the_district_mail_reads_them(desk12: Desk12, words: str,
                                                                        approved: int) -> None:
    """A digit after "puluh" is the ones, as in a district's mail: "seribu 3 ratus 4 puluh 5" was "Maksud baris
    pertamanya belum dapat kami pastikan"."""
    _decided(desk12, words)
    assert (desk12.request()["state"], desk12.request()["approved"]) == ("approved", approved)


@pytest.mark.parametrize(("words", "approved"), [
    ("SETUJU 1 ribu 9 rts 5 puluh PAKSA sdh koordinasi dgn Kadis via telp", 1950),
    ("SETUJU 2 rb 3 rts PAKSA sdh koordinasi dgn Kadis via telp", 2300),
    ("SETUJU 5 rts PAKSA stok kab sdh menipis", 500),
], ids=["thousands-rts-tens", "rb-rts", "rts-alone"])
def test_hundreds_written_short_are_approved_as_the_district_mail_and_the_command_line_read_them(
        desk12: Desk12, words: str, approved: int) -> None:
    """"rts" (ratus) after a digit counts hundreds in a SETUJU as everywhere else: "1 ribu 9 rts 5 puluh" was asked
    back as "1 ribu 9" (1.009 or 1.900, neither what was written), "5 rts" as a figure that was no number."""
    _decided(desk12, words)
    assert (desk12.request()["state"], desk12.request()["approved"]) == ("approved", approved)


def test_hundreds_in_words_then_digits_are_approved_whole(desk12: Desk12) -> None:
    """Was "Maksud baris pertamanya belum dapat kami pastikan" (and 2.300 read from a district's mail)."""
    new = _decided(desk12, "SETUJU dua ribu tiga ratus 50 PAKSA stok kabupaten rusak karena banjir")
    assert (desk12.request()["state"], desk12.request()["approved"]) == ("approved", 2350)
    [district] = [o for o in new if o.to == [MALINAU]]
    assert "2.350 keping" in flat(district.text)


@pytest.mark.parametrize(("words", "said"), [
    ("SETUJU seribu 1500 PAKSA stok kabupaten rusak", 'Jumlah "seribu 1500" dapat dibaca dua cara (1.500 atau '
                                                      "2.500). Tulis misalnya: SETUJU 1.500 atau SETUJU 2.500."),
    ("SETUJU sejuta PAKSA stok kabupaten rusak", "1.000.000 keping melebihi batas satu kali pengiriman "
                                                 "(200.000 keping)"),
    # was approved as 2.005 with no question: "dua ribu lima" is as often "dua ribu lima ratus" said short
    ("SETUJU dua ribu lima PAKSA stok kabupaten rusak", 'Jumlah "dua ribu lima" dapat dibaca dua cara (2.005 atau '
                                                        "2.500). Tulis misalnya: SETUJU 2.005 atau SETUJU 2.500."),
], ids=["thousands-then-1500", "a-million", "thousands-then-one-digit-word"])
def test_a_number_not_understood_is_said_with_how_to_write_it(desk12: Desk12, words: str, said: str) -> None:
    """"seribu 1500" got "Jumlah tidak dapat dibaca" with no reason, "sejuta" the bare "Maksud baris pertamanya
    belum dapat kami pastikan"; the request keeps waiting."""
    new = _decided(desk12, words)
    [answer] = [o for o in new if o.to == [MANAGERS[0]]]
    assert said in flat(answer.text) and "Maksud baris pertamanya" not in answer.text
    assert desk12.request()["state"] == "held" and not [o for o in new if o.to == [MALINAU]]
