"""python-calamine against openpyxl (read-only), on ordinary sheets and on spreadsheet bombs: time and peak RSS.

    .venv/bin/python bench/bench_spreadsheets.py

Each reader reads each file in a child process of its own (address space capped at 4 GB, 60 s at most),
the way mailbot would without its checks: every sheet, the first 2,000 rows. Then mailbot's own read
(read_xlsx: check_spreadsheet, then openpyxl) on the same files. python-calamine is installed with the
dev extra. The bombs are scripts/make_hostile.py's.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.fuzzrun import make_hostile  # noqa: E402

READ = r'''
import io, resource, sys, time
how, path = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
started = time.monotonic()
rows = 0
try:
    if how == "openpyxl":
        import openpyxl
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        for sheet in book.worksheets:
            for n, row in enumerate(sheet.iter_rows(max_col=40, values_only=True)):
                if n >= 2000:
                    break
                rows += 1
    elif how == "calamine":
        import python_calamine
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        for i in range(len(book.sheet_names)):
            for n, row in enumerate(book.get_sheet_by_index(i).iter_rows()):
                if n >= 2000:
                    break
                rows += 1
    else:
        from mailbot.reader.mime import read_xlsx
        rows = sum(len(t) for t in read_xlsx(data))
    outcome = f"{rows} rows"
except BaseException as exc:
    outcome = f"{type(exc).__name__}: {str(exc)[:60]}"
print(f"{time.monotonic() - started:.2f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} {outcome}")
'''


def _cap() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


def measure(how: str, path: Path) -> str:
    started = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-c", READ, how, str(path)], capture_output=True, text=True,
                              timeout=60, preexec_fn=_cap, cwd=REPO)
    except subprocess.TimeoutExpired:
        return f"{'>60':>7} s {'?':>6} MB  still reading after 60 s"
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[0][:70]
        return f"{time.monotonic() - started:7.2f} s {'?':>6} MB  process died ({done.returncode}): {last}"
    seconds, rss, outcome = done.stdout.strip().split(" ", 2)
    return f"{float(seconds):7.2f} s {float(rss):6.0f} MB  {outcome}"


def main() -> None:
    files = {"ordinary report (30 rows)": make_hostile.normal_xlsx(), **make_hostile.bombs()}
    files.pop("zip-bomb")
    with tempfile.TemporaryDirectory() as folder:
        for name, data in files.items():
            path = Path(folder) / f"{name}.xlsx"
            path.write_bytes(data)
            print(f"{name} ({len(data):,} bytes)")
            for how in ("openpyxl", "calamine", "mailbot"):
                print(f"  {how:9s}{measure(how, path)}")


if __name__ == "__main__":
    main()
