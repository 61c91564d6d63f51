"""The managers' digest: a pure view model of the stock situation, rendered to text and email-safe HTML."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import jinja2

from mailbot.indonesian import item_name, long_date, number, short_date
from mailbot.stock.explain import OUTCOME_LABEL, STATE_LABEL, TREND_LABEL
from mailbot.stock.forecast import Runway, working_days_between
from mailbot.stock.status import DistrictStatus, StockStatus

BAR_PX = 240  # width of a full stock bar in the HTML digest
MARKER_PX = 3  # width of the threshold marker
TEXT_BAR_CHARS = 20
STATE_COLOR: Mapping[str, str] = {"ok": "#2e7d32", "low": "#f29900", "critical": "#c5221f"}
STATE_TINT: Mapping[str, str] = {"ok": "#e6f4ea", "low": "#fef7e0", "critical": "#fce8e6"}
TRACK_COLOR = "#e8eaed"
MARKER_COLOR = "#202124"
TREND_ARROW: Mapping[str, str] = {"rising": "\u2197", "falling": "\u2198", "flat": "\u2192", "unknown": ""}
ITEM_SHORT: Mapping[str, str] = {"ktp-el": "KTP-el", "kia": "KIA"}
# Short Indonesian labels of decision reason codes, for the digest's request table.
REASON_SHORT: Mapping[str, str] = {
    "sender_unknown": "pengirim tidak terdaftar",
    "unauthenticated": "keaslian email belum pasti",
    "check_failed": "pemeriksaan keaslian email GAGAL",
    "open_request": "masih ada permohonan terbuka",
    "contradicts_reports": "sisa stok tidak sesuai laporan harian",
    "over_limit": "melebihi batas persetujuan otomatis",
    "no_need": "stok masih mencukupi",
    "stock_unconfirmed": "sisa stok belum pasti",
    "province_short": "stok provinsi tidak mencukupi",
    "no_quantity": "jumlah tidak disebutkan",
    "no_basis": "belum ada data pemakaian",
    "fallback_use": "pemakaian memakai perkiraan awal",
    "fair_split": "dibagi merata",
    "capped_by_need": "disesuaikan dengan kebutuhan",
    "capped_by_spare": "dibatasi stok provinsi",
    "below_threshold": "di bawah batas minimum",
    "doubt": "angka perlu ditanyakan kembali",
    "manager": "diputuskan pimpinan",
    "decided_by_manager": "permohonan diubah setelah diputuskan pimpinan, perlu diputuskan kembali",
    "district_appeal": "kabupaten/kota meminta keputusan dipertimbangkan kembali",
    "district_reason": "kabupaten/kota menyampaikan alasan kebutuhan yang lebih besar dari perhitungan",
    "after_rejection": "diajukan setelah permohonan sebelumnya ditolak",
    "changed_while_waiting": "permohonan diubah saat menunggu keputusan pimpinan",
}


def _short(code: str) -> str:
    """A reason code in short Indonesian words; never the code itself (it is English)."""
    return REASON_SHORT.get(code, "alasan lain")


@dataclass(frozen=True)
class BarSegment:
    """One cell of a bulletproof bar: a width in pixels and a background colour."""

    width: int
    color: str
    kind: str  # "stock" | "track" | "marker"


@dataclass(frozen=True)
class DigestRow:
    """One district's line in the digest, with its numbers already written the Indonesian way."""

    district: str
    name: str
    on_hand: int
    threshold: int
    state: str
    bar: tuple[BarSegment, ...]
    bar_text: str
    on_hand_text: str
    threshold_text: str
    incoming_text: str  # in transit and approved-not-dispatched together, "-" for none
    in_transit_text: str  # dispatched, on the way ("-" for none)
    approved_text: str  # approved, still in the province store ("-" for none)
    daily_use_text: str
    cover_text: str
    trend_text: str
    last_report_text: str
    stale: bool
    state_label: str
    state_color: str
    state_tint: str


@dataclass(frozen=True)
class RunwayView:
    """The provincial runway of one item, as sentences and a months-against-horizon bar."""

    months: float | None
    below_horizon: bool
    province_text: str
    months_text: str
    runs_out_text: str
    basis_text: str
    horizon_text: str
    bar: tuple[BarSegment, ...]
    color: str
    reserve_short: int = 0  # how far the free stock is under the reserve (promised into it), 0 when it is not

    @property
    def cover_sentence(self) -> str:
        """What follows "Stok provinsi (KTP-el)" in the digest."""
        if self.months is None:
            return "belum terpakai: belum ada pemakaian tercatat, sehingga lama stok belum dapat dihitung"
        return f"cukup untuk {self.months_text}, {self.runs_out_text}"


