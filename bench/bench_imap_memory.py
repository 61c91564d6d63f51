"""Peak memory while draining a 20,000-message backlog from Dovecot (fetch in batches, never all at once).

`mailbot run` is three processes; their RSS is summed over the process tree, sampled every 50 ms.
"""

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
    run_child,
    run_desk_once,
)

TARGET_MB = 150.0

BASELINE = "import mailbot.transports.imap, mailbot.config"

ADAPTER_DRAIN = """
import os, sys
from mailbot.config import ImapInbox as C
from mailbot.transports.base import MemoryCursorStore
from mailbot.transports.imap import ImapInbox
host, port, user, batch = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
config = C(kind="imap", host=host, port=port, tls="none", username=user, password_env="X", fetch_batch=batch)
n = 0
with ImapInbox(config, os.environ["{password_env}"], MemoryCursorStore(), size_limit=10 << 20) as inbox:
    for message in inbox.fetch_new():
        n += len(message.raw or b"") > 0
print(n)
""".replace("{password_env}", PASSWORD_ENV)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=200)
    args = parser.parse_args()
    reason = dovecot_missing_reason()
    if reason:
        print(f"skipped: {reason}")
        return 0
    with DovecotServer() as dovecot, SmtpServer() as smtp:
        started = time.monotonic()
        dovecot.append_many("INBOX", (district_request(i) for i in range(args.messages)))
        print(f"appended {args.messages} district emails in {time.monotonic() - started:.1f} s")
        env = dict(os.environ, **{PASSWORD_ENV: dovecot.password})

        base = run_child([sys.executable, "-c", BASELINE], env=env)
        print(f"floor  interpreter + imapclient + mailbot.transports imported: peak RSS {base.peak_rss_mb:.1f} MB")
        drain = run_child([sys.executable, "-c", ADAPTER_DRAIN, dovecot.host, str(dovecot.port), dovecot.user,
                           str(args.batch)], env=env)
        if drain.returncode != 0:
            print(f"adapter drain failed: {drain.output[-2000:]}")
            return 1
        print(f"adapter ImapInbox.fetch_new drain of {drain.output.strip()} messages (batch {args.batch}): "
              f"peak RSS {drain.peak_rss_mb:.1f} MB in {drain.seconds:.1f} s")

        missing = pipeline_missing_reason()
        if missing:
            print(f"end-to-end: not measured ({missing})")
            return 0
        # `mailbot run` is three processes by default (the inbox loop, its reading process, its sender
        # process). Pages they share are counted in each one's RSS, so the target is held against the
        # sum of their PSS (shared pages split among their sharers); RSS summed is printed beside it.
        # With helper_processes = false it is one process, held against its own peak RSS.
        for helpers in (True, False):
            if helpers is False:  # the same backlog again, for a desk of its own
                dovecot.append_many("INBOX", (district_request(i) for i in range(args.messages)))
            desk = run_desk_once(dovecot, smtp, fetch_batch=args.batch, helper_processes=helpers, timeout=1800,
                                 sample_tree=True)
            run, processed, replies = desk.run, desk.processed, desk.replies
            if run.returncode != 0:
                print(f"end-to-end: mailbot run --once failed ({run.returncode}): {run.output[-2000:]}")
                return 1
            if helpers:
                measured, what = run.peak_tree_pss_mb, "sum of PSS"
                detail = (f"three processes: peak PSS summed {run.peak_tree_pss_mb:.1f} MB, peak RSS summed "
                          f"{run.peak_tree_rss_mb:.1f} MB, largest process {run.peak_process_rss_mb:.1f} MB")
            else:
                measured, what = run.peak_process_rss_mb, "RSS"
                detail = f"one process (helper_processes = false): peak RSS {run.peak_process_rss_mb:.1f} MB"
            print(
                f"end-to-end mailbot run --once draining {args.messages}: {processed} moved, {replies} "
                f"replies, {run.seconds:.1f} s; {detail} "
                f"(target <= {TARGET_MB:.0f} MB for the {what}: {'met' if measured <= TARGET_MB else 'NOT met'})"
            )
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run the servers' cleanup on kill
    raise SystemExit(main())
