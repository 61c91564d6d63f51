"""Out-of-office replies to mailbot's mail are automated replies, not bounces: only a real delivery status
notification tells the operator "Email tidak terkirim"."""

from __future__ import annotations

from pathlib import Path

from tests.desk.mailkit import AUTHSERV_ID, OPERATOR, db, request_body, run_once, sent_mail, write_eml

BULUNGAN = "disdukcapil@bulungankab.example"
PASS = (f"Authentication-Results: {AUTHSERV_ID}; dkim=pass header.d=bulungankab.example;\n"
        "\tdmarc=pass header.from=bulungankab.example\n")

# An Outlook out-of-office in Indonesian, quoting the reply below it, with no Auto-Submitted header.
VACATION_QUOTING = PASS + """From: Disdukcapil Bulungan <disdukcapil@bulungankab.example>
To: blangko@disdukcapil.kaltaraprov.example
Subject: Balasan Otomatis: {subject}
Date: Fri, 27 Nov 2026 10:05:00 +0800
Message-ID: <ooo-quoting.20261127@bulungankab.example>
In-Reply-To: {mid}
References: {mid}
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Terima kasih atas email Anda. Saya sedang cuti sampai dengan 30/11/2026 dan tidak dapat
membalas email. Untuk hal mendesak silakan hubungi 0812-5432-1098.

-----Pesan Asli-----
Dari: Disdukcapil Provinsi Kalimantan Utara <blangko@disdukcapil.kaltaraprov.example>
Dikirim: Jumat, 27 November 2026 10.00
Kepada: disdukcapil@bulungankab.example
Perihal: {subject}

{quoted}
"""

# An English auto-reply naming the reply only in References, and its Message-ID again in the text.
VACATION_REFERENCES = PASS + """From: disdukcapil@bulungankab.example
To: blangko@disdukcapil.kaltaraprov.example
Subject: Automatic reply: {subject}
Date: Fri, 27 Nov 2026 10:06:00 +0800
Message-ID: <ooo-references.20261127@bulungankab.example>
References: <earlier@bulungankab.example> {mid}
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

I am out of the office until Monday 30 November with limited access to email.
Your message {mid} will be read when I return.
"""

# A real bounce: RFC 3464 multipart/report from the office's mail server, naming the reply.
DSN_REPORT = """From: Mail Delivery Subsystem <MAILER-DAEMON@disdukcapil.kaltaraprov.example>
To: blangko@disdukcapil.kaltaraprov.example
Subject: Undelivered Mail Returned to Sender
Date: Fri, 27 Nov 2026 10:07:00 +0800
Message-ID: <dsn-report.20261127@disdukcapil.kaltaraprov.example>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B1"

--B1
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx.kaltaraprov.example.
Your message could not be delivered to one or more recipients.

--B1
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.kaltaraprov.example

Final-Recipient: rfc822; disdukcapil@bulungankab.example
Action: failed
Status: 5.2.2
Diagnostic-Code: smtp; 552 5.2.2 Mailbox full

--B1
Content-Type: text/rfc822-headers

From: blangko@disdukcapil.kaltaraprov.example
Subject: {subject}
Message-ID: {mid}

--B1--
"""

# A postmaster's bounce that is not multipart/report but carries a delivery-status part, and no
# Auto-Submitted header either.
DSN_MIXED = """From: postmaster@bulungankab.example
To: blangko@disdukcapil.kaltaraprov.example
Subject: Delivery Status Notification (Failure)
Date: Fri, 27 Nov 2026 10:08:00 +0800
Message-ID: <dsn-mixed.20261127@bulungankab.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="B2"

--B2
Content-Type: text/plain; charset=us-ascii

Delivery to the following recipient failed permanently: disdukcapil@bulungankab.example

--B2
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.bulungankab.example

Final-Recipient: rfc822; disdukcapil@bulungankab.example
Action: failed
Status: 5.1.1

--B2
Content-Type: text/plain; charset=us-ascii

Original message: {mid}

--B2--
"""


