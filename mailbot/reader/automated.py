"""Is this mail sent by a machine? RFC 3834-style header rules plus content signals, as reason codes."""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from email.message import Message
from typing import Any, Literal

from mailbot.reader import vocabulary as vocab
from mailbot.reader.mime import decode_header_value, extract_from, first_fields, sender_address
from mailbot.reader.quotes import split_quoted, text_before_forward

_SUPPRESS_RE = re.compile(r"\b(?:all|autoreply|oof)\b", re.IGNORECASE)
_PRECEDENCE_RE = re.compile(r"^\s*(?:bulk|junk|list)\b", re.IGNORECASE)
_OOO_SUBJECT_RE = re.compile(vocab.alternation(vocab.OUT_OF_OFFICE_SUBJECTS + vocab.OUT_OF_OFFICE_MORE_SUBJECTS))
_OOO_BODY_RE = re.compile(vocab.alternation(vocab.OUT_OF_OFFICE_BODIES))
_BOUNCE_SUBJECT_RE = re.compile(vocab.alternation(vocab.DELIVERY_FAILURE_SUBJECTS))
_BOUNCE_BODY_RE = re.compile(vocab.alternation(vocab.DELIVERY_FAILURE_BODIES))
_REPORT_SUBJECT_RE = re.compile(r"^\s*(?:" + vocab.alternation(vocab.DELIVERY_REPORT_SUBJECTS) + r")")
_REPORT_BODY_RE = re.compile(vocab.alternation(vocab.DELIVERY_REPORT_BODIES))
# "Jika Anda menerima email ini karena kekeliruan ...": a confidentiality notice, not a list's footer.
_NEWSLETTER_RE = re.compile(
    "(?:" + vocab.alternation(vocab.NEWSLETTER_PHRASES) + ")"
    + r"(?!\s*(?:" + vocab.alternation(vocab.SENT_IN_ERROR_WORDS) + r")(?![\w-]))"
)
_AUTOREPLY_RECEIVED_RE = re.compile(
    r"(?<![\w-])(?:" + vocab.alternation(vocab.AUTOREPLY_RECEIVED_LEADS) + r")(?:[^\S\n]+[\w-]+){0,2}?[^\S\n]+(?:"
    + vocab.alternation(vocab.OUT_OF_OFFICE_SUBJECTS + vocab.OUT_OF_OFFICE_MORE_SUBJECTS) + r")"
)
_PERSON_PREFIX_RE = re.compile(r"^\s*(?:re|fw|fwd|tr|bls|balas)\s*:", re.IGNORECASE)
_QUOTA_RE = re.compile(r"(?<![\w-])(?:" + vocab.alternation(vocab.QUOTA_NOTICE_PHRASES) + r")(?![\w-])")
_OWN_MAILBOX_RE = re.compile(r"(?<![\w-])(?:" + vocab.alternation(vocab.OWN_MAILBOX_WORDS) + r")(?![\w-])")
_QUOTA_PHISHING_RE = re.compile(r"(?<![\w-])(?:" + vocab.alternation(vocab.QUOTA_PHISHING_WORDS) + r")(?![\w-])")
_OOO_MORE_RE = re.compile(vocab.alternation(vocab.OUT_OF_OFFICE_MORE_BODIES))
_READ_SUBJECT_RE = re.compile(
    r"^\s*(?:" + vocab.alternation(vocab.READ_RECEIPT_SUBJECTS + vocab.READ_RECEIPT_MORE_SUBJECTS) + r")"
)
_READ_BODY_RE = re.compile(vocab.alternation(vocab.READ_RECEIPT_BODIES))
_RECALL_SUBJECT_RE = re.compile(r"^\s*(?:" + vocab.alternation(vocab.MESSAGE_RECALL_SUBJECTS) + r")")
_RECALL_BODY_RE = re.compile(vocab.alternation(vocab.MESSAGE_RECALL_BODIES))
_CALENDAR_BODY_RE = re.compile(vocab.alternation(vocab.CALENDAR_BODIES))
_TEMPLATE_RE = re.compile(
    r"(?<![\w-])(?:" + vocab.alternation(vocab.MACHINE_TEMPLATE_PHRASES) + r")(?![\w-])"
    r"|^[ \t\-\u2013\u2014*_=\[(<]*(?:" + vocab.alternation(vocab.MACHINE_TEMPLATE_LINES) + r")(?![\w-])",
    re.MULTILINE,
)
# "[Tiket #48213] Status diperbarui", "[ALERT] Disk usage 91%", "Ticket #123 created": a system's subject.
_SYSTEM_SUBJECT_RE = re.compile(
    r"^\s*\[\s*(?:" + vocab.alternation(vocab.SYSTEM_SUBJECT_TAGS) + r")\b[^\]]*\]"
    r"|(?<![\w-])(?:tiket|ticket|case|kasus|incident|insiden)\s*(?:no\.?\s*|nomor\s*)?#\s*\d+"
    r"|^\s*(?:" + vocab.alternation(vocab.CRON_SUBJECT_OPENERS) + r")\s*<[^<>@\s]+@[^<>\s]+>"
)
# "menerima 1 tanggapan baru": a count of a form's new answers.
_FORM_SUMMARY_RE = re.compile(r"(?<![\w.,])\d+\s+(?:" + vocab.alternation(vocab.FORM_SUMMARY_PHRASES) + r")(?![\w-])")
# A carrier's notice of the reader's own account, or a dial code it asks them to type ("ketik *123#").
_CARRIER_RE = re.compile(r"(?<![\w-])(?:" + vocab.alternation(vocab.CARRIER_NOTICE_PHRASES) + r")(?![\w-])")
# Searched on its own: a pattern that opens with a literal "*" is found fast.
_DIAL_CODE_RE = re.compile(r"\*\d{2,4}(?:\*\d{1,4})*#(?![\w#])")
# Every phrase the writer's own words are searched for in content_reasons: each pattern there matches
# one of them, with what stands around it. Most mail holds none, which two cheap searches tell (one of
# each phrase's words, then the phrases) before a dozen patterns are tried.
_OWN_SIGNAL_PHRASES = (
    vocab.OUT_OF_OFFICE_BODIES + vocab.DELIVERY_FAILURE_BODIES + vocab.OUT_OF_OFFICE_MORE_BODIES
    + vocab.DELIVERY_REPORT_BODIES + vocab.READ_RECEIPT_BODIES + vocab.CALENDAR_BODIES
    + vocab.MACHINE_TEMPLATE_PHRASES + vocab.MACHINE_TEMPLATE_LINES + vocab.QUOTA_NOTICE_PHRASES
    + vocab.CARRIER_NOTICE_PHRASES + vocab.FORM_SUMMARY_PHRASES
)
_OWN_SIGNAL_WORD_RE = re.compile(vocab.alternation(vocab.longest_words(_OWN_SIGNAL_PHRASES)))
_OWN_SIGNAL_RE = re.compile(vocab.alternation(_OWN_SIGNAL_PHRASES))
# "On behalf of Ms. Dewi Kartika (on leave until 12 April), I ...": a colleague's absence, said by who stands in.
_STAND_IN_RE = re.compile(r"(?<![\w-])(?:" + vocab.alternation(vocab.STAND_IN_WORDS) + r")[^\n]{0,60}")
_PARCEL_RE = re.compile(r"(?<![\w-])(?:" + vocab.alternation(vocab.PARCEL_WORDS) + r")(?![\w-])")
_PARCEL_WINDOW = 80
_MACHINE_LOCAL_WORDS = frozenset(vocab.MACHINE_LOCAL_WORDS)
_LOCAL_SPLIT_RE = re.compile(r"[._+\-]+")
_SHORT_NOTICE = 300  # a read receipt's own text is a line or two
_BODY_WINDOW = 4000  # content signals sit near the top; long bodies are not scanned in full


