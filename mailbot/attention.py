"""The "perlu dibaca" queue: district and manager mail that ended with no action, reminders, stated stock far
from the ledger's, receipts short of what was shipped; each an item a person closes with a reason."""

from __future__ import annotations

import email
import email.policy
import email.utils
import functools
import math
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import cast

from sqlalchemy import Table, bindparam, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from mailbot import followup
from mailbot.desk import Desk
from mailbot.errors import InvalidAction
from mailbot.guards.commands import opens_with_go_ahead, parse_manager_command
from mailbot.guards.threads import MESSAGE_ID, find_references
from mailbot.guards.trust import SenderTrust
from mailbot.indonesian import number
from mailbot.outcomes import MessageOutcome
from mailbot.outgoing import answering, queue, reply_subject
from mailbot.reader import vocabulary
from mailbot.reader.classify import without_sign_off
from mailbot.reader.verdict import Verdict
from mailbot.store import repo
from mailbot.store.prepared import Prepared
from mailbot.store.schema import AttentionItem, AuditEvent, Message, OutboxMessage, Request

# Why an item waits for a person; the Indonesian is what managers read in the digest and alerts.
REASONS = {
    "other": "bukan permohonan, laporan, atau tanda terima yang dikenali",
    "question": "pertanyaan dari kabupaten/kota",
    "no_figure": "angka tidak dapat dibaca dan tidak ditanyakan kembali",
    "doubt": "ada angka yang masih meragukan",
    "attachment": "angka mungkin ada di lampiran PDF atau gambar",
    "quarantine": "pesan tidak dapat diproses (karantina)",
    "reminder": "pengingat atas permohonan yang belum selesai",
    "after_decision": "tanggapan atas permohonan yang sudah diputuskan atau dikirim",
    "other_address": "permohonan dari alamat lain saat permohonan kabupaten/kota masih terbuka",
    "linked": "permohonan baru saat permohonan kabupaten/kota masih terbuka (putuskan: setujui atau tolak)",
    "linked_follow_up": "tanggapan atas permohonan yang dikaitkan dengan permohonan lain yang masih terbuka "
                        "(belum diterapkan: diputuskan bersama)",
    "manager_other": "email pimpinan yang bukan perintah SETUJU/TOLAK",
    "manager_forward": "email kabupaten/kota yang diteruskan pimpinan untuk ditindaklanjuti",
    "manager_correction": "koreksi angka dari pimpinan (dicatat operator dengan mailbot correct)",
    "receipt_unmatched": "tanda terima tanpa pengiriman yang tercatat",
    "receipt_beside_ask": "penerimaan blangko disebut bersama permohonan blangko lain, belum tercatat",
    "reconcile": "stok yang dilaporkan jauh berbeda dari catatan",
    "shortfall": "blangko yang diterima kurang dari yang dikirim",
    "surplus": "blangko yang diterima lebih dari yang dikirim",
    "other_item": "angka untuk jenis blangko lain (KTP-el/KIA) dalam percakapan permohonan ini",
    "stranger_in_thread": "email dari pengirim yang tidak dikenal atau tidak terverifikasi pada percakapan permohonan",
    "unverified_in_thread": "email dari alamat kabupaten/kota yang tidak lolos pemeriksaan keaslian pada percakapan "
                            "permohonan",
    "unverified_decision": "SETUJU/TOLAK dari alamat yang bukan alamat pimpinan terdaftar (tidak diterapkan; selesai "
                           "sendiri bila permohonan diputuskan)",
    "district_command": "balasan SETUJU/TOLAK dari kabupaten/kota, padahal hanya pimpinan yang dapat memutuskan",
    "managers_thread": "balasan kabupaten/kota atas email yang kami kirim kepada pimpinan",
    "message_id_shared": "Message-ID-nya sudah dipakai oleh email lain yang isinya berbeda (mungkin ada yang palsu)",
    "automated_in_thread": "email kabupaten/kota pada percakapan permohonan yang tampak seperti email otomatis",
    "cancellation": "kabupaten/kota meminta pembatalan permohonan yang sudah disetujui atau dikirim",
    "cancellation_unclear": "permintaan pembatalan disertai angka baru: perlu dipastikan maksudnya",
    "correction_unmatched": "koreksi tanpa permohonan yang cocok",
    "report_correction": "ralat kabupaten/kota atas laporan harian yang sudah dicatat",
    "reminder_unmatched": "pengingat dari kabupaten/kota yang tidak memiliki permohonan terbuka",
    "cancel_denied": "kabupaten/kota meminta agar permohonannya tidak dibatalkan",
    "appeal": "kabupaten/kota memohon agar permohonan yang ditolak dipertimbangkan kembali",
    "need_while_asked": "email baru yang menyebut kebutuhan blangko saat permohonan kabupaten/kota masih menunggu "
                        "jumlahnya (tidak dicatat sebagai laporan harian)",
    "item_changed": "kabupaten/kota menyatakan bahwa jenis blangko yang diperlukan berbeda dari yang tercatat",
    "repeated_change": "perubahan yang sama dikirim dua kali; hanya yang pertama yang kami terapkan",
    "change_withdrawn": "perubahan yang ditarik kembali dalam email yang sama; tidak kami terapkan",
    "receipt_not_arrived": "konfirmasi penerimaan yang menyebutkan blangko belum sampai; tidak dicatat",
    "answered_twice": "pertanyaan kami dijawab dua kali oleh alamat yang berbeda dengan angka yang berbeda; "
                      "jawaban kedua belum kami terapkan",
    "restated_change": "perubahan sebesar yang sudah diterapkan, tanpa membalas pemberitahuan perubahan itu; "
                       "belum diterapkan lagi",
    "other_districts_request": "koreksi, pembatalan, atau tanda terima yang menyebut permohonan kabupaten/kota lain",
    "receipt_before_dispatch": "tanda terima untuk permohonan yang blangkonya belum dikirim (belum dicatat)",
    "receipt_elsewhere": "blangko diterima dari sumber lain (pusat atau kabupaten/kota lain), bukan kiriman "
                         "provinsi (belum dicatat)",
    "receipt_which_shipment": "tanda terima pada percakapan permohonan yang sudah diterima, padahal ada kiriman "
                              "lain yang masih dalam perjalanan",
    "damaged": "tanda terima yang menyebut blangko rusak atau meminta arahan (jumlah diterima dicatat, atau "
               "ditanyakan bila tidak disebut)",
}

# Signs of a machine that lie in a mail's words only (a template sentence, a system's subject tag): a person's
# mail can carry them (a quote no client marked), so a known district sender's mail in its request's thread with
# no other sign is read by a person and acknowledged. An out-of-office note said in words is queued without an
# answer. (A read receipt or a calendar answer may be told by its headers too: never queued.)
_WORDS_ONLY = frozenset({"machine-template", "system-subject", "carrier-notice", "form-summary"})
_CONTENT_REASONS = _WORDS_ONLY | {"out-of-office", "delivery-failure", "newsletter", "message-recall"}
# The same in English, for the operator's `mailbot queue list` (never the code).
OPERATOR_REASONS = {
    "other": "not a request, report or receipt",
    "question": "a question from the district",
    "no_figure": "figures not readable, not asked back",
    "doubt": "a figure still in doubt",
    "attachment": "figures may be in a PDF or image",
    "quarantine": "could not be processed (quarantine)",
    "reminder": "reminder about an open request",
    "after_decision": "reply to a request already decided or dispatched",
    "other_address": "request from another address while the district's is open",
    "linked": "new request while the district's is open (approve or reject)",
    "linked_follow_up": "reply in the thread of a request linked to the district's open one (not applied: decide "
                        "them together)",
    "manager_other": "manager's mail without SETUJU/TOLAK",
    "manager_forward": "a district's mail a manager forwarded to be taken up (the district's own mail, unread)",
    "manager_correction": "a manager's correction of a figure: the operator records it with mailbot correct",
    "receipt_unmatched": "receipt matching no recorded shipment",
    "receipt_beside_ask": "blanks said to have arrived beside an ask for the other blank, not booked",
    "reconcile": "reported stock far from the records",
    "shortfall": "fewer blanks received than sent",
    "surplus": "more blanks received than sent",
    "other_item": "figure for the other item in this request's thread",
    "stranger_in_thread": "unknown or unverified sender in a request's thread",
    "unverified_in_thread": "a district's own address failing the authentication checks in a request's thread",
    "unverified_decision": "SETUJU/TOLAK from an address no listed manager's (not applied; closed when the request is "
                           "decided)",
    "district_command": "SETUJU/TOLAK from a district (only managers decide)",
    "managers_thread": "district's reply to a mail sent to managers",
    "message_id_shared": "Message-ID used by another, different mail (one may be forged)",
    "automated_in_thread": "district mail in a request's thread that looks automated",
    "cancellation": "district asks to cancel a request already approved or dispatched",
    "cancellation_unclear": "cancellation with a new figure beside it: what is meant",
    "correction_unmatched": "correction matching no open request",
    "report_correction": "the district corrects a daily report already booked (`mailbot correct` the report)",
    "reminder_unmatched": "reminder from a district with no open request",
    "cancel_denied": "the district asks not to cancel its request",
    "appeal": "the district asks to reconsider a rejected request (managers told)",
    "need_while_asked": "a new mail stating a need while the district's request waits for its figure (not booked "
                        "as a daily report: the answer?)",
    "item_changed": "the district says the blank it needs is the other item (KTP-el/KIA)",
    "repeated_change": "the same change sent twice (applied once)",
    "change_withdrawn": "a change taken back in the same mail (not applied: what stands?)",
    "receipt_not_arrived": "a receipt saying the blanks have not arrived (not booked; managers told)",
    "answered_twice": "a second answer to our question from another address, with another figure (not applied: "
                      "which holds?)",
    "restated_change": "a change by the same amount as the one applied, written before seeing it (not applied "
                       "again: the same one restated, or one more?)",
    "other_districts_request": "a correction, cancellation or receipt naming another district's request: "
                               "which is meant",
    "receipt_before_dispatch": "a receipt for a request not yet dispatched (nothing booked: dispatched without "
                               "`mailbot dispatch`, or no receipt at all?)",
    "receipt_elsewhere": "blanks received from another source (the ministry, another district), not the "
                         "province's shipment (nothing booked; the district's request may no longer be needed)",
    "receipt_which_shipment": "a receipt in a finished request's thread while another shipment is in transit "
                              "(which shipment, or a recount?)",
    "damaged": "a receipt saying blanks came damaged, or asking what to do (the count received is booked, or asked "
               "back when not given)",
}


