"""A district correcting a figure of its daily report by answering that report: the report's stock is replaced by
an audited adjustment, never booked as a second day's report; the operator's `mailbot correct` of a report never
takes the difference off twice."""

from __future__ import annotations

import pytest

from mailbot import corrections
from tests.desk.desk12 import BULUNGAN_OPERATOR, GMAIL, Desk12, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

REPORT = ("Laporan harian Disdukcapil Bulungan tgl 04-12-2026\nPerekaman KTP-el: 96\nPencetakan KTP-el: 88\n"
          "Sisa blangko KTP-el: 5.210\n")


def _reported(d: Desk12) -> str:
    mid, got = d.send(BULUNGAN_OPERATOR, "Lap harian 04-12-2026", REPORT)
    assert got == {"report": 1}
    return mid


def _reports(d: Desk12) -> list[int]:
    return [r[0] for r in d.db().execute("select stock_on_hand from reports where district = '65.01' order by id")]


@pytest.mark.parametrize("words", [
    "Maaf pak angka sisa di laporan td keliru, harusnya 5.120. Yg cetak 88 sdh benar.",
    "Correction to today's report: remaining KTP-el blanks should read 5,120 (typing error on our side).",
    "Pak, mohon maaf sisa blangkonya tadi salah ketik, yang benar 5.120 keping.",
])
def test_a_correction_in_the_reports_thread_replaces_its_stock(desk12: Desk12, words: str) -> None:
    report = _reported(desk12)
    on_hand, kinds = desk12.on_hand(), desk12.ledger_kinds()
    quoted = "\n".join(f"> {line}" for line in REPORT.splitlines())
    mid, got = desk12.send(BULUNGAN_OPERATOR, "Re: Lap harian 04-12-2026",
                           f"{words}\n\n{GMAIL.format(desk=BULUNGAN_OPERATOR)}\n{quoted}\n", in_reply_to=report)
    # was: "report", a second day's report (5.210 -> 5.120 booked as 90 blanks used)
    assert got == {"report-corrected": 1}
    assert _reports(desk12) == [5120]
    assert desk12.on_hand() == on_hand - 90 and desk12.ledger_kinds() == [*kinds, "adjustment"]
    [told] = desk12.replies_to(mid)
    assert "telah kami ubah dari 5.210 keping menjadi 5.120 keping" in flat(told.text)
    # done in full: no person's reading promised, nothing left in the queue
    html = told.msg.get_body(("html",))
    assert "akan dibaca" not in told.text and html is not None and "akan dibaca" not in html.get_content()
    assert desk12.db().execute("select count(*) from attention_items").fetchone()[0] == 0
    # the operator's correction of the report afterwards, to the same figure, changes nothing more
    pk = desk12.db().execute("select id from messages where message_id = ?", (report,)).fetchone()[0]
    with desk12.desk.sessions.begin() as session:
        corrections.correct(session, desk12.desk, pk, {"stock_on_hand": 5120}, actor="operator",
                            reason="ralat dari kabupaten")
    assert desk12.on_hand() == on_hand - 90


def test_correcting_a_report_a_later_count_followed_moves_no_stock(desk12: Desk12) -> None:
    report = _reported(desk12)
    desk12.send(BULUNGAN_OPERATOR, "Lap harian 05-12-2026", REPORT.replace("04-12", "05-12").replace("5.210", "5.040"))
    on_hand = desk12.on_hand()
    pk = desk12.db().execute("select id from messages where message_id = ?", (report,)).fetchone()[0]
    with desk12.desk.sessions.begin() as session:
        done = corrections.correct(session, desk12.desk, pk, {"stock_on_hand": 5120}, actor="operator",
                                   reason="ralat dari kabupaten")
    # was: the 90 taken off again from the later count (5.040 -> 4.950)
    assert desk12.on_hand() == on_hand
    assert _reports(desk12) == [5120, 5040]
    assert any("no adjustment" in e for e in done.effects)


