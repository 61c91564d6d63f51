"""A low-stock threshold above a district's opening stock (a zero too many) is a warning line: the first run
would otherwise mail the managers an alert and a shipment proposal for every such district without a word."""

from __future__ import annotations

from pathlib import Path

from mailbot.configfile import load_config
from tests.desk.conftest import ROOT


def _warnings(folder: Path, old: str, new: str) -> list[str]:
    text = (ROOT / "config.toml").read_text()
    assert old in text
    (folder / "config.toml").write_text(text.replace(old, new, 1))
    (folder / "var").mkdir(exist_ok=True)
    return load_config(folder / "config.toml").warnings()


def test_a_threshold_over_every_opening_stock_is_warned_of(tmp_path: Path) -> None:
    """Was: threshold = 10000 passed check-config with no word; run --once booked 5 proposals and sent 9 alerts."""
    said = [w for w in _warnings(tmp_path, "\nthreshold = 1000\n", "\nthreshold = 10000\n")
            if w.startswith("threshold")]
    assert said[0] == (
        "threshold: the opening ktp-el stock of 4 district(s) is below their low-stock threshold: 65.01 "
        "Kabupaten Bulungan (8.000 against 10.000), 65.02 Kabupaten Malinau (5.500 against 10.000), 65.03 Kabupaten "
        "Nunukan (7.500 against 10.000), 65.71 Kota Tarakan (7.500 against 10.000); the first run mails the managers "
        "a low-stock alert and a shipment proposal for each (a zero too many in threshold?)"), said
    assert len(said) == 2 and said[1].startswith("threshold: the opening kia stock of 4 district(s)"), said


def test_the_shipped_thresholds_are_no_warning(tmp_path: Path) -> None:
    assert not [w for w in _warnings(tmp_path, "\nthreshold = 1000\n", "\nthreshold = 1000\n")
                if w.startswith("threshold")]


def test_an_opening_stock_equal_to_the_threshold_is_no_warning(tmp_path: Path) -> None:
    """A district is low under its threshold (mailbot.stock.status): an opening stock equal to it raises no alert,
    and was warned of as if it did (a test desk with KIA 1.000 against 1.000)."""
    text = (ROOT / "config.toml").read_text()
    assert "\nthreshold = 1000\n" in text
    said = [w for w in _warnings(tmp_path, "\nthreshold = 1000\n", "\nthreshold = 5500\n") if w.startswith("threshold")]
    # KTP-el: Malinau opens with 5.500, the others above or with a threshold of their own: no line; KIA: all below
    assert [w.split(" stock of ")[0] for w in said] == ["threshold: the opening kia"], said
