"""Rules for figures that are no new ask, receipt or day's work: an earlier request chased (still awaited, asked
after, confirmed), the desk's part approval accepted, a year's flows in a stock count, the request a receipt is part
of, and a delivery dated to a day of a weekly sheet's own rows. Each test is a short mail with words of its own."""

from __future__ import annotations

from email.message import EmailMessage
from io import BytesIO

import pytest

from mailbot.reader import read_message
from mailbot.reader.numbers import mask_non_quantities, normalise
from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES, mail

BULUNGAN = "Disdukcapil Bulungan <disdukcapil@bulungankab.example>"
MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"
NUNUKAN = "Disdukcapil Nunukan <disdukcapil@nunukankab.example>"
TANA_TIDUNG = "Disdukcapil KTT <disdukcapil@tanatidungkab.example>"
TARAKAN = "Disdukcapil Tarakan <disdukcapil@tarakankota.example>"

FIELDS = ("kind", "requested", "stock_on_hand", "received", "printed")


def fields(read: dict[str, object]) -> tuple[object, ...]:
    return tuple(read[f] for f in FIELDS)


# --- An earlier request still awaited ---------------------------------------------------------------------------


def test_a_receipt_naming_an_awaited_request_is_a_receipt() -> None:
    read = mail(BULUNGAN, "Kiriman dari Malinau sudah tiba", (
        "Pak, blangko pinjaman dari Malinau sudah sampai pagi ini, 400 keping, lengkap. Sisa kami sekarang 950 keping. "
        "Permohonan kami yang 1.200 masih kami tunggu ya pak."
    ))
    assert fields(read) == ("receipt", None, 950, 400, None), read


def test_a_days_report_naming_a_request_not_come_yet_is_a_report() -> None:
    read = mail(TANA_TIDUNG, "Lap KIA", "Lap KIA 14-09: cetak KIA 0, blangko KIA habis. Permohonan 250 lembar tgl 2/9 "
                                        "belum sampai bu.")
    assert fields(read) == ("stock_report", None, 0, None, 0), read


def test_a_reminder_with_its_stock_still_asks_its_figure() -> None:
    """Without a receipt or a day's work, the request chased is still the mail's ask (a reminder)."""
    read = mail(NUNUKAN, "Permohonan blangko", "Pak, permohonan kami 900 keping belum datang. Stok tinggal 60 keping.")
    assert (read["kind"], read["requested"], read["stock_on_hand"]) == ("request", 900, 60), read


# --- An earlier request asked after ---------------------------------------------------------------------------


def test_a_question_after_a_requests_progress_asks_nothing_anew() -> None:
    read = mail(MALINAU, "Menanyakan surat kami", (
        "Selamat siang Bu, kami menanyakan perkembangan surat kami perihal permohonan 1.750 keping blangko KTP-el. "
        "Sampai sekarang belum ada balasan. Terima kasih."
    ))
    assert fields(read) == ("other", None, None, None, None), read


def test_a_question_after_a_request_asking_it_be_acted_on_stays_a_request() -> None:
    read = mail(MALINAU, "Menanyakan surat kami", (
        "Selamat siang Bu, kami menanyakan perkembangan permohonan 1.750 keping blangko KTP-el. Mohon segera diproses."
    ))
    assert (read["kind"], read["requested"]) == ("request", 1750), read


def test_a_request_confirmed_as_made_by_a_colleague_asks_nothing_anew() -> None:
    read = mail(TARAKAN, "Re: Permohonan blangko", (
        "Bapak/Ibu, saya konfirmasi permohonan Bu Dewi tanggal 14/5 kemarin (2.200). Terima kasih."
    ))
    assert read["requested"] is None, read
    assert read["kind"] == "other", read


# --- The desk's approval of part of a request, accepted ---------------------------------------------------------


