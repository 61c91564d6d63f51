"""The command line as an operator meets it: usage errors in one line, references and places typed loosely,
dates as the help says, and output into a pipe whose reader leaves early."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mailbot.cli_shared import request_reference, stock_location
from tests.desk.conftest import EXAMPLES, ROOT, mailbot


@pytest.mark.parametrize(("typed", "reference"), [
    ("BLK-2026-0003", "BLK-2026-0003"), (" blk-2026-0003 ", "BLK-2026-0003"), ("blk-2026-3", "BLK-2026-0003"),
    ("\tBlk-2026-12345\n", "BLK-2026-12345"), ("BLK 2026 0042", "BLK-2026-0042"),
    ("nomor 3", "nomor 3"), ("BLK-2026-0000", "BLK-2026-0000"),
    ("[BLK-2026-0005]", "BLK-2026-0005"), ("Re: [BLK-2026-0005] minta blangko", "BLK-2026-0005"),
    ("BLK-2026-0005.", "BLK-2026-0005"),
    # a number with more typed after it is no reference of another request
    ("BLK-2026-2O", "BLK-2026-2O"), ("BLK-2026-5o", "BLK-2026-5o"), ("BLK-2026-0002 3", "BLK-2026-0002 3"),
    ("BLK-2026-0002-5", "BLK-2026-0002-5"), ("BLK-2026-0002.5", "BLK-2026-0002.5"),
    ("BLK-2026-0005/0005", "BLK-2026-0005/0005"), ("BLK-2026-0002x", "BLK-2026-0002x"),
    # quotes pasted with it from a letter or a chat (were "no request")
    ("'BLK-2026-0002'", "BLK-2026-0002"), ("\u201cBLK-2026-0002\u201d", "BLK-2026-0002"),
    ('"blk-2026-2"', "BLK-2026-0002"), ("\u2018BLK-2026-0002\u2019", "BLK-2026-0002"),
])
def test_a_reference_is_read_whatever_its_spaces_case_and_zeros(typed: str, reference: str) -> None:
    assert request_reference(typed) == reference


@pytest.mark.parametrize("typed", ["", "  ", "''", "\u201c\u201d"])
def test_no_reference_is_refused_as_such(typed: str) -> None:
    """`history ""` said "no request ''"."""
    from mailbot.errors import UsageError

    with pytest.raises(UsageError, match="no request reference given"):
        request_reference(typed)


@pytest.mark.parametrize(("typed", "location"), [
    ("province", "province"), (" Province ", "province"), ("PROVINSI", "province"), (" 65.04", "65.04"),
    ("65.99", "65.99"),
])
def test_a_location_is_read_whatever_its_spaces_and_case(typed: str, location: str) -> None:
    assert stock_location(typed) == location


def _sample(desk_dir: Path) -> Path:
    assert mailbot(desk_dir, "import", *sorted(str(p) for p in EXAMPLES.glob("*.eml"))).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    return desk_dir


@pytest.fixture(scope="module")
def sample_desk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample inbox processed, for the tests that only read it."""
    desk_dir = tmp_path_factory.mktemp("command-line")
    shutil.copy(ROOT / "config.toml", desk_dir / "config.toml")
    (desk_dir / "var").mkdir()
    return _sample(desk_dir)


