"""What a district's follow-up in a request's thread says about that request: a correction (which figure,
old and new), the same figures restated, a question, a figure for the other blank, an appeal, or words a
person must read. Pure: the new text of the mail and the request's figures in, a reading out."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from typing import Literal

from mailbot.reader import vocabulary
from mailbot.reader.classify import HOPE_OR_CONDITION_RE, PAPERS_RECEIVED_RE
from mailbot.reader.numbers import Mention, find_mentions, normalise
from mailbot.reader.signs import written_below_zero

Intent = Literal["correction", "restated", "question", "other_item", "appeal", "unclear", "plain"]
FIELDS = ("requested", "stock_on_hand")

_QUESTION = re.compile(r"\?|\b(?:apakah|kapan|bagaimana|berapa|bisakah|bolehkah|dapatkah|mohon (?:info|informasi|"
                       r"penjelasan)|di ?mana|when|how (?:many|much|long)|could you|can you|would you|is it|are the|"
                       r"what|which)\b")
# The blank a figure is about, named right after it ("300 keping KIA") or right before it ("KIA 300").
# The reader's own words (mailbot.reader.vocabulary): a unit of blanks ("keping", "lbr", "kpg", "pcs") and a word
# denying the figure after it ("bukan", "bkn", "not").
_BLANK_UNIT = "|".join(map(re.escape, sorted(
    vocabulary.BLANK_UNITS + vocabulary.ENGLISH_BLANK_NOUNS + ("blank", "pieces"), key=len, reverse=True)))
_NOT = "|".join(map(re.escape, sorted(vocabulary.WRONG_FIGURE_WORDS, key=len, reverse=True)))
_KIA = re.compile(r"\b(?:kia|kartu identitas anak)\b")
_KTP = re.compile(r"(?:\bktp|\be-?ktp|\bktp-?el|\bktp elektronik)")
_UNIT_GAP = re.compile(r"^[\s,]*(?:(?:" + _BLANK_UNIT + r")\b|\s)*")
# The old figure of a correction: "bukan 1.800", "dari 1.800 menjadi", "(kemarin salah ketik 800)".
_OLD_BEFORE = re.compile(r"(?:\b(?:" + _NOT + r")(?: lagi)?|\bsalah ketik|\bsemula|\bsebelumnya|\btertulis|"
                         r"\binstead of|\brather than|\btypo(?: of)?|\bpreviously|\binstead of the)\s*[:(]?\s*$")
# ... or named as wrong right after it: "angka 1.500 itu keliru, seharusnya 1.200", "1.500 tadi salah ketik".
_OLD_AFTER = re.compile(r"^\s*(?:(?:" + _BLANK_UNIT + r")\b)?\s*(?:itu|tadi|td|tersebut|kemarin|yang kami tulis)?\s*"
                        r"(?:ternyata\s+|adalah\s+)?(?:keliru|salah)\b")
_FROM_BEFORE = re.compile(r"\b(?:dari|from)\s*$")
_NEW_AFTER_OLD = re.compile(r"^\s*(?:(?:" + _BLANK_UNIT + r")\b)?\s*,?\s*"
                            r"(?:menjadi|jadi|diubah|berubah|to)\b")
_STOCK_CUES = re.compile(r"\b(?:sisa|stok|stock|persediaan|tersisa|tinggal|tersedia|remaining|left|on hand)\b")


def stock_named(text: str) -> bool:
    """Whether *text* speaks of a stock ("stok KIA kami tinggal sadikit", "we have almost none left")."""
    return _STOCK_CUES.search(text.lower()) is not None


def gives_figure_of(text: str, field: str) -> bool:
    """Whether *text* names a figure, however loosely, beside a word for *field* (the stock or the ask): "masih ada
    kurang lebih 350an keping, nanti sy pastikan lg angkanya" after "stok di kantor induk" is the stock's.

    >>> gives_figure_of("Stok di kantor induk bukan 0 pak, masih ada kurang lebih 350an keping", "stock_on_hand")
    True
    >>> gives_figure_of("Stok kami hampir habis pak", "stock_on_hand"), gives_figure_of("sisa 350an", "requested")
    (False, False)
    """
    cues = {"stock_on_hand": _STOCK_CUES, "requested": _REQUEST_CUES}.get(field)
    return cues is not None and re.search(r"\d", text) is not None and cues.search(text.lower()) is not None


# A count of what arrived: "yang kami terima 1.200", "setelah dihitung ulang ternyata lengkap 1.200",
# "received 1,200".
_RECEIVED_CUES = re.compile(r"\b(?:terima|diterima|menerima|penerimaan|dihitung(?: ulang| kembali)?|hitung ulang|"
                            r"lengkap|sampai|tiba|received|arrived|counted|recount(?:ed)?)\b")
_REQUEST_CUES = re.compile(r"\b(?:mohon\w*|memohon\w*|minta\w*|permintaan\w*|permohonan\w*|dimohon\w*|"
                           r"butuh|membutuhkan|kebutuhan|kintun\w*|dikintun\w*|"
                           r"perlu|perlukan|memerlukan|diperlukan|"
                           r"tambahan|cukup|(?:di|meng|men)?ajukan\w*|pengajuan|usulan|kirim\w*|dikirim\w*|dinaikkan|naikkan|dinaikan|"
                           r"diturunkan|turunkan|dikurangi|kurangi|ditambah\w*|need\w*|request\w*|ask\w*|"
                           r"require\w*|order\w*|send|only|increase\w*|rais\w*|reduc\w*|lower\w*)\b")
_CORRECTION_WORDS = re.compile(r"\b(?:koreksi|ralat|" + _NOT + r"|sebenarnya|yang benar|harusnya|seharusnya|"
                               r"mestinya|semestinya|salah|keliru|revisi|menjadi|diubah|dikurangi|dinaikkan|diturunkan|cukup|"
                               r"dihitung ulang|hitung ulang|ternyata|correction|correct|actually|should be|instead|"
                               r"not|typo|mistake|wrong|revised?|changed?|increased?|reduced?)\b")
_ACCEPTANCE = re.compile(r"\b(?:" + vocabulary.alternation(vocabulary.ACCEPTANCE_WORDS) + r")(?![\w-])")
# Asking the province to look again at its decision: an appeal for a manager, whatever figure it names.
_ASKS_LOOK_AGAIN = vocabulary.alternation(vocabulary.LOOK_AGAIN_WORDS)
_LOOKS_AGAIN = re.compile(rf"\b(?:{_ASKS_LOOK_AGAIN})\b")
_LOOK_AGAIN = (_ASKS_LOOK_AGAIN + r"|(?:tetap|masih) (?:membutuhkan|butuh|memerlukan|perlu|mohon|meminta|minta)|"
               r"tidak (?:cukup|mencukupi)|belum (?:cukup|mencukupi)|still (?:need|require|want)")
# ... said even in a question ("could the province please reconsider this?"): an appeal, no question for a person.
_LOOK_AGAIN_ASKED = re.compile(rf"\b(?:{vocabulary.alternation(vocabulary.LOOK_AGAIN_ASKED_WORDS)})\b")
# ... or the part approved protested ("kenapa cuma segitu??", "kok namung 600 to?"): after a part approval, an appeal.
_PROTESTS_CUT = re.compile(rf"\b(?:{vocabulary.alternation(vocabulary.PART_CUT_PROTEST_WORDS)})\b|"
                           rf"\b(?:{vocabulary.alternation(vocabulary.PART_CUT_WHY_WORDS)})(?:\s+[^\s.;!?\d]+){{0,4}}?"
                           rf"\s+(?:{vocabulary.alternation(vocabulary.PART_CUT_ONLY_WORDS)})\b")
# ... or asked whether the part approved is all ("apakah 2.000 keping itu sudah final?", "tidak bisa full 4.500?")
_ASKS_PART_FINAL = re.compile(rf"\b(?:{vocabulary.alternation(vocabulary.PART_CUT_ASKED_WORDS)})\b")
# ... or the part approved quoted as not enough ("2.000 tidak cukup", "2.000 keping masih kurang", "2.000 saja?",
# "cuma 2.000?"): that figure is the one protested, never a figure the district asks.
_NOT_ENOUGH_AFTER = re.compile(
    r"\s*(?:(?:" + _BLANK_UNIT + r")\b)?\s*(?:itu|tersebut|tsb|tadi|td|yang disetujui|yg disetujui)?\s*"
    r"(?:(?:ini|sih|pak|bapak|bu|ibu)\s*)?,?\s*(?:(?:" + vocabulary.alternation(vocabulary.PART_NOT_ENOUGH_AFTER)
    + r")(?![\w-])(?!\s*(?:dari|lebih|dikit|sedikit|sdkt|\d))"
    r"|(?:saja|aja|sj|doang)?\s*(?:(?:pak|bapak|bu|ibu)\s*)?\?)")
_ONLY_BEFORE = re.compile(r"\b(?:hanya|cuma|cuman|cm|kok|koq)\s*$")
# Whether the request was decided yet, asked: "apakah sudah ada keputusan", "apa sdh ada keputusannya" (a reminder,
# mailbot.attention, as well as never a correction here).
DECISION_YET = (r"(?:apakah|apa|apkh)\s+(?:sudah|sdh|udah|udh|telah|dah)\s+ada\s+"
                rf"(?:{vocabulary.alternation(vocabulary.DECISION_ASKED_WORDS)})\b")
# The state of the request asked after, with or without a question mark ("izin menanyakan perkembangan permohonan
# tambahan 200 keping kami", "ijin bertanya perkembangan usulan tambahan 200 keping, apakah sdh ada keputusan",
# "mohon info kelanjutan usulan kami", "bagaimana kabarnya yg 200 itu"): the figure named
# is the one asked after, never a new one.
_PROGRESS_ASKED = re.compile(
    rf"\b(?:{vocabulary.alternation(vocabulary.ASKING_VERBS)}|mohon\s+(?:info|informasi)|"
    rf"{vocabulary.alternation(vocabulary.PROGRESS_ASKED_BEFORE)}|{vocabulary.alternation(vocabulary.REMINDER_HOW_WORDS)})"
    rf"\s+(?:[\w-]+\s+){{0,2}}?(?:{vocabulary.alternation(vocabulary.PROGRESS_WORDS)})|"
    # "..., apakah sdh ada keputusan pimpinan": whether the request was decided, asked
    + r"\b" + DECISION_YET)
# ... unless the same mail marks a change in so many words ("ralat", "yang benar", "bukan 4.200", "diubah jadi"): a
# correction asked with a question after it stays one.
_MARKS_CHANGE = re.compile(rf"(?<![\w-])(?:{vocabulary.alternation(vocabulary.CORRECTION_OPENERS)}|{_NOT}|sebenarnya|"
                           rf"seharusnya|harusnya|mestinya|semestinya|"
                           rf"{vocabulary.alternation(vocabulary.CHANGE_ASKED)})(?![\w-])")


def _protested_part(low: str, approved: int) -> set[int]:
    """Where *low* writes the part *approved* as the thing protested ("2.000 tidak cukup", "2.000 saja?"): the
    starts of those mentions (a question mark counts only after "saja" or after "hanya ... 2.000")."""
    starts: set[int] = set()
    for m in find_mentions(low):
        if m.value != approved:
            continue
        after = _NOT_ENOUGH_AFTER.match(low, m.end)
        if after is None:
            continue
        if after.group().rstrip().endswith("?") and not re.search(r"\b(?:saja|aja|sj|doang)\b", after.group()) \
                and not _ONLY_BEFORE.search(low[max(0, m.start - 12):m.start]):
            continue
        starts.add(m.start)
    return starts


_RECONSIDER = re.compile(rf"\b(?:{_LOOK_AGAIN}|review|not enough|insufficient)\b")
# Asking the province to look again, or giving a reason for a figure.
_APPEAL = re.compile(rf"\b(?:{_LOOK_AGAIN}|karena|sebab|alasan|namun|tetapi|akan tetapi|jemput bola|because|due to)\b")
_CLAUSE_END = re.compile(r"[.;!?\n]")
# The reason given for a figure, written after it: "…, karena jemput bola butuh 600 keping".
_REASON_BETWEEN = re.compile(r"\b(?:karena|sebab|dikarenakan|mengingat|because|due to|since)\b")
# Keeping to a figure: "tetap membutuhkan 2.000", "still need 2000".
_STILL_NEED = re.compile(r"\b(?:(?:tetap|masih) (?:membutuhkan|butuh|memerlukan|perlu|mohon|meminta|minta)|"
                         r"still (?:need|require|want))\b")


def _without_granted_restated(low: str, granted: int | None) -> str:
    """*low* less each "tetap membutuhkan 2.000" / "still need 2000" that names *granted*, the figure already
    asked and granted in full: the district keeps to its request and asks nothing to be looked at again (with
    a corrected stock, it is a correction)."""
    if granted is None:
        return low
    for m in reversed(list(_STILL_NEED.finditer(low))):
        after = [x for x in find_mentions(low[m.end():m.end() + 40]) if x.value is not None]
        if after and after[0].value == granted:
            low = low[:m.start()] + low[m.end():]
    return low


# A correction that gives only the new figure ("salah ketik pak, maksudnya 1.500 keping saja"): its one figure,
# placed by no cue, is the request's asked figure (mailbot.reader.vocabulary).
_NEW_ASKED_ONLY = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(vocabulary.NEW_ASKED_FIGURE_ONLY, key=len,
                                                                       reverse=True))) + r")\b")


# Words that say the one figure of a correction naming no field is an amount to send, not a stock ("maksudnya
# 1.500 keping saja", "harusnya 2.500, karena ada perekaman massal"): mailbot.reader.vocabulary.
_ASKED_HINT = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(vocabulary.ASKED_FIGURE_HINTS, key=len,
                                                                    reverse=True))) + r")\b")


# The amount of the request said to be changed: "jumlahnya kami ubah menjadi", "jumlah tersebut kami revisi jadi".
# The district asking for its figure to be changed, as a question ("could you make it 2,500 instead?"): no question
# for a person, the change it asks (mailbot.reader.vocabulary).
_CHANGE_ASKED = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(vocabulary.CHANGE_ASKED, key=len, reverse=True)))
                           + r")\b")
_AMOUNT_CHANGED = re.compile(r"\bjumlah(?:nya| tersebut| itu)? (?:kami |mohon |untuk )?(?:di)?"
                             r"(?:ubah|ganti|revisi|ralat|koreksi|perbaiki)\w*\b[^0-9]{0,20}$")


# The content of one bundle, right before its figure ("satu ikat isi 100 yang terselip"; mailbot.reader.vocabulary).
_BUNDLE_CONTENT = re.compile(r"(?:^|(?<![\w-]))(?:" + "|".join(map(re.escape, vocabulary.BUNDLE_CONTENT_BEFORE))
                             + r")\s*$")


# Words that say a mail corrects a figure given before ("ralat", "koreksi"), not a mere "bukan" in passing.
_SAYS_CORRECTION = re.compile(r"\b(?:koreksi|ralat|revisi|salah ketik|yang benar|correction)\b")


# Words that correct a figure given before, or say it was miscounted: after a receipt, of the count received.
_RECOUNTED = re.compile(r"\b(?:koreksi|ralat|revisi|salah (?:hitung|ketik|tulis)|keliru (?:hitung|menghitung)|"
                        r"yang benar|seharusnya|sebenarnya|hitung ulang|dihitung (?:ulang|kembali)|recount\w*|"
                        r"miscount\w*|correction|should be)\b")


def words_digest(text: str, in_reply_to: str | None) -> str:
    """A digest of a mail's new words and of the mail it answers: two mails with the same digest are the same mail
    sent twice (a new Message-ID, the same text, the same In-Reply-To), white space and case aside."""
    words = " ".join(normalise(text or "").split())
    return hashlib.sha256(f"{in_reply_to or ''}\n{words}".encode()).hexdigest()[:32]


def says_recount(text: str) -> bool:
    """Whether *text* says it corrects or recounts a figure given before ("salah hitung", "koreksi", "ralat").

    >>> says_recount("Maaf pak, salah hitung: yang kami terima 1.900 keping.")
    True
    >>> says_recount("Kiriman blangko 1.500 keping sudah kami terima.")
    False
    """
    return _RECOUNTED.search(normalise(text or "")) is not None


def corrected_figures(text: str) -> tuple[int, ...]:
    """The figures *text* names as wrong when it says it corrects one ("Ralat: sisa stok kami 80 keping, bukan
    120" -> (120,)); () when it says no correction or names no old figure.

    >>> corrected_figures("Ralat: sisa stok kami 80 keping, bukan 120.")
    (120,)
    >>> corrected_figures("Mohon tambahan 2.000 keping, bukan untuk kecamatan lain.")
    ()
    """
    low = normalise(text or "")
    if not _SAYS_CORRECTION.search(low):
        return ()
    return tuple(f.value for f in _figures(low, "ktp-el") if f.old)


# A split shipment: "sisa blangko ... 1.000 keping sudah kami terima juga", "Jadi seluruhnya 2.000 keping sudah
# lengkap"; and the rest announced as coming ("sisanya menyusul", "sisanya masih di ekspedisi").
_REFERENCE = re.compile(r"\bblk-\d{4}-\d+\b")
_REST = re.compile(r"\b(?:sisa\w*|kekurangan\w*|selebihnya|kurangnya|rest|remaining)\b")
_WHOLE = re.compile(r"\b(?:seluruhnya|total\w*|semuanya|keseluruhan\w*|in total|all)\b")
_ARRIVED = re.compile(r"\b(?:terima|diterima|sampai|tiba|datang|masuk|lengkap|received|arrived"
                      # a phone's and the regions' short forms: "yg 400 kmrn udh dtg", "br nyampe", "tos dugi"
                      r"|dtg|dateng|nyampe|nyampai|nympe|sampe|dugi|came|came in)\b|"
                      r"\b(?:" + vocabulary.alternation(vocabulary.REST_ARRIVED_BEFORE_WORDS) + r")\b")
# The rest of a shipment still on its way, in the reader's words (mailbot.reader.vocabulary): the rest named
# ("sisanya", "the rest") or a count of more ("800 lagi", "1,200 more"), then within its clause what puts it on
# its way; or a word that says so alone ("menyusul"); or the count received said to be so far ("so far").
# A dot between digits ("sisanya 1.200 keping belum sampai") is a thousands dot, no end of the clause.
_IN_CLAUSE = r"(?:[^.\n]|(?<=\d)\.(?=\d))"
_ON_ITS_WAY = r"(?:" + vocabulary.word_start_alternation(vocabulary.REST_ON_ITS_WAY_PHRASES) + r")(?![\w-])"
_MORE_OF = (r"\b(?:kurang )?\d[\d.,]*(?: (?:" + vocabulary.alternation(vocabulary.BLANK_UNITS + ("blanks", "pieces"))
            + r"))? (?:" + vocabulary.alternation(vocabulary.MORE_WORDS) + r")\b")
# "sisanya menyusul", "sisa 800 dikirim minggu depan", "800 lagi nyusul katanya", "kurang 500 lagi masih di jalan",
# "the rest (1,200) is still on the ship", "1,200 more to follow", "received 800 blanks so far"
_COMING = re.compile(
    r"(?:" + vocabulary.word_start_alternation(vocabulary.REST_COMING_WORDS) + r")(?![\w-])"
    + r"|(?:" + vocabulary.word_start_alternation(vocabulary.SHIPMENT_REST_WORDS) + r")(?![\w-])"
    + _IN_CLAUSE + r"{0,60}?" + _ON_ITS_WAY
    + r"|" + _MORE_OF + _IN_CLAUSE + r"{0,40}?" + _ON_ITS_WAY
    + r"|(?:" + vocabulary.word_start_alternation(vocabulary.SO_FAR_PHRASES) + r")(?![\w-])"
    + r"|\b\d+ (?:" + vocabulary.alternation(vocabulary.COUNTED_PACKS) + r")\b" + _IN_CLAUSE + r"{0,24}?" + _ON_ITS_WAY)


def _sentence(low: str, start: int, end: int) -> str:
    cut = max((m.end() for m in _CLAUSE_END.finditer(low, 0, start)), default=0)
    stop = _CLAUSE_END.search(low, end)
    return low[cut:stop.start() if stop else len(low)]


# The rest of a shipment, never a stock: "sisa blangko", "sisanya", "sisa kiriman", "sisa pengirimannya".
_REST_OF_SHIPMENT = re.compile(r"\bsisa\w* (?:blangko|blanko|kiriman\w*|pengiriman\w*|paket\w*)\b|\bsisanya\b")


_REST_NYA = re.compile(r"\bsisa (\d[\d.,]*)\s*nya\b")
# "sisa 500 kpg sdh nyampe", "Sisa 500 keping sudah sampai": "sisa" right before a figure that arrived is the rest
# of the shipment, no stock (a stock is said "sisa stok 500", "sisa kami 500")
_REST_FIGURE_ARRIVED = re.compile(r"\bsisa (?=\d[\d.,]*(?:\s+\w+){0,4}?\s+(?:" + _ARRIVED.pattern + r"))")


def rest_arrived(text: str, *, received_before: int, shipped: int) -> int | None:
    """The whole count of a shipment received in parts, from the mail about its second part: the rest that
    arrived added to *received_before*, or the total it states; None when the text says neither, when the two
    disagree, or when the count would not be above what was received before nor within what was shipped.

    >>> rest_arrived("Sisa blangko KTP-el 1.000 keping untuk BLK-2026-0001 hari ini sudah kami terima juga. "
    ...              "Jadi seluruhnya 2.000 keping sudah lengkap.", received_before=1000, shipped=2000)
    2000
    >>> rest_arrived("sisanya 600 keping sudah sampai", received_before=1000, shipped=2000)
    1600
    >>> rest_arrived("Pak, yang 500 sudah sampai hari ini.", received_before=700, shipped=1200)
    1200
    >>> rest_arrived("Ralat pak, yang sampai 500, bukan 700.", received_before=700, shipped=1200) is None
    True
    >>> rest_arrived("Tahap kedua 700 keping juga sudah kami terima.", received_before=1200, shipped=2000)
    1900
    >>> rest_arrived("sisa stok kami 1.000 keping", received_before=1000, shipped=2000) is None
    True
    >>> rest_arrived("pak sisa 400nya br nyampe td sore, skrg udh komplit smua", received_before=600, shipped=1000)
    1000
    >>> rest_arrived("Sisa 500 keping sudah sampai hari ini, jadi total 1.300 keping sudah lengkap.",
    ...              received_before=800, shipped=1300)
    1300
    >>> rest_arrived("Sisa kiriman sudah sampai pak, tapi setelah dihitung hanya 700 keping.", received_before=1200,
    ...              shipped=2000)
    1900
    """
    # "sisa 400nya br nyampe": the figure's "-nya" makes "sisa" the rest of it, no stock ("sisanya 400")
    low = _REST_NYA.sub(r"sisanya \1", _REFERENCE.sub(" ", normalise(text or "")))
    low = _REST_FIGURE_ARRIVED.sub("sisanya ", low)
    rest = whole = None
    for m in find_mentions(low):
        if m.value is None or m.value <= 0 or m.unit not in (None, "blank") or m.rate or m.year or m.approximate:
            continue
        clause, sentence = _clause_before(low, m.start), _sentence(low, m.start, m.end)
        if not _ARRIVED.search(sentence) or _STOCK_CUES.search(_REST_OF_SHIPMENT.sub("", clause)):
            continue
        if _WHOLE.search(clause) and whole is None:
            whole = m.value
        elif _REST.search(clause) and rest is None:
            rest = m.value
        elif rest is None and (_is_outstanding_arriving(sentence, m.value, received_before=received_before,
                                                         shipped=shipped)
                               or _is_further_part(sentence, m.value, received_before=received_before,
                                                   shipped=shipped)):
            rest = m.value
    if whole is None and rest is None:
        return None
    if whole is not None and rest is not None and received_before + rest != whole:
        return None
    count = whole if whole is not None else received_before + (rest or 0)
    return count if received_before < count <= shipped else None


# Words that make a count a correction of the one given before, not the rest arriving.
_CORRECTING = re.compile(r"\b(?:koreksi|ralat|" + _NOT + r"|sebenarnya|seharusnya|ternyata|salah|keliru|revisi|"
                         r"hitung ulang|dihitung ulang|hanya|cuma|total\w*|seluruhnya|semuanya)\b")


# The shipment said complete now ("jadi sudah genap semuanya", "lengkap ya skrg", "we have everything now"): the
# part that arrived made it whole, no total that replaces the count received before.
_NOW_COMPLETE = re.compile(
    r"\b(?:(?:sudah|sdh|udh|udah|telah|jadi|genap|lengkap|komplit)\s+)+(?:semua\w*|smua\w*|seluruhnya)\b|"
    r"\b(?:semua\w*|smua\w*|seluruhnya)\s+(?:(?:sudah|sdh|udh|udah|telah)\s+)?(?:genap|lengkap|komplit)\b|"
    r"\b(?:have|got) (?:everything|all of it|them all)\b")


def _corrects(sentence: str) -> bool:
    """Whether *sentence* has words that make its count a correction of the one given before (a completeness
    said of the shipment is none)."""
    return bool(_CORRECTING.search(_NOW_COMPLETE.sub(" ", sentence)))


def _is_outstanding_arriving(sentence: str, value: int, *, received_before: int, shipped: int) -> bool:
    """Whether *sentence* says the figure still outstanding of a shipment received in parts has now arrived
    ("yang 500 sudah sampai hari ini" after 700 of 1.200): the rest, not a correction of the first count.

    >>> _is_outstanding_arriving("yang 400 tadi sudah tiba juga pak hari ini, jadi sudah genap semuanya", 400,
    ...                          received_before=600, shipped=1000)
    True
    """
    return (0 < received_before < shipped and value == shipped - received_before
            and bool(_ARRIVED.search(sentence)) and not _corrects(sentence))


# A delivery said to come after one received before: "tahap kedua 700 keping juga sudah kami terima", "kiriman
# susulan … isinya 700", "the second batch of 700 arrived too".
_FURTHER = re.compile(r"\b(?:(?:tahap|termin|gelombang|kiriman|pengiriman|bagian|paket|dus|kardus|koli|box|"
                      r"batch|part|delivery|shipment)"
                      r"\s+(?:ke-?\s*)?(?:2|3|4|dua|tiga|empat|kedua|ketiga|keempat|ii|iii|iv|berikut\w*|"
                      r"selanjutnya|susulan|lanjutan|terakhir|penghabisan)|"
                      r"(?:second|third|fourth|next|another|later|last|final)\s+(?:part|batch|delivery|shipment|lot)|"
                      r"susulan\w*|juga|pun|too|as well)\b")


def _is_further_part(sentence: str, value: int, *, received_before: int, shipped: int) -> bool:
    """Whether *sentence* says a further part of a shipment received in parts arrived, of a figure other than
    the rest outstanding ("tahap kedua 700 keping juga sudah kami terima" after 1.200 of 2.000): it adds to the
    count received before, never replaces it."""
    return (0 < received_before < shipped and 0 < value <= shipped - received_before
            and bool(_ARRIVED.search(sentence)) and bool(_FURTHER.search(sentence))
            and not _corrects(sentence))


def outstanding_arrived(text: str, *, received_before: int, shipped: int) -> bool:
    """Whether *text* says the figure still outstanding, or a further part, arrived (see rest_arrived): the
    second part of a shipment, even without the word "sisa".

    >>> outstanding_arrived("Pak, yang 500 sudah sampai hari ini.", received_before=700, shipped=1200)
    True
    >>> outstanding_arrived("Tahap kedua 700 keping juga sudah kami terima.", received_before=1200, shipped=2000)
    True
    """
    low = _REFERENCE.sub(" ", normalise(text or ""))
    return any(m.value is not None and any(
        said(_sentence(low, m.start, m.end), m.value, received_before=received_before, shipped=shipped)
        for said in (_is_outstanding_arriving, _is_further_part))
        for m in find_mentions(low) if m.unit in (None, "blank") and not m.year and not m.rate)


# A part of a shipment said to be the last: "kiriman terakhir", "tidak ada lagi yang menyusul", "hanya 700".
_LAST_PART = re.compile(r"\b(?:terakhir|penghabisan|tidak ada lagi|tak ada lagi|sudah tidak ada|tidak ada kiriman lain|"
                        r"hanya|cuma|last|final|no more|nothing more)\b")


def further_part_only(text: str) -> bool:
    """Whether a mail about a further part of a shipment says only that this part arrived: not that the rest
    arrived ("sisa kiriman sudah sampai"), nor that it was the last part ("kiriman terakhir", "hanya 700"). After
    the district said the rest is coming, such a part leaves the rest still coming.

    >>> further_part_only("Tahap kedua 700 keping juga sudah kami terima pak.")
    True
    >>> further_part_only("Tahap kedua 700 keping sudah kami terima, itu kiriman terakhir.")
    False
    >>> further_part_only("Sisa kiriman sudah sampai pak, tapi hanya 700 keping.")
    False
    """
    low = normalise(text or "")
    return not _REST.search(low) and not _LAST_PART.search(low) and not _WHOLE.search(low)


def names_rest(text: str) -> bool:
    """Whether *text* speaks of the rest of a shipment ("sisa blangko …", "sisanya", "kekurangan")."""
    return bool(_REST.search(normalise(text or "")))


def rest_coming(text: str) -> bool:
    """Whether a receipt says the rest of the shipment is still on its way ("sisanya menyusul").

    >>> rest_coming("sudah diterima 1.000 keping, sisanya menyusul katanya masih di ekspedisi")
    True
    >>> rest_coming("Baru sampai 1.200 keping, sisa 800 katanya dikirim minggu depan.")
    True
    >>> rest_coming("Pak, blangko baru datang 1.200 keping, 800 lagi nyusul katanya.")
    True
    >>> rest_coming("baru terima 1.500, kurang 500 lagi masih di ekspedisi")
    True
    >>> rest_coming("Blangko baru kami terima 1.300 keping, 700 keping lagi katanya masih di kapal.")
    True
    >>> rest_coming("We have received 800 blanks so far, the rest (1,200) is still on the ship.")
    True
    >>> rest_coming("sudah diterima 800 keping, sisanya 1.200 keping belum sampai")
    True
    >>> rest_coming("KTP-el 2.400 keping sudah kami terima, tapi ada 1 pak (100 keping) belum sampai")
    True
    >>> rest_coming("sudah kami terima 1.000 keping")
    False
    """
    return bool(_COMING.search(normalise(text or "")))


def rest_coming_figure(text: str) -> int | None:
    """The figure a receipt gives as the rest still on its way ("sisa 800 katanya dikirim minggu depan"): never
    the district's stock.

    >>> rest_coming_figure("Baru sampai 1.200 keping, sisa 800 katanya dikirim minggu depan.")
    800
    >>> rest_coming_figure("blangko baru datang 1.200 keping, 800 lagi nyusul katanya.")
    800
    >>> rest_coming_figure("Received 800 so far; the remaining 1,200 will arrive next week.")
    1200
    >>> rest_coming_figure("sudah diterima 1.000 keping, sisa stok kami 300 keping") is None
    True
    """
    low = normalise(text or "")
    for coming in _COMING.finditer(low):
        for m in find_mentions(low[coming.start():coming.end()]):
            if m.value is not None and m.value > 0 and m.unit in (None, "blank") and not m.year:
                return m.value
    return None


# The missing part of a shipment found, in the reader's words (mailbot.reader.vocabulary): the figure named as
# missing, and the words that say it was found, neither denied ("belum ditemukan").
_MISSING_BEFORE = re.compile(r"(?<![\w-])(?:" + vocabulary.alternation(vocabulary.MISSING_BEFORE_WORDS)
                             + r")\s*(?::\s*)?(?:sebanyak |sejumlah )?$")
_MISSING_AFTER = re.compile(r"^\s*(?:(?:" + vocabulary.alternation(vocabulary.BLANK_UNITS + ("blanks", "pieces"))
                            + r")\s*)?(?:" + vocabulary.alternation(vocabulary.MISSING_AFTER_WORDS) + r")(?![\w-])")
_NEGATED = r"(?<![\w-])(?:" + vocabulary.alternation(vocabulary.NEGATION_WORDS) + r")\s+(?:\w+\s+)?"
_FOUND = re.compile(r"(?<![\w-])(?:" + vocabulary.alternation(vocabulary.MISSING_FOUND_PHRASES) + r")(?![\w-])")
_COMPLETE = re.compile(r"(?<![\w-])(?:" + vocabulary.alternation(vocabulary.NOW_COMPLETE_PHRASES) + r")(?![\w-])")
_NEGATED_FOUND = re.compile(_NEGATED + r"(?:" + vocabulary.alternation(vocabulary.MISSING_FOUND_PHRASES
                                                                       + vocabulary.NOW_COMPLETE_PHRASES + ("lengkap",))
                            + r")(?![\w-])")


def missing_found(text: str, *, received_before: int, shipped: int) -> tuple[int, int] | None:
    """The missing part of a shipment received short, said to be found after all: (the figure named as missing,
    the count it makes, *received_before* and that figure); None when the text names no figure as missing, does
    not say it was found (or says it was not), or the count would not be within what was shipped.

    >>> missing_found("Pak, ternyata 100 keping yang kurang terselip di dus lain. Jadi lengkap 2.000 keping.",
    ...               received_before=1900, shipped=2000)
    (100, 2000)
    >>> missing_found("The missing 100 were found in another box, so all 2,000 are complete.", received_before=1900,
    ...               shipped=2000)
    (100, 2000)
    >>> missing_found("Kekurangan 60 keping sudah ditemukan pak.", received_before=1900, shipped=2000)
    (60, 1960)
    >>> missing_found("Yang 100 keping ternyata ada, terselip. Jadi sudah lengkap pak.", received_before=1900,
    ...               shipped=2000)
    (100, 2000)
    >>> missing_found("Kekurangan 100 keping belum ditemukan pak.", received_before=1900, shipped=2000) is None
    True
    >>> missing_found("Kekurangan 100 keping mohon segera dikirim.", received_before=1900, shipped=2000) is None
    True
    """
    if not 0 < received_before < shipped:
        return None
    low = _REFERENCE.sub(" ", normalise(text or ""))
    if _NEGATED_FOUND.search(low) or not (_FOUND.search(low) or _COMPLETE.search(low)):
        return None
    for m in find_mentions(low):
        if m.value is None or not 0 < m.value <= shipped - received_before or m.unit not in (None, "blank") \
                or m.rate or m.year:
            continue
        named = _MISSING_BEFORE.search(low[max(0, m.start - 30):m.start]) or _MISSING_AFTER.match(low[m.end:])
        sentence = _sentence(low, m.start, m.end)
        exact = m.value == shipped - received_before
        if (named and (_FOUND.search(sentence) or _COMPLETE.search(sentence) or (exact and _COMPLETE.search(low)))) \
                or (exact and _FOUND.search(sentence)):
            # (the whole difference said found in its sentence needs no word for missing: "yang 100 keping
            # ternyata ada, terselip")
            return m.value, received_before + m.value
    return None


# What a delivery lacked, named right before its figure: "kurang 100", "ada kekurangan sebanyak 100", "short by 100".
_GAP_BEFORE = re.compile(r"\b(?:kurang|kekurangan(?:nya)?|selisih(?:nya)?(?: kurang)?|short(?:fall)?(?: of| by)?|"
                         r"missing)\s*(?::\s*)?(?:sebanyak |sejumlah |senilai )?$")
# The figure written as what came over the shipment: "jumlahnya lebih 50 keping dari surat pengantar", "ada
# kelebihan 50 keping", "50 extra".
_SURPLUS_BEFORE = re.compile(
    r"\b(?:lebih|kelebihan(?:nya)?|surplus|extra|over by)\s*(?::\s*)?(?:sebanyak |sejumlah )?$")
# ... or, in English, as short after it: "it was 100 short", "100 pieces short".
_SHORT_AFTER = re.compile(r"\s*(?:(?:" + _BLANK_UNIT + r")\b)?\s*short\b")
# ... said of the shipment: "kurang 100 keping dari surat jalan", "dari jumlah yang dikirim", "from the shipment".
_OF_SHIPMENT_AFTER = re.compile(
    r"^\s*(?:(?:" + _BLANK_UNIT + r")\b)?\s*(?:dari|daripada|from|than|of)\s+"
    r"(?:(?:yang|yg|jumlah|the)\s+)*(?:surat jalan|surat pengantar|sj\b|kiriman|pengiriman|dokumen|berita acara|"
    r"(?:di|ter)?kirim\w*|"
    r"tertera|tercantum|tertulis|delivery note|shipment|shipped|sent)")


@dataclass(frozen=True)
class StatedShortfall:
    """A receipt's figure that is what was missing, not what arrived; *of_shipment* when the writer says it of
    the shipment ("kurang 100 keping dari surat jalan", "dari 2.000 yang dikirim")."""

    figure: int
    of_shipment: bool
    surplus: bool = False  # "lebih 50 keping dari surat jalan": what came over the shipment, not under it


def stated_shortfall(text: str, *, received: int | None, shipped: int | None) -> StatedShortfall | None:
    """Whether the receipt's figure *received* is written only as what the delivery lacked ("sudah kami terima,
    tetapi kurang 100 keping"): then it is no count of what arrived.

    >>> stated_shortfall("Blangko sudah kami terima pak, tetapi kurang 100 keping dari surat jalan.",
    ...                  received=100, shipped=1500)
    StatedShortfall(figure=100, of_shipment=True, surplus=False)
    >>> stated_shortfall("Alhamdulillah sudah diterima, hanya saja kurang 100 lembar.", received=100, shipped=1500)
    StatedShortfall(figure=100, of_shipment=False, surplus=False)
    >>> stated_shortfall("sudah kami terima 1.900 keping (kurang 1 dus isi 100)", received=1900, shipped=2000) is None
    True
    >>> stated_shortfall("Blangko sudah kami terima, jumlahnya lebih 50 keping dari surat pengantar.",
    ...                  received=50, shipped=2000)
    StatedShortfall(figure=50, of_shipment=True, surplus=True)
    >>> stated_shortfall("Received the blanks, but it was 100 short.", received=100, shipped=2000)
    StatedShortfall(figure=100, of_shipment=False, surplus=False)
    """
    if received is None or received <= 0:
        return None
    low = _REFERENCE.sub(" ", normalise(text or ""))
    said = [m for m in find_mentions(low) if m.value == received and not m.year and m.unit in (None, "blank")]
    if not said:
        return None
    surplus = all(_SURPLUS_BEFORE.search(low[max(0, m.start - 40):m.start]) for m in said)
    if not surplus and not all(_GAP_BEFORE.search(low[max(0, m.start - 40):m.start])
                               or _SHORT_AFTER.match(low, m.end) for m in said):
        return None
    of_shipment = False
    for m in said:
        after = low[m.end:m.end + 80]
        if _OF_SHIPMENT_AFTER.search(after):
            of_shipment = True
        named = re.match(r"^\s*(?:(?:" + _BLANK_UNIT + r")\b)?\s*(?:dari|from|of)\s+", after)
        if named and shipped is not None:
            following = [x for x in find_mentions(after[named.end():]) if x.value is not None]
            of_shipment = of_shipment or bool(following and following[0].start == 0 and following[0].value == shipped)
    if surplus:
        return StatedShortfall(received, of_shipment and shipped is not None, surplus=True)
    return StatedShortfall(received, of_shipment and shipped is not None and received < shipped)


def shortfall_beside(text: str, *, received: int) -> int | None:
    """The shortfall a receipt states beside its count ("nang tiba 700 keping haja, kurang 100 keping"): a figure of
    blanks other than the count, written as what the delivery lacked; None when the mail states none.

    >>> shortfall_beside("Pak, blangko nang tiba 700 keping haja, kurang 100 keping. Mohon dicek lah.", received=700)
    100
    >>> shortfall_beside("sudah kami terima 1.900 keping (kurang 1 dus isi 100)", received=1900) is None
    True
    >>> shortfall_beside("Blangko 2.000 keping sudah kami terima dengan lengkap.", received=2000) is None
    True
    """
    low = _REFERENCE.sub(" ", normalise(text or ""))
    for m in find_mentions(low):
        if m.value and m.value != received and not m.year and m.unit in (None, "blank") \
                and (_GAP_BEFORE.search(low[max(0, m.start - 40):m.start]) or _SHORT_AFTER.match(low, m.end)):
            return int(m.value)
    return None


# A count given against the shipment: "we only got 1,800 out of the 2,000", "baru 1.800 dari 2.000 keping".
_OUT_OF = re.compile(r"^\s*(?:(?:" + _BLANK_UNIT + r")\b)?\s*(?:out of|of|dari|dr)\s+"
                     r"(?:(?:the|total|jumlah|yang|sebanyak|our)\s+)*$")
_GOT = re.compile(r"\b(?:terima|diterima|menerima|sampai|sampe|nyampe|tiba|datang|dtg|masuk|dugi|got|get|received|"
                  r"receive|arrived|came|delivered)\b")
# The difference named beside the count: "selisih -100 (1.900 keping)", "selisih 100, jadi 1.900".
_DIFFERENCE = re.compile(r"\b(?:selisih(?:nya)?|kurang|short(?:fall)?|difference)\s*(?::\s*)?(?:-|minus\s+)?\s*$")


# between the words, a space or a comma ("sdh sampai pak, lengkap")
_GAP = r"(?:\s*,\s*|\s+)"
_WHOLE_ARRIVED = re.compile(
    r"(?<![\w-])(?:(?:" + vocabulary.alternation(vocabulary.WHOLE_ARRIVED_VERBS) + r")(?:" + _GAP + r"(?:"
    + vocabulary.alternation(vocabulary.WHOLE_FILLERS) + r"))*" + _GAP + r"(?:"
    + vocabulary.alternation(vocabulary.WHOLE_WORDS) + r")|(?:" + vocabulary.alternation(vocabulary.WHOLE_WORDS)
    + r")(?:" + _GAP + r"(?:" + vocabulary.alternation(vocabulary.WHOLE_FILLERS) + r"))*" + _GAP + r"(?:"
    + vocabulary.alternation(vocabulary.WHOLE_ARRIVED_VERBS) + r"))(?![\w-])")
_WHOLE_DENIED = re.compile(r"(?<![\w-])(?:" + vocabulary.alternation(vocabulary.WHOLE_DENIED) + r")(?![\w-])")


def received_whole(text: str) -> str | None:
    """The sentence of a receipt saying the whole shipment arrived without a count ("Udh trima semua pak. Tp 12 lbr
    bengkok", "sudah kami terima lengkap", "all received"), nothing in it said missing or still to come; else None.

    >>> received_whole("Udh trima semua pak. Tp 12 lbr bengkok/ga kebaca chipnya.")
    'Udh trima semua pak.'
    >>> received_whole("Alhamdulillah blangko sdh sampai pak, lengkap. Cuma ada 7 lbr yg chipnya rusak.")
    'Alhamdulillah blangko sdh sampai pak, lengkap.'
    >>> received_whole("Hi, we received the whole shipment today, thank you.")
    'Hi, we received the whole shipment today, thank you.'
    >>> received_whole("Sudah kami terima tapi belum semua, sisanya menyusul.") is None
    True
    """
    for m in _SENTENCE.finditer(text or ""):
        low = normalise(m.group(0))
        if _WHOLE_ARRIVED.search(low) and not _WHOLE_DENIED.search(low):
            return m.group(0).strip()
    return None


def count_of_shipment(text: str, *, shipped: int | None) -> int | None:
    """The count received that a receipt gives beside the shipment or beside the difference, where nothing else
    names it as received: "We only got 1,800 out of the 2,000" (of 2.000 shipped) -> 1.800; "selisih -100 (1.900
    keping)" -> 1.900, the shipment less the difference. None when the text says neither, or the figures do not
    add up to *shipped*.

    >>> count_of_shipment("We only got 1,800 out of the 2,000.", shipped=2000)
    1800
    >>> count_of_shipment("Blangko sudah diterima, selisih -100 (1.900 keping).", shipped=2000)
    1900
    >>> count_of_shipment("Kami mohon 1.800 dari 2.000 keping yang tersisa di provinsi.", shipped=2000) is None
    True
    >>> count_of_shipment("selisih -100 (1.800 keping)", shipped=2000) is None
    True
    >>> count_of_shipment("cuma 1.950 keping yg kami terima, kurang 50 dr surat jalan", shipped=2000)
    1950
    >>> count_of_shipment("cuma 1.950 keping yg kami terima, kurang 40 dr surat jalan", shipped=2000) is None
    True
    """
    if not shipped:
        return None
    low = _REFERENCE.sub(" ", normalise(text or ""))
    if not _GOT.search(low):
        return None
    said = [m for m in find_mentions(low) if m.value is not None and m.value >= 0 and m.unit in (None, "blank")
            and not m.year and not m.rate and not m.approximate]
    for first, second in zip(said, said[1:], strict=False):
        assert first.value is not None and second.value is not None
        if second.value == shipped and first.value < shipped and _OUT_OF.match(low[first.end:second.start]):
            return first.value
        if (_DIFFERENCE.search(low[max(0, first.start - 30):first.start])
                and re.fullmatch(r"\s*[(,;:]?\s*(?:jadi|menjadi|yaitu|=)?\s*", low[first.end:second.start])
                and first.value + second.value == shipped and 0 < first.value < second.value):
            return second.value
        if (first.value + second.value == shipped and 0 < second.value < first.value
                and _SHORT_BY.fullmatch(low[first.end:second.start])):
            # "cuma 1.950 keping yg kami terima, kurang 50 dr surat jalan": the count, then what it lacks
            return first.value
    return None


# Between a count received and the figure it lacks: "1.950 keping yg kami terima, kurang 50", "1.900 (selisih 100)".
_SHORT_BY = re.compile(r"[^.\d\n]{0,40}?\b(?:kurang|kekurangan|kurangnya|selisih|selisihnya|minus|short)\s*:?\s*-?\s*")


# A count written as a sum with its total: "2.000 keping + 1 dus tambahan isi 100 keping, total 2.100 keping".
_TOTAL_BEFORE = re.compile(r"\b(?:total(?:nya)?|jumlah(?:nya)?(?: total)?|seluruhnya|semuanya|keseluruhan(?:nya)?|"
                           r"jadi|menjadi|in total|altogether)\s*(?::\s*|=\s*|sebanyak\s+|ada\s+)?$|=\s*$")
_PLUS = re.compile(r"\+|\b(?:ditambah|tambah|plus|serta|and)\b")
_BOXES_OF = re.compile(r"^\s*(?:dus|pak|pack|ikat|box|kotak|bal|bundel|kardus|karton|koli)\s*(?:isi|berisi|@)?\s*$")
_CONTENT_OF = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:isi|berisi|@)\s*$")


def written_total(text: str) -> int | None:
    """The total a receipt writes out as a sum of parts with its total ("Diterima lengkap 2.000 keping + 1 dus
    tambahan isi 100 keping, total 2.100 keping" -> 2.100): the count received, never one of its parts. None when
    no sentence writes a sum that adds up to the total it states (see sum_not_adding_up).

    >>> written_total("Diterima lengkap 2.000 keping + 1 dus tambahan isi 100 keping, total 2.100 keping.")
    2100
    >>> written_total("Diterima 2.000 keping ditambah 100 keping, jadi total 2.100 keping.")
    2100
    >>> written_total("Blangko diterima lengkap malah lebih, 2.000 lbr + 1 pak 100 lbr jadi total 2.100 lbr.")
    2100
    >>> written_total("Diterima 2.000 keping, total 2.000 keping.") is None
    True
    >>> written_total("Diterima 2.000 keping + 100 keping, total 2.200 keping.") is None
    True
    """
    found = _sums(text)
    return found[0][1] if found and all(parts == total for parts, total in found) else None


def sum_not_adding_up(text: str) -> bool:
    """Whether a sentence writes a sum of parts and a total that differ ("2.000 + 100 keping, total 2.200"): the
    count received is not clear; it is asked back, never one of the figures booked."""
    return any(parts != total for parts, total in _sums(text))


def _sums(text: str) -> list[tuple[int, int]]:
    """(the parts added up, the total stated) for each sentence that writes parts joined by "+" (ditambah, plus)
    and a total after them; the content of a box named beside it ("1 dus isi 100") is one part."""
    low = _REFERENCE.sub(" ", normalise(text or ""))
    found = []
    for sentence in re.finditer(r"[^.;!?\n]+(?:\.(?=\d)[^.;!?\n]*)*", low):
        chunk = sentence.group(0)
        said = [m for m in find_mentions(chunk) if m.value is not None and m.value > 0 and m.unit in (None, "blank")
                and not m.year and not m.rate]
        for at, total in enumerate(said):
            if at < 2 or not _TOTAL_BEFORE.search(chunk[said[at - 1].end:total.start]):
                continue
            parts: list[Mention] = []
            for k, m in enumerate(said[:at]):
                if parts and m.value == parts[-1].value and _CONTENT_OF.match(chunk[parts[-1].end:m.start]):
                    continue  # "1 dus isi 100": the box and its content are one part
                if k + 1 < at and _BOXES_OF.match(chunk[m.end:said[k + 1].start]):
                    continue  # "1 pak 100 lbr": the count of boxes, its content the part
                parts.append(m)
            if len(parts) < 2 or not all(_PLUS.search(chunk[a.end:b.start]) for a, b in zip(parts, parts[1:],
                                                                                           strict=False)):
                continue
            assert total.value is not None
            found.append((sum(m.value or 0 for m in parts), total.value))
    return found


# Taking back the correction sent before: "abaikan email koreksi kami sebelumnya, permohonan tetap seperti semula",
# "ralat kami tadi mohon diabaikan", "kembali ke angka semula", "please disregard our previous correction".
_UNDO = re.compile(
    r"\b(?:abaikan|diabaikan|mengabaikan|lupakan|batalkan|dibatalkan|anulir|cabut|dicabut|tarik)\b[^.!?\n]{0,40}?"
    r"\b(?:koreksi|ralat|revisi|perubahan)\w*|"
    r"\b(?:koreksi|ralat|revisi|perubahan)\w*[^.!?\n]{0,40}?\b(?:mohon|harap|agar|supaya)?\s*(?:di)?abaikan\b|"
    r"\b(?:tetap|kembali|dikembalikan)\s+(?:ke\s+|pada\s+|seperti\s+|sesuai\s+)?(?:angka\s+|jumlah\s+|permohonan\s+)?"
    r"(?:semula|awal|yang pertama)\b|"
    r"\b(?:ignore|disregard|cancel|withdraw)\b[^.!?\n]{0,30}?\b(?:previous|earlier|last)?\s*correction|"
    r"\bas (?:originally|first) (?:requested|asked|stated)\b")


def takes_back_correction(text: str) -> bool:
    """Whether *text* takes back the district's correction sent before and keeps to its figures as they were.

    >>> takes_back_correction("Mohon abaikan email koreksi kami sebelumnya, permohonan tetap seperti semula.")
    True
    >>> takes_back_correction("Please disregard our previous correction, the request stays as originally asked.")
    True
    >>> takes_back_correction("Koreksi: sisa stok kami 200 keping, bukan 500.")
    False
    """
    return bool(_UNDO.search(normalise(text or "")))


# A change taken back later in the same text ("tolong diganti jadi 1.400 ya. Eh maaf pak, nggak jadi, tetap 1.000
# saja", "mohon diubah jadi 1.300. Eh tunggu dulu, jangan diubah dulu"): "tidak jadi" with no figure right after it
# (that figure would be the one given up), "batal", "jangan diubah", "abaikan" (not "abaikan email kami sebelumnya":
# an earlier mail), "tunggu dulu"; never "tetap <figure>" alone ("sisa kami 400, bukan 900. permohonan tetap 2.500").
_WITHDRAWN = re.compile(
    r"\b(?:" + "|".join(map(re.escape, sorted(vocabulary.NOT_AFTER_ALL, key=len, reverse=True)))
    + r")\b(?! (?:\d|menjadi))|"
    r"\b(?:jangan|jgn|tidak usah|tdk usah|gak usah|ga usah|nggak usah|ngga usah|gk usah)\s+(?:di)?"
    r"(?:ubah|rubah|ganti|ralat|koreksi)\w*|"
    r"\b(?:abaikan|lupakan)\b(?!\s+(?:saja\s+|aja\s+)?(?:email|e-mail|pesan|surat|mail|koreksi|ralat|revisi)\b)|"
    r"\b(?:batal|tunggu dulu|tunggu sebentar)\b|"
    # "jadi tetap yang awal saja", "tetap sesuai permohonan semula": back to the figure first asked
    r"\btetap\s+(?:(?:yang|yg|seperti|sesuai|spt|ke)\s+)+(?:(?:permohonan|pengajuan|angka|jumlah)\s+)?"
    r"(?:awal|semula|sebelumnya|pertama|yg awal|yang awal)\b|"
    # "revisi di atas diabaikan saja": the change above, set aside by its own writer
    r"\b(?:di atas|diatas|tadi|barusan|tersebut|tsb)\s+(?:\w+\s+)?(?:diabaikan|dibatalkan|batal)\b|"
    # "kabid bilang ga usah, tetap 1000 aja": told not to, the figure kept
    r"\b(?:ga|gak|nggak|ngga|gk|g|tidak|tdk|nda|ndak)\s+usah\b[\s,.;]+(?:\w+\s+){0,2}?tetap\b")
_CHANGE_WORDS = re.compile(r"\b(?:jadi|menjadi|jd|diubah|dirubah|diganti|ralat|koreksi|revisi|harusnya|seharusnya|"
                           r"dijadikan|jadikan|naikkan|dinaikkan|dinaikan|turunkan|diturunkan|dikurangi|ditambah)\b")
_FIGURE = re.compile(r"\d[\d.,]*")


def withdraws_change(text: str) -> bool:
    """Whether *text* asks for a change and takes it back further on in the same text: words of withdrawing after
    the first word of changing. Never applied; a person reads it.

    >>> withdraws_change("Pak tolong diganti jadi 1.400 ya. Eh maaf pak, nggak jadi, tetap 1.000 saja.")
    True
    >>> withdraws_change("Revisi: jumlah jd 1.500 kpg. Update: revisi di atas diabaikan saja, tetap 1.000 keping.")
    True
    >>> withdraws_change("mau kami naikkan ke 1500 pak.. tp kadis bilang gak usah, tetap 1000 aja")
    True
    >>> withdraws_change("Koreksi pak, cukup 1.000 keping saja, tidak jadi 2.000.")
    False
    >>> withdraws_change("Mohon diubah jadi 1.300 keping ya pak.")
    False
    >>> withdraws_change("Ralat: yang benar tetap 2.000 keping (abaikan email kami sebelumnya).")
    False
    """
    low = normalise(text or "")
    change = _CHANGE_WORDS.search(low)
    figure = _FIGURE.search(low, change.end()) if change is not None else None
    return figure is not None and _WITHDRAWN.search(low, figure.end()) is not None


def _words(table: tuple[str, ...]) -> str:
    """A word table (mailbot.reader.vocabulary) as an alternation whose spaces match one space, as typed."""
    return vocabulary.alternation(table, " ")


# A receipt that says the blanks themselves have not arrived ("barangnya belum sampai sih, tapi tolong dicatat aja
# sudah diterima 1.000", "the blanks have not arrived yet but please record them"): the blanks named right before
# the denied arrival, with only particles between (never "kiriman kedua belum sampai" nor "sisanya belum sampai":
# the rest of a shipment still on its way).
_NOT_ARRIVED_YET = re.compile(
    r"\b(?:" + _words(vocabulary.NOT_ARRIVED_THINGS) + r")\s+(?:(?:" + _words(vocabulary.NOT_ARRIVED_PARTICLES)
    + r")\s+)*(?:" + _words(vocabulary.NOT_YET_ARRIVED_WORDS) + r")\s+(?:juga\s+)?(?:kami\s+)?(?:"
    + _words(vocabulary.NOT_ARRIVED_VERBS) + r")\b|"
    r"\b(?:" + _words(vocabulary.NOT_ARRIVED_ENGLISH_THINGS) + r")\s+(?:have|has)\s*(?:n't|not)\s+(?:yet\s+)?"
    r"(?:" + _words(vocabulary.NOT_ARRIVED_ENGLISH_VERBS) + r")\b")


# ... or says they are still with the carrier or at a place on their way ("masih di ekspedisi (belum kami pegang)",
# "masih di pelabuhan ..., blm kami ambil", "paketnya masih di JNE", "still at the port"), in a sentence that speaks
# of no rest of a shipment and counts no part before it ("sisanya masih di pelabuhan", "terima 1.300 keping hari ini,
# 700 keping lagi katanya masih di kapal": the rest on its way, the part received booked).
_STILL_ON_THE_WAY = re.compile(
    r"\b(?:" + _words(vocabulary.STILL_WORDS) + r")\s+(?:(?:" + _words(vocabulary.STILL_HELD_WORDS) + r")\s+)?(?:"
    + _words(vocabulary.STILL_AT_WORDS) + r")\s+(?:(?:" + _words(vocabulary.STILL_AT_PLACE_PARTS) + r")\s+)?"
    r"(?:" + _words(vocabulary.ON_THE_WAY_PLACES) + r")\b|"
    r"\b(?:" + _words(vocabulary.NOT_YET_ARRIVED_WORDS) + r")\s+(?:(?:" + _words(vocabulary.NOT_IN_HAND_MODALS)
    + r")\s+)?(?:kami\s+)?(?:" + _words(vocabulary.NOT_IN_HAND_VERBS) + r")\b|"
    r"\b(?:" + _words(vocabulary.KEEPS_ENGLISH_WORDS) + r")\s+(?:" + _words(vocabulary.STILL_AT_ENGLISH)
    + r")\s+(?:the\s+)?(?:" + _words(vocabulary.ON_THE_WAY_ENGLISH_PLACES) + r")\b|"
    # ... or, after the carrier or the place that holds them, their pick-up still ahead ("sdh di gudang JNE, besok
    # baru kami jemput"; never "untuk KIA nanti kami ambil ke provinsi"), or the ship they are on berthed and not
    # unloaded
    r"\b(?:" + _words(vocabulary.ON_THE_WAY_PLACES + vocabulary.STILL_AT_PLACE_PARTS) + r")\b[^.!?\n]*"
    r"\b(?:" + _words(vocabulary.PICK_UP_AHEAD_WORDS) + r")\s+(?:(?:" + _words(vocabulary.PICK_UP_AHEAD_BETWEEN)
    + r")\s+){0,3}(?:" + _words(vocabulary.NOT_IN_HAND_VERBS) + r")\b|"
    r"\b(?:" + _words(vocabulary.BERTH_WORDS) + r")\b[^.!?\n]*\b(?:" + _words(vocabulary.NOT_YET_ARRIVED_WORDS)
    + r")\s+(?:(?:juga|kami)\s+)?(?:" + _words(vocabulary.UNLOAD_WORDS) + r")\b")
# ... whatever was counted before it, when the blanks themselves are what is still on the way: said against the ask
# to record them ("mohon dicatat diterima 2.000 keping saja ya, walaupun fisiknya msh di kapal") or named right
# before the place ("fisiknya", "barangnya", "paketnya").
_THEMSELVES_ON_THE_WAY = re.compile(
    r"\b(?:" + _words(vocabulary.THOUGH_WORDS) + r")\b[^.!?\n]*$|"
    r"\b(?:" + _words(vocabulary.THEMSELVES_WORDS) + r")\s+$|"
    # ... or the shipment named with its count right before the place ("Kiriman 2.000 keping msh di gudang JNE")
    r"\b(?:" + _words(vocabulary.SHIPMENT_COUNTED_NAMES) + r")\s+[\d.,]+\s*(?:" + _BLANK_UNIT + r")?\s*$")
_REST_STILL_COMING = re.compile(r"\b(?:" + _words(vocabulary.SHIPMENT_REST_NAMES) + r")\b")
_SENTENCE = re.compile(r"[^.!?\n]+")


# The district keeping to its ask ("jadi permohonan kami tetap 3.500 keping ya", "kami tetap membutuhkan blangkonya",
# "we still need the 3,500"): of a request it cancelled, the ask taken up again, whatever else "tidak jadi" in the same
# mail is said of (the loan that fell through).
_KEEPS_ASK = re.compile(
    r"\b(?:" + _words(vocabulary.KEEPS_WORDS + vocabulary.KEEPS_ENGLISH_WORDS) + r")\s+(?:(?:"
    + _words(vocabulary.KEEPS_BETWEEN_WORDS) + r")\s+){0,3}(?:\d|" + _words(vocabulary.KEEPS_ASKED_THINGS) + r")|"
    r"\b(?:" + _words(vocabulary.KEEPS_WORDS) + r")\s+(?:kami\s+)?(?:" + _words(vocabulary.KEEPS_NEED_WORDS) + r")\b|"
    r"\b(?:" + _words(vocabulary.KEEPS_ENGLISH_WORDS) + r")\s+need\b")


def keeps_ask(text: str) -> bool:
    """Whether *text* keeps to an ask ("permohonan kami tetap 3.500 keping", "kami tetap membutuhkan blangkonya").

    >>> keeps_ask("Pinjaman dari Tarakan tidak jadi. Jadi permohonan kami tetap 3.500 keping ya.")
    True
    >>> keeps_ask("Permohonan kami tidak jadi, mohon dibatalkan.")
    False
    """
    return bool(_KEEPS_ASK.search(normalise(text or "")))


def blanks_not_arrived(text: str) -> bool:
    """Whether *text* says the blanks have not arrived: a receipt saying so is never booked.

    >>> blanks_not_arrived("Pak, barangnya belum sampai sih, tapi tolong dicatat aja sudah diterima 1.000.")
    True
    >>> blanks_not_arrived("Blangko 1.000 keping sudah kami terima, kiriman kedua belum sampai.")
    False
    >>> blanks_not_arrived("Paket masih di kantor pos pak, mohon dicatat diterima 1.000 keping.")
    True
    >>> blanks_not_arrived("1.000 keping sudah kami terima, sisanya masih di pelabuhan.")
    False
    >>> blanks_not_arrived("Baru kami terima 1.300 keping, 700 keping lagi masih di kapal.")
    False
    >>> blanks_not_arrived("Pak, mohon dicatat diterima 1.500 keping ya, walaupun fisiknya masih di pelabuhan.")
    True
    >>> blanks_not_arrived("Sudah kami catat 1.000 keping, barangnya msh di kapal, blm bongkar.")
    True
    >>> blanks_not_arrived("Kiriman 2.000 keping msh di gudang JNE, belum kami ambil. Mohon dicatat diterima saja.")
    True
    >>> blanks_not_arrived("Blangko 1.500 keping masih tertahan di pelabuhan, mohon dicatat diterima saja.")
    True
    >>> blanks_not_arrived("Kiriman sudah tiba di pelabuhan tapi belum bisa kami ambil, mohon dicatat diterima.")
    True
    >>> blanks_not_arrived("Paket sdh di gudang ekspedisi, bsk baru kami ambil. Tolong dicatat diterima ya.")
    True
    >>> blanks_not_arrived("Kapalnya sudah bersandar semalam tapi belum bongkar, catat diterima saja pak.")
    True
    >>> blanks_not_arrived("Blangko sudah kami terima, kardusnya belum dibongkar. Terima kasih.")
    False
    >>> blanks_not_arrived("Blangko baru kami ambil tadi pagi dari pelabuhan, sudah lengkap.")
    False
    >>> blanks_not_arrived("Blangko KTP-el sudah kami terima. Yang KIA besok kami ambil sendiri ke provinsi.")
    False
    """
    low = normalise(text or "")
    return bool(_NOT_ARRIVED_YET.search(low)) or any(
        (on_way := _STILL_ON_THE_WAY.search(s.group())) is not None and not _REST_STILL_COMING.search(s.group())
        and (not any(c.isdigit() for c in s.group()[:on_way.start()])
             or _THEMSELVES_ON_THE_WAY.search(s.group()[:on_way.start()]) is not None)
        for s in _SENTENCE.finditer(low))


_RECORD_AS_RECEIVED = re.compile(
    r"\b(?:" + _words(vocabulary.RECORD_ASK_WORDS) + r")\b[^.!?\n]{0,40}?\b(?:"
    + _words(vocabulary.RECORD_AS_RECEIVED_WORDS) + r")\b")


def record_asked(text: str) -> bool:
    """Whether *text* asks that blanks be recorded as received, a count given or not (see
    vocabulary.RECORD_ASK_WORDS): with blanks_not_arrived, a receipt claimed of blanks not in hand.

    >>> record_asked("barangnya masih di ekspedisi pak, catat aja sudah diterima semua.")
    True
    >>> record_asked("Mohon dianggap sudah kami terima ya pak.")
    True
    >>> record_asked("Blangko belum sampai pak, mohon info posisinya.")
    False
    """
    return bool(_RECORD_AS_RECEIVED.search(normalise(text or "")))


def items_named(text: str) -> set[str]:
    """The blanks *text* names ("KTP-el", "KIA"): none for a mail that says only "sisa stok kami 80 keping".

    >>> sorted(items_named("Ralat: sisa stok blangko KIA kami 80, bukan 120"))
    ['kia']
    """
    low = normalise(text or "")
    return {item for item, name in (("ktp-el", _KTP), ("kia", _KIA)) if name.search(low)}


_BLANK_WORDS = r"(?:\s+(?:blangko|blanko|kartu|untuk|jenis))*\s+"
_ITEM_NAMES = {"ktp-el": r"(?:e-?ktp|ktp(?:-?el| elektronik)?)\b", "kia": r"(?:kia\b|kartu identitas anak)"}
ITEM_NAMES = _ITEM_NAMES  # each blank's names, as a pattern (mailbot.conversation.item_chosen)


def item_changed(text: str, item: str) -> str | None:
    """The other blank when *text* says the request is for it, not for *item* ("yang kami perlukan sebenarnya
    blangko KIA, bukan KTP-el"); None otherwise. Never a question, never a mail naming both as asked.

    >>> item_changed("Mohon maaf, yang kami perlukan sebenarnya blangko KIA, bukan KTP-el. Jumlah tetap 1.000.",
    ...              "ktp-el")
    'kia'
    >>> item_changed("Mohon tambahan KIA 300 keping juga.", "ktp-el") is None
    True
    """
    low = normalise(text or "")
    if _QUESTION.search(low):
        return None
    other = "kia" if item == "ktp-el" else "ktp-el"
    denied = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, vocabulary.ITEM_DENIED_BEFORE)) + r")"
                        + _BLANK_WORDS)
    meant = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, vocabulary.ITEM_MEANT_BEFORE)) + r")[\s:,]*"
                       r"(?:(?:blangko|blanko|kartu|untuk|jenis|adalah)\s+)*")
    own_denied = re.search(denied.pattern + _ITEM_NAMES[item], low)
    other_meant = re.search(meant.pattern + _ITEM_NAMES[other], low)
    return other if own_denied and (other_meant or re.search(_ITEM_NAMES[other], low)) else None


def gives_reason(text: str, *, granted: int | None = None) -> bool:
    """Whether *text* argues or explains ("karena …", "namun …", "mohon dipertimbangkan"): never a mere
    confirmation, whatever else it says. Keeping to *granted*, the figure asked and granted in full ("tetap
    membutuhkan 2.000"), is no reason."""
    return bool(_APPEAL.search(_without_granted_restated(normalise(text or ""), granted)))


# A district withdrawing its own request: "permohonan kami batalkan", "mohon dibatalkan", "pembatalan permohonan",
# "batal saja pak", "please cancel our request" (mailbot.reader.vocabulary); never when the words deny it
# ("jangan dibatalkan", "tidak dibatalkan").
_DENIED = r"(?<!jangan )(?<!tidak )(?<!tdk )(?<!belum )(?<!bukan )(?<!not )(?<!don't )(?<!do not )" + "".join(
    f"(?<!{no} kami )" for no in ("jangan", "tidak", "tdk", "belum", "bukan", "tak"))
_CANCEL = re.compile(
    _DENIED + r"\b(?:" + "|".join(map(re.escape, sorted(vocabulary.CANCEL_WORDS, key=len, reverse=True))) + r")\b"
    + "|" + _DENIED + r"(?:^|(?<=[.!\n])\s*|\b(?:" + "|".join(map(re.escape, vocabulary.CANCEL_BATAL_BEFORE))
    + r") )batal\b(?: (?:" + "|".join(map(re.escape, vocabulary.CANCEL_BATAL_AFTER)) + r")\b|\s*[,.!]|\s*$)"
    + "|" + _DENIED + r"\bbatal (?:" + "|".join(map(re.escape, vocabulary.CANCEL_BATAL_WISH)) + r")\b")
# ... or saying it no longer wants it: "tidak jadi" (on its own: a figure beside it may be what changed).
_NOT_AFTER_ALL = re.compile(r"\b(?:" + "|".join(map(re.escape, vocabulary.NOT_AFTER_ALL)) + r")\b(?! (?:\d|menjadi))")
_CANCEL_OF_OTHER = re.compile(r"\b(?:berlangganan|langganan|subscription|unsubscribe|undangan|rapat|meeting|acara)\b")
# What _CANCEL and _NOT_AFTER_ALL cannot match without: one of their words, written as it is ("batal" stands for every
# word holding it). A plain substring test first spares most mail the patterns' look-behinds, tried at every
# position of the text (a quarter of a millisecond for a district's request).
_CANCEL_WORDS = ("batal", *(w for w in vocabulary.CANCEL_WORDS if "batal" not in w))


_CANCEL_DENIED = re.compile(r"\b(?:jangan|tidak|tdk|belum|bukan|tak|not|don't|do not) (?:kami )?(?:di)?"
                            r"(?:batalkan|batal|cancel)\b")


def denies_cancelling(text: str) -> bool:
    """Whether *text* asks that the request not be cancelled ("mohon permohonan kami jangan dibatalkan").

    >>> denies_cancelling("Mohon permohonan kami jangan dibatalkan ya pak.")
    True
    >>> denies_cancelling("Permohonan TIDAK kami batalkan, mohon tetap dikirim 1.200 keping.")
    True
    """
    return bool(_CANCEL_DENIED.search(normalise(text or "")))


def cancels(text: str, intent: str) -> bool:
    """Whether a district's follow-up of *intent* (see interpret) withdraws its request: words of cancelling
    ("permohonan kami batalkan", "mohon dibatalkan", "please cancel"), not asked as a question, nor said of a
    meeting or a subscription; or "tidak jadi" with no new figure beside it.

    >>> cancels("Mohon maaf pak, permohonan kami batalkan karena stok masih cukup.", "plain")
    True
    >>> cancels("Mohon pengiriman jangan dibatalkan.", "plain")
    False
    """
    low = normalise(text or "")
    if intent == "question" or _CANCEL_OF_OTHER.search(low):
        return False
    if any(word in low for word in _CANCEL_WORDS) and _CANCEL.search(low):
        return True
    return (intent in ("plain", "restated", "unclear") and any(words in low for words in vocabulary.NOT_AFTER_ALL)
            and bool(_NOT_AFTER_ALL.search(low)))


def figures_beside(text: str, known: set[int | None]) -> tuple[int, ...]:
    """The counts of blanks in a cancellation that are not among *known* (the request's own figures) nor said of
    a stock or a receipt: a new figure beside the words of cancelling ("kami batalkan, cukup 2.000 keping saja").

    >>> figures_beside("Permohonan 5.000 keping kami batalkan, cukup 2.000 keping saja.", {5000, 200})
    (2000,)
    >>> figures_beside("permohonan kami batalkan karena stok kami masih 4.000 keping", {5000, 200})
    ()
    """
    low = _REFERENCE.sub(" ", normalise(text or ""))
    found = []
    for m in find_mentions(low):
        if m.value is None or m.value <= 0 or m.unit not in (None, "blank") or m.rate or m.year or m.bare \
                or m.value in known:
            continue
        if _field(_clause_before(low, m.start)) in ("stock_on_hand", "received"):
            continue
        found.append(m.value)
    return tuple(found)


# A figure that changes the asked one by an amount (mailbot.reader.vocabulary): "ditambah 500 keping lagi",
# "dikurangi 300 keping saja", "500 more".
_FILLER = r"(?:\s+(?:" + _words(vocabulary.RELATIVE_FILLER) + r"))*"
_RAISE_BEFORE = re.compile(r"(?<![\w-])(?:" + _words(vocabulary.RELATIVE_RAISE_BEFORE) + r")" + _FILLER
                           + r"\s*[:]?\s*$")
_CUT_BEFORE = re.compile(r"(?<![\w-])(?:" + _words(vocabulary.RELATIVE_CUT_BEFORE) + r")" + _FILLER + r"\s*[:]?\s*$")
_MORE_AFTER = re.compile(r"^\s*(?:(?:" + _BLANK_UNIT + r")\b)?\s*(?:"
                         + _words(vocabulary.RELATIVE_MORE_AFTER) + r")\b")
_MORE_NOT_BEFORE = re.compile(r"(?<![\w-])(?:" + _words(vocabulary.RELATIVE_MORE_NOT_BEFORE) + r")\s*$")
_FROM_APPROVED = re.compile(r"\b(?:disetujui|yang disetujui|approved)\b")


def _relative(low: str, m: Mention) -> int:
    """+1 when the figure *m* is an amount to add to the asked figure, -1 to take off it, 0 when it is a figure."""
    before = low[max(0, m.start - 40):m.start]
    if _CUT_BEFORE.search(before):
        return -1
    if _RAISE_BEFORE.search(before):
        return 1
    if _MORE_AFTER.match(low[m.end:m.end + 30]) and not _MORE_NOT_BEFORE.search(before):
        return 1
    return 0


# "diubah ke 900": "ke" before a figure masks it as an ordinal; after a verb of change it means "menjadi".
_CHANGED_TO_KE = re.compile(r"(?<![\w-])(" + _words(vocabulary.CHANGE_TO_KE_VERBS) + r")\s+ke\s+(?=\d)")


@dataclass(frozen=True)
class Reading:
    """The follow-up's meaning for its request: *figures* are the new values, field by field."""

    intent: Intent
    figures: dict[str, int] = field(default_factory=dict)
    why: str = ""  # English, for logs and the queue's detail
    old: tuple[int, ...] = ()  # the figures the follow-up says were wrong ("bukan 1.800")
    # figures said of the other blank ("KIA mohon 300 keping" in a KTP-el thread): never this request's; a person
    # decides them, beside whatever the follow-up changes on the request
    other_item: tuple[int, ...] = ()
    # a figure written below zero ("sisa stok kami -120 keping"): (its field or None, its value without the sign);
    # no count of blanks is, so the district is asked what it meant
    below_zero: tuple[str | None, int] | None = None
    # the follow-up corrects or takes back the amount the district's last change added to (or took off) the asked
    # figure ("tambahannya 300 saja, bukan 500"): never a withdrawal of the whole request
    of_added: bool = False
    # (old, new) of a correction whose old figure is both the figure asked and the stock and whose words name
    # neither ("angka 800 tadi keliru, seharusnya 500" of 800 asked with 800 left): the district is asked which
    # (None, new) of a correction that names neither its field nor an old figure ("Koreksi pak, yang benar 1.200")
    # of a request with a stock recorded: the district is asked which of the two it corrects
    which_figure: tuple[int | None, int] | None = None
    # (field, the figure said to be wrong, the figure recorded now, the new one) of a correction written against a
    # figure changed since by another mail ("1.800, bukan 2.000" after a colleague's 1.600 was applied): the
    # district is told which figure stands and asked which holds
    crossed: tuple[str, int, int, int] | None = None


@dataclass(frozen=True)
class _Figure:
    value: int
    field: str | None
    old: bool
    other_item: bool
    pair: int | None  # for an old figure: the index of the new one it stands beside
    negative: bool = False  # written below zero ("-50 keping (minus ...)"): no count of blanks is
    relative: int = 0  # +1 an amount to add to the asked figure ("ditambah 500 lagi"), -1 to take off it
    start: int = 0  # where it is written in the text


# The shipment that came, named before a figure ("dari kiriman ini", "kiriman tersebut", "isi paketnya", "stock
# opname"), and a word of asking that would make the figure an ask after all ("mohon kiriman 500 lagi").
_OF_SHIPMENT = re.compile(r"\b(?:kiriman|pengiriman|paket|paketnya|dus|kardus|isinya|isi paket\w*|stock opname|"
                          r"stok opname|the shipment|the parcel)\b")
_ASKS_IN_CLAUSE = re.compile(r"\b(?:mohon\w*|minta\w*|butuh\w*|perlu\w*|tambah\w*|dikirim\w*|kirimkan|lagi|"
                             r"need\w*|request\w*|please send)\b")


def _clause_before(low: str, start: int) -> str:
    cut = max((m.end() for m in _CLAUSE_END.finditer(low, 0, start)), default=0)
    return low[max(cut, start - 60):start]


def _other_item(low: str, m: Mention, item: str) -> bool:
    after = low[m.end:m.end + 40]
    gap = _UNIT_GAP.match(after)
    after = after[gap.end() if gap else 0:][:12]
    # the blank named last before the figure in its clause ("untuk KTP-el sisa stok kami sebenarnya 500")
    before = _clause_before(low, m.start)
    other = _KTP if item == "kia" else _KIA
    own = _KIA if item == "kia" else _KTP
    if other.match(after):
        return True
    if own.match(after):
        return False
    named = [(x.end(), "other") for x in other.finditer(before)] + [(x.end(), "own") for x in own.finditer(before)]
    return bool(named) and max(named)[1] == "other"


# Where a figure was written, never the figure asked: "stok yang kami tulis di permohonan keliru, seharusnya 450".
_WRITTEN_IN_REQUEST = re.compile(r"\b(?:tulis|ditulis|tuliskan|sebut|disebut|sebutkan|disebutkan|cantumkan|"
                                 r"dicantumkan|sampaikan|disampaikan)(?:\s+\w+)?\s+(?:di|dalam|pada)\s+"
                                 r"(?:surat\s+|email\s+)?(?:permohonan|pengajuan)\w*")


# When a figure was counted, never the figure asked: "stok kami waktu mengajukan sebenarnya 1.700" (the stock at the
# time of asking).
_AT_ASKING = re.compile(r"(?<![\w-])(?:" + _words(vocabulary.ASKING_TIME_WORDS) + r")\s+(?:"
                        + _words(vocabulary.ASKING_AT_WORDS) + r")(?![\w-])")


def _field(clause: str) -> str | None:
    """The figure a clause's cue names: the cue nearest before the figure wins."""
    clause = re.sub(r"\bmohon maaf\b", "maaf", clause)  # an apology, not a request
    clause = _WRITTEN_IN_REQUEST.sub(" ", clause)  # where a figure was written, not the figure asked
    clause = _AT_ASKING.sub(" ", clause)  # when a figure was counted, not the figure asked
    cues = {"stock_on_hand": [m.end() for m in _STOCK_CUES.finditer(clause)],
            "requested": [m.end() for m in _REQUEST_CUES.finditer(clause)],
            "received": [m.end() for m in _RECEIVED_CUES.finditer(clause)]}
    found = {k: max(v) for k, v in cues.items() if v}
    if not found:
        return None
    return max(found, key=lambda k: (found[k], k == "requested"))


# The figure named right after it, as an answer to "which figure is 700?": "yang 700 itu sisa stok", "700 keping
# adalah jumlah yang dimohon" (a word that says "is" between them; never a cue of the next clause).
_NAMED_AFTER = re.compile(r"^[\s,]*(?:(?:" + _BLANK_UNIT + r")\b)?\s*(?:itu|tersebut|tsb|adalah|ialah|merupakan|"
                          r"yaitu|is|was)\s+(?:(?:angka|jumlah|nilai|figure|the)\s+)?(?:untuk\s+|for\s+|our\s+)?(\w+)")


def _field_named_after(low: str, end: int) -> str | None:
    """The figure a copula right after a figure names ("700 itu sisa stok" -> the stock)."""
    m = _NAMED_AFTER.match(low[end:end + 60])
    if m is None:
        return None
    word = m.group(1)
    if _STOCK_CUES.fullmatch(word):
        return "stock_on_hand"
    if _REQUEST_CUES.fullmatch(word) or word in ("yang",) and _REQUEST_CUES.match(low[end + m.end():end + m.end()
                                                                                     + 12].strip()):
        return "requested"
    return None


def _figures(low: str, item: str) -> list[_Figure]:
    mentions = [m for m in find_mentions(low) if m.value is not None and m.unit in (None, "blank")
                and not m.rate and not m.year and not m.approximate and m.value > 0
                and not _BUNDLE_CONTENT.search(low[max(0, m.start - 16):m.start])]
    found: list[_Figure] = []
    for m in mentions:
        before = low[max(0, m.start - 20):m.start]
        old = bool(_OLD_BEFORE.search(before)) or bool(_OLD_AFTER.match(low[m.end:m.end + 40])) \
            or (bool(_FROM_BEFORE.search(before))
                                                   and bool(_NEW_AFTER_OLD.match(low[m.end:m.end + 30])))
        clause = _clause_before(low, m.start)
        named = _field(clause)
        if named is None and not old:
            named = _field_named_after(low, m.end)
        found.append(_Figure(m.value or 0, named, old, _other_item(low, m, item), None,
                             written_below_zero(low[max(0, m.start - 8):m.end + 40], m.value or 0),
                             0 if old else _relative(low, m), m.start))
    # an old figure stands beside the nearest new one in the same sentence
    result = []
    for i, f in enumerate(found):
        if f.old:
            near = [j for j in (i - 1, i + 1) if 0 <= j < len(found) and not found[j].old]
            pair = near[0] if near else None
            result.append(_Figure(f.value, f.field, True, f.other_item, pair, f.negative, f.relative, f.start))
        else:
            result.append(f)
    return result


# The amount the district's last change added to (or took off) its asked figure, named as such: "tambahannya",
# "yang tambahan", "tambahan 500 yang kemarin", "the extra 500"; never "permohonan tambahan (blangko)", the request.
_ADDED_PART = re.compile(
    r"\b(?:tambahan ?nya|tambahnya|penambahannya|kenaikannya|pengurangannya|"
    r"(?:yang|yg) (?:kami |saya )?(?:di|ter)?tambah(?:an|kan)?|(?:yang|yg) (?:kami |saya )?(?:di)?kurang(?:i|kan)|"
    r"(?<!permohonan )(?<!pengajuan )(?:penambahan|tambahan) (?:\d[\d.]*(?: keping| lembar| blangko| blanko)? |yang )"
    r"(?:yang |itu )?(?:tadi|kemarin|terakhir|tersebut|tsb|sebelumnya)|"
    r"(?<!permohonan )(?<!pengajuan )(?:penambahan|tambahan) \d[\d.]*(?: keping| lembar)? yang\b|"
    r"the (?:extra|additional|added)(?: amount| part| blanks)?|the increase)\b")
# ... taken back: "tidak jadi", "dibatalkan", "tidak usah", "kembali ke permohonan awal".
_ADDED_DROPPED = re.compile(r"\b(?:" + "|".join(map(re.escape, vocabulary.NOT_AFTER_ALL)) + r"|batal\w*|dibatalkan|"
                            r"tidak (?:usah|perlu)|ga(?:k)? usah|nggak usah|cancel\w*|drop\w*|not needed)\b")


# "..., tidak jadi 500": the figure right after it is the one given up (the amount added before), not a new one.
_NOT_AFTER_ALL_BEFORE = re.compile(r"\b(?:" + "|".join(map(re.escape, vocabulary.NOT_AFTER_ALL)) + r")\s*$")


def _of_added_part(low: str, figures: list[_Figure], *, before: int, requested: int,
                   known: set[int | None]) -> Reading | None:
    """The reading of a follow-up about the amount the last change added to the asked figure (from *before* to
    *requested*): that amount corrected ("tambahannya 300 saja, bukan 500": *before* + 300) or taken back
    ("tambahan 500 yang kemarin tidak jadi": *before*); None when the text does not speak of it, and unclear
    when a figure could be the amount or the whole."""
    if not _ADDED_PART.search(low):
        return None
    delta = requested - before
    sign = 1 if delta > 0 else -1
    own = [f for f in figures if not f.other_item and not f.negative]
    # "tambahannya cukup 200 keping saja, tidak jadi 500": the amount added, given up by name, is the old figure,
    # and those words take back no more than it
    dropped_words = low
    for k, f in enumerate(own):
        given_up = _NOT_AFTER_ALL_BEFORE.search(low, max(0, f.start - 16), f.start)
        if f.value == abs(delta) and not f.old and given_up is not None:
            own[k] = replace(f, old=True)
            dropped_words = dropped_words[:given_up.start()] + " " * len(given_up.group()) + \
                dropped_words[given_up.end():]
    olds = tuple(f.value for f in own if f.old)
    bound = [f for f in own if not f.old and _ADDED_PART.search(_clause_before(low, f.start))
             and f.field in (None, "requested")]
    amounts = [f for f in bound if f.value != abs(delta)]
    loose = [f for f in own if not f.old and f not in bound and f.value not in {requested, before, abs(delta), *known}]
    if loose:
        return None  # another figure beside it: read as any follow-up
    if _ADDED_DROPPED.search(dropped_words) or _UNDO.search(low):
        if amounts and any(f.value != before for f in amounts):  # "..., kembali ke 2.000": the figure before
            return Reading("unclear", why="an added amount taken back with another figure beside it")
        return Reading("correction", {"requested": before}, why=f"the {abs(delta)} added taken back: {before} again",
                       old=olds, of_added=True)
    if len(amounts) != 1 or _WHOLE.search(_clause_before(low, amounts[0].start)):
        return None
    amount = amounts[0].value
    if abs(delta) not in olds and amount >= before:
        return Reading("unclear", why=f"{amount}: the added amount or the whole request")
    return Reading("correction", {"requested": before + sign * amount},
                   why=f"the added amount corrected: {before} {'+' if sign > 0 else '-'} {amount}", old=olds,
                   of_added=True)


def amount_changed(text: str, item: str) -> int:
    """The amount a follow-up changes the asked figure by, + to add and - to take off ("mohon ditambah 500 keping
    lagi": +500); 0 when it names no such amount.

    >>> amount_changed("Pak maaf, tadi belum lengkap: mohon ditambah 500 keping lagi.", "ktp-el")
    500
    """
    low = _CHANGED_TO_KE.sub(r"\1 menjadi ", normalise(text or ""))
    return sum(f.relative * f.value for f in _figures(low, item)
               if f.relative and not f.old and not f.other_item and f.field in (None, "requested"))


# A change by an amount said to come on top of the one made before: "sekali lagi", "tambahan kedua", "di luar
# tambahan tadi", "ternyata masih kurang".
_ONE_MORE = re.compile(r"\b(?:sekali lagi|tambahan (?:kedua|berikutnya|baru)|penambahan (?:kedua|berikutnya|baru)|"
                      r"(?:di luar|selain) (?:tambahan|penambahan|pengurangan|yang)|masih (?:kurang|belum cukup)|"
                      r"ternyata masih|one more time|another)\b")


def says_further(text: str, *, current: int, amount: int) -> bool:
    """Whether a change of the asked figure by *amount* is said to come on top of the figure as it stands
    (*current*, already changed by the same amount): it names the total it makes ("jadi 2.500"), the figure it
    starts from ("dari 2.000"), or says it is a further change ("sekali lagi", "tambahan kedua").

    >>> says_further("Mohon ditambah 500 keping lagi, jadi 2.500 keping.", current=2000, amount=500)
    True
    >>> says_further("Pak maaf, tadi belum lengkap: mohon ditambah 500 keping lagi.", current=2000, amount=500)
    False
    """
    low = normalise(text or "")
    if _ONE_MORE.search(low):
        return True
    for m in find_mentions(low):
        if m.value == current + amount or (m.value == current and _FROM_BEFORE.search(low[max(0, m.start - 12):
                                                                                           m.start])):
            return True
    return False


def asks_for(text: str, item: str, figure: int) -> bool:
    """Whether *text* asks for *figure* blanks of *item* in words of asking ("mohon dikirim lagi 2.000 keping"),
    not as a count received or a recount ("setelah dihitung ulang ternyata pas 2.000").

    >>> asks_for("Stok kami tinggal 600. Mohon dikirim lagi 2.000 keping.", "ktp-el", 2000)
    True
    >>> asks_for("Mohon maaf pak, setelah dihitung ulang ternyata pas 2.000 keping.", "ktp-el", 2000)
    False
    """
    low = _REFERENCE.sub(" ", normalise(text or ""))
    if _RECOUNTED.search(low):
        return False
    return any(f.value == figure and f.field == "requested" and not f.old and not f.other_item
               for f in _figures(low, item))


def stated_stock(text: str, item: str) -> int | None:
    """The one stock of *item* a follow-up states beside whatever else it says (a question, a reminder): "stok
    kami sekarang tinggal 300 keping, kapan dikirim?" -> 300; None when it states none, or more than one.

    >>> stated_stock("Pak, sisa stok kami tinggal 300 keping, kapan blangkonya dikirim?", "ktp-el")
    300
    >>> stated_stock("Kapan dikirim 2.000 keping itu pak?", "ktp-el") is None
    True
    """
    low = _REFERENCE.sub(" ", normalise(text or ""))
    said = {f.value for f in _figures(low, item)
            if f.field == "stock_on_hand" and not f.old and not f.other_item and not f.negative}
    return said.pop() if len(said) == 1 else None


_UNIT_AFTER = r"(?:\s*(?:keping|kpg|lembar|lbr|pcs|buah|blangko|blanko|blanks?|pieces))?"
_ENOUGH_BEFORE = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(vocabulary.ENOUGH_BEFORE, key=len,
                                                                        reverse=True))) + r")\s+$")
_ENOUGH_AFTER = re.compile(_UNIT_AFTER + r"\s*(?:pak|bu|ya|yah)?\s*(?:" + "|".join(map(re.escape, sorted(
    vocabulary.ENOUGH_AFTER, key=len, reverse=True))) + r")\b")


def says_enough(text: str, figure: int) -> bool:
    """Whether *text* says *figure* is enough ("ternyata cukup 2.000 keping saja pak, karena ada bantuan"): a
    lowering to it, whatever reason follows.

    >>> says_enough("ternyata cukup 2.000 keping saja pak, karena ada bantuan dari Kemendagri", 2000)
    True
    >>> says_enough("Kami tetap memohon 3.500 keping, sebab jemput bola butuh 700 keping.", 700)
    False
    """
    low = normalise(text or "")
    return any(m.value == figure and (_ENOUGH_BEFORE.search(low[max(0, m.start - 24):m.start])
                                      or _ENOUGH_AFTER.match(low, m.end))
               for m in find_mentions(low) if not m.year and not m.rate and m.unit in (None, "blank"))


_DAMAGE = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(vocabulary.DAMAGE_WORDS, key=len, reverse=True)))
                     + r")\b")
