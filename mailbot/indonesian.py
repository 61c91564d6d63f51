"""Indonesian formatting for every reply, digest and table (Babel, locale id): numbers, dates, zoned times."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, tzinfo
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal

LOCALE = "id"

ITEM_NAMES = {"ktp-el": "blangko KTP-el", "kia": "blangko KIA"}


def number(value: int | float | None) -> str:
    """2800 -> "2.800"; 1.5 -> "1,5"; None -> "-" (Babel, locale id: "." groups thousands, "," is decimal)."""
    if value is None:
        return "-"
    if isinstance(value, float) and not value.is_integer():
        return format_decimal(value, format="#,##0.0", locale=LOCALE)
    return _whole(int(value))


@lru_cache(maxsize=4096)
def _whole(value: int) -> str:
    # Babel takes longer than the rest of a reply's figures; the same few counts recur in every reply.
    return format_decimal(value, locale=LOCALE)


def pieces(value: int | None) -> str:
    """2800 -> "2.800 keping"; None -> "belum disebutkan": a missing figure is said in words, never "- keping"."""
    return "belum disebutkan" if value is None else f"{number(value)} keping"


def decimal(value: float, digits: int = 1) -> str:
    """12.34 -> "12,3" (always *digits* places)."""
    return format_decimal(value, format="#,##0." + "0" * digits if digits else "#,##0", locale=LOCALE)


def long_date(value: date | datetime | str | None) -> str:
    """date(2026, 11, 27) or "2026-11-27" -> "27 November 2026"."""
    if value is None:
        return "-"
    if isinstance(value, str):
        try:
            return long_date(date.fromisoformat(value[:10]))
        except ValueError:
            return value
    return format_date(value, "d MMMM y", locale=LOCALE)


def short_date(value: date | datetime) -> str:
    """date(2026, 12, 7) -> "7 Des" (a subject a phone's mail list shows whole)."""
    return format_date(value, "d MMM", locale=LOCALE)


def day_date(value: date | datetime) -> str:
    """date(2026, 11, 27) -> "Jumat, 27 November 2026"."""
    return format_date(value, "EEEE, d MMMM y", locale=LOCALE)


def zoned(value: datetime, tz: tzinfo) -> str:
    """A moment as the operator's tables show it: "2026-11-27 10:00 WITA" (the zone always written)."""
    return value.astimezone(tz).strftime("%Y-%m-%d %H:%M %Z")


def sentence(text: str | None) -> str:
    """Words passed on as written, ended as a sentence: "dikirim lusa" -> "dikirim lusa."; "Terima kasih!" stays."""
    text = (text or "").rstrip()
    return text if not text or text.endswith((".", "!", "?")) else text + "."


def item_name(item: str | None) -> str:
    return ITEM_NAMES.get(item or "", "blangko")

# What each number the reader takes is called in replies.
FIELD_LABELS = {
    "requested": "Jumlah yang dimohon",
    "stock_on_hand": "Sisa stok",
    "received": "Jumlah yang diterima",
    "printed": "Pencetakan",
    "recorded": "Perekaman",
    "item": "Jenis blangko",
}


def decided_by_words(managers: Sequence[str], actor: str, *, district: bool = False, short: bool = False) -> str:
    """Who decided, in words for a district's or a manager's mail and the managers' digest: the policy as the
    system, a manager as such, the command line as the desk's officer; a person named with --by as that person,
    who decided through the desk's officer (the name may be the head of office's, never filed as a clerk's);
    never the login code ("cli:root") nor a manager's direction that nobody gave; *district*: the district itself
    decided (it cancelled its own request), from the address *actor*; *short*: as a subject names the same decider,
    without the desk's officer the decision went through ("Kepala Dinas", "petugas").

    >>> decided_by_words(["kadis@x.example"], "Kadis@x.example"), decided_by_words(["kadis@x.example"], "cli:root")
    ('pimpinan (Kadis@x.example)', 'petugas meja layanan blangko')
    >>> decided_by_words([], "Kabid Dafduk"), decided_by_words([], "policy")
    ('Kabid Dafduk, melalui petugas meja layanan blangko', 'sistem')
    >>> decided_by_words([], "Kepala Dinas", short=True), decided_by_words([], "cli:root", short=True)
    ('Kepala Dinas', 'petugas')
    >>> decided_by_words([], "dukcapil@bulungan.example", district=True)
    'kabupaten/kota (dukcapil@bulungan.example)'
    """
    if actor == "policy":
        return "sistem"
    if district:
        return f"kabupaten/kota ({actor})" if "@" in actor else "kabupaten/kota"
    if actor.lower() in (m.lower() for m in managers):
        return f"pimpinan ({actor})"
    if actor.startswith("cli:"):
        return "petugas" if short else "petugas meja layanan blangko"
    return actor if short else f"{actor}, melalui petugas meja layanan blangko"
