"""The managers' digest: bars that follow the numbers, Indonesian text, everything escaped, email-safe HTML."""

from __future__ import annotations

import functools
import re
from datetime import date, datetime
from pathlib import Path

import jinja2
import pytest

from mailbot.digest import (
    BAR_PX,
    MARKER_PX,
    Headline,
    RequestSummary,
    WaitingRequest,
    build_digest_view,
    render_digest,
)
from mailbot.render import make_environment
from mailbot.stock.forecast import DistrictStock, provincial_runway
from mailbot.stock.ledger import Balance
from mailbot.stock.status import StockStatus
from tests.stock.factories import row

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
NOW = datetime(2026, 11, 27, 7, 0)
TODAY = NOW.date()
EVIL = '<script>alert("x")</script> & Co'


def plain_env() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), undefined=jinja2.StrictUndefined,
                              autoescape=jinja2.select_autoescape(["html"]))


ENVS = {"plain": plain_env, "mailbot": lambda: make_environment(TEMPLATES)}

ROWS = [
    # name, code, on hand, threshold, daily use, state
    ("Kabupaten Bulungan", "65.01", 3325, 1000, 119.0, "ok"),
    ("Kabupaten Malinau", "65.02", 640, 1000, 95.0, "low"),
    ("Kabupaten Nunukan", "65.03", 2294, 1000, 167.0, "ok"),
    ("Kabupaten Tana Tidung " + EVIL, "65.04", 120, 500, 46.0, "critical"),
    ("Kota Tarakan", "65.71", 7480, 1000, 160.0, "ok"),
]


def status() -> StockStatus:
    rows = tuple(row(on_hand, use, name=name, district=code, threshold=thr, state=state, last_report=date(2026, 11, 26))
                 for name, code, on_hand, thr, use, state in ROWS)
    runway = provincial_runway("ktp-el", 66000, 2000,
                               [DistrictStock(r.pipeline, r.threshold, r.daily_use) for r in rows],
                               TODAY, working_days=[0, 1, 2, 3, 4], horizon_months=6)
    return StockStatus(TODAY, rows, {"ktp-el": Balance(66000, 0, 2000)}, {"ktp-el": runway})


def view():  # noqa: ANN201
    return build_digest_view(
        status(), office_name="Disdukcapil Provinsi Kalimantan Utara", now=NOW, since=datetime(2026, 11, 26, 7),
        decisions=[RequestSummary("BLK-2026-0031", "Kota Tarakan", "ktp-el", datetime(2026, 11, 26, 8, 12), 2000,
                                  "approve_partial", 1800, ("capped_by_need",)),
                   RequestSummary("BLK-2026-0032", EVIL, "ktp-el", datetime(2026, 11, 26, 9), None, "clarify", None,
                                  ("no_quantity",), decided_by=EVIL)],
        waiting=[WaitingRequest("BLK-2026-0029", "Kabupaten Nunukan", "ktp-el", datetime(2026, 11, 25, 10), 8000,
                                3900, ("over_limit",))],
        reserve={"ktp-el": 5000}, working_days=[0, 1, 2, 3, 4], silent_working_days=2, held_request_hours=24,
        items=("ktp-el",),
    )


BAR_TABLE = re.compile(r'<table role="presentation" cellpadding="0" cellspacing="0" border="0" '
                       r'style="border-collapse:collapse;mso-table-lspace:0pt;mso-table-rspace:0pt;"><tr>(.*?)</tr></table>',
                       re.S)
CELL = re.compile(r'<td width="(\d+)" height="(\d+)" bgcolor="(#[0-9a-f]{6})"')


ROW_CODE = re.compile(r"(\d\d\.\d\d) &middot; pemakaian")
GREEN, AMBER, RED, TRACK, MARKER = "#2e7d32", "#f29900", "#c5221f", "#e8eaed", "#202124"
# The scale is 10,000 (7,480 plus 5 % rounded up to a nice number), so a bar of 240 px is 24 px a thousand;
# the threshold marker (3 px) stands after 24 px for 1,000 and after 12 px for 500.
EXPECTED_BARS = {
    "65.04": [(3, RED), (9, TRACK), (3, MARKER), (228, TRACK)],  # 120 -> 3 px, under its threshold of 500
    "65.02": [(15, AMBER), (9, TRACK), (3, MARKER), (216, TRACK)],  # 640 -> 15 px
    "65.01": [(24, GREEN), (3, MARKER), (56, GREEN), (160, TRACK)],  # 3,325 -> 80 px
    "65.03": [(24, GREEN), (3, MARKER), (31, GREEN), (185, TRACK)],  # 2,294 -> 55 px
    "65.71": [(24, GREEN), (3, MARKER), (156, GREEN), (60, TRACK)],  # 7,480 -> 180 px
}


@functools.cache
def rendered(env_name: str) -> tuple[str, str, str]:
    """The digest of view() rendered once per environment: (subject, text, html), read by each test below."""
    return render_digest(view(), ENVS[env_name]())


@pytest.mark.parametrize("env_name", sorted(ENVS))
def test_bars_follow_the_numbers(env_name: str) -> None:
    _, _, html = rendered(env_name)
    assert "skala 0&ndash;10.000" in html
    # worst first (critical, low, ok), then by district code
    assert ROW_CODE.findall(html) == ["65.04", "65.02", "65.01", "65.03", "65.71"]
    bars = [[(int(w), c) for w, _, c in CELL.findall(b)] for b in BAR_TABLE.findall(html)]
    assert dict(zip(EXPECTED_BARS, bars[:len(ROWS)], strict=True)) == EXPECTED_BARS
    assert all(sum(w for w, _ in bar) == BAR_PX + MARKER_PX == 243 for bar in bars)