# What each kind of queue item asks of the operator (`mailbot queue list`, `mailbot history`).
QUEUE_KINDS = {"read": "to read", "reconcile": "stock to check", "discrepancy": "receipt difference",
               "reminder": "reminder"}


def operator_reason(code: str) -> str:
    """Why an item waits, in the operator's words (English); an unknown code with its underscores as spaces."""
    return OPERATOR_REASONS.get(code, code.replace("_", " "))


# Outcomes of routing after which nothing was done with a district's message.
NO_ACTION = {MessageOutcome.OTHER: "other", MessageOutcome.MANAGER_OTHER: "manager_other",
             MessageOutcome.RECEIPT_UNMATCHED: "receipt_unmatched", MessageOutcome.ATTACHMENT: "attachment",
             MessageOutcome.CORRECTION_UNMATCHED: "correction_unmatched",
             MessageOutcome.REMINDER_UNMATCHED: "reminder_unmatched"}

_QUESTION = re.compile(
    r"\?|\b(?:apakah|kapan|bagaimana|berapa|mohon (?:info|informasi|penjelasan)|bisakah|bolehkah|dimana|di mana|"
    r"when|how|could you|can you|would you|what|which)\b",
    re.IGNORECASE)


def _typed(words: tuple[str, ...]) -> str:
    """A reminder table as an alternation whose spaces are one space each, as the districts type them."""
    return vocabulary.alternation(words, space=" ")


def _stems(stems: tuple[str, ...]) -> str:
    return rf"(?:{vocabulary.alternation(stems)})\w*"


# A reminder, as a class: asking after the request's progress ("menanyakan kelanjutan/tindak lanjut/perkembangan/
# progres/status"), saying nothing came yet ("belum ada kabar/keputusan/jawaban", "belum diproses"), asking when
# it will be done ("kapan … diproses/diputuskan/dikirim"), reminding ("mengingatkan", "mohon ditindaklanjuti"),
# and the English of each; the words of each are tables in mailbot.reader.vocabulary.
_SOON = f"(?:{vocabulary.alternation(vocabulary.SOON_WORDS)})"
# what the province sends, said of the blanks (never the district's own "segera kami kirimkan laporannya")
_SENT = _stems(vocabulary.SENT_STEMS)
_PROGRESS = f"(?:{_typed(vocabulary.PROGRESS_WORDS)})"
# "how is it", in the districts' words (mailbot.reader.vocabulary): "bagaimana kabarnya", Banjar "kaya apa kabarnya"
_HOW = "|".join(map(re.escape, sorted(vocabulary.REMINDER_HOW_WORDS, key=len, reverse=True)))
# "already", the request acted on, "not yet" (mailbot.reader.vocabulary): "udh diproses blm ya?"
_ALREADY = vocabulary.alternation(vocabulary.ALREADY_WORDS)
_ACTED = vocabulary.alternation(vocabulary.REQUEST_ACTED_VERBS)
_NOT_YET = vocabulary.alternation(vocabulary.NOT_YET_WORDS)
_PARTICLE = vocabulary.alternation(vocabulary.REMINDER_PARTICLES)
_DECISION = vocabulary.alternation(vocabulary.DECISION_ASKED_WORDS)
_WHEN = f"(?:{_typed(vocabulary.REMINDER_WHEN_WORDS)})"
# the district's own request, named so: "(tentang) permohonan (blangko KTP-el) kami", "our request"
_OURS = (rf"(?:(?:(?:{_typed(vocabulary.ASKED_ABOUT_WORDS)})\s+)?(?:{_typed(vocabulary.REMINDED_NOUNS)})\s+"
         rf"(?:(?:blangko|blanko)\s+(?:[\w-]+\s+)?)?(?:{_typed(vocabulary.OUR_WORDS)})\b|our\s+request\b)")
_REMINDER = re.compile(
    rf"\b(?:{_typed(vocabulary.REMINDING_WORDS + vocabulary.REMINDER_WORDS)}|{_stems(vocabulary.REMINDING_STEMS)}|"
    rf"menanyakan(?: kembali| lagi| ulang)?\s+(?:\w+\s+){{0,2}}?{_PROGRESS}|"
    rf"(?:{_typed(vocabulary.PROGRESS_ASKED_BEFORE)})\s+(?:\w+\s+){{0,2}}?{_PROGRESS}|"
    rf"(?:{_HOW})\s+(?:\w+\s+){{0,2}}?{_PROGRESS}|"
    # ... with a particle after it, of the request ("bagaimana mi itu permohonan blangko ta'?")
    rf"(?:{_HOW})\s+(?:{_PARTICLE})\s+(?:\w+\s+){{0,2}}?(?:{_typed(vocabulary.REMINDED_NOUNS)})|"
    # "posisinya sekarang di mana ya?": where the approved blanks are, asked
    rf"posisi\w*\s+(?:\w+\s+){{0,2}}?(?:{_typed(vocabulary.WHERE_WORDS)})|"
    rf"(?:{_NOT_YET}) (?:(?:{_PARTICLE}) )?(?:juga |jua )?(?:ada |kami )?"
    rf"(?:{_typed(vocabulary.NO_ANSWER_WORDS + vocabulary.NOT_YET_DONE_WORDS)}|{_stems(vocabulary.NO_ANSWER_STEMS)})|"
    # ... typed on a phone: "kpn dikrm y? sdh seminggu ini"
    rf"{_WHEN}\s+(?:[\w-]+\s+){{0,4}}?(?:{_typed(vocabulary.WHEN_DONE_WORDS)}|(?:{_DECISION})\b)|"
    rf"(?:{_DECISION})\s+(?:\w+\s+){{0,2}}?{_WHEN}\b|"
    rf"(?:{_typed(vocabulary.WAITED_SINCE_WORDS)}) "
    rf"(?:{_typed(vocabulary.WAITED_SPANS)}|\w+ (?:{_typed(vocabulary.WAITED_UNITS)}))|"
    # "permohonan kami yg kmrn itu udh diproses blm ya?", "sudah disetujui belum?", "sampun diproses dereng?"
    rf"(?:{_ALREADY})\s+(?:[\w-]+\s+){{0,2}}?(?:{_ACTED})\b[^.!?\n]{{0,25}}?(?:\b(?:{_NOT_YET})\b|\?)|"
    # "izin bertanya perkembangan usulan kami", "mau tanya progres permohonan blangko kami": the progress of the
    # district's own request asked after
    rf"(?:{_typed(vocabulary.ASKING_VERBS)})\s+(?:\w+\s+){{0,2}}?{_PROGRESS}\w*\s+{_OURS}|"
    # "izin bertanya perkembangan usulan tambahan 4.000 keping dr Tarakan": the progress of a request or a proposal
    # asked after, whoever's it is named as
    rf"(?:{_typed(vocabulary.ASKING_VERBS)})\s+(?:\w+\s+){{0,2}}?{_PROGRESS}\w*\s+"
    rf"(?:{_typed(vocabulary.REMINDED_NOUNS)})\b|"
    # "apakah sdh ada keputusan (pimpinan)", with or without a question mark: whether the request was decided
    rf"{followup.DECISION_YET}|"
    # "Izin menanyakan permohonan kami", "izin bertanya tentang usulan blangko KTP-el kami", "permohonan kami
    # bagaimana ya pak?", "bagaimana dengan permohonan kami?": a polite question after the district's own request
    rf"(?:{_typed(vocabulary.ASKING_VERBS)})\s+{_OURS}|{_OURS}\s+(?:(?:ini|itu|tsb|tersebut|kemarin)\s+)?(?:{_HOW})\b|"
    rf"(?:{_HOW})\s+{_OURS}|"
    # asking after a request sent before in a letter's words ("izin menanyakan surat permohonan ... kami", "apakah
    # sudah ada disposisi?"; mailbot.reader.vocabulary)
    + "|".join(map(re.escape, vocabulary.REMINDER_ASKS)) + "|"
    # an urge to send ("mohon segera dikirim", "kapan blangkonya sampai", "pengirimannya mohon dipercepat"): the
    # request waits on us, whatever else the mail restates ("SETUJU 2.000, mohon segera dikirim")
    rf"{_SOON}\W+(?:\w+\W+){{0,2}}?{_SENT}|"
    rf"{_SENT}\W+(?:\w+\W+){{0,2}}?(?:{_typed(vocabulary.URGED_WORDS)})\s+{_SOON}|"
    rf"(?:{_typed(vocabulary.PLEASE_WORDS)})\s+{_SOON}\s+kirim\w*|"
    # "mohon dihantar secepat mungkin", "tolong dikirim cepat ya": the sending asked, then how soon
    rf"(?:{_typed(vocabulary.PLEASE_WORDS)})\s+{_SENT}\W+(?:\w+\W+){{0,1}}?{_SOON}|"
    rf"{_stems(vocabulary.HASTEN_STEMS)}\s+{_stems(vocabulary.SHIPMENT_STEMS)}|"
    rf"kapan\s+(?:\w+\s+){{0,4}}?(?:{_typed(vocabulary.WHEN_ARRIVES_WORDS)})|"
    rf"{_stems(vocabulary.SEND_SOON_STEMS)}\s+(?:\w+\s+){{0,3}}?(?:{_typed(vocabulary.SEND_SOON_WORDS)}))",
    re.IGNORECASE)
