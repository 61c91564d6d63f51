"""The operator's tables stay readable on a narrow terminal: references and figures whole, nothing cut to "…"."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from rich.table import Table

from mailbot.tables import print_table

REQUESTS = [
    ("BLK-2026-0006", "65.03 Kabupaten Nunukan", "ktp-el", "8.000", "1.500", "-",
     "[yellow]waiting for manager[/yellow]", "email", "2026-12-05 12:37 WITA",
     "disdukcapil.nunukan2@nunukankab.example"),
    ("BLK-2026-0004", "65.71 Kota Tarakan", "kia", "1.500", "1.100", "1.100", "approved, not dispatched",
     "stock alert", "2026-12-05 12:37 WITA", "-"),
]
STATUS = [
    ("65.04 Kabupaten Tana Tidung", "420", "0", "0", "500", "36*", "12", "unknown", "-", "[bold red]critical[/]"),
    ("65.71 Kota Tarakan", "12.345", "2.000", "1.100", "1.000", "210", "59", "rising", "2026-11-25", "ok"),
]
HISTORY = [
    ("2026-12-05 12:37 WITA", "decision", "policy",
     "hold 3.000: pemakaian rata-rata 130/hari kerja; kebutuhan 30 hari x 130/hari - sisa 200 = 3.700"),
]


def _table(title: str, columns: tuple[str, ...], rows: list[tuple[str, ...]], caption: str | None = None) -> Table:
    table = Table(title=title, caption=caption)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*row)
    return table


TABLES = {
    "requests": lambda: _table("Requests", ("reference", "district", "item", "requested", "proposed", "approved",
                                            "state", "origin", "received", "sender"), REQUESTS),
    "status": lambda: _table("Stock of ktp-el on 2026-12-05", (
        "district", "on hand", "in transit", "approved", "threshold", "daily use", "days of cover", "trend",
        "last report", "state"), STATUS, caption="province store: 66.000 on hand, 2.000 committed"),
    "history": lambda: _table("", ("when", "what", "who", "detail"), HISTORY),
}


def _render(name: str, width: int) -> str:
    """*name* as a terminal *width* columns wide shows it."""
    stream = io.StringIO()
    print_table(Console(file=stream, width=width, color_system=None, force_terminal=True), TABLES[name]())
    return stream.getvalue()


def _words(rows: list[tuple[str, ...]]) -> set[str]:
    """The references, figures, dates and addresses in *rows*: what must be readable whole."""
    return {w for row in rows for cell in row for w in cell.replace("[yellow]", "").split()
            if any(ch.isdigit() for ch in w) or "@" in w}


@pytest.mark.parametrize("width", [40, 60])
@pytest.mark.parametrize(("name", "rows"), [("requests", REQUESTS), ("status", STATUS), ("history", HISTORY)])
def test_narrow_terminals_get_one_block_a_row_with_every_figure_whole(name: str, rows: list[tuple[str, ...]],
                                                                       width: int) -> None:
    text = _render(name, width)
    lines = text.splitlines()
    assert "…" not in text, text
    assert all(len(line) <= width for line in lines), text
    if name != "history":  # ten columns cannot fit: one block a row (four may, each word whole)
        assert "┃" not in text and "│" not in text, text
    for word in _words(rows):
        assert any(word in line for line in lines), f"{word!r} not whole at {width} columns:\n{text}"
    if name == "requests":
        assert "reference: BLK-2026-0006" in text and "state: waiting for manager" in text
    if name == "status":
        assert "state: critical" in text and "province store: 66.000 on hand" in text


@pytest.mark.parametrize("name", ["requests", "status", "history"])
def test_a_wide_terminal_keeps_the_table(name: str) -> None:
    text = _render(name, 200)
    assert "┃" in text and "…" not in text, text
    for word in _words({"requests": REQUESTS, "status": STATUS, "history": HISTORY}[name]):
        assert word in text


def test_a_squeezed_table_folds_a_long_word_instead_of_cutting_it() -> None:
    text = _render("requests", 150)  # the table still fits, the sender's column is narrower than the address
    assert "┃" in text and "…" not in text
    assert "BLK-2026-0006" in text and "8.000" in text
    assert "disdukcapil.nunukan2@nunukankab.example" in "".join(
        cell.strip() for line in text.splitlines() for cell in line.split("│")[-2:-1])


@pytest.mark.parametrize("name", ["requests", "status", "history"])
def test_output_that_is_no_terminal_gets_plain_ascii_with_every_cell_whole(name: str) -> None:
    """A file, a pipe (`mailbot requests | cat`, `> report.txt`): plain ASCII, and each cell whole on its line,
    however wide the table, so a saved report keeps every address and reason."""
    stream = io.StringIO()
    print_table(Console(file=stream, width=160, color_system=None), TABLES[name]())
    text = stream.getvalue()
    assert text.isascii() and "|" in text and "+-" in text, text
    rows = {"requests": REQUESTS, "status": STATUS, "history": HISTORY}[name]
    for row in rows:
        cells = [Console().render_str(cell).plain for cell in row]
        [line] = [line for line in text.splitlines() if cells[0] in line]
        assert [c.strip() for c in line.strip("|").split("|")] == cells, line


def test_a_dumb_terminal_gets_plain_ascii() -> None:
    stream = io.StringIO()
    console = Console(file=stream, width=200, color_system=None, force_terminal=True, _environ={"TERM": "dumb"})
    print_table(console, TABLES["history"]())  # a dumb terminal is 80 columns wide: four columns fit
    text = stream.getvalue()
    assert text.isascii() and "| 2026-12-05 12:37 WITA | decision |" in text and "…" not in text, text


def test_text_from_the_database_is_shown_as_written_not_read_as_markup() -> None:
    """An outbox error naming "[outbox] host" kept its words (rich took "[outbox]" for a style and dropped it)."""
    from mailbot.tables import table_of

    stream = io.StringIO()
    error = "refuses to serve mailbot (554 no service); check [outbox] host and port, [bold]x[/bold]"
    print_table(Console(file=stream, width=400, color_system=None), table_of(("id", "error"), [("1", error)]))
    assert error in stream.getvalue(), stream.getvalue()
