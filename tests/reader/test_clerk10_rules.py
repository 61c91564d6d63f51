"""Classes of wrong numbers found on two more writers (kecamatan field reports, boxes, typed tables with
yesterday's and today's columns, stock audits, loans between districts), each removed by a principle a
careful clerk applies, not by the phrases of those mails."""

from __future__ import annotations

import pytest

from mailbot.reader import read_message
from mailbot.reader.numbers import normalise
from mailbot.reader.roles import current_requests, read_text, settle
from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES


def read(text: str) -> dict[str, int]:
    candidates, unassigned = read_text(text, normalise(text))
    return dict(settle(current_requests(candidates), unassigned).values)


def mail(body: str, subject: str = "blangko", sender: str = "disdukcapil@tarakankota.example") -> bytes:
    return (f"From: {sender}\nTo: blangko@disdukcapil.kaltaraprov.example\nSubject: {subject}\n\n{body}").encode()


def verdict(body: str, subject: str = "blangko") -> dict[str, object]:
    return read_message(mail(body, subject), DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()


FIGURES = ("requested", "stock_on_hand", "received", "printed", "recorded")


def figures(body: str, subject: str = "blangko") -> dict[str, object]:
    got = verdict(body, subject)
    return {f: got[f] for f in FIGURES if got[f] is not None} | {"kind": got["kind"]}


# --- One work figure in a request is the reason for asking -------------------------------------------------


@pytest.mark.parametrize(
    "reason",
    [
        "Karena ada perekaman massal di pelabuhan (± 400 orang) minggu ini, mohon tambahan 2.500 keping.",
        "Target perekaman dan cetak bulan Desember 2.400 keping, mohon tambahan 2.500 keping.",
        "Pencetakan minggu depan diperkirakan 600 keping, mohon tambahan 2.500 keping.",
    ],
)
def test_one_work_figure_in_a_request_is_no_count_of_work(reason: str) -> None:
    assert figures(reason) == {"kind": "request", "requested": 2500}


def test_a_request_with_the_days_work_keeps_both_counts() -> None:
    body = "Laporan hari ini: perekaman 156, pencetakan 131, sisa blangko 420. Mohon tambahan 2.000 keping."
    assert figures(body) == {"kind": "request", "requested": 2000, "stock_on_hand": 420, "printed": 131,
                             "recorded": 156}


# --- Two periods side by side in a typed table: the latest column is the figure now ---------------------


@pytest.mark.parametrize(
    "header, rows, want",
    [
        ("                 Kemarin (3/12)   Hari ini (4/12)",
         ["Perekaman              88              102", "Pencetakan             61               75",
          "Sisa blangko        1.140            1.065"],
         {"recorded": 102, "printed": 75, "stock_on_hand": 1065}),
        ("| Hari ini | Kemarin", ["Rekam | 131 | 142", "Cetak | 117 | 126", "Sisa blangko | 1.161 | 1.278"],
         {"recorded": 131, "printed": 117, "stock_on_hand": 1161}),
        # Dated columns, none called today's: the latest stock; which day's count the report gives is not said.
        ("\t02/12\t03/12\t04/12", ["Perekaman\t40\t51\t62", "Sisa stok\t900\t850\t790"],
         {"stock_on_hand": 790}),
    ],
)
def test_the_latest_of_periods_side_by_side_is_read(header: str, rows: list[str], want: dict[str, int]) -> None:
    body = "Yth. Provinsi,\n\n" + "\n".join([header, *rows]) + "\n\nTerima kasih\nDisdukcapil Tarakan"
    assert figures(body, "Laporan harian blangko") == {"kind": "stock_report", **want}


def test_periods_side_by_side_with_no_latest_are_not_read() -> None:
    body = ("Yth. Provinsi,\n\n              Hari ini    Hari ini\nPerekaman     88          102\n"
            "Sisa blangko  1.140       1.065\n\nTerima kasih")
    got = figures(body, "Laporan harian blangko")
    assert "recorded" not in got and "stock_on_hand" not in got


# --- The gap asked for by a label, or written out as a subtraction -------------------------------------------


@pytest.mark.parametrize(
    "gap",
    [
        "  - Kekurangan          : mohon dipenuhi",
        "  - Selisih: mohon dikirimkan",
        "Kekurangan: (mohon dapat dipenuhi)",
    ],
)
def test_a_gap_label_whose_value_is_an_ask_is_the_need_less_the_stock(gap: str) -> None:
    text = ("Rekap kebutuhan KTP-el:\n  - Perkiraan kebutuhan : 4.200 keping\n"
            f"  - Stok di gudang      : 940 keping\n{gap}\n")
    assert read(text) == {"requested": 3260, "stock_on_hand": 940}


@pytest.mark.parametrize(
    "written, want",
    [
        ("yaitu 3.640 dikurangi 2.495.", 1145),
        ("yaitu 3.640 - 2.495 = 1.145 keping.", 1145),
        ("sebanyak 3.640 keping dikurangi 2.495 keping.", 1145),
    ],
)
def test_a_difference_written_out_is_worked_out(written: str, want: int) -> None:
    text = ("Pemilih pemula yang belum memiliki KTP-el berjumlah 3.640 orang. Stok blangko KTP-el kami 2.495 "
            f"keping. Dengan ini kami mohon dapat dipenuhi kekurangannya, {written}")
    assert read(text) == {"requested": want, "stock_on_hand": 2495}


def test_a_range_after_the_gap_is_no_difference() -> None:
    text = "Stok kami 500 keping. Mohon dipenuhi kekurangannya, kira-kira 1.000 - 1.500 keping."
    assert "requested" not in read(text)


# --- English units of time, pages, places and supplies make a figure no count of blanks ---------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Card printing lags recording by roughly 2 weeks because of blank shortages.",
        "The full report (48 pages) on recording and printing will follow.",
        "Recording teams visited 12 villages; printing resumed after 3 days.",
        "We printed with 4 ribbons and 2 cleaning kits this month.",
    ],
)
def test_english_units_make_no_count_of_work(sentence: str) -> None:
    assert read(sentence) == {}


