"""The reader: raw district email in, a Verdict out. Pure: no database, network, clock or files."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from datetime import datetime
from email.message import Message
from email.utils import parseaddr
from typing import Any, Literal

from mailbot.errors import LimitExceeded, NotAnEmailError, UnreadableError
from mailbot.guards.threads import subject_prefixes as _subject_prefixes
from mailbot.reader import vocabulary as vocab
from mailbot.reader.automated import (
    automation_reasons,
    content_reasons,
    filled_form,
    header_reasons,
    relayed_letter,
    speaks_of_autoreplies,
)
from mailbot.reader.classify import (
    HOPE_OR_CONDITION_RE,
    district_named,
    district_of_domain,
    district_of_sender,
    district_signed,
    explicit_item,
    is_citizen,
    is_courier_notice,
    is_news,
    is_phishing,
    is_press,
    is_spam_offer,
    is_vendor_offer,
    item_of,
    kind_of,
    other_districts_pattern,
    report_attached,
    speaks_as_public,
    speaks_for_other_province,
    stock_aside_item,
    subject_for_kind,
)
from mailbot.reader.dates import parse_date, report_date
from mailbot.reader.frozen import replace
from mailbot.reader.mime import ReadLimits, extract
from mailbot.reader.numbers import mask_non_quantities, normalise, parse_digits, unread_figure
from mailbot.reader.quotes import (
    forward_chain,
    forwarded_part,
    forwarded_text,
    inline_answers,
    split_quoted,
    strip_quoted,
    text_before_forward,
    text_below_desk_mail,
)
from mailbot.reader.roles import (
    STOCK_UNDER_TOTAL,
    Candidate,
    Reading,
    asked_beside_needed_table,
    asked_role,
    breakdown_total_disagrees,
    current_requests,
    earlier_period_sheets,
    figure_over_headline_zero,
    headline_zero,
    keywords,
    names_later_year_plan,
    need_answered_to_circular,
    period_report,
    question_role,
    read_table,
    read_text,
    received_within_district,
    settle,
    shortfall_of_table,
    split_text_tables,
    subunit_report,
    subunit_writer,
    summed_over_days,
    thanked_receipt_in_request,
)
from mailbot.reader.signs import written_below_zero
from mailbot.reader.verdict import QUANTITY_FIELDS, District, Doubt, Evidence, ItemReading, Verdict

__all__ = [
    "District",
    "Doubt",
    "Evidence",
    "ItemReading",
    "ReadLimits",
    "Verdict",
    "automation_reasons",
    "read_message",
    "strip_quoted",
]

_EXCERPT_CHARS = 2000
_PERIOD_HEAD_CHARS = 300  # how far into a mail's text its title line and opening reach
_WORK_FIELDS = frozenset(("printed", "recorded"))
_BOUNCE_REASONS = frozenset(("delivery-failure", "sender-mailer-daemon", "sender-postmaster", "multipart-report"))
# A bulletin or mailing list writes to every district: a district it names is news, not its sender.
_NEED_CUES = frozenset(f"keyword_before:{w}" for w in vocab.NEED_WORDS)
_SENDER_ONLY_REASONS = frozenset(("sender-noreply",))
_BROADCAST_REASONS = frozenset(("newsletter", "list-header", "precedence-bulk"))


def _below_zero(reading: Reading) -> Reading:
    """The figures settled on, less each one written below zero ("sisa stok kami -50 keping (minus ...)"): no
    count of blanks is below zero, and reading the digits without their sign would be off by twice the figure.
    The field is left unread with a doubt: the writer is asked."""
    negative = {e.field: e.text for e in reading.evidence
                if e.value is not None and written_below_zero(e.text, e.value)}
    if not negative:
        return reading
    return replace(reading, values={f: v for f, v in reading.values.items() if f not in negative},
                   evidence=tuple(e for e in reading.evidence if e.field not in negative),
                   doubts=(*reading.doubts, *(Doubt(f, "negative", text) for f, text in negative.items())))


def _unnamed_beside_named(reading: Reading, candidates: Sequence[Candidate], item: str) -> Reading:
    """The figures settled on, less those said of no blank while another figure for the same field
    names the mail's blank: "mohon tambahan 1.000 keping. Kalau bisa sekalian KIA 200 lembar" is
    not a KIA request of 1.000; a clerk would ask."""
    if not any(c.item == item for c in candidates):
        return reading  # no figure names the mail's blank, which a figure left out needs beside it (below)
    values = dict(reading.values)
    doubts = list(reading.doubts)
    for field, value in reading.values.items():
        if any("stock_now" in e.cues for e in reading.evidence if e.field == field):
            continue  # the others were said of an earlier moment ("kemarin sore sisa 1.020")
        mine = [c for c in candidates if c.field == field and c.value is not None]
        if any(c.strong for c in mine):
            # A need stated beside the ask ("kebutuhan ... diperkirakan 3.000 ... mohon dikirimkan
            # kekurangannya 2.250") is background that settling set aside; it sets nothing against the ask.
            mine = [c for c in mine if c.strong or not _NEED_CUES.intersection(c.cues)]
        if all(c.item is None for c in mine if c.value == value) and any(
            c.item == item and c.value != value for c in mine
        ):
            del values[field]
            texts = " / ".join(dict.fromkeys(c.text for c in mine))
            doubts.append(Doubt(field, "conflict", texts))
    if len(values) == len(reading.values):
        return reading
    evidence = tuple(e for e in reading.evidence if e.field in values)
    return replace(reading, values=values, evidence=evidence, doubts=tuple(doubts))


_KTP_NAME_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.KTP_WORDS) + r")(?![\w-])")


def _kia_report_only(subject: str, text: str) -> bool:
    """"Laporan Pencetakan KIA 10 Februari 2027" over a table "Lokasi | KIA 0-5 | KIA 5-17 | Jumlah": a subject
    that names KIA, and no word for KTP-el anywhere, make a column naming no blank (the rows' total) KIA's."""
    return bool(_KIA_NAME_RE.search(normalise(subject))) and not _KTP_NAME_RE.search(normalise(subject + "\n" + text))


_KIA_NAME_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.KIA_WORDS) + r")(?![\w-])")


def _kia_named_after_figures(low: str) -> bool:
    """Whether KIA is named in normalised text only on lines after every line with a figure ("... sisa
    akhir 2.409" / "KIA aman."), not as a heading above them or beside them."""
    lines = low.splitlines()
    kia = [i for i, line in enumerate(lines) if _KIA_NAME_RE.search(line)]
    figures = [i for i, line in enumerate(lines) if any(ch.isdigit() for ch in line)]
    # (A phone number or a date in the signature below, "0853-4677-2019", is no figure the KIA line follows.)
    counted = [i for i in figures if any(ch.isdigit() for ch in mask_non_quantities(lines[i]))]
    return bool(kia and figures) and (min(kia) > max(figures) or bool(counted) and min(kia) > max(counted))


_FROM_LINE_RE = re.compile(r"^\s*\*?\s*(?:" + vocab.alternation(vocab.OUTLOOK_FROM) + r")")
_DESK_MARKERS_RE = re.compile(vocab.alternation(vocab.DESK_MAIL_MARKERS))


def _forwards_desk_mail(text: str, own_addresses: Sequence[str]) -> bool:
    """Whether the message forwards the desk's own mail (an approval, a clarification): its
    header names the desk's address, or its text is the desk's ("nomor referensi BLK-...")."""
    part = forwarded_part(text)
    if part is None:
        return False
    low = part.lower()
    sender_line = next((line for line in low[:600].splitlines() if _FROM_LINE_RE.match(line)), "")
    return any(a and a.lower() in sender_line for a in own_addresses) or bool(_DESK_MARKERS_RE.search(low))


def _above_desk_mail_forwarded(text: str, own_addresses: Sequence[str]) -> str | None:
    """The text above the desk's own mail where a chain forwards it further down ("Fwd: Fwd:", a
    colleague's forward of the desk's reply, forwarded on to the desk): the desk's words are old news
    at any depth. None when no forwarded message of the chain is the desk's."""
    for above, part in forward_chain(text)[1:]:
        low = part.lower()
        sender_line = next((line for line in low[:600].splitlines() if _FROM_LINE_RE.match(line)), "")
        if any(a and a.lower() in sender_line for a in own_addresses) or _DESK_MARKERS_RE.search(low):
            return above
    return None


_NOT_A_REQUEST_RE = vocab.Gated(
    re.compile(r"(?:" + vocab.word_start_alternation(vocab.NOT_A_REQUEST_PHRASES) + r")(?![\w-])"),
    vocab.NOT_A_REQUEST_PHRASES,
)
_ASK_PUT_OFF_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.ASK_PUT_OFF_PHRASES) + r")(?![\w-])")
_PUT_OFF_SENTENCE_END_RE = re.compile(r"[.!?](?=\s)|\n")


def _ask_put_off(low: str) -> bool:
    """Whether the writer puts the whole ask off in a sentence that names no one blank ("kami butuh kira2 seribu
    keping ... belum kami ajukan sekarang"), low normalised."""
    for m in _ASK_PUT_OFF_RE.finditer(low):
        start = max((e.end() for e in _PUT_OFF_SENTENCE_END_RE.finditer(low, 0, m.start())), default=0)
        end = _PUT_OFF_SENTENCE_END_RE.search(low, m.end())
        named, both = explicit_item(low[start : end.start() if end else len(low)])
        if named is None and not both:
            return True
    return False


_FOR_INFORMATION_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.FOR_INFORMATION_PHRASES) + r")(?![\w-])")
_PASS_ON_ASK_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.PASS_ON_ASK_PHRASES) + r")(?![\w-])")


# The label of a forwarded mail's sender line: "From:", "Dari:", Dutch Outlook's "Van:".
_FROM_LABEL = r"(?:from|dari|van)"
_FORWARDED_FROM_RE = re.compile(r"^[ \t>]*" + _FROM_LABEL + r"[ \t]*:[^\n]*?([\w.+-]+@[\w-]+(?:\.[\w-]+)+)",
                                re.IGNORECASE | re.MULTILINE)


