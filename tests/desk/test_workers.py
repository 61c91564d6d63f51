"""`mailbot run` works in three processes: the inbox loop, a reading process and a sender process.

The reading process must give exactly what reading in the loop gives, and losing it must lose
nothing. Two processes sending from one outbox must never send a row twice. And when `mailbot
run` is killed, neither helper process may live on.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from mailbot import pipeline
from mailbot.desk import Desk
from mailbot.outgoing import queue
from mailbot.render import Rendered
from mailbot.runners import ReadingProcess, process_inbox
from mailbot.store.schema import Message, OutboxMessage
from mailbot.transports.maildir import MaildirInbox, deliver
from tests.desk.conftest import EXAMPLES, ROOT, mailbot
from tests.patience import patience

LOOP_CORPUS = ROOT / "tests" / "loop_corpus"


def _mixed_mail() -> list[bytes]:
    """The sample inbox, the loop corpus, a message over the attachment limit, and one that is not mail."""
    mail = [p.read_bytes() for p in sorted(EXAMPLES.glob("*.eml"))]
    mail += [p.read_bytes() for p in sorted(LOOP_CORPUS.glob("*.eml"))]
    attachments = "".join(
        f"--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"f{i}.pdf\"\r\n"
        f"Content-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n" for i in range(12))
    mail.append((
        "From: <disdukcapil@bulungankab.example>\r\nTo: blangko@disdukcapil.kaltaraprov.example\r\n"
        "Subject: Lampiran\r\nMessage-ID: <many-attachments@bulungankab.example>\r\n"
        "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
        f"--b\r\nContent-Type: text/plain\r\n\r\nmohon 2.000 keping\r\n{attachments}--b--\r\n").encode())
    mail.append(b"\x00\x01\x02 not an email at all")
    return mail


def _records(desk: Desk) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with desk.sessions() as session:
        messages = [
            (m.dedup_key, m.status, m.kind, m.district, m.sender, m.subject, m.verdict, m.guard, m.quoted, m.error)
            for m in session.scalars(select(Message).order_by(Message.dedup_key))
        ]
        outbox = [(o.purpose, o.category, tuple(o.recipients), o.subject, o.status)
                  for o in session.scalars(select(OutboxMessage).order_by(OutboxMessage.purpose))]
    return messages, outbox


def _run(desk: Desk, inbox_dir: Path, reading: ReadingProcess | None) -> dict[str, int]:
    for raw in _mixed_mail():
        deliver(inbox_dir, raw)
    inbox = MaildirInbox(inbox_dir, size_limit=desk.config.guards.max_message_bytes)
    return dict(process_inbox(desk, inbox, group=7, reading=reading))


def test_the_reading_process_records_exactly_what_reading_here_records(
        tmp_path: Path, open_test_desk: Callable[..., Desk], desk_dir: Path) -> None:
    here = open_test_desk()
    here_outcomes = _run(here, tmp_path / "here", None)

    other_dir = tmp_path / "other"
    other_dir.mkdir()
    (other_dir / "config.toml").write_text((desk_dir / "config.toml").read_text().replace(
        "sqlite:///var/mailbot.db", f"sqlite:///{other_dir / 'mailbot.db'}"))
    from datetime import datetime

    from mailbot.app import open_desk
    from mailbot.configfile import load_config
    from tests.desk.conftest import WITA

    fixed = datetime(2026, 11, 27, 10, 0, tzinfo=WITA)
    config = load_config(other_dir / "config.toml")
    reading = ReadingProcess(config)
    there = open_desk(config, clock=lambda: fixed)
    try:
        there_outcomes = _run(there, tmp_path / "there", reading)
        assert there_outcomes == here_outcomes
        assert here_outcomes["quarantined"] == 2  # the attachments and the bytes that are no email
        assert _records(there) == _records(here)
    finally:
        reading.close()
        there.close()


def test_when_the_reading_process_dies_the_loop_reads_and_loses_nothing(
        tmp_path: Path, open_test_desk: Callable[..., Desk]) -> None:
    desk = open_test_desk()
    reading = ReadingProcess(desk.config)
    try:
        workers = multiprocessing.active_children()
        assert workers, "the reading process runs"
        for worker in workers:
            os.kill(worker.pid, signal.SIGKILL)  # type: ignore[arg-type]
        time.sleep(0.2)
        outcomes = _run(desk, tmp_path / "inbox", reading)
    finally:
        reading.close()
    mail = _mixed_mail()
    assert sum(outcomes.values()) == len(mail)
    messages, _ = _records(desk)
    assert len(messages) == len(mail)
    assert not list((tmp_path / "inbox" / "new").iterdir()), "every message acknowledged or quarantined"


_real_read = pipeline.read


def _reading_stuck_in_c_code(raw: bytes, rules: object) -> object:
    """A reader that hangs on b"STUCK" the way a long C-level regex does: no alarm reaches it."""
    if b"STUCK" in raw:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(120)
    return _real_read(raw, rules)  # type: ignore[arg-type]


def test_a_message_the_reading_process_cannot_finish_is_quarantined_by_the_clock(
        tmp_path: Path, open_test_desk: Callable[..., Desk], monkeypatch: pytest.MonkeyPatch) -> None:
    desk = open_test_desk()
    seconds = desk.config.guards.max_parse_seconds
    monkeypatch.setattr(pipeline, "read", _reading_stuck_in_c_code)  # forked into the reading process
    # forked, never spawned: a thread another test of this worker left behind would make it a fresh interpreter,
    # without the stuck reader (the desk forks only while no other thread runs)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    reading = ReadingProcess(desk.config)
    mail = _mixed_mail()
    stuck = (b"From: <disdukcapil@bulungankab.example>\r\nSubject: Permohonan\r\n"
             b"Message-ID: <stuck@bulungankab.example>\r\n\r\nSTUCK mohon 2.000 keping\r\n")
    mail.insert(10, stuck)  # in the second group, read ahead while the first is recorded
    inbox_dir = tmp_path / "inbox"
    for raw in mail:
        deliver(inbox_dir, raw)
    inbox = MaildirInbox(inbox_dir, size_limit=desk.config.guards.max_message_bytes)
    started = time.monotonic()
    try:
        outcomes = process_inbox(desk, inbox, group=7, reading=reading)
    finally:
        reading.close()
    took = time.monotonic() - started
    assert took < seconds + 1 + patience(20), f"a stuck message took {took:.0f} s"
    assert sum(outcomes.values()) == len(mail)
    messages, _ = _records(desk)
    assert len(messages) == len(mail)
    reasons = {m[0]: m[-1] for m in messages if m[-1] and "parse_seconds" in m[-1]}  # the error, the last field
    # the process started again is a fresh interpreter, without the stuck reader: the rest is read there
    assert list(reasons) == ["mid:<stuck@bulungankab.example>"], reasons
    assert not list((inbox_dir / "new").iterdir()), "every message acknowledged or quarantined"


# --- one sender at a time ------------------------------------------------------------------------

FLUSHER = """
import sys, time
from pathlib import Path
from mailbot.app import open_desk
from mailbot.configfile import load_config
from mailbot.outbox import flush

