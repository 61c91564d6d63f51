"""What a message is: its kind, the blank it is about, and the district it names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from mailbot.reader import vocabulary as vocab
from mailbot.reader.numbers import DEVICE_LINE
from mailbot.reader.verdict import District, Item, Kind


def _phrase_re(phrases: tuple[str, ...] | list[str]) -> re.Pattern[str]:
    return re.compile(rf"(?:{vocab.word_start_alternation(tuple(set(phrases)))})(?![\w-])")


_REQUEST_RE = _phrase_re(vocab.REQUEST_PHRASES + vocab.REQUEST_KIND_MORE)
_WEAK_REQUEST_RE = _phrase_re(vocab.WEAK_REQUEST_KIND_PHRASES)
# A plea to send with a few words between ("mohon bantuannya dikirim secepatnya"), or a sentence opened by a form of
# "kirim" told to the office ("Kirimi pang blangko ktp", "Kirim lagi pak."): an ask, a figure given or not.
_PLEA_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.ASKING_WORDS) + r")(?:\s+(?:" + vocab.alternation(vocab.PLEA_FILLERS)
    + r")(?![\w-])){0,3}\s+(?:" + vocab.alternation(vocab.PLEA_SEND_FORMS) + r")(?![\w-])"
    + r"|(?:" + vocab.word_start_alternation(vocab.HELP_SENDING_PHRASES) + r")(?![\w-])(?![^.!?\n]*?(?<![\w-])(?:"
    + vocab.alternation(vocab.SENDING_PLACE_WORDS) + r")(?![\w-]))"
    + r"|(?:^|(?<=[.!?,;]))[ \t]*(?:(?:" + vocab.alternation(vocab.OPENING_ADDRESS_WORDS) + r")[ \t]*,?[ \t]+){0,2}"
    + r"(?:(?:" + vocab.alternation(vocab.OPENING_SEND_FORMS) + r")|kirim[ \t]+(?:"
    + vocab.alternation(vocab.OPENING_SEND_AFTER) + r"))(?![\w-])",
    re.MULTILINE,
)
# (Tried only where a sentence starts, after a line break or a stop and its space: from any other place in a
# sentence the pattern finds nothing that it would not have found from the sentence's start, and trying every
# place scans the sentence again at each one.)
_REST_ASKED_SENTENCE_RE = re.compile(
    r"(?:\A|(?<=\n)|(?<=[.!?])(?!\S))"
    r"(?:[^.!?\n]|[.!?](?=\S))*(?<![\w-])(?:" + vocab.alternation(vocab.REST_OF_SHIPMENT_ASKED_WORDS)
    + r")(?![\w-])(?:[^.!?\n]|[.!?](?=\S))*"
)
_RECEIPT_RE = _phrase_re(vocab.RECEIPT_PHRASES + vocab.RECEIPT_KIND_MORE)
_CANNOT_PRINT_RE = _phrase_re(vocab.CANNOT_PRINT_PHRASES)
_FAULT_RE = _phrase_re(vocab.MACHINE_FAULT_WORDS)
_REPORT_RE = _phrase_re(vocab.REPORT_PHRASES + vocab.REPORT_KIND_MORE)
_INVITATION_RE = vocab.Gated(_phrase_re(vocab.INVITATION_PHRASES), vocab.INVITATION_PHRASES)
_INVITE_RE = vocab.Gated(_phrase_re(vocab.INVITATION_STRONG_PHRASES), vocab.INVITATION_STRONG_PHRASES)
_KTP_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.KTP_WORDS, before=r"[\w]") + r")(?![\w])")
_KIA_RE = _phrase_re(vocab.KIA_WORDS)
_BLANK_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.GENERIC_BLANK_WORDS, before=r"[\w]") + r")")
_THANKS = ("terima kasih", "terimakasih", "trima kasih", "trimakasih")
_FORMER_OFFICE_RE = vocab.Gated(re.compile(
    r"(?<![\w-])(?:" + vocab.alternation(vocab.FORMER_OFFICE_PHRASES) + r")(?![\w-])[^\n)]*"
), vocab.FORMER_OFFICE_PHRASES)
_THANKS_RE = vocab.Gated(_phrase_re(_THANKS), _THANKS)
_THANKING_RE = _phrase_re(vocab.THANKING_PHRASES)
# A request named as the one approved ("atas persetujuan permohonan blangko KTP-el ..."): the earlier
# request, thanked for or spoken of, asks nothing now.
_APPROVED_REQUEST_RE = vocab.Gated(re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.APPROVED_WORDS) + r")\s+(?:atas\s+)?(?:" + vocab.alternation(
        ("permohonan", "permintaan", "pengajuan", "usulan", "request", "the request", "our request")
    ) + r")(?![\w-])"
), vocab.APPROVED_WORDS)
_STOCK_WORD_RE = _phrase_re(vocab.STOCK_WORDS)
_CIRCULAR_RE = vocab.Gated(
    re.compile(r"(?:" + vocab.word_start_alternation(vocab.CIRCULAR_PHRASES) + r")"), vocab.CIRCULAR_PHRASES
)
_SUFFICIENT_RE = _phrase_re(vocab.SUFFICIENT_PHRASES)
_PRESS_RE = vocab.Gated(_phrase_re(vocab.PRESS_PHRASES), vocab.PRESS_PHRASES)
# A request for a document ("mohon dikirimkan data rekap stok blangko ..."), to its clause end.
# Also a request for printer supplies ("mohon dikirim ribbon printer 10 roll"): it asks for no blanks.
def _alts(words: tuple[str, ...] | list[str]) -> str:
    return vocab.alternation(set(words))


# A request phrase named as a procedure ("tata cara pelaporan harian dan permohonan blangko"): no ask.
_PROCEDURE_ASK_RE = re.compile(
    r"(?<![\w-])(?:" + _alts(vocab.PROCEDURE_WORDS) + r")(?![\w-])(?:[ \t]+[\w/-]+){0,4}?[ \t]+(?:"
    + _alts(vocab.REQUEST_PHRASES + vocab.REQUEST_KIND_MORE) + r")(?![\w-])"
)
# A stock said to be low, with no figure: "sisa blangko hampir habis".
_LOW_STOCK_RE = re.compile(
    r"(?<![\w-])(?:" + _alts(vocab.STOCK_WORDS + ("sisa", "sisanya")) + r")(?![\w-])[^.!?;\n]{0,40}?(?<![\w-])(?:"
    + _alts(vocab.LOW_STOCK_PHRASES) + r")(?![\w-])"
)
_FIGURE_TO_FOLLOW_RE = _phrase_re(vocab.FIGURE_TO_FOLLOW_WORDS)
_HANDOVER_RE = vocab.Gated(_phrase_re(vocab.HANDOVER_PHRASES), vocab.HANDOVER_PHRASES)
_SERAH_TERIMA_RE = _phrase_re(("serah terima",))
_PLANNED_RECEIPT_RE = _phrase_re(vocab.PLANNED_RECEIPT_PHRASES)
# A paper of the shipment said received or made ready, with no blank named between it and the verb: "resi pengiriman
# 1.500 keping sudah kami terima", "Surat pengantar dan BAST untuk 2.000 keping sudah kami terima pak, barangnya masih
# di jalan", "BAST penerimaan 2.000 keping sudah kami siapkan".
PAPERS_RECEIVED_RE = re.compile(
    r"(?<![\w-])(?:" + vocab.alternation(vocab.SHIPMENT_PAPERS) + r")(?![\w-])"
    r"(?:(?!\b(?:" + vocab.alternation(vocab.BLANK_NOUNS_OF_A_RECEIPT) + r")\b)(?:[^.!?\n]|(?<=\d)\.(?=\d))){0,70}?"
    r"(?<![\w-])(?:sudah|sdh|telah|tlh|udah|udh)[^\S\n]+(?:kami[^\S\n]+)?(?:terima|diterima|trima|siapkan|disiapkan|"
    r"persiapkan|dipersiapkan)(?![\w-])")
_LEAVE_NOTICE_RE = vocab.Gated(_phrase_re(vocab.LEAVE_NOTICE_PHRASES), vocab.LEAVE_NOTICE_PHRASES)
_NEWS_MATERIAL_RE = vocab.Gated(_phrase_re(vocab.NEWS_MATERIAL_PHRASES), vocab.NEWS_MATERIAL_PHRASES)
_DOCUMENT_REQUEST_RE = re.compile(
    r"(?<![\w-])(?:" + _alts(vocab.REQUEST_PHRASES + vocab.DOCUMENT_REQUEST_OPENERS) + r")(?![\w-])"
    + r"(?:[ \t]+(?:" + _alts(vocab.DOCUMENT_FILLERS) + r")(?![\w-])){0,4}[ \t]+"
    + r"(?:" + _alts(vocab.DOCUMENT_WORDS + vocab.SUPPLY_WORDS + vocab.IF_ANY_WORDS)
    # "mohon dikirimi 5 roll": a count in a supply's unit asks for the supply, never for blanks
    + r"|\d+[ \t]+(?:" + _alts(vocab.SUPPLY_UNITS) + r"))(?![\w-])"
    + r"[^.!?;\n]*"
)

# An ask whose sentence names the card printer or a technician and no blank beside them ("Mohon kiranya Provinsi
# dapat membantu meminjamkan 1 (satu) unit printer atau teknisi"): equipment, not blanks.
_EQUIPMENT_ASK_RE = re.compile(
    r"(?<![\w-])(?:" + _alts(vocab.REQUEST_PHRASES + vocab.DOCUMENT_REQUEST_OPENERS) + r")(?![\w-])"
    + r"[^.!?;\n]*?(?<![\w-])(?:" + _alts(vocab.EQUIPMENT_WORDS) + r")(?![\w-])[^.!?;\n]*"
)
_EQUIPMENT_RE = re.compile(r"(?<![\w-])(?:" + _alts(vocab.EQUIPMENT_WORDS) + r")(?![\w-])")


def _without_equipment_asks(text: str) -> str:
    """text without the sentences that ask for equipment and name no blank once the equipment is left out."""
    def blank_free(m: re.Match[str]) -> str:
        rest = _EQUIPMENT_RE.sub(" ", m.group())
        named = any(r.search(rest) for r in (_BLANK_RE, _KTP_RE, _KIA_RE))
        return m.group() if named else " "
    return _EQUIPMENT_ASK_RE.sub(blank_free, text)


# A message received, not blanks: "sudah kami terima emailnya", "email Bapak sudah kami terima".
_MESSAGE_RECEIVED_RE = vocab.Gated(re.compile(
    r"(?<![\w-])(?:" + _alts(vocab.RECEIPT_PHRASES) + r")[ \t]+(?:(?:" + _alts(vocab.MESSAGE_RECEIVED_FILLERS)
    + r")[ \t]+)?(?:" + _alts(vocab.MESSAGE_NOUNS) + r")(?![\w-])"
    + r"|(?<![\w-])(?:" + _alts(vocab.MESSAGE_NOUNS) + r")(?:[ \t]+(?:" + _alts(vocab.MESSAGE_OWNERS)
    + r")){0,2}[ \t]+(?:" + _alts(vocab.RECEIPT_PHRASES) + r")(?![\w-])"
), vocab.MESSAGE_NOUNS)


# How far a request has got, asked: "permohonan kami sudah sampai mana ya?" (no blanks arrived).
_PROGRESS_QUESTION_RE = _phrase_re(vocab.PROGRESS_QUESTIONS)
_LOAN_OFFER_RE = _phrase_re(vocab.LOAN_OFFER_PHRASES)

_PHISHING_RE = _phrase_re(vocab.PHISHING_PHRASES)


def is_phishing(low: str) -> bool:
    """Whether the text has the shape of an account scam ("kotak surat Anda hampir penuh")."""
    return bool(_PHISHING_RE.search(low))


# A request or receipt phrase denied ("belum kami terima", "tidak butuh tambahan") says neither.
_NEGATED_PHRASE_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.NEGATION_WORDS) + r")"
    r"(?:\s+(?:" + vocab.alternation(vocab.NEGATION_FILLERS) + r")){0,2}\s+"
    r"(?:" + "|".join(
        re.escape(p) for p in sorted(
            set(
                vocab.RECEIPT_PHRASES + vocab.RECEIPT_KIND_MORE + vocab.REQUEST_PHRASES
                + vocab.REQUEST_KIND_MORE + vocab.WEAK_REQUEST_KIND_PHRASES
            ),
            key=len,
            reverse=True,
        )
    ) + r")(?![\w-])"
)


# A receipt phrase under a condition ("bila kiriman pusat sudah masuk"), within its clause: a plan, no receipt.
_CONDITIONAL_RECEIPT_RE = vocab.Gated(re.compile(
    # (a figure's thousands dot, "kalau 2.000 keping itu sudah sampai", is no end of the condition)
    r"(?:" + vocab.word_start_alternation(vocab.CONDITION_WORDS) + r")(?![\w-])(?:[^,.;:!?\n]|(?<=\d)\.(?=\d)){0,60}?"
    r"(?<![\w-])(?:"
    + vocab.alternation(vocab.RECEIPT_PHRASES + vocab.RECEIPT_KIND_MORE) + r")(?![\w-])"
), vocab.CONDITION_WORDS)


# A need under a condition ("kalau perlu blangko lagi kami kabari"): its need word, so that it asks nothing.
_CONDITIONAL_NEED_RE = re.compile(
    r"(?<![\w-])(?:" + vocab.alternation(vocab.CONDITION_WORDS) + r")(?:\s+(?:"
    + vocab.alternation(vocab.CONDITIONAL_NEED_FILLERS) + r")){0,2}\s+(?:" + vocab.alternation(vocab.NEEDING_WORDS)
    + r")(?![\w-])"
)


# A receipt phrase in a clause giving a reason from an earlier month ("karena bulan lalu kiriman kami baru sampai
# tanggal 20"): a past delivery, no receipt now.
# An arrival as the time of a stock ("remaining blanks 5,210 pcs (after the shipment arrived this morning)",
# "sisa 1.210 setelah kiriman diterima"): in a day's report, it times the stock and makes no receipt.
_TIMED_BY_RECEIPT_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.EVENT_TIME_WORDS) + r")(?![\w-])[^,.;:!?()\n]{0,40}?(?<![\w-])(?:"
    + vocab.alternation(vocab.RECEIPT_PHRASES + vocab.RECEIPT_KIND_MORE) + r")(?![\w-])"
)
# A bracket after a figure noting that a shipment came: "KIA: 520 (sudah terima kiriman)".
_SHIPMENT_NOTE_RE = re.compile(
    r"\([^\S\n]*(?:[a-z]+[^\S\n]+){0,2}?(?:" + vocab.alternation(vocab.RECEIPT_PHRASES + vocab.RECEIPT_KIND_MORE)
    + r")[^\S\n]+(?:" + vocab.alternation(vocab.SHIPMENT_OF_WORDS) + r")(?:[^\S\n]+[a-z]+){0,2}[^\S\n]*\)"
)
# A question asking whether something was received: its opener, then a receipt verb in the same clause, then the
# question mark closing the sentence ("apakah benar Bulungan sudah menerima 1.500 keping minggu ini?"). A number's
# thousands dot ("1.500") does not end the sentence.
_CLAUSE_CHAR = r"(?:[^,.;:!?\n]|(?<=\d)[.,](?=\d))"
_SENTENCE_CHAR = r"(?:[^.;:!?\n]|(?<=\d)\.(?=\d))"
ASKED_RECEIPT_RE = vocab.Gated(re.compile(
    r"(?<![\w-])(?:" + vocab.alternation(vocab.QUESTION_OPENERS) + r")(?![\w-])"
    + _CLAUSE_CHAR + r"{0,60}?(?<![\w-])(?:"
    + vocab.alternation(vocab.RECEIPT_PHRASES + vocab.RECEIPT_KIND_MORE + vocab.ASKED_RECEIPT_VERBS) + r")(?![\w-])"
    + _SENTENCE_CHAR + r"{0,100}\?"
), vocab.ASKED_RECEIPT_VERBS + vocab.RECEIPT_PHRASES + vocab.RECEIPT_KIND_MORE)
# A receipt said with a word of "only" beside it ("we only received", "we received only", "kami hanya menerima").
_ONLY_RECEIPT_RE = re.compile(
    r"(?<![\w-])(?:" + vocab.alternation(vocab.ONLY_WORDS) + r")[^\S\n]+(?:\S+[^\S\n]+)?(?:"
    + vocab.alternation(vocab.RECEIPT_PHRASES + vocab.RECEIPT_KIND_MORE + vocab.ASKED_RECEIPT_VERBS) + r")(?![\w-])"
    + r"|(?<![\w-])(?:" + vocab.alternation(vocab.RECEIPT_PHRASES + vocab.RECEIPT_KIND_MORE) + r")[^\S\n]+(?:"
    + vocab.alternation(vocab.ONLY_WORDS) + r")(?![\w-])"
)
_PAST_REASON_RECEIPT_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.REASON_WORDS) + r")(?![\w-])[^,.;:!?\n]{0,40}?(?<![\w-])(?:"
    + vocab.alternation(vocab.EARLIER_SPAN_WORDS) + r")(?![\w-])[^,.;:!?\n]{0,60}?(?<![\w-])(?:"
    + vocab.alternation(vocab.RECEIPT_PHRASES + vocab.RECEIPT_KIND_MORE) + r")(?![\w-])"
)


# A request phrase denied ("kami belum mengajukan permohonan"): the writer says they are not asking.
_NEGATED_REQUEST_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.NEGATION_WORDS) + r")"
    r"(?:\s+(?:" + vocab.alternation(vocab.NEGATION_FILLERS) + r")){0,2}\s+"
    r"(?:" + vocab.alternation(vocab.REQUEST_PHRASES + vocab.REQUEST_KIND_MORE + vocab.WEAK_REQUEST_KIND_PHRASES)
    + r")(?![\w-])"
)


_SPAM_OFFER_RE = _phrase_re(vocab.SPAM_OFFER_PHRASES)


def is_spam_offer(low: str) -> bool:
    """Whether the text sells what spam sells (a quick loan, gambling, a miracle cure)."""
    return bool(_SPAM_OFFER_RE.search(low))


_VENDOR_OFFER_RE = _phrase_re(vocab.VENDOR_OFFER_PHRASES)
_VENDOR_PRICE_RE = re.compile(
    r"(?<![\w])(?:" + "|".join(re.escape(p) for p in vocab.VENDOR_PRICE_PHRASES) + r")(?![a-z])"
)


def is_vendor_offer(low: str) -> bool:
    """Whether the text is a seller's offer with its price ("Kami menawarkan ... 1.000 pcs Rp 2.100.000")."""
    return bool(_VENDOR_OFFER_RE.search(low)) and bool(_VENDOR_PRICE_RE.search(low))


