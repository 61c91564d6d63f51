"""Hostile mail through the real desk: runs, messages, quarantined by reason, slowest message, peak RSS.

    .venv/bin/python bench/bench_fuzz.py [--count 5000] [--seed 10] [--group 500]

The messages are scripts/make_hostile.py's (bombs included); each group is delivered to a Maildir
inbox and followed by one `mailbot -v run --once` on SQLite, with the shipped config (its
[guards] authserv_id set to the generator's, authentication required, no reply caps).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.fuzzrun import clean, run_fuzz  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--group", type=int, default=500)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="mailbot-fuzz-"))
    try:
        figures = run_fuzz(folder, count=args.count, seed=args.seed, group=args.group)
        print(figures.report())
        for run in figures.failed_runs:
            print(f"run exited {run.returncode}: {run.stderr.strip().splitlines()[-1:]}")
    finally:
        clean(folder)


if __name__ == "__main__":
    main()
