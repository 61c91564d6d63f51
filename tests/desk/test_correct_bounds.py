"""`mailbot correct` reads figures with the one quantity reader and its bounds; no stored figure makes
`status`, `digest` or `run` die."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.desk.conftest import mailbot
from tests.desk.mailkit import DISTRICT_SENDERS, db, request_body, run_once, sent_mail, write_eml

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

TARAKAN = DISTRICT_SENDERS["65.71"]
ON_HAND = "select sum(on_hand) from ledger_entries where location = '65.71' and item = 'ktp-el'"


def _report(desk_dir: Path) -> int:
    run_once(desk_dir, write_eml(desk_dir, "rep.eml", sender=TARAKAN, subject="Laporan harian perekaman",
                                 message_id="<rep@tarakankota.example>",
                                 body="Laporan harian: perekaman 120, pencetakan 98, sisa blangko 6.812 keping.\n"))
    return int(db(desk_dir).execute("select id from messages where message_id = '<rep@tarakankota.example>'")
               .fetchone()[0])


@pytest.mark.parametrize(("value", "words"), [
    ("2,000", "ambiguous"), ("\u0665\u0660\u0660", "digits as 0-9"), ("999.999.999", "max_quantity_per_movement"),
    ("9.223.372.036.854.775.807", "far too large"), ("99999999999999999999", "far too large"),
    ("200.001", "max_quantity_per_movement"), ("-5", "0 or more"),
])
def test_a_corrected_figure_out_of_bounds_is_refused_in_one_line_and_books_nothing(
        desk_dir: Path, value: str, words: str) -> None:
    pk = _report(desk_dir)
    before = db(desk_dir).execute(ON_HAND).fetchone()[0]
    result = mailbot(desk_dir, "correct", str(pk), f"stock_on_hand={value}", "--reason", "salah baca")
    assert result.returncode == 2, result.stdout  # typed input refused, as every usage error (was 1)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and lines[0].startswith("mailbot: stock_on_hand:"), result.stderr
    assert db(desk_dir).execute(ON_HAND).fetchone()[0] == before
    assert db(desk_dir).execute("select count(*) from labels").fetchone()[0] == 0


@pytest.mark.parametrize(("value", "expected"), [("2.000", 2000), ("dua ribu", 2000), ("2rb", 2000), ("0", 0)])
def test_a_corrected_figure_is_read_as_indonesian(desk_dir: Path, value: str, expected: int) -> None:
    pk = _report(desk_dir)
    result = mailbot(desk_dir, "correct", str(pk), f"stock_on_hand={value}", "--reason", "salah baca")
    assert result.returncode == 0, result.stderr
    assert db(desk_dir).execute(ON_HAND).fetchone()[0] == expected


def test_a_corrected_request_figure_beyond_the_bound_is_refused_and_nobody_is_mailed(desk_dir: Path) -> None:
    run_once(desk_dir, write_eml(desk_dir, "req.eml", sender=TARAKAN, subject="Permohonan blangko KTP-el",
                                 message_id="<req@tarakankota.example>", body=request_body("1.500", "700")))
    pk = db(desk_dir).execute("select message_pk from requests").fetchone()[0]
    mailed = len(sent_mail(desk_dir))
    result = mailbot(desk_dir, "correct", str(pk), "requested=9.000.000.000", "--reason", "uji")
    assert result.returncode == 2 and "max_quantity_per_movement" in result.stderr, result.stderr
    assert db(desk_dir).execute("select requested from requests").fetchone()[0] == 1500
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    assert len(sent_mail(desk_dir)) == mailed


def test_a_ledger_changed_outside_mailbot_gives_one_line_not_a_traceback(desk_dir: Path) -> None:
    _report(desk_dir)
    # what no mailbot command writes (each refuses beyond max_quantity_per_movement and beyond any store)
    with db(desk_dir) as conn:
        conn.execute("insert into ledger_entries (item, location, kind, on_hand, in_transit, committed, at, source, "
                     "actor) values ('ktp-el', '65.71', 'adjustment', 9223372036854775000, 0, 0, "
                     "'2026-11-27 02:00:00.000000', 'tampered', 'sqlite3')")
    for args in (("status",), ("digest", "--print"), ("run", "--once"), ("adjust", "65.71", "200.000",
                                                                         "--reason", "x")):
        result = mailbot(desk_dir, *args)
        assert result.returncode == 1, (args, result.stdout)
        assert "Traceback" not in result.stderr, result.stderr
        [line] = [x for x in result.stderr.strip().splitlines() if x.startswith("mailbot: ")]
        assert "beyond any store" in line and "65.71 ktp-el" in line and "restore" in line, line


def test_an_emptied_figure_is_said_in_words(desk_dir: Path) -> None:
    pk = _report(desk_dir)
    result = mailbot(desk_dir, "correct", str(pk), "printed=null", "stock_on_hand=2.000", "--reason", "salah baca")
    assert result.returncode == 0, result.stderr
    assert "printed=(no figure), stock_on_hand=2.000" in result.stdout, result.stdout
    assert "None" not in result.stdout
