"""Cancellations in the districts' Bugis and Manado Malay, answering the desk's approval in its thread, on the real
SQLite desk in process, every message written fresh: each warns the managers before dispatch, never a generic
acknowledgement."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import Desk12, answer_gmail, flat, send_request

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize("words", [
    "Tabe' pak, permohonan ta' yg ini ndk usah mi dikirim di', sudah ada bantuan blangko dari kabupaten sebelah. "
    "Minta maaf merepotkan.",
    "Pak, yang torang minta itu nda usah jadi dang, so dapa pinjam dari Tarakan. Tarima kasih.",
    "Iye pak, usulan ta' itu tidak usah mi diproses, sudah cukup mi stok ta'.",
], ids=["bugis_ndk_usah_mi_dikirim", "manado_nda_usah_jadi", "bugis_tidak_usah_mi_diproses"])
def test_a_cancellation_in_regional_words_warns_before_dispatch(desk12: Desk12, words: str) -> None:
    reply = send_request(desk12, "600", "3.800")
    approved = desk12.request()["approved"]
    mid, outcome = answer_gmail(desk12, reply, words)
    # was: not a request, report or receipt; a generic acknowledgement, no warning to the managers
    assert outcome == {"follow-up-cancel-asked": 1}, (outcome, desk12.queue(mid))
    assert desk12.request()["approved"] == approved
    assert desk12.queue(mid) == {"cancellation"}
    assert [o for o in desk12.to_managers() if "jangan dikirim" in flat(o.text)]
