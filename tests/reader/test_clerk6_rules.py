"""Classes of wrong numbers found on writers the reader had not seen, each removed by a principle:
dates in the English order, zero stock from a word only where no figure is stated, a change of
figure "dari X menjadi Y", a quoted header of any client, the desk's own reply quoted back."""

from __future__ import annotations

import pytest

from mailbot.reader import read_message
from mailbot.reader.numbers import mask_non_quantities, normalise
from mailbot.reader.roles import current_requests, read_text, settle
from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES


def read(text: str) -> dict[str, int]:
    candidates, unassigned = read_text(text, normalise(text))
    return dict(settle(current_requests(candidates), unassigned).values)


def mail(body: str, subject: str = "blangko", sender: str = "disdukcapil@tarakankota.example",
         headers: str = "") -> bytes:
    return (f"From: {sender}\nTo: blangko@disdukcapil.kaltaraprov.example\nSubject: {subject}\n{headers}\n"
            f"{body}").encode()


# --- Dates in the English order -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("our remaining stock as of December 1, 2026 is 640 pcs", "640"),
        ("remaining stock as of Dec. 3rd: 640 pcs", "640"),
        ("an enrolment event on December 9-11 needs 2,000 blanks", "2,000"),
    ],
)
def test_a_month_first_date_is_no_quantity(text: str, kept: str) -> None:
    masked = mask_non_quantities(normalise(text))
    # Only the quantity's digits are left: the date's day and year are blanked out.
    assert kept in masked
    assert sum(ch.isdigit() for ch in masked) == sum(ch.isdigit() for ch in kept)


def test_a_month_abbreviation_before_a_figure_leaves_the_figure() -> None:
    # "Des 1.500" is no date: the day would be cut out of a thousands figure.
    assert "1.500" in mask_non_quantities(normalise("kiriman des 1.500 keping"))


def test_english_request_with_a_month_first_date_reads_the_stock() -> None:
    body = ("We would like to request an additional 3,000 pcs of blank e-KTP cards.\n\n"
            "Our remaining stock as of December 1, 2026 is 640 pcs.")
    v = read_message(mail(body), DISTRICTS)
    assert (v.kind, v.requested, v.stock_on_hand) == ("request", 3000, 640)
