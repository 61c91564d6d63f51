"""Rules for chat-style operators, dictated mail with figures in words, pasted chat logs, an SMS gateway and
formal letters: blanks received on loan, a gap the writer worked out, two counts joined by a word, a bare
handful asked, and the words and abbreviations of such mail."""

from __future__ import annotations

from mailbot.reader import read_message
from mailbot.reader.numbers import normalise
from mailbot.reader.roles import read_text, settle
from tests.reader.conftest import DISTRICTS, read_plain


def read(text: str) -> dict[str, int | None]:
    candidates, unassigned = read_text(text, normalise(text))
    return dict(settle(candidates, unassigned).values)


STRANGER = "yusuf.prasetyo88@gmail.com"
MALINAU = "disdukcapil@malinaukab.example"


# --- Wrong numbers ---------------------------------------------------------------------------------


def test_blanks_received_on_loan_beside_an_ask_are_no_receipt() -> None:
    assert read("Please send 1,500 cards. We received 300 cards from Malinau on loan yesterday.") == {
        "requested": 1500}
    assert read("kmrn kami terima pinjaman 250 keping dari KTT, mohon dikirim 1.000 keping") == {"requested": 1000}
    # A mail that tells only of the loan received is that receipt; beside an ask, a shipment is still one.
    assert read("We have received 300 KTP-el blanks on loan from Nunukan.") == {"received": 300}
    assert read("kiriman 1.500 keping sudah kami terima, mohon dikirim lagi 500 keping") == {
        "received": 1500, "requested": 500}


def test_a_subject_naming_one_district_names_the_writers_when_the_text_names_two() -> None:
    verdict = read_plain(
        "Re: Blank card request - Nunukan",
        "Hi,\n\nPlease make our request 1,800 cards instead of 2,200. We got 300 from Malinau on loan.\n"
        "Our stock is now 1,050.\n\nRegards,\nYusuf",
        sender=STRANGER,
    )
    assert (verdict.district, verdict.kind, verdict.requested, verdict.received) == ("65.03", "request", 1800, None)


def test_the_figure_asked_right_before_the_word_of_the_gap_is_the_gap() -> None:
    text = "Stok KIA tinggal 120 keping. Kebutuhan kira-kira 900, jadi mohon dikirim 780 keping saja (selisihnya)."
    assert read(text)["requested"] == 780
    # Not glossed as the gap, the gap is still worked out from the need and the stock.
    assert read("Kebutuhan kami 2.000 keping, stok 650 keping, mohon kekurangannya dikirim.")["requested"] == 1350


def test_two_counts_joined_by_a_word_take_two_figures_joined_by_a_word_in_order() -> None:
    assert read("perekaman sm pencetakan hari ini 131 sm 117") == {"recorded": 131, "printed": 117}
    assert read("rekam dan cetak tetap 88 dan 75, sisa 1.406") == {
        "recorded": 88, "printed": 75, "stock_on_hand": 1406}
    # Words of two figures said apart are no pair.
    assert read("Hi, we have 350 KTP-el blanks in stock and need 1,000 more next month.") == {
        "stock_on_hand": 350, "requested": 1000}


def test_a_bare_handful_asked_is_no_count_of_blanks() -> None:
    assert "requested" not in read("[09.12, 3/11/2031] Yanti Capil: siap bu kami kirim 3 ya")
    # With its unit, or in the hundreds, it is asked.
    assert read("mohon kirim 300 keping ya bu")["requested"] == 300
    assert read("mohon dikirim 5 ribu keping")["requested"] == 5000


def test_a_chat_about_a_training_quota_is_other_mail() -> None:
    verdict = read_message(
        (
            f"From: {MALINAU}\nTo: blangko@disdukcapil.kaltaraprov.example\nSubject: Fwd: info bimtek\n\n"
            "bu ini dr grup wa\n\n"
            "[08.01, 2/11/2031] Pak Anton Prov: bimtek operator tgl 9 nov kuota 3 org per kab\n"
            "[08.04, 2/11/2031] Yanti Capil Trk: siap pak trk kirim 3\n\n"
            "kami ikut 3 org bu\n"
        ).encode(),
        DISTRICTS,
    )
    assert (verdict.kind, verdict.requested) == ("other", None)


