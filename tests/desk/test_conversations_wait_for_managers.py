"""A request that waits for the managers over a person's matter keeps waiting when the district corrects a figure,
on the real SQLite desk in process over the Maildir defaults: the managers get the new figures, the district is not
asked again for the reason it gave, and its reply thanks it once."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import GMAIL, MALINAU, Desk12, Out, send_answer
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _answer(d: Desk12, reply: Out, words: str) -> list[Out]:
    """Malinau answers the desk's *reply* in Gmail style; what the desk sent for it."""
    before = len(d.out())
    send_answer(d, MALINAU, reply, words, above=GMAIL)
    return d.out()[before:]

def _appealed(d: Desk12) -> Out:
    """Malinau asks 4.000 with stock 300 (approved in part, 1.800), then appeals with its reason; the desk's reply
    to the appeal."""
    d.send(MALINAU, "permohonan blangko", "Sisa blangko KTP-el Malinau 300 keping, mohon dikirim 4.000 keping untuk "
                                          "perekaman pemula.\nOperator Malinau")
    [first] = [o for o in d.out() if o.to == [MALINAU]]
    assert "1.800" in first.text and d.request()["state"] == "approved"
    new = _answer(d, first, "Kami tetap membutuhkan 4.000 keping karena perekaman pemula di 40 SMA. Mohon "
                            "dipertimbangkan kembali.")
    assert d.request()["state"] == "held"
    [told] = [o for o in new if o.to == [MALINAU]]
    return told


def test_a_stock_correction_keeps_an_appeal_waiting_for_the_managers(desk12: Desk12) -> None:
    told = _appealed(desk12)
    new = _answer(desk12, told, "Mohon maaf pak, ralat: sisa stok kami 100 keping, bukan 300.")
    row = desk12.request()
    assert (row["state"], row["stock_on_hand"], row["requested"]) == ("held", 100, 4000)
    [managers] = [o for o in new if sorted(o.to) == sorted(MANAGERS)]
    assert "Menunggu keputusan" in managers.subject and "Tidak lagi" not in managers.subject
    assert "300 keping menjadi 100 keping" in managers.text and "2.000 keping" in managers.text
    [district] = [o for o in new if o.to == [MALINAU]]
    assert "mohon sampaikan alasannya" not in district.text  # the reason was given already
    assert "DITINJAU" in district.text


def test_an_operators_stock_correction_keeps_an_appeal_waiting_for_the_managers(desk12: Desk12) -> None:
    from mailbot import corrections

    _appealed(desk12)
    with desk12.desk.sessions.begin() as session:
        [pk] = desk12.db().execute("select id from messages order by id desc limit 1").fetchone()
        effects = corrections.correct(session, desk12.desk, pk, {"stock_on_hand": 100}, actor="Operator Blangko",
                                      reason="stok sebenarnya 100").effects
    assert any("decided again" in e for e in effects), effects
    row = desk12.request()
    assert (row["state"], row["stock_on_hand"], row["requested"]) == ("held", 100, 4000)


def test_a_correction_that_waits_for_the_managers_thanks_the_district_once(desk12: Desk12) -> None:
    told = _appealed(desk12)
    new = _answer(desk12, told, "Mohon maaf pak, ralat: sisa stok kami 100 keping, bukan 300.")
    [district] = [o for o in new if o.to == [MALINAU]]
    html = district.msg.get_body(("html",))
    assert html is not None
    for body in (district.text, str(html.get_content())):
        said = " ".join(body.replace("<strong>", "").replace("</strong>", "").split())
        assert said.count("Terima kasih") == 1, said
        assert "telah kami terima" not in said
        assert "Permohonan BLK-2026-0001 beserta perubahan tersebut saat ini sedang DITINJAU oleh pimpinan" in said
