"""Conversations that hold, end to end on the Maildir defaults: a follow-up in a request's thread changes that
request (never a second reference), mail that needs a person waits in the "perlu dibaca" queue with one
acknowledgement, reminders reach the managers, stated stock shows, a short receipt stays until resolved."""

from __future__ import annotations

from datetime import datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest

from mailbot import watch
from tests.desk.conftest import WITA, mailbot
from tests.desk.mailkit import (
    DISTRICT_SENDERS,
    MANAGERS,
    OFFICE,
    answer_reply,
    db,
    numbers_in,
    open_queue,
    reference_of,
    replies_to,
    request_replied,
    request_row,
    run_once,
    sent_mail,
    write_eml,
)

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


BULUNGAN, MALINAU, NUNUKAN, TANA_TIDUNG, TARAKAN = (DISTRICT_SENDERS[c] for c in
                                                    ("65.01", "65.02", "65.03", "65.04", "65.71"))


def test_corrections_in_each_quoting_style_update_the_request_in_place(desk_dir: Path) -> None:
    # Bulungan: 110 a day, 30 days: need 3.300 - 300 = 3.000, approved without a manager (limit 3.000)
    first = request_replied(desk_dir, "blk-req", BULUNGAN,
                            "Dengan hormat, sisa stok blangko KTP-el kami 300 keping. Mohon tambahan 6.000 keping.\n")
    reference = reference_of(first)
    assert request_row(desk_dir, reference)["approved"] == 3000
    requests_before = db(desk_dir).execute("select count(*) from requests").fetchone()[0]

    # tab-quoted: a lower stock and a reason for 6.000; the need rises over the limit: a manager decides
    mid = answer_reply(desk_dir, first, "blk-fix", BULUNGAN,
                       "koreksi: sisa stok kami sebenarnya 150 keping, bukan 300. Kami tetap membutuhkan 6.000 keping "
                       "karena ada kegiatan jemput bola di tiga kecamatan.", "tab")
    [answer] = replies_to(desk_dir, mid)
    assert reference_of(answer) == reference and answer.to == [BULUNGAN]
    assert "300 keping menjadi 150 keping" in answer.text and "DITINJAU" in answer.text
    row = request_row(desk_dir, reference)
    assert (row["stock_on_hand"], row["requested"], row["state"], row["approved"]) == (150, 6000, "held", 3200)
    [notice] = [s for s in sent_mail(desk_dir) if sorted(s.to) == sorted(MANAGERS) and reference in s.subject]
    assert "jemput bola" in notice.text and "300 keping menjadi 150 keping" in notice.text
    assert "3.200" in notice.text  # the arithmetic, shown again
    committed = db(desk_dir).execute("select coalesce(sum(committed), 0) from ledger_entries "
                                     "where location = '65.01'").fetchone()[0]
    assert committed == 0  # the earlier approval of 3.000 was released, nothing is approved twice

    # Gmail, top-posted over "> " quotes: a stock figure only; never read as a daily report
    tt = request_replied(desk_dir, "tt-req", TANA_TIDUNG,
                         "Dengan hormat, sisa stok blangko KTP-el kami 400 keping. Mohon tambahan 1.000 keping.\n")
    tt_ref = reference_of(tt)
    mid = answer_reply(desk_dir, tt, "tt-fix", TANA_TIDUNG, "koreksi: sisa stok kami 200 keping, bukan 400", "gmail")
    [answer] = replies_to(desk_dir, mid)
    assert reference_of(answer) == tt_ref and "400 keping menjadi 200 keping" in answer.text
    assert request_row(desk_dir, tt_ref)["stock_on_hand"] == 200
    assert db(desk_dir).execute("select count(*) from reports").fetchone()[0] == 0

    # Outlook "From:/Sent:" block: a raised figure
    tk = request_replied(desk_dir, "tk-req", TARAKAN,
                         "Dengan hormat, sisa stok blangko KTP-el kami 3.000 keping. Mohon tambahan 1.000 keping.\n")
    tk_ref = reference_of(tk)
    mid = answer_reply(desk_dir, tk, "tk-fix", TARAKAN, "Mohon maaf, jumlah yang kami mohon menjadi 1.200 keping.",
                       "outlook")
    [answer] = replies_to(desk_dir, mid)
    assert reference_of(answer) == tk_ref and "1.000 keping menjadi 1.200 keping" in answer.text
    assert request_row(desk_dir, tk_ref)["requested"] == 1200

    # a confirmation is recorded, not answered
    mid = answer_reply(desk_dir, answer, "tk-ok", TARAKAN, "Baik, terima kasih pak.", "gmail")
    assert replies_to(desk_dir, mid) == []
    assert db(desk_dir).execute("select count(*) from audit where action = 'confirm' and target = ?",
                                (tk_ref,)).fetchone()[0] == 1

    # no second reference anywhere
    assert db(desk_dir).execute("select count(*) from requests").fetchone()[0] == requests_before + 2