def _forwarded_from_another(text: str, sender: str | None) -> bool:
    """Whether the first forwarded header block in *text* names a writer other than *sender* ("Dari:
    upt.sesayap@gmail.com" in a district's forward)."""
    found = _FORWARDED_FROM_RE.search(text)
    return found is not None and sender is not None and found[1].lower() != sender.lower()


def _without_headline_zero(candidates: list[Candidate], headline: str) -> list[Candidate]:
    """Candidates without a stock of zero said by the subject's words."""
    said = " ".join(headline.split())
    return [c for c in candidates if not (said and headline_zero(c, said))]


def _passed_on_for_information(text: str, sender: str | None, is_forward: bool = False) -> str | None:
    """The forwarder's own words when they pass on someone else's mail for information only (the
    forwarded header names another domain than the sender's); None otherwise. A writer's own earlier
    mail forwarded is content, whatever the words above it. Under a "FW:" subject, Outlook's
    "-----Original Message-----" opens the forwarded mail."""
    above = text_before_forward(text, outlook=is_forward)
    said = " ".join(above.lower().split()) if above is not None else ""
    if above is None or not _FOR_INFORMATION_RE.search(said) or _PASS_ON_ASK_RE.search(said):
        return None
    part = forwarded_part(text, outlook=is_forward) or ""
    domain = sender.rsplit("@", 1)[-1].lower() if sender and "@" in sender else None
    header = part.lower()[:600]
    sender_line = next((line for line in header.splitlines() if _FROM_LINE_RE.match(line)), "")
    if not sender_line or (domain is not None and domain in sender_line):
        return None
    return above


_FIRST_PERSON_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.FIRST_PERSON_WORDS) + r")(?![\w-])")
_ADOPTABLE_ROLES = frozenset(("received", "stock_on_hand"))


# --- A kecamatan's own words forwarded by its district ---

_KECAMATAN_WRITER_RE = re.compile(
    r"(?<![\w-])(?:" + vocab.alternation(vocab.KECAMATAN_WRITER_LEADS) + r")[^\S\n]+(?:"
    + vocab.alternation(vocab.KECAMATAN_WORDS) + r")(?![\w-])[^\S\n]*[a-z]{3,}"
)
_KECAMATAN_OWN_FIELDS = frozenset(("stock_on_hand", "printed", "recorded"))


def _kecamatan_writes(low: str) -> bool:
    """Whether a forwarded mail (normalised) speaks for a kecamatan ("kami Kec Krayan mohon ...")."""
    return bool(_KECAMATAN_WRITER_RE.search(low))


_KECAMATAN_SENDER_RE = re.compile(
    r"(?<![\w-])(?:" + vocab.alternation(vocab.KECAMATAN_SENDER_WORDS, space=r"[\s._-]+") + r")(?![\w-])"
)
# "Dari: Kec Sebatik <kec.sebatik@...>": a forwarded header's sender line, its label and what follows
_FORWARDED_SENDER_LINE_RE = re.compile(r"^[ \t>*]*" + _FROM_LABEL + r"[ \t]*:([^\n]*)", re.IGNORECASE | re.MULTILINE)
# "Camat Sebatik", "Kantor Kecamatan Krayan": a signature line naming the office, a few words and no figure
_KECAMATAN_SIGNATURE_RE = re.compile(
    r"^[^\S\n]*(?:[a-z.]+[^\S\n]+){0,2}?(?:" + vocab.alternation(vocab.KECAMATAN_SENDER_WORDS)
    + r")(?![\w-])[^\S\n]*[a-z][a-z .,-]{2,40}$"
)
_DISTRICT_STAFF_AT_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.DISTRICT_STAFF_WORDS) + r")[^\S\n]+(?:"
    + vocab.alternation(vocab.KECAMATAN_WORDS) + r")(?![\w-])"
)
_KECAMATAN_PLACE_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.KECAMATAN_PLACE_PHRASES) + r")(?![\w-])"
)
_FORWARD_VOUCHED_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.FORWARD_VOUCHED_WORDS) + r")(?![\w-])"
)
# "Sisa blangko di gudang dinas 640 keping": a figure said of the whole district's store or total
_WHOLE_DISTRICT_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.DISTRICT_FIGURE_PHRASES) + r")(?![\w-])"
)
_KECAMATAN_FIGURE_FIELDS = frozenset(("stock_on_hand", "printed", "recorded", "requested", "received"))


def _kecamatan_forwarded(text: str, below: str, senders: Sequence[str]) -> bool:
    """Whether the mail forwarded in *text* (its text *below*, the senders of messages attached as forwards
    *senders*) is a kecamatan's: the innermost forwarded sender names one ("Dari: Kec Sebatik
    <kec.sebatik@...>"), its signature does ("Camat Sebatik"), or its words speak for one ("kami Kec Krayan
    mohon ..."). The district's own staff posted there ("Operator Kec. Malinau Kota") write for the district."""
    lines = _FORWARDED_SENDER_LINE_RE.findall(text)
    innermost = senders[-1] if senders else (lines[-1] if lines else "")
    if _KECAMATAN_SENDER_RE.search(innermost.lower()) and not _DISTRICT_STAFF_AT_RE.search(innermost.lower()):
        return True
    low = normalise(below)
    closing = [line for line in low.splitlines() if line.strip()][-3:]
    return any(
        _KECAMATAN_SIGNATURE_RE.match(line) and not _DISTRICT_STAFF_AT_RE.search(line) for line in closing
    ) or _kecamatan_writes(low)


def _said_at_kecamatan(candidate: Candidate) -> bool:
    """Whether a figure's sentence puts it at the kecamatan ("sisa blangko di kecamatan 40 keping")."""
    return bool(_KECAMATAN_PLACE_RE.search(normalise(candidate.text)))


def _said_of_whole_district(candidate: Candidate) -> bool:
    """Whether a figure's sentence gives it to the whole district ("sisa blangko di gudang dinas 640 keping")."""
    return bool(_WHOLE_DISTRICT_RE.search(normalise(candidate.text)))


# --- A third party's mail forwarded under an Outlook header block, no separator line ---

_HEADER_FROM_RE = re.compile(r"^[^\S\n]*" + _FROM_LABEL + r"[^\S\n]*:", re.IGNORECASE)


def _third_party_forward(own_part: str, header: str) -> bool:
    """Whether a "Fw:" mail's quoted block is another writer's mail forwarded ("From: Kec Tarakan Barat
    <...>" / "Sent: ..."), under words of the writer's own that state a figure."""
    return bool(_HEADER_FROM_RE.match(header)) and any(ch.isdigit() for ch in own_part)


def _adopted_from_forward(
    above: str, text: str, sent: datetime | None, elsewhere: re.Pattern[str] | None
) -> list[Candidate]:
    """Figures of a third party's mail passed on "fyi" that the forwarder's own words take as theirs: words
    in the first person that name a receipt or the stock and state no figure ("fyi, blangko kiriman
    provinsi kemarin kami terima langsung di gerai MPP, konfirmasinya di bawah"; "fyi, konfirmasi
    penerimaan dari gudang kami"). Only figures of the role those words name are taken, and only one each."""
    low = normalise(above)
    if not _FIRST_PERSON_RE.search(low) or any(ch.isdigit() for ch in split_quoted(above)[0]):
        return []
    roles = {k.role for k in keywords(low) if not k.denied} & _ADOPTABLE_ROLES
    below = forwarded_text(text)
    if not roles or below is None:
        return []
    body, _ = split_text_tables(below)
    found, _ = read_text(body, normalise(body), None, sent, frozenset(), elsewhere)
    out: list[Candidate] = []
    for role in roles:
        mine = [c for c in found if c.field == role]
        if len(mine) == 1 and mine[0].value is not None and mine[0].doubt is None:
            out.append(replace(mine[0], cues=(*mine[0].cues, "forwarded", "adopted")))
    return out


_APPROVED_IN_QUOTE_RE = re.compile(r"(?:" + vocab.word_start_alternation(("disetujui", "approved")) + r")(?![\w-])")
_CHANGED_TO_FIGURE_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.CHANGE_TO_WORDS) + r")[ \t]+(?P<figure>\d(?:[\d.,]*\d)?)"
)


def _changes_approved_figure(quoted_text: str, new_text: str, own_addresses: Sequence[str]) -> bool:
    """Whether a reply to the desk's approval (the quote's header names the desk's address, the quote
    says "disetujui") changes the figure: a figure right after a word of change ("jadi 1.500",
    "menjadi 2.000") in the new words, other than the figure approved ("mohon yang 1.000 itu tetap jadi 1.000"
    keeps it)."""
    if not _desk_quoted(quoted_text, own_addresses):
        return False
    approved = approved_in_quote(quoted_text)  # (of part of a request: the very figure again changes nothing)
    return bool(_APPROVED_IN_QUOTE_RE.search(quoted_text.lower())) and any(
        parse_digits(found.group("figure")) not in approved
        for found in _CHANGED_TO_FIGURE_RE.finditer(normalise(new_text))
    )


def _desk_quoted(quoted_text: str, own_addresses: Sequence[str]) -> bool:
    """Whether the quoted mail is the desk's own (its header names the desk's address)."""
    header = " ".join(quoted_text.lstrip().split("\n\n", 1)[0][:400].lower().split())
    return any(a and a.lower() in header for a in own_addresses)


# In the desk's quoted approval of part of a request, the figure approved: "disetujui sebagian 1.000 keping",
# "partially approved: 1,500".
_APPROVED_FIGURE_RE = re.compile(
    r"(?<![\w-])(?:disetujui[^\S\n]+sebagian|partially[^\S\n]+approved|approved[^\S\n]+in[^\S\n]+part)"
    r"(?:[^\S\n]*:|[^\S\n]+(?:sejumlah|sebanyak|menjadi|jadi|for|at))*"
    r"[^\S\n]+(?P<figure>\d{1,3}(?:[.,]\d{3})+|\d{1,5})(?![\d.,]\d)"
)


