"""A poisonous message on PostgreSQL, which refuses NUL and lone surrogates in text: quarantined with its
reason, its bytes as they came, and the rest of its group processed."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text

from tests.desk.conftest import ROOT
from tests.desk.test_hostile_messages import NUL_REQUEST, POISON, run_poisoned_group


def test_a_poisonous_message_on_postgres(tmp_path: Path, postgres_url: str) -> None:
    admin = create_engine(postgres_url.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("DROP DATABASE IF EXISTS mailbot_hostile"))
        conn.execute(text("CREATE DATABASE mailbot_hostile"))
    admin.dispose()
    url = postgres_url.rsplit("/", 1)[0] + "/mailbot_hostile"
    config = (ROOT / "config.toml").read_text().replace('url = "sqlite:///var/mailbot.db"', f'url = "{url}"')
    (tmp_path / "config.toml").write_text(config)
    run_poisoned_group(tmp_path)
    engine = create_engine(url)
    with engine.connect() as conn:
        found = conn.execute(text("SELECT message_id, status, sender, error, raw FROM messages"))
        rows = {r.message_id: r for r in found}
    engine.dispose()
    poison = rows["<poison-1@bulungankab.example>"]
    assert (poison.status, bytes(poison.raw)) == ("quarantined", POISON)
    assert poison.error.startswith("max_mime_depth: ") and poison.sender == "op\\udce9rator@bulungankab.example"
    assert (rows["<nul-1@nunukankab.example>"].status, bytes(rows["<nul-1@nunukankab.example>"].raw)) == (
        "processed", NUL_REQUEST)
    assert rows["<good-1@bulungankab.example>"].status == "processed"