def test_mail_a_person_must_read_waits_in_the_queue_with_one_acknowledgement(desk_dir: Path,
                                                                               open_test_desk) -> None:
    letters = {
        "question": write_eml(desk_dir, "q.eml", sender=MALINAU, subject="Format laporan harian",
                              message_id="<q1@malinaukab.example>",
                              body="Selamat siang, apakah format laporan harian bulan depan ada yang berubah?\n"),
        "english": write_eml(desk_dir, "en.eml", sender=TANA_TIDUNG, subject="Blank cards",
                             message_id="<en1@tanatidungkab.example>",
                             body="Dear Sir/Madam, we would like to know when the next delivery arrives. Regards.\n"),
        "unknown": write_eml(desk_dir, "x.eml", sender="someone@gmail.example", subject="Halo",
                             message_id="<x1@gmail.example>", body="Apakah kantor buka hari Sabtu?\n"),
        "automated": write_eml(desk_dir, "ooo.eml", sender=MALINAU, subject="Otomatis: sedang cuti",
                               message_id="<ooo1@malinaukab.example>", extra_headers="Auto-Submitted: auto-replied\n",
                               body="Saya sedang cuti sampai 10 Desember.\n"),
    }
    pdf = EmailMessage()
    pdf["From"], pdf["To"], pdf["Subject"] = MALINAU, OFFICE, "Surat permohonan blangko"
    pdf["Message-ID"] = "<pdf1@malinaukab.example>"
    pdf.set_content("Dengan hormat, bersama ini kami sampaikan surat permohonan blangko sebagaimana terlampir.\n")
    pdf.add_attachment(b"%PDF-1.4\n%fake\n", maintype="application", subtype="pdf", filename="permohonan.pdf")
    (desk_dir / "pdf.eml").write_bytes(bytes(pdf))
    letters["pdf"] = desk_dir / "pdf.eml"
    run_once(desk_dir, *letters.values())

    queue = open_queue(desk_dir)
    assert queue == {"<q1@malinaukab.example>": "question", "<en1@tanatidungkab.example>": "question",
                     "<pdf1@malinaukab.example>": "attachment"}
    for mid in queue:
        [ack] = replies_to(desk_dir, mid)
        assert "akan dibaca serta ditindaklanjuti langsung oleh petugas kami" in ack.text
    assert replies_to(desk_dir, "<x1@gmail.example>") == []
    assert replies_to(desk_dir, "<ooo1@malinaukab.example>") == []

    # a second message in the same thread is queued, but never acknowledged twice
    [ack] = replies_to(desk_dir, "<q1@malinaukab.example>")
    again = write_eml(desk_dir, "q2.eml", sender=MALINAU, subject="Re: Format laporan harian",
                      message_id="<q2@malinaukab.example>", body="Maaf, apakah sudah ada jawabannya?\n",
                      extra_headers=f"In-Reply-To: {ack.message_id}\nReferences: <q1@malinaukab.example> "
                                    f"{ack.message_id}\n")
    run_once(desk_dir, again)
    assert "<q2@malinaukab.example>" in open_queue(desk_dir)
    assert replies_to(desk_dir, "<q2@malinaukab.example>") == []

    # an unreadable request: asked back once; an unreadable answer goes to a person, acknowledged once
    clarify = request_replied(desk_dir, "tk-vague", TARAKAN, "Mohon tambahan blangko KTP-el sekitar 500-an keping.\n")
    assert "mohon" in clarify.text.lower()
    mid = answer_reply(desk_dir, clarify, "tk-vague2", TARAKAN, "Kira-kira 500an pak, stok tinggal sedikit.", "gmail")
    assert open_queue(desk_dir)[mid] == "doubt"
    [ack] = replies_to(desk_dir, mid)
    assert "petugas kami" in ack.text

    # the digest shows the queue; the waiting alert fires once, after [alerts] attention_hours
    digest = mailbot(desk_dir, "digest", "--print")
    assert digest.returncode == 0, digest.stderr
    assert f"Perlu dibaca petugas ({len(open_queue(desk_dir))}" in digest.stdout
    subject = digest.stdout.splitlines()[0]
    assert subject.startswith("Subjek: Ringkasan blangko")
    assert subject.endswith(f" {len(open_queue(desk_dir))} perlu diperiksa"), subject  # the short subject
    assert f"{len(open_queue(desk_dir))} hal perlu diperiksa petugas" in digest.stdout  # the summary in the body
    later = open_test_desk(now=datetime.now(WITA) + timedelta(hours=25))
    assert watch.check_alerts(later) >= 1
    watch.check_alerts(later)
    alerts = db(desk_dir).execute("select subject from outbox where subject like '[Perlu dibaca]%'").fetchall()
    assert len(alerts) == 1 and f"{len(open_queue(desk_dir))} hal menunggu" in alerts[0][0]
    import email
    import email.policy
    raw = db(desk_dir).execute("select raw from outbox where subject like '[Perlu dibaca]%'").fetchone()[0]
    body = email.message_from_bytes(raw, policy=email.policy.default).get_body().get_content()  # type: ignore[union-attr]
    listed = [line for line in body.splitlines() if line.startswith("- ")]
    # a queue item is "antrean N", never "#N" (which names message N in `mailbot history`)
    assert listed and all(line.startswith("- antrean ") for line in listed) and "#" not in body, body

    # the list and closing it by hand
    listing = mailbot(desk_dir, "queue", "list")
    assert listing.returncode == 0 and "question" in listing.stdout
    item = db(desk_dir).execute("select a.id from attention_items a join messages m on m.id = a.message_pk "
                                "where m.message_id = '<en1@tanatidungkab.example>'").fetchone()[0]
    closed = mailbot(desk_dir, "queue", "close", str(item), "--reason", "dijawab lewat telepon")
    assert closed.returncode == 0, closed.stderr
    assert tuple(db(desk_dir).execute("select closed_at is not null, resolution from attention_items where id = ?",
                                      (item,)).fetchone()) == (1, "dijawab lewat telepon")


