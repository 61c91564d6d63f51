"""Indonesian quantities in text: digits, number words, and the numbers that are not quantities."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

from mailbot.reader import vocabulary as vocab
from mailbot.reader.frozen import quick, replace

UnitKind = Literal["blank", "people", "other"]

_TRANSLATE = str.maketrans(
    {
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200b": " ", "\ufeff": " ",
        "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
        "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\t": " ",
    }
)


# A message's texts are normalised several times as it is read (its new words for the district, the kind, the
# ask; its subject with them and alone): the same text again is the first time's answer.
@functools.lru_cache(maxsize=16)
def normalise(text: str) -> str:
    """Lowercase text with odd spaces and dashes made plain; the result keeps every index of the input."""
    # In ASCII text the tab is the one character to make plain (translate() costs five times more).
    text = text.replace("\t", " ") if text.isascii() else text.translate(_TRANSLATE)
    low = text.lower()
    if len(low) != len(text):
        # A few characters grow when lowercased ("İ"); keep positions aligned by lowering one at a time.
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if _DICTATED_HINT_RE.search(low) and not _TYPED_STOP_RE.search(low):
        low = _dictated_stops(low)
    if "'" in low:
        # Thousands marked with an apostrophe, as a spreadsheet set to Swiss figures writes them ("1'287"): the
        # thousands dot a clerk reads.
        low = _APOSTROPHE_THOUSANDS_RE.sub(r"\1.\2", low)
    if "_" in low:
        # A key of a form's dump ("sisa_stok=615", "jumlah_diminta: 1500") is read as its words.
        low = _KEY_UNDERSCORE_RE.sub(" ", low)
    if _O_AFTER_DIGIT_RE.search(low):
        # The letter O typed for a zero in a figure ("4OO keping", "1.5OO", "2.OOO") is the zero a clerk reads.
        low = _LETTER_O_RE.sub(_zeros, low)
    if _L_IN_DIGITS_RE.search(low) or _I_IN_DIGITS_RE.search(low):
        # The letter l (or I) typed for a one in a figure ("8l2", "l00 keping", "1.l50") is the one a clerk reads.
        low = _LETTER_L_RE.sub(_ones, low)
    return low


_DICTATED_STOP_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in vocab.DICTATED_STOP_WORDS) + r")(?![\w-])(?![^\S\n]*\d)"
)
_DICTATED_HINT_RE = re.compile("|".join(re.escape(w) for w in vocab.DICTATED_STOP_WORDS))
# A stop the writer typed: a full stop, question or exclamation mark before a space or the end.
_TYPED_STOP_RE = re.compile(r"[.!?](?:\s|$)")


def _dictated_stops(low: str) -> str:
    """"... delapan puluh titik pencetakan tujuh puluh enam titik sisa ...", dictated with no stop typed: each stop
    said as a word (not before a digit: "titik 5") becomes a full stop, padded to the word's length."""
    found = list(_DICTATED_STOP_RE.finditer(low))
    if len(found) < vocab.DICTATED_STOPS_LEAST:
        return low
    return _DICTATED_STOP_RE.sub(lambda m: "." + " " * (m.end() - m.start() - 1), low)


def _ones(found: re.Match[str]) -> str:
    figure = found.group()
    if sum(ch.isdigit() for ch in figure) < 2:
        return figure
    return figure.replace("l", "1").replace("i", "1")


def _zeros(found: re.Match[str]) -> str:
    return found.group().replace("o", "0")


# An apostrophe between a figure's thousands and its last three digits ("1'287", "12'500"); never a year's
# ("Okt '26") nor feet and inches ("5'10").
_APOSTROPHE_THOUSANDS_RE = re.compile(r"(?<![\w.,'])(\d{1,3})'(\d{3})(?![\w']|[.,]\d)")
# An underscore joining the words of a key before "=" or ":".
_KEY_UNDERSCORE_RE = re.compile(r"(?<=[a-z])_(?=[a-z]\w*[ \t]*[=:])")
# Letters O in a figure: a digit, then digits, thousands dots and O's, up to the figure's end ("4oo", "1.5oo",
# "2.ooo"); never the o of a word written against a digit ("5orang", "2org").
_LETTER_O_RE = re.compile(r"\d[\d.,]*o[\do.,]*(?![a-z])")
# ... looked for first, cheaply: an o right after a digit or a dot (led by the letter, the search skips from o to o)
_O_AFTER_DIGIT_RE = re.compile(r"o(?<=[\d.,]o)")
# Letters l / I in a figure: a run of digits, thousands dots and l's or i's with a digit right beside a letter,
# standing alone ("8l2", "l00", "1.l50"); never a word's letter ("5liter", "kl2", "ii/2030", "i5").
_LETTER_L_RE = re.compile(r"(?<![\w.,])(?:[li](?=[\d.,]*\d)|\d)[\d.,li]*(?<=[\d.,])(?![\w])")
# ... looked for first, cheaply, led by the letter (a class or an alternation at the head costs ten times more):
# an l or an i with a digit right before it or right after it
_L_IN_DIGITS_RE = re.compile(r"l(?:(?<=\dl)|(?=\d))")
_I_IN_DIGITS_RE = re.compile(r"i(?:(?<=\di)|(?=\d))")


_alternation = vocab.alternation


# --- Number words ---------------------------------------------------------------------------

_WORD_TOKEN = _alternation(list(vocab.SE_WORDS) + list(vocab.DIGIT_WORDS) + list(vocab.SCALE_WORDS))
_SCALE_SHORT = _alternation(list(vocab.SCALE_ABBREVIATIONS))
_WORD_TOKEN_RE = re.compile(rf"\b(?:{_SCALE_SHORT})\b|{_WORD_TOKEN}")
# A run of number words may wrap at the end of a line ("sebanyak seribu\nlima ratus keping").
WORDS_PATTERN = (
    rf"\b(?:{_WORD_TOKEN})(?:(?:[ \-]*|[ \t]*\n[ \t]*)(?:{_WORD_TOKEN}))*(?:[ \t]+(?:{_SCALE_SHORT})"
    rf"(?:[ \-]+(?:{_WORD_TOKEN}))*)?\b"
)
_WORDS_RE = re.compile(WORDS_PATTERN)
_UNIT_ONLY_WORDS_RE = re.compile(rf"\b(?:{_alternation(vocab.UNIT_ONLY_NUMBER_WORDS)})\b")


def _tokens(phrase: str) -> list[str] | None:
    """Split a run of number words ("duaribu lima ratus") into tokens; None if anything else is in it."""
    out: list[str] = []
    pos = 0
    for m in _WORD_TOKEN_RE.finditer(phrase):
        if phrase[pos:m.start()].strip(" -\t\n"):
            return None
        out.append(m.group())
        pos = m.end()
    if phrase[pos:].strip(" -"):
        return None
    return out


