"""What the operator types on the command line beyond quantities: --delta, ids and --limit, all bounded."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.desk.conftest import EXAMPLES, mailbot

HUGE = "99999999999999999999"  # above 2^63, the largest row id


def _ledger(desk_dir: Path, location: str) -> int:
    db = sqlite3.connect(desk_dir / "var" / "mailbot.db")
    return int(db.execute("select sum(on_hand) from ledger_entries where location = ?", (location,)).fetchone()[0])


def _discrepancy(desk_dir: Path) -> int:
    assert mailbot(desk_dir, "migrate").returncode == 0  # creates the database (`status` makes none)
    assert mailbot(desk_dir, "status").returncode == 0  # books the opening balances
    db = sqlite3.connect(desk_dir / "var" / "mailbot.db")
    with db:
        cur = db.execute("insert into attention_items (key, kind, reason, district, item, quantity, opened_at) "
                         "values ('discrepancy:test', 'discrepancy', 'short_receipt', '65.01', 'ktp-el', 100, "
                         "'2026-11-27 02:00:00.000000')")
    return int(cur.lastrowid or 0)


def test_resolve_delta_is_read_as_indonesian(desk_dir: Path) -> None:
    item = _discrepancy(desk_dir)
    before = _ledger(desk_dir, "65.01")
    result = mailbot(desk_dir, "resolve", str(item), "--reason", "hitung ulang", "--delta", "2.000")
    assert result.returncode == 0, result.stderr
    assert "+2.000 booked at 65.01" in result.stdout
    assert _ledger(desk_dir, "65.01") - before == 2000


# A value the option does not take is a usage error, exit 2, as the README's convention says: no number, an
# ambiguous one, and one beyond the most one movement may be (that exited 1).
@pytest.mark.parametrize(("delta", "words", "code"), [
    ("1000000000000", "max_quantity_per_movement", 2), ("200001", "max_quantity_per_movement", 2),
    ("9" * 26, "far too large", 2), ("2,000", "ambiguous", 2), ("20.00", "not a whole number", 2),
])
def test_resolve_delta_out_of_bounds_is_one_line_and_books_nothing(desk_dir: Path, delta: str, words: str,
                                                                   code: int) -> None:
    item = _discrepancy(desk_dir)
    before = _ledger(desk_dir, "65.01")
    result = mailbot(desk_dir, "resolve", str(item), "--reason", "x", "--delta", delta)
    assert result.returncode == code, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and "--delta" in lines[0], result.stderr
    assert _ledger(desk_dir, "65.01") == before
    still_open = sqlite3.connect(desk_dir / "var" / "mailbot.db").execute(
        "select closed_at is null from attention_items where id = ?", (item,)).fetchone()
    assert still_open == (1,)


def test_resolve_delta_takes_thousands_in_words(desk_dir: Path) -> None:
    item = _discrepancy(desk_dir)
    before = _ledger(desk_dir, "65.01")
    result = mailbot(desk_dir, "resolve", str(item), "--reason", "x", "--delta", "1,5 ribu")
    assert result.returncode == 0, result.stderr
    assert _ledger(desk_dir, "65.01") - before == 1500


@pytest.mark.parametrize("args", [
    ("requests", "--limit", HUGE), ("outbox", "list", "--limit", HUGE), ("queue", "list", "--limit", HUGE),
    ("quarantine", "--limit", HUGE), ("requests", "--limit", "-1"), ("queue", "list", "--limit", "0"),
    ("replay", HUGE), ("history", HUGE), ("show", HUGE), ("quarantine", "dismiss", HUGE, "--reason", "x"),
    ("resolve", HUGE, "--reason", "x"), ("queue", "close", HUGE, "--reason", "x"), ("outbox", "retry", HUGE),
    ("correct", HUGE, "stock_on_hand=5", "--reason", "x"), ("replay", "0"), ("replay", "1.000"),
    ("outbox", "retry", "-1"),
])
def test_ids_and_limits_out_of_range_are_one_line(desk_dir: Path, args: tuple[str, ...]) -> None:
    assert mailbot(desk_dir, "migrate").returncode == 0  # the desk exists (`status` makes no database)
    result = mailbot(desk_dir, *args)
    assert result.returncode != 0, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr


def test_help_shows_bracketed_words(desk_dir: Path) -> None:
    assert "within the [guards] limits" in " ".join(mailbot(desk_dir, "parse", "--help").stdout.split())


def test_a_limit_is_read_by_the_quantity_reader_with_an_honest_bound(desk_dir: Path) -> None:
    from tests.desk.mailkit import run_once

    run_once(desk_dir, *sorted(EXAMPLES.glob("*.eml")))
    one = mailbot(desk_dir, "requests", "--limit", "1")
    thousand = mailbot(desk_dir, "requests", "--limit", "1.000")
    assert one.returncode == thousand.returncode == 0, thousand.stderr
    assert one.stdout.count("BLK-") == 1 and thousand.stdout.count("BLK-") > 1  # "1.000" is a thousand, not 1
    assert mailbot(desk_dir, "requests", "--limit", "dua").stdout.count("BLK-") == 2
    for typed, words in ((HUGE, "at most 1.000.000 rows"), ("2.000.000", "at most 1.000.000 rows"),
                         ("0", "above zero"), ("1,5", "decimal comma")):
        result = mailbot(desk_dir, "queue", "list", "--limit", typed)
        assert result.returncode == 2 and words in result.stderr and len(result.stderr.splitlines()) == 1, result.stderr
    # rows are not counted in thousands (were told "write it like 2.000, 2000 or 2 ribu")
    for typed, said in (("abc", 'mailbot: --limit: "abc" is not a number of rows; write it like 50 or 1.000'),
                        ("1,5", 'mailbot: --limit: "1,5" has a decimal comma: rows are whole numbers; write a whole '
                                'number, e.g. 1')):
        result = mailbot(desk_dir, "requests", "--limit", typed)
        assert result.returncode == 2 and result.stderr.strip() == said, result.stderr


def test_a_ledger_whose_sum_is_beyond_any_store_names_the_place_and_its_entries(desk_dir: Path) -> None:
    """Five entries of 900.000.000.000, none beyond a store alone, over a trillion together: the line named
    "ledger_entries their sum", neither the entries nor the place."""
    assert mailbot(desk_dir, "migrate").returncode == 0
    with sqlite3.connect(desk_dir / "var" / "mailbot.db") as db:
        for n in range(5):
            db.execute("insert into ledger_entries (item, location, kind, on_hand, in_transit, committed, at, "
                       "source, actor) values ('ktp-el', '65.04', 'adjustment', 900000000000, 0, 0, "
                       f"'2026-11-27 02:00:00.000000', 'tampered-{n}', 'sqlite3')")
        ids = [row[0] for row in db.execute("select id from ledger_entries where source like 'tampered-%' order by id")]
    result = mailbot(desk_dir, "status")
    assert result.returncode == 1, (result.stdout, result.stderr)
    [line] = result.stderr.strip().splitlines()
    assert (f"ledger_entries of 65.04 ktp-el, which add up to it (the largest: {', '.join(f'#{i}' for i in ids)}); "
            "the database was changed outside mailbot") in line, line


def test_resolve_delta_unusually_large_for_the_district_is_refused_off_a_terminal_and_booked_with_yes(
        desk_dir: Path) -> None:
    """A --delta within the hard bound but far beyond what the district holds and uses is asked about first, as
    `mailbot adjust` asks (before: booked at once, e.g. "-100.000" typed for "-100")."""
    item = _discrepancy(desk_dir)
    before = _ledger(desk_dir, "65.01")
    refused = mailbot(desk_dir, "resolve", str(item), "--reason", "hitung ulang", "--delta", "100.000")
    assert refused.returncode == 1, refused.stdout
    assert refused.stderr.startswith("mailbot: resolve --delta: booking 100.000 ktp-el would be more than 65.01 "), \
        refused.stderr
    assert refused.stderr.rstrip().endswith("nothing was booked; if the figure is right, add --yes"), refused.stderr
    assert _ledger(desk_dir, "65.01") == before
    still_open = sqlite3.connect(desk_dir / "var" / "mailbot.db").execute(
        "select closed_at is null from attention_items where id = ?", (item,)).fetchone()
    assert still_open == (1,)
    booked = mailbot(desk_dir, "resolve", str(item), "--reason", "hitung ulang", "--delta", "100.000", "--yes",
                     "--no-notify")
    assert booked.returncode == 0, booked.stderr
    assert _ledger(desk_dir, "65.01") - before == 100_000
