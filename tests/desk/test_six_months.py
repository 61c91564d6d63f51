"""Six months of district email, replayed through the real desk (issue 4, "Done when").

The five districts of Kalimantan Utara write to the desk every working day for 26 weeks, as their
staff would: a daily activity report, a request when their stock falls under 1,000 pieces, and a
receipt confirmation when a shipment arrives. Each district's true stock is simulated (its use per
working day varies week to week, with "jemput bola" outreach weeks), so every figure it writes is
consistent with what it really holds. Tana Tidung never asks: the desk has to notice it running low.
The province store starts smaller than the article's 66,000 so that it runs short in spring and has
to split what it can spare fairly, until a delivery from the ministry arrives.

Everything goes through the real pipeline in-process: .eml bytes into the Maildir inbox,
`service.run_once`, `watch.send_digest` every working morning, the operator's dispatches through
`actions.dispatch` (as `mailbot dispatch` does), and managers answering alerts by email ("SETUJU").
The clock is a mutable object advanced in office time (WITA).

After every simulated day the ledger is checked: balances summed in SQL equal the pure ledger's
balances over the entries reconstructed from the rows, cards are conserved (opening + supply +
adjustments - consumption), no balance is negative, the province's commitments equal the sum of
the districts', and every district's booked stock equals what it really holds.
"""

from __future__ import annotations

import email
import email.policy
import math
import random
import re
import shutil
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as dtime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, text

from mailbot import actions, watch
from mailbot.app import open_inbox, open_sender
from mailbot.config import ITEMS, PROVINCE
from mailbot.desk import Desk
from mailbot.service import run_once
from mailbot.stock.forecast import DailyReport, add_working_days
from mailbot.stock.ledger import SHIPMENT_KINDS, Balance, Entry, EntryKind, balances
from mailbot.stock.status import profiles_from_config, status_table
from mailbot.store import stock as ledger
from mailbot.store.schema import Alert, Decision, Digest, LedgerEntry, OutboxMessage, Report, Request
from mailbot.transports.maildir import deliver
from tests.desk.conftest import ROOT

# 26 weeks of mail through the whole desk, in process: about 20 s
# on SQLite and on PostgreSQL (tests/backends.py)
pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("sender_lists_decide", "database_url")]


WITA = ZoneInfo("Asia/Makassar")
DESK = "blangko@disdukcapil.kaltaraprov.example"
KADIS = "kadis@disdukcapil.kaltaraprov.example"
START = date(2026, 11, 30)  # a Monday
WEEKS = 26
PROVINCE_OPENING = 30_000  # the article's store is 66,000; smaller here so the province runs short
SUPPLY_DAY = date(2027, 4, 26)  # the ministry's delivery (Kemendagri)
SUPPLY_QTY = 40_000
ASK_BELOW = 1_000  # "kurang dari 1.000 keping"
SILENT = {"65.02": (date(2027, 2, 9), date(2027, 2, 11))}  # Malinau's internet is down for three days
REFERENCE = re.compile(r"\[(BLK-\d{4}-\d{4})\]")


# --- the world outside the desk ------------------------------------------------------------------