def test_a_reminder_reaches_the_managers_and_the_district_learns_where_its_request_stands(desk_dir: Path) -> None:
    first = request_replied(desk_dir, "nn-req", NUNUKAN,
                            "Dengan hormat, sisa stok blangko KTP-el kami 800 keping. Mohon tambahan 9.000 keping.\n")
    reference = reference_of(first)
    assert request_row(desk_dir, reference)["state"] == "held"
    forwarded = ("Mohon ditindaklanjuti pak 🙏\n\n---------- Forwarded message ---------\n"
                 f"From: <{NUNUKAN}>\nDate: Fri, 27 Nov 2026\nSubject: Permohonan blangko KTP-el\nTo: <{OFFICE}>\n\n"
                 "Dengan hormat, sisa stok blangko KTP-el kami 800 keping. Mohon tambahan 9.000 keping.\n")
    letter = write_eml(desk_dir, "nn-fwd.eml", sender=NUNUKAN, subject="Fwd: Permohonan blangko KTP-el",
                       body=forwarded, message_id="<nn-fwd@nunukankab.example>")
    run_once(desk_dir, letter)
    [told] = replies_to(desk_dir, "<nn-fwd@nunukankab.example>")
    assert reference in told.subject and "sedang ditinjau oleh pimpinan" in told.text
    notices = [s for s in sent_mail(desk_dir) if sorted(s.to) == sorted(MANAGERS) and "Pengingat" in s.subject]
    assert len(notices) == 1 and reference in notices[0].subject and "Lama menunggu" in notices[0].text
    # queued as a reminder (the stock it restates, 800 against the ledger's 7.500, is a reconciliation item too)
    reasons = {r for (r,) in db(desk_dir).execute(
        "select a.reason from attention_items a join messages m on m.id = a.message_pk "
        "where a.closed_at is null and m.message_id = '<nn-fwd@nunukankab.example>'")}
    assert "reminder" in reasons, reasons
    assert db(desk_dir).execute("select count(*) from requests").fetchone()[0] == 1


