"""Rules for a total a clerk sees but the file does not hold, and for figures quoted from others' data: a simple
sum formula of a LibreOffice sheet (.ods) saved without its result is valued over the sheet's own cells; a total
row that cannot be valued leaves the table's fields unread, never one day's row read as the total; a figure the
writer quotes from data received from someone else ("data ... yang kami terima menyebut") is not their report.
Each test is a short mail with other words and figures."""

from __future__ import annotations

from tests.reader.conftest import mail

MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"
AUDITOR = "Inspektorat Provinsi <inspektorat@kaltaraprov.example>"

_ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def _cell(value: object) -> str:
    if isinstance(value, int):
        return (f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p>'
                "</table:table-cell>")
    if isinstance(value, str) and value.startswith("of:="):
        # A formula as LibreOffice writes it when its result was not saved: a number cell with no value.
        return (f'<table:table-cell table:formula="{value}" office:value-type="float"><text:p></text:p>'
                "</table:table-cell>")
    return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'


def _ods(rows: list[tuple[object, ...]]) -> bytes:
    import zipfile
    from io import BytesIO

    body = "".join(f"<table:table-row>{''.join(_cell(c) for c in row)}</table:table-row>" for row in rows)
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS}><office:body>'
               f'<office:spreadsheet><table:table table:name="Rekap">{body}</table:table></office:spreadsheet>'
               "</office:body></office:document-content>")
    data = BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
    return data.getvalue()


def _ods_mail(rows: list[tuple[object, ...]]) -> dict[str, object]:
    from email.message import EmailMessage

    from mailbot.reader import read_message
    from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES

    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = MALINAU, OWN_ADDRESSES[0], "Rekap mingguan blangko KTP-el"
    msg.set_content("Dengan hormat, bersama ini kami kirimkan rekap mingguan blangko KTP-el Malinau.")
    msg.add_attachment(_ods(rows), maintype="application", subtype="vnd.oasis.opendocument.spreadsheet",
                       filename="rekap_malinau.ods")
    return read_message(msg.as_bytes(), DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()


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