# --- Dictated and chat-style words ------------------------------------------------------------------


def test_a_stock_said_after_naming_the_province_as_whom_the_writer_speaks_to_is_the_writers() -> None:
    text = (
        "selamat siang bapak ibu di provinsi ini saya rudi dari tarakan mau lapor stok blangko kami "
        "sekarang tinggal enam ratus keping"
    )
    assert read(text)["stock_on_hand"] == 600
    # The province's own stock stays the province's.
    assert "stock_on_hand" not in read("katanya stok di gudang provinsi tinggal 5.000 keping")


def test_a_half_between_a_digit_word_and_a_scale_word() -> None:
    assert read("mohon blangko kia sebanyak dua setengah ribu keping")["requested"] == 2500
    assert read("sisa blangko tinggal satu setengah ratus keping")["stock_on_hand"] == 150


def test_a_slip_word_ending_a_line_does_not_take_the_next_lines_count() -> None:
    text = (
        "bu koreksi laporan kemarin sore sisa ktp el bukan 2.310 tp 2.130 sy salah ketik\n"
        "perekaman 140 cetak 101 udh bener"
    )
    assert read(text) == {"stock_on_hand": 2130, "recorded": 140, "printed": 101}
    # On one line the slip word still names the figure taken back; a word of another count carries over the break.
    assert "recorded" not in read("kemarin salah ketik perekaman 410, cetak 101")
    assert "recorded" not in read("untuk bulan depan kami sudah menyusun jadwal pelayanan dan target\nperekaman 300")


def test_a_defect_word_with_its_own_figure_labels_that_figure() -> None:
    assert read("lap 14/8 rekam 22 cetak 19 sisa ktp 715 rusak 3") == {
        "recorded": 22, "printed": 19, "stock_on_hand": 715}
    # Right after a figure with none after it, the defect word says what the figure counts.
    assert "printed" not in read("cetak 4 rusak")


def test_tgl_before_a_figure_no_day_can_be_is_the_stock_left() -> None:
    assert read("pgi pak ktp el tgl 345 mhn kirim 800 sblm akhir bulan") == {"stock_on_hand": 345, "requested": 800}
    assert read("stok kia tgl 1.120 kpg")["stock_on_hand"] == 1120
    # Before a day it is a date's word.
    assert read("lap tgl 28 rekam 50") == {"recorded": 50}


def test_tgl_before_two_digits_no_day_can_be_is_the_stock_left() -> None:
    assert read("sisa kia tgl 75 kpg, mhn kirim 400") == {"stock_on_hand": 75, "requested": 400}
    assert read("lap tgl 09 rekam 14") == {"recorded": 14}
    # A multiple is no day either.
    assert read("pagi bu ktp el tgl 3 ratus mhn kirim 1 rb") == {"stock_on_hand": 300, "requested": 1000}


def test_a_small_count_in_words_after_its_name_and_its_day() -> None:
    text = "laporan perekaman hari ini empat puluh dua pencetakan tiga puluh delapan sisa tujuh ratus keping"
    assert read(text) == {"recorded": 42, "printed": 38, "stock_on_hand": 700}
    # A small number in words with no count's name before it counts nothing.
    assert read("dua hari lalu sisa tujuh ratus keping") == {"stock_on_hand": 700}


def test_a_bare_zero_after_the_blanks_name_and_before_a_word_of_address() -> None:
    assert read("stok kia nol pak, mohon dikirim 500") == {"stock_on_hand": 0, "requested": 500}
    assert read("stok ktp el nol bu") == {"stock_on_hand": 0}


def test_hbs_is_habis() -> None:
    assert read("stok ktp el nol bu hbs smua\nminta seribu ya bu")["stock_on_hand"] == 0


def test_a_correction_in_words_answers_a_revised_request() -> None:
    verdict = read_plain(
        "Re: minta blangko",
        "bu koreksi yg kemarin ya bukan seribu tp dua ribu krn ada jemput bola\nstok msh 640\n\n"
        "Pada Sen, 7 Jul 2031 pukul 10.02 Blangko Disdukcapil Kaltara <blangko@disdukcapil.kaltaraprov.example> "
        "menulis:\n> Permintaan blangko KTP-el sebanyak 1.000 keping telah kami terima dan sedang diproses.\n",
        sender=MALINAU,
    )
    assert (verdict.kind, verdict.requested, verdict.stock_on_hand) == ("request", 2000, 640)


