"""A district figure larger than any stock could be is asked back, never booked, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.desk.mailkit import (
    DISTRICT_SENDERS,
    db,
    message_id_of,
    replies_to,
    request_body,
    run_once,
    write_eml,
)

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


TARAKAN = DISTRICT_SENDERS["65.71"]


# (A daily recorded count far above what a district records in a day is left aside by the reader as a
# figure about something else: tests/reader; it is never booked either.)
@pytest.mark.parametrize(("name", "subject", "body", "field"), [
    ("stock", "Laporan harian", "Perekaman: 152 | Pencetakan: 138 | Sisa blangko: 99.999.999.999.999.999.999.999",
     "Sisa stok"),
    ("requested", "Permohonan blangko KTP-el", request_body("99.999.999.999.999.999.999.999", "300"),
     "Jumlah yang dimohon"),
])
def test_an_impossible_figure_is_asked_back_and_not_booked(desk_dir: Path, name: str, subject: str, body: str,
                                                           field: str) -> None:
    letter = write_eml(desk_dir, f"{name}.eml", sender=f"Disdukcapil Tarakan <{TARAKAN}>", subject=subject,
                       body=f"Selamat sore,\n\n{body}\n\nTerima kasih.\n", message_id=f"<{name}@tarakan.example>")
    stdout = run_once(desk_dir, letter)  # fails on a traceback or a non-zero exit
    assert "quarantined" not in stdout and "clarify" in stdout, stdout
    conn = db(desk_dir)
    assert conn.execute("select count(*) from reports").fetchone()[0] == 0
    assert conn.execute("select count(*) from ledger_entries where source like 'message:%' "
                        "or kind = 'shipment_approved'").fetchone()[0] == 0
    [reply] = replies_to(desk_dir, message_id_of(letter))
    text = " ".join(reply.text.split())
    assert f"{field} (" in text and "jauh melebihi jumlah yang mungkin" in text, text
