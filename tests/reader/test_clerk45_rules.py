"""Rules for a figure of thousands, a comma and a figure below a thousand ("1.700, 200 keping"): one figure typed with a
stray comma or two figures, never either of them read alone; the command line and a manager's SETUJU refuse the same
text. Each test is a short mail with words and figures of its own."""

from __future__ import annotations

from tests.reader.conftest import mail

NUNUKAN = "Disdukcapil Nunukan <disdukcapil@nunukankab.example>"


def _asked_back(read: dict[str, object], field: str) -> bool:
    return read[field] is None and any(d["field"] == field for d in read["doubts"])  # type: ignore[attr-defined]


def test_thousands_not_round_then_a_part_and_the_pieces_is_asked_back() -> None:
    read = mail(NUNUKAN, "permintaan blangko", "Selamat pagi, kami mohon dikirim 1.700, 400 keping KTP-el. Stok 150.")
    assert _asked_back(read, "requested")
    assert read["stock_on_hand"] == 150


def test_thousands_then_a_part_at_the_end_of_the_sentence_is_asked_back() -> None:
    read = mail(NUNUKAN, "permintaan blangko", "Sisa stok KTP-el 90 keping. Mohon tambahan 3.000, 350.\nTerima kasih.")
    assert _asked_back(read, "requested")
    assert read["stock_on_hand"] == 90


def test_english_thousands_then_a_part_and_the_pieces_is_asked_back() -> None:
    read = mail(NUNUKAN, "blank request", "Our stock is 210 pieces. Please send us 2,000, 600 pieces of KTP-el blanks.")
    assert _asked_back(read, "requested")


def test_javanese_thousands_word_then_a_part_leaves_neither_figure() -> None:
    read = mail(NUNUKAN, "nyuwun blangko",
                "Stok KIA 120 keping. Nyuwun dipun kirim blangko KIA tigang ewu, 200 keping.")
    assert _asked_back(read, "requested")


def test_stock_of_thousands_then_a_part_is_asked_back_and_the_request_still_read() -> None:
    read = mail(NUNUKAN, "permintaan blangko", "Stok kami 1.300, 250 kpg. Mohon dikirim 2.500 keping KTP-el.")
    assert _asked_back(read, "stock_on_hand")
    assert read["requested"] == 2500


def test_figures_with_their_own_words_after_the_comma_are_still_read() -> None:
    read = mail(NUNUKAN, "permintaan blangko", "Stok 1.700, terpakai 250. Mohon dikirim 1.500 keping KTP-el.")
    assert read["requested"] == 1500
    assert read["stock_on_hand"] == 1700


def test_a_list_of_subdistrict_figures_is_still_read() -> None:
    read = mail(NUNUKAN, "permintaan blangko",
                "Kebutuhan KTP-el per kecamatan: Sebatik 1.100, Lumbis 300, Sembakung 200 keping. Stok 80 keping.")
    assert read["requested"] == 1600
    assert read["stock_on_hand"] == 80
