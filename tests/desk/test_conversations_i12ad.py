"""Conversations that went wrong in an outside test (i12ad), on the real SQLite desk in process over the Maildir
defaults, every message written fresh: an English request for both blanks is asked back as the Indonesian one is;
a district's own request after a proposal the desk made for it is decided, never parked behind it; a plea to look
again at a decision ("mohon kebijakan ... mempertimbangkan kembali") is an appeal; a bare SETUJU on the newer of
two held notices approves what that notice offered."""

from __future__ import annotations

import pytest

from mailbot import stated
from tests.desk.desk12 import MALINAU, NUNUKAN, REQUEST, TARAKAN, Desk12, flat, send_answer
from tests.desk.mailkit import MANAGERS

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


# 3. "Mohon kebijakan ... mempertimbangkan kembali": an appeal that reaches a manager, its stock recorded --------

PLEAS = [
    "Mohon kebijakan Bapak/Ibu untuk mempertimbangkan kembali permohonan kami, karena stok kami tinggal 150 keping.",
    "Mohon ditinjau ulang pak, stok kami tinggal 150 keping.",
    "Mohon kebijakannya pak, stok kami tinggal 150 keping dan perekaman jalan terus.",
    "Mohon dipertimbangkan lagi pak, karena stok kami tinggal 150 keping.",
]
PLEA_IDS = ["mempertimbangkan_kembali", "ditinjau_ulang", "mohon_kebijakan", "dipertimbangkan_lagi"]


def _stated_now(d: Desk12, district: str) -> tuple[int, str]:
    with d.desk.sessions() as session:
        said = stated.latest(session)[(district, "ktp-el")]
    return said.quantity, said.source


@pytest.mark.parametrize("plea", PLEAS, ids=PLEA_IDS)
def test_a_plea_after_a_rejection_is_an_appeal_to_the_managers(desk12: Desk12, plea: str) -> None:
    mid, outcome = desk12.send(NUNUKAN, "Permohonan tambahan blangko KTP-el",
                               REQUEST.format(stock=300, asked="3.500", name="Nunukan"))
    assert outcome == {"request-held": 1}
    [held] = [o for o in desk12.out() if o.purpose.startswith("held:")]
    send_answer(desk12, MANAGERS[0], held, "TOLAK stok provinsi sedang dihemat")
    [rejected] = [o for o in desk12.replies_to(mid) if "TIDAK DAPAT KAMI SETUJUI" in o.text]
    told_before = len(desk12.to_managers())
    appeal, outcome = send_answer(desk12, NUNUKAN, rejected, plea)
    # was: "after_decision" in the queue, "akan dibaca ... oleh petugas kami", and no manager told
    assert outcome == {"follow-up-appealed": 1}, outcome
    assert "appeal" in desk12.queue(appeal)
    [notice] = desk12.to_managers()[told_before:]
    assert "SETUJU <jumlah>" in notice.text and "150 keping" in flat(notice.text), notice.text
    [told] = desk12.replies_to(appeal)
    assert "dipertimbangkan kembali" in flat(told.text) and "akan dibaca" not in flat(told.text)
    assert desk12.request()["state"] == "rejected"
    assert _stated_now(desk12, "65.03") == (150, "appeal")


@pytest.mark.parametrize("plea", PLEAS, ids=PLEA_IDS)
def test_a_plea_after_a_part_approved_waits_for_the_managers(desk12: Desk12, plea: str) -> None:
    mid, _ = desk12.send(MALINAU, "Permohonan blangko KTP-el", REQUEST.format(stock=500, asked="1.800", name="Malinau"))
    part = desk12.request()["approved"]
    assert desk12.request()["state"] == "approved" and part < 1800
    [partial] = desk12.replies_to(mid)
    told_before = len(desk12.to_managers())
    appeal, _ = send_answer(desk12, MALINAU, partial, plea)
    # was: read as a correction of the stock, the part approved decided again by the arithmetic, no manager asked
    assert desk12.request()["state"] == "held"
    [notice] = desk12.to_managers()[told_before:]
    assert "TOLAK PAKSA" in notice.text and "150 keping" in flat(notice.text), notice.text
    [told] = desk12.replies_to(appeal)
    assert "pimpinan" in flat(told.text)
    assert _stated_now(desk12, "65.02")[0] == 150