_CITIZEN_RE = _phrase_re(vocab.CITIZEN_PHRASES + vocab.SCHOOL_SPEAKER_PHRASES)


def is_citizen(low: str) -> bool:
    """Whether the writer is a citizen asking about their own card ("KTP-el saya belum jadi"), or a school
    about its pupils' ("97 murid kami belum memiliki KIA")."""
    return bool(_CITIZEN_RE.search(low))


_PUBLIC_SPEAKER_RE = _phrase_re(vocab.PUBLIC_SPEAKER_PHRASES)


def speaks_as_public(low: str) -> bool:
    """Whether the writer names their own family or speaks as the public ("Anak saya 2 orang mau ikut mudik",
    "kami warga Sebatik"): a member of the public, who states no office's figures. Asked of an unknown sender's
    own words only: district staff write from their office's address about their work."""
    return bool(_PUBLIC_SPEAKER_RE.search(low))


_OTHER_PROVINCE_OFFICE_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.REGISTRY_OFFICE_WORDS) + r")[^\S\n]+(?:(?:"
    + vocab.alternation(vocab.PROVINCE_WORDS) + r")[^\S\n]*)?(?:" + vocab.alternation(vocab.OTHER_PROVINCE_NAMES)
    + r")(?![\w-])"
)


_OTHER_PROVINCE_REGENCY_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.REGENCY_WORDS) + r")[^\S\n]+[a-z]+(?:[^\S\n]+[a-z]+)?[^\S\n]*[(,]"
    r"[^\S\n]*(?:(?:" + vocab.alternation(vocab.PROVINCE_WORDS) + r")[^\S\n]*)?(?:"
    + vocab.alternation(vocab.OTHER_PROVINCE_NAMES) + r")(?![\w-])"
)


