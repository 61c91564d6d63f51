"""read_message as a whole: the verdict's metadata, evidence, doubts and excerpt."""

from __future__ import annotations

import json
from datetime import date

import pytest

from mailbot.reader import read_message
from mailbot.reader.verdict import District
from tests.reader.conftest import CORPUS, DISTRICTS


def mail(body: str, subject: str = "Permohonan blangko KTP-el", sender: str = "disdukcapil@nunukankab.example",
         extra: str = "", date_header: str = "Mon, 12 Jan 2026 09:00:00 +0800") -> bytes:
    return (
        f"From: {sender}\nTo: blangko@x.example\nSubject: {subject}\nDate: {date_header}\n"
        f"Message-ID: <m1@nunukankab.example>\n{extra}\n{body}"
    ).encode()


def test_metadata_is_carried() -> None:
    raw = mail("Mohon tambahan 1.000 keping.",
               extra="In-Reply-To: <r1@x.example>\nReferences: <r0@x.example> <r1@x.example>\n")
    v = read_message(raw, DISTRICTS)
    assert (v.sender, v.district, v.sender_known) == ("disdukcapil@nunukankab.example", "65.03", True)
    assert v.message_id == "<m1@nunukankab.example>"
    assert v.in_reply_to == "<r1@x.example>"
    assert v.references == ("<r0@x.example>", "<r1@x.example>")
    assert v.subject == "Permohonan blangko KTP-el"


def test_evidence_shows_the_words_each_number_came_from() -> None:
    v = read_message(mail("Sisa stok kami 750 keping, mohon tambahan 2.000 keping."), DISTRICTS)
    by_field = {e.field: e for e in v.evidence}
    assert by_field["stock_on_hand"].value == 750 and "750" in by_field["stock_on_hand"].text
    assert by_field["requested"].value == 2000 and "2.000" in by_field["requested"].text
    assert "sisa stok" in by_field["stock_on_hand"].text.lower()


def test_body_excerpt_is_the_new_text_only() -> None:
    body = "Sudah kami terima 2.000 keping.\n\nPada Sen, 12 Jan 2026 Desk <a@b.example> menulis:\n> sisa 750\n"
    v = read_message(mail(body, subject="Re: Permohonan"), DISTRICTS)
    assert v.body_excerpt == "Sudah kami terima 2.000 keping."
    assert v.received == 2000 and v.stock_on_hand is None


def test_body_excerpt_is_trimmed() -> None:
    v = read_message(mail("Mohon tambahan 1.000 keping. " + "Terima kasih. " * 500), DISTRICTS)
    assert 1900 <= len(v.body_excerpt) <= 2000


def test_conflict_doubt_quotes_both_numbers() -> None:
    v = read_message(mail("Mohon tambahan 2.000 keping.\nLalu mohon tambahan 1.500 keping."), DISTRICTS)
    assert v.requested is None
    (doubt,) = [d for d in v.doubts if d.field == "requested"]
    assert doubt.reason == "conflict" and "2.000" in doubt.text and "1.500" in doubt.text


def test_a_correction_replaces_the_earlier_figure_of_its_role() -> None:
    v = read_message(mail("Mohon tambahan 2.000 keping.\nRalat: mohon tambahan 1.500 keping."), DISTRICTS)
    assert v.requested == 1500 and not [d for d in v.doubts if d.field == "requested"]


def test_same_number_twice_is_no_conflict() -> None:
    v = read_message(mail("Mohon tambahan 2.000 keping.", subject="Permohonan 2.000 keping blangko KTP-el"), DISTRICTS)
    assert v.requested == 2000 and not v.doubts


def test_reply_subject_numbers_are_old_numbers() -> None:
    v = read_message(mail("Baik, terima kasih.", subject="Re: Permohonan 2.000 keping"), DISTRICTS)
    assert v.requested is None and v.kind == "other"


@pytest.mark.parametrize(
    ("body", "sent", "expected"),
    [
        ("Laporan harian 17/12: perekaman 134, pencetakan 97, sisa blangko 812", "Thu, 17 Dec 2026 16:00:00 +0800",
         date(2026, 12, 17)),
        ("Laporan harian 31/12: perekaman 1, pencetakan 1, sisa blangko 812", "Fri, 02 Jan 2026 08:00:00 +0800",
         date(2025, 12, 31)),
        ("Laporan tanggal 5 Januari 2026: sisa blangko 812", "Mon, 05 Jan 2026 16:00:00 +0800", date(2026, 1, 5)),
    ],
)
def test_report_date_takes_its_year_from_the_date_header(body: str, sent: str, expected: date) -> None:
    v = read_message(mail(body, subject="Laporan harian", date_header=sent), DISTRICTS)
    assert v.kind == "stock_report" and v.report_date == expected


def test_report_date_without_date_header_and_year_is_unknown() -> None:
    raw = b"From: disdukcapil@nunukankab.example\nSubject: Laporan harian\n\nLaporan harian 17/12: sisa blangko 812\n"
    v = read_message(raw, DISTRICTS)
    assert v.stock_on_hand == 812 and v.report_date is None


def test_kia_is_never_read_as_ktp_el() -> None:
    v = read_message(mail("Mohon tambahan blangko KIA 500 keping.", subject="Permohonan blangko"), DISTRICTS)
    assert v.item == "kia"


def test_unnamed_blank_is_assumed_ktp_el_with_a_note() -> None:
    v = read_message(mail("Mohon tambahan 500 keping.", subject="Permohonan"), DISTRICTS)
    assert v.item == "ktp-el" and any("assumed" in n for n in v.notes)


def test_item_from_the_quoted_thread_when_the_reply_names_none() -> None:
    body = ("Yang kami mohon 750 keping.\n\nPada Sen, 12 Jan 2026 Desk <a@b.example> menulis:\n"
            "> Berapa blangko KIA yang diminta?\n")
    v = read_message(mail(body, subject="Re: Klarifikasi"), DISTRICTS)
    assert (v.kind, v.item, v.requested) == ("request", "kia", 750)


def test_district_list_comes_from_the_caller() -> None:
    only = [District(code="99.01", name="Kabupaten Contoh", senders=("a@contoh.example",))]
    v = read_message(mail("Mohon tambahan 500 keping dari Kabupaten Contoh."), only)
    assert (v.district, v.sender_known) == ("99.01", False)
    v = read_message(mail("Mohon tambahan 500 keping.", sender="A@Contoh.example"), only)
    assert (v.district, v.sender_known) == ("99.01", True)


def test_as_dict_is_json_and_has_the_contract_keys() -> None:
    v = read_message((CORPUS / "req-formal-bulungan-2000.eml").read_bytes(), DISTRICTS)
    data = json.loads(json.dumps(v.as_dict()))
    for key in ("kind", "district", "item", "requested", "stock_on_hand", "received", "printed", "recorded",
                "sender_known"):
        assert key in data
    assert data["requested"] == 2000


def test_reading_is_deterministic() -> None:
    raw = (CORPUS / "xlsx-report-real-dates.eml").read_bytes()
    assert read_message(raw, DISTRICTS) == read_message(raw, DISTRICTS)