def test_references_and_places_typed_loosely_are_found(desk_dir: Path) -> None:
    sample_desk = _sample(desk_dir)
    approved = mailbot(sample_desk, "approve", " blk-2026-6 ", "--quantity", "1.500")
    assert approved.returncode == 0, approved.stderr
    # the figure read is said back, in the operator's words (was "BLK-2026-0006: DISETUJUI", with no figure)
    assert approved.stdout.startswith("BLK-2026-0006: approved 1.500 ktp-el"), approved.stdout
    history = mailbot(sample_desk, "history", "blk-2026-0006 ")
    assert history.returncode == 0 and history.stdout.startswith("BLK-2026-0006 "), history.stderr
    for place, shown in ((" Province", "province"), (" 65.04 ", "65.04")):
        adjusted = mailbot(sample_desk, "adjust", place, "-10", "--reason", "hitung ulang")
        assert adjusted.returncode == 0, adjusted.stderr
        assert f"-10 ktp-el at {shown} " in adjusted.stdout
    unknown = mailbot(sample_desk, "reject", " blk-2026-99 ", "--reason", "x")
    assert unknown.returncode == 1 and unknown.stderr.strip() == (
        "mailbot: no request 'BLK-2026-0099'; see `mailbot requests`"), unknown.stderr
    # a number without its year: the request of that number is named (was "no request" alone)
    for typed in ("BLK-0005", "0005", "5"):
        meant = mailbot(sample_desk, "reject", typed, "--reason", "x")
        assert meant.returncode == 1 and meant.stderr.strip() == (
            f"mailbot: no request {typed!r} (did you mean BLK-2026-0005?); see `mailbot requests`"), meant.stderr
    assert "did you mean" not in mailbot(sample_desk, "dispatch", "BLK-0099").stderr
    # last year's reference for this year's request (was "no request" alone)
    last_year = mailbot(sample_desk, "approve", "BLK-2025-0005")
    assert last_year.returncode == 1 and last_year.stderr.strip() == (
        "mailbot: no request 'BLK-2025-0005' (did you mean BLK-2026-0005?); see `mailbot requests`"), last_year.stderr


def test_a_reference_no_request_has_is_quoted_as_typed(sample_desk: Path) -> None:
    """`history Bulungan` said "no request 'BULUNGAN'", a case the operator never typed."""
    for typed in ("Bulungan", "<x@y>"):
        said = mailbot(sample_desk, "history", typed)
        assert said.returncode == 1 and said.stderr.strip() == (
            f"mailbot: no request {typed!r}; see `mailbot requests`"), said.stderr


@pytest.mark.parametrize(("args", "said"), [
    (("help",), "mailbot: No such command 'help'; for help write mailbot --help (Usage: "),
    (("version",), "mailbot: No such command 'version'; for the version write mailbot --version (Usage: "),
    (("queue", "help"), "mailbot queue: No such command 'help'; for help write mailbot queue --help (Usage: "),
    (("run", "-once"), "mailbot run: No such option: -o (did you mean --once?) (Usage: mailbot run [OPTIONS]; "),
    (("digest", "-print"), "mailbot digest: No such option: -p (did you mean --print?) (Usage: "),
    (("status", "-h"), "mailbot status: No such option: -h (did you mean --help?) (Usage: "),
    (("run", "--once", "-x"), "mailbot run: No such option: -x (Usage: "),
    (("supply", "receive", "1000", "-n", "x"), "mailbot supply receive: No such option: -n (did you mean --note?)"),
    (("approve", "BLK-2026-0001", "--force"),
     "mailbot: --force needs --reason TEXT (why the unusual quantity; it is recorded)"),
    # the Unix way to pass a negative number: the option after "--" is an argument too (was "Missing option" alone)
    (("adjust", "65.04", "-5", "--reason", " "),
     "mailbot: an adjustment needs a reason: --reason TEXT (it is empty)"),  # was exit 1; without --reason 2
    (("adjust", "65.04", "--", "-5", "--reason", "kartu rusak"),
     "mailbot adjust: Missing option '--reason'; --reason was typed after \"--\", where every word is read as an "
     'argument: write the options before it, e.g. mailbot --config '),
    # an option of mailbot itself typed after the command (was "No such option: -c" with no word of where it goes)
    (("status", "--version"), "mailbot status: --version is an option of mailbot itself, not of the command: write "
     "--version before the command, e.g. mailbot --version"),
    (("requests", "-v", "--open"), "mailbot requests: -v is an option of mailbot itself, not of the command: write "
     "--verbose/-v before the command, e.g. mailbot -v --config "),
    # options after "--" that the command has: said as adjust says them (was a bare "unexpected extra argument(s)")
    (("supply", "receive", "--", "-500", "--item", "ktp-el", "--note", "x"),
     "mailbot supply receive: Got unexpected extra argument(s) (--item ktp-el --note x); --item and --note were typed "
     'after "--", where every word is read as an argument: write the options before it, e.g. mailbot --config '),
    # a note that names nothing is refused as an empty --reason is (was booked with an empty note)
    (("supply", "receive", "500", "--note", ""),
     "mailbot: --note: '' names no delivery; give the letter it came with, e.g. --note \"470/123/Dukcapil\", or leave "
     "--note out"),
    (("supply", "receive", "500", "--note", " - "), "mailbot: --note: '-' names no delivery"),
], ids=["help", "version", "queue-help", "run-once", "digest-print", "status-h", "no-near-option", "one-letter",
        "force-without-reason", "empty-reason", "options-after-dashes", "version-after-command",
        "verbose-after-command", "supply-options-after-dashes", "empty-note", "dash-note"])