def _expand(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for tok in tokens:
        tok = vocab.SCALE_ABBREVIATIONS.get(tok, tok)
        if tok in vocab.SE_WORDS:
            out.extend(("satu", vocab.SE_WORDS[tok]))
        else:
            out.append(tok)
    return out


def _below_thousand(toks: list[str], i: int) -> tuple[int, int] | None:
    """Parse 1..999 from toks[i:]; return (value, next index) or None when nothing parses."""
    value = 0
    n = len(toks)
    if i < n and toks[i] in vocab.DIGIT_WORDS and i + 1 < n and toks[i + 1] == "ratus":
        d = vocab.DIGIT_WORDS[toks[i]]
        if d == 0:
            return None
        value += d * 100
        i += 2
    if i < n and toks[i] in vocab.DIGIT_WORDS:
        d = vocab.DIGIT_WORDS[toks[i]]
        nxt = toks[i + 1] if i + 1 < n else None
        if nxt == "puluh":
            if d == 0:
                return None
            value += d * 10
            i += 2
            if i < n and toks[i] in vocab.DIGIT_WORDS and (
                    i + 1 >= n or toks[i + 1] not in ("ratus", "puluh", "belas")):
                unit = vocab.DIGIT_WORDS[toks[i]]
                if unit == 0:
                    return None
                value += unit
                i += 1
        elif nxt == "belas":
            if d == 0:
                return None
            value += 10 + d
            i += 2
        elif nxt in ("ratus",):
            return None  # "dua ratus" after a hundreds part: "lima ratus dua ratus"
        else:
            if d == 0:
                return None
            value += d
            i += 1
    if value == 0:
        return None
    return value, i


def _longest_words(phrase: str) -> tuple[int | None, int]:
    """The longest leading run of number words that parses: (value, length in characters)."""
    value = parse_words(phrase)
    if value is not None:
        return value, len(phrase)
    ends = [m.end() for m in _WORD_TOKEN_RE.finditer(phrase)]
    for end in reversed(ends[:-1]):
        value = parse_words(phrase[:end])
        if value is not None:
            return value, end
    return None, 0


def parse_words(phrase: str) -> int | None:
    """The value of Indonesian number words ("dua ribu lima ratus" -> 2500), or None if ill-formed."""
    raw = _tokens(phrase.strip().lower())
    if not raw:
        return None
    toks = _expand(raw)
    if toks == ["nol"]:
        return 0
    if len(toks) >= 3 and toks[1:3] == ["belas", "ratus"]:
        return _hundreds_past_ten(toks)
    total = 0
    i = 0
    for scale, factor in (("juta", 1_000_000), ("ribu", 1_000)):
        part = _below_thousand(toks, i)
        if part is not None and part[1] < len(toks) and toks[part[1]] == scale:
            total += part[0] * factor
            i = part[1] + 1
    if i < len(toks):
        part = _below_thousand(toks, i)
        if part is None:
            return None
        total += part[0]
        i = part[1]
    if i != len(toks) or total == 0:
        return None
    return total


def _hundreds_past_ten(toks: list[str]) -> int | None:
    """"lima belas ratus" (1.500), "dua belas ratus lima puluh" (1.250), "sebelas ratus" (1.100): hundreds counted
    past ten, as said aloud ("15 ratus" in words), what follows them below a hundred; and so many thousands or
    millions ("lima belas ratus ribu", 1.500.000), never cut short before them. None for anything else."""
    digit = vocab.DIGIT_WORDS.get(toks[0])
    if not digit:
        return None
    value, i = (10 + digit) * 100, 3
    scales = {"ribu": 1000, "juta": 1_000_000}
    if i < len(toks) and toks[i] not in scales:
        part = _below_thousand(toks, i)
        if part is None or part[0] >= 100:
            return None
        value, i = value + part[0], part[1]
    if i < len(toks) and toks[i] in scales:
        value, i = value * scales[toks[i]], i + 1
        if i < len(toks) and (part := _below_thousand(toks, i)) is not None:
            value, i = value + part[0], part[1]
    return value if i == len(toks) else None


# --- Digits ---------------------------------------------------------------------------------

_DIGITS = r"\d{1,3}(?:\.\d{3})+(?![\d,])|\d{1,3}(?:,\d{3})+(?![\d.])|\d+(?:[.,]\d+)?"
_MULT = _alternation(list(vocab.DIGIT_MULTIPLIERS))
_DIGITS_RE = re.compile(rf"^(?:{_DIGITS})$")


_DOT_GROUPS_RE = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")  # "0.800": no thousands open with 0
_COMMA_GROUPS_RE = re.compile(r"\d{1,3}(?:,\d{3})+")


def _zero_slip(token: str, value: int) -> bool:
    """Whether ill-formed digits ("2.0000", "1.50") are value's digits with one zero too many or too few."""
    digits = re.sub(r"[.,\s]", "", token)
    return digits.isdigit() and str(value) in (digits + "0", digits[:-1] if digits.endswith("0") else "")


def parse_digits(token: str, thousands: bool = False, factor: int = 1) -> int | None:
    """The whole number written as digits ("2.000", "2,000", "2000", "615,00"; "1,5" with thousands=True -> 1500).

    factor multiplies the value ("2 ratus": factor=100); thousands=True is factor=1000.
    Returns None for a decimal that does not make a whole number, and for anything not digits.
    """
    if thousands:
        factor = 1000
    token = token.strip()
    if token.isdecimal():
        # Digits alone (most figures), the characters \d matches: what the patterns below come to for them.
        return int(token) * factor
    if not _DIGITS_RE.match(token):
        return None
    if _DOT_GROUPS_RE.fullmatch(token):
        return int(token.replace(".", "")) * factor
    if _COMMA_GROUPS_RE.fullmatch(token):
        return int(token.replace(",", "")) * factor
    if token.isdigit():
        return int(token) * factor
    whole, frac = re.split(r"[.,]", token)
    if len(frac) in (1, 2) and not frac.strip("0"):
        # "615,00", "935.00": a count written with a zero decimal (a spreadsheet's export) is that count.
        return int(whole) * factor
    if factor == 1:
        return None
    scaled = int(whole) * factor + int(frac) * factor // 10 ** len(frac)
    return scaled if (int(frac) * factor) % 10 ** len(frac) == 0 else None


# --- What is not a quantity -----------------------------------------------------------------

_MONTHS = _alternation(list(vocab.MONTHS))
_ID_LABELS = vocab.alternation(vocab.ID_LABELS, space=r"\s*")
_ID_FILLERS = _alternation(vocab.ID_FILLERS)
_PLATE_CODES = _alternation(vocab.VEHICLE_PLATE_CODES)
_UNIT_WORDS = _alternation(vocab.BLANK_UNITS + vocab.PEOPLE_UNITS + vocab.ENGLISH_BLANK_NOUNS)
# A phone's or mail app's line under a mail, from its sending words to the end of the line ("Sent from my iPhone 15",
# "Dikirim dari Samsung Galaxy A54 saya"): the device named within a few words of them.
DEVICE_LINE = (r"(?:dikirim|sent|terkirim|diketik|get)[ \t]+(?:dari|from|via|with|dengan|pakai)\b[^\n]{0,30}?"
               rf"\b(?:{_alternation(vocab.DEVICE_NAMES)})\b[^\n]*")
_FLIGHT_WORDS = _alternation(vocab.FLIGHT_WORDS)
_AIRLINE_CODES = _alternation(vocab.AIRLINE_CODES)
# (A pattern that opens with digits opens with one, \d\d? rather than \d{1,2}: the regex engine then passes over it
# by its first character at each place it tries, see _MASK_PLAIN_LINE_RE.)
_MASK_PATTERNS: tuple[str, ...] = (
    r"[^\s(\[]+@\S+",  # addresses (never "(@500 keping)", a package's size after a bracket)
    r"\b(?:https?://|www\.)\S+",
    r"\brp\.?\s*\d[\d.,]*(?:,-)?",  # money
    r"\b\d[\d.,]*\s*(?:rupiah|juta rupiah)\b",
    # Letter numbers "Nomor: 470/215/Disdukcapil/XI/2022", street numbers "No. 12".
    r"\b(?:nomor|nmr|no|nomer)\b\s*\.?\s*:?\s*[\w.\-]*\d[\w.\-/]*",
    # (A full stop right after such a number ends the sentence: "tgl 16/01/2026. Mohon maaf ...".)
    r"[\w.\-]*\d[\w.\-]*(?:\s?/\s?[\w.\-]*\w){2,}",
    # Reference numbers of a request or ticket: "REQ-2028-0033", "BLK-2026-0044" (letters, a year, a serial), also
    # with the month before the serial: a form's "FRM-2027-06-0041". The pattern opens at the digits (tried at
    # digits only, not at every word) and looks back for the letters.
    r"\b\d\d{3}(?<=[a-z]-\d{4})-\d{2,6}(?:-\d{1,6})?\b",
    # The desk's own references retyped with spaces or underscores: "BLK 2026 0001", "blk_2026_12".
    r"\bblk[ \t]*[-_\u2010-\u2015]?[ \t]*20\d\d[ \t]*[-_\u2010-\u2015]?[ \t]*\d{1,6}\b",
    # Letters referred to: "surat 470/038", "surat kami No. 470/12".
    r"\b(?:surat|srt)\b(?:\s+(?:kami|kmi|nomor|nmr|no\.?))*\s*:?\s*\d[\w.\-]*/[\w.\-/]*\w",
    r"\b(?:rt|rw)\b\s*\.?\s*:?\s*\d+",
    r"\bkode\s*pos\s*:?\s*\d+",
    r"\b(?:km|lantai|lt|blok|kav|kavling|gang|gg|ruang|pasal|ayat|bab|lampiran|hal|halaman|ke)\b\s*[.\-]?\s*\d+\w*(?![.,]\d)",
    # Phones.
    r"\b(?:telp|telpon|telepon|tlp|tel|hp|wa|whatsapp|fax|faks|ponsel|hubungi|kontak|call center|cp)\b\.?"
    rf"(?:\s+(?:{_ID_FILLERS})){{0,2}}\s*:?\s*\+?\(?\d[\d\s\-().]{{5,}}\d",
    r"\+\d[\d\s\-().]{7,}\d",
    r"\(0\d{2,4}\)\s*\d[\d\s\-]*\d",
    # (Not a group of a number with thousands dots: "15.000.000 keping" holds no phone "000.000".)
    r"\b0(?<!\d[.,]0)\d{2,4}[\-\s.]\d{3,5}(?:[\-\s.]\d{2,5})?\b",
    r"\b08\d{7,12}\b",
    # ... partly masked, as people write a number they will not give: "HP 0812-5xxx", "WA 0853 41xx xxxx"
    r"\b08\d{1,3}(?:[\-\s.]?\d{1,5})*[\-\s.]?[x*]{2,}(?:[\-\s.]?[\dx*]+)*",
    # Civil-servant ids and other long ids.
    # An identity number, also after a word or two ("NIK saya ...", "No. KK anak kami ...") and also
    # partly masked ("6503xxxxxxxx0004"): never a quantity.
    rf"\b(?:{_ID_LABELS})\b\.?(?:\s+(?:{_ID_FILLERS})){{0,2}}\s*:?\s*[\dx*][\dx*.\s\-]{{5,}}[\dx*]",
    # A number with digits masked by x or * ("6503xxxxxxxx0004", "0812****7788").
    r"(?<![\w*])\d+[x*]{2,}[\dx*]*|(?<![\w*])[x*]{2,}\d[\dx*]*",
    r"\b\d\d{7}\s+\d{6}\s+\d\s+\d{3}\b",
    # A parcel's tracking number, also in groups: "resi JNE 0107 1233 0045 8812", "AWB: 126-44012289".
    rf"\b(?:{_alternation(vocab.TRACKING_LABELS)})(?![\w&])\.?(?:\s+(?:{_alternation(vocab.TRACKING_FILLERS)})(?![\w&])){{0,2}}"
    r"\s*[:#]?\s*(?:[a-z]{1,4}-?)?\d{3,}(?:[ \t\-]\d{3,}){0,5}\b",
    r"\b\d\d{6,}\b",
    # Dates.
    r"\b\d\d{3}-\d{1,2}-\d{1,2}\b",
    # Dates "12-11-2027", "3/9"; day ranges "tgl 14-16". Two figures with no year are a date only when both can be
    # days: "sisa stok 60-80 keping" is a range of blanks.
    r"\b\d\d?\s*[/\-]\s*\d{1,2}\s*[/\-]\s*\d{2,4}\b",
    r"\b\d\d?(?<![4-9]\d)(?<!3[2-9])\s*[/\-]\s*(?:[0-2]?\d|3[01])\b",
    r"\b\d\d?\.\d{1,2}\.\d{2,4}\b",
    # A month in Roman numerals between the day and the year: "per 31-XII-2026", "tanggal 6 I 2027".
    rf"\b\d\d?(?:\s*[-/.]\s*|[ \t]+)(?:{_alternation(list(vocab.ROMAN_MONTHS))})"
    r"(?:\s*[-/.]\s*|[ \t]+)(?:19|20)\d{2}\b",
    # A span of days before its month: "periode 1 s.d. 31 Oktober 2024", "tgl 1-5 Nov".
    rf"\b\d\d?\s*(?:-|\u2013|s\.?\s?d\.?|s/d|sampai(?:\s+dengan)?|hingga|to|until)\s*\d{{1,2}}\s*(?:{_MONTHS})\b\.?(?:\s*(?:'?\d{{2}}|\d{{4}})\b)?",
    rf"\b\d\d?\s*(?:{_MONTHS})\b\.?(?:\s*(?:'?\d{{2}}|\d{{4}})\b)?",
    # The day, the month's name and the year joined by dashes, as a spreadsheet or an English-locale client
    # writes them: "per 23-Nov-26", "s/d 5-Des-2026".
    rf"\b\d\d?-(?:{_MONTHS})\b(?:-(?:\d{{4}}|\d{{2}})\b)?",
    rf"\b(?:{_MONTHS})\b\.?\s*'?\d{{4}}\b",
    # The English order, month first: "December 1, 2026", "Dec. 9-11", "March 3rd" (never "Des 1.500").
    rf"\b(?:{_MONTHS})\b\.?\s*(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?![.,]\d)"
    rf"(?:\s*(?:-|\u2013|to|until)\s*(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?![.,]\d))?(?:\s*,?\s*(?:19|20)\d{{2}}\b)?",
    # A day of the month: "tgl 15 tidak lapor", "tanggal 5".
    # (Of two digits, a day only, and no multiple: "sisa kia tgl 90 kpg", "stok tgl 2 ratus" are "tinggal", see
    # DAY_OR_LEFT_WORDS.)
    r"\b(?:tgl|tanggal|tggl|tg)\b\.?\s*(?:0?\d|[12]\d|3[01])\b(?![.,]\d)(?!\s*[/\-.]\s*\d)"
    rf"(?![^\S\n]*(?:{_MULT})\b)",
    r"\b(?:tahun|thn|th|ta|t\.a|anggaran|periode|sejak|semester\s+\w+|triwulan\s+\w+|tw\s*\w+)\b\.?\s*(?:19|20)\d{2}\b",
    r"\b(?:19|20)\d{2}\s*/\s*(?:19|20)\d{2}\b",
    # Hijri years and days: "Lebaran 1454 H", "1 Syawal 1454 Hijriah", "Ramadhan 1454", "17 Ramadan".
    rf"\b1[34]\d{{2}}\s*(?:{_alternation(vocab.HIJRI_YEAR_MARKS)})\b\.?",
    rf"(?<![\w.,])(?:[12]\d|3[01]|0?[1-9])\s*(?={_alternation(vocab.HIJRI_MONTHS)}\b)",
    rf"\b(?:{_alternation(vocab.HIJRI_MONTHS)})\b\s*'?1[34]\d{{2}}\b(?![.,]\d)",
    # Times.
    r"\b(?:pukul|pkl|jam)\b\.?\s*\d{1,2}(?:[.:]\d{2})?\b(?:\s*(?:wita|wib|wit))?",
    r"\b\d\d?[.:]\d{2}(?:[.:]\d{2})?(?![\d])(?:\s*(?:wita|wib|wit|am|pm)\b)?",
    # Ordinals and names: "SMA Negeri 1", "SMA N 1", "kelas 2", "tahap 1", "ke-2", "edisi 3"; not a count of
    # blanks after a phone's "smp" ("sdh smp 500 kpg blanko": "sudah sampai").
    r"\b(?:sma|smp|sd|smk|sdn|smpn|sman|smkn|mts|mtsn|sma negeri|smp negeri|sd negeri|negeri|sma n|smp n|smk n|kelas"
    r"|tahap"
    r"|gelombang|angkatan|batch|edisi"
    r"|poin|butir|termin|urutan|sesi|ruangan|loket|pos)\b\s*[.\-]?\s*\d+\b"
    rf"(?![^\S\n]*(?:{vocab.alternation(vocab.BLANK_UNITS)})\b)",
    # A letter's numbered point referred to: "sebagaimana dimaksud pada angka 1 (satu) di atas" (never "stok
    # pada angka 50 keping", a figure with its unit).
    r"\b(?:pada|pd|dalam|sesuai)\s+angka\b\s*\d\d?\b(?![.,]\d)"
    rf"(?![^\S\n]*(?:{vocab.alternation(vocab.BLANK_UNITS)})\b)",
    # A phone's or mail app's line, from its sending words on: "Sent from my iPhone 15", "Dikirim dari iPhone 13
    # saya", "Dikirim dari Samsung Galaxy A54" (the device named within a few words of them).
    r"\b" + DEVICE_LINE,
    # A code of a letter or two joined to its number by a hyphen: a mail app's "K-9 Mail" in a phone's signature, a
    # room "B-2", a form "A-12", an "F-16" (never a count: blanks are counted with a space, "KIA 300").
    r"(?<![\w-])[a-z]{1,2}-\d{1,3}\b(?![.,]\d)",
    # Serial numbers after a hash: a form's response "(#267)", a ticket "#4411", "laporan #12".
    r"(?<![&\w])#\s?\d+\b",
    # Week numbers: "(week 46)", "minggu 33", "pekan 2" (a count of weeks has its number first).
    r"\b(?:week|wk|minggu|pekan)\b\.?\s*(?:ke\s*-?\s*)?\d{1,2}\b(?![.,]\d)",
    # List bullets "1. ..." / "2) ...".
    r"^[ >]*\(?\d{1,2}[.)](?=\s)",
    # District codes "65.01".
    r"\b6[45]\.\d{2}(?:\.\d{2})*\b",
    # Vehicle plates "KT 1234 AB" (the last letters no unit: "kt 500 kpg" is no plate).
    rf"\b(?:{_PLATE_CODES})[ \t]?\d{{1,4}}[ \t]?(?!(?:{_UNIT_WORDS})\b)[a-z]{{1,3}}\b",
    # A flight's number after a word that leads to it: "via kargo Wings Air IW 1380", "pesawat GA 512".
    rf"\b(?:{_FLIGHT_WORDS})[ \t]+(?:[a-z]+[ \t]+){{0,2}}?(?:{_AIRLINE_CODES})[ \t]?\d{{2,4}}\b(?![.,]\d)"
    rf"(?![ \t]*(?:{_UNIT_WORDS})\b)",
)
_MASK_RE = re.compile("|".join(f"(?:{p})" for p in _MASK_PATTERNS), re.MULTILINE)
# The same patterns, not tried between two letters or digits, which is much faster. Only an address
# ("\S+@\S+") and a run with two slashes ("470/215/Disdukcapil") may start inside a word; every other pattern
# starts after a "\b", a lookbehind or at a sign ("+62", "(0552)"), so on a line with no "@" and at
# most one "/" both find the same matches. A "\b" opening a pattern (always before a letter or digit)
# then says nothing more and is left out, so that the regex engine skips a pattern by its first character.
# (On such a line the address and the run of slashes cannot match at all, and are left out, as is a number masked
# with x or * on a line without two of them in a row: each pattern needs what it is left out for, and the others
# find the same matches without it. A pattern written otherwise than below is kept, whatever the line.)
_NEEDS_AT = r"[^\s(\[]+@\S+"
_NEEDS_TWO_SLASHES = r"[\w.\-]*\d[\w.\-]*(?:\s?/\s?[\w.\-]*\w){2,}"
_NEEDS_X_RUN = r"(?<![\w*])\d+[x*]{2,}[\dx*]*|(?<![\w*])[x*]{2,}\d[\dx*]*"
_X_RUN_RE = re.compile(r"[x*][x*]")


def _inside_words_skipped(left_out: tuple[str, ...]) -> re.Pattern[str]:
    kept = [p for p in _MASK_PATTERNS if p not in left_out]
    return re.compile(
        r"(?:(?<!\w)|(?=[+(]))(?:" + "|".join("(?:" + p.removeprefix(r"\b") + ")" for p in kept) + ")", re.MULTILINE
    )


_MASK_INSIDE_WORDS_SKIPPED_RE = _inside_words_skipped((_NEEDS_AT, _NEEDS_TWO_SLASHES))
_MASK_PLAIN_LINE_RE = _inside_words_skipped((_NEEDS_AT, _NEEDS_TWO_SLASHES, _NEEDS_X_RUN))


def _blank(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start())


_HAS_DIGIT_RE = re.compile(r"\d")


# The packing of a count of blanks, in brackets after it: "500 lembar (2 box x 250 lembar)", "400 lembar
# (1 dus isi 400)", "500 keping (@ 250)". It explains that figure and is no figure of its own. (After a
# count of boxes, "4 box (1 box isi 500 keping)", the bracket gives the size that makes the total.)
# The bracket may open with a word that leads into what it explains, and follow a figure without its unit:
# "1.100 kpg bukan 1.000 (ada 1 dus tambahan 100)": the extra box explains the difference, no figure of its own.
_PACKING_RE = re.compile(
    rf"\d\s*(?:(?:{_alternation(vocab.BLANK_UNITS)})\b)?[ \t]*(?P<pack>\(\s*"
    rf"(?:(?:{_alternation(vocab.PACK_NOTE_LEADS)})\s+)?(?:\d{{1,3}}\s*"
    rf"(?:{_alternation(vocab.PACKAGE_UNITS)})\b|@\s*\d)[^()\n]{{0,40}}\))"
)


_PACKAGES = _alternation(vocab.PACKAGE_UNITS)
# After a count: its package and, in brackets, the size of one ("box (1 box isi 100 keping)", "dus (@ 500
# lembar)", "box (1 box = 250 lembar)").
_PACKED_RE = re.compile(
    rf"[ \t]*(?:{_PACKAGES})\b[ \t]*\([ \t]*(?P<one>(?:1|satu|se)[ \t]*)?(?:(?:{_PACKAGES})\b[ \t]*)?"
    rf"(?P<mark>isi|berisi|=|@|:|x|\u00d7)?[ \t]*(?P<size>\d{{1,3}}(?:\.\d{{3}})*)[ \t]*"
    # (not "(500 keping per dus)": the size of one, read by _PACKED_INLINE_RE)
    rf"(?:{_alternation(vocab.BLANK_UNITS)})\b(?![ \t]*(?:/|per\b)[ \t]*(?:{_PACKAGES})\b)[^()\n]{{0,20}}\)"
)


_BLANKS = _alternation(vocab.BLANK_UNITS)
_SIZE = r"(?P<size>\d{1,3}(?:\.\d{3})*)"
_WHOLE = rf"(?:[ \t]+(?:{_alternation(vocab.WHOLE_PACK_WORDS)})\b)?"
# After a count, its package and the size of one written beside it, no brackets: "dus, isi per dus 500
# keping", "dus @ 500 keping", "box masing-masing isi 250 lembar"; or bracketed after the size word:
# "dus utuh (isi 500/dus)".
_PACKED_INLINE_RE = re.compile(
    rf"[ \t]*(?:{_PACKAGES})\b{_WHOLE}[ \t]*,?[ \t]*(?:"
    rf"(?:{_alternation(vocab.PACK_SIZE_WORDS)})(?:[ \t]+per[ \t]+(?:{_PACKAGES})\b)?"
    rf"[ \t]*{_SIZE}\s*(?:{_BLANKS})\b"
    rf"|\([ \t]*(?:isi|berisi|@)[ \t]*(?P<size2>\d{{1,3}}(?:\.\d{{3}})*)[ \t]*(?:(?:{_BLANKS})\b)?"
    rf"[ \t]*(?:(?:/|per)[ \t]*(?:{_PACKAGES}))?[ \t]*\)"
    # "4 dus @ 500.", "6 boxes of 500 plus ...": a word that says "each" needs no unit after the size.
    rf"|(?:{_alternation(vocab.PACK_EACH_WORDS)})[ \t]*(?P<size3>\d{{1,3}}(?:\.\d{{3}})*)(?![.,]?\d))"
)
# After packages counted with their size, more of another size: "3 dus @ 500 dan 5 pak @ 100", "6 boxes of 500
# plus 1 pack of 100": one count of blanks, the sum.
_MORE_PACKED_RE = re.compile(
    rf"[ \t]*(?:{_alternation(vocab.PACK_JOIN_WORDS)})[ \t]*(?P<count>\d{{1,2}})[ \t]*(?:{_PACKAGES})\b[ \t]*"
    rf"(?:{_alternation(vocab.PACK_EACH_WORDS)})[ \t]*(?P<size>\d{{1,3}}(?:\.\d{{3}})*)(?![.,]?\d)"
    rf"(?:[ \t]*(?:{_BLANKS})\b)?"
)
# After a count of courier's parcels, what they hold in all: "3 koli berisi 1.000 keping" is 1.000 blanks.
_PARCELS_HOLD_RE = re.compile(
    rf"[ \t]*(?:{_alternation(vocab.PARCEL_UNITS)})\b[ \t]*,?[ \t]*\(?[ \t]*"
    rf"(?:{_alternation(vocab.PARCEL_HOLDS_WORDS)})\b[ \t]*:?[ \t]*"
    rf"(?P<total>\d{{1,3}}(?:\.\d{{3}})+|\d{{1,5}})[ \t]*(?:{_BLANKS})\b\)?"
)
_PARCEL_WORD_RE = re.compile(rf"[ \t]*(?:{_alternation(vocab.PARCEL_UNITS)})\b")
# The size of a package stated anywhere in a mail: "isi per dus 500 keping", "1 dus = 500 lembar".
_SIZE_STATED_RE = re.compile(
    rf"(?:(?:isi|berisi)(?:[ \t]+per[ \t]+(?:{_PACKAGES}))?|(?:1|satu|se)[ \t]*(?:{_PACKAGES})[ \t]*(?:=|isi|berisi))"
    rf"[ \t]*{_SIZE}\s*(?:{_BLANKS})\b"
)
# After whole packages, the loose blanks added: "1 dus utuh ditambah 87 keping ecer".
_LOOSE_TAIL_RE = re.compile(
    rf"{_WHOLE}[ \t]*(?:(?:{_alternation(vocab.PLUS_WORDS)})[ \t]*(?P<loose>\d{{1,3}})[ \t]*(?:{_BLANKS})\b"
    rf"(?:[ \t]+(?:{_alternation(vocab.LOOSE_WORDS)})\b)?"
    rf"|(?:{_alternation(vocab.AND_WORDS)})[ \t]+(?P<loose2>\d{{1,3}})[ \t]*(?:{_BLANKS})[ \t]+"
    rf"(?:{_alternation(vocab.LOOSE_WORDS)})\b)"
)
_PACKAGE_WORD_RE = re.compile(rf"[ \t]*(?:{_PACKAGES})\b")
# After whole packages of no stated size, loose blanks added and the count in all in brackets: "Sisa 24 dus + 35
# keping (2.435 keping)", "3 box + 40 lembar ecer (total 1.540 lembar)".
_PACKS_LOOSE_TOTAL_RE = re.compile(
    rf"[ \t]*(?:{_PACKAGES})\b{_WHOLE}[ \t]*(?:{_alternation(vocab.PLUS_WORDS)})[ \t]*(?P<loose>\d{{1,3}})[ \t]*"
    rf"(?:{_BLANKS})\b(?:[ \t]+(?:{_alternation(vocab.LOOSE_WORDS)})\b)?[ \t]*\([ \t]*"
    rf"(?:(?:=|{_alternation(vocab.PACK_TOTAL_WORDS)})[ \t]*:?[ \t]*)?"
    rf"(?P<total>\d{{1,3}}(?:\.\d{{3}})+|\d{{1,5}})[ \t]*(?:{_BLANKS})\b[ \t]*\)"
)
# After a count of packages, the blanks they hold in all: "5 dus, total 2.500 keping", "4 box (= 2.000 lembar)".
_PACK_TOTAL_RE = re.compile(
    rf"[ \t]*(?:{_PACKAGES})\b{_WHOLE}[ \t]*[,(]?[ \t]*(?:{_alternation(vocab.PACK_TOTAL_WORDS)})[ \t]*:?[ \t]*"
    rf"(?P<total>\d{{1,3}}(?:\.\d{{3}})+|\d{{1,5}})[ \t]*(?:{_BLANKS})\b\)?"
)


# ... or as so many a package: "100 keping per pak", "500/dus".
_SIZE_PER_PACKAGE_RE = re.compile(
    rf"(?<![\d.,]){_SIZE}[ \t]*(?:(?:{_BLANKS})\b)?[ \t]*(?:/|per\b)[ \t]*(?P<package>{_PACKAGES})\b"
)


# ... or beside a count of them, as so many each: "seharusnya 6 dus @500 ... yang sampai cuma 5 dus".
_SIZE_EACH_PACKAGE_RE = re.compile(
    rf"(?<![\d.,])\d{{1,3}}[ \t]*(?P<package>{_PACKAGES})\b[ \t]*(?:{_alternation(vocab.PACK_EACH_WORDS)})[ \t]*"
    rf"{_SIZE}(?![.,]?\d)"
)
_SIZE_HINTS = ("isi", "=", "/", "per", *vocab.PACK_EACH_WORDS)


def _pack_size(low: str, package: str) -> int | None:
    """The one size of a package a mail states ("isi per dus 500 keping", "(1 box = 500 keping)"), or None; a size
    said as so many per package ("100 per pak") or beside a count of packages ("6 dus @500") counts for that
    package only. Read from the text before masking: a size in brackets after a figure ("40 keping (1 box = 500
    keping)") is masked as that figure's packing, yet it states the size."""
    if not any(hint in low for hint in _SIZE_HINTS):
        return None
    sizes = {parse_digits(m.group("size")) for m in _SIZE_STATED_RE.finditer(low)}
    sizes |= {
        parse_digits(m.group("size"))
        for found in (_SIZE_PER_PACKAGE_RE, _SIZE_EACH_PACKAGE_RE)
        for m in found.finditer(low)
        if m.group("package") == package
    }
    return sizes.pop() if len(sizes) == 1 else None


_READER_PACKAGES = _alternation(vocab.READER_PACKAGE_UNITS)
_READER_PACKAGE_AFTER_RE = re.compile(rf"[ \t]*(?:{_READER_PACKAGES})\b")
# ... as it is where a blank's name follows the word: "mohon dikirim 20 pak blangko KTP-el".
_READER_PACKAGE_OF_BLANKS_RE = re.compile(
    rf"[ \t]*(?:{_READER_PACKAGES})[ \t]+"
    rf"(?:{_alternation(vocab.GENERIC_BLANK_WORDS + vocab.KTP_WORDS + vocab.KIA_WORDS)})\b"
)
# Where a mail gives the size of a "pak" ("1 pak = 100 keping", "1 pak isi 100", "100 per pak", "100/pak"), the
# word after a figure is a pack, not the reader addressed.
_READER_PACKAGE_SIZED_RE = re.compile(rf"\b(?:1|satu|se)[ \t]*(?:{_READER_PACKAGES})[ \t]*(?:=|:|isi\b|berisi\b)")


def _packs_sized(low: str) -> bool:
    """Whether a mail gives the size of a "pak" ("1 pak = 100 keping", "100 per pak")."""
    return _READER_PACKAGE_SIZED_RE.search(low) is not None or any(
        m.group("package") in vocab.READER_PACKAGE_UNITS for m in _SIZE_PER_PACKAGE_RE.finditer(low)
    )


def _blank_packing(m: re.Match[str]) -> str:
    text = m.group()
    start = m.start("pack") - m.start()
    return text[:start] + " " * (len(text) - start)


# A date written in words: the day before a month's name, the year after it ("per tanggal tiga puluh
# November dua ribu dua puluh enam", "pada tanggal dua Desember dua ribu dua puluh enam").
# Only full names: "may" is also a verb ("we may need two thousand"), and "des", "mar" are no date alone.
_FULL_MONTHS = [m for m in vocab.MONTHS if len(m) > 3 or m == "mei"]
# A text with no month's name in it (most) has no date in words: one search, without _MONTH_NAME_RE's "\b"
# (which the regex engine tries at every character).
_MONTH_WORD_RE = re.compile(_alternation(_FULL_MONTHS))
_DAY_WORDS_BEFORE_RE = re.compile(rf"(?P<words>{WORDS_PATTERN})[ \t]+$")
# A day in digits with its words in brackets right before a month: "per 31 (tiga puluh satu) Desember 2026".
_DAY_SPELLED_BEFORE_RE = re.compile(
    rf"(?<![\d.,])(?P<day>\d{{1,2}})[ \t]*\([ \t]*(?P<words>{WORDS_PATTERN})[ \t]*\)[ \t]+$"
)
_YEAR_WORDS_AFTER_RE = re.compile(rf"[ \t]+(?P<words>{WORDS_PATTERN})")
_DAY_WORDS_REACH = 40  # "dua puluh tujuh " is the longest day in words
_MONTH_NAME_RE = re.compile(rf"\b(?:{_alternation(_FULL_MONTHS)})\b")
# A count of things right after the words makes them a count, not a year ("Desember dua ribu keping").
_COUNTED_AFTER_RE = re.compile(
    rf"[ \t]*\(?[ \t]*(?:{_alternation(vocab.BLANK_UNITS + vocab.PEOPLE_UNITS + vocab.ENGLISH_BLANK_NOUNS)})\b"
)


def _mask_word_dates(low: str) -> str:
    """low with the day and the year of each date written in words blanked: a day is 1 to 31 right
    before a month's name, a year 1900 to 2100 right after it."""
    if _MONTH_WORD_RE.search(low) is None:
        return low
    out: list[str] | None = None
    for month in _MONTH_NAME_RE.finditer(low):
        lo = max(0, month.start() - _DAY_WORDS_REACH)
        day = _DAY_WORDS_BEFORE_RE.search(low, lo, month.start())
        year = _YEAR_WORDS_AFTER_RE.match(low, month.end())
        spelled = _DAY_SPELLED_BEFORE_RE.search(low, lo, month.start())
        if spelled is not None and int(spelled.group("day")) == parse_words(spelled.group("words")) and (
            1 <= int(spelled.group("day")) <= 31
        ):
            out = out if out is not None else list(low)
            out[spelled.start() : spelled.end()] = " " * (spelled.end() - spelled.start())
            day = None
        for found, least, most in ((day, 1, 31), (year, 1900, 2100)):
            if (
                found is not None
                and (value := parse_words(found.group("words"))) is not None
                and least <= value <= most
                and not _COUNTED_AFTER_RE.match(low, found.end("words"))
            ):
                out = out if out is not None else list(low)
                out[found.start("words") : found.end("words")] = " " * (found.end("words") - found.start("words"))
    return low if out is None else "".join(out)


def mask_non_quantities(low: str) -> str:
    """Blank out (with spaces, keeping every index) the numbers that are never quantities."""
    low = _mask_word_dates(low)
    if not _HAS_DIGIT_RE.search(low):
        return low
    # Only lines with a digit can hold something to blank; skipping the rest is much faster.
    lines = low.split("\n")
    for i, line in enumerate(lines):
        if _HAS_DIGIT_RE.search(line):
            if "@" in line or line.count("/") > 1:
                mask = _MASK_RE
            else:
                mask = _MASK_INSIDE_WORDS_SKIPPED_RE if _X_RUN_RE.search(line) else _MASK_PLAIN_LINE_RE
            lines[i] = mask.sub(_blank, line)
            if "(" in line:
                lines[i] = _PACKING_RE.sub(_blank_packing, lines[i])
    masked = "\n".join(lines)
    return _whole_broken_figures(masked) if _BROKEN_HINT_RE.search(low) else masked


# --- Mentions -------------------------------------------------------------------------------

_BLANK_UNITS = _alternation(vocab.BLANK_UNITS)
_PEOPLE_UNITS = _alternation(vocab.PEOPLE_UNITS)
_OTHER_UNITS = _alternation([u for u in vocab.OTHER_UNITS if u != "%"])
# A unit stands on the same line as its number: "812\n\nOperator ..." has no unit.
_UNIT_RE = re.compile(
    rf"(?:[^\S\n]*|-(?=(?:{_alternation(vocab.HYPHEN_DURATION_UNITS)})\b))(?:(?P<blank>(?:{_BLANK_UNITS})\b)|(?P<people>(?:{_PEOPLE_UNITS})\b)|(?P<other>%|(?:{_OTHER_UNITS})\b))"
)
# "100 keping per hari" is a rate; "700 keping per hari ini" (as of today) is not.
_RATE_RE = re.compile(
    rf"[^\S\n]*(?:\w+[^\S\n]+)?(?:{_alternation(vocab.RATE_WORDS)})(?![^\S\n]*(?:ini|tsb|tersebut)\b)"
)
# A figure typed onto a role word or a blank's name with no space ("cetak149", "sisa2.061", "ktpel1000"),
# two digits at least ("sisa2 blangko" is "sisa-sisa").
_GLUED_AFTER = "|".join(f"(?<={re.escape(w)})" for w in vocab.GLUED_FIGURE_WORDS)
_NUMBER_RE = re.compile(
    rf"(?=\d)(?:(?<![\w.,/])|(?:{_GLUED_AFTER})(?=\d[.,]?\d))(?P<num>{_DIGITS})(?P<an>\s?-?an\b)?(?:\s*(?P<mult>{_MULT})(?P<multan>-?an)?\b)?"
    rf"|(?P<words>{WORDS_PATTERN})"
)
# Where a figure of _NUMBER_RE may start: at a digit, or at a number word. This pattern opens with a
# character the regex engine looks for, where _NUMBER_RE opens with look-arounds tried at every character:
# _NUMBER_RE is tried only where this one matches (_next_number), and finds what its own search finds.
_NUMBER_START_RE = re.compile(rf"\d|{_WORD_TOKEN}")


def _next_number(masked: str, pos: int) -> re.Match[str] | None:
    """_NUMBER_RE.search(masked, pos): the first figure from pos on."""
    while (start := _NUMBER_START_RE.search(masked, pos)) is not None:
        found = _NUMBER_RE.match(masked, start.start())
        if found is not None:
            return found
        pos = start.start() + 1
    return None


# Right after the thousands' digits: "rb" (or "k") and the hundreds glued to it, "2rb3", "1rb500", "2 rb500".
_RB_TAIL_RE = re.compile(rf"(?:{vocab.GLUED_THOUSANDS})(?P<tail>\d{{1,3}})(?![\w.,])")
# ... or "ribu" and the three figures below the thousands glued to it, "2ribu500" (2.500), as parse_quantity reads it.
_RIBU_TAIL_RE = re.compile(r"[^\S\n]*(?:ribu|rbu|rebu)(?P<tail>\d{3})(?![\w.,])")
# After one digit: "2 setengah rb", a half and its scale word (2.500), or a decimal spoken and typed by voice, "1 koma
# 2 ribu" (1.200, of thousands and more only): the part goes with the scale after it.
_PART_SCALE_AFTER_RE = re.compile(
    rf"[ \t]+(?:(?P<half>{_alternation(vocab.HALF_WORDS)})[ \t]+(?P<scale>ribu|rb|juta|jt|ratus)"
    r"|koma[ \t]+(?P<tenth>\d)[ \t]+(?P<thousands>ribu|rb|juta|jt))\b")
_DIGIT_WORD = _alternation(["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"])
_KOMA_WORDS_RE = re.compile(
    rf"(?P<whole>{_DIGIT_WORD})[ \t]+(?:koma[ \t]+(?P<tenth>{_DIGIT_WORD})|(?P<half>{_alternation(vocab.HALF_WORDS)}))"
    rf"[ \t]+(?P<scale>ribu|rb|juta|jt|ratus)\b"
)


def _in_parentheses(figure: str) -> re.Pattern[str]:
    """The figure (the pattern *figure*) restated in parentheses right after another, its unit maybe
    with it: "2.000 (dua ribu)", "dua ribu (2.000 keping)"."""
    return re.compile(rf"\s*\(\s*{figure}\s*(?:(?:{_BLANK_UNITS})\b)?\s*\)")


_PAREN_WORDS_RE = _in_parentheses(rf"(?P<words>{WORDS_PATTERN})")
_PAREN_DIGITS_RE = _in_parentheses(rf"(?P<num>{_DIGITS})")
_TAIL_WORDS_RE = re.compile(rf"\s+(?P<words>{WORDS_PATTERN})")
# Digits right after a multiplied figure, on its line: "2 ratus 45" (245), "1 ribu 200" (1.200), "2 ribu 5 ratus"
# (2.500). The part after is what the multiple leaves, so it is less than the multiplier.
# A digit in the part after may count tens or hundreds ("1 ribu 2 ratus 5 puluh" 1.250, "2 rb 3 rts" 2.300, "seribu 3
# ratus 7 puluh 5" 1.375): see _SCALED_TAIL and _tail_value.
_SCALED_TAIL = (
    r"(?P<tail>\d{1,3})(?:[^\S\n]*(?P<hundreds>ratus|rts)\b|[^\S\n]*(?P<tens>puluh)\b"
    r"(?:[^\S\n]+(?P<ones>[1-9])(?![\d.,/:]|[^\S\n]*(?:ribu|rb|juta|jt|ratus|rts|puluh)\b))?(?![^\S\n]+\d))?"
)
_TAIL_DIGITS_RE = re.compile(
    rf"[^\S\n]+{_SCALED_TAIL}(?![\d.,/:]|[^\S\n]*(?:ribu|rb|juta|jt|ratus|rts|puluh)\b)"
)
# Number words that end in thousands ("seribu", "dua ribu", "tiga rb"), and digits right after them on their line:
# "seribu 500", "dua ribu 500, stok 120" (1.500, 2.500). Digits there that go on ("seribu 2.000", "seribu 500/hari")
# leave the figure unclear.
_ENDS_IN_THOUSANDS_RE = re.compile(r"(?<![\w-])(?:seribu|ribu|rbu|rebu|rb)$")
_WORDS_TAIL_DIGITS_RE = re.compile(
    rf"[^\S\n]+{_SCALED_TAIL}(?!\d|[.,]\d|[/:]|[^\S\n]*(?:ribu|rb|juta|jt|ratus|rts|puluh)\b)"
)


def _tail_value(tail: re.Match[str]) -> int | None:
    """What the digits after a multiple say (a match of _TAIL_DIGITS_RE or _WORDS_TAIL_DIGITS_RE): "45" 45,
    "3 ratus" / "3 rts" 300, "5 puluh" 50, "7 puluh 5" 75. A digit before "puluh" counts tens, never ones ("seribu 5
    puluh" is 1.050, not 1.005); None when more than one digit stands before "ratus" or "puluh" ("seribu 25 puluh"):
    no number, the figure is unclear."""
    figure = int(tail.group("tail"))
    if tail.group("hundreds") or tail.group("tens"):
        if not 0 < figure < 10:
            return None
        return figure * 100 if tail.group("hundreds") else figure * 10 + int(tail.group("ones") or 0)
    return figure


# A number that ends in thousands and one digit: "dua ribu lima", "seribu dua", "3 rb empat", "2 rb 5".
_ONE_DIGIT_WORD = _alternation([word for word, digit in vocab.DIGIT_WORDS.items() if digit])
_THOUSANDS_THEN_ONE_DIGIT_RE = re.compile(
    rf"(?:ribu|rbu|rebu|(?<![^\W\d_])rb)[\s-]+(?P<digit>{_ONE_DIGIT_WORD}|[1-9])$")


def short_hundreds(words: str, value: int) -> tuple[int, int] | None:
    """The two readings of a number that ends in thousands and one digit, a word or a figure ("dua ribu lima", "2 rb
    5" -> (2005, 2500)), *value* being what it says as written; None for any other number.

    As written "dua ribu lima" is 2.005, but said aloud it is as often "dua ribu lima ratus" cut short (2.500), and
    2.005 blanks is no figure a district asks for: a clerk would ask. So would the desk: the district's mail is
    asked back, a typed quantity refused with both readings."""
    found = _THOUSANDS_THEN_ONE_DIGIT_RE.search(words.strip().lower())
    if found is None:
        return None
    said = found.group("digit")
    digit = int(said) if said.isdigit() else vocab.DIGIT_WORDS[said]
    return value, value - digit + digit * 100


_DIGITS_AFTER_RE = re.compile(r"[^\S\n]+\d")
_GLUED_DIGITS_RE = re.compile(r"[.,]\d")
# A figure below a thousand right beside the one before it on its line: "1.000 500 keping".
_FIGURE_BESIDE_RE = re.compile(r"[^\S\n]+\d{1,3}(?![\d.,/:])")
# A figure below a thousand after a comma, in digits or words, right after thousands: "seribu, 500 keping", "2.000,
# 250 keping", "dua ribu, tiga ratus keping".
# Thousands in words of any of the districts' languages, then a comma, right before a figure: "one thousand, 500
# blanks", "sewu, 250 keping", "seribu, 300" (the thousands may be words the reader counts nowhere else).
# A thousands word before a comma ("seribu, 500 keping", Javanese "kalih ewu, 500 keping"): the figure after the
# comma may be what the thousands leave, or a figure of its own; never read alone.
_AFTER_THOUSANDS_COMMA_RE = re.compile(
    r"(?:ribu|rebu|rbu|(?<![^\W\d_])rb|sewu|(?<![^\W\d_])ewu|sarebu|thousand)[^\S\n]*,[^\S\n]*$", re.IGNORECASE)
_THOUSANDS_FIGURE_RE = re.compile(r"\d{1,3}(?:[.,]\d{3})+(?!\d)|\d{4,}")
# A full stop, a space and a figure below a thousand right after thousands: "sebanyak 1.000. 500 keping" (a figure
# below a thousand before the stop ends a sentence: "tinggal 200. 600 keping saja cukup").
_STOP_THEN_PART_RE = re.compile(r"[^\S\n]*\.[^\S\n]+(?P<digits>\d{1,3})(?![\d.,/:])")
_COMMA_THEN_PART_RE = re.compile(
    rf"[^\S\n]*,[^\S\n]*(?:(?P<digits>\d{{1,3}})(?![\d,/:]|\.\d)|(?P<words>{WORDS_PATTERN}))")
# What closes "thousands, part" as one figure's spelling: the pieces counted, or the end of the clause ("2.000, 250.").
_PART_CLAUSE_END_RE = re.compile(r"[^\S\n]*(?:$|\n|[;!?)]|\.(?!\d))")
_PIECES_AFTER_RE = re.compile(rf"[^\S\n]*(?:{_alternation(vocab.PIECE_WORDS)})\b")
# A figure that ends in hundreds or in millions, in words or after digits ("tiga ratus", "2 ribu 3 ratus", "sejuta"),
# before digits on its line.
_ENDS_IN_HUNDREDS_RE = re.compile(r"(?<![\w-])(?:seratus|ratus|rts)$")
_ENDS_IN_TENS_RE = re.compile(r"(?<![\w-])(?:sepuluh|puluh)$")
_ENDS_IN_MILLIONS_RE = re.compile(r"(?<![\w-])(?:sejuta|juta|jt)$")


def _ends_in_word(words: tuple[str, ...]) -> re.Pattern[str]:
    """One of *words* at the end of the text before a figure, a colon maybe between: "sekitar", "kurang lebih:"."""
    return re.compile(rf"(?:^|[^\w])(?:{_alternation(words)})\s*:?\s*$")


# A multiplier word that did not multiply: "2 ribuan", "2 puluhan", "seribu lima ratusan". The
# number before it is never a quantity on its own; at best it is an estimate of the multiple.
_STEM_AFTER_RE = re.compile(rf"[ \t\-]*(?:{_alternation(vocab.MULTIPLIER_STEMS)})[a-z\-]")
_AGO_RE = re.compile(
    rf"[^\S\n]*(?:{_alternation(vocab.TIME_UNITS)})[^\S\n]+(?:{_alternation(vocab.AGO_WORDS)})\b"
)
_APPROX_BEFORE_RE = _ends_in_word(vocab.APPROX_BEFORE)
_LEAST_BEFORE_RE = _ends_in_word(vocab.LEAST_ASK_BEFORE)
# "700+" is 700 or more; "cetak 79 + rusak 4" adds a named figure to it, and is no estimate.
_APPROX_AFTER_RE = re.compile(
    rf"\s*(?:\+(?!\d)(?![ \t]*[a-z][\w-]*[ \t]*:?[ \t]*\d)|(?:{_alternation(vocab.APPROX_AFTER)})\b"
    # "left 300 plus only", "300-odd pcs.": a bound closing its clause.
    rf"|[ \t]*(?:{_alternation(vocab.OPEN_BOUND_AFTER)})\b"
    rf"(?=[^\S\n]*(?:[.,;!?)]|\n|\Z|(?:{_alternation(vocab.OPEN_BOUND_CLOSERS)})\b)))"
)
_ABOUT_BEFORE_RE = _ends_in_word(vocab.ABOUT_BEFORE)
_EXACT_FOLLOWS_RE = re.compile(
    rf"[^\S\n]*[(,;]?[^\S\n]*(?:{_alternation(vocab.EXACT_FIGURE_WORDS)})\b[^\S\n]*:?[^\S\n]*\d"
)
_ESTIMATE_BEFORE_RE = _ends_in_word(vocab.ESTIMATE_WORDS)
_RANGE_BETWEEN_RE = re.compile(
    rf"^\s*(?:(?:{_BLANK_UNITS})\s*)?(?:{_alternation(vocab.RANGE_OR_CHOICE_WORDS)}"
    rf"|,[^\S\n]*(?:{_alternation(vocab.CHOICE_AFTER_COMMA_WORDS)})(?![\w-]))\s*$"
)


# The word that names a year before a number ("tahun dua ribu dua puluh enam", "TA 2026").
# Right before a number in words, a word naming a count of blanks ("perekaman seratus dua belas pencetakan
# sembilan puluh tujuh", said into a phone): a small compound number ("sembilan puluh tujuh") counts there
# without a unit.
_COUNT_LEAD_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:" + _alternation(vocab.SPELLED_COUNT_LEADS) + r")"
    # ... its day between: "perekaman hari ini empat puluh dua".
    r"(?:[^\S\n]+(?:" + _alternation(vocab.NOW_PERIOD_WORDS) + r"))?[^\S\n]*:?[^\S\n]*$"
)
_COMPOUND_WORDS_RE = re.compile(r"(?<![\w-])(?:puluh|belas)(?![\w-])")
_YEAR_WORD_BEFORE_RE = re.compile(r"\b(?:tahun|thn|th|ta|t\.a|anggaran|year)\b\.?[^\S\n]*$")


