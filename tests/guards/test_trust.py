"""Sender trust: spoofing attempts are never trusted, genuine district and manager mail is."""

from __future__ import annotations

import email
from email import policy
from email.message import EmailMessage

import pytest

from mailbot.guards.trust import (
    assess_sender,
    check_failed,
    is_lookalike_domain,
    organizational_domain,
    parse_authentication_results,
)

AUTHSERV = "mx.kaltaraprov.example"
SENDERS = {
    "disdukcapil@bulungankab.example": "65.01",
    "operator.bulungan@bulungankab.example": "65.01",
    "disdukcapil@malinaukab.example": "65.02",
    "capil.nunukan@nunukankab.example": "65.03",
}
MANAGERS = ("kadis@disdukcapil.kaltaraprov.example", "kabid.piak@disdukcapil.kaltaraprov.example")

BULUNGAN_FROM = "From: Disdukcapil Kab. Bulungan <disdukcapil@bulungankab.example>"

AR_PASS = f"""Authentication-Results: {AUTHSERV};
	dkim=pass (2048-bit key; unprotected) header.d=bulungankab.example
	header.i=@bulungankab.example header.a=rsa-sha256 header.s=mail header.b=Xy1AbC2d;
	spf=pass (mx.kaltaraprov.example: domain of disdukcapil@bulungankab.example
	designates 203.0.113.7 as permitted sender) smtp.mailfrom=disdukcapil@bulungankab.example;
	dmarc=pass (p=QUARANTINE sp=NONE dis=NONE) header.from=bulungankab.example"""
AR_FAIL = f"""Authentication-Results: {AUTHSERV};
	dkim=none (message not signed) header.d=none;
	spf=fail (mx.kaltaraprov.example: domain of disdukcapil@bulungankab.example does not
	designate 198.51.100.66 as permitted sender) smtp.mailfrom=disdukcapil@bulungankab.example;
	dmarc=fail (p=NONE sp=NONE dis=NONE) header.from=bulungankab.example"""
AR_SOFTFAIL_ONLY = f"""Authentication-Results: {AUTHSERV};
	spf=softfail smtp.mailfrom=disdukcapil@bulungankab.example"""
AR_FORGED_PASS = f"""Authentication-Results: {AUTHSERV};
	dkim=pass header.d=bulungankab.example; spf=pass smtp.mailfrom=bulungankab.example;
	dmarc=pass header.from=bulungankab.example"""
RECEIVED = """Received: from mail.bulungankab.example (mail.bulungankab.example [203.0.113.7])
	by mx.kaltaraprov.example (Postfix) with ESMTPS id 4Q2x
	for <blangko@disdukcapil.kaltaraprov.example>; Mon, 15 Dec 2025 09:31:02 +0800 (WITA)"""
BODY_HEADERS = """To: blangko@disdukcapil.kaltaraprov.example
Subject: Permohonan tambahan blangko KTP-el
Date: Mon, 15 Dec 2025 09:30:41 +0800
Message-ID: <20251215013041.A1@bulungankab.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8"""
BODY = "Mohon tambahan blangko KTP-el sebanyak 2.000 keping, sisa stok 750.\n"


def message(*headers: str) -> EmailMessage:
    text = "\n".join([*headers, BODY_HEADERS, "", BODY])
    raw = text.replace("\n", "\r\n").encode()
    return email.message_from_bytes(raw, policy=policy.default)  # type: ignore[return-value]


def assess(msg: EmailMessage, *, require: bool = True, authserv: str | None = AUTHSERV):
    return assess_sender(
        msg,
        district_senders=SENDERS,
        manager_addresses=MANAGERS,
        authserv_id=authserv,
        require_authentication=require,
    )


