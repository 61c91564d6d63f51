"""A district answering the desk from a phone mail app that quotes the desk's mail indented by a space under a
"Pada ... menulis:" header (wrapped, the address alone on its second line) and puts the district's words below the
quote, on the real SQLite desk in process over the Maildir defaults: the words below are read as they are under a
"> " quote. A cancellation holds the approval from dispatch, a protest of a part approval reaches the managers, a
receipt with a shortfall is booked and told, and a mail for a person shows its words in the queue."""

from __future__ import annotations

import pytest

from mailbot import actions
from mailbot.errors import InvalidAction
from mailbot.store import repo
from tests.desk.desk12 import BULUNGAN, MALINAU, REQUEST, Desk12, Out, approved, dispatched, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _phone_answer(d: Desk12, sender: str, mail: Out, words: str) -> tuple[str, dict[str, int]]:
    """*sender* answers the desk's *mail* from a phone: the app's header, the mail indented by a space, *words*."""
    header = (f"Pada Rab, 9 Des 2026 pada 7:58, Disdukcapil Provinsi Kalimantan Utara\n<{mail.msg['From']}> "
              "menulis:\n")
    indented = "".join(f" {line}\n" for line in mail.text.splitlines())
    body = f"Dikirim dari Yahoo Mail di Android\n\n{header}{indented}\n{words}\n"
    return d.send(sender, "Re: " + mail.subject, body, in_reply_to=mail.message_id)


def _dispatch(d: Desk12) -> None:
    with d.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        actions.dispatch(session, d.desk, req, actor="gudang", via="cli")


def test_a_cancellation_below_the_quote_holds_the_approval_from_dispatch(desk12: Desk12) -> None:
    reply = approved(desk12)
    mid, outcome = _phone_answer(desk12, BULUNGAN, reply, "Pak, mohon permohonan ini dibatalkan saja, stok kami "
                                                          "ternyata masih cukup.")
    assert any(r.startswith("cancellation") for r in desk12.queue(mid)), (outcome, desk12.queue(mid))
    with pytest.raises(InvalidAction, match="cancel"):
        _dispatch(desk12)
    # was: read as no request, report or receipt, and the approval of 2.000 dispatched
    assert desk12.request()["state"] == "approved"
    assert not [o for o in desk12.out() if o.purpose.startswith("dispatched:")]


def test_a_protest_of_a_part_approval_below_the_quote_reaches_the_managers(desk12: Desk12) -> None:
    mid, _ = desk12.send(MALINAU, "Permohonan blangko KTP-el", REQUEST.format(stock=500, asked="1.800", name="Malinau"))
    [partly] = desk12.replies_to(mid)
    assert "SEBAGIAN" in partly.text and desk12.request()["state"] == "approved"
    told_before = len(desk12.to_managers())
    protest, outcome = _phone_answer(desk12, MALINAU, partly, "Mohon maaf pak, kenapa hanya disetujui sebagian? "
                                                              "Kami tetap butuh 1.800 karena ada perekaman di sekolah.")
    assert desk12.request()["state"] == "held", outcome
    [notice] = desk12.to_managers()[told_before:]
    assert "perekaman di sekolah" in flat(notice.text), notice.text


def test_a_receipt_with_a_shortfall_below_the_quote_is_booked_and_the_managers_told(desk12: Desk12) -> None:
    notice = dispatched(desk12)
    before = desk12.on_hand()
    mid, outcome = _phone_answer(desk12, BULUNGAN, notice, "Blangko sudah kami terima 1.850 keping pak, kurang 150.")
    assert desk12.request()["state"] == "received", outcome
    assert desk12.on_hand() - before == 1850
    assert desk12.open_gaps() == [150]
    [managers] = [o for o in desk12.out() if "Selisih penerimaan" in o.subject]
    assert "kurang 150 keping" in managers.subject


def test_a_mail_for_a_person_below_the_quote_shows_its_words_in_the_queue(desk12: Desk12) -> None:
    notice = dispatched(desk12)
    words = "Pak, printer kartu kami rusak sejak kemarin, mohon arahan siapa yang bisa kami hubungi."
    mid, outcome = _phone_answer(desk12, BULUNGAN, notice, words)
    details = [r[0] for r in desk12.db().execute(
        "select a.detail from attention_items a join messages m on m.id = a.message_pk "
        "where a.closed_at is null and m.message_id = ?", (mid,))]
    assert details, outcome
    # was: only the subject, the words below the quote never read
    assert all("printer kartu kami rusak" in (d or "") for d in details), details
