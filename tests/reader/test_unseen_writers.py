"""Classes of mail that failed on writers the reader had never seen: round figures, vague tails,
zero stock as a word, opening and closing stock, figures about something else, both blanks."""

from __future__ import annotations

import pytest

from mailbot.reader import read_message
from mailbot.reader.numbers import normalise
from mailbot.reader.roles import current_requests, read_text, settle
from tests.reader.conftest import DISTRICTS


def read(text: str) -> dict[str, int]:
    candidates, unassigned = read_text(text, normalise(text))
    return dict(settle(current_requests(candidates), unassigned).values)


def mail(body: str, subject: str = "blangko", sender: str = "disdukcapil@nunukankab.example") -> bytes:
    return f"From: {sender}\nTo: blangko@x.example\nSubject: {subject}\n\n{body}".encode()


# --- Round figures and vague tails -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("mohon tambahan blangko KTP-el ± 1.200 keping", {"requested": 1200}),
        ("kebutuhan kami kurang lebih 2.000 keping, mohon dikirim", {"requested": 2000}),
        ("stok ± 400 keping, tepatnya 396 keping", {"stock_on_hand": 396}),
        ("sisa blg kami 1rb kurang dikit, mohon dikirim 2rb", {"requested": 2000}),
    ],
)
def test_round_figures_count_and_vague_ones_do_not(text: str, want: dict[str, int]) -> None:
    assert read(text) == want


# --- Figures about something else ---------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Kami menawarkan kartu PVC dengan harga Rp 3.500/pcs, minimal order 1.000 pcs.",
        "Register today and receive a USD 1,000 bonus.",
    ],
)
def test_money_and_trade_terms_are_no_figures(body: str) -> None:
    v = read_message(mail(body, sender="sales@vendor.example"), DISTRICTS)
    assert (v.requested, v.received, v.stock_on_hand) == (None, None, None)


def test_another_districts_figure_is_not_the_writers() -> None:
    body = ("Kebutuhan blangko KTP-el Kabupaten Malinau sebanyak 4.000 keping. Sebagai perbandingan, "
            "Kab. Nunukan dengan jumlah kecamatan yang sama menerima 5.000 keping pada periode lalu.")
    v = read_message(mail(body, sender="disdukcapil@malinaukab.example"), DISTRICTS)
    assert (v.requested, v.received) == (4000, None)


def test_a_part_of_the_figure_before_is_not_a_figure_of_its_own() -> None:
    body = "Blangko KTP-el sebanyak 2.000 keping telah kami terima, namun 12 keping di antaranya rusak."
    v = read_message(mail(body), DISTRICTS)
    assert (v.kind, v.received) == ("receipt", 2000)


# --- Stock as a word, opening and closing stock -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("blangko KIA di kantor kami sudah habis (0 keping) sejak Jumat. Mohon dikirim 1.000 keping.",
         {"requested": 1000, "stock_on_hand": 0}),
        ("Perekaman: nihil (jaringan terputus)\nPencetakan: 52 keping\nSisa blangko: 1.084 keping",
         {"recorded": 0, "printed": 52, "stock_on_hand": 1084}),
        ("stok blangko kami kosong, mohon dikirim 500 keping", {"requested": 500, "stock_on_hand": 0}),
        ("stok blangko hampir habis, mohon dikirim 500 keping", {"requested": 500}),
        ("mohon dikirim 500 keping sebelum stok habis", {"requested": 500}),
        ("Stok awal: 1.200 keping\nTerpakai hari ini: 64 keping\nStok akhir: 1.136 keping",
         {"stock_on_hand": 1136}),
    ],
)
def test_zero_stock_words_and_closing_stock(text: str, want: dict[str, int]) -> None:
    assert read(text) == want


# --- Both blanks -------------------------------------------------------------------------------


