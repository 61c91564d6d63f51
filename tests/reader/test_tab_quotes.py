"""A reply that quotes by indenting the earlier message with a tab: only the new text is read."""

from __future__ import annotations

from mailbot.reader.quotes import split_quoted


def test_a_tab_indented_quote_at_the_end_is_cut_off() -> None:
    text = ("koreksi: sisa stok kami 150 keping, bukan 300.\n\n"
            "\tYth. Bapak/Ibu Operator,\n\tDISETUJUI sebanyak 3.600 keping.\n\t- Sisa stok: 300 keping\n")
    new, quoted = split_quoted(text)
    assert new == "koreksi: sisa stok kami 150 keping, bukan 300."
    assert "3.600" in quoted and "300 keping" in quoted


def test_tab_indented_lines_with_text_after_them_are_the_writers_own() -> None:
    text = "Laporan harian:\n\tperekaman\t120\n\tpencetakan\t98\nsisa blangko 812 keping.\n"
    assert split_quoted(text)[0] == text.rstrip("\n")


def test_tab_indented_lines_with_nothing_above_are_the_writers_own() -> None:
    text = "\tperekaman 120\n\tsisa blangko 812 keping\n"
    assert split_quoted(text)[0] == text.rstrip("\n")