def test_the_next_days_report_in_the_thread_is_a_report(desk12: Desk12) -> None:
    report = _reported(desk12)
    quoted = "\n".join(f"> {line}" for line in REPORT.splitlines())
    _, got = desk12.send(BULUNGAN_OPERATOR, "Re: Lap harian 04-12-2026",
                         REPORT.replace("04-12", "05-12").replace("5.210", "5.040") + "Ada 3 keping salah cetak.\n\n"
                         + quoted + "\n", in_reply_to=report)
    assert got == {"report": 1}
    assert _reports(desk12) == [5210, 5040]


@pytest.mark.parametrize("words", [
    "Nyuwun sewu pak, angka sisa blangko ing laporan wau klentu, ingkang leres 5.120. Cetak 88 sampun leres.",
    "Pak maaf torang pe laporan tadi ada salah, sisa blangko KTP-el itu 5.120 kasiang, yang laeng so betul.",
])
def test_a_correction_in_regional_words_replaces_the_reports_stock(desk12: Desk12, words: str) -> None:
    report = _reported(desk12)
    on_hand = desk12.on_hand()
    quoted = "\n".join(f"> {line}" for line in REPORT.splitlines())
    mid, got = desk12.send(BULUNGAN_OPERATOR, "Re: Lap harian 04-12-2026",
                           f"{words}\n\n{GMAIL.format(desk=BULUNGAN_OPERATOR)}\n{quoted}\n", in_reply_to=report)
    # was: "report", a second day's report (daily use doubled, a false runway alert, no reply)
    assert got == {"report-corrected": 1}
    assert _reports(desk12) == [5120] and desk12.on_hand() == on_hand - 90
    [told] = desk12.replies_to(mid)
    assert "telah kami ubah dari 5.210 keping menjadi 5.120 keping" in flat(told.text)


@pytest.mark.parametrize("words", [
    "Tabe' pak, laporan ta' tadi pagi, sisa blangko KTP-el 5.120 pale, bukan yang di atas.",
    "Punten pak, sisa blangko KTP-el dina laporan tadi teh 5.120 keping.",
    "Pak, sisa blangko KTP-el 5.120 ya pak utk laporan td.",
])
def test_another_figure_for_the_same_days_report_goes_to_a_person(desk12: Desk12, words: str) -> None:
    report = _reported(desk12)
    on_hand = desk12.on_hand()
    quoted = "\n".join(f"> {line}" for line in REPORT.splitlines())
    mid, got = desk12.send(BULUNGAN_OPERATOR, "Re: Lap harian 04-12-2026",
                           f"{words}\n\n{GMAIL.format(desk=BULUNGAN_OPERATOR)}\n{quoted}\n", in_reply_to=report)
    # never a second report of the day (the stock overwritten, the daily use counted twice)
    assert got != {"report": 1}
    assert _reports(desk12) in ([5210], [5120]) and desk12.on_hand() in (on_hand, on_hand - 90)
    if _reports(desk12) == [5210]:
        reasons = [r[0] for r in desk12.db().execute("select reason from attention_items where closed_at is null")]
        assert "report_correction" in reasons
        assert desk12.replies_to(mid)


def test_the_history_of_a_reports_correction_says_it_was_taken_as_one(desk12: Desk12) -> None:
    from mailbot import history

    report = _reported(desk12)
    quoted = "\n".join(f"> {line}" for line in REPORT.splitlines())
    mid, got = desk12.send(BULUNGAN_OPERATOR, "Re: Lap harian 04-12-2026",
                           f"Sori pak td salah ketik, sisa blangkonya 5.120 ya bkn 5.210.\n\n{quoted}\n",
                           in_reply_to=report)
    assert got == {"report-corrected": 1}
    [pk] = [r[0] for r in desk12.db().execute("select id from messages where message_id = ?", (mid,))]
    with desk12.desk.sessions.begin() as session:
        _, events = history.story(session, str(pk))
    [arrived] = [e for e in events if e.what == "in"]
    # was: "read as daily report (stock 5.120)", as if a second day's report had been booked
    assert "taken as a correction of a daily report already booked" in arrived.text, arrived.text
    assert "read as daily report" not in arrived.text