SPOOFS = [
    pytest.param(
        [RECEIVED, BULUNGAN_FROM], True, "no_trusted_authentication_results",
        id="allowlisted-from-without-authentication",
    ),
    pytest.param(
        [AR_FORGED_PASS.replace(AUTHSERV, "mail.attacker.example"), BULUNGAN_FROM], True,
        "no_trusted_authentication_results", id="pass-from-another-authserv-id",
    ),
    pytest.param(
        [AR_FORGED_PASS.replace(AUTHSERV, AUTHSERV + ".attacker.example"), BULUNGAN_FROM], True,
        "no_trusted_authentication_results", id="authserv-id-with-our-name-as-prefix",
    ),
    pytest.param(
        [AR_FAIL, RECEIVED, AR_FORGED_PASS, BULUNGAN_FROM], True, "forged_authentication_results_ignored",
        id="forged-pass-below-real-fail",
    ),
    pytest.param(
        [AR_SOFTFAIL_ONLY, RECEIVED, AR_FORGED_PASS, BULUNGAN_FROM], True, "not_authenticated",
        id="forged-pass-below-real-softfail",
    ),
    pytest.param(  # the Kelvin sign (U+212A) is "k" once lower-cased: a district's address, vouched for as written
        [AR_FORGED_PASS.replace("header.from=bulungankab.example", "header.from=bulungan\u212aab.example"),
         "From: <disdukcapil@bulungan\u212aab.example>"], True, "non_ascii_address",
        id="kelvin-sign-for-k-in-the-domain",
    ),
    pytest.param(  # the office's server writes its id as a fully qualified name, with the root's dot
        [AR_FAIL.replace(AUTHSERV, AUTHSERV + "."), RECEIVED, AR_FORGED_PASS, BULUNGAN_FROM], True,
        "forged_authentication_results_ignored", id="forged-pass-below-real-fail-whose-id-ends-in-a-dot",
    ),
    pytest.param(  # RFC 8601's version after the id, and the id in capitals
        [AR_FAIL.replace(AUTHSERV, AUTHSERV.upper() + ". 1"), RECEIVED, AR_FORGED_PASS, BULUNGAN_FROM], True,
        "forged_authentication_results_ignored", id="forged-pass-below-real-fail-with-version-and-capitals",
    ),
    pytest.param(
        [AR_FAIL, BULUNGAN_FROM], False, "dmarc_fail",
        id="dmarc-fail-even-when-authentication-not-required",
    ),
    pytest.param(
        [AR_PASS, "From: disdukcapil@bulungankab.example, evil@attacker.example"], False,
        "two_from_mailboxes", id="two-from-mailboxes",
    ),
    pytest.param(
        [AR_PASS, BULUNGAN_FROM, "From: evil@attacker.example"], False,
        "multiple_from_headers", id="two-from-fields",
    ),
    pytest.param(
        [AR_PASS, "From: Disdukcapil: disdukcapil@bulungankab.example;"], False,
        "from_group", id="from-as-group",
    ),
    pytest.param(
        [AR_PASS, "From: undisclosed-recipients:;"], False, "no_from_mailbox", id="empty-group",
    ),
    pytest.param([AR_PASS], False, "no_from", id="no-from-field"),
    pytest.param(
        [f"Authentication-Results: {AUTHSERV}; spf=pass smtp.mailfrom=attacker.example; "
         "dmarc=pass header.from=attacker.example", BULUNGAN_FROM],
        True, "dmarc_other_domain", id="dmarc-pass-for-another-domain",
    ),
    pytest.param(
        [
            f"Authentication-Results: {AUTHSERV}; dkim=pass header.d=bulk-mailer.example "
            "header.s=s1; spf=pass smtp.mailfrom=bounce@bulk-mailer.example",
            BULUNGAN_FROM,
        ],
        True, "dkim_pass_not_aligned", id="dkim-pass-from-non-aligned-domain",
    ),
    pytest.param(
        [
            f"Authentication-Results: {AUTHSERV}; dkim=pass header.d=bulungankab.example.attacker.example",
            BULUNGAN_FROM,
        ],
        True, "dkim_pass_not_aligned", id="dkim-pass-from-domain-ending-in-attacker",
    ),
    pytest.param(
        [
            f"Authentication-Results: {AUTHSERV}; dkim=pass header.d=attacker.example; "
            "dmarc=pass header.from=attacker.example",
            'From: "disdukcapil@bulungankab.example" <evil@attacker.example>',
        ],
        True, "display_name_has_address", id="display-name-trick",
    ),
    pytest.param(
        [AR_PASS, "From: =?utf-8?q?disdukcapil=40bulungankab=2Eexample?= <evil@attacker.example>"], False,
        "display_name_has_address", id="display-name-trick-encoded",
    ),
    pytest.param(
        [AR_PASS, "From: disdukcapil@bulungankab.example <evil@attacker.example>"], False,
        "malformed_from", id="display-name-trick-unquoted",
    ),
    pytest.param(
        [AR_PASS, "From: <disdukcapil@bulungankab.example> <evil@attacker.example>"], False,
        "malformed_from", id="two-angle-addresses",
    ),
    pytest.param(
        [AR_PASS, 'From: "disdukcapil@bulungankab.example"@attacker.example'], False,
        "not_on_list", id="quoted-local-part-with-listed-address",
    ),
    # an RFC 8601 result is a bare keyword: a quoted one is no result, and a check reported twice with
    # different results is a contradiction, whose worst result counts
    pytest.param(
        [f'Authentication-Results: {AUTHSERV}; dmarc="pass" header.from=bulungankab.example', BULUNGAN_FROM], True,
        "malformed_authentication_results", id="quoted-dmarc-pass",
    ),
    pytest.param(
        [f'Authentication-Results: {AUTHSERV}; dmarc="pass" header.from="bulungankab.example"; dmarc=fail',
         BULUNGAN_FROM], True, "malformed_authentication_results", id="quoted-dmarc-pass-before-a-bare-fail",
    ),
    pytest.param(
        [f'Authentication-Results: {AUTHSERV}; dmarc="fail" header.from=bulungankab.example; '
         "dkim=pass header.d=bulungankab.example", BULUNGAN_FROM], True,
        "malformed_authentication_results", id="quoted-dmarc-fail-beside-a-dkim-pass",
    ),
    pytest.param(
        [f"Authentication-Results: {AUTHSERV}; dmarc=none header.from=bulungankab.example; "
         "dmarc=pass header.from=bulungankab.example", BULUNGAN_FROM], True,
        "conflicting_authentication_results", id="dmarc-none-then-pass",
    ),
    pytest.param(
        [f"Authentication-Results: {AUTHSERV}; dmarc=pass header.from=bulungankab.example; "
         "dmarc=fail header.from=bulungankab.example", BULUNGAN_FROM], False,
        "dmarc_fail", id="dmarc-pass-then-fail",
    ),
    pytest.param(
        [f"Authentication-Results: {AUTHSERV}; dkim=pass header.d=bulungankab.example header.b=AbC1; "
         "dkim=fail header.d=bulungankab.example header.b=AbC1; dmarc=none header.from=bulungankab.example",
         BULUNGAN_FROM], True, "conflicting_authentication_results", id="one-dkim-signature-pass-and-fail",
    ),
]

