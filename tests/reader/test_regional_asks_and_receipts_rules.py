"""Rules for the districts' regional words: an ask in Sundanese ("anu dipundut", "dipenta", "nyuhunkeun") or
Javanese ngoko ("butuhe", "njaluk") is the figure requested, their stock words ("stokna", "stoke") the stock; a
receipt's count after Sundanese "anu dugi" / "nu katampi" or spoken "yg sampe"; Manado "bukang ... mar ..." the
figure denied and the one meant. Each test is a short mail with words and figures of its own."""

from __future__ import annotations

import pytest

from tests.reader.conftest import mail

TARAKAN = "Disdukcapil Tarakan <disdukcapil@tarakankota.example>"


@pytest.mark.parametrize(("body", "asked", "stock"), [
    ("Punten Bu, blangko KTP-el anu dipundut 1.600 keping, stokna kantun 180.", 1600, 180),
    ("Bapak, kami nyuhunkeun blangko KTP-el 750 keping. Sesa stok 120 keping.", 750, 120),
    ("Pak, butuhe 1.300 keping blangko ktp-el, stoke kari 90.", 1300, 90),
    ("Mas, kita njaluk blangko KTP-el 650 keping ya, stok kari 40.", 650, 40),
], ids=["dipundut_stokna", "nyuhunkeun_sesa", "butuhe_stoke", "njaluk"])
def test_an_ask_in_sundanese_or_javanese_ngoko_is_the_figure_requested(body: str, asked: int, stock: int) -> None:
    read = mail(TARAKAN, "Blangko KTP-el", body)
    assert (read["kind"], read["requested"], read["stock_on_hand"]) == ("request", asked, stock), read


@pytest.mark.parametrize(("body", "received"), [
    ("Punten, blangko nu dugi 1.450 lembar, kirang 50.", 1450),
    ("Kiriman anu katampi 980 keping wungkul.", 980),
    ("Pak blangko yg sampe 1.230 ji lembar, kurang 70.", 1230),
], ids=["nu_dugi", "anu_katampi", "yg_sampe"])
def test_a_receipts_count_in_sundanese_or_spoken_words_is_received(body: str, received: int) -> None:
    read = mail(TARAKAN, "Re: [BLK-2026-0004] Blangko dikirim", body)
    assert (read["kind"], read["received"]) == ("receipt", received), read


def test_sampe_alone_is_until_no_arrival() -> None:
    read = mail(TARAKAN, "Laporan", "Stok kami 400 keping, cukup sampe 12 hari lagi.")
    assert read["received"] is None, read


@pytest.mark.parametrize("body", [
    "Pak, torang salah tulis: yang torang minta bukang 600 mar 950 keping.",
    "Ibu, minta maaf, bukang 600 keping mar so 950 keping yang torang minta.",
], ids=["bukang_mar", "bukang_mar_so"])
def test_a_manado_correction_asks_the_figure_after_mar(body: str) -> None:
    read = mail(TARAKAN, "Re: [BLK-2026-0004] Permohonan", body)
    assert read["requested"] == 950, read


@pytest.mark.parametrize(("body", "received"), [
    ("Blangko ingkang dugi sewu lembar, Pak.", 1000),
    ("Kiriman anu katampi sarebu keping.", 1000),
], ids=["sewu", "sarebu"])
def test_a_regional_thousand_before_a_unit_of_blanks_is_a_figure(body: str, received: int) -> None:
    read = mail(TARAKAN, "Re: [BLK-2026-0004] Blangko dikirim", body)
    assert read["received"] == received, read


def test_nyuwun_sewu_is_excuse_me_and_no_thousand() -> None:
    read = mail(TARAKAN, "Blangko", "Nyuwun sewu Bu, sisa blangko KTP-el kantun 210 keping.")
    assert read["stock_on_hand"] == 210 and not read["doubts"] and read["requested"] is None, read
