"""A count of the rest of a shipment received in parts that the desk cannot read as the rest arriving (after the
first part was booked with the rest coming) goes to a person, never booked as the whole with a shortfall the
district's own figures contradict. The rest read as arriving: test_receipts_in_parts_completed.py."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import MALINAU, Desk12, answer_gmail, dispatched, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

FIRST = ("Pak, blangko baru masuk 1.200 keping ja, yang 800 lagi kata pihak ekspedisi masih tertahan di pelabuhan "
         "Tarakan, kapal berikutnya hari Kamis.")


def _first_part(desk12: Desk12):
    notice = dispatched(desk12)  # 2.000 dispatched to Bulungan
    first, outcome = answer_gmail(desk12, notice, FIRST)
    assert outcome == {"receipt": 1}
    [told] = desk12.replies_to(first)
    assert "sisanya, 800 keping, masih menyusul" in flat(told.text)
    return told


@pytest.mark.parametrize("words", [
    "yg 800 udh nyampe semuanya pak",
    "800 keping sudah diterima semuanya pak, mksh",
    "Total yg diterima 800 pak",
    "800 pak, mksh",
])
def test_the_rest_s_figure_never_replaces_the_count_booked(desk12: Desk12, words: str) -> None:
    before = desk12.on_hand()
    told = _first_part(desk12)
    told_before = len(desk12.to_managers())
    rest, _ = answer_gmail(desk12, told, words)
    # was: "telah kami ubah dari 1.200 menjadi 800 keping", the managers told of a shortfall of 1.200
    assert desk12.on_hand() - before in (1200, 2000)
    for m in [*desk12.replies_to(rest), *desk12.to_managers()[told_before:]]:
        text = flat(m.text)
        assert "menjadi 800" not in text and "kurang 1.200" not in text
    assert desk12.replies_to(rest)


@pytest.mark.parametrize("words", [
    "pak yg 800 kmrn udh dtg tadi pagi ya, jd udh pas 2rb. thx",
    "800 sisanya udh dtg pak barusan, skrg pas 2.000 smua ya",
    "yg 800 br nyampe td sore pak, skrg udh pas 2rb",
], ids=["udh-dtg-pas-2rb", "sisanya-udh-dtg", "br-nyampe-pas"])
def test_the_rest_arrived_with_the_whole_agreeing_is_booked(desk12: Desk12, words: str) -> None:
    before = desk12.on_hand()
    told = _first_part(desk12)
    rest, _ = answer_gmail(desk12, told, words)
    # was: asked back "kami menemukan lebih dari satu angka", the example "seluruhnya 2.000 keping" of the desk's own
    assert desk12.on_hand() - before == 2000
    assert desk12.open_gaps() == []
    [reply] = desk12.replies_to(rest)
    assert "seluruh penerimaan kini tercatat 2.000 keping" in flat(reply.text), reply.text


def test_an_ask_back_suggests_no_figure_nobody_wrote(desk12: Desk12) -> None:
    notice = dispatched(desk12)  # 2.000 dispatched to Bulungan
    mid, _ = answer_gmail(desk12, notice, "Blangko sudah sampai lah pak, baik haja barangnya. Makasih.")
    [asked] = desk12.replies_to(mid)
    example = flat(asked.text).split("misalnya:", 1)[1].split(".", 1)[0]
    # was: "blangko KTP-el yang kami terima seluruhnya 2.000 keping", a figure the district never wrote
    assert "yang kami terima seluruhnya … keping" in example and not any(c.isdigit() for c in example), example
    first, _ = desk12.send(MALINAU, "blangko", "pak kami perlu blangko ktp el lg, stok tipis\n")
    [asked] = desk12.replies_to(first)
    example = flat(asked.text).split("misalnya:", 1)[1]
    assert "sebanyak … keping, sisa stok … keping" in example and "2.000" not in example, example
