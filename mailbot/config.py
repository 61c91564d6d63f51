"""The configuration's models: what each setting may be, validated by pydantic.

Reading the file, resolving its relative paths and reporting its problems is mailbot.configfile's.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    field_validator,
    model_validator,
)

from mailbot.errors import ConfigError
from mailbot.stock.ledger import PROVINCE as PROVINCE  # the province's location code, defined with the ledger

Item = Literal["ktp-el", "kia"]
ITEMS: tuple[str, ...] = ("ktp-el", "kia")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Email = Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
# The name of an environment variable holding a password (the password itself never goes in the file).
EnvName = Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")]
Host = Annotated[str, Field(pattern=r"^[^\s/]+$")]


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
        raise ValueError(f"{value!r} is not a whole number of pieces: TOML reads 66.000 without quotes as 66; "
                         'write 66000 or "66.000"')
    if isinstance(value, str):
        if value.strip() == "0":
            return 0
        try:
            return parse_quantity(value)
        except QuantityError as exc:
            raise ValueError(str(exc)) from None
    return value


Pieces = Annotated[int, BeforeValidator(_pieces), Field(ge=0, le=MAX_PIECES)]

# Per-item figures, e.g. { "ktp-el" = 66000, "kia" = 20000 }.
ItemCounts = Annotated[dict[str, Pieces], AfterValidator(_known_items)]
ItemRates = Annotated[dict[str, Annotated[float, Field(ge=0, le=MAX_PIECES)]], AfterValidator(_known_items)]


class OfficeConfig(_Strict):
    name: str
    address: Email
    managers: list[Email] = Field(min_length=1)
    timezone: str = "Asia/Makassar"
    operator: Email | None = None
    signature: str = "Bidang Pelayanan Pendaftaran Penduduk"

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}{_zone_hint(value)}") from exc
        return value

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def domain(self) -> str:
        return self.address.rsplit("@", 1)[1].lower()


# The zones Indonesians name by their abbreviation, which the time zone database does not know.
_INDONESIAN_ZONES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}


def _zone_hint(value: str) -> str:
    import difflib
    from zoneinfo import available_timezones

    if zone := _INDONESIAN_ZONES.get(value.strip().upper()):
        return f"; {value.strip().upper()} is written {zone!r}"
    close = difflib.get_close_matches(value, sorted(available_timezones()), n=1)
    return f" (did you mean {close[0]!r}?)" if close else "; write a zone like 'Asia/Makassar' (WITA)"


class DatabaseConfig(_Strict):
    url: str = "sqlite:///var/mailbot.db"
    echo: bool = False

    @property
    def in_memory(self) -> bool:
        """An SQLite database that lives in this process only ("sqlite://", ":memory:")."""
        url = self.url.strip()
        return url.startswith("sqlite") and (url.rstrip("/") in ("sqlite:", "sqlite+pysqlite:") or ":memory:" in url)


class MaildirInbox(_Strict):
    kind: Literal["maildir"]
    path: Path


class ImapInbox(_Strict):
    kind: Literal["imap"]
    host: Host
    port: int | None = Field(default=None, ge=1, le=65535)
    tls: Literal["implicit", "starttls", "none"] = "implicit"
    verify_certificate: bool = True
    ca_file: Path | None = None
    username: str
    password_env: EnvName
    folder: str = "INBOX"
    processed_folder: str = "mailbot/processed"
    quarantine_folder: str = "mailbot/quarantine"
    idle: bool = True
    idle_renew_seconds: float = Field(default=240.0, gt=0, le=1740)
    poll_seconds: float = Field(default=60.0, gt=0)
    connect_timeout_seconds: float = Field(default=15.0, gt=0)
    read_timeout_seconds: float = Field(default=60.0, gt=0)
    fetch_batch: int = Field(default=200, ge=1, le=5000)
    max_backoff_seconds: float = Field(default=300.0, gt=0)

    def password(self) -> str:
        return _secret(self.password_env, "inbox.password_env")


class MaildirOutbox(_Strict):
    kind: Literal["maildir"]
    path: Path


class SmtpOutbox(_Strict):
    kind: Literal["smtp"]
    host: Host
    port: int | None = Field(default=None, ge=1, le=65535)
    tls: Literal["implicit", "starttls", "none"] = "starttls"
    verify_certificate: bool = True
    ca_file: Path | None = None
    username: str | None = None
    password_env: EnvName | None = None
    timeout_seconds: float = Field(default=30.0, gt=0)

    def password(self) -> str | None:
        if self.password_env is None:
            return None
        return _secret(self.password_env, "outbox.password_env")


class DistrictConfig(_Strict):
    code: str = Field(pattern=r"^\d{2}\.\d{2}$")
    name: str
    senders: list[Email] = Field(min_length=1)
    threshold: Pieces | None = None
    daily_use: ItemRates = Field(default_factory=dict)
    opening_stock: ItemCounts = Field(default_factory=dict)

    @field_validator("senders")
    @classmethod
    def _lower(cls, value: list[str]) -> list[str]:
        return [s.lower() for s in value]


class StockConfig(_Strict):
    opening_province: ItemCounts = Field(default_factory=lambda: {"ktp-el": 0, "kia": 0})
    threshold: Pieces = 1000
    target_cover_days: int = Field(default=30, ge=1, le=3660)
    reserve: ItemCounts = Field(default_factory=lambda: {"ktp-el": 5000, "kia": 1000})
    pack_size: Annotated[Pieces, Field(ge=1)] = 100
    auto_approve_limit: Pieces = 5000
    fallback_daily_use: ItemRates = Field(default_factory=lambda: {"ktp-el": 50.0, "kia": 15.0})
    history_days: int = Field(default=28, ge=1, le=3660)
    runway_horizon_months: float = Field(default=6.0, gt=0, le=120)
    contradiction_tolerance: float = Field(default=0.25, ge=0)
    working_days: list[int] = Field(default_factory=lambda: [0, 1, 2, 3, 4])
    critical_cover_days: float = Field(default=5.0, ge=0, le=3660)
    contradiction_min_pieces: Pieces = 100
    trend_tolerance: float = Field(default=0.15, ge=0)
    contradiction_report_days: int = Field(default=5, ge=1, le=3660)
    max_quantity_per_movement: Annotated[Pieces, Field(ge=1)] = 200_000


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
    silent_working_days: int = Field(default=2, ge=1, le=3660)
    held_request_hours: float = Field(default=24.0, gt=0, le=87600)
    attention_hours: float = Field(default=24.0, gt=0, le=87600)
    check_cron: str = "0 */1 * * *"


class DigestConfig(_Strict):
    cron: str = "0 7 * * 1-5"


class GuardsConfig(_Strict):
    authserv_id: str | None = None
    # Secure by default: an office whose server adds no Authentication-Results must say so.
    require_authentication: bool = True
    max_replies_per_sender_per_day: int = Field(default=20, ge=1)
    max_outbound_per_minute: int = Field(default=120, ge=1)
    max_message_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)
    max_attachments: int = Field(default=10, ge=0)
    max_attachment_bytes: int = Field(default=5 * 1024 * 1024, ge=1)
    max_parse_seconds: float = Field(default=5.0, gt=0)
    max_mime_parts: int = Field(default=500, ge=1)
    max_mime_depth: int = Field(default=20, ge=1)

    @model_validator(mode="after")
    def _authserv_needed(self) -> GuardsConfig:
        if self.require_authentication and not self.authserv_id:
            raise ValueError("require_authentication = true needs authserv_id (the office mail server's id); "
                             "set require_authentication = false only if that server adds no Authentication-Results")
        return self

    def trust_warning(self) -> str | None:
        """One line saying what require_authentication = false allows, or None when it is required."""
        if self.require_authentication:
            return None
        return ("guards.require_authentication = false: mail is acted on by its From header alone, so anyone "
                "can write as a district (requests up to the auto-approval limit are approved) or as a manager "
                "(SETUJU/TOLAK are obeyed)")


class RunConfig(_Strict):
    poll_seconds: float = Field(default=30.0, gt=0)
    outbox_retry_seconds: float = Field(default=60.0, gt=0)
    outbox_max_attempts: int = Field(default=10, ge=1)
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
        seen_senders: dict[str, str] = {}
        for d in districts:
            if d.code in seen_codes:
                raise ValueError(f"district code {d.code} appears twice")
            seen_codes.add(d.code)
            for s in d.senders:
                if s in seen_senders:
                    raise ValueError(f"sender {s} is listed for both {seen_senders[s]} and {d.code}")
                seen_senders[s] = d.code
        return districts

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
