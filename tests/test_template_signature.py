"""The acknowledgement's closing stands apart: a blank line before "Hormat kami," whether or not the mail says why
a person reads it (trim_blocks ate the line break after the sentence that ended in a block tag)."""

from __future__ import annotations

import pytest

from mailbot.render import make_environment, render
from tests.test_template_lines import COMMON, TEMPLATES


@pytest.mark.parametrize("why", [None, "report_fixed", "forwarded"])
def test_the_acknowledgement_has_a_blank_line_before_its_closing(why: str | None) -> None:
    set_aside = [{"district": "Kabupaten Bulungan", "item": "ktp-el", "before": 750, "after": 400}]
    context = {**COMMON, "why": why, "set_aside": set_aside, "request_item": "ktp-el"}
    text = render(make_environment(TEMPLATES), "reply_will_read", **context).text
    before, closing, _ = text.partition("Hormat kami,")
    assert closing and before.endswith(".\n\n") and not before.endswith("\n\n\n"), repr(text)
