"""Rules for the letters of a new budget year: dates with the month in Roman numerals are no figure, a handover
between operators is no receipt, a forwarded mail asked about is not the writer's own, and a letter attached as a
Word file (.docx, its tables too) is read. Each test is a short mail with its own words."""

from __future__ import annotations

import zipfile
from email.message import EmailMessage
from io import BytesIO

import pytest

from mailbot.errors import LimitExceeded
from mailbot.reader import read_message
from mailbot.reader.mime import ReadLimits, read_docx
from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES, mail, read_plain

BULUNGAN = "Disdukcapil Bulungan <disdukcapil@bulungankab.example>"
MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"
TARAKAN = "Disdukcapil Tarakan <disdukcapil@tarakankota.example>"


# --- Roman-numeral dates --------------------------------------------------------------------


def test_a_stock_dated_with_a_roman_month_is_the_figure_after_the_date() -> None:
    read = mail(MALINAU, "Laporan stok", "Dengan hormat, sisa blangko KTP-el kami per 30-XI-2026 sebanyak 740 keping.")
    assert read["stock_on_hand"] == 740


def test_a_roman_month_between_spaces_is_a_date_too() -> None:
    read = mail(BULUNGAN, "Permohonan",
                "Kami mohon blangko KTP-el 1.500 keping. Stok per 8 II 2027 tinggal 260 keping.")
    assert read["requested"] == 1500 and read["stock_on_hand"] == 260


# --- Handover between operators -------------------------------------------------------------


def test_a_handover_count_beside_the_stock_now_is_no_receipt() -> None:
    read = mail(TARAKAN, "Stok setelah pergantian operator",
                "Waktu pergantian petugas, operator baru menerima 520 keping blangko KTP-el dari operator lama. "
                "Sampai hari ini sudah tercetak 60 keping, jadi sisa blangko sekarang 460 keping.")
    assert read["received"] is None and read["stock_on_hand"] == 460


def test_a_handover_count_alone_is_the_stock_held() -> None:
    read = mail(MALINAU, "Pergantian operator",
                "Kami sampaikan bahwa operator baru telah menerima blangko KTP-el sebanyak 930 keping dari "
                "petugas lama pada saat pergantian tugas minggu ini.")
    assert read["received"] is None and read["stock_on_hand"] == 930


def test_a_list_under_a_handover_lead_is_the_stock_held() -> None:
    read = mail(BULUNGAN, "Pergantian petugas cetak",
                "Dengan hormat, per hari Senin petugas kami berganti.\n"
                "Stok blangko yang diterima petugas baru dari operator lama:\n\n"
                "- Blangko KTP-el : 1.240 keping\n"
                "- Ribbon : 2 roll\n\nDemikian.")
    assert read["kind"] == "stock_report" and read["stock_on_hand"] == 1240 and read["received"] is None


def test_the_provinces_shipment_with_its_minutes_is_still_a_receipt() -> None:
    read = mail(BULUNGAN, "Tanda terima",
                "Blangko KTP-el sebanyak 1.500 keping sesuai Berita Acara Serah Terima dari provinsi telah kami terima "
                "dalam keadaan baik.")
    assert read["received"] == 1500


def test_a_shipment_handed_to_the_offices_storekeeper_is_still_a_receipt() -> None:
    read = mail(MALINAU, "Konfirmasi penerimaan",
                "Blangko KTP-el kiriman provinsi yang tiba di bandara dan diserahterimakan kepada pengurus barang kami "
                "kemarin telah kami terima sebanyak 1.200 keping dalam keadaan baik.")
    assert read["received"] == 1200 and read["stock_on_hand"] is None


# --- A forwarded mail asked about -----------------------------------------------------------


def test_a_question_about_a_forwarded_subunit_mail_adopts_none_of_its_figures() -> None:
    read = mail(MALINAU, "Fwd: permintaan blangko kecamatan",
                "Selamat pagi, mohon arahan: apakah permintaan dari kecamatan seperti di bawah ini bisa langsung "
                "dikirim ke provinsi?\n\nSalam\n\n"
                "---------- Forwarded message ---------\nDari: Kec. Mentarang <kecmentarang@gmail.com>\n"
                "Subject: blangko\n\nMohon dikirimkan blangko KTP-el 200 keping, sisa kami tinggal 12 keping.\n")
    assert read["kind"] == "other" and read["requested"] is None and read["stock_on_hand"] is None


# --- A queue of files is no count of work done ----------------------------------------------


