"""Quantities the operator types: read as Indonesian, within bounds, unusual approvals confirmed or forced."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mailbot.quantities import QuantityError, parse_quantity
from tests.desk.conftest import EXAMPLES, mailbot
from tests.desk.mailkit import on_hand


@pytest.mark.parametrize(("text", "expected"), [
    ("2.000", 2000), ("2000", 2000), ("2 ribu", 2000), ("2rb", 2000), ("2 RB", 2000), ("1,5 ribu", 1500),
    ("10.000", 10000), ("1.500.000", 1500000), ("seribu", 1000), ("dua ribu", 2000), ("Dua Ribu Lima Ratus", 2500),
    # read on the command line as a manager's mail reads them (were refused here, or in both)
    ("700pcs", 700), ("700KPG", 700), ("500 bh", 500), ("7 ratus", 700), ("1,5 ratus", 150),
])
def test_quantities_read_as_indonesian(text: str, expected: int) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize(("text", "code"), [
    ("2,000", "ambiguous"), ("1,5", "ambiguous"), ("1.5", "invalid"), ("15.00", "invalid"),
    ("dua ribu saja", "invalid"), ("banyak", "invalid"), ("nol", "not_positive"),
    ("0", "not_positive"), ("-500", "not_positive"), ("9" * 40, "too_large"),
])
def test_quantities_refused(text: str, code: str) -> None:
    with pytest.raises(QuantityError) as caught:
        parse_quantity(text)
    assert caught.value.code == code
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("text", ["0.002", "0.500", "0.002.000", "00.500", "-0.020", "0,002", "0.002 keping"])
def test_a_thousands_group_never_starts_with_zero(text: str) -> None:
    """"0.002" is an English decimal, not two pieces (was 2; "0.500" 500, "0.002.000" 2.000)."""
    with pytest.raises(QuantityError) as caught:
        parse_quantity(text, signed=True)
    assert caught.value.code == "invalid"
    assert str(caught.value) == f'"{text}" is not a whole number of pieces; write it like 2.000 or 2000'


def test_a_manager_writing_a_leading_zero_group_is_asked_as_the_operator_is() -> None:
    """The email side reads the same: "SETUJU 0.700" was an approval of 700."""
    from mailbot.guards.commands import CommandError, parse_manager_command

    for text in ("SETUJU 0.700", "SETUJU 0.700.000", "Setuju: 0.002 keping"):
        asked = parse_manager_command(text)
        assert isinstance(asked, CommandError) and asked.code == "quantity_invalid", (text, asked)


@pytest.mark.parametrize(("text", "advice"), [("-2,000", "write -2.000 or -2000"), ("2,000", "write 2.000 or 2000"),
                                              ("-1,5", 'if you mean thousands, write "-1,5 ribu" or -1.500')])
def test_the_advice_for_an_ambiguous_change_keeps_its_sign(text: str, advice: str) -> None:
    with pytest.raises(QuantityError, match=advice):
        parse_quantity(text, signed=True)


@pytest.mark.parametrize(("text", "advice"), [
    ("12,00", "write 12"), ("700,00", "write 700"), ("3,0", "write 3"), ("-5,00", "write -5")])
def test_a_decimal_comma_is_never_advised_as_thousands(text: str, advice: str) -> None:
    """"12,00" is twelve as a spreadsheet shows it: the advice was "write 12.000", a thousand times more, which
    `supply receive` then took."""
    with pytest.raises(QuantityError) as caught:
        parse_quantity(text, signed=True)
    message = str(caught.value)
    assert message == f"\"{text}\" has a decimal comma: pieces are whole numbers; {advice}"
    assert "pieces are whole numbers" in message and ".000" not in message


@pytest.mark.parametrize(("text", "advice"), [("1,5", '"1,5 ribu" or 1.500'), ("1,50", '"1,50 ribu" or 1.500'),
                                              ("2,5", '"2,5 ribu" or 2.500'), ("0,5", '"0,5 ribu" or 500')])
def test_a_fraction_of_a_piece_is_advised_as_the_thousands_it_means(text: str, advice: str) -> None:
    """"1,5" was told "write a whole number, e.g. 1": one piece, which no one counting blanks means."""
    with pytest.raises(QuantityError) as caught:
        parse_quantity(text)
    assert str(caught.value) == (f"\"{text}\" has a decimal comma: pieces are whole numbers; if you mean thousands, "
                                 f"write {advice}")


@pytest.mark.parametrize(("text", "advice"), [
    ("2.75rb", "write it like 2,75 rb or 2.750"), ("2.75 ribu", "write it like 2,75 ribu or 2.750"),
    ("1.25 juta", "write it like 1,25 juta or 1.250.000")])
def test_a_decimal_point_before_thousands_is_shown_with_the_typed_figure(text: str, advice: str) -> None:
    """"2.75rb" was told "write it like 1,5 ribu or 1.500", not the figure typed (before one digit the point is read:
    "2.5rb" is 2.500, as a district's mail is read)."""
    with pytest.raises(QuantityError) as caught:
        parse_quantity(text)
    assert str(caught.value) == f'"{text}" has a decimal point, which Indonesian writes as a comma; {advice}'


@pytest.mark.parametrize(("typed", "recorded"), [("10.000", 10000), ("10 ribu", 10000), ("10000", 10000),
                                                ("10rb", 10000), ("sepuluh ribu", 10000)])
def test_supply_receive_reads_dots_as_thousands(desk_dir: Path, typed: str, recorded: int) -> None:
    result = mailbot(desk_dir, "supply", "receive", typed, "--note", "BAST")
    assert result.returncode == 0, result.stderr
    assert "10.000" in result.stdout
    assert on_hand(desk_dir / "var" / "mailbot.db") == 66000 + recorded


@pytest.mark.parametrize(("args", "words"), [
    (("supply", "receive", "2,000"), "ambiguous"),
    (("supply", "receive", "1,5"), "has a decimal comma"),
    (("supply", "receive", "12,00", "--item", "kia"),
     '"12,00" has a decimal comma: pieces are whole numbers; write 12'),
    (("supply", "receive", "1000000000000"), "max_quantity_per_movement"),
    (("supply", "receive", "-500"), "mailbot adjust province -500 --item ktp-el --reason TEXT"),
    # the command told can be copied as it is: the item given and a plain minus
    (("supply", "receive", "\u22125", "--item", "kia"), "use `mailbot adjust province -5 --item kia --reason TEXT`"),
    (("adjust", "65.04", "-500000", "--reason", "hilang"), "max_quantity_per_movement"),
    (("adjust", "65.04", "-2.600", "--reason", "hilang"), "would go below zero (65.04 has 2.500"),
    (("adjust", "65.04", "0", "--reason", "hilang"), "must not be zero"),
    (("supply", "receive", "-0"), "must be above zero"),
    (("supply", "receive", "\u0661\u0660\u0660"), "write the digits as 0-9"),  # Arabic-Indic 100
    (("supply", "receive", "\uff11\uff10\uff10"), "write the digits as 0-9"),  # full-width 100
    (("supply", "receive", "100", "--item", "paspor"), "--item paspor: not an item"),
    # thousands then a single digit: 1.005 as written, or 1.500 said short (was recorded as 1.005)
    (("supply", "receive", "seribu lima"), "ambiguous: thousands then a single digit, 1.005 as written or 1.500"),
    # two figures joined by a comma, the second with thousands (was "is not a number of pieces", naming neither)
    (("supply", "receive", "1.200, 1.300 keping"), "joined by a comma (1.200 and 1.300); write one of them"),
    (("approve", "BLK-2026-0001", "--quantity", "2.000, 1.300"),
     '"2.000, 1.300" is two figures joined by a comma (2.000 and 1.300); write one of them, like 2.000 or 1.300, '
     "or the total, 3.300, if that is what you mean"),
])
def test_bad_quantities_are_one_clear_line(desk_dir: Path, args: tuple[str, ...], words: str) -> None:
    assert mailbot(desk_dir, "migrate").returncode == 0  # the desk exists: `status` below makes no database
    result = mailbot(desk_dir, *args)
    # a value that is no number the option takes (ambiguous, zero, below zero, beyond max_quantity_per_movement)
    # is a usage error, exit 2, as for --limit 0 (zero and -500 exited 1, and so did a figure beyond the bound);
    # a balance the desk's state would take below zero is the command's own refusal, exit 1
    assert result.returncode == (1 if "would go below zero" in words else 2), result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr
    assert "No such option" not in result.stderr and "Traceback" not in result.stderr
    assert mailbot(desk_dir, "status").returncode == 0
    assert on_hand(desk_dir / "var" / "mailbot.db") == 66000


@pytest.mark.parametrize("typed", ["\u201320", "\u2014 20", "\u221220", "-20"])
def test_an_en_or_em_dash_before_the_figure_is_a_minus(desk_dir: Path, typed: str) -> None:
    """A phone keyboard or a word processor writes "-20" as "–20": read as the Unicode minus is (was "not a
    number of pieces")."""
    result = mailbot(desk_dir, "adjust", "65.04", typed, "--reason", "rusak")
    assert result.returncode == 0, result.stderr
    assert "recorded: -20 ktp-el at 65.04 (rusak)" in result.stdout
    assert on_hand(desk_dir / "var" / "mailbot.db", "65.04") == 2500 - 20


def test_the_hint_for_a_change_shows_a_minus(desk_dir: Path) -> None:
    result = mailbot(desk_dir, "adjust", "65.04", "minus 20", "--reason", "rusak")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        'mailbot: adjust: "minus 20" is not a number of pieces; write it like -20, -2.000 or 2.000')
    assert "write it like 2.000, 2000 or 2 ribu" in mailbot(desk_dir, "supply", "receive", "banyak").stderr