def speaks_for_other_province(low: str) -> bool:
    """Whether the writer's own words name another province's civil-registry office ("Disdukcapil Provinsi
    Kalimantan Timur", "Kami dari Disdukcapil Prov. Kalimantan Barat"), or a regency with another province
    beside it ("di Kabupaten Berau (Provinsi Kalimantan Timur)"): no district of this desk writes."""
    return bool(_OTHER_PROVINCE_OFFICE_RE.search(low) or _OTHER_PROVINCE_REGENCY_RE.search(low))


_COURIER_NOTICE_RE = _phrase_re(vocab.COURIER_NOTICE_PHRASES)
_PARCEL_RE = _phrase_re(vocab.PARCEL_WORDS)


def is_courier_notice(low: str) -> bool:
    """Whether the text is a courier's notice about a parcel ("Yth. Pelanggan, Paket Anda dengan resi ... telah
    diterima oleh penerima"): the courier's mail, not a district's receipt."""
    return bool(_COURIER_NOTICE_RE.search(low)) and bool(_PARCEL_RE.search(low))


def is_press(low: str) -> bool:
    """Whether the text is, or forwards, a news article or a journalist's mail."""
    return bool(_PRESS_RE.search(low))


_PRESS_SUBJECT_RE = re.compile(
    r"^\s*(?:" + vocab.alternation(vocab.PRESS_SUBJECT_WORDS) + r")(?![\w-])(?!\s+acara)"
)
# Case-sensitive: a dateline writes its place in capitals, then the article's first sentence
# ("TANJUNG SELOR - Disdukcapil Kaltara memiliki ..."); a letterhead's "TARAKAN - KALIMANTAN UTARA" is none.
_DATELINE_RE = re.compile(
    r"^[ \t>]*(?:" + vocab.alternation([p.upper() for p in vocab.DATELINE_PLACES]) + r")"
    r"(?:[ \t]*,[ \t]*[\w.]+(?:[ \t][\w.]+)?)?[ \t]*[-\u2013\u2014]{1,2}[ \t]+[A-Z][a-z][^\n]{20,}",
    re.MULTILINE,
)


