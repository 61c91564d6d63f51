"""Rules from an independent set of district mail written by operators new to their offices: one long paragraph
without breaks, month-end recaps beside the day's report, a supply that ran out in a sentence about blanks."""

from __future__ import annotations

from tests.reader.conftest import mail

NUNUKAN = "Disdukcapil Nunukan <disdukcapil@nunukankab.example>"


# --- A figure of something else later in the clause is no figure given for the gap --------------------


def test_a_shortfall_asked_in_a_long_clause_is_the_need_less_the_stock() -> None:
    got = mail(NUNUKAN, "permohonan blangko ktp-el",
               "Selamat pagi, untuk pelayanan keliling di Kecamatan Lumbis kebutuhan blangko KTP-el kami sampai "
               "akhir tahun sebanyak 4.300 keping, sedangkan stok yang ada pada kami saat ini 1.250 keping, sehingga "
               "kami mohon kiranya provinsi dapat memenuhi kekurangannya, mengingat perjalanan ke Lumbis memakan "
               "waktu 3 hari dengan speedboat, demikian dan terima kasih.")
    assert (got["kind"], got["requested"], got["stock_on_hand"]) == ("request", 3050, 1250)


# --- A printer supply named right before "habis" ran out, not the blanks -------------------------------


def test_a_supply_that_ran_out_beside_damaged_blanks_is_no_stock_of_zero() -> None:
    got = mail(NUNUKAN, "laporan harian nunukan",
               "Selamat sore, laporan hari ini perekaman KTP-el sebanyak 71 orang dan pencetakan sebanyak 66 "
               "keping, ada 2 keping blangko gagal cetak karena tinta printer habis saat mencetak, demikian "
               "laporan kami.")
    assert got["stock_on_hand"] is None
    assert (got["printed"], got["recorded"]) == (66, 71)


# --- A shipment counted in a recap was booked when it came --------------------------------------------


def test_a_receipt_under_a_cumulative_section_is_no_receipt_now() -> None:
    got = mail(NUNUKAN, "Laporan harian dan rekap bulan Juli",
               "Yth. Admin Blangko\n\nA. Hari ini, 31 Juli\n   1. Perekaman : 96\n   2. Pencetakan : 90\n"
               "   3. Sisa blangko KTP-el : 1.870 keping\n\nB. Rekapitulasi 1-31 Juli\n   1. Perekaman : 2.130\n"
               "   2. Blangko diterima dari Provinsi : 1.500\n\nTerima kasih.")
    assert (got["kind"], got["received"], got["stock_on_hand"]) == ("stock_report", None, 1870)


def test_a_receipt_in_a_sentence_that_recaps_the_month_is_no_receipt_now() -> None:
    got = mail(NUNUKAN, "rekap bulan juli",
               "Selamat pagi, bersama ini kami sampaikan rekapitulasi kegiatan kami untuk bulan Juli 2033 yaitu "
               "pencetakan KTP-el sebanyak 1.210 keping, penerimaan blangko dari provinsi 3.000 keping pada tanggal "
               "9 Juli, dan sisa blangko KTP-el per 31 Juli sebanyak 3.940 keping, terima kasih.")
    assert (got["kind"], got["received"], got["stock_on_hand"]) == ("stock_report", None, 3940)


def test_a_receipt_confirmed_on_its_own_is_still_read() -> None:
    got = mail(NUNUKAN, "konfirmasi penerimaan blangko",
               "Selamat siang, blangko KTP-el kiriman provinsi sudah kami terima sebanyak 2.500 keping hari ini "
               "dalam keadaan baik. Terima kasih.")
    assert (got["kind"], got["received"]) == ("receipt", 2500)


def test_counts_of_work_in_a_recap_section_below_the_days_are_the_periods() -> None:
    got = mail(NUNUKAN, "Laporan harian 31 Juli dan rekap",
               "Yth. Admin Blangko\n\nI. Laporan hari Senin, 31 Juli\n   Perekaman : 84\n   Pencetakan : 79\n"
               "   Sisa Blangko : 2.215 keping\n\nII. Kumulatif 1 s.d. 31 Juli\n   Perekaman : 2.460\n"
               "   Pencetakan : 2.301\n\nDemikian disampaikan.")
    assert (got["recorded"], got["printed"], got["stock_on_hand"]) == (84, 79, 2215)


def test_a_recap_alone_gives_its_counts_of_work() -> None:
    got = mail(NUNUKAN, "Rekap bulan Juli",
               "Yth. Admin Blangko\n\nRekapitulasi 1 s.d. 31 Juli\n   Perekaman : 2.460\n   Pencetakan : 2.301\n"
               "   Sisa Blangko : 2.215 keping\n\nDemikian disampaikan.")
    assert (got["recorded"], got["printed"], got["stock_on_hand"]) == (2460, 2301, 2215)


def test_a_sentence_recapping_the_month_after_the_days_figures_gives_the_months_counts() -> None:
    got = mail(NUNUKAN, "Laporan KIA dan rekap Juli",
               "Laporan KIA hari ini: dicetak 27 keping, sisa blangko KIA 530 keping.\n"
               "Rekap KIA bulan Juli: total dicetak 815 keping, sebagian besar lewat jemput bola.")
    assert (got["printed"], got["stock_on_hand"]) == (27, 530)


# --- Words of new operators ----------------------------------------------------------------------


def test_cards_issued_in_a_quick_report_are_cards_printed() -> None:
    got = mail(NUNUKAN, "lap KIA", "lap KIA hr ini: terbit 44, sisa blangko KIA 610 kpg. tks")
    assert (got["item"], got["printed"], got["stock_on_hand"]) == ("kia", 44, 610)


def test_recordings_as_an_english_list_label_are_recorded() -> None:
    got = mail(NUNUKAN, "Daily report Nunukan",
               "Dear Desk,\n\nDaily figures:\n- Recordings (KTP-el): 164\n- Cards printed: 150\n"
               "- Remaining KTP-el blanks: 1,915\n\nBest regards")
    assert (got["recorded"], got["printed"], got["stock_on_hand"]) == (164, 150, 1915)


def test_a_recap_of_the_day_after_its_offices_figures_is_the_days_total() -> None:
    got = mail(NUNUKAN, "laporan harian",
               "Pak, laporan dari grup:\n\nUPT Sebatik: rekam 19 org hari ini\n"
               "Rekap kabupaten hari ini: perekaman 120, cetak KTP-el 104, sisa blangko 1.240 keping\n")
    assert (got["printed"], got["stock_on_hand"]) == (104, 1240)


# --- The office a writer came from is not the one they speak for -------------------------------------


def test_a_former_office_in_the_signature_names_no_district() -> None:
    got = mail("Rina <rina.operator77@gmail.com>", "mohon blangko KIA",
               "Selamat pagi, kami mohon blangko KIA 400 keping untuk jemput bola sekolah.\n\nSalam,\nRina\n"
               "Operator, Disdukcapil Kab. Malinau\n(mutasi dari Disdukcapil Kab. Nunukan)")
    assert (got["district"], got["requested"]) == ("65.02", 400)


def test_a_count_of_work_said_to_be_nil_today_is_zero() -> None:
    got = mail(NUNUKAN, "lapor hari ini",
               "Lapor hari ini: pencetakan hari ini nihil karena printer rusak, perekaman masih bisa 37 orang. "
               "Sisa blangko KTP-el 2.118 keping.")
    assert (got["printed"], got["recorded"], got["stock_on_hand"]) == (0, 37, 2118)
