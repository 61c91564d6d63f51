"""A digest a phone can show: hundreds of held requests, each linked to all the earlier ones, and hundreds of
decisions make a digest of bounded size, the lists cut to the longest-waiting with "dan N lainnya", and the
linked requests counted rather than listed."""

from __future__ import annotations

from datetime import datetime, timedelta

from mailbot.digest import LIST_LINES, RequestSummary, WaitingRequest, build_digest_view, reason_words, render_digest
from mailbot.render import make_environment
from tests.test_digest_render import NOW, TEMPLATES, status

HELD = 400


def _reference(n: int) -> str:
    return f"BLK-2026-{n:04}"


def test_four_hundred_held_requests_make_a_digest_a_phone_can_show() -> None:
    """Was: 402 held requests, each "terkait dengan" every earlier one, gave a 5.717.688-byte digest mail."""
    waiting = [WaitingRequest(_reference(n), "Kabupaten Nunukan", "ktp-el", NOW - timedelta(hours=HELD - n), 3000, None,
                              reason_words([{"code": "sender_unknown"}, {
                                  "code": "open_request", "references": ", ".join(map(_reference, range(1, n)))}]))
               for n in range(1, HELD + 1)]
    decisions = [RequestSummary(_reference(n), "Kabupaten Nunukan", "ktp-el", datetime(2026, 11, 26, 8) +
                                timedelta(minutes=n), 3000, "hold", None, ("sender_unknown",))
                 for n in range(1, HELD + 1)]
    view = build_digest_view(status(), office_name="Disdukcapil Provinsi Kalimantan Utara", now=NOW,
                             since=datetime(2026, 11, 26, 7), decisions=decisions, waiting=waiting,
                             reserve={"ktp-el": 5000}, working_days=[0, 1, 2, 3, 4], silent_working_days=2,
                             held_request_hours=24, items=("ktp-el",))
    subject, text, html = render_digest(view, make_environment(TEMPLATES))
    assert len(text.encode()) < 30_000 and len(html.encode()) < 90_000, (len(text.encode()), len(html.encode()))
    assert subject == "Ringkasan blangko 27 Nov: 400 perlu keputusan, 1 kritis, 1 menipis"
    assert "== Menunggu keputusan Bapak/Ibu (400) ==" in text
    assert f"- dan {HELD - LIST_LINES} permohonan lainnya yang menunggu lebih singkat" in text
    assert f"dan {HELD - LIST_LINES} permohonan dan keputusan lainnya sesudahnya" in html
    assert text.count("BLK-2026-0001 Kabupaten Nunukan") == 2  # the longest-waiting one is shown, in both lists
    assert "terkait dengan 19 permohonan lain (a.l. BLK-2026-0018, BLK-2026-0019)" in text
