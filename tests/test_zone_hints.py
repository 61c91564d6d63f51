"""A time zone written as an Indonesian place is answered with the zone that place keeps, and a near spelling is
suggested only from the same area and only when it is a near spelling: never a look-alike half a world away
(Asia/Tarakan -> Asia/Tehran, UTC+3:30, shifted every date and schedule by four and a half hours)."""

from __future__ import annotations

import pytest

from mailbot.config import zone_hint

CASES = [
    # the tester's case: was " (did you mean 'Asia/Tehran'?)"
    ("Asia/Tarakan", "; Tarakan keeps WITA (UTC+8): write 'Asia/Makassar'"),
    ("Tarakan", "; Tarakan keeps WITA (UTC+8): write 'Asia/Makassar'"),
    ("Asia/Tanjung_Selor", "; Tanjung Selor keeps WITA (UTC+8): write 'Asia/Makassar'"),
    ("Tanjung Selor", "; Tanjung Selor keeps WITA (UTC+8): write 'Asia/Makassar'"),
    ("Asia/Nunukan", "; Nunukan keeps WITA (UTC+8): write 'Asia/Makassar'"),
    ("Asia/Malinau", "; Malinau keeps WITA (UTC+8): write 'Asia/Makassar'"),
    ("Asia/Balikpapan", "; Balikpapan keeps WITA (UTC+8): write 'Asia/Makassar'"),
    # was " (did you mean 'Europe/Samara'?)", UTC+4
    ("Asia/Samarinda", "; Samarinda keeps WITA (UTC+8): write 'Asia/Makassar'"),
    ("Asia/Surabaya", "; Surabaya keeps WIB (UTC+7): write 'Asia/Jakarta'"),
    ("Asia/Ambon", "; Ambon keeps WIT (UTC+9): write 'Asia/Jayapura'"),
    ("Asia/Makasar", " (did you mean 'Asia/Makassar'?)"),
    ("Makassar", " (did you mean 'Asia/Makassar'?)"),
    ("Asia/Tarakn", " (did you mean 'Asia/Makassar'?)"),
    ("Asia/Singapur", " (did you mean 'Asia/Singapore'?)"),
    ("WITA", "; WITA is written 'Asia/Makassar'"),
    ("UTC+8", "; an offset is not a zone: UTC+8 is 'Asia/Makassar'"),
    ("Asia/Nowhere", "; write the office's zone: 'Asia/Jakarta' (WIB, UTC+7), 'Asia/Makassar' (WITA, UTC+8) or "
                     "'Asia/Jayapura' (WIT, UTC+9)"),
]


@pytest.mark.parametrize(("written", "hint"), CASES, ids=[c[0] for c in CASES])
def test_zone_hint(written: str, hint: str) -> None:
    assert zone_hint(written) == hint


@pytest.mark.parametrize("written", ["Asia/Tarakan", "Asia/Samarinda", "Asia/Nunukan", "Asia/Bontang",
                                     "Asia/Kendari", "Asia/Mataram"])
def test_no_zone_of_another_offset_is_offered_for_a_wita_place(written: str) -> None:
    hint = zone_hint(written)
    assert "'Asia/Makassar'" in hint and hint.count("'Asia/") == 1, hint
