"""What an operator types that says nothing is refused in one line, not stored: `correct 1 requested=` (an unset
shell variable) empties no figure (field=null does), and `reject --reason "-"` mails the district no "Alasan: -"."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.desk.conftest import mailbot


def test_an_empty_field_value_is_refused_and_null_empties_it(sample: Path) -> None:
    refused = mailbot(sample, "correct", "1", "requested=", "--reason", "uji")
    # was: "message 1 corrected: requested=(no figure) ... label stored", exit 0
    assert refused.returncode == 2, refused.stdout
    assert refused.stderr == "mailbot: requested: no value given after '='; to empty the field write requested=null\n"
    emptied = mailbot(sample, "correct", "1", "requested=null", "--reason", "uji")
    assert emptied.returncode == 0 and "requested=(no figure)" in emptied.stdout, emptied.stderr


def test_a_reason_without_words_is_refused(sample: Path) -> None:
    for said in ("-", " . "):
        refused = mailbot(sample, "reject", "BLK-2026-0001", "--reason", said, "--force")
        assert refused.returncode == 2 and refused.stderr.startswith("mailbot: --reason: ") and (
            "gives no reason; write why in words" in refused.stderr), refused.stderr
    with sqlite3.connect(sample / "var" / "mailbot.db") as db:
        assert db.execute("select state from requests where reference = 'BLK-2026-0001'").fetchone()[0] != "rejected"
