"""The configuration file: find it, read it, validate it (mailbot.config's models), and report every
problem by its key in one line."""

from __future__ import annotations

import difflib
import functools
import os
import re
import tomllib
from pathlib import Path
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from mailbot.config import Config, MaildirInbox, MaildirOutbox, MailServer
from mailbot.errors import ConfigError
from mailbot.store.urls import sqlite_file
from mailbot.suggest import did_you_mean, suggestion

DEFAULT_CONFIG = "config.toml"
CONFIG_ENV = "MAILBOT_CONFIG"


def resolve_path(option: str | None) -> Path:
    """The file named on the command line, else $MAILBOT_CONFIG, else ./config.toml."""
    return Path(option or os.environ.get(CONFIG_ENV) or DEFAULT_CONFIG)


def load_config(path: Path) -> Config:
    """Read, validate and return the configuration at *path*.

    Relative paths inside the file (Maildir folders, a SQLite file) resolve against the folder
    holding the file. Raises ConfigError with one line naming every problem by its key.
    """
    named = str(path)
    if named != named.strip():  # MAILBOT_CONFIG=" config.toml": the space is no part of a name anybody meant
        raise ConfigError(f"{named!r}: the configuration file's name has spaces around it; write {named.strip()!r}")
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        shown = "the configuration named is the current folder" if named in ("", ".") else f"{named} is a folder"
        raise ConfigError(f"{shown}, not a configuration file; name the file in it, e.g. "
                          f"--config {path / DEFAULT_CONFIG}") from None
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found; name it with --config FILE or "
                          f"{CONFIG_ENV}=FILE (without them mailbot reads {DEFAULT_CONFIG} in the current folder)"
                          ) from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    if problem := encoding_problem(raw):
        raise ConfigError(f"{path}: {problem}")
    text = raw.decode("utf-8-sig")  # a byte-order mark some Windows editors add is no problem
    try:
        config = _validated(text)
    except (tomllib.TOMLDecodeError, ValidationError, RecursionError):
        config = _reported(path, text)
    config = _resolve_relative(config, path.resolve().parent)
    if (database := sqlite_file(config.database.url)) is None:
        return config
    try:
        real = database.resolve()
    except (RuntimeError, OSError):  # Python 3.11 says a loop of symbolic links with a RuntimeError
        raise ConfigError(f"database.url: {database} cannot be reached: its path runs through a loop of "
                          "symbolic links (ls -l along the path shows them); point it at a real folder") from None
    if real == path.resolve():
        # else every command says "file is not a database ... restore the last backup": over the configuration
        raise ConfigError(f"{path}: database.url names this configuration file itself as the database; name the "
                          "database's own file, e.g. url = \"sqlite:///var/mailbot.db\"")
    return config


@functools.lru_cache(maxsize=4)
def _validated(text: str) -> Config:
    """The Config the TOML *text* holds, paths as written (load_config resolves them against the file's folder).

    Kept for the last few texts: a process that opens its desk again (the tests, hundreds of times) reads the
    same text, and parsing and validating it cost more than opening the database. The Config is frozen, and
    nothing in it depends on anything but the text; a text that does not validate is never kept (it raises)."""
    return Config.model_validate(tomllib.loads(text))


def _reported(path: Path, text: str) -> Config:
    """The TOML *text* of *path* validated again, to raise ConfigError naming every problem by its key."""
    deep = (f"{path}: holds a value nested too deeply (arrays or tables inside each other hundreds of levels "
            "down); no setting of mailbot is nested like that: remove it")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}{_the_line(text, str(exc))}"
                          f"{_curly_quotes_hint(text, str(exc))}{_thousands_dots_hint(text, str(exc))}") from None
    except RecursionError:
        raise ConfigError(deep) from None
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        try:
            found = problems(exc, data)
        except RecursionError:
            raise ConfigError(deep) from None
        raise ConfigError(f"{path}: " + "; ".join([*found, *_cron_problems(data)])) from None
    except RecursionError:
        raise ConfigError(deep) from None
    return config


