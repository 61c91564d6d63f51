"""Alert conditions over a stock snapshot, each with a key that is unique per condition and period."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal

from mailbot.stock.forecast import working_days_between
from mailbot.stock.policy import Decision, Value, proactive_proposal
from mailbot.stock.settings import AlertSettings, StockSettings
from mailbot.stock.status import StockStatus

AlertKind = Literal["below_threshold", "silent", "runway_low", "held_too_long"]
Severity = Literal["warning", "critical"]


@dataclass(frozen=True)
class Alert:
    """One condition that needs a manager.

    key is stable for the same condition in the same period, so storing alerts under a unique
    key sends each at most once:
      below_threshold:<item>:<district>:<state>:<ISO week>  (a worse state alerts again; a
                                                            district still low is reminded weekly)
      silent:<district>:<ISO week>                          (a district still silent is reminded
                                                            weekly, however many old reports are read)
      runway_low:<item>:<YYYY-MM>                           (monthly while it lasts)
      held_too_long:<request reference>                     (once per request)
    """

    kind: AlertKind
    key: str
    severity: Severity
    district: str | None = None
    item: str | None = None
    data: Mapping[str, Value] = field(default_factory=dict)
    proposal: Decision | None = None


@dataclass(frozen=True)
class HeldRequest:
    """A request waiting for a manager."""

    reference: str
    district: str | None
    item: str | None
    held_since: datetime
    requested: int | None = None
    proposed: int | None = None
    no_proposal_why: str = ""  # with no proposal (0): why, in Indonesian (mailbot.stock.explain.no_proposal)


@dataclass(frozen=True)
class AlertSnapshot:
    """Everything the checks look at.

    open_requests: per (district, item), references of open requests (no proactive proposal
    then). reports_expected_since: for a district that has never reported, the day silence is
    counted from (None: such districts are not reported silent).
    """

    status: StockStatus
    held: tuple[HeldRequest, ...] = ()
    open_requests: Mapping[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    reports_expected_since: date | None = None


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def check_alerts(snapshot: AlertSnapshot, now: datetime, stock: StockSettings, settings: AlertSettings,
                 *, silence: bool = True) -> tuple[Alert, ...]:
    """Every alert condition that holds at *now* (office local time; its date is "today").

    Silence is judged against *now* and each district's latest report date; without *silence* it is
    not judged at all (a report read in the middle of a pass: a later one in the same pass may clear it).
    """
    today = now.date()
    status = snapshot.status
    out: list[Alert] = []
    for row in status.districts:
        below = row.on_hand < row.threshold
        if below and (row.pipeline < row.threshold or row.state == "critical"):
            province = status.province.get(row.item)
            open_refs = snapshot.open_requests.get((row.district, row.item), ())
            proposal = proactive_proposal(row, province, stock, open_refs) if province is not None else None
            out.append(Alert(
                "below_threshold",
                f"below_threshold:{row.item}:{row.district}:{row.state}:{iso_week(today)}",
                "critical" if row.state == "critical" else "warning",
                row.district, row.item,
                {"on_hand": row.on_hand, "threshold": row.threshold, "incoming": row.incoming,
                 "in_transit": row.in_transit, "approved_pending": row.approved_pending,
                 "daily_use": round(row.daily_use, 1),
                 "cover_days": None if row.cover_days is None else round(row.cover_days, 1),
                 "state": row.state, "open_requests": ", ".join(open_refs)},
                proposal,
            ))
    last_by_district: dict[str, date | None] = {}
    for row in status.districts if silence else ():
        current = last_by_district.get(row.district)
        if row.last_report is not None and (current is None or row.last_report > current):
            last_by_district[row.district] = row.last_report
        else:
            last_by_district.setdefault(row.district, current)
    yesterday = today - timedelta(days=1)
    for district, last in last_by_district.items():
        since = last or snapshot.reports_expected_since
        if since is None:
            continue
        missed = working_days_between(since, yesterday, stock.working_days)
        if missed >= settings.silent_working_days:
            out.append(Alert(
                "silent", f"silent:{district}:{iso_week(today)}", "warning", district, None,
                {"last_report": last.isoformat() if last else None, "working_days_missed": missed},
            ))
    for item, runway in status.runways.items():
        if runway.below_horizon and runway.months is not None:
            out.append(Alert(
                "runway_low", f"runway_low:{item}:{today:%Y-%m}",
                "critical" if runway.months < runway.horizon_months / 2 else "warning", None, item,
                {"months": round(runway.months, 1), "horizon_months": runway.horizon_months,
                 "runs_out_on": runway.runs_out_on.isoformat() if runway.runs_out_on else None,
                 "runway_stock": runway.runway_stock, "total_daily_use": round(runway.total_daily_use, 1)},
            ))
    limit = timedelta(hours=settings.held_request_hours)
    for held in snapshot.held:
        waited = now - held.held_since
        if waited > limit:
            out.append(Alert(
                "held_too_long", f"held_too_long:{held.reference}", "warning", held.district, held.item,
                {"reference": held.reference, "hours": int(waited.total_seconds() // 3600),
                 "held_on": held.held_since.date().isoformat(),
                 "requested": held.requested, "proposed": held.proposed, "no_proposal_why": held.no_proposal_why},
            ))
    return tuple(out)


def alert_context(alert: Alert, district_name: str | None) -> dict[str, object]:
    """Variables for templates/alert_<kind>.txt.j2 (the caller adds `office`).

    data keys holding ISO dates come back as dates, so the templates can write them in Indonesian;
    explanation is the proposal's arithmetic in Indonesian (empty without a proposal).
    """
    from mailbot.stock.explain import STATE_LABEL, explain_id

    data: dict[str, object] = dict(alert.data)
    for key in ("runs_out_on", "last_report", "held_on"):
        value = data.get(key)
        if isinstance(value, str):
            data[key] = date.fromisoformat(value)
    return {
        "alert": alert,
        "data": data,
        "district": alert.district,
        "district_name": district_name or alert.district or "-",
        "item": alert.item,
        "state_label": STATE_LABEL.get(str(data.get("state", "")), ""),
        "proposal": alert.proposal,
        "explanation": explain_id(alert.proposal) if alert.proposal is not None else [],
    }


def alert_template(alert: Alert) -> str:
    """The template name (without .txt.j2) of *alert*'s email."""
    return f"alert_{alert.kind}"
