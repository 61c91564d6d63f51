"""Corrections that name the old figure as wrong, and unclear follow-ups always in the queue."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.desk.mailkit import (
    DISTRICT_SENDERS,
    Sent,
    answer_reply,
    open_queue,
    reference_of,
    replies_to,
    request_replied,
    request_row,
    run_once,
    write_eml,
)

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

MALINAU = DISTRICT_SENDERS["65.02"]
ASK = "Kami ingin meminta blangko KTP-el sebanyak 1.500 keping. Sisa stok blangko di kantor kami tinggal 350 keping.\n"


def _short_reply(desk_dir: Path, reply: Sent, name: str, text: str) -> None:
    """A reply quoting one line of mailbot's answer (as a phone client trims it)."""
    body = (f"{text}\n\nPada Sab, 5 Des 2026 10.30, {reply.msg['From']} menulis:\n"
            f"> Permohonan dengan nomor rujukan {reference_of(reply)} telah kami terima dan DISETUJUI sebanyak "
            "1.500 keping.\n")
    run_once(desk_dir, write_eml(desk_dir, f"{name}.eml", sender=MALINAU, subject=f"Re: {reply.subject}", body=body,
                                 message_id=f"<{name}@malinaukab.example>",
                                 extra_headers=f"In-Reply-To: {reply.message_id}\nReferences: {reply.message_id}\n"))


@pytest.mark.parametrize("text", [
    "Maaf pak, angka 1.500 itu keliru, seharusnya 1.200 keping saja.",
    "Angka 1.500 tadi salah ketik, mestinya 1.200 keping.",
    "Kami revisi permintaannya menjadi 1.200 keping saja pak.",
])
def test_a_correction_naming_the_old_figure_as_wrong_is_applied(desk_dir: Path, text: str) -> None:
    reply = request_replied(desk_dir, "ml-1", MALINAU, ASK)
    reference = reference_of(reply)
    assert request_row(desk_dir, reference)["requested"] == 1500
    _short_reply(desk_dir, reply, "ml-2", text)
    row = request_row(desk_dir, reference)
    assert (row["requested"], row["approved"]) == (1200, 1200)


def test_every_unclear_follow_up_reaches_the_queue_even_after_the_threads_one_acknowledgement(
        desk_dir: Path) -> None:
    tarakan = DISTRICT_SENDERS["65.71"]
    reply = request_replied(desk_dir, "tk-u1", tarakan, "Dengan hormat, sisa stok blangko KTP-el kami 900 keping. "
                                                        "Mohon tambahan 4.000 keping.\n")
    assert request_row(desk_dir, reference_of(reply))["state"] == "held"
    first = answer_reply(desk_dir, reply, "tk-u2", tarakan, "Mohon maaf, angkanya 700 keping.", "gmail")
    second = answer_reply(desk_dir, reply, "tk-u3", tarakan, "Mohon maaf, angkanya 600 keping.", "gmail")
    queue = open_queue(desk_dir)
    assert queue.get(first) == "doubt" and queue.get(second) == "doubt"
    assert len(replies_to(desk_dir, first)) == 1  # the thread's one note that a person reads it
