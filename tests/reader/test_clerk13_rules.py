"""Rules from an independent set of district mail in a crisis quarter: a printer breakdown, an election drive,
a flood, mail relayed while a district's office mail was down."""

from __future__ import annotations

import pytest

from mailbot.reader import read_message
from mailbot.reader.numbers import normalise
from mailbot.reader.roles import read_text, settle
from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES, mail


def read(text: str) -> dict[str, int | None]:
    candidates, unassigned = read_text(text, normalise(text))
    return dict(settle(candidates, unassigned).values)


# --- People who have not yet done the work are no count of the work ---------------------------------


@pytest.mark.parametrize("phrase", [
    "yang belum melakukan perekaman KTP-el sebanyak 1.845 orang",
    "warga yang tidak dilakukan pencetakan sebanyak 640 orang",
    "siswa belum kami lakukan perekaman: 412 orang",
])
def test_a_count_of_people_not_yet_served_is_no_count_of_work(phrase: str) -> None:
    assert read(f"Berdasarkan data sekolah, {phrase}.") == {}


def test_an_outsiders_count_of_people_not_yet_recorded_is_other_mail() -> None:
    got = mail("Bawaslu Kab. Malinau <bawaslu.malinau@gmail.com>", "Data pemilih belum rekam",
               "Yth. Disdukcapil Provinsi,\n\nJumlah pemilih pemula Kabupaten Malinau 5.120 orang; yang belum "
               "melakukan perekaman KTP-el sebanyak 1.317 orang (25,7%). Mohon dukungan jemput bola.\n\nBawaslu")
    assert (got["kind"], got["recorded"], got["district"]) == ("other", None, None)


# --- Two names of one count joined by a slash --------------------------------------------------------


@pytest.mark.parametrize("names, role", [
    ("perekaman/permohonan", "recorded"),
    ("permohonan/perekaman", "recorded"),
    ("cetak/permintaan", "printed"),
])
def test_a_work_count_named_with_applications_by_a_slash_is_the_work(names: str, role: str) -> None:
    assert read(f"Utk KIA hari ini: {names} 41, blangko KIA habis.") == {role: 41, "stock_on_hand": 0}


def test_a_report_of_applications_and_printing_is_no_request() -> None:
    got = mail("disdukcapil@malinaukab.example", "Lap KIA 03/12",
               "Sore,\nKIA: perekaman/permohonan 28, cetak 9, blangko KIA kosong sejak pagi.\n\nSerli")
    assert (got["kind"], got["requested"], got["recorded"], got["printed"], got["stock_on_hand"]) == (
        "stock_report", None, 28, 9, 0)


# --- A report named by the blank it reports on --------------------------------------------------------


def test_a_report_named_by_its_blank_is_a_report_though_applications_are_received() -> None:
    got = mail("Yuliana <yuli.malinau@gmail.com>", "lap KIA",
               "Laporan KIA Disdukcapil Malinau tgl 02/12/2026:\nCetak KIA : 0\nBlangko KIA : habis\n"
               "Berkas permohonan KIA tetap kami terima, dicetak setelah blangko datang.\n\n"
               "Yuliana\nDisdukcapil Kab. Malinau")
    assert (got["kind"], got["item"], got["printed"], got["stock_on_hand"], got["received"]) == (
        "stock_report", "kia", 0, 0, None)


# --- "kami ajukan": what we put forward is what we ask -------------------------------------------------


@pytest.mark.parametrize("text", [
    "Setelah rapat, kami ajukan 900 keping saja dulu, sisanya nanti.",
    "Dengan hormat, saya ajukan 900 keping blangko KTP-el untuk pelayanan.",
])
def test_a_figure_put_forward_is_asked(text: str) -> None:
    assert read(text) == {"requested": 900}


# --- Blanks passed on to the district's own units beside a receipt ----------------------------------------


def test_blanks_passed_on_beside_a_receipt_are_neither_received_nor_asked() -> None:
    assert read("Blangko pengganti sebanyak dua ribu keping telah kami terima kemarin dan langsung "
                "didistribusikan 450 keping ke UPT Lumbis.") == {"received": 2000}


# --- Their stock is not the writer's -----------------------------------------------------------------------


def test_the_stock_of_those_we_lent_to_is_not_ours() -> None:
    assert read("Perekaman : 96\nSisa blangko : 1.410\n\nCatatan: kemarin kami pinjamkan 150 keping ke "
                "Disdukcapil Malinau (stok mereka 0).") == {"recorded": 96, "stock_on_hand": 1410}


def test_their_stock_without_a_loan_is_still_read() -> None:
    # A mail written for another district names its stock as "theirs": no loan, so it is the figure.
    assert read("Kami mohonkan untuk Disdukcapil KTT 600 keping. Sisa stok mereka per hari ini 150 keping.") == {
        "requested": 600, "stock_on_hand": 150}


