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
