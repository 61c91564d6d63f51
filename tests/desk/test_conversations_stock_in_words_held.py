"""A request held for the managers whose stock the district wrote in words no figure was read from ("stok KIA kami
tinggal sadikit banar, kada sampai 50", "almost none left"): the managers' notice shows what the district wrote
about its stock beside the records' stock, never the records' "masih mencukupi" alone."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import Desk12, answer_gmail, approved, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize(("words", "said"), [
    ("Makasih banyak pak. Kami handak minta jua blangko KIA 400 keping lah, stok KIA kami tinggal sadikit banar, "
     "kada sampai 50.", "kada sampai 50"),
    ("Terima kasih pak. Sekalian kami mohon juga blangko KIA sebanyak 400 keping, sisa KIA kami tinggal sedikit "
     "sekali, tidak sampai lima puluh.", "tidak sampai lima puluh"),
    ("Baik pak, terima kasih. Oh ya, untuk blangko KIA kami mohon dikirim 400 keping, stok KIA kami hampir habis "
     "pak.", "hampir habis"),
], ids=["banjar", "tidak-sampai", "hampir-habis"])
def test_a_held_kia_request_shows_the_districts_words_on_its_stock(desk12: Desk12, words: str, said: str) -> None:
    reply = approved(desk12)  # Bulungan's KTP-el 2.000, approved
    answer_gmail(desk12, reply, words)
    kia = desk12.request("BLK-2026-0002")
    assert kia is not None and kia["item"] == "kia" and kia["state"] == "held", dict(kia) if kia else None
    [notice] = [o for o in desk12.to_managers() if "BLK-2026-0002" in o.subject]
    text = flat(notice.text)
    # was: "stok yang ada (2.500) masih mencukupi kebutuhan ..." and no word of what the district wrote
    assert "Keterangan dari kabupaten/kota" in text and said in text, notice.text