@dataclass(frozen=True)
class DigestSection:
    """The table for one item: its rows, the bar scale and its runway."""

    item: str
    item_label: str
    scale_text: str
    rows: tuple[DigestRow, ...]
    runway: RunwayView
    critical: int
    low: int
    has_fallback: bool
    # what came into and went out of the province's store otherwise than to districts, since the last digest
    moves_text: str = ""


@dataclass(frozen=True)
class ProvinceMoves:
    """The province store's own movements of one item in a period: blanks from the ministry, adjustments by hand."""

    received: int = 0  # blanks delivered by the ministry (`mailbot supply receive`)
    deliveries: int = 0
    added: int = 0  # adjustments up and down (`mailbot adjust province ...`), each summed apart
    removed: int = 0
    adjustments: int = 0


def province_moves_text(moves: ProvinceMoves | None, since_text: str) -> str:
    """The province store's movements other than shipments, in Indonesian ("" when there were none).

    >>> province_moves_text(ProvinceMoves(received=7000, deliveries=2, added=200, removed=400, adjustments=3),
    ...                     "1 Desember 2026")
    'Sejak 1 Desember 2026: diterima dari pusat 7.000 keping (2 kali); penyesuaian stok +200 dan -400 keping (3 kali).'
    >>> province_moves_text(ProvinceMoves(removed=100, adjustments=1), "awal pencatatan")
    'Sejak awal pencatatan: penyesuaian stok -100 keping.'
    >>> province_moves_text(ProvinceMoves(), "awal pencatatan")
    ''
    """
    if moves is None or not (moves.deliveries or moves.adjustments):
        return ""
    parts = []
    if moves.deliveries:
        times = f" ({moves.deliveries} kali)" if moves.deliveries > 1 else ""
        parts.append(f"diterima dari pusat {number(moves.received)} keping{times}")
    if moves.adjustments:
        signed = [f"+{number(moves.added)}"] if moves.added else []
        signed += [f"-{number(moves.removed)}"] if moves.removed else []
        times = f" ({moves.adjustments} kali)" if moves.adjustments > 1 else ""
        parts.append(f"penyesuaian stok {' dan '.join(signed) or '0'} keping{times}")
    return f"Sejak {since_text}: {'; '.join(parts)}."


@dataclass(frozen=True)
class RequestSummary:
    """A request decided since the last digest, as the DB layer knows it."""

    reference: str
    district_name: str
    item: str | None
    received_at: datetime
    requested: int | None
    outcome: str  # a policy Outcome, or "rejected"/"approved" for a manager's decision
    quantity: int | None
    reasons: tuple[str, ...] = ()  # reason codes, or already in words (reason_words())
    decided_by: str = "sistem"
    replaced: bool = False  # a later decision on the same request took its place
    proactive: bool = False  # proposed by the province (a stock alert), asked by no one
    carried: str = ""  # what was carried out since ("dikirim 2.000, diterima 1.900"), in Indonesian
    before: str = ""  # the decision this one replaced in the period, in Indonesian
    unclear: bool = False  # the figure asked was written but left in doubt ("1.800, 350"), not missing


@dataclass(frozen=True)
class WaitingRequest:
    """A request that waits for a manager."""

    reference: str
    district_name: str
    item: str | None
    held_since: datetime
    requested: int | None
    proposed: int | None
    reasons: tuple[str, ...] = ()
    proactive: bool = False  # proposed by the province (a stock alert), asked by no one
    unclear: bool = False  # the figure asked was written but left in doubt ("1.800, 350"), not missing
    no_proposal_why: str = "belum ada usulan jumlah"  # with no proposal: why (mailbot.stock.explain.no_proposal)


@dataclass(frozen=True)
class DecisionLine:
    reference: str
    district_name: str
    item_label: str
    received_text: str
    requested_text: str
    outcome_label: str
    quantity_text: str
    reasons_text: str
    decided_by: str
    replaced: bool = False
    carried_text: str = ""
    before_text: str = ""


