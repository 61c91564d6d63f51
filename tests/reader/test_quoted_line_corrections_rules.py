"""Rules for conversations: a correction typed in brackets at the end of a quoted line,
opened by a word of correction ("> - Jumlah yang dimohon: 800 keping (...) [ralat: 1.100 kpg]"), is the writer's,
read under the label of the line it stands on; any other bracket on a quoted line stays quoted."""

from __future__ import annotations

import pytest

from tests.reader.conftest import mail

MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"
QUOTED = ("> Yang kami pahami dari email Bapak/Ibu:\n"
          "> - Jumlah yang dimohon: 900 keping (tertulis: \"mohon blangko KTP-el 900 keping, sisa 1.400\"){asked}\n"
          "> - Sisa stok: 1.400 keping (tertulis: \"mohon blangko KTP-el 900 keping, sisa 1.400\"){stock}\n"
          "> Apabila ada angka yang keliru, mohon balas email ini dengan angka yang benar.\n")


@pytest.mark.parametrize(("asked", "stock", "field", "figure"), [
    (" [ralat: 1.250 kpg]", "", "requested", 1250),
    (" (seharusnya 1.300 keping)", "", "requested", 1300),
    ("", " [koreksi: 650]", "stock_on_hand", 650),
    (" [yg benar 1.150]", "", "requested", 1150),
], ids=["ralat_asked", "seharusnya_asked", "koreksi_stock", "yg_benar_asked"])
def test_a_correction_in_brackets_on_a_quoted_line_is_the_writers(asked: str, stock: str, field: str,
                                                                  figure: int) -> None:
    body = "Pak, koreksinya kami tulis di bawah.\n\n" + QUOTED.format(asked=asked, stock=stock)
    read = mail(MALINAU, "Re: [BLK-2026-0002] Permohonan blangko KTP-el", body)
    # was: the whole quoted line cut, the figure lost ("not a request, report or receipt")
    assert read[field] == figure, read


@pytest.mark.parametrize("note", [" (perkiraan awal)", " [lihat lampiran 2]", " (sudah 1.000 keping kemarin)"],
                         ids=["estimate", "see_attachment", "other_words"])
def test_a_bracket_not_opened_by_a_correction_stays_quoted(note: str) -> None:
    body = "Baik pak, terima kasih.\n\n" + QUOTED.format(asked=note, stock="")
    read = mail(MALINAU, "Re: [BLK-2026-0002] Permohonan blangko KTP-el", body)
    assert (read["requested"], read["stock_on_hand"], read["received"]) == (None, None, None), read


FOOTER = ("> Email ini dikirim otomatis oleh meja layanan blangko. Mohon tidak mengubah kode rujukan pada subjek saat "
          "membalas.\n")


@pytest.mark.parametrize(("asked", "stock", "field", "figure"), [
    ("  ==> revisi 1.250 kpg", "", "requested", 1250),
    (" -> 1.300", "", "requested", 1300),
    ("", " \u2192 650 keping", "stock_on_hand", 650),
], ids=["revisi-double-arrow", "bare-arrow", "unicode-arrow-stock"])
def test_a_figure_after_an_arrow_on_the_desks_quoted_line_is_the_writers(asked: str, stock: str, field: str,
                                                                        figure: int) -> None:
    body = "Pak, mohon maaf ada perubahan, lihat tanda panah di bawah.\n\n" + QUOTED.format(asked=asked, stock=stock)
    read = mail(MALINAU, "Re: [BLK-2026-0002] Permohonan blangko KTP-el", body + FOOTER)
    # was: the whole quoted line cut, the figure lost ("not a request, report or receipt")
    assert read[field] == figure, read


def test_an_arrow_in_the_districts_own_quoted_letter_stays_quoted() -> None:
    body = "Ok pak.\n\n> Sisa stok kami: 1.400 -> 900 keping (pemakaian minggu lalu)\n> Hormat kami\n"
    read = mail(MALINAU, "Re: Permohonan blangko KTP-el", body)
    assert (read["requested"], read["stock_on_hand"]) == (None, None), read
