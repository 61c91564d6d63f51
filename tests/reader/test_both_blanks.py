"""A mail naming both blanks is read for the one its ask names; with no ask by name, for KTP-el,
the desk's daily blank; asking for both by name, for KTP-el with its own figures, the item left in
doubt so that a clerk asks before acting."""

from __future__ import annotations

from mailbot.reader import read_message
from tests.reader.conftest import DISTRICTS

HEAD = "From: Disdukcapil Nunukan <disdukcapil@nunukankab.example>\nTo: blangko@x.example\nSubject: {}\n\n"


def read(subject: str, body: str):  # type: ignore[no-untyped-def]
    return read_message((HEAD.format(subject) + body).encode(), DISTRICTS)


def test_a_receipt_of_both_blanks_is_read_for_ktp_el() -> None:
    verdict = read("Tanda terima blangko KTP-el dan KIA",
                   "Kiriman blangko telah kami terima:\n- blangko KTP-el 2.000 keping\n- blangko KIA 500 lembar\n")
    assert (verdict.kind, verdict.item) == ("receipt", "ktp-el")
    assert verdict.received in (None, 2000)  # never the KIA figure


def test_a_report_naming_both_without_figures_by_blank_is_read_for_ktp_el() -> None:
    verdict = read("Laporan harian", "Laporan harian perekaman KTP-el dan KIA terlampir, sisa stok 980 keping.\n")
    assert (verdict.kind, verdict.item) == ("stock_report", "ktp-el")


def test_an_ask_for_kia_by_name_beside_ktp_el_is_a_kia_request() -> None:
    verdict = read("Permohonan", "Stok KTP-el masih 3.200 (cukup). Mohon tambahan blangko KIA 1.000 lembar.\n")
    assert (verdict.kind, verdict.item, verdict.requested) == ("request", "kia", 1000)


def test_asking_for_both_by_name_is_read_for_ktp_el_and_left_to_a_clerk() -> None:
    verdict = read(
        "Permohonan", "Mohon tambahan blangko KTP-el 1.000 keping dan mohon tambahan blangko KIA 500 lembar.\n"
        "Stok KTP-el kami 350 keping, stok KIA 120 lembar.\n"
    )
    assert (verdict.item, verdict.requested, verdict.stock_on_hand) == ("ktp-el", 1000, 350)
    assert any(d.field == "item" for d in verdict.doubts)
