"""A delivery's shortfall is no request: "kekurangan 200 keping" beside 1.800 received of 2.000 shipped
is what the shipment lacked. A need stated beside a receipt, not adding up so, stays a request."""

from __future__ import annotations

from mailbot.reader import read_message
from tests.reader.conftest import DISTRICTS

HEAD = "From: Disdukcapil Nunukan <disdukcapil@nunukankab.example>\nTo: blangko@x.example\nSubject: {}\n\n"


def read(subject: str, body: str):  # type: ignore[no-untyped-def]
    return read_message((HEAD.format(subject) + body).encode(), DISTRICTS)


def test_the_gap_of_a_delivery_is_no_request() -> None:
    verdict = read(
        "Ralat: jumlah blangko diterima",
        "Setelah dihitung ulang, blangko yang kami terima sebanyak 1.800 keping, bukan 2.000 keping. "
        "Kekurangan 200 keping mohon dapat dicek di gudang Provinsi.\n",
    )
    assert (verdict.kind, verdict.received, verdict.requested) == ("receipt", 1800, None)


def test_the_gap_against_the_quoted_shipment() -> None:
    verdict = read(
        "Re: Pengiriman blangko",
        "Blangko sudah kami terima 1.950 keping, kurang 50 keping, mohon dicek.\n\n"
        "-----Pesan Asli-----\nDari: Seksi Blangko\nDikirim: Senin\nPerihal: Pengiriman\n\n"
        "Blangko KTP-el 2.000 keping sudah dikirim.\n",
    )
    assert verdict.requested is None and verdict.received == 1950