_DAMAGE_DENIED = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(vocabulary.DAMAGE_DENIED, key=len,
                                                                        reverse=True))) + r")\s+(?:\w+\s+)?$")
# the thing said broken, just before the word: "mobil dinas rusak", "printer kami rusak", "jalannya rusak parah"
_DAMAGED_OTHER = re.compile(r"\b(?:" + vocabulary.alternation(vocabulary.DAMAGED_OTHER_THINGS)
                            + r")(?:\s+(?:kami|kita|dinas|kantor|operasional|yang|yg|itu|tsb|juga|lagi|sedang|sdg|"
                              r"masih|msh|sudah|sdh|udah|is|was|our|got|has|been))*\s+$")
_GUIDANCE = re.compile(r"\b(?:" + "|".join(map(re.escape, vocabulary.GUIDANCE_ASKS)) + r")\b")
_SENTENCE = re.compile(r"(?:[^.!?\n]|(?<=\d)\.(?=\d))+[.!?]?")  # "2.500" is no sentence's end


# Right after a figure (and its unit, and a word of the card's part, "chipnya"): a word of damage makes it a count of
# damaged blanks ("12 lbr bengkok", "6 keping chipnya retak").
_DAMAGED_AFTER = re.compile(
    r"\s*(?:(?:" + _BLANK_UNIT + r")\b\s*)?(?:(?:blangko|blanko|kartu|chip[\w-]*|fisik\w*|hologram\w*|cetakan\w*|"
    r"yang|yg|di antaranya|diantaranya)\s+){0,2}(?:" + "|".join(map(re.escape, sorted(
        vocabulary.DAMAGE_WORDS + ("ga kebaca", "tidak terbaca", "tdk terbaca"), key=len, reverse=True))) + r")\b")


