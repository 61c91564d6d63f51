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
    rows = [line for line in queue.stdout.splitlines() if re.match(r"│ \d+ ", line)]
    assert rows and all(" WITA " in row for row in rows)
    flat = " ".join(" ".join(line.strip("│ ").split("│")) for line in queue.stdout.splitlines())
    assert "catatan sebelumnya 8.000" in " ".join(flat.split())

    history = mailbot(desk_dir, "history", "BLK-2026-0001")
    assert history.returncode == 0, history.stderr
    assert "requested 2.000" in history.stdout.splitlines()[0]
    assert "committed +2.000" in history.stdout and "requested=2.000" in history.stdout
    times = re.findall(r"│ (\d{4}-\d\d-\d\d \d\d:\d\d[^│]*)│", history.stdout)
    assert times and all(t.strip().endswith("WITA") for t in times)
    for table in (queue.stdout, history.stdout):
        figures = [m for line in table.splitlines() for m in UNGROUPED.findall(NOT_FIGURES.sub(" ", line))]
        assert figures == [], figures

    alerts = "\n".join(p.read_text(errors="replace") for p in (desk_dir / "var" / "mail" / "outbox").glob("*/*"))
    assert "SETUJU 1500" not in alerts
