"""Rules from an outside test of the year-end stock count: Malay spellings of the border posts (months, "baki",
"bekalan"), packages of an unstated size, a journalist quoting a district's figure, and a spreadsheet saved by
LibreOffice (.ods); each test is a short mail with other words and figures."""

from __future__ import annotations

from tests.reader.conftest import mail

NUNUKAN = "UPT Sebatik <capil.nunukan@nunukankab.example>"


def test_a_malay_month_dates_a_stock_and_its_day_is_no_figure() -> None:
    read = mail(NUNUKAN, "Baki stok", "Baki stok blangko KTP-el as of 30 Dis 2033: 615 keping. Tq.")
    assert read["stock_on_hand"] == 615


def test_a_new_supply_asked_in_malay_makes_a_request() -> None:
    read = mail(NUNUKAN, "Stok kad", "Baki stok blangko KTP-el 410 keping. Please advise bila boleh hantar bekalan baru.")
    assert read["kind"] == "request" and read["stock_on_hand"] == 410


def test_thanks_for_a_years_supply_asks_for_nothing() -> None:
    read = mail("Rosnah <rosnah.k@gmail.com>", "Salam Tahun Baru",
                "Terima kasih atas bekalan kad sepanjang tahun lepas. Semoga sihat selalu.")
    assert read["kind"] == "other"


def test_baki_is_the_stock_left_and_the_ktp_el_balance_is_the_reports() -> None:
    read = mail(NUNUKAN, "Laporan minggu 3",
                "Cetakan KIA minggu ini 120 keping, baki kad KIA sebanyak 640 keping.\nKad KTP-el pula baki 455 keping.")
    assert read["item"] == "ktp-el" and read["stock_on_hand"] == 455 and read["printed"] is None


def test_rakaman_is_the_days_recording_and_damaged_cards_are_no_stock() -> None:
    read = mail(NUNUKAN, "Laporan harian", "Rakaman 39, cetakan 36.\nKad rosak 3 keping.\nBaki stok 1.310 keping.")
    assert (read["recorded"], read["printed"], read["stock_on_hand"]) == (39, 36, 1310)


def test_boxes_of_an_unstated_size_are_no_stock() -> None:
    read = mail(NUNUKAN, "Kad KIA", "Baki kad KIA tinggal 4 kotak je. Mohon tambah 600 keping.")
    assert read["requested"] == 600 and read["stock_on_hand"] is None


def test_a_journalist_asking_to_confirm_a_districts_figure_is_no_district_mail() -> None:
    read = mail("Redaksi <redaksi.kabarutara@gmail.com>", "Konfirmasi berita: stok blangko Malinau",
                "Selamat siang, saya dari portal Kabar Utara. Warga Mentarang mengeluh blangko KTP-el di Malinau "
                "habis sejak pekan lalu. Mohon tanggapan provinsi.")
    assert read["kind"] == "other" and read["stock_on_hand"] is None and read["district"] is None