class SlowRecorder:
    def __init__(self, path, pause):
        self.path, self.pause = path, pause
    def send_batch(self, messages, on_result=None):
        with open(self.path, "a") as log:
            for m in messages:
                time.sleep(self.pause)
                log.write(m.message_id + "\\n")
                log.flush()
                if on_result is not None:
                    on_result(m.message_id, None)
        return {m.message_id: None for m in messages}
    def close(self):
        pass

desk = open_desk(load_config(Path(sys.argv[1])), upgrade=False)
pause = float(sys.argv[3]) if len(sys.argv) > 3 else 0.004
print(flush(desk, SlowRecorder(sys.argv[2], pause), batch=10).sent)
desk.close()
"""


def queue_notices(desk: Desk, rows: int) -> None:
    with desk.sessions.begin() as session:
        for i in range(rows):
            queue(session, desk, purpose=f"lock-test:{i}", category="notice", template="", to=["x@example.org"],
                  context={}, body=Rendered(subject=f"Uji {i}", text="Uji.\n", html=None))


def two_senders_send_each_row_once(desk: Desk, config_path: Path, folder: Path, rows: int = 120) -> None:
    """Queue *rows* notices, flush from two processes at once, and check each went out exactly once."""
    queue_notices(desk, rows)
    record = folder / "sent.log"
    flushers = [subprocess.Popen([sys.executable, "-c", FLUSHER, str(config_path), str(record)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
                for _ in range(2)]
    results = [f.communicate(timeout=120) for f in flushers]
    assert all(f.returncode == 0 for f in flushers), [err for _, err in results]
    sent_counts = sorted(int(out.strip()) for out, _ in results)
    lines = record.read_text().split()
    assert len(lines) == len(set(lines)), "a row was sent twice"
    assert len(lines) == rows and sum(sent_counts) == rows
    with desk.sessions() as session:
        statuses = session.scalars(select(OutboxMessage.status).where(OutboxMessage.purpose.like("lock-test:%")))
        assert set(statuses) == {"sent"}


def test_two_processes_flushing_one_outbox_send_each_row_once(
        desk_dir: Path, open_test_desk: Callable[..., Desk]) -> None:
    two_senders_send_each_row_once(open_test_desk(), desk_dir / "config.toml", desk_dir)


# --- no helper outlives mailbot run --------------------------------------------------------------

def _processes_of(config: Path) -> list[int]:
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if str(config).encode() in cmdline and int(pid) != os.getpid():
            found.append(int(pid))
    return found


def test_helpers_exit_when_mailbot_run_is_killed(desk_dir: Path) -> None:
    inbox = desk_dir / "var" / "mail" / "inbox"
    for path in sorted(EXAMPLES.glob("*.eml")):
        deliver(inbox, path.read_bytes())
    config = desk_dir / "config.toml"
    config.write_text(config.read_text().replace("poll_seconds = 30", "poll_seconds = 1"))
    proc = subprocess.Popen([sys.executable, "-m", "mailbot", "--config", str(config), "run"], cwd=desk_dir,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + patience(30)
        while len(_processes_of(config)) < 3 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(_processes_of(config)) >= 3, "mailbot run, its reading process and its sender process"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        deadline = time.monotonic() + patience(10)
        while _processes_of(config) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _processes_of(config) == [], "a helper process outlived mailbot run"
    finally:
        # a failed check leaves no service of this test running on after it (nor its helpers)
        for pid in [proc.pid, *_processes_of(config)]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        proc.wait(timeout=10)
    assert mailbot(desk_dir, "run", "--once").returncode == 0


def test_with_helper_processes_off_mailbot_run_is_one_process_and_answers_the_same(desk_dir: Path,
                                                                                   tmp_path: Path) -> None:
    from tests.desk.conftest import outbox_files

    single = tmp_path / "single"
    single.mkdir()
    config = single / "config.toml"
    config.write_text((desk_dir / "config.toml").read_text().replace("helper_processes = true",
                                                                     "helper_processes = false"))
    assert "helper_processes = false" in config.read_text()
    for folder in (desk_dir, single):
        for path in sorted(EXAMPLES.glob("*.eml")):
            deliver(folder / "var" / "mail" / "inbox", path.read_bytes())
    helped = mailbot(desk_dir, "run", "--once")
    assert helped.returncode == 0, helped.stderr
    proc = subprocess.Popen([sys.executable, "-m", "mailbot", "--config", str(config), "run"], cwd=single,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while len(outbox_files(single)) < len(outbox_files(desk_dir)) and time.monotonic() < deadline:
            assert set(_processes_of(config)) <= {proc.pid}, "helper processes started although switched off"
            time.sleep(0.1)
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert len(outbox_files(single)) == len(outbox_files(desk_dir)) > 0


def test_the_service_answers_on_after_its_helper_processes_die(desk_dir: Path) -> None:
    from tests.desk.conftest import outbox_files

    config = desk_dir / "config.toml"
    config.write_text(config.read_text().replace("poll_seconds = 30", "poll_seconds = 1"))
    inbox = desk_dir / "var" / "mail" / "inbox"
    samples = sorted(EXAMPLES.glob("*.eml"))
    deliver(inbox, samples[0].read_bytes())
    proc = subprocess.Popen([sys.executable, "-m", "mailbot", "--config", str(config), "run"], cwd=desk_dir,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not outbox_files(desk_dir) and time.monotonic() < deadline:
            time.sleep(0.1)
        first = len(outbox_files(desk_dir))
        assert first > 0, "the first reply went out"
        helpers = [pid for pid in _processes_of(config) if pid != proc.pid]
        assert len(helpers) == 2
        for pid in helpers:
            os.kill(pid, signal.SIGKILL)
        deliver(inbox, samples[1].read_bytes())
        while len(outbox_files(desk_dir)) == first and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(outbox_files(desk_dir)) > first, "a reply after the helpers died"
        assert proc.poll() is None, "mailbot run goes on"
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "starting another" in err


# Run as a script of its own: a reading process whose worker dies half-way through sending a batch's
# judgments back (its first bytes written, the rest never), as a stop's kill can land at that moment.
_KILLED_MID_ANSWER = r'''
import gc, os, struct, sys, time
from pathlib import Path
from multiprocessing.queues import SimpleQueue
import mailbot.runners as runners
from mailbot.configfile import load_config
from mailbot.transports.base import IncomingMessage

marker = sys.argv[2]

def half_an_answer(raws, seq=0):
    (results,) = [o for o in gc.get_objects() if isinstance(o, SimpleQueue)]
    os.write(results._writer.fileno(), struct.pack("!i", 1 << 20) + b"the first bytes")
    open(marker, "w").close()
    time.sleep(60)

runners._judge_batch = half_an_answer  # forked into the reading process
reading = runners.ReadingProcess(load_config(Path(sys.argv[1])))
reading.submit([IncomingMessage(key="1", raw=b"Subject: x\r\n\r\nmohon 2.000 keping\r\n", size=30)])
while not os.path.exists(marker):
    time.sleep(0.01)
reading.close()
print("closed", flush=True)
'''


def test_a_reading_process_killed_while_it_answers_lets_mailbot_exit(desk_dir: Path, tmp_path: Path) -> None:
    """The stop hang: Python joins the pool's manager thread at exit, and that thread was left reading the
    rest of an answer that would never come (this process holds the pipe's write end too)."""
    script = tmp_path / "killed_mid_answer.py"
    script.write_text(_KILLED_MID_ANSWER)
    proc = subprocess.Popen([sys.executable, str(script), str(desk_dir / "config.toml"), str(tmp_path / "answering")],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        pytest.fail(f"mailbot's process did not exit after closing its reading process: {err.decode()[-2000:]}")
    assert proc.returncode == 0, err.decode()[-2000:]
    assert out.decode().split() == ["closed"]