def test_negative_adjustment_is_an_argument_not_an_option(desk_dir: Path) -> None:
    result = mailbot(desk_dir, "adjust", "65.04", "-500", "--reason", "rusak")
    assert result.returncode == 0, result.stderr
    assert "-500 ktp-el at 65.04" in result.stdout


def test_a_huge_stock_cannot_break_status_or_digest(desk_dir: Path) -> None:
    path = desk_dir / "config.toml"
    # the largest opening balance the configuration takes (a larger one is refused: test_config_errors)
    path.write_text(path.read_text().replace('"ktp-el" = 66000', '"ktp-el" = 10000000'))
    assert mailbot(desk_dir, "migrate").returncode == 0  # `status` makes no database
    status = mailbot(desk_dir, "status")
    assert status.returncode == 0, status.stderr
    assert "10.000.000 on hand" in status.stdout
    digest = mailbot(desk_dir, "digest", "--print")
    assert digest.returncode == 0, digest.stderr


@pytest.fixture
def held_desk(desk_dir: Path) -> Path:
    """The sample inbox processed: BLK-2026-0006 (Nunukan's second address asks 8.000, needs 1.500) waits for a
    person, linked to the district's open request."""
    assert mailbot(desk_dir, "import", *map(str, sorted(EXAMPLES.glob("*.eml")))).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    db = sqlite3.connect(desk_dir / "var" / "mailbot.db")
    assert db.execute("select state, requested, approved from requests where reference = 'BLK-2026-0006'"
                      ).fetchone() == ("linked", 8000, None)
    return desk_dir


