"""Receipts that come in parts, on the real SQLite desk in process over the Maildir defaults, every message written
fresh: the rest of a shipment that arrived short is added to the part already booked; a second stage received
after "sisanya menyusul" keeps the shortfall provisional."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import Desk12, Out, answer_gmail, dispatched, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def test_the_rest_arriving_short_is_added_to_the_part_booked(desk12: Desk12) -> None:
    notice = dispatched(desk12)  # 2.000 dispatched to Bulungan
    before = desk12.on_hand()
    first, outcome = answer_gmail(desk12, notice, "Baru sampai 1.200 keping pak, sisa 800 katanya dikirim minggu "
                                                  "depan.")
    assert outcome == {"receipt": 1}
    [told] = desk12.replies_to(first)
    told_before = len(desk12.to_managers())
    rest, outcome = answer_gmail(desk12, told, "Sisa kiriman sudah sampai pak, tapi setelah dihitung hanya 700 "
                                               "keping.")
    # was: "receipt-clarify", "Jumlah yang diterima belum kami temukan dalam email", nothing booked
    assert outcome == {"receipt-corrected": 1}
    assert desk12.on_hand() - before == 1900 and desk12.open_gaps() == [100]
    [answer] = desk12.replies_to(rest)
    text = flat(answer.text)
    assert "belum kami temukan" not in text
    assert "sebanyak 700 keping" in text and "seluruh penerimaan kini tercatat 1.900 keping" in text
    assert "selisih kurang 100 keping" in text
    [managers] = desk12.to_managers()[told_before:]
    assert "kurang 100 keping" in managers.subject


def _first_stage(d: Desk12) -> tuple[Out, int]:
    """2.000 dispatched to Bulungan, 500 of it received with the rest said to come; the desk's reply to that, and
    the count of the mails to the managers so far."""
    notice = dispatched(d)
    first, outcome = answer_gmail(d, notice, "Pak, blangko baru datang 500 keping (tahap pertama), sisanya "
                                             "menyusul katanya.")
    assert outcome == {"receipt": 1}
    [told] = d.replies_to(first)
    return told, len(d.to_managers())


def test_a_second_stage_keeps_the_shortfall_provisional(desk12: Desk12) -> None:
    told, told_before = _first_stage(desk12)
    before = desk12.on_hand()
    second, outcome = answer_gmail(desk12, told, "Tahap kedua 700 keping juga sudah kami terima pak.")
    assert outcome == {"receipt-corrected": 1}
    assert desk12.on_hand() - before == 700 and desk12.open_gaps() == [800]
    # was: "[BLK-2026-0001] Selisih penerimaan ...: kurang 800 keping ... Mohon selisih ini diperiksa"
    assert desk12.to_managers()[told_before:] == []
    [answer] = desk12.replies_to(second)
    text = flat(answer.text)
    assert "seluruh penerimaan kini tercatat 1.200 keping" in text
    assert "sisanya, 800 keping, masih menyusul" in text
    assert "telah kami sampaikan kepada pimpinan untuk diperiksa" not in text
    # the last stage closes it, and the managers hear of that once
    third, outcome = answer_gmail(desk12, answer, "Tahap ketiga 800 keping sudah sampai hari ini, jadi seluruhnya "
                                                  "2.000 keping sudah lengkap. Terima kasih.")
    assert desk12.open_gaps() == [] and desk12.on_hand() - before == 1500
    [closed] = desk12.to_managers()[told_before:]
    assert "Selisih" in closed.subject and "kurang 800" not in closed.subject


@pytest.mark.parametrize("words", [
    "Tahap kedua 700 keping sudah kami terima pak, itu kiriman terakhir.",
    "Sisa kiriman sudah sampai pak, tapi hanya 700 keping.",
], ids=["terakhir", "sisa-kiriman"])
def test_a_part_said_to_be_the_last_makes_the_shortfall_final(desk12: Desk12, words: str) -> None:
    told, told_before = _first_stage(desk12)
    answer_gmail(desk12, told, words)
    assert desk12.open_gaps() == [800]
    [final] = desk12.to_managers()[told_before:]
    assert "kurang 800 keping" in final.subject
