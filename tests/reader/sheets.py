"""LibreOffice sheets (.ods) for the reader's rule tests: a file of one sheet built from rows, and a mail that
carries one, read as `mailbot parse --json` shows it."""

from __future__ import annotations

import zipfile
from email.message import EmailMessage
from io import BytesIO

from mailbot.reader import read_message
from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES

_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
ODS = "vnd.oasis.opendocument.spreadsheet"


def _cell(value: object) -> str:
    if value is None:  # the empty cells LibreOffice writes after the last one used, as one repeated cell
        return '<table:table-cell table:number-columns-repeated="1020"/>'
    if isinstance(value, int):
        return (f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p>'
                "</table:table-cell>")
    if isinstance(value, str) and value.startswith("of:="):
        # A formula as LibreOffice writes it when its result was not saved: a number cell with no value.
        return (f'<table:table-cell table:formula="{value}" office:value-type="float"><text:p></text:p>'
                "</table:table-cell>")
    return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'


def ods(rows: list[tuple[object, ...]], *, sheet: str = "Lap", padded: bool = False, prolog: str = "") -> bytes:
    """A real .ods file of one sheet named *sheet*: an int is a number cell, "of:=..." a formula saved without
    its result, None the empty cells after the last one. *padded*: each row padded out as LibreOffice pads it,
    with the million empty rows it writes under the last one. *prolog* goes before the document element."""
    body = "".join(f"<table:table-row>{''.join(_cell(c) for c in ((*row, None) if padded else row))}</table:table-row>"
                   for row in rows)
    if padded:
        body += '<table:table-row table:number-rows-repeated="1048000"><table:table-cell/></table:table-row>'
    content = (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<office:document-content {_NS}><office:body>'
               f'<office:spreadsheet><table:table table:name="{sheet}">{body}</table:table></office:spreadsheet>'
               "</office:body></office:document-content>")
    data = BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("mimetype", f"application/{ODS}")
        archive.writestr("content.xml", content)
    return data.getvalue()


def ods_mail(sheet: bytes, *, sender: str, subject: str, body: str, filename: str) -> dict[str, object]:
    """A mail from *sender* to the desk with the .ods file *sheet* attached as *filename*, read as
    `mailbot parse --json` shows it."""
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, OWN_ADDRESSES[0], subject
    msg.set_content(body)
    msg.add_attachment(sheet, maintype="application", subtype=ODS, filename=filename)
    return read_message(msg.as_bytes(), DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()
