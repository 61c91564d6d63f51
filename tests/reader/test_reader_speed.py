"""The reader's shortcuts for speed read exactly what the plain way reads."""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from pathlib import Path
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mailbot.errors import MailbotError
from mailbot.guards.decode import recover_bytes, unfold
from mailbot.reader import vocabulary as vocab
from mailbot.reader.automated import header_reasons
from mailbot.reader.classify import _REST_ASKED_SENTENCE_RE, kind_of
from mailbot.reader.mime import _is_attachment, extract_from, parse_message, sender_address
from mailbot.reader.numbers import (
    _COMMA_GROUPS_RE,
    _DIGITS_RE,
    _DOT_GROUPS_RE,
    _MASK_PATTERNS,
    _MASK_RE,
    _MONTH_NAME_RE,
    _MONTH_WORD_RE,
    _NEEDS_AT,
    _NEEDS_TWO_SLASHES,
    _NEEDS_X_RUN,
    _NUMBER_RE,
    _PACKING_RE,
    _TRANSLATE,
    _blank,
    _blank_packing,
    _mask_word_dates,
    _next_number,
    mask_non_quantities,
    normalise,
    parse_digits,
)
from mailbot.reader.roles import _CLAUSE_END_RE
from tests.properties import examples

_TESTS = Path(__file__).resolve().parents[1]
_TOKENS = sorted({
    *vocab.MONTHS, *vocab.ID_LABELS, *vocab.ID_FILLERS,
    "nomor", "no", "nmr", "rp", "rp.", "tgl", "tanggal", "pukul", "jam", "wita", "telp", "hp", "wa", "surat", "kami",
    "rt", "rw", "kode pos", "km", "lantai", "sma", "negeri", "kelas", "week", "minggu", "ke", "tahun", "periode",
    "s.d.", "s/d", "sampai", "rupiah", "juta rupiah", "keping", "sisa", "blangko", "x", "xx", "**", "+62", "(0552)",
    "0812", "08123456789", "2026", "2024/2025", "09/01/2026", "470/215/dkps", "1.000", "12", "5", "65.01", "3.40",
    "6503xxxx0004", "+6281234567890", "(0552)21234", "12xx3ab1", "a@b.example", "http://x.example/1", "www.",
    "é", "-", ".", ":", ",", "(", ")", "/", "'",
})
_SEPARATORS = ["", " ", " ", "  ", "-", "/", ".", ":", "\t", ">"]


def _line(parts: list[tuple[str, str]]) -> str:
    return "".join(token + sep for token, sep in parts)


def _plain_mask(line: str) -> str:
    """The numbers that are never quantities blanked with the whole pattern, tried everywhere (after the dates
    written in words, then the packing in brackets, as the reader does)."""
    line = _mask_word_dates(line)
    if not re.search(r"\d", line):
        return line
    masked = _MASK_RE.sub(_blank, line)
    return _PACKING_RE.sub(_blank_packing, masked) if "(" in line else masked


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_TOKENS), st.sampled_from(_SEPARATORS)), min_size=1, max_size=14))
def test_masking_line_by_line_blanks_what_the_whole_pattern_blanks(parts: list[tuple[str, str]]) -> None:
    line = _line(parts)
    assert mask_non_quantities(line) == _plain_mask(line)


@pytest.mark.slow  # a third of the distinct lines with a digit of 8,000 messages through both patterns
def test_masking_blanks_what_the_whole_pattern_blanks_in_every_corpus_message() -> None:
    # A line said in many messages (a signature, a quoted reply, a template's row) is checked once; of the distinct
    # lines, the third whose checksum says so (the same third every run, a different one when a set is added).
    lines: set[str] = set()
    for path in sorted(_TESTS.glob("corpus/*.eml")) + sorted(_TESTS.glob("reading/*/corpus/*.eml")):
        low = normalise(path.read_bytes().decode("utf-8", "replace"))
        lines.update(line for line in low.split("\n")
                     if re.search(r"\d", line) and zlib.crc32(line.encode()) % 3 == 0)
    for line in sorted(lines):
        assert mask_non_quantities(line) == _plain_mask(line), line
    assert len(lines) > 5_000


def _opens(items: list[Any], first: Callable[[Any, Any, list[Any]], bool]) -> bool:
    """Whether every way a parsed pattern may open passes first(op, argument, the ops after it)."""
    if not items:
        return False
    op, av = items[0]
    rest = items[1:]
    if op is _c.SUBPATTERN:
        return _opens(list(av[3]) + rest, first)
    if op is _c.BRANCH:
        return all(_opens(list(branch) + rest, first) for branch in av[1])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        return _opens(list(av[2]) + rest, first) and (av[0] >= 1 or _opens(rest, first))
    return first(op, av, rest)


