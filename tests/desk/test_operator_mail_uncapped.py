"""The mail an operator's command causes (approve, reject, dispatch) is a person's doing: the per-sender daily cap
on automatic replies neither counts nor stops it, and the command says truthfully whether the district was told."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.desk.conftest import mailbot
from tests.desk.mailkit import set_guards


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
        # (approving the held BLK-2026-0002 also tells the managers, apart: a second mail)
        sent = 2 if command[0] == "approve" else 1
        assert f"mail sent: {sent}; the district was told (mail sent to disdukcapil@" in done.stdout, done.stdout
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
    assert "outbound brake ([guards] max_outbound_per_minute = 1); the mailbot service (`mailbot run`) sends it at " \
        "that rate, in about" in dispatched.stdout, dispatched.stdout
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


def _message_of_open_request(desk_dir: Path) -> tuple[int, str]:
    with sqlite3.connect(desk_dir / "var" / "mailbot.db") as db:
        return db.execute("select r.message_pk, r.reference from requests r where r.state in ('held', 'approved', "
                          "'linked', 'clarifying') and r.message_pk is not null order by r.id").fetchone()


def test_correct_says_the_districts_mail_waits_behind_the_brake(sample: Path) -> None:
    """Was: "BLK-... closed as no request; the district is told" and "mail sent: 0" while
    the district's mail waited in the outbox behind the outbound brake."""
    set_guards(sample, max_outbound_per_minute=1)
    assert mailbot(sample, "approve", "BLK-2026-0002").returncode == 0  # takes the brake's minute
    message, reference = _message_of_open_request(sample)
    fixed = mailbot(sample, "correct", str(message), "kind=other", "--reason", "undangan, bukan permohonan")
    assert fixed.returncode == 0, fixed.stderr
    assert f"{reference} closed as no request" in fixed.stdout, fixed.stdout
    assert "the district is told" not in fixed.stdout, fixed.stdout
    assert "mail sent: 0; the district is NOT told yet: its mail waits in the outbox behind" in fixed.stdout, \
        fixed.stdout
    assert "held by the outbound brake ([guards] max_outbound_per_minute = 1); the mailbot service (`mailbot run`) " \
           "sends it at that rate" in fixed.stdout, fixed.stdout
    assert _district_mail(sample, reference)[-1][0] == "queued"


def test_a_correction_withdraws_the_replies_it_makes_untrue_that_still_wait(sample: Path) -> None:
    """Was: behind the brake, each `correct` queued one more mail to the district and left
    the earlier ones queued: "DISETUJUI 1.500", "DISETUJUI 2.000", then the withdrawal would all have gone out."""
    set_guards(sample, max_outbound_per_minute=1)
    assert mailbot(sample, "approve", "BLK-2026-0002").returncode == 0  # takes the brake's minute
    message, reference = _message_of_open_request(sample)
    for times, fields in enumerate((("requested=1.500",), ("requested=2.000",), ("kind=other",))):
        fixed = mailbot(sample, "correct", str(message), *fields, "--reason", "dibaca ulang")
        assert fixed.returncode == 0, fixed.stderr
        with sqlite3.connect(sample / "var" / "mailbot.db") as db:
            rows = db.execute("select o.status, o.last_error from outbox o join requests r on r.id = o.request_pk "
                              "where r.reference = ? and o.category = 'reply' order by o.id", (reference,)).fetchall()
        assert [status for status, _ in rows].count("queued") == 1, rows  # only the newest word waits
        assert rows[-1][0] == "queued", rows
        withdrawn = [error for status, error in rows if status == "suppressed"
                     and error.startswith(f"withdrawn: superseded by the correction of message {message}")]
        assert len(withdrawn) == times, rows  # the first correction's reply replaced one that had gone already
        assert (f"earlier reply about {reference} still waiting" in fixed.stdout) == bool(times), fixed.stdout


BULUNGAN = "disdukcapil@bulungankab.example"


def _request_with_photos(count: int) -> bytes:
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["Authentication-Results"] = "mx.kaltaraprov.example; dmarc=pass header.from=bulungankab.example"
    msg["From"], msg["To"] = BULUNGAN, "blangko@disdukcapil.kaltaraprov.example"
    msg["Subject"], msg["Message-ID"] = "Permohonan blangko (foto)", "<foto-req@bulungankab.example>"
    msg["Date"] = "Fri, 27 Nov 2026 09:00:00 +0800"
    msg.set_content("Dengan hormat, kami mohon blangko KTP-el 500 keping. Sisa stok kami 300 keping.\n")
    for i in range(count):
        msg.add_attachment(b"\xff\xd8\xff" + bytes(200), maintype="image", subtype="jpeg", filename=f"foto{i}.jpg")
    return msg.as_bytes()