# --- An event named as the time of a stock is no role of its figure ---------------------------------------------


@pytest.mark.parametrize(
    "line, stock",
    [
        ("Stok KIA setelah penerimaan : 2.220 keping", 2220),
        ("Sisa blangko sesudah pencetakan hari ini 780 keping", 780),
        ("Stock after receipt: 2,220 blanks", 2220),
    ],
)
def test_a_stock_counted_after_an_event_is_the_stock(line: str, stock: int) -> None:
    got = read(f"Dengan hormat,\n\n{line}\n\nTerima kasih.")
    assert got.get("stock_on_hand") == stock and "received" not in got and "printed" not in got


# --- A request tells a receipt only as done ---------------------------------------------------------------------


def test_a_receipt_word_qualifying_a_stock_in_a_request_is_no_receipt() -> None:
    body = ("Berdasarkan Berita Acara Serah Terima barang persediaan, stok blangko KTP-el yang kami terima adalah "
            "692 keping. Mohon dukungan tambahan blangko sebanyak 2.000 keping.")
    got = figures(body, "Permohonan blangko KTP-el")
    assert got["kind"] == "request" and got["requested"] == 2000 and "received" not in got


def test_a_receipt_said_as_done_in_a_request_stays() -> None:
    body = "Pak, blangko 2.000 kemarin sudah kami terima. Karena jemput bola, mohon tambahan lagi 1.000 keping."
    assert figures(body) == {"kind": "request", "requested": 1000, "received": 2000}


# --- Packages with the size of one are a count of blanks ------------------------------------------------------