# Asking after blanks on their way: "belum sampai/datang/tiba", "apakah blangkonya sudah dikirim?", "posisi
# kiriman", "when will the blanks be sent?". Of a shipment dispatched, it asks where the blanks are.
_NOT_ARRIVED = re.compile(
    # (and as phones and Manado write it: "blm", "blum", "balom", "so satu minggu barang blum datang")
    r"\b(?:belum|blm|blum|blom|balom|belom) (?:juga )?(?:kami )?(?:sampai|sampe|nyampe|tiba|datang|dtg|diterima|"
    r"terima|masuk)\b|"
    rf"\bapakah\s+(?:\w+\s+){{0,3}}?(?:sudah|telah|sdh|udah)\s+(?:di)?kirim\w*|"
    rf"\b(?:posisi|keberadaan|lacak\w*|tracking|resi)\s+(?:\w+\s+){{0,2}}?{_SENT}|"
    rf"\b(?:posisi|keberadaan)\s+(?:blangko|blanko)\b|"
    # "sudah dikirim belum ya pak?", "udah dikirim blm?", "sudahkah dikirim?", "apa sudah dikirimkan?", "blangkonya
    # sudah dikirim?": whether the blanks left, asked in so many words
    # (never the district's own "laporan sudah kami kirim?")
    r"\b(?:sudah|sdh|udah|telah|dah)(?:kah)?\s+(?:(?!kami\b|saya\b)\w+\s+){0,2}?(?:di)?kirim\w*\b[^.!\n]{0,25}?"
    r"(?:\b(?:belum|blm|blom|belom)\b|\?)|"
    r"\b(?:apa|apakah|apkh|sudahkah|udahkah)\s+(?:(?!kami\b|saya\b)\w+\s+){0,3}?(?:(?:sudah|sdh|udah|telah)\s+)?"
    r"dikirim\w*|"
    r"\bwhen will (?:\w+\s+){0,3}?(?:be )?(?:sent|shipped|dispatched|delivered|arrive)\b|"
    # "has it been sent?", "have the blanks been shipped yet?", "did you send them?", "were they dispatched?"
    r"\b(?:has|have|had|was|were|is|are)\s+(?:[\w-]+\s+){0,5}?(?:been\s+|already\s+)?"
    r"(?:sent|shipped|dispatched|sent out|posted)\b[^.!\n]{0,20}?(?:\?|\byet\b)|"
    r"\bdid (?:you|the province|they)\s+(?:\w+\s+){0,2}?(?:send|ship|dispatch)\b[^.!\n]{0,30}?\?|"
    r"\b(?:sent|shipped|dispatched) (?:\w+ )?yet\b|"
    r"\b(?:not|never) (?:yet )?(?:arrived|received|delivered)\b|\bwhere (?:is|are) (?:the|our)\b|"
    # "we haven't received anything yet", "hasn't arrived"
    r"\b(?:haven't|havent|hasn't|hasnt|have not|has not)\s+(?:yet\s+)?(?:received|arrived|got|gotten)\b",
    re.IGNORECASE)
_FIGURE_FILES = re.compile(r"^(?:application/pdf|image/)", re.IGNORECASE)


@dataclass(frozen=True)
class Waiting:
    """The queue at a glance, for the digest."""

    count: int
    oldest: datetime | None
    items: tuple[AttentionItem, ...]


# --- reading the text ----------------------------------------------------------------------------

def is_question(verdict: Verdict) -> bool:
    return bool(_QUESTION.search(verdict.body_excerpt or ""))


def is_command(verdict: Verdict) -> bool:
    """Whether the mail opens as a manager's decision (SETUJU, TOLAK, "tidak setuju"): from a district it decides
    nothing and is never a receipt or a confirmation; a person reads it."""
    return parse_manager_command(verdict.body_excerpt or "") is not None


# The errors of a command that means to reject (a TOLAK without its reason, "tidak setuju").
_REJECTING_ERRORS = frozenset({"reason_required", "reject_force_reason_required", "negated_approval"})


def is_rejection(verdict: Verdict) -> bool:
    """Whether the mail opens as a manager's rejection (TOLAK, "tidak setuju"), well written or not."""
    command = parse_manager_command(verdict.body_excerpt or "")
    code = getattr(command, "code", None)
    return getattr(command, "action", None) == "reject" or code in _REJECTING_ERRORS


def is_reminder(verdict: Verdict) -> bool:
    return _reminds(verdict.body_excerpt or "") or _reminds(verdict.subject or "")


@functools.lru_cache(maxsize=64)
def _reminds(text: str) -> bool:
    # asked up to three times of the same mail as it is routed: the pattern is tried at every word of the text
    if text.isascii():  # the same answer as ignoring case (the pattern's words are lower case), four times faster
        return bool(_REMINDER_LOWER.search(text.lower()))
    return bool(_REMINDER.search(text))


_REMINDER_LOWER = re.compile(_REMINDER.pattern)  # for ASCII text in lower case


def asks_after_shipment(verdict: Verdict) -> bool:
    """Whether the mail asks where blanks are that it has not received ("blangko belum sampai", "apakah sudah
    dikirim?", "posisi kiriman"): of a dispatched shipment, a reminder answered with when it left. Never a
    receipt, nor a mail asking a figure of its own; a stock said beside the question ("kiriman belum sampai ya?
    Stok kami tinggal 100 keping") makes it no report of figures alone."""
    return (verdict.kind in ("other", "request", "stock_report") and verdict.requested is None
            and verdict.received is None and bool(_NOT_ARRIVED.search(verdict.body_excerpt or "")))


# Whether the blanks already left, asked ("sudah dikirim belum?", "apakah sudah dikirim?", "has it been sent yet?"):
# never when they can be sent ("apakah bisa dikirim minggu ini?", a question for a person).
_SENT_YET = re.compile(r"\b(?:sudah|sdh|udah|telah|dah)(?:kah)?\b[^.!?\n]{0,30}?\b(?:di)?kirim\w*|"
                       r"\b(?:been|already)\s+(?:sent|shipped|dispatched)\b|"
                       r"\b(?:sent|shipped|dispatched) (?:\w+ )?yet\b",
                       re.IGNORECASE)


