"""Corpus cases, part 4: what a second, independent set of district mail showed the reader missed.

Each case stands for a rule: a figure asked about is not a figure stated; the press (a forwarded
article, a journalist) states no district's figures; "target perekaman" is no recording count; a
physical count set against the register's stock is a conflict; the blank named with the figure
asked for is the item, and figures said of the other blank are dropped; wrapped prose carries its
unit and its side remark over the line break; phone shorthand ("mhn", "trima"); a subject that asks a
question is no request; a recap of dated lines is read like a report table (the latest line wins).
"""

from __future__ import annotations

from kit import BUL_OP, KTT, MAL, NUN, NUN_CAP, TRK, E

CLERK2_CASES: list[dict[str, object]] = [
    # --- Figures asked about, and the press ---------------------------------------------------------
    dict(
        name="clerk2-journalist-asks-province-stock",
        sender="Rina Kusuma <rina.kusuma.news@gmail.com>",
        subject="Permintaan konfirmasi data blangko KTP-el",
        body=(
            "Selamat pagi,\n\n"
            "Saya Rina, wartawan Tribun Kaltara. Kami sedang menulis tentang persediaan blangko KTP-el di\n"
            "Kaltara. Apakah benar stok di gudang provinsi sekarang sekitar 58 ribu keping? Lalu berapa\n"
            "yang sudah dikirim ke kabupaten/kota bulan ini?\n\n"
            "Bisa dihubungi di 0813-4702-5561.\n\nSalam,\nRina Kusuma\n"
        ),
        html=(
            "<div>Selamat pagi,<br><br>Saya Rina, wartawan Tribun Kaltara. Kami sedang menulis tentang persediaan "
            "blangko KTP-el di Kaltara. Apakah benar stok di gudang provinsi sekarang sekitar 58 ribu keping? "
            "Lalu berapa yang sudah dikirim ke kabupaten/kota bulan ini?<br><br>Bisa dihubungi di "
            "0813-4702-5561.<br><br>Salam,<br>Rina Kusuma</div>"
        ),
        layout="alt",
        cte="quoted-printable",
        expect=E("other", known=False),
    ),
    dict(
        name="clerk2-question-about-stock-figure-not-stated",
        sender=NUN_CAP,
        subject="konfirmasi",
        body=(
            "pak, apakah benar sisa blangko di gudang kami tercatat 1.250 keping di aplikasi? "
            "soalnya operator baru belum paham.\n\nCapil Nunukan\n"
        ),
        expect=E("other", "65.03"),
    ),
    dict(
        name="clerk2-request-put-as-a-question-still-asks",
        sender=KTT,
        subject="blangko",
        body=(
            "Selamat siang pak, sisa blangko kami 380 keping. Apakah bisa dikirim 1.500 keping minggu ini?\n\n"
            "Dukcapil KTT\n"
        ),
        expect=E("request", "65.04", "ktp-el", requested=1500, stock_on_hand=380),
    ),
    dict(
        name="clerk2-news-article-forwarded",
        sender=NUN,
        subject="Fwd: Persediaan 88 Ribu Blangko KTP-el Aman hingga Akhir Tahun",
        body=(
            "Info pak, ada berita soal stok blangko.\n\n"
            "---------- Pesan terusan ---------\n"
            "Dari: Redaksi Benuanta News <redaksi@benuanta.example>\n"
            "Tanggal: Sen, 2 Feb 2026 pukul 07.15\n"
            "Subjek: Persediaan 88 Ribu Blangko KTP-el Aman hingga Akhir Tahun\n"
            "Kepada: <disdukcapil@nunukankab.example>\n\n\n"
            "TANJUNG SELOR - Persediaan blangko KTP-el di Kalimantan Utara dipastikan aman. Saat ini\n"
            "tersedia sekitar 88.000 keping, terdiri dari 61.000 keping di gudang provinsi dan 27.000\n"
            "keping di kabupaten/kota.\n\n"
            "\"Daerah yang stoknya di bawah 1.000 keping silakan mengajukan permohonan tambahan blangko,\"\n"
            "ujar Kepala Disdukcapil Kaltara.\n"
        ),
        expect=E("other", "65.03"),
    ),
    # --- A target, and a second count of the stock --------------------------------------------------
    dict(
        name="clerk2-outreach-schedule-with-target",
        sender=KTT,
        subject="Jadwal layanan keliling Februari 2026",
        body=(
            "Yth. Admin Blangko Provinsi,\n\n"
            "Bersama ini kami sampaikan jadwal layanan keliling Disdukcapil Kab. Tana Tidung bulan Februari:\n\n"
            "- 3-5 Feb  : Kec. Sesayap Hilir (target perekaman 250 jiwa)\n"
            "- 10-12 Feb: Kec. Tana Lia\n"
            "- 17-19 Feb: Kec. Betayau, berangkat pkl 07.00\n\n"
            "Hasilnya akan kami sampaikan bersama laporan harian.\n\nSalam,\nDisdukcapil Tana Tidung\n"
        ),
        expect=E("other", "65.04"),
    ),
    dict(
        name="clerk2-report-register-and-physical-count-differ",
        sender=BUL_OP,
        subject="Laporan harian 14/01",
        body=(
            "Laporan harian Kab. Bulungan 14 Januari 2026\n\n"
            "Perekaman : 87\nPencetakan : 75\nSisa blangko (data aplikasi) : 2.310 keping\n\n"
            "Catatan: hasil hitung fisik di gudang hari ini 2.130 keping, selisihnya sedang kami cek.\n\n"
            "Operator Bulungan\n"
        ),
        expect=E("stock_report", "65.01", "ktp-el", recorded=87, printed=75, doubts=["stock_on_hand:conflict"]),
    ),
    dict(
        name="clerk2-stock-with-unexplained-discrepancy",
        sender=MAL,
        subject="Update stok blangko",
        body=(
            "Yth. Admin,\n\nSisa stok blangko KTP-el kami 640 keping.\n"
            "Ada 460 keping yang tercatat di kartu gudang, masih ada selisih, kami telusuri dulu.\n\n"
            "Disdukcapil Malinau\n"
        ),
        expect=E("stock_report", "65.02", "ktp-el", doubts=["stock_on_hand:conflict"]),
    ),
    # --- Which blank ----------------------------------------------------------------------------------
    dict(
        name="clerk2-kia-request-ktp-fine-wrapped-remark",
        sender=NUN,
        subject="Permohonan blangko KIA",
        body=(
            "Yth. Admin Blangko Disdukcapil Provinsi Kalimantan Utara\n\n"
            "Dengan hormat, kami sampaikan bahwa persediaan blangko KTP-el di Disdukcapil Kabupaten Nunukan\n"
            "masih cukup untuk bulan ini. Akan tetapi blangko KIA (Kartu Identitas Anak) saat ini tersisa\n"
            "175 lembar, sementara layanan KIA di sekolah-sekolah sedang berjalan.\n\n"
            "Oleh karena itu kami mohon tambahan blangko KIA sebanyak 700 lembar.\n\n"
            "Terima kasih.\n\nOperator KIA\nDisdukcapil Kab. Nunukan\n"
        ),
        expect=E("request", "65.03", "kia", requested=700, stock_on_hand=175),
    ),
    dict(
        name="clerk2-kia-request-ktp-figure-said-fine",
        sender=TRK,
        subject="Permohonan blangko KIA",
        body=(
            "Yth. Admin Blangko Provinsi,\n\n"
            "Posisi stok kami hari ini: blangko KTP-el masih 2.750 keping (aman), sedangkan blangko KIA\n"
            "tinggal 95 lembar.\n\n"
            "Untuk itu kami mohon tambahan blangko KIA sebanyak 600 lembar. Untuk KTP-el belum perlu\n"
            "tambahan.\n\nTerima kasih.\nDisdukcapil Kota Tarakan\n"
        ),
        expect=E("request", "65.71", "kia", requested=600, stock_on_hand=95),
    ),
    dict(
        name="clerk2-ktp-request-kia-figure-dropped",
        sender=MAL,
        subject="Permohonan blangko KTP-el",
        body=(
            "Yth. Admin,\n\nStok blangko KIA kami masih 900 lembar. Blangko KTP-el tinggal 310 keping,\n"
            "mohon tambahan blangko KTP-el 1.200 keping.\n\nDisdukcapil Malinau\n"
        ),
        expect=E("request", "65.02", "ktp-el", requested=1200, stock_on_hand=310),
    ),
    # --- Phone shorthand ------------------------------------------------------------------------------
    dict(
        name="clerk2-phone-receipt-trima-rb",
        sender=NUN_CAP,
        subject="Re: Pengiriman blangko KTP-el",
        body="pak blangko 2rb sdh kami trima tadi pagi, lengkap. trmksh\n\nDikirim dari Yahoo Mail di Android\n",
        expect=E("receipt", "65.03", "ktp-el", received=2000),
    ),
    dict(
        name="clerk2-phone-request-mhn-abbrev",
        sender=BUL_OP,
        subject="blangko segera",
        body=(
            "pak, kiriman yg kmrn blm smp, stok sdh tinggal 140 keping, tdk cukup utk bsk krn ada perekaman "
            "di sekolah dgn 3 alat rekam.\nmhn dikirim 1.500 keping dl ya pak.\ntrmksh\n\n"
            "Dikirim dari ponsel Samsung Galaxy saya.\n"
        ),
        expect=E("request", "65.01", "ktp-el", requested=1500, stock_on_hand=140),
    ),
    # --- Questions about the procedure ------------------------------------------------------------------
    dict(
        name="clerk2-procedure-question-subject-and-wrapped-body",
        sender=NUN,
        subject="Pertanyaan tata cara permohonan blangko",
        body=(
            "Yth. Admin Blangko,\n\n"
            "Mohon izin bertanya, apabila nanti kami mengajukan permohonan tambahan blangko, apakah cukup\n"
            "dengan email dari alamat dinas ini atau harus dengan surat yang ditandatangani Kepala Dinas?\n\n"
            "Terima kasih.\nDisdukcapil Nunukan\n"
        ),
        expect=E("other", "65.03"),
    ),
    # --- Reports -------------------------------------------------------------------------------------
    dict(
        name="clerk2-report-in-words-wrapped-unit",
        sender=MAL,
        subject="Laporan kegiatan pelayanan KTP-el 14 Januari 2026",
        body=(
            "Yth. Kepala Bidang Pelayanan Pendaftaran Penduduk\nDisdukcapil Provinsi Kalimantan Utara\n\n"
            "Dengan hormat,\n"
            "Bersama ini kami laporkan kegiatan pelayanan KTP-el Kabupaten Malinau pada hari Rabu,\n"
            "14 Januari 2026, yaitu perekaman sebanyak empat puluh satu orang, pencetakan sebanyak tiga puluh lima\n"
            "keping, dan sisa blangko KTP-el sebanyak tujuh ratus dua puluh keping.\n\n"
            "Demikian laporan ini kami sampaikan.\n\n"
            "Kepala Bidang PIAK,\nYOSEPH ULUN, S.Kom\nNIP. 19810315 200604 1 003\n"
        ),
        expect=E("stock_report", "65.02", "ktp-el", recorded=41, printed=35, stock_on_hand=720),
    ),
    dict(
        name="clerk2-weekly-recap-dated-lines",
        sender=TRK,
        subject="Rekap mingguan 5-9 Januari 2026",
        body=(
            "Yth. Admin Provinsi,\n\nRekap kegiatan minggu ini:\n\n"
            "- Senin 5/1   : rekam 88, cetak 80, sisa 2.140\n"
            "- Selasa 6/1  : rekam 95, cetak 86, sisa 2.054\n"
            "- Rabu 7/1    : rekam 79, cetak 77, sisa 1.977\n"
            "- Kamis 8/1   : rekam 102, cetak 91, sisa 1.886\n"
            "- Jumat 9/1   : rekam 84, cetak 70, sisa 1.816\n\n"
            "Salam,\nDisdukcapil Kota Tarakan\n"
        ),
        # A weekly recap: what was done is the week's (the days added up); the stock is the last day's.
        expect=E(
            "stock_report", "65.71", "ktp-el", recorded=448, printed=404, stock_on_hand=1816, report_date="2026-01-09"
        ),
    ),
    dict(
        name="clerk2-two-undated-lines-still-conflict",
        sender=KTT,
        subject="Laporan stok",
        body="Laporan stok blangko:\n- pagi: sisa 1.120\n- sore: sisa 1.090\n\nDisdukcapil Tana Tidung\n",
        expect=E("stock_report", "65.04", "ktp-el", doubts=["stock_on_hand:conflict"]),
    ),
]
