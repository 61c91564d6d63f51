"""Rules from a season of holiday mail and a stock audit: Hijri dates, parcels' tracking numbers, asides in brackets
between a need and its figure, tables whose count column is headed by the blank alone, report templates pasted with
tabs and wrapped by the mail client, and reports sent as photos; each test is a short mail with other words and
figures."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.reader import read_message
from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES, mail

BULUNGAN = "Disdukcapil Bulungan <operator.bulungan@bulungankab.example>"
MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"
NUNUKAN = "Disdukcapil Nunukan <capil.nunukan@nunukankab.example>"
TARAKAN = "Disdukcapil Tarakan <disdukcapil@tarakankota.example>"


def _read(msg: EmailMessage) -> dict[str, object]:
    msg["To"] = OWN_ADDRESSES[0]
    return read_message(bytes(msg), DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()


def html_mail(sender: str, subject: str, html: str) -> dict[str, object]:
    """An HTML-only mail (no text/plain part), as some webmail sends it."""
    msg = EmailMessage()
    msg["From"], msg["Subject"] = sender, subject
    msg.set_content(html, subtype="html")
    return _read(msg)


def mail_with_photo(sender: str, subject: str, body: str) -> dict[str, object]:
    msg = EmailMessage()
    msg["From"], msg["Subject"] = sender, subject
    msg.set_content(body)
    msg.add_attachment(b"\x89PNG\r\n\x1a\n" + bytes(64), maintype="image", subtype="png", filename="IMG_0412.png")
    return _read(msg)


# --- Hijri dates -------------------------------------------------------------------------------------------------


def test_a_hijri_year_after_a_request_word_is_no_figure_asked() -> None:
    got = mail(BULUNGAN, "Tambahan blangko",
               "Dengan naiknya permohonan KTP-el jelang Idul Fitri 1455 H, kami mohon dikirim blangko KTP-el "
               "sebanyak 1.800 keping. Stok kami 640 keping.")
    # was requested null: 1455 (the Hijri year) and 1.800 in conflict
    assert (got["kind"], got["requested"], got["stock_on_hand"]) == ("request", 1800, 640)


def test_a_hijri_month_and_year_are_no_figures() -> None:
    got = mail(BULUNGAN, "Blangko KTP-el",
               "Permintaan KTP-el meningkat sejak 10 Ramadhan 1455, mohon tambahan blangko 2.200 keping.")
    assert got["requested"] == 2200


def test_a_hijri_year_written_hijriah_is_no_stock() -> None:
    got = mail(BULUNGAN, "Laporan stok",
               "Laporan stok blangko KTP-el menjelang Lebaran 1455 Hijriah: sisa stok 930 keping.")
    assert (got["kind"], got["stock_on_hand"]) == ("stock_report", 930)


# --- Tracking numbers --------------------------------------------------------------------------------------------


def test_a_tracking_number_in_groups_is_no_count_and_leaves_the_item_alone() -> None:
    got = mail(TARAKAN, "Blangko KIA diterima",
               "Kiriman blangko KIA (no. resi J&T 2210 4471 0093 5528) sudah kami terima, sebanyak 800 keping.")
    # was item ktp-el: the resi's last group read as a KIA receipt beside the 800
    assert (got["kind"], got["item"], got["received"]) == ("receipt", "kia", 800)


def test_an_air_waybill_number_is_no_count() -> None:
    got = mail(TARAKAN, "Blangko diterima",
               "Blangko KTP-el sudah kami terima hari ini via kargo, AWB 126 4401 2289, jumlah 1.200 keping.")
    assert (got["received"], got["readings"].get("kia")) == (1200, None)


# --- Asides between a need and its figure ------------------------------------------------------------------------


def test_a_work_word_in_an_aside_leaves_the_need_to_its_figure() -> None:
    got = mail(MALINAU, "Kebutuhan blangko Mei",
               "Kebutuhan blangko KTP-el bulan Mei (sudah termasuk perekaman di sekolah-sekolah) sebanyak 4.000 "
               "keping, stok kami 1.500 keping. Mohon dikirim kekurangannya.")
    # was requested null: "perekaman" in the brackets took the 4.000
    assert (got["kind"], got["requested"], got["stock_on_hand"]) == ("request", 2500, 1500)


def test_an_english_need_with_an_aside_minus_the_stock_on_hand_is_asked() -> None:
    got = mail(NUNUKAN, "e-KTP blanks for May",
               "Hello,\nOur requirement for May (covering the school recording drive in Sebatik) is 4,600 cards. "
               "We currently hold 1,350 blanks on hand.\nKindly send us the shortfall.\n\nRegards,\nDaniel")
    # was a stock report with the need unread
    assert (got["kind"], got["requested"], got["stock_on_hand"]) == ("request", 3250, 1350)


# --- A count column headed by the blank alone --------------------------------------------------------------------


def test_an_html_table_headed_by_the_blank_alone_takes_the_role_of_its_lead() -> None:
    got = html_mail(MALINAU, "Stok opname",
                    "<div>Hasil stok opname blangko per 31 Maret:<br><table>"
                    "<tr><th>Lokasi</th><th>KIA</th></tr>"
                    "<tr><td>Gudang dinas</td><td><b>\n1.120</b></td></tr>"
                    "<tr><td>Loket pelayanan</td><td><span>\n210\n</span></td></tr>"
                    "<tr><td><b>Total</b></td><td><b>\n1.330\n</b></td></tr></table><br>Yohanes</div>")
    # was stock null: a column named "KIA" had no role
    assert (got["kind"], got["item"], got["stock_on_hand"]) == ("stock_report", "kia", 1330)


def test_a_list_per_place_closed_by_its_total_without_colons_is_read() -> None:
    got = mail(MALINAU, "Stok blangko",
               "Sisa blangko KTP-el per hari ini:\nGudang 2.050\nLoket 315\nMobil keliling 95\nJumlah 2.460\n\nYohanes")
    # was other: the lines were never looked at as a list
    assert (got["kind"], got["stock_on_hand"]) == ("stock_report", 2460)


def test_a_list_per_place_whose_total_is_not_the_sum_is_not_taken() -> None:
    got = mail(MALINAU, "Stok blangko",
               "Sisa blangko KTP-el per hari ini:\nGudang 2.050\nLoket 315\nMobil keliling 95\nJumlah 2.640\n\nYohanes")
    assert got["stock_on_hand"] != 2640


# --- Templates pasted with tabs and wrapped ----------------------------------------------------------------------


def test_a_pasted_template_wrapped_by_the_client_is_read_as_its_rows() -> None:
    got = mail(NUNUKAN, "Laporan format provinsi",
               "Laporan stok sesuai format:\n\n"
               "No\tJenis\tRekam\tCetak\nRusak\tSisa\n"
               "1\tKTP-el\t97\n88\t2\t1.745\n"
               "2\tKIA\t\t41\n1\t630\n\nSalam")
    # was every figure null: the header and rows broken over two lines each
    assert (got["kind"], got["recorded"], got["printed"], got["stock_on_hand"]) == ("stock_report", 97, 88, 1745)
    kia = got["readings"]["kia"]
    assert (kia["recorded"], kia["printed"], kia["stock_on_hand"]) == (None, 41, 630)


def test_wrapped_tab_lines_that_make_no_whole_rows_are_left_as_they_are() -> None:
    got = mail(NUNUKAN, "Laporan",
               "Laporan hari ini:\nRekam\tCetak\tSisa\n97\t88\n1.745\t3\t5\n\nSalam")
    assert got["stock_on_hand"] != 5 and got["printed"] != 3


# --- Reports sent as photos --------------------------------------------------------------------------------------


def test_a_report_sent_as_a_photo_from_a_personal_address_is_a_report_of_the_signed_district() -> None:
    got = mail_with_photo("Fadli <fadli.tanatidung@gmail.com>", "stok opname",
                          "Pak, hasil stok opname kami terlampir dalam foto, mohon maaf belum sempat diketik.\n\n"
                          "Fadli\nDisdukcapil Kab. Tana Tidung")
    # was other with no district: no figure typed and no blank named
    assert (got["kind"], got["district"], got["stock_on_hand"]) == ("stock_report", "65.04", None)


def test_a_photo_of_an_outing_is_still_no_report() -> None:
    got = mail_with_photo("Fadli <fadli.tanatidung@gmail.com>", "foto kegiatan",
                          "Pak, terlampir foto kegiatan perekaman di sekolah kemarin.\n\nFadli\n"
                          "Disdukcapil Kab. Tana Tidung")
    assert got["kind"] == "other"


# --- Figures broken by the tags of an HTML body ------------------------------------------------------------------


def test_a_figure_broken_beside_its_thousands_dot_by_html_tags_is_made_whole() -> None:
    got = html_mail(MALINAU, "Laporan stok",
                    "<div>Laporan stok blangko KTP-el hari ini:<br>sisa stok <span><b>2.</b></span>\n"
                    "<span><b>315</b></span> keping</div>")
    # was stock 2: "2. 315 keping", the figure cut at its dot
    assert (got["kind"], got["stock_on_hand"]) == ("stock_report", 2315)


def test_a_figure_broken_into_a_short_group_by_html_tags_is_left_unread() -> None:
    got = html_mail(MALINAU, "Laporan stok",
                    "<div>Laporan stok blangko KTP-el hari ini:<br>sisa stok <b>4</b> <b>75</b> keping</div>")
    # was stock 4: "4 75 keping" is 475 or 4.075, never 4
    assert got["stock_on_hand"] is None
    assert any(d["field"] == "stock_on_hand" for d in got["doubts"])


def test_a_figure_cut_at_its_dot_with_no_unit_after_is_left_unread() -> None:
    got = mail(MALINAU, "Stok", "Laporan stok blangko KTP-el hari ini, sisa stok 2. 315 lalu kami tunggu kiriman.")
    assert got["stock_on_hand"] is None


def test_a_report_named_beside_a_screenshot_said_to_be_something_else_is_no_report() -> None:
    got = mail_with_photo(NUNUKAN, "Tanya error sinkron",
                          "Apakah kabupaten lain juga kena error sinkron? Laporan harian tetap kami kirim manual.\n"
                          "Tangkapan layar errornya terlampir.\n\nReza\nDisdukcapil Kab. Nunukan")
    assert got["kind"] == "other"


# --- English asks for the need less the stock --------------------------------------------------------------------


def test_an_english_ask_to_ship_the_balance_is_the_need_less_the_stock() -> None:
    got = mail(NUNUKAN, "Blanks for next month",
               "Hello,\nRequirement for next month: 3,600. Current stock: 1,150. Please ship the balance.\n\nRegards")
    # was requested 3.600: the need taken as the figure asked
    assert (got["kind"], got["requested"], got["stock_on_hand"]) == ("request", 2450, 1150)


def test_an_english_ask_to_send_the_shortage_is_the_need_less_the_stock() -> None:
    got = mail(NUNUKAN, "Blanks",
               "Our requirement is 2,900 cards and our stock is 640. Kindly send us the shortage.\n\nThanks")
    assert (got["requested"], got["stock_on_hand"]) == (2260, 640)


def test_an_ask_for_what_is_short_with_no_need_stated_firmly_is_left_unclear() -> None:
    got = mail(NUNUKAN, "Blanks",
               "We expect to use about 2,500 blanks in April; we still hold 700. Could you send what we are short?")
    assert got["requested"] is None


# --- Item pairs joined by a slash --------------------------------------------------------------------------------


def test_a_stock_of_both_blanks_joined_by_a_slash_gives_each_its_own() -> None:
    got = mail(TARAKAN, "Stok", "Laporan stok blangko per hari ini: sisa KTP-el 1.340 / KIA 275 keping.")
    assert (got["item"], got["stock_on_hand"]) == ("ktp-el", 1340)
    assert got["readings"]["kia"]["stock_on_hand"] == 275


def test_names_and_figures_both_joined_by_slashes_never_give_the_kia_figure_to_ktp_el() -> None:
    got = mail(TARAKAN, "Stok", "Laporan stok blangko hari ini, sisa stok KTP-el / KIA : 1.340 / 275.")
    assert got["stock_on_hand"] in (None, 1340)
    assert got["readings"].get("kia", {}).get("stock_on_hand") in (None, 275)
