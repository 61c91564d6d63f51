"""A reminder is a class of wordings, not one phrase (mailbot.attention.is_reminder); pure."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mailbot.attention import is_reminder
from mailbot.reader.verdict import Verdict
from tests.properties import examples


def _verdict(text: str) -> Verdict:
    return Verdict(kind="other", district="65.71", sender_known=True, sender="x@tarakankota.example", item=None,
                   subject="Re: [BLK-2026-0001] Permohonan blangko KTP-el", body_excerpt=text)


@pytest.mark.parametrize("text", [
    "Izin mengingatkan kembali permohonan kami.",
    "izin menanyakan kelanjutan permohonan kami di bawah ini, sudah seminggu belum ada keputusan.",
    "Kami menanyakan tindak lanjut permohonan blangko kami.",
    "Mohon info perkembangan permohonan kami, belum ada kabar.",
    "Bagaimana progres permohonan kami pak?",
    "Kapan permohonan kami diproses ya pak?",
    "Sampai sekarang belum ada jawaban atas permohonan kami.",
    "Mohon ditindaklanjuti pak",
    "Any update on our request? We are still waiting.",
    # an urge to send: the request waits on the province
    "SETUJU 2.000\n\nmohon segera dikirim pak.",
    "Mohon blangkonya segera dikirimkan, stok kami hampir habis.",
    "Kirimannya mohon segera ya pak.",
    "Pengirimannya mohon dipercepat.",
    "Kapan blangkonya sampai pak?",
    "Please send the blanks as soon as possible, send them asap.",
    # asking after the request in a letter's words
    "Assalamualaikum pak, izin menanyakan surat permohonan blangko kami tgl 6 kemarin, apakah sudah ada disposisi?",
    "Pak, permohonan kami apakah sudah didisposisi?",
    # a polite question after the district's own request, with no word of progress
    "Izin bertanya tentang permohonan blangko KTP-el kami pak.",
    "Selamat siang, permohonan kami bagaimana ya pak?",
    "Bagaimana dengan usulan kami?",
    "Just asking about our request.",
])
def test_reminders_in_their_many_wordings(text: str) -> None:
    assert is_reminder(_verdict(text))


@pytest.mark.parametrize("text", ["Baik pak, terima kasih.", "Mohon tambahan blangko 2.000 keping.",
                                  "Blangko sudah kami terima 1.200 keping.", "Ditunggu kirimannya pak.",
                                  # the district's own sending, and a stock running low, urge nothing of ours
                                  "Laporan harian segera kami kirimkan.", "Stok kami akan segera habis.",
                                  "Kiriman sudah kami terima, segera kami distribusikan ke kecamatan.",
                                  # a question about requests in general, or the request's own words
                                  "Kami ingin bertanya, apakah permohonan KIA bisa digabung?",
                                  "Pak, bagaimana cara mengisi permohonan?",
                                  "Permohonan kami ini untuk perekaman di Kecamatan Sebatik."])
def test_what_is_not_a_reminder(text: str) -> None:
    assert not is_reminder(_verdict(text))


def test_a_reminder_is_told_the_same_however_often_it_is_asked() -> None:
    """is_reminder keeps its answer per text (routing asks it up to three times of one mail): never another
    mail's answer."""
    for _ in range(2):
        assert is_reminder(_verdict("Mohon ditindaklanjuti pak"))
        assert not is_reminder(_verdict("Terima kasih, blangko sudah kami terima."))
        assert is_reminder(replace(_verdict("Terima kasih."), subject="Mengingatkan: permohonan blangko"))


_REMINDER_WORDS = st.sampled_from([
    "Izin", "MENGINGATKAN", "kembali", "permohonan", "Menanyakan", "KELANJUTAN", "tindak", "lanjut", "Mohon", "info",
    "Perkembangan", "belum", "ADA", "kabar", "kapan", "Diproses", "ya", "pak", "segera", "DIKIRIM", "Kirimannya",
    "any", "Update", "still", "WAITING", "remind", "Pengirimannya", "dipercepat", "sudah", "Seminggu", "send", "ASAP",
    "2.000", "?", ",", ".", "\n", "Follow", "up", "status", "of", "our", "request",
])


@settings(max_examples=examples(400), deadline=None)
@given(words=st.lists(_REMINDER_WORDS, max_size=14), glue=st.sampled_from([" ", "  ", "\n", ", "]))
def test_ascii_text_in_lower_case_is_read_as_the_pattern_reads_it_ignoring_case(words: list[str], glue: str) -> None:
    from mailbot import attention

    text = glue.join(words)
    assert attention._reminds.__wrapped__(text) == bool(attention._REMINDER.search(text))


def test_the_reminder_pattern_has_no_upper_case_word() -> None:
    """Lower-casing ASCII text stands for ignoring case only while the pattern's own words are lower case."""
    from mailbot import attention

    source = attention._REMINDER.pattern
    assert all(source[i - 1] == "\\" for i, c in enumerate(source) if c.isupper())
