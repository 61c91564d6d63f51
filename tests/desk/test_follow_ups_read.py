"""Follow-ups read against their request, end to end on the Maildir defaults: a lowered figure is a correction,
a question or a figure for the other blank reaches a person and changes nothing, a change after a manager's
decision (or an appeal) waits for a manager who sees it, and receipts that differ from the shipment, both ways,
stay until the count is right."""

from __future__ import annotations

from pathlib import Path

import pytest

from mailbot.indonesian import number
from tests.desk.conftest import mailbot
from tests.desk.mailkit import (
    DISTRICT_SENDERS,
    MANAGERS,
    answer_reply,
    db,
    reference_of,
    replies_to,
    reply_to_notice,
    request_replied,
    request_row,
    run_once,
    sent_mail,
    set_config,
    set_guards,
    write_eml,
)

BULUNGAN, MALINAU, TANA_TIDUNG, TARAKAN = (DISTRICT_SENDERS[c] for c in ("65.01", "65.02", "65.04", "65.71"))
KABID = MANAGERS[1]


@pytest.fixture(autouse=True)
def _sender_lists_decide(desk_dir: Path) -> None:
    """Not a test of mail authentication: the sender lists alone decide here."""
    set_guards(desk_dir, require_authentication=False)


def _items(desk_dir: Path, message_id: str) -> list[tuple[str, str]]:
    return [tuple(r) for r in db(desk_dir).execute(
        "select a.reason, coalesce(a.closed_at, '') from attention_items a join messages m on m.id = a.message_pk "
        "where m.message_id = ?", (message_id,)).fetchall()]


def _to_managers(desk_dir: Path, words: str) -> list:  # type: ignore[type-arg]
    return [s for s in sent_mail(desk_dir) if sorted(s.to) == sorted(MANAGERS) and words in s.subject]


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_a_lowered_figure_naming_the_old_one_is_a_correction_and_a_person_can_undo_it(desk_dir: Path) -> None:
    first = request_replied(desk_dir, "mk-1", MALINAU, "Dengan hormat, mohon dikirimkan blangko KTP-el sebanyak 1.800 "
                                                       "keping. Sisa stok kami 900 keping.\n")
    reference = reference_of(first)
    fu = answer_reply(
        desk_dir, first, "mk-2", MALINAU,
        "Mohon maaf pak, setelah dihitung ulang kami cukup 1.000 keping saja, bukan 1.800.\n\nSalam", "gmail")
    assert request_row(desk_dir, reference)["requested"] == 1000
    [reply] = replies_to(desk_dir, fu)
    assert reference in reply.subject and "1.800 keping menjadi 1.000 keping" in _flat(reply.text)
    assert db(desk_dir).execute("select count(*) from requests").fetchone()[0] == 1
    # a person says the follow-up carried no figure after all: the request gets its figure back, and is told
    pk = db(desk_dir).execute("select id from messages where message_id = ?", (fu,)).fetchone()[0]
    done = mailbot(desk_dir, "correct", str(pk), "kind=other", "--reason", "bukan koreksi angka", "--by", "operator")
    assert done.returncode == 0, done.stderr
    assert request_row(desk_dir, reference)["requested"] == 1800
    assert len(replies_to(desk_dir, fu)) == 2


def test_a_question_naming_a_kia_figure_changes_nothing_and_reaches_a_person(desk_dir: Path) -> None:
    first = request_replied(desk_dir, "tq-1", TANA_TIDUNG, "Dengan hormat, kami mohon blangko KTP-el 600 keping. Sisa "
                                                           "stok kami tinggal 300 keping.\n")
    reference = reference_of(first)
    before = request_row(desk_dir, reference)
    question = answer_reply(desk_dir, first, "tq-2", TANA_TIDUNG,
                            "Selamat siang pak, apakah blangko tersebut dapat dikirim pekan ini? Bila memungkinkan, "
                            "mohon sekalian 300 keping blangko KIA.", "tab")
    assert request_row(desk_dir, reference) == before
    # the KIA it also asks for is the other blank: a person reads it, and the district is told to ask for it on its own
    assert _items(desk_dir, question) == [("other_item", "")]
    [ack] = replies_to(desk_dir, question)
    assert "koreksi" not in ack.text.lower() and "DISETUJUI" not in ack.text
    assert "akan dibaca serta ditindaklanjuti" in _flat(ack.text), ack.text
    assert "blangko KIA (300 keping)" in _flat(ack.text) and "sebagai email tersendiri" in _flat(ack.text), ack.text
    # a person reading it as no figure at all changes nothing either
    pk = db(desk_dir).execute("select id from messages where message_id = ?", (question,)).fetchone()[0]
    assert mailbot(desk_dir, "correct", str(pk), "kind=other", "--reason", "pertanyaan").returncode == 0
    assert request_row(desk_dir, reference)["requested"] == 600


