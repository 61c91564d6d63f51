"""The configuration's models: what each setting may be, validated by pydantic.

Reading the file, resolving its relative paths and reporting its problems is mailbot.configfile's.
"""

from __future__ import annotations

import difflib
import functools
import math
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError, core_schema

from mailbot.errors import ConfigError
from mailbot.guards.headers import safe_address
from mailbot.stock.ledger import PROVINCE as PROVINCE  # the province's location code, defined with the ledger

Item = Literal["ktp-el", "kia"]
ITEMS: tuple[str, ...] = ("ktp-el", "kia")


@dataclass(frozen=True)
class Within:
    """A number's honest range, as metadata of its annotation: anything else (inf, nan, a typo's extra zeros)
    is refused in one line naming the range, e.g. "must be from 0.1 to 3600 seconds (got inf)"."""

    low: float
    high: float
    unit: str = ""
    above: bool = False  # the low end itself is not allowed (a time of 0 seconds)

    def span(self) -> str:
        def shown(bound: float) -> str:  # pieces as the tables show them (and the file takes them: "10.000.000")
            return _figure(int(bound)) if self.unit == "pieces" else _toml(bound)

        low, high = shown(self.low), shown(self.high)
        span = f"more than {low} and at most {high}" if self.above else f"from {low} to {high}"
        return span + (f" {self.unit}" if self.unit else "")

    def _finite(self, value: object) -> object:
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(f"must be a finite number {self.span()}")
        return value

    def _within(self, value: float) -> float:
        if not self.low <= value <= self.high or (self.above and value == self.low):
            raise ValueError(f"must be {self.span()}")
        return value

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        checked = core_schema.no_info_after_validator_function(self._within, handler(source))
        return core_schema.no_info_before_validator_function(self._finite, checked)


def _toml(value: float) -> str:
    """A bound as it is written in the file: 3600, 0.1."""
    return str(int(value)) if value == int(value) else repr(value)


def _figure(pieces: int) -> str:
    """A number of pieces the Indonesian way, as the tables show it: 300.000."""
    return f"{pieces:,}".replace(",", ".")


def _named(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty: write the name people know it by")
    return value


# Who signs every reply and notice under "Hormat kami," (the office's name follows it).
DEFAULT_SIGNATURE = "Bidang Pelayanan Pendaftaran Penduduk"


def _signature(value: str) -> str:
    """A signature with words in it: an empty one ends every reply with no one signing it, as an empty name would
    leave it unnamed."""
    if not value.strip():
        raise ValueError(f"must not be empty: write who signs the replies, e.g. {DEFAULT_SIGNATURE!r} (or leave the "
                         "key out for that)")
    return value


def _printable(value: str, *, lines: bool = False) -> str:
    """No control characters (a NUL, an escape, a line break in a header), which no path, URL, address or
    name can hold; *lines* lets a multi-line text (the signature) keep its line breaks and tabs."""
    for position, char in enumerate(value):
        if unicodedata.category(char) == "Cc" and not (lines and char in "\n\t"):
            raise ValueError(f"holds the control character {char!r} as its character number {position + 1}; remove it")
    return value


def _scalar_kinds(annotation: object) -> set[type] | None:
    """The plain kinds (bool, int, float) a field's annotation allows, or None for a field that reads text as
    well on purpose (pieces: "66.000") or is no plain scalar."""
    from typing import Union, get_args, get_origin

    origin = get_origin(annotation)
    if origin is Annotated:
        base, *metadata = get_args(annotation)
        if any(isinstance(m, BeforeValidator) for m in metadata):
            return None
        return _scalar_kinds(base)
    if origin is Union or type(annotation).__name__ == "UnionType":
        kinds: set[type] = set()
        for arg in get_args(annotation):
            if arg is type(None):
                continue
            inner = _scalar_kinds(arg)
            if inner is None:
                return None
            kinds |= inner
        return kinds or None
    return {annotation} if annotation in (bool, int, float) else None


def _member_kinds(annotation: object) -> set[type] | None:
    """The plain kinds (bool, int, float) the members of a list or the values of a table may be
    (fallback_daily_use = { "ktp-el" = 50 }), or None for any other field."""
    from typing import get_args, get_origin

    if get_origin(annotation) is Annotated:
        base, *metadata = get_args(annotation)
        return None if any(isinstance(m, BeforeValidator) for m in metadata) else _member_kinds(base)
    if get_origin(annotation) in (list, dict):
        return _scalar_kinds(get_args(annotation)[-1])
    return None


@functools.cache
def _plain_kinds(model: type[BaseModel], name: str) -> tuple[set[type] | None, set[type] | None] | None:
    """The plain kinds of the field *name* of *model* and of its members (_scalar_kinds, _member_kinds), or None
    for a field with its own reading (a BeforeValidator). Worked out once per field: the annotations
    do not change, and every desk opened reads its config again. The sets are only read."""
    field = model.model_fields[name]
    if any(isinstance(m, BeforeValidator) for m in field.metadata):
        return None
    return _scalar_kinds(field.annotation), _member_kinds(field.annotation)


def _wrong_kind(kinds: set[type], value: object) -> str | None:
    """What to write instead of *value* where a field (or its members) is of the plain *kinds*; None when it is
    of one of them."""
    if kinds == {bool}:
        return None if isinstance(value, bool) else "write true or false, without quotes"
    if isinstance(value, bool):
        return "write a number, not true or false"
    if isinstance(value, str) and float in kinds and re.fullmatch(r"\s*-?\d+,\d+\s*", value):
        # "0,25": TOML takes no decimal comma; told only to drop the quotes, the operator writes 0,25
        return f"write {value.strip().replace(',', '.')}, with a decimal point and without quotes"
    if isinstance(value, str):
        return "write the number without quotes"
    return None


def _numeric(text: str) -> bool:
    """Whether *text* is a number that pydantic would take for one ("50", " 1.5 ")."""
    try:
        float(text)
    except ValueError:
        return False
    return True


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    @model_validator(mode="before")
    @classmethod
    def _plain_types(cls, data: object) -> object:
        """A switch is true or false and a number is a number, as written in TOML: "no", 0, "587" or true in
        their place are refused rather than read as something the operator may not have meant. Every such
        key is named, in one error."""
        if not isinstance(data, dict):
            return data
        wrong: list[InitErrorDetails] = []
        for name, value in data.items():
            if not isinstance(name, str) or name not in cls.model_fields or value is None:
                continue
            if (plain := _plain_kinds(cls, name)) is None:
                continue
            kinds, members = plain
            found: list[tuple[tuple[str | int, ...], object, str | None]]
            if kinds:
                found = [((name,), value, _wrong_kind(kinds, value))]
            elif members and isinstance(value, list | dict):  # ["0", "1"], { "ktp-el" = "50" }
                pairs = value.items() if isinstance(value, dict) else enumerate(value)
                # a member in quotes that is no number ("70/hari") gets pydantic's words for it
                found = [((name, key), member, _wrong_kind(members, member)) for key, member in pairs
                         if not isinstance(member, str) or _numeric(member)]
            else:
                continue
            wrong.extend({"type": PydanticCustomError("value_error", "Value error, {what}", {"what": what}),
                          "loc": loc, "input": given} for loc, given, what in found if what)
        if wrong:
            raise ValidationError.from_exception_data(cls.__name__, wrong)
        return data

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: object, info: Any) -> object:
        for text in (value if isinstance(value, list) else [value]):
            if isinstance(text, str | Path):
                _printable(str(text), lines=info.field_name == "signature")
        return value