def _request(desk_dir: Path, reference: str) -> tuple[str, int]:
    db = sqlite3.connect(desk_dir / "var" / "mailbot.db")
    return db.execute("select state, approved from requests where reference = ?", (reference,)).fetchone()


def test_approve_above_the_need_asks_for_force_and_records_the_reason(held_desk: Path) -> None:
    refused = mailbot(held_desk, "approve", "BLK-2026-0006", "--quantity", "2.000")
    assert refused.returncode == 1
    assert "approving 2.000 would be more than the 1.500 the district needs" in refused.stderr
    assert "--force --reason" in refused.stderr
    assert _request(held_desk, "BLK-2026-0006") == ("linked", None)

    forced = mailbot(held_desk, "approve", "BLK-2026-0006", "--quantity", "2.000", "--force",
                     "--reason", "rapat pimpinan 4 Desember")
    assert forced.returncode == 0, forced.stderr
    assert _request(held_desk, "BLK-2026-0006") == ("approved", 2000), "2.000 is two thousand, never 2"
    db = sqlite3.connect(held_desk / "var" / "mailbot.db")
    note = db.execute("select note from decisions where outcome = 'approve' order by id desc").fetchone()[0]
    assert "rapat pimpinan 4 Desember" in note and "needs" in note


def test_approve_into_the_reserve_and_beyond_free_stock(held_desk: Path) -> None:
    into_reserve = mailbot(held_desk, "approve", "BLK-2026-0005", "--quantity", "60.000")
    assert into_reserve.returncode == 1
    assert ("take the province store into the reserve (it would leave 4.000 free, under the 5.000 reserve)"
            in into_reserve.stderr)
    beyond = mailbot(held_desk, "approve", "BLK-2026-0005", "--quantity", "70.000", "--force", "--reason", "x")
    assert beyond.returncode == 1
    # the free stock is what is left after the promises already made (2.000 to Bulungan)
    assert "has 64.000 ktp-el free (66.000 on hand, 2.000 already promised)" in beyond.stderr
    assert _request(held_desk, "BLK-2026-0005")[0] == "held"


def test_a_request_held_only_for_its_sender_is_refused_in_one_sentence(held_desk: Path) -> None:
    """BLK-2026-0005 comes from an unverified sender while Tarakan has a verified request open: the
    refusal says so, whatever the quantity, without a quantity concern it does not have."""
    for args in ((), ("--quantity", "2000")):
        refused = mailbot(held_desk, "approve", "BLK-2026-0005", *args)
        assert refused.returncode == 1
        assert refused.stderr.strip() == (
            "mailbot: BLK-2026-0005: the request's sender could not be verified while the district has a "
            "verified request open (BLK-2026-0003); to approve it anyway add --force --reason TEXT"), refused.stderr
    both = mailbot(held_desk, "approve", "BLK-2026-0005", "--quantity", "2.050")
    assert both.stderr.strip() == (
        "mailbot: BLK-2026-0005: approving 2.050 would not give whole packs of 100 (such as 2.100), and the "
        "request's sender could not be verified while the district has a verified request open (BLK-2026-0003); "
        "to approve it anyway add --force --reason TEXT"), both.stderr
    assert _request(held_desk, "BLK-2026-0005")[0] == "held"