def test_a_report_with_both_blanks_reads_each() -> None:
    body = ("Laporan hari ini: perekaman 44 orang, pencetakan KTP-el 39 keping dan KIA 120 keping, "
            "sisa blangko KTP-el 1.003 keping, sisa blangko KIA 250 keping.")
    v = read_message(mail(body, subject="Laporan harian"), DISTRICTS)
    assert (v.kind, v.item, v.printed, v.stock_on_hand, v.recorded) == ("stock_report", "ktp-el", 39, 1003, 44)
    kia = v.reading_for("kia")
    assert kia is not None and (kia.printed, kia.stock_on_hand) == (120, 250)
    data = v.as_dict()["readings"]
    assert data["kia"]["stock_on_hand"] == 250 and data["ktp-el"]["printed"] == 39  # type: ignore[index]


def test_a_request_for_one_blank_keeps_the_other_out() -> None:
    body = "stok KTP-el masih 3.200 (cukup), mohon tambahan blangko KIA 1.000 lembar"
    v = read_message(mail(body), DISTRICTS)
    assert (v.kind, v.item, v.requested, v.stock_on_hand, v.readings) == ("request", "kia", 1000, None, ())


# --- Replies and unknown senders ------------------------------------------------------------------


def test_a_raise_in_a_reply_above_an_outlook_header_with_terkirim() -> None:
    body = ("Betul Pak. Namun bila memungkinkan mohon ditambah menjadi 2.500 keping.\n\n"
            "________________________________\nDari: Disdukcapil Kaltara <blangko@x.example>\n"
            "Terkirim: Selasa, 28 Februari 2023 16.20\nKepada: disdukcapil@malinaukab.example\n"
            "Subjek: Konfirmasi permohonan blangko\n\n"
            "Mohon konfirmasi apakah Kab. Malinau jadi mengajukan 2.000 keping?\n")
    v = read_message(mail(body, "RE: Konfirmasi permohonan blangko", "disdukcapil@malinaukab.example"), DISTRICTS)
    assert (v.kind, v.requested) == ("request", 2500)


def test_other_mail_from_an_unknown_address_speaks_for_no_district() -> None:
    body = "Undangan rapat koordinasi di Tarakan, Kamis 10.00 WITA. Mohon kehadiran Bapak/Ibu."
    v = read_message(mail(body, "Undangan rapat", "panitia@event.example"), DISTRICTS)
    assert (v.kind, v.district) == ("other", None)


def test_the_cues_that_decided_a_number_are_in_its_evidence() -> None:
    v = read_message(mail("Stok awal: 1.200 keping\nStok akhir: 1.136 keping", "Laporan harian"), DISTRICTS)
    (stock,) = [e for e in v.evidence if e.field == "stock_on_hand"]
    assert stock.value == 1136 and "keyword_before:stok akhir" in stock.cues and "unit:blank" in stock.cues
    assert v.as_dict()["evidence"][0]["cues"] == list(stock.cues)  # type: ignore[index]


# --- Tables ------------------------------------------------------------------------------------


def html_mail(html: str, subject: str = "Laporan", sender: str = "disdukcapil@nunukankab.example") -> bytes:
    return (f"From: {sender}\nTo: blangko@x.example\nSubject: {subject}\nMIME-Version: 1.0\n"
            f"Content-Type: text/html; charset=utf-8\n\n<html><body>{html}</body></html>").encode()


def test_a_row_per_place_with_a_total_row_is_read_by_its_total() -> None:
    table = ("<table><tr><td>Lokasi</td><td>Perekaman</td><td>Pencetakan</td></tr>"
             "<tr><td>Kantor Dinas</td><td>64</td><td>58</td></tr><tr><td>UPT Sebatik</td><td>22</td><td>0</td></tr>"
             "<tr><td>MPP</td><td>18</td><td>15</td></tr><tr><td><b>Jumlah</b></td><td>104</td><td>73</td></tr></table>"
             "<p>Sisa blangko KTP-el per sore ini: 1.318 keping.</p>")
    v = read_message(html_mail("<p>Rekap pelayanan KTP-el:</p>" + table), DISTRICTS)
    assert (v.recorded, v.printed, v.stock_on_hand) == (104, 73, 1318)
    assert "total_row" in next(e for e in v.evidence if e.field == "recorded").cues


