"""Intake refuses what is not mail; a quarantined message is told, can be dismissed, and is left out of reread."""

from __future__ import annotations

import email
import email.policy
import re
import sqlite3
from email.message import EmailMessage
from pathlib import Path

import pytest

from tests.desk.conftest import mailbot, outbox_files
from tests.desk.mailkit import set_config

BULUNGAN = "disdukcapil@bulungankab.example"
OPERATOR = "operator.blangko@disdukcapil.kaltaraprov.example"


# the operator is told the reply asking the sender to send again is queued, never that the sender was told
QUEUED_RESEND = "Balasan yang meminta pengirim mengirim ulang sudah dibuat dan masuk antrean pengiriman"


def _with_attachments(sender: str, count: int, *, mid: str) -> bytes:
    msg = EmailMessage()
    # as the office's server (the shipped authserv_id) marks genuine district mail
    msg["Authentication-Results"] = f"mx.kaltaraprov.example; dmarc=pass header.from={sender.split('@')[1]}"
    msg["From"], msg["To"] = sender, "blangko@disdukcapil.kaltaraprov.example"
    msg["Subject"], msg["Message-ID"] = "Laporan harian dan foto kegiatan", f"<{mid}@bulungankab.example>"
    msg["Date"] = "Fri, 27 Nov 2026 09:00:00 +0800"
    msg.set_content("Dengan hormat, terlampir laporan harian. Sisa blangko 812 keping.")
    for i in range(count):
        msg.add_attachment(b"\xff\xd8\xff" + bytes(200), maintype="image", subtype="jpeg", filename=f"foto{i}.jpg")
    return msg.as_bytes()


def _sent(desk_dir: Path) -> list[email.message.EmailMessage]:
    return [email.message_from_bytes(p.read_bytes(), policy=email.policy.default)  # type: ignore[misc]
            for p in outbox_files(desk_dir)]


@pytest.mark.parametrize("what", ["text", "binary"])
def test_import_refuses_what_is_not_mail(desk_dir: Path, what: str) -> None:
    path = desk_dir / "catatan.txt"
    if what == "text":
        path.write_text("Catatan rapat: stok blangko 2.000 keping\n")
    else:
        path.write_bytes(Path("/usr/bin/ls").read_bytes())
    good = desk_dir / "good.eml"
    good.write_bytes(_with_attachments(BULUNGAN, 0, mid="good"))
    result = mailbot(desk_dir, "import", str(good), str(path))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "catatan.txt: " in lines[0] and "not an email" in lines[0], result.stderr
    assert "nothing was delivered" in lines[0]
    assert not list((desk_dir / "var" / "mail" / "inbox" / "new").glob("*")), "all or nothing"


def test_too_many_attachments_tells_operator_and_district(desk_dir: Path) -> None:
    (desk_dir / "a.eml").write_bytes(_with_attachments(BULUNGAN, 12, mid="foto12"))
    (desk_dir / "b.eml").write_bytes(_with_attachments("orang@luar.example", 12, mid="luar12"))
    assert mailbot(desk_dir, "import", str(desk_dir / "a.eml"), str(desk_dir / "b.eml")).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    sent = _sent(desk_dir)
    to_operator = [m for m in sent if m["To"] == OPERATOR]
    assert len(to_operator) == 1, "the operator hears of both, in one notice"
    assert to_operator[0]["Subject"] == "Email dikarantina: 2 email"
    notice = to_operator[0].get_body(("plain",)).get_content()
    assert "Sebanyak 2 email masuk tidak dapat diproses" in notice
    assert f"Pengirim : {BULUNGAN} (Kabupaten Bulungan)" in notice and "Pengirim : orang@luar.example" in notice
    assert notice.count(QUEUED_RESEND) == 1, "the district only"
    assert "mailbot quarantine dismiss NOMOR" in notice
    to_district = [m for m in sent if m["To"] == BULUNGAN]
    assert len(to_district) == 1, "the district can fix it; the unknown sender is not answered"
    text = to_district[0].get_body(("plain",)).get_content()
    assert "Yth. Bapak/Ibu Operator Disdukcapil Kabupaten Bulungan" in text
    assert "lampirannya terlalu banyak (12 berkas; paling banyak 10 berkas per email)" in text
    assert "Mohon kirim ulang" in text
    # its subject carries no reference: the footer asks to keep none
    assert "kode rujukan" not in text and "Email ini dikirim otomatis oleh meja layanan blangko." in text
    assert to_district[0]["In-Reply-To"] == "<foto12@bulungankab.example>"
    # a second run tells no one again
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    assert len(_sent(desk_dir)) == len(sent)