def _word_character(op: Any, av: Any, rest: list[Any]) -> bool:
    if op is _c.LITERAL:
        return chr(av).isalnum()
    if op is _c.IN:
        return all((o is _c.CATEGORY and a is _c.CATEGORY_DIGIT) or (o is _c.LITERAL and chr(a).isalnum())
                   for o, a in av)
    return False


def _outside_words(op: Any, av: Any, rest: list[Any]) -> bool:
    if op is _c.AT:
        if av is _c.AT_BOUNDARY:  # a boundary before a letter or digit
            return _opens(rest, _word_character)
        return av in (_c.AT_BEGINNING_LINE, _c.AT_BEGINNING)
    if op is _c.ASSERT_NOT and av[0] == -1:  # a lookbehind that excludes letters and digits
        return "CATEGORY_WORD" in str(av[1])
    return op is _c.LITERAL and chr(av) in "+("


def _starts_outside_words(pattern: str) -> bool:
    """Whether every match of pattern starts where no letter or digit stands before it, or at "+"
    or "(": after a word boundary (before a letter or digit), after a lookbehind that excludes
    letters, or at the line's start."""
    return _opens(list(_parser.parse(pattern, re.MULTILINE)), _outside_words)


def test_a_plain_line_is_masked_without_the_patterns_it_cannot_match() -> None:
    """On a line without "@", two "/" or two of "x" and "*" in a row (most lines), the masking leaves out the
    three patterns that need them: each is still the table's (else it would be tried on every line again)."""
    left_out = (_NEEDS_AT, _NEEDS_TWO_SLASHES, _NEEDS_X_RUN)
    assert all(p in _MASK_PATTERNS for p in left_out)
    alternatives = "|".join("(?:" + p + ")" for p in left_out)
    assert not re.search(alternatives, "sisa 300 keping (1 dus isi 300), telp 0812 3456 7890, tgl 5/12 pukul 09.30")
    assert all(re.search(alternatives, line) for line in ("a@b.example", "470/215/dkps", "6503xxxx0004"))


def test_only_an_address_and_a_run_of_slashes_may_start_inside_a_word() -> None:
    """What lets the masking skip the inside of words (see mask_non_quantities): a new pattern that
    may start inside a word breaks it."""
    inside = [p for p in _MASK_PATTERNS if not _starts_outside_words(p)]
    assert inside == [r"[^\s(\[]+@\S+", r"[\w.\-]*\d[\w.\-]*(?:\s?/\s?[\w.\-]*\w){2,}"]


@pytest.mark.parametrize("line", [
    "sisa+6281234567890", "telp(0552) 21234", "abc(0552) 21234", "ab1/2/3", "12xx3ab1/2/3", "rp5ab1/2/3",
    "no.12xx/3/4", "x 12/3", "nik:6503xxxx0004 ok", "**12 keping", "rt.5/6", "> 1. sisa 300", "www.x.example/3 12",
    "hp 0812**** 7788 sisa 300", "kode x*5 12", "sisa 300 xx", "x 12 x", "6503x0004 sisa 12",
])
def test_masking_inside_words_is_the_same_on_edge_lines(line: str) -> None:
    assert mask_non_quantities(line) == _plain_mask(line)


