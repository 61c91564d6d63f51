"""The sample inbox end to end on the embedded defaults: every request answered once, nothing twice."""

from __future__ import annotations

import email
import email.policy
import sqlite3
from pathlib import Path

from tests.desk.conftest import EXAMPLES, mailbot, outbox_files

REQUEST_SAMPLES = {
    # sample file -> what its reply must say (the numbers it understood, in Indonesian grouping)
    "01-bulungan-permohonan.eml": ["2.000", "750"],
    "07-kia-tarakan.eml": ["1.500", "KIA"],
    "04-nunukan-tanpa-angka.eml": [],
    "11-nunukan-permohonan-besar.eml": ["8.000"],
}


def _replies(desk_dir: Path) -> list[email.message.EmailMessage]:
    return [email.message_from_bytes(p.read_bytes(), policy=email.policy.default)  # type: ignore[misc]
            for p in outbox_files(desk_dir)]


def _message_id(path: Path) -> str:
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    return str(msg["Message-ID"]).strip()


def test_sample_inbox_once_then_nothing_more(desk_dir: Path) -> None:
    samples = sorted(EXAMPLES.glob("*.eml"))
    assert len(samples) == 12
    assert mailbot(desk_dir, "import", *map(str, samples)).returncode == 0
    first = mailbot(desk_dir, "run", "--once")
    assert first.returncode == 0, first.stderr
    replies = _replies(desk_dir)
    answering = {}
    for reply in replies:
        irt = reply["In-Reply-To"]
        if irt:
            answering.setdefault(str(irt).strip(), []).append(reply)
    for name, must_say in REQUEST_SAMPLES.items():
        mid = _message_id(EXAMPLES / name)
        got = answering.get(mid, [])
        assert len(got) == 1, f"{name}: {len(got)} replies"
        reply = got[0]
        body = reply.get_body(("plain",)).get_content()
        assert "Yth." in body and "Hormat kami" in body
        for text in must_say:
            assert text in body, f"{name}: reply does not quote {text}"
        assert reply["Subject"].startswith("Re: [BLK-")
        assert reply["Auto-Submitted"] == "auto-replied"
    # automated mail is never answered; nor is a sender not on any list, whose request waits for the
    # managers instead
    for name in ("06-cuti-otomatis.eml", "12-mailer-daemon.eml", "08-pengirim-tak-dikenal.eml"):
        assert _message_id(EXAMPLES / name) not in answering, name
    assert not [r for r in replies if "budi.capil.nunukan@gmail.example" in str(r["To"])]
    held = [r for r in replies if "Menunggu keputusan" in str(r["Subject"])
            and "budi.capil.nunukan@gmail.example" in r.get_body(("plain",)).get_content()]
    assert len(held) == 1, "the managers are told of the unknown sender's request"
    # the invitation from a known district address goes to a person; the sender is told so, once
    [note] = answering[_message_id(EXAMPLES / "10-undangan-rapat.eml")]
    assert "akan dibaca serta ditindaklanjuti langsung oleh petugas kami" in note.get_body(("plain",)).get_content()
    # the second Nunukan address gets its own answer, which names the open request of the other address
    [large] = answering[_message_id(EXAMPLES / "11-nunukan-permohonan-besar.eml")]
    assert [a.addr_spec for a in large["To"].addresses] == ["disdukcapil@nunukankab.example"]
    assert "capil.nunukan@nunukankab.example" in large.get_body(("plain",)).get_content()

    db = sqlite3.connect(desk_dir / "var" / "mailbot.db")
    stored = db.execute("select count(*), count(distinct dedup_key) from messages").fetchone()
    assert stored == (len(samples), len(samples))
    assert db.execute("select count(*) from messages where status = 'quarantined'").fetchone() == (0,)
    counts = [db.execute(f"select count(*) from {t}").fetchone()[0] for t in ("requests", "outbox", "decisions")]
    # six requests: five from districts (the second Nunukan address's is its own, linked to the open one)
    # and the proactive shipment for Tana Tidung's low stock; the unknown sender's waits for the managers
    assert counts[0] == 6, "six requests"
    # five replies to districts (the follow-up 09 is recorded, not answered), one will-read note for the
    # invitation, and one held-request notice to the managers (the alerts depend on today's date)
    purposes = [p for (p,) in db.execute("select purpose from outbox")]
    assert sum(p.startswith("ack:") for p in purposes) == 1
    assert (sum(p.startswith("reply:") for p in purposes), sum(p.startswith("held:") for p in purposes)) == (5, 1)
    assert not list((desk_dir / "var" / "mail" / "inbox" / "new").iterdir()), "every message acknowledged"

    # the same emails again, and a plain second run: nothing new is created or sent
    assert mailbot(desk_dir, "import", *map(str, samples)).returncode == 0
    again = mailbot(desk_dir, "run", "--once")
    assert again.returncode == 0, again.stderr
    assert "duplicate" in again.stdout
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    assert [db.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("requests", "outbox", "decisions")] == counts
    assert len(outbox_files(desk_dir)) == len(replies)
    assert db.execute("select count(*) from messages").fetchone() == (len(samples),)


