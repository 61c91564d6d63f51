"""What the desk's replies and digest say in a conversation, on the real SQLite desk in process over the Maildir
defaults: a reply stating a change shows what was understood with its quote; a combined receipt shows both blanks'
figures; a quote is a whole sentence or clause; a manager's queue item names the manager; a stock below zero is
asked back."""

from __future__ import annotations

import re

import pytest

from mailbot import actions, attention
from mailbot.store import repo
from tests.desk.desk12 import BULUNGAN, NUNUKAN, REQUEST, Desk12, approved, client_quote, held_reply
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

UNDERSTOOD = "Yang kami pahami dari email Bapak/Ibu:"
CHECK = "Apabila ada angka yang keliru, mohon balas email ini dengan angka yang benar."


def _quotes(text: str) -> list[str]:
    return re.findall(r'\(tertulis: "(.*?)"\)$', text, re.MULTILINE)


def _whole(quote: str, body: str) -> bool:
    """Whether *quote* is a whole sentence or clause of *body*: it starts at the start of one and ends at an end."""
    flat = " ".join(body.split())
    at = flat.find(quote)
    if at < 0:
        return False
    before, after = flat[:at].rstrip(), flat[at + len(quote):]
    starts = not before or before[-1] in ".,;:!?"
    ends = not after or after[0] in ".,;!?" or (after[0] == " " and quote[-1] in ".,;!?")
    return starts and ends


@pytest.mark.parametrize("style", ["gmail", "marked", "outlook_id"])
@pytest.mark.parametrize("top", [True, False], ids=["top", "bottom"])
def test_a_correction_alone_no_request_by_its_words_shows_what_was_understood(desk12: Desk12, style: str,
                                                                            top: bool) -> None:
    reply = approved(desk12)
    new = "Koreksi: kami cukup 1.700 keping, bukan 2.000.\n\nSalam,\nRosmini"
    quoted, _ = client_quote(reply, style)
    body = f"{new}\n\n{quoted}\n" if top or style == "outlook_id" else f"{quoted}\n\n{new}\n"
    mid, outcome = desk12.send(BULUNGAN, "Re: " + reply.subject, body, in_reply_to=reply.message_id)
    assert outcome == {"follow-up-request-approved": 1}
    assert (desk12.request()["requested"], desk12.request()["approved"]) == (1700, 1700)
    [told] = desk12.replies_to(mid)
    assert "- Jumlah yang dimohon: 2.000 keping menjadi 1.700 keping" in told.text
    assert UNDERSTOOD in told.text and CHECK in told.text
    assert '- Jumlah yang dimohon: 1.700 keping (tertulis: "Koreksi: kami cukup 1.700 keping, bukan 2.000")' \
        in told.text.splitlines()


def test_a_combined_receipt_shows_both_blanks_figures_understood(desk12: Desk12) -> None:
    reply = approved(desk12)
    with desk12.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        actions.dispatch(session, desk12.desk, req, actor="operator", via="cli")
    quoted, _ = client_quote(reply, "gmail")
    mid, outcome = desk12.send(BULUNGAN, "Re: " + reply.subject,
                               "Blangko KTP-el sebanyak 2.000 keping dan blangko KIA sebanyak 300 keping sudah kami "
                               f"terima dengan baik.\n\n{quoted}\n", in_reply_to=reply.message_id)
    assert outcome == {"receipt": 1}
    [told] = desk12.replies_to(mid)
    lines = told.text.splitlines()
    said = "Blangko KTP-el sebanyak 2.000 keping dan blangko KIA sebanyak 300 keping sudah kami terima dengan baik"
    assert f'- Jumlah yang diterima (blangko KTP-el): 2.000 keping (tertulis: "{said}")' in lines
    assert f'- Jumlah yang diterima (blangko KIA): 300 keping (tertulis: "{said}")' in lines