def approved_in_quote(quoted_text: str) -> frozenset[int]:
    """The figures the quoted approval of part of a request grants ("Permohonan 2.000 keping disetujui sebagian 1.000
    keping" -> 1,000); a whole request approved, whose figure a reply may confirm as still asked, grants none here.

    >>> sorted(approved_in_quote("> Permohonan 2.000 keping disetujui sebagian 1.000 keping, dikirim Senin."))
    [1000]
    """
    low = normalise(_QUOTE_MARKS_RE.sub("", quoted_text))
    return frozenset(
        value for found in _APPROVED_FIGURE_RE.finditer(low)
        if (value := parse_digits(found.group("figure"))) is not None
    )


def approval_accepted(quoted_text: str, own_addresses: Sequence[str], candidates: list[Candidate]) -> list[Candidate]:
    """A reply to the desk's approval of part of a request asking for the very figure approved ("Baik pak, 1.000 dulu
    tidak apa2 ... mohon yang 1.000 itu tetap jadi 1.000 ya"): the part accepted, the request decided; no figure is
    asked anew."""
    asked = [c for c in candidates if c.field == "requested" and c.value is not None]
    if not asked or not _desk_quoted(quoted_text, own_addresses):
        return candidates
    approved = approved_in_quote(quoted_text)
    if not approved or any(c.value not in approved or _MORE_ASKED_RE.search(normalise(c.text)) for c in asked):
        # ("kami mohon tambahan 1.000 keping lagi" asks as many again, on top of the part approved.)
        return candidates
    return [c for c in candidates if c.field != "requested"]


_MORE_ASKED_RE = re.compile(
    r"(?<![\w-])(?:" + vocab.alternation(vocab.MORE_ASKED_WORDS) + r")(?![\w-])"
    r"|\d[^\S\n]*(?:(?:" + vocab.alternation(vocab.BLANK_UNITS) + r")[^\S\n]+)?(?:" + vocab.alternation(
        vocab.MORE_ASKED_AFTER) + r")(?![\w-])"
)


# The reasons an e-office system's notice gives for being a machine's mail; with the letter it carries, the
# letter is read (see relayed_letter).
_RELAY_REASONS = frozenset({"sender-noreply", "machine-template", "auto-submitted", "system-subject"})
# The reasons a district's own form system gives for being a machine's mail; with a form its officer filled in, the
# form is read (see filled_form).
_FORM_REASONS = frozenset({"machine-template"})
_STOCK_ASKED_RE = re.compile(r"(?<![\w-])(?:" + vocab.alternation(vocab.STOCK_ASKED_PHRASES) + r")(?![\w-])")
_FIGURE_FILE_RE = re.compile(r"application/pdf|image/", re.IGNORECASE)  # files whose figures the reader cannot see
_SHEET_LINK_RE = re.compile(vocab.alternation(vocab.SHARED_SHEET_LINKS))
_DMARC_PASS_RE = re.compile(r"\bdmarc=pass\b[^;]*?\bheader\.from=([\w.-]+)", re.IGNORECASE)


def _domain_authenticated(message: Any, sender: str | None) -> bool:
    """Whether the receiving server recorded a DMARC pass for the sender's own domain
    ("Authentication-Results: mx...; dmarc=pass header.from=microsoft.com"): a notice really sent by
    that domain's system, not a scam dressed as one. (A forged header makes a scam no more than a
    machine's mail, which is acted on no more than other mail.)"""
    return _dmarc_says(message, sender, _DMARC_PASS_RE)


_DMARC_FAIL_RE = re.compile(r"\bdmarc=fail\b[^;]*?\bheader\.from=([\w.-]+)", re.IGNORECASE)


def _domain_failed(message: Any, sender: str | None) -> bool:
    """Whether the receiving server recorded a DMARC failure for the sender's own domain ("dmarc=fail
    header.from=kreditkilat-id.example"): the mail is not what that domain's own systems sent."""
    return _dmarc_says(message, sender, _DMARC_FAIL_RE)


def _dmarc_says(message: Any, sender: str | None, result: re.Pattern[str]) -> bool:
    """Whether an Authentication-Results header records the DMARC *result* for the sender's own domain."""
    if not sender or "@" not in sender:
        return False
    domain = sender.rsplit("@", 1)[1].lower()
    return any(
        m.group(1).lower() == domain
        for value in (message.get_all("Authentication-Results") or [])
        for m in result.finditer(str(value))
    )


_QUOTE_MARKS_RE = re.compile(r"^[ \t>]+", re.MULTILINE)


def _own_earlier_requests(quoted_text: str, sender: str | None) -> frozenset[int]:
    """The figures the writer asked for in their own earlier message, quoted below a reply
    ("Pada ... Operator Bulungan <operator.bulungan@...> menulis: > usul tambahan 2.500 keping")."""
    if not sender:
        return frozenset()
    first = quoted_text.lstrip().split("\n\n", 1)[0][:400].lower()
    if sender.lower() not in first:
        return frozenset()
    plain = _QUOTE_MARKS_RE.sub("", quoted_text.split("\n", 1)[1] if "\n" in quoted_text else "")
    # Only the quoted message itself, not what it quotes in turn.
    plain, _ = split_quoted(plain)
    candidates, _ = read_text(plain, normalise(plain))
    return frozenset(c.value for c in current_requests(candidates) if c.field == "requested" and c.value is not None)


def _asked_above(quoted: str, before: str = "") -> str | None:
    """The role a quoted chunk asks for; a last line ending with a colon right above the answer is asked
    as a question is ("> 1. Jumlah blangko KTP-el yang dimohon:" answered "1.800 keping"), and a last
    question by the one role it names ("> 1. Laporan 15 April menyebut sisa 1.420. Berapa sisa per 16 April?")."""
    role = asked_role(normalise(quoted))
    if role is not None:
        return role
    plain = " ".join(_QUOTE_MARKS_RE.sub("", quoted).split())
    if plain.endswith("?"):
        last = _LISTED_RE.sub("", _QUESTION_SPLIT_RE.split(plain[:-1])[-1]) + "?"
        if (role := question_role(normalise(last))) is not None:
            return role
    lines = [ln for ln in _QUOTE_MARKS_RE.sub("", quoted).split("\n") if ln.strip()]
    if lines and (lines[-1].rstrip().endswith(":") or (
        _LISTED_RE.match(lines[-1]) and _LEAD_ASKS_RE.search(f"{before}\n{quoted}")
    )):
        # "> 1. Jumlah blangko KTP-el yang dimohon:", or a bullet of a list the desk asks to fill in
        # ("belum mencantumkan:\n>- sisa blangko KTP-el").
        line = normalise(_LISTED_RE.sub("", lines[-1]).rstrip().rstrip(":"))
        named = {k.role for k in keywords(mask_non_quantities(line)) if k.role != "ignore"}
        return asked_role(line + "?") or (named.pop() if len(named) == 1 else None)
    return None


_LISTED_RE = re.compile(r"^[ \t]*(?:[-*\u2022]|\d{1,2}[.)])[ \t]+")
# Where the sentence before a question ends: "... menyebut sisa 1.420. Berapa sisa per 16 April?".
_QUESTION_SPLIT_RE = re.compile(r"(?<=[.!?:])\s+(?=[A-Za-z])")
_ASK_CUE_LINE_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.ASK_CUES) + r")(?![\w-])")
# A numbered line: "2. Masih sesuai, 2.500 keping.", "> 1. Berapa sisa stok pasti saat ini?".
_NUMBERED_LINE_RE = re.compile(r"^[ \t>]*(\d{1,2})[.)][ \t]+(\S[^\n]*)$", re.MULTILINE)


def _numbered_answers(own: str, quoted: str) -> list[tuple[str | None, str]]:
    """A reply that answers the desk's numbered questions point by point above the quote ("1. Sisa stok per
    19/04: 310 keping." / "2. Masih sesuai, 2.500 keping." under "1. Berapa sisa stok pasti saat ini?" / "2.
    Apakah 2.500 keping masih sesuai?"): each numbered line read for the question of its number, the rest of
    the words with no role asked [(role or None, text)]; empty unless some answered question asks a role."""
    plain = _QUOTE_MARKS_RE.sub("", quoted)
    questions: dict[str, str] = {}
    for m in _NUMBERED_LINE_RE.finditer(plain):
        if m.group(1) in questions:
            break  # a second list, of an older mail further down
        questions[m.group(1)] = m.group(2)
    if not questions or not ("?" in plain or _ASK_CUE_LINE_RE.search(normalise(plain))):
        return []
    if explicit_item(normalise(own))[1]:
        # "Blangko KTP-el:" / "1. Cetak 30" ... "Blangko KIA:" / "1. Cetak 12": figures of both blanks under their
        # headings are read as one text, where the headings give each figure its blank.
        return []
    answers: list[tuple[str | None, str]] = []
    rest: list[str] = []
    for line in own.split("\n"):
        numbered = _NUMBERED_LINE_RE.match(line)
        if numbered is not None and numbered.group(1) in questions:
            answers.append((question_role(normalise(questions[numbered.group(1)])), numbered.group(2)))
        else:
            rest.append(line)
    if not any(role for role, _ in answers):
        return []
    return [(None, "\n".join(rest)), *answers]
_LEAD_ASKS_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.MISSING_FIGURE_LEADS) + r")(?![\w-])[^\n]*:[ \t]*$", re.MULTILINE
)


def _answered_questions(text: str) -> list[tuple[str | None, str]]:
    """The answers of an inline reply, each with the role its quoted question asked for
    [(role or None, answer)]; empty unless some quoted question asks for a figure."""
    pairs = inline_answers(text)
    answers = [(_asked_above(quoted, "\n".join(q for q, _ in pairs[:i] if q)) if quoted else None, own)
               for i, (quoted, own) in enumerate(pairs)]
    return answers if any(role for role, _ in answers) else []


_KIND_FIGURE = {"request": "requested", "receipt": "received", "stock_report": "stock_on_hand"}
_FORWARD_CORRECTED_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.FORWARD_CORRECTED_WORDS) + r")(?![\w-])"
)
_FORWARD_NOT_COUNTED_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.FORWARD_NOT_COUNTED_WORDS) + r")(?![\w-])"
)
_GUIDANCE_ASK_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.GUIDANCE_ASKS) + r")(?![\w-])")


