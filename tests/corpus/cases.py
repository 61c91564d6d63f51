"""Corpus cases, part 1: requests, number formats, non-quantities, roles, reports, receipts."""

from __future__ import annotations

from kit import BUL, BUL_OP, KTT, MAL, NUN, NUN_CAP, TRK, E, pdf_part, xlsx_part

FORMAL_CLOSE = (
    "Demikian kami sampaikan, atas perhatian dan kerjasamanya diucapkan terima kasih.\n\n"
)

CASES: list[dict[str, object]] = [
    # --- Requests: formal letters -----------------------------------------------------------
    dict(
        name="req-formal-bulungan-2000",
        sender=BUL,
        subject="Permohonan Tambahan Blangko KTP-el",
        body=(
            "Kepada Yth.\nKepala Dinas Kependudukan dan Pencatatan Sipil\nProvinsi Kalimantan Utara\n"
            "di -\n    Tanjung Selor\n\n"
            "Nomor   : 470/215/Disdukcapil/I/2026\nLampiran: 1 (satu) berkas\nPerihal : Permohonan Blangko KTP-el\n\n"
            "Dengan hormat,\n\n"
            "Sehubungan dengan meningkatnya pelayanan perekaman dan pencetakan KTP-el di Kabupaten Bulungan, "
            "bersama ini kami sampaikan bahwa sisa stok blangko KTP-el kami per tanggal 9 Januari 2026 tinggal "
            "750 keping. Untuk itu kami mohon tambahan blangko KTP-el sebanyak 2.000 (dua ribu) keping.\n\n"
            + FORMAL_CLOSE
            + "Tanjung Selor, 12 Januari 2026\nKepala Dinas,\n\n\nDrs. H. Abdul Rahman, M.Si\n"
            "NIP. 19780512 200501 1 003\n\nJl. Sengkawit No. 12 Tanjung Selor, Telp. (0552) 21234\n"
        ),
        expect=E("request", "65.01", "ktp-el", requested=2000, stock_on_hand=750),
    ),
    dict(
        name="req-formal-nunukan-words-confirm",
        sender=NUN,
        subject="Permohonan Blangko KTP Elektronik",
        body=(
            "Dengan hormat,\n\n"
            "Menindaklanjuti surat Dirjen Dukcapil Nomor: 471.13/1234/Dukcapil tanggal 2 Januari 2026, "
            "dengan ini kami mengajukan permohonan blangko KTP Elektronik sebanyak 1.500 (seribu lima ratus) "
            "keping untuk memenuhi kebutuhan pelayanan bulan Januari 2026.\n\n"
            "Adapun persediaan blangko kami saat ini sebanyak 430 keping.\n\n"
            + FORMAL_CLOSE
            + "Kepala Dinas Kependudukan dan Pencatatan Sipil\nKabupaten Nunukan\n\n"
            "H. Samsul Bahri, S.Sos\nNIP 19690817 199303 1 007\n"
        ),
        expect=E("request", "65.03", "ktp-el", requested=1500, stock_on_hand=430),
    ),
    dict(
        name="req-words-disagree",
        sender=MAL,
        subject="Permohonan blangko KTP-el",
        body=(
            "Dengan hormat,\n\nBersama ini kami mohon tambahan blangko KTP-el sebanyak 1.500 (dua ribu) keping. "
            "Sisa stok kami 600 keping.\n\nTerima kasih.\n\nDisdukcapil Kabupaten Malinau\n"
        ),
        expect=E("request", "65.02", "ktp-el", stock_on_hand=600, doubts=["requested:conflict"]),
    ),
    dict(
        name="req-formal-tarakan-letterhead-noise",
        sender=TRK,
        subject="Permohonan Penambahan Blangko KTP-el Tahun Anggaran 2026",
        body=(
            "PEMERINTAH KOTA TARAKAN\nDINAS KEPENDUDUKAN DAN PENCATATAN SIPIL\n"
            "Jl. Jenderal Sudirman No. 76 Tarakan 77111 Telp. (0551) 21187\n\n"
            "Tarakan, 14 Januari 2026\n\n"
            "Nomor    : 470/031/DKPS-TRK/I/2026\nSifat    : Penting\nPerihal  : Permohonan Blangko KTP-el\n\n"
            "Yth. Kepala Disdukcapil Provinsi Kalimantan Utara\n\nDengan hormat,\n\n"
            "Berdasarkan hasil evaluasi stok pada hari Rabu (14/01) pukul 09.30 WITA, blangko KTP-el yang "
            "tersedia di Kota Tarakan sebanyak 820 keping. Mengingat rata-rata pencetakan 140 keping per hari, "
            "kami memohon penambahan blangko sebanyak 3.000 keping.\n\n"
            "Untuk koordinasi dapat menghubungi operator kami Sdr. Andi di nomor 0812-5432-1098.\n\n"
            + FORMAL_CLOSE
            + "Kepala Dinas,\n\nIr. Hj. Nurhayati\nPembina Tk. I (IV/b)\nNIP 19720304 199803 2 004\n"
        ),
        expect=E("request", "65.71", "ktp-el", requested=3000, stock_on_hand=820),
    ),
    dict(
        name="req-formal-ktt-phone-intl",
        sender=KTT,
        subject="Usulan kebutuhan blangko KTP-el",
        body=(
            "Assalamualaikum Wr. Wb.\n\n"
            "Dengan hormat, kami dari Disdukcapil Kabupaten Tana Tidung menyampaikan bahwa stok blangko KTP-el "
            "kami tersisa 310 keping. Kami mohon dapat dikirimkan tambahan sebanyak 1.000 keping.\n\n"
            "Informasi lebih lanjut hubungi +62 552 21234 atau WA 081254321098.\n\n"
            "Wassalamualaikum Wr. Wb.\n\nKasi Pelayanan KTP-el\nDisdukcapil KTT\n"
        ),
        expect=E("request", "65.04", "ktp-el", requested=1000, stock_on_hand=310),
    ),
    # --- Requests: terse and informal ----------------------------------------------------------
    dict(
        name="req-terse-2rb",
        sender=BUL_OP,
        subject="blangko",
        body="pak, stok tinggal 400. mohon kirim 2rb ya. makasih\n",
        expect=E("request", "65.01", "ktp-el", requested=2000, stock_on_hand=400),
    ),
    dict(
        name="req-terse-2-rb",
        sender=NUN_CAP,
        subject="minta blanko",
        body="Selamat pagi bu, mohon tambahan blanko ktp el 2 rb keping, sisa kami 550 keping. Tks\n",
        expect=E("request", "65.03", "ktp-el", requested=2000, stock_on_hand=550),
    ),
    dict(
        name="req-terse-2-ribu",
        sender=MAL,
        subject="Tambahan blangko e-KTP",
        body="Mohon tambahan blangko e-KTP 2 ribu keping. Stok kami tinggal 480.\n\nSalam,\nMalinau\n",
        expect=E("request", "65.02", "ktp-el", requested=2000, stock_on_hand=480),
    ),
    dict(
        name="req-1-5-ribu",
        sender=TRK,
        subject="Permintaan blangko",
        body="Dengan hormat, kami minta tambahan blangko KTP-el 1,5 ribu keping. Sisa stok 700 keping.\nTerima kasih\n",
        expect=E("request", "65.71", "ktp-el", requested=1500, stock_on_hand=700),
    ),
    dict(
        name="req-1-5-rb",
        sender=KTT,
        subject="blanko ktp-el",
        body="Pak, stok blanko di KTT sisa 200 keping. Mohon dikirim 1,5 rb. Trims\n",
        expect=E("request", "65.04", "ktp-el", requested=1500, stock_on_hand=200),
    ),
    dict(
        name="req-seribu",
        sender=BUL,
        subject="Permohonan blangko KTP-el",
        body="Dengan hormat,\nKami mohon tambahan blangko KTP-el seribu keping karena sisa blangko tinggal 250 keping.\nTerima kasih.\n",
        expect=E("request", "65.01", "ktp-el", requested=1000, stock_on_hand=250),
    ),
    dict(
        name="req-dua-ribu-lima-ratus",
        sender=NUN,
        subject="Permohonan tambahan blangko",
        body=(
            "Yth. Bapak/Ibu,\n\nMohon tambahan blangko KTP-el dua ribu lima ratus keping untuk pelayanan "
            "jemput bola di kecamatan perbatasan. Persediaan kami saat ini 900 keping.\n\nHormat kami,\nDisdukcapil Nunukan\n"
        ),
        expect=E("request", "65.03", "ktp-el", requested=2500, stock_on_hand=900),
    ),
    dict(
        name="req-sepuluh-ribu",
        sender=TRK,
        subject="Permohonan blangko KTP-el untuk perekaman massal",
        body=(
            "Dengan hormat,\n\nSehubungan dengan kegiatan perekaman massal di 4 kecamatan, kami mengajukan "
            "permintaan blangko KTP-el sebanyak sepuluh ribu keping. Stok saat ini 1.200 keping.\n\n"
            "Terima kasih atas perhatiannya.\n"
        ),
        expect=E("request", "65.71", "ktp-el", requested=10000, stock_on_hand=1200),
    ),
    dict(
        name="req-plain-2000",
        sender=MAL,
        subject="Permohonan blangko KTP-el",
        body="Dengan hormat, mohon tambahan blangko KTP-el sebanyak 2000 keping. Sisa stok 350 keping. Terima kasih.\n",
        expect=E("request", "65.02", "ktp-el", requested=2000, stock_on_hand=350),
    ),
    dict(
        name="req-english-grouping",
        sender=BUL_OP,
        subject="Request blangko KTP-el",
        body="Mohon tambahan blangko KTP-el 2,000 pcs. Stok sisa 640 pcs.\n\nRegards,\nOperator Bulungan\n",
        expect=E("request", "65.01", "ktp-el", requested=2000, stock_on_hand=640),
    ),
    dict(
        name="req-role-order-example",
        sender=NUN_CAP,
        subject="Blangko KTP-el",
        body="Selamat siang. Sisa stok kami 750 keping, mohon tambahan 2.000 keping. Terima kasih.\n",
        expect=E("request", "65.03", "ktp-el", requested=2000, stock_on_hand=750),
    ),
    dict(
        name="req-stock-after-request",
        sender=KTT,
        subject="Permohonan blangko",
        body="Mohon tambahan blangko KTP-el sebanyak 800 keping karena persediaan kami tinggal 150 keping.\n",
        expect=E("request", "65.04", "ktp-el", requested=800, stock_on_hand=150),
    ),
    dict(
        name="req-no-stock-given",
        sender=TRK,
        subject="Permohonan blangko KTP-el",
        body="Dengan hormat,\nMohon dikirimkan blangko KTP-el sebanyak 2.500 keping.\n\nTerima kasih.\nDisdukcapil Kota Tarakan\n",
        expect=E("request", "65.71", "ktp-el", requested=2500),
    ),
    dict(
        name="req-tambahan-stok-phrase",
        sender=BUL,
        subject="Tambahan stok blangko",
        body="Mohon tambahan stok blangko KTP-el 1.000 keping. Sisa kami 300 keping.\n",
        expect=E("request", "65.01", "ktp-el", requested=1000, stock_on_hand=300),
    ),
    dict(
        name="req-under-threshold-bound",
        sender=MAL,
        subject="Stok blangko menipis",
        body=(
            "Dengan hormat,\nStok blangko KTP-el kami sudah di bawah 1.000 keping, tepatnya tinggal 740 keping. "
            "Mohon tambahan 2.000 keping.\nTerima kasih\n"
        ),
        expect=E("request", "65.02", "ktp-el", requested=2000, stock_on_hand=740),
    ),
    dict(
        name="req-bound-only",
        sender=NUN,
        subject="Permohonan blangko KTP-el",
        body="Stok blangko KTP-el kami kurang dari 1.000 keping. Mohon tambahan 2.000 keping.\n",
        expect=E("request", "65.03", "ktp-el", requested=2000, doubts=["stock_on_hand:unclear"]),
    ),
    # --- Requests: doubts --------------------------------------------------------------------
    dict(
        name="req-approx-650an",
        sender=BUL_OP,
        subject="stok blangko",
        body="pak stok tinggal 650an, mohon tambahan 1.500 keping ya\n",
        expect=E("request", "65.01", "ktp-el", requested=1500, doubts=["stock_on_hand:unclear"]),
    ),
    dict(
        name="req-approx-request",
        sender=TRK,
        subject="Kebutuhan blangko",
        body="Mohon tambahan blangko KTP-el sekitar 2.000 keping, stok kami 900 keping.\n",
        expect=E("request", "65.71", "ktp-el", stock_on_hand=900, doubts=["requested:unclear"]),
    ),
    dict(
        name="req-no-number",
        sender=KTT,
        subject="Permohonan blangko KTP-el",
        body="Dengan hormat,\nStok blangko KTP-el kami menipis. Mohon tambahan blangko secepatnya.\nTerima kasih.\n",
        expect=E("request", "65.04", "ktp-el", doubts=["requested:missing"]),
    ),
    dict(
        name="req-two-conflicting",
        sender=MAL,
        subject="Permohonan blangko",
        body=(
            "Dengan hormat, mohon tambahan blangko KTP-el sebanyak 2.000 keping.\n\n"
            "Ralat: mohon tambahan 1.500 keping saja.\n\nTerima kasih\n"
        ),
        expect=E("request", "65.02", "ktp-el", doubts=["requested:conflict"]),
    ),
    dict(
        name="req-range",
        sender=BUL,
        subject="Kebutuhan blangko KTP-el",
        body="Mohon tambahan blangko KTP-el 1.000 - 2.000 keping, sisa stok 420 keping.\n",
        expect=E("request", "65.01", "ktp-el", stock_on_hand=420, doubts=["requested:unclear"]),
    ),
    dict(
        name="req-role-unclear",
        sender=NUN_CAP,
        subject="Permohonan blangko KTP-el",
        body="Selamat pagi. Untuk blangko KTP-el: 2.000 keping. Terima kasih.\n",
        expect=E("request", "65.03", "ktp-el", doubts=["requested:unclear"]),
    ),
    dict(
        name="req-item-unnamed",
        sender=TRK,
        subject="mohon tambahan",
        body="Pak, mohon tambahan 1.000 keping, stok tinggal 300. Terima kasih\n",
        expect=E("request", "65.71", "ktp-el", requested=1000, stock_on_hand=300),
    ),
    dict(
        name="req-both-items",
        sender=BUL,
        subject="Permohonan blangko KTP-el dan KIA",
        body="Dengan hormat, mohon tambahan blangko KTP-el sebanyak 2.000 keping dan blangko KIA sebanyak 500 keping.\n",
        expect=E("request", "65.01", None, doubts=["item:both_items", "requested:conflict"]),
    ),
    # --- KIA ----------------------------------------------------------------------------------
    dict(
        name="kia-request-formal",
        sender=NUN,
        subject="Permohonan Blangko KIA",
        body=(
            "Dengan hormat,\n\nBersama ini kami mengajukan permohonan blangko Kartu Identitas Anak (KIA) "
            "sebanyak 1.000 (seribu) keping. Sisa blangko KIA kami saat ini 120 keping.\n\n"
            + FORMAL_CLOSE
            + "Disdukcapil Kabupaten Nunukan\n"
        ),
        expect=E("request", "65.03", "kia", requested=1000, stock_on_hand=120),
    ),
    dict(
        name="kia-request-terse",
        sender=MAL,
        subject="blangko kia",
        body="mohon kirim blangko kia 500 lembar, stok habis. tks\n",
        expect=E("request", "65.02", "kia", requested=500),
    ),
    dict(
        name="kia-report",
        sender=TRK,
        subject="Laporan stok blangko KIA",
        body="Laporan stok blangko KIA per 15/01/2026: sisa blangko KIA 1.340 lembar.\n",
        date="Thu, 15 Jan 2026 16:02:00 +0800",
        expect=E("stock_report", "65.71", "kia", stock_on_hand=1340, report_date="2026-01-15"),
    ),
    dict(
        name="kia-receipt",
        sender=KTT,
        subject="Penerimaan blangko KIA",
        body="Blangko KIA sebanyak 300 keping sudah kami terima dengan baik. Terima kasih.\n",
        expect=E("receipt", "65.04", "kia", received=300),
    ),
    # --- Non-quantities ----------------------------------------------------------------------
    dict(
        name="noise-letter-number-only",
        sender=BUL,
        subject="Surat Nomor 470/215/Disdukcapil/XI/2022",
        body=(
            "Dengan hormat,\nBersama ini kami kirimkan kembali surat Nomor: 470/215/Disdukcapil/XI/2022 "
            "tanggal 17/12/2022 perihal pendataan operator SIAK untuk arsip Bapak/Ibu.\n\nTerima kasih.\n"
        ),
        expect=E("other", "65.01"),
    ),
    dict(
        name="noise-dates-and-times",
        sender=MAL,
        subject="Jadwal pengambilan blangko",
        body=(
            "Selamat siang, staf kami akan datang mengambil laporan pada hari Kamis (17/12) pukul 09.30 WITA. "
            "Mohon konfirmasi ke nomor 0812-5432-1098.\n"
        ),
        expect=E("other", "65.02"),
    ),
    dict(
        name="noise-nip-street-request",
        sender=TRK,
        subject="Permohonan blangko KTP-el",
        body=(
            "Kami mohon tambahan blangko KTP-el sebanyak 1.200 keping.\n\n"
            "Hormat kami,\nAgus Salim, S.Kom\nNIP 19850214 201001 1 012\nJl. Mulawarman No. 25, RT 03 Tarakan\n"
            "HP 0813-4567-8910\n"
        ),
        expect=E("request", "65.71", "ktp-el", requested=1200),
    ),
    dict(
        name="noise-year-tahun-anggaran",
        sender=KTT,
        subject="Permohonan blangko Tahun Anggaran 2026",
        body=(
            "Dengan hormat, dalam rangka pelayanan Tahun Anggaran 2026 kami mohon tambahan blangko KTP-el "
            "sebanyak 700 keping. Stok per 31 Desember 2025 sebanyak 95 keping.\n"
        ),
        date="Mon, 05 Jan 2026 08:00:00 +0800",
        expect=E("request", "65.04", "ktp-el", requested=700, stock_on_hand=95),
    ),
    dict(
        name="noise-percent-and-days",
        sender=NUN,
        subject="Permohonan blangko",
        body=(
            "Capaian perekaman kami sudah 96% dari wajib KTP. Stok blangko KTP-el cukup untuk 5 hari lagi, "
            "yaitu 600 keping. Mohon tambahan 2.000 keping.\n"
        ),
        expect=E("request", "65.03", "ktp-el", requested=2000, stock_on_hand=600),
    ),
    dict(
        name="noise-rate-per-day",
        sender=BUL,
        subject="Permohonan tambahan blangko",
        body="Pemakaian blangko kami rata-rata 110 keping per hari. Sisa stok 780 keping, mohon tambahan 3.000 keping.\n",
        expect=E("request", "65.01", "ktp-el", requested=3000, stock_on_hand=780),
    ),
    dict(
        name="noise-postal-code",
        sender=MAL,
        subject="Permohonan blangko KTP-el",
        body=(
            "Mohon tambahan blangko KTP-el 1.000 keping, sisa 260 keping.\n\n"
            "Disdukcapil Kabupaten Malinau\nJl. Raja Pandita, Malinau Kota 77554\n"
        ),
        expect=E("request", "65.02", "ktp-el", requested=1000, stock_on_hand=260),
    ),
    # --- Reports --------------------------------------------------------------------------------
    dict(
        name="report-pipe-inline",
        sender=BUL_OP,
        subject="Laporan harian Bulungan",
        body="Laporan harian 17/12: Perekaman: 134 | Pencetakan: 97 | Sisa blangko: 812\n",
        date="Thu, 17 Dec 2026 16:30:00 +0800",
        expect=E("stock_report", "65.01", "ktp-el", recorded=134, printed=97, stock_on_hand=812, report_date="2026-12-17"),
    ),
    dict(
        name="report-domain-example",
        sender=NUN,
        subject="Laporan harian",
        body="Laporan harian 17/12: perekaman 134, pencetakan 97, sisa blangko 812\n",
        date="Fri, 18 Dec 2026 07:30:00 +0800",
        expect=E("stock_report", "65.03", "ktp-el", recorded=134, printed=97, stock_on_hand=812, report_date="2026-12-17"),
    ),
    dict(
        name="report-year-boundary",
        sender=TRK,
        subject="Laporan harian 31/12",
        body="Laporan harian 31/12\nPerekaman 88 orang\nPencetakan 75 keping\nSisa blangko 1.430 keping\n",
        date="Fri, 02 Jan 2026 08:10:00 +0800",
        expect=E("stock_report", "65.71", "ktp-el", recorded=88, printed=75, stock_on_hand=1430, report_date="2025-12-31"),
    ),
    dict(
        name="report-formal-lines",
        sender=MAL,
        subject="Laporan Kegiatan Perekaman KTP-el",
        body=(
            "Dengan hormat,\n\nBersama ini kami sampaikan laporan kegiatan perekaman dan pencetakan KTP-el "
            "Kabupaten Malinau tanggal 20 Januari 2026 sebagai berikut:\n\n"
            "1. Jumlah perekaman    : 56 orang\n2. Jumlah pencetakan   : 49 keping\n"
            "3. Blangko rusak       : 2 keping\n4. Sisa blangko        : 2.315 keping\n\n"
            + FORMAL_CLOSE
        ),
        date="Tue, 20 Jan 2026 15:45:00 +0800",
        expect=E("stock_report", "65.02", "ktp-el", recorded=56, printed=49, stock_on_hand=2315, report_date="2026-01-20"),
    ),
    dict(
        name="report-terse-no-unit",
        sender=KTT,
        subject="lap harian",
        body="rekam 12, cetak 10, sisa 455\n",
        date="Wed, 21 Jan 2026 16:00:00 +0800",
        expect=E("stock_report", "65.04", "ktp-el", recorded=12, printed=10, stock_on_hand=455),
    ),
    dict(
        name="report-stock-only",
        sender=BUL,
        subject="Update stok blangko",
        body="Update stok blangko KTP-el Bulungan per 22/01/2026: 3.410 keping.\n",
        date="Thu, 22 Jan 2026 10:00:00 +0800",
        expect=E("stock_report", "65.01", "ktp-el", stock_on_hand=3410, report_date="2026-01-22"),
    ),
    dict(
        name="report-stock-sebanyak",
        sender=BUL,
        subject="Update stok blangko",
        body="Update: sisa stok blangko KTP-el Bulungan per 22/01/2026 sebanyak 3.410 keping.\n",
        date="Thu, 22 Jan 2026 10:00:00 +0800",
        expect=E("stock_report", "65.01", "ktp-el", stock_on_hand=3410, report_date="2026-01-22"),
    ),
    dict(
        name="report-text-table",
        sender=NUN_CAP,
        subject="Rekap perekaman minggu ini",
        body=(
            "Berikut rekap perekaman dan pencetakan minggu ini:\n\n"
            "Tanggal | Perekaman | Pencetakan | Sisa Blangko\n"
            "19/01/2026 | 140 | 122 | 2.880\n"
            "20/01/2026 | 131 | 118 | 2.762\n"
            "21/01/2026 | 127 | 109 | 2.653\n\n"
            "Terima kasih.\n"
        ),
        date="Wed, 21 Jan 2026 17:00:00 +0800",
        expect=E("stock_report", "65.03", "ktp-el", recorded=127, printed=109, stock_on_hand=2653, report_date="2026-01-21"),
    ),
    dict(
        name="report-cumulative-ignored",
        sender=TRK,
        subject="Laporan harian perekaman",
        body=(
            "Laporan harian tanggal 23/01/2026:\n"
            "- Perekaman hari ini 145 orang (kumulatif bulan ini 2.310 orang)\n"
            "- Pencetakan hari ini 131 keping\n- Sisa blangko 4.020 keping\n"
        ),
        date="Fri, 23 Jan 2026 16:20:00 +0800",
        expect=E("stock_report", "65.71", "ktp-el", recorded=145, printed=131, stock_on_hand=4020, report_date="2026-01-23"),
    ),
    dict(
        name="report-with-request",
        sender=KTT,
        subject="Laporan harian dan permohonan blangko",
        body=(
            "Laporan harian 26/01: perekaman 14 orang, pencetakan 11 keping, sisa blangko 180 keping.\n"
            "Mohon tambahan blangko 1.000 keping.\n"
        ),
        date="Mon, 26 Jan 2026 15:00:00 +0800",
        expect=E("request", "65.04", "ktp-el", recorded=14, printed=11, stock_on_hand=180, requested=1000),
    ),
    dict(
        name="report-kia-and-ktp-columns",
        sender=BUL,
        subject="Laporan stok blangko",
        body="Laporan stok per 27/01/2026: sisa blangko KTP-el 2.100 keping, sisa blangko KIA 640 keping.\n",
        date="Tue, 27 Jan 2026 09:00:00 +0800",
        expect=E("stock_report", "65.01", None, doubts=["item:item", "stock_on_hand:conflict"]),
    ),
    dict(
        name="report-prr-pending",
        sender=NUN,
        subject="Laporan harian Disdukcapil Nunukan",
        body=(
            "Laporan harian Senin, 26 Januari 2026\nPerekaman: 152\nPencetakan: 140\n"
            "Belum dicetak (PRR): 37\nSisa blangko: 2.201\n"
        ),
        date="Mon, 26 Jan 2026 16:45:00 +0800",
        expect=E("stock_report", "65.03", "ktp-el", recorded=152, printed=140, stock_on_hand=2201, report_date="2026-01-26"),
    ),
    # --- Spreadsheets -------------------------------------------------------------------------
    dict(
        name="xlsx-report-latest-row",
        sender=MAL,
        subject="Laporan harian perekaman (terlampir)",
        body="Dengan hormat, terlampir laporan harian perekaman dan pencetakan KTP-el.\n\nTerima kasih.\n",
        layout="mixed",
        attachments=(
            xlsx_part(
                "laporan_malinau_januari.xlsx",
                [
                    ["Tanggal", "Perekaman", "Pencetakan", "Sisa Blangko"],
                    ["19/01/2026", 61, 55, 2510],
                    ["21/01/2026", 58, 50, 2404],
                    ["20/01/2026", 47, 46, 2454],
                ],
            ),
        ),
        date="Wed, 21 Jan 2026 16:00:00 +0800",
        expect=E("stock_report", "65.02", "ktp-el", recorded=58, printed=50, stock_on_hand=2404, report_date="2026-01-21"),
    ),
    dict(
        name="xlsx-report-real-dates",
        sender=BUL_OP,
        subject="Lap harian",
        body="terlampir pak\n",
        layout="mixed",
        attachments=(
            xlsx_part(
                "rekap.xlsx",
                [
                    ["REKAP HARIAN DISDUKCAPIL BULUNGAN"],
                    [],
                    ["No", "Tanggal", "Perekaman", "Pencetakan", "Blangko Rusak", "Sisa Blangko"],
                    [1, __import__("datetime").datetime(2026, 1, 26), 120, 101, 1, 3120],
                    [2, __import__("datetime").datetime(2026, 1, 27), 112, 99, 0, 3021],
                    ["Jumlah", None, 232, 200, 1, None],
                ],
            ),
        ),
        date="Tue, 27 Jan 2026 17:00:00 +0800",
        expect=E("stock_report", "65.01", "ktp-el", recorded=232, printed=200, stock_on_hand=3021, report_date="2026-01-27"),
    ),
    dict(
        name="xlsx-with-pdf",
        sender=TRK,
        subject="Laporan harian Kota Tarakan",
        body="Berikut kami lampirkan laporan harian (xlsx) dan surat pengantar (pdf).\n",
        layout="mixed",
        attachments=(
            pdf_part("surat_pengantar.pdf"),
            xlsx_part(
                "laporan.xlsx",
                [["Tanggal", "Perekaman", "Pencetakan", "Sisa Blangko"], ["28/01/2026", 150, 138, 3880]],
            ),
        ),
        date="Wed, 28 Jan 2026 16:30:00 +0800",
        expect=E("stock_report", "65.71", "ktp-el", recorded=150, printed=138, stock_on_hand=3880, report_date="2026-01-28"),
    ),
    dict(
        name="xlsx-request-sheet",
        sender=NUN,
        subject="Permohonan blangko KTP-el (data terlampir)",
        body="Dengan hormat, mohon tambahan blangko KTP-el sesuai data terlampir.\n",
        layout="mixed",
        attachments=(
            xlsx_part(
                "permohonan.xlsx",
                [["Tanggal", "Sisa Stok", "Permintaan"], ["29/01/2026", 610, 2000]],
            ),
        ),
        date="Thu, 29 Jan 2026 10:00:00 +0800",
        expect=E("request", "65.03", "ktp-el", requested=2000, stock_on_hand=610),
    ),
    # --- Receipts -------------------------------------------------------------------------------
    dict(
        name="receipt-domain-example",
        sender=BUL,
        subject="Penerimaan blangko KTP-el",
        body="Dengan hormat,\nBlangko sebanyak 2.000 keping sudah kami terima dengan baik.\nTerima kasih.\n",
        expect=E("receipt", "65.01", "ktp-el", received=2000),
    ),
    dict(
        name="receipt-formal-with-stock",
        sender=NUN,
        subject="Tanda terima blangko KTP-el",
        body=(
            "Dengan hormat,\n\nBersama ini kami sampaikan bahwa blangko KTP-el sebanyak 1.500 (seribu lima ratus) "
            "keping telah kami terima pada tanggal 15 Januari 2026. Dengan demikian sisa stok kami saat ini "
            "menjadi 1.930 keping.\n\n" + FORMAL_CLOSE
        ),
        expect=E("receipt", "65.03", "ktp-el", received=1500, stock_on_hand=1930),
    ),
    dict(
        name="receipt-kiriman-noun",
        sender=MAL,
        subject="kiriman blangko sudah sampai",
        body="Selamat sore, kiriman blangko KTP-el 2.000 keping sudah sampai di kantor kami hari ini. Terima kasih banyak.\n",
        expect=E("receipt", "65.02", "ktp-el", received=2000),
    ),
    dict(
        name="receipt-menerima-tambahan",
        sender=TRK,
        subject="Konfirmasi penerimaan",
        body="Kami sudah menerima tambahan blangko KTP-el 3.000 keping. Terima kasih Pak.\n",
        expect=E("receipt", "65.71", "ktp-el", received=3000),
    ),
    dict(
        name="receipt-no-number",
        sender=KTT,
        subject="Blangko sudah diterima",
        body="Blangko KTP-el sudah kami terima, terima kasih.\n",
        expect=E("receipt", "65.04", "ktp-el", doubts=["received:missing"]),
    ),
    dict(
        name="receipt-and-new-request",
        sender=BUL_OP,
        subject="blangko",
        body="Pak, blangko 2.000 kemarin sudah kami terima. Karena jemput bola, mohon tambahan lagi 1.000 keping.\n",
        expect=E("request", "65.01", "ktp-el", received=2000, requested=1000),
    ),
    dict(
        name="receipt-terima-kasih-only-thanks",
        sender=NUN_CAP,
        subject="Terima kasih",
        body="Terima kasih atas bantuan dan kerjasamanya selama ini, Pak.\n",
        expect=E("other", "65.03"),
    ),
]
