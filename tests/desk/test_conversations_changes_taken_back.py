"""A change of a request taken back further on in the same mail, on the real SQLite desk in process, every message
written fresh: never applied; the request stays as it was, a person reads the mail and the district hears nothing
changed."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import Desk12, answer_gmail, approved, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize("words", [
    "Pak tolong diganti jadi 1.400 ya.\n\nEh maaf pak, nggak jadi, tetap 1.000 saja. Abaikan yg atas.",
    "Pak mohon diubah jadi 2.300 keping. Eh tunggu dulu, jangan diubah dulu, saya tanya kasi dulu.",
    "Ralat pak, permohonan kami jadi 2.600 keping. Maaf pak tidak jadi, yang lama saja.",
    "pak jd 1.500 aja ya. eh gk jd deh pak, tetap 2.000",
    "Pak mohon jumlahnya dinaikkan jadi 2.400 keping.\nMaaf pak, setelah dicek lagi jadi tetap yang semula saja.",
    "Revisi: permohonan jd 2.500 kpg.\n\nUpdate: mohon maaf, revisi tersebut diabaikan saja, tetap 2.000 keping.",
    "mau kami tambah jadi 2.500 pak.. tp kadis bilang gak usah, tetap 2.000 aja",
], ids=["nggak_jadi_tetap", "jangan_diubah", "tidak_jadi_yang_lama", "phone_gk_jd", "tetap_yang_semula",
        "revisi_tersebut_diabaikan", "gak_usah_tetap"])
def test_a_change_taken_back_in_the_same_mail_is_not_applied(desk12: Desk12, words: str) -> None:
    reply = approved(desk12)
    before = dict(desk12.request())
    mid, outcome = answer_gmail(desk12, reply, words)
    # was: "Permohonan BLK-2026-0001 telah kami perbarui: Jumlah yang dimohon: 2.000 keping menjadi 1.400 keping"
    req = desk12.request()
    assert (req["requested"], req["approved"], req["state"]) == (before["requested"], before["approved"],
                                                                 before["state"]), (outcome, dict(req))
    assert desk12.queue(mid), outcome
    [told] = desk12.replies_to(mid)
    text = flat(told.text)
    assert "ditarik kembali dalam email yang sama" in text and "perbarui" not in text, told.text


def test_a_change_kept_is_still_applied(desk12: Desk12) -> None:
    reply = approved(desk12)
    answer_gmail(desk12, reply, "Koreksi pak, cukup 1.500 keping saja, tidak jadi 2.000. Stok tetap 750.")
    assert desk12.request()["requested"] == 1500