_PROMISE_VERB = r"(?:" + vocabulary.alternation(vocabulary.ARRIVAL_PROMISE_VERBS) + r")\w*"
# (and "setelah" / "sesudah": "setelah paket kami terima dan hitung, jumlahnya akan kami sampaikan")
_CONDITION = r"(?:" + vocabulary.alternation(vocabulary.CONDITION_WORDS + ("setelah", "sesudah", "after", "when")) \
    + r")"
_ARRIVING = r"(?:" + vocabulary.alternation(vocabulary.PROMISED_ARRIVAL_WORDS + ("terima",)) + r")"
# the words between, where a figure's thousands dot ("kalau 2.000 keping itu sudah sampai") ends nothing
_SPAN = r"(?:[^.\n]|(?<=\d)\.(?=\d))"
_COUNT_LATER = re.compile(
    rf"\b{_PROMISE_VERB}\b[^.\n]{{0,25}}?\b{_CONDITION}\b{_SPAN}{{0,25}}?\b{_ARRIVING}\b"
    rf"|\b{_CONDITION}\b{_SPAN}{{0,35}}?\b{_ARRIVING}\b[^.\n]{{0,50}}?\b{_PROMISE_VERB}\b"
    # ... and what will be told: "kami kabari jumlah yang diterima", "kami kabari lagi berapa nang diterima"
    r"(?:\s+(?:lagi\s+)?(?:jumlah\w*|berapa)(?:\s+(?:yang|yg|nang))?\s+(?:di)?terima\w*)?"
    # ... or named first: "Jumlah yang kami terima akan kami konfirmasikan setelah barang tiba"
    rf"|\b(?:jumlah\w*|berapa)\s+(?:yang\s+|yg\s+|nang\s+)?(?:kami\s+)?(?:di)?terima\w*[^.\n]{{0,20}}?\b{_PROMISE_VERB}"
    rf"\b[^.\n]{{0,25}}?\b{_CONDITION}\b[^.\n]{{0,25}}?\b{_ARRIVING}\b")