@dataclass(frozen=True)
class WaitingLine:
    reference: str
    district_name: str
    item_label: str
    requested_text: str
    proposed_text: str
    waiting_text: str
    reasons_text: str
    overdue: bool


@dataclass(frozen=True)
class Headline:
    """What the digest's subject counts, the first words a phone's mail list shows (about 40 to 60 characters):
    the details are in the body. critical / low: district rows of every blank by the ledger; stated_low: districts
    that state a stock under their threshold where the ledger shows them safe; to_check: the "perlu dibaca" queue."""

    date_text: str  # "7 Des"
    reserve_short: tuple[str, ...] = ()  # the blanks whose province store is under its reserve ("KTP-el")
    waiting: int = 0
    critical: int = 0
    low: int = 0
    stated_low: int = 0
    to_check: int = 0

    def subject(self) -> str:
        """
        >>> Headline("7 Des", waiting=2, critical=1).subject()
        'Ringkasan blangko 7 Des: 2 perlu keputusan, 1 kritis'
        >>> Headline("8 Des").subject()
        'Ringkasan blangko 8 Des: semua aman'
        """
        parts = [f"stok {' dan '.join(self.reserve_short)} provinsi di bawah cadangan"] if self.reserve_short else []
        parts += [f"{self.waiting} perlu keputusan"] if self.waiting else []
        parts += [f"{self.critical} kritis"] if self.critical else []
        parts += [f"{self.low} menipis"] if self.low else []
        # districts that state a low stock the books do not show: in the subject only where it would read all safe
        parts += [f"{self.stated_low} lapor menipis"] if self.stated_low and not parts else []
        parts += [f"{self.to_check} perlu diperiksa"] if self.to_check else []
        return f"Ringkasan blangko {self.date_text}: {', '.join(parts) or 'semua aman'}"


@dataclass(frozen=True)
class DigestView:
    """Everything the digest shows; pure data, built by build_digest_view()."""

    office_name: str
    date_text: str
    since_text: str
    sections: tuple[DigestSection, ...]
    decisions: tuple[DecisionLine, ...]
    waiting: tuple[WaitingLine, ...]
    summary: str
    subject: str
    headline: Headline | None = None  # what subject counts, for mailbot.watch to add to
    # The "perlu dibaca" queue (count, oldest, items, discrepancies) and the stock districts stated.
    attention: dict[str, object] | None = None
    stated: list[dict[str, object]] | None = None
    # automatic replies the per-sender daily cap kept back since the last digest, one line per address
    capped: list[dict[str, object]] | None = None
    # lines beyond LIST_LINES left out of waiting and decisions ("dan N lainnya"): a digest a phone can show
    waiting_more: int = 0
    decisions_more: int = 0


# At most this many lines of requests waiting and of decisions: 400 held requests made a 5,7 MB digest, which Gmail
# clips after about 100 KB. The longest-waiting requests, and the earliest decisions, are shown.
LIST_LINES = 20
# At most this many linked requests named in a held request's reason; beyond it they are counted.
LINKED_NAMED = 3


