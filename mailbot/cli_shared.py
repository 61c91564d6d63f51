"""What every `mailbot` command shares: the Typer application, the consoles, the global options, the
configuration and the desk they open (mailbot.cli and mailbot.cli_people add the commands)."""

from __future__ import annotations

import logging
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer
from rich.console import Console

from mailbot import __version__, stopping
from mailbot.config import ITEMS, Config
from mailbot.configfile import load_config, resolve_path
from mailbot.errors import MailbotError, UsageError
from mailbot.logs import ZonedFormatter
from mailbot.suggest import did_you_mean

if TYPE_CHECKING:
    from mailbot.desk import Desk
    from mailbot.outbox import FlushResult


# What --help shows after an option or argument: words, not Python types (typer prints "<str>", "<int>",
# "<list[Path]>"); a flag takes no value and shows none.
_METAVARS = {"str": "TEXT", "int": "N", "float": "NUMBER", "path": "FILE", "Path": "FILE"}


def _readable_metavar(param: typer.core.TyperOption | typer.core.TyperArgument, ctx: object) -> str | None:
    if isinstance(param, typer.core.TyperArgument):
        return None  # the argument's name (its metavar) is shown already: not twice
    if param.metavar is not None:
        return param.metavar
    if isinstance(param, typer.core.TyperOption) and param.is_flag:
        return None
    label = str(param.display_type(ctx)).strip("<>")  # type: ignore[arg-type]
    many = label.startswith("list[") or param.nargs != 1
    label = label.removeprefix("list[").removesuffix("]")
    return _METAVARS.get(label, label.upper()) + ("..." if many else "")


typer.core.TyperOption.display_type_rich = _readable_metavar  # type: ignore[method-assign,assignment]
typer.core.TyperArgument.display_type_rich = _readable_metavar  # type: ignore[method-assign,assignment]

class SignedArguments(typer.core.TyperCommand):
    """A command whose arguments may start with a minus ("adjust province -20", "replay -1"): tokens that
    look like options are let through as arguments, so a misspelt option ("--referense") would be taken
    for one too. Here a token that is neither a known option nor a number is refused as an option, with
    the nearest known one. The letting through is click's ignore_unknown_options, which the command sets
    itself: the one never goes without the other."""

    def __init__(self, name: str | None, *, context_settings: dict[str, Any] | None = None, **rest: Any) -> None:
        super().__init__(name, context_settings={**(context_settings or {}), "ignore_unknown_options": True},
                         **rest)

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:  # type: ignore[override]
        known = {opt for param in self.get_params(ctx) for opt in (*param.opts, *param.secondary_opts)}
        for token in args:
            if token == "--":
                break
            name = token.split("=", 1)[0]
            if name.startswith("-") and name not in known and not _signed_figure(name):
                options = sorted(o for o in known if o.startswith("--"))
                raise _NoSuchOption(f"No such option: {name}" + did_you_mean("-" + name.lstrip("-"), options),
                                    ctx=ctx)
        return super().parse_args(ctx, args)


def _signed_figure(token: str) -> bool:
    """Whether *token* is a figure with a sign ("-500", "-2.000", "\u221220", "-dua puluh"), not an option
    ("-reason", "-x": a dash and a word no number is written with)."""
    if not _NUMBER_LIKE_RE.match(token):
        return False
    rest = token.lstrip("-\u2212+ ")
    if not rest or rest[0].isdigit():
        return True
    from mailbot.reader.numbers import parse_words

    return parse_words(rest) is not None


class _NoSuchOption(typer.BadParameter):
    """An option the command does not have, told as the command line parser tells it."""

    def format_message(self) -> str:
        return self.message


