"""Indonesian number words for the tests: 2500 -> "dua ribu lima ratus"."""

from __future__ import annotations

_ONES = ("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")


def _spell_below_thousand(n: int) -> list[str]:
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds == 1:
        words.append("seratus")
    elif hundreds:
        words += [_ONES[hundreds], "ratus"]
    if rest == 10:
        words.append("sepuluh")
    elif rest == 11:
        words.append("sebelas")
    elif 12 <= rest <= 19:
        words += [_ONES[rest - 10], "belas"]
    elif rest >= 20:
        tens, ones = divmod(rest, 10)
        words += [_ONES[tens], "puluh"]
        if ones:
            words.append(_ONES[ones])
    elif rest:
        words.append(_ONES[rest])
    return words


def spell(n: int) -> str:
    """Indonesian words for 0 <= n < 1,000,000,000 (2500 -> "dua ribu lima ratus")."""
    if not 0 <= n < 1_000_000_000:
        raise ValueError(f"cannot spell {n}")
    if n == 0:
        return "nol"
    millions, rest = divmod(n, 1_000_000)
    thousands, units = divmod(rest, 1000)
    words: list[str] = []
    if millions:
        words += (["sejuta"] if millions == 1 else _spell_below_thousand(millions) + ["juta"])
    if thousands:
        words += (["seribu"] if thousands == 1 else _spell_below_thousand(thousands) + ["ribu"])
    words += _spell_below_thousand(units)
    return " ".join(words)
