"""Daily reports read late (a backlog after an outage, an archive import, a re-import after a restore) raise at
most one "belum mengirim laporan harian" alert per district and week, judged on the district's latest report
against the desk's clock, and none when a later report in the same pass shows the district reporting."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from tests.desk.conftest import WITA
from tests.desk.mailkit import DISTRICT_SENDERS, MANAGERS, db, run_once, sent_mail, write_eml

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

TARAKAN = "65.71"


def _reports(folder: Path, days: list[date], tag: str) -> list[Path]:
    folder.mkdir(exist_ok=True)
    return [write_eml(
        folder, f"{tag}-{day:%Y%m%d}.eml", sender=DISTRICT_SENDERS[TARAKAN],
        subject=f"Laporan harian perekaman KTP-el {day:%d/%m/%Y}",
        body=(f"Berikut laporan harian kegiatan perekaman Disdukcapil Kota Tarakan tanggal {day:%d/%m/%Y}:\n\n"
              f"Perekaman: 152 | Pencetakan: 138 | Sisa blangko: 6.9{day.day % 10}0\n\nTerima kasih.\n"),
        message_id=f"<{tag}-{day:%Y%m%d}@mail.tarakankota.example>",
        date=f"{day:%a, %d %b %Y} 16:05:40 +0800") for day in days]


def _silence_alerts(desk_dir: Path) -> list[str]:
    with db(desk_dir) as conn:
        return [r[0] for r in conn.execute("select purpose from outbox where purpose like 'alert:silent:%'")]


def test_an_archive_of_old_reports_raises_one_silence_alert_on_the_latest_report(desk_dir: Path) -> None:
    june = [date(2026, 6, d) for d in (3, 1, 5, 2, 4)]
    run_once(desk_dir, *_reports(desk_dir / "mails", june, "june"))
    assert len(_silence_alerts(desk_dir)) == 1, _silence_alerts(desk_dir)
    told = [s for s in sent_mail(desk_dir) if "Kota Tarakan belum mengirim laporan harian" in s.subject]
    assert len(told) == 1 and set(told[0].to) == set(MANAGERS)
    assert all("Laporan terakhir diterima untuk tanggal 5 Juni 2026." in s.text for s in told), told[0].text
    # more of the archive read in a later pass the same week: the same condition, no new alert
    run_once(desk_dir, *_reports(desk_dir / "mails", [date(2026, 6, 8), date(2026, 6, 9)], "more"))
    assert len(_silence_alerts(desk_dir)) == 1, _silence_alerts(desk_dir)


def test_a_backlog_whose_latest_report_is_recent_raises_no_silence_alert(desk_dir: Path) -> None:
    today = datetime.now(WITA).date()
    days = [today - timedelta(days=n) for n in (9, 1, 8, 7, 6, 5, 4, 3, 2)]
    run_once(desk_dir, *_reports(desk_dir / "mails", days, "backlog"))
    with db(desk_dir) as conn:
        assert conn.execute("select count(*) from reports where district = ?", (TARAKAN,)).fetchone()[0] == 9
    assert _silence_alerts(desk_dir) == []
    assert not [s for s in sent_mail(desk_dir) if "belum mengirim laporan harian" in s.subject]
