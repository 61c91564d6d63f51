"""What routing needs of the text a mail quotes or forwards is read with the mail and stored with it
(Message.quoted): the desk routes the mail right with its stored bytes blanked, so it never parses them again."""

from __future__ import annotations

import json

import pytest

from mailbot import pipeline
from tests.desk.desk12 import MALINAU, TARAKAN, Desk12, asked_back
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def blank_stored_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, each message's stored bytes are blanked once it is read and judged, before it is routed."""
    route = pipeline.route

    def route_without_bytes(session, desk, work) -> None:  # type: ignore[no-untyped-def]
        work.message.raw = b""
        route(session, desk, work)

    monkeypatch.setattr(pipeline, "route", route_without_bytes)


def _stored(desk12: Desk12, mid: str) -> tuple[bytes, object]:
    [row] = desk12.db().execute("select raw, quoted from messages where message_id = ?", (mid,)).fetchall()
    return row["raw"], json.loads(row["quoted"]) if row["quoted"] is not None else None


def test_an_answer_quoting_our_question_completes_the_request_asked_back(desk12: Desk12,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    asked_back(desk12)
    [asked] = [o for o in desk12.out() if TARAKAN in o.to]
    quoted = "\n".join(f"> {line}" if line else ">" for line in asked.text.splitlines())
    blank_stored_bytes(monkeypatch)
    mid, outcome = desk12.send(TARAKAN, "Re: Blanks request",
                               f"We need 850 blanks, stock is 175.\n\nOn Mon, Nov 30, 2026 at 9:05 AM "
                               f"{asked.msg['From']} wrote:\n{quoted}\n", date="Thu, 03 Dec 2026 08:00:00 +0800")
    rows = desk12.db().execute("select reference, requested, stock_on_hand, state from requests").fetchall()
    assert [tuple(r)[:3] for r in rows] == [("BLK-2026-0001", 850, 175)] and rows[0]["state"] != "clarifying", outcome
    assert _stored(desk12, mid) == (b"", {"references": ["BLK-2026-0001"]})


def test_a_managers_forward_waits_under_the_district_it_forwards(desk12: Desk12,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    blank_stored_bytes(monkeypatch)
    body = (f"Tolong diproses sesuai ketentuan ya.\n\n---------- Forwarded message ---------\nFrom: Disdukcapil "
            f"Malinau <{MALINAU}>\nDate: Sun, Dec 6, 2026 at 3:10 PM\nSubject: Permohonan blangko KTP-el\n"
            f"To: <{MANAGERS[0]}>\n\nDengan hormat, kami mohon dikirimi blangko KTP-el 1.000 keping, sisa stok kami "
            "400 keping.\n")
    mid, outcome = desk12.send(MANAGERS[0], "Fwd: Permohonan blangko KTP-el", body)
    assert outcome == {"manager-forward": 1}
    [(district, detail)] = desk12.db().execute("select a.district, a.detail from attention_items a join messages m "
                                               "on m.id = a.message_pk where m.message_id = ?", (mid,)).fetchall()
    assert district == "65.02" and "1.000 keping, sisa stok kami" in detail
    raw, quoted = _stored(desk12, mid)
    assert raw == b"" and isinstance(quoted, dict) and quoted["forwarded_from"] == MALINAU