class _Unread(enum.Enum):
    """The sender's address not read yet (None is an address read: there is none)."""

    UNREAD = enum.auto()


# A header a machine adds, and a sender's local part that says no one reads replies: each is one search.
_MACHINE_HEADER_RE = re.compile("|".join(re.escape(h) for h in vocab.MACHINE_HEADERS))
_NOREPLY_LOCAL_RE = re.compile("|".join(re.escape(m) for m in vocab.NOREPLY_LOCALS))


def header_reasons(
    msg: Message,
    own_addresses: Sequence[str] = (),
    fields: dict[str, Any] | None = None,
    sender: str | None | Literal[_Unread.UNREAD] = _Unread.UNREAD,
) -> tuple[str, ...]:
    """Reason codes from headers and the sender address alone (RFC 3834 and common practice); fields:
    msg's first_fields, and sender: sender_address(msg), when at hand."""
    reasons: list[str] = []
    headers = first_fields(msg) if fields is None else fields
    auto_submitted = headers.get("auto-submitted")
    if auto_submitted is not None and str(auto_submitted).strip().lower().split(";")[0].strip() not in ("no", ""):
        reasons.append("auto-submitted")
    return_path = headers.get("return-path")
    if return_path is not None and str(return_path).strip() in ("", "<>"):
        reasons.append("null-return-path")
    precedence = headers.get("precedence")
    if precedence is not None and _PRECEDENCE_RE.match(str(precedence)):
        reasons.append("precedence-bulk")
    if any(name.startswith("list-") for name in headers):
        reasons.append("list-header")
    if headers.get("x-loop") is not None:
        reasons.append("x-loop")
    suppress = headers.get("x-auto-response-suppress")
    if suppress is not None and _SUPPRESS_RE.search(str(suppress)):
        reasons.append("auto-response-suppress")
    content_type = msg.get_content_type()
    if content_type == "multipart/report":
        reasons.append("multipart-report")
    if any(map(_MACHINE_HEADER_RE.match, headers)):  # a name that starts with one of them
        reasons.append("machine-header")
    for i, part in enumerate(msg.walk()):
        if i >= _DSN_MAX_PARTS:
            break
        ctype = content_type if part is msg else part.get_content_type()
        if ctype in ("text/calendar", "application/ics") and _calendar_method(part) in _CALENDAR_METHODS:
            # a calendar program's own mail: an invitation (method REQUEST), its cancellation, or an
            # answer to one ("Diterima: Rapat ..."); the desk has nothing to answer in it. (An .ics
            # a person attaches to share an event has method PUBLISH, or none.)
            reasons.append("calendar")
            break
        if ctype == "message/disposition-notification":
            reasons.append("read-receipt")
            break
    if sender is _Unread.UNREAD:
        sender = sender_address(msg)
    if sender:
        local = sender.split("@", 1)[0]
        if local == "mailer-daemon":
            reasons.append("sender-mailer-daemon")
        elif local == "postmaster":
            reasons.append("sender-postmaster")
        if _NOREPLY_LOCAL_RE.search(local):  # one of them in it
            reasons.append("sender-noreply")
        if local.startswith("owner-"):
            reasons.append("sender-list-owner")
        if local.endswith("-request"):
            reasons.append("sender-list-request")
        if local not in ("mailer-daemon", "postmaster") and (
            _MACHINE_LOCAL_WORDS.intersection(_LOCAL_SPLIT_RE.split(local))
            or local.startswith(vocab.MACHINE_LOCAL_PREFIXES)
        ):
            # "monitor@", "siak-sync@", "wa-bridge@", "quarantine@": the address names a machine
            reasons.append("sender-machine")
        own = {a.strip().lower() for a in own_addresses}
        if sender in own:
            reasons.append("own-address")
    return tuple(reasons)


