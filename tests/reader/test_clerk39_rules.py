"""Rules for mail of seven writers: a figure of yesterday beside today's in phone slang, a stock given per
warehouse with its total, corrections set beside the old figure, and numbered points with each figure after a
colon. Each test is a short mail with its own words."""

from __future__ import annotations

from tests.reader.conftest import mail

NUNUKAN = "Capil Nunukan <capil.nunukan@nunukankab.example>"
BULUNGAN = "Disdukcapil Bulungan <disdukcapil@bulungankab.example>"
MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"


# --- Yesterday's figure and today's ----------------------------------------------------------


def test_slang_now_word_after_yesterdays_stock_takes_todays() -> None:
    read = mail(NUNUKAN, "lap", "kmrn sisa 980 skrg 905 ya pak\ncetak 75")
    assert read["stock_on_hand"] == 905


# --- Counts that are no blanks ---------------------------------------------------------------


def test_a_count_of_warehouses_after_the_stock_word_is_no_stock() -> None:
    read = mail(NUNUKAN, "mnta blangko", "pak stok 3 gudang total 720 (induk 500, sebatik 120, loket 100)\nmnta 1rb ya")
    assert read["stock_on_hand"] != 3 and read["requested"] == 1000


def test_cards_taken_off_as_damaged_with_a_relative_word_are_no_stock() -> None:
    read = mail(MALINAU, "Laporan",
                "Dengan hormat, sisa blangko KTP-el pada kami, setelah dikurangi 4 (empat) keping yang rusak, "
                "adalah 910 (sembilan ratus sepuluh) keping. Demikian.")
    assert read["stock_on_hand"] != 4


# --- A stock in two warehouses ---------------------------------------------------------------


def test_a_sum_written_out_gives_its_total_as_the_stock() -> None:
    read = mail(NUNUKAN, "lap", "lap hr ini\nrekam 95\ncetak 90\nsisa gdg kota 640 + sebuku 215 = 855 👍")
    assert read["stock_on_hand"] == 855 and read["printed"] == 90


def test_a_sum_written_out_that_does_not_add_up_is_asked() -> None:
    read = mail(NUNUKAN, "lap", "lap hr ini\nrekam 95\ncetak 90\nsisa gdg kota 640 + sebuku 215 = 875 👍")
    assert read["stock_on_hand"] is None


# --- Corrections beside the old figure -------------------------------------------------------

_ASKED_BEFORE = (
    "\n\nPada Sen, 7 Sep 2026 pukul 08.10 capil nunukan <capil.nunukan@nunukankab.example> menulis:\n\n"
    "> pagi pak\n> stok kia tgl 200an, mnta 800 ya pak\n"
)


def test_a_reply_correcting_its_ask_denies_the_old_figure() -> None:
    read = mail(NUNUKAN, "Re: stok kia", "maaf pak ralat, jd 1.200 aja bkn 800 🙏" + _ASKED_BEFORE)
    assert read["requested"] == 1200


def test_a_correction_table_is_read_from_its_corrected_column() -> None:
    read = mail(BULUNGAN, "Koreksi permohonan",
                "Yth. Bapak/Ibu,\n\nKoreksi atas surat kami kemarin:\n\n"
                "Uraian | Semula | Koreksi | Keterangan\n"
                "Jumlah permohonan | 1.500 | 1.700 | tambahan sasaran\n"
                "Sisa stok | 620 | 580 | terpakai 40 keping\n\nSalam,\nBidang PIAK")
    assert read["requested"] == 1700 and read["stock_on_hand"] == 580


def test_a_receipt_row_remarked_as_already_reported_is_no_receipt() -> None:
    read = mail(BULUNGAN, "Laporan Harian 10/10/2026",
                "Yth. Bapak/Ibu,\n\nUraian | Jumlah | Keterangan\nPerekaman | 88 |\nPencetakan | 84 |\n"
                "Penerimaan blangko dari Provinsi | 1.500 | diterima 08/10, telah dilaporkan\n"
                "Sisa blangko per 10/10 | 1.960 |\n\nSalam,\nPengelola Data")
    assert read["received"] is None and read["stock_on_hand"] == 1960 and read["printed"] == 84


# --- Numbered points, each figure under its label ---------------------------------------------


def test_numbered_points_with_each_figure_on_the_line_under_its_label() -> None:
    read = mail(MALINAU, "Laporan Harian",
                "Yth. Bapak/Ibu,\n\nLaporan hari ini:\n\n1) Perekaman:\n    42\n2) Pencetakan:\n    39\n"
                "3) Sisa blangko KTP-el:\n    1.204 keping\n\nHormat kami,\nOperator")
    assert (read["recorded"], read["printed"], read["stock_on_hand"]) == (42, 39, 1204)


def test_lettered_points_with_the_ask_under_its_label() -> None:
    read = mail(MALINAU, "Permohonan Blangko",
                "Yth. Bapak/Ibu,\n\na. Sisa blangko KTP-el:\n    260 keping\nb. Permohonan:\n    900 keping\n\n"
                "Hormat kami,\nOperator")
    assert read["stock_on_hand"] == 260 and read["requested"] == 900


def test_points_of_two_days_under_a_figures_label_take_todays() -> None:
    read = mail(MALINAU, "Laporan Harian",
                "Yth. Bapak/Ibu,\n\n1) Sisa blangko KTP-el:\n    a. Kemarin (21/09):\n        655\n"
                "    b. Hari ini (22/09):\n        631\n2) Pencetakan hari ini:\n    24\n\nHormat kami,\nOperator")
    assert read["stock_on_hand"] == 631 and read["printed"] == 24