def _held_and_decided(desk_dir: Path, name: str, sender: str, quantity: str) -> tuple[str, object]:
    set_config(desk_dir, "stock", auto_approve_limit=1000)
    first = request_replied(desk_dir, name, sender, "Dengan hormat, kami mohon tambahan blangko KTP-el sebanyak 3.000 "
                                                    "keping karena pekan depan ada kegiatan jemput bola ke desa-desa. "
                                                    "Sisa stok kami 200 keping.\n")
    reference = reference_of(first)
    assert request_row(desk_dir, reference)["state"] == "held"
    [notice] = [s for s in _to_managers(desk_dir, "Menunggu keputusan") if reference in s.subject]
    assert "jemput bola ke desa-desa" in _flat(notice.text)  # the managers read the district's reason
    run_once(desk_dir, reply_to_notice(desk_dir, notice, sender=KABID, command=f"SETUJU {quantity}",
                                        name=f"{name}-kabid"))
    decided = [s for s in sent_mail(desk_dir) if s.to == [sender] and "pimpinan" in s.text]
    assert request_row(desk_dir, reference)["state"] == "approved", decided
    return reference, decided[-1]


def test_an_appeal_after_a_managers_partial_approval_waits_for_the_managers(desk_dir: Path) -> None:
    reference, decided = _held_and_decided(desk_dir, "ta-1", TARAKAN, "1.500")
    held_before = len(_to_managers(desk_dir, "Menunggu keputusan"))
    appeal = answer_reply(desk_dir, decided, "ta-2", TARAKAN,
                          "Terima kasih pak. Namun kami tetap membutuhkan 3.000 keping karena bulan ini ada kegiatan "
                          "perekaman di sekolah-sekolah. Mohon dapat dipertimbangkan kembali.", "outlook")
    row = request_row(desk_dir, reference)
    assert row["state"] == "held"
    [told] = replies_to(desk_dir, appeal)
    assert "dipertimbangkan kembali" in _flat(told.text) and "1.500 keping" in _flat(told.text)
    notices = _to_managers(desk_dir, "Menunggu keputusan")
    assert len(notices) == held_before + 1
    [again] = [n for n in notices if "sekolah-sekolah" in n.text]
    assert "1.500 keping" in _flat(again.text) and "dipertimbangkan kembali" in _flat(again.text)


def test_a_district_correction_after_a_managers_decision_goes_back_to_the_managers(desk_dir: Path) -> None:
    reference, decided = _held_and_decided(desk_dir, "bk-1", BULUNGAN, "2.000")
    fix = answer_reply(desk_dir, decided, "bk-2", BULUNGAN,
                       "Koreksi pak: sisa stok KTP-el kami sebenarnya 1.400 keping, bukan 200.", "gmail")
    row = request_row(desk_dir, reference)
    assert row["stock_on_hand"] == 1400 and row["state"] == "held"
    [notice] = [n for n in _to_managers(desk_dir, "Menunggu keputusan") if "menjadi" in n.text]
    said = _flat(notice.text)
    assert f"diputuskan oleh pimpinan ({KABID})" in said and "200 keping menjadi 1.400 keping" in said
    [told] = replies_to(desk_dir, fix)
    assert "DITINJAU" in told.text and "2.000 keping" in _flat(told.text)


def test_a_correction_from_the_districts_other_address_is_answered_to_its_writer(desk_dir: Path) -> None:
    first = request_replied(desk_dir, "nn-1", DISTRICT_SENDERS["65.03"], "Dengan hormat, mohon tambahan blangko KTP-el "
                                                                          "1.500 keping. Sisa stok kami 700 keping.\n")
    reference = reference_of(first)
    fix = answer_reply(desk_dir, first, "nn-2", "disdukcapil@nunukankab.example",
                       "Ralat: sisa stok KTP-el kami yang benar 400 keping, bukan 700.", "gmail")
    assert request_row(desk_dir, reference)["stock_on_hand"] == 400
    [told] = replies_to(desk_dir, fix)
    assert "disdukcapil@nunukankab.example" in told.to


def _dispatched(desk_dir: Path, name: str, sender: str, body: str) -> tuple[str, object]:
    first = request_replied(desk_dir, name, sender, body)
    reference = reference_of(first)
    assert mailbot(desk_dir, "dispatch", reference).returncode == 0
    [sent] = [s for s in sent_mail(desk_dir) if "DIKIRIM" in s.text and reference in s.subject]
    return reference, sent