_CALENDAR_METHODS = frozenset(("request", "reply", "cancel", "counter", "declinecounter", "add", "refresh"))
_CAL_METHOD_RE = re.compile(r"^method:[ \t]*([a-z-]+)", re.IGNORECASE | re.MULTILINE)


def _calendar_method(part: Message) -> str:
    """The iCalendar METHOD of a text/calendar part (its Content-Type parameter, else its METHOD line)."""
    method = str(part.get_param("method", "", header="content-type") or "").strip().lower()
    if method:
        return method
    try:
        payload = part.get_payload(decode=True)
    except Exception:  # noqa: BLE001 - an unreadable calendar part names no method
        return ""
    if not isinstance(payload, bytes):
        return ""
    m = _CAL_METHOD_RE.search(payload[:4000].decode("utf-8", "replace"))
    return m.group(1).lower() if m else ""


_DSN_MAX_PARTS = 50  # a report has a few parts; a message with more is no DSN worth walking


def is_delivery_report(msg: Message) -> bool:
    """Whether *msg* is a delivery status notification (RFC 3464), i.e. a real bounce.

    Only multipart/report with report-type=delivery-status, or mail from MAILER-DAEMON or
    postmaster that carries a message/delivery-status part. An out-of-office reply that quotes
    a message, or names its Message-ID, is an automated reply and no bounce, whatever it says.

    >>> import email, email.policy
    >>> m = email.message_from_string(
    ...     "From: Budi <budi@x.example>\\nSubject: Out of office\\nIn-Reply-To: <a@desk.example>\\n\\n"
    ...     "Saya sedang cuti.", policy=email.policy.default)
    >>> is_delivery_report(m)
    False
    """
    status = _delivery_status(msg)
    if status is not None:
        return status
    sender = sender_address(msg)
    if not sender or sender.split("@", 1)[0].lower() not in ("mailer-daemon", "postmaster"):
        return False
    # a mail server's plain-text bounce (Exim's "Mail delivery failed"): it names the failed recipients
    return msg.get("X-Failed-Recipients") is not None