def nice_ceiling(value: float) -> int:
    """The smallest 1, 2, 2.5 or 5 x 10^k at or above *value* (a round scale for the bars)."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return int(step * power) if step * power >= 1 else 1
    return int(10 * power)


def stock_bar(on_hand: int, threshold: int, scale: int, color: str, width: int = BAR_PX) -> tuple[BarSegment, ...]:
    """Cells of a bar *width* px long for *on_hand* on a 0..*scale* axis, with a marker at *threshold*.

    The stock cell is on_hand / scale of the width, the marker sits at threshold / scale; the
    marker's own pixels come on top of *width*. Empty cells are left out (Outlook would widen them).
    """
    def px(value: int) -> int:
        return max(0, min(width, round(width * value / scale))) if scale > 0 else 0

    filled, mark = px(on_hand), px(threshold)
    if on_hand > 0 and filled == 0:
        filled = 1  # a district with a few cards left still shows a sliver
    cells = [
        BarSegment(min(filled, mark), color, "stock"),
        BarSegment(mark - min(filled, mark), TRACK_COLOR, "track"),
        BarSegment(MARKER_PX, MARKER_COLOR, "marker"),
        BarSegment(max(0, filled - mark), color, "stock"),
        BarSegment(width - max(filled, mark), TRACK_COLOR, "track"),
    ]
    return tuple(c for c in cells if c.width > 0)


def text_bar(on_hand: int, threshold: int, scale: int, chars: int = TEXT_BAR_CHARS) -> str:
    """"[#####|.........]": the same bar in characters, '|' at the threshold."""
    filled = min(chars, round(chars * on_hand / scale)) if scale else 0
    mark = min(chars, round(chars * threshold / scale)) if scale else 0
    cells = ["#" if i < filled else "." for i in range(chars)]
    cells.insert(mark, "|")
    return "[" + "".join(cells) + "]"


NO_USE = "belum ada pemakaian"  # a district's cover when it uses nothing: "cukup untuk" does not go before it


def _cover_text(cover: float | None) -> str:
    if cover is None:
        return NO_USE
    return f"{number(round(cover, 1) if cover < 10 else round(cover))} hari kerja"


def digest_row(row: DistrictStatus, scale: int, today: date, working_days: Sequence[int],
               silent_working_days: int, last_any_report: date | None = None) -> DigestRow:
    """One row; *last_any_report* is the district's latest report of any item (silence is per district)."""
    color = STATE_COLOR[row.state]
    last_seen = max((d for d in (row.last_report, last_any_report) if d is not None), default=None)
    stale = last_seen is not None and working_days_between(
        last_seen, today - timedelta(days=1), working_days) >= silent_working_days
    arrow = TREND_ARROW.get(row.trend, "")
    trend = f"tren {TREND_LABEL[row.trend]}" if row.trend in TREND_LABEL and row.trend != "unknown" \
        else "tren belum dapat dihitung"
    use = number(round(row.daily_use, 1) if row.daily_use < 10 else round(row.daily_use))
    return DigestRow(
        district=row.district, name=row.name, on_hand=row.on_hand, threshold=row.threshold, state=row.state,
        bar=stock_bar(row.on_hand, row.threshold, scale, color),
        bar_text=text_bar(row.on_hand, row.threshold, scale),
        on_hand_text=number(row.on_hand) + (
            f" (dinyatakan kabupaten/kota pada {long_date(row.stated_on)}; menurut catatan "
            f"{number(row.ledger_on_hand)})" if row.stated_on is not None and row.ledger_on_hand is not None else ""),
        threshold_text=number(row.threshold),
        incoming_text=number(row.incoming) if row.incoming else "-",
        in_transit_text=number(row.in_transit) if row.in_transit else "-",
        approved_text=number(row.approved_pending) if row.approved_pending else "-",
        daily_use_text=use + ("*" if row.use_basis == "fallback" else ""),
        cover_text=_cover_text(row.cover_days),
        trend_text=f"{arrow} {trend}".strip(),
        # the item's own last report, as `mailbot status` shows it (lateness is the district's, of any item:
        # when late, the date it is late from is said, never "belum ada (terlambat)", which names nothing late)
        last_report_text=_last_report_text(row, last_seen if stale else None),
        stale=stale,
        state_label=STATE_LABEL[row.state], state_color=color, state_tint=STATE_TINT[row.state],
    )


def _last_report_text(row: DistrictStatus, late_since: date | None) -> str:
    """"24 November 2026"; for an item never reported, "belum ada", and when the district is late, the date of
    its last report of any item, which the lateness is counted from."""
    if row.last_report is not None:
        return long_date(row.last_report)
    if late_since is not None:
        return f"belum ada untuk {item_name(row.item)}; laporan lain terakhir {long_date(late_since)}"
    return "belum ada"


