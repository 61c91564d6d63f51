"""Corpus cases, part 7: what a fifth, independent set of district mail showed the reader misread.

Each case stands for a rule. A number followed by a multiplier word that did not multiply ("3 ribuan",
"5 ratusan") is an estimate of the multiple, never the bare number. Identity numbers (NIK, KK, HP),
also after "saya" and also partly masked ("6571xxxxxxxx0012"), are no quantities, and a citizen
writing about their own card is no district. What is left of a shipment still on its way ("sisanya
1.500 keping masih dalam perjalanan") is no stock on hand. A correction in a later sentence ("Ralat:
yang benar 1.800 keping") replaces the earlier figure of its role; of several roles, a clerk asks. The
desk's own approval forwarded back is old news: the forwarder's words decide. A request for printer
supplies or for a document asks for no blanks. A bulletin names districts as news. Shorthand of quick
reports ("rkm 88 ctk 71"). Saying the office can no longer print, about blanks, is a need. "Tidak ada
sisa" is a stock of zero. A reply chasing the writer's own earlier request restates its figure.
"""

from __future__ import annotations

from kit import BUL_OP, KTT, MAL, NUN_CAP, OFFICE_ADDR, TRK, E

DESK = f"Layanan Blangko Disdukcapil Kaltara <{OFFICE_ADDR}>"