def _host(value: str) -> str:
    """A host name or address, never with its port ("smtp.example:587") in it."""
    name, colon, port = value.rpartition(":")
    if colon and port.isdigit() and (":" not in name or name.startswith("[")):
        raise ValueError(f"{value!r} has the port in it; write host = {name.strip('[]')!r} and port = {port}")
    if value.startswith("[") and value.endswith("]"):
        return value[1:-1]  # an IPv6 address as URLs write it ([::1]); the socket wants it bare
    return value


def _email(value: str) -> str:
    """A bare email address in ASCII, as mail headers carry it: a name in <>, a second @ or a space is refused
    with the fix, and so is a non-ASCII address (mail from it would not match, and a reply from it could not
    be written): its domain is to be written in its ASCII (IDNA, xn--) form, which is given."""
    example = "write the address alone, e.g. disdukcapil@malinaukab.go.id"
    if "<" in value or ">" in value:
        inner = value[value.find("<") + 1:value.rfind(">")].strip() if "<" in value and ">" in value else ""
        return _no_name(inner)
    if not value.strip():
        raise ValueError(f"is empty; {example}")
    parts = [part for part in re.split(r"[\s,;]+", value) if part]
    if len(parts) > 1 and sum("@" in part for part in parts) > 1:  # "a@x.example, b@x.example" in one string
        listed = ", ".join(f'"{part}"' for part in parts)
        raise ValueError(f"holds {len(parts)} addresses in one string; write one address per string: [{listed}]")
    if any(char.isspace() for char in value):
        raise ValueError(f"holds a space; {example}")
    local, at, domain = value.rpartition("@")
    if at and not local:  # "@tarakankota.example": a domain alone, which no sender is
        raise ValueError(f"has nothing before the @ (a domain alone is no sender); write the whole address, "
                         f"e.g. disdukcapil{value}")
    if not at or "@" in local:
        raise ValueError(f"is not an email address ({'no' if not at else 'more than one'} @ in it); {example}")
    if "." not in domain.strip("."):
        raise ValueError(f"has no domain with a dot after the @; {example}")
    if local.lower().startswith("mailto:"):  # a link copied from a web page: no mail is ever sent to it
        raise ValueError(f"starts with 'mailto:', which belongs to a link, not to the address; write {value[7:]!r}")
    if domain.endswith("."):  # a fully qualified name as DNS writes it; mail headers take no final dot
        raise ValueError(f"ends with a dot, which no mail can be sent to; write {value.rstrip('.')!r}")
    if domain.startswith("["):  # a domain literal: mailbot sends to and matches host names only
        raise ValueError(f"names a server's IP address in [] instead of a domain, which mailbot does not send to; "
                         f"write the address with its domain name, {example[len('write the address alone, '):]}")
    if not value.isascii():
        if not local.isascii():
            raise ValueError("has letters outside ASCII before the @, which mailbot cannot send from or match; "
                             "use an ASCII address")
        try:
            ascii_domain = domain.encode("idna").decode("ascii")
        except UnicodeError:
            raise ValueError("has letters outside ASCII in its domain; write the domain in its ASCII (xn--) "
                             "form") from None
        raise ValueError(f"has letters outside ASCII in its domain; write it in its ASCII form: {local}@{ascii_domain}")
    if safe_address(value) != value.lower():
        # what the outbox takes is what the file may name: an address it would not send to is refused here,
        # never dropped silently later
        raise ValueError(f"is not an address mail can be sent to (a plain name@domain: letters, digits and "
                         f"'.-_+' with no two dots together, a domain of words joined by dots); {example}")
    return value


def _no_name(inner: str) -> str:
    hint = f": {inner}" if inner else ""
    raise ValueError(f"holds a name and <>; write only the address{hint}")


Email = Annotated[str, AfterValidator(_email)]
# The name of an environment variable holding a password (the password itself never goes in the file).
EnvName = Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")]
Host = Annotated[str, Field(pattern=r"^[^\s/]+$"), AfterValidator(_host)]
# A name shown to people (the office, a district): not empty, not only spaces.
Name = Annotated[str, AfterValidator(_named)]


def _known_items(value: dict[str, float]) -> dict[str, float]:
    unknown = sorted(set(value) - set(ITEMS))
    if unknown:
        raise ValueError(f"unknown item {unknown[0]!r} (items are {', '.join(ITEMS)})")
    return value


# The largest number of pieces any setting may name: ten million, over ten times the blanks the
# province could use in a year. Larger is a typo, and would break the forecast's date arithmetic.
MAX_PIECES = 10_000_000