@pytest.mark.parametrize(
    "text, want",
    [
        ("mohon dikirimkan blangko sebanyak 4 (empat) dus, isi per dus 500\nkeping", [2000]),
        ("sudah kami terima 6 (enam) dus @ 500 keping", [3000]),
        ("4 dus isi 500 lembar, jadi 2.000 lembar", [2000, 2000]),
        ("3 dus utuh (isi 500/dus) + 214 lembar ecer = 1.714 lembar", [1714, 1714]),
        ("isi per dus 500 keping. sisa stok 1 dus utuh ditambah 87 keping ecer", [500, 587]),
        ("stok 2 dus ribbon", [2]),  # no size stated: no count of blanks
    ],
)
def test_packages_with_their_size_are_counted(text: str, want: list[int]) -> None:
    from mailbot.reader.numbers import find_mentions

    assert [m.value for m in find_mentions(normalise(text))] == want


def test_whole_boxes_and_loose_blanks_in_a_request() -> None:
    body = ("Mohon dikirimkan blangko KTP-el sebanyak 4 (empat) dus, isi per dus 500 keping.\n"
            "Sisa stok kami saat ini 1 dus utuh ditambah 87 keping ecer.")
    assert figures(body) == {"kind": "request", "requested": 2000, "stock_on_hand": 587}


# --- Sheets that give each blank its own figures: the report is read for KTP-el, KIA beside it ----------------


def two_sheet_mail(body: str) -> bytes:
    from email.message import EmailMessage
    from io import BytesIO

    import openpyxl

    book = openpyxl.Workbook()
    kia = book.active
    for row in [("Rekap KIA Nov 2026",), ("Item", "Jumlah"), ("Dicetak", 812), ("Sisa", 1540)]:
        kia.append(list(row))
    ktp = book.create_sheet("Rekap")
    for row in [("REKAP BLANGKO KTP-EL NOVEMBER 2026",), ("Keterangan", "Jumlah", "Satuan"),
                ("Perekaman", 3010, "orang"), ("Pencetakan", 2744, "keping"), ("Closing stock 30/11", 692, "keping")]:
        ktp.append(list(row))
    data = BytesIO()
    book.save(data)
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "disdukcapil@bulungankab.example", "blangko@x.example", "Laporan bulanan"
    msg.set_content(body)
    msg.add_attachment(data.getvalue(), maintype="application",
                       subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename="rekap.xlsx")
    return msg.as_bytes()


def test_sheets_for_each_blank_are_read_for_ktp_el_whatever_the_words_name() -> None:
    v = read_message(two_sheet_mail("Laporan tutup bulan terlampir (sheet Rekap). Maaf sheet pertama isinya KIA."),
                     DISTRICTS)
    assert (v.item, v.recorded, v.printed, v.stock_on_hand) == ("ktp-el", 3010, 2744, 692)
    kia = next(r for r in v.readings if r.item == "kia")
    assert (kia.printed, kia.stock_on_hand) == (812, 1540)


# --- A stock audit: the count in the store over the register's balance ------------------------------------------


@pytest.mark.parametrize(
    "text, stock",
    [
        ("Hasil stock opname:\nBlangko KTP-el: tercatat 2.620, fisik 2.652 (selisih lebih 32 keping).", 2652),
        ("- Saldo menurut catatan (kartu persediaan/SIAK) : 2.523 keping\n"
         "- Hasil penghitungan fisik                       : 2.495 keping\n", 2495),
        ("Stock take: book balance in our stock card 1,210 pcs, physical count 1,198 pcs.", 1198),
    ],
)
def test_the_physical_count_is_the_stock(text: str, stock: int) -> None:
    assert read(text).get("stock_on_hand") == stock


def test_two_stocks_without_a_count_stay_unclear() -> None:
    assert "stock_on_hand" not in read("Sisa stok 2.620 keping. Stok di gudang 2.652 keping.")


# --- The need and the stock in other words: English, Banjar, a month's target, a wrapped line ---------------