_DSN_ACTION_RE = re.compile(r"^action:[ \t]*([a-z]+)", re.IGNORECASE | re.MULTILINE)


def _delivery_status(msg: Message) -> bool | None:
    """For mail carrying a delivery-status report: True when a delivery failed, False when it only says
    "delayed" (still being retried), "delivered" or "relayed"; None when there is no such report."""
    found = msg.get_content_type() == "multipart/report" and str(
        msg.get_param("report-type", "", header="content-type")).strip().lower() == "delivery-status"
    actions: list[str] = []
    for i, part in enumerate(msg.walk()):
        if i >= _DSN_MAX_PARTS:
            break
        if part.get_content_type() == "message/delivery-status":
            found = True
            try:
                text = part.as_string()
            except Exception:  # noqa: BLE001 - an unreadable report still says a report was sent
                continue
            actions += [a.lower() for a in _DSN_ACTION_RE.findall(text)]
    if not found:
        return None
    if not actions:
        return msg.get_content_type() == "multipart/report" or _is_mailer(msg)
    return "failed" in actions


_DSN_DIAGNOSTIC_RE = re.compile(r"^diagnostic-code:[ \t]*(?:[a-z0-9-]+[ \t]*;)?[ \t]*(.*(?:\r?\n[ \t]+.*)*)",
                                re.IGNORECASE | re.MULTILINE)
_DSN_STATUS_RE = re.compile(r"^status:[ \t]*(\d\.\d{1,3}\.\d{1,3})", re.IGNORECASE | re.MULTILINE)


def delivery_failure_reason(msg: Message, limit: int = 300) -> str | None:
    """What the receiving server said of a failed delivery in *msg*'s delivery-status report: its first
    Diagnostic-Code ("552 5.2.2 Mailbox full"), else its Status code ("5.1.1"); None when the report says
    neither. Unfolded to one line, at most *limit* characters.

    >>> import email
    >>> m = email.message_from_string('Content-Type: multipart/report; report-type=delivery-status; boundary="B"\\n\\n'
    ...     '--B\\nContent-Type: message/delivery-status\\n\\nReporting-MTA: dns; mx.example\\n\\n'
    ...     'Final-Recipient: rfc822; a@b.example\\nAction: failed\\nStatus: 5.2.2\\n'
    ...     'Diagnostic-Code: smtp; 552 5.2.2 Mailbox full,\\n quota exceeded\\n\\n--B--\\n')
    >>> delivery_failure_reason(m)
    '552 5.2.2 Mailbox full, quota exceeded'
    """
    status: str | None = None
    for i, part in enumerate(msg.walk()):
        if i >= _DSN_MAX_PARTS:
            break
        if part.get_content_type() != "message/delivery-status":
            continue
        try:
            text = part.as_string()
        except Exception:  # noqa: BLE001 - an unreadable report says no reason
            continue
        if (said := _DSN_DIAGNOSTIC_RE.search(text)) is not None and " ".join(said[1].split()):
            return " ".join(said[1].split())[:limit]
        if status is None and (code := _DSN_STATUS_RE.search(text)) is not None:
            status = code[1]
    return status


def _is_mailer(msg: Message) -> bool:
    sender = sender_address(msg)
    return sender is not None and sender.split("@", 1)[0].lower() in ("mailer-daemon", "postmaster")