def _asks_guidance_on_forward(own_low: str) -> bool:
    """Whether the words above a forwarded mail ask for guidance, as a question, about it."""
    return "?" in own_low and _GUIDANCE_ASK_RE.search(own_low) is not None


_REVISION_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.REVISION_CUES) + r")(?![\w-])")
_FIGURE_RE = re.compile(r"\d")


def _quoted_fields(plain: str) -> tuple[set[str], set[str]]:
    """The fields a quoted earlier mail gave a figure (and those it left in doubt), its typed tables read as
    tables: "| Hari | Rekam | Cetak | Sisa |" rows make it a report, whatever receipt its note mentions; a
    column's rows given, summed or not, are figures reported."""
    rest, tables = split_text_tables(plain)
    found, _ = read_text(rest, normalise(rest))
    given = {c.field for c in found if c.value is not None}
    for table in tables:
        read = read_table(table, None, "", True)
        if read is not None:
            given.update(c.field for c in read[0])
    return given, {c.field for c in found if c.value is None} - given


def _revised_kind(
    quoted_text: str, new_text: str, message: Message, own_addresses: Sequence[str] = ()
) -> Literal["request", "receipt", "stock_report"] | None:
    """The kind of the writer's own earlier mail that a reply revises: the quote's header names the
    writer (address or name), or the desk answering the writer's request ("Permohonan 3.000 keping ...
    kami catat"), the quoted mail is a request or receipt, and the new words give a figure with a word of
    revision ("ralat", "yang benar", "setelah dihitung ulang", "revisi: cukup 2.000 saja"). The writer's own
    stock count quoted ("hitung fisik 1.978, di SIAK 2.010") is revised too ("yg benar angka SIAK, 2.010
    keping"). None otherwise."""
    low_new = normalise(new_text)
    if not _FIGURE_RE.search(low_new) or not _REVISION_RE.search(low_new):
        return None
    name, address = parseaddr(str(message.get("from", "")))
    header = quoted_text.lstrip().split("\n\n", 1)[0][:400].lower()
    own = [w.lower() for w in (address, " ".join(name.split())) if len(w) >= 4]
    flat = " ".join(header.split())
    said_by = next((ln for ln in header.split("\n") if _QUOTE_FROM_LINE_RE.search(ln)), "")
    desk_voice = any(a.lower() in said_by for a in own_addresses if a)
    if not any(w in flat for w in own):
        desk = [a.lower() for a in own_addresses if a]
        if not any(a in flat for a in desk) or _APPROVED_IN_QUOTE_RE.search(quoted_text.lower()):
            # The desk's answer revised is a pending request's only: an approved one changes by its thread's
            # follow-up (or by a word of change, _changes_approved_figure).
            return None
    plain = split_quoted(_QUOTE_MARKS_RE.sub("", quoted_text.split("\n", 1)[1] if "\n" in quoted_text else ""))[0]
    if not plain.strip() and "\n\n" in quoted_text.lstrip():
        # "-----Pesan Asli-----" / "Dari: ... Perihal: ..." then the mail: its words start after the header block.
        plain = split_quoted(_QUOTE_MARKS_RE.sub("", quoted_text.lstrip().split("\n\n", 1)[1]))[0]
    given, doubted = _quoted_fields(plain)
    low_plain = normalise(plain)
    earlier = kind_of(low_plain, given, doubted, False)
    if earlier == "receipt" and desk_voice and _REQUEST_RECEIVED_RE.search(low_plain):
        # "Permohonan 800 keping blangko KTP-el telah kami terima": what the desk says it received is the
        # writer's request, not blanks.
        return "request"
    if earlier == "receipt" and _REPORT_RECEIVED_RE.search(low_plain):
        # "Laporan harian Kota Tarakan 29/01/2030 telah kami terima. Sisa blangko tercatat 1.380": the desk
        # received the writer's report, not blanks; the new words are read as they stand.
        return None
    if earlier == "request" and desk_voice and _DISPATCH_NOTICE_RE.search(low_plain):
        # "... untuk permohonan BLK-2026-0001 telah DIKIRIM": the desk's notice of a shipment names the request
        # but is none the writer revises; the new words are read as they stand ("setelah dihitung hanya 1.900
        # keping (kurang 1 dus isi 100)" counts a receipt and asks for nothing).
        return None
    if earlier == "request" or earlier == "receipt":
        return earlier
    if earlier == "stock_report" and not desk_voice and "stock_on_hand" in given | doubted:
        return earlier
    return None


# The line of a quote's header that names who wrote it: "Dari: ...", "From: ...", "Pada ..., X menulis:".
_QUOTE_FROM_LINE_RE = re.compile(r"^[\s>]*(?:dari|from)\s*:|(?:menulis|wrote)\s*:\s*$")
_REQUEST_RECEIVED_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.REQUEST_NOUNS) + r")(?![\w-])(?:[^.;\n]|\.(?=\d)){0,120}?(?<![\w-])(?:"
    + vocab.alternation(vocab.RECEIPT_PHRASES) + r")(?![\w-])"
)
_REPORT_RECEIVED_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.REPORT_NOUNS) + r")(?![\w-])(?:[^.;\n]|\.(?=\d)){0,120}?(?<![\w-])(?:"
    + vocab.alternation(vocab.RECEIPT_PHRASES) + r")(?![\w-])"
)
_DISPATCH_NOTICE_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.DISPATCH_NOTICE_PHRASES) + r")(?![\w-])")
_AWAITED_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.AWAITED_PHRASES + vocab.IN_TRANSIT_PHRASES) + r")(?![\w-])"
)


def _awaits_blanks(new_text: str) -> bool:
    """Whether the new words say the blanks are still awaited ("Blangkonya belum datang, masih kami tunggu
    1.200 keping"): an answer to our question about a receipt that counts nothing received is no receipt."""
    return bool(_AWAITED_RE.search(normalise(new_text)))


_SHORTFALL_CUE_RE = re.compile(
    r"^keyword_(?:before|after):(?:" + vocab.alternation(vocab.DELIVERY_GAP_WORDS) + r")$"
)
_WRITTEN_FIGURE_RE = re.compile(r"(?<![\d.,])\d{1,3}(?:[.,]\d{3})+(?![\d.,]*\d)|(?<![\d.,])\d+(?![\d.,]*\d)")


def _delivery_gap(reading: Reading, text: str) -> int | None:
    """The shortfall of a delivery read as a request: a receipt's figure R beside a "kekurangan" /
    "kurang" figure G, where the mail (or the mail it quotes) states the shipped figure R + G. None
    when the figures do not add up so."""
    received, asked = reading.values.get("received"), reading.values.get("requested")
    if received is None or asked is None:
        return None
    cues = [c for e in reading.evidence if e.field == "requested" for c in e.cues]
    if not any(_SHORTFALL_CUE_RE.match(c) for c in cues):
        return None
    stated = {int(re.sub(r"[.,]", "", m.group())) for m in _WRITTEN_FIGURE_RE.finditer(text)}
    return asked if received + asked in stated else None


# "tgl 15", "tanggal 8": a day of the month with no month after it.
_DAY_ONLY_RE = re.compile(
    r"(?<![\w-])(?:" + vocab.alternation(vocab.DAY_ONLY_WORDS) + r")\.?[^\S\n]*(\d{1,2})(?![\d/.-]*\d)"
)


_TABLE_CUES = ("table_", "row_label", "labelled_row")


def _received_days_before(reading: Reading, sent: datetime | None) -> int | None:
    """How many days before the mail the figure received says the blanks came, when its words in the text date
    it ("kiriman 800 sudah masuk tgl 15" in a report of the 27th); None when they do not."""
    if sent is None:
        return None
    said = next((e for e in reading.evidence if e.field == "received"), None)
    if said is None or any(c.startswith(_TABLE_CUES) for c in said.cues):
        return None  # a period's sheet or table reports the receipts of its period
    text = normalise(said.text)
    came = parse_date(text, sent)
    day = _DAY_ONLY_RE.search(text)
    if came is None and day is not None and 1 <= int(day.group(1)) <= sent.day:
        came = sent.date().replace(day=int(day.group(1)))
    return None if came is None else (sent.date() - came).days


