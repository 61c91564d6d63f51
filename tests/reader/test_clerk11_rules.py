"""Classes of wrong numbers found on two more writers (forwards from service counters, spreadsheet exports,
annual recaps, corrections of corrections, boxes written with their pieces), each removed by a principle a
careful clerk applies, not by the phrases of those mails."""

from __future__ import annotations

import pytest

from mailbot.reader import read_message
from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES

FIGURES = ("requested", "stock_on_hand", "received", "printed", "recorded")


def mail(body: str, subject: str = "blangko", sender: str = "disdukcapil@tarakankota.example") -> bytes:
    return (f"From: {sender}\nTo: blangko@disdukcapil.kaltaraprov.example\nSubject: {subject}\n\n{body}").encode()


def figures(body: str, subject: str = "blangko") -> dict[str, object]:
    got = read_message(mail(body, subject), DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()
    return {f: got[f] for f in FIGURES if got[f] is not None} | {"kind": got["kind"]}


# --- Boxes with their pieces in brackets: the bracket is the whole count, not the size of one -------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Pak, blangko udah sampai ya, 3 box (1.500 pcs) ktp-el. Thanks", {"received": 1500}),
        ("Blangko KTP-el sudah kami terima 4 dus (2.000 keping).", {"received": 2000}),
        ("Blangko KTP-el sudah kami terima 4 dus (1 dus isi 500 keping).", {"received": 2000}),
        ("Blangko KTP-el sudah kami terima 4 box (@ 250 lembar).", {"received": 1000}),
    ],
)
def test_a_bare_count_in_brackets_after_boxes_is_what_they_hold(text: str, want: dict[str, int]) -> None:
    assert figures(text) == {"kind": "receipt"} | want


def test_a_bracketed_count_that_is_no_multiple_of_the_boxes_is_unclear() -> None:
    assert "received" not in figures("Blangko KTP-el sudah kami terima 3 box (1.000 pcs).")


# --- Figures the writer says they wrote before are replaced by the new one ------------------------------


@pytest.mark.parametrize("writer", ["saya tulis", "sy ketik", "kami tulis", "saya menulis"])
def test_the_figure_the_writer_wrote_before_is_not_the_request(writer: str) -> None:
    body = (f"Pak/Bu, maaf ralat lagi untuk permintaan KIA kami. Tadi siang {writer} 800, ternyata jadwal "
            "Posyandu dibatalkan, jadi cukup 700 lembar.\n\n"
            "Pada Kam, 14 Jan 2027 pukul 12.05 Disdukcapil Tarakan <disdukcapil@tarakankota.example> menulis:\n"
            "> Ralat Pak/Bu, permintaan blangko KIA jadi 800 lembar.\n")
    assert figures(body, "Re: [BLK-2027-0026] permohonan blangko KIA") == {"kind": "request", "requested": 700}


@pytest.mark.parametrize(
    "aside",
    [
        "(kemarin kami tulis 1.347, lalu ralat jadi 1.437, keduanya salah)",
        "(sebelumnya saya ketik 1.347 lalu diralat menjadi 1.437)",
        "(we wrote 1,347 and then corrected it to 1,437)",
    ],
)
def test_a_bracket_about_earlier_figures_holds_no_figure_of_now(aside: str) -> None:
    body = f"Maaf ralat lagi Bapak/Ibu. Sisa blangko yang benar 1.374 keping {aside}. Angka rekam dan cetak tetap."
    assert figures(body, "Re: [BLK-2027-0019] lap mingguan") == {"kind": "stock_report", "stock_on_hand": 1374}


# --- A request of a past year is asked by no one now --------------------------------------------------


@pytest.mark.parametrize("year", ["tahun lalu", "thn lalu", "tahun kemarin", "last year"])
def test_a_request_of_a_past_year_is_no_request(year: str) -> None:
    body = (f"Izin bertanya, format surat permohonan blangko yang benar seperti apa ya? Di arsip kami, {year} "
            "kami meminta 3.000 keping dengan surat biasa.")
    assert "requested" not in figures(body, "izin bertanya format surat")


def test_a_request_like_last_years_is_asked_now() -> None:
    body = "Seperti tahun lalu, kami mohon blangko KTP-el sebanyak 3.000 keping."
    assert figures(body) == {"kind": "request", "requested": 3000}