@pytest.mark.parametrize("new", [
    "Correction: our remaining stock is 400 pieces, not 750, and we need 1,500 blanks, not 2,000.\nThank you.",
    "Mohon maaf pak, setelah kami hitung ulang di gudang bersama petugas pencetakan dan operator perekaman, sisa "
    "stok blangko KTP-el kami ternyata tinggal 400 keping saja, bukan 750 keping seperti yang kami tulis kemarin "
    "karena ada yang sudah terpakai untuk pelayanan jemput bola di kecamatan, sehingga kebutuhan kami menjadi "
    "1.500 keping, bukan 2.000 keping.",
], ids=["english", "long_sentence"])
def test_every_quote_of_a_reply_is_a_whole_sentence_or_clause(desk12: Desk12, new: str) -> None:
    reply = approved(desk12)
    quoted, _ = client_quote(reply, "gmail")
    mid, outcome = desk12.send(BULUNGAN, "Re: " + reply.subject, f"{new}\n\n{quoted}\n",
                               in_reply_to=reply.message_id)
    assert list(outcome) == ["follow-up-request-held"] or list(outcome) == ["follow-up-request-approved"]
    [told] = desk12.replies_to(mid)
    quotes = _quotes(told.text)
    assert len(quotes) == 2, told.text
    for quote in quotes:
        assert _whole(quote, new), quote
        assert len(quote) <= 200


def test_a_managers_queue_item_names_the_manager_in_the_digest(desk12: Desk12) -> None:
    mid, first = desk12.send(NUNUKAN, "Permohonan tambahan blangko KTP-el",
                             REQUEST.format(stock=300, asked="6.000 (enam ribu)", name="Nunukan"),
                             date="Tue, 01 Dec 2026 08:00:00 +0800")
    assert first == {"request-held": 1}
    [notice] = [o for o in desk12.out() if o.purpose.startswith("held:")]
    quoted = "\n".join(f"> {line}" for line in notice.text.splitlines())
    asked, got = desk12.send(MANAGERS[0], "Re: " + notice.subject,
                             f"Mohon dicek dulu stok gudang provinsi sebelum saya putuskan.\n\n{quoted}\n",
                             in_reply_to=notice.message_id)
    assert got == {"manager-other+queued": 1}
    with desk12.desk.sessions.begin() as session:
        view = attention.digest_lines(session, desk12.desk, desk12.desk.now())
    lines = view["lines"]
    assert isinstance(lines, list)
    [line] = [x for x in lines if x["reason"] == attention.REASONS["manager_other"]]
    assert line["district_name"] == f"pimpinan ({MANAGERS[0]}) tentang Kabupaten Nunukan"
    assert all(x["district_name"] not in ("-", "") for x in lines)


def test_a_stock_below_zero_is_asked_back_in_the_thread(desk12: Desk12) -> None:
    reply = approved(desk12)
    quoted, _ = client_quote(reply, "gmail")
    mid, outcome = desk12.send(BULUNGAN, "Re: " + reply.subject,
                               "Ralat: sisa stok kami -120 keping (kami sudah meminjam dari Tanjung Selor), bukan 750."
                               f"\n\n{quoted}\n", in_reply_to=reply.message_id)
    assert outcome == {"follow-up-clarify": 1}
    req = desk12.request()
    assert (req["stock_on_hand"], req["requested"], req["approved"], req["state"]) == (750, 2000, 2000, "approved")
    [asked] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in asked.subject and asked.to == [BULUNGAN]
    assert "tertulis kurang dari nol (minus)" in asked.text and "-120 keping" in asked.text
    assert "akan dibaca serta ditindaklanjuti" not in asked.text  # not the generic acknowledgement
    assert desk12.db().execute("select count(*) from requests").fetchone()[0] == 1


