"""Rules for mail from newly rotated writers: a follow-up whose figure rose or fell after naming the earlier mail, a
first thought set against the figure meant, a shipment that should have come against what came (packs counted
with their size once), a correction said to be "just so many", a day's stock timed after an arrival, stops
dictated to a phone as words, and a figure supposed in a question. Each test is a short mail with its own words."""

from __future__ import annotations

from tests.reader.conftest import mail

MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"
TARAKAN = "Disdukcapil Tarakan <disdukcapil@tarakankota.example>"
BULUNGAN = "Disdukcapil Bulungan <disdukcapil@bulungankab.example>"


def figures(read: dict[str, object]) -> tuple[object, ...]:
    return read["kind"], read["requested"], read["stock_on_hand"], read["received"]


# --- A follow-up: what the earlier figure became -----------------------------------------------------------------


def test_a_need_risen_after_naming_the_earlier_mail_is_asked_now() -> None:
    read = mail(MALINAU, "Re: Permohonan blangko KTP-el",
                "Yth. Bapak/Ibu,\n\nMenyambung surat kami kemarin: kebutuhan kami bertambah menjadi 2.400 keping "
                "(sebelumnya 1.800) karena ada perekaman di asrama.\n\nSalam,\nYohanes\n\n"
                "Pada Sel, 8 Des 2026 pukul 09.10 Disdukcapil Malinau <disdukcapil@malinaukab.example> menulis:\n"
                "> Mohon tambahan blangko KTP-el sebanyak 1.800 keping. Sisa stok 520 keping.\n")
    # was 1.800: the quoted request's figure, said again as the earlier one, taken for the ask
    assert figures(read) == ("request", 2400, None, None)


def test_an_earlier_figure_chased_without_a_change_is_still_the_request() -> None:
    read = mail(MALINAU, "Re: Permohonan blangko KTP-el",
                "Mohon info, yang 1.800 keping sesuai surat kami kemarin kapan dikirim?\n\n"
                "Pada Sel, 8 Des 2026 pukul 09.10 Disdukcapil Malinau <disdukcapil@malinaukab.example> menulis:\n"
                "> Mohon tambahan blangko KTP-el sebanyak 1.800 keping.\n")
    assert read["requested"] == 1800


# --- A first thought set against the figure meant ----------------------------------------------------------------


def test_a_first_thought_against_a_later_ask_in_its_sentence_is_taken_back() -> None:
    read = mail(TARAKAN, "Permohonan blangko KTP-el",
                "Awalnya kami mau minta 1.000 keping saja, tapi karena ada perekaman massal di tiga sekolah, kami "
                "mohon tambahan blangko KTP-el sebanyak 1.600 keping. Sisa stok 380 keping.")
    # was null: both figures asked, in conflict
    assert figures(read) == ("request", 1600, 380, None)


def test_a_first_thought_with_no_figure_set_against_it_stays_read() -> None:
    read = mail(TARAKAN, "Permohonan blangko KTP-el",
                "Rencananya kami minta 1.600 keping, tapi mohon dikirim sebelum tanggal 20. Stok 380 keping.")
    assert figures(read) == ("request", 1600, 380, None)


# --- A shipment that should have come against what came ---------------------------------------------------------


def test_packs_that_should_have_come_are_not_the_packs_that_came() -> None:
    read = mail(BULUNGAN, "kiriman blangko kurang",
                "blangko ktp-el sudah datang pak, seharusnya 4 dus @250 (1.000 keping) tapi yang datang cuma 3 dus, "
                "kurang 1 dus. mohon dicek")
    # was 1.000: the shipment as it should have been, read as what arrived
    assert figures(read) == ("receipt", None, None, 750)


def test_a_figure_that_should_have_come_is_not_received() -> None:
    read = mail(BULUNGAN, "Penerimaan blangko",
                "Blangko KTP-el sudah kami terima, harusnya 2.000 keping namun yang diterima hanya 1.900 keping.")
    # was null: the figure expected and the one received in conflict
    assert read["kind"] == "receipt" and read["received"] == 1900


def test_a_pack_size_said_beside_packs_counts_the_packs_said_without_it() -> None:
    read = mail(BULUNGAN, "Laporan stok",
                "Kiriman 8 dus @250 sudah kami terima bulan lalu. Sisa stok kami sekarang 3 dus.")
    assert read["stock_on_hand"] == 750


# --- A correction said to be just so many ------------------------------------------------------------------------


def test_a_correction_said_to_be_just_so_many_is_the_amount_asked() -> None:
    read = mail(MALINAU, "Permohonan blangko KIA",
                "Mohon blangko KIA sebanyak 600 lembar, sisa KIA kami 90 lembar.\n\n"
                "Ralat: yang benar 450 lembar saja, karena kegiatan di sekolah ditunda.")
    # was null for both: which figure the correction replaces was left to a clerk
    assert figures(read) == ("request", 450, 90, None)


def test_a_bare_correction_after_an_ask_and_a_stock_is_still_asked_about() -> None:
    read = mail(MALINAU, "Permohonan blangko KIA",
                "Mohon blangko KIA sebanyak 600 lembar, sisa KIA kami 90 lembar.\n\nRalat: yang benar 450 lembar.")
    assert read["requested"] is None and read["stock_on_hand"] is None


# --- A day's stock timed after an arrival ------------------------------------------------------------------------


def test_a_stock_timed_after_an_arrival_in_a_daily_report_is_no_receipt() -> None:
    read = mail(TARAKAN, "Daily report",
                "Daily report: recorded 98, printed 91, remaining blanks 2,340 pcs (after the delivery arrived today).")
    # was a receipt with no figure received
    assert (read["kind"], read["stock_on_hand"], read["printed"], read["recorded"]) == ("stock_report", 2340, 91, 98)


# --- Stops dictated as words -------------------------------------------------------------------------------------


def test_stops_dictated_as_words_end_the_figures() -> None:
    read = mail(BULUNGAN, "laporan",
                "laporan harian tanggal sembilan titik perekaman empat puluh dua titik pencetakan tiga puluh delapan "
                "titik sisa blangko sembilan ratus dua puluh titik")
    # was no figure at all: "titik" read as a unit of places
    assert (read["kind"], read["recorded"], read["printed"], read["stock_on_hand"]) == ("stock_report", 42, 38, 920)


def test_a_digit_stop_word_then_a_blank_name_ends_the_stock() -> None:
    read = mail(BULUNGAN, "laporan", "laporan hari ini rekam 64 cetak 60 sisa 1470 titik kia cetak 12 titik makasih")
    assert (read["recorded"], read["printed"], read["stock_on_hand"]) == (64, 60, 1470)


# --- A figure supposed in a question -----------------------------------------------------------------------------


def test_a_bound_stock_under_a_condition_in_a_question_is_no_report() -> None:
    read = mail(MALINAU, "Pertanyaan",
                "Mau tanya, jika sisa blangko kami kurang dari 300 keping apakah dikirim otomatis, atau perlu "
                "surat resmi?")
    # was a stock report with an unclear stock
    assert read["kind"] == "other" and not read["doubts"]


# --- Words run together by voice typing --------------------------------------------------------------------------


def test_a_word_of_asking_glued_to_the_next_still_asks() -> None:
    read = mail("Intern <intern.ktt@gmail.com>", "blangko",
                "pagi pak mohonkirim blangko ktpel dua ribu keping stok kami tinggal tiga ratus keping makasih\n"
                "dukcapil tana tidung")
    # was null: the ask's word unread, the figure left without a role
    assert (read["kind"], read["requested"], read["stock_on_hand"]) == ("request", 2000, 300)
