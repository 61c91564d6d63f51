"""A correction lands only on the request whose figures it corrects, on the real SQLite desk in process: a "ralat"
that lost its thread corrects the open request holding its old figure, KIA as well as KTP-el, and one that fits
none waits for a person without a new reference; a figure said of the other blank in a request's thread, or a
district's answer to the managers' mail, changes nothing and the reply says why; a person's `correct` of a
follow-up moves the stock the managers see."""

from __future__ import annotations

import re

import pytest

from mailbot import actions, corrections
from mailbot.attention import limit_text
from mailbot.store import repo
from tests.desk.desk12 import BULUNGAN, NUNUKAN, REQUEST, Desk12, approved, client_quote
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


KIA_REQUEST = ("Yth. Kepala Disdukcapil Provinsi Kalimantan Utara\n\nDengan hormat,\nbersama ini kami sampaikan sisa "
               "stok blangko KIA kami saat ini {stock} keping.\nUntuk itu kami mohon tambahan blangko KIA sebanyak "
               "{asked} keping.\n\nHormat kami,\nDisdukcapil Kabupaten Bulungan\n")


def _both_open(d: Desk12, *, ktp: bool = True) -> None:
    """Bulungan's KTP-el request (2.000, sisa 750: BLK-2026-0001) when *ktp*, then its KIA request (300, sisa 120)."""
    if ktp:
        _, got = d.send(BULUNGAN, "Permohonan tambahan blangko KTP-el",
                        REQUEST.format(stock=750, asked="2.000", name="Bulungan"),
                        date="Tue, 01 Dec 2026 08:00:00 +0800")
        assert got == {"request-approved": 1}
    _, got = d.send(BULUNGAN, "Permohonan tambahan blangko KIA", KIA_REQUEST.format(stock=120, asked="300"),
                    date="Tue, 01 Dec 2026 09:00:00 +0800")
    assert got == {"request-approved": 1}


def _stated(d: Desk12, item: str) -> list[tuple[int, str]]:
    return [(r[0], r[1]) for r in d.db().execute(
        "select quantity, source from stated_stock where district = '65.01' and item = ? order by id", (item,))]


def _references(d: Desk12) -> list[str]:
    return [r[0] for r in d.db().execute("select reference from requests order by id")]


@pytest.mark.parametrize("ktp_open", [False, True], ids=["kia_only", "both_open"])
def test_a_ralat_without_thread_naming_no_blank_corrects_the_request_holding_its_old_figure(
        desk12: Desk12, ktp_open: bool) -> None:
    _both_open(desk12, ktp=ktp_open)
    kia = "BLK-2026-0002" if ktp_open else "BLK-2026-0001"
    mid, outcome = desk12.send(BULUNGAN, "Ralat permohonan blangko",
                               "Ralat untuk permohonan kami kemarin: sisa stok kami 80 keping, bukan 120.\n\n"
                               "Terima kasih.", date="Wed, 02 Dec 2026 08:00:00 +0800")
    assert outcome == {"follow-up-request-approved": 1}
    assert len(_references(desk12)) == (2 if ktp_open else 1)  # no new reference
    req = desk12.request(kia)
    assert (req["item"], req["stock_on_hand"]) == ("kia", 80)
    if ktp_open:
        assert desk12.request("BLK-2026-0001")["stock_on_hand"] == 750
    [told] = desk12.replies_to(mid)
    assert f"[{kia}]" in told.subject and "Sisa stok: 120 keping menjadi 80 keping" in told.text
    # the stated stock is KIA's, the blank of the request it corrected; KTP-el's stays as stated in its request
    assert _stated(desk12, "kia")[-1] == (80, "follow_up")
    assert (80, "follow_up") not in _stated(desk12, "ktp-el") and (80, "request") not in _stated(desk12, "ktp-el")