def _pieces(value: object) -> object:
    """A number of pieces as written in the file: a whole TOML number, or text read like the operator's
    typing ("66.000" is sixty-six thousand, as in a manager's "SETUJU 66.000"), never a fraction."""
    from mailbot.errors import QuantityError
    from mailbot.quantities import parse_quantity

    if isinstance(value, bool):
        raise ValueError("write a number of pieces, not true or false")
    if isinstance(value, float):
        if value.is_integer() and 0 < value < 1000:  # "66.000" unquoted, which TOML reads as 66.0
            whole = int(value)
            # the file may say 12.000 (thousands, unquoted), 12.0 or 1e2: each is read as the same float
            raise ValueError(f"{value!r} is not a whole number of pieces (TOML reads {whole}.000 without quotes, "
                             f"{whole}.0 or an exponent such as 1e2 as a decimal); write {whole}, or "
                             f'{whole * 1000} or "{_figure(whole * 1000)}" for thousands')
        if 1 < value < 1000 and (thousands := round(value * 1000)) == value * 1000:
            # "2.500" unquoted, which TOML reads as 2.5: the thousands it most likely is, as for "8.000"
            raise ValueError(f"{value!r} is not a whole number of pieces (TOML reads {_figure(thousands)} without "
                             f'quotes as a decimal); write {thousands} or "{_figure(thousands)}" for thousands')
        if value.is_integer() and 0 < value < MAX_PIECES:
            # 1e3 or 1000.0: no thousands written with a point (that would be 1.000.000, which is no TOML)
            raise ValueError(f"{value!r} is a decimal (as TOML reads 1e3 or 1000.0), not a whole number of pieces; "
                             f"write {int(value)}")
        raise ValueError(f"{value!r} is not a whole number of pieces; write a whole number"
                         + (f", e.g. {math.floor(value)}" if math.isfinite(value) and value >= 1 else ""))
    if isinstance(value, str):
        if value.strip() == "0":
            return 0
        try:
            return parse_quantity(value)
        except QuantityError as exc:
            raise ValueError(str(exc)) from None
    return value


Pieces = Annotated[int, BeforeValidator(_pieces), Within(0, MAX_PIECES, "pieces")]
SomePieces = Annotated[int, BeforeValidator(_pieces), Within(1, MAX_PIECES, "pieces")]

# Per-item figures, e.g. { "ktp-el" = 66000, "kia" = 20000 }.
ItemCounts = Annotated[dict[str, Pieces], AfterValidator(_known_items)]
# Pieces a day: a hundred thousand is over the whole province's use in a month.
ItemRates = Annotated[dict[str, Annotated[float, Within(0, 100_000, "pieces a day")]], AfterValidator(_known_items)]


class OfficeConfig(_Strict):
    name: Name
    address: Email
    managers: list[Email] = Field(min_length=1)
    timezone: str = "Asia/Makassar"
    operator: Email | None = None
    signature: Annotated[str, AfterValidator(_signature)] = DEFAULT_SIGNATURE
    # managers who are the head of the office (Kepala Dinas) or of a division (Kepala Bidang): greeted by role
    kadis: list[Email] = Field(default_factory=list)
    kabid: list[Email] = Field(default_factory=list)

    @model_validator(mode="after")
    def _heads_are_managers(self) -> OfficeConfig:
        seen: set[str] = set()
        for manager in self.managers:  # addresses match in any case: the digest would go twice to one person
            if manager.lower() in seen:
                raise ValueError(f"{manager} is listed twice in managers (an address is the same in any case); "
                                 "list each manager once")
            seen.add(manager.lower())
        managers = {m.lower() for m in self.managers}
        for key in ("kadis", "kabid"):
            if stray := [a for a in getattr(self, key) if a.lower() not in managers]:
                raise ValueError(f"office.{key}: {stray[0]} is not one of office.managers; list it there too")
        return self

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        if fixed := _FIXED_OFFSET.fullmatch(value):
            # POSIX signs: Etc/GMT+8 is eight hours behind UTC, the opposite of what its name suggests; written
            # with a leading zero or in another case it is no zone at all, and the same advice is given
            zone = _OFFSET_ZONES.get(int(fixed[1]), "Asia/Makassar")
            raise ValueError(f"{value!r} is a fixed offset whose sign is reversed (Etc/GMT+8 is UTC-8, Etc/GMT-8 is "
                             f"UTC+8); write the office's place instead, e.g. {zone!r} ({_ZONE_WORDS[zone]})")
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}{zone_hint(value)}") from exc
        if value in ("localtime", "posixrules", "Factory") or value not in _named_zones():
            # "localtime" is whatever zone the host has, not the office's
            raise ValueError(f"{value!r} is not a named time zone; write the office's, e.g. 'Asia/Makassar' (WITA)")
        return value

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def domain(self) -> str:
        return self.address.rsplit("@", 1)[1].lower()


# Etc/GMT+8 and the like, refused (_known_zone), in any case and with leading zeros; never suggested
_FIXED_OFFSET = re.compile(r"(?i)\s*etc/gmt[+-]0*(\d+)\s*")
# The zones Indonesians name by their abbreviation, which the time zone database does not know.
_INDONESIAN_ZONES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}
# Indonesia's offsets by their zone (an operator writes "UTC+8" for WITA)
_OFFSET_ZONES = {7: "Asia/Jakarta", 8: "Asia/Makassar", 9: "Asia/Jayapura"}


@functools.cache
def _named_zones() -> frozenset[str]:
    """The time zone database's names (read from disk once: a scan of thousands of files)."""
    from zoneinfo import available_timezones

    return frozenset(available_timezones())


