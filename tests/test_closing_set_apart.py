"""The closing of a reply ("Hormat kami,") stands apart from the last paragraph by one blank line, in every branch
of the reminder's answer (trim_blocks and "{%-" eat the line break after a paragraph that ends a block)."""

from __future__ import annotations

from datetime import date

import pytest

from mailbot.render import make_environment, render
from tests.test_template_lines import COMMON, TEMPLATES

WAITING = dict(COMMON, since=date(2026, 12, 1), state="held", state_text="menunggu keputusan pimpinan",
               linked_reference=None)
SENT = dict(WAITING, state="dispatched", state_text="telah dikirim", dispatched_on=date(2026, 12, 3))


@pytest.mark.parametrize(("context", "last"), [
    (dict(WAITING, escalated=True), "Pengingat ini telah kami teruskan kepada pimpinan agar permohonan Bapak/Ibu "
     "segera ditindaklanjuti. Kami akan menyampaikan perkembangannya melalui email."),
    (dict(WAITING, escalated=False), "Permohonan ini telah kami sampaikan kepada pimpinan sebelumnya, dan pengingat "
     "Bapak/Ibu kami catat bersama permohonan tersebut. Kami akan menyampaikan perkembangannya melalui email."),
    (dict(WAITING, escalated=False, stated_stock=350), "Sisa stok 350 keping yang Bapak/Ibu sampaikan telah kami "
     "catat."),
    (dict(SENT, escalated=True), "Setelah blangko diterima, mohon konfirmasi dengan membalas email ini dan "
     "menyebutkan jumlah yang diterima."),
], ids=["escalated", "told-before", "stock-stated", "dispatched"])
def test_the_reminders_answer_ends_its_last_paragraph_with_a_blank_line(context: dict[str, object],
                                                                         last: str) -> None:
    text = render(make_environment(TEMPLATES), "reply_reminder", **context).text
    assert f"{last}\n\nHormat kami," in text, text
    assert "\n\n\n" not in text, text
