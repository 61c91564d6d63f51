"""Replies laid out below or between the quoted lines: a "Pada ... menulis:" header over "> " lines
quotes those lines only; the writer's words under them are new, and an answer under a quoted
question is read for what the question asked."""

from __future__ import annotations

from mailbot.reader import read_message
from mailbot.reader.quotes import inline_answers, split_quoted
from tests.reader.conftest import DISTRICTS

HEAD = (
    "From: Operator Bulungan <operator.bulungan@bulungankab.example>\nTo: blangko@disdukcapil.kaltaraprov.example\n"
    "Subject: Re: Pengiriman blangko\n\n"
)
ON_WROTE = "Pada Sen, 21 Sep 2026 pukul 14.05 Seksi Blangko <blangko@disdukcapil.kaltaraprov.example> menulis:\n"


def test_words_below_a_marked_quote_are_new() -> None:
    text = ON_WROTE + "\n> Blangko 2.000 keping sudah dikirim.\n\nYang sampai baru 1.000 keping.\n"
    new, quoted = split_quoted(text)
    assert new == "Yang sampai baru 1.000 keping."
    assert "2.000" in quoted and "menulis" in quoted


def test_a_header_over_an_unmarked_quote_still_quotes_all_below() -> None:
    text = "Sudah diterima 1.000 keping.\n\n" + ON_WROTE + "\nBlangko 2.000 keping sudah dikirim.\n"
    assert split_quoted(text)[0] == "Sudah diterima 1.000 keping."


def test_a_bottom_posted_correction_is_read() -> None:
    body = (
        ON_WROTE + "> Surel Bapak/Ibu menyebut permohonan 2.800 keping. Mohon konfirmasi jumlah yang benar.\n\n"
        "Kami koreksi: jumlah permohonan blangko yang benar 1.800 keping.\n"
    )
    verdict = read_message((HEAD + body).encode(), DISTRICTS)
    assert (verdict.kind, verdict.requested) == ("request", 1800)


def test_a_top_posted_reply_has_no_inline_answers() -> None:
    assert inline_answers("Sisa 380 keping.\n\n" + ON_WROTE + "> Berapa sisa stok?\n") == []


def test_each_answer_is_read_for_the_question_above_it() -> None:
    body = (
        ON_WROTE + "> Mohon dijawab:\n> 1. Berapa sisa stok saat ini?\n\nSisa 380 keping per 13 Oktober.\n\n"
        "> 2. Berapa jumlah yang diusulkan untuk dikirim?\n\n1.500 keping Bu.\n\n> 3. Kapan diambil?\n\n"
        "Jumat 16/10.\n\n> Terima kasih.\n"
    )
    verdict = read_message((HEAD + body).encode(), DISTRICTS)
    assert (verdict.kind, verdict.requested, verdict.stock_on_hand) == ("request", 1500, 380)


def test_figures_in_the_quoted_questions_are_not_the_answers() -> None:
    body = ON_WROTE + "> Stok kami catat 2.000. Berapa sisa stok saat ini?\n\nSisa 640 keping.\n"
    verdict = read_message((HEAD + body).encode(), DISTRICTS)
    assert verdict.stock_on_hand == 640


def test_a_groupwise_quote_header_cuts_the_unmarked_earlier_message() -> None:
    text = (
        "Mohon permohonan kami dinaikkan menjadi 1.500 keping. Sisa stok kami 460 keping.\n\n"
        ">>> disdukcapil tana tidung <disdukcapil@tanatidungkab.example> 20/05/2026 14:02 >>>\n"
        "Mohon tambahan blangko KTP-el sebanyak 1.000 keping, sisa stok 520 keping.\n"
    )
    new, quoted = split_quoted(text)
    assert "520" not in new and "520" in quoted and "460" in new


def test_a_one_line_attribution_with_an_address() -> None:
    for header in (
        "Operator Bulungan <operator.bulungan@bulungankab.example> menulis pada Sen, 2 Mar 2026:",
        "2026-03-02 10:05 GMT+08:00 Operator Bulungan <operator.bulungan@bulungankab.example>:",
    ):
        new, _ = split_quoted(f"Ralat, yang benar 1.800 keping.\n\n{header}\nMohon tambahan 1.200 keping.\n")
        assert new == "Ralat, yang benar 1.800 keping."


def test_a_line_ending_in_a_colon_with_an_address_is_no_header_by_itself() -> None:
    text = "Mohon dikirim ke alamat berikut, kontak operator@kab.example:\nJl. Merdeka 1, stok kami 300 keping.\n"
    assert split_quoted(text)[0] == text.strip()
