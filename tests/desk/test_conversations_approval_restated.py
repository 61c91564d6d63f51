"""A district's reply to an approval, not yet sent, that restates a figure, on the real SQLite desk in process, every
mail written fresh: an awaited figure other than the approved one changes nothing and the district is asked which
holds (before: "ditunggu kiriman 1.200 kepingnya" of 2.000 approved lowered the approval to 1.200, thanking the
district for its correction); the approved figure restated with a reason to hurry is a reminder (before: an appeal
that suspended the approval and sent the request back to the managers)."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, Desk12, approved, client_quote

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _answer(desk12: Desk12, words: str, style: str) -> tuple[str, dict[str, int]]:
    mail = approved(desk12)  # 2.000 asked and approved for Bulungan as BLK-2026-0001
    quote, _ = client_quote(mail, style)
    return desk12.send(BULUNGAN, "Re: " + mail.subject, f"{words}\n\n{quote}\n", in_reply_to=mail.message_id)


@pytest.mark.parametrize("words", ["Siap pak, makasih. Kami tunggu kiriman 1.500 kepingnya ya.",
                                   "Baik bu terima kasih, ditunggu 1.200 lembarnya."])
def test_an_awaited_figure_other_than_the_approved_one_changes_nothing(desk12: Desk12, words: str) -> None:
    mid, outcome = _answer(desk12, words, "gmail")
    req = desk12.request()
    assert (req["state"], req["requested"], req["approved"]) == ("approved", 2000, 2000), outcome
    [reply] = desk12.replies_to(mid)
    assert "koreksi" not in reply.text.lower(), reply.text


@pytest.mark.parametrize("words", [
    "Menindaklanjuti permohonan BLK-2026-0001 (2.000 keping), mohon segera dikirim pak karena antrean perekaman "
    "di kantor kami sudah panjang.",
    "Pak, yang 2.000 keping itu kapan bisa dikirim? Mohon dipercepat karena ada perekaman massal minggu depan.",
])
def test_the_approved_figure_restated_with_a_reason_to_hurry_is_a_reminder(desk12: Desk12, words: str) -> None:
    mid, outcome = _answer(desk12, words, "outlook_id")
    req = desk12.request()
    assert (req["state"], req["approved"]) == ("approved", 2000), outcome
    [reply] = desk12.replies_to(mid)
    assert "tangguhkan" not in reply.text and "dipertimbangkan kembali" not in reply.text, reply.text
