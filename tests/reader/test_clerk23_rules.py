"""Rules for a shortage month: loans offered between districts, stock given per recording site, partial deliveries
said against the whole asked, and terse receipts."""

from __future__ import annotations

from tests.reader.conftest import read_plain

BULUNGAN = "disdukcapil@bulungankab.example"
NUNUKAN = "disdukcapil@nunukankab.example"
TARAKAN = "disdukcapil@tarakankota.example"


# --- Loans offered to another district ---------------------------------------------------------


def test_an_offer_to_lend_after_the_other_districts_stock_is_no_stock_and_no_report() -> None:
    verdict = read_plain(
        "Tawaran pinjaman blangko",
        "Yth. Bapak Kabid,\n\nMelihat kondisi stok di Kabupaten Nunukan, Kabupaten Bulungan siap meminjamkan "
        "blangko KTP-el sebanyak 700 keping kepada Disdukcapil Nunukan sampai kiriman Kemendagri datang. "
        "Mohon persetujuan.\n\nHormat kami,\nDisdukcapil Bulungan",
        sender=BULUNGAN,
    )
    assert (verdict.kind, verdict.stock_on_hand, verdict.requested) == ("other", None, None)


def test_a_stock_said_after_a_loan_made_is_the_stock() -> None:
    verdict = read_plain(
        "Pinjaman blangko ke Nunukan",
        "Dengan hormat, Disdukcapil Kota Tarakan telah meminjamkan blangko KTP-el sebanyak 250 keping kepada "
        "Kabupaten Nunukan. Sisa stok KTP-el kami setelah pinjaman 1.140 keping.\n\nHormat kami",
        sender=TARAKAN,
    )
    assert (verdict.kind, verdict.stock_on_hand, verdict.received) == ("stock_report", 1140, None)


# --- A partial delivery said against the whole asked ---------------------------------------------


def test_the_whole_a_received_part_is_of_is_no_ask() -> None:
    verdict = read_plain(
        "kiriman sebagian",
        "Pagi pak, baru diterima blangko KTP-el 800 keping dari 2.400 keping yang kami ajukan minggu lalu. "
        "Sisanya kami tunggu.\n\nOperator",
        sender=NUNUKAN,
    )
    assert (verdict.kind, verdict.received, verdict.requested) == ("receipt", 800, None)


# --- Stock given per recording site -------------------------------------------------------------


def test_a_list_per_site_without_a_total_is_summed() -> None:
    verdict = read_plain(
        "stok per lokasi",
        "Sisa blangko KTP-el per lokasi hari ini:\nKantor Dinas : 275\nUPT Krayan : 90\nMPP Nunukan : 45\n\n"
        "Perekaman : 102\nPencetakan : 97\n",
        sender=NUNUKAN,
    )
    assert (verdict.stock_on_hand, verdict.recorded, verdict.printed) == (410, 102, 97)


def test_a_list_per_site_with_a_site_unreported_or_left_out_gives_no_stock() -> None:
    unreported = read_plain(
        "stok per lokasi",
        "Sisa blangko per lokasi:\nKantor : 275\nUPT Krayan : 90\nSebatik : belum lapor\n\nPerekaman : 102\n",
        sender=NUNUKAN,
    )
    left_out = read_plain(
        "stok per lokasi",
        "Sisa blangko per UPT:\nUPT Krayan : 90\nUPT Sebatik : 70\n\nBelum termasuk stok di gudang dinas.\n",
        sender=NUNUKAN,
    )
    assert (unreported.stock_on_hand, unreported.recorded, left_out.stock_on_hand) == (None, 102, None)


def test_a_list_per_site_on_one_line_is_summed() -> None:
    verdict = read_plain(
        "stok per lokasi",
        "Siang pak, sisa blangko KTP-el kami per lokasi: Kantor 620, MPP 85, Kec. Sebatik Barat 40.\n"
        "Perekaman hari ini 77.\n\nAndi",
        sender=NUNUKAN,
    )
    assert (verdict.stock_on_hand, verdict.recorded) == (745, 77)


def test_a_one_line_list_per_site_with_an_estimate_gives_no_stock() -> None:
    verdict = read_plain(
        "stok per lokasi",
        "Siang pak, stok blangko kami per lokasi: Kantor 620, MPP sekitar 85.\nPerekaman hari ini 77.",
        sender=NUNUKAN,
    )
    assert (verdict.stock_on_hand, verdict.recorded) == (None, 77)


# --- Terse phone mail --------------------------------------------------------------------------


def test_a_count_of_blanks_after_a_phones_smp_is_received_not_a_school() -> None:
    arrived = read_plain("blanko", "udh smp 750 kpg blanko ktp el dr prov, mksh pak.\n\nfauzi", sender=NUNUKAN)
    school = read_plain("jemput bola", "jemput bola di SMP 2 hari ini, perekaman 45.\n\nfauzi", sender=NUNUKAN)
    assert (arrived.kind, arrived.received, school.recorded) == ("receipt", 750, 45)


def test_an_empty_blank_closing_a_line_of_counts_is_a_stock_of_zero() -> None:
    verdict = read_plain(
        "lap harian", "lap 3/3: rekam 24, cetak 0, blangko kosong. warga kami data dulu", sender=NUNUKAN,
    )
    assert (verdict.kind, verdict.stock_on_hand, verdict.printed, verdict.recorded) == ("stock_report", 0, 0, 24)


# --- A loan received from another district -----------------------------------------------------


def test_a_loan_received_from_another_district_is_the_writers_receipt() -> None:
    verdict = read_plain(
        "Penerimaan pinjaman blangko",
        "Dengan ini kami laporkan bahwa Disdukcapil Kabupaten Nunukan telah menerima pinjaman blangko KTP-el dari "
        "Disdukcapil Kabupaten Bulungan sebanyak 400 (empat ratus) keping pada tanggal 3 Maret. Mohon dicatat.",
        sender=NUNUKAN,
    )
    assert (verdict.kind, verdict.received) == ("receipt", 400)


def test_another_districts_receipt_stays_theirs() -> None:
    verdict = read_plain(
        "Info",
        "Kami dengar Kabupaten Bulungan telah menerima 3.000 keping blangko KTP-el dari provinsi. Sisa stok kami "
        "650 keping.",
        sender=NUNUKAN,
    )
    assert (verdict.received, verdict.stock_on_hand) == (None, 650)
