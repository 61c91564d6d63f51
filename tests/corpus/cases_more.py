"""Corpus cases, part 2: replies and forwards, MIME variants, automated mail, other mail, unknown senders."""

from __future__ import annotations

import base64
from email.header import Header

from kit import BUL, BUL_OP, KTT, MAL, NUN, NUN_CAP, OFFICE_ADDR, TRK, E, pdf_part, png_part, xlsx_part

OFFICE = f"Disdukcapil Provinsi Kaltara <{OFFICE_ADDR}>"
OUR_REPLY_ID = "<reply-0001@disdukcapil.kaltaraprov.example>"


def _b(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("utf-8")


MORE_CASES: list[dict[str, object]] = [
    # --- Replies: only the new text counts --------------------------------------------------
    dict(
        name="reply-gmail-id-receipt",
        sender=BUL,
        subject="Re: Permohonan Tambahan Blangko KTP-el 2.000 keping",
        body=(
            "Baik Pak, blangko sebanyak 2.000 keping sudah kami terima hari ini.\n\nTerima kasih.\n\n"
            "Pada Sen, 12 Jan 2026 pukul 10.02 Disdukcapil Provinsi Kaltara <blangko@disdukcapil.kaltaraprov.example>\nmenulis:\n\n"
            "> Permohonan Anda telah kami setujui sebanyak 2.000 keping.\n> Sisa stok tercatat 750 keping.\n>\n"
            "> Pada Sen, 12 Jan 2026 pukul 09.15 Disdukcapil Bulungan menulis:\n>> mohon tambahan 2.000 keping, sisa stok 750\n"
        ),
        headers=(("In-Reply-To", OUR_REPLY_ID), ("References", OUR_REPLY_ID)),
        date="Wed, 14 Jan 2026 11:20:00 +0800",
        expect=E("receipt", "65.01", "ktp-el", received=2000),
    ),
    dict(
        name="reply-gmail-en-request-new-number",
        sender=MAL,
        subject="Re: Klarifikasi permohonan blangko",
        body=(
            "Maaf Pak, yang kami butuhkan 1.500 keping. Sisa stok kami 620 keping.\n\n"
            "On Tue, Jan 13, 2026 at 8:40 AM Disdukcapil Provinsi Kaltara <blangko@disdukcapil.kaltaraprov.example> wrote:\n\n"
            "> Mohon konfirmasi jumlah blangko KTP-el yang diminta. Kami membaca 2.000 dan 1.500.\n"
        ),
        headers=(("In-Reply-To", OUR_REPLY_ID),),
        expect=E("request", "65.02", "ktp-el", requested=1500, stock_on_hand=620),
    ),
    dict(
        name="reply-outlook-id-headers",
        sender=NUN,
        subject="RE: Permohonan blangko KTP-el",
        body=(
            "Terima kasih Pak. Kiriman blangko KTP-el sebanyak 1.500 keping sudah diterima dengan baik.\n\n"
            "________________________________\n"
            "Dari: Disdukcapil Provinsi Kaltara <blangko@disdukcapil.kaltaraprov.example>\n"
            "Dikirim: Selasa, 13 Januari 2026 08.40\n"
            "Kepada: disdukcapil@nunukankab.example\n"
            "Perihal: Permohonan blangko KTP-el\n\n"
            "Permohonan blangko 2.000 keping disetujui sebagian: 1.500 keping. Sisa stok 430 keping.\n"
        ),
        expect=E("receipt", "65.03", "ktp-el", received=1500),
    ),
    dict(
        name="reply-outlook-en-headers",
        sender=TRK,
        subject="RE: Blangko KTP-el",
        body=(
            "Pak, stok kami sekarang 2.950 keping setelah kiriman kemarin. Terima kasih.\n\n"
            "From: Disdukcapil Provinsi Kaltara <blangko@disdukcapil.kaltaraprov.example>\n"
            "Sent: Wednesday, January 14, 2026 9:12 AM\n"
            "To: disdukcapil@tarakankota.example\n"
            "Subject: Blangko KTP-el\n\n"
            "Mohon laporan sisa stok. Terakhir tercatat 820 keping, dikirim 3.000 keping.\n"
        ),
        expect=E("stock_report", "65.71", "ktp-el", stock_on_hand=2950),
    ),
    dict(
        name="reply-pesan-asli",
        sender=KTT,
        subject="RE: Permohonan blangko",
        body=(
            "Mohon maaf Pak, ralat: permintaan kami 600 keping, bukan 1.000 keping.\n\n"
            "-----Pesan Asli-----\n"
            "Dari: Disdukcapil Tana Tidung\nTerkirim: 13 Januari 2026\nKepada: blangko@disdukcapil.kaltaraprov.example\n"
            "Perihal: Permohonan blangko\n\nMohon tambahan blangko KTP-el 1.000 keping. Sisa 310.\n"
        ),
        expect=E("request", "65.04", "ktp-el", requested=600),
    ),
    dict(
        name="reply-original-message",
        sender=BUL_OP,
        subject="RE: Laporan harian",
        body=(
            "Koreksi laporan hari ini: sisa blangko 2.990 keping.\n\n"
            "-----Original Message-----\n"
            "From: Operator SIAK Bulungan\nSent: Monday, January 19, 2026 4:00 PM\nTo: blangko@disdukcapil.kaltaraprov.example\n"
            "Subject: Laporan harian\n\nPerekaman 120, pencetakan 101, sisa blangko 3.020\n"
        ),
        expect=E("stock_report", "65.01", "ktp-el", stock_on_hand=2990),
    ),
    dict(
        name="reply-angle-quotes-only",
        sender=MAL,
        subject="Re: blangko",
        body=(
            "> stok tinggal 480, mohon tambahan 2 ribu\n> \n"
            "Sudah kami proses Pak? Sampai sekarang belum ada kabar.\n"
        ),
        expect=E("other", "65.02"),
    ),
    dict(
        name="reply-request-quoted-old-numbers",
        sender=NUN_CAP,
        subject="Re: Re: Permohonan blangko KTP-el",
        body=(
            "Pak, mohon tambahan lagi 1.000 keping. Sisa stok sekarang 900 keping.\n\n"
            "Pada Kam, 8 Jan 2026 pukul 14.03 <capil.nunukan@nunukankab.example> menulis:\n"
            "> Mohon tambahan 2.000 keping, sisa stok 750 keping.\n"
        ),
        expect=E("request", "65.03", "ktp-el", requested=1000, stock_on_hand=900),
    ),
    dict(
        name="reply-gmail-html-blockquote",
        sender=TRK,
        subject="Re: Permohonan blangko KTP-el",
        body=(
            "Blangko KTP-el 3.000 keping sudah kami terima. Terima kasih.\n\n"
            "Pada Rab, 14 Jan 2026 pukul 09.12 Disdukcapil Provinsi Kaltara <blangko@disdukcapil.kaltaraprov.example> menulis:\n"
            "> Permohonan disetujui 3.000 keping.\n"
        ),
        html=(
            '<div dir="ltr">Blangko KTP-el 3.000 keping sudah kami terima. Terima kasih.</div><br>'
            '<div class="gmail_quote"><div dir="ltr" class="gmail_attr">Pada Rab, 14 Jan 2026 pukul 09.12 '
            "Disdukcapil Provinsi Kaltara &lt;blangko@disdukcapil.kaltaraprov.example&gt; menulis:<br></div>"
            '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex">Permohonan disetujui 3.000 keping.'
            "<table><tr><td>Sisa stok</td><td>820</td></tr></table></blockquote></div>"
        ),
        layout="alt",
        expect=E("receipt", "65.71", "ktp-el", received=3000),
    ),
    dict(
        name="reply-outlook-html-divrply",
        sender=NUN,
        subject="RE: Permohonan blangko KTP-el",
        html=(
            "<html><head><style>p{margin:0}</style></head><body>"
            "<p>Selamat siang Pak,</p><p>Sisa stok kami hari ini 1.120 keping, mohon tambahan 2.000 keping.</p>"
            "<p>Salam</p><hr>"
            '<div id="divRplyFwdMsg"><b>Dari:</b> Disdukcapil Provinsi Kaltara &lt;blangko@disdukcapil.kaltaraprov.example&gt;<br>'
            "<b>Dikirim:</b> Senin, 12 Januari 2026 10.00<br><b>Kepada:</b> disdukcapil@nunukankab.example<br>"
            "<b>Perihal:</b> Permohonan blangko KTP-el</div>"
            "<div><p>Sisa stok tercatat 430 keping. Mohon konfirmasi jumlah 1.500 keping.</p></div></body></html>"
        ),
        layout="html",
        expect=E("request", "65.03", "ktp-el", requested=2000, stock_on_hand=1120),
    ),
    # --- Forwards: content counts --------------------------------------------------------------
    dict(
        name="fwd-gmail-request",
        sender=BUL,
        subject="Fwd: Permohonan blangko KTP-el",
        body=(
            "Mohon ditindaklanjuti, Pak.\n\n"
            "---------- Forwarded message ---------\n"
            "Dari: Operator SIAK Bulungan <operator.bulungan@bulungankab.example>\n"
            "Date: Sen, 12 Jan 2026 pukul 08.02\nSubject: Permohonan blangko KTP-el\n"
            "To: Disdukcapil Bulungan <disdukcapil@bulungankab.example>\n\n"
            "Stok blangko KTP-el di Tanjung Selor tinggal 520 keping. Mohon tambahan 1.500 keping.\n"
        ),
        expect=E("request", "65.01", "ktp-el", requested=1500, stock_on_hand=520),
    ),
    dict(
        name="fwd-pesan-terusan-report",
        sender=MAL,
        subject="Fwd: Laporan harian 20/01",
        body=(
            "---------- Pesan terusan ----------\n"
            "Dari: Operator Kec. Malinau Kota <op.malinaukota@gmail.example>\n"
            "Tanggal: Sel, 20 Jan 2026 pukul 16.10\nSubjek: Laporan harian 20/01\n"
            "Kepada: <disdukcapil@malinaukab.example>\n\n"
            "Laporan harian 20/01: perekaman 33, pencetakan 30, sisa blangko 2.454\n"
        ),
        date="Tue, 20 Jan 2026 17:00:00 +0800",
        expect=E("stock_report", "65.02", "ktp-el", recorded=33, printed=30, stock_on_hand=2454, report_date="2026-01-20"),
    ),
    dict(
        name="fwd-outlook-fw",
        sender=TRK,
        subject="FW: Permohonan blangko KIA",
        body=(
            "Diteruskan untuk diproses.\n\n"
            "From: Seksi KIA Tarakan <kia@tarakankota.example>\nSent: Thursday, January 15, 2026 10:30 AM\n"
            "To: disdukcapil@tarakankota.example\nSubject: Permohonan blangko KIA\n\n"
            "Mohon tambahan blangko KIA 800 keping, sisa stok 95 keping.\n"
        ),
        expect=E("request", "65.71", "kia", requested=800, stock_on_hand=95),
    ),
    # --- MIME variants --------------------------------------------------------------------------
    dict(
        name="mime-alternative-plain-html",
        sender=KTT,
        subject="Permohonan blangko KTP-el",
        body="Mohon tambahan blangko KTP-el 900 keping. Sisa stok 140 keping.\n",
        html="<div>Mohon tambahan blangko KTP-el <b>900</b> keping. Sisa stok <b>140</b> keping.</div>",
        layout="alt",
        expect=E("request", "65.04", "ktp-el", requested=900, stock_on_hand=140),
    ),
    dict(
        name="mime-html-only-table",
        sender=BUL,
        subject="Laporan Harian Perekaman KTP-el",
        html=(
            "<html><body><p>Dengan hormat,</p><p>Berikut laporan harian Disdukcapil Kabupaten Bulungan:</p>"
            '<table border="1"><tr><th>Tanggal</th><th>Perekaman</th><th>Pencetakan</th><th>Sisa Blangko</th></tr>'
            "<tr><td>15/01/2026</td><td>118</td><td>96</td><td>3.310</td></tr>"
            "<tr><td>16/01/2026</td><td>125</td><td>104</td><td>3.206</td></tr></table>"
            "<p>Terima kasih.</p></body></html>"
        ),
        layout="html",
        date="Fri, 16 Jan 2026 16:40:00 +0800",
        expect=E("stock_report", "65.01", "ktp-el", recorded=125, printed=104, stock_on_hand=3206, report_date="2026-01-16"),
    ),
    dict(
        name="mime-html-vertical-table",
        sender=NUN,
        subject="Laporan harian",
        html=(
            "<p>Laporan harian 16/01/2026</p><table><tr><td>Perekaman</td><td>140</td></tr>"
            "<tr><td>Pencetakan</td><td>126</td></tr><tr><td>Sisa blangko</td><td>2.011</td></tr></table>"
        ),
        layout="html",
        date="Fri, 16 Jan 2026 16:00:00 +0800",
        expect=E("stock_report", "65.03", "ktp-el", recorded=140, printed=126, stock_on_hand=2011, report_date="2026-01-16"),
    ),
    dict(
        name="mime-alt-table-in-html",
        sender=MAL,
        subject="Laporan harian Malinau",
        body="Tanggal Perekaman Pencetakan Sisa\n22/01 40 38 2366\n",
        html=(
            "<table><tr><td>Tanggal</td><td>Perekaman</td><td>Pencetakan</td><td>Sisa Blangko</td></tr>"
            "<tr><td>22/01</td><td>40</td><td>38</td><td>2.366</td></tr></table>"
        ),
        layout="alt",
        date="Thu, 22 Jan 2026 16:00:00 +0800",
        expect=E("stock_report", "65.02", "ktp-el", recorded=40, printed=38, stock_on_hand=2366, report_date="2026-01-22"),
    ),
    dict(
        name="mime-quoted-printable",
        sender=TRK,
        subject="Permohonan blangko KTP-el",
        body=(
            "Dengan hormat, sehubungan dengan meningkatnya permintaan pelayanan di Kota Tarakan yang sangat tinggi pada awal tahun ini, "
            "kami mohon tambahan blangko KTP-el sebanyak 2.500 keping. Sisa stok kami = 1.050 keping.\n"
        ),
        cte="quoted-printable",
        expect=E("request", "65.71", "ktp-el", requested=2500, stock_on_hand=1050),
    ),
    dict(
        name="mime-base64-body",
        sender=NUN_CAP,
        subject="Permohonan blangko",
        body="Mohon tambahan blangko KTP-el 1.000 keping. Stok tinggal 380 keping.\n",
        cte="base64",
        expect=E("request", "65.03", "ktp-el", requested=1000, stock_on_hand=380),
    ),
    dict(
        name="mime-iso-8859-1",
        sender=BUL,
        subject="Permohonan blangko KTP-el",
        body="Mohon tambahan blangko KTP-el 1.200 keping. Sisa stok ± 400 keping, tepatnya 396 keping. Salam, Bulungan\n",
        charset="iso-8859-1",
        cte="quoted-printable",
        expect=E("request", "65.01", "ktp-el", requested=1200, stock_on_hand=396),
    ),
    dict(
        name="mime-windows-1252",
        sender=MAL,
        subject="Permohonan blangko KTP-el",
        body="Dengan hormat – mohon tambahan blangko “KTP-el” 700 keping. Sisa stok 215 keping. Terima kasih…\n",
        charset="windows-1252",
        expect=E("request", "65.02", "ktp-el", requested=700, stock_on_hand=215),
    ),
    dict(
        name="mime-utf8-labelled-latin1",
        sender=KTT,
        subject="Laporan harian",
        raw=_b(
            "From: Disdukcapil Tana Tidung <disdukcapil@tanatidungkab.example>\n"
            "To: blangko@disdukcapil.kaltaraprov.example\nSubject: Laporan harian\n"
            "Date: Thu, 22 Jan 2026 16:00:00 +0800\nMessage-ID: <mime-utf8-labelled-latin1@tanatidungkab.example>\n"
            "MIME-Version: 1.0\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n\n"
            "Laporan harian 22/01 – perekaman 9, pencetakan 8, sisa blangko 402 keping “aman”.\n"
        ),
        date="Thu, 22 Jan 2026 16:00:00 +0800",
        expect=E("stock_report", "65.04", "ktp-el", recorded=9, printed=8, stock_on_hand=402, report_date="2026-01-22"),
    ),
    dict(
        name="mime-unknown-charset",
        sender=TRK,
        subject="Permohonan blangko",
        raw=_b(
            "From: Disdukcapil Kota Tarakan <disdukcapil@tarakankota.example>\n"
            "To: blangko@disdukcapil.kaltaraprov.example\nSubject: Permohonan blangko\n"
            "Date: Fri, 23 Jan 2026 08:00:00 +0800\nMessage-ID: <mime-unknown-charset@tarakankota.example>\n"
            "MIME-Version: 1.0\nContent-Type: text/plain; charset=x-unknown-8bit\nContent-Transfer-Encoding: 8bit\n\n"
            "Mohon tambahan blangko KTP-el 2.000 keping. Sisa stok 990 keping.\n"
        ),
        expect=E("request", "65.71", "ktp-el", requested=2000, stock_on_hand=990),
    ),
    dict(
        name="mime-encoded-word-subject-only",
        sender=MAL,
        subject=Header("Permohonan blangko KTP-el 1.000 keping – Malinau", "utf-8").encode(),
        body="Dengan hormat, sesuai judul. Terima kasih.\n",
        expect=E("request", "65.02", "ktp-el", requested=1000),
    ),
    dict(
        name="mime-encoded-word-q",
        sender=NUN,
        subject="=?iso-8859-1?Q?Laporan_harian_perekaman_=96_23/01?=",
        body="Perekaman 150 orang, pencetakan 133 keping, sisa blangko 1.878 keping.\n",
        date="Fri, 23 Jan 2026 16:00:00 +0800",
        expect=E("stock_report", "65.03", "ktp-el", recorded=150, printed=133, stock_on_hand=1878, report_date="2026-01-23"),
    ),
    dict(
        name="mime-subject-only-numbers",
        sender=BUL_OP,
        subject="Mohon tambahan blangko 1.500 keping, sisa 610",
        body="\n",
        expect=E("request", "65.01", "ktp-el", requested=1500, stock_on_hand=610),
    ),
    dict(
        name="mime-pdf-ignored",
        sender=KTT,
        subject="Surat permohonan blangko (terlampir)",
        body="Dengan hormat, surat permohonan blangko KTP-el kami lampirkan. Mohon tambahan 500 keping.\n",
        layout="mixed",
        attachments=(pdf_part("surat_permohonan.pdf"),),
        expect=E("request", "65.04", "ktp-el", requested=500),
    ),
    dict(
        name="mime-pdf-only-no-numbers",
        sender=BUL,
        subject="Permohonan blangko KTP-el",
        body="Dengan hormat, terlampir surat permohonan blangko KTP-el kami. Terima kasih.\n",
        layout="mixed",
        attachments=(pdf_part("470-permohonan.pdf"),),
        expect=E("request", "65.01", "ktp-el", doubts=["requested:missing"]),
    ),
    dict(
        name="mime-image-attachment",
        sender=NUN_CAP,
        subject="Foto bukti penerimaan blangko",
        body="Blangko KTP-el sebanyak 1.000 keping telah diterima, foto terlampir.\n",
        layout="mixed",
        attachments=(png_part("IMG_20260115_101500.png"),),
        expect=E("receipt", "65.03", "ktp-el", received=1000),
    ),
    dict(
        name="mime-broken-no-closing-boundary",
        sender=TRK,
        subject="Permohonan blangko",
        raw=_b(
            "From: Disdukcapil Kota Tarakan <disdukcapil@tarakankota.example>\n"
            "To: blangko@disdukcapil.kaltaraprov.example\nSubject: Permohonan blangko\n"
            "Date: Mon, 26 Jan 2026 08:00:00 +0800\nMessage-ID: <mime-broken-no-closing-boundary@tarakankota.example>\n"
            'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="XYZ"\n\n'
            "--XYZ\nContent-Type: text/plain; charset=utf-8\n\n"
            "Mohon tambahan blangko KTP-el 1.800 keping. Sisa stok 700 keping.\n"
            "--XYZ\nContent-Type: application/pdf; name=a.pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n"
        ),
        expect=E("request", "65.71", "ktp-el", requested=1800, stock_on_hand=700),
    ),
    dict(
        name="mime-broken-base64",
        sender=MAL,
        subject="Laporan harian",
        raw=_b(
            "From: Disdukcapil Malinau <disdukcapil@malinaukab.example>\n"
            "To: blangko@disdukcapil.kaltaraprov.example\nSubject: Laporan harian\n"
            "Date: Mon, 26 Jan 2026 16:00:00 +0800\nMessage-ID: <mime-broken-base64@malinaukab.example>\n"
            "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
            + base64.b64encode(b"Laporan harian 26/01: perekaman 44, pencetakan 41, sisa blangko 2.280 keping.\nTerima kasih banyak atas perhatiannya").decode()[:-3]
            + "!!\n"
        ),
        date="Mon, 26 Jan 2026 16:00:00 +0800",
        expect=E("stock_report", "65.02", "ktp-el", recorded=44, printed=41, stock_on_hand=2280, report_date="2026-01-26"),
    ),
    dict(
        name="mime-missing-boundary-param",
        sender=KTT,
        subject="Permohonan blangko KTP-el",
        raw=_b(
            "From: Disdukcapil Tana Tidung <disdukcapil@tanatidungkab.example>\n"
            "To: blangko@disdukcapil.kaltaraprov.example\nSubject: Permohonan blangko KTP-el\n"
            "Date: Tue, 27 Jan 2026 08:00:00 +0800\nMessage-ID: <mime-missing-boundary-param@tanatidungkab.example>\n"
            "MIME-Version: 1.0\nContent-Type: multipart/mixed\n\n"
            "Mohon tambahan blangko KTP-el 600 keping. Sisa 120 keping.\n"
        ),
        expect=E("request", "65.04", "ktp-el", requested=600, stock_on_hand=120),
    ),
    dict(
        name="mime-no-mime-headers",
        sender=NUN,
        subject="permohonan blangko",
        raw=_b(
            "From: disdukcapil@nunukankab.example\nTo: blangko@disdukcapil.kaltaraprov.example\n"
            "Subject: permohonan blangko\nDate: Tue, 27 Jan 2026 09:00:00 +0800\n\n"
            "mohon tambahan blangko ktp-el 2.000 keping, sisa 810 keping\n"
        ),
        expect=E("request", "65.03", "ktp-el", requested=2000, stock_on_hand=810),
    ),
    # --- Automated mail -------------------------------------------------------------------------
    dict(
        name="auto-ooo-indonesian",
        sender=BUL,
        subject="Balasan Otomatis: Permohonan Tambahan Blangko KTP-el",
        body=(
            "Terima kasih atas email Anda. Saya sedang cuti sampai dengan 20 Januari 2026. "
            "Untuk permohonan blangko 2.000 keping mohon hubungi operator.\n"
        ),
        headers=(("Auto-Submitted", "auto-replied"),),
        expect=E("automated", "65.01", reasons=["auto-submitted", "out-of-office"]),
    ),
    dict(
        name="auto-ooo-english-outlook",
        sender=TRK,
        subject="Automatic reply: Blangko KTP-el",
        body="I am currently out of the office until 19 January 2026 with limited access to email.\n",
        headers=(("X-Auto-Response-Suppress", "All"),),
        expect=E("automated", "65.71", reasons=["out-of-office", "auto-response-suppress"]),
    ),
    dict(
        name="auto-ooo-subject-out-of-office",
        sender=MAL,
        subject="Out of Office",
        body="Sisa stok 500. Mohon tambahan 2.000.\n",
        expect=E("automated", "65.02", reasons=["out-of-office"]),
    ),
    dict(
        name="auto-ooo-body-only",
        sender=KTT,
        subject="Re: Permohonan blangko",
        body="Saya sedang di luar kantor dan akan kembali tanggal 26 Januari. Terima kasih.\n",
        expect=E("automated", "65.04", reasons=["out-of-office"]),
    ),
    dict(
        name="auto-ooo-sedang-cuti-subject",
        sender=NUN_CAP,
        subject="Sedang cuti",
        body="Mohon maaf, email ini tidak dipantau sampai 2 Februari 2026.\n",
        expect=E("automated", "65.03", reasons=["out-of-office"]),
    ),
    dict(
        name="auto-bounce-mailer-daemon",
        sender="MAILER-DAEMON@mx.kaltaraprov.example (Mail Delivery System)",
        subject="Undelivered Mail Returned to Sender",
        raw=_b(
            "Return-Path: <>\nFrom: MAILER-DAEMON@mx.kaltaraprov.example (Mail Delivery System)\n"
            "To: blangko@disdukcapil.kaltaraprov.example\nSubject: Undelivered Mail Returned to Sender\n"
            "Date: Tue, 13 Jan 2026 10:05:00 +0800\nMessage-ID: <auto-bounce-mailer-daemon@mx.kaltaraprov.example>\n"
            "Auto-Submitted: auto-replied\nMIME-Version: 1.0\n"
            'Content-Type: multipart/report; report-type=delivery-status; boundary="BNC"\n\n'
            "--BNC\nContent-Type: text/plain; charset=us-ascii\n\n"
            "This is the mail system at host mx.kaltaraprov.example.\n\n"
            "I'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n"
            "<disdukcapil@bulungankab.example>: host mx.bulungankab.example said: 550 5.1.1 User unknown\n"
            "--BNC\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.kaltaraprov.example\n\n"
            "Final-Recipient: rfc822; disdukcapil@bulungankab.example\nAction: failed\nStatus: 5.1.1\n"
            "--BNC\nContent-Type: message/rfc822\n\n"
            "From: blangko@disdukcapil.kaltaraprov.example\nTo: disdukcapil@bulungankab.example\n"
            "Subject: Persetujuan permohonan blangko\n\nPermohonan 2.000 keping disetujui.\n"
            "--BNC--\n"
        ),
        expect=E("automated", known=False, reasons=["multipart-report", "sender-mailer-daemon", "null-return-path"]),
    ),
    dict(
        name="auto-bounce-postmaster-dsn",
        sender="postmaster@nunukankab.example",
        subject="Delivery Status Notification (Failure)",
        body=(
            "Delivery to the following recipient failed permanently:\n\n     kadis@nunukankab.example\n\n"
            "Technical details of permanent failure: 550 mailbox unavailable\n"
        ),
        expect=E("automated", known=False, reasons=["sender-postmaster", "delivery-failure"]),
    ),
    dict(
        name="auto-bounce-mail-delivery-failed",
        sender="Mail Delivery System <mailer@mail.malinaukab.example>",
        subject="Mail delivery failed: returning message to sender",
        body="This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered.\n",
        expect=E("automated", known=False, reasons=["delivery-failure"]),
    ),
    dict(
        name="auto-newsletter-list-headers",
        sender="Buletin Dukcapil <buletin@dukcapil.kemendagri.example>",
        subject="Buletin Dukcapil Edisi Januari 2026",
        body=(
            "Buletin Dukcapil edisi Januari 2026: capaian perekaman nasional 99,1%. Distribusi 2.000.000 blangko.\n\n"
            "Berhenti berlangganan: https://dukcapil.kemendagri.example/unsubscribe\n"
        ),
        headers=(
            ("List-Unsubscribe", "<https://dukcapil.kemendagri.example/unsubscribe>"),
            ("List-Id", "Buletin Dukcapil <buletin.dukcapil.kemendagri.example>"),
            ("Precedence", "bulk"),
        ),
        expect=E("automated", known=False, item="", reasons=["list-header", "precedence-bulk", "newsletter"]),
    ),
    dict(
        name="auto-newsletter-body-only",
        sender="Info Diklat <info@pelatihan-asn.example>",
        subject="Pelatihan Manajemen Arsip Batch 3 - diskon 20%",
        body="Daftar sekarang! Kuota 30 peserta.\n\nJika tidak ingin menerima email ini, klik unsubscribe.\n",
        expect=E("automated", known=False, reasons=["newsletter"]),
    ),
    dict(
        name="auto-noreply-sender",
        sender="SIAK Terpusat <noreply@siak.dukcapil.example>",
        subject="Notifikasi: sinkronisasi data selesai",
        body="Sinkronisasi data Kabupaten Nunukan selesai. 1.204 record diperbarui.\n",
        expect=E("automated", "65.03", known=False, reasons=["sender-noreply"]),
    ),
    dict(
        name="auto-precedence-junk",
        sender="Promo <promo@tokoatk.example>",
        subject="Tinta printer kartu murah",
        body="Ribbon printer KTP-el harga spesial, min. order 10 pcs.\n",
        headers=(("Precedence", "junk"),),
        expect=E("automated", known=False, reasons=["precedence-bulk"]),
    ),
    dict(
        name="auto-x-loop",
        sender=BUL,
        subject="Re: Persetujuan permohonan",
        body="Mohon tambahan 1.000 keping.\n",
        headers=(("X-Loop", "blangko@disdukcapil.kaltaraprov.example"),),
        expect=E("automated", "65.01", reasons=["x-loop"]),
    ),
    dict(
        name="auto-own-address",
        sender=OFFICE,
        subject="Persetujuan permohonan blangko KTP-el",
        body="Permohonan Disdukcapil Kabupaten Bulungan sebanyak 2.000 keping disetujui.\n",
        expect=E("automated", "65.01", known=False, reasons=["own-address"]),
    ),
    dict(
        name="auto-owner-list",
        sender="owner-kaltara-list@lists.kaltaraprov.example",
        subject="Moderasi pesan",
        body="Pesan Anda menunggu persetujuan moderator.\n",
        expect=E("automated", known=False, reasons=["sender-list-owner"]),
    ),
    dict(
        name="auto-request-suffix",
        sender="dukcapil-request@lists.kaltaraprov.example",
        subject="Konfirmasi langganan",
        body="Balas email ini untuk konfirmasi.\n",
        expect=E("automated", known=False, reasons=["sender-list-request"]),
    ),
    # --- Other mail -----------------------------------------------------------------------------
    dict(
        name="other-invitation-rapat",
        sender=TRK,
        subject="Undangan Rapat Koordinasi Pelayanan Adminduk",
        body=(
            "Dengan hormat,\n\nMengharap kehadiran Bapak/Ibu pada rapat koordinasi pelayanan administrasi "
            "kependudukan yang akan dilaksanakan pada:\n\nHari/Tanggal : Kamis, 29 Januari 2026\n"
            "Pukul        : 09.00 WITA s.d. selesai\nTempat       : Aula Lantai 2, Jl. Mulawarman No. 25 Tarakan\n\n"
            "Peserta 2 orang per kabupaten/kota.\n\n" "Demikian undangan ini, atas kehadirannya diucapkan terima kasih.\n"
        ),
        expect=E("other", "65.71"),
    ),
    dict(
        name="other-invitation-stock-agenda",
        sender=NUN,
        subject="Undangan rapat evaluasi",
        body=(
            "Yth. Kabid PIAK,\nKami mengundang Bapak menghadiri rapat evaluasi distribusi blangko KTP-el "
            "pada Senin, 2 Februari 2026 pukul 10.00 WITA di Kantor Bupati Nunukan lantai 3.\n"
        ),
        expect=E("other", "65.03"),
    ),
    dict(
        name="other-spam-english",
        sender="Lottery Board <winner@intl-lotto.example>",
        subject="CONGRATULATIONS!!! You won $2,000,000",
        body="Dear winner, send your details to claim 2,000,000 USD. Reply within 48 hours.\n",
        expect=E("other", known=False),
    ),
    dict(
        name="other-spam-indonesian",
        sender="Pinjaman Cepat <cs@pinjol-kilat.example>",
        subject="Dana cair 2 jam tanpa agunan",
        body="Pinjaman hingga Rp 50.000.000 cair dalam 2 jam. Hubungi WA 0821-1111-2222.\n",
        expect=E("other", known=False),
    ),
    dict(
        name="other-news-article",
        sender="Redaksi Radar Kaltara <redaksi@radarkaltara.example>",
        subject="Berita: 97 Ribu Blangko KTP-el Tersedia",
        body=(
            "TANJUNG SELOR - Disdukcapil Kaltara memiliki sekitar 97 ribu blangko KTP-el. Sebanyak 66 ribu "
            "tersimpan di provinsi dan 31 ribu tersebar di lima kabupaten/kota.\n"
        ),
        expect=E("other", known=False),
    ),
    dict(
        name="other-question-no-numbers",
        sender=KTT,
        subject="Pertanyaan jadwal distribusi",
        body="Selamat pagi Pak, kapan jadwal distribusi berikutnya ke Tana Tidung? Terima kasih.\n",
        expect=E("other", "65.04"),
    ),
    dict(
        name="other-thanks-reply",
        sender=MAL,
        subject="Re: Persetujuan permohonan blangko",
        body="Baik Pak, terima kasih informasinya.\n\nPada Sen, 12 Jan 2026 pukul 10.02 <blangko@disdukcapil.kaltaraprov.example> menulis:\n> Disetujui 2.000 keping.\n",
        expect=E("other", "65.02"),
    ),
    dict(
        name="req-digits-ratus",
        sender=NUN_CAP,
        subject="blangko",
        body="Pak, stok kami sisa 3 ratus keping. Mohon tambahan 1 ribu keping.\n",
        expect=E("request", "65.03", "ktp-el", requested=1000, stock_on_hand=300),
    ),
    dict(
        name="req-words-after-unit-disagree",
        sender=BUL,
        subject="Permohonan blangko KTP-el",
        body="Mohon tambahan blangko KTP-el 3.000 keping (dua ribu keping). Sisa 410 keping.\n",
        expect=E("request", "65.01", "ktp-el", stock_on_hand=410, doubts=["requested:conflict"]),
    ),
    dict(
        name="req-words-after-unit-agree",
        sender=KTT,
        subject="Permohonan blangko KTP-el",
        body="Mohon tambahan blangko KTP-el 800 keping (delapan ratus keping). Sisa 95 keping (sembilan puluh lima keping).\n",
        expect=E("request", "65.04", "ktp-el", requested=800, stock_on_hand=95),
    ),
    dict(
        name="other-question-about-procedure",
        sender=TRK,
        subject="Prosedur",
        body="Selamat siang, untuk permintaan blangko apakah cukup lewat email ini atau harus dengan surat?\n",
        expect=E("other", "65.71"),
    ),
    dict(
        name="other-past-shipment-damaged",
        sender=MAL,
        subject="Kondisi blangko",
        body="Pak, dari paket kiriman 1.000 keping minggu lalu ada 5 keping yang rusak. Mohon petunjuk.\n",
        expect=E("other", "65.02"),
    ),
    dict(
        name="other-forwarded-auto-reply",
        sender=NUN,
        subject="Fwd: Automatic reply: Laporan harian",
        body="Pak, alamat kasi kami membalas otomatis. Laporan hari ini: sisa blangko 1.777 keping.\n",
        expect=E("stock_report", "65.03", "ktp-el", stock_on_hand=1777),
    ),
    # --- Unknown senders ------------------------------------------------------------------------
    dict(
        name="unknown-gmail-names-nunukan",
        sender="Rudi Hartono <rudi.capil.nnk@gmail.example>",
        subject="Permohonan blangko KTP-el Disdukcapil Kabupaten Nunukan",
        body=(
            "Selamat pagi Pak, saya operator Disdukcapil Kabupaten Nunukan, email dinas sedang bermasalah. "
            "Mohon tambahan blangko KTP-el 1.000 keping, sisa stok 300 keping.\n"
        ),
        expect=E("request", "65.03", "ktp-el", known=False, requested=1000, stock_on_hand=300),
    ),
    dict(
        name="unknown-yahoo-kota-tarakan",
        sender="Operator Capil <capil.trk2020@yahoo.example>",
        subject="laporan harian",
        body="Laporan harian Kota Tarakan 27/01: perekaman 139, pencetakan 127, sisa blangko 3.755\n",
        date="Tue, 27 Jan 2026 16:00:00 +0800",
        expect=E("stock_report", "65.71", "ktp-el", known=False, recorded=139, printed=127, stock_on_hand=3755, report_date="2026-01-27"),
    ),
    dict(
        name="unknown-lookalike-domain",
        sender="Disdukcapil Bulungan <disdukcapil@bulungankab.example.com>",
        subject="Permohonan blangko KTP-el",
        body="Mohon tambahan blangko KTP-el 5.000 keping ke Disdukcapil Bulungan. Sisa stok 100 keping.\n",
        expect=E("request", "65.01", "ktp-el", known=False, requested=5000, stock_on_hand=100),
    ),
    dict(
        name="unknown-no-district",
        sender="Budi <budi@gmail.example>",
        subject="Tanya blangko",
        body="Mohon tambahan blangko KTP-el 500 keping untuk kantor kami.\n",
        expect=E("request", None, "ktp-el", known=False, requested=500),
    ),
    dict(
        name="unknown-two-districts",
        sender="Kurir Ekspedisi <cs@ekspedisi.example>",
        subject="Pengiriman blangko",
        body="Paket blangko dari Bulungan ke Malinau sudah sampai di gudang transit kami.\n",
        expect=E("receipt", None, "ktp-el", known=False),
    ),
    dict(
        name="unknown-tana-tidung-ktt",
        sender="Kasi Pelayanan <pelayanan.ktt@gmail.example>",
        subject="Permohonan blangko KIA KTT",
        body="Dengan hormat, kami dari Disdukcapil KTT mohon tambahan blangko KIA sebanyak 400 keping.\n",
        expect=E("request", "65.04", "kia", known=False, requested=400),
    ),
    dict(
        name="known-sender-uppercase",
        sender="DISDUKCAPIL MALINAU <DisdukCapil@MalinauKab.example>",
        subject="PERMOHONAN BLANGKO KTP-EL",
        body="MOHON TAMBAHAN BLANGKO KTP-EL 1.000 KEPING. SISA STOK 455 KEPING.\n",
        expect=E("request", "65.02", "ktp-el", requested=1000, stock_on_hand=455),
    ),
    dict(
        name="known-bulungan-operator-xlsx-and-text",
        sender=BUL_OP,
        subject="Laporan harian + permohonan",
        body="Laporan terlampir. Mohon tambahan blangko 2.000 keping.\n",
        layout="mixed",
        attachments=(
            xlsx_part("lap.xlsx", [["Tanggal", "Perekaman", "Pencetakan", "Sisa Blangko"], ["28/01/2026", 98, 90, 890]]),
        ),
        date="Wed, 28 Jan 2026 16:00:00 +0800",
        expect=E("request", "65.01", "ktp-el", requested=2000, recorded=98, printed=90, stock_on_hand=890),
    ),
]

# An expectation of item "" above means null (the case names no blank); normalise it.
for _case in MORE_CASES:
    _exp = _case["expect"]
    assert isinstance(_exp, dict)
    if _exp.get("item") == "":
        del _exp["item"]
