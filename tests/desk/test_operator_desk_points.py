"""The operator's desk, point by point: references as copied, one quantity reader with units and millions, hints
that the same refusal accepts, usage errors for bad option values, plain tables in files, and check-config's
warnings for a digest on days off and a sender taken off a list while its shipment is on its way."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.desk.conftest import EXAMPLES, ROOT, mailbot
from tests.forkserver import run_mailbot


def _with_config(desk: Path, config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`mailbot --config CONFIG ARGS` in *desk*: another configuration of the same desk (one --config only)."""
    return run_mailbot(["--config", str(config), *args], cwd=desk, timeout=120)


@pytest.fixture(scope="module")
def sample_desk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample inbox processed (BLK-2026-0001 to 0006); the tests leave it as they found it."""
    desk_dir = tmp_path_factory.mktemp("desk-points")
    shutil.copy(ROOT / "config.toml", desk_dir / "config.toml")
    (desk_dir / "var").mkdir()
    assert mailbot(desk_dir, "import", *sorted(str(p) for p in EXAMPLES.glob("*.eml"))).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    return desk_dir


@pytest.mark.parametrize("typed", ["[BLK-2026-0005]", "Re: [BLK-2026-0005] minta blangko", "BLK-2026-5",
                                   " blk-2026-0005 "])
def test_a_reference_as_copied_from_a_subject_finds_the_request(sample_desk: Path, typed: str) -> None:
    shown = mailbot(sample_desk, "history", typed)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("BLK-2026-0005 "), shown.stdout[:200]


def test_a_bare_number_that_is_a_message_and_a_request_says_which_it_shows(sample_desk: Path) -> None:
    shown = mailbot(sample_desk, "history", "0005")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("message 5 "), shown.stdout[:200]
    assert shown.stderr == ("mailbot: 0005 is read as message 5; for the request numbered 5 type mailbot history "
                            "BLK-2026-0005\n")


@pytest.mark.parametrize(("typed", "recorded"), [("2.000 keping", "2.000"), ("2000 pcs", "2.000"),
                                                  ("500 lembar", "500"), ("dua ribu keping", "2.000")])
def test_a_unit_after_the_figure_is_read_with_it(desk_dir: Path, typed: str, recorded: str) -> None:
    result = mailbot(desk_dir, "supply", "receive", typed, "--note", f"BAST {typed}")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"recorded: {recorded} ktp-el received"), result.stdout


@pytest.mark.parametrize("typed", ["1 jt", "1 juta", "1,5 juta", "satu juta", "1.000.000"])
def test_millions_are_read_alike_and_held_to_the_same_bound(sample_desk: Path, typed: str) -> None:
    """"1 jt" and "1,5 juta" were "not a number" while "satu juta" was read: one rule, and the bound refuses."""
    result = mailbot(sample_desk, "supply", "receive", typed, "--note", "BAST")
    assert result.returncode == 2, result.stdout  # a typed figure out of bounds is an input error (README)
    assert result.stderr.startswith(f'mailbot: supply receive: "{typed}" is more than the most one movement may '
                                    "be (200.000, [stock] max_quantity_per_movement)"), result.stderr


def test_the_packs_hint_is_a_value_the_same_refusal_accepts(sample_desk: Path) -> None:
    refused = mailbot(sample_desk, "approve", "BLK-2026-0005", "--quantity", "3.001")
    assert refused.returncode == 1
    assert "be more than the 3.000 requested and not give whole packs of 100 (such as 3.000)" in refused.stderr, \
        refused.stderr
    assert "3.100" not in refused.stderr


@pytest.mark.parametrize("args", [("status", "--item", "KTP"), ("requests", "--limit", "0"),
                                  ("queue", "list", "--limit", "1,5"), ("reread", "--since", "kemarin"),
                                  ("outbox", "retry", "satu"), ("approve", "BLK-2026-0005", "--quantity", "abc"),
                                  ("approve", "BLK-2026-0005", "--quantity", "2,000"),
                                  ("approve", "BLK-2026-0005", "--quantity", ""),
                                  ("supply", "receive", "abc", "--note", "BAST"),
                                  ("adjust", "65.04", "minus 20", "--reason", "rusak")])
def test_a_bad_option_value_exits_2_like_a_usage_error(sample_desk: Path, args: tuple[str, ...]) -> None:
    result = mailbot(sample_desk, *args)
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("mailbot: "), result.stderr


def test_a_negative_change_names_the_limit_of_what_one_movement_takes_out(sample_desk: Path) -> None:
    result = mailbot(sample_desk, "adjust", "65.04", "-999999", "--reason", "hilang")
    assert result.returncode == 2  # a typed figure out of bounds is an input error (README)
    assert result.stderr == ('mailbot: adjust: "-999999" takes out more than the most one movement may take out '
                             "(200.000, [stock] max_quantity_per_movement)\n"), result.stderr


def test_tables_in_a_file_are_plain_ascii_with_every_cell_whole(sample_desk: Path) -> None:
    requests = mailbot(sample_desk, "requests")
    assert requests.returncode == 0, requests.stderr
    assert requests.stdout.isascii(), requests.stdout
    [row] = [line for line in requests.stdout.splitlines() if line.startswith("| BLK-2026-0006 |")]
    assert [cell.strip() for cell in row.strip("|").split("|")][-1] == "disdukcapil@nunukankab.example", row
    queue = mailbot(sample_desk, "queue", "list")
    assert queue.returncode == 0, queue.stderr
    details = [[cell.strip() for cell in line.strip("|").split("|")][7] for line in queue.stdout.splitlines()
               if line.startswith("| ") and "WITA" in line]
    assert "laporan harian menyatakan 626, catatan sebelumnya 8.000; stok dicatat mengikuti laporan" in details, \
        details


def _edited(desk_dir: Path, tmp_path: Path, old: str, new: str) -> Path:
    """A copy of *desk_dir*'s configuration, on the same database, with *old* replaced by *new*."""
    text = (desk_dir / "config.toml").read_text()
    assert old in text
    edited = tmp_path / "config.toml"
    edited.write_text(text.replace(old, new).replace('url = "sqlite:///var/mailbot.db"',
                                                     f'url = "sqlite:///{desk_dir}/var/mailbot.db"')
                      .replace('path = "var/mail/', f'path = "{desk_dir}/var/mail/'))
    return edited