LOOKALIKE_DOMAINS = [
    "bulungankab.example.com",
    "bulungankab-example.com",
    "bu1ungankab.example",
    "buIungankab.example",
    "bulungankаb.example",  # Cyrillic а
    "xn--bulungankb-7qi.example",  # the same, as punycode
    "bulungamkab.example",
    "bulungankab.exampel",
    "bulungankab.go.id",
    "disdukcapil-kaltaraprov.example",
    "malinaukab.example.net",
    "rnalinaukab.example",
]


@pytest.mark.parametrize(("headers", "require", "reason"), SPOOFS)
def test_spoofing_attempts_are_never_trusted(headers: list[str], require: bool, reason: str) -> None:
    trust = assess(message(*headers), require=require)
    assert trust.trusted is False
    assert reason in trust.reasons


# A DKIM pass of another domain of the same organisation, with no DMARC pass from the office's server: an
# agency's subdomain (dinkes.) or a website's under the regency's or the province's domain signed for the
# district's or a manager's address. Was trusted (relaxed alignment: the same organizational domain).
SIBLING_SIGNATURES = [
    pytest.param("dinkes.bulungankab.example", "disdukcapil@bulungankab.example", "dmarc=none",
                 id="agency-for-regency"),
    pytest.param("mail.bulungankab.example", "disdukcapil@bulungankab.example", "", id="subdomain-no-dmarc"),
    pytest.param("web.dinkes.kaltaraprov.example", "kadis@disdukcapil.kaltaraprov.example", "",
                 id="website-for-manager"),
    pytest.param("dinkes.kaltaraprov.example", "kabid.piak@disdukcapil.kaltaraprov.example", "dmarc=none",
                 id="sibling-agency-for-manager"),
]


