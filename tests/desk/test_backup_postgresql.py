"""`mailbot backup` on PostgreSQL names the pg_dump command to run, and that command works as written: it goes
to the configured server and database (libpq's URL, not SQLAlchemy's), with no password on the command line."""

from __future__ import annotations

import shlex
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

from tests.desk.conftest import mailbot


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump is not installed")
def test_the_suggested_pg_dump_goes_to_the_configured_server(desk_dir: Path) -> None:
    port = _free_port()  # nothing listens there: pg_dump's refusal names where it went
    path = desk_dir / "config.toml"
    path.write_text(path.read_text().replace(
        "sqlite:///var/mailbot.db", f"postgresql+psycopg://mailbot:s3cret@127.0.0.1:{port}/blangko"))
    result = mailbot(desk_dir, "backup", str(desk_dir / "mailbot dump.pgc"))
    assert result.returncode == 1 and len(result.stderr.splitlines()) == 1, result.stderr
    assert "s3cret" not in result.stderr and "+psycopg" not in result.stderr, result.stderr
    command = result.stderr.split("e.g. ", 1)[1].split(" (the password", 1)[0].strip()
    assert "PGPASSWORD" in result.stderr
    words = shlex.split(command)
    assert words[0] == "pg_dump", command
    ran = subprocess.run(words, capture_output=True, text=True, timeout=60, cwd=desk_dir,
                         env={"PATH": "/usr/bin:/bin", "PGCONNECT_TIMEOUT": "5"})
    assert ran.returncode != 0
    assert f'"127.0.0.1", port {port}' in ran.stderr, ran.stderr