@pytest.mark.parametrize(
    "text, want",
    [
        ("Our requirement for December is 1,800 KTP-el cards (regular service plus the outreach trip to the\n"
         "upriver villages of Kayan Selatan and Sungai Tubu). We have 650 blanks\nleft in the store. Please "
         "send the balance.", {"requested": 1150, "stock_on_hand": 650}),
        ("Kebutuhan 2.400 keping, blangko yang ada di kami 900 saja. Kekurangannya mohon dikirim.",
         {"requested": 1500, "stock_on_hand": 900}),
        ("Target perekaman wan cetak bulan Desember di Bulungan 2.400 keping, blangko nang ada di kami 900 haja. "
         "Kurangnya ja mohon dikirim lah Pak.", {"requested": 1500, "stock_on_hand": 900}),
    ],
)
def test_need_and_stock_in_other_words_give_the_gap(text: str, want: dict[str, int]) -> None:
    got = read(text)
    assert {f: got.get(f) for f in want} == want


def test_a_figure_still_held_elsewhere_is_no_stock_word() -> None:
    got = read("Permohonan kami cukup 1.200 keping saja, karena ternyata masih ada 400 keping di UPT yang belum "
               "terlapor.")
    assert got.get("stock_on_hand") is None


# --- A server's own mail: cron output, backup reports ---------------------------------------------------------


@pytest.mark.parametrize(
    "sender, subject",
    [
        ("root@srv-arsip.malinaukab.example", "Cron <root@srv-arsip> rsync -a /data/arsip_scan nas:/backup/"),
        ("admin.it@malinaukab.example", "Cron <siak@db01> /usr/local/bin/dump_siak.sh"),
        ("backup@nunukankab.example", "SIAK-Nunukan-Daily (3 VMs) 1 warning"),
        ("it.nunukan@nunukankab.example", "[Warning] SIAK-Nunukan-Daily (3 VMs) 1 warning"),
        ("veeam@tarakankota.example", "Backup job finished"),
    ],
)
def test_a_servers_own_mail_is_automated(sender: str, subject: str) -> None:
    body = "Number of files: 18.244\nNumber of created files: 1.245\nsent 1,88G bytes\nsync selesai 04/12/2026 23:30"
    v = read_message(mail(body, subject, sender), DISTRICTS, own_addresses=OWN_ADDRESSES)
    assert v.kind == "automated" and v.requested is None and v.stock_on_hand is None


# --- Zero in the regional registers, and a zero word followed by its cause ---------------------------------


@pytest.mark.parametrize(
    "text, want",
    [
        ("Kami mohon tambahan blangko KIA 300 keping nggih. Stok KIA sampun entek sejak Senin kemarin.",
         {"requested": 300, "stock_on_hand": 0}),
        ("Mohon tambahan 500 keping. Blangko sampun telas, Pak.", {"requested": 500, "stock_on_hand": 0}),
        ("Perekaman 37 orang, pencetakan nihil karena printer kartu rusak. Stok masih 0 keping.",
         {"recorded": 37, "printed": 0, "stock_on_hand": 0}),
    ],
)
def test_zero_in_other_words(text: str, want: dict[str, int]) -> None:
    assert read(text) == want


@pytest.mark.parametrize(
    "text, want",
    [
        # how fast the stock is used, not a stock of zero
        ("Pak, kalau boleh jumlahnya dinaikkan jadi 2.600 keping, stok kami cepat habis karena pelayanan keliling.",
         {"requested": 2600}),
        ("Mohon tambahan 1.000 keping, blangko KTP-el kami selalu cepat habis kalau ada jemput bola.",
         {"requested": 1000}),
        # ... while "cepat" asked of the sending leaves a stock said to be gone as it is
        ("Mohon dikirim cepat karena stok blangko KTP-el kami sudah habis.", {"stock_on_hand": 0}),
    ],
)
def test_a_stock_that_runs_out_fast_is_a_rate_not_zero(text: str, want: dict[str, int]) -> None:
    assert read(text) == want


# --- A handover inside the office is no receipt; what is handed over is the stock --------------------------------


