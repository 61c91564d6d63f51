"""A district taken out of config.toml (or its code changed) while its requests are open: check-config says so in
one line, and a person's decision on such a request is refused in one line, nothing done (was:
`approve` ended in a traceback, `reject` said "rejected" with nobody to tell)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.desk.conftest import mailbot

REFUSAL = ("BLK-2026-0002 is of district 65.04, which config.toml no longer lists: put its districts entry back "
           'with code = "65.04"')


def _state(desk_dir: Path) -> list[tuple[str, str, int | None]]:
    with sqlite3.connect(desk_dir / "var" / "mailbot.db") as db:
        return db.execute("select reference, state, approved from requests order by id").fetchall()


@pytest.mark.parametrize("edit", [
    lambda s: s.replace('code = "65.04"', 'code = "65.05"'),
    lambda s: s[:s.index('code = "65.04"')].rsplit("[[districts]]", 1)[0] + "[[districts]]" + s[
        s.index('code = "65.04"'):].split("[[districts]]", 1)[1],
], ids=["code-changed", "entry-removed"])
def test_a_decision_on_a_request_of_a_district_no_longer_listed_is_refused(sample: Path, edit) -> None:  # type: ignore[no-untyped-def]
    [(reference, state, _)] = [r for r in _state(sample) if r[0] == "BLK-2026-0002"]
    assert state == "held", state  # Tana Tidung's request waits for a manager in the sample
    config = sample / "config.toml"
    config.write_text(edit(config.read_text()))
    checked = mailbot(sample, "check-config")
    assert checked.returncode == 0, checked.stderr
    assert f"warning: districts: {REFUSAL}" in " ".join((checked.stdout + checked.stderr).split())
    before = _state(sample)
    for command in (("approve", reference), ("reject", reference, "--reason", "cek ulang"), ("dispatch", reference)):
        done = mailbot(sample, *command)
        assert done.returncode == 1, (command, done.stdout, done.stderr)
        said = " ".join(done.stderr.split())
        assert said.startswith(f"mailbot: {REFUSAL}") and said.endswith("nothing was done"), said
        assert "Traceback" not in done.stderr
    assert _state(sample) == before


def test_a_decision_on_a_request_with_no_single_sender_goes_to_the_districts_list(desk_dir: Path) -> None:
    """A request whose mail names two From mailboxes has no sender to answer: a person's rejection of it printed an
    ERROR line naming the outbox purpose ("not queued: decided:2 has no address ... correct it there"), then
    "rejected; ... no new mail to the district". The district's listed addresses are sent a notice of their own
    (never a "Re:" of a mail no single sender wrote), said in one line."""
    from tests.desk.conftest import EXAMPLES

    mail = (EXAMPLES / "01-bulungan-permohonan.eml").read_text()
    two = mail.replace("From: Disdukcapil Bulungan <disdukcapil@bulungankab.example>",
                       "From: disdukcapil@bulungankab.example, budi@bulungankab.example")
    assert two != mail
    (desk_dir / "two.eml").write_text(two)
    assert mailbot(desk_dir, "import", str(desk_dir / "two.eml")).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    [(reference, state, _)] = _state(desk_dir)
    assert state == "held", state
    done = mailbot(desk_dir, "reject", reference, "--reason", "cek ulang")
    assert done.returncode == 0, done.stderr
    assert done.stderr == "", done.stderr
    [line] = done.stdout.strip().splitlines()
    # two mails: the district's, and the managers' notice that the request they were asked about was decided by hand
    assert line.startswith(f"{reference}: rejected; mail sent: 2; the district was told (mail sent to "
                           "disdukcapil@bulungankab.example"), line
    assert line.endswith("; the request names no single sender, so no writer is answered: the district's listed "
                         "address(es) (disdukcapil@bulungankab.example, operator.bulungan@bulungankab.example) were "
                         "sent a separate notice of the request made in its name"), line
    with sqlite3.connect(desk_dir / "var" / "mailbot.db") as db:
        [(recipients, subject)] = db.execute("select recipients, subject from outbox "
                                             "where purpose like 'decided:%'").fetchall()
    assert "disdukcapil@bulungankab.example" in recipients and "budi@" not in recipients
    assert not subject.startswith("Re:") and "dari alamat tidak terdaftar" in subject, subject