@pytest.mark.parametrize(("signer", "address", "dmarc"), SIBLING_SIGNATURES)
def test_a_signature_of_another_agency_of_the_organisation_vouches_for_nobody(signer: str, address: str,
                                                                              dmarc: str) -> None:
    ar = f"Authentication-Results: {AUTHSERV}; dkim=pass header.d={signer} header.s=s1"
    ar += f"; {dmarc}" if dmarc else ""
    trust = assess(message(ar, f"From: {address}"))
    assert (trust.trusted, trust.authenticated) == (False, False), trust.reasons
    assert "dkim_pass_not_aligned" in trust.reasons


@pytest.mark.parametrize("signer", ["evil.example@malinaukab.example", "@malinaukab.example", "x@malinaukab.example",
                                    "malinaukab.example/evil", "malinau kab.example"])
def test_a_signing_domain_that_is_no_domain_signs_for_nobody(signer: str) -> None:
    """header.d is a bare domain (RFC 6376): one with an "@" was read as the domain after it (was trusted)."""
    ar = f'Authentication-Results: {AUTHSERV}; dkim=pass header.d="{signer}" header.s=s1'
    trust = assess(message(ar, "From: disdukcapil@malinaukab.example"))
    assert (trust.trusted, trust.authenticated) == (False, False), trust.reasons


def test_the_organisations_own_domain_signs_for_its_subdomains() -> None:
    """The province's domain signing for Disdukcapil's subdomain (one server for the whole office) counts."""
    ar = f"Authentication-Results: {AUTHSERV}; dkim=pass header.d=kaltaraprov.example header.s=s1"
    trust = assess(message(ar, "From: kadis@disdukcapil.kaltaraprov.example"))
    assert (trust.trusted, trust.authenticated, trust.is_manager) == (True, True, True), trust.reasons


@pytest.mark.parametrize("domain", LOOKALIKE_DOMAINS)
def test_lookalike_domain_is_never_on_the_list_even_when_it_authenticates(domain: str) -> None:
    ar = f"Authentication-Results: {AUTHSERV}; dkim=pass header.d={domain}; dmarc=pass header.from={domain}"
    trust = assess(message(ar, f"From: Disdukcapil Kab. Bulungan <disdukcapil@{domain}>"), require=False)
    assert (trust.trusted, trust.on_list, trust.district) == (False, False, None)
    assert "lookalike_domain" in trust.reasons


def test_lookalike_local_part_on_a_listed_domain() -> None:
    trust = assess(message(AR_PASS, "From: disdukcapi1@bulungankab.example"), require=False)
    assert trust.trusted is False
    assert {"not_on_list", "lookalike_address"} <= set(trust.reasons)


def test_forged_header_below_the_real_pass_changes_nothing() -> None:
    forged_fail = AR_FAIL
    trust = assess(message(AR_PASS, RECEIVED, forged_fail, BULUNGAN_FROM))
    assert (trust.trusted, trust.authenticated) == (True, True)
    assert "forged_authentication_results_ignored" in trust.reasons
    assert "dmarc_fail" not in trust.reasons


