"""Every error mailbot raises on purpose, in one hierarchy."""


class MailbotError(Exception):
    """Base of every error mailbot raises on purpose."""


class ConfigError(MailbotError):
    """The configuration file is missing, unreadable or invalid."""


class SettingRefused(ConfigError):
    """A setting of the configuration file that no command may work with ("database.url: ... is a database in
    memory"): said, as check-config says it, after the file's name."""


class UsageError(MailbotError):
    """A value typed on the command line that the option or argument does not take (`--item KTP`, `--limit 0`):
    one line, and exit status 2, like the command line parser's own usage errors."""


class NotAnEmailError(MailbotError):
    """Bytes that cannot be read as an RFC 5322 message."""


class LimitExceeded(MailbotError):
    """A message goes over an input limit (size, attachments, parse time); the text starts with the limit's name."""


class UnreadableError(MailbotError):
    """The reader failed on a message (a fault on odd input): the message is quarantined with this reason."""


class TransportError(MailbotError):
    """A mail server could not be reached or refused an operation."""


class TemporaryDeliveryError(TransportError):
    """Delivery failed in a way worth retrying (connection error, 4xx)."""


class PermanentDeliveryError(TransportError):
    """Delivery failed for good (5xx)."""


class DatabaseError(MailbotError):
    """The database cannot be opened or migrated."""


class NewerSchema(DatabaseError, ConfigError):
    """The database was written by a newer mailbot: an installation to put right (exit 2), not a fault to retry."""


class DatabaseAway(DatabaseError):
    """The database server cannot be reached (nothing listens yet, it is starting or shutting down): temporary;
    `mailbot run` waits for it at start."""


class DatabaseRefused(DatabaseError, SettingRefused):
    """The database server answered and refused the connection (password, role or database name): a setting to
    correct (exit 2), not a fault to retry; said after the configuration file's name, as database.url's."""


class ImpossibleLedger(DatabaseError):
    """The ledger in the database holds a figure mailbot never writes (changed outside mailbot)."""


class LockBusy(MailbotError):
    """The desk-wide lock is held by another process or thread (and the caller would not wait)."""


class Quarantine(MailbotError):
    """A message that must not be processed, with the reason recorded beside it."""


class CommandError(MailbotError):
    """A manager's reply that reads as a command but cannot be applied; the manager is asked again.

    parse_manager_command returns it rather than raising it: a command that cannot be applied is
    an outcome to answer, like any other reading of the reply.

    code: "reason_required", "quantity_invalid", "quantity_ambiguous", "quantity_not_positive", "quantity_too_large",
    "unclear_approval", "negated_approval" or "several_references". text: the line as written.
    message: what to tell the manager, in Indonesian.
    """

    def __init__(self, code: str, text: str = "", message: str = "") -> None:
        super().__init__(message or code)
        self.code = code
        self.text = text
        self.message = message

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CommandError):
            return NotImplemented
        return (self.code, self.text, self.message) == (other.code, other.text, other.message)

    def __hash__(self) -> int:
        return hash((self.code, self.text, self.message))

    def __repr__(self) -> str:
        return f"CommandError(code={self.code!r}, text={self.text!r})"


class UnknownRequest(MailbotError):
    """A command named a request reference that does not exist."""


class InvalidAction(MailbotError):
    """A command does not apply to the request in its current state."""


class ApprovalRefused(InvalidAction):
    """An approval no confirmation can make: beyond the free stock or above the most one movement may be.

    indonesian: the same, for a manager who asked by email.
    """

    def __init__(self, message: str, indonesian: str) -> None:
        super().__init__(message)
        self.indonesian = indonesian


class ImapConnectionError(TransportError):
    """The IMAP server cannot be reached, or the connection was lost and could not be restored."""


class ImapUnreachable(ImapConnectionError):
    """The IMAP server away (an outage): the IMAP adapter tells it in its log once, then every ten minutes, and its
    end once, so whoever catches this adds no line of its own."""


class ImapCertificateError(ImapConnectionError):
    """The IMAP server's certificate does not match its name or cannot be verified: nothing is read until the
    configuration (or the server's certificate) is corrected; `mailbot run --once` says so in one line, exit 1."""


class ImapConnectionLimit(ImapConnectionError):
    """The IMAP server refused a second connection of the same user ([LIMIT], [INUSE], "too many connections"):
    the IDLE watcher of `mailbot run` gives way to the connection that fetches."""


