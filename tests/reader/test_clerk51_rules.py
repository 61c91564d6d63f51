"""Rules for terse messages from evacuation posts and for year-end mail: an address on no district's list at a
domain that names a district (an SMS gateway run by the district's disaster agency) writes from that district; an
SMS sign-off writes the district's name without its vowels ("capil mlnw"); a count word said again after a
blank's name ("ctk 33 kia ctk 12") gives the second figure to the named blank; a year's report reads counts no
day or month reaches; half of a stated figure asked ("mohon dikirim setengah dari ... (4.000)") is worked out;
people counted in answer to a quoted question of recordings are the recordings. Each test is a short mail with
other words and figures."""

from __future__ import annotations

import pytest

from tests.reader.conftest import mail

GATEWAY = "SMS Gateway Posko <sms@posko.bpbd-malinau.example>"
OPERATOR = "Operator Bulungan <operator.bulungan@bulungankab.example>"
PHONE = "Relay SMS <relay@sms-gateway.example>"


def test_an_sms_gateway_at_a_domain_naming_a_district_writes_from_that_district() -> None:
    v = mail(GATEWAY, "SMS 0812", "posko sd 3 tgl 11/5 rekam 27 ctk 19 sisa 402 kpg. ani")
    assert (v["kind"], v["district"], v["stock_on_hand"], v["printed"], v["recorded"]) == (
        "stock_report", "65.02", 402, 19, 27)


def test_a_receipt_by_sms_from_such_a_gateway_is_the_districts() -> None:
    v = mail(GATEWAY, "SMS 0812", "posko sd 3 kiriman 600 kpg dr prov sdh trm. ani")
    assert (v["kind"], v["district"], v["received"]) == ("receipt", "65.02", 600)


def test_a_sign_off_with_the_district_name_without_vowels_names_the_district() -> None:
    v = mail(PHONE, "SMS 0813", "posko balai desa 12/5 rekam 18 ctk 0 printer rusak. sisa 240 kpg. rudi capil mlnw")
    assert (v["kind"], v["district"], v["stock_on_hand"], v["printed"], v["recorded"]) == (
        "stock_report", "65.02", 240, 0, 18)


def test_a_domain_naming_no_district_gives_no_district() -> None:
    v = mail(PHONE, "SMS 0813", "posko balai desa 12/5 rekam 18 ctk 0 printer rusak. sisa 240 kpg. rudi")
    assert v["district"] is None


def test_a_count_said_again_for_the_other_blank_is_that_blanks() -> None:
    v = mail(OPERATOR, "lap 20/5", "balai desa 20/5 rekam 44 ctk 38 kia ctk 9. ani")
    assert (v["item"], v["printed"], v["recorded"]) == ("ktp-el", 38, 44)
    assert v["readings"]["kia"]["printed"] == 9


def test_a_year_report_reads_the_years_counts() -> None:
    v = mail(OPERATOR, "Laporan Tahunan 2026", "Dengan hormat, kami sampaikan:\n- Target perekaman: 15.000 jiwa\n"
             "- Realisasi perekaman: 13.210 (88%)\n- Pencetakan KTP-el: 12.904 keping\n"
             "- Sisa blangko per 31/12: 1.077 keping")
    assert (v["kind"], v["recorded"], v["printed"], v["stock_on_hand"]) == ("stock_report", 13210, 12904, 1077)


def test_a_running_total_in_a_days_report_is_still_no_days_count() -> None:
    v = mail(OPERATOR, "Laporan harian 12/11", "Rekam hari ini 96, cetak 90. Total cetak sejak Januari 12.904. "
             "Sisa 1.077")
    assert (v["printed"], v["recorded"], v["stock_on_hand"]) == (90, 96, 1077)


def test_a_year_tables_row_between_bars_is_not_read_for_its_first_figure() -> None:
    v = mail(OPERATOR, "Capaian tahun 2026", "Capaian tahun 2026:\n\n| Target | Realisasi | %\n"
             "Pencetakan KTP-el | 12.000 | 11.402 | 95%\n")
    assert v["printed"] != 12000


@pytest.mark.parametrize(("body", "requested"), [
    ("Karena stok provinsi menipis, mohon dikirimkan setengah dari usulan awal kami (3.000 keping) dulu.", 1500),
    ("mohon dikirim setengah dari 3.000 keping, sisa kami 200", 1500),
    ("mohon dikirim separuh dari 1.501 keping", None),  # no half in whole cards: asked back
])
def test_half_of_a_stated_figure_asked_is_worked_out(body: str, requested: int | None) -> None:
    v = mail(OPERATOR, "permohonan", body)
    assert (v["kind"], v["requested"]) == ("request", requested)


def test_people_recorded_answer_the_question_of_recordings_quoted_above() -> None:
    body = ("> > Mohon laporan singkat sebelum cuti bersama.\n> > Sisa blangko berapa?\n615 keping pak.\n"
            "> > Perekaman kemarin?\n27 orang, cetaknya besok karena ribbon habis.\n> Terima kasih.\n\nDimas")
    v = mail(OPERATOR, "Re: laporan sebelum cuti", body)
    assert (v["kind"], v["stock_on_hand"], v["recorded"], v["printed"]) == ("stock_report", 615, 27, None)
