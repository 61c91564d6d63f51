"""The log's line: the time in the office's zone with the zone written out, the level, the logger, the message."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, tzinfo

LINE = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class ZonedFormatter(logging.Formatter):
    """Log times in the office's time zone, with the zone written out ("2026-12-04 09:30:00 WITA");
    in UTC (and saying so) until the configuration names the zone."""

    def __init__(self, tz: tzinfo = UTC) -> None:
        super().__init__(LINE)
        self.tz = tz

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:  # noqa: N802
        return datetime.fromtimestamp(record.created, self.tz).strftime("%Y-%m-%d %H:%M:%S %Z")


def log_to_stderr(level: int, tz: tzinfo = UTC) -> None:
    """Log at *level* to stderr in the zoned line (a process that has no handler yet)."""
    handler = logging.StreamHandler()
    handler.setFormatter(ZonedFormatter(tz))
    logging.basicConfig(level=level, handlers=[handler])
