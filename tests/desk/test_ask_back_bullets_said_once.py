"""A district's mail whose figure the desk cannot read for more than one of its roles, on the real SQLite desk in
process ("sekitar 1.4oo-1.8oo keping"): the district is asked about that figure once, never the same bullet twice."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import MALINAU, Desk12

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def test_a_figure_unread_for_two_roles_is_asked_about_once(desk12: Desk12) -> None:
    mid, _ = desk12.send(MALINAU, "Usulan blangko", "Selamat pagi pak,\nmohon dikirim blangko ktp el kira2 "
                         "1.4oo-1.8oo keping ya pak, stok di gudang tinggal 30an.\n\nOperator Malinau")
    [reply] = desk12.replies_to(mid)
    bullets = [line for line in reply.text.splitlines() if line.startswith("- ")]
    assert bullets, reply.text
    assert len(bullets) == len(set(bullets)), reply.text