GENUINE = [
    pytest.param([AR_PASS, RECEIVED, BULUNGAN_FROM], True, True, id="dmarc-pass"),
    pytest.param(
        [f"Authentication-Results: {AUTHSERV}; dkim=pass header.d=bulungankab.example; dmarc=none",
         BULUNGAN_FROM],
        True, True, id="aligned-dkim-pass-without-dmarc",
    ),
    pytest.param(
        [f"Authentication-Results: {AUTHSERV}; dkim=pass header.i=@bulungankab.example",
         BULUNGAN_FROM],
        True, True, id="alignment-through-header-i",
    ),
    pytest.param(
        [f"Authentication-Results: {AUTHSERV.upper()} 1; dkim/1=pass header.d=BulunganKab.Example",
         BULUNGAN_FROM],
        True, True, id="case-and-version-tolerant",
    ),
    pytest.param([BULUNGAN_FROM], False, None, id="no-header-when-not-required"),
    pytest.param([AR_SOFTFAIL_ONLY, BULUNGAN_FROM], False, False, id="softfail-when-not-required"),
    pytest.param(
        [AR_PASS, "From: =?utf-8?q?Disdukcapil_Kab=2E_Bulungan?= <DisdukCapil@BulunganKab.EXAMPLE>"],
        True, True, id="encoded-name-mixed-case-address",
    ),
    # a display name is a name, whatever it decodes to: a line break, a "<...>", an address
    pytest.param(
        [AR_PASS, "From: =?utf-8?B?RGluYXMNCkJjYzogPHhAZXZpbC5leGFtcGxlPg==?= <disdukcapil@bulungankab.example>"],
        True, True, id="encoded-name-with-line-break-and-angle-address",
    ),
    pytest.param(
        [AR_PASS, "From: =?utf-8?Q?=1B]0;pwned=07=0D=0ABcc: x@evil?= <disdukcapil@bulungankab.example>"],
        True, True, id="encoded-name-with-controls-and-a-space-inside-the-word",
    ),
]


@pytest.mark.parametrize(("headers", "require", "authenticated"), GENUINE)
def test_genuine_district_mail_is_trusted(headers: list[str], require: bool, authenticated: bool | None) -> None:
    trust = assess(message(*headers), require=require)
    assert trust.trusted is True, trust.reasons
    assert (trust.address, trust.district, trust.on_list, trust.is_manager) == (
        "disdukcapil@bulungankab.example", "65.01", True, False,
    )
    assert trust.authenticated is authenticated
    assert trust.domain == "bulungankab.example"


def test_manager_is_trusted_without_a_district() -> None:
    ar = (f"Authentication-Results: {AUTHSERV}; dkim=pass header.d=disdukcapil.kaltaraprov.example; "
          "dmarc=pass header.from=disdukcapil.kaltaraprov.example")
    trust = assess(message(ar, "From: Kepala Dinas <kadis@disdukcapil.kaltaraprov.example>"))
    assert (trust.trusted, trust.is_manager, trust.on_list, trust.district) == (True, True, False, None)


def test_manager_without_authentication_when_required_is_not_trusted() -> None:
    trust = assess(message("From: kadis@disdukcapil.kaltaraprov.example"))
    assert (trust.trusted, trust.is_manager) == (False, True)


def test_unknown_sender_is_not_trusted_and_keeps_its_address() -> None:
    trust = assess(message("From: Budi <budi.santoso@gmail.example>"), require=False, authserv=None)
    assert (trust.trusted, trust.address, trust.district) == (False, "budi.santoso@gmail.example", None)
    assert trust.reasons == ("not_on_list",)


def test_non_ascii_address_has_no_usable_address() -> None:
    trust = assess(message("From: disdukcapil@bulungankаb.example"), require=False)
    assert trust.address is None
    assert {"non_ascii_address", "lookalike_domain"} <= set(trust.reasons)


