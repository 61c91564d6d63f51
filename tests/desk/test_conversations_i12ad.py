"""Conversations that went wrong in an outside test (i12ad), on the real SQLite desk in process over the Maildir
defaults, every message written fresh: an English request for both blanks is asked back as the Indonesian one is;
a district's own request after a proposal the desk made for it is decided, never parked behind it; a plea to look
again at a decision ("mohon kebijakan ... mempertimbangkan kembali") is an appeal; a bare SETUJU on the newer of
two held notices approves what that notice offered."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import TARAKAN, Desk12, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


# 1. "we need 2,000 KTP-el blanks and 500 KIA blanks": the KIA ask is never dropped silently ----------------------

@pytest.mark.parametrize("body", [
    "Dear Sir, we need 2,000 KTP-el blanks and 500 KIA blanks, our stock is 300 KTP-el and 40 KIA. Regards, Daniel, "
    "Disdukcapil Tarakan",
    "Dear Sir,\n\nplease send us 2,000 KTP-el blanks as well as 500 KIA blanks. Our stock is 300 KTP-el.\n\n"
    "Regards,\nDaniel\nDisdukcapil Kota Tarakan",
    # the Indonesian the desk has always asked back about
    "Yth. Bapak/Ibu,\n\nmohon dikirim blangko KTP-el 2.000 keping dan KIA 500 keping. Sisa stok kami KTP-el 300 "
    "keping dan KIA 40 keping.\n\nHormat kami,\nDisdukcapil Kota Tarakan",
], ids=["english_and", "english_as_well_as", "indonesian"])
def test_a_request_for_both_blanks_is_asked_back_naming_both(desk12: Desk12, body: str) -> None:
    mid, outcome = desk12.send(TARAKAN, "Blank request", body)
    # was (English): approved 2.000 KTP-el, and the 500 KIA asked for dropped without a word
    assert outcome == {"request-clarify": 1}, outcome
    row = desk12.request()
    assert (row["item"], row["state"], row["approved"]) == ("ktp-el", "clarifying", None)
    [reply] = desk12.replies_to(mid)
    text = flat(reply.text)
    assert "dua jenis blangko sekaligus" in text, reply.text
    assert "permohonan blangko KIA dalam email baru tersendiri" in text
    assert "DISETUJUI" not in text
