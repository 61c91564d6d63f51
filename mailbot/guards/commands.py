"""A manager's decision written as the first line of a reply: SETUJU [jumlah] [PAKSA <alasan>] or TOLAK [PAKSA]
<alasan>."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Literal

from mailbot.errors import CommandError as CommandError  # where routes.py and the guards package look for it
from mailbot.errors import QuantityError
from mailbot.guards.headers import safe_header_text
from mailbot.guards.threads import REFERENCE_PATTERN, find_references
from mailbot.quantities import (
    ACCOUNTANT_DASH,
    SCALES,
    UNIT_PATTERN,
    UNITS,
    estimate_at,
    parse_quantity,
    quantity_pattern,
)
from mailbot.quantities import NUMBER_WORDS as SPELLED_NUMBER_WORDS
from mailbot.reader.vocabulary import WEEKDAY_OF, alternation

Action = Literal["approve", "reject"]
MAX_REASON_CHARS = 500

# The command words. "DISETUJUI"/"DITOLAK" (approved/rejected) are accepted too: they are how an
# Indonesian official naturally annotates a letter, and they cannot be read the other way.
# "OK" and "YA" are not: "ok, saya cek dulu" is no approval.
APPROVE_WORDS: frozenset[str] = frozenset({"setuju", "disetujui",
                                         # Sundanese: "Mangga disatujuan, asal ..."
                                         "disatujuan", "satuju",
                                         # "acc 2.000", "diacc": the office's word for signing a proposal off
                                         "acc", "diacc",
                                         # "Approved 2,000 for now, on condition that ...", "OK, approve 2,000"
                                         *(ENGLISH_APPROVE_WORDS := frozenset({"approved", "approve"}))})
REJECT_WORDS: frozenset[str] = frozenset({"tolak", "ditolak"})
# "SETUJU 8.100 PAKSA <alasan>": approve although the desk raised concerns (above the request or the
# need, not whole packs); the reason is recorded. It never takes the province store into its reserve.
# "TOLAK PAKSA <alasan>": reject a request that was approved already (the district is told the approval is
# withdrawn), as `mailbot reject --force` does.
FORCE_WORD = "paksa"
NEGATIONS: frozenset[str] = frozenset({
    "tidak", "tdk", "tak", "gak", "nggak", "enggak", "belum", "blm", "jangan", "bukan", "not", "never", "cannot",
})
# Words that may follow "SETUJU 1.500" without making it unclear: units, the item, courtesy.
TRAILING_WORDS: frozenset[str] = frozenset({
    *UNITS,
    "blangko", "blanko", "ktp", "el", "ktp-el", "e-ktp", "ektp", "kia",
    "terima", "kasih", "terimakasih", "trims", "makasih", "tks", "thanks", "ya", "pak", "bu", "ibu", "bapak",
    # "Disetujui. Silakan diproses.": carrying the approval out is no other figure nor a condition
    "silakan", "silahkan", "diproses", "proses", "dilanjutkan", "lanjutkan", "ditindaklanjuti", "tindaklanjuti",
    "thank", "you", "please", "pls", "plz", "proceed", "pcs", "cards", "blanks",
})
# Particles a manager opens the reason with ("setuju 3.500 ya, sisanya bulan depan"): courtesy, not the reason.
# ("tp 2000 aja dl ya. sisanya bulan depan": "for now" said after the figure, no reason either)
REASON_PARTICLES: frozenset[str] = frozenset({"ya", "yah", "yaa", "pak", "bu", "dong", "deh", "ok", "oke",
                                             "aja", "saja", "aj", "sj", "dl", "dulu"})
# A word of assent before the command on its line ("Ok, SETUJU.", "Baik, setuju 3.000", "Boleh, acc 2.000"): the
# command follows. ("Ok pak, setuju. 1.500 dulu": a courtesy word after it)
# ("Monggo disetujui, nanging ...": Javanese; "Fine by me, please approve ...": English, a "please" before the command)
ASSENT_WORDS: frozenset[str] = frozenset({"ok", "oke", "okay", "okey", "baik", "siap", "boleh", "monggo", "mangga",
                                         "nggih", "fine", "fine by me", "sure", "sounds good",
                                         # "ok go ahead, approve all of it"; Javanese "oleh" (may), "inggih"
                                         "go ahead", "ok go ahead", "okay go ahead", "oleh", "inggih",
                                         # Banjar "kawa ai dikirim" (may, can), "buleh"; Malay "boleh" is above
                                         "kawa", "buleh",
                                         # Bugis-Makassar "iye'" (yes), "Ok noted, go ahead kirim"
                                         "iye", "iyo", "iya", "ya", "noted", "ok noted",
                                         # "Sip ACC.", "Sip pak, kirim besok": everyday "ok" (it acknowledges only)
                                         "sip", "siip", "sipp", "oce",
                                         # "Silakan diproses, namun dibatasi 3.500 keping saja", "Lanjutkan, tapi
                                         # 3.000 dulu ya", "Proses aja pak, max 2.000": carrying the request on
                                         # ("oke jalan, tp max 2.500", "Silakan, dikurangi jadi 2.000")
                                         *(PROCEED_WORDS := frozenset({
                                             "silakan diproses", "silahkan diproses", "silakan proses",
                                             "silahkan proses", "silakan dilanjutkan", "silahkan dilanjutkan",
                                             "silakan lanjutkan", "silahkan lanjutkan", "diproses", "proses",
                                             "dilanjutkan", "lanjutkan", "lanjut", "silakan", "silahkan",
                                             "jalan", "jalankan", "dijalankan",
                                             # "jalan" urged on (see GOING_ON_PARTICLES): "jalan terus", "jalan maki"
                                             "jalan terus", "jalan trus", "jalan maki", "jalan mo",
                                             # everyday "go": "Gas pak, lanjutkan ja.", "gaskan aja"
                                             "gas", "gass", "gaskan", "gaspol"}))})
# Courtesy or emphasis right after a word of assent or the verb of sending ("Ok pak, setuju", Banjar "kawa ai
# dikirim", Javanese "kirimno wae", Malay "hantar je").
ASSENT_PARTICLES: tuple[str, ...] = ("pak", "bu", "bapak", "ibu", "ya", "please", "pls", "plz", "tolong", "silakan",
                                     "silahkan", "ai", "lah", "je", "aja", "saja",
                                     # Malay "boleh lah tu", Bugis-Makassar "ok mi itu", "lanjutkan ja", "iye ji"
                                     "tu", "itu", "mi", "ja", "ji")
_ASSENT_RE = re.compile(r"^(?:" + alternation(ASSENT_WORDS)
                        + r")\b['\u2019]?[\s,.!:;\-]*(?:(?:" + "|".join(ASSENT_PARTICLES) + r")\b"
                          r"[\s,.!:;\-]*){0,2}", re.IGNORECASE)
# The figure the district asked, named after the command ("Fine by me, please approve the full amount", "setujui
# sepenuhnya"): approved is what the district asked, never a figure the manager did not write.
_FULL_AMOUNT_RE = re.compile(
    r"^\s*(?:(?:the\s+)?(?:full|whole|entire)\s+(?:amount|quantity|request|figure)(?:\s+requested)?"
    r"|(?:in\s+)?full|as\s+requested|sepenuhnya|penuh|seluruhnya"
    # "sesuai permintaan", "sesuai yg dimohon", "penuhi saja": what the district asked ("sesuai permintaan Nunukan",
    # "sesuai yg mereka minta": the district named as who asked)
    r"|sesuai\s+(?:(?:permohonan|permintaan)(?:nya)?(?:\s+(?:dari\s+)?(?:mereka|kabupaten|kab|kota"
    r"|(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+))?))?"
    r"|(?:yang|yg)\s+(?:(?:mereka|kabupaten|kab|kota)\s+)?(?:di)?(?:minta|mohon|ajukan)(?:kan)?)"
    r"|(?:di)?penuhi(?:lah)?)"
    r"(?![^\W\d_])", re.IGNORECASE)
# "ok approved but only 2,500 this month", "setuju tapi 2.000 saja": a cut after the command, the figure approved
# ... or the figure right after the "but" with a word of "only" after it ("Oke acc, tp 2000 aja dl")
# A limit put on the figure: "namun dibatasi 3.500 keping saja", "max 2.000", "tapi dikurangi jadi 2.500": a cut
# said without a "but" before it too.
LIMIT_WORDS: tuple[str, ...] = (
    "max", "maks", "maksimal", "maksimum", "maximal", "maximum", "paling banyak", "sebanyak-banyaknya",
    "dibatasi", "batasi", "dibatasi sampai", "dibatasi hingga", "at most", "up to",
    # "dikurangi jadi 2.000", "dipotong jd 2rb": lowered to the figure (never "dipotong 500", cut by it)
    *(f"{verb} {to}" for verb in ("dibatasi", "dikurangi", "kurangi", "diturunkan", "turunkan", "dipotong", "potong")
      for to in ("jadi", "jd", "menjadi", "mjd")),
)
_LIMIT = alternation(LIMIT_WORDS)
_LIMIT_RE = re.compile(rf"(?:(?:but|tapi|tp|tetapi|namun|nanging)[\s,]+)?(?:{_LIMIT})(?![^\W\d_])[\s:;,]*(?=\d)",
                       re.IGNORECASE)
# A figure granted for now right after the word of assent: "Silakan diproses 3.500 saja", "Ok, 2.000 dulu".
_FIGURE_FOR_NOW_RE = re.compile(r"(?=\d[\d.,]*\s*(?:keping|kpg|lembar|lbr)?\s*(?:aja|saja|sj|aj|dulu|dl)"
                                r"(?![^\W\d_]))", re.IGNORECASE)
_ONLY_RE = re.compile(r"(?:(?:but|tapi|tp|tetapi|namun|nanging)[\s,]+)?(?:only|just|hanya|cuma|cuman|cukup|"
                      + _LIMIT + r")(?![^\W\d_])[\s:;,]*(?=\d)|"
                      r"(?:but|tapi|tp|tetapi|namun|nanging)[\s,]+(?=\d[\d.,]*\s*(?:keping|kpg|lembar|lbr)?\s*"
                      r"(?:aja|saja|sj|aj|dulu|dl|only)(?![^\W\d_]))", re.IGNORECASE)
# A word of assent whose approval is said by the cut alone ("Boleh, tapi cukup 3.000 keping dulu") or by asking the
# blanks sent: read as SETUJU with what follows. The verb of sending as the office's managers write it, told or
# passive: "ok kirim", "Nggih, monggo dikirim", Javanese "Oleh, kirimno wae", Banjar "kawa ai dikirim", Malay
# "boleh hantar".
SEND_WORDS: tuple[str, ...] = ("dikirim", "dikirimkan", "dikirimken", "kirim", "kirimkan", "kirimken", "kirimno",
                               "kirimne", "kirimi", "dihantar", "dihantarkan", "hantar", "hantarkan",
                               # Banjar "kirimakan haja"
                               "kirimakan", "dikirimakan")
# ... with a word after it that asks nothing more ("saja", Javanese "wae"/"mawon", Banjar "ai"/"bai", Malay "je")
SEND_PARTICLES: tuple[str, ...] = ("saja", "aja", "wae", "bae", "bai", "mawon", "ya", "ai", "je", "lah", "pak", "bu",
                                   # Banjar "haja", Bugis-Makassar "mami", "mi", "ji", "ja"
                                   "haja", "mami", "mi", "ji", "ja",
                                   # the blanks pointed at: "kirim ji itu sebelum tanggal 18", Malay "hantar je tu"
                                   "itu", "tu",
                                   # all of it (ALL_OF_IT_WORDS): "kirim semua", "kirim full ya"
                                   *(ALL_OF_IT_WORDS := ("semua", "semuanya", "sedoyo", "sedaya", "kabeh",
                                                         "sabarataan", "barataan", "seluruhnya", "full")))
# ... of them, the words that send all of it ("kirim full", "kirim semua", Javanese "dikirim sedaya", Banjar
# "kirimakan barataan"): the figure the district asked is approved, as SETUJU <that figure> would be
_ALL_OF_IT_RE = re.compile(r"(?<![^\W\d_])(?:" + "|".join(ALL_OF_IT_WORDS) + r")(?![^\W\d_])", re.IGNORECASE)
_SENT_RE = re.compile(r"(?:langsung\s+)?(?P<verb>" + "|".join(sorted(SEND_WORDS, key=len, reverse=True))
                      + r")(?![^\W\d_])"
                      r"[\s,.!]*(?:(?:" + "|".join(SEND_PARTICLES) + r")(?![^\W\d_])[\s,.!]*)*", re.IGNORECASE)
# When the blanks are to be sent, said right after the verb ("Ok dikirim besok ya", "monggo dikirim sesuk", "kirim
# hari ini"): the assent holds and the when goes to the district as the manager's note, never read as a condition.
WHEN_WORDS: tuple[str, ...] = (
    "besok", "besoknya", "bsk", "besok pagi", "besok siang", "besok sore", "lusa", "hari ini", "hr ini", "sekarang",
    "skrg", "segera", "secepatnya", "sesegera mungkin", "minggu ini", "minggu depan", "pekan ini", "pekan depan",
    "pagi ini", "siang ini", "sore ini", "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu",
    # Javanese "sesuk" (tomorrow), "saiki" (now), "enggal" (soon); Malay "esok"; Banjar "isuk", "wayahini" (now)
    "sesuk", "saiki", "enggal", "esok", "isuk", "wayahini",
    "today", "tomorrow", "asap", "this week", "next week",
)
# ... a day named with the week it falls in ("Senin depan")
WHEN_AFTER_WORDS: tuple[str, ...] = ("depan", "pagi", "siang", "sore")
_WHEN = (r"(?:hari\s+)?(?:" + alternation(WHEN_WORDS)
         + r")(?:\s+(?:" + "|".join(WHEN_AFTER_WORDS) + r"))?(?![^\W\d_])")
_SEND_PARTICLES = r"[\s,.!]*(?:(?:" + "|".join(SEND_PARTICLES) + r")(?![^\W\d_])[\s,.!]*)*"
_WHEN_RE = re.compile(rf"(?P<when>{_WHEN}){_SEND_PARTICLES}", re.IGNORECASE)
# The sending named as a thing, with the when before or after it ("lusa aja kirimnya", "tp kirimnya minggu depan")
SENDING_NOUNS: tuple[str, ...] = ("kirimnya", "dikirimnya", "kirimannya", "pengiriman", "pengirimannya",
                                  "ngirimnya")
# A go-ahead said by when the blanks are to be sent, right after the command or a word of assent or alone ("Setuju,
# dikirim lusa.", "Setuju pak, lusa aja kirimnya", "SETUJU, tp kirimnya minggu depan saja", "Acc. Kirim hari Senin
# depan ya, jgn hari ini", "lusa aja kirimnya"): the when and the day it is not to be sent on are the manager's note.
# The words of "but" (a "but" over the district's duty makes a condition: see OBLIGATION_WORDS below)
BUT_WORDS: tuple[str, ...] = ("tapi", "tp", "tetapi", "namun", "but", "nanging", "ning")
_SENDING = "|".join(sorted(SEND_WORDS + SENDING_NOUNS, key=len, reverse=True))
_SEND_WHEN_RE = re.compile(
    r"(?:(?:" + "|".join(BUT_WORDS) + r")[\s,]+)?"
    rf"(?:(?:langsung\s+)?(?P<verb>{_SENDING})(?![^\W\d_]){_SEND_PARTICLES}(?P<when>{_WHEN}){_SEND_PARTICLES}"
    rf"|(?P<when_first>{_WHEN}){_SEND_PARTICLES}(?P<verb_after>{_SENDING})(?![^\W\d_]){_SEND_PARTICLES})"
    rf"(?P<not_on>(?:jangan|jgn|bukan)\s+{_WHEN}{_SEND_PARTICLES})?", re.IGNORECASE)
# Words that join more to the when for the district ("besok aja sekalian sama kiriman ke Nunukan", "lusa aja
# kirimnya krn mobil dinas lagi dipake")
WHEN_JOINING_WORDS: tuple[str, ...] = ("sekalian", "sekaligus", "bareng", "bersama", "barengan", "karena", "krn",
                                       "karna", "soalnya", "sebab", "biar", "supaya", "agar", "sambil")
# The approval said again in a sentence after the go-ahead ("..., sampun kulo setujoni.", "Ulun setuju.", "Saya
# luluskan.", "Approved."): nothing more than the go-ahead.
_SAID_AGAIN_RE = re.compile(
    r"^(?:(?:saya|sy|aku|ulun|kulo|kula|kami|i)\s+)?(?:(?:sudah|sdh|sampun|wes|wis|dah|udah|telah|have)\s+)?"
    r"(?:(?:saya|sy|aku|ulun|kulo|kula)\s+)?(?:setuju|setujui|setujoni|sarujuk|luluskan|approved?|acc|disetujui)"
    r"(?:[\s.!,]+(?:pak|bu|ya)(?![^\W\d_]))*[\s.!]*$", re.IGNORECASE)
_CUT_BY_ASSENT_RE = re.compile(r"(?:but|tapi|tp|tetapi|namun|nanging)[\s,]+", re.IGNORECASE)
_ENGLISH_CUT_RE = re.compile(r"(?:but|only|just)\b", re.IGNORECASE)  # the cut in English: "2,500" is English too
# A signature line below the command: a name with an honorific or a degree ("Drs. H. Kadis, M.Si"), a civil
# servant id or a phone number ("NIP 1970…", "HP 0812…"); never the manager's reason for the district.
_SIGNATURE_LINE_RE = re.compile(
    r"^(?:(?:drs?|dra|ir|hj?|prof|kh)\.\s|(?:nip|hp|telp|tel|wa)\b)|,\s*(?:s|m|dr)\.\s?[a-z]{1,4}\b\.?",
    re.IGNORECASE)
# Words after "SETUJU 2.000" that could change what is approved: the reply is asked back, not read as a reason.
# A figure in words ("seribu lima ratus"), a condition ("kalau ...", "tunggu ... dulu").
# (the words a quantity is spelt with, as parse_quantity reads them, "2 rb 3 rts" whole; and "separuh", a half)
NUMBER_WORDS: frozenset[str] = frozenset({*SPELLED_NUMBER_WORDS, "separuh"})
CONDITION_WORDS: frozenset[str] = frozenset({
    "jika", "kalau", "kalo", "bila", "apabila", "asal", "asalkan", "syarat", "bersyarat", "tunggu", "dulu",
    "nanti", "sementara", "batal", "batalkan", "ganti", "ubah", "revisi", "koreksi", "ralat",
    # in an English line: "Approved 2,000 if the provincial stock allows", "approve once the audit is done"
    "if", "unless", "once", "after", "until", "wait", "pending",
})
# The words that make a reason opening with them a condition on the approval itself ("SETUJU 2.000, kalau stok
# provinsi cukup", "tapi tunggu stok masuk", "if the stock allows"), never a note to the district; a reason opening
# otherwise ("nanti sisanya menyusul", "sisanya tunggu stok pusat") is passed on.
APPROVAL_CONDITION_OPENERS: frozenset[str] = frozenset({
    "jika", "kalau", "kalo", "bila", "apabila", "tunggu", "if", "unless", "until", "wait", "pending",
})
# Words that open a condition the manager sets on the district with the approval ("Setuju dengan syarat Tarakan
# kirim laporan stok harian", "Disetujui, asal BA penerimaan dikirim paling lambat 3 hari"): the approval stands and
# the condition goes to the district as the manager's note. (A condition on the approval itself, "kalau stok
# provinsi cukup", is no note: the line is asked back.)
CONDITION_NOTE_OPENERS: tuple[str, ...] = (
    "dengan syarat", "dgn syarat", "dg syarat", "syaratnya", "asalkan", "asal", "dengan catatan", "dgn catatan",
    "catatan", "on condition that", "provided that", "provided", "with the condition that", "on the condition that",
)
_CONDITION_NOTE_RE = re.compile(r"^(?:" + "|".join(map(re.escape, sorted(CONDITION_NOTE_OPENERS, key=len,
                                                                          reverse=True))) + r")(?![^\W\d_])",
                                re.IGNORECASE)
# A "but" over what the district must do is such a condition too ("Setuju, tp Tarakan wajib kirim rekap pemakaian
# tiap akhir bulan", "Approved, but Bulungan must send the BA within 5 days"): the words after it are the note. A
# "but" over anything else ("tapi tunggu stok provinsi masuk", "tapi 1.000 dulu") may change the approval: asked back.
OBLIGATION_WORDS: frozenset[str] = frozenset({"wajib", "harus", "hrs", "mesti", "musti", "diwajibkan", "must",
                                              "should", "required", "kedah", "kudu",
                                              # "tapi jangan lupa BA-nya dikirim", Javanese "ning ojo lali ..."
                                              "lupa", "lali", "forget"})
_BUT_RE = re.compile(r"^(?:" + "|".join(BUT_WORDS) + r")(?![^\W\d_])[\s,]*", re.IGNORECASE)
# "2,000" after an English command word: English writes thousands with a comma (the Indonesian "2,000" is two
# readings and is asked back)
_ENGLISH_THOUSANDS_RE = re.compile(r"^\s*\d{1,3}(?:,\d{3})+(?!\d|[.,]\d)")
# Words right after a number in a manager's note that make it a time, not a count of blanks ("paling lambat 3 hari",
# "mulai 15 Desember"), and right before one ("tanggal 20"): such a number never changes what is approved.
MONTH_NAMES: tuple[str, ...] = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
                                "september", "oktober", "november", "desember", "jan", "feb", "mar", "apr", "jun",
                                "jul", "agu", "agt", "sep", "okt", "nov", "des")
TIME_UNITS: frozenset[str] = frozenset({
    "hari", "hr", "minggu", "mgg", "pekan", "bulan", "bln", "tahun", "thn", "jam", "menit", "days", "day", "weeks",
    "week", "months", "month", "hours", "hour", *MONTH_NAMES,
})
TIME_BEFORE: frozenset[str] = frozenset({"tanggal", "tgl", "tahun", "thn", "jam", "pukul", "hari", "date"})
# Words after "SETUJU 2.000" that say the figure is granted for now ("Setuju, 2.000 keping dulu", "SETUJU 1.500 saja
# untuk sementara"): the figure is what is approved, nothing more is promised or changed.
FOR_NOW_WORDS: frozenset[str] = frozenset({"dulu", "dlu", "dahulu", "terlebih", "saja", "aja", "sementara", "untuk",
                                          "for", "now", "this", "month", "bulan", "ini"})
# A verb of giving between the command and its figure ("Setuju. Kasih 2.000 dlu ya"): the figure is what is approved.
_GIVE_RE = re.compile(r"(?:kasih|kasi|beri|berikan|kirim|kirimkan)(?![^\W\d_])[\s:;,.!]*(?=\d)", re.IGNORECASE)
GREETING_RE = re.compile(
    r"^(?:yth\b|kepada\s+yth|dear\b|halo\b|hallo\b|hai\b|hi\b|selamat\s+(?:pagi|siang|sore|malam)\b"
    r"|assalamu\W?alaikum|pak\b|bu\b|bapak\b|ibu\b)",
    re.IGNORECASE,
)
CLOSING_RE = re.compile(
    r"^(?:salam\b|hormat\s+(?:saya|kami)\b|terima\s*kasih\b|trims\b|tks\b|makasih\b|wassalam"
    r"|regards\b|best\s+regards\b|thanks\b"
    # a mail program's own line under the words ("Dikirim dari ponsel Samsung", "Sent from my iPhone")
    r"|(?:dikirim|terkirim)\s+(?:dari|melalui|via|menggunakan|dengan)\b|sent\s+(?:from|with|via)\b"
    r"|get\s+outlook\s+for\b)",
    re.IGNORECASE,
)
# Where the quoted earlier message begins: Gmail ("Pada ... menulis:", "On ... wrote:"), Outlook
# ("-----Pesan Asli-----", "Dari: ...", a line of underscores), and the signature separator.
_QUOTE_HEADER_RE = re.compile(r"^(?:pada|on)\b.{0,400}?\b(?:menulis|wrote)\s*:", re.IGNORECASE | re.DOTALL)
_QUOTE_START_RE = re.compile(
    r"^(?:-{2,}\s*(?:pesan\s+asli|original\s+message|pesan\s+(?:yang\s+)?diteruskan|forwarded\s+message)"
    r"|(?:dari|from)\s*:\s*\S|_{8,}\s*$|--\s*$)",
    re.IGNORECASE,
)

COMMAND_ERROR_TEXT: dict[str, str] = {
    "reason_required": "Mohon sertakan alasan penolakan, misalnya: TOLAK stok provinsi menipis.",
    "quantity_invalid": "Jumlah tidak dapat dibaca. Tulis jumlah dalam angka, misalnya: SETUJU 1.500.",
    "quantity_ambiguous": ("Jumlah dengan koma dapat dibaca dua cara. "
                           "Tulis ribuan dengan titik, misalnya: SETUJU 2.000."),
    "quantity_not_positive": "Jumlah yang disetujui harus lebih dari nol.",
    "quantity_too_large": "Jumlah terlalu besar.",
    "force_reason_required": ("Mohon sertakan alasan setelah PAKSA, misalnya: "
                              "SETUJU 2.000 PAKSA stok kabupaten rusak karena banjir."),
    "reject_force_reason_required": ("Mohon tuliskan alasan pada baris yang sama setelah PAKSA, misalnya: "
                                     "TOLAK PAKSA stok provinsi sedang diaudit."),
    "unclear_approval": ("Maksud baris pertamanya belum dapat kami pastikan. Mohon tulis SETUJU atau "
                         "SETUJU <jumlah> saja pada baris pertama. "
                         "Untuk menyertakan alasan bagi kabupaten/kota, tulis alasannya sesudah garis miring, "
                         "misalnya: SETUJU 2.000 / sisanya menunggu kiriman bulan Januari."),
    "negated_approval": "Untuk menolak, tulis TOLAK diikuti alasannya, misalnya: TOLAK stok provinsi menipis.",
    "several_references": "Balasan menyebut lebih dari satu nomor permohonan. Mohon balas satu permohonan saja.",
}

_WORD_RE = re.compile(r"^(?P<word>[^\W\d_]+)(?P<rest>.*)$", re.DOTALL)
_SEPARATORS = " \t:;,.!-\u2013\u2014"
_QUANTITY_RE = quantity_pattern()
# After "SETUJU 3.000" (and its unit), a separator or a "because" opens the reason for the district.
# (a number in the reason is checked apart: a time, "paling lambat 3 hari", may stand in it, a count may not)
_REASON_RE = re.compile(rf"^\s*(?:(?:{UNIT_PATTERN})\b)?\s*(?:[/;:,\u2013\u2014]|-(?!\d)|\bkarena\b|"
                        r"\bkrn\b|\balasan(?:nya)?\b|\bcatatan\b|\bdengan catatan\b)\s*(?P<reason>.*?)\s*$",
                        re.IGNORECASE)
_DASH_AFTER_RE = re.compile(ACCOUNTANT_DASH)
_UNIT_JOINED_RE = re.compile(rf"(?:{UNIT_PATTERN})(?![^\W\d_])", re.IGNORECASE)  # "1.500pcs", "2.000keping"
# The courtesy after the words of the figure asked ("penuhi saja pak.", "kirim full ya,"): no part of what follows
_PARTICLES_AFTER_RE = re.compile(r"^(?:[\s,.!]*(?:saja|aja|sj|ya|yah|pak|bu|lah|ja|ji|mi|dong|deh)(?![^\W\d_]))*"
                                 r"[\s,.!]*", re.IGNORECASE)
_LEADING_SEPARATORS_RE = re.compile(r"^(?:[\s:;,.!\u2013\u2014]|-(?!\d))*")
_REFERENCE_RE = re.compile(REFERENCE_PATTERN, re.IGNORECASE)
_PARTICLE_RE = re.compile(r"(?:" + "|".join(sorted(REASON_PARTICLES, key=len, reverse=True))
                          + r")(?![^\W\d_])(?:[\s:;,.!\u2013\u2014]|-(?!\d))*", re.IGNORECASE)


@dataclass(frozen=True)
class ManagerCommand:
    """A manager's decision on a held request.

    action: "approve" or "reject". quantity: for approve, the pieces to give instead of the
    proposed amount (None: as proposed). reason: for reject, the reason as written (cleaned); for
    approve, the manager's reason (told to the district). forced: the decision was confirmed with
    PAKSA <alasan> (an approval's concerns were seen and accepted; a rejection may withdraw an approval).
    reference: a request reference written in the command line itself, if any; the request is
    otherwise the one the reply belongs to. text: the command line as written. full: the manager approves the
    figure the district asked ("approve the full amount"), whatever was proposed. reasoned: *reason* holds words of the
    manager's own beyond the time or the day of sending ("kirim full ..., jemput bola ke hulu itu prioritas").
    """

    action: Action
    quantity: int | None = None
    reason: str | None = None
    reference: str | None = None
    forced: bool = False
    text: str = ""
    full: bool = False
    reasoned: bool = False


def _error(code: str, text: str) -> CommandError:
    return CommandError(code, text, COMMAND_ERROR_TEXT[code])


def parse_manager_command(new_text: str) -> ManagerCommand | CommandError | None:
    """Read the decision at the top of a manager's reply; None when the reply holds no command.

    The command is the first non-empty line (after at most one greeting line such as "Yth.
    Bapak,"), case and spacing free; quoted lines and everything from a quote header on are
    ignored. A rejection's reason may stand on the next line.

    >>> parse_manager_command("Setuju: 1.500 keping")  # doctest: +NORMALIZE_WHITESPACE
    ManagerCommand(action='approve', quantity=1500, reason=None, reference=None, forced=False,
                   text='Setuju: 1.500 keping', full=False, reasoned=False)
    >>> parse_manager_command("Setuju, 2.000 keping dulu").quantity
    2000
    >>> parse_manager_command("Setuju dulu").code
    'unclear_approval'
    >>> parse_manager_command("TOLAK").code
    'reason_required'
    """
    lines = _new_lines(new_text)
    filled = [i for i, line in enumerate(lines) if line]
    if not filled:
        return None
    first = filled[0]
    if GREETING_RE.match(lines[first]) and _command_word(lines[first]) is None and len(filled) > 1:
        first = filled[1]
    line = written_line = lines[first]
    sent_when = ""  # "dikirim besok": when the manager asked the blanks sent, for the district
    asked_all = False  # "kirim full", "penuhi saja", "sesuai permintaan": the figure the district asked
    assent = _ASSENT_RE.match(line)
    assented = [assent[0]] if assent else []
    while assent and assent.end() and (again := _ASSENT_RE.match(line[assent.end():])) and again.end():
        line = line[assent.end():]  # "Nggih, monggo dikirim": two words of assent
        assent = again
        assented.append(again[0])
    after = line[assent.end():] if assent and assent.end() else None
    if after is not None and "?" in after and _command_word(after) is None:
        after = None  # "Ok dikirim besok?", "Gas kirim semua?": the words of assent before a question decide nothing
    if after is not None and _cut_only(assented):
        # "Silakan, ...", "oke jalan, ...": a go-ahead only with a cut, a limit or a time limit after it
        after = after if _cut_after_assent(after, assented) or _time_limit(after) is not None else None
    asked_words: str | None = None  # the words after those that send all the district asked
    if "?" not in line and (all_asked := _all_asked(after if after is not None else line, assented)) is not None:
        # "Gas, kirim full. Paling lambat tgl 20 ...", "Penuhi saja pak", "Ok sesuai permintaan": the figure the
        # district asked, the words after it read as after SETUJU
        asked_all, line, asked_words = True, "SETUJU " + all_asked, all_asked
    elif after is not None and _command_word(after) is not None:
        line = after  # "Ok, SETUJU.": the command after the word of assent
    elif after is not None and (limited := _time_limit(after)) is not None and (
            _goes_ahead(assented) or _SENT_RE.search(after) or _cut_only(assented)):
        # "Silakan diproses, paling lambat 2 minggu sudah sampai": approved as proposed, the time limit the note
        sent_when, line = limited, "SETUJU"
    elif after is not None and _cut_after_assent(after, assented):
        # "Boleh, tapi cukup 3.000 keping dulu", "Proses aja pak, max 2.000", "Silakan diproses 3.500 saja": the cut
        # is the approval
        line = "SETUJU " + after
    elif after is not None and (told := _sent_when(after)) is not None:
        # "Ok dikirim besok ya", "Ok, lusa aja kirimnya": the when is the manager's note, never a condition
        sent_when, line = told
    elif after is not None and (sent := _SENT_RE.match(after)) is not None:
        # "Nggih, monggo dikirim, nanging ...": send it; "kirim semua. Approved.": the approval said again is no more
        line = "SETUJU " + _not_said_again(after[sent.end():])
    elif after is not None and _goes_ahead(assented) and isinstance(_condition_note(after, after), str):
        line = "SETUJU " + after  # "Ok lanjut pak, tapi jangan lupa BA ...": carry on, with the duty told
    elif after is None and "?" not in line and (told := _sent_when(line)) is not None:
        sent_when, line = told  # "lusa aja kirimnya": the go-ahead is the when
    said_as = ""  # the manager's own words read as SETUJU, quoted back in an ask-back (never a SETUJU he never wrote)
    if line.startswith("SETUJU") and not re.match(r"setuju(?![^\W\d_])", written_line, re.IGNORECASE):
        made = line.removeprefix("SETUJU").lstrip()
        said_as = (written_line[:len(written_line) - len(made)] if made and written_line.endswith(made)
                   else written_line).strip(_SEPARATORS)
    word = _command_word(line)
    if word is None:
        return _negated(line)
    rest = _WORD_RE.match(line)["rest"]  # type: ignore[index]  # _command_word matched it
    following = next((lines[i] for i in filled if i > first), "")
    if word in APPROVE_WORDS:
        cut = _COURTESY_RE.sub("", rest, count=1)
        full = _FULL_AMOUNT_RE.match(cut) or ((sent := _SENT_RE.match(cut)) is not None
                                              and _ALL_OF_IT_RE.search(sent[0]) and sent) or None
        if full is not None and "?" not in rest:
            # "ACC sesuai permintaan, paling lambat tgl 20 ya": the figure asked, then the words as after SETUJU
            asked_all, rest = True, " " + _PARTICLES_AFTER_RE.sub("", cut[full.end():], count=1)
            asked_words = rest
        if not sent_when and "?" not in rest and (told := _sent_when(_COURTESY_RE.sub("", rest, count=1))) is not None:
            # "Setuju, dikirim lusa.", "Acc. Kirim hari Senin depan ya, jgn hari ini": the go-ahead with its when
            sent_when, rest = told[0], " " + told[1].removeprefix("SETUJU").lstrip()
        if not sent_when and (limit := _time_limit(_COURTESY_RE.sub("", rest, count=1))) is not None:
            # "Setuju, tolong dikirim max 3 hari ya", "Setuju, maksimal seminggu": approved, the time limit the note
            sent_when, rest = limit, ""
        # "approved but only 2,500", "Acc pak, dipotong jd 2rb": the figure after the cut is what is approved
        if (only := _ONLY_RE.match(cut := _COURTESY_RE.sub("", rest, count=1))) is not None:
            rest = " " + cut[only.end():]
        if word in ENGLISH_APPROVE_WORDS or (only is not None and _ENGLISH_CUT_RE.match(only[0])):
            rest = _ENGLISH_THOUSANDS_RE.sub(lambda m: m[0].replace(",", "."), rest, count=1)
        written = said_as or _WORD_RE.match(line)["word"]  # type: ignore[index]  # as written, for an ask-back
        decided = _with_reason_below(_approval(line, rest, written), following)
        if isinstance(decided, CommandError) and asked_all and not sent_when and asked_words is not None and (
                note := _all_asked_note(asked_words)) is not None:
            # "Acc sesuai permintaan, mereka ada perekaman keliling.": the figure asked, the rest the manager's note
            decided = ManagerCommand("approve", reason=note or None, text=written_line, full=True)
        if isinstance(decided, ManagerCommand) and line.startswith("SETUJU") and written_line != line:
            decided = replace(decided, text=written_line)  # the line as the manager wrote it, never ours
        if isinstance(decided, ManagerCommand) and decided.quantity is None and not decided.reason \
                and not asked_all and not sent_when and (below := _words_below(lines, filled, first)):
            # "SETUJU" over "Tolong sampaikan ke KTT ..." or "Tapi jangan dikirim dulu.": the lines below are read as
            # the words after it on its line are
            own = _words_with_go_ahead(". " + below)
            decided = _unclear(written_line, f'kalimat "{below}" di bawah "{written}" dapat mengubah '
                                             "persetujuannya") if own is None else replace(
                decided, reason=own or None, text=f"{decided.text}\n{below}" if own else decided.text)
        if isinstance(decided, ManagerCommand) and decided.reason:
            decided = replace(decided, reasoned=True)  # his own words, before the time of sending joins them
        if isinstance(decided, ManagerCommand) and sent_when:
            decided = replace(decided, reason="; ".join(filter(None, (sent_when, decided.reason))))
        if isinstance(decided, ManagerCommand) and asked_all and decided.quantity is None:
            decided = replace(decided, full=True)
        return decided
    return _rejection(line, rest, following)


@dataclass(frozen=True)
class GoAhead:
    """A manager's go-ahead in everyday words (see bare_go_ahead): *text*, the words read as SETUJU; *note*, the
    instruction said after them, for the district (None: none)."""

    text: str
    note: str | None = None


def bare_go_ahead(new_text: str) -> GoAhead | None:
    """The reply read as a go-ahead when one is all the manager decided ("Jalan mi.", "gas", "gass pak", "lanjut",
    "oke jalan"): as SETUJU to a held request's notice, as proposed. An instruction for the district may follow it in
    sentences of their own ("Silakan diproses. Mohon BA serah terima ditandatangani kedua pihak ya.", "Lanjut. Tolong
    dikirim paling lambat tgl 18 Desember, sebelum kapal terakhir ke Tarakan."): the note passed on. Below it a
    closing, or a signature alone, a name or a title on its own lines ("Kabid PIAK", "Kadis Dukcapil Kaltara"): no
    words of the decision. None for anything more or less (an "ok" or a "siap" that only acknowledges, a question,
    "gas kah?", a sentence that is no instruction or could change the approval, any other word).

    >>> bare_go_ahead("Jalan mi.").text
    'Jalan mi.'
    >>> bare_go_ahead("Silakan diproses.\\n\\nKabid PIAK").text
    'Silakan diproses.'
    >>> bare_go_ahead("Oke lanjut. Pastikan kemasannya disegel.").note
    'Pastikan kemasannya disegel.'
    >>> bare_go_ahead("ok") is None, bare_go_ahead("gas kah?") is None, bare_go_ahead("Lanjut. Nanti saya cek.")
    (True, True, None)
    """
    lines = [line for line in _new_lines(new_text) if line]
    if len(lines) > 1 and GREETING_RE.match(lines[0]):
        lines = lines[1:]  # "Pak,": a greeting on its own line
    if not lines or "?" in lines[0]:
        return None
    first = lines[0]
    # "Oke sdh saya cek ke operatornya, lanjutkan saja.": the check the manager made, before the go-ahead
    opening = _ASSENT_RE.match(first)
    lead = first[:opening.end()] if opening is not None else ""
    checked = _CHECKED_RE.match(first[len(lead):])
    head, *told = _SENTENCE_END_RE.split(lead + first[len(lead) + checked.end():] if checked else first)
    assented, rest = [], head
    while rest and (assent := _ASSENT_RE.match(rest)) is not None and assent.end():
        assented.append(assent[0])
        rest = rest[assent.end():]
        if assented and (proposed := _AS_PROPOSED_RE.match(rest)) is not None and proposed.end():
            rest = rest[proposed.end():]  # "Lanjutkan sesuai usulan.": as proposed is what a go-ahead approves
    if rest.strip(_SEPARATORS) or not (_goes_ahead(assented) or (_cut_only(assented) and not told)):
        return None
    signed = False
    for line in lines[1:]:
        if CLOSING_RE.match(line):
            break  # "Sent from my iPhone", "Salam," and the name under it
        if signature_line(line):
            signed = True  # "Kabid PIAK" under the words: the signature, nothing of the decision
        elif signed or "?" in line:
            return None
        else:
            told.append(line)  # the instruction on a line of its own
    if not all(_instruction(sentence) for sentence in told):
        return None
    note = " ".join(" ".join(told).split())[:300]
    return GoAhead(head if note and not checked else first, note or None)


# The check the manager made, said before the go-ahead ("sdh saya cek ke operatornya, lanjutkan saja", "sudah kami
# konfirmasi dengan Kabid, silakan diproses"): it holds nothing back.
_CHECKED_RE = re.compile(r"(?:sudah|sdh|udah|udh|telah)\s+(?:saya|sy|kami|aku)\s+(?:cek|periksa|konfirmasi|tanyakan"
                         r"|tanya|hubungi|telpon|telepon)(?![^\W\d_])(?:\s+(?:ke|dengan|dgn|pada|sama)\s+[^\W\d_]+"
                         r"(?:\s+[^\W\d_]+){0,2})?\s*[,.;]\s*", re.IGNORECASE)
# "sesuai usulan", "sesuai usulan sistem", "spt yg diusulkan", "as proposed": the proposal, which a go-ahead approves
# anyway
_AS_PROPOSED_RE = re.compile(r"(?:(?:sesuai|spt|seperti)\s+(?:usulan|usul|(?:yang|yg)\s+diusulkan)(?:nya)?"
                             r"(?:\s+sistem)?|as\s+(?:proposed|suggested)(?:\s+by\s+the\s+system)?)"
                             r"(?![^\W\d_])[\s,.!:;]*(?:(?:" + "|".join(ASSENT_PARTICLES)
                             + r")(?![^\W\d_])[\s,.!:;]*)*", re.IGNORECASE)


def opens_with_go_ahead(new_text: str) -> bool:
    """Whether the reply's first line opens with words of going ahead ("Silakan diproses.", "Gas.", "Oke lanjut,
    ..."), whatever follows them: the manager is told that those words were read, and what kept them from deciding.

    >>> opens_with_go_ahead("Gas.\\n\\nnanti sy telpon"), opens_with_go_ahead("ok")
    (True, False)
    """
    lines = [line for line in _new_lines(new_text) if line]
    if len(lines) > 1 and GREETING_RE.match(lines[0]):
        lines = lines[1:]
    assented, rest = [], lines[0] if lines else ""
    while rest and (assent := _ASSENT_RE.match(rest)) is not None and assent.end():
        assented.append(assent[0])
        rest = rest[assent.end():]
    if (checked := _CHECKED_RE.match(rest)) is not None:  # "Oke sdh saya cek ke operatornya, lanjutkan saja. ..."
        rest = rest[checked.end():]
        while rest and (assent := _ASSENT_RE.match(rest)) is not None and assent.end():
            assented.append(assent[0])
            rest = rest[assent.end():]
    return _goes_ahead(assented) or _cut_only(assented)


# Where a sentence ends inside a line ("Silakan diproses. Mohon ...", typed on a phone "gas. tolong ..."): a stop or an
# exclamation mark, a space and a letter after it
_SENTENCE_END_RE = re.compile(r"(?<=[.!])\s+(?=[^\W\d_])")
# The words that make a sentence an instruction for the district ("Mohon BA ditandatangani", "Pastikan kemasannya
# disegel", "Tolong dikirim paling lambat ...", "BA-nya wajib dikirim balik")
INSTRUCTION_WORDS: frozenset[str] = frozenset({
    "mohon", "tolong", "tlg", "harap", "diharapkan", "pastikan", "dipastikan", "agar", "supaya", "usahakan",
    "diusahakan", "upayakan", "diupayakan", "perhatikan", "diperhatikan", "ingat", "ingatkan", "sampaikan",
    "please", "pls", "ensure", "make", *OBLIGATION_WORDS,
    # passing word on: "Kabarkan ke Tarakan utk ambil sendiri di gudang", "Tolong info ke Kabid ..."
    "kabarkan", "kabari", "kabarin", "infokan", "informasikan", "beritahu", "beritahukan"})
# Words that make an instruction more than one: a figure cut ("tolong kirim 1.000 saja"), waiting ("tunggu"), a
# deferral or a condition ("kalau", "dulu"); "nanti" alone says when a duty falls ("BA-nya nanti dikirim balik").
_NOT_INSTRUCTED: frozenset[str] = frozenset({
    *NEGATIONS - {"jangan", "jgn"}, *REJECT_WORDS, *APPROVE_WORDS, FORCE_WORD, "batal", "batalkan",
    *NUMBER_WORDS, *CONDITION_WORDS - {"nanti"},
    "saja", "aja", "sj", "aj", "cukup", "hanya", "cuma", "max", "maks", "maksimal", "setengah", "setengahnya",
    "separuhnya", "sebagian", "dikurangi", "kurangi", "dipotong", "potong", "jadi", "menjadi", "cek", "dicek"})


# "jangan" before the sending itself holds the shipment back ("tolong jangan dikirim minggu ini", "jgn kirim dulu"),
# where "jangan lupa BA-nya" is an instruction.
_SENDING_HELD_RE = re.compile(r"\b(?:jangan|jgn)\s+(?:\w+\s+)?(?:di)?(?:kirim|kirimkan|berangkatkan|proses)\w*\b")


# "kalau sudah dikirim", "setelah diterima": the time an instruction's duty falls, once the blanks are sent or there
_ONCE_DONE_RE = re.compile(r"\b(?:kalau|kalo|jika|bila|apabila|setelah|stlh|sesudah)\s+(?:(?:sudah|sdh|udah|telah)\s+)?"
                           r"(?:di)?(?:kirim|terima|sampai|sampe|tiba)\w*\b")


def _instruction(sentence: str) -> bool:
    """Whether *sentence* is an instruction for the district that leaves the approval as it is: a word of asking or
    of duty in it, no question, no count of blanks, nothing that could cut, defer or turn the approval."""
    # "Tolong info ke Kabid kalau sudah dikirim": when the duty falls, no condition on the approval
    # "Pastikan BA dikirim maks 5 hari setelah barang sampai": the time the duty is due in, no cut of the approval
    said = _DUTY_TIME_RE.sub(" ", _ONCE_DONE_RE.sub(" ", sentence.lower()))
    words = set(re.findall(r"[^\W\d_]+", said))
    return ("?" not in sentence and bool(words & INSTRUCTION_WORDS) and not words & _NOT_INSTRUCTED
            and not counts_in_note(sentence) and not _SENDING_HELD_RE.search(sentence.lower()))


# A signature's line: a name or a title, a few words each opening with a capital ("Kabid PIAK", "Kadis Dukcapil
# Kaltara", "Disdukcapil Prov. Kaltara", "Yohanes L."), with no sentence's stop after its last word.
_SIGNS_RE = re.compile(r"^(?:[A-Z][\w.'\-]*|[-/&,|])(?:\s+(?:[A-Z][\w.'\-]*|[-/&,|]|dan|di|\d{1,3}))*$")


def signature_line(line: str) -> bool:
    """Whether *line* is a signature's: a name with an honorific or a degree, a civil servant id or a phone number
    ("Drs. H. Kadis, M.Si", "HP 0812..."), or a name or a title alone ("Kabid PIAK", "Nurul - Dukcapil Tana
    Tidung")."""
    return bool(_SIGNATURE_LINE_RE.search(line)) or _signs(line)


def _signs(line: str) -> bool:
    """Whether *line* is a name or a title alone, as a signature is (see _SIGNS_RE); never a sentence or an
    instruction ("Mohon Segera Dikirim")."""
    words = line.split()
    if len(words) > 6 or len(line) > 60 or not _SIGNS_RE.match(line):
        return False
    if line.endswith(".") and len(words[-1].rstrip(".")) > 3:
        return False  # "Kirim." is a sentence; "Yohanes L." and "Prov." are not
    lowered = set(re.findall(r"[^\W\d_]+", line.lower()))
    return not lowered & (INSTRUCTION_WORDS | _NOT_INSTRUCTED | NEGATIONS | PROCEED_WORDS)


# Separators and courtesy between the command and what follows it ("Setuju pak, lusa aja kirimnya")
_COURTESY_RE = re.compile(r"^[\s:;,.!\u2013\u2014-]*(?:(?:pak|bu|bapak|ibu|ya)(?![^\W\d_])[\s:;,.!\u2013\u2014-]*)*",
                          re.IGNORECASE)
# Words of assent that only acknowledge ("ok", "noted", "baik"): with a duty after them ("Ok, tapi jangan lupa ...")
# they say no go-ahead; a word that carries the request on ("lanjut", "silakan diproses", "boleh") does.
ACKNOWLEDGING_WORDS: frozenset[str] = frozenset({"ok", "oke", "okay", "okey", "noted", "baik", "siap", "iya", "ya",
                                                "iye",
                                                "iyo", "nggih", "inggih", "fine", "sure", "sounds", "good", "sip",
                                                "siip", "sipp", "oce"})


def _cut_after_assent(after: str, assented: list[str]) -> bool:
    """Whether the words after the words of assent (*assented*) approve a smaller figure by the cut alone: a "but" or a
    limit before it ("Boleh, tapi cukup 3.000", "silakan, dikurangi jadi 2.000"), a figure granted for now ("Ok, 2.000
    dulu"), or a word of "only" after a go-ahead ("Boleh diproses, cukup 3.000 keping"; after an "ok" or a "baik" it
    may be a district's own lowering, "Baik pak, cukup 1.500 saja", and decides nothing)."""
    if _FIGURE_FOR_NOW_RE.match(after) and not _cut_only(assented):
        return True  # ("silakan 2.000 dulu" may be a district taking a part approval: no decision)
    only = _ONLY_RE.match(after)
    if only is None:
        return False
    if _CUT_BY_ASSENT_RE.match(after) or _LIMIT_RE.match(after):
        return True
    return "?" not in after and _goes_ahead(assented)


def _all_asked(text: str, assented: list[str]) -> str | None:
    """The words after those that send all the district asked, when *text* opens with them ("kirim full. Paling lambat
    tgl 20 ya." -> "Paling lambat tgl 20 ya."); None when it does not. After no word of assent, or one that only
    acknowledges, only a time limit may follow: "Sesuai permohonan kami tanggal 1 ..." opens a district's letter."""
    sent = _SENT_RE.match(text)
    if sent is None or not _ALL_OF_IT_RE.search(sent[0]):
        sent = _FULL_AMOUNT_RE.match(text)
    if sent is None:
        return None
    left = _not_said_again(_PARTICLES_AFTER_RE.sub("", text[sent.end():], count=1))
    if _goes_ahead(assented) or not left.strip(_SEPARATORS) or _time_limit(left) is not None:
        return left
    if _SENT_RE.match(text) is not None and (note := _all_asked_note(left)) is not None and (
            not note or re.search(r"[,.;!]\s*$", sent[0])):
        # "Kirim full saja sesuai yg mereka minta.", "kirim full pak, mereka ada perekaman keliling.": the note a
        # clause of its own ("Kirim semua blangko ke gudang kami ya" is a district's letter)
        return left
    return None


def _all_asked_note(words: str) -> str | None:
    """The words after those that send all the district asked as the manager's note for the district ("kirim full
    pak, mereka ada perekaman keliling." -> "mereka ada perekaman keliling."); "" when they only say the same again
    ("sesuai yg mereka minta"); None when they could change the approval (a question, a negation, a condition,
    another count of blanks, the sending held back)."""
    text = _PARTICLES_AFTER_RE.sub("", words, count=1)
    if (again := _FULL_AMOUNT_RE.match(text)) is not None:
        text = text[again.end():]
    text = _not_said_again(_PARTICLES_AFTER_RE.sub("", text, count=1)).strip(_SEPARATORS)
    if not text:
        return ""
    if "?" in text or _SENDING_HELD_RE.search(text.lower()) or _opening_condition(text) is not None:
        return None
    return _bare_reason(text)


def _time_limit(text: str) -> str | None:
    """The time limit for sending that is all of *text*, for the district as the manager's note in the manager's
    words, "ya" and the closing stop kept, a "pak" or "bu" to the reader left out ("Paling lambat tgl 20 sdh di
    Tarakan ya." as it is, "tolong dikirim max 3 hari pak" -> "tolong dikirim max 3 hari"); None when *text* says
    anything else.

    >>> _time_limit("paling lambat 2 minggu sudah sampai ya pak.")
    'paling lambat 2 minggu sudah sampai ya.'
    >>> _time_limit("max 3 hari lagi ya") is None
    True
    """
    said = text.strip(_SEPARATORS)
    if not said or "?" in said or (m := _DEADLINE_RE.match(said)) is None:
        return None
    if m["place"] and set(m["place"].lower().split()) & (NEGATIONS | REJECT_WORDS | APPROVE_WORDS | CONDITION_WORDS
                                                         | NUMBER_WORDS | {FORCE_WORD, "batal", "batalkan"}):
        return None  # "sudah sampai di gudang kalau stok cukup": more than a place
    words = said.split()
    while words and words[-1].lower().strip(_SEPARATORS) in {"pak", "bu", "ibu", "bapak"}:
        words.pop()
    stop = text.rstrip()[-1:] if text.rstrip()[-1:] in (".", "!") else ""
    return " ".join(words).strip(_SEPARATORS) + stop


def _goes_ahead(assented: list[str]) -> bool:
    """Whether the words of assent said (*assented*) carry the request on, beyond acknowledging the mail."""
    said = " ".join(assented).lower()
    if _GOING_ON_RE.search(said):
        return True  # "jalan mi itu", "jalan terus": a word that waits for a cut, made a go-ahead by its particle
    words = re.findall(r"[^\W\d_]+", said)
    return any(w not in ACKNOWLEDGING_WORDS and w not in ASSENT_PARTICLES and w not in CUT_ONLY_WORDS for w in words)


# Words that carry the request on only with a cut or a limit after them ("Silakan, dikurangi jadi 2.000", "oke jalan,
# tp max 2.500", "Silakan, paling lambat 3 hari"): alone, or before a verb of sending, they may be a district's own
# words ("Silakan dikirim ke gudang kami", "jalan ke pelabuhan rusak") and decide nothing.
CUT_ONLY_WORDS: frozenset[str] = frozenset({"silakan", "silahkan", "jalan"})
# ... but "jalan" with a particle that urges it on is a go-ahead of itself (Bugis-Makassar "Iye, jalan mi itu", "jalan
# maki", everyday "jalan terus", "jalan aja"): a district's "jalan ke pelabuhan" has none.
GOING_ON_PARTICLES: tuple[str, ...] = ("mi", "maki", "mo", "ji", "ja", "terus", "trus", "aja", "saja")
_GOING_ON_RE = re.compile(r"\bjalan(?:\s+(?:pak|bu))?[\s,]+(?:" + "|".join(GOING_ON_PARTICLES) + r")\b")


def _cut_only(assented: list[str]) -> bool:
    """Whether the words of assent said (*assented*) go ahead only with a cut: one of CUT_ONLY_WORDS, nothing that
    carries the request on by itself."""
    words = set(re.findall(r"[^\W\d_]+", " ".join(assented).lower()))
    return bool(words & CUT_ONLY_WORDS) and not _goes_ahead(assented)


def _not_said_again(text: str) -> str:
    """*text* without the approval said again in it ("sampun kulo setujoni.", "Approved."): "" when that is all."""
    return "" if _SAID_AGAIN_RE.match(text.strip(_SEPARATORS)) else text


def _sent_when(text: str) -> tuple[str, str] | None:
    """The go-ahead said by when the blanks are to be sent, at the start of *text*: the manager's note for the district
    ("dikirim lusa", "dikirim besok, sekalian sama kiriman ke Nunukan") and the command line to read further
    ("SETUJU", or "SETUJU <what follows>" when the words after the when could change the approval); None when
    *text* opens with no when of sending."""
    m = _SEND_WHEN_RE.match(text)
    if m is None:
        return None
    # the manager's words in the manager's own casing ("dikirim hari Kamis depan"); a when written first and put
    # after the verb loses only the capital of the sentence it opened ("Besok aja dikirim" -> "dikirim besok")
    verb = m["verb"] or m["verb_after"]
    when = " ".join((m["when"] or m["when_first"]).split())
    if m["when_first"] and when[:1].isupper() and when.split()[0].lower() not in WEEKDAY_OF:
        when = when[0].lower() + when[1:]
    note = f"{verb if verb.lower() in SEND_WORDS else 'dikirim'} {when}"
    if m["not_on"]:
        note += ", " + " ".join(m["not_on"].strip(_SEPARATORS).split())
    left = _not_said_again(text[m.end():]).strip(_SEPARATORS)
    if not left:
        return note, "SETUJU"
    first = re.match(r"[^\W\d_]+", left)
    joined = re.search(r"[,;.!]\s*$", m[0]) is not None or (first is not None
                                                             and first[0].lower() in WHEN_JOINING_WORDS)
    if joined and "?" not in left and (more := _bare_reason(left)) is not None:
        return f"{note}, {more.rstrip('.!')}", "SETUJU"
    return note, "SETUJU " + text[m.end():]


def _new_lines(text: str) -> list[str]:
    raw = unicodedata.normalize("NFKC", text).splitlines()
    lines: list[str] = []
    for i, line in enumerate(raw):
        clean = " ".join(line.split())
        if _QUOTE_START_RE.match(clean) or _QUOTE_HEADER_RE.match(" ".join(raw[i:i + 3]).strip()):
            break
        lines.append("" if clean.startswith(">") else clean)
    return lines


def _command_word(line: str) -> str | None:
    m = _WORD_RE.match(line)
    if m is None:
        return None
    word = m["word"].lower()
    return word if word in APPROVE_WORDS or word in REJECT_WORDS else None


def _negated(line: str) -> CommandError | None:
    words = re.findall(r"[^\W\d_]+", line.lower())[:3]
    if len(words) >= 2 and words[0] in NEGATIONS and words[1] in APPROVE_WORDS:
        return _error("negated_approval", line)
    return None


def _approval(line: str, rest: str, written: str = "SETUJU") -> ManagerCommand | CommandError:
    references = find_references(rest)
    if len(references) > 1:
        return _error("several_references", line)
    # A dash right before a digit is a minus sign, not a separator: "SETUJU -500" is refused.
    rest = _LEADING_SEPARATORS_RE.sub("", _REFERENCE_RE.sub(" ", rest))
    # "Setuju pak. 2.000 dulu", "Setuju ya pak, 1.500": courtesy between the word and its figure
    while (particle := _PARTICLE_RE.match(rest)) is not None and (
            _QUANTITY_RE.search(rest) or estimate_at(rest, particle.end())):
        rest = rest[particle.end():]
    if (give := _GIVE_RE.match(rest)) is not None:
        rest = rest[give.end():]
    quantity: int | None = None
    full = _FULL_AMOUNT_RE.match(rest)
    if full is not None:  # "approve the full amount": what the district asked
        rest = rest[full.end():]
    opened = rest  # the words after the command, the figure first
    if (about := estimate_at(rest)) is not None:
        # "SETUJU 3 ribu-an", "Setuju 2 rebuan dulu pak", "SETUJU 2000an": an estimate, never approved as a figure
        return _estimate_refused(about[0], line)
    m = _QUANTITY_RE.match(rest) or _spelled_quantity(rest)
    if m:
        m = _completed_quantity(rest, m)
        if (joined := _joined_figure(rest, m, line)) is not None:
            return joined  # "SETUJU seribu, 500": two figures joined by a comma, said as such
        parsed = _quantity(m, line)
        if isinstance(parsed, CommandError):
            return parsed
        tail = rest[m.end():]
        if (dash := _DASH_AFTER_RE.match(tail)) is not None:  # "SETUJU 700.-", "SETUJU 1.500,-": an accountant's dash
            tail = tail[dash.end():]
        if tail[:1].isalpha() and not _UNIT_JOINED_RE.match(tail):
            # "SETUJU 600x", "SETUJU 6oo": letters joined to the digits make another number than the digits say
            return _unreadable(m.group(0) + tail.split()[0], line, "ada huruf yang menempel pada angkanya")
        if (timed := _DURATION_AFTER_RE.match(tail)) is not None and parsed <= _MOST_OF_A_TIME:
            # "Silakan diproses, max 3 hari", "SETUJU 3 hari ya": a length of time, never a count of blanks
            return _unclear(line, f'angka {m.group(0).strip()} diikuti kata "{timed[1]}" adalah jangka waktu, bukan '
                                  "jumlah blangko")
        quantity = parsed
        rest = tail
    forced = re.search(rf"(?:^|[\s:;,.!])({FORCE_WORD})(?![^\W\d_])", rest, re.IGNORECASE)
    reason: str | None = None
    if forced:
        reason = rest[forced.end():].strip(_SEPARATORS)
        if not any(c.isalpha() for c in reason):
            return _error("force_reason_required", line)
        reason = safe_header_text(reason, max_len=MAX_REASON_CHARS)
        rest = rest[:forced.start(1)]
        if any(w.strip("-") not in TRAILING_WORDS for w in re.findall(r"[^\s:;,.!?()\u2013\u2014]+", rest.lower())):
            return _figure_run_unread(opened, m, line) or _error("unclear_approval", line)
    elif (note := _condition_note(rest, line)) is not None:
        # "Setuju dengan syarat Tarakan kirim laporan stok harian", "SETUJU 2.000 asal BA dikirim paling lambat 3
        # hari": approved (as proposed, or the figure written), the condition the manager's note to the district
        if isinstance(note, CommandError):
            return note
        reason = note
    else:
        said = _REASON_RE.match(rest) if quantity is not None else None
        if said is not None and any(w.strip("-") not in TRAILING_WORDS
                                    for w in re.findall(r"[^\s:;,.!?()\u2013\u2014]+", said["reason"].lower())):
            # "SETUJU 3.000 / sisanya menunggu kiriman bulan Januari": the reason is passed to the district;
            # one that could turn the approval around ("... tidak", "... tolak", another count of blanks) stays
            # unclear, and the manager is told which words (a time in it, "paling lambat 3 hari", is no count)
            reason = " ".join(said["reason"].split())[:300]
            if turning := sorted(set(re.findall(r"[^\W\d_]+", reason.lower()))
                                 & (NEGATIONS | REJECT_WORDS | {"batal", "batalkan"})):
                return _unclear(line, f'kata "{turning[0]}" pada catatan "{reason}" dapat mengubah persetujuannya')
            if counts := counts_in_note(reason):
                return _unclear(line, f'angka {counts[0]} pada catatan "{reason}" dapat dibaca sebagai jumlah '
                                      "blangko")
            if (opening := _opening_condition(reason)) is not None:
                # "SETUJU 2.000, kalau stok provinsi cukup", "Approved 2,000, if the stock allows": a condition on
                # the approval itself, never a note to the district
                return _unclear(line, f'kata "{opening}" pada catatan "{reason}" dapat mengubah persetujuannya')
        else:
            trailing = re.findall(r"[^\s:;,.!?()\u2013\u2014]+", rest.lower())
            for_now = quantity is not None and all(w.strip("-") in TRAILING_WORDS | FOR_NOW_WORDS for w in trailing)
            if not for_now and any(w.strip("-") not in TRAILING_WORDS for w in trailing):
                # "SETUJU 2.000 sisanya menunggu kiriman bulan Januari": the words are the manager's reason,
                # unless they could change the approval (another figure, a negation, a condition)
                reason = _bare_reason(rest) if quantity is not None else None
                if reason is None and quantity is not None:
                    # "SETUJU 2.000 sebelum tgl 15": the figure approved, the day it is to be there by the note
                    reason = _time_limit(re.sub(rf"^\s*(?:(?:{UNIT_PATTERN})\b)?", "", rest, flags=re.IGNORECASE))
                if reason is None and quantity is not None:
                    # "setuju 1.500 dulu sisanya bulan depan": granted for now, the rest of the words the reason
                    reason = _bare_reason(_past_for_now(rest))
                if reason is None and quantity is None and m is None \
                        and (own := _words_with_go_ahead(rest)) is not None:
                    # "SETUJU. sdh saya cek, lanjutkan. Tolong sampaikan ke KTT ...", "Oke setuju, lanjutkan saja.
                    # Alasan MPP buka hari Sabtu.", "SETUJU / MPP buka hari Sabtu.": as proposed, the manager's own
                    # words his note to the district
                    reason = own or None
                elif reason is None:
                    return _figure_run_unread(opened, m, line) or _unclear(line, _what_unclear(rest, quantity,
                                                                                               written))
    if reason is not None and not forced:
        reason = _without_particles(reason)
    return ManagerCommand("approve", quantity=quantity, reason=reason,
                          reference=references[0] if references else None, text=line, forced=bool(forced),
                          full=full is not None and quantity is None)


def _unclear(line: str, what: str | None) -> CommandError:
    """The first line asked back as unclear, saying *what* in it was not understood (when it can be named)."""
    general = COMMAND_ERROR_TEXT["unclear_approval"]
    if not what:
        return _error("unclear_approval", line)
    head, _, tail = general.partition(". ")
    return CommandError("unclear_approval", line, f"{head}: {what}. {tail}")


def _what_unclear(rest: str, quantity: int | None, written: str = "SETUJU") -> str | None:
    """What in the words after the command (*written*: its word as the manager wrote it) and its figure could change
    the approval, for the manager: a number, a negation, a condition, a rejection; None when no one word is to
    blame."""
    after = f'"{written}"' + (f" {quantity:,}".replace(",", ".") if quantity is not None else "")
    if counts := counts_in_note(rest):
        return f'angka {counts[0]} sesudah {after} dapat dibaca sebagai jumlah blangko'
    words = re.findall(r"[^\W\d_]+", rest.lower())
    turning = [w for w in words if w in NEGATIONS | REJECT_WORDS | {"batal", "batalkan"} | NUMBER_WORDS]
    turning = turning or [w for w in words if w in CONDITION_WORDS - FOR_NOW_WORDS]
    if turning:
        return f'kata "{turning[0]}" sesudah {after} dapat mengubah persetujuannya'
    if left := " ".join(rest.split()):  # "SETUJU 1.000-": signs no word explains
        return f'tulisan "{left}" sesudah {after} tidak kami pahami'
    return None


def _opening_condition(reason: str) -> str | None:
    """The word of condition a reason opens with, after a "but" ("kalau stok cukup", "tapi tunggu stok masuk", "if
    the stock allows"): the approval itself would hang on it; None for any other opening ("sisanya tunggu ...")."""
    words = re.findall(r"[^\W\d_]+", reason.lower())
    if words and words[0] in BUT_WORDS:
        words = words[1:]
    return words[0] if words and words[0] in APPROVAL_CONDITION_OPENERS else None


def _condition_note(rest: str, line: str) -> str | CommandError | None:
    """The condition set on the district after the command and its figure ("dengan syarat ...", "asal ...",
    "/ asal ..."), as the manager's note; asked back when it could change the approval (a rejection, another count
    of blanks); None when the words open no condition."""
    text = re.sub(rf"^\s*(?:(?:{UNIT_PATTERN})\b)?", "", rest, flags=re.IGNORECASE).strip(_SEPARATORS + "/")
    text = _past_for_now(text).strip(_SEPARATORS + "/") or text
    courtesy = text
    while (particle := _PARTICLE_RE.match(courtesy)) is not None and particle.end():
        courtesy = courtesy[particle.end():]
    if _BUT_RE.match(courtesy):
        text = courtesy  # "Disetujui pak, namun ...", "Setuju ya pak, tapi ...": courtesy before the "but"
    if (but := _BUT_RE.match(text)) is not None:
        words = set(re.findall(r"[^\W\d_]+", text[but.end():].lower()))
        if not words & OBLIGATION_WORDS or words & CONDITION_WORDS:
            return None
        text = text[but.end():]
    elif not _CONDITION_NOTE_RE.match(text):
        return None
    note = " ".join(_NOTE_LABEL_RE.sub("", text, count=1).split())[:300]  # "catatan:" labels, "asal ..." says
    if turning := sorted(set(re.findall(r"[^\W\d_]+", note.lower()))
                         & (REJECT_WORDS | APPROVE_WORDS | {FORCE_WORD, "batal", "batalkan"})):
        return _unclear(line, f'kata "{turning[0]}" pada catatan "{note}" dapat mengubah persetujuannya')
    if counts := counts_in_note(note):
        return _unclear(line, f'angka {counts[0]} pada catatan "{note}" dapat dibaca sebagai jumlah blangko')
    return note


# The words of a length of time right after a figure ("3 hari", "2 minggu", "5 days"): no count of blanks.
DURATION_WORDS: tuple[str, ...] = ("hari", "hr", "minggu", "mgg", "pekan", "jam", "menit", "days", "day", "weeks",
                                   "week", "hours", "hour")
# ... unless a word after it makes it a day or a week ("SETUJU 300 hari ini dikirim", "SETUJU 500 minggu depan")
NOT_DURATION_AFTER: tuple[str, ...] = ("ini", "itu", "depan", "lalu", "berikutnya", "yang", "yg", "juga", "senin",
                                       "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "this", "next")
_DURATION_AFTER_RE = re.compile(r"\s*(" + "|".join(DURATION_WORDS) + r")(?![^\W\d_])(?![\s,]+(?:"
                                + "|".join(NOT_DURATION_AFTER) + r")(?![^\W\d_]))", re.IGNORECASE)
# A time limit for sending the blanks said with the go-ahead ("tolong dikirim max 3 hari ya", "paling lambat 2 minggu
# sudah sampai", "maksimal seminggu"): the approval stands and the limit goes to the district as the manager's note,
# never a count of blanks.
DEADLINE_WORDS: tuple[str, ...] = ("max", "maks", "maksimal", "maksimum", "paling lambat", "plg lambat",
                                   "paling telat", "plg telat", "selambat-lambatnya", "selambatnya", "dalam waktu",
                                   "dalam", "dlm", "within", "at most", "no later than")
# ... the length of time, in digits or in words ("3 hari", "2 minggu", "dua pekan", "seminggu")
DEADLINE_NUMBERS: tuple[str, ...] = ("satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
                                     "sepuluh", "one", "two", "three", "four", "five", "six", "seven", "ten")
DEADLINE_SPANS: tuple[str, ...] = ("sehari", "seminggu", "sepekan", "sebulan", "a week", "a day", "a month")
# ... the words said around it: asking ("tolong", "mohon"), the sending or arriving ("dikirim", "sudah sampai"),
# courtesy after it ("ya", "pak")
DEADLINE_BEFORE: tuple[str, ...] = ("tolong", "mohon", "harap", "agar", "supaya", "please", "pls", "sudah", "sdh",
                                    "bisa", "langsung", "segera", "barangnya", "blangkonya",
                                    # "Usahakan sebelum akhir bulan sudah diterima mereka."
                                    "usahakan", "diusahakan", "upayakan", "diupayakan")
DEADLINE_VERBS: tuple[str, ...] = (*SEND_WORDS, "sampai", "sampe", "tiba", "diterima", "diproses", "dilaksanakan",
                                   "delivered", "sent", "shipped", "send", "deliver", "ship", "arrive")
DEADLINE_AFTER: tuple[str, ...] = ("ya", "yah", "pak", "bu", "kerja", "sejak", "dari", "hari", "ini", "sekarang",
                                   "sudah", "sdh", "harus", "hrs", "di", "kabupaten", "lokasi", "tujuan",
                                   "working", "from", "now", "today", *ASSENT_PARTICLES,
                                   # the district, as the manager speaks of it: "sudah diterima mereka"
                                   "mereka", "oleh")
_DEADLINE_WORD = alternation(DEADLINE_WORDS)
_DEADLINE_SPAN = (r"(?:(?:\d{1,3}|" + "|".join(DEADLINE_NUMBERS) + r")\s*(?:"
                  + "|".join((*DURATION_WORDS, "bulan", "bln")) + r")|"
                  + alternation(DEADLINE_SPANS) + r")(?![^\W\d_])")
# ... said in an instruction for the district ("pastikan BA dikirim maks 5 hari", "within 5 days of receipt"): when its
# duty is due, never a cut of the approval (_instruction)
_DUTY_TIME_RE = re.compile(rf"(?<![^\W\d_])(?:{_DEADLINE_WORD})\s+{_DEADLINE_SPAN}", re.IGNORECASE)
# A time limit said as the day the blanks are to be there by ("paling lambat minggu depan sudah sampai", "tolong dikirim
# sebelum tgl 15", "maks akhir bulan ini"): the words of "by" and the day, a date in it never a count of blanks.
DEADLINE_BY_WORDS: tuple[str, ...] = ("sebelum", "sblm", "paling lambat", "plg lambat", "paling telat", "plg telat",
                                      "selambat-lambatnya", "selambatnya", "max", "maks", "maksimal", "maksimum",
                                      "by", "before", "no later than")
_MONTH = "|".join(sorted(MONTH_NAMES, key=len, reverse=True))
_DAY_OF_MONTH = r"(?:3[01]|[12]\d|0?[1-9])"
_DEADLINE_DAY = (
    rf"(?:{_WHEN}"
    # "tgl 15", "tanggal 15 Desember", "15 Des 2026", "tgl 15/12"
    rf"|(?:(?:tanggal|tgl)\.?\s*){_DAY_OF_MONTH}(?:\s+(?:{_MONTH})|[/-](?:1[0-2]|0?[1-9]))?(?:[\s/-]+\d{{4}})?"
    rf"|{_DAY_OF_MONTH}(?:\s+(?:{_MONTH})|[/-](?:1[0-2]|0?[1-9]))(?:[\s/-]+\d{{4}})?"
    # "akhir bulan ini", "awal minggu depan", "pertengahan Desember"
    rf"|(?:akhir|awal|pertengahan)\s+(?:bulan|bln|minggu|mgg|pekan|tahun|thn|{_MONTH})(?:\s+(?:ini|depan))?"
    r")(?![^\W\d_])(?![/.,-]?\d)")
_DEADLINE_BY = alternation(DEADLINE_BY_WORDS)
# ... and the place it is to be at ("sudah sampai di Tarakan"), a few words that must change nothing (_time_limit)
_DEADLINE_PLACE = r"(?:(?:di|ke)\s+(?P<place>[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,2})[\s,.!]*)?"
_AROUND = r"(?:(?:{})(?![^\W\d_])[\s,.!]*)*"
_DEADLINE_RE = re.compile(
    _AROUND.format("|".join(DEADLINE_BEFORE + DEADLINE_VERBS))
    + rf"(?:(?:{_DEADLINE_WORD})(?![^\W\d_])[\s:]*{_DEADLINE_SPAN}"
    + rf"|(?:{_DEADLINE_BY})(?![^\W\d_])[\s:]*{_DEADLINE_DAY})[\s,.!]*"
    + _AROUND.format("|".join(DEADLINE_AFTER + DEADLINE_VERBS)) + _DEADLINE_PLACE
    + _AROUND.format("|".join(DEADLINE_AFTER)) + r"$", re.IGNORECASE)


_NOTE_LABEL_RE = re.compile(r"^(?:(?:dengan|dgn)\s+)?catatan\b[\s:;,\-\u2013\u2014]*", re.IGNORECASE)
_NOTE_TOKEN_RE = re.compile(r"\d[\d.,]*\d|\d|[^\W\d_]+")
_MOST_OF_A_TIME = 366  # days in a year: more is no number of days, hours or a date


def counts_in_note(note: str) -> list[str]:
    """The numbers in a manager's note that could be counts of blanks: every number, in digits or in words, but a
    time ("paling lambat 3 hari", "tanggal 20", "tiga minggu").

    >>> counts_in_note("asal BA dikirim paling lambat 3 hari")
    []
    >>> counts_in_note("sisanya 1.000 bulan depan")
    ['1.000']
    """
    tokens = _NOTE_TOKEN_RE.findall(note.lower())
    found, i = [], 0
    while i < len(tokens):
        if not (tokens[i][0].isdigit() or tokens[i] in NUMBER_WORDS):
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and (tokens[j + 1][0].isdigit() or tokens[j + 1] in NUMBER_WORDS):
            j += 1
        figure = " ".join(tokens[i:j + 1])
        try:
            value: int | None = parse_quantity(figure)
        except QuantityError:
            value = None
        before = tokens[i - 1] if i else ""
        after = tokens[j + 1] if j + 1 < len(tokens) else ""
        timed = after in TIME_UNITS or before in TIME_BEFORE
        if not (timed and value is not None and value <= _MOST_OF_A_TIME):
            found.append(figure)
        i = j + 1
    return found


def _without_particles(reason: str) -> str | None:
    """*reason* without the courtesy particles it opens with ("ya, sisanya bulan depan" -> "sisanya bulan depan");
    None when nothing else is left."""
    words = reason.split()
    while words and words[0].lower().strip(_SEPARATORS + ",.!") in REASON_PARTICLES:
        words = words[1:]
    return " ".join(words).strip(_SEPARATORS) or None


def _past_for_now(rest: str) -> str:
    """*rest* after its unit and the words that grant the figure for now ("keping dulu sisanya bulan depan" ->
    "sisanya bulan depan"); "" when no such word opens it."""
    text = re.sub(rf"^\s*(?:(?:{UNIT_PATTERN})\b)?", "", rest, flags=re.IGNORECASE).strip(_SEPARATORS)
    words = text.split()
    opened = 0
    while opened < len(words) and words[opened].lower().strip(_SEPARATORS) in FOR_NOW_WORDS:
        opened += 1
    return " ".join(words[opened:]) if opened else ""


def _bare_reason(rest: str) -> str | None:
    """The words after "SETUJU <jumlah>" as a reason, or None when they could change the approval."""
    text = re.sub(rf"^\s*(?:(?:{UNIT_PATTERN})\b)?", "", rest, flags=re.IGNORECASE)
    text = text.strip(_SEPARATORS)
    if not text or any(c.isdigit() for c in text):
        return None
    words = set(re.findall(r"[^\W\d_]+", text.lower()))
    if words & (NEGATIONS | REJECT_WORDS | APPROVE_WORDS | {FORCE_WORD} | NUMBER_WORDS | CONDITION_WORDS):
        return None
    return " ".join(text.split())[:300]


# The word a manager opens his reason with inside his sentences ("Alasan MPP buka hari Sabtu sudah jelas.",
# "..., alasannya pilkades nanti kita evaluasi Januari."), and the comma before it that ends the words before it
_REASON_OPENING = r"(?:alasan(?:nya)?|karena|krn|sebab)(?![^\W\d_])"
_REASON_OPENING_RE = re.compile(_REASON_OPENING + r"[\s:=\-\u2013\u2014]*", re.IGNORECASE)
_BEFORE_REASON_RE = re.compile(r"[,;]\s+(?=" + _REASON_OPENING + ")", re.IGNORECASE)
# Words of time a reason may hold without holding the approval back ("nanti kita evaluasi Januari")
_TIME_IN_A_REASON: frozenset[str] = frozenset({"nanti"})


def _carries_on(sentence: str) -> bool:
    """Whether *sentence*, after a SETUJU, says nothing but go ahead: a check the manager made, words of carrying on,
    as proposed, for now ("sdh saya cek, lanjutkan.", "lanjutkan saja.", "sesuai usulan sistem dulu")."""
    rest = sentence
    if (checked := _CHECKED_RE.match(rest)) is not None:
        rest = rest[checked.end():]
    while rest and (assent := _ASSENT_RE.match(rest)) is not None and assent.end():
        rest = rest[assent.end():]
    proposed = _AS_PROPOSED_RE.match(rest)
    if proposed is not None:
        rest = rest[proposed.end():]
    # "dulu" says "as proposed, for now" after "sesuai usulan"; alone ("Setuju dulu") it may defer the approval
    allowed = REASON_PARTICLES | {"dulu", "dl", "dlu", "dahulu"} if proposed is not None \
        else REASON_PARTICLES - {"dulu", "dl"}
    return all(w in allowed for w in re.findall(r"[^\W\d_]+|\d", rest.lower()))


# A sentence opening with a check the manager made ("Sdh saya telpon Pak Rusdi, ...", "sudah kami konfirmasi ke
# Kadisnya"): what he did before deciding, never a condition still to be met
# ("Barusan sy sdh cek lwt telp ke Kadis Nunukan, ...": "just now", and the one who checked before "already")
_CHECK_MADE_RE = re.compile(r"(?:(?:barusan|baru saja|tadi|td)\s+)?"
                            r"(?:(?:sudah|sdh|udah|udh|telah)\s+(?:saya|sy|kami|aku)"
                            r"|(?:saya|sy|kami|aku)\s+(?:sudah|sdh|udah|udh|telah))\s+(?:cek|periksa|konfirmasi|tanyakan"
                            r"|tanya|hubungi|telpon|telepon|telp|tlp|kontak)(?![^\W\d_])", re.IGNORECASE)
# A check the manager says he made ("sudah saya cek", "sdh dicek"): done, no check to wait for ("tolong dicek dulu")
_CHECK_DONE_RE = re.compile(r"\b(?:sudah|sdh|udah|udh|telah)\s+(?:(?:saya|sy|kami|aku)\s+)?(?:di)?(?:cek|periksa)\b")


def _holds_nothing_back(words_said: str, *, reason: bool) -> bool:
    """Whether *words_said*, said with a go-ahead, leave the approval as proposed: no question, no count of blanks, no
    negation, rejection or other command, nothing that holds the sending back, no condition (a *reason* may say when
    its matter is seen to: "nanti kita evaluasi Januari")."""
    words = set(re.findall(r"[^\W\d_]+", _CHECK_DONE_RE.sub(" ", words_said.lower())))
    # a cut ("separuhnya saja"), a negation, a rejection, a command or a condition (_NOT_INSTRUCTED, CONDITION_WORDS)
    held = (_NOT_INSTRUCTED | CONDITION_WORDS) - _TIME_IN_A_REASON if reason else _NOT_INSTRUCTED | CONDITION_WORDS
    return ("?" not in words_said and not counts_in_note(words_said) and not _SENDING_HELD_RE.search(words_said.lower())
            and not words & held
            and _opening_condition(words_said) is None)


def _words_below(lines: list[str], filled: list[int], first: int) -> str:
    """The manager's words on the lines below his command (*first*), on one line: up to a closing ("Salam,", "Sent
    from my iPhone"), without a signature's lines ("Kabid PIAK"); "" when there are none."""
    said: list[str] = []
    for line in (lines[i] for i in filled if i > first):
        if CLOSING_RE.match(line):
            break
        if not signature_line(line) and line.strip(_SEPARATORS + "/"):
            said.append(line)
    return " ".join(said)[:300]


def _words_with_go_ahead(rest: str) -> str | None:
    """The manager's own words after a bare SETUJU (*rest*) when none of them changes the approval as proposed: ""
    when they only say go ahead again ("SETUJU. sdh saya cek, lanjutkan."), else those to pass on to the district as
    his note: an instruction (INSTRUCTION_WORDS: "Tolong sampaikan ke KTT agar ...", "Sampaikan ke Tarakan blangko bisa
    diambil sendiri ..."), a reason he labels ("Alasan MPP buka hari Sabtu sudah jelas.", "..., alasannya pilkades
    nanti kita evaluasi Januari."), or, after a slash as the refusal of an unclear SETUJU advises, any words that hold
    nothing back ("SETUJU / sdh saya cek, lanjutkan. MPP buka hari Sabtu."). None when any sentence asks, cuts, waits,
    defers or is none of these.

    >>> _words_with_go_ahead(". sdh saya cek, lanjutkan. Tolong sampaikan ke KTT agar laporan dikirim rutin.")
    'Tolong sampaikan ke KTT agar laporan dikirim rutin'
    >>> _words_with_go_ahead(" / MPP buka hari Sabtu."), _words_with_go_ahead(". Nanti saya cek dulu.")
    ('MPP buka hari Sabtu', None)
    """
    text = rest.strip()
    slashed = text.startswith("/")
    text = text.strip(_SEPARATORS + "/")
    if not text or "?" in text:
        return None
    kept: list[str] = []
    for part in _SENTENCE_END_RE.split(text):
        for sentence in _BEFORE_REASON_RE.split(part):
            sentence = sentence.strip()
            if not sentence.strip(_SEPARATORS + "/") or _carries_on(sentence.strip(_SEPARATORS)):
                continue
            if (label := _REASON_OPENING_RE.match(sentence)) is not None:
                if not _holds_nothing_back(sentence[label.end():], reason=True):
                    return None
            elif not (_instruction(sentence) or ((slashed or _CHECK_MADE_RE.match(sentence))
                                                 and _holds_nothing_back(sentence, reason=False))):
                # a check he made, said with what it found ("Sdh saya telpon Pak Rusdi, Sari memang staf mereka."),
                # holds nothing back as words after a slash do
                return None
            kept.append(sentence)
    return " ".join(" ".join(kept).split())[:300]


# "Alasan: stok provinsi menipis": the label a writer puts before the reason is not part of it (the district is
# told "Alasan: …" by the template already).
_REASON_LABEL_RE = re.compile(r"^(?:alasan(?:nya)?|karena|reason|because)\s*[:=\-\u2013\u2014]\s*", re.IGNORECASE)


def _unlabelled(reason: str) -> str:
    return _REASON_LABEL_RE.sub("", reason, count=1)


def _with_reason_below(command: ManagerCommand | CommandError, following: str) -> ManagerCommand | CommandError:
    """"SETUJU 3.000" with the reason in a sentence of its own below: the reason is told to the district. A
    closing, a signature (a few words) or a sentence that could turn the approval around is not taken."""
    if not isinstance(command, ManagerCommand) or command.reason or command.quantity is None or not following:
        return command
    words = re.findall(r"[^\W\d_]+", following.lower())
    if len(words) < 4 or CLOSING_RE.match(following) or GREETING_RE.match(following) \
            or _SIGNATURE_LINE_RE.search(following) \
            or set(words) & (NEGATIONS | REJECT_WORDS | APPROVE_WORDS | {"batal", "batalkan"}):
        return command
    reason = _unlabelled(" ".join(following.strip(_SEPARATORS).split()))[:300]
    return replace(command, reason=reason, text=f"{command.text}\n{following}")


def _rejection(line: str, rest: str, following: str) -> ManagerCommand | CommandError:
    reference: str | None = None
    rest = rest.strip(_SEPARATORS)
    leading = _REFERENCE_RE.match(rest)
    if leading:
        reference = find_references(leading.group(0))[0]
        rest = rest[leading.end():].strip(_SEPARATORS)
    forced = re.match(rf"{FORCE_WORD}(?![^\W\d_])", rest, re.IGNORECASE)
    if forced:  # "TOLAK PAKSA <alasan>": withdraws an approval already given
        rest = rest[forced.end():].strip(_SEPARATORS)
        # the reason stands on the PAKSA line itself: a line below may be a signature ("Kepala Dinas"), and
        # withdrawing an approval on a guessed reason is worse than asking again
        if not any(c.isalpha() for c in _unlabelled(rest)):
            return _error("reject_force_reason_required", line)
    text = line
    if not rest and following and not CLOSING_RE.match(following) and not GREETING_RE.match(following):
        rest, text = following.strip(_SEPARATORS), f"{line}\n{following}"
    rest = _unlabelled(_FOR_NOW_OPENING_RE.sub("", rest, count=1))
    if not any(c.isalpha() for c in rest):
        return _error("reason_required", text)
    reason = safe_header_text(rest, max_len=MAX_REASON_CHARS)
    return ManagerCommand("reject", reason=reason, reference=reference, text=text, forced=bool(forced))


# "Tolak dulu, stok provinsi sedang dihemat", "Tolak aja dulu pak, ...": the words that say "for now" and the
# courtesy among them open no reason (the district was told "Alasan: dulu, stok provinsi ...").
_FOR_NOW_OPENING_RE = re.compile(
    r"^(?:(?:untuk\s+)?(?:dulu|dahulu|dl|saja|aja|aj|sj|sementara(?:\s+waktu)?)\b[\s,;:.\-\u2013\u2014]*"
    r"(?:(?:ya|yah|pak|bu|bapak|ibu|deh|dong)\b[\s,;:.\-\u2013\u2014]*)*)+", re.IGNORECASE)


_NUMBER_WORD_RE = re.compile(r"\s*([^\W\d_]+)")
# one figure or one word of the run a quantity may be written in ("seribu 500", "2 ribu tiga ratus 50")
# ("2 rb. 300": an abbreviated multiplier's stop inside the figure, as parse_quantity reads it)
_RUN_PART_RE = re.compile(
    r"\s*([0-9][0-9.,]*(?![^\W\d_])|(?:(?<=rb)|(?<=rbu)|(?<=rts))(?<![^\W\d_]rb)(?<![^\W\d_]rbu)(?<![^\W\d_]rts)\.(?=\s+[0-9])"
    r"|[^\W\d_]+)", re.IGNORECASE)


def _spelled_quantity(rest: str) -> re.Match[str] | None:
    """"dua ribu keping", "seribu 500 / sisanya bulan depan": the number at the start of *rest* that opens with a
    number word, read as parse_quantity reads it on the command line (_number_run), as a match of it."""
    if (first := _NUMBER_WORD_RE.match(rest)) is None or first[1].lower() not in NUMBER_WORDS:
        return None
    return _number_run(rest, 0)


def _number_run(rest: str, start: int) -> re.Match[str] | None:
    """The longest run of figures and number words from the start of *rest* on, reaching past *start*, that
    parse_quantity reads, or refuses as ambiguous ("seribu 1500": said whole, never read as "seribu" and a
    figure after it); None when none does."""
    end, ends = start, []
    while (part := _RUN_PART_RE.match(rest, end)) is not None and (
            part[1][0].isdigit() or part[1].lower() in NUMBER_WORDS or part[1] == "."):
        end = part.end()
        ends.append(end)
    for stop in reversed(ends):
        try:
            parse_quantity(rest[:stop])
        except QuantityError as exc:
            if exc.code != "ambiguous":
                continue
        return re.compile(re.escape(rest[:stop])).match(rest)
    return None


_IN_BRACKETS_RE = re.compile(r"\s*\(([^()]*)\)")


def _completed_quantity(rest: str, m: re.Match[str]) -> re.Match[str]:
    """The figure *m* found at the start of *rest* with what completes it: the same number in words in brackets
    ("700 (tujuh ratus)", read when both agree, else said as two numbers), or the figures and words that go on
    with it ("6 ratus lima puluh", "2 ribu 3 ratus 50"). Brackets holding other words ("700 (sisanya bulan
    depan)") are not the figure's."""
    unit = re.compile(rf"\s*(?:{UNIT_PATTERN})\b", re.IGNORECASE).match(rest, m.end())
    after = unit.end() if unit else m.end()
    if (brackets := _IN_BRACKETS_RE.match(rest, after)) is not None:
        words = re.findall(r"[^\W\d_]+", brackets[1].lower())
        if words and all(w in NUMBER_WORDS or w in UNITS for w in words):
            return re.compile(re.escape(rest[:brackets.end()])).match(rest)  # type: ignore[return-value]
    longer = _number_run(rest, m.end())
    return longer if longer is not None and longer.end() > m.end() else m


# The forms of a quantity a manager may write, for a figure that could not be read.
_FORMS = "SETUJU 1.500, SETUJU 1500, SETUJU 1,5 ribu atau SETUJU seribu lima ratus"


def _unreadable(figure: str, line: str, why: str) -> CommandError:
    """The manager asked again about the figure that could not be read: which one, why, and the forms that are."""
    return CommandError("quantity_invalid", line,
                        f'Jumlah "{_as_written(figure, line)}" tidak dapat dibaca: {why}. Tulis jumlahnya sekali, '
                        f"misalnya: {_FORMS}.")


def _figure_run_unread(rest: str, m: re.Match[str] | None, line: str) -> CommandError | None:
    """The manager asked again about the figure at the start of *rest* when it goes on past the quantity *m* read
    (None: none read) with a figure or a scale word, making no one number ("SETUJU 1 rb 500 rb", "SETUJU 1500
    1500", "SETUJU ribu"); None when nothing of a number follows it."""
    end = m.end() if m is not None else 0
    first = _RUN_PART_RE.match(rest, end)
    if first is None or not (first[1][0].isdigit() or first[1].lower() in SCALES or (
            m is None and first[1].lower() in NUMBER_WORDS)):
        return None
    while (part := _RUN_PART_RE.match(rest, end)) is not None and (
            part[1][0].isdigit() or part[1].lower() in NUMBER_WORDS):
        end = part.end()
    run = rest[:end]
    said = ("angka dan kata bilangannya" if any(c.isdigit() for c in run) and any(c.isalpha() for c in run)
            else "angka-angkanya" if any(c.isdigit() for c in run) else "kata bilangannya")
    return _unreadable(run, line, f"{said} tidak membentuk satu bilangan")


# A comma (or a stop), a slash, "atau" or "dan" and a figure right after the figure read (and its unit), in digits,
# grouped or not, with a multiplier or not, or number words: "seribu, 500", "2rb.500", "dua ribu, tiga ratus",
# "2.000, 1.300", "700 lembar, 1.300", "3 ribu, 2 ribu", "1.500 / 1.300", "2.000 atau 1.500"
_SPOKEN = "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len, reverse=True))
_JOINED_AFTER_RE = re.compile(rf"(?:[ \t]+(?:{UNIT_PATTERN})\b)?(?:[ \t]*[,.][ \t]*|(?P<apart>[ \t]*/[ \t]*|"
                              rf"[ \t]+(?:atau|dan|or|and)[ \t]+))"
                              rf"(?:(?:[0-9]{{1,3}}(?:\.[0-9]{{3}})*|[0-9]{{4,7}})(?![0-9]|[.,][0-9])"
                              rf"(?:[ \t]*(?:{_SPOKEN})(?![^\W\d_]))*"
                              rf"|(?:{_SPOKEN})(?![^\W\d_])(?:[ \t]+(?:{_SPOKEN})(?![^\W\d_]))*)", re.IGNORECASE)
_WORD_AFTER_RE = re.compile(r"[^\w]*([^\W\d_]+)")
# A multiplier made an estimate right after the figure read: "2 ribuan", "dua ratusan"
_ESTIMATE_AFTER_RE = re.compile(r"[ \t]*-?[ \t]*(?:ribu|ratus|juta)-?an(?![^\W\d_])", re.IGNORECASE)


def _joined_figure(rest: str, m: re.Match[str], line: str) -> CommandError | None:
    """The manager asked again about the figure *m* at the start of *rest* when a comma or a stop joins a figure below
    a thousand to it ("SETUJU seribu, 500": 1.500, or 1.000 and 500?), a slash, "atau" or "dan" sets another figure
    beside it with nothing but courtesy after ("Acc pak, 1.500 / 1.300 aja dulu") or "-an" makes it an estimate
    ("SETUJU 2 ribuan"), as the command line refuses the same typing;
    None when no figure is joined to it (a reason after the comma, "SETUJU 2.000, sisanya bulan depan"; a time,
    "SETUJU 2.000, 3 hari lagi")."""
    if (joined := _JOINED_AFTER_RE.match(rest, m.end()) or _ESTIMATE_AFTER_RE.match(rest, m.end())) is None:
        return None
    if (word := _WORD_AFTER_RE.match(rest, joined.end())) is not None and word[1].lower() in TIME_UNITS:
        return None
    if "/" in (joined.groupdict().get("apart") or "") and any(
            w.strip("-") not in TRAILING_WORDS | FOR_NOW_WORDS
            for w in re.findall(r"[^\s:;,.!?()\u2013\u2014]+", rest[joined.end():].lower())):
        # "SETUJU 2.000 / 500 sisanya bulan depan": a note after the slash, asked about as such; after "atau" or
        # "dan" the words are no note ("SETUJU 2.500 atau 1.800, mana yg lbh aman"): two figures, named as such
        return None
    if re.fullmatch(r"[0-9]{1,2}[ \t]*/[ \t]*[0-9]{1,2}", rest[:joined.end()].strip()):
        return None  # "SETUJU 17/12": a date, asked about as before
    figure = " ".join(rest[:joined.end()].split())
    try:
        parse_quantity(figure)
    except QuantityError as exc:
        if exc.indonesian:
            return _refused(figure, line, exc)
    return None


def _as_written(figure: str, line: str) -> str:
    """*figure* as the manager wrote it in *line*, for quoting it back: an English approval's thousands ("Approved
    2,000, 300 pcs") are read with a stop (2.000) but quoted with the comma he typed."""
    pattern = r"\s+".join(re.escape(part).replace(r"\.", "[.,]") for part in figure.split())
    found = re.search(pattern, line) if pattern else None
    return " ".join(found[0].split()) if found else figure


def _estimate_refused(figure: str, line: str) -> CommandError:
    """The manager asked again about an estimate written for the quantity ("SETUJU 3 ribu-an"), in the words the
    command line refuses it with."""
    try:
        parse_quantity(figure)
    except QuantityError as exc:
        if exc.indonesian:
            return _refused(figure, line, exc)
    return _unreadable(figure, line, "berupa perkiraan, bukan jumlah yang pasti")


def _refused(figure: str, line: str, exc: QuantityError) -> CommandError:
    """The manager asked again about *figure*, refused by the reader as *exc* says in Indonesian: quoted as he
    wrote it in *line*, with the fix the command line gives for the same typing."""
    figures = " atau ".join(f"SETUJU {example}" for example in exc.examples)
    return CommandError(f"quantity_{exc.code}", line,
                        f'Jumlah "{_as_written(figure, line)}" {exc.indonesian}. Tulis misalnya: {figures}.')


def _quantity(m: re.Match[str], line: str) -> int | CommandError:
    """The quantity in a match of the quantity pattern, or the manager asked again: with the fix the command line
    gives for the same typing, in Indonesian, where the reader knows one ('1.5rb': a decimal point, write 1,5 rb
    or 1.500), else the general words for its kind of refusal."""
    try:
        return parse_quantity(m.group(0))  # the bounds of an approval are the desk's (actions.approve)
    except QuantityError as exc:
        if not exc.indonesian and exc.code == "invalid":
            return _unreadable(m.group(0), line, "bukan bilangan yang dapat kami baca")
        if not exc.indonesian:
            return _error(f"quantity_{exc.code}", line)
        return _refused(m.group(0), line, exc)
