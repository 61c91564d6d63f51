"""The same desk on PostgreSQL: the sample inbox is processed once, replies go out once, a rerun adds nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import create_engine, text

from tests.desk.conftest import EXAMPLES, ROOT, mailbot, outbox_files


def test_sample_inbox_on_postgres(tmp_path: Path, postgres_url: str) -> None:
    config = (ROOT / "config.toml").read_text().replace('url = "sqlite:///var/mailbot.db"', f'url = "{postgres_url}"')
    (tmp_path / "config.toml").write_text(config)
    samples = sorted(map(str, EXAMPLES.glob("*.eml")))
    assert mailbot(tmp_path, "import", *samples).returncode == 0
    first = mailbot(tmp_path, "run", "--once")
    assert first.returncode == 0, first.stderr
    assert "request-approved" in first.stdout
    sent = len(outbox_files(tmp_path))
    engine = create_engine(postgres_url)
    with engine.connect() as conn:
        tables = lambda: [conn.execute(text(f"select count(*) from {t}")).scalar()  # noqa: E731
                          for t in ("messages", "requests", "outbox", "ledger_entries")]
        before = tables()
        assert before[:2] == [12, 6], "twelve messages, six requests, as on SQLite"
        purposes = [p for (p,) in conn.execute(text("select purpose from outbox"))]
        assert (sum(p.startswith("reply:") for p in purposes), sum(p.startswith("held:") for p in purposes)) == (5, 1)
        assert conn.execute(text("select count(*) from outbox where status = 'sent'")).scalar() == sent
        conn.rollback()
        assert mailbot(tmp_path, "import", *samples).returncode == 0
        assert mailbot(tmp_path, "run", "--once").returncode == 0
        assert tables() == before
    assert len(outbox_files(tmp_path)) == sent
    status = mailbot(tmp_path, "status")
    assert status.returncode == 0, status.stderr
    assert "Bulungan" in status.stdout
    engine.dispose()
    shutil.rmtree(tmp_path / "var", ignore_errors=True)


def test_two_processes_flushing_one_outbox_on_postgres_send_each_row_once(tmp_path: Path, postgres_url: str) -> None:
    """The send lock on PostgreSQL is an advisory lock: two senders on one database never send a row twice."""
    from mailbot.app import open_desk
    from mailbot.configfile import load_config
    from tests.desk.test_workers import two_senders_send_each_row_once

    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("DROP DATABASE IF EXISTS mailbot_locks"))
        conn.execute(text("CREATE DATABASE mailbot_locks"))
    admin.dispose()
    url = postgres_url.rsplit("/", 1)[0] + "/mailbot_locks"
    config = (ROOT / "config.toml").read_text().replace('url = "sqlite:///var/mailbot.db"', f'url = "{url}"')
    (tmp_path / "config.toml").write_text(config)
    desk = open_desk(load_config(tmp_path / "config.toml"))
    try:
        two_senders_send_each_row_once(desk, tmp_path / "config.toml", tmp_path)
    finally:
        desk.close()


def test_a_send_lock_lost_with_its_database_session_sends_nothing_twice(tmp_path: Path, postgres_url: str) -> None:
    """The advisory lock's session is killed while its holder is sending: a second sender takes the
    lock at once, and the rows of the batch in flight (leased) are not sent again; the first sender
    notices before its next batch and stops."""
    import subprocess
    import sys
    import time

    from mailbot.app import open_desk
    from mailbot.configfile import load_config
    from tests.desk.test_workers import FLUSHER, queue_notices

    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("DROP DATABASE IF EXISTS mailbot_lost_lock"))
        conn.execute(text("CREATE DATABASE mailbot_lost_lock"))
    url = postgres_url.rsplit("/", 1)[0] + "/mailbot_lost_lock"
    config = (ROOT / "config.toml").read_text().replace('url = "sqlite:///var/mailbot.db"', f'url = "{url}"')
    (tmp_path / "config.toml").write_text(config)
    desk = open_desk(load_config(tmp_path / "config.toml"))
    record = tmp_path / "sent.log"
    try:
        queue_notices(desk, 60)
        first = subprocess.Popen([sys.executable, "-c", FLUSHER, str(tmp_path / "config.toml"), str(record), "0.3"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
        deadline = time.monotonic() + 30
        while (not record.exists() or len(record.read_text().split()) < 3) and time.monotonic() < deadline:
            time.sleep(0.02)  # the first sender is inside a batch
        engine = create_engine(url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            killed = conn.execute(text(
                "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted")).all()
        engine.dispose()
        assert killed == [(True,)], "the lock's session was found and ended"
        second = subprocess.Popen([sys.executable, "-c", FLUSHER, str(tmp_path / "config.toml"), str(record), "0"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
        outputs = [p.communicate(timeout=120) for p in (first, second)]
        assert first.returncode == 0 and second.returncode == 0, [err for _, err in outputs]
        assert "send lock was lost" in outputs[0][1]
        lines = record.read_text().split()
        assert len(lines) == len(set(lines)), "a row was sent twice"
        assert len(lines) == 60
    finally:
        desk.close()
        admin.dispose()