def test_approve_within_need_needs_no_force(held_desk: Path) -> None:
    result = mailbot(held_desk, "approve", "BLK-2026-0006", "--quantity", "1,5 ribu")
    assert result.returncode == 0, result.stderr
    assert _request(held_desk, "BLK-2026-0006") == ("approved", 1500)
    loose = mailbot(held_desk, "approve", "BLK-2026-0005", "--quantity", "1.450")
    assert loose.returncode == 1 and "not give whole packs of 100 (such as 1.500)" in loose.stderr
    ambiguous = mailbot(held_desk, "approve", "BLK-2026-0005", "--quantity", "2,000")
    assert ambiguous.returncode == 2 and "ambiguous" in ambiguous.stderr  # no number the option takes: usage


def test_items_in_any_case_and_readable_help(desk_dir: Path) -> None:
    received = mailbot(desk_dir, "supply", "receive", "500", "--item", "KIA")
    assert received.returncode == 0 and "500 kia received" in received.stdout, received.stderr
    status = mailbot(desk_dir, "status", "--item", "KTP-el")
    assert status.returncode == 0 and "Stock of ktp-el" in status.stdout, status.stderr
    for command in (("approve",), ("import",), ("outbox", "list"), ("reread",), ("adjust",)):
        helped = mailbot(desk_dir, *command, "--help")
        assert helped.returncode == 0
        assert "<" not in helped.stdout.replace("<alasan>", ""), helped.stdout
    approve = mailbot(desk_dir, "approve", "--help").stdout
    assert "REF" in approve and "--quantity        N" in approve


def test_digest_without_a_flag_is_a_usage_error(desk_dir: Path) -> None:
    result = mailbot(desk_dir, "digest")
    assert result.returncode == 2
    assert "Usage: " in result.stderr and "digest [OPTIONS]" in result.stderr and "--print" in result.stderr


def test_approving_twice_says_already_approved(held_desk: Path) -> None:
    first = mailbot(held_desk, "approve", "BLK-2026-0006", "--quantity", "1.500")
    assert first.returncode == 0, first.stderr
    second = mailbot(held_desk, "approve", "BLK-2026-0006", "--quantity", "3.000")
    assert second.returncode == 1
    assert "already approved (1.500 pieces)" in second.stderr and "needs" not in second.stderr, second.stderr


@pytest.mark.parametrize("text, expected", [("-dua puluh", -20), ("\u2212seribu", -1000), ("+ dua ribu", 2000),
                                            ("-2rb", -2000)])
def test_a_sign_before_number_words_keeps_its_meaning(text: str, expected: int) -> None:
    assert parse_quantity(text, signed=True) == expected
    if expected < 0:  # where a change down is not allowed it is refused, never read as a change up
        with pytest.raises(QuantityError):
            parse_quantity(text)


@pytest.mark.parametrize(("text", "expected"), [
    # a sentence's full stop after an abbreviated multiplier, as "2.000 pcs." is read
    ("2 rb.", 2000), ("3 jt.", 3_000_000),
    # a figure with its multiplier and the rest below it in words, as "enam ratus lima puluh" is read
    ("6 ratus lima puluh", 650), ("2 ribu lima ratus", 2500),
    # the figure and the same number in words in brackets, as letters write amounts
    ("700 (tujuh ratus)", 700), ("2.000 (dua ribu)", 2000), ("1.500 keping (seribu lima ratus keping)", 1500),
], ids=["rb-stop", "jt-stop", "ratus-words", "ribu-words", "brackets", "brackets-thousands", "brackets-units"])
def test_figures_written_with_words_are_read(text: str, expected: int) -> None:
    """Were refused as "not a number of pieces" while "2.000 pcs.", "7 ratus" and "enam ratus lima puluh" were read."""
    assert parse_quantity(text) == expected


@pytest.mark.parametrize(("text", "said"), [
    ("700 (enam ratus)", '"700 (enam ratus)": the figure says 700 and the words in brackets say 600; write the '
                         "number once, e.g. 700 or 600"),
    ("700 (sisanya nanti)", "\"700 (sisanya nanti)\": the words in brackets ('sisanya nanti') are not a number; "
                            "write the figure alone, e.g. 700"),
    ("6 ratus dua ribu", '"6 ratus dua ribu" is not a number of pieces'),
], ids=["disagree", "not-words", "words-above-the-multiplier"])
def test_figures_and_words_that_do_not_agree_are_refused_naming_both(text: str, said: str) -> None:
    with pytest.raises(QuantityError) as caught:
        parse_quantity(text)
    assert said in str(caught.value)
