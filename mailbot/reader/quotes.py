"""The new text of a reply: quoted earlier messages cut off, forwarded messages kept."""

from __future__ import annotations

import functools
import re

from mailbot.reader import vocabulary as vocab

_ON_WROTE_START = re.compile(r"^(?:" + vocab.alternation(vocab.ON_WROTE_OPENERS) + r")\b", re.IGNORECASE)
_ON_WROTE_END = re.compile(r"(?:" + vocab.alternation(vocab.ON_WROTE_VERBS) + r")\s*:\s*$", re.IGNORECASE)
_SEPARATORS = tuple(vocab.QUOTE_SEPARATORS)
_FORWARD_RE = re.compile(
    r"^[-\s*_>]*(?:" + vocab.alternation([m.strip("- ") for m in vocab.FORWARD_MARKERS]) + r")[-\s*:]*$",
    re.IGNORECASE,
)
_HEADER_FIELD_RE = re.compile(
    r"^\s*\*?\s*(?:" + vocab.alternation(vocab.OUTLOOK_FROM + vocab.OUTLOOK_FIELDS) + r")",
    re.IGNORECASE,
)
_FROM_RE = re.compile(r"^\s*\*?\s*(?:" + vocab.alternation(vocab.OUTLOOK_FROM) + r")", re.IGNORECASE)
_RULE_RE = re.compile(r"^\s*[_\-=]{8,}\s*$")
_SEPARATOR_RE = re.compile(
    r"^\s*-{2,}\s*(?:" + vocab.alternation(vocab.QUOTE_SEPARATOR_TITLES) + r")\s*-{2,}\s*$", re.IGNORECASE
)