def is_news(low_subject: str, text: str) -> bool:
    """Whether the mail is, or forwards, a news item: a subject that says so ("Berita ...") or an
    article's dateline in the text (text as written, not lowercased)."""
    return bool(_PRESS_SUBJECT_RE.match(low_subject) or _DATELINE_RE.search(text))


_SENTENCE_RE = re.compile(r"[^.!?;,\n]+")
_WRAP_MIN = 45  # a line this long that ends without punctuation is wrapped prose, not a sentence end
# The salutation names the addressee ("Yth. Admin Blangko Provinsi"), not what the mail is about.
_SALUTATION_RE = re.compile(r"^[ \t]*(?:kepada[ \t]+)?(?:yth|kpd|dear)\b.*$", re.MULTILINE)
_DIGIT_RE = re.compile(r"\d")


def _unwrap(low: str) -> str:
    """Text with the line breaks of wrapped prose made spaces (a long line going on below)."""
    lines = low.split("\n")
    out: list[str] = []
    for i, line in enumerate(lines):
        out.append(line)
        if i + 1 < len(lines):
            text = line.rstrip()
            wrapped = len(text) >= _WRAP_MIN and text[-1] not in ".!?:;" and bool(lines[i + 1].strip())
            out.append(" " if wrapped else "\n")
    return "".join(out)


_BESIDES_RE = re.compile(
    r"(?<![\w-])(?:" + vocab.alternation(vocab.BESIDES_WORDS) + r")[^\S\n]+(?:(?:blangko|blanko)[^\S\n]+)?(?:"
    + vocab.alternation(vocab.KTP_WORDS + vocab.KIA_WORDS) + r")(?![\w-])"
)


def _without_aside(low: str) -> str:
    """Text without the sentences that only say a blank is still fine ("Untuk blangko KTP-el masih aman.")."""
    kept = (m.group() for m in _SENTENCE_RE.finditer(_unwrap(low)))
    return " ".join(s for s in kept if not (_SUFFICIENT_RE.search(s) and not _DIGIT_RE.search(s)))


# A clause as _SENTENCE_RE cuts it, with a figure's separators kept inside ("stok KTP-el 2.400 masih aman").
_FIGURE_CLAUSE_RE = re.compile(r"(?:[^.!?;,\n]|(?<=\d)[.,](?=\d))+")


def stock_aside_item(low: str) -> Item | None:
    """The one blank named once the sentences saying a blank is still fine are set aside, also those giving its
    stock ("Stok KTP-el masih aman (2.4rb)."); None when that leaves both blanks or neither."""
    kept = (m.group() for m in _FIGURE_CLAUSE_RE.finditer(_unwrap(low)))
    rest = " ".join(
        s for s in kept
        if not (_SUFFICIENT_RE.search(s) and (_STOCK_WORD_RE.search(s) or not _DIGIT_RE.search(s)))
    )
    item, ambiguous = explicit_item(rest)
    return None if ambiguous else item


def _without_besides(low: str) -> str:
    """Text without the blank set aside as "besides" ("selain KTP-el untuk pemilih pemula kami juga ... mohon blangko
    KIA"), when the other blank is named too: that one is what the text is about."""
    if not _BESIDES_RE.search(low):
        return low
    return _BESIDES_RE.sub(" ", low)


def named_item(low: str) -> tuple[Item | None, bool]:
    """(item, ambiguous) named in text: "kia" for the KIA blank, "ktp-el" for KTP-el or a bare
    "blangko"; (None, True) when both are named; (None, False) when neither is."""
    item, ambiguous = explicit_item(low)
    if item is None and not ambiguous and _BLANK_RE.search(low):
        return "ktp-el", False
    return item, ambiguous


def explicit_item(low: str) -> tuple[Item | None, bool]:
    """Like named_item, but only a blank named as such: a bare "blangko" names neither."""
    ktp = bool(_KTP_RE.search(low))
    kia = bool(_KIA_RE.search(low))
    if ktp and kia and (besides := _without_besides(low)) is not low:
        ktp, kia = bool(_KTP_RE.search(besides)), bool(_KIA_RE.search(besides))
        ktp, kia = (ktp, kia) if ktp or kia else (True, True)
    if ktp and kia:
        return None, True
    return ("kia" if kia else "ktp-el" if ktp else None), False


# The writer's question about a figure, in a bracket right after it: "Cetak : 158 (termasuk 12 KIA?)".
_QUESTIONED_ASIDE_RE = re.compile(r"(?P<figure>\d[^\S\n]*)\([^()\n?]*\?\)")


def item_of(new_low: str, thread_low: str) -> tuple[Item | None, bool, bool]:
    """(item, ambiguous, assumed) from the new text, else from the quoted thread, else KTP-el.

    KTP-el is the desk's everyday blank and KIA is always named, so an unnamed blank is taken
    as KTP-el (assumed=True); both named -> (None, True, False): a clerk would ask which.
    """
    for low in (new_low, thread_low):
        if "?)" in low:
            # "Cetak : 158 (termasuk 12 KIA?)": a blank named only in the writer's own question about a figure is
            # no blank the mail is about.
            low = _QUESTIONED_ASIDE_RE.sub(r"\g<figure>", low)
        item, ambiguous = named_item(low)
        if ambiguous:
            # "blangko KIA tinggal 150 lembar, mohon 500 lembar. Untuk blangko KTP-el masih cukup.":
            # the blank said to be fine, without a figure, is not what the mail is about.
            aside_free, still_ambiguous = named_item(_without_aside(low))
            if aside_free is not None and not still_ambiguous:
                return aside_free, False, False
        if item or ambiguous:
            return item, ambiguous, False
    return "ktp-el", False, True


_QUESTION_SUBJECT_RE = re.compile(
    r"^\s*(?:" + vocab.alternation(vocab.QUESTION_SUBJECT_WORDS) + r")(?![\w-])"
)


def subject_for_kind(low_subject: str) -> str:
    """The subject as kind_of reads it: one that opens by asking ends with a question mark."""
    if low_subject and _QUESTION_SUBJECT_RE.match(low_subject) and not low_subject.rstrip().endswith("?"):
        return low_subject.rstrip() + "?"
    return low_subject


_SENTENCE_END_RE = re.compile(r"[.!?](?=\s|$)|\n")


def _in_question(text: str, pos: int) -> bool:
    """Whether the sentence around pos ends with a question mark ("apakah ... permohonan ...?"),
    also when the sentence is wrapped over lines."""
    while True:
        m = _SENTENCE_END_RE.search(text, pos)
        if not m:
            return False
        if m.group() != "\n":
            return m.group() == "?"
        line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()].rstrip()
        nxt = text[m.end() : text.find("\n", m.end()) if "\n" in text[m.end() :] else len(text)]
        if len(line) < _WRAP_MIN or line[-1:] in (".", "!", "?", ":", ";") or not nxt.strip():
            return False
        pos = m.end()


