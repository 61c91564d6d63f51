"""The mail an operator's command causes (approve, reject, dispatch) is a person's doing: the per-sender daily cap
on automatic replies neither counts nor stops it, and the command says truthfully whether the district was told."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.desk.conftest import EXAMPLES, ROOT, mailbot
from tests.desk.mailkit import set_guards


@pytest.fixture(scope="module")
def sample_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    desk_dir = tmp_path_factory.mktemp("sample")
    shutil.copy(ROOT / "config.toml", desk_dir / "config.toml")
    (desk_dir / "var").mkdir()
    assert mailbot(desk_dir, "import", *sorted(str(p) for p in EXAMPLES.glob("*.eml"))).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    return desk_dir


@pytest.fixture
def sample(sample_template: Path, tmp_path: Path) -> Path:
    desk_dir = tmp_path / "desk"
    shutil.copytree(sample_template, desk_dir)
    return desk_dir


def _district_mail(desk_dir: Path, reference: str) -> list[tuple[str, str | None]]:
    with sqlite3.connect(desk_dir / "var" / "mailbot.db") as db:
        return list(db.execute(
            "select o.status, o.last_error from outbox o join requests r on r.id = o.request_pk "
            "where r.reference = ? and o.category = 'reply' and o.purpose not like 'reply:%' order by o.id",
            (reference,)))


def test_a_commands_mail_to_the_district_is_never_stopped_by_the_automatic_reply_cap(sample: Path) -> None:
    """Was: with the cap at 1 (reached by the automatic replies of the day), `dispatch` printed "dispatched 700
    ktp-el; mail sent: 0", exit 0, and the district's mail was suppressed for good ("per-sender cap of 1
    automatic replies a day reached")."""
    set_guards(sample, max_replies_per_sender_per_day=1)
    for command in (("approve", "BLK-2026-0002"), ("dispatch", "BLK-2026-0002"), ("dispatch", "BLK-2026-0001")):
        done = mailbot(sample, *command)
        assert done.returncode == 0, done.stderr
        assert "mail sent: 1; the district was told (mail sent to disdukcapil@" in done.stdout, done.stdout
    assert [status for status, _ in _district_mail(sample, "BLK-2026-0002")] == ["sent", "sent"]
    assert [status for status, _ in _district_mail(sample, "BLK-2026-0001")] == ["sent"]


def test_a_commands_mail_held_by_the_outbound_brake_is_said_to_wait(sample: Path) -> None:
    """Was: "mail sent: 0" and nothing more, while the district's mail waited behind the brake."""
    set_guards(sample, max_outbound_per_minute=1)
    approved = mailbot(sample, "approve", "BLK-2026-0002")
    assert approved.returncode == 0, approved.stderr
    dispatched = mailbot(sample, "dispatch", "BLK-2026-0002")  # within the minute of the approval's mail
    assert dispatched.returncode == 0, dispatched.stderr
    assert "the district is NOT told yet: its mail waits in the outbox" in dispatched.stdout, dispatched.stdout
    assert "outbound brake ([guards] max_outbound_per_minute = 1); it goes out with the next `mailbot run`" \
        in dispatched.stdout, dispatched.stdout
    assert "told (mail sent" not in dispatched.stdout
    assert _district_mail(sample, "BLK-2026-0002")[-1][0] == "queued"


def test_the_cap_counts_and_stops_automatic_replies_only(desk_dir: Path, open_test_desk) -> None:  # type: ignore[no-untyped-def]
    """In process: a person's decision (automatic=False, as a manager's SETUJU by mail queues it) and any mail a
    command queues (desk.by_person) are neither counted against the cap nor suppressed by it."""
    from mailbot.outgoing import queue
    from mailbot.render import Rendered

    set_guards(desk_dir, max_replies_per_sender_per_day=1)
    desk = open_test_desk()
    body = Rendered("Balasan", "Terima kasih.", None)

    def reply(purpose: str, **how: bool) -> str | None:
        with desk.sessions.begin() as session:
            return queue(session, desk, purpose=purpose, category="reply", template="-", to=["a@x.example"],
                         context={}, body=body, **how).suppressed_reason

    assert reply("decided:1", automatic=False) is None  # not counted: the automatic reply below still goes
    assert reply("reply:1") is None
    assert reply("reply:2") == "per-sender cap of 1 automatic replies a day reached"
    assert reply("decided:2", automatic=False) is None
    desk.by_person = True
    assert reply("reply:3") is None