# --- A need stated beside the stock in a mail that informs and asks nothing is no request ---------------


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("info stok", "Info pak, stok blangko KTP-el kami tinggal 12% dari kebutuhan (kebutuhan Desember 6.000, "
                      "stok sekarang 720)."),
        ("Laporan stok", "Sisa blangko KTP-el 720 keping. Kebutuhan bulan Desember 6.000 keping."),
    ],
)
def test_a_need_beside_the_stock_in_a_report_is_background(subject: str, body: str) -> None:
    assert figures(body, subject) == {"kind": "stock_report", "stock_on_hand": 720}


@pytest.mark.parametrize(
    "body",
    [
        "Info pak, stok blangko KTP-el kami 720. Kebutuhan Desember 6.000, mohon dikirim.",
        "Kebutuhan kami untuk bulan Desember 6.000 keping. Sisa di gudang kami 720 keping.",
    ],
)
def test_a_need_with_an_ask_or_without_a_report_heading_stays_a_request(body: str) -> None:
    assert figures(body, "blangko") == {"kind": "request", "requested": 6000, "stock_on_hand": 720}


# --- A total line under a run of rows of one role is that role's figure ----------------------------------

MONTH_ROWS = ("Rekap pencetakan KIA tahun 2026:\n\n- Januari: 95 lembar\n- Februari: 88 lembar\n"
              "- November: 85 lembar\n- Desember: 70 lembar\n")


@pytest.mark.parametrize("total", ["Total setahun: 338 lembar", "Total: 338 lembar", "Jumlah tahun 2026: 338",
                                   "Total 2026: 338 lembar"])
def test_a_total_line_that_adds_up_the_rows_above_is_their_figure(total: str) -> None:
    body = MONTH_ROWS + total + "\n\nSisa blangko KIA per 31 Desember 2026: 64 lembar.\n"
    assert figures(body, "Rekap KIA 2026") == {"kind": "stock_report", "printed": 338, "stock_on_hand": 64}


def test_a_total_line_that_does_not_add_up_is_no_figure() -> None:
    body = MONTH_ROWS + "Total setahun: 1.109 lembar\n\nSisa blangko KIA per 31 Desember 2026: 64 lembar.\n"
    assert figures(body, "Rekap KIA 2026") == {"kind": "stock_report", "stock_on_hand": 64}


def test_month_rows_across_the_turn_of_the_year_name_no_latest_row() -> None:
    sent = "Date: Fri, 8 Jan 2027 09:00:00 +0800\n"
    raw = mail(MONTH_ROWS + "\nSisa blangko KIA per 31 Desember 2026: 64 lembar.\n", "Rekap KIA 2026")
    got = read_message(raw.replace(b"Subject:", sent.encode() + b"Subject:"), DISTRICTS,
                       own_addresses=OWN_ADDRESSES).as_dict()
    assert got["printed"] is None and got["stock_on_hand"] == 64


# --- A forward of one's own mail that corrects it restates only what it corrects -------------------------

FORWARDED_REPORT = ("\n\n---------- Forwarded message ---------\n"
                    "Dari: Disdukcapil Tarakan <disdukcapil@tarakankota.example>\n"
                    "Date: Jum, 8 Jan 2027 pukul 16.10\nSubject: Laporan 8/1\n"
                    "To: <blangko@disdukcapil.kaltaraprov.example>\n\n"
                    "Laporan Jumat 8/1/2027:\nRekam 61, cetak 55, sisa blangko KTP-el 800 keping.\n")


@pytest.mark.parametrize("lead", [
    "Pak/Bu, mohon maaf, laporan Jumat di bawah ada yang salah. Sisa blangko KTP-el yang benar 1.050 keping, "
    "bukan 800.",
    "Ralat laporan di bawah: sisa blangko KTP-el 1.050 keping.",
])
def test_a_forward_correcting_ones_own_report_keeps_only_the_correction(lead: str) -> None:
    assert figures(lead + FORWARDED_REPORT, "Fwd: Laporan 8/1") == {"kind": "stock_report", "stock_on_hand": 1050}


def test_a_forward_of_ones_own_report_adding_a_figure_keeps_the_rest() -> None:
    lead = "Pak/Bu, laporan Jumat di bawah belum dibalas. Tambahan: stok KIA 300 lembar."
    got = figures(lead + FORWARDED_REPORT, "Fwd: Laporan 8/1")
    assert got.get("printed") == 55 and got.get("recorded") == 61


# --- In a report of a week, "minggu ini" after a count's name is the report's own period -----------------


