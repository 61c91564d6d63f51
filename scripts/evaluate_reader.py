#!/usr/bin/env python3
"""Score the reader on a folder of labelled mail, read exactly as `mailbot parse FILE --json` reads it.

The folder is in the format of ../shared/reading: corpus/*.eml and labels.json (one object per file name
with kind, district, item, requested, stock_on_hand, received, printed, recorded, sender_known, tags);
an older folder of *.eml with expected.json is read too. Prints: messages with every field right,
messages with a wrong number (a figure read where the label has none or another; null where the label
has a figure is a miss, not a wrong number), automated mail recognised, then the score per kind and per
tag and every miss. Exit status 1 when a number is stated wrongly.

    .venv/bin/python scripts/evaluate_reader.py ../shared/reading/set1 [--config config.toml] [--half 1|2]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from mailbot.configfile import load_config
from mailbot.pipeline import Rules, read_within_limits
from mailbot.scoring import load_labels, report, score


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--config", type=Path, default=Path("config.toml"))
    parser.add_argument("--half", type=int, choices=(1, 2),
                        help="score only the odd-numbered (1) or even-numbered (2) messages of the sorted set")
    parser.add_argument("--quiet", action="store_true", help="leave out the list of misses")
    args = parser.parse_args()
    config = load_config(args.config)
    try:
        labels, corpus = load_labels(args.folder)
    except (OSError, ValueError) as exc:
        print(f"evaluate_reader: no labelled set: {exc}", file=sys.stderr)
        return 2
    if args.half:
        names = sorted(labels)[args.half - 1 :: 2]
        labels = {n: labels[n] for n in names}
    # what `mailbot parse` reads with (the districts, addresses and limits), the parse time aside
    rules = Rules.of(config).untimed()
    result = score(labels, lambda name: read_within_limits((corpus / name).read_bytes(), rules).as_dict())
    print(report(result, verbose=not args.quiet))
    return 1 if result.wrong_number_messages else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # the reader of our output (head) has gone: what it wanted was printed
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
