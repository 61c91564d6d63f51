"""Rules for figures that are not the district's own count of blanks: a date written "14-Des-26", what a colleague
at the province recalls of a district's stock above the district's own forwarded mail, the consignment an office
keeps for the district, cards with hurt packaging in a receipt, an amount sounded out for a later month, what a
printer supply yields, a blank named right before its figure in a list of both, a seller's offer, and the count of
damaged cards corrected. Each test is a short mail with words of its own."""

from __future__ import annotations

from mailbot.reader.numbers import mask_non_quantities, normalise
from tests.reader.conftest import mail

BULUNGAN = "Disdukcapil Bulungan <disdukcapil@bulungankab.example>"
MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"
NUNUKAN = "Disdukcapil Nunukan <disdukcapil@nunukankab.example>"
TANA_TIDUNG = "Disdukcapil KTT <disdukcapil@tanatidungkab.example>"
TARAKAN = "Disdukcapil Tarakan <disdukcapil@tarakankota.example>"
PROVINCE_COLLEAGUE = "Budi Santoso <budi.santoso@disdukcapil.kaltaraprov.example>"

FIELDS = ("kind", "requested", "stock_on_hand", "received", "printed", "recorded")


def fields(read: dict[str, object]) -> tuple[object, ...]:
    return tuple(read[f] for f in FIELDS)


def doubted(read: dict[str, object]) -> set[object]:
    return {d["field"] for d in read["doubts"]}  # type: ignore[attr-defined,index]


# --- A date with its month's name between dashes ----------------------------------------------------------------


def test_a_dashed_date_with_a_months_name_is_no_figure() -> None:
    read = mail(TARAKAN, "Permohonan blangko KTP-el", (
        "Kami mohon 1.500 keping blangko KTP-el. Sisa blangko per 14-Des-26: 860 keping."
    ))
    assert fields(read) == ("request", 1500, 860, None, None, None), read


def test_a_dashed_date_with_a_four_digit_year_is_masked() -> None:
    masked = mask_non_quantities(normalise("stok per 3-Jan-2027 ada 420 keping"))
    assert "3" not in masked.split("420")[0] and "2027" not in masked, masked
    assert "420" in masked


def test_a_dashed_english_date_beside_a_need_leaves_the_stock() -> None:
    read = mail(NUNUKAN, "Request for blanks", (
        "Mohon tambahan 2.000 lembar.\n- Stock as of 9-Oct-26 : 615 lembar\n- Pemakaian per hari : 90 lembar"
    ))
    assert (read["requested"], read["stock_on_hand"]) == (2000, 615), read


def test_a_range_of_blanks_with_a_dash_is_still_read() -> None:
    """Only a month's name after the dash makes a date: "60-80 keping" stays no date (and no exact stock)."""
    masked = mask_non_quantities(normalise("sisa stok 60-80 keping"))
    assert "60" in masked and "80" in masked


# --- A colleague at the province passing a district's mail on ------------------------------------------------------


def test_a_colleagues_recollection_gives_way_to_the_districts_forwarded_figures() -> None:
    read = mail(PROVINCE_COLLEAGUE, "Fwd: permintaan blangko KIA Tarakan", (
        "Admin, ini permintaan Tarakan yang nyasar ke email saya, mohon diproses. Sudah saya cek, stok KIA mereka "
        "memang tipis (data September 520 lembar).\n\nBudi\n\n"
        "----- Pesan Asli -----\n"
        "Dari: \"Operator Tarakan\" <op.tarakan@gmail.com>\n"
        "Kepada: budi.santoso@disdukcapil.kaltaraprov.example\n"
        "Perihal: minta blangko\n\n"
        "Pak Budi, mohon bantuan blangko KIA untuk Disdukcapil Tarakan sebanyak 900 lembar.\n"
        "Sisa hari ini 240 lembar.\n"
        "Operator Disdukcapil Tarakan"
    ))
    assert (read["requested"], read["stock_on_hand"]) == (900, 240), read


def test_a_districts_own_words_above_its_forwarded_mail_still_win() -> None:
    """The district itself forwarding its earlier mail: its new words are its figures (not a colleague's)."""
    read = mail(MALINAU, "Fwd: permohonan blangko", (
        "Update pak, stok kami sekarang tinggal 150 keping.\n\n"
        "---------- Forwarded message ---------\n"
        "From: Disdukcapil Malinau <disdukcapil@malinaukab.example>\n"
        "Subject: permohonan blangko\n\n"
        "Mohon tambahan blangko KTP-el 800 keping, stok 300 keping."
    ))
    assert (read["requested"], read["stock_on_hand"]) == (800, 150), read


# --- The consignment an office keeps for the district -----------------------------------------------------------


def test_the_blanks_deposited_with_a_kecamatan_are_no_district_stock() -> None:
    read = mail("Rina <rina.kec.peso@gmail.com>", "stok kecamatan peso", (
        "Pagi pak, saya Rina dari Kec. Peso (Bulungan). Sisa blangko yang dititipkan dinas di kecamatan: 38 keping."
    ))
    assert (read["kind"], read["stock_on_hand"]) == ("stock_report", None), read
    assert "stock_on_hand" in doubted(read), read


def test_a_stock_said_after_a_deposit_mentioned_is_the_stock() -> None:
    """The deposit word opens no stock of its own when a stock word follows it before the figure."""
    read = mail(BULUNGAN, "Laporan stok", (
        "Blangko yang dititipkan lewat kapal kemarin sudah sampai semua, sisa stok kami 930 keping."
    ))
    assert read["stock_on_hand"] == 930, read


# --- Cards with hurt packaging in a receipt -------------------------------------------------------------------------