def asks_if_sent(verdict: Verdict) -> bool:
    """Whether the mail asks if blanks not received were sent already (asks_after_shipment, in so many words): of
    a request approved and not yet sent, the district is told so.

    >>> from mailbot.reader.verdict import Verdict
    >>> asks_if_sent(Verdict(kind="other", district=None, sender_known=True, sender=None, item=None,
    ...                      body_excerpt="Pak, blangkonya sudah dikirim belum?"))
    True
    >>> asks_if_sent(Verdict(kind="other", district=None, sender_known=True, sender=None, item=None,
    ...                      body_excerpt="Pak, apakah blangkonya bisa dikirim minggu ini?"))
    False
    """
    return asks_after_shipment(verdict) and bool(_SENT_YET.search(verdict.body_excerpt or ""))


def figure_attachments(raw: bytes | None) -> list[str]:
    """Names of PDF and image attachments, which may hold figures the reader cannot see."""
    if not raw:
        return []
    try:
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        return [part.get_filename() or part.get_content_type() for part in msg.walk()
                if not part.is_multipart() and _FIGURE_FILES.match(part.get_content_type())
                and (part.get_filename() or part.get_content_disposition() == "attachment")]
    except Exception:  # noqa: BLE001 - a best effort on mail already read
        return []


def figures_elsewhere(message: Message, verdict: Verdict, trust: SenderTrust) -> bool:
    """A trusted district's request or report with no figure read but a PDF or image attached."""
    return (trust.trusted and trust.district is not None and verdict.kind in ("request", "stock_report", "receipt")
            and all(verdict.quantity(f) is None for f in ("requested", "stock_on_hand", "received", "printed",
                                                          "recorded"))
            and bool(figure_attachments(message.raw)))


# --- opening items -------------------------------------------------------------------------------

def open_item(session: Session, desk: Desk, *, key: str, kind: str, reason: str, detail: str | None = None,
              district: str | None = None, item: str | None = None, quantity: int | None = None,
              message: Message | None = None, request: Request | None = None) -> tuple[int, bool]:
    """The item under *key*, opened now unless it exists; (its id, opened now).

    A new item is written at once by a Core statement (no ORM object to flush with the message's work), one
    INSERT that does nothing when the key is there (then the key's item is looked up): one statement for the
    new item the message path opens, not a look-up before it."""
    # first, what a look-up of the key flushed: an item added by hand, the rows the new one refers to
    session.flush()
    connection = session.connection()
    opened = _OPEN_NEW_ITEM[connection.dialect.name].scalar(connection, {
        "key": key, "kind": kind, "reason": reason, "detail": (detail or "")[:2000] or None, "district": district,
        "item": item, "quantity": quantity, "message_pk": message.id if message is not None else None,
        "request_pk": request.id if request is not None else None, "opened_at": desk.now(),
        "alerted_at": None, "closed_at": None, "closed_by": None, "resolution": None})
    if opened is None:
        return connection.execute(_ITEM_BY_KEY, {"key": key}).scalar_one(), False
    return opened, True


def open_item_for(session: Session, *, kind: str, district: str, item: str) -> int | None:
    """The id of the oldest item of *kind* not yet closed for *district* and *item*, or None.

    A plain look-up of the id, no ORM row loaded (restate() keeps a row already loaded in step); the
    session is flushed first only when it holds a change to the queue, as open_items() does."""
    if _queue_changed(session, (kind,)):
        session.flush()
    found: int | None = _OPEN_ITEM_ID_FOR.scalar(session.connection(), {"kind": kind, "district": district,
                                                                        "item": item})
    return found


def restate(session: Session, item_id: int, *, detail: str, quantity: int | None, message: Message) -> None:
    """The open item *item_id* now says *detail* (and *quantity*), from *message*: written at once by a Core
    statement, a row of it already loaded kept in step, so that nothing waits in the session to be flushed."""
    values = {"detail": detail, "quantity": quantity, "message_pk": message.id}
    _RESTATE.run(session.connection(), {"item_id": item_id, **values})
    loaded = session.identity_map.get(identity_key(AttentionItem, item_id))
    if loaded is not None:
        for name, value in values.items():
            set_committed_value(loaded, name, value)


_ITEMS = cast(Table, AttentionItem.__table__)
_ITEM_BY_KEY = select(AttentionItem.id).where(AttentionItem.key == bindparam("key"))
_OPEN_NEW_ITEM = {name: Prepared(insert_of(_ITEMS).on_conflict_do_nothing(index_elements=["key"])
                                  .returning(_ITEMS.c.id))
                  for name, insert_of in (("sqlite", sqlite.insert), ("postgresql", postgresql.insert))}


def after_route(session: Session, desk: Desk, message: Message, verdict: Verdict, trust: SenderTrust,
                outcome: MessageOutcome) -> bool:
    """Put mail from a known district sender or a manager that ended with no action in the queue, and
    acknowledge it once; True when it was queued."""
    if verdict.kind == "automated":
        return _automated_in_thread(session, desk, message, verdict, trust)
    if not trust.trusted or not (trust.district or trust.is_manager):
        return False
    if outcome in (MessageOutcome.REPEATED_REQUEST, MessageOutcome.ASKED_BEFORE):
        # the district's request sent again: recorded on it, and its sender told so once; a mail we asked back about
        # sent again: our question stands
        return False
    reason = NO_ACTION.get(outcome)
    if reason is None and outcome.is_managers:
        return False  # a manager's command, acted on or answered: its figures are no district's figures
    if outcome == MessageOutcome.FOLLOW_UP_CONFIRMED:
        # a mail recorded as the district's confirmation was read whole (a thanks, a promise to count the blanks when
        # they come): the reading's doubts are about figures it only restates, nothing for a person to read
        return False
    no_figures = all(verdict.quantity(f) is None for f in ("requested", "stock_on_hand", "received", "printed",
                                                            "recorded"))
    if reason is None and not no_figures and not verdict.doubts:
        return False  # the common case, acted on with its figures: no look at the outbox or the MIME parts
    replied = _replied(session, message)
    attachments = figure_attachments(message.raw) if no_figures else []
    if attachments and no_figures:
        reason = "attachment"
    elif reason == "other" and is_command(verdict) and not trust.is_manager:
        reason = "district_command"
    elif reason == "other" and is_question(verdict):
        reason = "question"
    elif reason == "manager_other" and followup.says_recount(verdict.body_excerpt or ""):
        # "KOREKSI: stok Nunukan yang benar 1.300 keping, bukan 300" on a held notice: no command, but a reading
        # to correct; the manager is told who records it and how
        reason = "manager_correction"
    elif reason is None and verdict.doubts and not outcome.asks_back and not replied:
        # "mohon permohonan kami jangan dibatalkan": the words deny a cancelling, no figure is in doubt
        reason = "cancel_denied" if no_figures and followup.denies_cancelling(verdict.body_excerpt or "") else "doubt"
    elif reason is None and verdict.kind in ("request", "stock_report", "receipt") and no_figures and not replied:
        reason = "no_figure"
    if reason is None:
        return False
    detail = (f"{verdict.subject}\n{without_sign_off(verdict.body_excerpt or '')}" if not attachments else
              f"{verdict.subject}\nlampiran: {', '.join(attachments)}")
    thread = _thread_request(session, verdict)
    if thread is None and trust.is_manager:
        # a manager's answer to the held notice: its request, by the notice it answers
        thread = repo.request_by_outbound_message_id(session, [
            i for i in ([verdict.in_reply_to] if verdict.in_reply_to else []) + list(verdict.references)
            if MESSAGE_ID.fullmatch(i or "")])
    # a manager writes for no district: the item carries the district of the request he answers
    district = trust.district or (thread.district if thread is not None and trust.is_manager else None)
    _, opened = open_item(session, desk, key=f"read:message:{message.id}", kind="read", reason=reason,
                          detail=detail, district=district, item=verdict.item, message=message, request=thread)
    if not replied and (opened or not outcome.is_follow_up):
        # (a follow-up the route queued itself was acknowledged there, under the request it named)
        acknowledge(session, desk, message, verdict, to=trust.address, thread=thread, reason=reason)
    return True


