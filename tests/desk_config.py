"""A complete mailbot config.toml pointing at the test Dovecot and aiosmtpd servers."""

from __future__ import annotations

from pathlib import Path

from tests.servers import DISTRICTS, DovecotServer, SmtpServer

DESK_ADDRESS = "blangko@disdukcapil.kaltara.test"
PASSWORD_ENV = "MAILBOT_TEST_IMAP_PASSWORD"


def write_desk_config(
    folder: Path,
    dovecot: DovecotServer,
    smtp: SmtpServer,
    *,
    idle: bool = True,
    poll_seconds: float = 30.0,
    outbox_retry_seconds: float = 1.0,
    fetch_batch: int = 200,
    max_outbound_per_minute: int = 100_000,
    max_replies_per_sender_per_day: int = 20,
    opening_province: int = 10_000_000,
    max_message_bytes: int = 10 * 1024 * 1024,
    extra_inbox: str = "",
    helper_processes: bool = True,
) -> Path:
    """Write *folder*/config.toml (SQLite database beside it) and return its path."""
    districts = "\n".join(
        f"""
[[districts]]
code = "{code}"
name = "{name}"
senders = ["{address}"]
opening_stock = {{ "ktp-el" = 3000, "kia" = 1000 }}
"""
        for code, name, address in DISTRICTS
    )
    text = f"""
[office]
name = "Disdukcapil Provinsi Kalimantan Utara"
address = "{DESK_ADDRESS}"
managers = ["kadis@disdukcapil.kaltara.test"]
operator = "operator@disdukcapil.kaltara.test"

[database]
url = "sqlite:///{folder / 'mailbot.db'}"

[inbox]
kind = "imap"
host = "{dovecot.host}"
port = {dovecot.port}
tls = "none"
username = "{dovecot.user}"
password_env = "{PASSWORD_ENV}"
idle = {str(idle).lower()}
poll_seconds = {poll_seconds}
fetch_batch = {fetch_batch}
connect_timeout_seconds = 5
read_timeout_seconds = 30
max_backoff_seconds = 2
{extra_inbox}

[outbox]
kind = "smtp"
host = "{smtp.host}"
port = {smtp.port}
tls = "none"
timeout_seconds = 5

[run]
poll_seconds = {poll_seconds}
outbox_retry_seconds = {outbox_retry_seconds}
outbox_max_attempts = 10
helper_processes = {str(helper_processes).lower()}

[stock]
opening_province = {{ "ktp-el" = {opening_province}, "kia" = {opening_province} }}
auto_approve_limit = 100000

[guards]
# The test servers add no Authentication-Results: the sender lists alone decide here.
require_authentication = false
max_outbound_per_minute = {max_outbound_per_minute}
max_replies_per_sender_per_day = {max_replies_per_sender_per_day}
max_message_bytes = {max_message_bytes}
{districts}
"""
    path = folder / "config.toml"
    path.write_text(text)
    return path


def edit_config(path: Path, old: str, new: str) -> None:
    """Replace the first *old* in the config file at *path* with *new*; *old* must be there."""
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
