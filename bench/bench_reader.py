"""Reader throughput over the test corpus, on one core.

Usage: .venv/bin/python bench/bench_reader.py [--seconds 5]

Prints messages per second for read_message over every corpus file, for the plain-text
messages only (single text/plain part, no attachments), and as a floor the rate of bare
email.message_from_bytes(policy=default) + get_body over the same files in the same run; beside it
the rate of the bare policy.compat32 parse the reader itself starts with (no header objects, no
content manager); and, for comparison, the plain-text rate of all that `mailbot parse` does after
start-up (the guards' size and MIME limits, the parse-time limit, the reader, the figure bound).

A rate is messages per CPU second of this process, i.e. on one core whatever else the machine
runs; the rate by the wall clock is printed beside it (the same on an idle machine). The target
is the reader's plain-text rate per CPU second.
"""

from __future__ import annotations

import argparse
import email
import email.policy
import sys
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mailbot.configfile import load_config  # noqa: E402
from mailbot.pipeline import Rules, read_within_limits  # noqa: E402
from mailbot.reader import read_message  # noqa: E402
from mailbot.reader.verdict import District  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
TARGET_PLAIN = 2000.0


def districts() -> tuple[District, ...]:
    config = tomllib.loads((ROOT / "config.toml").read_text(encoding="utf-8"))
    return tuple(District(d["code"], d["name"], tuple(s.lower() for s in d["senders"])) for d in config["districts"])


def is_plain(raw: bytes) -> bool:
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    return not msg.is_multipart() and msg.get_content_type() == "text/plain"


def rate(messages: list[bytes], work: Callable[[bytes], object], seconds: float) -> tuple[float, float]:
    """Messages per CPU second and per wall-clock second of work over messages, cycling for about
    `seconds` of CPU time."""
    for raw in messages:  # warm up: imports, regex caches, openpyxl
        work(raw)
    done = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    deadline = cpu_start + seconds
    while True:
        for raw in messages:
            work(raw)
        done += len(messages)
        cpu = time.process_time()
        if cpu >= deadline:
            return done / (cpu - cpu_start), done / (time.perf_counter() - start)


def floor(raw: bytes) -> object:
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    body = msg.get_body(preferencelist=("plain", "html"))
    try:
        return body.get_content() if body is not None else None
    except LookupError:  # the stdlib gives up on an unknown charset; the reader does not
        return None


def compat32_floor(raw: bytes) -> object:
    """The parse read_message starts with (mime.parse_message): compat32, the body left as the parser stored it."""
    return email.message_from_bytes(raw, policy=email.policy.compat32).get_payload()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="time per measurement (default 5)")
    args = parser.parse_args()
    ds = districts()
    files = sorted(CORPUS.glob("*.eml"))
    everything = [f.read_bytes() for f in files]
    plain = [raw for raw in everything if is_plain(raw)]

    def read(raw: bytes) -> object:
        return read_message(raw, ds, own_addresses=("blangko@disdukcapil.kaltaraprov.example",))

    rules = Rules.of(load_config(ROOT / "config.toml"))

    def parse(raw: bytes) -> object:
        return read_within_limits(raw, rules)

    share = args.seconds / 7
    all_rate = rate(everything, read, share * 2)
    plain_rate = rate(plain, read, share * 2)
    floor_rate = rate(plain, floor, share)
    compat32_rate = rate(plain, compat32_floor, share)
    parse_rate = rate(plain, parse, share)
    print(f"corpus: {len(everything)} messages, {len(plain)} plain-text; msgs per CPU second (by the clock)")
    print(f"read_message, all messages:        {all_rate[0]:9.0f} msgs/s ({all_rate[1]:.0f})")
    print(f"read_message, plain-text messages: {plain_rate[0]:9.0f} msgs/s ({plain_rate[1]:.0f})"
          f"  (target >= {TARGET_PLAIN:.0f})")
    print(f"floor, message_from_bytes+get_body (plain-text, policy.default): {floor_rate[0]:9.0f} msgs/s"
          f" ({floor_rate[1]:.0f})")
    print(f"floor, message_from_bytes (plain-text, policy.compat32, the reader's own parse): {compat32_rate[0]:9.0f}"
          f" msgs/s ({compat32_rate[1]:.0f})")
    print(f"read_message, plain-text, against the policy.default floor: {plain_rate[0] / floor_rate[0]:.2f}x its rate")
    print(f"mailbot parse after start-up: limits + read (plain-text): {parse_rate[0]:9.0f} msgs/s"
          f" ({parse_rate[1]:.0f})")
    return 0 if plain_rate[0] >= TARGET_PLAIN else 1


if __name__ == "__main__":
    raise SystemExit(main())