def runway_view(runway: Runway, reserve: int) -> RunwayView:
    horizon = runway.horizon_months
    months = runway.months
    color = STATE_COLOR["critical" if runway.below_horizon and months is not None and months < horizon / 2
                        else "low" if runway.below_horizon else "ok"]
    scale = max(horizon * 2, months or 0)
    width = BAR_PX
    filled = width if months is None else min(width, round(width * months / scale))
    mark = round(width * horizon / scale)
    bar = tuple(c for c in (
        BarSegment(min(filled, mark), color, "stock"),
        BarSegment(mark - min(filled, mark), TRACK_COLOR, "track"),
        BarSegment(MARKER_PX, MARKER_COLOR, "marker"),
        BarSegment(max(0, filled - mark), color, "stock"),
        BarSegment(width - max(filled, mark), TRACK_COLOR, "track"),
    ) if c.width > 0)
    province = f"Stok gudang provinsi {number(runway.province_on_hand)} keping"
    if runway.province_committed:
        province += f", {number(runway.province_committed)} di antaranya sudah dialokasikan"
    province += f" (cadangan {number(reserve)} keping)."
    # an approval by hand may promise the reserve away: said plainly, never as a free stock that includes it
    short = max(0, reserve - runway.province_free)
    if short:
        province += (f" DI BAWAH CADANGAN: yang belum dialokasikan tinggal {number(max(0, runway.province_free))} "
                     f"keping, {number(short)} keping kurang dari cadangan.")
    if months is None:
        months_text, runs_out = "-", "belum ada pemakaian tercatat"
    else:
        months_text = f"{number(round(months, 1))} bulan"
        runs_out = f"habis sekitar {long_date(runway.runs_out_on)}" if runway.runs_out_on else "-"
    basis = (f"{number(runway.province_free)} keping di gudang provinsi yang belum dialokasikan "
             f"({'di bawah' if short else 'termasuk'} cadangan {number(reserve)}) + "
             f"{number(runway.district_surplus)} keping "
             f"di kabupaten/kota di atas batas minimum, dengan pemakaian "
             f"{number(round(runway.total_daily_use))} keping/hari kerja")
    return RunwayView(months, runway.below_horizon, province, months_text, runs_out, basis,
                      f"target {number(horizon)} bulan", bar, color, short)


