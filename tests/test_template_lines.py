"""Plain-text lists in the templates: each item on its own line, whatever its figures (trim_blocks eats the line
break after a line that ends with a block tag, and the next item would run into it)."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from mailbot.render import make_environment, render

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
OFFICE = SimpleNamespace(name="Disdukcapil Provinsi Kalimantan Utara",
                         signature="Bidang Pelayanan Pendaftaran Penduduk")
TWO_CHANGES = [
    {"field": "stock_on_hand", "label": "Sisa stok", "before": 750, "after": 400},
    {"field": "requested", "label": "Jumlah yang dimohon", "before": 2000, "after": 2500},
]
ONE_NEW = [{"field": "requested", "label": "Jumlah yang dimohon", "before": None, "after": 1200},
           {"field": "stock_on_hand", "label": "Sisa stok", "before": 900, "after": 300}]

COMMON = dict(office=OFFICE, reference="BLK-2026-0001", district="65.01", district_name="Kabupaten Bulungan",
              sender="disdukcapil@bulungankab.example", item="ktp-el", requested=2500, approved=2500, proposed=None,
              proactive=False, explanation=["kebutuhan 30 hari x 110/hari - sisa 400 = 2.900"], facts=[],
              reasons=[], note=None, outcome_text="DISETUJUI otomatis", by_us=False, by="")

CASES = {
    "reply_approved": (TWO_CHANGES, ["- Sisa stok: 750 keping menjadi 400 keping",
                                     "- Jumlah yang dimohon: 2.000 keping menjadi 2.500 keping"]),
    "notice_held": (TWO_CHANGES, ["- Sisa stok: 750 keping menjadi 400 keping",
                                  "- Jumlah yang dimohon: 2.000 keping menjadi 2.500 keping"]),
    "notice_released": (ONE_NEW, ["- Jumlah yang dimohon: 1.200 keping (sebelumnya belum disebutkan)",
                                  "- Sisa stok: 900 keping menjadi 300 keping"]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_changed_figure_is_a_line_of_its_own(name: str) -> None:
    changes, expected = CASES[name]
    text = render(make_environment(TEMPLATES), name, **{**COMMON, "changes": changes}).text
    lines = text.splitlines()
    for line in expected:
        assert line in lines, text
    assert "keping-" not in text and "keping- " not in text


_TAG = re.compile(r"{%-?\s*(\w+).*?-?%}")
_EXPRESSION = re.compile(r"{{.*?}}")


def list_lines_ending_in_a_block_tag(source: str) -> list[str]:
    """Lines inside a {% for %} loop that hold text and end with a block tag, with no blank line after them:
    their line break is lost, so the loop's items run together."""
    lines = source.split("\n")
    found, depth = [], 0
    for i, line in enumerate(lines):
        text = _EXPRESSION.sub("x", _TAG.sub("", line)).strip()
        blank_after = i + 1 < len(lines) and not lines[i + 1].strip()
        if depth and text and line.rstrip().endswith("%}") and not blank_after:
            found.append(line)
        words = [m.group(1) for m in _TAG.finditer(line)]
        depth += words.count("for") - words.count("endfor")
    return found


@pytest.mark.parametrize("path", sorted(TEMPLATES.glob("*.txt.j2")), ids=lambda p: p.name)
def test_no_plain_text_list_item_ends_with_a_block_tag(path: Path) -> None:
    assert list_lines_ending_in_a_block_tag(path.read_text(encoding="utf-8")) == []


def test_the_check_finds_the_joined_list_it_guards_against() -> None:
    joined = ("{% for ch in changes %}\n- {{ ch.label }}: {% if ch.before is none %}{{ ch.after }}{% else %}"
              "{{ ch.before }} menjadi {{ ch.after }}{% endif %}\n{% endfor %}\n")
    assert len(list_lines_ending_in_a_block_tag(joined)) == 1
