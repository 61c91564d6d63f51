"""What a manager must see first of a request from a sender who failed the checks: the failed check itself, a
Reply-To that leads elsewhere, and a delivery asked to another address than the district's office."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from email.utils import getaddresses

from mailbot.guards.decode import address_structure, recover_bytes, unfold
from mailbot.guards.headers import safe_header_text
from mailbot.guards.trust import FAILED_CHECK_REASONS

# The check each failed reason names, as the notice says it.
CHECK_NAMES = {"dmarc_fail": "DMARC", "dkim_fail": "DKIM"}

# A delivery asked elsewhere: "kirim ke alamat baru kami", "mohon dikirimkan ke Jl. Mawar 5", "alamat pengiriman:
# ...", "antar ke gudang kami di ...", "send to our new address". An address in a signature ("Jl. Sengkawit No. 1")
# asks nothing: a verb of sending, or an address called new or the delivery's, must be there.
_DELIVERY_ELSEWHERE_RE = re.compile(
    r"\b(?:(?:di)?kirim(?:kan)?|(?:di)?antar(?:kan)?|send|deliver)\b[^\n.]{0,40}?\b(?:ke|kepada|to)\s+"
    r"(?:(?:alamat|gudang|rumah|kantor\s+baru|jl\b|jln\b|jalan)|address)"
    r"|\balamat\s+(?:baru|lain|pengiriman|kirim)\b|\bnew\s+(?:delivery\s+)?address\b",
    re.IGNORECASE)
_LINE_CHARS = 200


@dataclass(frozen=True)
class Suspicion:
    """What counts against a request's mail, for the managers' notice.

    failed_checks: the checks of the office's server that FAILED ("DMARC", "DKIM"), in order; empty when none did
    (the sender may still be unverified: not checked, or not on the list). reply_to: the Reply-To addresses other
    than the From address, joined ("" when none). delivery: the writer's line that asks delivery to another
    address, without its closing full stop ("" when none)."""

    failed_checks: tuple[str, ...] = ()
    reply_to: str = ""
    delivery: str = ""

    @property
    def check_failed(self) -> bool:
        return bool(self.failed_checks)


def assess(reasons: Sequence[str], *, sender: str | None, reply_to_values: Sequence[str],
           writer_text: str) -> Suspicion:
    """The Suspicion of a mail from the sender check *reasons*, its From address *sender*, its Reply-To header
    values as written, and the writer's own words.

    >>> s = assess(["dmarc_fail", "not_authenticated"], sender="disdukcapil@malinaukab.example",
    ...            reply_to_values=["Disdukcapil <tipu@lain.example>"],
    ...            writer_text="Mohon kirim 2.000 keping.\\nKirim ke alamat baru kami Jl. Mawar 5, Malinau.")
    >>> s.failed_checks, s.reply_to, s.delivery
    (('DMARC',), 'tipu@lain.example', 'Kirim ke alamat baru kami Jl. Mawar 5, Malinau')
    """
    failed = tuple(CHECK_NAMES[r] for r in FAILED_CHECK_REASONS if r in reasons)
    return Suspicion(failed, reply_to_elsewhere(reply_to_values, sender), delivery_elsewhere(writer_text))


def reply_to_elsewhere(values: Sequence[str], sender: str | None) -> str:
    """The addresses of the Reply-To *values* other than *sender*, lowercased and joined ("" when none).

    >>> reply_to_elsewhere(["=?utf-8?q?Kadis?= <Tipu@Lain.example>, disdukcapil@malinaukab.example"],
    ...                    "disdukcapil@malinaukab.example")
    'tipu@lain.example'
    """
    own = (sender or "").strip().lower()
    found: list[str] = []
    for value in values:
        for _, address in getaddresses([address_structure(recover_bytes(unfold(value)))]):
            address = address.strip().lower()
            if "@" in address and address != own and address not in found:
                found.append(address)
    return safe_header_text(", ".join(found), max_len=_LINE_CHARS) if found else ""


def delivery_elsewhere(text: str) -> str:
    """The first line of *text* that asks the blanks delivered to another address ("" when none).

    >>> delivery_elsewhere("Hormat kami,\\nJl. Sengkawit No. 1, Tanjung Selor")
    ''
    >>> delivery_elsewhere("Mohon blangko dikirimkan ke Jl. Mawar 5 ya pak.")
    'Mohon blangko dikirimkan ke Jl. Mawar 5 ya pak'
    """
    match = _DELIVERY_ELSEWHERE_RE.search(text)
    if match is None:
        return ""
    start = text.rfind("\n", 0, match.start()) + 1
    end = text.find("\n", match.end())
    return safe_header_text(text[start:end if end >= 0 else len(text)], max_len=_LINE_CHARS).rstrip(" .")