# A figure as written, then the unit of blanks after it: "3,593 pcs", "1.839 keping", "910".
_FIGURE_THEN_UNIT_RE = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:[.,]\d{3})+|\d+)[^\S\n]*(?:(?:" + vocab.alternation(vocab.BLANK_UNITS)
    + r")(?![\w-])[^\S\n]*)?$"
)


def _received_in_stock_bracket(reading: Reading) -> bool:
    """Whether the figure received is said inside brackets that explain the stock: opened right after the
    stock's figure ("Ending stock 3,593 pcs (opening 910 + 3,000 received)") or a bracketed note of its own
    under a report of the day's work ("(blangko 1000 kiriman tgl 8 sdh masuk stok)"). A shipment said so is
    already in the stock the mail reports, booked when it came; the mail reports no receipt."""
    stock = reading.values.get("stock_on_hand")
    said = next((e for e in reading.evidence if e.field == "received"), None)
    if stock is None or said is None or any(c.startswith(_TABLE_CUES) for c in said.cues):
        return False
    text = said.text.strip()
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1 and text.count(")") == 1:
        # (Under a report of the day's work: a receipt's own bracketed line is its count, "(1.000 keping)".)
        return bool({"printed", "recorded"} & set(reading.values)) and not any(
            e.field == "stock_on_hand" and e.text.strip() == text for e in reading.evidence
        )
    written = re.compile(r"(?<![\d.,])" + r"[.,]?".join(re.escape(d) for d in str(said.value)) + r"(?![\d])")
    at = next((m.start() for m in written.finditer(text)), None)
    if at is None:
        return False
    opened = text.rfind("(", 0, at)
    if opened < 0 or ")" in text[opened:at]:
        return False
    before = _FIGURE_THEN_UNIT_RE.search(text[:opened])
    return before is not None and int(re.sub(r"[.,]", "", before.group(1))) == stock


def _received_beside_other_stock(candidates: Sequence[Candidate]) -> str | None:
    """The blank received when every figure is said in words of a blank by name, every figure received is of that
    one blank, and the other blank gives only its stock ("KIA 2.000 keping sudah diterima ... Stok KTP-el hari ini
    2.884"); None otherwise."""
    said = [c for c in candidates if c.value is not None]
    got = {c.item for c in said if c.field == "received"}
    if len(got) != 1 or None in got or any(c.item is None or c.table for c in said):
        return None  # (a table's row per blank, "KTP-el | 3.150 | 0 | ... | 1.485", is a report of both)
    blank = next(iter(got))
    others = [c for c in said if c.item != blank]
    return blank if others and all(c.field == "stock_on_hand" for c in others) else None


def _at_own_domain(sender: str | None, own_addresses: Sequence[str]) -> bool:
    """Whether sender writes from the domain of one of the desk's own addresses."""
    if not sender or "@" not in sender:
        return False
    domain = sender.rsplit("@", 1)[1].lower()
    return any(a.rsplit("@", 1)[-1].lower() == domain for a in own_addresses if "@" in a)


def _item_reading(item: str | None, values: dict[str, int], evidence: tuple[Evidence, ...]) -> ItemReading:
    return ItemReading(item, **{f: values.get(f) for f in QUANTITY_FIELDS}, evidence=evidence)  # type: ignore[arg-type]


def _raises_only_reasons(read: Callable[..., Verdict]) -> Callable[..., Verdict]:
    """Whatever the input, the reader raises only NotAnEmailError, LimitExceeded or UnreadableError,
    each with a one-line reason."""

    @functools.wraps(read)
    def reading(raw: bytes, *args: Any, **kwargs: Any) -> Verdict:
        try:
            return read(raw, *args, **kwargs)
        except (NotAnEmailError, LimitExceeded, UnreadableError):
            raise
        except RecursionError:
            raise LimitExceeded("max_mime_depth: MIME parts nested too deep to read") from None
        except MemoryError:
            raise LimitExceeded("memory: reading the message ran out of memory") from None
        except Exception as exc:  # noqa: BLE001 - a reader fault on odd input quarantines the message, no more
            detail = " ".join(str(exc).split())[:200]
            raise UnreadableError(f"the reader failed: {type(exc).__name__}: {detail}") from exc

    return reading


@_raises_only_reasons
def read_message(
    raw: bytes,
    districts: Sequence[District],
    *,
    own_addresses: Sequence[str] = (),
    limits: ReadLimits | None = None,
) -> Verdict:
    """Read one raw RFC 5322 message the way a careful clerk would.

    Raises NotAnEmailError for bytes that are not an email and LimitExceeded when limits are
    exceeded. A number the reader is not sure of is left None, with a Doubt saying why.

    >>> v = read_message(b"From: x@y.example\\nSubject: Permohonan\\n\\n"
    ...                  b"Sisa stok 750, mohon tambahan 2.000 keping.", [])
    >>> (v.kind, v.stock_on_hand, v.requested)
    ('request', 750, 2000)
    """
    parts = extract(raw, limits)
    subject = parts.subject
    bare_subject, is_reply, is_forward = _subject_prefixes(subject)
    new_text, quoted_text = split_quoted(parts.text, forwarded=is_forward)
    desk_forward = _forwards_desk_mail(parts.text, own_addresses)
    chain_text = parts.text  # the text whose forwards are the writer's own (the desk's mail cut off)
    if desk_forward:
        # "kiriman blangko 1.000 keping ... sudah kami terima" above the desk's own approval,
        # forwarded: the forwarder's words are the message; the desk's are old news.
        new_text, quoted_text = split_quoted(text_before_forward(parts.text) or "")
        if after_footer := text_below_desk_mail(parts.text):
            # the writer's words below the desk's forwarded mail, after its footer, are the writer's too
            new_text = f"{new_text}\n\n{after_footer}".strip()
    elif (above := _above_desk_mail_forwarded(parts.text, own_addresses)) is not None:
        # A colleague's forward of the desk's reply, forwarded on: the forwards above the desk's mail are
        # the district's own words; the desk's are not.
        new_text, quoted_text = split_quoted(above, forwarded=is_forward)
        chain_text = above

    sender = parts.sender
    sender_district = district_of_sender(sender, districts)
    sender_known = sender_district is not None

    reasons = list(header_reasons(parts.message, own_addresses, parts.fields, parts.address))
    for reason in content_reasons(subject, parts.text):
        if reason not in reasons:
            reasons.append(reason)

    relay_notes: tuple[str, ...] = ()
    if reasons and set(reasons) <= _RELAY_REASONS and not sender_known and (
        letter := relayed_letter(parts.text, any(_FIGURE_FILE_RE.match(a.content_type) for a in parts.attachments))
    ) is not None:
        # "Anda menerima naskah dinas baru melalui SRIKANDI ... Isi ringkas naskah: Dengan hormat, ... kami
        # mohon dukungan blangko KTP-el sebanyak 4.000": the e-office system only relays a district's letter;
        # the letter is the mail, read as the district wrote it (a bare notice stays the system's).
        reasons, new_text, quoted_text = [], letter, ""
        relay_notes = ("a letter relayed by an e-office notice: read for the letter",)
    if reasons and set(reasons) <= _FORM_REASONS and sender_known and filled_form(parts.text):
        # "Nama Pengisi : Dewi Kartika / Jumlah Diminta : 2000 ... Email ini dikirim otomatis oleh sistem e-Layanan
        # setelah formulir diisi" from the district's own address: its form system sends what its officer filled
        # in; the form is the district's mail, read as any mail of its own.
        reasons = []
        relay_notes = ("a form filled by the district's officer, sent by its own form system: read for the form",)
    # A reply's subject speaks of the earlier message; only a fresh subject carries numbers.
    read_subject = "" if is_reply or desk_forward or chain_text is not parts.text else bare_subject
    body = read_subject + "\n\n" + new_text if read_subject else new_text
    low_all = normalise(subject + "\n" + new_text)
    district = (
        sender_district
        or district_named(low_all, districts, normalise(subject))
        # an address on no list at a domain naming a district ("smsgw@posko.bpbd-malinau.example", SMS signed
        # "dolvi" only): the district its domain names
        or district_of_domain(sender, districts)
    )
    excerpt = new_text.strip()[:_EXCERPT_CHARS]
    common = dict(
        district=district,
        sender_known=sender_known,
        sender=sender,
        subject=subject,
        message_id=parts.message_id,
        in_reply_to=parts.in_reply_to,
        references=parts.references,
        body_excerpt=excerpt,
    )
    if reasons and not sender_known and (_BOUNCE_REASONS | _BROADCAST_REASONS).intersection(reasons):
        # A delivery failure returns the desk's own mail: the district it names is the one the
        # desk wrote to, not a sender.
        common["district"] = None
    if (
        reasons
        and set(reasons) <= _SENDER_ONLY_REASONS
        and not sender_known
        and is_phishing(normalise(subject + "\n" + parts.text))
        and not _domain_authenticated(parts.message, sender)
    ):
        # A scam dressed as a system notice ("no-reply@webmail-verifikasi": "kotak surat Anda hampir
        # penuh") is spam, read as other mail, not a machine's own mail.
        reasons = []
    if reasons and set(reasons) <= {"newsletter"} and not sender_known and _domain_failed(parts.message, sender):
        # "PROMO AWAL TAHUN 2027!! Pinjaman ... Unsubscribe: balas STOP" from a domain the receiving server
        # found forged (dmarc=fail): an unsubscribe line in the text of such a mail makes it spam, other
        # mail, not a real list's newsletter (whose headers would say so).
        reasons = []
    if reasons and set(reasons) <= {"newsletter"} and not sender_known and is_spam_offer(
        normalise(subject + "\n" + parts.text)
    ):
        # "Pinjaman ASN cepat cair ... Untuk berhenti berlangganan balas STOP": an unsubscribe line in the text
        # of an offer, with no list header, is spam's, other mail.
        reasons = []
    if reasons and not sender_known:
        # Automated mail from an address on no district's list speaks for no district.
        common["district"] = None
    if reasons:
        return Verdict(kind="automated", item=None, automated_reasons=tuple(reasons), notes=parts.notes, **common)  # type: ignore[arg-type]

    # The press states figures of no district's report: a forwarded article counts for the
    # forwarder's own words only, and a journalist's own mail for none.
    press = is_press(low_all) or is_news(normalise(bare_subject), new_text)  # low_all: the subject and new_text
    forwarded_press = False
    if press:
        forwarder_words = text_before_forward(parts.text)
        if forwarder_words is not None:
            new_text, quoted_text = split_quoted(forwarder_words)
            read_subject, body, press, forwarded_press = "", new_text, False, True
    adopted: list[Candidate] = []
    fyi = None if press or desk_forward else _passed_on_for_information(chain_text, sender, is_forward)
    if fyi is not None:
        # "Sekadar meneruskan surat edaran di bawah untuk diketahui": a third party's mail passed on for
        # information counts for the forwarder's own words only.
        adopted = _adopted_from_forward(fyi, chain_text, parts.date, other_districts_pattern(district, districts))
        new_text, quoted_text = split_quoted(fyi)
        read_subject, body, forwarded_press = "", new_text, True
    text, text_tables = split_text_tables(body)
    candidates: list[Candidate] = []
    row_date = None
    earlier_sheets = earlier_period_sheets(parts.tables) if len(parts.tables) > 1 else set()
    tables = [("tabel", t) for t in text_tables] + [
        # "Minggu I" beside "Minggu II" in one workbook, a sheet a week: the sheets of earlier weeks were sent before.
        (name or "lampiran", t) for i, (name, t) in enumerate(parts.tables) if i not in earlier_sheets
    ]
    # A report of a period (a week, late days sent together) adds up its days' counts.
    head = read_subject + "\n" + new_text[:_PERIOD_HEAD_CHARS]
    of_a_period = bool(tables) and period_report(normalise(head))
    sheets_with_stock_lines = 0
    for source, table in tables:
        found = read_table(table, parts.date, source, of_a_period)
        if found is not None and names_later_year_plan(normalise(source), parts.date):
            # "Proyeksi_2028_Nunukan.xlsx" sent in 2027: the sheet of a coming year's plan asks for nothing now.
            found = ([c for c in found[0] if c.field != "requested"], found[1])
        if found is not None:
            candidates.extend(found[0])
            row_date = row_date or found[1]
            sheets_with_stock_lines += any(STOCK_UNDER_TOTAL in c.cues for c in found[0])
    if sheets_with_stock_lines > 1:
        # A workbook of a sheet per office ("DINAS NUNUKAN", "UPT SEBATIK"), each closed by its own stock line:
        # each is that office's part of the stock, not the district's.
        candidates = [c for c in candidates if STOCK_UNDER_TOTAL not in c.cues]
    low = normalise(text)
    # A reply to a question ("Berapa keping ... yang Bapak/Ibu mohon?") answers it: "Jumlahnya 500 keping".
    answer_role = asked_role(normalise(quoted_text)) if is_reply and quoted_text else None
    restated = _own_earlier_requests(quoted_text, sender) if is_reply and quoted_text else frozenset()
    # A reply revising the writer's own quoted request or receipt ("Ralat pak, yang benar 1.800 keping")
    # is that request or receipt again: its one new figure is the quoted mail's figure.
    revised = _revised_kind(quoted_text, new_text, parts.message, own_addresses) if is_reply and quoted_text else None
    if revised is not None and answer_role is None:
        answer_role = _KIND_FIGURE[revised]
    if (
        answer_role is None
        and is_reply
        and quoted_text
        and _changes_approved_figure(quoted_text, new_text, own_addresses)
    ):
        # "Pak, kalau bisa jadi 1.500 ya, ... sisa 200" above the desk's approval of 1.000: the approved
        # request changed to a new figure is what is asked now.
        answer_role = "requested"
    elsewhere = other_districts_pattern(district, districts)
    above = None if desk_forward or press or forwarded_press else text_before_forward(chain_text)
    guidance_asked = False  # the writer's own words only ask for guidance on the mail forwarded below
    kecamatan_aside = False  # a kecamatan's figures forwarded by the district, left to a person
    below = forwarded_text(chain_text) if above is not None else None
    if above is None and is_forward and not (desk_forward or press or forwarded_press):
        # "FW:" with the writer's own earlier mail below an Outlook header block ("From: <the writer>
        # Sent: ..."), no separator line: the same as a forward of one's own mail.
        own_part, rest = split_quoted(chain_text)
        header, _, forwarded_body = rest.lstrip().partition("\n\n")
        if sender and forwarded_body.strip() and sender.lower() in header[:400].lower():
            above, below = own_part, split_quoted(_QUOTE_MARKS_RE.sub("", forwarded_body))[0]
        elif forwarded_body.strip() and _third_party_forward(own_part, header):
            # "Diteruskan dari kecamatan. Untuk kota kami mohon 800 keping KIA" over "From: Kec Tarakan Barat
            # ... Sent: ...": a kecamatan's mail passed on under the district's own figures, read as any
            # forward: the writer's words win, the forwarded mail counts for what they do not say.
            above, below = own_part, split_quoted(_QUOTE_MARKS_RE.sub("", forwarded_body))[0]
    if above is not None and below is not None:
        # A writer's own earlier mail forwarded below new words ("ada perubahan: kebutuhan kami menjadi
        # 2.500 keping"): the new words win; the forwarded mail counts for what they do not say.
        own_body, _ = split_text_tables((read_subject + "\n\n" if read_subject else "") + split_quoted(above)[0])
        fwd_body, _ = split_text_tables(below)
        own, unassigned = read_text(own_body, normalise(own_body), answer_role, parts.date, restated, elsewhere)
        earlier, fwd_unassigned = read_text(fwd_body, normalise(fwd_body), None, parts.date, frozenset(), elsewhere)
        if own and not sender_known and _at_own_domain(sender, own_addresses):
            # A colleague at the province passing on a district's mail ("Ini permohonan Malinau yang nyasar ke
            # email saya ... stok mereka menipis (laporan Oktober 410 lembar)"): the district's own figures are its
            # figures; what the colleague recalls of it is older news for the fields the forwarded mail states.
            in_forward = {c.field for c in earlier if c.value is not None}
            own = [c for c in own if c.field not in in_forward]
        stated = {c.field for c in own}
        if own and _FORWARD_CORRECTED_RE.search(normalise(own_body)):
            # "laporan Jumat di bawah ada yang salah ... yang benar 1.050 keping, bukan ± 800": a correction
            # of the forwarded mail; its other figures were read when it came.
            earlier = []
        if _FORWARD_NOT_COUNTED_RE.search(normalise(own_body)):
            # "sms Pak Dolvi di bawah ini angka posko GOR saja ... Mohon jangan dihitung dobel": the forwarder
            # says the forwarded figures are not to be counted; only their own words are.
            earlier = []
        if not own and _asks_guidance_on_forward(normalise(own_body)):
            # "Mohon petunjuk, apakah kecamatan boleh mengajukan permintaan langsung seperti email di bawah?": the
            # forwarded mail is the example a question is about; its figures are not the writer's, nor its ask.
            earlier, guidance_asked = [], True
        if own and _kecamatan_writes(normalise(fwd_body)):
            # "Mohon dikirimkan langsung 400 keping sesuai permintaan Kec. Krayan" over "kami Kec Krayan mohon 400
            # keping, sisa di kecamatan 35 keping": the kecamatan's stock and work are its own, not the district's.
            earlier = [c for c in earlier if c.field not in _KECAMATAN_OWN_FIELDS]
        kecamatan_mail = sender_known and _kecamatan_forwarded(chain_text, below, parts.forwarded_senders)
        if sender_known and (kecamatan_mail or any(_said_at_kecamatan(c) for c in earlier)):
            # "---------- Forwarded message --------- / Dari: Kec Sebatik <...> / sisa blangko di kecamatan 40
            # keping" from a district's address, no words of its own: the kecamatan's figures are not the district's
            # stock, request or receipt. Only a role the district's own words name takes them up ("mohon dikirim
            # sesuai kebutuhan kecamatan kami di bawah ini"); the rest are left to a person, never booked.
            # A figure said of the district's own store ("di gudang dinas") stays the district's, and so do all
            # when the district's words vouch for them ("Sudah kami cek ke gudang, angkanya benar").
            district_words = normalise(split_quoted(above)[0])
            taken_up = {k.role for k in keywords(district_words) if not k.denied}
            vouched = bool(_FORWARD_VOUCHED_RE.search(district_words))
            earlier = [
                replace(c, value=None, doubt="unclear", cues=(*c.cues, "kecamatan_forwarded"))
                if c.value is not None and c.field in _KECAMATAN_FIGURE_FIELDS and c.field not in taken_up
                and not vouched and not _said_of_whole_district(c)
                and (kecamatan_mail or _said_at_kecamatan(c)) else c
                for c in earlier
            ]
            kecamatan_aside = any("kecamatan_forwarded" in c.cues for c in earlier if c.field not in stated)
        text_candidates = own + [replace(c, cues=(*c.cues, "forwarded")) for c in earlier if c.field not in stated]
        unassigned = unassigned + fwd_unassigned
    elif is_reply and (
        (answers := _answered_questions(parts.text))
        or (quoted_text and (answers := _numbered_answers(text, quoted_text)))
    ):
        # An inline reply ("> 1. Berapa sisa stok?" / "Sisa 380 keping." / "> 2. Berapa jumlah yang
        # dibutuhkan?" / "1.500 keping."): each answer is read for the question quoted just above it.
        text_candidates, unassigned = [], []
        for role, answer in answers:
            answer_body, _ = split_text_tables(answer)
            got, loose = read_text(answer_body, normalise(answer_body), role, parts.date, restated, elsewhere)
            text_candidates += got
            unassigned += loose
    else:
        text_candidates, unassigned = read_text(text, low, answer_role, parts.date, restated, elsewhere)
    candidates.extend(text_candidates)
    candidates = figure_over_headline_zero(candidates, read_subject)
    if is_forward and _forwarded_from_another(chain_text, sender):
        # "Fw: blangko habis" over a UPT's own mail: the subject is the forwarded writer's, and so is its word of
        # zero; the district's stock comes from its own words.
        candidates = _without_headline_zero(candidates, read_subject)
    stated_here = {c.field for c in candidates}
    candidates.extend(c for c in adopted if c.field not in stated_here)
    candidates = asked_beside_needed_table(breakdown_total_disagrees(low, current_requests(candidates)))
    candidates = shortfall_of_table(low, candidates)
    candidates = received_within_district(normalise(new_text), candidates)
    candidates = thanked_receipt_in_request(normalise(new_text), candidates)
    if is_reply and quoted_text:
        candidates = need_answered_to_circular(normalise(quoted_text), normalise(new_text), candidates)
        candidates = approval_accepted(quoted_text, own_addresses, candidates)
    if of_a_period or (
        not tables and any(c.row_date for c in candidates) and period_report(normalise(head), lines=True)
    ):
        candidates = summed_over_days(candidates)
    # A scam from an unknown sender ("Kotak surat Anda hampir penuh ... kuota 10 GB") states no figures.
    scam = not sender_known and is_phishing(normalise(subject + "\n" + new_text))
    # A citizen's complaint about their own card states no district's figures.
    # (A district forwarding a citizen's mail with words of its own speaks for itself.)
    above_forward = text_before_forward(parts.text)
    own_words = new_text if above_forward is None else split_quoted(above_forward)[0]
    scam = scam or is_citizen(normalise(bare_subject + "\n" + own_words))
    # So is an unknown sender's mail about their family ("Anak saya 2 orang mau ikut mudik ... di Disdukcapil
    # katanya blangko KIA kosong"): what it tells of an office's stock is a complaint, not the office's report.
    scam = scam or (not sender_known and speaks_as_public(normalise(bare_subject + "\n" + own_words)))
    # A courier's notice of a parcel delivered, from the courier, is no district's receipt.
    scam = scam or (not sender_known and is_courier_notice(normalise(own_words)))
    # A seller's offer, with its lots and prices ("kartu PVC kosong 1.000 pcs Rp 2.100.000"), from a sender on no
    # district's list: no district's figures, and the towns it delivers to name no district that writes.
    vendor = not sender_known and is_vendor_offer(normalise(bare_subject + "\n" + own_words))
    if vendor:
        common["district"] = None
    scam = scam or vendor
    # A colleague at the province itself (an address at the desk's own domain on no district's
    # list, signing for no district: a manager's instruction, a provincial recap) writes for none.
    internal = (
        not sender_known
        and _at_own_domain(sender, own_addresses)
        and district_signed(normalise(new_text), districts, lone_sentence=False) is None
    )
    # Another province's office (asking to borrow blanks, to visit): none of this desk's districts writes.
    foreign = not sender_known and district is None and speaks_for_other_province(normalise(own_words))
    if press or scam or internal or foreign:
        candidates, unassigned = [], []
    reading = settle(candidates, unassigned)
    item, item_ambiguous, item_assumed = item_of(low_all, normalise(parts.text))
    asked = {c.item for c in candidates if c.field == "requested" and c.value is not None}
    said_of = {c.item for c in candidates if c.value is not None}
    if item_assumed and said_of - {None}:
        # The text names no blank but the figures do (a spreadsheet's "Sisa KIA" column): they tell.
        named = said_of - {None}
        item, item_assumed = ("ktp-el" if "ktp-el" in named else named.pop()), False  # type: ignore[assignment]
        if len(asked - {None}) > 1:
            # Both blanks asked for: which one the request is, a clerk asks.
            item, item_ambiguous = None, True
    both_asked = False
    tabled = {c.item for c in candidates if c.value is not None and c.table}
    asked_in_tables = {c.item for c in candidates if c.field == "requested" and c.value and c.table}
    if item in ("ktp-el", "kia") and not item_ambiguous and len(asked) == 1 and asked == asked_in_tables - {None} != {
        item
    }:
        # "Untuk KIA belum perlu tambahan" over a request form asking 3.700 KTP-el: the words name the blank not
        # asked for; the form's row of the blank asked is the request.
        item, item_assumed = asked_in_tables.pop(), False  # type: ignore[assignment]
    if not asked and {"ktp-el", "kia"} <= tabled and item == "kia":
        # A report whose tables or sheets give each blank its own figures ("sheet pertama isinya KIA", then
        # the KTP-el recap): its main item is KTP-el, the desk's daily blank, whichever the words name; the
        # KIA figures are read as the KIA reading beside it.
        item, item_ambiguous, item_assumed = "ktp-el", False, False
    if item_ambiguous:
        # Both blanks named: the one named with the figure asked for is what the mail is about
        # ("stok KTP-el masih 3.200 (cukup) ... mohon tambahan blangko KIA 1.000 lembar").
        if len(asked) == 1 and None not in asked:
            item, item_ambiguous = asked.pop(), False  # type: ignore[assignment]
        elif not asked and (received_blank := _received_beside_other_stock(candidates)) is not None:
            # "blangko KIA 1.500 keping sudah kami terima ... Sekalian info: stok KTP-el sekarang 1.870": a receipt
            # of one blank, the other's stock said in passing; the receipt is the mail's, of the blank received.
            item, item_ambiguous = received_blank, False  # type: ignore[assignment]
        elif not asked and {"ktp-el", "kia"} <= said_of:
            # A report or receipt with figures for each blank ("pencetakan KTP-el 39 keping dan KIA
            # 120 keping", or a section per blank): its main item is KTP-el, the desk's daily blank;
            # the KIA figures are read as the KIA reading beside it.
            item, item_ambiguous = "ktp-el", False
        elif not asked and said_of == {"kia"}:
            # "blangko KIA 750 keping sudah diterima lengkap. KTP-el dari pengiriman yang sama masih dalam
            # perjalanan": every figure is said of KIA by name; the other blank is named without one.
            item, item_ambiguous = "kia", False
        elif asked == {None} and said_of == {None, "kia"} and item_of(normalise(bare_subject), "")[0] == "kia":
            # "Blangko KIA kosong" / "Stok blangko KIA kami kosong ... Mohon dikirim 2.500 keping" under a signature
            # of the "Seksi Cetak KTP-el": the subject and every figure said by name are KIA's; the ask is too.
            item, item_ambiguous = "kia", False
        elif asked == {None} and (aside := stock_aside_item(low_all)) is not None and all(
            c.field == "stock_on_hand" for c in candidates if c.value is not None and c.item not in (None, aside)
        ):
            # "Mohon tambahan blangko KIA: ... Permintaan 1.500 lbr. Stok KTP-el masih aman (2.4rb).": the ask
            # names no blank and the other blank's stock is said in passing to be fine; the ask is for the one left.
            item, item_ambiguous = aside, False
        elif len(asked - {None}) > 1:
            # Both blanks asked for by name ("mohon tambahan blangko KTP-el 2.000 keping dan blangko KIA
            # 500 lembar"): read for KTP-el, the desk's daily blank, with its own figures; the doubt
            # stays, so a clerk asks before acting on one blank of the two.
            item, item_ambiguous, both_asked = "ktp-el", False, True
        elif not (asked - {None}):
            # Both blanks named and no figure asked of one by name ("kiriman blangko KTP-el 2.000 keping
            # dan KIA 500 lembar sudah kami terima"): the mail is read for KTP-el, the desk's daily
            # blank, as its labels and its clerks do; a figure said of KIA by name is set aside below.
            item, item_ambiguous = "ktp-el", False
    if (
        (item_ambiguous or item == "kia")
        and not asked
        and "kia" in said_of
        and any(c.table and c.item is None for c in candidates if c.value is not None)
        and all(c.table for c in candidates if c.value is not None and c.item is None)
        and not _kia_report_only(bare_subject, parts.text)
    ):
        # A report table that names no blank beside one whose columns name KIA ("Pencetakan
        # KIA | Sisa Blangko KIA"): a blank not named KIA is KTP-el at this desk, and the report
        # is read for it.
        candidates = [replace(c, item="ktp-el") if c.table and c.item is None else c for c in candidates]
        item, item_ambiguous, item_assumed = "ktp-el", False, False
        reading = settle([c for c in candidates if c.item == "ktp-el"], unassigned)
    if (
        item == "kia"
        and not asked
        and said_of == {None}
        and not _KIA_NAME_RE.search(normalise(read_subject))
        and _kia_named_after_figures(low)
    ):
        # "stok awal 2.500, cetak 91, rekam 97 -> sisa akhir 2.409" / "KIA aman.": KIA named only in words
        # with no figure (its stock is fine) is not what the figures are said of; they are KTP-el's.
        item, item_assumed = "ktp-el", False
    kia_figures = {(c.field, c.value) for c in candidates if c.value is not None and c.item == "kia"}
    # (A KIA figure said again without its name, "blangko KIA 800 keping sudah kami terima ... kami catat yg
    # diterima 800", is the same figure: it names no other blank.)
    unnamed_fields = {c.field for c in candidates
                      if c.value is not None and c.item is None and (c.field, c.value) not in kia_figures}
    kia_fields = {field for field, _ in kia_figures}
    if item == "kia" and not asked and unnamed_fields & kia_fields and not any(
        c.item == "ktp-el" for c in candidates
    ) and not _kia_report_only(bare_subject, parts.text):
        # (Not in a mail whose subject names KIA and whose words never name KTP-el, "Terima blanko KIA" / "KIA
        # seribu lima ratus lembar sudah kami terima ada dua lembar rusak": its other figures are KIA's too.)
        # "rekam 21, cetak 18, sisa blangko 92. KIA cetak 4 sisa 0": beside figures said of KIA by name,
        # the same figures said of no blank are of the other blank, KTP-el, the desk's daily one; the
        # report is read for it, with KIA's beside it.
        candidates = [replace(c, item="ktp-el") if c.item is None and c.value is not None else c for c in candidates]
        item, item_ambiguous, item_assumed = "ktp-el", False, False
        reading = settle([c for c in candidates if c.item in (None, "ktp-el")], unassigned)
    other_item = [c for c in candidates if c.item not in (None, item)] if item is not None and not item_assumed else []
    if other_item:
        # Figures said of the other blank are not this mail's figures (for the main item).
        candidates = [c for c in candidates if c.item in (None, item)]
        reading = settle(candidates, unassigned)
    if item is not None and not item_assumed:
        reading = _unnamed_beside_named(reading, candidates, item)
    gap = _delivery_gap(reading, new_text + "\n" + quoted_text)
    if gap is not None:
        # "blangko yang kami terima sebanyak 1.800 keping, bukan 2.000 ... Kekurangan 200 keping mohon
        # dicek": the shortfall is what the shipment lacked (2.000 - 1.800), not blanks asked for.
        values = {f: v for f, v in reading.values.items() if f != "requested"}
        reading = replace(reading, values=values, evidence=tuple(e for e in reading.evidence if e.field in values))
        delivery_gap_note = f"shortfall of the delivery ({gap}) is not a request"
    # (... or puts the whole ask off: "kami butuh kira2 seribu keping ... belum kami ajukan sekarang".)
    no_ask = bool(_NOT_A_REQUEST_RE.search(normalise(new_text))) or _ask_put_off(normalise(new_text))
    if no_ask and "requested" in reading.values:
        # "Ini bukan permintaan pengiriman; permintaan akan kami ajukan tersendiri": the writer says the
        # needs the mail states are no ask.
        values = {f: v for f, v in reading.values.items() if f != "requested"}
        reading = replace(reading, values=values, evidence=tuple(e for e in reading.evidence if e.field in values))
    received_ago = _received_days_before(reading, parts.date) if "stock_on_hand" in reading.values else None
    if received_ago is not None and received_ago > vocab.EARLIER_RECEIPT_DAYS:
        # "sisa stok KIA 612 lembar (kiriman 800 sudah masuk tgl 15)" in a report of the 27th: a shipment of an
        # earlier day said in passing beside the stock, booked when it came, not one this mail reports.
        values = {f: v for f, v in reading.values.items() if f != "received"}
        reading = replace(reading, values=values, evidence=tuple(e for e in reading.evidence if e.field in values))
    if _received_in_stock_bracket(reading):
        # "Ending stock 3,593 pcs (opening 910 + 3,000 received)": the shipment explains the stock it is part of.
        values = {f: v for f, v in reading.values.items() if f != "received"}
        reading = replace(reading, values=values, evidence=tuple(e for e in reading.evidence if e.field in values))
    reading = _below_zero(reading)
    doubt_fields = {d.field for d in reading.doubts}
    kind_text = subject_for_kind(normalise(read_subject)) + "\n" + normalise(new_text)
    # Mail from an address on no district's list that names no district it writes for speaks for
    # none, unless its own words say it is a district's request, receipt or report.
    unattributed = not sender_known and district is None
    # A PDF or a photo may hold a report's figures ("laporan stok opname terlampir foto ya pak"): of a writer who
    # speaks for a district, the report the text names is the mail's kind, as with a spreadsheet attached.
    figure_file = (
        not unattributed and any(_FIGURE_FILE_RE.match(a.content_type) for a in parts.attachments)
        and report_attached(kind_text)
    )
    # A report kept in a shared sheet and sent as its link ("laporan minggu ini sudah diupdate di link berikut:
    # https://docs.google.com/spreadsheets/..."): the report the text names is the mail's kind, as with a file.
    figure_file = figure_file or (not unattributed and bool(_SHEET_LINK_RE.search(kind_text)))
    kind = kind_of(
        kind_text,
        set(reading.values),
        doubt_fields,
        bool(tables and candidates),
        unattributed=unattributed,
        attached=bool(parts.tables) or figure_file,
        uncounted=bool(reading.unassigned),
    )
    if kind == "other" and revised is not None and not (
        revised == "receipt" and "received" not in reading.values and _awaits_blanks(new_text)
    ):
        kind = revised
    if (
        kind == "receipt"
        and "received" not in reading.values
        and "stock_on_hand" in reading.values
        and is_reply
        and _STOCK_ASKED_RE.search(normalise(quoted_text))
    ):
        # "Stok kami saat ini 2.140 keping, kiriman BLK-2033-0128 sudah masuk minggu lalu" under the desk's "mohon
        # balas ... dengan sisa stok yang sebenarnya": the stock asked for, the shipment said in passing (no count).
        kind = "stock_report"
    if kind == "receipt" and all(
        e.field == "received" and speaks_of_autoreplies(e.text) for e in reading.evidence
    ) and speaks_of_autoreplies(own_words):
        # "Kami menerima 2 balasan otomatis untuk email yang sama, mohon dicek": what came is the desk's replies.
        kind = "other"
    if press or scam or internal or foreign or (
        (no_ask or guidance_asked) and kind == "request" and not reading.values
    ):
        kind = "other"
    if no_ask and kind == "request" and reading.values and not {"requested", "received"} & set(reading.values):
        # "kami butuh kira2 seribu keping, sisa kami masih ±1.250 ... belum kami ajukan sekarang, cuma mau tanya
        # jadwal": the ask put off, the stock said as the reason to wait; the mail asks a question, not for blanks.
        kind = "other"
    if kind == "request" and "requested" not in reading.values and "requested" not in doubt_fields and (
        names_later_year_plan(kind_text, parts.date)
    ):
        # "Kami sampaikan proyeksi kebutuhan blangko tahun 2028 ... Mohon dialokasikan mulai Januari 2028" sent in
        # 2027, with no figure asked now: a coming year's plan, sent for planning, is no request.
        kind = "other"
    notes = list(parts.notes) + list(relay_notes)
    if kecamatan_aside:
        notes.append("figures of a kecamatan's mail forwarded by the district: the kecamatan's, not the district's")
    if gap is not None:
        notes.append(delivery_gap_note)
    if kind == "other":
        item, item_ambiguous = None, False  # a blank named in passing is not what the mail is about
        if not sender_known:
            # An invitation or bulletin from an unknown address that names a district is not that district's mail.
            common["district"] = None
    elif item_assumed:
        notes.append("no blank named; KTP-el assumed")
    doubts = list(reading.doubts)
    values = dict(reading.values)
    evidence = list(reading.evidence)
    if kind == "other":
        # Other mail states no figures the desk acts on, whatever numbers it holds.
        doubts, values, evidence = [], {}, []
    if kind == "stock_report" and values and subunit_report(normalise(head), low):
        # "Laporan UPT Krayan 4 hari ... Sisa blangko di UPT Krayan: habis": one office's work and stock, not
        # the district's (the district's own report covers them); a clerk does not book them.
        doubts += [Doubt(e.field, "unclear", e.text) for e in evidence]
        doubt_fields |= {e.field for e in evidence}
        values, evidence = {}, []
        notes.append("a report of one UPT: its figures are the office's, not the district's")
    office = ("stock_on_hand", "printed", "recorded")
    if kind == "request" and not sender_known and subunit_writer(normalise(own_words)):
        # "Kami dari UPT Disdukcapil Kecamatan Sebatik ... Stok blangko di UPT kami tinggal 120 keping. Mohon
        # dapat dikirim 500 keping": the office asks, but the stock it states is its own, not the district's.
        for ev in [e for e in evidence if e.field in office]:
            values.pop(ev.field, None)
            evidence.remove(ev)
            doubts.append(Doubt(ev.field, "unclear", ev.text))
            doubt_fields.add(ev.field)
            notes.append(f"{ev.field} written by one UPT: the office's, not the district's")
    if kind == "request":
        # A request with a period's figures beside it (a table with a row per day, "Dicetak (1-5 Nov)", the
        # last five working days' rows as supporting data): the clerk acts on the ask and the stock; the
        # period's counts are background, not read.
        period = ("per_day", "day_span", "latest_row")
        for ev in [e for e in evidence if e.field in ("printed", "recorded") and set(period) & set(e.cues)]:
            values.pop(ev.field, None)
            evidence.remove(ev)
            notes.append(f"{ev.field} of the period in the request's table left aside")
        for ev in [e for e in evidence if e.field == "received" and "affirmed" not in e.cues]:
            # A request tells a receipt only as done ("blangko 2.000 kemarin sudah kami terima"); a receipt
            # word qualifying another figure ("stok blangko yang kami terima (BAST) adalah 692") is background
            # to the ask: it is left aside.
            values.pop(ev.field, None)
            evidence.remove(ev)
            notes.append("received not said as done in a request, background to the ask, left aside")
        work = [e for e in evidence if e.field in _WORK_FIELDS]
        if len({e.field for e in work}) == 1:
            # A request states the day's work as a report does, recorded beside printed; one work figure
            # alone is the reason for asking ("ada perekaman massal (± 400 orang)", "target perekaman wan
            # cetak Desember 2.400"), not a count of work done: it is left aside.
            for ev in work:
                values.pop(ev.field, None)
                evidence.remove(ev)
                notes.append(f"{ev.field} stated alone in a request, a reason for asking, left aside")
    if kind in ("request", "receipt", "stock_report"):
        if item_ambiguous:
            doubts.append(Doubt("item", "item", "KTP-el dan KIA"))
        elif both_asked:
            doubts.append(Doubt("item", "both_items", "KTP-el dan KIA"))
    if kind == "request" and "requested" not in values and "requested" not in doubt_fields:
        why: Literal["unclear", "missing"] = "unclear" if reading.unassigned else "missing"
        said = reading.unassigned[0] if reading.unassigned else ""
        if not said and (unread := unread_figure(low)) is not None:
            # "20.00 keping", "2.50 rb keping": a figure was written, one no reading takes; the district is told
            # which and why, never that no figure was found
            why, said = "unclear", " ".join(text[unread[0]:unread[1]].split())  # quoted with its sentence
        doubts.append(Doubt("requested", why, said))
    elif kind == "receipt" and "received" not in values and "received" not in doubt_fields:
        unread = unread_figure(low)  # "terima 1.20 rb keping": a figure written, none read; asked as a request's is
        doubts.append(Doubt("received", "unclear", " ".join(text[unread[0]:unread[1]].split())) if unread
                      else Doubt("received", "missing", ""))
    elif kind == "stock_report" and "stock_on_hand" not in values and "stock_on_hand" not in doubt_fields and (
            unread := unread_figure(low)) is not None:
        # "sisa blangko 3.5.00 kpg": the stock written but unreadable is asked back, never recorded as no stock
        doubts.append(Doubt("stock_on_hand", "unclear", " ".join(text[unread[0]:unread[1]].split())))
    elif kind == "stock_report" and not (set(values) & {"stock_on_hand", "printed", "recorded"}) and not doubt_fields:
        doubts.append(Doubt("stock_on_hand", "missing", ""))
    readings: list[ItemReading] = []
    if kind in ("stock_report", "receipt") and item is not None:
        readings.append(_item_reading(item, values, tuple(evidence)))
        other = settle(other_item, [])
        if other.values and not asked:
            readings.append(_item_reading(other_item[0].item, other.values, other.evidence))
    if kind == "request" and item is not None and other_item:
        # "Blangko KTP-el 2.400 keping sudah kami terima ... Sekalian kami mohon tambahan blangko KIA 600 keping":
        # the count received of the other blank, said as done, is a reading of that blank beside the ask (the
        # desk books it on that blank's shipment); the other blank's other figures stay unread.
        other = settle(other_item, [])
        arrived = [e for e in other.evidence if e.field == "received" and ("affirmed" in e.cues or any(
            c.split(":", 1)[-1].split()[-1] in vocab.ARRIVAL_CUE_WORDS for c in e.cues
            if c.startswith(("keyword_before:", "keyword_after:"))))
            and not HOPE_OR_CONDITION_RE.search(normalise(e.text))]
        if arrived and "received" not in {d.field for d in other.doubts}:
            readings.append(_item_reading(other_item[0].item, {"received": other.values["received"]}, tuple(arrived)))
    when = None
    if kind == "stock_report":
        when = row_date or reading.row_date or report_date(normalise(read_subject + "\n" + text), parts.date)
    return Verdict(
        kind=kind,
        item=item,
        report_date=when,
        evidence=tuple(evidence),
        doubts=tuple(doubts),
        notes=tuple(notes),
        readings=tuple(readings),
        **{f: values.get(f) for f in QUANTITY_FIELDS},  # type: ignore[arg-type]
        **common,  # type: ignore[arg-type]
    )