# A question that asks the office to send ("bisa ki dikirimkan lagi?", "boleh dikirim lagi pak?", "could you send
# more?"): the words of asking open its sentence, before the request phrase; an ask, not a question to answer.
_POLITE_ASK_RE = re.compile(r"(?<![\w-])(?:bisa|bisakah|bisa\s+tolong|boleh|bolehkah|dapatkah|apa\s+bisa|apakah\s+bisa"
                            r"|could|can)(?![\w-])")


def _asks_politely(text: str, pos: int) -> bool:
    """Whether the sentence the request phrase at *pos* stands in opens its ask with a word of asking for it ("bisa
    ki dikirimkan lagi?"): the question mark makes no question of it."""
    start = max(text.rfind(c, 0, pos) for c in ".!?\n,") + 1
    return _POLITE_ASK_RE.search(text, start, pos) is not None


def kind_of(
    low: str,
    fields: set[str],
    doubt_fields: set[str],
    has_table: bool,
    *,
    unattributed: bool = False,
    attached: bool = False,
    uncounted: bool = False,
) -> Kind:
    """request > receipt > stock_report > other, from phrases and from the numbers found.

    fields: quantity fields with a value; doubt_fields: quantity fields with a doubt.
    attached: the mail carries a spreadsheet; "laporan harian terlampir" names a report of blanks then.
    unattributed: the mail comes from an address on no district's list and names no district it
    writes for (a vendor, a ministry, a researcher): it is a district's mail only when it says so in
    a district's own words, a request or receipt or report phrase; figures alone (a quotation's
    spreadsheet, a circular's "kebutuhan blangko" of the nation) do not make it one.
    uncounted: the text has numbers that look like counts of blanks but took no role.
    """
    if "requested" in fields and not unattributed:
        # A figure read as asked for makes a request, whatever the phrases below say (a denial of asking
        # sets aside only a doubt of a figure asked): they are not looked for.
        return "request"
    text = _SALUTATION_RE.sub("", _THANKS_RE.sub(" ", _APPROVED_REQUEST_RE.sub(" ", low)))
    denied = bool(_NEGATED_REQUEST_RE.search(text))
    text = _CONDITIONAL_NEED_RE.sub(" ", _CONDITIONAL_RECEIPT_RE.sub(" ", _NEGATED_PHRASE_RE.sub(" ", text)))
    text = _PAST_REASON_RECEIPT_RE.sub(" ", text)
    # "rencana penerimaan blangko ... 2.000 keping", "pada saat barang diterima": a receipt planned, none told
    text = _PLANNED_RECEIPT_RE.sub(" ", text)
    # "resi pengiriman 1.500 keping sudah kami terima", "BAST ... sudah kami siapkan": the papers, not the blanks
    text = PAPERS_RECEIVED_RE.sub(" ", text)
    # "Mohon dikirimkan data rekap stok blangko ...": asks for a document, and reports nothing.
    text = _DOCUMENT_REQUEST_RE.sub(" ", text)
    # "Mohon kiranya Provinsi dapat membantu meminjamkan 1 (satu) unit printer atau teknisi": equipment, no blanks.
    text = _without_equipment_asks(text)
    # "Mohon bimbingan ... terutama tata cara pelaporan harian dan permohonan blangko": the procedure, no ask.
    text = _PROCEDURE_ASK_RE.sub(" ", text)
    # "Terima kasih, sudah kami terima emailnya": the writer got our mail, no blanks.
    text = _MESSAGE_RECEIVED_RE.sub(" ", text)
    # "permohonan kami sudah sampai mana ya?": how far the request has got, not blanks that arrived.
    text = _PROGRESS_QUESTION_RE.sub(" ", text)
    # A handover inside the office ("serah terima jabatan dan barang persediaan") is no receipt.
    if _HANDOVER_RE.search(text):
        # ... and the minutes of handover it cites ("Berita Acara Serah Terima Nomor ...") are that handover's.
        text = _SERAH_TERIMA_RE.sub(" ", _HANDOVER_RE.sub(" ", text))
    # "untuk berita acara serah terima pakai format yang mana ya?": a question about the paper, no blanks received
    text = _SERAH_TERIMA_RE.sub(lambda m: " " if _in_question(text, m.end()) else m.group(0), text)
    seen = fields | doubt_fields
    if "received" not in seen and "stock_on_hand" in fields and fields & {"printed", "recorded"}:
        text = _TIMED_BY_RECEIPT_RE.sub(" ", text)
    if "received" not in seen and "stock_on_hand" in fields:
        # "KIA: 520 (sudah terima kiriman)": the stock noted as holding a shipment that came; no receipt is told.
        text = _SHIPMENT_NOTE_RE.sub(" ", text)
    if denied and "requested" not in fields:
        # "Kami belum mengajukan permohonan sekarang ... rencananya sekitar 3.000 keping bulan depan":
        # the writer says they are not asking; an unclear figure of a later ask makes no request.
        seen = seen - {"requested"}
    if "requested" in seen and not unattributed:
        return "request"
    if unattributed and _CIRCULAR_RE.search(text):
        # "Kepada Yth. Kepala Dinas Dukcapil Provinsi se-Indonesia ... Usulan kebutuhan provinsi disampaikan
        # paling lambat ...": a circular from no district asks and reports nothing of a district's.
        return "other"
    # "Laporan 07/12: perekaman 151, pencetakan 142, sisa 1.778 ... Mohon blangko KIA segera dialokasikan":
    # the day's work reported with its figures, and an ask without a figure of its own, is the day's
    # report; the ask comes with it (and the stock it reports tells the need).
    work_reported = bool(fields & {"printed", "recorded"}) and "stock_on_hand" in fields and _reports(text)
    if "received" in fields and _RECEIPT_RE.search(text):
        # "Blangko KTP-el telah kami terima sebanyak 2.000 dari 2.500 keping. Mohon kekurangan 500 keping dapat
        # dikirim menyusul": the ask for the rest of a shipment partly arrived is part of its receipt.
        text = _REST_ASKED_SENTENCE_RE.sub(" ", text)
    if (
        not work_reported
        and any(not _in_question(text, m.end()) or (r is _REQUEST_RE and _asks_politely(text, m.start()))
                for r in (_REQUEST_RE, _PLEA_RE) for m in r.finditer(text))
        # A request phrase asks for blanks only in a mail that names them ("mohon dikirimkan template
        # Excel-nya" asks for a file): blangko, KTP-el, KIA, or the stock.
        and any(r.search(text) for r in (_BLANK_RE, _KTP_RE, _KIA_RE, _STOCK_WORD_RE))
    ):
        return "request"
    if not seen and _INVITE_RE.search(text) and not _RECEIPT_RE.search(text):
        # "kami mengundang Bapak/Ibu untuk hadir ... acara: rencana kebutuhan blangko Tahun 2027", a
        # vendor's "Bimtek Pengelolaan Persediaan Blangko": an invitation with no figure of its own names
        # the blanks as its agenda, and asks for or reports none.
        return "other"
    if unattributed and not seen and _INSPECTION_NOTICE_RE.search(text):
        # "tim Inspektorat akan melakukan uji petik persediaan blangko ... Mohon disiapkan kartu stok, berita acara
        # serah terima": an inspection announced by a writer for no district, no receipt nor report.
        return "other"
    if unattributed:
        if _RECEIPT_RE.search(text) and ("received" in seen or not uncounted):
            # Of a writer who speaks for no district, a receipt phrase beside counts none of which is received
            # is about something else: "From the ledger we received, ... receipts from the ministry were 20,000
            # pcs and issues to districts 31.450 pcs" (an auditor) receives no blanks.
            return "receipt"
        return "stock_report" if _reports(text, attached) else "other"
    # "Apakah benar Bulungan sudah menerima 1.500 keping?": a receipt asked about is none told; beside it, the
    # writer's "We received only 2.000" weighs the allocation, and tells none either.
    told = ASKED_RECEIPT_RE.sub(" ", text)
    if told is not text:
        told = _ONLY_RECEIPT_RE.sub(" ", told)
    said_received = bool(_RECEIPT_RE.search(told)) and not (work_reported and "received" not in seen)
    receipt = "received" in seen or said_received
    if (
        receipt
        and not said_received
        and seen & {"stock_on_hand", "printed", "recorded"}
        and _reports(text)
    ):
        # A period's ledger ("Stok awal 3.010 / Diterima 500 / Dicetak 1.122 / Stok akhir 1.873") has a
        # received line among its figures: it reports the period, it is no receipt.
        receipt = False
    if receipt and {"received", "stock_on_hand"} <= fields and fields & {"printed", "recorded"}:
        # "Lapor, sisa blangko 1.250 keping, setelah kiriman 1.200 keping dari provinsi kami terima tanggal 3.
        # Perekaman hari ini 40, cetak 36": the stock and the day's work with a receipt among them report.
        receipt = False
    if not receipt and not work_reported and any(
        not _in_question(text, m.end()) for m in _WEAK_REQUEST_RE.finditer(text)
    ):
        return "request"
    if (
        not receipt
        and _CANNOT_PRINT_RE.search(text)
        and (_BLANK_RE.search(text) or _KTP_RE.search(text) or _KIA_RE.search(text))
        and not _FAULT_RE.search(text)
        and not (seen & {"printed", "recorded"} and _reports(text))
    ):
        # "blangkonya blm sampai ..., kami sdh tdk bs cetak": out of blanks, so in need of them. (A daily
        # report with its day's figures that says printing stopped is still the day's report.)
        return "request"
    if receipt:
        return "receipt"
    if _INVITE_RE.search(text):
        return "other"
    if not seen and not has_table and _LOAN_OFFER_RE.search(text):
        # "Kota Tarakan bersedia meminjamkan blangko KTP-el sebanyak 500 keping kepada Disdukcapil Malinau":
        # an offer to lend to another office, with no figure of the writer's own, reports nothing (its words on
        # the other office's stock, "Menanggapi kondisi stok di Malinau", are no report of the writer's).
        return "other"
    if (
        not fields and seen <= {"printed", "recorded"} and not has_table and _THANKING_RE.search(low)
        and not _reports(text, attached)
    ):
        # "mau mengucapkan terima kasih banyak atas bantuan selama ini ... ada sekitar seribu dua ratus warga yang
        # terlayani": a mail of thanks with no firm figure (at most an unclear count of work), calling itself no
        # report, reports nothing. (An unclear stock still makes a report: a clerk asks for it.)
        return "other"
    if not seen and not has_table and _LEAVE_NOTICE_RE.search(text):
        # "Selama saya cuti, laporan harian ... dilanjutkan oleh Sdr. Andi": a notice of leave, no report.
        return "other"
    if (
        seen <= {"printed", "recorded"} and not has_table and _NEWS_MATERIAL_RE.search(text)
        and not _reports(text, attached)
    ):
        # "pak ini foto kegiatan jemput bola di SMAN 1 tadi, 212 siswa terekam. buat bahan berita web prov pak": photos
        # for the province's news, with the event's count of people, report no blanks.
        return "other"
    if not seen and not has_table and _DAMAGE_RE.search(text) and not _reports(_without_damage_said(text), attached):
        # "Mohon info jadwal rekonsiliasi fisik blangko rusak. Kami ada 38 keping rusak KTP-el dan 7 KIA yang perlu
        # diserahkan": the damaged blanks to hand over, no report of the stock (the report words are said of them).
        return "other"
    figures = bool(seen & {"stock_on_hand", "printed", "recorded"}) or has_table
    if figures:
        return "stock_report"
    if _INVITATION_RE.search(text):
        return "other"
    if _reports(text, attached):
        return "stock_report"
    if not seen and not unattributed and "?" not in text and _stock_unchanged(text):
        # "Angka stok sudah kami sampaikan di laporan mingguan Jumat lalu (lihat email di bawah), belum ada
        # perubahan karena libur": the stock reported again as it was, no new figure.
        return "stock_report"
    if (not seen and not unattributed and "?" not in text and _LOW_STOCK_RE.search(text)
            and _FIGURE_TO_FOLLOW_RE.search(text)):
        # "sisa blangko hampir habis, nanti ulun laporkan angkanya": the stock said low, its figure to follow, in a
        # mail that asks nothing: a report of the stock a clerk asks the figure of.
        return "stock_report"
    return "other"