def test_check_config_warns_of_a_digest_that_never_comes_on_a_working_day(sample_desk: Path,
                                                                          tmp_path: Path) -> None:
    weekends = _edited(sample_desk, tmp_path, 'cron = "0 7 * * 1-5"', 'cron = "0 7 * * 6,0"')
    checked = _with_config(sample_desk, weekends, "check-config")
    assert checked.returncode == 0, checked.stderr
    assert ('warning: digest.cron: "0 7 * * 6,0" never falls on a working day (Monday, Tuesday, Wednesday, '
            "Thursday, Friday, stock.working_days)") in checked.stdout, checked.stdout
    shipped = mailbot(sample_desk, "check-config")
    assert shipped.returncode == 0 and "digest.cron" not in shipped.stdout, shipped.stdout


def test_the_working_day_hint_is_never_the_schedule_configured(sample_desk: Path, tmp_path: Path) -> None:
    """Saturday the only working day and the digest Monday to Friday: the hint names Saturday, at its time."""
    saturday = _edited(sample_desk, tmp_path, 'cron = "0 7 * * 1-5"', 'cron = "30 6 * * 1-5"')
    text = saturday.read_text()
    assert "working_days = [0, 1, 2, 3, 4]" in text
    saturday.write_text(text.replace("working_days = [0, 1, 2, 3, 4]", "working_days = [5]"))
    checked = _with_config(sample_desk, saturday, "check-config")
    assert checked.returncode == 0, checked.stderr
    assert 'never falls on a working day (Saturday' in checked.stdout, checked.stdout
    assert 'write e.g. "30 6 * * 6" for 06:30 on Saturday' in " ".join(checked.stdout.split()), checked.stdout