def _looks_like_year(token: str) -> bool:
    """Four plain digits from 1950 to 2099 that are not a round count ("2027", not "2000" or "2050").

    District staff write counts of that size grouped ("2.027") or round; a bare "2027" beside
    "kebutuhan" is the year of the need, and a clerk would not take it as a quantity.
    """
    value = int(token)
    return len(token) == 4 and 1950 <= value <= 2099 and value % 50 != 0


@quick
@dataclass(frozen=True)
class Mention:
    """A number found in text that may be a quantity.

    value is None when it is not a whole number (a decimal) or when digits and words disagree
    (then conflict is true). approximate marks estimates and bounds ("sekitar 700", "650an",
    "kurang dari 1.000"). bare marks a year-like or long number written without grouping or
    unit ("2022", "77212"), which counts only next to a role word.
    """

    start: int
    end: int
    value: int | None
    text: str
    approximate: bool = False
    conflict: bool = False
    unit: UnitKind | None = None
    rate: bool = False
    bare: bool = False
    spelled: bool = False  # written only in words
    year: bool = False  # four plain digits that read as a recent or coming year ("2027")
    about: bool = False  # "± 1.200", "kurang lebih 1.200": the figure stated, yielding to an exact one
    estimate: int | None = None  # "kira-kira 2.500": the round figure an estimate word gives (approximate)
    least: bool = False  # "minimal 600": a lower bound (approximate); asked for, the least needed is the figure


