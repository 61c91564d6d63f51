"""The operator's notices of a mail given up and of a bounce list their fields with the colons in one column,
"Pesan server" (the server's words, quoted) as the others, and the advice after them a paragraph of its own."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from mailbot.render import make_environment, render
from mailbot.undelivered import failure_said

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
OFFICE = SimpleNamespace(name="Disdukcapil Provinsi Kalimantan Utara", signature="Bidang Pelayanan Pendaftaran "
                         "Penduduk", operator="operator.blangko@disdukcapil.kaltaraprov.example")
CONTEXT: dict[str, dict[str, object]] = {
    "notice_delivery_failed": {"failed_message_id": "<r1@disdukcapil.kaltaraprov.example>",
                               "failed_to": "disdukcapil@bulungankab.example", "failed_subject": "[BLK-2026-0001]",
                               "attempts": 10, "failure": failure_said("550 5.1.1 <a@b.example>: no such user"),
                               "outbox_id": 7},
    "notice_bounce": {"bounced_message_id": "<r1@disdukcapil.kaltaraprov.example>",
                      "bounced_to": "disdukcapil@bulungankab.example", "bounced_subject": "[BLK-2026-0001]",
                      "bounce_subject": "Undelivered Mail Returned to Sender",
                      "bounce_meaning": "alamat penerima tidak dikenal", "bounce_reason": "550 5.1.1 no such user",
                      "bounce_from": "mailer-daemon@bulungankab.example", "bounce_forged": False,
                      "bounce_from_elsewhere": False, "bounce_advice": "Mohon periksa alamat tujuan."},
}


@pytest.mark.parametrize("name", sorted(CONTEXT))
def test_the_server_s_words_are_a_field_in_line_with_the_others(name: str) -> None:
    # was: "  Pesan server: ..." one column left of "  Sebab      : ..." (and of "  Sebab        : ...")
    text = render(make_environment(TEMPLATES), name, office=OFFICE, **CONTEXT[name]).text
    fields = [line for line in text.splitlines() if re.match(r"  [A-Z][\w -]*:", line)]
    assert any(line.startswith("  Pesan server") for line in fields), text
    assert len(fields) >= 5 and len({line.index(":") for line in fields}) == 1, "\n".join(fields)


def test_the_advice_after_the_fields_of_a_mail_given_up_is_a_paragraph_of_its_own() -> None:
    # was: '  Pesan server: "..."\nSetelah masalahnya diperbaiki, ...', the advice run into the fields
    name = "notice_delivery_failed"
    text = render(make_environment(TEMPLATES), name, office=OFFICE, **CONTEXT[name]).text
    assert 'no such user"\n\nSetelah masalahnya diperbaiki' in text, text
