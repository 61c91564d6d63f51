"""Rules from an independent set of district mail at the year-end close: new operators typing thousands
with a space, stock opname tables, pasted chats and voice-typed reports."""

from __future__ import annotations

import re

import pytest

from mailbot.reader import read_message
from mailbot.reader.numbers import find_mentions, normalise
from mailbot.reader.roles import asked_role, read_table, read_text, settle
from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES

FIGURES = ("requested", "stock_on_hand", "received", "printed", "recorded")


def read(text: str) -> dict[str, int | None]:
    candidates, unassigned = read_text(text, normalise(text))
    return dict(settle(candidates, unassigned).values)


def figures(body: str, subject: str = "blangko", sender: str = "disdukcapil@malinaukab.example") -> dict[str, object]:
    raw = f"From: {sender}\nTo: blangko@disdukcapil.kaltaraprov.example\nSubject: {subject}\n\n{body}".encode()
    got = read_message(raw, DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()
    return {f: got[f] for f in FIGURES if got[f] is not None} | {"kind": got["kind"]}


def values(text: str) -> list[int | None]:
    return [m.value for m in find_mentions(normalise(text))]


# --- Thousands written with a space: one figure when the context makes it a quantity --------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("sisa blangko 3 120 kpg", [3120]),  # a unit of blanks after it
        ("Sisa : 1 904 keping", [1904]),
        ("KTP-el 3 000 sdh diterima", [3000]),  # "000" is never a figure of its own
        ("sisa tetap 4 062", [4062]),  # the end of its clause
        ("sisa 1 275. kia sisa 310", [1275, 310]),
        ("stok bukan 2 730 tp 2 370", [2730, 2370]),  # a word that starts the next clause
    ],
)
def test_thousands_written_with_a_space_are_one_figure_in_a_quantity(text: str, want: list[int]) -> None:
    assert values(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "perekaman 3 215 cetak",  # a role word after the groups may own the second one
        "NIP 19720518 199803 1 006",  # the tail of an id
        "hubungi 0812 3456 7890",  # a phone
        "ID Rapat: 412 775 093 218",  # more than two groups: no count of blanks
        "tgl 07 12 2026",  # a date
        "rata2 140 keping/hari",  # a digit glued to a word before
    ],
)
def test_digit_groups_that_are_no_thousands_stay_apart(text: str) -> None:
    assert not any(re.search(r"\d \d", m.text) for m in find_mentions(normalise(text)))


def test_a_day_before_space_thousands_gives_two_readings_and_no_figure() -> None:
    # "tgl" is "tanggal" or "tinggal": 1.118 left, or 118 on the 1st.
    got = read("Mohon blangko KIA 2 000 kpg. Stok KIA tgl 1 118 kpg.")
    assert got.get("requested") == 2000
    assert got.get("stock_on_hand") is None


def test_a_daily_report_with_space_thousands_reads_the_stock() -> None:
    assert read("Lap 09/12 rekam 143 cetak 131 sisa 1 726. Nur") == {
        "recorded": 143, "printed": 131, "stock_on_hand": 1726,
    }
    assert read("blangko sudah kami terima 1 000 keping, jadi stok kami sekarang 1 385 keping.") == {
        "received": 1000, "stock_on_hand": 1385,
    }


# --- A stock opname's ledger: the count is booked, the period's receipts are no receipt now ---------------


def test_a_stock_opname_table_books_the_closing_count_and_no_receipt() -> None:
    body = (
        "Dengan hormat, kami sampaikan hasil stock opname blangko per 31 Desember 2026:\n\n"
        "Jenis\tStok 15/12\tPenerimaan\tPemakaian\tRusak\tStok Fisik 31/12\n"
        "KTP-el\t1.870\t1.500\t1.602\t7\t1.761\n"
        "KIA\t640\t500\t455\t3\t682\n"
    )
    assert figures(body, "Hasil stock opname blangko") == {"kind": "stock_report", "stock_on_hand": 1761}


def test_a_stock_opname_sheet_named_by_its_file_leaves_the_receipts_column() -> None:
    rows = (("Jenis", "Stok Awal", "Masuk", "Keluar", "Stok Akhir"), ("KTP-el", "950", "1.000", "1.210", "740"))
    found, _ = read_table(rows, None, "stock_opname_desember.csv") or ([], None)
    assert {(c.field, c.value) for c in found if c.value is not None} == {("stock_on_hand", 740)}


def test_a_monthly_reconciliation_keeps_its_received_figure() -> None:
    # Not an opname: the reconciliation states the month's receipts as its received figure.
    rows = (("Uraian", "Saldo Awal", "Diterima", "Terpakai", "Saldo Akhir"), ("KTP-el", "950", "1.000", "1.210", "740"))
    found, _ = read_table(rows, None, "rekonsiliasi_november.csv") or ([], None)
    assert ("received", 1000) in {(c.field, c.value) for c in found}


# --- "Habis" said of the last shipment is no stock ---------------------------------------------------------


