"""The Message-ID of every mail the desk composes is a valid RFC 5322 msg-id: its left part a dot-atom (no two dots
in a row, none at either end), made of whole words of the mail's purpose, whatever the purpose holds (an ack's
purpose carries the answered mail's own Message-ID, angle brackets and @ included)."""

from __future__ import annotations

import email
import email.policy
import re
from datetime import UTC, datetime

import pytest

from mailbot.render import Envelope, Rendered, compose

ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
MSG_ID = re.compile(rf"<({ATEXT}(?:\.{ATEXT})*)@({ATEXT}(?:\.{ATEXT})*)>")


@pytest.mark.parametrize("purpose", [
    "ack:<e827716ec0854dfa@bulungankab.example>",
    "ack:<e827716ec0854dfa@disdukcapil.bulungankab.example>",
    "reply:<ü..x@é.example>",
    "decided:12",
    "::",
])
def test_the_message_id_is_a_dot_atom_of_whole_words(purpose: str) -> None:
    envelope = Envelope(sender="blangko@kaltara.example", sender_name="Disdukcapil", recipients=("d@kab.example",),
                        subject="Re: Permohonan")
    message_id, raw = compose(envelope, Rendered("Re: Permohonan", "Terima kasih.", None), category="reply",
                              domain="kaltara.example", now=datetime(2026, 12, 6, tzinfo=UTC), purpose=purpose)
    match = MSG_ID.fullmatch(message_id)
    assert match is not None and match[2] == "kaltara.example", message_id
    assert email.message_from_bytes(raw, policy=email.policy.default)["Message-ID"] == message_id
    words = set(re.findall(r"[A-Za-z0-9]+", purpose))
    # the purpose's part is its words, never one cut short ("bulungankab.exampl")
    assert all(w in words for w in match[1].split(".")[3:]), message_id