def promises_count_later(text: str) -> bool:
    """Whether *text* promises word of the blanks when they arrive ("akan kami konfirmasi begitu tiba di kantor",
    "kalau sudah sampai nanti kami kabari jumlahnya"): no count received, whatever figure stands beside it.

    >>> promises_count_later("blangko 2.000 keping akan kami konfirmasi begitu tiba di kantor.")
    True
    >>> promises_count_later("Kalau sudah sampai nanti kami kabari jumlah yang diterima.")
    True
    >>> promises_count_later("Setelah paket kami terima dan hitung, jumlahnya akan kami sampaikan.")
    True
    >>> promises_count_later("Jumlah yang kami terima akan kami konfirmasikan setelah barang tiba di kantor kami.")
    True
    >>> promises_count_later("Blangko 2.000 keping sudah tiba, terima kasih.")
    False
    >>> promises_count_later("Sudah kami terima 1.500, sisanya nanti kami kabari kalau sudah sampai.")
    False
    """
    low = normalise(text or "")
    if not _COUNT_LATER.search(low):
        return False
    # an arrival told outside the promise ("sudah kami terima 1.500, sisanya ...") is a receipt beside it
    return not _ARRIVAL_TOLD.search(_COUNT_LATER.sub(" ", low))


def tells_arrival(text: str) -> bool:
    """Whether *text* tells that blanks arrived, in a sentence with no hope, condition or promise in it ("baru
    datang 300 keping, sisanya masih di ekspedisi"), whatever blank or count it names.

    >>> tells_arrival("Pak, baru datang 300 keping, sisanya 200 keping masih di ekspedisi.")
    True
    >>> tells_arrival("Semoga minggu ini sudah sampai pak. Terima kasih.")
    False
    >>> tells_arrival("Blangko belum sampai sampai hari ini.")
    False
    """
    low = _COUNT_LATER.sub(" ", normalise(text or ""))
    for sentence in re.split(r"[.!?\n]+", low):
        if _ARRIVAL_TOLD.search(sentence) and not HOPE_OR_CONDITION_RE.search(sentence) \
                and not blanks_not_arrived(sentence):
            return True
    return False