class ImapLoginError(TransportError, ConfigError):
    """The IMAP server refused the username or password: a configuration error, not tried again (a mail
    server may lock the account); `mailbot run` stops with exit status 2."""


class ImapMisconfigured(TransportError, ConfigError):
    """The IMAP server can never serve mailbot as configured (another protocol on the port, TLS that does not
    match it, STARTTLS not on offer, a greeting BYE): not retried; `mailbot run` stops with exit status 2."""


class OtherProtocolError(TransportError, ConnectionError):
    """A server port that answers in another protocol than the one configured (a web server at the SMTP
    setting's port), told on the connection just opened: the message is the one line, with the fix, that
    `check-config --connect` and `mailbot run` say alike (mailbot.transports.probe.wrong_port). A
    ConnectionError, so that every place that handles a connection that failed handles it."""


class SlowGreeting(TransportError, TimeoutError):
    """A server that began its greeting but had not sent its first line whole within the connect timeout (an
    overloaded server, a poor link): a condition that may pass, retried by `mailbot run` as a silent server is,
    said by `check-config --connect` as a slow server, never as another protocol (mailbot.transports.probe).

    said: the bytes it had sent by then; seconds: the time it was given."""

    def __init__(self, said: bytes, seconds: float) -> None:
        text = said.decode("ascii", "replace").strip()
        self.shown = "".join(c if c.isprintable() and c.isascii() else "?" for c in text)[:40]
        super().__init__(f'its greeting had not come whole after {seconds:g} s, only "{self.shown}"')
        self.said = said
        self.seconds = seconds


class ImapCommandError(TransportError):
    """The IMAP server answered NO or BAD to a command."""


class SmtpConnectionError(TemporaryDeliveryError):
    """The SMTP server cannot be reached, or it dropped the connection."""


class NotAttempted(TemporaryDeliveryError):
    """A mail never handed to the server (its connection was lost before the mail's turn): retried
    without using up one of its attempts."""


class SendingMisconfigured(TransportError):
    """The SMTP server refuses mailbot itself, not a mail (a login refused with 535, the office's sender
    address refused at MAIL FROM): the operator must correct the configuration. No mail is to blame, so
    none fails and none uses up an attempt; the mail stays queued until the configuration is corrected."""


# How an outbox row's last_error begins when the server refused mailbot itself (SendingMisconfigured), so that
# `check-config` can tell such a refusal, recorded by the last run, from a mail's own failure.
MISCONFIGURED_MARK = "configuration error: "


class RecipientsRefusedError(PermanentDeliveryError):
    """The SMTP server refused one or more recipients for good (5xx at RCPT)."""

    def __init__(self, message: str, refused: dict[str, tuple[int, str]], partial: bool, where: str = "") -> None:
        super().__init__(message)
        self.refused = refused
        self.partial = partial
        self.where = where  # the server, HOST:PORT

    def refused_for_good(self, recipients: list[str]) -> str:
        """This refusal's words for *recipients* alone (those of them refused for good), as the transport words
        a refusal."""
        listing = "; ".join(f"{a}: {self.refused[a][0]} {self.refused[a][1]}" for a in recipients)
        return f"recipients refused by {self.where}: {listing}"


class QuantityError(MailbotError):
    """A typed quantity that cannot be taken as one whole number of pieces.

    code: "invalid", "ambiguous", "not_positive" or "too_large"; the message is one English line
    with the fix. indonesian and examples: the same fix for a manager's email, where one is known: why, as
    Indonesian words after 'Jumlah "1.5rb"', and the figures to write instead ("1,5 rb", "1.500"), one with the
    words that say when to write it where it needs them ("1.500 bila yang dimaksud jumlah keduanya"). two_ways: of
    one figure that can be read two ways ("dua ribu lima": 2.005 as written, or 2.500 said short), the two readings
    ("2.005", "2.500"), as a district is asked back about it; () for any other refusal.
    """

    def __init__(self, code: str, message: str, *, indonesian: str = "", examples: tuple[str, ...] = (),
                 two_ways: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.code = code
        self.indonesian = indonesian
        self.examples = examples
        self.two_ways = two_ways


class Stopped(BaseException):
    """SIGTERM or Ctrl-C to a command that is not the service (mailbot.stopping): raised where the command is (its
    transaction rolls back), so that the command says in one line what was kept (mailbot.cli.main). Not an
    Exception: no handler of a failure catches it."""

    def __init__(self, signum: int, said: str | None = None) -> None:
        super().__init__(signum)
        self.signum = signum
        self.said = said  # what the command kept, in its own words (else the words for a database command)
