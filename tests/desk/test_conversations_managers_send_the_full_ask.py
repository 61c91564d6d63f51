"""A manager's go-ahead that sends all the district asked ("Gas, kirim full", "kirim semua", "penuhi saja", "sesuai
permintaan"), on the real SQLite desk in process: the district's figure is approved as SETUJU <that figure> would
be, never the system's smaller proposal, and within the same bounds (a figure above the district's need is asked
back for PAKSA <alasan>, nothing approved, unless the manager gave his reason with it: his informed choice, recorded
as PAKSA <alasan> is); the manager's note keeps the manager's words ("... ya.")."""

from __future__ import annotations

import json

import pytest

from tests.desk.desk12 import GMAIL, NUNUKAN, REQUEST, TARAKAN, Desk12, Out, flat, held_for_managers, send_answer
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

FULL = [
    "Gas, kirim full. Paling lambat tgl 20 sdh di Tarakan ya.",
    "Ok kirim semua ya pak.",
    "Penuhi saja pak.",
    "Setuju sesuai permintaan.",
    "ACC sesuai permintaan, paling lambat tgl 20 ya",
    "Setuju, kirim full ya",
]
FULL_IDS = ["gas-kirim-full", "kirim-semua", "penuhi-saja", "setuju-sesuai-permintaan", "acc-sesuai-permintaan",
            "setuju-kirim-full"]


def _held_above_the_need(desk12: Desk12) -> Out:
    """Tarakan asks 4.500 with 100 left: above its 30-day need, held with the proposal 4.100; the managers' notice."""
    _, outcome = desk12.send(TARAKAN, "Permohonan tambahan blangko KTP-el",
                             REQUEST.format(stock=100, asked="4.500", name="Tarakan").replace("Kabupaten", "Kota"))
    assert outcome == {"request-held": 1}, outcome
    [held] = [o for o in desk12.out() if o.purpose.startswith("held:")]
    assert "Usulan sistem: 4.100 keping" in flat(held.text), held.text
    return held


@pytest.mark.parametrize("words", FULL, ids=FULL_IDS)
def test_the_full_ask_above_the_need_is_asked_back_as_setuju_of_that_figure(desk12: Desk12, words: str) -> None:
    held = _held_above_the_need(desk12)
    n = len(desk12.out())
    _, outcome = send_answer(desk12, MANAGERS[0], held, words, above=GMAIL)
    # was: approved as proposed, 4.100 of 4.500, the district told "DISETUJUI SEBAGIAN"
    assert outcome == {"manager-command-unconfirmed": 1}, outcome
    assert (desk12.request()["state"], desk12.request()["approved"]) == ("held", 4100)
    [asked] = desk12.out()[n:]
    assert asked.to == [MANAGERS[0]], asked.to
    text = flat(asked.text)
    assert ("jumlah 4.500 keping untuk permohonan BLK-2026-0001 melebihi kebutuhan kabupaten/kota untuk 30 hari "
            "(4.100 keping), sehingga belum kami setujui") in text, asked.text
    assert "SETUJU 4.500 PAKSA <alasan>" in text, asked.text


@pytest.mark.parametrize("words", FULL, ids=FULL_IDS)
def test_the_full_ask_within_the_bounds_is_approved(desk12: Desk12, words: str) -> None:
    _approved_in_full(desk12, words)


def _approved_in_full(desk12: Desk12, words: str) -> str:
    """The manager's *words* on Nunukan's held 3.500 (within its need) approve the 3.500; the district's mail."""
    _, held = held_for_managers(desk12)
    n = len(desk12.out())
    _, outcome = send_answer(desk12, MANAGERS[0], held, words, above=GMAIL)
    assert outcome == {"manager-approve": 1}, outcome
    assert (desk12.request()["state"], desk12.request()["approved"]) == ("approved", 3500)
    [told] = [o for o in desk12.out()[n:] if NUNUKAN in o.to]
    text = flat(told.text)
    assert "DISETUJUI sebanyak 3.500 keping" in text, told.text
    return text