def reply_to_desk(body: str, quoted: str) -> dict[str, object]:
    raw = (
        f"From: {TARAKAN}\nTo: {OWN_ADDRESSES[0]}\nSubject: Re: Persetujuan permohonan\n\n{body}\n\n"
        f"Pada Sen, 9 Agu 2027 pukul 10.00 Bidang PIAK <{OWN_ADDRESSES[0]}> menulis:\n"
        + "".join(f"> {line}\n" for line in quoted.split("\n"))
    ).encode()
    return read_message(raw, DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()


PART_APPROVED = "Yth. Disdukcapil Kota Tarakan,\nPermohonan 2.500 keping disetujui sebagian 1.200 keping.\nBidang PIAK"


def test_the_part_approved_asked_again_is_no_new_request() -> None:
    read = reply_to_desk("Siap pak, 1.200 dulu tidak masalah. Mohon yang 1.200 itu tetap jadi 1.200 ya.", PART_APPROVED)
    assert read["requested"] is None, read


def test_another_figure_than_the_part_approved_is_asked() -> None:
    read = reply_to_desk("Pak, kalau bisa jadi 1.800 ya, stok kami tinggal 300.", PART_APPROVED)
    assert read["requested"] == 1800, read


def test_a_whole_request_approved_and_confirmed_keeps_its_figure() -> None:
    read = reply_to_desk("Permohonan kami tetap 2.500 keping, sisa stok yang benar 410.",
                         "Permohonan 2.500 keping DISETUJUI sebanyak 2.500 keping.")
    assert (read["requested"], read["stock_on_hand"]) == (2500, 410), read


# --- A year's stock count ---------------------------------------------------------------------------------------


def test_a_year_end_count_books_the_closing_stock_only() -> None:
    read = mail(NUNUKAN, "Stock opname blangko 2027", (
        "Hasil stock opname blangko KTP-el tahun 2027:\n"
        "Stok per 1 Januari 2027      2.410\n"
        "Penerimaan dari Provinsi    14.500\n"
        "Terpakai                    14.020\n"
        "Rusak                          88\n"
        "Sisa per 31 Desember 2027    2.802\n"
    ))
    assert fields(read) == ("stock_report", None, 2802, None, None), read


def test_a_year_end_count_in_a_sentence_books_the_closing_stock_only() -> None:
    read = mail(BULUNGAN, "Berita Acara Stock Opname 2027", (
        "Dengan hormat, bersama ini kami sampaikan Berita Acara Stock Opname per 31 (tiga puluh satu) Desember 2027: "
        "stok awal per 1 Januari 2027 sebanyak 880 keping, masuk 7.000 keping, terpakai 6.512 keping, sehingga sisa "
        "per 31 Desember 2027 sebanyak 1.368 keping."
    ))
    assert fields(read) == ("stock_report", None, 1368, None, None), read


def test_a_months_ledger_keeps_its_receipt() -> None:
    """Only a count from the year's first day to its last has the year's flows: a month's ledger is not one."""
    read = mail(MALINAU, "Laporan bulan Mei", (
        "Laporan stok Mei: stok awal 1 Mei 640, diterima 1.000, dicetak 720, stok akhir 31 Mei 920."
    ))
    assert read["stock_on_hand"] == 920, read
    assert read["received"] in (1000, None), read


def test_a_day_in_digits_with_its_words_in_brackets_is_a_date() -> None:
    masked = mask_non_quantities(normalise("per 30 (tiga puluh) November 2027 sisa 700 (tujuh ratus) keping"))
    assert "30" not in masked and "tiga puluh" not in masked
    assert "700" in masked


# --- A receipt of part of a request, in English -----------------------------------------------------------------


def test_a_receipt_of_part_of_a_request_in_english_is_a_receipt() -> None:
    read = mail(NUNUKAN, "Received: blanks", (
        "Dear Sir, we received 800 pcs of KTP-el blanks this morning (first part of our request for 2,000). Thanks."
    ))
    assert fields(read) == ("receipt", None, None, 800, None), read


# --- A delivery dated to a day of a weekly sheet's own rows ----------------------------------------------------------


def weekly_sheet_mail(note: str) -> dict[str, object]:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Tanggal", "KTP-el", None, None, "KIA", None])
    sheet.append([None, "Rekam", "Cetak", "Sisa", "Cetak", "Sisa"])
    for day, rekam, cetak, sisa in (("13-09-2027", 30, 28, 540), ("14-09-2027", 33, 31, 1309),
                                    ("15-09-2027", 29, 27, 1282)):
        sheet.append([day, rekam, cetak, sisa, 4, 210])
    sheet.append(["Jumlah", 92, 86, None, 12, None])
    sheet.append([note])
    sheet.merge_cells("B1:D1")
    sheet.merge_cells("E1:F1")
    data = BytesIO()
    book.save(data)
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = MALINAU, OWN_ADDRESSES[0], "Laporan mingguan 13-15 September"
    msg["Date"] = "Thu, 16 Sep 2027 08:00:00 +0800"
    msg.set_content("terlampir")
    msg.add_attachment(data.getvalue(), maintype="application",
                       subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename="mingguan.xlsx")
    return read_message(bytes(msg), DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()


@pytest.mark.parametrize("note", [
    "Ket: 14-09 masuk kiriman provinsi 800 keping",
    "Catatan: tgl 14/09 diterima 800 keping dari provinsi",
])
def test_a_delivery_on_a_day_of_the_sheets_rows_is_no_receipt_of_the_report(note: str) -> None:
    read = weekly_sheet_mail(note)
    assert read["received"] is None, read
    assert read["kind"] == "stock_report", read


def test_as_many_again_as_the_part_approved_is_a_new_ask() -> None:
    read = reply_to_desk("Terima kasih pak. Kami mohon tambahan 1.200 keping lagi untuk minggu depan.", PART_APPROVED)
    assert read["requested"] == 1200, read
