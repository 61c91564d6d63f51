"""A manager's SETUJU followed by words of his own on the same line, on the real SQLite desk in process: a check he
made and the go-ahead said again ("sdh saya cek, lanjutkan"), an instruction for the district ("Tolong sampaikan ke
KTT ...", "Sampaikan ke Tarakan ..."), a reason he labels ("Alasan MPP buka hari Sabtu sudah jelas.", "alasannya
pilkades ...") or, after a slash as the refusal of an unclear SETUJU advises, any words that hold nothing back
approve as proposed, the words passed on as the manager's note. Words that hold back, cut the figure or ask decide
nothing, and the manager is answered."""

from __future__ import annotations

import re

import pytest

from tests.desk.desk12 import GMAIL, NUNUKAN, Desk12, flat, held_for_managers, send_answer
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

OUTLOOK = "From: {desk}\nSent: Monday, December 7, 2026 10:02 AM\nSubject: RE: permohonan"


def _answered(desk12: Desk12, words: str, above: str = GMAIL) -> tuple[int, str, dict[str, int], str]:
    """A manager answers Nunukan's held notice with *words*: the figure proposed, the answer's id, the outcome and
    what the district was told (flat; "" when nothing)."""
    _, held = held_for_managers(desk12)
    proposed = int(re.search(r"sesuai usulan sistem, ([\d.]+) keping", flat(held.text))[1].replace(".", ""))
    n = len(desk12.out())
    mid, outcome = send_answer(desk12, MANAGERS[0], held, words, above=above)
    told = [flat(o.text) for o in desk12.out()[n:] if NUNUKAN in o.to]
    return proposed, mid, outcome, told[0] if told else ""


@pytest.mark.parametrize(("words", "note"), [
    ("SETUJU. sdh saya cek, lanjutkan. Tolong sampaikan ke KTT agar laporan harian pemakaian blangko mulai dikirim "
     "rutin.", "Tolong sampaikan ke KTT agar laporan harian pemakaian blangko mulai dikirim rutin"),
    ("Setuju. Sampaikan ke Tarakan blangko bisa diambil sendiri di gudang provinsi hari Kamis, bawa surat pengantar.",
     "Sampaikan ke Tarakan blangko bisa diambil sendiri di gudang provinsi hari Kamis, bawa surat pengantar"),
    ("ok setuju sesuai usulan sistem dulu, alasannya pilkades nanti kita evaluasi Januari. Mohon Bulungan "
     "diingatkan kirim laporan stok mingguan.",
     "alasannya pilkades nanti kita evaluasi Januari. Mohon Bulungan diingatkan kirim laporan stok mingguan"),
    ("Oke setuju, lanjutkan saja. Alasan MPP buka hari Sabtu sudah jelas.", "Alasan MPP buka hari Sabtu sudah jelas"),
    ("SETUJU / sdh saya cek, lanjutkan. MPP buka hari Sabtu.", "MPP buka hari Sabtu"),
    ("SETUJU. sdh saya cek, lanjutkan.", None),
    ("SETUJU / Jemput bola ke hulu itu prioritas, sudah saya cek.",
     "Jemput bola ke hulu itu prioritas, sudah saya cek"),
], ids=["checked-then-pass-word-on", "pass-word-on", "as-proposed-for-now-with-a-reason-and-an-instruction",
        "carry-on-with-a-labelled-reason", "slash-without-a-figure", "checked-and-carry-on-alone",
        "slash-with-a-check-made"])
@pytest.mark.parametrize("above", [GMAIL, OUTLOOK], ids=["gmail", "outlook"])
def test_setuju_then_words_of_his_own_approves_the_proposal_with_them_as_the_note(desk12: Desk12, words: str,
                                                                                  note: str | None,
                                                                                  above: str) -> None:
    proposed, _, outcome, told = _answered(desk12, words, above)
    # was: "Perintah tidak dapat diproses ... tulisan "..." sesudah "SETUJU" tidak kami pahami", nothing decided
    assert outcome == {"manager-approve": 1}, outcome
    assert (desk12.request()["state"], desk12.request()["approved"]) == ("approved", proposed)
    assert "DISETUJUI" in told, told
    if note is None:
        assert "Catatan dari pimpinan" not in told, told
    else:
        assert f"Catatan dari pimpinan: {note}." in told, told