@pytest.mark.parametrize(("words", "note"), [
    ("Gas, kirim full. Paling lambat tgl 20 sdh di Tarakan ya.", "Paling lambat tgl 20 sdh di Tarakan ya."),
    ("ACC sesuai permintaan, paling lambat tgl 20 ya", "paling lambat tgl 20 ya."),
    ("Oke sip, jalan. Paling lambat akhir bulan sdh sampai ya pak.", "Paling lambat akhir bulan sdh sampai ya."),
], ids=["kirim-full", "sesuai-permintaan", "jalan"])
def test_the_managers_time_limit_is_told_in_the_managers_words(desk12: Desk12, words: str, note: str) -> None:
    _, held = held_for_managers(desk12)
    n = len(desk12.out())
    _, outcome = send_answer(desk12, MANAGERS[0], held, words, above=GMAIL)
    assert outcome == {"manager-approve": 1}, outcome
    [told] = [o for o in desk12.out()[n:] if NUNUKAN in o.to]
    # was: "Catatan dari pimpinan: Paling lambat tgl 20 sdh di Tarakan." (the manager's "ya" dropped)
    assert f"Catatan dari pimpinan: {note}" in flat(told.text), told.text


@pytest.mark.parametrize("words", ["Gas kirim semua?", "Penuhi saja kah pak?", "Silakan kirim semua."])
def test_a_full_ask_in_a_question_or_without_a_go_ahead_decides_nothing(desk12: Desk12, words: str) -> None:
    _, held = held_for_managers(desk12)
    send_answer(desk12, MANAGERS[0], held, words, above=GMAIL)
    assert desk12.request()["state"] == "held"


@pytest.mark.parametrize(("words", "note"), [
    ("Kirim full saja sesuai yg mereka minta.\n\nKadis", None),
    ("Acc sesuai permintaan Nunukan.\n\nKadis", None),
    ("kirim full pak, mereka ada perekaman keliling.\n\nDikirim dari iPhone saya", "mereka ada perekaman keliling"),
], ids=["sesuai-yg-mereka-minta", "sesuai-permintaan-nunukan", "with-a-reason"])
def test_the_full_ask_with_more_words_is_the_full_ask_with_the_rest_as_the_note(desk12: Desk12, words: str,
                                                                               note: str | None) -> None:
    # was: "manager-other" or "tulisan "Nunukan." sesudah "Acc" tidak kami pahami", nothing decided
    text = _approved_in_full(desk12, words)
    if note is None:
        assert "Catatan dari pimpinan" not in text and "Alasan" not in text, text
    else:
        assert f"Catatan dari pimpinan: {note}." in text, text


@pytest.mark.parametrize("words", ["kirim full pak, mereka ada perekaman keliling?",
                                   "Kirim full saja, tapi tunggu stok masuk.",
                                   "Kirim full saja sesuai yg mereka minta, 500 dulu"])
def test_the_full_ask_with_a_question_a_condition_or_a_figure_decides_nothing(desk12: Desk12, words: str) -> None:
    _, held = held_for_managers(desk12)
    send_answer(desk12, MANAGERS[0], held, words, above=GMAIL)
    assert desk12.request()["state"] == "held"


@pytest.mark.parametrize(("words", "note"), [
    ("Setuju, kirim full sesuai permintaan mereka. Jemput bola ke hulu itu prioritas.",
     "Jemput bola ke hulu itu prioritas"),
    ("Setuju sesuai permintaan mereka, daerah pedalaman perlu didukung.", "daerah pedalaman perlu didukung"),
], ids=["kirim-full-then-a-reason", "sesuai-permintaan-with-a-reason"])
def test_the_full_ask_above_the_need_with_a_reason_is_the_managers_informed_choice(desk12: Desk12, words: str,
                                                                                   note: str) -> None:
    held = _held_above_the_need(desk12)
    n = len(desk12.out())
    _, outcome = send_answer(desk12, MANAGERS[0], held, words, above=GMAIL)
    # was: "melebihi kebutuhan ... mohon tegaskan dengan membalas: SETUJU 4.500 PAKSA <alasan>", nothing approved
    assert outcome == {"manager-approve": 1}, outcome
    assert (desk12.request()["state"], desk12.request()["approved"]) == ("approved", 4500)
    [told] = [flat(o.text) for o in desk12.out()[n:] if TARAKAN in o.to]
    assert "DISETUJUI sebanyak 4.500 keping" in told and note in told, told
    # recorded as a confirmed approval above the need, with the manager's reason
    [(reasons,)] = desk12.db().execute("select reasons from decisions where outcome like 'approve%'")
    assert {"code": "override", "reason": note, "concerns": ["above_need"]} in json.loads(reasons), reasons
