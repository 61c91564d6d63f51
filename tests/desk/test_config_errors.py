"""A wrong configuration is one line naming the key, exit status 2, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.desk.conftest import mailbot

# the shipped config.toml's line of Malinau's name (a second name is written right under it)
_SHIPPED = (Path(__file__).resolve().parents[2] / "config.toml").read_text(encoding="utf-8").splitlines()
_MALINAU_NAME_LINE = _SHIPPED.index('name = "Kabupaten Malinau"') + 1
_SIGNATURE_LINE = next(n for n, line in enumerate(_SHIPPED, 1) if "Bidang Pelayanan" in line)


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda s: s.replace('address = "blangko@', 'adress = "blangko@'), "office.adress: unknown key"),
        (lambda s: s.replace("threshold = 1000", 'threshold = "banyak"'), "stock.threshold"),
        (lambda s: s.replace("target_cover_days = 30", "target_cover_days = 0"), "stock.target_cover_days"),
        (lambda s: s.replace('kind = "maildir"\n# Maildir', 'kind = "pop3"\n# Maildir', 1), "inbox"),
        (lambda s: s.replace('timezone = "Asia/Makassar"', 'timezone = "Asia/Nowhere"'), "office.timezone"),
        (lambda s: s.replace('code = "65.02"', 'code = "65.01"'), "appears twice"),
        (lambda s: s.replace("[office]", "[office\n"), "not valid TOML"),
        (lambda s: s + "\n[surprise]\nx = 1\n", "surprise: unknown key"),
        (lambda s: s.replace('opening_province = { "ktp-el" = 66000',
                             'opening_province = { "ktp-el" = 99999999999999999999'),
         "stock.opening_province.ktp-el"),
        (lambda s: s.replace("max_quantity_per_movement = 200000", "max_quantity_per_movement = 99999999999"),
         "stock.max_quantity_per_movement"),
        (lambda s: s + "\nx = " + "[" * 500 + "]" * 500 + "\n", "holds a value nested too deeply"),
        (lambda s: s.replace("poll_seconds = 30", "poll_seconds = true"),
         "run.poll_seconds: write a number, not true or false (got True)"),
        (lambda s: s.replace("require_authentication = true", 'require_authentication = "no"'),
         "guards.require_authentication: write true or false, without quotes (got 'no')"),
        (lambda s: s.replace("helper_processes = true", "helper_processes = 1"),
         "run.helper_processes: write true or false, without quotes (got 1)"),
        (lambda s: s.replace('timezone = "Asia/Makassar"', 'timezone = "localtime"'),
         "office.timezone: 'localtime' is not a named time zone"),
        (lambda s: s.replace('timezone = "Asia/Makassar"', 'timezone = "Etc/GMT+8"'),
         "office.timezone: 'Etc/GMT+8' is a fixed offset whose sign is reversed (Etc/GMT+8 is UTC-8"),
        (lambda s: s + "\nx = " + "{a = " * 1000 + "1" + "}" * 1000 + "\n", "holds a value nested too deeply"),
    ],
    ids=["misspelt-key", "wrong-type", "out-of-range", "unknown-inbox-kind", "unknown-zone", "duplicate-district",
         "broken-toml", "unknown-section", "huge-opening-stock", "huge-movement", "nested-arrays",
         "bool-for-number", "text-for-switch", "number-for-switch", "host-zone", "reversed-offset-zone",
         "nested-tables"],
)
def test_broken_config_is_one_line_exit_2(desk_dir: Path, edit, expected: str) -> None:  # type: ignore[no-untyped-def]
    path = desk_dir / "config.toml"
    original = path.read_text()
    changed = edit(original)
    assert changed != original, "the edit must change the file"
    path.write_text(changed)
    result = mailbot(desk_dir, "run", "--once")
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert expected in lines[0]
    assert "Traceback" not in result.stderr
    assert not (desk_dir / "var" / "mailbot.db").exists(), "nothing may run on a broken config"


def test_missing_config_file(tmp_path: Path) -> None:
    result = mailbot(tmp_path, "check-config")
    assert result.returncode == 2
    assert "configuration file not found; name it with --config FILE or MAILBOT_CONFIG=FILE" in result.stderr


@pytest.mark.parametrize(("given", "env", "said"), [
    (["-c", ""], None, "mailbot: configuration error: the configuration named is the current folder, not a "
                       "configuration file; name the file in it, e.g. --config config.toml"),
    (["-c", "var"], None, "mailbot: configuration error: var is a folder, not a configuration file; name the file in "
                          "it, e.g. --config var/config.toml"),
    ([], " config.toml", "mailbot: configuration error: ' config.toml': the configuration file's name has spaces "
                         "around it; write 'config.toml'"),
], ids=["empty", "folder", "spaces"])
def test_a_config_name_that_names_no_file_is_said_plainly(desk_dir: Path, given: list[str], env: str | None,
                                                         said: str) -> None:
    """Were "configuration error: .: cannot read: Is a directory" and "config.toml: configuration file not found"
    with the space unseen."""
    import os

    environ = {**os.environ, "MAILBOT_CONFIG": env} if env else {k: v for k, v in os.environ.items()
                                                                 if k != "MAILBOT_CONFIG"}
    result = subprocess_mailbot(desk_dir, [*given, "status"], environ)
    assert result.returncode == 2 and result.stderr.strip() == said, result.stderr


def subprocess_mailbot(folder: Path, args: list[str], env: dict[str, str]):  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "mailbot", *args], capture_output=True, text=True, cwd=folder,
                          env=env, timeout=60)


def test_config_from_environment_variable(desk_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    import os
    import subprocess
    import sys

    elsewhere = tmp_path_factory.mktemp("cwd")
    env = {**os.environ, "MAILBOT_CONFIG": str(desk_dir / "config.toml")}
    result = subprocess.run([sys.executable, "-m", "mailbot", "check-config"], capture_output=True, text=True,
                            cwd=elsewhere, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "5 districts" in result.stdout


def test_secret_missing_from_environment_is_named(desk_dir: Path) -> None:
    path = desk_dir / "config.toml"
    text = path.read_text()
    start = text.index("[inbox]")
    end = text.index("[outbox]")
    text = text[:start] + (
        '[inbox]\nkind = "imap"\nhost = "127.0.0.1"\nport = 1\ntls = "none"\nusername = "u"\n'
        'password_env = "MAILBOT_TEST_NO_SUCH_VARIABLE"\n\n'
    ) + text[end:]
    path.write_text(text)
    result = mailbot(desk_dir, "run", "--once")
    assert result.returncode == 2
    assert "MAILBOT_TEST_NO_SUCH_VARIABLE" in result.stderr
    assert "Traceback" not in result.stderr


def test_relative_paths_resolve_against_the_config_folder(desk_dir: Path) -> None:
    from mailbot.configfile import load_config

    config = load_config(desk_dir / "config.toml")
    assert config.inbox.path == desk_dir / "var" / "mail" / "inbox"  # type: ignore[union-attr]
    assert config.database.url == f"sqlite:///{desk_dir / 'var' / 'mailbot.db'}"


def test_every_problem_is_named_by_its_key_in_one_line(desk_dir: Path) -> None:
    from mailbot.configfile import load_config
    from mailbot.errors import ConfigError

    path = desk_dir / "config.toml"
    text = path.read_text()
    for old, new in [('address = "blangko@', 'adress = "blangko@'), ("threshold = 1000", 'threshold = "banyak"'),
                     ('code = "65.02"', 'code = "65.01"'), ('kind = "maildir"\n# Maildir', 'kind = "pop3"\n# Maildir')]:
        assert old in text
        text = text.replace(old, new, 1)
    path.write_text(text + "\n[surprise]\nx = 1\n")
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert str(raised.value) == (
        f"{path}: office.adress: unknown key (did you mean 'address'?); surprise: unknown key; "
        "inbox.kind: 'pop3' is not one of maildir, imap; "
        "stock.threshold: \"banyak\" is not a number of pieces; write it like 2.000, 2000 or 2 ribu (got 'banyak'); "
        "districts: district code 65.01 appears twice")


def test_a_broken_schedule_is_named_with_the_other_problems(desk_dir: Path) -> None:
    path = desk_dir / "config.toml"
    text = path.read_text().replace("poll_seconds = 30", "poll_seconds = true")
    path.write_text(text.replace('check_cron = "0 * * * *"', 'check_cron = "61 * * * *"'))
    result = mailbot(desk_dir, "check-config")
    assert result.returncode == 2
    assert "run.poll_seconds: write a number" in result.stderr
    assert 'alerts.check_cron: "61 * * * *" is not a cron schedule' in result.stderr, result.stderr


# A value of the wrong kind in the operator's words, with what to write (was pydantic's "Input should be a valid
# string (got 65.02)", "Input should be a valid list", "unable to parse string as a number"); the hint for a
# fraction of pieces names the value typed (was always "66.000 ... 66"); a control character in a district's name
# is written as its code in the line naming the district (was printed raw, a bell to the terminal).
WORDED = [
    # no TOML value at all: the parser's words alone were given, with no way to write it
    ("thousands-with-dots", ("max_quantity_per_movement = 200000", "max_quantity_per_movement = 2.000.000"),
     "; TOML takes no dots between thousands: write max_quantity_per_movement = 2000000"),
    # the same inside an inline table: was the parser's "Unclosed inline table" alone
    ("thousands-with-dots-in-a-table", ('opening_stock = { "ktp-el" = 7500, "kia" = 2500 }',
                                        'opening_stock = { "ktp-el" = 7500, "kia" = 2.700.000 }'),
     '; TOML takes no dots between thousands: write opening_stock = { "ktp-el" = 7500, "kia" = 2700000 }'),
    ("code-number", ('code = "65.02"', "code = 65.02"),
     '[[districts]] Kabupaten Malinau: code: write it as text, in quotes: code = "65.02"'),
    ("managers-string", ('managers = ["kadis@disdukcapil.kaltaraprov.example", '
                         '"kabid.piak@disdukcapil.kaltaraprov.example"]',
                         'managers = "kadis@disdukcapil.kaltaraprov.example"'),
     'office.managers: write a list in square brackets, even of one: '
     'managers = ["kadis@disdukcapil.kaltaraprov.example"]'),
    ("rate-with-unit", ('"ktp-el" = 70, "kia" = 20', '"ktp-el" = "70/hari", "kia" = 20'),
     "daily_use.ktp-el: write a number, without quotes, words or units (e.g. 110, not \"110/hari\") "
     "(got '70/hari')"),
    ("working-day-name", ("working_days = [0, 1, 2, 3, 4]", 'working_days = ["Senin"]'),
     "stock.working_days: write each day as a number, without quotes, in square brackets: e.g. working_days = "
     "[0, 1, 2, 3, 4] (0 is Monday ... 6 is Sunday)"),
    # the hint for a range in quotes was to put it in a list (["0-4"]), which was then read as -4 ("-4 is not a
    # day"); quoted day numbers were taken although a number is written without quotes
    ("working-day-range", ("working_days = [0, 1, 2, 3, 4]", 'working_days = "0-4"'),
     "stock.working_days: write each day as a number, without quotes, in square brackets: working_days = "
     "[0, 1, 2, 3, 4] (0 is Monday ... 6 is Sunday)"),
    ("working-day-range-listed", ("working_days = [0, 1, 2, 3, 4]", 'working_days = ["0-4"]'),
     "stock.working_days: write each day as a number, without quotes, in square brackets: working_days = "
     "[0, 1, 2, 3, 4] (0 is Monday ... 6 is Sunday)"),
    ("working-days-quoted", ("working_days = [0, 1, 2, 3, 4]", 'working_days = ["0", "1", "2"]'),
     "stock.working_days: write each day as a number, without quotes, in square brackets: working_days = "
     "[0, 1, 2] (0 is Monday ... 6 is Sunday)"),
    # a decimal is no day number, though pydantic would take 0.0 as 0 ("types are strict")
    ("working-days-decimal", ("working_days = [0, 1, 2, 3, 4]", "working_days = [0.0, 1, 2]"),
     "stock.working_days: write each day as a number, without quotes, in square brackets: working_days = "
     "[0, 1, 2] (0 is Monday ... 6 is Sunday)"),
    ("working-days-fraction", ("working_days = [0, 1, 2, 3, 4]", "working_days = [0.5, 1]"),
     "stock.working_days: write each day as a number, without quotes, in square brackets: e.g. working_days = "
     "[0, 1, 2, 3, 4] (0 is Monday ... 6 is Sunday)"),
    ("rate-quoted", ('"ktp-el" = 70, "kia" = 20', '"ktp-el" = "70", "kia" = 20'),
     "daily_use.ktp-el: write the number without quotes (got '70')"),
    ("fraction-of-pieces", ("threshold = 1000\n", "threshold = 1000.5\n"),
     "stock.threshold: 1000.5 is not a whole number of pieces; write a whole number, e.g. 1000"),
    ("thousands-unquoted", ("threshold = 1000\n", "threshold = 12.000\n"),
     'stock.threshold: 12.0 is not a whole number of pieces (TOML reads 12.000 without quotes, 12.0 or an exponent '
     'such as 1e2 as a decimal); write 12, or 12000 or "12.000" for thousands'),
    # was "write a whole number, e.g. 2": the thousands it means were offered for 12.000, never for 2.500
    ("thousands-with-hundreds-unquoted", ('"ktp-el" = 2500, "kia" = 800', '"ktp-el" = 2.500, "kia" = 800'),
     "opening_stock.ktp-el: 2.5 is not a whole number of pieces (TOML reads 2.500 without quotes as a decimal); "
     'write 2500 or "2.500" for thousands'),
    # 1e2 (read as 100.0) was told only of thousands typed without quotes, which it was not
    ("exponent-under-a-thousand", ("pack_size = 100\n", "pack_size = 1e2\n"),
     "stock.pack_size: 100.0 is not a whole number of pieces (TOML reads 100.000 without quotes, 100.0 or an "
     "exponent such as 1e2 as a decimal); write 100, or"),
    # 1e3 (read as 1000.0) got the hint for thousands: "TOML reads 1000.000 ... write 1000000"
    ("exponent-pieces", ("threshold = 1000\n", "threshold = 1e3\n"),
     "stock.threshold: 1000.0 is a decimal (as TOML reads 1e3 or 1000.0), not a whole number of pieces; write 1000"),
    # a decimal comma in quotes: told to drop the quotes only, the operator wrote 0,25, which is no TOML
    ("decimal-comma-in-quotes", ("contradiction_tolerance = 0.25", 'contradiction_tolerance = "0,25"'),
     "stock.contradiction_tolerance: write 0.25, with a decimal point and without quotes (got '0,25')"),
    ("seconds-comma-in-quotes", ("max_parse_seconds = 5.0", 'max_parse_seconds = "5,0"'),
     "write 5.0, with a decimal point and without quotes (got '5,0')"),
    # pieces in a range as the desk writes them (was "from 1 to 10000000 pieces")
    ("pack-size-zero", ("pack_size = 100\n", "pack_size = 0\n"),
     "stock.pack_size: must be from 1 to 10.000.000 pieces (got 0)"),
    ("bell-in-name", ('name = "Kabupaten Malinau"', 'name = "Kabupaten\\u0007Malinau"\nthreshold = "x"'),
     "[[districts]] 65.02 Kabupaten\\x07Malinau: threshold:"),
]


@pytest.mark.parametrize(("edit", "expected"), [(e, x) for _, e, x in WORDED], ids=[i for i, _, _ in WORDED])
def test_a_wrong_value_is_said_in_plain_words(tmp_path: Path, edit: tuple[str, str], expected: str) -> None:
    from mailbot.configfile import load_config
    from mailbot.errors import ConfigError
    from tests.desk.conftest import ROOT

    text = (ROOT / "config.toml").read_text()
    assert edit[0] in text, edit[0]
    path = tmp_path / "config.toml"
    path.write_text(text.replace(edit[0], edit[1], 1))
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    said = str(caught.value)
    assert expected in said and "Input should" not in said and said.isprintable(), said


@pytest.mark.parametrize(("encode", "expected"), [
    (lambda s: s.encode("utf-16"), 'is saved as UTF-16 ("Unicode"); save it as UTF-8 text'),
    (lambda s: s.encode("utf-16-le"), 'is saved as UTF-16 ("Unicode"); save it as UTF-8 text'),
    (lambda s: s.replace("Bidang Pelayanan", "Bidang Pelayanan é").encode("latin-1"),
     f"is not UTF-8 text (byte 0xe9 on line {_SIGNATURE_LINE}, as Latin-1 or Windows-1252 write it); save it as UTF-8 "
     "text"),
    (lambda s: s.replace("\n", "\r").encode(), "has old Mac line ends (a CR alone, no LF); save it with Unix (LF)"),
    (lambda s: s.replace('name = "Kabupaten Malinau"', 'name = "Kabupaten Malinau"\nname = "Malinau"').encode(),
     f"not valid TOML: Cannot overwrite a value (at line {_MALINAU_NAME_LINE + 1}, column 17): 'name = \"Malinau\"'"),
    (lambda s: s.replace('senders = ["disdukcapil@malinaukab.example"]',
                         'senders = ["disdukcapil@malinaukab.example", "Disdukcapil@malinaukab.example"]').encode(),
     "sender disdukcapil@malinaukab.example is listed twice in 65.02 (an address is the same in any case)"),
    # pasted from a document (was "Invalid value (at line 13, column 12)" with no word of the quotes)
    (lambda s: s.replace('timezone = "Asia/Makassar"', "timezone = \u201cAsia/Makassar\u201d").encode(),
     "; its quotes are curly, which TOML does not take: write straight quotes: timezone = \"Asia/Makassar\""),
], ids=["utf-16-bom", "utf-16-no-bom", "latin-1", "cr-only", "duplicate-key", "sender-twice-in-one-district",
        "curly-quotes"])
def test_a_file_saved_wrong_is_told_how_to_save_it(desk_dir: Path, encode, expected: str) -> None:  # type: ignore[no-untyped-def]
    """Were "Found invalid character '\\r'", "Found invalid character '\\x00'", "not UTF-8 text", "Cannot overwrite
    a value (at line 69, column 17)" with no key, "listed for both 65.02 and 65.02"."""
    path = desk_dir / "config.toml"
    path.write_bytes(encode(path.read_text()))
    result = mailbot(desk_dir, "check-config")
    assert result.returncode == 2, result.stderr
    [line] = result.stderr.strip().splitlines()
    assert expected in line, line