def test_dismiss_and_reread(desk_dir: Path) -> None:
    (desk_dir / "a.eml").write_bytes(_with_attachments(BULUNGAN, 12, mid="foto12"))
    (desk_dir / "ok.eml").write_bytes(_with_attachments(BULUNGAN, 0, mid="ok"))
    assert mailbot(desk_dir, "import", str(desk_dir / "a.eml"), str(desk_dir / "ok.eml")).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    db = sqlite3.connect(desk_dir / "var" / "mailbot.db")
    (qid,) = db.execute("select id from messages where status = 'quarantined'").fetchone()

    plain = mailbot(desk_dir, "reread")
    assert plain.returncode == 0 and "1 stored message(s) re-read: no differences." in plain.stdout, plain.stdout
    everything = mailbot(desk_dir, "reread", "--include-quarantined")
    # the quarantined one is refused again for the same reason: nothing would be read differently
    assert everything.returncode == 0 and "2 stored message(s) re-read: no differences." in everything.stdout

    listed = mailbot(desk_dir, "quarantine")
    assert f"| {qid} " in listed.stdout
    assert f"| {qid} " in mailbot(desk_dir, "queue", "list").stdout
    # the managers read why in Indonesian, as the district was told, never the limit's English error
    digest = mailbot(desk_dir, "digest", "--print").stdout
    assert "lampirannya terlalu banyak (12 berkas; paling banyak 10 berkas per email)" in digest, digest
    assert "max_attachments" not in digest and "over the limit" not in digest
    for empty in ("", " ", "."):  # a usage error, as reject's: exit 2, one line
        no_reason = mailbot(desk_dir, "quarantine", "dismiss", str(qid), "--reason", empty)
        assert (no_reason.returncode, no_reason.stderr) == (
            2, f"mailbot: --reason: {empty.strip()!r} gives no reason; write why in words, e.g. --reason "
               '"email promosi"\n'), no_reason.stderr
    dismissed = mailbot(desk_dir, "quarantine", "dismiss", str(qid), "--reason", "foto kegiatan, bukan laporan")
    assert dismissed.returncode == 0, dismissed.stderr
    assert f"| {qid} " not in mailbot(desk_dir, "quarantine").stdout
    assert db.execute("select status from messages where id = ?", (qid,)).fetchone() == ("dismissed",)
    assert "foto kegiatan, bukan laporan" in db.execute(
        "select details from audit where action = 'dismiss'").fetchone()[0]
    # its "perlu dibaca" item is closed with the dismissal's reason: neither the queue nor the digest asks again
    assert db.execute("select resolution from attention_items where message_pk = ? and closed_at is not null",
                      (qid,)).fetchall() == [("dikeluarkan dari karantina: foto kegiatan, bukan laporan",)]
    assert f"| {qid} " not in mailbot(desk_dir, "queue", "list").stdout
    again = mailbot(desk_dir, "quarantine", "dismiss", str(qid), "--reason", "x")
    assert again.returncode == 1 and "is dismissed, not quarantined" in again.stderr
    # a dismissed message is still one --include-quarantined re-reads (as its --help says), never a plain reread
    assert "1 stored message(s) re-read" in mailbot(desk_dir, "reread").stdout
    after = mailbot(desk_dir, "reread", "--include-quarantined")
    assert after.returncode == 0 and "2 stored message(s) re-read: no differences." in after.stdout, after.stdout
    replayed = mailbot(desk_dir, "replay", str(qid))
    assert replayed.returncode == 1 and f"message {qid} was dismissed from the quarantine" in replayed.stderr


def test_quarantine_reasons_write_numbers_the_indonesian_way(desk_dir: Path) -> None:
    from tests.desk.mailkit import set_guards

    set_guards(desk_dir, max_message_bytes=2048)
    (desk_dir / "big.eml").write_bytes(_with_attachments(BULUNGAN, 12, mid="besar"))
    assert mailbot(desk_dir, "import", str(desk_dir / "big.eml")).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    [notice] = [m for m in _sent(desk_dir) if m["To"] == OPERATOR]
    text = " ".join(notice.get_body(("plain",)).get_content().split())
    # in Indonesian, a size under a megabyte in KB (was "sekitar 0 MB; paling besar 0 MB"), "," as the decimal mark
    assert re.search(r"Alasan : ukurannya terlalu besar \(sekitar \d+,\d KB; paling besar 2 KB per email\)", text), text
    listed = mailbot(desk_dir, "quarantine")  # the setting to look up in config.toml, and the figures
    assert "2.048" in listed.stdout and "2,048" not in listed.stdout, listed.stdout
    assert "max_message_bytes" in listed.stdout, listed.stdout


