"""--item is checked in one place, before any command reads the configuration or opens the desk."""

from __future__ import annotations

import sys

import pytest

from mailbot import cli


@pytest.mark.parametrize("args", [
    ["status", "--item", "sim"],
    ["supply", "receive", "10.000", "--item", "KTP"],
    ["adjust", "province", "-20", "--reason", "hitung ulang", "--item", "ktp"],
])
def test_an_unknown_item_is_one_line_and_exit_2_like_a_usage_error(args: list[str], monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "argv", ["mailbot", "--config", "/nonexistent/config.toml", *args])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    assert exit_.value.code == 2
    wrong = args[args.index("--item") + 1]
    assert capsys.readouterr().err == f"mailbot: --item {wrong}: not an item; use one of ktp-el, kia\n"


def test_a_known_item_passes_the_check_and_reaches_the_configuration(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "argv", ["mailbot", "--config", "/nonexistent/config.toml", "status", "--item", "kia"])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    assert exit_.value.code == 2  # the missing config file, not the item
    assert "--item" not in capsys.readouterr().err