def test_a_ralat_whose_old_figure_no_request_holds_waits_for_a_person_without_a_new_reference(desk12: Desk12) -> None:
    _both_open(desk12)
    mid, outcome = desk12.send(BULUNGAN, "Ralat permohonan blangko",
                               "Mohon maaf, ralat: sisa stok kami 400 keping, bukan 500.\n\nTerima kasih.",
                               date="Wed, 02 Dec 2026 08:00:00 +0800")
    assert outcome == {"correction-unmatched+queued": 1}
    assert _references(desk12) == ["BLK-2026-0001", "BLK-2026-0002"]
    assert desk12.request("BLK-2026-0001")["stock_on_hand"] == 750
    assert desk12.request("BLK-2026-0002")["stock_on_hand"] == 120
    assert desk12.queue(mid) == {"correction_unmatched"}
    [ack] = desk12.replies_to(mid)
    assert "BLK-" not in ack.subject
    assert "tidak kami catat sebagai permohonan baru" in ack.text
    assert all(q != 400 for q, _ in _stated(desk12, "ktp-el") + _stated(desk12, "kia"))
    # the same mail again in its thread of one is acknowledged no second time
    _, again = desk12.send(BULUNGAN, "Re: Ralat permohonan blangko", "Mohon maaf, ralat: sisa stok kami 400 keping, "
                           "bukan 500.", in_reply_to=mid, date="Wed, 02 Dec 2026 09:00:00 +0800")
    assert again == {"correction-unmatched+queued": 1}
    assert len([o for o in desk12.out() if o.purpose.startswith("ack:")]) == 1


def test_a_figure_said_of_the_other_blank_in_a_requests_thread_goes_to_a_person_and_the_reply_says_so(
        desk12: Desk12) -> None:
    _both_open(desk12)
    [kia_reply] = [o for o in desk12.out() if "[BLK-2026-0002]" in o.subject]
    quoted = "\n".join(f"> {line}" for line in kia_reply.text.splitlines())
    mid, outcome = desk12.send(BULUNGAN, "Re: " + kia_reply.subject,
                               "Koreksi: untuk KTP-el sisa stok kami sebenarnya 500 keping, bukan 750.\n\n"
                               f"Pada Sel, 1 Des 2026 {kia_reply.msg['From']} menulis:\n{quoted}\n",
                               in_reply_to=kia_reply.message_id, date="Wed, 02 Dec 2026 08:00:00 +0800")
    assert outcome == {"follow-up-other_item": 1}
    assert desk12.request("BLK-2026-0002")["stock_on_hand"] == 120
    assert desk12.request("BLK-2026-0001")["stock_on_hand"] == 750
    assert desk12.queue(mid) == {"other_item"}
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0002]" in told.subject
    assert ("Angka untuk blangko KTP-el (500 keping) dalam email ini tidak kami catat pada permohonan BLK-2026-0002, "
            "karena permohonan tersebut untuk blangko KIA.") in told.text
    assert (500, "follow_up") not in _stated(desk12, "kia")


def test_a_districts_changed_figure_in_answer_to_the_managers_notice_changes_nothing(desk12: Desk12) -> None:
    mid, first = desk12.send(NUNUKAN, "Permohonan tambahan blangko KTP-el",
                             REQUEST.format(stock=300, asked="6.000 (enam ribu)", name="Nunukan"),
                             date="Tue, 01 Dec 2026 08:00:00 +0800")
    assert first == {"request-held": 1}
    [notice] = [o for o in desk12.out() if o.purpose.startswith("held:")]
    quoted = "\n".join(f"> {line}" for line in notice.text.splitlines())
    answer, got = desk12.send(NUNUKAN, "Re: " + notice.subject,
                              f"Mohon maaf, kebutuhan kami sebenarnya 3.500 keping saja.\n\n{quoted}\n",
                              in_reply_to=notice.message_id)
    assert got == {"follow-up-queued": 1}
    req = desk12.request()
    assert (req["requested"], req["state"]) == (6000, "held")
    assert desk12.queue(answer) == {"managers_thread"}
    [told] = desk12.replies_to(answer)
    assert told.to == [NUNUKAN]
    assert "balasan atas email yang kami kirimkan kepada pimpinan" in told.text
    assert not [o for o in desk12.out() if o.purpose.startswith("released:")]