def _flat(words: list[str]) -> str:
    """A word table as the plain list of phrases, longest first: what alternation() must match alike."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


# (With signs that have no case, "’" and "±", and letters outside ASCII that match another under IGNORECASE:
# "ſ" matches "s" and "S", the Kelvin sign "K" matches "k".)
_PHRASE = st.text(alphabet="abs k.-’±ſ\u212a", min_size=0, max_size=7)


@settings(max_examples=examples(400), deadline=None)
@example([" ", "  a"], "  a", ("", ""), False)  # two spaces in a row: greedy whitespace, then an empty tail
@example(["sab", "ſa", "s"], "Sa", ("", ""), True)  # "ſ" and "s" both match "S": grouped, "s" would come before "ſa"
@given(st.lists(_PHRASE, min_size=1, max_size=12), st.text(alphabet="abs k.-\nAS’±ſ\u212a", max_size=40),
       st.sampled_from([(r"", r""), (r"(?<![\w-])(?:", r")(?![\w-])"), (r"^(?:", r")\s*$")]), st.booleans())
def test_grouped_alternation_matches_what_the_plain_list_matches(
    words: list[str], text: str, frame: tuple[str, str], ignore_case: bool
) -> None:
    before, after = frame
    flags = re.MULTILINE | (re.IGNORECASE if ignore_case else 0)
    grouped = re.compile(before + "(?:" + vocab.alternation(words) + ")" + after, flags)
    plain = re.compile(before + "(?:" + _flat(words) + ")" + after, flags)
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_phrases_are_grouped_by_their_openings() -> None:
    assert vocab.alternation(["sisa", "sisa stok", "stok"]) == r"s(?:isa(?:\s+stok|)|tok)"
    assert vocab.alternation(["Sisa", "sisa stok"]) == r"sisa\s+stok|Sisa"  # mixed case: the plain list
    # A sign without case is a token like any other ("we’ll need" beside "we need").
    assert vocab.alternation(["we need", "we’ll need"]) == r"we(?:’ll\s+need|\s+need)"
    assert vocab.alternation(["sisa", "ſisa stok"]) == r"ſisa\s+stok|sisa"  # a letter with case outside ASCII: plain


def test_the_tab_is_the_one_ascii_character_normalise_makes_plain() -> None:
    """What lets normalise() replace tabs alone in ASCII text instead of translating it."""
    assert [chr(c) for c in _TRANSLATE if c < 128] == ["\t"]


@settings(max_examples=examples(300), deadline=None)
@given(st.text(alphabet=st.sampled_from("aB1 .\t\n-" + "".join(chr(c) for c in _TRANSLATE) + "İé"), max_size=30))
def test_normalise_reads_ascii_and_other_text_alike(text: str) -> None:
    plain = text.translate(_TRANSLATE)
    low = plain.lower()
    expected = low if len(low) == len(plain) else "".join(c.lower() if len(c.lower()) == 1 else c for c in plain)
    assert normalise(text) == expected


@settings(max_examples=examples(300), deadline=None)
@given(st.text(alphabet=st.sampled_from("ab <>@\r\n\t\ud7ff\ud800\udc80\udfff\ue000é"), max_size=20))
def test_header_values_are_unfolded_and_recovered_as_the_plain_way_does(value: str) -> None:
    """unfold() skips its pattern for a value with no line break, and recover_bytes() finds a lone surrogate
    with one search: the same text as the plain way."""
    plain_unfolded = re.sub(r"\r?\n(?=[ \t])", "", value).replace("\r", " ").replace("\n", " ")
    assert unfold(value) == plain_unfolded
    if not any("\ud800" <= c <= "\udfff" for c in value):
        assert recover_bytes(value) is value
    else:
        assert recover_bytes(value) != value


def _messages() -> list[bytes]:
    return [p.read_bytes() for p in sorted(_TESTS.glob("corpus/*.eml")) + sorted(_TESTS.glob("reading/*/corpus/*.eml"))]


@pytest.mark.slow  # the headers of 1,200 messages read twice: about 2 s
def test_the_sender_read_once_gives_the_same_reasons_and_parts() -> None:
    """read_message hands header_reasons the sender address extract_from read, and the walk over the parts
    hands _is_attachment the content type it read: what each would read again."""
    own = ("blangko@disdukcapil.kaltaraprov.example",)
    checked = 0
    for raw in _messages():
        try:
            msg = parse_message(raw)
            parts = extract_from(msg)
        except MailbotError:
            continue
        assert parts.address == sender_address(msg)
        assert header_reasons(msg, own, parts.fields, parts.address) == header_reasons(msg, own)
        for part in msg.walk():
            assert _is_attachment(part, None, part.get_content_type()) == _is_attachment(part)
        checked += 1
    assert checked > 1_000


_NUMBER_TEXT = st.lists(st.sampled_from([
    "2.000", "2000", "1,5", "12", "7", "2rb3", "rb", "ribu", "dua", "seribu", "lima ratus", "puluh", "kedua", "enam",
    "tujuhan", "ktp2", "sisa2.061", "cetak149", "-an", "an", "/", ".", ",", " ", "  ", "\n", "-", "(", ")", "keping",
    "nol", "teknologi", "2026", "se", "x", "k",
]), max_size=16).map("".join)


@settings(max_examples=examples(400), deadline=None)
@given(_NUMBER_TEXT)
def test_the_next_figure_is_found_where_the_whole_pattern_finds_it(text: str) -> None:
    """find_mentions tries _NUMBER_RE only where a digit or a number word starts (_next_number): the same
    figure, from every position."""
    for pos in range(len(text) + 1):
        whole, found = _NUMBER_RE.search(text, pos), _next_number(text, pos)
        assert (whole and (whole.span(), whole.groupdict())) == (found and (found.span(), found.groupdict()))


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.sampled_from([*vocab.MONTHS, "dua", "puluh", "tanggal", "mei", "meida", "xjanuari", " ", "\n", "-",
                                 "2026", "."]), max_size=10).map("".join))
def test_a_text_without_a_month_word_has_no_date_in_words(text: str) -> None:
    """_mask_word_dates passes over a text in which no month's name stands, as _MONTH_NAME_RE finds none there."""
    if _MONTH_NAME_RE.search(text):
        assert _MONTH_WORD_RE.search(text)