def content_reasons(subject: str, body: str) -> tuple[str, ...]:
    """Reason codes from what the mail says: out-of-office, delivery failure, newsletter, read receipt,
    a calendar's answer, a system's template or subject tag.

    What a system says of its own mail ("Email ini dikirim otomatis", "jangan membalas email ini") counts
    in the writer's own words only: a person replying to, or forwarding, a system's notice is no machine.
    """
    reasons: list[str] = []
    subj = subject.lower()
    # "Fw: Out of office" / "Re: Automatic reply" is a person passing on or answering an
    # auto-reply; an auto-reply's own subject starts with its marker.
    person_subject = bool(_PERSON_PREFIX_RE.match(subj))
    own = _own_words(body[:_BODY_WINDOW]).lower()
    # No phrase of a machine in the writer's words: none of the patterns on them below can match.
    signals = _OWN_SIGNAL_WORD_RE.search(own) is not None and _OWN_SIGNAL_RE.search(own) is not None
    present = _STAND_IN_RE.sub(" ", own) if signals else own  # less a colleague's absence said by a stand-in
    # "Balasan otomatis dobel" over "Kami menerima 2 balasan otomatis untuk email yang sama": a person about
    # auto-replies they got.
    person_subject = person_subject or bool(_AUTOREPLY_RECEIVED_RE.search(own))
    if (_OOO_SUBJECT_RE.search(subj) and not person_subject) or (signals and _OOO_BODY_RE.search(present)):
        reasons.append("out-of-office")
    if (_BOUNCE_SUBJECT_RE.search(subj) and not person_subject) or (signals and _mail_not_delivered(own)):
        reasons.append("delivery-failure")
    if _NEWSLETTER_RE.search(body.lower()):
        reasons.append("newsletter")
    if "out-of-office" not in reasons and signals and _OOO_MORE_RE.search(present):
        reasons.append("out-of-office")
    if "delivery-failure" not in reasons and (
        _REPORT_SUBJECT_RE.match(subj) or (signals and _REPORT_BODY_RE.search(own))
    ):
        # a mail server's report in other wording, or a delayed delivery still being retried
        reasons.append("delivery-failure")
    if (signals and _READ_BODY_RE.search(own)) or (
        _READ_SUBJECT_RE.match(subj) and len(own.strip()) <= _SHORT_NOTICE
    ):
        reasons.append("read-receipt")
    if signals and _CALENDAR_BODY_RE.search(own):
        reasons.append("calendar")
    if _RECALL_SUBJECT_RE.match(subj) and (
        _RECALL_BODY_RE.search(own[:_SHORT_NOTICE]) or len(own.strip()) <= _SHORT_NOTICE
    ):
        # "Disdukcapil Kota Tarakan ingin menarik pesan, 'Permohonan blangko 3.000 keping'": the client's
        # recall notice, a line or two; the figure is in the recalled subject, not a request.
        reasons.append("message-recall")
    if signals and _TEMPLATE_RE.search(own):
        reasons.append("machine-template")
    if signals and _FORM_SUMMARY_RE.search(own):
        reasons.append("form-summary")
    if (
        not person_subject and (_QUOTA_RE.search(subj) or (signals and _QUOTA_RE.search(own)))
        and not _QUOTA_PHISHING_RE.search(subj + "\n" + own)
        and not _OWN_MAILBOX_RE.search(own)
    ):
        # "Peringatan kuota kotak surat 95%": the mail server's notice of a mailbox filling up.
        reasons.append("quota-notice")
    if not person_subject and _SYSTEM_SUBJECT_RE.search(subj):
        reasons.append("system-subject")
    if (signals and _CARRIER_RE.search(own)) or any(
        m.start() == 0 or not (own[m.start() - 1].isalnum() or own[m.start() - 1] in "*#")
        for m in _DIAL_CODE_RE.finditer(own)
    ):
        reasons.append("carrier-notice")
    return tuple(reasons)


_EOFFICE_NOTICE_RE = re.compile(
    r"(?<![\w-])(?:" + vocab.alternation(vocab.EOFFICE_NOTICE_PHRASES) + r")(?![\w-])", re.IGNORECASE
)
_EOFFICE_CONTENT_RE = re.compile(
    r"^[^\S\n]*(?:" + vocab.alternation(vocab.EOFFICE_CONTENT_LEADS) + r")[^\S\n]*:[^\S\n]*",
    re.IGNORECASE | re.MULTILINE,
)
_EOFFICE_ATTACHED_RE = re.compile(
    r"(?<![\w-])(?:" + vocab.alternation(vocab.EOFFICE_ATTACHED_PHRASES, r"\s*") + r")", re.IGNORECASE
)
_EOFFICE_HEADER_RE = re.compile(
    r"^[^\S\n]*(?:" + vocab.alternation(vocab.EOFFICE_HEADER_FIELDS) + r")[^\S\n]*:[^\S\n]*\S.*$",
    re.IGNORECASE | re.MULTILINE,
)
_EOFFICE_FOOTER_RE = re.compile(
    r"^[^\S\n]*(?:" + vocab.alternation(vocab.EOFFICE_FOOTER_PHRASES) + r")(?![\w-])", re.IGNORECASE | re.MULTILINE
)
_RULE_LINE_RE = re.compile(r"^[^\S\n]*[-=_]{10,}[^\S\n]*$", re.MULTILINE)
_LETTER_LEAST_WORDS = 8  # fewer words after "Isi ringkas:" are no letter


