"""Corpus cases, part 5: what a third, independent set of district mail showed the reader missed.

Each case stands for a rule: a figure in units of printer supplies (roll, botol, set) or said of a
supply ("Sisa ribbon kami tinggal 2") counts no blanks; the full stop of an abbreviation ("Kab.",
"Kec.") ends no clause, so "Stok blangko Kab. Malinau habis (0 keping)" keeps its role and a zero
stock is a real figure; a forwarded news item (a "Berita ..." subject, an article's dateline) states
no district's figures; a request for a document ("mohon dikirimkan data rekap stok ...") asks for
no blanks and reports nothing; a report with a section per blank is read for KTP-el; typos of the
report words ("perkaman", "pencetkan") keep their roles; a delivery failure names no district.
"""

from __future__ import annotations

from kit import BUL, BUL_OP, KTT, MAL, NUN, NUN_CAP, TRK, E


def _b(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("utf-8")


CLERK3_CASES: list[dict[str, object]] = [
    # --- Printer supplies are no blanks -------------------------------------------------------------
    dict(
        name="clerk3-ribbon-rolls-not-blanks",
        sender=MAL,
        subject="Ketersediaan film printer",
        body=(
            "Yth. Admin,\nApakah provinsi masih punya stok film dan ribbon printer kartu? Sisa film kami\n"
            "tinggal 3 roll, mohon info pengambilannya.\n\nHormat kami,\nOperator Cetak Malinau\n"
        ),
        expect=E("other", "65.02"),
    ),
    dict(
        name="clerk3-ribbon-figure-without-unit",
        sender=KTT,
        subject="ribbon",
        body="Pak, sisa ribbon kami tinggal 12, mohon info kapan bisa diambil di provinsi.\n\nDukcapil KTT\n",
        expect=E("other", "65.04"),
    ),
    dict(
        name="clerk3-supplies-beside-blank-stock",
        sender=BUL_OP,
        subject="Laporan stok",
        body=(
            "Laporan stok hari ini: sisa blangko KTP-el 1.640 keping. Tinta printer tinggal 2 botol dan\n"
            "ribbon 1 set.\n\nOperator SIAK Bulungan\n"
        ),
        expect=E("stock_report", "65.01", "ktp-el", stock_on_hand=1640),
    ),
    dict(
        name="clerk3-ribbon-out-blank-request-stands",
        sender=TRK,
        subject="Permohonan blangko",
        body=(
            "Ribbon printer sudah habis, mohon tambahan blangko KTP-el 1.200 keping karena sisa kami\n"
            "tinggal 380 keping.\n\nDisdukcapil Kota Tarakan\n"
        ),
        expect=E("request", "65.71", "ktp-el", requested=1200, stock_on_hand=380),
    ),
    # --- Abbreviations end no clause; zero is a figure ------------------------------------------------
    dict(
        name="clerk3-stock-zero-after-kab-abbreviation",
        sender=MAL,
        subject="SEGERA - blangko kosong",
        body=(
            "Yth. Admin,\n\nStok blangko KTP-el Kab. Malinau sudah habis (0 keping) sejak kemarin, pelayanan\n"
            "cetak kami hentikan sementara. Mohon segera dikirim tambahan 2.500 keping.\n\nHormat kami,\n"
            "Kasi Pelayanan\n"
        ),
        expect=E("request", "65.02", "ktp-el", requested=2500, stock_on_hand=0),
    ),
    dict(
        name="clerk3-receipt-private-address-kab-abbreviation",
        sender="Yohanes Lasan <yohanes.lasan77@gmail.example>",
        subject="Re: [BLK-2026-0107] blangko Tana Tidung",
        body=(
            "Selamat sore, izin lapor dari email pribadi: blangko KTP-el 1.500 keping untuk Disdukcapil "
            "Kab. Tana Tidung\n"
            "sudah diterima siang tadi dalam keadaan baik.\n\nYohanes\n"
        ),
        expect=E("receipt", "65.04", "ktp-el", known=False, received=1500),
    ),
    # --- The press: a forwarded news item --------------------------------------------------------------
    dict(
        name="clerk3-news-item-forwarded-berita-subject",
        sender=NUN,
        subject="Fwd: Berita Kaltara Pos - Stok Blangko Aman",
        body=(
            "Untuk diketahui pak.\n\n"
            "---------- Forwarded message ---------\n"
            "From: Humas Nunukan <humas@nunukankab.example>\n"
            "Date: Sel, 10 Mar 2026 pukul 07.40\n"
            "Subject: Berita Kaltara Pos - Stok Blangko Aman\n\n"
            "Pemerintah provinsi menyimpan sekitar 90 ribu blangko KTP-el. Daerah diminta mengajukan\n"
            "tambahan blangko bila stok kurang dari 1.000 keping.\n"
        ),
        expect=E("other", "65.03"),
    ),
    dict(
        name="clerk3-news-item-dateline",
        sender=BUL,
        subject="Fwd: info",
        body=(
            "Sekedar info.\n\n"
            "---------- Forwarded message ---------\n"
            "From: Admin Portal <admin@portal.example>\n"
            "Subject: Stok blangko\n\n"
            "TARAKAN - Disdukcapil Kota Tarakan mengajukan tambahan 4.000 keping blangko KTP-el kepada\n"
            "provinsi karena stok tinggal 700 keping.\n"
        ),
        expect=E("other", "65.01"),
    ),
    # --- A request for a document ------------------------------------------------------------------
    dict(
        name="clerk3-request-for-data-recap",
        sender=NUN_CAP,
        subject="Permintaan data",
        body=(
            "Yth. Admin,\nMohon dikirimkan data rekap stok blangko per kabupaten/kota bulan Februari 2026\n"
            "untuk bahan laporan kepada Bupati. Terima kasih.\n\nCapil Nunukan\n"
        ),
        expect=E("other", "65.03"),
    ),
    dict(
        name="clerk3-request-for-report-format",
        sender=TRK,
        subject="Format laporan",
        body="Selamat pagi, mohon dikirimkan kembali format laporan harian perekaman dan sisa blangko yang terbaru.\n",
        expect=E("other", "65.71"),
    ),
    # --- A report with a section per blank ----------------------------------------------------------
    dict(
        name="clerk3-report-ktp-and-kia-sections",
        sender=BUL_OP,
        subject="Lap. harian 11/03",
        body=(
            "Lap. harian 11/03/2026\n\n"
            "Blangko KTP-el:\n"
            "  Perekaman : 97\n"
            "  Pencetakan : 91\n"
            "  Sisa : 2.412\n\n"
            "Blangko KIA:\n"
            "  Pencetakan : 26\n"
            "  Sisa : 1.315\n\n"
            "Operator SIAK Bulungan\n"
        ),
        date="Wed, 11 Mar 2026 16:30:00 +0800",
        expect=E("stock_report", "65.01", "ktp-el", stock_on_hand=2412, printed=91, recorded=97),
    ),
    # --- Typos of report words ------------------------------------------------------------------------
    dict(
        name="clerk3-report-typo-role-words",
        sender=NUN_CAP,
        subject="lap harian 14/03",
        body="lap harian 14/03\nprekaman 104, pencetkan 96, sisa blanko 1.873\n\nCapil Nunukan\n",
        date="Sat, 14 Mar 2026 17:05:00 +0800",
        expect=E("stock_report", "65.03", "ktp-el", stock_on_hand=1873, printed=96, recorded=104),
    ),
    # --- A delivery failure names no district ---------------------------------------------------------
    dict(
        name="clerk3-bounce-returned-approval-names-district",
        sender="Mail Delivery System <MAILER-DAEMON@mx.kaltaraprov.example>",
        subject="Undelivered Mail Returned to Sender",
        raw=_b(
            "From: Mail Delivery System <MAILER-DAEMON@mx.kaltaraprov.example>\n"
            "To: blangko@disdukcapil.kaltaraprov.example\nSubject: Undelivered Mail Returned to Sender\n"
            "Date: Wed, 11 Mar 2026 10:05:00 +0800\n"
            "Message-ID: <clerk3-bounce-returned-approval-names-district@mx.kaltaraprov.example>\n"
            "MIME-Version: 1.0\n"
            'Content-Type: multipart/report; report-type=delivery-status; boundary="RPT"\n\n'
            "--RPT\nContent-Type: text/plain; charset=us-ascii\n\n"
            "This is the mail system at host mx.kaltaraprov.example.\n\n"
            "I'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n"
            "<disdukcapil@malinaukab.example>: host mx.malinaukab.example said:\n"
            "    552 5.2.2 Mailbox full; quota exceeded (2048 MB)\n"
            "--RPT\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.kaltaraprov.example\n\n"
            "Final-Recipient: rfc822; disdukcapil@malinaukab.example\nAction: failed\nStatus: 5.2.2\n"
            "--RPT\nContent-Type: message/rfc822\n\n"
            "From: blangko@disdukcapil.kaltaraprov.example\nTo: disdukcapil@malinaukab.example\n"
            "Subject: Persetujuan permohonan blangko\n\n"
            "Yth. Operator Disdukcapil Kabupaten Malinau,\n\n"
            "Permohonan tambahan blangko KTP-el Saudara DISETUJUI sebanyak 1.500 keping.\n"
            "--RPT--\n"
        ),
        expect=E("automated", known=False, reasons=["multipart-report", "sender-mailer-daemon"]),
    ),
]