@pytest.mark.parametrize("words", [
    "SETUJU. Nanti saya cek dulu ke gudang.",
    "Setuju, tapi jangan dikirim dulu sampai Nunukan kirim laporan.",
    "Setuju. Apakah stok provinsi masih cukup? tolong dicek dulu",
    "Setuju. Tolong kirim 1.000 saja.",
    "SETUJU / separuhnya saja",
    "SETUJU / tunggu stok provinsi masuk",
    "SETUJU / kalau stok provinsi cukup",
    "Setuju. Alasan: stok menipis, jangan kirim semua.",
    "Setuju dulu",
    "SETUJU / tolong dicek dulu stok gudangnya",
], ids=["then-i-check-first", "hold-the-sending", "a-question", "a-cut-in-an-instruction", "slash-cut",
        "slash-wait", "slash-condition", "reason-that-holds-back", "for-now-alone", "slash-check-first"])
def test_setuju_with_words_that_hold_back_cut_or_ask_decides_nothing_and_is_answered(desk12: Desk12,
                                                                                     words: str) -> None:
    _, mid, outcome, told = _answered(desk12, words)
    assert desk12.request()["state"] == "held", outcome
    assert told == "", told
    [answer] = desk12.replies_to(mid)
    assert answer.to == [MANAGERS[0]] and "SETUJU" in answer.text, answer.text


def test_the_refusals_advice_followed_literally_approves(desk12: Desk12) -> None:
    _, held = held_for_managers(desk12)
    proposed = int(re.search(r"sesuai usulan sistem, ([\d.]+) keping", flat(held.text))[1].replace(".", ""))
    first, _ = send_answer(desk12, MANAGERS[0], held, "SETUJU. Nanti saya cek dulu ke gudang.", above=GMAIL)
    [refusal] = desk12.replies_to(first)
    advice = re.search(r"tulis alasannya sesudah garis miring, misalnya: (SETUJU [\d.]+) / ([^.]+)\.",
                       flat(refusal.text))
    assert advice is not None, refusal.text
    # the advice as written without the example's figure: SETUJU / <alasan>
    n = len(desk12.out())
    _, outcome = send_answer(desk12, MANAGERS[0], held, f"SETUJU / {advice[2]}.", above=GMAIL)
    assert outcome == {"manager-approve": 1}, outcome
    assert (desk12.request()["state"], desk12.request()["approved"]) == ("approved", proposed)
    [told] = [flat(o.text) for o in desk12.out()[n:] if NUNUKAN in o.to]
    assert f"Catatan dari pimpinan: {advice[2]}." in told, told


@pytest.mark.parametrize(("words", "note"), [
    ("SETUJU.\nsdh saya cek, lanjutkan.\nTolong sampaikan ke KTT agar laporan harian dikirim rutin.\n\nSalam,\nKabid",
     "Tolong sampaikan ke KTT agar laporan harian dikirim rutin"),
    ("SETUJU\n\nKabid PIAK", None),
], ids=["instruction-below", "signature-below"])
def test_setuju_with_his_words_on_the_lines_below_approves_with_them_as_the_note(desk12: Desk12, words: str,
                                                                                 note: str | None) -> None:
    proposed, _, outcome, told = _answered(desk12, words)
    # was: approved, the instruction below left out of the district's mail
    assert outcome == {"manager-approve": 1}, outcome
    assert (desk12.request()["state"], desk12.request()["approved"]) == ("approved", proposed)
    if note is None:
        assert "Catatan dari pimpinan" not in told, told
    else:
        assert f"Catatan dari pimpinan: {note}." in told, told


def test_setuju_with_words_below_that_hold_back_decides_nothing(desk12: Desk12) -> None:
    _, mid, _, told = _answered(desk12, "SETUJU\nTapi jangan dikirim dulu sampai Nunukan kirim laporan.")
    # was: approved, the words below it never read
    assert desk12.request()["state"] == "held" and told == "", told
    [answer] = desk12.replies_to(mid)
    assert ('kalimat "Tapi jangan dikirim dulu sampai Nunukan kirim laporan." di bawah "SETUJU" dapat mengubah '
            "persetujuannya") in flat(answer.text), answer.text