def test_a_gap_asked_is_worked_out_from_an_estimated_need() -> None:
    text = "kebutuhan kami bulan depan sekitar tiga ribu keping sedangkan stok sekarang sembilan ratus keping " \
           "jadi mohon kekurangannya saja dikirim"
    assert read(text) == {"requested": 2100, "stock_on_hand": 900}
    # A need said with a verb of need is a need too; an ask said as an estimate, with a gap to come, is no need.
    assert read("kami butuh sekitar 1.500 keping, stok 400, mohon kekurangannya dikirim")["requested"] == 1100
    assert "requested" not in read("mohon dikirim sekitar 1.000 keping, stok 300, kekurangannya nanti menyusul")
    # A vague need ("-an") gives no figure to work from.
    assert "requested" not in read("kebutuhan kami sekitar 3.000an keping, stok 900 keping, mohon kekurangannya")


# --- Kinds --------------------------------------------------------------------------------------------


def test_a_mail_of_thanks_with_no_firm_figure_is_other_mail() -> None:
    verdict = read_plain(
        "terima kasih",
        "bapak ibu ini rudi dari tarakan mau mengucapkan terima kasih atas bantuan blangko selama ini "
        "perekaman keliling sudah selesai ada sekitar seribu warga yang terlayani",
        sender="disdukcapil@tarakankota.example",
    )
    assert verdict.kind == "other"
    # A report that thanks is still a report.
    report = read_plain(
        "laporan harian",
        "Laporan harian 3/11: perekaman 40, pencetakan 35, sisa 800. Kami mengucapkan terima kasih.",
        sender="disdukcapil@tarakankota.example",
    )
    assert report.kind == "stock_report"
    # An unclear stock beside thanks is still asked about as a report's.
    unclear = read_plain(
        "terima kasih",
        "Kami mengucapkan terima kasih atas kiriman bulan lalu. Stok kami sekarang tinggal sekitar 300an keping.",
        sender="disdukcapil@tarakankota.example",
    )
    assert unclear.kind == "stock_report"


def test_an_apology_for_a_late_report_is_no_report() -> None:
    verdict = read_plain(
        "Mohon maaf",
        "Selamat pagi,\n\nMohon maaf atas keterlambatan laporan harian tanggal 12-13 November karena listrik "
        "padam di kantor. Blangko masih cukup.\n\nSalam,\nDisdukcapil Kota Tarakan",
        sender="disdukcapil@tarakankota.example",
    )
    assert verdict.kind == "other"


def test_the_provinces_stock_in_a_pasted_chat_is_the_provinces() -> None:
    verdict = read_plain(
        "Fwd: grup wa",
        "bu ini dr grup wa\n\n[09.01, 2/11/2031] Pak Yoga Prov: stok prov msh 40 ribu ya\n"
        "[09.03, 2/11/2031] Rahmat Capil: sisa kami 510 pak\n\njd mohon kirim 1.500 bu",
        sender="capil.nunukan@nunukankab.example",
    )
    assert (verdict.requested, verdict.stock_on_hand) == (1500, 510)


def test_a_chat_speaker_of_another_districts_office_speaks_for_that_district() -> None:
    verdict = read_plain(
        "Fwd: grup wa operator",
        "bu ini dr grup wa operator se kaltara\n\n"
        "[10.02, 22/10/2031] Pak Yoga Prov: tolong lapor stok masing2\n"
        "[10.05, 22/10/2031] Dimas Capil Blg: blg sisa 800 pak\n\nrahmat",
        sender="capil.nunukan@nunukankab.example",
    )
    assert verdict.stock_on_hand is None
    # In Bulungan's own chat "blg" is the blank's short name, and the figure Bulungan's.
    own = read_plain(
        "Fwd: grup wa",
        "bu ini dr grup wa\n\n[10.05, 22/10/2031] Dimas Capil Blg: blg sisa 800 pak\n\ndimas",
        sender="operator.bulungan@bulungankab.example",
    )
    assert own.stock_on_hand == 800