@pytest.mark.parametrize(
    ("subject", "body", "want"),
    [
        ("Laporan KIA minggu I", "Saldo awal KIA 2027: 1.310 lembar\nCetak KIA minggu ini: 212 lembar\n"
                                 "Sisa KIA: 1.098 lembar\n", {"printed": 212, "stock_on_hand": 1098}),
        ("Laporan mingguan blangko", "Sisa 2.640 keping.\nPerekaman minggu ini 655 jiwa.\n",
         {"recorded": 655, "stock_on_hand": 2640}),
        ("Weekly report", "Printed this week: 212 cards. Stock left 1,098 cards.",
         {"printed": 212, "stock_on_hand": 1098}),
    ],
)
def test_this_week_in_a_weekly_report_is_the_reports_period(subject: str, body: str, want: dict[str, int]) -> None:
    assert figures(body, subject) == {"kind": "stock_report"} | want


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Laporan harian 8/1", "Cetak hari ini 40, cetak minggu ini 212. Sisa 1.098 keping."),
        ("Laporan mingguan", "Cetak s.d. minggu ini: 1.900 keping. Sisa 1.098 keping."),
    ],
)
def test_this_week_outside_a_weekly_report_or_as_a_running_total_is_no_count(subject: str, body: str) -> None:
    assert figures(body, subject).get("printed") in (None, 40)


# --- Number words with the short forms of their scale, and a digit written again in words ----------------


@pytest.mark.parametrize(("words", "value"), [("dua rb", 2000), ("tiga rbu", 3000), ("dua rb lima ratus", 2500)])
def test_number_words_with_a_short_scale_word(words: str, value: int) -> None:
    body = f"pak, ktpel tdg tinggal 180 lg. mhn dikirim {words} ya. mksh"
    assert figures(body, "blko") == {"kind": "request", "requested": value, "stock_on_hand": 180}


def test_a_lone_digit_written_again_in_words_is_stated_on_purpose() -> None:
    body = ("Pagi pak, stok blangko KTP-el kami hari ini 0 (nol), pelayanan cetak terhenti. Mohon dikirim dua "
            "ribu lima ratus keping secepatnya.")
    assert figures(body) == {"kind": "request", "requested": 2500, "stock_on_hand": 0}


def test_a_lone_digit_far_from_its_role_word_stays_unread() -> None:
    body = "Pagi pak, stok blangko KTP-el kami hari ini 0, pelayanan cetak terhenti. Mohon dikirim 2.500 keping."
    assert figures(body) == {"kind": "request", "requested": 2500}


# --- format=flowed text is joined at its soft breaks; a form's labelled lines stay lines -------------------


def test_flowed_text_is_joined_at_its_soft_line_breaks() -> None:
    from mailbot.reader.mime import unflow

    assert unflow("saldo awal per 1 \r\nJanuari 2027 sebanyak 310 keping.\r\n-- \r\nFauzan") == (
        "saldo awal per 1 Januari 2027 sebanyak 310 keping.\n-- \nFauzan")
    assert unflow("> stok kami \n> 300 keping\nterima kasih") == "> stok kami 300 keping\nterima kasih"
    assert unflow("stok kami \nada 300", delsp=True) == "stok kamiada 300"


