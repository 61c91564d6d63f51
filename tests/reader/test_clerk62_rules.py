"""Rules for river-boat recording and the province's stock circular: column names typed one space apart over a
village table, nights away on a trip, an estimate of blanks still there, a need stated in a formal request, and
more; each test is a short mail with other words and figures."""

from __future__ import annotations

from tests.reader.conftest import mail

MALINAU = "Operator Malinau <disdukcapil@malinaukab.example>"
NUNUKAN = "Capil Nunukan <capil.nunukan@nunukankab.example>"


def test_column_names_one_space_apart_over_village_rows_are_their_columns() -> None:
    read = mail(NUNUKAN, "Laporan longboat Sungai Sembakung",
                "Laporan perjalanan longboat 2-5 Des\n\n"
                "Kampung                Cetak Rekam\n"
                "Atap                      30    33\n"
                "Tagul                     21    25\n"
                "JUMLAH                    51    58\n\n"
                "Sisa blangko KTP-el: 940 keping.")
    assert (read["printed"], read["recorded"], read["stock_on_hand"]) == (51, 58, 940)


def test_nights_away_on_a_trip_are_no_count() -> None:
    read = mail(MALINAU, "Dokumentasi kegiatan",
                "Pak, terlampir foto untuk arsip. Warga 57 orang ikut rekam, tim bermalam 3 malam di balai adat.")
    assert read["recorded"] != 3


def test_tonight_after_a_count_is_no_unit_of_it() -> None:
    read = mail(MALINAU, "lap", "Lap pak, rekam 41 malam ini, cetak 36.")
    assert (read["recorded"], read["printed"]) == (41, 36)


def test_the_usable_part_of_a_delivery_checked_against_its_note_is_no_stock() -> None:
    read = mail(MALINAU, "Re: kiriman blangko",
                "Pak, paket sudah kami terima. Menurut surat jalan 1.500 keping, namun 1 dus (50 keping) lembab "
                "terkena air, jadi yang bisa dipakai 1.450.")
    assert read["kind"] == "receipt" and read["stock_on_hand"] is None


def test_the_usable_part_of_a_stock_is_still_no_delivery() -> None:
    read = mail(MALINAU, "stok", "Stok blangko KTP-el 1.210 keping, 10 rusak, yang bisa dipakai 1.200.")
    assert read["kind"] == "stock_report" and read["received"] is None


def test_a_province_colleagues_one_line_instruction_naming_a_district_is_signed_by_none() -> None:
    read = mail("Kabid PIAK <kabid.piak@disdukcapil.kaltaraprov.example>", "Fwd: arahan",
                "Mohon dicek kabupaten yang sisa blangkonya di bawah 800, lalu siapkan kiriman 3.000 keping ke "
                "gudang Malinau minggu depan.")
    assert (read["kind"], read["district"], read["stock_on_hand"]) == ("other", None, None)


CIRCULAR = (
    "\n\nPada Jum, 3 Des 2027 pukul 07.30 Bidang PIAK <kabid.piak@disdukcapil.kaltaraprov.example> menulis:\n"
    "> Yth. Kab/Kota se-Kaltara,\n"
    "> mohon update stok blangko per hari Jumat, beserta kebutuhan sampai akhir tahun.\n"
    "> Terima kasih.\n"
)


def test_a_need_filled_in_for_the_provinces_stock_circular_is_no_ask() -> None:
    read = mail(NUNUKAN, "Re: update stok",
                "Selamat pagi,\nKTP-el sisa 1.870, KIA sisa 240. Kebutuhan sampai Des: KTP-el 3.000, KIA 500."
                + CIRCULAR)
    assert (read["kind"], read["requested"], read["stock_on_hand"]) == ("stock_report", None, 1870)


def test_an_ask_in_the_reply_to_the_stock_circular_is_still_an_ask() -> None:
    read = mail(NUNUKAN, "Re: update stok",
                "Selamat pagi,\nKTP-el sisa 380. Kebutuhan sampai Des 2.000, mohon dikirim 1.500 keping dulu."
                + CIRCULAR)
    assert (read["kind"], read["requested"]) == ("request", 1500)


