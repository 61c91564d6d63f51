"""Classes of wrong numbers found on two more writers (kecamatan field reports, boxes, typed tables with
yesterday's and today's columns, stock audits, loans between districts), each removed by a principle a
careful clerk applies, not by the phrases of those mails."""

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


def verdict(body: str, subject: str = "blangko") -> dict[str, object]:
    return read_message(mail(body, subject), DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()


FIGURES = ("requested", "stock_on_hand", "received", "printed", "recorded")


def figures(body: str, subject: str = "blangko") -> dict[str, object]:
    got = verdict(body, subject)
    return {f: got[f] for f in FIGURES if got[f] is not None} | {"kind": got["kind"]}


# --- One work figure in a request is the reason for asking -------------------------------------------------


@pytest.mark.parametrize(
    "reason",
    [
        "Karena ada perekaman massal di pelabuhan (± 400 orang) minggu ini, mohon tambahan 2.500 keping.",
        "Target perekaman dan cetak bulan Desember 2.400 keping, mohon tambahan 2.500 keping.",
        "Pencetakan minggu depan diperkirakan 600 keping, mohon tambahan 2.500 keping.",
    ],
)
def test_one_work_figure_in_a_request_is_no_count_of_work(reason: str) -> None:
    assert figures(reason) == {"kind": "request", "requested": 2500}


def test_a_request_with_the_days_work_keeps_both_counts() -> None:
    body = "Laporan hari ini: perekaman 156, pencetakan 131, sisa blangko 420. Mohon tambahan 2.000 keping."
    assert figures(body) == {"kind": "request", "requested": 2000, "stock_on_hand": 420, "printed": 131,
                             "recorded": 156}