def test_a_day_of_the_month_and_of_the_week_run_on_either_as_in_crontab(sample_desk: Path, tmp_path: Path) -> None:
    """crontab: both restricted, a day matching either runs. "0 7 1 * 6" runs on the 1st of every month (1 Jan
    2027 is a Friday, a working day) and every Saturday; the scheduler and the warning read it alike."""
    from mailbot.checks import cron_trigger

    tz = ZoneInfo("Asia/Makassar")
    trigger = cron_trigger("0 7 1 * 6", tz)
    fire, days = None, []
    after = datetime(2026, 12, 20, 8, tzinfo=tz)
    for _ in range(4):
        fire = trigger.get_next_fire_time(fire, after)
        assert fire is not None
        days.append(fire.strftime("%a %d %b"))
        after = fire.replace(hour=8)
    assert days == ["Sat 26 Dec", "Fri 01 Jan", "Sat 02 Jan", "Sat 09 Jan"]
    monthly = _edited(sample_desk, tmp_path, 'cron = "0 7 * * 1-5"', 'cron = "0 7 1 * 6"')
    checked = _with_config(sample_desk, monthly, "check-config")
    assert checked.returncode == 0 and "digest.cron" not in checked.stdout, checked.stdout


def test_a_cron_weekday_counts_from_sunday_as_in_crontab() -> None:
    """APScheduler 3 counts its weekday numbers from Monday: "1-5" ran the digest Tuesday to Saturday."""
    from mailbot.checks import cron_trigger

    tz = ZoneInfo("Asia/Makassar")
    trigger = cron_trigger("0 7 * * 1-5", tz)
    fire, days = None, []
    after = datetime(2026, 12, 5, 8, tzinfo=tz)  # a Saturday
    for _ in range(6):
        fire = trigger.get_next_fire_time(fire, after)
        assert fire is not None
        days.append(fire.strftime("%a %d"))
        after = fire.replace(hour=8)
    assert days == ["Mon 07", "Tue 08", "Wed 09", "Thu 10", "Fri 11", "Mon 14"]
    sunday = cron_trigger("30 6 * * 0", tz).get_next_fire_time(None, datetime(2026, 12, 5, tzinfo=tz))
    assert sunday is not None and sunday.strftime("%a %H:%M") == "Sun 06:30"


def test_check_config_warns_when_a_sender_with_a_shipment_on_its_way_leaves_the_list(sample_desk: Path,
                                                                                       tmp_path: Path) -> None:
    """Tarakan's BLK-2026-0004 (approved) came from disdukcapil@tarakankota.example: its receipt from that address
    would wait in the queue once the address is off the list."""
    moved = _edited(sample_desk, tmp_path, 'senders = ["disdukcapil@tarakankota.example"]',
                    'senders = ["sekretariat@tarakankota.example"]')
    checked = _with_config(sample_desk, moved, "check-config")
    assert checked.returncode == 0, checked.stderr
    [warning] = [line for line in checked.stdout.splitlines() if "senders" in line]
    assert warning.startswith("warning: districts (65.71 Kota Tarakan).senders: disdukcapil@tarakankota.example "
                              "is not on the list but asked for BLK-2026-0004, approved for the district"), warning
    shipped = mailbot(sample_desk, "check-config")
    assert "senders" not in shipped.stdout, shipped.stdout


@pytest.mark.parametrize(("cron", "warned"), [("0 7 29 2 *", False), ("0 7 * * 6,0", True), ("0 7 1 1 *", False)])
def test_a_digest_on_29_february_is_no_schedule_off_working_days(tmp_path: Path, cron: str, warned: bool) -> None:
    """29 February 2028 is a Tuesday: the warning that "0 7 29 2 *" never falls on a working day was false (the
    schedule was followed for 400 days only, and the next leap day is further)."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from mailbot.checks import schedule_warnings
    from mailbot.configfile import load_config
    from tests.desk.conftest import ROOT

    path = tmp_path / "config.toml"
    path.write_text((ROOT / "config.toml").read_text().replace('cron = "0 7 * * 1-5"', f'cron = "{cron}"'))
    now = datetime(2026, 12, 5, 9, tzinfo=ZoneInfo("Asia/Makassar"))
    assert bool(schedule_warnings(load_config(path), now=now)) is warned
