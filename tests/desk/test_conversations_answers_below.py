"""A district's follow-up that opens with the desk's own reply under a quote header of any client (Outlook's
"Dari:/Dikirim:", Gmail's "Pesan terusan", Lotus' "Diteruskan oleh", "-----Original Message-----", "Pada ...
menulis:") and puts its own words at the very bottom, below the desk's footer, is read from those words, on the real
SQLite desk in process over the Maildir defaults: the correction is applied in place and re-decided, one reply in the
thread; the desk's words above are never read as new."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, Desk12, Out, approved

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _header_first(reply: Out, style: str) -> str:
    """The desk's reply under a quote header, unmarked, as the client puts it first in the writer's mail."""
    text, desk, subject = reply.text, str(reply.msg["From"]), reply.subject
    if style == "outlook_web_id":
        return f"Dari: {desk}\nDikirim: Selasa, 01 Desember 2026 08.05\nKepada: {BULUNGAN}\nSubjek: {subject}\n\n{text}"
    if style == "gmail_pesan_terusan":
        return (f"---------- Pesan terusan ---------\nDari: {desk}\nDate: Sel, 1 Des 2026 08.05\nSubject: {subject}\n"
                f"To: <{BULUNGAN}>\n\n{text}")
    if style == "lotus_diteruskan":
        return (f"----- Diteruskan oleh Rosmini/Disdukcapil/Bulungan pada 02/12/2026 09:55 -----\n\n"
                f"Dari:\t{desk}\nKepada:\t{BULUNGAN}\nTanggal:\t01/12/2026 08:05\nPerihal:\t{subject}\n\n{text}")
    if style == "outlook_original_en":
        return (f"-----Original Message-----\nFrom: {desk}\nSent: Tuesday, December 1, 2026 8:05 AM\n"
                f"To: {BULUNGAN}\nSubject: {subject}\n\n{text}")
    if style == "pesan_asli":
        return (f"-----Pesan Asli-----\nDari: {desk}\nTerkirim: Selasa, 01 Desember 2026 08:05\n"
                f"Kepada: {BULUNGAN}\nPerihal: {subject}\n\n{text}")
    assert style == "pada_menulis_unmarked"
    return f"Pada Sel, 1 Des 2026 pukul 08.05 {desk} menulis:\n\n{text}"


STYLES = ("outlook_web_id", "gmail_pesan_terusan", "lotus_diteruskan", "outlook_original_en", "pesan_asli",
          "pada_menulis_unmarked")


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize(("correction", "field", "value"), [
    ("Mohon dikoreksi: kebutuhan kami 1.600 keping, bukan 2.000.", "requested", 1600),
    ("Koreksi: sisa stok kami 450 keping, bukan 750.\nSalam, Bulungan", "stock_on_hand", 450),
], ids=["requested", "stock"])
def test_a_correction_below_the_desks_footer_under_a_header_first_is_applied_in_place(
        desk12: Desk12, style: str, correction: str, field: str, value: int) -> None:
    reply = approved(desk12)
    body = f"{_header_first(reply, style)}\n\n\n{correction}\n"
    subject = ("Fwd: " if style == "gmail_pesan_terusan" else "Re: ") + reply.subject
    mid, outcome = desk12.send(BULUNGAN, subject, body, in_reply_to=reply.message_id)
    assert outcome == {"follow-up-request-approved": 1}
    req = desk12.request()
    assert req[field] == value
    # the desk's own words above ("sisa 750", "DISETUJUI sebanyak 2.000") were not read as the writer's
    other = {"requested": ("stock_on_hand", 750), "stock_on_hand": ("requested", 2000)}[field]
    assert req[other[0]] == other[1]
    assert req["approved"] == (1600 if field == "requested" else 2000) and req["state"] == "approved"
    assert desk12.db().execute("select count(*) from requests").fetchone()[0] == 1
    assert desk12.queue(mid) <= {"reconcile"}  # a stated stock far from the ledger is checked by a person
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in told.subject and told.to == [BULUNGAN]
    old = {"requested": "2.000", "stock_on_hand": "750"}[field]
    assert f"{old} keping menjadi {value:,} keping".replace(",", ".") in told.text


@pytest.mark.parametrize("style", STYLES)
def test_the_desks_reply_alone_under_a_header_changes_nothing(desk12: Desk12, style: str) -> None:
    """Nothing below the footer: the desk's words are still no correction, whatever else becomes of the mail."""
    reply = approved(desk12)
    subject = ("Fwd: " if style == "gmail_pesan_terusan" else "Re: ") + reply.subject
    desk12.send(BULUNGAN, subject, f"{_header_first(reply, style)}\n", in_reply_to=reply.message_id)
    req = desk12.request()
    assert (req["requested"], req["stock_on_hand"], req["approved"], req["state"]) == (2000, 750, 2000, "approved")
    assert desk12.db().execute("select count(*) from requests").fetchone()[0] == 1