# --- The papers' figure against a count of what came -------------------------------------------------------


@pytest.mark.parametrize("papers, recount", [
    ("Menurut BAST jumlahnya 3.000 keping", "namun setelah dihitung ulang yang kami terima 2.960 keping"),
    ("Menurut surat jalan 3.000 keping", "tetapi hasil hitung fisik yang kami terima 2.960 keping"),
])
def test_a_receipt_counted_short_of_its_papers_is_the_count(papers: str, recount: str) -> None:
    assert read(f"Kiriman blangko KTP-el sudah kami terima. {papers}, {recount}. Mohon dicek.") == {"received": 2960}


# --- A piped total row whose label spans two columns ---------------------------------------------------------

DRIVE_TABLE = """Berikut laporan perekaman jemput bola minggu ini:

Hari/Tgl        | Sekolah                | Rekam | Target | %
Senin 07/12     | SMAN 3 Malinau         |   55  |   70   | 78,6
Selasa 08/12    | SMKN 1 Malinau         |   80  |  100   | 80,0
Rabu 09/12      | MAN Malinau            |   41  |   50   | 82,0
JUMLAH                                   |  176  |  220   | 80,0

Sisa blangko KTP-el 1.210 keping."""


def test_a_piped_total_row_with_its_label_over_two_columns_gives_the_column_totals() -> None:
    got = mail("disdukcapil@malinaukab.example", "Laporan mingguan jemput bola", DRIVE_TABLE)
    assert (got["kind"], got["recorded"], got["stock_on_hand"]) == ("stock_report", 176, 1210)


def test_a_piped_short_total_row_whose_count_is_not_its_sum_is_asked_back() -> None:
    # The target's total is placed under the targets; the recording's does not add up: asked, not the target.
    got = mail("disdukcapil@malinaukab.example", "Laporan mingguan jemput bola",
               DRIVE_TABLE.replace("|  176  |  220   |", "|  170  |  220   |"))
    assert (got["recorded"], got["stock_on_hand"]) == (None, 1210)


# --- Spreadsheets: a label over its figure's own cell, a table that does not start in column A ------------


def workbook_mail(sheets: dict[str, list[tuple[object, ...]]], sender: str = "disdukcapil@nunukankab.example") -> bytes:
    from email.message import EmailMessage
    from io import BytesIO

    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    data = BytesIO()
    book.save(data)
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, OWN_ADDRESSES[0], "lap harian"
    msg.set_content("Terlampir lap harian.")
    msg.add_attachment(data.getvalue(), maintype="application",
                       subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename="lap.xlsx")
    return msg.as_bytes()


KECAMATAN_ROWS: list[tuple[object, ...]] = [
    ("LAPORAN HARIAN DISDUKCAPIL NUNUKAN", None, None, None), (None, None, None, None),
    ("No", "Kecamatan", "Perekaman", "Pencetakan"),
    (1, "Nunukan", 30, 28), (2, "Sebatik", 12, 10), (3, "Lumbis", 5, 0),
    ("TOTAL", None, 47, 38), (None, None, None, None),
]


