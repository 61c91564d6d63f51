"""Arrival-to-reply latency: 200 emails appended one by one while `mailbot run` idles on Dovecot."""

from __future__ import annotations

import argparse
import email
import email.policy
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _servers import (  # noqa: E402
    PASSWORD_ENV,
    REPO,
    DovecotServer,
    SmtpServer,
    district_request,
    dovecot_missing_reason,
    mailbot_command,
    percentile,
    pipeline_missing_reason,
    write_desk_config,
)

TARGET_P95 = 1.5


def idle_floor(dovecot: DovecotServer, samples: int) -> list[float]:
    """Plain imapclient IDLE: seconds from APPEND start until the EXISTS notice arrives."""
    latencies: list[float] = []
    with dovecot.client() as client:
        client.select_folder("Floor")
        for i in range(samples):
            client.idle()
            started: list[float] = []

            def deliver(started: list[float] = started, index: int = i) -> None:
                started.append(time.monotonic())
                dovecot.append("Floor", district_request(10_000 + index))

            threading.Timer(0.05, deliver).start()
            while True:
                responses = client.idle_check(timeout=5)
                if any(len(r) > 1 and r[1] == b"EXISTS" for r in responses):
                    latencies.append(time.monotonic() - started[0])
                    break
            client.idle_done()
    return latencies


def in_reply_to(raw: bytes) -> str:
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    return str(parsed.get("In-Reply-To", "")).strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=200)
    # Dovecot tells an IDLE client of a change about 0.5 s after it happens, also of mailbot's own
    # move of the message it just answered. With a shorter gap, that late notice would wake mailbot
    # for the next email before the email's own notice, and the latency would read lower than it is.
    parser.add_argument("--gap", type=float, default=0.8,
                        help="seconds between a reply and the next email (default 0.8, above Dovecot's notice delay)")
    args = parser.parse_args()
    reason = dovecot_missing_reason()
    if reason:
        print(f"skipped: {reason}")
        return 0
    with DovecotServer() as dovecot, SmtpServer() as smtp:
        dovecot.append("Floor", district_request(9_999))
        floor = idle_floor(dovecot, 20)
        print(f"floor  Dovecot IDLE notice after APPEND (20 samples): p50 {percentile(floor, 0.5):.3f} s, "
              f"p95 {percentile(floor, 0.95):.3f} s")
        missing = pipeline_missing_reason()
        if missing:
            print(f"end-to-end: not measured ({missing})")
            return 0
        folder = Path(tempfile.mkdtemp(prefix="mailbot-bench-"))
        config = write_desk_config(folder, dovecot, smtp, poll_seconds=60, max_replies_per_sender_per_day=1_000_000)
        env = dict(os.environ, **{PASSWORD_ENV: dovecot.password})
        log = open(folder / "run.log", "wb")
        proc = subprocess.Popen([*mailbot_command(), "--config", str(config), "run"], env=env, stdout=log,
                                stderr=subprocess.STDOUT, cwd=REPO, start_new_session=True)
        latencies: list[float] = []
        missed = 0
        try:
            time.sleep(2.0)  # connect and settle into IDLE
            for i in range(args.messages):
                raw = district_request(i)
                message_id = str(email.message_from_bytes(raw, policy=email.policy.default)["Message-ID"])
                seen = len(smtp.messages)
                started = time.monotonic()
                dovecot.append("INBOX", raw)
                reply_at = None
                while time.monotonic() - started < 15:
                    for captured in smtp.messages[seen:]:
                        if message_id in in_reply_to(captured.raw):
                            reply_at = captured.received_at
                    if reply_at is not None:
                        break
                    time.sleep(0.005)
                if reply_at is None:
                    missed += 1
                else:
                    latencies.append(reply_at - started)
                time.sleep(args.gap)
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
            log.close()
        if not latencies:
            print(f"end-to-end: no reply arrived; see {folder / 'run.log'}")
            return 1
        p95 = percentile(latencies, 0.95)
        print(
            f"end-to-end mailbot run (IDLE), arrival -> reply captured: {len(latencies)} of {args.messages} "
            f"answered, p50 {percentile(latencies, 0.5):.3f} s, p95 {p95:.3f} s, max {max(latencies):.3f} s "
            f"(target p95 <= {TARGET_P95}: {'met' if p95 <= TARGET_P95 else 'NOT met'}); {missed} without reply in 15 s"
        )
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run the servers' cleanup on kill
    raise SystemExit(main())