def _cron_problems(data: dict[str, Any]) -> list[str]:
    """The schedules' problems, named beside the other problems of a file that does not validate (they are
    checked after validation otherwise, and would come to light only once the rest is fixed)."""
    from mailbot.checks import cron_problem

    found = []
    for table, key in (("alerts", "check_cron"), ("digest", "cron")):
        section = data.get(table)
        expression = section.get(key) if isinstance(section, dict) else None
        if isinstance(expression, str) and (problem := cron_problem(expression)):
            found.append(f'{table}.{key}: "{expression}" is not a cron schedule ({problem})')
    return found


def problems(err: ValidationError, data: dict[str, Any] | None = None) -> list[str]:
    """Every problem as "key: what", unknown keys first (a misspelt key explains the key it misses); a
    district's key is named by the district's code and name from *data*, the file's tables."""
    errors = sorted(err.errors(), key=lambda e: e["type"] != "extra_forbidden")
    explained: set[tuple[int | str, ...]] = set()  # missing keys a misspelt one stands for
    found: list[str] = []
    for e in errors:
        loc = tuple(e["loc"])
        if e["type"] == "missing" and loc in explained:
            continue
        key, what = _describe(e, errors)
        if e["type"] == "extra_forbidden" and "did you mean" in what:
            explained.add((*loc[:-1], what.split("'")[1]))
        if not key and e["type"] == "value_error":
            found.append(what)  # a check of the whole file: its message names the keys
        else:
            found.append(f"{district_key(key, data) if key else '<top>'}: {what}")
    return found


def district_key(key: str, data: object) -> str:
    """"districts[3].daily_use" as the operator knows that district: "[[districts]] 65.04 Kabupaten Tana
    Tidung: daily_use" (by its place, counted from 1, when the table has neither code nor name)."""
    found = re.match(r"districts\[(\d+)\]\.?(.*)", key)
    if found is None:
        return key
    index, rest = int(found.group(1)), found.group(2)
    tables = data.get("districts") if isinstance(data, dict) else None
    table = tables[index] if isinstance(tables, list) and index < len(tables) else None
    words = [_shown(str(table[k]).strip()) for k in ("code", "name")
             if isinstance(table, dict) and isinstance(table.get(k), str) and str(table[k]).strip()]
    who = " ".join(words) if words else f"number {index + 1}"
    return f"[[districts]] {who}" + (f": {rest}" if rest else "")