# A blank or people unit may open the next line when prose is wrapped:
# "pencetakan sebanyak dua puluh delapan\nkeping".
_WRAPPED_UNIT_RE = re.compile(
    rf"[^\S\n]*\n[^\S\n]*(?:(?P<blank>(?:{_BLANK_UNITS})\b)|(?P<people>(?:{_PEOPLE_UNITS})\b))(?!\s*[:|])"
)
_WRAP_MIN = 45  # a line at least this long that ends without punctuation is wrapped prose


_THIS_PERIOD_RE = re.compile(
    rf"[^\S\n]*(?:{_alternation(vocab.TIME_UNITS)})[^\S\n]+(?:{_alternation(vocab.THIS_PERIOD_WORDS)})\b"
)


# "2 minggu ini" (these two weeks): see vocab.FEW_PERIODS_UNITS.
_FEW_PERIODS_RE = re.compile(
    rf"[^\S\n]*(?:{_alternation(vocab.FEW_PERIODS_UNITS)})[^\S\n]+(?:{_alternation(vocab.THIS_PERIOD_WORDS)})\b"
)


def _unit_after(low: str, pos: int) -> tuple[UnitKind | None, int]:
    m = _UNIT_RE.match(low, pos)
    if not m:
        m = _WRAPPED_UNIT_RE.match(low, pos)
        if m and pos - (low.rfind("\n", 0, pos) + 1) >= _WRAP_MIN:
            return ("blank" if m.group("blank") else "people"), m.end()
        return None, pos
    kind: UnitKind = "blank" if m.group("blank") else "people" if m.group("people") else "other"
    if kind == "other" and _THIS_PERIOD_RE.match(low, pos):
        # "cetak 133 hari ini", "rekam 410 minggu ini": today, this week; no unit of the figure.
        return None, pos
    return kind, m.end()


