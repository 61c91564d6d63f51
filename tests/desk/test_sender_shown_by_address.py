"""A request whose From has a display name of bytes no charset decodes still shows the address its mail was read
from, in `mailbot requests` and the heading of `mailbot history`, never "-"."""

from __future__ import annotations

import pytest

from mailbot.history import story
from mailbot.runners import process_inbox
from mailbot.transports.maildir import MaildirInbox, deliver
from mailbot.views import REQUEST_COLUMNS, request_rows
from tests.desk.desk12 import Desk12

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

TANA_TIDUNG = "disdukcapil@tanatidungkab.example"


def test_the_address_is_shown_when_the_display_name_cannot_be_decoded(desk12: Desk12) -> None:
    raw = (b"From: \xff\xfeOperator \xc3\x28 <" + TANA_TIDUNG.encode() + b">\r\n"
           b"To: blangko@disdukcapil.kaltaraprov.example\r\nSubject: Permohonan blangko KTP-el\r\n"
           b"Date: Fri, 04 Dec 2026 11:20:00 +0800\r\nMessage-ID: <tt-0412@tanatidungkab.example>\r\n"
           b"Content-Type: text/plain; charset=utf-8\r\n\r\n"
           b"Yth. Disdukcapil Provinsi,\r\nsisa stok blangko KTP-el kami 240 keping, mohon tambahan 1.200 keping.\r\n"
           b"\r\nDisdukcapil Kabupaten Tana Tidung\r\n")
    deliver(desk12.inbox, raw)
    process_inbox(desk12.desk, MaildirInbox(desk12.inbox, size_limit=desk12.desk.config.guards.max_message_bytes))
    [row] = request_rows(desk12.desk, limit=10, open_only=False)
    shown = dict(zip(REQUEST_COLUMNS, row, strict=True))
    assert (shown["reference"], shown["sender"]) == ("BLK-2026-0001", TANA_TIDUNG)
    with desk12.desk.sessions() as session:
        heading, _ = story(session, "BLK-2026-0001")
    assert heading.endswith(f"from {TANA_TIDUNG}"), heading