def _shown(text: str) -> str:
    """*text* from the file as it may be printed: a control character (a bell, an escape) written as its code,
    never sent to the terminal."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _describe(e: Any, errors: list[Any]) -> tuple[str, str]:
    """(the dotted key, what is wrong with it) for one pydantic error."""
    loc: tuple[int | str, ...] = tuple(e["loc"])
    key = _dotted(loc)
    kind = e["type"]
    if kind == "extra_forbidden":
        what = "unknown key"
        if other := _other_kind(loc):
            return key, f"{what} for kind = {loc[1]!r} ({loc[-1]} is a key of kind = {other!r})"
        missing = [str(m["loc"][-1]) for m in errors if m["type"] == "missing" and tuple(m["loc"][:-1]) == loc[:-1]]
        what += (did_you_mean(str(loc[-1]), missing, quoted=True)
                 or did_you_mean(str(loc[-1]), _KEYS, quoted=True, cutoff=0.75))
        return key, what
    if kind == "missing":
        table = _table_of(loc)
        return key, f"required table [{table}] is missing" if table else "required key is missing"
    if kind == "union_tag_invalid":
        ctx = e.get("ctx", {})
        tags = [t.strip(" '") for t in str(ctx.get("expected_tags", "")).split(",")]
        what = f"{ctx.get('tag')!r} is not one of {', '.join(tags)}"
        what += did_you_mean(str(ctx.get("tag")), tags, quoted=True)
        return f"{key}.kind" if key else "kind", what
    if kind == "union_tag_not_found":
        what = "required key is missing"
        given = e["input"] if isinstance(e.get("input"), dict) else {}
        close = difflib.get_close_matches("kind", [str(k) for k in given], n=1, cutoff=0.5)
        if close:
            what += suggestion("kind", quoted=True, aside=f"{close[0]!r} is not a key here")
        return f"{key}.kind" if key else "kind", what
    if key.endswith("password_env"):
        # never repeated: a value that is no variable name may be the password itself, and stderr goes to the journal
        return key, ("the value is not the name of an environment variable (not repeated here: if it is the password "
                     "itself, take it out of the file); put the password in an environment variable and name that "
                     "variable here (letters, digits and _), e.g. password_env = \"MAILBOT_SMTP_PASSWORD\"")
    if kind == "string_pattern_mismatch" and key.endswith("host"):
        return key, f"{e['input']!r} is not a host name; write the server's name, e.g. mail.example.go.id"
    if kind == "string_pattern_mismatch" and key.endswith(".code"):
        return key, (f"{e['input']!r} is not a district code; write the province's two digits, a dot and the "
                     "district's two, as the civil registry numbers it, e.g. \"65.02\"")
    if kind == "too_short" and isinstance(e.get("input"), list):
        return key, "is empty; name at least one" + (" address" if key.rpartition(".")[2] in (
            "managers", "senders") else "")
    what = _PLAIN.get(kind) or e["msg"].removeprefix("Value error, ")
    if kind == "list_type" and isinstance(e.get("input"), str):
        what += f": {key.rpartition('.')[2]} = [{_toml_string(e['input'])}]"
    elif kind == "string_type" and isinstance(e.get("input"), int | float) and not isinstance(e["input"], bool):
        what += f": {key.rpartition('.')[2]} = {_toml_string(str(e['input']))}"
    elif "input" in e and not isinstance(e["input"], dict | list) and not (
            isinstance(e["input"], str) and repr(e["input"]) in what):
        what += f" (got {e['input']!r})"  # unless the message quotes the text already
    return key, what


# pydantic's wording of a value of the wrong kind, in the operator's words with what to write.
_PLAIN = {
    "string_type": "write it as text, in quotes",
    "list_type": "write a list in square brackets, even of one",
    "int_type": "write a whole number, without quotes",
    "int_parsing": "write a whole number, without quotes or words",
    "int_from_float": "write a whole number, without a fraction",
    "float_type": "write a number, without quotes",
    "float_parsing": 'write a number, without quotes, words or units (e.g. 110, not "110/hari")',
    "bool_type": "write true or false, without quotes",
    "bool_parsing": "write true or false, without quotes",
    "dict_type": 'write a table, e.g. { "ktp-el" = 110, "kia" = 35 }',
}


def _toml_string(value: str) -> str:
    """*value* as a TOML string (for a fix shown in a message)."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _kinds() -> frozenset[str]:
    """The `kind` values of the inbox and outbox models: pydantic names a tagged union's member by them."""
    tags: set[str] = set()
    for field in ("inbox", "outbox"):
        annotation = Config.model_fields[field].annotation
        for model in get_args(annotation):
            tags.update(get_args(model.model_fields["kind"].annotation))
    return frozenset(tags)


_KINDS = _kinds()


def _keys() -> list[str]:
    """Every key the file may hold, in any table: what a misspelt key is compared with."""
    keys: set[str] = set()
    models: list[Any] = [Config]
    while models:
        model = models.pop()
        for name, field in model.model_fields.items():
            keys.add(name)
            for arg in (field.annotation, *get_args(field.annotation)):
                for inner in (arg, *get_args(arg)):
                    if isinstance(inner, type) and hasattr(inner, "model_fields") and inner not in models:
                        models.append(inner)
    return sorted(keys)


_KEYS = _keys()


def _other_kind(loc: tuple[int | str, ...]) -> str | None:
    """For a key of [inbox] or [outbox] that is unknown to its kind ("path" under kind = "imap"), the kind
    that has such a key, or None."""
    if len(loc) != 3 or loc[0] not in ("inbox", "outbox") or loc[1] not in _KINDS:
        return None
    for model in get_args(Config.model_fields[str(loc[0])].annotation):
        kind = get_args(model.model_fields["kind"].annotation)[0]
        if kind != loc[1] and loc[2] in model.model_fields:
            return str(kind)
    return None


