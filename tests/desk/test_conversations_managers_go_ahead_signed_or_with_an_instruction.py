"""A manager's go-ahead on a held request signed with a name or a title alone ("Silakan diproses." over "Kabid PIAK",
"Gas." over "Kadis Dukcapil Kaltara"), or followed by an instruction for the district in a sentence of its own
("Mohon BA serah terima ditandatangani kedua pihak ya.", "Pastikan kemasannya disegel ...", "Tolong dikirim paling
lambat tgl 18 Desember, sebelum kapal terakhir ke Tarakan."), approves the proposal, the instruction passed on as
the manager's note; on the real SQLite desk in process. A sentence that defers, waits or asks decides
nothing, and the manager is told so, every time, in words true of what he wrote."""

from __future__ import annotations

import re

import pytest

from tests.desk.desk12 import GMAIL, NUNUKAN, Desk12, flat, held_for_managers, send_answer
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

YAHOO = "Dikirim dari Yahoo Mail di Android\n\nPada Sen, 7 Des 2026 pada 10:02, {desk} menulis:"


def _answered(desk12: Desk12, words: str, manager: str = MANAGERS[0]) -> tuple[int, str, dict[str, int], str]:
    """*manager* answers the held notice with *words* over a phone's quote: the figure proposed, the answer's id, the
    outcome and what the district was told (flat; "" when nothing)."""
    _, held = held_for_managers(desk12)
    proposed = int(re.search(r"sesuai usulan sistem, ([\d.]+) keping", flat(held.text))[1].replace(".", ""))
    n = len(desk12.out())
    mid, outcome = send_answer(desk12, manager, held, words, above=YAHOO)
    told = [flat(o.text) for o in desk12.out()[n:] if NUNUKAN in o.to]
    return proposed, mid, outcome, told[0] if told else ""


@pytest.mark.parametrize("words", ["Silakan diproses.\n\nKabid PIAK", "Gas.\n\nKadis Dukcapil Kaltara",
                                   "Lanjut pak.\n\nYohanes L.\nDisdukcapil Prov. Kaltara"],
                         ids=["proceed-over-a-title", "gas-over-a-title", "carry-on-over-a-name-and-office"])
def test_a_go_ahead_signed_with_a_name_or_a_title_alone_approves_the_proposal(desk12: Desk12, words: str) -> None:
    proposed, _, outcome, told = _answered(desk12, words)
    # was: manager-other and a queue item, the request left waiting
    assert outcome == {"manager-approve": 1}, outcome
    assert (desk12.request()["state"], desk12.request()["approved"]) == ("approved", proposed)
    assert "DISETUJUI" in told and "Catatan dari pimpinan" not in told, told


@pytest.mark.parametrize(("words", "note"), [
    ("Silakan diproses. Mohon BA serah terima ditandatangani kedua pihak ya.\n\nSalam,\nKabid PIAK",
     "Mohon BA serah terima ditandatangani kedua pihak ya."),
    ("Silakan diproses. BA serah terimanya nanti tolong dikirim balik ke bidang PIAK ya.\n\nTerima kasih\nKabid PIAK",
     "BA serah terimanya nanti tolong dikirim balik ke bidang PIAK ya."),
    ("Oke lanjut. Pastikan kemasannya disegel dan dicatat di buku ekspedisi.\n\nKadis",
     "Pastikan kemasannya disegel dan dicatat di buku ekspedisi."),
    ("Lanjut. Tolong dikirim paling lambat tgl 18 Desember, sebelum kapal terakhir ke Tarakan.\n\nKabid PIAK",
     "Tolong dikirim paling lambat tgl 18 Desember, sebelum kapal terakhir ke Tarakan."),
    ("Gas.\nHarap dipastikan serah terimanya dicatat petugas gudang.\n\nKadis Dukcapil Kaltara",
     "Harap dipastikan serah terimanya dicatat petugas gudang."),
    ("gas. tolong BA nya difoto dan dikirim ke WA sy ya", "tolong BA nya difoto dan dikirim ke WA sy ya"),
], ids=["proceed-then-ask-the-ba-signed", "proceed-then-ba-sent-back", "carry-on-then-sealed",
        "carry-on-then-a-deadline-with-its-reason", "gas-then-an-instruction-below", "typed-on-a-phone"])
def test_a_go_ahead_then_an_instruction_approves_with_the_instruction_as_the_note(desk12: Desk12, words: str,
                                                                                   note: str) -> None:
    proposed, _, outcome, told = _answered(desk12, words)
    # was: manager-other, or "tulisan ... tidak kami pahami" for the deadline with its reason
    assert outcome == {"manager-approve": 1}, outcome
    assert (desk12.request()["state"], desk12.request()["approved"]) == ("approved", proposed)
    assert f"Catatan dari pimpinan: {note}" in told, told