def _automated_in_thread(session: Session, desk: Desk, message: Message, verdict: Verdict,
                         trust: SenderTrust) -> bool:
    """A known district sender's mail in its own request's thread, read as automated from its words alone (no
    Auto-Submitted, List-*, Precedence or delivery-report header, no machine's address): never dropped silently.
    It waits for a person, and its sender is told so when only its wording looked like a machine's."""
    reasons = set(verdict.automated_reasons)
    if not reasons or not reasons <= _CONTENT_REASONS or not trust.trusted or trust.is_manager or not trust.district:
        return False
    thread = _thread_request(session, verdict) or repo.request_by_outbound_message_id(session, [
        i for i in ([verdict.in_reply_to] if verdict.in_reply_to else []) + list(verdict.references)
        if MESSAGE_ID.fullmatch(i or "")])
    if thread is None or thread.district != trust.district:
        return False
    open_item(session, desk, key=f"read:message:{message.id}", kind="read", reason="automated_in_thread",
              detail=f"{verdict.subject}\n{without_sign_off(verdict.body_excerpt or '')}", district=trust.district,
              item=thread.item,
              message=message, request=thread)
    if reasons <= _WORDS_ONLY and not _replied(session, message):
        acknowledge(session, desk, message, verdict, to=trust.address, thread=thread)
    return True


def acknowledge(session: Session, desk: Desk, message: Message, verdict: Verdict | None, *, to: str | None,
                thread: Request | None, reason: str | None = None,
                set_aside: list[dict[str, object]] | None = None, district: str | None = None) -> bool:
    """One short note that a person will read the message: at most once per thread (its purpose says so).
    For some *reason*s it says why nothing was done (a correction no request fits, an answer to the managers'
    mail, a manager's mail that is no command, the other blank's figures *set_aside*); *district*: the sender's
    district when the message was never routed to record it (a quarantined one). True when the note is queued
    to go (not held by the per-sender cap)."""
    if not to:
        return False
    district = message.district or district
    if (thread is not None and district and thread.district != district
            and not (message.guard or {}).get("is_manager")):
        thread = None  # another district's request (its mail forwarded or answered) is never named to this one
    root = thread.reference if thread is not None else _thread_root(message, verdict)
    manager = bool((message.guard or {}).get("is_manager"))
    # a manager's mail that decides nothing is answered each time, whoever wrote it and whatever he was told before
    # in the thread: he may think his words decided, and nothing else would tell him they did not
    purpose = f"ack:{root}:{to.lower()[:200]}:{message.id}" if manager else f"ack:{root}"
    subject = verdict.subject if verdict is not None else message.subject
    queued = queue(session, desk, purpose=purpose, category="reply", template="reply_will_read", to=[to],
          subject=reply_subject(subject, thread.reference if thread is not None else None),
          request_pk=thread.id if thread is not None else None,
          context={"district_name": desk.district_name(district)
                   if district and not (message.guard or {}).get("is_manager") else None,
                   # the footer asks to keep a reference only when the subject answered carries one
                   "referenced": thread is not None or bool(find_references(subject or "")),
                   "manager": manager,
                   "reference": thread.reference if thread is not None else None,
                   "why": reason if reason in _TOLD_WHY else None, "set_aside": set_aside or [],
                   # a manager's words that are no command are quoted back to him: what he wrote, not a syntax alone
                   "said": _first_words(verdict.body_excerpt if verdict is not None else None)
                   if manager and reason == "manager_other" else None,
                   # ... and whether they open with words of going ahead, which alone would have approved: what kept
                   # them from deciding, the words with them or a request not waiting
                   "go_ahead": ("with_words" if thread is None or thread.state == "held" else "not_waiting")
                   if manager and reason == "manager_other"
                   and opens_with_go_ahead(verdict.body_excerpt if verdict is not None else "") else None,
                   "request_item": thread.item or "ktp-el" if thread is not None else None,
                   # the figures of the commands shown to a manager: the request's own
                   **command_figures(thread)},
          reply_to=answering(message, verdict), writer_text=verdict.body_excerpt if verdict is not None else None)
    return queued.suppressed_reason is None


def command_figures(req: Request | None) -> dict[str, int | None]:
    """The figures a reply to a manager shows in its example commands ("SETUJU 200", "SETUJU 800 PAKSA <alasan>"):
    the request's own, its proposal while it waits for the managers and the figure it asks (None: not known)."""
    if req is None:
        return {"proposal": None, "asked": None}
    proposal = req.approved if req.state in ("held", "rejected") and req.approved else None
    return {"proposal": proposal, "asked": req.requested or proposal}


def _first_words(text: str | None, limit: int = 200) -> str | None:
    """The writer's first paragraph on one line, cut at *limit* characters at a word ("..." after it)."""
    para = " ".join((text or "").strip().split("\n\n")[0].split())
    if not para:
        return None
    return para if len(para) <= limit else para[:limit].rsplit(" ", 1)[0] + " ..."


# The reasons an acknowledgement explains (templates/reply_will_read.txt.j2).
_TOLD_WHY = frozenset({"correction_unmatched", "report_correction", "report_fixed", "reminder_unmatched",
                       "managers_thread",
                       "receipt_elsewhere",
                       "manager_other", "manager_correction", "manager_forward",
                       "other_item", "item_changed", "repeated_change", "restated_change",
                       "change_withdrawn", "receipt_not_arrived",
                       "other_districts_request", "crossed_change", "answered_twice"})


def _replied(session: Session, message: Message) -> bool:
    """Whether routing already queued an answer to this message (a reply, clarification, decision)."""
    return session.scalar(select(func.count()).select_from(OutboxMessage).where(
        OutboxMessage.purpose.in_((f"reply:{message.id}",)))) != 0


def _thread_root(message: Message, verdict: Verdict | None) -> str:
    refs = [r for r in (verdict.references if verdict else ()) if MESSAGE_ID.fullmatch(r)]
    return refs[0] if refs else (message.message_id or f"message:{message.id}")


def _thread_request(session: Session, verdict: Verdict) -> Request | None:
    for reference in find_references(verdict.subject):
        found = repo.request_by_reference(session, reference)
        if found is not None:
            return found
    return None


def quarantined(session: Session, desk: Desk, message: Message, trust: SenderTrust | None, *,
                acknowledge_sender: bool = True) -> bool:
    """A message that could not be processed: a person reads it; a known sender is told so, once (True when that
    note is queued to go, for the operator's notice to say)."""
    district = trust.district if trust is not None and trust.trusted else None
    open_item(session, desk, key=f"read:message:{message.id}", kind="read", reason="quarantine",
              detail=f"{message.subject}\n{message.error or ''}", district=district, message=message)
    if acknowledge_sender and trust is not None and trust.trusted and (trust.district or trust.is_manager):
        return acknowledge(session, desk, message, None, to=trust.address, thread=None,
                           district=None if trust.is_manager else trust.district)
    return False


def message_id_shared(session: Session, desk: Desk, message: Message, first: Message) -> None:
    """*message* carries the Message-ID of *first*, another message stored before it: both were read, each on its
    own; a person looks at the two (one may be a forgery that took the Message-ID of the other ahead of it)."""
    open_item(session, desk, key=f"message-id:{message.id}", kind="read", reason="message_id_shared",
              detail=f"{message.subject}\nMessage-ID {message.message_id} juga dipakai oleh email #{first.id} "
                     f"dari {first.sender or '(tanpa alamat)'} ({first.subject})",
              district=message.district, message=message)


def replayed(session: Session, desk: Desk, message: Message) -> None:
    """A quarantined message processed again: its queue item is closed (and let go of the row replaced)."""
    for item in session.scalars(select(AttentionItem).where(AttentionItem.message_pk == message.id)):
        item.message_pk = None
        if item.closed_at is None:
            item.closed_at, item.closed_by, item.resolution = desk.now(), "mailbot", "diproses ulang (replay)"
    session.flush()


def dismissed(session: Session, desk: Desk, message: Message, *, actor: str, reason: str) -> None:
    """A quarantined message the operator took off the quarantine list: its open queue items are closed with the
    dismissal's reason, so neither the queue nor the digest asks for it again."""
    for item in session.scalars(select(AttentionItem).where(AttentionItem.message_pk == message.id,
                                                            AttentionItem.closed_at.is_(None))):
        item.closed_at, item.closed_by = desk.now(), actor
        item.resolution = f"dikeluarkan dari karantina: {reason}"
    session.flush()


# --- reminders -----------------------------------------------------------------------------------

STATE_TEXT = {
    "clarifying": "menunggu jawaban Bapak/Ibu atas pertanyaan kami",
    "held": "sedang ditinjau oleh pimpinan",
    "approved": "telah disetujui dan sedang disiapkan untuk dikirim",
    "dispatched": "telah dikirim dan menunggu konfirmasi penerimaan",
    "received": "telah diterima",
    "rejected": "tidak dapat disetujui",
    "withdrawn": "telah ditutup oleh petugas kami dan tidak lagi dicatat sebagai permohonan",
    "cancelled": "telah dibatalkan atas permintaan Bapak/Ibu",
    "superseded": "telah ditutup dan digantikan oleh permohonan yang dikirim dari alamat email resmi kabupaten/kota",
    "linked": "dikaitkan dengan permohonan lain yang masih terbuka dan menunggu keputusan petugas",
}
# The same states told to the managers, where the district's words would address them wrongly ("menunggu jawaban
# Bapak/Ibu" is the district's to give).
MANAGER_STATE_TEXT = {**STATE_TEXT,
                      "clarifying": "menunggu jawaban kabupaten/kota atas pertanyaan kami",
                      "cancelled": "telah dibatalkan atas permintaan kabupaten/kota"}


