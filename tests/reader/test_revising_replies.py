"""A reply that revises the writer's own quoted request or receipt is that request or receipt again,
and its one new figure is the quoted mail's figure; the same words quoting someone else's mail, or
with no word of revision, are not."""

from __future__ import annotations

from mailbot.reader import read_message
from tests.reader.conftest import DISTRICTS

FROM = "Disdukcapil Kota Tarakan <disdukcapil@tarakankota.example>"


def read(new: str, quote_from: str, quoted: str):  # type: ignore[no-untyped-def]
    raw = (
        f"From: {FROM}\nTo: blangko@disdukcapil.kaltaraprov.example\nSubject: Re: blangko\n\n{new}\n\n"
        f"Pada Sen, 8 Jun 2026 pukul 08.35 {quote_from} menulis:\n\n"
        + "".join(f"> {line}\n" for line in quoted.splitlines())
    )
    return read_message(raw.encode(), DISTRICTS)


OWN_REQUEST = "Mohon berkenan dialokasikan blangko KTP-el sebanyak dua ribu lima ratus keping."
OWN_RECEIPT = "Blangko KTP-el 2.000 keping sudah diterima."


def test_lowering_ones_own_request() -> None:
    verdict = read("Pak, setelah dicek ulang, cukup 1.000 keping saja, tidak perlu 2.500.", FROM, OWN_REQUEST)
    assert (verdict.kind, verdict.item, verdict.requested) == ("request", "ktp-el", 1000)


def test_recounting_ones_own_receipt() -> None:
    verdict = read("Ralat pak, setelah dihitung ulang ternyata 1.950 keping.", FROM, OWN_RECEIPT)
    assert (verdict.kind, verdict.item) == ("receipt", "ktp-el")
    assert verdict.received in (None, 1950)


def test_the_quote_named_by_the_writers_name_alone() -> None:
    verdict = read("Ralat pak, setelah dihitung ulang ternyata 1.950 keping.", "Disdukcapil Kota Tarakan", OWN_RECEIPT)
    assert verdict.kind == "receipt"


def test_revising_someone_elses_mail_is_not_their_request() -> None:
    verdict = read(
        "Ralat pak, setelah dihitung ulang ternyata 1.950 keping.",
        "Seksi Blangko <blangko@disdukcapil.kaltaraprov.example>",
        "Mohon dikirim blangko KTP-el 2.000 keping ke gudang.",
    )
    assert verdict.requested is None and verdict.kind != "request"


def test_a_figure_without_a_word_of_revision_is_not_read_as_the_quoted_one() -> None:
    verdict = read("Terima kasih pak, nomor kontak kami 1.950.", FROM, OWN_REQUEST)
    assert verdict.requested is None