def test_rows_per_place_without_a_total_add_up_to_the_districts() -> None:
    # As the labelled sets read a row per kecamatan with no total row: the district's figure is their sum.
    table = ("<table><tr><td>Lokasi</td><td>Perekaman</td><td>Pencetakan</td></tr>"
             "<tr><td>Kantor Dinas</td><td>64</td><td>58</td></tr>"
             "<tr><td>UPT Sebatik</td><td>22</td><td>0</td></tr></table>")
    v = read_message(html_mail("<p>Rekap pelayanan KTP-el:</p>" + table), DISTRICTS)
    assert (v.recorded, v.printed) == (86, 58)


def test_a_row_per_blank_gives_each_blank_its_figures() -> None:
    table = ("<table><tr><th>Jenis Blangko</th><th>Dikirim</th><th>Diterima</th><th>Keterangan</th></tr>"
             "<tr><td>KTP-el</td><td>3.000</td><td>3.000</td><td>Baik</td></tr>"
             "<tr><td>KIA</td><td>500</td><td>480</td><td>20 rusak</td></tr></table>")
    v = read_message(html_mail("<p>Blangko kiriman telah kami terima dengan rincian:</p>" + table,
                               "Konfirmasi penerimaan blangko"), DISTRICTS)
    assert (v.kind, v.item, v.received) == ("receipt", "ktp-el", 3000)
    kia = v.reading_for("kia")
    assert kia is not None and kia.received == 480


# --- Clauses, running totals, replies and forwards ---------------------------------------------------


def test_a_dotted_abbreviation_does_not_end_the_clause() -> None:
    text = "Kebutuhan blangko KTP-el untuk periode Oktober s.d. Desember 2022 sebanyak 4.000 keping."
    assert read(text) == {"requested": 4000}


def test_a_running_total_up_to_a_date_is_not_the_days_count() -> None:
    text = ("Total perekaman s.d. 28 Februari 2023: 9.412 orang; perekaman hari ini 166 orang.\n"
            "Pencetakan hari ini 150 keping.")
    assert read(text) == {"recorded": 166, "printed": 150}


def test_a_forwarded_own_request_counts_but_the_new_words_win() -> None:
    body = ("Meneruskan permohonan kami di bawah. Ada perubahan: kebutuhan kami menjadi 2.500 keping "
            "(sebelumnya 2.000 keping).\n\n---------- Forwarded message ---------\n"
            "From: Disdukcapil Kab. Bulungan <disdukcapil@bulungankab.example>\nDate: Tue, May 2, 2023\n"
            "Subject: Permohonan blangko KTP-el\nTo: <blangko@disdukcapil.kaltaraprov.example>\n\n"
            "Mohon dikirimkan blangko KTP-el sebanyak 2.000 keping. Sisa stok kami 690 keping.\n")
    v = read_message(mail(body, "Fwd: Permohonan blangko KTP-el", "disdukcapil@bulungankab.example"), DISTRICTS,
                     own_addresses=("blangko@disdukcapil.kaltaraprov.example",))
    assert (v.kind, v.requested, v.stock_on_hand) == ("request", 2500, 690)
    assert "forwarded" in next(e for e in v.evidence if e.field == "stock_on_hand").cues


def test_a_figure_proposed_by_the_desk_and_answered_is_the_request() -> None:
    body = ("Kalau bisa 1.500 pak, karena ada perekaman massal akhir bulan ini.\n\n"
            "Pada tanggal Sen, 15 Mei 2023 pukul 11.30 Disdukcapil Kaltara <blangko@x.example> menulis:\n\n"
            "> Blangko untuk KTT rencananya kami kirim minggu depan sebanyak 1.000 keping,\n"
            "> apakah sudah mencukupi?\n")
    v = read_message(mail(body, "Re: Rencana pengiriman blangko", "disdukcapil@tanatidungkab.example"), DISTRICTS)
    assert (v.kind, v.requested) == ("request", 1500)