def relayed_letter(text: str, file_attached: bool) -> str | None:
    """The letter an e-office notice carries, as text to read: its "Dari:" and "Hal:" lines, then the letter's
    own words after "Isi ringkas naskah:" (up to the system's footer). A notice that says the letter is
    attached, with a file attached, carries it too (its header lines are all the text there is). None for a
    bare notice ("Anda memiliki 1 naskah masuk ... silakan masuk") or any other mail.

    >>> relayed_letter("Anda menerima naskah dinas baru.\\nDari : Bupati\\nSilakan masuk ke aplikasi.", False) is None
    True
    """
    if not _EOFFICE_NOTICE_RE.search(text):
        return None
    header = "\n".join(m.group().strip() for m in _EOFFICE_HEADER_RE.finditer(text))
    lead = _EOFFICE_CONTENT_RE.search(text)
    if lead is not None:
        footer = _EOFFICE_FOOTER_RE.search(text, lead.end())
        letter = _RULE_LINE_RE.sub("", text[lead.end() : footer.start() if footer else len(text)]).strip()
        if len(letter.split()) >= _LETTER_LEAST_WORDS:
            return header + "\n\n" + letter
    if file_attached and _EOFFICE_ATTACHED_RE.search(text) and header:
        return header
    return None


_FILLED_FORM_RE = re.compile(
    r"(?<![\w-])(?:" + vocab.alternation(vocab.FILLED_FORM_PHRASES) + r")(?![\w-])", re.IGNORECASE
)
_FORM_TRIAL_RE = re.compile(r"(?<![\w-])(?:" + vocab.alternation(vocab.FORM_TRIAL_WORDS) + r")(?![\w-])", re.IGNORECASE)


def filled_form(text: str) -> bool:
    """Whether a system's mail is a form an officer filled in ("Nama Pengisi : Dewi Kartika" ... "Email ini dikirim
    otomatis oleh sistem e-Layanan setelah formulir diisi"), not a trial of the form ("tes formulir, mohon
    diabaikan").

    >>> filled_form("Nama Pengisi : Dewi\\nJumlah Diminta : 900\\nEmail ini dikirim otomatis.")
    True
    >>> filled_form("Nama Pengisi : Dewi\\nAlasan : tes formulir, mohon diabaikan")
    False
    """
    return bool(_FILLED_FORM_RE.search(text)) and not _FORM_TRIAL_RE.search(text)


def speaks_of_autoreplies(text: str) -> bool:
    """Whether a writer's words (any case) say they got auto-replies ("Kami menerima 2 balasan otomatis untuk
    email yang sama, mohon dicek"): a person writing about the desk's replies, no receipt of blanks."""
    return bool(_AUTOREPLY_RECEIVED_RE.search(text.lower()))


def _mail_not_delivered(own: str) -> bool:
    """Whether the writer's words say a mail was not delivered; "Your parcel (2 items, 1.4 kg) could not be
    delivered" is a courier's parcel, said in the sentence before the phrase, not a mail server's bounce."""
    for m in _BOUNCE_BODY_RE.finditer(own):
        lo = max(own.rfind(". ", 0, m.start()), own.rfind("\n\n", 0, m.start()), m.start() - _PARCEL_WINDOW)
        if not _PARCEL_RE.search(own, lo + 1, m.start()):
            return True
    return False


def _own_words(text: str) -> str:
    """The writer's own words: the text less what it quotes, and less a message it forwards below them
    (a forward with no words of its own above it is all the text there is)."""
    above = text_before_forward(text)
    if above is not None and above.strip():
        text = above
    return split_quoted(text)[0]


def automation_reasons(msg: Message, own_addresses: Sequence[str] = ()) -> tuple[str, ...]:
    """Every reason to think a machine sent msg; empty when a person did.

    Accepts an email.message.EmailMessage (any policy). A non-empty result means: never
    auto-reply, and read the message as kind "automated".

    >>> import email, email.policy
    >>> m = email.message_from_string("From: MAILER-DAEMON@x.example\\nSubject: hi\\n\\n", policy=email.policy.default)
    >>> automation_reasons(m)
    ('sender-mailer-daemon',)
    """
    reasons = list(header_reasons(msg, own_addresses))
    parts = extract_from(msg)
    for reason in content_reasons(decode_header_value(msg.get("subject")), parts.text):
        if reason not in reasons:
            reasons.append(reason)
    return tuple(reasons)
