"""`mailbot outbox retry` takes an outbox id; a request's reference typed there is refused with where the ids are."""

from __future__ import annotations

import pytest

from mailbot.cli_shared import outbox_id
from mailbot.errors import UsageError


@pytest.mark.parametrize("typed", ["BLK-2026-0001", "blk-2026-12", " 'BLK-2027-0042' ",
                                   # copied from a subject, with its brackets
                                   "[BLK-2026-0005]", "'[BLK-2026-0005]'"])
def test_a_request_reference_is_refused_with_where_outbox_ids_are_listed(typed: str) -> None:
    with pytest.raises(UsageError) as refused:
        outbox_id(typed)
    said = str(refused.value)
    assert said.startswith(f"{typed.strip()} is a request's reference, not an outbox id: ")
    assert "id column of `mailbot outbox list`" in said and "mailbot outbox retry 17" in said


def test_an_outbox_id_is_still_read() -> None:
    assert outbox_id(" 17") == 17
