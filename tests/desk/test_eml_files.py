"""`mailbot parse` and `mailbot import` read .eml files the same way: regular files only, never more than
the message size limit, a byte order mark left aside."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.desk.conftest import EXAMPLES, mailbot

BOM = b"\xef\xbb\xbf"


def _one_line(result: object, *words: str) -> None:
    assert result.returncode == 1, result.stdout  # type: ignore[attr-defined]
    lines = result.stderr.strip().splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 1 and all(w in lines[0] for w in words), lines


@pytest.mark.parametrize("command", ["parse", "import"])
def test_what_is_not_a_regular_file_is_refused_before_reading(desk_dir: Path, command: str) -> None:
    fifo = desk_dir / "pipa.eml"
    os.mkfifo(fifo)  # opened for reading, a pipe no one writes to would wait for ever
    for path in (fifo, Path("/dev/zero"), desk_dir / "var"):
        _one_line(mailbot(desk_dir, command, str(path), timeout=30), str(path))


def test_parse_reads_no_more_than_the_size_limit(desk_dir: Path) -> None:
    big = desk_dir / "besar.eml"
    with big.open("wb") as fh:
        fh.truncate(3 * 1024**3)  # 3 GB of nothing (a sparse file): read whole, it would not fit in the 1 GB below

    def one_gigabyte() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3))

    result = subprocess.run([sys.executable, "-m", "mailbot", "--config", str(desk_dir / "config.toml"), "parse",
                             str(big)], capture_output=True, text=True, timeout=120, preexec_fn=one_gigabyte)
    _one_line(result, "would be quarantined: max_message_bytes: message is 3.221.225.472 bytes",
              "over the limit of 10.485.760")


def test_a_byte_order_mark_before_the_headers_is_left_aside(desk_dir: Path) -> None:
    eml = desk_dir / "bom.eml"
    eml.write_bytes(BOM + (EXAMPLES / "01-bulungan-permohonan.eml").read_bytes())
    parsed = mailbot(desk_dir, "parse", "--json", str(eml))
    assert parsed.returncode == 0, parsed.stderr
    assert '"kind": "request"' in parsed.stdout and '"requested": 2000' in parsed.stdout
    imported = mailbot(desk_dir, "import", str(eml))
    assert imported.returncode == 0, imported.stderr
    [delivered] = (desk_dir / "var" / "mail" / "inbox" / "new").iterdir()
    assert not delivered.read_bytes().startswith(BOM)
    ran = mailbot(desk_dir, "run", "--once")
    assert ran.returncode == 0 and "request-approved" in ran.stdout, ran.stdout