def _table_of(loc: tuple[int | str, ...]) -> str | None:
    """For a missing top-level setting that is a table of its own ([outbox]) or an array of tables
    ([[districts]]), its header as written in the file; None for a key."""
    field = Config.model_fields.get(str(loc[0])) if len(loc) == 1 else None
    if field is None:
        return None
    annotation = field.annotation
    listed = get_origin(annotation) is list
    members = get_args(annotation) or (annotation,)
    if not all(isinstance(m, type) and issubclass(m, BaseModel) for m in members):
        return None
    return f"[{loc[0]}]" if listed else str(loc[0])


def _dotted(loc: tuple[int | str, ...]) -> str:
    """The key as written in the file: "districts[2].senders", "inbox.host" (no union member names: pydantic
    puts the kind after "inbox" and "outbox"; an [imap] table of its own is named as it is)."""
    parts = [f"[{p}]" if isinstance(p, int) else p for i, p in enumerate(loc)
             if not (i == 1 and loc[0] in ("inbox", "outbox") and p in _KINDS)]
    return ".".join(parts).replace(".[", "[")


_SAVE_AS = "save it as UTF-8 text (in Notepad: File, Save As, Encoding UTF-8)"


# What a file named as the configuration may be instead (its first bytes), said so rather than "save it as UTF-8".
_NOT_TEXT = ((b"SQLite format 3\x00", "a SQLite database (perhaps mailbot's own database)"),
             (b"\x7fELF", "a program"), (b"\x1f\x8b", "a gzip-compressed file"),
             (b"PK\x03\x04", "a ZIP archive (or a Word or Excel document)"), (b"%PDF", "a PDF document"))
_NAME_IT = "name the configuration file, a text file such as config.toml, with --config FILE"


def encoding_problem(raw: bytes) -> str | None:
    """Why the bytes of a configuration file are no text TOML can read, with the fix, or None: UTF-16 (what some
    Windows editors call "Unicode"), another encoding than UTF-8, old Mac line ends (a CR alone)."""
    head = raw[:200]
    for magic, what in _NOT_TEXT:
        if raw.startswith(magic):
            return f"is not a text file but {what}, not a configuration; {_NAME_IT}"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (head and max(
            head[0::2].count(b"\x00"), head[1::2].count(b"\x00")) * 5 >= len(head) * 2):
        return f"is saved as UTF-16 (\"Unicode\"); {_SAVE_AS}"  # (every other byte nought: the ASCII of UTF-16)
    if b"\x00" in head:
        return f"is not a text file (it holds binary data), not a configuration; {_NAME_IT}"
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        return (f"is not UTF-8 text (byte {raw[exc.start]:#04x} on line {line}, as Latin-1 or Windows-1252 write "
                f"it); {_SAVE_AS}")
    if b"\r" in raw.replace(b"\r\n", b""):
        return ("has old Mac line ends (a CR alone, no LF); save it with Unix (LF) or Windows (CRLF) line ends, "
                "e.g. dos2unix -c mac FILE")
    return None


def _the_line(text: str, message: str) -> str:
    """': the line as written' for a TOML error that names its line ("(at line 69, column 17)"), so that the key
    is seen without opening the file; "" when it names none."""
    found = re.search(r"at line (\d+)", message)
    lines = text.splitlines()
    if not found or not 1 <= int(found[1]) <= len(lines):
        return ""
    return f": {' '.join(lines[int(found[1]) - 1].split())[:100]!r}"


# The quotes a word processor or a chat program puts in place of '"' and "'" (TOML takes only the straight ones).
_CURLY = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
                        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'"})


