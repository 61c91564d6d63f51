"""A figure written below zero ("-50", "minus 50", "50 keping (minus ...)"): no count of blanks is below zero, so
such a figure is never read as its digits without the sign (pure)."""

from __future__ import annotations

import functools
import re


@functools.lru_cache(maxsize=256)
def _minus_re(value: int) -> re.Pattern[str]:
    grouped = f"{value:,}"
    digits = "(?:" + "|".join(re.escape(d) for d in sorted({str(value), grouped.replace(",", "."), grouped})) + ")"
    return re.compile(rf"(?:(?<![\w.,\-\u2212])[-\u2212]|\bminus\s+|\bmin\.?\s+){digits}(?![\d.,]?\d)"
                      rf"|(?<![\d.,]){digits}(?![\d.,]?\d)\s*(?:keping|lembar|pcs|buah|blangko)?\s*\(?\s*minus\b",
                      re.IGNORECASE)


# Every way of writing a figure below zero holds a minus sign right before a digit or "min" (as "minus"), with
# the same case rule: one cheap search before the figure's own pattern, which is tried at every character
# (a hyphen alone is in most snippets: "KTP-el").
_SIGN_HINT_RE = re.compile(r"[-\u2212]\d|min", re.IGNORECASE)


def written_below_zero(text: str, value: int) -> bool:
    """Whether *text* writes *value* below zero.

    >>> written_below_zero("sisa stok kami -50 keping", 50), written_below_zero("sisa stok minus 1.200", 1200)
    (True, True)
    >>> written_below_zero("sisa 50 keping (minus, karena dipinjam)", 50), written_below_zero("1-5 Nov: 50", 5)
    (True, False)
    >>> written_below_zero("- sisa stok 50 keping", 50), written_below_zero("sisa -150", 50)
    (False, False)
    """
    return value > 0 and _SIGN_HINT_RE.search(text) is not None and _minus_re(value).search(text) is not None