def test_a_figure_with_no_role_answers_the_stock_circular() -> None:
    read = mail(NUNUKAN, "Re: update stok", "KTP-el: 1.315\nKIA: belum sempat dihitung" + CIRCULAR)
    assert (read["kind"], read["stock_on_hand"]) == ("stock_report", 1315)


def test_a_need_closed_over_a_clause_of_its_use_in_a_formal_letter_is_the_figure_asked() -> None:
    read = mail(MALINAU, "Permohonan blangko",
                "Dengan hormat,\nbersama ini kami sampaikan kebutuhan blangko KTP-el, yang akan dipakai untuk "
                "pelayanan perekaman dan pencetakan di kecamatan hulu sungai, sebanyak 2.750 keping.\n"
                "Atas perhatiannya kami ucapkan terima kasih.")
    assert (read["kind"], read["requested"]) == ("request", 2750)


def test_blanks_still_there_by_an_estimate_are_asked_back() -> None:
    read = mail(MALINAU, "info stok", "Pak, stok blangko KTP-el kami masih ada ± 35 keping, terima kasih.")
    assert read["stock_on_hand"] is None
    assert any(d["field"] == "stock_on_hand" and "± 35 keping" in d["text"] for d in read["doubts"])


def test_blanks_still_there_about_so_many_with_no_stock_word_are_asked_back() -> None:
    read = mail(MALINAU, "Blanko", "Selamat sore, blanko KTP-el masih tersisa kurang lebih 70 keping.")
    assert read["stock_on_hand"] is None
    assert any(d["field"] == "stock_on_hand" and "kurang lebih 70" in d["text"] for d in read["doubts"])


def test_an_estimate_of_blanks_still_there_under_an_empty_subject_is_asked_back_quoting_it() -> None:
    read = mail(MALINAU, "Blanko kosong", "Sore Pak, blanko KTP-el kami masih ada kurang lebih 55 keping.")
    assert read["stock_on_hand"] is None
    assert any(d["field"] == "stock_on_hand" and "kurang lebih 55 keping" in d["text"] for d in read["doubts"])


def test_a_count_still_there_stated_exactly_is_unchanged() -> None:
    read = mail(MALINAU, "info stok", "Pak, stok blangko KTP-el kami masih ada 35 keping.")
    assert read["stock_on_hand"] == 35


def test_a_bracket_noting_a_shipment_came_is_no_count_received() -> None:
    read = mail(NUNUKAN, "Re: update stok",
                "Selamat siang\nBlangko KIA: 410 (telah diterima kiriman provinsi)" + CIRCULAR)
    assert read["received"] is None


def test_an_answer_to_the_stock_circular_is_of_the_blank_its_line_names() -> None:
    read = mail(NUNUKAN, "Re: update stok", "KIA: 275\nKTP-el menyusul besok." + CIRCULAR)
    assert (read["item"], read["stock_on_hand"]) == ("kia", 275)


def test_a_count_said_place_by_place_after_one_word_adds_up() -> None:
    read = mail(MALINAU, "lap jemput bola",
                "bu, ktp-el dicetak di SMAN 2 Malinau 61 keping, di SMKN 1 38 keping, dan di Desa Respen 17 keping.")
    assert read["printed"] == 116


def test_one_place_of_a_count_with_no_other_place_listed_stays_its_figure() -> None:
    read = mail(MALINAU, "lap jemput bola", "bu, ktp-el dicetak di SMAN 2 Malinau 61 keping, sisa blangko 340.")
    assert (read["printed"], read["stock_on_hand"]) == (61, 340)


def test_the_delivery_note_named_with_no_word_before_it_gives_way_to_the_count() -> None:
    read = mail(NUNUKAN, "kiriman sampai",
                "pak paket sudah kami terima. surat jalan tertulis 1.800 tapi setelah dihitung hanya 1.750 keping.")
    assert read["received"] == 1750


def test_our_count_beside_the_delivery_note_is_the_count_received() -> None:
    read = mail(NUNUKAN, "blangko KIA datang",
                "pak, blangko KIA sudah tiba dengan kapal reguler. Di surat jalan 450 lembar, kami hitung ada 450. "
                "Kardus utuh.")
    assert (read["kind"], read["item"], read["received"]) == ("receipt", "kia", 450)


