"""The operator's notices of a bounce and of a mail given up line their labels up: every "Label : value" line of
the block has its colon in the same column, the server's words ("Pesan server") included."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from mailbot.render import make_environment, render
from tests.test_template_lines import OFFICE, TEMPLATES

DESK_OFFICE = SimpleNamespace(**vars(OFFICE), operator="operator@kaltaraprov.example")

LABEL = re.compile(r"^  (\S[^:]*?) *:")

CONTEXTS = {
    "notice_bounce": dict(bounced_message_id="<1.2.3.reply.1@kaltaraprov.example>", bounced_to="a@b.example",
                          bounced_subject="Re: Permohonan", bounce_subject="Undelivered Mail Returned to Sender",
                          bounce_meaning="alamat penerima tidak dikenal", bounce_reason="550 5.1.1 User unknown",
                          bounce_from="mailer-daemon@b.example", bounce_forged=False, bounce_from_elsewhere=False,
                          bounce_advice="Mohon periksa alamatnya."),
    "notice_delivery_failed": dict(failed_message_id="<1.2.3.reply.1@kaltaraprov.example>", failed_to="a@b.example",
                                   failed_subject="Re: Permohonan", attempts=10, outbox_id=7,
                                   failure={"reason": "server menolak", "server_said": "550 5.1.1 User unknown"}),
}


@pytest.mark.parametrize("name", sorted(CONTEXTS))
def test_the_labels_of_a_notice_line_up(name: str) -> None:
    text = render(make_environment(TEMPLATES), name, office=DESK_OFFICE, **CONTEXTS[name]).text
    labelled = [line for line in text.splitlines() if LABEL.match(line)]
    assert any(line.lstrip().startswith("Pesan server") for line in labelled), text
    assert len({line.index(":") for line in labelled}) == 1, "\n".join(labelled)
