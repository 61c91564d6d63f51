"""The rules a careful clerk applies beyond single numbers: wrapped prose, rates, years, totals,
competing figures, side remarks about the other blank, and replies that answer a question."""

from __future__ import annotations

import pytest

from mailbot.reader import read_message
from mailbot.reader.classify import item_of
from mailbot.reader.mime import extract_from, parse_message
from mailbot.reader.numbers import find_mentions, normalise
from mailbot.reader.quotes import split_quoted
from mailbot.reader.roles import asked_role, read_text, settle
from tests.reader.conftest import DISTRICTS


def read(text: str, answer_role: str | None = None) -> dict[str, int | None]:
    candidates, unassigned = read_text(text, normalise(text), answer_role)
    reading = settle(candidates, unassigned)
    return dict(reading.values)


def mail(
    body: str, subject: str = "Permohonan blangko KTP-el", sender: str = "disdukcapil@nunukankab.example"
) -> bytes:
    return f"From: {sender}\nTo: blangko@x.example\nSubject: {subject}\n\n{body}".encode()


# --- Line breaks --------------------------------------------------------------------------------


def test_a_wrapped_line_does_not_end_the_clause() -> None:
    text = (
        "Dengan hormat, stok blangko KTP-el kami di gudang kabupaten saat ini tinggal\n"
        "420 keping, mohon tambahan 1.000 keping."
    )
    assert read(text) == {"stock_on_hand": 420, "requested": 1000}


def test_a_short_line_is_a_clause_of_its_own() -> None:
    # "Sisa blangko" on a short line of its own is a label, and a label needs its figure on its line.
    assert read("Sisa blangko\n420 keping") == {}


def test_a_line_closed_by_punctuation_ends_the_clause() -> None:
    text = "Dengan hormat, kami sampaikan bahwa stok blangko KTP-el kami sudah menipis.\n420 keping rusak."
    assert read(text) == {}


def test_list_lines_after_long_prose_keep_their_own_roles() -> None:
    text = (
        "Dengan hormat, bersama ini kami sampaikan laporan kegiatan perekaman hari ini\n"
        "Perekaman: 120\nPencetakan: 98\nSisa blangko: 640"
    )
    assert read(text) == {"recorded": 120, "printed": 98, "stock_on_hand": 640}


def test_a_unit_is_on_the_same_line_as_its_number() -> None:
    (m,) = find_mentions(normalise("sisa blangko 812\n\noperator disdukcapil"))
    assert m.unit is None
    (m,) = find_mentions(normalise("sisa blangko 812 keping"))
    assert m.unit == "blank"


# --- Rates, years, totals, competing figures --------------------------------------------------


def test_per_hari_ini_is_as_of_today_not_a_rate() -> None:
    assert read("sisa 620 keping per hari ini") == {"stock_on_hand": 620}
    assert read("pemakaian 80 keping per hari, sisa 400 keping") == {"stock_on_hand": 400}


@pytest.mark.parametrize("text", ["rencana kebutuhan 2027", "sisa 2026", "mohon tambahan untuk kebutuhan 2031"])
def test_a_bare_year_is_never_a_quantity(text: str) -> None:
    assert read(text) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mohon tambahan 2000", {"requested": 2000}),  # round: a count
        ("sisa stok 2026 keping", {"stock_on_hand": 2026}),  # with a unit: a count
        ("sisa stok 2.026", {"stock_on_hand": 2026}),  # grouped: a count
    ],
)
def test_year_like_counts_still_read_when_written_as_counts(text: str, expected: dict[str, int]) -> None:
    assert read(text) == expected


def test_a_year_does_not_cut_a_role_word_from_its_figure() -> None:
    assert read("mohon tambahan blangko untuk kebutuhan 2026 sebanyak 2.000 keping") == {"requested": 2000}


def test_a_total_outranks_its_parts() -> None:
    text = "Perekaman kantor: 60\nPerekaman keliling: 30\nTotal perekaman: 90"
    assert read(text) == {"recorded": 90}


def test_parts_without_a_total_conflict() -> None:
    assert read("Perekaman kantor: 60\nPerekaman keliling: 30") == {}