def test_one_figure_per_blank_answers_the_stock_circular_for_each_blank() -> None:
    read = mail(NUNUKAN, "Re: update stok", "Nunukan: KTP-el 2.365, KIA 147. Trims." + CIRCULAR)
    assert (read["kind"], read["item"], read["stock_on_hand"]) == ("stock_report", "ktp-el", 2365)
    assert read["readings"]["kia"]["stock_on_hand"] == 147


def test_blanks_fetched_from_the_harbour_said_as_done_are_received() -> None:
    read = mail(NUNUKAN, "blangko sudah di kantor",
                "Pak, 1.500 keping blangko KTP-el telah kami jemput di bandara Juwata siang ini. Terima kasih.")
    assert (read["kind"], read["received"]) == ("receipt", 1500)


def test_the_mobile_service_done_is_no_fetching() -> None:
    read = mail(NUNUKAN, "lap", "Hari ini sudah kami jemput bola di 4 sekolah, rekam 63 cetak 60.")
    assert (read["kind"], read["received"]) == ("stock_report", None)


def test_please_right_before_a_figure_asks_for_it() -> None:
    read = mail(NUNUKAN, "ktp", "pak blangko sdh habis. tolong 1,5rb keping ktp-el ya, antrian cetak 180 org")
    assert (read["kind"], read["requested"]) == ("request", 1500)


def test_please_before_a_courtesy_asks_for_no_figure() -> None:
    read = mail(NUNUKAN, "stok", "Pak tolong dicatat, stok blangko KTP-el kami tinggal 420 keping.")
    assert (read["kind"], read["requested"], read["stock_on_hand"]) == ("stock_report", None, 420)


def test_a_stock_noted_as_holding_a_shipment_that_came_is_a_stock_report() -> None:
    read = mail(NUNUKAN, "Re: update stok", "Blangko KIA: 410 (telah diterima kiriman provinsi)" + CIRCULAR)
    assert (read["kind"], read["item"], read["stock_on_hand"]) == ("stock_report", "kia", 410)


def test_a_stock_in_the_correction_of_an_earlier_days_report_is_no_stock_now() -> None:
    read = mail("Operator KTT <disdukcapil@tanatidungkab.example>", "lap harian 18/11",
                "rekam 22 cetak 20 sisa 661\nmaaf lap kemarin salah, sisa tgl 17/11 harusnya 681 bukan 618")
    assert (read["stock_on_hand"], read["printed"], read["recorded"]) == (661, 20, 22)


def test_a_correction_of_an_earlier_days_report_alone_still_gives_its_figure() -> None:
    read = mail("Operator KTT <disdukcapil@tanatidungkab.example>", "ralat",
                "maaf lap kemarin salah, sisa yang benar 681 bukan 618")
    assert read["stock_on_hand"] == 681


def test_an_ask_that_is_the_need_less_the_stock_outranks_the_need() -> None:
    read = mail(MALINAU, "blangko",
                "Pak, stok blangko KTP-el tinggal 140 keping. Kami butuh 900 keping untuk 3 minggu (jemput bola di "
                "4 sekolah). Tolong kirim 900 - 140 = 760 saja pak.")
    assert (read["requested"], read["stock_on_hand"]) == (760, 140)


def test_the_delivery_notes_figure_with_no_count_against_it_is_received() -> None:
    read = mail(MALINAU, "Re: kiriman blangko",
                "Pak, paket sudah kami terima. Di surat jalan 1.200 keping, tapi 1 pak (50 keping) lembab kena "
                "air, kami pisahkan dulu.")
    assert (read["kind"], read["received"]) == ("receipt", 1200)


def test_the_delivery_notes_figure_with_a_count_against_it_is_not_received() -> None:
    read = mail(MALINAU, "Re: kiriman blangko",
                "Pak, paket sudah kami terima. Di surat jalan 1.200 keping, tapi setelah dihitung ulang kurang 50.")
    assert read["received"] != 1200
