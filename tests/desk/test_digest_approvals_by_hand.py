"""The managers' digest says an approval made at the command line as the desk officer's, never as the managers'
("disetujui pimpinan"): the outcome is "disetujui" or "disetujui sebagian", and who decided follows it in "(oleh
...)"."""

from __future__ import annotations

import pytest

from mailbot import actions
from mailbot.store import repo
from mailbot.watch import build_digest
from tests.desk.desk12 import GMAIL, Desk12, held_for_managers, send_answer
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _line(d: Desk12, reference: str = "BLK-2026-0001") -> str:
    _, text, _ = build_digest(d.desk)
    [line] = [line for line in text.splitlines() if line.startswith(f"- {reference}")]
    return line


def _approve_by_hand(d: Desk12, quantity: int) -> None:
    with d.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        concerns = actions.approval_concerns(session, d.desk, req, quantity)
        actions.approve(session, d.desk, req, quantity, actor="Kabid Dafduk", via="cli",
                        reason="sesuai rapat" if concerns else None, concerns=concerns)


@pytest.mark.parametrize(("quantity", "said"), [(3500, "disetujui 3.500 (oleh "),
                                                (1000, "disetujui sebagian 1.000 (oleh ")])
def test_an_approval_at_the_command_line_is_not_called_the_managers(desk12: Desk12, quantity: int,
                                                                     said: str) -> None:
    held_for_managers(desk12)  # Nunukan asks 3.500
    _approve_by_hand(desk12, quantity)
    line = _line(desk12)
    assert said in line and "Kabid Dafduk" in line, line
    # was "disetujui pimpinan 3.500 (oleh ...)", "disetujui sebagian oleh pimpinan 1.000 (oleh ...)"
    assert "pimpinan" not in line.split("(oleh ")[0], line


def test_a_managers_approval_by_mail_names_the_manager(desk12: Desk12) -> None:
    _, held = held_for_managers(desk12)
    send_answer(desk12, MANAGERS[0], held, "SETUJU 2.000", above=GMAIL)
    line = _line(desk12)
    assert f"disetujui sebagian 2.000 (oleh {MANAGERS[0]}" in line.replace("pimpinan (", ""), line
    assert "melalui email" in line, line
