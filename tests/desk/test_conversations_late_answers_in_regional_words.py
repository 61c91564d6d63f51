"""Conversations on the real SQLite desk in process, every message written fresh: our question for the figure
answered days later in a new mail in Sundanese or Javanese ngoko, and a new mail that states a need while the
district's request waits for its figure, which is never booked as a daily report."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import TARAKAN, Desk12, asked_back, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize(("words", "asked", "stock"), [
    ("Punten pak, ieu waleran kanggo email bapak kamari anu naros jumlahna. Blangko KTP-el anu dipundut 1.000 "
     "keping, stokna kantun 250.", 1000, 250),
    ("pak, iki jawabane email sampeyan wingi sing takon jumlahe. butuhe 900 keping ktp-el, stok kari 200.", 900, 200),
    ("Wilujeng enjing Bu, ngawaler email ibu dinten Senen. Blangko KTP-el anu dipenta 1.400 keping, sesa stok "
     "300 keping. Hatur nuhun.", 1400, 300),
    ("Mas, mbales email njenengan kemarin ya. Kita njaluk 1.100 keping blangko KTP-el, stoke kari 150.", 1100, 150),
], ids=["sundanese", "javanese_ngoko", "sundanese_dipenta", "javanese_njaluk"])
def test_a_late_answer_in_regional_words_completes_the_request_asked_back(desk12: Desk12, words: str, asked: int,
                                                                         stock: int) -> None:
    asked_back(desk12)
    mid, outcome = desk12.send(TARAKAN, "Jumlah blangko", f"{words}\n", date="Thu, 03 Dec 2026 08:00:00 +0800")
    # was: read as a daily report; the stock overwritten, the request stayed asked back, no reply
    assert desk12.db().execute("select count(*) from requests").fetchone()[0] == 1, outcome
    req = desk12.request()
    assert (req["requested"], req["stock_on_hand"]) == (asked, stock) and req["state"] != "clarifying", dict(req)
    assert desk12.db().execute("select count(*) from reports").fetchone()[0] == 0
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in told.subject, told.subject


@pytest.mark.parametrize("words", [
    "Punten pak, ieu waleran kanggo email bapak kamari. Nu dibutuhkeun teh sakitar sarebu keping, stokna kantun 250.",
    "Pak, iki jawabane email wingi. Blangko KTP-el kudu ditambah, pokoke cukup nggo sesasi, stok kari 200 keping.",
    "Pak nyuwun ditambah blangkone, sakmene wae: 1 rim, stok kari 200.",
], ids=["sundanese_need_in_words", "javanese_need_no_figure", "ask_in_unread_units"])
def test_a_new_mail_stating_a_need_while_a_request_waits_for_its_figure_is_never_a_daily_report(
        desk12: Desk12, words: str) -> None:
    asked_back(desk12)
    mid, outcome = desk12.send(TARAKAN, "Blangko", f"{words}\n", date="Thu, 03 Dec 2026 08:00:00 +0800")
    # was: booked as a daily report (the stock overwritten), the request asked back, the district told nothing
    assert desk12.db().execute("select count(*) from reports").fetchone()[0] == 0, outcome
    assert desk12.request()["requested"] is None
    assert desk12.queue(mid), outcome
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0001]" in told.subject and "petugas" in flat(told.text), told.text


def test_a_daily_report_with_only_courtesies_is_booked_while_a_request_waits(desk12: Desk12) -> None:
    asked_back(desk12)
    _, outcome = desk12.send(TARAKAN, "Laporan harian 3 Desember", "Nyuwun sewu pak, mohon maaf terlambat.\n"
                             "Perekaman 45, pencetakan 40, sisa blangko KTP-el 250 keping.\nMatur suwun. Suwun pak\n",
                             date="Thu, 03 Dec 2026 08:00:00 +0800")
    assert outcome == {"report": 1}, outcome