def _waiting_text(delta: timedelta) -> str:
    hours = int(delta.total_seconds() // 3600)
    days, hours = divmod(hours, 24)
    if days:
        return f"{days} hari {hours} jam" if hours else f"{days} hari"
    return f"{hours} jam" if hours else "kurang dari 1 jam"


CONCERN_SHORT: Mapping[str, str] = {
    "above_request": "melebihi permohonan",
    "above_need": "melebihi kebutuhan",
    "not_whole_packs": "bukan kelipatan pak",
    "into_reserve": "memakai cadangan provinsi",
    "verified_request_exists": "pengirim belum terverifikasi, padahal ada permohonan dari pengirim terverifikasi",
    # a supply or an adjustment typed by hand (mailbot.actions.large_movement_concerns), never an approval's today
    "unusually_large": "melebihi stok yang ada dan pemakaian 90 hari",
    "sender_check_failed": "pemeriksaan keaslian email GAGAL",
}
FIELD_SHORT: Mapping[str, str] = {
    "requested": "jumlah yang dimohon", "stock_on_hand": "sisa stok", "received": "jumlah diterima",
    "printed": "pencetakan", "recorded": "perekaman", "item": "jenis blangko",
}


def reason_words(reasons: Sequence[Mapping[str, object]], note: str | None = None) -> tuple[str, ...]:
    """A decision's recorded reasons in Indonesian words, for the digest; *note*: a rejection's reason.

    >>> reason_words([{"code": "manager", "via": "cli"}, {"code": "override", "reason": "banjir",
    ...               "concerns": ["above_need"]}])
    ('dipaksa (melebihi kebutuhan): banjir',)
    >>> reason_words([{"code": "doubt", "field": "requested", "reason": "unclear"}])
    ('belum jelas: jumlah yang dimohon',)
    >>> reason_words([{"code": "district_cancel"}])
    ()
    """
    words: list[str] = []
    for r in reasons:
        code = str(r.get("code", ""))
        if code == "manager":
            if r.get("via") != "cli":  # a decision by hand shows as "oleh petugas meja layanan blangko" already
                words.append("melalui email")
        elif code == "override":
            concerns = ", ".join(CONCERN_SHORT.get(str(c), "alasan lain")  # never the code: it is English
                                 for c in r.get("concerns", []) or [])  # type: ignore[attr-defined]
            words.append(f"dipaksa{f' ({concerns})' if concerns else ''}: {r.get('reason') or r.get('note') or '-'}")
        elif code == "note":  # the decider's reason, given without overriding anything
            words.append(f"alasan: {r.get('reason') or '-'}")
        elif code == "doubt":
            field = FIELD_SHORT.get(str(r.get("field", "")), "isi email")
            if f"belum jelas: {field}" not in words:
                words.append(f"belum jelas: {field}")
        elif code == "open_request":  # linked beside the open one(s), never merged
            words.append(linked_words(str(r.get("references") or "")))
        elif code == "district_cancel":
            continue  # "dibatalkan (oleh kabupaten/kota ...)" says it: no reason of its own (was "alasan lain")
        elif code:
            words.append(_short(code))
    if note:  # a rejection's reason, as the district was told it
        words.append(f"alasan: {note}")
    return tuple(words)


def linked_words(references: str) -> str:
    """The open requests a held one is linked to, in words: named up to LINKED_NAMED, else counted.

    >>> linked_words("BLK-2026-0001")
    'terkait dengan BLK-2026-0001'
    >>> linked_words(", ".join(f"BLK-2026-{n:04}" for n in range(1, 10)))
    'terkait dengan 9 permohonan lain (a.l. BLK-2026-0008, BLK-2026-0009)'
    """
    named = [ref.strip() for ref in references.split(",") if ref.strip()]
    if len(named) <= LINKED_NAMED:
        return f"terkait dengan {', '.join(named) or '-'}"
    return f"terkait dengan {len(named)} permohonan lain (a.l. {', '.join(named[-2:])})"


def _reasons(codes: Sequence[str]) -> str:
    # codes (no spaces) or reasons already in words (reason_words())
    return "; ".join(c if " " in c else _short(c) for c in codes) or "-"


def outcome_label(outcome: str, quantity: int | None = None, requested: int | None = None) -> str:
    """A decision's outcome in the digest's Indonesian ("disetujui sebagian"); who decided follows it ("oleh
    pimpinan (...)", "oleh petugas meja layanan blangko", "oleh sistem")."""
    return _outcome(outcome, quantity, requested)


def _outcome(outcome: str, quantity: int | None = None, requested: int | None = None) -> str:
    if outcome == "approved" and quantity is not None and requested is not None and quantity < requested:
        return "disetujui sebagian"
    return {**OUTCOME_LABEL, "approved": "disetujui", "rejected": "ditolak",
            "withdrawn": "ditutup oleh petugas, tidak lagi dicatat sebagai permohonan", "cancelled": "dibatalkan",
            "superseded": "digantikan oleh permohonan dari alamat resmi kabupaten/kota",
            "dispatched": "dikirim", "received": "diterima",
            "linked": "menunggu keputusan petugas, dikaitkan dengan permohonan lain yang masih terbuka",
            }.get(outcome, outcome)


def asked_text(requested: int | None, proactive: bool, unclear: bool = False) -> str:
    """What the district asked, for the digest: never a bare "-"; *unclear*: a figure was written but left in doubt
    ("1.800, 350"), never said to be missing.

    >>> asked_text(3000, False), asked_text(None, True), asked_text(None, False)
    ('dimohon 3.000', 'tanpa permohonan (kiriman usulan provinsi)', 'jumlah yang dimohon belum disebutkan')
    >>> asked_text(None, False, unclear=True)
    'jumlah yang dimohon tertulis kurang jelas'
    """
    if requested is not None:
        return f"dimohon {number(requested)}"
    if proactive:
        return "tanpa permohonan (kiriman usulan provinsi)"
    return "jumlah yang dimohon tertulis kurang jelas" if unclear else "jumlah yang dimohon belum disebutkan"


def build_digest_view(status: StockStatus, *, office_name: str, now: datetime, since: datetime | None,
                      decisions: Sequence[RequestSummary], waiting: Sequence[WaitingRequest],
                      reserve: Mapping[str, int], working_days: Sequence[int], silent_working_days: int,
                      held_request_hours: float, items: Sequence[str] = ("ktp-el", "kia"),
                      province_moves: Mapping[str, ProvinceMoves] | None = None) -> DigestView:
    """The digest for *now*: every item's district rows and runway, decisions since *since*, what waits."""
    today = now.date()
    since_text = long_date(since) if since else "awal pencatatan"
    last_seen: dict[str, date] = {}
    for r in status.districts:
        if r.last_report is not None and (r.district not in last_seen or r.last_report > last_seen[r.district]):
            last_seen[r.district] = r.last_report
    sections = []
    for item in items:
        rows = sorted(status.rows(item), key=lambda r: (-["ok", "low", "critical"].index(r.state), r.district))
        if not rows:
            continue
        scale = nice_ceiling(max(max(r.on_hand for r in rows), max(r.threshold for r in rows)) * 1.05)
        sections.append(DigestSection(
            item=item, item_label=ITEM_SHORT.get(item, item), scale_text=number(scale),
            rows=tuple(digest_row(r, scale, today, working_days, silent_working_days, last_seen.get(r.district))
                       for r in rows),
            runway=runway_view(status.runways[item], reserve.get(item, 0)),
            # the headline counts by the ledger (mailbot.watch adds the districts that state otherwise)
            critical=sum((r.ledger_state or r.state) == "critical" for r in rows),
            low=sum((r.ledger_state or r.state) == "low" for r in rows),
            has_fallback=any(r.use_basis == "fallback" for r in rows),
            moves_text=province_moves_text((province_moves or {}).get(item), since_text),
        ))
    decision_lines = tuple(
        DecisionLine(d.reference, d.district_name, ITEM_SHORT.get(d.item or "", "-"), long_date(d.received_at),
                     asked_text(d.requested, d.proactive, d.unclear),
                     _outcome(d.outcome, d.quantity, d.requested) + (", usulan" if d.outcome == "hold" and d.quantity
                                                                     else ""),
                     number(d.quantity) if d.quantity else "-", _reasons(d.reasons), d.decided_by,
                     d.replaced, d.carried, d.before)
        for d in sorted(decisions, key=lambda d: d.received_at)
    )
    limit = timedelta(hours=held_request_hours)
    waiting_lines = tuple(
        WaitingLine(w.reference, w.district_name, ITEM_SHORT.get(w.item or "", "-"),
                    asked_text(w.requested, w.proactive, w.unclear),
                    f"usulan {number(w.proposed)}" if w.proposed else w.no_proposal_why,
                    _waiting_text(now - w.held_since), _reasons(w.reasons),
                    now - w.held_since > limit)
        for w in sorted(waiting, key=lambda w: w.held_since)
    )
    waiting_more, decisions_more = max(0, len(waiting_lines) - LIST_LINES), max(0, len(decision_lines) - LIST_LINES)
    waiting_total = len(waiting_lines)
    waiting_lines, decision_lines = waiting_lines[:LIST_LINES], decision_lines[:LIST_LINES]
    main = sections[0] if sections else None
    # the province's store under its reserve comes first: no "aman" of the districts reads over it
    parts = [f"stok {s.item_label} provinsi di bawah cadangan" for s in sections if s.runway.reserve_short]
    if main is not None:
        others = [s for s in sections[1:] if s.critical or s.low]
        if main.critical:
            parts.append(f"{main.critical} kabupaten/kota kritis")
        if main.low:
            parts.append(f"{main.low} menipis")
        if not main.critical and not main.low:
            parts.append(f"stok {main.item_label} semua kabupaten/kota aman" if others
                         else "stok semua kabupaten/kota aman")
        for other in others:  # the headline agrees with every item's table, not only the first
            found = [f"{other.critical} kabupaten/kota kritis"] if other.critical else []
            found += [f"{other.low} {'menipis' if found else 'kabupaten/kota menipis'}"] if other.low else []
            parts.append(f"blangko {other.item_label}: {' dan '.join(found)}")
    if waiting_total:
        parts.append(f"{waiting_total} permohonan menunggu keputusan")
    summary = ", ".join(parts)
    date_text = long_date(today)
    # "blangko": every blank the digest covers ("KTP-el" alone would hide the KIA tables below it)
    under_reserve = tuple(s.item_label for s in sections if s.runway.reserve_short)
    headline = Headline(short_date(today), reserve_short=under_reserve, waiting=waiting_total,
                        critical=sum(s.critical for s in sections), low=sum(s.low for s in sections))
    return DigestView(
        office_name=office_name, date_text=date_text,
        since_text=since_text,
        sections=tuple(sections), decisions=decision_lines, waiting=waiting_lines, summary=summary,
        subject=headline.subject(), headline=headline,
        waiting_more=waiting_more, decisions_more=decisions_more,
    )


def render_digest(view: DigestView, env: jinja2.Environment) -> tuple[str, str, str]:
    """(subject, plain text, HTML) of the digest, from templates/digest.txt.j2 and digest.html.j2."""
    text = env.get_template("digest.txt.j2").render(view=view)
    html = env.get_template("digest.html.j2").render(view=view)
    return view.subject, text.strip() + "\n", html