# A word that says the arrival has not happened: "belum kami terima", "tidak sampai", "not yet arrived".
_NOT_YET = re.compile(r"\b(?:belum|blm|blom|balom|tidak|tdk|tak|gak|ga|nggak|enggak|not|yet)\b")


def arrival_not_told(text: str, received: int) -> bool:
    """Whether the clause of *text* that gives the count *received* says no arrival: under a condition or a plan
    before its word of arrival ("Amun 2.000 keping sudah tiba, kami itung dulu", "2.000 keping dijadwalkan tiba
    besok"), or of the shipment's papers, not its blanks ("resi pengiriman 1.500 keping sudah kami terima").

    >>> arrival_not_told("Amun 2.000 keping sudah tiba, kami itung dulu lah pak.", 2000)
    True
    >>> arrival_not_told("Info dari ekspedisi pak, 2.000 keping dijadwalkan tiba besok pagi.", 2000)
    True
    >>> arrival_not_told("Mohon izin pak, resi pengiriman 1.500 keping sudah kami terima.", 1500)
    True
    >>> arrival_not_told("Sudah kami terima 2.000 keping, nanti kami catat di buku stok.", 2000)
    False
    >>> arrival_not_told("BAST dan blangko 2.000 keping sudah kami terima.", 2000)
    False
    """
    for m in _SENTENCE.finditer(text or ""):
        low = normalise(m.group(0))
        for clause in re.split(r"[,;:]|(?<!\d)\.|\.(?!\d)", low):
            if not any(f.value == received for f in find_mentions(clause)):
                continue
            arrived = _ARRIVAL_TOLD.search(clause)
            hoped = HOPE_OR_CONDITION_RE.search(clause)
            if (arrived is not None and hoped is not None and hoped.start() < arrived.start()) \
                    or PAPERS_RECEIVED_RE.search(clause):
                return True
    return False