def test_a_scam_dressed_as_a_system_notice_is_other_mail() -> None:
    raw = (b"From: Admin Webmail <no-reply@webmail-verifikasi.example>\nSubject: Kotak surat Anda 99% penuh\n\n"
           b"Kotak surat Anda hampir penuh. Verifikasi akun sekarang untuk mendapatkan tambahan 10 GB gratis.\n")
    v = read_message(raw, DISTRICTS)
    assert (v.kind, v.automated_reasons) == ("other", ())


def test_blg_is_a_blank_not_bulungan() -> None:
    body = "saya Fadli dr Capil Tarakan. Blg ktp el kita sisa 611, mhn dikirim 2.000 kpg."
    v = read_message(mail(body, "blangko tarakan", "fadli@mail.example"), DISTRICTS)
    assert (v.district, v.requested, v.stock_on_hand) == ("65.71", 2000, 611)


# --- English mail, whose stock, form and calendar notices ----------------------------------------


@pytest.mark.parametrize(
    ("body", "kind", "want"),
    [
        ("Our e-KTP blank stock is now empty (out of stock). Please send 1,000 pieces.", "request",
         {"requested": 1000, "stock_on_hand": 0}),
        ("Further to our earlier request for 1,000 cards, we would like to increase it to 1,500 cards.", "request",
         {"requested": 1500}),
        ("Opening stock: 1,200\nUsed today: 64\nClosing stock: 1,136\nRecorded: 70", "stock_report",
         {"stock_on_hand": 1136, "recorded": 70}),
    ],
)
def test_english_mail(body: str, kind: str, want: dict[str, int]) -> None:
    v = read_message(mail(body, "e-KTP blanks"), DISTRICTS)
    got = {f: getattr(v, f) for f in ("requested", "stock_on_hand", "received", "printed", "recorded")}
    assert (v.kind, {k: x for k, x in got.items() if x is not None}) == (kind, want)


def test_a_stock_said_of_another_holder_is_not_the_writers() -> None:
    text = ("Mohon dikirim 1.000 keping. Info: stok di gudang provinsi katanya tinggal 5.000 keping. "
            "Sisa kami 300 keping.")
    assert read(text) == {"requested": 1000, "stock_on_hand": 300}


@pytest.mark.parametrize("sender", ["forms-receipts-noreply@google.example", "calendar-notification@google.example"])
def test_form_and_calendar_notices_are_automated(sender: str) -> None:
    body = "Tanggapan baru untuk formulir Laporan Harian.\nPerekaman: 120\nPencetakan: 80\nSisa blangko: 900"
    v = read_message(mail(body, "Tanggapan baru: Laporan Harian", sender), DISTRICTS)
    assert (v.kind, v.stock_on_hand, v.district) == ("automated", None, None)


def test_an_ask_for_the_difference_wins_over_the_need_stated_beside_it() -> None:
    body = ("Kebutuhan blangko KTP-el bulan Januari diperkirakan 3.000 keping, sedangkan sisa stok kami 750 keping. "
            "Dengan demikian, kami mohon dikirimkan kekurangannya sebanyak 2.250 keping.")
    v = read_message(mail(body, "Permohonan blangko KTP-el"), DISTRICTS)
    assert (v.requested, v.stock_on_hand) == (2250, 750)


# --- Spreadsheets laid out differently ----------------------------------------------------------------


def xlsx_mail(rows: list[tuple[object, ...]], body: str = "Terlampir laporan.") -> bytes:
    from email.message import EmailMessage
    from io import BytesIO

    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(list(row))
    data = BytesIO()
    book.save(data)
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "disdukcapil@nunukankab.example", "blangko@x.example", "Laporan harian"
    msg.set_content(body)
    msg.add_attachment(data.getvalue(), maintype="application",
                       subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename="laporan.xlsx")
    return msg.as_bytes()


