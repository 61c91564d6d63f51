"""Quote stripping: only the new text of a reply counts; forwarded messages are content."""

from __future__ import annotations

import pytest

from mailbot.reader.quotes import strip_quoted

NEW = "Blangko 2.000 keping sudah kami terima."


@pytest.mark.parametrize(
    "quote",
    [
        "Pada Sen, 12 Jan 2026 pukul 09.15 Disdukcapil Provinsi <blangko@x.example> menulis:\n> sisa 750",
        "Pada Sen, 12 Jan 2026 pukul 09.15 Disdukcapil Provinsi <blangko@x.example>\nmenulis:\n\n> sisa 750",
        "On Mon, Jan 12, 2026 at 9:15 AM Desk <blangko@x.example> wrote:\n> sisa 750",
        "-----Pesan Asli-----\nDari: Desk\nTerkirim: Senin\nPerihal: blangko\n\nsisa 750",
        "-----Original Message-----\nFrom: Desk\nSent: Monday\nSubject: blangko\n\nsisa 750",
        "________________________________\nDari: Desk <blangko@x.example>\nDikirim: Senin, 12 Januari 2026 09.15\n"
        "Kepada: a@b.example\nPerihal: blangko\n\nsisa 750",
        "From: Desk <blangko@x.example>\nSent: Monday, January 12, 2026 9:15 AM\nTo: a@b.example\n"
        "Subject: blangko\n\nsisa 750",
        "> sisa 750\n> mohon tambahan 2.000",
    ],
)
def test_quoted_reply_is_cut(quote: str) -> None:
    assert strip_quoted(f"{NEW}\n\n{quote}\n") == NEW


def test_angle_quoted_lines_anywhere_are_dropped() -> None:
    text = "> mohon tambahan 2.000\nSudah diproses?\n> sisa 750\nTerima kasih."
    assert strip_quoted(text) == "Sudah diproses?\nTerima kasih."


@pytest.mark.parametrize(
    "marker",
    ["---------- Pesan terusan ----------", "---------- Forwarded message ---------", "Begin forwarded message:"],
)
def test_forwarded_message_is_content_without_its_headers(marker: str) -> None:
    text = (
        f"Mohon diproses.\n\n{marker}\nDari: Operator <op@x.example>\nDate: Sen, 12 Jan 2026\n"
        "Subject: blangko\nTo: <a@b.example>\n\nSisa stok 520 keping, mohon tambahan 1.500 keping.\n"
    )
    out = strip_quoted(text)
    assert "Mohon diproses." in out
    assert "Sisa stok 520 keping, mohon tambahan 1.500 keping." in out
    assert "op@x.example" not in out


def test_outlook_forward_header_is_kept_when_the_subject_says_forward() -> None:
    text = ("Diteruskan.\n\nFrom: Seksi KIA <kia@x.example>\nSent: Thursday\nTo: a@b.example\nSubject: KIA\n\n"
            "Mohon 800 keping.\n")
    assert "Mohon 800 keping." in strip_quoted(text, forwarded=True)
    assert "Mohon 800 keping." not in strip_quoted(text)


def test_quote_inside_a_forward_is_still_cut() -> None:
    text = (
        "---------- Forwarded message ---------\nFrom: Op <op@x.example>\nSubject: s\n\n"
        "Mohon 1.000 keping.\n\nOn Mon, Jan 12, 2026 Desk wrote:\n> old 2.000\n"
    )
    out = strip_quoted(text)
    assert "Mohon 1.000 keping." in out and "old 2.000" not in out


def test_mobile_footer_is_dropped_and_plain_text_kept() -> None:
    assert strip_quoted("Sisa 400.\n\nDikirim dari iPhone saya") == "Sisa 400."
    assert strip_quoted("Dari kami: mohon 500 keping.") == "Dari kami: mohon 500 keping."