# Thousands written with a space: "2 310", "1 558 kpg", "2 000 keping". Two groups only (a blank count has no
# millions; "412 775 093 218" is a meeting id), the first without a leading zero ("07 123"), no digit group
# glued before or after ("19720518 199803 1 006", "0812 345 6789", "rata2 140").
_SPACE_THOUSANDS_RE = re.compile(r"(?<![\w.,/+#:-])(?<!\d )(?P<a>[1-9]\d{0,2}) (?P<b>\d{3})(?!\d|[.,]\d| \d)")
_SPACE_GROUP_HINT_RE = re.compile(r"\d \d\d\d")
# What may follow the two groups when they are one figure: the end of its clause, or a word that starts the next.
_SPACE_THOUSANDS_END_RE = re.compile(
    rf"[^\S\n]*(?:$|\n|[.,;!?)]|(?:{_alternation(vocab.SPACE_THOUSANDS_CLAUSE_WORDS)})\b)"
)
_SPACE_THOUSANDS_DOUBT_RE = re.compile(
    rf"(?<![\w-])(?:{_alternation(vocab.SPACE_THOUSANDS_DOUBT_BEFORE)})\.?[^\S\n]*:?[^\S\n]*$"
)


def space_thousands(low: str, masked: str) -> tuple[str, frozenset[int]]:
    """masked with thousands written with a space made one figure ("2 310" -> "2.310"), and where two
    readings stand, the starts of the figures to leave unread.

    The groups are one figure when the context makes them a quantity: a unit of blanks after them
    ("1 558 kpg"), a second group "000" (never a figure of its own), or the end of the figure's clause
    ("sisa tetap 2 051", "sisa 1 840. kia ..."). A role word after the second group ("perekaman 2 310 cetak")
    may own it: left as two figures. A day or a code word before the first group ("stok KIA tgl 1 118 kpg":
    "tinggal 1.118", or 118 on the 1st) gives two readings: the figure is doubtful.
    """
    if _SPACE_GROUP_HINT_RE.search(low) is None:
        # most mail has none: a plain search is three times cheaper
        if _BROKEN_HINT_RE.search(low) is None:
            return masked, frozenset()
        broken: set[int] = set()
        return _broken_figures(low, masked, broken), frozenset(broken)
    joins: list[int] = []
    doubtful: set[int] = set()
    for m in _SPACE_THOUSANDS_RE.finditer(low):
        a, b = m.span("a"), m.span("b")
        if masked[b[0]:b[1]] != low[b[0]:b[1]]:
            continue
        unit = _UNIT_RE.match(masked, b[1])
        one_figure = (
            m.group("b") == "000"
            or (unit is not None and unit.group("blank") is not None)
            or _SPACE_THOUSANDS_END_RE.match(masked, b[1]) is not None
        )
        if not one_figure:
            continue
        line_start = low.rfind("\n", 0, a[0]) + 1
        if _SPACE_THOUSANDS_DOUBT_RE.search(low, line_start, a[0]) or masked[a[0]:a[1]] != low[a[0]:a[1]]:
            doubtful.add(a[0] if masked[a[0]:a[1]] == low[a[0]:a[1]] else b[0])
            continue
        joins.append(a[1])
    if joins:
        chars = list(masked)
        for i in joins:
            chars[i] = "."
        masked = "".join(chars)
    if _BROKEN_HINT_RE.search(low) is not None:
        masked = _broken_figures(low, masked, doubtful)
    return masked, frozenset(doubtful)