_INSPECTION_NOTICE_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.INSPECTION_NOTICE_PHRASES) + r")(?![\w-])"
)
_STOCK_UNCHANGED_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.STOCK_UNCHANGED_PHRASES) + r")(?![\w-])")


_DAMAGE_RE = re.compile(r"(?<![\w-])(?:" + vocab.alternation(vocab.DAMAGE_WORDS) + r")(?![\w-])")


def _without_damage_said(text: str) -> str:
    """The text without its sentences (and lines) that speak of damaged blanks."""
    return " ".join(s.group() for s in _FULL_SENTENCE_RE.finditer(text) if not _DAMAGE_RE.search(s.group()))


def _stock_unchanged(text: str) -> bool:
    """Whether a sentence says the stock has not changed ("Angka stok ..., belum ada perubahan karena libur")."""
    return any(
        _STOCK_WORD_RE.search(s.group()) and _STOCK_UNCHANGED_RE.search(s.group())
        for s in _FULL_SENTENCE_RE.finditer(text)
    )


def _reports(text: str, attached: bool = False) -> bool:
    """Whether the text calls itself a report of blanks ("Laporan harian ...", "Stok akhir ..."), not in
    a question ("format laporan harian yang baru kolomnya apa?"); with a spreadsheet attached, the report
    it names ("laporan harian terlampir") need not name the blank."""
    named = any(
        not _in_question(text, m.end()) and not _REPORT_FORM_BEFORE_RE.search(text, max(0, m.start() - 16), m.start())
        and not _REPORT_HABIT_AFTER_RE.match(text, m.end())
        for m in _REPORT_RE.finditer(text)
    )
    if not named and (dated := _DATED_REPORT_RE.search(text)) is not None:
        named = not _in_question(text, dated.end()) and not _REPORT_FORM_BEFORE_RE.search(
            text, max(0, dated.start() - 16), dated.start()
        )
    return named and bool(attached or _BLANK_RE.search(text) or _KTP_RE.search(text) or _KIA_RE.search(text))


_ATTACHED_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.ATTACHED_WORDS) + r")(?![\w-])")
_FULL_SENTENCE_RE = re.compile(r"[^.!?\n]+")