def test_eight_bit_display_name_does_not_break_assessment() -> None:
    raw = (b"From: Dinas Kependudukan \xc3\xa9 <disdukcapil@bulungankab.example>\r\n"
           b"Subject: x\r\n\r\nbody\r\n")
    msg = email.message_from_bytes(raw, policy=policy.default)
    trust = assess(msg, require=False)  # type: ignore[arg-type]
    assert trust.address == "disdukcapil@bulungankab.example"


def test_compat32_messages_are_read_the_same() -> None:
    raw = "\r\n".join([AR_PASS, BULUNGAN_FROM, BODY_HEADERS, "", BODY]).encode()
    msg = email.message_from_bytes(raw)  # compat32, as some callers parse
    trust = assess(msg)  # type: ignore[arg-type]
    assert (trust.trusted, trust.authenticated) == (True, True)


AR_PARSE = [
    pytest.param(
        "mx.kaltaraprov.example; none", "mx.kaltaraprov.example", [], id="none",
    ),
    pytest.param(
        'mx.kaltaraprov.example 1; dkim=pass reason="good; signature" (a ; comment (nested)) '
        "header.d=bulungankab.example; spf=fail smtp.mailfrom=x@y.example",
        "mx.kaltaraprov.example",
        [("dkim", "pass", "header.d", "bulungankab.example"), ("spf", "fail", "smtp.mailfrom", "x@y.example")],
        id="quoted-reason-and-nested-comment-with-semicolons",
    ),
    pytest.param(
        '"mx.kaltaraprov.example"; DMARC=PASS header.from="bulungankab.example"',
        "mx.kaltaraprov.example", [("dmarc", "pass", "header.from", "bulungankab.example")], id="quoted-values",
    ),
]


@pytest.mark.parametrize(("value", "authserv", "expected"), AR_PARSE)
def test_parse_authentication_results(value: str, authserv: str, expected: list[tuple[str, ...]]) -> None:
    parsed = parse_authentication_results(value)
    assert parsed is not None
    assert parsed.authserv_id == authserv
    assert len(parsed.results) == len(expected)
    assert [(r.method, r.result, e[2], r.prop(e[2])) for r, e in zip(parsed.results, expected, strict=True)] == expected


def test_a_quoted_result_is_no_result() -> None:
    parsed = parse_authentication_results(
        'mx.kaltaraprov.example; dmarc="pass" (quoted) header.from=bulungankab.example; dmarc = fail; spf=pass')
    assert parsed is not None
    assert [(r.method, r.result) for r in parsed.results] == [("dmarc", "fail"), ("spf", "pass")]
    assert parsed.malformed == ('dmarc="pass" header.from=bulungankab.example',)


def test_two_dkim_signatures_with_their_own_results_are_no_contradiction() -> None:
    """A mail signed twice (the district's domain, and a relay's expired key): the aligned pass counts."""
    ar = (f"Authentication-Results: {AUTHSERV}; dkim=pass header.d=bulungankab.example header.b=AbC1; "
          "dkim=fail header.d=relay.example header.b=XyZ2; dmarc=pass header.from=bulungankab.example")
    trust = assess(message(ar, BULUNGAN_FROM))
    assert (trust.trusted, trust.authenticated, trust.reasons) == (True, True, ())


def test_header_without_authserv_id_is_not_parsed() -> None:
    # Some servers write results with no authserv-id at all; nothing says who checked.
    assert parse_authentication_results("spf=pass (sender IP is 203.0.113.7) smtp.mailfrom=x.example") is None


@pytest.mark.parametrize(
    ("domain", "organisation"),
    [
        ("bulungankab.example", "bulungankab.example"),
        ("mail.bulungankab.example", "bulungankab.example"),
        ("disdukcapil.bulungankab.go.id", "bulungankab.go.id"),
        ("BULUNGANKAB.GO.ID.", "bulungankab.go.id"),
        ("mail.telkom.co.id", "telkom.co.id"),
        ("mx.dinas.example.com.br", "example.com.br"),  # second levels a short hand list misses
        ("smtp.mail.example.co.nz", "example.co.nz"),
        ("kantor.example.sch.id", "example.sch.id"),
        ("go.id", "go.id"),
        ("example", "example"),
    ],
)
def test_organizational_domain(domain: str, organisation: str) -> None:
    assert organizational_domain(domain) == organisation