@pytest.mark.parametrize(
    "text",
    [
        "Sisa blangko kami 400 keping (tapi menurut catatan gudang 640, sedang kami cocokkan).",
        "Stok blangko kami 520 keping, namun versi aplikasi 480.",
    ],
)
def test_a_figure_set_against_another_makes_a_conflict(text: str) -> None:
    candidates, unassigned = read_text(text, normalise(text))
    reading = settle(candidates, unassigned)
    assert "stock_on_hand" not in reading.values
    assert any(d.field == "stock_on_hand" and d.reason == "conflict" for d in reading.doubts)


def test_a_contrast_with_its_own_role_word_is_no_conflict() -> None:
    assert read("Sisa blangko 300 keping, namun kebutuhan 1.500 keping") == {"stock_on_hand": 300, "requested": 1500}


# --- Items ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "blangko kia tinggal 150 lembar, mohon dikirim 500 lembar. untuk blangko ktp-el masih cukup.",
        "blangko ktp-el masih aman, tapi kia tinggal 80 lembar.",
    ],
)
def test_the_blank_said_to_be_fine_is_not_the_item(text: str) -> None:
    assert item_of(text, text)[:2] == ("kia", False)


def test_both_blanks_with_figures_stay_ambiguous() -> None:
    text = "mohon ktp-el 1.000 keping dan kia 500 keping. kia masih aman sampai akhir bulan."
    assert item_of(text, text)[:2] == (None, True)


# --- Kinds ------------------------------------------------------------------------------------


def test_asking_for_a_file_is_no_request() -> None:
    v = read_message(mail("Mohon dikirimkan template Excel-nya.", subject="Format laporan harian"), DISTRICTS)
    assert v.kind == "other"


def test_asking_for_the_usual_is_a_request_without_a_figure() -> None:
    v = read_message(mail("blangko kami sisa 600. minta seperti biasa ya pak", subject="blangko"), DISTRICTS)
    assert (v.kind, v.requested, v.stock_on_hand) == ("request", None, 600)


# --- Replies to a question ----------------------------------------------------------------------

QUESTION = "Pada Sel, 13 Jan 2026 pukul 10.02 Desk menulis:\n> Berapa keping blangko KTP-el yang Bapak/Ibu mohon?\n"


def test_split_quoted_returns_the_quote() -> None:
    new, quoted = split_quoted("Jumlahnya 500 keping.\n\n" + QUESTION)
    assert new == "Jumlahnya 500 keping."
    assert "yang Bapak/Ibu mohon" in quoted


@pytest.mark.parametrize(
    ("quoted", "role"),
    [
        ("> berapa keping blangko ktp-el yang bapak/ibu mohon? mohon sebutkan juga sisa stok saat ini.", "requested"),
        ("> berapa keping blangko ktp-el yang\n> bapak/ibu mohon?", "requested"),
        ("- requested: kami menemukan lebih dari satu angka. mohon tegaskan angka yang benar.", "requested"),
        ("> berapa sisa stok blangko saat ini?", "stock_on_hand"),
        ("> permohonan sebanyak 2.000 keping yang diminta telah kami setujui.", None),  # no question
        ("> berapa keping yang bapak/ibu mohon? berapa sisa stok saat ini?", None),  # two questions
    ],
)
def test_asked_role(quoted: str, role: str | None) -> None:
    assert asked_role(quoted) == role


def test_a_reply_answers_the_question_it_quotes() -> None:
    v = read_message(mail("Jumlahnya 500 keping pak.\n\n" + QUESTION, subject="Re: Klarifikasi"), DISTRICTS)
    assert (v.kind, v.requested) == ("request", 500)


def test_an_answer_with_two_figures_is_asked_again() -> None:
    v = read_message(mail("500 atau 700 keping pak.\n\n" + QUESTION, subject="Re: Klarifikasi"), DISTRICTS)
    assert v.requested is None
    assert any(d.field == "requested" for d in v.doubts)


def test_a_new_message_quoting_nothing_is_not_an_answer() -> None:
    v = read_message(mail("Baik pak, 500 keping.", subject="Re: Klarifikasi"), DISTRICTS)
    assert v.requested is None


# --- MIME -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("payload", ["PC9odG1sPgo=", "PC9odG1sPgo", "PC9odG1sPgo=\n junk"])
def test_lenient_base64_keeps_the_last_padded_group(payload: str) -> None:
    raw = ("From: disdukcapil@nunukankab.example\nTo: blangko@x.example\nSubject: blangko\nMIME-Version: 1.0\n"
           f"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n{payload}\n").encode()
    assert extract_from(parse_message(raw)).text == "</html>\n"