@dataclass
class Clock:
    """Office time, advanced by the scenario; the desk reads it through __call__."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def set(self, day: date, hour: int, minute: int = 0) -> None:
        moment = datetime.combine(day, dtime(hour, minute), tzinfo=WITA)
        assert moment >= self.now, "the clock never goes back"
        self.now = moment


@dataclass
class Shipment:
    reference: str
    quantity: int
    arrives: date
    notice: EmailMessage | None  # the desk's dispatch notice, if the district received one


@dataclass
class District:
    """One district office: its true stock, how fast it uses blanks, and what it writes."""

    code: str
    name: str
    sender: str
    signature: str
    stock: int
    base_use: int  # cards printed per working day in an ordinary week
    transit_days: int  # working days a shipment takes from Tanjung Selor
    asks: bool  # Tana Tidung never asks; the desk has to notice
    rng: random.Random
    outreach_weeks: frozenset[int] = frozenset()  # "jemput bola" weeks (index from START)
    waiting: bool = False  # has asked and not yet received
    shipments: list[Shipment] = field(default_factory=list)
    consumed: int = 0
    printed_since_report: int = 0
    requests_sent: list[tuple[date, int, int]] = field(default_factory=list)  # (day, asked, stock)

    def use_today(self, day: date) -> int:
        week = (day - START).days // 7
        factor = 1.8 if week in self.outreach_weeks else 0.8 + 0.4 * random.Random(f"{self.code}:{week}").random()
        printed = round(self.base_use * factor * (0.85 + 0.3 * self.rng.random()))
        return min(printed, self.stock)


def make_districts() -> dict[str, District]:
    spec = [
        # code, name, sender, signature, base use, transit days, asks, outreach weeks
        ("65.01", "Kabupaten Bulungan", "disdukcapil@bulungankab.example", "Hj. Rosmini, S.Sos", 110, 1, True,
         {6, 14, 20}),
        ("65.02", "Kabupaten Malinau", "disdukcapil@malinaukab.example", "Yohanes Lenjau", 70, 3, True, {9, 17}),
        ("65.03", "Kabupaten Nunukan", "disdukcapil@nunukankab.example", "Andi Baso", 130, 2, True, {4, 12, 19}),
        ("65.04", "Kabupaten Tana Tidung", "disdukcapil@tanatidungkab.example", "Operator SIAK", 25, 2, False,
         {10}),
        ("65.71", "Kota Tarakan", "disdukcapil@tarakankota.example", "Operator SIAK Tarakan", 140, 1, True,
         {3, 11, 18, 22}),
    ]
    opening = {"65.01": 8000, "65.02": 5500, "65.03": 7500, "65.04": 2500, "65.71": 7500}
    return {code: District(code, name, sender, sig, opening[code], use, transit, asks, random.Random(code),
                           frozenset(weeks))
            for code, name, sender, sig, use, transit, asks, weeks in spec}


def grouped(n: int) -> str:
    """2000 -> "2.000" (Indonesian thousands separator)."""
    return f"{n:,}".replace(",", ".")


def compose(clock: Clock, sender: str, name: str, subject: str, body: str, *,
            reply_to: EmailMessage | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"{name} <{sender}>"
    msg["To"] = DESK
    msg["Subject"] = subject
    msg["Date"] = format_datetime(clock())
    msg["Message-ID"] = make_msgid(domain=sender.split("@", 1)[1])
    if reply_to is not None:
        msg["In-Reply-To"] = str(reply_to["Message-ID"])
        msg["References"] = str(reply_to["Message-ID"])
        quoted = "\n".join("> " + line for line in plain(reply_to).splitlines())
        body += (f"\n\nPada {format_datetime(clock() - timedelta(hours=3))} "
                 f"{reply_to['From']} menulis:\n{quoted}\n")
    msg.set_content(body)
    return bytes(msg)


def plain(msg: EmailMessage) -> str:
    body = msg.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def is_silent(code: str, day: date) -> bool:
    first, last = SILENT.get(code, (day + timedelta(days=1), day))
    return first <= day <= last


def reply_subject(original: EmailMessage) -> str:
    subject = str(original["Subject"])
    return subject if subject.lower().startswith("re:") else f"Re: {subject}"


class Post:
    """Delivers the desk's outgoing mail (the outbox Maildir) to the people it is addressed to."""

    def __init__(self, folder: Path, people: dict[str, list[EmailMessage]]) -> None:
        self.folder = folder
        self.people = people

    def collect(self) -> list[EmailMessage]:
        new = sorted((self.folder / "new").glob("*"), key=lambda p: p.stat().st_mtime_ns)
        out = []
        for path in new:
            msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            assert isinstance(msg, EmailMessage)
            for rcpt in msg["To"].addresses:
                self.people.setdefault(rcpt.addr_spec.lower(), []).append(msg)
            out.append(msg)
            path.rename(self.folder / "cur" / f"{path.name}:2,S")
        return out


# --- the scenario --------------------------------------------------------------------------------

Snapshot = dict[str, tuple[int, float]]  # district -> (pipeline, daily use)


@dataclass
class Run:
    desk: Desk
    clock: Clock
    districts: dict[str, District]
    working_days: list[date] = field(default_factory=list)
    split_days: list[tuple[date, Snapshot, Snapshot]] = field(default_factory=list)
    manager_approvals: list[str] = field(default_factory=list)
    outcomes: Counter[str] = field(default_factory=Counter)
    checks: int = 0