def report_attached(low: str) -> bool:
    """Whether a sentence names a report and says it is attached ("laporan stok opname terlampir foto ya pak"),
    not in a question; a report named beside a file said to be something else ("Laporan harian tetap kami kirim
    manual. Screenshot terlampir.") is not."""
    return any(
        _REPORT_RE.search(s.group()) and _ATTACHED_RE.search(s.group()) and not _in_question(low, s.end())
        for s in _FULL_SENTENCE_RE.finditer(low)
    )


# "laporan harian kami sering terlambat": up to two words of its owner, then its habit of lateness.
_REPORT_HABIT_AFTER_RE = re.compile(
    r"(?:[^\S\n]+[a-z]+){0,2}?[^\S\n]+(?:" + vocab.alternation(vocab.REPORT_HABIT_AFTER_WORDS) + r")(?![\w-])"
)
_REPORT_FORM_BEFORE_RE = re.compile(r"(?<![\w-])(?:" + vocab.alternation(vocab.REPORT_FORM_WORDS) + r")[^\S\n]+$")
_DATED_REPORT_RE = re.compile(
    r"(?:" + vocab.word_start_alternation(vocab.DATED_REPORT_WORDS) + r")(?:[^\S\n]+[a-z][a-z.]{1,12}){0,2}"
    r"[^\S\n]+(?:tgl\.?[^\S\n]*)?\d{1,2}[/-]\d{1,2}(?![\d])"
)


