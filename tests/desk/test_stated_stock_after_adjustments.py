"""The stock a district stated, after the operator books an adjustment at it: resolving a stock difference by
booking it brings the books to the statement (stated = ledger, not the statement moved again by the same
figure); an ordinary adjustment after a statement (a flood loss) still rolls the statement forward; a stated
stock is never shown below zero; and a request stating the books' figure after a recorded adjustment is no
contradiction of the district's earlier report."""

from __future__ import annotations

import pytest

from mailbot import stated
from mailbot.watch import build_digest
from tests.desk.conftest import mailbot
from tests.desk.desk12 import (
    NUNUKAN,
    REQUEST,
    Desk12,
    answer_gmail,
    dispatched,
    flat,
    held_reply,
    send_answer,
)

REPORT = ("Yth. Disdukcapil Provinsi Kalimantan Utara\n\nLaporan harian tanggal 4 Desember 2026:\n"
          "perekaman 40, pencetakan KTP-el 25, sisa blangko KTP-el {stock} keping.\n\n"
          "Hormat kami,\nDisdukcapil Kabupaten Tana Tidung\n")
TANA_TIDUNG = "disdukcapil@tanatidungkab.example"

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _nunukan_states(d: Desk12, stock: str) -> int:
    """Nunukan (7.500 on the books) states *stock* in a request; the stock-difference queue item it opens."""
    d.send(NUNUKAN, "Permohonan tambahan blangko KTP-el", REQUEST.format(stock=stock, asked="2.000", name="Nunukan"),
           date="Tue, 01 Dec 2026 08:00:00 +0800")
    [item] = [r[0] for r in d.db().execute(
        "select id from attention_items where kind = 'reconcile' and district = '65.03' and closed_at is null")]
    return int(item)


def _said(d: Desk12, district: str = "65.03") -> stated.Stated:
    with d.desk.sessions() as session:
        return stated.latest(session)[(district, "ktp-el")]


def test_resolving_a_stock_difference_by_booking_it_leaves_stated_equal_to_the_books(desk12: Desk12) -> None:
    item = _nunukan_states(desk12, "1.100")
    done = mailbot(desk12.dir, "resolve", str(item), "--delta", "-6.400", "--reason", "stok opname: tinggal 1.100")
    assert done.returncode == 0, done.stderr
    assert desk12.on_hand("65.03") - 2500 == 1100  # KIA's 2.500 beside it
    said = _said(desk12)
    # was -5.300: the statement rolled forward by the very adjustment that settled it
    assert (said.quantity, said.expected, said.differs) == (1100, 1100, False)
    status = mailbot(desk12.dir, "status", "--item", "ktp-el")
    assert status.returncode == 0, status.stderr
    assert "-5.300" not in status.stdout and "critical" not in status.stdout, status.stdout
    subject, text, html = build_digest(desk12.desk)
    for shown in (subject, text, html):
        assert "-5.300" not in shown and "KRITIS" not in shown, shown
    assert "menyatakan stok di bawah batas" not in subject, subject


def test_an_adjustment_after_a_statement_still_rolls_it_forward_and_never_below_zero(desk12: Desk12) -> None:
    item = _nunukan_states(desk12, "1.100")
    done = mailbot(desk12.dir, "resolve", str(item), "--delta", "-6.400", "--reason", "stok opname: tinggal 1.100")
    assert done.returncode == 0, done.stderr
    loss = mailbot(desk12.dir, "adjust", "65.03", "-300", "--reason", "rusak kena banjir")
    assert loss.returncode == 0, loss.stderr
    said = _said(desk12)
    assert (said.quantity, said.stated, said.moved_since, said.differs) == (800, 1100, -300, False)