def write_config(desk_dir: Path) -> None:
    config = desk_dir / "config.toml"
    text_ = config.read_text()
    old = 'opening_province = { "ktp-el" = 66000'
    assert old in text_
    text_ = text_.replace(old, f'opening_province = {{ "ktp-el" = {PROVINCE_OPENING}')
    # Six months of shortage and supply: requests are held for want of stock, not for their size
    # (the shipped limit of 3,000 would hold a district's full month for a manager as well).
    limit = re.search(r"^auto_approve_limit = \d+$", text_, re.MULTILINE)
    assert limit is not None
    config.write_text(text_.replace(limit.group(0), "auto_approve_limit = 5000"))


def simulate(desk_dir: Path, open_test_desk: Callable[..., Desk]) -> Run:
    write_config(desk_dir)
    clock = Clock(datetime.combine(START, dtime(6, 0), tzinfo=WITA))
    desk = open_test_desk(clock=clock)
    inbox = open_inbox(desk.config, desk)
    sender = open_sender(desk.config)
    inbox_path = desk.config.inbox.path  # type: ignore[union-attr]
    people: dict[str, list[EmailMessage]] = {}
    post = Post(desk.config.outbox.path, people)  # type: ignore[union-attr]
    districts = make_districts()
    run = Run(desk, clock, districts)
    manager_seen = 0
    wd = desk.config.stock.working_days

    def process() -> None:
        summary = run_once(desk, inbox, sender)
        run.outcomes.update(summary.outcomes)
        assert summary.outcomes.get("quarantined", 0) == 0, summary.outcomes
        post.collect()

    day = START
    end = START + timedelta(weeks=WEEKS)
    while day < end:
        if day.weekday() not in wd:
            clock.set(day, 12)
            process()
            check_ledger(run)
            day += timedelta(days=1)
            continue
        run.working_days.append(day)

        # 07:00 the managers' digest
        clock.set(day, 7)
        watch.send_digest(desk, sender)
        post.collect()

        # 07:30 the head of office answers what waits for her, by email
        clock.set(day, 7, 30)
        mail = people.get(KADIS, [])
        for msg in mail[manager_seen:]:
            decide_as_manager(run, msg, inbox_path)
        manager_seen = len(mail)
        process()

        # 08:00 the ministry's delivery; the operator dispatches every approved request (mailbot dispatch)
        clock.set(day, 8)
        if day == SUPPLY_DAY:
            with desk.sessions.begin() as session:
                actions.receive_supply(session, desk, item="ktp-el", quantity=SUPPLY_QTY,
                                       note="kiriman Ditjen Dukcapil Kemendagri", actor="operator")
            # what the ministry's delivery lets the managers approve now (held for want of stock)
            for msg in mail[:manager_seen]:
                decide_as_manager(run, msg, inbox_path, after_supply=True)
            clock.set(day, 8, 5)
            process()
        dispatch_approved(run, day)
        process()

        # 09:00 shipments arrive; districts confirm receipt by replying to the dispatch notice
        clock.set(day, 9)
        for d in districts.values():
            for s in [s for s in d.shipments if s.arrives <= day]:
                d.shipments.remove(s)
                s.notice = next((m for m in people.get(d.sender, []) if f"[{s.reference}]" in str(m["Subject"])
                                 and "DIKIRIM" in plain(m)), None)
                d.stock += s.quantity
                d.waiting = False
                deliver(inbox_path, receipt_mail(clock, d, s))
        process()

        # the day's work: cards printed
        for d in districts.values():
            used = d.use_today(day)
            d.stock -= used
            d.consumed += used
            d.printed_since_report += used

        # 15:00 a district under 1,000 asks for more; 16:00 daily reports
        clock.set(day, 15)
        before = cover_snapshot(run)
        for d in districts.values():
            if d.asks and not d.waiting and d.stock < ASK_BELOW:
                deliver(inbox_path, request_mail(clock, d, day))
                d.waiting = True
        process()
        note_fair_split(run, day, before)
        clock.set(day, 16)
        for i, d in enumerate(districts.values()):
            if is_silent(d.code, day):
                continue
            clock.set(day, 16, 5 * i)
            deliver(inbox_path, report_mail(clock, d, day))
            d.printed_since_report = 0
        clock.set(day, 17)
        process()
        check_ledger(run, reported_today=day)
        day += timedelta(days=1)
    return run


