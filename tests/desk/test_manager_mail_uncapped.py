"""The per-sender daily cap on automatic replies guards against mail loops with outside senders: it never counts nor
holds back the mail to a manager or the operator (the confirmation of a decision, the refusal of a command, the ask
to confirm with PAKSA, an acknowledgement)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.desk.mailkit import (
    MANAGERS,
    OPERATOR,
    db,
    held_requests,
    message_id_of,
    reply_to_notice,
    run_once,
    sent_mail,
    set_guards,
    write_eml,
)

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

KADIS = MANAGERS[0]  # the head of office


def test_the_daily_reply_cap_never_holds_back_mail_to_a_manager_or_the_operator(desk_dir: Path) -> None:
    """Was: with the cap at 1, the first answer to the head of office took the day's slot and the next were stored
    "suppressed" ("per-sender cap of 1 automatic replies a day reached"): a SETUJU applied with no confirmation,
    a SETUJU over the per-movement limit refused with no word to the manager, who believed it applied."""
    held = held_requests(desk_dir)
    set_guards(desk_dir, max_replies_per_sender_per_day=1)
    a, b, c = held["a"], held["b"], held["c"]
    replies = [
        write_eml(desk_dir, "kadis-note.eml", sender=f"Kepala Dinas <{KADIS}>", subject="Catatan gudang",
                  body="Tolong cek gudang minggu ini.", message_id="<kadis-note@disdukcapil.kaltaraprov.example>"),
        reply_to_notice(desk_dir, a["notice"], sender=f"Kepala Dinas <{KADIS}>", command="SETUJU", name="kadis-a"),
        reply_to_notice(desk_dir, b["notice"], sender=f"Kepala Dinas <{KADIS}>", command="SETUJU 99.999.999",
                         name="kadis-b"),
        reply_to_notice(desk_dir, c["notice"], sender=f"Kepala Dinas <{KADIS}>", command="TOLAK stok menipis",
                         name="kadis-c"),
        write_eml(desk_dir, "operator-note.eml", sender=f"Operator <{OPERATOR}>", subject="Catatan operator",
                  body="Server akan dimatikan sebentar malam ini.",
                  message_id="<operator-note@disdukcapil.kaltaraprov.example>"),
        write_eml(desk_dir, "operator-note-2.eml", sender=f"Operator <{OPERATOR}>", subject="Catatan operator lagi",
                  body="Server sudah hidup kembali.", message_id="<operator-note-2@disdukcapil.kaltaraprov.example>"),
    ]
    run_once(desk_dir, *replies)
    suppressed = db(desk_dir).execute("select recipients, subject, last_error from outbox "
                                      "where status = 'suppressed'").fetchall()
    assert [tuple(row) for row in suppressed] == []
    answered = {s.in_reply_to for s in sent_mail(desk_dir) if s.to in ([KADIS], [OPERATOR])}
    for reply in replies[1:4]:  # each command the head of office wrote is answered
        assert message_id_of(reply) in answered, reply.name
    states = dict(db(desk_dir).execute("select reference, state from requests").fetchall())
    assert (states[a["reference"]], states[b["reference"]], states[c["reference"]]) == (
        "approved", "held", "rejected")