@pytest.mark.parametrize(
    "domain",
    ["bulungankab.example", "mail.bulungankab.example", "malinaukab.example", "tarakankota.example", "gmail.example"],
)
def test_same_or_unrelated_domains_are_not_lookalikes(domain: str) -> None:
    known = ["bulungankab.example", "malinaukab.example", "disdukcapil.kaltaraprov.example"]
    assert is_lookalike_domain(domain, known) is False


def test_a_dmarc_pass_that_names_no_domain_vouches_for_nothing() -> None:
    """A bare "dmarc=pass" (no header.from) is what a sender writes by hand, not what a verifier writes."""
    from email import message_from_string

    headers = message_from_string(
        "Authentication-Results: mx.kaltaraprov.example; dmarc=pass\n"
        "From: <disdukcapil@bulungankab.example>\nSubject: x\n\n")
    trust = assess_sender(headers, district_senders={"disdukcapil@bulungankab.example": "65.01"},
                          manager_addresses=(), authserv_id="mx.kaltaraprov.example", require_authentication=True)
    assert (trust.authenticated, trust.trusted) == (False, False)
    assert "dmarc_no_domain" in trust.reasons


def test_a_from_line_read_again_is_judged_as_the_first_time() -> None:
    """The parse of a From value is kept per value (the same few senders write every day): asked again, a spoof is
    still a spoof and a district still its district, whatever was asked in between."""
    spoofs = [case.values[0] for case in SPOOFS]
    first = [assess(message(*headers), require=False) for headers in spoofs]
    genuine = assess(message(BULUNGAN_FROM), require=False)
    again = [assess(message(*headers), require=False) for headers in spoofs]
    assert again == first
    assert (genuine.trusted, genuine.district) == (True, "65.01")
    assert assess(message(BULUNGAN_FROM), require=False) == genuine


@pytest.mark.parametrize(("results", "failed"), [
    ("dmarc=fail header.from=bulungankab.example", ("dmarc_fail",)),
    # the From domain's own signature failed, and nothing else speaks for the domain
    ("dkim=fail (bad signature) header.d=bulungankab.example header.s=mail", ("dkim_fail",)),
    ("dkim=fail header.i=@bulungankab.example; spf=pass smtp.mailfrom=bulungankab.example", ("dkim_fail",)),
], ids=["dmarc-fail", "dkim-fail", "dkim-fail-spf-pass"])
def test_a_failed_check_is_said_as_failed_and_never_trusted(results: str, failed: tuple[str, ...]) -> None:
    for require in (True, False):
        trust = assess(message(f"Authentication-Results: {AUTHSERV}; {results}", BULUNGAN_FROM), require=require)
        assert trust.trusted is False
        assert tuple(r for r in trust.reasons if r.endswith("_fail")) == failed
        assert check_failed(trust.reasons)


@pytest.mark.parametrize("results", [
    "dkim=fail header.d=bulungankab.example; dmarc=pass header.from=bulungankab.example",  # DMARC speaks for it
    "dkim=fail header.d=bulungankab.example header.s=old; dkim=pass header.d=bulungankab.example header.s=mail",
    "dkim=fail header.d=mailinglist.example",  # another domain's signature: not the From domain's check
    "dmarc=none header.from=bulungankab.example",  # not checked is no failure
], ids=["dmarc-pass", "second-signature-passes", "other-domain", "dmarc-none"])
def test_a_check_that_did_not_fail_is_no_failure(results: str) -> None:
    trust = assess(message(f"Authentication-Results: {AUTHSERV}; {results}", BULUNGAN_FROM), require=False)
    assert not check_failed(trust.reasons), trust.reasons
    assert trust.trusted is True