def test_vacation_replies_are_not_bounces_and_real_dsns_are(desk_dir: Path) -> None:
    request = write_eml(desk_dir, "request.eml", sender=f"Disdukcapil Bulungan <{BULUNGAN}>",
                        subject="Permohonan tambahan blangko KTP-el", body=request_body(),
                        message_id="<req.20261127@bulungankab.example>", extra_headers=PASS.replace("\t", " "))
    run_once(desk_dir, request)
    reply = next(s for s in sent_mail(desk_dir) if s.to == [BULUNGAN])
    values = {"mid": reply.message_id, "subject": reply.subject,
              "quoted": "\n".join(reply.text.splitlines()[:12])}
    letters = []
    # anyone can write a delivery report: one from a stranger's domain names its sender and says so
    forged = DSN_REPORT.replace("MAILER-DAEMON@disdukcapil.kaltaraprov.example", "MAILER-DAEMON@evil.example")
    forged = forged.replace("<dsn-report.20261127@", "<dsn-forged.20261127@")
    assert forged != DSN_REPORT
    # one From the recipient's own domain that the office's server found forged (DMARC fail): told as such
    failed = (f"Authentication-Results: {AUTHSERV_ID}; dmarc=fail header.from=bulungankab.example\n"
              + DSN_MIXED.replace("<dsn-mixed.20261127@", "<dsn-failed.20261127@"))
    for name, template in (("vacation-quoting", VACATION_QUOTING), ("vacation-references", VACATION_REFERENCES),
                           ("dsn-report", DSN_REPORT), ("dsn-mixed", DSN_MIXED), ("dsn-forged", forged),
                           ("dsn-failed", failed)):
        path = desk_dir / f"{name}.eml"
        path.write_text(template.format(**values))
        letters.append(path)
    before = {s.path for s in sent_mail(desk_dir)}
    run_once(desk_dir, *letters)

    new = [s for s in sent_mail(desk_dir) if s.path not in before]
    assert all(s.to == [OPERATOR] for s in new), [(s.to, s.subject) for s in new]
    bounces = [s for s in new if s.subject.startswith("Email tidak terkirim")]
    assert len(bounces) == 4, [s.subject for s in new]  # the delivery reports, and nothing for the vacations
    assert all(reply.message_id in s.text for s in bounces)
    senders = sorted(line.split(":", 1)[1].strip() for s in bounces for line in s.text.splitlines()
                     if line.strip().startswith("Dikirim oleh"))
    assert senders == ["mailer-daemon@disdukcapil.kaltaraprov.example", "mailer-daemon@evil.example",
                       "postmaster@bulungankab.example", "postmaster@bulungankab.example"], senders
    # the receiving server's words, which tell the operator what to ask the district about
    reasons = sorted(line.split(":", 1)[1].strip() for s in bounces for line in s.text.splitlines()
                     if line.strip().startswith("Pesan server"))
    # (a report with a Status code and no Diagnostic-Code has no words of the server's: no such line)
    assert reasons == ['"552 5.2.2 Mailbox full"', '"552 5.2.2 Mailbox full"'], reasons
    # and what the status code means, in Indonesian, also when a report gives the code alone
    meanings = sorted(line.split(":", 1)[1].strip() for s in bounces for line in s.text.splitlines()
                      if line.strip().startswith("Sebab"))
    assert meanings == ["alamat penerima tidak dikenal di server tujuan (kotak suratnya tidak ada)"] * 2 + [
        "kotak surat penerima sudah penuh"] * 2, meanings
    # the advice follows the code: the address for an unknown mailbox, the district's mailbox for a full one
    advice = sorted(line.split(";")[0] for s in bounces for line in s.text.splitlines()
                    if line.startswith(("Mohon periksa alamat tujuan", "Alamat tujuan dikenal")))
    assert advice == ["Alamat tujuan dikenal server tujuan"] * 2 + [
        "Mohon periksa alamat tujuan dan hubungi kabupaten/kota yang bersangkutan bila perlu."] * 2, advice
    warned = [s for s in bounces if "tidak datang dari server tujuan maupun dari server kantor" in s.text]
    assert len(warned) == 1 and "mailer-daemon@evil.example" in warned[0].text
    [failed_notice] = [s for s in bounces if "pemeriksaan keaslian pengirim pemberitahuan ini GAGAL" in s.text]
    assert failed_notice not in warned
    conn = db(desk_dir)
    kinds = dict(conn.execute("select message_id, kind from messages where message_id like '<ooo-%'").fetchall())
    assert kinds == {"<ooo-quoting.20261127@bulungankab.example>": "automated",
                     "<ooo-references.20261127@bulungankab.example>": "automated"}
    linked = dict(conn.execute("select message_id, outbound_ref from messages where kind = 'automated'").fetchall())
    assert linked["<dsn-report.20261127@disdukcapil.kaltaraprov.example>"] == reply.message_id
    assert linked["<dsn-mixed.20261127@bulungankab.example>"] == reply.message_id
    assert linked["<ooo-quoting.20261127@bulungankab.example>"] is None
