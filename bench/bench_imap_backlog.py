"""Backlog throughput: 5,000 district emails in Dovecot, raw FETCH floor, ImapInbox, and the desk end to end."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _servers import (  # noqa: E402
    PASSWORD_ENV,
    DovecotServer,
    SmtpServer,
    district_request,
    dovecot_missing_reason,
    pipeline_missing_reason,
    run_desk_once,
)

from mailbot.config import ImapInbox as ImapInboxConfig  # noqa: E402
from mailbot.transports.base import MemoryCursorStore  # noqa: E402
from mailbot.transports.imap import ImapInbox  # noqa: E402

TARGET = 300.0


def raw_fetch_floor(dovecot: DovecotServer, batch: int) -> tuple[int, float]:
    """Plain imapclient: SEARCH ALL, then UID FETCH BODY.PEEK[] in batches (read-only)."""
    started = time.monotonic()
    count = 0
    with dovecot.client() as client:
        client.select_folder("INBOX", readonly=True)
        uids = client.search("ALL")
        for i in range(0, len(uids), batch):
            count += len(client.fetch(uids[i : i + batch], ["BODY.PEEK[]"]))
    return count, time.monotonic() - started


def adapter_fetch(dovecot: DovecotServer, batch: int) -> tuple[int, float]:
    """ImapInbox.fetch_new over the same mailbox (sizes, then bodies), without acknowledging."""
    config = ImapInboxConfig(
        kind="imap", host=dovecot.host, port=dovecot.port, tls="none", username=dovecot.user,
        password_env=PASSWORD_ENV, fetch_batch=batch,
    )
    started = time.monotonic()
    with ImapInbox(config, dovecot.password, MemoryCursorStore(), size_limit=10 << 20) as inbox:
        count = sum(1 for _ in inbox.fetch_new())
    return count, time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=200)
    args = parser.parse_args()
    reason = dovecot_missing_reason()
    if reason:
        print(f"skipped: {reason}")
        return 0
    with DovecotServer() as dovecot, SmtpServer() as smtp:
        started = time.monotonic()
        dovecot.append_many("INBOX", (district_request(i) for i in range(args.messages)))
        append_s = time.monotonic() - started
        print(f"appended {args.messages} district emails in {append_s:.1f} s ({args.messages / append_s:.0f} msg/s)")

        n, s = raw_fetch_floor(dovecot, args.batch)
        floor = n / s
        print(f"floor  raw imapclient UID FETCH BODY.PEEK[] (batch {args.batch}): {n} in {s:.2f} s = {floor:.0f} msg/s")
        n, s = adapter_fetch(dovecot, args.batch)
        print(f"adapter ImapInbox.fetch_new (SIZE then PEEK, batch {args.batch}): {n} in {s:.2f} s = {n / s:.0f} msg/s")

        missing = pipeline_missing_reason()
        if missing:
            print(f"end-to-end: not measured ({missing})")
            return 0
        # By default mailbot run reads in a helper process and sends from another (three processes);
        # the same backlog is then run again in one process (helper_processes = false) for comparison.
        for helpers in (True, False):
            if not helpers:
                dovecot.append_many("INBOX", (district_request(i) for i in range(args.messages)))
            desk = run_desk_once(dovecot, smtp, fetch_batch=args.batch, helper_processes=helpers)
            run, processed, replies = desk.run, desk.processed, desk.replies
            if run.returncode != 0:
                print(f"end-to-end: mailbot run --once failed ({run.returncode}): {run.output[-2000:]}")
                return 1
            left = dovecot.count("INBOX")
            rate = processed / run.seconds
            if helpers:
                label, verdict = "", f" (target >= {TARGET:.0f}: {'met' if rate >= TARGET else 'NOT met'})"
            else:
                label, verdict = " in one process (helper_processes = false)", ""
            print(
                f"end-to-end mailbot run --once{label}: {processed} processed (moved), {replies} replies delivered, "
                f"{left} left in INBOX, in {run.seconds:.1f} s = {rate:.0f} msg/s{verdict}; "
                f"CPU {run.cpu_seconds:.1f} s = {1000 * run.cpu_seconds / max(processed, 1):.2f} ms/msg "
                f"(all processes of mailbot); raw FETCH floor {floor:.0f} msg/s; "
                f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
            )
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run the servers' cleanup on kill
    raise SystemExit(main())