def test_a_stated_stock_is_never_shown_below_zero(desk12: Desk12) -> None:
    _nunukan_states(desk12, "1.100")  # left open: the books still say 7.500
    # a write-off at the district larger than the stock it said it had: none left, never a negative stock
    loss = mailbot(desk12.dir, "adjust", "65.03", "-2.000", "--reason", "rusak kena banjir")
    assert loss.returncode == 0, loss.stderr
    said = _said(desk12)
    assert (said.quantity, said.expected) == (0, 5500), said
    status = mailbot(desk12.dir, "status", "--item", "ktp-el")
    assert status.returncode == 0, status.stderr
    assert "-900" not in status.stdout, status.stdout
    subject, text, html = build_digest(desk12.desk)
    for shown in (subject, text, html):
        assert "-900" not in shown, shown


def test_a_request_stating_the_books_after_an_adjustment_is_no_contradiction(desk12: Desk12) -> None:
    desk12.send(TANA_TIDUNG, "Laporan harian", REPORT.format(stock="2.472"), date="Fri, 04 Dec 2026 16:00:00 +0800")
    loss = mailbot(desk12.dir, "adjust", "65.04", "-2 rb", "--reason", "rusak kena banjir")
    assert loss.returncode == 0, loss.stderr
    desk12.send(TANA_TIDUNG, "Permohonan blangko",
                "Pak, kami minta blangko ktp 2rb ya. sisa kami skrg tinggal 472 krn yg 2000 rusak kena banjir "
                "kemarin.\n\nDisdukcapil Kabupaten Tana Tidung\n", date="Sat, 05 Dec 2026 09:00:00 +0800")
    notices = "\n".join(flat(o.msg.get_body(("plain",)).get_content()) for o in desk12.to_managers())  # type: ignore[union-attr]
    assert "tidak sesuai laporan harian" not in notices, notices
    reasons = desk12.db().execute("select d.reasons from decisions d join requests r on r.id = d.request_pk "
                                  "where r.district = '65.04' order by d.id desc").fetchone()
    assert reasons is not None and "contradicts_reports" not in reasons[0], reasons


def test_status_names_where_a_stated_stock_came_from_in_words(desk12: Desk12) -> None:
    """Was "follow_up", the stored code, for a stock corrected in a reply about a request."""
    _, reply = held_reply(desk12)
    send_answer(desk12, NUNUKAN, reply, "Mohon maaf pak, ralat: sisa stok kami sebenarnya 900 keping.")
    with desk12.desk.sessions() as session:
        assert stated.latest(session)[("65.03", "ktp-el")].source == "follow_up"
    status = mailbot(desk12.dir, "status", "--item", "ktp-el")
    assert status.returncode == 0, status.stderr
    assert "follow_up" not in status.stdout and "reply about a request" in status.stdout, status.stdout


def _digest_line(d: Desk12, name: str) -> str:
    _, text, _ = build_digest(d.desk)
    [line] = [line for line in text.splitlines() if name in line and "(dinyatakan" in line]
    return " ".join(line.split())


def test_the_digest_names_an_adjustment_after_a_statement_as_an_adjustment(desk12: Desk12) -> None:
    desk12.send(TANA_TIDUNG, "Laporan harian", REPORT.format(stock="2.472"), date="Fri, 04 Dec 2026 16:00:00 +0800")
    counted = mailbot(desk12.dir, "adjust", "65.04", "500", "--reason", "hitung ulang gudang")
    assert counted.returncode == 0, counted.stderr
    line = _digest_line(desk12, "Tana Tidung")
    assert "(dinyatakan 2.472 keping, ditambah penyesuaian stok sesudahnya 500 keping)" in line, line
    assert "penerimaan" not in line, line


def test_the_digest_tells_a_receipt_and_a_write_off_after_a_statement_apart(desk12: Desk12) -> None:
    notice = dispatched(desk12)  # Bulungan stated 750 in its request; 2.000 shipped
    answer_gmail(desk12, notice, "Blangko 2.000 keping sudah kami terima dengan lengkap, terima kasih.")
    damaged = mailbot(desk12.dir, "adjust", "65.01", "-20", "--reason", "rusak tercetak miring")
    assert damaged.returncode == 0, damaged.stderr
    line = _digest_line(desk12, "Bulungan")
    assert ("(dinyatakan 750 keping, ditambah penerimaan sesudahnya 2.000 keping dan dikurangi penyesuaian stok "
            "sesudahnya 20 keping)") in line, line
