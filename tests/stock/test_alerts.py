"""Alert conditions and their once-per-condition-and-period keys; the status table end to end."""

from __future__ import annotations

from datetime import date, datetime, time

from mailbot.stock.alerts import AlertSnapshot, HeldRequest, check_alerts
from mailbot.stock.forecast import DailyReport, DistrictStock, provincial_runway
from mailbot.stock.ledger import PROVINCE, Balance, Entry, EntryKind
from mailbot.stock.status import DistrictProfile, StockStatus, status_from_balances, status_table
from tests.stock.factories import ALERTS, SETTINGS, row

MONDAY = datetime(2026, 11, 30, 8, 0)


def snapshot(rows: list, province: int = 66000, held: tuple[HeldRequest, ...] = (), **kw: object) -> AlertSnapshot:
    runway = provincial_runway("ktp-el", province, 0, [DistrictStock(r.pipeline, r.threshold, r.daily_use)
                                                       for r in rows], MONDAY.date(), working_days=[0, 1, 2, 3, 4],
                               horizon_months=6)
    status = StockStatus(MONDAY.date(), tuple(rows), {"ktp-el": Balance(province)}, {"ktp-el": runway})
    return AlertSnapshot(status, held, **kw)  # type: ignore[arg-type]


def keys(snap: AlertSnapshot, now: datetime = MONDAY) -> list[str]:
    return [a.key for a in check_alerts(snap, now, SETTINGS, ALERTS)]


def healthy(**kw: object):  # noqa: ANN201
    base = {"on_hand": 5000, "daily_use": 100.0, "state": "ok", "last_report": date(2026, 11, 27)}
    return row(**{**base, **kw})  # type: ignore[arg-type]


def test_nothing_to_say_when_all_is_well() -> None:
    assert keys(snapshot([healthy()], province=200000)) == []


def test_below_threshold_comes_with_a_proposal_and_a_weekly_key() -> None:
    snap = snapshot([healthy(on_hand=800, state="low")], province=200000)
    (alert,) = check_alerts(snap, MONDAY, SETTINGS, ALERTS)
    assert alert.key == "below_threshold:ktp-el:65.01:low:2026-W49"
    assert alert.proposal is not None and alert.proposal.quantity == 2200  # 30 x 100 - 800, in packs
    # the same condition later the same week: the same key, so the unique index keeps it to one mail
    later = [k for k in keys(snap, datetime(2026, 12, 4, 15)) if k.startswith("below_threshold")]
    assert later == ["below_threshold:ktp-el:65.01:low:2026-W49"]
    # worse is a new condition
    assert keys(snapshot([healthy(on_hand=300, state="critical")], province=200000)) == [
        "below_threshold:ktp-el:65.01:critical:2026-W49"]


def test_no_low_alert_while_a_shipment_is_on_its_way() -> None:
    assert keys(snapshot([healthy(on_hand=800, state="low", in_transit=2000)], province=200000)) == []


def test_silent_district_counts_working_days_only() -> None:
    # last report Thursday; Friday missed; Monday morning is not over yet -> 1 working day missed
    assert keys(snapshot([healthy(last_report=date(2026, 11, 26))], province=200000)) == []
    # last report Wednesday: Thursday and Friday missed
    assert keys(snapshot([healthy(last_report=date(2026, 11, 25))], province=200000)) == [
        "silent:65.01:2026-W49"]


def test_never_reported_is_silent_only_when_reports_were_expected() -> None:
    quiet = healthy(last_report=None)
    assert keys(snapshot([quiet], province=200000)) == []
    assert keys(snapshot([quiet], province=200000, reports_expected_since=date(2026, 11, 20))) == [
        "silent:65.01:2026-W49"]


def test_runway_below_horizon_has_a_monthly_key_and_the_run_out_date() -> None:
    # 5,000 free in the store + 4,000 above the district's threshold, at 100 a working day: 90 working days
    (alert,) = check_alerts(snapshot([healthy()], province=5000), MONDAY, SETTINGS, ALERTS)
    assert alert.key == "runway_low:ktp-el:2026-11"
    assert alert.data["runs_out_on"] == "2027-04-05"  # eighteen weeks of five working days after Monday
    assert alert.data["months"] == 4.1  # 126 calendar days of 30.44 a month
    assert alert.severity == "warning"


def test_held_request_alerts_once_per_request_after_the_limit() -> None:
    held = (HeldRequest("BLK-2026-0007", "65.03", "ktp-el", datetime.combine(date(2026, 11, 29), time(7, 0))),
            HeldRequest("BLK-2026-0008", "65.03", "ktp-el", datetime.combine(date(2026, 11, 29), time(9, 0))))
    assert keys(snapshot([healthy()], province=200000, held=held)) == ["held_too_long:BLK-2026-0007"]


