"""Rules for a stock said to be out in one place and still there in another: a subject's "habis" or "kosong" beside a
body that counts the blanks still there ("masih ada ± 250 keping") is no stock of zero but a doubt quoting both,
and an estimate of what lies in the store is asked back; each test is a short mail with other words and figures."""

from __future__ import annotations

from tests.reader.conftest import mail

BULUNGAN = "Operator Bulungan <operator.bulungan@bulungankab.example>"
TARAKAN = "Disdukcapil Tarakan <disdukcapil@tarakankota.example>"


def test_blanks_still_counted_in_the_body_stand_against_the_subjects_word_of_zero() -> None:
    read = mail(BULUNGAN, "KTP-el habis",
                "Selamat pagi pak,\nkalau dihitung di lemari arsip masih ada ± 250 keping.\n"
                "Mohon dikirim 1.500 keping.")
    assert read["requested"] == 1500
    assert read["stock_on_hand"] is None
    doubt = next(d for d in read["doubts"] if d["field"] == "stock_on_hand")
    assert doubt["reason"] == "conflict"
    assert "habis" in doubt["text"] and "± 250 keping" in doubt["text"]


def test_a_range_still_there_later_in_the_clause_of_the_word_of_zero_is_no_stock_of_zero() -> None:
    read = mail(TARAKAN, "Permohonan blangko",
                "Blangko KTP-el kami kosong di loket Juata, di kantor dinas msh ada 90 - 120 keping.\n"
                "Mohon kirim 2.000 keping.")
    assert read["stock_on_hand"] is None
    doubt = next(d for d in read["doubts"] if d["field"] == "stock_on_hand")
    assert "90 - 120 keping" in doubt["text"]


def test_a_word_of_zero_with_no_count_beside_it_stays_the_stock() -> None:
    read = mail(TARAKAN, "Blangko KTP-el habis", "Mohon kirim 2.000 keping, pelayanan terhenti sejak kemarin.")
    assert read["stock_on_hand"] == 0


def test_an_estimate_of_what_lies_in_the_store_is_asked_back() -> None:
    read = mail(BULUNGAN, "blangko hampir habis",
                "Mohon bantuan kirim 800 keping pak. Yg ada di gudang kira2 60-80 keping saja.")
    assert read["requested"] == 800
    assert read["stock_on_hand"] is None
    assert any(d["field"] == "stock_on_hand" and "60-80" in d["text"] for d in read["doubts"])


def test_blanks_counted_in_the_store_stand_against_the_subjects_word_of_empty() -> None:
    read = mail(TARAKAN, "stok blangko KIA kosong",
                "Mohon maaf pak, di lemari kira-kira 35-40 keping lagi. Mohon kirim 500 keping KIA.")
    assert read["stock_on_hand"] is None
    doubt = next(d for d in read["doubts"] if d["field"] == "stock_on_hand")
    assert "kosong" in doubt["text"] and "35-40 keping" in doubt["text"]


def test_a_store_named_with_none_in_it_is_still_a_stock_of_zero() -> None:
    read = mail(TARAKAN, "Blangko KTP-el habis", "Di gudang sudah tidak ada, mohon kirim 1.000 keping segera.")
    assert read["stock_on_hand"] == 0


def test_damaged_blanks_counted_beside_the_store_leave_the_word_of_zero_the_stock() -> None:
    read = mail(TARAKAN, "Permohonan blangko KIA",
                "Stok blangko KIA kami habis (yang di gudang kebanjiran, 80 keping rusak). Mohon kirim 400 keping KIA.")
    assert read["stock_on_hand"] == 0


NUNUKAN = "Capil Nunukan <capil.nunukan@nunukankab.example>"


def test_the_figure_the_writer_sent_before_is_no_ask() -> None:
    read = mail(NUNUKAN, "RE: [BLK-2027-0014] Permohonan blangko",
                "Pak, angka 300 yg kami kirim kemarin ternyata keliru, sisa stok kami sebenarnya 180 keping.")
    assert read["requested"] is None
    assert read["stock_on_hand"] == 180


def test_the_figure_the_writer_sent_before_taken_back_with_an_estimate_asks_nothing() -> None:
    read = mail(NUNUKAN, "RE: [BLK-2027-0014] Permohonan blangko",
                "Mohon maaf, angka 400 yang saya kirimkan tadi sdh berkurang, skrg kira2 250an lembar.")
    assert read["requested"] is None


def test_an_ask_to_send_after_a_figure_is_still_an_ask() -> None:
    read = mail(NUNUKAN, "Permohonan blangko", "Mohon 1.500 keping segera kami kirimkan surat resminya menyusul.")
    assert read["requested"] == 1500


def test_out_but_for_a_few_counted_right_after_stands_against_the_word_of_zero() -> None:
    read = mail(BULUNGAN, "Blangko habis pak",
                "Pak, blangko ktp el sdh abis, tinggal 20an keping di loket. Mohon kirim 800 keping ya.")
    assert read["stock_on_hand"] is None
    assert any(d["field"] == "stock_on_hand" and "20an keping" in d["text"] for d in read["doubts"])


def test_a_forwarded_offices_word_of_zero_in_the_subject_is_no_stock_of_the_district() -> None:
    read = mail(BULUNGAN, "Fw: stok blangko kosong",
                "Mohon ditindaklanjuti pak, dari UPT Tanjung Palas.\n\n-----Original Message-----\n"
                "Dari: upt.tanjungpalas@gmail.com\nDikirim: Senin, 07 Desember 2026 08.10\n"
                "Kepada: operator.bulungan@bulungankab.example\nPerihal: stok blangko kosong\n\n"
                "Pak, blangko ktp-el kami di UPT sudah kosong. Mohon kirim 150 keping.")
    assert read["stock_on_hand"] is None