def test_broken_message_is_quarantined_and_the_run_goes_on(desk_dir: Path) -> None:
    junk = desk_dir / "junk.eml"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    good = EXAMPLES / "01-bulungan-permohonan.eml"
    # `mailbot import` refuses it; junk that reaches the inbox some other way is quarantined
    refused = mailbot(desk_dir, "import", str(junk), str(good))
    assert refused.returncode == 1 and "not an email" in refused.stderr
    from mailbot.transports.maildir import deliver

    deliver(desk_dir / "var" / "mail" / "inbox", junk.read_bytes())
    assert mailbot(desk_dir, "import", str(good)).returncode == 0
    result = mailbot(desk_dir, "run", "--once")
    assert result.returncode == 0, result.stderr
    assert "quarantined" in result.stdout
    assert "request-approved" in result.stdout
    quarantined = list((desk_dir / "var" / "mail" / "inbox" / ".Quarantine" / "cur").iterdir())
    assert len(quarantined) == 1
    db = sqlite3.connect(desk_dir / "var" / "mailbot.db")
    row = db.execute("select status, error, raw is not null from messages where status = 'quarantined'").fetchone()
    assert row[0] == "quarantined" and row[1] and row[2] == 1
    listing = mailbot(desk_dir, "quarantine")
    assert listing.returncode == 0 and "quarantine" in listing.stdout.lower()


def test_parse_contract(desk_dir: Path) -> None:
    import json

    result = mailbot(desk_dir, "parse", str(EXAMPLES / "01-bulungan-permohonan.eml"), "--json")
    assert result.returncode == 0, result.stderr
    verdict = json.loads(result.stdout)
    assert {k: verdict[k] for k in ("kind", "district", "item", "requested", "stock_on_hand", "sender_known")} == {
        "kind": "request", "district": "65.01", "item": "ktp-el", "requested": 2000, "stock_on_hand": 750,
        "sender_known": True}
    human = mailbot(desk_dir, "parse", str(EXAMPLES / "01-bulungan-permohonan.eml"))
    assert human.returncode == 0 and "2.000" in human.stdout and "2,000" not in human.stdout
    missing = mailbot(desk_dir, "parse", str(desk_dir / "nope.eml"), "--json")
    assert missing.returncode == 1 and len(missing.stderr.strip().splitlines()) == 1
    (desk_dir / "not-mail.eml").write_bytes(b"\x00\x01\x02 hello")
    bad = mailbot(desk_dir, "parse", str(desk_dir / "not-mail.eml"), "--json")
    assert bad.returncode == 1
    assert bad.stderr == f"mailbot: {desk_dir / 'not-mail.eml'}: would be quarantined: binary data, not an email\n"
    assert len(bad.stderr.strip().splitlines()) == 1


def test_unknown_command_is_a_clear_error(desk_dir: Path) -> None:
    result = mailbot(desk_dir, "frobnicate")
    assert result.returncode == 2
    assert "No such command" in result.stderr
    assert "Traceback" not in result.stderr