# Indonesian places an operator may write as a zone ("Asia/Tarakan", "Balikpapan"), by the zone they keep. A
# near spelling in the time zone database is often half a world away (Tarakan -> Asia/Tehran, UTC+3:30;
# Samarinda -> Europe/Samara, UTC+4): a place of Indonesia is answered with its own zone, never a look-alike.
_INDONESIAN_PLACES = {
    "Asia/Jakarta": (  # WIB: Sumatra, Java, West and Central Kalimantan
        "jakarta", "bandung", "bogor", "bekasi", "depok", "tangerang", "serang", "cirebon", "tasikmalaya", "semarang",
        "solo", "surakarta", "yogyakarta", "jogja", "jogjakarta", "surabaya", "malang", "kediri", "jember", "medan",
        "bandaaceh", "aceh", "padang", "pekanbaru", "jambi", "palembang", "bengkulu", "lampung", "bandarlampung",
        "pangkalpinang", "tanjungpinang", "batam", "pontianak", "singkawang", "ketapang", "palangkaraya", "sampit",
        "jawa", "java", "sumatra", "sumatera"),
    "Asia/Makassar": (  # WITA: South, East and North Kalimantan, Sulawesi, Bali, Nusa Tenggara
        "tarakan", "tanjungselor", "nunukan", "malinau", "tanatidung", "bulungan",
        "kaltara", "kalimantanutara", "balikpapan", "samarinda", "bontang", "berau", "tanjungredeb", "kaltim",
        "kalimantantimur", "banjarmasin", "banjarbaru", "kalsel", "denpasar", "bali", "mataram", "lombok", "kupang",
        "manado", "bitung", "palu", "kendari", "gorontalo", "mamuju", "sulawesi", "ujungpandang"),
    "Asia/Jayapura": (  # WIT: Maluku and Papua
        "jayapura", "ambon", "ternate", "sofifi", "tual", "manokwari", "sorong", "merauke", "timika", "nabire",
        "biak", "wamena", "papua", "maluku"),
}
_ZONE_WORDS = {"Asia/Jakarta": "WIB, UTC+7", "Asia/Makassar": "WITA, UTC+8", "Asia/Jayapura": "WIT, UTC+9"}
_PLACE_ZONES = {place: zone for zone, places in _INDONESIAN_PLACES.items() for place in places}


def _place_key(name: str) -> str:
    """A place's name as compared: lower case, without spaces, underscores, hyphens and dots."""
    return re.sub(r"[\s_.\-]+", "", name).lower()


def zone_hint(value: str) -> str:
    """What to write for the time zone *value* that is none: "; WITA is written 'Asia/Makassar'", "; Tarakan
    keeps WITA (UTC+8): write 'Asia/Makassar'", a near spelling (" (did you mean 'Asia/Makassar'?)") of the same
    area only, or the three zones of Indonesia.

    >>> zone_hint("Asia/Tarakan")
    "; Tarakan keeps WITA (UTC+8): write 'Asia/Makassar'"
    """
    from mailbot.suggest import suggestion

    written = value.strip()
    if zone := _INDONESIAN_ZONES.get(written.upper()):
        return f"; {written.upper()} is written {zone!r}"
    offset = re.fullmatch(r"(?:UTC|GMT)?\s*([+-])\s*0?(\d{1,2})(?::?00)?", written.upper())
    if offset:  # "UTC+8", "GMT+07:00", "+9": an offset, never the zone 'UTC' it starts with
        hours = int(offset[2]) * (1 if offset[1] == "+" else -1)
        named = _OFFSET_ZONES.get(hours)
        return (f"; an offset is not a zone: UTC{offset[1]}{offset[2]} is {named!r}" if named
                else "; write a named zone like 'Asia/Makassar' (WITA, UTC+8)")
    area, _, place = written.rpartition("/")
    if _place_key(place) in {"makassar", "jakarta", "jayapura"}:  # the zone's own city, written otherwise
        return suggestion(f"Asia/{place.strip().title()}", quoted=True)
    if zone := _PLACE_ZONES.get(_place_key(place)) or _PLACE_ZONES.get(_place_key(written)):
        return f"; {place.replace('_', ' ')} keeps {_ZONE_WORDS[zone].replace(', ', ' (')}): write {zone!r}"
    # a near spelling: of an Indonesian place, or of a zone's city in the same area (Asia/Makasar, Asia/Singapur)
    near: dict[str, str] = {}
    for zone in sorted(_named_zones()):
        zone_area, _, city = zone.rpartition("/")
        if zone_area and (not area or zone_area.lower() == area.lower()) and not _FIXED_OFFSET.fullmatch(zone):
            near.setdefault(_place_key(city), zone)
    near.update({key: zone for key, zone in _PLACE_ZONES.items() if not area or area.lower() == "asia"})
    close = difflib.get_close_matches(_place_key(place), list(near), n=1, cutoff=0.8)
    if close:
        return suggestion(near[close[0]], quoted=True)
    return ("; write the office's zone: 'Asia/Jakarta' (WIB, UTC+7), 'Asia/Makassar' (WITA, UTC+8) or "
            "'Asia/Jayapura' (WIT, UTC+9)")


class DatabaseConfig(_Strict):
    url: str = "sqlite:///var/mailbot.db"
    echo: bool = False

    @field_validator("url")
    @classmethod
    def _readable_url(cls, value: str) -> str:
        """A URL every command can read (else each would stop on it with a traceback), with what to write."""
        from mailbot.store.urls import url_problem

        if problem := url_problem(value):
            raise ValueError(problem)
        return value

    @property
    def in_memory(self) -> bool:
        """An SQLite database that lives in this process only ("sqlite://", ":memory:")."""
        url = self.url.strip()
        return url.startswith("sqlite") and (url.rstrip("/") in ("sqlite:", "sqlite+pysqlite:") or ":memory:" in url)


def maildir_path_problem(value: str) -> str | None:
    """Why the Maildir path *value*, as written in the file, is a slip, or None: "~" (which mailbot does not
    expand: it would make a folder named "~" beside config.toml), a shell variable ("$HOME/Maildir", neither),
    spaces around it or around a folder's name in it
    (a folder of another name, which the mail server never delivers to), or nothing at all (the folder of
    config.toml itself)."""
    if not value.strip():
        return ("is empty; write the Maildir folder's path, from / on or from the folder of config.toml, e.g. "
                "path = 'var/mail/inbox'")
    if value.startswith("~"):
        expanded = os.path.expanduser(value)  # "~nobody-here/x" stays as it is: no example to give then
        instead = f", e.g. path = {expanded!r}" if expanded != value else ", from / on"
        return (f"{value!r} starts with ~, which mailbot does not expand (it would make a folder named ~ beside "
                f"config.toml); write the whole path{instead}")
    from mailbot.store.urls import variable_problem  # beside url_problem, which imports SQLAlchemy's URL parser

    if problem := variable_problem(value):
        return problem
    parts = value.split("/")
    if any(part != part.strip() for part in parts):
        plain = "/".join(part.strip() for part in parts)
        return (f"{value!r} has spaces around it or around a folder's name in it, which would make a folder of "
                f"another name; write path = {plain!r}")
    return None


