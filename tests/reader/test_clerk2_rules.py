"""Rules from a second, independent set of district mail: questions, the press, targets, physical
counts, figures of the other blank, wrapped units, shorthand, dated recap lines, evidence snippets."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from mailbot.reader import read_message
from mailbot.reader.classify import subject_for_kind
from mailbot.reader.dates import line_date
from mailbot.reader.numbers import find_mentions, normalise
from mailbot.reader.quotes import text_before_forward
from mailbot.reader.roles import read_text, settle
from tests.reader.conftest import DISTRICTS


def read(text: str) -> dict[str, int | None]:
    candidates, unassigned = read_text(text, normalise(text))
    return dict(settle(candidates, unassigned).values)


def mail(body: str, subject: str = "blangko", sender: str = "disdukcapil@nunukankab.example") -> bytes:
    return f"From: {sender}\nTo: blangko@x.example\nSubject: {subject}\n\n{body}".encode()


# --- Questions ---------------------------------------------------------------------------------


def test_a_figure_asked_about_is_not_stated() -> None:
    assert read("Apakah benar sisa stok kami tercatat 1.250 keping?") == {}


def test_a_request_put_as_a_question_still_asks() -> None:
    assert read("Sisa 380 keping. Apakah bisa dikirim 1.500 keping?") == {"stock_on_hand": 380, "requested": 1500}


def test_a_subject_that_asks_is_read_as_a_question() -> None:
    assert subject_for_kind("pertanyaan prosedur permohonan blangko").endswith("?")
    assert subject_for_kind("permohonan blangko") == "permohonan blangko"


def test_a_wrapped_question_about_requesting_is_no_request() -> None:
    body = (
        "Mau bertanya, kalau nanti kami mengajukan permohonan tambahan blangko, apakah harus dengan\n"
        "surat resmi atau cukup email ini?\n"
    )
    assert read_message(mail(body, subject="tanya"), DISTRICTS).kind == "other"


# --- Other holders, the press ----------------------------------------------------------------------


def test_the_provinces_stock_is_not_the_districts() -> None:
    assert read("Stok di gudang provinsi saat ini 61.000 keping, stok kami 420 keping.") == {"stock_on_hand": 420}


def test_only_the_forwarders_own_words_of_a_news_forward_count() -> None:
    text = "Info pak.\n\n---------- Pesan terusan ---------\nDari: Redaksi <r@x.example>\n\nSisa 500 keping."
    assert text_before_forward(text) == "Info pak.\n"
    assert text_before_forward("Sisa 500 keping.") is None


def test_a_forwarded_news_article_states_no_figures() -> None:
    body = (
        "Fyi pak, berita hari ini.\n\n---------- Pesan terusan ---------\nDari: Redaksi <redaksi@news.example>\n"
        "Subjek: Stok 90 Ribu Blangko Aman\n\n\nTANJUNG SELOR - Stok blangko KTP-el tersedia 90.000 keping, "
        "ujar Kepala Disdukcapil.\n"
    )
    v = read_message(mail(body, subject="Fwd: Stok 90 Ribu Blangko Aman"), DISTRICTS)
    assert (v.kind, v.stock_on_hand, v.item) == ("other", None, None)


def test_berita_acara_is_no_press() -> None:
    body = "Blangko 2.000 keping sudah kami terima, berita acara penerimaan terlampir."
    v = read_message(mail(body, subject="Tanda terima blangko"), DISTRICTS)
    assert (v.kind, v.received) == ("receipt", 2000)


# --- Targets, physical counts -------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["target perekaman 300 jiwa", "rata-rata pencetakan 90 keping"])
def test_a_word_before_the_role_word_can_make_the_figure_no_count(text: str) -> None:
    assert read(text) == {}


def test_a_physical_count_outranks_the_register() -> None:
    # Beside the register's balance, the count in the store is the stock a clerk acts on (the labels of three
    # later writers agree: "Sisa Blangko Fisik / Sistem", "tercatat / fisik", "menurut catatan / fisik"),
    # unless the writer is still checking the difference.
    text = "Sisa blangko (menurut SIAK) : 1.450 keping\n\nHasil hitung fisik di gudang 1.540 keping."
    candidates, unassigned = read_text(text, normalise(text))
    reading = settle(candidates, unassigned)
    assert reading.values.get("stock_on_hand") == 1540 and not reading.doubts


def test_a_physical_count_whose_difference_is_still_checked_competes_with_the_register() -> None:
    text = ("Sisa blangko (menurut SIAK) : 1.450 keping\n\nHasil hitung fisik di gudang 1.540 keping, selisihnya "
            "sedang kami cek.")
    candidates, unassigned = read_text(text, normalise(text))
    reading = settle(candidates, unassigned)
    assert "stock_on_hand" not in reading.values
    assert [d.reason for d in reading.doubts] == ["conflict"]


def test_a_discrepancy_with_a_loose_count_is_a_conflict() -> None:
    text = "Sisa stok 640 keping.\nAda 460 keping di kartu gudang, masih ada selisih."
    assert read(text) == {}


def test_a_stock_without_discrepancy_keeps_its_figure() -> None:
    assert read("Sisa stok 640 keping.\nTerima kasih.") == {"stock_on_hand": 640}


# --- The other blank ----------------------------------------------------------------------------------


def test_the_blank_named_with_the_figure_asked_for_is_the_item() -> None:
    body = (
        "Stok KTP-el masih 3.000 keping (cukup), sedangkan blangko KIA tinggal 120 lembar.\n"
        "Mohon tambahan blangko KIA 900 lembar."
    )
    v = read_message(mail(body, subject="Permohonan"), DISTRICTS)
    assert (v.item, v.requested, v.stock_on_hand) == ("kia", 900, 120)


def test_two_blanks_asked_for_are_read_for_ktp_el_and_stay_in_doubt() -> None:
    # Read with the KTP-el figure (as the labelled sets read it), the item doubt kept: a clerk asks.
    body = "Mohon KTP-el 1.000 keping dan KIA 500 lembar."
    v = read_message(mail(body, subject="Permohonan"), DISTRICTS)
    assert (v.item, v.requested) == ("ktp-el", 1000)
    assert any(d.field == "item" and d.reason == "both_items" for d in v.doubts)  # both asked: told so


def test_a_generic_blangko_is_not_the_other_blank() -> None:
    # "sisa blangko kami 150" in a KIA request is the KIA stock, not a KTP-el figure.
    body = "Mohon tambahan blangko KIA 1.000 lembar, sisa blangko kami 150 lembar."
    v = read_message(mail(body, subject="Permohonan"), DISTRICTS)
    assert (v.item, v.requested, v.stock_on_hand) == ("kia", 1000, 150)


# --- Numbers ---------------------------------------------------------------------------------------


def test_a_unit_may_open_the_next_line_of_wrapped_prose() -> None:
    low = normalise("yaitu perekaman sebanyak empat puluh orang, pencetakan sebanyak dua puluh delapan\nkeping, dan")
    words = [m for m in find_mentions(low) if m.spelled]
    assert [(m.value, m.unit) for m in words] == [(40, "people"), (28, "blank")]


def test_a_unit_does_not_cross_a_short_line() -> None:
    (m,) = find_mentions(normalise("Sisa: 812\nkeping rusak"))
    assert m.unit is None


@pytest.mark.parametrize("text", ["pak blangko 3rb sdh kami trima", "blangko 3.000 keping sudah kami trima"])
def test_shorthand_receipt(text: str) -> None:
    v = read_message(mail(text, subject="Re: kiriman"), DISTRICTS)
    assert (v.kind, v.received) == ("receipt", 3000)


def test_shorthand_request() -> None:
    v = read_message(mail("stok tinggal 95 keping. mhn dikirim 1.000 keping ya pak"), DISTRICTS)
    assert (v.kind, v.requested, v.stock_on_hand) == ("request", 1000, 95)


# --- Dated recap lines -----------------------------------------------------------------------------


def test_line_date() -> None:
    low = normalise("- Jumat 13/3 : rekam 98\nsisa 3.007")
    sent = datetime(2026, 3, 13, 16, 0)
    assert line_date(low, low.index("98"), sent) == date(2026, 3, 13)
    assert line_date(low, low.index("3.007"), sent) is None


def test_the_latest_dated_line_wins() -> None:
    text = "- Kamis 12/3 : rekam 117, sisa 3.097\n- Jumat 13/3 : rekam 98, sisa 3.007"
    assert read(text) == {"recorded": 98, "stock_on_hand": 3007}


def test_two_lines_of_the_same_day_still_conflict() -> None:
    text = "- 13/3 pagi : sisa 3.097\n- 13/3 sore : sisa 3.007"
    assert read(text) == {}


# --- Evidence snippets --------------------------------------------------------------------------------

_LONG = (
    "Dengan hormat, bersama ini kami informasikan bahwa persediaan blangko KTP-el di gudang kabupaten "
    "kami saat ini tinggal 420 keping sementara permintaan masyarakat untuk perekaman terus meningkat pesat"
)


@pytest.mark.parametrize("width", range(12))
def test_snippets_never_start_or_end_inside_a_word(width: int) -> None:
    # a word on each side of the figure grows a letter at a time, so the edges of the snippet's window fall at
    # every place inside the words around them
    pad = "n" * width
    text = (f"Dengan hormat, bersama ini kami informasikan bahwa persediaan blangko KTP-el di gudang kabupaten{pad} "
            f"kami saat ini tinggal 420 keping sementara permintaan masyarakat{pad} untuk perekaman terus meningkat")
    [found], _ = read_text(text, normalise(text))
    assert (found.field, found.value) == ("stock_on_hand", 420) and "420" in found.text
    assert found.text.split()[0] in text.split(), found.text
    assert found.text.split()[-1] in text.split(), found.text


def test_evidence_of_a_long_clause_is_whole_words() -> None:
    v = read_message(mail(_LONG + ", mohon tambahan 1.000 keping."), DISTRICTS)
    words = set(re.findall(r"\S+", _LONG + ", mohon tambahan 1.000 keping."))
    for e in v.evidence:
        first, last = e.text.split()[0], e.text.split()[-1]
        assert first in words and (last in words or last + "." in words or last + "," in words), e.text


@pytest.mark.parametrize(
    "body",
    [
        "Mohon maaf ada kesalahan redaksi pada surat kami, sisa stok 500 keping, mohon tambahan 2.000 keping.",
        "Untuk lebih jelasnya, sisa stok kami 500 keping, mohon tambahan 2.000 keping.",
    ],
)
def test_letter_wording_is_no_press(body: str) -> None:
    v = read_message(mail(body, subject="Permohonan blangko"), DISTRICTS)
    assert (v.kind, v.requested, v.stock_on_hand) == ("request", 2000, 500)