@pytest.mark.parametrize(("words", "note"), [
    ("Lanjut. Kabarkan ke Tarakan utk ambil sendiri di gudang hari Senin.\n\nKabid",
     "Kabarkan ke Tarakan utk ambil sendiri di gudang hari Senin."),
    ("Lanjutkan sesuai usulan. Tolong info ke Kabid kalau sudah dikirim.\n\nKadis",
     "Tolong info ke Kabid kalau sudah dikirim."),
    ("Oke sdh saya cek ke operatornya, lanjutkan saja.\n\nKabid PIAK", None),
], ids=["carry-on-then-pass-word-on", "carry-on-as-proposed-then-tell-when-sent", "checked-then-carry-on"])
def test_a_go_ahead_with_word_to_pass_on_or_after_a_check_approves_the_proposal(desk12: Desk12, words: str,
                                                                                note: str | None) -> None:
    proposed, _, outcome, told = _answered(desk12, words)
    # was: "awal balasan Bapak/Ibu kami baca sebagai persetujuan, namun ..." or "bukan perintah SETUJU", nothing decided
    assert outcome == {"manager-approve": 1}, outcome
    assert (desk12.request()["state"], desk12.request()["approved"]) == ("approved", proposed)
    if note is None:
        assert "DISETUJUI" in told and "Catatan dari pimpinan" not in told, told
    else:
        assert f"Catatan dari pimpinan: {note}" in told, told


@pytest.mark.parametrize("words", [
    "Silakan diproses. Nanti saya cek dulu ke gudang.\n\nKabid PIAK",
    "Lanjut. Kabarkan ke Tarakan kalau stok gudang cukup.\n\nKabid PIAK",
    "Lanjutkan sesuai usulan, tapi 2.000 saja.\n\nKadis",
    "Oke sdh saya cek ke operatornya, lanjutkan saja. Tapi jangan dikirim dulu.\n\nKabid PIAK",
    "Lanjut. Tolong dicek dulu stok gudangnya.\n\nKabid PIAK",
    "Gas. Mohon tunggu stok provinsi masuk.\n\nKadis",
    "Silakan diproses. Sudah dicek stoknya?\n\nKabid PIAK",
    "Gas.\nnanti sy telpon kadis Nunukan",
    "Silakan diproses. Tolong jangan dikirim minggu ini.\n\nKabid PIAK",
], ids=["proceed-then-i-check-first", "pass-word-on-if", "as-proposed-then-a-cut", "checked-then-hold",
        "carry-on-then-check-first", "gas-then-wait", "proceed-then-a-question", "gas-then-a-call-promised",
        "proceed-then-hold-the-sending"])
def test_a_go_ahead_with_words_that_defer_or_cut_decides_nothing_and_says_why(desk12: Desk12, words: str) -> None:
    _, mid, _, told = _answered(desk12, words)
    assert desk12.request()["state"] == "held"
    assert "DISETUJUI" not in told
    [answer] = desk12.replies_to(mid)
    text = flat(answer.text)
    # was: "karena baris pertamanya bukan perintah SETUJU atau TOLAK", of a first line that is a go-ahead
    assert "baris pertamanya bukan perintah" not in text, text
    assert ("awal balasan Bapak/Ibu kami baca sebagai persetujuan, namun kata-kata yang menyertainya belum dapat "
            "kami pastikan maksudnya, sehingga permohonan belum kami putuskan.") in text, text


def test_a_first_line_that_is_no_go_ahead_is_still_said_to_be_no_command(desk12: Desk12) -> None:
    _, mid, _, _ = _answered(desk12, "Nanti saya cek dulu ke gudang ya.")
    [answer] = desk12.replies_to(mid)
    assert "baris pertamanya bukan perintah SETUJU atau TOLAK" in flat(answer.text)


def test_a_manager_is_answered_every_time_his_mail_decides_nothing(desk12: Desk12) -> None:
    _, held = held_for_managers(desk12)
    kabid = MANAGERS[1]
    first, _ = send_answer(desk12, kabid, held, "Nanti saya cek dulu ke gudang ya.", above=GMAIL)
    assert len(desk12.replies_to(first)) == 1
    again, _ = send_answer(desk12, kabid, held, "Silakan diproses. Nanti saya telpon kadis dulu.\n\nKabid PIAK",
                           above=GMAIL)
    # was: no mail at all, this manager had had his acknowledgement in the thread
    [answer] = desk12.replies_to(again)
    assert answer.to == [kabid] and "SETUJU" in answer.text
    assert desk12.request()["state"] == "held"


def test_a_go_ahead_on_a_request_already_decided_is_told_it_no_longer_waits(desk12: Desk12) -> None:
    _, held = held_for_managers(desk12)
    send_answer(desk12, MANAGERS[0], held, "SETUJU", above=GMAIL)
    assert desk12.request()["state"] == "approved"
    late, _ = send_answer(desk12, MANAGERS[1], held, "Gas.\n\nKabid PIAK", above=GMAIL)
    [answer] = desk12.replies_to(late)
    text = flat(answer.text)
    assert "baris pertamanya bukan perintah" not in text, text
    assert ("awal balasan Bapak/Ibu kami baca sebagai persetujuan, namun permohonan BLK-2026-0001 saat ini tidak "
            "sedang menunggu keputusan pimpinan.") in text, text