@lru_cache(maxsize=64)
def _district_patterns(districts: tuple[District, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    out: list[tuple[str, re.Pattern[str]]] = []
    for d in districts:
        name = " ".join(d.name.lower().split())
        for prefix in vocab.DISTRICT_PREFIXES:
            if name.startswith(prefix + " "):
                name = name[len(prefix) + 1 :]
                break
        names = (name, *vocab.DISTRICT_ALIASES.get(name, ()))
        alts = vocab.alternation(names)
        out.append((d.code, re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])")))
    return tuple(out)


_SIGNATURE_LINES = 6  # a signature block's lines at the end of the text; a letterhead's at its top
_LETTERHEAD_LINES = 3
_TAIL_LINES = 2  # with no closing, a signature's name and office are the text's last lines
_SIGNATURE_LINE_MAX = 80  # a signature's line ("Ardi - operator perekaman Dukcapil KTT") is short; a sentence is not
_OFFICE_RE = re.compile(r"(?:" + vocab.word_start_alternation(vocab.OFFICE_WORDS) + r")(?![\w-])")
# The closing a signature follows ("Salam,", "Hormat kami,", "Terima kasih", "Regards").
_CLOSING_RE = re.compile(r"^[ \t]*(?:" + vocab.alternation(vocab.SIGNATURE_CLOSINGS) + r")\b")


def district_named(low: str, districts: Sequence[District], subject: str = "") -> str | None:
    """The code of the one district the text names ("Disdukcapil Kabupaten Nunukan"), else None.

    When the text names several (the writer's district and one spoken of: "seperti Kab. Malinau
    kemarin"), the one its signature names, else its letterhead, else its subject (normalised, given
    apart: "Request for additional blank e-ID cards - Tarakan"), is the one the writer speaks for.

    >>> from mailbot.reader.verdict import District
    >>> ds = [District("65.02", "Kabupaten Malinau", ()), District("65.03", "Kabupaten Nunukan", ())]
    >>> district_named("mohon 500 keping, seperti malinau kemarin.\\nsalam,\\noperator disdukcapil nunukan", ds)
    '65.03'
    """
    patterns = _district_patterns(tuple(districts))
    codes = {code for code, pattern in patterns if pattern.search(low)}
    if len(codes) > 1 and _FORMER_OFFICE_RE.search(low):
        # "Operator, Disdukcapil Kab. Bulungan / (pindahan dari kantor Capil Kab. Nunukan)": the office the
        # writer came from is not the one they speak for.
        low = _FORMER_OFFICE_RE.sub(" ", low)
        codes = {code for code, pattern in patterns if pattern.search(low)}
    if len(codes) <= 1:
        return codes.pop() if codes else district_cut_off(low, districts) or district_of_places(low, districts)
    signed = district_signed(low, districts)
    if signed is None and subject:
        # "Re: Request for additional blank e-ID cards - Tarakan" above "We received 500 from Bulungan": a
        # subject that names one district names the one the thread is about, the writer's.
        titled = {code for code, pattern in patterns if pattern.search(subject)}
        return titled.pop() if len(titled) == 1 else None
    return signed


@lru_cache(maxsize=64)
def _place_patterns(districts: tuple[District, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for d in districts:
        places = next((vocab.DISTRICT_PLACES[n] for n in _bare_names(d.name) if n in vocab.DISTRICT_PLACES), ())
        if places:
            out.append((d.code, re.compile(r"(?<![\w-])(?:" + vocab.alternation(places) + r")(?![\w-])")))
    return tuple(out)


def district_of_places(low: str, districts: Sequence[District]) -> str | None:
    """The district whose kecamatan or post the text names, when it names those of one district only
    ("lap UPT Krayan 15/7" is Nunukan's); see DISTRICT_PLACES.

    >>> from mailbot.reader.verdict import District
    >>> ds = [District("65.02", "Kabupaten Malinau", ()), District("65.03", "Kabupaten Nunukan", ())]
    >>> district_of_places("kia di krayan juga habis pak, minta 100 keping", ds)
    '65.03'
    """
    found = {code for code, pattern in _place_patterns(tuple(districts)) if pattern.search(low)}
    return found.pop() if len(found) == 1 else None


_CUT_NAME_RE = re.compile(
    r"(?<![\w-])(?:" + vocab.alternation(vocab.DISTRICT_PREFIX_SHORT) + r")\.?[^\S\n]+"
    r"(?P<cut>[a-z]{4,})[^\S\n]*$"
)


def district_cut_off(low: str, districts: Sequence[District]) -> str | None:
    """The district a signature cut off by a phone's mail names ("Ferdi - UPT Krayan Kab Nunuk"): the last line
    of the text ends with a district prefix and the start of one district's name, of no other's.

    >>> from mailbot.reader.verdict import District
    >>> ds = [District("65.02", "Kabupaten Malinau", ()), District("65.03", "Kabupaten Nunukan", ())]
    >>> district_cut_off("sdh sampai 400 keping.\\nferdi - upt krayan kab nunuk", ds)
    '65.03'
    """
    last = low.rstrip().rsplit("\n", 1)[-1]
    cut = _CUT_NAME_RE.search(last)
    if cut is None:
        return None
    start = cut.group("cut")
    found = [d.code for d in districts if any(
        name.startswith(start) for name in _bare_names(d.name))]
    return found[0] if len(found) == 1 else None


def _bare_names(name: str) -> tuple[str, ...]:
    """A district's name without its prefix ("nunukan" of "Kabupaten Nunukan"), with its aliases."""
    bare = " ".join(name.lower().split())
    for prefix in vocab.DISTRICT_PREFIXES:
        if bare.startswith(prefix + " "):
            bare = bare[len(prefix) + 1 :]
            break
    return (bare, *vocab.DISTRICT_ALIASES.get(bare, ()))


_CLOSING_LINE_WORDS = 4  # "Salam,", "Hormat kami,", "Terima kasih pak": a closing alone on its line, no sentence


# A hope or a condition ("semoga segera kami terima", "kalau sudah sampai"): an arrival said with one is no arrival
# told (the reader's count received of the other blank, the desk's arrival beside an ask).
HOPE_OR_CONDITION_RE = re.compile(r"\b(?:" + vocab.alternation(vocab.HOPED_ARRIVAL_WORDS + vocab.CONDITION_WORDS)
                                  + r")(?![\w-])")


_SIGNATURE_DELIMITER_RE = re.compile(r"^-- ?$", re.MULTILINE)
_DEVICE_LINE_RE = re.compile(r"^[ \t]*" + DEVICE_LINE + r"[ \t]*$", re.MULTILINE | re.IGNORECASE)


def without_signature_lines(text: str) -> str:
    """*text* without a signature under its delimiter line ("-- ", RFC 3676) and without a phone's or mail app's
    line ("Sent from my iPhone 15", "Dikirim dari perangkat Android saya dengan K-9 Mail"): no words of the writer.

    >>> without_signature_lines("Baik pak.\\n\\nSent from my iPhone 15\\n")
    'Baik pak.\\n\\n\\n'
    """
    return _DEVICE_LINE_RE.sub("", _SIGNATURE_DELIMITER_RE.split(text, maxsplit=1)[0])


def without_sign_off(text: str) -> str:
    """*text* (a writer's new words) without the sign-off at its end: the last closing alone on its line ("Salam,",
    "Hormat kami,") and the few short lines below it (the name, the office), for quoting the words to a manager.
    Text with nothing before the closing, or longer lines below it, is left as it is.

    >>> without_sign_off("Stok kami tinggal 200 keping.\\n\\nSalam,\\nSeksi PIAK Disdukcapil Kota Tarakan")
    'Stok kami tinggal 200 keping.'

    A signature under its delimiter line ("-- ") and a phone's line ("Dikirim dari Redmi Note 13 saya") go too.

    >>> without_sign_off("Mohon segera dikirim pak.\\n\\nDikirim dari Redmi Note 13 saya")
    'Mohon segera dikirim pak.'
    """
    text = without_signature_lines(text).rstrip()
    lines = text.split("\n")
    closing = max((i for i, line in enumerate(lines) if _CLOSING_RE.match(line.lower())
                   and len(line.split()) <= _CLOSING_LINE_WORDS), default=None)
    if closing is None or not any(line.strip() for line in lines[:closing]):
        return text
    below = [line for line in lines[closing + 1:] if line.strip()]
    if len(below) > _SIGNATURE_LINES or any(len(line) > _SIGNATURE_LINE_MAX for line in below):
        return text
    return "\n".join(lines[:closing]).rstrip()


def district_signed(low: str, districts: Sequence[District], lone_sentence: bool = True) -> str | None:
    """The one district the text's signature (the lines after its closing, else its last lines) names,
    else the one its letterhead (its first lines) names; None when neither names exactly one. With lone_sentence
    false, a text of one sentence-long line has neither ("Tolong dipantau kab yang stok di bawah 1.000, dan siapkan
    pengiriman ke gudang Nunukan": an instruction naming a district, signed by none)."""
    patterns = _district_patterns(tuple(districts))
    lines = [line for line in low.split("\n") if line.strip()]
    if not lone_sentence and len(lines) == 1 and len(lines[0].strip()) > _SIGNATURE_LINE_MAX:
        return None
    closing = max((i for i, line in enumerate(lines) if _CLOSING_RE.match(line)), default=None)
    signature = lines[closing:][:_SIGNATURE_LINES] if closing is not None else lines[-_TAIL_LINES:]
    for zone in (signature, lines[:_LETTERHEAD_LINES]):
        # a line naming the district as an office ("Operator Disdukcapil Kab. Nunukan"), not a place
        text = "\n".join(line for line in zone if _OFFICE_RE.search(line))
        named = {code for code, pattern in patterns if pattern.search(text)}
        if len(named) > 1 and zone is signature:
            # "Pak, blangko pinjaman dari Disdukcapil Kab. Bulungan sudah kami terima ... / Ardi - operator
            # Dukcapil KTT": in a short mail the tail holds the message too; the signature's own short lines
            # name the writer's office, a sentence of the message the other office.
            short = "\n".join(line for line in zone if _OFFICE_RE.search(line) and len(line) <= _SIGNATURE_LINE_MAX)
            named = {code for code, pattern in patterns if pattern.search(short)}
        if len(named) == 1:
            return named.pop()
    return None


def other_districts_pattern(code: str | None, districts: Sequence[District]) -> re.Pattern[str] | None:
    """The full names of every district but *code* ("nunukan", "tana tidung"): a figure said of one of
    them is not the writing district's. Short aliases ("blg") are left out: they read as other words."""
    if code is None:
        return None
    return _other_districts(code, tuple(districts))


@lru_cache(maxsize=64)
def _other_districts(code: str, districts: tuple[District, ...]) -> re.Pattern[str] | None:
    names = []
    tags = []
    for d in districts:
        if d.code == code:
            continue
        name = " ".join(d.name.lower().split())
        for prefix in vocab.DISTRICT_PREFIXES:
            if name.startswith(prefix + " "):
                name = name[len(prefix) + 1 :]
                break
        names.append(name)
        # "Dimas Capil Blg": a short name after an office's word (a chat's speaker) is the district's.
        tags += [*vocab.DISTRICT_ALIASES.get(name, ()), *vocab.DISTRICT_TAG_ALIASES.get(name, ())]
    if not names:
        return None
    tagged = (
        rf"|(?<![\w-])(?:{vocab.alternation(vocab.OFFICE_TAG_WORDS)})[^\S\n]+(?:{vocab.alternation(tags)})(?![\w-])"
        if tags else ""
    )
    return re.compile(rf"(?<![\w-])(?:{vocab.alternation(names)})(?![\w-]){tagged}")


def district_of_sender(sender: str | None, districts: Sequence[District]) -> str | None:
    """The code of the district whose sender list holds this address."""
    if not sender:
        return None
    for d in districts:
        for address in d.senders:  # (a loop, not a generator per district: this runs for every message)
            if address.lower() == sender:
                return d.code
    return None


def district_of_domain(sender: str | None, districts: Sequence[District]) -> str | None:
    """The code of the one district the sender's domain names ("smsgw@posko.bpbd-malinau.example",
    "staf@nunukankab.example"), else None: an address on no district's list at such a domain writes from there.

    >>> from mailbot.reader.verdict import District
    >>> ds = [District("65.02", "Kabupaten Malinau", ()), District("65.04", "Kabupaten Tana Tidung", ())]
    >>> district_of_domain("smsgw@posko.bpbd-malinau.example", ds), district_of_domain("x@tanatidungkab.example", ds)
    ('65.02', '65.04')
    >>> district_of_domain("malinau.staff@gmail.com", ds) is None
    True
    """
    if not sender or "@" not in sender:
        return None
    labels = sender.rsplit("@", 1)[1].lower().split(".")
    words = {part for label in labels for part in (label, *label.split("-"), label.replace("-", ""))}
    affixes = "|".join(sorted(vocab.DOMAIN_NAME_AFFIXES, key=len, reverse=True))
    bare = {re.sub(rf"^(?:{affixes})|(?:{affixes})$", "", word) for word in words}
    found = {d.code for d in districts
             if any(name.replace(" ", "") in bare for name in _bare_names(d.name)[:1])}
    return found.pop() if len(found) == 1 else None

