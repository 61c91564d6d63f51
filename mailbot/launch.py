"""The `mailbot` command's entry point: stops are held (mailbot.stopping) before the command line is loaded."""

from __future__ import annotations


def main() -> None:
    from mailbot import stopping

    stopping.hold()
    from mailbot.cli import main as cli_main

    cli_main()