@settings(max_examples=examples(300), deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789.,\u0660\u0669\u00b2\u2460 x"), max_size=9),
       st.sampled_from([1, 100, 1000]))
def test_digits_alone_are_read_as_the_patterns_read_them(token: str, factor: int) -> None:
    """parse_digits reads a token of digits alone (str.isdecimal: the characters \\d matches) without its
    patterns: the patterns take such a token as a figure, neither grouped by dots nor by commas, so the value
    is its digits'."""
    plain = token.strip()
    if plain.isdecimal():
        assert _DIGITS_RE.match(plain) and not _DOT_GROUPS_RE.fullmatch(plain)
        assert not _COMMA_GROUPS_RE.fullmatch(plain) and plain.isdigit()
        assert parse_digits(token, factor=factor) == int(plain) * factor


@settings(max_examples=examples(300), deadline=None)
@given(st.text(alphabet=st.sampled_from("a .!?;\n\t\u00a0\u20282"), max_size=20))
def test_clause_ends_are_the_ends_the_plain_pattern_finds(text: str) -> None:
    """_CLAUSE_END_RE, written with an alternative per character so that the regex engine skips along to one of
    them, finds the clause ends the plain pattern finds."""
    plain = re.compile(r"\n|;|[.!?](?=\s)")
    assert [m.span() for m in _CLAUSE_END_RE.finditer(text)] == [m.span() for m in plain.finditer(text)]


_SENTENCE_START = r"(?:\A|(?<=\n)|(?<=[.!?])(?!\S))"


@settings(max_examples=examples(400), deadline=None)
@example(["sisanya", " ", "kekurangan", ".x", "kurangnya", "!\n"])
@given(st.lists(st.sampled_from([
    "a", "b", " ", "  ", "\n", ".", "!", "?", "-", ".x", "x.", "! ", "sisanya", "kekurangan", "tersebut",
    "mohon", "kurangnya", "sisa kiriman", "mohon\nkekurangan", "nya",
]), max_size=16))
def test_the_rest_asked_sentence_is_cut_where_the_pattern_tried_everywhere_cuts_it(parts: list[str]) -> None:
    """_REST_ASKED_SENTENCE_RE, tried only where a sentence starts, substitutes what it substitutes tried at every
    place."""
    text = "".join(parts)
    assert _REST_ASKED_SENTENCE_RE.pattern.startswith(_SENTENCE_START)
    everywhere = re.compile(_REST_ASKED_SENTENCE_RE.pattern.removeprefix(_SENTENCE_START))
    assert _REST_ASKED_SENTENCE_RE.sub(" ", text) == everywhere.sub(" ", text)


def test_a_figure_asked_for_makes_a_request_before_any_phrase_is_read() -> None:
    """kind_of answers "request" for a figure read as asked for, also beside a denial of asking (which sets aside a
    doubt of a figure asked, never a figure), as it did when it first read the phrases."""
    denied = "kami belum mengajukan permohonan blangko, sisa stok 300 keping"
    assert kind_of(denied, {"requested", "stock_on_hand"}, set(), False) == "request"
    assert kind_of(denied, {"stock_on_hand"}, {"requested"}, False) != "request"


def test_a_phrase_is_gated_by_a_word_it_holds_and_not_by_a_common_one() -> None:
    """longest_words: each phrase holds one of the words (so a text without them matches none of the phrases), and
    a phrase with a word that most district mail does not hold is looked for by such a word, not by "laporan"."""
    phrases = ("laporan agregat dmarc", "saya sedang cuti", "pesan anda gagal dikirim", "tidak dapat dikirim")
    words = vocab.longest_words(phrases)
    assert all(any(w in p.split(" ") for w in words) for p in phrases)
    # (A phrase of common words only, "tidak dapat dikirim", is looked for by its longest.)
    assert words == ("agregat", "dikirim", "gagal", "saya")
