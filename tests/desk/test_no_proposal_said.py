"""A proposal of 0 pieces is never shown as if 0 were offered: the held notice, the digest, `history` and the
requests table say there is no proposal and why."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.desk.conftest import mailbot
from tests.desk.mailkit import DISTRICT_SENDERS, MANAGERS, reference_of, request_replied, sent_mail

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def test_a_request_held_with_nothing_above_the_reserve_says_there_is_no_proposal(desk_dir: Path) -> None:
    # the province store brought down to its reserve (5.000): nothing above it can be proposed
    emptied = mailbot(desk_dir, "adjust", "province", "-61.000", "--reason", "dipindahkan")
    assert emptied.returncode == 0, emptied.stderr
    held = request_replied(desk_dir, "tk-empty", DISTRICT_SENDERS["65.71"],
                           "Dengan hormat, sisa stok blangko KTP-el kami 200 keping. Mohon tambahan 2.000 keping.\n")
    reference = reference_of(held)
    [notice] = [s for s in sent_mail(desk_dir) if sorted(s.to) == sorted(MANAGERS) and reference in s.subject]
    assert "Usulan sistem: belum ada usulan: stok provinsi di atas cadangan tidak mencukupi" in notice.text
    assert "Usulan sistem: 0" not in notice.text
    digest = " ".join(mailbot(desk_dir, "digest", "--print").stdout.split())
    assert "belum ada usulan: stok provinsi di atas cadangan tidak mencukupi" in digest
    assert "usulan 0" not in digest
    shown = mailbot(desk_dir, "history", reference).stdout
    assert "stock stated 200 no proposal: the province's stock above its reserve is not enough from " in " ".join(
        shown.split())
    assert "proposed 0" not in shown
    [row] = [line for line in mailbot(desk_dir, "requests", "--open").stdout.splitlines() if reference in line]
    assert "| no proposal" in row and "| 0 " not in row, row