def test_a_persons_correction_of_a_follow_ups_stock_is_the_stock_the_managers_see(desk12: Desk12) -> None:
    mid, got = desk12.send(BULUNGAN, "Permohonan tambahan blangko KTP-el",
                           REQUEST.format(stock=750, asked="2.000", name="Bulungan"),
                           date="Tue, 01 Dec 2026 08:00:00 +0800")
    [reply] = desk12.replies_to(mid)
    follow, got = desk12.send(BULUNGAN, "Re: " + reply.subject, "Koreksi: sisa stok kami 300 keping, bukan 750.",
                              in_reply_to=reply.message_id, date="Wed, 02 Dec 2026 08:00:00 +0800")
    assert got == {"follow-up-request-approved": 1}
    assert _stated(desk12, "ktp-el")[-1] == (300, "follow_up")
    pk = desk12.db().execute("select id from messages where message_id = ?", (follow,)).fetchone()[0]
    with desk12.desk.sessions.begin() as session:
        corrections.correct(session, desk12.desk, pk, {"stock_on_hand": 100}, actor="Tester",
                            reason="ditelepon: sisa sebenarnya 100")
    assert desk12.request()["stock_on_hand"] == 100
    assert _stated(desk12, "ktp-el")[-1] == (100, "correction")
    [detail] = [r[0] for r in desk12.db().execute(
        "select detail from attention_items where kind = 'reconcile' and closed_at is null and district = '65.01'")]
    assert "dinyatakan 100" in detail


def _on_hand(d: Desk12) -> int:
    with d.desk.sessions.begin() as session:
        return repo.balance(session, "ktp-el", "65.01").on_hand


def test_a_shipment_received_in_two_parts_is_booked_whole_and_its_shortfall_closes(desk12: Desk12) -> None:
    reply = approved(desk12)
    with desk12.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        actions.dispatch(session, desk12.desk, req, actor="operator", via="cli")
    before = _on_hand(desk12)
    quoted, _ = client_quote(reply, "gmail")
    first, got = desk12.send(BULUNGAN, "Re: " + reply.subject,
                             "Selamat pagi pak, blangko KTP-el sudah diterima 1.000 keping, sisanya menyusul katanya "
                             f"masih di ekspedisi.\n\n{quoted}\n", in_reply_to=reply.message_id,
                             date="Thu, 03 Dec 2026 10:00:00 +0800")
    assert got == {"receipt": 1}
    assert _on_hand(desk12) == before + 1000
    [told] = desk12.replies_to(first)
    assert "Kami memahami bahwa sisanya, 1.000 keping, masih menyusul." in told.text
    [notice] = [o for o in desk12.out() if o.purpose.startswith("shortfall:")]
    assert notice.subject == "[BLK-2026-0001] Penerimaan sebagian Kabupaten Bulungan: sisa 1.000 keping menyusul"
    assert "belum tentu final" in notice.text
    # still listed until it is closed
    open_rows = desk12.db().execute("select detail from attention_items where kind = 'discrepancy' "
                                    "and closed_at is null").fetchall()
    assert len(open_rows) == 1 and "menyusul" in open_rows[0][0]
    rest, got = desk12.send(BULUNGAN, "Re: " + reply.subject,
                            "Selamat siang, sisa blangko KTP-el 1.000 keping untuk BLK-2026-0001 hari ini sudah kami "
                            "terima juga. Jadi seluruhnya 2.000 keping sudah lengkap.\n\nTerima kasih\n\n"
                            f"{quoted}\n", in_reply_to=reply.message_id, date="Fri, 04 Dec 2026 09:00:00 +0800")
    assert got == {"receipt-corrected": 1}
    assert _on_hand(desk12) == before + 2000
    assert desk12.db().execute("select count(*) from attention_items where kind = 'discrepancy' "
                               "and closed_at is null").fetchone()[0] == 0
    [told] = desk12.replies_to(rest)
    assert ("Kami telah mencatat penerimaan sisa blangko KTP-el sebanyak 1.000 keping untuk permohonan BLK-2026-0001, "
            "sehingga seluruh penerimaan kini tercatat 2.000 keping (sebelumnya 1.000 keping).") in told.text
    assert "telah kami nyatakan selesai" in told.text
    assert "Sisa stok" not in told.text and "Mohon sebutkan angkanya" not in told.text
    assert len([o for o in desk12.out() if o.purpose.startswith("discrepancy-closed:")]) == 1
    assert all(q != 1000 for q, _ in _stated(desk12, "ktp-el"))


