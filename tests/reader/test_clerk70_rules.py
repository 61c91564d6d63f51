"""Rules for the papers that come with a shipment and the words of a district: a question about the handover paper
("berita acara serah terima") is no receipt, while the paper said signed with the blanks counted still is. Each test
is a short mail with words of its own."""

from __future__ import annotations

from tests.reader.conftest import mail

TANA_TIDUNG = "Disdukcapil KTT <disdukcapil@tanatidungkab.example>"
MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"


def test_a_question_about_the_handover_papers_format_is_no_receipt() -> None:
    read = mail(TANA_TIDUNG, "Re: [BLK-2026-0004] Permohonan blangko KTP-el",
                "Pak, untuk berita acara serah terima pakai format yang mana ya?")
    assert read["kind"] == "other", read


def test_a_question_about_the_handover_paper_wrapped_over_lines_is_no_receipt() -> None:
    read = mail(MALINAU, "Tanya BAST",
                "Selamat siang Bu, berita acara serah terima blangko nanti\nditandatangani siapa di pihak kami, "
                "kadis atau kabid?")
    assert read["kind"] == "other", read


def test_the_handover_paper_signed_with_the_count_is_still_a_receipt() -> None:
    read = mail(MALINAU, "BAST blangko",
                "Berita acara serah terima sudah kami tandatangani, blangko KTP-el 1.500 keping sudah kami terima.")
    assert (read["kind"], read["received"]) == ("receipt", 1500), read



NUNUKAN = "Disdukcapil Nunukan <disdukcapil@nunukankab.example>"


def test_a_stock_written_under_a_sign_is_a_bound_not_a_count() -> None:
    read = mail(NUNUKAN, "blangko", "pak stok kami < 500, tlg bantu kirim 1.000 lg sblm gelombang desember")
    assert (read["requested"], read["stock_on_hand"]) == (1000, None), read
    read = mail(NUNUKAN, "blangko", "pak stok kami 480, tlg bantu kirim 1.000 lg sblm gelombang desember")
    assert (read["requested"], read["stock_on_hand"]) == (1000, 480), read


def test_a_stock_said_almost_out_in_javanese_or_banjar_words_is_no_zero() -> None:
    for words in ("Mohon segera dikirim blangko KTP-el 1.500 keping, stok kami sudah handak habis.",
                  "Nyuwun dipun kintun blangko KTP-el 1.500 keping, stok sampun meh telas."):
        read = mail(MALINAU, "blangko", words)
        assert (read["requested"], read["stock_on_hand"]) == (1500, None), (words, read)
    read = mail(MALINAU, "blangko", "Mohon segera dikirim blangko KTP-el 1.500 keping, stok kami sudah habis.")
    assert (read["requested"], read["stock_on_hand"]) == (1500, 0), read


def test_a_decimal_said_into_a_phone_before_thousands_is_the_whole_figure() -> None:
    read = mail(MALINAU, "stok", "sisa blangko ktp el per hari ini 1 koma 2 ribu keping titik")
    assert read["stock_on_hand"] == 1200, read
    read = mail(MALINAU, "stok", "sisa blangko ktp el per hari ini 1.200 keping")
    assert read["stock_on_hand"] == 1200, read


def test_a_slang_ask_is_an_ask_and_a_paper_following_after_the_stock_take_no_zero() -> None:
    read = mail(MALINAU, "usulan tw I 2027", "kak, pak kabid titip pesan: mau ajuin blangko ktp buat triwulan I 2027 "
                                             "sebanyak 2.700 ya. surat resminya nyusul abis opname")
    assert (read["kind"], read["requested"], read["stock_on_hand"]) == ("request", 2700, None), read


BULUNGAN = "Disdukcapil Bulungan <disdukcapil@bulungankab.example>"


def test_the_whole_asked_before_beside_a_part_received_is_no_new_ask() -> None:
    read = mail(BULUNGAN, "Penerimaan Blangko KTP-el Tahap I", (
        "Dengan hormat, blangko KTP-el telah kami terima pada hari Rabu, 10 Februari 2027, sejumlah 1.500 (seribu lima "
        "ratus) keping dari sebesar 3.500 (tiga ribu lima ratus) keping yang kami mohonkan. Adapun sisanya akan "
        "dikirim minggu berikutnya."))
    assert (read["kind"], read["received"], read["requested"]) == ("receipt", 1500, None), read


def test_an_ask_said_met_beside_the_last_part_received_is_no_new_ask() -> None:
    read = mail(BULUNGAN, "Penerimaan Blangko KTP-el Tahap II", (
        "Dengan hormat, sisa kiriman blangko KTP-el sejumlah 2.000 (dua ribu) keping telah kami terima pada tanggal "
        "17 Februari 2027. Dengan demikian seluruh permohonan kami sebesar 3.500 keping telah terpenuhi."))
    assert (read["kind"], read["received"], read["requested"]) == ("receipt", 2000, None), read


def test_a_new_ask_beside_a_receipt_still_asks() -> None:
    read = mail(BULUNGAN, "Penerimaan dan permohonan", (
        "Blangko KTP-el 1.500 keping telah kami terima. Kami mohon dikirim lagi 3.500 keping untuk bulan depan."))
    assert read["requested"] == 3500, read