def test_stock_handed_over_to_a_new_operator_is_the_stock() -> None:
    body = ("Telah dilakukan serah terima barang persediaan kepada operator pengganti dengan Berita Acara Serah "
            "Terima Nomor 027/88/BAST/DKPS/XI/2026.\n\nRincian yang diserahterimakan:\n  Blangko KTP-el : 692 keping\n"
            "  Blangko KIA    : 1.540 keping\n  Ribbon printer : 6 roll\n\nMohon dicatat sebagai stok per 30 November "
            "2026.")
    v = read_message(mail(body, "Berita Acara Serah Terima Stok Blangko - Pergantian Operator"), DISTRICTS,
                     own_addresses=OWN_ADDRESSES)
    assert (v.kind, v.item, v.stock_on_hand, v.received) == ("stock_report", "ktp-el", 692, None)
    assert next(r for r in v.readings if r.item == "kia").stock_on_hand == 1540


def test_a_handover_of_office_with_no_figures_is_other_mail() -> None:
    body = ("Dengan hormat, bersama ini saya memperkenalkan diri sebagai Kepala Dinas yang baru. Serah terima "
            "jabatan dan barang persediaan telah dilaksanakan; laporan stok menyusul melalui laporan harian.")
    assert verdict(body, "Perkenalan Kepala Dinas baru")["kind"] == "other"


def test_minutes_of_a_shipment_received_are_still_a_receipt() -> None:
    body = "Berita acara serah terima blangko KTP-el dari Provinsi sebanyak 2.000 keping sudah kami tanda tangani."
    assert figures(body, "BAST blangko") == {"kind": "receipt", "received": 2000}


# --- A figure written to the unit is counted, not guessed; a part promised already is no stock ---------------


@pytest.mark.parametrize(
    "text, want",
    [
        ("Current KIA stock is about 1,035 pieces, but 900 are already committed to the Posyandu round.",
         {"stock_on_hand": 1035}),
        ("Sisa stok sekitar 1.037 keping.", {"stock_on_hand": 1037}),
        ("Sisa stok sekitar 1.000 keping.", {}),  # a round figure after "sekitar" is an estimate
        ("Sisa stok kurang dari 1.037 keping.", {}),  # a bound, not a figure
    ],
)
def test_estimate_words_and_figures_written_to_the_unit(text: str, want: dict[str, int]) -> None:
    assert read(text) == want


# --- A figure's parts in brackets; a zero stock with its blank named after the word ---------------------------


def test_the_parts_of_an_ask_in_brackets_are_no_figures() -> None:
    text = ("Sebanyak 250 keping blangko KTP-el dan 30 keping blangko KIA ikut terbakar. Stok KTP-el tersisa 840 "
            "keping. Kami mohon dikirim 1.250 keping KTP-el (250 keping pengganti yang terbakar ditambah 1.000 keping "
            "untuk pelayanan Desember).")
    v = read_message(mail(text, "Permohonan blangko"), DISTRICTS, own_addresses=OWN_ADDRESSES)
    assert (v.kind, v.item, v.requested, v.stock_on_hand) == ("request", "ktp-el", 1250, 840)


def test_parts_named_by_another_role_are_figures() -> None:
    text = "Stok awal: 1.200 keping\nTerpakai hari ini: 64 keping (cetak 61, rusak 3)\nStok akhir: 1.136 keping"
    assert read(text)["printed"] == 61


def test_a_zero_stock_names_its_blank_after_the_word() -> None:
    body = "KTP-el: perekaman 188, pencetakan 176, sisa 180\nKIA: blangko habis, pencetakan KIA dihentikan sementara"
    v = read_message(mail(body, "Laporan harian (stok habis KIA)"), DISTRICTS, own_addresses=OWN_ADDRESSES)
    assert (v.kind, v.item, v.stock_on_hand, v.printed, v.recorded) == ("stock_report", "ktp-el", 180, 176, 188)
    assert next(r for r in v.readings if r.item == "kia").stock_on_hand == 0


# --- A revision above the desk's answer to the writer's request revises that request ---------------------------


