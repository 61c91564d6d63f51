"""A district's correction of its request marked on the desk's quoted mail or in a tag before the reply's subject, on
the real SQLite desk in process: an arrow pointing back at the quoted "Jumlah yang dimohon" line ("<=== harusnya
1.250 pak") corrects that line's figure; a bracket before "Re:" ("[KOREKSI 2.300 bukan 2.000] Re: [BLK-…] …") is
read as a correction in the subject is."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, Desk12, approved, client_quote, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize("arrow", [
    "<=== harusnya 2.250 pak", "<-- mohon dikoreksi jd 2.250", "\u2190 seharusnya 2.250",
], ids=["long-arrow-harusnya", "dashed-arrow", "unicode-arrow"])
def test_a_figure_after_an_arrow_back_on_the_quoted_asked_line_corrects_the_asked_figure(desk12: Desk12,
                                                                                          arrow: str) -> None:
    reply = approved(desk12)
    marked = "\n".join((f"> {line}   {arrow}" if "Jumlah yang dimohon" in line else f"> {line}") if line else ">"
                       for line in reply.text.splitlines())
    assert arrow in marked
    mid, outcome = desk12.send(BULUNGAN, "Re: " + reply.subject, f"Pak ada ralat sedikit, sy tandai di bawah ya.\n\n"
                               f"{marked}\n", in_reply_to=reply.message_id)
    # was: asked back which figure 2.250 corrects, the asked figure or the stock
    assert desk12.request()["requested"] == 2250, (outcome, desk12.queue(mid))
    assert desk12.request()["stock_on_hand"] == 750


@pytest.mark.parametrize(("tag", "field", "figure"), [
    ("[KOREKSI 2.300 bukan 2.000]", "requested", 2300),
    ("[ralat jd 2.400 kpg]", "requested", 2400),
    ("[REVISI sisa stok 300]", "stock_on_hand", 300),
], ids=["koreksi-bukan", "ralat-jd", "revisi-stock"])
def test_a_correction_tagged_before_the_reply_prefix_is_read(desk12: Desk12, tag: str, field: str,
                                                            figure: int) -> None:
    reply = approved(desk12)
    quote, _ = client_quote(reply, "outlook_id")
    mid, outcome = desk12.send(BULUNGAN, f"{tag} Re: {reply.subject}", f"\n{quote}\n", in_reply_to=reply.message_id)
    # was: "a figure still in doubt" in the queue, a generic acknowledgement, the request unchanged
    assert desk12.request()[field] == figure, (outcome, desk12.queue(mid))
    [told] = desk12.replies_to(mid)
    assert "BLK-2026-0001" in told.subject and "akan dibaca" not in flat(told.text), told.text


def _unmarked(reply_text: str, arrow: str, style: str, desk: str, subject: str) -> str:
    """The desk's reply quoted without "> " by *style*, the asked line marked with *arrow*."""
    lines = [f"{line}  {arrow}" if "Jumlah yang dimohon" in line else line for line in reply_text.splitlines()]
    if style == "outlook_id":
        return (f"________________________________\nDari: {desk}\nDikirim: Selasa, 1 Desember 2026 08.05\n"
                f"Kepada: {BULUNGAN}\nPerihal: {subject}\n\n" + "\n".join(lines))
    # a phone's mail app: the attribution over the quoted lines indented by a space
    return (f"Dikirim dari Yahoo Mail di Android\n\nPada Sel, 1 Des 2026 pada 8:05, {desk} menulis:\n"
            + "\n".join(f" {line}" for line in lines))


@pytest.mark.parametrize(("style", "arrow"), [
    ("outlook_id", "<<< mestinya 2.250 keping"),
    ("outlook_id", "<== harusnya 2.250"),
    ("indented", "\u2192 2.250 pak"),
], ids=["outlook-chevrons", "outlook-arrow", "indented-forward-arrow"])
def test_a_mark_on_a_line_of_the_desks_mail_quoted_without_chevrons_corrects_it(desk12: Desk12, style: str,
                                                                                arrow: str) -> None:
    reply = approved(desk12)
    quote = _unmarked(reply.text, arrow, style, str(reply.msg["From"]), reply.subject)
    mid, outcome = desk12.send(BULUNGAN, "Re: " + reply.subject, f"Ralat pak, lihat tanda panah.\n\n{quote}\n",
                               in_reply_to=reply.message_id)
    # was: a generic acknowledgement, "not a request, report or receipt" in the queue, the request unchanged
    assert desk12.request()["requested"] == 2250, (outcome, desk12.queue(mid))
    assert desk12.request()["stock_on_hand"] == 750
