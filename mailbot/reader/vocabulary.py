"""Word tables the reader matches against: Indonesian (and some English) kept as data, out of the logic."""

from __future__ import annotations

import re
import sys


def alternation(words: tuple[str, ...] | list[str] | set[str] | frozenset[str], space: str = r"\s+") -> str:
    """The one way a word table becomes a regex alternation: each phrase escaped, a space in a
    phrase matching *space* (any run of whitespace), longer phrases first (so "sisa stok" beats "sisa").

    Phrases in lowercase ASCII (with signs that have no case, such as "’" or "±") are grouped by their
    common openings ("sisa(?:\\s+stok|)"), which matches exactly what the plain list matches, in the same
    order, but lets the regex engine pass over a phrase by its first letter instead of trying every phrase
    in turn."""
    ordered = sorted(set(words), key=len, reverse=True)
    # Two spaces in a row would be two greedy whitespace tokens, which a grouped tail can match
    # differently from the plain list; such a table (none is written so) is joined plainly.
    if space != r"\s+" or not all(_groupable(w) for w in ordered):
        return "|".join(re.escape(w).replace(r"\ ", space) for w in ordered)
    return _grouped([[space if c == " " else re.escape(c) for c in w] for w in ordered])


def _groupable(phrase: str) -> bool:
    """Whether a phrase's characters are tokens no other token matches in any pattern: lowercase ASCII, or
    a printable sign without case ("we’ll need"). (A letter with case outside ASCII is left out: under
    IGNORECASE "ſ" and "s" both match "S", and would then be two openings that match at the same place.)"""
    return (
        phrase == phrase.lower() and phrase.isprintable() and "  " not in phrase
        and all(c.isascii() or c.lower() == c.upper() for c in phrase)
    )


# Words that most district mail holds, whatever it says (a report's "laporan" and "tanggal", a request's "mohon
# ... dikirim", "saya sedang ..."): a phrase is looked for by another of its words (see longest_words).
COMMON_MAIL_WORDS = frozenset((
    "laporan", "tanggal", "dikirim", "dikirimkan", "mohon", "sedang", "menerima", "diterima", "terima", "kembali",
    "kantor", "blangko", "sudah", "belum", "tidak", "dapat", "pesan", "kasih",
))


def longest_words(phrases: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The longest word of each phrase that is not one of COMMON_MAIL_WORDS (of a phrase of those only, its
    longest), a shorter one kept where it is inside a longer: a text that a case-sensitive alternation of the
    phrases matches holds one of these words as written, since only the spaces between a phrase's words vary.
    A text holding none of them matches none of the phrases, which one cheap search can tell before many
    patterns built on the phrases are tried; a word most mail holds would tell it seldom."""
    words = {max([w for w in p.split(" ") if w not in COMMON_MAIL_WORDS] or p.split(" "), key=len) for p in phrases}
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


_FOLD_MOST_FIRST_LETTERS = 9


def word_start_alternation(
    words: tuple[str, ...] | list[str] | set[str] | frozenset[str], before: str = r"[\w-]"
) -> str:
    """The same as "(?<!" + before + ")(?:" + alternation(words) + ")" (a phrase not preceded by a character
    of *before*), with the look-behind put after each phrase's first letter ("s(?<![\\w-]s)(?:isa...)|..."):
    the regex engine then passes over every character no phrase starts with without trying the pattern, much
    faster for a table whose phrases start with few letters. A table whose phrases start with many letters
    (more than _FOLD_MOST_FIRST_LETTERS: as fast either way, measured) or that the grouped alternation does not
    take (see alternation) is written the plain way."""
    ordered = sorted(set(words), key=len, reverse=True)
    if (
        not ordered
        or not all(w[:1].isalpha() and w.isascii() and w == w.lower() and w.isprintable() and "  " not in w
                   for w in ordered)
        or len({w[0] for w in ordered}) > _FOLD_MOST_FIRST_LETTERS
    ):
        return rf"(?<!{before})(?:{alternation(words)})"
    groups: dict[str, list[list[str]]] = {}
    for w in ordered:
        groups.setdefault(w[0], []).append([r"\s+" if c == " " else re.escape(c) for c in w[1:]])
    return "|".join(f"{first}(?<!{before}{first})(?:{_grouped(rests)})" for first, rests in groups.items())


class Gated:
    """A pattern each match of which holds a phrase of a word table, with one search for a word of each
    phrase (longest_words) tried first: that search is several times cheaper than a pattern opening with
    a look-behind, which is tried at every character, and most mail holds none of the words. It finds
    what the pattern finds."""

    def __init__(self, pattern: re.Pattern[str], phrases: tuple[str, ...]) -> None:
        self.pattern = pattern
        self.words = re.compile(alternation(longest_words(phrases)))

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.search(text, pos, endpos) if self.words.search(text, pos, endpos) else None

    def sub(self, repl: str, text: str) -> str:
        return self.pattern.sub(repl, text) if self.words.search(text) else text


def _grouped(phrases: list[list[str]]) -> str:
    """Phrases (as lists of regex tokens, in order) as an alternation grouped by their first token. Two
    phrases with different first tokens never match at the same place (a token is one character, or
    whitespace), so grouping keeps which phrase matches first; a phrase that ends here comes last, as
    it is the shortest."""
    groups: dict[str, list[list[str]]] = {}
    ends = False
    for tokens in phrases:
        if tokens:
            groups.setdefault(tokens[0], []).append(tokens[1:])
        else:
            ends = True
    alternatives = []
    for first, rests in groups.items():
        if len(rests) == 1:
            alternatives.append(first + "".join(rests[0]))
            continue
        shared = 0  # tokens every phrase of the group goes on with
        while all(len(r) > shared and r[shared] == rests[0][shared] for r in rests):
            shared += 1
        opening = first + "".join(rests[0][:shared])
        alternatives.append(opening + "(?:" + _grouped([r[shared:] for r in rests]) + ")")
    if ends:
        alternatives.append("")
    return "|".join(alternatives)

# --- Number words --------------------------------------------------------------------------

DIGIT_WORDS: dict[str, int] = {
    "nol": 0,
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
}
# "se-" forms stand for "one <unit>": sepuluh = ten, seratus = one hundred, seribu = one thousand.
SE_WORDS: dict[str, str] = {
    "sepuluh": "puluh",
    "sebelas": "belas",
    "seratus": "ratus",
    "seribu": "ribu",
    "sejuta": "juta",
    # Javanese "sewu", Sundanese "sarebu": one thousand ("sewu lembar pak"), counted only before a unit of blanks
    # (UNIT_ONLY_NUMBER_WORDS: "nyuwun sewu" is "excuse me").
    "sewu": "ribu",
    "sarebu": "ribu",
}
UNIT_ONLY_NUMBER_WORDS: tuple[str, ...] = ("sewu", "sarebu")
SCALE_WORDS: tuple[str, ...] = ("belas", "puluh", "ratus", "ribu", "juta")
# A half between a digit word and a scale word, as said aloud: "satu setengah ribu" is 1.500, "dua setengah
# ratus" is 250.
HALF_WORDS: tuple[str, ...] = ("setengah", "stengah")
# Right after a word of sending asked (SEND_ASK_PHRASES), these ask for half of the figure that follows in the
# clause: "mohon dikirim setengah dari permintaan kami sebelumnya (4.000) dulu" asks for 2.000.
HALF_OF_PHRASES: tuple[str, ...] = (
    "setengah dari", "stengah dari", "separuh dari", "setengahnya dari", "separuhnya dari", "half of", "half the",
)
# Short forms of the scale words after number words, as after digits ("dua rb", "tiga rbu", "satu jt"):
# "mhn dikirim dua rb ya" is two thousand.
SCALE_ABBREVIATIONS: dict[str, str] = {"rb": "ribu", "rbu": "ribu", "rebu": "ribu", "jt": "juta", "rts": "ratus"}

# Suffixes that turn digits into thousands: "2 ribu", "2rb", "1,5 rb", "2k".
THOUSAND_SUFFIXES: tuple[str, ...] = ("ribu", "rbu", "rb", "k")
# Every word that multiplies digits before it: "2 ratus" is 200, "1,5 juta" is 1,500,000.
DIGIT_MULTIPLIERS: dict[str, int] = {
    "ribu": 1000, "rbu": 1000, "rebu": 1000, "rb": 1000, "k": 1000, "ratus": 100, "rts": 100, "juta": 1_000_000,
    "jt": 1_000_000}
# Between the thousands' digits and the hundreds glued after them: "2rb5", "1rb250", "2 rb500" (the space before "rb"
# only: "2 k5" is no figure), "2k5" (2.500, 1.250, 2.500, 2.500). A pattern, for the reader and the typed quantity
# alike.
GLUED_THOUSANDS = r"[^\S\n]*rb|k"
# Stems of multiplier words: right after a number, a word built on one of these that is not the
# multiplier itself ("2 ribuan", "2 puluhan", "3 ratusan", "1 jutaan") leaves the number unread.
MULTIPLIER_STEMS: tuple[str, ...] = ("ribu", "rbu", "rb", "ratus", "juta", "jt", "puluh", "belas", "miliar", "milyar")

MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "agust": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
    # Malay, as the border posts write it: "as of 31 Dis 2033", "13 Mac", "Ogos".
    "disember": 12, "dis": 12, "mac": 3, "ogos": 8,
}

# Months in Roman numerals, as official letters date them ("31-XII-2026", "6 I 2027") and number them
# ("470/1234/Disdukcapil/XII/2026").
ROMAN_MONTHS: dict[str, int] = {
    "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10, "xi": 11, "xii": 12,
}

# The Hijri calendar: "Idul Fitri 1454 H", "1 Syawal 1454 Hijriah", "Ramadhan 1454" name a year and days, no count.
HIJRI_YEAR_MARKS: tuple[str, ...] = ("h", "hijriah", "hijriyah", "hijriyyah", "hijri", "hijrah")
HIJRI_MONTHS: tuple[str, ...] = (
    "muharram", "muharam", "safar", "sapar", "rabiul awal", "rabiulawal", "rabiul akhir", "rabiulakhir",
    "jumadil awal", "jumadilawal", "jumadil akhir", "jumadilakhir", "rajab", "syaban", "sya'ban", "syakban",
    "ramadan", "ramadhan", "romadhon", "syawal", "syawwal", "dzulqadah", "zulkaidah", "dzulkaidah",
    "dzulhijjah", "zulhijah", "dzulhijah",
)

DAY_NAMES: tuple[str, ...] = (
    "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad",
    "sen", "sel", "rab", "kam", "jum", "sab", "min",
)
# Names of a week that may open a line of a week's figures: "mg 13-17/3 rek 9 cet 9", "minggu ke-2 (8-12/3): ...".
WEEK_WORDS: tuple[str, ...] = ("minggu", "mgg", "mg", "pekan", "week", "wk")
# The day of the week each name says, Monday first: a weekly table's day columns run in this order ("Sen 9/11 |
# Sel 10/11 | ... | Jum 13/11 | Jml").
WEEKDAY_OF: dict[str, int] = {
    "senin": 0, "sen": 0, "monday": 0, "mon": 0, "selasa": 1, "sel": 1, "tuesday": 1, "tue": 1, "tues": 1,
    "rabu": 2, "rab": 2, "wednesday": 2, "wed": 2, "kamis": 3, "kam": 3, "thursday": 3, "thu": 3, "thur": 3,
    "thurs": 3, "jumat": 4, "jum'at": 4, "jum": 4, "friday": 4, "fri": 4, "sabtu": 5, "sab": 5, "saturday": 5,
    "sat": 5, "minggu": 6, "ahad": 6, "min": 6, "sunday": 6, "sun": 6,
}

# --- Units ---------------------------------------------------------------------------------

# Units that count blanks or cards.
BLANK_UNITS: tuple[str, ...] = (
    "keping", "kping", "kpg", "kp", "lembar", "lbr", "buah", "bh", "pcs", "pc", "biji",
    "blangko", "blanko", "kartu", "eksemplar", "keeping",
)
# English "pieces" after "thousands, part" ("1,000, 500 pieces"): it closes the figure as a unit of blanks would.
# Not a unit of blanks everywhere: a numbered list broken by an HTML body ("2. 240 pieces left") would join into one
# figure.
PIECE_WORDS: tuple[str, ...] = ("pieces", "piece")
# Units that count people; fine for recording and printing figures, never for stock.
PEOPLE_UNITS: tuple[str, ...] = (
    "orang", "org", "jiwa", "penduduk", "pemohon", "wajib", "warga",
    # Children counted for KIA ("Anak 0-17 th ber-KIA : 31.204 anak"): people, not blanks.
    "anak", "balita", "bayi", "children",
    # People named by who they are: "untuk 412 Pekerja Migran Indonesia", "300 siswa SMA", "45 narapidana".
    "pekerja", "tenaga kerja", "tki", "pmi", "migran", "pengungsi", "peserta", "siswa", "murid", "mahasiswa",
    "narapidana", "napi", "warga binaan", "lansia", "pasien", "karyawan", "nelayan", "santri",
    "residents", "people", "persons", "citizens", "applicants", "workers", "migrants", "students",
    "participants", "inmates", "patients", "refugees",
)
# Units that make a number something other than a count of blanks.
OTHER_UNITS: tuple[str, ...] = (
    "hari", "hr", "minggu", "mgg", "pekan", "bulan", "bln", "tahun", "thn", "th", "jam", "menit",
    "detik", "kecamatan", "kec", "desa", "kelurahan", "kel", "persen", "%", "rupiah", "unit",
    "set", "kali", "x", "km", "kg", "lokasi", "sekolah", "titik", "kk", "berkas", "dokumen",
    "alat", "perangkat", "petugas", "operator", "pegawai", "tahap", "gelombang", "lantai",
    "kabupaten", "kab", "kota", "provinsi", "kantor", "ruang", "paket", "box", "dus", "kardus",
    "koli", "minggunya", "harinya", "bulannya",
    # Nights away on a trip ("kami menginap 2 malam di rumah lamin"), and an hour of the evening ("jam 8 malam").
    "malam", "mlm",
    # Warehouses counted ("stok 2 gdg total 540"): places, never blanks.
    "gudang", "gdg", "warehouses",
    # Printer supplies come by the roll, ream, tube or cartridge; none of them is a blank.
    "roll", "rol", "gulung", "gulungan", "rim", "lusin", "botol", "tabung", "cartridge", "catridge",
    "ribbon", "ribon", "toner",
    # Sizes of data and mailboxes ("kuota 10 GB"), and schools ("di 12 SD").
    "gb", "mb", "kb", "tb", "gigabyte", "megabyte", "sd", "smp", "sma", "smk", "tk", "paud", "mts",
    # Health posts and classes of a KIA drive ("sosialisasi di 38 posyandu", "412 siswa (14 rombel)").
    "posyandu", "puskesmas", "pustu", "rombel",
    # The same in English: durations ("lags by roughly 2 weeks"), pages, places, supplies.
    "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours", "minute", "minutes",
    "halaman", "hlm", "page", "pages", "villages", "schools", "sub-districts", "districts", "sites", "locations",
    "rolls", "ribbons", "reams", "cartridges", "kit", "kits", "sets", "units", "percent", "officers",
    # Packages counted ("6 boxes of 500" is 3,000 blanks only with the size beside it).
    "boxes", "packs", "cartons",
    # Fuel, transport and households of a trip's logistics ("order 4 drums of fuel", "muat 8 penumpang",
    # "240 households"): none of them is a blank.
    "drum", "drums", "jeriken", "jerigen", "jerry", "liter", "ltr", "litre", "litres", "liters", "galon",
    "gallons", "penumpang", "passengers", "seats", "kursi", "households", "rumah tangga", "trips", "perjalanan",
    # Answers to a form or survey ("Formulir ... menerima 1 tanggapan baru", "3 new responses"): no blank.
    "tanggapan", "respons", "respon", "jawaban", "response", "responses",
    # Accounts of a system ("user operator cetak kita (3 akun) tidak bisa login"): no blank.
    "akun", "account", "accounts", "user", "users",
    # Heights of a flight or a place ("ketinggian jelajah 9.500 kaki", "1.100 mdpl"): no blank.
    "kaki", "feet", "ft", "mdpl", "meter",
)
# A courier's parcels: "3 koli berisi 1.000 keping" counts what the parcels hold in all, the pieces are the
# figure (a box of blanks has a size of its own, "4 dus isi 500" is 2.000; a parcel has none).
PARCEL_UNITS: tuple[str, ...] = ("koli", "colli", "coli", "collie")
# The words that say what parcels hold: "berisi", "isi", "isinya" (not "@" or "masing-masing", which say each).
PARCEL_HOLDS_WORDS: tuple[str, ...] = ("berisi", "isinya", "isi", "total", "sebanyak")
# Between a count of blanks and the count of packages they came in: "3.000 keping dalam 6 (enam) box".
PACKED_IN_WORDS: tuple[str, ...] = ("dalam", "dlm", "sebanyak", "terdiri dari", "in", "packed in")
# Packages blanks come in; a parenthesis that opens with a count of them explains the packing of the
# figure before it ("500 lembar (2 box x 250 lembar)", "400 lembar (1 dus isi 400)"): no figure of its own.
PACKAGE_UNITS: tuple[str, ...] = (
    "box", "boks", "dus", "kardus", "karton", "koli", "pak", "pack", "pax", "bundel", "ikat", "bal", "kotak",
    "kemasan", "bungkus", "carton", "cartons", "boxes", "packs",
    # A ream, when its size is given in blanks ("2 rim (1 rim isi 500 lbr)"); alone it is paper's (OTHER_UNITS).
    "rim",
)
# Packages count no blanks by themselves ("tinggal 2 kotak je": a size unstated): a unit of something else, as
# "box" and "dus" are. ("pak" is left out: "sisa 300 Pak" addresses the reader.)
OTHER_UNITS += tuple(u for u in PACKAGE_UNITS if u not in OTHER_UNITS and u not in ("pak", "pax", "bal"))
# ... unless the mail gives the size of one ("1 pak = 100 keping", "isi 100 per pak"): then "tinggal 4 pak" counts
# packs, as "4 dus" counts boxes.
READER_PACKAGE_UNITS: tuple[str, ...] = ("pak", "pax")
# Words that lead into a bracket explaining a figure by its packages: "(ada 1 dus tambahan 100)",
# "(termasuk 2 box cadangan)", "(incl. 1 box spare)".
PACK_NOTE_LEADS: tuple[str, ...] = (
    "ada", "yaitu", "yakni", "termasuk", "trmsk", "karena", "krn", "sebab", "dengan", "dgn", "plus", "incl.",
    "incl", "including", "because of",
)
# Units of time; with "lalu" after them ("2.500 minggu lalu") they say when a figure was, and a
# count of blanks that large is no count of weeks.
TIME_UNITS: tuple[str, ...] = (
    "hari", "minggu", "mgg", "pekan", "bulan", "bln", "tahun", "thn", "days", "weeks", "months", "years",
    # "rekam 35 malam ini" (tonight), as "hari ini": no count of nights (OTHER_UNITS)
    "malam", "mlm",
)
# Glued to a figure with a hyphen, these make it a length of time ("a 2-month internship", "pelatihan 3-hari"):
# the figure is no count of blanks.
HYPHEN_DURATION_UNITS: tuple[str, ...] = (
    "hari", "minggu", "bulan", "tahun", "jam", "day", "week", "month", "year", "hour", "minute",
)
# After a time unit, these make it "today", "this week" ("cetak 133 hari ini"): no unit of the figure before.
THIS_PERIOD_WORDS: tuple[str, ...] = ("ini",)
# A figure this small before one of these and "ini" counts the periods ("ada rekam massal sekolah 2 minggu ini",
# "3 bulan ini stok tersendat"): these two weeks, a length of time, no count of blanks done this week.
FEW_PERIODS_UNITS: tuple[str, ...] = ("minggu", "mgg", "pekan", "bulan", "bln", "weeks", "months")
FEW_PERIODS_MAX = 6
AGO_WORDS: tuple[str, ...] = ("lalu", "kemarin", "kemaren", "kmrn", "yang lalu", "yg lalu", "sebelumnya")
# Supplies of the card printer: a figure said of one of these, with no blank named beside it
# ("Sisa ribbon kami tinggal 2"), counts no blanks.
SUPPLY_WORDS: tuple[str, ...] = (
    "ribbon", "ribon", "pita", "film", "tinta", "toner", "cartridge", "catridge", "kertas",
    "laminating", "laminasi", "overlay", "cleaning kit", "cleaning card",
    # The supplies named as a whole: "Yang kami butuhkan saat ini consumable printer: ribbon ..., film ...".
    "consumable", "consumables", "bahan habis pakai",
)
# Units of blanks that count any piece as well: "cleaning kit 2 pcs", "cartridge 3 buah" count supplies.
PIECE_UNITS: tuple[str, ...] = ("pcs", "pc", "buah", "bh", "biji")
# Units only printer supplies come in: "mohon dikirimi 5 roll" asks for ribbon, whatever the mail says of blanks.
SUPPLY_UNITS: tuple[str, ...] = ("roll", "rol", "rolls", "gulung", "cartridge", "catridge")
# Words after a unit that make a figure a rate ("100 keping per hari"), not a count.
RATE_WORDS: tuple[str, ...] = (
    "per hari", "perhari", "/hari", "sehari", "tiap hari", "setiap hari", "per bulan", "perbulan",
    "/bulan", "sebulan", "tiap bulan", "setiap bulan", "per minggu", "perminggu", "/minggu",
    "seminggu", "tiap minggu", "setiap minggu", "per pekan",
)

# --- Abbreviations ---------------------------------------------------------------------

# A full stop after one of these ends no clause: "blangko 1.000 keping untuk Kab. Nunukan telah
# diterima", "Stok blangko Kab. Nunukan habis (0 keping)".
ABBREVIATIONS: tuple[str, ...] = (
    "kab", "kec", "kel", "prov", "ds", "jl", "jln", "yth", "kpd", "bpk", "bp", "sdr", "sdri", "dr",
    "drs", "ir", "hj", "sos", "kom", "ttd", "tgl", "no",
    # Dotted: "Oktober s.d. Desember", "a.n. Kepala Dinas".
    "s.d", "a.n", "u.p", "d.a", "dll", "dsb", "dst", "spt",
    # English: "We're down to approx. 600 pcs".
    "approx", "appr", "ca", "est", "op",
)

# --- Identity numbers -----------------------------------------------------------------

# Labels of identity numbers (NIK, NIP, family card, phone): the digits after them are never a
# quantity, also when partly masked ("NIK saya 6503xxxxxxxx0004").
ID_LABELS: tuple[str, ...] = (
    "nik", "nip", "nkk", "nrp", "npwp", "nuptk", "no kk", "no. kk", "nomor kk", "no ktp", "no. ktp",
    "nomor ktp", "nomor induk kependudukan", "nomor kartu keluarga", "no hp", "no. hp", "nomor hp",
    "no wa", "no. wa", "nomor wa", "no telp", "no. telp", "nomor telepon",
)
# Words that may stand between such a label and its number.
ID_FILLERS: tuple[str, ...] = (
    "saya", "kami", "anak", "istri", "suami", "pemohon", "ybs", "yang bersangkutan", "yg bisa dihubungi",
    "yang bisa dihubungi", "pribadi", "kantor", "an", "a.n.", "atas nama",
)

# Labels of a parcel's tracking number ("resi JNE 0107 1233 0045 8812", "AWB: 126-4401 2289") and the words
# (couriers, "nomor") that may stand between a label and its number: its digit groups are no count.
TRACKING_LABELS: tuple[str, ...] = (
    "resi", "no resi", "no. resi", "nomor resi", "nmr resi", "awb", "no awb", "no. awb", "airway bill", "waybill",
    "tracking no", "tracking no.", "tracking number", "tracking code", "tracking id", "kode booking",
    "nomor pelacakan", "no. pelacakan", "kode pelacakan",
)
TRACKING_FILLERS: tuple[str, ...] = (
    "jne", "j&t", "jnt", "j&t express", "tiki", "pos", "pos indonesia", "sicepat", "anteraja", "lion parcel",
    "wahana", "ninja", "ninja xpress", "dhl", "fedex", "kargo", "cargo", "pengiriman", "paket", "kiriman", "no",
    "no.", "nomor", "number", "nya", "is", "adalah", "yaitu",
)

# The region codes of vehicle plates in Kalimantan ("KT 1234 AB", "KU 8812 A"): a plate's digits are no count.
VEHICLE_PLATE_CODES: tuple[str, ...] = ("kt", "ku", "kb", "kh", "da")
# Words that lead to a flight's number ("via kargo Wings Air IW 1380", "pesawat GA 512") and the codes of the
# airlines that fly to the province: the flight's number is no count.
FLIGHT_WORDS: tuple[str, ...] = (
    "pesawat", "penerbangan", "flight", "kargo", "cargo", "maskapai", "wings air", "lion air", "garuda",
    "garuda indonesia", "batik air", "citilink", "super air jet", "susi air", "sriwijaya air", "nam air",
    "xpress air", "airlines",
)
AIRLINE_CODES: tuple[str, ...] = ("iw", "jt", "ga", "id", "qg", "iu", "sj", "xn")

# --- Figures about something else -------------------------------------------------------------

# Before a figure, in its own words, these make it money or a trade term, not blanks counted:
# "harga Rp 3.500/pcs, minimal order 1.000 pcs", "receive a USD 1,000 bonus".
MONEY_WORDS: tuple[str, ...] = (
    "rp", "rp.", "idr", "usd", "us$", "$", "harga", "biaya", "tarif", "bonus", "hadiah", "diskon",
    "minimal order", "min. order", "minimum order", "minimal pemesanan", "minimum pemesanan",
    "pemesanan minimal", "order minimal", "moq", "price", "invest", "investor", "deposit",
)
# Before a figure received after another, these name the whole shipment the part completes ("seluruh kiriman 3.000
# keping sudah kami terima" after "truk kedua ... 1.500 keping sudah kami terima"): not what came now.
WHOLE_SHIPMENT_WORDS: tuple[str, ...] = (
    "seluruh kiriman", "semua kiriman", "total kiriman", "keseluruhan kiriman", "seluruh pengiriman",
    "total pengiriman", "the whole shipment", "the entire shipment", "the full shipment",
)
# Right after a shipment's figure and a word of its arrival, these say only part of it came, the part's figure
# following ("kiriman 3.000 keping dari provinsi baru diterima sebagian, 1.500 keping"): the whole is not received.
PART_ARRIVED_WORDS: tuple[str, ...] = ("sebagian", "sebagian saja", "separuh", "separuhnya", "partially", "in part")
# ... and the shipment a consequence clause says is now complete: "sisa kiriman sebanyak 1.500 keping telah tiba
# kemarin, sehingga kiriman 3.000 keping dari provinsi sudah kami terima lengkap" (the running total, not what came).
WHOLE_SHIPMENT_WORDS += (
    "sehingga kiriman", "sehingga pengiriman", "sehingga total kiriman", "jadi kiriman", "jd kiriman",
    "maka kiriman", "dengan demikian kiriman",
)
# Before a count of work done, these make it a running total up to a date, not the day's count:
# "Total perekaman s.d. 28 Februari 2023: 9.412 orang".
CUMULATIVE_WORDS: tuple[str, ...] = (
    "s.d.", "s.d", "s/d", "sd.", "sampai dengan", "hingga", "kumulatif", "akumulasi",
    "up to", "until", "year to date", "so far",
    # "total yang diterima selama periode tersebut 26.500 keping" (a reconciliation of January to November),
    # "received since the start of the year": the sum of many shipments over a long period.
    "selama periode tersebut", "selama periode itu", "selama periode ini", "sepanjang periode", "sepanjang tahun",
    "selama tahun", "sejak awal tahun", "since the start of the year", "since the beginning of the year",
    "throughout the year",
    # "Printed this month to date: 1,950": a month's running total.
    "to date", "month to date", "this month to date", "month-to-date", "year-to-date",
)
# Opening a sentence, followed by a date, these bound the work done since a long start: "Sampai 27 Mei 2027 kami
# telah mencetak ulang 1.048 KTP-el", "Hingga tanggal 20/5 sudah tercetak 640 keping": a running total, not the
# day's count. (A moment of the day, "s.d. pukul 11.00: rekam 87", bounds the day's report and is no such total.)
UP_TO_DATE_WORDS: tuple[str, ...] = (
    "sampai", "sampai dengan", "sampai dgn", "hingga", "s.d.", "s/d", "as of", "up to", "until",
)
DATE_LEAD_WORDS: tuple[str, ...] = ("tanggal", "tgl", "tgl.", "hari", "hr")
# Right after a figure, these make it a part of the figure before it ("2.000 keping ... telah kami
# terima, namun 12 keping di antaranya rusak"), not a figure of its own.
PART_OF_PREVIOUS_WORDS: tuple[str, ...] = (
    "di antaranya", "diantaranya", "dari jumlah tersebut", "dari jumlah itu", "darinya", "of which",
    "of them",
)

# --- Approximation and bounds --------------------------------------------------------------

# Nouns and verbs of an estimate, said right before its figure ("sisa blangko perkiraan 1.500 keping", "stok
# estimasi 1.500", "diperkirakan 2.000"): the figure is guessed, as after "sekitar"; a round one is no count to book.
ESTIMATE_NOUNS: tuple[str, ...] = (
    "perkiraan", "perkiraannya", "estimasi", "estimasinya", "diperkirakan", "diestimasi", "diestimasikan",
    "taksiran", "ditaksir", "estimated", "approximately", "roughly",
)
# A number right after one of these is an estimate or a bound, never an exact count.
APPROX_BEFORE: tuple[str, ...] = ESTIMATE_NOUNS + (
    "sekitar", "sekitaran", "sekira", "kira-kira", "kira kira", "hampir", "lebih dari", "kurang dari", "di bawah",
    "dibawah", "di atas", "diatas", "minimal", "maksimal", "min.", "maks.", "max", "paling sedikit",
    "paling banyak", "tidak sampai", "tdk sampai", "belum sampai", "tak sampai", "approx",
    "around", "about", "less than", "more than", "under", "below", "tidak lebih dari",
    "tidak kurang dari", "sampai dengan", "s.d.", "s/d", "hingga", "rata-rata", "rata rata",
    "ratarata",
    # Sundanese and Javanese "about": "sakitar sarebu keping", "kinten-kinten 900"
    "sakitar", "kinten-kinten", "kinten kinten", "kira-kira wae",
    # a bound in signs: "stok kami < 500", "sisa <= 300" (never ">": a quoted line's mark)
    "<", "<=", "≤", "≥",
)
# A number right before one of these is an estimate ("750 lebih", "650an", "1rb kurang dikit").
APPROX_AFTER: tuple[str, ...] = (
    "an", "-an", "lebih", "an-an", "an lebih", "an keping", "lebih sedikit", "keatas", "ke atas",
    "kurang dikit", "kurang sedikit", "kurang sdkt", "lebih dikit", "lbh dikit",
)
# A number right before one of these, closing its clause or before a word that closes it, is a bound, "300 or
# more": "KIA blanko left 300 plus only", "300-odd pcs left." ("1,000 plus 500 KIA" adds a figure, "300 plus yang
# di UPT" a place: neither is a bound.)
OPEN_BOUND_AFTER: tuple[str, ...] = ("plus", "-plus", "odd", "-odd")
OPEN_BOUND_CLOSERS: tuple[str, ...] = (
    "only", "saja", "aja", "sj", "je", "lagi", "lg", "left", "remaining", "pcs", "pieces", "keping", "kpg", "lbr",
    "lembar", "blanko", "blangko", "blanks", "cards",
)
# Between two different figures, these make them a range or a choice, not one number: "1.000 - 2.000",
# "1.000 s/d 1.500", "2.000 atau 2.500", "1000 ato 1500 terserah prov", "1,000 or 1,500". Each is read as an
# estimate (null and a doubt): a clerk asks which figure is meant. ("from 2,000 to 2,500" is a change, not a range.)
RANGE_OR_CHOICE_WORDS: tuple[str, ...] = (
    "-", "~", "s/d", "s.d.", "s.d", "sd", "s d", "sampai", "sampai dengan", "sampe", "smp", "hingga",
    "atau", "ato", "atw", "ataw", "atau mungkin", "ato mungkin", "/", "or", "or maybe",
)
# ... and these after a comma ("Sisa stok 450 keping, atau 480 keping"): the writer gives a second figure.
CHOICE_AFTER_COMMA_WORDS: tuple[str, ...] = (
    "atau", "ato", "atw", "ataw", "atau mungkin", "ato mungkin", "or", "or maybe", "or perhaps",
)
# A number right after one of these is the figure stated, written as a round one: a clerk reads
# "± 1.200" and "kurang lebih 1.200" as 1.200, but an exact figure for the same role beside it
# ("stok ± 400 keping, tepatnya 396") wins.
ABOUT_BEFORE: tuple[str, ...] = ("kurang lebih", "lebih kurang", "kurleb", "kl.", "±", "+/-", "+-", "lk.")
# Right after a figure (in brackets or after a comma), these give the exact figure it rounds: "1.2 rb keping
# (tepatnya 1.225)". The figure before is then a round one, as after "±", and the exact one wins.
EXACT_FIGURE_WORDS: tuple[str, ...] = ("tepatnya", "persisnya", "tepatnya sih", "exactly", "precisely", "to be exact")

# --- Items ---------------------------------------------------------------------------------

KTP_WORDS: tuple[str, ...] = (
    "ktp-el", "ktp el", "ktpel", "ktp-elektronik", "ktp elektronik", "e-ktp", "e ktp", "ektp",
    "e-ktp", "kartu tanda penduduk", "ktp",
)
KIA_WORDS: tuple[str, ...] = ("kia", "kartu identitas anak", "k.i.a")
# "blangko" alone names the KTP-el blank at this desk (the KIA blank is always named).
GENERIC_BLANK_WORDS: tuple[str, ...] = ("blangko", "blanko", "blangkho", "blankgo", "blnko", "blangka")

# --- Roles ---------------------------------------------------------------------------------

# Words and phrases that give a number its role. Phrases are matched before single words, so
# "tambahan stok" (more stock: a request) beats "stok" (stock on hand).
# A role of "ignore" swallows a number that counts something else (damaged, pending, usage).
ROLE_PHRASES: dict[str, tuple[str, ...]] = {
    "requested": (
        "mohon", "mhn", "memohon", "dimohon", "mohonkan", "dimohonkan", "permohonan", "permintaan", "meminta",
        "diminta", "minta",
        # "tolong mintakan ke provinsi 2.500 keping": asking it of the province on someone's behalf is asking it.
        "mintakan", "memintakan", "dimintakan",
        # ... and so is telling a colleague to put it forward, in a request relayed by the district office
        # ("Bu, tolong ajukan ke provinsi blangko KTP-el sebanyak 2.500 keping", "tlg usulkan 800 keping").
        "tolong ajukan", "tlg ajukan", "tolong usulkan", "tlg usulkan", "kami usulkan", "saya usulkan", "sy usulkan",
        # "kami ajukan 1.200 keping": what the writer puts forward is what they ask.
        "kami ajukan", "sy ajukan", "saya ajukan",
        # "mau ajukan blangko ktp 1.500 keping": what the writer wants to put forward.
        "mau ajukan", "mo ajukan", "mw ajukan", "ingin ajukan", "pengen ajukan", "mau mengajukan",
        # "Bulungan izin ajukan 1.200 keping ya Pak": asking leave to put forward is putting it forward.
        "izin ajukan", "ijin ajukan", "izin mengajukan", "ijin mengajukan",
        "mengajukan", "diajukan", "pengajuan", "usulan", "mengusulkan", "diusulkan", "butuh",
        "membutuhkan", "dibutuhkan", "butuhkan", "perlu", "memerlukan", "diperlukan", "memesan", "perlukan",
        "request", "requesting", "kekurangan", "dropping", "alokasi", "mengharapkan",
        # English mail.
        "please send", "kindly send", "make it", "please supply", "kindly supply", "please provide", "requested",
        "we request", "we need", "need", "require", "requires", "would like", "please allocate",
        "we'd like", "we\u2019d like", "we'd need", "we\u2019d need", "we'll need", "we\u2019ll need",
        "requests", "kindly requests", "kindly request", "is requesting", "are requesting", "we are requesting",
        "could you send", "can you send", "could you please send", "can you please send", "send us",
        "please send us",
        # Singlish drops the subject of the ask: "Hi, can send 2k pcs e-KTP blanko or not?"
        "can send", "can pls send", "can please send", "can approve", "can pls approve", "can please approve",
        "tambahan stok", "penambahan stok", "tambah stok", "menambah stok", "pengisian stok",
        "tambahan persediaan", "menambah persediaan", "penambahan persediaan", "permintaan stok",
        "isi ulang stok", "restock", "tambahan", "penambahan", "menambah", "ditambah", "tambah",
        "tambahkan", "ditambahkan", "kebutuhan", "kirim", "kirimkan", "distribusikan",
        "didistribusikan",
        # A request put as a question: "Apakah bisa dikirim 1.500 keping minggu ini?"
        "bisa dikirim", "dapat dikirim", "bisa dikirimkan", "dapat dikirimkan", "bisakah dikirim",
        "dapatkah dikirim", "bisa minta", "boleh minta",
        "bisa sekalian dikirim", "dapat sekalian dikirim", "bisa sekalian dikirimkan",
        "dapat sekalian dikirimkan", "bisa segera dikirim", "dapat segera dikirim",
        "bisa segera dikirimkan", "dapat segera dikirimkan", "sekalian dikirim", "sekalian dikirimkan",
        # Typos of quick messages.
        "mohn", "mhon", "tambhan", "tmbhn", "tambahn", "tmbahan", "penambhan",
        # "Kalau bisa sekalian KIA 200 lembar": one more thing asked along with the first.
        "sekalian",
        # A figure asked to be raised or lowered to ("Blangko KTP-el naikkan jd 3.000 saja", "naikin jadi
        # 3.000 ya"): the causative forms only; "stok naik jadi 2.000" says what the stock did.
        "naikkan", "naikan", "naikin", "dinaikkan", "dinaikan", "dinaikin", "tolong naikkan",
        "turunkan", "turunin", "diturunkan", "diturunin",
        # Shorthand of "please" in English quick mail.
        "pls send", "plz send", "pls supply", "pls provide", "pls allocate",
        # A request raised or lowered in English: "please revise our request down to 1,200 pieces".
        "request down to", "request up to", "revise our request to", "revise the request to",
        "reduce our request to", "lower our request to", "increase our request to", "raise our request to",
        "reduce the request to", "lower the request to", "increase the request to", "raise the request to",
    ),
    "stock_on_hand": (
        "sisa", "tersisa", "menyisakan", "stok", "stock", "stoknya", "persediaan", "tinggal", "kantun",
        "saldo", "tersedia", "ketersediaan", "sisanya", "sisa stok", "sisa blangko", "posisi stok",
        "stok akhir", "stock akhir", "saldo akhir", "persediaan akhir", "closing stock", "closing balance",
        "sisa akhir", "stok saat ini", "on hand", "remaining", "left",
        # "We're down to approx. 600 pcs": what is left.
        "down to", "we're down to", "we are down to",
        # Quick-message shorthand of "stok": "lap hr ini prkmn 15 ctk 22 stk 438".
        "stk", "stck",
        # A phone's autocorrect of "sisa": "Rekam 67 cetak 61 sosa 1.512".
        "sosa", "siaa", "sisq",
        # A physical count is a stock figure too, and may disagree with the register's.
        "hitung fisik", "hasil hitung fisik", "perhitungan fisik", "stok fisik", "cek fisik", "fisik",
        "penghitungan fisik", "hasil penghitungan fisik", "physical count", "physical stock",
    ),
    "received": (
        "terima", "diterima", "menerima", "kami terima", "penerimaan", "sampai", "tiba",
        "trima", "ditrima", "kami trima", "nyampe", "nyampai",
        # Javanese (krama): "sampun kami tampi" is "sudah kami terima".
        "tampi", "kami tampi", "ditampi", "dipuntampi", "dipun tampi",
        "sudah sampai", "telah sampai", "telah tiba", "sudah tiba", "received", "receive",
        "kedatangan", "masuk", "blangko masuk",
        # "Blangko baru datang 1.000 keping, sisanya menyusul": what came is a receipt's count, in its own words.
        "baru datang", "sudah datang", "sdh datang", "telah datang", "yang datang", "yg datang",
        # ... typed on a phone: "pak br dtg 1.200 keping, sisanya nyusul"
        "br dtg", "br datang", "baru dtg", "sdh dtg", "udh dtg", "udah dtg", "sudah dtg",
        # Quick messages: "blangko ktp 1rb sdh sampe", "udh trma 1rb blangko" ("sampe" alone is "until").
        "sdh sampai", "udah sampai", "udh sampai", "dah sampai", "tlh sampai", "sudah sampe", "sdh sampe",
        "udah sampe", "udh sampe", "dah sampe", "tlh sampe", "sdh tiba", "udah tiba", "udh tiba", "trma",
        "ditrma", "kami trma",
    ),
    "printed": (
        "pencetakan", "cetak", "dicetak", "tercetak", "mencetak", "pencetakkan", "printed",
        "print", "cetakan",
        # Typos of quick reports.
        "pencetkan", "pencetakn", "pecetakan", "pncetakan", "pencetakaan", "pencatakan",
        "ctk", "cetk", "pnctk", "pnctkn",
        # "rek 11 cet 11 sisa 46": the first syllable alone, as "rek" for recording.
        "cet",
    ),
    "recorded": (
        "perekaman", "rekam", "direkam", "terekam", "merekam", "perekamam", "recorded",
        "recording", "rekaman",
        # The English plural as a list label: "- Recordings (KTP-el): 151".
        "recordings",
        # Typos of quick reports.
        "perkaman", "prekaman", "perekeman", "perekamn", "perekman", "perrekaman",
        # Shorthand of quick reports ("rkm 120 ctk 96 sisa 690").
        "rkm", "rekm", "prkm", "prkmn",
        # "rek 122, cetak 109, sisa 612 kpg": the first syllable alone, beside the other counts of the day.
        "rek",
        # A phone's autocorrect splitting or bending the word: "perekam an 102".
        "perekam an", "perekamam", "perekamab",
    ),
    "ignore": (
        "rusak", "gagal", "gagal cetak", "blangko rusak", "belum rekam", "belum direkam",
        "belum cetak", "belum dicetak", "belum perekaman", "belum pencetakan", "antrian", "antrean",
        "prr", "print ready record", "pemakaian", "terpakai", "penggunaan", "digunakan", "dipakai",
        "kumulatif", "akumulasi", "total bulan", "bulan ini", "minggu ini", "tahun ini",
        "sampai dengan hari ini", "s.d. hari ini", "s/d hari ini", "wajib ktp", "penduduk",
        "target", "rata-rata", "ambang", "batas", "sebelumnya", "bulan lalu", "minggu lalu", "kirim balik", "retur",
        "dikembalikan", "bukan", "not", "sanes", "bukang",
        # The figure a correction takes back: "yang benar 1.200 (kemarin salah ketik 800)".
        "salah ketik", "salah tulis", "salah input", "typo", "tertulis", "kami tulis", "sebelumnya tertulis",
        # What is left of a shipment still on its way is not the district's stock.
        # The stock a report opened the day with; the closing stock is the stock now.
        "stok awal", "stock awal", "saldo awal", "sisa awal", "persediaan awal", "stok kemarin",
        "sisa kemarin", "opening stock", "opening balance",
        "sisa kiriman", "sisa pengiriman", "sisa alokasi", "sisa dropping", "sisa distribusi",
        "kekurangan kiriman", "kekurangan pengiriman", "sisa yang belum dikirim", "sisa yg belum dikirim",
        # A plan is not what was done; an allocation set by the centre or the province is not an ask.
        "rencana perekaman", "rencana pencetakan", "alokasi nasional", "alokasi pusat", "alokasi provinsi",
        "alokasi kita", "alokasi per provinsi", "national allocation",
        # "make it 3,000 instead of 2,000": the figure set aside.
        "instead of", "rather than",
        # The recording device, not the recording: "2 unit alat rekam mobile (S/N ...) rusak kena air".
        "alat rekam", "alat perekaman", "perangkat rekam", "perangkat perekaman", "alat perekam", "mesin rekam",
        "recording kit", "recording device",
    ),
}
# After a stock word's figure in its clause, these make it what is left of a shipment, still on
# its way: "sisanya 1.000 keping belum sampai", "sisanya masih di ekspedisi" (a denied arrival
# counts too). That is no stock on hand.
IN_TRANSIT_PHRASES: tuple[str, ...] = (
    "dalam perjalanan", "masih di jalan", "masih di ekspedisi", "masih di pelabuhan", "di ekspedisi",
    "masih di kapal", "menyusul", "akan menyusul", "belum dikirim", "blm dikirim", "belum dikirimkan",
    "belum diterima", "belum kami terima", "belum sampai", "blm sampai", "belum tiba", "blm tiba",
    "belum datang", "blm datang",
    # English: "the remaining 1,100 will follow next week" is the rest of a shipment, never the stock.
    "will follow", "to follow", "will arrive", "will be sent", "will be delivered", "will be shipped",
    "on the way", "on its way", "on their way", "in transit", "still coming", "not yet arrived", "yet to arrive",
    "still on the ship", "still at the port", "still with the courier",
    # The rest of a request not yet granted ("sisa 500 keping yang belum disetujui") is no stock either.
    "belum disetujui", "blm disetujui", "belum direalisasikan", "belum terealisasi", "belum dipenuhi",
    "belum terpenuhi", "not yet approved",
)
# "The rest of it": a figure said with one of these and then asked to be sent ("Sisanya 200 mohon
# dikirim") is what a shipment still lacks, not the stock.
REST_OF_WORDS: tuple[str, ...] = (
    "sisanya", "selebihnya", "kekurangannya", "sisa kirimannya", "the rest", "the remaining",
)
# In a receipt of part of a shipment, a sentence with one of these asks for the rest of what was asked and is part
# of the receipt: "telah kami terima 2.000 dari 2.500 keping ... Mohon kekurangan 500 keping dapat dikirim
# menyusul", "Sisa permohonan kami sebanyak 500 keping mohon dapat dikirim".
REST_OF_SHIPMENT_ASKED_WORDS: tuple[str, ...] = REST_OF_WORDS + (
    "mohon kekurangan", "kekurangan tersebut", "kekurangan sebanyak", "sisa permohonan", "sisa permintaan",
    "sisa kiriman", "kurangnya",
)
# ("kekurangan" alone is left out: "kami masih kekurangan blangko, mohon dikirim lagi" asks anew.)
# ... and said with one of these after it ("Sisanya 1.000 keping sudah sampai hari ini"), it is the rest of a
# shipment that has come: a part of a receipt, not the stock.
ARRIVED_PHRASES: tuple[str, ...] = (
    "sudah sampai", "sdh sampai", "telah sampai", "baru sampai", "sudah tiba", "sdh tiba", "telah tiba",
    "baru tiba", "sudah datang", "sdh datang", "telah datang", "baru datang", "sudah diterima", "sdh diterima",
    "br dtg", "br datang", "baru dtg", "sdh dtg", "udh dtg", "udah dtg", "sudah dtg",
    "telah diterima", "sudah kami terima", "sdh kami terima", "telah kami terima", "sudah masuk", "telah masuk",
    "arrived", "has arrived", "have arrived", "came", "has come", "was received", "were received",
)
# A receipt that says the rest of its shipment is still coming counts a part, not a final shortfall
# (mailbot.followup.rest_coming). The rest, named: "sisanya 800", "kekurangannya", "the rest (1,200)", "the
# remaining 1,200".
SHIPMENT_REST_WORDS: tuple[str, ...] = (
    "sisa", "sisanya", "sisaan", "sisaannya", "kekurangan", "kekurangannya", "selebihnya", "kurangnya",
    "the rest", "the remaining", "remaining", "the remainder", "remainder", "the balance", "the other",
    # the next stage or the other parcels: "gelombang berikutnya masih dalam perjalanan", "3 koli lainnya belum
    # datang", "the next batch will follow"
    "gelombang berikutnya", "gelombang selanjutnya", "tahap berikutnya", "tahap selanjutnya", "kiriman berikutnya",
    "kiriman selanjutnya", "pengiriman berikutnya", "pengiriman selanjutnya", "koli lainnya", "koli lain",
    "dus lainnya", "kardus lainnya", "box lainnya", "boks lainnya", "paket lainnya", "yang lainnya", "yg lainnya",
    "sebagian lagi", "sebagian lainnya", "the next batch", "the second batch", "the other batch", "the next part",
    # a parcel counted after the first: "dus kedua blm sampe", "koli ke-2 belum tiba", "paket berikutnya"
    *(f"{parcel} {nth}" for parcel in ("dus", "kardus", "koli", "box", "boks", "paket", "bal", "ikat", "kotak")
      for nth in ("kedua", "ke-2", "ke 2", "ketiga", "ke-3", "berikutnya", "selanjutnya", "satunya", "yang lain",
                  "yg lain")),
)
# ... said to be still on its way, within the clause after the rest or a count of "more" ("800 lagi", "1,200
# more"): "sisanya masih di kapal", "sisa 800 katanya dikirim minggu depan", "the rest is still on the ship",
# "the remaining 1,200 will arrive next week", "1,200 more to follow".
REST_ON_ITS_WAY_PHRASES: tuple[str, ...] = (
    "dalam perjalanan", "dalam pengiriman", "di jalan", "dijalan", "di ekspedisi", "diekspedisi", "di kapal",
    "dikapal", "di pelabuhan", "dipelabuhan", "di kurir", "dikurir", "di bandara", "dibandara",
    "belum sampai", "blm sampai", "belum tiba", "blm tiba", "belum datang", "blm datang", "belum kami terima",
    "belum diterima", "dikirim", "dikirimkan", "diantar", "menyusul", "nyusul",
    # spoken: "dus kedua blm sampe", "blm nyampe", "belum masuk"
    "belum sampe", "blm sampe", "belom sampe", "belum nyampe", "blm nyampe", "belum masuk", "blm masuk",
    "on the way", "on its way", "on their way", "to follow", "will follow", "will be sent", "will be delivered",
    "will be shipped", "will arrive", "will come", "still coming", "coming later", "in transit", "on the ship",
    "on the boat", "on board", "at the port", "at the harbour", "at the harbor", "with the courier",
    "not yet arrived", "not arrived yet", "yet to arrive", "yet to come", "not yet received", "not received yet",
    "has not arrived", "have not arrived", "hasn't arrived", "haven't arrived", "has not come", "have not come",
)
# The missing part of a shipment found after the district reported it short (mailbot.followup.missing_found):
# the figure named as what was missing, right before it ("kekurangan 100 keping", "the missing 100") or right
# after it ("100 keping yang kurang", "100 that were missing") ...
MISSING_BEFORE_WORDS: tuple[str, ...] = (
    "kurang", "kekurangan", "kekurangannya", "kurangnya", "selisih", "selisihnya", "yang kurang", "yg kurang",
    "yang hilang", "yg hilang", "the missing", "missing", "the shortfall of", "shortfall of", "the other",
)
MISSING_AFTER_WORDS: tuple[str, ...] = (
    "yang kurang", "yg kurang", "yang kurang itu", "yang hilang", "yg hilang", "yang selisih", "yg selisih",
    "kekurangannya", "kurangnya", "yang tadinya kurang", "yang tadi kurang", "yang kemarin kurang",
    "that were missing", "which were missing", "missing",
)
# ... and said to be found: "terselip di dus lain", "sudah ditemukan", "ternyata ada", "found in another box".
MISSING_FOUND_PHRASES: tuple[str, ...] = (
    "terselip", "ketemu", "sudah ketemu", "ditemukan", "sudah ditemukan", "telah ditemukan", "diketemukan",
    "ternyata ada", "sudah ada", "ada di dus lain", "ada di kardus lain", "ada di box lain", "tercampur",
    "terbawa", "salah hitung", "terhitung", "found", "were found", "was found", "turned up", "located",
)
# ... or the count said to be whole now: "jadi lengkap 2.000 keping", "so all 2,000 are complete".
NOW_COMPLETE_PHRASES: tuple[str, ...] = (
    "jadi lengkap", "jadi sudah lengkap", "sudah lengkap", "ternyata lengkap", "kini lengkap", "sekarang lengkap",
    "menjadi lengkap", "lengkap sesuai", "all complete", "are complete", "is complete", "now complete",
    "complete now", "all accounted for",
)
# ... or said alone, with no figure or word for the rest needed: "sisanya menyusul", "800 lagi nyusul katanya".
REST_COMING_WORDS: tuple[str, ...] = ("menyusul", "nyusul")
# Packs of blanks counted as not yet come: "ada 1 pak (100 keping) belum sampai", "2 dus masih di ekspedisi".
COUNTED_PACKS: tuple[str, ...] = ("pak", "pack", "dus", "kardus", "koli", "box", "boks", "bal", "ikat", "kotak")
# A count said to be what came so far: more of the shipment is awaited ("we have received 800 blanks so far",
# "sejauh ini baru 800 keping yang sampai").
SO_FAR_PHRASES: tuple[str, ...] = (
    "so far", "thus far", "up to now", "as of now", "as yet", "sejauh ini", "untuk sementara", "sementara ini",
    "sampai saat ini baru", "sampai sekarang baru", "hingga saat ini baru", "hingga kini baru",
)
SEND_ASK_PHRASES: tuple[str, ...] = (
    "mohon dikirim", "mohon segera dikirim", "mohon dikirimkan", "mohon segera dikirimkan", "agar dikirim",
    "agar segera dikirim", "harap dikirim", "tolong dikirim", "bisa dikirim", "dapat dikirim", "mohon dilengkapi",
    "please send", "kindly send", "mohon bisa dikirim", "mohon dapat dikirim", "mohon bisa dikirimkan",
    "mohon dapat dikirimkan",
)
# Before "the rest of it" asked to be sent, any of these says part of a shipment came ("yang sampai baru 400
# lembar. Sisanya 200 mohon dikirim"): the rest is what the shipment lacks, no new ask. With none of them
# ("yg 1.100 kami tunggu. sisanya 400 keping mohon bisa dikirim", after a partial approval) the rest of the
# request is what is asked now.
REST_ARRIVED_BEFORE_WORDS: tuple[str, ...] = (
    "sampai", "nyampe", "tiba", "datang", "diterima", "terima", "trima", "masuk", "arrived", "received", "came",
)
# A clause that says there is nothing left states a stock of zero: "blangko KIA kami tdk ada sisa".
ZERO_STOCK_PHRASES: tuple[str, ...] = (
    "tidak ada sisa", "tdk ada sisa", "tak ada sisa", "gak ada sisa", "ga ada sisa", "sudah tidak ada sisa",
    "tidak tersisa", "tdk tersisa", "tak tersisa", "tidak bersisa", "sisa nol", "sisanya nol", "stok nol",
    "habis", "sudah habis", "sdh habis", "telah habis", "udah habis", "kosong", "nihil", "out of stock",
    "run out", "ran out", "abis", "sdh abis", "udah abis", "sudah tidak ada", "sdh tidak ada", "sudah tdk ada",
    "sdh tdk ada",
    # English: "our remaining stock of KIA blanks is nil", "we have zero KIA blanks left", "none left".
    "nil", "zero", "none left", "nothing left", "no blanks left", "no cards left",
)
# After a zero word, a blank's name and "left" say the stock of that blank: "zero KIA blanks left".
LEFT_AFTER_WORDS: tuple[str, ...] = ("left", "remaining", "in stock", "on hand")
# Before a zero-stock word, these make it a worry or a plan, not a stock of zero: "hampir habis",
# "sebelum stok habis", "akan habis minggu depan".
NOT_YET_ZERO_WORDS: tuple[str, ...] = (
    "hampir", "nyaris", "akan", "mau", "segera", "sebelum", "menjelang", "hingga", "sampai",
    "jika", "kalau", "bila", "agar tidak", "supaya tidak", "biar tidak", "tidak", "belum", "blm",
    "about to", "before", "nearly", "almost",
    # A forecast: "paling 2 hari lagi habis", "diperkirakan habis", "bisa habis".
    "hari lagi", "minggu lagi", "pekan lagi", "bulan lagi", "diperkirakan", "perkiraan", "kira-kira", "bakal",
    "bisa", "keburu", "will", "would", "could", "may", "expected to", "likely to",
    # Javanese "meh telas", "badhe telas", "arep entek", Banjar "handak habis" (almost, about to)
    "meh", "mèh", "badhe", "bade", "arep", "handak", "hendak", "hampir-hampir",
)
# Right before a zero-stock word, these say how fast the stock is used, not that it is gone: "stok kami cepat
# habis karena pelayanan keliling", "blangko selalu cepat habis" (a rate; the stock now is not said).
RATE_BEFORE_ZERO_WORDS: tuple[str, ...] = (
    "cepat", "cepet", "lebih cepat", "terlalu cepat", "cepat sekali", "sangat cepat", "mudah", "gampang",
    "sering", "selalu", "biasanya", "quickly", "fast", "quicker", "faster",
)
# Right before a zero-stock word, these say the blank ran out once and is not said to be out now: "blangko sempat
# habis pada 12 Januari sebelum kiriman tiba", "stok pernah kosong seminggu".
WAS_OUT_BEFORE_ZERO_WORDS: tuple[str, ...] = ("sempat", "sempet", "smpt", "pernah", "sempat juga", "pernah juga")
# After a zero-stock word, these make it a forecast: "habis dalam 5 hari", "habis minggu depan".
ZERO_LATER_WORDS: tuple[str, ...] = (
    "dalam", "dlm", "kurang dari", "minggu depan", "pekan depan", "bulan depan", "besok", "lusa",
    "sebelum", "menjelang", "in", "within", "by", "next week", "next month", "soon", "segera",
)
# These zero words say zero of a stock only beside a stock word ("stok blangko kosong"): beside
# a blank alone they may name the blank itself ("blangko kosong", an empty form).
STOCK_ONLY_ZERO_WORDS: tuple[str, ...] = ("kosong", "nihil")
# Right after a role word and its colon, these state a figure of zero: "Perekaman: nihil".
ZERO_VALUE_WORDS: tuple[str, ...] = ("nihil", "nol", "kosong", "habis", "tidak ada", "tdk ada", "none", "zero")
# Right after a role word with no colon, at the end of its clause, these too state zero ("perekaman nihil,").
BARE_ZERO_WORDS: tuple[str, ...] = ("nihil", "nol", "nil")
# A sentence opened by one of these corrects a figure said before it: "Ralat: yang benar 2.000
# keping", "Ralat: pencetakan yg benar 158". The corrected figure replaces the earlier one of its role.
CORRECTION_OPENERS: tuple[str, ...] = (
    "ralat", "koreksi", "revisi", "perbaikan", "yang benar", "yg benar", "yang betul", "yg betul",
    "salah ketik", "salah tulis", "typo", "maksud kami", "maksudnya",
    # English mail: "we would like to increase it to 1,500 cards".
    "correction", "should be", "increase it to", "increase to", "increased to", "change it to",
    "changed to", "revise it to", "revised to", "instead",
)
# Right after a correction opener, these name the paper being corrected ("koreksi tanda terima Sdr. Hendrikus: pak
# yang 40 keping ternyata terselip ... Jadi yang kami terima lengkap 540 keping"): the receipt word in the name
# gives no figure after it its role; the figure corrected is the one said with its own words.
CORRECTED_PAPER_WORDS: tuple[str, ...] = (
    "tanda terima", "bukti terima", "bukti penerimaan", "berita acara penerimaan", "receipt note",
)
# Agreeing to a figure on its own, in a chat or a reply ("Ok 1.500", "Siap, 1.500", "Setuju 2.000"): the
# figure agreed settles the one proposed before it.
AGREED_FIGURE_LEADS: tuple[str, ...] = (
    "ok", "oke", "okay", "okey", "okelah", "ok deh", "oke deh", "siap", "setuju", "sepakat", "deal", "agreed",
    "sip", "baiklah",
)
# After one of these, a number without a role word of its own takes the role named earlier in
# its clause: "stok ± 400 keping, tepatnya 396 keping"; "KTP-el 2.000 keping dan KIA 500 keping"; "we need 2,000
# KTP-el blanks and 500 KIA blanks".
CONTINUATION_WORDS: tuple[str, ...] = ("tepatnya", "persisnya", "yaitu", "yakni", "dan", "serta", "lalu", "and", "plus",
                                       "as well as")
# A clause of only one of these and a figure closes the sentence's noun of asking or need over a clause said between
# ("kami sampaikan kebutuhan blangko KTP-el ..., yang akan digunakan untuk ..., sebanyak 4.000 keping").
AMOUNT_CLAUSE_LEADS: tuple[str, ...] = ("sebanyak", "sejumlah", "sebesar", "yaitu sebanyak", "yakni sebanyak")

# Between a stock word and its figure, these make it someone else's stock ("stok di gudang
# provinsi 66.000"), which is no figure of the writing district.
OTHER_HOLDER_WORDS: tuple[str, ...] = (
    "provinsi", "prov.", "pusat", "kemendagri", "ditjen", "dirjen", "nasional", "se-kaltara",
    "se-provinsi", "kabupaten lain", "kab. lain",
    "kementerian", "kementerian dalam negeri", "ministry", "the province", "province",
    # As a chat writes it: "[09.01] Pak Yoga Prov: stok prov msh 40 ribu ya".
    "prov",
)
# Right before another holder's name, these make it whom the writer speaks to, not a holder of the stock: "selamat
# siang bapak ibu di provinsi blangko yang kami selamatkan tinggal empat ratus" (a voice note typed with no full
# stop), "Yth. Bapak/Ibu di Provinsi".
ADDRESSEE_BEFORE_HOLDER: tuple[str, ...] = (
    "bapak ibu di", "bapak/ibu di", "bapak dan ibu di", "bpk ibu di", "bpk/ibu di", "pak bu di", "bapak di",
    "ibu di", "rekan-rekan di", "rekan di", "teman-teman di", "kawan-kawan di", "yth", "yth.", "kepada yth",
    "kepada",
)
# An office inside the district (a kecamatan's service unit): a figure found kept there ("ada 600 keping di
# lemari UPT Tanjung Palas") is a part of the district's stock, not its stock.
SUBUNIT_WORDS: tuple[str, ...] = ("upt", "uptd", "upt disdukcapil", "upt dukcapil")
# A service counter, only when a name of its place follows ("Stok di loket Sebatik tinggal 60 keping", "loket
# kecamatan Mentarang sudah kosong"): that counter's part of the district's stock. ("Sisa di loket 200", the
# writer's own counter unnamed, is no part.)
NAMED_SUBUNIT_WORDS: tuple[str, ...] = SUBUNIT_WORDS + ("loket", "counter", "pos", "pos pelayanan")
# Between an office named as a clause's subject and its stock's figure or zero word, only these stand: "karena
# UPT Sebatik masih ada stok 420 keping", "loket Sebatik sisa 12 keping", "UPT Krayan sudah habis". (An office
# after "di", "dari", "untuk" or "maupun" is no such subject: "Kami dari UPT Sebatik ...", "di Kantor Dinas
# maupun di UPT Sebatik sudah kosong".)
SUBUNIT_STOCK_FILLERS: tuple[str, ...] = (
    "masih", "msh", "ada", "stok", "stock", "sisa", "tersisa", "tinggal", "tgl", "hanya", "cuma", "sudah",
    "sdh", "udah", "telah", "juga", "jg", "saat ini", "skrg", "sekarang",
)
SUBUNIT_NOT_SUBJECT_BEFORE: tuple[str, ...] = (
    "di", "pada", "at", "dari", "dr", "untuk", "utk", "maupun", "dan", "serta", "kami", "saya",
)
# Said of a stock, these put it "there", at the place the sentence named before, not with the writer: "mohon
# blangko KIA utk Sebatik 600 keping, sisa disana 40": that place's part, not the district's stock.
THERE_WORDS: tuple[str, ...] = ("disana", "di sana", "disitu", "di situ", "dsana")
# A kecamatan's mail forwarded by its district, in the kecamatan's own words ("kami Kec. Lumbis mohon 300 keping,
# sisa di kecamatan 20 keping"): the stock and work it states are the kecamatan's, not the district's; only the
# forwarding district's own words give those.
KECAMATAN_WORDS: tuple[str, ...] = ("kec", "kec.", "kecamatan")
KECAMATAN_WRITER_LEADS: tuple[str, ...] = (
    "kami", "kami dari", "kami di", "saya dari", "saya di", "kami pihak", "dari pihak", "we at", "we are from",
)
# A forwarded mail's sender ("Dari: Kec Sebatik <kec.sebatik@...>", "From: Camat Lumbis", an address
# "camat.lumbis@...") or its signature line ("Camat Sebatik", "Kantor Kecamatan Krayan") naming one of these
# words: the mail is a kecamatan's, and so are its figures. (An UPT's report the district passes on with words of
# its own, "Pak, laporan UPT di bawah", is the district's report: UPT is none of them.)
KECAMATAN_SENDER_WORDS: tuple[str, ...] = KECAMATAN_WORDS + (
    "camat", "sekcam", "sekretaris camat", "kantor camat", "kantor kecamatan",
)
# Right before the kecamatan's word in a forwarded sender or signature line, these name the district's own staff
# posted there ("Operator Kec. Malinau Kota", "petugas rekam kec. Pujungan"): their report is the district's.
DISTRICT_STAFF_WORDS: tuple[str, ...] = ("operator", "petugas", "admin", "staf", "staff", "operator rekam",
                                         "petugas rekam", "operator cetak", "petugas cetak")
# In a forwarded mail's sentence, these put its figure at the kecamatan ("sisa blangko di kecamatan 40 keping"):
# the kecamatan's stock or work, not the forwarding district's.
KECAMATAN_PLACE_PHRASES: tuple[str, ...] = (
    "di kecamatan", "di kec", "di kec.", "di kantor camat", "di kantor kecamatan", "tingkat kecamatan",
    "kecamatan kami", "kec kami", "kec. kami", "at the sub-district", "at the subdistrict",
)
# In the district's own words above a kecamatan's or an office's mail it forwards, these vouch for the forwarded
# figures ("Sudah kami cek ke gudang, angkanya benar"): the district takes them as its own.
FORWARD_VOUCHED_WORDS: tuple[str, ...] = (
    "angkanya benar", "angka tersebut benar", "angka di bawah benar", "angkanya sudah benar", "datanya benar",
    "data tersebut benar", "sudah kami cek", "sudah kami periksa", "sudah kami verifikasi", "telah kami cek",
    "telah kami periksa", "telah kami verifikasi", "sudah kami konfirmasi", "sesuai data kami",
    "mohon dicatat sebagai", "dicatat sebagai laporan",
    "figures are correct", "we have checked", "we checked",
)
# Right after a stock's figure (its unit and a comma between), these say the figure leaves out blanks held
# elsewhere: "Sisa blangko di kantor 1.940 keping, belum termasuk blangko yang dibawa tim": a part of the
# district's stock, not the stock.
EXCLUDING_WORDS: tuple[str, ...] = (
    "belum termasuk", "blm termasuk", "tidak termasuk", "tdk termasuk", "tanpa menghitung", "di luar",
    "diluar", "not including", "excluding", "excluding the", "not counting",
)
# Opening a bracket right after a figure, these say what the figure already holds: "stok KTP-el kami 1.180 keping
# (sudah termasuk yang dititip di UPT Sebatik 200 dan Krayan 150)": the figures inside are its parts, and blanks
# deposited elsewhere that it includes leave it the whole stock.
INCLUDING_WORDS: tuple[str, ...] = (
    "termasuk", "trmsk", "sudah termasuk", "sdh termasuk", "udah termasuk", "telah termasuk", "sudah terhitung",
    "including", "incl.", "incl", "inclusive of",
)
# Before a stock's figure or its zero word in its clause, these say the blanks are the ones a team carried out
# to a service ("Blangko yang dibawa tim Dinas Kota sudah habis"): the team's supply, not the district's stock.
CARRIED_BY_TEAM_WORDS: tuple[str, ...] = (
    "dibawa tim", "yang dibawa tim", "yg dibawa tim", "dibawa petugas", "yang dibawa petugas", "bawaan tim",
    "dibawa ke lokasi", "carried by the team", "brought by the team", "the team brought", "the team carried",
    # Blanks taken out to a flood or service post ("Blangko yg dibawa ke posko habis, kantor juga tinggal
    # sedikit"): the post's supply, not the office's stock.
    "dibawa ke posko", "dibawa ke pos", "dibawa ke lapangan", "dibawa ke pengungsian", "taken to the post",
    # ... said by whoever carried them ("Blangko yg saya bawa ke posko 500, sisa 423"), or placed at the post
    # ("Sisa blangko kami di posko kosong"): the post's supply, one part of the district's stock at most.
    "bawa ke posko", "bawa ke pos", "bawa ke lapangan", "bawa ke pengungsian", "di posko",
    # The box a mobile team carries on an outreach trip ("sisa di kotak 12 keping", "Blangko dalam kotak tim
    # tinggal 60", "stok dalam kotak tim dah habis"): the team's supply, not the district's stock. Beside the
    # office's figure it is one of the district's places (PLACE_NOUNS), added to it.
    "kotak tim", "di kotak", "dalam kotak", "dlm kotak", "box tim", "boks tim", "team box", "team's box",
    # What a team brings back from a school or village service ("Sisa blangko yang kami bawa kembali 49
    # keping"): the field kit's remainder, not the office's count of its stock.
    "bawa kembali", "dibawa kembali", "bawa pulang", "dibawa pulang", "brought back", "bring back",
)
# A stock's words that only say what is left, right after a figure of the team's blanks in the same sentence
# ("Blangko yg saya bawa ke posko 500, sisa 423"): what is left of the team's supply, not the district's stock.
LEFT_OF_IT_WORDS: tuple[str, ...] = ("sisa", "sisanya", "tinggal", "tersisa", "masih", "left", "remaining")
# Right before those words, these add the team's blanks to the office's: "sisa blangko Malinau (kantor + yg dibawa
# tim) 700", "stok 900 termasuk yang di kotak tim": the figure is the whole stock.
WITH_TEAM_SUPPLY_WORDS: tuple[str, ...] = (
    "+", "&", "plus", "termasuk", "trmsk", "sudah termasuk", "sdh termasuk", "including", "incl.", "incl",
)
WITH_TEAM_SUPPLY_FILLERS: tuple[str, ...] = ("yang", "yg", "blangko", "di", "the")
# A count's total over several days names them between its word and its figure: "Jumlah 2 hari 86 orang".
DAYS_SPANNED_WORDS: tuple[str, ...] = ("hari", "hr", "day", "days")
# (Spoilt cards left out, "380 keping (di luar 12 keping rusak)", are no stock anywhere: the figure stands.)
# After a stock's figure in its clause, these say it was handed to another holder to keep: "sisanya 188 keping
# kami titipkan di kantor kecamatan": a part of the district's stock kept there, not the stock.
DEPOSITED_WITH_WORDS: tuple[str, ...] = (
    "titipkan", "dititipkan", "titipkan di", "dititip", "kami titip", "left with", "deposited with",
)
# Before a figure, after "di <place>", these say the blanks lie there: "di kantor tersisa 1.312 keping dan di tim
# Pujungan 300 keping", "sisa blangko di kantor: 962 / di mobil keliling (Mentarang): 140". A stock given
# place by place, with no total written, is the sum of its places (a part only estimated: no sum).
PLACE_STOCK_WORDS: tuple[str, ...] = (
    "sisa", "tersisa", "tinggal", "ada", "masih ada", "tersimpan", "disimpan", "stok", "stock", "left", "remaining",
)
PLACE_PREPOSITIONS: tuple[str, ...] = ("di", "pada", "at", "in")
# Places that hold blanks, named with no preposition in a list of a stock's places: "sisa: gudang 180, loket 45,
# mobil keliling 25 -- silakan dijumlah saja".
PLACE_NOUNS: tuple[str, ...] = (
    "gudang", "loket", "mobil keliling", "mobil pelayanan", "mpp", "warehouse", "counter", "mobile unit",
    # "Sisa kantor 1.450, kotak tim 300 => total 1.750 keping": the office and a mobile team's box.
    "kantor", "kotak tim",
)
# Between the figures of two places: "dan", "serta", a comma, a list's next line.
PLACE_JOIN_WORDS: tuple[str, ...] = ("dan", "serta", "and", "sedangkan", "sementara")
# After the places' figures, these write their total (read as the stock when the places add up to it, else a
# clerk asks): "jadi seluruh stok kami 1.020 keping", "Total 1.700 keping".
PLACES_TOTAL_WORDS: tuple[str, ...] = (
    "total", "jumlah", "seluruh", "seluruhnya", "keseluruhan", "semuanya", "in total", "altogether",
)
# After a subunit word, these are no name of the office ("Sisa blangko di kantor UPT tinggal 90": the writer's
# own UPT, unnamed); any other word names one office of the district ("Stok blangko di UPT Krayan sudah habis",
# "Sisa blangko di UPT Krayan: habis"), whose stock is that office's part, not the district's stock.
SUBUNIT_UNNAMED_WORDS: tuple[str, ...] = (
    "tinggal", "tgl", "masih", "msh", "sudah", "sdh", "udah", "telah", "ada", "hanya", "cuma", "kami", "kita",
    "sisa", "stok", "stock", "habis", "kosong", "nihil", "saat", "per", "sebanyak", "yang", "yg", "sekarang",
    "skrg", "hari", "ini", "tersebut", "tsb", "itu", "juga", "jg", "pun", "adalah", "sejumlah", "sebesar",
    # A counter named by what it does, not where it is ("loket pelayanan", "loket depan").
    "pelayanan", "layanan", "depan", "utama", "dinas", "kantor",
)
# The civil-registry offices of other provinces, named as the writer's own office ("Disdukcapil Provinsi
# Kalimantan Timur", "Bidang PIAK Disdukcapil Sulut"): a province asking to borrow blanks or to visit is no
# district of this desk, and its figures are its own.
REGISTRY_OFFICE_WORDS: tuple[str, ...] = (
    "disdukcapil", "dukcapil", "dinas kependudukan dan pencatatan sipil", "dinas dukcapil",
)
PROVINCE_WORDS: tuple[str, ...] = ("provinsi", "prov.", "prov", "province of", "province")
# ... or a regency or city named with another province beside it ("kekosongan blangko di Kabupaten Berau (Provinsi
# Kalimantan Timur)", "Kab. Paser, Kaltim"): the writer's own office is another province's district.
REGENCY_WORDS: tuple[str, ...] = ("kabupaten", "kab.", "kab", "kota", "regency", "city of")
OTHER_PROVINCE_NAMES: tuple[str, ...] = (
    "kalimantan timur", "kaltim", "kalimantan barat", "kalbar", "kalimantan selatan", "kalsel",
    "kalimantan tengah", "kalteng", "sulawesi utara", "sulut", "sulawesi tengah", "sulteng", "sulawesi selatan",
    "sulsel", "sulawesi tenggara", "sultra", "sulawesi barat", "sulbar", "gorontalo", "jawa timur", "jatim",
    "jawa tengah", "jateng", "jawa barat", "jabar", "dki jakarta", "banten", "bali", "nusa tenggara barat",
    "ntb", "nusa tenggara timur", "ntt", "sumatera utara", "sumut", "sumatera barat", "sumbar",
    "sumatera selatan", "sumsel", "riau", "kepulauan riau", "kepri", "jambi", "bengkulu", "lampung",
    "bangka belitung", "babel", "aceh", "di yogyakarta", "diy", "maluku", "maluku utara", "malut", "papua",
    "papua barat", "papua selatan", "papua tengah", "papua pegunungan", "papua barat daya",
)
# A report headed as one subunit's ("Laporan UPT Krayan 4 hari", "lap UPT Sebatik") tells that office's work
# and stock, not the district's, unless its own words give the district's figures with one of the
# DISTRICT_FIGURE_PHRASES ("rekap kabupaten", "Total kabupaten hari ini", "gudang kabupaten").
SUBUNIT_REPORT_LEADS: tuple[str, ...] = ("laporan", "lap", "lap.", "report", "rekap", "laporan harian")
DISTRICT_FIGURE_PHRASES: tuple[str, ...] = (
    "total kabupaten", "total kab", "rekap kabupaten", "rekap kab", "gudang kabupaten", "gudang kab",
    "gudang dinas", "tingkat kabupaten", "se-kabupaten", "se kabupaten", "seluruh kabupaten", "total kota",
    "rekap kota", "gudang kota", "tingkat kota", "district total", "whole district",
)
# The writer introducing himself as one of a district's offices, before a subunit word: "Kami dari UPT
# Disdukcapil Kecamatan Sebatik", "saya operator UPT Pujungan". Such a writer (or a signature line "UPT
# Disdukcapil Kec. Sebatik"), from an address on no district's list, speaks for that office: the stock and the
# day's work it states are the office's, not the district's (the province ships to districts), unless its words
# give the district's figures with one of the DISTRICT_FIGURE_PHRASES.
SUBUNIT_WRITER_LEADS: tuple[str, ...] = (
    "kami dari", "saya dari", "kami di", "kami operator", "saya operator", "operator", "kami petugas",
    "saya petugas", "petugas", "kepala", "staf", "staff", "we are from", "i am from",
)
# A loan of blanks between offices ("tgl 18/11 kami pinjamkan 200 keping ke Disdukcapil KTT"): in its
# sentence, a stock said with THEIR_WORDS ("stok mereka 0") is the borrower's or lender's, not the writer's.
# (Without a loan, "sisa stok mereka 210" may be the stock of the district a mail speaks for.)
LOAN_WORDS: tuple[str, ...] = (
    "pinjamkan", "dipinjamkan", "meminjamkan", "pinjam", "dipinjam", "meminjam", "pinjaman", "lent", "lend",
    "loan", "loaned", "borrowed",
)
THEIR_WORDS: tuple[str, ...] = ("mereka", "their", "its")
# Blanks lent out to another office, left out of a stock ("Stok di gudang 2.200 keping (di luar 500 keping yang
# dipinjam Kab. Tana Tidung)"): held by the borrower, no stock of the writer's held elsewhere; the figure stands.
# ("yang dipinjam dari ..." is borrowed by the writer: not among them.)
LENT_OUT_WORDS: tuple[str, ...] = (
    "yang dipinjam", "yg dipinjam", "dipinjam oleh", "dipinjamkan", "kami pinjamkan", "yang kami pinjamkan",
    "lent", "loaned", "lent out",
)
# An office offering to lend blanks to another ("Kota Tarakan bersedia meminjamkan blangko KTP-el sebanyak 500
# keping kepada Disdukcapil Malinau ... Mohon persetujuan Provinsi"): a mail that says only this asks for, reports
# and receives nothing of the writer's; it is other mail.
LOAN_OFFER_PHRASES: tuple[str, ...] = (
    "bersedia meminjamkan", "siap meminjamkan", "bisa meminjamkan", "dapat meminjamkan", "bersedia pinjamkan",
    "siap pinjamkan", "bisa pinjamkan", "dapat pinjamkan", "bersedia memberi pinjaman", "menawarkan pinjaman",
    "willing to lend", "can lend", "could lend", "offer to lend", "able to lend",
)
# Blanks a receipt says came from another source than the province's store (routes): after "dari", "dr" or "from",
# the ministry ("langsung dari Dirjen Dukcapil (pusat)", "dari Kemendagri", "from the ministry"), by a word of
# OTHER_SOURCE_WORDS or a word opening with one of OTHER_SOURCE_STEMS ("Ditjen", "Kementerian Dalam Negeri"); or
# another district by its name with a word of a loan beside it, one of RECEIPT_LOAN_WORDS or a word opening with one
# of RECEIPT_LOAN_STEMS ("pinjaman dari Tarakan", "borrowed from Nunukan").
OTHER_SOURCE_WORDS: tuple[str, ...] = ("pusat", "kemendagri", "kemdagri", "jakarta", "ministry", "central government")
OTHER_SOURCE_STEMS: tuple[str, ...] = ("dirjen", "ditjen", "kementerian", "direktorat")
RECEIPT_LOAN_WORDS: tuple[str, ...] = ("dipinjami", "meminjam")
RECEIPT_LOAN_STEMS: tuple[str, ...] = ("pinjam", "loan", "borrow")
# Naming where a shipment goes: "dari Kementerian Dalam Negeri ke Provinsi".
DESTINATION_WORDS: tuple[str, ...] = ("ke", "kepada", "untuk", "to")
# Opening a sentence before a named month ("Pada bulan Oktober 2026 kami telah menerima ..."): the
# sentence tells that month's figures; an earlier month's receipt or work is not this report's.
# Opening a sentence, these name a past period whose figures the sentence tells ("Bulan lalu kami terima
# 2.000 keping", "Last month we received 3,000"): not this report's.
PAST_PERIOD_WORDS: tuple[str, ...] = (
    "bulan lalu", "bln lalu", "bulan kemarin", "bulan sebelumnya", "minggu lalu", "mgg lalu", "pekan lalu",
    "minggu sebelumnya", "tahun lalu", "last month", "last week", "the previous month", "previous month",
    "the month before", "last year",
)
PERIOD_OPENERS: tuple[str, ...] = ("pada", "pd", "selama", "sepanjang", "di", "dalam", "in", "during")
# After a period opener, a day or week of an activity counted from its start ("Pada hari pertama tercetak
# 118 keping KIA"): that day's work, not what the mail reports.
ORDINAL_DAYS: tuple[str, ...] = (
    "hari pertama", "hari kedua", "hari ketiga", "hari keempat", "hari kelima", "hari ke-1", "hari ke-2",
    "hari ke-3", "minggu pertama", "minggu kedua", "pekan pertama", "pekan kedua", "the first day",
    "the second day", "the first week",
)
# Before a holder word, these make it where a shipment came from ("kiriman dari provinsi", "from the
# province"), so a receipt beside it is still the writer's.
SOURCE_WORDS: tuple[str, ...] = ("dari", "dr", "from", "oleh", "by", "ex", "asal")
# Right before another holder's name, these make it the sender of a shipment: "KIA kiriman provinsi sudah diterima
# 25/05: 540 keping" (the province's shipment, received by the writer).
SHIPMENT_OF_WORDS: tuple[str, ...] = ("kiriman", "kirimannya", "pengiriman", "droping", "dropping", "bantuan")
# The writer named in a clause ("kami", "we"): the figure of the clause is the writer's own.
FIRST_PERSON_WORDS: tuple[str, ...] = ("kami", "kmi", "kita", "saya", "sy", "we", "our", "us", "i")
# In a mail with a stock figure, these set an other count of blanks against it: a clerk asks which.
DISCREPANCY_WORDS: tuple[str, ...] = (
    "selisih", "tidak sesuai", "tdk sesuai", "tidak cocok", "tdk cocok", "tidak sama", "berbeda",
    "perbedaan", "tidak sinkron", "belum sinkron", "discrepancy",
)
# Right before a role word, these make its number a total that outranks the parts listed with it:
# "Total perekaman: 120" after "Perekaman dalam gedung: 80" and "Perekaman jemput bola: 40".
TOTAL_WORDS: tuple[str, ...] = ("total", "jumlah total", "total keseluruhan", "jumlah keseluruhan", "grand total")
# A number with no role of its own, set against the figure before it in the same clause by one of
# these, is a competing figure for the same role: "sisa 400 keping (tapi menurut catatan gudang 640)".
CONTRAST_WORDS: tuple[str, ...] = (
    "tapi", "tetapi", "namun", "menurut", "versi", "padahal", "sedangkan di", "sementara di",
    "tp", "tpi", "but", "according to",
)

# "2 ribu keping yg kami mohon": a relative word (and fillers) between a figure and its role word.
RELATIVE_WORDS: tuple[str, ...] = ("yang", "yg")
RELATIVE_FILLERS: tuple[str, ...] = ("kami", "sudah", "sdh", "telah", "tlh", "kita", "saya")
# ... and the regional "we" ("1.100 keping yang torang minta", Manado; Kupang and Papuan "katong", "kitong").
RELATIVE_FILLERS += ("torang", "kitorang", "tong", "katong", "kitong", "botong")
# Words that may open a heading naming one blank: "Blangko KIA", "Laporan KTP-el".
HEADING_OPENERS: tuple[str, ...] = ("blangko", "blanko", "laporan", "data", "stok")
# Between an ask and a receipt verb, these make it a wish: "mohon 1.000 keping agar sudah sampai sebelum ...".
PURPOSE_WORDS: tuple[str, ...] = (
    "agar", "supaya", "biar", "sehingga", "sebelum", "hingga", "paling lambat", "so that", "before",
)
# Before an in-transit phrase, these tie it to something else than the figure: "sisa 300 karena kiriman belum sampai".
CAUSE_WORDS: tuple[str, ...] = (
    "karena", "krn", "karna", "sebab", "soalnya", "akibat", "krna", "dan", "serta", "tapi", "namun",
)
# Table header cells that name no quantity, matched whole.
EXACT_IGNORE_HEADERS: tuple[str, ...] = ("no", "no.", "nama", "ket", "ket.")
# Request words that state a need rather than ask: beside an ask they are its background.
NEED_WORDS: tuple[str, ...] = ("kebutuhan", "perlu", "butuh", "dibutuhkan", "membutuhkan", "diperlukan", "need")
# Request words that are nouns ("tambahan", "kiriman") yield to a receipt verb in the same clause:
# "kami sudah menerima tambahan blangko 2.000 keping" is a receipt.
WEAK_REQUEST_PHRASES: tuple[str, ...] = (
    "tambahan", "penambahan", "menambah", "ditambah", "tambah", "tambahkan", "ditambahkan",
    "kebutuhan", "dropping", "alokasi", "perlu", "kekurangan", "kirim", "kirimkan",
    "didistribusikan", "distribusikan", "tambhan", "tmbhn", "tambahn", "tmbahan", "penambhan",
    "sekalian",
)
# A receipt's figure as its papers state it ("Menurut BAST jumlahnya 2.000 keping"), followed within its
# sentence or the next by a count of what came (RECOUNT_WORDS: "namun setelah dihitung ulang yang kami terima
# 1.950"): the papers' figure is not what arrived; the counted one is.
PAPER_FIGURE_WORDS: tuple[str, ...] = (
    "menurut bast", "menurut berita acara", "menurut surat jalan", "menurut sbbk", "menurut dokumen",
    "menurut packing list", "tertulis di bast", "tertulis di surat jalan", "di bast tertulis",
    "according to the bast", "according to the delivery note", "according to the packing list",
    # "di surat jalan 2.000, fisik yg kami hitung 1.950": what the papers that came with the blanks say.
    "di surat jalan", "di bast", "di sbbk", "di packing list", "di berita acara", "di dokumen pengiriman",
    "on the delivery note", "in the delivery note", "on the packing list",
    # ... named with no word before it: "surat jalan tertulis 2.200 tapi setelah dihitung hanya 2.150", "Surat
    # jalan 1.400 keping, kami hitung ada 1.400" (a count of what came must follow, as for every word here).
    "surat jalan", "surat jalannya",
)
# Said in the sentence of the delivery papers' figure, these count what arrived: "di surat jalan tertulis 2.000
# keping, tapi setelah kami hitung hanya 1.950 keping": the figure after them is the count received.
COUNTED_ARRIVAL_WORDS: tuple[str, ...] = (
    "setelah kami hitung", "setelah dihitung", "setelah dihitung ulang", "setelah kami hitung ulang",
    "setelah kami cek", "after counting", "when we counted",
    # "di surat jalan 300 lembar, kami hitung 300", "kami hitung ada 1.400, sesuai"
    "kami hitung", "kami hitung ada", "kita hitung", "kita hitung ada", "we counted",
)
# Right after those words, these make the figure that follows the gap, not the count: "setelah dihitung ulang
# kurang 100 keping (1 pack), sehingga yang kami terima 2.900": the count received is the later figure.
COUNTED_GAP_WORDS: tuple[str, ...] = (
    "kurang", "kekurangan", "selisih", "selisihnya", "lebih", "kelebihan", "short", "missing", "over",
)
# A receipt's figure as it should have come ("seharusnya 6 dus @500 (3.000 keping) tapi yang sampai cuma 5 dus",
# "harusnya 2.000 keping, namun yang datang hanya 1.800"), followed in its sentence by what came instead
# (SHORT_ARRIVAL_WORDS): the figure expected is not what arrived.
EXPECTED_SHIPMENT_WORDS: tuple[str, ...] = (
    "seharusnya", "harusnya", "semestinya", "mestinya", "sehrsnya", "hrsnya", "should have been", "should be",
    "supposed to be",
    # The figure the delivery papers give: "Jumlah sesuai surat jalan 540 keping namun yang sampai di kantor hanya
    # 500 keping".
    "sesuai surat jalan", "sesuai bast", "sesuai sbbk", "sesuai berita acara", "sesuai packing list",
    "sesuai dokumen pengiriman", "as per the delivery note", "as per the packing list",
)
SHORT_ARRIVAL_WORDS: tuple[str, ...] = tuple(
    f"{but} {came}"
    for but in ("tapi", "tetapi", "namun", "tp", "tpi", "but")
    for came in (
        "yang sampai", "yg sampai", "yang datang", "yg datang", "yang diterima", "yg diterima", "yang kami terima",
        "yg kami terima", "yang masuk", "yg masuk", "hanya", "cuma", "cuman", "baru", "only",
    )
)
RECOUNT_WORDS: tuple[str, ...] = (
    "dihitung ulang", "hitung ulang", "dihitung kembali", "setelah dihitung", "setelah kami hitung",
    "hasil hitung", "hasil penghitungan", "secara fisik", "fisiknya", "recount", "recounted",
    "physically counted", "we counted",
    # "di surat jalan 800, fisik 780 keping", "fisik yg kami hitung 1.950": the count of what came.
    "fisik", "kami hitung", "kita hitung", "physical count",
)
# Of the weak request words, these pass blanks on: beside a receipt in the same clause ("telah kami terima
# ... dan langsung didistribusikan 300 keping ke UPT Sembakung") the district hands part of what came on to
# its own units; that count is neither received nor asked.
ONWARD_WORDS: tuple[str, ...] = ("didistribusikan", "distribusikan")
# Said after a blank's "habis" ("Tgl 14-16 cetak tertunda krn blangko habis, tgl 17 kiriman sdh masuk"): a
# shipment came since, so the blank is no longer out; the zero is an earlier day's, not the stock now.
SHIPMENT_CAME_PHRASES: tuple[str, ...] = (
    "kiriman sdh masuk", "kiriman sudah masuk", "kiriman telah masuk", "kiriman sdh datang", "kiriman sudah datang",
    "kiriman sdh sampai", "kiriman sudah sampai", "kiriman telah sampai", "kiriman sdh tiba", "kiriman sudah tiba",
    "kiriman telah tiba", "kiriman sudah kami terima", "kiriman sdh kami terima", "kiriman telah kami terima",
    "kiriman dari provinsi sudah masuk", "the shipment arrived", "the shipment has arrived", "shipment came in",
)
# ... and "out before the shipment came": "blangko sempat habis pada 12 Januari sebelum kiriman tiba". (Not "sampai
# kiriman datang": "cetak KIA ditunda sampai kiriman datang" waits for a shipment still to come.)
SHIPMENT_CAME_PHRASES += (
    "sebelum kiriman tiba", "sebelum kiriman datang", "sebelum kiriman sampai", "sebelum kiriman masuk",
)
# "dikirim", "kiriman", "pengiriman" (sent, a shipment) name no role: they speak of past shipments
# as often as of wished ones; "mohon dikirim" is a request through "mohon".
RECEIPT_VERBS: tuple[str, ...] = (
    "terima", "diterima", "menerima", "kami terima", "trima", "ditrima", "kami trima",
    "tampi", "kami tampi", "ditampi", "dipuntampi", "dipun tampi",
    "sudah sampai", "telah sampai", "telah tiba",
    "sudah tiba", "received", "penerimaan",
    "sdh sampai", "udah sampai", "udh sampai", "dah sampai", "tlh sampai", "sudah sampe", "sdh sampe",
    "udah sampe", "udh sampe", "dah sampe", "tlh sampe", "sdh tiba", "udah tiba", "udh tiba", "trma",
    "ditrma", "kami trma",
)
# In a quoted question from the desk ("Berapa keping blangko KTP-el yang Bapak/Ibu mohon?"), these
# name the figure asked for; a reply's one figure without a role of its own answers it.
ASKED_ROLE_PHRASES: dict[str, tuple[str, ...]] = {
    "requested": (
        "yang bapak/ibu mohon", "yang bapak/ibu minta", "yang bapak/ibu butuhkan", "yang dimohon",
        "yang diminta", "yang diajukan", "yang dibutuhkan", "jumlah permintaan", "jumlah permohonan",
        # The desk proposing a figure to send: "kami kirim 1.000 keping, apakah sudah mencukupi?"
        "apakah sudah mencukupi", "apakah mencukupi", "apakah sudah cukup", "apakah cukup",
        # ... with the figure between: "apakah 1.800 keping mencukupi sampai pengiriman berikutnya?"
        "keping mencukupi", "keping sudah mencukupi", "lembar mencukupi", "lembar sudah mencukupi",
        "keping sudah cukup", "lembar sudah cukup", "keping cukup", "lembar cukup",
        "jumlah yang dimohon", "jumlah yang diminta", "requested:",
        "quantity requested", "requested quantity", "the quantity you requested", "how many blanks you need",
    ),
    "stock_on_hand": ("berapa sisa stok", "berapa sisa blangko", "berapa stok", "stock_on_hand:"),
    "received": ("berapa keping yang diterima", "jumlah yang diterima", "received:"),
}
# A question of the desk that names no figure's role and asks whether the figure it restates still stands
# ("2. Apakah 2.500 keping masih sesuai?", "Is 1,000 still correct?"): the desk confirms the amount asked.
STILL_SO_PHRASES: tuple[str, ...] = (
    "masih sesuai", "masih tetap", "tetap sesuai", "masih berlaku", "still correct", "still valid", "still the same",
    "still stand", "still stands",
)
# A question asking for an estimate or a plan ("Berapa perkiraan kebutuhan sampai akhir bulan?") asks for no
# figure to act on: its answer ("± 1.800 keping") is no request by the role its words name.
ESTIMATE_ASKED_WORDS: tuple[str, ...] = (
    "perkiraan", "perkiraannya", "estimasi", "kira-kira", "proyeksi", "rencana", "target", "estimate",
    "estimated", "forecast", "projected", "projection", "plan", "planned",
)
# Words that make a quoted sentence a question even without a question mark.
ASK_CUES: tuple[str, ...] = (
    "berapa", "mohon tegaskan", "mohon konfirmasi", "mohon sebutkan", "mohon dikonfirmasi",
    "mohon informasikan", "mohon dijelaskan", "please confirm",
    # An ask to reply with a figure: "Mohon balas email ini dengan menyebutkan jumlah yang diminta".
    "dengan menyebutkan", "mohon disebutkan", "mohon lengkapi", "mohon dilengkapi",
    "mohon cantumkan", "mohon dicantumkan", "please state", "please specify",
)
# An ask for a later mail, once the blanks arrive ("Mohon konfirmasi ... setelah blangko diterima, dengan
# menyebutkan jumlah yang diterima", the desk's standing closing): an instruction, not a question a reply
# answers; a lead, then within a few words an arrival.
ASK_LATER_LEADS: tuple[str, ...] = (
    "setelah", "sesudah", "bila sudah", "apabila sudah", "jika sudah", "kalau sudah", "once", "after", "when",
)
ARRIVAL_WORDS: tuple[str, ...] = ("diterima", "sampai", "tiba", "datang", "received", "arrive", "arrives", "arrived")

# Phrases that look like role words but are not: "terima kasih" is thanks, not a receipt.
NOT_ROLE_PHRASES: tuple[str, ...] = (
    # "untuk sisa triwulan IV", "sisa tahun anggaran": what is left of a period of time, not of blanks.
    "sisa triwulan", "sisa tahun", "sisa tahun anggaran", "sisa bulan", "sisa semester", "sisa periode",
    "sisa waktu", "sisa hari kerja", "sisa minggu", "sisa masa", "the rest of the year", "rest of the month",
    "remaining weeks", "remaining days", "remaining months",
    "terima kasih", "terimakasih", "trima kasih", "trimakasih", "makasih", "mohon maaf",
    # Javanese "excuse me" and thanks: "nyuwun sewu" (never a thousand asked), "nyuwun pangapunten", "matur suwun"
    "nyuwun sewu", "nuwun sewu", "nyuwun pangapunten", "matur suwun",
    "mohon izin", "mohon ijin", "mohon arahan", "mohon petunjuk", "mohon konfirmasi",
    # A new operator asking to be shown the work ("Mohon bimbingan Bapak/Ibu ... tata cara permohonan blangko").
    "mohon bimbingan", "mohon bimbingannya", "mohon arahannya", "mohon petunjuknya", "mohon tuntunan",
    "mohon kehadiran", "mohon perhatian", "mohon info", "mohon infonya", "mohon informasi",
    "mohon informasinya", "mohon penjelasan", "mohon dicek", "mohon dicekkan", "mhn info",
    "mhn dicek", "sampai jumpa", "sampaikan", "disampaikan",
    "menyampaikan", "sampai saat ini", "sampai sekarang", "minta maaf", "mohon dimaklumi",
    "thank you", "thanks",
    # "sampai" as "until", not "arrived": "sampai sore ini belum kami terima".
    "sampai hari ini", "sampai sore ini", "sampai siang ini", "sampai pagi ini", "sampai malam ini",
    "sampai detik ini", "sampai kemarin", "sampai besok", "sampai minggu depan", "sampai bulan depan",
    "sampai akhir", "sampai dengan", "sampai batas", "sampai habis", "sampai tanggal", "sampai tgl",
    "cukup sampai", "hingga saat ini",
    # "kebutuhan blanko ktp sampai tutup tahun + awal januari kurleb 2.500 keping": until the year closes.
    "sampai tutup", "sampai awal", "sampai pertengahan", "sampai tahun depan", "sampai pekan depan",
    "sampai mgg depan", "sampai bln depan", "sampai lusa",
    # "masuk" of things that are no blanks.
    "masuk sekolah", "surat masuk", "email masuk", "e-mail masuk", "pesan masuk", "kotak masuk",
    "jam masuk", "hari masuk", "masuk kerja", "masuk kantor",
)
# Receipt words that also mean "until": before a date or a month's name they are no receipt
# ("kebutuhan sampai 31 Desember", "sampai Desember").
UNTIL_WORDS: tuple[str, ...] = ("sampai", "sampe", "smp")
# After "sampai", a moment (up to three words, the first of these) and then a word of a state that lasts make
# it "until": "180 keping ... sampai tadi sore belum terpakai" (not used until this afternoon), "sampai hari ini
# masih di gudang". Without the lasting state ("500 keping sampai tadi sore") the word may still be "arrived".
UNTIL_MOMENT_WORDS: tuple[str, ...] = (
    "tadi", "td", "hari", "hr", "sekarang", "skrg", "saat", "kemarin", "kemaren", "kmrn", "detik", "pagi", "siang",
    "sore", "malam", "now", "today",
)
STILL_STATE_WORDS: tuple[str, ...] = (
    "belum", "blm", "blum", "belom", "masih", "msh", "tetap", "tetep", "still", "not yet",
)
# Before a role word (with at most two of NEGATION_FILLERS between), these deny it: "yg seribu
# kmrn blm sampai", "belum kami terima", "tidak butuh tambahan". A denied role word gives its
# number no role: a receipt is only what is affirmatively received, a request only what is asked.
NEGATION_WORDS: tuple[str, ...] = (
    "belum", "blm", "blum", "belom", "tidak", "tdk", "tak", "gak", "ga", "nggak", "ngga", "enggak",
    "engga", "bukan", "bkn", "tanpa", "gagal", "batal", "dibatalkan", "jangan", "not", "never",
    "no longer",
    # "yg 27 keping layanan malam lupa masuk": forgotten, so not entered (nor received).
    "lupa", "terlupa", "kelupaan", "forgot to",
)
# Before a word of work done or received (with at most two of NEGATION_FILLERS between), these make it a plan:
# "akan kami cetak setelah kiriman 1.000 keping sampai", "kami akan melakukan perekaman 300 siswa minggu depan".
# A planned count is no count of the day; an ask ("akan kami ajukan") is still an ask.
PLAN_WORDS: tuple[str, ...] = (
    "akan", "akn", "rencananya", "direncanakan", "berencana", "hendak", "will", "plan to", "planning to",
    "going to",
)
# Right before a word of sending, these make it the writer's own sending, a relative clause about a figure ("angka
# 50 yg kami kirim td sdh berkurang", "stok 500 yang saya kirimkan kemarin keliru"): no ask.
WE_SENT_BEFORE: tuple[str, ...] = (
    "yang kami", "yg kami", "yg kmi", "yang saya", "yg saya", "yg sy", "yang sy", "yang sudah kami",
    "yg sudah kami", "yg sdh kami", "yang telah kami", "yg tlh kami", "that we", "we",
)
SENDING_WORDS: tuple[str, ...] = ("kirim", "kirimkan", "krm", "sampaikan", "send", "sent")
# Right before a word of work done, these make it work that could be done, not work done: "1 pak kena air, kami
# keringkan dan masih bisa dicetak 42" (cards still fit to print), "yang masih dapat direkam".
CAN_STILL_WORDS: tuple[str, ...] = (
    "masih bisa", "masih dapat", "masih bs", "msh bisa", "msh bs", "msh dapat", "can still", "could still",
    "still can", "still be",
)
NEGATION_FILLERS: tuple[str, ...] = (
    "kami", "saya", "kita", "juga", "jg", "pernah", "sempat", "ada", "yang", "yg", "lagi", "kunjung",
    "bisa", "dapat", "dpt", "sama sekali", "di", "ter", "pula", "jadi", "sepenuhnya", "semua",
    "seluruhnya", "been", "yet",
    # "belum melakukan perekaman", "tidak dilakukan pencetakan": "do" carries the denial to the work named
    "melakukan", "dilakukan", "lakukan",
)
# Before a receipt verb (with at most two of NEGATION_FILLERS between), these affirm it: "2.000
# keping sudah kami terima" is a receipt even after "permohonan kami".
AFFIRM_WORDS: tuple[str, ...] = ("sudah", "sdh", "sudh", "telah", "tlh", "udah", "udh", "dah", "have", "has")
# A number after one of these, following a figure its clause denies ("bukan 2.518 tetapi 2.581",
# "3.000 keping kami ubah menjadi 2.000"), is the corrected figure: it takes the role of its clause.
CORRECTION_WORDS: tuple[str, ...] = (
    "melainkan", "tetapi", "tapi", "namun", "seharusnya", "harusnya", "yang benar", "yg benar",
    "tp", "tpi",  # "tapi" typed short: "sisa bukan 1.840 tp 1.480"
    "nanging",  # Javanese: "sanes 700 nanging 1.100 keping"
    "mar", "mar so",  # Manado: "bukang 700 mar 1.100 keping"
    "menjadi", "mjd", "jadi", "dijadikan", "diubah menjadi", "direvisi menjadi", "diralat menjadi",
)
# A change of one figure into another, "dari 1.500 menjadi 2.500": the first is the old figure, the
# second the one now meant, of the same role.
CHANGE_FROM_WORDS: tuple[str, ...] = ("dari", "dr", "semula", "from")
# Between a figure received and the next: the whole it is part of ("baru diterima 1.000 keping dari 3.500 keping
# yang kami mohon", "we got 800 out of the 2,000 requested"): the whole is the earlier ask, not one made now.
PART_OF_WORDS: tuple[str, ...] = ("dari", "dr", "dari total", "dari jumlah", "of", "of the", "out of", "out of the")
# In parentheses right after a figure received, these name the ask the shipment answered ("sudah kami terima
# 400 lembar (permintaan kami 402, tidak apa-apa)"): the earlier ask said in passing, asked by no one now.
ASKED_ASIDE_WORDS: tuple[str, ...] = (
    "permintaan", "permohonan", "pengajuan", "usulan", "diminta", "dimohon", "diajukan", "diusulkan",
    "yang diminta", "yg diminta", "yang kami minta", "yg kami minta", "yang kami mohon", "yg kami mohon",
    "yang kami ajukan", "yg kami ajukan", "requested", "we requested", "we asked for", "asked",
)
ASKED_ASIDE_FILLERS: tuple[str, ...] = ("kami", "saya", "kita", "awal", "sebelumnya", "semula", "sebanyak", "our")
CHANGE_TO_WORDS: tuple[str, ...] = (
    "menjadi", "mjd", "jadi", "jd", "ke", "kepada", "diubah menjadi", "diubah jadi", "direvisi menjadi",
    "dinaikkan menjadi", "diturunkan menjadi", "to", "into", "->", "=>", "\u2192",
)
# A figure changed by the writer into another with no "dari" before it: "permintaan kemarin 1.500 kami kurangi
# jadi 1.000", "sebanyak 3.214 keping, dibulatkan menjadi 3.300": the verb of the change (before one of
# CHANGE_INTO_WORDS), the second figure is the one meant now, in the role of the first.
CHANGE_VERBS: tuple[str, ...] = (
    "ubah", "diubah", "ubahkan", "kurangi", "dikurangi", "kurangin", "dikurangin", "turunkan", "diturunkan",
    "naikkan", "dinaikkan", "naikan", "dinaikan", "bulatkan", "dibulatkan", "genapkan", "digenapkan",
    "revisi", "direvisi", "ralat", "diralat", "koreksi", "dikoreksi", "ganti", "diganti",
)
CHANGE_INTO_WORDS: tuple[str, ...] = ("menjadi", "mjd", "jadi", "jd")
# Between the desk's approval and a figure (before one of CHANGE_INTO_WORDS): what the approval is asked to
# become ("mohon jumlah yang disetujui dapat ditambah menjadi 2.500 keping").
RAISED_TO_VERBS: tuple[str, ...] = (
    "ditambah", "ditambahkan", "dinaikkan", "dinaikan", "diturunkan", "dikurangi", "diubah", "direvisi", "dikoreksi",
)
# ... and what a figure of an earlier request became by itself ("Menambahkan email kami tadi pagi: ternyata
# kebutuhan naik jadi 3.000 keping"): after an earlier mail is named, the figure it rose or fell to is the one
# asked now, not the earlier one.
ROSE_TO_VERBS: tuple[str, ...] = ("naik", "turun", "bertambah", "berkurang", "berubah", "meningkat", "menurun")
# Said of a figure, these make it the figure of an earlier request ("surat permohonan 3.000 keping
# tadi siang", "menindaklanjuti surat kami ... sebanyak 3.000 keping"): a reminder may restate it,
# but a new figure asked in the same mail is the request.
EARLIER_WORDS: tuple[str, ...] = (
    "menindaklanjuti", "menindak lanjuti", "tindak lanjut", "susulan", "surat permohonan",
    "surat kami", "permohonan kami kemarin", "tadi siang", "tadi pagi", "kemarin", "kmrn", "kemaren",
    "yang lalu", "yg lalu", "yang dulu", "yg dulu", "terdahulu", "sebelumnya", "minggu lalu",
    "bulan lalu", "pernah kami ajukan", "telah kami ajukan", "sudah kami ajukan", "sdh kami ajukan",
    "earlier", "previous", "further to", "last week",
)

# Before a stock's figure in its clause, these make it the figure of an earlier report ("sisa blangko yang saya
# laporkan kemarin (145) belum dikurangi 12 keping ... Jadi sisa ... adalah 133 keping"): beside a stock said now,
# the one reported before is no stock.
# Before a month (and its year) in a stock's clause, these date the stock to that month's end: "sisa blangko KTP-el
# kami pada akhir Desember 2027 sebanyak 640 keping" in a mail of January 2028 is an earlier month's stock.
MONTH_END_LEADS: tuple[str, ...] = ("akhir", "akhir bulan", "per akhir", "posisi akhir", "end of", "the end of")
REPORTED_BEFORE_WORDS: tuple[str, ...] = (
    "yang saya laporkan", "yg saya laporkan", "yang kami laporkan", "yg kami laporkan", "yang dilaporkan",
    "yg dilaporkan", "yang sudah dilaporkan", "yang telah dilaporkan", "yang sudah kami laporkan",
    "yang telah kami laporkan", "laporan kemarin", "we reported", "i reported", "previously reported",
)

# In a table row's remark, these make the row's receipt one an earlier report gave ("Penerimaan blangko | 2.000 |
# diterima 21/09, sudah dilaporkan"): no receipt of this report.
ALREADY_REPORTED_REMARKS: tuple[str, ...] = (
    "sudah dilaporkan", "sdh dilaporkan", "telah dilaporkan", "sudah kami laporkan", "telah kami laporkan",
    "sudah dilaporkan sebelumnya", "dilaporkan sebelumnya", "sudah masuk laporan", "already reported",
    "reported earlier", "reported before",
)

# Said of a figure, these make it the figure the desk approved ("kurang 100 keping dari yang disetujui
# (2.500 keping)", "terima kasih atas persetujuan permohonan ... sebanyak 2.000 keping"): the desk's own
# figure said back, not one asked now. A receipt of it is still a receipt ("yang disetujui 2.000 keping
# sudah kami terima"); an ask for approval ("mohon disetujui", "mohon persetujuan") is no approval.
APPROVED_WORDS: tuple[str, ...] = (
    "yang disetujui", "yg disetujui", "yang telah disetujui", "yg telah disetujui", "yang sudah disetujui",
    "yg sudah disetujui", "yg sdh disetujui", "telah disetujui", "sudah disetujui", "sdh disetujui",
    "tlh disetujui", "yang bapak setujui", "yang ibu setujui", "yang bapak/ibu setujui", "atas persetujuan",
    "persetujuannya", "the approved", "you approved", "was approved", "were approved", "has been approved",
    "have been approved", "for approving", "for the approval",
)

# Right after a figure (and its unit), these offer it as a fallback the writer would also accept
# ("kalau memungkinkan 600 keping, tapi ... 400 juga tidak apa-apa"): beside another asked figure, the
# request has two values and a clerk asks which.
FALLBACK_AFTER: tuple[str, ...] = (
    "juga tidak apa-apa", "juga tidak apa apa", "juga tidak apa2", "jg tidak apa-apa", "jg tdk apa2",
    "juga tdk apa-apa", "juga tdk apa2", "juga tak apa", "juga tak apa-apa", "juga gpp", "jg gpp",
    "juga gapapa", "jg gapapa", "juga ga apa2", "juga nggak apa-apa", "juga boleh", "jg boleh",
    "pun boleh", "pun tidak apa-apa", "pun tak apa", "pun jadi", "juga jadi", "jg jadi", "juga cukup",
    "jg cukup", "pun cukup", "juga bisa", "jg bisa", "juga oke", "juga ok", "jg ok",
    "is fine too", "is also fine", "is also ok", "would also do", "will also do", "also works",
    "is acceptable too", "would be acceptable",
)
# Before a figure, these offer it in case the figure asked cannot be had ("Mohon 1.000 keping, kalau tidak
# bisa 800 saja"): beside another asked figure, the request has two values.
FALLBACK_BEFORE: tuple[str, ...] = (
    "kalau tidak bisa", "kalau tdk bisa", "kalau gak bisa", "kalau ga bisa", "klo tdk bisa", "klo gak bisa",
    "jika tidak bisa", "jika tidak dapat", "bila tidak bisa", "bila tidak dapat", "kalau tidak memungkinkan",
    "jika tidak memungkinkan", "bila tidak memungkinkan", "kalau stok terbatas", "jika stok terbatas",
    "kalau stok provinsi terbatas", "if not possible", "if that is not possible", "if that's not possible",
    "failing that", "or at least", "atau minimal", "atau paling tidak", "atau setidaknya",
)
# Before a figure, these offer a larger one the writer would rather have if it can be had ("mohon 1.000 keping,
# atau kalau memungkinkan 1.200 keping"): beside another asked figure, the request has two values, as above.
RATHER_IF_POSSIBLE_BEFORE: tuple[str, ...] = (
    "atau kalau memungkinkan", "atau jika memungkinkan", "atau bila memungkinkan", "atau apabila memungkinkan",
    "tapi kalau memungkinkan", "tetapi kalau memungkinkan", "namun kalau memungkinkan", "atau kalau bisa",
    "atau jika bisa", "atau bila bisa", "atau klo bisa", "atau kl bisa", "atau kalau boleh", "atau jika boleh",
    "atau kalau ada", "atau kalau cukup", "atau idealnya", "or if possible", "or ideally", "or preferably",
)
# Right after a figure (and its unit), these put it off to a later ask ("cukup 300 aja dulu, yg 200 nanti minggu
# depan"): beside another figure asked now, it is the part asked later, not a second value of this request.
LATER_PART_AFTER: tuple[str, ...] = (
    "nanti minggu depan", "nanti bulan depan", "nanti pekan depan", "minggu depan saja", "minggu depan aja",
    "bulan depan saja", "bulan depan aja", "nanti saja", "nanti aja", "nanti menyusul", "menyusul", "nyusul",
    "belakangan", "nanti belakangan", "next week", "next month", "later",
)
# A "sisa" figure beside a receipt that, added to the figure received, gives another figure of the
# mail ("terima 1.000 keping (dari 1.200 ...), mohon konfirmasi sisa 200") is the part of a shipment
# still missing, not the stock. These words name the stock itself and keep the figure a stock.
OWN_STOCK_WORDS: tuple[str, ...] = (
    "stok", "stock", "stoknya", "persediaan", "sisa stok", "sisa stock", "stok akhir", "sisa di gudang",
)

# Words a quick message may type a figure onto with no space: "rekam 156 cetak149 sisa2.061 ktpel".
GLUED_FIGURE_WORDS: tuple[str, ...] = (
    "rekam", "rkm", "cetak", "ctk", "sisa", "stok", "ktpel", "ktp-el", "ktp", "kia", "blangko", "terima",
)
# The names of counts that a number in words may follow without a unit ("cetak tiga puluh dua").
SPELLED_COUNT_LEADS: tuple[str, ...] = (
    "perekaman", "rekam", "direkam", "terekam", "pencetakan", "cetak", "dicetak", "tercetak",
    "sisa", "sisa blangko", "sisa stok", "stok", "diterima", "terima", "penerimaan",
)

# Right after a figure and right before another, these deny the second ("yg benar 450 bukan 540", "2,000
# not 20,000"): the first is the figure meant.
# "bukan" and its short forms alone (the follow-up step's old figure of a correction, "150 lbr bkn 250").
# Javanese krama "sanes", Manado "bukang"
WRONG_FIGURE_WORDS: tuple[str, ...] = ("bukan", "bkn", "not", "bukannya", "sanes", "bukang")
NEGATES_NEXT_WORDS: tuple[str, ...] = WRONG_FIGURE_WORDS

# A district promising, beside a part approval it takes, to ask again should the blanks fall short ("nanti kalau
# kurang kami ajukan lagi", "Kalau nanti habis sebelum akhir bulan kami usul lagi"): the verbs of asking, before
# "lagi"/"kembali" (mailbot.conversation, mailbot.routes).
ASK_AGAIN_VERBS: tuple[str, ...] = (
    "ajukan", "mengajukan", "diajukan", "minta", "meminta", "mohon", "memohon", "usul", "usulkan", "mengusulkan",
    "diusulkan",
)

# A district taking a part approval as it stands, said beside the figure approved: "3.000 sdh cukup untuk sementara",
# "baik 3.000 dulu tidak apa-apa", "gpp pak 3rb dl". Beside that figure such words accept it (a confirmation, the
# approval stands); they never lower the request ("cukup 2.000 saja" below the approval still does).
ACCEPTANCE_WORDS: tuple[str, ...] = (
    "cukup", "sudah cukup", "sdh cukup", "udah cukup", "dah cukup", "cukup dulu", "mencukupi", "sudah mencukupi",
    "untuk sementara", "utk sementara", "untuk sementara waktu", "sementara", "dulu", "dl", "dlu", "saja", "aja",
    "tidak apa-apa", "tidak apa apa", "tidak apa2", "tdk apa-apa", "tdk apa2", "gak apa-apa", "gak apa2",
    "nggak apa-apa", "nggak apa2", "ga apa-apa", "ga apa2", "gpp", "ga papa", "gak papa", "nggak papa", "gapapa",
    "tidak masalah", "tdk masalah", "gak masalah", "ga masalah", "nggak masalah", "no problem",
    "keping", "kpg", "lembar", "blangko", "itu",
)

# After a figure, a blank named after these travels along with it and is not its blank: "1.500 keping,
# dikirim bersamaan dengan blangko KIA yang sudah disetujui".
ALONG_WITH_WORDS: tuple[str, ...] = (
    "bersamaan dengan", "bersama dengan", "sekalian dengan", "berbarengan dengan", "bareng dengan",
    "bareng", "together with", "along with",
)

# "blangko ktp 500 lg ya": "lagi" and a softener after a count of blanks ask for that many more.
MORE_WORDS: tuple[str, ...] = ("lagi", "lg", "lgi", "more")
SOFTENER_WORDS: tuple[str, ...] = ("ya", "yah", "yaa", "dong", "donk", "pak", "bu", "min", "please", "pls", "mohon")

# "Used": glossed by a count's name or glossing one ("Terpakai (Cetak)", "Pencetakan (terpakai)"), that count.
USE_WORDS: tuple[str, ...] = ("terpakai", "pemakaian", "dipakai", "digunakan", "penggunaan", "used")
# A ledger column of the damaged cards ("Rusak/Gagal Cetak", "Rusak"): beside it, the column of blanks used counts
# the cards printed (the damaged ones apart).
DAMAGE_HEADER_WORDS: tuple[str, ...] = ("rusak", "gagal cetak", "gagal", "damaged", "spoilt", "spoiled", "rejected")

# On a line naming a month, these make its figure a forecast or a plan, not the month's figure.
FORECAST_WORDS: tuple[str, ...] = (
    "proyeksi", "perkiraan", "diperkirakan", "rencana", "direncanakan", "target", "estimasi", "taksiran",
    "prediksi", "forecast", "projected", "projection", "expected", "estimated", "planned", "plan",
)

# "Target penerbitan KIA Desember 1.000 anak": a target that, with no need stated, is the need a
# shortfall asked for is of.
TARGET_COUNT_WORDS: tuple[str, ...] = ("target", "sasaran", "target penerbitan", "target perekaman")
# ... and only a month's target: one of these, or a month's name, between the target word and its figure.
# Of the "ignore" words, these name a period: before a count of work they make it the period's running count
# ("bulan ini pencetakan 800"); before an ask they only say when it is for ("Untuk bulan ini mohon 900 keping").
PERIOD_IGNORE_WORDS: tuple[str, ...] = ("bulan ini", "minggu ini", "tahun ini")
THIS_MONTH_WORDS: tuple[str, ...] = ("bulan ini", "bulan depan", "per bulan", "sebulan", "this month", "next month")
# ... or one of these before a month's name and year blanked as a date ("Untuk bulan Januari 2027 target ...").
MONTH_NOUNS: tuple[str, ...] = ("bulan", "month", "for the month of")

# --- Kinds ---------------------------------------------------------------------------------

REQUEST_PHRASES: tuple[str, ...] = (
    "mohon tambahan", "mohon penambahan", "mohon dikirim", "mohon dikirimkan", "mohon kirim",
    "mohon dapat dikirim", "mohon kiranya", "mohon bantuan blangko", "mohon blangko",
    "mohon blanko", "mohon didistribusikan", "mohon dropping", "mohon dialokasikan",
    "mohon dapat dialokasikan", "mohon kiranya dialokasikan", "mohon agar dialokasikan",
    "mohon dapat didistribusikan", "mohon kiranya dapat dialokasikan",
    "permohonan blangko", "permohonan blanko", "permohonan tambahan", "permohonan penambahan",
    "permohonan kebutuhan", "permohonan distribusi", "permohonan dropping", "permohonan pengiriman",
    "permintaan blangko", "permintaan blanko", "permintaan tambahan", "permintaan penambahan",
    "permintaan kebutuhan", "mengajukan permohonan", "mengajukan permintaan", "mengajukan tambahan",
    "pengajuan blangko", "pengajuan tambahan", "minta tambahan", "minta blangko", "minta blanko",
    "minta dikirim", "minta kirim", "meminta tambahan", "memohon tambahan", "memohon kiranya",
    "memohon blangko", "usulan kebutuhan", "usulan tambahan", "request blangko",
    "butuh blangko", "butuh tambahan", "membutuhkan tambahan", "membutuhkan blangko",
    "mohon segera", "bisa dikirim", "dapat dikirim", "tolong dikirim", "tolong kirim", "mohon diisi",
    "kami butuhkan", "yang dibutuhkan", "minta seperti biasa", "mohon seperti biasa",
    "kirim seperti biasa", "kirimkan seperti biasa", "dikirim seperti biasa", "minta dikirimkan",
    "mohon dikirim lagi", "minta lagi", "minta dikirim lagi", "mohon diisi ulang", "tolong kirimkan",
    "mohon dibantu blangko", "mohon dibantu tambahan",
    # Shorthand of quick messages from a phone.
    "mhn tambahan", "mhn penambahan", "mhn dikirim", "mhn dikirimkan", "mhn kirim", "mhn blangko",
    "mhn dibantu", "mhn segera",
)
# Right after a request phrase, these make it ask for a document, not for blanks: "Mohon dikirimkan
# data rekap stok blangko per kabupaten/kota" asks for figures, and reports none.
DOCUMENT_WORDS: tuple[str, ...] = (
    "data", "rekap", "rekapan", "rekapitulasi", "laporan", "template", "format", "formulir", "form",
    "file", "berkas", "dokumen", "surat", "jadwal", "informasi", "info", "juknis", "petunjuk",
    "daftar", "salinan", "contoh", "link", "tautan", "softcopy", "soft copy", "bahan", "materi",
    "password", "akun", "username",
)
# Right after an ask, these ask for something that may not exist ("Apakah ada format baku berita acara ...? Mohon
# dikirimkan kalau ada."): a paper, not blanks, which the desk always has to send.
IF_ANY_WORDS: tuple[str, ...] = ("kalau ada", "jika ada", "bila ada", "apabila ada", "if any", "if there is one")
# ... with these, the papers said to follow ("rincian rekap menyusul siang ini"): a paper to come, no blanks.
PAPER_TO_FOLLOW_WORDS: tuple[str, ...] = ("rincian", "detail", "detil", "lampiran", "rekap harian", "tabel")
# Filler words between a request phrase and what it asks for ("mohon dikirimkan kembali data ...").
DOCUMENT_FILLERS: tuple[str, ...] = (
    "segera", "kembali", "lagi", "kepada kami", "ke kami", "kami", "kiranya", "juga", "dapat", "dpt",
    "bisa", "bs", "agar", "supaya", "dikirim", "dikirimkan", "diberikan", "dibagikan", "disampaikan",
    "diberi", "dishare", "dikirimi", "kirim", "kirimkan", "untuk", "utk", "printer", "tolong",
    # "Yang kami butuhkan saat ini consumable printer": now, of what is asked.
    "saat ini", "sekarang", "skrg",
)
# The card printer and the people who mend it: an ask whose sentence names these and no blank asks for equipment
# ("Mohon kiranya Provinsi dapat membantu meminjamkan 1 (satu) unit printer atau teknisi"), not for blanks.
EQUIPMENT_WORDS: tuple[str, ...] = (
    "printer kartu", "printer", "mesin cetak", "print head", "printhead", "teknisi", "technician",
    "card printer", "unit printer",
)
# Nouns of asking that, right before a document word, open a request for a document:
# "Permohonan data rekap penerimaan blangko ...".
DOCUMENT_REQUEST_OPENERS: tuple[str, ...] = ("permohonan", "permintaan", "mohon", "mhn", "minta", "meminta", "memohon")
# A subject opening with one of these asks something ("Pertanyaan prosedur permohonan blangko"):
# the request wording in it is what the question is about, not a request.
QUESTION_SUBJECT_WORDS: tuple[str, ...] = (
    "pertanyaan", "tanya", "bertanya", "menanyakan", "konsultasi", "mohon informasi", "mohon info",
    "info prosedur", "prosedur", "tata cara", "question",
)
# Words that name the blank's stock; with the blank words, they make a request phrase ask for blanks.
STOCK_WORDS: tuple[str, ...] = ("stok", "stock", "stoknya", "persediaan")
# Said of a blank without a figure, these make it a side remark: "Untuk blangko KTP-el masih aman."
SUFFICIENT_PHRASES: tuple[str, ...] = (
    "masih aman", "masih cukup", "masih mencukupi", "masih tersedia", "masih ada", "masih banyak",
    "cukup aman", "stok aman", "belum perlu", "tidak perlu", "belum diperlukan", "tidak diperlukan",
    "belum butuh", "tidak butuh", "tidak kami minta", "belum kami minta",
    # "Blangko KTP-el tidak kami usulkan bulan ini": the other blank, not asked for.
    "tidak kami usulkan", "belum kami usulkan", "tidak kami ajukan", "belum kami ajukan", "tidak diusulkan",
    "not requested", "we do not request", "we are not requesting", "no need for",
)
# Noun phrases that suggest a request unless the mail confirms a receipt
# ("kami sudah menerima tambahan blangko").
WEAK_REQUEST_KIND_PHRASES: tuple[str, ...] = (
    "kebutuhan blangko", "kekurangan blangko", "tambahan blangko", "tambahan blanko",
    "tambahan stok", "dropping blangko",
    # Malay "bekalan" (supply) sent or added: "Please advise bila boleh hantar bekalan baru" (not "terima kasih atas
    # bekalan kad sepanjang tahun lepas").
    "hantar bekalan", "bekalan baru", "tambah bekalan",
    # An ask that leaves the amount to the desk: "Kirim sesuai kebutuhan." (a Kadis from his phone).
    "kirim sesuai kebutuhan", "kirimkan sesuai kebutuhan", "dikirim sesuai kebutuhan",
)
# Before a request phrase in its sentence (a few words between), these make it the procedure talked about, not an
# ask: "Mohon bimbingan ... terutama tata cara pelaporan harian dan permohonan blangko", "format permintaan blangko".
PROCEDURE_WORDS: tuple[str, ...] = (
    "tata cara", "tatacara", "cara", "prosedur", "mekanisme", "alur", "format", "template", "templat", "syarat",
    "persyaratan", "juknis", "sop", "procedure", "how to",
)
# After a stock word in its clause, these say the stock is low with no figure ("sisa blangko hampir habis, nanti ulun
# laporkan angkanya"): a mail that says so and that its figure follows (FIGURE_TO_FOLLOW_WORDS), asking nothing and
# asking no question, reports its stock (a clerk asks for the figure).
LOW_STOCK_PHRASES: tuple[str, ...] = (
    "hampir habis", "nyaris habis", "menipis", "sudah menipis", "tinggal sedikit", "sisa sedikit", "running low",
    "almost out", "nearly out",
)
# Blanks said to be still there, with a count of them ("di gudang masih ada ± 150 keping", "perkiraan masih ada
# 300 - 400 keping"): beside a word of zero (a subject's "habis") the two stand against each other, and neither is
# the stock; whose blanks they are is not always said ("masih ada 400 keping di UPT").
SOME_LEFT_PHRASES: tuple[str, ...] = (
    "masih ada", "msh ada", "masi ada", "masih tersisa", "msh tersisa", "masih tersedia", "msh tersedia",
    "masih sisa", "msh sisa", "still have", "still has", "still got",
)
# The same said closer, the count right after the word (only STORE_COUNT_FILLERS between): "udah abis pak, tinggal
# 15an keping di meja loket" (out, but for a few); "tinggal dikit, tolong kirim 1.500 keping" counts no stock.
SOME_LEFT_NEAR_WORDS: tuple[str, ...] = ("tinggal", "tersisa")
# Places the district keeps its blanks in: "di gudang kira-kira 80-100 keping lg" counts what is still there.
STORE_PLACES: tuple[str, ...] = ("di gudang", "di lemari", "di loket", "in the store", "in the warehouse")
# Between such a place and its count only these words stand ("di gudang kira-kira 80-100 keping", "di lemari
# masih sekitar 40 keping"); "di gudang terendam, 120 keping rusak" counts something else.
STORE_COUNT_FILLERS: tuple[str, ...] = (
    "kami", "kita", "masih", "msh", "ada", "tinggal", "tgl", "tersisa", "sisa", "hanya", "cuma", "kira-kira",
    "kira2", "kurang lebih", "kurleb", "sekitar", "sktr", "perkiraan", "diperkirakan", "estimasi", "±", "+/-",
    "about", "around", "roughly",
)
FIGURE_TO_FOLLOW_WORDS: tuple[str, ...] = (
    "angkanya", "angka pastinya", "angka pasti", "angka persisnya", "jumlah pastinya", "jumlah persisnya",
    "the exact figure", "the exact number", "exact figures",
)
# Saying the office can no longer print, in a mail about blanks, says the district has run out:
# it needs blanks, and a clerk asks how many ("blangkonya blm sampai ..., kami sdh tdk bs cetak").
# Not when a machine or a supply is at fault ("printer error, pencetakan terhenti").
CANNOT_PRINT_PHRASES: tuple[str, ...] = (
    "tidak bisa cetak", "tdk bisa cetak", "tdk bs cetak", "tidak bs cetak", "gak bisa cetak",
    "ga bisa cetak", "gk bs cetak", "tidak bisa mencetak", "tdk bisa mencetak", "tidak dapat mencetak",
    "tdk dapat mencetak", "tidak dapat dicetak", "tidak bisa dicetak", "tdk bs dicetak",
    "pencetakan terhenti", "cetak terhenti", "pencetakan berhenti",
)
MACHINE_FAULT_WORDS: tuple[str, ...] = (
    "printer", "mesin", "error", "eror", "rusak", "macet", "ribbon", "ribon", "tinta", "toner", "film",
    "overlay", "jaringan", "server", "listrik", "padam", "aplikasi", "siak", "koneksi", "sistem",
)
# A receipt phrase in a clause opened by one of these is a condition or a plan, not a receipt: "sisanya
# menyusul bila kiriman pusat sudah masuk", "kalau blangko sudah sampai nanti kami laporkan".
CONDITION_WORDS: tuple[str, ...] = (
    "bila", "apabila", "jika", "jikalau", "kalau", "kalo", "klo", "seandainya", "if", "once", "as soon as",
    # Javanese "menawi sampun dugi" / "yen wis tekan", Sundanese "upami", Banjar "amun", Bugis and Malay "kalu"
    "menawi", "manawi", "yen", "nek", "upami", "amun", "kalu",
    # "akan kami konfirmasi begitu tiba di kantor", "sesampainya di kantor nanti kami hitung"
    "begitu", "sesampainya", "setibanya",
)
# A phone's or mail app's line under a mail ("Sent from my iPhone 15", "Dikirim dari Samsung Galaxy A54 saya",
# "Dikirim dari perangkat Android saya dengan K-9 Mail"): the device named, any number in the line its model.
DEVICE_NAMES: tuple[str, ...] = (
    "iphone", "ipad", "android", "samsung", "galaxy", "xiaomi", "redmi", "poco", "oppo", "vivo", "realme", "huawei",
    "honor", "nokia", "infinix", "tecno", "asus", "motorola", "pixel", "blackberry", "yahoo mail", "outlook for",
    "k-9 mail", "perangkat android", "perangkat ios", "perangkat seluler", "perangkat saya", "ponsel saya", "hp saya",
)
# Words that hope for or plan an arrival, not tell one: "semoga segera kami terima", "mudah-mudahan minggu ini sampai".
HOPED_ARRIVAL_WORDS: tuple[str, ...] = (
    "semoga", "moga", "mudah-mudahan", "mudah2an", "mudahan", "insya allah", "insyaallah", "diharapkan", "harapan",
    "hopefully", "hope", "nanti", "akan", "will",
)
# The arrival words a count received of the other blank is said with in a request ("KTP-el br dtg 1.500 keping",
# "KIA yang dikirim baru sampai 300 keping"), besides the reader's own "affirmed" receipt.
ARRIVAL_CUE_WORDS: tuple[str, ...] = (
    "dtg", "datang", "sampai", "sampe", "nyampe", "tiba", "diterima", "terima", "kami terima", "masuk", "received",
    "arrived",
)
# A receipt phrase in a clause that gives a reason from an earlier month ("Kami ingin tahu jadwal kiriman, karena bulan
# lalu kiriman kami baru sampai tanggal 20"): a past delivery told as the reason of a question, not a receipt now.
REASON_WORDS: tuple[str, ...] = ("karena", "karna", "krn", "sebab", "soalnya", "because", "since")
EARLIER_SPAN_WORDS: tuple[str, ...] = (
    "bulan lalu", "bln lalu", "minggu lalu", "pekan lalu", "tahun lalu", "bulan kemarin", "last month", "last week",
)
RECEIPT_PHRASES: tuple[str, ...] = (
    "sudah kami terima", "telah kami terima", "sdh kami terima", "sudah diterima", "telah diterima",
    "sdh diterima", "kami terima", "sudah kami trima", "sdh kami trima", "kami trima", "sdh ditrima",
    "sudah ditrima", "udah kami terima", "udh kami terima", "udah diterima",
    "kami sudah menerima", "kami telah menerima", "sudah menerima",
    "telah menerima", "sudah sampai", "telah sampai", "sdh sampai", "telah tiba", "sudah tiba",
    "tanda terima", "serah terima", "bukti penerimaan", "berita acara penerimaan",
    "penerimaan blangko", "penerimaan blanko", "well received", "have received", "diterima dengan",
    # As a phone writes it, no "kami": "Sdh terima sesuai. Tks" under the desk's approval.
    "sdh terima", "sudah terima", "udah terima", "udh terima", "sdh trima", "sudah trima",
)
REPORT_PHRASES: tuple[str, ...] = (
    "laporan harian", "laporan kegiatan", "laporan perekaman", "laporan pencetakan", "laporan stok",
    "laporan sisa", "laporan penggunaan", "laporan pemakaian", "lap harian", "lap. harian",
    "lap mingguan", "lap. mingguan", "lap bulanan", "lap. bulanan",
    "rekap harian", "rekapitulasi", "rekap perekaman", "rekap", "update stok", "update stock",
    "posisi stok", "laporan blangko", "laporan blanko", "data stok", "kondisi stok",
    "informasi stok", "info stok", "laporan harian perekaman", "laporan mingguan",
    # a report named by the blank it reports on: "Laporan KIA 20/10", "laporan KTP-el hari ini"
    "laporan kia", "lap kia", "lap. kia", "laporan ktp-el", "laporan e-ktp", "laporan ktp el",
)
# A report named by its word and the day it reports, a place's name or two between: "lap 20/7 perekaman 14",
# "lap KTT 21/08: ...", "Laporan 22/7: rekam 55 cetak 50".
DATED_REPORT_WORDS: tuple[str, ...] = ("laporan", "lap", "lap.", "report")
# Opening a question ("Apakah benar Bulungan sudah menerima 1.500 keping?", "Is it true that Nunukan received
# 3.000 pcs?"): a receipt verb in the question asks whether something came; it tells of no receipt.
QUESTION_OPENERS: tuple[str, ...] = (
    "apakah", "apa", "apakah benar", "apa benar", "apa betul", "apakah betul", "benarkah", "betulkah",
    "sudahkah", "apa sudah", "apakah sudah", "is it true", "is it correct", "did",
)
# (Not "have"/"has": "We have received 2.000 pcs, is that all?" opens with its receipt.)
# The verbs of receiving a question asks with, bare as well as in the receipt phrases above.
ASKED_RECEIPT_VERBS: tuple[str, ...] = (
    "received", "receive", "got", "menerima", "diterima", "terima", "dapat", "mendapat", "mendapatkan",
    "memperoleh", "sampai", "tiba",
)
# Right before a receipt's figure or verb, these make it a comparison ("We only received 2.000", "kami hanya
# menerima 2.000") when the mail asks what another office received: the writer weighs the allocation, and
# confirms no delivery.
ONLY_WORDS: tuple[str, ...] = ("hanya", "cuma", "cuman", "only")
# Wording that makes a mail an invitation even when it carries figures.
INVITATION_STRONG_PHRASES: tuple[str, ...] = ("undangan", "mengundang", "menghadiri", "kehadiran")
INVITATION_PHRASES: tuple[str, ...] = (
    "undangan", "rapat", "mengundang", "menghadiri", "sosialisasi", "bimbingan teknis", "bimtek",
    "workshop", "webinar", "zoom meeting", "acara", "seminar",
)

# The writer's own words saying the mail asks for nothing now ("Ini bukan permintaan pengiriman; permintaan akan
# kami ajukan tersendiri", a yearly need plan sent for planning): its needs and figures are no request.
# Words that say an earlier day's report was wrong, opening its correction: "rekam 17 cetak 17 sisa 725 / maaf
# kemarin salah, sisa tgl 10/11 itu 743 bukan 742". The corrected figure is that day's; beside a stock said now it is
# no stock now.
EARLIER_REPORT_WRONG_PHRASES: tuple[str, ...] = (
    "kemarin salah", "kemaren salah", "kmrn salah", "kemarin keliru", "kemaren keliru", "kemarin ada yang salah",
    "kemarin ada yg salah", "laporan kemarin salah", "lap kemarin salah", "ralat laporan kemarin", "ralat lap kemarin",
    "koreksi laporan kemarin", "koreksi lap kemarin", "yesterday's report was wrong", "correction to yesterday's",
)
NOT_A_REQUEST_PHRASES: tuple[str, ...] = (
    "bukan permintaan pengiriman", "bukan permohonan pengiriman", "bukan merupakan permintaan",
    "bukan merupakan permohonan", "ini bukan permintaan", "ini bukan permohonan", "bukan untuk permintaan",
    "belum merupakan permintaan", "this is not a request", "is not a request", "not a request for",
)
# A need said with the ask put off, in a sentence that names no one blank ("kami butuh kira2 seribu keping ... belum
# kami ajukan sekarang, cuma mau tanya jadwal"): the writer asks for nothing yet. (Said of one blank, "Untuk KIA stok
# masih mencukupi sehingga belum kami ajukan", it sets that blank aside beside an ask for the other.)
ASK_PUT_OFF_PHRASES: tuple[str, ...] = (
    "belum kami ajukan", "blm kami ajukan", "belum kami mohonkan", "not requesting yet", "not asking yet",
)
# The province's ask that districts update their stock (a weekly circular, "mohon update stok blangko per Jumat"
# over a form of "Sisa stok | Kebutuhan s.d. Des"), quoted under a reply: the need the reply fills in answers the
# form, no ask of its own ("Kebutuhan s.d. Des: KTP-el 4.000"); an ask in the reply's own words still is one.
STOCK_UPDATE_ASKS: tuple[str, ...] = (
    "mohon update stok", "mohon update stock", "mohon diupdate stok", "mohon pembaruan stok", "mohon perbarui stok",
    "mohon laporkan stok", "mohon laporkan sisa stok", "mohon melaporkan sisa stok", "mohon melaporkan stok",
    "diminta melaporkan sisa stok", "diminta melaporkan stok", "diminta mengupdate stok",
    "please update your stock", "please update the stock", "please report your stock",
)
# A forwarder's own words passing a third party's mail on for information only ("Sekadar meneruskan surat
# edaran di bawah untuk diketahui"): what it says is no figure of the forwarder's.
FOR_INFORMATION_PHRASES: tuple[str, ...] = (
    "untuk diketahui", "utk diketahui", "sekadar meneruskan", "sekedar meneruskan", "sekadar info", "sekedar info",
    "sebagai informasi", "untuk informasi", "utk informasi", "sebagai bahan informasi", "untuk menjadi perhatian",
    "fyi", "for your information", "for information only", "just forwarding",
    "sekadar informasi", "sekedar informasi", "sekadar menginformasikan", "sekedar menginformasikan",
)
# In a forwarder's own words, an ask to pass the forwarded mail on ("fyi pak, mohon diteruskan permintaan Kec.
# Sebatik Barat di bawah"): the forwarder takes it up, so it is no mail passed on for information only.
PASS_ON_ASK_PHRASES: tuple[str, ...] = (
    "mohon diteruskan", "mohon dapat diteruskan", "tolong diteruskan", "mohon ditindaklanjuti", "mohon diproses",
    "please process", "please forward", "please pass on",
)
# Right before a figure received, in its clause: the receipt is given as the reason for what the mail asks
# ("Karena sudah terima 2.900 keping tgl 11/2, sekarang cukup 1.500 keping"): an earlier shipment, booked
# when it came, not one this mail reports.
RECEIPT_AS_REASON_WORDS: tuple[str, ...] = (
    "karena", "karna", "krn", "sebab", "berhubung", "oleh karena", "because", "since", "as we",
)
# Opening a line that breaks an ask into its parts, with their total: "Rincian: Tana Lia 300, Muruk Rian 400
# (total 700 keping)". A total that adds up its parts and differs from the figure asked leaves the ask unclear.
ASK_BREAKDOWN_WORDS: tuple[str, ...] = (
    "rincian", "rinciannya", "perincian", "dengan rincian", "detail", "detailnya", "breakdown", "broken down",
)
# An age group's range of years before a figure ("usia 0-5 tahun 17 keping", "5-17 thn : 51"): one group's part
# of a KIA count, not the day's count.
AGE_GROUP_UNITS: tuple[str, ...] = ("tahun", "thn", "th", "years", "yrs", "year", "y.o.")

# Wording of the press: a news article or a journalist's mail states figures of no district's
# report ("berita hari ini", "ujar Kepala Disdukcapil"). "berita acara" is a receipt document.
PRESS_PHRASES: tuple[str, ...] = (
    "berita hari ini", "berita terkait", "berita soal", "berita tentang", "ada berita", "link berita",
    "sumber berita", "berita online", "wartawan", "jurnalis", "wawancara", "siaran pers",
    "press release", "dikutip dari", "ujar kepala", "kata kepala", "ungkapnya", "tuturnya",
    "pungkasnya",
    # A journalist asking the office to confirm a story: "Konfirmasi berita: ...", "saya dari portal Benuanta".
    "konfirmasi berita", "saya dari portal", "saya dari media", "portal berita", "media online",
)
# A subject opening with one of these (after "Fwd:") forwards a news item: "Fwd: Berita Radar
# Kaltara - 97 Ribu Blangko KTP-el". ("berita acara" is a receipt document.)
PRESS_SUBJECT_WORDS: tuple[str, ...] = ("berita", "news", "artikel", "kliping", "liputan")
# A news dateline opens an article's first paragraph with its place in capitals:
# "TANJUNG SELOR - Disdukcapil Kaltara memiliki ...", "TARAKAN, Benuanta - ...".
DATELINE_PLACES: tuple[str, ...] = (
    "tanjung selor", "tarakan", "nunukan", "malinau", "tideng pale", "bulungan", "tana tidung",
    "kaltara", "jakarta", "samarinda", "balikpapan", "sebatik", "krayan",
)
# ("redaksi" alone is no cue: "kesalahan redaksi" corrects a letter's wording; nor is "jelasnya":
# "untuk lebih jelasnya".)

# Wording of a citizen writing about their own card ("Saya warga Nunukan ...", "KTP-el saya belum
# jadi"): a complaint for the service desk, never a district's request or report.
CITIZEN_PHRASES: tuple[str, ...] = (
    "saya warga", "saya adalah warga", "saya seorang warga", "sebagai warga", "ktp saya", "ktp-el saya",
    "e-ktp saya", "ektp saya", "ktp el saya", "kia anak saya", "ktp anak saya", "ktp istri saya",
    "ktp suami saya", "nik saya", "kk saya", "kartu keluarga saya", "ktp kami sekeluarga",
)
# ... or about a relative's card, the relative named first: "anak saya sudah rekam KTP-el ... tapi belum jadi".
CITIZEN_PHRASES += tuple(
    f"{who} saya {state}"
    for who in ("anak", "istri", "suami", "adik", "kakak", "ibu", "ayah")
    for state in (
        "sudah rekam", "sudah direkam", "sudah perekaman", "sudah melakukan perekaman", "sudah merekam",
        "belum dicetak", "belum jadi", "belum punya ktp", "belum memiliki ktp",
    )
) + ("ktp-el anak saya", "e-ktp anak saya", "ktp-el istri saya", "ktp-el suami saya")
# A writer naming their own family ("Anak saya 2 orang mau ikut mudik", "orang tua saya belum punya KTP-el"), or
# speaking as the public ("kami warga"), writes as a member of the public, never for a district's office. Said by an
# unknown sender, what such a mail tells of an office's stock ("di Disdukcapil katanya blangko KIA kosong") is a
# complaint, not the district's report. (Not "ibu saya"/"bapak saya": "Terima kasih Ibu, saya ..." addresses a
# reader; not "anak kami": an office speaks of "anak-anak sekolah kami".)
PUBLIC_SPEAKER_PHRASES: tuple[str, ...] = tuple(
    f"{kin} {me}"
    for kin in (
        "anak", "anak-anak", "anak2", "istri", "suami", "orang tua", "ortu", "ayah", "cucu", "keponakan", "mertua",
    )
    for me in ("saya", "sy", "aku")
) + ("kami warga", "kami sebagai warga", "kami masyarakat", "kami selaku warga", "saya masyarakat")

# Wording of phishing and account scams ("Kotak surat Anda hampir penuh ... Verifikasi akun"): from
# an unknown sender, such a mail states no district's figures.
PHISHING_PHRASES: tuple[str, ...] = (
    "verifikasi akun", "verifikasi email", "verify your account", "verify your email",
    "kotak surat anda", "kotak masuk anda", "mailbox anda", "your mailbox", "mailbox is full",
    "mailbox full", "kotak surat penuh", "kuota email", "kuota penyimpanan", "kuota mailbox",
    "storage quota", "email quota", "akun anda akan", "your account will", "kata sandi anda",
    "password anda", "your password", "konfirmasi kata sandi", "perbarui kata sandi",
    "update your password", "klik tautan berikut", "click the link below", "login untuk memverifikasi",
    "akan ditangguhkan", "akan dinonaktifkan", "will be suspended", "will be deactivated",
    "hadiah undian", "anda memenangkan", "you have won",
    # A parcel held for a fee to pay through a link: "Please pay the customs fee of USD 2.99 ... using the link".
    "customs fee", "pay the customs", "bea cukai paket", "biaya bea cukai", "redelivery fee", "using the link below",
    "melalui tautan berikut",
)

# A mail server's own notice of a mailbox's quota ("Peringatan kuota kotak surat 95%", "Kotak surat ... telah
# menggunakan 95% dari kuota 2 GB", "Your mailbox has used 90% of its quota"): automated, unless it asks to
# click, log in or give a password, as phishing does.
QUOTA_NOTICE_PHRASES: tuple[str, ...] = (
    "peringatan kuota", "kuota kotak surat", "kuota kotak masuk", "kuota mailbox", "kuota email",
    "kuota penyimpanan", "batas kuota", "melebihi kuota", "dari kuota", "quota warning", "mailbox quota",
    "over quota", "quota exceeded", "of its quota", "of your quota", "of the quota", "storage quota",
    "mailbox size", "ukuran kotak surat",
)
# ... or of the mailbox filling up, in its title: "Kotak masuk Anda hampir penuh" / "Anda telah menggunakan 95% dari
# kapasitas 1 TB". (Not "kapasitas" or "ruang penyimpanan" alone: a district's store room has them too.)
QUOTA_NOTICE_PHRASES += (
    "kotak masuk anda hampir penuh", "kotak surat anda hampir penuh", "kotak masuk hampir penuh",
    "kotak surat hampir penuh", "kapasitas kotak surat", "kapasitas kotak masuk", "your mailbox is almost full",
    "mailbox is almost full",
)
# A mail written to thank ("mau mengucapkan terima kasih banyak atas bantuan selama ini"), as its purpose, not
# the "terima kasih" closing every mail: with no firm figure, it reports and asks nothing.
THANKING_PHRASES: tuple[str, ...] = (
    "mengucapkan terima kasih", "mengucapkan terimakasih", "ucapkan terima kasih", "ucapan terima kasih",
    "berterima kasih", "we would like to thank", "we wish to thank", "we want to thank",
)
# Right before a report's name, these make it the report's form, asked or sent about, not a report made: "format
# laporan KIA per sekolah seperti apa ya pak?" (subject "format laporan KIA per sekolah").
REPORT_FORM_WORDS: tuple[str, ...] = ("format", "template", "templat", "contoh", "bentuk", "form", "formulir")
# ... or its lateness, apologised for: "Mohon maaf atas keterlambatan laporan harian tanggal 30-31 Oktober".
REPORT_FORM_WORDS += ("keterlambatan", "terlambatnya", "telatnya")
# ... or its day, asked about: "Jadwal rekonsiliasi fisik" (subject), "mohon info jadwal rekonsiliasi".
REPORT_FORM_WORDS += ("jadwal", "schedule")
# A person telling why they write from another address ("Our official mailbox is currently over quota, so I am
# using my personal address", "email kantor kami penuh"): the quota is the writer's own mailbox's, and the mail
# is theirs, no server's notice.
OWN_MAILBOX_WORDS: tuple[str, ...] = (
    "our mailbox", "our official mailbox", "our office mailbox", "our official email", "our office email",
    "my mailbox", "my office mailbox", "mailbox kami", "mailbox kantor kami", "email kantor kami", "email dinas kami",
    "email resmi kami", "kotak surat kami", "akun email kami", "email kantor saya",
    # A person asking about the desk's mail server ("Your server rejected it ... What is the attachment size
    # limit on your side?"): the limit asked about is the desk's, no server's notice of its own.
    "your server", "your mail server", "on your side", "server anda", "server bapak", "server ibu",
    "di pihak anda", "di sisi anda",
)
QUOTA_PHISHING_WORDS: tuple[str, ...] = (
    "verifikasi", "verify", "klik", "click", "kata sandi", "password", "login", "log in", "sign in", "tautan",
    "link", "akan ditangguhkan", "akan dinonaktifkan", "will be suspended", "will be deactivated", "upgrade",
)

# --- Quotes and forwards ------------------------------------------------------------------

# Month-name-free markers of a quoted reply header.
QUOTE_SEPARATORS: tuple[str, ...] = (
    "-----pesan asli-----", "----- pesan asli -----", "-----original message-----",
    "----- original message -----", "-----pesan awal-----", "-----pesan yang diteruskan-----",
)
FORWARD_MARKERS: tuple[str, ...] = (
    "---------- pesan terusan ----------", "---------- forwarded message ---------",
    "---------- forwarded message ----------", "pesan terusan", "forwarded message",
    "begin forwarded message:", "mulai pesan yang diteruskan:", "pesan yang diteruskan",
)
# The words of Lotus Notes' forward line over its header block: "----- Diteruskan oleh Name/Office pada ... -----".
LOTUS_FORWARD_WORDS: tuple[str, ...] = ("diteruskan oleh", "pesan diteruskan oleh", "forwarded by")
# The words of Horde's quote line over the mail it answers: "----- Pesan dari Name <address> ---------".
HORDE_QUOTE_WORDS: tuple[str, ...] = ("pesan dari", "message from")
# A correction the writer typed in brackets at the end of a quoted line ("> - Jumlah yang dimohon: 800 keping
# (...) [ralat: 1.100 kpg]"): opened by one of these, the bracket is the writer's (mailbot.reader.quotes).
QUOTE_NOTE_OPENERS: tuple[str, ...] = (
    "ralat", "koreksi", "revisi", "seharusnya", "harusnya", "semestinya", "mestinya", "yang benar", "yg benar",
    "yg bnr", "yang betul", "yg betul", "mohon jadi", "mohon diganti", "should be", "correction", "corrected",
)
# Gmail's quote header: "Pada <date> <name> menulis:" ("On ... wrote:", and a few other languages).
ON_WROTE_OPENERS: tuple[str, ...] = ("pada", "on", "le", "am", "el")
ON_WROTE_VERBS: tuple[str, ...] = ("menulis", "wrote", "a écrit", "schrieb", "escribió")
# The title inside a "-----Pesan Asli-----" separator line.
QUOTE_SEPARATOR_TITLES: tuple[str, ...] = ("pesan asli", "original message", "pesan awal")
# Outlook reply header field names (Indonesian, English).
OUTLOOK_FROM: tuple[str, ...] = ("dari:", "from:")
OUTLOOK_FIELDS: tuple[str, ...] = (
    "dikirim:", "terkirim:", "sent:", "kepada:", "to:", "perihal:", "subject:", "subjek:", "tanggal:", "date:",
    "tembusan:", "bcc:",
    "cc:",
)
# A quote header with each field name alone on its line and its value below it (Lotus Notes, some
# webmail): "Name <address>" / "02/12/2026 17:20" / "To" / "address" / "cc" / "Subject" / "...".
STACKED_HEADER_FIELDS: tuple[str, ...] = (
    "to", "cc", "bcc", "subject", "kepada", "tembusan", "perihal", "subjek", "from", "dari", "sent", "dikirim",
    "date", "tanggal",
)
# Lines only the desk's own replies open with (templates/_common.txt.j2): below a district's words,
# the desk's reply quoted back, however the client quotes it, is old text, never the writer's.
DESK_REPLY_OPENERS: tuple[str, ...] = (
    "yth. bapak/ibu operator disdukcapil", "yth bapak/ibu operator disdukcapil",
    # a district's head greeted by role: the desk names the district ("Kabupaten"/"Kota"), never the province
    "yth. bapak/ibu kepala disdukcapil kabupaten", "yth. bapak/ibu kepala disdukcapil kota",
    "yth. bapak/ibu kepala bidang disdukcapil kabupaten", "yth. bapak/ibu kepala bidang disdukcapil kota",
)
# The desk's own fixed sentences that close every mail it sends (templates/_common.txt.j2, the digest):
# wherever they sit in an incoming mail (a quote no client marked, a reply run into one line), they are
# the desk's words, cut from what is read and never a sign that the mail's writer is a machine.
DESK_OWN_SENTENCES: tuple[str, ...] = (
    "email ini dikirim otomatis oleh meja layanan blangko",
    "ringkasan ini dikirim otomatis oleh meja layanan blangko",
    "mohon tidak mengubah kode rujukan pada subjek saat membalas",
)
# A confidentiality notice under a signature: a paragraph that says two or more of these is
# boilerplate, never the writer's content ("mohon segera memberitahu pengirim" asks for no blanks).
DISCLAIMER_MARKERS: tuple[str, ...] = (
    "disclaimer", "pernyataan kerahasiaan", "pemberitahuan kerahasiaan", "confidentiality notice",
    "confidentiality", "bersifat rahasia", "bersifat konfidensial", "informasi rahasia", "rahasia dan",
    "bukan penerima yang dimaksud", "bukan penerima yang berhak", "bukan penerima yang tepat",
    "hanya ditujukan kepada", "hanya ditujukan untuk", "dilarang menyebarluaskan", "menghapus surat",
    "menghapus email", "menghapus e-mail", "menghapus pesan", "intended recipient", "intended solely",
    "sole use of the intended", "is prohibited", "are prohibited", "strictly prohibited", "confidential",
    "privileged", "destroy all copies", "delete it", "delete this", "notify the sender", "memberitahu pengirim",
    "memberitahukan pengirim", "tidak bertanggung jawab atas kerugian",
)
# Signature and mobile-client footers after which nothing is content.
FOOTER_LINES: tuple[str, ...] = (
    "dikirim dari iphone saya", "sent from my iphone", "sent from my android",
    "dikirim dari ponsel saya", "dikirim dari yahoo mail", "sent from yahoo mail",
    "dikirim dari perangkat seluler", "sent from my samsung", "dikirim dari samsung",
    "get outlook for android", "dapatkan outlook untuk android", "get outlook for ios",
    "sent from outlook", "dikirim dari outlook",
)

# Wording only the desk's own mail carries (its approvals, clarifications, notices): forwarded
# back to it, such mail is old news, and only the forwarder's own words count.
DESK_MAIL_MARKERS: tuple[str, ...] = (
    "nomor referensi blk-", "no. referensi blk-", "mohon konfirmasi penerimaan dengan membalas surel ini",
)

# In a quoted mail, these ask the writer for the stock as it really is ("Apabila sisa stok Bapak/Ibu berbeda, mohon
# balas email ini dengan sisa stok yang sebenarnya"): a reply that gives the stock and says a shipment came with no
# count ("Stok kami saat ini 2.140 keping, kiriman ... sudah masuk minggu lalu") answers with a stock report.
STOCK_ASKED_PHRASES: tuple[str, ...] = (
    "dengan sisa stok yang sebenarnya", "sisa stok yang sebenarnya", "stok yang sebenarnya", "sisa stok sebenarnya",
    "stok sebenarnya", "your actual stock", "the actual stock",
)

# --- Automated mail -----------------------------------------------------------------------

OUT_OF_OFFICE_SUBJECTS: tuple[str, ...] = (
    "balasan otomatis", "jawaban otomatis", "automatic reply", "auto reply", "autoreply",
    "auto-reply", "out of office", "out of the office", "sedang cuti", "di luar kantor",
    "tidak di kantor", "sedang tidak di kantor", "otomatis:", "auto:", "abwesenheit",
    "autosvar", "respuesta automática", "réponse automatique",
)
OUT_OF_OFFICE_BODIES: tuple[str, ...] = (
    "saya sedang cuti", "saya sedang di luar kantor", "saya sedang tidak berada di kantor",
    "saya tidak berada di kantor", "saya sedang tidak di kantor", "saya sedang dinas luar",
    "saya sedang melaksanakan cuti", "saya sedang dalam perjalanan dinas",
    "ini adalah balasan otomatis", "pesan ini adalah balasan otomatis",
    "pesan ini dibalas secara otomatis", "email ini dibalas secara otomatis",
    "balasan otomatis:", "i am out of the office", "i am currently out of the office",
    "i'm out of the office", "i will be out of the office", "i am on leave",
    "i am currently on leave", "this is an automatic reply", "this is an automated reply",
    "i'm currently out of office", "i am out of office", "away from the office",
)
DELIVERY_FAILURE_SUBJECTS: tuple[str, ...] = (
    "undelivered mail returned to sender", "delivery status notification",
    "mail delivery failed", "mail delivery failure", "returned mail", "undeliverable:",
    "undeliverable mail", "delivery failure", "delivery has failed", "failure notice",
    "tidak terkirim:", "tidak dapat dikirim:", "pengiriman gagal", "gagal terkirim",
    "mail system error", "non-delivery", "nondeliverable", "delivery notification",
    "warning: could not send message", "message not delivered", "pesan tidak terkirim",
)
DELIVERY_FAILURE_BODIES: tuple[str, ...] = (
    "this is the mail system at host", "could not be delivered", "delivery to the following recipient",
    "delivery to the following recipients failed", "the following address(es) failed",
    "message could not be delivered", "your message wasn't delivered", "your message was not delivered",
    "i'm sorry to have to inform you that your message could not",
    "this message was created automatically by mail delivery software",
    "pesan anda tidak dapat dikirim", "pesan anda tidak terkirim", "recipient address rejected",
    "mailbox unavailable", "user unknown", "address not found",
)
NEWSLETTER_PHRASES: tuple[str, ...] = (
    "unsubscribe", "berhenti berlangganan", "hentikan langganan", "batal berlangganan",
    "manage your subscription", "kelola langganan", "kelola preferensi email",
    "update your preferences", "you are receiving this email because", "anda menerima email ini karena",
    "view this email in your browser", "lihat email ini di browser",
)
# A quoted line of the desk leading a list of figures to fill in ("Laporan harian ... belum mencantumkan:"):
# each bullet under it asks for its figure.
MISSING_FIGURE_LEADS: tuple[str, ...] = (
    "belum mencantumkan", "belum menyebutkan", "tidak mencantumkan", "mohon lengkapi", "mohon dilengkapi",
    "mohon melengkapi", "lengkapi data", "data berikut", "please provide", "please complete", "is missing",
    "are missing",
)
# After "anda menerima email ini karena", these make it a confidentiality notice ("... karena kekeliruan").
SENT_IN_ERROR_WORDS: tuple[str, ...] = ("kekeliruan", "kesalahan", "keliru", "salah kirim", "error", "mistake")
# --- Inline replies: questions the desk asks, answered under each (kind/quotes decisions) ---------

# More ways the desk's quoted question asks for the figure requested ("Berapa jumlah yang diusulkan
# untuk dikirim?"), beside ASKED_ROLE_PHRASES["requested"].
ASKED_ROLE_PHRASES["requested"] = ASKED_ROLE_PHRASES["requested"] + (
    "yang diusulkan", "yang bapak/ibu usulkan", "jumlah usulan", "jumlah yang diusulkan", "yang akan diajukan",
    "yang ingin diajukan", "yang hendak diajukan", "yang perlu dikirim", "yang harus dikirim",
    "how many do you need", "how many are requested",
)
# The desk asking a district for its stock in a statement: "Mohon informasi sisa stok blangko KTP-el per hari ini";
# a one-figure reply ("2100.") gives the stock.
ASK_CUES += ("mohon informasi", "mohon info", "mohon infonya")
ASKED_ROLE_PHRASES["stock_on_hand"] += (
    "informasi sisa stok", "informasi sisa blangko", "informasi stok", "info sisa stok", "info stok",
    "info sisa blangko",
)
# The province's ask to update the stock (STOCK_UPDATE_ASKS) asks for the stock: a reply's figure with no role
# of its own ("KTP-el: 2.140") answers it.
ASK_CUES += STOCK_UPDATE_ASKS
ASKED_ROLE_PHRASES["stock_on_hand"] += STOCK_UPDATE_ASKS

# --- Whom the writer speaks for (district decisions) -------------------------------------------

# The closing a signature block follows: the district named below it is the writer's.
SIGNATURE_CLOSINGS: tuple[str, ...] = (
    "salam", "hormat kami", "hormat saya", "terima kasih", "terimakasih", "wassalam", "wassalamualaikum",
    "tabik", "regards", "best regards", "kind regards", "sincerely", "thanks", "thank you", "tks", "ttd",
)

# Words that name an office in a signature or letterhead ("Operator Disdukcapil Kab. Nunukan").
OFFICE_WORDS: tuple[str, ...] = (
    "disdukcapil", "dukcapil", "capil", "dinas", "kabupaten", "kab", "kab.", "kota", "pemkab", "pemkot",
    "pemerintah", "regency", "district", "city", "operator", "admin", "seksi", "bidang", "kepala",
)

# --- Kind phrases beyond the lists above (kind decisions) --------------------------------------

# A receipt in English, in chat spelling, or said of part of a shipment ("yang sampai baru 1.000 keping").
RECEIPT_KIND_MORE: tuple[str, ...] = (
    "confirm receipt", "confirm the receipt", "acknowledge receipt", "we received", "we have received",
    "have been received", "has been received", "were received", "was received", "has arrived", "have arrived",
    "arrived safely", "arrived today", "arrived this morning", "arrived yesterday",
    "udh nyampe", "udah nyampe", "sdh nyampe", "sudah nyampe", "dah nyampe", "telah nyampe", "udh sampe",
    "udah sampe", "sdh sampe", "sudah sampe", "dah sampe", "udh sampai", "udah sampai", "dah sampai",
    "yang sampai", "yg sampai", "baru sampai", "sudah datang", "sdh datang", "udah datang", "udh datang",
    "telah datang", "sudah masuk", "sdh masuk", "udah masuk", "telah masuk", "baru datang", "baru tiba",
    "yang nyampe", "yg nyampe", "baru nyampe", "yang sampe", "yg sampe", "baru sampe",
    "br dtg", "br datang", "baru dtg", "sdh dtg", "udh dtg", "udah dtg", "sudah dtg",
    "sampun kami tampi", "sampun dipuntampi", "sampun dipun tampi", "sampun ditampi", "sampun tampi",
)
# Words for what a delivery lacked ("kekurangan 200 keping", "kurang 20 keping"): such a figure that,
# added to the figure received, gives the figure shipped, is the delivery's gap and no request.
DELIVERY_GAP_WORDS: tuple[str, ...] = (
    "kekurangan", "kekurangannya", "kurang", "selisih", "selisihnya", "shortfall", "short", "missing",
)
# The desk's own notice that blanks were sent ("... untuk permohonan BLK-2026-0001 telah DIKIRIM"): it names
# the request, but a district answering it revises no request of its own.
DISPATCH_NOTICE_PHRASES: tuple[str, ...] = (
    "telah dikirim", "sudah dikirim", "telah dikirimkan", "sudah dikirimkan", "telah kami kirim",
    "sudah kami kirim", "telah kami kirimkan", "sudah kami kirimkan", "has been sent", "have been sent",
    "has been dispatched", "have been dispatched", "were dispatched",
)
# A message, not blanks: what "sudah kami terima emailnya" / "email Bapak sudah kami terima" received.
MESSAGE_NOUNS: tuple[str, ...] = (
    "email", "emailnya", "e-mail", "e-mailnya", "surel", "surelnya", "pesan", "pesannya", "balasan",
    "balasannya", "informasi", "informasinya", "info", "infonya", "kabar", "kabarnya", "pemberitahuan",
    "pemberitahuannya", "notifikasi", "notifikasinya", "your email", "your message", "the email", "the message",
)
# Between a message noun and the receipt phrase after it: "email Bapak sudah kami terima", "emailnya yang
# sudah diterima", "email dari provinsi telah kami terima".
MESSAGE_OWNERS: tuple[str, ...] = (
    "bapak", "ibu", "bapak/ibu", "bpk", "pak", "bu", "dari bapak", "dari ibu", "dari provinsi", "provinsi",
    "tersebut", "tadi", "kemarin", "yang", "yg",
)
# A figure still awaited: "blangkonya belum datang, masih kami tunggu 1.200 keping", "we are still waiting for
# 1,200". Beside a denied arrival (IN_TRANSIT_PHRASES) it is never the count received.
AWAITED_PHRASES: tuple[str, ...] = (
    "masih kami tunggu", "masih ditunggu", "kami tunggu", "masih kami nantikan", "kami nantikan",
    "masih menunggu", "sedang menunggu", "sedang kami tunggu", "still waiting", "still waiting for",
    "waiting for", "are waiting for",
)
# ... and after an asked figure, its blanks not come yet ("permohonan 300 lembar tgl 3/8 belum datang"): an earlier ask
# chased (mailbot.reader.roles).
AWAITED_ASK_PHRASES: tuple[str, ...] = (
    "belum datang", "blm datang", "belum sampai", "blm sampai", "belum tiba", "blm tiba", "belum dikirim",
    "blm dikirim", "belum kami terima", "belum diterima",
)
# Before an asked figure in its words, a question after an earlier request's progress ("Mohon info perkembangan surat
# kami ... perihal permohonan 1.000 keping"): the figure is the earlier request's (mailbot.reader.roles).
STATUS_ASKED_WORDS: tuple[str, ...] = (
    "perkembangan", "info status", "informasi status", "menanyakan", "kelanjutan", "progress of", "status of",
)
# Beside an asked figure, a word of more on top of what was given ("mohon tambahan 1.000 keping lagi"): a new ask, also
# when it is the figure the desk approved (mailbot.reader).
MORE_ASKED_WORDS: tuple[str, ...] = ("tambahan", "additional", "another")
# ... and right after the figure and its unit ("1.000 keping lagi", "1,000 more").
MORE_ASKED_AFTER: tuple[str, ...] = ("lagi", "more", "again")
# Before an asked figure, a request confirmed as made already ("Saya konfirmasi permohonan Pak Arif tanggal 21/7 ya
# (1.500)"): the request is on the desk's books; the figure asks nothing anew (mailbot.reader.roles).
CONFIRMED_ASK_PHRASES: tuple[str, ...] = (
    "konfirmasi permohonan", "konfirmasi permintaan", "konfirmasi pengajuan", "mengonfirmasi permohonan",
    "mengkonfirmasi permohonan", "mengonfirmasi permintaan", "mengkonfirmasi permintaan", "membenarkan permohonan",
    "confirm the request", "confirming the request", "confirm the request of", "confirming the request of",
)
# In a mail chasing an earlier request, these ask for it to be acted on ("mohon segera diproses", "mohon dikirim"):
# without them (and without a figure of its own) the mail only asks after the request's progress.
ACT_ASKED_WORDS: tuple[str, ...] = (
    "segera", "sgr", "dikirim", "dikirimkan", "diproses", "ditindaklanjuti", "ditindak lanjuti", "direalisasikan",
    "dipenuhi", "dibantu", "asap", "urgent", "mendesak", "please send", "please process", "kirim",
)
# A request in English ("the civil registry office ... kindly requests 1,500 blank e-ID cards").
REQUEST_KIND_MORE: tuple[str, ...] = (
    "kindly request", "kindly requests", "we request", "hereby request", "hereby requests", "would like to request",
    "request additional", "requests additional", "requesting additional", "request an additional",
    "request a further", "please send", "please send us", "please allocate", "please dispatch", "please supply",
    "we need additional", "we need more", "we are in need of",
)
# A period's report: its ledger words ("stok awal ... diterima ... dicetak ... stok akhir") and titles.
# Addresses of a shared spreadsheet: a report sent as a link to one is a report, its figures out of the mail.
SHARED_SHEET_LINKS: tuple[str, ...] = (
    "docs.google.com/spreadsheets", "sheets.google.com", "onedrive.live.com", "1drv.ms", "sharepoint.com",
)
REPORT_KIND_MORE: tuple[str, ...] = (
    # A week's report, kept in a shared sheet: "laporan minggu ini sudah diupdate di link berikut".
    "laporan minggu", "laporan mingguan",
    "laporan persediaan", "persediaan blangko", "rekonsiliasi", "rekonsiliasi persediaan", "laporan bulanan",
    "laporan mutasi", "mutasi blangko", "stok awal", "stok akhir", "saldo awal", "saldo akhir",
    "sisa awal", "sisa akhir", "opening stock", "closing stock", "monthly report", "weekly report",
    "daily report", "stock report", "stock update",
    # The count of a stock audit sent in: "hasil stok opname kami terlampir".
    "hasil stok opname", "hasil stock opname", "hasil opname", "stock opname report", "stocktake report",
)
# Words that say a file holds what the sentence names: "laporan stok opname terlampir foto", "report attached".
ATTACHED_WORDS: tuple[str, ...] = (
    "terlampir", "dilampirkan", "kami lampirkan", "saya lampirkan", "lampiran", "attached", "attachment",
    "enclosed",
)
# ... or that it is a picture of the report sent with the mail: "ss laporan hari ini ya bu" with a photo attached
# (the picture names the report too: the mail sends it).
REPORT_PICTURE_PHRASES: tuple[str, ...] = (
    "ss laporan", "screenshot laporan", "foto laporan", "capture laporan", "tangkapan layar laporan",
)
ATTACHED_WORDS += REPORT_PICTURE_PHRASES
REPORT_KIND_MORE += REPORT_PICTURE_PHRASES

# --- Replies revising the writer's own earlier mail (kind decisions) ---------------------------

# Words that revise a figure of the writer's own quoted mail ("Ralat pak, yang benar 1.800 keping",
# "setelah dicek ulang ... cukup 1.000 keping saja"): the reply is that mail again, with the new figure.
REVISION_CUES: tuple[str, ...] = CORRECTION_OPENERS + (
    "dihitung ulang", "dihitung lagi", "hitung ulang", "dicek ulang", "dicek lagi", "cek ulang", "diperiksa ulang",
    "diperiksa lagi", "setelah dihitung", "setelah dicek", "setelah diperiksa", "salah hitung", "keliru",
    "tidak perlu", "tdk perlu", "cukup", "dikurangi", "dikurangi menjadi", "ditambah", "ditambah menjadi",
    "recounted", "after recounting", "after checking", "double-checked", "double checked", "only need",
)

# A noun of asking used as a counter's label in a list of the day's work ("pengajuan 48, cetak 45, sisa blangko
# KIA 196"): the applications citizens handed in, not blanks asked of the province.
COUNTER_ASK_NOUNS: tuple[str, ...] = ("pengajuan", "permohonan")
# Ending a line of figures, these say the line's figures are already in the figures above ("Rincian Krayan: rekam
# 57, cetak 49 (tidak menambah angka di atas, sudah termasuk)"): a breakdown, no figures of their own.
ALREADY_COUNTED_PHRASES: tuple[str, ...] = (
    "sudah termasuk", "sdh termasuk", "udah termasuk", "telah termasuk", "sudah terhitung", "sudah dihitung",
    "tidak menambah", "tdk menambah", "sudah masuk hitungan", "already included", "already counted",
    "included above", "not in addition",
)
# After one of those, a word pointing up at the figures above ("tidak menambah angka di atas"); without one, the
# words must end their clause ("..., sudah termasuk)"): "sisa 2.208 (sudah termasuk tambahan dari provinsi)"
# says what the figure includes, and the figure stays.
ABOVE_WORDS: tuple[str, ...] = ("di atas", "diatas", "tersebut di atas", "above", "in the total")
# The names of a request as a letter; what the desk says it received under one of them is the request
# itself ("Permohonan 800 keping blangko KTP-el telah kami terima"), no blanks.
REQUEST_NOUNS: tuple[str, ...] = (
    "permohonan", "permintaan", "pengajuan", "usulan", "surat permohonan", "request", "your request",
    "application",
)
# The names of a district's report, which the desk says it received ("Laporan harian Kota Tarakan 29/01/2030
# telah kami terima. Sisa blangko tercatat 1.380"): such a quoted desk answer is no receipt of blanks.
REPORT_NOUNS: tuple[str, ...] = ("laporan", "lap", "report", "rekap", "rekapan", "rekapitulasi")

# --- Automated mail: machine signals beyond the RFC 3834 headers (kind decision) ------------

# Headers only a machine sets on the mail it writes: an autoresponder's own markers, a calendar
# server's reply to an invitation (Exchange's X-MS-Exchange-Calendar-*), a read receipt's notice fields.
MACHINE_HEADERS: tuple[str, ...] = (
    "x-autoreply", "x-autorespond", "x-autoresponder", "x-autoreply-from", "x-mail-autoreply",
    "x-ms-exchange-calendar-",
)
# Read receipts (MDN, RFC 8098, and the clients' plain-text notices): the subject opens with the marker...
READ_RECEIPT_SUBJECTS: tuple[str, ...] = (
    "dibaca:", "telah dibaca:", "sudah dibaca:", "read:", "read receipt:", "return receipt",
    "tanda terima baca", "konfirmasi baca", "lu :", "lu:", "gelesen:", "leído:", "lido:",
)
# ...and the body says the message was read.
READ_RECEIPT_BODIES: tuple[str, ...] = (
    "was deleted without being read", "dihapus tanpa dibaca", "telah dibaca pada", "sudah dibaca pada",
    "dibaca pada tanggal", "was read on", "has been read on",
    "was displayed on", "telah ditampilkan pada", "this is a receipt for the mail you sent",
    "ini adalah tanda terima untuk email yang anda kirim",
)
# A calendar's answer to an invitation, or the invitation itself, in the words its server writes.
CALENDAR_BODIES: tuple[str, ...] = (
    "telah menerima undangan ini", "telah menolak undangan ini", "menerima undangan ini secara tentatif",
    # Outlook names what the invitation was for: "Disdukcapil Kota Tarakan telah menerima undangan rapat ini."
    "telah menerima undangan rapat ini", "telah menolak undangan rapat ini",
    "menerima undangan rapat ini secara tentatif", "has accepted this meeting", "has declined this meeting",
    "tentatively accepted this meeting",
    "has accepted this invitation", "has declined this invitation", "has tentatively accepted this invitation",
    "accepted this invitation", "declined this invitation", "tentatively accepted this invitation",
    "invitation from google calendar", "undangan dari google kalender",
    "undangan dari google calendar", "you are receiving this courtesy email",
)
# What a system writes of its own mail ("Email ini dikirim otomatis. Jangan membalas email ini.",
# "-- Diteruskan otomatis dari WhatsApp --"): no person says this of what they write.
MACHINE_TEMPLATE_PHRASES: tuple[str, ...] = (
    "email ini dikirim otomatis", "email ini dikirim secara otomatis", "pesan ini dikirim otomatis",
    "pesan ini dikirim secara otomatis", "surel ini dikirim otomatis", "surel ini dikirim secara otomatis",
    "email ini dibuat otomatis", "email ini dibuat secara otomatis", "pesan ini dibuat otomatis",
    "pesan ini dibuat secara otomatis", "dikirim otomatis oleh sistem", "dikirim secara otomatis oleh sistem",
    "ini adalah pesan otomatis", "ini adalah email otomatis", "ini pesan otomatis", "ini email otomatis",
    "jangan membalas email ini", "jangan membalas pesan ini", "jangan membalas surel ini",
    "mohon tidak membalas email ini", "mohon tidak membalas pesan ini", "harap tidak membalas email ini",
    "jangan dibalas", "mohon jangan dibalas",
    "this is an automated message", "this is an automated notification", "this is an automatically generated",
    "this message was sent automatically", "this email was sent automatically",
    "this message was generated automatically",
    "this email was generated automatically", "this message was automatically generated",
    "this email was automatically generated", "this is a system generated", "this is a system-generated",
    "do not reply to this email", "do not reply to this message", "please do not reply", "please don't reply",
    "this mailbox is not monitored",
    # A mail server's DMARC / SMTP TLS reports (RFC 7489, RFC 8460), sent to the address a domain names.
    "this is a dmarc aggregate report", "dmarc aggregate report", "dmarc failure report", "smtp tls report",
    "in the 'rua' tag of your dmarc record", "laporan agregat dmarc",
)
# A government e-office system's notice of an official letter come in ("Anda menerima naskah dinas baru melalui
# SRIKANDI"). Bare, it is the system's mail (automated); when it carries the letter itself, as its text after
# one of EOFFICE_CONTENT_LEADS ("Isi ringkas naskah: Dengan hormat, ... kami mohon ... 4.000 keping") or as a
# file it says is attached ("Naskah terlampir pada email ini", "Lampiran: 1 berkas (PDF)"), the letter is a
# district's mail only relayed: it is read for the letter, from the district its "Dari" line names.
EOFFICE_NOTICE_PHRASES: tuple[str, ...] = (
    "naskah dinas baru", "naskah masuk", "surat masuk baru", "menerima naskah", "menerima surat dinas",
)
EOFFICE_CONTENT_LEADS: tuple[str, ...] = ("isi ringkas naskah", "isi ringkas", "isi naskah", "ringkasan naskah")
EOFFICE_ATTACHED_PHRASES: tuple[str, ...] = (
    "naskah terlampir", "naskah dilampirkan", "surat terlampir", "lampiran: 1 berkas", "lampiran : 1 berkas",
)
# The letter's own header lines the notice repeats: who wrote it and what it is about.
EOFFICE_HEADER_FIELDS: tuple[str, ...] = ("dari", "asal", "asal naskah", "pengirim", "hal", "perihal")
# Where the system's own words start again after the letter: "Untuk menindaklanjuti naskah ini silakan masuk".
EOFFICE_FOOTER_PHRASES: tuple[str, ...] = (
    "untuk menindaklanjuti", "silakan masuk", "silakan login", "email ini dikirim otomatis",
    "pesan ini dikirim otomatis",
)
# A district's own form system sending what its officer filled in, from the district's own address ("Email ini
# dikirim otomatis oleh sistem e-Layanan setelah formulir diisi", "Nama Pengisi : Dewi Kartika"): the form is the
# district's mail, read as the officer wrote it, unless it says it is a trial (FORM_TRIAL_WORDS).
FILLED_FORM_PHRASES: tuple[str, ...] = (
    "setelah formulir diisi", "setelah formulir dikirim", "setelah formulir disubmit", "formulir telah diisi",
    "formulir sudah diisi", "nama pengisi", "diisi oleh", "after the form was submitted", "submitted by",
)
FORM_TRIAL_WORDS: tuple[str, ...] = (
    "tes formulir", "test formulir", "testing formulir", "uji coba", "ujicoba", "percobaan", "mohon diabaikan",
    "harap diabaikan", "abaikan saja", "test submission", "please ignore", "just a test",
)
# After a count, a form's notice of answers come in ("Formulir Laporan Stok menerima 1 tanggapan baru", "12
# tanggapan baru kemarin", "3 new responses"): the form's summary, a machine's mail with no figure of blanks.
FORM_SUMMARY_PHRASES: tuple[str, ...] = (
    "tanggapan baru", "respons baru", "jawaban baru", "new response", "new responses",
)
# The same said in a short line of its own ("-- pesan otomatis --", "Pesan otomatis, jangan dibalas.",
# "-- Diteruskan otomatis dari WhatsApp --"): a marker only when it opens a line; in a sentence ("kami belum
# menerima notifikasi otomatis dari SIAK") a person is speaking of a machine.
MACHINE_TEMPLATE_LINES: tuple[str, ...] = (
    "pesan otomatis", "email otomatis", "surel otomatis", "notifikasi otomatis", "pemberitahuan otomatis",
    "diteruskan otomatis", "diteruskan secara otomatis", "dikirim otomatis", "dikirim secara otomatis",
    "automated message", "automatic message", "automatic notification", "auto-generated", "automatically generated",
    "system generated", "system-generated", "automatically forwarded", "auto-forwarded",
    # A monitoring system's alert template (Zabbix, Nagios, Icinga, Prometheus): "Problem started at
    # 03:12:44 on 2026.12.04", "Problem name: Disk /var 91% used", "Notification Type: PROBLEM".
    "problem started at", "problem name:", "problem has been resolved", "problem resolved at",
    "original problem id", "trigger status:", "trigger severity:", "notification type: problem",
    "notification type: recovery", "service alert:", "host alert:", "alertname:", "alertname =",
)
# What a mobile carrier or a shop tells its customer of their own account ("Sisa kuota internet Anda 300
# MB ... Beli paket ..."): no district writes this to the desk. A dial code ("ketik *123#") is a sibling.
CARRIER_NOTICE_PHRASES: tuple[str, ...] = (
    "kuota internet anda", "sisa kuota internet", "kuota data anda", "paket internet anda", "paket data anda",
    "beli paket", "perpanjang paket", "masa aktif kartu", "masa aktif paket", "pulsa anda", "sisa pulsa",
    "tagihan anda", "your data quota", "your data balance", "your airtime",
)
# A system's subject tag: a ticket or case number, a monitoring alert ("[Tiket #48213]", "[ALERT] Disk usage").
SYSTEM_SUBJECT_TAGS: tuple[str, ...] = (
    "tiket", "ticket", "case", "kasus", "incident", "insiden", "alert", "alarm", "alerta", "monitoring",
    "firing", "notifikasi", "notification",
    # a job's outcome in a backup or monitoring program's subject: "[Warning] SIAK-Daily (3 VMs) 1 warning"
    "warning", "critical", "error", "failed", "success", "problem", "resolved",
)
# The cron daemon's subject for a job's output: "Cron <root@srv-arsip> rsync -a /data ...".
CRON_SUBJECT_OPENERS: tuple[str, ...] = ("cron", "cron daemon", "anacron")
# Words of a sender address's local part that name a machine ("monitor@", "siak-sync@", "wa-bridge@",
# "quarantine@"): the local part is split at . _ - + and each word looked up.
MACHINE_LOCAL_WORDS: tuple[str, ...] = (
    "monitor", "monitoring", "alert", "alerts", "alerting", "quarantine", "karantina", "bridge", "sync",
    "daemon", "bot", "robot", "cron", "scheduler", "notify", "notifier", "notif", "notifikasi",
    "autoreply", "autoresponder", "bounce", "bounces", "mailer", "listserv", "majordomo", "digest",
    "calendar", "kalender",
    # a mail server's DMARC and TLS reports ("dmarcreport@microsoft.com", "dmarc-reports@", "tlsrpt@")
    "dmarc", "dmarcreport", "dmarcreports", "tlsrpt",
    # monitoring programs that mail their alerts under their own name
    "zabbix", "nagios", "icinga", "grafana", "prometheus", "alertmanager", "uptimerobot", "statuscake",
    # a server's own accounts and its scheduled jobs: cron mails its output as root, backups report themselves
    "root", "crond", "anacron", "cronjob", "logwatch", "backup", "backups", "veeam", "acronis", "bacula",
)
# Local parts a mail server writes from with a suffix of its own ("MicrosoftExchange329e71ec...@").
MACHINE_LOCAL_PREFIXES: tuple[str, ...] = ("microsoftexchange", "mailer-daemon", "mail-daemon")
# Delivery reports beyond DELIVERY_FAILURE_*: other mail servers' wording, delayed-delivery warnings
# (still retried: automated all the same), a full mailbox, in English and Indonesian.
DELIVERY_REPORT_SUBJECTS: tuple[str, ...] = (
    "delivery status notification (delay)", "delivery delayed", "delayed mail", "mail delivery delayed",
    "message delayed", "delivery warning", "undelivered mail", "undeliverable", "returned mail:", "mail returned",
    "message undeliverable", "could not deliver", "couldn't be delivered", "pesan tertunda",
    "pengiriman pesan gagal", "pengiriman pesan tertunda", "pesan gagal dikirim", "email gagal dikirim",
)
# Counted in the notice's own words only (not in what a person quotes of one).
DELIVERY_REPORT_BODIES: tuple[str, ...] = (
    "couldn't be delivered", "could not deliver", "delivery has failed to these recipients",
    "delivery to these recipients or groups failed", "has not yet been delivered", "has not been delivered yet",
    "will continue to try to deliver", "still trying to deliver", "delivery attempts will continue",
    "the recipient's mailbox is full", "remote server returned", "diagnostic information for administrators",
    "returned mail: see transcript", "the original message was received at", "pesan anda belum dapat dikirim",
    "pesan anda belum terkirim", "pesan anda gagal dikirim", "gagal mengirim pesan anda",
    "kotak surat penerima penuh", "akan terus mencoba mengirim pesan", "akan mencoba mengirim ulang pesan",
)
# Out-of-office replies in more of the words an autoresponder is given (first person, the absence
# itself): "saya sedang cuti tahunan", "I am away until ...".
OUT_OF_OFFICE_MORE_SUBJECTS: tuple[str, ...] = (
    "auto response", "autoresponse", "auto-response", "automatic response", "respon otomatis",
    "tanggapan otomatis", "vacation reply", "away from office",
)
# Before an auto-reply's marker in the writer's own words, these say the writer got such replies ("Kami menerima 2
# balasan otomatis untuk email yang sama, mohon dicek", "we received two automatic replies"): a person writing
# about auto-replies, whose subject ("Balasan otomatis dobel") names them, is no auto-reply.
AUTOREPLY_RECEIVED_LEADS: tuple[str, ...] = (
    "menerima", "terima", "dapat", "mendapat", "mendapatkan", "dapet", "received", "got", "getting",
)
READ_RECEIPT_MORE_SUBJECTS: tuple[str, ...] = ("not read:", "tidak dibaca:", "belum dibaca:", "dihapus tanpa dibaca:")
# A mail client's recall of a message the sender sent before (Outlook "Recall:", "Penarikan:"), and the
# report of how the recall went: the client writes it, whatever figure the recalled subject names.
MESSAGE_RECALL_SUBJECTS: tuple[str, ...] = (
    "recall:", "penarikan:", "penarikan kembali:", "penarikan pesan:", "tarik kembali:", "message recall",
    "recall success", "recall failure", "penarikan berhasil", "penarikan gagal",
)
MESSAGE_RECALL_BODIES: tuple[str, ...] = (
    "would like to recall the message", "wants to recall the message", "ingin menarik pesan",
    "ingin menarik kembali pesan", "ingin menarik kembali email", "ingin menarik email",
    "bermaksud menarik pesan", "recall of the message", "penarikan pesan", "message recall report",
    "laporan penarikan pesan", "the recall of this message", "was recalled", "telah ditarik kembali",
)
# Out-of-office replies that say so only by what they describe (away, mail read later, whom to call).
OUT_OF_OFFICE_MORE_BODIES: tuple[str, ...] = (
    "akses email terbatas", "akses surel terbatas", "akses email yang terbatas",
    "limited access to email", "limited email access", "limited access to my email", "no access to email",
    "untuk hal yang mendesak silakan", "untuk hal mendesak silakan", "untuk keperluan mendesak silakan",
    "untuk hal yang mendesak, silakan", "untuk hal mendesak, silakan", "untuk keperluan mendesak, silakan",
    "for urgent matters please contact", "for urgent matters, please contact", "for anything urgent, please",
    "saya akan kembali ke kantor", "saya akan kembali bertugas", "kembali masuk kantor pada",
    "saya sedang cuti tahunan", "i will return on", "i will be back on", "i will be back in the office",
    "i'll be back in the office", "i am away until", "i am currently away", "i'm currently away",
    "i am away from", "i'm away from", "i am on annual leave", "i'm on annual leave", "i am on vacation",
    "i'm on vacation", "i will have limited access", "with limited access to email", "on leave until",
    "out of the office until", "back in the office on",
)
# Words of a person writing in an absent colleague's stead ("On behalf of Ms. Dewi Kartika (on leave until 12
# April), I would like to request ..."): the absence said after them is the colleague's, and the writer is at work.
STAND_IN_WORDS: tuple[str, ...] = (
    "on behalf of", "in place of", "atas nama", "mewakili", "menggantikan", "sebagai pengganti", "a.n.",
)
# A courier's words: a parcel "could not be delivered" is no mail returned by a mail server.
PARCEL_WORDS: tuple[str, ...] = (
    "parcel", "package", "your shipment", "paket", "paket anda", "kurir", "courier", "nomor resi", "no. resi",
    "tracking number",
)

# A courier's own notice that a parcel was delivered ("Yth. Pelanggan, Paket Anda dengan resi ... telah diterima oleh
# penerima"): beside PARCEL_WORDS, these make it the courier's mail, no district's receipt.
COURIER_NOTICE_PHRASES: tuple[str, ...] = (
    "yth. pelanggan", "yth pelanggan", "pelanggan yth", "pelanggan yang terhormat", "dear customer",
    "dear valued customer", "diterima oleh penerima", "telah diterima oleh penerima", "delivered to the recipient",
    "has been delivered to",
)

NOREPLY_LOCALS: tuple[str, ...] = (
    "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply", "jangan-balas",
    "tidak-dibalas",
    # A form or calendar system's notices ("forms-receipts-noreply@", "calendar-notification@").
    "calendar-notification", "forms-receipts", "form-notification", "notifications", "notification",
)

# --- Districts ----------------------------------------------------------------------------

# Prefixes stripped from a configured district name to find how staff name it in text.
DISTRICT_PREFIXES: tuple[str, ...] = ("kabupaten", "kota")
# The kecamatan and posts of each district (keyed by the district's name without prefix), as a desk clerk in
# Kaltara knows them: a writer who names only his post ("lap UPT Krayan", "KIA DI KRAYAN JUGA HABIS") writes
# from that district. Names shared with no other district only.
DISTRICT_PLACES: dict[str, tuple[str, ...]] = {
    "bulungan": ("tanjung palas", "tanjung palas barat", "tanjung palas tengah", "tanjung palas timur",
                 "tanjung palas utara", "peso", "peso hilir", "sekatak", "bunyu"),
    "malinau": ("kayan hulu", "kayan hilir", "kayan selatan", "sungai boh", "pujungan", "bahau hulu", "mentarang",
                "mentarang hulu", "sungai tubu", "apau kayan", "long ampung"),
    "nunukan": ("krayan", "krayan selatan", "krayan tengah", "krayan timur", "krayan barat", "long bawan",
                "lumbis", "lumbis ogong", "lumbis hulu", "lumbis pansiangan", "sembakung", "sembakung atulai",
                "sebuku", "tulin onsoi", "sebatik", "sebatik barat", "sebatik timur", "sebatik tengah",
                "sebatik utara", "sei menggaris", "mansalong"),
    "tana tidung": ("sesayap", "sesayap hilir", "tana lia", "betayau", "muruk rian", "tideng pale"),
}
# Short forms of the prefixes, as a signature writes them ("UPT Krayan Kab Nunuk"), before a name cut off.
DISTRICT_PREFIX_SHORT: tuple[str, ...] = ("kab", "kab.", "kabupaten", "kota")
# Other names staff use for a district, keyed by the name without prefix.
DISTRICT_ALIASES: dict[str, tuple[str, ...]] = {
    "tana tidung": ("ktt", "tanatidung", "tana-tidung"),
    # ("blg" is left out: staff write it for "blangko"; "blgn" is only ever Bulungan: "tkk dukcapil blgn".)
    "bulungan": ("blgn",),
    "tarakan": ("trk",),
    "nunukan": ("nnk",),
    # "dolvi capil mlnw": an SMS sign-off writes the name without its vowels ("mlnw" for "-nau")
    "malinau": ("mln", "mlnw"),
}

# An office's word with a district's short name, as a chat names its speakers ("[10.05] Dimas Capil Blg: ...",
# "Sinta Dukcapil Trk"): after the office's word the short name is the district's, never "blangko".
OFFICE_TAG_WORDS: tuple[str, ...] = ("capil", "dukcapil", "disdukcapil")
# In a signature, these name the office the writer came from ("(pindahan dari kantor Capil Kab. Nunukan)",
# "(mutasi dari Disdukcapil Kab. Berau)", "(seconded from ...)"): the district named after them, to the end of
# the line or the bracket, is not the one the writer speaks for.
FORMER_OFFICE_PHRASES: tuple[str, ...] = (
    "pindahan dari", "pindahan dr", "mutasi dari", "mutasi dr", "dimutasi dari", "eks", "ex", "seconded from",
    "transferred from", "formerly at", "formerly with",
)
DISTRICT_TAG_ALIASES: dict[str, tuple[str, ...]] = {"bulungan": ("blg", "blgn"), "tarakan": ("tkn",)}
# What a government domain puts before or after a district's name ("malinaukab", "tarakankota", "pemkab-nunukan"):
# an address at a domain naming one district ("smsgw@posko.bpbd-malinau.example") writes from that district.
DOMAIN_NAME_AFFIXES: tuple[str, ...] = ("kab", "kota", "pemkab", "pemkot")

# --- Table columns ------------------------------------------------------------------------

# Header cell words for each column of a report table (spreadsheet or HTML or text).
COLUMN_WORDS: dict[str, tuple[str, ...]] = {
    "date": ("tanggal", "tgl", "tgl.", "hari/tanggal", "hari / tanggal", "date", "hari, tanggal"),
    "recorded": (
        "perekaman", "rekam", "jumlah perekaman", "terekam", "direkam", "recorded", "perkaman",
        "prekaman", "perekeman", "perekamn", "perekman",
    ),
    "printed": (
        "pencetakan", "cetak", "jumlah pencetakan", "dicetak", "tercetak", "printed", "pencetkan",
        "pencetakn", "pecetakan", "pncetakan", "pencatakan",
    ),
    "stock_on_hand": (
        "sisa blangko", "sisa blanko", "sisa stok", "stok", "sisa", "persediaan", "stok akhir",
        "sisa akhir", "saldo", "stock", "sisa blangko ktp-el", "sisa stok blangko",
        "remaining", "balance", "closing stock", "closing balance", "on hand", "ending stock",
        # The stock a day or a period closed with, named alone ("Opening | Received | ... | Closing").
        "closing", "ending", "ending balance", "end stock", "akhir",
    ),
    "received": ("penerimaan", "diterima", "terima", "blangko masuk", "masuk", "received"),
    "requested": ("permintaan", "kebutuhan", "usulan", "diminta", "requested"),
    # A column naming the blank of each row ("Jenis Blangko | Dikirim | Diterima").
    "item": ("jenis blangko", "jenis blanko", "jenis kartu", "jenis", "item", "uraian", "nama barang", "barang"),
    "ignore": ("rusak", "blangko rusak", "gagal", "no", "no.", "keterangan", "ket", "ket.",
               # The stock a day opened with; the closing stock column is the stock.
               "stok awal", "stock awal", "saldo awal", "sisa awal", "persediaan awal", "opening stock",
               "opening balance", "opening", "beginning", "beginning stock", "beginning balance", "awal",
               "damaged", "remarks", "notes", "location", "sub-district", "subdistrict",
               "kecamatan", "lokasi", "pemakaian", "terpakai", "prr", "nama",
               # A plan or target is not what was done: "Rencana perekaman", "Target", "Planned".
               "rencana", "target", "proyeksi", "perkiraan", "planned", "plan", "forecast",
               # A rate is no count: "Rata-rata cetak per hari".
               "rata-rata", "rata rata", "rerata", "average", "avg", "daily average",
               # Work not yet done: "Wajib KTP belum rekam", "belum dicetak".
               "belum rekam", "belum direkam", "belum perekaman", "belum cetak", "belum dicetak", "wajib ktp",
               "not yet"),
}
TOTAL_ROW_WORDS: tuple[str, ...] = ("jumlah", "total", "jml", "sub total", "subtotal", "grand total")
# A column or row header naming what is asked ("Usulan Permohonan"), as against the need it answers
# ("Kebutuhan Des 2026", NEED_WORDS): beside each other, the ask is the figure requested.
ASK_HEADER_WORDS: tuple[str, ...] = (
    "usulan", "usul", "permohonan", "permintaan", "diminta", "dimohon", "diusulkan", "pengajuan", "diajukan",
    "requested", "request", "order",
)

# The header of a table's numbering column ("No  Kecamatan  Perekaman"), left empty on a total row.
NUMBERING_HEADERS: tuple[str, ...] = ("no", "no.", "nomor", "#")

# Said of a figure in a revision, these set it aside as the old one: "cukup 1.000 aja, yg 1.500 kebanyakan".
TOO_MANY_WORDS: tuple[str, ...] = (
    "kebanyakan", "terlalu banyak", "kelebihan", "berlebihan", "kegedean", "too many", "too much",
)
# Asking for the difference between a need and the stock without writing it ("mohon dikirimkan
# kekurangannya saja"): the clerk works it out.
SHORTFALL_ASK_PHRASES: tuple[str, ...] = (
    "kekurangannya", "kekurangan nya", "kurangnya", "kurang nya", "kekurangan kebutuhan", "kekurangan tersebut",
    "kekurangan dimaksud", "selisihnya", "selisih nya",
    # An ask to make the shortfall good: "kami mohon ... memenuhi kekurangan blangko KIA dimaksud".
    "memenuhi kekurangan", "mencukupi kekurangan", "menutup kekurangan", "menutupi kekurangan",
    # The same ask naming the gap as a difference: "memenuhi selisih kekurangan blangko tersebut".
    "memenuhi selisih", "mencukupi selisih", "menutup selisih", "menutupi selisih", "selisih kekurangan",
    "the difference", "the shortfall",
    # The rest of the need, after the stock stated beside it: "kebutuhan 900, yang masih bisa dipakai 450. Mohon
    # dikirimkan sisa kebutuhan tersebut", "Mohon sisa kebutuhannya dikirim".
    "sisa kebutuhan", "sisa kebutuhannya", "sisa keperluan", "sisa keperluannya",
)
# The need less what is on hand, asked in plain words: "perlu 1.200 keping, dikurangi yang ada, jadi kirim saja
# yang kurang". Said after the need, they take from it: the figure before them is the need, never the gap.
LESS_ON_HAND_PHRASES: tuple[str, ...] = (
    "dikurangi yang ada", "dikurangi yg ada", "dikurangi stok yang ada", "dikurangi stok yg ada",
    "kirim yang kurang", "kirim yg kurang", "kirim saja yang kurang", "kirim saja yg kurang",
    "kirimkan yang kurang", "kirimkan yg kurang", "kirim aja yang kurang", "kirim aja yg kurang",
)
SHORTFALL_ASK_PHRASES += LESS_ON_HAND_PHRASES

# Between a figure asked and a word of the gap right after it, these gloss the figure as the gap: "mohon dikirim
# 610 keping saja (selisihnya)", "1.700 keping, yaitu kekurangannya": the writer gave the difference.
SHORTFALL_GLOSS_WORDS: tuple[str, ...] = ("saja", "aja", "sj", "yaitu", "yakni", "sebagai", "as", "being", "i.e.")

# Said before a stock word, these make its figure a stock to reach, a need, not the stock on hand: "kami
# perlu stok 2.000 keping", "agar stok penyangga kami mencapai 3.000 keping".
TARGET_STOCK_WORDS: tuple[str, ...] = (
    "perlu stok", "butuh stok", "membutuhkan stok", "memerlukan stok", "stok penyangga", "stok minimal",
    "stok minimum", "stok ideal", "target stok", "stok aman", "buffer stock", "target stock", "mencapai",
    "need a stock of", "to reach",
)

# English nouns for the blanks a figure counts ("52 blanks printed").
ENGLISH_BLANK_NOUNS: tuple[str, ...] = ("blanks", "cards", "pcs")


# Words that, after a slip ("salah ketik"), give the right figure: "1.430 -> maaf salah ketik, yg benar 1.340".
RIGHT_FIGURE_WORDS: tuple[str, ...] = (
    "benar", "betul", "seharusnya", "semestinya", "mestinya", "correct",
    # "eh sorry typo, maksudnya 2.000 bukan 20.000": what the writer meant.
    "maksudnya", "maksud saya", "maksud kami", "mksdnya", "i meant", "we meant", "should be", "should read",
    # The desk asking which of two figures is meant: "Mohon konfirmasi jumlah yang dimaksud."
    "yang dimaksud", "yg dimaksud", "the intended", "you meant", "you intended",
)


# === Figures: roles, corrections and tables (kept in one block; extends the tables above) ==========

# A plan, a target or an average is not a count of work done: "sasaran perekaman sebanyak 1.250
# wajib KTP-el", "Daily avg print: ~110". (Siblings of "target" and "rata-rata" above.)
ROLE_PHRASES["ignore"] += (
    "sasaran", "targetnya", "target perekaman", "target pencetakan", "sasaran perekaman", "sasaran pencetakan",
    "rata2", "rerata", "avg", "avg.", "average", "daily average", "daily avg", "on average", "per day average",
)
COLUMN_WORDS["ignore"] += ("sasaran", "rata-rata", "rata2", "rerata", "average", "avg")
# A writer who takes back a figure in the same breath: "1.500 keping, eh maaf maksud saya 2.000 keping".
# In a correction's words before its figure, these name another day's report as what it corrects: "koreksi
# utk laporan tgl 13/06: pencetakan yg benar 46". Beside the figure of the same field stated for the report
# the mail itself gives, the correction is that other day's, not this report's.
EARLIER_REPORT_WORDS: tuple[str, ...] = (
    "laporan tgl", "laporan tanggal", "laporan tg", "lap tgl", "lap. tgl", "lap tanggal", "laporan kemarin",
    "laporan kmrn", "laporan kemaren", "lap kemarin", "lap kmrn", "laporan sebelumnya", "laporan hari",
    "laporan yang lalu", "laporan yg lalu", "yesterday's report", "previous report", "report of",
)
# Between a figure denied ("bukan 1.300") and the next one, these make the next the figure meant: "sisa stok bukan
# 1.300 tapi 300 keping", "not 1,300 but 300".
INSTEAD_OF_DENIED_WORDS: tuple[str, ...] = ("tapi", "tetapi", "tp", "tpi", "melainkan", "namun", "but", "but rather")
CORRECTION_OPENERS += (
    "maksud saya", "maksud sy", "maksudku", "eh maaf", "eh salah", "eh bukan", "maaf salah", "i mean",
    # "2.000 keping, eh 3.000 keping": the writer's own slip taken back at once
    "eh",
)
# After figures of one role in a sentence, these give their sum, the figure now meant: "selain 1.000
# keping yang kami minta kemarin, mohon ditambah 500 lagi, jadi total 1.500 keping".
# Opening a sentence right before its figure, these make it the total of the figures of the sentence
# before ("Stok gudang 1.500 keping, di loket 200 keping. Total 1.700 keping.").
TOTAL_OPENERS: tuple[str, ...] = (
    "total", "totalnya", "jumlah", "jumlahnya", "jumlah seluruhnya", "total keseluruhan", "jumlah keseluruhan",
    "semuanya", "seluruhnya", "in total", "altogether", "grand total",
)
# In a sentence a correction opens, these lead to a figure worked out from the corrected one ("ralat,
# pencetakan yg benar 99, jadi sisa blangko 490"): it is corrected with it.
CORRECTED_RESULT_LEADS: tuple[str, ...] = ("jadi", "jd", "sehingga", "maka", "so", "therefore", "which makes")
RESULT_WORDS: tuple[str, ...] = (
    "jadi total", "jadi totalnya", "jadi semuanya", "jadi seluruhnya", "sehingga total", "sehingga totalnya",
    "sehingga menjadi", "total menjadi", "totalnya menjadi", "jumlahnya menjadi", "menjadi total",
    "so the total is", "so in total", "making it", "making a total of", "bringing the total to",
)
# The same result said with its total word after the figure ("tolong tambah 500 lg jd 3rb total", "jadi 1.500
# keping semuanya"): a lead right before the figure, one of RESULT_TOTAL_AFTER right after it (and its unit).
RESULT_LEADS_BEFORE: tuple[str, ...] = ("jadi", "jd", "menjadi", "mjd", "sehingga", "so")
# Right after a figure asked in an earlier mail and before a new one, these change it ("yg kemarin 2rb jadi 3rb ya
# pak", "the 1,000 from yesterday changed to 1,500"): the earlier figure is no request chased.
CHANGED_TO_LEADS: tuple[str, ...] = (
    "jadi", "jd", "menjadi", "mjd", "diganti", "diganti jadi", "diganti menjadi", "diubah jadi", "diubah menjadi",
    "dinaikkan jadi", "dinaikkan menjadi", "naik jadi", "naik menjadi", "diturunkan jadi", "turun jadi",
    "changed to", "raised to", "lowered to", "now",
)
RESULT_TOTAL_AFTER: tuple[str, ...] = (
    "total", "totalnya", "semuanya", "semua", "seluruhnya", "in total", "altogether", "all together",
)
# Between two figures, these join them: a role word said after the second is said of both ("tiga
# ribu keping KTP-el dan seribu lembar KIA sudah sampai").
COORDINATION_WORDS: tuple[str, ...] = ("dan", "serta", "and", "&", "beserta", "plus")
# The words of a slip ("yang benar 1.200 (kemarin salah ketik 800)"), among the ignore words above: ending a line,
# they name no count that opens the next ("... sy salah ketik" / "perekaman 120 cetak 96 udh bener").
SLIP_WORDS: tuple[str, ...] = ("salah ketik", "salah tulis", "salah input", "typo")

# --- An apology for answering late, beside a short answer's figure ---
# "1.250 pcs pak, maaf td lama balasnya", "... mohon maaf atas keterlambatan balasan kami", "1250 aja pak, maaf ya
# tadi kelamaan, lagi di lapangan", "sorry for the late reply": a word of apology, at most four of
# LATE_APOLOGY_FILLERS, a word of lateness, and the rest of its sentence (the reply, why it came late). It names
# no figure of its own and casts no doubt on the answer's (mailbot.conversation.bare_figure), unless that rest of
# the sentence holds a word of LATE_APOLOGY_STOPS or asks something.
LATE_APOLOGY_WORDS: tuple[str, ...] = (
    "maaf", "mohon maaf", "mhn maaf", "mohon maap", "maap", "minta maaf", "sori", "sorry", "sory", "apologies",
    "apologize", "apologise",
    # Javanese and Sundanese
    "nuwun sewu", "ngapunten", "punten",
)
LATE_APOLOGY_FILLERS: tuple[str, ...] = (
    "tadi", "td", "tdi", "ya", "yah", "pak", "bu", "kami", "sy", "saya", "atas", "agak", "sedikit", "rada", "jadi",
    "jd", "kalau", "klo", "kalo", "bgt", "banget", "sekali", "for", "the", "my", "our", "a", "very", "so",
)
LATE_REPLY_WORDS: tuple[str, ...] = (
    "lama", "kelamaan", "terlambat", "keterlambatan", "telat", "lambat", "kelambatan", "lambatnya",
    "baru sempat", "br sempat", "baru bisa", "br bisa", "baru balas", "baru bls", "br bls", "br balas",
    "baru dibalas", "baru membalas", "baru dijawab", "baru menjawab", "baru dibuka", "baru buka",
    "late", "delay", "delayed", "slow",
)
# In the rest of the apology's sentence, these may speak of the figure (a hedge, a stock, a second thought): the
# apology is then no aside and the answer stays a person's to read.
LATE_APOLOGY_STOPS: tuple[str, ...] = (
    "tapi", "tetapi", "tp", "tpi", "namun", "cuma", "hanya", "mungkin", "kira", "kira-kira", "kurleb", "sekitar",
    "kurang", "lebih", "sisa", "stok", "stock", "tinggal", "tambah", "tambahan", "ganti", "ubah", "diubah", "jadi",
    "menjadi", "jd", "mjd", "ralat", "koreksi", "revisi", "salah", "keliru", "ketik", "typo", "pasti", "final",
    "fix", "dulu", "lupa", "kelupaan", "terlupa",
    "kia", "ktp", "ktp-el", "blangko", "keping", "kpg", "lembar", "lbr", "pcs", "but", "maybe", "about", "around",
    "left", "instead",
)

# "tgl" is "tanggal" (date) and, in a text message, "tinggal" (left): "ktp el ktt tgl 280 mhn kirim 700". Before a
# figure no day of a month can be (32 and up), it is the stock left; before any other it is a date's word.
DAY_OR_LEFT_WORDS: tuple[str, ...] = ("tgl", "tggl")
ROLE_PHRASES["stock_on_hand"] += DAY_OR_LEFT_WORDS
# Joining two role words and then their two figures, in order ("rekam sm cetak ga berubah 104 sm 92", "perekaman
# dan pencetakan masing-masing 120 dan 96"): each figure is its word's, as with a slash ("rekam/cetak 156/139").
PAIR_JOIN_WORDS: tuple[str, ...] = ("dan", "sm", "sama", "&", "and", "serta")
# A row that sums part of a table ("Subtotal Hilir", "Sub Total P. Sebatik"): neither a row of its own
# nor the table's total.
SUBTOTAL_ROW_WORDS: tuple[str, ...] = ("subtotal", "sub total", "sub-total", "jumlah sementara", "sub jumlah")
COLUMN_WORDS["printed"] += ("printing", "used for printing", "dipakai untuk pencetakan", "cards printed")
COLUMN_WORDS["recorded"] += ("enrolment", "enrollment", "enrolled", "enrolments", "enrollments")
COLUMN_WORDS["ignore"] += ("spoiled", "spoilt", "wasted", "rejected", "reject")
ROLE_PHRASES["recorded"] += ("enrolment", "enrollment", "enrolled", "enrolments", "enrollments", "enrol", "enroll")
ROLE_PHRASES["printed"] += ("printing", "used for printing")
# "Up to today" before a stock word says when the stock is counted, as "per hari ini" does: a count so
# qualified is a running total, a stock so qualified is the stock now ("sampai dengan hari ini persediaan
# tersebut telah berkurang menjadi 1.140 keping").
AS_OF_TODAY_WORDS: tuple[str, ...] = (
    "sampai dengan hari ini", "s.d. hari ini", "s/d hari ini", "sd hari ini", "hingga hari ini",
    "sampai hari ini", "sampai saat ini", "hingga saat ini", "s.d. saat ini", "s/d saat ini", "as of today",
)
ROLE_PHRASES["ignore"] += ("spoiled", "spoilt", "wasted")
# Hoping for someone's presence invites, it asks for no blanks: "mengharapkan kehadiran Bapak pada acara
# penyerahan 250 keping KTP-el", "we look forward to your attendance".
ROLE_PHRASES["ignore"] += (
    "mengharapkan kehadiran", "mengharap kehadiran", "harapkan kehadiran", "mengharapkan partisipasi",
    "mohon kehadiran", "kehadiran bapak", "kehadiran ibu", "kehadiran bapak/ibu", "kehadiran saudara",
    "look forward to your attendance", "your attendance", "your presence",
)
COLUMN_WORDS["requested"] += (
    "diusulkan", "yang diusulkan", "dimohon", "yang dimohon", "permohonan", "diajukan", "pengajuan", "request",
    # The verb stems of the same words, as a terse header writes them: "| Item | Sisa | Minta |".
    "minta", "mohon", "usul", "ajukan", "butuh", "perlu", "dibutuhkan", "diperlukan", "need", "needed", "requests",
)
ENGLISH_DAY_NAMES: tuple[str, ...] = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
)
# Between a role word and a zero word, these link them: "KIA stock is zero", "stok kami sudah nihil".
ZERO_LINK_WORDS: tuple[str, ...] = (
    "is", "are", "now", "adalah", "sudah", "sdh", "udah", "telah", "sekarang", "skrg", "saat ini", "kami",
    # The day named between: "perekaman hari ini nihil karena jaringan SIAK putus".
    "hari ini", "hr ini", "today",
)
# A count qualified as something else than the day's work or the stock in hand: reprints, the stock a
# system shows (a clerk acts on the physical count: "Sisa Blangko Fisik 1.284 / Sisa Blangko Sistem 1.290").
ROLE_PHRASES["ignore"] += (
    "cetak ulang", "pencetakan ulang", "dicetak ulang", "rekam ulang", "perekaman ulang", "reprint", "reprinted",
    "sistem", "di sistem", "stok sistem", "sisa sistem", "system stock", "in the system",
)
COLUMN_WORDS["ignore"] += ("cetak ulang", "pencetakan ulang", "rekam ulang", "reprint", "sistem", "system")
# The same in a stock count's minutes, where the system is SIAK and the count is physical: "Jenis Blangko | Saldo
# SIAK | Fisik | Selisih". The count stands (the minutes fix the balance); the difference is neither figure. (In
# running text a SIAK figure beside the stock stays a second stock: "sisa 1.420 (di SIAK 1.240, sy cek lg)".)
COLUMN_WORDS["ignore"] += ("siak", "saldo siak", "stok siak", "selisih", "difference")
# Typed in haste: "Stik kami tingal 280 keeping".
ROLE_PHRASES["stock_on_hand"] += ("tingal", "tnggal", "tinggl")
# Headers of a table's count column that name no role ("Jumlah Keping", "Isi (keping)"): the sentence
# leading into the table names it ("... telah kami terima dengan rincian sebagai berikut:").
GENERIC_COUNT_HEADERS: tuple[str, ...] = (
    "jumlah", "jml", "jml.", "isi", "qty", "quantity", "total", "banyaknya", "volume", "amount", "count",
)
# A difference between two counts is neither of them: "selisih stok termasuk 0 keping rusak".
ROLE_PHRASES["ignore"] += ("selisih", "difference")
# ... and so is what a delivery lacked, in English: "Penerimaan blangko KIA - shortfall 200".
ROLE_PHRASES["ignore"] += ("shortfall", "shortage")
# Right after a figure and its unit, these say it counts something else than its role word before:
# "selisih stok termasuk 0 keping rusak", "12 lembar gagal cetak".
COUNTS_OTHER_AFTER: tuple[str, ...] = (
    "rusak", "gagal", "gagal cetak", "blangko rusak", "spoiled", "spoilt", "wasted", "retur", "dikembalikan",
)
ROLE_PHRASES["ignore"] += ("cacat", "damaged", "hilang")
COUNTS_OTHER_AFTER += ("cacat", "damaged", "hilang")
# Cards spoilt in the making or in transport, said after their count: "6 keping yg tercetak miring dr pabrik",
# "15 lembar ditolak mesin", "8 keping sobek", "3 cards rejected": what they count is a defect, not a role.
DEFECT_AFTER: tuple[str, ...] = (
    "tercetak miring", "cetakan miring", "miring", "salah cetak", "sobek", "robek", "tergores", "ditolak",
    "ditolak mesin", "tertolak", "reject", "rejected", "torn", "misprinted",
)
ROLE_PHRASES["ignore"] += DEFECT_AFTER
# Spoilt while printing, the work named after the defect: "Blangko rusak saat cetak hari ini 3 keping" counts the
# spoilt cards, not the day's printing.
ROLE_PHRASES["ignore"] += tuple(
    f"{blank}{defect} {when} {work}"
    for blank in ("", "blangko ", "blanko ", "kartu ")
    for defect in ("rusak", "gagal")
    for when in ("saat", "pada saat", "waktu", "ketika", "sewaktu", "dalam proses", "pas")
    for work in ("cetak", "dicetak", "pencetakan", "proses cetak")
)
COUNTS_OTHER_AFTER += DEFECT_AFTER
# Cards bent in transport, said after their count in a receipt: "sudah kami terima, kondisi baik, hanya 3 lembar
# tertekuk", "2 cards bent": what they count is a defect, not the blanks received (see also "terlipat" below).
BENT_AFTER: tuple[str, ...] = ("tertekuk", "melengkung", "bent", "folded")
DEFECT_AFTER += BENT_AFTER
ROLE_PHRASES["ignore"] += BENT_AFTER
COUNTS_OTHER_AFTER += BENT_AFTER
# Opening the sentence a figure stands in, these make it hearsay the writer passes on, no figure of their own:
# "Kami mendapat informasi bahwa ... termasuk Tana Tidung yang stoknya 0. Apakah benar ...?".
HEARSAY_WORDS: tuple[str, ...] = (
    "mendapat informasi bahwa", "mendapat info bahwa", "memperoleh informasi bahwa", "mendapat kabar bahwa",
    "kami mendengar", "kami dengar", "kabarnya", "menurut kabar", "menurut informasi yang kami terima",
    "konon", "rumornya", "we heard", "we have heard", "we were told", "reportedly", "it is reported that",
)
# ... or what someone told the writer, said before what they were told: "Di Disdukcapil Nunukan katanya blangko KIA
# sedang kosong", "dengar-dengar stok kecamatan tinggal 50": the teller's word, passed on. (Said after a figure,
# "sisanya 400 katanya menyusul" tells what is to come of the writer's own figure, and is not read here.)
HEARSAY_WORDS += ("katanya", "katanya sih", "kata orang", "dengar-dengar", "denger-denger", "dengar dengar")
# A figure someone else's data or report gives, quoted by the writer (an auditor, the province): "Data Nunukan
# yang kami terima menyebut stok akhir 1.740, mohon dicocokkan": their figure, not the writer's report.
HEARSAY_WORDS += tuple(
    f"{said} {verb}"
    for said in ("yang kami terima", "yg kami terima", "yang masuk ke kami", "yang kami pegang")
    for verb in ("menyebut", "menyebutkan", "mencatat", "menunjukkan", "menunjukan", "tertulis")
) + tuple(
    f"{by} {what} yang {came}"
    for by in ("menurut", "berdasarkan")
    for what in ("data", "laporan", "rekap")
    for came in ("kami terima", "masuk", "dikirim")
) + ("the data we received shows", "the data we received says", "according to the data we received")
# Right after a count of work, these say it counts records in the system, not people served or cards printed:
# "data perekaman yg kami input offline (312 data, 12-18 Juli) belum tersinkron".
RECORD_UNIT_WORDS: tuple[str, ...] = ("data", "record", "records", "entri", "entry", "entries", "berkas")
# Between a count and the defect after it: "6 keping yg tercetak miring", "3 cards that were rejected".
DEFECT_LINK_WORDS: tuple[str, ...] = ("yg", "yang", "which are", "which were", "that are", "that were")
# "2.000 keping sudah sampai ..., 3 keping ada yang patah ujungnya": some of them broken, a defect, no receipt.
DEFECT_LINK_WORDS += ("ada yang", "ada yg")
# Beside a receipt, damaged cards said as some of those that came, after "there are" or "but": "1.500 lembar sudah
# kami terima ada 2 lembar rusak", "sudah kami terima tapi 12 keping rusak kena air": a defect, no second receipt.
# ("kami terima 1.000 keping baik dan 12 keping rusak" may count them on top: a clerk asks.)
RECEIPT_PART_LEADS: tuple[str, ...] = (
    "ada", "terdapat", "tapi", "tetapi", "namun", "tapi ada", "tetapi ada", "namun ada", "namun terdapat",
    "tp", "tp ada", "but", "but there are",
)
DEFECT_AFTER += ("patah", "retak", "bengkok", "terlipat", "lecet")
ROLE_PHRASES["ignore"] += ("patah", "retak", "bengkok", "terlipat", "lecet")
COUNTS_OTHER_AFTER += ("patah", "retak", "bengkok", "terlipat", "lecet")
# Cards whose packaging was hurt in transport, said after their count in a receipt: "sudah kami terima, 4 keping
# kemasan penyok", "3 cards with dented packaging": a count of the damaged lot, not the stock nor a receipt.
PACKAGING_DEFECTS: tuple[str, ...] = (
    "penyok", "peyok", "kemasan penyok", "kemasan peyok", "kemasannya penyok", "kemasan rusak", "kemasannya rusak",
    "kemasan sobek", "kemasan robek", "kemasan basah", "plastik sobek", "dented", "with dented packaging",
)
DEFECT_AFTER += PACKAGING_DEFECTS
ROLE_PHRASES["ignore"] += PACKAGING_DEFECTS
COUNTS_OTHER_AFTER += PACKAGING_DEFECTS
# Role words that may follow their figure and its noun: "380 KTP-el blanks left", "58 enrolled, 52
# printed, 987 blanks remaining", "1.200 keping tersisa".
POSTFIX_ROLE_WORDS: tuple[str, ...] = (
    "left", "remaining", "on hand", "enrolled", "printed", "recorded", "tersisa", "tersedia", "terekam",
    "tercetak", "dicetak", "direkam", "in stock",
)
ROLE_PHRASES["stock_on_hand"] += (
    "holds", "currently holds", "currently hold", "we currently have", "we still have",
    "in stock", "still have",
)
ROLE_PHRASES["recorded"] += ("enrolled",)
# Malay of the border posts: "Tolong hantar 300 keping lagi untuk pos Sebatik" (hantar: send).
ROLE_PHRASES["requested"] += ("hantar", "hantarkan", "tolong hantar", "mohon hantar", "minta hantar")
REQUEST_PHRASES += ("tolong hantar", "mohon hantar", "minta hantar", "tolong hantarkan", "mohon hantarkan")
# The same writers report in Malay: "Baki stok kad KTP-el : 1,120 keping", "KIA baki 870" (baki: the balance
# left), "Rakaman 48, cetakan 45" (recording, printing), "Kad rosak : 2 keping" (damaged cards).
ROLE_PHRASES["stock_on_hand"] += ("baki", "baki stok", "baki kad", "baki blangko")
# English "balance" of the blanks themselves, in a daily line: "rekam 149, cetak 131, balance blanko ± 900",
# "e-KTP balance 1,020". (Alone, "the balance" is also the rest of a shipment or the gap asked.)
ROLE_PHRASES["stock_on_hand"] += (
    "balance blanko", "balance blangko", "balance blanks", "balance stock", "stock balance", "blanko balance",
    "blangko balance", "e-ktp balance", "ektp balance", "kia balance", "balance e-ktp", "balance ektp", "balance kia",
)
COLUMN_WORDS["stock_on_hand"] += ("baki", "baki stok")
ROLE_PHRASES["recorded"] += ("rakaman",)
COLUMN_WORDS["recorded"] += ("rakaman",)
ROLE_PHRASES["ignore"] += ("rosak", "kad rosak")
COUNTS_OTHER_AFTER += ("rosak",)
# "Blangko yg kami bawa masih utuh 180 keping": still whole, i.e. not used yet, is what is left.
ROLE_PHRASES["stock_on_hand"] += ("masih utuh", "msh utuh", "still unused")
# "Secara keseluruhan, kami masih memiliki 1.238 keping": the Indonesian of "we still have".
ROLE_PHRASES["stock_on_hand"] += ("masih memiliki", "msh memiliki", "masih punya", "msh punya")
ZERO_VALUE_WORDS += ("nil", "zero", "empty")
# "masuk" (came in) and "pengajuan" of other things than blanks: files, applications, visitors.
NOT_ROLE_PHRASES += (
    "berkas masuk", "dokumen masuk", "permohonan masuk", "pengajuan masuk", "laporan masuk", "data masuk",
    "pengaduan masuk", "aduan masuk", "pemohon masuk", "antrian masuk", "antrean masuk", "tiket masuk",
)
ROLE_PHRASES["ignore"] += (
    "pengajuan online", "permohonan online", "pendaftaran online", "berkas", "pemohon online",
)
# A section or sentence opened by one of these recaps a period ("B. Kumulatif 1-31 Agustus 2033", "II.
# Rekapitulasi 1 s.d. 30 September", "kami sampaikan rekapitulasi kegiatan ... bulan Agustus yaitu ..."): a
# shipment counted in it is one booked when it came, not a receipt confirmed now.
RECAP_SECTION_WORDS: tuple[str, ...] = (
    "rekap", "rekapan", "rekapitulasi", "kumulatif", "akumulasi", "recap", "cumulative",
)
# A stock position over a month or a year opens with its stock at the period's start ("a. KTP-el: stok awal
# bulan 2.010, diterima 2.000, terpakai 1.580, sisa 2.430", "Stok awal tahun (1 Januari): 3.420 / Penerimaan:
# nihil"): a shipment counted in it is the period's movement, booked when it came, not a receipt confirmed now.
PERIOD_OPENING_PHRASES: tuple[str, ...] = (
    "stok awal bulan", "stock awal bulan", "saldo awal bulan", "sisa awal bulan", "stok awal tahun",
    "stock awal tahun", "saldo awal tahun", "sisa awal tahun", "persediaan awal bulan", "persediaan awal tahun",
    "opening stock of the month", "opening stock for the month", "stock at the start of the month",
    "stock at the start of the year",
)
# Before a need's figure in its words, these make it a year's need, a plan ("Rencana Kebutuhan Tahunan 2031
# Kabupaten Malinau adalah 19.500 keping"): background to an ask, never the figure asked nor the need a
# shortfall is worked out from.
ANNUAL_NEED_PHRASES: tuple[str, ...] = (
    "kebutuhan tahunan", "rencana kebutuhan", "kebutuhan per tahun", "kebutuhan setahun", "kebutuhan satu tahun",
    "kebutuhan 1 tahun", "kebutuhan selama setahun", "kebutuhan selama satu tahun", "annual need",
    "annual needs", "annual requirement", "yearly need", "yearly requirement", "need for the year",
)
# In a recap sentence these name a period longer than the day ("Rekap KIA bulan Agustus: total terbit 1.020");
# a recap with none ("Rekap kabupaten hari ini: perekaman 142") may be the day's district total.
RECAP_PERIOD_WORDS: tuple[str, ...] = (
    "bulan", "bulanan", "minggu", "mingguan", "pekan", "tahun", "kumulatif", "akumulasi", "month", "monthly",
    "week", "weekly", "cumulative",
)
# A mail opening with one of these reports a month: its counts are a month's, not a day's.
MONTHLY_REPORT_PHRASES: tuple[str, ...] = (
    "rekap bulan", "rekap bulanan", "laporan bulan", "laporan bulanan", "rekapitulasi bulan", "rekapitulasi bulanan",
    "monthly report", "monthly recap", "monthly summary",
)
# "rekap Nov", "rekapitulasi Oktober", "laporan November 2026": a recap named by its month is monthly.
MONTHLY_REPORT_PHRASES += tuple(
    f"{lead} {month}" for lead in ("rekap", "rekapitulasi", "laporan") for month in MONTHS if month != "may"
) + tuple(f"{lead} {month}" for lead in ("recap", "report") for month in MONTHS if len(month) >= 5)
# A reconciliation of blanks over a period ("Laporan Rekonsiliasi Blangko ... periode 1 Januari s.d. 19 Februari
# 2027", "Menjawab permintaan rekonsiliasi, data blangko ... Januari - 24 Februari"), named anywhere in the mail:
# its counts are the period's, weeks of days' work, as a month's report's are.
RECONCILIATION_WORDS: tuple[str, ...] = ("rekonsiliasi", "reconciliation", "stock reconciliation")
# A year's report ("Laporan Akhir Tahun 2026", "bersama ini kami laporkan capaian tahun 2026"): a year of days' work.
YEARLY_REPORT_PHRASES: tuple[str, ...] = (
    "laporan akhir tahun", "laporan tahunan", "laporan tahun", "rekap akhir tahun", "rekap tahunan", "rekap tahun",
    "rekapitulasi tahunan", "rekapitulasi tahun", "capaian tahun", "capaian akhir tahun", "annual report",
    "annual recap", "year-end report", "year end report",
)
# A table's first column named by one of these has a row per place: with no total row, the district's
# figure is the sum of its rows ("Kecamatan;Perekaman" / "Nunukan;41" / "Sebatik;18" ...).
# Before a word of PLACE_HEADERS, these say a list gives a figure per place ("Sisa blangko KTP-el per lokasi hari
# ini:" over "UPT Sebatik : 140" lines, "stok kami per lokasi: Kantor 410, MPP 60, Kec. Tarakan Utara 35"): with no
# total written and no place left out, the district's figure is the sum of its places'.
PER_PLACE_WORDS: tuple[str, ...] = ("per", "tiap", "setiap", "masing-masing", "by", "each")
# Opening a line that gives one place's counts of the period after a colon ("Kec. Sebuku: rekam 23, cetak 20"):
# lines of the same counts, one per place, make a table of places (summed when no total line closes them).
PLACE_LINE_LEADS: tuple[str, ...] = (
    "kec", "kec.", "kecamatan", "upt", "uptd", "desa", "kelurahan", "kel.", "distrik",
)
# A heading over the blocks' own block of the district's figures ("REKAP KABUPATEN" over "Perekaman: 312" under
# a block per kecamatan, "Kec. Krayan" over "Perekaman: 96" ...).
BLOCKS_TOTAL_HEADINGS: tuple[str, ...] = ("rekap", "rekapitulasi", "recap", "jumlah", "total", "jml", "grand total")
PLACE_HEADERS: tuple[str, ...] = (
    "kecamatan", "kec", "kec.", "nama kecamatan", "desa", "kelurahan", "desa/kelurahan", "lokasi", "upt",
    "tempat", "tempat pelayanan", "unit", "unit layanan", "wilayah", "subdistrict", "sub-district", "location",
    "site", "service point",
)
# A report that says it covers a period, not one day: its rows per day add up to the period's counts
# (the stock is the last day's). "Laporan mingguan", "rekap 23-28 November", "laporan tgl 2 terlambat,
# kami gabung".
PERIOD_REPORT_WORDS: tuple[str, ...] = (
    "mingguan", "laporan minggu", "rekap minggu", "rekap mingguan", "sepekan", "pekan ini", "weekly", "week",
    "bulanan", "monthly", "gabung", "digabung", "kami gabung", "kami gabungkan", "digabungkan",
    "combined", "rekap periode", "periode",
)
# Over lines typed one a day, each opened by its date ("lap minggu ini" / "Sen 6/3 rekam 14 cetak 11 sisa 188" /
# ...), these say the lines are the week's report: they add up. (Over a table the same words head a recap read by
# its latest row: "Rekap perekaman minggu ini" over a table of three days.)
PERIOD_LINES_WORDS: tuple[str, ...] = ("minggu ini", "lap minggu", "lap mingguan", "this week")
# In the lines leading into a table of day columns ("Kemarin | Hari ini"), these say the days are reported together,
# an earlier day's report never sent: "Laporan kemarin belum terkirim ..., jadi kami gabung dengan laporan hari ini".
# (A week set beside the last, "Laporan mingguan" over "Minggu lalu | Minggu ini", only compares.)
DAYS_JOINED_WORDS: tuple[str, ...] = (
    "gabung", "digabung", "kami gabung", "kami gabungkan", "digabungkan", "combined",
    "belum terkirim", "blm terkirim", "tidak terkirim", "tdk terkirim", "gagal terkirim", "belum sempat dikirim",
    "tertunda",
)
# Spoken and regional forms of "kirim" asked for: "kalau bisa dikirimi lima ratus keping ja dulu".
ROLE_PHRASES["requested"] += (
    "dikirimi", "dikirimin", "kirimin", "kirimi", "bisa dikirimi", "bisa dikirimin", "tolong kirim", "tolong dikirim",
    "tolong kirimkan", "tolong kirimin",
)
WEAK_REQUEST_PHRASES += ("dikirimi", "dikirimin", "kirimin", "kirimi")
# The same forms after "mohon"/"tolong" ask for blanks as "mohon dikirim" does, a figure given or not ("stok kami
# tinggal 200 keping, mohon dikirimi blangko KTP-el"): a request, never a daily report.
REQUEST_PHRASES += (
    "mohon dikirimi", "mohon segera dikirimi", "mohon dikirimin", "mohon kirimi", "mohon kirimin", "mhn dikirimi",
    "mhn kirimi", "tolong kirimi", "tolong dikirimi", "tolong kirimin", "tolong dikirimin",
    "minta dikirimi", "minta kirimi", "minta dikirimin", "minta kirimin",
)
# The class behind them: every word of asking before every form of "kirim" ("kami mintakan kirimi blangko ktp el lg
# ya pak", "tlg dikirimkan", "mohon kiranya dikirimkan"), whatever affix either takes.
ASKING_WORDS: tuple[str, ...] = (
    "minta", "mintakan", "memintakan", "mintak", "mnta", "mohon", "mhn", "memohon", "mohon kiranya", "mohon segera",
    "tolong", "tlg", "minta tolong", "mohon bantuan", "mohon bantu",
)
SEND_FORMS: tuple[str, ...] = (
    "kirim", "kirimi", "kirimkan", "kirimin", "kirimkn", "dikirim", "dikirimi", "dikirimkan", "dikirimin",
    "dikirimkn", "dikrim", "dikirm",
)
REQUEST_PHRASES += tuple(f"{ask} {send}" for ask in ASKING_WORDS for send in SEND_FORMS)
# A form of "kirim" told to the office with "lagi"/"dong" after it, no asking word before ("blangko ktp kami hbs nih,
# kirimin lg dong", "bisa dikirimkan lagi?"): the writer asks for blanks, a figure given or not. Only the forms that
# ask (-in/-kan/-i): the bare "kirim lagi" is as often the district's own sending ("laporan kami kirim lagi").
ASKED_SEND_FORMS: tuple[str, ...] = (
    "kirimin", "kirimkan", "kirimkn", "kirimi", "dikirimin", "dikirimkan", "dikirimkn", "dikirimi",
)
SEND_AGAIN_WORDS: tuple[str, ...] = ("lagi", "lg", "lgi", "dong", "donk", "dunk")
REQUEST_PHRASES += tuple(f"{send} {more}" for send in ASKED_SEND_FORMS for more in SEND_AGAIN_WORDS)
# A plea with a few words between the asking and the sending ("mohon bantuannya dikirim secepatnya", "tolong segera
# dikirim tambahan", "mohon bantuan pengiriman"): those words only, never the writer's own ("mohon maaf laporan kami
# kirimkan" is the writer's sending). A sentence opened by a form of "kirim" told to the office ("Kirimi pang blangko
# ktp lah lakasi", "Kirim lagi pak.") asks as well; the bare "kirim" only with a word of "again" or of address after it
# ("Kirim laporan harian" heads the writer's own report). (mailbot.reader.classify)
PLEA_FILLERS: tuple[str, ...] = (
    "bantuannya", "bantuan", "bantuanya", "segera", "sgr", "kiranya", "dapat", "bisa", "agar", "supaya", "kembali",
    "blangko", "blanko", "blangkonya", "blankonya", "tambahan", "stok", "lagi", "lg", "pak", "bu", "ya",
)
PLEA_SEND_FORMS: tuple[str, ...] = SEND_FORMS + ("dikirimkannya",)
# The sending as a noun asks only as help asked for ("mohon bantuan pengirimannya"), never where it is to go ("mohon
# pengiriman blangko ditujukan ke gudang baru kami" moves an address: no word of a place in its sentence).
HELP_SENDING_PHRASES: tuple[str, ...] = tuple(
    f"{ask} {help_} {send}" for ask in ("mohon", "mhn", "tolong", "tlg", "minta") for help_ in ("bantuan", "bantuannya",
                                                                                            "bantu", "dibantu")
    for send in ("pengiriman", "pengirimannya"))
SENDING_PLACE_WORDS: tuple[str, ...] = ("ke", "ditujukan", "dialamatkan", "alamat", "kepada", "melalui", "via")
OPENING_SEND_FORMS: tuple[str, ...] = ("kirimi", "kirimin", "kirimkan", "kirimkn", "krimkan")
OPENING_SEND_AFTER: tuple[str, ...] = SEND_AGAIN_WORDS + (
    "pak", "bu", "pang", "segera", "sgr", "blangko", "blanko", "secepatnya", "tambahan",
)
OPENING_ADDRESS_WORDS: tuple[str, ...] = ("pak", "bu", "bapak", "ibu", "mohon", "tolong", "tlg", "mhn")
# A need said of the blanks, a figure given or not ("pak kami perlu blangko ktp el lg, stok tipis", "kami memerlukan
# tambahan blangko KIA", Javanese "kami mbetahaken blangko"): every word of needing before every word of the blanks
# asks for them as "butuh blangko" does (denied, "tidak perlu blangko", it asks nothing).
NEEDING_WORDS: tuple[str, ...] = (
    "perlu", "prlu", "perlukan", "memerlukan", "butuh", "btuh", "butuhkan", "membutuhkan", "mbutuhaken",
    "betah", "mbetahaken", "membetahaken",
)
NEEDED_BLANK_WORDS: tuple[str, ...] = (
    "blangko", "blanko", "blangkonya", "blankonya", "tambahan blangko", "tambahan blanko", "kiriman blangko",
)
REQUEST_PHRASES += tuple(f"{need} {blank}" for need in NEEDING_WORDS for blank in NEEDED_BLANK_WORDS)
# ... never a need under a condition (CONDITION_WORDS, these few words between: "nanti kalau perlu blangko lagi kami
# kabari", "jika kami butuh tambahan"): a need to come, no ask now (mailbot.reader.classify).
CONDITIONAL_NEED_FILLERS: tuple[str, ...] = (
    "kami", "kita", "nanti", "nnti", "ntar", "masih", "memang", "sewaktu-waktu", "suatu saat", "ke depan",
)
# Words giving a cause: "cetak 0 karena blangko kosong" (the count before, the blank's running out after).
ZERO_CAUSE_WORDS: tuple[str, ...] = ("karena", "krn", "karna", "sebab", "soalnya", "gara-gara", "because")
# Opening and closing stock, in the words of other writers: the opening stock is no stock now.
ROLE_PHRASES["ignore"] += (
    "beginning stock", "beginning balance", "starting stock", "starting balance", "stock at start", "brought forward",
    "stok permulaan", "saldo permulaan", "sisa lalu", "stok lalu",
)
COLUMN_WORDS["ignore"] += ("beginning stock", "beginning balance", "starting stock", "brought forward")
ROLE_PHRASES["stock_on_hand"] += (
    "ending stock", "ending balance", "end stock", "end-of-day stock", "stock at close",
    "stok penutup", "saldo penutup",
)
COLUMN_WORDS["stock_on_hand"] += ("ending balance", "end stock", "stok penutup", "saldo penutup")
# Stock said to be gone, in other words: "no blanks left", "stok sudah ludes".
ZERO_STOCK_PHRASES += (
    "nothing left", "none left", "no blanks left", "no more blanks", "no stock left", "zero stock", "ludes",
    "sudah ludes",
)
# Cards issued are cards printed: "penerbitan KTP-el 120", "cards issued: 95".
ROLE_PHRASES["printed"] += ("penerbitan", "diterbitkan", "issued")
COLUMN_WORDS["printed"] += ("penerbitan", "diterbitkan", "issued")
# The bare verb of a quick report: "lap KIA hr ini: terbit 38 keping", "terbit 0".
ROLE_PHRASES["printed"] += ("terbit",)
# A receipt confirmed in English: "We confirm receipt of 1,000 blank KIA cards", "acknowledge receipt of".
ROLE_PHRASES["received"] += ("receipt of", "confirm receipt of", "acknowledge receipt of", "took delivery of")
RECEIPT_VERBS += ("receipt of", "confirm receipt of", "acknowledge receipt of", "took delivery of")
# Blanks that arrived: "2,000 blanks arrived this morning".
ROLE_PHRASES["received"] += ("arrived", "has arrived", "have arrived")
RECEIPT_VERBS += ("arrived", "has arrived", "have arrived")
# "24/10 masuk dropping Ditjen 2.500 kpg": a dropping that came in is a shipment received, not one asked for.
_DROPPING_CAME: tuple[str, ...] = (
    "masuk dropping", "sudah masuk dropping", "sdh masuk dropping", "telah masuk dropping", "dropping masuk",
    "datang dropping", "dropping datang", "dropping sudah masuk", "dropping sdh masuk", "dropping telah masuk",
    "dropping tiba", "dropping sudah tiba",
)
ROLE_PHRASES["received"] += _DROPPING_CAME
RECEIPT_VERBS += _DROPPING_CAME
# A receipt confirmed in English with a word of time between ("Confirming receipt today of 1,500 KTP-el blanks"),
# and a phone's shorthand of "sudah sampai" ("brg sdh smp pak 1rb kpg").
_RECEIPT_SHORT: tuple[str, ...] = (
    "confirming receipt", "confirming receipt of", "confirming receipt today of", "confirm receipt today of",
    "receipt today of", "sdh smp", "udh smp", "dah smp", "udah smp", "sudah smp", "tlh smp", "sdh nympe",
    "udh nympe",
)
ROLE_PHRASES["received"] += _RECEIPT_SHORT
RECEIPT_VERBS += _RECEIPT_SHORT
RECEIPT_KIND_MORE += _RECEIPT_SHORT
# A phone's "dtg" alone beside what came ("blangko ktp 500 dtg", a subject with no body): a figure that arrived. (Not
# a receipt phrase without its figure: "kapan blangko dtg?" asks.)
ROLE_PHRASES["received"] += ("dtg",)
# The stock left fit for use after some was spoilt ("stok yang masih bisa dipakai: 1.140 keping", "sedangkan yang
# masih bisa dipakai 380 keping"): the stock now, where "dipakai" alone is a count of use.
ROLE_PHRASES["stock_on_hand"] += (
    "masih bisa dipakai", "masih dapat dipakai", "masih bisa digunakan", "masih dapat digunakan",
    "masih bisa dipergunakan", "masih dapat dipergunakan", "masih layak pakai", "masih layak dipakai",
    "still usable", "still fit for use",
    # ... and the same glossed in brackets after the stock's name: "Sisa blangko KTP-el (dapat digunakan): 1.104".
    "(dapat digunakan)", "(bisa digunakan)", "(dapat dipakai)", "(bisa dipakai)", "(layak pakai)", "(usable)",
)
# ... also without "masih": "sisa 2.612 keping (termasuk 6 rusak, jadi yang bisa dipakai 2.606)" offers a second
# stock, which with the first leaves a clerk asking which.
ROLE_PHRASES["stock_on_hand"] += (
    "yang bisa dipakai", "yg bisa dipakai", "yang dapat dipakai", "yg dapat dipakai", "yang bisa digunakan",
    "yg bisa digunakan", "yang dapat digunakan", "yg dapat digunakan",
)
# ... but one that with a figure set apart in the same mail makes up the count received ("1.500 keping sudah
# diterima. Namun 1 box (100 keping) rusak, sehingga yang dapat dipakai 1.400 keping") is the sound part of the
# shipment, not the stock.
SOUND_PART_PHRASES: tuple[str, ...] = (
    "yang bisa dipakai", "yg bisa dipakai", "yang dapat dipakai", "yg dapat dipakai", "yang bisa digunakan",
    "yg bisa digunakan", "yang dapat digunakan", "yg dapat digunakan",
)
# ("yang layak pakai 2.977" is not among them: in a receipt it is the sound part of what arrived, not the stock)
# Before a figure whose own words then say it arrived ("sisa 500 kmrn udh nyampe td pagi", "the remaining 500
# arrived today"), these name the rest of a shipment that came, not the stock.
REST_OF_SHIPMENT_WORDS: tuple[str, ...] = (
    "sisa", "sisanya", "sisa blangko", "sisa blanko", "sisa kiriman", "sisa pengiriman", "remaining",
    "the remaining", "the rest",
)
# "We have 1,100 left, so please send the remaining 1,900": the rest of the need, asked for (where "remaining"
# alone is a stock word).
ROLE_PHRASES["requested"] += (
    "send the remaining", "please send the remaining", "send us the remaining", "send the remainder",
    "send the balance", "kirimkan sisanya", "kirim sisanya", "mohon dikirim sisanya",
)
POSTFIX_ROLE_WORDS += ("arrived", "received", "issued")
# A count and the work it counts ("Total 176 perekaman", "hari ini 97 pencetakan"), as field teams write it.
POSTFIX_ROLE_WORDS += ("perekaman", "pencetakan", "rekaman")
# "approx 700 pcs" is the English of "kurang lebih 700": the figure stated as a round one, read as it is
# (an exact figure for the same role beside it wins). "about", "around" and "sekitar" stay estimates.
_ROUND_ENGLISH: tuple[str, ...] = ("approx", "approx.", "approximately", "appr.")
APPROX_BEFORE = tuple(w for w in APPROX_BEFORE if w not in _ROUND_ENGLISH)
ABOUT_BEFORE += _ROUND_ENGLISH

# Column headers of a typed table that set the same figures of two days (or weeks, months) side by side,
# "| Kemarin (3/12) | Hari ini (4/12)": the latest period's column holds the figures now; the other's
# are the figures before. Dates in the headers order the columns when every header has one.
NOW_PERIOD_WORDS: tuple[str, ...] = (
    "hari ini", "hr ini", "sekarang", "skrg", "skrng", "saat ini", "today", "now", "minggu ini", "pekan ini",
    "this week", "bulan ini", "this month",
)
# A report that gives yesterday's figures and today's, each after its day ("Kemarin sisa blangko kami masih 1.120
# keping, namun hari ini ... sisa blangko tinggal 905 keping", "kemarin (01/07) rekam 18 cetak 20 sisa 820, hari
# ini (02/07) rekam 27 cetak 25 sisa 795"): of a field stated for both days, today's figure is the report's.
YESTERDAY_WORDS: tuple[str, ...] = ("kemarin", "kemaren", "kmrn", "kmarin", "yesterday")
TODAY_WORDS: tuple[str, ...] = ("hari ini", "hr ini", "hri ini", "today", "sekarang", "skrg", "saat ini")
EARLIER_PERIOD_WORDS: tuple[str, ...] = (
    "kemarin", "kemaren", "kmrn", "kmarin", "yesterday", "sebelumnya", "previous", "minggu lalu", "pekan lalu",
    "last week", "bulan lalu", "last month", "lalu",
)

# Column headers of a correction table that set the old figures beside the corrected ones, "Uraian | Semula |
# Koreksi | Keterangan": the corrected column holds the figures meant; the old one is taken back. A trailing notes
# column ("Keterangan") holds no figure of the row.
OLD_FIGURE_COLUMN_WORDS: tuple[str, ...] = (
    "semula", "tertulis", "sebelum koreksi", "sebelum revisi", "sebelum perbaikan", "data lama", "angka lama",
    "old", "original",
)
CORRECTED_COLUMN_WORDS: tuple[str, ...] = (
    "koreksi", "setelah koreksi", "revisi", "setelah revisi", "perbaikan", "diperbaiki", "menjadi", "seharusnya",
    "yang benar", "yg benar", "corrected", "revised",
)
NOTE_COLUMN_WORDS: tuple[str, ...] = ("keterangan", "ket", "ket.", "catatan", "remarks", "notes", "note")

# A line labelled with the gap whose value is an ask, not a figure ("Kekurangan : mohon dipenuhi",
# "Selisih: mohon dikirimkan", "Shortfall: please send"): the writer asks for the need less the stock.
SHORTFALL_LABEL_WORDS: tuple[str, ...] = (
    "kekurangan", "kekurangannya", "kurangnya", "selisih", "selisihnya", "shortfall", "difference", "balance",
)
LABEL_ASK_WORDS: tuple[str, ...] = (
    "mohon", "mhn", "harap", "tolong", "dimohon", "please", "kindly", "dikirim", "dikirimkan", "dipenuhi",
    "dicukupi", "ditambah",
)
# "3.640 dikurangi 2.495", "4.200 - 940", "1,800 minus 650": a difference written out, not worked out.
MINUS_WORDS: tuple[str, ...] = ("dikurangi", "dikurang", "kurang", "minus", "less", "-", "\u2013", "\u2212")

# Before a role word, these make it the time of another figure, not that figure's role: "Stok KIA setelah
# penerimaan : 2.220", "sisa sesudah pencetakan hari ini 780", "stock after receipt: 2,220".
EVENT_TIME_WORDS: tuple[str, ...] = (
    "setelah", "stlh", "sesudah", "sehabis", "pasca", "usai", "seusai", "selesai", "after", "following",
)
# Before a word of asking, these make the ask the time a stock was counted, never the figure asked: "stok kami waktu
# mengajukan sebenarnya 1.700", "stok kami waktu minta kemarin sebenarnya 380" (mailbot.followup).
ASKING_TIME_WORDS: tuple[str, ...] = (
    "waktu", "wkt", "saat", "pada saat", "pada waktu", "ketika", "sewaktu", "pas", "semasa", "when", "at the time",
)
ASKING_AT_WORDS: tuple[str, ...] = (
    "mengajukan", "ngajuin", "ajukan", "diajukan", "minta", "meminta", "mnta", "memohon", "mohon", "mengusulkan",
    "usulkan", "diusulkan", "permohonan", "pengajuan", "usulan", "we asked", "we requested", "requesting", "asking",
)
# ... and these make the figure the stock before the event, not the stock now: "stok sebelum penerimaan 400".
BEFORE_EVENT_WORDS: tuple[str, ...] = ("sebelum", "sblm", "before", "prior to")

# A count of packages with the size of one written beside it is a count of blanks: "4 (empat) dus, isi per
# dus 500 keping", "6 dus @ 500 keping", "3 dus utuh (isi 500/dus)". The words that give the size:
PACK_SIZE_WORDS: tuple[str, ...] = ("isi", "berisi", "masing-masing isi", "masing-masing berisi", "@", "x",
                                    "\u00d7", "containing", "each containing", "of")
# Of those, the ones that say "each" on their own, so the size needs no unit of blanks after it: "4 dus @ 500",
# "6 boxes of 500", "2 box x 250". (After "isi" a bare figure may be anything the box holds.)
PACK_EACH_WORDS: tuple[str, ...] = ("@", "x", "\u00d7", "of")
# Between two counts of packages, each with its size, these add them into one count of blanks: "3 dus @ 500 dan
# 5 pak @ 100", "6 boxes of 500 plus 1 pack of 100".
PACK_JOIN_WORDS: tuple[str, ...] = ("dan", "serta", "and", "plus", "ditambah", "tambah", "+", ",")
# A whole package ("1 dus utuh"), and the loose blanks added to whole packages ("ditambah 87 keping ecer").
WHOLE_PACK_WORDS: tuple[str, ...] = ("utuh", "penuh", "full", "sealed", "segel", "belum dibuka", "masih segel",
                                     "tersegel", "unopened")
PLUS_WORDS: tuple[str, ...] = ("+", "ditambah", "tambah", "plus")
# "dan"/"and" joins loose blanks to whole packages only when they are called loose ("dan 87 keping ecer"):
# "2 dus (isi 500) dan 300 keping KIA" names two counts.
AND_WORDS: tuple[str, ...] = ("dan", "and", "serta")
LOOSE_WORDS: tuple[str, ...] = ("ecer", "eceran", "lepas", "lepasan", "satuan", "loose")

# Thousands written with a space ("sisa 2 310", "terima 2 000 keping"): a word right after the second group
# that ends the figure's clause as a full stop would, so the two groups are one figure ("bukan 1 840 tp 1 480",
# "KIA 2 000 sdh sampai"). A role word after it ("perekaman 2 310 cetak") may own the second group instead.
SPACE_THOUSANDS_CLAUSE_WORDS: tuple[str, ...] = (
    "tp", "tapi", "tetapi", "namun", "jadi", "jd", "sdh", "sudah", "udah", "udh", "telah", "td", "tadi",
    "but", "so", "already",
)
# Words after which a one- or two-digit number may be a day, an hour or a code rather than the thousands of
# the figure that follows ("stok KIA tgl 1 118 kpg": "tinggal 1.118" or "on the 1st: 118"): two readings, so
# the figure is left unread.
# The outflow column of a stock ledger ("Stok Awal | Masuk | Keluar | Stok Akhir", a stock opname's "Stok Awal |
# Penerimaan | Pemakaian | Stok Fisik"): a period's movements. Beside an opening and a closing stock, the
# column of receipts is what came in over the period, not a shipment received now.
# A stock opname: a count of the store at a date ("Berita Acara Stock Opname", "Stok Fisik 31/12"). Its ledger's
# movements are the period's, audited; the clerk books the count. (A monthly reconciliation, "rekonsiliasi",
# states its receipts as the period's received figure and is not one.)
# A count of the stock at the year's end (with an opening on 1 January and a close on 31 December, its flows are the
# year's; mailbot.reader.roles).
YEAR_COUNT_WORDS: tuple[str, ...] = (
    "stock opname", "stok opname", "stockopname", "stokopname", "opname", "stocktake", "stock take", "stock count",
)
STOCK_OPNAME_WORDS: tuple[str, ...] = (
    "opname", "stockopname", "stok fisik", "stock fisik", "fisik", "stocktake", "stock take", "stock count",
    "physical count",
)
# Right before "habis" ("yang kemarin sudah habis dipakai"), these make the word said of the last shipment,
# used up, and not of the stock now: the stock is not stated.
EARLIER_SHIPMENT_SUBJECTS: tuple[str, ...] = (
    "yang kemarin", "yg kemarin", "yang kmrn", "yg kmrn", "yang kemaren", "yg kemaren", "yang lalu", "yg lalu",
    "yang dulu", "yg dulu", "kiriman kemarin", "kiriman kmrn", "kiriman lalu", "kiriman yang lalu",
    "kiriman yg lalu", "kiriman sebelumnya", "kiriman terakhir", "droping kemarin", "dropping kemarin",
    "the last shipment", "the previous shipment", "the last batch", "the previous batch",
)
# A receipt that chases the rest ("KIA 1.000 udh sampai ... yg diminta kan 1.5rb, sisanya kapan?"): the figure
# named by the passive of asking is the request made before, the one being chased; no new ask.
PASSIVE_ASK_WORDS: tuple[str, ...] = (
    "diminta", "dimohon", "dimohonkan", "dimintakan", "diajukan", "diusulkan", "requested", "ordered",
)
# Right after a figure, "yang kami mohonkan tanggal 8 Februari" makes it the figure of a request sent on an earlier
# day: the verb of asking with "kami" (and perhaps "sudah"/"telah"), then the day or the time it was sent.
ASKED_BEFORE_VERBS: tuple[str, ...] = ("mohonkan", "ajukan", "usulkan", "minta", "mintakan", "mohon")
ASKED_BEFORE_WHEN: tuple[str, ...] = (
    "tanggal", "tgl", "tgl.", "pada tanggal", "pada tgl", "kemarin", "kmrn", "kemaren", "minggu lalu", "bulan lalu",
    "sebelumnya", "yang lalu", "yg lalu",
)
# With a word for the rest (REST_OF_WORDS) in one clause, these ask when it comes.
WHEN_WORDS: tuple[str, ...] = ("kapan", "kpn", "when")
# A line ending on one of these (a preposition, a conjunction, a word that needs what follows) goes on in the
# next line, however much room it had left: "kebutuhan sampai" / "31 Desember ...".
LINE_GOES_ON_WORDS: tuple[str, ...] = (
    "sampai", "hingga", "ke", "di", "dari", "dr", "untuk", "utk", "yang", "yg", "dan", "serta", "atau", "dengan",
    "dgn", "sebanyak", "sejumlah", "per", "pada", "tgl", "tanggal", "bulan", "tahun", "karena", "krn", "bahwa",
    "of", "to", "the", "and", "or", "for", "from", "with", "until", "in", "on", "at", "by",
)
# Right after a figure asked for by a noun of need ("kebutuhan tambahan ... cukup 300 keping lagi"), these make it
# a count asked for on top of what came: an ask, also beside a receipt.
MORE_AFTER_WORDS: tuple[str, ...] = ("lagi", "more")
# A school writing for itself ("Kami dari SDN 014 ... Dari 230 murid kami, 97 anak belum memiliki KIA"): like a
# citizen, an outsider asking for a service, stating no district's figures. (Not "sekolah kami": an operator
# speaks of "kegiatan KIA di sekolah kami", the schools of the drive.)
SCHOOL_SPEAKER_PHRASES: tuple[str, ...] = (
    "murid kami", "siswa kami", "siswa-siswi kami", "peserta didik kami", "anak didik kami", "our students",
    "our pupils",
)
# ... or introducing itself by its school's name: "Kami dari SMA Negeri 3 Tarakan memohon jadwal perekaman KTP-el
# bagi 187 siswa kelas XII" asks for a recording day for its pupils; the figure counts people, not blanks.
SCHOOL_NAMES: tuple[str, ...] = (
    "sma", "sman", "sma negeri", "smk", "smkn", "smk negeri", "smp", "smpn", "smp negeri", "sd", "sdn",
    "sd negeri", "sdit", "smait", "madrasah", "man", "mtsn", "mts", "pondok pesantren",
    "ponpes",
)
SCHOOL_SPEAKER_PHRASES += tuple(
    f"{lead} {school}"
    for lead in ("kami dari", "kami pihak", "saya dari", "kami dari pihak") for school in SCHOOL_NAMES
)
# What spam sells ("Pinjaman ASN cepat cair ... tanpa agunan, bunga mulai 0,49%"): with an unsubscribe line in
# its text and no list header, an offer from an unknown sender is spam (other mail), not a list's newsletter.
# A seller's own offer ("Kami menawarkan ribbon ... dan kartu PVC kosong 1.000 pcs Rp 2.100.000"), with a price in
# it: a vendor's mail, whose lots and prices are no district's figures.
VENDOR_OFFER_PHRASES: tuple[str, ...] = (
    "kami menawarkan", "kami tawarkan", "menawarkan produk", "penawaran harga", "daftar harga", "price list",
    "pricelist", "we offer", "we are offering", "our offer", "special offer", "harga khusus", "harga promo",
)
VENDOR_PRICE_PHRASES: tuple[str, ...] = ("rp", "rp.", "idr", "harga", "price", "/pcs", "per pcs", "minimal order")
SPAM_OFFER_PHRASES: tuple[str, ...] = (
    "pinjaman", "pinjol", "cepat cair", "tanpa agunan", "tanpa jaminan", "bunga ringan", "bunga mulai", "cicilan",
    "kredit tanpa", "dana tunai", "cuan", "judi", "togel", "jackpot", "bonus deposit", "obat kuat", "pelangsing",
    "forex",
)
LEDGER_OUT_HEADER_WORDS: tuple[str, ...] = (
    "terpakai", "pemakaian", "dipakai", "digunakan", "penggunaan", "keluar", "pengeluaran", "mutasi keluar",
    "used", "issued", "out",
)
SPACE_THOUSANDS_DOUBT_BEFORE: tuple[str, ...] = (
    "tgl", "tg", "tanggal", "tggl", "jam", "pukul", "pkl", "no", "nomor", "kode", "id", "ke",
)

# A stock counted in the store: beside the register's balance ("tercatat 2.620, fisik 2.652", "Saldo menurut
# catatan (kartu persediaan/SIAK) : 2.523 / Hasil penghitungan fisik : 2.495"), the count is the stock now.
PHYSICAL_COUNT_WORDS: tuple[str, ...] = (
    "hitung fisik", "hasil hitung fisik", "perhitungan fisik", "stok fisik", "cek fisik", "fisik",
    "penghitungan fisik", "hasil penghitungan fisik", "physical count", "physical stock",
)
COLUMN_WORDS["stock_on_hand"] += PHYSICAL_COUNT_WORDS
# Leads of a postscript under the signature: "PS: KIA juga tinggal 40 keping, kalau bisa dikirim sekalian 300".
# The blank named right after one opens the sentence, and is what its figures are said of.
POSTSCRIPT_LEADS: tuple[str, ...] = ("p.s.", "p.s", "ps", "ps.", "n.b.", "n.b", "nb", "nb.")

# The need, in English, beside "need": "Our requirement for December is 1,800 cards".
ROLE_PHRASES["requested"] += ("requirement", "requirements", "our requirement", "our requirements")
NEED_WORDS += ("requirement", "requirements", "our requirement", "our requirements")
# What the writer has: "blangko yang ada di kami 900 saja", Banjar "blangko nang ada di kami 900 haja".
# ("yang ada" alone is anything there is, "1.200 pemohon yang ada"; "masih ada 400 keping di UPT" is often
# someone else's: neither is a stock word by itself.)
ROLE_PHRASES["stock_on_hand"] += tuple(
    f"{rel} ada {where} kami" for rel in ("yang", "yg", "nang") for where in ("di", "pada", "di gudang", "di kantor")
) + ("stok yang ada", "stok yg ada", "blangko yang tersedia", "blangko yg tersedia")
# The store named stands for "ours": "Yg ada di gudang perkiraan 120-150 keping saja".
ROLE_PHRASES["stock_on_hand"] += tuple(f"{rel} ada di gudang" for rel in ("yang", "yg", "nang"))
# The gap asked in English: "Please send the balance", "cover the difference".
SHORTFALL_ASK_PHRASES += (
    "send the balance", "supply the balance", "provide the balance", "cover the balance", "the remaining balance",
    "ship the balance", "dispatch the balance", "deliver the balance", "make up the balance", "what we are short",
    "send the shortage", "send us the shortage", "cover the shortage", "fill the shortage", "ship the shortage",
    "cover the difference", "make up the difference", "cover the gap",
    # The same with the receiver named: "Pls send us the balance lah".
    *(f"{verb} us the {gap}" for verb in ("send", "supply", "ship", "give", "deliver")
      for gap in ("balance", "shortage")),
    # The gap asked with its figure: "Mohon kekurangan 100 (seratus) keping tersebut dapat dipenuhi", "we kindly
    # ask for the remaining 80 cards".
    "mohon kekurangan", "mhn kekurangan", "ask for the remaining", "request the remaining", "send the remaining",
    "supply the remaining", "provide the remaining",
)
ROLE_PHRASES["requested"] += (
    "ask for the remaining", "request the remaining", "send the remaining", "supply the remaining",
    "provide the remaining",
)
# A difference between the count and the register that the writer is still looking into ("selisihnya sedang
# kami cek", "masih ditelusuri"): neither figure is settled yet, and a clerk asks back.
UNSETTLED_DIFFERENCE_WORDS: tuple[str, ...] = (
    "sedang kami cek", "sedang dicek", "masih kami cek", "masih dicek", "sedang kami telusuri", "sedang ditelusuri",
    "masih ditelusuri", "masih kami telusuri", "sedang diperiksa", "masih diperiksa", "sedang kami periksa",
    "belum diketahui", "belum ketemu", "still checking", "being checked", "under investigation", "looking into",
    # The writer does not know yet which of two figures is right: "nanti sy cek ulang fisiknya mana yg benar".
    "mana yang benar", "mana yg benar", "mana yang betul", "mana yg betul", "which is correct",
    "which one is correct", "which is right", "which one is right",
)
# After a figure asked, the writer says another figure is written elsewhere and does not know yet which is right:
# "mohon kirim 1.000 keping ... di surat tertulis 1.500, nanti saya tanya dulu yg benar yg mana".
WHICH_FIGURE_UNSURE_PHRASES: tuple[str, ...] = tuple(
    f"{a} {right} {b} mana" for a in ("yang", "yg") for b in ("yang", "yg") for right in ("benar", "betul")
) + ("which figure is right", "which figure is correct", "which number is right", "which number is correct")
# Zero stock in the regional registers: Javanese "sampun entek" / krama "sampun telas", Banjar "habis sudah".
ZERO_STOCK_PHRASES += ("entek", "sampun entek", "wis entek", "wes entek", "telas", "sampun telas", "sudah entek")
# Javanese (krama) "already arrived": "Sampun dugi nggih Pak, 2.000 keping lengkap" ("sampun" is "sudah", "dugi"
# and "dumugi" are "sampai"; "wis tekan" is the plain register's).
ARRIVED_JAVANESE: tuple[str, ...] = ("sampun dugi", "sampun dumugi", "wis tekan", "wes tekan", "sampun tekan")
ROLE_PHRASES["received"] += ARRIVED_JAVANESE
RECEIPT_VERBS += ARRIVED_JAVANESE
ARRIVED_PHRASES += ARRIVED_JAVANESE
RECEIPT_KIND_MORE += ARRIVED_JAVANESE
# Blanks collected in person, said as done: "blangko KIA utk Sebatik sdh sy ambil di provinsi tadi, 600 keping"
# (only with the word of done: "nanti sy ambil" is a plan).
COLLECTED_PHRASES: tuple[str, ...] = tuple(
    f"{done} {who}ambil" for done in ("sudah", "sdh", "telah", "udah", "udh")
    for who in ("kami ", "saya ", "sy ", "di", "")
) + ("we collected", "we have collected", "have been collected", "were collected", "was collected")
# ... or fetched from the harbour or the airport, said as done: "1.000 keping KTP-el sudah kami jemput di pelabuhan
# dan sudah di kantor".
# (A role word only, not a receipt's word for the kind: "sudah kami jemput bola di 3 desa" is the mobile service.)
FETCHED_PHRASES: tuple[str, ...] = tuple(
    f"{done} {who}jemput" for done in ("sudah", "sdh", "telah", "udah", "udh")
    for who in ("kami ", "saya ", "sy ", "di")
)
NOT_ROLE_PHRASES += tuple(f"{p} bola" for p in FETCHED_PHRASES)
ROLE_PHRASES["received"] += COLLECTED_PHRASES + FETCHED_PHRASES
# The rest still to be collected from the province, a plan: "kami mau kirim staf ambil sisa KIA yg 700" counts no
# stock and no receipt.
ROLE_PHRASES["ignore"] += (
    "ambil sisa", "ambil sisanya", "mengambil sisa", "mengambil sisanya", "jemput sisa", "jemput sisanya",
    "menjemput sisa", "pick up the rest", "collect the rest",
)
# An earlier ask said to be part of another figure is no ask of its own: "yg 2.500 itu sdh termasuk yg sy minta
# 2.000, jd total cuma 2.500".
ROLE_PHRASES["ignore"] += tuple(
    f"termasuk {that} {who} minta" for that in ("yang", "yg") for who in ("saya", "sy", "kami", "aku", "kita")
) + tuple(f"termasuk permintaan {who}" for who in ("saya", "sy", "kami", "kita")) + (
    "includes the one we asked", "includes our request of", "including our request of",
)
# ... and an earlier ask said after its figure to be inside the mail's own: "Tgl 3/7 Pak Kadis sempat minta 300 lewat
# HP, itu sudah termasuk di sini ya".
ASK_INCLUDED_AFTER: tuple[str, ...] = tuple(
    f"itu {done} termasuk {here}" for done in ("sudah", "sdh", "udah", "udh", "telah")
    for here in ("di sini", "disini", "dalam permintaan ini", "dlm permintaan ini", "di atas", "diatas")
) + ("that is already included here", "already included in this request")
# A receipt's count of what physically arrived, beside the delivery note's figure: "Diterima fisik : 2.800 keping".
ROLE_PHRASES["received"] += (
    "diterima fisik", "diterima secara fisik", "fisik diterima", "yang diterima fisik", "yg diterima fisik",
    "physically received", "received physically",
)
# A shortfall of a shipment given back to be checked is no new ask: "Mohon dicek kembali kekurangan 200 keping".
ROLE_PHRASES["ignore"] += tuple(
    f"{check} {gap}" for check in ("dicek kembali", "dicek ulang", "dicek", "cek kembali", "cek ulang", "periksa")
    for gap in ("kekurangan", "kekurangannya", "selisih", "selisihnya")
) + ("check the shortfall of", "check the missing")
RECEIPT_VERBS += COLLECTED_PHRASES + FETCHED_PHRASES
RECEIPT_KIND_MORE += COLLECTED_PHRASES
# "habis" as a chat writes it: "stok ktp el nol bu hbs smua".
ZERO_STOCK_PHRASES += ("hbs", "sdh hbs", "udh hbs", "udah hbs", "sudah hbs")
# A bare zero word may end at a cause rather than a stop: "pencetakan nihil karena printer kartu rusak".
BARE_ZERO_CAUSE_WORDS: tuple[str, ...] = ("karena", "krn", "karna", "sebab", "akibat", "due to", "because")

# A handover inside the office, at a change of official or operator ("Serah terima jabatan dan barang persediaan
# telah dilaksanakan", "Rincian yang diserahterimakan: Blangko KTP-el : 692 keping"): no shipment received; what
# is handed over is the stock the office holds.
# A notice that the writer goes on leave and who takes over the desk's work ("mulai tanggal 14 s.d. 31 Desember
# saya menjalani cuti tahunan. Selama saya cuti, laporan harian ... dilanjutkan oleh Sdr. Andi"): with no figure
# of its own, it reports nothing and asks for nothing.
LEAVE_NOTICE_PHRASES: tuple[str, ...] = (
    "menjalani cuti", "selama saya cuti", "selama cuti", "saya cuti", "akan cuti", "mengambil cuti",
    "pengalihan tugas", "dialihkan kepada", "dilanjutkan oleh", "digantikan oleh", "going on leave",
    "will be on leave", "during my leave",
)
# Photos of an activity sent for the province's news ("pak ini foto kegiatan jemput bola di SMAN 1 tadi, 212 siswa
# terekam. buat bahan berita web prov"): the event's count of people is news, no report of blanks.
NEWS_MATERIAL_PHRASES: tuple[str, ...] = (
    "bahan berita", "buat berita", "untuk berita", "utk berita", "berita web", "berita website", "bahan publikasi",
    "untuk publikasi", "utk publikasi", "for the news", "for the website", "for the province's website",
)
HANDOVER_PHRASES: tuple[str, ...] = (
    "serah terima jabatan", "sertijab", "serah terima barang persediaan", "serah terima persediaan",
    "serah terima stok", "serah terima stock", "serah terima gudang", "serah terima operator",
    "diserahterimakan", "yang diserahterimakan", "yg diserahterimakan", "handed over", "handover",
)
ROLE_PHRASES["stock_on_hand"] += ("diserahterimakan", "yang diserahterimakan", "yg diserahterimakan", "handed over")
# A receipt word in a sentence of such a handover ("pada saat serah terima operator baru menerima 360 keping dari
# operator lama"): the cards moved inside the office, none came from the province. The count is the stock
# handed over; a later figure of the stock (after use since) is the stock now.
# (Not "serah terima" or "diserahterimakan" alone: the province's shipments come with a "Berita Acara Serah
# Terima", and are "diserahterimakan kepada pengurus barang kami" at the airport.)
HANDOVER_RECEIPT_WORDS: tuple[str, ...] = (
    "serah terima jabatan", "serah terima tugas", "serah terima operator", "sertijab",
    "operator lama", "operator sebelumnya", "petugas lama", "petugas sebelumnya", "pejabat lama", "pengelola lama",
    "previous operator", "outgoing operator",
)
# Words of an estimate ("sekitar", "about"): a round figure after them is an estimate (null), but a figure
# written to the unit ("about 1,035 pieces", "sekitar 1.037 keping") is the figure the writer counted, read
# as "kurang lebih" is. Bounds ("kurang dari", "di bawah") stay bounds whatever the figure.
ESTIMATE_WORDS: tuple[str, ...] = ESTIMATE_NOUNS + (
    "sekitar", "sekitaran", "sekira", "kira-kira", "kira kira", "around", "about", "sakitar", "kinten-kinten",
    "kinten kinten",
)
# A part of the stock promised to a use already ("900 are already committed to the Posyandu round", "500 sudah
# dialokasikan untuk jemput bola"): no stock figure of its own.
ROLE_PHRASES["ignore"] += (
    "already committed", "committed to", "reserved for", "earmarked", "earmarked for", "set aside for",
    "sudah dialokasikan", "telah dialokasikan", "sudah dijatah", "sudah dijatahkan", "dicadangkan", "sudah dicadangkan",
    "sudah dipesan", "sudah di-booking", "sudah dibooking",
)
# Files of applicants still waiting to be printed ("sisa berkas menunggu cetak 8"): a queue, no count of work done.
ROLE_PHRASES["ignore"] += (
    "menunggu cetak", "menunggu dicetak", "menunggu pencetakan", "sisa berkas", "berkas menunggu",
    "waiting to be printed", "awaiting printing",
)
# ... and the people whose printing or recording is held up ("sisa blangko kosong sejak Kamis, pencetakan tertunda 23
# orang"): a backlog, no count of work done.
ROLE_PHRASES["ignore"] += (
    "pencetakan tertunda", "cetak tertunda", "perekaman tertunda", "rekam tertunda", "tertunda cetak",
    "tertunda dicetak", "printing delayed", "printing on hold",
)
# A figure given up ("cukup 1.000 keping saja, tidak jadi 2.000", "1,000 instead of 2,000"): denied as "bukan" is.
_GIVEN_UP: tuple[str, ...] = (
    "tidak jadi", "tdk jadi", "gak jadi", "ga jadi", "nggak jadi", "ngga jadi", "enggak jadi", "gk jadi",
    "instead of", "rather than",
    # "cukup 300 keping saja, tidak usah 500": "no need for" the figure before, given up as "tidak jadi" is.
    "tidak usah", "tdk usah", "tak usah", "gak usah", "ga usah", "gausah", "nggak usah", "ngga usah",
    "enggak usah", "gk usah",
)
ROLE_PHRASES["ignore"] += _GIVEN_UP
NEGATES_NEXT_WORDS += _GIVEN_UP
# "kami konfirmasi secara tertulis permintaan ... 3.000 keping": "in writing", not a figure written wrongly.
NOT_ROLE_PHRASES += ("secara tertulis", "scr tertulis", "dengan tertulis", "in writing")
# "Sebagai tambahan informasi, ... ketinggian jelajah 9.500 kaki": something added to what is told, not blanks asked.
NOT_ROLE_PHRASES += (
    "tambahan informasi", "tambahan info", "tambahan keterangan", "informasi tambahan", "info tambahan",
    "keterangan tambahan", "additional information", "additional info",
)
# The replacement of returned blanks names what it replaces; the replacement itself is no return: "Pengganti
# blangko retur (cacat produksi) sebanyak 56 keping sudah kami terima" received 56.
NOT_ROLE_PHRASES += (
    "pengganti blangko retur", "pengganti retur", "penggantian blangko retur", "penggantian retur",
    "pengganti blangko yang diretur", "pengganti blangko yg diretur",
)
# A form's line that counts with no role of its own ("Jumlah : 1.800 keping" under "Kami konfirmasi penerimaan
# blangko KIA dari Provinsi:" and beside "Tanggal terima : ..."): it takes the role of the sentence leading
# into the form.
FORM_COUNT_LABELS: tuple[str, ...] = (
    "jumlah", "jml", "total", "banyaknya", "sebanyak", "qty", "quantity", "jumlah blangko", "jumlah keping",
)
# After a count of packages, the words that give the blanks it holds in all: "5 dus, total 2.500 keping".
PACK_TOTAL_WORDS: tuple[str, ...] = (
    "total", "totalnya", "jumlah", "jumlahnya", "sejumlah", "sebanyak", "yaitu", "yakni", "atau", "=", "in total",
)
# The same in English: "Please send the figures by 8 January", "could you share the stock data".
DOCUMENT_WORDS += ("figures", "the figures", "numbers", "the numbers", "report", "the report", "spreadsheet",
                   "statistics", "stock data", "the data", "the template")
DOCUMENT_FILLERS += ("the", "us", "me", "your", "updated", "latest", "share", "send", "provide")
DOCUMENT_REQUEST_OPENERS += ("please send", "please share", "please provide", "kindly send", "kindly share",
                             "could you share", "could you send", "share")
# Banjar: "urang" is a person ("perekaman di lokasi 37 urang"); "tecetak" is "tercetak" as spoken.
PEOPLE_UNITS += ("urang",)
# Before a blank's name, these set it aside ("selain KTP-el untuk pemilih pemula, kami juga mohon blangko KIA"): the
# other blank named is the one the text is about.
BESIDES_WORDS: tuple[str, ...] = ("selain", "disamping", "di samping", "besides", "apart from", "aside from")
# Voters counted on an election body's lists ("dari DPS sebanyak 112.406 pemilih terdapat 4.871 pemilih pemula"):
# people, not blanks.
PEOPLE_UNITS += ("pemilih", "pemilih pemula", "voters", "first-time voters", "pelajar")
ROLE_PHRASES["printed"] += ("tecetak", "yang tecetak", "nang tecetak")
# Banjar "nang" for "yang" of what came: "blangko nang datang cuma 1.400 keping haja, kurang 100".
ROLE_PHRASES["received"] += ("nang datang", "nang dtg", "nang sampai", "nang sampe", "nang nyampe", "nang tiba")
# ... "datang" said of the blanks ("warga nang datang agak sore" is people coming, no receipt)
RECEIPT_KIND_MORE += ("nang sampai", "nang sampe", "nang nyampe", "nang tiba", *(
    f"{what} {rel} {came}" for what in ("blangko", "blangkonya", "kiriman", "kirimannya")
    for rel in ("yang", "yg", "nang") for came in ("datang", "dtg")))
# Javanese "sing" / krama "ingkang" for "yang" of what came: "blangko sing teko mung 900 lembar, kurang 100".
# Said of the blanks only: "warga sing teko 40 wong" is people coming, no receipt ("wong", "tiyang": persons).
JAVANESE_CAME: tuple[str, ...] = ("sing dugi", "ingkang dugi", "ingkang dumugi", *(
    f"{what} {rel} {came}" for what in ("blangko", "blangkone", "blangkonya", "kiriman", "kirimane", "kirimannya")
    for rel in ("sing", "ingkang") for came in ("teko", "teka", "tekan")))
ROLE_PHRASES["received"] += JAVANESE_CAME
RECEIPT_KIND_MORE += JAVANESE_CAME
# Sundanese "anu" / "nu" for "yang" of what came or was received: "blangko anu dugi ngan ukur 950 lembar, kirang 50",
# "kiriman anu katampi 1.900 keping" ("katampi" is "diterima").
SUNDANESE_CAME: tuple[str, ...] = tuple(f"{rel} {came}" for rel in ("anu", "nu") for came in ("dugi", "katampi"))
ROLE_PHRASES["received"] += SUNDANESE_CAME + ("katampi", "parantos katampi", "parantos dugi")
RECEIPT_KIND_MORE += SUNDANESE_CAME
# "sampe", the spoken "sampai", of the blanks that came ("blangko yg sampe cuma 920 ji lembar"); alone it is also
# "until" ("sampe besok"), so only after "yang" or a word of "already".
SPOKEN_CAME: tuple[str, ...] = tuple(f"{before} sampe" for before in (
    "yang", "yg", "sudah", "sdh", "udah", "udh", "dah", "telah", "baru"))
ROLE_PHRASES["received"] += SPOKEN_CAME
PEOPLE_UNITS += ("wong", "tiyang")
# "jadi jumlah rekam hari ini 78" after the places' counts: the total of the role, as "total perekaman" is.
TOTAL_WORDS += ("jadi jumlah", "sehingga jumlah", "jadi total", "sehingga total", "jumlah seluruhnya", "totalnya")

# === Figures the writer says they wrote before (kept last) =========================================
# The writer and a verb of writing or typing name the figure of an earlier mail that the new text replaces
# ("Tadi siang saya tulis 800, ternyata ... jadi cukup 700 lembar"; siblings of "kami tulis" above). Opening a
# bracket, with or without a moment before them, they make every figure in it an earlier one: "Sisa yang
# benar 1.374 keping (kemarin kami tulis 1.347, lalu ralat jadi 1.437, keduanya salah)".
WRITTEN_BEFORE_TIMES: tuple[str, ...] = (
    "tadi", "td", "tadi pagi", "tadi siang", "tadi sore", "kemarin", "kmrn", "kemaren", "kemarin sore",
    "sebelumnya", "sblmnya", "semula", "awalnya", "pertama", "waktu itu", "dulu", "earlier", "previously",
)
WRITTEN_BEFORE_PERSONS: tuple[str, ...] = ("saya", "sy", "kami", "km", "aku", "i", "we")
WRITTEN_BEFORE_VERBS: tuple[str, ...] = (
    "tulis", "tuliskan", "menulis", "ketik", "ketikkan", "mengetik", "wrote", "typed", "had written",
)
ROLE_PHRASES["ignore"] += tuple(f"{p} {v}" for p in WRITTEN_BEFORE_PERSONS for v in WRITTEN_BEFORE_VERBS)
# Before a figure asked in its clause, these name a past year ("Di arsip kami, tahun lalu kami meminta 3.000
# keping"): a request of another budget year is asked by no one now (a reminder chases this year's).
PAST_YEAR_WORDS: tuple[str, ...] = (
    "tahun lalu", "thn lalu", "th lalu", "tahun kemarin", "thn kemarin", "tahun sebelumnya", "tahun yang lalu",
    "tahun yg lalu", "tahun anggaran lalu", "ta lalu", "last year", "the previous year", "previous year",
    "the year before",
)
# In the sentence of a figure asked, a plan's noun with a later year than the mail's ("proyeksi kebutuhan blangko
# tahun 2028 sebanyak 19.200 keping" sent in 2027, "Usulan 2028 kami tetap 4.000"): the need planned for a coming
# year, no ask for now (a clerk ships on today's ask, never on next year's plan).
PLAN_NOUNS: tuple[str, ...] = (
    "proyeksi", "usulan", "rencana", "kebutuhan", "perencanaan", "rkt", "projection", "projected", "forecast",
    "plan", "planning", "needs",
)
# ... and a coming year named in words ("kebutuhan tahun depan 18.000 keping").
NEXT_YEAR_WORDS: tuple[str, ...] = (
    "tahun depan", "thn depan", "th depan", "tahun mendatang", "tahun berikutnya", "tahun anggaran berikutnya",
    "next year", "the coming year", "the following year",
)
# In a question that asks whether a figure could be had, these put the ask in a later period ("kira-kira bisa minta
# 2.000 tidak ya bulan depan?", "next month could we get 1,500?"): the writer sounds out a plan, asks nothing now;
# the figure is left to a clerk (never booked as an ask).
LATER_PERIOD_WORDS: tuple[str, ...] = (
    "bulan depan", "bln depan", "bulan dpn", "bln dpn", "bulan mendatang", "bulan berikutnya", "next month",
) + NEXT_YEAR_WORDS
# Before a coming year's number, these name the part of it a figure is for ("triwulan II 2028", "Q1 2028").
YEAR_PART_WORDS: tuple[str, ...] = ("triwulan", "tw", "kuartal", "quarter", "q", "semester", "smt")
# A plan's year opens at least this many months after the mail (October for January: the next year's plan; a
# December mail's need for January or its first quarter is today's ask) ...
PLAN_MONTHS_AHEAD = 3
# ... a month of it named anywhere in the plan's sentence at least this many ("bulan Juli 2028" in October 2027) ...
PLAN_FAR_MONTHS = 6
# ... and a plan's noun names the year within this many characters before it ("proyeksi kebutuhan blangko
# KTP-el Kota Tarakan tahun 2028"; not "menjelang Pilkada 2027, kebutuhan ... sampai Desember").
PLAN_NOUN_REACH = 60
# Before a day of the month with no month after it ("kiriman 800 sudah masuk tgl 15").
DAY_ONLY_WORDS: tuple[str, ...] = ("tgl", "tanggal", "tg", "tang")
# Beside a stock, a receipt its words date more than this many days before the mail is an earlier shipment said in
# passing ("sisa stok 612 (kiriman 800 sudah masuk tgl 15)" on the 27th), booked when it came; within a week it
# is still a late confirmation ("sudah tiba tanggal 28/11" sent on 2/12 after a network outage).
EARLIER_RECEIPT_DAYS = 7
# Before a past year, these compare with it ("Seperti tahun lalu, kami mohon 3.000 keping"): the request is now.
LIKE_WORDS: tuple[str, ...] = ("seperti", "spt", "sama seperti", "sebagaimana", "serupa", "like", "as", "as in")
# Nouns of need: beside the stock, in a mail headed as a report or as information that asks for nothing
# ("info stok" / "Info pak, stok kami tinggal 12% dari kebutuhan (kebutuhan Desember 6.000, stok sekarang
# 720)"), they state the need as background, no request.
NEED_NOUNS: tuple[str, ...] = ("kebutuhan", "requirement", "requirements", "our requirement", "our requirements")
# Verbs of need ("kami butuh sekitar 1.500 keping"): an ask of their own, but with a word of the gap beside them
# ("mohon kekurangannya dikirim") the figure they give is the need the gap is worked out from.
NEED_VERBS: tuple[str, ...] = (
    "butuh", "butuhkan", "membutuhkan", "dibutuhkan", "perlu", "perlukan", "memerlukan", "diperlukan", "need",
    "we need",
)
# Heading a mail (its subject or opening words), these say it informs: with REPORT_PHRASES and
# FOR_INFORMATION_PHRASES, the mood of a report.
INFO_HEAD_WORDS: tuple[str, ...] = ("info", "informasi", "sekadar memberi tahu", "sekedar memberitahu")
# After a total opener, these name the period the total covers ("Total setahun: 1.109 lembar", "Jumlah
# bulan ini: 420", "Total for the year: 1,109"): still the total of the rows above.
TOTAL_PERIOD_WORDS: tuple[str, ...] = (
    "setahun", "sebulan", "seminggu", "sepekan", "satu tahun", "1 tahun", "tahun ini", "bulan ini",
    "minggu ini", "pekan ini", "per tahun", "tahunan", "bulanan", "mingguan", "this year", "this month",
    "this week", "for the year", "for the month", "for the week", "of the year",
)
# Above the writer's own earlier mail forwarded again, these say it was wrong ("laporan Jumat di bawah ada yang
# salah ... yang benar 1.050 keping"): the new words restate what they correct; the forwarded mail's other
# figures were read when it first came and are not read again.
FORWARD_CORRECTED_WORDS: tuple[str, ...] = CORRECTION_OPENERS + (
    "ada yang salah", "ada yg salah", "yang salah", "yg salah", "ada kesalahan", "terdapat kesalahan", "kesalahan",
    "keliru", "kekeliruan", "was wrong", "is wrong", "incorrect", "a mistake", "an error",
)
# Above a mail forwarded, these in the forwarder's words say its figures are not to be counted ("sms di bawah ini
# angka posko saja ... Mohon jangan dihitung dobel"): the forwarded mail's figures are no figures of this mail;
# only the forwarder's own words count. ("jangan dulu dipakai angka di bawah", figures to be confirmed later, is
# not among them: the forwarded mail still says what kind of mail it is.)
FORWARD_NOT_COUNTED_WORDS: tuple[str, ...] = (
    "jangan dihitung", "jgn dihitung", "tidak usah dihitung", "tdk usah dihitung", "tidak perlu dihitung",
    "tdk perlu dihitung", "jangan dihitung dobel", "jangan dihitung ganda", "jangan dihitung lagi",
    "do not count", "don't count", "please don't count", "not to be counted",
)
# Right after a count's role word, these name the period now ("Cetak KIA minggu ini: 212 lembar", "Perekaman
# minggu ini 655 jiwa"): in a report of that period (its title or opening names the week or the month) they
# name the report's own period, not a running total; elsewhere they stay figures of another span.
PERIOD_NOW_WORDS: dict[str, tuple[str, ...]] = {
    "week": ("minggu ini", "mgg ini", "pekan ini", "this week"),
    "month": ("bulan ini", "bln ini", "this month"),
}
REPORT_PERIOD_WORDS: dict[str, tuple[str, ...]] = {
    "week": (
        "mingguan", "laporan minggu", "lap minggu", "rekap minggu", "minggu pertama", "minggu kedua", "minggu ketiga",
        "minggu keempat", "minggu i", "minggu ii", "minggu iii", "minggu iv", "minggu ke", "pekan pertama",
        "pekan kedua", "sepekan", "weekly", "week",
        # "Rekap perekaman per kecamatan minggu ke-3 Januari"
        "minggu ke-1", "minggu ke-2", "minggu ke-3", "minggu ke-4", "minggu ke-5", "pekan ke-1", "pekan ke-2",
        "pekan ke-3", "pekan ke-4", "pekan ke-5",
    ),
    "month": MONTHLY_REPORT_PHRASES + ("bulanan", "monthly"),
}
# The stock a period opened with ("saldo awal 2027 per 1 Januari 2027 sebanyak 310 keping") is no stock now,
# unless nothing has been used since: the writer says so ("belum ada pemakaian"), or the period opened at
# most OPENING_IS_NOW_DAYS days before the mail, and the mail tells no work, receipt or other stock.
OPENING_STOCK_WORDS: tuple[str, ...] = (
    "stok awal", "stock awal", "saldo awal", "sisa awal", "persediaan awal", "opening stock", "opening balance",
    "beginning stock", "beginning balance", "starting stock", "starting balance", "stok permulaan",
    "saldo permulaan",
)
NOT_USED_YET_PHRASES: tuple[str, ...] = (
    "belum ada pemakaian", "belum ada penggunaan", "belum ada yang terpakai", "belum ada yg terpakai",
    "belum terpakai", "belum dipakai", "belum digunakan", "belum ada pelayanan", "belum ada pencetakan",
    "none used yet", "nothing used yet", "not used yet", "no blanks used",
)
OPENING_IS_NOW_DAYS = 7
# Short forms of "request" in terse mail ("req blangko ktpel 3rb"), siblings of "request" and "minta".
ROLE_PHRASES["requested"] += ("req", "reqs", "rqst", "rqs", "pls send", "plz send")
# "Mnt blangko KIA 200 pcs" ("mnt" alone is also minutes: only before a blank's name).
ROLE_PHRASES["requested"] += ("mnt blangko", "mnt blanko", "mnta blangko", "mnta blanko", "mnt blgko")
# "mnta 1,5 rb blangko ktp ya": "minta" with its vowel dropped ("mnta" is no other word).
ROLE_PHRASES["requested"] += ("mnta", "mnta tambahan")
# Javanese (krama) asking: "ingkang kami suwun 1.200 keping", "nyuwun 800 keping", "ingkang kami nedhi". "Suwun" alone
# is also thanks ("matur suwun", NOT_ROLE_PHRASES), so only with its asker or passive.
ROLE_PHRASES["requested"] += (
    "kami suwun", "kula suwun", "kulo suwun", "dipun suwun", "disuwun", "nyuwun", "nedhi", "kami nedhi",
    "kula nedhi", "kulo nedhi",
)
# Sundanese asking ("anu dipundut 1.000 keping", "anu dipenta", "nyuhunkeun 800 keping", "nu dibutuhkeun") and
# Javanese ngoko ("butuhe 900 keping", "njaluk 1.100 keping", "sing dijaluk"): an ask as "minta" is.
ROLE_PHRASES["requested"] += (
    "dipundut", "anu dipundut", "nu dipundut", "dipenta", "anu dipenta", "nu dipenta", "nyuhunkeun", "dibutuhkeun",
    "butuhe", "butuhne", "njaluk", "dijaluk", "tak jaluk", "kami jaluk", "kita jaluk",
)
# Their stock: Sundanese "stokna kantun 250", "sesa stok 300"; Javanese ngoko "stoke kari 150".
ROLE_PHRASES["stock_on_hand"] += ("stokna", "stoke", "stokne", "sesa", "sesa stok", "stok kari", "stoke kari")
# "blangko 2.000 keping sdh kami trm": "terima" in a phone's shorthand.
ROLE_PHRASES["received"] += ("trm", "sdh trm", "sudah trm", "kami trm", "dtrm", "ditrm", "sdh kami trm")
# After a figure, these open the parts it is made of ("127 orang, terdiri dari 83 pemula dan 44 perekaman
# ulang"): parts that add up to it, of no other role or blank, are no figures of their own.
MADE_OF_WORDS: tuple[str, ...] = (
    "terdiri dari", "terdiri atas", "tdd", "terbagi", "terbagi atas", "terbagi menjadi", "dengan rincian",
    "rinciannya", "meliputi", "consisting of", "made up of", "of which", "broken down into", "comprising",
)
# A letter to many offices at once ("Kepada Yth. Kepala Dinas Dukcapil Provinsi se-Indonesia", "Surat Edaran"):
# from a sender on no district's list, a circular; what it asks or counts is no district's request or report.
CIRCULAR_PHRASES: tuple[str, ...] = (
    "surat edaran", "se-indonesia", "se indonesia", "seluruh indonesia", "provinsi se-indonesia",
    "kabupaten/kota se-indonesia", "kab/kota se-indonesia", "se-kalimantan utara", "se-kaltara",
    "kabupaten/kota se", "kab/kota se", "circular letter", "to all provinces", "to all districts",
)
# Opening the figure of a sentence that follows one naming a receipt or an ask with no figure ("Kiriman
# blangko KTP-el sudah kami terima tadi. Jumlahnya 1.000 keping"; "Kami hitung bersama Pak Kasi: 4 dus @ 250
# keping, jadi total 1.000 keping"), these give that sentence's role to the figure.
COUNT_OPENERS: tuple[str, ...] = (
    "jumlahnya", "jumlah", "sebanyak", "totalnya", "total", "kami hitung", "sudah kami hitung", "dihitung",
    "setelah dihitung", "kami cek", "setelah dicek", "isinya", "berjumlah", "in total", "we counted", "counted",
    "the count is", "a total of", "altogether",
    # "Pak, blangko sudah tiba. Terhitung 1.980 lembar", "The parcel arrived this morning. Our count: 1,950 pieces."
    "terhitung", "hitungan kami", "menurut hitungan kami", "our count", "by our count",
)

# A district asking the province to look again at its decision (mailbot.followup.interpret): after a rejection or a
# part approved, an appeal a manager decides, whatever figure it names ("Mohon kebijakan Bapak/Ibu untuk
# mempertimbangkan kembali permohonan kami", "mohon ditinjau ulang", "mohon dipertimbangkan lagi").
LOOK_AGAIN_WORDS: tuple[str, ...] = (
    "dipertimbangkan", "pertimbangkan", "mempertimbangkan kembali", "mempertimbangkan ulang",
    "mempertimbangkan lagi", "ditinjau", "tinjau ulang", "tinjau kembali", "meninjau ulang", "meninjau kembali",
    "keberatan", "mohon kebijakan", "mohon kebijaksanaan", "mohon kebijakannya", "mohon kebijaksanaannya",
    "reconsider", "reconsidered", "reconsidering", "reconsideration",
    # Banjar: "mohon kiranya permohonan kami ditimbang pulang" ("ditimbang" alone is "weighed")
    "ditimbang pulang", "ditimbang ulang", "ditimbang lagi", "ditimbang kembali", "menimbang pulang",
)
# Of LOOK_AGAIN_WORDS, those that ask for a decision to be looked at again even as a question ("could the province
# please reconsider this?", "apakah keputusan ini masih bisa ditinjau lagi?"): an appeal, never a mere question
# ("apakah permohonan kami sudah ditinjau?" asks where it stands).
LOOK_AGAIN_ASKED_WORDS: tuple[str, ...] = (
    "reconsider", "reconsidered", "reconsidering", "reconsideration",
    "dipertimbangkan kembali", "dipertimbangkan lagi", "dipertimbangkan ulang", "mempertimbangkan kembali",
    "mempertimbangkan ulang", "mempertimbangkan lagi", "pertimbangkan kembali", "pertimbangkan lagi",
    "ditinjau ulang", "ditinjau kembali", "ditinjau lagi", "tinjau ulang", "tinjau kembali", "meninjau ulang",
    "meninjau kembali", "ditimbang pulang", "ditimbang ulang", "ditimbang lagi", "ditimbang kembali",
)

# A district protesting that only a part was approved, said as a question or an exclamation ("kenapa cuma segitu??",
# "jangan main potong saja", Javanese "kok namung 600 to?", Banjar "kenapa cuma sagitu haja?"): after a part
# approval, an appeal a manager weighs as "we asked for 1,500 and you cut it" is, never a question for the queue only
# (mailbot.followup.interpret).
PART_CUT_PROTEST_WORDS: tuple[str, ...] = (
    "kenapa cuma", "kenapa hanya", "kenapa cman", "kenapa cuman", "knp cuma", "knp cm", "knp hanya", "kok cuma",
    "kok cuman", "kok hanya", "kok cm", "koq cuma", "mengapa hanya", "mengapa cuma", "cuma segitu", "hanya segitu",
    "cm segitu", "cuman segitu", "sedikit sekali", "sedikit banget", "kok sedikit", "kenapa sedikit",
    "main potong", "kok dipotong", "kenapa dipotong", "knp dipotong", "mengapa dipotong", "kok dikurangi",
    "kenapa dikurangi", "mengapa dikurangi", "kok dikurangin", "kenapa dikurangin", "jangan dipotong",
    "tidak sesuai permohonan", "tidak sesuai dengan permohonan", "tidak sesuai permintaan",
    # the part said not to meet the need: "Jumlah yg disetujui tidak sesuai kebutuhan kami pak. Minimal 3.200"
    "tidak sesuai kebutuhan", "tdk sesuai kebutuhan", "tidak sesuai dengan kebutuhan", "tdk sesuai dgn kebutuhan",
    "belum sesuai kebutuhan", "blm sesuai kebutuhan", "belum sesuai dengan kebutuhan", "gak sesuai kebutuhan",
    "ga sesuai kebutuhan", "nggak sesuai kebutuhan", "tidak memenuhi kebutuhan", "belum memenuhi kebutuhan",
    # Javanese
    "kok namung", "kok mung", "kok mek", "namung sakmenika", "mung semono", "kok dikurangi", "kok dipun kirangi",
    "kok sekedhik", "kok sithik",
    # Banjar, Bugis, Manado
    "kenapa cuma sagitu", "napa cuma", "ngapa cuma", "magai na", "kiapa cuma", "kiapa cuma bagitu",
)
# ... or the part approved quoted as not enough, right after its figure ("2.000 tidak cukup", "2.000 keping masih
# kurang", "jumlah 2.000 belum mencukupi"): that figure is the thing protested, never a lowering of the request to
# it; a new figure beside it is the one the appeal asks (mailbot.followup.interpret).
PART_NOT_ENOUGH_AFTER: tuple[str, ...] = (
    "tidak cukup", "tdk cukup", "tak cukup", "gak cukup", "ga cukup", "nggak cukup", "enggak cukup", "kagak cukup",
    "tidak mencukupi", "tdk mencukupi", "tak mencukupi", "belum cukup", "blm cukup", "belum mencukupi",
    "blm mencukupi", "masih kurang", "msh kurang", "masih belum cukup", "sangat kurang", "jauh dari cukup",
    "kurang sekali", "kurang banget", "terlalu sedikit", "masih jauh dari kebutuhan", "tidak memadai",
    "belum memadai", "is not enough", "not enough", "isn't enough", "insufficient", "kurang",
    # said to last only a short while: "2.000 hanya cukup seminggu", "2rb cuma cukup utk 5 hari"
    "hanya cukup", "hny cukup", "cuma cukup", "cuman cukup", "cm cukup", "hanya bertahan", "cuma bertahan",
    "hanya mencukupi", "only enough", "only lasts", "would only last",
)
# ... or asked as a plain question whether the part approved is all ("apakah 2.000 keping itu sudah final?",
# "Apakah tidak bisa full 2.500 pak?", "apa bisa ditambah lagi?"): with no new figure beside it, an appeal too.
PART_CUT_ASKED_WORDS: tuple[str, ...] = (
    "sudah final", "sdh final", "udah final", "udh final", "sudh final", "itu final", "keputusan final",
    "sudah fix", "sdh fix", "udah fix", "udh fix", "sudah pasti", "sdh pasti", "sudah mutlak",
    "bisa full", "bisa penuh", "bisa full sesuai", "bisa dipenuhi semua", "bisa dipenuhi seluruhnya",
    "bisa sesuai permohonan", "bisa sesuai pengajuan", "bisa sesuai permintaan",
    "bisa ditambah", "bisa ditambahkan", "bisa ditambahin", "bisa dinaikkan", "bisa dinaikan",
    "could it be the full", "can we get the full", "is this final", "is that final", "is it final",
)
# ... and the class behind the protest asked as a question: a word asking why, a few words, then a word of "only"
# ("kok yang disetujui cuma 500 keping ya pak?", Javanese "kenging menapa ingkang dipun setujui namung 500 keping?",
# "mengapa permohonan kami hanya disetujui 500?").
PART_CUT_WHY_WORDS: tuple[str, ...] = (
    "kenapa", "knp", "kok", "koq", "mengapa", "napa", "ngapa", "kiapa", "kenging menapa", "kenging punapa",
    "menapa", "punapa", "why",
)
PART_CUT_ONLY_WORDS: tuple[str, ...] = (
    "cuma", "cuman", "cm", "hanya", "hny", "cuma dikasih", "namung", "mung", "mek", "only", "just",
)
# The part given up when a district lowers its figure, named beside the new one ("cukup 1.000 keping aja, yg 500 bisa
# buat kabupaten lain", "1.000 aja cukup. kelebihan 500 nanti kami kembalikan"): a word of the surplus before it, or
# of where it goes after it. Of two figures that make up the figure asked, that one is the difference, never a second
# figure asked (mailbot.followup.interpret).
GIVEN_UP_BEFORE_WORDS: tuple[str, ...] = (
    "kelebihan", "kelebihannya", "lebihnya", "selebihnya", "sisanya", "sisa lebihnya", "surplus", "the rest",
    "the other", "the remaining", "the extra", "extra",
)
GIVEN_UP_AFTER_WORDS: tuple[str, ...] = (
    "bisa buat", "bisa untuk", "bisa utk", "buat kabupaten", "untuk kabupaten", "utk kabupaten", "buat kab",
    "untuk kab", "buat daerah", "kami kembalikan", "akan kami kembalikan", "nanti kami kembalikan", "dikembalikan",
    "kembalikan", "dialihkan", "bisa dialihkan", "dipindahkan", "diberikan", "dikasih", "kasih ke", "can go",
    "can be", "will be returned", "we will return", "we'll return",
)
# A district withdrawing its own request (mailbot.followup.cancels). Words that cancel wherever they stand, unless
# denied ("jangan dibatalkan") or asked:
CANCEL_WORDS: tuple[str, ...] = (
    "dibatalkan", "dibatalin", "batalkan", "batalin", "membatalkan", "pembatalan", "cancel", "cancelled", "canceled",
    "cancelling", "withdraw", "withdrawn", "cancellation", "cancelation", "cancelled", "canceled", "cancel aja",
    "urungkan", "diurungkan", "mengurungkan", "kami urungkan", "tarik kembali", "ditarik kembali",
    "menarik kembali", "kami tarik", "ga usah dikirim", "gak usah dikirim", "nggak usah dikirim",
    # Banjar: "kada usah dikirim lagi, batalakan haja"
    "kada usah dikirim", "kd usah dikirim", "batalakan", "dibatalakan",
    "ngga usah dikirim", "gk usah dikirim", "enggak usah dikirim", "tidak usah dikirim", "tdk usah dikirim",
    "tak usah dikirim", "tidak perlu dikirim", "tdk perlu dikirim", "tak perlu dikirim", "gak perlu dikirim",
    "ga perlu dikirim", "nggak perlu dikirim", "tidak perlu dikirimkan", "tidak usah dikirimkan",
)
# ... and the same said of the request going on, whichever "no need" and whichever verb ("usulan kami nang 3.800 tu
# kada usah diproses lagi", "tidak perlu ditindaklanjuti", "ga usah dilanjutkan"): every "no need" before every verb.
CANCEL_NO_NEED: tuple[str, ...] = (
    "tidak usah", "tdk usah", "tak usah", "ga usah", "gak usah", "nggak usah", "ngga usah", "gk usah", "g usah",
    "enggak usah", "kada usah", "kd usah", "kadada usah", "ndak usah", "nda usah", "ora usah", "mboten usah",
    "tidak perlu", "tdk perlu", "tak perlu", "ga perlu", "gak perlu", "nggak perlu", "kada perlu", "ndak perlu",
    # Bugis Malay "ndk usah mi dikirim", Manado "nyanda usah"
    "ndk usah", "nyanda usah", "nda perlu", "ndk perlu",
)
CANCEL_GOING_ON: tuple[str, ...] = (
    "diproses", "diproses lagi", "diproses lg", "diprosesin", "dikirim", "dikirimkan", "dikirimi", "dikirimin",
    "dilanjutkan", "dilanjutin", "ditindaklanjuti", "ditindak lanjuti", "dikirim lagi",
    # with the Bugis particle between ("ndk usah mi dikirim"), and Manado "nda usah jadi dang" (need not go ahead)
    "mi dikirim", "mi diproses", "mi dilanjutkan", "jadi dang", "jadi jo",
)
CANCEL_WORDS += tuple(f"{no} {verb}" for no in CANCEL_NO_NEED for verb in CANCEL_GOING_ON)
# Banjar and Malay "urung" (= batal) said of the request: "urung haja", "kami urung", "urung ja lah" ("urung"
# alone also stands in "tidak urung", nonetheless: only with a word that makes it the district's wish).
CANCEL_WORDS += tuple(f"urung {wish}" for wish in ("haja", "aja", "saja", "sj", "ja", "lah", "dulu", "pak", "bu"))
CANCEL_WORDS += ("kami urung", "jadi urung", "urung kami", "diurung", "diurungkan haja")
# "batal" followed by a word that makes it a wish cancels wherever it stands ("Pak, batal aja ya").
CANCEL_BATAL_WISH: tuple[str, ...] = ("saja", "aja", "aj", "sj", "deh", "ya", "yah", "dulu")
# "batal" said of the request itself: at the start ("batal saja pak"), with a word that makes it a wish ("batal
# saja", "batal aja", "batal ya pak") or after the request ("permohonan kami batal").
CANCEL_BATAL_AFTER: tuple[str, ...] = (
    "saja", "aja", "sj", "deh", "dulu", "ya", "yah", "pak", "bu", "bapak", "ibu", "mas", "mbak",
)
CANCEL_BATAL_BEFORE: tuple[str, ...] = (
    "permohonan kami", "permohonan ini", "permohonannya", "permohonan tersebut", "permintaan kami",
    "permintaannya", "pengajuan kami", "pengajuannya", "usulan kami", "jadinya", "kami",
)
# "tidak jadi" and its siblings: the district no longer wants it (with no new figure beside the words).
NOT_AFTER_ALL: tuple[str, ...] = (
    "tidak jadi", "tdk jadi", "tak jadi", "gak jadi", "ga jadi", "gk jadi", "nggak jadi", "ngga jadi", "ngak jadi",
    "enggak jadi", "engga jadi", "ndak jadi", "nda jadi", "gajadi", "nggak jd", "gak jd", "tidak jd", "ga jd",
    # typed on a phone: "pak gk jd pak, udh dpt dr pusat", "tdk jd pak"
    "gk jd", "g jd", "g jadi", "gkjd", "gajd", "tdk jd", "tak jd", "ngga jd", "ngak jd", "enggak jd", "ndak jd",
    "nda jd", "gk jdi", "ga jdi", "gak jdi",
    # Javanese ("permohonan niki mboten sido") and Banjar ("permohonan ini kada jadi haja lah")
    "mboten sido", "mboten siyos", "ora sido", "ora sida", "ndak sido", "gak sido", "nggak sido", "kada jadi",
    "kada jd",
    # Javanese krama "sios" (= jadi): "permohonan kulo mboten sios, sampun cekap"
    "mboten sios", "boten sios", "ora sios",
)
# A follow-up in a request's thread that corrects with only the new figure, naming neither the old one nor its
# field (mailbot.followup.interpret): "eh salah ketik pak, maksudnya 1.500 keping saja", "tadi typo. Harusnya
# 2.500", "Yang betul 1.800 keping", "jumlahnya jadi 1.900 saja". Its one figure is the request's asked figure.
NEW_ASKED_FIGURE_ONLY: tuple[str, ...] = (
    "salah ketik", "salah tulis", "salah input", "typo", "maksudnya", "maksud kami", "yang kami maksud",
    "harusnya", "seharusnya", "semestinya", "mestinya", "yang betul", "yang benar", "yg betul", "yg benar",
    "jumlahnya jadi", "jumlahnya jd", "jumlahnya menjadi", "jumlahnya diganti", "jumlahnya diubah",
    "diganti", "diganti jadi", "diganti menjadi", "diralat", "ralat", "koreksi", "keliru",
    "yang bener", "yg bener", "yg bnr", "yang bnr", "yg btl",
)
# The same asked as a question ("could you make it 2,500 instead?", "bisa diubah jadi 1.500 pak?"): the change it
# asks, never a question for a person.
CHANGE_ASKED: tuple[str, ...] = (
    "could you make it", "can you make it", "could we make it", "can we make it", "please make it",
    "bisa dijadikan", "bisa diubah jadi", "bisa diubah menjadi", "bisa dinaikkan jadi", "bisa dinaikkan menjadi",
    "bisa ditambah jadi", "bisa ditambah menjadi", "bisa dikurangi jadi", "bisa dikurangi menjadi",
    # ... or said outright, on a phone ("pak mf, dirubah jd 1.800 aja ya") or in English ("please bump it up to 450")
    "dirubah jadi", "dirubah jd", "dirubah menjadi", "dirubah mjd", "diubah jd", "diubah jadi", "diubah menjadi",
    "bump it up to", "bump it to", "bump that up to", "raise it to", "lower it to", "reduce it to",
    # ... or asked of the request by name ("could you increase our request to 600 pcs?", "tlg diganti jd 1.100 ya")
    "increase our request to", "increase the request to", "increase our order to", "increase it to",
    "raise our request to", "raise the request to", "reduce our request to", "reduce the request to",
    "lower our request to", "change our request to", "change the request to", "update our request to",
    "tolong diganti jadi", "tolong diganti jd", "tolong diganti menjadi", "tlg diganti jadi", "tlg diganti jd",
    "tolong diubah jadi", "tolong diubah jd", "tlg diubah jadi", "tlg diubah jd", "mohon diganti jadi",
    "mohon diganti jd", "mohon diganti menjadi",
)
# A short reply in a request's thread that only thanks, agrees or waits for the blanks is recorded, never queued nor
# answered (mailbot.conversation._is_confirmation): the thanks ("terima kasih", Javanese "matur nuwun", Bugis and
# Banjar "tarima kasih", Sundanese "hatur nuhun", Manado "makase", Minang "tarimo kasih", Batak "mauliate" and
# Karo "bujur", Kupang and Ambon "makasi", "danke") ...
THANKS_WORDS: tuple[str, ...] = (
    "terima kasih", "terimakasih", "terima ksh", "makasih", "baik", "siap", "oke", "ok", "noted", "sudah kami terima",
    "sip", "mantap", "thanks", "thank", "thank you",
    "matur nuwun", "maturnuwun", "matur suwun", "suwun", "tarima kasih", "tarimakasih", "hatur nuhun", "nuhun",
    "makase", "makaseh", "makasi", "makasii", "trimakase", "trima kase", "tarima kase", "terima kase", "trima kasih",
    "trimakasih", "trima kasi", "tarima kasi", "terima kasi", "tarimo kasih", "tarimokasih", "tarimo kasi",
    "mauliate", "bujur", "danke",
)
# ... the agreement or the wait for the blanks ("kami tunggu", Javanese "ditenggo", Bugis "tunggu mi"; the "we" of
# the districts' Malay before "tunggu": Manado "torang tunggu jo", Kupang "botong tunggu", Papuan "kitong tunggu")
# ...
WAITING_WE: tuple[str, ...] = (
    "kami", "kita", "torang", "kitorang", "tong", "botong", "katong", "kitong", "awak", "kamek", "kame",
)
WAITING_PARTICLES: tuple[str, ...] = ("", " jo", " jua", " saja", " aja", " sa", " haja", " mi", " ji", " dulu")
AGREEMENT_WORDS: tuple[str, ...] = (
    "setuju", "sepakat", "ditunggu", "kami tunggu", "menunggu", "sudah kami terima", "diterima", "sangat membantu",
    "semoga", "received", "agreed", "understood", "acknowledged",
    "ditenggo", "ditengga", "dipun tenggo", "dipun tengga", "kulo tenggo", "kami tenggo", "sendiko dawuh",
    "tunggu mi", "ditunggu mi", "ditunggu ki",
    # Javanese "kami tengga", Banjar "kami hadangi" (we wait for it)
    "kami tengga", "tengga", "hadangi", "kami hadangi", "dihadangi",
    # "Noted with thanks. We'll wait for the delivery."
    "we'll wait", "we will wait", "will wait for", "we await", "we look forward", "looking forward to",
    "we'll be waiting", "we will be waiting",
    # a blessing with the thanks ("Tuhan berkati", "sehat selalu", "God bless")
    "tuhan berkati", "tuhan memberkati", "gbu", "god bless", "sehat selalu", "sukses selalu", "barakallah",
    "jazakallah", "horas",
) + tuple(f"{we} tunggu{particle}" for we in WAITING_WE for particle in WAITING_PARTICLES)
# A district's thanks that restates the desk's own decision ("Jadi 2.000 keping sudah disetujui ya", "atas 3.500
# keping yg sudah disetujui dan dikirim", Javanese "ingkang sampun disetujui menika sampun kami cathet"): the words
# of the decision (at least one) and the words around them (any), with the figure taken out; nothing else.
DECISION_RESTATED_WORDS: tuple[str, ...] = (
    "disetujui", "setujui", "dsetujui", "diacc", "di-acc", "dikirim", "dikirimkan", "dikirimin", "persetujuan",
    "persetujuannya", "dicatat", "catat", "cathet", "dicathet", "approved", "sent", "shipped",
    # the shipment named for what it is ("atas pengiriman 1.500 keping ta'", "kiriman 400 keping ditenggo")
    "pengiriman", "pengirimannya", "kiriman", "kirimannya", "kirimanna", "kirimannyo", "shipment",
)
DECISION_RESTATED_FILLER: tuple[str, ...] = (
    "jadi", "jd", "berarti", "brarti", "artinya", "di", "yang", "yg", "ingkang", "sudah", "sdh", "sdah", "udah",
    "dah", "telah", "sampun", "menika", "niku",
    # Bugis "-ta'" (your), Banjar "nang" (which) and "ai", Javanese "sanget" (very)
    "ta'", "ta", "nang", "ai", "sanget",
    "ya", "yah", "nggih", "ngih", "atas", "dan", "&", "serta", "kami", "sudah kami", "pak", "bu", "bapak", "ibu",
    "keping", "kpg", "keping-nya", "kepingnya", "lembar", "lbr", "pcs", "buah", "blangko", "blanko", "ktp-el", "kia",
    "the", "has", "have", "been", "and", "which", "that", "were", "was",
)
# A promise to write when the blanks arrive ("Nanti kami kabari lagi kalau barangnya sudah sampai", "Mangke menawi
# sampun dugi kami kabari", "will let you know when they arrive"): no receipt, no question, nothing to act on.
ARRIVAL_PROMISE_VERBS: tuple[str, ...] = (
    "kabari", "kabarkan", "kabarin", "informasikan", "infokan", "laporkan", "sampaikan", "konfirmasi",
    "konfirmasikan", "let you know", "inform you", "confirm",
)
PROMISED_ARRIVAL_WORDS: tuple[str, ...] = (
    "sampai", "sampe", "nyampe", "tiba", "datang", "diterima", "dugi", "masuk", "arrive", "arrives", "arrived",
    "received",
)
# ... and the yes and the courtesy around them ("Nggih pak", Bugis "Iye pak", Kupang and Manado "bapa").
COURTESY_WORDS: tuple[str, ...] = (
    "dengan hormat", "yth", "kepada", "bapak", "ibu", "pak", "bu", "kak", "mas", "mbak", "salam", "hormat kami",
    "dear", "hi", "hello", "regards", "best regards", "sir", "madam", "admin", "operator", "ya", "nggih", "njih",
    "inggih", "enggih", "nggeh", "iye", "iyo", "puang", "daeng", "bapa", "mama", "amang", "inang", "uda", "uni",
)
# The districts' "not", "not yet" and "but" (Manado "nda", "balom", "mar", Kupang "sonde", Minang "indak", "alun",
# Banjar "kada", Javanese "mboten", "durung", "dereng"): beside thanks, a short clause holding one says something a
# confirmation does not ("Makasi pak. Balom datang."), and is never taken for a name in a sign-off.
CONFIRMATION_DENIALS: tuple[str, ...] = (
    "nda", "ndak", "ndk", "sonde", "balom", "blom", "blum", "alun", "indak", "kada", "mboten", "boten", "ora",
    "durung", "dereng", "mar", "tapi", "tp",
)
# A correction written only in the subject of a reply in a request's thread ("Re: [BLK-2026-0003] Permohonan
# blangko KTP-el - koreksi jadi 1.200 keping", "RALAT jml jadi 900 kpg - Re: [BLK-...]"), the body empty or a
# signature: the part of the subject opened by one of these is the writer's text (mailbot.conversation).
SUBJECT_CORRECTION_OPENERS: tuple[str, ...] = (
    "koreksi", "ralat", "revisi", "perubahan", "yang benar", "yg benar", "seharusnya", "mohon diubah",
    "mohon diganti", "correction", "corrected", "revised",
)
# A body line that only sends the reader to that subject ("Sesuai subjek pak. Trims", "see subject"): it says
# nothing of its own (mailbot.conversation.subject_correction).
SUBJECT_POINTERS: tuple[str, ...] = (
    "sesuai subjek", "sesuai subject", "sesuai subyek", "sesuai perihal", "sesuai judul", "seperti subjek",
    "spt subjek", "lihat subjek", "lihat subject", "lihat perihal", "liat subjek", "cek subjek", "see subject",
    "as per subject", "as per the subject", "see the subject", "as in the subject",
)
# The other blank said to come later, on its own, in the answer choosing one of the two a mail asked for ("KTP-el
# saja dulu pak, KIA nanti kami email terpisah", "ktp-el aja dl pak, kia nyusul", Javanese "KIA mengke nyusul",
# Banjar "KIA kaina"): mailbot.conversation.item_chosen.
OTHER_BLANK_LATER: tuple[str, ...] = (
    "nanti", "terpisah", "tersendiri", "menyusul", "nyusul", "disusulkan", "susulan", "belakangan", "email baru",
    "lain kali", "lain waktu", "later", "separately", "next time", "another time", "in a separate", "on its own",
    "mengke", "mangke", "engko", "ngko", "mbenjang", "benjang", "piyambak", "kapan-kapan", "kaina", "isuk",
)
# The blank chosen, said with "only" or "first" after it ("Yang KTP-el saja pak", Javanese "KTP-el riyin mawon",
# "KTP-el wae", Banjar "KTP-el haja dulu", "KTP-el only") ...
CHOSEN_ONLY_AFTER: tuple[str, ...] = (
    "saja", "aja", "sj", "aj", "dulu", "dlu", "dl", "duluan", "dahulu", "only", "first", "for now",
    "riyin", "rumiyin", "mawon", "kemawon", "wae", "bae", "ae", "thok", "tok", "disik", "dhisik", "haja", "ja",
)
# ... or before it ("Just the KTP-el for now please", "only KTP-el", "cukup KTP-el").
CHOSEN_ONLY_BEFORE: tuple[str, ...] = (
    "just", "just the", "only", "only the", "hanya", "cuma", "cukup", "namung", "mung",
)
# Words beside the one figure of such a correction that make it an amount to send rather than a stock left
# (mailbot.followup.interpret): "maksudnya 1.500 keping saja", "jumlahnya 1.200", "harusnya 2.500 keping, karena
# ada perekaman massal" (a stock needs no reason). Without one, and with a stock recorded, the district is asked.
ASKED_FIGURE_HINTS: tuple[str, ...] = (
    "saja", "aja", "sja", "doang", "jumlahnya", "jumlah yang dimohon", "jumlah permohonan", "permohonannya",
    "permintaannya", "dimohon", "diminta", "kebutuhan", "kebutuhannya", "butuh", "dibutuhkan", "perlu",
    "diperlukan", "dikirim", "kirim", "karena", "krn", "karna",
    # a need said without "karena": "ternyata ada tambahan jadwal perekaman di lapas", "ada kegiatan jemput bola"
    "ternyata ada", "ada tambahan", "tambahan jadwal", "jadwal perekaman", "perekaman", "jemput bola",
    "ada kegiatan", "because", "due to", "as we need",
)
# A lower figure said to be enough (mailbot.followup.says_enough): "cukup 2.000 keping saja", "2.000 aja",
# "diturunkan jadi 2.000"; a lowering whatever reason follows it ("karena ada bantuan dari Kemendagri").
ENOUGH_BEFORE: tuple[str, ...] = (
    "cukup", "cukup hanya", "hanya", "cuma", "cuman", "turun jadi", "turun menjadi", "diturunkan jadi",
    "diturunkan menjadi", "dikurangi jadi", "dikurangi menjadi", "kurangi jadi", "only", "just",
)
ENOUGH_AFTER: tuple[str, ...] = ("saja", "aja", "aj", "sja", "sj", "doang", "cukup", "sudah cukup", "udah cukup",
                                 "sdh cukup", "is enough", "will do")
# Blanks that came damaged, said in a receipt ("20 keping di antaranya rusak", "tergores/bengkok"), and a receipt
# asking what to do ("Mohon arahan"): booked as counted, and a person reads the rest (mailbot.followup.damage_said).
DAMAGE_WORDS: tuple[str, ...] = (
    "rusak", "cacat", "tergores", "bengkok", "sobek", "robek", "patah", "basah", "terlipat", "tertekuk",
    "tidak bisa dipakai", "tidak dapat dipakai", "tidak bisa digunakan", "tidak dapat digunakan", "tdk bisa dipakai",
    "damaged", "defective", "broken", "unusable", "torn", "scratched", "bent",
    # a faded print, a cracked chip, damp from rain: "5 keping hologramnya pudar", "100 lembar lembab kena hujan"
    "pudar", "luntur", "retak", "lembab", "lembap", "faded", "cracked", "damp", "water-damaged",
)
# ... never when denied: "tidak ada yang rusak", "tanpa cacat", "none damaged".
DAMAGE_DENIED: tuple[str, ...] = (
    "tidak", "tdk", "tak", "gak", "ga", "nggak", "tanpa", "bebas", "no", "not", "none", "without", "zero",
    "tidak ada yang", "tdk ada yg", "tidak ada yg", "gak ada yang", "ga ada yg", "nothing",
    "ga ada yang", "gak ada yg", "nggak ada yang", "nggak ada yg", "tdk ada yang", "tak ada yang",
)
# ... nor when said of something else just before it ("belum kami ambil krn mobil dinas rusak", "printer kami rusak",
# "jalannya rusak parah"): the car, the printer or the road broke, not the blanks.
DAMAGED_OTHER_THINGS: tuple[str, ...] = (
    "mobil", "mobil dinas", "mobilnya", "kendaraan", "kendaraannya", "motor", "motornya", "truk", "truknya",
    "kapal", "kapalnya", "speedboat", "speedboatnya", "longboat", "pesawat", "pesawatnya", "jalan", "jalannya",
    "jembatan", "jembatannya", "printer", "printernya", "mesin", "mesinnya", "mesin cetak", "alat", "alatnya",
    "komputer", "komputernya", "laptop", "laptopnya", "server", "servernya", "jaringan", "jaringannya", "genset",
    "gensetnya", "listrik", "listriknya", "ac", "ac-nya", "hp", "hpnya", "pintu", "gudang", "gudangnya", "atap",
    "car", "the car", "vehicle", "truck", "boat", "road", "the road", "bridge", "printer", "machine", "computer",
)
GUIDANCE_ASKS: tuple[str, ...] = (
    "mohon arahan", "mohon arahannya", "mohon petunjuk", "mohon petunjuknya", "minta arahan", "minta petunjuk",
    "bagaimana tindak lanjutnya", "please advise", "kindly advise",
    # how the damaged blanks are replaced, and whether minutes are needed ("Gimana gantinya pak? Perlu BA kah?")
    "bagaimana gantinya", "gimana gantinya", "gmn gantinya", "bagaimana penggantiannya", "gimana penggantiannya",
    "bagaimana prosedur penggantiannya", "apakah bisa diganti", "bisa diganti", "perlu ba", "perlu berita acara",
    "apakah perlu ba", "apakah perlu berita acara", "how do we get replacements", "can they be replaced",
    # "kardusnya basah ... lembab semua. Gmn ini pak?": what to do now, asked
    "bagaimana ini", "gimana ini", "gmn ini", "gmana ini", "what should we do", "what do we do",
)
# A receipt in a shipment's thread saying the whole of it arrived, with no count ("Udh trima semua pak", "sudah kami
# terima lengkap", "all received"): the shipment's count is the count received (mailbot.followup.received_whole).
# The words of arriving, the words of the whole, and the small words that may stand between them.
WHOLE_ARRIVED_VERBS: tuple[str, ...] = (
    "terima", "trima", "trma", "diterima", "ditrima", "sampai", "sampe", "nyampe", "tiba", "datang", "dtg", "masuk",
    "received", "arrived", "came", "got",
    # Javanese and Sundanese "dugi", "dumugi", "teko", "katampi" ("sampun dugi, jangkep", "parantos dugi")
    "dugi", "dumugi", "teko", "tekan", "katampi", "tampi",
)
WHOLE_WORDS: tuple[str, ...] = (
    "semua", "semuanya", "seluruhnya", "smua", "smuanya", "lengkap", "komplit", "all", "in full", "everything",
    # Javanese "jangkep", "sedaya", "kabeh"; Sundanese "lengkep", "sadayana"
    "jangkep", "sedaya", "sedanten", "kabeh", "lengkep", "sadaya", "sadayana",
    # "sudah kami terima secara utuh", "received the whole shipment", "the shipment arrived complete"
    "utuh", "secara lengkap", "secara utuh", "seluruh kiriman", "semua kiriman", "kiriman lengkap", "complete",
    "in its entirety", "the whole shipment", "the entire shipment", "the full shipment", "the whole consignment",
    "the whole lot", "all of it", "all of them",
)
WHOLE_FILLERS: tuple[str, ...] = (
    "sudah", "sdh", "udh", "udah", "dah", "telah", "tlh", "kami", "pak", "bu", "ya", "dengan", "dgn", "dalam",
    "keadaan", "blangko", "blanko", "kirimannya", "nya", "we", "have", "them", "it", "today", "hari ini", "tadi",
    "td", "kemarin", "kmrn", "alhamdulillah",
    "sampun", "wis", "wes", "parantos", "tos", "nggih", "kiriman", "blangkone",
)
# ... never when part of it is said missing or still to come ("belum semua", "kurang 100", "sisanya menyusul").
WHOLE_DENIED: tuple[str, ...] = (
    "belum", "blm", "kurang", "selisih", "hilang", "sisanya", "menyusul", "missing", "short", "tidak semua",
    "dereng", "durung", "kirang", "teu acan", "nyusul",
    "tdk semua", "tak semua", "ga semua", "gak semua", "nggak semua", "tidak lengkap",
    "tdk lengkap", "ga lengkap", "gak lengkap", "nggak lengkap", "not all", "not everything", "not in full",
)
# How far a request has got, asked ("permohonan kami sudah sampai mana ya?", "sampai tahap apa"): "sampai" says
# no blanks arrived; the mail is a reminder (mailbot.reader.classify strips these before its receipt phrases).
PROGRESS_QUESTIONS: tuple[str, ...] = (
    "sampai mana", "sampai di mana", "sampai dimana", "sampai tahap apa", "sampai tahap mana",
    "sampe mana", "sampai sejauh mana", "sudah sejauh mana", "sejauh mana",
    # "Mohon info status permintaan kami nomor REQ-2028-0033": the state of a request asked after, no new ask.
    "status permintaan", "status permohonan", "status pengajuan", "status usulan", "status request",
    "status of our request", "status of the request", "status of my request",
)
# "How is it", asking after a request's progress ("bagaimana kelanjutannya", "gmn kabarnya"; mailbot.attention's
# reminders), in the districts' languages: Banjar "kaya apa kabarnya", Javanese "pripun kabaripun", "piye kabare".
REMINDER_HOW_WORDS: tuple[str, ...] = (
    "bagaimana", "gimana", "gmn", "gmana", "bgmn", "bgmna", "kaya apa", "kayapa", "kyapa", "kaya apa haja",
    "pripun", "kepripun", "piye", "kepiye", "kados pundi", "how is", "how's", "how about",
)
# The particles of Bugis-Makassar Malay standing after a word ("belum pi ada kabarnya", "bagaimana mi itu
# permohonan ta'?", "bagaimana ji usulan kami"): in a reminder they may stand after its "how" or "not yet"
# (mailbot.attention's reminders).
REMINDER_PARTICLES: tuple[str, ...] = ("pi", "mi", "ji", "ki", "mo", "pa", "ma")
# The managers' decision asked after ("kapan diputuskan?", Javanese-tinged "kapan ngasih keputusan?", "kapan kasih
# keputusan ya?", "keputusannya kapan?"): after "kapan", these words of it make the mail a reminder.
DECISION_ASKED_WORDS: tuple[str, ...] = (
    "keputusan", "keputusannya", "kputusan", "putusan", "putusannya", "diputus", "diputusin", "diacc", "di-acc",
    "di acc",
)
# Whether the request was acted on yet, asked ("permohonan kami yg kmrn itu udh diproses blm ya?", "sudah disetujui
# belum pak?", Javanese "sampun diproses dereng?", Kupang "su diproses ko balom?"; mailbot.attention's reminders):
# a word of "already", a few words, a verb of the request acted on, then "not yet" or a question mark.
ALREADY_WORDS: tuple[str, ...] = (
    "sudah", "sdh", "udah", "udh", "dah", "telah", "sudahkah", "udahkah", "su", "alah", "wis", "uwis", "sampun",
)
REQUEST_ACTED_VERBS: tuple[str, ...] = (
    "diproses", "diputuskan", "disetujui", "ditindaklanjuti", "ditindak lanjuti", "diacc", "di acc", "di-acc",
    "ada keputusan", "ada kabar", "ada jawaban", "ada balasan", "ada tanggapan", "dipun proses",
)
NOT_YET_WORDS: tuple[str, ...] = (
    "belum", "blm", "blom", "belom", "balum", "balom", "blum", "beloman", "durung", "dereng", "alun", "balun",
)
# Asking after a request sent before, in the words of office letters (mailbot.attention's reminders): "izin
# menanyakan surat permohonan blangko kami tgl 6 kemarin, apakah sudah ada disposisi?".
REMINDER_ASKS: tuple[str, ...] = (
    "sudah ada disposisi", "sdh ada disposisi", "udah ada disposisi", "sudah didisposisi", "sudah di disposisi",
    "sudah disposisi", "telah didisposisi", "menanyakan surat permohonan", "menanyakan permohonan",
    "menanyakan perihal permohonan", "menanyakan surat kami", "menanyakan usulan", "menanyakan pengajuan",
    "mempertanyakan permohonan",
    # how far the request got, in the districts' Malay ("usulan blangko kami hari itu sampai mana sudah?"), nothing
    # heard of it (Kupang "sonde ada kabar", "su dikirim ko balom?") and the English ("have not heard back",
    # "Kindly advise on its current status", "Status inquiry")
    "sampai mana", "sampe mana", "sampai di mana", "sampai dimana",
    "sonde ada kabar", "son ada kabar", "tra ada kabar", "trada kabar", "nda ada kabar", "ndak ada kabar",
    "tidak ada kabar", "tdk ada kabar", "tak ada kabar", "belum dengar kabar",
    "su dikirim ko balom", "su kirim ko balom", "su dikirim ko sonde", "dikirim ko balom",
    "not heard back", "haven't heard back", "have not heard back", "not heard from you", "no word from you",
    "advise on its current status", "advise on its status", "advise on the status", "advise on the current status",
    "current status of our request", "status inquiry", "status enquiry",
)
# A polite question after "our request" ("Izin menanyakan permohonan kami", "izin bertanya tentang usulan blangko
# KTP-el kami", "permohonan kami bagaimana ya pak?", "bagaimana dengan permohonan kami?"; mailbot.attention's
# reminders): a verb of asking, or a "how is it" (REMINDER_HOW_WORDS), next to the request called the district's own.
ASKING_VERBS: tuple[str, ...] = (
    "menanyakan", "menanya", "bertanya", "tanya", "tanyakan", "nanya", "nanyakan", "nanyain", "menanyakan kembali",
    "menanyakan lagi", "bertanya lagi", "ask about", "asking about", "enquire about", "inquire about",
)
ASKED_ABOUT_WORDS: tuple[str, ...] = ("tentang", "ttg", "mengenai", "perihal", "soal", "terkait", "atas", "dengan",
                                      "dgn", "nasib")
OUR_WORDS: tuple[str, ...] = ("kami", "kmi", "our")
# The rest of a reminder's words (mailbot.attention's reminders, mailbot.conversation's earlier asks). In these
# tables a space is one space, as the districts type it, and a stem is followed by any letters.
# Reminding in so many words, read as a reminder by both ("izin mengingatkan kembali", "just following up").
REMINDING_WORDS: tuple[str, ...] = (
    "mengingatkan", "diingatkan", "ingatkan", "follow up", "followup", "following up", "followingup",
    "any update", "any news", "still waiting", "no reply", "no response", "no answer", "no news",
)
REMINDING_STEMS: tuple[str, ...] = ("remind",)
# ... and these as well for mailbot.attention ("mohon ditindaklanjuti", "masih menunggu", "pengirimannya mohon
# dipercepat").
REMINDER_WORDS: tuple[str, ...] = (
    "ditindaklanjuti", "tindak lanjut", "tindaklanjut", "menanyakan kembali", "sudah sampai mana",
    "sudah sampai tahap apa", "masih menunggu", "any progress", "still pending", "no decision",
    "status of our request", "dipercepat",
)
# ... and these for mailbot.conversation, a request sent before ("permohonan kami minggu lalu", "tempo hari").
EARLIER_ASK_WORDS: tuple[str, ...] = (
    "menanyakan", "minggu lalu", "pekan lalu", "bulan lalu", "kemarin", "sebelumnya", "yang lalu", "yg lalu",
    "tempo hari",
)
# The request's progress, asked after ("menanyakan kelanjutan", "info perkembangan", "bagaimana kabarnya"),
# after one of the asking words.
PROGRESS_WORDS: tuple[str, ...] = (
    "kelanjutan", "lanjutan", "tindak lanjut", "tindaklanjut", "perkembangan", "progres", "progress", "status",
    "kabar", "nasib", "proses",
)
PROGRESS_ASKED_BEFORE: tuple[str, ...] = ("info", "informasi", "kabar", "update")
# What a "how is it" may ask after with a particle between ("bagaimana mi itu permohonan blangko ta'?").
REMINDED_NOUNS: tuple[str, ...] = ("permohonan", "usulan", "pengajuan", "permintaan")
# ... in English ("partial fulfilment of our request for 2,500").
REQUEST_NOUNS_ENGLISH: tuple[str, ...] = ("request", "order")
# Where the approved blanks are, asked ("posisinya sekarang di mana ya?").
WHERE_WORDS: tuple[str, ...] = ("di mana", "dimana", "sampai mana", "sampe mana")
# No answer yet, after "belum" ("belum ada kabar", "belum juga ada tanggapan").
NO_ANSWER_WORDS: tuple[str, ...] = ("balasan", "kabar", "tanggapan", "jawaban", "keputusan", "kepastian")
NO_ANSWER_STEMS: tuple[str, ...] = ("respon",)
# ... and in mailbot.attention, nothing done yet ("belum diproses", "blm dibalas").
NOT_YET_DONE_WORDS: tuple[str, ...] = (
    "informasi", "terima", "diproses", "diputuskan", "dikirim", "ditanggapi", "dibalas",
)
# When it will be done, asked ("kapan diproses?", typed on a phone "kpn dikrm y?").
REMINDER_WHEN_WORDS: tuple[str, ...] = ("kapan", "kpn")
WHEN_DONE_WORDS: tuple[str, ...] = (
    "diproses", "diputuskan", "dikirim", "dikrm", "dikirm", "disetujui", "ditindaklanjuti", "selesai", "keluar",
)
WHEN_ARRIVES_WORDS: tuple[str, ...] = ("sampai", "tiba", "datang")
# How long it has waited ("sudah seminggu", "sdh 3 hari", "udh 2 mgg").
WAITED_SINCE_WORDS: tuple[str, ...] = ("sudah", "sdh", "udah", "udh")
WAITED_SPANS: tuple[str, ...] = ("seminggu", "sepekan")
WAITED_UNITS: tuple[str, ...] = ("hari", "minggu", "pekan", "mgg")
# An urge to send ("mohon segera dikirim", "pengirimannya mohon dipercepat", "please send asap"): what the
# province sends, said of the blanks (never the district's own "segera kami kirimkan laporannya").
SOON_WORDS: tuple[str, ...] = ("segera", "secepatnya", "secepat mungkin", "sesegera mungkin", "asap",
                                # Javanese: "menawi saged enggal dipun kintun" (if it could be sent soon)
                                "enggal", "enggal-enggal", "gage")
SENT_STEMS: tuple[str, ...] = ("dikirim", "terkirim", "kiriman", "pengiriman", "kintun", "dikintun", "kintunan")
URGED_WORDS: tuple[str, ...] = ("mohon", "harap", "agar", "supaya", "bisa", "dapat")
PLEASE_WORDS: tuple[str, ...] = ("mohon", "tolong", "harap")
HASTEN_STEMS: tuple[str, ...] = ("percepat",)
SHIPMENT_STEMS: tuple[str, ...] = ("pengiriman", "kiriman")
SEND_SOON_STEMS: tuple[str, ...] = ("send", "ship")
SEND_SOON_WORDS: tuple[str, ...] = ("soon", "asap", "urgently", "quickly")
# Right before a figure, these give the content of one bundle or box ("ada satu ikat isi 100 yang terselip", "4 dus @
# 250 keping"): no figure of the request, its stock or its count (mailbot.followup.interpret).
BUNDLE_CONTENT_BEFORE: tuple[str, ...] = (
    "isi", "berisi", "isinya", "@", "per ikat", "per dus", "per box", "per bundel", "per pak", "tiap ikat",
    "tiap dus", "setiap ikat", "setiap dus",
)

# --- Year-end stock-taking: stock cards, warehouses, counts checked ---------------------------------------

# A stock said warehouse by warehouse: besides "gudang", the district's own offices and service points hold blanks
# ("Gudang Dinas 1.540 keping, UPT Sebatik 402 keping", "Gerai Mal Pelayanan Publik: KTP-el 215").
PLACE_NOUNS += ("upt", "gerai")
# Between a stock word and the first place of its list: "Stok kami saat ini di Gudang Dinas 890 keping dan di
# Gudang UPT Sebatik 310 keping", "Stok kami per 29 Desember: Gudang Dinas 1.540 keping, ...".
STOCK_BEFORE_PLACES_FILLERS: tuple[str, ...] = (
    "kami", "kita", "blangko", "blanko", "ktp-el", "ktp el", "ktpel", "ktp", "saat ini", "sekarang", "skrg",
    "per", "posisi", "hari ini", "our", "now", "as of",
)
# A discrepancy word denied: "Fisik dan SIAK sama, tidak ada selisih" sets no second count against the stock.
NO_DISCREPANCY_PHRASES: tuple[str, ...] = (
    "tidak ada selisih", "tdk ada selisih", "tanpa selisih", "nihil selisih", "selisih nihil", "selisih 0",
    "selisih nol", "no discrepancy", "no difference", "tidak ada perbedaan", "tidak terdapat selisih",
)
# The part of a shipment fit for use after its damaged cards are set aside ("800 keping sudah kami terima ... 6
# keping cacat, jadi yg bisa dipakai 794"): the sound part of what arrived, not the stock.
USABLE_PART_WORDS: tuple[str, ...] = (
    "bisa dipakai", "dapat dipakai", "bisa digunakan", "dapat digunakan", "bisa dipergunakan",
    "dapat dipergunakan", "layak pakai", "layak dipakai", "usable",
)
# Opening a sentence that says a shipment came, in a mail that asks for blanks, these make it thanks for an
# earlier shipment ("Terima kasih kiriman 450 keping sudah sampai. Namun pengungsi bertambah ... Permintaan kami
# berikutnya 650 keping"): that shipment was booked when it came; the mail asks anew.
THANKED_RECEIPT_OPENERS: tuple[str, ...] = (
    "terima kasih", "terimakasih", "trima kasih", "trimakasih", "terima ksh", "makasih", "matur nuwun",
    "thanks", "thank you", "many thanks",
)
# Blanks moved between the district's own stores are no shipment received: "Krayan terima 300 dari gudang dinas,
# bukan dari provinsi" (a stock card's "masuk" column then counts a transfer).
INTERNAL_TRANSFER_PHRASES: tuple[str, ...] = (
    "bukan dari provinsi", "bkn dari provinsi", "bukan kiriman provinsi", "bukan dari prov", "dari gudang dinas",
    "dari gudang kabupaten", "dari gudang kab", "dari gudang kota", "mutasi antar gudang", "mutasi internal",
    "pindahan dari gudang", "not from the province", "from our own warehouse", "from the district warehouse",
)
# What an inspector received of the district is its explanation, no blanks: "Inspektorat telah menerima penjelasan
# tersebut".
MESSAGE_NOUNS += ("penjelasan", "penjelasannya", "penjelasan kami", "klarifikasi", "klarifikasinya", "tanggapan",
                  "tanggapannya", "jawaban", "jawabannya")
# A letter or its copy received ("Sekadar informasi, kami terima juga tembusan surat ini"): no blanks.
MESSAGE_NOUNS += ("tembusan", "tembusannya", "surat", "suratnya", "surat edaran", "edaran", "a copy", "the copy",
                  "the letter")
# Between a receipt phrase and the message it received: "kami terima juga tembusan surat ini".
MESSAGE_RECEIVED_FILLERS: tuple[str, ...] = ("juga", "pula", "also")
# Right after a report's name (its owner between), these speak of the reports' habit of lateness, apologised for
# in a greeting ("Mohon maaf ... kalau laporan harian kami sering terlambat bah"): no report made.
REPORT_HABIT_AFTER_WORDS: tuple[str, ...] = (
    "sering terlambat", "sering telat", "sering lambat", "selalu terlambat", "suka telat", "suka terlambat",
    "kadang terlambat", "often late", "always late",
)
# Said of the stock in a reply pointing at the report quoted below ("Angka stok sudah kami sampaikan di laporan
# mingguan Jumat lalu (lihat email di bawah), belum ada perubahan"): the stock is reported again, with no new figure.
STOCK_UNCHANGED_PHRASES: tuple[str, ...] = (
    "belum ada perubahan", "tidak ada perubahan", "tdk ada perubahan", "blm ada perubahan", "belum berubah",
    "tidak berubah", "tdk berubah", "masih sama", "tetap sama", "unchanged", "no change", "has not changed",
    "hasn't changed",
)
# An ask for as many blanks as the students counted ("please send blangko sejumlah siswa tersebut (1 siswa = 1
# blangko)"): the one count of students the mail gives is the figure asked.
AS_MANY_AS_STUDENTS_PHRASES: tuple[str, ...] = (
    "sejumlah siswa", "sesuai jumlah siswa", "sebanyak jumlah siswa", "sejumlah murid", "sesuai jumlah murid",
    "sebanyak jumlah murid", "sejumlah pelajar", "sesuai jumlah pelajar", "as many as the students",
    "one for each student", "1 siswa = 1 blangko", "1 siswa 1 blangko", "satu siswa satu blangko",
)
STUDENT_NOUNS: tuple[str, ...] = ("siswa", "murid", "pelajar", "students", "pupils")
# An inspection of the stocks announced by its inspectors ("tim Inspektorat akan melakukan uji petik persediaan
# blangko ... Mohon disiapkan kartu stok, berita acara serah terima"): it reports and receives nothing.
INSPECTION_NOTICE_PHRASES: tuple[str, ...] = (
    "akan melakukan uji petik", "akan melaksanakan uji petik", "akan melakukan pemeriksaan",
    "akan melaksanakan pemeriksaan", "akan melakukan stock opname", "akan melaksanakan stock opname",
    "akan melakukan audit", "akan melaksanakan audit", "will conduct an inspection", "will conduct an audit",
    "will carry out an inspection", "will inspect",
)
# An ask in English put as a question of getting: "Could we get 2rb keping KIA asap?".
_GET_ASKS = ("could we get", "can we get", "could we please get", "can we please get", "could we have",
             "can we have", "may we get", "may we have")
ROLE_PHRASES["requested"] += _GET_ASKS
REQUEST_KIND_MORE += _GET_ASKS
# A request lowered in English by cutting it: "Pak Yohanes says cut it to 1k pcs dulu (1.000)".
_CUT_ASKS = ("cut it to", "cut it down to", "cut that to", "cut our request to", "cut the request to", "trim it to")
ROLE_PHRASES["requested"] += _CUT_ASKS
CHANGE_ASKED += _CUT_ASKS
REVISION_CUES += _CUT_ASKS
# A stock to get back to is a need ("Mohon tambahan 1.400 keping agar stok kembali 2.000"), not the stock now.
TARGET_STOCK_WORDS += ("stok kembali", "stock kembali", "stock back to", "stock back up to")
# The rest of a shipment to be sent in a later stage ("sisanya (1.000 keping) akan dikirim tahap II setelah libur
# Natal") is still to come: no stock.
IN_TRANSIT_PHRASES += (
    "akan dikirim tahap", "akan dikirimkan tahap", "dikirim tahap ii", "dikirim pada tahap", "akan dikirim setelah",
    "akan dikirimkan setelah", "akan dikirim kemudian", "akan dikirim berikutnya",
)
# The rest of a shipment placed by its courier's word ("sisanya 1.500 keping menurut ekspedisi masih di Tanjung
# Selor"): the courier holds it, no stock.
IN_TRANSIT_PHRASES += (
    "menurut ekspedisi", "kata ekspedisi", "menurut pihak ekspedisi", "menurut kurir", "kata kurir",
    "menurut jasa pengiriman", "according to the courier", "per the courier",
)


# --- A follow-up changing the asked figure by an amount (mailbot.followup) -----------------------------------

# The stops of a mail dictated to a phone, typed out as words ("perekaman delapan puluh titik pencetakan tujuh puluh
# enam titik sisa ... titik"): in a text with no stop of its own that says one of these at least
# DICTATED_STOPS_LEAST times, each is the stop it was meant as (mailbot.reader.numbers.normalise).
DICTATED_STOP_WORDS: tuple[str, ...] = ("titik",)
DICTATED_STOPS_LEAST = 2

# Right before a figure, these make it an amount to add to the request, not its new total ("mohon ditambah 500
# keping lagi", "tambah 200 keping", "add 500 more"); a word of RELATIVE_FILLER may stand between ("ditambah lagi
# 500", "ditambah sebanyak 500"). "ditambah menjadi 1.500" names the total: the figure is not right after.
RELATIVE_RAISE_BEFORE: tuple[str, ...] = (
    "ditambah", "ditambahkan", "tambah", "tambahkan", "menambah", "add", "increase by", "increased by",
    "raise by", "raised by", "increase it by",
)
# ... an amount to take off it ("dikurangi 300 keping saja", "kurangi 200", "reduce by 300").
RELATIVE_CUT_BEFORE: tuple[str, ...] = (
    "dikurangi", "dikurangkan", "kurangi", "kurangkan", "mengurangi", "reduce by", "reduced by", "reduce it by",
    "cut by", "lower by", "lowered by", "decrease by", "decreased by",
)
RELATIVE_FILLER: tuple[str, ...] = ("lagi", "sebanyak", "sejumlah", "sekitar", "kira-kira")
# Right after a figure and its unit, these make it an amount on top of the request ("500 keping lagi", "500 more");
# never after a shortfall ("kurang 500 lagi") or a stock ("tinggal 300 lagi"), which name no amount asked.
RELATIVE_MORE_AFTER: tuple[str, ...] = ("lagi", "more")
RELATIVE_MORE_NOT_BEFORE: tuple[str, ...] = ("kurang", "tinggal", "sisa", "tersisa", "short", "only")

# --- A follow-up saying the blank asked is the other one (mailbot.followup.item_changed) ----------------------

# Right before a blank's name, these deny it ("sebenarnya blangko KIA, bukan KTP-el", "not KTP-el"): with the other
# blank named, the district says its request is for the other blank.
ITEM_DENIED_BEFORE: tuple[str, ...] = ("bukan", "bkn", "tidak", "tdk", "not", "instead of", "rather than")
# ... or these name the blank meant ("yang kami perlukan sebenarnya blangko KIA", "melainkan KIA").
ITEM_MEANT_BEFORE: tuple[str, ...] = (
    "sebenarnya", "seharusnya", "harusnya", "melainkan", "yang benar", "yg benar", "maksud kami", "maksudnya",
    "yang kami perlukan", "yang kami butuhkan", "should be", "actually", "we meant",
)

# --- A follow-up changing the asked figure "to" a figure with "ke" (mailbot.followup) -------------------------

# Before "ke N", these make N the new figure ("mohon jumlahnya diubah ke 900 keping"), where "ke 900" alone reads
# as an ordinal ("ke-2") and is no figure: the follow-up reads "diubah menjadi 900".
CHANGE_TO_KE_VERBS: tuple[str, ...] = (
    "diubah", "dirubah", "diganti", "direvisi", "dikoreksi", "diralat", "dinaikkan", "dinaikan", "diturunkan",
    "ubah", "rubah", "ganti", "revisi",
)

# Words saying what a screen shows ("Di layar SIAK tertulis sisa 842"): right before a count's name, after one of
# SCREEN_WORDS in the sentence, they read the screen out, and the count's name gives the figure its role (without
# a screen, "kemarin tertulis sisa 1.380" names a slip being corrected, and stays one).
# (Only the words that otherwise name a slip need this: "tertera", "tercantum" are no role words at all.)
SCREEN_SAYS_WORDS: tuple[str, ...] = ("tertulis",)
SCREEN_WORDS: tuple[str, ...] = (
    "layar", "siak", "aplikasi", "sistem", "dashboard", "dasbor", "monitoring", "screen", "tampilan",
)

# A serial-number column of a handover (BAST) sheet ("Nomor Seri Awal | Nomor Seri Akhir"): card numbers, no
# count ("akhir" there is the last card's number, not the closing stock).
COLUMN_WORDS["ignore"] += ("nomor seri", "no seri", "no. seri", "no.seri", "seri", "serial", "serial number",
                           "serial no", "serial no.", "nomor kartu", "no kartu")

# A subject's words marking the same mail sent again (mailbot.conversation.resent_request): "Usulan blangko KTP-el
# (kirim ulang)", "Kirim ulang - Permohonan blangko", "Request for KTP-el blanks [resend]".
RESEND_SUBJECT_MARKS: tuple[str, ...] = (
    "kirim ulang", "dikirim ulang", "kirim kembali", "dikirim kembali", "krm ulang", "kirim lagi",
    "resend", "resent", "re-send", "re-sent", "resending", "sent again",
)

# Words saying a new mail answers a mail of ours (mailbot.conversation.answered_late): "menjawab email bapak hari
# Senin kemarin", "Jawaban permohonan", "membalas pertanyaan bapak", Javanese "badhe nanggapi email panjenengan",
# "mangsuli email bapak", "bales email", and English "in reply to your email".
ANSWERING_WORDS: tuple[str, ...] = (
    "menjawab", "membalas", "menanggapi", "jawaban", "balasan", "nanggapi", "mangsuli", "bales", "mbales",
    # Sundanese "ieu waleran kanggo email bapak", "ngawaler email ibu"; Javanese ngoko "iki jawabane email sampeyan".
    "waleran", "ngawaler", "ngawalon", "walonan", "jawabane", "wangsulan",
    "in reply to", "in response to", "in answer to", "answering your", "replying to your", "responding to your",
    "as you asked", "as requested", "as per your request", "you asked for", "you were asking",
    # phone shorthand: "ini jwbn utk email bpk kmrn"
    "jwbn", "jwban", "jawabn", "jwbnya", "blsn", "balesan",
    # what was asked, named in English: "the figure you wanted", "the number you asked about"
    "you asked", "you wanted", "you requested", "you needed", "you were asking about", "asked us for",
    # "sorry for the late reply to your question last week", "to your query"
    "late reply", "late response", "delayed reply", "to your question", "to your query",
)
# ... or the mail of ours named after words of following it up ("sehubungan dengan pertanyaan", "terkait email";
# in English of the desk's own mail only, "Following up on your email from Thursday asking for the figure", where
# "following up on our request" chases the district's own) ...
ABOUT_OURS_OPENERS: tuple[str, ...] = ("menindaklanjuti", "sehubungan dengan", "terkait", "sesuai")
OURS_NOUNS: tuple[str, ...] = ("e-mail", "email", "surel", "pertanyaan", "permintaan")
ABOUT_YOURS_OPENERS: tuple[str, ...] = (
    "following up on", "following up", "follow up on", "follow-up on", "further to", "regarding", "re",
    "with reference to", "with regard to", "as per", "per", "about", "concerning",
)
YOUR_MAIL_NOUNS: tuple[str, ...] = (
    "email", "e-mail", "mail", "message", "question", "query", "request", "note", "reply",
)
# ... or what was asked, named as the addressee's question ("yang bapak tanyakan").
ASKERS: tuple[str, ...] = ("bapak", "ibu", "bpk", "bu", "pak")
ANSWERS_OURS_PHRASES: tuple[str, ...] = (
    ANSWERING_WORDS
    + tuple(f"{opener} {noun}" for opener in ABOUT_OURS_OPENERS for noun in OURS_NOUNS)
    + tuple(f"{opener} your {noun}" for opener in ABOUT_YOURS_OPENERS for noun in YOUR_MAIL_NOUNS)
    + tuple(f"{that} {asker} tanyakan" for that in ("yang", "yg") for asker in ASKERS)
    # ... or the addressee's mail named ("utk email bpk kmrn", "buat email ibu kemarin")
    + tuple(f"{noun} {asker}" for noun in ("email", "e-mail", "surel", "imel") for asker in ASKERS)
)

# Stems of asking and needing, in whatever word they stand ("dibutuhkeun", "butuhe", "nyuwun ditambah", "njaluk",
# "kudu ditambah", "we need"), in Indonesian and the regional languages: a new mail holding one, outside its courtesies
# (NOT_ROLE_PHRASES: "nyuwun sewu", "mohon maaf", "matur suwun"), while the district's request waits for its figure
# may be the answer in words the reader does not know; it is never booked as a daily report
# (mailbot.conversation.need_while_asked), a person reads it.
NEED_OR_ASK_STEMS: tuple[str, ...] = (
    "mohon", "mhn", "minta", "mnta", "mintak", "butuh", "btuh", "perlu", "prlu", "usul", "ajukan", "pengajuan",
    "tambah", "tmbh", "kebutuhan",
    # Javanese and Sundanese
    "nyuwun", "disuwun", "dipun suwun", "kami suwun", "kula suwun", "nedhi", "jaluk", "betah", "kudu", "peryogi",
    "pundut", "penta", "nyuhun", "hoyong",
    # Banjar "handak" (want)
    "handak",
    # English
    "request", "need", "require", "please send", "send us",
)

# --- An amount said to be enough, as the ask of a district's fresh mail ---
# "Kami tidak sebanyak itu, cukup 800 keping saja": with no other role word for it, the figure between these and
# a word of "only" after it is the amount asked (not after a stock word in its clause: "stok kami cukup ...").
ENOUGH_ASK_BEFORE: tuple[str, ...] = ("cukup", "cukup hanya", "cukup sebanyak", "cukup sejumlah")
ENOUGH_ASK_AFTER: tuple[str, ...] = ("saja", "aja", "aj", "sja", "sj", "doang")

# --- A figure taken back in the same breath ---
# Between two figures, these take back the first, and the second replaces it in its role and blank
# (mailbot.reader.roles: _taken_back): "2.000 keping, eh bukan, 3.000 keping", "sisa 300, sori typo, 250",
# "2,000 blanks, sorry, I mean 3,000". "bukan" alone is no take-back: "2.000 keping, bukan 3.000" asks 2.000.
TAKE_BACK_WORDS: tuple[str, ...] = (
    "eh bukan", "eh bkn", "eh", "ehh", "eits", "eh maaf", "eh sori", "eh sorry",
    "ralat", "koreksi", "revisi", "maksudnya", "maksud saya", "maksud sy", "maksud kami", "maksudku", "mksdnya",
    "i mean", "i meant", "correction", "sorry",
    # Javanese "dudu" (not)
    "eh dudu",
)
# These name the slip itself, and take back the figure before them only when a comma, a colon or a word of
# TAKE_BACK_LEADS parts them from the next ("2.000, sori typo, 3.000"): right before a figure they name that one
# as the slip ("kemarin salah ketik 800"). Malay "silap" (mistaken).
TAKE_BACK_SLIPS: tuple[str, ...] = (
    "eh salah", "eh keliru", "salah", "keliru", "typo", "salah ketik", "salah tulis", "salah input", "salah sebut",
    "eh silap", "silap", "tersilap",
)
# Before a take-back word, these are only courtesy: "maaf salah tulis", "sori typo", "mohon maaf, ralat".
TAKE_BACK_COURTESIES: tuple[str, ...] = (
    "maaf", "mohon maaf", "maap", "sori", "sorry", "sory", "pak", "bu", "ya", "oh", "aduh", "waduh", "eh",
)
# After a take-back word, before the figure meant: "sori typo, maksudnya 3.000", "ralat, yang benar 250".
TAKE_BACK_LEADS: tuple[str, ...] = (
    "maksudnya", "maksud saya", "maksud kami", "yang benar", "yg benar", "yang betul", "yg betul", "seharusnya",
    "harusnya", "mestinya", "jadi", "jd", "menjadi", "mjd", "sebanyak", "sejumlah", "i mean", "should be",
    "pak", "bu", "ya",
    # A recount that gives the right figure: "2.808 -> sorry, after checking gudang: 2.724 keping".
    "after checking", "after checking gudang", "after checking the warehouse", "after recount", "after recounting",
    "setelah dicek", "setelah dicek ulang", "setelah cek gudang", "setelah dicek di gudang", "setelah dihitung ulang",
    "stlh dicek", "stlh cek gudang",
)
# Right after a figure (and its unit), in brackets, these mark it as the corrected one: "3.000 keping (koreksi)".
CORRECTED_MARKS: tuple[str, ...] = (
    "koreksi", "ralat", "revisi", "yang benar", "yg benar", "sudah dikoreksi", "setelah koreksi", "dikoreksi",
    "corrected", "correction", "revised",
)
# "tadinya 2.000 keping tapi sekarang 3.000": the figure said to be the earlier one is taken back.
ROLE_PHRASES["ignore"] += ("tadinya", "tadi nya")
# Among a figure's own words, before it, these make it a first thought (even after a word of asking: "Tadinya
# kami mau minta 1.500 keping saja, tapi karena ... kami mohon ... 2.500 keping"); a figure after a word of
# CONTRAST_WORDS later in its sentence is the one meant, and the first thought is taken back (mailbot.reader.roles).
FIRST_THOUGHT_WORDS: tuple[str, ...] = (
    "tadinya", "tadi nya", "awalnya", "mulanya", "semula", "rencananya", "rencana awal", "niatnya", "initially",
    "at first", "originally",
)

# --- An amount said to be enough or the least needed, after the writer's stock ---
# After the writer states the stock, a figure with no role word of its own that is said to be the least they need
# (these right before it) or enough (ENOUGH_AFTER_FIGURE right after it and its unit) is the amount asked:
# "stok tinggal 200. Minimal 600 keping", "Stok 200. 600 keping saja cukup" (mailbot.reader.roles).
LEAST_ASK_BEFORE: tuple[str, ...] = (
    "minimal", "minimum", "paling tidak", "paling sedikit", "setidaknya", "setidak-tidaknya", "sekurang-kurangnya",
    "sekurangnya", "at least",
)
ENOUGH_AFTER_FIGURE: tuple[str, ...] = (
    "cukup", "saja cukup", "aja cukup", "saja sudah cukup", "sudah cukup", "udah cukup", "sdh cukup", "is enough",
    "will do",
)
# ... or a sentence of nothing but the figure and "only": "Stok tinggal 200. Sekitar 600 keping saja pak."
ONLY_AFTER_FIGURE: tuple[str, ...] = ("saja", "aja", "sja", "doang", "only")

# --- Words run together by voice typing ("selamatsiang pak mohontambahan blangko ktpel seribu limaratus keping") ---
# The word of asking glued to the word after it: an ask as the two words apart are.
GLUED_ASK_OPENERS: tuple[str, ...] = ("mohon", "minta", "tolong")
GLUED_ASK_TAILS: tuple[str, ...] = ("tambahan", "dikirim", "dikirimkan", "kirim", "kirimkan", "blangko")
ROLE_PHRASES["requested"] += tuple(f"{a}{b}" for a in GLUED_ASK_OPENERS for b in GLUED_ASK_TAILS)
# "tolong 1rb keping ktp-el ya pak": "please" right before a figure (its colon at most between) asks for that many;
# anywhere else it is only a courtesy ("tolong dicek", "tolong dipantau ...").
ASK_BEFORE_FIGURE_WORDS: tuple[str, ...] = ("tolong", "tlg", "tolong dong", "tolong ya")
ROLE_PHRASES["requested"] += ASK_BEFORE_FIGURE_WORDS

# --- Blanks not yet in hand, and an ask kept (mailbot.followup.blanks_not_arrived, keeps_ask) ---
# The blanks named right before a denied arrival: "barangnya belum sampai", "blangko blm kami terima".
NOT_ARRIVED_THINGS: tuple[str, ...] = (
    "barang", "barangnya", "brg", "brgnya", "blangko", "blangkonya", "blanko", "blankonya", "kiriman", "kirimannya",
    "kiriman blangko", "paket", "paketnya",
)
# Particles that may stand between the blanks and the denial: "barangnya sih masih belum sampai".
NOT_ARRIVED_PARTICLES: tuple[str, ...] = (
    "ya", "sih", "kok", "masih", "memang", "emang", "juga", "pak", "bu", "sebenarnya", "sebenernya", "sbnrnya",
)
# "Not yet" before an arrival or a taking in hand denied, in its four common spellings (fewer than NOT_YET_WORDS, the
# reminders' table): "belum sampai", "blm tiba", "belom datang", "blom kami ambil".
NOT_YET_ARRIVED_WORDS: tuple[str, ...] = ("belum", "blm", "belom", "blom")
# The arrival denied: "belum sampai", "belum juga kami terima", "blm masuk".
NOT_ARRIVED_VERBS: tuple[str, ...] = (
    "sampai", "sampe", "nyampe", "tiba", "datang", "dtg", "masuk", "terima", "diterima",
)
# In English, the blanks that "have not arrived yet": "the cards haven't arrived".
NOT_ARRIVED_ENGLISH_THINGS: tuple[str, ...] = ("blanks", "cards", "shipment", "parcel", "package", "goods")
NOT_ARRIVED_ENGLISH_VERBS: tuple[str, ...] = ("arrived", "come")
# Still with the carrier: "masih di ekspedisi", "msh tertahan di pelabuhan", "masih sama kurirnya".
STILL_WORDS: tuple[str, ...] = ("masih", "msh", "masi")
STILL_HELD_WORDS: tuple[str, ...] = ("ada", "tertahan", "tersimpan", "nyangkut")
STILL_AT_WORDS: tuple[str, ...] = ("di", "dalam", "dlm", "pada", "dengan", "dgn", "sama")
# The part of a place before its name: "masih di gudang ekspedisi", "masih di kantor pos".
STILL_AT_PLACE_PARTS: tuple[str, ...] = ("gudang", "kantor", "agen", "pihak", "loket")
# The carriers and places on the way: "masih di JNE", "masih di kapal", "masih dalam perjalanan".
ON_THE_WAY_PLACES: tuple[str, ...] = (
    "ekspedisi", "ekspedisinya", "pelabuhan", "jne", "j&t", "jnt", "tiki", "pos", "kurir", "kurirnya", "bandara",
    "bandar udara", "cargo", "kargo", "perjalanan", "kapal", "sicepat", "pelni", "jasa pengiriman", "travel",
    "pengiriman",
)
# The blanks not yet taken in hand: "belum kami ambil", "blm dijemput", "belum terima secara fisik".
NOT_IN_HAND_VERBS: tuple[str, ...] = (
    "pegang", "ambil", "dipegang", "diambil", "jemput", "dijemput", "terima secara fisik",
)
# ... with a word of being able between: "belum bisa kami ambil", "blm dapat diambil", "belum sempat dijemput" (the
# blanks arrived at the port or the post office, not yet in the district's hands).
NOT_IN_HAND_MODALS: tuple[str, ...] = ("bisa", "bs", "dapat", "dpt", "sempat", "sempet", "sanggup")
# A pick-up still ahead, after the carrier or the place that holds the blanks: "sdh di gudang JNE, besok baru kami
# jemput", "nanti baru diambil", "lusa kami ambil"; never "baru kami ambil tadi pagi", where "baru" is "just".
PICK_UP_AHEAD_WORDS: tuple[str, ...] = ("besok", "bsk", "besok pagi", "nanti", "ntar", "nanti sore", "lusa")
PICK_UP_AHEAD_BETWEEN: tuple[str, ...] = ("baru", "br", "akan", "mau", "kami", "kita", "sy", "saya")
# Blanks on a ship berthed but not unloaded: "kapal sudah sandar tapi belum bongkar", "sudah sandar di pelabuhan,
# blm dibongkar": a word of the ship or its berth, then, in the same sentence, the unloading not yet done (never
# "kardusnya belum dibongkar" of blanks in hand: no ship, no berth).
BERTH_WORDS: tuple[str, ...] = (
    "sandar", "bersandar", "berlabuh", "kapal", "kapalnya", "pelabuhan", "dermaga", "pelni",
)
UNLOAD_WORDS: tuple[str, ...] = ("bongkar", "dibongkar", "bongkar muat", "diturunkan", "turun dari kapal")
# In English: "still at the port", "still with the courier".
STILL_AT_ENGLISH: tuple[str, ...] = ("at", "with", "in")
ON_THE_WAY_ENGLISH_PLACES: tuple[str, ...] = (
    "courier", "port", "harbour", "harbor", "airport", "carrier", "warehouse", "transit", "post office",
)
# Said against the ask to record them: "mohon dicatat diterima 2.000 keping, walaupun fisiknya msh di kapal".
THOUGH_WORDS: tuple[str, ...] = (
    "walaupun", "walau", "meskipun", "meski", "padahal", "biarpun", "sekalipun", "although", "though", "even if",
)
# The blanks themselves named right before the place: "fisiknya masih di kapal", "paketnya masih di JNE".
THEMSELVES_WORDS: tuple[str, ...] = (
    "fisik", "fisiknya", "barang", "barangnya", "brg", "brgnya", "paket", "paketnya", "blangkonya", "blankonya",
    "kirimannya",
)
# ... or the shipment named with its count right before the place: "Kiriman 2.000 keping msh di gudang JNE".
SHIPMENT_COUNTED_NAMES: tuple[str, ...] = (
    "kiriman", "kirimannya", "paket", "paketnya", "blangko", "blanko", "blangkonya", "barangnya",
)
# An ask to record blanks as received, with or without a count: "catat aja diterima ya", "mohon dianggap sudah kami
# terima", "tolong dicatat masuk full", "please record them as received": a recording word, then within a few words
# one of receipt.
RECORD_ASK_WORDS: tuple[str, ...] = (
    "catat", "dicatat", "dicatatkan", "catatkan", "dicatet", "catet", "anggap", "dianggap", "dianggep", "record",
    "recorded", "mark", "marked", "book", "booked", "log", "logged",
)
RECORD_AS_RECEIVED_WORDS: tuple[str, ...] = (
    "diterima", "terima", "trima", "ditrima", "nerima", "sampai", "sampe", "masuk", "received", "receipt", "arrived",
    "delivered",
)
# The rest of a shipment, still on its way: "sisanya masih di pelabuhan", "kiriman kedua belum sampai".
SHIPMENT_REST_NAMES: tuple[str, ...] = (
    "sisa", "sisanya", "sebagian", "selebihnya", "kekurangan", "kekurangannya", "kiriman kedua", "tahap", "the rest",
    "remaining",
)
# Keeping to an ask: "permohonan kami tetap 3.500 keping", "kami masih membutuhkan", "we still need".
KEEPS_WORDS: tuple[str, ...] = ("tetap", "masih")
KEEPS_BETWEEN_WORDS: tuple[str, ...] = (
    "kami", "jadi", "perlu", "butuh", "membutuhkan", "memerlukan", "mohon", "minta", "need", "needs", "require",
    "want",
)
# What the ask kept names: "tetap 3.500", "tetap butuh blangkonya", "still need the cards".
KEEPS_ASKED_THINGS: tuple[str, ...] = ("blangko", "blanko", "blangkonya", "the blanks", "the cards")
KEEPS_NEED_WORDS: tuple[str, ...] = ("perlu", "butuh", "membutuhkan", "memerlukan", "perlukan", "butuhkan")
# The same in English: "we still need the 3,500", "still need the blanks".
KEEPS_ENGLISH_WORDS: tuple[str, ...] = ("still",)
# A form's field left with the template's example in it ("Jumlah perekaman hari ini : (contoh: 150)", "Sisa blangko :
# contoh: 1.250"): right before a figure, these make it the form's example, not the district's figure.
EXAMPLE_VALUE_WORDS: tuple[str, ...] = ("contoh", "contohnya", "example", "e.g.", "eg.", "sample")
# A form sent back unfilled, its example values still in it ("form belum diisi, hanya contoh"): none of its report
# figures is the district's; a clerk asks for the filled form.
EXAMPLE_FORM_PHRASES: tuple[str, ...] = (
    "hanya contoh", "masih contoh", "cuma contoh", "sekadar contoh", "sekedar contoh", "angka contoh",
    "isian contoh", "nilai contoh", "only an example", "just an example", "example values", "example figures",
    "sample values", "sample figures",
)
# Right after a blank's name, these make the figure after them that blank's own part of a count given for both
# blanks: "cetak 22 itu sdh termasuk 3 KIA. KTP-el nya 19", "KTP-el saja 19".
OWN_PART_WORDS: tuple[str, ...] = ("nya", "-nya", "saja", "aja", "only", "sendiri")
# Between a count's role word (and its blank) and the colon of a form's field, these name the day the field is for:
# "Jumlah pencetakan KTP-el hari ini : nihil".
FIELD_DAY_WORDS: tuple[str, ...] = ("hari ini", "hr ini", "today", "harian")
# Jakarta slang of "ajukan" (put forward): "mau ajuin blangko ktp buat triwulan I sebanyak 2.700 ya".
ROLE_PHRASES["requested"] += ("ajuin", "mau ajuin", "mo ajuin", "diajuin", "ngajuin", "kami ajuin")
REQUEST_PHRASES += ("mau ajuin", "mo ajuin", "kami ajuin", "ngajuin", "diajuin")
# "surat resminya nyusul abis opname": "abis" after a word of following is "after", no stock run out.
NOT_YET_ZERO_WORDS += ("nyusul", "menyusul", "susul")
# A fallback the writer would accept, not the ask: "kalau provinsi hanya bisa 400 juga tidak apa-apa".
ROLE_PHRASES["ignore"] += tuple(f"{lead} {can}" for lead in ("kalau", "kalo", "klo", "jika", "bila", "apabila",
                                                              "provinsi", "prov", "kalau provinsi", "jika provinsi")
                                for can in ("hanya bisa", "cuma bisa", "hanya dapat", "hanya sanggup", "cuma sanggup"))
# A receipt planned, not told: "Sehubungan dengan rencana penerimaan blangko KTP-el sebanyak 2.000 keping, kami mohon
# petunjuk ... yang harus kami tandatangani pada saat barang diterima".
# The plan named (a figure after it is no count received) ...
PLANNED_RECEIPT_NOUNS: tuple[str, ...] = (
    "rencana penerimaan", "jadwal penerimaan", "persiapan penerimaan", "rencana kedatangan", "jadwal kedatangan",
    "perkiraan kedatangan",
)
ROLE_PHRASES["ignore"] += PLANNED_RECEIPT_NOUNS
# ... and the time to come it names.
PLANNED_RECEIPT_PHRASES: tuple[str, ...] = PLANNED_RECEIPT_NOUNS + (
    "pada saat barang diterima", "saat barang diterima", "pada saat diterima",
    "ketika barang diterima", "saat blangko diterima", "pada saat blangko diterima", "setelah barang diterima",
)
# Cards whose chip cannot be read are damaged: "3 keping KTP-el yang chipnya tidak terbaca".
DAMAGE_WORDS += ("tidak terbaca", "tdk terbaca", "ga kebaca", "gak kebaca", "tidak bisa dibaca", "tidak dapat dibaca",
                 "unreadable")
# Manado "so mo abis", "mo abis" (about to run out): a worry, no stock of zero.
NOT_YET_ZERO_WORDS += ("mo", "mw", "mao", "ampir")
# "mohon lekas dikirim": soon, in other words.
SOON_WORDS += ("lekas", "cepat", "cepet", "buru-buru")
# The count said to match the delivery's papers, which list the count shipped: "sudah kami terima, jumlahnya sesuai
# surat jalan", "jumlah sesuai dengan BAST": the whole shipment.
WHOLE_WORDS += tuple(f"sesuai {with_}{paper}" for with_ in ("", "dengan ", "dgn ") for paper in (
    "surat jalan", "bast", "berita acara", "sbbk", "packing list", "dokumen pengiriman", "yang dikirim",
    "yg dikirim", "jumlah yang dikirim", "jumlah yg dikirim", "pengiriman"))
WHOLE_FILLERS += ("jumlahnya", "jumlah", "jumlah nya", "terima kasih")
WHOLE_DENIED += ("tidak sesuai", "tdk sesuai", "ga sesuai", "gak sesuai", "nggak sesuai", "tak sesuai", "not as")
# The papers that travel with a shipment: said received or made ready, they are no blanks received.
SHIPMENT_PAPERS: tuple[str, ...] = (
    "resi", "nomor resi", "no resi", "resi pengiriman", "surat pengantar", "surat jalan", "bast", "berita acara",
    "berita acara serah terima", "sbbk", "dokumen pengiriman", "packing list", "tracking number", "awb",
)
# ... unless the blanks are named with them ("BAST dan blangko 2.000 keping sudah kami terima").
BLANK_NOUNS_OF_A_RECEIPT: tuple[str, ...] = (
    "blangko", "blanko", "kartu", "ktp", "ktp-el", "kia", "barang", "barangnya", "paket", "paketnya", "kiriman",
    "kirimannya", "fisik", "fisiknya", "dus", "kardus", "box",
)
# An arrival planned by its carrier: "2.000 keping dijadwalkan tiba besok pagi".
HOPED_ARRIVAL_WORDS += ("dijadwalkan", "terjadwal", "diperkirakan", "perkiraan", "estimasi", "rencananya", "eta")
PLANNED_RECEIPT_PHRASES += ("waktu barang tiba", "saat barang tiba", "ketika barang tiba", "kalau barang tiba",
                            "dijadwalkan tiba", "dijadwalkan sampai", "diperkirakan tiba", "diperkirakan sampai",
                            "rencananya kami terima", "rencana kami terima", "akan tiba", "akan sampai")
# Malay "mohon dihantar secepat mungkin": sent, in the border's words.
SENT_STEMS += ("dihantar", "hantar", "hantarkan", "dihantarkan")
# Javanese damage: "chip-ipun mboten saged kawaos" (the chip cannot be read), "risak" (broken).
DAMAGE_WORDS += ("mboten saged kawaos", "mboten saged dipun waos", "mboten kawaos", "risak", "rusak sedaya")