def _given_twice(command: typer.core.TyperCommand | typer.core.TyperGroup, ctx: typer.Context,
                 args: list[str]) -> str | None:
    """"--item is given twice (kia, ktp-el); give it once" for an option that takes one value and is given more
    than once ("supply receive 100 --item kia --item ktp-el"); the parser would take the last one unsaid."""
    group = isinstance(command, typer.core.TyperGroup)
    for param in command.get_params(ctx):
        if not isinstance(param, typer.core.TyperOption) or param.is_flag or param.multiple or param.count:
            continue
        names = (*param.opts, *param.secondary_opts)
        values: list[str] = []
        for i, token in enumerate(args):
            if token == "--" or (group and not token.startswith("-") and (i == 0 or args[i - 1] not in names)):
                break  # a group's own options end at its subcommand ("mailbot -c a.toml status ...")
            if token in names:
                values.append(args[i + 1] if i + 1 < len(args) else "")
            elif token.startswith("--") and token.split("=", 1)[0] in names and "=" in token:
                values.append(token.split("=", 1)[1])
        if len(values) > 1:
            shown = ", ".join(repr(v) for v in values)
            times = "twice" if len(values) == 2 else f"{len(values)} times"
            return f"{max(names, key=len)} is given {times} ({shown}); give it once"
    return None


def _refusing_twice(parse_args: Callable[..., list[str]]) -> Callable[..., list[str]]:
    """*parse_args* of a command or a group ("mailbot -c a.toml --config=b.toml ..."), first refusing an option
    given twice (_given_twice)."""
    def parse_args_once(self: typer.core.TyperCommand | typer.core.TyperGroup, ctx: typer.Context,
                        args: list[str]) -> list[str]:
        if (twice := _given_twice(self, ctx, args)) is not None:
            raise _NoSuchOption(twice, ctx=ctx)
        return parse_args(self, ctx, args)
    return parse_args_once


typer.core.TyperCommand.parse_args = _refusing_twice(typer.core.TyperCommand.parse_args)  # type: ignore[method-assign]
typer.core.TyperGroup.parse_args = _refusing_twice(typer.core.TyperGroup.parse_args)  # type: ignore[method-assign]


# "-500", "-2.000", "-1,5", "−2" (a minus sign), "-dua": an argument with a sign, not an option; an
# option is a dash and a letter or two dashes and a name.
_NUMBER_LIKE_RE = re.compile(r"[\u2212+]|-(?!-)\s*(?:[0-9]|[^\W\d_]{3})")


app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="mailbot: the email request desk for blank e-ID cards (blangko KTP-el).")
supply_app = typer.Typer(no_args_is_help=True, help="Supply from the ministry.")
outbox_app = typer.Typer(no_args_is_help=True, help="The outgoing mail queue.")
app.add_typer(supply_app, name="supply")
app.add_typer(outbox_app, name="outbox")
quarantine_app = typer.Typer(help="Messages that could not be processed.")
app.add_typer(quarantine_app, name="quarantine")