def test_a_flowed_mail_is_read_as_its_lines_joined() -> None:
    raw = (b"From: disdukcapil@tanatidungkab.example\nTo: blangko@disdukcapil.kaltaraprov.example\n"
           b"Subject: Laporan harian KTT\nDate: Wed, 13 Jan 2027 15:40:26 +0800\n"
           b"Content-Type: text/plain; charset=UTF-8; format=flowed\n\n"
           b"Laporan Disdukcapil KTT Rabu 13 Januari 2027:\nPerekaman: 21\n"
           b"Pencetakan: 0 (printer kartu rusak, teknisi dari Tarakan baru datang \ntanggal 18)\n"
           b"Sisa blangko KTP-el: 288 keping\n")
    got = read_message(raw, DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()
    assert (got["kind"], got["recorded"], got["printed"], got["stock_on_hand"]) == ("stock_report", 21, 0, 288)


# --- The opening stock is the stock now when nothing was used since ---------------------------------------


def dated(body: str, subject: str, when: str) -> dict[str, object]:
    raw = mail(body, subject).replace(b"Subject:", f"Date: {when}\n".encode() + b"Subject:")
    got = read_message(raw, DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()
    return {f: got[f] for f in FIGURES if got[f] is not None} | {"kind": got["kind"]}


def test_an_opening_stock_with_nothing_used_since_is_the_stock_now() -> None:
    body = ("Menyampaikan saldo awal blangko KTP-el per 1 Januari 2027 sebanyak 310 keping. Kantor tutup 2-3 "
            "Januari sehingga belum ada pemakaian.")
    assert dated(body, "Saldo awal 2027", "Mon, 25 Jan 2027 09:10:34 +0800") == {
        "kind": "stock_report", "stock_on_hand": 310}


def test_an_opening_stock_of_a_few_days_ago_is_the_stock_now_and_the_shortfall_follows() -> None:
    body = ("Bersama ini kami sampaikan bahwa saldo awal blangko KTP-el per 1 Januari 2027 adalah 1.120 keping. "
            "Kebutuhan kami sampai Februari sebanyak 3.500 keping.\n\nUntuk itu kami mohon kiranya dapat dikirimkan "
            "kekurangannya (kebutuhan dikurangi saldo awal).")
    assert dated(body, "Permohonan blangko", "Mon, 04 Jan 2027 10:05:20 +0800") == {
        "kind": "request", "requested": 2380, "stock_on_hand": 1120}


@pytest.mark.parametrize(
    "body",
    [
        "Saldo awal blangko KTP-el per 1 Januari 2027 adalah 1.120 keping.",  # weeks ago, nothing said of use
        "Saldo awal 1.120 keping, dicetak 72 keping.",  # work done since
    ],
)
def test_an_opening_stock_is_no_stock_now_otherwise(body: str) -> None:
    assert "stock_on_hand" not in dated(body, "Laporan", "Mon, 25 Jan 2027 10:05:20 +0800")


# --- A product worked out under a noun of need is the need, not the ask beside it -----------------------


def test_a_need_worked_out_yields_to_the_figure_asked() -> None:
    body = ("Rata-rata pencetakan kami sekitar 140 keping per hari, sehingga kebutuhan bulan ini kami hitung "
            "140 x 22 = 3.080 keping.\n\nSisa blangko KTP-el kami 370 keping.\n\nOleh karena itu, kami memohon "
            "tambahan blangko KTP-el sebanyak 2.700 keping (sudah kami bulatkan).")
    assert figures(body) == {"kind": "request", "requested": 2700, "stock_on_hand": 370}


def test_a_need_worked_out_with_an_ask_and_no_other_figure_is_the_request() -> None:
    body = "Kebutuhan bulan ini kami hitung 140 x 22 = 3.080 keping, mohon dikirim."
    assert figures(body) == {"kind": "request", "requested": 3080}


# --- Corrections in turn: the last replaces the ones before it -------------------------------------------


def test_the_last_of_corrections_in_turn_is_the_figure() -> None:
    body = ("Pak/Bu mohon blangko KIA 1.000 lembar.\n\nEh maaf ralat, 1.200 lembar karena ada tambahan 2 TK.\n\n"
            "Maaf ralat lagi, setelah dihitung ulang dengan Kasi: 1.250 lembar. Itu angka finalnya.\n\n"
            "Sisa KIA kami 140 lembar.")
    assert figures(body, "permohonan blangko KIA") == {"kind": "request", "requested": 1250, "stock_on_hand": 140}


@pytest.mark.parametrize(
    ("correction", "want"),
    [
        ("Ralat: KTP-el yang benar 1.200 keping.", 1200),
        ("Ralat: KIA yang benar 600 lembar.", 1000),
        ("Ralat: yang benar 1.200 keping.", None),  # which blank's figure, a clerk asks
    ],
)
def test_a_correction_after_figures_of_both_blanks_corrects_the_one_it_names(correction: str, want: int | None) -> None:
    body = f"Mohon blangko KTP-el 1.000 keping dan KIA 500 lembar.\n\n{correction}"
    assert figures(body).get("requested") == want


@pytest.mark.parametrize("ask", ["req", "rqst", "pls send"])
def test_short_forms_of_request_ask(ask: str) -> None:
    body = f"Pak,\n{ask} blangko ktpel 3rb. stok skrg 640, rata2 keluar 150/hari.\nthx"
    assert figures(body, "blangko ktpel") == {"kind": "request", "requested": 3000, "stock_on_hand": 640}


# --- The parts a figure is made of, that add up to it, are no figures of their own -----------------------


@pytest.mark.parametrize("made_of", ["terdiri dari", "terdiri atas", "dengan rincian", "of which"])
def test_parts_that_add_up_to_a_figure_are_not_read_again(made_of: str) -> None:
    body = (f"Perekaman KTP-el hari ini sebanyak 127 orang, {made_of} 83 pemula (usia 17 tahun) dan 44 perekaman "
            "ulang. Kartu KTP-el yang dicetak hari ini 109 keping. Sisa blangko KTP-el 1.203 keping.")
    assert figures(body, "Laporan harian") == {"kind": "stock_report", "recorded": 127, "printed": 109,
                                               "stock_on_hand": 1203}


@pytest.mark.parametrize("parts", [", terdiri dari 1.500 KTP-el dan 500 KIA", " (1.500 KTP-el dan 500 KIA)"])
def test_parts_of_both_blanks_are_their_figures_and_the_whole_is_none(parts: str) -> None:
    got = read_message(mail(f"Blangko sudah kami terima 2.000 keping{parts}."), DISTRICTS,
                       own_addresses=OWN_ADDRESSES).as_dict()
    assert (got["kind"], got["item"], got["received"]) == ("receipt", "ktp-el", 1500)
    assert {item: r["received"] for item, r in got["readings"].items()} == {"ktp-el": 1500, "kia": 500}


# --- A circular from no district asks and reports nothing of a district's ---------------------------------


def test_a_circular_to_all_provinces_is_other_mail() -> None:
    body = ("Kepada Yth. Kepala Dinas Dukcapil Provinsi se-Indonesia\n\nDengan hormat, disampaikan bahwa rencana "
            "pengadaan blangko KTP-el TA 2027 sebanyak 15 juta keping dan blangko KIA 4 juta keping. Usulan kebutuhan "
            "provinsi disampaikan paling lambat 20 Desember 2026 melalui aplikasi.\n\nSekretaris Direktorat Jenderal")
    raw = mail(body, "Surat Edaran: Rencana alokasi blangko KTP-el TA 2027", "setditjen@dukcapil.kemendagri.example")
    got = read_message(raw, DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()
    assert (got["kind"], got["requested"]) == ("other", None)


# --- A receipt passed on "fyi" that the forwarder takes as theirs ----------------------------------------

MPP_FORWARD = ("\n\n---------- Forwarded message ---------\nDari: Gerai Dukcapil MPP <mpp.capil@gmail.com>\n"
               "Date: Jum, 4 Des 2026 pukul 12.48\nSubject: penerimaan blangko\n"
               "To: <disdukcapil@tarakankota.example>\n\n"
               "Blangko KTP-el 1.000 keping sudah diterima di gerai MPP, kondisi baik. Perekaman hari ini 40.\n")


@pytest.mark.parametrize("lead", [
    "fyi, blangko kiriman provinsi kemarin kami terima langsung di gerai MPP, konfirmasinya di bawah.",
    "fyi, konfirmasi penerimaan dari gerai kami.",
])
def test_a_receipt_passed_on_that_the_forwarder_takes_as_theirs(lead: str) -> None:
    assert figures(lead + MPP_FORWARD, "Fwd: penerimaan blangko") == {"kind": "receipt", "received": 1000}


def test_a_receipt_passed_on_for_information_only_is_not_the_forwarders() -> None:
    got = figures("fyi, untuk diketahui." + MPP_FORWARD, "Fwd: penerimaan blangko")
    assert "received" not in got


# --- An unsubscribe line in a mail from a forged domain is spam, not a newsletter -------------------------

PROMO = ("From: Dana Cepat Cair <promo@kreditkilat-id.example>\nTo: blangko@disdukcapil.kaltaraprov.example\n"
         "Subject: Pinjaman Rp 50.000.000 cair 1 jam tanpa jaminan!!!\n{auth}\n"
         "PROMO AWAL TAHUN 2027!! Pinjaman khusus ASN hingga Rp 50.000.000, cair dalam 1 jam. Cukup foto KTP-el.\n\n"
         "Sisa kuota hanya 400 nasabah! Hubungi WA 0857-0000-1234 sekarang.\n\nUnsubscribe: balas STOP\n")


@pytest.mark.parametrize(
    ("auth", "kind"),
    [
        ("Authentication-Results: mx.kaltaraprov.example;\n\tspf=softfail;\n"
         "\tdmarc=fail header.from=kreditkilat-id.example\n", "other"),
        # Not forged, but what it sells (a quick loan) is spam's, and it carries no list header: other mail too
        # (tests/reader/test_clerk14_rules.py).
        ("Authentication-Results: mx.kaltaraprov.example;\n\tdmarc=pass header.from=kreditkilat-id.example\n",
         "other"),
    ],
)
def test_an_unsubscribe_line_from_a_forged_domain_is_spam(auth: str, kind: str) -> None:
    got = read_message(PROMO.format(auth=auth).encode(), DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()
    assert got["kind"] == kind


# --- The count in the sentence after a receipt said with no figure is that receipt's ---------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Kiriman blangko KTP-el sudah kami terima tadi. Jumlahnya 1.000 keping, kondisi baik.",
         {"kind": "receipt", "received": 1000}),
        ("Kiriman blangko KTP-el sudah kami terima tadi pukul 10.30 WITA. Kami hitung bersama Pak Kasi: 4 dus @ 250 "
         "keping, jadi total 1.000 keping, semuanya dalam kondisi baik.", {"kind": "receipt", "received": 1000}),
        ("Kami mohon tambahan blangko KTP-el. Jumlahnya 1.000 keping.", {"kind": "request", "requested": 1000}),
    ],
)
def test_the_count_after_a_figureless_receipt_or_ask_is_its_figure(text: str, want: dict[str, object]) -> None:
    assert figures(text) == want


def test_a_count_after_other_figures_in_its_sentence_is_not_carried() -> None:
    body = ("Blangko KTP-el kiriman provinsi sudah sampai di kantor kami. Di surat pengantar tertulis 2.000 keping, "
            "tetapi setelah kami hitung bersama kurir, yang kami terima hanya 1.950 keping (satu dus isi 50 tidak "
            "ada). Mohon dicek di gudang provinsi.")
    assert figures(body).get("received") == 1950


# --- A second header row: a blank's merged header spans it, a running total's column holds no figure -----

WEEKLY_CSV = ("LAPORAN MINGGUAN BLANGKO KTP-EL DAN KIA,,,,\r\nMinggu ke-1 Desember 2026,,,,\r\n"
              "Uraian,KTP-el,,KIA,\r\n,Minggu ini,s.d. minggu ini,Minggu ini,s.d. minggu ini\r\n"
              "Perekaman,731,34567,,\r\nPencetakan,688,32128,204,9876\r\nSisa blangko,1984,,512,\r\n")


def test_a_weekly_sheet_with_two_header_rows_is_read_for_the_week() -> None:
    raw = ("From: disdukcapil@tarakankota.example\nTo: blangko@disdukcapil.kaltaraprov.example\n"
           "Subject: Laporan mingguan KTP-el & KIA\nMIME-Version: 1.0\n"
           "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n"
           "Selamat sore, terlampir laporan mingguan KTP-el dan KIA minggu ke-1 Desember.\n--b\n"
           "Content-Type: text/csv; name=\"mingguan.csv\"\n"
           "Content-Disposition: attachment; filename=\"mingguan.csv\"\n\n"
           + WEEKLY_CSV + "--b--\n").encode()
    got = read_message(raw, DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()
    assert (got["kind"], got["recorded"], got["printed"], got["stock_on_hand"]) == ("stock_report", 731, 688, 1984)
    assert (got["readings"]["kia"]["printed"], got["readings"]["kia"]["stock_on_hand"]) == (204, 512)


# --- A year's recap with a row per month: the stock is the last month's, the counts the total's ----------

RECAP_CSV = ("Disdukcapil - Annual recap 2026 (KTP-el)\r\nMonth,Recorded,Printed,Closing stock\r\n"
             "Jan-2026,2890,2805,4100\r\nFeb-2026,2760,2702,3398\r\nDec-2026,2510,2455,1547\r\n"
             "Total 2026,8160,7962,\r\n")


def test_a_recap_with_a_row_per_month_takes_the_last_months_stock() -> None:
    raw = ("From: disdukcapil@tarakankota.example\nTo: blangko@disdukcapil.kaltaraprov.example\n"
           "Subject: Annual recap 2026\nMIME-Version: 1.0\n"
           "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n"
           "Please find attached our annual recap 2026 for KTP-el (csv, per month).\n--b\n"
           "Content-Type: text/csv; name=\"recap.csv\"\nContent-Disposition: attachment; filename=\"recap.csv\"\n\n"
           + RECAP_CSV + "--b--\n").encode()
    got = read_message(raw, DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()
    assert (got["kind"], got["recorded"], got["printed"], got["stock_on_hand"]) == ("stock_report", 8160, 7962, 1547)