def test_help_version_and_a_single_dash_point_to_the_option(desk_dir: Path, args: tuple[str, ...],
                                                             said: str) -> None:
    """Were "No such command 'help'" and "No such option: -o" with nothing to go on; --force without --reason,
    a usage error like the others, exited 1."""
    result = mailbot(desk_dir, *args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(said), result.stderr


@pytest.mark.parametrize(("typed", "example"), [
    (["adjust", "65.04", "--", "-5", "--reason", "kartu rusak"],
     ["mailbot", "adjust", "65.04", "--reason", '"kartu rusak"', "--", "-5"]),
    (["adjust", "65.04", "--", "--500", "--reason", "uji"], ["mailbot", "adjust", "65.04", "--reason", "uji", "--",
                                                             "--500"]),
    (["adjust", "65.04", "--", "--reason=uji", "-2.000"], ["mailbot", "adjust", "65.04", "--reason=uji", "--",
                                                          "-2.000"]),
    (["supply", "receive", "--", "-500", "--force", "--note", "470/1"],
     ["mailbot", "supply", "receive", "--force", "--note", "470/1", "--", "-500"]),
], ids=["negative", "double-dash-figure", "option-with-equals", "flag"])
def test_the_command_suggested_for_options_after_dashes_is_one_that_works(typed: list[str],
                                                                         example: list[str]) -> None:
    """`adjust 65.04 -- "--500" --reason uji` was told "e.g. mailbot adjust 65.04 --500 --reason -- uji": "--500"
    taken for an option and "uji" left behind as the change; a flag (--force) takes no value with it."""
    from mailbot.cli import _example_with_options_first

    assert _example_with_options_first(typed, flags={"--force"}) == example


@pytest.mark.parametrize(("args", "said"), [
    (("reject", "BLK-2026-0001"), "mailbot reject: Missing option '--reason' (Usage: mailbot reject "),
    (("approve",), "mailbot approve: Missing argument 'REF' (Usage: mailbot approve "),
    (("status", "--bogus"), "mailbot status: No such option: --bogus (Usage: mailbot status [OPTIONS]; "),
    (("frobnicate",), "mailbot: No such command 'frobnicate' (Usage: mailbot [OPTIONS] COMMAND"),
    (("digest",), "mailbot digest: Invalid value: say --print (show it) or --send"),
    # commands whose arguments may start with a minus: a misspelt option is still named, never taken for an
    # argument ("Got unexpected extra argument(s) (--not x)", "Missing option '--reason'")
    (("supply", "receive", "10", "--not", "x"),
     "mailbot supply receive: No such option: --not (did you mean --note?) (Usage: mailbot supply receive "),
    (("adjust", "65.04", "-20", "--reasn", "x"),
     "mailbot adjust: No such option: --reasn (did you mean --reason?) (Usage: mailbot adjust "),
    (("correct", "1", "kind=request", "--reasn", "x"), "mailbot correct: No such option: --reasn (did you mean"),
    (("adjust", "65.04", "-20", "-x", "--reason", "y"), "mailbot adjust: No such option: -x (Usage: "),
    # an option with one dash is no signed figure ("-reason" was taken for the change to book)
    (("adjust", "province", "-reason", "--reason", "y"),
     "mailbot adjust: No such option: -reason (did you mean --reason?) (Usage: "),
    (("supply", "receive", "10", "-note", "x"), "mailbot supply receive: No such option: -note (did you mean --note?)"),
    # the parser's own suggestions in the same words (were "Did you mean 'status'?" and "(Possible options: --item)")
    (("statsu",), "mailbot: No such command 'statsu' (did you mean status?) (Usage: mailbot [OPTIONS] COMMAND"),
    # an option given twice: which value was meant is not guessed (the last one was taken)
    (("supply", "receive", "100", "--item", "kia", "--item", "ktp-el"),
     "mailbot supply receive: --item is given twice ('kia', 'ktp-el'); give it once (Usage: "),
    (("adjust", "65.04", "-20", "--reason", "rusak", "--reason=hilang"),
     "mailbot adjust: --reason is given twice ('rusak', 'hilang'); give it once (Usage: "),
    (("approve", "BLK-2026-0001", "--quantity", "700", "--quantity", "7", "--quantity", "70"),
     "mailbot approve: --quantity is given 3 times ('700', '7', '70'); give it once (Usage: "),
    # two near commands, both named (was "(did you mean approve', 'resolve?)")
    (("aprove",), "mailbot: No such command 'aprove' (did you mean approve or resolve?) (Usage: "),
    # the command named in Indonesian, as managers answer by email (was "No such command 'setujui'" alone)
    (("setujui", "BLK-2026-0001"), "mailbot: No such command 'setujui' (did you mean approve?) (Usage: "),
    (("Tolak",), "mailbot: No such command 'Tolak' (did you mean reject?) (Usage: "),
    # a command by another name: the one that tells a request's decisions and reasons (was "did you mean replay?",
    # the command that processes a message again)
    (("explain", "BLK-2026-0001"), "mailbot: No such command 'explain' (did you mean history?) (Usage: "),
    (("queue", "lst"), "mailbot queue: No such command 'lst' (did you mean list?) (Usage: mailbot queue "),
    (("status", "--itme", "kia"), "mailbot status: No such option: --itme (did you mean --item?) (Usage: "),
    (("requests", "--opn"), "mailbot requests: No such option: --opn (did you mean --open?) (Usage: "),
])
def test_a_usage_error_is_one_line(desk_dir: Path, args: tuple[str, ...], said: str) -> None:
    result = mailbot(desk_dir, *args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(said), result.stderr
    command = " ".join(args[:2]) if args[0] == "supply" else args[0]
    unknown = args[0] in ("frobnicate", "statsu", "aprove", "setujui", "Tolak", "explain")
    assert lines[0].endswith(f"more: mailbot {command + ' ' if not unknown else ''}--help)")
    assert "─" not in result.stderr and "╭" not in result.stderr


@pytest.mark.parametrize(("since", "said"), [
    ("", "--since: expected a date as YYYY-MM-DD, e.g. 2026-12-01, got ''"),
    ("5 Desember 2026", "--since: expected a date as YYYY-MM-DD"),
    ("2026-02-30", "--since: 2026-02-30 is no day of the calendar; check the month and the day"),
    ("2026-13-01", "--since: 2026-13-01 is no day of the calendar"),
])
def test_since_takes_the_dates_its_help_promises(sample_desk: Path, since: str, said: str) -> None:
    result = mailbot(sample_desk, "reread", "--since", since)
    assert result.returncode == 2  # a value the option does not take: a usage error
    assert result.stderr.strip().startswith(f"mailbot: {said}"), result.stderr
    fine = mailbot(sample_desk, "reread", "--since", " 2026-11-01 ")
    assert fine.returncode == 0 and "re-read" in fine.stdout, fine.stderr


@pytest.mark.parametrize("command", [("requests",), ("status",), ("history", "BLK-2026-0001"), ("--help",)])
def test_a_reader_that_leaves_the_pipe_early_is_no_error(sample_desk: Path, command: tuple[str, ...]) -> None:
    """`mailbot requests | head -1`: the reader has gone before mailbot writes (the earliest it can leave)."""
    proc = subprocess.Popen([sys.executable, "-m", "mailbot", "--config", str(sample_desk / "config.toml"),
                             *command], cwd=sample_desk, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None
    proc.stdout.close()
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 0, stderr.decode()
    assert stderr == b"", stderr.decode()


@pytest.mark.parametrize("typed", ["caf\udce9", "\udc92s ok"])  # Latin-1 é, Windows' curly apostrophe
def test_a_byte_that_is_no_utf8_in_what_the_operator_types_is_one_line(typed: str) -> None:
    from mailbot.cli_shared import plain_text
    from mailbot.errors import UsageError

    for read in (lambda: plain_text(typed, "--reason"), lambda: request_reference(f"BLK-2026-0001{typed}")):
        with pytest.raises(UsageError, match="not UTF-8"):
            read()


def test_a_byte_that_is_no_utf8_in_a_note_exits_2_in_one_line(desk_dir: Path) -> None:
    done = mailbot(desk_dir, "supply", "receive", "1.000", "--note", "kiriman caf\udce9")
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and "not UTF-8" in done.stderr and "Traceback" not in done.stderr


def test_a_quantity_in_words_typed_without_quotes_is_told_how_to_write_it(desk_dir: Path) -> None:
    done = mailbot(desk_dir, "supply", "receive", "10", "ribu")
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert 'put it in quotes, e.g. "10 ribu"' in done.stderr
    down = mailbot(desk_dir, "adjust", "province", "-2", "ribu", "--reason", "rusak")  # the number as typed
    assert down.returncode == 2 and 'put it in quotes, e.g. "-2 ribu"' in down.stderr, down.stderr
    other = mailbot(desk_dir, "supply", "receive", "10", "gudang")  # no quantity word: no such hint
    assert other.returncode == 2 and "quotes" not in other.stderr


@pytest.mark.parametrize(("typed", "said"), [
    (["supply", "receive", "1.500", "/", "1.300"],
     '"1.500 / 1.300" is two figures joined by a slash (1.500 and 1.300)'),
    (["supply", "receive", "3", "ribu,", "2", "ribu"], '"3 ribu, 2 ribu" is two figures joined by a comma (3.000 and '
                                                         "2.000)"),
    (["supply", "receive", "2.000,", "1.300"], '"2.000, 1.300" is two figures joined by a comma (2.000 and 1.300)'),
])
def test_two_figures_typed_without_quotes_are_named(desk_dir: Path, typed: list[str], said: str) -> None:
    # was: "Got unexpected extra argument(s) (/ 1.300)" and the usage, neither figure named
    done = mailbot(desk_dir, *typed)
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert f"; {said}; write one of them" in done.stderr, done.stderr


def test_a_field_corrected_twice_in_one_command_is_refused(sample: Path) -> None:
    """`correct 8 requested=1.500 requested=2.000` applied 2.000 unsaid."""
    result = mailbot(sample, "correct", "8", "requested=1.500", "requested=2.000", "--reason", "uji")
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stderr.strip() == "mailbot: requested is given twice ('1.500' and '2.000'); give it once"


def test_a_correction_is_shown_in_words_in_the_history(sample: Path) -> None:
    """`history` after `correct` showed the label as Python prints a dict ("#1 correction: {'district': '65.01',
    ... 'printed': None ...}")."""
    assert mailbot(sample, "correct", "1", "stock_on_hand=500", "--reason", "salah baca").returncode == 0
    for typed in ("BLK-2026-0001", "#1"):
        shown = mailbot(sample, "history", typed, env={**os.environ, "COLUMNS": "400"})
        assert shown.returncode == 0, shown.stderr
        [line] = [line for line in shown.stdout.splitlines() if "correction" in line]
        assert "correction: read as request from 65.01, ktp-el (requested 2.000, stock 500)" in line, line
        assert "{" not in line and "None" not in line, line
        # the audit line of the same correction listed the reading's fields ("before district=65.01 item=ktp-el
        # kind=request needs_attachment=False printed=- ...")
        [audit] = [line for line in shown.stdout.splitlines() if "reading corrected" in line]
        assert ("before read as request from 65.01, ktp-el (requested 2.000, stock 750), "
                "after read as request from 65.01, ktp-el (requested 2.000, stock 500)") in audit, audit
        assert "=" not in audit and "needs_attachment" not in audit, audit


def test_a_corrected_request_figure_is_the_desks_change_in_the_history(sample: Path) -> None:
    """The request changed by `correct` was listed as "district changed its figures": the district changed nothing."""
    assert mailbot(sample, "correct", "1", "requested=1.800", "--reason", "salah baca").returncode == 0
    shown = mailbot(sample, "history", "BLK-2026-0001", env={**os.environ, "COLUMNS": "400"})
    assert shown.returncode == 0, shown.stderr
    assert "district changed its figures" not in shown.stdout, shown.stdout
    [line] = [line for line in shown.stdout.splitlines() if "figures changed by the corrected reading" in line]
    assert "requested 2.000 -> 1.800" in line, line


def test_the_config_option_after_the_command_is_told_to_go_before_it(desk_dir: Path) -> None:
    """`mailbot status -c config.toml` said "No such option: -c" although `mailbot --help` lists -c: the line says where
    it goes, with the command line to type."""
    from tests.forkserver import run_mailbot

    result = run_mailbot(["status", "-c", "config.toml"], cwd=desk_dir)
    assert result.returncode == 2
    assert result.stderr == ("mailbot status: -c is an option of mailbot itself, not of the command: write "
                             "--config/-c before the command, e.g. mailbot -c config.toml status\n"), result.stderr
    twice = mailbot(desk_dir, "requests", "--config", "config.toml")
    assert twice.returncode == 2
    assert twice.stderr.startswith("mailbot requests: --config is an option of mailbot itself, given before the "
                                   "command already (--config/-c); give it once, before the command: mailbot "
                                   "--config "), twice.stderr
    assert twice.stderr.rstrip().endswith(" requests"), twice.stderr


def test_a_config_file_named_twice_is_refused(desk_dir: Path, tmp_path: Path) -> None:
    """`mailbot -c desk2/config.toml --config=desk/config.toml supply receive 7` booked into the last one named,
    unsaid."""
    other = tmp_path / "other.toml"
    other.write_text((desk_dir / "config.toml").read_text())
    result = mailbot(desk_dir, f"--config={other}", "supply", "receive", "7")
    assert result.returncode == 2, result.stdout
    said = f"mailbot: --config is given twice ('{desk_dir / 'config.toml'}', '{other}'); give it once (Usage: "
    assert result.stderr.startswith(said), result.stderr
    assert "recorded" not in result.stdout and not (desk_dir / "var" / "mailbot.db").exists()


def test_a_decision_whose_mail_is_given_up_is_one_line(desk_dir: Path) -> None:
    """With the SMTP server away and one attempt allowed, `approve` printed an ERROR log line ("giving up on
    <...@...> to ['...']") before its result line, which says the same in words."""
    import re
    import socket

    sample = _sample(desk_dir)
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = sample / "config.toml"
    text = config.read_text()
    text = text[:text.index("[outbox]")] + f'[outbox]\nkind = "smtp"\nhost = "127.0.0.1"\nport = {port}\n' \
        'tls = "none"\n\n' + text[text.index("[run]"):]
    config.write_text(re.sub(r"outbox_max_attempts = \d+", "outbox_max_attempts = 1", text))
    approved = mailbot(sample, "approve", "BLK-2026-0002", "--quantity", "700")
    said = (approved.stdout + approved.stderr).strip().splitlines()
    assert len(said) == 1 and said[0].startswith("BLK-2026-0002: approved 700 ktp-el"), said
    assert "was NOT sent" in said[0] and "ERROR" not in said[0], said
