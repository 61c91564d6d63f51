"""Classes of wrong numbers found on two more writers (long letters from a head of office, replies to the
desk's own mails), each removed by a principle: the gap between a need and a stock asked for as a
difference is worked out whatever the ask calls it."""

from __future__ import annotations

import pytest

from mailbot.reader import read_message
from mailbot.reader.numbers import normalise
from mailbot.reader.roles import current_requests, read_text, settle
from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES


def read(text: str) -> dict[str, int]:
    candidates, unassigned = read_text(text, normalise(text))
    return dict(settle(current_requests(candidates), unassigned).values)


def mail(body: str, subject: str = "blangko", sender: str = "disdukcapil@tarakankota.example") -> bytes:
    return (f"From: {sender}\nTo: blangko@disdukcapil.kaltaraprov.example\nSubject: {subject}\n\n{body}").encode()


# --- The gap asked for as a difference --------------------------------------------------------------------


@pytest.mark.parametrize(
    "ask",
    [
        "kami mohon kiranya Bapak berkenan memenuhi selisih kekurangan blangko tersebut.",
        "mohon dapat dikirimkan selisih kekurangan tersebut.",
        "mohon bantuan untuk menutup selisih tersebut.",
    ],
)
def test_a_difference_asked_is_the_need_less_the_stock(ask: str) -> None:
    text = ("Kebutuhan blangko KTP-el sampai dengan akhir Januari diperkirakan sebanyak 5.200 (lima ribu dua ratus) "
            "keping, sedangkan persediaan blangko yang ada pada kami saat ini sebanyak 1.700 (seribu tujuh ratus) "
            f"keping.\n\nSehubungan dengan itu, {ask}")
    assert read(text) == {"requested": 3500, "stock_on_hand": 1700}