CLERK5_CASES: list[dict[str, object]] = [
    # --- Approximate multiples ------------------------------------------------------------------------
    dict(
        name="clerk5-ribuan-is-an-estimate-not-the-digit",
        sender=TRK,
        subject="blangko",
        body="pak mhn kirim blangko 3 ribuan ya, sisa kami 1.100\n\nDikirim dari iPhone saya\n",
        expect=E("request", "65.71", "ktp-el", stock_on_hand=1100, doubts=["requested:unclear"]),
    ),
    dict(
        name="clerk5-ratusan-kia-is-an-estimate",
        sender=KTT,
        subject="blangko KIA",
        body="Selamat siang, mohon tambahan blangko KIA 5 ratusan lembar untuk kegiatan di sekolah.\n\nops KTT\n",
        expect=E("request", "65.04", "kia", doubts=["requested:unclear"]),
    ),
    # --- Identity numbers and citizens ----------------------------------------------------------------
    dict(
        name="clerk5-citizen-masked-nik-is-no-quantity",
        sender="Dewi Lestari <dewi.lestari1995@gmail.example>",
        subject="E-KTP saya belum dicetak",
        body=(
            "Selamat sore,\n\nSaya warga Tarakan Barat, sudah rekam e-KTP di Disdukcapil Kota Tarakan sejak Mei 2026\n"
            "tapi sampai sekarang belum dicetak. Mohon bantuannya, NIK saya 6571xxxxxxxx0012, no. HP saya\n"
            "0813-4788-1290.\n\nTerima kasih,\nDewi\n"
        ),
        expect=E("other", "65.71", known=False),
    ),
    dict(
        name="clerk5-citizen-star-masked-kk-number",
        sender="Yusuf <yusuf.tdp@yahoo.example>",
        subject="KTP anak saya",
        body=(
            "Pak, KTP anak saya belum jadi padahal sudah 17 tahun dan sudah rekam. Mohon dibantu, "
            "No. KK anak saya 6504****0009.\n\nYusuf, Tana Tidung\n"
        ),
        expect=E("other", "65.04", known=False),
    ),
    # --- Shipments still on their way -----------------------------------------------------------------
    dict(
        name="clerk5-remainder-in-transit-is-not-stock",
        sender=MAL,
        subject="Re: [BLK-2026-0510] Permintaan blangko disetujui",
        body=(
            "Yth. Disdukcapil Provinsi,\n\nBaru kami terima 1.500 keping dari 3.000 keping yang disetujui; sisanya "
            "1.500 keping masih dalam perjalanan dari Tanjung Selor.\n\nHormat kami,\nDisdukcapil Kabupaten Malinau\n"
        ),
        headers=(("In-Reply-To", "<blk-2026-0510.approval@disdukcapil.kaltaraprov.example>"),),
        expect=E("receipt", "65.02", "ktp-el", received=1500),
    ),
    # --- Corrections ----------------------------------------------------------------------------------
    dict(
        name="clerk5-correction-in-later-sentence-replaces-request",
        sender=NUN_CAP,
        subject="Permohonan tambahan blangko KTP-el",
        body=(
            "Dengan hormat,\nKami mohon tambahan blangko KTP-el sebanyak 1.200 keping.\n"
            "Ralat: yang benar 1.800 (seribu delapan ratus) keping, mohon maaf.\nSisa stok kami 640 keping.\n\n"
            "Hormat kami,\nDisdukcapil Kab. Nunukan\n"
        ),
        expect=E("request", "65.03", "ktp-el", requested=1800, stock_on_hand=640),
    ),
    dict(
        name="clerk5-report-correction-names-its-role",
        sender=BUL_OP,
        subject="Laporan harian 05/08/2026",
        date="Wed, 05 Aug 2026 16:30:00 +0800",
        body="Lap harian 05/08: perekaman 140, pencetakan 120, sisa blangko 2.210\nRalat: pencetakan yg benar 125.\n\nop. bulungan\n",
        expect=E("stock_report", "65.01", "ktp-el", recorded=140, printed=125, stock_on_hand=2210),
    ),
    dict(
        name="clerk5-correction-after-two-roles-is-asked-back",
        sender=TRK,
        subject="blangko",
        body="Pak, sisa kami 400 keping, mohon tambahan 1.000 keping.\nRalat: yang benar 1.500 keping.\n\nRudi\n",
        expect=E("request", "65.71", "ktp-el", doubts=["requested:conflict", "stock_on_hand:conflict"]),
    ),
    # --- The desk's own mail forwarded back -----------------------------------------------------------
    dict(
        name="clerk5-receipt-above-forwarded-desk-approval",
        sender="Sari Wulandari <sari.capilktt@gmail.example>",
        subject="Fwd: [BLK-2026-0533] Permintaan blangko disetujui",
        body=(
            "Selamat siang, kiriman blangko 1.500 keping untuk Disdukcapil Kab. Tana Tidung sudah kami terima tadi "
            "pagi. (Email dinas sedang bermasalah, jadi saya kirim dari email pribadi.)\n\nSari\n\n"
            "---------- Forwarded message ---------\n"
            f"Dari: {DESK}\nDate: Sen, 3 Agu 2026 pukul 09.40\n"
            "Subject: [BLK-2026-0533] Permintaan blangko disetujui\nTo: <disdukcapil@tanatidungkab.example>\n\n"
            "Yth. Disdukcapil Kabupaten Tana Tidung.\n\n"
            "Permintaan blangko KTP-el Saudara sebanyak 1.500 keping (nomor referensi BLK-2026-0533) DISETUJUI "
            "sebanyak 1.500 keping.\nBlangko dikirim Senin, 3 Agustus 2026 melalui ekspedisi. Mohon konfirmasi "
            "penerimaan dengan membalas surel ini.\n\nHormat kami,\nBidang Pelayanan Pendaftaran Penduduk\n"
            "Disdukcapil Provinsi Kalimantan Utara\n"
        ),
        expect=E("receipt", "65.04", "ktp-el", known=False, received=1500),
    ),
    # --- Requests for what is not a blank -------------------------------------------------------------
    dict(
        name="clerk5-supply-request-is-no-blank-request",
        sender=MAL,
        subject="ribbon",
        body="pak mohon dikirim ribbon printer 6 roll sama overlay 3 roll, ribbon kami tinggal 1 roll. blangko masih aman\n",
        expect=E("other", "65.02"),
    ),
    dict(
        name="clerk5-document-request-names-receipts",
        sender=KTT,
        subject="Permohonan data rekap penerimaan blangko tahun 2026",
        body=(
            "Selamat pagi,\n\nUntuk bahan laporan kinerja, mohon kiranya kami dapat dikirimkan data rekap penerimaan "
            "blangko KTP-el Kab. Tana Tidung periode Januari s.d. Juli 2026.\n\nTerima kasih.\nSeksi PIAK\n"
        ),
        expect=E("other", "65.04"),
    ),
    # --- Bulletins --------------------------------------------------------------------------------------
    dict(
        name="clerk5-bulletin-names-a-district-as-news",
        sender="Buletin Dukcapil <buletin@dukcapil.kemendagri.example>",
        subject="Buletin Dukcapil Edisi Agustus 2026",
        body=(
            "BULETIN DUKCAPIL - Edisi Agustus 2026\n\n1. Distribusi 900 ribu keping blangko KTP-el ke 38 provinsi.\n"
            "2. Kabupaten Malinau raih penghargaan inovasi jemput bola.\n\n"
            "Anda menerima buletin ini karena terdaftar di milis Dukcapil.\n"
        ),
        headers=(
            ("List-Unsubscribe", "<https://buletin.dukcapil.kemendagri.example/unsubscribe?u=41>"),
            ("Precedence", "bulk"),
        ),
        expect=E("automated", known=False),
    ),
    # --- Shorthand of quick reports ---------------------------------------------------------------------
    dict(
        name="clerk5-report-rkm-ctk-shorthand",
        sender=NUN_CAP,
        subject="lap 3/8",
        date="Mon, 03 Aug 2026 17:10:00 +0800",
        body="lap 3/8 rkm 88 ctk 71 sisa 1.020 (jemput bola ke sebatik ditunda)\n\nDikirim dari iPhone saya\n",
        expect=E("stock_report", "65.03", "ktp-el", recorded=88, printed=71, stock_on_hand=1020),
    ),
    # --- Out of blanks, and a stock of zero -------------------------------------------------------------
    dict(
        name="clerk5-chase-cannot-print-is-a-need",
        sender=TRK,
        subject="Re: [BLK-2026-0540] Permintaan blangko disetujui",
        body=(
            "pak blangkonya blm sampai sampai hari ini, mohon dicek ke ekspedisi. kami sdh tidak bisa cetak\n\n\n"
            f"Pada Jum, 7 Agu 2026 pukul 10.00 {DESK} menulis:\n"
            "> Permintaan blangko KTP-el Saudara sebanyak 2.000 keping (nomor referensi BLK-2026-0540) DISETUJUI "
            "sebanyak 2.000 keping.\n"
        ),
        expect=E("request", "65.71", "ktp-el", doubts=["requested:missing"]),
    ),
    dict(
        name="clerk5-printer-fault-stops-printing-is-other",
        sender=NUN_CAP,
        subject="Printer kartu error",
        body=(
            "Selamat pagi,\n\nPrinter kartu kami error sejak kemarin, pencetakan terhenti. Mohon bantuan teknisi dari "
            "provinsi.\n\nTerima kasih.\n"
        ),
        expect=E("other", "65.03"),
    ),
    dict(
        name="clerk5-tidak-ada-sisa-is-zero-stock",
        sender=BUL_OP,
        subject="blangko KIA habis",
        body="pak blangko KIA kami tidak ada sisa lagi, mohon tambahan KIA 800 keping.\n\nop. bulungan\n",
        expect=E("request", "65.01", "kia", requested=800, stock_on_hand=0),
    ),
    # --- A reply chasing the writer's own earlier request ----------------------------------------------
    dict(
        name="clerk5-chase-restates-own-earlier-request",
        sender=BUL_OP,
        subject="Re: usul tambahan blangko",
        body=(
            "pak mohon info, yg 3.000 bulan lalu kapan dikirim? stok sisa 640\n\nop. bulungan\n\n\n"
            "Pada Sen, 6 Jul 2026 pukul 08.30 Operator SIAK Bulungan <operator.bulungan@bulungankab.example> menulis:\n"
            "> pak, usul tambahan blangko 3.000 keping. sisa 1.900.\n>\n> op. bulungan\n"
        ),
        expect=E("request", "65.01", "ktp-el", requested=3000, stock_on_hand=640),
    ),
]
