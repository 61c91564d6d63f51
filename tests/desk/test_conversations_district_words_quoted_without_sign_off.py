"""The district's words the desk quotes to the managers (an appeal, a reminder, a cancellation asked, an approval
lowered to a smaller ask) and to the queue are its words only: the sign-off below them ("Salam, / Seksi PIAK
Disdukcapil ...", "Hormat kami, / <name> / NIP ...") is left out, on the real SQLite desk in process."""

from __future__ import annotations

import pytest

from mailbot import actions
from mailbot.store import repo
from tests.desk.desk12 import (
    BULUNGAN,
    GMAIL,
    MALINAU,
    MANAGERS,
    NUNUKAN,
    REQUEST,
    Desk12,
    answer_gmail,
    approved,
    flat,
    held_for_managers,
    send_answer,
)

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

SIGN_OFFS = {
    "office": "\n\nSalam,\nSeksi PIAK Disdukcapil {name}",
    "name_and_nip": "\n\nHormat kami,\nRina Wulandari, S.Kom\nNIP 19850312 201001 2 004",
}


def _signed(words: str, sign_off: str, name: str) -> str:
    return words + SIGN_OFFS[sign_off].format(name=name)


def _quoted_only(text: str, words: str) -> None:
    """*text* quotes *words* and none of the sign-off below them."""
    assert flat(words) in flat(text), text
    for signature in ("Seksi PIAK", "NIP 19850312", "Rina Wulandari", "Salam,", "Hormat kami,\nRina"):
        assert signature not in text, text


def _queue_details(d: Desk12, message_id: str) -> list[str]:
    return [r[0] for r in d.db().execute(
        "select a.detail from attention_items a join messages m on m.id = a.message_pk where m.message_id = ?",
        (message_id,))]


@pytest.mark.parametrize("sign_off", SIGN_OFFS)
def test_an_appeal_of_a_rejection_quotes_the_district_without_its_sign_off(desk12: Desk12, sign_off: str) -> None:
    mid, _ = desk12.send(MALINAU, "Permohonan blangko KTP-el", REQUEST.format(stock="900", asked="1.200",
                                                                              name="Malinau"))
    with desk12.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        actions.reject(session, desk12.desk, req, "stok provinsi diprioritaskan untuk perbatasan", actor="operator",
                       via="cli")
    [rejection] = [o for o in desk12.replies_to(mid) if "TIDAK DAPAT KAMI SETUJUI" in o.text]
    words = "Mohon maaf pak, apakah keputusan ini masih bisa ditinjau lagi? Blangko kami tinggal 100 keping."
    told_before = len(desk12.to_managers())
    _, outcome = send_answer(desk12, MALINAU, rejection, _signed(words, sign_off, "Kabupaten Malinau"))
    assert outcome == {"follow-up-appealed": 1}, outcome
    [notice] = [o for o in desk12.to_managers()[told_before:] if o.purpose.startswith("appeal:")]
    # was: "... tinggal 100 keping. Salam, Seksi PIAK Disdukcapil Kabupaten Malinau" as the district's words
    _quoted_only(notice.text, words)


@pytest.mark.parametrize("sign_off", SIGN_OFFS)
def test_a_reminder_quotes_the_district_without_its_sign_off(desk12: Desk12, sign_off: str) -> None:
    approved(desk12)
    words = "Pak, permohonan blangko kami kemarin sampai mana ya? Belum ada kabar dari provinsi."
    mid, outcome = desk12.send(BULUNGAN, "Blangko KTP-el", _signed(words, sign_off, "Kabupaten Bulungan"))
    assert outcome == {"reminder": 1}, outcome
    [notice] = [o for o in desk12.to_managers() if o.purpose.startswith("reminder:")]
    _quoted_only(notice.text, words)
    [detail] = _queue_details(desk12, mid)
    _quoted_only(detail, words)


@pytest.mark.parametrize("sign_off", SIGN_OFFS)
def test_a_cancellation_asked_after_approval_quotes_the_district_without_its_sign_off(desk12: Desk12,
                                                                                     sign_off: str) -> None:
    reply = approved(desk12)
    words = "Pak, mohon permohonan kami dibatalkan saja, kegiatan perekaman diundur ke tahun depan."
    told_before = len(desk12.to_managers())
    answer_gmail(desk12, reply, _signed(words, sign_off, "Kabupaten Bulungan"))
    [notice] = [o for o in desk12.to_managers()[told_before:] if o.purpose.startswith("cancel")]
    _quoted_only(notice.text, words)


@pytest.mark.parametrize("sign_off", SIGN_OFFS)
def test_an_approval_lowered_to_the_districts_ask_quotes_it_without_its_sign_off(desk12: Desk12,
                                                                                 sign_off: str) -> None:
    _, held = held_for_managers(desk12)  # Nunukan 3.500
    n = len(desk12.out())
    _, outcome = send_answer(desk12, MANAGERS[0], held, "SETUJU 3.000", above=GMAIL)
    assert outcome == {"manager-approve": 1}, outcome
    [told] = [o for o in desk12.out()[n:] if NUNUKAN in o.to]
    words = "Ralat pak, ternyata kami cukup 2.500 keping saja."
    send_answer(desk12, NUNUKAN, told, _signed(words, sign_off, "Kabupaten Nunukan"), above=GMAIL)
    assert (desk12.request()["state"], desk12.request()["approved"]) == ("approved", 2500)
    [notice] = [o for o in desk12.to_managers() if o.purpose.startswith("lowered:")]
    _quoted_only(notice.text, words)


@pytest.mark.parametrize("sign_off", SIGN_OFFS)
def test_a_question_waits_in_the_queue_without_its_sign_off(desk12: Desk12, sign_off: str) -> None:
    reply = approved(desk12)
    words = "Pak, apakah blangko KTP-el bisa kami ambil sendiri ke gudang provinsi minggu depan?"
    mid, _ = answer_gmail(desk12, reply, _signed(words, sign_off, "Kabupaten Bulungan"))
    [detail] = _queue_details(desk12, mid)
    _quoted_only(detail, words)
