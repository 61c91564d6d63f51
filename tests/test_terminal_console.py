"""The commands' console: the terminal's width (or COLUMNS), and with NO_COLOR no style at all."""

from __future__ import annotations

import io

from mailbot.cli_shared import terminal_console


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _printed(environ: dict[str, str], stream: io.StringIO | None = None) -> str:
    console = terminal_console(stream or Terminal(), environ)
    with console.capture() as captured:
        console.print("[bold]BLK-2026-0006[/bold]: approved [green]2.000[/green] ktp-el")
    return captured.get()


def test_no_color_means_no_colour_and_no_bold() -> None:
    styled = _printed({"TERM": "xterm-256color", "COLUMNS": "80"})
    assert "\x1b[" in styled, "without NO_COLOR a terminal gets styles (else this test could not fail)"
    plain = _printed({"TERM": "xterm-256color", "COLUMNS": "80", "NO_COLOR": "1"})
    assert "\x1b" not in plain
    assert plain == "BLK-2026-0006: approved 2.000 ktp-el\n"


def test_a_terminal_has_its_width_and_a_pipe_room_for_the_whole_tables() -> None:
    assert terminal_console(Terminal(), {"COLUMNS": "40"}).width == 40
    assert terminal_console(io.StringIO(), {}).width == 160
    assert terminal_console(io.StringIO(), {"COLUMNS": "80"}).width == 160  # inherited, not this output's