def test_used_up_said_of_the_last_shipment_states_no_stock() -> None:
    got = read("kami minta lagi blangko ktp-el lima ratus keping karena yg kemarin sudah habis terpakai di kecamatan")
    assert got == {"requested": 500}
    assert read("blangko KIA kami sudah habis, mohon dikirim 400 keping") == {"requested": 400, "stock_on_hand": 0}


# --- A line its writer broke is no wrapped prose ---------------------------------------------------------


def test_a_short_line_broken_by_its_writer_ends_its_clause() -> None:
    # The first line has room for "tp": no client wrapped it, so the question below does not reach the receipt.
    text = "Pak KTP-el 2.000 sdh sampai td pagi, trims bnyk ya pak\ntp kok cuma segini, kurang kapan ya?"
    assert read(text) == {"received": 2000}


# --- A receipt that chases the rest: the figure asked before is no new ask ---------------------------------


def test_a_receipt_asking_when_the_rest_comes_asks_nothing_new() -> None:
    text = "Kak KTP-el 800 udh sampai ya tadi siang, makasih\ntp yg diajukan kan 1.200, sisanya kapan ya kak?"
    assert read(text) == {"received": 800}
    # A new ask beside a receipt stays a request.
    assert read("KTP-el 800 sudah kami terima. Mohon tambahan 400 keping lagi.") == {"received": 800, "requested": 400}


# --- A pasted chat: each time-stamped line is its own message ---------------------------------------------


def test_each_line_of_a_pasted_chat_is_its_own_clause() -> None:
    text = (
        "[04/12/26 10.02] Rina Capil: pak kabid, blangko ktp-el kita sisa 920 pagi ini\n"
        "[04/12/26 10.05] Yohanes Kabid: Minta ke provinsi 1.500 dulu ya Rina\n"
        "[04/12/26 10.06] Yohanes Kabid: jangan lupa KIA juga, nanti ada kegiatan\n"
    )
    candidates, _ = read_text(text, normalise(text))
    said = {c.field: (c.value, c.text) for c in candidates}
    assert said["stock_on_hand"][0] == 920 and "Yohanes" not in said["stock_on_hand"][1]
    assert said["requested"][0] == 1500 and "KIA" not in said["requested"][1]


# --- "tp" is "tapi" in a correction -------------------------------------------------------------------------


def test_a_correction_with_tapi_typed_short_takes_the_second_figure() -> None:
    assert read("koreksi pak, sisa bukan 2.160 tp 2.610. maaf salah ketik") == {"stock_on_hand": 2610}


# --- The desk asking which figure is meant: the reply's figure answers it ---------------------------------


def test_the_figure_meant_answers_the_desks_question_of_which_is_meant() -> None:
    quoted = (
        "> Yth. Bapak/Ibu,\n>\n> Dalam surat Bapak/Ibu tertulis permohonan blangko KIA \"800\" pada isi dan \"8.000\""
        " pada lampiran. Mohon konfirmasi jumlah yang dimaksud.\n"
    )
    body = (
        "Selamat siang,\nmohon maaf, lampirannya salah. Yang benar 800 keping blangko KIA.\n\n"
        f"On 2026-12-10 09:12, Layanan Blangko wrote:\n{quoted}"
    )
    assert asked_role(normalise(quoted)) == "requested"
    assert figures(body, "Re: Konfirmasi jumlah") == {"kind": "request", "requested": 800}


# --- "N keping lagi" asked by a noun of need beside a receipt: an ask for more -----------------------------


def test_a_need_of_so_many_more_beside_a_receipt_is_an_ask() -> None:
    text = (
        "Blangko KIA sebanyak 800 keping telah kami terima kemarin. Dengan kiriman itu, kebutuhan tambahan kami "
        "cukup 250 (dua ratus lima puluh) keping lagi, tidak perlu 400 keping."
    )
    assert read(text) == {"received": 800, "requested": 250}
    # A need named beside a receipt, with no "more", still asks for nothing.
    assert read("Blangko KIA 800 keping telah kami terima. Kebutuhan bulan depan sekitar 250 keping.") == {
        "received": 800,
    }


# --- A school writing about its pupils is an outsider, as a citizen is ---------------------------------------


def test_a_school_asking_for_a_service_for_its_pupils_is_no_district_request() -> None:
    body = (
        "Yth. Bapak/Ibu,\n\nKami dari SMPN 3 Tarakan. Dari 310 siswa kami, 120 anak belum memiliki KIA. Mohon "
        "kiranya ada layanan perekaman KIA di sekolah kami.\n\nHormat kami,\nKepala SMPN 3 Tarakan"
    )
    got = figures(body, "Mohon layanan KIA", sender="smpn3tarakan@gmail.com")
    assert got == {"kind": "other"}
    # An operator speaking of the schools of a drive still asks for blanks.
    own = (
        "Untuk kegiatan KIA di sekolah kami butuh tambahan blangko KIA 600 lembar.\n\n"
        "Rina\nDisdukcapil Kota Tarakan"
    )
    got = figures(own, "blangko KIA", sender="disdukcapil@tarakankota.example")
    assert got == {"kind": "request", "requested": 600}


