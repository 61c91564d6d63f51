"""A follow-up read against its request's figures (mailbot.followup): table-driven, pure."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mailbot import followup
from mailbot.followup import gives_reason, interpret
from mailbot.reader import vocabulary
from mailbot.reader.numbers import normalise
from tests.properties import examples

# (new text, requested, stock on hand, approved) -> (intent, figures)
CASES = [
    ("Mohon maaf, ternyata cukup 1.000 saja, bukan 1.800.\n\nSalam", 1800, 900, 1200, "correction",
     {"requested": 1000}),
    ("maaf pak salah ketik, harusnya 1.000 bukan 1.800", 1800, 900, 1200, "correction", {"requested": 1000}),
    ("setelah rapat internal, kebutuhan kami cukup 1.000 keping saja, bukan 1.800", 1800, 900, 1200,
     "correction", {"requested": 1000}),
    ("Koreksi pak: sisa stok KTP-el kami sebenarnya 1.400 keping, bukan 200.", 3000, 200, 2000, "correction",
     {"stock_on_hand": 1400}),
    ("Ralat: sisa stok kami yang benar 1.200 keping (kemarin salah ketik 800).", 1000, 800, 1000, "correction",
     {"stock_on_hand": 1200}),
    ("bukan 300 tetapi 150", 1000, 300, 1000, "correction", {"stock_on_hand": 150}),
    ("jumlah permohonan kami dinaikkan jadi 2.400 keping", 1800, 900, 1200, "correction", {"requested": 2400}),
    ("Apakah 500 keping itu dapat dikirim pekan ini? Sekalian 300 keping KIA.", 600, 300, 500, "question", {}),
    ("Sekalian kami mohon blangko KIA 300 keping.", 600, 300, 500, "other_item", {}),
    ("Namun kami tetap membutuhkan 5.000 keping karena ada kegiatan jemput bola. Mohon dipertimbangkan kembali.",
     5000, 200, 3000, "appeal", {"requested": 5000}),
    ("Baik pak, terima kasih. 1.200 keping kami tunggu.", 1800, 900, 1200, "restated", {}),
    ("Baik, terima kasih", 1800, 900, 1200, "plain", {}),
    ("Mohon maaf, angkanya 700 keping.", 1800, 900, 1200, "unclear", {}),
    # the old figure named as wrong, then the new one; "revisi ... menjadi N"
    ("Maaf pak, angka 1.500 itu keliru, seharusnya 1.200 keping saja.", 1500, 350, 1500, "correction",
     {"requested": 1200}),
    ("Angka 1.500 tadi salah ketik, mestinya 1.200 keping.", 1500, 350, 1500, "correction", {"requested": 1200}),
    ("Kami revisi permintaannya menjadi 1.200 keping saja pak.", 1500, 350, 1500, "correction",
     {"requested": 1200}),
    ("Sisa stok 350 itu keliru, seharusnya 150 keping.", 1500, 350, 1500, "correction", {"stock_on_hand": 150}),
    # only the new figure, with words of a correction: the request's asked figure (not a figure in doubt)
    ("eh salah ketik pak, maksudnya 1.500 keping saja.", 2000, 750, 2000, "correction", {"requested": 1500}),
    ("Mohon maaf Pak, tadi typo. Harusnya 2.500 keping, karena ada perekaman massal di SMA minggu depan.", 2000,
     750, 2000, "correction", {"requested": 2500}),
    # (naming neither which figure nor an amount to send, with a stock recorded: asked, see below)
    ("Aduh maaf pak, yang barusan juga keliru. Yang betul 1.800 keping.", 1500, 750, 1500, "unclear", {}),
    ("Sori pak salah ketik di email pertama, jumlahnya 1.200 keping.", 2000, 750, 2000, "correction",
     {"requested": 1200}),
    ("Maaf pak, seharusnya 1.600 keping (salah ketik).", 2000, 750, 2000, "unclear", {}),
    ("Jumlahnya diganti 1.500 keping saja ya pak.", 2000, 750, 2000, "correction", {"requested": 1500}),
    ("Pak, jumlahnya jadi 1.900 keping saja.", 2000, 750, 2000, "correction", {"requested": 1900}),
    ("Maksudnya 1.500 keping pak.", 2000, 750, 2000, "unclear", {}),
    # the same correction again: the figure it gives is already the request's
    ("Sori pak salah ketik di email pertama, jumlahnya 1.200 keping.", 1200, 750, 1200, "restated",
     {"requested": 1200}),
    # two figures, or one said of the stock: never taken for the asked figure
    ("Maaf salah ketik, sisa stok kami 300 keping.", 2000, 750, 2000, "correction", {"stock_on_hand": 300}),
]


@pytest.mark.parametrize(("text", "requested", "stock", "approved", "intent", "figures"), CASES)
def test_a_follow_up_is_read_against_its_request(text: str, requested: int, stock: int, approved: int, intent: str,
                                                 figures: dict[str, int]) -> None:
    reading = interpret(text, item="ktp-el", requested=requested, stock_on_hand=stock, approved=approved)
    assert (reading.intent, reading.figures) == (intent, figures)


@pytest.mark.parametrize("text", [
    "Koreksi pak, yang benar 1.200.", "Ralat: 1.200", "mohon maaf angka di email kami salah, angka yang benar 1.200 "
    "keping.", "maaf pak salah ketik, harusnya 1.200", "Maksudnya 1.200 keping pak.",
])
def test_a_lone_corrected_figure_naming_no_field_is_asked_about_when_a_stock_is_recorded(text: str) -> None:
    """these cut 2.000 asked (750 left) to 1.200 without asking; 1.200 may be the stock."""
    reading = interpret(text, item="ktp-el", requested=2000, stock_on_hand=750, approved=2000)
    assert (reading.intent, reading.figures, reading.which_figure) == ("unclear", {}, (None, 1200))
    # with no stock recorded there is only the figure asked to correct
    alone = interpret(text, item="ktp-el", requested=2000, stock_on_hand=None, approved=2000)
    assert (alone.intent, alone.figures) == ("correction", {"requested": 1200})


@pytest.mark.parametrize(("text", "stock", "requested"), [
    ("sisa stok kami 450, bukan 600", 750, 2000),  # 600 is not the stock recorded
    ("permohonan kami 1.500 bukan 2.500", 750, 2000),  # nor 2.500 the figure asked
    ("Koreksi pak: sisa stok kami 450, bukan 750.", 300, 800),  # the KTP-el request's stock, in KIA's thread
])
def test_a_correction_whose_old_figure_is_not_the_recorded_one_is_for_a_person(text: str, stock: int,
                                                                               requested: int) -> None:
    reading = interpret(text, item="ktp-el", requested=requested, stock_on_hand=stock, approved=requested)
    assert (reading.intent, reading.figures) == ("unclear", {})


def test_a_kia_requests_thread_takes_no_ktp_el_figure() -> None:
    reading = interpret("Untuk KTP-el kami perlu 400 keping juga.", item="kia", requested=300, stock_on_hand=50,
                        approved=300)
    assert reading.intent == "other_item"


def test_the_readers_figure_stands_where_this_reading_places_none_but_never_against_it() -> None:
    assert interpret("Mohon diubah jadi 2.000", item="ktp-el", requested=1500, stock_on_hand=300, approved=1500,
                     read={"requested": 2000}).figures == {"requested": 2000}
    assert interpret("cukup 1.000 saja, bukan 1.800", item="ktp-el", requested=1800, stock_on_hand=300,
                     approved=1500, read={"requested": 1800}).intent == "unclear"


@pytest.mark.parametrize(("text", "reasons"), [("Baik, terima kasih pak.", False),
                                                ("Terima kasih, namun kami perlu segera karena ada pelayanan.", True)])
def test_a_reason_is_never_a_mere_confirmation(text: str, reasons: bool) -> None:
    assert gives_reason(text) is reasons


# Follow-ups in other words: a reason beside the figure, English, a request to reconsider with a new figure.
OTHER_WORDS = [
    ("Pak, mohon maaf kami revisi: dinaikkan jadi 4.000 keping karena ada kegiatan perekaman massal di "
     "sekolah-sekolah (pemula) bulan ini.", "correction", {"requested": 4000}),
    ("Kami tetap membutuhkan 4.000 keping karena ada perekaman massal pemilih pemula di sekolah, mohon "
     "dipertimbangkan kembali.", "appeal", {"requested": 4000}),
    ("Correction to our request: we actually need 1,200 blanks, not 1,500. Our remaining stock is 900.",
     "correction", {"requested": 1200}),
    ("Sorry, our remaining stock is 600, not 900.", "correction", {"stock_on_hand": 600}),
    ("Please increase our request from 1,500 to 2,000 blanks.", "correction", {"requested": 2000}),
    ("When will the 1,200 blanks be sent?", "question", {}),
]


@pytest.mark.parametrize(("text", "intent", "figures"), OTHER_WORDS)
def test_a_follow_up_in_other_words_keeps_its_class(text: str, intent: str, figures: dict[str, int]) -> None:
    reading = interpret(text, item="ktp-el", requested=1500, stock_on_hand=900, approved=1200)
    assert (reading.intent, reading.figures) == (intent, figures)


@pytest.mark.parametrize("text", ["Mohon maaf pak, setelah dihitung ulang ternyata lengkap 1.200 keping, bukan 1.100.",
                                  "Ralat: blangko yang kami terima 1.200 keping, bukan 1.100.",
                                  "Sorry, we recounted: we received 1,200, not 1,100."])
def test_a_recount_of_a_received_shipment_corrects_its_count(text: str) -> None:
    reading = interpret(text, item="ktp-el", requested=1500, stock_on_hand=900, approved=1200, received=1100)
    assert (reading.intent, reading.figures) == ("correction", {"received": 1200})


def test_a_recount_to_the_full_figure_past_a_bundles_content_corrects_the_count() -> None:
    # "isi 100" is what one bundle holds: no figure of the request, its stock or its count
    reading = interpret("Pak mohon maaf, ternyata ada satu ikat isi 100 yang terselip di bawah meja. Jadi jumlahnya "
                        "lengkap 2.000 keping.", item="ktp-el", requested=2000, stock_on_hand=750, approved=2000,
                        received=1900)
    assert (reading.intent, reading.figures) == ("correction", {"received": 2000})


def test_a_recount_sent_again_restates_the_count_and_never_changes_the_asked_figure() -> None:
    # the reader took "jumlah yang benar 1.950" for the asked figure; this reading placed it as the count received
    reading = interpret("Setelah dihitung ulang oleh dua orang, jumlah yang benar 1.950 keping pak.", item="ktp-el",
                        requested=2000, stock_on_hand=750, approved=2000, received=1950, read={"requested": 1950})
    assert (reading.intent, reading.figures) == ("restated", {"received": 1950})


def test_a_count_of_what_arrived_is_never_taken_for_a_shipment_not_yet_received() -> None:
    reading = interpret("yang kami terima 1.100 keping", item="ktp-el", requested=1500, stock_on_hand=900,
                        approved=1200)
    assert "received" not in reading.figures


@pytest.mark.parametrize(("text", "intent", "figures", "other"), [
    # the request's own change is applied; the other blank's figure beside it is kept apart for a person
    ("Koreksi: KTP-el cukup 1.000 keping, KIA mohon 300 keping.", "correction", {"requested": 1000}, (300,)),
    ("Koreksi: cukup 1.000 keping saja, bukan 2.000. Blangko KIA 300 keping juga mohon dikirim.", "correction",
     {"requested": 1000}, (300,)),
    # nothing changes on the request: the whole mail is for a person
    ("KTP-el tetap 2.000 keping, KIA mohon 300 keping.", "other_item", {}, (300,)),
    ("Sekalian kami mohon blangko KIA 300 keping.", "other_item", {}, (300,)),
])
def test_the_other_blanks_figure_is_never_the_requests_and_is_kept_for_a_person(
        text: str, intent: str, figures: dict[str, int], other: tuple[int, ...]) -> None:
    reading = interpret(text, item="ktp-el", requested=2000, stock_on_hand=750, approved=2000)
    assert (reading.intent, reading.figures, reading.other_item) == (intent, figures, other)


def _cancels_by_the_patterns_alone(text: str, intent: str) -> bool:
    """followup.cancels as the patterns alone say it, without the plain word test that spares most mail them."""
    low = normalise(text or "")
    if intent == "question" or followup._CANCEL_OF_OTHER.search(low):
        return False
    if followup._CANCEL.search(low):
        return True
    return intent in ("plain", "restated", "unclear") and bool(followup._NOT_AFTER_ALL.search(low))


_CANCEL_PIECES = st.sampled_from([
    *vocabulary.CANCEL_WORDS, *vocabulary.NOT_AFTER_ALL, *vocabulary.CANCEL_BATAL_WISH, *vocabulary.CANCEL_BATAL_AFTER,
    *vocabulary.CANCEL_BATAL_BEFORE, "batal", "Batal", "BATAL", "DIBATALKAN", "Cancel", "jangan", "tidak", "tdk",
    "belum", "bukan", "tak", "not", "don't", "do not", "kami", "mohon", "permohonan", "rapat", "2.000", "1000",
    "menjadi", "keping", "pak", "?", ".", ",", "!", "\n", "batalkan,", "(batal)", "pembatalan.",
])


@settings(max_examples=examples(400), deadline=None)
@given(pieces=st.lists(_CANCEL_PIECES, max_size=12), glue=st.sampled_from([" ", "", "\n", ". "]),
       intent=st.sampled_from(["plain", "restated", "unclear", "question", "correction", "appeal", "other_item"]))
def test_the_word_test_before_the_cancel_patterns_changes_no_answer(pieces: list[str], glue: str, intent: str) -> None:
    text = glue.join(pieces)
    assert followup.cancels(text, intent) == _cancels_by_the_patterns_alone(text, intent)


@pytest.mark.parametrize(("text", "after"), [
    ("Pak, mohon ditambah 500 keping lagi dari yang sudah disetujui.", 1500),
    ("mohon ditambah lagi 500 keping", 1500),
    ("tambah 200 keping ya pak", 1200),
    ("butuh 500 keping lagi pak", 1500),
    ("Please add 500 more.", 1500),
    ("permohonannya dikurangi 300 keping saja, ada sisa di kecamatan.", 700),
    ("kurangi 200 keping saja pak", 800),
    ("please reduce by 300", 700),
    ("ditambah 500 lagi, jadi total 1.500 keping", 1500),
])
def test_a_change_by_an_amount_is_added_to_or_taken_off_the_asked_figure(text: str, after: int) -> None:
    reading = interpret(text, item="ktp-el", requested=1000, stock_on_hand=300, approved=1000,
                        read={"requested": int(text.split()[1]) if text.split()[1].isdigit() else None})
    assert (reading.intent, reading.figures) == ("correction", {"requested": after})


@pytest.mark.parametrize("text", [
    "ditambah menjadi 1.500 keping",  # the new total: never added
    "sisa stok kami tinggal 300 lagi",  # a stock, no amount asked
])
def test_a_total_or_a_stock_is_no_amount(text: str) -> None:
    reading = interpret(text, item="ktp-el", requested=1000, stock_on_hand=300, approved=1000)
    assert reading.figures.get("requested") != 1000 + 300 and reading.figures.get("requested") != 2500


def test_an_amount_taking_the_request_to_zero_or_below_is_unclear() -> None:
    assert interpret("dikurangi 1.000 keping", item="ktp-el", requested=1000, stock_on_hand=300,
                     approved=1000).intent == "unclear"


def test_relative_words_are_data() -> None:
    for words in (vocabulary.RELATIVE_RAISE_BEFORE, vocabulary.RELATIVE_CUT_BEFORE, vocabulary.RELATIVE_MORE_AFTER,
                  vocabulary.RELATIVE_FILLER, vocabulary.RELATIVE_MORE_NOT_BEFORE):
        assert words and all(w == w.lower().strip() for w in words) and len(set(words)) == len(words)


def test_a_change_of_item_is_told_from_an_other_blank_beside() -> None:
    assert followup.item_changed("Mohon maaf, yang kami perlukan sebenarnya blangko KIA, bukan KTP-el. "
                                 "Jumlah tetap 1.000 keping.", "ktp-el") == "kia"
    assert followup.item_changed("Mohon tambahan KIA 300 keping juga.", "ktp-el") is None
    assert followup.item_changed("sisa stok kami 300, bukan 400", "ktp-el") is None
    assert followup.item_changed("apakah bisa KIA, bukan KTP-el?", "ktp-el") is None
    assert vocabulary.ITEM_DENIED_BEFORE and vocabulary.ITEM_MEANT_BEFORE


def test_changed_to_with_ke_names_the_new_figure_and_an_ordinal_stays_none() -> None:
    assert interpret("mohon jumlahnya diubah ke 900 keping", item="ktp-el", requested=1100, stock_on_hand=500,
                     approved=1100).figures == {"requested": 900}
    assert interpret("kiriman ke 2 sudah kami terima", item="ktp-el", requested=1100, stock_on_hand=500,
                     approved=1100).figures == {}
    assert "diubah" in vocabulary.CHANGE_TO_KE_VERBS


@pytest.mark.parametrize("text", ["Ok pak terima kasih, 3.000 sdh cukup untuk sementara.",
                                  "Baik pak, terima kasih. 3.000 cukup utk sementara."])
def test_the_approval_told_accepted_changes_no_figure_but_a_proposal_said_enough_lowers_the_ask(text: str) -> None:
    told = interpret(text, item="ktp-el", requested=4500, stock_on_hand=100, approved=3000, told=True)
    assert "requested" not in told.figures or told.intent != "correction", told
    proposed = interpret(text, item="ktp-el", requested=4500, stock_on_hand=100, approved=3000)
    assert (proposed.intent, proposed.figures.get("requested")) == ("correction", 3000), proposed


@pytest.mark.parametrize("text", ["Koreksi pak, yang benar 3.000 saja, bukan 4.500.", "cukup 2.000 saja pak"])
def test_a_marked_correction_or_a_figure_below_the_approval_still_corrects(text: str) -> None:
    reading = interpret(text, item="ktp-el", requested=4500, stock_on_hand=100, approved=3000, told=True)
    assert reading.intent == "correction", reading
