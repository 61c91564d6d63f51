"""Helpers shared by the corpus case lists: senders, MIME parts, spreadsheets, expectations."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

BUL = "Disdukcapil Kab. Bulungan <disdukcapil@bulungankab.example>"
BUL_OP = "Operator SIAK Bulungan <operator.bulungan@bulungankab.example>"
MAL = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"
NUN = "DISDUKCAPIL NUNUKAN <disdukcapil@nunukankab.example>"
NUN_CAP = "Capil Nunukan <capil.nunukan@nunukankab.example>"
KTT = "Disdukcapil Tana Tidung <disdukcapil@tanatidungkab.example>"
TRK = "Dinas Kependudukan dan Pencatatan Sipil Kota Tarakan <disdukcapil@tarakankota.example>"
OFFICE_ADDR = "blangko@disdukcapil.kaltaraprov.example"


@dataclass
class Part:
    """One MIME leaf (attachment or body part)."""

    ctype: str
    payload: bytes
    charset: str | None = None
    cte: str = "base64"
    filename: str | None = None


def xlsx(rows: list[list[object]], sheet: str = "Laporan") -> bytes:
    """An .xlsx workbook with one sheet holding rows."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def xlsx_part(filename: str, rows: list[list[object]]) -> Part:
    return Part(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx(rows), None, "base64", filename
    )


FAKE_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% Sisa stok 999 keping, mohon 5.000\ntrailer\n%%EOF\n"
FAKE_PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def pdf_part(filename: str = "surat.pdf") -> Part:
    return Part("application/pdf", FAKE_PDF, None, "base64", filename)


def png_part(filename: str = "foto.png") -> Part:
    return Part("image/png", FAKE_PNG, None, "base64", filename)


def E(
    kind: str, district: str | None = None, item: str | None = None, known: bool = True, **more: object,
) -> dict[str, object]:
    """An expectation: omitted quantities, district and item are null."""
    out: dict[str, object] = {"kind": kind}
    if district is not None:
        out["district"] = district
    if item is not None:
        out["item"] = item
    out["sender_known"] = known
    out.update(more)
    return out
