"""Who decided, in the managers' digest: the same words as the district's and the managers' mail (a decision at
the command line by the desk's officer, never the login name; a manager as such; the district that cancelled)."""

from __future__ import annotations

import pytest

from mailbot import actions
from mailbot.store import repo
from mailbot.watch import build_digest
from tests.desk.desk12 import NUNUKAN, Desk12, flat, held_reply, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _line(d: Desk12, reference: str = "BLK-2026-0001") -> str:
    _, text, html = build_digest(d.desk)
    [line] = [line for line in text.splitlines() if line.startswith(f"- {reference}")]
    for page in (text, html):
        assert "root" not in page and "operator" not in page and "cli:" not in page
    return line


def test_a_rejection_at_the_command_line_is_the_desk_officers_not_the_login(desk12: Desk12) -> None:
    held_reply(desk12)
    with desk12.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        actions.reject(session, desk12.desk, req, "tunggu laporan harian", actor="cli:root", via="cli")
    line = _line(desk12)
    assert "ditolak (oleh petugas meja layanan blangko); alasan: tunggu laporan harian" in line, line


def test_a_district_that_cancels_its_request_is_named_as_the_district(desk12: Desk12) -> None:
    _, reply = held_reply(desk12)
    send_answer(desk12, NUNUKAN, reply, "Permohonan ini mohon dibatalkan saja, kami dapat pinjaman.")
    assert desk12.request()["state"] == "cancelled"
    line = _line(desk12)
    # was "dibatalkan (oleh kabupaten/kota (...)); alasan lain": brackets in brackets, and a reason said of nothing
    assert f"dibatalkan (oleh kabupaten/kota melalui email {NUNUKAN})" in line and "petugas" not in line, line
    assert "alasan lain" not in line and "((" not in line and "))" not in line, line


def test_a_new_ask_after_a_rejection_at_the_command_line_tells_the_managers_who_rejected_in_words(
        desk12: Desk12) -> None:
    mid, _ = held_reply(desk12)
    with desk12.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        actions.reject(session, desk12.desk, req, "tunggu laporan harian", actor="cli:root", via="cli")
    [rejected] = [o for o in desk12.replies_to(mid) if "TIDAK DAPAT KAMI SETUJUI" in o.text]
    told_before = len(desk12.to_managers())
    send_answer(desk12, NUNUKAN, rejected, "Baik pak, kalau begitu kami minta 600 keping saja dulu.")
    [notice] = desk12.to_managers()[told_before:]
    said = flat(notice.text)
    assert "yang ditolak oleh petugas meja layanan blangko (alasan: tunggu laporan harian)" in said, said
    assert "root" not in said
