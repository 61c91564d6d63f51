"""Rules for district mail after an election: a Horde quote line over the report a correction answers, a
shipment told in a bracket after a report's stock, ...; each test is a short mail with other words and figures."""

from __future__ import annotations

from tests.reader.conftest import mail

TANA_TIDUNG = "Disdukcapil Tana Tidung <disdukcapil@tanatidungkab.example>"
NUNUKAN = "Disdukcapil Nunukan <disdukcapil@nunukankab.example>"
BULUNGAN = "Operator Bulungan <operator.bulungan@bulungankab.example>"


def test_a_horde_quote_line_ends_the_new_text_of_a_correction() -> None:
    read = mail(TANA_TIDUNG, "Re: Laporan harian 4 Maret",
                "Selamat sore,\nMohon diralat: pencetakan kemarin 41 (bukan 45), jadi sisa blangko 2.310.\n\n"
                "Salam,\nYosef\n\n"
                "----- Pesan dari Yosef <disdukcapil@tanatidungkab.example> ---------\n"
                "   perekaman 57, pencetakan 45, sisa blangko 2.306")
    assert read["printed"] == 41 and read["stock_on_hand"] == 2310
    assert read["recorded"] is None


def test_a_shipment_in_a_bracket_after_the_stock_is_no_receipt_of_the_report() -> None:
    read = mail(TANA_TIDUNG, "Lap harian 2 April",
                "Selamat siang,\nrekam 31, cetak 29, sisa blangko 2.204 (kiriman 1.500 tgl 28 Maret sudah tiba).\n"
                "Terima kasih.")
    assert read["kind"] == "stock_report" and read["stock_on_hand"] == 2204
    assert read["received"] is None and read["printed"] == 29


def test_the_request_a_receipt_is_measured_against_in_a_bracket_is_no_new_request() -> None:
    read = mail(NUNUKAN, "Konfirmasi blangko KIA",
                "Dear Bapak/Ibu,\nBlangko KIA sudah tiba siang ini, kami terima 800 lembar (dibulatkan per dus dari "
                "permohonan 760). Thank you.")
    assert read["kind"] == "receipt" and read["received"] == 800
    assert read["requested"] is None
