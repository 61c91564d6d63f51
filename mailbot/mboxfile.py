"""The messages of an mbox file, for `mailbot import`: split by the standard library's mailbox module."""

from __future__ import annotations

import mailbox
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

# An mbox begins with its first message's "From " separator line; a file named so may also be an
# empty mailbox (no message at all), which an .eml file never is.
SEPARATOR = b"From "
SUFFIXES = (".mbox", ".mbx")

# A writer quotes a body line beginning "From " as ">From " (and, in mboxrd, ">From " as ">>From ");
# reading takes one ">" off again, so the message is delivered as it was written.
_QUOTED_FROM = re.compile(rb"^>(>*From )", re.MULTILINE)


_BOM = b"\xef\xbb\xbf"


@contextmanager
def without_bom(path: Path) -> Iterator[Path]:
    """*path*, or, when it begins with a UTF-8 byte order mark (as Windows Notepad and some export tools save
    text), a temporary copy without it: the mbox reader takes only a line that begins "From " for a separator,
    and the first message behind the mark would be lost."""
    with open(path, "rb") as source:
        if source.read(len(_BOM)) != _BOM:
            yield path
            return
        with tempfile.TemporaryDirectory(prefix="mailbot-import-") as folder:
            copy = Path(folder) / path.name
            with open(copy, "wb") as out:
                shutil.copyfileobj(source, out, 1 << 20)
            yield copy


def looks_like_mbox(path: Path, head: bytes) -> bool:
    """Whether the file *path*, beginning with *head*, is an mbox rather than one message."""
    return head.startswith(SEPARATOR) or (not head and path.suffix.lower() in SUFFIXES)


@dataclass(frozen=True)
class MboxMessage:
    """One message of an open mbox: its first bytes (at most the size limit + 1) and how to copy it whole."""

    box: mailbox.mbox
    key: str
    head: bytes  # at most max_message_bytes + 1 bytes, ">From " unquoted

    def separator(self) -> str:
        """The "From " line this message begins at, as text (for the operator: which line split the mbox)."""
        line = self.box.get_file(self.key, from_=True).readline(200)
        return line.rstrip(b"\r\n").decode("utf-8", "replace")

    def copy_to(self, out: BinaryIO) -> None:
        """Write the whole message into *out* (as it stands in the mbox: only what is over the size limit
        is copied this way, in chunks, to be quarantined by its size)."""
        shutil.copyfileobj(self.box.get_file(self.key), out, 1 << 20)


def messages(box: mailbox.mbox, most: int) -> Iterator[MboxMessage]:
    """Each message of *box*, in order, without its "From " separator line, never read past *most* + 1 bytes."""
    for key in box.iterkeys():
        # the partial file shares the mailbox's own file: it is read, not closed
        head = box.get_file(key).read(most + 1)
        yield MboxMessage(box, key, head if len(head) > most else _QUOTED_FROM.sub(rb"\1", head))