def request_mail(clock: Clock, d: District, day: date) -> bytes:
    asked = max(2000, math.ceil(d.base_use * 40 / 500) * 500)  # "about two months", in round figures
    d.requests_sent.append((day, asked, d.stock))
    body = (f"Yth. Kepala Dinas Kependudukan dan Pencatatan Sipil Provinsi Kalimantan Utara\n\n"
            f"Dengan hormat,\n\nSehubungan dengan meningkatnya pelayanan perekaman KTP-el di "
            f"{d.name}, bersama ini kami mohon tambahan blangko KTP-el sebanyak {grouped(asked)} keping, "
            f"sisa stok kami {grouped(d.stock)} keping.\n\n"
            f"Demikian kami sampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.\n\n"
            f"Hormat kami,\n{d.signature}\nDisdukcapil {d.name}\n")
    return compose(clock, d.sender, f"Disdukcapil {d.name}", "Permohonan tambahan blangko KTP-el", body)


def report_mail(clock: Clock, d: District, day: date) -> bytes:
    printed = d.printed_since_report
    recorded = printed + d.rng.randint(3, 25)
    body = (f"Selamat sore,\n\nBerikut laporan harian kegiatan perekaman Disdukcapil {d.name}.\n\n"
            f"Laporan harian {day:%d/%m/%Y}\n"
            f"Perekaman: {recorded} | Pencetakan: {printed} | Sisa blangko: {grouped(d.stock)}\n\n"
            f"Terima kasih.\n\n{d.signature}\n")
    return compose(clock, d.sender, f"Disdukcapil {d.name}", f"Laporan harian {day:%d/%m/%Y}", body)


def receipt_mail(clock: Clock, d: District, s: Shipment) -> bytes:
    body = (f"Dengan hormat,\n\nBersama ini kami sampaikan bahwa blangko KTP-el sebanyak {grouped(s.quantity)} "
            f"keping sudah kami terima dengan baik.\n\nTerima kasih.\n\n{d.signature}\n")
    if s.notice is not None:
        return compose(clock, d.sender, f"Disdukcapil {d.name}", reply_subject(s.notice), body, reply_to=s.notice)
    return compose(clock, d.sender, f"Disdukcapil {d.name}", "Penerimaan blangko KTP-el", body)


def decide_as_manager(run: Run, msg: EmailMessage, inbox_path: Path, *, after_supply: bool = False) -> None:
    """The head of office approves what waits for her: as proposed, or (held for want of stock) the need."""
    found = REFERENCE.search(str(msg["Subject"]))
    if found is None:
        return
    reference = found.group(1)
    with run.desk.sessions() as session:
        req = session.scalar(select(Request).where(Request.reference == reference))
        assert req is not None
        if req.state != "held" or reference in run.manager_approvals:
            return
        last = session.scalar(select(Decision).where(Decision.request_pk == req.id).order_by(Decision.id.desc()))
        assert last is not None
        codes = {r.get("code") for r in last.reasons}
        if req.approved:
            command = "SETUJU"
        elif after_supply and "province_short" in codes:
            need = next(s["value"] for s in reversed(last.arithmetic) if s["code"] in ("pack", "need"))
            command = f"SETUJU {grouped(int(need))}"
        else:
            return
    run.manager_approvals.append(reference)
    body = f"{command}\n\nSalam,\nKepala Dinas"
    deliver(inbox_path, compose(run.clock, KADIS, "Kepala Dinas", reply_subject(msg), body, reply_to=msg))


def dispatch_approved(run: Run, day: date) -> None:
    desk = run.desk
    with desk.sessions.begin() as session:
        for req in session.scalars(select(Request).where(Request.state == "approved").order_by(Request.id)):
            actions.dispatch(session, desk, req, actor="operator.blangko", via="cli")
            d = run.districts[req.district or ""]
            arrives = add_working_days(day, d.transit_days, desk.config.stock.working_days)
            d.shipments.append(Shipment(req.reference, int(req.approved or 0), arrives, None))


def cover_snapshot(run: Run) -> Snapshot:
    """Each district's pipeline (on hand + incoming) and daily use, as the desk sees them."""
    with run.desk.sessions() as session:
        status = ledger.stock_status(session, run.desk, items=("ktp-el",))
    return {r.district: (r.pipeline, r.daily_use) for r in status.rows("ktp-el")}