# --- A blank named after a figure that had its own opens the next figure's phrase --------------------------


def test_a_blank_named_between_two_figures_each_with_a_role_goes_with_the_second() -> None:
    text = "sisa blangko ktp elektronik seribu seratus dua keping kia sisa tiga ratus sepuluh"
    items = {c.value: c.item for c in read_text(text, normalise(text))[0]}
    assert items == {1102: "ktp-el", 310: "kia"}
    # A figure with no blank of its own keeps the name written right after it.
    text = "pencetakan 27 keping ktp-el sisa 1.253 keping"
    items = {c.value: c.item for c in read_text(text, normalise(text))[0]}
    assert items[27] == "ktp-el"


# --- An export's column names its blank after an underscore ------------------------------------------------


def test_a_column_naming_its_blank_after_an_underscore_is_that_blanks() -> None:
    rows = (
        ("No", "Kecamatan", "Rekam_KTPel", "Cetak_KTPel", "Cetak_KIA"),
        ("1", "MALINAU KOTA", "40", "35", "12"), ("2", "MALINAU UTARA", "22", "20", "4"),
        ("", "TOTAL", "62", "55", "16"),
    )
    found, _ = read_table(rows, None, "rekap.csv") or ([], None)
    assert {(c.field, c.value, c.item) for c in found if c.field == "printed"} == {
        ("printed", 55, "ktp-el"), ("printed", 16, "kia"),
    }


# --- A stock per month, months as columns: the stock now is the last month's ------------------------------


def test_a_closing_stock_row_under_month_columns_reads_the_last_month() -> None:
    rows = (
        ("REKAP MUTASI BLANGKO KTP-EL 2026", None, None, None, None),
        ("Uraian", "Sep", "Okt", "Nov", "Des"),
        ("Stok awal", 2100, 1980, 2460, 2210),
        ("Penerimaan", 1500, 2000, 1500, 1500),
        ("Pemakaian", 1620, 1520, 1750, 1690),
        ("Stok akhir", 1980, 2460, 2210, 2020),
    )
    found, _ = read_table(rows, None, "rekap.xlsx") or ([], None)
    assert [(c.field, c.value) for c in found if c.field == "stock_on_hand"] == [("stock_on_hand", 2020)]
    # The months' movements stay unread: no one figure is the period's.
    assert all(c.value is None for c in found if c.field in ("printed", "received"))


# --- A line answering a question about the stock above it ---------------------------------------------------


def test_used_up_said_in_answer_to_a_question_about_the_stock_is_zero_stock() -> None:
    text = "[14/12/26 10.01] Kabid: stok ktp-el berapa?\n[14/12/26 10.04] Rina: udah habis pak, tadi pagi terakhir"
    got = {(c.field, c.value, c.item) for c in read_text(text, normalise(text))[0]}
    assert got == {("stock_on_hand", 0, "ktp-el")}
    # Without the question above, "habis" names no stock.
    text = "[14/12/26 10.04] Rina: udah habis pak, tadi pagi terakhir"
    assert read_text(text, normalise(text))[0] == []


# --- Beside a pasted chat, the writer's own words decide ---------------------------------------------------


def test_the_writers_own_words_decide_over_the_chat_pasted_above_them() -> None:
    text = (
        "Kami teruskan percakapan grup WA.\n\n"
        "[05/12/26 09.14] Rina Capil: pak, blangko ktp-el kita sisa 870 pagi ini\n"
        "[05/12/26 09.16] Yohanes Kabid: Minta ke provinsi 1.500 dulu\n"
        "[05/12/26 09.20] Rina Capil: siap pak, KIA sisa 240, minta 600 ya pak?\n"
        "[05/12/26 09.21] Yohanes Kabid: Ok 600\n\n"
        "Jadi permohonan kami: blangko KTP-el 1.500 keping dan KIA 600 keping.\n"
    )
    candidates, _ = read_text(text, normalise(text))
    asked = {(c.value, c.item) for c in candidates if c.field == "requested"}
    assert asked == {(1500, "ktp-el"), (600, "kia")}
    assert not any(c.doubt for c in candidates)
    assert (870, "ktp-el") in {(c.value, c.item) for c in candidates if c.field == "stock_on_hand"}


# --- An offer with an unsubscribe line and no list header is spam, not a newsletter ----------------------


def test_an_offer_with_an_unsubscribe_line_is_spam_not_a_newsletter() -> None:
    body = (
        "Bapak/Ibu Yth,\n\nDana tunai cepat cair hingga Rp 50 juta tanpa agunan, cicilan ringan 12 bulan.\n\n"
        "Untuk berhenti berlangganan balas STOP."
    )
    assert figures(body, "Dana tunai untuk ASN", sender="info@kredit-mudah.example") == {"kind": "other"}
    news = "Buletin bulan ini: tata cara pelayanan KIA di sekolah.\n\nUntuk berhenti berlangganan klik di sini."
    assert figures(news, "Buletin Januari", sender="buletin@kemendagri.example")["kind"] == "automated"