def test_stated_stock_and_a_short_receipt_until_resolved(desk_dir: Path) -> None:
    first = request_replied(desk_dir, "bl-req", BULUNGAN,
                            "Dengan hormat, sisa stok blangko KTP-el kami 650 keping. Mohon tambahan 2.000 keping.\n")
    reference = reference_of(first)
    status = mailbot(desk_dir, "status", "--item", "ktp-el")
    assert status.returncode == 0, status.stderr
    said = status.stdout.split("as the districts state it", 1)[1]
    bulungan = next(line for line in said.splitlines() if "Bulungan" in line)
    assert "650" in bulungan and "request" in bulungan and "8.000" in bulungan  # the ledger's expectation beside
    digest = mailbot(desk_dir, "digest", "--print")
    assert "Kabupaten Bulungan (blangko KTP-el): 650 keping, permohonan" in digest.stdout
    # the ledger expected 8.000: a difference that large is for a person to reconcile
    assert db(desk_dir).execute("select count(*) from attention_items where kind = 'reconcile' "
                                "and district = '65.01'").fetchone()[0] == 1

    assert mailbot(desk_dir, "dispatch", reference).returncode == 0
    receipt = write_eml(desk_dir, "bl-rcv.eml", sender=BULUNGAN, subject=f"Re: [{reference}] Permohonan blangko",
                        message_id="<bl-rcv@bulungankab.example>",
                        body="Dengan hormat, blangko KTP-el sebanyak 1.900 keping sudah kami terima.\n")
    run_once(desk_dir, receipt)
    notices = [s for s in sent_mail(desk_dir) if sorted(s.to) == sorted(MANAGERS) and "Selisih" in s.subject]
    assert len(notices) == 1 and {100, 1900, 2000} <= numbers_in(notices[0].text)
    item = db(desk_dir).execute("select id from attention_items where kind = 'discrepancy'").fetchone()[0]
    assert "Selisih penerimaan yang belum diselesaikan (1)" in mailbot(desk_dir, "digest", "--print").stdout

    before = db(desk_dir).execute("select sum(on_hand) from ledger_entries where location = '65.01'").fetchone()[0]
    resolved = mailbot(desk_dir, "resolve", str(item), "--reason", "100 keping tertinggal di gudang, dikirim susulan",
                       "--delta", "100")
    assert resolved.returncode == 0, resolved.stderr
    after = db(desk_dir).execute("select sum(on_hand) from ledger_entries where location = '65.01'").fetchone()[0]
    assert after - before == 100
    assert db(desk_dir).execute("select count(*) from audit where action = 'resolve'").fetchone()[0] == 1
    assert "Selisih penerimaan yang belum diselesaikan" not in mailbot(desk_dir, "digest", "--print").stdout
    again = mailbot(desk_dir, "resolve", str(item), "--reason", "lagi")
    assert again.returncode != 0 and "Traceback" not in again.stderr


def test_a_managers_partial_approval_is_told_as_partial_by_whom_and_why(desk_dir: Path) -> None:
    held = request_replied(desk_dir, "tk-big", TARAKAN,
                           "Dengan hormat, sisa stok blangko KTP-el kami 200 keping. Mohon tambahan 4.000 keping.\n")
    reference = reference_of(held)
    assert request_row(desk_dir, reference)["state"] == "held"  # 4.000 is over the shipped limit of 3.000
    [notice] = [s for s in sent_mail(desk_dir) if sorted(s.to) == sorted(MANAGERS) and reference in s.subject]
    kadis = MANAGERS[0]
    answer = write_eml(desk_dir, "kadis-ok.eml", sender=kadis, subject=f"Re: {notice.subject}",
                       body="SETUJU 2.000\n", message_id="<kadis-ok@disdukcapil.kaltaraprov.example>",
                       extra_headers=f"In-Reply-To: {notice.message_id}\nReferences: {notice.message_id}\n")
    run_once(desk_dir, answer)
    [told] = [s for s in sent_mail(desk_dir) if s.to == [TARAKAN] and "SEBAGIAN" in s.text]
    assert reference in told.subject
    assert f"diputuskan oleh pimpinan ({kadis})" in told.text and "2.000 keping" in told.text
    assert "4.000" in told.text and "kebutuhan" in told.text  # why: the need the policy worked out


def test_a_held_notice_without_a_proposal_offers_only_what_can_be_done(desk_dir: Path, open_test_desk) -> None:
    from mailbot.render import render

    desk = open_test_desk()
    common = dict(office=desk.config.office, reference="BLK-2026-0009", district="65.01",
                  district_name="Kabupaten Bulungan", sender="x@bulungankab.example", item="ktp-el", requested=4000,
                  reasons=["stok provinsi tidak mencukupi"], explanation=[], changes=[], note=None)
    without = render(desk.env, "notice_held", proposed=0, **common).text
    assert "0 keping)" not in without and "sesuai usulan sistem" not in without and "SETUJU 1.500 " in without
    offered = render(desk.env, "notice_held", proposed=1500, **common).text
    assert "sesuai usulan sistem, 1.500 keping" in offered


