"""A district asking after the state of its request, on the real SQLite desk in process: the words that ask after
progress ("menanyakan perkembangan/kelanjutan", "izin bertanya perkembangan usulan ..., apakah sdh ada keputusan",
"mohon info", "bagaimana kabarnya"), with or without a question mark, in the request's thread or in a new mail, are a
reminder linked to the request, never a new request nor a correction of the figure asked to the figure they name; the
approval stands. A correction in so many words still is one."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import (
    BULUNGAN,
    MALINAU,
    NUNUKAN,
    Desk12,
    appealed_part,
    approved,
    flat,
    held_reply,
    send_answer,
)

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

ASKED_AFTER = [
    "Mohon maaf pak, izin menanyakan perkembangan permohonan tambahan 200 keping kami td 🙏 loket sdh mulai antri.",
    "Selamat siang pak, izin menanyakan kelanjutan permohonan tambahan 100 keping kami kemarin 🙏",
    "Mohon info kelanjutan permohonan tambahan 300 keping kami pak",
    "Yang tambahan 200 keping itu bagaimana kabarnya pak",
]


@pytest.mark.parametrize("words", ASKED_AFTER)
def test_progress_asked_of_an_approved_request_leaves_its_figures_and_approval(desk12: Desk12, words: str) -> None:
    reply = approved(desk12)
    mid, outcome = send_answer(desk12, BULUNGAN, reply, words)
    row = desk12.request()
    assert outcome == {"reminder": 1}
    assert (row["state"], row["requested"], row["approved"]) == ("approved", 2000, 2000)
    [told] = desk12.replies_to(mid)
    assert "menjadi" not in flat(told.text) and "Terima kasih atas koreksinya" not in told.text


@pytest.mark.parametrize("words", ASKED_AFTER[:2])
def test_progress_asked_of_an_appeal_keeps_the_figure_appealed(desk12: Desk12, words: str) -> None:
    appealed_part(desk12, "Kok cuma segitu pak, kami tetap perlu 1.800 keping. Mohon dipenuhi 1.800 ya pak.")
    row = desk12.request()
    assert (row["state"], row["requested"]) == ("held", 1800)
    [partial] = [o for o in desk12.out() if MALINAU in o.to][-1:]
    mid, outcome = send_answer(desk12, MALINAU, partial, words)
    row = desk12.request()
    assert outcome == {"reminder": 1}
    assert (row["state"], row["requested"]) == ("held", 1800)
    assert all("menjadi" not in flat(o.text) for o in desk12.replies_to(mid))


def test_a_correction_in_so_many_words_still_changes_the_figure(desk12: Desk12) -> None:
    reply = approved(desk12)
    send_answer(desk12, BULUNGAN, reply, "Ralat pak, yang kami mohon 1.500 keping saja, bukan 2.000.")
    row = desk12.request()
    assert (row["requested"], row["approved"]) == (1500, 1500)


HELD_ASKED_AFTER = [
    "Pagi pak, izin bertanya perkembangan usulan tambahan 6.000 keping dr Nunukan, apakah sdh ada keputusan "
    "pimpinan. Kami ditanya terus sama Pak Kadis",
    "mohon ijin bertanya perkembangan usulan tambahan blangko 6.000 keping dr Nunukan minggu lalu, apakah sdh ada "
    "keputusan pimpinan",
    "Izin bertanya perkembangan permohonan tambahan 6.000 keping kami, apakah sdh ada keputusan",
]


@pytest.mark.parametrize("words", HELD_ASKED_AFTER)
def test_progress_asked_of_a_held_request_is_a_reminder_not_a_new_request(desk12: Desk12, words: str) -> None:
    _, reply = held_reply(desk12)
    mid, outcome = send_answer(desk12, NUNUKAN, reply, words)
    assert outcome == {"reminder": 1}, outcome
    [row] = desk12.db().execute("select state, requested from requests").fetchall()
    assert (row["state"], row["requested"]) == ("held", 6000)
    assert all("permohonan tersendiri" not in flat(o.text) for o in desk12.replies_to(mid))


@pytest.mark.parametrize("words", HELD_ASKED_AFTER)
def test_progress_asked_in_a_new_mail_reminds_of_the_held_request(desk12: Desk12, words: str) -> None:
    held_reply(desk12)
    mid, outcome = desk12.send(NUNUKAN, "perkembangan usulan", words)
    assert outcome == {"reminder": 1}, outcome
    [row] = desk12.db().execute("select state, requested from requests").fetchall()
    assert (row["state"], row["requested"]) == ("held", 6000)
    assert all("permohonan tersendiri" not in flat(o.text) for o in desk12.replies_to(mid))