def whole_shipment_told(text: str, shipped: int) -> str | None:
    """The sentence of *text* that tells the blanks arrived with the figure shipped as their count and no other
    count ("Kirimannya sudah datang kemarin sore, 500 keping pas." of 500 shipped), no other blank named in it;
    None when no sentence does.

    >>> whole_shipment_told("Kirimannya sudah datang kemarin sore, 500 keping pas. Tapi 8 keping rusak.", 500)
    'Kirimannya sudah datang kemarin sore, 500 keping pas.'
    >>> whole_shipment_told("Kirimannya sudah datang kemarin sore, 300 keping dulu.", 500) is None
    True
    >>> whole_shipment_told("Semoga yang 500 keping sudah datang minggu ini.", 500) is None
    True
    >>> whole_shipment_told("Pak, blangko 500 keping belum kami terima sampai hari ini.", 500) is None
    True
    """
    for m in _SENTENCE.finditer(text or ""):
        said = m.group(0)
        low = _COUNT_LATER.sub(" ", normalise(said))
        if not _ARRIVAL_TOLD.search(low) or HOPE_OR_CONDITION_RE.search(low) or blanks_not_arrived(low) \
                or _NOT_YET.search(low) or len(items_named(low)) > 1:
            continue
        figures = [f.value for f in find_mentions(low) if f.value is not None and not f.year and not f.rate]
        if figures == [shipped] and not damaged_counts(low):
            return said.strip()
    return None