# GroupWise's quote header: ">>> Name <address> 20/05/2026 14:02 >>>".
_GROUPWISE_RE = re.compile(r"^>>>\s.*\S\s*>>>\s*$")
# An attribution line of other clients, naming the writer's address: "Name <a@b> menulis pada ...:",
# "2026-03-02 10:05 GMT+08:00 Name <a@b>:".
_ADDRESS_RE = re.compile(r"<[^<>\s@]+@[^<>\s@]+>|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_ATTRIBUTION_VERB_RE = re.compile(r"\b(?:" + vocab.alternation(vocab.ON_WROTE_VERBS) + r")\b", re.IGNORECASE)
_DATE_START_RE = re.compile(r"^\d{4}-\d{2}-\d{2}\b|^\d{1,2}/\d{1,2}/\d{2,4}\b")


def _is_attribution(line: str) -> bool:
    """A one-line quote header of a client other than Gmail's: GroupWise's ">>> ... >>>", or a line
    ending in ":" that names an address and either says "menulis"/"wrote" or opens with a date."""
    if _GROUPWISE_RE.match(line):
        return True
    if not line.endswith(":") or len(line) > 200 or not _ADDRESS_RE.search(line):
        return False
    return bool(_ATTRIBUTION_VERB_RE.search(line) or _DATE_START_RE.match(line))


def _is_on_wrote(lines: list[str], i: int) -> bool:
    """Gmail's "Pada <date> <name> menulis:" (English "On ... wrote:"), possibly wrapped over lines;
    or another client's one-line attribution (see _is_attribution)."""
    line = lines[i].strip()
    if _is_attribution(line):
        return True
    if not _ON_WROTE_START.match(line):
        return False
    joined = line
    for j in range(i, min(i + 3, len(lines))):
        if j > i:
            joined += " " + lines[j].strip()
        if _ON_WROTE_END.search(joined):
            return True
    return False


def _on_wrote_end(lines: list[str], i: int) -> int:
    """Index of the line after a "Pada ... menulis:" header that starts at line i (it may wrap)."""
    joined = lines[i].strip()
    for j in range(i, min(i + 3, len(lines))):
        if j > i:
            joined += " " + lines[j].strip()
        if _ON_WROTE_END.search(joined):
            return j + 1
    return i + 1


def _marks_its_quote(lines: list[str], i: int) -> bool:
    """Whether the first line with text from i on is a "> " quoted line: the header above it introduces
    a marked quote, and what follows the quote is the writer's again (a bottom-posted or inline reply)."""
    for line in lines[i : i + 4]:
        if line.strip():
            return line.lstrip().startswith(">")
    return False


# A phone's quote under a "Pada ... menulis:" header flush left: this many lines of the earlier mail at least, all
# indented, then a blank line over the writer's words flush left.
_PHONE_QUOTE_LINES = 3


def _indented_quote_end(lines: list[str], i: int) -> int | None:
    """A quote written above the reply by indenting it, the writer's words flush left below it: Yahoo Mail's
    indented "Pada ... menulis:" header (line i) over indented lines, or a phone client's header flush left over
    the earlier mail with every line indented (by one space, most often), a blank line, then the writer's words.
    The index of the first of those words; None when nothing flush left follows the quote, or, under a header
    flush left, when it names neither an address nor a time of day (a sentence of the writer's), or the indented
    lines are few or run straight into the words below (an earlier mail quoted unmarked whose own first lines
    are indented, its flush-left text going on below them, is not such a quote)."""
    j = _on_wrote_end(lines, i)
    quoted = 0
    while j < len(lines) and (not lines[j].strip() or lines[j][:1].isspace()):
        quoted += bool(lines[j].strip())
        j += 1
    if not quoted or j >= len(lines):
        return None
    if lines[i][:1].isspace():
        return j
    header = " ".join(line.strip() for line in lines[i : _on_wrote_end(lines, i)])
    dated = _ADDRESS_RE.search(header) or _TIME_OF_DAY_RE.search(header)
    return j if dated and quoted >= _PHONE_QUOTE_LINES and not lines[j - 1].strip() else None


def _is_header_block(lines: list[str], i: int) -> bool:
    """An Outlook reply header: "Dari:" / "From:" followed by "Dikirim:", "Kepada:", "Perihal:"..."""
    if not _FROM_RE.match(lines[i]):
        return False
    fields = 0
    for j in range(i + 1, min(i + 7, len(lines))):
        if _HEADER_FIELD_RE.match(lines[j]):
            fields += 1
        elif lines[j].strip() and fields == 0:
            return False
    return fields >= 2


_STACKED_FIELDS = frozenset(vocab.STACKED_HEADER_FIELDS)
_DESK_REPLY_RE = re.compile(r"^\s*(?:" + vocab.alternation(vocab.DESK_REPLY_OPENERS) + r")", re.IGNORECASE)
_STACKED_LOOKAHEAD = 10
# The first letters of the desk's reply openers: a cheap test before the line is matched.
_DESK_REPLY_STARTS = tuple({w[:3] for w in vocab.DESK_REPLY_OPENERS})


def _is_stacked_header(lines: list[str], i: int) -> bool:
    """A quote header with its field names alone on their lines (Lotus Notes): a line naming the
    earlier writer's address, then within a few lines two or more bare field names ("To", "cc",
    "Subject")."""
    line = lines[i]
    if "@" not in line or len(line) > 200 or not _ADDRESS_RE.search(line):
        return False
    bare = sum(
        1 for other in lines[i + 1 : i + 1 + _STACKED_LOOKAHEAD]
        if other.strip().rstrip(":").strip().lower() in _STACKED_FIELDS
    )
    return bare >= 2


def _desk_reply_header(lines: list[str], i: int, written: list[str]) -> int | None:
    """Whether the desk's own reply, quoted below the writer's words without a quote header a client
    marks, begins at line i (its greeting): the number of lines just above it, already taken as the
    writer's, that are its header ("Desk Blangko <blangko@...>", "02/12/2026 17:20"). None when line
    i opens no desk reply or nothing of the writer's is above it."""
    if not _DESK_REPLY_RE.match(lines[i]) or not any(w.strip() for w in written):
        return None
    k = 0
    while k < len(written):
        above = written[-1 - k].strip()
        if above and not (_ADDRESS_RE.search(above) or _DATE_START_RE.match(above) or _HEADER_FIELD_RE.match(above)):
            break
        k += 1
    return k


# The desk's own closing sentences (see vocabulary.DESK_OWN_SENTENCES), wherever they sit.
_DESK_SENTENCE_RE = re.compile(r"(?:" + vocab.alternation(vocab.DESK_OWN_SENTENCES) + r")\s*\.?", re.IGNORECASE)
# The desk's footer lines: the first of them ends the desk's reply quoted back.
_DESK_FOOTER_RE = re.compile(vocab.alternation(vocab.DESK_OWN_SENTENCES[:2]), re.IGNORECASE)
# Two words of both footer sentences, whose letters match only their own capitals whatever the case rule.
_DESK_FOOTER_WORDS = ("meja", "layanan")


def _has_desk_footer(text: str) -> bool:
    """Whether text holds the desk's footer anywhere; a text without the footer's words is passed over by two
    substring tests (the footer's pattern, case-insensitive, is tried at every character)."""
    low = text.lower()
    return all(w in low for w in _DESK_FOOTER_WORDS) and _DESK_FOOTER_RE.search(text) is not None
_DESK_FOOTER_TAIL_RE = re.compile(vocab.alternation(vocab.DESK_OWN_SENTENCES[2:]), re.IGNORECASE)
# An attribution run into the quoted text on one line (Yahoo Mail on Android, Thunderbird with its
# line breaks lost): "Pada Sel, 1 Des 2026 pada 8:05, Meja Blangko<blangko@...> menulis:   Yth. ...",
# "On 01/12/2026 08.05, Meja Blangko wrote: Yth. ...". Its head names an address or a time of day.
_JOINED_ON_WROTE_RE = re.compile(
    r"^(?:" + vocab.alternation(vocab.ON_WROTE_OPENERS) + r")\b(?P<head>.{4,200}?)\b(?:"
    + vocab.alternation(vocab.ON_WROTE_VERBS) + r")\s*:\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_TIME_OF_DAY_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_WHOLE_MESSAGE = 300  # characters: a message run into its attribution line, not a sentence


def _is_joined_attribution(line: str) -> bool:
    """Whether line is a quote header with the quoted text run into it (see _JOINED_ON_WROTE_RE): its
    head names an address, or what follows it is the desk's own reply, or its head names a time of day and
    a whole message follows on the line (a sentence of the writer's "pada pukul 10.00 kami menulis: ..." is
    short)."""
    m = _JOINED_ON_WROTE_RE.match(line.strip())
    if m is None:
        return False
    head, rest = m.group("head"), m.group("rest")
    return bool(_ADDRESS_RE.search(head) or _DESK_REPLY_RE.match(rest)
                or (_TIME_OF_DAY_RE.search(head) and len(rest) >= _WHOLE_MESSAGE))


def _desk_reply_end(lines: list[str], i: int) -> int | None:
    """The desk's own reply pasted back without a quote header, opening at line i (its greeting) with
    nothing of the writer's above it: the index of the line after its footer ("Email ini dikirim
    otomatis oleh meja layanan blangko. Mohon tidak mengubah ..."), so that what the writer wrote below
    it is read. None when line i opens no desk reply, no footer closes it, or nothing follows it (the desk's
    reply alone: what that mail is, other rules say)."""
    if not _DESK_REPLY_RE.match(lines[i]):
        return None
    for j in range(i + 1, len(lines)):
        if _DESK_FOOTER_RE.search(lines[j]):
            return _below_footer(lines, j)
    return None


def _below_footer(lines: list[str], j: int) -> int | None:
    """The index of the line after the desk's footer at line j (wrapped over two lines or not), or None when
    nothing but blank lines follows it."""
    end = j + 1
    if not _DESK_FOOTER_TAIL_RE.search(lines[j]) and end < len(lines) and _DESK_FOOTER_TAIL_RE.search(lines[end]):
        end += 1  # the footer wrapped over two lines
    return end if any(line.strip() for line in lines[end:]) else None


# Lotus Notes' forward line over its header block: "----- Diteruskan oleh Name/Office pada 02/12/2026 09:55 -----".
_LOTUS_FORWARD_RE = re.compile(
    r"^-{3,}\s*(?:" + vocab.alternation(vocab.LOTUS_FORWARD_WORDS) + r")\s.*-{2,}\S*$", re.IGNORECASE
)
# The first characters of a quote header's first line without an address (a cheap test before it is matched).
_QUOTE_HEADER_STARTS = ("-", "_", "*", ">", "dari", "from", "pada", "on ")
_DESK_MAIL_LINES = 120  # lines: the longest of the desk's own mails, from its quote header to its footer


# Lotus Notes' reply line over the quoted mail: "-----Blangko Disdukcapil Kaltara wrote: -----".
_LOTUS_REPLY_RE = re.compile(
    r"^-{3,}[^\n]*\S\s*(?:" + vocab.alternation(vocab.ON_WROTE_VERBS) + r")\s*:\s*-{3,}$", re.IGNORECASE
)


# Horde's quote line over the mail it answers: "----- Pesan dari Name <address> ---------".
_HORDE_QUOTE_RE = re.compile(
    r"^-{3,}\s*(?:" + vocab.alternation(vocab.HORDE_QUOTE_WORDS) + r")\s[^\n]*<[^<>\s@]+@[^<>\s@]+>\s*-{3,}$",
    re.IGNORECASE,
)


def _is_lotus_forward(lines: list[str], i: int) -> bool:
    """Lotus Notes' "----- Diteruskan oleh ... -----" with a header block ("Dari:\t...") just below it, or its
    reply line "-----Name wrote: -----" over the mail it quotes (and Horde's "----- Pesan dari Name <address>
    -----" over the mail it answers)."""
    if _LOTUS_REPLY_RE.match(lines[i].strip()) or _HORDE_QUOTE_RE.match(lines[i].strip()):
        return True
    if not _LOTUS_FORWARD_RE.match(lines[i].strip()):
        return False
    j = next((k for k in range(i + 1, min(i + 3, len(lines))) if lines[k].strip()), None)
    return j is not None and _is_header_block(lines, j)


def _opens_quote(lines: list[str], i: int) -> bool:
    """Whether line i opens a quote header of any known style (the checks of split_quoted, cheapest first)."""
    stripped = lines[i].strip()
    return bool(
        _FORWARD_RE.match(stripped)
        or _SEPARATOR_RE.match(stripped)
        or _GROUPWISE_RE.match(stripped)
        or _is_lotus_forward(lines, i)
        or _is_on_wrote(lines, i)
        or _is_joined_attribution(stripped)
        or _is_header_block(lines, i)
        or ("@" in stripped and _is_stacked_header(lines, i))
    )


def _desk_quote_end(lines: list[str], i: int) -> int | None:
    """A quote header of any style at line i (an Outlook "Dari:/Dikirim:" block, Gmail's "Pesan terusan",
    Lotus' "Diteruskan oleh", "-----Pesan Asli-----", "Pada ... menulis:", run into the quoted text or not)
    over the desk's own mail, unmarked and closed by its footer ("Email ini dikirim otomatis oleh meja
    layanan blangko. ..."), with the writer's words below the footer: the index of the line after the
    footer, so that the desk's mail is cut as a quote and what the writer wrote below it is read. None
    when no footer of the desk closes the quote before another quote opens, or nothing follows it. A "Pada ...
    menulis:" wrapped over two lines (a phone's, its address alone on the second) is one header, not two quotes."""
    body = _skip_header_lines(lines, _on_wrote_end(lines, i) if _is_on_wrote(lines, i) else i + 1)
    for j in range(i, min(len(lines), body + _DESK_MAIL_LINES)):
        if j >= body and lines[j].strip() and (lines[j].lstrip().startswith(">") or _opens_quote(lines, j)):
            return None  # a marked quote, or an earlier message quoted in turn: not the desk's mail alone
        if _DESK_FOOTER_RE.search(lines[j]):
            return _below_footer(lines, j)
    return None


def text_below_desk_mail(text: str) -> str:
    """The writer's own words below the desk's own mail that the message quotes or forwards unmarked
    (see _desk_quote_end), the quotes below them cut; "" when nothing the writer wrote is below it."""
    if not _has_desk_footer(text):
        return ""
    lines = text.splitlines()
    for i in range(len(lines)):
        if lines[i].strip() and _opens_quote(lines, i) and (end := _desk_quote_end(lines, i)) is not None:
            return split_quoted("\n".join(lines[end:]))[0]
    return ""


def without_desk_sentences(line: str) -> str:
    """line less the desk's own closing sentences (see vocabulary.DESK_OWN_SENTENCES).

    >>> without_desk_sentences("Email ini dikirim otomatis oleh meja layanan blangko. Mohon tidak mengubah "
    ...                        "kode rujukan pada subjek saat membalas.").strip()
    ''
    """
    if "blangko" not in line.lower() and "rujukan" not in line.lower():
        return line
    return _DESK_SENTENCE_RE.sub("", line)


def _is_tab_quote(lines: list[str], i: int, written: list[str]) -> bool:
    """Clients that quote by indenting with a tab: below the writer's own words, every remaining line
    is blank or tab-indented (two lines at least). A table or list indented in the new text is not
    at the end of the message, or has no new text above it."""
    if not lines[i].startswith("\t") or not any(w.strip() for w in written):
        return False
    rest = [line for line in lines[i:] if line.strip()]
    return len(rest) >= 2 and all(line.startswith("\t") for line in rest)


def _skip_header_lines(lines: list[str], i: int) -> int:
    """Index of the first line after a header block (Dari:/Tanggal:/Subjek:... then a blank line)."""
    n = len(lines)
    while i < n and (lines[i].strip() == "" or _HEADER_FIELD_RE.match(lines[i])):
        if lines[i].strip() == "" and i + 1 < n and not _HEADER_FIELD_RE.match(lines[i + 1]):
            return i + 1
        i += 1
    return i


# A message's text is looked at for its forwards several times as it is read (the words above them,
# the message forwarded, the chain): its lines and separators are found once.
@functools.lru_cache(maxsize=4)
def _forward_cuts(text: str, *, outlook: bool = False) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The lines of text, and the indexes of its forward separator lines ("---------- Pesan terusan ----------");
    with outlook (the subject says "FW:"), Outlook's "-----Original Message-----" lines separate forwards too."""
    lines = tuple(text.splitlines())
    return lines, tuple(
        i for i, line in enumerate(lines)
        if _FORWARD_RE.match(line.strip()) or (outlook and _SEPARATOR_RE.match(line))
    )


def text_before_forward(text: str, *, outlook: bool = False) -> str | None:
    """The writer's own words above a forwarded message ("---------- Pesan terusan ----------");
    None when nothing is forwarded."""
    lines, cuts = _forward_cuts(text, outlook=outlook)
    return "\n".join(lines[: cuts[0]]) if cuts else None


def forward_chain(text: str) -> list[tuple[str, str]]:
    """Each message forwarded in turn down a chain ("Fwd: Fwd:"): (the text above its separator, the
    forwarded message up to the next separator, header lines included), outermost first."""
    lines, cuts = _forward_cuts(text)
    return [
        ("\n".join(lines[:i]), "\n".join(lines[i + 1 : cuts[n + 1] if n + 1 < len(cuts) else len(lines)]))
        for n, i in enumerate(cuts)
    ]


def forwarded_part(text: str, *, outlook: bool = False) -> str | None:
    """The forwarded message below the writer's own words, header lines included; None when
    nothing is forwarded."""
    lines, cuts = _forward_cuts(text, outlook=outlook)
    return "\n".join(lines[cuts[0] + 1 :]) if cuts else None


def forwarded_text(text: str) -> str | None:
    """The text of the forwarded message below the writer's own words, its header lines and what it
    quotes in turn left out; None when nothing is forwarded."""
    lines, cuts = _forward_cuts(text)
    return split_quoted("\n".join(lines[cuts[0] :]))[0] if cuts else None


_PIPE_QUOTE_RUN = 3  # lines: a shorter run of "| " lines is read as it is written


def _pipe_quotes_marked(text: str) -> str:
    """*text* with a quote marked by "| " (as some webmail and Lotus clients quote) marked by "> ": a run
    of at least _PIPE_QUOTE_RUN lines that each start with "|", nearly all of them with no other "|" (a
    table's rows have more: "| Perekaman | 134 |", and are left as they are).

    >>> _pipe_quotes_marked("ralat: sisa 400\\n| Yth. Bapak\\n| DISETUJUI 2.500\\n|\\n| Salam")
    'ralat: sisa 400\\n> Yth. Bapak\\n> DISETUJUI 2.500\\n>\\n> Salam'
    """
    if "|" not in text:
        return text
    lines = text.split("\n")
    i, n = 0, len(lines)
    while i < n:
        if not lines[i].lstrip().startswith("|"):
            i += 1
            continue
        j = i
        while j < n and lines[j].lstrip().startswith("|"):
            j += 1
        run = [line.lstrip()[1:] for line in lines[i:j]]
        if j - i >= _PIPE_QUOTE_RUN and sum("|" in rest for rest in run) * 10 <= len(run):
            lines[i:j] = [">" + rest for rest in run]
        i = j
    return "\n".join(lines)


def strip_quoted(text: str, *, forwarded: bool = False) -> str:
    """The new text of a message; see split_quoted."""
    return split_quoted(text, forwarded=forwarded)[0]


def split_quoted(text: str, *, forwarded: bool = False) -> tuple[str, str]:
    """The new text of a message: quoted replies ("Pada ... menulis:", "-----Pesan Asli-----",
    Outlook "Dari: ... Dikirim: ..." blocks, "> " lines, a tab-indented quote at the end) and mobile
    footers removed.

    A forwarded message ("---------- Pesan terusan ----------") is content and is kept, without its
    header lines. With forwarded=True (the subject says "Fwd:"), the first Outlook-style header block
    is taken as the header of the forwarded message rather than of a quote.

    Returns (new text, quoted text); the quoted text is what was cut off, for reading what an
    earlier message asked.

    >>> split_quoted("Sudah kami terima.\\n\\nPada Sen, 12 Jan 2026 menulis:\\n> sisa 750")
    ('Sudah kami terima.', 'Pada Sen, 12 Jan 2026 menulis:\\n> sisa 750')
    """
    return _split_quoted(_pipe_quotes_marked(text), forwarded)


# The writer's note typed on a quoted line after an arrow pointing back at it ("> ... 1.000 keping  << mohon jadi
# 1.300 pak", "> ... <-- salah, stok kami 150"): words with a letter in them after "<<", "<--", "<==" or "←".
_NOTE_ON_QUOTE_RE = re.compile(r"\s(?:<{2,}|<-+|<=+|\u2190)\s*(?P<note>[^<>\s][^<>]*[^\W\d_][^<>]*)$")


# ... or after an arrow pointing on from it to a figure ("> - Jumlah yang dimohon: 1.000 keping (...)  ==> revisi 1.250
# kpg", "-> 1.250", "→ 1.250") where the desk's own mail is quoted (the district's own letters may hold such arrows):
# words with a figure in them, read under the line's label as a bracket's are ...
_FORWARD_NOTE_ON_QUOTE_RE = re.compile(r"\s(?:=+>|-+>|\u2192|\u21d2)\s*(?P<note>[^<>\s][^<>]*\d[^<>]*)$")


# ... or in brackets at its end, opened by a word of correction ("> - Jumlah yang dimohon: 800 keping (...) [ralat:
# 1.100 kpg]"): the writer's words, read under the label of the line they stand on ("Jumlah yang dimohon").
_BRACKET_NOTE_ON_QUOTE_RE = re.compile(
    r"\s[\[(]\s*(?P<note>(?:" + vocab.alternation(vocab.QUOTE_NOTE_OPENERS) + r")(?![\w-])[^\[\]()]*?)\s*[\])]\s*$",
    re.IGNORECASE)
# The label a quoted line opens with ("> - Jumlah yang dimohon: 800 keping"): a few words and no figure.
_QUOTED_LABEL_RE = re.compile(r"^[>\s]*(?:[-*\u2022]\s*)?(?P<label>[^\W\d_][^:\d]{1,40}?)\s*:")


def _note_on_quote(line: str, *, desk_quoted: bool) -> str | None:
    """The writer's words typed on a quoted line: after an arrow pointing back at it, after an arrow pointing on to a
    figure (on a quote of the desk's own mail, *desk_quoted*), or in brackets at its end opened by a word of
    correction (the last two under the line's own label, so the figure keeps the field it corrects)."""
    if (note := _NOTE_ON_QUOTE_RE.search(line)) is not None:
        label = _QUOTED_LABEL_RE.match(line) if desk_quoted and any(c.isdigit() for c in note["note"]) else None
        # ("> - Jumlah yang dimohon: 900 keping (...)  <=== harusnya 1.250 pak": the figure under the line's label)
        return f"{label['label']}: {note['note']}" if label is not None else note["note"]
    forward = _FORWARD_NOTE_ON_QUOTE_RE.search(line) if desk_quoted else None
    if (marked := forward or _BRACKET_NOTE_ON_QUOTE_RE.search(line)) is not None:
        label = _QUOTED_LABEL_RE.match(line)
        return f"{label['label']}: {marked['note']}" if label is not None else marked["note"]
    return None


def _notes_on_unmarked_quote(quoted: list[str]) -> list[str]:
    """The writer's notes typed on the lines of the desk's mail quoted without "> " (an Outlook "Dari:/Dikirim:"
    block, a phone's indent): read up to the desk's footer only, so that an older mail further down the chain
    (a correction made and answered before) is never read again. Lines marked "> " had theirs read already."""
    notes = []
    for line in quoted:
        if _DESK_FOOTER_RE.search(line):
            break
        stripped = line.strip()
        if stripped and not stripped.startswith(">") and (note := _note_on_quote(stripped, desk_quoted=True)):
            notes.append(note)
    return notes


# A message's text is split twice as it is read (for its new words, and for the signals of a machine
# in the writer's own words); the second time is the first's answer.
@functools.lru_cache(maxsize=4)
def _split_quoted(text: str, forwarded: bool) -> tuple[str, str]:
    lines = text.splitlines()
    out: list[str] = []
    quoted: list[str] = []
    desk_footer = _has_desk_footer(text)  # the desk's own mail is quoted somewhere
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        if not line:
            # An empty line (a paragraph's end, most often) opens no quote and is no footer: every test below
            # needs a character (a marker, a word, a tab), and the desk's sentences are none. It is kept.
            out.append(line)
            i += 1
            continue
        stripped = line.strip()
        low = stripped.lower()
        if (desk_footer and stripped and (low.startswith(_QUOTE_HEADER_STARTS) or "@" in line)
                and _opens_quote(lines, i) and (desk_end := _desk_quote_end(lines, i)) is not None):
            # the desk's own mail quoted or forwarded unmarked under any quote header, the writer's words
            # below its footer: the desk's words are cut, the writer's read on
            quoted.extend(lines[i:desk_end])
            i = desk_end
            continue
        if _FORWARD_RE.match(stripped):
            forwarded = False
            i = _skip_header_lines(lines, i + 1)
            out.append("")
            continue
        if _GROUPWISE_RE.match(stripped) and not _marks_its_quote(lines, i + 1):
            # GroupWise's ">>> Name <address> date >>>" over the unmarked earlier message
            quoted.extend(lines[i:])
            break
        if low.startswith(">"):
            quoted.append(line)
            if (note := _note_on_quote(stripped, desk_quoted=desk_footer)) is not None:
                # "> - Jumlah yang dimohon: 1.000 keping   << mohon jadi 1.300 pak", "> ... [ralat: 1.100 kpg]":
                # the writer's words typed on the quoted line, pointing at it, are the writer's
                out.append(note)
            i += 1
            continue
        if _is_tab_quote(lines, i, out):
            quoted.extend(lines[i:])
            break
        on_wrote = _is_on_wrote(lines, i)
        if not forwarded and on_wrote and _marks_its_quote(lines, _on_wrote_end(lines, i)):
            # "Pada ... menulis:" over "> " lines: the header and its marked lines are the quote; text
            # below them answers it (bottom-posting, or answers between the quoted questions).
            end = _on_wrote_end(lines, i)
            quoted.extend(lines[i:end])
            i = end
            continue
        if not forwarded and on_wrote and (below := _indented_quote_end(lines, i)) is not None:
            # "   Pada Rabu, 15 Sep 2032 pukul 08.10, ... menulis:" over indented lines, the reply flush left below
            # them: the indented block is the quote, the text below it the writer's.
            quoted.extend(lines[i:below])
            i = below
            continue
        if not forwarded and _is_joined_attribution(stripped):
            # "Pada ... menulis:   Yth. Bapak/Ibu ..." on one line: the earlier message starts here
            quoted.extend(lines[i:])
            break
        if (
            not forwarded
            and low.startswith(_DESK_REPLY_STARTS)
            and not any(w.strip() for w in out)
            and (footer_end := _desk_reply_end(lines, i)) is not None
        ):
            # the desk's reply pasted back above the writer's words (bottom-posting with no quote
            # marks): cut through its footer, and read on below it
            quoted.extend(lines[i:footer_end])
            i = footer_end
            continue
        if (
            not forwarded
            and low.startswith(_DESK_REPLY_STARTS)
            and (header := _desk_reply_header(lines, i, out)) is not None
        ):
            # "Koreksi: sisa stok kami 150 keping" above the desk's reply pasted back unmarked: the
            # desk's words ("DISETUJUI sebanyak 1.500 keping") are never the writer's.
            quoted.extend(out[len(out) - header :] + lines[i:])
            del out[len(out) - header :]
            break
        if _SEPARATOR_RE.match(stripped) or _is_lotus_forward(lines, i) or on_wrote or _is_header_block(lines, i) or (
            "@" in line and _is_stacked_header(lines, i) and any(w.strip() for w in out)
        ):
            if forwarded:
                forwarded = False
                start = i + 1 if _SEPARATOR_RE.match(stripped) or _is_lotus_forward(lines, i) else i
                i = _skip_header_lines(lines, start)
                out.append("")
                continue
            if not on_wrote and _marks_its_quote(lines, end := _skip_header_lines(
                lines, i + 1 if _SEPARATOR_RE.match(stripped) or _is_lotus_forward(lines, i) else i
            )):
                # "----- Original Message -----" and its fields over "> " lines: as under "Pada ...
                # menulis:", the header and its marked lines are the quote and the text below is the writer's.
                quoted.extend(lines[i:end])
                i = end
                continue
            quoted.extend(lines[i:])
            break
        if low.startswith(vocab.FOOTER_LINES):
            i += 1
            continue
        own = without_desk_sentences(line)
        if own is not line and not own.strip():
            quoted.append(line)  # the desk's footer, left over from a quote cut elsewhere
            i += 1
            continue
        out.append(own)
        i += 1
    if desk_footer and (notes := _notes_on_unmarked_quote(quoted)):
        # "- Jumlah yang dimohon: 2.000 keping (...) <<< mestinya 2.600" in an Outlook block or a Yahoo indent:
        # the writer's words typed on a quoted line of the desk's mail are the writer's, as under "> "
        while out and (not out[-1].strip() or _RULE_RE.match(out[-1])):
            out.pop()
        out.extend(["", *notes])
    out = _without_disclaimers(out)
    while out and (not out[-1].strip() or _RULE_RE.match(out[-1])):
        out.pop()
    while out and not out[0].strip():
        out.pop(0)
    return "\n".join(out), "\n".join(quoted)


_DISCLAIMER_RE = re.compile(vocab.alternation(vocab.DISCLAIMER_MARKERS))
# Every marker holds one of these: a cheap test before the paragraphs are looked at.
# (Joined by vocab.alternation, which groups the words by their first letters: the search passes over a letter
# no word starts with, and tries only the words that start with the letter it stands on.)
_DISCLAIMER_HINT_RE = re.compile(vocab.alternation((
    "rahasia", "confidential", "konfidensial", "recipient", "intended", "prohibit", "penerima", "disclaimer",
    "delete", "destroy", "menghapus", "pengirim", "sender", "privileged", "kerugian", "ditujukan", "dilarang",
)))


def _without_disclaimers(lines: list[str]) -> list[str]:
    """The lines less each paragraph that is a confidentiality notice (two of its markers or more), after
    the writer's first paragraph: boilerplate under a signature is never the writer's content."""
    if not _DISCLAIMER_HINT_RE.search("\n".join(lines).lower()):
        return lines
    kept: list[str] = []
    para: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            para.append(line)
            continue
        if para and not (kept and len({m.group() for m in _DISCLAIMER_RE.finditer(" ".join(para).lower())}) >= 2):
            kept.extend(para)
        para = []
        kept.append(line)
    return kept[:-1]


def inline_answers(text: str) -> list[tuple[str, str]]:
    """The writer's words of an inline reply, each with the quoted lines just above it: [(quoted, own)].
    The words above the first quote come with "" for quoted. Empty when nothing the writer says comes
    after a "> " quote (a top-posted reply, or no quote at all), i.e. when no answer sits under a quote.

    >>> inline_answers("> 1. Berapa sisa stok?\\n\\nSisa 380.\\n\\n> 2. Berapa yang dibutuhkan?\\n\\n1.500 keping.")
    [('> 1. Berapa sisa stok?', 'Sisa 380.'), ('> 2. Berapa yang dibutuhkan?', '1.500 keping.')]
    """
    lines = _pipe_quotes_marked(text).splitlines()
    groups: list[tuple[bool, list[str]]] = []  # (quoted, lines)
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        stripped = line.strip()
        if _is_on_wrote(lines, i) and _marks_its_quote(lines, _on_wrote_end(lines, i)):
            i = _on_wrote_end(lines, i)
            continue
        if (
            _FORWARD_RE.match(stripped)
            or (_GROUPWISE_RE.match(stripped) and not _marks_its_quote(lines, i + 1))
            or _SEPARATOR_RE.match(stripped)
            or _is_on_wrote(lines, i)
            or _is_joined_attribution(stripped)
            or _is_header_block(lines, i)
            or _is_tab_quote(lines, i, [ln for q, g in groups if not q for ln in g])
        ):
            break
        i += 1
        if not stripped or stripped.lower().startswith(vocab.FOOTER_LINES):
            continue
        quoted = stripped.startswith(">")
        if groups and groups[-1][0] == quoted:
            groups[-1][1].append(line)
        else:
            groups.append((quoted, [line]))
    if not any(not q for q, _ in groups[1:]) or not any(q for q, _ in groups):
        return []
    pairs: list[tuple[str, str]] = []
    above = ""
    for quoted, group in groups:
        if quoted:
            above = "\n".join(group)
        else:
            pairs.append((above, "\n".join(group)))
            above = ""
    return pairs
