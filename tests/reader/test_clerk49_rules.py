"""Rules for a total a clerk sees but the file does not hold, and for figures quoted from others' data: a simple
sum formula of a LibreOffice sheet (.ods) saved without its result is valued over the sheet's own cells; a total
row that cannot be valued leaves the table's fields unread, never one day's row read as the total; a figure the
writer quotes from data received from someone else ("data ... yang kami terima menyebut") is not their report.
Each test is a short mail with other words and figures."""

from __future__ import annotations

from tests.reader.conftest import mail
from tests.reader.sheets import ods, ods_mail

MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"
AUDITOR = "Inspektorat Provinsi <inspektorat@kaltaraprov.example>"

def _ods_mail(rows: list[tuple[object, ...]]) -> dict[str, object]:
    return ods_mail(ods(rows, sheet="Rekap"), sender=MALINAU, subject="Rekap mingguan blangko KTP-el",
                    body="Dengan hormat, bersama ini kami kirimkan rekap mingguan blangko KTP-el Malinau.",
                    filename="rekap_malinau.ods")


def _week(total_row: tuple[object, ...]) -> list[tuple[object, ...]]:
    return [("Tanggal", "Perekaman", "Pencetakan"),
            ("08/03/2027", 31, 29), ("09/03/2027", 40, 37), ("10/03/2027", 22, 20), ("11/03/2027", 35, 33),
            total_row]


def test_a_sum_formula_saved_without_its_result_is_the_total_a_clerk_sees() -> None:
    read = _ods_mail(_week(("Jumlah", "of:=SUM([.B2:.B5])", "of:=SUM([.C2:.C5])")))
    assert (read["recorded"], read["printed"]) == (128, 119)


def test_a_total_written_as_cells_added_one_by_one_is_valued_too() -> None:
    read = _ods_mail(_week(("Total", "of:=B2+B3+B4+B5", "of:=SUM(C2:C5)")))
    assert (read["recorded"], read["printed"]) == (128, 119)


def test_a_total_row_that_cannot_be_valued_is_no_days_row() -> None:
    read = _ods_mail(_week(("Jumlah", "of:=AVERAGE([.B2:.B5])*4", "of:=SUM([.C2:.C9])*1")))
    assert read["kind"] == "stock_report" and read["recorded"] is None and read["printed"] is None
    assert {d["field"] for d in read["doubts"]} >= {"recorded", "printed"}


def test_a_figure_quoted_from_data_received_from_others_is_not_the_writers() -> None:
    read = mail(AUDITOR, "Permintaan data stok per kabupaten",
                "Selamat siang. Mohon rekap stok blangko KIA per kabupaten per akhir Juni. Laporan Malinau yang "
                "kami terima mencatat sisa stok 2.315 keping, mohon dicek dengan catatan provinsi.")
    assert read["stock_on_hand"] is None


def test_according_to_data_received_a_figure_is_not_the_writers() -> None:
    read = mail(AUDITOR, "Klarifikasi stok",
                "Menurut data yang masuk, stok blangko KTP-el Malinau tinggal 860 keping. Mohon konfirmasi.")
    assert read["stock_on_hand"] is None
