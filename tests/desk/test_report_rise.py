"""A daily report far above the ledger with nothing on its way is never booked silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.desk.mailkit import DISTRICT_SENDERS, db, run_once, write_eml

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

TARAKAN = DISTRICT_SENDERS["65.71"]
REPORT = "Laporan harian 05/12/2026\nPerekaman: 162\nPencetakan: 140\nSisa blangko KTP-el: 9.800\n"


def _items(desk_dir: Path) -> list[dict]:  # type: ignore[type-arg]
    conn = db(desk_dir)
    return [dict(r) for r in conn.execute("select * from attention_items where kind = 'reconcile' "
                                          "and district = '65.71' order by id")]


def _send(desk_dir: Path, name: str, subject: str, body: str) -> None:
    run_once(desk_dir, write_eml(desk_dir, f"{name}.eml", sender=TARAKAN, subject=subject, body=body,
                                 message_id=f"<{name}@tarakankota.example>"))


def test_a_report_far_above_the_ledger_opens_a_reconciliation_item(desk_dir: Path) -> None:
    _send(desk_dir, "rep", "Laporan harian perekaman 05/12/2026", REPORT)
    [item] = _items(desk_dir)
    assert item["closed_at"] is None and item["quantity"] == 9800 - 7500
    assert "laporan harian menyatakan 9.800, catatan sebelumnya 7.500" in item["detail"]


def test_a_report_far_above_the_ledger_does_not_settle_an_open_item_as_agreeing(desk_dir: Path) -> None:
    _send(desk_dir, "req", "Permohonan Blangko KTP-el",
          "Kami memohon tambahan blangko KTP-el sebanyak 4.000 keping. Sisa stok blangko kami 900 keping.\n")
    [opened] = _items(desk_dir)
    assert opened["closed_at"] is None
    _send(desk_dir, "rep2", "Laporan harian perekaman 05/12/2026", REPORT)
    items = _items(desk_dir)
    assert all("sesuai catatan" not in (i["resolution"] or "") for i in items)
    [still] = [i for i in items if i["closed_at"] is None]
    assert "9.800" in still["detail"] and "7.500" in still["detail"]
