"""Slips in config.toml an operator makes, each said as what it is: a reserve left out altogether, a reversed
fixed-offset zone written with a leading zero, an empty Maildir path. In process: the shipped config, edited."""

from __future__ import annotations

from pathlib import Path

import pytest

from mailbot.configfile import load_config
from mailbot.errors import ConfigError
from tests.desk.conftest import ROOT


def _edited(folder: Path, old: str, new: str) -> Path:
    text = (ROOT / "config.toml").read_text()
    assert old in text
    (folder / "config.toml").write_text(text.replace(old, new, 1))
    (folder / "var").mkdir(exist_ok=True)
    return folder / "config.toml"


def _refusal(path: Path) -> str:
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    return str(raised.value)


RESERVE = 'reserve = { "ktp-el" = 5000, "kia" = 1000 }'


@pytest.mark.parametrize(("reserve", "expected"), [
    ('reserve = { "ktp-el" = 5000 }', 'stock.reserve: no reserve for kia: the province may ship its whole store of '
                                      'it; write "kia" = 0 in reserve if that is meant'),
    ("reserve = {}", 'stock.reserve: no reserve for ktp-el and kia: the province may ship its whole store of each; '
                     'write "ktp-el" = 0 and "kia" = 0 in reserve if that is meant'),
], ids=["one-left-out", "both-left-out"])
def test_every_item_left_out_of_the_reserve_is_warned_of(tmp_path: Path, reserve: str, expected: str) -> None:
    """`reserve = {}` gave no warning at all, while leaving out one item did."""
    warnings = load_config(_edited(tmp_path, RESERVE, reserve)).warnings()
    assert [w for w in warnings if w.startswith("stock.reserve")] == [expected], warnings


def test_the_shipped_reserve_is_no_warning(tmp_path: Path) -> None:
    warnings = load_config(_edited(tmp_path, RESERVE, RESERVE)).warnings()
    assert not [w for w in warnings if w.startswith("stock.reserve")], warnings


@pytest.mark.parametrize(("zone", "instead"), [
    ("Etc/GMT+08", "'Asia/Makassar' (WITA, UTC+8)"),
    ("Etc/GMT-8", "'Asia/Makassar' (WITA, UTC+8)"),
    ("etc/gmt-07", "'Asia/Jakarta' (WIB, UTC+7)"),
    ("Etc/GMT+09", "'Asia/Jayapura' (WIT, UTC+9)"),
])
def test_a_reversed_fixed_offset_is_answered_with_a_zone_that_is_taken(tmp_path: Path, zone: str,
                                                                       instead: str) -> None:
    """'Etc/GMT+08' was answered "did you mean 'Etc/GMT+8'?", a zone refused the next time: every spelling of a fixed
    offset gets the advice Etc/GMT+8 gets, with the named zone of its hours."""
    said = _refusal(_edited(tmp_path, 'timezone = "Asia/Makassar"', f'timezone = "{zone}"'))
    assert (f"office.timezone: {zone!r} is a fixed offset whose sign is reversed (Etc/GMT+8 is UTC-8, Etc/GMT-8 is "
            f"UTC+8); write the office's place instead, e.g. {instead}") in said, said
    assert "did you mean" not in said, said
    load_config(_edited(tmp_path, 'timezone = "Asia/Makassar"', f"timezone = {instead.split()[0]}"))


@pytest.mark.parametrize("table", ["inbox", "outbox"])
@pytest.mark.parametrize("path", ["", "  "], ids=["empty", "spaces"])
def test_an_empty_maildir_path_is_called_empty(tmp_path: Path, table: str, path: str) -> None:
    """`path = ""` was "… is a folder but not a Maildir" of the config's own folder."""
    said = _refusal(_edited(tmp_path, f'path = "var/mail/{table}"', f'path = "{path}"'))
    assert f"{table}.path: is empty; write the Maildir folder's path" in said, said
    assert "not a Maildir" not in said and "spaces around" not in said, said


SIGNATURE = 'signature = "Bidang Pelayanan Pendaftaran Penduduk"'


@pytest.mark.parametrize("signature", ['signature = ""', 'signature = "   "', 'signature = "\\n"'],
                         ids=["empty", "spaces", "line-break"])
def test_an_empty_signature_is_refused_as_an_empty_name_is(tmp_path: Path, signature: str) -> None:
    """`signature = ""` passed check-config (replies then ended with no one signing them) while `name = ""` was
    refused."""
    said = _refusal(_edited(tmp_path, SIGNATURE, signature))
    assert "office.signature: must not be empty: write who signs the replies, e.g. 'Bidang Pelayanan Pendaftaran " \
           "Penduduk' (or leave the key out for that)" in said, said
    assert "\n" not in said


def test_a_signature_left_out_is_the_default(tmp_path: Path) -> None:
    assert load_config(_edited(tmp_path, SIGNATURE, "")).office.signature == "Bidang Pelayanan Pendaftaran Penduduk"