# A figure broken by a space or a line (an HTML body whose tags split it: "<b>1.</b>\n<b>180</b>" reads "1. 180"):
# its thousands dot beside the gap ("1. 180", "1 .180"), or a group too short to be thousands ("3 20 keping").
_BROKEN_HINT_RE = re.compile(r"\d(?:\.[^\S\n]*\n?[^\S\n]+|[^\S\n]+\.|\.\n)\d|\d[^\S\n]+\d{1,2}[^\S\n]*[a-z]")
_HUNDREDS_DIGITS = 3
_BROKEN_FIGURE_RE = re.compile(
    r"(?<![\w.,/+#:-])(?<!\d )(?P<a>[1-9]\d{0,2})"
    r"(?:(?P<dot>\.[^\S\n]*\n?[^\S\n]*|[^\S\n]+\.)(?P<group>\d{3})|[^\S\n]+(?P<short>\d{1,2}))(?![\d]|[.,]\d)"
)


def _broken_figures(low: str, masked: str, doubtful: set[int]) -> str:
    """masked as it is; the start of each figure broken by a gap that mask_non_quantities did not make whole
    ("1. 180" with no unit of blanks after it, "3 20 keping") added to doubtful: two readings, none taken."""
    for m in _BROKEN_FIGURE_RE.finditer(masked):
        if masked[m.start() : m.end()] != low[m.start() : m.end()] or m.group("dot") == "." or _sentence_end(m):
            continue
        unit = _UNIT_RE.match(masked, m.end())
        if m.group("short") is None or (unit is not None and unit.group("blank") is not None):
            doubtful.add(m.start())
    return masked


def _sentence_end(m: re.Match[str]) -> bool:
    """Whether the dot and space of a broken figure end a sentence instead: "stok tinggal 200. 600 keping saja
    cukup" (hundreds before the dot would make a figure of hundreds of thousands, no district's count)."""
    return m.group("group") is not None and len(m.group("a")) == _HUNDREDS_DIGITS


def _whole_broken_figures(masked: str) -> str:
    """masked with each figure broken by a gap beside its thousands dot and followed by a unit of blanks made
    whole, its digits moved right over the gap: "1. 180 keping", "1 .180 keping" -> " 1.180 keping"."""
    for m in _BROKEN_FIGURE_RE.finditer(masked):
        group = m.group("group")
        unit = _UNIT_RE.match(masked, m.end())
        if group is None or m.group("dot") == "." or unit is None or unit.group("blank") is None or _sentence_end(m):
            continue
        whole = f"{m.group('a')}.{group}"
        masked = masked[: m.start()] + whole.rjust(m.end() - m.start()) + masked[m.end() :]
    return masked


