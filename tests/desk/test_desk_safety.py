"""Commands an operator cannot fat-finger: the mail a command queues is sent unless a service really runs,
an approval is not withdrawn by accident, a delivery is not booked twice, a reason is never dropped."""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.desk.conftest import EXAMPLES, ROOT, mailbot
from tests.desk.mailkit import on_hand
from tests.patience import patience


def _queued(desk_dir: Path) -> str:
    listed = mailbot(desk_dir, "outbox", "list")
    assert listed.returncode == 0, listed.stderr
    return listed.stdout


@pytest.fixture
def send_lock(sample: Path) -> Iterator[object]:
    """The outbox send lock held by someone else (another command sending at this moment)."""
    with open(sample / "var" / "mailbot.db.outbox.lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield handle


def test_a_command_waits_for_another_command_sending_when_no_service_runs(sample: Path, send_lock: object) -> None:
    """Two terminals at once and no service: the one that finds the send lock taken waits for it (a command
    sends in seconds) and sends its mail, rather than leave it for a service that does not run."""
    proc = subprocess.Popen([sys.executable, "-m", "mailbot", "--config", str(sample / "config.toml"),
                             "approve", "BLK-2026-0002"], cwd=sample, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    time.sleep(3)
    assert proc.poll() is None, proc.communicate()  # it waits for the other sender
    fcntl.flock(send_lock, fcntl.LOCK_UN)  # type: ignore[arg-type]
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 0, stderr
    # the district's mail and the managers' notice of a held request decided by hand
    assert "BLK-2026-0002: approved 700 ktp-el; mail sent: 2" in stdout, stdout
    assert "running mailbot service" not in stdout
    assert "queued" not in _queued(sample)


def test_a_running_service_is_told_only_when_it_runs(sample: Path, send_lock: object) -> None:
    from mailbot.store.db import make_engine, service_presence

    engine = make_engine(f"sqlite:///{sample / 'var' / 'mailbot.db'}")
    try:
        with service_presence(engine):
            result = mailbot(sample, "approve", "BLK-2026-0002", timeout=30)
    finally:
        engine.dispose()
    assert result.returncode == 0, result.stderr
    assert "mail queued: the running mailbot service will send it within a minute" in result.stdout


def test_a_digest_sent_by_hand_while_the_service_sends_is_left_to_it(sample: Path, send_lock: object) -> None:
    """Was: `digest --send` waited for the service's sending (50 s behind a slow server) and then said "digest
    queued and sent: 0 message(s)"."""
    import time

    from mailbot.store.db import make_engine, service_presence

    engine = make_engine(f"sqlite:///{sample / 'var' / 'mailbot.db'}")
    try:
        with service_presence(engine):
            started = time.monotonic()
            result = mailbot(sample, "digest", "--send", timeout=30)
            took = time.monotonic() - started
    finally:
        engine.dispose()
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ("digest queued; mail queued: the running mailbot service will send it within "
                                     "a minute"), result.stdout
    assert took < patience(20) and "queued" in _queued(sample)


def test_rejecting_an_approved_request_needs_force_and_withdraws_the_approval(sample: Path) -> None:
    refused = mailbot(sample, "reject", "BLK-2026-0004", "--reason", "salah kirim")
    assert refused.returncode == 1
    assert refused.stderr.strip() == ("mailbot: BLK-2026-0004 was approved already (1.100, the district was told); "
                                      "rejecting it withdraws that approval; to do so add --force")
    assert "approved, not" in mailbot(sample, "requests").stdout.split("BLK-2026-0004")[1].split("\n")[0]
    committed = _committed(sample)
    done = mailbot(sample, "reject", "BLK-2026-0004", "--reason", "salah kirim", "--force")
    assert done.returncode == 0, done.stderr
    # the operator is told what the district is told: the approval is withdrawn with the request
    assert "BLK-2026-0004: rejected; the earlier approval of 1.100 kia is withdrawn; mail sent: 1" in done.stdout
    newest = max((sample / "var" / "mail" / "outbox" / "new").iterdir(), key=lambda p: p.stat().st_mtime_ns)
    from email import message_from_bytes, policy

    mail = message_from_bytes(newest.read_bytes(), policy=policy.default)
    body = mail.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    said = " ".join(body.split())
    assert "TIDAK DAPAT KAMI SETUJUI" in said
    assert "Persetujuan sebanyak 1.100 keping yang sebelumnya kami sampaikan" in said and "BATALKAN" in said
    assert _committed(sample) == committed - 1100  # the commitment is released


def _committed(desk_dir: Path) -> int:
    from mailbot.app import open_desk
    from mailbot.configfile import load_config
    from mailbot.store import repo

    desk = open_desk(load_config(desk_dir / "config.toml"))
    try:
        with desk.sessions() as session:
            return repo.balances(session, "kia")[("kia", "province")].committed
    finally:
        desk.close()


def test_rejecting_a_held_request_needs_no_force(sample: Path) -> None:
    done = mailbot(sample, "reject", "BLK-2026-0005", "--reason", "stok provinsi belum tersedia")
    assert done.returncode == 0, done.stderr
    assert "BLK-2026-0005: rejected" in done.stdout


def test_a_reason_given_without_force_is_recorded(sample: Path) -> None:
    done = mailbot(sample, "approve", "BLK-2026-0002", "--reason", "disetujui kabid lewat telepon")
    assert done.returncode == 0, done.stderr
    history = mailbot(sample, "history", "BLK-2026-0002")
    assert history.returncode == 0, history.stderr
    assert "disetujui kabid lewat telepon" in " ".join(history.stdout.split()), history.stdout


def test_the_service_holds_its_presence_while_it_runs(sample: Path) -> None:
    import signal

    from mailbot.store.db import make_engine, service_running

    engine = make_engine(f"sqlite:///{sample / 'var' / 'mailbot.db'}")
    try:
        assert not service_running(engine)
        proc = subprocess.Popen([sys.executable, "-m", "mailbot", "--config", str(sample / "config.toml"), "run"],
                                cwd=sample, stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 60
            while not service_running(engine) and time.monotonic() < deadline and proc.poll() is None:
                time.sleep(0.2)
            assert service_running(engine)
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.communicate(timeout=60)
        assert not service_running(engine)
    finally:
        engine.dispose()


def _at_terminal(desk_dir: Path, answers: list[str], *args: str) -> tuple[int, str]:
    """Run a command on a pseudo-terminal, typing *answers* one per prompt; its exit status and all it showed."""
    import os
    import pty
    import select

    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "mailbot", "--config", str(desk_dir / "config.toml"), *args],
                            cwd=desk_dir, stdin=follower, stdout=follower, stderr=follower)
    os.close(follower)
    shown = b""
    pending = list(answers)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
            if pending and shown.rstrip().endswith((b":", b"no)")):
                os.write(leader, pending.pop(0).encode() + b"\n")
        elif proc.poll() is not None:
            break
    os.close(leader)
    return proc.wait(timeout=30), shown.decode(errors="replace")


def test_the_prompt_takes_indonesian_answers_and_says_what_to_type(sample: Path) -> None:
    status, shown = _at_terminal(sample, ["mungkin", "ya", "banjir di Sesayap"],
                                 "approve", "BLK-2026-0002", "--quantity", "800")
    assert "(y/ya = yes, n/tidak = no)" in shown
    assert "'mungkin' is not an answer: type y (ya) or n (tidak)" in shown
    assert status == 0, shown
    assert "BLK-2026-0002: approved 800 ktp-el" in shown
    assert "banjir di Sesayap" in " ".join(mailbot(sample, "history", "BLK-2026-0002").stdout.split())


def test_the_prompt_takes_tidak_for_no(sample: Path) -> None:
    status, shown = _at_terminal(sample, ["tidak"], "approve", "BLK-2026-0002", "--quantity", "800")
    assert status == 1 and "approved 800" not in shown, shown
    assert "waiting for" in mailbot(sample, "requests").stdout.split("BLK-2026-0002")[1].split("\n")[0]


def test_the_same_delivery_typed_twice_is_refused_unless_forced(desk_dir: Path) -> None:
    first = mailbot(desk_dir, "supply", "receive", "10.000", "--note", "470/123/Dukcapil")
    assert first.returncode == 0, first.stderr
    again = mailbot(desk_dir, "supply", "receive", "10.000", "--note", " 470/123/Dukcapil ")
    assert again.returncode == 1
    said = again.stderr.strip()
    assert len(said.splitlines()) == 1 and said.startswith(
        "mailbot: 10.000 ktp-el with the note '470/123/Dukcapil' was booked already at 20"), said
    assert "WITA; if this is another delivery, add --force" in said
    for typed in ("470/123/DUKCAPIL", "470/123/dukcapil ", "10 ribu"):  # case and spaces, or the figure in words
        note = "470/123/Dukcapil" if typed == "10 ribu" else typed
        figure = "10 ribu" if typed == "10 ribu" else "10.000"
        twice = mailbot(desk_dir, "supply", "receive", figure, "--note", note, "--item", "KTP-EL")
        assert twice.returncode == 1 and "was booked already" in twice.stderr, (typed, twice.stderr)
    spaced = mailbot(desk_dir, "supply", "receive", "5.000", "--note", "kiriman pusat")
    assert spaced.returncode == 0, spaced.stderr
    again = mailbot(desk_dir, "supply", "receive", "5.000", "--note", "Kiriman  pusat")
    assert again.returncode == 1 and "was booked already" in again.stderr, again.stderr
    other = mailbot(desk_dir, "supply", "receive", "10.000", "--note", "470/124/Dukcapil")
    assert other.returncode == 0, other.stderr  # another letter, another delivery
    forced = mailbot(desk_dir, "supply", "receive", "10.000", "--note", "470/123/Dukcapil", "--force")
    assert forced.returncode == 0, forced.stderr
    kia = mailbot(desk_dir, "supply", "receive", "10.000", "--note", "470/123/Dukcapil", "--item", "kia")
    assert kia.returncode == 0, kia.stderr  # the other item
    status = mailbot(desk_dir, "status", "--item", "ktp-el")
    assert status.returncode == 0

    assert on_hand(desk_dir / "var" / "mailbot.db") == 66000 + 3 * 10000 + 5000
    # the delivery forced by mistake: the command its line names takes it out again, as typed there
    undo = " ".join(forced.stdout.split()).split("`")[1].split()
    assert undo[:4] == ["mailbot", "adjust", "province", "-10.000"] and undo[-1] == "TEXT", forced.stdout
    taken = mailbot(desk_dir, *undo[1:-1], "dobel input")
    assert taken.returncode == 0, taken.stderr
    assert on_hand(desk_dir / "var" / "mailbot.db") == 66000 + 2 * 10000 + 5000


@pytest.mark.parametrize(("typed", "kept"), [("65.01", "65.01"), (" 65.01 ", "65.01"), ("Kabupaten Bulungan", "65.01"),
                                              ("bulungan", "65.01"), ("KOTA TARAKAN", "65.71")])
def test_correct_takes_a_district_by_code_or_name_and_keeps_the_code(typed: str, kept: str) -> None:
    from mailbot.configfile import load_config
    from mailbot.corrections import parse_fields

    config = load_config(ROOT / "config.toml")
    districts = {d.code: d.name for d in config.districts}
    assert parse_fields([f"district={typed}", "item=KIA", "kind=Request"], maximum=200_000,
                        districts=districts) == {"district": kept, "item": "kia", "kind": "request"}


def test_correct_refuses_a_district_the_desk_has_not(sample: Path) -> None:
    before = mailbot(sample, "labels", "export")
    for typed in ("65.99", "Bandung", "65.7", "65.10", "Tarakn"):
        result = mailbot(sample, "correct", "8", f"district={typed}", "--reason", "uji")
        assert result.returncode == 2  # typed input refused (was 1)
        assert result.stderr.strip() == (
            f"mailbot: district: {typed!r} is no district of this desk; write one of: 65.01 Kabupaten Bulungan, "
            "65.02 Kabupaten Malinau, 65.03 Kabupaten Nunukan, 65.04 Kabupaten Tana Tidung, 65.71 Kota Tarakan (the "
            "code or the name, e.g. 65.71 or Tarakan)")
    assert mailbot(sample, "labels", "export").stdout == before.stdout


def _words(text: str) -> str:
    """A table's text with its borders and line breaks taken out: the words as a reader reads them."""
    return " ".join(text.translate(str.maketrans("|│┃┏┓┗┛━┡┩┳╇┻└┘┴─┌┐┬┼", " " * 21)).split())


def test_operator_output_speaks_plain_words(sample_template: Path, tmp_path: Path) -> None:
    desk_dir = tmp_path / "desk"
    shutil.copytree(sample_template, desk_dir)
    (desk_dir / "var" / "mailbot.db").unlink()
    for path in (desk_dir / "var").glob("mailbot.db*"):
        path.unlink()
    shutil.rmtree(desk_dir / "var" / "mail")
    assert mailbot(desk_dir, "import", *sorted(str(p) for p in EXAMPLES.glob("*.eml"))).returncode == 0
    ran = mailbot(desk_dir, "run", "--once", env={**os.environ, "COLUMNS": "200"})
    assert ran.returncode == 0, ran.stderr
    said = _words(ran.stdout)
    assert "receipt matching no shipment; in the queue 1" in said and "request approved in part 1" in said, said
    queue = _words(mailbot(desk_dir, "queue", "list", env={**os.environ, "COLUMNS": "250"}).stdout)
    assert "receipt matching no" in queue and "receipt_unmatched" not in queue, queue
    assert "reconcile" not in queue and "stock to check" in queue and "to read" in queue
    held = mailbot(desk_dir, "dispatch", "BLK-2026-0002")
    assert held.stderr.strip() == ("mailbot: BLK-2026-0002 is waiting for manager; only approved requests can be "
                                   "dispatched")
    heading = _words(mailbot(desk_dir, "history", "BLK-2026-0002", env={**os.environ,
                                                                         "COLUMNS": "250"}).stdout.splitlines()[0])
    assert heading.startswith("BLK-2026-0002 district 65.04 Kabupaten Tana Tidung item ktp-el state waiting for "
                              "manager requested - stock stated - proposed 700 from stock alert"), heading
    assert "approved 700" not in heading


def test_reread_shows_an_emptied_field_and_figures_as_elsewhere(sample: Path) -> None:
    assert mailbot(sample, "correct", "8", "requested=null", "--reason", "uji").returncode == 0
    reread = mailbot(sample, "reread")
    assert reread.returncode == 0, reread.stderr
    row = [line for line in reread.stdout.splitlines() if "requested" in line and "|" in line]
    assert row and "(no figure)" in row[0] and "3.000" in row[0] and "None" not in reread.stdout, reread.stdout


def test_the_digest_has_no_bare_dash_and_a_legend_and_a_short_queue(sample_template: Path) -> None:
    printed = mailbot(sample_template, "digest", "--print")
    assert printed.returncode == 0, printed.stderr
    text = printed.stdout
    assert "dimohon -" not in text and "usulan 0" not in text
    assert ("BLK-2026-0002 Kabupaten Tana Tidung (KTP-el): tanpa permohonan (kiriman usulan provinsi), usulan 700"
            in text), text
    assert "jumlah yang dimohon belum disebutkan, perlu klarifikasi" in text
    assert "dimohon 3.000, menunggu keputusan pimpinan, usulan 3.000 (oleh sistem)" in text
    assert "/hari" in text and "*/hari" in text and "\n* perkiraan awal, belum ada laporan harian\n" in text
    assert "(grafik: # = sisa stok" in text and "bar:" not in text
    section = text.split("== Perlu dibaca petugas (7")[1].split("\n== ")[0]
    assert section.count("\n- antrean ") == 5 and "\n- dan 2 lainnya\n" in section, section


def test_queue_items_are_never_written_as_messages_are(sample: Path) -> None:
    """"#5" is message 5 in the history; the digest wrote queue item 5 so too, and `queue close "#1"` said
    mailbot never gave "#1"."""
    printed = mailbot(sample, "digest", "--print", "--output", str(sample / "digest.html"))
    assert printed.returncode == 0, printed.stderr
    text, html = printed.stdout, (sample / "digest.html").read_text()
    assert "\n- antrean 1, Kabupaten Bulungan: stok yang dilaporkan jauh berbeda" in text, text
    assert '(petugas menutupnya dengan: mailbot queue close <nomor antrean> --reason "...")' in text
    assert "<strong>antrean 1, Kabupaten Bulungan</strong>" in html
    assert "mailbot queue close &lt;nomor antrean&gt;" in html
    assert not re.search(r"#\d", text) and not re.search(r">#\d", html)
    for command in (("queue", "close", "#3", "--reason", "x"), ("resolve", "#3", "--reason", "x")):
        refused = mailbot(sample, *command)
        # the number typed, not always "antrean 5"
        assert refused.returncode == 2 and refused.stderr.strip().splitlines() == [
            "mailbot: #3 is how `mailbot history` writes message 3; write a queue item's id without '#': 3, as "
            '`mailbot queue list` shows it, or as the digest does: "antrean 3"'], (command, refused.stderr)
    closed = mailbot(sample, "queue", "close", "antrean 1", "--reason", "dicek di gudang")
    assert closed.returncode == 0 and "queue item 1 closed" in closed.stdout, closed.stderr
    shown = mailbot(sample, "history", "#9")  # the message that opened queue item 1
    assert "queue item 1 stock to check" in shown.stdout and "queue item 1 closed: dicek di gudang" in shown.stdout
    assert not re.search(r"\| #1 ", shown.stdout), shown.stdout
    # a message id is read as the history writes it: "#2" is message 2 (processed: neither replayed nor dismissed)
    assert mailbot(sample, "replay", "#2").stderr.strip() == (
        "mailbot: message 2 was processed already; only quarantined ones are replayed")
    assert mailbot(sample, "quarantine", "dismiss", "#2", "--reason", "foto").stderr.strip() == (
        "mailbot: message 2 is processed, not quarantined")


def test_history_of_a_queue_item_shows_what_it_is_about(sample: Path) -> None:
    """`history "antrean 6"`, as the digest names queue item 6, was "no request 'ANTREAN 6'"."""
    for typed, lead, shown, heading in (
            ("antrean 6", "antrean 6 is queue item 6", "BLK-2026-0006", "BLK-2026-0006 "),
            ("queue 3", "queue 3 is queue item 3", "message 5", "message 5 "),
            # was "queue item 1 is queue item 1"
            ("queue item 1", "queue item 1", "message 9", "message 9 "),
            ("Queue item 1", "queue item 1", "message 9", "message 9 ")):
        result = mailbot(sample, "history", typed)
        assert result.returncode == 0, result.stderr
        assert result.stderr.strip() == f"mailbot: {lead}; shown: the history of {shown}, which it is about", \
            result.stderr
        assert result.stdout.startswith(heading), result.stdout
    missing = mailbot(sample, "history", "antrean 99")
    assert missing.returncode == 1 and missing.stderr.strip() == (
        "mailbot: 'antrean 99' names queue item 99, and there is no such item; see `mailbot queue list --all`; "
        "`mailbot history` takes a request reference (BLK-2026-0042) or a message id"), missing.stderr
    closed = mailbot(sample, "queue", "close", "queue 2", "--reason", "dicek")  # the words queue ids take too
    assert closed.returncode == 0 and "queue item 2 closed" in closed.stdout, closed.stderr


COMMANDS_WITH_BY = [("approve",), ("reject",), ("dispatch",), ("adjust",), ("supply", "receive"), ("correct",),
                    ("resolve",), ("queue", "close"), ("quarantine", "dismiss"), ("labels", "import")]


@pytest.mark.parametrize("command", COMMANDS_WITH_BY)
def test_help_explains_by_and_ref_and_gives_an_example(desk_dir: Path, command: tuple[str, ...]) -> None:
    shown = mailbot(desk_dir, *command, "--help", env={**os.environ, "COLUMNS": "200"})
    assert shown.returncode == 0, shown.stderr
    by = [line for line in shown.stdout.splitlines() if line.startswith("│") and "--by " in line]
    assert by and "Who does this, recorded in the history" in by[0], shown.stdout
    assert "Example: mailbot " in shown.stdout
    if "REF" in shown.stdout:
        assert "Request reference, as in `mailbot requests`" in shown.stdout
    assert not re.search(r"\b(REF +REF|LOCATION +LOCATION|file +FILE|folder +FILE)\b", shown.stdout), shown.stdout


@pytest.mark.parametrize(("zone", "hint"), [("UTC+8", "UTC+8 is 'Asia/Makassar'"), ("GMT+7", "UTC+7 is 'Asia/Jakarta'"),
                                            ("UTC+09:00", "UTC+9 is 'Asia/Jayapura'")])
def test_an_offset_is_pointed_to_its_indonesian_zone(desk_dir: Path, zone: str, hint: str) -> None:
    config = desk_dir / "config.toml"
    config.write_text(config.read_text().replace('timezone = "Asia/Makassar"', f'timezone = "{zone}"'))
    checked = mailbot(desk_dir, "check-config")
    assert checked.returncode == 2
    assert hint in checked.stderr and "did you mean 'UTC'" not in checked.stderr, checked.stderr


def test_adjust_takes_a_district_by_name_and_provinsi(sample: Path) -> None:
    by_name = mailbot(sample, "adjust", " kabupaten bulungan ", "10", "--reason", "hitung ulang")
    assert by_name.returncode == 0 and "at 65.01" in by_name.stdout, by_name.stderr
    assert mailbot(sample, "adjust", "Provinsi", "10", "--reason", "hitung ulang").returncode == 0


def test_service_presence_is_seen_from_another_engine_and_ends_with_it(database_url: str) -> None:
    """The presence a service holds is what a command on another connection sees (SQLite: an flock beside
    the file; PostgreSQL: a session lock), and it ends when the service's hold ends."""
    from mailbot.store.db import make_engine, service_presence, service_running

    service, second, command = make_engine(database_url), make_engine(database_url), make_engine(database_url)
    try:
        assert not service_running(command)
        with service_presence(service), service_presence(second):  # two services at once may run
            assert service_running(command)
        assert not service_running(command)
    finally:
        for engine in (service, second, command):
            engine.dispose()


@pytest.mark.parametrize(("args", "said"), [
    (("reject", "BLK-2026-0005", "--reason", "a\x1b[31mRED\nline2"), "--reason: holds the control character '\\x1b'"),
    (("adjust", "65.04", "-1", "--reason", "x", "--by", "\x1b]0;pwned\x07Kabid"), "--by: holds the control character"),
    (("supply", "receive", "10.000", "--note", "surat\u202e470"), "--note: holds the control character '\\u202e'"),
    (("quarantine", "dismiss", "1", "--reason", "spam\r"), "--reason: holds the control character '\\r'"),
    (("approve", "BLK-2026-0005", "--by", "Kabid\x00"), "--by: holds the control character '\\x00'"),
], ids=["reject-reason-escape", "adjust-by-osc", "supply-note-bidi", "dismiss-reason-cr", "approve-by-nul"])
def test_operator_text_with_control_characters_is_refused(sample: Path, args: tuple[str, ...], said: str) -> None:
    """Text an operator types is stored in the history and may be mailed to a district: an escape sequence in it
    reached the district's mail and the next operator's terminal (`history`) as it was."""
    outbox = sorted((sample / "var" / "mail" / "outbox" / "new").iterdir())
    before = mailbot(sample, "history", "BLK-2026-0005").stdout
    done = mailbot(sample, *args)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert done.stderr.startswith(f"mailbot: {said}") and len(done.stderr.splitlines()) == 1, done.stderr
    assert sorted((sample / "var" / "mail" / "outbox" / "new").iterdir()) == outbox
    assert mailbot(sample, "history", "BLK-2026-0005").stdout == before
