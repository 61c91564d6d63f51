"""Indonesian formatting for replies and digests: numbers with dot grouping, dates with month names."""

from __future__ import annotations

from datetime import date, datetime

MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

ITEM_NAMES = {"ktp-el": "blangko KTP-el", "kia": "blangko KIA"}


def number(value: int | float | None) -> str:
    """2800 -> "2.800"; 1.5 -> "1,5"; None -> "-"."""
    if value is None:
        return "-"
    if isinstance(value, float) and not value.is_integer():
        whole, frac = f"{value:,.1f}".split(".")
        return whole.replace(",", ".") + "," + frac
    return f"{int(value):,}".replace(",", ".")


def long_date(value: date | datetime | str | None) -> str:
    """date(2026, 11, 27) or "2026-11-27" -> "27 November 2026"."""
    if value is None:
        return "-"
    if isinstance(value, str):
        try:
            return long_date(date.fromisoformat(value[:10]))
        except ValueError:
            return value
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def day_date(value: date | datetime) -> str:
    """date(2026, 11, 27) -> "Jumat, 27 November 2026"."""
    return f"{DAYS[value.weekday()]}, {long_date(value)}"


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