# A command started with a standard stream closed (`mailbot status >&-`, some cron and service wrappers)
# has None there: its output goes nowhere instead of failing before the command runs.
for _name in ("stdin", "stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "r" if _name == "stdin" else "w", encoding="utf-8"))  # noqa: SIM115



# Typographic marks a terminal that is not UTF-8 may not have, in the ASCII the reader knows them by.
_IN_ASCII = str.maketrans({"\u2026": "...", "\u00b7": "-", "\u2014": "-", "\u2013": "-", "\u2212": "-",
                           "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2192": "->",
                           "\u2264": "<=", "\u2265": ">=", "\u00d7": "x", "\u2022": "*", "\u00a0": " ",
                           "\u202f": " "})


def fit_for(text: str, encoding: str) -> str:
    """*text* as a terminal in *encoding* can show it: what it cannot, a typographic mark in ASCII, a letter
    without its accent, else "?" (the command's output, never a UnicodeEncodeError).

    >>> fit_for("Sisa 1.500 keping\u2026 \u00b7 Pe\u0301rez P\u00e9rez \u2603", "ascii")
    'Sisa 1.500 keping... - Perez Perez ?'
    """
    shown = []
    for char in text:
        try:
            char.encode(encoding)
        except UnicodeEncodeError:
            plain = char.translate(_IN_ASCII)
            if unicodedata.combining(char):  # an accent of its own, on the letter before it
                plain = ""
            elif plain == char:
                plain = unicodedata.normalize("NFKD", char).encode(encoding, "ignore").decode(encoding) or "?"
            char = plain
        shown.append(char)
    return "".join(shown)


class _ReaderMayLeave:
    """sys.stdout for the commands: when the reader of a pipe leaves early (`mailbot requests | head -1`), the
    rest of the output goes nowhere and the command ends as it would have (exit 0), with no BrokenPipeError
    (also none when Python flushes at exit)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            try:
                return self._stream.write(text)
            except UnicodeEncodeError:  # a terminal that is not UTF-8 (PYTHONIOENCODING=ascii, a latin-1 locale)
                return self._stream.write(fit_for(text, self._stream.encoding or "ascii"))
        except BrokenPipeError:
            self._to_nowhere()
            return len(text)
        except OSError as exc:
            self._cannot_write(exc)
            raise  # (never reached)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            self._to_nowhere()
        except OSError as exc:
            self._cannot_write(exc)

    def _cannot_write(self, exc: OSError) -> None:
        """The output's file refused it (`mailbot status > report.txt` on a full disk): one line, and the
        rest goes nowhere, so nothing is written twice at exit either."""
        try:
            target = os.readlink(f"/proc/self/fd/{self._stream.fileno()}")
        except OSError:
            target = ""
        self._to_nowhere()
        where = f" to {target}" if target.startswith("/") else ""
        raise MailbotError(f"cannot write the output{where}: {exc.strerror or exc}") from None

    def _to_nowhere(self) -> None:
        nowhere = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(nowhere, self._stream.fileno())
        finally:
            os.close(nowhere)

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


if not isinstance(sys.stdout, _ReaderMayLeave) and hasattr(sys.stdout, "fileno"):
    sys.stdout = _ReaderMayLeave(sys.stdout)


def terminal_console(stream: TextIO, environ: Mapping[str, str], *, stderr: bool = False) -> Console:
    """The console the commands print on: sys.stdout (with *stderr*, sys.stderr) as it is when printing,
    *stream* being what it is now.

    Its width: the terminal's (COLUMNS when set, else what the terminal says); piped output (logs,
    files, tests) gets room for the full tables, 160 columns (COLUMNS is no guide there: a parent
    process that loaded GNU readline exports its own terminal's width to every child). NO_COLOR
    (https://no-color.org) set to anything: no colour, bold or other style at all, only the text.
    """
    terminal = stream.isatty()
    width = None if terminal else 160
    if environ.get("NO_COLOR"):
        return Console(stderr=stderr, width=width, force_terminal=terminal or None, color_system=None,
                       no_color=True, highlight=False, _environ=environ)
    return Console(stderr=stderr, width=width, force_terminal=terminal or None, _environ=environ)


out = terminal_console(sys.stdout, os.environ)
err = terminal_console(sys.stderr, os.environ, stderr=True)
if os.environ.get("NO_COLOR"):
    # the help's console (typer's) alike: its layout, without colour, bold or any other style
    import typer.rich_utils

    typer.rich_utils.COLOR_SYSTEM = None


def known_item(value: str | None) -> str | None:
    """The --item option's check, for every command that takes one (a typer callback)."""
    if value is None:
        return None
    item = value.strip().lower()  # "KIA" and "KTP-el" name the same items
    if item not in ITEMS:
        raise UsageError(f"--item {value}: not an item; use one of {', '.join(ITEMS)}")
    return item


class State:
    config_path: Path | None = None
    verbose: bool = False


state = State()


def _print_version(value: bool) -> None:
    if value:
        out.print(f"mailbot {__version__}")
        raise typer.Exit()


@app.callback()
def _global(
    ctx: typer.Context,
    config: Annotated[
        Path | None,
        typer.Option("--config", "-c", help="Config file (else $MAILBOT_CONFIG, else ./config.toml)."),
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log every step.")] = False,
    version: Annotated[bool, typer.Option("--version", is_eager=True, callback=_print_version,
                                          help="Print the version and exit.")] = False,
) -> None:
    if ctx.invoked_subcommand != "run":
        stopping.release()  # only `run` (and `run --once`) finishes what it has in hand on a stop (mailbot.stopping)
    state.config_path = config
    state.verbose = verbose
    handler = logging.StreamHandler()
    handler.setFormatter(LOG_FORMAT)
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, handlers=[handler])


LOG_FORMAT = ZonedFormatter()


def _config_path() -> Path:
    """The configuration file this command reads."""
    return resolve_path(str(state.config_path) if state.config_path else None)


def _config() -> Config:
    config = load_config(_config_path())
    LOG_FORMAT.tz = config.office.tz  # until the configuration is read, times are in UTC (and say so)
    return config


@contextmanager
def _desk(*, read_only: bool = False) -> Iterator[Desk]:
    """The desk a command works on; *read_only* for a command that only reads (it then works on a read-only
    mount or file too, see mailbot.app.open_desk)."""
    from mailbot.app import open_desk

    desk = open_desk(_config(), read_only=read_only)
    desk.by_person = True  # the mail a command queues is a person's doing (mailbot.outgoing.queue)
    try:
        yield desk
    finally:
        desk.close()


# What --by and a request reference mean, for every command that takes them.
BY_HELP = "Who does this, recorded in the history (default: your login name), e.g. --by \"Kabid Dafduk\"."
REF_HELP = "Request reference, as in `mailbot requests` and the district's mail subject, e.g. BLK-2026-0042."

# Answers to a yes/no question at the terminal: the operator may answer in Indonesian or in English.
YES = ("y", "ya", "iya", "yes")
NO = ("n", "tidak", "tdk", "no", "")


def confirm(question: str) -> bool:
    """Ask *question* at the terminal until answered yes (y, ya, iya, yes) or no (n, tidak, no, Enter);
    the end of input aborts (nothing changed)."""
    while True:
        answer = typer.prompt(f"{question} [y/N] (y/ya = yes, n/tidak = no)", default="", show_default=False)
        typed = answer.strip().lower()
        if typed in YES:
            return True
        if typed in NO:
            return False
        typer.echo(f"{answer.strip()!r} is not an answer: type y (ya) or n (tidak)", err=True)


def large_movement_confirmed(command: str, location: str, item: str, change: int, *, yes: bool) -> None:
    """Ask before *command* books *change* pieces at *location* when the figure looks unusually large for it
    (the same concerns as a manual approval's, said and confirmed the same way); off a terminal it is refused
    unless --yes."""
    from mailbot import actions

    with _desk() as desk, desk.sessions() as session:
        concerns = actions.movement_concerns(session, desk, location=location, item=item, change=change)
    if concerns and not yes:
        said = f"{command}: {actions.concerns_text(change, concerns, doing='booking', item=item)}"
        if not sys.stdin.isatty():  # no one to ask: the option that confirms it is named
            raise MailbotError(f"{said}; nothing was booked; if the figure is right, add --yes")
        if not confirm(f"{said}. Book it anyway?"):  # the operator said no: nothing more to suggest
            raise MailbotError(f"{command}: nothing was booked")


def asked_yes(question: str) -> bool:
    """*question* confirmed at a terminal (confirm); off a terminal (a script, cron) never: what needs the
    operator's yes is then refused, saying which option says it."""
    return sys.stdin.isatty() and confirm(question)


def _actor(who: str | None) -> str:
    import getpass

    if who:
        plain_text(who, "--by")
    return who or f"cli:{getpass.getuser()}"


# Bidirectional overrides and isolates: they reorder what a terminal or a mail reader shows.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def utf8_text(value: str, what: str) -> str:
    """*value* as typed, refused in one line (a usage error) when the terminal sent a byte that is no UTF-8 (a
    Latin-1 or Windows terminal's "é" or curly apostrophe: Python keeps it as a lone surrogate, which no database
    or mail takes)."""
    for position, char in enumerate(value):
        if "\ud800" <= char <= "\udfff":
            raise UsageError(f"{what}: character {position + 1} is a byte that is not UTF-8 (the terminal's "
                             "encoding); set the terminal to UTF-8 (e.g. LANG=C.UTF-8) and type it again")
    return value


def plain_text(value: str, option: str) -> str:
    """*value*, the text an operator typed for *option* (--reason, --note, --by), refused in one line (a usage
    error) when it holds a control character (an escape sequence, a line break, a NUL) or a bidirectional
    override: it is stored in the history and may be mailed to a district, and would be printed raw to the
    next operator's terminal."""
    import unicodedata

    utf8_text(value, option)
    for position, char in enumerate(value):
        if unicodedata.category(char) == "Cc" or char in _BIDI:
            raise UsageError(f"{option}: holds the control character {char!r} as its character number "
                             f"{position + 1}, which would be stored and mailed as it is; type plain text on one line")
    return value


def plain_option(ctx: typer.Context, param: typer.CallbackParam, value: str | None) -> str | None:
    """The typer callback of the options that take an operator's text (see plain_text)."""
    if value is None:
        return None
    option = max(param.opts, key=len) if param.opts else f"--{param.name}"
    return plain_text(value, option)


def by_option(ctx: typer.Context, param: typer.CallbackParam, value: str | None) -> str | None:
    """The typer callback of --by: the operator's text (plain_text), without the spaces around it, refused in one
    line when it names nobody ("   ", "-"): it is mailed to the district as the decider, as an empty --reason
    would be mailed as the reason."""
    if value is None:
        return None
    plain_text(value, "--by")
    if not any(char.isalnum() for char in value):
        raise UsageError(f"--by: {value!r} names nobody; give who does this, e.g. --by \"Kabid Dafduk\", or leave "
                         "--by out (then your login name is recorded)")
    return value.strip()


# --by, the same option for every command that records who did it: the operator's text, refused with a control
# character as --reason is (plain_option) and when it names nobody.
ByOption = Annotated[str | None, typer.Option("--by", help=BY_HELP, callback=by_option)]

# --yes, for the commands that book a movement the operator types: a figure that looks unusually large for its
# place is booked without the question (mailbot.actions.large_movement_concerns), which off a terminal is a refusal.
YesOption = Annotated[bool, typer.Option(
    "--yes", help="Book it even if the figure looks unusually large for the place (off a terminal, a large "
                  "figure is refused without it).")]


BOM = b"\xef\xbb\xbf"


def read_eml(path: Path, most: int) -> bytes:
    """The bytes of the .eml file *path* (`import`, `parse`): at most *most* + 1 (one more than a message
    may have, so an over-size file shows as such without being read whole), without the UTF-8 byte order
    mark a text editor may put before the headers. What is not a regular file (a device such as /dev/zero,
    a pipe that may never end, a folder) is refused in one line before anything is read."""
    try:
        if not path.is_file():
            what = "a folder" if path.is_dir() else "not a file" if path.exists() else "no such file"
            raise MailbotError(f"{path}: {what}; give .eml files (one message each)")
        with path.open("rb") as fh:
            raw = fh.read(most + 1 + len(BOM))
    except OSError as exc:
        raise MailbotError(f"{path}: cannot read: {exc.strerror}") from None
    return raw[len(BOM):][:most + 1] if raw.startswith(BOM) else raw[:most + 1]


def typed_minus(text: str) -> str:
    """*text* with an en dash or em dash before its figure written as the minus it stands for ("–20", as a
    phone keyboard or a word processor turns "-20"), as the Unicode minus already is. On the command line
    only: in a manager's email a dash after SETUJU separates the word from the figure."""
    import re

    return re.sub(r"^(\s*)[\u2013\u2014](?=\s*[0-9])", r"\1-", text)


def quantity(text: str, what: str, config: Config, *, signed: bool = False) -> int:
    """A quantity the operator typed, read as Indonesian (2.000 is two thousand), within bounds."""
    from mailbot.errors import QuantityError
    from mailbot.quantities import parse_quantity

    try:
        return parse_quantity(typed_minus(text), signed=signed, maximum=config.stock.max_quantity_per_movement)
    except QuantityError as exc:
        # no number the option takes (unreadable, ambiguous, zero, or beyond the most one movement may be): a
        # usage error, exit 2, as every refused input; what the desk's state refuses (a balance that would go
        # below zero, more than the free stock) is the command's own refusal, exit 1
        raise UsageError(f"{what}: {exc}") from None


# The largest id a database row can have (a signed 64-bit integer in SQLite and PostgreSQL alike).
MAX_ID = 2**63 - 1


def stored_id(text: str) -> int:
    """A stored message's id typed by the operator (a typer parser): digits only, so "1.000" is not taken for
    message 1, and within what a database row id can be; "#8", as `mailbot history` writes message 8, is 8."""
    digits = text.strip()
    if digits.startswith("#") and digits[1:].strip().isdigit():
        digits = digits[1:].strip()
    return _row_id(text, digits)


# How a queue item may be named when typed: the digest's "antrean 5" (and its common spelling "antrian"), the
# history's "queue item 5", or "queue 5"; the longer word first.
QUEUE_WORDS = ("antrean", "antrian", "queue item", "queue")


def queue_words_number(text: str) -> str | None:
    """The digits of a queue item written with its word ("antrean 9", "Queue item 9", "queue 9"), else None."""
    typed = text.strip()
    for word in QUEUE_WORDS:
        if typed.lower().startswith(word) and typed[len(word):].strip().isdigit():
            return typed[len(word):].strip()
    return None


def queue_item_id(text: str) -> int:
    """A queue item's id typed by the operator (a typer parser), as `mailbot queue list` (5), the digest
    ("antrean 5") or the history ("queue item 5") show it; "#5", which `mailbot history` writes for message 5,
    is refused, saying what to write."""
    if (digits := queue_words_number(text)) is not None:
        return _row_id(text, digits)
    return _unmarked_id(text, "a queue item's id", "as `mailbot queue list` shows it, or as the digest does: "
                                                   '"antrean {n}"')


def outbox_id(text: str) -> int:
    """An outbox id typed by the operator (a typer parser), as `mailbot outbox list` shows it; a request's
    reference (BLK-2026-0001, or "[BLK-2026-0001]" as a subject carries it), which names no one mail, is refused
    with where the ids are listed."""
    from mailbot.guards.threads import REFERENCE_PATTERN

    # quoted, or in the brackets a subject carries it in ("[BLK-2026-0005]")
    if re.fullmatch(REFERENCE_PATTERN, text.strip().strip(_QUOTES).strip().strip("[]()").strip(), re.IGNORECASE):
        raise UsageError(f"{text.strip()} is a request's reference, not an outbox id: an outbox id is the number in "
                         "the id column of `mailbot outbox list` (a mail given up shows status failed there), e.g. "
                         "mailbot outbox retry 17")
    return _unmarked_id(text, "an outbox id", "as `mailbot outbox list` shows it")


def _unmarked_id(text: str, what: str, shown: str) -> int:
    """*text* as a row id written without '#'; "#9" is refused with what to write (*shown*, where "{n}" is the
    number typed)."""
    digits = text.strip()
    if digits.startswith("#") and digits[1:].strip().isdigit():
        number = int(digits[1:].strip())
        raise UsageError(f"{text} is how `mailbot history` writes message {number}; write {what} without '#': "
                         f"{number}, {shown.format(n=number)}")
    return _row_id(text, digits)


def _row_id(text: str, digits: str) -> int:
    if not (digits.isascii() and digits.isdigit()) or not 1 <= int(digits) <= MAX_ID:
        raise UsageError(f"{text} is not an id mailbot has given; ids are whole numbers from 1, written "
                           "without dots (see `mailbot history`, `mailbot queue list`, `mailbot outbox list`)")
    return int(digits)


# The most rows a listing shows at once; a --limit above it is a typing error, not a wish.
MAX_ROWS = 1_000_000


# quotation marks copied with a reference from a document or a chat: 'BLK-2026-0002', “BLK-2026-0002”
_QUOTES = "'\"\u2018\u2019\u201c\u201d\u00ab\u00bb`"


def request_reference(text: str) -> str:
    """A request reference typed by the operator (a typer parser): the spaces around it, its case and the
    zeros of its number do not matter (" blk-2026-3 " is BLK-2026-0003), nor what is around it when it was
    copied from a subject ("[BLK-2026-0005]", "Re: [BLK-2026-0005] minta blangko"); anything else is kept,
    trimmed and as typed, to be found or not."""
    import re

    from mailbot.guards.threads import REFERENCE_PATTERN, format_reference

    typed = utf8_text(text, "reference").strip()
    if not typed.strip(_QUOTES + " "):
        raise UsageError(f"no request reference given ({text!r}); write it like BLK-2026-0042 (see `mailbot requests`)")
    found = list(re.finditer(REFERENCE_PATTERN, typed, re.IGNORECASE))
    if len(found) == 1 and int(found[0]["seq"]) >= 1:
        # what follows the number ends it: nothing, a closing mark, or the subject after "[BLK-...]"; anything
        # else is part of what was typed ("BLK-2026-2O", "BLK-2026-0002 3", "BLK-2026-0002.5"): never another
        # request's reference read out of it
        rest = typed[found[0].end():].strip()
        if rest in ("", ".", ",", ")", ">") or rest.startswith("]") or rest in _QUOTES:  # quotes pasted with it
            return format_reference(int(found[0]["year"]), int(found[0]["seq"]))
    if len(typed) > _LONGEST_REFERENCE:  # a paste gone wrong: refused, and never echoed whole
        raise UsageError(f'"{typed[:24]}…" ({len(typed)} characters) is no request reference; write it like '
                         "BLK-2026-0042 (see `mailbot requests`)")
    # as typed, so that a refusal quotes what the operator wrote ("Bulungan", not "BULUNGAN"); the look-up
    # (repo.request_by_reference) is in capitals anyway
    return typed


# Longer than any reference, even copied with its subject: refused without a look-up
_LONGEST_REFERENCE = 200


def stock_location(text: str) -> str:
    """Where `adjust` books (a typer parser): "province" (also "Province", "provinsi") or a district code,
    the spaces around it left out."""
    typed = text.strip()
    return "province" if typed.lower() in ("province", "provinsi") else typed


def row_limit(value: str | int) -> int:
    """--limit as the operator types it (a typer parser): a count read by the one quantity reader, so "1.000"
    is a thousand rows, never one; from 1 to MAX_ROWS."""
    from mailbot.errors import QuantityError
    from mailbot.quantities import parse_quantity

    if isinstance(value, int):  # the default
        return value
    try:
        return parse_quantity(value, maximum=MAX_ROWS, bound="--limit", noun="rows")
    except QuantityError as exc:
        raise UsageError(f"--limit: {exc}") from None


def mail_sent(result: FlushResult) -> str:
    """What a command's sending did, in one clause ("mail sent: 2"); a configuration the mail server refuses is
    said on stderr too."""
    if result.misconfigured:
        sys.stderr.write(f"mailbot: configuration error: {' '.join(result.misconfigured.split())}\n")
        return f"mail sent: {result.sent}; the rest stays queued until the configuration is corrected"
    if result.busy:
        return "mail queued: the running mailbot service will send it within a minute"
    return f"mail sent: {result.sent}"