_ARRIVAL_TOLD = re.compile(r"\b(?:" + vocabulary.alternation(vocabulary.PROMISED_ARRIVAL_WORDS) + r")\b"
                           r"|\bterima\b(?!\s*kasih)")  # (never the thanks, "terima kasih")


def damaged_counts(text: str) -> set[int]:
    """The figures of a receipt that count damaged blanks ("Tp 12 lbr bengkok", "cuma 6 keping chipnya retak"): never
    the count received.

    >>> sorted(damaged_counts("Sudah kami terima 2.000 keping, tapi 7 keping rusak."))
    [7]
    """
    low = normalise(text or "")
    return {m.value for m in find_mentions(low) if m.value is not None and not m.year
            and _DAMAGED_AFTER.match(low, m.end)}


def damage_said(text: str, *, asks: bool = True) -> str | None:
    """The sentences of a receipt saying blanks came damaged, or asking what to do ("20 keping di antaranya rusak
    ... Mohon arahan."), for a person; None when it says neither (or denies the damage: "tidak ada yang rusak").
    Without *asks*, only the damage: a question beside a difference already before a person adds nothing.

    >>> damage_said("Sudah kami terima 2.500 keping, namun 20 keping di antaranya rusak. Mohon arahan.")
    'Sudah kami terima 2.500 keping, namun 20 keping di antaranya rusak. Mohon arahan.'
    >>> damage_said("Blangko 2.500 keping sudah kami terima dalam kondisi baik, tidak ada yang rusak.") is None
    True
    >>> damage_said("Belum kami ambil krn mobil dinas rusak, nanti minggu depan.") is None
    True
    """
    return " ".join(damage_sentences(text, asks=asks)) or None


def damage_sentences(text: str, *, asks: bool = True) -> list[str]:
    """The sentences of *text* that damage_said joins, each as written."""
    said = []
    for m in _SENTENCE.finditer(text or ""):
        low = normalise(m.group(0))
        damaged = any(not _DAMAGE_DENIED.search(low[max(0, d.start() - 24):d.start()])
                      and not _DAMAGED_OTHER.search(low[max(0, d.start() - 40):d.start()])
                      for d in _DAMAGE.finditer(low))
        if damaged or (asks and _GUIDANCE.search(low)):
            said.append(m.group(0).strip())
    return said


def names_new_figure_from(text: str, item: str, floor: int) -> bool:
    """Whether *text* names a figure of *item* of at least *floor* other than as the wrong one ("bukan 4.000"):
    "Kami tetap memohon 3.500 keping pak, sebab ... butuh 700 keping" after 3.000 approved keeps to more, whatever
    smaller figure its reason holds.

    >>> names_new_figure_from("Kami tetap memohon 3.500 keping pak, sebab jemput bola butuh 700.", "ktp-el", 3000)
    True
    >>> names_new_figure_from("Ralat, cukup 2.500 keping saja, bukan 4.000.", "ktp-el", 3000)
    False
    """
    return any(not f.old and not f.other_item and f.value >= floor for f in _figures(normalise(text or ""), item))


_GIVEN_UP_BEFORE = re.compile(
    rf"\b(?:{vocabulary.alternation(vocabulary.GIVEN_UP_BEFORE_WORDS)})\s+(?:(?:yang|yg)\s+)?$")
_GIVEN_UP_AFTER = re.compile(
    rf"(?:\s*(?:{_BLANK_UNIT}|lagi|lg|itu|tsb|tersebut|nanti|nnti|ya|aja|saja|pak|bu),?)*\s+"
    rf"(?:{vocabulary.alternation(vocabulary.GIVEN_UP_AFTER_WORDS)})\b")


def _without_surplus(low: str, figures: list[_Figure], requested: int | None) -> list[_Figure]:
    """*figures* less the part given up beside a lowered figure ("cukup 1.000 keping aja, yg 500 bisa buat kabupaten
    lain", "kelebihan 500 nanti kami kembalikan"): of two new figures that make up *requested*, the one named as the
    surplus; the other, if no role took it, is the figure asked."""
    own = [f for f in figures if not f.old and not f.other_item]
    if requested is None or len(own) != 2 or sum(f.value for f in own) != requested:
        return figures
    surplus = [f for f in own if _GIVEN_UP_BEFORE.search(low[max(0, f.start - 30):f.start])
               or _GIVEN_UP_AFTER.match(low, f.start + len(_digits_at(low, f.start)))]
    if len(surplus) != 1:
        return figures
    kept = next(f for f in own if f is not surplus[0])
    return [replace(f, field=f.field or "requested") if f is kept else f for f in figures if f is not surplus[0]]


# The old figure explained after its correction: "300 keping, bukan 150. Yang 150 itu stok di UPT kecamatan saja",
# "Angka 150 itu hanya stok gudang", "150 itu stok gudang kecamatan": "yang"/"angka" (or a sentence's start) before
# the figure recorded, "itu"/"tersebut" after it.
_EXPLAINED_BEFORE = re.compile(r"(?:\b(?:yang|yg|angka|jumlah|nilai)|^|[.!?\n])\s*$")
_EXPLAINED_AFTER = re.compile(r"\s*(?:(?:" + _BLANK_UNIT + r")\b)?\s*(?:itu|tersebut|tsb|tadi|td)\b")


def _old_explained(low: str, figures: list[_Figure], recorded: dict[str, int | None]) -> list[_Figure]:
    """*figures*, each that explains the recorded figure the same mail corrects ("sisa stok kami sebenarnya 300
    keping, bukan 150. Yang 150 itu stok di UPT kecamatan saja" of a stock of 150) marked as the old one: what the
    district says that figure was, never a figure it asks (nor a second stock)."""
    result = []
    for f in figures:
        if not f.old and not f.other_item and _EXPLAINED_BEFORE.search(low[max(0, f.start - 12):f.start]) \
                and _EXPLAINED_AFTER.match(low, f.start + len(_digits_at(low, f.start))):
            of = [k for k in FIELDS if recorded.get(k) == f.value and f.field in (None, k)]
            if len(of) == 1 and any(g is not f and not g.old and not g.other_item and g.field == of[0]
                                    and g.value != f.value for g in figures):
                f = replace(f, old=True, pair=None)
        result.append(f)
    return result


def _digits_at(low: str, start: int) -> str:
    """The figure written at *start* ("1.000", "500")."""
    m = re.match(r"[\d.,]+", low[start:])
    return m.group() if m else ""


# Awaiting the blanks ("ditunggu kiriman 3.500 kepingnya"), and the verbs that ask: awaiting with no word of asking
# asks nothing (mailbot.conversation tells the district what comes).
_AWAITED = re.compile(r"\b(?:ditunggu|kami tunggu|menunggu|tunggu|ditenggo|dihadangi|kami hadangi)\b")
_ASK_VERB = re.compile(r"\b(?:mohon\w*|memohon\w*|minta\w*|meminta|perlu\w*|butuh\w*|membutuhkan|ajukan|mengajukan)\b")


