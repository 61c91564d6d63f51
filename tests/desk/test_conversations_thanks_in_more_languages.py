"""Thanks in a request's thread in more of the districts' languages (Manado, Minang, Batak, Kupang and Ambon
Malay), on the real SQLite desk in process, every message written fresh: recorded as the district's confirmation,
neither queued nor answered; thanks with something more beside them still go to a person."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import Desk12, answer_gmail, approved, dispatched

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize("words", [
    "Makase banyak pak, torang tunggu jo kirimannya. Tuhan berkati",
    "Makaseh neh bu, torang tunggu jo.",
    "Tarimo kasih banyak pak, kami tunggu kirimannyo.",
    "Tarimokasih da, awak tunggu kirimannyo.",
    "Mauliate godang pak, sehat selalu 🙏",
    "Bujur melala pak, kami tunggu kirimanna.",
    "Makasi banya bapa, botong tunggu kirimannya sa.",
    "Danke banyak bapa, katong tunggu jua.",
], ids=["manado", "manado_short", "minang", "minang_awak", "batak", "karo", "kupang", "ambon"])
def test_thanks_in_another_regional_language_is_recorded_not_queued(desk12: Desk12, words: str) -> None:
    reply = approved(desk12)
    mid, outcome = answer_gmail(desk12, reply, words)
    # was: "not a request, report or receipt" in the queue and "akan dibaca ... oleh petugas kami"
    assert outcome == {"follow-up-confirmed": 1}, (outcome, desk12.queue(mid))
    assert desk12.replies_to(mid) == [] and desk12.queue(mid) == set()


@pytest.mark.parametrize("words", [
    "Makasih pak tapi blangkonya belum sampai",
    "Makase pak. Balom datang.",
    "Makasi bapa, sonde ada kabar lai.",
], ids=["tapi_belum", "manado_balom", "kupang_sonde"])
def test_thanks_beside_something_more_go_to_a_person(desk12: Desk12, words: str) -> None:
    reply = approved(desk12)
    mid, outcome = answer_gmail(desk12, reply, words)
    # was (the first): recorded as a confirmation, the district's words seen by nobody
    assert outcome != {"follow-up-confirmed": 1}, outcome
    assert desk12.queue(mid), outcome


@pytest.mark.parametrize("words", [
    "Iye, tarima kasih pak atas pengiriman 2.000 keping ta'",
    "Matur nuwun pak, kiriman 2.000 keping ditenggo",
    "Terima kasih pak, sudah kami catat pengiriman 2.000 keping, ditunggu kedatangannya.",
    "Nggih pak, matur suwun sanget, kiriman 2.000 lembar kami tengga.",
    "Tarima kasih banyak pak ai, kiriman nang 2.000 keping kami hadangi.",
], ids=["bugis", "javanese_ditenggo", "formal_catat", "javanese_tengga", "banjar_hadangi"])
def test_thanks_after_dispatch_restating_the_figure_sent_is_recorded_not_queued(desk12: Desk12, words: str) -> None:
    notice = dispatched(desk12)
    before = desk12.on_hand()
    mid, outcome = answer_gmail(desk12, notice, words)
    # was (the first three): "reply to a request already decided or dispatched" in the queue, and an
    # acknowledgement that a person would read it
    assert outcome == {"follow-up-confirmed": 1}, (outcome, desk12.queue(mid))
    assert desk12.replies_to(mid) == [] and desk12.queue(mid) == set()
    assert desk12.request()["state"] == "dispatched" and desk12.on_hand() == before
