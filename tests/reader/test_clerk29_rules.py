"""Rules for election-season mail (school drives, voter-list figures, phone replies): a figure
changed by a verb ("kami kurangi jadi"), a second stock in brackets, an ask made again after an approval, a citizen
writing of a relative's card, a phone's indented quote above the reply, a signature's short line, a zero given as a
cause, a spoilt count named with the printing, a paper to follow; each test is a short mail with other words and
figures."""

from __future__ import annotations

from tests.reader.conftest import mail

MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"
NUNUKAN = "Disdukcapil Nunukan <disdukcapil@nunukankab.example>"
BULUNGAN = "Disdukcapil Bulungan <disdukcapil@bulungankab.example>"
PHONE = "Sulastri <sulastri.ops88@yahoo.co.id>"


def test_a_figure_lowered_by_a_verb_is_the_ask_now() -> None:
    read = mail(MALINAU, "Re: permohonan blangko",
                "Selamat siang, permintaan kemarin 2.400 kami kurangi jadi 1.800 keping saja ya pak.")
    assert read["kind"] == "request" and read["requested"] == 1800


def test_an_ask_rounded_up_is_the_rounded_figure() -> None:
    read = mail(NUNUKAN, "Permohonan blangko KTP-el",
                "Dengan hormat, kami mohon blangko KTP-el sebanyak 2.467 keping, dibulatkan menjadi 2.500 keping.\n"
                "Sisa stok kami 410 keping.")
    assert read["requested"] == 2500 and read["stock_on_hand"] == 410


def test_a_usable_stock_in_brackets_beside_the_stock_leaves_it_to_ask() -> None:
    read = mail(MALINAU, "Laporan harian",
                "Sisa blangko KTP-el 1.930 keping (termasuk 4 keping rusak, jadi yang dapat dipakai 1.926). "
                "Rekam 60, cetak 57.")
    assert read["stock_on_hand"] is None and read["printed"] == 57
    assert any(d["field"] == "stock_on_hand" for d in read["doubts"])


def test_the_sound_part_of_a_delivery_is_no_stock() -> None:
    """A receipt's "yang layak pakai N" is the part of what arrived that can be used, not the office's stock."""
    read = mail(NUNUKAN, "Penerimaan blangko KTP-el",
                "Blangko KTP-el kiriman provinsi sebanyak 1.500 keping sudah kami terima. Saat dibuka, 12 keping "
                "chipnya retak sehingga yang layak pakai 1.488 keping.")
    assert read["kind"] == "receipt" and read["received"] == 1500 and read["stock_on_hand"] is None


def test_an_ask_made_again_after_a_partial_approval_is_a_request() -> None:
    read = mail(BULUNGAN, "Re: Persetujuan sebagian",
                "Terima kasih atas persetujuan sebagian yang sudah kami terima, dan dengan ini kami mengajukan "
                "kembali kekurangan blangko KTP-el sebanyak 900 keping untuk pelayanan sekolah.")
    assert read["kind"] == "request" and read["requested"] == 900 and read["received"] is None


def test_a_citizen_writing_of_a_relatives_card_reports_no_stock() -> None:
    read = mail("Yosef <yosef.lg21@yahoo.co.id>", "KTP belum jadi",
                "Yth. Bapak/Ibu, adik saya sudah rekam KTP-el waktu pelayanan di SMKN 1 Nunukan tapi sampai "
                "sekarang belum jadi, katanya blangko habis. Terima kasih.")
    assert read["kind"] == "other" and read["district"] is None and read["stock_on_hand"] is None


def test_an_indented_quote_above_the_reply_is_cut_and_the_reply_read() -> None:
    body = ("   Pada Senin, 4 Okt 2032 pukul 10.15, Desk Blangko <blangko@disdukcapil.kaltaraprov.example> menulis:\n"
            "   Yth. Operator,\n"
            "   \n"
            "   Laporan kemarin menyebut sisa 700. Mohon konfirmasi.\n"
            "\n"
            "Benar pak. Hari ini rekam 35 cetak 31, sisa 669.\n"
            "\n"
            "Sulastri - operator Dukcapil Malinau")
    read = mail(PHONE, "Re: Konfirmasi laporan", body)
    assert read["kind"] == "stock_report" and read["district"] == "65.02"
    assert (read["stock_on_hand"], read["printed"], read["recorded"]) == (669, 31, 35)