def test_a_replay_says_what_became_of_the_districts_mail_and_withdraws_the_please_resend_reply(sample: Path) -> None:
    """Was: "message 13: request approved; mail sent: 0", nothing said of the district's mail
    waiting behind the brake; and the quarantine's "please send again" reply stayed queued, to go out after the
    request it asked for was already answered."""
    set_guards(sample, max_outbound_per_minute=1)
    (sample / "foto.eml").write_bytes(_request_with_photos(12))
    assert mailbot(sample, "import", str(sample / "foto.eml")).returncode == 0
    assert mailbot(sample, "run", "--once").returncode == 0
    with sqlite3.connect(sample / "var" / "mailbot.db") as db:
        message, = db.execute("select id from messages where status = 'quarantined'").fetchone()
        resend, status = db.execute("select id, status from outbox where purpose = ?",
                                    (f"quarantined-sender:{message}",)).fetchone()
    assert status == "queued"  # behind the brake
    set_guards(sample, max_attachments=20)
    replayed = mailbot(sample, "replay", str(message))
    assert replayed.returncode == 0, replayed.stderr
    assert "the district is NOT told yet: its mail waits in the outbox behind" in replayed.stdout, replayed.stdout
    assert f"the earlier reply asking the district to send it again (outbox {resend}) is withdrawn, not sent" \
        in replayed.stdout, replayed.stdout
    with sqlite3.connect(sample / "var" / "mailbot.db") as db:
        status, why = db.execute("select status, last_error from outbox where id = ?", (resend,)).fetchone()
    assert status == "suppressed" and why.startswith(f"withdrawn: message {message} was replayed"), (status, why)


def test_a_replay_after_the_please_resend_reply_went_says_the_district_was_asked(sample: Path) -> None:
    """Was: "message 13: request approved; …", nothing said of the reply that had asked the district to
    send the mail again, whose answer would then come as a second mail."""
    (sample / "foto.eml").write_bytes(_request_with_photos(12))
    assert mailbot(sample, "import", str(sample / "foto.eml")).returncode == 0
    assert mailbot(sample, "run", "--once").returncode == 0
    with sqlite3.connect(sample / "var" / "mailbot.db") as db:
        message, = db.execute("select id from messages where status = 'quarantined'").fetchone()
        resend, status = db.execute("select id, status from outbox where purpose = ?",
                                    (f"quarantined-sender:{message}",)).fetchone()
    assert status == "sent"
    set_guards(sample, max_attachments=20)
    replayed = mailbot(sample, "replay", str(message))
    assert replayed.returncode == 0, replayed.stderr
    said = " ".join(replayed.stdout.split())
    assert f"; the district was already asked to send it again (outbox {resend}, sent 20" in said, said
    assert "): if it does, that mail is linked to this one for a person to review, never counted twice" in said, said
    assert "withdrawn, not sent" not in said


def test_under_the_brake_a_command_beside_the_running_service_says_the_service_sends_it(
        desk_dir: Path, open_test_desk) -> None:  # type: ignore[no-untyped-def]
    """Was: "it goes out with the next `mailbot run`" while a service was running (and a `run --once`
    sends only what the brake lets out in that minute)."""
    from mailbot.outbox import FlushResult, MailFate, fate_words
    from mailbot.store.db import service_presence, service_running

    waiting = [MailFate("queued", ("a@x.example",), ahead=5)]
    alone = fate_words(waiting, FlushResult(braked=6), brake=2)
    assert alone.endswith("the mailbot service (`mailbot run`) sends it at that rate, in about 3 minute(s) of "
                          "running"), alone
    assert "next `mailbot run`" not in alone
    desk = open_test_desk()
    with service_presence(desk.engine):
        assert service_running(desk.engine)
        beside = fate_words(waiting, FlushResult(braked=6), brake=2, service=service_running(desk.engine))
    assert beside.endswith("; the running mailbot service sends it at that rate, in about 3 minute(s)"), beside


def test_replies_kept_back_by_the_cap_are_listed_in_the_digest(desk_dir: Path) -> None:
    """Was: replies suppressed by the daily cap showed only in `mailbot outbox list`; no one
    was told that a district never got the answers to its later mails."""
    from tests.desk.conftest import EXAMPLES

    set_guards(desk_dir, max_replies_per_sender_per_day=1)
    assert mailbot(desk_dir, "import", *sorted(str(p) for p in EXAMPLES.glob("*.eml"))).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    with sqlite3.connect(desk_dir / "var" / "mailbot.db") as db:
        kept = db.execute("select json_extract(recipients, '$[0]'), count(*) from outbox where status = 'suppressed' "
                          "and last_error like 'per-sender cap%' group by 1").fetchall()
    assert kept, "the sample inbox has a district writing more than once"
    digest = mailbot(desk_dir, "digest", "--print")
    assert digest.returncode == 0, digest.stderr
    assert "== Balasan otomatis yang tidak dikirim (batas harian per pengirim) ==" in digest.stdout, digest.stdout
    for address, count in kept:
        line = next(line for line in digest.stdout.splitlines() if f" {address.lower()}: " in line)
        assert f": {count} balasan, terakhir " in line, line
