"""A manager's approval and the district's correction of the same request read in one poll, on the real SQLite desk
in process: the correction sets the approval aside, and the district gets one answer saying so, never the approval
and, at the same moment, the mail that takes it back. An approval told in an earlier poll is never withdrawn."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailbot.transports.maildir import deliver
from tests.desk.desk12 import GMAIL, NUNUKAN, UNFOLDED, Desk12, Out, flat, held_for_managers, send_answer
from tests.desk.mailkit import MANAGERS, OFFICE

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

CORRECTION = "Koreksi pak, yg benar kami butuh 3.000 keping saja, bukan 3.500."


def _waiting(d: Desk12, sender: str, mail: Out, words: str) -> None:
    """*sender* answers the desk's *mail* (Gmail style), left in the inbox for the next poll."""
    d.n += 1
    msg = EmailMessage(policy=UNFOLDED)
    msg["From"], msg["To"], msg["Subject"] = sender, OFFICE, "Re: " + mail.subject
    msg["Date"], msg["Message-ID"] = "Wed, 02 Dec 2026 10:00:00 +0800", f"<m{d.n}@{sender.split('@')[1]}>"
    msg["In-Reply-To"] = msg["References"] = mail.message_id
    quoted = "\n".join(f"> {line}" if line else ">" for line in mail.text.splitlines())
    msg.set_content(f"{words}\n\n{GMAIL.format(desk=mail.msg['From'])}\n{quoted}\n")
    deliver(d.inbox, bytes(msg))


def _to_go(d: Desk12, after: int) -> list[tuple[str, str]]:
    """The mails to Nunukan queued since outbox row *after* and not withdrawn: (purpose, text)."""
    rows = d.db().execute("select id, purpose, status from outbox where id > ? order by id", (after,)).fetchall()
    live = {r["id"] for r in rows if r["status"] != "suppressed"}
    ids = [r["id"] for r in d.db().execute("select id from outbox order by id")]
    return [(o.purpose, flat(o.text)) for i, o in zip(ids, d.out(), strict=True)
            if i in live and NUNUKAN in o.to]


def test_one_answer_when_a_correction_follows_the_approval_in_the_same_poll(desk12: Desk12) -> None:
    mid, held = held_for_managers(desk12)
    [acknowledged] = desk12.replies_to(mid)
    after = desk12.db().execute("select max(id) from outbox").fetchone()[0]
    _waiting(desk12, MANAGERS[0], held, "SETUJU 2.000")
    _, outcome = send_answer(desk12, NUNUKAN, acknowledged, CORRECTION, above=GMAIL)
    assert outcome.get("manager-approve") == 1, outcome
    request = desk12.request()
    assert (request["state"], request["requested"]) == ("held", 3000), outcome
    [(purpose, text)] = _to_go(desk12, after)
    assert "DITINJAU" in text and "2.000" in text and "tangguhkan" in text, text
    assert "DISETUJUI SEBAGIAN" not in text, text


def test_an_approval_told_in_an_earlier_poll_stays_told(desk12: Desk12) -> None:
    _, held = held_for_managers(desk12)
    after = desk12.db().execute("select max(id) from outbox").fetchone()[0]
    send_answer(desk12, MANAGERS[0], held, "SETUJU 2.000", above=GMAIL)
    [(_, approved)] = _to_go(desk12, after)
    assert "SEBAGIAN" in approved, approved
    desk12.db().execute("update outbox set status = 'sent' where status = 'queued'")  # the poll's mail went out
    [told] = [o for o in desk12.out() if NUNUKAN in o.to and "SEBAGIAN" in o.text]
    send_answer(desk12, NUNUKAN, told, CORRECTION, above=GMAIL)
    assert desk12.request()["state"] == "held"
    statuses = {r[0] for r in desk12.db().execute("select status from outbox where status = 'suppressed'")}
    assert not statuses