def test_a_signatures_short_line_names_the_writers_district_over_a_sentence_naming_another() -> None:
    body = ("Pak, blangko pinjaman dari Disdukcapil Kab. Nunukan sudah kami terima pagi tadi 300 keping, dibawa "
            "langsung oleh staf mereka.\n\nSulastri - operator Dukcapil Malinau")
    read = mail(PHONE, "terima blangko pinjaman", body)
    assert read["district"] == "65.02" and read["received"] == 300


def test_a_blank_running_out_given_as_the_cause_of_a_count_is_a_zero_stock() -> None:
    read = mail(MALINAU, "lap harian", "lap 9/10: rekam 28, cetak 0 krn blangko kosong.")
    assert read["stock_on_hand"] == 0 and read["printed"] == 0


def test_cards_spoilt_while_printing_are_no_count_of_printing() -> None:
    read = mail(BULUNGAN, "Laporan Harian",
                "Rekam 77, cetak 70, sisa blangko 1.210 keping.\nKartu rusak saat pencetakan hari ini 2 keping.")
    assert read["printed"] == 70 and read["stock_on_hand"] == 1210


def test_a_paper_to_follow_after_the_stock_leaves_the_stock_standing() -> None:
    read = mail(MALINAU, "Rekap + permohonan",
                "Sisa blangko KTP-el per Senin tinggal 740 keping (detail rekap menyusul sore ini). "
                "Kami mohon tambahan blangko KTP-el sebanyak 2.000 keping.")
    assert read["stock_on_hand"] == 740 and read["requested"] == 2000


def test_voters_on_an_election_list_are_no_blanks_asked() -> None:
    read = mail(BULUNGAN, "Permohonan blangko KTP-el",
                "Dengan hormat, sesuai surat KPU perihal permintaan data pemilih, dari DPS sebanyak 98.311 pemilih "
                "terdapat 3.902 pemilih pemula yang belum rekam, maka kami mohon tambahan blangko KTP-el sebanyak "
                "2.500 keping.")
    assert read["requested"] == 2500
    assert not any(d["field"] == "requested" for d in read["doubts"])


def test_a_correction_right_after_the_ask_corrects_the_ask_not_the_stock() -> None:
    read = mail(NUNUKAN, "minta blangko", "stok tinggal 410 lbr, tolong kirim 1.200 lembar, eh ralat 1.600 pcs aja")
    assert read["requested"] == 1600 and read["stock_on_hand"] == 410


def test_a_blank_set_aside_with_besides_is_not_the_item() -> None:
    read = mail(BULUNGAN, "Permohonan blangko",
                "Yth. Bapak, selain KTP-el untuk pemilih pemula kami juga perlu blangko untuk anak sekolah dasar "
                "sehingga kami mohon blangko KIA sebanyak 800 keping karena stok KIA kami tinggal 95 keping.")
    assert read["item"] == "kia" and read["requested"] == 800 and read["stock_on_hand"] == 95


def test_a_part_said_of_the_figure_before_is_no_second_figure() -> None:
    read = mail(BULUNGAN, "Laporan harian",
                "Hari ini jumlah penduduk yang direkam sebanyak 93 orang dan dari jumlah tersebut 70 orang adalah "
                "pelajar, sisa blangko KTP-el 1.650 keping.")
    assert read["recorded"] == 93 and read["stock_on_hand"] == 1650


def test_the_whole_shipment_completed_by_a_second_part_is_no_count_received_now() -> None:
    read = mail(MALINAU, "Re: Penerimaan blangko tahap pertama",
                "Kiriman tahap kedua tiba siang ini. Blangko 1.200 keping sudah kami terima dalam keadaan baik. "
                "Dengan demikian seluruh kiriman 2.400 keping sudah kami terima.")
    assert read["kind"] == "receipt" and read["received"] == 1200


def test_a_couriers_notice_of_a_parcel_delivered_is_no_districts_receipt() -> None:
    read = mail("Kilat Kargo <layanan@kilatkargo.example>", "Status kiriman KK-55120",
                "Yth. Pelanggan,\nPaket Anda nomor resi KK-55120 (pengirim Disdukcapil Prov. Kaltara, tujuan "
                "Disdukcapil Kab. Nunukan, 3 koli) telah diterima oleh penerima pada 04/10 10.05.")
    assert read["kind"] == "other" and read["district"] is None and read["item"] is None
