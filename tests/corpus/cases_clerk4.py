"""Corpus cases, part 6: what a fourth, independent set of district mail showed the reader misread.

Each case stands for a rule. A denied role word ("blm sampai", "belum kami terima", "tidak butuh
tambahan") gives its figure no role: a receipt is only what is affirmatively received, a request only
what is asked; "sudah kami terima" after a requested figure makes it received. "sampai" of time
("sampai sore ini") is no arrival. A figure said of an earlier request ("surat permohonan 3.000 keping
tadi siang") yields to a figure asked anew, and stands when a reminder only chases it. A corrected
figure ("bukan 2.518 tetapi 2.581", "kami ubah menjadi 2.000") takes its clause's role. Letter
references ("surat 470/045"), days ("tgl 15"), data sizes ("10 GB") and schools ("8 SD") are no
quantities; a date's full stop still ends its sentence. An account scam from an unknown sender
states no figures. A report table naming no blank beside a KIA table is KTP-el. The words right
after a figure are that figure's ("3.000 keping KTP-el ..., blangko KIA 500").
"""

from __future__ import annotations

from kit import BUL, BUL_OP, KTT, MAL, NUN, NUN_CAP, TRK, E, xlsx_part

CLERK4_CASES: list[dict[str, object]] = [
    # --- Denied receipts and requests -----------------------------------------------------------------
    dict(
        name="clerk4-earlier-shipment-not-arrived-new-request",
        sender=MAL,
        subject="blangko mln",
        body=(
            "Pak, blangko kami tinggal 380, yg dua ribu kmrn blm sampai. Kalau bisa mohon dikirim 3rb\n"
            "keping sekalian ya pak, minggu dpn ada perekaman massal.\n\ntks\nops Malinau\n"
        ),
        expect=E("request", "65.02", "ktp-el", requested=3000, stock_on_hand=380),
    ),
    dict(
        name="clerk4-belum-menerima-kiriman-then-request",
        sender=NUN,
        subject="Permohonan blangko",
        body=(
            "Dengan hormat, kami belum menerima kiriman 1.200 keping yang dijadwalkan minggu lalu. Sisa stok\n"
            "kami 260 keping. Mohon tambahan 1.800 keping.\n\nDisdukcapil Nunukan\n"
        ),
        expect=E("request", "65.03", "ktp-el", requested=1800, stock_on_hand=260),
    ),
    dict(
        name="clerk4-promised-blanks-not-received-is-no-receipt",
        sender=TRK,
        subject="Konfirmasi pengiriman",
        body="Blangko 1.500 keping yang dijanjikan belum kami terima sampai siang ini, mohon dicek pak.\n\nRudi\n",
        expect=E("other", "65.71"),
    ),
    dict(
        name="clerk4-denied-need-is-no-request",
        sender=BUL_OP,
        subject="Info stok",
        body="Pak, kami tidak butuh tambahan 1.000 keping dulu, stok masih 2.350 keping.\n\nAndi\n",
        expect=E("stock_report", "65.01", "ktp-el", stock_on_hand=2350),
    ),
    dict(
        name="clerk4-stock-bound-tidak-sampai-stays-bound",
        sender=KTT,
        subject="mohon blangko",
        body="sisa stok kami tidak sampai 400 keping, mohon tambahan 1.200 keping.\n\nops TT\n",
        expect=E("request", "65.04", "ktp-el", requested=1200, doubts=["stock_on_hand:unclear"]),
    ),
    dict(
        name="clerk4-asked-figure-sudah-kami-terima-is-receipt",
        sender=NUN_CAP,
        subject="Penerimaan",
        body="Permohonan kami sebanyak 2.500 keping sudah kami terima dengan baik. Terima kasih.\n",
        expect=E("receipt", "65.03", "ktp-el", received=2500),
    ),
    dict(
        name="clerk4-receipt-with-part-not-taken-asks-back",
        sender=MAL,
        subject="Penerimaan blangko",
        body="Blangko sebanyak 2.000 keping telah kami terima, namun 15 keping tidak kami terima karena rusak.\n",
        # Were 2.000 delivered, or 2.015? A clerk asks before booking.
        expect=E("receipt", "65.02", "ktp-el", doubts=["received:conflict"]),
    ),
    dict(
        name="clerk4-request-with-earlier-receipt-later-in-clause",
        sender=KTT,
        subject="blangko",
        body="mohon tambahan 1.500 keping, yg sebelumnya 1.500 keping sdh diterima tgl 6.\n\nops TT\n",
        expect=E("request", "65.04", "ktp-el", requested=1500),
    ),
    # --- Reminders and earlier requests ---------------------------------------------------------------
    dict(
        name="clerk4-reminder-letter-not-received-until-today",
        sender=NUN,
        subject="Susulan permohonan tambahan blangko KTP-el",
        body=(
            "Yth. Kepala Disdukcapil Provinsi Kalimantan Utara,\n\n"
            "Menindaklanjuti surat kami Nomor 470/044/Disdukcapil/I/2026 tanggal 12 Januari 2026 perihal\n"
            "permohonan tambahan blangko KTP-el sebanyak 2.500 keping, bersama ini kami sampaikan bahwa\n"
            "blangko tersebut sampai sore ini belum kami terima, sedangkan sisa stok kami tinggal 640 keping.\n"
            "Mohon kiranya blangko tersebut dapat segera dikirimkan.\n\nTerima kasih.\n\n"
            "Sekretariat Disdukcapil Kab. Nunukan\n"
        ),
        expect=E("request", "65.03", "ktp-el", requested=2500, stock_on_hand=640),
    ),
    dict(
        name="clerk4-reminder-relative-yg-kami-mohon",
        sender=BUL_OP,
        subject="blangko blm datang",
        body=(
            "Blangko 3 ribu keping yg kami mohon tgl 5 jan sampai hari ini belum kami terima, sisa stok\n"
            "210 keping. mohon dikirim segera.\n\nAndi\n"
        ),
        expect=E("request", "65.01", "ktp-el", requested=3000, stock_on_hand=210),
    ),
    dict(
        name="clerk4-reminder-with-partial-day-report",
        sender=MAL,
        subject="blangko malinau menipis",
        body=(
            "Pak, lap 21/01 s.d. pukul 11.00: rekam 87, cetak 64, sisa 655.\n"
            "Mohon blangko yg 2.000 segera dikirim.\n\nSiti\n"
        ),
        expect=E("request", "65.02", "ktp-el", requested=2000, stock_on_hand=655, printed=64, recorded=87),
    ),
    dict(
        name="clerk4-earlier-ktp-letter-new-kia-figure",
        sender=BUL_OP,
        subject="KIA Bulungan",
        body=(
            "Pak, mohon maaf, utk surat permohonan 2.000 keping KTP-el tadi pagi apakah bisa sekalian\n"
            "dikirim blangko KIA 400 pcs? Stok KIA kami juga sudah mulai berkurang.\n\nAndi\n"
        ),
        expect=E("request", "65.01", "kia", requested=400),
    ),
    dict(
        name="clerk4-revised-request-letter-reference-schools",
        sender=TRK,
        subject="Revisi permohonan KIA Tarakan",
        body=(
            "Pak, utk permohonan blangko KIA kami kemarin (surat 470/045) mohon dijadikan 1.500 keping,\n"
            "karena ada program KIA masuk sekolah di 8 SD.\n\nTerima kasih.\nRudi\n"
        ),
        expect=E("request", "65.71", "kia", requested=1500),
    ),
    dict(
        name="clerk4-unnamed-request-beside-kia-extra-asks-back",
        sender=NUN_CAP,
        subject="blangko",
        body="Kemarin kami sudah telpon, mohon tambahan 1.000 keping. Kalau bisa sekalian KIA 200 lembar.\n",
        expect=E("request", "65.03", "kia", doubts=["requested:conflict"]),
    ),
    # --- Corrections ----------------------------------------------------------------------------------
    dict(
        name="clerk4-correction-yang-benar-bukan",
        sender=TRK,
        subject="Koreksi laporan harian 20/01/2026",
        body=(
            "Selamat pagi,\n\nMohon maaf, ada salah ketik pada laporan kemarin (20/01). Sisa blangko KTP-el\n"
            "yang benar adalah 3.142 keping (bukan 3.124). Angka perekaman dan pencetakan tidak berubah.\n\n"
            "Rudi H.\n"
        ),
        expect=E("stock_report", "65.71", "ktp-el", stock_on_hand=3142),
    ),
    dict(
        name="clerk4-correction-bukan-tetapi",
        sender=KTT,
        subject="Ralat",
        body="Ralat laporan: sisa blangko bukan 1.370 tetapi 1.730 keping.\n\nops TT\n",
        expect=E("stock_report", "65.04", "ktp-el", stock_on_hand=1730),
    ),
    dict(
        name="clerk4-correction-request-changed-menjadi",
        sender=MAL,
        subject="Revisi permohonan",
        body="Permohonan sebelumnya 3.000 keping kami ubah menjadi 2.000 keping krn ada kiriman dari pusat.\n",
        expect=E("request", "65.02", "ktp-el", requested=2000),
    ),
    dict(
        name="clerk4-correction-heading-colon-then-request",
        sender=NUN,
        subject="Koreksi",
        body="Ralat email sebelumnya: permintaan kami 1.200 keping, bukan 2.100 keping.\n\nDisdukcapil Nunukan\n",
        expect=E("request", "65.03", "ktp-el", requested=1200),
    ),
    # --- Not quantities -------------------------------------------------------------------------------
    dict(
        name="clerk4-phishing-mailbox-quota",
        sender="Admin Email <admin@kaltara-mailadmin.example>",
        subject="Peringatan: Kotak surat Anda hampir penuh (97%)",
        body=(
            "Kotak surat blangko@disdukcapil.kaltaraprov.example telah mencapai 97% kapasitas. Email masuk\n"
            "akan ditolak dalam 24 jam.\nVerifikasi akun sekarang untuk menambah kuota 20 GB.\n"
        ),
        expect=E("other", known=False),
    ),
    dict(
        name="clerk4-typo-request-mohn-tambhan",
        sender=KTT,
        subject="mohon tambahan blanko",
        body=(
            "slmt siang pak\n\nmohn tambhan blanko ktpel sebnyak 1500 kping, sisa stk kmi 412. surat resmi\n"
            "nyusul.\n\nops TT\n"
        ),
        expect=E("request", "65.04", "ktp-el", requested=1500, stock_on_hand=412),
    ),
    dict(
        name="clerk4-xlsx-report-day-missed-in-text",
        sender=NUN_CAP,
        subject="Laporan harian 20-01-2026",
        body=(
            "Terlampir laporan harian perekaman Kab. Nunukan tgl 20/01/2026.\n"
            "Mohon maaf tgl 19 tidak lapor krn listrik padam.\n\nTerima kasih.\n"
        ),
        layout="mixed",
        attachments=(
            xlsx_part(
                "lap_harian_nnk_20012026.xlsx",
                [
                    ["LAPORAN HARIAN DISDUKCAPIL KAB. NUNUKAN"],
                    ["Tanggal", "Perekaman", "Pencetakan", "Sisa Blangko"],
                    ["20/01/2026", 47, 41, 1288],
                ],
            ),
        ),
        date="Tue, 20 Jan 2026 16:10:00 +0800",
        expect=E("stock_report", "65.03", "ktp-el", recorded=47, printed=41, stock_on_hand=1288),
    ),
    dict(
        name="clerk4-two-text-tables-ktp-and-kia",
        sender=BUL,
        subject="Laporan harian Disdukcapil Bulungan 20/01/2026",
        body=(
            "LAPORAN HARIAN PEREKAMAN & PENCETAKAN KTP-el\nDISDUKCAPIL KAB. BULUNGAN\n\n"
            "| Tanggal    | Perekaman | Pencetakan | Sisa Blangko |\n"
            "|------------|-----------|------------|--------------|\n"
            "| 20/01/2026 | 122       | 109        | 1.906        |\n\n"
            "Blangko KIA:\n"
            "| Tanggal    | Pencetakan KIA | Sisa Blangko KIA |\n"
            "|------------|----------------|------------------|\n"
            "| 20/01/2026 | 35             | 640              |\n\n"
            "Operator: Andi / Seksi PIAK\n"
        ),
        expect=E("stock_report", "65.01", "ktp-el", recorded=122, printed=109, stock_on_hand=1906),
    ),
    dict(
        name="clerk4-back-to-back-tables-kia-named-only-in-columns",
        sender=MAL,
        subject="Laporan harian 21/01/2026",
        body=(
            "Laporan harian Disdukcapil Malinau:\n\n"
            "| Tanggal | Perekaman | Pencetakan | Sisa Blangko |\n"
            "| 21/01/2026 | 71 | 66 | 1.477 |\n\n"
            "| Tanggal | Pencetakan KIA | Sisa Blangko KIA |\n"
            "| 21/01/2026 | 18 | 530 |\n\nSiti\n"
        ),
        expect=E("stock_report", "65.02", "ktp-el", recorded=71, printed=66, stock_on_hand=1477),
    ),
]
