"""A manager's decision on a held request, on the real SQLite desk in process over the Maildir defaults: the district's
decision mail shows the policy's arithmetic and proposal, never the held notice's "menunggu keputusan pimpinan"."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import NUNUKAN, Desk12, held_reply
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize("command", ["SETUJU", "SETUJU 3.000"])
def test_the_decision_mail_no_longer_says_it_waits_for_the_managers(desk12: Desk12, command: str) -> None:
    held_reply(desk12)
    [notice] = [o for o in desk12.out() if sorted(o.to) == sorted(MANAGERS) and "SETUJU" in o.text]
    assert "menunggu keputusan pimpinan karena" in notice.text  # the managers are told why it waits
    desk12.send(MANAGERS[0], "Re: " + notice.subject, f"{command}\n\nTerima kasih", in_reply_to=notice.message_id)
    [decided] = [o for o in desk12.out() if o.to == [NUNUKAN] and "DISETUJUI" in o.text]
    assert "diputuskan oleh pimpinan" in decided.text
    assert "menunggu keputusan pimpinan" not in decided.text, decided.text
    assert "- diusulkan " in decided.text  # the proposal the managers weighed stays
