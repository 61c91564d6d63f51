"""The one reader of quantities typed by people: "2.000", "2000", "2 ribu", "2rb", "1,5 ribu", "dua ribu" (pure).

The operator's command-line arguments (approve, supply, adjust, resolve, correct, --limit) and the
managers' "SETUJU 1.500" all go through parse_quantity, so one text means one number everywhere.
Only the digits 0-9 are digits here (a manager's email is NFKC-normalised first, so full-width
digits from a phone keyboard become 0-9 there; Arabic-Indic digits are refused everywhere). In
Indonesian "." groups thousands and "," is a decimal comma: "2,000" and "1,5" could be read two
ways and are refused with a hint. Before a multiplier word ("ratus" a hundred, "ribu"/"rb" a thousand,
"juta"/"jt" a million) the comma can only be a decimal comma, so "1,5 ribu" is 1.500 and "1,5 juta" 1.500.000 (as
"satu juta" is a million), when that is a whole number; so is a decimal point before one digit, as phones write it
("1.2 rb" 1.200, "2.5k" 2.500; three digits there group thousands). "k" is a thousand as "rb" is ("2k", "2k5"). A
unit after the figure ("keping", "kpg", "pcs", "lembar", "lbr", "buah", "bh"), with a space or right after the
digits, is read as the count it names:
"2.000 keping" and "700pcs" are 2.000 and 700.
"""

from __future__ import annotations

import re

from mailbot.errors import QuantityError
from mailbot.reader import vocabulary as vocab

# What a multiplier word after digits multiplies by ("2 ribu", "2rb", "2k", "3 ratus", "1,5 juta"): the reader's, so
# a district's mail and a typed quantity know the same ones.
MULTIPLIERS = vocab.DIGIT_MULTIPLIERS
_QUANTITY_RE = re.compile(
    r"(?P<sign>[-\u2212+])?\s*(?P<num>[0-9]+(?:[.,][0-9]+)*)"
    rf"(?:\s*(?P<thousand>{'|'.join(sorted(MULTIPLIERS, key=len, reverse=True))})(?![^\W\d_]))?",
    re.IGNORECASE,
)
# A unit after the figure: the count of pieces it names ("2.000 keping", "2000 pcs", "700pcs", "dua ribu lembar").
UNITS: tuple[str, ...] = ("keping", "kpg", "pcs", "lembar", "lbr", "buah", "bh")
UNIT_PATTERN = "|".join(UNITS)  # for a pattern that skips the unit after a figure (a manager's "SETUJU 700 bh")
_UNIT_RE = re.compile(rf"(?:(?<=[0-9])|\s+)(?:{UNIT_PATTERN})\.?$", re.IGNORECASE)
# The dash an accountant writes after a whole amount ("700,-", "1.500.-", "700/-"): no digit, the figure ends there.
ACCOUNTANT_DASH = r"[ \t]?[.,/][ \t]?-{1,2}(?![0-9-])"
_DASH_RE = re.compile(rf"(?<=[0-9]){ACCOUNTANT_DASH}$")
# a thousands group never starts with 0: "0.002" is an English decimal, not two pieces
_DOT_GROUPED_RE = re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+")
_COMMA_GROUPED_RE = re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+")
# More digits than any stock could have: refused before int() builds a giant number.
MAX_DIGITS = 15


def quantity_pattern() -> re.Pattern[str]:
    """The pattern of one quantity, for finding it at the start of a longer line (a manager's reply)."""
    return _QUANTITY_RE


# The bound most quantities are held to, as the operator finds it in config.toml.
MOVEMENT_BOUND = "[stock] max_quantity_per_movement"


