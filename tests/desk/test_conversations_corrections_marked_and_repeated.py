"""Corrections in the writer's other ways of marking them, on the real SQLite desk in process over the Maildir
defaults, every message written fresh: a figure typed on the quoted line after an arrow pointing on to it ("> -
Jumlah yang dimohon: 2.000 keping (...)  ==> revisi 2.400 kpg") is the writer's, read under the line's label; a
correction written only in the subject in other words ("(REVISI: 2.400 kpg)", "CORRECTION: 2,400 pcs not 2,000 -
Re: [BLK-…]", "-> mohon diubah 2.400 kpg" over "Sesuai subjek pak. Trims") updates the request as any correction;
the same correction sent again in other words soon after it was applied is a repeat, never a second change or a
second reply."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, NUNUKAN, REQUEST, Desk12, Out, approved, flat, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _marked(reply: Out, label: str, note: str) -> str:
    """The desk's *reply* quoted line by line (">"), the line opening with *label* carrying *note* at its end."""
    marked = "\n".join((f"> {line}{note}" if line.lstrip("- ").startswith(label) else f"> {line}") if line else ">"
                       for line in reply.text.splitlines())
    assert note in marked, reply.text
    return marked


def _held_reply(d: Desk12) -> Out:
    """Nunukan asks 3.500 (sisa 300), held for the managers; the desk's reply to Nunukan."""
    mid, outcome = d.send(NUNUKAN, "Permohonan tambahan blangko KTP-el",
                          REQUEST.format(stock=300, asked="3.500", name="Nunukan"))
    assert outcome == {"request-held": 1}, outcome
    [reply] = d.replies_to(mid)
    return reply


# a figure after an arrow pointing on from the quoted line it corrects --------------------------------------------

@pytest.mark.parametrize(("note", "words"), [
    ("  ==> revisi 2.400 kpg", "Pak, mohon maaf ada perubahan, lihat tanda panah di bawah."),
    (" -> 2.400 keping", "Pak, angkanya kami ubah, lihat di bawah ya."),
    (" \u2192 yg benar 2.400", "Koreksinya di bawah pak."),
], ids=["revisi-double-arrow", "bare-arrow", "unicode-arrow"])
def test_a_figure_after_an_arrow_on_the_quoted_line_corrects_it(desk12: Desk12, note: str, words: str) -> None:
    reply = approved(desk12)
    mid, outcome = desk12.send(BULUNGAN, "Re: " + reply.subject,
                               f"{words}\n\n{_marked(reply, 'Jumlah yang dimohon', note)}\n",
                               in_reply_to=reply.message_id)
    # was: "not a request, report or receipt" in the queue, a generic acknowledgement, the request still 2.000
    assert outcome == {"follow-up-request-approved": 1}, (outcome, desk12.queue(mid))
    assert (desk12.request()["requested"], desk12.request()["approved"]) == (2400, 2400)
    [told] = desk12.replies_to(mid)
    assert "2.000 keping menjadi 2.400 keping" in flat(told.text), told.text
    assert desk12.queue(mid) == set()


def test_a_figure_after_an_arrow_on_a_held_requests_quoted_line_corrects_it(desk12: Desk12) -> None:
    reply = _held_reply(desk12)
    mid, _ = desk12.send(NUNUKAN, "Re: " + reply.subject, "Pak, mohon maaf ada perubahan, lihat tanda panah di "
                         f"bawah.\n\n{_marked(reply, 'Jumlah yang dimohon', '  ==> revisi 2.500 kpg')}\n",
                         in_reply_to=reply.message_id)
    assert desk12.request()["requested"] == 2500, desk12.queue(mid)
    assert desk12.queue(mid) == set()


def test_an_arrow_on_the_stock_line_corrects_the_stock(desk12: Desk12) -> None:
    reply = approved(desk12)
    mid, _ = desk12.send(BULUNGAN, "Re: " + reply.subject,
                         f"Maaf pak, stoknya keliru.\n\n{_marked(reply, 'Sisa stok', ' => 500 keping')}\n",
                         in_reply_to=reply.message_id)
    assert (desk12.request()["requested"], desk12.request()["stock_on_hand"]) == (2000, 500), desk12.queue(mid)


# a correction written only in the subject, in other words ------------------------------------------------------