def test_a_revision_above_the_desks_acknowledgement_is_the_request_again() -> None:
    body = ("Bu Rina, revisi: cukup 2.000 keping saja dulu. Sisa stok pagi ini 260.\n\nHendra\n\n"
            "-----Pesan Asli-----\nDari: Desk Blangko [mailto:blangko@disdukcapil.kaltaraprov.example]\n"
            "Dikirim: Selasa, 01 Desember 2026 11:20\nKepada: disdukcapil@tarakankota.example\n"
            "Perihal: [BLK-2026-0055] permintaan blangko\n\n"
            "Permohonan 3.000 keping blangko KTP-el (stok 410) kami catat dan menunggu persetujuan pimpinan.\n")
    assert figures(body, "RE: [BLK-2026-0055] permintaan blangko") == {
        "kind": "request", "requested": 2000, "stock_on_hand": 260}


# --- A figure given up is denied as "bukan" denies it -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Kami mohon 1.000 keping saja, tidak jadi 2.000.", "Mohon 1.000 keping saja, gak jadi 2.000 keping.",
     "Please send 1,000 blanks instead of 2,000."],
)
def test_a_figure_given_up_is_not_the_ask(text: str) -> None:
    assert read(text) == {"requested": 1000}


# --- "+" between named figures adds them; "700+" alone is 700 or more ------------------------------------------


def test_a_plus_before_a_named_figure_is_no_estimate() -> None:
    text = ("Stok awal         : 1.200 keping\nPerekaman         : 91 orang\n"
            "Terpakai          : 83 keping (cetak 79 + rusak 4)\nStok akhir        : 1.117 keping")
    assert read(text) == {"recorded": 91, "printed": 79, "stock_on_hand": 1117}


def test_a_plus_after_a_figure_alone_is_an_estimate() -> None:
    assert "printed" not in read("Pencetakan hari ini 700+ keping.")


def test_a_request_confirmed_in_writing_is_read() -> None:
    text = ("Sesuai percakapan via telepon tadi pagi, dengan ini kami konfirmasi secara tertulis permintaan blangko "
            "KTP-el sebanyak 3.000 keping. Stok kami saat ini 410 keping.")
    assert read(text) == {"requested": 3000, "stock_on_hand": 410}


# --- Packages counted in all; a form's count line under a sentence naming its role ------------------------------


@pytest.mark.parametrize(
    "text, want",
    [
        ("sudah diterima 5 dus, total 2.500 keping", [2500]),
        ("3 box (= 1.500 lembar)", [1500]),
        ("3 box (= 500 lembar)", [3]),  # no whole number of boxes: left unclear, no count of blanks
    ],
)
def test_packages_counted_in_all(text: str, want: list[int]) -> None:
    from mailbot.reader.numbers import find_mentions

    assert [m.value for m in find_mentions(normalise(text))] == want


def test_a_forms_count_line_takes_the_role_of_the_sentence_leading_into_it() -> None:
    text = ("Kami konfirmasi penerimaan blangko KIA dari Provinsi:\nTanggal terima : 30 November 2026\n"
            "Jumlah         : 1.800 keping\nKondisi        : baik, segel utuh\n"
            "Stok KIA setelah penerimaan : 2.220 keping")
    assert read(text) == {"received": 1800, "stock_on_hand": 2220}


def test_a_forms_count_line_under_no_role_has_none() -> None:
    assert read("Bersama ini kami sampaikan:\nTanggal : 30 November 2026\nJumlah : 1.800 keping") == {}


# --- Stocks said each with its moment: the one of now ---------------------------------------------------------


def test_of_yesterdays_and_todays_stock_in_prose_todays_is_read() -> None:
    body = ("Kemarin sore sisa blangko KTP-el 1.020, hari ini setelah pelayanan tinggal 870 keping. Mohon ditambah "
            "2.000 keping ya Pak.")
    assert figures(body, "Mohon tambahan blangko") == {"kind": "request", "requested": 2000, "stock_on_hand": 870}


def test_two_stocks_without_their_moments_stay_unclear() -> None:
    assert "stock_on_hand" not in read("Sisa blangko 1.020 keping, tinggal 870 keping. Mohon tambahan 2.000 keping.")


# --- Asking for figures or a report in English is no request for blanks ----------------------------------------


