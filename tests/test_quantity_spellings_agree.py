"""One spelling, one number: a district's mail (the reader), a manager's SETUJU and a quantity typed on the command line
(mailbot.quantities.parse_quantity) read the same figure the same way, or all ask back / refuse it."""

from __future__ import annotations

import pytest

from mailbot.errors import QuantityError
from mailbot.guards.commands import CommandError, ManagerCommand, parse_manager_command
from mailbot.quantities import parse_quantity
from tests.reader.conftest import mail

MALINAU = "disdukcapil@malinaukab.example"


def _from_district(figure: str) -> dict[str, object]:
    body = (f"Slmt pagi pak, izin mohon dikirim blangko KTP-el {figure} utk pelayanan di Malinau Kota.\n"
            "Sisa blangko di kami tinggal 50 keping.")
    return mail(MALINAU, "Permohonan blangko", body)


READ_ALIKE = [
    # a decimal point before one digit, as phones write it: was refused on the command line and in a SETUJU
    ("1.2 rb", 1200), ("2.5rb", 2500), ("1.5 ratus", 150),
    # "k" for a thousand: was "not a number of pieces" on the command line, "tidak dapat dibaca" in a SETUJU
    ("2K", 2000), ("2k", 2000), ("2k5", 2500), ("2K500", 2500),
    # the hundreds glued to "rb" after a space: was asked back as "missing" in a district's mail
    ("2 rb500", 2500), ("2 rb5", 2500),
    # hundreds counted past ten, as said aloud: was "missing" in mail, "not a number" on the command line
    ("lima belas ratus", 1500), ("dua belas ratus lima puluh", 1250), ("sebelas ratus", 1100),
    # the short forms of the scale words ("rts" ratus, "rbu"/"rebu" ribu): a SETUJU stopped before them ("2 rb 3 rts"
    # asked back as "2 rb 3", 2.003 or 2.300; "dua rebu" approved as 2)
    ("2 rb 3 rts", 2300), ("1 rb 8 rts", 1800), ("1 ribu 9 rts 5 puluh", 1950), ("2 rbu 5 rts", 2500),
    ("seribu 5 rts", 1500), ("dua rebu", 2000), ("tiga rbu", 3000),
    # and after digits alone: were asked back as "missing" in a district's mail
    ("2 rts", 200), ("5 rts", 500), ("2 rebu", 2000), ("2 rebu 3 rts", 2300),
]


@pytest.mark.parametrize(("figure", "value"), READ_ALIKE, ids=[f for f, _ in READ_ALIKE])
def test_a_spelling_is_read_alike_in_mail_on_the_command_line_and_in_setuju(figure: str, value: int) -> None:
    read = _from_district(figure)
    assert (read["requested"], read["doubts"]) == (value, []), read
    assert parse_quantity(figure) == value
    command = parse_manager_command(f"SETUJU {figure}")
    assert isinstance(command, ManagerCommand) and command.quantity == value, command


def test_hundreds_past_ten_before_thousands_are_never_cut_short() -> None:
    """"lima belas ratus ribu" is 1.500.000 (too many for any movement), never the 1.500 its first words say."""
    assert _from_district("lima belas ratus ribu")["requested"] == 1_500_000
    with pytest.raises(QuantityError, match="more than the most one movement may be"):
        parse_quantity("lima belas ratus ribu", maximum=200_000)


ASKED_ALIKE = ["1.25 rb", "2 k5"]


@pytest.mark.parametrize("figure", ASKED_ALIKE)
def test_a_spelling_with_two_readings_is_asked_back_in_mail_and_refused_with_a_hint(figure: str) -> None:
    """"1.25 rb" (a time, "jam 1.25", is written so) and "2 k5" are taken nowhere."""
    read = _from_district(figure)
    assert read["requested"] is None and read["doubts"], read
    with pytest.raises(QuantityError) as refused:
        parse_quantity(figure)
    assert "write it like" in str(refused.value) and "\n" not in str(refused.value)
    asked = parse_manager_command(f"SETUJU {figure}")
    assert isinstance(asked, CommandError) and asked.message.startswith(f'Jumlah "{figure}"'), asked



@pytest.mark.parametrize(("words", "figure", "value"), [
    ("SETUJU 2 rts", "2 rts", 200), ("SETUJU 5 rts PAKSA stok kab sdh menipis", "5 rts", 500),
    ("Setuju pak, 1 rb 8 rts aja dulu", "1 rb 8 rts", 1800),
    ("SETUJU 2 rebu 3 rts / sisanya bulan depan", "2 rebu 3 rts", 2300),
])
def test_a_setuju_reads_hundreds_written_short_as_the_command_line_does(words: str, figure: str, value: int) -> None:
    """"SETUJU 2 rts" was approved as 2 pieces (asked to confirm with PAKSA as no whole pack): the figure is the whole
    of what parse_quantity reads, the words after it the manager's."""
    command = parse_manager_command(words)
    assert isinstance(command, ManagerCommand) and command.quantity == value == parse_quantity(figure), command