def _curly_quotes_hint(text: str, message: str) -> str:
    """For a TOML error on a line that holds curly quotes (timezone = “Asia/Makassar”, pasted from a document):
    that TOML takes straight quotes only, with the line as it should be written; "" when straight quotes would
    not mend the line."""
    found = re.search(r"at line (\d+)", message)
    lines = text.splitlines()
    if not found or not 1 <= int(found[1]) <= len(lines):
        return ""
    line = lines[int(found[1]) - 1]
    straight = line.translate(_CURLY)
    if straight == line:
        return ""
    try:
        tomllib.loads(straight.strip())
    except tomllib.TOMLDecodeError:
        return ""
    return f"; its quotes are curly, which TOML does not take: write straight quotes: {straight.strip()}"


# A number written with dots between its thousands, as Indonesian does ("2.000.000"): no TOML value at all.
_THOUSANDS = re.compile(r"^\s*([A-Za-z0-9_.\"-]+)\s*=\s*(\d{1,3}(?:\.\d{3}){2,})\s*(?:#.*)?$")
# ... the same number as a value among others on the line ("kia" = 2.700.000 in an inline table, in a list)
_THOUSANDS_INSIDE = re.compile(r"(?<=[=\[,])(\s*)\d{1,3}(?:\.\d{3}){2,}(?=\s*[,}\]])")


def _thousands_dots_hint(text: str, message: str) -> str:
    """For a TOML error on a line whose value is a number with dots between its thousands (max_quantity_per_movement
    = 2.000.000): the line to write, the number without dots; "" otherwise. (One dot, "66.000", is a TOML fraction,
    refused with its own words by the key's check.)

    >>> _thousands_dots_hint("a = 1\\nlimit = 2.000.000 # pieces", "Expected newline (at line 2, column 13)")
    '; TOML takes no dots between thousands: write limit = 2000000'
    >>> _thousands_dots_hint('s = { "ktp-el" = 7500, "kia" = 2.700.000 }', "Unclosed inline table (at line 1, ...)")
    '; TOML takes no dots between thousands: write s = { "ktp-el" = 7500, "kia" = 2700000 }'
    """
    found = re.search(r"at line (\d+)", message)
    lines = text.splitlines()
    if not found or not 1 <= int(found[1]) <= len(lines):
        return ""
    line = lines[int(found[1]) - 1]
    written = _THOUSANDS.match(line)
    if written is not None:
        return f"; TOML takes no dots between thousands: write {written[1]} = {written[2].replace('.', '')}"
    # inside an inline table or a list (opening_stock = { "ktp-el" = 7500, "kia" = 2.700.000 }): the line to write
    mended = _THOUSANDS_INSIDE.sub(lambda m: m[0].replace(".", ""), line)
    if mended == line:
        return ""
    try:
        tomllib.loads(mended.strip())
    except tomllib.TOMLDecodeError:
        return ""
    return f"; TOML takes no dots between thousands: write {mended.strip()}"


def _normal(base: Path, path: Path | str) -> Path:
    """*path* against the folder *base*, written plainly ("/srv/w/var", not "/srv/cc/../w/var")."""
    return Path(os.path.normpath(base / path))


def _resolve_relative(config: Config, base: Path) -> Config:
    updates: dict[str, object] = {}
    if isinstance(config.inbox, MaildirInbox):
        updates["inbox"] = config.inbox.model_copy(update={"path": _normal(base, config.inbox.path)})
    if isinstance(config.outbox, MaildirOutbox):
        updates["outbox"] = config.outbox.model_copy(update={"path": _normal(base, config.outbox.path)})
    for key, box in (("inbox", updates.get("inbox", config.inbox)), ("outbox", updates.get("outbox", config.outbox))):
        if isinstance(box, MailServer) and box.ca_file is not None:
            updates[key] = box.model_copy(update={"ca_file": _normal(base, box.ca_file)})
    try:
        url = make_url(config.database.url)
    except ArgumentError:
        url = None  # named as a problem by check-config and at start
    if (url is not None and url.get_backend_name() == "sqlite" and not url.host and url.database
            and url.database != ":memory:"
            and not url.database.startswith("file:")):
        resolved = url.set(database=str(_normal(base, url.database))).render_as_string(hide_password=False)
        updates["database"] = config.database.model_copy(update={"url": resolved})
    return config.model_copy(update=updates) if updates else config