def test_the_quarantine_list_keeps_subjects_whole_into_a_file_and_says_when_it_is_empty(desk_dir: Path) -> None:
    """Was: the subject cut with "…" even into a pipe (where the other tables keep every cell whole), and an
    empty table with only its header row."""
    assert mailbot(desk_dir, "migrate").returncode == 0  # the desk exists (`quarantine` makes no database)
    empty = mailbot(desk_dir, "quarantine")
    assert empty.returncode == 0 and empty.stdout.strip() == "nothing in quarantine", empty.stdout
    subject = "Laporan harian perekaman KTP-el Malinau (foto kegiatan pelayanan keliling di kecamatan Mentarang)"
    raw = _with_attachments(BULUNGAN, 12, mid="panjang").replace(b"Laporan harian dan foto kegiatan",
                                                                 subject.encode())
    (desk_dir / "a.eml").write_bytes(raw)
    assert mailbot(desk_dir, "import", str(desk_dir / "a.eml")).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    listed = mailbot(desk_dir, "quarantine")  # its output is a pipe
    assert listed.returncode == 0 and subject in listed.stdout and "…" not in listed.stdout, listed.stdout
    assert "nothing in quarantine" not in listed.stdout


def test_a_burst_of_junk_is_one_notice_to_the_operator_listing_the_first_twenty(desk_dir: Path) -> None:
    junk = []
    for i in range(25):
        path = desk_dir / f"junk{i}.eml"
        path.write_bytes(_with_attachments(f"promo{i}@iklan.example", 12, mid=f"junk{i}"))
        junk.append(str(path))
    assert mailbot(desk_dir, "import", *junk).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    sent = _sent(desk_dir)
    assert len(sent) == 1, [m["Subject"] for m in sent]
    assert sent[0]["To"] == OPERATOR and sent[0]["Subject"] == "Email dikarantina: 25 email"
    notice = sent[0].get_body(("plain",)).get_content()
    assert notice.count("Nomor    : ") == 20 and "promo0@iklan.example" in notice
    assert "dan 5 email lainnya: daftar lengkapnya ada di mailbot quarantine" in notice
    # the reason in the notice's Indonesian only: the recorded error stays in `mailbot quarantine`
    assert notice.count("Alasan   : lampirannya terlalu banyak (12 berkas; paling banyak 10 berkas per email)") == 20
    assert "max_attachments" not in notice, notice
    listed = mailbot(desk_dir, "quarantine")
    assert listed.stdout.count("iklan.example") == 25, listed.stdout


def test_one_quarantined_message_is_told_as_one(desk_dir: Path) -> None:
    (desk_dir / "a.eml").write_bytes(_with_attachments("orang@luar.example", 12, mid="satu"))
    assert mailbot(desk_dir, "import", str(desk_dir / "a.eml")).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    [notice] = _sent(desk_dir)
    assert notice["Subject"] == "Email dikarantina: Laporan harian dan foto kegiatan"
    text = notice.get_body(("plain",)).get_content()
    assert "Sebuah email masuk tidak dapat diproses dan disimpan di karantina (nomor 1)." in text
    assert "Nomor    :" not in text and "mailbot replay 1\n" in text


def test_the_notice_says_the_district_was_not_told_when_the_daily_cap_held_its_reply(desk_dir: Path) -> None:
    """Was: "Pengirim sudah diberi tahu dan diminta mengirim ulang." for both, while the second reply was suppressed
    by the per-sender cap."""
    set_config(desk_dir, "guards", max_replies_per_sender_per_day=1)
    (desk_dir / "a.eml").write_bytes(_with_attachments(BULUNGAN, 12, mid="capA"))
    (desk_dir / "b.eml").write_bytes(_with_attachments(BULUNGAN, 13, mid="capB"))
    assert mailbot(desk_dir, "import", str(desk_dir / "a.eml"), str(desk_dir / "b.eml")).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    sent = _sent(desk_dir)
    assert len([m for m in sent if m["To"] == BULUNGAN]) == 1, "the cap lets one reply through"
    notices = [m.get_body(("plain",)).get_content() for m in sent if m["To"] == OPERATOR]
    notice = "".join(notices)
    assert notice.count(QUEUED_RESEND) == 1, notice
    assert notice.count("Pengirim BELUM diberi tahu: balasan kepadanya ditahan karena batas 1 balasan otomatis per "
                        "hari sudah tercapai. Mohon hubungi pengirim dan minta mengirim ulang.") == 1, notice


