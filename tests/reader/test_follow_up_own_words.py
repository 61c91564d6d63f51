"""A reply is read from the writer's own new words: the desk's standing closing it quotes ("Mohon konfirmasi ...
setelah blangko diterima, dengan menyebutkan jumlah yang diterima") never makes a figure a receipt, in any quoting
style; a receipt is one in the writer's own words; the rest of a shipment that has come is no stock."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mailbot.reader import read_message
from mailbot.reader.roles import asked_role
from tests.reader.conftest import DISTRICTS

DESK = "blangko@disdukcapil.kaltaraprov.example"
BULUNGAN = "disdukcapil@bulungankab.example"
SUBJECT = "[BLK-2026-0001] Permohonan tambahan blangko KTP-el"
# The desk's approval, as it closes every approval and dispatch notice.
APPROVAL = ("Yth. Bapak/Ibu Operator Disdukcapil Kabupaten Bulungan,\n\nTerima kasih atas permohonan blangko KTP-el "
            "yang Bapak/Ibu sampaikan. Permohonan dengan nomor rujukan BLK-2026-0001 telah kami terima dan DISETUJUI "
            "sebanyak 2.000 keping.\n\nBlangko akan kami siapkan untuk dikirim. Mohon konfirmasi melalui balasan email "
            "ini setelah blangko diterima, dengan menyebutkan jumlah yang diterima.\n\nHormat kami,\n"
            "Bidang Pelayanan Pendaftaran Penduduk")


def _marked(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.splitlines())


QUOTING: dict[str, Callable[[str], str]] = {
    "marked": _marked,
    "gmail": lambda t: f"Pada Sel, 1 Des 2026 pukul 08.05 {DESK} menulis:\n{_marked(t)}",
    "on_wrote": lambda t: f"On Tue, Dec 1, 2026 at 8:05 AM Desk Blangko <{DESK}> wrote:\n\n{_marked(t)}",
    "original_message": lambda t: (f"-----Original Message-----\nFrom: Desk Blangko <{DESK}>\nSent: Tuesday, "
                                   f"December 1, 2026 8:05 AM\nTo: {BULUNGAN}\nSubject: {SUBJECT}\n\n{t}"),
    "outlook_from_sent": lambda t: (f"________________________________\nFrom: Desk Blangko <{DESK}>\nSent: Tuesday, "
                                    f"December 1, 2026 8:05 AM\nTo: {BULUNGAN}\nSubject: {SUBJECT}\n\n{t}"),
    "pesan_asli": lambda t: (f"-----Pesan Asli-----\nDari: Desk Blangko <{DESK}>\nDikirim: Selasa, 1 Desember 2026 "
                             f"08.05\nKepada: {BULUNGAN}\nPerihal: {SUBJECT}\n\n{t}"),
    "pasted_unmarked": lambda t: t,
    "tab": lambda t: "\n".join(f"\t{line}" for line in t.splitlines()),
    "forwarded": lambda t: (f"---------- Forwarded message ---------\nFrom: Desk Blangko <{DESK}>\nDate: Tue, Dec 1, "
                            f"2026 at 8:05 AM\nSubject: {SUBJECT}\nTo: <{BULUNGAN}>\n\n{t}"),
}


def _mail(new: str, style: str, *, sender: str = BULUNGAN, html: bool = False) -> bytes:
    subject = ("Fwd: " if style == "forwarded" else "Re: ") + SUBJECT
    head = (f"From: {sender}\nTo: {DESK}\nSubject: {subject}\nDate: Wed, 02 Dec 2026 10:00:00 +0800\n"
            "Message-ID: <fu@bulungankab.example>\nMIME-Version: 1.0\n")
    plain = f"{new}\n\n{QUOTING[style](APPROVAL)}\n"
    if not html:
        return (head + "Content-Type: text/plain; charset=utf-8\n\n" + plain).encode()
    quoted = "".join(f"<div>{line}</div>" for line in APPROVAL.splitlines())
    markup = (f"<div>{new}</div><div class=\"gmail_quote\"><div>Pada Sel, 1 Des 2026 {DESK} menulis:</div>"
              f"<blockquote class=\"gmail_quote\">{quoted}</blockquote></div>")
    return (head + 'Content-Type: multipart/alternative; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8'
            f"\n\n{plain}\n--b\nContent-Type: text/html; charset=utf-8\n\n{markup}\n--b--\n").encode()


CORRECTIONS = ["Jumlah yang benar cukup 1.500 keping saja, bukan 2.000.",
               "Koreksi: cukup 1.500 keping saja, bukan 2.000.", "SETUJU 2.000\n\nmohon segera dikirim pak."]


@pytest.mark.parametrize("style", [*QUOTING, "html"])
@pytest.mark.parametrize("new", CORRECTIONS)
@pytest.mark.parametrize("sender", [BULUNGAN, "operator.bulungan@bulungankab.example"])
def test_the_desks_quoted_closing_never_makes_the_writers_figure_a_receipt(new: str, style: str, sender: str) -> None:
    v = read_message(_mail(new, "gmail" if style == "html" else style, sender=sender, html=style == "html"), DISTRICTS,
                     own_addresses=[DESK])
    assert v.kind != "receipt" and v.received is None, (v.kind, v.received, v.evidence)
    assert v.body_excerpt == new  # the follow-up is its new words only


@pytest.mark.parametrize("style", ["gmail", "original_message", "pasted_unmarked"])
@pytest.mark.parametrize(("new", "received"), [
    ("Blangko KTP-el sebanyak 2.000 keping sudah kami terima hari ini.", 2000),
    ("Blangko baru datang 1.000 keping, sisanya menyusul.", 1000),
])
def test_a_receipt_in_the_writers_own_words_is_still_a_receipt(new: str, received: int, style: str) -> None:
    v = read_message(_mail(new, style), DISTRICTS, own_addresses=[DESK])
    assert (v.kind, v.received) == ("receipt", received)


@pytest.mark.parametrize(("quoted", "role"), [
    # the standing closing asks for a later mail, once the blanks have come: no question this reply answers
    ("> mohon konfirmasi melalui balasan email ini setelah blangko diterima, dengan menyebutkan jumlah yang diterima.",
     None),
    ("> mohon dikonfirmasi sesudah blangkonya sampai, dengan menyebutkan jumlah yang diterima.", None),
    # the desk asking back for the count it could not find is a question, answered by a bare figure
    ("> - jumlah yang diterima belum kami temukan dalam email. mohon sebutkan angkanya.", "received"),
])
def test_a_closing_for_a_later_mail_is_no_question(quoted: str, role: str | None) -> None:
    assert asked_role(quoted) == role


def test_a_bare_count_answering_the_desks_question_for_it_is_still_read() -> None:
    asked = ("Pada Kam, 3 Des 2026 blangko@disdukcapil.kaltaraprov.example menulis:\n> - Jumlah yang diterima belum "
             "kami temukan dalam email. Mohon sebutkan angkanya.")
    raw = (f"From: {BULUNGAN}\nTo: {DESK}\nSubject: Re: {SUBJECT}\nMessage-ID: <a@bulungankab.example>\n"
           f"Content-Type: text/plain; charset=utf-8\n\n1.900 keping.\n\n{asked}\n").encode()
    v = read_message(raw, DISTRICTS, own_addresses=[DESK])
    assert (v.kind, v.received) == ("receipt", 1900)


@pytest.mark.parametrize(("text", "received"), [
    ("Sisanya 1.000 keping sudah sampai hari ini, jadi total sudah kami terima 2.000 keping.\nTerima kasih.", 2000),
    ("Sisanya 500 keping sudah sampai hari ini.\nTerima kasih.", None),
    ("Sisanya 1.000 keping juga sudah datang pak.", None),
    ("Kekurangannya 500 keping sudah kami terima kemarin.", None),
    ("Sisa kiriman 1.000 keping telah tiba, total 2.000 keping sudah kami terima.", 2000),
])
def test_the_rest_of_a_shipment_that_came_is_no_stock_and_no_count_of_its_own(text: str, received: int | None) -> None:
    raw = (f"From: {BULUNGAN}\nTo: {DESK}\nSubject: Re: {SUBJECT}\nMessage-ID: <r@bulungankab.example>\n"
           f"Content-Type: text/plain; charset=utf-8\n\n{text}\n").encode()
    v = read_message(raw, DISTRICTS, own_addresses=[DESK])
    assert (v.kind, v.stock_on_hand, v.received) == ("receipt", None, received)


@pytest.mark.parametrize(("text", "stock"), [
    ("Sisanya 1.000 keping belum sampai.", None),  # still on its way: no stock either (as before)
    ("sisa stok kami 300 keping, kiriman sudah sampai kemarin.", 300),  # the stock, then a word of its own
    ("Stok blangko kami sisanya 450 keping di gudang. Mohon tambahan 1.500 keping.", 450),
])
def test_a_stock_said_with_rest_words_is_still_the_stock(text: str, stock: int | None) -> None:
    raw = (f"From: {BULUNGAN}\nTo: {DESK}\nSubject: Permohonan\nMessage-ID: <s@bulungankab.example>\n"
           f"Content-Type: text/plain; charset=utf-8\n\n{text}\n").encode()
    assert read_message(raw, DISTRICTS, own_addresses=[DESK]).stock_on_hand == stock
