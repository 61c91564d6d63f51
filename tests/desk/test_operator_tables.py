"""The operator's tables after the sample inbox: figures in Indonesian (2.000), times with their zone."""

from __future__ import annotations

import re
from pathlib import Path

from tests.desk.conftest import EXAMPLES, mailbot

UNGROUPED = re.compile(r"(?<![\d.,#:-])\d{4,}(?![\d.,])")  # 2000, 8000: a figure without its thousands dot
NOT_FIGURES = re.compile(r"BLK-\d{4}-\d{4}|\d{4}-\d\d-\d\d|\S+@\S+|\b20\d\d\b")  # references, dates, years


def test_queue_history_and_alerts_write_figures_and_zones_the_indonesian_way(desk_dir: Path) -> None:
    assert mailbot(desk_dir, "import", *sorted(str(p) for p in EXAMPLES.glob("*.eml"))).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0

    queue = mailbot(desk_dir, "queue", "list")
    assert queue.returncode == 0, queue.stderr
    rows = [line for line in queue.stdout.splitlines() if re.match(r"\| \d+ ", line)]
    assert rows and all(" WITA " in row for row in rows)
    flat = " ".join(" ".join(line.strip("| ").split("|")) for line in queue.stdout.splitlines())
    assert "catatan sebelumnya 8.000" in " ".join(flat.split())

    history = mailbot(desk_dir, "history", "BLK-2026-0001")
    assert history.returncode == 0, history.stderr
    assert "requested 2.000" in history.stdout.splitlines()[0]
    assert "committed +2.000" in history.stdout and "requested 2.000" in history.stdout
    times = re.findall(r"\| (\d{4}-\d\d-\d\d \d\d:\d\d[^|]*)\|", history.stdout)
    assert times and all(t.strip().endswith("WITA") for t in times)
    for table in (queue.stdout, history.stdout):
        figures = [m for line in table.splitlines() for m in UNGROUPED.findall(NOT_FIGURES.sub(" ", line))]
        assert figures == [], figures

    alerts = "\n".join(p.read_text(errors="replace") for p in (desk_dir / "var" / "mail" / "outbox").glob("*/*"))
    assert "SETUJU 1500" not in alerts


# What the database stores and the operator never reads: decision outcomes, ledger kinds, reading fields.
INTERNAL_CODES = re.compile(r"\b(?:approve_partial|approve|hold|propose|clarify|shipment_\w+|receipt_confirmed|"
                            r"stock_observed|supply_received|stock_on_hand|stock_report|province:|requested=)\b")


def test_history_says_decisions_and_ledger_entries_in_plain_words(desk_dir: Path) -> None:
    assert mailbot(desk_dir, "import", *sorted(str(p) for p in EXAMPLES.glob("*.eml"))).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    said = {}
    for reference in ("BLK-2026-0001", "BLK-2026-0002", "BLK-2026-0004", "BLK-2026-0005"):
        history = mailbot(desk_dir, "history", reference)
        assert history.returncode == 0, history.stderr
        said[reference] = " ".join(" ".join(history.stdout.replace("│", " ").replace("|", " ").split()).split())
        assert INTERNAL_CODES.findall(said[reference]) == [], (reference, INTERNAL_CODES.findall(said[reference]))
    partial = said["BLK-2026-0004"]
    assert "approved in part 1.100" in partial
    assert "province store, promised to the district (approved, still in the store): on hand 0, in transit 0, " \
           "committed +1.100" in partial
    assert "65.71 Kota Tarakan, promised to the district" in partial
    assert "read as request (requested 1.500, stock 300)" in partial
    assert "waiting for manager, proposed 700" in said["BLK-2026-0002"]
    assert "waiting for manager, proposed 3.000" in said["BLK-2026-0005"]


def test_history_says_audited_actions_in_plain_words_and_finds_a_message_by_its_hash(desk_dir: Path) -> None:
    """Audit rows read as words (no key=value record, no "cli:" actor, pieces in Indonesian figures), and a
    message shown as "#8" in the history is found by "#8"."""
    assert mailbot(desk_dir, "import", *sorted(str(p) for p in EXAMPLES.glob("*.eml"))).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    approved = mailbot(desk_dir, "approve", "BLK-2026-0005", "--quantity", "3.000", "--force", "--reason",
                       "kegiatan jemput bola")
    assert approved.returncode == 0, approved.stderr
    rejected = mailbot(desk_dir, "reject", "BLK-2026-0005", "--reason", "stok diaudit", "--force")
    assert rejected.returncode == 0, rejected.stderr
    history = mailbot(desk_dir, "history", "BLK-2026-0005")
    assert history.returncode == 0, history.stderr
    said = " ".join(history.stdout.replace("|", " ").split())
    assert re.findall(r"\b\w+=", said) == [] and "cli:" not in said, said
    assert "approved: 3.000 pieces, on the command line, approved anyway because: kegiatan jemput bola" in said, said
    assert "rejected: reason: stok diaudit, on the command line, approval of 3.000 pieces withdrawn" in said, said
    assert "(command line)" in said

    number = re.search(r"#(\d+) ", said)
    assert number, said
    shown = mailbot(desk_dir, "history", f"#{number[1]}")
    # (a request's own message shows its request's story, which holds it)
    assert shown.returncode == 0 and f"#{number[1]} " in shown.stdout, (shown.stdout[:200], shown.stderr)
