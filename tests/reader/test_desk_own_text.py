"""The desk's own text in an incoming mail is the desk's, wherever it sits: its reply pasted back with no quote
marks above the writer's words, or run into the attribution line (Yahoo Mail on Android, Thunderbird with its line
breaks lost), is cut from what is read, and its closing sentence ("Email ini dikirim otomatis oleh meja layanan
blangko") never makes a person's mail read as a machine's."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mailbot.reader import read_message
from mailbot.reader.automated import content_reasons
from mailbot.reader.quotes import split_quoted
from tests.reader.conftest import DISTRICTS

DESK = "blangko@disdukcapil.kaltaraprov.example"
BULUNGAN = "disdukcapil@bulungankab.example"
SUBJECT = "[BLK-2026-0001] Permohonan tambahan blangko KTP-el"
# The desk's approval as templates/_common.txt.j2 closes it: the footer says the desk's mail is sent automatically.
REPLY = ("Yth. Bapak/Ibu Operator Disdukcapil Kabupaten Bulungan,\n\nDengan hormat,\n\nTerima kasih atas permohonan "
         "blangko KTP-el yang Bapak/Ibu sampaikan. Permohonan dengan nomor rujukan BLK-2026-0001 telah kami terima "
         "dan DISETUJUI sebanyak 2.000 keping.\n\nPerhitungan kami:\n- kebutuhan 30 hari x 110/hari - sisa 750 = "
         "2.550\n\nYang kami pahami dari email Bapak/Ibu:\n- Sisa stok: 750 keping (tertulis: \"sisa stok 750 "
         "keping\")\nApabila ada angka yang keliru, mohon balas email ini dengan angka yang benar.\n\nHormat kami,\n"
         "Bidang Pelayanan Pendaftaran Penduduk\nDisdukcapil Provinsi Kalimantan Utara\n\nEmail ini dikirim otomatis "
         "oleh meja layanan blangko. Mohon tidak mengubah kode rujukan pada subjek saat membalas.")


def _below(new: str) -> str:
    """The desk's reply pasted with no marks, the writer's words under it."""
    return f"{REPLY}\n\n\n{new}"


def _below_wrapped(new: str) -> str:
    """The same, the footer wrapped over two lines by the writer's client."""
    return _below(new).replace("blangko. Mohon tidak", "blangko.\nMohon tidak")


def _yahoo(new: str) -> str:
    """Yahoo Mail on Android: the attribution runs into the first quoted line, the quote indented by spaces."""
    lines = REPLY.splitlines()
    quoted = "\n".join(f"   {line}" for line in lines[1:])
    return (f"{new}\n\nDikirim dari Yahoo Mail di Android\n\n  Pada Sel, 1 Des 2026 pada 8:05, Meja Blangko<{DESK}> "
            f"menulis:   {lines[0]}\n{quoted}")


def _one_line(new: str) -> str:
    """Thunderbird with the line breaks lost: the whole reply on the attribution's line."""
    return f"{new}\n\nOn 01/12/2026 08.05, Meja Blangko wrote: {' '.join(REPLY.split())}"


LAYOUTS: dict[str, Callable[[str], str]] = {
    "pasted_above": _below, "pasted_above_wrapped_footer": _below_wrapped, "yahoo_joined": _yahoo,
    "thunderbird_one_line": _one_line,
}


def _mail(text: str) -> bytes:
    return (f"From: Disdukcapil Bulungan <{BULUNGAN}>\nTo: {DESK}\nSubject: Re: {SUBJECT}\n"
            "Date: Wed, 02 Dec 2026 10:00:00 +0800\nMessage-ID: <d@bulungankab.example>\nMIME-Version: 1.0\n"
            f"Content-Type: text/plain; charset=utf-8\n\n{text}\n").encode()


@pytest.mark.parametrize("layout", list(LAYOUTS))
@pytest.mark.parametrize(("new", "field", "value"), [
    ("Sudah kami terima 2.000 keping, terima kasih pak.", "received", 2000),
    ("Ralat pak, sisa stok kami 500 bukan 750.", "stock_on_hand", 500),
    ("Koreksi: cukup 1.600 keping saja, bukan 2.000.", "requested", None),  # a follow-up's, read in its thread
])
def test_the_desks_reply_however_pasted_is_cut_and_the_writers_words_are_read(
        layout: str, new: str, field: str, value: int | None) -> None:
    v = read_message(_mail(LAYOUTS[layout](new)), DISTRICTS, own_addresses=[DESK])
    alone = read_message(_mail(new), DISTRICTS, own_addresses=[DESK])
    assert v.kind != "automated", (layout, v.automated_reasons)
    assert v.body_excerpt == new
    # read as the writer's words alone are read: nothing of the desk's reply (its 2.000, its 750) is taken
    assert (v.kind, v.quantity(field)) == (alone.kind, value), (layout, v.kind, v.evidence)
    assert [r.as_dict() for r in v.readings] == [r.as_dict() for r in alone.readings]


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_the_desks_footer_is_never_the_writers_own_words(layout: str) -> None:
    own, quoted = split_quoted(LAYOUTS[layout]("Terima kasih pak."))
    assert own == "Terima kasih pak."
    assert "meja layanan blangko" in quoted


def test_the_desks_closing_sentence_alone_is_no_sign_of_a_machine() -> None:
    # left over in the writer's part (a quote cut above it): the desk's words, not the writer's
    body = ("Sisa stok kami 500 keping.\n\nEmail ini dikirim otomatis oleh meja layanan blangko. Mohon tidak mengubah "
            "kode rujukan pada subjek saat membalas.")
    assert content_reasons(f"Re: {SUBJECT}", body) == ()
    assert split_quoted(body)[0] == "Sisa stok kami 500 keping."


@pytest.mark.parametrize("body", [
    "Email ini dikirim otomatis oleh sistem SIAK. Jangan membalas email ini.",
    "Pesan ini dikirim secara otomatis. Mohon tidak membalas email ini.",
])
def test_another_systems_template_is_still_a_machine(body: str) -> None:
    assert "machine-template" in content_reasons("Notifikasi SIAK", body)


@pytest.mark.parametrize("text", [
    "On Monday we wrote: the stock is 500 pieces.",
    "Pada rapat kemarin kami menulis: kebutuhan 2.000 keping.",
])
def test_a_sentence_that_only_looks_like_an_attribution_is_the_writers(text: str) -> None:
    assert split_quoted(text)[0] == text


def test_a_writers_sentence_with_a_time_and_a_colon_is_not_cut() -> None:
    text = "Pada tanggal 1 Des 2026 pukul 08.00 kami sudah menulis: mohon tambahan 2.000 keping. Mohon dibantu."
    assert split_quoted(text)[0] == text
