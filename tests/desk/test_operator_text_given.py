"""What an operator types that says nothing is refused in one line, not stored: `correct 1 requested=` (an unset
shell variable) empties no figure (field=null does), `reject --reason "-"` mails the district no "Alasan: -", and
`--by "   "` names no decider."""

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


def test_a_by_without_a_name_is_refused(sample: Path) -> None:
    for said in ("   ", "-"):
        # was: rejected, the district mailed "Keputusan ini diambil oleh petugas meja layanan blangko (   )"
        refused = mailbot(sample, "reject", "BLK-2026-0001", "--force", "--reason", "uji", "--by", said)
        assert refused.returncode == 2 and refused.stderr.startswith("mailbot: --by: ") and (
            " names nobody; give who does this" in refused.stderr), (
            refused.stderr)
        assert refused.stderr.count("\n") == 1, refused.stderr
    with sqlite3.connect(sample / "var" / "mailbot.db") as db:
        assert db.execute("select state from requests where reference = 'BLK-2026-0001'").fetchone()[0] != "rejected"


def test_a_very_long_argument_is_refused_without_being_echoed_whole(sample: Path) -> None:
    from mailbot.errors import QuantityError
    from mailbot.quantities import parse_quantity

    for typed, said in (("9" * 5000, "is far too large a number of pieces"), ("x" * 100_000, "is not a number of")):
        try:
            parse_quantity(typed, maximum=200_000)
        except QuantityError as exc:
            assert len(str(exc)) < 200 and f"({len(typed)} characters) {said}" in str(exc), str(exc)[:300]
        else:
            raise AssertionError("taken")
    refused = mailbot(sample, "history", "B" * 3000)  # was: the 3.000 characters echoed in the one line
    assert refused.returncode == 2 and len(refused.stderr) < 200, refused.stderr[:300]
    assert "(3000 characters) is no request reference" in refused.stderr, refused.stderr
