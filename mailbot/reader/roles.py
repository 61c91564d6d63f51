"""Which number is which: requested, stock on hand, received, printed, recorded; with evidence and doubts."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from mailbot.reader import vocabulary as vocab
from mailbot.reader.classify import ASKED_RECEIPT_RE, explicit_item
from mailbot.reader.dates import cell_date, line_date, line_month, names_a_month, parse_date
from mailbot.reader.frozen import quick, replace
from mailbot.reader.numbers import (
    Mention,
    find_mentions,
    mask_non_quantities,
    normalise,
    parse_digits,
    quantity_in,
)
from mailbot.reader.verdict import QUANTITY_FIELDS, Doubt, Evidence

Role = Literal["requested", "stock_on_hand", "received", "printed", "recorded", "ignore"]

_ROLE_OF: dict[str, str] = {}
for _role, _phrases in vocab.ROLE_PHRASES.items():
    for _p in _phrases:
        _ROLE_OF.setdefault(_p, _role)
_NOT_ROLE = frozenset(vocab.NOT_ROLE_PHRASES)
_POSTFIX_ROLE_WORDS = frozenset(vocab.POSTFIX_ROLE_WORDS)
_PART_LEAD_RE = re.compile(
    r"(?<![\w-])(?:termasuk|trmsk|diantaranya|di antaranya|including|incl\.?|of which)[ \t]*:?[ \t]*$"
)
_POSTFIX_GAP_RE = re.compile(
    r"[ \t]*(?:(?:" + vocab.alternation(vocab.KTP_WORDS + vocab.KIA_WORDS) + r")[ \t]*)?(?:(?:"
    + vocab.alternation(vocab.BLANK_UNITS + vocab.ENGLISH_BLANK_NOUNS) + r")\b[ \t]*)?(?:(?:"
    + vocab.alternation(vocab.KTP_WORDS + vocab.KIA_WORDS) + r")[ \t]*)?"
)
_COUNTS_OTHER_AFTER = frozenset(vocab.COUNTS_OTHER_AFTER)
_WEAK = frozenset(vocab.WEAK_REQUEST_PHRASES)
_RECEIPT_VERBS = frozenset(vocab.RECEIPT_VERBS)
_KEYWORD_RE = re.compile(
    r"(?<![\w-])(?:"
    + vocab.alternation(set(_ROLE_OF) | _NOT_ROLE)
    # "cetak149", "sisa2.061": a role word with its figure typed onto it.
    + r")(?:(?![\w-])|(?=\d[.,]?\d))"
)
# Clause ends: a line break, a semicolon, or a full stop/!/? followed by a space (not "2.000").
# (Each alternative opens with its own character, so that the regex engine skips along to one of them.)
_CLAUSE_END_RE = re.compile(r"\n|;|\.(?=\s)|!(?=\s)|\?(?=\s)")
_RESULT_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.RESULT_WORDS) + r")(?![\w-])")
_RESULT_LEAD_BEFORE_RE = re.compile(r"(?<![\w-])(?:" + vocab.alternation(vocab.RESULT_LEADS_BEFORE) + r")[^\S\n]*$")
_TOTAL_AFTER_RE = re.compile(
    r"[^\S\n]*(?:(?:" + vocab.alternation(vocab.BLANK_UNITS) + r")(?![\w-])[^\S\n]*)?(?:"
    + vocab.alternation(vocab.RESULT_TOTAL_AFTER) + r")(?![\w-])"
)


def _result_with_total_after(masked: str, lo: int, m: Mention) -> bool:
    """"tolong tambah 500 lg jd 3rb total": the figure after "jadi" that its total word follows is a result."""
    return bool(_RESULT_LEAD_BEFORE_RE.search(masked, lo, m.start)) and bool(_TOTAL_AFTER_RE.match(masked, m.end))
# Between two figures: the first's unit, a comma, and the next blank's name ("859 keping, KIA 411").
_ITEM_LIST_RE = re.compile(
    r"[ \t]*(?:(?:" + vocab.alternation(vocab.BLANK_UNITS) + r")\b)?[ \t]*[,;/][ \t]*(?:(?:dan|serta|and)[ \t]+)?"
    r"(?:(?:" + vocab.alternation(vocab.GENERIC_BLANK_WORDS) + r")[ \t]+)?(?:"
    + vocab.alternation(vocab.KTP_WORDS + vocab.KIA_WORDS) + r")[ \t]*:?[ \t]*"
)
_COORDINATION_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.COORDINATION_WORDS) + r")(?![\w-])")
_CONTINUATION_RE = re.compile(r"\b(?:" + vocab.alternation(vocab.CONTINUATION_WORDS) + r")\b")
# After a receipt verb in a bracket: the shipment it names, and the bracket's end ("(sudah terima kiriman)").
_SHIPMENT_NOTED_RE = re.compile(
    r"[^\S\n]+(?:" + vocab.alternation(vocab.SHIPMENT_OF_WORDS) + r")(?:[^\S\n]+[a-z]+){0,2}[^\S\n]*\)"
)
# ", sebanyak" right before a figure, closing a sentence; ", yang" / ", yg" opening a relative clause.
_AMOUNT_CLAUSE_RE = re.compile(
    r",[^\S\n]*(?:" + vocab.alternation(vocab.AMOUNT_CLAUSE_LEADS) + r")[^\S\n]*:?[^\S\n]*$"
)
_RELATIVE_CLAUSE_OPEN_RE = re.compile(r",[^\S\n]*(?:yang|yg)[^\S\n]")
# Only these roles are read from words after a number ("2.000 keping sudah kami terima",
# "3 keping rusak"); anything else after a number usually belongs to the next one.
_AFTER_ROLES = frozenset(("received", "ignore"))
# Any role word may follow its number in a relative clause: "2 ribu keping yg kami mohon tgl 3 jan",
# "300 keping yang tersisa".
_RELATIVE_BEFORE_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.RELATIVE_WORDS) + r")(?:\s+(?:"
    + vocab.alternation(vocab.RELATIVE_FILLERS) + r"))*\s+$"
)
_TOTAL_BEFORE_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.TOTAL_WORDS) + r")\s*:?\s*$")
_CONTRAST_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.CONTRAST_WORDS) + r")(?![\w-])")
# A line break inside wrapped prose is no clause end: "kami mohon tambahan blangko sebanyak\n1.500 keping".
_SOFT_WRAP_MIN = 45
# Clients wrap prose at 72 to 78 characters (a few at 66 or 70): a line with room left under this for
# the next line's first word was broken by its writer.
_WRAP_WIDTH_FLOOR = 64
_LINE_GOES_ON = frozenset(vocab.LINE_GOES_ON_WORDS)
_BULLET_RE = re.compile(r"[ \t>]*(?:[-*\u2022]|\(?\d{1,2}[.)](?=\s)|[a-z][.)](?=\s))")
# A message of a pasted chat opens its line with its time stamp in brackets and its writer: "[02/12/26 08.14] Fina:
# ...", "[08.14, 2/12/2026] Fina: ..." (the stamp blanked when masked). Each is its own message; a line break
# before one wraps nothing.
_CHAT_LINE_RE = re.compile(r"[ \t>]*\[[^\]\n]{0,24}\][ \t]*[^\n:\[\]]{1,40}:")
_HOLDER_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.OTHER_HOLDER_WORDS) + r")(?![\w-])")
# Before a holder word, these make it the source of a shipment ("kiriman dari provinsi"), not its receiver.
_SOURCE_BEFORE_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.SOURCE_WORDS) + r")[^\S\n]+(?:\S+[^\S\n]+)?$"
)
_FIRST_PERSON_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.FIRST_PERSON_WORDS) + r")(?![\w-])")
_DISCREPANCY_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.DISCREPANCY_WORDS) + r")")
_ABBREVIATIONS = frozenset(vocab.ABBREVIATIONS)
_SUPPLY_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.SUPPLY_WORDS) + r")(?![\w-])")
# A supply named with the blank it prints ("ribbon KIA", "film KTP-el"): the supply's name, no blank's.
_SUPPLY_FOR_ITEM_RE = re.compile(
    r"(?<![\w-])(?:" + vocab.alternation(vocab.SUPPLY_WORDS) + r")(?:\s+(?:untuk|utk|for))?\s+(?:"
    + vocab.alternation(vocab.KTP_WORDS + vocab.KIA_WORDS) + r")(?![\w])"
)
_BLANK_NAMES = sorted(vocab.GENERIC_BLANK_WORDS + vocab.KTP_WORDS + vocab.KIA_WORDS, key=len, reverse=True)
_BLANK_NAME_RE = re.compile(
    r"(?<![\w-])(?:"
    + vocab.alternation(_BLANK_NAMES)
    + r")(?![\w])"
)
# A line that only names one blank heads a section of figures said of it:
# "KTP-el" / "  Perekaman : 115" / ... / "KIA" / "  Tercetak : 30".
_HEADING_RE = re.compile(
    r"^[ \t>*#=\-]*(?:[a-z0-9][.)][ \t]*)?(?:(?:" + vocab.alternation(vocab.HEADING_OPENERS) + r")[ \t]+)?(?P<item>"
    + vocab.alternation(vocab.KTP_WORDS + vocab.KIA_WORDS)
    + r")[ \t]*[:*=\-]*[ \t]*$",
    re.MULTILINE,
)
_KIA_NAMES = frozenset(vocab.KIA_WORDS)
# A line opened by one blank's name and then its figures' words: "KTP cetak 130, rekam 151, sisa 2.870".
_LINE_NAME_RE = re.compile(
    r"[ \t>*#\-]*(?:[a-z0-9][.)][ \t]+)?(?:(?:" + vocab.alternation(vocab.HEADING_OPENERS) + r")[ \t]+)?(?P<item>"
    + vocab.alternation(vocab.KTP_WORDS + vocab.KIA_WORDS)
    + r")(?:[ \t]*[:=|\-][ \t]|[ \t]+(?=[a-z]))"
)
# A change of figure: "dari 1.500 menjadi 2.500 keping", "from 1,500 to 2,500".
_CHANGE_FROM_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.CHANGE_FROM_WORDS) + r")\s*:?\s*$")
_CHANGE_TO_RE = re.compile(
    r"\s*(?:(?:" + vocab.alternation(vocab.BLANK_UNITS + vocab.ENGLISH_BLANK_NOUNS) + r")\b\s*)?,?\s*(?:"
    + vocab.alternation(vocab.CHANGE_TO_WORDS) + r")\s*:?\s*"
)
# A change of figure by a verb, with no "dari": "1.500 kami kurangi jadi 1.000", "3.214 keping, dibulatkan menjadi
# 3.300".
_CHANGE_VERB_TO_RE = re.compile(
    r"\s*(?:(?:" + vocab.alternation(vocab.BLANK_UNITS + vocab.ENGLISH_BLANK_NOUNS) + r")\b\s*)?,?\s*"
    r"(?:(?:kami|kita|saya)\s+)?(?:"
    + vocab.alternation(vocab.CHANGE_VERBS) + r")\s+(?:" + vocab.alternation(vocab.CHANGE_INTO_WORDS) + r")\s*:?\s*"
)
# A blank labelling the figures after it within a line: "| KIA: cetak 0", "; KTP-el = 44".
_ITEM_LABEL_RE = re.compile(
    r"(?:\||(?<![\w-]))[ \t]*(?P<item>" + vocab.alternation(vocab.KTP_WORDS + vocab.KIA_WORDS) + r")[ \t]*[:=|]"
)
# A line labelled with one blank: "KIA    : cetak 41, sisa blangko 560 lembar", "- KTP-el = rekam 34".
_LINE_LABEL_RE = re.compile(
    r"[ \t>*#\-]*(?:(?:" + vocab.alternation(vocab.HEADING_OPENERS) + r")[ \t]+)?(?P<item>"
    + vocab.alternation(vocab.KTP_WORDS + vocab.KIA_WORDS)
    + r")[ \t]*[:=|\-][ \t]"
)
_words_re = vocab.alternation
_PACKED_IN_RE = re.compile(
    r"[^\S\n]*(?:(?:" + _words_re(vocab.BLANK_UNITS) + r")\b[^\S\n]*)?(?:" + _words_re(vocab.PACKED_IN_WORDS)
    + r")[^\S\n]+"
)
_PACKAGE_AFTER_RE = re.compile(r"[^\S\n]*(?:" + _words_re(vocab.PACKAGE_UNITS) + r")\b")


_FILLERS = r"(?:\s+(?:" + _words_re(vocab.NEGATION_FILLERS) + r")){0,2}\s+$"
# A role word denied ("blm sampai", "belum kami terima", "tidak butuh") or affirmed ("sudah kami terima").
_NEGATED_BEFORE_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.NEGATION_WORDS) + r")" + _FILLERS)
_PLANNED_BEFORE_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.PLAN_WORDS) + r")" + _FILLERS)
_PLANNED_ROLES = frozenset(("recorded", "printed", "received"))
_CAN_STILL_BEFORE_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.CAN_STILL_WORDS) + r")" + _FILLERS)
_WORK_ROLES = frozenset(("recorded", "printed"))
_WE_SENT_BEFORE_RE = re.compile(r"(?<![\w-])(?:" + _words_re(vocab.WE_SENT_BEFORE) + r")[^\S\n]+$")
_SENDING_WORDS = frozenset(vocab.SENDING_WORDS)
# A correction opener and the name of the paper it corrects, up to the role word in that name.
_CORRECTED_PAPER_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.CORRECTION_OPENERS) + r")[^\S\n]+(?:"
    + _words_re(vocab.CORRECTED_PAPER_WORDS) + r")$"
)
_AFFIRMED_BEFORE_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.AFFIRM_WORDS) + r")" + _FILLERS)
_AFFIRMED_PHRASE_RE = re.compile(r"^(?:" + _words_re(vocab.AFFIRM_WORDS) + r")\s")
# "tidak sampai 500", "belum sampai 1.000": a bound, read as such by the number reader, not a denial.
_BOUND_PHRASES = frozenset(" ".join(p.split()) for p in vocab.APPROX_BEFORE)
_NUMBER_NEXT_RE = re.compile(r"\s*:?\s*\d")
_NEGATES_NEXT_RE = re.compile(_words_re(vocab.NEGATES_NEXT_WORDS))
# A figure right after a denial ("yg benar 1.200 bkn 2.100"): the figure denied.
_INSTEAD_OF_DENIED_RE = re.compile(
    r"[^\S\n]*(?:(?:" + _words_re(vocab.BLANK_UNITS) + r")(?![\w-]))?[^\S\n]*,?[^\S\n]*(?:"
    + _words_re(vocab.INSTEAD_OF_DENIED_WORDS) + r")[^\S\n]+"
)
_DENIED_FIGURE_RE = re.compile(r"(?<![\w-])(?:" + _words_re(vocab.NEGATES_NEXT_WORDS) + r")[^\S\n]*$")
_CORRECTION_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.CORRECTION_WORDS) + r")(?![\w-])")
_EARLIER_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.EARLIER_WORDS) + r")(?![\w-])")
_APPROVED_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.APPROVED_WORDS) + r")(?![\w-])")
# The blank named right after a figure ("3.000 keping KTP-el") belongs to that figure.
_OWNED_NAME_RE = re.compile(
    r"[ \t]*(?:(?:" + _words_re(vocab.BLANK_UNITS) + r")\b[ \t]*)?"
    r"(?:(?:" + _words_re(vocab.GENERIC_BLANK_WORDS) + r")[ \t]+)?(?:"
    + _words_re(vocab.KTP_WORDS + vocab.KIA_WORDS)
    + r")(?![\w])"
)
# "mohon 1.000 keping agar sudah sampai sebelum ...": a wish, not a receipt.
_PURPOSE_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.PURPOSE_WORDS) + r")(?![\w-])"
)
_IN_TRANSIT_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.IN_TRANSIT_PHRASES) + r")(?![\w-])")
_CAUSE_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.CAUSE_WORDS) + r")(?![\w-])")
_IN_TRANSIT_WINDOW = 36
# A figure still awaited, beside a denied arrival ("belum datang, masih kami tunggu 1.200 keping").
_AWAITED_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.AWAITED_PHRASES + vocab.IN_TRANSIT_PHRASES) + r")(?![\w-])"
)
_REST_ASKED_RE = re.compile(_words_re(vocab.REST_OF_WORDS))
_SEND_ASK_RE = re.compile(
    r"[ \t]*(?:(?:" + _words_re(vocab.BLANK_UNITS) + r")\b[ \t]*)?,?[ \t]*(?:" + _words_re(vocab.SEND_ASK_PHRASES)
    + r")(?![\w-])"
)
_REST_ARRIVED_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:" + _words_re(vocab.REST_ARRIVED_BEFORE_WORDS) + r")(?![\w-])(?![^\S\n]*kasih)"  # not "terima kasih"
)
# After a figure of what is left ("sisa 1.000 keping"), these make it the rest of a request, not stock.
_REST_OF_REQUEST_RE = re.compile(
    r"[ \t]*(?:(?:" + _words_re(vocab.BLANK_UNITS) + r")\b[ \t]*)?(?:dari|atas)[ \t]+(?:"
    + _words_re(vocab.REQUEST_NOUNS) + r")(?![\w-])"
)
_ASK_WORD_RE = re.compile(r"(?<![\w-])(?:mohon|mhn|minta|kami harap|harap)(?![\w-])")
_REST_LEAD_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.REST_OF_WORDS) + r")(?![\w-])")
_REST_ARRIVED_RE = re.compile(
    r"[ \t]*(?:(?:" + _words_re(vocab.BLANK_UNITS) + r")\b[ \t]*)?\)?[ \t]*(?:[\w-]+[ \t]+){0,2}?(?:"
    + _words_re(vocab.ARRIVED_PHRASES) + r")(?![\w-])"
)
_ZERO_STOCK_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.ZERO_STOCK_PHRASES) + r")(?![\w-])")
_NOT_YET_ZERO_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.NOT_YET_ZERO_WORDS) + r")(?:\s+\S+){0,2}\s*$")
_RATE_BEFORE_ZERO_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.RATE_BEFORE_ZERO_WORDS) + r")\s*$")
_WAS_OUT_BEFORE_ZERO_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.WAS_OUT_BEFORE_ZERO_WORDS) + r")\s*$"
)
_STOCK_ONLY_ZERO = frozenset(vocab.STOCK_ONLY_ZERO_WORDS)
_LEFT_AFTER_RE = re.compile(
    r"[ \t]+(?:(?:" + _words_re(vocab.KTP_WORDS + vocab.KIA_WORDS) + r")[ \t]+)?(?:"
    + _words_re(vocab.GENERIC_BLANK_WORDS + vocab.ENGLISH_BLANK_NOUNS + ("blank", "card")) + r")[ \t]+(?:"
    + _words_re(vocab.LEFT_AFTER_WORDS) + r")(?![\w-])"
)
# A stock stated as a figure: "sisa tinggal 300-an", "stok KIA 0".
_STATED_STOCK_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.STOCK_WORDS + ("sisa",)) + r")(?![\w-])[^\d\n;|]{0,30}\d"
)
# After a zero-stock word, these make it a forecast: "habis dalam 5 hari", "habis minggu depan".
_ZERO_LATER_RE = re.compile(r"[ \t]*(?:" + _words_re(vocab.ZERO_LATER_WORDS) + r")(?![\w-])")
# "Pencetakan KTP-el : nihil": the blank may be named between the role word and its colon.
_ZERO_VALUE_RE = re.compile(
    r"(?:[ \t]+(?:" + _words_re(vocab.KTP_WORDS + vocab.KIA_WORDS) + r"))?"
    r"(?:[ \t]+(?:" + _words_re(vocab.FIELD_DAY_WORDS) + r")(?=[ \t]*:))?"
    r"(?:(?:[ \t]*:[ \t]*|(?:[ \t]+(?:" + _words_re(vocab.ZERO_LINK_WORDS) + r")){1,2}[ \t]+)"
    r"(?:" + _words_re(vocab.ZERO_VALUE_WORDS) + r")(?![\w-])"
    # "perekaman nihil, pencetakan nihil": a word that says nothing but zero, right after the role word,
    # ending its clause.
    # A word of address may close the clause ("stok ktp el nol bu").
    r"|[ \t]+(?:"
    + _words_re(vocab.BARE_ZERO_WORDS) + r")(?=(?:[ \t]+(?:" + _words_re(vocab.SOFTENER_WORDS) + r")(?![\w-]))*"
    r"[ \t]*(?:[,.;(\n]|$|(?:" + _words_re(vocab.BARE_ZERO_CAUSE_WORDS) + r")(?![\w-]))))"
)
_ITEM_NAME_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.KTP_WORDS + vocab.KIA_WORDS) + r")(?![\w])")
_STOCK_NAME_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.STOCK_WORDS + ("sisa",)) + r")(?![\w-])")
_RESULT_LEAD_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.CORRECTED_RESULT_LEADS) + r")(?![\w-])")
# An agreement that opens its message or sentence and is followed by nothing but a figure: "Ok 1.500".
_AGREED_LEAD_RE = re.compile(
    r"(?:[^\n]*\]\s*[^:\n]{1,60}:|[^\n]*[.!?]|)[ \t]*(?:" + _words_re(vocab.AGREED_FIGURE_LEADS) + r")[ \t,!.:]*"
)
_CORRECTION_OPENER_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.CORRECTION_OPENERS) + r")(?![\w-])")
_EARLIER_WORDS = frozenset(" ".join(w.split()) for w in vocab.EARLIER_WORDS)
_MONEY_RE = re.compile(r"(?<![a-z])(?:" + _words_re(vocab.MONEY_WORDS) + r")(?![a-z])")
_CUMULATIVE_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.CUMULATIVE_WORDS) + r")(?![\w-])")
_CUMULATIVE_WINDOW = 40
# More cards recorded or printed than this in one day is no district's day (busiest days are a few hundred).
_MOST_IN_A_DAY = 2500
# A month's report ("Rekap bulan Agustus", "Laporan bulanan"): a month of days' work.
_MOST_IN_A_MONTH = 31 * _MOST_IN_A_DAY
_MONTHLY_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.MONTHLY_REPORT_PHRASES) + r")(?![\w-])")
# ... and a year's ("Laporan Akhir Tahun 2026"): a year of days' work.
_MOST_IN_A_YEAR = 366 * _MOST_IN_A_DAY
_RECONCILIATION_RE = re.compile(r"(?<![\w-])(?:" + _words_re(vocab.RECONCILIATION_WORDS) + r")(?![\w-])")
_YEARLY_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.YEARLY_REPORT_PHRASES) + r")(?![\w-])")
_HEAD_CHARS = 300  # how far into a mail its title and opening line reach
_PART_OF_RE = re.compile(
    r"[ \t]*(?:(?:" + _words_re(vocab.BLANK_UNITS) + r")\b[ \t]*)?"
    r"(?:" + _words_re(vocab.PART_OF_PREVIOUS_WORDS) + r")(?![\w-])"
)


@quick
@dataclass(frozen=True)
class Span:
    """Where a figure's own words lie: from *lo* (after the previous figure or comma) to the figure,
    and from the figure's end to *hi* (the next figure or comma)."""

    masked: str
    lo: int
    start: int
    end: int
    hi: int
    role: str | None = None  # the role its words gave it, if any
    keyword_end: int = -1  # the end of the role word that gave it, if any
    value: int | None = None
    of_a_year: bool = False  # the mail reports a year ("Laporan Akhir Tahun 2026"; its year is masked)


def _money(span: Span, elsewhere: re.Pattern[str] | None) -> bool:
    """"harga Rp 3.500/pcs, minimal order 1.000 pcs", "a USD 1,000 bonus": money or a trade term."""
    return bool(_MONEY_RE.search(span.masked, span.lo, span.start))


def _other_district(span: Span, elsewhere: re.Pattern[str] | None) -> bool:
    """"Kab. Nunukan ... menerima 5.000 keping" in Malinau's mail: another district's figure. A loan received
    from another district ("telah menerima pinjaman blangko KTP-el dari Disdukcapil Kota Tarakan sebanyak 500
    keping") names it as the lender: the figure is the writer's receipt."""
    if elsewhere is None:
        return False
    named = [n for n in elsewhere.finditer(span.masked, span.lo, span.start)]
    if not named:
        return False
    return not (span.role == "received" and _LOAN_RE.search(span.masked, span.lo, span.start) is not None and all(
        _LENDER_BEFORE_RE.search(span.masked, max(span.lo, n.start() - 40), n.start()) for n in named
    ))


# Right before another district's name: the office the blanks came from ("dari Disdukcapil Kota Tarakan").
_LENDER_BEFORE_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.SOURCE_WORDS) + r")[^\S\n]+(?:[a-z.]+[^\S\n]+){0,2}$"
)


def _part_of_previous(span: Span, elsewhere: re.Pattern[str] | None) -> bool:
    """"2.000 keping telah kami terima, namun 12 keping di antaranya rusak", "direkam sebanyak 1.284 orang dan dari
    jumlah tersebut 1.019 orang adalah pelajar": a part of the figure before."""
    return bool(_PART_OF_RE.match(span.masked, span.end) or _PART_BEFORE_RE.search(span.masked, span.lo, span.start))


# Right before a figure: "dari jumlah tersebut 1.019 orang", "di antaranya sebanyak 40".
_PART_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:" + _words_re(vocab.PART_OF_PREVIOUS_WORDS) + r")[^\S\n]*,?[^\S\n]*"
    r"(?:(?:sebanyak|ada|terdapat)[^\S\n]+)?$"
)


def _running_total(span: Span, elsewhere: re.Pattern[str] | None) -> bool:
    """"Target perekaman 12.000 jiwa, sudah terekam 9.500": a count of work done that no district
    reaches in a day is a running total, not the day's figure; in a mail that reports a month ("Rekap bulan
    Agustus 2026", looked for only past a day's most), one that no district reaches in a month; in a mail that
    reports a year ("Laporan Akhir Tahun 2026"), one that no district reaches in a year."""
    if span.role not in ("recorded", "printed") or (span.value or 0) <= _MOST_IN_A_DAY:
        return False
    if span.of_a_year and not _in_bar_row(span):
        # (a row of cells between bars, "Pencetakan KTP-el | 9.800 | 9.302 | 94,9%", holds a target beside the
        # year's count: which is which only its header says, read as a table's)
        return (span.value or 0) > _MOST_IN_A_YEAR
    if _RECONCILIATION_RE.search(span.masked):
        # "Laporan Rekonsiliasi ... periode 1 Januari s.d. 19 Februari 2027: ... Dicetak : 3.888 keping".
        return (span.value or 0) > _MOST_IN_A_MONTH
    return (span.value or 0) > _MOST_IN_A_MONTH or not _MONTHLY_RE.search(span.masked, 0, _HEAD_CHARS)


def _in_bar_row(span: Span) -> bool:
    """Whether the figure at *span* stands in a line of cells between bars ("KTP-el | 9.800 | 9.302")."""
    line_start = span.masked.rfind("\n", 0, span.start) + 1
    line_end = span.masked.find("\n", span.end)
    return "|" in span.masked[line_start : line_end if line_end != -1 else len(span.masked)]


def _other_holder(span: Span, elsewhere: re.Pattern[str] | None) -> bool:
    """"stok di gudang provinsi katanya tinggal 5.000 keping": someone else's stock, not the writer's; "ada 600
    keping di lemari UPT Tanjung Palas": a part of the district's stock, kept at one of its offices."""
    return span.role == "stock_on_hand" and (
        _held_by_other(span)
        or bool(_SUBUNIT_AFTER_RE.match(span.masked, span.end))
        or _subunit_named(span.masked, span.lo, span.start)
    )


def _team_supply(span: Span, elsewhere: re.Pattern[str] | None) -> bool:
    """"sisa di kotak 12 keping saja", "Blangko dalam kotak tim tinggal 60 keping", "Sisa blangko KIA yang kami
    bawa kembali 49 keping": the blanks a mobile team carries out or brings back (its box, its kit) are the team's
    supply, one part of the district's stock at most, not the stock. The team's blanks added to the office's
    ("stok 900 termasuk yang di kotak tim"), or named in a bracket beside them ("sisa blangko (kantor + yg dibawa
    tim) 700"), say what the stock holds: the figure stays the stock."""
    if span.role != "stock_on_hand":
        return False
    for team in _CARRIED_BY_TEAM_RE.finditer(span.masked, span.lo, span.start):
        if _WITH_TEAM_SUPPLY_RE.search(span.masked, max(span.lo, team.start() - 24), team.start()):
            continue
        opened = span.masked.rfind("(", span.lo, team.start())
        if opened != -1 and span.masked.rfind(")", span.lo, team.start()) < opened and ")" in span.masked[
            team.end() : span.start
        ]:
            continue
        return True
    return _left_of_team_supply(span)


# The words of a stock that say only what is left ("sisa 423"), and where the sentence before them opened.
_LEFT_OF_IT_RE = re.compile(r"[^\S\n]*(?:" + _words_re(vocab.LEFT_OF_IT_WORDS) + r")[^\S\n]*:?[^\S\n]*")
_SENTENCE_END_RE = re.compile(r"\n|[.!?](?:\s|$)")


def _sentence_start(masked: str, at: int) -> int:
    """Where the sentence holding position *at* opened (looked for up to 200 characters back)."""
    return max((m.end() for m in _SENTENCE_END_RE.finditer(masked, max(0, at - 200), at + 1)), default=0)


def _left_of_team_supply(span: Span) -> bool:
    """"Blangko yg saya bawa ke posko 500, sisa 423": a stock said only as what is left, after the team's supply
    named earlier in its sentence, is what is left of that supply."""
    if not _LEFT_OF_IT_RE.fullmatch(span.masked, span.lo, span.start):
        return False
    opened = _sentence_start(span.masked, span.lo)
    return _CARRIED_BY_TEAM_RE.search(span.masked, opened, span.lo) is not None


# Right before the team's blanks: a word that adds them to the office's ("kantor + yg dibawa tim").
_WITH_TEAM_SUPPLY_RE = re.compile(
    r"(?<![\w-])(?:" + _words_re(vocab.WITH_TEAM_SUPPLY_WORDS) + r")[^\S\n]*(?:(?:"
    + _words_re(vocab.WITH_TEAM_SUPPLY_FILLERS) + r")[^\S\n]+)*$"
)


def _held_by_other(span: Span) -> bool:
    """Whether another holder (the province, the ministry) is named before a stock's figure as its holder. In
    a dictated run-on sentence the province may be named only as whom the writer speaks to ("bapak ibu di provinsi
    ini saya yohana ... stok blangko ... kami sekarang tinggal 920"): a stock word and the writer named after it
    make the stock the writer's."""
    holders = [h for h in _HOLDER_RE.finditer(span.masked, span.lo, span.start)
               if not _ADDRESSEE_BEFORE_RE.search(span.masked, max(0, h.start() - 30), h.start())]
    if not holders:
        return False
    last = holders[-1].end()
    stock = _STOCK_NAME_RE.search(span.masked, last, span.start)
    return stock is None or not _FIRST_PERSON_RE.search(span.masked, last, span.start)


# Whom the writer speaks to, right before the holder's name ("bapak ibu di provinsi"): no holder of the stock.
_ADDRESSEE_BEFORE_RE = re.compile(r"(?<![\w-])(?:" + vocab.alternation(vocab.ADDRESSEE_BEFORE_HOLDER) + r")[^\S\n]*$")


# Right after a stock's figure: where it is kept, when that is an office inside the district (a stock said
# of the writer's own UPT, "Sisa blangko di kantor UPT tinggal 90", is the stock the writer speaks for).
_SUBUNIT_AFTER_RE = re.compile(
    r"(?:[^\S\n]*(?:keping|kpg|lembar|lbr|pcs|blangko|blanko)\b)?[^\S\n]*(?:di|dari|pada|at)[^\S\n]+"
    r"(?:(?:lemari|gudang|kantor|ruang)[^\S\n]+)?(?:" + vocab.alternation(vocab.SUBUNIT_WORDS) + r")(?![\w-])"
)


# Before a stock's figure or its zero word: the office it is kept at, named ("Stok blangko KTP-el di UPT Krayan
# sudah habis", "sisa di UPT Lumbis Ogong 40"): that office's part of the district's stock, not the stock.
# Or the stock is said to lie "there" (see THERE_WORDS).
_NAMED_SUBUNIT_RE = re.compile(
    r"(?<![\w-])(?:di|pada|at)[^\S\n]+(?:(?:lemari|gudang|kantor|ruang)[^\S\n]+)?(?:"
    + vocab.alternation(vocab.NAMED_SUBUNIT_WORDS) + r")[^\S\n]+(?:kec\.?[^\S\n]+|kecamatan[^\S\n]+)?(?!(?:"
    + vocab.alternation(vocab.SUBUNIT_UNNAMED_WORDS) + r")(?![\w-]))[a-z]{3,}"
    + r"|(?<![\w-])(?:" + vocab.alternation(vocab.THERE_WORDS) + r")(?![\w-])"
)
_SUBUNIT_FILLER = r"(?:" + vocab.alternation(vocab.SUBUNIT_STOCK_FILLERS) + r")(?![\w-])"
# The office as the clause's subject, right before its stock's words: searched up to the figure, so "$" is there.
_SUBUNIT_SUBJECT_RE = re.compile(
    r"(?<![\w-])(?:" + vocab.alternation(vocab.NAMED_SUBUNIT_WORDS) + r")[^\S\n]+(?:kec\.?[^\S\n]+|kecamatan[^\S\n]+)?"
    r"(?!(?:" + vocab.alternation(vocab.SUBUNIT_UNNAMED_WORDS) + r")(?![\w-]))[a-z]{3,}(?:[^\S\n]+(?!"
    + _SUBUNIT_FILLER + r")[a-z]{3,})?(?:[^\S\n]*:?[^\S\n]*" + _SUBUNIT_FILLER + r"){1,4}[^\S\n]*:?[^\S\n]*$"
)
_NOT_SUBJECT_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:" + vocab.alternation(vocab.SUBUNIT_NOT_SUBJECT_BEFORE) + r")\s+$"
)


def _subunit_named(masked: str, lo: int, at: int) -> bool:
    """Whether one office of the district is named as where the stock whose figure or zero word is at at lies:
    "Stok blangko KTP-el di UPT Krayan sudah habis", "sisa di UPT Lumbis Ogong 40", "sisa disana 40", or as
    the clause's subject right before its stock's words ("karena UPT Sebatik masih ada stok 420 keping")."""
    if _NAMED_SUBUNIT_RE.search(masked, lo, at):
        return True
    subject = _SUBUNIT_SUBJECT_RE.search(masked, lo, at)
    return subject is not None and not _NOT_SUBJECT_BEFORE_RE.search(
        masked, max(0, subject.start() - 12), subject.start()
    )


# Right after a stock's figure: what it leaves out, or whom it was handed to keep (see EXCLUDING_WORDS).
_EXCLUDING_AFTER_RE = re.compile(
    r"(?:[^\S\n]*(?:" + _words_re(vocab.BLANK_UNITS) + r")\b)?[^\S\n]*[,(]?[^\S\n]*(?:"
    + _words_re(vocab.EXCLUDING_WORDS) + r")(?![\w-])"
)
_SPOILT_RE = re.compile(r"(?<![\w-])(?:" + _words_re(vocab.COUNTS_OTHER_AFTER) + r")(?![\w-])")
_DEPOSITED_RE = re.compile(r"(?<![\w-])(?:" + _words_re(vocab.DEPOSITED_WITH_WORDS) + r")(?![\w-])")
_LENT_OUT_RE = re.compile(
    r"(?<![\w-])(?:" + _words_re(vocab.LENT_OUT_WORDS) + r")(?![\w-])(?![^\S\n]+(?:dari|from)\b)"
)


# A bracket opened by a word of what a figure already holds ("(sudah termasuk ...", "(incl. ..."), no denial
# before it ("(belum termasuk ...").
_INCLUDING_OPEN_RE = re.compile(
    r"\([^\S\n]*(?:" + _words_re(vocab.INCLUDING_WORDS) + r")(?![\w-])"
)


def _part_of_stock(span: Span, elsewhere: re.Pattern[str] | None) -> bool:
    """"Sisa blangko di kantor 1.940 keping, belum termasuk blangko yang dibawa tim": a stock that leaves out
    blanks held elsewhere; "sisanya 188 keping kami titipkan di kantor kecamatan": a part handed to another
    office to keep. Either is a part of the district's stock, not the stock."""
    if span.role != "stock_on_hand":
        return False
    excluding = _EXCLUDING_AFTER_RE.match(span.masked, span.end)
    if excluding is not None:
        # "380 keping (di luar 12 keping rusak)": spoilt cards left out are no stock held elsewhere, nor are
        # blanks lent out to another office ("di luar 500 keping yang dipinjam Kab. Tana Tidung").
        return not _SPOILT_RE.search(span.masked, excluding.end(), excluding.end() + 40) and not (
            _LENT_OUT_RE.search(span.masked, excluding.end(), excluding.end() + 40)
        )
    deposited = _DEPOSITED_RE.search(span.masked, span.end, span.hi)
    # "1.180 keping (sudah termasuk yang dititip di UPT Sebatik 200)": the figure holds what was deposited.
    return deposited is not None and not _INCLUDING_OPEN_RE.search(span.masked, span.end, deposited.start())


def _deposited_stock_named(span: Span) -> bool:
    """"stok blangko yang dititipkan Dinas ke kecamatan kami: 65 keping": the stock's own words, before its figure,
    name the blanks handed to an office to keep (a deposit word after the last stock word, none between it and
    the figure): the figure is that office's consignment, a part of the district's stock, not the stock."""
    last = None
    for found in _DEPOSITED_RE.finditer(span.masked, span.lo, span.start):
        last = found
    if last is None:
        return False
    return _STOCK_NAME_RE.search(span.masked, span.lo, last.start()) is not None and not _STOCK_NAME_RE.search(
        span.masked, last.end(), span.start
    )


_HEARSAY_RE = vocab.Gated(
    re.compile(r"(?:" + vocab.word_start_alternation(vocab.HEARSAY_WORDS) + r")(?![\w-])"), vocab.HEARSAY_WORDS
)


def _hearsay(span: Span, elsewhere: re.Pattern[str] | None) -> bool:
    """"Kami mendapat informasi bahwa ... beberapa kabupaten kehabisan blangko, termasuk Tana Tidung yang
    stoknya 0": a figure in a sentence opened by what the writer heard is passed on, not stated."""
    return _heard_before(span.masked, span.start)


def _heard_before(masked: str, at: int) -> bool:
    """Whether what is said at *at* (a figure, a word of zero) stands in a sentence where a word of hearsay
    comes before it ("Di Disdukcapil katanya blangko KIA kosong"), with no clause of the writer's own between."""
    sentence_lo = max(masked.rfind("\n", 0, at), masked.rfind(". ", 0, at)) + 1
    heard = _HEARSAY_RE.search(masked, sentence_lo, at)
    # "Kabarnya Tarakan masih punya 3.000-an blangko, kami di Nunukan tinggal 640 keping": after the clause
    # heard, the writer speaking of themselves states their own figure.
    return heard is not None and not _OWN_CLAUSE_AFTER_RE.search(masked, heard.end(), at)


_OWN_CLAUSE_AFTER_RE = re.compile(
    r"[,;][^\S\n]*(?:(?:dan|tapi|tetapi|sedangkan|sementara|but|while)[^\S\n]+)?(?:"
    + vocab.alternation(vocab.FIRST_PERSON_WORDS) + r")(?![\w-])"
)


_SHIPMENT_OF_RE = re.compile(r"(?<![\w-])(?:" + _words_re(vocab.SHIPMENT_OF_WORDS) + r")[^\S\n]+$")


def _other_receiver(span: Span, elsewhere: re.Pattern[str] | None) -> bool:
    """"Provinsi telah menerima 45.000 keping dari Kemendagri": a receipt whose subject is the province or
    the ministry is their shipment, not the writer's. (A source, "dari Provinsi kami terima 1.500", or the
    writer named after it, "Provinsi ... kepada kami", is the writer's own receipt.)"""
    if span.role != "received" or span.keyword_end < 0:
        return False
    holder = _HOLDER_RE.search(span.masked, span.lo, span.keyword_end)
    if holder is None or _SOURCE_BEFORE_RE.search(span.masked, max(span.lo, holder.start() - 12), holder.start()):
        return False
    if _SHIPMENT_OF_RE.search(span.masked, max(span.lo, holder.start() - 14), holder.start()):
        # "KIA kiriman provinsi sudah diterima": the province sent the shipment; the writer received it.
        return False
    return not _FIRST_PERSON_RE.search(span.masked, holder.end(), span.start)


_ONLY_RE = re.compile(r"(?<![\w-])(?:" + vocab.alternation(vocab.ONLY_WORDS) + r")(?![\w-])")


def _compared_receipt(span: Span, elsewhere: re.Pattern[str] | None) -> bool:
    """"Is it true that Bulungan received 1.500 pcs this week? We only received 2.000": the writer's "only"
    receipt weighed against what the mail asks another district received is a question about the allocation,
    no delivery confirmed."""
    if span.role != "received" or elsewhere is None or not _ONLY_RE.search(span.masked, span.lo, span.start):
        return False
    return any(
        not (asked.start() <= span.start < asked.end()) and elsewhere.search(span.masked, asked.start(), asked.end())
        for asked in ASKED_RECEIPT_RE.pattern.finditer(span.masked)
    )


_BETWEEN_OTHERS_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.SOURCE_WORDS) + r")[^\S\n]+(?:\S+[^\S\n]+){0,2}?(?:"
    + vocab.alternation(vocab.OTHER_HOLDER_WORDS) + r")(?![\w-])[^,;\n]{0,60}?(?<![\w-])(?:"
    + vocab.alternation(vocab.DESTINATION_WORDS) + r")[^\S\n]+(?:\S+[^\S\n]+){0,2}?(?:"
    + vocab.alternation(vocab.OTHER_HOLDER_WORDS) + r")(?![\w-])"
)


def _between_others(span: Span, elsewhere: re.Pattern[str] | None) -> bool:
    """"pengiriman 45.000 keping blangko KTP-el dari Kementerian Dalam Negeri ke Provinsi": a shipment from
    one other party to another, named right after the figure, is theirs, not the writer's."""
    found = _BETWEEN_OTHERS_RE.search(span.masked, span.end, span.hi)
    return found is not None and found.start() - span.end <= 40


_WORK_AND_RECEIPT_ROLES = frozenset(("received", "printed", "recorded"))
# A sentence opened by a named month: "Pada bulan Oktober 2026 ...", "In October, ...", "Selama bulan Mei".
_PERIOD_OPENER_RE = re.compile(
    r"[\s>*\-]*(?:" + vocab.alternation(vocab.PERIOD_OPENERS) + r")[^\S\n]+(?:(?:bulan|bln|the month of)[^\S\n]+)?"
    r"(?:(?P<month>" + vocab.alternation(tuple(vocab.MONTHS)) + r")\b\.?(?:[^\S\n]+(?P<year>(?:19|20)\d{2})\b)?"
    r"|(?P<ordinal>" + vocab.alternation(vocab.ORDINAL_DAYS) + r")(?![\w-]))"
)


_PAST_PERIOD_OPENER_RE = re.compile(
    r"[\s>*\-]*(?:(?:" + vocab.alternation(vocab.PERIOD_OPENERS) + r")[^\S\n]+)?(?:"
    + vocab.alternation(vocab.PAST_PERIOD_WORDS) + r")(?![\w-])"
)


_PAST_YEAR_RE = re.compile(
    r"(?<![\w-])(?<!" + r")(?<!".join(sorted({w + " " for w in vocab.LIKE_WORDS if " " not in w}, key=len)) + r")"
    r"(?:" + vocab.alternation(vocab.PAST_YEAR_WORDS) + r")(?![\w-])"
)


_PLAN_NOUN_RE = re.compile(r"(?<![\w-])(?:" + vocab.alternation(vocab.PLAN_NOUNS) + r")(?![\w-])")
_NEXT_YEAR_RE = re.compile(r"(?<![\w-])(?:" + vocab.alternation(vocab.NEXT_YEAR_WORDS) + r")(?![\w-])")
_YEAR_NUMBER_RE = re.compile(r"(?<![\w.,/-])20\d\d(?![\w/-]|[.,]\d)")
# Right before a year: the month or the part of the year it opens with ("Juli 2028", "triwulan II 2028").
_YEAR_PART_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:(?P<month>" + vocab.alternation(tuple(vocab.MONTHS)) + r")|(?:"
    + vocab.alternation(vocab.YEAR_PART_WORDS) + r")[^\S\n]*(?P<part>iv|i{1,3}|[1-4]))\.?[^\S\n]*"
    r"(?:tahun[^\S\n]+|thn[^\S\n]+)?$"
)
_ROMAN_PARTS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# A sentence's end for a plan's sentence: a stop (not of "Kab." or a one-letter abbreviation) or a blank line; a
# single line break goes on (flowed plain text breaks its sentences).
_PLAN_SENTENCE_END_RE = re.compile(r"(?<!\b[a-z])(?<!\bkab)(?<!\bkec)(?<!\bno)[.!?](?=\s)|\n[^\S\n]*\n")


def _months_ahead(sentence: str, year: re.Match[str], sent: datetime) -> tuple[int, bool]:
    """How many months after the mail's month the period named by *year* opens (its month, its quarter's or
    semester's first month, else January), and whether a month or a part of the year named it."""
    part = _YEAR_PART_BEFORE_RE.search(sentence, max(0, year.start() - 30), year.start())
    month = 1
    if part is not None and part.group("month"):
        month = vocab.MONTHS[part.group("month")]
    elif part is not None:
        step = 6 if "semester" in part.group() else 3
        month = 1 + step * (_ROMAN_PARTS[part.group("part")] - 1)
    return (int(year.group()) - sent.year) * 12 + month - sent.month, part is not None


def _later_year_plan(low: str, at: int, sent: datetime | None) -> bool:
    """"Kami sampaikan proyeksi kebutuhan blangko tahun 2028 sebanyak 19.200 keping" sent in October 2027: in the
    sentence of the figure at *at*, a plan's noun naming a coming year (or "tahun depan") that opens months
    after the mail, or a month of it half a year away ("wajib KTP pemula bulan Juli 2028"): a coming year's
    plan, no figure asked now. A need to the end of next January, or for its first quarter, sent in December, is
    today's ask."""
    if sent is None:
        return False
    lo = max((m.end() for m in _PLAN_SENTENCE_END_RE.finditer(low, max(0, at - 300), at)), default=max(0, at - 300))
    end = _PLAN_SENTENCE_END_RE.search(low, at, min(len(low), at + 300))
    sentence = low[lo:end.start() if end is not None else min(len(low), at + 300)]
    nouns = [n.end() for n in _PLAN_NOUN_RE.finditer(sentence)]
    if not nouns:
        return False
    if sent.month <= 12 - vocab.PLAN_MONTHS_AHEAD + 1 and any(
        0 <= y.start() - n <= vocab.PLAN_NOUN_REACH for y in _NEXT_YEAR_RE.finditer(sentence) for n in nouns
    ):
        return True
    for year in _YEAR_NUMBER_RE.finditer(sentence):
        if int(year.group()) <= sent.year:
            continue
        ahead, named = _months_ahead(sentence, year, sent)
        after_noun = any(0 <= year.start() - n <= vocab.PLAN_NOUN_REACH for n in nouns)
        if (after_noun and ahead >= vocab.PLAN_MONTHS_AHEAD) or (named and ahead >= vocab.PLAN_FAR_MONTHS):
            return True
    return False


def names_later_year_plan(low: str, sent: datetime | None) -> bool:
    """Whether a sentence of *low* (normalised text, or an attachment's name) names a coming year's plan:
    "Proyeksi_2028_Nunukan.xlsx", "Jawaban Surat Edaran Proyeksi Kebutuhan Blangko 2028" sent in 2027."""
    spaced = re.sub(r"[_]", " ", low)
    return any(
        _later_year_plan(spaced, m.start(), sent) for m in _PLAN_NOUN_RE.finditer(spaced)
    )


_NEED_NOUN_CUES = frozenset(f"keyword_{side}:{w}" for w in vocab.NEED_NOUNS for side in ("before", "after"))
_NEED_NOUNS = frozenset(vocab.NEED_NOUNS)
_NEED_CUES = frozenset(
    f"keyword_{side}:{w}" for w in vocab.NEED_NOUNS + vocab.NEED_VERBS for side in ("before", "after")
)
_INFORMS_RE = re.compile(r"(?:" + vocab.word_start_alternation(
    vocab.REPORT_PHRASES + vocab.REPORT_KIND_MORE + vocab.FOR_INFORMATION_PHRASES + vocab.INFO_HEAD_WORDS
) + r")(?![\w-])")


def _need_only(masked: str, kws: Sequence[Keyword], candidates: Sequence[Candidate]) -> bool:
    """Whether the requested figures are named only by a noun of need, beside a stock figure, in a text
    headed as a report or as information with no other word of asking: a need stated, nothing asked."""
    asked = [c for c in candidates if c.field == "requested"]
    if not asked or not _INFORMS_RE.search(masked, 0, _HEAD_CHARS):
        return False
    if not any(c.field == "stock_on_hand" and c.value is not None for c in candidates):
        return False
    if not all(not c.strong and _NEED_NOUN_CUES.intersection(c.cues) for c in asked):
        return False
    if any(k.role == "requested" and " ".join(masked[k.start : k.end].split()) not in _NEED_NOUNS for k in kws):
        return False
    return not _SEND_ASK_ANYWHERE_RE.search(masked)


_REPORT_PERIOD_RES = {
    period: re.compile(r"(?:" + vocab.word_start_alternation(words) + r")(?![\w-])")
    for period, words in vocab.REPORT_PERIOD_WORDS.items()
}


def _period_now_words(low: str) -> frozenset[str]:
    """The words for the period a report's head names as its own ("Laporan mingguan ...": "minggu ini"), read
    before masking ("minggu ke-3 Januari" is masked as a date)."""
    return frozenset(
        w for period, found in _REPORT_PERIOD_RES.items() if found.search(low, 0, _HEAD_CHARS)
        for w in vocab.PERIOD_NOW_WORDS[period]
    )
# A report's name right before the period now ("Laporan KIA minggu ini ..."): the period is the report's own.
_REPORT_OF_PERIOD_RE = re.compile(
    r"(?<![\w-])(?:" + _words_re(vocab.REPORT_NOUNS) + r")(?:[ \t]+(?:"
    + _words_re(vocab.KTP_WORDS + vocab.KIA_WORDS + vocab.GENERIC_BLANK_WORDS) + r")){0,2}[ \t]+$"
)
_PERIOD_NOW_ANY = frozenset(w for words in vocab.PERIOD_NOW_WORDS.values() for w in words)


def _period_is_reports_own(masked: str, low: str, period: Keyword) -> bool:
    """Whether a period-now word ("minggu ini") names the report's own period: its head names that period
    ("Laporan mingguan ..."), or the report's name stands right before it ("Laporan KIA minggu ini ...")."""
    words = " ".join(masked[period.start : period.end].split())
    return words in _period_now_words(low) or (
        words in _PERIOD_NOW_ANY and bool(_REPORT_OF_PERIOD_RE.search(masked, max(0, period.start - 40), period.start))
    )


# Between a count's role word and "minggu ini": only the blank's name ("Cetak KIA minggu ini").
_BETWEEN_ROLE_AND_PERIOD_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.KTP_WORDS + vocab.KIA_WORDS + vocab.GENERIC_BLANK_WORDS) + r")(?![\w-])"
)


_OPENING_WORDS = frozenset(vocab.OPENING_STOCK_WORDS)
_NOT_USED_YET_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.NOT_USED_YET_PHRASES) + r")(?![\w-])")


def _opening_is_now(
    masked: str, openings: Sequence[tuple[Mention, str, str]], candidates: Sequence[Candidate], sent: datetime | None
) -> Candidate | None:
    """The opening stock as the stock now ("saldo awal ... per 1 Januari 2027 sebanyak 310 keping. ... belum ada
    pemakaian"), when it is one figure, the mail tells no work, receipt or other stock, and nothing was used
    since: the writer says so, or the period opened at most a few days before the mail was sent."""
    if any(c.field in ("stock_on_hand", "printed", "recorded", "received") for c in candidates):
        return None
    exact = [(m, snip, clause) for m, snip, clause in openings
             if m.value is not None and not (m.approximate or m.conflict) and m.unit in (None, "blank")]
    if len(exact) != 1 or len(openings) != 1:
        return None
    m, snippet, clause = exact[0]
    cue = None
    if _NOT_USED_YET_RE.search(masked):
        cue = "not_used_yet"
    elif sent is not None and (opened := parse_date(clause, sent)) is not None and (
        0 <= (sent.date() - opened).days <= vocab.OPENING_IS_NOW_DAYS
    ):
        cue = "opened_days_ago"
    if cue is None:
        return None
    return Candidate("stock_on_hand", m.value, snippet, True, cues=("opening_stock", cue))


def _before_month_of(opened: re.Match[str], sent: datetime | None) -> bool:
    """Whether the month that opened a sentence is before the month the mail was sent in; a day of an
    activity counted from its start ("Pada hari pertama tercetak 118 keping") is some day's work, not the
    report's, and its figures are left unread."""
    if opened.group("ordinal"):
        return True
    if sent is None:
        return False
    month = vocab.MONTHS[opened.group("month")]
    year = int(opened.group("year")) if opened.group("year") else sent.year
    return (year, month) < (sent.year, sent.month)


def _cumulative(span: Span, elsewhere: re.Pattern[str] | None) -> bool:
    """"Total perekaman s.d. 28 Februari 2023: 9.412 orang": a running total, not the day's count
    (a stock "s.d. hari ini" is the stock now). The bound must stand between the role word and the
    figure: in "s.d. pukul 11.00: rekam 87" it bounds the day's report, not the count."""
    return span.role in ("recorded", "printed", "received") and bool(
        span.keyword_end >= 0
        and _CUMULATIVE_RE.search(
            span.masked, max(span.lo, span.keyword_end, span.start - _CUMULATIVE_WINDOW), span.start
        )
    )


# A sentence opened by a bound and a date (its digits blanked), then words that say the work was done.
_UP_TO_DATE_RE = re.compile(
    r"[^\S\n]*(?:" + _words_re(vocab.UP_TO_DATE_WORDS) + r")(?:[^\S\n]+(?:"
    + _words_re(vocab.DATE_LEAD_WORDS) + r"))?[^\S\n]{3,}(?=[a-z])"
)
_DONE_WORDS_RE = re.compile(r"(?<![\w-])(?:" + _words_re(vocab.AFFIRM_WORDS) + r")(?![\w-])")
_TODAY_RE = re.compile(r"(?<![\w-])(?:" + _words_re(vocab.TODAY_WORDS) + r")(?![\w-])")


def _done_to_date(span: Span, elsewhere: re.Pattern[str] | None) -> bool:
    """"Sampai 27 Mei 2027 kami telah mencetak ulang 1.048 KTP-el": work done up to a date that opens the
    sentence is a running total, not the day's count. ("Sampai pukul 14.00 hari ini sudah tercetak 45" is the
    day's.)"""
    if span.role not in ("printed", "recorded") or span.keyword_end < 0:
        return False
    opened = _sentence_start(span.masked, span.lo)
    bound = _UP_TO_DATE_RE.match(span.masked, opened)
    return (
        bound is not None
        and bound.end() <= span.keyword_end
        and _DONE_WORDS_RE.search(span.masked, bound.end(), span.keyword_end) is not None
        and _TODAY_RE.search(span.masked, bound.end(), span.start) is None
    )


# Cues that make a figure one about something else than the writing district's blanks, in the
# order they are tried; the name of the one that fired travels with the figure left out.
_PAPER_FIGURE_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.PAPER_FIGURE_WORDS) + r")(?![\w-])")
_RECOUNT_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.RECOUNT_WORDS) + r")(?![\w-])")
_RECOUNT_WINDOW = 120


def _by_the_papers(span: Span, elsewhere: re.Pattern[str] | None) -> bool:
    """"Menurut BAST jumlahnya 2.000 keping, namun setelah dihitung ulang yang kami terima 1.950": the figure
    the papers state, with a count of what came after it, is not the figure received."""
    return (
        span.role in (None, "received")
        and bool(_PAPER_FIGURE_RE.search(span.masked, span.lo, span.start))
        and bool(_RECOUNT_RE.search(span.masked, span.end, span.end + _RECOUNT_WINDOW))
    )


_EXPECTED_SHIPMENT_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.EXPECTED_SHIPMENT_WORDS) + r")(?![\w-])"
)
_SHORT_ARRIVAL_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.SHORT_ARRIVAL_WORDS) + r")(?![\w-])")
_SHORT_ARRIVAL_WINDOW = 60


def _expected_not_come(span: Span, elsewhere: re.Pattern[str] | None) -> bool:
    """"kiriman sudah sampai, seharusnya 6 dus @500 (3.000 keping) tapi yang sampai cuma 5 dus": the figure that
    should have come, with what came instead after it in its sentence, is not the figure received. Its words run
    from the clause's comma, so that a figure restated in brackets ("(3.000 keping)") is read with them."""
    if span.role not in (None, "received"):
        return False
    masked = span.masked
    lo = max(masked.rfind(",", 0, span.start), masked.rfind("\n", 0, span.start), masked.rfind(". ", 0, span.start))
    if not _EXPECTED_SHIPMENT_RE.search(masked, lo + 1, span.start):
        return False
    stop = masked.find("\n", span.end)
    hi = min(span.end + _SHORT_ARRIVAL_WINDOW, stop if stop != -1 else len(masked))
    return bool(_SHORT_ARRIVAL_RE.search(masked, span.end, hi))


_FIRST_THOUGHT_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.FIRST_THOUGHT_WORDS) + r")(?![\w-])")
# The end of a sentence, past the stops of one-letter abbreviations ("14 s.d. 18 Desember", "a.n. Kepala").
_SENTENCE_OVER_RE = re.compile(r"(?<!\b[a-z])[.!?](?=\s)|\n")
_DIGIT_RE = re.compile(r"\d")


def _first_thought(span: Span, elsewhere: re.Pattern[str] | None) -> bool:
    """"Tadinya kami mau minta 1.500 keping saja, tapi karena ... kami mohon tambahan ... 2.500 keping": a figure
    its own words call a first thought, set against a later figure of its sentence by a word of contrast, is
    taken back; alone in its sentence ("tadinya kami minta 1.500 keping") it is still read."""
    masked = span.masked
    if not _FIRST_THOUGHT_RE.search(masked, span.lo, span.start):
        return False
    stop = _SENTENCE_OVER_RE.search(masked, span.end)
    hi = stop.start() if stop is not None else len(masked)
    contrast = _CONTRAST_RE.search(masked, span.end, hi)
    return contrast is not None and bool(_DIGIT_RE.search(masked, contrast.end(), hi))


# The roles a loan said between a role's word and its figure takes the figure from: the loan's blanks are neither
# asked for nor the writer's stock ("kondisi stok di Malinau, Tarakan bersedia meminjamkan 500 keping").
_LOAN_MISREAD_ROLES = frozenset(("requested", "stock_on_hand"))
_LOAN_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.LOAN_WORDS) + r")(?![\w-])")
_LOAN_TIME_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.EVENT_TIME_WORDS) + r")[^\S\n]+(?:[a-z]+[^\S\n]+){0,2}$"
)


def _lent_between(masked: str, keyword: Keyword, m: Mention) -> bool:
    """Whether a loan is said between a role's word and its figure, the loan's own figure: "Bila diperlukan,
    Tarakan bisa meminjamkan 500 keping", "kondisi stok di Malinau, Tarakan bersedia meminjamkan 500 keping".
    A loan said as the time of the figure ("Sisa stok kami setelah pinjaman 850 keping") leaves the role."""
    if keyword.end > m.start:
        return False
    loan = _LOAN_RE.search(masked, keyword.end, m.start)
    return loan is not None and _LOAN_TIME_RE.search(masked, keyword.end, loan.start()) is None


_PART_OF_GAP_RE = re.compile(
    r"[^\S\n]*(?:(?:" + vocab.alternation(vocab.BLANK_UNITS + vocab.ENGLISH_BLANK_NOUNS) + r")\b[^\S\n]*)?,?[^\S\n]*(?:"
    + vocab.alternation(vocab.PART_OF_WORDS) + r")[^\S\n]*"
)


def _whole_of_received(masked: str, before: Mention, m: Mention, last: tuple[int, Candidate] | None) -> bool:
    """Whether a figure is the whole a received figure right before it is part of: "diterima 1.000 keping dari
    3.500 keping yang kami mohon", "we got 800 out of the 2,000 requested"."""
    return (
        last is not None and last[1].field == "received" and last[1].value == before.value
        and _PART_OF_GAP_RE.fullmatch(masked, before.end, m.start) is not None
    )


_ASKED_ASIDE_GAP_RE = re.compile(
    r"[^\S\n]*(?:(?:" + vocab.alternation(vocab.BLANK_UNITS + vocab.ENGLISH_BLANK_NOUNS) + r")\b[^\S\n]*)?\([^\S\n]*(?:"
    + vocab.alternation(vocab.ASKED_ASIDE_WORDS) + r")(?:\s+(?:" + vocab.alternation(vocab.ASKED_ASIDE_FILLERS)
    + r"))*\s*:?\s*"
)


def _asked_aside_received(masked: str, before: Mention, m: Mention, last: tuple[int, Candidate] | None) -> bool:
    """Whether a figure is the ask named in parentheses right after a received figure: "sudah kami terima 400
    lembar (permintaan kami 402, tidak apa-apa)", "received 1,950 pcs (we requested 2,000)"."""
    return (
        last is not None and last[1].field == "received" and last[1].value == before.value
        and _ASKED_ASIDE_GAP_RE.fullmatch(masked, before.end, m.start) is not None
    )


_THEIR_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.THEIR_WORDS) + r")(?![\w-])")


def _lent_party_stock(span: Span, elsewhere: re.Pattern[str] | None) -> bool:
    """"tgl 18/11 kami pinjamkan 200 keping ke Disdukcapil KTT (stok mereka 0)": in a sentence about a loan,
    the stock of "them" is the other office's."""
    if span.role != "stock_on_hand" or not _THEIR_RE.search(span.masked, span.lo, span.start):
        return False
    sentence_lo = max(span.masked.rfind("\n", 0, span.start), span.masked.rfind(". ", 0, span.start)) + 1
    return bool(_LOAN_RE.search(span.masked, sentence_lo, span.start))


_SENTENCE_STOP_RE = re.compile(r"[.!?;](?=\s)|\n")


def _borrowed(span: Span) -> bool:
    """Whether a receipt's own words say the blanks came on loan: "We received 500 from Bulungan as a loan last
    week", "kami terima pinjaman 300 keping dari KTT" (see _loan_beside_ask)."""
    stop = _SENTENCE_STOP_RE.search(span.masked, span.end, span.hi)
    return bool(_LOAN_RE.search(span.masked, span.lo, span.start)) or bool(
        _LOAN_RE.search(span.masked, span.end, stop.start() if stop else span.hi)
    )


_RECAP_SECTION_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.RECAP_SECTION_WORDS) + r")(?![\w-])")


def _recapped_receipt(span: Span, elsewhere: re.Pattern[str] | None) -> bool:
    """"B. Kumulatif 1-31 Agustus 2033 / ... / 3. Blangko diterima dari Provinsi : 2.000", "kami sampaikan
    rekapitulasi kegiatan bulan Agustus yaitu ... penerimaan blangko 2.900 keping pada tanggal 16 Agustus": a
    shipment counted in a recap of a period (the first line of its block, or its sentence before it, names
    the recap) was booked when it came; it is no receipt confirmed now."""
    if span.role not in ("received", "recorded", "printed"):
        return False
    block = span.masked.rfind("\n\n", 0, span.start) + 2 if "\n\n" in span.masked[: span.start] else 0
    if span.role == "received" and _in_period_position(span.masked, span.start):
        return True
    head_end = span.masked.find("\n", block, span.start)
    if (
        head_end != -1
        and _RECAP_SECTION_RE.search(span.masked, block, head_end)
        and not _FIGURE_RE.search(span.masked, block, head_end)
    ):
        # "A. Hari ini ... Perekaman : 118 / B. Kumulatif 1-31 Agustus ... Perekaman : 2.397": below the day's
        # figures (past the first block, which may be the subject), a recap section's counts of work are the
        # period's; a recap alone is the figures it gives.
        first = span.masked.find("\n\n")
        return span.role == "received" or bool(_FIGURE_RE.search(span.masked, first, block))
    stops = list(_SENTENCE_STOP_RE.finditer(span.masked, max(0, span.start - _RECAP_SENTENCE), span.start))
    opened = stops[-1].end() if stops else max(0, span.start - _RECAP_SENTENCE)
    if not _RECAP_SECTION_RE.search(span.masked, opened, span.start):
        return False
    # "Laporan KIA hari ini: terbit 38 keping ... / Rekap KIA bulan Agustus: total terbit 1.020 keping": a
    # sentence recapping the month after the day's figures gives the month's counts of work.
    first = span.masked.find("\n\n")
    return span.role == "received" or bool(
        stops
        and _RECAP_PERIOD_RE.search(span.masked, opened, span.start)
        and _FIGURE_RE.search(span.masked, max(first, 0), opened)
    )


_PERIOD_OPENING_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.PERIOD_OPENING_PHRASES) + r")(?![\w-])"
)
def _in_period_position(masked: str, pos: int) -> bool:
    """Whether the block of lines holding pos opens a stock position over a month or a year before it ("stok
    awal bulan 2.010, diterima 2.000, terpakai 1.580, sisa 2.430", "Stok awal tahun (1 Januari): 3.420 /
    Penerimaan: nihil"): a shipment counted there is the period's movement, not a receipt confirmed now."""
    block = masked.rfind("\n\n", 0, pos) + 2 if "\n\n" in masked[:pos] else 0
    return bool(_PERIOD_OPENING_RE.search(masked, block, pos))


_RECAP_PERIOD_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.RECAP_PERIOD_WORDS) + r")(?![\w-])")
_RECAP_SENTENCE = 400  # how far back the sentence naming a recap is looked for


_PER_PLACE_LEAD_RE = re.compile(
    r"(?<![\w-])(?:" + _words_re(vocab.PER_PLACE_WORDS) + r")[^\S\n]+(?:" + _words_re(vocab.PLACE_HEADERS)
    + r")(?![\w-])[^:\n]*:"
)


def _one_place_of_list(span: Span, elsewhere: re.Pattern[str] | None) -> bool:
    """"stok blangko KTP-el kami per lokasi: Kantor 410, MPP sekitar 60": a stock said per place, its figure
    one place's, when the list could not be read as a whole (see _inline_place_list)."""
    return (
        span.role == "stock_on_hand" and 0 <= span.keyword_end <= span.start
        and bool(_PER_PLACE_LEAD_RE.search(span.masked, span.keyword_end, span.start))
    )


_ANNUAL_NEED_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.ANNUAL_NEED_PHRASES) + r")(?![\w-])")


def _annual_need(span: Span, elsewhere: re.Pattern[str] | None) -> bool:
    """"Sebagai informasi, Rencana Kebutuhan Tahunan 2031 Kabupaten Malinau adalah 19.500 keping": a year's need,
    a plan, is no figure asked."""
    return span.role == "requested" and bool(_ANNUAL_NEED_RE.search(span.masked, span.lo, span.start))


# Before a figure received: the whole shipment ("Dengan ini seluruh kiriman 3.000 keping sudah kami terima").
_WHOLE_SHIPMENT_RE = re.compile(
    r"(?<![\w-])(?:" + _words_re(vocab.WHOLE_SHIPMENT_WORDS) + r")(?:nya)?[^\S\n]*:?[^\S\n]*$"
)
_BLANKS_COUNTED_RE = re.compile(r"\d[^\S\n]*(?:" + _words_re(vocab.BLANK_UNITS) + r")(?![\w-])")


def _whole_of_parts(span: Span, elsewhere: re.Pattern[str] | None) -> bool:
    """"Blangko 1.500 keping sudah kami terima lengkap ... Dengan ini seluruh kiriman 3.000 keping sudah kami
    terima": after the part that came with this mail, the whole shipment it completes is no count received now."""
    return (
        span.role == "received" and bool(_WHOLE_SHIPMENT_RE.search(span.masked, span.lo, span.start))
        and bool(_BLANKS_COUNTED_RE.search(span.masked, 0, span.lo))
    )


# After a shipment's figure: a word of arrival, then "sebagian" and the part's own figure ("... baru diterima
# sebagian, 1.500 keping").
_ARRIVED_IN_PART_RE = re.compile(
    r"[^.!?\n]*?(?<![\w-])(?:" + _words_re(vocab.WHOLE_ARRIVED_VERBS) + r")[^\S\n]+(?:"
    + _words_re(vocab.PART_ARRIVED_WORDS) + r")[^\S\n]*[,:]?[^\S\n]*(?:(?:yaitu|yakni|baru|sebanyak|only)[^\S\n]+)?\d"
)


def _whole_arrived_in_part(span: Span, elsewhere: re.Pattern[str] | None) -> bool:
    """"Kiriman 3.000 keping dari provinsi baru diterima sebagian, 1.500 keping": the shipment of which a part came,
    its part's figure said next, is no count received."""
    return span.role == "received" and bool(_ARRIVED_IN_PART_RE.match(span.masked, span.end, span.hi + 40))


# A reason word opening the clause of a figure received (see RECEIPT_AS_REASON_WORDS), no sentence end between.
_REASON_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:" + _words_re(vocab.RECEIPT_AS_REASON_WORDS) + r")(?![\w-])[^.!?\n]*$"
)


def _receipt_as_reason(span: Span, elsewhere: re.Pattern[str] | None) -> bool:
    """"Karena sudah terima 2.900 keping tgl 11/2, sekarang cukup 1.500 keping": an earlier receipt given as
    the reason for an ask, not a receipt this mail reports."""
    return span.role == "received" and bool(_REASON_BEFORE_RE.search(span.masked, span.lo, span.start))


# An age group's range right before a figure: "usia 0-5 tahun 17", "5-17 thn : 51" (the masked text blanks a
# range out, leaving its word "usia" or a run of spaces before the unit).
_AGE_GROUP_BEFORE_RE = re.compile(
    r"(?:(?<![\w.-])\d{1,2}[^\S\n]*(?:-|s/d|sd|sampai|to)[^\S\n]*\d{1,2}|(?<![\w-])(?:usia|umur|aged|age)"
    r"|[^\S\n]{3})[^\S\n]*(?:"
    + _words_re(vocab.AGE_GROUP_UNITS) + r")(?![\w-])[^\S\n]*:?[^\S\n]*$"
)


def _one_age_group(span: Span, elsewhere: re.Pattern[str] | None) -> bool:
    """"Pencetakan KIA: usia 0-5 tahun 17 keping, usia 5-17 tahun 26 keping": one age group's part of the day's
    count; the count is the total the writer gives, if any."""
    return span.role in ("printed", "recorded") and bool(
        _AGE_GROUP_BEFORE_RE.search(span.masked, max(0, span.start - 30), span.start)
    )


# Right before a figure: the template's example word ("(contoh: 150)", "contoh: 1.250").
_EXAMPLE_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:" + _words_re(vocab.EXAMPLE_VALUE_WORDS) + r")[^\S\n]*[:=]?[^\S\n]*$"
)


def _example_value(span: Span, elsewhere: re.Pattern[str] | None) -> bool:
    """"Jumlah perekaman hari ini : (contoh: 150)": a form's field left with the template's example value; the
    figure is the example, not the district's."""
    return bool(_EXAMPLE_BEFORE_RE.search(span.masked, max(span.lo, span.start - 20), span.start))


# Right before a figure in its sentence: the damaged cards named as what it counts, a correction of their count
# between or not ("ternyata yg basah bukan 40 tapi 75 keping", "yang rusak sebanyak 12 keping").
_DAMAGED_SUBJECT_RE = re.compile(
    r"(?<![\w-])(?:yg|yang|which are|that are)[^\S\n]+(?:" + _words_re(vocab.DAMAGE_WORDS) + r")(?![\w-])[^\S\n]*"
    r"(?:(?:ternyata|sebenarnya|justru|totalnya)[^\S\n]+)?(?:(?:bukan|tidak|tdk|not)[^\S\n]+\d[\d.,]*[^\S\n]*"
    r"(?:(?:" + _words_re(vocab.BLANK_UNITS) + r")(?![\w-])[^\S\n]*)?"
    r",?[^\S\n]*(?:tapi|tetapi|tp|melainkan|namun|but)[^\S\n]+"
    r"|(?:ada|sebanyak|sejumlah|berjumlah|ternyata)?[^\S\n]*:?[^\S\n]*)$"
)


def _damaged_count(span: Span, elsewhere: re.Pattern[str] | None) -> bool:
    """"menyambung tanda terima kemarin: ternyata yg basah bukan 40 tapi 75 keping": a figure whose sentence names
    the damaged cards as what it counts is their count, not a receipt, a stock or the day's printing."""
    if span.role not in ("received", "stock_on_hand", "printed"):
        return False
    return bool(_DAMAGED_SUBJECT_RE.search(span.masked, _sentence_start(span.masked, span.start), span.start))


ELSEWHERE_CUES = (
    ("example_value", _example_value),
    ("money", _money),
    ("team_supply", _team_supply),
    ("receipt_as_reason", _receipt_as_reason),
    ("one_age_group", _one_age_group),
    ("whole_of_parts", _whole_of_parts),
    ("whole_arrived_in_part", _whole_arrived_in_part),
    ("annual_need", _annual_need),
    ("other_district", _other_district),
    ("part_of_previous", _part_of_previous),
    ("cumulative", _cumulative),
    ("done_to_date", _done_to_date),
    ("other_holder", _other_holder),
    ("part_of_stock", _part_of_stock),
    ("hearsay", _hearsay),
    ("other_receiver", _other_receiver),
    ("compared_receipt", _compared_receipt),
    ("between_others", _between_others),
    ("running_total", _running_total),
    ("by_the_papers", _by_the_papers),
    ("expected_not_come", _expected_not_come),
    ("first_thought", _first_thought),
    ("lent_party_stock", _lent_party_stock),
    ("recapped_receipt", _recapped_receipt),
    ("one_place_of_list", _one_place_of_list),
    ("damaged_count", _damaged_count),
)


def about_something_else(span: Span, elsewhere: re.Pattern[str] | None) -> str | None:
    """The name of the first cue that makes the figure at *span* one about something else, if any."""
    for name, cue in ELSEWHERE_CUES:  # a plain loop: asked for every figure, it costs less than a generator
        if cue(span, elsewhere):
            return name
    return None


_NEG_WINDOW = 40
_FEWEST_ASKED = 10  # a bare figure asked below this is no count of blanks (see read_text)
_FEWEST_IN_WORDS = 100  # a figure in words with no role and no unit is a count from this on, when one is asked
_NEAR = 18  # a bare number ("2000", "77212") counts only this close after its role word
_SNIPPET = 110


@quick
@dataclass(frozen=True)
class Keyword:
    start: int
    end: int
    role: str
    weak: bool
    receipt_verb: bool
    total: bool = False  # "Total perekaman": a sum that outranks the parts listed beside it
    affirmed: bool = False  # a receipt verb said as done: "sudah kami terima", "telah sampai"
    denied: bool = False  # a role word denied ("belum sampai", "tidak butuh"): its role is "ignore"
    word_role: str = ""  # the role the word itself names, also when denied


@quick
@dataclass(frozen=True)
class Candidate:
    """A number given a role, before conflicts between candidates are settled."""

    field: str
    value: int | None
    text: str
    strong: bool
    doubt: Literal["conflict", "unclear"] | None = None
    total: bool = False
    item: str | None = None  # the blank named with the figure ("blangko KIA tinggal 150"), if any
    row_date: date | None = None  # the date opening the figure's line ("- Jumat 13/3 : sisa 3.007")
    headed: bool = False  # the item comes from a heading over the figure's section of lines ("KIA")
    earlier: bool = False  # a requested figure said of an earlier request ("surat permohonan ... kemarin")
    table: bool = False  # read from a report table
    corrects: bool = False  # said in a correction ("Ralat: yang benar 2.000"): replaces earlier figures of its field
    about: bool = False  # "± 1.200": the figure stated as a round one; an exact figure of its field wins
    cues: tuple[str, ...] = ()  # the named cues that gave the figure its role
    month: tuple[int, int] | None = None  # (year, month) its line names ("Stok akhir November: 1.510")
    estimate: int | None = None  # of an unclear figure, the round one an estimate word gave ("kira-kira 2.500")


@quick
@dataclass(frozen=True)
class Reading:
    """The settled numbers of one message."""

    values: dict[str, int]
    evidence: tuple[Evidence, ...]
    doubts: tuple[Doubt, ...]
    unassigned: tuple[str, ...]  # snippets of numbers that look like counts but have no role
    row_date: date | None = None  # the date of the dated line the figures were taken from, if any


_UNTIL_WORDS = frozenset(vocab.UNTIL_WORDS)
# What a date leaves after "sampai": its blanked digits (three spaces or more), or a month's name.
_UNTIL_AFTER_RE = re.compile(
    r"[ \t]*\n?[ \t]{3,}\S|\s*(?:" + vocab.alternation(tuple(vocab.MONTHS)) + r")\b"
    # ... or a moment and a lasting state: "sampai tadi sore belum terpakai" ("until this afternoon").
    r"|[^\S\n]+(?:" + vocab.alternation(vocab.UNTIL_MOMENT_WORDS) + r")(?:[^\S\n]+[a-z]+){0,2}?[^\S\n]+(?:"
    + vocab.alternation(vocab.STILL_STATE_WORDS) + r")(?![\w-])"
)


_EVENT_TIME_BEFORE_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.EVENT_TIME_WORDS) + r")[^\S\n]+$")
_EVENT_ROLES = frozenset(("received", "printed", "recorded"))
_BEFORE_EVENT_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.BEFORE_EVENT_WORDS) + r")[^\S\n]+$")


_SCREEN_SAYS = frozenset(vocab.SCREEN_SAYS_WORDS)
_SCREEN_RE = re.compile(r"(?<![\w-])(?:" + _words_re(vocab.SCREEN_WORDS) + r")(?![\w-])")
_COUNT_NAME_NEXT_RE = re.compile(
    r"[^\S\n]*[:\"']?[^\S\n]*(?:" + vocab.alternation([w for w, r in _ROLE_OF.items() if r != "ignore"]) + r")(?![\w-])"
)
_SCREEN_WINDOW = 60


def _screen_set_against(masked: str, prev_end: int, start: int) -> bool:
    """"sisa blangko 2.810 kpg (di aplikasi 2.180, nanti sy cek ulang fisiknya mana yg benar)": a second figure
    the system shows, set against the first while the writer still checks which is right."""
    return bool(_SCREEN_RE.search(masked, prev_end, start)) and bool(_UNSETTLED_RE.search(masked))


def _reads_a_screen(masked: str, start: int, end: int) -> bool:
    """Whether a word of what is written ("tertulis") reads a screen out: a screen named before it in its
    sentence, a count's name right after it ("Di layar SIAK menu monitoring blangko tertulis sisa 655")."""
    sentence_lo = max(masked.rfind("\n", 0, start), masked.rfind(". ", 0, start), start - _SCREEN_WINDOW) + 1
    return bool(_SCREEN_RE.search(masked, sentence_lo, start)) and bool(_COUNT_NAME_NEXT_RE.match(masked, end))


_DAY_OR_LEFT = frozenset(vocab.DAY_OR_LEFT_WORDS)
_ASK_BEFORE_FIGURE = frozenset(vocab.ASK_BEFORE_FIGURE_WORDS)
_FIGURE_NEXT_RE = re.compile(r"[^\S\n]*:?[^\S\n]*\d")
# A figure no day of a month can be: 32 to 999, one with a thousands' dot, or a multiple ("2 ratus", "1,5 rb").
_NO_DAY_NEXT_RE = re.compile(
    r"[^\S\n]*:?[^\S\n]*(?:\d{1,3}\.\d{3}(?!\d)|(?:3[2-9]|[4-9]\d|[1-9]\d{2})(?!\d|[.,/-]\d)"
    r"|\d{1,3}(?:,\d)?[^\S\n]*(?:" + _words_re(tuple(vocab.DIGIT_MULTIPLIERS)) + r")(?![\w-]))"
)


def keywords(masked: str) -> list[Keyword]:
    """Role words in the text, in order; phrases that only look like role words are dropped."""
    out: list[Keyword] = []
    for m in _KEYWORD_RE.finditer(masked):
        word = " ".join(m.group().split())  # a phrase may be wrapped over lines
        if word in _NOT_ROLE:
            continue
        if word in _ASK_BEFORE_FIGURE and not _FIGURE_NEXT_RE.match(masked, m.end()):
            # "tolong dicek": a courtesy; only "tolong 1rb keping" asks.
            continue
        if word in _DAY_OR_LEFT and not _NO_DAY_NEXT_RE.match(masked, m.end()):
            # "lap tgl 11 rekam 17": a date's word, unless the figure after it can be no day ("tgl 280").
            continue
        if word in _UNTIL_WORDS and _UNTIL_AFTER_RE.match(masked, m.end()):
            # "kebutuhan sampai 31 Desember 2.500 keping": "sampai" before a date (blanked) or a month is
            # "until", not "arrived".
            continue
        role = _ROLE_OF[word]
        if word in _SCREEN_SAYS and _reads_a_screen(masked, m.start(), m.end()):
            # "Di layar SIAK tertulis sisa 842": the screen read out, no slip; "sisa" gives the figure its role.
            continue
        if role in _EVENT_ROLES and _EVENT_TIME_BEFORE_RE.search(masked, max(0, m.start() - 16), m.start()):
            # "Stok KIA setelah penerimaan : 2.220": the event names when the stock was counted.
            continue
        if role in _EVENT_ROLES and _BEFORE_EVENT_RE.search(masked, max(0, m.start() - 16), m.start()):
            # "stok sebelum penerimaan 400": the stock before the event, not the stock now.
            out.append(Keyword(m.start(), m.end(), "ignore", False, False, False, word_role=role))
            continue
        total = bool(_TOTAL_BEFORE_RE.search(masked, max(0, m.start() - 12), m.start()))
        window_lo = max(0, m.start() - _NEG_WINDOW)
        if role in _PLANNED_ROLES and _PLANNED_BEFORE_RE.search(masked, window_lo, m.start()):
            # "Besok akan kami cetak 400 keping": work planned, not done.
            out.append(Keyword(m.start(), m.end(), "ignore", False, False, total, word_role=role))
            continue
        if role == "received" and _CORRECTED_PAPER_RE.search(masked, window_lo, m.end()):
            # "koreksi tanda terima Sdr. Hendrikus: pak yang 40 keping ternyata terselip": the paper corrected
            # is named; the figure after it is not what was received.
            out.append(Keyword(m.start(), m.end(), "ignore", False, False, total, word_role=role))
            continue
        if role in _WORK_ROLES and _CAN_STILL_BEFORE_RE.search(masked, window_lo, m.start()):
            # "masih bisa dicetak 42": cards still fit to print, not cards printed.
            out.append(Keyword(m.start(), m.end(), "ignore", False, False, total, word_role=role))
            continue
        if role == "requested" and word in _SENDING_WORDS and _WE_SENT_BEFORE_RE.search(masked, window_lo, m.start()):
            # "angka 50 yg kami kirim td sdh berkurang": the figure the writer sent before, no ask.
            out.append(Keyword(m.start(), m.end(), "ignore", False, False, total, word_role=role))
            continue
        neg = _NEGATED_BEFORE_RE.search(masked, window_lo, m.start()) if role != "ignore" else None
        prev = out[-1] if out else None
        if neg is None and prev is not None and prev.denied and not masked[prev.end : m.start()].strip():
            # "tidak butuh tambahan": the denial runs on over the role words that follow it.
            out.append(Keyword(m.start(), m.end(), "ignore", False, False, total, denied=True, word_role=role))
            continue
        if neg is not None:
            phrase = " ".join(masked[neg.start() : m.end()].split())
            if phrase in _BOUND_PHRASES and _NUMBER_NEXT_RE.match(masked, m.end()):
                # "sisa stok tidak sampai 500 keping": a bound on the figure, not a denial.
                continue
            out.append(Keyword(m.start(), m.end(), "ignore", False, False, total, denied=True, word_role=role))
            continue
        if role == "stock_on_hand" and word in _PHYSICAL_WORDS and _counted_against_papers(masked, m.start()):
            role = "received"
        receipt = word in _RECEIPT_VERBS
        affirmed = receipt and bool(
            _AFFIRMED_PHRASE_RE.match(word) or _AFFIRMED_BEFORE_RE.search(masked, window_lo, m.start())
        )
        out.append(Keyword(m.start(), m.end(), role, word in _WEAK, receipt, total, affirmed, word_role=role))
    if _COUNTED_ARRIVAL_RE.search(masked):
        out = _counted_arrivals(masked, out)
    return out


_COUNTED_ARRIVAL_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.COUNTED_ARRIVAL_WORDS) + r")(?![\w-])")
_COUNTED_GAP_RE = re.compile(r"[\s,:]*(?:" + vocab.alternation(vocab.COUNTED_GAP_WORDS) + r")(?![\w-])")


def _counted_arrivals(masked: str, found: list[Keyword]) -> list[Keyword]:
    """The count of what arrived, said against the delivery papers' figure in its sentence ("di surat jalan
    tertulis 2.000 keping, tapi setelah kami hitung hanya 1.950 keping"): a word of receipt where no role word
    stands."""
    added = [
        Keyword(m.start(), m.end(), "received", False, True, affirmed=True, word_role="received")
        for m in _COUNTED_ARRIVAL_RE.finditer(masked)
        if _counted_against_papers(masked, m.start())
        and not _COUNTED_GAP_RE.match(masked, m.end())
        and not any(k.start < m.end() and m.start() < k.end for k in found)
    ]
    return sorted([*found, *added], key=lambda k: k.start) if added else found


_PHYSICAL_WORDS = frozenset(vocab.PHYSICAL_COUNT_WORDS)
_PAPERS_WINDOW = 80


def _counted_against_papers(masked: str, pos: int) -> bool:
    """"di surat jalan 2.000, fisik yg kami hitung 1.950 keping": a physical count said in the sentence of the
    delivery papers' figure is the count of what arrived (received), not the stock in the store."""
    sentence_lo = max(masked.rfind("\n", 0, pos), masked.rfind(". ", 0, pos), pos - _PAPERS_WINDOW) + 1
    return bool(_PAPER_FIGURE_RE.search(masked, sentence_lo, pos))


# Between a count of people and the recording word after it: "158 residents recorded", "97 warga terekam".
_PEOPLE_GAP_RE = re.compile(r"[ \t]*(?:" + vocab.alternation(vocab.PEOPLE_UNITS) + r")(?![\w-])[ \t]*")


def _people_recorded(masked: str, end: int, k: Keyword) -> bool:
    """Whether the role word k counts the people named right after a figure as recorded ("158 residents
    recorded, 149 e-KTP printed"): the work word said after its count, the count in people."""
    return (
        k.role == "recorded" and " ".join(masked[k.start : k.end].split()) in _POSTFIX_ROLE_WORDS
        and _PEOPLE_GAP_RE.fullmatch(masked, end, k.start) is not None
    )


def _postfix_gap(masked: str, end: int, start: int) -> bool:
    """Whether only a blank's name or unit stands between a figure and the role word after it ("650 blanks
    left"), the line wrapped in between or not ("We have 650 blanks" / "left in the store")."""
    if _POSTFIX_GAP_RE.fullmatch(masked, end, start) is not None:
        return True
    wrap = masked.find("\n", end, start)
    if wrap == -1 or masked.find("\n", wrap + 1, start) != -1 or not _soft_wrap(masked, wrap):
        return False
    return _POSTFIX_GAP_RE.fullmatch(masked[end:wrap] + " " + masked[wrap + 1 : start]) is not None


def _soft_wrap(masked: str, pos: int) -> bool:
    """Whether the line break at pos only wraps a long line of prose (the sentence goes on)."""
    line_start = masked.rfind("\n", 0, pos) + 1
    line = masked[line_start:pos].rstrip()
    if len(line) < _SOFT_WRAP_MIN or line[-1] in ".!?:;" or "|" in line:
        return False
    nxt_end = masked.find("\n", pos + 1)
    nxt = masked[pos + 1 : nxt_end if nxt_end != -1 else len(masked)]
    if not nxt.strip() or "|" in nxt or _BULLET_RE.match(nxt) or _LINE_LABEL_RE.match(nxt) or _CHAT_LINE_RE.match(nxt):
        return False
    if (
        len(line) + 1 + len(nxt.split()[0]) <= _WRAP_WIDTH_FLOOR and "  " not in line.strip()
        and line.rsplit(None, 1)[-1] not in _LINE_GOES_ON
    ):
        # "Kak KIA 1.000 udh sampai ya barusan makasih bnyk" / "tp yg diminta ...": the next line's first
        # word would have fitted on this one, so no client wrapped it there; the writer broke the line. (Not
        # said of a typed table's row, spaced into columns, nor of a line ending on a word that needs the next:
        # "kebutuhan sampai" / "31 Desember".)
        return False
    if _FORM_LINE_RE.match(masked, line_start) and _FORM_LINE_RE.match(nxt):
        # "Pencetakan: 0 (printer kartu rusak, teknisi ... datang tanggal 18)" / "Sisa blangko KTP-el: 288
        # keping": a labelled line after a labelled line is the next line of a form, however long the first.
        return False
    return True


def _abbreviation_before(masked: str, pos: int) -> bool:
    """Whether the full stop at pos closes an abbreviation ("Kab. Nunukan"), not a clause."""
    start = pos
    while start > 0 and (
        masked[start - 1].isalpha() or (masked[start - 1] == "." and start > 1 and masked[start - 2].isalpha())
    ):
        start -= 1
    if start == pos or (start > 0 and (masked[start - 1].isalnum() or masked[start - 1] == ".")):
        return False
    return masked[start:pos] in _ABBREVIATIONS


def _sections(masked: str) -> list[tuple[int, int, str]]:
    """(start, end, item) of the blocks of lines under a heading that names one blank; a block
    ends at an empty line or at the next heading."""
    out: list[tuple[int, int, str]] = []
    for h in _HEADING_RE.finditer(masked):
        item = "kia" if h.group("item") in _KIA_NAMES else "ktp-el"
        end = masked.find("\n\n", h.end())
        # An empty line right under the heading does not end its block.
        while end != -1 and not masked[h.end() : end].strip():
            end = masked.find("\n\n", end + 1)
        out.append((h.end(), end if end != -1 else len(masked), item))
    for i in range(len(out) - 1):
        start, end, item = out[i]
        nxt = out[i + 1][0]
        if nxt < end:
            out[i] = (start, masked.rfind("\n", 0, nxt), item)
    return out


_CONDITION_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.CONDITION_WORDS) + r")(?![\w-])")
_SENTENCE_MARK_RE = re.compile(r"[.!?](?=\s|$)|\n")


def _conditional_question(masked: str, c_start: int, m: Mention) -> bool:
    """Whether the figure m is said under a condition opened before it in its clause, in a sentence that ends
    with a question mark: "kalau stok kami di bawah 1.000 keping apakah provinsi otomatis mengirim, atau ...?"."""
    if not _CONDITION_RE.search(masked, c_start, m.start):
        return False
    end = _SENTENCE_MARK_RE.search(masked, m.end)
    return end is not None and end.group() == "?"


# A role word ending its line ("jun: perekaman 47 pencetakan" / "44 sisa blanko 1.103"): a phone's odd wrap.
_ROLE_WORD_LINE_END_RE = re.compile(
    r"(?<![\w-])(?:"
    + _words_re(tuple(w for role, words in vocab.ROLE_PHRASES.items() if role != "ignore" for w in words))
    + r")[^\S\n]*:?[^\S\n]*\Z"
)
_FIGURE_LINE_START_RE = re.compile(r"[^\S\n]*\d")
_DIGIT_IN_LINE_RE = re.compile(r"\d")


def _figure_wrapped_from_role_word(masked: str, pos: int) -> bool:
    """Whether the line break at pos parts a role word ending its line from the figure opening the next ("rekam
    71 cetak" / "70 sisa blangko 3.019"): the figure is the word's, the line only wrapped. Only after a figure on
    the same line, as a phone runs on a report's words and figures; a role word alone on its line ("Sisa blangko" /
    "420 keping") is a label, which needs its figure on its own line."""
    line = masked[masked.rfind("\n", 0, pos) + 1 : pos]
    end = _ROLE_WORD_LINE_END_RE.search(line)
    return (
        end is not None and _DIGIT_IN_LINE_RE.search(line, 0, end.start()) is not None
        and _FIGURE_LINE_START_RE.match(masked, pos + 1) is not None
    )


def _clauses(masked: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _CLAUSE_END_RE.finditer(masked):
        if m.group() == "\n" and (_soft_wrap(masked, m.start()) or _figure_wrapped_from_role_word(masked, m.start())):
            continue
        if m.group() == "." and _abbreviation_before(masked, m.start()):
            continue
        if m.group() == "." and m.start() > 0 and masked[m.start() - 1] == ".":
            continue  # "Closing stock ....... 2,423": dotted leaders lead to the figure, they end nothing
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(masked)))
    return spans


def _snippet(original: str, start: int, end: int, lo: int, hi: int) -> str:
    """The words around a number, within its clause, as written; never cut inside a word."""
    left = max(lo, start - _SNIPPET // 2)
    right = min(hi, end + _SNIPPET // 2)
    if left > lo and not original[left - 1].isspace() and not original[left].isspace():
        # Cut fell inside a word: start at the next word instead (never past the number).
        gap = next((i for i in range(left, start) if original[i].isspace()), start)
        left = gap
    if right < hi and not original[right].isspace() and not original[right - 1].isspace():
        gap = next((i for i in range(right - 1, end - 1, -1) if original[i].isspace()), end)
        right = gap
    text = " ".join(original[left:right].split())
    return text.strip(" ,:|-")


_WORK_ROLES = frozenset(("recorded", "printed"))
_PERIOD_IGNORE = frozenset(vocab.PERIOD_IGNORE_WORDS)
_ONWARD_RE = re.compile(vocab.alternation(vocab.ONWARD_WORDS))


def _slash_alias(masked: str, before: Sequence[Keyword]) -> Keyword | None:
    """The work word of two role words joined by a slash before one figure, one naming a work count and the
    other a request ("perekaman/permohonan 37", "permohonan/rekam: 40"): citizens' applications are the
    desk's work of the day, not blanks asked of the province. None for any other pair."""
    if len(before) < 2 or masked[before[-2].end : before[-1].start].strip() != "/":
        return None
    pair = before[-2], before[-1]
    if {k.role for k in pair} & _WORK_ROLES and "requested" in {k.role for k in pair}:
        return next(k for k in pair if k.role in _WORK_ROLES)
    return None


def _role_for(
    m: Mention, before: list[Keyword], after: list[Keyword], clause_has_receipt: bool, masked: str = ""
) -> tuple[str | None, bool, Keyword | None]:
    """(role, strong, keyword) for a mention from the role words before it, else after it."""
    chosen: Keyword | None = before[-1] if before else None
    pool = before
    if (
        chosen is not None
        and len(before) > 1
        and before[-2].role == "ignore"
        and not masked[before[-2].end : chosen.start].strip()
        # "... sy salah ketik" / "perekaman 120 cetak 96 udh bener": a slip ending a line names no count that
        # opens the next.
        and not ("\n" in masked[before[-2].end : chosen.start]
                 and " ".join(masked[before[-2].start : before[-2].end].split()) in _SLIP_WORDS)
        and not (chosen.role == "stock_on_hand"
                 and " ".join(masked[before[-2].start : before[-2].end].split()) in _AS_OF_TODAY | _PERIOD_IGNORE)
        and not (chosen.role == "requested"
                 and " ".join(masked[before[-2].start : before[-2].end].split()) in _PERIOD_IGNORE)
        # "blangko diterima 4.000, terpakai dicetak 3.416, rusak 38": "used", then "printed", is the count printed.
        and not (chosen.role == "printed"
                 and " ".join(masked[before[-2].start : before[-2].end].split()) in _USE_WORDS)
    ):
        # "target perekaman 300 jiwa", "rata-rata pencetakan 90": the word before the role word
        # makes the figure something other than the count itself. (A stock said of the period now, "minggu
        # ini tinggal 860 keping", is the stock now.)
        return "ignore", True, before[-2]
    if (
        chosen is not None and len(before) > 1 and chosen.role == "ignore"
        and before[-2].role in ("printed", "recorded")
        and " ".join(masked[chosen.start : chosen.end].split()) in _USE_WORDS
        and re.fullmatch(r"\s*\(\s*", masked[before[-2].end : chosen.start])
    ):
        # "Pencetakan (terpakai) | 88": "used" glossing the count's name is no other count.
        return before[-2].role, True, before[-2]
    if chosen is not None and (alias := _slash_alias(masked, before)) is not None:
        # "perekaman/permohonan 37": two names of one count joined by a slash; the work count is the one meant.
        return alias.role, True, alias
    if chosen is not None and chosen.role == "ignore" and _RIGHT_FIGURE_RE.search(masked, chosen.end, m.start):
        # "salah ketik, yg benar 1.340": the slip is named, then the right figure; the slip's word is not its
        before = before[:-1]
        chosen, pool = (before[-1] if before else None), before
    if after and masked and _NEGATES_NEXT_RE.fullmatch(masked, after[0].start, after[0].end) and (
        _NUMBER_NEXT_RE.match(masked, after[0].end)
    ):
        # "yg benar 450 bukan 540", "2.000 not 20.000": the denial is of the figure after it; the figure
        # before it is the one meant, with whatever role its clause gives it.
        after = after[1:]
    if chosen is None and after:
        chosen = after[0]
        pool = after
    if chosen is None:
        return None, False, None
    role = chosen.role
    if role == "requested" and chosen.weak and clause_has_receipt and _ONWARD_RE.fullmatch(
        masked, chosen.start, chosen.end
    ):
        # "telah kami terima ... dan langsung didistribusikan 300 keping ke UPT": passed on, not received.
        return "ignore", True, chosen
    if role == "requested" and chosen.weak and clause_has_receipt and not any(
        k.role == "requested" and not k.weak for k in pool
    ):
        # "... telah kami terima, maka kami mengajukan kembali kekurangan blangko 1.550": a shortfall asked
        # for again with a word of asking is a request, whatever was received before it.
        return "received", True, chosen
    if role == "stock_on_hand" and pool is before and _rest_that_came(masked, chosen, m, after):
        # "sisa 500 kmrn udh nyampe td pagi": the rest of a shipment said to have come is received.
        return "received", True, after[0]
    if (
        role == "ignore" and pool is before and _rest_that_came(masked, chosen, m, after)
        and not _TOTAL_RECEIVED_AFTER_RE.match(masked, m.end)
    ):
        # "sisa kiriman blangko KTP-el sebanyak 1.500 keping telah tiba kemarin": the rest of a shipment, set
        # aside while still on its way, is received once its own clause says it came.
        return "received", True, after[0]
    if role == "requested":
        done = next((k for k in after if k.affirmed), None)
        if done is not None and not _PURPOSE_RE.search(masked, m.end, done.start):
            # "permohonan kami sebanyak 2.000 keping sudah kami terima", "300 keping (yang saya mohon tgl 14/4)
            # sudah saya terima": what was asked has come.
            return "received", True, done
    strong = any(k.role == role and not k.weak for k in pool)
    if role != "requested":
        strong = True
    return role, strong, chosen


_REST_OF_SHIPMENT = frozenset(vocab.REST_OF_SHIPMENT_WORDS)
# A total said after the rest of a shipment, in its sentence ("Sisa kiriman 1.000 keping telah tiba, total 2.000
# keping sudah kami terima"): the total received is the figure, not the rest on its own.
_TOTAL_RECEIVED_AFTER_RE = re.compile(
    r"[^.!?\n]*?(?<![\w-])(?:" + vocab.alternation(vocab.TOTAL_OPENERS) + r")(?![\w-])[^\S\n]*:?[^\S\n]*\d"
)
_SLIP_WORDS = frozenset(vocab.SLIP_WORDS)
_CLAUSE_BREAK_RE = re.compile(r"[,;.!?\n]")


def _rest_that_came(masked: str, chosen: Keyword, m: Mention, after: Sequence[Keyword]) -> bool:
    """Whether a figure named by a word for the rest of a shipment ("sisa 500") is said, in its own clause, to
    have arrived (a word of receipt its next role word: "sisa 500 kmrn udh nyampe td pagi")."""
    if not masked or not after or after[0].role != "received":
        return False
    if " ".join(masked[chosen.start : chosen.end].split()) not in _REST_OF_SHIPMENT:
        return False
    # "Sisa blangko 1.450 keping setelah kiriman kemarin kami terima": the stock after a receipt stays the stock.
    return not _CLAUSE_BREAK_RE.search(masked, m.end, after[0].start) and not _EVENT_TIME_RE.search(
        masked, m.end, after[0].start
    )


_EVENT_TIME_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.EVENT_TIME_WORDS) + r")(?![\w-])")


_RIGHT_FIGURE_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.RIGHT_FIGURE_WORDS) + r")(?![\w-])")
_ASKED_RES = {
    role: re.compile(r"(?:" + vocab.word_start_alternation(phrases) + r")(?![\w-])")
    for role, phrases in vocab.ASKED_ROLE_PHRASES.items()
}
_ASK_CUE_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.ASK_CUES) + r")(?![\w-])")
_ASK_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s")
_ASK_LATER_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.ASK_LATER_LEADS) + r")(?:\W+[\w/-]+){0,3}?\W+(?:"
    + vocab.alternation(vocab.ARRIVAL_WORDS) + r")(?![\w-])"
)
_QUOTE_MARKS_RE = re.compile(r"^[ \t>]+", re.MULTILINE)


def asked_role(quoted_low: str) -> str | None:
    """The one role an earlier, quoted message asked a figure for ("Berapa keping blangko KTP-el
    yang Bapak/Ibu mohon?" asks for the requested figure); None when it asked none or several."""
    if not quoted_low:
        return None
    asked: set[str] = set()
    plain = _QUOTE_MARKS_RE.sub("", quoted_low)
    # Each line (a bullet of the desk's clarification) and each sentence, wrapped lines joined.
    units = plain.split("\n") + _ASK_SENTENCE_END_RE.split(" ".join(plain.split()))
    previous = ""
    for sentence in units:
        if not ("?" in sentence or _ASK_CUE_RE.search(sentence)) or _ASK_LATER_RE.search(sentence):
            # no question; or an ask for a later mail ("mohon konfirmasi ... setelah blangko diterima"), which a
            # reply now does not answer: the desk's standing words never give the writer's figure its role
            previous = sentence
            continue
        for role, pattern in _ASKED_RES.items():
            if pattern.search(sentence):
                asked.add(role)
                break
        else:
            if _RIGHT_FIGURE_RE.search(sentence) and previous:
                # "... mencantumkan sisa stok 1.778 keping, sedangkan surat ... menyebut 1.877 keping. Mohon
                # konfirmasi angka yang benar.": the right figure of the one role the sentence before names.
                roles = {k.role for k in keywords(mask_non_quantities(previous)) if k.role != "ignore"}
                if len(roles) == 1:
                    asked.add(roles.pop())
        previous = sentence
    return asked.pop() if len(asked) == 1 else None


_ESTIMATE_ASKED_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.ESTIMATE_ASKED_WORDS) + r")(?![\w-])")
_STILL_SO_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.STILL_SO_PHRASES) + r")(?![\w-])")


def question_role(question_low: str) -> str | None:
    """The one role a single question of the desk (normalised) asks a figure for: by its phrases of asking
    (asked_role), else by the one role its words name ("Berapa sisa per 16 April?", "What is the stock
    today?"), else the amount asked when it asks whether a figure still stands ("Apakah 2.500 keping masih
    sesuai?"); None when it names no role or several."""
    role = asked_role(question_low if "?" in question_low else question_low + "?")
    if role is not None:
        return role
    if _ESTIMATE_ASKED_RE.search(question_low):
        return None
    roles = {k.role for k in keywords(mask_non_quantities(question_low)) if k.role != "ignore"}
    if len(roles) == 1:
        return roles.pop()
    return "requested" if not roles and _STILL_SO_RE.search(question_low) else None


_SLASH_FIGURE_RE = re.compile(r"[ \t]*/[ \t]*(\d{1,3}(?:\.\d{3})+|\d+)(?![\d.,]*\d)")
_PAIR_JOIN_RE = re.compile(r"\s*(?:" + _words_re(vocab.PAIR_JOIN_WORDS) + r")\s*")
_JOINED_FIGURE_RE = re.compile(
    r"[ \t]+(?:" + _words_re(vocab.PAIR_JOIN_WORDS) + r")[ \t]+(\d{1,3}(?:\.\d{3})+|\d+)(?![\d.,]*\d)"
)
_AS_OF_TODAY = frozenset(vocab.AS_OF_TODAY_WORDS)
_PAIR_ROLES = frozenset({"recorded", "printed", "stock_on_hand", "requested", "received"})


def _slash_pair(
    masked: str, kws: Sequence[Keyword], keyword: Keyword, m: Mention
) -> list[tuple[str, int | None]] | None:
    """The figures of "a/b" said under two role words joined by a slash ("rekam/cetak: 156/139"), each with
    its word's role, in order: [(role, figure), (role, figure)]; None when the figure is no such pair.
    One figure under two words of different roles ("Perekaman/pencetakan hari ini 140") is either's, or each
    one's: both asked back, [(role, None), (role, None)] (of a work count and a request, see _slash_alias)."""
    second = _SLASH_FIGURE_RE.match(masked, m.end)
    if m.value is None:
        return None
    words = [k for k in kws if k.end <= m.start]
    i = next((j for j, k in enumerate(words) if k is keyword), None)
    if i is None:
        return None
    if i > 0 and masked[words[i - 1].end : keyword.start].strip() == "/":
        first, other = words[i - 1], keyword
    elif i + 1 < len(words) and masked[keyword.end : words[i + 1].start].strip() == "/":
        first, other = keyword, words[i + 1]
    elif i > 0 and _PAIR_JOIN_RE.fullmatch(masked, words[i - 1].end, keyword.start):
        # "rekam sm cetak ga berubah 104 sm 92": joined by a word, the two figures must be joined by one too;
        # one figure after the two words is left to the words' own reading ("350 blanks in stock and need 1,000":
        # the words are of two figures).
        joined = _JOINED_FIGURE_RE.match(masked, m.end)
        if joined is None:
            return None
        first, other, second = words[i - 1], keyword, joined
    else:
        return None
    roles = (first.word_role or first.role, other.word_role or other.role)
    if not set(roles) <= _PAIR_ROLES:
        return None
    if second is None:
        alias = set(roles) & _WORK_ROLES and "requested" in roles
        if roles[0] == roles[1] or alias:
            return None
        return [(roles[0], None), (roles[1], None)]
    value = int(second.group(1).replace(".", ""))
    if roles[0] == roles[1]:
        return [(roles[0], None)]
    return [(roles[0], m.value), (roles[1], value)]


def _name_opens_next(masked: str, prev_end: int, owned: re.Match[str], m: Mention) -> bool:
    """Whether the blank named right after a figure opens the next figure's phrase instead: the figure
    before had its own blank named before it, another one, and a role word follows the name ("sisa blangko
    ktp elektronik seribu dua ratus lima puluh tiga keping kia sisa dua ratus", said into a phone)."""
    line_start = masked.rfind("\n", 0, prev_end) + 1
    before, ambiguous = explicit_item(masked[max(line_start, prev_end - 80) : prev_end])
    named, _ = explicit_item(owned.group())
    rest = masked[owned.end() : m.start]
    found = keywords(rest)
    # (... or the figure follows the name at once: "stok blangko ktp el 1,5 rb kia 140", a list of the blanks'
    # figures, one role said once for both.)
    opens = (bool(found) and not rest[: found[0].start].strip()) or not rest.strip()
    if before is None and not ambiguous and named is not None and opens and found:
        # "rekam 30 ctk 33 kia ctk 12": the figure before names no blank, and the name is followed by the
        # same count word as that figure's; the count is said again for the named blank.
        said = keywords(masked[max(line_start, prev_end - 40) : prev_end])
        return bool(said) and said[-1].role == found[0].role
    if before is None or ambiguous or named is None or named == before:
        return False
    return opens


# A bracket opened right after a figure and its unit: "800 keping (", "1.500 (".
_FIGURE_BEFORE_ASIDE_RE = re.compile(r"\d[^\S\n]*(?:[a-z]+[^\S\n]*)?\($")


def _after_figure(masked: str, opened: int) -> bool:
    return _FIGURE_BEFORE_ASIDE_RE.search(masked, max(0, opened - 24), opened + 1) is not None


def _aside_of_previous(masked: str, lo: int, prev_end: int, pos: int) -> tuple[int, int] | None:
    """(open, close) of the bracket holding the previous figure when it closes before the figure at *pos*:
    "KIA sebanyak 800 keping (sisa 130) dan blangko KTP-el sebanyak 1.500" - the aside's words are its own."""
    close = masked.find(")", prev_end, pos)
    if close == -1:
        return None
    opened = masked.rfind("(", lo, prev_end)
    if opened == -1 or masked.find(")", opened, prev_end) != -1 or not _after_figure(masked, opened):
        return None
    return opened, close


def _without_aside_words(masked: str, before: Sequence[Keyword], pos: int) -> list[Keyword]:
    """The role words before the figure at *pos* less those in a bracket that closes before it, when a role
    word stands before the bracket: "kebutuhan April (termasuk program perekaman keliling) sebanyak 5.000",
    "our need (including the mobile recording program) is 5,000" - the aside names an activity, the figure
    is the need's."""
    kept: list[Keyword] = []
    for k in before:
        opened = masked.rfind("(", 0, k.start)
        close = masked.find(")", k.end, pos)
        if (
            opened != -1 and close != -1 and masked.find(")", opened, k.start) == -1
            and any(o.end <= opened and o.role != "ignore" for o in before)
        ):
            continue
        kept.append(k)
    return kept


def _in_closed_aside(masked: str, k: Keyword, pos: int) -> bool:
    """Whether role word *k* stands in a bracket that closes before the figure at *pos*."""
    opened = masked.rfind("(", 0, k.start)
    return opened != -1 and masked.find(")", opened, k.start) == -1 and masked.find(")", k.end, pos) != -1


def _in_aside_after(masked: str, prev_end: int, m: Mention, next_start: int) -> bool:
    """Whether the figure *m* stands in a bracket opened after the previous figure and closed before the next:
    "800 keping (sisa 130)" - an aside on the figure before it, said of the same blank."""
    opened = masked.rfind("(", prev_end, m.start)
    return (
        opened != -1
        and _after_figure(masked, opened)
        and masked.find(")", opened, m.start) == -1
        and masked.find(")", m.end, next_start) != -1
    )


# A blank's name right before a figure or a word of zero, at the end of the text looked at (the next figure
# starts there, or the words of zero end it).
# "rekam 30 ctk 33 kia ctk 12": the name may come with the next figure's count word (of the day's work).
_NAME_OPENS_NEXT_RE = re.compile(
    r"(?<![\w-])(?:" + _words_re(vocab.KTP_WORDS + vocab.KIA_WORDS) + r")[ \t]*:?[ \t]*(?:(?:"
    + _words_re(vocab.ROLE_PHRASES["printed"] + vocab.ROLE_PHRASES["recorded"]) + r")[ \t]*:?[ \t]*)?(?P<zero>(?:"
    + _words_re(vocab.STOCK_ONLY_ZERO_WORDS) + r")(?![\w-])[ \t]*)?$"
)


def _item_of_mention(
    masked: str,
    prev_end: int,
    m: Mention,
    next_start: int,
    sections: Sequence[tuple[int, int, str]] = (),
    after_figure: bool = False,
) -> str | None:
    """The blank a figure is said of: the one named between the previous figure and it
    ("..., sedangkan blangko KIA tinggal 150"), else between it and the next figure of its clause
    ("150 lembar blangko KIA"), else the one heading its section of lines ("KIA" / "Tercetak : 30");
    None when none or both are named."""
    lo = prev_end
    if (
        after_figure and (owned := _OWNED_NAME_RE.match(masked, prev_end))
        and not _name_opens_next(masked, prev_end, owned, m)
    ):
        # "3.000 keping KTP-el tadi siang ... blangko KIA 500 pcs", "tiga ribu keping KTP-el dan
        # seribu lembar KIA": the name right after the previous figure is that figure's.
        lo = owned.end()
    item, ambiguous = explicit_item(masked[lo : m.start])
    if ambiguous and (comma := masked.rfind(",", lo, m.start)) != -1:
        # "stok blangko KTP-el NIHIL, stok KIA 415 keping": both named before the figure, the one named
        # in its own phrase, after the last comma, is its blank.
        own, own_ambiguous = explicit_item(masked[comma + 1 : m.start])
        if own is not None and not own_ambiguous:
            return own
    if item is not None or ambiguous:
        return item
    after_end = next_start
    if (label := _ITEM_LABEL_RE.search(masked, m.end, next_start)) is not None:
        # "sisa 912 | KIA: cetak 0": a blank labelling what follows it, past a bar, is not the figure's.
        after_end = label.start()
    if (brk := masked.find("\n", m.end, after_end)) != -1:
        # "sisa akhir 2.409" / "KIA aman.": a blank named on the next line opens what is said there.
        after_end = brk
    if (bar := masked.find("|", m.end, after_end)) != -1:
        # "sisa 2.758 | KIA cetak 44 sisa 905": a blank named past a bar opens the next part of the line.
        after_end = bar
    if after_figure and _in_aside_after(masked, prev_end, m, after_end):
        # "KIA sebanyak 800 keping (sisa 130) dan blangko KTP-el ...": a blank named past the aside's closing
        # bracket is the next figure's.
        after_end = masked.find(")", m.end, after_end)
    if (along := _ALONG_WITH_RE.search(masked, m.end, after_end)) is not None:
        # "kekurangannya 1.500 keping, dikirim bersamaan dengan blangko KIA yang sudah disetujui": a blank
        # sent along with the figure is another consignment, not the figure's.
        after_end = along.start()
    if (opens := _NAME_OPENS_NEXT_RE.search(masked, m.end, after_end)) is not None and (
        opens.start() > m.end and masked[opens.start() - 1] in " \t,;"
        and (opens.group("zero") or masked[after_end : after_end + 1].isdigit())
    ):
        # "cetak 104, KIA 48, sisa ...", "sisa 1.190 KIA kosong": a blank named right before the next figure or
        # its word of zero opens what follows; it is not the figure's.
        after_end = opens.start()
    item, ambiguous = explicit_item(masked[m.end : after_end])
    if item is not None or ambiguous:
        return item
    line_start = masked.rfind("\n", 0, m.start) + 1
    if (bar := masked.rfind("|", line_start, m.start)) != -1 or masked.find("|", m.end, masked.find("\n", m.end)) != -1:
        # "Ringkas: KTP-el rekam 131 cetak 112 sisa 2.758 | KIA cetak 44 sisa 905": a line in parts split by
        # bars; the blank named in a figure's part, before it, is its blank.
        part_item, part_ambiguous = explicit_item(masked[max(line_start, bar + 1) : m.start])
        if part_item is not None and not part_ambiguous:
            return part_item
    labels = list(_ITEM_LABEL_RE.finditer(masked, line_start, m.start))
    if labels and labels[-1].start() > line_start:
        # "KTP: ... sisa 912 | KIA: cetak 0, sisa 0": the last blank labelled before the figure on its line.
        return "kia" if labels[-1].group("item") in _KIA_NAMES else "ktp-el"
    if (label := _LINE_NAME_RE.match(masked, line_start)) is not None and label.end() <= m.start:
        # "KIA    : cetak 41, sisa blangko 560 lembar": the blank labelling the line is its figures'.
        later, later_ambiguous = explicit_item(masked[label.end() : m.start])
        if later is not None and not later_ambiguous:
            # "KIA kami masih aman (1.900 kpg). Yang perlu ditambah blangko KTP-el, sisa 880 keping. Mohon 1.500
            # keping.": a paragraph on one line; the blank named last before the figure is its blank.
            return later
        return "kia" if label.group("item") in _KIA_NAMES else "ktp-el"
    return next((s_item for start, end, s_item in sections if start <= m.start < end), None)


# A sentence opened by a total word and then its figure: "Total 1.700 keping.", "Jadi jumlahnya: 1.700".
_TOTAL_OPENS_RE = re.compile(
    r"[\s>*\-]*(?:(?:jadi|so|sehingga)[^\S\n]+)?(?:" + _words_re(vocab.TOTAL_OPENERS) + r")[^\S\n]*"
    r"(?:(?:" + _words_re(vocab.TOTAL_PERIOD_WORDS) + r"|(?:(?:tahun|thn|th|year)[^\S\n]+)?(?:19|20)\d\d)"
    r"(?![\w-])[^\S\n]*)?(?:(?:ada|sebanyak|adalah|is|of)[^\S\n]*)?:?[^\S\n]*"
)
_SEND_ASK_ANYWHERE_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.SEND_ASK_PHRASES) + r")(?![\w-])")
# After a figure (and its unit): "lagi" and a softener, an ask for that many more ("500 lg ya", "1.000 lagi dong").
_MORE_PLEASE_RE = re.compile(
    r"[ \t]*(?:(?:" + vocab.alternation(vocab.BLANK_UNITS) + r")\b[ \t]*)?(?:"
    + vocab.alternation(vocab.MORE_WORDS) + r")[ \t]+(?:" + vocab.alternation(vocab.SOFTENER_WORDS) + r")(?![\w-])"
)
_ALONG_WITH_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.ALONG_WITH_WORDS) + r")(?![\w-])")


def _in_section(sections: Sequence[tuple[int, int, str]], pos: int) -> bool:
    return any(start <= pos < end for start, end, _ in sections)


_UNIT_GAP_RE = re.compile(r"[ \t]*(?:(?:" + _words_re(vocab.BLANK_UNITS + vocab.ENGLISH_BLANK_NOUNS) + r")\b[ \t]*)?")
# ... and before a word of defect, also a relative word: "6 keping yg tercetak miring".
_DEFECT_GAP_RE = re.compile(
    r"[ \t]*(?:(?:" + _words_re(vocab.BLANK_UNITS + vocab.ENGLISH_BLANK_NOUNS) + r")\b[ \t]*)?(?:(?:"
    + _words_re(vocab.DEFECT_LINK_WORDS) + r")[ \t]+)?"
)
_DEFECT_AFTER = frozenset(vocab.DEFECT_AFTER)
_RECORDS_AFTER_RE = re.compile(r"[^\S\n]*(?:" + _words_re(vocab.RECORD_UNIT_WORDS) + r")(?![\w-])")


# A word before a receipt's figure that makes its damaged cards some of those received: "ada 2 lembar rusak".
_RECEIPT_PART_LEAD_RE = re.compile(r"(?<![\w-])(?:" + _words_re(vocab.RECEIPT_PART_LEADS) + r")[ \t]+$")
_DAMAGE_AFTER = frozenset(vocab.DAMAGE_WORDS)


def _counts_a_defect(
    word: str, role: str, masked: str, figure_end: int, word_start: int, figure_start: int | None = None
) -> bool:
    """Whether the word right after a figure (and its unit) says the figure counts spoilt cards, not its role:
    "selisih stok termasuk 0 keping rusak", "12 lembar gagal cetak", beside a stock also "dikurangi 3 keping yang
    rusak"; and, also beside a receipt, a defect said with a relative word, "6 keping yg tercetak miring" (a
    receipt's damaged cards are no receipt of their own).
    (Beside a receipt a bare "rusak" may count cards part of those received or on top of them: a clerk asks;
    unless "there are" or "but" leads the figure, "sudah kami terima ada 2 lembar rusak": some of those received.)"""
    if (
        role == "received" and figure_start is not None and word in _DAMAGE_AFTER
        and _UNIT_GAP_RE.fullmatch(masked, figure_end, word_start)
        and _RECEIPT_PART_LEAD_RE.search(masked, max(0, figure_start - 20), figure_start)
    ):
        return True
    if role != "received" and word in _COUNTS_OTHER_AFTER and _UNIT_GAP_RE.fullmatch(masked, figure_end, word_start):
        return True
    if role == "stock_on_hand" and word in _COUNTS_OTHER_AFTER and _DEFECT_GAP_RE.fullmatch(
        masked, figure_end, word_start
    ):
        # "sisa ..., setelah dikurangi 2 keping yang rusak, adalah 1.306": cards taken off the stock. (An ask for
        # "pengganti 20 keping yang rusak" asks for those cards.)
        return True
    return word in _DEFECT_AFTER and bool(_DEFECT_GAP_RE.fullmatch(masked, figure_end, word_start))


_EARLIER_REPORT_RE = re.compile(r"(?<![\w-])(?:" + _words_re(vocab.EARLIER_REPORT_WORDS) + r")(?![\w-])")


def _corrects_another_report(
    masked: str, taken: Sequence[tuple[int, Candidate]], role: str, clause_start: int, pos: int,
) -> bool:
    """Whether a correction's figure (at pos) is of another day's report: its sentence names that report
    ("koreksi utk laporan tgl 13/06: pencetakan yg benar 46") and the mail stated the same field before that
    sentence, for its own report."""
    sentence_lo = max(masked.rfind("\n", 0, pos), masked.rfind(". ", 0, pos)) + 1
    if not _EARLIER_REPORT_RE.search(masked, sentence_lo, pos):
        return False
    return any(c.field == role and c.value is not None and start < min(sentence_lo, clause_start) for start, c in taken)


# A place's name holds no run of spaces: a figure masked out ("di loket 45 dan ...") ends it.
_PLACE = (
    r"(?:(?:" + _words_re(vocab.PLACE_PREPOSITIONS) + r")[^\S\n]{1,2}[a-z](?:[a-z.()/-]|[ \t](?![ \t])){1,40}?|(?:"
    + _words_re(vocab.PLACE_NOUNS) + r")(?![\w-])(?:[^\S\n]{1,2}[a-z](?:[a-z.()/-]|[ \t](?![ \t])){0,30}?)?)"
)
_PLACE_STOCK = r"(?:" + _words_re(vocab.PLACE_STOCK_WORDS) + r")"
# The words right before a place's figure: "di kantor tersisa", "di tim Pujungan", "di mobil keliling (Mentarang):".
_PLACE_LEAD_RE = re.compile(
    r"(?<![\w-])" + _PLACE + r"(?:[^\S\n]+(?P<stock>" + _PLACE_STOCK + r"))?[^\S\n]*:?[^\S\n]*$"
)
# ... or a stock word first and the place after it: "sisa blangko di kantor: 962".
_STOCK_PLACE_LEAD_RE = re.compile(
    r"(?<![\w-])" + _PLACE_STOCK + r"(?:[^\S\n]+(?:" + _words_re(vocab.GENERIC_BLANK_WORDS + vocab.KTP_WORDS)
    + r"))?[^\S\n]*:?[^\S\n]+" + _PLACE + r"[^\S\n]*:?[^\S\n]*$"
)
# From one place's figure to the next place's words: its unit, then "dan", a comma or a list's next line.
_PLACE_JOIN_RE = re.compile(
    r"(?:[^\S\n]*(?:" + _words_re(vocab.BLANK_UNITS) + r")\b)?[^\S\n]*(?:[,;][^\S\n]*)?(?:(?:"
    + _words_re(vocab.PLACE_JOIN_WORDS) + r")[^\S\n]+|\n[ \t>*\u2022-]*)?"
)


# Right after one place's figure and its join: the next place, named by its noun ("loket", "mobil keliling").
_NEXT_PLACE_RE = re.compile(r"[\s,;]*(?:" + _words_re(vocab.PLACE_NOUNS) + r")(?![\w-])")
_PLACES_TOTAL_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.PLACES_TOTAL_WORDS) + r")(?![\w-])")


def _stock_of_places(
    original: str, masked: str, mentions: Sequence[Mention], kws: Sequence[Keyword], candidates: list[Candidate]
) -> list[Candidate]:
    """A stock given place by place and no total: "di kantor tersisa 1.312 keping dan di tim Pujungan 300
    keping", "- sisa blangko di kantor: 962" / "- di mobil keliling (Mentarang): 140". The district's stock is
    every blank it holds, so the places' figures add up; a place whose figure is only estimated leaves the
    stock unclear. A written total ("seluruhnya 900 keping") is read as the stock instead."""
    stock_values = {c.value for c in candidates if c.field == "stock_on_hand"}
    for i, first in enumerate(mentions):
        if first.value is None or first.approximate:
            continue
        lo = max(masked.rfind("\n", 0, first.start) + 1, first.start - 60)
        if first.value not in stock_values and None not in stock_values and not (
            # "Sisa blangko: di kotak tim 98, di kantor 1.020": the team's box, no stock alone, is the first place.
            _CARRIED_BY_TEAM_RE.search(masked, lo, first.start)
        ):
            continue
        lead = _PLACE_LEAD_RE.search(masked, lo, first.start)
        if not (lead is not None and lead.group("stock") or _STOCK_PLACE_LEAD_RE.search(masked, lo, first.start)
                or _STOCK_BEFORE_PLACES_RE.search(masked, lo, first.start)
                or _places_under_stock_heading(masked, first.start)):
            continue
        parts = [first]
        for nxt in mentions[i + 1 :]:
            join = _PLACE_JOIN_RE.match(masked, parts[-1].end)
            lead = _PLACE_LEAD_RE.search(masked, join.end() if join else parts[-1].end, nxt.start)
            if join is None or lead is None or lead.start() != join.end() or any(
                parts[-1].end <= k.start < nxt.start and k.role != "stock_on_hand" for k in kws
            ):
                break
            parts.append(nxt)
        if len(parts) < 2:
            join = _PLACE_JOIN_RE.match(masked, first.end)
            if join is not None and join.end() > first.end and _NEXT_PLACE_RE.match(masked, join.end()):
                # "sisa: gudang 180, loket 45, mobil keliling 25": the next place's figure could not be read
                # ("loket 45" may be a counter's number), so the first is one place's of several: unclear.
                rest = [c for c in candidates if c.field != "stock_on_hand"]
                line_end = masked.find("\n", first.end)
                text = " ".join(original[lo : line_end if line_end != -1 else len(masked)].split())
                return [*rest, Candidate("stock_on_hand", None, text, True, "unclear", cues=("places",))]
            continue
        values = {p.value for p in parts}
        stock = [c for c in candidates if c.field == "stock_on_hand"]
        others = {c.value for c in stock if c.value not in values and c.doubt is None}
        written = _PLACES_TOTAL_RE.search(masked, parts[-1].end, parts[-1].end + 120)
        total_at = _written_total_of(masked, mentions, written.end(), parts) if written is not None else None
        if not others and total_at is not None:
            # "Gudang Dinas 1.540 keping, UPT Sebatik 402 keping, jumlah 1.942 keping": the total written right
            # after the places, when they add up to it, is the stock.
            rest = [c for c in candidates if c.field != "stock_on_hand"]
            line_end = masked.find("\n", total_at.end)
            text = " ".join(original[max(0, first.start - 40) : line_end if line_end != -1 else len(masked)].split())
            return [*rest, Candidate("stock_on_hand", total_at.value, text, True, total=True,
                                     cues=("places_total", f"parts:{len(parts)}"))]
        if not others and written is not None and _written_total_of(masked, mentions, written.end(), ()) is not None:
            # "..., UPT Krayan 305 keping, jumlah 1.600 keping": a total the places do not add up to; which
            # is right, a clerk asks.
            rest = [c for c in candidates if c.field != "stock_on_hand"]
            text = " ".join(original[first.start : written.end() + 24].split())
            return [*rest, Candidate("stock_on_hand", None, text, True, "conflict", cues=("places",))]
        if others or written:
            # A stock figure that is none of the places': a written total ("jadi seluruh stok kami 1.020
            # keping") is the stock when the places add up to it; else the figures stay as they are.
            if len(others) == 1 and sum(p.value or 0 for p in parts) in others:
                return [c for c in candidates if c.field != "stock_on_hand" or c.value in others]
            return candidates
        line_lo = masked.rfind("\n", 0, parts[0].start) + 1
        text_lo = max(line_lo, parts[0].start - 40)
        if text_lo > line_lo:
            text_lo = original.find(" ", text_lo, parts[0].start) + 1  # from a word's start
        text = " ".join(original[text_lo : parts[-1].end].split())
        rest = [c for c in candidates if c.field != "stock_on_hand"]
        if any(p.approximate or p.value is None for p in parts):
            return [*rest, Candidate("stock_on_hand", None, text, True, "unclear", cues=("places",))]
        total = sum(p.value for p in parts if p.value is not None)
        return [*rest, Candidate("stock_on_hand", total, f"{text} (sum of {len(parts)} places)", True,
                                 cues=("places_summed",))]
    return candidates


_COUNT_PART_GAP = 60  # the most characters between one place's count and the next place's, or the total


def _count_of_places(original: str, masked: str, mentions: Sequence[Mention], kws: Sequence[Keyword],
                     candidates: list[Candidate]) -> list[Candidate]:
    """A day's work said place by place and then its total: "Perekaman Peso 58, Peso Hilir 44, total 102",
    "kami rekam 47 orang kat Long Bawan, semalam 39 orang kat Long Layu. Jumlah 2 hari 86 orang". The role word
    gave the first place's figure; the total the places add up to is the count. (A total they do not add up to
    leaves the first figure as it was read: which is meant, the next rules or a clerk decide.)"""
    out = list(candidates)
    for n, c in enumerate(out):
        if c.field not in _COUNT_FIELDS or c.value is None or c.doubt is not None or c.total or c.table:
            continue
        first = next((i for kw in kws if kw.role == c.field for i, m in enumerate(mentions)
                      if m.start >= kw.end and m.value == c.value
                      and "\n" not in masked[kw.end : m.start] and m.start - kw.end <= _COUNT_PART_GAP), None)
        if first is None:
            continue
        parts = [mentions[first]]
        for k, nxt in enumerate(mentions[first + 1 :], first + 1):
            gap = masked[parts[-1].end : nxt.start]
            if "\n" in gap or len(gap) > _COUNT_PART_GAP or nxt.value is None or nxt.approximate or nxt.rate:
                break
            if any(parts[-1].end <= kw.start < nxt.start and kw.role not in (c.field, "ignore") for kw in kws):
                break
            written = _PLACES_TOTAL_RE.search(gap)
            if written is not None:
                # "total 102", "Jumlah 2 hari 86 orang": only the days it spans may stand between.
                if nxt.unit == "other" and k + 1 < len(mentions):
                    nxt = mentions[k + 1]
                tail = masked[parts[-1].end + written.end() : nxt.start]
                if len(parts) > 1 and nxt.value == sum(p.value or 0 for p in parts) and len(tail) <= 12 and (
                    tail.strip(" :") == "" or _DAYS_SPANNED_RE.fullmatch(tail)
                ):
                    line_end = masked.find("\n", nxt.end)
                    text = " ".join(original[parts[0].start : line_end if line_end != -1 else len(masked)].split())
                    out[n] = replace(c, value=nxt.value, text=text, total=True,
                                     cues=(*c.cues, "places_total", f"parts:{len(parts)}"))
                break
            if nxt.unit not in (None, "people", "blank") or ". " in gap:
                break
            parts.append(nxt)
    return out


# One place's count after a count's word: "di SDN 005 Tg Selor 74 lembar" (the place may hold figures of its own);
# the next places follow after a comma, each led by "di": ", di MIN 1 52 lembar".
_PLACE_COUNT_PART = (
    r"di[^\S\n]+[^,.;:\n]*?[^\S\n]+(\d{1,3}(?:\.\d{3})*)[^\S\n]*(?:" + _words_re(vocab.BLANK_UNITS) + r")(?![\w-])"
)
_FIRST_PLACE_COUNT_RE = re.compile(r"[^\S\n]+" + _PLACE_COUNT_PART)
_NEXT_PLACE_COUNT_RE = re.compile(r"[^\S\n]*,[^\S\n]*(?:(?:dan|serta)[^\S\n]+)?" + _PLACE_COUNT_PART)


def _counts_per_place_listed(original: str, masked: str, kws: Sequence[Keyword],
                             candidates: list[Candidate]) -> list[Candidate]:
    """A count said place by place after one word of it, with no total: "kia dicetak di SDN 005 Tg Selor 74
    lembar, di MIN 1 52 lembar" printed 126 (74 + 52). The word gave the first place's figure; the places listed
    after it, each led by "di" and counted in blanks, add up to the count."""
    out = list(candidates)
    listed: list[tuple[str, int]] = []  # the later places' figures, each read as well by a word carried over
    for n, c in enumerate(out):
        if c.field not in _COUNT_FIELDS or c.value is None or c.doubt is not None or c.total or c.table:
            continue
        for kw in kws:
            first = _FIRST_PLACE_COUNT_RE.match(masked, kw.end) if kw.role == c.field else None
            if first is None or int(first.group(1).replace(".", "")) != c.value:
                continue
            parts, end = [c.value], first.end()
            while (nxt := _NEXT_PLACE_COUNT_RE.match(masked, end)) is not None:
                parts.append(int(nxt.group(1).replace(".", "")))
                end = nxt.end()
            if len(parts) > 1:
                text = " ".join(original[kw.start : end].split())
                out[n] = replace(c, value=sum(parts), text=text, cues=(*c.cues, "places_summed",
                                                                      f"parts:{len(parts)}"))
                listed += [(c.field, part) for part in parts[1:]]
            break
    return [c for c in out if (c.field, c.value) not in listed or "places_summed" in c.cues]


# Between a count's total word and its figure: the days the total spans ("Jumlah 2 hari 86 orang").
_DAYS_SPANNED_RE = re.compile(
    r"[^\S\n]+\d{1,2}[^\S\n]+(?:" + _words_re(vocab.DAYS_SPANNED_WORDS) + r")(?![\w-])[^\S\n]*:?[^\S\n]*"
)


# Between a total word and its figure: "jumlah 1.942", "total stok: 1.515", "seluruhnya ada 900".
_TOTAL_GAP_RE = re.compile(
    r"(?:[^\S\n]*(?:" + _words_re(vocab.PLACE_STOCK_WORDS + vocab.STOCK_BEFORE_PLACES_FILLERS + vocab.BLANK_UNITS
                               + ("nya", "semua", "adalah", "sebanyak", "menjadi", "jadi"))
    + r")(?![\w-]))*[^\S\n]*:?[^\S\n]*"
)


def _written_total_of(masked: str, mentions: Sequence[Mention], at: int, parts: Sequence[Mention]) -> Mention | None:
    """The figure right after a total word at *at* (its own words between), when the places' figures
    *parts* add up to it (any figure, with no parts given); else None."""
    nxt = next((m for m in mentions if m.start >= at), None)
    if nxt is None or nxt.value is None or nxt.approximate or not _TOTAL_GAP_RE.fullmatch(masked, at, nxt.start):
        return None
    return nxt if not parts or sum(p.value or 0 for p in parts) == nxt.value else None


def _postfix_of_previous(masked: str, figure_end: int, k: Keyword, limit: int) -> bool:
    """Whether role word *k* is said right after the figure ending at *figure_end* and closes it with a
    comma ("58 enrolled, 52 printed, 987 ...") or with the "=" of a sum ("842, minus 96 printed = 746"): then it
    names that figure, not the one after it."""
    if _UNIT_GAP_RE.fullmatch(masked, figure_end, k.start) is None and not _people_recorded(masked, figure_end, k):
        return False
    return masked[k.end : limit].lstrip()[:1] in (",", "=")


def _said_of_supply(masked: str, prev_end: int, pos: int) -> bool:
    """Whether the words before a figure (since the previous figure or comma) name a printer
    supply ("ribbon", "tinta") and no blank."""
    lo = max(prev_end, masked.rfind(",", prev_end, pos) + 1)
    segment = masked[lo:pos]
    return bool(_SUPPLY_RE.search(segment)) and not _BLANK_NAME_RE.search(segment)


# Between a printer supply's count and a figure in a bracket right after it: its unit and the bracket opened, an
# estimate's sign or word before the figure or not ("6 roll (± 1.500", "2 box (kira-kira 900").
_SUPPLY_ASIDE_GAP_RE = re.compile(
    r"[^\S\n]*(?:[a-z]{1,12}[^\S\n]*)?\([^\S\n]*(?:(?:\u00b1|\+/-|\+-|kurang lebih|kira-kira|kira2|sekitar|approx\.?"
    r"|about|utk|untuk|for)[^\S\n]*)?"
)


def _aside_of_supply(masked: str, lo: int, before: Mention, m: Mention) -> bool:
    """Whether figure *m* stands in a bracket right after the figure *before*, which the words before it (from *lo*)
    say of a printer supply: "Ribbon YMCKO : 6 roll (± 1.500 cetakan)" tells what the ribbon yields."""
    if not _SUPPLY_ASIDE_GAP_RE.fullmatch(masked, before.end, m.start):
        return False
    return _said_of_supply(masked, max(lo, masked.rfind("\n", 0, before.start) + 1), before.start)


# Right after a figure (and its unit), the start of its relative clause: "750 keping yang (sudah) ...".
_FIGURE_WHICH = (r"[^\S\n]*(?:(?:" + _words_re(vocab.BLANK_UNITS) + r")(?![\w-])[^\S\n]*)?(?:yang|yg)[^\S\n]+"
                 r"(?:(?:sudah|sdh|telah|tlh)[^\S\n]+)?")
# ... naming the request it was asked in, by "kami" and the verb of asking, or by the passive of asking.
_WE_ASKED = r"kami[^\S\n]+(?:" + _words_re(vocab.ASKED_BEFORE_VERBS) + r")"
_ASKED_PASSIVE = r"(?:" + _words_re(vocab.PASSIVE_ASK_WORDS) + r")"
# A figure's relative clause naming the day it was asked before: "750 keping yang kami mohonkan tanggal 8 Februari".
_ASKED_BEFORE_RE = re.compile(
    _FIGURE_WHICH + _WE_ASKED + r"[^\S\n]+(?:" + _words_re(vocab.ASKED_BEFORE_WHEN) + r"|"
    + _words_re(tuple(vocab.MONTHS)) + r")(?![\w-])"  # (a date's day is masked: "tanggal 8 februari" leaves "februari")
)


# ... or by the passive of asking: "kiriman 4.500 yang dimohon Pak Agus belum sampai" (a request made before).
_ASKED_BY_PASSIVE_RE = re.compile(_FIGURE_WHICH + _ASKED_PASSIVE + r"(?![\w-])")


# ... or as the whole a count received is part of: "sejumlah 1.500 keping dari sebesar 3.500 keping yang kami
# mohonkan", "1.000 lembar (dari 1.200 lembar yang kami mohon)".
_OUT_OF_BEFORE_RE = re.compile(r"(?<![\w-])(?:dari|of)(?:[^\S\n]+(?:sebesar|sebanyak|sejumlah|total))?[^\S\n]*$")
_ASKED_AFTER_RE = re.compile(_FIGURE_WHICH + r"(?:" + _WE_ASKED + r"|" + _ASKED_PASSIVE + r")(?![\w-])")

# ... or said met: "seluruh permohonan kami sebesar 3.500 keping telah terpenuhi".
_MET_AFTER_RE = re.compile(
    r"[^\S\n]*(?:(?:" + _words_re(vocab.BLANK_UNITS) + r")(?![\w-])[^\S\n]*)?(?:(?:telah|sudah|sdh|tlh)[^\S\n]+)?"
    r"(?:terpenuhi|dipenuhi|terealisasi|direalisasikan|fulfilled)(?![\w-])"
)


def _said_of_earlier(
    masked: str, kws: Sequence[Keyword], c_start: int, prev_end: int, m: Mention, after_limit: int
) -> bool:
    """Whether the words of a figure name an earlier request ("surat permohonan 3.000 keping tadi
    siang", "menindaklanjuti surat kami ... sebanyak 3.000 keping"). The words of a figure run from
    its clause start, or from the first role word after the previous figure, to the next role word
    after it (words right after a figure are that figure's: "3.000 keping KTP-el tadi siang")."""
    if _ASKED_BEFORE_RE.match(masked, m.end) or _ASKED_BY_PASSIVE_RE.match(masked, m.end):
        # "Mohon kiriman blangko 750 keping yang kami mohonkan tanggal 8 Februari dapat segera direalisasikan",
        # "kiriman 4.500 yang dimohon Pak Agus belum sampai".
        return True
    if _OUT_OF_BEFORE_RE.search(masked, max(0, m.start - 24), m.start) and _ASKED_AFTER_RE.match(masked, m.end):
        # "telah kami terima sejumlah 1.500 keping dari sebesar 3.500 keping yang kami mohonkan": the whole asked
        # before, of which a part came
        return True
    if _MET_AFTER_RE.match(masked, m.end):
        return True  # "seluruh permohonan kami sebesar 3.500 keping telah terpenuhi": an ask met, no new one
    lo = prev_end
    if prev_end > c_start:
        lo = next((k.start for k in kws if prev_end <= k.start < m.start), m.start)
    first_kw = next((k.start for k in kws if lo <= k.start < m.start), m.start)
    if (
        _awaited_ask(masked, kws, lo, m, after_limit)
        or _STATUS_ASKED_RE.search(masked, lo, m.start)
        or _CONFIRMED_ASK_RE.search(masked, lo, m.start)
    ):
        return True
    # "Kemarin kami sudah telpon, mohon tambahan 1.000 keping": a comma before the figure's first
    # role word ends what is said of it.
    lo = max(lo, masked.rfind(",", lo, first_kw) + 1)
    hi = next((k.start for k in kws if m.end <= k.start < after_limit), after_limit)
    before = max(_EARLIER_RE.finditer(masked, lo, m.start), key=lambda found: found.start(), default=None)
    if before is not None and _BECAME_RE.search(masked, before.end(), m.start):
        # "Menambahkan email kami tadi pagi: ternyata kebutuhan naik jadi 3.000 keping (sebelumnya 2.000)": the
        # figure the earlier one rose or fell to is asked now.
        return False
    return bool(before is not None or _EARLIER_RE.search(masked, m.end, hi))


# Right after an asked figure (its unit, a date masked, a few words): the ask still awaited, not granted yet
# ("Permohonan kami yang 1.000 masih kami tunggu", "permohonan 300 lembar tgl 3/8 belum datang").
_AWAITED_ASK_RE = re.compile(
    r"[^\S\n]*(?:(?:" + _words_re(vocab.BLANK_UNITS) + r")(?![\w-]))?[^\d\n.!?,;]{0,30}?(?<![\w-])(?P<awaited>"
    + _words_re(vocab.AWAITED_PHRASES + vocab.AWAITED_ASK_PHRASES) + r")(?![\w-])"
)
_ASK_NOUN_KEYWORDS = frozenset(vocab.REMINDED_NOUNS)
_STATUS_ASKED_RE = re.compile(r"(?<![\w-])(?:" + _words_re(vocab.STATUS_ASKED_WORDS) + r")(?![\w-])")
_ACT_ASKED_RE = re.compile(r"(?<![\w-])(?:" + _words_re(vocab.ACT_ASKED_WORDS) + r")(?![\w-])")


_CONFIRMED_ASK_RE = re.compile(r"(?<![\w-])(?:" + _words_re(vocab.CONFIRMED_ASK_PHRASES) + r")(?![\w-])")


def _confirmed_earlier_asks(candidates: list[Candidate]) -> list[Candidate]:
    """"Saya konfirmasi permohonan Pak Arif tanggal 21/7 ya (1.500)": the figure of a request the writer confirms as
    made before (by a colleague, on a date) is that request, already on the books; no request of this mail."""
    return [c for c in candidates
            if not (c.field == "requested" and c.earlier and _CONFIRMED_ASK_RE.search(normalise(c.text)))]


def _progress_only_asked(masked: str, candidates: list[Candidate]) -> list[Candidate]:
    """"Mohon info perkembangan surat kami ... perihal permohonan 1.000 keping. Sampai hari ini belum ada kabar": a
    mail that asks after an earlier request's progress, restating its figure, with no figure of its own and no word
    asking for the request to be acted on, asks for nothing anew: the earlier figure is no request."""
    asked = [c for c in candidates if c.field == "requested"]
    if not asked or not all(c.earlier for c in asked) or not _STATUS_ASKED_RE.search(masked):
        return candidates
    if any(c.field != "requested" for c in candidates) or _ACT_ASKED_RE.search(masked):
        return candidates
    return [c for c in candidates if c.field != "requested"]


def _awaited_ask(masked: str, kws: Sequence[Keyword], lo: int, m: Mention, after_limit: int) -> bool:
    """Whether a figure named by a noun of asking ("permohonan kami ke provinsi yang 1.000", "Permohonan 300 lembar")
    is said right after to be still awaited ("masih kami tunggu", "belum datang"): the ask was made before and is
    chased, no new one."""
    nouns = [k for k in kws if lo <= k.start < m.start and k.role == "requested"]
    if not nouns or " ".join(masked[nouns[-1].start : nouns[-1].end].split()) not in _ASK_NOUN_KEYWORDS:
        return False
    found = _AWAITED_ASK_RE.match(masked, m.end)
    return found is not None and found.end() <= after_limit and not any(
        m.end <= k.start < found.start("awaited") for k in kws if k.role != "requested"
    )


def _said_of_approval(masked: str, kws: Sequence[Keyword], own_lo: int, m: Mention, after_limit: int) -> bool:
    """Whether the figure's own words, from the previous figure or comma up to the next role word
    after it, name the desk's approval ("dari yang disetujui (2.500 keping)", "atas persetujuan
    permohonan blangko sebanyak 2.000 keping")."""
    hi = next((k.start for k in kws if m.end <= k.start < after_limit), after_limit)
    before = _APPROVED_RE.search(masked, own_lo, m.start)
    if before is not None and _RAISED_TO_RE.search(masked, before.end(), m.start):
        # "mohon jumlah yang disetujui dapat ditambah menjadi 2.500 keping": the figure the approval is asked
        # to become, the ask now.
        return False
    if before is not None and any(
        k.role == "requested" and not k.weak and not k.denied and before.end() < k.start and k.end <= m.start
        and masked[before.end() : k.start].strip()
        and " ".join(masked[k.start : k.end].split()) not in _ASK_NOUNS
        for k in kws
    ):
        # "terima kasih atas persetujuan sebagian ... maka dengan ini kami mengajukan kembali kekurangan blangko
        # sebanyak 1.550 keping": a word of asking after the approval opens an ask of its own.
        return bool(_APPROVED_RE.search(masked, m.end, hi))
    return bool(before or _APPROVED_RE.search(masked, m.end, hi))


_CORRECTED_NEXT_WINDOW = 30  # a correction this close after a figure (past a comma) is of that figure
# Nouns of asking: after the desk's approval they name the request approved ("atas persetujuan permohonan ... 2.000
# keping"), no new ask.
_ASK_NOUNS = frozenset(vocab.COUNTER_ASK_NOUNS + ("permintaan", "usulan", "request"))
# Between the desk's approval and a figure: what the approval is asked to become.
_RAISED_TO_RE = re.compile(
    r"(?<![\w-])(?:" + vocab.alternation(vocab.RAISED_TO_VERBS) + r")"
    r"(?:[^\S\n]+(?:lagi|kembali))?[^\S\n]+(?:menjadi|jadi|jd)(?![\w-])[^\S\n]*$"
)
# Between an earlier mail named and a figure: what the earlier figure became, the figure now.
_BECAME_RE = re.compile(
    r"(?<![\w-])(?:" + vocab.alternation(vocab.RAISED_TO_VERBS + vocab.ROSE_TO_VERBS) + r")"
    r"(?:[^\S\n]+(?:lagi|kembali))?[^\S\n]+(?:" + vocab.alternation(vocab.CHANGE_INTO_WORDS) + r")(?![\w-])"
    r"(?:[^\S\n]+(?:sebanyak|sejumlah))?[^\S\n]*$"
)


def _undelivered(masked: str, end: int, limit: int) -> bool:
    """Whether the words right after a stock figure say it has not arrived yet ("sisanya 1.000
    keping belum sampai", "sisanya masih di ekspedisi"): the rest of a shipment, not stock."""
    window = masked[end : min(limit, end + _IN_TRANSIT_WINDOW)]
    found = _IN_TRANSIT_RE.search(window)
    if found is not None and _PAPER_FOLLOWS_RE.search(window, 0, found.start()):
        # "tinggal 860 keping (rincian rekap menyusul siang ini)": a paper to follow, not blanks.
        return False
    return found is not None and not _CAUSE_RE.search(window, 0, found.start())


# Right before a word of something to follow, a paper that follows: "rincian rekap menyusul", "laporannya menyusul".
_PAPER_FOLLOWS_RE = re.compile(
    r"(?<![\w-])(?:" + _words_re(vocab.DOCUMENT_WORDS + vocab.PAPER_TO_FOLLOW_WORDS) + r")(?:nya)?"
    r"(?:[^\S\n]+[\w-]+)?[^\S\n]+(?:akan[^\S\n]+)?$"
)


_COUNTER_ASK_NOUNS = frozenset(vocab.COUNTER_ASK_NOUNS)
_LIST_GAP_RE = re.compile(r"[^\S\n]*[,;/|][^\S\n]*")


def _counter_applications(masked: str, kws: Sequence[Keyword], keyword: Keyword, m: Mention) -> bool:
    """"pengajuan 48, cetak 45, sisa blangko KIA 196": a noun of asking as a label before a bare figure, with the
    day's work listed right after it, counts the applications the counter took in, not blanks asked for."""
    if m.unit is not None or " ".join(masked[keyword.start : keyword.end].split()) not in _COUNTER_ASK_NOUNS:
        return False
    if masked[keyword.end : m.start].strip(" \t:"):
        return False
    nxt = next((k for k in kws if k.start >= m.end), None)
    return nxt is not None and nxt.role in _COUNT_FIELDS and bool(_LIST_GAP_RE.fullmatch(masked, m.end, nxt.start))


_REPORTED_BEFORE_RE = re.compile(r"(?<![\w-])(?:" + vocab.alternation(vocab.REPORTED_BEFORE_WORDS) + r")(?![\w-])")


_MONTH_END_RE = re.compile(
    r"(?<![\w-])(?:" + vocab.alternation(vocab.MONTH_END_LEADS) + r")[^\S\n]+("
    + vocab.alternation(tuple(vocab.MONTHS)) + r")(?![a-z])(?:[^\S\n]+(20\d\d)(?!\d))?"
)


def _stock_of_earlier_month(low: str, lo: int, pos: int, sent: datetime | None) -> bool:
    """"sisa blangko KTP-el kami pada akhir November 2027 sebanyak 2.300 keping", in a mail of January 2028: the
    stock at the end of a month before the mail's (a month without its year is the latest one of that name)."""
    if sent is None:
        return False
    named = list(_MONTH_END_RE.finditer(low, lo, pos))
    if not named:
        return False
    found = named[-1]
    month = vocab.MONTHS[found.group(1)]
    year = int(found.group(2)) if found.group(2) else sent.year - (month > sent.month)
    return (year, month) < (sent.year, sent.month)


def _figure_after(masked: str, pos: int) -> int:
    """Where the next digit after pos is, or the end of the text."""
    digit = _DIGIT_RE.search(masked, pos)
    return digit.start() if digit is not None else len(masked)


def _stock_reported_before(candidates: list[Candidate]) -> list[Candidate]:
    """"sisa blangko yang saya laporkan kemarin (145) belum dikurangi 12 keping ... Jadi sisa blangko yang dapat
    dipakai adalah 133 keping": beside a stock said now, the stock of an earlier report is no stock."""
    if any(c.field == "stock_on_hand" and c.earlier for c in candidates) and any(
        c.field == "stock_on_hand" and not c.earlier and c.value is not None for c in candidates
    ):
        return [c for c in candidates if not (c.field == "stock_on_hand" and c.earlier)]
    return candidates


_EARLIER_REPORT_WRONG_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.EARLIER_REPORT_WRONG_PHRASES) + r")(?![\w-])"
)


def _need_less_stock_asked(candidates: list[Candidate]) -> list[Candidate]:
    """"Stok ... tinggal 95 keping. Kami butuh 600 keping ... Tolong kirim 600 - 95 = 505 saja": beside an ask that
    is the need less the stock, the need named by a word of need is no second figure asked."""
    stocks = {c.value for c in candidates if c.field == "stock_on_hand" and c.value is not None}
    asked = [c for c in candidates if c.field == "requested" and c.value is not None and c.doubt is None]
    needs = [c for c in asked if _NEED_CUES.intersection(c.cues)]
    differences = {c.value for c in asked if not _NEED_CUES.intersection(c.cues)}
    gone = {id(n) for n in needs if any(n.value - s in differences for s in stocks if s and n.value and n.value > s)}
    return [c for c in candidates if id(c) not in gone] if gone else candidates


def _earlier_report_corrected(candidates: list[Candidate]) -> list[Candidate]:
    """"rekam 17 cetak 17 sisa 725" / "maaf kemarin salah, sisa tgl 10/11 itu 743 bukan 742": beside a stock said
    now, a stock in the words correcting an earlier day's report is that day's, no stock now."""
    stocks = [c for c in candidates if c.field == "stock_on_hand" and c.value is not None]
    of_before = [c for c in stocks if _EARLIER_REPORT_WRONG_RE.search(normalise(c.text))]
    if not of_before or len(of_before) == len(stocks):
        return candidates
    gone = set(map(id, of_before))
    return [c for c in candidates if id(c) not in gone]


def current_requests(candidates: list[Candidate]) -> list[Candidate]:
    """Candidates without the figures of an earlier request when the mail asks a figure anew: a
    reminder restates what it chases, but "surat permohonan 3.000 keping tadi siang ... bisa sekalian
    dikirim blangko KIA 500 pcs?" asks for the 500."""
    if any(c.earlier for c in candidates) and any(
        c.field == "requested" and not c.earlier for c in candidates
    ):
        return [c for c in candidates if not c.earlier]
    if any(c.field in _WORK_ROLES and c.value is not None for c in candidates):
        # "lap 20/7 perekaman 14, cetak 0 krn blangko kosong. mohon segera dikirim yg 500 kemarin": in a day's
        # report, the figure of an earlier request chased is no request of the report.
        return [c for c in candidates if not (c.field == "requested" and c.earlier)]
    if any(c.field == "received" and c.value is not None for c in candidates) and all(
        c.earlier for c in candidates if c.field == "requested"
    ):
        # "pinjaman blangko dari Bulungan sudah sampai ... 500 keping ... Permohonan kami ke provinsi yang 1.000 masih
        # kami tunggu": in a receipt, the figure of an earlier request still awaited is no request of the receipt.
        return [c for c in candidates if not (c.field == "requested" and c.earlier)]
    return candidates


def _in_headline(c: Candidate, said: str) -> bool:
    """Whether *c* was read from the subject's words *said* (whitespace made single)."""
    text = " ".join(c.text.split())
    return bool(text) and text in said


def headline_zero(c: Candidate, said: str) -> bool:
    """Whether *c* is a stock of zero read from a word of the subject's words *said* ("Blangko KTP habis")."""
    return (c.field == "stock_on_hand" and c.value == 0 and _in_headline(c, said)
            and any(q.startswith("zero_stock:") for q in c.cues))


def figure_over_headline_zero(candidates: list[Candidate], headline: str) -> list[Candidate]:
    """Without the subject's word of zero ("Subject: Blangko KTP habis") when the body states the stock of the
    same blank (or of none named) as a figure, even an estimate ("sisa skrg 400an kpg"): the subject sums the
    mail up, the body says what is left; an estimate there is asked back, never read as zero."""
    if not headline.strip():
        return candidates
    said = " ".join(headline.split())
    zeros = [c for c in candidates if headline_zero(c, said)]
    if not zeros:
        return candidates
    stated = [c for c in candidates if c.field == "stock_on_hand" and not _in_headline(c, said)]
    gone = {id(z) for z in zeros if any(s.item is None or z.item is None or s.item == z.item for s in stated)}
    return [c for c in candidates if id(c) not in gone]


_ITEM_AFTER_ZERO_RE = re.compile(
    r"[ \t]*(?:(?:untuk|utk|for)[ \t]+)?(?:(?:" + _words_re(vocab.GENERIC_BLANK_WORDS) + r")[ \t]+)?(?:"
    + _words_re(vocab.KTP_WORDS + vocab.KIA_WORDS) + r")(?![\w])"
)


_EARLIER_SHIPMENT_ZERO_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.EARLIER_SHIPMENT_SUBJECTS) + r")(?:\s+(?:"
    + _words_re(vocab.AFFIRM_WORDS) + r"))?\s*$"
)


def _stock_question_above(masked: str, pos: int) -> str | None:
    """The line above the one at pos when it asks about the stock ("KIA sisa brp?") and the line at pos
    names no stock of its own: the question, whose blank the answer's word is said of; else None."""
    line_start = masked.rfind("\n", 0, pos) + 1
    if line_start == 0:
        return None
    above_start = masked.rfind("\n", 0, line_start - 1) + 1
    above = masked[above_start : line_start - 1].rstrip()
    if not above.endswith("?") or not _STOCK_NAME_RE.search(above):
        return None
    return above


_SHIPMENT_CAME_RE = vocab.Gated(re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.SHIPMENT_CAME_PHRASES) + r")(?![\w-])"
), vocab.SHIPMENT_CAME_PHRASES)


_CARRIED_BY_TEAM_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.CARRIED_BY_TEAM_WORDS) + r")(?![\w-])")


def _supply_runs_out(masked: str, c_start: int, at: int) -> bool:
    """A printer supply named within a few words before the word of zero at at, with no blank's name
    between ("ribbon printer habis"): it is the supply that ran out."""
    lo = max(c_start, at - _SUPPLY_NEAR_ZERO)
    supplies = list(_SUPPLY_RE.finditer(masked, lo, at))
    if not supplies:
        return False
    between = masked[supplies[-1].end() : at]
    return not _BLANK_NAME_RE.search(between) and not _ITEM_NAME_RE.search(between) and "," not in between


# How far before a word of zero a printer supply counts as what it is said of ("ribbon printer habis").
_SUPPLY_NEAR_ZERO = 24


_COUNT_LABEL_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.ROLE_PHRASES["printed"] + vocab.ROLE_PHRASES["recorded"])
    + r")(?![\w-])"
)
_FIELD_COLON_RE = re.compile(r"[ \t]*:[ \t]*$")


def _count_field_value(masked: str, at: int) -> bool:
    """Whether the word at *at* is the value of a form's field of a count ("Jumlah perekaman KTP-el hari ini :
    nihil"): right after the colon of a line whose label names a count and no stock."""
    colon = _FIELD_COLON_RE.search(masked, masked.rfind("\n", 0, at) + 1, at)
    if colon is None:
        return False
    label = masked[masked.rfind("\n", 0, at) + 1 : colon.start()]
    return ":" not in label and bool(_COUNT_LABEL_RE.search(label)) and not _STOCK_NAME_RE.search(label)


def _zero_stock(
    original: str, masked: str, clauses: Sequence[tuple[int, int]], low: str | None = None,
    sent: datetime | None = None,
) -> list[Candidate]:
    """A stock of zero from a clause that says nothing is left of a blank ("blangko KIA kami tdk
    ada sisa"); not when it is asked about, nor of a printer supply. On a dated line ("Jum 17/3 rekam 55
    cetak 53 sisa habis") it is that day's stock, as a figure there would be."""
    out: list[Candidate] = []
    for z in _ZERO_STOCK_RE.finditer(masked):
        c_start, c_end = next(((a, b) for a, b in clauses if a <= z.start() < b), (0, len(masked)))
        if masked[c_end : c_end + 1] == "?" or masked[c_start:c_end].rstrip().endswith("?"):
            continue
        head = masked[c_start : z.start()]
        if _NOT_YET_ZERO_RE.search(masked, max(c_start, z.start() - 30), z.start()):
            # "hampir habis", "sebelum stok habis": not zero yet.
            continue
        if _RATE_BEFORE_ZERO_RE.search(masked, max(c_start, z.start() - 20), z.start()):
            # "stok kami cepat habis karena pelayanan keliling": how fast it is used, not a stock of zero.
            continue
        if _WAS_OUT_BEFORE_ZERO_RE.search(masked, max(c_start, z.start() - 20), z.start()):
            # "blangko sempat habis pada 12 Januari": it ran out once; the stock now is not said.
            continue
        if _EARLIER_SHIPMENT_ZERO_RE.search(masked, max(c_start, z.start() - 40), z.start()):
            # "minta lagi blangko KIA ... karena yang kemarin sudah habis dipakai": the last shipment is
            # used up; the stock now is not said.
            continue
        if _SHIPMENT_CAME_RE.search(masked, z.end()):
            # "Tgl 14-16 cetak tertunda krn blangko habis, tgl 17 kiriman sdh masuk": out before a shipment came.
            continue
        if _subunit_named(masked, c_start, z.start()) or _zero_at_named_place(masked, z.end(), c_end):
            # "Stok blangko KTP-el di UPT Krayan sudah habis": one office's part of the stock is empty.
            continue
        if _CARRIED_BY_TEAM_RE.search(masked, c_start, z.start()):
            # "Blangko yang dibawa tim Dinas Kota sudah habis": the team's supply ran out, not the district's.
            continue
        if _heard_before(masked, z.start()):
            # "Di Disdukcapil Nunukan katanya blangko KIA sedang kosong": what someone told the writer, passed on.
            continue
        if _count_field_value(masked, z.start()):
            # "Jumlah pencetakan KTP-el hari ini : nihil": the value of a count's field, no stock.
            continue
        if _supply_runs_out(masked, c_start, z.start()):
            # "3 keping blangko rusak karena ribbon printer habis di tengah proses cetak": the supply named
            # right before the word ran out, whatever blank the clause named earlier.
            continue
        comma = masked.find(",", z.end(), c_end)
        said = masked[c_start : comma if comma != -1 else c_end]
        if _SUPPLY_RE.search(said) and not _BLANK_NAME_RE.search(_SUPPLY_FOR_ITEM_RE.sub(" ", said)):
            # "ribbon kami tidak ada sisa", "ribbon KIA habis": a printer supply (for a blank), not a blank.
            continue
        left = _LEFT_AFTER_RE.match(masked, z.end())
        stock_named = bool(_STOCK_NAME_RE.search(masked, c_start, z.end())) or left is not None
        asked = None if stock_named else _stock_question_above(masked, z.start())
        if asked is not None:
            # "[09.01] Kabid: KIA sisa brp?" / "[09.03] Fina: 0 pak, habis semua": the line answers the
            # question about the stock above it, of the blank the question names.
            stock_named, head = True, asked
        # "kosong"/"nihil" beside a blank alone may be an empty form; beside KTP-el or KIA it is the stock, and
        # so it is closing a report's line of counts.
        if not (stock_named or _ITEM_NAME_RE.search(head)
                or (_BLANK_NAME_RE.search(head) and " ".join(z.group().split()) not in _STOCK_ONLY_ZERO)
                or _blank_zero_after_counts(masked, c_start, z)):
            continue
        # The word is said of the last blank named before it in its clause ("KTP: ... sisa 912 | KIA:
        # cetak 0 (habis)"), and of the words from that name on.
        named = list(_ITEM_NAME_RE.finditer(masked, c_start, z.start()))
        seg_start = named[-1].start() if named else c_start
        if _STATED_STOCK_RE.search(masked, seg_start, z.start()) or _ZERO_LATER_RE.match(masked, z.end()):
            # "Sisa tinggal 300-an, paling 2 hari lagi habis", "sisa 0 blangko (habis)", "habis dalam 5
            # hari": the stock is stated as a figure, even a vague one, or the word is a forecast; a word
            # never stands against a figure.
            continue
        item = explicit_item(named[-1].group() if named else head)[0]
        if item is None and left is not None:
            item = explicit_item(left.group())[0]
        if item is None and (after := _ITEM_AFTER_ZERO_RE.match(masked, z.end())) is not None:
            # "stok habis KIA", "habis untuk blangko KIA": the blank named right after the word.
            item = explicit_item(after.group())[0]
        snippet = _snippet(original, z.start(), z.end(), c_start, c_end)
        if (some_left := _low_stock_elsewhere(masked, clauses, (c_start, c_end), item, z.end())) is not None:
            # "blangko habis" (the subject) over "stok tinggal sedikit": out, and some left, of one blank. The
            # doubt quotes both ("blangko habis / masih ada ± 300 - 400 keping"), so the question names them.
            said = " ".join(original[some_left.start() : some_left.end()].split())
            both = snippet if said in snippet else f"{snippet} / {said}"
            out.append(Candidate("stock_on_hand", None, both, True, "conflict", item=item,
                                 cues=(f"zero_stock:{z.group()}", "low_stock_elsewhere")))
            continue
        day = line_date(low, z.start(), sent) if low is not None else None
        out.append(Candidate("stock_on_hand", 0, snippet, True, item=item, row_date=day,
                             cues=(f"zero_stock:{z.group()}",)))
    return out


# --- An amount said to be enough ("cukup 800 keping saja") ---

_ENOUGH_ASK_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:" + _words_re(vocab.ENOUGH_ASK_BEFORE) + r")[^\S\n]*$"
)
_ENOUGH_ASK_AFTER_RE = re.compile(
    r"[^\S\n]*(?:(?:" + _words_re(vocab.BLANK_UNITS) + r")(?![\w-])[^\S\n]*)?(?:"
    + _words_re(vocab.ENOUGH_ASK_AFTER) + r")(?![\w-])"
)


def _enough_ask(masked: str, lo: int, start: int, end: int) -> bool:
    """Whether the figure at start..end is said to be enough, "cukup 800 keping saja", with no stock word before
    it in its clause (from lo). Not in a correction ("Koreksi: cukup 1.600 keping saja, bukan 2.000"): a
    follow-up of an earlier ask is read in its thread."""
    sentence_lo = max(masked.rfind("\n", 0, start), masked.rfind(". ", 0, start)) + 1
    return (
        _ENOUGH_ASK_BEFORE_RE.search(masked, lo, start) is not None
        and _ENOUGH_ASK_AFTER_RE.match(masked, end) is not None
        and not _STOCK_NAME_RE.search(masked, lo, start)
        and not _CORRECTION_OPENER_RE.search(masked, sentence_lo, start)
    )


_LEAST_ASK_BEFORE_RE = re.compile(r"(?<![\w-])(?:" + _words_re(vocab.LEAST_ASK_BEFORE) + r")[^\S\n]*$")
_ENOUGH_AFTER_FIGURE_RE = re.compile(
    r"[^\S\n]*(?:(?:" + _words_re(vocab.BLANK_UNITS) + r")(?![\w-])[^\S\n]*)?(?:"
    + _words_re(vocab.ENOUGH_AFTER_FIGURE) + r")(?![\w-])"
)


_ONLY_AFTER_FIGURE_RE = re.compile(
    r"[^\S\n]*(?:(?:" + _words_re(vocab.BLANK_UNITS) + r")(?![\w-])[^\S\n]*)?(?:"
    + _words_re(vocab.ONLY_AFTER_FIGURE) + r")(?![\w-])"
)
# Before the figure in its sentence, nothing but a courtesy or an estimate's word: "Sekitar 600 keping saja pak."
_FIGURE_OPENS_RE = re.compile(
    r"[^\w]*(?:(?:" + _words_re(vocab.TAKE_BACK_COURTESIES + vocab.APPROX_BEFORE) + r")[^\w]+){0,2}"
)


def _enough_after_stock(masked: str, lo: int, start: int, end: int) -> bool:
    """Whether the figure at start..end, said after the writer's stock, is the least they need ("minimal 600
    keping", "paling tidak 600") or is said to be enough ("600 keping saja cukup", a sentence of only "sekitar 600
    keping saja pak"), with no stock word before it in its clause (from lo): the amount asked."""
    sentence_lo = max(masked.rfind("\n", 0, start), masked.rfind(". ", 0, start)) + 1
    return (
        (_LEAST_ASK_BEFORE_RE.search(masked, lo, start) is not None
         or _ENOUGH_AFTER_FIGURE_RE.match(masked, end) is not None
         or (_ONLY_AFTER_FIGURE_RE.match(masked, end) is not None and _FIGURE_OPENS_RE.fullmatch(masked, lo, start)
             is not None))
        and not _STOCK_NAME_RE.search(masked, lo, start)
        # not in a correction ("Maaf koreksi, 2.000 keping saja"): that is read as one
        and not _CORRECTION_OPENER_RE.search(masked, sentence_lo, start)
    )


# --- A figure taken back in the same breath ("2.000 keping, eh bukan, 3.000 keping") ---

_GAP = r"[^\w]+"  # between the words of a take-back: spaces, commas, colons, brackets, a line's end
_FIGURE_TAIL = (
    r"(?:/\d[\d.]*)?"  # the second of two figures read together: "rekam/cetak 140/122"
    r"(?:[^\S\n]*(?:" + _words_re(vocab.BLANK_UNITS + vocab.ENGLISH_BLANK_NOUNS) + r"|"
    + vocab.alternation(_BLANK_NAMES) + r")(?![\w-])){0,3}"  # "keping", "keping blangko KIA", "KTP-el blanks"
)
_TAKEN_BACK_RE = re.compile(
    _FIGURE_TAIL + _GAP
    + r"(?:(?:" + _words_re(vocab.TAKE_BACK_COURTESIES) + r")" + _GAP + r")*"
    + r"(?:(?:" + _words_re(vocab.TAKE_BACK_WORDS) + r")" + _GAP
    + r"|(?:" + _words_re(vocab.TAKE_BACK_SLIPS) + r")(?:[^\w]*[,:;.!)\n][^\w]*|" + _GAP + r"(?="
    + _words_re(vocab.TAKE_BACK_LEADS) + r")))"
    + r"(?:(?:" + _words_re(vocab.TAKE_BACK_LEADS) + r")" + _GAP + r"){0,2}"
)
_CORRECTED_MARK_RE = re.compile(
    r"[^\S\n]*(?:(?:" + _words_re(vocab.BLANK_UNITS) + r")(?![\w-])[^\S\n]*)?\([^\S\n]*(?:"
    + _words_re(vocab.CORRECTED_MARKS) + r")[^\S\n]*\)"
)
# Between a figure and the one marked as its correction: only its unit, a comma or an arrow ("2.000 keping ->
# 3.000 keping (koreksi)", "sisa 300, 250 (koreksi)").
_BESIDE_MARKED_RE = re.compile(_FIGURE_TAIL + r"[^\S\n]*(?:[,;/]|-+>|=>|→)?[^\S\n]*")
_SENTENCE_END_RE = re.compile(r"[.!?](?=\s)|\n")


def _taken_back(masked: str, before: Mention, m: Mention) -> bool:
    """Whether the figure m takes back the figure said right before it in its sentence: a take-back word between
    them ("2.000 keping, eh bukan, 3.000", "sisa 300, sori typo, 250", "2,000, sorry, I mean 3,000"), or m marked
    as the correction with nothing but a unit or an arrow between them ("2.000 keping 3.000 keping (koreksi)").
    (A correction opening a sentence of its own is read by the rules of corrections: after figures of several
    roles, which one it replaces is not clear.)"""
    if _SENTENCE_END_RE.search(masked, before.end, m.start):
        return False
    if _TAKEN_BACK_RE.fullmatch(masked, before.end, m.start):
        return True
    return _marked_corrected(masked, m) and bool(_BESIDE_MARKED_RE.fullmatch(masked, before.end, m.start))


def _marked_corrected(masked: str, m: Mention) -> bool:
    """Whether the figure m is marked as the corrected one right after it: "Permintaan: 3.000 keping (koreksi)"."""
    return _CORRECTED_MARK_RE.match(masked, m.end) is not None


def _in_place_of(old: Sequence[Candidate], m: Mention, snippet: str) -> list[Candidate]:
    """The candidates that replace old, the figures the writer took back for m: the one figure in its role and
    blank; several (figures read together, "156/139"), which one m replaces is unclear, so each role is asked."""
    if len(old) != 1:
        return [Candidate(c.field, None, snippet, True, "conflict", item=c.item) for c in old]
    was = old[0]
    cues = (*was.cues, "taken_back")
    if m.conflict or m.approximate or m.value is None:
        return [replace(was, value=None, text=snippet, doubt="conflict" if m.conflict else "unclear", cues=cues,
                        estimate=m.estimate)]
    return [replace(was, value=m.value, text=snippet, doubt=None, about=m.about, cues=cues)]


# --- A stock said to be out and said to be low (a subject's "habis", a body's "tinggal sedikit") ---

_LOW_STOCK_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.LOW_STOCK_PHRASES) + r")(?![\w-])")
# "masih ada ± 300 - 400 keping": some blanks left, counted, in the words of the clause (an estimate or a range
# as well as a figure).
_SOME_LEFT_RE = re.compile(
    r"(?:(?:" + vocab.word_start_alternation(vocab.SOME_LEFT_PHRASES) + r")(?![\w-])[^\n.;?]{0,30}?"
    # ... or the store named, then a count of more than none: "di gudang kira-kira 80-100 keping lg"
    r"|(?:" + vocab.word_start_alternation(vocab.STORE_PLACES + vocab.SOME_LEFT_NEAR_WORDS) + r")(?![\w-])"
    r"(?:[^\S\n]*(?:"
    + vocab.alternation(vocab.STORE_COUNT_FILLERS) + r")(?![\w-]))*[^\S\n]*(?=[1-9]))"
    r"\d[\d.]*(?:[^\S\n]*(?:-|–|s/d|sampai|hingga|sd)[^\S\n]*\d[\d.]*)?(?:an)?[^\S\n]*(?:"
    + _words_re(vocab.BLANK_UNITS) + r")(?![\w-])"
)


def _quoted_once(parts: Sequence[str]) -> list[str]:
    """The words of a doubt, each quoted once: a part inside a longer one ("masih ada 200an keping" in the sentence
    saying it) is left out, and two parts where one ends as the other begins ("... sudah habis: yang masih ada 60
    keping di" and "sudah habis: yang masih ada 60 keping di lemari loket") are one.

    >>> _quoted_once(["blangko habis", "kira-kira 60 keping di", "60 keping di lemari loket", "60 keping"])
    ['blangko habis', 'kira-kira 60 keping di lemari loket']
    """
    kept = [p for i, p in enumerate(parts) if not any(p != q and p in q for q in [*parts[:i], *parts[i + 1:]])]
    joined: list[str] = []
    for part in dict.fromkeys(kept):
        last = joined[-1] if joined else ""
        overlap = next((k for k in range(min(len(last), len(part)), _LEAST_OVERLAP - 1, -1)
                        if last.endswith(part[:k])), 0)
        if overlap:
            joined[-1] = last + part[overlap:]
        else:
            joined.append(part)
    return joined


# How many characters two quoted parts must share, one's end the other's start, to be one quote.
_LEAST_OVERLAP = 12


_NEAR_LEFT_WORDS = tuple(vocab.SOME_LEFT_NEAR_WORDS)
_SOME_LEFT_WORDS = tuple(vocab.SOME_LEFT_PHRASES)


def _low_stock_elsewhere(
    masked: str, clauses: Sequence[tuple[int, int]], own: tuple[int, int], item: str | None, zero_end: int,
) -> re.Match[str] | None:
    """Whether another clause says the stock of the same blank (or of none named) is low but not out ("stok
    tinggal sedikit", "sisa sedikit") or counts blanks still there ("di gudang masih ada ± 150 keping", also later
    in the word's own clause: "habis total di Sebatik, di kantor induk masih ada ± 300 - 400 keping"): a word of
    zero then stands against it, and neither is the stock. The words that say so, or None."""
    lows = [(low, False) for low in _LOW_STOCK_RE.finditer(masked)]
    lows += [(left, True) for left in _SOME_LEFT_RE.finditer(masked)]
    for low, counted in lows:
        if own[0] <= low.start() < own[1] and not (counted and low.start() >= zero_end):
            continue
        if counted and not own[0] <= low.start() < own[1] and low.group().startswith(_NEAR_LEFT_WORDS):
            # "tinggal 640 keping" in a clause of its own states the stock; the subject's word gives way to it
            # (figure_over_headline_zero) without standing against it. Only "abis, tinggal 15an" counts here.
            continue
        c_start, c_end = next(((a, b) for a, b in clauses if a <= low.start() < b), (0, len(masked)))
        if counted and _STOCK_NAME_RE.search(masked, max(c_start, zero_end if c_start == own[0] else c_start),
                                             low.start()):
            # "sisa di gudang kira2 250an lembar": the stock itself is said, as a figure (an estimate is asked back
            # as such); the word of zero gives way to it without standing against it.
            continue
        named = explicit_item(masked[c_start:c_end])[0]
        if item is None or named is None or named == item:
            return low
    return None


_BLANK_ALONE_RE = re.compile(r"[^\S\n]*(?:" + vocab.alternation(_BLANK_NAMES) + r")[^\S\n]+$")
_COUNT_CLAUSE_END_RE = re.compile(r"\d[^\S\n]*(?:" + _words_re(vocab.BLANK_UNITS) + r")?[^\S\n]*,$")
# ... or gives the blank's running out as the cause of the count before it: "cetak 0 karena blangko kosong".
_COUNT_CAUSE_END_RE = re.compile(
    r"\d[^\S\n]*(?:" + _words_re(vocab.BLANK_UNITS) + r")?[^\S\n]*,?[^\S\n]*(?:"
    + _words_re(vocab.ZERO_CAUSE_WORDS) + r")$"
)


def _blank_zero_after_counts(masked: str, c_start: int, z: re.Match[str]) -> bool:
    """Whether a zero word said of the blank alone closes a line of counts: "lap 14/2: rekam 18, cetak 0, blanko
    kosong." is the stock, where "blangko kosong" alone may be an empty form."""
    comma = masked.rfind(",", c_start, z.start())
    if (
        comma != -1 and _BLANK_ALONE_RE.fullmatch(masked, comma + 1, z.start()) is not None
        and _COUNT_CLAUSE_END_RE.search(masked, max(c_start, comma - 40), comma + 1) is not None
    ):
        return True
    blank = _BLANK_ALONE_RE.search(masked, max(c_start, z.start() - 30), z.start())
    return blank is not None and (
        _COUNT_CAUSE_END_RE.search(masked, max(c_start, blank.start() - 40), blank.start()) is not None
    )


def _zero_values(original: str, masked: str, kws: Sequence[Keyword], zero: Sequence[Candidate]) -> list[Candidate]:
    """A figure of zero written as a word after a role word and its colon: "Perekaman: nihil",
    "Sisa blangko: habis"."""
    out: list[Candidate] = []
    for k in kws:
        if k.role not in QUANTITY_FIELDS or k.denied:
            continue
        z = _ZERO_VALUE_RE.match(masked, k.end)
        if z is None or (k.role == "stock_on_hand" and zero):
            continue
        if k.role == "received" and _in_period_position(masked, k.start):
            # "Stok awal tahun (1 Januari): 3.420 / Penerimaan: nihil": the period's movement, no receipt now.
            continue
        line_start = masked.rfind("\n", 0, k.start) + 1
        line_end = masked.find("\n", z.end())
        snippet = _snippet(original, k.start, z.end(), line_start, line_end if line_end != -1 else len(masked))
        out.append(Candidate(k.role, 0, snippet, True, item=explicit_item(masked[line_start : k.start])[0],
                             cues=(f"keyword_before:{' '.join(masked[k.start : k.end].split())}", "zero_word")))
    return out


def _cues_of(
    c: Candidate, m: Mention, keyword: Keyword | None, masked: str, before: Sequence[Keyword]
) -> tuple[str, ...]:
    """The names of the cues that gave a figure of running text its role, for the evidence."""
    cues: list[str] = []
    if keyword is not None:
        side = "before" if keyword in before else "after"
        cues.append(f"keyword_{side}:{' '.join(masked[keyword.start : keyword.end].split())}")
        if keyword.affirmed:
            cues.append("affirmed")
        if side == "before" and _slash_alias(masked, before) is keyword:
            cues.append("slash_alias")
    if m.unit:
        cues.append(f"unit:{m.unit}")
    for flag in ("total", "corrects", "about", "headed", "earlier"):
        if getattr(c, flag):
            cues.append(flag)
    if c.item:
        cues.append(f"item:{c.item}")
    if c.row_date:
        cues.append("dated_line")
    return tuple(cues)


_DAY_SPAN_RE = re.compile(r"\b\d{1,2}\s*[-\u2013]\s*\d{1,2}\s+[a-z]{3}|\bs\.?\s?[d/]\.?\s?\d")
_SHORTFALL_ASK_RE = vocab.Gated(re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.SHORTFALL_ASK_PHRASES) + r")(?![\w-])"
    r"|(?<![\w-])(?:" + _words_re(vocab.SHORTFALL_LABEL_WORDS) + r")[^\S\n]*:(?=[^\S\n]*\(?(?:"
    + _words_re(vocab.LABEL_ASK_WORDS) + r")(?![\w-]))"
), vocab.SHORTFALL_ASK_PHRASES + vocab.SHORTFALL_LABEL_WORDS)
_LESS_ON_HAND_RE = re.compile(_words_re(vocab.LESS_ON_HAND_PHRASES))
_MINUS_RE = re.compile(r"[^\S\n]*(?:keping[^\S\n]+)?(?:" + _words_re(vocab.MINUS_WORDS) + r")[^\S\n]*")
_FIGURE_RE = re.compile(r"\d")
# A sentence that opens with a blank's name: "KIA cetak 4 sisa 0", "- KIA: ...".
_SENTENCE_ITEM_RE = re.compile(
    r"[ \t\n>*\-(]*(?:(?:" + _words_re(vocab.POSTSCRIPT_LEADS) + r")[ \t]*:?[ \t]*)?"
    r"(?:(?:" + _words_re(vocab.GENERIC_BLANK_WORDS + vocab.STOCK_WORDS) + r")[ \t]+){0,2}"
    r"(?:" + _words_re(vocab.KTP_WORDS + vocab.KIA_WORDS) + r")(?![\w])"
)
_PIECE_UNIT_AFTER_RE = re.compile(r"[ \t]*(?:" + _words_re(vocab.PIECE_UNITS) + r")\b")
# Words that call a figure off: "yang 2.000 kemarin batal saja", "yg 1.500 tidak jadi".
_WITHDRAWN_RE = re.compile(
    r"(?<![\w-])(?:" + _words_re(("batal", *vocab.CANCEL_WORDS, *vocab.NOT_AFTER_ALL)) + r")(?![\w-])"
)


# A figure asked before, changed to the one after it: "2rb jadi 3rb" (see vocab.CHANGED_TO_LEADS).
_CHANGED_TO_RE = re.compile(r"[^\S\n]*(?:" + _words_re(vocab.CHANGED_TO_LEADS) + r")[^\S\n]+(?=\d)")


def _called_off(masked: str, m: Mention) -> bool:
    """Whether the words right after a figure, to the next comma or clause end, call it off ("yang 2.000 kemarin
    batal saja, ...")."""
    ends = [i for i in (masked.find(",", m.end), *(masked.find(c, m.end) for c in ".;\n")) if i != -1]
    return bool(_WITHDRAWN_RE.search(masked, m.end, min(ends, default=len(masked))))


# A role word's cell left empty with a dash before the next cell: "terima - |", "Penerimaan: -;".
_NIL_CELL_AFTER_RE = re.compile(r"[ \t]*:?[ \t]*-+[ \t]*[|;,]")
_PACK_SIZE_RE = re.compile(r"@|(?<![\w-])(?:x|isi|berisi|masing-masing|per|each)(?![\w-])")
_TARGET_STOCK_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.TARGET_STOCK_WORDS) + r")(?![\w-])")


def _list_lead_role(masked: str, pos: int, kws: Sequence[Keyword], low: str | None = None) -> Keyword | None:
    """The role word of the sentence leading into the list whose line holds *pos*: the list's lines are
    bullets or lines labelled with a blank, the sentence above them ends with a colon and names one role.
    A numbered bullet ("1. Blangko KTP-el sebanyak 1.500") is blanked in *masked*; it is seen in *low*."""
    src = masked if low is None else low
    line_start = masked.rfind("\n", 0, pos) + 1
    if not (_BULLET_RE.match(src, line_start) or _LINE_LABEL_RE.match(masked, line_start)):
        return None
    start = line_start
    while start > 0:
        prev = masked.rfind("\n", 0, start - 1) + 1
        line = src[prev : start - 1]
        if not (_BULLET_RE.match(line) or _LINE_LABEL_RE.match(line)) or not line.strip():
            break
        start = prev
    if start == 0:
        return None
    lead_end = len(masked[: start - 1].rstrip())  # an empty line may stand between the sentence and its list
    if not masked[:lead_end].endswith(":"):
        return None
    blank = masked.rfind("\n\n", 0, lead_end)
    lead_start = blank + 2 if blank != -1 else 0
    words = [k for k in kws if lead_start <= k.start and k.end <= lead_end and k.role != "ignore"]
    if any(not k.weak for k in words):
        # "hasil stock opname gudang sore ini sekalian laporan harian:": a weak word of asking ("sekalian",
        # "tambahan") yields to a role word beside it.
        words = [k for k in words if not k.weak]
    if len({k.role for k in words}) > 1:
        # "Memperhatikan persediaan blangko ... yang semakin menipis, dengan ini kami mengajukan permohonan:": the
        # role of the lead's last clause, the one the colon opens the list with.
        cut = max(masked.rfind(",", lead_start, lead_end), masked.rfind(". ", lead_start, lead_end))
        words = [k for k in words if k.start > cut] if cut != -1 else []
    if {k.role for k in words} == {"stock_on_hand", "received"} and _HANDOVER_RECEIPT_RE.search(
        masked, lead_start, lead_end
    ):
        # "Stok blangko yang diterima operator baru dari operator lama:": the stock handed over, no receipt.
        words = [k for k in words if k.role == "stock_on_hand"]
    if len({k.role for k in words}) != 1:
        return None
    return words[-1]


_FORM_COUNT_LINE_RE = re.compile(
    r"[ \t>*\-]*(?:" + _words_re(vocab.FORM_COUNT_LABELS) + r")[ \t]*:[ \t]*(?=\d)"
)
_FORM_LINE_RE = re.compile(r"[ \t>*\-]*[a-z][^\n:]{0,40}:[ \t]*\S")


def _form_lead_role(masked: str, low: str, pos: int, kws: Sequence[Keyword]) -> Keyword | None:
    """The role of the sentence leading into a form whose count line names no role ("Kami konfirmasi
    penerimaan blangko KIA dari Provinsi:" / "Tanggal terima : 30 November" / "Jumlah : 1.800 keping"): the
    sentence ends with a colon right above the form's lines and names one role."""
    line_start = masked.rfind("\n", 0, pos) + 1
    count_line = _FORM_COUNT_LINE_RE.match(masked, line_start)
    if count_line is None or count_line.end() != pos:
        return None
    start = line_start
    while start > 0:
        prev = low.rfind("\n", 0, start - 1) + 1
        if not _FORM_LINE_RE.match(low, prev, start - 1) or low[prev : start - 1].rstrip().endswith(":"):
            break
        start = prev
    if start == 0:
        return None
    lead_start = low.rfind("\n", 0, start - 1) + 1
    lead = low[lead_start : start - 1]
    if not lead.rstrip().endswith(":"):
        return None
    words = [k for k in kws if lead_start <= k.start and k.end <= start - 1 and k.role != "ignore"]
    if len({k.role for k in words}) != 1:
        return None
    return words[-1]


def _rows_summed(
    clauses: Sequence[tuple[int, int]], ci: int, taken: Sequence[tuple[int, Candidate]],
    before: Sequence[Mention], value: int | None,
) -> tuple[str, str | None, int, bool] | None:
    """(field, item, figures, whether they add up to *value*) when the clauses right before clause *ci* are
    a run of rows (two or more), each with figures of one and the same field and item; else None."""
    run: list[int] = []
    fields: set[str] = set()
    items: set[str | None] = set()
    j = ci - 1
    while j >= 0:
        mine = [c for start, c in taken if start == clauses[j][0]]
        if not mine:
            break
        run.append(j)
        fields.update(c.field for c in mine)
        items.update(c.item for c in mine)
        j -= 1
    if len(run) < 2 or len(fields) != 1 or len(items) != 1 or value is None:
        return None
    lo, hi = clauses[run[-1]][0], clauses[ci][0]
    parts = [mm.value for mm in before if lo <= mm.start < hi and mm.value is not None
             and mm.unit in (None, "blank") and not mm.rate]
    if len(parts) < 2:
        return None
    return fields.pop(), items.pop(), len(parts), sum(parts) == value


def _raised_to_stated_total(masked: str, before: Sequence[Mention], c_start: int, m: Mention) -> bool:
    """Whether the one figure before a stated total in its clause is asked as more ("ditambah 200 lagi",
    "tambahan 200") and is less than the total: the total is the raised request, whatever it was before."""
    parts = [mm for mm in before if mm.start >= c_start and mm.value is not None and mm.unit != "other"]
    if len(parts) != 1 or m.value is None or parts[0].value is None or parts[0].value >= m.value:
        return False
    return bool(_MORE_AFTER_RE.match(masked, parts[0].end)) or any(
        k.role == "requested" and k.weak for k in keywords(masked[c_start : parts[0].start])
    )


def _parts_before(mentions: Sequence[Mention], idx: int, c_start: int) -> list[int]:
    """The counts before the figure at *idx* in its clause (from c_start), that a stated total may sum."""
    return [mm.value for mm in mentions[:idx]
            if mm.start >= c_start and mm.value is not None and mm.unit != "other" and not mm.rate]


def _sums_to(parts: Sequence[int], value: int | None) -> bool:
    """Whether *value* is the sum of the figures before it ("1.000 ... ditambah 500, jadi total 1.500"),
    or a whole number of the one figure before it ("4 box (1 box isi 500 keping), jadi total 2.000"), or
    that figure said again ("3 dus (1 dus berisi 500 keping), total 1.500 keping")."""
    if value is None or not parts:
        return False
    if len(parts) > 1:
        return sum(parts) == value
    return value >= parts[0] > 0 and value % parts[0] == 0


_TOO_MANY_RE = re.compile(r"(?<![\w-])(?:" + _words_re(vocab.TOO_MANY_WORDS) + r")(?![\w-])")


_HALF_ASKED_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.SEND_ASK_PHRASES) + r")[^\S\n]+(?:"
    + _words_re(vocab.HALF_OF_PHRASES) + r")(?![\w-])"
)


def _half_asked(masked: str, candidates: list[Candidate]) -> list[Candidate]:
    """"mohon dikirim setengah dari permintaan kami sebelumnya (4.000) dulu": half of the one figure that follows in
    the clause is asked, worked out as a clerk would (an odd figure has no half in whole cards: unclear). A figure
    asked in the mail's own words wins; the figure halved is not asked."""
    half = _HALF_ASKED_RE.search(masked)
    if half is None:
        return candidates
    end = _CLAUSE_END_RE.search(masked, half.end())
    clause_end = end.start() if end else len(masked)
    if (comma := masked.find(",", half.end(), clause_end)) != -1:
        clause_end = comma  # "..., sisa kami 200": the next part of the sentence says something else
    said = [m for m in find_mentions(masked, masked) if half.end() <= m.start < clause_end and m.value is not None
            and m.unit != "other" and not m.year]
    if not said:
        return candidates
    value = said[0].value
    rest = [c for c in candidates if not (c.field == "requested" and c.value == value)]
    if any(c.field == "requested" and c.value is not None for c in rest):
        return rest
    text = masked[half.start() : said[-1].end]
    if len(said) > 1 or value is None or value % 2:
        return [*rest, Candidate("requested", None, text, True, "unclear")]
    return [*rest, Candidate("requested", value // 2, text, True, cues=("half_of_figure",))]


_ASK_INCLUDED_RE = re.compile(r"(?<![\w-])(?:" + _words_re(vocab.ASK_INCLUDED_AFTER) + r")(?![\w-])")


def _asks_included(masked: str, candidates: list[Candidate]) -> list[Candidate]:
    """"Tgl 3/7 Pak Kadis sempat minta 300 lewat HP, itu sudah termasuk di sini ya": an earlier ask its sentence
    says, after its figure, is inside the one the mail makes is no ask of its own; the mail's ask (or the gap
    it asks for) stands alone."""
    out = candidates
    for said in _ASK_INCLUDED_RE.finditer(masked):
        start = max((m.end() for m in _CLAUSE_END_RE.finditer(masked, 0, said.start())
                     if m.group() != ";"), default=0)
        inside = {m.value for m in find_mentions(masked, masked) if start <= m.start < said.start()}
        kept = [c for c in out if not (c.field == "requested" and c.value in inside)]
        if any(c.field == "requested" or c.field == "stock_on_hand" for c in kept):
            out = kept
    return out


# A line of its own giving the gap: "Kekurangan : 1.290 keping".
_GAP_LINE_RE = re.compile(r"(?:" + _words_re(vocab.SHORTFALL_LABEL_WORDS) + r")[^\S\n]*[:=][^\S\n]*\d")


def _shortfall_asked(masked: str, candidates: list[Candidate]) -> list[Candidate]:
    """"Kebutuhan kami 3.500 keping, stok 1.150 keping, mohon dikirimkan kekurangannya": the writer asks
    for the difference without writing it, so the clerk works it out: the need less the stock. With no
    single need and single stock to take it from, the figure asked is unclear. A gap denied ("minta 2.000
    pcs, not the difference", "bukan kekurangannya") is no ask of it: the figure asked stands."""
    ask = _SHORTFALL_ASK_RE.search(masked)
    while ask is not None and _NEGATED_BEFORE_RE.search(masked, max(0, ask.start() - 40), ask.start()):
        ask = _SHORTFALL_ASK_RE.search(masked, ask.end())
    if ask is None:
        return candidates
    end = _CLAUSE_END_RE.search(masked, ask.end())
    asked = [c for c in candidates if c.field == "requested"]
    glossed = None if _LESS_ON_HAND_RE.fullmatch(ask.group()) else _figure_glossed_as_gap(masked, ask.start())
    if glossed is not None and (mine := [c for c in asked if c.value == glossed and c.doubt is None]):
        # "mohon dikirim 610 keping saja (selisihnya)": the figure asked right before the word of the gap is
        # the difference, worked out by the writer.
        return [*[c for c in candidates if c.field != "requested"], *mine]
    clause_end = end.start() if end else len(masked)
    said_at = [m for m in find_mentions(masked, masked)
               if ask.end() <= m.start < clause_end and m.value is not None
               and m.unit != "other"] if _FIGURE_RE.search(masked, ask.end(), clause_end) else []
    # "kirim kekurangannya saja, dikurangi stok kami yang masih 180 keping": the stock named after the ask is what
    # the gap is taken from, not the gap.
    # ("kekurangannya, yaitu 3.640 dikurangi 2.495": a difference written out keeps both its figures.)
    if not (len(said_at) >= 2 and _MINUS_RE.fullmatch(masked, said_at[0].end, said_at[1].start)):
        stocks = {c.value for c in candidates if c.field == "stock_on_hand" and c.value is not None}
        said_at = [m for m in said_at if m.value not in stocks]
    if said_at:
        # "kekurangannya sebanyak 2.250 keping": the writer gave the figure. It wins over the need stated
        # beside it ("kebutuhan kurang lebih 2.200, stok 700. Mohon kekurangannya 1.500 keping"). A figure of
        # something else further on in the clause ("memenuhi kekurangannya, perlu ... waktu 2 hari") gives none.
        said = [m.value for m in said_at]
        if len(said_at) >= 2 and _MINUS_RE.fullmatch(masked, said_at[0].end, said_at[1].start):
            # "kekurangannya, yaitu 3.640 dikurangi 2.495": the difference written out is the figure asked.
            a, b = said_at[0].value, said_at[1].value
            if a is not None and b is not None and a > b and (len(said) == 2 or said[2] == a - b):
                text = masked[ask.start() : said_at[1].end]
                return [*[c for c in candidates if c.field != "requested"],
                        Candidate("requested", a - b, text, True, item=asked[0].item if asked else None,
                                  corrects=True, cues=("shortfall_asked", "difference_written"))]
            return [*[c for c in candidates if c.field != "requested"],
                    Candidate("requested", None, masked[ask.start() : said_at[1].end], True, "unclear")]
        mine = [c for c in asked if said and c.value == said[0] and c.doubt is None]
        if mine and len(asked) > len(mine):
            return [*[c for c in candidates if c.field != "requested"], *mine]
        return candidates
    gap_lines = [c for c in asked if c.value is not None and c.doubt is None and _GAP_LINE_RE.match(c.text.lower())]
    if len(gap_lines) == 1:
        # "Kekurangan : 1.290 keping" / "Mohon dapat dikirimkan sejumlah kekurangan tersebut": the gap the writer
        # worked out on its own line is the figure the ask refers to.
        return [*[c for c in candidates if c.field != "requested"], *gap_lines]
    needs = {c.value for c in asked if c.value is not None and c.doubt is None}
    if len(needs) == 1:
        # "Kebutuhan posko Betayau 250 keping, Sesayap Hilir 300 keping, total 550 keping": the need of one place
        # of several; the whole need is their stated total, and without one the need is unclear.
        whole = _need_over_places(masked, next(iter(needs)))
        if whole is None:
            return [*[c for c in candidates if c.field != "requested"],
                    Candidate("requested", None, masked[ask.start() : ask.end()], True, "unclear")]
        needs = {whole}
    estimated = False
    if not needs and len(asked) == 1 and asked[0].estimate is not None and (
        not asked[0].strong or _NEED_CUES.intersection(asked[0].cues)
    ):
        # "kebutuhan kami ... kira-kira dua ribu lima ratus keping ... stok ... delapan ratus keping, jadi kami mohon
        # kekurangannya saja dikirim": a need is an estimate by nature; the gap asked is worked out from it.
        needs, estimated = {asked[0].estimate}, True
    if not asked:
        # "Target penerbitan KIA Desember 1.000 anak, stok 350 keping. Mohon dipenuhi kekurangannya": with no
        # need stated, the one target of cards to issue (a card a person) is what the shortfall is of.
        targets = _targets(masked)
        if len(targets) == 1:
            needs = {targets[0]}
            text = masked[ask.start() : ask.end()]
            asked = [Candidate("requested", targets[0], text, True, cues=("target_as_need",))]
    stock_said = [
        (c.value, c.item) for c in candidates if c.field == "stock_on_hand" and c.value is not None and c.doubt is None
    ]
    stocks = {v for v, _ in stock_said}
    need_items = {c.item for c in asked if c.value is not None and c.doubt is None}
    if len(stocks) > 1 and len(need_items) == 1 and None not in need_items:
        # "Kebutuhan KTP-el 2.500, sisa stok KTP-el 850 ... Untuk KIA, stok kami 1.340": the stock of the
        # blank whose need is stated is the one taken from it.
        stocks = {v for v, item in stock_said if item in need_items}
    rest = [c for c in candidates if c.field != "requested"]
    text = masked[ask.start() : ask.end()]
    if len(stocks) == 1 and len(needs) > 1:
        # "kebutuhan : 2.750 keping / stok saat ini : 950 keping / kekurangan : 1.800 keping": the writer
        # worked out the difference; it is the figure asked when it is the one need less the stock.
        stock = next(iter(stocks))
        stated = [d for d in needs if any(n - stock == d for n in needs)]
        if len(stated) == 1:
            return [*rest, *[c for c in asked if c.value == stated[0]]]
    if len(needs) == 1 and len(stocks) == 1 and (need := next(iter(needs))) > (stock := next(iter(stocks))):
        # The difference is the figure asked: it replaces the need wherever else it is stated (an
        # attached table of the need).
        cues = ("shortfall_asked", "need_minus_stock", *(("need_estimated",) if estimated else ()))
        return [*rest, Candidate("requested", need - stock, f"{text}: {need} - {stock}", True,
                                 item=asked[0].item, corrects=True, cues=cues)]
    if asked:
        return [*rest, Candidate("requested", None, text, True, "unclear")]
    return candidates


def _need_over_places(masked: str, need: int) -> int | None:
    """The need the gap is taken from, given the one need read: itself when its sentence states no more counts of
    blanks after it; their stated total when it is the first of several places' needs that add up to a total
    written after them ("Kebutuhan posko A 250 keping, B 300 keping, total 550 keping"); else None."""
    found = find_mentions(masked, masked)
    first = next((i for i, m in enumerate(found) if m.value == need and m.unit == "blank"), None)
    if first is None:
        return need
    ended = _SENTENCE_END_RE.search(masked, found[first].end)
    stop = ended.start() if ended else len(masked)
    # A figure of another role further on ("..., sedangkan yang masih bisa dipakai 450 keping") is no place's need.
    stop = min([k.start for k in keywords(masked) if found[first].end <= k.start < stop and k.role != "requested"],
               default=stop)
    # (The need said again, "6 box @ 500 keping (3.000 keping)", is no other place's.)
    after = [m for m in found[first + 1 :] if m.start < stop and m.unit == "blank" and m.value != need]
    if not after:
        return need
    parts, total = [need] + [m.value for m in after[:-1]], after[-1]
    if (
        total.value is not None
        and all(v is not None for v in parts)
        and _PLACES_TOTAL_RE.search(masked, after[-2].end if len(after) > 1 else found[first].end, total.start)
        and sum(v for v in parts if v is not None) == total.value
    ):
        return total.value
    return None


_GLOSS_GAP_RE = re.compile(
    r"[^\S\n]*(?:(?:" + _words_re(vocab.BLANK_UNITS) + r")(?![\w-])[^\S\n]*)?(?:(?:"
    + _words_re(vocab.SHORTFALL_GLOSS_WORDS) + r")(?![\w-])[^\S\n]*)?[(,:=]?[^\S\n]*(?:(?:"
    + _words_re(vocab.SHORTFALL_GLOSS_WORDS) + r")(?![\w-])[^\S\n]*)?"
)


def _figure_glossed_as_gap(masked: str, ask_start: int) -> int | None:
    """The figure right before a word of the gap at ask_start, with only its unit and a gloss between ("610
    keping saja (selisihnya)", "1.700, yaitu kekurangannya"), if any."""
    line_lo = masked.rfind("\n", 0, ask_start) + 1
    found = find_mentions(masked[line_lo:ask_start])
    if not found or found[-1].value is None or found[-1].approximate or found[-1].conflict:
        return None
    last = found[-1]
    if _GLOSS_GAP_RE.fullmatch(masked, line_lo + last.end, ask_start) is None:
        return None
    return last.value


def _loan_beside_ask(candidates: list[Candidate]) -> list[Candidate]:
    """"Could you lower our request to 2,000 cards? We received 500 from Bulungan as a loan last week": beside an
    ask, blanks received on loan from another office tell why the ask changed; they are no shipment of the
    province the desk books. (A mail that only tells of the loan received, "we have received 300 KTP-el blanks on
    loan from Nunukan", is that receipt.)"""
    if not any(c.field == "requested" and c.value is not None for c in candidates):
        return candidates
    return [c for c in candidates if not (c.field == "received" and "on_loan" in c.cues)]


def _targets(masked: str) -> list[int]:
    """The figures of the targets the text names ("Target penerbitan KIA Desember 1.000 anak")."""
    out: list[int] = []
    for t in _TARGET_COUNT_RE.finditer(masked):
        # "Untuk bulan Januari 2027 target perekaman dan pencetakan kami 1.500 keping": the month may open the
        # target's sentence.
        opened = max(masked.rfind(". ", 0, t.start()) + 2, masked.rfind("\n", 0, t.start()) + 1, t.start() - 40)
        if not (_MONTH_TARGET_RE.search(masked, opened, t.end()) or _DATED_MONTH_RE.search(masked, opened, t.end())):
            # A year's or a programme's target is no month's need: only a target of a month counts.
            continue
        window = masked[t.end() : t.end() + 30]
        first = next(iter(find_mentions(window, window)), None)
        if first is not None and first.value is not None and first.unit in (None, "people", "blank") and not (
            first.approximate or first.conflict
        ):
            out.append(first.value)
    return out


_MONTH_TARGET_RE = re.compile(
    r"(?<![\w-])(?:"
    + _words_re(tuple(m for m in vocab.MONTHS if len(m) >= 4) + vocab.THIS_MONTH_WORDS)
    + r")(?![\w-])"
)
_DATED_MONTH_RE = re.compile(r"(?<![\w-])(?:" + _words_re(vocab.MONTH_NOUNS) + r")[ \t]{3,}\S")
# A target of cards to issue or of people to serve, the need a shortfall is asked of when no need is stated.
_TARGET_COUNT_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.TARGET_COUNT_WORDS) + r")(?![\w-])[^\d\n.;]{0,60}?(?=\d)"
)
_FALLBACK_AFTER_RE = re.compile(
    r"[ \t]*(?:(?:" + _words_re(vocab.BLANK_UNITS + vocab.ENGLISH_BLANK_NOUNS) + r")\b[ \t]*)?(?:"
    + _words_re(vocab.FALLBACK_AFTER) + r")(?![\w-])"
)
_LATER_PART_RE = re.compile(
    r"[ \t]*(?:(?:" + _words_re(vocab.BLANK_UNITS + vocab.ENGLISH_BLANK_NOUNS) + r")\b[ \t]*)?(?:(?:lagi|lg)[ \t]+)?(?:"
    + _words_re(vocab.LATER_PART_AFTER) + r")(?![\w-])"
)
_OWN_STOCK_WORDS = frozenset(" ".join(w.split()) for w in vocab.OWN_STOCK_WORDS)
# "kalau tidak bisa, 800 saja": a figure offered in case the first cannot be had.
_FALLBACK_BEFORE_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.FALLBACK_BEFORE + vocab.RATHER_IF_POSSIBLE_BEFORE)
    + r")(?![\w-])[^\d\n.;]{0,20}$"
)


_TIMES_RE = re.compile(r"[^\S\n]*(?:\S+[^\S\n]+){0,3}?(?:x|\u00d7|\*|@|kali|times)[^\S\n]*", re.IGNORECASE)
_EQUALS_RE = re.compile(r"[^\S\n]*(?:\S+[^\S\n]+){0,3}?(?:=|sama dengan|jadi|equals)[^\S\n]*")


def _is_product(masked: str, a: Mention, b: Mention, m: Mention) -> bool:
    """Whether m is written as the product of the two figures before it ("8 keping/hari x 25 hari = 200
    keping") and is their product."""
    if a.value is None or b.value is None or m.value is None or m.unit == "other" or a.value * b.value != m.value:
        return False
    return bool(_TIMES_RE.fullmatch(masked, a.end, b.start) and _EQUALS_RE.fullmatch(masked, b.end, m.start))


def _product_role(
    masked: str, a: Mention, b: Mention, m: Mention, kws: Sequence[Keyword], c_start: int
) -> str | None:
    """The role word of the clause of a product written out ("mohon", "kami terima"); None when the clause
    names no role before it."""
    if a.start < c_start:
        return None
    named = [k for k in kws if c_start <= k.start < a.start]
    roles = [k for k in named if k.role != "ignore"]
    if not roles or roles[-1].role not in ("requested", "received"):
        # An average or a count of work worked out ("rata-rata cetak 30 x 22 hari = 660") is no figure.
        return None
    return roles[-1].role + (":weak" if roles[-1].weak else "")


def _fallback_offered(masked: str, mentions: Sequence[Mention], candidates: list[Candidate]) -> list[Candidate]:
    """A figure offered as a fallback ("..., 400 juga tidak apa-apa") beside another figure asked: the
    writer names two acceptable requests and picks none; a clerk asks which (null with a conflict)."""
    asked = [c for c in candidates if c.field == "requested" and c.value is not None and c.doubt is None]
    if not asked:
        return candidates
    for m in mentions:
        if m.value is None or m.unit not in (None, "blank") or m.rate:
            continue
        offered = _FALLBACK_AFTER_RE.match(masked, m.end) or _FALLBACK_BEFORE_RE.search(
            masked, max(0, m.start - 40), m.start
        )
        if not offered:
            continue
        if any(c.value != m.value for c in asked):
            texts = " / ".join(dict.fromkeys(c.text for c in asked))
            return [*candidates, Candidate(
                "requested", None, texts, True, "conflict", corrects=any(c.corrects for c in asked),
                cues=("fallback_offered",),
            )]
    return candidates


_WHICH_UNSURE_RE = re.compile(r"(?<![\w-])(?:" + _words_re(vocab.WHICH_FIGURE_UNSURE_PHRASES) + r")(?![\w-])")


def _figure_unsure(masked: str, mentions: Sequence[Mention], candidates: list[Candidate]) -> list[Candidate]:
    """A figure asked, then another figure of blanks the writer cannot yet tell from it ("kirim 1.000 keping ...
    di surat tertulis 1.500, nanti saya tanya dulu yg benar yg mana"): the figure asked is not settled; a clerk
    asks which (null with a conflict)."""
    asked = [c for c in candidates if c.field == "requested" and c.value is not None and c.doubt is None]
    unsure = _WHICH_UNSURE_RE.search(masked)
    if not asked or unsure is None:
        return candidates
    taken = {c.value for c in candidates if c.value is not None}
    if any(m.value is not None and m.value not in taken and m.unit in (None, "blank") and not m.rate
           and m.end <= unsure.start() for m in mentions):
        texts = " / ".join(dict.fromkeys(c.text for c in asked))
        return [*candidates, Candidate("requested", None, texts, True, "conflict",
                                       corrects=any(c.corrects for c in asked), cues=("figure_unsure",))]
    return candidates


# An estimate's word in the words between "masih ada" and its count ("masih ada ± 30 keping", "masih ada kurang
# lebih 45 keping", "masih tersisa sekitar 60 keping").
_LEFT_ESTIMATED_RE = re.compile(
    r"(?<![\w-])(?:" + _words_re(vocab.ABOUT_BEFORE + vocab.APPROX_BEFORE) + r")(?![\w-])[^\S\n]*:?[^\S\n]*\d[\d.]*"
    r"[^\S\n]*(?:" + _words_re(vocab.BLANK_UNITS) + r")(?![\w-])"
)


def _some_left_estimated(original: str, masked: str, candidates: list[Candidate]) -> list[Candidate]:
    """Blanks said to be still there by an estimate ("stok blangko kami masih ada ± 30 keping", "blangko KTP-el
    masih ada kurang lebih 45 keping"), with no other figure of the stock: a count in passing, round, is no stock
    to book; a clerk asks for the count (null and a doubt quoting it, as "kira-kira 40-50")."""
    if any(c.field == "stock_on_hand" and c.value is not None and not c.about for c in candidates):
        return candidates
    for left in _SOME_LEFT_RE.finditer(masked):
        if not left.group().startswith(_SOME_LEFT_WORDS):
            continue
        estimated = _LEFT_ESTIMATED_RE.search(masked, left.start(), left.end())
        if estimated is None or estimated.end() != left.end():
            continue
        figures = find_mentions(masked[estimated.start() : estimated.end()])
        value = figures[-1].value if figures else None
        if any(c.field == "stock_on_hand" and c.value not in (None, value) for c in candidates):
            return candidates
        lo = max(masked.rfind("\n", 0, left.start()), masked.rfind(". ", 0, left.start())) + 1
        hi = next((i for i in (masked.find("\n", left.end()), masked.find(". ", left.end())) if i != -1), len(masked))
        snippet = _snippet(original, left.start(), left.end(), lo, hi)
        kept = [c for c in candidates if not (c.field == "stock_on_hand" and c.value == value)]
        item = next((c.item for c in candidates if c.field == "stock_on_hand" and c.value == value), None)
        return [*kept, Candidate("stock_on_hand", None, snippet, True, "unclear", item=item, estimate=value,
                                 cues=("some_left_estimated",))]
    return candidates


_SOUND_PART_CUES = frozenset(f"keyword_before:{p}" for p in vocab.SOUND_PART_PHRASES)


_PLAIN_FIGURE_RE = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+|\d+)(?![\d.,]\d)")


def _sound_part_of_shipment(masked: str, mentions: Sequence[Mention],
                            candidates: list[Candidate]) -> list[Candidate]:
    """A stock named as what can be used ("yang dapat dipakai 1.400 keping") that, with another figure of the
    mail, makes up the count received ("1.500 keping sudah diterima ... 100 keping rusak") is the sound part of
    the shipment, not the stock on hand."""
    received = {c.value for c in candidates if c.field == "received" and c.value is not None and c.doubt is None}
    if not received:
        return candidates
    # Every figure written, also one inside a package ("1 box (100 keping)"), which the mentions count as boxes.
    figures = {m.value for m in mentions if m.value is not None and m.unit in (None, "blank")}
    figures |= {int(f.group().replace(".", "")) for f in _PLAIN_FIGURE_RE.finditer(masked)}
    return [c for c in candidates if not (
        c.field == "stock_on_hand" and c.value is not None and _SOUND_PART_CUES.intersection(c.cues)
        and any(r > c.value and r - c.value in figures for r in received)
    )]


def _not_awaited(masked: str, clauses: Sequence[tuple[int, int]],
                 loose: list[tuple[Mention, str]]) -> list[tuple[Mention, str]]:
    """The loose figures that may answer a question about the count received: never one its clause says is
    still awaited or not arrived ("Blangkonya belum datang, masih kami tunggu 1.200 keping")."""
    kept = []
    for m, snippet in loose:
        span = next(((a, b) for a, b in clauses if a <= m.start < b), (0, len(masked)))
        if not _AWAITED_RE.search(masked, *span):
            kept.append((m, snippet))
    return kept


_MORE_AFTER_RE = re.compile(
    r"[ \t]*(?:\([^()\n]{0,40}\)[ \t]*)?(?:(?:" + _words_re(vocab.BLANK_UNITS) + r")(?![\w-])[ \t]*)?(?:"
    + _words_re(vocab.MORE_AFTER_WORDS) + r")(?![\w-])"
)
_PASSIVE_ASK_WORDS = frozenset(vocab.PASSIVE_ASK_WORDS)
_REST = _words_re(vocab.REST_OF_WORDS)
_WHEN = _words_re(vocab.WHEN_WORDS)
_REST_WHEN_RE = re.compile(
    rf"(?<![\w-])(?:(?:{_REST})(?![\w-])[^.!\n]{{0,30}}(?<![\w-])(?:{_WHEN})(?![\w-])"
    rf"|(?:{_WHEN})(?![\w-])[^.!?\n]{{0,30}}(?<![\w-])(?:{_REST})(?![\w-]))"
)


def _rest_chased(masked: str, candidates: list[Candidate]) -> list[Candidate]:
    """Beside a figure received, in a mail that asks when the rest comes ("KIA 1.000 udh sampai ... yg diminta
    kan 1.5rb, sisanya kapan ya?"), a requested figure named by the passive of asking ("diminta",
    "diajukan") is the request made before, chased: no new ask. It is left out."""
    if not any(c.field == "received" and c.value for c in candidates) or not _REST_WHEN_RE.search(masked):
        return candidates
    return [
        c for c in candidates
        if not (c.field == "requested" and any(
            cue.startswith("keyword_") and cue.split(":", 1)[1] in _PASSIVE_ASK_WORDS for cue in c.cues))
    ]


def _awaited_not_received(candidates: list[Candidate]) -> list[Candidate]:
    """A figure its own words say is still awaited ("Blangko sudah sampai sebagian bu, yang belum datang masih
    kami tunggu 1.000 keping") did not come, whatever named a receipt earlier in its sentence: no received
    figure (the part that came is asked back). The words nearer the figure decide: "masih kami tunggu ...
    sudah kami terima 1.000" keeps its receipt."""
    kept = []
    for c in candidates:
        if c.field == "received" and c.value and _AWAITED_RE.search(c.text.lower()):
            text = c.text.lower()
            figure_at = next((at for form in (f"{c.value:,}".replace(",", "."), f"{c.value:,}", str(c.value))
                              if (at := text.find(form)) >= 0), -1)
            awaited = [m.start() for m in _AWAITED_RE.finditer(text, 0, max(figure_at, 0))]
            named = [cue.split(":", 1)[1] for cue in c.cues if cue.startswith("keyword_before:")]
            receipt_at = max((text.rfind(word, 0, max(figure_at, 0)) for word in named), default=-1)
            if awaited and receipt_at < awaited[-1]:
                continue
        kept.append(c)
    return kept


def _rest_of_shipment(mentions: Sequence[Mention], candidates: list[Candidate]) -> list[Candidate]:
    """Beside a figure received, a stock figure named only by "sisa" that adds up with it to another
    figure of the mail ("diterima 1.000 keping (dari 1.200 ...). Mohon konfirmasi sisa 200") is the part
    of the shipment still to come, not the stock: it is left out."""
    received = {c.value for c in candidates if c.field == "received" and c.value}
    if not received:
        return candidates
    asked = {c.value for c in candidates if c.field == "requested"}
    figures = {m.value for m in mentions if m.value and m.unit in (None, "blank") and m.value not in asked}
    kept: list[Candidate] = []
    for c in candidates:
        if c.field == "stock_on_hand" and c.value and not c.table and any(c.value + r in figures for r in received):
            named = next((cue.split(":", 1)[1] for cue in c.cues if cue.startswith("keyword_")), "")
            if named not in _OWN_STOCK_WORDS:
                continue
        kept.append(c)
    return kept


_UNIT_SEP = (
    r"[ \t]*(?:(?:" + _words_re(vocab.BLANK_UNITS + vocab.PEOPLE_UNITS) + r")\b)?[ \t]*[,;/]?[ \t]*(?:dan[ \t]+)?"
)
_THEN_NOW_RE = re.compile(_UNIT_SEP + r"(?:" + _words_re(vocab.NOW_PERIOD_WORDS) + r")(?![\w-])[ \t]*:?[ \t]*$")
_THEN_EARLIER_RE = re.compile(
    _UNIT_SEP + r"(?:" + _words_re(vocab.EARLIER_PERIOD_WORDS) + r")(?![\w-])[ \t]*:?[ \t]*$"
)


# An answer opening with zero, a figure or a word: "0 (nol), masih habis pak", "Habis pak", "nihil".
_ZERO_ANSWER_RE = re.compile(
    r"\s*(?:0(?![\d.,]*\d)|(?:(?:masih|msh|sudah|sdh|still)\s+)?(?:"
    + vocab.alternation(vocab.ZERO_VALUE_WORDS + vocab.ZERO_STOCK_PHRASES) + r")(?![\w-]))"
)
def _zero_answer(original: str, low: str, answer_role: str | None, candidates: list[Candidate]) -> list[Candidate]:
    """"> Berapa sisa blangko KTP-el saat ini?" / "0 (nol), masih habis pak", "Habis pak": an answer to the
    question of the stock that opens with zero is a stock of zero."""
    if answer_role != "stock_on_hand" or any(c.field == answer_role for c in candidates):
        return candidates
    zero = _ZERO_ANSWER_RE.match(low)
    if zero is None:
        return candidates
    return [*candidates, Candidate("stock_on_hand", 0, " ".join(original[: zero.end() + 30].split()), True,
                                   cues=("answer_zero",))]


_YESTERDAY_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.YESTERDAY_WORDS) + r")(?![\w-])")
_DAY_MOMENT_RE = re.compile(
    r"(?<![\w-])(?:(?P<then>" + vocab.alternation(vocab.YESTERDAY_WORDS) + r")|(?P<now>"
    + vocab.alternation(vocab.TODAY_WORDS) + r"))(?![\w-])"
)


def _todays_over_yesterdays(
    masked: str, placed: Sequence[tuple[int, Candidate]], candidates: list[Candidate]
) -> list[Candidate]:
    """Yesterday's figures and today's in one report, each after its day: "kemarin (01/07) rekam 18 cetak 20
    sisa 820, hari ini (02/07) rekam 27 cetak 25 sisa 795". A figure takes the day said last before it in its
    paragraph; of a field stated for both days, yesterday's figure is set aside."""
    moments = [(d.start(), d.lastgroup) for d in _DAY_MOMENT_RE.finditer(masked)]
    if not any(k == "now" for _, k in moments):
        return candidates
    then: list[Candidate] = []
    now_fields: set[str] = set()
    for pos, c in placed:
        day = next(((at, k) for at, k in reversed(moments) if at < pos), None)
        if day is None or "\n\n" in masked[day[0] : pos] or c.value is None:
            continue
        if day[1] == "then":
            then.append(c)
        else:
            now_fields.add(c.field)
    dropped = [c for c in then if c.field in now_fields and c.field in _DAY_FIGURES]
    if not dropped:
        return candidates
    return [c for c in candidates if not any(c is d for d in dropped)]


_DAY_FIGURES = frozenset(("stock_on_hand", "printed", "recorded"))
_BLANK_COUNTS = frozenset(("stock_on_hand", "requested", "received", "printed"))


def _latest_of_two_moments(
    masked: str, mentions: Sequence[Mention], candidates: list[Candidate]
) -> list[Candidate]:
    """"Sisa blangko kemarin 1.020, hari ini 870", "Perekaman kemarin 90, hari ini 102": one role's figures of
    two moments in a row; the figure of now is the role's, the earlier one is not (in either order)."""
    out = list(candidates)
    for a, b in zip(mentions, mentions[1:], strict=False):
        if a.value is None or b.value is None:
            continue
        lead = masked[max(0, a.start - 24) : a.start]
        if _THEN_NOW_RE.fullmatch(masked, a.end, b.start) and _EARLIER_PERIOD_RE.search(lead):
            earlier, now = a.value, b.value
        elif _THEN_EARLIER_RE.fullmatch(masked, a.end, b.start) and _NOW_PERIOD_RE.search(lead):
            earlier, now = b.value, a.value
        else:
            continue
        for k, c in enumerate(out):
            if c.value == earlier and c.doubt is None and not c.table:
                if any(o.field == c.field and o.value == now for o in out):
                    del out[k]  # the figure of now is read already
                else:
                    out[k] = replace(c, value=now, cues=(*c.cues, "latest_of_two_moments"))
                break
    return out


_PLUS_GAP_RE = re.compile(r"[^\d\n=+]{0,30}?\+[^\d\n=+]{0,30}?")
_EQUALS_GAP_RE = re.compile(r"[^\S\n]*=[^\S\n]*")


def _sum_written_out(masked: str, mentions: Sequence[Mention], candidates: list[Candidate]) -> list[Candidate]:
    """"sisa gdg induk 812 + sebatik 300 = 1.112": parts added up with "+" and their total after "=". The role
    read on the first part is the total's when the parts add up to it; when they do not, a clerk asks."""
    out = list(candidates)
    k = 0
    while k < len(mentions) - 2:
        j = k
        while j + 1 < len(mentions) and _PLUS_GAP_RE.fullmatch(masked, mentions[j].end, mentions[j + 1].start):
            j += 1
        if j == k or j + 1 >= len(mentions) or not _EQUALS_GAP_RE.fullmatch(masked, mentions[j].end,
                                                                               mentions[j + 1].start):
            k = j + 1
            continue
        parts, total = mentions[k : j + 1], mentions[j + 1]
        values = [m.value for m in parts]
        first = values[0]
        for n, c in enumerate(out):
            if c.value != first or c.doubt is not None or c.table:
                continue
            known = [v for v in values if v is not None]
            if total.value is not None and len(known) == len(values) and sum(known) == total.value:
                out[n] = replace(c, value=total.value, cues=(*c.cues, "sum_written_out"))
            else:
                out[n] = replace(c, value=None, doubt="unclear", cues=(*c.cues, "sum_written_out"))
            break
        k = j + 2
    return out


_BREAKDOWN_LEAD_RE = re.compile(r"[^\n()]{0,40}?\(")


_WB_TIME = "(?:" + vocab.alternation(vocab.WRITTEN_BEFORE_TIMES) + r")\s+"
_WB_PERSON = "(?:" + vocab.alternation(vocab.WRITTEN_BEFORE_PERSONS) + ")"
_WRITTEN_BEFORE_BRACKET_RE = re.compile(
    rf"\([^\S\n]*(?:{_WB_TIME})?(?:{_WB_PERSON}\s+(?:{_WB_TIME})?)"
    rf"(?:{vocab.alternation(vocab.WRITTEN_BEFORE_VERBS)})(?![\w-])"
)


def _without_written_before(masked: str, mentions: list[Mention]) -> list[Mention]:
    """Without the figures in a bracket that opens with the writer saying what they wrote before ("Sisa
    yang benar 1.374 keping (kemarin kami tulis 1.347, lalu ralat jadi 1.437, keduanya salah)"): every
    figure up to its close is of an earlier mail, the correction of it included."""
    drop: set[int] = set()
    for w in _WRITTEN_BEFORE_BRACKET_RE.finditer(masked):
        close = masked.find(")", w.end())
        hi = close if close >= 0 else len(masked)
        drop.update(i for i, m in enumerate(mentions) if w.end() <= m.start < hi)
    return [m for i, m in enumerate(mentions) if i not in drop] if drop else mentions


_MADE_OF_RE = re.compile(
    r"[^\n.;:()]{0,24}?(?<![\w-])(?:" + vocab.alternation(vocab.MADE_OF_WORDS) + r")(?![\w-])\s*:?"
)


_COUNT_OPENER_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.COUNT_OPENERS) + r")(?![\w-])")


def _role_of_figureless_sentence(
    masked: str, kws: Sequence[Keyword], clause: tuple[int, int], starts: Sequence[int]
) -> str | None:
    """The one role, a receipt said as done or an ask, that a sentence with no figure names ("Kiriman blangko
    KTP-el sudah kami terima tadi"); None when it has a figure, names no such role, or several."""
    lo, hi = clause
    if bisect_left(starts, lo) < len(starts) and starts[bisect_left(starts, lo)] < hi:
        return None
    named = [k for k in kws if lo <= k.start < hi and k.role != "ignore" and not k.denied]
    roles = {k.role for k in named}
    if roles == {"received", "requested"} and all(k.weak for k in named if k.role == "requested"):
        # "blangko KTP-el yang Bapak/Ibu kirimkan telah kami terima": the sending named as what came is no ask.
        roles = {"received"}
    if len(roles) != 1:
        return None
    role = roles.pop()
    if role == "received" and any(k.affirmed for k in kws if lo <= k.start < hi and k.role == role):
        return role
    if role == "requested" and any(not k.weak for k in kws if lo <= k.start < hi and k.role == role):
        return role
    return None


def _without_parts(masked: str, mentions: list[Mention], kws: Sequence[Keyword]) -> list[Mention]:
    """A figure followed by the parts it is made of, to the end of its sentence ("perekaman KTP-el sebanyak 127
    orang, terdiri dari 83 pemula dan 44 perekaman ulang"): parts that add up to it, named by no other role
    than the figure's own and by no blank, are no figures of their own."""
    drop: set[int] = set()
    for i, m in enumerate(mentions):
        if m.value is None or i in drop or (lead := _MADE_OF_RE.match(masked, m.end)) is None:
            continue
        if any(m.end <= n.start < lead.end() for n in mentions):
            continue
        end = _CLAUSE_END_RE.search(masked, lead.end())
        stop = end.start() if end else len(masked)
        inside = [k for k, n in enumerate(mentions) if lead.end() <= n.start and n.end <= stop
                  and n.unit in (None, "blank", "people") and not n.rate]  # not "(usia 17 tahun)"
        values = [mentions[k].value for k in inside]
        own = next((k.role for k in reversed(kws) if k.end <= m.start and k.role != "ignore"), None)
        roles = {k.role for k in kws if lead.end() <= k.start < stop} - {"ignore"}
        if not roles <= {own}:
            continue
        if len(values) >= 2 and None not in values and sum(v for v in values if v is not None) == m.value:
            # Parts each named by a blank ("2.000 keping, terdiri dari 1.500 KTP-el dan 500 KIA") are the
            # figures of each blank, and the whole is theirs together: the whole is no figure of its own.
            drop.update((i,) if _ITEM_NAME_RE.search(masked, lead.end(), stop) else inside)
    return [m for k, m in enumerate(mentions) if k not in drop] if drop else mentions


_ALREADY_COUNTED_RE = vocab.Gated(re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.ALREADY_COUNTED_PHRASES) + r")(?![\w-])"
    r"(?=[^\S\n]*(?:[).,;]|$)|[^\S\n]+(?:[a-z]+[^\S\n]+)?(?:" + vocab.alternation(vocab.ABOVE_WORDS) + r")(?![\w-]))",
    re.MULTILINE,
), vocab.ALREADY_COUNTED_PHRASES)


def _without_counted_lines(masked: str, mentions: list[Mention]) -> list[Mention]:
    """A line of figures that ends by saying they are already in the figures above ("Rincian Krayan: rekam 57,
    cetak 49 (tidak menambah angka di atas, sudah termasuk)"): a breakdown, its figures none of their own. A
    figure after the words ("120 (sudah termasuk 20 jemput bola)") is a part named, and the line stays."""
    drop: set[int] = set()
    for said in _ALREADY_COUNTED_RE.pattern.finditer(masked):
        line_start = masked.rfind("\n", 0, said.start()) + 1
        line_end = masked.find("\n", said.end())
        line_end = len(masked) if line_end == -1 else line_end
        inside = [k for k, n in enumerate(mentions) if line_start <= n.start < line_end]
        if inside and all(mentions[k].end <= said.start() for k in inside) and len(inside) < len(mentions):
            drop.update(inside)
    return [m for k, m in enumerate(mentions) if k not in drop] if drop else mentions


def _without_breakdowns(masked: str, mentions: list[Mention], kws: Sequence[Keyword]) -> list[Mention]:
    """A figure followed by its parts in brackets ("1.250 keping KTP-el (250 keping pengganti yang terbakar
    ditambah 1.000 keping untuk pelayanan Desember)"): the parts add up to it and are no figures of their own.
    Parts named by another role ("Terpakai 64 keping (cetak 61, rusak 3)") or by a blank each ("2.000 keping
    (1.500 KTP-el dan 500 KIA)") are figures of their own."""
    drop: set[int] = set()
    for i, m in enumerate(mentions):
        if m.value is None or i in drop:
            continue
        lead = _BREAKDOWN_LEAD_RE.match(masked, m.end)
        if lead is None:
            continue
        close = masked.find(")", lead.end())
        if close == -1 or close - lead.end() > 160:
            continue
        inside = [k for k, n in enumerate(mentions) if lead.end() <= n.start and n.end <= close]
        if lead.end() - 1 > m.end and any(m.end <= n.start < lead.end() for n in mentions):
            continue  # another figure stands between the figure and the bracket
        values = [mentions[k].value for k in inside]
        if inside and _INCLUDING_OPEN_RE.match(masked, lead.end() - 1):
            # "1.180 keping (sudah termasuk yang dititip di UPT Sebatik 200 dan Krayan 150)": the parts the
            # figure already holds are no figures of their own, whatever they add up to. A stock named after the
            # parts ("(termasuk 6 keping rusak, jadi yang bisa dipakai 2.606)") is a second stock, kept.
            drop.update(k for k in inside if not any(
                w.role == "stock_on_hand" and lead.end() <= w.start and w.end <= mentions[k].start for w in kws
            ))
            continue
        roles = {k.role for k in kws if lead.end() <= k.start < close}
        if not roles <= {"requested", "ignore"}:
            continue
        if len(values) >= 2 and None not in values and sum(v for v in values if v is not None) == m.value:
            # "2.000 keping (1.500 KTP-el dan 500 KIA)": parts named by a blank each are the blanks' figures,
            # and the whole is no figure of its own.
            drop.update((i,) if _ITEM_NAME_RE.search(masked, lead.end(), close) else inside)
    return [m for k, m in enumerate(mentions) if k not in drop] if drop else mentions


# --- Year-end stock-taking: stock cards, warehouses, counts checked ---------------------------------------

_NO_DISCREPANCY_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.NO_DISCREPANCY_PHRASES) + r")(?![\w-])")
_USABLE_PART_RE = re.compile(r"(?<![\w-])(?:" + _words_re(vocab.USABLE_PART_WORDS) + r")(?![\w-])")
_INTERNAL_TRANSFER_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.INTERNAL_TRANSFER_PHRASES) + r")(?![\w-])"
)
# "Stok kami per 29 Desember: Gudang Dinas 1.540 keping, ...": a stock word, the words of whose and when, a place.
_STOCK_BEFORE_PLACES_RE = re.compile(
    r"(?<![\w-])" + _PLACE_STOCK + r"(?:[^\S\n]+(?:" + _words_re(vocab.STOCK_BEFORE_PLACES_FILLERS)
    + r")(?![\w-]))*[^\S\n]*:?[^\S\n]*" + _PLACE + r"[^\S\n]*:?[^\S\n]*$"
)


# A line naming the stock and closed by a colon, over a list of places: "Berikut posisi stok kami:".
_STOCK_HEADING_RE = re.compile(
    r"(?<![\w-])" + _PLACE_STOCK + r"(?:[^\S\n]+(?:" + _words_re(vocab.STOCK_BEFORE_PLACES_FILLERS)
    + r")(?![\w-]))*[^\S\n]*:[^\S\n]*\n$"
)
# A list line opened by a place: "- Gudang Kantor Dinas (Nunukan): ".
_PLACE_LINE_LEAD_RE = re.compile(r"[ \t>*\u2022-]*" + _PLACE + r"[^\S\n]*:?[^\S\n]*")


def _places_under_stock_heading(masked: str, pos: int) -> bool:
    """Whether the figure at *pos* opens a list of places under a heading naming the stock ("Berikut posisi stok
    kami:" / "- Gudang Kantor Dinas (Nunukan): 380 keping" / "- Gudang UPT Sebatik: 95 keping")."""
    line_start = masked.rfind("\n", 0, pos) + 1
    if line_start == 0 or not _PLACE_LINE_LEAD_RE.fullmatch(masked, line_start, pos):
        return False
    above = masked.rfind("\n", 0, line_start - 1) + 1
    return bool(_STOCK_HEADING_RE.search(masked, above, line_start))


def _empty_office_beside_warehouse(
    masked: str, clauses: Sequence[tuple[int, int]], loose: list[tuple[Mention, str]], candidates: list[Candidate]
) -> list[Candidate]:
    """"Blangko KIA di UPT Sebatik sudah habis ... Gudang dinas masih ada 640 keping": one office of the district
    empty and one warehouse's figure given, the district holds that figure (the empty office adds nothing)."""
    empty = any(
        _subunit_named(masked, a, z.start())
        for z in _ZERO_STOCK_RE.finditer(masked)
        for a, b in clauses if a <= z.start() < b
    )
    if not empty:
        return candidates
    held = [(m, snippet, lead) for m, snippet in loose
            if m.unit == "blank" and m.value
            and (lead := _PLACE_LEAD_RE.search(masked, max(masked.rfind("\n", 0, m.start) + 1, m.start - 60), m.start))
            is not None and lead.group("stock")]
    if len(held) != 1:
        return candidates  # more places than one: what each holds, a clerk adds up
    m, snippet, lead = held[0]
    if m.approximate or m.conflict or _subunit_named(masked, lead.start(), m.start):
        return candidates
    return [*candidates, Candidate("stock_on_hand", m.value, snippet, True, cues=("places_summed", "office_empty"))]



def _discrepancy_said(masked: str) -> bool:
    """Whether the mail sets two counts against each other ("selisih 21 keping"): not when it says there is
    none ("Fisik dan SIAK sama, tidak ada selisih")."""
    return bool(_DISCREPANCY_RE.search(_NO_DISCREPANCY_RE.sub(" ", masked)))


def _usable_part_of_shipment(mentions: Sequence[Mention], candidates: list[Candidate]) -> list[Candidate]:
    """A stock named as the part fit for use ("yg bisa dipakai 794") that is a figure received less another
    figure of the mail ("800 keping sudah kami terima ... 6 keping cacat") is the sound part of the shipment,
    not the stock: it is left out."""
    received = {c.value for c in candidates if c.field == "received" and c.value}
    if not received:
        return candidates
    return _without_usable_part(candidates, received, {m.value for m in mentions if m.value})


def _without_usable_part(candidates: list[Candidate], wholes: set[int], said: set[int]) -> list[Candidate]:
    """*candidates* without a stock named as the part fit for use that is one of *wholes* less a figure *said*."""
    return [
        c for c in candidates
        if not (
            c.field == "stock_on_hand" and c.value and not c.table
            and any(cue.startswith("keyword_") and _USABLE_PART_RE.search(cue) for cue in c.cues)
            and any(whole > c.value and whole - c.value in said for whole in wholes)
        )
    ]


def _usable_part_of_delivery(
    kws: Sequence[Keyword], mentions: Sequence[Mention], candidates: list[Candidate]
) -> list[Candidate]:
    """"kiriman sudah kami terima. Di surat jalan 2.000 keping, tapi 1 dus (100 keping) basah ..., jadi yang bisa
    dipakai 1.900": with a receipt said as done and no count received read, a stock named as the part fit for use
    that is a figure of the mail less another of its figures is the sound part of the delivery, not the stock."""
    if any(c.field == "received" and c.value for c in candidates):
        return candidates
    if not any(k.role == "received" and k.affirmed for k in kws):
        return candidates
    # the figures said, also those inside a package's count ("1 dus (100 keping)")
    said = {m.value for m in mentions if m.value} | {
        int(f.replace(".", "")) for m in mentions for f in _PLAIN_FIGURE_RE.findall(m.text)
    }
    return _without_usable_part(candidates, said, said)


_PAPER_FIGURE_NEXT_RE = re.compile(r"[^\S\n]*(?:tertulis|tercantum|tercatat|sebanyak|ada)?[^\S\n]*:?[^\S\n]*$")


def _papers_figure_received(
    original: str, masked: str, kws: Sequence[Keyword], mentions: Sequence[Mention], candidates: list[Candidate]
) -> list[Candidate]:
    """"Pak, kiriman sudah kami terima. Di surat jalan 2.000 keping, tapi 1 dus (100 keping) basah": with a receipt
    said as done and no count received read, the delivery papers' figure, with no count of what came set against
    it, is the count received (the damage is reported beside it)."""
    if any(c.field == "received" for c in candidates) or not any(k.role == "received" and k.affirmed for k in kws):
        return candidates
    said = {c.value for c in candidates if c.value is not None}
    for paper in _PAPER_FIGURE_RE.finditer(masked):
        m = next((mm for mm in mentions if mm.start >= paper.end()), None)
        if (
            m is None or m.value is None or m.approximate or m.conflict or m.unit not in (None, "blank")
            or m.value in said or _PAPER_FIGURE_NEXT_RE.fullmatch(masked, paper.end(), m.start) is None
            or _RECOUNT_RE.search(masked, m.end, m.end + _RECOUNT_WINDOW)
        ):
            continue
        line_lo = masked.rfind("\n", 0, paper.start()) + 1
        line_hi = masked.find("\n", m.end)
        snippet = _snippet(original, paper.start(), m.end, line_lo, line_hi if line_hi != -1 else len(masked))
        return [*candidates, Candidate("received", m.value, snippet, True, cues=("by_the_papers_received",))]
    return candidates


def _totals_by_item(
    masked: str, clauses: Sequence[tuple[int, int]], loose: list[tuple[Mention, str]], candidates: list[Candidate]
) -> tuple[list[Candidate], list[tuple[Mention, str]]]:
    """"1. Gudang Dinas: KTP-el 2.880, KIA 1.402" / "2. Gerai MPP: KTP-el 215, KIA 96" / "Total KTP-el 3.095
    keping, KIA 1.498 keping": a figure left without a role in a clause opened by a total word, that adds up
    the figures of one role read for its blank before it (two or more), is that role's total for the blank."""
    kept: list[tuple[Mention, str]] = []
    found: list[Candidate] = []
    for m, snippet in loose:
        c_start = next((a for a, b in clauses if a <= m.start < b), None)
        if c_start is None or m.value is None or m.approximate or m.conflict:
            kept.append((m, snippet))
            continue
        opener = _TOTAL_OPENS_RE.match(masked, c_start)
        comma = masked.rfind(",", c_start, m.start)
        item, ambiguous = explicit_item(masked[(comma + 1 if comma != -1 else c_start) : m.start])
        if opener is None or item is None or ambiguous:
            kept.append((m, snippet))
            continue
        mine = [c for c in candidates if c.item == item and c.value is not None and not c.total and c.doubt is None]
        fields = {c.field for c in mine}
        if len(fields) == 1 and len(mine) > 1 and sum(c.value for c in mine if c.value) == m.value:
            found.append(Candidate(fields.pop(), m.value, snippet, True, total=True, item=item,
                                   cues=("result_of_sum", f"parts:{len(mine)}", f"item:{item}")))
        else:
            kept.append((m, snippet))
    return candidates + found, kept


def _zero_at_named_place(masked: str, z_end: int, c_end: int) -> bool:
    """Whether a word of zero is said of a place the mail names elsewhere as one office of the district: "KIA
    habis di Sebatik" above "Blangko KIA di UPT Sebatik sudah habis" is that office's part of the stock."""
    at = _ZERO_PLACE_AFTER_RE.match(masked, z_end, c_end)
    if at is None:
        return False
    name = at.group("name")
    return any(other.group("name") == name for other in _SUBUNIT_NAME_RE.finditer(masked))


_ZERO_PLACE_AFTER_RE = re.compile(r"[^\S\n]+(?:di|pada|at)[^\S\n]+(?P<name>[a-z]{3,})(?![\w-])")
_SUBUNIT_NAME_RE = re.compile(
    r"(?<![\w-])(?:" + vocab.alternation(vocab.NAMED_SUBUNIT_WORDS) + r")[^\S\n]+(?:kec\.?[^\S\n]+|kecamatan"
    r"[^\S\n]+)?(?P<name>[a-z]{3,})(?![\w-])"
)


def _item_of_figure_said_before(masked: str, before: Sequence[Mention], m: Mention) -> str | None:
    """The blank of the line that gave a correction's figure before ("Blangko KTP-el : fisik 1.204 keping, SIAK
    1.212 keping" ... "Jadi angka yang benar adalah angka SIAK, 1.212 keping"): the correction picks that line's
    figure, so it is of that blank; None when no line, or lines of both blanks, gave it."""
    items: set[str | None] = set()
    for earlier in before:
        if earlier.value != m.value:
            continue
        line_start = masked.rfind("\n", 0, earlier.start) + 1
        line_end = masked.find("\n", earlier.end)
        items.add(_item_of_mention(masked, line_start, earlier, line_end if line_end != -1 else len(masked)))
    return items.pop() if len(items) == 1 else None


_AS_MANY_AS_STUDENTS_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.AS_MANY_AS_STUDENTS_PHRASES) + r")(?![\w-])"
)
_STUDENTS_AFTER_RE = re.compile(r"[^\S\n]*(?:" + _words_re(vocab.STUDENT_NOUNS) + r")(?![\w-])")


def _asked_as_many_as_students(
    original: str, masked: str, mentions: Sequence[Mention], candidates: list[Candidate]
) -> list[Candidate]:
    """"17 sekolah, total 1.150 siswa kelas XII ... please send blangko sejumlah siswa tersebut": an ask for as
    many blanks as the students counted, with no figure of its own, asks for the one count of students given
    (a count of students is otherwise never one of blanks). Two counts of students leave it to a clerk."""
    ask = _AS_MANY_AS_STUDENTS_RE.search(masked)
    if ask is None or any(c.field == "requested" and c.value is not None for c in candidates):
        return candidates
    counts = [m for m in mentions if m.value and m.value > 1 and m.unit == "people" and m.start < ask.start()
              and not m.approximate and _STUDENTS_AFTER_RE.match(masked, m.end)]
    if len({m.value for m in counts}) != 1:
        return candidates
    m = counts[-1]
    lo = max(masked.rfind("\n", 0, m.start) + 1, m.start - 60)
    end = masked.find(".", ask.end())
    snippet = " ".join(original[lo : end if end != -1 else len(original)].split())
    rest = [c for c in candidates if c.field != "requested"]
    return [*rest, Candidate("requested", m.value, snippet, True, cues=("as_many_as_students",))]


_TRANSFER_WINDOW = 40


def received_within_district(new_low: str, candidates: list[Candidate]) -> list[Candidate]:
    """Without the figures received that the mail says moved between the district's own stores ("Krayan terima
    300 dari gudang dinas, bukan dari provinsi") or that a stock card's "masuk" column adds up to nothing (its
    total row 0): no shipment came from the province."""
    moved: set[int] = set()
    for found in _INTERNAL_TRANSFER_RE.finditer(new_low):
        # The figure moved is said right before where it came from: "terima 300 dari gudang dinas".
        lo = max(new_low.rfind("\n", 0, found.start()), new_low.rfind(". ", 0, found.start()),
                 found.start() - _TRANSFER_WINDOW) + 1
        moved.update(m.value for m in find_mentions(new_low[lo : found.start()]) if m.value)
    return [
        c for c in candidates
        if not (c.field == "received" and c.value is not None and (
            c.value in moved or (c.value == 0 and c.table and "total_row" in c.cues and "per_day" in c.cues)))
    ]


_THANKED_RECEIPT_RE = re.compile(
    r"(?:^|(?<=[\n.!?]))[^\S\n]*(?:" + _words_re(vocab.THANKED_RECEIPT_OPENERS) + r")(?![\w-])"
)


_STOCK_UPDATE_ASKED_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.STOCK_UPDATE_ASKS) + r")(?![\w-])")


def need_answered_to_circular(quoted_low: str, new_low: str, candidates: list[Candidate]) -> list[Candidate]:
    """Without the figures asked that are named only by a noun of need (in words, "Kebutuhan s.d. Desember KTP-el
    2.500", or as a table's column, "| Kebutuhan s.d. Des |"), in a reply whose quoted mail asks for a stock
    update (STOCK_UPDATE_ASKS) and whose own words ask for nothing: the need the circular's form asked for,
    filled in, is no request."""
    if not _STOCK_UPDATE_ASKED_RE.search(quoted_low) or _SEND_ASK_ANYWHERE_RE.search(mask_non_quantities(new_low)):
        return candidates

    def need_only(c: Candidate) -> bool:
        if c.table:
            return any(cue.startswith("table_column:") and _NEED_HEADER_RE.search(cue.lower()) for cue in c.cues)
        return not c.strong and bool(_NEED_NOUN_CUES.intersection(c.cues))

    return [c for c in candidates if not (c.field == "requested" and need_only(c))]


def thanked_receipt_in_request(new_low: str, candidates: list[Candidate]) -> list[Candidate]:
    """Without a figure received said in a sentence of thanks ("Terima kasih kiriman 450 keping sudah sampai")
    in a mail that asks for blanks with a figure of its own: the thanks are for a shipment booked when it came;
    the mail is the new ask."""
    if not any(c.field == "requested" and c.value is not None and c.doubt is None for c in candidates):
        return candidates
    thanked: set[int] = set()
    for opener in _THANKED_RECEIPT_RE.finditer(new_low):
        ended = _SENTENCE_END_RE.search(new_low, opener.end())
        thanked.update(m.value for m in find_mentions(new_low[opener.end() : ended.start() if ended else None])
                       if m.value is not None)
    return [c for c in candidates if not (c.field == "received" and c.value in thanked)]


# A figure typed with the letter O for a zero: "sisa blangko 3.49O".
_LETTER_ZERO_RE = re.compile(r"\d[.,]?[oO]|[oO][.,]?\d")


def read_text(
    original: str,
    low: str,
    answer_role: str | None = None,
    sent: datetime | None = None,
    restated: frozenset[int] = frozenset(),
    elsewhere: re.Pattern[str] | None = None,
) -> tuple[list[Candidate], list[str]]:
    """Candidates from running text; original and low (normalised) must have equal length.

    answer_role: the role a quoted question asked for; the one figure of the text that has no
    role of its own ("Jumlahnya 500 keping") takes it. restated: figures the writer asked for in
    an earlier message quoted below; the same figure said again without a role of its own ("yg
    2.500 minggu lalu kapan dikirim?") is that request, chased. elsewhere: the names of the other
    districts; a figure said of one of them is left out.
    """
    masked = mask_non_quantities(low)
    of_a_year = _YEARLY_RE.search(low, 0, _HEAD_CHARS) is not None  # looked for before the year is masked
    # A bare year ("kebutuhan 2027") is no quantity, and no boundary between a role word and its number.
    mentions = [m for m in find_mentions(low, masked) if not (m.year and m.unit != "blank")]
    kws = keywords(masked)
    if "(" in masked and len(mentions) > 2:
        mentions = _without_breakdowns(masked, mentions, kws)
    if len(mentions) > 1 and "(" in masked:
        mentions = _without_written_before(masked, mentions)
    if len(mentions) > 2:
        mentions = _without_parts(masked, mentions, kws)
        if _ALREADY_COUNTED_RE.search(masked):
            mentions = _without_counted_lines(masked, mentions)
    candidates: list[Candidate] = []
    unassigned: list[str] = []
    openings: list[tuple[Mention, str, str]] = []  # figures of an opening stock: (mention, snippet, clause)
    clauses = _clauses(masked) if _ZERO_STOCK_RE.search(masked) else None  # computed once, when first needed
    zero = _zero_stock(original, masked, clauses, low, sent) if clauses is not None else []
    zero += _zero_values(original, masked, kws, zero)
    if not mentions:
        return _zero_answer(original, low, answer_role, zero), unassigned
    candidates.extend(zero)
    if clauses is None:
        clauses = _clauses(masked)
    sections = _sections(masked) if "\n" in masked else []
    ci = 0
    last: tuple[int, Candidate] | None = None  # the last candidate taken, with its clause start
    ignored_end = -1  # the end of the last figure its clause gave no role ("bukan 2.518")
    taken: list[tuple[int, Candidate]] = []  # every candidate taken, with its clause start
    placed: list[tuple[int, Candidate]] = []  # the candidates of running text, with their figure's start
    loose: list[tuple[Mention, str]] = []  # figures without a role, with their snippets
    # "dari 1.500 menjadi 2.500", "from 1,500 to 2,500": the index of each figure something became.
    changed_to = {
        i + 1 for i, (a, b) in enumerate(zip(mentions, mentions[1:], strict=False))
        if (_CHANGE_FROM_RE.search(masked, max(0, a.start - 12), a.start)
            and _CHANGE_TO_RE.fullmatch(masked, a.end, b.start))
        or _CHANGE_VERB_TO_RE.fullmatch(masked, a.end, b.start)
    } if len(mentions) > 1 else set()
    changed_from: tuple[str, bool, Keyword | None] | None = None
    starts = [mm.start for mm in mentions]
    month_named = names_a_month(low)
    # "8 keping/hari x 25 hari = 200 keping": the indexes of the two factors of each product written out.
    factors = {
        k for i in range(len(mentions) - 2) if _is_product(masked, *mentions[i : i + 3]) for k in (i, i + 1)
    }
    items_of: dict[int, str | None] = {}  # the blank each figure read so far is said of, by its index
    made = len(candidates)  # the candidates before those of the figure read last
    for idx, m in enumerate(mentions):
        more_asked = False
        made_before, made = candidates[made:], len(candidates)
        while ci < len(clauses) - 1 and clauses[ci][1] <= m.start:
            ci += 1
        c_start, c_end = clauses[ci]
        prev_end = c_start
        if idx > 0 and mentions[idx - 1].end > c_start:
            prev_end = mentions[idx - 1].end
        next_start = c_end
        if idx + 1 < len(mentions) and mentions[idx + 1].start < c_end:
            next_start = mentions[idx + 1].start
        comma = masked.find(",", m.end, next_start)
        after_limit = comma if comma != -1 else next_start
        took_back = idx > 0 and _taken_back(masked, mentions[idx - 1], m)
        if took_back and made_before:
            # "2.000 keping, eh bukan, 3.000 keping", "sisa 300, sori typo, 250": the figure before is taken back;
            # this one stands in its place, in its role and blank.
            gone = {id(c) for c in made_before}
            candidates = [c for c in candidates if id(c) not in gone]
            taken = [t for t in taken if id(t[1]) not in gone]
            placed = [p for p in placed if id(p[1]) not in gone]
            made = len(candidates)
            for candidate in _in_place_of(made_before, m, _snippet(original, m.start, m.end, c_start, c_end)):
                candidates.append(candidate)
                last = (c_start, candidate)
                taken.append(last)
                placed.append((m.start, candidate))
            continue
        if took_back:
            dropped = [pair for pair in loose if pair[0] is mentions[idx - 1]]
            if not dropped:
                # A figure taken back for one that was not read (damaged cards, another office's) is not read either.
                ignored_end = m.end if ignored_end == mentions[idx - 1].end else ignored_end
                continue
            # A figure with no role taken back: it is no longer one of the figures left without a role.
            loose = [pair for pair in loose if pair[0] is not mentions[idx - 1]]
            unassigned.remove(dropped[0][1])
        before = [
            k for k in kws
            if k.start >= prev_end and k.end <= m.start
            and not (prev_end > c_start and _postfix_of_previous(masked, prev_end, k, m.start))
            # the words that took the figure before back ("eh bukan", "typo") name no role of this one
            and not (took_back and k.start >= mentions[idx - 1].end)
        ]
        if len(before) > 1 and (amount := _AMOUNT_CLAUSE_RE.search(masked, before[0].end, m.start)) is not None:
            # "kami sampaikan kebutuhan blangko KTP-el ..., yang akan digunakan untuk pelayanan perekaman ...,
            # sebanyak 4.000 keping": the words of the relative clause between say what the blanks are for; the
            # amount closes the noun of need or asking before it.
            relative = _RELATIVE_CLAUSE_OPEN_RE.search(masked, before[0].end, amount.start())
            if relative is not None:
                asking = [k for k in before if k.role == "requested" and k.end <= relative.start()]
                if asking and not any(k.role == "requested" and k.start >= relative.end() for k in before):
                    before = asking[-1:]
        if len(before) > 1 and "(" in masked[before[0].end : m.start]:
            before = _without_aside_words(masked, before, m.start)
        if before and "(" in masked[prev_end : before[0].start] and all(k.role == "ignore" for k in before) and all(
            _in_closed_aside(masked, k, m.start) for k in before
        ):
            # "Pengganti blangko retur (cacat produksi) sebanyak 56 keping sudah kami terima": a defect named in an
            # aside describes the blanks; it names no count of the figure after the bracket.
            before = []
        if before and "-" in masked[before[0].end : m.start]:
            # "Stok awal 1.240 | terima - | pakai 96": a dash in the role word's cell says it has no figure; the
            # figure after the next separator is the next cell's.
            before = [k for k in before if not _NIL_CELL_AFTER_RE.match(masked, k.end)]
        if not before and ignored_end == prev_end > c_start and _CORRECTION_RE.search(masked, prev_end, m.start):
            # "sisa blangko bukan 2.518 tetapi 2.581", "sebelumnya 3.000 keping kami ubah menjadi
            # 2.000": the corrected figure takes the role its clause names.
            before = [k for k in kws if k.start >= c_start and k.end <= m.start and k.role != "ignore"]
        elif not before and prev_end > c_start and _ITEM_LIST_RE.fullmatch(masked, prev_end, m.start):
            # "Sisa blangko: KTP-el 859 keping, KIA 411 keping": blanks listed under one role word.
            before = [k for k in kws if k.start >= c_start and k.end <= m.start]
        elif not before and _CONTINUATION_RE.search(masked, prev_end, m.start):
            # "..., tepatnya 396", "... dan blangko KIA 500": the role carries over from the clause.
            before = [k for k in kws if k.start >= c_start and k.end <= m.start]
            if prev_end > c_start and (aside := _aside_of_previous(masked, c_start, prev_end, m.start)):
                # "permohonan blangko KIA 800 keping (sisa 130) dan blangko KTP-el 1.500": not the aside's word.
                before = [k for k in before if not aside[0] <= k.start < aside[1]]
            if ignored_end == prev_end > c_start:
                # "total yang diterima selama periode tersebut 26.500 keping KTP-el dan 7.000 keping KIA": a figure
                # joined to one left out (a running total, another district's) is left out with it.
                ignored_end = m.end
                continue
        elif (
            not before and prev_end > c_start and m.unit == "blank" and mentions[idx - 1].unit == "other"
            and "," not in masked[prev_end : m.start] and not _PACK_SIZE_RE.search(masked, prev_end, m.start)
        ):
            # "kebutuhan kami untuk 20 hari kerja adalah 2.800 keping": the role word passes over a figure
            # of something else (days, kecamatan) to the count of blanks it names ("5 dus @ 500 keping" gives
            # the size of a box, no count).
            other = mentions[idx - 1]
            lo = mentions[idx - 2].end if idx > 1 and mentions[idx - 2].end > c_start else c_start
            before = [k for k in kws if k.start >= lo and k.end <= other.start
                      and "," not in masked[k.end : other.start]]
        # "dr 2.000 yg dikirim baru diterima 1.000": a role word right before the next figure is that figure's.
        next_own = -1
        if comma == -1 and next_start < c_end:
            next_own = next_start
            while next_own > m.end and masked[next_own - 1] in " \t:":
                next_own -= 1
        after = [
            k for k in kws
            if k.start >= m.end and k.end <= after_limit and k.end != next_own
            and (
                k.role in _AFTER_ROLES
                or _RELATIVE_BEFORE_RE.search(masked, max(m.end, k.start - 24), k.start)
                # "380 KTP-el blanks left", "58 enrolled": a role word right after the figure and its noun.
                or _people_recorded(masked, m.end, k)
                or (" ".join(masked[k.start : k.end].split()) in _POSTFIX_ROLE_WORDS
                    and _postfix_gap(masked, m.end, k.start)
                    # "109 (termasuk 23 perekaman jemput bola)": a part of the figure before, no count of its own
                    and not _PART_LEAD_RE.search(masked, max(c_start, m.start - 16), m.start))
            )
        ]
        if after and "-" in masked[m.end : after[-1].end + 4]:
            # "awal 800 | masuk - | pakai 52": nor does a role word whose cell is empty name the figure before it.
            after = [k for k in after if not _NIL_CELL_AFTER_RE.match(masked, k.end)]
        if after and masked.startswith("(", m.end + len(masked[m.end :]) - len(masked[m.end :].lstrip())):
            # "KIA: 520 (sudah terima kiriman)": a bracket noting that a shipment came, its object named and no
            # figure of its own, says what the figure before it holds; it is no count received.
            after = [k for k in after if not (k.role == "received" and _SHIPMENT_NOTED_RE.match(masked, k.end))]
        if not before and not after and idx + 1 < len(mentions) and next_start < c_end:
            # "tiga ribu keping KTP-el dan seribu lembar KIA sudah sampai": figures joined by "dan"
            # share the role word said after the last of them.
            nxt = mentions[idx + 1]
            if _COORDINATION_RE.search(masked, m.end, nxt.start) and not any(
                m.end <= k.start < nxt.start for k in kws
            ):
                nxt_next = mentions[idx + 2].start if idx + 2 < len(mentions) else c_end
                nxt_limit = min(nxt_next, c_end)
                comma2 = masked.find(",", nxt.end, nxt_limit)
                nxt_limit = comma2 if comma2 != -1 else nxt_limit
                after = [
                    k for k in kws
                    if k.start >= nxt.end and k.end <= nxt_limit
                    and (k.role in _AFTER_ROLES
                         or _RELATIVE_BEFORE_RE.search(masked, max(nxt.end, k.start - 24), k.start))
                ]
        if not before and not after and idx + 1 < len(mentions) and next_start < c_end and _PACKED_IN_RE.fullmatch(
            masked, m.end, mentions[idx + 1].start
        ) and _PACKAGE_AFTER_RE.match(masked, mentions[idx + 1].end):
            # "3.000 (tiga ribu) keping dalam 6 (enam) box telah kami terima": the role word after the count of
            # packages is the blanks' (the packages count no blanks).
            pack = mentions[idx + 1]
            pack_limit = min(mentions[idx + 2].start if idx + 2 < len(mentions) else c_end, c_end)
            after = [k for k in kws if k.start >= pack.end and k.end <= pack_limit and k.role in _AFTER_ROLES
                     and k.role != "ignore"]
        # A receipt verb before the figure, or among its own words after it ("2.000 keping sudah
        # kami terima"); one past the next figure is that figure's ("..., yg sebelumnya 1.000 keping
        # sdh diterima").
        clause_has_receipt = any(k.receipt_verb and c_start <= k.start < next_start for k in kws)
        role, strong, keyword = _role_for(m, before, after, clause_has_receipt, masked)
        if role == "requested" and not strong and _MORE_AFTER_RE.match(masked, m.end):
            # "kebutuhan tambahan kami cukup 300 (tiga ratus) keping lagi": 300 more is asked for.
            strong = True
        if role == "ignore" and keyword is not None and len(before) > 1 and keyword is before[-1] and (
            before[-2].role in _WORK_AND_RECEIPT_ROLES
            and " ".join(masked[keyword.start : keyword.end].split()) in _period_now_words(low)
            and not _BETWEEN_ROLE_AND_PERIOD_RE.sub("", masked[before[-2].end : keyword.start]).strip()
        ):
            # "Cetak KIA minggu ini: 212 lembar" in a weekly report: the week is the report's own.
            role, strong, keyword = before[-2].role, True, before[-2]
        if role == "ignore" and keyword is not None and len(before) > 1 and keyword is before[-2] and (
            before[-1].role in _WORK_ROLES
            and not masked[keyword.end : before[-1].start].strip()
            and _period_is_reports_own(masked, low, keyword)
        ):
            # "Laporan KIA minggu ini pencetakan KIA 61 lembar": the week named before the count's name is the
            # report's own, not another span's running total.
            role, strong, keyword = before[-1].role, True, before[-1]
        became = idx in changed_to and role in (None, "ignore") and changed_from is not None
        if became and changed_from is not None:
            # "menambah permintaan dari 1.500 menjadi 2.500 keping": the figure it became takes the role of
            # the figure it was; that one is the old figure.
            role, strong, keyword = changed_from
        changed_from = None
        if idx + 1 in changed_to and role not in (None, "ignore"):
            changed_from = (role, strong, keyword)
            ignored_end = m.end
            continue
        if role not in (None, "ignore") and (
            qualifier := next((k for k in kws if k.start >= m.end and k.end <= after_limit), None)
        ) is not None and qualifier.role == "ignore" and not qualifier.denied and _counts_a_defect(
            " ".join(masked[qualifier.start : qualifier.end].split()), role, masked, m.end, qualifier.start, m.start
        ) and not _NUMBER_NEXT_RE.match(masked, qualifier.end):
            # "selisih stok termasuk 0 keping rusak", "12 lembar gagal cetak": the word right after the
            # figure and its unit says what it counts, whatever the role word before. (Beside a receipt
            # the damaged cards may be part of those received or on top of them: a clerk asks.) A word with a
            # figure right after it labels that figure, as each word before it labels its own ("sisa ktp 640
            # rusak 2").
            role, strong, keyword = "ignore", True, qualifier
        if role in _WORK_ROLES and _RECORDS_AFTER_RE.match(masked, m.end):
            # "data perekaman ... (312 data, 12-18 Juli) belum tersinkron": records in the system, not the work.
            ignored_end = m.end
            continue
        if role is None and (
            (lead := _list_lead_role(masked, m.start, kws, low)) is not None
            or (lead := _form_lead_role(masked, low, m.start, kws)) is not None
        ):
            # "Kiriman hari ini sudah kami terima lengkap:" / " * blangko KTP-el : 1.200 keping": a list
            # under a sentence ending with a colon; its figures have the role the sentence names.
            role, strong, keyword = lead.role, True, lead
        if role == "stock_on_hand" and _TARGET_STOCK_RE.search(masked, max(prev_end, c_start), m.start):
            # "kami perlu stok 2.000 keping", "agar stok penyangga mencapai 3.000": a stock to reach is a
            # need, and what is asked is what it lacks.
            role, strong = "requested", False
        # "Tidak perlu banyak, cukup 600 keping saja": what is not needed is many; the amount said enough is asked.
        need_denied = keyword is not None and role == "ignore" and keyword.denied and keyword.word_role == "requested"
        enough_lo = max(prev_end, c_start, keyword.end if keyword is not None and need_denied else 0)
        if (role is None or need_denied) and _enough_ask(masked, enough_lo, m.start, m.end):
            # "Kami tidak sebanyak itu, cukup 800 keping saja": the amount said to be enough is the one asked.
            role, strong = "requested", True
        elif (
            (role is None or need_denied)
            and any(c.field == "stock_on_hand" and c.value is not None for c in candidates)
            and _enough_after_stock(masked, enough_lo, m.start, m.end)
        ):
            # "Stok kami tinggal 200. Minimal 600 keping", "... 600 keping saja cukup": after the writer's stock, the
            # least they need, or an amount said to be enough, is the amount asked.
            role, strong = "requested", True
        if role == "requested" and strong and m.least and not (
            idx + 1 < len(mentions) and mentions[idx + 1].start < c_end and mentions[idx + 1].approximate
        ):
            # "kami butuh minimal 1.800 keping", "stok tinggal 200. Minimal 600 keping": the least asked for is the
            # amount asked. (With a most beside it, "minimal 1.000, maksimal 1.500", it is a range: a clerk asks.)
            m = replace(m, approximate=False, least=False)
        snippet = _snippet(original, m.start, m.end, c_start, c_end)
        if keyword is not None and (pair := _slash_pair(masked, kws, keyword, m)) is not None:
            # "Rekam/cetak hari ini: 156/139": two role words joined by a slash, two figures joined by one;
            # each figure is its word's, in order. Of roles that are not two, a clerk asks.
            for field, value in pair:
                candidates.append(Candidate(field, value, snippet, True, None if value is not None else "conflict",
                                            item=_item_of_mention(masked, prev_end, m, next_start),
                                            cues=("slash_pair",)))
            last = (c_start, candidates[-1])
            taken.append(last)
            continue
        if m.unit == "other" or m.rate:
            continue
        own_lo = max(prev_end, masked.rfind(",", prev_end, m.start) + 1)
        if (
            role in _WORK_AND_RECEIPT_ROLES
            and (opened := _PERIOD_OPENER_RE.match(low, c_start))
            and opened.end() <= m.start
            and _before_month_of(opened, sent)
        ):
            # "Pada bulan Oktober 2026 kami telah menerima 1.500 keping ..., dan s.d. 3 Desember telah
            # tercetak 1.290": a sentence opened by an earlier month tells that month's figures, not this report's.
            ignored_end = m.end
            continue
        if (
            role in _WORK_AND_RECEIPT_ROLES
            and (past := _PAST_PERIOD_OPENER_RE.match(low, c_start))
            and past.end() <= m.start
        ):
            # "Last month we received 3,000", "Bulan lalu kami terima 2.000 keping": a sentence opened by a
            # past period tells that period's figures too.
            ignored_end = m.end
            continue
        if role in _LOAN_MISREAD_ROLES and keyword is not None and _lent_between(masked, keyword, m):
            # "Bila diperlukan, Kota Tarakan bisa meminjamkan 500 keping": blanks offered on loan, asked by no one;
            # "Menanggapi kondisi stok di Malinau, Tarakan bersedia meminjamkan 500 keping": nobody's stock either.
            ignored_end = m.end
            continue
        if role == "requested" and idx and _whole_of_received(masked, mentions[idx - 1], m, last):
            # "baru diterima blangko 1.000 keping dari 3.500 keping yang kami mohon bulan lalu": the whole the
            # received part is of, the ask made before, is asked by no one now.
            ignored_end = m.end
            continue
        if role == "requested" and idx and _asked_aside_received(masked, mentions[idx - 1], m, last):
            # "sudah kami terima sebanyak 400 lembar (permintaan kami 402, tidak apa-apa)": the ask the shipment
            # answered, said in passing beside what came, is asked by no one now.
            ignored_end = m.end
            continue
        if role == "received" and idx and keyword is not None and keyword.start >= m.end and (
            _PART_OF_GAP_RE.fullmatch(masked, mentions[idx - 1].end, m.start) is not None
        ):
            # "Only 600 of the 1,500 blanks have arrived", "baru 600 dari 1.500 keping yang sampai": the figure
            # the arrival words follow is the whole of which a part came, not the count received; left unread
            # (a person is asked) rather than booked as a complete receipt.
            ignored_end = m.end
            continue
        if role == "requested" and keyword is not None and _counter_applications(masked, kws, keyword, m):
            # "KIA report hari ini: pengajuan 48, cetak 45": the applications of the day, asked by no one.
            ignored_end = m.end
            continue
        if role == "requested" and m.value is not None and m.value < _FEWEST_ASKED and m.unit is None:
            # "[10.05] Dimas Capil Blg: siap pak blg kirim 2" under "kuota 2 org per kab": no office asks the
            # province for a handful of blanks; a bare figure that small counts something else (people, boxes).
            ignored_end = m.end
            continue
        if role == "requested" and _PAST_YEAR_RE.search(masked, c_start, m.start):
            # "Di arsip kami, tahun lalu kami meminta 3.000 keping": the request of a past year.
            ignored_end = m.end
            continue
        if role == "requested" and _later_year_plan(low, m.start, sent):
            # "Usulan 2028 kami tetap 4.000 ya" sent in 2027: the coming year's plan, not an ask for now.
            ignored_end = m.end
            continue
        own_span = Span(
            masked, own_lo, m.start, m.end, after_limit, role,
            keyword.end if keyword is not None and keyword.end <= m.start else -1, m.value, of_a_year,
        )
        if about_something_else(own_span, elsewhere):
            ignored_end = m.end
            continue
        if role == "stock_on_hand" and _deposited_stock_named(own_span):
            # The consignment an office keeps for the district, as its own report: which part of the district's
            # stock it is, a clerk asks; never booked as the stock.
            candidates.append(Candidate(role, None, snippet, True, "unclear", cues=("deposited_part",)))
            ignored_end = m.end
            continue
        if role in (None, "requested") and _said_of_approval(masked, kws, own_lo, m, after_limit):
            # "kurang 100 keping dari yang disetujui (2.500 keping)", "atas persetujuan permohonan ...
            # sebanyak 2.000 keping": the figure the desk approved, said back, is asked by no one now.
            ignored_end = m.end
            continue
        correction_lo = max(c_start, prev_end)
        opener = bool(_CORRECTION_OPENER_RE.search(masked, correction_lo, m.start))
        if opener and role not in (None, "ignore") and _corrects_another_report(masked, taken, role, c_start, m.start):
            # "Pencetakan : 120 ... koreksi utk laporan tgl 13/06: pencetakan yg benar 46": the correction is of
            # another day's report; this report's figure stands.
            ignored_end = m.end
            continue
        if not opener and role is None and _AGREED_LEAD_RE.fullmatch(masked, correction_lo, m.start):
            # "[07.20] A: ... 1.000 kurang. 1.500 pak?" / "[07.22] B: Ok 1.500": a figure agreed to on its own
            # settles the one proposed before it, as a correction does.
            opener = True
        if (
            not opener and prev_end > c_start and _INSTEAD_OF_DENIED_RE.fullmatch(masked, prev_end, m.start)
            and _DENIED_FIGURE_RE.search(masked, max(0, mentions[idx - 1].start - 12), mentions[idx - 1].start)
        ):
            # "Maaf Pak typo, sisa stok bukan 1.300 tapi 300 keping": the figure after the one denied is the one
            # meant, correcting it.
            opener = True
        correcting = last is not None and opener
        if not opener and last is not None and role not in (None, "ignore"):
            # "ralat, pencetakan yg benar 99 (...), jadi sisa blangko 490": a figure worked out from the
            # correction ("jadi", "sehingga") in the sentence it opens is corrected with it.
            sentence_lo = max(masked.rfind("\n", 0, m.start), masked.rfind(". ", 0, m.start)) + 1
            opened = _CORRECTION_OPENER_RE.search(masked, sentence_lo, m.start)
            correcting = opened is not None and bool(_RESULT_LEAD_RE.search(masked, opened.end(), m.start))
        # "di lampiran tertulis sisa blangko 1.400, yang benar 1.040": the figure set aside just before
        # is corrected, also when it was set aside in a table or in an earlier mail.
        corrects_set_aside = opener and ignored_end == prev_end > c_start
        if (
            role is None and m.value is not None and m.value in restated and not (m.approximate or m.conflict)
            and (raised := _CHANGED_TO_RE.match(masked, m.end)) is not None
            and idx + 1 < len(mentions) and mentions[idx + 1].start == raised.end()
        ):
            # "yg kemarin 2rb jadi 3rb ya pak": the figure asked before, changed; the one it became is asked.
            changed_to.add(idx + 1)
            changed_from = ("requested", True, None)
        if (
            role in (None, "ignore")
            and m.value is not None
            and m.value in restated
            and not (m.approximate or m.conflict)
            # "yang 2.000 kemarin batal saja, cukup 1.200": the figure asked before, called off.
            and not _called_off(masked, m)
            # "ralat, jd 1.500 ya bkn 1rb": the figure asked before, denied for the new one.
            and not _DENIED_FIGURE_RE.search(masked, max(0, m.start - 12), m.start)
            # "yg kemarin 2rb jadi 3rb ya pak": the figure asked before, changed to another.
            and not _CHANGED_TO_RE.match(masked, m.end)
            and (
                role is None
                or (
                    keyword is not None
                    and not keyword.denied
                    and " ".join(masked[keyword.start : keyword.end].split()) in _EARLIER_WORDS
                )
            )
        ):
            # "yg 2.500 minggu lalu kapan dikirim?" below the writer's own "usul tambahan 2.500
            # keping": the request chased is the one asked before.
            role, strong, keyword = "requested", True, None
            candidates.append(
                Candidate(
                    "requested", m.value, snippet, True,
                    item=_item_of_mention(masked, prev_end, m, next_start), earlier=True,
                )
            )
            last = (c_start, candidates[-1])
            taken.append(last)
            continue
        if (
            role is None and ci > 0 and m.value is not None and not (m.approximate or m.conflict)
            and m.unit in (None, "blank") and not m.rate and (m.unit == "blank" or m.value >= 10)
            and _COUNT_OPENER_RE.search(masked, max(c_start, m.start - 40), m.start)
            and not any(c_start <= n.start < m.start and n.unit in (None, "blank") for n in mentions[:idx])
            and (carried := _role_of_figureless_sentence(masked, kws, clauses[ci - 1], starts)) is not None
        ):
            # "Kiriman blangko KTP-el sudah kami terima tadi. Jumlahnya 1.000 keping": the first count of a
            # sentence, after a count word, following one that names a receipt (or an ask) with no figure, is
            # that receipt's figure.
            role, strong, keyword = carried, True, None
        if role is None and correcting and last is not None:
            # "... sebanyak 1.500 keping. Ralat: yang benar 2.000 keping": the corrected figure
            # takes the role of the figures said just before it; of several roles, a clerk asks.
            fields = list(dict.fromkeys(c.field for start, c in taken if start == last[0]))
            old_values = {mm.value for mm in mentions[idx + 1 :] if mm.start < c_end and mm.value is not None}
            restated_fields = list(dict.fromkeys(c.field for _, c in taken if c.value in old_values))
            if len(restated_fields) == 1:
                # "koreksi, 2.000 keping saja, ... tidak muat kalau 3.000": the figure set aside names
                # what is corrected.
                fields = restated_fields
            elif len(said_again := list(dict.fromkeys(
                c.field for _, c in taken if c.value == m.value and _LETTER_ZERO_RE.search(c.text)
            ))) == 1:
                # "sisa blangko 3.49O ... eh typo kak, maksudnya 3.490": the figure typed with a letter O for a zero,
                # said again with the zero, is what the correction is of.
                fields = said_again
            elif last[0] != c_start and len({c.field for _, c in taken}) > 1:
                # A correction on its own names no role and the mail said several: which one, a clerk asks.
                fields = list(dict.fromkeys(c.field for _, c in taken))
            elif (
                len(fields) > 1 and idx > 0 and placed and placed[-1][1] is last[1]
                and placed[-1][0] == mentions[idx - 1].start and c_start <= mentions[idx - 1].start
                and m.start - mentions[idx - 1].end <= _CORRECTED_NEXT_WINDOW
                and "," in masked[mentions[idx - 1].end : m.start]
            ):
                # "sisa tinggal 780 lbr, mohon dikirim 1.5 rb lembar ya, eh koreksi pak 2.000 pcs aja": a correction
                # right after a figure, in its sentence, corrects that figure.
                fields = [last[1].field]
            if len(fields) > 1 and "requested" in fields and (
                _ONLY_AFTER_FIGURE_RE.match(masked, m.end) or _ENOUGH_AFTER_FIGURE_RE.match(masked, m.end)
            ):
                # "mohon 800 keping, stok kami 210 keping. Ralat di atas: yang benar 600 keping saja": a corrected
                # figure said to be just so many, or enough, is an amount asked, not a stock.
                fields = ["requested"]
            if len(fields) == 1 and not (m.approximate or m.conflict) and m.value is not None and not m.bare:
                # The corrected figure is of the blank the figure it replaces was said of; the blank the
                # correction names ("Ralat: KTP-el yang benar 1.200"), if any, says which. With figures of
                # both blanks before it and none named, which one it corrects, a clerk asks.
                named = _item_of_mention(masked, c_start, m, next_start)
                said_items = {c.item for _, c in taken if c.field == fields[0] and c.value is not None}
                if named is None and len(said_items - {None}) > 1:
                    named = _item_of_figure_said_before(masked, mentions[:idx], m)
                if named is None and len(said_items - {None}) > 1:
                    candidates.append(Candidate(fields[0], None, snippet, True, "conflict", corrects=True))
                    continue
                was = next((c for _, c in reversed(taken) if c.field == fields[0] and named in (None, c.item)),
                           next((c for _, c in reversed(taken) if c.field == fields[0]), last[1]))
                candidate = Candidate(fields[0], m.value, snippet, was.strong, item=named or was.item, corrects=True,
                                      cues=("correction",))
            else:
                for field in fields:
                    candidates.append(Candidate(field, None, snippet, True, "conflict", corrects=True))
                continue
            candidates.append(candidate)
            last = (c_start, candidate)
            taken.append(last)
            continue
        if role == "stock_on_hand" and keyword is not None and _REST_ASKED_RE.fullmatch(
            masked, keyword.start, keyword.end
        ) and _SEND_ASK_RE.match(masked, m.end, c_end):
            # "yang sampai baru 400 lembar. Sisanya 200 mohon dikirim": the rest of a shipment, asked
            # for, is no stock.
            if _REST_ARRIVED_BEFORE_RE.search(masked, 0, keyword.start):
                ignored_end = m.end
                continue
            # "yg 1.100 kami tunggu. sisanya 400 keping mohon bisa dikirim awal desember" (nothing received yet,
            # after a partial approval): the rest of the request, asked for now, is the figure asked.
            role = "requested"
        if role == "stock_on_hand" and keyword is not None and _REST_OF_REQUEST_RE.match(masked, m.end):
            # "Mohon sisa 1.000 keping dari permohonan kami dapat dikirim": the rest of a request, asked for
            # again, is the figure asked; said without an ask it is no stock either.
            if not _ASK_WORD_RE.search(masked, c_start, keyword.start) and not _SEND_ASK_RE.match(masked, m.end, c_end):
                ignored_end = m.end
                continue
            role = "requested"
        if role == "stock_on_hand" and _undelivered(masked, m.end, after_limit):
            # "sisanya 1.000 keping belum sampai": what is left of a shipment, still on its way.
            ignored_end = m.end
            continue
        if _REST_LEAD_RE.search(masked, max(prev_end, c_start), m.start) and _REST_ARRIVED_RE.match(
            masked, m.end, c_end
        ):
            # "Sisanya 1.000 keping sudah sampai hari ini": the rest of a shipment, come now, is a part of
            # a receipt (its count is the total the mail states, else asked), never the stock on hand.
            ignored_end = m.end
            continue
        question = masked[c_end : c_end + 1] == "?" or masked[c_start:c_end].rstrip().endswith("?")
        if question and role == "stock_on_hand" and (asked_from := masked.find(",", m.end, c_end)) != -1 and any(
            k.role == "requested" and asked_from < k.start < c_end for k in kws
        ):
            # "Blanko e-KTP di Nunukan sisa ± 800, kira2 bisa dikirim 2rb gak kak?": the stock is stated, and the
            # ask after it is the question.
            question = False
        if not question and role not in (None, "requested") and _conditional_question(masked, c_start, m):
            # "kalau stok kami di bawah 1.000 keping apakah provinsi otomatis mengirim, atau kami tetap harus email
            # permohonan?": a figure under a condition in a question is supposed, not stated.
            question = True
        if role not in (None, "requested") and question:
            # "Apakah benar stok di gudang saat ini 66 ribu keping?": a figure asked about is
            # not a figure stated. (A request may be put as a question: "bisa dikirim 1.000?")
            continue
        if role == "stock_on_hand" and keyword is not None and _HOLDER_RE.search(masked, keyword.start, m.start):
            # "stok di gudang provinsi 66.000": someone else's stock, not the writer's.
            continue
        in_words = m.end > m.start and masked[m.end - 1] == ")"  # "0 (nol)": the digit and its words
        if (m.bare or (m.value is not None and m.value < 10 and not m.spelled and not in_words)) and m.unit is None:
            # A bare year-like or long number, or a lone small digit, counts only right after its role word,
            # or with its role word right after it ("KIA blanks: 0 left"). A digit written again in words in
            # brackets ("stok ... hari ini 0 (nol)") is stated on purpose, as a number with its unit is.
            postfix = (
                keyword is not None and keyword.start >= m.end and not m.bare
                and " ".join(masked[keyword.start : keyword.end].split()) in _POSTFIX_ROLE_WORDS
                and _postfix_gap(masked, m.end, keyword.start)
            )
            if not postfix and (keyword is None or keyword.end > m.start or m.start - keyword.end > _NEAR):
                continue
        elif m.bare and m.unit != "blank":
            if keyword is None or keyword.end > m.start or m.start - keyword.end > _NEAR:
                continue
        if (
            role is None and m.unit in (None, "blank") and _MORE_PLEASE_RE.match(masked, m.end)
            and _BLANK_NAME_RE.search(masked, c_start, m.start)
        ):
            # "Pak, blangko ktp 500 lg ya utk Tideng Pale": a count of blanks and "lagi ya" after it, with
            # no role word of its own, asks for that many more.
            role, strong, keyword, more_asked = "requested", True, None, True
        if (
            role == "stock_on_hand" and keyword is not None
            and " ".join(masked[keyword.start : keyword.end].split()) not in _OWN_STOCK_WORDS
            and any(c.field == "received" and c.value for c in candidates)
            and _SEND_ASK_ANYWHERE_RE.search(masked, m.end, c_end)
        ):
            # "Blangko sdh sampe 1.500 kpg, sisa yg 500 kpg lg ya pak mohon dikirim": beside a receipt, a
            # "sisa" asked to be sent is the rest of the shipment, not the stock.
            ignored_end = m.end
            continue
        if idx in factors:
            # "60 kpg x 20 hari = 1.200 kpg": a factor of a product is no figure of its own.
            ignored_end = m.end
            continue
        if idx >= 2 and idx - 2 in factors and (
            asked := _product_role(masked, mentions[idx - 2], mentions[idx - 1], m, kws, c_start)
        ) is not None:
            # "Kami mohon blangko KIA: rata-rata 8 keping/hari x 25 hari = 200 keping", "Kami terima 3 dus @
            # 500 = 1.500 keping": the product worked out in a sentence takes the role the sentence names.
            # "kebutuhan bulan ini kami hitung 140 x 22 = 3.080 keping": a product named by a noun of need
            # is as weak as that noun; an ask stated beside it is the request.
            asked, _, weak = asked.partition(":")
            candidate = Candidate(asked, m.value, snippet, not weak,
                                  item=_item_of_mention(masked, c_start, m, next_start),
                                  cues=("product", f"role:{asked}"))
            candidates.append(candidate)
            last = (c_start, candidate)
            taken.append(last)
            continue
        if (
            role is None and ci > 0 and prev_end == c_start and _TOTAL_OPENS_RE.fullmatch(masked, c_start, m.start)
            and not any(start == c_start for start, _ in taken)
            and not (m.approximate or m.conflict) and m.value is not None
        ):
            # "Stok gudang 1.500 keping, di loket 200 keping. Total 1.700 keping.": a total opening the
            # sentence after the figures it adds up, all of one role, is that role's figure.
            p_start = clauses[ci - 1][0]
            prev_fields = list(dict.fromkeys(c.field for start, c in taken if start == p_start))
            prev_items = {c.item for start, c in taken if start == p_start}
            parts = [mm.value for mm in mentions[:idx] if p_start <= mm.start < c_start and mm.value is not None
                     and mm.unit in (None, "blank") and not mm.rate]
            if len(prev_fields) == 1 and len(prev_items) == 1 and len(parts) > 1 and sum(parts) == m.value:
                candidate = Candidate(prev_fields[0], m.value, snippet, True, total=True, item=prev_items.pop(),
                                      cues=("result_of_sum", f"parts:{len(parts)}", "sentence_before"))
                candidates.append(candidate)
                last = (c_start, candidate)
                taken.append(last)
                continue
            if (run := _rows_summed(clauses, ci, taken, mentions[:idx], m.value)) is not None:
                # "- Januari: 95 lembar" ... "- Desember: 70 lembar" / "Total setahun: 1.109 lembar": a total
                # line under a run of rows of one role, each a line, that adds them up is that role's figure;
                # one that does not add them up leaves the role to a clerk.
                field, item, count, adds_up = run
                if adds_up:
                    candidate = Candidate(field, m.value, snippet, True, total=True, item=item,
                                          cues=("result_of_sum", f"parts:{count}", "rows_before"))
                else:
                    candidate = Candidate(field, None, snippet, True, "conflict", True, item=item)
                candidates.append(candidate)
                last = (c_start, candidate)
                taken.append(last)
                continue
            if len(prev_fields) == 1 and len(parts) > 1:
                # A total that is not the sum of the figures before it: which is right, a clerk asks.
                candidates.append(Candidate(prev_fields[0], None, snippet, True, "conflict", True))
                continue
        if (
            role is None and (_RESULT_RE.search(masked, prev_end, m.start)
                              or _result_with_total_after(masked, prev_end, m))
            # "56 keping ditambah permintaan rutin 1.000 keping, jadi total yang kami mohon 1.056 keping": the sum
            # named by the ask's own word after "jadi total" is the same sum.
            # (and only when it is their sum: "tambahan 1.000 keping sehingga total permohonan menjadi 5.000" adds
            # to an ask in another mail)
            or (role == "requested" and keyword is not None and prev_end > c_start
                and _RESULT_RE.search(masked, prev_end, keyword.start)
                and _sums_to(_parts_before(mentions, idx, c_start), m.value))
        ) and (
            fields := list(dict.fromkeys(c.field for start, c in taken if start == c_start))
            or list(dict.fromkeys(k.role for k in kws if c_start <= k.start < m.start and k.role != "ignore"))
        ):
            # "selain 1.000 keping yang kami minta kemarin, mohon ditambah 500 lagi, jadi total 1.500
            # keping": the sum of the figures before it, the figure now meant. Read only when it is
            # their sum (or a whole number of the one figure before it: "3 dus (1 dus isi 250 keping),
            # jadi total 750") and they are of one role; else a clerk asks.
            parts = _parts_before(mentions, idx, c_start)
            exact = not (m.approximate or m.conflict) and m.value is not None
            if len(fields) == 1 and exact and _sums_to(parts, m.value):
                item = last[1].item if last is not None and last[0] == c_start else _item_of_mention(
                    masked, c_start, m, next_start)
                candidate = Candidate(fields[0], m.value, snippet, True, total=True, item=item,
                                      cues=("result_of_sum", f"parts:{len(parts)}"))
                candidates.append(candidate)
                last = (c_start, candidate)
                taken.append(last)
            elif fields == ["requested"] and exact and _raised_to_stated_total(masked, mentions[:idx], c_start, m):
                # "Mohon ditambah 200 lagi pak, jadi total 700 keping": the total the raise comes to, stated
                # by the writer, is what is asked now (the earlier figure it adds to is in another mail).
                candidate = Candidate("requested", m.value, snippet, True, total=True,
                                      item=_item_of_mention(masked, c_start, m, next_start),
                                      cues=("result_of_sum", "stated_total_of_raise"))
                candidates.append(candidate)
                last = (c_start, candidate)
                taken.append(last)
            else:
                for field in fields:
                    candidates.append(Candidate(field, None, snippet, True, "conflict", True))
            continue
        if (
            role is None
            and last is not None
            and last[0] == c_start
            and m.value != last[1].value
            and not (m.unit == "people" and last[1].field in _BLANK_COUNTS)
            and (_CONTRAST_RE.search(masked, prev_end, m.start) or _screen_set_against(masked, prev_end, m.start))
        ):
            # ("sisa 1.120 keping, namun hari ini ... untuk 210 orang": people are no second count of blanks.)
            # "sisa 400 keping (tapi menurut catatan gudang 640)": a second figure for the same
            # role, set against the first; a clerk would ask which is right.
            candidates.append(Candidate(last[1].field, None, snippet, last[1].strong, "conflict", last[1].total))
            continue
        if role is None or role == "ignore":
            if role == "ignore":
                ignored_end = m.end
                if keyword is not None and " ".join(masked[keyword.start : keyword.end].split()) in _OPENING_WORDS:
                    openings.append((m, snippet, low[c_start:c_end]))
            if role is None and (m.unit == "blank" or (m.value is not None and m.value >= 10 and not m.spelled) or (
                # "koreksi yg kmrn ya bukan dua ribu tp tiga ribu" revising a request: a figure in words answers too.
                answer_role is not None and m.spelled and m.value is not None and m.value >= _FEWEST_IN_WORDS
            )):
                unassigned.append(snippet)
                loose.append((m, snippet))
            continue
        if m.unit == "people" and role not in ("recorded", "printed"):
            continue
        if role == "received" and m.value == 0:
            # "Penerimaan dari Provinsi : 0 keping": nothing came, so there is no receipt to book.
            continue
        if (m.unit != "blank" or _PIECE_UNIT_AFTER_RE.match(masked, m.end)) and _said_of_supply(
            masked, prev_end, m.start
        ):
            # "Sisa ribbon kami tinggal 2", "cleaning kit 2 pcs": a figure of the printer's supplies counts no
            # blanks, in pieces or not.
            continue
        if idx > 0 and _aside_of_supply(masked, mentions[idx - 2].end if idx > 1 else 0, mentions[idx - 1], m):
            # "Ribbon YMCKO : 6 roll (± 1.500 cetakan)": what the supply yields, no blanks printed or held.
            continue
        total = bool(keyword and keyword.total)
        item = _item_of_mention(masked, prev_end, m, next_start, sections, prev_end > c_start)
        if item is None and prev_end > c_start and _in_aside_after(masked, prev_end, m, next_start):
            # "blangko KIA sebanyak 800 keping (sisa 130)": the aside is said of the figure before it.
            item = items_of.get(idx - 1)
        items_of[idx] = item
        if item is None and prev_end > c_start:
            # "... sisa blangko 92. KIA cetak 4 sisa 0": the blank that opens a sentence before its first
            # figure is what its figures are said of.
            opening = mentions[bisect_left(starts, c_start)]
            if _SENTENCE_ITEM_RE.match(masked, c_start, opening.start):
                item = explicit_item(masked[c_start : opening.start])[0]
        headed = bool(sections) and _in_section(sections, m.start)
        day = line_date(low, m.start, sent)
        month = line_month(low, m.start, sent) if day is None and month_named else None
        earlier = (role == "requested" and _said_of_earlier(masked, kws, c_start, prev_end, m, after_limit)) or (
            role == "stock_on_hand" and bool(_REPORTED_BEFORE_RE.search(masked, c_start, m.start))) or (
            # ... and a month-end stock of an earlier month, when the mail names a stock again after it, not of an
            # earlier month's end itself.
            role == "stock_on_hand" and _stock_of_earlier_month(low, c_start, m.start, sent)
            and (stock_again := _STOCK_NAME_RE.search(masked, m.end)) is not None
            and not _stock_of_earlier_month(low, stock_again.start(), _figure_after(masked, stock_again.end()), sent))
        if m.conflict:
            candidate = Candidate(role, None, snippet, strong, "conflict", total, item, day, headed, earlier)
        elif m.approximate or m.value is None:
            candidate = Candidate(role, None, snippet, strong, "unclear", total, item, day, headed, earlier,
                                  estimate=m.estimate)
        else:
            candidate = Candidate(
                role, m.value, snippet, strong, None, total, item, day, headed, earlier, about=m.about
            )
        if (correcting and any(c.field == role for c in candidates)) or corrects_set_aside or became:
            # "Ralat: pencetakan yg benar 158": replaces the pencetakan figure said before.
            candidate = replace(candidate, corrects=True)
        if month is not None:
            candidate = replace(candidate, month=month)
        if not took_back and _marked_corrected(masked, m):
            # "Permintaan: 2.000 keping" / "Permintaan: 3.000 keping (koreksi)": the figure marked as the
            # correction replaces the one of its role said before it; with figures of both blanks before it
            # and no blank named, which one it replaces is unclear.
            old = [c for c in candidates
                   if c.field == role and (candidate.item is None or c.item in (None, candidate.item))]
            if candidate.item is None and len({c.item for c in old} - {None}) > 1:
                candidate = replace(candidate, value=None, doubt="conflict")
            elif old:
                gone = {id(c) for c in old}
                candidates = [c for c in candidates if id(c) not in gone]
                taken = [t for t in taken if id(t[1]) not in gone]
                placed = [p for p in placed if id(p[1]) not in gone]
                made = min(made, len(candidates))
        candidate = replace(candidate, cues=_cues_of(candidate, m, keyword, masked, before) + (
            ("changed_from",) if became else ()) + (("more_asked",) if more_asked else ()) + (
            ("on_loan",) if role == "received" and _borrowed(Span(masked, own_lo, m.start, m.end, after_limit))
            else ()) + (("handover",) if role == "received" and _handed_over(masked, c_start, c_end) else ()))
        if role in ("printed", "recorded") and keyword is not None and _DAY_SPAN_RE.search(low, keyword.end, m.start):
            # "Dicetak (1-5 Nov) : 1.215": a count over a span of days, not one day's.
            candidate = replace(candidate, cues=(*candidate.cues, "day_span"))
        candidates.append(candidate)
        last = (c_start, candidate)
        taken.append(last)
        placed.append((m.start, candidate))
    if len(placed) > 1 and _YESTERDAY_RE.search(masked):
        candidates = _todays_over_yesterdays(masked, placed, candidates)
    if loose and candidates and any(_TOTAL_OPENS_RE.match(masked, a) for a, _ in clauses):
        candidates, loose = _totals_by_item(masked, clauses, loose, candidates)
    if (
        any(c.field == "stock_on_hand" for c in candidates)
        and any(m.unit == "blank" and not m.approximate for m, _ in loose)
        and _discrepancy_said(masked)
    ):
        # "Sisa 1.450 keping ... dihitung ulang 1.540 keping, ada selisih": a second count set
        # against the stock; a clerk would ask which is right.
        first = next(c for c in candidates if c.field == "stock_on_hand")
        texts = " / ".join([first.text] + [snip for m, snip in loose if m.unit == "blank"])
        candidates.append(Candidate("stock_on_hand", None, texts, first.strong, "conflict", first.total))
    if any(c.field == "received" and c.value for c in candidates) and not any(
        c.field == "requested" and c.strong for c in candidates
    ):
        # "blangko yang kami terima sebanyak 1.800 keping ... Kekurangan 200 keping mohon dapat dicek":
        # beside a receipt, a figure named only by a noun of need or shortage asks for nothing.
        candidates = [c for c in candidates if c.field != "requested" or c.strong]
    if openings and (now := _opening_is_now(masked, openings, candidates, sent)) is not None:
        candidates.append(now)
    if len(mentions) > 1 and (
        any(c.field == "stock_on_hand" for c in candidates) or _CARRIED_BY_TEAM_RE.search(masked)
    ):
        # Before the shortfall: "Stok di kantor 320, di kotak tim 80. Mohon dikirim kekurangannya" is asked
        # against both places' blanks.
        candidates = _stock_of_places(original, masked, mentions, kws, candidates)
    if len(mentions) > 2 and _PLACES_TOTAL_RE.search(masked):
        candidates = _count_of_places(original, masked, mentions, kws, candidates)
    candidates = _asks_included(masked, candidates)
    if len(mentions) > 1 and _NEXT_PLACE_COUNT_RE.search(masked):
        candidates = _counts_per_place_listed(original, masked, kws, candidates)
    candidates = _shortfall_asked(masked, candidates)
    candidates = _need_less_stock_asked(candidates)
    candidates = _half_asked(masked, candidates)
    candidates = _loan_beside_ask(candidates)
    if answer_role is None and _need_only(masked, kws, candidates):
        # "stok kami tinggal 12% dari kebutuhan (kebutuhan Desember 6.000, stok sekarang 720)": beside the
        # stock, a need named by a noun in a mail that asks for nothing (and answers no question about
        # it) is background, not a request.
        candidates = [c for c in candidates if c.field != "requested"]
    candidates = _stock_reported_before(candidates)
    candidates = _earlier_report_corrected(candidates)
    candidates = _fallback_offered(masked, mentions, candidates)
    candidates = _figure_unsure(masked, mentions, candidates)
    candidates = _some_left_estimated(original, masked, candidates)
    candidates = _sound_part_of_shipment(masked, mentions, candidates)
    candidates = _rest_of_shipment(mentions, candidates)
    candidates = _usable_part_of_shipment(mentions, candidates)
    candidates = _usable_part_of_delivery(kws, mentions, candidates)
    candidates = _papers_figure_received(original, masked, kws, mentions, candidates)
    if _AS_MANY_AS_STUDENTS_RE.search(masked):
        candidates = _asked_as_many_as_students(original, masked, mentions, candidates)
    candidates = _rest_chased(masked, candidates)
    candidates = _awaited_not_received(candidates)
    candidates = _progress_only_asked(masked, candidates)
    if _CONFIRMED_ASK_RE.search(masked):
        candidates = _confirmed_earlier_asks(candidates)
    if _YEAR_COUNT_RE.search(low) and _YEAR_OPENING_RE.search(low) and _YEAR_CLOSING_RE.search(low):
        candidates = _year_count(candidates)
    if answer_role and loose:
        # "koreksi pak, yg benar 1.200 bkn 2.100": the figure after the denial is the old one, set aside; also
        # when the right one already has its role ("stok skrg 3.031 bkn 3.301" answers no receipt).
        loose = [(mm, snip) for mm, snip in loose
                 if not _DENIED_FIGURE_RE.search(masked, max(0, mm.start - 12), mm.start)]
    if answer_role and len(loose) > 1:
        # "Yes, 2,000 is the correct quantity. The 1,200 was our stock last week": of several figures, the
        # one its sentence calls the right one answers the question.
        confirmed = [
            (mm, snip) for mm, snip in loose
            if (span := next(((a, b) for a, b in clauses if a <= mm.start < b), None)) is not None
            and _RIGHT_FIGURE_RE.search(masked, *span)
        ]
        if len(confirmed) == 1:
            loose = confirmed
        else:
            # "ralat pak, cukup 1.000 aja. yg 1.500 kebanyakan": the figure its clause calls too many is the
            # one set aside; the other answers.
            too_many = [
                (mm, snip) for mm, snip in loose
                if (span := next(((a, b) for a, b in clauses if a <= mm.start < b), None)) is not None
                and _TOO_MANY_RE.search(masked, *span)
            ]
            if len(loose) - len(too_many) == 1 and too_many:
                loose = [pair for pair in loose if pair not in too_many]
    if answer_role and len(loose) > 1:
        # "yang 2.000 kemarin batal saja, cukup 1.200 dulu": the figure its own words call off is set aside; the
        # other answers.
        called_off = [(mm, snip) for mm, snip in loose if _called_off(masked, mm)]
        if len(loose) - len(called_off) == 1 and called_off:
            loose = [pair for pair in loose if pair not in called_off]
    if answer_role and len(loose) > 1:
        # "cukup 300 aja dulu, yg 200 nanti minggu depan": a figure put off to a later ask is no second value of
        # the answer; the one left answers.
        later = [(mm, snip) for mm, snip in loose if _LATER_PART_RE.match(masked, mm.end)]
        if later and len(loose) - len(later) == 1:
            loose = [pair for pair in loose if pair not in later]
    if answer_role == "received":
        loose = _not_awaited(masked, clauses, loose)
    if answer_role and len(loose) > 1 and not any(c.field == answer_role for c in candidates):
        # "Malinau: KTP-el 1.760, KIA 88": one figure for each blank, each blank named right before its figure,
        # answers for that blank.
        per_blank: list[tuple[Mention, str, str]] = []
        for nth, (answer_m, answer_snip) in enumerate(loose):
            answer_lo = max(masked.rfind("\n", 0, answer_m.start) + 1, loose[nth - 1][0].end if nth else 0)
            blank_named, blank_unsure = explicit_item(masked[answer_lo : answer_m.start])
            if (blank_named is None or blank_unsure or answer_m.value is None or answer_m.approximate
                    or answer_m.conflict):
                break
            per_blank.append((answer_m, answer_snip, blank_named))
        if len(per_blank) == len(loose) and len({b for _, _, b in per_blank}) == len(loose):
            for answer_m, answer_snip, answer_blank in per_blank:
                candidates.append(Candidate(answer_role, answer_m.value, answer_snip, True, item=answer_blank,
                                            cues=("answer", f"item:{answer_blank}")))
                if answer_snip in unassigned:
                    unassigned.remove(answer_snip)
            loose = []
    if answer_role and loose and not any(c.field == answer_role for c in candidates):
        m, snippet = loose[0]
        # ("Perekaman hari ini?" / "12 orang": the people recorded are the count asked; people are no count of
        # blanks asked, held or received.)
        counted = m.unit != "people" or answer_role in ("recorded", "printed")
        if len(loose) == 1 and counted and not m.approximate and not m.conflict and m.value is not None:
            # "KIA: 520" answers for the blank its line names
            answer_line_lo = masked.rfind("\n", 0, m.start) + 1
            candidates.append(Candidate(answer_role, m.value, snippet, True,
                                        item=explicit_item(masked[answer_line_lo : m.start])[0]))
            unassigned.remove(snippet)
        else:
            # "500 atau 700 keping": an answer, but not one figure; ask again.
            candidates.append(Candidate(answer_role, None, " / ".join(s for _, s in loose), True, "unclear"))
    candidates = _zero_answer(original, low, answer_role, candidates)
    if loose and clauses and not any(c.field == "stock_on_hand" for c in candidates) and _ZERO_STOCK_RE.search(masked):
        candidates = _empty_office_beside_warehouse(masked, clauses, loose, candidates)
    if len(mentions) > 1 and _EARLIER_PERIOD_RE.search(masked):
        candidates = _latest_of_two_moments(masked, mentions, candidates)
    if "+" in masked and "=" in masked:
        candidates = _sum_written_out(masked, mentions, candidates)
    if _ASK_BREAKDOWN_RE.search(masked):
        candidates = _ask_against_breakdown(low, masked, candidates)
    if any(_PHYSICAL_CUES.intersection(c.cues) for c in candidates) and not _UNSETTLED_RE.search(masked):
        # A count in the store beside the register's balance, the difference not still being checked: the
        # count is the stock (settle() prefers it).
        candidates = [replace(c, cues=(*c.cues, "physical_count")) if _PHYSICAL_CUES.intersection(c.cues) else c
                      for c in candidates]
    if any("handover" in c.cues for c in candidates):
        candidates = _handover_counts(candidates)
    if "[" in original:
        candidates = _own_words_over_chat(original, candidates)
    if _EXAMPLE_FORM_RE.search(masked):
        candidates = _example_form(candidates)
    if candidates and _INCLUDING_RE.search(masked):
        candidates = _own_blank_part(masked, candidates)
    if "(" in masked and any(c.field == "received" for c in candidates):
        candidates = _shipment_aside_of_stock(masked, candidates)
    if "(" in masked and any(c.field == "requested" for c in candidates):
        candidates = _request_aside_of_receipt(masked, candidates)
    if "?)" in masked:
        candidates = _questioned_figures(masked, candidates)
    if "?" in masked and any(c.field == "requested" and c.value is not None for c in candidates):
        candidates = _asked_for_later(masked, candidates)
    if not any(c.field == "printed" for c in candidates) and _LEDGER_USED_RE.search(masked):
        candidates = _used_in_balanced_ledger(masked, candidates)
    return candidates, unassigned


# A count of the year's stock: a word of stock count ("stock opname", "Berita Acara Stock Opname"), an opening on the
# year's first day ("stok awal per 1 Januari 2026", "Stok awal 1 Jan 2026") and a close on its last ("sisa per 31
# Desember 2026", "Sisa 31 Des 2026").
_YEAR_COUNT_RE = re.compile(r"(?<![a-z])(?:" + _words_re(vocab.YEAR_COUNT_WORDS) + r")(?![a-z])")
_YEAR_OPENING_RE = re.compile(r"(?<![\d.,])0?1[^\S\n]+jan(?:uari|uary)?(?![a-z])")
_YEAR_CLOSING_RE = re.compile(r"(?<![\d.,])31[^\S\n]+(?:des(?:ember)?|dec(?:ember)?)(?![a-z])")


def _year_count(candidates: list[Candidate]) -> list[Candidate]:
    """A count of the year's stock ("stok awal per 1 Januari 2026 ... masuk 9.350 ... terpakai 9.627 ... sisa per 31
    Desember 2026 sebanyak 1.645"): what came in and what was used over the year are the year's flows, no delivery
    received now nor a day's printing; beside the close, the stock on the year's first day is its opening, no stock
    now."""
    closing = [c for c in candidates if c.field == "stock_on_hand" and _YEAR_CLOSING_RE.search(normalise(c.text))]
    kept = []
    for c in candidates:
        if c.field in ("received", "printed") and c.value is not None:
            continue
        if closing and c.field == "stock_on_hand" and c not in closing and _YEAR_OPENING_RE.search(normalise(c.text)):
            continue
        kept.append(c)
    return kept


_INCLUDING_RE = re.compile(r"(?<![\w-])(?:" + _words_re(vocab.INCLUDING_WORDS) + r")(?![\w-])")
_BLANK_NAME = r"(?:(?P<ktp{0}>" + _words_re(vocab.KTP_WORDS) + r")|(?P<kia{0}>" + _words_re(vocab.KIA_WORDS) + r"))"
_OWN_BLANK_PART_RE = re.compile(
    r"(?<![\d.,])(?P<whole>\d{1,3}(?:\.\d{3})*)(?![\d.,]\d)[^\n\d]{0,30}?(?:" + _words_re(vocab.INCLUDING_WORDS)
    + r")[^\S\n]+(?P<part>\d{1,3}(?:\.\d{3})*)[^\S\n]*(?:(?:" + _words_re(vocab.BLANK_UNITS) + r")[^\S\n]+)?"
    + _BLANK_NAME.format(1) + r"(?![\w-])[^\n\d]{0,40}?" + _BLANK_NAME.format(2) + r"[^\S\n]*(?:"
    + _words_re(vocab.OWN_PART_WORDS) + r")(?![\w-])[^\S\n]*[:=]?[^\S\n]*(?P<own>\d{1,3}(?:\.\d{3})*)(?![\d.,]\d)"
)


def _own_blank_part(masked: str, candidates: list[Candidate]) -> list[Candidate]:
    """A count given for both blanks, then split: "cetak kemarin 22 itu sdh termasuk 3 KIA. KTP-el nya 19". The
    count of the blank the writer names last is its own part (19), when the parts add up to the whole; the whole
    is no count of either blank."""
    for m in _OWN_BLANK_PART_RE.finditer(masked):
        other, own = ("kia" if m.group("kia1") else "ktp-el"), ("kia" if m.group("kia2") else "ktp-el")
        whole, part, mine = (int(m.group(g).replace(".", "")) for g in ("whole", "part", "own"))
        if other == own or part + mine != whole:
            continue
        candidates = [
            replace(c, value=mine, item=own, cues=(*c.cues, "own_blank_part"))
            if c.value == whole and c.doubt is None and c.item in (None, own) else c
            for c in candidates
        ]
    return candidates


# A shipment told in a bracket right after a stock's figure: "sisa blangko KTP-el 1.008 (kiriman 500 tanggal 10 Maret
# sudah masuk)".
_SHIPMENT_ASIDE_RE = re.compile(
    r"(?<![\d.,])(?P<stock>\d{1,3}(?:\.\d{3})*)(?![\d.,]\d)[^\S\n]*(?:(?:" + _words_re(vocab.BLANK_UNITS)
    + r")(?![\w-])[^\S\n]*)?\([^()\n]*?(?<![\w-])(?:" + _words_re(vocab.SHIPMENT_OF_WORDS)
    + r")[^\S\n]+(?P<shipped>\d{1,3}(?:\.\d{3})*)(?![\d.,]\d)[^()\n]*\)"
)


def _shipment_aside_of_stock(masked: str, candidates: list[Candidate]) -> list[Candidate]:
    """A report's stock with the shipment it holds told in a bracket after it: "sisa blangko KTP-el 1.008 (kiriman
    500 tanggal 10 Maret sudah masuk)". The shipment explains the stock; it is no receipt of the report (its
    receipt has its own mail), so the figure is no received."""
    for m in _SHIPMENT_ASIDE_RE.finditer(masked):
        stock, shipped = (int(m.group(g).replace(".", "")) for g in ("stock", "shipped"))
        if not any(c.field == "stock_on_hand" and c.value == stock for c in candidates):
            continue
        candidates = [c for c in candidates if not (c.field == "received" and c.value == shipped)]
    return candidates


# The request a receipt is measured against, told in a bracket right after the count received: "Kami terima 600
# (dibulatkan per pack dari permohonan 506)", "We have received 1,200 pcs of KTP-el blanks this morning (part of our
# request for 3,000)": the blank's name and a word of time may stand between the count and the bracket.
_REQUEST_ASIDE_RE = re.compile(
    r"(?<![\w-])(?:" + _words_re(vocab.RECEIPT_VERBS) + r")(?![\w-])[^\d\n()]{0,25}?(?P<got>\d{1,3}(?:[.,]\d{3})*)"
    r"(?![\d.,]\d)[^\S\n]*(?:(?:" + _words_re(vocab.BLANK_UNITS) + r")(?![\w-])[^\S\n]*)?[^\d\n().?!]{0,40}?"
    r"\([^()\n]*?(?<![\w-])(?:" + _words_re(vocab.REMINDED_NOUNS + vocab.REQUEST_NOUNS_ENGLISH)
    + r")[^\S\n]+(?:(?:kami|our|for|of|sebanyak|sejumlah)[^\S\n]+){0,2}(?P<asked>\d{1,3}(?:[.,]\d{3})*)(?![\d.,]\d)"
    r"[^()\n]*\)"
)


def _request_aside_of_receipt(masked: str, candidates: list[Candidate]) -> list[Candidate]:
    """A count received with the request it answers in a bracket after it: "Kami terima 600 (dibulatkan per pack
    dari permohonan 506)". The request was asked before; the mail asks nothing now."""
    for m in _REQUEST_ASIDE_RE.finditer(masked):
        asked = int(m.group("asked").replace(".", "").replace(",", ""))
        candidates = [c for c in candidates if not (c.field == "requested" and c.value == asked)]
    return candidates


# A figure the writer questions in a bracket right after it: "Cetak : 158 (termasuk 12 KIA?)".
_QUESTIONED_FIGURE_RE = re.compile(
    r"(?<![\d.,])(?P<figure>\d{1,3}(?:\.\d{3})*)(?![\d.,]\d)[^\S\n]*(?:(?:" + _words_re(vocab.BLANK_UNITS)
    + r")(?![\w-])[^\S\n]*)?\([^()\n?]*\?\)"
)


def _questioned_figures(masked: str, candidates: list[Candidate]) -> list[Candidate]:
    """A figure followed by the writer's own question about it, "Cetak : 158 (termasuk 12 KIA?)": the writer does
    not know what it counts, so neither does the clerk (unclear, asked back); a blank named only in the question
    is no item of the figure."""
    for m in _QUESTIONED_FIGURE_RE.finditer(masked):
        figure = int(m.group("figure").replace(".", ""))
        candidates = [
            replace(c, value=None, doubt="unclear", item=None, cues=(*c.cues, "questioned_by_writer"))
            if c.value == figure and c.doubt is None else c
            for c in candidates
        ]
    return candidates


# A figure in a question that puts it in a later period, the period after the figure or before it: "kira2 bisa minta
# 3.000 tidak ya bulan depan?", "bulan depan bisa dapat 1.500 kah?". (No full stop, "!" or "?" between.)
_LATER_PERIOD = r"(?<![\w-])(?:" + _words_re(vocab.LATER_PERIOD_WORDS) + r")(?![\w-])"
_FIGURE_ASKED = r"(?<![\d.,])(?P<figure>\d{1,3}(?:\.\d{3})+|\d+)(?![\d.,]\d)"
_ASKED_FOR_LATER_RE = re.compile(
    _FIGURE_ASKED + r"[^.!?]{0,40}?" + _LATER_PERIOD + r"[^.!?]{0,20}\?"
    + r"|" + _LATER_PERIOD + r"[^.!?]{0,40}?" + _FIGURE_ASKED.replace("figure", "before") + r"[^.!?]{0,30}\?"
)


def _asked_for_later(masked: str, candidates: list[Candidate]) -> list[Candidate]:
    """A figure asked in a question that names a later period ("Kami sedang menyusun rencana, kira-kira bisa minta
    2.000 tidak ya bulan depan?"): the writer sounds out what could be had then, and asks nothing now for sure; the
    figure is unclear, and a clerk asks back."""
    for m in _ASKED_FOR_LATER_RE.finditer(masked):
        figure = int((m.group("figure") or m.group("before")).replace(".", ""))
        candidates = [
            replace(c, value=None, doubt="unclear", cues=(*c.cues, "asked_for_later"))
            if c.field == "requested" and c.value == figure and c.doubt is None else c
            for c in candidates
        ]
    return candidates


# A period's ledger line by line: "Diterima : 1.250 / Terpakai : 592 / Rusak : 11 / Sisa : 647".
# (Also a table's row in text, "Terpakai | 2.746 | 294", "Rusak/Gagal Cetak | 34 | 0": its first figure.)
_LEDGER_FIGURE = r")(?![\w-])[^\S\n]*[:=|]?[^\S\n]*(?P<figure>\d{1,3}(?:\.\d{3})*)(?![\d.,]\d)"
_LEDGER_USED_RE = re.compile(r"(?<![\w-])(?:" + _words_re(vocab.USE_WORDS) + _LEDGER_FIGURE)
_LEDGER_DAMAGED_RE = re.compile(
    r"(?<![\w-])(?:(?:" + _words_re(vocab.DAMAGE_WORDS) + r")(?:[^\S\n]*/[^\S\n]*(?:"
    + _words_re(vocab.DAMAGE_HEADER_WORDS + vocab.DAMAGE_WORDS) + r"))?" + _LEDGER_FIGURE
)
_LEDGER_OPENING_RE = re.compile(
    r"(?<![\w-])(?:" + _words_re(vocab.OPENING_STOCK_WORDS) + r")(?![\w-])[^\d\n]{0,30}?(?P<figure>\d{1,3}(?:\.\d{3})*)"
    r"(?![\d.,]\d)"
)


def _used_in_balanced_ledger(masked: str, candidates: list[Candidate]) -> list[Candidate]:
    """A period's ledger that gives the blanks used and the damaged ones apart ("Diterima : 1.250 / Terpakai : 592 /
    Rusak : 11 / Sisa : 647", "stok awal 910, tidak ada kiriman, terpakai 512, rusak 8, stok akhir 390"): when the
    opening stock and the receipt, less the used and the damaged, give the closing stock, the blanks used are the
    cards printed. Each figure named once; without the balance "terpakai" may hold the damaged too, and stays
    unread."""
    used = list(_LEDGER_USED_RE.finditer(masked))
    damaged = list(_LEDGER_DAMAGED_RE.finditer(masked))
    opening = list(_LEDGER_OPENING_RE.finditer(masked))
    stocks = {c.value for c in candidates if c.field == "stock_on_hand" and c.value is not None and c.doubt is None}
    received = {c.value for c in candidates if c.field == "received" and c.value is not None and c.doubt is None}
    if len(used) != 1 or len(damaged) != 1 or len(opening) > 1 or len(stocks) != 1 or len(received) > 1:
        return candidates
    if not opening and not received:
        return candidates
    figure = {name: int(found[0].group("figure").replace(".", "")) if found else 0
              for name, found in (("used", used), ("damaged", damaged), ("opening", opening))}
    if figure["opening"] + sum(received) - figure["used"] - figure["damaged"] != next(iter(stocks)):
        return candidates
    line_start = masked.rfind("\n", 0, used[0].start()) + 1
    line_end = masked.find("\n", used[0].end())
    snippet = " ".join(masked[line_start : line_end if line_end != -1 else len(masked)].split())
    return [*candidates, Candidate("printed", figure["used"], snippet, True, cues=("ledger_balance",))]


_EXAMPLE_FORM_RE = re.compile(r"(?<![\w-])(?:" + _words_re(vocab.EXAMPLE_FORM_PHRASES) + r")(?![\w-])")
_EXAMPLE_FORM_FIELDS = ("printed", "recorded", "stock_on_hand")


def _example_form(candidates: list[Candidate]) -> list[Candidate]:
    """A form sent back with its template's example values still in it ("Keterangan : form belum diisi, hanya
    contoh"): its report figures are the example's, not the district's; a clerk asks for the filled form (each
    field null, unclear)."""
    out = [c for c in candidates if c.field not in _EXAMPLE_FORM_FIELDS]
    for field in _EXAMPLE_FORM_FIELDS:
        mine = [c for c in candidates if c.field == field and c.value is not None]
        if mine:
            out.append(Candidate(field, None, " / ".join(dict.fromkeys(c.text for c in mine)), True, "unclear",
                                 cues=("example_form",)))
    return out


# A line breaking an ask into parts, from its opening word to the line's end (see ASK_BREAKDOWN_WORDS).
_ASK_BREAKDOWN_RE = re.compile(r"(?<![\w-])(?:" + _words_re(vocab.ASK_BREAKDOWN_WORDS) + r")(?![\w-])[^\n]*")
# Right before a figure: the total word of a breakdown ("(total 700 keping)", "jumlah: 700").
_BREAKDOWN_TOTAL_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:" + _words_re(vocab.TOTAL_WORDS + ("jumlah", "jml")) + r")[^\S\n]*[:=]?[^\S\n]*$"
)


def _ask_against_breakdown(low: str, masked: str, candidates: list[Candidate]) -> list[Candidate]:
    """"Mohon tambahan blangko KIA sebanyak 600 keping ... Rincian: Tana Lia 300, Muruk Rian 400 (total 700
    keping)": the writer's own parts add up to a total other than the figure asked; which one is meant is for a
    person to ask (null with a conflict)."""
    asked = [c for c in candidates if c.field == "requested"]
    if len(asked) != 1 or asked[0].value is None:
        return candidates
    mentions = find_mentions(low, masked)
    for line in _ASK_BREAKDOWN_RE.finditer(masked):
        inside = [m for m in mentions if line.start() <= m.start < line.end() and m.value is not None]
        for i, m in enumerate(inside):
            if i < 2 or not _BREAKDOWN_TOTAL_BEFORE_RE.search(masked, inside[i - 1].end, m.start):
                continue
            parts = inside[:i]
            if m.approximate or any(p.approximate for p in parts) or sum(p.value or 0 for p in parts) != m.value:
                continue
            if m.value != asked[0].value:
                return [replace(c, value=None, doubt="conflict", cues=(*c.cues, "breakdown_total"))
                        if c is asked[0] else c for c in candidates]
    return candidates


_HANDOVER_RECEIPT_RE = re.compile(r"(?<![\w-])(?:" + _words_re(vocab.HANDOVER_RECEIPT_WORDS) + r")(?![\w-])")


def _handed_over(masked: str, c_start: int, c_end: int) -> bool:
    """Whether a receipt's clause, or the lead line its list hangs under ("Stok yang diterima operator baru dari
    operator lama:"), tells a handover inside the office."""
    if _HANDOVER_RECEIPT_RE.search(masked, c_start, c_end):
        return True
    lead_end = c_start - 1
    lead_start = masked.rfind("\n", 0, max(lead_end, 0)) + 1
    return lead_end > 0 and masked[lead_start:lead_end].rstrip().endswith(":") and bool(
        _HANDOVER_RECEIPT_RE.search(masked, lead_start, lead_end))


def _handover_counts(candidates: list[Candidate]) -> list[Candidate]:
    """"Pada saat serah terima operator baru menerima 360 keping dari operator lama ... sisa sekarang 315": a
    count handed over between operators is no receipt. It is the stock the office holds when the mail gives no
    other figure of the stock; beside one (the stock after use since), it is the earlier count, set aside."""
    stated = any(c.field == "stock_on_hand" and "handover" not in c.cues for c in candidates)
    out: list[Candidate] = []
    for c in candidates:
        if c.field == "received" and "handover" in c.cues:
            if stated:
                continue
            c = replace(c, field="stock_on_hand", cues=(*c.cues, "handover_count"))
        out.append(c)
    return out


def _own_words_over_chat(original: str, candidates: list[Candidate]) -> list[Candidate]:
    """Beside a pasted chat, the writer's own words decide: for a field they state ("Jadi permohonan kami: blangko
    KTP-el 1.000 keping dan KIA 500 keping" under "[08.16] Kabid: Minta ke provinsi 1.000 dulu" ... "[08.21]
    Kabid: Ok 500"), the chat's figures of that field are the discussion that led to it and are left out; a field
    only the chat states ("[08.14] Fina: ... blangko ktp-el kita sisa 1.204") is read from the chat."""
    chat = [" ".join(line.split()) for line in original.split("\n") if _CHAT_LINE_RE.match(line)]
    if len(chat) < 2:
        return candidates

    def in_chat(c: Candidate) -> bool:
        return any(c.text in line for line in chat)

    def figures(line: str) -> set[int]:
        low = normalise(line[line.find("]") + 1 :])
        return {m.value for m in find_mentions(low) if m.value is not None}

    def confirms(c: Candidate) -> bool:
        # "[08.20] Fina: ... minta 500 ya pak?" / "[08.21] Kabid: Ok 500": a figure the line above said, said
        # again in agreement, is no figure of its own.
        at = next((i for i, line in enumerate(chat) if c.text in line), None)
        return at is not None and at > 0 and bool(said := figures(chat[at])) and said <= figures(chat[at - 1])

    candidates = [c for c in candidates if not (c.value is None and c.doubt == "conflict" and confirms(c))]
    own = {c.field for c in candidates if c.value is not None and c.doubt is None and not c.table and not in_chat(c)}
    if not own:
        return candidates
    return [c for c in candidates if c.table or c.field not in own or not in_chat(c)]


# --- Tables ---------------------------------------------------------------------------------

_COLUMN_ORDER = ("ignore", "date", "recorded", "printed", "received", "requested", "stock_on_hand", "item")
_COLUMN_RES = {
    col: re.compile(r"(?<!\w)(?:" + vocab.alternation(vocab.COLUMN_WORDS[col]) + r")(?!\w)")
    for col in _COLUMN_ORDER
}
_EXACT_IGNORE = frozenset(vocab.EXACT_IGNORE_HEADERS)
_TOTAL_RE = re.compile(r"^\s*(?:" + vocab.alternation(vocab.TOTAL_ROW_WORDS) + r")\b")
_SPLIT_RE = re.compile(r"\s*\|\s*|\t+|\s{2,}")
# A line that opens with a total and its figure ("Jumlah 2.480"): it may close a list per place.
_TOTAL_LINE_RE = re.compile(
    r"^[ \t>*\-]*(?:" + vocab.alternation(vocab.TOTAL_ROW_WORDS) + r")[ \t]*:?[ \t]*\d", re.MULTILINE | re.IGNORECASE
)
# A cell that is a figure: "1.904", "720 keping", "2,500 pcs" (not "untuk 5 minggu").
_FIGURE_IN_CELL_RE = re.compile(r"\d")
_NUMBERING_CELL_RE = re.compile(r"^\s*\d{1,2}\s*[.)]?\s*$")
_FIGURE_CELL_RE = re.compile(
    r"^\s*[\d.,]+\s*(?:(?:" + vocab.alternation(vocab.BLANK_UNITS + vocab.ENGLISH_BLANK_NOUNS) + r")\b)?\s*$"
)
_SUBTOTAL_RE = re.compile(r"^\s*(?:" + vocab.alternation(vocab.SUBTOTAL_ROW_WORDS) + r")\b")


_GLOSS_RE = re.compile(r"^(?P<head>[^()]*?)\s*\((?P<gloss>[^()]*)\)\s*(?P<tail>[^()]*)$")
_USE_WORDS = frozenset(vocab.USE_WORDS)


def _glossed_role(text: str) -> str | None:
    """"Terpakai (Cetak)", "Pencetakan (terpakai)": the word "used" glossed by a count's name, or a
    count's name glossed as "used", is that count; None for any other header."""
    m = _GLOSS_RE.match(text)
    if m is None:
        return None
    head, gloss = " ".join(m.group("head").split()), " ".join(m.group("gloss").split())
    if head in _USE_WORDS:
        role = _plain_column_of(gloss)
    elif gloss in _USE_WORDS:
        role = _plain_column_of(head)
    else:
        return None
    return role if role in ("printed", "recorded") else None


def column_of(header: object) -> str | None:
    """The role of a table column from its header cell ("Sisa Blangko" -> "stock_on_hand", "Terpakai
    (Cetak)" -> "printed")."""
    if isinstance(header, str) and "(" in header and (glossed := _glossed_role(header.lower())) is not None:
        return glossed
    return _plain_column_of(header)


def _plain_column_of(header: object) -> str | None:
    """The role of a table column from its header cell ("Sisa Blangko" -> "stock_on_hand")."""
    if not isinstance(header, str):
        return None
    text = " ".join(header.lower().replace("_", " ").split())  # "stok_blangko" as "stok blangko"
    if not text:
        return None
    if text in _EXACT_IGNORE:
        return "ignore"
    for col in _COLUMN_ORDER:
        if _COLUMN_RES[col].search(text):
            return col
    return None


def normalise_header(cell: object) -> str:
    return " ".join(str(cell).lower().split()) if cell is not None else ""


_USED_HEADER_RE = re.compile(r"(?:" + _words_re(vocab.USE_WORDS) + r")")
_DAMAGED_HEADER_RE = re.compile(r"(?<![a-z])(?:" + _words_re(vocab.DAMAGE_HEADER_WORDS) + r")(?![a-z])")


def _used_beside_damaged(row: tuple[object, ...], cols: dict[int, str]) -> dict[int, str]:
    """A ledger's columns "Stok Awal | Masuk | Terpakai | Rusak/Gagal Cetak | Stok Akhir": from an opening stock to
    a closing one, with the damaged cards in a column of their own, the one column of blanks used counts the cards
    printed."""
    if "printed" in cols.values() or "stock_on_hand" not in cols.values():
        return cols
    headers = {i: " ".join(cell.lower().split()) for i, cell in enumerate(row) if isinstance(cell, str)}
    used = [i for i, text in headers.items() if cols.get(i) == "ignore" and _USED_HEADER_RE.fullmatch(text)]
    damaged = [i for i, text in headers.items() if i not in used and _DAMAGED_HEADER_RE.search(text)]
    if len(used) != 1 or not damaged or not any(_OPENING_HEADER_RE.search(text) for text in headers.values()):
        return cols
    return {**cols, used[0]: "printed"}


def _header_columns(row: tuple[object, ...], totalled: bool = False) -> dict[int, str] | None:
    """The roles of a header row's columns; None unless it heads a report table. One quantity column
    beside a named one ("Kecamatan | Usulan blangko") heads a table when a total row closes it."""
    with_figures = [cell for cell in row if isinstance(cell, str) and _FIGURE_IN_CELL_RE.search(cell)]
    if sum(1 for cell in with_figures if quantity_in(cell) is not None) > 1:
        # "KTP-el : rekam 120 | cetak 98 | sisa 1.876": figures with their words, a line, not a header.
        return None
    cols = _used_beside_damaged(row, {i: c for i, cell in enumerate(row) if (c := column_of(cell)) is not None})
    quantities = [c for c in cols.values() if c in QUANTITY_FIELDS]
    if len(quantities) >= 2 or (quantities and ("date" in cols.values() or "item" in cols.values())):
        return cols
    if totalled and quantities and len(cols) >= 2:
        return cols
    if len(quantities) == 1 and len(row) >= 2 and _place_header(row[0]):
        # "Kecamatan | Jumlah Perekaman": one count column beside the places it is counted for.
        return cols
    return None


_LEDGER_OUT_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.LEDGER_OUT_HEADER_WORDS) + r")(?![\w-])")
_OPENING_HEADER_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.OPENING_STOCK_WORDS) + r")(?![\w-])")
_STOCK_OPNAME_RE = re.compile(r"(?<![a-z])(?:" + _words_re(vocab.STOCK_OPNAME_WORDS) + r")(?![a-z])")


def _title_text(rows: Sequence[tuple[object, ...]]) -> str:
    return " ".join(c for r in rows for c in r if isinstance(c, str))


def _stock_opname_columns(row: tuple[object, ...], cols: dict[int, str], context: str) -> dict[int, str]:
    """The columns of a stock opname's ledger, its received and opening stock left unread.

    A header with an opening stock (a column so named, or a stock column left of the receipts), a column
    of receipts, one of the outflow ("Pemakaian", "Keluar") and a closing stock on its right is a ledger of
    a period: "Stok Awal | Penerimaan | Pemakaian | Stok Fisik 31/12". When it is a stock opname (its title,
    file name or closing column says so: "BA Stock Opname", "Stok Fisik"), the receipts came in over the
    period (each shipment acknowledged when it came) and the first stock is the opening one: the clerk
    books the count, the closing stock.
    """
    received = [i for i, c in cols.items() if c == "received"]
    if not received:
        return cols
    headers = {i: " ".join(str(cell).lower().replace("_", " ").split()) for i, cell in enumerate(row)
               if isinstance(cell, str)}
    outflow = [i for i, text in headers.items() if _LEDGER_OUT_RE.search(text)]
    stocks = [i for i, c in cols.items() if c == "stock_on_hand"]
    first_in = min(received)
    opening = [i for i, text in headers.items() if _OPENING_HEADER_RE.search(text)] + [
        i for i in stocks if i < first_in]
    closing = [i for i in stocks if i > max(received + outflow, default=first_in)]
    if not outflow or not opening or not closing:
        return cols
    said = " ".join(context.lower().replace("_", " ").split()) + " " + " ".join(headers[i] for i in closing)
    if not _STOCK_OPNAME_RE.search(said):
        return cols
    # (... and a year's blanks used, "Terpakai" beside "Rusak", are its flow, no day's printing: see
    # _used_beside_damaged.)
    return {i: ("ignore" if c == "received" or i in opening or (c == "printed" and i in outflow) else c)
            for i, c in cols.items()}


def _cell_quantity(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float):
        return int(value) if value.is_integer() and value >= 0 else None
    if isinstance(value, str):
        return quantity_in(value)
    return None


def read_table(
    rows: tuple[tuple[object, ...], ...], sent: datetime | None, source: str, period: bool = False,
) -> tuple[list[Candidate], date | None] | None:
    """Candidates from a report table (header row, then dated rows); the latest dated row wins.

    Rows below the table that name a figure of their own ("Sisa blangko KTP-el | 1.904") are read
    by their label; a sheet of such rows alone (a form: "Sisa stok saat ini | 720", "Jumlah yang
    diminta | 1.800") is read the same way. None when rows hold no report table. A column or row of
    the need ("Kebutuhan Des 2026") beside one of the ask ("Usulan Permohonan") gives the reason, and
    the ask is the figure requested.
    """
    found = _read_table(rows, sent, source, period)
    if found is None:
        return None
    return _asked_over_need(found[0] + _sheet_notes(rows, found[0], sent, source)), found[1]


def _sheet_notes(
    rows: tuple[tuple[object, ...], ...], read: list[Candidate], sent: datetime | None, source: str,
) -> list[Candidate]:
    """Figures written as a sentence in one cell of a row of its own, under or over the table ("Sisa stok
    blangko KTP-el di Dinas : 2.140 keping"), read as running text, for the fields the table left
    without a figure."""
    notes: list[str] = []
    label: str | None = None
    for r in rows:
        cells = [c for c in r if c is not None and str(c).strip()]
        if len(cells) != 1:
            label = None if cells else label
            continue
        cell = cells[0]
        if isinstance(cell, str) and _FIGURE_IN_CELL_RE.search(cell):
            notes.append(cell)
        elif label is not None and (value := _cell_quantity(cell)) is not None and not isinstance(cell, str):
            # "Sisa blangko KTP-el akhir hari:" over a cell of its own holding 1684: the label names the figure.
            notes.append(f"{label.rstrip(' :')} : {value:,}".replace(",", "."))
        label = cell if isinstance(cell, str) and not _FIGURE_IN_CELL_RE.search(cell) else None
    if not notes:
        return []
    text = "\n".join(notes)
    stated = {c.field for c in read if c.value is not None}
    found, _ = read_text(text, normalise(text), sent=sent)
    row_days = {day for r in rows if r and (day := cell_date(r[0], sent)) is not None}
    return [
        replace(c, text=f"{source}: {c.text}", table=True, cues=(*c.cues, "sheet_note"))
        for c in found if c.field not in stated and c.value is not None and c.doubt is None
        and not (c.field == "received" and _delivery_of_a_row_day(c.text, row_days, sent))
    ]


def _delivery_of_a_row_day(note: str, row_days: set[date], sent: datetime | None) -> bool:
    """"Ket: 10-08 masuk kiriman provinsi 1.000 keping" under a week's rows of 06-08 to 12-08: a delivery dated to a
    day of the table's own rows explains that day's stock in it; it is no receipt the report tells (the delivery
    has its own mail)."""
    day = parse_date(note, sent)
    return day is not None and len(row_days) > 1 and day in row_days


_NEED_HEADER_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.NEED_WORDS) + r")(?![\w-])")
_ASK_HEADER_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.ASK_HEADER_WORDS) + r")(?![\w-])")


def asked_beside_needed_table(candidates: list[Candidate]) -> list[Candidate]:
    """Leave out a table's need ("Kecamatan | Kebutuhan Okt-Des" ... "JUMLAH | 3.000") when the writer's own
    words ask a figure of their own ("sehingga kami mohon kekurangannya sebanyak 780 keping"): the need is
    the reason, the ask is the request."""
    def need_column(c: Candidate) -> bool:
        header = next((normalise_header(cue.split(":", 1)[1]) for cue in c.cues
                       if cue.startswith(("table_column:", "row_label:"))), "")
        return bool(_NEED_HEADER_RE.search(header)) and not _ASK_HEADER_RE.search(header)

    def asked_in_words(c: Candidate) -> bool:
        words = [cue.split(":", 1)[1] for cue in c.cues if cue.startswith(("keyword_before:", "keyword_after:"))]
        return bool(words) and not any(w in _NEED_NOUNS or _NEED_HEADER_RE.fullmatch(w) for w in words)

    asked = [c for c in candidates if c.field == "requested" and not c.table and c.value is not None
             and c.doubt is None and asked_in_words(c)]
    if not asked:
        return candidates
    return [c for c in candidates if not (c.field == "requested" and c.table and need_column(c))]


# "Rincian kebutuhan per kecamatan ada di lampiran": the words name the attached table as the breakdown of the ask.
_BREAKDOWN_ATTACHED_RE = re.compile(
    r"(?<![\w-])(?:" + _words_re(vocab.ASK_BREAKDOWN_WORDS) + r")(?![\w-])[^\n.]{0,60}?(?<![\w-])(?:"
    + _words_re(vocab.ATTACHED_WORDS) + r")(?![\w-])"
)


def breakdown_total_disagrees(low: str, candidates: list[Candidate]) -> list[Candidate]:
    """"Mohon blangko KIA sebanyak 1.000 lembar. Rincian kebutuhan per kecamatan ada di lampiran." over a sheet
    whose need column totals 1.200: the words call the table the breakdown of their ask, and the two disagree;
    which figure is meant, a clerk asks (the ask is a conflict, not the words' figure over the table's)."""
    if not _BREAKDOWN_ATTACHED_RE.search(low):
        return candidates
    totals = [c for c in candidates if c.field == "requested" and c.table and "total_row" in c.cues
              and c.value is not None and c.doubt is None and _NEED_HEADER_RE.search(next(
                  (normalise_header(cue.split(":", 1)[1]) for cue in c.cues if cue.startswith("table_column:")), ""))]
    asked = [c for c in candidates if c.field == "requested" and not c.table and c.value is not None
             and c.doubt is None and any(cue.startswith("keyword_before:") for cue in c.cues)
             and not any(cue.split(":", 1)[1] in _NEED_NOUNS for cue in c.cues if cue.startswith("keyword_"))]
    if len(totals) != 1 or not asked or {c.value for c in asked} != {asked[0].value}:
        return candidates
    total = totals[0]
    if total.value == asked[0].value or (total.item is not None and asked[0].item not in (None, total.item)):
        return candidates
    return [
        replace(c, value=None, doubt="conflict", text=f"{total.text} / {c.text}") if c in asked else c
        for c in candidates
    ]


def shortfall_of_table(low: str, candidates: list[Candidate]) -> list[Candidate]:
    """"| Kebutuhan Jul-Sep | 1200 |" and "| Sisa stok | 380 |" in a typed table, "Mohon kiranya kekurangannya dapat
    dikirim" in the words beside it: the gap asked is worked out from the table's need and stock as from a need and
    stock written in words (_shortfall_asked). Only when the need is a table's need row or column and the words
    state no figure asked of their own (a table's ask column, "Usulan", is already the gap)."""
    asked = [c for c in candidates if c.field == "requested"]
    if not asked or any(not c.table for c in asked):
        return candidates

    def need_header(c: Candidate) -> bool:
        header = next((normalise_header(cue.split(":", 1)[1]) for cue in c.cues
                       if cue.startswith(("table_column:", "row_label:"))), "")
        return bool(_NEED_HEADER_RE.search(header)) and not _ASK_HEADER_RE.search(header)

    if not all(need_header(c) for c in asked):
        return candidates
    return _shortfall_asked(mask_non_quantities(low), candidates)


def _asked_over_need(candidates: list[Candidate]) -> list[Candidate]:
    """Leave out the requested figures of a need column or row when a column or row of the ask is read too."""
    def header(c: Candidate) -> str:
        return next((normalise_header(cue.split(":", 1)[1]) for cue in c.cues
                     if cue.startswith(("table_column:", "row_label:"))), "")

    def kind(c: Candidate) -> str | None:
        # The header's first word of either kind names it: "Usulan (kebutuhan - sisa)" asks,
        # "Kebutuhan" under the title "PERMOHONAN BLANGKO" is the need.
        text = header(c)
        ask, need = _ASK_HEADER_RE.search(text), _NEED_HEADER_RE.search(text)
        if ask and (need is None or ask.start() < need.start()):
            return "ask"
        return "need" if need else None

    kinds = {id(c): kind(c) for c in candidates if c.field == "requested"}
    if "ask" not in kinds.values():
        return candidates
    return [c for c in candidates if kinds.get(id(c)) != "need"]


def _read_table(
    rows: tuple[tuple[object, ...], ...], sent: datetime | None, source: str, period: bool = False,
) -> tuple[list[Candidate], date | None] | None:
    for h, row in enumerate(rows):
        cols = _header_columns(row, totalled=any(_is_total_row(r) for r in rows[h + 1 :]))
        if cols is None:
            continue
        cols = _stock_opname_columns(row, cols, f"{source} {_title_text(rows[:h])}")
        under = rows[h + 1 :]
        if under and all(len(r) == len(row) + 1 and isinstance(r[0], str) and r[0].strip()
                         and _cell_quantity(r[0]) is None for r in under):
            # "Rekam | Cetak | Sisa" over "KTP-el | 11 | 9 | 447": the labels' column has no header of its own.
            row, cols = ("", *row), {i + 1: c for i, c in cols.items()}
        if h > 0:
            row = _with_spanning_items(rows[h - 1], row)
        body = [r for r in rows[h + 1 :] if not _is_subtotal_row(r)]
        labelled, body = _footer_rows(body, cols, source, row)
        filled = [
            r for r in body
            if any(_cell_quantity(r[i]) is not None for i, c in cols.items() if c in QUANTITY_FIELDS and i < len(r))
        ]
        totals = [r for r in filled if _is_total_row(r)]
        data = [r for r in filled if not _is_total_row(r)]
        if not totals and len(data) > 1 and any(_is_total_row(r) for r in body):
            # "Jumlah" closing the rows with no figure in it (a formula saved without its result): the total
            # a clerk sees is not in the file, and no one row stands for it.
            return [*_unclear_columns(cols, source, "total row without figures"), *labelled], None
        if not data and not totals:
            if labelled:
                return labelled, None
            continue
        item_col = next((i for i, c in cols.items() if c == "item"), None)
        if item_col is None and 0 not in cols and len(data) > 1 and not totals:
            # "| | Rekam | Cetak | Sisa" over "| KTP-el | 11 | 9 | 447" and "| KIA | | 12 | 163": the labels' column,
            # unheaded, names a blank a row.
            item_col = 0
        if item_col is not None:
            by_item = _rows_by_item(data, item_col)
            if by_item is not None:
                # A row per blank ("KTP-el | 3.000 | 3.000", "KIA | 500 | 500"): each row is that blank's.
                per_item: list[Candidate] = []
                for item, item_row in by_item:
                    per_item += _row_candidates(row, item_row, cols, source, None, item, ("item_row",))
                if any(c.field == "requested" and c.value for c in per_item):
                    # "KTP-el | 480 | 4.200 | 3.700" over "KIA | 610 | 1.350 | 0": a blank asked none of is no
                    # blank of the request.
                    per_item = [c for c in per_item if not (c.field == "requested" and c.value == 0)]
                return per_item + labelled, None
        date_col = next((i for i, c in cols.items() if c == "date"), None)
        chosen: tuple[object, ...] | None = None
        row_date: date | None = None
        cue = "only_row"
        dated: list[tuple[date, tuple[object, ...]]] = []
        if date_col is not None:
            dated = [(d, r) for r in data if date_col < len(r) and (d := cell_date(r[date_col], sent)) is not None]
            if dated:
                row_date, chosen = max(dated, key=lambda pair: pair[0])
                cue = "latest_row" if len(dated) > 1 else "only_row"
                if sum(1 for d, _ in dated if d == row_date) > 1:
                    # Several rows of the latest day ("19/11 | Kantor Dinas", "19/11 | UPT ..."): a row
                    # per place, not per day; the total row, if one, is the day's figure.
                    if len(totals) != 1:
                        return [*_unclear_columns(cols, source, f"{len(data)} rows of one day"), *labelled], row_date
                    chosen, cue = totals[0], "total_row"
        if chosen is None and len(totals) == 1 and len(data) > 1 and (_per_weekday(data) or _per_month(data)):
            # "Senin | 27 | 25 | 1.183" ... "Jumat | 18 | 15 | 1.081", "Jumlah | 138 | 127 | 1.081": a row per
            # day in the order of the week (or per month of a year's recap, "Jan-2026" ... "Dec-2026"); the
            # stock is the last row's, what was done is the total's.
            last_day = data[-1]
            return _period_candidates(row, last_day, totals[0], cols, source, "", data) + labelled, None
        if chosen is None and len(totals) == 1 and len(data) > 1:
            # A row per kecamatan or place, then "Jumlah": the total row is the district's figure.
            chosen, cue = totals[0], "total_row"
        if chosen is None and len(data) == 1 and not totals:
            chosen = data[0]
        if chosen is None and len(data) > 1 and not totals and date_col is None and _per_place(row, data):
            # A row per kecamatan and no total row: the district's figure is the sum of its places'.
            return _summed_rows(row, (), {i: c for i, c in cols.items() if c in QUANTITY_FIELDS}, source,
                                " (rows of places)", data, summed=True) + labelled, None
        if chosen is None and period and len(data) > 1 and not totals and date_col is None and _per_weekday(data):
            # "SENIN | 21 | 19" ... "JUMAT | 20 | 17" in a report of a week, no total row: as with a row per date,
            # what was done is the sum of the rows, the stock the last day's.
            return _summed_rows(row, data[-1], cols, source, "", data) + labelled, None
        if (
            chosen is None and len(data) > 1 and not totals and date_col is None and sent is not None
            and _periods_in_order(data) == (sent.year, sent.month)
        ):
            # "Oktober 2027 | 2.410 | 2.288 | 2.930" ... "Minggu II Januari 2028 | 402 | 318 | 1.851" in a mail of
            # January 2028: a recap of earlier periods closed by the one reported; the latest period's row is the
            # report's. (A recap ending in an earlier month reports no period now.)
            chosen, cue = data[-1], "latest_period_row"
        if chosen is None:
            return [*_unclear_columns(cols, source, f"{len(data)} rows without dates"), *labelled], None
        label = f" ({row[date_col]} {chosen[date_col]})" if date_col is not None and date_col < len(chosen) else ""
        if period and cue == "latest_row" and not totals and len({d for d, _ in dated}) == len(dated) == len(data) > 1:
            # A report of a period (a week, two late days together) with a row per day and no total row:
            # what was done is the sum of the rows; the stock is the last day's.
            return _summed_rows(row, chosen, cols, source, label, data) + labelled, row_date
        if cue == "latest_row" and len(totals) == 1 and len({d for d, _ in dated}) == len(dated) > 1:
            # A row per day over a period closed by a total row: the stock is the last day's, what was
            # done is the period's total. (Without a total row each row is that day's report, and the
            # latest day is the report now.)
            return _period_candidates(row, chosen, totals[0], cols, source, label, data) + labelled, row_date
        found = _row_candidates(row, chosen, cols, source, label, None, (cue,))
        if cue == "total_row":
            found = _checked_total(found, chosen, data, cols, source)
        return _without_labelled_fields(found, labelled) + labelled, row_date
    labelled = _labelled_rows(rows, source)
    if labelled:
        return labelled, None
    titled = _titled_count_table(rows)
    return _read_table(titled, sent, source) if titled is not None else None


def _titled_count_table(rows: tuple[tuple[object, ...], ...]) -> tuple[tuple[object, ...], ...] | None:
    """A sheet whose count column names no role ("Kemasan | Jenis | Jumlah (keping)") under a title that
    names one ("BERITA ACARA SERAH TERIMA BLANGKO"), closed by a total row, or holding a row per blank
    ("No | Jenis | Jumlah (keping)" / "1 | KTP-el | 1000"): the rows from the header on, the count column
    named by the title's role. None otherwise."""
    for h, row in enumerate(rows):
        cells = [c if isinstance(c, str) else "" for c in row]
        filled = [c for c in cells if c.strip()]
        count = _generic_count_column(cells)
        if count is None or len(filled) < 2:
            continue
        if not any(_is_total_row(r) for r in rows[h + 1 :]) and not _one_row_per_blank(rows[h + 1 :], cells, count):
            continue
        title = " ".join(c for r in rows[:h] for c in r if isinstance(c, str))
        roles = {k.role for k in keywords(mask_non_quantities(normalise(title))) if k.role != "ignore"}
        if len(roles) != 1:
            return None
        header = list(row)
        header[count] = f"{cells[count]} ({_ROLE_COLUMN_WORDS[roles.pop()]})"
        return (tuple(header), *rows[h + 1 :])
    return None


def _one_row_per_blank(rows: Sequence[tuple[object, ...]], header: Sequence[str], count: int) -> bool:
    """Whether the rows with a figure in the count column each name a different blank in the column headed
    by a blank's kind ("Jenis", "Jenis Blangko"), and there is at least one."""
    item_col = next((i for i, c in enumerate(header) if column_of(c) == "item"), None)
    if item_col is None:
        return False
    counted = [r for r in rows if count < len(r) and _cell_quantity(r[count]) is not None]
    return bool(counted) and _rows_by_item(counted, item_col) is not None


def _sheet_layout(table: Sequence[tuple[object, ...]]) -> tuple[tuple[str, ...], date, date] | None:
    """A sheet's header row (its first row whose columns map to roles) and the first and last dates of its
    rows; None for a sheet with no such header or no dated row."""
    for i, row in enumerate(table[:_SHEET_HEADER_ROWS]):
        cols = _header_columns(row)
        if cols is None or "date" not in cols.values():
            continue
        at = next(c for c, role in cols.items() if role == "date")
        days = [d for r in table[i + 1 :] if at < len(r) and (d := cell_date(r[at], None)) is not None]
        if not days:
            return None
        return tuple(normalise_header(c) for c in row), min(days), max(days)
    return None


_SHEET_HEADER_ROWS = 8  # how far down a sheet its header row is looked for


def earlier_period_sheets(tables: Sequence[tuple[str, Sequence[tuple[object, ...]]]]) -> set[int]:
    """The indexes of the sheets a workbook keeps for earlier periods: "Minggu I" (29/03 to 02/04) beside
    "Minggu II" (05/04 to 09/04), laid out alike, a sheet a week. Each ends before another sheet of the same
    file and layout begins; the latest sheet is the report sent now. (Sheets of the same days, a sheet a blank,
    stay.)"""
    layouts = {i: (name, found) for i, (name, table) in enumerate(tables)
               if (found := _sheet_layout(table)) is not None}
    return {
        i for i, (name, (header, _, last)) in layouts.items()
        if any(j != i and other_name == name and other[0] == header and other[1] > last
               for j, (other_name, other) in layouts.items())
    }


def _with_spanning_items(above: tuple[object, ...], header: tuple[object, ...]) -> tuple[object, ...]:
    """A header row under a row of merged cells naming the blanks ("KTP-el" over "Rekam | Cetak | Rusak",
    "KIA" over "Cetak | Rusak"): each column's header with the blank over it."""
    spans: dict[int, str] = {}
    current: str | None = None
    for i in range(len(header)):
        cell = above[i] if i < len(above) else None
        if isinstance(cell, str) and cell.strip():
            named, ambiguous = explicit_item(normalise_header(cell))
            current = cell.strip() if named is not None and not ambiguous else None
        if current is not None:
            spans[i] = current
    if not spans:
        return header
    return tuple(
        f"{cell} {spans[i]}" if i in spans and isinstance(cell, str) and cell.strip() else cell
        for i, cell in enumerate(header)
    )


def _unclear_columns(cols: dict[int, str], source: str, why: str) -> list[Candidate]:
    return [
        Candidate(col, None, f"{source}: {why}", True, "unclear") for col in cols.values() if col in QUANTITY_FIELDS
    ]


def _without_labelled_fields(found: list[Candidate], labelled: list[Candidate]) -> list[Candidate]:
    """A figure a labelled row states ("Sisa blangko | 1.089") outranks the same column's cell in the
    rows above, which may be another line's."""
    named = {(c.field, c.item) for c in labelled}
    return [c for c in found if (c.field, c.item) not in named]


def _row_label(r: tuple[object, ...]) -> tuple[int, str] | None:
    """(index, text) of a row's label: its first filled cell within the first three, when it is words."""
    for i, cell in enumerate(r[:3]):
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            continue
        if i == 0 and (isinstance(cell, int) or (isinstance(cell, str) and _NUMBERING_CELL_RE.match(cell))):
            continue  # "1 | Perekaman KTP-el | 1.234": the row's number, then its label
        if isinstance(cell, str) and _cell_quantity(cell) is None and any(ch.isalpha() for ch in cell):
            return i, cell
        return None
    return None


def _label_role(text: str) -> str | None:
    """The role a row label names ("Sisa blangko KTP-el" -> stock_on_hand), or "ignore"."""
    low = normalise_header(text)
    if _TOTAL_RE.match(low) and column_of(_TOTAL_RE.sub("", low, count=1)) is None:
        return None  # "Jumlah", "TOTAL KABUPATEN": a total row, read as such
    role = column_of(text)
    return role if role in QUANTITY_FIELDS or role == "ignore" else None


_ALREADY_REPORTED_RE = re.compile(
    r"(?<![\w-])(?:" + _words_re(vocab.ALREADY_REPORTED_REMARKS) + r")(?![\w-])"
)


def _labelled_candidates(
    r: tuple[object, ...], start: int, role: str, label: str, source: str, label_item: str | None,
    column_items: dict[int, str] | None = None,
) -> list[Candidate]:
    """The figures of one labelled row: one per blank named in it ("KTP-el | 1.216 | KIA | 583"), or its
    one figure; more figures than blanks is unclear. column_items: under a table whose headers name a
    blank per column ("KTP-el recorded | ... | KIA recorded"), the blank of each column, which a figure
    in that column is said of when the row names none."""
    out: list[Candidate] = []
    item = label_item
    seen: dict[str | None, int] = {}
    for j, cell in enumerate(r[start:], start):
        if column_items and label_item is None:
            item = column_items.get(j)
        if isinstance(cell, str) and not _FIGURE_CELL_RE.match(cell):
            if role == "received" and j > start and _ALREADY_REPORTED_RE.search(normalise(cell)):
                return []  # "Penerimaan | 2.000 | diterima 21/09, sudah dilaporkan": an earlier report's receipt
            # Words ("KIA", "untuk 5 minggu", "BA terlampir"): a blank's name, or a remark.
            named, ambiguous = explicit_item(normalise_header(cell))
            if named is not None and not ambiguous:
                item = named
            continue
        value = _cell_quantity(cell)
        if value is None or (role == "received" and value == 0):
            continue
        seen[item] = seen.get(item, 0) + 1
        where = " ".join(label.split())
        span = ("day_span",) if role in ("printed", "recorded") and _DAY_SPAN_RE.search(label.lower()) else ()
        out.append(Candidate(role, value, f"{source}: {where}: {value}", True, item=item, table=True,
                             cues=(f"row_label:{where}", "labelled_row", *span)))
    if any(n > 1 for n in seen.values()):
        return [Candidate(role, None, f"{source}: {' '.join(label.split())}: several figures", True, "unclear")]
    return out


def _column_items(header: tuple[object, ...]) -> dict[int, str]:
    """The blank each header cell names ("KTP-el recorded" -> ktp-el), when the headers name both blanks
    (one blank named throughout says nothing per column)."""
    items: dict[int, str] = {}
    for i, cell in enumerate(header):
        named, ambiguous = explicit_item(normalise_header(cell))
        if named is not None and not ambiguous:
            items[i] = named
    return items if len(set(items.values())) > 1 else {}


def _footer_rows(
    body: list[tuple[object, ...]], cols: dict[int, str], source: str, header: tuple[object, ...] = (),
) -> tuple[list[Candidate], list[tuple[object, ...]]]:
    """Rows under a table that state a figure by their label ("Sisa blangko KTP-el | | | 1.089" under a
    row per place and its total), read by that label; and the rows left. Rows after the total row that
    name no role are no data either."""
    quantity_cols = {i for i, c in cols.items() if c in QUANTITY_FIELDS or c == "date"}
    column_items = _column_items(header)
    last_total = max((k for k, r in enumerate(body) if _is_total_row(r)), default=-1)
    out: list[Candidate] = []
    rest: list[tuple[object, ...]] = []
    previous: str | None = None
    for k, r in enumerate(body):
        found = _row_label(r)
        under_total = found is not None and (
            _stock_line_under_total(found, cols, k, last_total)
            or _stock_line_closing_days(found, cols, k, body, last_total)
        )
        role = _label_role(found[1]) if found is not None and (found[0] not in quantity_cols or under_total) else None
        if role is None and previous is not None and found is not None and k > last_total:
            # (None, "KIA", 1460) under ("Stok akhir bulan", "KTP-el", 2894): the label runs on.
            named, ambiguous = explicit_item(normalise_header(found[1]))
            if named is not None and not ambiguous:
                out += _labelled_candidates(r, found[0], previous, found[1], source, None)
                continue
        if role is None:
            previous = None
            if last_total < 0 or k <= last_total:
                rest.append(r)
            continue
        previous = role if role != "ignore" else None
        if role == "ignore" and (last_total < 0 or k <= last_total):
            rest.append(r)  # "Kecamatan Sesayap", "Blangko KTP-el (No. Seri ...)": a row of the table
        elif role != "ignore":
            idx, label = found  # type: ignore[misc]
            got = _labelled_candidates(r, idx + 1, role, label, source, explicit_item(normalise_header(label))[0],
                                       column_items)
            out += [replace(c, cues=(*c.cues, STOCK_UNDER_TOTAL)) for c in got] if under_total else got
    return out, rest


# The cue of a stock line in a daily sheet's date column under its total row (see _stock_line_under_total).
STOCK_UNDER_TOTAL = "stock_under_total"


def _stock_line_under_total(found: tuple[int, str], cols: dict[int, str], k: int, last_total: int) -> bool:
    """Whether a row under a table's total row is labelled with a stock in its date column ("Sisa blangko per
    30/11/2026 | 2.480" under "JUMLAH | 2.056 | 1.987"): a line of its own, not a day's row."""
    return 0 <= last_total < k and cols.get(found[0]) == "date" and _label_role(found[1]) == "stock_on_hand"


def _stock_line_closing_days(
    found: tuple[int, str], cols: dict[int, str], k: int, body: list[tuple[object, ...]], last_total: int,
) -> bool:
    """Whether the last filled row of a daily sheet without a total row is labelled with a stock in its date
    column ("sisa_blangko_akhir | | | 3691" under the rows of 26/07 ... 30/07): a line of its own, not a day's."""
    last_filled = max(
        (j for j, r in enumerate(body) if any(_cell_quantity(cell) is not None for cell in r)), default=-1
    )
    return (
        last_total < 0 and k == last_filled and cols.get(found[0]) == "date"
        and _label_role(found[1]) == "stock_on_hand"
    )


def _labelled_rows(rows: tuple[tuple[object, ...], ...], source: str) -> list[Candidate]:
    """A sheet of rows each naming its figure ("Sisa stok saat ini | 720", "Jumlah yang diminta | 1.800",
    "Closing stock | 1.502"): every figure by its label. A role named twice with different figures is
    unclear."""
    out: list[Candidate] = []
    previous: str | None = None
    titled: str | None = None  # the one blank a title above the rows names ("Rekap harian KTP-el 03/12")
    column_items: dict[int, str] = {}  # "Uraian | KTP-el | KIA" over the rows: the blank of each column
    running: frozenset[int] = frozenset()  # columns a second header row calls running totals ("s.d. minggu ini")
    month_columns: tuple[int, ...] = ()  # "Uraian | Jan | Feb | ... | Des": a column per month, in order
    day_columns: tuple[int, ...] = ()  # "| Sen 9/11 | Sel 10/11 | ... | Jml": a column per day of a week, in order
    total_column: int | None = None
    ledger = any((found := _row_label(r)) is not None and _OPENING_HEADER_RE.search(normalise_header(found[1]))
                 for r in rows)  # "Stok awal | 5.120 | ...": the months' movements from an opening stock
    for r in rows:
        found = _row_label(r)
        if found is None:
            previous = None
            continue
        idx, label = found
        role = _label_role(label)
        if role is None and (sub := _running_columns(r)) is not None:
            # "Uraian | KTP-el | | KIA |" over "| Minggu ini | s.d. minggu ini | Minggu ini | s.d. minggu ini":
            # a blank's merged header spans the columns of the row under it, and a running total's column
            # ("s.d.", "kumulatif") holds no figure of the period.
            running = sub
            month_columns = _month_columns(r) or month_columns  # "Uraian | Okt | Nov | Total s.d. Nov"
            spans = sorted(column_items.items())
            for j, cell in enumerate(r):
                if j not in column_items and isinstance(cell, str) and cell.strip():
                    left = [item for k, item in spans if k < j]
                    if left:
                        column_items[j] = left[-1]
            continue
        if role is None and not any(_cell_quantity(c) is not None for c in r if not isinstance(c, str)):
            column_items = _column_items(r) or column_items
            month_columns = _month_columns(r) or month_columns
            if days := _day_columns(r):
                day_columns, total_column = days, _total_column(r)
        if role is None and not out:
            named, ambiguous = explicit_item(normalise_header(" ".join(c for c in r if isinstance(c, str))))
            titled = named if named is not None and not ambiguous and len(_filled(r)) == 1 else titled
        if role is None and previous is not None:
            named, ambiguous = explicit_item(normalise_header(label))
            if named is not None and not ambiguous:
                out += _labelled_candidates(r, idx, previous, label, source, None)
                continue
        previous = role if role not in (None, "ignore") else None
        if previous is not None:
            item = explicit_item(normalise_header(label))[0] or (None if column_items else titled)
            kept = tuple(None if j in running else c for j, c in enumerate(r))
            if month_columns and (previous == "stock_on_hand" or (
                previous in _COUNT_FIELDS and not ledger and _month_figures_only(kept, idx, month_columns)
            )):
                # "Stok akhir | 5.131 | 4.375 | ... | 2.489" under "Uraian | Jan | Feb | ... | Des": a stock
                # per month; the stock now is the last month's. So are the counts of a row with a figure in
                # month columns only ("Pencetakan | 390 | 447 | 419" under "Uraian | Sep | Okt | Nov"): the
                # latest month's are the report's (beside a total column a clerk asks which is meant). A
                # ledger of the months' movements from an opening stock ("Stok awal | Penerimaan | Pemakaian")
                # gives only its closing stock.
                filled = [j for j in month_columns if j < len(kept) and _cell_quantity(kept[j]) is not None]
                kept = tuple(None if j in month_columns and filled and j != filled[-1] else c
                             for j, c in enumerate(kept))
            if day_columns and not month_columns:
                kept = _days_row(kept, previous, day_columns, total_column)
            out += _labelled_candidates(kept, idx + 1, previous, label, source, item, column_items)
    return out


def _month_figures_only(r: tuple[object, ...], label_at: int, month_columns: tuple[int, ...]) -> bool:
    """Whether every figure of a row after its label stands in a month's column (no total column beside)."""
    return all(j in month_columns for j, c in enumerate(r) if j > label_at and _cell_quantity(c) is not None)


def _running_columns(r: tuple[object, ...]) -> frozenset[int] | None:
    """The columns of a second header row (words only, two or more) that name running totals ("Minggu ini |
    s.d. minggu ini"); None when the row holds a figure, or names no running total beside a column that is
    not one."""
    texts = {j: normalise_header(c) for j, c in enumerate(r) if isinstance(c, str) and c.strip()}
    if len(texts) < 2 or any(_cell_quantity(c) is not None for c in r if not isinstance(c, str) and c is not None):
        return None
    running = frozenset(j for j, t in texts.items() if _CUMULATIVE_RE.search(t))
    return running if running and len(running) < len(texts) else None


def _filled(r: tuple[object, ...]) -> list[object]:
    return [c for c in r if c is not None and not (isinstance(c, str) and not c.strip())]


def _is_subtotal_row(r: tuple[object, ...]) -> bool:
    """Whether a row is a subtotal ("Subtotal Hilir", "Sub Total P. Sebatik"): part of the table's
    total, neither a row of its own nor the total."""
    found = _row_label(r)
    return found is not None and bool(_SUBTOTAL_RE.match(normalise_header(found[1])))


# Columns that say how much there is at a moment; every other quantity column counts what was done in a day.
_LEVEL_COLUMNS = frozenset(("stock_on_hand",))


_DAY_NAMES = frozenset(vocab.DAY_NAMES + vocab.ENGLISH_DAY_NAMES)


_PERIOD_WORDS_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.PERIOD_REPORT_WORDS) + r")(?![\w-])")
_PERIOD_LINES_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.PERIOD_LINES_WORDS) + r")(?![\w-])")
_MONTH_NAMES = vocab.alternation(tuple(vocab.MONTHS))
# A span of days: "23-28 November", "02-03 Desember", "1/12 - 5/12", "1 s.d. 5 Desember".
_DAY_SPAN_TITLE_RE = re.compile(
    r"\b\d{1,2}\s*(?:[-\u2013]|s\.?\s?d\.?|s/d|sampai|hingga|to)\s*\d{1,2}\s*(?:" + _MONTH_NAMES + r")\b"
    r"|\b\d{1,2}/\d{1,2}\s*(?:[-\u2013]|s\.?\s?d\.?|s/d|sampai|hingga|to)\s*\d{1,2}/\d{1,2}\b"
    # Days listed together: "Laporan harian 8 & 11 Januari", "laporan kegiatan 7 dan 8 Januari 2027".
    r"|\b\d{1,2}(?:\s*,\s*\d{1,2})*\s*(?:&|\+|dan|and)\s*\d{1,2}\s*(?:" + _MONTH_NAMES + r")\b"
)
_COUNT_FIELDS = ("printed", "recorded")


_SUBUNIT_REPORT_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.SUBUNIT_REPORT_LEADS) + r")[^\S\n]+(?:(?:dari|of)[^\S\n]+)?(?:"
    + vocab.alternation(vocab.SUBUNIT_WORDS) + r")[^\S\n]+(?:kec\.?[^\S\n]+|kecamatan[^\S\n]+)?(?!(?:"
    + vocab.alternation(vocab.SUBUNIT_UNNAMED_WORDS) + r")(?![\w-]))[a-z]{3,}"
)
_DISTRICT_FIGURE_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.DISTRICT_FIGURE_PHRASES) + r")(?![\w-])"
)


def subunit_report(head: str, text: str) -> bool:
    """Whether a mail's title and opening (normalised) head it as one office's report ("Laporan UPT Krayan 4
    hari") and its text (normalised) gives no figure of the whole district ("rekap kabupaten", "gudang
    kabupaten"): its figures are that office's, not the district's."""
    return bool(_SUBUNIT_REPORT_RE.search(head)) and not _DISTRICT_FIGURE_RE.search(text)


_SUBUNIT_WRITER_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.SUBUNIT_WRITER_LEADS) + r")[^\S\n]+(?:"
    + vocab.alternation(vocab.SUBUNIT_WORDS) + r")(?![\w-])"
    r"|^[^\S\n]*(?:" + vocab.alternation(vocab.SUBUNIT_WORDS) + r")[^\S\n]+(?:kec\.?|kecamatan)(?![\w-])",
    re.MULTILINE,
)


def subunit_writer(text: str) -> bool:
    """Whether a mail's own words (normalised) come from one office of a district ("Kami dari UPT Disdukcapil
    Kecamatan Sebatik", a signature line "UPT Disdukcapil Kec. Sebatik") and give no figure of the whole
    district ("stok kabupaten"): the stock and work it states are that office's, not the district's."""
    return bool(_SUBUNIT_WRITER_RE.search(text)) and not _DISTRICT_FIGURE_RE.search(text)


def period_report(head: str, lines: bool = False) -> bool:
    """Whether a mail's title and opening (normalised) say it reports a period rather than one day:
    "Laporan mingguan", "rekap 23-28 November", "laporan tanggal 2 terlambat, kami gabung"; over dated lines
    (lines), also "lap minggu ini"."""
    return bool(
        _PERIOD_WORDS_RE.search(head) or _DAY_SPAN_TITLE_RE.search(head)
        or (lines and _PERIOD_LINES_RE.search(head))
    )


def summed_over_days(candidates: list[Candidate]) -> list[Candidate]:
    """In a report of a period, the counts of its dated lines ("Rabu 2/12: rekam 150, cetak 141" /
    "Kamis 3/12: rekam 139, cetak 135") add up to the period's; the stock stays the last day's."""
    out = list(candidates)
    for field in _COUNT_FIELDS:
        mine = [c for c in out if c.field == field]
        stated = _stated_period_total(mine)
        if stated is not None:
            out = [c for c in out if c.field != field] + [stated]
            continue
        days = [c.row_date for c in mine]
        if len(mine) < 2 or not all(days) or len(set(days)) != len(days) or any(
            c.value is None or c.doubt or c.corrects or c.total or c.table for c in mine
        ):
            continue
        total = sum(c.value for c in mine if c.value is not None)
        latest = max(days)  # type: ignore[type-var]
        summed = replace(mine[-1], value=total, text=" + ".join(c.text for c in mine), row_date=latest,
                         cues=(*mine[-1].cues, "summed_over_days"))
        out = [c for c in out if c.field != field] + [summed]
    return out


def _stated_period_total(mine: Sequence[Candidate]) -> Candidate | None:
    """Beside a period's dated lines ("Senin 30/11 : perekaman 41" ... "Rabu 2/12 : perekaman 29"), an undated
    figure of the same role that is their sum ("Jumlah 3 hari: perekaman 118") is the period's figure, checked."""
    dated = [c for c in mine if c.row_date]
    undated = [c for c in mine if not c.row_date]
    if len(dated) < 2 or not undated or len({c.row_date for c in dated}) != len(dated) or any(
        c.value is None or c.doubt or c.corrects for c in mine
    ):
        return None
    total = sum(c.value for c in dated if c.value is not None)
    if {c.value for c in undated} != {total}:
        return None
    return replace(undated[-1], cues=(*undated[-1].cues, "checked_period_total"))


_ROW_MONTH_RE = re.compile(r"(?<![a-z])(" + vocab.alternation(tuple(vocab.MONTHS)) + r")(?![a-z])")


def _month_columns(header: tuple[object, ...]) -> tuple[int, ...]:
    """The columns of a header row that each name one month, two at least, in the order of the year
    ("Uraian | Jan | Feb | ... | Des"); () otherwise."""
    found: list[tuple[int, int]] = []
    for j, cell in enumerate(header):
        if isinstance(cell, str) and cell.strip():
            text = normalise_header(cell)
            named = _ROW_MONTH_RE.findall(text)
            if len(named) == 1 and _ROW_MONTH_RE.sub("", text).strip(" -/'0123456789") == "":
                found.append((j, vocab.MONTHS[named[0]]))
    months = [m for _, m in found]
    if len(found) < 2 or any(a >= b for a, b in zip(months, months[1:], strict=False)):
        return ()
    return tuple(j for j, _ in found)


_DAY_CELL_RE = re.compile(r"(?P<day>[a-z']+)[,.]?(?:[^\S\n]+\d{1,2}(?:[/.-]\d{1,2}){0,2})?")


def _day_columns(header: tuple[object, ...]) -> tuple[int, ...]:
    """The columns of a header row that each name one day of the week, two at least, in the week's order
    ("| Sen 9/11 | Sel 10/11 | ... | Jum 13/11 | Jml", "Sen | Sel | Rab"); () otherwise."""
    found: list[tuple[int, int]] = []
    for j, cell in enumerate(header):
        if isinstance(cell, str) and cell.strip():
            day = _DAY_CELL_RE.fullmatch(normalise_header(cell))
            if day is not None and day["day"] in vocab.WEEKDAY_OF:
                found.append((j, vocab.WEEKDAY_OF[day["day"]]))
    days = [d for _, d in found]
    if len(found) < 2 or any(a >= b for a, b in zip(days, days[1:], strict=False)):
        return ()
    return tuple(j for j, _ in found)


def _total_column(header: tuple[object, ...]) -> int | None:
    """The one column of a header row that names a total ("Jml", "Total"), if any."""
    found = [j for j, cell in enumerate(header) if isinstance(cell, str) and _TOTAL_RE.fullmatch(
        normalise_header(cell).strip(" .:"))]
    return found[0] if len(found) == 1 else None


def _days_row(row: tuple[object, ...], role: str, days: tuple[int, ...], total: int | None) -> tuple[object, ...]:
    """A row of a week's table with a column per day (see _day_columns), as the one figure it gives: a stock,
    the last day's; a count, the week's total column when the days add up to it, else their sum (a total
    column that the days do not add up to is left beside them, for a clerk to ask)."""
    filled = [j for j in days if j < len(row) and _cell_quantity(row[j]) is not None]
    if not filled:
        return row
    if role == "stock_on_hand":
        keep = {filled[-1]}
    else:
        summed = sum(_cell_quantity(row[j]) or 0 for j in filled)
        stated = _cell_quantity(row[total]) if total is not None and total < len(row) else None
        if stated is not None and stated != summed:
            return row
        if stated is None:
            return (*(None if j in days or j == total else c for j, c in enumerate(row)), summed)
        keep = {total} if total is not None else set()
    return tuple(None if (j in days or j == total) and j not in keep else c for j, c in enumerate(row))


def _per_month(data: Sequence[tuple[object, ...]]) -> bool:
    """Whether every row is labelled with a month, in the order of the year ("Januari" ... "Desember",
    "Jan-2026" ... "Dec-2026"): a recap of a year, whose closing stock is its last month's."""
    months: list[int] = []
    for r in data:
        first = next((c for c in r if isinstance(c, str) and c.strip()), None)
        named = _ROW_MONTH_RE.findall(normalise_header(first)) if first is not None else []
        if len(named) != 1:
            return False
        months.append(vocab.MONTHS[named[0]])
    return len(months) > 1 and all(a < b for a, b in zip(months, months[1:], strict=False))


_ROW_YEAR_RE = re.compile(r"(?<!\d)20\d\d(?!\d)")


def _periods_in_order(data: Sequence[tuple[object, ...]]) -> tuple[int, int] | None:
    """When every row is labelled with a month (or a week of it) and its year, each later than the one above
    ("Oktober 2027", "November 2027", "Desember 2027", "Minggu II Januari 2028 (10-14 Jan)"), a recap of periods
    across a year's end: the year and month of the last row, the latest. None otherwise."""
    periods: list[tuple[int, int]] = []
    for r in data:
        first = next((c for c in r if isinstance(c, str) and c.strip()), None)
        label = normalise_header(first) if first is not None else ""
        named = _ROW_MONTH_RE.findall(label)
        years = _ROW_YEAR_RE.findall(label)
        if not named or len(years) != 1:
            return None
        periods.append((int(years[0]), vocab.MONTHS[named[0]]))
    if len(periods) > 1 and all(a < b for a, b in zip(periods, periods[1:], strict=False)):
        return periods[-1]
    return None


def _per_weekday(data: Sequence[tuple[object, ...]]) -> bool:
    """Whether every row is labelled with a day of the week ("Senin", "Jumat", "Fri")."""
    for r in data:
        found = _row_label(r)
        if found is None or normalise_header(found[1]).split(" ")[0].strip(",.") not in _DAY_NAMES:
            return False
    return True


def _checked_total(
    found: list[Candidate], total: tuple[object, ...], data: Sequence[tuple[object, ...]], cols: dict[int, str],
    source: str,
) -> list[Candidate]:
    """The total row's figures, less those that are not the sum of their column (asked instead)."""
    bad = {
        col for i, col in cols.items()
        if col in QUANTITY_FIELDS and i < len(total)
        and (v := _cell_quantity(total[i])) is not None and not _adds_up(data, i, v)
        and not (col == "stock_on_hand" and _closes_with(data, i, v))
    }
    if not bad:
        return found
    kept = [c for c in found if c.field not in bad]
    return kept + [Candidate(col, None, f"{source}: total is not the sum of the rows", True, "conflict") for col in bad]


def _closes_with(data: Sequence[tuple[object, ...]], i: int, stated: int) -> bool:
    """Whether a total row's stock is the last row's, as a ledger of weeks closes ("IV (22-30 Nov) | ... | 1.236" /
    "Jumlah | ... | 1.236"): the closing stock of the period, no sum."""
    return bool(data) and len(data) > 1 and i < len(data[-1]) and _cell_quantity(data[-1][i]) == stated


def _adds_up(data: Sequence[tuple[object, ...]], i: int, stated: int) -> bool:
    """Whether a total row's figure is the sum of the rows above it in its column (when every row has
    one there): a total that is not is a misaligned or mistyped one, and a clerk asks."""
    values = [_cell_quantity(r[i]) if i < len(r) else None for r in data]
    if not values or any(v is None for v in values):
        return True
    return sum(v for v in values if v is not None) == stated


def _period_candidates(
    header_row: tuple[object, ...], latest: tuple[object, ...], total: tuple[object, ...],
    cols: dict[int, str], source: str, label: str, data: Sequence[tuple[object, ...]] = (),
) -> list[Candidate]:
    """Candidates from a table with a row per day and a total row: a level column (stock) from the latest
    day, a count column (printed, recorded, ...) from the total row; a count the total row leaves empty
    is unclear."""
    level_cols = {i: c for i, c in cols.items() if c in _LEVEL_COLUMNS or c not in QUANTITY_FIELDS}
    candidates = _row_candidates(header_row, latest, level_cols, source, label, None, ("latest_row",))
    for i, col in cols.items():
        if col not in QUANTITY_FIELDS or col in _LEVEL_COLUMNS:
            continue
        header = " ".join(str(header_row[i]).split()) if i < len(header_row) else ""
        item = explicit_item(normalise_header(header))[0]
        stated = _cell_quantity(total[i]) if i < len(total) else None
        if stated is not None and not _adds_up(data, i, stated):
            candidates.append(Candidate(col, None, f"{source}: {header}: total {stated} is not the sum of the rows",
                                        True, "conflict"))
        elif stated is not None:
            candidates.append(Candidate(col, stated, f"{source}: {header}: {stated} (total row)", True,
                                        item=item, table=True, cues=(f"table_column:{header}", "total_row", "per_day")))
        else:
            candidates.append(Candidate(col, None, f"{source}: {header}: no total for the period", True, "unclear"))
    return candidates


_PLACE_HEADERS = frozenset(vocab.PLACE_HEADERS)


def _place_header(cell: object) -> bool:
    """Whether a header cell names places ("Kecamatan", also with a title spanning above it)."""
    text = normalise_header(cell)
    return any(text == p or text.startswith(p + " ") for p in _PLACE_HEADERS)


def _per_place(header_row: tuple[object, ...], data: Sequence[tuple[object, ...]]) -> bool:
    """Whether a table has a row per place: its first column, or the one after a numbering column ("No |
    Kecamatan | ..."), is named a place ("Kecamatan") and each row names a different one."""
    # A table that does not start in column A ("| | No | Kecamatan | Rekam |"): its first filled header cell.
    at = next((i for i, c in enumerate(header_row) if normalise_header(c)), None)
    if at is None:
        return False
    if normalise_header(header_row[at]) in _NUMBERING_HEADERS and len(header_row) > at + 1:
        at += 1
    if not _place_header(header_row[at]):
        return False
    names = [normalise_header(r[at]) if len(r) > at else "" for r in data]
    named = all(n and _cell_quantity(r[at]) is None for n, r in zip(names, data, strict=True))
    return named and len(set(names)) == len(names)


def _summed_rows(
    header_row: tuple[object, ...], latest: tuple[object, ...], cols: dict[int, str], source: str, label: str,
    data: Sequence[tuple[object, ...]], summed: bool = False,
) -> list[Candidate]:
    """Candidates from a period's rows per day with no total row: a level column (stock) from the latest
    day, a count column from the sum of its rows (unclear when a row leaves it empty). summed: every
    quantity column is summed (a row per place: the places' stocks add up too)."""
    level_cols = {i: c for i, c in cols.items() if not summed and (c in _LEVEL_COLUMNS or c not in QUANTITY_FIELDS)}
    candidates = _row_candidates(header_row, latest, level_cols, source, label, None, ("latest_row",))
    for i, col in cols.items():
        if col not in QUANTITY_FIELDS or (col in _LEVEL_COLUMNS and not summed):
            continue
        header = " ".join(str(header_row[i]).split()) if i < len(header_row) else ""
        values = [_cell_quantity(r[i]) if i < len(r) else None for r in data]
        if all(v is None for v in values) and all(_nil_cell(r[i]) if i < len(r) else True for r in data):
            # "Received | - | - | -": a column left empty or dashed in every row states no figure.
            continue
        if any(v is None for v in values):
            candidates.append(Candidate(col, None, f"{source}: {header}: a row without a figure", True, "unclear"))
            continue
        total = sum(v for v in values if v is not None)
        if col == "received" and total == 0:
            continue
        item = explicit_item(normalise_header(header))[0]
        rows_of = "per_place" if summed else "per_day"
        candidates.append(Candidate(col, total, f"{source}: {header}: {total} (sum of {len(values)} rows)", True,
                                    item=item, table=True, cues=(f"table_column:{header}", "rows_summed", rows_of)))
    return candidates


_NIL_CELL_RE = re.compile(r"^\s*[-\u2013\u2014.]*\s*$")


def _nil_cell(cell: object) -> bool:
    """Whether a cell is left empty or holds only a dash ("-", "–", "--")."""
    return cell is None or (isinstance(cell, str) and bool(_NIL_CELL_RE.match(cell)))


def _is_total_row(r: tuple[object, ...]) -> bool:
    """Whether a row is a total ("Jumlah", "TOTAL"): its first filled cell, within the first two, says so. A date
    opening the row ("2027-01-18 | TOTAL | 142", a row per kecamatan of one day) is passed over."""
    if r and (isinstance(r[0], date) or (isinstance(r[0], str) and _DATE_CELL_RE.fullmatch(r[0].strip()))):
        r = r[1:]
    for cell in r[:2]:
        if isinstance(cell, str) and cell.strip():
            return bool(_TOTAL_RE.match(cell.lower()))
    return False


_DATE_CELL_RE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")


def _rows_by_item(data: Sequence[tuple[object, ...]], item_col: int) -> list[tuple[str, tuple[object, ...]]] | None:
    """(item, row) for a table with a row per blank; None unless every row names one blank, each once."""
    out: list[tuple[str, tuple[object, ...]]] = []
    for r in data:
        if item_col >= len(r) or not isinstance(r[item_col], str):
            return None
        if _SUPPLY_RE.search(normalise_header(r[item_col])):
            # "| Ribbon printer | 2 roll |" among the blanks' rows: a printer supply that came with them.
            continue
        item, ambiguous = explicit_item(normalise_header(r[item_col]))
        if item is None or ambiguous or any(item == seen for seen, _ in out):
            return None
        out.append((item, r))
    return out or None


def _row_candidates(
    header_row: tuple[object, ...], chosen: tuple[object, ...], cols: dict[int, str], source: str,
    label: str | None, row_item: str | None, cues: tuple[str, ...],
) -> list[Candidate]:
    """Candidates from the quantity cells of the row a table is read by."""
    candidates: list[Candidate] = []
    if label is None:
        label = ""
    for i, col in cols.items():
        if col not in QUANTITY_FIELDS or i >= len(chosen):
            continue
        value = _cell_quantity(chosen[i])
        header = " ".join(str(header_row[i]).split())
        if value is None:
            if chosen[i] not in (None, "", "-"):
                candidates.append(Candidate(col, None, f"{source}: {header}: {chosen[i]}{label}", True, "unclear"))
            continue
        if col == "received" and value == 0:
            # "Received: 0": nothing came, so there is no receipt to book (as in running text).
            continue
        # "Cetak_KIA", "Rekam_KTPel": an export's column names its blank after an underscore.
        item = row_item or explicit_item(normalise_header(header_row[i]).replace("_", " "))[0]
        where = f" ({chosen[0]})" if row_item or "total_row" in cues else ""
        candidates.append(
            Candidate(col, value, f"{source}: {header}: {chosen[i]}{label}{where}", True, item=item, table=True,
                      cues=(f"table_column:{header}", *cues))
        )
    return candidates


_NUMBERING_HEADERS = frozenset(vocab.NUMBERING_HEADERS)


_GENERIC_COUNT_RE = re.compile(
    r"^(?:(?:" + vocab.alternation(vocab.GENERIC_COUNT_HEADERS) + r")(?:\s+(?:" + vocab.alternation(vocab.BLANK_UNITS)
    + r"))?(?:\s*\(\s*(?:" + vocab.alternation(vocab.BLANK_UNITS) + r")\s*\))?"
    r"|(?:" + vocab.alternation(vocab.BLANK_UNITS) + r"))$"
)
# The column word a table's lead-in role gives its count column.
_ROLE_COLUMN_WORDS = {
    "requested": "permintaan", "received": "diterima", "stock_on_hand": "sisa stok", "printed": "pencetakan",
    "recorded": "perekaman",
}
_RULE_LINE_RE = re.compile(r"^[ \t>|+]*[-=_~]{3,}[-=_~ \t|+]*$")


def _group_heading(lines: list[str], j: int, width: int) -> bool:
    """Whether the next filled line after a one-cell line is a table row (the line heads a group of rows)."""
    while j < len(lines) and (not lines[j].strip() or _RULE_LINE_RE.match(lines[j])):
        j += 1
    if j >= len(lines):
        return False
    row = tuple(c for c in _SPLIT_RE.split(lines[j].lstrip("> ").strip()) if c != "")
    return len(row) >= 2 and abs(len(row) - width) <= 1 and any(quantity_in(c) is not None for c in row[1:])


def _cells(line: str) -> tuple[str, ...]:
    """A typed table line's cells. Between pipes every cell counts, an empty one too ("Jumlah | 10 | |
    2.000"); a line aligned with spaces or tabs has no empty cells to show."""
    text = line.lstrip("> ").strip()
    if "|" in text:
        parts = [c.strip() for c in text.split("|")]
        if parts and not parts[0]:
            parts = parts[1:]
        if parts and not parts[-1]:
            parts = parts[:-1]
        return tuple(parts)
    return tuple(c for c in _SPLIT_RE.split(text) if c != "")


_BLANK_ONLY_HEADER_RE = re.compile(
    r"^(?:(?:" + vocab.alternation(vocab.GENERIC_BLANK_WORDS) + r")\s+)?(?:"
    + vocab.alternation(vocab.KTP_WORDS + vocab.KIA_WORDS) + r")(?:\s*\(\s*(?:" + vocab.alternation(vocab.BLANK_UNITS)
    + r")\s*\))?$"
)


def _generic_count_column(cells: Sequence[str]) -> int | None:
    """The one column headed by a count that names no role ("Jumlah Keping", "Jumlah", "Isi (keping)"), or, with
    no such header, the one column headed by a blank's name alone ("Tempat | KTP-el": the blanks counted)."""
    found = [i for i, c in enumerate(cells) if _GENERIC_COUNT_RE.match(normalise_header(c))]
    if not found:
        found = [i for i, c in enumerate(cells) if _BLANK_ONLY_HEADER_RE.match(normalise_header(c))]
    return found[0] if len(found) == 1 else None


def _lead_role(lines: Sequence[str], i: int) -> str | None:
    """The one role named by the sentence that leads into a table ("... telah kami terima dengan rincian
    sebagai berikut:"), if it ends with a colon."""
    k = i - 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    if k < 0 or not lines[k].rstrip().endswith(":"):
        return None
    low = normalise(lines[k])
    roles = {kw.role for kw in keywords(mask_non_quantities(low)) if kw.role != "ignore"}
    return roles.pop() if len(roles) == 1 else None


_FIELD_FIGURE_RE = re.compile(r"[:=][^\S\n]*\d")
_COLON_CELL_RE = re.compile(r"[:=](?:[^\S\n]|$)")


def _table_rows(lines: list[str], i: int, cells: tuple[str, ...]) -> tuple[list[tuple[str, ...]], int]:
    """The rows of a typed table under its header at line i, and the line after the table."""
    rows = [cells]
    j = i + 1
    end = j
    numbered = normalise_header(cells[0]) in _NUMBERING_HEADERS
    while j < len(lines):
        if not lines[j].strip() or _RULE_LINE_RE.match(lines[j]):
            # "-----------+-------+------", "+----+----+", "=====": a rule, not the table's end.
            j += 1
            continue
        row = _cells(lines[j])
        # ("Sisa blangko KTP-el : 2.214 keping" under a table: a field line with its figure, no group's heading.)
        if len(row) == 1 and not _FIELD_FIGURE_RE.search(row[0]) and _group_heading(lines, j + 1, len(cells)):
            # "Pulau Sebatik" over its kecamatan rows: a group's heading inside the table.
            j += 1
            continue
        short_total = (
            "\t" not in lines[j] and "|" not in lines[j] and 2 <= len(row) < len(cells)
            and bool(_TOTAL_RE.match(normalise_header(row[0])))
            and all(quantity_in(c) is not None for c in row[1:])
        )
        if (
            not short_total and not numbered and "|" in lines[j] and len(row) == len(cells) - 1
            and bool(_TOTAL_RE.match(normalise_header(row[0])))
        ):
            # "TOTAL                 |  341  |  430  | 79,3" under "Hari/Tgl | Lokasi | Rekam | Target | %":
            # the label spans the first two columns without a pipe between; the figures stand under the
            # last columns when they are the sums of those columns.
            right = (row[0], "", *row[1:])
            if _sums_matched(rows[1:], right) > _sums_matched(rows[1:], row):
                row = right
        if len(row) < 2 or (abs(len(row) - len(cells)) > 1 and not short_total):
            break
        if _COLON_CELL_RE.match(" ".join(row[1:])) and not _COLON_CELL_RE.match(" ".join(cells[1:])):
            # "Sisa blangko KTP-el  : 2.054" under "Lokasi  Rekam  Cetak": a field line, the table has ended.
            break
        if len(row) >= 3 and _header_columns(row) is not None:
            # The header of the next table ("| Tanggal | Pencetakan KIA | Sisa Blangko KIA |").
            break
        if numbered and len(row) == len(cells) - 1 and quantity_in(row[0]) is None:
            # A total row leaves the numbering column empty ("JUMLAH   845   774" under
            # "No  Kecamatan  Perekaman  Pencetakan"): its words stand under the second column.
            row = ("", *row)
        elif short_total and not numbered:
            # "TOTAL   290   262   4   1.534" under "Hari  Tgl  Rekam  Cetak  Rusak  Sisa": the label
            # spans the first columns and the figures stand under the last ones; or the figures follow
            # the label and the last columns are left empty. The placing whose figures are their
            # columns' sums is the one typed.
            gap = [""] * (len(cells) - len(row))
            right = (row[0], *gap, *row[1:])
            left = (*row, *gap)
            if _sums_matched(rows[1:], right) > _sums_matched(rows[1:], left):
                row = right
        rows.append(row)
        j += 1
        end = j
    return rows, end


def _sums_matched(data: Sequence[tuple[str, ...]], total: tuple[str, ...]) -> int:
    """How many of a total row's figures are the sums of their columns above."""
    matched = 0
    for i, cell in enumerate(total[1:], start=1):
        value = quantity_in(cell) if cell else None
        if value is not None and data and _adds_up(data, i, value) and any(i < len(r) and r[i] for r in data):
            matched += 1
    return matched


def _names_own_figure(r: tuple[object, ...]) -> bool:
    """Whether a row's label names a figure of its own ("Jumlah permohonan"), not a total of the rows."""
    found = _row_label(r)
    return found is not None and _label_role(found[1]) in QUANTITY_FIELDS


_NOW_PERIOD_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.NOW_PERIOD_WORDS) + r")(?![\w-])")
_EARLIER_PERIOD_RE = vocab.Gated(
    re.compile(r"(?:" + vocab.word_start_alternation(vocab.EARLIER_PERIOD_WORDS) + r")(?![\w-])"),
    vocab.EARLIER_PERIOD_WORDS,
)
# "04/12", also with its year ("04/12/2026")
_DAY_MONTH_RE = re.compile(r"(?<![\d/.])(\d{1,2})[/.-](\d{1,2})(?:[/.-](?:\d{4}|\d{2}))?(?![\d/])")


_CORRECTED_COLUMN_RE = re.compile(r"(?:" + _words_re(vocab.CORRECTED_COLUMN_WORDS) + r")[^\S\n]*:?")
_OLD_FIGURE_COLUMN_RE = re.compile(r"(?:" + _words_re(vocab.OLD_FIGURE_COLUMN_WORDS) + r")[^\S\n]*:?")
_NOTE_COLUMN_RE = re.compile(r"(?:" + _words_re(vocab.NOTE_COLUMN_WORDS) + r")[^\S\n]*:?")


def _period_rank(cell: str) -> tuple[int, ...] | None:
    """Where a column header stands in time, to order the columns of a table of periods side by side:
    now over before ("Hari ini (4/12)" over "Kemarin (3/12)"), else its day and month ("04/12" over "03/12"). None for a
    header that names no period."""
    low = normalise(cell)
    # "Semula | Koreksi": the corrected figures stand as the latest, the old ones before them
    if _CORRECTED_COLUMN_RE.fullmatch(low):
        return (0, 1)
    if _OLD_FIGURE_COLUMN_RE.fullmatch(low):
        return (0, 0)
    # the words first: "Minggu lalu (2-6 Mar)" is a span of days, not the 2nd of June
    if _NOW_PERIOD_RE.search(low):
        return (0, 1)
    if _EARLIER_PERIOD_RE.search(low):
        return (0, 0)
    day = _DAY_MONTH_RE.search(low)
    if day is not None and 1 <= int(day.group(1)) <= 31 and 1 <= int(day.group(2)) <= 12:
        return (1, int(day.group(2)), int(day.group(1)))
    return _month_rank(low)


_MONTH_YEAR_RE = re.compile(r"(?<!\d)(\d{4}|'?\d{2})(?!\d)")


def _month_rank(low: str) -> tuple[int, ...] | None:
    """Where a column header that names one month ("Agustus", "Nov 2026", "Okt '26") stands in time: its year
    when it says one, then its month. None for any other header."""
    named = _ROW_MONTH_RE.findall(low)
    if len(named) != 1 or _ROW_MONTH_RE.sub("", low).strip(" -/'.0123456789") != "":
        return None
    year = _MONTH_YEAR_RE.search(low)
    return (2, int(year.group(1).lstrip("'")) % 100 if year else 0, vocab.MONTHS[named[0]])


def _months_in_order(ranks: Sequence[tuple[int, ...]]) -> bool:
    """Whether month columns run one way through the year (oldest or newest first): with no year said,
    "Nov | Des | Jan" does not say which month is the latest."""
    if any(r[0] != 2 for r in ranks):
        return True
    pairs = list(zip(ranks, ranks[1:], strict=False))
    return all(a < b for a, b in pairs) or all(a > b for a, b in pairs)


def _period_column_tables(lines: list[str]) -> list[tuple[tuple[str, ...], ...]]:
    """Typed tables that set two periods side by side, each row a role's figures ("| Kemarin 03/12 | Hari
    ini 04/12" over "Rekam KTP-el | 142 | 131"): each row is read by its label with the latest period's
    figure; the other columns are the figures before it. With no one latest column (headers that do not
    say their order), every such row is left unclear. A correction table ("Semula | Koreksi") is read the same
    way, its corrected column the latest; a trailing notes column is left out. The lines read become empty."""
    tables: list[tuple[tuple[str, ...], ...]] = []
    for i, line in enumerate(lines):
        cells = _cells(line)
        if len(cells) < 2:
            continue
        # The header may name the label column too ("Uraian | Minggu lalu | Minggu ini"): then the rows have
        # as many cells as the header, else one more (the label's, under no header).
        labelled = len(cells) >= 3 and _period_rank(cells[0]) is None
        if labelled:
            cells = cells[1:]
        numbered = labelled and len(cells) >= 3 and _numbered_label_column(line, cells)
        if numbered:
            cells = cells[1:]  # "No | Uraian | ...": the rows open with their number, then their label
        notes = 0
        while len(cells) > 2 and _NOTE_COLUMN_RE.fullmatch(normalise(cells[-1])):
            cells, notes = cells[:-1], notes + 1  # "... | Koreksi | Keterangan": the notes hold no figure
        running = _running_period_columns(cells) if labelled else frozenset()
        ranks = [_period_rank(c) for k, c in enumerate(cells) if k not in running]
        if any(r is None for r in ranks) or len({r[0] for r in ranks if r is not None}) != 1:
            continue
        ordered = _months_in_order(ranks)  # type: ignore[arg-type]
        rows: list[tuple[str, ...]] = []
        j = i + 1
        while j < len(lines) and (_RULE_LINE_RE.match(lines[j]) or (
            running and _words_only_row(_cells(lines[j]), len(cells) + 1 + numbered)
        )):
            j += 1  # "|-----|-----|" under the header, or "No | Uraian | (a) | (b) | (a+b)": the columns' letters
        first = j
        while j < len(lines):
            row = _cells(lines[j])
            if numbered and row and _NUMBERING_CELL_RE.match(row[0]):
                row = row[1:]
            if notes and len(row) > len(cells) + 1:
                row = row[: len(cells) + 1]  # a row's note, or none where the notes cell is empty
            if len(row) != len(cells) + 1 or _label_role(row[0]) in (None, "ignore"):
                break
            if any(quantity_in(c) is None for c in row[1:]):
                break
            rows.append((row[0], *(c for k, c in enumerate(row[1:]) if k not in running)))
            j += 1
        if not rows:
            continue
        if first > i + 1 and j == first:
            continue
        latest = max(ranks)  # type: ignore[type-var]
        if ranks.count(latest) != 1 and labelled:
            continue  # "Uraian | Minggu ini | s.d. minggu ini": the week's and the running count, read elsewhere
        if ranks.count(latest) != 1 or not ordered:
            tables.append(tuple(rows))  # several figures a label, no latest one: unclear
        elif _days_joined(lines, i) and all(r is not None and r[0] in (0, 1) for r in ranks) and not any(
            _CORRECTED_COLUMN_RE.fullmatch(normalise(c)) or _OLD_FIGURE_COLUMN_RE.fullmatch(normalise(c)) for c in cells
        ):
            # "Laporan kemarin belum terkirim ..., jadi kami gabung dengan laporan hari ini": the days reported
            # together, what was done is their sum; the stock is the latest day's.
            col = ranks.index(latest) + 1
            tables.append(tuple(
                (r[0], str(sum(quantity_in(c) or 0 for c in r[1:])) if _label_role(r[0]) in _COUNT_FIELDS else r[col])
                for r in rows
            ))
        elif all(r is not None and r[0] == 1 for r in ranks) and len(ranks) > 1:
            # "Tgl | 28/6 | 29/6" over "Cetak | 101 | 115": days side by side, none called today's and none said
            # to be reported together; the stock is the latest day's, but which day's count the report gives is
            # not said (each count row left unclear).
            col = ranks.index(latest) + 1
            tables.append(tuple(r if _label_role(r[0]) in _COUNT_FIELDS else (r[0], r[col]) for r in rows))
        else:
            col = ranks.index(latest) + 1
            tables.append(tuple((r[0], r[col]) for r in rows))
        for k in range(i, j):
            lines[k] = ""
    return tables


_JOINED_LEAD_LINES = 3
_DAYS_JOINED_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.DAYS_JOINED_WORDS) + r")(?![\w-])")


def _days_joined(lines: Sequence[str], i: int) -> bool:
    """Whether the lines leading into a table at line i say its days are reported together ("... jadi kami gabung
    dengan laporan hari ini:")."""
    return _DAYS_JOINED_RE.search(normalise("\n".join(lines[max(0, i - _JOINED_LEAD_LINES) : i]))) is not None


# --- Running-total and month columns of typed period tables (monthly reports, multi-month recaps) ---


def _numbered_label_column(line: str, cells: Sequence[str]) -> bool:
    """Whether a typed header opens with a number column, then the label's ("No | Uraian | Bulan Ini")."""
    first = _cells(line)[0]
    return column_of(first) == "ignore" and _period_rank(cells[0]) is None and _label_role(cells[0]) is None


def _running_period_columns(cells: Sequence[str]) -> frozenset[int]:
    """The columns of a period table's header that hold running totals ("s.d. Bulan Lalu", "s.d. bulan ini
    (kumulatif)") beside a column of the period ("Bulan Ini"): no figure of the period is in them. Empty
    when no such column, or when every column is one."""
    running = frozenset(k for k, c in enumerate(cells) if _CUMULATIVE_RE.search(normalise_header(c)))
    return running if len(running) < len(cells) else frozenset()


_COLUMN_MARK_RE = re.compile(r"^\([a-z0-9]{1,2}(?:[^\S\n]*[-+][^\S\n]*[a-z0-9]{1,2})*\)$")


def _words_only_row(cells: Sequence[str], size: int) -> bool:
    """Whether a typed line is a header row of words or column marks only, as wide as the table ("No | Uraian
    | (a) | (b) | (a+b)", "(1) | (2) | (1+2)")."""
    return len(cells) == size and not any(
        _FIGURE_IN_CELL_RE.search(c) and not _COLUMN_MARK_RE.match(c.strip().lower()) for c in cells
    )


_DAY_NAME_RE = re.compile(r"(?<![\w-])(?:" + _words_re(vocab.DAY_NAMES) + r")(?![\w-])")
_LISTED_LINE_RE = re.compile(
    # "Tarakan Barat : 52", or aligned with spaces ("gudang           210", "loket Tideng Pale 85"), or numbered
    # ("1. Kec. Sebatik : 600 keping").
    r"^[ \t>*\-\u2022]*(?:\d{1,2}[.)][ \t]+)?(?P<label>[^\W\d_][^:\n]{0,40}?)(?:[ \t]*:[ \t]*|[ \t]+)"
    r"(?P<num>\d{1,3}(?:\.\d{3})*|\d+)"
    r"[ \t]*(?:keping|kpg|lembar|lbr|pcs|orang|jiwa)?[ \t.]*$",
    re.IGNORECASE,
)


def _place_list_tables(lines: list[str]) -> list[tuple[tuple[str, ...], ...]]:
    """Lists of places with a figure each, closed by their total ("Tarakan Barat : 52" ... "Jumlah : 171"),
    under a title that names one role ("Laporan perekaman KTP-el per kecamatan"): a table of that role's
    column, the total its figure. Only when the total is the sum of the lines and no line names a role of
    its own. The lines read become empty."""
    tables: list[tuple[tuple[str, ...], ...]] = []
    i = 0
    while i < len(lines):
        rows: list[tuple[str, str]] = []
        j = i
        while j < len(lines) and (
            (m := _LISTED_LINE_RE.match(lines[j])) is not None or (_RULE_LINE_RE.match(lines[j]) and rows)
        ):
            if m is not None:
                rows.append((m["label"].strip(), m["num"]))
            j += 1
        if len(rows) >= 3 and _TOTAL_RE.match(rows[-1][0].lower()):
            places, total = rows[:-1], parse_digits(rows[-1][1])
            labels_free = all(_label_role(label) is None and not _TOTAL_RE.match(label.lower())
                              and not names_a_month(label.lower()) and not _DAY_NAME_RE.search(label.lower())
                              for label, _ in places)  # places; months and days are read as a period's rows
            summed = sum(parse_digits(n) or 0 for _, n in places)
            k = i - 1
            while k >= 0 and not lines[k].strip():
                k -= 1
            title = normalise(lines[k]) if k >= 0 else ""
            roles = {kw.role for kw in keywords(mask_non_quantities(title)) if kw.role != "ignore"}
            if labels_free and total == summed and len(roles) == 1:
                role = roles.pop()
                tables.append((("Lokasi", _ROLE_COLUMN_WORDS[role]), *places, rows[-1]))
                for n in range(i, j):
                    lines[n] = ""
                i = j
                continue
        elif len(rows) >= 2 and (j == len(lines) or not lines[j].strip()):
            k = i - 1
            while k >= 0 and not lines[k].strip():
                k -= 1
            titled = _places_title_role(lines[k]) if k >= 0 else None
            after = "\n".join(lines[j : j + 4]).lower()
            if titled is not None and _places_only(rows) and not _EXCLUDING_RE.search(after):
                # "Sisa blangko KTP-el per lokasi hari ini:" over "UPT Sebatik : 140" lines and no total: a row
                # per place (read as the places' sum), every place given (a line with no figure ends no list)
                # and none left out ("Belum termasuk stok di gudang dinas").
                tables.append((("Lokasi", _ROLE_COLUMN_WORDS[titled]), *rows))
                for n in range(i, j):
                    lines[n] = ""
                i = j
                continue
        i = max(j, i + 1)
    return tables


# --- Lines per place, each with the same counts ("Kec. Sebuku: rekam 23, cetak 20") ---

_PLACE_COUNT_LINE_RE = re.compile(
    r"^[ \t>*\-\u2022]*(?:\d{1,2}[.)][ \t]+)?(?P<label>(?:" + _words_re(vocab.PLACE_LINE_LEADS)
    + r")(?![\w-])[^:\n\d]{1,40}?)[ \t]*:[ \t]*(?P<rest>[^:\n]+?)[ \t.]*$",
    re.IGNORECASE,
)
_TOTAL_COUNT_LINE_RE = re.compile(
    r"^[ \t>*\-\u2022]*(?P<label>(?:" + vocab.alternation(vocab.TOTAL_ROW_WORDS) + r")(?![\w-])[^:\n\d]{0,30}?)"
    r"[ \t]*:[ \t]*(?P<rest>[^:\n]+?)[ \t.]*$",
    re.IGNORECASE,
)
_COUNT_PART_RE = re.compile(
    r"^(?P<word>[^\W\d_][^\d]{0,20}?)[ \t]*:?[ \t]*(?P<num>\d{1,3}(?:\.\d{3})+|\d+)"
    r"(?:[ \t]*(?:" + _words_re(vocab.BLANK_UNITS) + r"|orang|jiwa))?$",
    re.IGNORECASE,
)


_COUNT_PART_SPLIT_RE = re.compile(
    r"[ \t]*[,;][ \t]*|[ \t]+(?:" + vocab.alternation(vocab.PLACE_JOIN_WORDS) + r")[ \t]+"
)


def _line_counts(rest: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The roles and figures of "rekam 140, cetak 133": each part a count word of the day's work and its
    figure; None when a part is anything else."""
    roles: list[str] = []
    nums: list[str] = []
    for part in _COUNT_PART_SPLIT_RE.split(rest.strip()):
        m = _COUNT_PART_RE.match(part.strip())
        role = column_of(m["word"]) if m is not None else None
        if m is None or role not in _COUNT_FIELDS or role in roles:
            return None
        roles.append(role)
        nums.append(m["num"])
    return (tuple(roles), tuple(nums)) if roles else None


def _place_count_line_tables(lines: list[str]) -> list[tuple[tuple[str, ...], ...]]:
    """Lines that each give one place's counts after a colon, the same counts in the same order ("Kec. Nunukan:
    rekam 140, cetak 133" / "Kec. Sebatik: rekam 61, cetak 58"), two places at least, each named once: a table
    with a row per place, and the total line right under them ("Jumlah: rekam 320, cetak 301") its total row.
    The lines read become empty."""
    tables: list[tuple[tuple[str, ...], ...]] = []
    i = 0
    while i < len(lines):
        rows: list[tuple[str, ...]] = []
        order: tuple[str, ...] | None = None
        j = i
        while j < len(lines) and (m := _PLACE_COUNT_LINE_RE.match(lines[j])) is not None:
            counts = _line_counts(m["rest"])
            if counts is None or (order is not None and counts[0] != order):
                break
            order = counts[0]
            rows.append((m["label"].strip(), *counts[1]))
            j += 1
        labels = [normalise_header(r[0]) for r in rows]
        if len(rows) < 2 or order is None or len(set(labels)) != len(labels):
            i = max(j, i + 1)
            continue
        if j < len(lines) and (t := _TOTAL_COUNT_LINE_RE.match(lines[j])) is not None:
            counts = _line_counts(t["rest"])
            if counts is None or counts[0] != order:
                i = j + 1
                continue  # a total line of other counts: the lines are left to be read as they are
            rows.append((t["label"].strip(), *counts[1]))
            j += 1
        tables.append((("Kecamatan", *(_ROLE_COLUMN_WORDS[r] for r in order)), *rows))
        for n in range(i, j):
            lines[n] = ""
        i = j
    return tables


_BLOCK_HEADING_RE = re.compile(
    r"^[ \t>*\-\u2022]*(?P<label>(?:" + _words_re(vocab.PLACE_LINE_LEADS)
    + r")(?![\w-])[^:\n\d]{1,50}?)[ \t]*:?[ \t]*$",
    re.IGNORECASE,
)
_BLOCKS_TOTAL_HEADING_RE = re.compile(
    r"^[ \t>*\-\u2022]*(?P<label>(?:" + _words_re(vocab.BLOCKS_TOTAL_HEADINGS)
    + r")(?![\w-])[^:\n\d]{0,30}?)[ \t]*:?[ \t]*$",
    re.IGNORECASE,
)
_REMARK_AFTER_RE = re.compile(r"[ \t]*\([^()\n]*\)[ \t.]*$")
_BLOCK_LINE_RE = re.compile(r"^[ \t>*\-\u2022]*(?P<label>[^\W\d_][^:\n\d]{0,40}?)[ \t]*:[ \t]*(?P<rest>[^\n]*)$")


def _block_counts(lines: list[str], j: int) -> tuple[dict[str, str], int]:
    """The counts of the lines under a heading at j - 1 ("  perekaman : 34" / "  pencetakan: 30"), each
    role once, and the line after the block; lines of other things ("Lokasi: Labang", "BBM longboat: 120
    liter") pass. A line of a stock or of anything else with a role ends the block (a block per place
    with a stock of its own is then followed by no next place's heading, and read as it is written)."""
    counts: dict[str, str] = {}
    while j < len(lines):
        line = _BLOCK_LINE_RE.match(lines[j])
        if line is None:
            break
        rest = _REMARK_AFTER_RE.sub("", line["rest"])  # "cetak : 0 (printer tdk dibawa)"
        part = _COUNT_PART_RE.match(f"{line['label'].strip()} {rest.strip()}".strip())
        role = column_of(line["label"].strip())
        if part is not None and role in _COUNT_FIELDS and role not in counts:
            counts[role] = part["num"]
        elif role is not None and role != "ignore":
            break
        j += 1
    return counts, j


def _past_empty_lines(lines: list[str], j: int) -> int:
    """The first line from j on that holds something (or the end)."""
    while j < len(lines) and not lines[j].strip():
        j += 1
    return j


def _place_block_tables(lines: list[str]) -> list[tuple[tuple[str, ...], ...]]:
    """A block of lines per place, each under the place's name ("Kec. Sebatik" over "  perekaman : 61" and
    "  pencetakan: 55"), two places at least, each named once: a table with a row per place; a block under a
    recap's heading right after them ("REKAP KABUPATEN" over "Perekaman: 312") is its total row. The lines read
    become empty; a stock line after the blocks stays in the text."""
    tables: list[tuple[tuple[str, ...], ...]] = []
    i = 0
    while i < len(lines):
        rows: list[tuple[str, dict[str, str]]] = []
        j = i
        while j < len(lines) and (head := _BLOCK_HEADING_RE.match(lines[j])) is not None:
            counts, after = _block_counts(lines, j + 1)
            if not counts:
                break
            rows.append((head["label"].strip(), counts))
            j = _past_empty_lines(lines, after)
        labels = [normalise_header(label) for label, _ in rows]
        if len(rows) < 2 or len(set(labels)) != len(labels):
            i = max(j, i + 1)
            continue
        j = _past_empty_lines(lines, j)
        if j < len(lines) and (head := _BLOCKS_TOTAL_HEADING_RE.match(lines[j])) is not None:
            counts, after = _block_counts(lines, j + 1)
            if counts:
                rows.append(("Jumlah", counts))
                j = after
        elif j < len(lines) and (t := _TOTAL_COUNT_LINE_RE.match(lines[j])) is not None and (
            line_counts := _line_counts(t["rest"])
        ) is not None:
            # "Jumlah seminggu: rekam 53, cetak 44" under the blocks: their total in one line.
            rows.append(("Jumlah", dict(zip(*line_counts, strict=True))))
            j += 1
        order = list(dict.fromkeys(role for _, counts in rows for role in counts))
        tables.append((("Kecamatan", *(_ROLE_COLUMN_WORDS[r] for r in order)),
                       *((label, *(counts.get(r, "") for r in order)) for label, counts in rows)))
        for n in range(i, j):
            lines[n] = ""
        i = j
    return tables


def _inline_place_tables(lines: list[str]) -> list[tuple[tuple[str, ...], ...]]:
    """Lists per place written on one line after their title (see _inline_place_list): a table each, a row per
    place. The list's words leave its line; its title stays."""
    tables: list[tuple[tuple[str, ...], ...]] = []
    for n, line in enumerate(lines):
        if ":" in line and (inline := _inline_place_list(line)) is not None:
            role, places, (lo, hi) = inline
            tables.append((("Lokasi", _ROLE_COLUMN_WORDS[role]), *places))
            lines[n] = line[:lo] + line[hi:]
    return tables


_PER_PLACE_RE = re.compile(
    r"(?<![\w-])(?:" + _words_re(vocab.PER_PLACE_WORDS) + r")[^\S\n]+(?:" + _words_re(vocab.PLACE_HEADERS)
    + r")(?![\w-])"
)
_EXCLUDING_RE = re.compile(r"(?<![\w-])(?:" + _words_re(vocab.EXCLUDING_WORDS) + r")(?![\w-])")


def _places_title_role(title: str) -> str | None:
    """The one role a title over a list per place names ("Sisa blangko KTP-el per lokasi hari ini:" ->
    stock_on_hand), when it says the list is per place; else None."""
    low = normalise(title)
    if not _PER_PLACE_RE.search(low):
        return None
    roles = {kw.role for kw in keywords(mask_non_quantities(low)) if kw.role != "ignore"}
    return roles.pop() if len(roles) == 1 else None


def _places_only(rows: Sequence[tuple[str, str]]) -> bool:
    """Whether a list's labels name places, each once: no role, total, month or day among them."""
    labels = [label.lower() for label, _ in rows]
    return len(set(labels)) == len(labels) and all(
        _label_role(label) is None and not _TOTAL_RE.match(label) and not names_a_month(label)
        and not _DAY_NAME_RE.search(label) for label in labels
    )


_INLINE_PLACE_RE = re.compile(
    r"[^\S\n]*(?P<label>[^\W\d_][^\d,;:\n]{0,40}?)[^\S\n]+(?P<num>\d{1,3}(?:\.\d{3})+|\d+)(?![\d.,]*\d)"
    r"(?:[^\S\n]*(?:" + _words_re(vocab.BLANK_UNITS) + r")(?![\w-]))?[^\S\n]*(?P<sep>[,;]|dan(?![\w-])|\.(?=\s|$)|$)",
    re.IGNORECASE,
)


def _inline_place_list(line: str) -> tuple[str, list[tuple[str, str]], tuple[int, int]] | None:
    """A list per place written on one line after its title: "stok blangko KTP-el kami per lokasi: Kantor 410,
    MPP 60, Kec. Tarakan Utara 35." -> (the title's role, the places and their figures, the list's span), when
    the title says the list is per place, every item is a place and its figure, and the sentence ends with it."""
    colon = line.find(":")
    if not _PER_PLACE_RE.search(line.lower(), 0, colon):
        return None
    sentence_lo = max(line.rfind(". ", 0, colon) + 1, 0)
    role = _places_title_role(line[sentence_lo:colon])
    if role is None:
        return None
    places: list[tuple[str, str]] = []
    pos = colon + 1
    while (item := _INLINE_PLACE_RE.match(line, pos)) is not None:
        places.append((item["label"].strip(), item["num"]))
        pos = item.end()
        if item["sep"] in ("", "."):
            break
    else:
        return None
    if len(places) < 2 or not _places_only(places) or any(_APPROX_END_RE.search(label.lower()) for label, _ in places):
        return None  # "MPP sekitar 60": a place only estimated leaves no sum
    return role, places, (colon + 1, pos)


_APPROX_END_RE = re.compile(r"(?<![\w-])(?:" + _words_re(vocab.APPROX_BEFORE) + r")$")


# A form's field in a notification's dump: its label alone on a line (no figure, no colon, no full stop at its
# end), its value on the next line, a blank line before and after ("Sisa stok blangko\n1.870").
_FIELD_BLOCK_RE = re.compile(r"(?<=\n\n)([^\W\d][^\n\d:]{1,48}(?<![.,;:!?\s]))\n(?=[^\s\n])([^\n]{1,60})(?=\n\n|\n?$)")
_FIELD_BLOCKS_MIN = 3  # a dump has several fields; fewer blocks are a letter's closing ("Hormat kami\nRudi")


def joined_field_blocks(text: str) -> str:
    """A form's field/value blocks written as "label: value" lines, the layout the reader reads.

    A notification of a form ("Tanggapan baru untuk Laporan Stok Blangko") may give each field as its label on
    one line and its value on the next; an empty field is its label alone, so a value is only ever the line right
    under its label, never the next field's line. Text with fewer than three such blocks is returned as it is.
    """
    if text.count("\n\n") < _FIELD_BLOCKS_MIN:
        return text
    found = _FIELD_BLOCK_RE.findall(text)
    if len(found) < _FIELD_BLOCKS_MIN:
        return text
    return _FIELD_BLOCK_RE.sub(r"\1: \2", text)


# A form's "label : value" line holding one value per day, split by pipes ("Tanggal laporan : 03/06 | 04/06" over
# "Jumlah pencetakan KTP-el : 144 | 127").
_DAY_DATE = r"\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?"
_DAYS_FIELD_RE = re.compile(
    r"([ \t>]*[^\W\d][^\n:|]{0,60}?)[ \t]*:[ \t]*(" + _DAY_DATE + r"(?:[ \t]*\|[ \t]*" + _DAY_DATE + r")+)[ \t]*"
)
_PIPED_FIELD_RE = re.compile(r"([ \t>]*[^\W\d][^\n:|]{0,60}?)[ \t]*:[ \t]*([^\n:|]*(?:\|[^\n:|]*)+)")


def joined_day_fields(text: str) -> str:
    """A form filled in for several days at once, a value per day after each label ("Tanggal laporan : 03/06/2027
    | 04/06/2027" over "Sisa blangko KTP-el : 6.821 | 6.694"), written as the typed table of days side by side it
    is ("Tanggal laporan | 03/06/2027 | 04/06/2027"), which is read by its columns. Only the fields right under
    the dates line with as many values as it has dates are joined."""
    if "|" not in text or ":" not in text:
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        dates = _DAYS_FIELD_RE.fullmatch(line)
        if dates is None:
            continue
        width = dates.group(2).count("|")
        lines[i] = f"{dates.group(1)} | {dates.group(2)}"
        for j in range(i + 1, len(lines)):
            field = _PIPED_FIELD_RE.fullmatch(lines[j])
            if field is None or field.group(2).count("|") != width:
                break
            lines[j] = f"{field.group(1)} | {field.group(2)}"
    return "\n".join(lines)


# A numbered point's label ending in a colon, its value alone on the next line, indented deeper ("1) Sisa blangko
# KTP-el:" over "    420 keping", "a. Pencetakan:" over "        33").
_POINT_MARK = r"(?:\d{1,2}[.)]|[a-zA-Z][.)]|\(\w{1,2}\)|[-\u2022*])"
_POINT_LABEL_RE = re.compile(r"([ \t]*)" + _POINT_MARK + r"[ \t]+[^\n]*?\w[^\n:]*:[ \t]*")
_POINT_VALUE_RE = re.compile(r"([ \t]+)(?!" + _POINT_MARK + r"[ \t])([^\n:]{1,40}?)[ \t]*")


def joined_point_values(text: str) -> str:
    """Numbered points written as "label: value" lines, the layout the reader reads: "1) Sisa blangko KTP-el:"
    over "    420 keping" becomes "1) Sisa blangko KTP-el: 420 keping". Only a value line indented deeper than
    its label and not itself a point is joined to it."""
    if ":\n" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        label = _POINT_LABEL_RE.fullmatch(lines[i])
        value = _POINT_VALUE_RE.fullmatch(lines[i + 1]) if label and i + 1 < len(lines) else None
        if label and value and len(value.group(1).expandtabs()) > len(label.group(1).expandtabs()):
            out.append(f"{lines[i].rstrip()} {value.group(2).strip()}")
            i += 2
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(_periods_under_their_label(out))


_POINT_MARK_RE = re.compile(r"[ \t]*" + _POINT_MARK + r"[ \t]+")


def _periods_under_their_label(lines: list[str]) -> list[str]:
    """"1) Sisa blangko KTP-el:" over the points "a. Kemarin (14/09): 402" and "b. Hari ini (15/09): 377": each
    point of a period takes its parent's label ("a. Sisa blangko KTP-el Kemarin (14/09): 402"), so that the
    figures of two days read as one role's."""
    out = list(lines)
    for i, line in enumerate(lines):
        parent = _POINT_LABEL_RE.fullmatch(line)
        if parent is None:
            continue
        depth = len(parent.group(1).expandtabs())
        name = line[_POINT_MARK_RE.match(line).end() :].rstrip().rstrip(":").strip()  # type: ignore[union-attr]
        j = i + 1
        while j < len(lines) and (mark := _POINT_MARK_RE.match(lines[j])) is not None:
            indent = len(lines[j].expandtabs()) - len(lines[j].expandtabs().lstrip())
            label, colon, value = lines[j][mark.end() :].partition(":")
            period = normalise(label)
            of_period = _NOW_PERIOD_RE.match(period) or _EARLIER_PERIOD_RE.search(period[:12])
            if indent <= depth or not colon or not of_period:
                break
            out[j] = f"{lines[j][: mark.end()]}{name} {label.strip()}:{value}"
            j += 1
    return out


_INDENTED_RE = re.compile(r"[ \t]{2,}\S")


def _unlabelled_header(lines: Sequence[str], i: int, cells: tuple[str, ...]) -> tuple[str, ...]:
    """"                 Rekam   Cetak   Sisa" over "Dinas Nunukan   96   88   2.140": a header typed with the
    rows' label column left blank (spaces stand above the names) gets an empty first cell, so that its
    columns stand over the rows' figures."""
    line = lines[i]
    if len(cells) < 2 or "|" in line or not _INDENTED_RE.match(line) or i + 1 >= len(lines):
        return cells
    row = _cells(lines[i + 1])
    if len(row) != len(cells) + 1 or quantity_in(row[0]) is not None or quantity_in(row[-1]) is None:
        return cells
    return ("", *cells)


def _single_spaced_header(lines: Sequence[str], i: int, cells: tuple[str, ...]) -> tuple[str, ...]:
    """"Desa                   Rekam Cetak" over "Long Alango   64    58": column names typed one space apart are
    one cell to the split on wider gaps; a cell whose every word names a count column of its own becomes those
    columns when the next line has exactly that many more cells, figures under them."""
    if "|" in lines[i] or "\t" in lines[i] or i + 1 >= len(lines):
        return cells
    row = _cells(lines[i + 1])
    split: list[str] = []
    for cell in cells:
        words = cell.split()
        if len(words) > 1 and all(_plain_column_of(w) in QUANTITY_FIELDS for w in words):
            split.extend(words)
        else:
            split.append(cell)
    if len(split) == len(cells) or len(row) != len(split):
        return cells
    if any(quantity_in(c) is None for c in row[len(row) - (len(split) - len(cells)) - 1 :]):
        return cells
    return tuple(split)


def _tab_cells(line: str) -> list[str]:
    """The cells of a line typed with tabs, an empty one between two tabs too ("2\tKIA\t\t52")."""
    return [c.strip() for c in line.rstrip().rstrip("\t").split("\t")]


def _unwrapped_tab_rows(lines: list[str]) -> None:
    """Rows of a table pasted with tabs and wrapped by the mail client, joined again in place as pipe lines.

    "No\tJenis Blangko\tPerekaman\tPencetakan" / "Rusak\tSisa" / "1\tKTP-el\t143" / "128\t3\t2.604": a run of
    lines with tabs whose cell counts differ is a wrapped table when, from a header line on, its lines fall into
    groups of consecutive lines with one and the same number of cells, the first group a report header and each
    other group holding a figure, with the run ending on a group's end. Each group becomes one line (its cells
    between pipes, an empty cell kept); the lines it took become empty."""
    i = 0
    while i < len(lines):
        if "\t" not in lines[i] or lines[i].lstrip().startswith(">"):
            i += 1
            continue
        end = i
        while end < len(lines) and "\t" in lines[end] and not lines[end].lstrip().startswith(">"):
            end += 1
        counts = [len(_tab_cells(line)) for line in lines[i:end]]
        if len(set(counts)) > 1:
            for start in range(i, end - 1):
                groups = _tab_groups(lines, start, end, counts[start - i :])
                if groups is not None:
                    for lo, hi in groups:
                        cells = [c for line in lines[lo:hi] for c in _tab_cells(line)]
                        lines[lo] = " | ".join(cells)
                        for k in range(lo + 1, hi):
                            lines[k] = ""
                    break
        i = end


def _tab_groups(lines: Sequence[str], start: int, end: int, counts: Sequence[int]) -> list[tuple[int, int]] | None:
    """The groups of lines start..end that make whole rows of one width (see _unwrapped_tab_rows), else None."""
    for width in range(max(counts), sum(counts) + 1):
        groups: list[tuple[int, int]] = []
        lo, filled = 0, 0
        for k, n in enumerate(counts):
            filled += n
            if filled > width:
                break
            if filled == width:
                groups.append((start + lo, start + k + 1))
                lo, filled = k + 1, 0
        else:
            if filled or len(groups) < 2 or all(hi - lo == 1 for lo, hi in groups):
                continue
            header = tuple(c for line in lines[groups[0][0] : groups[0][1]] for c in _tab_cells(line))
            if _header_columns(header) is None or any(
                not any(quantity_in(c) is not None for line in lines[lo:hi] for c in _tab_cells(line))
                for lo, hi in groups[1:]
            ):
                continue
            return groups
    return None


# Two lines in a row holding one figure each: the values of a table pasted from a PDF a column to a line.
_STACKED_VALUES_HINT_RE = re.compile(r"\n[^\S\n]*\d[\d.,/]*[^\S\n]*\n[^\S\n]*\d[\d.,/]*[^\S\n]*\n")
_LONE_VALUE_RE = re.compile(r"[^\S\n]*(?:\d[\d.,/]*|-)[^\S\n]*")
_HEADER_WORDS_RE = re.compile(r"[^\S\n]*[A-Za-z][A-Za-z -]*[^\S\n]*")


def _stacked_header(words: Sequence[str]) -> tuple[str, ...] | None:
    """Column names from a header's words: each word that names a column opens one, a word that names none
    goes on the one before it ("Sisa" "Blangko" is "Sisa Blangko"); None when a name's role is not its first
    word's."""
    names: list[list[str]] = []
    for w in words:
        if column_of(w) is not None:
            names.append([w])
        elif names:
            names[-1].append(w)
        else:
            return None
    out = tuple(" ".join(n) for n in names)
    if any(column_of(name) != column_of(n[0]) for name, n in zip(out, names, strict=True)):
        return None
    return out


def _stacked_column_tables(lines: list[str]) -> list[tuple[tuple[str, ...], ...]]:
    """Tables pasted from a PDF with one value to a line under their header ("Tanggal Perekaman Pencetakan
    Rusak Sisa" / "Blangko" / "12/01/2027" / "143" / "121" / "3" / "2.310"): read only when the header's
    columns and the values below them are as many; their lines are emptied."""
    tables: list[tuple[tuple[str, ...], ...]] = []
    for i, line in enumerate(lines):
        if not _HEADER_WORDS_RE.fullmatch(line) or len(line.split()) < 3:
            continue
        words = line.split()
        j = i + 1
        if j < len(lines) and _HEADER_WORDS_RE.fullmatch(lines[j]) and len(lines[j].split()) <= 2:
            words += lines[j].split()  # the header's last name wrapped onto a line of its own
            j += 1
        k = j
        while k < len(lines) and lines[k].strip() and _LONE_VALUE_RE.fullmatch(lines[k]):
            k += 1
        header = _stacked_header(words)
        if header is None or len(header) < 3 or k - j != len(header) or _header_columns(header) is None:
            continue
        tables.append((header, tuple(lines[n].strip() for n in range(j, k))))
        for n in range(i, k):
            lines[n] = ""
    return tables


# A typed table's figure that ends its line at a thousands dot ("1." in "11/01/   187   301   1."): its group of three
# digits wraps onto the next line, under it ("2027                  699").
_WRAPPED_FIGURE_HEAD_RE = re.compile(r"(?:[ \t]{2,}|\t|\|[ \t]*)(?P<figure>(?P<thousands>\d{1,3})\.)[ \t]*$")
_WRAPPED_FIGURE_TAIL_RE = re.compile(r"(?<![\w.,/])\d{3}(?![\w.,/])")
_DOT_SPACES_LINE_END_RE = re.compile(r"\d\.[ \t]+\n")
# How far the group under it may stand from the figure's own column (left- or right-aligned cells).
_WRAPPED_COLUMN_SLACK = 2


def joined_wrapped_figures(text: str) -> str:
    """A typed table's figures wrapped at their thousands dot made whole: "1." at a line's end over "699" in the
    same column of the next line becomes "1.699" on the first line, the group taken off the second. A figure that
    ends at its dot with no group of three under it is unread: "1." is no count a clerk would read (it stands for
    1.xxx), so its cell becomes "?"."""
    if ".\n" not in text and _DOT_SPACES_LINE_END_RE.search(text) is None:
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        head = _WRAPPED_FIGURE_HEAD_RE.search(line)
        if head is None or not line[: head.start()].strip():
            continue  # a cell of its own after others, never a sentence's last word or a list's mark ("2.")
        below = lines[i + 1] if i + 1 < len(lines) else ""
        tail = next(
            (t for t in _WRAPPED_FIGURE_TAIL_RE.finditer(below)
             if abs(t.start() - head.start("figure")) <= _WRAPPED_COLUMN_SLACK
             or abs(t.end() - head.end("figure")) <= _WRAPPED_COLUMN_SLACK),
            None,
        )
        if tail is None:
            lines[i] = f"{line[: head.start('figure')]}?"
            continue
        lines[i] = f"{line[: head.start('figure')]}{head.group('thousands')}.{tail.group()}"
        lines[i + 1] = below[: tail.start()].rstrip() + below[tail.end():]
    return "\n".join(lines)


def split_text_tables(text: str) -> tuple[str, list[tuple[tuple[str, ...], ...]]]:
    """Pull horizontal tables ("Tanggal | Perekaman | ..." then rows) out of text; the rest stays.

    A table whose columns name one role only, or none, is taken when it can be read: closed by a
    total row, with its count column's role from the sentence leading into it ("... telah kami
    terima dengan rincian:" over "Uraian | Jumlah Keping"), or made of rows that name their figures
    ("Perekaman KTP-el | 1.234"). Removed lines become empty so the text keeps its shape.
    """
    text = joined_wrapped_figures(joined_point_values(joined_day_fields(joined_field_blocks(text))))
    lines = text.split("\n")
    if "\t" in text:
        _unwrapped_tab_rows(lines)
        text = "\n".join(lines)
    listed = _place_list_tables(lines) if (
        text.count(":") > 2 or "   " in text
        # (a table typed with tabs or pipes is read as one, below)
        or ("\t" not in text and "|" not in text and _TOTAL_LINE_RE.search(text) is not None)
    ) else []
    if ":" in text:
        listed += _inline_place_tables(lines)
        listed += _place_count_line_tables(lines)
        listed += _place_block_tables(lines)
    if _STACKED_VALUES_HINT_RE.search(text):
        listed += _stacked_column_tables(lines)
    if "|" not in text and "\t" not in text and "   " not in text:
        return ("\n".join(lines), listed) if listed else (text, [])
    tables: list[tuple[tuple[str, ...], ...]] = listed + _period_column_tables(lines)
    i = 0
    while i < len(lines):
        cells = _unlabelled_header(lines, i, _single_spaced_header(lines, i, _cells(lines[i])))
        full = len(cells) >= 3 and _header_columns(cells) is not None
        partial = not full and len(cells) >= 2 and _header_columns(cells, totalled=True) is not None
        generic = None if full or len(cells) < 2 else _generic_count_column(cells)
        # "\tSen\tSel\tRab\tKam\tJum" over "Rekam\t9\t14\t11\t6\t10": a week's table, a row per role.
        weekly = not (full or partial or generic is not None) and len(cells) >= 3 and bool(_day_columns(cells))
        if full or partial or generic is not None or weekly:
            rows, j = _table_rows(lines, i, cells)
            if weekly and len(rows) > 1 and all(len(r) == len(cells) + 1 for r in rows[1:]):
                rows[0] = ("", *cells)  # the labels' column has no header of its own
            if weekly and not _labelled_rows(tuple(rows), "tabel"):
                rows = []
            # "Jumlah permohonan | KTP-el | 1.700": a row whose label names its own figure is no total row.
            totalled = any(_is_total_row(r) and not _names_own_figure(r) for r in rows[1:])
            if generic is not None and not (full or partial):
                item_col = next((k for k, c in enumerate(cells) if column_of(c) == "item"), None)
                per_blank = item_col is not None and _rows_by_item(rows[1:], item_col) is not None
                # Closed by a total row, or a row per blank ("Blangko KTP-el | 3.000", "Blangko KIA | 1.000").
                role = _lead_role(lines, i) if totalled or per_blank else None
                if role is not None:
                    # "Jumlah Keping" under "... telah kami terima dengan rincian:": the received count.
                    header = list(cells)
                    header[generic] = f"{cells[generic]} ({_ROLE_COLUMN_WORDS[role]})"
                    rows[0] = tuple(header)
                elif not _labelled_rows(tuple(rows[1:]), "tabel"):
                    rows = []
            elif partial and not totalled:
                rows = []  # one role's column makes a table only when a total row closes it
            if len(rows) > 1:
                tables.append(tuple(rows))
                for k in range(i, j):
                    lines[k] = ""
                i = j
                continue
        i += 1
    return "\n".join(lines), tables


# --- Settling --------------------------------------------------------------------------------


_PHYSICAL_CUES = frozenset(
    f"keyword_{side}:{w}" for side in ("before", "after") for w in vocab.PHYSICAL_COUNT_WORDS
)
_UNSETTLED_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.UNSETTLED_DIFFERENCE_WORDS) + r")(?![\w-])")


def _words_before_figure(c: Candidate) -> str:
    """The words of a candidate's snippet between the figure before it (or the snippet's start) and it."""
    low = normalise(c.text)
    found = find_mentions(low)
    for i, m in enumerate(found):
        if m.value == c.value:
            return low[found[i - 1].end if i else 0 : m.start]
    return ""


def _stock_now(exact: list[Candidate]) -> list[Candidate]:
    """"Kemarin sore sisa blangko 1.020, hari ini setelah pelayanan tinggal 870 keping": of stocks each said
    with its moment, the one of now; every other must be said of before. Otherwise all stay."""
    lead = {id(c): _words_before_figure(c) for c in exact}
    now = [c for c in exact if _NOW_PERIOD_RE.search(lead[id(c)])]
    before = [c for c in exact if _EARLIER_PERIOD_RE.search(lead[id(c)])]
    if len({c.value for c in now}) != 1 or set(map(id, now)) & set(map(id, before)):
        return exact
    if len(now) + len(before) != len(exact):
        return exact
    return [replace(c, cues=(*c.cues, "stock_now")) for c in now]


_SUMMED_FIELDS = frozenset(("printed", "recorded", "received"))


def _sum_of_the_others(mine: Sequence[Candidate]) -> Candidate | None:
    """The one figure, of several of one role and one blank, that is the sum of all the others; else None."""
    if any(c.value is None or c.doubt for c in mine) or len({c.item for c in mine} - {None}) > 1:
        return None
    # The whole may be said twice ("Terima blangko 2.800" in the subject, "Jumlah yang kami terima 2.800" in
    # the text): it is the sum of the figures other than itself.
    wholes = [c for c in mine if c.value is not None and sum(o.value != c.value for o in mine) > 1
              and sum(o.value or 0 for o in mine if o.value != c.value) == c.value]
    if not wholes:
        # "17/5 cetak 0" / "18/5 cetak 131" / "total 2 hari cetak 131": one day's count may equal the whole when
        # the other days' add up to nothing; the whole said once, the rest add up to it.
        wholes = [c for c in mine if c.value is not None and len(mine) > 2 and sum(o.value != c.value for o in mine)
                  and sum(o.value or 0 for o in mine) - c.value == c.value
                  and sum(o.value == c.value for o in mine) == 2]
    if len({c.value for c in wholes}) != 1:
        return None
    return replace(wholes[0], cues=(*wholes[0].cues, "sum_of_the_others"))


def settle(candidates: list[Candidate], unassigned: list[str]) -> Reading:
    """One value per field, or none with a doubt when candidates disagree or are unclear."""
    values: dict[str, int] = {}
    evidence: list[Evidence] = []
    doubts: list[Doubt] = []
    row_date: date | None = None
    for field in QUANTITY_FIELDS:
        mine = [c for c in candidates if c.field == field]
        if not mine:
            continue
        if any(c.corrects for c in mine):
            # "Ralat: yang benar 2.000 keping": the correction replaces what was said before it.
            mine = [c for c in mine if c.corrects]
            fixed = [c for c in mine if c.value is not None and c.doubt is None and not c.table
                     and "forwarded" not in c.cues]
            if len(fixed) == len(mine) > 1 and len({c.value for c in fixed}) > 1 and len({c.item for c in fixed}) == 1:
                # "Eh maaf ralat, 1.200 lembar" ... "Maaf ralat lagi: 1.250 lembar": corrections in turn, the
                # last replaces the ones before it.
                mine = [fixed[-1]]
        if any(c.strong for c in mine):
            mine = [c for c in mine if c.strong]
        if any(c.total for c in mine):
            # "Perekaman dalam gedung: 80 / jemput bola: 40 / Total perekaman: 120": the total is the figure.
            mine = [c for c in mine if c.total]
        elif field in _SUMMED_FIELDS and len(mine) > 2 and (whole := _sum_of_the_others(mine)) is not None:
            # "Minggu I: rekam 612" / "Minggu II: rekam 655" / "total 1-12 des: rekam 1.267": of the figures of
            # one role and blank, the one that is the sum of all the others is their total, checked.
            mine = [whole]
        elif (
            field == "stock_on_hand" and len(mine) > 2 and not any(c.row_date or c.month for c in mine)
            and (whole := _sum_of_the_others(mine)) is not None
        ):
            # "UPT Sebatik : sisa 95" / "UPT Krayan : sisa 240" / "Kantor dinas : sisa 2.625" / "Total kabupaten:
            # sisa 2.960": the stocks of the district's places and the one that is their sum, its whole stock.
            mine = [whole]
        dated = [c for c in mine if c.row_date]
        if len(dated) > 1 and len(dated) < len(mine) and len({c.row_date for c in dated}) == len(dated):
            # "Jum 17/3 ... sisa habis" / "blangko habis pak": a line under the dated ones that says again what
            # the latest of them says adds no figure of its own.
            last = max(dated, key=lambda c: c.row_date)  # type: ignore[arg-type,return-value]
            if last.value is not None and last.doubt is None and all(
                c.value == last.value and c.doubt is None for c in mine if not c.row_date
            ):
                mine = dated
        days = [c.row_date for c in mine]
        if len(mine) > 1 and all(days) and len(set(days)) == len(days):
            # A recap of dated lines ("- Kamis 12/3 : sisa 3.097" / "- Jumat 13/3 : sisa 3.007"), one
            # figure a day: as in a report table, the latest line is the figure now.
            latest = max(days)  # type: ignore[type-var]
            mine = [c for c in mine if c.row_date == latest]
            row_date = max(row_date, latest) if row_date else latest  # type: ignore[type-var]
        months = [c.month for c in mine]
        if len(mine) > 1 and all(months) and len(set(months)) == len(months):
            # "Stok akhir Oktober: 2.360" / "Stok akhir November: 1.510", one figure a month: the latest
            # month's is the figure now (as the latest of dated lines).
            ordered = [m for m in months if m is not None]
            if ordered != sorted(ordered) and ordered != sorted(ordered, reverse=True):
                # "- Januari: 95" ... "- Desember: 70" under "tahun 2026", sent in January: months in
                # calendar order that the mail's date would put in two years are of no known year; which
                # row is the latest, a clerk asks.
                doubts.append(Doubt(field, "conflict", " / ".join(dict.fromkeys(c.text for c in mine))))
                continue
            latest_month = max(ordered)
            mine = [c for c in mine if c.month == latest_month]
            evidence_cue = "latest_month"
        else:
            evidence_cue = ""
        exact = [c for c in mine if c.doubt is None]
        if field == "stock_on_hand" and len({c.value for c in exact}) > 1:
            counted = [c for c in exact if "physical_count" in c.cues]
            if counted and len({c.value for c in counted}) == 1:
                # "tercatat 2.620, fisik 2.652": the register's balance and the count in the store; a
                # clerk acts on the count.
                exact = counted
        if field == "stock_on_hand" and len({c.value for c in exact}) > 1:
            exact = _stock_now(exact)
        if any(c.about for c in exact) and not all(c.about for c in exact):
            # "stok ± 400 keping, tepatnya 396 keping": the exact figure is the one meant.
            exact = [c for c in exact if not c.about]
        distinct = sorted({c.value for c in exact if c.value is not None})
        conflicts = [c for c in mine if c.doubt == "conflict"]
        unclear = [c for c in mine if c.doubt == "unclear"]
        if conflicts and "low_stock_elsewhere" in conflicts[0].cues:
            # "Subject: blangko habis" over "sisa estimasi +/- 300 keping": the word of zero and the figures said
            # beside it, all quoted, so the district sees which it is asked to settle.
            figures = [c.text for c in mine if c is not conflicts[0] and (c.value is not None or c.doubt)]
            parts = _quoted_once([*conflicts[0].text.split(" / "), *figures])
            doubts.append(Doubt(field, "conflict", " / ".join(dict.fromkeys(parts))))
        elif conflicts:
            doubts.append(Doubt(field, "conflict", conflicts[0].text))
        elif len(distinct) > 1:
            doubts.append(Doubt(field, "conflict", " / ".join(dict.fromkeys(c.text for c in exact))))
        elif len(distinct) == 1:
            # An exact figure beside a bound for the same role ("di bawah 1.000, tinggal 750"):
            # the exact figure is what was meant.
            value = distinct[0]
            values[field] = value
            first = next(c for c in exact if c.value == value)
            cues = (*first.cues, evidence_cue) if evidence_cue else first.cues
            evidence.append(Evidence(field, value, first.text, cues))
        elif unclear:
            doubts.append(Doubt(field, "unclear", unclear[0].text))
    return Reading(values, tuple(evidence), tuple(doubts), tuple(unassigned), row_date)
