"""The number reader: Indonesian digits and words, and the numbers that are never quantities."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mailbot.reader.numbers import find_mentions, normalise, parse_digits, parse_words, quantity_in
from tests.properties import examples
from tests.reader.spelling import spell


def quantities(text: str) -> list[int | None]:
    """Values of the exact (not approximate) candidate quantities in text."""
    return [m.value for m in find_mentions(normalise(text)) if not m.approximate]


@pytest.mark.parametrize(("n", "words"), [
    (0, "nol"), (1, "satu"), (10, "sepuluh"), (11, "sebelas"), (15, "lima belas"), (21, "dua puluh satu"),
    (100, "seratus"), (110, "seratus sepuluh"), (1000, "seribu"), (1500, "seribu lima ratus"),
    (2500, "dua ribu lima ratus"), (11_000, "sebelas ribu"), (100_000, "seratus ribu"),
    (1_000_000, "sejuta"), (2_300_050, "dua juta tiga ratus ribu lima puluh"),
])
def test_the_spelling_used_below_is_indonesian(n: int, words: str) -> None:
    assert spell(n) == words


@pytest.mark.slow  # 3,000 examples: about 1.5 s of CPU, over a tenth of the fast tier
@settings(max_examples=examples(3000), deadline=None)
@given(st.integers(min_value=0, max_value=999_999))
def test_every_number_spelled_in_indonesian_parses_back(n: int) -> None:
    assert parse_words(spell(n)) == n


@settings(max_examples=examples(500), deadline=None)
@given(st.integers(min_value=1000, max_value=999_999))
def test_thousands_grouping_with_dots_round_trips(n: int) -> None:
    grouped = f"{n:,}".replace(",", ".")
    assert parse_digits(grouped) == n
    assert quantity_in(f"{grouped} keping") == n


@settings(max_examples=examples(500), deadline=None)
@given(st.integers(min_value=1000, max_value=999_999))
def test_english_grouping_round_trips(n: int) -> None:
    assert parse_digits(f"{n:,}") == n


@settings(max_examples=examples(500), deadline=None)
@given(
    st.integers(min_value=1, max_value=31),
    st.integers(min_value=1, max_value=12),
    st.one_of(st.none(), st.integers(min_value=2000, max_value=2035)),
    st.sampled_from(["/", "-"]),
)
def test_a_date_is_never_a_quantity(day: int, month: int, year: int | None, sep: str) -> None:
    text = f"{day:02d}{sep}{month:02d}" + (f"{sep}{year}" if year else "")
    assert quantities(f"sisa stok per {text} ya") == []
    assert quantities(f"Laporan harian Kamis ({day}/{month})") == []


@settings(max_examples=examples(300), deadline=None)
@given(st.integers(min_value=0, max_value=23), st.integers(min_value=0, max_value=59), st.sampled_from([".", ":"]))
def test_a_time_is_never_a_quantity(hour: int, minute: int, sep: str) -> None:
    assert quantities(f"rapat pukul {hour:02d}{sep}{minute:02d} WITA") == []
    assert quantities(f"mulai {hour:02d}{sep}{minute:02d} WITA") == []


@settings(max_examples=examples(300), deadline=None)
@given(st.integers(min_value=1, max_value=999_999))
def test_spelled_number_in_brackets_confirms_digits(n: int) -> None:
    grouped = f"{n:,}".replace(",", ".")
    (mention,) = find_mentions(normalise(f"sebanyak {grouped} ({spell(n)}) keping"))
    assert mention.value == n and not mention.conflict
    (wrong,) = find_mentions(normalise(f"sebanyak {grouped} ({spell(n + 1)}) keping"))
    assert wrong.value is None and wrong.conflict


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2.000", 2000),
        ("1.500 (seribu lima ratus)", 1500),
        ("2 ribu", 2000),
        ("2rb", 2000),
        ("2 rb", 2000),
        ("1,5 ribu", 1500),
        ("1,5 rb", 1500),
        ("1.5 ribu", 1500),
        ("seribu keping", 1000),
        ("dua ribu lima ratus", 2500),
        ("sepuluh ribu", 10000),
        ("2000 keping", 2000),
        ("2,000", 2000),
        ("750 keping", 750),
        ("duaribu keping", 2000),
        ("tiga ratus keping", 300),
        ("12.500", 12500),
    ],
)
def test_quantity_forms(text: str, value: int) -> None:
    assert quantity_in(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "Nomor: 470/215/Disdukcapil/XI/2022",
        "tanggal 17/12/2022",
        "Kamis (17/12)",
        "pukul 09.30 WITA",
        "hubungi 0812-5432-1098",
        "telp +62 552 21234",
        "NIP 19780512 200501 1 003",
        "Jl. Sengkawit No. 12",
        "Tahun Anggaran 2022",
        "tanggal 17 Desember 2025",
        "Rp 1.500.000",
        "kode wilayah 65.01",
        "NIK 6501012345678901",
        "SMA Negeri 1 Malinau",
        "Rabu, 14 Jan 2026",
        "1. Perekaman",
    ],
)
def test_not_quantities(text: str) -> None:
    assert quantities(text) == []


@pytest.mark.parametrize(
    "text",
    ["sekitar 700 keping", "650an", "650-an keping", "kurang dari 1.000 keping", "di bawah 1.000", "750 lebih",
     "1rb kurang dikit"],
)
def test_estimates_and_bounds_are_marked_approximate(text: str) -> None:
    (mention,) = find_mentions(normalise(text))
    assert mention.approximate


@pytest.mark.parametrize("text", ["± 1.200 keping", "kurang lebih 1.200", "+/- 1.200 keping", "kurleb 1.200"])
def test_a_figure_written_round_is_the_figure_stated(text: str) -> None:
    # The clerk reads "± 1.200" and "kurang lebih 1.200" as 1.200; only an exact figure beside it wins.
    (mention,) = find_mentions(normalise(text))
    assert (mention.value, mention.approximate, mention.about) == (1200, False, True)


def test_a_range_is_not_one_number() -> None:
    mentions = find_mentions(normalise("1.000 - 2.000 keping"))
    assert [m.approximate for m in mentions] == [True, True]


def test_small_number_words_need_a_blank_unit() -> None:
    assert quantities("salah satu kecamatan, dua hari lagi") == []
    assert quantities("dua keping rusak") == [2]


def test_units_are_classified() -> None:
    units = {m.text: m.unit for m in find_mentions(normalise("134 orang, 97 keping, 3 kecamatan, 80%"))}
    assert units == {"134": "people", "97": "blank", "3": "other", "80": "other"}


def test_decimal_without_thousands_is_not_a_whole_number() -> None:
    assert parse_digits("1,5") is None
    assert parse_digits("1,5", thousands=True) == 1500


@pytest.mark.parametrize("phrase", ["dua dua", "ratus", "lima ratus dua ratus", "nol ribu", "sembilan puluh puluh"])
def test_ill_formed_number_words_are_rejected(phrase: str) -> None:
    assert parse_words(phrase) is None


def test_normalise_keeps_every_index() -> None:
    text = "İstanbul\u00a02.000\u2013keping"
    assert len(normalise(text)) == len(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("stok kami 4OO keping, bukan 900", "stok kami 400 keping, bukan 900"),
    ("sisa 1.5OO lbr", "sisa 1.500 lbr"),
    ("mohon 2.OOO keping", "mohon 2.000 keping"),
    ("tinggal 3oo", "tinggal 300"),
    ("(4oo-an)", "(400-an)"),
])
def test_the_letter_o_typed_for_a_zero_in_a_figure_is_a_zero(text: str, expected: str) -> None:
    """"stok kami 4OO keping" was read as a stock of 4 and applied."""
    assert normalise(text) == expected
    assert len(normalise(text)) == len(text)


@pytest.mark.parametrize("text", ["5orang petugas", "2org", "100 orang", "kota 2 orang", "no. oo", "dst.oke"])
def test_the_o_of_a_word_written_against_a_digit_stays_a_letter(text: str) -> None:
    assert normalise(text) == text.lower()


def test_a_figure_typed_with_letters_o_is_read_as_its_value() -> None:
    from mailbot.followup import interpret

    reading = interpret("Maaf pak, stok kami 4OO keping, bukan 900.", item="ktp-el", requested=1500,
                        stock_on_hand=900, approved=None)
    assert (reading.intent, reading.figures) == ("correction", {"stock_on_hand": 400})
    assert [m.value for m in find_mentions(normalise("Sisa blangko 1.2OO keping"))] == [1200]