def test_a_waiting_alert_under_an_hour_says_minutes() -> None:
    assert [limit_text(h) for h in (0.001, 0.5, 1, 24)] == ["1 menit", "30 menit", "1 jam", "24 jam"]


def test_a_managers_mail_that_is_no_command_is_told_which_commands_exist(desk12: Desk12) -> None:
    mid, got = desk12.send(NUNUKAN, "Permohonan tambahan blangko KTP-el",
                           REQUEST.format(stock=300, asked="6.000 (enam ribu)", name="Nunukan"),
                           date="Tue, 01 Dec 2026 08:00:00 +0800")
    assert got == {"request-held": 1}
    [notice] = [o for o in desk12.out() if o.purpose.startswith("held:")]
    answer, got = desk12.send(MANAGERS[1], "Re: " + notice.subject, "Baik.\nSETUJU 1.500",
                              in_reply_to=notice.message_id)
    assert got == {"manager-other+queued": 1}
    assert desk12.request()["state"] == "held"
    [ack] = desk12.replies_to(answer)
    assert ack.text.startswith("Yth. Bapak/Ibu Pimpinan,")
    assert "baris pertamanya bukan perintah SETUJU atau TOLAK" in ack.text
    # the examples carry the request's own figures: its proposal, the 6.000 asked
    proposed = re.search(r"sesuai usulan sistem, ([\d.]+) keping", " ".join(notice.text.split()))[1]
    assert f'"SETUJU {proposed}"' in ack.text and '"SETUJU 6.000 PAKSA <alasan>"' in ack.text
    assert '"TOLAK <alasan>"' in ack.text


def test_importing_labels_already_held_says_so(desk12: Desk12, tmp_path_factory: pytest.TempPathFactory) -> None:
    mid, _ = desk12.send(BULUNGAN, "Permohonan tambahan blangko KTP-el",
                         REQUEST.format(stock=750, asked="2.000", name="Bulungan"),
                         date="Tue, 01 Dec 2026 08:00:00 +0800")
    pk = desk12.db().execute("select id from messages where message_id = ?", (mid,)).fetchone()[0]
    folder = tmp_path_factory.mktemp("labels")
    with desk12.desk.sessions.begin() as session:
        corrections.correct(session, desk12.desk, pk, {"stock_on_hand": 700}, actor="Tester", reason="ditelepon")
        assert corrections.export_labels(session, folder) == 1
    with desk12.desk.sessions.begin() as session:
        again = corrections.import_labels(session, desk12.desk, folder, actor="Tester")
    assert (again.new, again.changed, again.same) == (0, 0, 1)


def test_another_district_answering_the_managers_notice_is_never_told_its_reference(desk12: Desk12) -> None:
    desk12.send(NUNUKAN, "Permohonan tambahan blangko KTP-el",
                REQUEST.format(stock=300, asked="6.000 (enam ribu)", name="Nunukan"),
                date="Tue, 01 Dec 2026 08:00:00 +0800")
    [notice] = [o for o in desk12.out() if o.purpose.startswith("held:")]
    assert "BLK-2026-0001" in notice.subject
    quoted = "\n".join(f"> {line}" for line in notice.text.splitlines())
    answer, _ = desk12.send(BULUNGAN, "Re: " + notice.subject,
                            f"Mohon maaf pak, email ini sepertinya salah kirim ke kami.\n\n{quoted}\n",
                            in_reply_to=notice.message_id)
    told = desk12.replies_to(answer)
    assert told and all(t.to == [BULUNGAN] for t in told)
    assert not any("BLK-2026-0001" in t.text for t in told)  # (its subject is the writer's own, answered)
    assert desk12.request()["state"] == "held"  # Nunukan's request is untouched