def test_status_table_from_entries_and_reports() -> None:
    at = datetime(2026, 11, 2, 8)
    entries = [
        Entry("ktp-el", PROVINCE, 66000, EntryKind.OPENING, at, "config"),
        Entry("ktp-el", "65.01", 1000, EntryKind.OPENING, at, "config"),
        Entry("ktp-el", "65.01", 400, EntryKind.STOCK_OBSERVED, at, "report:1"),
        Entry("ktp-el", "65.01", 2000, EntryKind.SHIPMENT_APPROVED, at, "request:1"),
    ]
    reports = [DailyReport("65.01", "ktp-el", date(2026, 11, d), 1000 - 100 * (d - 22), 100) for d in (23, 24, 25, 26)]
    profiles = [DistrictProfile("65.01", "Kabupaten Bulungan", 1000, {}),
                DistrictProfile("65.04", "Kabupaten Tana Tidung", 500, {"ktp-el": 25})]
    status = status_table(entries, reports, profiles, ("ktp-el",), date(2026, 11, 27), SETTINGS)
    bulungan = status.row("65.01", "ktp-el")
    tana_tidung = status.row("65.04", "ktp-el")
    assert bulungan is not None and tana_tidung is not None
    assert (bulungan.on_hand, bulungan.approved_pending, bulungan.daily_use, bulungan.use_basis) == (
        600, 2000, 100.0, "reports")
    assert (bulungan.cover_days, bulungan.state, bulungan.last_report) == (6.0, "low", date(2026, 11, 26))
    assert (tana_tidung.on_hand, tana_tidung.daily_use, tana_tidung.use_basis, tana_tidung.state) == (
        0, 25, "fallback", "critical")
    assert status.province["ktp-el"] == Balance(66000, 0, 2000)
    runway = status.runways["ktp-el"]
    assert (runway.province_free, runway.district_surplus) == (64000, 1600)


def test_the_latest_report_shows_for_a_district_silent_in_the_window() -> None:
    profiles = [DistrictProfile("65.01", "Kabupaten Bulungan", 1000, {}),
                DistrictProfile("65.02", "Kabupaten Malinau", 1000, {})]
    old = {("65.01", "ktp-el"): DailyReport("65.01", "ktp-el", date(2026, 9, 1), 1200, 40),
           ("65.02", "ktp-el"): DailyReport("65.02", "ktp-el", date(2026, 9, 1), 1300, 40)}
    recent = [DailyReport("65.02", "ktp-el", date(2026, 11, 26), 900, 50)]
    balances = {("ktp-el", "65.01"): Balance(700), ("ktp-el", "65.02"): Balance(900),
                ("ktp-el", PROVINCE): Balance(5000)}
    status = status_from_balances(balances, recent, profiles, ("ktp-el",), date(2026, 11, 27), SETTINGS, latest=old)
    bulungan, malinau = status.row("65.01", "ktp-el"), status.row("65.02", "ktp-el")
    assert bulungan is not None and malinau is not None
    assert (bulungan.on_hand, bulungan.last_report, bulungan.last_reported_on_hand) == (700, date(2026, 9, 1), 1200)
    assert (malinau.on_hand, malinau.last_report, malinau.last_reported_on_hand) == (900, date(2026, 11, 26), 900)
    assert status.province["ktp-el"] == Balance(5000)


def test_alert_emails_render_in_indonesian() -> None:
    from pathlib import Path

    from mailbot.config import OfficeConfig
    from mailbot.render import make_environment, render
    from mailbot.stock.alerts import alert_context, alert_template

    env = make_environment(Path(__file__).resolve().parents[2] / "templates")
    office = OfficeConfig(name="Disdukcapil Provinsi Kalimantan Utara", address="blangko@kaltara.example",
                          managers=["kadis@kaltara.example"])
    held = (HeldRequest("BLK-2026-0007", "65.01", "ktp-el", datetime(2026, 11, 27, 7), 8000, 3900),)
    snap = snapshot([healthy(on_hand=800, state="low", last_report=date(2026, 11, 20))], province=12000, held=held)
    alerts = check_alerts(snap, MONDAY, SETTINGS, ALERTS)
    assert sorted(a.kind for a in alerts) == ["below_threshold", "held_too_long", "runway_low", "silent"]
    bodies = {}
    for a in alerts:
        out = render(env, alert_template(a), office=office, **alert_context(a, "Kabupaten Bulungan"))
        assert out.subject and "Yth. Bapak/Ibu Pimpinan," in out.text
        bodies[a.kind] = out
    assert bodies["below_threshold"].subject == (
        "[Peringatan] Stok blangko KTP-el Kabupaten Bulungan menipis: 800 keping")
    assert "kebutuhan 30 hari x 100/hari - sisa menurut catatan 800 = 2.200" in bodies["below_threshold"].text
    assert "20 November 2026" in bodies["silent"].text
    assert "sampai sekitar" in bodies["runway_low"].text
    assert "BLK-2026-0007" in bodies["held_too_long"].subject