@pytest.mark.parametrize("env_name", sorted(ENVS))
def test_everything_is_escaped_and_email_safe(env_name: str) -> None:
    subject, text, html = rendered(env_name)
    assert "<script" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co" in html
    for forbidden in ("<img", "<svg", "src=", "url(", "<link", "http://", "https://"):
        assert forbidden not in html.lower()
    # one <style>, in <head>, holding media queries only: an enhancement that may be stripped
    head, body = html.split("</head>", 1)
    assert "<style" not in body.lower() and head.lower().count("<style") == 1
    style = head[head.index("<style>") + 7:head.index("</style>")].strip()
    assert style.startswith("@media") and style.count("@media") == 1 and style.endswith("}")
    assert EVIL in text  # plain text is not HTML: shown as written


@pytest.mark.parametrize("env_name", sorted(ENVS))
def test_indonesian_text_numbers_and_dates(env_name: str) -> None:
    subject, text, html = rendered(env_name)
    # short, what a phone's mail list shows whole (about 40 to 60 characters); the body says the rest
    assert subject == "Ringkasan blangko 27 Nov: 1 perlu keputusan, 1 kritis, 1 menipis"
    for body in (text, html):
        assert "Yth. Bapak/Ibu Pimpinan," in body
        assert "Stok gudang provinsi 66.000 keping, 2.000 di antaranya sudah dialokasikan" in body
        assert "7.480" in body and "3.325" in body
        assert "BLK-2026-0029" in body and "3.900" in body and "1 hari 21 jam" in body
        assert "disetujui sebagian" in body and "1.800" in body
        assert "26 November 2026" in body
    assert "KRITIS" in text and "MENIPIS" in text
    # Tarakan: 7,480 of a 10,000 scale is 15 of 20 characters, the threshold mark after the second
    assert "[##|#############.....] 7.480 / batas 1.000" in text


def test_no_template_writes_a_figure_of_pieces_that_may_be_missing_as_a_dash() -> None:
    """Pieces in prose go through the `keping` filter, which says a missing figure in words."""
    import re

    from mailbot.indonesian import pieces
    from mailbot.render import template_dir

    for path in sorted(template_dir().glob("*.j2")):
        assert not re.search(r"\|\s*angka\s*\}\}\s*keping(?![/\w])", path.read_text()), path.name
    assert pieces(None) == "belum disebutkan" and pieces(1200) == "1.200 keping"


def test_a_figure_first_given_in_a_correction_is_said_so() -> None:
    from mailbot.render import make_environment

    env = make_environment()
    changes = [{"label": "Sisa stok", "before": None, "after": 600}]
    text = env.from_string('{% import "_common.txt.j2" as c %}{{ c.updated(changes, "BLK-2026-0001") }}').render(
        changes=changes)
    html = env.from_string('{% import "_macros.html.j2" as l %}{{ l.updated(changes, "BLK-2026-0001") }}').render(
        changes=changes)
    for shown in (text, html):
        assert "600 keping" in shown and "sebelumnya belum disebutkan" in shown and "- keping" not in shown


def test_an_item_never_reported_shows_no_report_date_of_another_item() -> None:
    """Tana Tidung reported KTP-el on 25 November and KIA never: the KIA row said "laporan terakhir 25 November
    2026", a KIA report that does not exist (and `mailbot status --item kia` shows "-"). Lateness stays the
    district's, of any item."""
    from mailbot.digest import digest_row

    today = date(2026, 11, 27)
    kia = row(300, 8.0, district="65.04", item="kia", last_report=None, name="Kabupaten Tana Tidung")
    shown = digest_row(kia, 1000, today, [0, 1, 2, 3, 4], 2, last_any_report=date(2026, 11, 25))
    assert shown.last_report_text == "belum ada" and not shown.stale
    silent = digest_row(kia, 1000, today, [0, 1, 2, 3, 4], 2, last_any_report=date(2026, 11, 20))
    # late: the date the lateness counts from is said (was "belum ada (terlambat)": no report, yet late)
    assert silent.last_report_text == "belum ada untuk blangko KIA; laporan lain terakhir 20 November 2026"
    assert silent.stale
    never = digest_row(kia, 1000, today, [0, 1, 2, 3, 4], 2, last_any_report=None)
    assert never.last_report_text == "belum ada" and not never.stale
    ktp = row(300, 8.0, district="65.04", last_report=date(2026, 11, 25), name="Kabupaten Tana Tidung")
    assert digest_row(ktp, 1000, today, [0, 1, 2, 3, 4], 2, date(2026, 11, 25)).last_report_text == "25 November 2026"


@pytest.mark.parametrize(("headline", "subject"), [
    (Headline("7 Des", waiting=2, critical=1), "Ringkasan blangko 7 Des: 2 perlu keputusan, 1 kritis"),
    (Headline("8 Des", waiting=1, low=2, stated_low=1, to_check=7),
     "Ringkasan blangko 8 Des: 1 perlu keputusan, 2 menipis, 7 perlu diperiksa"),
    (Headline("8 Des", stated_low=1), "Ringkasan blangko 8 Des: 1 lapor menipis"),
    (Headline("8 Des", reserve_short=("KTP-el",), waiting=1),
     "Ringkasan blangko 8 Des: stok KTP-el provinsi di bawah cadangan, 1 perlu keputusan"),
    (Headline("9 Des"), "Ringkasan blangko 9 Des: semua aman"),
])
def test_the_subject_counts_what_needs_the_managers_in_a_few_words(headline: Headline, subject: str) -> None:
    assert headline.subject() == subject