def test_cards_with_dented_packaging_in_a_receipt_are_no_stock() -> None:
    read = mail(TANA_TIDUNG, "RE: kiriman blangko", (
        "Kiriman 1.200 keping sudah kami terima, cek fisik lengkap, 5 keping kemasan penyok namun masih layak."
    ))
    assert fields(read) == ("receipt", None, None, 1200, None, None), read


# --- An amount sounded out for a later month --------------------------------------------------------------------


def test_an_amount_asked_about_for_next_month_is_left_to_a_clerk() -> None:
    read = mail(MALINAU, "tanya jatah", (
        "Bu, kami sedang hitung kebutuhan. Kira-kira boleh minta 2.500 nggak ya bulan depan?"
    ))
    assert read["requested"] is None, read
    assert "requested" in doubted(read), read


def test_a_plain_ask_in_a_question_is_still_an_ask() -> None:
    read = mail(BULUNGAN, "blangko", "Stok tinggal 90. Bisa minta 800 keping dulu tidak pak?")
    assert (read["kind"], read["requested"]) == ("request", 800), read


# --- What a printer supply yields -------------------------------------------------------------------------------


def test_the_prints_a_ribbon_yields_are_no_printed_cards() -> None:
    read = mail(TARAKAN, "Stok bahan cetak", (
        "Laporan bahan cetak per hari ini:\n- Ribbon : 4 roll (kira-kira 1.000 cetakan)\n- Film : 2 roll"
    ))
    assert fields(read) == ("other", None, None, None, None, None), read


# --- A blank named right before its figure in a list of both ----------------------------------------------------


def test_a_blank_named_right_before_its_figure_takes_it() -> None:
    read = mail(TANA_TIDUNG, "stok", "stok blangko ktp el 2 rb kia 75 perekaman hari ini sedikit krn hujan")
    assert fields(read) == ("stock_report", None, 2000, None, None, None), read


# --- A seller's offer -------------------------------------------------------------------------------------------


def test_a_sellers_offer_states_no_districts_figures() -> None:
    read = mail("CV Kartu Jaya <sales@kartujaya.example>", "Penawaran ribbon dan kartu", (
        "Kami menawarkan ribbon warna (250 print/roll) Rp 900.000/roll dan kartu PVC putih 500 pcs Rp 1.200.000. "
        "Gratis ongkir ke Malinau."
    ))
    assert (read["kind"], read["district"], read["printed"], read["requested"]) == ("other", None, None, None), read


# --- The count of damaged cards corrected -----------------------------------------------------------------------


def test_a_corrected_count_of_wet_cards_is_no_receipt() -> None:
    read = mail(NUNUKAN, "Re: tanda terima blangko", (
        "Menyusul tanda terima kemarin, yang basah ternyata bukan 20 tapi 35 keping. Stok layak pakai 965 keping."
    ))
    assert (read["received"], read["stock_on_hand"]) == (None, 965), read


# --- A month's ledger: opening stock, in, used, damaged, closing stock ----------------------------------------------


def test_a_ledgers_used_column_beside_a_damaged_one_is_the_printing() -> None:
    read = mail(MALINAU, "Laporan blangko minggu ke-3", (
        "Laporan minggu ini:\n\n"
        "| Stok Awal | Masuk | Terpakai | Rusak | Stok Akhir\n"
        "KTP-el | 1.500 | 0 | 420 | 5 | 1.075\n"
        "KIA | 800 | 0 | 90 | 1 | 709\n"
    ))
    assert (read["kind"], read["stock_on_hand"], read["printed"]) == ("stock_report", 1075, 420), read


def test_a_weekly_ledgers_total_row_closes_with_the_last_weeks_stock() -> None:
    read = mail(TARAKAN, "Rekap blangko KTP-el Oktober", (
        "Rekap bulanan blangko KTP-el:\n\n"
        "| Minggu | Stok Awal | Masuk | Terpakai | Rusak | Stok Akhir |\n"
        "| I     | 1.800 | 0     | 400 | 4 | 1.396 |\n"
        "| II    | 1.396 | 1.000 | 450 | 6 | 1.940 |\n"
        "| III   | 1.940 | 0     | 410 | 2 | 1.528 |\n"
        "| Total | 1.800 | 1.000 | 1.260 | 12 | 1.528 |\n"
    ))
    assert (read["stock_on_hand"], read["received"], read["printed"]) == (1528, 1000, 1260), read


def test_a_ledger_in_rows_with_bars_that_balances_gives_the_printing() -> None:
    read = mail(NUNUKAN, "Rekonsiliasi blangko", (
        "Hasil rekonsiliasi blangko bulan ini:\n\n"
        "Uraian | KTP-el | KIA\n"
        "Stok Awal | 1.100 | 300\n"
        "Masuk | 500 | 0\n"
        "Terpakai | 610 | 40\n"
        "Rusak/Gagal Cetak | 12 | 0\n"
        "Stok Akhir | 978 | 260\n"
    ))
    assert (read["stock_on_hand"], read["received"], read["printed"]) == (978, 500, 610), read


def test_a_ledger_in_rows_that_does_not_balance_leaves_the_used_row_unread() -> None:
    """Without the balance, "Terpakai" may hold the damaged cards too."""
    read = mail(NUNUKAN, "Rekonsiliasi blangko", (
        "Hasil rekonsiliasi blangko bulan ini:\n\n"
        "Uraian | KTP-el | KIA\n"
        "Stok Awal | 1.100 | 300\n"
        "Masuk | 500 | 0\n"
        "Terpakai | 622 | 40\n"
        "Rusak/Gagal Cetak | 12 | 0\n"
        "Stok Akhir | 978 | 260\n"
    ))
    assert (read["stock_on_hand"], read["printed"]) == (978, None), read
