"""A district code or name mistyped in an operator command ("65.7", "65.10", "Tarakn") is refused (exit 2) with
every district the desk knows, by code and name; nothing is booked."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.desk.conftest import mailbot

LISTED = ("write one of: 65.01 Kabupaten Bulungan, 65.02 Kabupaten Malinau, 65.03 Kabupaten Nunukan, 65.04 "
          "Kabupaten Tana Tidung, 65.71 Kota Tarakan (the code or the name, e.g. 65.71 or Tarakan)")


@pytest.mark.parametrize("typed", ["65.7", "65.10", "Tarakn", "65.00"])
def test_adjust_refuses_a_mistyped_district_with_the_list(desk_dir: Path, typed: str) -> None:
    result = mailbot(desk_dir, "adjust", typed, "10", "--reason", "hitung ulang")
    assert result.returncode == 2, result.stdout
    assert result.stderr == (f"mailbot: adjust: {typed!r} is no district of this desk; {LISTED}; or 'province' for "
                             "the province store\n")
    assert result.stdout == ""


@pytest.mark.parametrize(("typed", "booked"), [("Tarakan", "65.71"), ("kota tarakan", "65.71"), ("65.04", "65.04")])
def test_adjust_takes_a_district_by_its_code_or_name(desk_dir: Path, typed: str, booked: str) -> None:
    result = mailbot(desk_dir, "adjust", typed, "10", "--reason", "hitung ulang")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"recorded: +10 ktp-el at {booked} (hitung ulang)\n"
