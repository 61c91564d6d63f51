"""Corpus cases, part 3: what a careful clerk reads that the first reader missed.

Each case stands for a rule: prose wrapped over lines, "per hari ini" (as of today) that is no rate,
a figure on the last line before the signature, a KIA request that says the KTP-el blank is still
fine, two stock figures set against each other, totals over their parts, bare years beside role
words, request wording about things other than blanks, and a reply that answers the desk's question.
"""

from __future__ import annotations

from kit import BUL, BUL_OP, KTT, MAL, NUN, NUN_CAP, OFFICE_ADDR, TRK, E

DESK = f"Disdukcapil Provinsi Kaltara <{OFFICE_ADDR}>"
CLARIFY_ID = "<clarify-0042@disdukcapil.kaltaraprov.example>"


def _b(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("utf-8")


CLERK_CASES: list[dict[str, object]] = [
    # --- Prose wrapped over lines: a line break inside a sentence is no clause end --------------
    dict(
        name="clerk-formal-wrapped-cp1252-malinau",
        sender=MAL,
        subject="Surat Permohonan Blangko KTP-el \u2013 Disdukcapil Malinau",
        body=(
            "Nomor   : 470/611/DKPS-MLN/I/2026\nTanggal : 12 Januari 2026\nPerihal : Permohonan Blangko KTP-el\n\n"
            "Yth. Kepala Dinas Kependudukan dan Pencatatan Sipil Provinsi Kalimantan Utara\n\n"
            "Dengan hormat,\n\n"
            "Berdasarkan hasil stock opname tanggal 09/01/2026, sisa blangko KTP-el di Disdukcapil\n"
            "Kabupaten Malinau sebanyak 455 keping. Mengingat kegiatan \u201cjemput bola\u201d ke desa\u2013desa di\n"
            "Kecamatan Pujungan dan Sungai Tubu, kami mohon tambahan blangko sebanyak\n"
            "1.800 (seribu delapan ratus) keping.\n\n"
            "Atas perhatian Bapak, kami ucapkan terima kasih.\n\n"
            "Kepala Bidang Pelayanan Pendaftaran Penduduk,\n\n\nMarkus Ding, S.Sos\nNIP. 19790412 200501 1 009\n"
        ),
        charset="windows-1252",
        cte="quoted-printable",
        expect=E("request", "65.02", "ktp-el", requested=1800, stock_on_hand=455),
    ),
    dict(
        name="clerk-formal-wrapped-2-ribu-meeting-time",
        sender=KTT,
        subject="Permohonan Blangko KTP Elektronik",
        body=(
            "Nomor     : 470/230/DKPS-KTT/I/2026\nLampiran  : -\nHal       : Permohonan Blangko KTP Elektronik\n\n"
            "Yth. Kepala Disdukcapil Provinsi Kalimantan Utara\ndi Tanjung Selor\n\nDengan hormat,\n\n"
            "Menindaklanjuti rapat koordinasi pada hari Jumat, 09/01/2026 pukul 14.00 WITA di Aula\n"
            "Disdukcapil Provinsi, bersama ini kami sampaikan bahwa sisa blangko KTP elektronik di\n"
            "Kabupaten Tana Tidung saat ini 910 keping. Mengingat rencana perekaman serentak bagi\n"
            "siswa kelas XII di 4 kecamatan, kami mohon tambahan blangko KTP elektronik sebanyak\n"
            "3 ribu keping.\n\n"
            "Demikian, atas perhatiannya diucapkan terima kasih.\n\n"
            "Tideng Pale, 12 Januari 2026\nKepala Dinas,\n\nIr. Yusuf Bahri, M.Si.\nNIP. 19720814 199803 1 004\n\n"
            "Jl. Perintis No. 5, Tideng Pale 77152 - Telp. (0553) 2021 445\n"
        ),
        cte="quoted-printable",
        expect=E("request", "65.04", "ktp-el", requested=3000, stock_on_hand=910),
    ),
    dict(
        name="clerk-threshold-wrapped-1-5-rb-alt",
        sender=BUL,
        subject="Permohonan blangko KTP-el (stok di bawah 1.000)",
        body=(
            "Yth. Bidang PIAK,\n\n"
            "Sesuai ketentuan, apabila stok kabupaten kurang dari 1.000 keping maka dapat diajukan\n"
            "permohonan tambahan. Stok kami saat ini tinggal 905 keping, untuk itu mohon tambahan\n"
            "2,5 rb keping.\n\nTerima kasih.\nDisdukcapil Kab. Bulungan\n"
        ),
        html=(
            "<html><body><p>Yth. Bidang PIAK,</p><p>Sesuai ketentuan, apabila stok kabupaten kurang dari "
            "1.000 keping maka dapat diajukan\npermohonan tambahan. Stok kami saat ini tinggal <b>905</b> keping, "
            "untuk itu mohon tambahan\n<b>2,5 rb</b> keping.</p><p>Terima kasih.<br>Disdukcapil Kab. Bulungan</p>"
            "</body></html>"
        ),
        layout="alt",
        cte="quoted-printable",
        expect=E("request", "65.01", "ktp-el", requested=2500, stock_on_hand=905),
    ),
    dict(
        name="clerk-wrapped-stock-at-line-start",
        sender=NUN,
        subject="permohonan blangko",
        body=(
            "Dengan hormat, sehubungan dengan menipisnya stok blangko KTP-el kami yang tinggal\n"
            "350 keping, maka kami mohon tambahan sebanyak 2.500 keping untuk bulan depan.\n\nTerima kasih\n"
        ),
        expect=E("request", "65.03", "ktp-el", requested=2500, stock_on_hand=350),
    ),
    dict(
        name="clerk-wrapped-prose-then-list",
        sender=TRK,
        subject="Laporan harian perekaman",
        body=(
            "Dengan hormat, bersama ini kami sampaikan laporan kegiatan perekaman hari ini\n"
            "Perekaman: 118\nPencetakan: 102\nSisa blangko: 1.340\n\nOperator Disdukcapil Tarakan\n"
        ),
        expect=E("stock_report", "65.71", "ktp-el", recorded=118, printed=102, stock_on_hand=1340),
    ),
    # --- A figure on the last line, a signature below: no unit across the line break ----------
    dict(
        name="clerk-report-one-line-signature-below",
        sender=BUL_OP,
        subject="Laporan harian 13/01/2026",
        body="Laporan harian 13/01: perekaman 142, pencetakan 88, sisa blangko 796\n\nOperator Disdukcapil Bulungan\n",
        expect=E(
            "stock_report", "65.01", "ktp-el", recorded=142, printed=88, stock_on_hand=796, report_date="2026-01-13"
        ),
    ),
    dict(
        name="clerk-html-only-base64-vertical-report",
        sender=MAL,
        subject="Laporan Kegiatan Harian",
        html=(
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>'
            '<body style="font-family:Calibri,Arial,sans-serif;font-size:11pt">\n'
            "<div><b>LAPORAN KEGIATAN HARIAN</b><br>Disdukcapil Kabupaten Malinau<br>\n"
            "Tanggal: Selasa, 13 Januari 2026</div><br>\n"
            '<table border="1" cellpadding="4" cellspacing="0">\n'
            "<tr><td>Jumlah Perekaman KTP-el</td><td>47</td></tr>\n"
            "<tr><td>Jumlah Pencetakan KTP-el</td><td>52</td></tr>\n"
            "<tr><td>Sisa Blangko KTP-el</td><td>703</td></tr>\n"
            "</table><br><div>Petugas: Agustinus (0813-4455-2210)</div>\n</body></html>\n"
        ),
        layout="html",
        cte="base64",
        expect=E("stock_report", "65.02", "ktp-el", recorded=47, printed=52, stock_on_hand=703),
    ),
    # --- "per hari ini" is "as of today", not a rate -------------------------------------------
    dict(
        name="clerk-fwd-notadinas-per-hari-ini",
        sender=BUL,
        subject="Fwd: Nota Dinas permohonan blangko",
        body=(
            "Mohon ditindaklanjuti, nota dinas dari Kadis kami di bawah ini.\n\n"
            "---------- Forwarded message ---------\n"
            "Dari: Kepala Dinas Dukcapil Bulungan <kadis@bulungankab.example>\n"
            "Date: Sen, 12 Jan 2026 pukul 14.02\nSubject: Nota Dinas permohonan blangko\n"
            "To: <disdukcapil@bulungankab.example>\n\n\n"
            "Tolong sampaikan ke Provinsi: kita mohon tambahan blangko KTP-el 2.500 keping,\n"
            "sisa di gudang 640 keping per hari ini.\n\nKadis\n"
        ),
        cte="quoted-printable",
        expect=E("request", "65.01", "ktp-el", requested=2500, stock_on_hand=640),
    ),
    dict(
        name="clerk-sisa-per-hari-ini-rate-beside",
        sender=MAL,
        subject="tambahan blanko ktp el",
        body=(
            "Selamat pagi Bapak/Ibu,\n\n"
            "pemakaian kami rata-rata 70 keping per hari. blanko ktp el kami sisa 580 keping per hari ini. "
            "Mohon dikirim tambahan 1,5 ribu keping ya pak\n"
            "karena minggu depan ada perekaman di Kecamatan Malinau Selatan.\n\n"
            "Terima kasih\nYohanes\nOperator SIAK Disdukcapil Malinau\nHP 0812-5432-1098\n"
        ),
        expect=E("request", "65.02", "ktp-el", requested=1500, stock_on_hand=580),
    ),
    # --- KIA requests that say the KTP-el blank is still fine --------------------------------
    dict(
        name="clerk-kia-request-ktp-masih-aman",
        sender=BUL_OP,
        subject="Permohonan Blangko KIA",
        body=(
            "Assalamualaikum wr. wb.\n\n"
            "Mohon izin pak, blangko KIA (Kartu Identitas Anak) di kantor kami tinggal 240 keping,\n"
            "sedangkan pengajuan KIA dari PAUD dan TK sedang banyak. Kami mohon tambahan blangko\n"
            "KIA sebanyak 800 keping.\nUntuk blangko KTP-el masih aman.\n\n"
            "Wassalam,\nDewi - operator Disdukcapil Bulungan\n"
        ),
        cte="quoted-printable",
        expect=E("request", "65.01", "kia", requested=800, stock_on_hand=240),
    ),
    dict(
        name="clerk-kia-request-lembar-ktp-cukup",
        sender=NUN_CAP,
        subject="Blangko KIA",
        body=(
            "Yth. Bidang PIAK,\nblangko KIA kami tinggal 90 lembar, mohon dikirim 400 lembar. "
            "Untuk blangko KTP-el masih cukup.\nTerima kasih\n"
        ),
        expect=E("request", "65.03", "kia", requested=400, stock_on_hand=90),
    ),
    dict(
        name="clerk-kia-need-ktp-fine-same-sentence",
        sender=TRK,
        subject="Blangko",
        body="Blangko KTP-el masih cukup, tapi KIA tinggal 80 lembar. Mohon KIA 400 lembar.\n",
        expect=E("request", "65.71", "kia", requested=400, stock_on_hand=80),
    ),
    dict(
        name="clerk-both-blanks-with-figures-stay-ambiguous",
        sender=KTT,
        subject="permohonan blangko",
        body=(
            "Mohon tambahan blangko KTP-el 1.000 keping dan KIA 500 keping. "
            "Stok KIA masih aman kalau sampai akhir bulan.\n"
        ),
        expect=E("request", "65.04", None, doubts=["item:both_items"]),
    ),
    # --- Two figures for one role, set against each other: ask back ----------------------------
    dict(
        name="clerk-request-stock-two-versions",
        sender=BUL_OP,
        subject="permohonan blangko KTP-el",
        body=(
            "Pak, mohon tambahan 1.200 keping blangko KTP-el.\n"
            "Sisa blangko kami 350 keping (tapi menurut catatan gudang 590, sedang kami cocokkan).\n\nTerima kasih\n"
        ),
        expect=E("request", "65.01", "ktp-el", requested=1200, doubts=["stock_on_hand:conflict"]),
    ),
    dict(
        name="clerk-report-stock-recount",
        sender=NUN,
        subject="laporan stok blangko",
        body="Stok blangko kami 520 keping, tetapi setelah dihitung ulang 480.\n",
        expect=E("stock_report", "65.03", "ktp-el", doubts=["stock_on_hand:conflict"]),
    ),
    dict(
        name="clerk-contrast-with-own-role-word",
        sender=MAL,
        subject="permohonan",
        body="Sisa blangko 300 keping, namun kebutuhan minggu depan 1.500 keping, mohon dikirim.\n",
        expect=E("request", "65.02", "ktp-el", requested=1500, stock_on_hand=300),
    ),
    # --- Totals outrank their parts -----------------------------------------------------------
    dict(
        name="clerk-report-total-perekaman",
        sender=NUN_CAP,
        subject="Laporan kegiatan Selasa (13/01)",
        body=(
            "Laporan kegiatan Selasa (13/01):\n- Perekaman dalam gedung: 65\n"
            "- Perekaman jemput bola (Sebatik Tengah): 35\n- Total perekaman: 100\n"
            "- Pencetakan KTP-el: 93\n- Sisa blangko KTP-el: 1.187 keping\n\nSeksi Dafduk Nunukan\n"
        ),
        expect=E("stock_report", "65.03", "ktp-el", recorded=100, printed=93, stock_on_hand=1187),
    ),
    # --- A bare year is no quantity -----------------------------------------------------------
    dict(
        name="clerk-request-need-year-before-figure",
        sender=TRK,
        subject="Permohonan",
        body="Mohon tambahan blangko untuk kebutuhan 2026 sebanyak 2.000 keping. Sisa 450.\n",
        expect=E("request", "65.71", "ktp-el", requested=2000, stock_on_hand=450),
    ),
    dict(
        name="clerk-report-stock-looks-like-year",
        sender=BUL,
        subject="Laporan harian",
        body="Laporan harian 13 Januari 2026: perekaman 100, pencetakan 90, sisa 2026\n",
        expect=E("stock_report", "65.01", "ktp-el", recorded=100, printed=90),
    ),
    dict(
        name="clerk-invitation-calendar-year",
        sender="",
        subject="",
        raw=_b(
            "From: Subdit Dokumen Ditjen Dukcapil <subdit.dokumen@ditjendukcapil.example>\n"
            f"To: {OFFICE_ADDR}\n"
            "Subject: Undangan: Rapat Evaluasi Distribusi Blangko KTP-el Regional Kalimantan\n"
            "Date: Tue, 13 Jan 2026 14:00:00 +0800\n"
            "Message-ID: <clerk-invitation-calendar-year@ditjendukcapil.example>\n"
            "MIME-Version: 1.0\n"
            'Content-Type: multipart/alternative; boundary="cal-boundary"\n\n'
            "--cal-boundary\n"
            'Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: 7bit\n\n'
            "Rapat Evaluasi Distribusi Blangko KTP-el Regional Kalimantan\n"
            "Kamis, 22 Januari 2026, 09.00-12.00 WITA, Zoom Meeting ID 812 3456 7890, passcode 2026.\n\n"
            "Agenda: evaluasi distribusi 180.000 keping blangko semester II dan rencana kebutuhan 2027.\n\n"
            "--cal-boundary\n"
            'Content-Type: text/calendar; charset="utf-8"; method="REQUEST"\nContent-Transfer-Encoding: 7bit\n\n'
            "BEGIN:VCALENDAR\nMETHOD:REQUEST\nBEGIN:VEVENT\nDTSTART;TZID=Asia/Makassar:20260122T090000\n"
            "SUMMARY:Rapat Evaluasi Distribusi Blangko KTP-el Regional Kalimantan\nEND:VEVENT\nEND:VCALENDAR\n\n"
            "--cal-boundary--\n"
        ),
        # A calendar program's invitation (method REQUEST) is its mail, as every labelled set reads it.
        expect=E("automated", known=False),
    ),
    # --- Request wording about something else than blanks -------------------------------------
    dict(
        name="clerk-other-template-question",
        sender=NUN,
        subject="Format laporan harian",
        body=(
            "Selamat pagi Pak,\n\nApakah format laporan harian ada yang baru untuk tahun 2026? "
            "Mohon dikirimkan template\nExcel-nya supaya laporan kami seragam dengan kabupaten lain.\n\n"
            "Terima kasih,\nAndi S.\n"
        ),
        expect=E("other", "65.03"),
    ),
    dict(
        name="clerk-other-citizen-complaint",
        sender="Warga <warga.tarakan77@gmail.example>",
        subject="KTP-el belum jadi",
        body=(
            "Selamat malam Bapak/Ibu,\n\nSaya warga Kota Tarakan, sudah rekam KTP-el di Disdukcapil Tarakan bulan "
            "Oktober 2025\ntapi sampai sekarang sudah 3 bulan belum jadi. Katanya blangko habis. Mohon bantuannya.\n"
            "NIK 6571 0245 0890 0003, HP 0852-4711-2233.\n\nTerima kasih.\n"
        ),
        expect=E("other", "65.71", known=False),
    ),
    dict(
        name="clerk-request-seperti-biasa",
        sender=TRK,
        subject="blangko ktp",
        body="pak, blangko kami sisa 520. minta seperti biasa ya pak, makasih\n",
        expect=E("request", "65.71", "ktp-el", stock_on_hand=520, doubts=["requested:missing"]),
    ),
    # --- A reply that answers the desk's question ----------------------------------------------
    dict(
        name="clerk-reply-answers-clarification",
        sender=KTT,
        subject="Re: Klarifikasi permohonan blangko KTP-el",
        body=(
            "Jumlahnya 700 keping pak.\n\n"
            f"Pada Sel, 13 Jan 2026 pukul 10.02 {DESK} menulis:\n\n"
            "> Yth. Bapak/Ibu Operator Disdukcapil Kabupaten Tana Tidung,\n>\n"
            "> Berapa keping blangko KTP-el yang Bapak/Ibu mohon? Mohon sebutkan juga sisa stok saat ini.\n"
        ),
        headers=(("In-Reply-To", CLARIFY_ID), ("References", CLARIFY_ID)),
        expect=E("request", "65.04", "ktp-el", requested=700),
    ),
    dict(
        name="clerk-reply-answers-clarification-two-figures",
        sender=MAL,
        subject="RE: Klarifikasi permohonan blangko",
        body=(
            "700 keping pak, sisa stok kami 260.\n\n"
            "-----Original Message-----\nFrom: Disdukcapil Provinsi Kaltara\nSent: Tuesday, January 13, 2026 10:02 AM\n"
            "To: disdukcapil@malinaukab.example\nSubject: Klarifikasi permohonan blangko\n\n"
            "Berapa keping blangko KTP-el yang Bapak/Ibu mohon? Mohon sebutkan juga sisa stok saat ini.\n"
        ),
        expect=E("request", "65.02", "ktp-el", requested=700, stock_on_hand=260),
    ),
    dict(
        name="clerk-reply-answers-clarification-vague",
        sender=NUN,
        subject="Re: Klarifikasi permohonan blangko",
        body=(
            "500 atau 700 keping pak.\n\n"
            f"Pada Sel, 13 Jan 2026 pukul 10.02 {DESK} menulis:\n"
            "> Berapa keping blangko KTP-el yang Bapak/Ibu mohon?\n"
        ),
        expect=E("request", "65.03", "ktp-el", doubts=["requested:unclear"]),
    ),
    dict(
        name="clerk-reply-to-approval-not-an-answer",
        sender=BUL,
        subject="Re: Permohonan blangko KTP-el disetujui",
        body=(
            "Baik Pak, kami tunggu 2.000 keping-nya. Terima kasih.\n\n"
            f"Pada Sel, 13 Jan 2026 pukul 10.02 {DESK} menulis:\n"
            "> Permohonan Bapak/Ibu sebanyak 2.000 keping kami setujui.\n"
            "> Yang kami pahami dari email Bapak/Ibu:\n> - Jumlah yang dimohon: 2.000 keping\n"
            "> Apabila ada angka yang keliru, mohon balas email ini dengan angka yang benar.\n"
        ),
        expect=E("other", "65.01"),
    ),
]
