"""The operator's tables: a rich table where its columns fit the terminal, else one "column: value" block a row."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from rich import box
from rich.cells import cell_len
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

# A cell this short without a space (a reference, a figure, an id, a date) is never broken inside.
WHOLE_CELL = 24


# A column of longer text may be narrowed to this many characters (a longer word folds onto the next line).
FOLDED = 20


def table_of(columns: Sequence[str], rows: Iterable[Sequence[str]], *, title: str | None = None,
             right: Collection[str] = ()) -> Table:
    """A table with these *columns* (those in *right* aligned right, for figures) and *rows* of text, shown as
    written: text from the database ("[outbox] host" in an error) is no markup."""
    table = Table(title=title)
    for column in columns:
        table.add_column(column, justify="right" if column in right else "left")
    for row in rows:
        table.add_row(*(Text(cell) if isinstance(cell, str) else cell for cell in row))
    return table


def cut(text: str, most: int, ellipsis: str = "…") -> str:
    """*text* in at most *most* characters; a longer one cut on a word where it can, ending with *ellipsis*."""
    if len(text) <= most:
        return text
    head = text[:most - len(ellipsis)]
    word = head.rsplit(" ", 1)[0] if " " in head[most // 2:] else head
    return word.rstrip(" ,;:-") + ellipsis


def print_table(console: Console, table: Table) -> None:
    """Print *table* on *console*, readable at any width.

    Where the columns fit, the table as rich draws it: short one-word cells (references, figures, ids,
    dates) never break, a longer cell wraps at its spaces, and a word longer than its column (an
    address) folds onto the next line instead of being cut to "…". On a terminal too narrow for that
    (a phone's SSH client, a split pane) each row is printed as a block of "column: value" lines.

    Output that is no terminal (a file, a pipe, a script) or a terminal that says it draws only plain
    text (TERM=dumb) gets the table in plain ASCII (+, -, |); output that is no terminal gets every cell
    on one line, whole, however wide the table (a saved report keeps every address and reason to search).
    """
    if not console.is_terminal or console.is_dumb_terminal:
        table.box = box.ASCII
    if not console.is_terminal:
        _print_whole(console, table)
        return
    needed = 1  # the table's right edge; each column adds its left edge and one space either side
    for column in table.columns:
        cells = [_text(console, cell).plain for cell in column.cells]
        column.overflow = "fold"
        column.no_wrap = bool(cells) and all(len(c) <= WHOLE_CELL and not any(ch.isspace() for ch in c)
                                             for c in cells)
        words = [len(word) for cell in cells for word in cell.split()]
        header = max((len(word) for word in _text(console, column.header).plain.split()), default=0)
        widest = max((len(c) for c in cells), default=0) if column.no_wrap else min(max(words, default=0), FOLDED)
        needed += 3 + max(header, widest)
    if needed <= console.width:
        console.print(table)
    else:
        print_records(console, table)


def _print_whole(console: Console, table: Table) -> None:
    """*table* with no cell wrapped or folded: the console as wide as the table needs (never narrower)."""
    natural = 1
    for column in table.columns:
        column.no_wrap = True  # the console is made wide enough: nothing folds either
        cells = [_text(console, cell) for cell in (column.header, *column.cells)]
        natural += 3 + max((max((cell_len(line) for line in cell.plain.splitlines()), default=0) for cell in cells),
                           default=0)
    width = console.width
    console.width = max(width, natural)
    try:
        console.print(table)
    finally:
        console.width = width


def print_records(console: Console, table: Table) -> None:
    """*table* as one block of "column: value" lines a row (an empty cell left out), blocks apart."""
    if table.title:
        console.print(_text(console, table.title), style=table.title_style or "table.title", overflow="fold")
    headers = [_text(console, column.header).plain for column in table.columns]
    cells = [list(column.cells) for column in table.columns]
    for row in range(table.row_count):
        if row or table.title:
            console.print()
        for header, column in zip(headers, cells, strict=True):
            value = _text(console, column[row]) if row < len(column) else Text()
            if not value.plain.strip():
                continue
            console.print(Text.assemble((f"{header}: ", "bold"), value), overflow="fold")
    if table.caption:
        console.print()
        console.print(_text(console, table.caption), overflow="fold")


def _text(console: Console, renderable: RenderableType) -> Text:
    """A cell as rich would show it in the table (markup in a string read the same way)."""
    if isinstance(renderable, Text):
        return renderable
    if isinstance(renderable, str):
        return console.render_str(renderable)
    return Text(str(renderable))