def note_fair_split(run: Run, day: date, before: Snapshot) -> None:
    """When requests were just split fairly, keep the districts' stock before and after (for the assertions)."""
    start = run.clock() - timedelta(minutes=1)
    with run.desk.sessions() as session:
        rows = session.scalars(select(Decision).where(Decision.at >= start, Decision.actor == "policy")).all()
        split = [d for d in rows if d.outcome == "approve_partial"
                 and any(r.get("code") == "fair_split" for r in d.reasons)]
    if split:
        run.split_days.append((day, before, cover_snapshot(run)))


# --- the ledger checks ---------------------------------------------------------------------------

ROW_COLUMNS = (LedgerEntry.kind, LedgerEntry.location, LedgerEntry.item, LedgerEntry.on_hand, LedgerEntry.in_transit,
               LedgerEntry.committed, LedgerEntry.at, LedgerEntry.source, LedgerEntry.note)


def reconstruct(rows: list[Any]) -> list[Entry]:
    """Ledger entries (pure) from the stored postings: shipments from their district side only."""
    entries = []
    for row in rows:
        kind = EntryKind(row.kind)
        if kind in SHIPMENT_KINDS and row.location == PROVINCE:
            continue  # the province side of a shipment is implied by its district side
        quantity = {
            EntryKind.SHIPMENT_APPROVED: row.committed, EntryKind.SHIPMENT_CANCELLED: -row.committed,
            EntryKind.SHIPMENT_DISPATCHED: row.in_transit, EntryKind.RECEIPT_CONFIRMED: row.on_hand,
            EntryKind.STOCK_OBSERVED: -row.on_hand,
        }.get(kind, row.on_hand)
        entries.append(Entry(row.item, row.location, quantity, kind, row.at, row.source, row.note or "-"))
    return entries


def check_ledger(run: Run, reported_today: date | None = None) -> None:
    with run.desk.sessions() as session:
        summed = {(i, loc): Balance(int(a), int(b), int(c)) for i, loc, a, b, c in session.execute(text(
            "SELECT item, location, SUM(on_hand), SUM(in_transit), SUM(committed) FROM ledger_entries "
            "GROUP BY item, location"))}
        flows = {(i, k): (int(a), int(b), int(c)) for i, k, a, b, c in session.execute(text(
            "SELECT item, kind, SUM(on_hand), SUM(in_transit), SUM(committed) FROM ledger_entries "
            "GROUP BY item, kind"))}
        # the columns reconstruct reads, as rows: loading every posting as an ORM object after each of the 182
        # days was a quarter of the scenario's own time
        rows = list(session.execute(select(*ROW_COLUMNS).order_by(LedgerEntry.id)))
    entries = reconstruct(rows)
    assert balances(entries) == summed
    for item in ("ktp-el", "kia"):
        def flow(kind: EntryKind, item: str = item) -> int:
            return flows.get((item, str(kind)), (0, 0, 0))[0]

        cards = sum(b.on_hand + b.in_transit for (i, _), b in summed.items() if i == item)
        assert cards == (flow(EntryKind.OPENING) + flow(EntryKind.SUPPLY_RECEIVED) + flow(EntryKind.ADJUSTMENT)
                         + flow(EntryKind.STOCK_OBSERVED)), f"{item}: cards not conserved"
        district_committed = sum(b.committed for (i, loc), b in summed.items() if i == item and loc != PROVINCE)
        assert summed[(item, PROVINCE)].committed == district_committed
        assert summed[(item, PROVINCE)].committed <= summed[(item, PROVINCE)].on_hand
    for key, b in summed.items():
        assert min(b.on_hand, b.in_transit, b.committed) >= 0, (key, b)
    # what `mailbot status` shows is the same sums
    with run.desk.sessions() as session:
        status = ledger.stock_status(session, run.desk)
        reports = [DailyReport(*r) for r in session.execute(select(
            Report.district, Report.item, Report.report_date, Report.stock_on_hand, Report.printed))]
    # and the same table as the pure status_table (tested with literal tables) makes of all entries and reports
    config = run.desk.config
    assert status == status_table(entries, reports, profiles_from_config(config), ITEMS, status.today,
                                  config.stock)
    for row in status.districts:
        assert Balance(row.on_hand, row.in_transit, row.approved_pending) == summed[(row.item, row.district)]
    for item, store in status.province.items():
        assert store == summed[(item, PROVINCE)]
    # the ledger knows what each district really holds and really used, once it has reported
    if reported_today is not None:
        for d in run.districts.values():
            if is_silent(d.code, reported_today):
                continue
            assert summed[("ktp-el", d.code)].on_hand == d.stock, d.code
    used = -flows.get(("ktp-el", str(EntryKind.STOCK_OBSERVED)), (0, 0, 0))[0]
    assert used == sum(d.consumed - d.printed_since_report for d in run.districts.values())
    assert flows.get(("ktp-el", str(EntryKind.ADJUSTMENT)), (0, 0, 0))[0] == 0, "no unexplained cards"
    run.checks += 1