@pytest.mark.parametrize("words", [
    "Mohon maaf pak, permohonan kami batalkan karena stok kami ternyata masih mencukupi.",
    "Permohonan ini tidak jadi pak, terima kasih.",
    "Mohon dibatalkan saja permohonan kami.",
    "Please cancel our request, our stock turned out to be enough.",
])
def test_a_district_cancelling_a_request_waiting_for_a_manager_cancels_it(desk12: Desk12, words: str) -> None:
    _, reply = held_reply(desk12)
    quoted = "\n".join(f"> {line}" for line in reply.text.splitlines())
    before = {o.message_id for o in desk12.out()}
    mid, outcome = desk12.send(NUNUKAN, "Re: " + reply.subject, f"{words}\n\n{quoted}\n",
                               in_reply_to=reply.message_id)
    assert outcome == {"follow-up-cancelled": 1}
    req = desk12.request()
    assert req["state"] == "cancelled"
    assert desk12.db().execute("select count(*) from requests").fetchone()[0] == 1
    assert desk12.db().execute("select outcome from decisions where request_pk = ? order by id desc limit 1",
                               (req["id"],)).fetchone()[0] == "cancel"
    assert not desk12.queue(mid)
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in told.subject and told.to == [NUNUKAN]
    assert "telah kami BATALKAN" in told.text
    new = [o for o in desk12.out() if o.message_id not in before and o is not told]
    [notice] = [o for o in new if o.purpose.startswith("cancelled:")]
    assert sorted(notice.to) == sorted(MANAGERS) and "TIDAK LAGI menunggu keputusan" in notice.text
    # a manager's SETUJU afterwards decides nothing
    approve, got = desk12.send(MANAGERS[0], "Re: " + notice.subject, "SETUJU", in_reply_to=notice.message_id)
    assert desk12.request()["state"] == "cancelled"


@pytest.mark.parametrize("dispatched", [False, True], ids=["approved", "dispatched"])
def test_a_district_cancelling_an_approved_request_goes_to_a_person(desk12: Desk12, dispatched: bool) -> None:
    reply = approved(desk12)
    if dispatched:
        with desk12.desk.sessions.begin() as session:
            req = repo.request_by_reference(session, "BLK-2026-0001")
            assert req is not None
            actions.dispatch(session, desk12.desk, req, actor="operator", via="cli")
    quoted, _ = client_quote(reply, "gmail")
    mid, outcome = desk12.send(BULUNGAN, "Re: " + reply.subject,
                               f"Mohon maaf pak, permohonan kami batalkan karena ada kiriman dari pusat.\n\n{quoted}\n",
                               in_reply_to=reply.message_id)
    assert outcome == {"follow-up-cancel-asked": 1}
    req = desk12.request()
    assert req["state"] == ("dispatched" if dispatched else "approved") and req["approved"] == 2000
    assert desk12.queue(mid) == {"cancellation"}
    assert desk12.db().execute("select count(*) from audit where action = 'cancel-asked' and target = ?",
                               ("BLK-2026-0001",)).fetchone()[0] == 1
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in told.subject and told.to == [BULUNGAN]
    assert "akan menanganinya langsung" in told.text
    [notice] = [o for o in desk12.out() if o.purpose.startswith("cancel-asked:")]
    assert set(MANAGERS) <= set(notice.to) and "meminta agar permohonan BLK-2026-0001" in notice.text


def test_a_cancellation_in_a_mail_of_its_own_finds_the_open_request(desk12: Desk12) -> None:
    held_reply(desk12)
    mid, outcome = desk12.send(NUNUKAN, "Pembatalan permohonan blangko",
                               "Dengan hormat, permohonan blangko KTP-el kami tanggal 1 Desember mohon dibatalkan.")
    assert outcome == {"follow-up-cancelled": 1}
    assert desk12.request()["state"] == "cancelled"
    assert len(desk12.replies_to(mid)) == 1


@pytest.mark.parametrize("words", ["Mohon pengiriman jangan dibatalkan pak.",
                                   "Apakah permohonan kami bisa dibatalkan?"])
def test_words_of_cancelling_denied_or_asked_cancel_nothing(desk12: Desk12, words: str) -> None:
    _, reply = held_reply(desk12)
    quoted = "\n".join(f"> {line}" for line in reply.text.splitlines())
    desk12.send(NUNUKAN, "Re: " + reply.subject, f"{words}\n\n{quoted}\n", in_reply_to=reply.message_id)
    assert desk12.request()["state"] == "held"