def interpret(text: str, *, item: str, requested: int | None, stock_on_hand: int | None,
              approved: int | None, read: dict[str, int | None] | None = None,
              received: int | None = None, earlier: dict[str, tuple[int, ...]] | None = None,
              last_change: tuple[int, int] | None = None, told: bool = False) -> Reading:
    """Read *text* (a follow-up's new text) against the request's recorded figures.

    *read* is what the reader made of the same mail (field -> value); where it names a figure this
    reading does not place, the reader's figure stands, unless the two disagree (a person reads it).
    *earlier*: the figures the request held before the district changed them (field -> values); a correction
    back to one of them ("Ralat: yang benar tetap 2.000 keping", after "cukup 1.200") names its field.
    *last_change*: the asked figure before and after the district's last change of it; a follow-up about the
    amount that change added ("tambahannya cukup 200", "tambahan 500 tadi tidak jadi") corrects that amount.
    *told*: *approved* is a decision the district was told (not a proposal waiting for the managers): that figure
    said with words that accept it ("3.000 sdh cukup untuk sementara") takes the approval as it stands.

    >>> interpret("Mohon maaf, cukup 1.000 saja, bukan 1.800.", item="ktp-el", requested=1800,
    ...           stock_on_hand=900, approved=1200).figures
    {'requested': 1000}
    >>> interpret("Maaf bu, 1.200 itu masih kurang. Minimal 1.500 keping bu.", item="ktp-el", requested=1800,
    ...           stock_on_hand=900, approved=1200, told=True).figures
    {'requested': 1500}
    """
    low = _CHANGED_TO_KE.sub(r"\1 menjadi ", normalise(text or ""))
    recorded = {"requested": requested, "stock_on_hand": stock_on_hand}
    if received is not None:  # a shipment's count is one of its figures once it arrived
        recorded["received"] = received
    figures = _old_explained(low, _without_surplus(low, _figures(low, item), requested), recorded)
    part_cut = approved is not None and requested is not None and approved < requested
    protested: set[int] = set()
    if part_cut and approved is not None and received is None:
        # "2.000 tidak cukup …, mohon bisa dipenuhi 4.000": the part approved, quoted as not enough, is the figure
        # protested (as one said to be wrong is), never the district lowering its request to it
        at = _protested_part(low, approved)
        figures = [replace(f, old=True, pair=None) if f.start in at and not f.old else f for f in figures]
        protested = {approved} if at else set()
        if (at or _LOOKS_AGAIN.search(low) or _PROTESTS_CUT.search(low)) \
                and all(f.value == approved for f in figures if not f.old and not f.other_item):
            # "jumlah 2rb itu kurang. Minimal 3rb keping lah pak", "Terkait persetujuan sebagian tsb kami keberatan,
            # kebutuhan riil kami minimal 4.000 keping", "kok cuma segitu pak, minimal 2.500 lah": beside the part
            # protested (quoted, "kami keberatan atas persetujuan 2.700 keping itu", or named in words), the least
            # the district needs, above it, is the figure the appeal asks (as the reader takes "minimal 600"), even
            # below the figure first asked; an objection a manager weighs, never a correction the policy cuts again
            least = [(m.value, m.start) for m in find_mentions(low) if m.least and m.value is not None
                     and m.value > approved and m.unit in (None, "blank") and not m.rate and not m.year]
            if len(least) == 1:
                figures = [replace(f, old=True, pair=None) if not f.old and not f.other_item else f
                           for f in figures]
                figures = [*figures, _Figure(least[0][0], "requested", False, False, None, start=least[0][1])]
                protested = {approved}
    own_new = [f for f in figures if not f.old and not f.other_item]
    other_new = [f for f in figures if not f.old and f.other_item]
    # "apakah 2.000 keping itu sudah final? ... padahal yang kami ajukan 4.500": the part approved questioned,
    # naming no figure but the two recorded; an appeal a manager weighs, never a question for the queue only
    asks_part_final = part_cut and bool(_ASKS_PART_FINAL.search(low)) and not other_new \
        and all(f.value in (requested, approved) for f in own_new)
    if _PROGRESS_ASKED.search(low) and not _MARKS_CHANGE.search(low):
        return Reading("question", why="the request's progress asked after: never applied as a correction")
    if _QUESTION.search(low) and not (len(own_new) == 1 and _CHANGE_ASKED.search(low)) \
            and not _LOOK_AGAIN_ASKED.search(low) and not asks_part_final \
            and not (part_cut and _PROTESTS_CUT.search(low)):
        return Reading("question", why="a question: a person answers it; never applied as a correction")
    if below := [f for f in own_new if f.negative]:
        return Reading("unclear", why=f"{below[0].value} written below zero: no count of blanks is",
                       below_zero=(below[0].field if below[0].field in FIELDS else None, below[0].value))
    if asks_part_final or part_cut and _PROTESTS_CUT.search(low) \
            and not other_new and all(f.value in (requested, approved) for f in own_new):
        # "kenapa cuma segitu?? Kami minta 1.500", "kok namung 600 to? Kami nyuwun 1.500": the part approved
        # protested, no new figure beside it; a manager weighs it, as "we asked for 1,500 and you cut it"
        return Reading("appeal", why="the part approved protested")
    if other_new and not own_new:
        return Reading("other_item", why="a figure for the other blank: never booked on this request's item",
                       other_item=tuple(f.value for f in other_new))
    if last_change is not None and requested is not None and last_change[1] == requested != last_change[0]:
        of_added = _of_added_part(low, figures, before=last_change[0], requested=requested,
                                  known={stock_on_hand, approved})
        if of_added is not None:
            return of_added
        if abs(last_change[1] - last_change[0]) in {f.value for f in figures if f.old} \
                and abs(last_change[1] - last_change[0]) not in (last_change[0], requested):
            # "..., bukan 500" of the 500 the last change added: the new figure may be the amount added or the
            # whole request; a person reads it (never the whole request cut to the amount)
            return Reading("unclear", why=f"the {abs(last_change[1] - last_change[0])} said to be wrong is the "
                           "amount last added; whether the new figure is that amount or the whole is not said",
                           old=(abs(last_change[1] - last_change[0]),))
    new: dict[str, int] = {}
    # "mohon ditambah 500 keping lagi", "dikurangi 300 keping saja": the asked figure changed by that amount
    # (from the approved one when the mail says so, "ditambah 500 lagi dari yang sudah disetujui"), never read
    # as the new total; a total beside it ("jadi total 1.500") must agree
    amounts = [f for f in own_new if f.relative and f.field in (None, "requested")]
    if amounts and requested is not None and "received" not in recorded:
        base = approved if approved is not None and _FROM_APPROVED.search(low) else requested
        total = base + sum(f.relative * f.value for f in amounts)
        if total <= 0:
            return Reading("unclear", why=f"{base} changed by the amounts written is not above zero")
        new["requested"] = total
    relative_amounts = {f.value for f in amounts} if "requested" in new else set()
    placed_at: dict[str, int] = {}
    # "ternyata 100 keping yang kurang terselip di dus lain, jadi lengkap 2.000": the missing part found makes the
    # count received the part booked and that figure; the figure named as missing is no figure of its own
    found = missing_found(text, received_before=received, shipped=approved) \
        if received is not None and approved else None
    if found is not None:
        new["received"] = found[1]
    said_wrong: dict[str, tuple[int, ...]] = {}  # field -> the old figures written beside its new one ("bukan N")
    for i, f in enumerate(figures):
        if f.old or f.other_item:
            continue
        if f in amounts and "requested" in new:
            continue
        if found is not None and f.value == found[0]:
            continue  # the missing part found, counted above
        if "requested" in new and relative_amounts and f.value == new["requested"]:
            continue  # the total the amount makes, restated ("ditambah 500 lagi, jadi total 1.500")
        name = f.field if f.field != "received" or "received" in recorded else None
        if name in (None, "requested") and "received" in recorded \
                and _OF_SHIPMENT.search(_clause_before(low, f.start)) \
                and not _ASKS_IN_CLAUSE.search(_clause_before(low, f.start)):
            # "setelah stock opname ternyata blangko dari kiriman ini hanya 950 keping" once the blanks arrived: the
            # shipment's content counted, never the figure asked (its "kiriman" is what came, no word of asking)
            name = "received"
        olds = [o for o in figures if o.old and o.pair == i]
        if (olds and olds[0].field is None and approved is not None and olds[0].value == approved
                and "received" not in recorded and approved not in (requested, stock_on_hand)):
            # "mohon koreksi, yang benar 1.800 bukan 1.700" of 1.700 approved out of 2.500 asked: the district
            # disputes the approval, no figure it gave; a person reads it (never a cut of the figure asked)
            return Reading("unclear", why=f"{approved} said to be wrong is the approved figure, not one the "
                           "district gave", old=(approved,))
        if name is None and olds and olds[0].field in FIELDS and recorded.get(olds[0].field) == olds[0].value:
            # "sisa stok kami bukan 2.000 melainkan 1.200": the word before the old figure names it, even when the
            # figure asked has the same value
            name = olds[0].field
        if name is None and olds and "received" not in recorded:
            same = [k for k in FIELDS if recorded.get(k) == olds[0].value]
            if len(same) > 1:
                return Reading("unclear", why=f"{olds[0].value} is both the figure asked and the stock; which one "
                               f"{f.value} corrects is not said", old=(olds[0].value,),
                               which_figure=(olds[0].value, f.value))
        if name is None and olds:
            # "1.000, bukan 1.800": the old figure says which of the request's figures it was; once the blanks
            # arrived, the count received before the figure asked ("ternyata isinya hanya 1.950 keping, bukan
            # 2.000" of 2.000 asked, shipped and received: the request is long settled, the count is not)
            named = sorted(recorded.items(), key=lambda kv: kv[0] != "received")
            name = next((k for k, v in named if v is not None and v == olds[0].value), None)
        if name is None and "received" in recorded and _RECOUNTED.search(low):
            # "maaf salah hitung, yang benar 2.000" in the thread of a receipt: the count it gave, corrected (the
            # request's own figures were settled when the blanks left)
            name = "received"
        if name is None:
            name = next((k for k, v in (read or {}).items() if k in FIELDS and v == f.value), None)
        if name is None and earlier and _SAYS_CORRECTION.search(low):
            held = [k for k, values in earlier.items() if k in FIELDS and f.value in values]
            name = held[0] if len(held) == 1 else None
        if (name is None and requested is not None and "received" not in recorded and len(own_new) == 1
                and not figures[i].old and _NEW_ASKED_ONLY.search(low)):
            if stock_on_hand is not None and f.value != requested \
                    and not _ASKED_HINT.search(low):
                # "Koreksi pak, yang benar 1.200." of 2.000 asked with 750 left: the stock or the figure asked,
                # the mail does not say; the district is asked (never a guess that cuts what it asked for)
                return Reading("unclear", why=f"{f.value}: which figure it corrects is not said",
                               which_figure=(None, f.value))
            # "maksudnya 1.500 keping saja", "harusnya 2.500 keping, karena ada perekaman massal": the one figure
            # of a correction naming no field, said as an amount to send, is the asked one
            name = "requested"
        # (the figure asked before, named beside the new one, is no second figure: "dirubah jd 1.800 aja ya, yg
        # 1.500 ternyata kurang")
        if (name is None and requested is not None and "received" not in recorded
                and len([g for g in own_new if g.value != requested]) == 1 and f.value != requested
                and (_AMOUNT_CHANGED.search(_clause_before(low, f.start)) or _CHANGE_ASKED.search(low)
                     or (f.value < requested and says_enough(low, f.value)))):
            # "jumlahnya kami ubah menjadi 2.600 keping", "could you make it 2,500 instead?", "400 saja cukup": the
            # amount of the request, changed, is the asked figure
            # "jumlahnya kami ubah menjadi 2.600 keping": the amount of the request, changed, is the asked figure
            name = "requested"
        if name is None:
            if f.value in (requested, stock_on_hand, approved):
                continue  # the same figure restated ("1.200 keping kami tunggu")
            return Reading("unclear", why=f"{f.value}: not clear which figure it is")
        if name in new and new[name] != f.value:
            if f.value in said_wrong.get(name, ()):
                continue  # "600 bukan 1.500 (yang 1.500 itu stok bulan lalu)": the wrong figure, explained
            if name in placed_at and _REASON_BETWEEN.search(low[placed_at[name]:f.start]):
                # "dinaikkan jadi 3.500 keping, karena jemput bola Krayan butuh 600 keping": a figure in the reason
                # given for the one placed before it is a part of that need, not a second figure asked
                continue
            return Reading("unclear", why=f"two figures for {name}: {new[name]} and {f.value}")
        new[name] = f.value
        placed_at[name] = f.start
        said_wrong[name] = tuple(o.value for o in olds)
    for name, value in (read or {}).items():
        if value is None or name not in FIELDS:
            continue
        if name == "requested" and (value in relative_amounts or value in protested):
            continue  # the reader took the amount for the total, or the part protested for a figure asked
        if name not in new and value in {f.value for f in figures if f.old} - {f.value for f in own_new}:
            # "…, bukan 150. Yang 150 itu stok di UPT kecamatan saja": the figure this mail says was wrong (or
            # explains) is never taken from the reader as another field's new figure
            continue
        if name in new and new[name] != value:
            return Reading("unclear", why=f"{name}: {new[name]} or {value}")
        if name not in new and not other_new and value not in new.values():
            # (a figure this reading placed in another field is placed: "jumlah yang benar 1.950" of a count
            # received, restated, is never also the asked figure)
            new[name] = value
    changed = {k: v for k, v in new.items() if v != recorded.get(k)}
    corrects = bool(_CORRECTION_WORDS.search(low))
    if changed and set(changed) == {"requested"} and changed["requested"] == approved and (
            not corrects or (told and not _CORRECTION_WORDS.search(_ACCEPTANCE.sub(" ", low)))):
        # "1.200 keping cukup", "Ok pak terima kasih, 3.000 sdh cukup untuk sementara": the approved figure
        # accepted, not a new request (the approval stands); "koreksi, yang benar 3.000" still corrects
        changed = {}
    # "tetap membutuhkan 2.000" of a request of 2.000 granted in full, beside a corrected stock: no appeal
    granted = approved if approved is not None and approved == requested and "requested" not in changed else None
    asks = _without_granted_restated(low, granted)
    appeal = bool(_APPEAL.search(asks))
    other = tuple(f.value for f in other_new)
    # "Jumlah yang disetujui belum sesuai kebutuhan kami … Paling sedikit yang kami perlukan 3.600 keping", "kok cuma
    # segitu pak, kami perlu 2.600 keping": the part protested, with a figure above it asked in its place
    objects = part_cut and received is None and approved is not None and bool(_PROTESTS_CUT.search(low)) \
        and changed.get("requested", 0) > approved
    if changed and (_RECONSIDER.search(asks) or protested or objects) and "received" not in changed:
        # "tetap membutuhkan 4.000 keping karena …, mohon dipertimbangkan kembali": the district asks the
        # province to look again, with a new figure: an appeal a manager decides, not a correction
        return Reading("appeal", changed, why="a new figure with a request to reconsider",
                       old=tuple(f.value for f in figures if f.old), other_item=other)
    for name in changed:
        wrong = said_wrong.get(name, ())
        if not wrong or recorded.get(name) in wrong or recorded.get(name) is None:
            continue
        if crossed := [o for o in wrong if o in (earlier or {}).get(name, ())]:
            # "2.500, bukan 2.000" when the 2.000 was changed to 1.500 since (a colleague's correction crossed this
            # one in flight): written against a figure that no longer stands, it is for a person, never applied over
            now = recorded.get(name)
            return Reading("unclear", why=f"{crossed[0]} said to be wrong is no longer the {name} (now "
                           f"{now}): the request changed after the mail it answers", old=(crossed[0],),
                           crossed=(name, crossed[0], now, changed[name]) if now is not None else None)
        # "sisa stok kami 450, bukan 600" of a stock recorded as 750 (or, in the KIA request's thread, the KTP-el
        # request's 750): the figure it corrects is not this request's; a person reads it
        return Reading("unclear", why=f"{wrong[0]} said to be wrong is not the {name} recorded "
                       f"({recorded.get(name)})", old=(wrong[0],))
    if changed:
        return Reading("correction", changed, why="figures changed", old=tuple(f.value for f in figures if f.old),
                       other_item=other)
    if other:
        # "KTP-el tetap 2.000, KIA mohon 300": nothing changes on this request, and the other blank's figure
        # is for a person
        return Reading("other_item", why="a figure for the other blank beside this request's own, unchanged",
                       other_item=other)
    if appeal and (new or figures):
        return Reading("appeal", new, why="the same figure asked again, with a reason")
    if approved is not None and requested is not None and approved < requested and any(
            f.value == requested and f.field == "requested" for f in own_new) \
            and not (_AWAITED.search(low) and not _ASK_VERB.search(low)):
        # "kami perlu 1.800 keping" after 1.600 of 1.800 were approved: the whole figure asked again is no
        # agreement with the part approved; a manager weighs it
        return Reading("appeal", new, why="the whole figure asked again after a part was approved")
    if appeal and _LOOKS_AGAIN.search(low):
        return Reading("appeal", why="asks the province to look again at its decision")
    if new or own_new:
        return Reading("restated", new, why="the recorded figures restated")
    return Reading("plain")
