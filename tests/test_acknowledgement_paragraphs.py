"""The acknowledgement that a person will read a mail (reply_will_read) keeps its paragraphs apart: its opening
sentence, the reason it was not acted on (when there is one) and the signature, each after a blank line."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from mailbot.render import make_environment, render

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
OFFICE = SimpleNamespace(name="Disdukcapil Provinsi Kalimantan Utara", signature="Bidang Pelayanan Pendaftaran "
                         "Penduduk", operator=None)
PROMISE = "Apabila diperlukan, kami akan menghubungi Bapak/Ibu kembali."


@pytest.mark.parametrize(("why", "next_paragraph"), [
    (None, "Hormat kami,"),
    ("reminder_unmatched", "Kami belum menemukan permohonan blangko dari Bapak/Ibu"),
])
def test_the_opening_sentence_is_a_paragraph_of_its_own(why: str | None, next_paragraph: str) -> None:
    # was: "... kembali.\nHormat kami," and "... kembali.\nKami belum menemukan ...", run together
    text = render(make_environment(TEMPLATES), "reply_will_read", office=OFFICE, district_name="Kabupaten Bulungan",
                  reference=None, why=why, set_aside=[], request_item="ktp-el").text
    assert f"{PROMISE}\n\n{next_paragraph}" in text, text
    assert "\n\n\n" not in text
