"""Rules for terse messages from evacuation posts and for year-end mail: an address on no district's list at a
domain that names a district (an SMS gateway run by the district's disaster agency) writes from that district; an
SMS sign-off writes the district's name without its vowels ("capil mlnw"); a count word said again after a
blank's name ("ctk 33 kia ctk 12") gives the second figure to the named blank. Each test is a short mail with
other words and figures."""

from __future__ import annotations

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