def test_a_corrected_receipt_closes_its_shortfall_and_tells_the_managers_once(desk_dir: Path) -> None:
    reference, sent = _dispatched(desk_dir, "mr-1", MALINAU, "Dengan hormat, mohon blangko KTP-el 1.800 keping. "
                                                             "Sisa stok kami 250 keping.\n")
    shipped = request_row(desk_dir, reference)["approved"]
    short = shipped - 60
    first = answer_reply(desk_dir, sent, "mr-2", MALINAU,
                         f"Blangko KTP-el sudah kami terima sebanyak {short:,} keping.".replace(",", "."), "gmail")
    assert len(_to_managers(desk_dir, "Selisih")) == 1
    [ack] = replies_to(desk_dir, first)
    again = answer_reply(desk_dir, ack, "mr-3", MALINAU,
                         f"Mohon maaf, ternyata satu dus terselip. Blangko yang kami terima lengkap {shipped:,} keping."
                         .replace(",", "."), "gmail")
    assert db(desk_dir).execute("select count(*) from attention_items where kind = 'discrepancy' and closed_at "
                                "is null").fetchone()[0] == 0
    closed = _to_managers(desk_dir, "telah selesai")
    assert len(closed) == 1 and reference in closed[0].subject
    [told] = replies_to(desk_dir, again)
    assert "selisih yang sebelumnya tercatat telah kami nyatakan selesai" in _flat(told.text)


def test_a_surplus_receipt_is_a_discrepancy_the_managers_are_told_of(desk_dir: Path) -> None:
    reference, sent = _dispatched(desk_dir, "ts-1", TARAKAN, "Dengan hormat, mohon blangko KTP-el 600 keping. "
                                                             "Sisa stok kami 300 keping.\n")
    shipped = request_row(desk_dir, reference)["approved"]
    over = answer_reply(desk_dir, sent, "ts-2", TARAKAN,
                        f"Blangko KTP-el telah kami terima sebanyak {shipped + 40} keping, ada kelebihan dari surat "
                        "jalan. Mohon arahan.", "gmail")
    assert [r for r, _ in _items(desk_dir, over)] == ["surplus"]
    [notice] = _to_managers(desk_dir, "Selisih")
    assert "lebih 40 keping" in notice.subject
    [told] = replies_to(desk_dir, over)
    assert "lebih 40 keping" in _flat(told.text)
    # the receipt's answer, and the dispatch notice before it, carry the whole conversation
    first_reply = [s for s in sent_mail(desk_dir) if reference in s.subject and "DISETUJUI" in s.text][0]
    assert {"<ts-1@tarakankota.example>", first_reply.message_id} <= set(str(sent.msg["References"]).split())
    assert {"<ts-1@tarakankota.example>", first_reply.message_id, sent.message_id} \
        <= set(str(told.msg["References"]).split())


def test_an_unclear_second_count_is_asked_in_its_thread_and_the_answer_corrects_the_receipt(desk_dir: Path) -> None:
    reference, sent = _dispatched(desk_dir, "br-1", BULUNGAN, "Dengan hormat, mohon blangko KTP-el 1.800 keping. "
                                                              "Sisa stok kami 250 keping.\n")
    shipped = request_row(desk_dir, reference)["approved"]
    answer_reply(desk_dir, sent, "br-2", BULUNGAN, f"Blangko KTP-el sudah kami terima {shipped - 100} keping.", "gmail")
    # the rest and the total disagree (1.700 + 100 is not 1.850): which count is right, the district is asked
    later = request_replied(
        desk_dir, "br-3", BULUNGAN,
        "Dengan hormat, 100 keping blangko KTP-el yang kurang kemarin sudah tiba hari ini, sehingga "
        f"total yang kami terima {shipped + 50} keping.\n", subject="Susulan penerimaan blangko")
    assert reference in later.subject and "yang kami terima seluruhnya" in later.text
    assert "mohon tambahan" not in later.text
    answer = answer_reply(desk_dir, later, "br-4", BULUNGAN, f"Total yang kami terima {shipped} keping.", "gmail")
    [told] = replies_to(desk_dir, answer)
    assert "telah kami ubah" in told.text
    assert db(desk_dir).execute("select count(*) from attention_items where kind = 'discrepancy' and closed_at "
                                "is null").fetchone()[0] == 0
    assert db(desk_dir).execute("select l.origin from labels l join messages m on m.id = l.message_pk "
                                "where m.message_id = ?", (answer,)).fetchone()[0] == "clarification"


def test_a_correction_that_lost_its_thread_still_corrects_the_open_request(desk_dir: Path) -> None:
    first = request_replied(desk_dir, "tl-1", TANA_TIDUNG, "Dengan hormat, kami mohon blangko KTP-el 800 keping. Sisa "
                                                           "stok kami 450 keping.\n")
    reference = reference_of(first)
    letter = write_eml(desk_dir, "tl-2.eml", sender=TANA_TIDUNG, subject="Re: Permohonan blangko KTP-el",
                       message_id="<tl-2@tanatidungkab.example>",
                       body="Mohon maaf, ralat atas email kami pagi ini: sisa stok KTP-el kami 150 keping, "
                            "bukan 450.\n")
    run_once(desk_dir, letter)
    assert request_row(desk_dir, reference)["stock_on_hand"] == 150
    [told] = replies_to(desk_dir, "<tl-2@tanatidungkab.example>")
    assert reference in told.subject and "450 keping menjadi 150 keping" in _flat(told.text)