@pytest.mark.parametrize("header", ["Auto-Submitted: auto-generated", "Precedence: bulk"])
def test_a_districts_automated_mail_is_quarantined_unanswered(desk_dir: Path, header: str) -> None:
    """Was: a district's Auto-Submitted mail with 12 attachments got the acknowledgement "akan dibaca ... oleh
    petugas" (RFC 3834: automated mail is never answered; a district's reporting system could answer back), and the
    operator's notice did not say the district was not told."""
    name, value = header.split(": ")
    raw = _with_attachments(BULUNGAN, 12, mid="otomatis").replace(b"From: ", f"{name}: {value}\nFrom: ".encode(), 1)
    (desk_dir / "a.eml").write_bytes(raw)
    assert mailbot(desk_dir, "import", str(desk_dir / "a.eml")).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    sent = _sent(desk_dir)
    assert [m["Subject"] for m in sent if m["To"] == BULUNGAN] == []
    [notice] = [m.get_body(("plain",)).get_content() for m in sent if m["To"] == OPERATOR]
    assert "lampirannya terlalu banyak (12 berkas; paling banyak 10 berkas per email)" in notice, notice
    assert "Pengirim TIDAK diberi tahu: email ini dikirim otomatis oleh sistem" in notice, notice
    assert "sudah diberi tahu" not in notice, notice


def _nested(sender: str, depth: int, *, mid: str) -> bytes:
    """A mail from *sender* whose MIME parts are nested *depth* deep, as the office's server marks district mail."""
    body = b"Content-Type: text/plain; charset=utf-8\r\n\r\nSisa blangko 812 keping.\r\n"
    for level in range(depth):
        boundary = f"b{level}".encode()
        body = (b'Content-Type: multipart/mixed; boundary="' + boundary + b'"\r\n\r\n--' + boundary + b"\r\n"
                + body + b"\r\n--" + boundary + b"--\r\n")
    domain = sender.split("@")[1]
    head = (f"Authentication-Results: mx.kaltaraprov.example; dmarc=pass header.from={domain}\r\n"
            f"From: {sender}\r\nTo: blangko@disdukcapil.kaltaraprov.example\r\n"
            f"Subject: Laporan harian\r\nMessage-ID: <{mid}@{domain}>\r\n"
            "Date: Fri, 27 Nov 2026 09:00:00 +0800\r\nMIME-Version: 1.0\r\n")
    return head.encode() + body


def test_a_district_mail_quarantined_for_its_structure_is_acknowledged_by_name_and_the_operator_reads_so(
        desk_dir: Path) -> None:
    (desk_dir / "a.eml").write_bytes(_nested(BULUNGAN, 21, mid="nested21"))
    assert mailbot(desk_dir, "import", str(desk_dir / "a.eml")).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    sent = _sent(desk_dir)
    [to_district] = [m for m in sent if m["To"] == BULUNGAN]
    text = to_district.get_body(("plain",)).get_content()
    assert "akan dibaca serta ditindaklanjuti langsung oleh petugas kami" in text, text
    # was: "Yth. Bapak/Ibu," although the district is known, and a footer about a reference its subject lacks
    assert "Yth. Bapak/Ibu Operator Disdukcapil Kabupaten Bulungan" in text, text
    assert "kode rujukan" not in text, text
    [notice] = [m.get_body(("plain",)).get_content() for m in sent if m["To"] == OPERATOR]
    # was: the notice did not say the district had been answered at all
    assert ("Balasan yang memberi tahu pengirim bahwa emailnya telah diterima dan akan dibaca oleh petugas sudah "
            "dibuat") in notice, notice
    assert QUEUED_RESEND not in notice and "BELUM diberi tahu" not in notice


def test_the_quarantine_list_and_the_queue_say_what_happened_in_plain_words(desk_dir: Path) -> None:
    """Was "max_attachments: message has 12 attachments, ..." (the setting's name as the reason) in the quarantine
    list, and the district's bare code in the queue."""
    (desk_dir / "a.eml").write_bytes(_with_attachments(BULUNGAN, 12, mid="foto"))
    assert mailbot(desk_dir, "import", str(desk_dir / "a.eml")).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    listed = mailbot(desk_dir, "quarantine").stdout
    assert "message has 12 attachments, over the limit of 10 (setting [guards] max_attachments)" in listed, listed
    assert "max_attachments:" not in listed, listed
    queue = mailbot(desk_dir, "queue", "list").stdout
    assert "65.01 Kabupaten Bulungan" in queue, queue