def _message_pk(desk_dir: Path, message_id: str) -> int:
    return db(desk_dir).execute("select id from messages where message_id = ?", (message_id,)).fetchone()[0]


def test_corrections_by_a_person_become_labels_that_travel(desk_dir: Path, tmp_path: Path) -> None:
    report = write_eml(desk_dir, "tk-rep.eml", sender=TARAKAN, subject="Laporan harian perekaman",
                       message_id="<tk-rep@tarakankota.example>",
                       body="Laporan harian: perekaman 120, pencetakan 98, sisa blangko 6.812 keping.\n")
    run_once(desk_dir, report)
    rep_pk = _message_pk(desk_dir, "<tk-rep@tarakankota.example>")
    on_hand = "select sum(on_hand) from ledger_entries where location = '65.71' and item = 'ktp-el'"
    assert db(desk_dir).execute(on_hand).fetchone()[0] == 6812

    # the report was misread: the stock was 6.712; the ledger changes by an audited adjustment
    fixed = mailbot(desk_dir, "correct", str(rep_pk), "stock_on_hand=6.712", "--reason", "angka di lampiran 6.712",
                    "--by", "operator")
    assert fixed.returncode == 0, fixed.stderr
    assert db(desk_dir).execute(on_hand).fetchone()[0] == 6712
    entry = db(desk_dir).execute("select kind, on_hand, actor, note from ledger_entries where source like "
                                 "'correction:%'").fetchone()
    assert (entry[0], entry[1], entry[2]) == ("adjustment", -100, "operator") and "6812" in entry[3]
    assert db(desk_dir).execute("select count(*) from audit where action = 'correct'").fetchone()[0] == 1

    # a misread request is decided again; the district is told, in the same thread
    first = request_replied(desk_dir, "mn-req", MALINAU,
                            "Dengan hormat, sisa stok blangko KTP-el kami 500 keping. Mohon tambahan 1.000 keping.\n")
    reference = reference_of(first)
    req_pk = _message_pk(desk_dir, "<mn-req@malinaukab.example>")
    fixed = mailbot(desk_dir, "correct", str(req_pk), "requested=1.500", "--reason", "salah baca", "--by", "operator")
    assert fixed.returncode == 0, fixed.stderr
    assert request_row(desk_dir, reference)["requested"] == 1500
    told = [s for s in replies_to(desk_dir, "<mn-req@malinaukab.example>") if "keliru kami baca" in s.text]
    assert len(told) == 1 and reference in told[0].subject and "1.000 keping menjadi 1.500 keping" in told[0].text
    bad = mailbot(desk_dir, "correct", str(req_pk), "requested=banyak", "--reason", "x")
    assert bad.returncode != 0 and "Traceback" not in bad.stderr and len(bad.stderr.strip().splitlines()) == 1

    shown = mailbot(desk_dir, "history", reference)
    assert shown.returncode == 0, shown.stderr
    assert "figures changed" in shown.stdout and "operator" in shown.stdout and "mn-req" not in shown.stderr

    # reread measures the reader against the labels: 6.812 and 1.000 are now wrong numbers
    reread = mailbot(desk_dir, "reread")
    assert reread.returncode == 0, reread.stderr
    assert "labels: 2 message(s), 0 read entirely right; 16 of 18 fields right; 2 wrong number(s)" in reread.stdout

    # export, wipe the database, import: the same labels
    first_export, second_export = tmp_path / "one", tmp_path / "two"
    assert mailbot(desk_dir, "labels", "export", str(first_export)).returncode == 0
    for path in (desk_dir / "var").glob("mailbot.db*"):
        path.unlink()
    # the Maildirs still show the old desk's mail: a new database there is made on purpose only
    assert mailbot(desk_dir, "migrate", "--new-desk").returncode == 0
    imported = mailbot(desk_dir, "labels", "import", str(first_export))
    assert imported.returncode == 0, imported.stderr
    assert mailbot(desk_dir, "labels", "export", str(second_export)).returncode == 0
    import json

    labels = json.loads((first_export / "labels.json").read_text())
    assert len(labels) == 2 and json.loads((second_export / "labels.json").read_text()) == labels
    assert sorted(p.read_bytes() for p in (first_export / "corpus").iterdir()) == \
        sorted(p.read_bytes() for p in (second_export / "corpus").iterdir())
    assert {v["stock_on_hand"] for v in labels.values()} >= {6712}