def _report(desk_dir: Path, name: str, stock: str) -> None:
    run_once(desk_dir, write_eml(desk_dir, f"{name}.eml", sender=TANA_TIDUNG, subject="Laporan harian",
                                 message_id=f"<{name}@tanatidungkab.example>",
                                 body=f"Laporan kegiatan hari ini\nPerekaman: 28\nPencetakan: 19\n"
                                      f"Sisa blangko KTP-el: {stock}\n"))


def test_a_report_far_from_the_ledger_opens_a_reconciliation_that_a_later_agreeing_count_settles(
        desk_dir: Path) -> None:
    _report(desk_dir, "rp-1", "300")
    ledger = db(desk_dir).execute("select sum(on_hand) from ledger_entries where location = '65.04' and item = "
                                  "'ktp-el' and kind = 'opening'").fetchone()[0]
    assert ledger > 2000
    assert db(desk_dir).execute("select sum(on_hand) from ledger_entries where location = '65.04' and item = "
                                "'ktp-el'").fetchone()[0] == 300  # the ledger follows the count, not silently
    [(detail, closed)] = db(desk_dir).execute("select detail, closed_at from attention_items "
                                              "where kind = 'reconcile' and district = '65.04'").fetchall()
    assert f"menyatakan 300, catatan sebelumnya {number(ledger)}" in detail and closed is None
    _report(desk_dir, "rp-2", "280")
    assert db(desk_dir).execute("select count(*) from attention_items where kind = 'reconcile' and district = "
                                "'65.04' and closed_at is null").fetchone()[0] == 0


def test_stock_stated_before_a_delivery_is_shown_with_the_delivery_added(desk_dir: Path) -> None:
    reference, sent = _dispatched(desk_dir, "md-1", MALINAU, "Dengan hormat, mohon blangko KTP-el 1.800 keping. "
                                                             "Sisa stok kami 250 keping.\n")
    shipped = request_row(desk_dir, reference)["approved"]
    answer_reply(
        desk_dir, sent, "md-2", MALINAU, f"Blangko KTP-el sudah kami terima lengkap {shipped} keping.", "gmail")
    printed = mailbot(desk_dir, "digest", "--print")
    assert printed.returncode == 0, printed.stderr
    text = _flat(printed.stdout)
    rolled = f"{250 + shipped:,}".replace(",", ".")
    assert f"Kabupaten Malinau (blangko KTP-el): {rolled} keping" in text
    assert "menyatakan stok di bawah batas minimum" not in text


def test_a_managers_mail_for_a_person_is_acknowledged_to_a_manager(desk_dir: Path) -> None:
    set_config(desk_dir, "stock", auto_approve_limit=1000)
    first = request_replied(
        desk_dir, "bm-1", BULUNGAN, "Dengan hormat, kami mohon tambahan blangko KTP-el sebanyak 3.000 "
                                    "keping. Sisa stok kami 100 keping.\n")
    reference = reference_of(first)
    [notice] = [s for s in _to_managers(desk_dir, "Menunggu keputusan") if reference in s.subject]
    letter = reply_to_notice(desk_dir, notice, sender=KABID, name="bm-kabid",
                              command="KOREKSI sisa stok Bulungan 900 keping, sudah saya konfirmasi per telepon.")
    run_once(desk_dir, letter)
    [ack] = replies_to(desk_dir, "<bm-kabid@disdukcapil.kaltaraprov.example>")
    assert ack.text.startswith("Yth. Bapak/Ibu Pimpinan,") and "Operator" not in ack.text


def test_thanks_that_carry_a_reason_reach_a_person(desk_dir: Path) -> None:
    first = request_replied(
        desk_dir, "mt-1", MALINAU, "Dengan hormat, mohon blangko KTP-el 1.000 keping. Sisa stok kami "
                                   "600 keping.\n")
    reference = reference_of(first)
    before = request_row(desk_dir, reference)
    said = answer_reply(
        desk_dir, first, "mt-2", MALINAU, "Terima kasih pak, namun blangko tersebut kami perlukan segera "
                                          "karena ada pelayanan keliling di kecamatan.", "gmail")
    assert request_row(desk_dir, reference) == before
    assert [r for r, _ in _items(desk_dir, said)] == ["other"]
    assert len(replies_to(desk_dir, said)) == 1