@pytest.mark.parametrize(("subject", "body"), [
    ("Re: {subject} (REVISI: 2.400 kpg)", "\n\nDikirim dari iPhone saya\n"),
    ("CORRECTION: 2,400 pcs not 2,000 - Re: {subject}", ""),
    ("Re: {subject} -> mohon diubah 2.400 kpg", "Sesuai subjek pak. Trims\n"),
    ("Re: {subject} -> mohon diganti 2.400 keping", "see subject, thanks\n"),
    ("Re: {subject} (ralat: jadi 2.400 keping)", "Sesuai subject ya bu 🙏\n"),
    ("Koreksi 2.400 bukan 2.000 - Re: {subject}", "--\nDikirim dari Samsung Mobile\n"),
], ids=["revisi-in-brackets", "english-not", "arrow-diubah", "arrow-diganti", "ralat-in-brackets", "koreksi-bukan"])
def test_a_correction_only_in_the_subject_updates_the_request(desk12: Desk12, subject: str, body: str) -> None:
    reply = approved(desk12)
    mid, outcome = desk12.send(BULUNGAN, subject.format(subject=reply.subject), body, in_reply_to=reply.message_id)
    # was: a generic acknowledgement and the mail in the queue ("not a request, report or receipt", "a figure still
    # in doubt"), the request still 2.000
    assert outcome == {"follow-up-request-approved": 1}, (outcome, desk12.queue(mid))
    assert desk12.request()["requested"] == 2400
    [told] = desk12.replies_to(mid)
    assert "BLK-2026-0001" in told.subject and "2.000 keping menjadi 2.400 keping" in flat(told.text), told.text


def test_a_body_with_words_of_its_own_beside_the_subject_pointer_is_read_as_written(desk12: Desk12) -> None:
    reply = approved(desk12)
    mid, _ = desk12.send(BULUNGAN, f"Re: {reply.subject} -> mohon diubah 2.400 kpg",
                         "Sesuai subjek pak, tapi mohon ditunda dulu pengirimannya.\n", in_reply_to=reply.message_id)
    assert desk12.request()["requested"] == 2000, desk12.queue(mid)


# the same correction sent again in other words is a repeat -------------------------------------------------------

@pytest.mark.parametrize(("first", "again"), [
    ("ralat pak, mohon 2.400 keping bukan 2.000.", "Ralat pak, 2.400 bukan 2.000 🙏"),
    ("Koreksi: yang benar 2.400 keping, bukan 2.000.", "maaf pak, mksdnya 2.400 ya bukan 2.000"),
    ("Correction: we need 2,400 blanks, not 2,000.", "Sorry, 2,400 not 2,000 please."),
], ids=["ralat-emoji", "koreksi-mksdnya", "english"])
def test_a_correction_sent_again_in_other_words_is_a_repeat(desk12: Desk12, first: str, again: str) -> None:
    reply = approved(desk12)
    applied, _ = send_answer(desk12, BULUNGAN, reply, first)
    assert desk12.request()["requested"] == 2400 and len(desk12.replies_to(applied)) == 1
    before = dict(desk12.request())
    n = len(desk12.out())
    mid, outcome = desk12.send(BULUNGAN, "Re: " + reply.subject, f"{again}\n", in_reply_to=reply.message_id)
    # was: a generic "akan dibaca" acknowledgement and the mail in the queue ("not a request, report or receipt")
    assert outcome == {"follow-up-confirmed": 1}, (outcome, desk12.queue(mid))
    assert dict(desk12.request()) == before
    assert desk12.out()[n:] == [] and desk12.queue(mid) == set()
    assert desk12.db().execute("select count(*) from audit where action = 'repeat'").fetchone()[0] == 1


def test_another_figure_after_a_correction_is_no_repeat(desk12: Desk12) -> None:
    reply = approved(desk12)
    send_answer(desk12, BULUNGAN, reply, "ralat pak, mohon 2.400 keping bukan 2.000.")
    mid, _ = desk12.send(BULUNGAN, "Re: " + reply.subject, "Ralat lagi pak, 2.600 bukan 2.400\n",
                         in_reply_to=reply.message_id)
    assert desk12.request()["requested"] == 2600, desk12.queue(mid)
    assert desk12.db().execute("select count(*) from audit where action = 'repeat'").fetchone()[0] == 0