def find_mentions(low: str, masked: str | None = None) -> list[Mention]:
    """Every candidate quantity in normalised lowercase text, in order.

    masked is low with non-quantities blanked (see mask_non_quantities); computed when omitted.
    """
    if masked is None:
        masked = mask_non_quantities(low)
    masked, doubtful = space_thousands(low, masked)
    found: list[Mention] = []
    pos = 0
    n = len(masked)
    while pos < n:
        m = _next_number(masked, pos)
        if not m:
            break
        start, end = m.start(), m.end()
        approximate = False
        conflict = start in doubtful or (
            # (the pattern needs a comma before the figure: without one in its reach it is not tried)
            masked.find(",", max(0, start - 24), start) != -1
            and _AFTER_THOUSANDS_COMMA_RE.search(masked, max(0, start - 24), start) is not None
            # a figure of thousands itself there is another figure ("2rb, 1.500 jg gpp": a fallback offered)
            and not _THOUSANDS_FIGURE_RE.match(masked, start)
        )
        bare = False
        year = False
        spelled = False
        if m.group("num"):
            token = m.group("num")
            factor = vocab.DIGIT_MULTIPLIERS[m.group("mult")] if m.group("mult") else 1
            thousands = factor > 1
            value = parse_digits(token, factor=factor)
            if m.group("an") or m.group("multan"):
                # "650an", "2 ribuan" (some two thousand): an estimate, not a count.
                approximate = True
            if not m.group("mult") and value is not None and token.isdigit() and (
                tail := _RB_TAIL_RE.match(masked, end) or _RIBU_TAIL_RE.match(masked, end)
            ):
                # "2rb3", "1rb5" (2.300, 1.500): thousands and the hundreds glued after them, as "2k3" is; "2rb300"
                # is 2.300 too. Two figures after ("2rb30": 2.030 or 2.300?) make it unclear.
                digits = tail.group("tail")
                value = value * 1000 + (int(digits) * 100 if len(digits) == 1 else int(digits))
                conflict = conflict or len(digits) == 2
                thousands = True
                end = tail.end()
            if not m.group("mult") and value is not None and token.isdigit() and len(token) == 1 and (
                part := _PART_SCALE_AFTER_RE.match(masked, end)
            ):
                # "sisa ktp 2 setengah rb" (2.500), "stok 1 koma 2 ribu" said into a phone (1.200), as "dua setengah
                # ribu" and "satu koma dua ribu" are
                word = part["scale"] or part["thousands"]
                scale = vocab.DIGIT_MULTIPLIERS[vocab.SCALE_ABBREVIATIONS.get(word, word)]
                value = value * scale + (scale // 2 if part["half"] else int(part["tenth"]) * scale // 10)
                thousands = scale >= 1000
                end = part.end()
            # "2 rb. 300 keping": the stop of an abbreviated multiplier is no sentence's end, the figure goes on
            # (2.300); after a whole word ("2 ribu. 300 keping") it may be one: two readings, none taken.
            stop = masked.startswith(".", end) and factor in (100, 1000)
            tail_from = end + 1 if stop else end
            if factor in (100, 1000) and value is not None and value % factor == 0 and (
                digits_tail := (_TAIL_DIGITS_RE if factor == 100 else _WORDS_TAIL_DIGITS_RE).match(masked, tail_from)
            ):
                more = _tail_value(digits_tail)
                if more is None:
                    conflict = True
                elif stop and m.group("mult") not in vocab.SCALE_ABBREVIATIONS:
                    conflict = conflict or _UNIT_RE.match(masked, digits_tail.end()) is not None
                elif more < factor and not (digits_tail.group("hundreds") and factor == 100):
                    value += more
                    # "2 ribu 5", "2 rb 5": 2.005 as written, or "2 ribu 5 ratus" said short? As "dua ribu lima".
                    conflict = conflict or (factor == 1000 and short_hundreds(masked[start:digits_tail.end()],
                                                                              value) is not None)
                    end = digits_tail.end()
            elif factor == 1000 and value is not None and (
                _DIGITS_AFTER_RE.match(masked, end) or _GLUED_DIGITS_RE.match(masked, end)
            ):
                # "2 ribu 2.000", "1 ribu 500/hari": digits that go on after the thousands leave the figure unclear;
                # so do digits glued on by a stop or a comma ("2rb.500", "2 ribu,5": 2.500, or 2.000 and a stray
                # figure?).
                conflict = True
            if factor in (100, 1000) and value is not None and value % factor == 0 and (
                factor == 1000 or end == m.end()
            ):
                # "2 ribu lima ratus" (2.500), "2 ratus lima puluh" (250, a voice note typed as heard): the words
                # after the multiple are what it leaves, so less than the multiplier. Words that parse to more
                # ("2 ratus seratus") or not at all leave the figure as it is.
                tail = _TAIL_WORDS_RE.match(masked, end)
                if tail:
                    extra = parse_words(tail.group("words"))
                    if extra is not None and extra < factor and "ribu" not in tail.group("words"):
                        value += extra
                        end = tail.end()
                        # "2 ribu lima": 2.005, or "2 ribu lima ratus" said short (2.500)? Unclear.
                        conflict = conflict or short_hundreds(masked[start:end], value) is not None
            elif factor == 1 and value is not None and value >= 1000 and value % 1000 == 0 and (
                side := _FIGURE_BESIDE_RE.match(masked, end)
            ) and (unit_beside := _UNIT_RE.match(masked, side.end())) and unit_beside.group("blank") is not None:
                # "1.000 500 keping": thousands and a figure below them side by side, the pieces counted after the
                # second: 1.500, or 1.000 and then 500? Two readings, none taken.
                conflict = True
            if (
                not thousands
                and value is not None
                and token.isdigit()
                and (len(token) >= 5 or (len(token) == 4 and token[:2] in ("19", "20")))
            ):
                bare = True
                year = _looks_like_year(token)
            paren = _PAREN_WORDS_RE.match(masked, end)
            if paren:
                spelled_value = parse_words(paren.group("words"))
                if spelled_value is not None:
                    if value is None and _zero_slip(token, spelled_value):
                        # "2.0000 (dua ribu)": digits ill-formed by a zero too many or too few; the words settle it.
                        value = spelled_value
                    if spelled_value != value:
                        conflict = True
                    end = paren.end()
                    bare = year = False
        elif (koma := _KOMA_WORDS_RE.match(masked, start)) is not None:
            # "dua koma lima ribu" (voice typing, 2,5 ribu): 2.500; "satu setengah ribu": 1.500.
            scale = vocab.DIGIT_MULTIPLIERS[vocab.SCALE_ABBREVIATIONS.get(koma["scale"], koma["scale"])]
            ones, tenth = parse_words(koma["whole"]), (5 if koma["half"] else parse_words(koma["tenth"]))
            value = (ones * scale + tenth * scale // 10) if ones is not None and tenth is not None else None
            spelled = True
            end = koma.end()
        else:
            phrase = m.group("words")
            value, length = _longest_words(phrase)
            spelled = True
            if value is None:
                pos = end
                continue
            end = start + length
            if value % 1000 == 0 and _ENDS_IN_THOUSANDS_RE.search(masked, start, end) and (
                _DIGITS_AFTER_RE.match(masked, end)
            ):
                # "seribu 500", "dua ribu 500 keping" (1.500, 2.500): the thousands in words and what they leave in
                # digits are one figure, as "1 ribu 500" is; anything else there leaves it unclear, never the
                # thousands alone.
                digits_tail = _WORDS_TAIL_DIGITS_RE.match(masked, end)
                more = _tail_value(digits_tail) if digits_tail else 1000
                if more is not None and more < 1000:
                    value += more
                else:
                    conflict = True
                end = digits_tail.end() if digits_tail else end
            if 1900 <= value <= 2099 and _YEAR_WORD_BEFORE_RE.search(masked, max(0, start - 12), start):
                # "tahun dua ribu dua puluh enam": a year written in words is no quantity, as "tahun 2026" is not.
                pos = end
                continue
            # "dua ribu lima", "seribu dua": 2.005 and 1.002 as written, or the hundreds said short (2.500, 1.200)?
            # Two readings: unclear, asked back, unless the digits in brackets after it settle it.
            two_readings = short_hundreds(masked[start:end], value) is not None
            paren = _PAREN_DIGITS_RE.match(masked, end)
            if paren:
                digit_value = parse_digits(paren.group("num"))
                two_readings = False
                if digit_value != value:
                    conflict = True
                end = paren.end()
                spelled = False
            conflict = conflict or two_readings
        if value is not None and not conflict and _DIGITS_AFTER_RE.match(masked, end):
            if value % 100 == 0 and _ENDS_IN_HUNDREDS_RE.search(masked, start, end):
                # "tiga ratus 50", "dua ribu tiga ratus 50", "2 ribu 3 ratus 50" (350, 2.350): the hundreds and what
                # they leave in digits are one figure, as "seribu 500" is; digits there that are not below a hundred
                # ("dua ratus 150") leave it unclear, never the hundreds alone.
                digits_tail = _WORDS_TAIL_DIGITS_RE.match(masked, end)
                more = _tail_value(digits_tail) if digits_tail and not digits_tail.group("hundreds") else None
                if more is not None and more < 100:
                    value += more
                else:
                    conflict = True
                end = digits_tail.end() if digits_tail else end
            elif value % 10 == 0 and _ENDS_IN_TENS_RE.search(masked, start, end):
                # "tujuh puluh 5", "seribu tiga ratus tujuh puluh 5" (75, 1.375): the tens and the ones after them in
                # a digit are one figure; other digits there ("dua puluh 15") leave it unclear, never the tens alone.
                digits_tail = _WORDS_TAIL_DIGITS_RE.match(masked, end)
                if digits_tail and _tail_value(digits_tail) in range(1, 10) and len(digits_tail.group("tail")) == 1:
                    value += int(digits_tail.group("tail"))
                else:
                    conflict = True
                end = digits_tail.end() if digits_tail else end
            elif _ENDS_IN_MILLIONS_RE.search(masked, start, end):
                # "sejuta 500", "2 juta 500": 1.000.500 or 1.500.000? Unclear, never the millions alone.
                conflict = True
        if value is not None and value >= 1000 and not conflict and (
            part := _COMMA_THEN_PART_RE.match(masked, end)
        ) and (
            int(part["digits"]) if part["digits"] else parse_words(part["words"]) or 1000
        ) < 1000 and (
            ((unit_beside := _UNIT_RE.match(masked, part.end())) and unit_beside.group("blank") is not None)
            or _PIECES_AFTER_RE.match(masked, part.end())
            # at the clause's end only with a space after the comma: "1.384,00" is a decimal comma
            or (_PART_CLAUSE_END_RE.match(masked, part.end()) and (spelled or part["words"] or " " in part[0]))
        ):
            # "seribu, 500 keping", "2.000, 250.", "1.500, 300 keping": thousands, a comma, a figure below a thousand
            # and then the pieces or the end of the clause: one figure typed with a stray comma (1.500, 1.800?), or
            # two? Two readings, none taken; the part goes with the figure, so neither is read alone. The command
            # line and a manager's SETUJU refuse the same text.
            conflict = True
            end = part.end()
        if value is not None and value >= 1000 and not conflict and (
            part := _STOP_THEN_PART_RE.match(masked, end)
        ) and (unit_beside := _UNIT_RE.match(masked, part.end())) and unit_beside.group("blank") is not None:
            # "sebanyak 1.000. 500 keping", "2.000. 300 keping": thousands, a stop, a figure below them and the
            # pieces: 1.500 typed with a stray stop, or 1.000 and then 500? Two readings, none taken, as the command
            # line refuses "1.000. 500".
            conflict = True
            end = part.end()
        unit, unit_end = _unit_after(masked, end)
        if (
            unit is None and value is not None and 2 <= value <= vocab.FEW_PERIODS_MAX and not conflict
            and (few_periods := _FEW_PERIODS_RE.match(masked, end)) is not None
        ):
            # "ada rekam massal sekolah 2 minggu ini": these two weeks, a length of time, no count of blanks.
            unit, unit_end = "other", few_periods.end()
        if (
            unit is None and value is not None and value < 100 and not conflict
            and (reader_pack := _READER_PACKAGE_AFTER_RE.match(masked, end)) is not None
            and (_READER_PACKAGE_OF_BLANKS_RE.match(masked, end) or _packs_sized(low))
            and not _SIZE_STATED_RE.match(low, start)
        ):
            # "Stok kami tinggal 4 pak (1 pak = 100 keping)": in a mail that sizes its packs, a figure before "pak"
            # counts packs (the size's own "1 pak =" excepted); so it does before a blank's name ("20 pak blangko").
            unit, unit_end = "other", reader_pack.end()
        whole = _PACK_TOTAL_RE.match(masked, end) if unit == "other" and value is not None and value < 100 else None
        parcels = (
            _PARCELS_HOLD_RE.match(masked, end)
            if unit == "other" and value is not None and value < 100 and whole is None else None
        )
        if parcels is not None and not conflict:
            # "3 koli berisi 1.000 keping": parcels counted in the blanks they hold, the pieces are the figure.
            value, unit, end = parse_digits(parcels.group("total")), "blank", parcels.end()
            unit_end = end
        elif whole is not None and not conflict:
            # "sudah diterima 5 dus, total 2.500 keping", "3 box (= 1.500 lembar)": the packages counted in
            # blanks. Packages hold as many each: a total that is no whole number of them is unclear.
            total = parse_digits(whole.group("total"))
            if total is not None and value and total % value == 0 and total >= value:
                value, unit, end = total, "blank", whole.end()
            else:
                end = whole.end()
            unit_end = end
        elif unit == "other" and value is not None and not conflict and (
            (packed := _PACKED_RE.match(masked, end)) or (packed := _PACKED_INLINE_RE.match(masked, end))
        ):
            # "5 box (1 box isi 100 keping)", "4 dus, isi per dus 500 keping": a count of packages with the
            # size of one is a count of blanks.
            size_text: str = (
                packed.group("size") or packed.group("size2")
                or (packed.group("size3") if packed.re is _PACKED_INLINE_RE else None) or ""
            )
            size = parse_digits(size_text) if size_text else None
            bare = packed.re is _PACKED_RE and not packed.group("one") and not packed.group("mark")
            if size is not None and bare:
                # "3 box (1.500 pcs)": a bare count of blanks in brackets, with no word for the size of one
                # ("isi", "@", "1 box ="), is what the packages hold in all; one that is no whole number of
                # them is unclear.
                if value and size % value == 0 and size >= value:
                    value, unit, end = size, "blank", packed.end()
                else:
                    conflict = True
                    end = packed.end()
                unit_end = end
            elif size is not None:
                value, unit, end = value * size, "blank", packed.end()
                while (next_pack := _MORE_PACKED_RE.match(masked, end)) is not None and (
                    next_size := parse_digits(next_pack.group("size"))
                ) is not None:
                    value, end = value + int(next_pack.group("count")) * next_size, next_pack.end()
                unit_end = end
        elif (
            unit == "other" and value is not None and not conflict and value < 100
            and (pack := _PACKAGE_WORD_RE.match(masked, end)) and not _PARCEL_WORD_RE.match(masked, end)
            and (size := _pack_size(low, pack.group().strip())) is not None
        ):
            # "Sisa stok kami 1 dus utuh" where the mail says "isi per dus 500 keping": its one size.
            value, unit, end = value * size, "blank", pack.end()
            unit_end = end
        elif (
            unit == "other" and value is not None and not conflict and value < 100
            and (packs_loose := _PACKS_LOOSE_TOTAL_RE.match(masked, end)) is not None
        ):
            # "Sisa 24 dus + 35 keping (2.435 keping)": packages and loose blanks counted in all in the brackets;
            # a count in all the packages cannot make up with the loose ones is unclear.
            in_all = parse_digits(packs_loose.group("total"))
            loose_count = int(packs_loose.group("loose"))
            if in_all is not None and value and in_all > loose_count and (in_all - loose_count) % value == 0:
                value, unit = in_all, "blank"
            else:
                conflict = True
            end = unit_end = packs_loose.end()
        if unit == "blank" and value is not None and (loose := _LOOSE_TAIL_RE.match(masked, end)) and (
            _PACKAGE_WORD_RE.search(masked, start, end)
        ):
            # "1 dus utuh ditambah 87 keping ecer": whole packages and loose blanks are one count.
            value, end = value + int(loose.group("loose") or loose.group("loose2")), loose.end()
            unit_end = end
        if unit == "other" and value is not None and value >= 100 and _AGO_RE.match(masked, end):
            # "yg 2.500 minggu lalu": the figure of last week, not 2,500 weeks.
            unit, unit_end = None, end
        if unit == "blank" and not conflict:
            # "2.000 keping (seribu keping)": the spelled-out check may come after the unit.
            if not spelled:
                paren = _PAREN_WORDS_RE.match(masked, unit_end)
                if paren and (spelled_value := parse_words(paren.group("words"))) is not None:
                    conflict = spelled_value != value
                    end = unit_end = paren.end()
            else:
                paren = _PAREN_DIGITS_RE.match(masked, unit_end)
                if paren:
                    conflict = parse_digits(paren.group("num")) != value
                    end = unit_end = paren.end()
                    spelled = False
        if spelled and unit != "blank" and _UNIT_ONLY_WORDS_RE.search(masked, start, end):
            # "nyuwun sewu pak" (excuse me): the regional thousands words count only before a unit of blanks
            pos = end
            continue
        if (
            spelled and value is not None and value < 100 and unit not in ("blank", "people")
            and not (unit is None and _COMPOUND_WORDS_RE.search(masked, start, end)
                     and _COUNT_LEAD_BEFORE_RE.search(masked, max(0, start - 30), start))
        ):
            # "dua hari", "salah satu": small number words count only with a unit of blanks or
            # people ("tiga puluh dua orang" recorded), or a compound one right after the name of a
            # count ("cetak tiga puluh dua").
            pos = end
            continue
        if unit is None and _STEM_AFTER_RE.match(masked, end):
            approximate = True
        rate = bool(unit and _RATE_RE.match(masked, unit_end))
        before = masked[max(0, start - 28) : start]
        approx_after = bool(_APPROX_AFTER_RE.match(masked, unit_end if unit else end))
        if (
            _APPROX_BEFORE_RE.search(before)
            # "kebutuhan kami s/d 30 April 2.500 kpg": a bound said of a date (blanked) bounds the date, not
            # the figure after it.
            and (before == low[max(0, start - 28) : start] or _APPROX_BEFORE_RE.search(low, max(0, start - 28), start))
        ) or approx_after:
            approximate = True
        about = not approximate and (
            bool(_ABOUT_BEFORE_RE.search(before)) or bool(_EXACT_FOLLOWS_RE.match(masked, unit_end if unit else end))
        )
        if (
            approximate and not approx_after and not m.group("an") and value is not None and value % 10
            and value >= 100 and not spelled and _ESTIMATE_BEFORE_RE.search(before)
        ):
            # "about 1,035 pieces": a figure written to the unit is counted, not guessed.
            approximate, about = False, True
        # "kebutuhan kira-kira dua ribu lima ratus keping": a round figure estimated, not a bound or a "-an".
        estimate = value if (
            approximate and value is not None and not approx_after and not m.group("an") and not conflict
            and _ESTIMATE_BEFORE_RE.search(before) and not _STEM_AFTER_RE.match(masked, end)
        ) else None
        # "kami butuh minimal 1.800 keping": a lower bound, and only that.
        least = bool(
            approximate and not approx_after and not m.group("an") and not conflict and value is not None
            and not _STEM_AFTER_RE.match(masked, end) and _LEAST_BEFORE_RE.search(before)
        )
        found.append(
            Mention(
                start=start,
                end=end,
                value=None if conflict else value,
                text=low[start:end],
                approximate=approximate,
                conflict=conflict,
                unit=unit,
                rate=rate,
                bare=bare,
                spelled=spelled,
                year=year,
                about=about,
                estimate=estimate,
                least=least,
            )
        )
        pos = end
    found = _without_operands(masked, found)
    # "1.000 - 2.000", "2.000 atau 2.500": a range or a choice is not one number ("2 box (1 box = 250
    # lembar) atau 500 lembar" says one number twice).
    for i in range(len(found) - 1):
        a, b = found[i], found[i + 1]
        if a.value != b.value and _RANGE_BETWEEN_RE.match(masked[a.end : b.start]):
            found[i] = _replace(a, approximate=True, least=False)
            found[i + 1] = _replace(b, approximate=True, least=False)
    return found


# A bracketed note may follow an operand: "44 (di kantor) + 61 (jemput bola) = 105".
_NOTE = r"(?:[^\S\n]*\([^()\n]{0,40}\))?"
_OPERATOR_RE = re.compile(_NOTE + r"[^\S\n]*(?P<op>[-+\u2013])[^\S\n]*")
_EQUALS_RE = re.compile(_NOTE + r"[^\S\n]*=[^\S\n]*")
_EQUALS_GAP = 50
_MOST_OPERANDS = 6


def _without_operands(masked: str, found: list[Mention]) -> list[Mention]:
    """"sisa = 1.096 - 27 = 1.069", "Perekaman: 44 (di kantor) + 61 (jemput bola) = 105": in a sum written out
    whose result checks, the operands are the working and the result is the figure; the operands are left out
    (a sum that does not check is left as written)."""
    dropped: set[int] = set()
    for i in range(len(found) - 2):
        total = found[i].value
        if total is None:
            continue
        j = i + 1
        # Only the few characters between the figures are looked at: no pass over the text.
        while j < len(found) and j - i <= _MOST_OPERANDS and found[j].start - found[j - 1].end <= _EQUALS_GAP:
            b = found[j]
            op = _OPERATOR_RE.fullmatch(masked, found[j - 1].end, b.start)
            if op is not None and b.value is not None:
                total = total + b.value if op.group("op") == "+" else total - b.value
                j += 1
                continue
            if j - i >= 2 and _EQUALS_RE.fullmatch(masked, found[j - 1].end, b.start) is not None and (
                b.value == total
            ):
                dropped.update(range(i, j))
            break
    return [m for i, m in enumerate(found) if i not in dropped] if dropped else found


def _replace(m: Mention, **changes: object) -> Mention:
    return replace(m, **changes)


# A figure before the blanks it counts whose dots group no thousands: "20.00 keping", "1.50.0 keping", "2.50 rb keping".
# A time or a version it looks like elsewhere, it is a figure the district wrote here, that no reading takes.
_UNREAD_FIGURE_RE = re.compile(
    rf"(?<![\w.,])\d+(?:\.\d+)+(?:[^\S\n]*(?:{_MULT}))?[^\S\n]*(?:{_BLANK_UNITS})\b")


def unread_figure(low: str, masked: str | None = None) -> tuple[int, int] | None:
    """Where the first figure stands that is written before a count's unit but was set aside as no quantity (a
    time, a version: "20.00 keping", "1.50.0 keping"), its dots grouping no thousands; None when there is none.

    >>> unread_figure("mohon dikirim 20.00 keping")
    (14, 26)
    >>> unread_figure("mohon dikirim 2.000 keping, jam 20.00") is None
    True
    """
    if masked is None:
        masked = mask_non_quantities(low)
    for m in _UNREAD_FIGURE_RE.finditer(low):
        figure = re.match(r"[\d.]+", m[0])[0]  # type: ignore[index]  # the pattern opens with digits
        if masked[m.start():m.start() + len(figure)] != low[m.start():m.start() + len(figure)] and any(
                len(group) != 3 for group in figure.split(".")[1:]):
            return m.start(), m.end()
    return None


# A table's cells are read more than once (for its header row, its total row, each column's figures).
@functools.lru_cache(maxsize=256)
def quantity_in(text: str) -> int | None:
    """The single exact quantity written in a short text such as a table cell ("2.000", "812 keping")."""
    low = normalise(text)
    mentions = [m for m in find_mentions(low) if m.value is not None and not m.approximate]
    if len(mentions) != 1:
        return None
    return mentions[0].value
