#!/usr/bin/env python3
"""Score the reader on a folder of labelled emails: FOLDER/*.eml plus FOLDER/expected.json.

expected.json maps a file name to the fields a careful clerk would read:
{"kind", "district", "item", "requested", "stock_on_hand", "received", "printed", "recorded", "sender_known"}.
Prints the share of messages with every field right, every wrongly stated quantity (the worst
failure: a figure where the clerk would have none or another), and automated mail not recognised.
Exit status 1 when a quantity is stated wrongly.

    .venv/bin/python scripts/evaluate_reader.py path/to/labelled-mail [--config config.toml]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from mailbot.app import reader_districts
from mailbot.config import load_config
from mailbot.reader import read_message

FIELDS = ("kind", "district", "item", "requested", "stock_on_hand", "received", "printed", "recorded",
          "sender_known")
QUANTITIES = ("requested", "stock_on_hand", "received", "printed", "recorded")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--config", type=Path, default=Path("config.toml"))
    args = parser.parse_args()
    config = load_config(args.config)
    districts = reader_districts(config)
    expected = json.loads((args.folder / "expected.json").read_text())
    right = 0
    wrong_numbers: list[str] = []
    automated_missed: list[str] = []
    misses: list[str] = []
    for name, want in sorted(expected.items()):
        got = read_message((args.folder / name).read_bytes(), districts, own_addresses=config.own_addresses).as_dict()
        diffs = [f"{f}: expected {want.get(f)!r}, read {got.get(f)!r}" for f in FIELDS if want.get(f) != got.get(f)]
        if diffs:
            misses.append(f"{name}: " + "; ".join(diffs))
        else:
            right += 1
        wrong_numbers += [f"{name}: {f} read {got[f]}, expected {want.get(f)}" for f in QUANTITIES
                          if got.get(f) is not None and got.get(f) != want.get(f)]
        if want["kind"] == "automated" and got["kind"] != "automated":
            automated_missed.append(name)
    total = len(expected)
    print(f"{right}/{total} messages with every field right ({100 * right / total:.1f}%)")
    print(f"quantities stated wrongly: {len(wrong_numbers)}")
    for line in wrong_numbers:
        print(f"  {line}")
    print(f"automated mail not recognised: {len(automated_missed)} {automated_missed or ''}")
    for line in misses:
        print(f"  miss {line}")
    return 1 if wrong_numbers else 0


if __name__ == "__main__":
    sys.exit(main())
