"""A district protesting a part approval in its own words, on the real SQLite desk in process, every message written
fresh: in Indonesian, Javanese or a regional tongue as in English, the protest reaches the managers (the approval
set aside for them), never only the queue."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import NUNUKAN, REQUEST, Desk12, flat, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize("words", [
    "With all due respect this is unacceptable. We asked for 2,500 and you cut it without even calling us.",
    "Pak, kenapa cuma segitu?? Kami minta 2.500 bukan setengahnya. Tolong jangan main potong saja, masyarakat kami "
    "juga butuh KTP!!",
    "Pak, kok namung sakmenika to? Kami nyuwun 2.500 amargi wonten perekaman massal. Mohon dipun tambahi.",
    "Lho pak, kok dipotong? Kami ajukan 2.500, kenapa yang disetujui sedikit sekali?",
    "Mohon maaf pak, mengapa permohonan kami hanya disetujui sebagian ya? Kami mengajukan 2.500 karena ada "
    "perekaman di sekolah-sekolah. Mohon penjelasannya.",
    "kok yg disetujui cm sebagian pak? kami kan minta 2.500",
    "Nyuwun pangapunten, kenging punapa ingkang dipun setujui namung sebagian? Kami nyuwun 2.500 keping.",
], ids=["english", "kenapa_cuma_segitu", "javanese_kok_namung", "kok_dipotong", "mengapa_hanya_disetujui",
        "phone_kok_yg_disetujui_cm", "javanese_kenging_punapa_namung"])
def test_a_protest_of_a_part_approval_reaches_the_managers(desk12: Desk12, words: str) -> None:
    mid, outcome = desk12.send(NUNUKAN, "Permohonan tambahan blangko KTP-el",
                               REQUEST.format(stock="2.000", asked="2.500", name="Nunukan"))
    [partly] = desk12.replies_to(mid)
    assert "SEBAGIAN" in partly.text, (outcome, partly.text)
    n = len(desk12.to_managers())
    protest, outcome = send_answer(desk12, NUNUKAN, partly, words)
    # was (in Indonesian and Javanese): "a question from the district" in the queue only, the managers not told
    assert desk12.to_managers()[n:], (outcome, desk12.queue(protest))
    [told] = desk12.replies_to(protest)
    assert "pimpinan" in flat(told.text), told.text