# --- the test ------------------------------------------------------------------------------------

@pytest.fixture
def desk_dir(tmp_path: Path) -> Iterator[Path]:
    """The shipped config in a folder on tmpfs when there is one: ~2,000 fsyncs (SQLite commits, Maildir
    deliveries) would otherwise dominate the run on a busy disk."""
    shm = Path("/dev/shm")
    base = Path(tempfile.mkdtemp(prefix="mailbot-six-months-", dir=shm)) if shm.is_dir() else tmp_path
    shutil.copy(ROOT / "config.toml", base / "config.toml")
    (base / "var").mkdir()
    yield base
    if base != tmp_path:
        shutil.rmtree(base, ignore_errors=True)


def test_six_months_of_district_email(desk_dir: Path, open_test_desk: Callable[..., Desk]) -> None:
    run = simulate(desk_dir, open_test_desk)
    desk = run.desk
    assert len(run.working_days) == WEEKS * 5
    assert run.checks == WEEKS * 7

    with desk.sessions() as session:
        requests = list(session.scalars(select(Request).order_by(Request.id)))
        decisions = list(session.scalars(select(Decision).order_by(Decision.id)))
        alerts = list(session.scalars(select(Alert).order_by(Alert.id)))
        outbox = list(session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))
        digests = list(session.scalars(select(Digest)))
    by_request: dict[int, list[Decision]] = defaultdict(list)
    for dec in decisions:
        by_request[dec.request_pk].append(dec)

    # districts ask under 1,000 and get what they need, adjusted to need; shipped, received, confirmed
    asked = [r for r in requests if not r.proactive]
    assert {r.district for r in asked} == {"65.01", "65.02", "65.03", "65.71"}
    assert sum(len(d.requests_sent) for d in run.districts.values()) == len(asked)
    assert all(r.stock_on_hand is not None and r.stock_on_hand < ASK_BELOW for r in asked)
    needed = [dec for r in asked for dec in by_request[r.id][:1] if any(x["code"] == "capped_by_need"
                                                                         for x in dec.reasons)]
    assert needed, "approvals are adjusted to need"
    for dec in needed:
        final = next(s for s in dec.arithmetic if s["code"] == "approved")
        assert dec.quantity == final["need"] < final["requested"]
    assert all(r.state in ("received", "dispatched", "approved", "held") for r in requests)
    for r in asked:  # each request answered once, in its thread; each shipment announced and acknowledged
        mail = [m for m in outbox if m.request_pk == r.id and r.sender in m.recipients]
        assert all(m.subject.startswith(f"Re: [{r.reference}]") and m.recipients == [r.sender] for m in mail)
        assert len([m for m in mail if m.purpose.startswith("reply:")]) == (2 if r.state == "received" else 1)
        assert len([m for m in mail if m.purpose.startswith("dispatched:")]) == (r.state in ("dispatched",
                                                                                              "received"))
    assert run.outcomes["receipt"] == len([r for r in requests if r.state == "received"])
    assert not {"receipt-unmatched", "request-linked", "request-clarify", "report-clarify", "other"} & set(
        run.outcomes)
    received = [r for r in requests if r.state == "received"]
    assert len(received) >= 12
    for r in received:
        assert r.approved and r.approved > 0

    # Tana Tidung runs low without asking: an alert with a proactive proposal, approved by a manager
    proactive = [r for r in requests if r.proactive]
    assert proactive and {r.district for r in proactive} == {"65.04"}
    first = proactive[0]
    assert by_request[first.id][0].outcome == "propose"
    assert any(a.kind == "below_threshold" and a.district == "65.04" for a in alerts)
    alert_mail = next(m for m in outbox if m.category == "alert" and f"[{first.reference}]" in m.subject)
    assert "SETUJU" in alert_mail.raw.decode()
    approval = next(dec for dec in by_request[first.id] if dec.outcome == "approve")
    assert approval.actor == KADIS and approval.quantity == first.approved
    assert first.state == "received"
    assert first.reference in run.manager_approvals
    tana_tidung = run.districts["65.04"].sender
    notices = [m for m in outbox if m.request_pk == first.id and m.purpose.startswith("dispatched:")]
    assert [m.recipients for m in notices] == [[tana_tidung]], "the district is told a shipment is coming"
    assert all(r.state in ("received", "held") or r == proactive[-1] for r in proactive)

    # the province runs short: requests are split fairly (equal days of cover), not first come first served
    split = [dec for dec in decisions if any(x["code"] == "fair_split" for x in dec.reasons)]
    assert split, "the province never ran short"
    partial = [dec for dec in split if dec.outcome == "approve_partial"]
    assert partial and all(any(x["code"] == "capped_by_spare" for x in dec.reasons) for dec in partial)
    for dec in partial:
        final = next(s for s in dec.arithmetic if s["code"] == "approved")
        assert dec.quantity < min(final["requested"], final["need"]), "less than first come, first served"
    assert run.split_days
    target = desk.config.stock.target_cover_days
    pack = desk.config.stock.pack_size
    for day, before, after in run.split_days:
        cover = {c: pipeline / use for c, (pipeline, use) in after.items() if use > 0}
        served = [c for c in after if after[c][0] > before[c][0]]
        others = [c for c in cover if c not in served and cover[c] < target]  # short too, not asking today
        assert served, day
        for c in served:
            # first come, first served would have topped the first asker up to the full target cover;
            # the split lifts it no higher than the districts still short (within a pack's worth of days)
            slack = pack / after[c][1] + 0.5
            assert cover[c] < target - 5, (day, c, cover)
            for other in others:
                assert cover[c] <= cover[other] + slack, (day, c, other, cover)
        if len(served) > 1:
            spread = max(cover[c] for c in served) - min(cover[c] for c in served)
            assert spread <= max(pack / after[c][1] for c in served) + 0.5, (day, cover)

    # ... and the ministry's delivery lets the held requests through
    supply_row = [r for r in requests if any(dec.actor == KADIS and dec.outcome == "approve"
                                             for dec in by_request[r.id]) and not r.proactive]
    assert supply_row, "managers approved what was held for want of stock after the delivery"
    for r in supply_row:
        held = by_request[r.id][0]
        assert held.outcome == "hold" and "province_short" in {x["code"] for x in held.reasons}
        approved_at = next(dec.at for dec in by_request[r.id] if dec.actor == KADIS)
        assert approved_at.astimezone(WITA).date() == SUPPLY_DAY

    # managers get each alert once, and one digest per working day
    keys = [a.key for a in alerts]
    assert len(keys) == len(set(keys))
    alert_mail_purposes = [m.purpose for m in outbox if m.category == "alert"]
    conditions = [a for a in alerts if a.kind != "proposal"]
    late_proposals = [p for p in alert_mail_purposes if p.endswith(":proposal")]
    # one mail per condition, plus one when a proposal became possible after its condition's alert
    assert len(alert_mail_purposes) == len(set(alert_mail_purposes)) == len(conditions) + len(late_proposals)
    proposals = [a for a in alerts if a.kind == "proposal"]
    assert len(proposals) == len({(a.district, a.key) for a in proposals})
    kinds = Counter(a.kind for a in alerts)
    assert kinds["runway_low"] >= 1 and kinds["silent"] == 1 and kinds["below_threshold"] >= 1
    assert next(a for a in alerts if a.kind == "silent").district == "65.02"
    runway_months = [a.at.astimezone(WITA).strftime("%Y-%m") for a in alerts if a.kind == "runway_low"]
    assert len(runway_months) == len(set(runway_months)), "the runway alert comes once a month"
    assert len(digests) == len(run.working_days)
    digest_mail = [m for m in outbox if m.category == "digest"]
    assert len(digest_mail) == len(run.working_days)
    assert {m.created_at.astimezone(WITA).date() for m in digest_mail} == set(run.working_days)
    assert Counter(m.status for m in outbox) == {"sent": len(outbox)}
    last = email.message_from_bytes(digest_mail[-1].raw, policy=email.policy.default)
    assert isinstance(last, EmailMessage) and last.get_body(("html",)) is not None
    assert all(d.name in plain(last) for d in run.districts.values())