def test_a_request_for_figures_in_english_is_other_mail() -> None:
    body = ("Dear team,\n\nI would be grateful if you could share the district blank stock figures as of 31 December "
            "for the national year-end report. Last year Kaltara reported 97,000 blanks in total.\n\nPlease send "
            "the figures by 8 January using the attached template.\n\nBest regards,\nLiaison Officer")
    v = read_message(mail(body, "Request for year-end stock data", "liaison@kemendagri.example"), DISTRICTS,
                     own_addresses=OWN_ADDRESSES)
    assert (v.kind, v.requested) == ("other", None)


def test_please_send_blanks_in_english_is_still_a_request() -> None:
    assert figures("Please send 2,000 KTP-el blanks, our stock is 450.", "Blanks") == {
        "kind": "request", "requested": 2000, "stock_on_hand": 450}


# --- Guards: the new words do not reach further than the class they name ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Dari 1.200 pemohon yang ada, 800 sudah dicetak hari ini.",  # "yang ada" alone is no stock word
        "Kami terima 2 dus (isi 500) dan 300 keping KIA.",  # "dan" joins two counts, not loose blanks
        "Stok sebelum penerimaan 400, sesudah penerimaan 2.400 keping.",  # the stock before the event
    ],
)
def test_no_stock_or_receipt_is_made_up(text: str) -> None:
    got = read(text)
    assert got.get("stock_on_hand") in (None, 2400) and got.get("received") in (None,)


# --- One role's figures of two moments in a row: the figure of now -------------------------------------------


@pytest.mark.parametrize(
    "text, want",
    [
        ("Sisa blangko kemarin 1.020, hari ini 870.", {"stock_on_hand": 870}),
        ("Perekaman kemarin 90, hari ini 102. Sisa 700.", {"recorded": 102, "stock_on_hand": 700}),
        ("Perekaman hari ini 102 orang, kemarin 90 orang. Sisa 700.", {"recorded": 102, "stock_on_hand": 700}),
        ("Laporan kemarin: perekaman 90, pencetakan 80, sisa 700.",
         {"recorded": 90, "printed": 80, "stock_on_hand": 700}),
    ],
)
def test_the_figure_of_now_of_two_moments_in_a_row(text: str, want: dict[str, int]) -> None:
    assert read(text) == want


# --- Banjar: "urang" counts people, "tecetak" is printed; "jadi jumlah" closes the parts ---------------------


def test_a_banjar_field_report() -> None:
    text = ("Tadi kami tulak ke Desa Long Loreh naik ketinting 3 jam, perekaman di lokasi 37 urang. Di kantor Malinau "
            "41 urang, jadi jumlah rekam hari ini 78.\nCetak kada kawa di lokasi karena genset rusak, yang tecetak di "
            "kantor hari ini 52 lembar.\nSisa blangko 876 lembar.")
    assert read(text) == {"recorded": 78, "printed": 52, "stock_on_hand": 876}


# --- A list's lead sentence: an empty line may follow it, and a weak word of asking yields to a role word -------


def test_a_stock_take_list_under_its_lead_after_an_empty_line() -> None:
    text = ("Pak, hasil stock opname gudang sore ini sekalian laporan harian:\n\n"
            "Blangko KTP-el : 3 dus utuh (isi 500/dus) + 214 lembar ecer di laci = 1.714 lembar\n"
            "Kertas HVS     : 2 rim\nRibbon         : 5 pack\n\nPerekaman hari ini 122, cetak 105.")
    assert read(text) == {"stock_on_hand": 1714, "recorded": 122, "printed": 105}


@pytest.mark.parametrize(
    "text, want",
    [
        ("Pak, blangko sudah tiba. Terhitung 1.980 lembar, ada 20 lembar yang tidak ada.", {"received": 1980}),
        ("Kiriman blangko KTP-el sudah kami terima tadi. Menurut hitungan kami 1.950 keping.", {"received": 1950}),
    ],
)
def test_a_count_after_a_receipt_said_without_figures_is_the_count_received(text: str, want: dict[str, int]) -> None:
    assert read(text) == want
