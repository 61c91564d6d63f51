"""Write the reader's verdict for every labelled and corpus message, one JSON line each, to compare readings.

Usage: PYTHONPATH=$PWD .venv/bin/python scripts/reading_snapshot.py OUT [DIR ...]

For every .eml under tests/corpus and tests/reading/*/corpus (or the folders given), in path order, writes
`path<TAB>` and what `mailbot parse FILE --json` prints (the whole verdict, evidence and doubts included), or
the one-line refusal. Run it before and after a change that must not change any reading: the two files are
byte-identical, or `diff` shows which messages read differently. The parse-time limit is left out, so that a
loaded machine does not change the output.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mailbot.configfile import load_config  # noqa: E402
from mailbot.errors import MailbotError  # noqa: E402
from mailbot.pipeline import Rules, limits  # noqa: E402
from mailbot.reader import read_message  # noqa: E402
from mailbot.reader.verdict import bounded  # noqa: E402


def files(dirs: list[Path]) -> list[Path]:
    if dirs:
        return sorted(f for d in dirs for f in d.rglob("*.eml"))
    return sorted([*(ROOT / "tests" / "corpus").glob("*.eml"), *(ROOT / "tests" / "reading").glob("*/corpus/*.eml")])


def reading(raw: bytes, rules: Rules) -> str:
    try:
        limits(raw, rules)
        verdict = read_message(raw, rules.districts, own_addresses=rules.own_addresses, limits=rules.read_limits)
    except MailbotError as exc:
        return f"refused: {exc}"
    return json.dumps(bounded(verdict, rules.max_figure).as_dict(), ensure_ascii=False)


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    rules = Rules.of(load_config(ROOT / "config.toml"))
    found = files([Path(d) for d in sys.argv[2:]])
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        for f in found:
            name = f.relative_to(ROOT) if f.is_relative_to(ROOT) else f
            out.write(f"{name}\t{reading(f.read_bytes(), rules)}\n")
    print(f"{len(found)} messages read into {sys.argv[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