def test_a_sheet_with_title_rows_above_its_header_and_a_total_row_gives_stock_of_the_last_day_and_counts_of_the_total(
) -> None:
    from datetime import date

    rows = [("LAPORAN HARIAN DISDUKCAPIL NUNUKAN",), ("Bulan Maret 2023",), (),
            ("No", "Tanggal", "Perekaman", "Pencetakan", "Sisa Blangko"),
            (1, date(2023, 3, 1), 100, 90, 1500), (2, date(2023, 3, 2), 110, 95, 1405),
            ("Jumlah", None, 210, 185, None)]
    v = read_message(xlsx_mail(rows), DISTRICTS)
    # What was done in the period is the total row's; the stock now is the last day's.
    assert (v.recorded, v.printed, v.stock_on_hand) == (210, 185, 1405)


def test_opening_and_closing_stock_columns_read_the_closing_one() -> None:
    from datetime import date

    rows = [("Tanggal", "Stok Awal", "Pencetakan", "Stok Akhir"), (date(2023, 3, 2), 1500, 95, 1405)]
    v = read_message(xlsx_mail(rows), DISTRICTS)
    assert (v.printed, v.stock_on_hand) == (95, 1405)


def test_columns_per_blank_give_a_reading_per_blank() -> None:
    from datetime import date

    rows = [("Date", "Printed KTP-el", "Remaining KTP-el", "Printed KIA", "Remaining KIA"),
            (date(2023, 3, 2), 95, 1405, 30, 400)]
    v = read_message(xlsx_mail(rows, "Attached is our daily report."), DISTRICTS)
    assert (v.item, v.printed, v.stock_on_hand) == ("ktp-el", 95, 1405)
    kia = v.reading_for("kia")
    assert kia is not None and (kia.printed, kia.stock_on_hand) == (30, 400)


def test_received_and_damaged_figures_side_by_side_are_asked_back() -> None:
    # Whether the damaged cards are part of those received or on top of them, the clerk asks.
    v = read_message(mail("Blangko 1.000 keping sudah diterima, 20 keping rusak dan akan kami kembalikan.",
                          "Penerimaan"), DISTRICTS)
    doubted = [d.reason for d in v.doubts if d.field == "received"]
    assert (v.kind, v.received, doubted) == ("receipt", None, ["conflict"])


def test_a_typed_table_with_two_space_columns_and_a_totals_row() -> None:
    body = ("Weekly report\n\nDate        Recorded  Printed  Remaining\n13/03/2023  50        40       900\n"
            "14/03/2023  55        45       855\nTotal       105       85\n")
    v = read_message(mail(body, "Weekly report"), DISTRICTS)
    assert (v.kind, v.recorded, v.printed, v.stock_on_hand) == ("stock_report", 105, 85, 855)


def test_a_count_of_work_no_district_does_in_a_day_is_a_running_total() -> None:
    text = "Target perekaman tahun ini 12.000 jiwa, sudah terekam 9.500. Mohon dikirim blangko 1.000 keping."
    assert read(text) == {"requested": 1000}


@pytest.mark.parametrize(("body", "received"), [
    ("Blangko KTP-el 2.400 keping sudah kami terima tadi siang. Sekalian kami mohon tambahan blangko KIA 600 keping, "
     "sisa KIA kami tinggal 250 keping.", 2400),
    ("KTP-el 1.000 lbr kmrn sdh diterima pak. Utk KIA mohon dikirim 300 lbr", 1000),
    # a receipt only hoped for is no reading of the other blank
    ("Blangko KTP-el 2.000 keping semoga segera kami terima. Sekalian kami mohon blangko KIA 600 keping.", None),
])
def test_a_request_for_one_blank_keeps_the_count_received_of_the_other(body: str, received: int | None) -> None:
    v = read_message(mail(body), DISTRICTS)
    assert (v.kind, v.item) == ("request", "kia"), v
    got = v.reading_for("ktp-el")
    assert (got.received if got is not None else None) == received, v.readings
    if got is not None:
        assert (got.requested, got.stock_on_hand) == (None, None)
