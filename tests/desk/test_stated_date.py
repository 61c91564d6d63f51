"""Stock a district stated is as old as the mail that stated it: the Date header, never after it was read."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.desk.conftest import mailbot
from tests.desk.mailkit import DISTRICT_SENDERS, request_body, run_once, write_eml

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _stated_rows(desk_dir: Path) -> dict[str, str]:
    status = mailbot(desk_dir, "status", "--item", "ktp-el")
    assert status.returncode == 0, status.stderr
    stated = status.stdout.split("as the districts state it")[1]  # the stated table, after the status table
    return {line.split()[1]: line for line in stated.splitlines() if line.startswith("| 65.")}


def test_stated_stock_carries_the_date_of_the_mail_clamped_to_when_it_was_read(desk_dir: Path) -> None:
    run_once(desk_dir,
             write_eml(desk_dir, "a.eml", sender=DISTRICT_SENDERS["65.01"], subject="Permohonan blangko KTP-el",
                       message_id="<a@bulungankab.example>", body=request_body("2.000", "650"),
                       date="Mon, 23 Nov 2026 08:30:00 +0800"),
             write_eml(desk_dir, "b.eml", sender=DISTRICT_SENDERS["65.02"], subject="Permohonan blangko KTP-el",
                       message_id="<b@malinaukab.example>", body=request_body("2.000", "640"),
                       date="Mon, 23 Nov 2099 08:30:00 +0800"),  # a sender's clock far ahead
             write_eml(desk_dir, "c.eml", sender=DISTRICT_SENDERS["65.71"], subject="Laporan harian",
                       message_id="<c@tarakankota.example>", date="Tue, 24 Nov 2026 16:00:00 +0800",
                       body="Laporan harian: perekaman 120, pencetakan 98, sisa blangko 7.800 keping.\n"))
    rows = _stated_rows(desk_dir)
    today = mailbot(desk_dir, "status").stdout.split("Stock of ktp-el on ")[1][:10]
    assert "2026-11-23" in rows["65.01"] and " 650 " in rows["65.01"], rows
    assert today in rows["65.02"] and "2099" not in rows["65.02"], rows
    # the report's count is its own statement: what it booked itself (a rise) is not added again
    assert "2026-11-24" in rows["65.71"] and "7.800" in rows["65.71"] and "8.100" not in rows["65.71"], rows
    digest = mailbot(desk_dir, "digest", "--print").stdout
    assert "Kabupaten Bulungan (blangko KTP-el): 650 keping, permohonan 23 November 2026" in digest, digest


def test_an_earlier_reports_count_read_late_is_not_added_to_the_latest_statement(desk_dir: Path) -> None:
    """A backlog read at once: Tarakan's report of 1 December counts more than the ledger held (the rise is
    booked when it is read, after the report of 2 December was written); the report of 2 December states
    the stock, and the earlier count is not added to it again (the digest said "dinyatakan 159, ditambah
    penerimaan sesudahnya 2.142" for a stock of 159)."""
    sender = DISTRICT_SENDERS["65.71"]
    run_once(desk_dir,
             write_eml(desk_dir, "d1.eml", sender=sender, subject="Laporan harian",
                       message_id="<d1@tarakankota.example>",
                       date="Tue, 01 Dec 2026 16:00:00 +0800",
                       body="Laporan harian: perekaman 120, pencetakan 98, sisa blangko 8.100 keping.\n"),
             write_eml(desk_dir, "d2.eml", sender=sender, subject="Laporan harian",
                       message_id="<d2@tarakankota.example>",
                       date="Wed, 02 Dec 2026 16:00:00 +0800",
                       body="Laporan harian: perekaman 110, pencetakan 90, sisa blangko 7.950 keping.\n"))
    rows = _stated_rows(desk_dir)
    assert "2026-12-02" in rows["65.71"] and " 7.950 " in rows["65.71"] and "same" in rows["65.71"], rows
    digest = " ".join(mailbot(desk_dir, "digest", "--print").stdout.split())
    assert "Kota Tarakan (blangko KTP-el): 7.950 keping, laporan harian 2 Desember 2026" in digest, digest
    assert "ditambah penerimaan sesudahnya" not in digest, digest
