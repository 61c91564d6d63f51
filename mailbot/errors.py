"""Every error mailbot raises on purpose, in one hierarchy."""


class MailbotError(Exception):
    """Base of every error mailbot raises on purpose."""


class ConfigError(MailbotError):
    """The configuration file is missing, unreadable or invalid."""


class NotAnEmailError(MailbotError):
    """Bytes that cannot be read as an RFC 5322 message."""


class LimitExceeded(MailbotError):
    """A message goes over an input limit (size, attachments, parse time)."""


class TransportError(MailbotError):
    """A mail server could not be reached or refused an operation."""


class TemporaryDeliveryError(TransportError):
    """Delivery failed in a way worth retrying (connection error, 4xx)."""


class PermanentDeliveryError(TransportError):
    """Delivery failed for good (5xx)."""


class UnknownRequest(MailbotError):
    """A command named a request reference that does not exist."""


class InvalidAction(MailbotError):
    """A command does not apply to the request in its current state."""


class ImapConnectionError(TransportError):
    """The IMAP server cannot be reached, or the connection was lost and could not be restored."""


class ImapLoginError(TransportError):
    """The IMAP server refused the username or password."""


class ImapCommandError(TransportError):
    """The IMAP server answered NO or BAD to a command."""


class SmtpConnectionError(TemporaryDeliveryError):
    """The SMTP server cannot be reached, or it dropped the connection."""


class SmtpConfigurationError(PermanentDeliveryError):
    """The SMTP server cannot be used as configured (no STARTTLS, no AUTH on offer): retrying cannot help."""


class RecipientsRefusedError(PermanentDeliveryError):
    """The SMTP server refused one or more recipients for good (5xx at RCPT)."""

    def __init__(self, message: str, refused: dict[str, tuple[int, str]], partial: bool) -> None:
        super().__init__(message)
        self.refused = refused
        self.partial = partial
