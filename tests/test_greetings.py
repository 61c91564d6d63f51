"""Every reply template opens with a complete greeting for every kind of sender: a district's operator, its head of
office or of a division (by role), a sender of no known district, a manager by role; never a bare "Yth.,"."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest

from mailbot.greeting import signature_role
from mailbot.render import make_environment

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
REPLIES = sorted(p.name for p in TEMPLATES.iterdir() if p.name.startswith(("reply_", "manager_")))
OFFICE = SimpleNamespace(name="Disdukcapil Provinsi Kalimantan Utara",
                         signature="Bidang Pelayanan Pendaftaran Penduduk")

DISTRICT = {
    None: "Yth. Bapak/Ibu Operator Disdukcapil Kabupaten Nunukan,",
    "kadis": "Yth. Bapak/Ibu Kepala Disdukcapil Kabupaten Nunukan,",
    "kabid": "Yth. Bapak/Ibu Kepala Bidang Disdukcapil Kabupaten Nunukan,",
}
MANAGER = {None: "Yth. Bapak/Ibu Pimpinan,", "kadis": "Yth. Bapak/Ibu Kepala Dinas,",
           "kabid": "Yth. Bapak/Ibu Kepala Bidang,"}


def _first_line(name: str, **context: object) -> str:
    env = make_environment(TEMPLATES)
    env.undefined = jinja2.ChainableUndefined  # the rest of each template's context does not matter here
    figures: dict[str, object] = dict.fromkeys(("approved", "quantity", "received", "requested", "shipped",
                                                "proposed", "released", "withdrawn", "previous_approved", "actual",
                                                "maximum"), 2000)
    figures.update(when="2026-12-01", since="2026-12-01", limit="attachments")
    text = env.get_template(name).render(office=OFFICE, reference="BLK-2026-0001", item="ktp-el",
                                         **{**figures, **context})
    if name.endswith(".html.j2"):
        text = re.sub(r"<[^>]+>", "\n", re.sub(r"(?s)<head>.*?</head>", "", text))
    return next(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("{#"))


def _is_complete(line: str) -> bool:
    return bool(re.fullmatch(r"Yth\. Bapak/Ibu( [A-Z][\w/. -]*\w)?,", line))


@pytest.mark.parametrize("name", [n for n in REPLIES if not n.startswith("manager_")])
@pytest.mark.parametrize("role", [None, "kadis", "kabid"])
def test_a_reply_to_a_district_greets_its_writer_by_role(name: str, role: str | None) -> None:
    line = _first_line(name, district_name="Kabupaten Nunukan", role=role)
    assert line == DISTRICT[role]


@pytest.mark.parametrize("name", [n for n in REPLIES if not n.startswith("manager_")])
@pytest.mark.parametrize("district_name", ["kabupaten/kota", "", None])
@pytest.mark.parametrize("role", [None, "kadis"])
def test_a_reply_to_a_sender_of_no_known_district_is_never_a_bare_yth(name: str, district_name: str | None,
                                                                      role: str | None) -> None:
    line = _first_line(name, district_name=district_name, role=role)
    assert _is_complete(line) and line != "Yth.," and "Disdukcapil ," not in line and "kabupaten/kota" not in line


@pytest.mark.parametrize("name", [n for n in REPLIES if n.startswith("manager_")] + ["reply_will_read.txt.j2",
                                                                                      "reply_will_read.html.j2"])
@pytest.mark.parametrize("role", [None, "kadis", "kabid"])
def test_a_reply_to_a_manager_greets_by_role(name: str, role: str | None) -> None:
    context: dict[str, object] = {"role": role, "manager": True}
    if name.startswith("reply_"):
        context["district_name"] = None
    else:
        context["district_name"] = "Kabupaten Nunukan"
    assert _first_line(name, **context) == MANAGER[role]


NOTICES_TO_THE_OPERATOR = sorted(p.name for p in TEMPLATES.iterdir()
                                 if p.name.startswith("notice_") and "Yth. Operator," in p.read_text())


@pytest.mark.parametrize("name", NOTICES_TO_THE_OPERATOR)
@pytest.mark.parametrize(("operator", "greeting"), [("operator@kaltaraprov.example", "Yth. Operator,"),
                                                    (None, "Yth. Bapak/Ibu Pimpinan,")])
def test_a_notice_for_the_operator_greets_the_manager_it_goes_to_when_no_operator_is_set(
        name: str, operator: str | None, greeting: str) -> None:
    env = make_environment(TEMPLATES)
    env.undefined = jinja2.ChainableUndefined  # the rest of each template's context does not matter here
    office = SimpleNamespace(name=OFFICE.name, signature=OFFICE.signature, operator=operator)
    text = env.get_template(name).render(office=office, entries=[], count=1)
    assert next(line.strip() for line in text.splitlines() if line.strip()) == greeting


@pytest.mark.parametrize("name", NOTICES_TO_THE_OPERATOR)
@pytest.mark.parametrize("operator", ["operator@kaltaraprov.example", None])
def test_a_notice_for_the_operator_has_a_blank_line_after_its_greeting(name: str, operator: str | None) -> None:
    # was: "Yth. Operator,\nSebuah email masuk ...": the greeting ended with a block tag, whose line break was eaten
    env = make_environment(TEMPLATES)
    env.undefined = jinja2.ChainableUndefined  # the rest of each template's context does not matter here
    office = SimpleNamespace(name=OFFICE.name, signature=OFFICE.signature, operator=operator)
    lines = env.get_template(name).render(office=office, entries=[], count=1).lstrip("\n").splitlines()
    assert lines[0].startswith("Yth. ") and lines[1] == "" and lines[2], lines[:3]


@pytest.mark.parametrize(("text", "district", "role"), [
    ("Mohon tambahan 2.000 keping.\n\nHormat kami,\nKepala Dinas Kependudukan dan Pencatatan Sipil\nKabupaten Nunukan",
     True, "kadis"),
    ("Mohon tambahan.\n\nSalam,\nPlt. Kadis Dukcapil Kab. Malinau", True, "kadis"),
    ("Mohon tambahan.\n\na.n. Kepala Dinas\nKabid Pelayanan Pendaftaran Penduduk\nSiti Rahma", True, "kabid"),
    ("Yth.\nKepala Dinas Kependudukan dan Pencatatan Sipil Provinsi Kalimantan Utara\nmohon 2.000 keping.\nOperator",
     True, None),
    ("Mohon tambahan 2.000 keping.\n\nSalam,\nOperator Disdukcapil Kab. Nunukan", True, None),
    ("SETUJU 2.000\n\nKepala Dinas Kependudukan dan Pencatatan Sipil\nProvinsi Kalimantan Utara", False, "kadis"),
])
def test_the_role_a_signature_names(text: str, district: bool, role: str | None) -> None:
    assert signature_role(text, district=district) == role
