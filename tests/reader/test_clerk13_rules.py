"""Rules from an independent set of district mail in a crisis quarter: a printer breakdown, an election drive,
a flood, mail relayed while a district's office mail was down."""

from __future__ import annotations

import pytest

from mailbot.reader import read_message
from mailbot.reader.numbers import normalise
from mailbot.reader.roles import read_text, settle
from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES


def read(text: str) -> dict[str, int | None]:
    candidates, unassigned = read_text(text, normalise(text))
    return dict(settle(candidates, unassigned).values)


def mail(sender: str, subject: str, body: str) -> dict[str, object]:
    raw = (f"From: {sender}\nTo: {OWN_ADDRESSES[0]}\nSubject: {subject}\n\n{body}\n").encode()
    return read_message(raw, DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()


# --- People who have not yet done the work are no count of the work ---------------------------------


@pytest.mark.parametrize("phrase", [
    "yang belum melakukan perekaman KTP-el sebanyak 1.845 orang",
    "warga yang tidak dilakukan pencetakan sebanyak 640 orang",
    "siswa belum kami lakukan perekaman: 412 orang",
])
def test_a_count_of_people_not_yet_served_is_no_count_of_work(phrase: str) -> None:
    assert read(f"Berdasarkan data sekolah, {phrase}.") == {}


def test_an_outsiders_count_of_people_not_yet_recorded_is_other_mail() -> None:
    got = mail("Bawaslu Kab. Malinau <bawaslu.malinau@gmail.com>", "Data pemilih belum rekam",
               "Yth. Disdukcapil Provinsi,\n\nJumlah pemilih pemula Kabupaten Malinau 5.120 orang; yang belum "
               "melakukan perekaman KTP-el sebanyak 1.317 orang (25,7%). Mohon dukungan jemput bola.\n\nBawaslu")
    assert (got["kind"], got["recorded"], got["district"]) == ("other", None, None)


# --- Two names of one count joined by a slash --------------------------------------------------------


@pytest.mark.parametrize("names, role", [
    ("perekaman/permohonan", "recorded"),
    ("permohonan/perekaman", "recorded"),
    ("cetak/permintaan", "printed"),
])
def test_a_work_count_named_with_applications_by_a_slash_is_the_work(names: str, role: str) -> None:
    assert read(f"Utk KIA hari ini: {names} 41, blangko KIA habis.") == {role: 41, "stock_on_hand": 0}


def test_a_report_of_applications_and_printing_is_no_request() -> None:
    got = mail("disdukcapil@malinaukab.example", "Lap KIA 03/12",
               "Sore,\nKIA: perekaman/permohonan 28, cetak 9, blangko KIA kosong sejak pagi.\n\nSerli")
    assert (got["kind"], got["requested"], got["recorded"], got["printed"], got["stock_on_hand"]) == (
        "stock_report", None, 28, 9, 0)


# --- A report named by the blank it reports on --------------------------------------------------------


def test_a_report_named_by_its_blank_is_a_report_though_applications_are_received() -> None:
    got = mail("Yuliana <yuli.malinau@gmail.com>", "lap KIA",
               "Laporan KIA Disdukcapil Malinau tgl 02/12/2026:\nCetak KIA : 0\nBlangko KIA : habis\n"
               "Berkas permohonan KIA tetap kami terima, dicetak setelah blangko datang.\n\n"
               "Yuliana\nDisdukcapil Kab. Malinau")
    assert (got["kind"], got["item"], got["printed"], got["stock_on_hand"], got["received"]) == (
        "stock_report", "kia", 0, 0, None)


# --- "kami ajukan": what we put forward is what we ask -------------------------------------------------


@pytest.mark.parametrize("text", [
    "Setelah rapat, kami ajukan 900 keping saja dulu, sisanya nanti.",
    "Dengan hormat, saya ajukan 900 keping blangko KTP-el untuk pelayanan.",
])
def test_a_figure_put_forward_is_asked(text: str) -> None:
    assert read(text) == {"requested": 900}