@pytest.mark.parametrize("label", ["Sisa blangko KTP-el akhir hari:", "Sisa blangko KTP-el"])
def test_a_stock_under_its_label_in_a_cell_of_its_own_is_read(label: str) -> None:
    raw = workbook_mail({"Lap": [*KECAMATAN_ROWS, (label, None, None, None), (2315, None, None, None)]})
    v = read_message(raw, DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()
    assert (v["kind"], v["recorded"], v["printed"], v["stock_on_hand"]) == ("stock_report", 47, 38, 2315)


def test_a_figure_under_a_title_that_names_no_role_is_no_stock() -> None:
    raw = workbook_mail({"Lap": [*KECAMATAN_ROWS, ("Operator", None, None, None), (2315, None, None, None)]})
    v = read_message(raw, DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()
    assert (v["recorded"], v["stock_on_hand"]) == (47, None)


def test_two_sheets_one_per_item_give_each_items_stock() -> None:
    kia_header = ("No", "Kecamatan", "Perekaman", "Pencetakan KIA")
    raw = workbook_mail({
        "KTP-el": [*KECAMATAN_ROWS, ("Sisa blangko KTP-el", None, None, None), (1875, None, None, None)],
        "KIA": [*KECAMATAN_ROWS[:2], kia_header, *KECAMATAN_ROWS[3:],
                ("Sisa blangko KIA", None, None, None), (390, None, None, None)],
    })
    v = read_message(raw, DISTRICTS, own_addresses=OWN_ADDRESSES)
    assert (v.kind, v.stock_on_hand) == ("stock_report", 1875)
    kia = v.reading_for("kia")
    assert kia is not None and kia.stock_on_hand == 390


def test_a_per_kecamatan_table_not_in_column_a_is_summed() -> None:
    rows: list[tuple[object, ...]] = [
        (None, "Lap. Harian Kab. Nunukan", None, None, None), (None, None, None, None, None),
        (None, "No", "Kecamatan", "Rekam", "Cetak"),
        (None, 1, "Nunukan", 33, 30), (None, 2, "Sebatik", 14, 11), (None, 3, "Lumbis", 6, 0),
        (None, None, None, None, None), (None, "Sisa blangko: 980 kpg", None, None, None),
    ]
    v = read_message(workbook_mail({"Sheet1": rows}), DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()
    assert (v["recorded"], v["printed"], v["stock_on_hand"]) == (53, 41, 980)


# --- A writer who speaks for no district receives nothing without a figure ----------------------------------


def test_an_auditors_questions_about_the_ledger_are_no_receipt() -> None:
    got = mail("Priya Raman <p.raman@assurance-partners.example>", "Stock reconciliation FY2026",
               "Dear Desk,\n\nFrom the ledger we received, the opening balance was 58,000 pcs and receipts from the "
               "ministry were 15,000 pcs. Could you explain the 900-piece variance against the physical count?\n\n"
               "Regards,\nPriya Raman\nAssurance Partners")
    assert (got["kind"], got["item"], got["received"]) == ("other", None, None)


def test_a_courier_saying_a_parcel_of_blanks_arrived_is_still_a_receipt() -> None:
    # No count beside the phrase: the arrival is the mail's news (the reader's corpus holds the same case).
    got = mail("Ekspedisi Cepat <cs@ekspedisi-cepat.example>", "Status paket",
               "Paket blangko KTP-el dari Tarakan sudah sampai di gudang transit kami pagi ini.")
    assert got["kind"] == "receipt"


# --- A period before an ask says when it is for --------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Untuk bulan ini mohon 900 keping blangko KTP-el.",
    "Untuk minggu ini kami ajukan 900 keping saja dulu.",
])
def test_a_period_before_an_ask_says_when_it_is_for(text: str) -> None:
    assert read(text) == {"requested": 900}


def test_a_period_before_a_count_of_work_still_makes_it_a_running_count() -> None:
    assert read("Perekaman hari ini 90, pencetakan bulan ini 800.") == {"recorded": 90}


# --- A receipt under a condition is a plan ------------------------------------------------------------------


@pytest.mark.parametrize("body", [
    "Baik Pak, kami tunggu. Kami akan kabari bila kiriman blangko dari pusat sudah masuk.",
    "Kalau blangko sudah sampai nanti kami laporkan ke provinsi.",
])
def test_a_receipt_phrase_under_a_condition_makes_no_receipt(body: str) -> None:
    assert mail("disdukcapil@malinaukab.example", "Re: blangko", body)["kind"] == "other"


def test_a_condition_after_a_receipt_leaves_the_receipt() -> None:
    got = mail("disdukcapil@malinaukab.example", "Re: blangko",
               "Blangko 2.000 keping sudah kami terima, bila ada kekurangan akan kami sampaikan.")
    assert (got["kind"], got["received"]) == ("receipt", 2000)


# --- Work planned is no work done ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Blangko KTP-el akan kami cetak setelah kiriman 1.500 keping sudah sampai.",
    "Rencananya akan dicetak 650 keping hari Senin.",
    "Kami akan melakukan perekaman 280 siswa SMA minggu depan.",
    "We will print 650 cards once the ribbons arrive.",
])
def test_work_planned_is_no_count_of_work_done(text: str) -> None:
    assert read(text) == {}


def test_work_done_beside_a_plan_is_still_read() -> None:
    assert read("Hari ini dicetak 118 keping, sisa 905. Besok akan kami laporkan lagi.") == {
        "printed": 118, "stock_on_hand": 905}


# --- One figure under two counts joined by a slash is asked back ---------------------------------------------


@pytest.mark.parametrize("text", ["Perekaman/pencetakan hari ini 140.", "Terima/sisa: 800 keping."])
def test_one_figure_under_two_counts_joined_by_a_slash_is_asked_back(text: str) -> None:
    candidates, unassigned = read_text(text, normalise(text))
    reading = settle(candidates, unassigned)
    assert reading.values == {}
    assert len({d.field for d in reading.doubts}) == 2


def test_two_figures_under_two_counts_joined_by_slashes_are_each_ones() -> None:
    assert read("Rekam/cetak hari ini: 151/137.") == {"recorded": 151, "printed": 137}
