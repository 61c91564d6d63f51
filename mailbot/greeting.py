"""Whom a reply greets: the head of an office (Kepala Dinas) or of a division (Kepala Bidang) by role, when the
config names the address so or the writer's signature says so; else the district's operator, or plainly
"Bapak/Ibu". Pure: addresses and text in, a role out."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from mailbot.config import Config

Role = Literal["kadis", "kabid"]

# A signature line naming the writer's office ("Kepala Dinas Kependudukan dan Pencatatan Sipil", "Plt. Kadis
# Dukcapil", "Kabid Pelayanan Pendaftaran Penduduk"), at the start of its line; "a.n. Kepala Dinas" signs for the
# head, so the line below it (the signer's own) decides.
_KADIS_RE = re.compile(r"^(?:(?:plt|plh|pj)\.?\s+)?(?:kepala\s+dinas|kadis(?:dukcapil)?|kepala\s+disdukcapil)\b")
_KABID_RE = re.compile(r"^(?:(?:plt|plh|pj)\.?\s+)?(?:kepala\s+bidang|kabid)\b")
_ON_BEHALF_RE = re.compile(r"^(?:a\.?\s?n\.?|u\.?\s?b\.?)\s")
_SIGNATURE_LINES = 8  # the last lines of the writer's words: where a signature is


def signature_role(text: str, *, district: bool = True) -> Role | None:
    """The role the writer's signature names, from the last lines of their own words (*text*, quotes cut). A
    district's writer names the province only as the addressee ("Kepala Dinas ... Provinsi"), never as itself.

    >>> signature_role("Mohon tambahan 2.000 keping.\\n\\nHormat kami,\\nKepala Dinas Kependudukan dan "
    ...                "Pencatatan Sipil\\nKabupaten Nunukan")
    'kadis'
    >>> signature_role("Salam,\\na.n. Kepala Dinas\\nKabid Pelayanan Pendaftaran Penduduk") is None
    False
    >>> signature_role("Yth. Kepala Dinas Provinsi,\\nmohon 2.000 keping.\\nSalam, operator") is None
    True
    """
    lines = [" ".join(line.split()).lower() for line in (text or "").splitlines() if line.strip()]
    found: Role | None = None
    tail = lines[-_SIGNATURE_LINES:]
    for i, line in enumerate(tail):
        addressee = line.startswith(("yth", "kepada")) or (i > 0 and tail[i - 1].startswith(("yth", "kepada")))
        if addressee or (district and "provinsi" in line):
            continue  # the addressee (the province), not the writer
        line = _ON_BEHALF_RE.sub("", line)
        if _KABID_RE.match(line):
            found = "kabid"
        elif _KADIS_RE.match(line):
            found = "kadis"
    return found


def configured_role(address: str | None, kadis: Iterable[str], kabid: Iterable[str]) -> Role | None:
    """The role the config gives *address* (its `kadis` and `kabid` lists)."""
    low = (address or "").strip().lower()
    if not low:
        return None
    if low in {a.lower() for a in kadis}:
        return "kadis"
    if low in {a.lower() for a in kabid}:
        return "kabid"
    return None


def role_of(config: Config, address: str | None, text: str | None = None) -> Role | None:
    """The role a reply to *address* greets: the config's (a district's or the office's `kadis`/`kabid`), else
    the signature of *text*, the writer's own words (a manager's signature may name the province)."""
    low = (address or "").strip().lower()
    if not low:
        return None
    manager = low in {m.lower() for m in config.office.managers}
    if manager:
        role = configured_role(low, config.office.kadis, config.office.kabid)
    else:
        district = next((d for d in config.districts if low in d.senders), None)
        role = configured_role(low, district.kadis, district.kabid) if district is not None else None
    if role is None and text:
        role = signature_role(text, district=not manager)
    return role