def test_files_waiting_to_be_printed_are_no_second_printed_figure() -> None:
    read = mail(TARAKAN, "lap harian", "Laporan 21/01: rekam 48, cetak 40. Stok blangko 600 keping, "
                "berkas menunggu dicetak 15.")
    assert (read["recorded"], read["printed"], read["stock_on_hand"]) == (48, 40, 600)


# --- A month's target less the stock --------------------------------------------------------


def test_the_shortfall_of_a_target_for_a_month_named_before_it_is_asked() -> None:
    read = mail(MALINAU, "Kebutuhan Maret", "Pada bulan Maret 2027 target pencetakan kami 900 keping, sisa blangko "
                "KTP-el tinggal 250 keping. Mohon dikirimkan kekurangannya.")
    assert read["requested"] == 650 and read["stock_on_hand"] == 250


# --- A sheet of one day's rows per kecamatan ------------------------------------------------


def test_a_total_row_after_the_days_date_is_the_days_figure() -> None:
    read = read_plain("Laporan harian", "Laporan terlampir. Sisa blangko KTP-el sore ini 870 keping.",
                      sender=MALINAU, csv="tgl,kecamatan,rekam,cetak\n2027-02-03,Malinau Kota,55,50\n"
                      "2027-02-03,Mentarang,21,18\n2027-02-03,Jumlah,76,68\n").as_dict()
    assert (read["recorded"], read["printed"], read["stock_on_hand"]) == (76, 68, 870)


# --- Letters attached as Word files ----------------------------------------------------------

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _paragraph(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _table(rows: list[list[str]]) -> str:
    cells = "".join("<w:tr>" + "".join(f"<w:tc>{_paragraph(c)}</w:tc>" for c in row) + "</w:tr>" for row in rows)
    return f"<w:tbl>{cells}</w:tbl>"


def _docx(body: str, padding: int = 0) -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", f'<?xml version="1.0"?><w:document {_W}><w:body>{body}'
                         f'{" " * padding}</w:body></w:document>')
    return out.getvalue()


def _with_letter(sender: str, subject: str, text: str, letter: bytes) -> dict[str, object]:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, OWN_ADDRESSES[0], subject
    msg.set_content(text)
    msg.add_attachment(letter, maintype="application",
                       subtype="vnd.openxmlformats-officedocument.wordprocessingml.document", filename="surat.docx")
    return read_message(bytes(msg), DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()


def test_a_request_in_an_attached_word_letter_is_read() -> None:
    letter = _docx(_paragraph("Perihal : Permohonan Blangko") + _paragraph(
        "Dengan hormat, kami mengajukan permohonan blangko KTP-el sebanyak 1.800 (seribu delapan ratus) keping. "
        "Sisa blangko saat ini 210 keping."))
    read = _with_letter(MALINAU, "Surat permohonan", "Terlampir surat kami, mohon ditindaklanjuti.", letter)
    assert read["kind"] == "request" and read["requested"] == 1800 and read["stock_on_hand"] == 210


def test_a_table_in_an_attached_word_letter_is_read_as_a_table() -> None:
    letter = _docx(_paragraph("Rekap bulanan Januari 2027:") + _table([
        ["Kecamatan", "Perekaman", "Pencetakan"], ["Malinau Kota", "140", "131"], ["Mentarang", "52", "49"],
        ["Jumlah", "192", "180"]]) + _paragraph("Sisa blangko KTP-el akhir bulan 655 keping."))
    read = _with_letter(MALINAU, "Rekap bulanan", "Terlampir surat kami.", letter)
    assert (read["recorded"], read["printed"], read["stock_on_hand"]) == (192, 180, 655)


def test_paragraphs_inside_a_content_control_of_a_word_letter_are_read() -> None:
    asked = _paragraph("Mohon blangko KIA sebanyak 700 lembar.")
    letter = _docx(f"<w:sdt><w:sdtContent>{asked}</w:sdtContent></w:sdt>")
    read = _with_letter(MALINAU, "Surat permohonan", "Terlampir surat kami.", letter)
    assert read["requested"] == 700 and read["item"] == "kia"


def test_a_word_letter_that_inflates_past_the_limit_is_refused() -> None:
    letter = _docx(_paragraph("Sisa 100 keping."), padding=200_000)
    with pytest.raises(LimitExceeded, match="spreadsheet_bytes"):
        read_docx(letter, ReadLimits(max_spreadsheet_bytes=100_000))


def test_a_word_letter_with_a_document_type_declaration_is_refused() -> None:
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
                         f"<w:document {_W}><w:body>{_paragraph('&a;')}</w:body></w:document>")
    with pytest.raises(ValueError):
        read_docx(out.getvalue())