def _maildir_path(value: object) -> object:
    if isinstance(value, str) and (problem := maildir_path_problem(value)):
        raise ValueError(problem)
    return value


MaildirPath = Annotated[Path, BeforeValidator(_maildir_path)]


_TLS_WORDS = {"ssl": "implicit", "tls": "implicit", "ssl/tls": "implicit", "plain": "none", "off": "none",
              "no": "none", "false": "none"}


def _tls(value: object) -> object:
    """tls in any case ("STARTTLS"); the words mail programs use for the same thing ("SSL", "SSL/TLS") are
    refused naming mailbot's word for it, with the values accepted."""
    if not isinstance(value, str):
        return value
    word = value.strip().lower()
    if word in ("implicit", "starttls", "none"):
        return word
    accepted = ('write "implicit" (TLS from the first byte, usually port 993 for IMAP, 465 for SMTP), "starttls" '
                '(TLS after a plain greeting, usually 143 or 587) or "none"')
    if word in _TLS_WORDS:
        raise ValueError(f'{value!r} is written tls = "{_TLS_WORDS[word]}" in mailbot; {accepted}')
    raise ValueError(f"{value!r} is no TLS setting; {accepted}")


Tls = Annotated[Literal["implicit", "starttls", "none"], BeforeValidator(_tls)]


class MaildirInbox(_Strict):
    kind: Literal["maildir"]
    path: MaildirPath


class MailServer(_Strict):
    """A mail server mailbot connects to (the IMAP inbox, the SMTP outbox): where, and how TLS is checked; each
    kind names itself and sets the TLS its protocol usually starts with."""

    kind: str
    host: Host
    port: Annotated[int, Within(1, 65535)] | None = None
    tls: Tls
    verify_certificate: bool = True
    ca_file: Path | None = None


class ImapInbox(MailServer):
    kind: Literal["imap"]
    tls: Tls = "implicit"
    username: str
    password_env: EnvName
    folder: str = "INBOX"
    processed_folder: str = "mailbot/processed"
    quarantine_folder: str = "mailbot/quarantine"
    idle: bool = True
    idle_renew_seconds: Annotated[float, Within(0, 1740, "seconds", above=True)] = 240.0
    poll_seconds: Annotated[float, Within(0.1, 3600, "seconds")] = 60.0
    connect_timeout_seconds: Annotated[float, Within(0, 600, "seconds", above=True)] = 15.0
    read_timeout_seconds: Annotated[float, Within(0, 3600, "seconds", above=True)] = 60.0
    fetch_batch: Annotated[int, Within(1, 5000)] = 200
    max_backoff_seconds: Annotated[float, Within(0, 3600, "seconds", above=True)] = 300.0

    @field_validator("folder", "processed_folder", "quarantine_folder")
    @classmethod
    def _folder_name(cls, value: str, info: Any) -> str:
        """A folder the server can name: not empty (the server refuses to select it), no spaces around it (the
        server would take them as part of another folder's name)."""
        example = {"folder": "INBOX", "processed_folder": "mailbot/processed",
                   "quarantine_folder": "mailbot/quarantine"}[info.field_name]
        if not value.strip():
            raise ValueError(f"is empty; write the name of an IMAP folder, e.g. {info.field_name} = {example!r}")
        if value != value.strip():
            raise ValueError(f"{value!r} has spaces around it, which the server would take as part of the name; "
                             f"write {info.field_name} = {value.strip()!r}")
        if wild := sorted({c for c in value if c in "*%"}):
            # RFC 3501 6.3.8: "*" and "%" are LIST's wildcards; servers refuse them in a folder's own name
            raise ValueError(f"{value!r} has {' and '.join(repr(c) for c in wild)} in it, which IMAP keeps as "
                             f"wildcards for listing folders, never part of a folder's name; write the folder's name, "
                             f"e.g. {info.field_name} = {example!r}")
        if stray := folder_separator_problem(value, "/"):
            # "/" is mailbot's level separator, written in the server's own on the way (Dovecot refuses such a
            # name at the first move: "Ends with hierarchy separator"; the mail would never leave the inbox)
            fixed = "/".join(part for part in value.split("/") if part)
            raise ValueError(f"{value!r} {stray}, which no IMAP server takes in a folder's name; "
                             + (f"write {info.field_name} = {fixed!r}" if fixed else
                                f"write the folder's name, e.g. {info.field_name} = {example!r}"))
        return value

    @model_validator(mode="after")
    def _three_folders(self) -> ImapInbox:
        # INBOX is the same folder however it is written (RFC 3501, 5.1); other names are as the server has them
        names = {imap_folder_key(f) for f in (self.folder, self.processed_folder, self.quarantine_folder)}
        if len(names) < 3:
            raise ValueError("folder, processed_folder and quarantine_folder must be three different folders "
                             f"(they are {self.folder!r}, {self.processed_folder!r} and {self.quarantine_folder!r}; "
                             "INBOX is one folder however it is written)")
        return self

    def password(self) -> str:
        return _secret(self.password_env, "inbox.password_env")


def folder_separator_problem(name: str, separator: str) -> str | None:
    """How *name* misplaces the level *separator* ('ends with "/"', 'has "//" in it'), or None: no IMAP server
    takes a folder name with an empty level (Dovecot: "Begins/Ends with hierarchy separator", "Has adjacent
    hierarchy separators")."""
    if name.startswith(separator):
        return f"starts with {separator!r}"
    if name.endswith(separator):
        return f"ends with {separator!r}"
    if separator * 2 in name:
        return f"has {separator * 2!r} in it"
    return None