def received_at(session: Session, request: Request) -> datetime:
    """When the district sent the request: its mail's Date header, never later than the mail reached the desk
    (its processing may come later, e.g. after a quarantine) and never more than _DATE_LEEWAY before it
    (a wrong clock); without a usable Date, when it reached the desk."""
    created = _aware(request.created_at)
    message = session.get(Message, request.message_pk) if request.message_pk is not None else None
    if message is None:
        return created
    arrived = min(created, _aware(message.received_at))
    written = _date_header(message.raw)
    if written is None:
        return arrived
    return max(min(written, arrived), arrived - _DATE_LEEWAY)


_DATE_LEEWAY = timedelta(days=60)
_DATE_HEADER = re.compile(rb"^date:[ \t]*(.*(?:\r?\n[ \t].*)*)", re.IGNORECASE | re.MULTILINE)
_HEADERS_END = re.compile(rb"\r?\n\r?\n")


def _date_header(raw: bytes | None) -> datetime | None:
    """The Date header of *raw* as an aware datetime, or None when there is none or it cannot be read."""
    if not raw:
        return None
    end = _HEADERS_END.search(raw)
    found = _DATE_HEADER.search(raw[: end.start()] if end else raw[:65536])
    if found is None:
        return None
    try:
        value = email.utils.parsedate_to_datetime(found.group(1).decode("ascii", "replace").strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return _aware(value) if value is not None else None


def reminder(session: Session, desk: Desk, message: Message, verdict: Verdict, trust: SenderTrust,
             request: Request, *, new_stock: int | None = None,
             stated_stock: int | None = None) -> MessageOutcome:
    """A district reminds us of its request: linked to it, escalated to the managers with how long it has
    waited, and the district is told where its request stands (and that the stock it stated, *stated_stock*,
    is kept). *new_stock*: a stock the reminder states that the request does not hold; on a request waiting
    for a decision the managers hear of it, even when a reminder before reached them already (the need they
    read was worked out on the older stock). A request linked to the district's open one is answered as itself,
    waiting for a person's decision, with where that open one stands beside it."""
    now = desk.now()
    waited = waiting_text(now - received_at(session, request))
    linked = linked_facts(session, desk, request)
    sent_on = dispatched_at(session, request) if request.state == "dispatched" else None
    # blanks on their way: the managers hear of them only once the shipment is overdue (out longer than
    # attention_hours); until then the district is told when they left
    overdue = sent_on is None or now - _aware(sent_on) > timedelta(hours=desk.config.alerts.attention_hours)
    item_id, _ = open_item(session, desk, key=f"read:message:{message.id}", kind="reminder", reason="reminder",
                           detail=f"{verdict.subject}\n{without_sign_off(verdict.body_excerpt or '')}",
                           district=request.district,
                           item=request.item, message=message, request=request)
    repo.audit(session, at=now, actor=trust.address or "district", action="reminder", target=request.reference,
               details={"message": message.id, "waited": waited})
    # escalated once per request per attention period: two reminders minutes apart are one notice
    since = now - timedelta(hours=desk.config.alerts.attention_hours)
    escalated = session.scalar(select(func.count()).select_from(OutboxMessage).where(
        OutboxMessage.request_pk == request.id, OutboxMessage.purpose.like("reminder:%"),
        OutboxMessage.created_at > since))
    if overdue:
        # the managers hear of the reminder by its notice (now, or the one sent within the attention period): the
        # queue's waiting alert never tells them of it a second time
        mark_alerted(session, item_id, now)
    news = new_stock is not None and request.state in ("held", "clarifying", "linked")
    if (not escalated or news) and overdue:
        queue(session, desk, purpose=f"reminder:{message.id}", category="notice", template="notice_reminder",
              to=desk.config.office.managers, request_pk=request.id,
              context={"reference": request.reference, "district_name": desk.district_name(request.district),
                       "sender": trust.address or "-", "item": request.item, "requested": request.requested,
                       "approved": request.approved, "state": request.state,
                       "state_text": MANAGER_STATE_TEXT.get(request.state, request.state),
                       "waited": waited, "excerpt": without_sign_off(verdict.body_excerpt or "")[:600],
                       "since": received_at(session, request).astimezone(desk.tz).date().isoformat(),
                       "dispatched_on": sent_on.astimezone(desk.tz).date().isoformat() if sent_on else None,
                       "in_transit": waiting_text(now - _aware(sent_on)) if sent_on else None,
                       "new_stock": new_stock if news else None, "recorded_stock": request.stock_on_hand,
                       **linked})
    queue(session, desk, purpose=f"reply:{message.id}", category="reply", template="reply_reminder",
          to=[trust.address] if trust.address else [], request_pk=request.id,
          subject=reply_subject(verdict.subject, request.reference),
          context={"district_name": desk.district_name(request.district), "reference": request.reference,
                   "item": request.item, "requested": request.requested, "approved": request.approved,
                   "state": request.state, "state_text": STATE_TEXT.get(request.state, request.state),
                   "since": received_at(session, request).astimezone(desk.tz).date().isoformat(),
                   # only the reminder that went to the managers says so; a later one says they know already
                   "escalated": (not escalated or news) and overdue,
                   "told_before": bool(escalated) and not news and overdue,
                   "dispatched_on": sent_on.astimezone(desk.tz).date().isoformat() if sent_on else None,
                   "stated_stock": stated_stock, **linked},
          reply_to=answering(message, verdict), writer_text=verdict.body_excerpt)
    return MessageOutcome.REMINDER


def linked_facts(session: Session, desk: Desk, request: Request) -> dict[str, object]:
    """Where the open request a linked *request* was linked to stands (its reference, figures, state and when its
    blanks left), for the mails about *request*; nothing for a request not linked."""
    other = session.get(Request, request.linked_to) if request.state == "linked" and request.linked_to else None
    if other is None:
        return {}
    sent_on = dispatched_at(session, other) if other.state in ("dispatched", "received") else None
    return {"linked_reference": other.reference, "linked_requested": other.requested,
            "linked_approved": other.approved, "linked_state": other.state,
            "linked_state_text": STATE_TEXT.get(other.state, other.state),
            "linked_dispatched_on": sent_on.astimezone(desk.tz).date().isoformat() if sent_on else None}


def mark_alerted(session: Session, item_id: int, at: datetime) -> None:
    """The managers were told of item *item_id* at *at* (a notice of its own): the waiting alert passes it by."""
    session.execute(update(_ITEMS).where(_ITEMS.c.id == item_id, _ITEMS.c.alerted_at.is_(None)).values(alerted_at=at))
    loaded = session.identity_map.get(identity_key(AttentionItem, item_id))
    if loaded is not None and loaded.alerted_at is None:
        set_committed_value(loaded, "alerted_at", at)


def dispatched_at(session: Session, request: Request) -> datetime | None:
    """When *request*'s shipment left the province store (its dispatch, by command or by a receipt)."""
    return session.scalar(select(AuditEvent.at).where(AuditEvent.action == "dispatch",
                                                      AuditEvent.target == request.reference)
                          .order_by(AuditEvent.id.desc()).limit(1))


def waiting_text(delta: timedelta) -> str:
    """'3 hari 4 jam' from a timedelta."""
    days, hours = delta.days, delta.seconds // 3600
    if days:
        return f"{days} hari {hours} jam" if hours else f"{days} hari"
    return f"{hours} jam" if hours else "kurang dari 1 jam"


def limit_text(hours: float) -> str:
    """[alerts] attention_hours in words: "24 jam", "1,5 jam"; under an hour in minutes ("5 menit"), never
    "0,0 jam".

    >>> limit_text(24), limit_text(1.5), limit_text(0.25), limit_text(0.001)
    ('24 jam', '1,5 jam', '15 menit', '1 menit')
    """
    if hours >= 1:
        return f"{number(hours)} jam"
    return f"{max(1, math.ceil(round(hours * 60, 6)))} menit"


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


# --- the waiting alert, the digest, closing ------------------------------------------------------

def open_items(session: Session, *, kinds: tuple[str, ...] | None = None) -> list[AttentionItem]:
    """The items not yet closed (of *kinds*), oldest first. The session is flushed first only when it holds
    a change to the queue: other pending rows cannot change the answer, and are written with the rest."""
    query, params = (_OPEN_ITEMS_OF, {"kinds": list(kinds)}) if kinds else (_OPEN_ITEMS, {})
    if not _queue_changed(session, kinds):
        with session.no_autoflush:
            return list(session.scalars(query, params))
    return list(session.scalars(query, params))


def _queue_changed(session: Session, kinds: tuple[str, ...] | None) -> bool:
    """Whether the session holds an unflushed change to an attention item (of *kinds*, for a new one)."""
    return any(isinstance(o, AttentionItem) and (not kinds or o.kind in kinds) for o in session.new) or any(
        isinstance(o, AttentionItem) for o in (*session.dirty, *session.deleted))


_OPEN_ITEMS = select(AttentionItem).where(AttentionItem.closed_at.is_(None)).order_by(
    AttentionItem.opened_at, AttentionItem.id)
_OPEN_ITEMS_OF = _OPEN_ITEMS.where(AttentionItem.kind.in_(bindparam("kinds", expanding=True)))
_OPEN_ITEM_ID_FOR = Prepared(select(_ITEMS.c.id).where(
    _ITEMS.c.closed_at.is_(None), _ITEMS.c.kind == bindparam("kind"), _ITEMS.c.district == bindparam("district"),
    _ITEMS.c.item == bindparam("item")).order_by(_ITEMS.c.opened_at, _ITEMS.c.id).limit(1))
_RESTATE = Prepared(update(_ITEMS).where(_ITEMS.c.id == bindparam("item_id")).values(
    detail=bindparam("detail"), quantity=bindparam("quantity"), message_pk=bindparam("message_pk")))


def check_waiting(session: Session, desk: Desk) -> int:
    """Alert the managers, once per item, about items that waited longer than [alerts] attention_hours."""
    now = desk.now()
    limit = timedelta(hours=desk.config.alerts.attention_hours)
    late = [i for i in open_items(session) if i.alerted_at is None and now - _aware(i.opened_at) > limit]
    if not late:
        return 0
    senders = _senders(session, late)
    lines = [_line(desk, i, now, senders) for i in late]
    queue(session, desk, purpose=f"attention-late:{','.join(str(i.id) for i in late)}"[:300], category="alert",
          template="alert_attention_waiting", to=desk.config.office.managers,
          context={"lines": lines, "limit": limit_text(desk.config.alerts.attention_hours), "count": len(late)})
    for i in late:
        i.alerted_at = now
    return len(late)


def _senders(session: Session, items: list[AttentionItem]) -> dict[int, str | None]:
    """The sender of each item's message, for the items of no district and a manager's mail (one look-up)."""
    pks = {i.message_pk for i in items
           if (not i.district or (i.reason or "").startswith("manager_")) and i.message_pk is not None}
    if not pks:
        return {}
    return {pk: sender for pk, sender in session.execute(select(Message.id, Message.sender).where(Message.id.in_(pks)))}


def who(desk: Desk, district: str | None, sender: str | None) -> str:
    """Whom a queue item is about, in the digest's words: the district's name; else the manager ("pimpinan
    (kadis@...)", with the district of the request he answered: "pimpinan (kadis@...) tentang Kabupaten Nunukan"),
    the operator, or the sender who wrote it; never a bare "-"."""
    address = (sender or "").strip()
    if address.lower() in {m.lower() for m in desk.config.office.managers}:
        return f"pimpinan ({address})" + (f" tentang {desk.district_name(district)}" if district else "")
    if district:
        return desk.district_name(district)
    if address and address.lower() == (desk.config.office.operator or "").lower():
        return f"operator ({address})"
    return f"pengirim {address}" if address else "pengirim tidak diketahui"


def _line(desk: Desk, i: AttentionItem, now: datetime, senders: dict[int, str | None]) -> dict[str, object]:
    sender = senders.get(i.message_pk) if i.message_pk is not None else None
    return {"id": i.id, "reason": REASONS.get(i.reason, "perlu dibaca"),
            "district_name": who(desk, i.district, sender), "waited": waiting_text(now - _aware(i.opened_at)),
            "detail": _shown_detail(i),
            "quantity": difference_text(i),
            "direction": "lebih" if (i.quantity or 0) < 0 else "kurang",
            "amount": number(abs(i.quantity)) if i.quantity is not None else None}


def _shown_detail(i: AttentionItem) -> str:
    r"""What the digest quotes of an item: of a message to read (a question, a reminder), the writer's own words
    after its subject, never the subject alone; of the others, their first line.

    >>> from mailbot.store.schema import AttentionItem
    >>> _shown_detail(AttentionItem(kind="read", detail="Re: [BLK-2026-0001] Permohonan\nApakah bisa ditambah?"))
    'Apakah bisa ditambah?'
    """
    lines = [line.strip() for line in (i.detail or "").splitlines() if line.strip()]
    if not lines:
        return ""
    if i.reason == "quarantine":
        return quarantine_said(" ".join(lines[1:]))
    if i.kind in ("read", "reminder") and len(lines) > 1:
        words = " ".join(" ".join(lines[1:]).split())
        return words if len(words) <= 160 else words[:159].rstrip() + "…"
    return lines[0][:120]


# A limit's error as the reader and the intake guards write it: "max_attachments: message has 12 attachments, over
# the limit of 10" (the setting, what was measured, the limit).
_OVER_LIMIT_RE = re.compile(
    r"^(?P<setting>[a-z_]+): .*?(?P<actual>\d[\d.]*)[^\d,]*, over the limit of (?P<maximum>\d[\d.]*)$")
_MB = 1024 * 1024


# What a quarantine's reason says when no known cause explains it (a fault of the program): the error itself is the
# operator's to read in `mailbot quarantine`.
QUARANTINE_ELSEWHERE = "rinciannya dapat dilihat petugas pada daftar karantina"

# The causes of a quarantine other than a configured limit with its figures, by how their error begins (the
# reader's and the intake's one-line errors), in the Indonesian of the notices; the first that matches says it.
_QUARANTINE_CAUSES: tuple[tuple[str, str], ...] = (
    ("max_mime_parts:", "susunan emailnya terlalu rumit untuk dibaca (bagiannya terlalu banyak)"),
    ("mime_parts:", "susunan emailnya terlalu rumit untuk dibaca (bagiannya terlalu banyak)"),
    ("max_mime_depth:", "susunan emailnya terlalu rumit untuk dibaca (bagiannya bertingkat terlalu dalam)"),
    ("mime_depth:", "susunan emailnya terlalu rumit untuk dibaca (bagiannya bertingkat terlalu dalam)"),
    ("headers:", "bagian kepala (header) emailnya terlalu banyak"),
    ("header_chars:", "salah satu baris kepala (header) emailnya terlalu panjang"),
    ("line_chars:", "ada baris teks yang terlalu panjang untuk dibaca"),
    ("text_chars:", "teksnya terlalu panjang untuk dibaca"),
    ("text_lines:", "teksnya terlalu banyak baris untuk dibaca"),
    ("html_chars:", "bagian HTML-nya terlalu panjang untuk dibaca"),
    ("spreadsheet_", "lampiran lembar kerjanya (spreadsheet) terlalu besar untuk dibaca"),
    ("parse_seconds:", "membacanya memakan waktu terlalu lama"),
    ("memory:", "membacanya menghabiskan memori komputer"),
    ("empty input", "isinya kosong, bukan email"),
    ("binary data", "isinya data biner (berkas), bukan email"),
    ("no header block", "tidak ada bagian kepala (header), jadi bukan email"),
    ("no from, date, subject or message-id header", "tidak ada kepala From, Date, Subject maupun Message-ID, jadi "
     "bukan email"),
    ("cannot be parsed as an email", "bentuknya rusak sehingga tidak dapat dibaca sebagai email"),
    ("could not parse the mime structure", "bentuknya rusak sehingga tidak dapat dibaca sebagai email"),
    ("sender headers could not be read", "alamat pengirimnya (kepala From) tidak dapat dibaca"),
    ("message could not be fetched", "email tidak dapat diambil dari server email masuk"),
)


def _size(count: int) -> str:
    """A size in bytes as a manager reads it: "25 MB", "10,3 MB", under a megabyte "3,5 KB" (never "0 MB")."""
    if count >= _MB:
        return f"{number(round(count / _MB, 1))} MB"
    return f"{number(max(round(count / 1024, 1), 0.1))} KB"


def quarantine_said(error: str) -> str:
    """Why a message was quarantined, in the Indonesian managers read: the limit it went over, with the figures,
    as the district is told, or the known cause in words; any other error (a fault of the program) is the
    operator's to read in `mailbot quarantine`.

    >>> quarantine_said("max_attachments: message has 12 attachments, over the limit of 10")
    'lampirannya terlalu banyak (12 berkas; paling banyak 10 berkas per email)'
    >>> quarantine_said("max_message_bytes: message is 31.457.280 bytes, over the limit of 26.214.400")
    'ukurannya terlalu besar (sekitar 30 MB; paling besar 25 MB per email)'
    >>> quarantine_said("no header block, not an email")
    'tidak ada bagian kepala (header), jadi bukan email'
    >>> quarantine_said("the reader failed: KeyError: 'x'")
    'rinciannya dapat dilihat petugas pada daftar karantina'
    """
    error = error.strip()
    m = _OVER_LIMIT_RE.match(error)
    if m is not None and m["setting"] in ("max_attachments", "max_attachment_bytes", "max_message_bytes"):
        actual, maximum = (int(m[g].replace(".", "")) for g in ("actual", "maximum"))
        if m["setting"] == "max_attachments":
            return (f"lampirannya terlalu banyak ({number(actual)} berkas; paling banyak {number(maximum)} berkas per "
                    "email)")
        size = f"sekitar {_size(actual)}; paling besar {_size(maximum)}"
        if m["setting"] == "max_attachment_bytes":
            return f"lampirannya terlalu besar ({size} per lampiran)"
        return f"ukurannya terlalu besar ({size} per email)"
    low = error.lower()
    said = next((words for start, words in _QUARANTINE_CAUSES if low.startswith(start)), None)
    if said is not None:
        return said
    if m is not None:
        return "bentuk email di luar batas yang dapat dibaca sistem"
    return QUARANTINE_ELSEWHERE


def difference_text(i: AttentionItem) -> str | None:
    """An item's signed difference in words, never a minus sign: a receipt's "lebih 100 keping" (its quantity
    is shipped - received), a stated stock's "1.200 keping lebih sedikit dari catatan" (stated - expected)."""
    if not i.quantity:
        return None
    amount = number(abs(i.quantity))
    if i.kind == "discrepancy":
        return f"{'lebih' if i.quantity < 0 else 'kurang'} {amount} keping"
    if i.kind == "reconcile":
        return f"{amount} keping {'lebih banyak' if i.quantity > 0 else 'lebih sedikit'} dari catatan"
    return f"{amount} keping"


# The digest shows the longest-waiting few of the queue, and how many more: it is read in a minute.
DIGEST_QUEUE_LINES = 5


def digest_lines(session: Session, desk: Desk, now: datetime) -> dict[str, object]:
    """What the digest shows of the queue: count, oldest, the longest-waiting DIGEST_QUEUE_LINES items (reads,
    discrepancies, reconciliations) and how many more wait."""
    items = open_items(session)
    oldest = min((_aware(i.opened_at) for i in items), default=None)
    shown = items[:DIGEST_QUEUE_LINES]
    discrepancies = [i for i in items if i.kind == "discrepancy"]
    senders = _senders(session, shown + discrepancies)
    return {"count": len(items), "oldest": waiting_text(now - oldest) if oldest else None,
            "lines": [_line(desk, i, now, senders) for i in shown],
            "more": max(0, len(items) - DIGEST_QUEUE_LINES),
            "discrepancies": [_line(desk, i, now, senders) for i in discrepancies]}


def close(session: Session, desk: Desk, item_id: int, *, actor: str, resolution: str) -> AttentionItem:
    """Close a queue item with its resolution ("no action needed: ..." or what was done)."""
    row = session.get(AttentionItem, item_id)
    if row is None:
        raise InvalidAction(f"no queue item {item_id}")
    if row.closed_at is not None:
        raise InvalidAction(f"queue item {item_id} is already closed")
    if not resolution.strip():
        raise InvalidAction("closing a queue item needs a reason")
    row.closed_at, row.closed_by, row.resolution = desk.now(), actor, resolution
    repo.audit(session, at=desk.now(), actor=actor, action="close-item", target=f"item:{item_id}",
               details={"reason": row.reason, "resolution": resolution})
    return row


# --- receipts short of what was shipped ----------------------------------------------------------

# The note on a discrepancy whose count the district said is not final: the rest is on its way.
_REST_COMING_NOTE = " (sisanya menurut kabupaten/kota menyusul)"


def rest_said_coming(session: Session, request: Request) -> bool:
    """Whether *request*'s open receipt difference is one the district said the rest of is still coming."""
    found = session.scalar(select(AttentionItem).where(AttentionItem.key == f"discrepancy:request:{request.id}"))
    return found is not None and found.closed_at is None and (found.detail or "").endswith(_REST_COMING_NOTE)


def shortfall(session: Session, desk: Desk, request: Request, *, shipped: int, received: int,
              message: Message, rest_coming: bool = False, part_arrived: bool = False,
              said_short: int | None = None) -> None:
    """A receipt that differs from the shipment (short or over): a discrepancy someone owns; the managers are
    told once. A later receipt that matches the shipment closes it, and the managers are told that once.
    *rest_coming*: the district said the rest is on its way; the managers are told the count is not final.
    *part_arrived*: a further part of a shipment said to be coming arrived; a difference left, with no more said
    to be coming, is told to the managers as it now stands. *said_short*: a shortfall the district's own words
    state that is not this difference ("kurang 100" of what it asked); the managers read it beside the difference."""
    key = f"discrepancy:request:{request.id}"
    found = session.scalar(select(AttentionItem).where(AttentionItem.key == key))
    if received == shipped:
        if found is None or found.closed_at is not None:
            return
        before_text = f"{'lebih' if found.reason == 'surplus' else 'kurang'} {number(abs(found.quantity or 0))} keping"
        # the rest of a shipment arrived (said to be coming, or told as a further part): no count was corrected
        arrived = part_arrived or (found.detail or "").endswith(_REST_COMING_NOTE)
        close(session, desk, found.id, actor=message.sender or "district",
              resolution=(f"sisa kiriman diterima, seluruh penerimaan {number(received)}, sesuai yang dikirim"
                          if arrived else
                          f"penerimaan dikoreksi oleh kabupaten/kota menjadi {number(received)}, sesuai yang dikirim"))
        queue(session, desk, purpose=f"discrepancy-closed:{request.id}:{found.id}", category="notice",
              template="notice_discrepancy_closed", to=desk.config.office.managers, request_pk=request.id,
              context={"reference": request.reference, "district_name": desk.district_name(request.district),
                       "item": request.item, "shipped": shipped, "received": received, "before_text": before_text,
                       "arrived": arrived})
        return
    reason = "surplus" if received > shipped else "shortfall"
    detail = (f"{request.reference}: dikirim {number(shipped)}, diterima {number(received)}"
              + (f"; menurut kabupaten/kota kurang {number(said_short)}" if said_short else "")
              + (_REST_COMING_NOTE if rest_coming and received < shipped else ""))
    if found is not None and found.closed_at is None:
        before_text = f"{'lebih' if found.reason == 'surplus' else 'kurang'} {number(abs(found.quantity or 0))} keping"
        changed = found.quantity != shipped - received
        provisional_before = (found.detail or "").endswith(_REST_COMING_NOTE)
        found.reason, found.detail, found.quantity = reason, detail, shipped - received  # the latest count
        if changed and not rest_coming:
            # the district corrected its count to another difference ("lebih 100" became "kurang 50"), or a part
            # that followed one said to be coming left a difference, short or over: the managers hear of the one
            # that stands, as the district's reply says they do (a count over what was shipped has nothing more
            # coming, whatever the earlier count said)
            queue(session, desk, purpose=f"shortfall:{request.id}:{found.id}:{message.id}", category="notice",
                  template="notice_shortfall", to=desk.config.office.managers, request_pk=request.id,
                  context={"reference": request.reference, "district_name": desk.district_name(request.district),
                           "item": request.item, "shipped": shipped, "received": received,
                           "missing": shipped - received, "item_id": found.id, "rest_coming": False,
                           "changed_from": before_text, "part_arrived": part_arrived,
                           "provisional_before": provisional_before})
        return
    if found is not None:
        found.key = f"{key}:closed:{found.id}"  # a closed one stays as history; a new difference opens anew
        session.flush()
    item, new = open_item(session, desk, key=key, kind="discrepancy", reason=reason, detail=detail,
                          district=request.district, item=request.item, quantity=shipped - received,
                          message=message, request=request)
    if not new:
        return
    queue(session, desk, purpose=f"shortfall:{request.id}:{item}", category="notice", template="notice_shortfall",
          to=desk.config.office.managers, request_pk=request.id,
          context={"reference": request.reference, "district_name": desk.district_name(request.district),
                   "item": request.item, "shipped": shipped, "received": received, "missing": shipped - received,
                   "item_id": item, "rest_coming": rest_coming and received < shipped,
                   "said_short": said_short, "requested": request.requested})
