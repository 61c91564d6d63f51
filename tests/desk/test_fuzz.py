"""The attack in the suite: 1,000 hostile messages (scripts/make_hostile.py, bombs included) through the
real `mailbot run --once` on a Maildir and SQLite, in four groups. No message may stop the desk.

Every kind of hostile message and every limit that refuses a bomb occurs in the first thousand of seed
10; `bench/bench_fuzz.py` runs the 5,000 (about three minutes) and reports the same figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fuzzrun import run_fuzz

COUNT = 1000
PARSE_SECONDS = 5.0  # [guards] max_parse_seconds of the shipped config


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_hostile_mail_never_stops_the_desk(tmp_path: Path) -> None:
    figures = run_fuzz(tmp_path, count=COUNT, seed=10, group=250)
    print(figures.report())
    assert figures.messages == COUNT
    assert [r.returncode for r in figures.failed_runs] == [], figures.failed_runs[0].stderr[-3000:]
    assert figures.tracebacks == 0, next(r.stderr for r in figures.runs if "Traceback" in r.stderr)[-5000:]
    # every message moved out of the inbox, to processed or to the quarantine, each with its reason
    assert figures.left == 0
    assert figures.processed + figures.quarantined == COUNT
    assert figures.unreasoned == 0
    # the bombs and the floods are refused by name, not by running out of time or memory
    for limit in ("max_mime_depth", "max_mime_parts", "line_chars", "spreadsheet_bytes", "spreadsheet_cells"):
        assert figures.reasons[limit] > 0, figures.report()
    assert figures.good > 5 and figures.good_answered == figures.good, figures.report()
    assert figures.reports > 5 and figures.reports_read == figures.reports, figures.report()
    assert figures.timed >= COUNT
    assert figures.max_message_seconds < PARSE_SECONDS + 1, figures.slowest
    assert figures.peak_rss_mb < 300, figures.report()
