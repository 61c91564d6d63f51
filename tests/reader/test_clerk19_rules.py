"""Rules from an independent set of district mail from Kalimantan Utara: corrections quoting the desk, letters typed for
digits, a stock that already holds what was deposited at the district's posts."""

from __future__ import annotations

from mailbot.reader.numbers import normalise
from tests.reader.test_clerk13_rules import mail, read

# --- A quoted desk answer "Laporan ... telah kami terima" notes a report received, no receipt of blanks -----


def test_a_correction_quoting_the_desks_note_of_a_report_received_is_a_stock_report() -> None:
    got = mail(
        "disdukcapil@tarakankota.example", "RE: Laporan harian 03/02/2030",
        "Maaf, ulun keliru. Sisa blangko KTP-el kemarin 964, kada 946.\n\nUlun,\nSyahrani\n\n"
        "________________________________\nFrom: Desk Blangko Provinsi\nSent: Monday, February 4, 2030 4:10 PM\n"
        "To: disdukcapil@tarakankota.example\nSubject: RE: Laporan harian 03/02/2030\n\n"
        "Laporan harian Kota Tarakan 03/02/2030 telah kami terima. Sisa blangko tercatat 946.",
    )
    assert (got["kind"], got["stock_on_hand"], got["received"]) == ("stock_report", 964, None)


# --- The letter l typed for a one: read as the one, and two figures offered in doubt give none --------------


def test_letter_l_for_a_one_is_read_as_the_one() -> None:
    assert normalise("sisa l50 keping, 2l4 lembar, 1.l20") == "sisa 150 keping, 214 lembar, 1.120"


def test_letter_l_or_i_in_words_and_codes_stays() -> None:
    assert normalise("5liter kl2 ii/2030 core i5 10l") == "5liter kl2 ii/2030 core i5 10l"


def test_two_offered_values_one_typed_with_an_l_give_no_stock() -> None:
    got = read("Pencetakan : 45\nsisa blangko : 6l3 atau 631, besok sy hitung lagi")
    assert got.get("stock_on_hand") is None
    assert got["printed"] == 45


# --- A stock that already includes what was deposited at the posts is the whole stock ----------------------


def test_a_stock_including_deposited_parts_is_the_whole_stock() -> None:
    got = read("Stok KTP-el kami 2.340 keping (sudah termasuk yang dititip di UPT Lumbis 300 dan Sembakung 90).")
    assert got == {"stock_on_hand": 2340}


def test_a_stock_leaving_out_deposited_parts_is_still_a_part() -> None:
    assert read("Stok KTP-el kami 2.340 keping (belum termasuk yang dititip di UPT Lumbis 300).") == {}


# --- A SIAK screen read out in words: "tertulis" reads the screen, no slip being corrected --------------------


def test_a_screen_read_out_gives_the_count_its_role() -> None:
    assert read("Di layar aplikasi SIAK tertulis sisa 517, perekaman 26 dan cetak 19.") == {
        "stock_on_hand": 517, "recorded": 26, "printed": 19,
    }


def test_a_screen_menu_read_out_gives_the_stock() -> None:
    assert read("di layar monitoring blangko tertulis sisa 1.064 untuk KTP-el.") == {"stock_on_hand": 1064}


def test_without_a_screen_what_was_written_is_the_slip_corrected() -> None:
    assert read("kemarin tertulis sisa 2.190, yang benar 2.019") == {"stock_on_hand": 2019}