_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _url_password(url: str) -> str | None:
    """The password written in a database URL, or None."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).password
    except Exception:  # noqa: BLE001 - a URL that cannot be read is refused by its own check
        return None


def imap_folder_key(name: str) -> str:
    """*name* as an IMAP server tells folders apart: INBOX in any case is INBOX."""
    return "INBOX" if name.upper() == "INBOX" else name


class MaildirOutbox(_Strict):
    kind: Literal["maildir"]
    path: MaildirPath


class SmtpOutbox(MailServer):
    kind: Literal["smtp"]
    tls: Tls = "starttls"
    username: str | None = None
    password_env: EnvName | None = None
    timeout_seconds: Annotated[float, Within(0, 600, "seconds", above=True)] = 30.0

    def password(self) -> str | None:
        if self.password_env is None:
            return None
        return _secret(self.password_env, "outbox.password_env")


class DistrictConfig(_Strict):
    code: str = Field(pattern=r"^\d{2}\.\d{2}$")
    name: Name
    senders: list[Email] = Field(min_length=1)
    # senders who are the district office's head (Kepala Dinas) or a division's head (Kepala Bidang): replies
    # greet them by role
    kadis: list[Email] = Field(default_factory=list)
    kabid: list[Email] = Field(default_factory=list)
    threshold: Pieces | None = None
    daily_use: ItemRates = Field(default_factory=dict)
    opening_stock: ItemCounts = Field(default_factory=dict)

    @field_validator("senders", "kadis", "kabid")
    @classmethod
    def _lower(cls, value: list[str]) -> list[str]:
        return [s.lower() for s in value]

    @model_validator(mode="after")
    def _heads_are_senders(self) -> DistrictConfig:
        for key in ("kadis", "kabid"):
            if stray := [a for a in getattr(self, key) if a not in self.senders]:
                raise ValueError(f"{key}: {stray[0]} is not one of the district's senders; list it in senders too")
        return self

    @model_validator(mode="after")
    def _opening_stock_of_every_item(self) -> DistrictConfig:
        """Every item's opening stock is stated: one left out would open at 0 and the first run would alert the
        managers that the district is out of it, on a figure nobody gave (a district that has none writes 0)."""
        if left := [item for item in ITEMS if item not in self.opening_stock]:
            written = ", ".join(f'"{item}" = {self.opening_stock[item] if item in self.opening_stock else "N"}'
                                for item in ITEMS)
            raise ValueError(f"opening_stock: no opening stock for {' and '.join(left)}; write the pieces on hand "
                             f"when mailbot starts (0 if there are none): opening_stock = {{ {written} }}")
        return self


def _days(value: object) -> object:
    """The working days as numbers in a list ([0, 1, 2, 3, 4]): a day or a range written as text ("0-4",
    ["0", "1"], "0,1,2"), as a decimal (0.0) or as true/false is refused with the list to write, its ranges
    written out."""
    members = value if isinstance(value, list) else [value] if isinstance(value, str | bool | float) else []
    if not any(isinstance(m, str | bool | float) for m in members):
        return value
    days: list[int] | None = []
    for member in members:
        written = _days_written(member)
        days = days + written if days is not None and written is not None else None
    shown = f"working_days = [{', '.join(map(str, days))}]" if days else "e.g. working_days = [0, 1, 2, 3, 4]"
    raise ValueError(f"write each day as a number, without quotes, in square brackets: {shown} "
                     "(0 is Monday ... 6 is Sunday)")


def _days_written(member: object) -> list[int] | None:
    """The days one member of working_days names: 3 -> [3], "3" -> [3], "0-4" -> [0, 1, 2, 3, 4], "0, 2" ->
    [0, 2], 1.0 -> [1]; None for anything else (true, "Senin", 0.5)."""
    if isinstance(member, int) and not isinstance(member, bool):
        return [member]
    if isinstance(member, float):
        return [int(member)] if member.is_integer() else None
    if not isinstance(member, str):
        return None
    days: list[int] = []
    for part in (p for p in re.split(r"[\s,;]+", member) if p):
        span = re.fullmatch(r"(\d)\s*(?:-|\u2013|\.\.)\s*(\d)", part)
        if span and int(span[1]) <= int(span[2]):
            days.extend(range(int(span[1]), int(span[2]) + 1))
        elif part.isdigit() and part.isascii():
            days.append(int(part))
        else:
            return None
    return days or None


class StockConfig(_Strict):
    opening_province: ItemCounts = Field(default_factory=lambda: {"ktp-el": 0, "kia": 0})
    threshold: Pieces = 1000
    target_cover_days: Annotated[int, Within(1, 3660, "days")] = 30
    reserve: ItemCounts = Field(default_factory=lambda: {"ktp-el": 5000, "kia": 1000})
    pack_size: SomePieces = 100
    auto_approve_limit: Pieces = 5000
    fallback_daily_use: ItemRates = Field(default_factory=lambda: {"ktp-el": 50.0, "kia": 15.0})
    history_days: Annotated[int, Within(1, 3660, "days")] = 28
    runway_horizon_months: Annotated[float, Within(0, 120, "months", above=True)] = 6.0
    # a share of the larger figure; at 1 or more no difference could ever be over it
    contradiction_tolerance: Annotated[float, Within(0, 0.99, "(a share of the larger figure: 0.25 is 25%)")] = 0.25
    working_days: Annotated[list[int], BeforeValidator(_days)] = Field(default_factory=lambda: [0, 1, 2, 3, 4])
    critical_cover_days: Annotated[float, Within(0, 3660, "days")] = 5.0
    contradiction_min_pieces: Pieces = 100
    trend_tolerance: Annotated[float, Within(0, 10, "(a share of the earlier rate: 0.15 is 15%)")] = 0.15
    contradiction_report_days: Annotated[int, Within(1, 3660, "days")] = 5
    max_quantity_per_movement: SomePieces = 200_000

    @field_validator("opening_province")
    @classmethod
    def _opening_province_of_every_item(cls, value: dict[str, int]) -> dict[str, int]:
        """Every item's opening store is stated, as a district's opening stock is: one left out would open at 0
        and nothing of it would be approved (a province that has none writes 0)."""
        if left := [item for item in ITEMS if item not in value]:
            written = ", ".join(f'"{item}" = {value[item] if item in value else "N"}' for item in ITEMS)
            raise ValueError(f"no opening stock for {' and '.join(left)}; write the pieces in the province's store "
                             f"when mailbot starts (0 if there are none): opening_province = {{ {written} }}")
        return value

    @model_validator(mode="after")
    def _packs_fit_a_movement(self) -> StockConfig:
        if self.pack_size > self.max_quantity_per_movement:
            raise ValueError(f"pack_size {_figure(self.pack_size)} is larger than max_quantity_per_movement "
                             f"{_figure(self.max_quantity_per_movement)}: no shipment of whole packs could be "
                             "approved; correct one of them")
        return self

    @field_validator("working_days")
    @classmethod
    def _distinct_days(cls, value: list[int]) -> list[int]:
        if not value:
            raise ValueError("name at least one working day, e.g. [0, 1, 2, 3, 4] (0 is Monday ... 6 is Sunday)")
        if wrong := [d for d in value if not 0 <= d <= 6]:
            raise ValueError(f"{wrong[0]} is not a day: 0 is Monday ... 6 is Sunday")
        if len(set(value)) < len(value):
            raise ValueError("a day is listed twice (0 is Monday ... 6 is Sunday)")
        return value


class AlertsConfig(_Strict):
    silent_working_days: Annotated[int, Within(1, 3660, "days")] = 2
    held_request_hours: Annotated[float, Within(0, 87600, "hours", above=True)] = 24.0
    attention_hours: Annotated[float, Within(0, 87600, "hours", above=True)] = 24.0
    check_cron: str = "0 */1 * * *"


class DigestConfig(_Strict):
    cron: str = "0 7 * * 1-5"


class GuardsConfig(_Strict):
    authserv_id: str | None = None
    # Secure by default: an office whose server adds no Authentication-Results must say so.
    require_authentication: bool = True
    max_replies_per_sender_per_day: Annotated[int, Within(1, 1_000_000)] = 20
    max_outbound_per_minute: Annotated[int, Within(1, 1_000_000)] = 120
    # a district's mail sent again (a phone client's resend) within this time is recorded once, never acted on
    # twice; a week at most: the same words later are a new mail for a person to weigh
    resend_window_hours: Annotated[float, Within(0, 168, "hours", above=True)] = 24.0
    # a message is read whole into memory: 256 MiB is far over any mail server's limit
    max_message_bytes: Annotated[int, Within(1024, 256 * 1024 * 1024, "bytes")] = 10 * 1024 * 1024
    max_attachments: Annotated[int, Within(0, 1000)] = 10
    max_attachment_bytes: Annotated[int, Within(1, 256 * 1024 * 1024, "bytes")] = 5 * 1024 * 1024
    max_parse_seconds: Annotated[float, Within(0, 600, "seconds", above=True)] = 5.0
    max_mime_parts: Annotated[int, Within(1, 100_000)] = 500
    # nesting is followed by recursion: a depth in the hundreds would reach Python's recursion limit
    max_mime_depth: Annotated[int, Within(1, 50)] = 20

    @model_validator(mode="after")
    def _authserv_needed(self) -> GuardsConfig:
        if self.require_authentication and not self.authserv_id:
            raise ValueError("require_authentication = true needs authserv_id (the office mail server's id); "
                             "set require_authentication = false only if that server adds no Authentication-Results")
        return self

    def resend_window(self) -> timedelta:
        """How long after a mail the same mail sent again is a resend (resend_window_hours)."""
        return timedelta(hours=self.resend_window_hours)

    def trust_warning(self) -> str | None:
        """One line saying what require_authentication = false allows, or None when it is required."""
        if self.require_authentication:
            return None
        return ("guards.require_authentication = false: mail is acted on by its From header alone, so anyone "
                "can write as a district (requests up to the auto-approval limit are approved) or as a manager "
                "(SETUJU/TOLAK are obeyed)")


class RunConfig(_Strict):
    poll_seconds: Annotated[float, Within(0.1, 3600, "seconds")] = 30.0
    outbox_retry_seconds: Annotated[float, Within(0, 86400, "seconds", above=True)] = 60.0
    outbox_max_attempts: Annotated[int, Within(1, 100)] = 10
    # mailbot run reads in one helper process and sends from another (more than one core)
    helper_processes: bool = True


class Config(_Strict):
    _by_code: dict[str, DistrictConfig] = PrivateAttr(default_factory=dict)
    office: OfficeConfig
    database: DatabaseConfig = DatabaseConfig()
    inbox: Annotated[MaildirInbox | ImapInbox, Field(discriminator="kind")]
    outbox: Annotated[MaildirOutbox | SmtpOutbox, Field(discriminator="kind")]
    run: RunConfig = RunConfig()
    stock: StockConfig = StockConfig()
    alerts: AlertsConfig = AlertsConfig()
    digest: DigestConfig = DigestConfig()
    # No default: a file without [guards] is checked like an empty one, so it must name the mail
    # server's authserv_id or say require_authentication = false.
    guards: GuardsConfig
    districts: list[DistrictConfig] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _guards_checked_when_missing(cls, data: object) -> object:
        if isinstance(data, dict) and "guards" not in data:
            return {**data, "guards": {}}
        return data

    @field_validator("districts")
    @classmethod
    def _unique_districts(cls, districts: list[DistrictConfig]) -> list[DistrictConfig]:
        seen_codes: set[str] = set()
        seen_names: dict[str, str] = {}
        seen_senders: dict[str, str] = {}
        for d in districts:
            if d.code in seen_codes:
                raise ValueError(f"district code {d.code} appears twice")
            seen_codes.add(d.code)
            name = " ".join(d.name.split()).casefold()  # the operator types a name in any case (mailbot adjust)
            if name in seen_names:
                raise ValueError(f"district name {d.name!r} is given to both {seen_names[name]} and {d.code}; "
                                 "each district has its own name")
            seen_names[name] = d.code
            for s in d.senders:
                if s in seen_senders and seen_senders[s] == d.code:
                    raise ValueError(f"sender {s} is listed twice in {d.code} (an address is the same in any "
                                     "case); list it once")
                if s in seen_senders:
                    raise ValueError(f"sender {s} is listed for both {seen_senders[s]} and {d.code}")
                seen_senders[s] = d.code
        return districts

    @model_validator(mode="after")
    def _addresses_have_one_role(self) -> Config:
        """The desk's own address is no manager, operator or district sender (its mail to itself would be
        read as theirs), and no address is both a manager and a district's sender (is its SETUJU a
        manager's decision, its figures a district's?)."""
        own = self.office.address.lower()
        managers = {m.lower() for m in self.office.managers}
        roles = [("office.managers", managers), ("office.operator", {(self.office.operator or "").lower()})]
        roles += [(f"[[districts]] {d.code} {d.name}: senders", set(d.senders)) for d in self.districts]
        for key, addresses in roles:
            if own in addresses:
                raise ValueError(f"{key}: {own} is the desk's own address (office.address); mail the desk sends "
                                 "there would come back to it as mail to act on; name a person's address")
        for d in self.districts:
            if both := sorted(managers & set(d.senders)):
                raise ValueError(f"[[districts]] {d.code} {d.name}: senders: {both[0]} is also a manager "
                                 "(office.managers); an address is a manager's or a district's, not both")
        return self

    def warnings(self) -> list[str]:
        """Settings that work but that a careful operator would look at again: one line each."""
        found = [w] if (w := self.guards.trust_warning()) else []
        stock = self.stock
        if left := [item for item in ITEMS if item not in stock.reserve]:  # reserve = {} leaves out every item
            zero = " and ".join(f'"{item}" = 0' for item in left)
            found.append(f"stock.reserve: no reserve for {' and '.join(left)}: the province may ship its whole store "
                         f"of {'it' if len(left) == 1 else 'each'}; write {zero} in reserve if that is meant")
        for item in ITEMS:
            reserve, opening = stock.reserve.get(item, 0), stock.opening_province.get(item, 0)
            if reserve > opening:
                found.append(f"stock.reserve: the {item} reserve {_figure(reserve)} is more than the province's "
                             f"opening stock {_figure(opening)}; nothing of it is approved until a supply "
                             "raises the store above the reserve")
        for item in ITEMS:
            low = [(d, self.threshold_for(d.code)) for d in self.districts
                   if d.opening_stock.get(item) and self.threshold_for(d.code) > d.opening_stock[item]]
            if low:
                named = ", ".join(f"{d.code} {d.name} ({_figure(d.opening_stock[item])} against "
                                  f"{_figure(threshold)})" for d, threshold in low)
                found.append(f"threshold: the opening {item} stock of {len(low)} district(s) is below their "
                             f"low-stock threshold: {named}; the first run mails the managers a low-stock alert and "
                             "a shipment proposal for each (a zero too many in threshold?)")
        if stock.auto_approve_limit > stock.max_quantity_per_movement:
            found.append(f"stock.auto_approve_limit {_figure(stock.auto_approve_limit)} is above "
                         f"max_quantity_per_movement {_figure(stock.max_quantity_per_movement)}: a request over "
                         "the latter is asked back, never approved, so the limit is in effect the latter")
        if 5 in stock.working_days and 0 not in stock.working_days:
            days = ", ".join(_DAY_NAMES[d] for d in sorted(stock.working_days))
            found.append(f"stock.working_days {sorted(stock.working_days)} means {days}: here 0 is Monday (not as "
                         "in crontab, where 1 is); Saturday is a working day and Monday is not; for Monday to Friday "
                         "write [0, 1, 2, 3, 4]")
        guards = self.guards
        if guards.max_attachments == 0:
            found.append("guards.max_attachments = 0: every mail with an attachment (a report's Excel file, a "
                         "signed letter) is quarantined; the shipped value is 10")
        if (password := _url_password(self.database.url)) is not None and password != "":
            found.append("database.url holds a password, which the file should not: leave it out of the URL and "
                         "give it in the environment (PGPASSWORD) or in ~/.pgpass of the user mailbot runs as")
        found += self._district_code_warnings()
        operator = (self.office.operator or "").lower()
        for d in self.districts:
            if operator in d.senders:
                found.append(f"office.operator {operator} is also a sender of {d.code} {d.name}: the operator's "
                             "notices (quarantine, bounces, mail from unknown senders) would go to the district, "
                             "and its mail would be read as the district's; name the operator's own address")
        if guards.authserv_id and ("/" in guards.authserv_id or ":" in guards.authserv_id):
            name = guards.authserv_id.split("://", 1)[-1].split("/", 1)[0]
            found.append(f"guards.authserv_id {guards.authserv_id!r} looks like a URL; it is the mail server's name "
                         "as it writes it first in Authentication-Results, e.g. authserv_id = "
                         f"{name!r}: with this value no district mail is taken as authenticated")
        if guards.max_attachment_bytes > guards.max_message_bytes:
            found.append(f"guards.max_attachment_bytes {guards.max_attachment_bytes} is above "
                         f"max_message_bytes {guards.max_message_bytes}: a message is refused by its "
                         "size before any attachment reaches that limit")
        return found

    def _district_code_warnings(self) -> list[str]:
        """A district code ending in .00 (the province's own code, never a district's) or in another province
        than most of the others: a slip in typing or copying from another province's list."""
        found: list[str] = []
        prefixes = [d.code.split(".")[0] for d in self.districts]
        usual = max(set(prefixes), key=prefixes.count)
        for d in self.districts:
            province, number = d.code.split(".")
            if number == "00":
                found.append(f"district {d.code} {d.name}: code {d.code} is the province {province} itself, "
                             "never a district or city; check the code (Kemendagri's list)")
            elif province != usual and prefixes.count(usual) > 1:
                found.append(f"district {d.code} {d.name}: code {d.code} is in province {province}, the "
                             f"other districts in {usual}; check the code (Kemendagri's list)")
        return found

    def model_post_init(self, _context: object) -> None:
        self._by_code = {d.code: d for d in self.districts}

    def district(self, code: str) -> DistrictConfig | None:
        return self._by_code.get(code)

    def threshold_for(self, code: str) -> int:
        d = self.district(code)
        return d.threshold if d and d.threshold is not None else self.stock.threshold

    @property
    def own_addresses(self) -> tuple[str, ...]:
        return (self.office.address.lower(),)


def _secret(env_name: str, key: str) -> str:
    value = os.environ.get(env_name)
    if not value:
        raise ConfigError(f"{key}: environment variable {env_name} is not set")
    return value