def parse_quantity(text: str, *, signed: bool = False, zero: bool = False, maximum: int | None = None,
                   bound: str = MOVEMENT_BOUND, noun: str = "pieces") -> int:
    """The number of pieces *text* means, or QuantityError.

    signed: a change that may be negative ("-500" for `mailbot adjust`); otherwise the number must
    be above zero, or at least zero with *zero* (a stock that is "habis"). maximum: the largest
    magnitude accepted, named in the refusal by *bound*; *noun* is what is counted ("rows").

    >>> parse_quantity("2.000"), parse_quantity("2 ribu"), parse_quantity("2rb"), parse_quantity("1,5 ribu")
    (2000, 2000, 2000, 1500)
    >>> parse_quantity("-dua puluh", signed=True), parse_quantity("+seribu")
    (-20, 1000)
    >>> parse_quantity("2,000")
    Traceback (most recent call last):
    ...
    mailbot.errors.QuantityError: "2,000" is ambiguous: "," is a decimal comma in Indonesian; write 2.000 or 2000
    """
    from mailbot.reader.numbers import parse_digits, parse_words  # here: the reader imports this module's pattern

    # a change may take pieces out: its example shows a minus
    # pieces come in thousands ("2 ribu"); other counts (rows) are shown with a plain figure
    example = "-20, -2.000 or 2.000" if signed else "2.000, 2000 or 2 ribu" if noun == "pieces" else "50 or 1.000"
    shown = " ".join(text.split())

    def within(value: int) -> int:  # every reading below ends here: the bounds the caller asked for
        return _bounded(value, shown, signed=signed, zero=zero, maximum=maximum, bound=bound, noun=noun)

    typed = _UNIT_RE.sub("", shown) if _UNIT_RE.search(shown) and _UNIT_RE.sub("", shown) else shown
    typed = _DASH_RE.sub("", typed)  # "700,-", "1.500.-": an accountant's dash after the whole figure
    if not shown:
        raise QuantityError("invalid", f"no number of {noun} given ({text!r}); write it like {example}")
    if len(shown) > LONGEST_TYPED:  # a paste gone wrong, or a figure of thousands of digits: never echoed whole
        cut = f'"{shown[:24]}…" ({len(shown)} characters)'
        if re.fullmatch(r"[-+\u2212]?[0-9.,]+", shown):
            raise QuantityError("too_large", f"{cut} is far too large a number of {noun}"
                                + (f" (at most {_most(maximum, noun)}, {bound})" if maximum is not None else ""))
        raise QuantityError("invalid", f"{cut} is not a number of {noun}; write it like {example}")
    # "2 rb.": a sentence's full stop after an abbreviated multiplier, as after a unit ("2.000 pcs.")
    typed = _MULTIPLIER_STOP_RE.sub(r"\1", typed)
    # "2 rb. 300": the stop of an abbreviated multiplier inside the figure, as the reader reads it (2.300)
    typed = _ABBREVIATION_STOP_RE.sub(r"\1", typed)
    if (written := _IN_WORDS_RE.fullmatch(typed)) is not None:  # "700 (tujuh ratus)": read when both agree
        return within(_figure_and_words(shown, written[1], written[2]))
    # "-dua ribu": a sign before number words keeps its meaning (a change down), as it does before digits
    sign, spelled = (typed[0], typed[1:].strip()) if typed[:1] in ("-", "\u2212", "+") else ("", typed)
    if (beside := _FIGURES_BESIDE_RE.fullmatch(spelled)) is not None and (
            (first := int(beside[1].replace(".", ""))) % 1000 == 0):
        # "1.000 500": thousands and a figure below them side by side; 1.500, or 1.000 and 500? As the reader
        # leaves it unread in a district's mail
        raise _two_figures(shown, first, int(beside[2]), "side by side", "berdampingan")
    _refuse_joined(shown, spelled)  # "seribu, 500", "2rb.500": two figures joined by a comma or a stop
    _refuse_alternatives(shown, spelled)  # "1.500/1.300", "3 ribu / 2 ribu", "2.000 atau seribu": two figures
    if (pair := _FIGURE_PAIR_RE.fullmatch(spelled)) is not None and all(
            len(pair[g].replace(".", "").lstrip("0")) <= MAX_DIGITS for g in ("head", "tail")) and (
            second := int(pair["tail"].replace(".", ""))) > 0:
        # "2.000,1.300", "1.500 1.500": two figures typed for one
        how, kata = _PAIR_MARKS.get(pair["mark"] or "", ("side by side", "berdampingan"))
        raise _two_figures(shown, int(pair["head"].replace(".", "")), second, how, kata)
    if (about := _ESTIMATE_RE.fullmatch(spelled)) is not None:
        # "2 ribuan", "3 ribu-an", "2 rebuan", "2,5 ribuan", "2000an": some thousands, some two thousand; an
        # estimate, as the reader leaves it unread
        marker = about[0][about.start("stem") - about.start():] if about["stem"] else about[0]
        near = _estimate_near(about)
        raise QuantityError("invalid", f'"{shown}" is an estimate ("{marker}"), not a number of {noun}; '
                                       f"write the number itself, like {near or '2.000'}",
                            indonesian=f'berupa perkiraan ("{marker}"), bukan jumlah yang pasti',
                            examples=(near or "2.000",))
    if (koma := _KOMA_WORDS_RE.fullmatch(spelled)) is not None:
        # "satu setengah ribu", "dua koma lima ribu" (voice typing of 2,5 ribu): as the reader reads them
        ones, tenth = parse_words(koma["whole"]), 5 if koma["half"] else parse_words(koma["tenth"])
        scale = MULTIPLIERS[{"rb": "ribu", "jt": "juta"}.get(koma["scale"].lower(), koma["scale"].lower())]
        if ones is not None and tenth is not None:
            value = ones * scale + tenth * scale // 10
            return within(-value if sign in ("-", "\u2212") else value)
    if (glued := _RB_GLUED_RE.fullmatch(spelled)) is not None:
        # "2rb5", "2rb500": the hundreds glued to "rb" as the reader reads them (2.500, 2.500), never 2.005;
        # two figures there ("2rb30": 2.030 or 2.300?) are ambiguous
        head, tail = int(glued[1]) * 1000, glued[2]
        if len(tail) == 2:
            figures = (format_number(head + int(tail)), format_number(head + int(tail) * 10))
            raise QuantityError("ambiguous", f'"{shown}" is ambiguous ({figures[0]} or {figures[1]}?); write the '
                                             f"number once, like {figures[0]} or {figures[1]}",
                                indonesian=_two_ways(figures), examples=figures, two_ways=figures)
        value = head + int(tail) * (100 if len(tail) == 1 else 1)
        return within(-value if sign in ("-", "\u2212") else value)
    if (mixed := _figures_and_words(spelled, shown)) is not None:
        # "seribu 500", "2 ribu tiga ratus 50", "6 ratus lima puluh", "1 rb 250": figures and number words together,
        # as the reader reads a district's mail
        return within(-mixed if sign in ("-", "\u2212") else mixed)
    words = parse_words(spelled) if spelled and not any(c.isdigit() for c in spelled) else None
    if words is not None:  # "seribu", "dua ribu lima ratus": number words read as the reader reads them
        _refuse_short_hundreds(shown, spelled, words)
        value = -words if sign in ("-", "\u2212") else words
        return within(value)
    m = _QUANTITY_RE.fullmatch(typed)
    if m is None and any(c.isdigit() and not c.isascii() for c in shown):
        # Arabic-Indic, full-width and other digits are refused, not guessed: a number typed in another
        # script on the command line is more likely a paste gone wrong than a quantity.
        raise QuantityError("invalid", f'"{shown}": write the digits as 0-9, like 2.000 or 2000')
    if m is None:
        raise QuantityError("invalid", f'"{shown}" is not a number of {noun}; write it like {example}')
    num = m["num"]
    sign_typed = "-" if m["sign"] in ("-", "\u2212") else ""  # kept in the advice: "-2,000" -> write -2.000
    if len(num.replace(".", "").replace(",", "").lstrip("0")) > MAX_DIGITS:  # leading zeros add nothing
        raise QuantityError("too_large", f'"{shown}" is far too large a number of {noun}'
                            + (f" (at most {_most(maximum, noun)}, {bound})" if maximum is not None else ""))
    if m["thousand"]:
        # "1,5 ribu", "1,5 juta": here the comma can only be a decimal comma, and dots group thousands.
        times = MULTIPLIERS[m["thousand"].lower()]
        places = len(str(times)) - 1
        whole, _, fraction = num.partition(",")
        if not fraction and _DECIMAL_POINT_RE.fullmatch(whole) and (
                pointed := parse_digits(whole, factor=times)) is not None:
            # "1.2 rb", "2.5k": a decimal point as phones and English write it, one digit after it: the one reading
            # it has (1.200, 2.500), as a district's mail is read
            value = pointed
        elif "," in fraction or len(fraction) > places or ("." in whole and not _DOT_GROUPED_RE.fullmatch(whole)):
            example = {100: "1,5 ratus or 150", 1000: "1,5 ribu or 1.500"}.get(times, "1,5 juta or 1.500.000")
            if not fraction and (point := re.fullmatch(r"(\d+)\.(\d+)", whole)) and len(point[2]) <= places:
                # "1.25 rb": a decimal point before more than one digit (a district's mail may hold a time, "jam
                # 1.25", there); the example is the typed figure, with a comma
                word = m["thousand"].lower()
                value = int(point[1]) * times + int(point[2].ljust(places, "0"))
                figures = (f"{point[1]},{point[2]} {word}", format_number(value))
                raise QuantityError("invalid", f'"{shown}" has a decimal point, which Indonesian writes as a comma; '
                                               f"write it like {' or '.join(figures)}",
                                    indonesian=_ID_DECIMAL_POINT, examples=figures)
            raise QuantityError("invalid", f'"{shown}" is not a whole number of {noun}; write it like {example}',
                                indonesian=_ID_NOT_WHOLE, examples=tuple(example.split(" or ")))
        else:
            value = int(whole.replace(".", "")) * times + (int(fraction.ljust(places, "0")) if fraction else 0)
    elif num.isascii() and num.isdigit():
        value = int(num)
    elif _DOT_GROUPED_RE.fullmatch(num):
        value = int(num.replace(".", ""))
    elif re.fullmatch(r"0+(?:\.000)+", num):
        # "0.000": zero written with its thousands group, as a table shows it; refused (or taken) as the zero it is
        value = 0
    elif _COMMA_GROUPED_RE.fullmatch(num):
        # the figure typed, with its thousands written as Indonesian writes them: a manager's SETUJU is told the
        # same figures (was a fixed "SETUJU 2.000", a figure he never wrote, which copied would approve 2.000)
        figures = (f'{sign_typed}{num.replace(",", ".")}', f'{sign_typed}{num.replace(",", "")}')
        raise QuantityError("ambiguous", f'"{shown}" is ambiguous: "," is a decimal comma in Indonesian; '
                                         f"write {figures[0]} or {figures[1]}", indonesian=_ID_COMMA_GROUPED,
                            examples=figures)
    elif re.fullmatch(r"\d+,\d{1,2}", num) or re.fullmatch(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+,\d{1,2}", num):
        # one or two digits after the comma: a decimal comma ("12,00" as a spreadsheet shows twelve, "2.000,00"
        # two thousand), never thousands; the advice names no figure a thousand times larger, which a hurried
        # operator would copy
        grouped, fraction = num.split(",")
        whole = format_number(int(grouped.replace(".", "")))
        code = "invalid" if "." in grouped else "ambiguous"  # "1.500,5" cannot be thousands: no question there
        if not fraction.strip("0"):
            raise QuantityError(code, f'"{shown}" has a decimal comma: {noun} are whole numbers; '
                                      f"write {sign_typed}{whole}", indonesian=_ID_DECIMAL_COMMA,
                                examples=(f"{sign_typed}{whole}",))
        if noun == "pieces" and "." not in grouped:
            # "1,5": one and a half thousand is the only count it can mean; the whole part (1 piece) never is
            in_thousands = int(grouped) * 1000 + int(fraction.ljust(3, "0"))
            said = (f"{sign_typed}{num} ribu", f"{sign_typed}{format_number(in_thousands)}")
            raise QuantityError(code, f'"{shown}" has a decimal comma: {noun} are whole numbers; if you mean '
                                      f'thousands, write "{said[0]}" or {said[1]}', indonesian=_ID_DECIMAL_COMMA,
                                examples=said)
        some_whole = f'{sign_typed}{whole if whole != "0" else "1"}'
        raise QuantityError(code, f'"{shown}" has a decimal comma: {noun} are whole numbers; write a whole '
                                  f"number, e.g. {some_whole}", indonesian=_ID_DECIMAL_COMMA,
                            examples=(some_whole,))
    elif (padded := re.fullmatch(r"0+([1-9][0-9]{0,2}(?:\.[0-9]{3})+)", num)) is not None:
        # "02.000": a zero before grouped thousands (an English reader takes "0.002" for a fraction): refused, and
        # said for what it is
        raise QuantityError("invalid", f'"{shown}" starts with a 0 before its thousands; write {sign_typed}'
                                       f"{padded[1]} without the leading 0",
                            indonesian="diawali angka 0 sebelum ribuannya", examples=(f"{sign_typed}{padded[1]}",))
    else:
        raise QuantityError("invalid", f'"{shown}" is not a whole number of {noun}; write it like 2.000 or 2000',
                            indonesian=_ID_NOT_WHOLE, examples=("2.000", "2000"))
    negative = m["sign"] in ("-", "\u2212")
    return within(-value if negative else value)


# A figure, a comma (or the stop after an abbreviated multiplier, "2rb.500") and a figure, in digits, grouped or not,
# or words: "seribu, 500", "2.000, 250", "2.000, 1.300", "dua ribu, tiga ratus" (after digits the comma has a space:
# "2.000,50" is a decimal comma); a unit may follow the first ("2.000 keping, 1.300"), and a sentence's stop the
# second ("2.500, 120.").
_JOINED_RE = re.compile(r"(?P<head>.*?(?:[^\W\d_]\s*(?P<mark>[,.])|[0-9]\s*(?P<after_digit>[,.])(?=\s)))\s*"
                        r"(?P<tail>(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+(?:,[0-9])?)(?:\s*[^\W\d_]+(?:\s+[^\W\d_]+)*)?"
                        r"|[^\W\d_][^\W\d_\s]*(?:\s+[^\W\d_]+)*)\.?")
# A multiplier word made an estimate: "2 ribuan", "3 ribu-an", "2 rebuan", "2 rban", "2,5 ribuan", "seribuan", or a
# figure: "2000an", "2.000-an" (mailbot.reader.vocabulary.MULTIPLIER_STEMS; "650an" in numbers.py).
_ESTIMATE_STEMS = "ribu|rebu|rbu|rb|ratus|rts|juta|jt"
_ESTIMATE_WORDS = "|".join(sorted(map(re.escape, {*vocab.DIGIT_WORDS, *vocab.SE_WORDS, *vocab.SCALE_WORDS}),
                                  key=len, reverse=True))
_ESTIMATE_PATTERN = (rf"(?:(?P<head>[0-9]+(?:[.,][0-9]+)*|(?:{_ESTIMATE_WORDS})(?:\s+(?:{_ESTIMATE_WORDS}))*|se)"
                     rf"\s*-?\s*)?(?P<stem>{_ESTIMATE_STEMS})-?an|(?P<bare>[0-9]+(?:\.[0-9]{{3}})*)\s*-?\s*an")
_ESTIMATE_RE = re.compile(_ESTIMATE_PATTERN, re.IGNORECASE)
# The same at the start of a longer line ("SETUJU 3 ribu-an dulu pak"), ending where a word would.
_ESTIMATE_AT_RE = re.compile(rf"(?:{_ESTIMATE_PATTERN})(?![^\W\d_])", re.IGNORECASE)
_ESTIMATE_IN_RE = re.compile(rf"(?<![\w.,])(?:{_ESTIMATE_PATTERN})(?![^\W\d_])", re.IGNORECASE)


def estimate_at(text: str, start: int = 0) -> re.Match[str] | None:
    """The estimate ("3 ribu-an", "2 rebuan", "2000an") written at *start* of *text*, else None: refused by
    parse_quantity as such."""
    return _ESTIMATE_AT_RE.match(text, start)


def estimate_in(text: str) -> re.Match[str] | None:
    """The first estimate ("kira2 3 ribu-an keping", "2 rebuan") written in *text*, a sentence, else None."""
    return _ESTIMATE_IN_RE.search(text)


def _estimate_near(about: re.Match[str]) -> str | None:
    """The round figure an estimate is near, as the example of the number to write ("3 ribu-an": 3.000)."""
    if about["bare"]:
        return format_number(int(about["bare"].replace(".", "")))
    head = (about["head"] or "1").strip()
    try:
        return format_number(parse_quantity(f"{head}{about['stem']}" if head.lower() == "se"
                                            else f"{head} {about['stem']}"))
    except QuantityError:
        return None


def _figure_or_words(text: str | None) -> int | None:
    """The number a short figure or number words say ("2", "1.000", "seribu", "lima ratus"), else None."""
    from mailbot.reader.numbers import parse_words

    if not text or not text.strip():
        return None
    text = text.strip()
    if re.fullmatch(r"[0-9]{1,3}(?:\.[0-9]{3})*|[0-9]+", text):
        return int(text.replace(".", "")) if len(text.replace(".", "").lstrip("0")) <= MAX_DIGITS else None
    return parse_words(text.lower())


def _refuse_joined(shown: str, spelled: str) -> None:
    """QuantityError "ambiguous" for two figures joined by a comma or a stop ("seribu, 500": 1.500, or 1.000 and 500?
    "2.000, 1.300": which one?), as the reader leaves them unread in a district's mail; nothing for any other text."""
    if (joined := _JOINED_RE.fullmatch(spelled)) is None:
        return
    head_text = joined["head"].rstrip(" ,.")
    if _COMMA_GROUPED_RE.fullmatch(head_text):
        # "2,500, 400 pcs": thousands grouped with a comma, as English writes them, before the part; whichever
        # way "2,500" alone is read, the refusal names the two figures as for "2.500, 400"
        head_text = head_text.replace(",", ".")
    try:
        head = parse_quantity(head_text)
    except QuantityError:
        return
    tail = _figure_or_words(joined["tail"])
    if tail is None and joined["tail"][:1].isdigit():
        try:  # "3 ribu, 2 ribu", "2.000, 1,5 rb": a figure with its multiplier after the comma
            tail = parse_quantity(joined["tail"])
        except QuantityError:
            return
    # "1.500, 300" as well as "2.000, 300" and "2.000, 1.300": any two counts, each a number of pieces
    if tail is None or tail <= 0:
        return
    how, kata = ("joined by a stop", "dipisah titik") if (joined["mark"] or joined["after_digit"]) == "." else (
        "joined by a comma", "dipisah koma")
    raise _two_figures(shown, head, tail, how, kata)


def _refuse_alternatives(shown: str, spelled: str) -> None:
    """QuantityError "ambiguous" for two quantities set apart by a slash or a word ("1.500/1.300", "3 ribu / 2 ribu",
    "2.000 atau seribu", "1.500 dan 1.300"): which one?; nothing when either side is no number of pieces on its own
    ("1.500 / 0")."""
    if (pair := _ALTERNATIVES_RE.fullmatch(spelled)) is None:
        return
    try:
        head, tail = parse_quantity(pair["head"]), parse_quantity(pair["tail"])
    except QuantityError:
        return
    how, kata = _PAIR_MARKS[(pair["mark"] or pair["word"]).lower()]
    # "2.000 atau 1.500" is one figure or the other: their total is no reading of it
    raise _two_figures(shown, head, tail, how, kata, total=(pair["word"] or "").lower() not in ("atau", "or"))


def _two_figures(shown: str, head: int, tail: int, how: str, kata: str, *, total: bool = True) -> QuantityError:
    """The refusal of two figures typed for one ("2.500, 120", "1.000 500"): both named, and one of them to write, or
    their total if that is what was meant (unless *total* is False: "2.000 atau 1.500" names two choices); never the
    total first, a figure nobody typed. *how* and *kata* say how the two are set apart (in English and Indonesian)."""
    first, second, both = format_number(head), format_number(tail), format_number(head + tail)
    # the same figure twice ("1.500 1.500"): offered once
    one = f"one of them, like {first} or {second}" if head != tail else f"the figure once, like {first}"
    return QuantityError("ambiguous", f'"{shown}" is two figures {how} ({first} and {second}); write {one}'
                                      + (f", or the total, {both}, if that is what you mean" if total else ""),
                         indonesian=f"berisi dua angka yang {kata} ({first} dan {second})",
                         examples=(first, *([second] if head != tail else []),
                                   *([f"{both} bila yang dimaksud jumlah keduanya"] if total else [])))


# a digit in words with a half or a tenth before its scale word: "satu setengah ribu", "dua koma lima ribu"
_DIGIT_WORDS = "satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan"
_KOMA_WORDS_RE = re.compile(rf"(?P<whole>{_DIGIT_WORDS})\s+(?:koma\s+(?P<tenth>{_DIGIT_WORDS})|"
                            r"(?P<half>setengah|stengah))\s+(?P<scale>ribu|rb|juta|jt|ratus)", re.IGNORECASE)
# thousands with the rest glued to "rb" or "k", as a hurried message writes them: "2rb5", "1rb250", "2 rb500", "2k5"
# (mailbot.reader.vocabulary.GLUED_THOUSANDS, as the reader reads them)
_RB_GLUED_RE = re.compile(rf"([1-9][0-9]{{0,2}})(?:{vocab.GLUED_THOUSANDS})([0-9]{{1,3}})", re.IGNORECASE)
# digits, a decimal point and one digit before a multiplier word: "1.2 rb", "2.5k", "1.5 juta"
_DECIMAL_POINT_RE = re.compile(r"[0-9]+\.[0-9]")
# Longer than any quantity written in figures or words ("seratus sembilan puluh sembilan ribu ... keping")
LONGEST_TYPED = 100
_MULTIPLIER_STOP_RE = re.compile(r"(?<![^\W\d_])(rb|jt|ribu|ratus|juta)\.$", re.IGNORECASE)
_ABBREVIATION_STOP_RE = re.compile(r"(?<![^\W\d_])(rb|rbu|rts)\.(?=\s+[0-9])", re.IGNORECASE)
# thousands, then a figure below a thousand beside them: "1.000 500", "2000 300"
_FIGURES_BESIDE_RE = re.compile(r"([1-9][0-9]{0,2}(?:\.[0-9]{3})+|[1-9][0-9]{3,})\s+([0-9]{1,3})")
# two figures set apart otherwise than a comma and a space: a comma with no space before thousands ("2.000,1.300",
# "2000,1300": never a decimal comma, nor thousands grouped with a comma, which are three digits after a figure of at
# most three), or a space before thousands ("1.500 1.500")
_GROUPED = r"[0-9]{1,3}(?:\.[0-9]{3})+"
_FIGURE_PAIR_RE = re.compile(rf"(?P<head>{_GROUPED}|[0-9]+)(?:(?P<mark>,)(?={_GROUPED}$|[0-9]{{4,}}$|"
                             rf"(?<=[0-9]{{4}},)[0-9]{{3}}$)|\s+(?={_GROUPED}$))(?P<tail>{_GROUPED}|[0-9]+)")
# two quantities set apart by a slash ("1.500/1.300", "3 ribu / 2 ribu") or "atau"/"dan" ("2.000 atau seribu")
_ALTERNATIVES_RE = re.compile(r"(?P<head>.+?)(?:\s*(?P<mark>/)\s*|\s+(?P<word>atau|dan|or|and)\s+)(?P<tail>.+)",
                              re.IGNORECASE)
_PAIR_MARKS = {",": ("joined by a comma", "dipisah koma"), "/": ("joined by a slash", "dipisah garis miring"),
               "atau": ('joined by "atau"', 'dipisah kata "atau"'), "or": ('joined by "or"', 'dipisah kata "or"'),
               "dan": ('joined by "dan"', 'dipisah kata "dan"'), "and": ('joined by "and"', 'dipisah kata "and"')}
# a figure with the same number in words in brackets, as letters and forms write amounts
_IN_WORDS_RE = re.compile(r"([^()]*?[0-9][^()]*?)\s*\(\s*([^()0-9]*[^\W\d_][^()0-9]*?)\s*\)")
# One figure or one word of a run of both: "2", "1.500", "ribu", "tiga".
_FIGURE_OR_WORD_RE = re.compile(r"\s*([0-9]+(?:\.[0-9]{3})*|[^\W\d_]+)")
# The words a figure may stand before ("2 ribu") or after ("seribu 500"): what each counts in.
SCALES = {"ratus": 100, "seratus": 100, "rts": 100, "ribu": 1000, "seribu": 1000, "rb": 1000, "rbu": 1000,
          "rebu": 1000, "juta": 1_000_000, "sejuta": 1_000_000, "jt": 1_000_000}
# Every word a quantity may be spelt with ("dua", "seribu", "rts", "rebu", "setengah", "koma"), the reader's: where a
# longer text is searched for the run of a figure (a manager's "SETUJU 1 ribu 9 rts 5 puluh"), the run is the whole
# of what parse_quantity and a district's mail read, never cut before a short form.
NUMBER_WORDS: frozenset[str] = frozenset({*vocab.DIGIT_WORDS, *vocab.SE_WORDS, *vocab.SCALE_WORDS,
                                          *vocab.SCALE_ABBREVIATIONS, *vocab.HALF_WORDS, *SCALES, "koma"})
_SCALE_NAMES = {100: "hundreds", 1000: "thousands", 1_000_000: "millions"}
_SCALE_WORDS = {100: "hundred", 1000: "thousand"}
_ID_BELOW = {100: "seratus", 1000: "seribu"}


def _figures_and_words(spelled: str, shown: str) -> int | None:
    """The number figures and number words say together, read as the reader reads them: a figure before a scale
    word is multiplied by it ("2 ribu"), a figure after one is what it leaves ("seribu 500" 1.500, "dua ribu tiga
    ratus 50" 2.350, "1 rb 250" 1.250). None when *spelled* is no such run (digits alone, words alone, other words).
    QuantityError "ambiguous" for a figure after a scale word that is not below it ("seribu 1500": 1.500 or
    2.500?), and for one after millions ("sejuta 500": 1.000.500 or 1.500.000?)."""
    from mailbot.reader.numbers import parse_words

    tokens: list[str] = []
    pos = 0
    while pos < len(spelled):
        if (part := _FIGURE_OR_WORD_RE.match(spelled, pos)) is None:
            return None
        tokens.append(part[1].lower())
        pos = part.end()
    if all(t[0].isdigit() for t in tokens) or not any(t[0].isdigit() for t in tokens):
        return None
    words: list[str] = []
    for i, token in enumerate(tokens):
        if not token[0].isdigit():
            words.append(token)
            continue
        figure = int(token.replace(".", ""))
        after = SCALES.get(tokens[i - 1]) if i else None
        if i + 1 < len(tokens) and tokens[i + 1] in SCALES and not tokens[i + 1].startswith("se"):
            # "2 ribu", "1 juta 500 ribu": the figure counts the scale word after it, and what follows is less
            # ("6 ratus dua ribu" is no number)
            if any(SCALES.get(t, 0) >= SCALES[tokens[i + 1]] for t in tokens[i + 2:]):
                return None
        elif after is not None and (figure >= after or after == 1_000_000):
            raise _not_below(shown, tokens[i - 1], after, parse_words(" ".join(words)), token, figure)
        elif i and tokens[i - 1] == "puluh":
            if not 0 < figure < 10:
                return None  # "7 puluh 15": no number
            # "seribu 3 ratus 7 puluh 5" (1.375): a digit after the tens is the ones, as the reader reads it
        elif after is None:
            return None  # "2 500", "kia 500": a figure beside no scale word
        if "." in token or not 0 < figure < 1000:
            return None
        words.append(_spoken(figure))
    value = parse_words(" ".join(words))
    if value is not None:
        _refuse_short_hundreds(shown, spelled, value)  # "2 ribu lima", "2 rb 5": as "dua ribu lima"
    return value


def _refuse_short_hundreds(shown: str, spelled: str, value: int) -> None:
    """QuantityError "ambiguous" for thousands then one digit ("dua ribu lima", "2 rb 5": 2.005, or 2.500 said
    short?), as the reader asks a district back for it (mailbot.reader.numbers.short_hundreds)."""
    from mailbot.reader.numbers import short_hundreds

    if (readings := short_hundreds(spelled, value)) is None:
        return
    figures = tuple(format_number(v) for v in readings)
    raise QuantityError("ambiguous", f'"{shown}" is ambiguous: thousands then a single digit, {figures[0]} as written '
                                     f"or {figures[1]} with its hundreds said short; write the number in digits, like "
                                     f"{figures[0]} or {figures[1]}",
                        indonesian=_two_ways(figures), examples=figures, two_ways=figures)


def _not_below(shown: str, word: str, scale: int, head: int | None, token: str, figure: int) -> QuantityError:
    """The refusal of "seribu 1500": a figure after a scale word that does not say what it leaves."""
    head = head or scale
    readings = ([head + figure, head + figure * 1000] if scale == 1_000_000 and figure < 1000
                else [figure, head + figure] if figure >= head else [head + figure])
    figures = tuple(format_number(value) for value in readings)
    above = "" if scale == 1_000_000 else f", which is a {_SCALE_WORDS[scale]} or more"
    english = f'"{shown}" is ambiguous: {_SCALE_NAMES[scale]} ("{word}") then {token}{above}'
    if len(figures) == 2:
        return QuantityError("ambiguous", f"{english} ({figures[0]} or {figures[1]}?); write the number once, like "
                                          f"{figures[0]} or {figures[1]}",
                             indonesian=_two_ways(figures), examples=figures, two_ways=figures)
    below = f", yang tidak kurang dari {_ID_BELOW[scale]}" if scale in _ID_BELOW else ""
    return QuantityError("ambiguous", f"{english}; write the number once, like {figures[0]}",
                         indonesian=f'tidak jelas: sesudah "{word}" tertulis {token}{below}', examples=figures)


_ONES = ("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")


def _spoken(figure: int) -> str:
    """1 to 999 in Indonesian number words, as parse_words reads them back (250: "dua ratus lima puluh")."""
    hundreds, rest = divmod(figure, 100)
    tens, ones = divmod(rest, 10)
    said = ["seratus" if hundreds == 1 else f"{_ONES[hundreds]} ratus"] if hundreds else []
    if tens == 1:
        said.append("sepuluh" if ones == 0 else "sebelas" if ones == 1 else f"{_ONES[ones]} belas")
    else:
        said += ([f"{_ONES[tens]} puluh"] if tens else []) + ([_ONES[ones]] if ones else [])
    return " ".join(said)


def _figure_and_words(shown: str, figure: str, words: str) -> int:
    """The number "700 (tujuh ratus)" means when the figure and the words agree; else QuantityError naming both."""
    from mailbot.reader.numbers import parse_words

    value = parse_quantity(figure, signed=True, zero=True)  # its own refusal when the figure is no number
    spelled = parse_words(words.strip(" .").removesuffix(" keping").removesuffix(" lembar"))
    if spelled is None:
        raise QuantityError("invalid", f'"{shown}": the words in brackets ({words!r}) are not a number; write the '
                                       f"figure alone, e.g. {format_number(abs(value))}",
                            indonesian="tulisan dalam kurungnya bukan bilangan",
                            examples=(format_number(abs(value)),))
    if spelled != abs(value):
        figures = (format_number(abs(value)), format_number(spelled))
        raise QuantityError("invalid", f'"{shown}": the figure says {figures[0]} and the words in brackets say '
                                       f"{figures[1]}; write the number once, e.g. {figures[0]} or {figures[1]}",
                            indonesian=f"menyebut dua jumlah yang berbeda ({figures[0]} dan {figures[1]})",
                            examples=figures)
    return value


# The same fixes in Indonesian, for a manager's email (mailbot.guards.commands): after 'Jumlah "1.25rb"'.
_ID_DECIMAL_POINT = ("memakai titik sebagai tanda desimal, padahal dalam bahasa Indonesia tanda desimal ditulis "
                     "dengan koma")
_ID_DECIMAL_COMMA = "memakai koma desimal, padahal jumlah keping selalu bilangan bulat"
_ID_NOT_WHOLE = "bukan bilangan bulat"
_ID_COMMA_GROUPED = ("dapat dibaca dua cara, karena dalam bahasa Indonesia koma adalah tanda desimal dan ribuan "
                     "ditulis dengan titik")


def _two_ways(figures: tuple[str, ...]) -> str:
    """One figure's two readings, for a manager's email: after 'Jumlah "dua ribu lima"'."""
    return f"dapat dibaca dua cara ({figures[0]} atau {figures[1]})"


def _bounded(value: int, shown: str, *, signed: bool, zero: bool, maximum: int | None, bound: str,
             noun: str) -> int:
    """*value* if it is within the bounds the caller asked for, else QuantityError saying which."""
    if value < 0 and not signed:
        raise QuantityError("not_positive", f'"{shown}": the number must be {"0 or more" if zero else "above zero"}')
    if value == 0 and not zero:
        raise QuantityError("not_positive", f'"{shown}": the number must be above zero' if not signed
                            else f'"{shown}": the change must not be zero')
    if maximum is not None and abs(value) > maximum:
        if bound == MOVEMENT_BOUND and value < 0:  # a change down: the limit is how much one movement takes out
            raise QuantityError("too_large", f'"{shown}" takes out more than the most one movement may take out '
                                             f"({_most(maximum, noun)}, {bound})")
        if bound == MOVEMENT_BOUND:
            raise QuantityError("too_large", f'"{shown}" is more than the most one movement may be '
                                             f"({_most(maximum, noun)}, {bound})")
        raise QuantityError("too_large", f'"{shown}" is more than {bound} allows: at most {_most(maximum, noun)}')
    return value


def _most(maximum: int, noun: str) -> str:
    return format_number(maximum) + ("" if noun == "pieces" else f" {noun}")


def format_number(value: int) -> str:
    from mailbot.indonesian import number

    return number(value)
