"""Forged senders with the shipped config.toml, unchanged: nothing is approved, nothing obeyed, nobody answered.

Each letter is written the way it reaches the desk: the office's own mail server (authserv-id
mx.kaltaraprov.example) has put its Authentication-Results header on top, or none; everything
below it came from the sender and may be forged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.desk.conftest import mailbot
from tests.desk.mailkit import (
    AUTHSERV_ID,
    MANAGERS,
    OPERATOR,
    db,
    message_id_of,
    replies_to,
    request_body,
    run_once,
    sent_mail,
    write_eml,
)

DISTRICT_ADDRESSES = {
    "disdukcapil@bulungankab.example", "operator.bulungan@bulungankab.example", "disdukcapil@malinaukab.example",
    "disdukcapil@nunukankab.example", "capil.nunukan@nunukankab.example", "disdukcapil@tanatidungkab.example",
    "disdukcapil@tarakankota.example",
}
KADIS = MANAGERS[0]


def ar(domain: str, result: str = "pass", *, authserv: str = AUTHSERV_ID, dkim_domain: str | None = None,
       dmarc_from: str | None = None) -> str:
    """One Authentication-Results header as a mail server writes it."""
    return (f"Authentication-Results: {authserv};\n\tspf={result} smtp.mailfrom=x@{domain};\n"
            f"\tdkim={result} header.d={dkim_domain or domain} header.s=mail;\n"
            f"\tdmarc={result} header.from={dmarc_from or domain}\n")


@dataclass(frozen=True)
class Forgery:
    name: str
    sender: str  # the From header(s) value, or a whole "From: ..." block when it starts with "From:"
    headers: str  # header lines above From: the office server's on top, then what the sender wrote


BULUNGAN = "Disdukcapil Bulungan <disdukcapil@bulungankab.example>"
FORGED_DISTRICT_MAIL = [
    # a listed address, and nothing from the office's server
    Forgery("listed-address-no-results", BULUNGAN, ""),
    Forgery("listed-address-upper-case-no-results", "DISDUKCAPIL@MALINAUKAB.EXAMPLE", ""),
    Forgery("listed-address-with-comment-no-results", "disdukcapil@tanatidungkab.example (Disdukcapil)", ""),
    # the office's server checked, and the check failed or proved nothing
    Forgery("dmarc-fail", BULUNGAN, ar("bulungankab.example", "fail")),
    Forgery("spf-pass-only", BULUNGAN,
            f"Authentication-Results: {AUTHSERV_ID}; spf=pass smtp.mailfrom=x@bulungankab.example; "
            "dkim=none; dmarc=none header.from=bulungankab.example\n"),
    Forgery("results-say-none", BULUNGAN, f"Authentication-Results: {AUTHSERV_ID}; none\n"),
    Forgery("dmarc-pass-for-another-domain", BULUNGAN,
            ar("attacker.example", dmarc_from="attacker.example")),
    Forgery("dkim-pass-not-aligned", BULUNGAN,
            f"Authentication-Results: {AUTHSERV_ID}; dkim=pass header.d=attacker.example; "
            "dmarc=none header.from=bulungankab.example\n"),
    Forgery("quoted-pass", BULUNGAN,
            f'Authentication-Results: {AUTHSERV_ID}; dmarc="pass" header.from=bulungankab.example\n'),
    Forgery("none-then-pass", BULUNGAN,
            f"Authentication-Results: {AUTHSERV_ID}; dmarc=none header.from=bulungankab.example; "
            "dmarc=pass header.from=bulungankab.example\n"),
    Forgery("pass-only-in-a-comment", BULUNGAN,
            f"Authentication-Results: {AUTHSERV_ID}; dkim=fail (dkim=pass) header.d=bulungankab.example; "
            "dmarc=fail (dmarc=pass header.from=bulungankab.example) header.from=bulungankab.example\n"),
    # forged results written by the sender, under the office server's real one (or with none above them)
    Forgery("forged-pass-below-real-fail", BULUNGAN,
            ar("bulungankab.example", "fail") + ar("bulungankab.example")),
    Forgery("forged-pass-below-real-none", "disdukcapil@malinaukab.example",
            f"Authentication-Results: {AUTHSERV_ID}; none\n" + ar("malinaukab.example")),
    Forgery("duplicate-results-real-id-fail-first", "disdukcapil@nunukankab.example",
            ar("nunukankab.example", "fail") + ar("nunukankab.example") + ar("nunukankab.example")),
    Forgery("forged-pass-other-authserv-below-real", "disdukcapil@tarakankota.example",
            ar("tarakankota.example", "fail") + ar("tarakankota.example", authserv="mx.google.example")),
    Forgery("forged-pass-other-authserv-alone", "disdukcapil@tarakankota.example",
            ar("tarakankota.example", authserv="mx.kaltaraprov.example.attacker.example")),
    # lookalike addresses, each with a genuine pass for its own domain
    Forgery("lookalike-digit", "Disdukcapil Bulungan <disdukcapil@bu1ungankab.example>", ar("bu1ungankab.example")),
    Forgery("lookalike-cyrillic", "Disdukcapil Bulungan <disdukcapil@bulung\u0430nkab.example>",
            ar("xn--bulungnkab-c7i.example")),
    Forgery("lookalike-longer-domain", "disdukcapil@bulungankab.example.co", ar("bulungankab.example.co")),
    Forgery("lookalike-hyphenated", "disdukcapil@bulungankab-example.com", ar("bulungankab-example.com")),
    Forgery("unlisted-subdomain", "disdukcapil@mail.bulungankab.example", ar("mail.bulungankab.example")),
    Forgery("lookalike-local-part", "disdukcapi1@bulungankab.example", ar("bulungankab.example")),
    # display-name and header tricks
    Forgery("display-name-is-the-address", '"disdukcapil@bulungankab.example" <evil@attacker.example>',
            ar("attacker.example")),
    Forgery("display-name-encoded-address",
            "=?utf-8?q?disdukcapil=40bulungankab=2Eexample?= <evil@attacker.example>", ar("attacker.example")),
    Forgery("two-from-mailboxes", "evil@attacker.example, disdukcapil@nunukankab.example", ar("nunukankab.example")),
    Forgery("two-from-headers", "From: evil@attacker.example\nFrom: disdukcapil@tarakankota.example",
            ar("tarakankota.example")),
    Forgery("from-group", "Disdukcapil: disdukcapil@malinaukab.example;", ar("malinaukab.example")),
    Forgery("sender-header-claims-district", "evil@attacker.example",
            ar("attacker.example") + "Sender: disdukcapil@bulungankab.example\n"),
]
# The control: the same letter from a listed sender that the office's server authenticated.
GENUINE = Forgery("genuine", "Operator Bulungan <operator.bulungan@bulungankab.example>",
                  ar("bulungankab.example"))


def _letter(folder: Path, case: Forgery, *, subject: str, body: str) -> Path:
    headers, sender = case.headers, case.sender
    if sender.startswith("From:"):  # two From headers: the rest of the block goes above write_eml's own
        first, _, rest = sender.partition("\n")
        headers, sender = headers + rest + "\n", first.removeprefix("From: ")
    raw = write_eml(folder, f"{case.name}.eml", sender=sender, subject=subject, body=body,
                    message_id=f"<{case.name}.20261127@forged.example>").read_bytes()
    path = folder / f"{case.name}.eml"
    path.write_bytes(headers.encode() + raw)  # the office server's header (and the forger's) on top
    return path


def test_forged_district_requests_are_never_approved_nor_answered(desk_dir: Path) -> None:
    """26 forged requests for 1.800 blanks and one genuine one, through `mailbot run --once`."""
    assert len(FORGED_DISTRICT_MAIL) >= 22
    letters = {case.name: _letter(desk_dir, case, subject="Permohonan tambahan blangko KTP-el",
                                  body=request_body(requested="1.800", stock="600"))
               for case in [*FORGED_DISTRICT_MAIL, GENUINE]}
    # the control first, so each forged request is held beside an open verified one (the other order:
    # test_a_forged_request_never_stands_for_its_district)
    run_once(desk_dir, letters["genuine"])
    run_once(desk_dir, *(letters[c.name] for c in FORGED_DISTRICT_MAIL))
    conn = db(desk_dir)

    def request_of(name: str):  # type: ignore[no-untyped-def]
        return conn.execute("select r.*, m.guard from requests r join messages m on m.id = r.message_pk "
                            "where m.message_id = ?", (message_id_of(letters[name]),)).fetchone()

    genuine = request_of("genuine")
    assert genuine["state"] == "approved" and genuine["approved"] == 1800, dict(genuine)

    for case in FORGED_DISTRICT_MAIL:
        req = request_of(case.name)
        assert req is not None, f"{case.name}: the request is not recorded for the managers"
        assert not json.loads(req["guard"])["trusted"], case.name
        assert req["state"] == "held", (case.name, req["state"])
    assert conn.execute("select count(*) from requests where state = 'approved'").fetchone()[0] == 1
    assert conn.execute("select count(distinct request_pk) from ledger_entries where kind = 'shipment_approved'"
                        ).fetchone()[0] == 1

    # nobody but the genuine sender is answered: the rest goes to the managers (held notices)
    forged_ids = {message_id_of(letters[c.name]) for c in FORGED_DISTRICT_MAIL}
    held = 0
    for sent in sent_mail(desk_dir):
        assert sent.in_reply_to not in forged_ids, f"a forged letter was answered: {sent.subject}"
        if sent.in_reply_to == message_id_of(letters["genuine"]):
            assert sent.to == ["operator.bulungan@bulungankab.example"]
            continue
        assert set(sent.to) <= {*MANAGERS, OPERATOR}, (sent.to, sent.subject)
        held += "Menunggu keputusan" in sent.subject
    assert held == len(FORGED_DISTRICT_MAIL), "each forged request waits for the managers, who are told"


def test_a_forged_request_never_stands_for_its_district(desk_dir: Path) -> None:
    """A forgery held for the managers neither holds, links nor is named to the district's own request after
    it; the managers deciding the forgery are shown the district's verified request."""
    forged = _letter(desk_dir, Forgery("forged-first", BULUNGAN,
                                       ar("bulungankab.example", "fail") + ar("bulungankab.example")),
                     subject="Permohonan tambahan blangko KTP-el", body=request_body(requested="1.800", stock="600"))
    run_once(desk_dir, forged)
    conn = db(desk_dir)
    forged_ref = conn.execute("select reference, state from requests").fetchone()
    assert forged_ref["state"] == "held"
    forged_ref = forged_ref["reference"]
    notice = next(s for s in sent_mail(desk_dir) if forged_ref in s.subject and "Menunggu keputusan" in s.subject)

    genuine = _letter(desk_dir, Forgery("genuine-after", BULUNGAN, ar("bulungankab.example")),
                      subject="Permohonan tambahan blangko KTP-el", body=request_body(requested="1.800", stock="600"))
    run_once(desk_dir, genuine)
    req = conn.execute("select r.* from requests r join messages m on m.id = r.message_pk where m.message_id = ?",
                       (message_id_of(genuine),)).fetchone()
    assert (req["state"], req["approved"], req["linked_to"]) == ("approved", 1800, None), dict(req)
    answers = replies_to(desk_dir, message_id_of(genuine))
    assert len(answers) == 1 and answers[0].to == ["disdukcapil@bulungankab.example"]
    assert forged_ref not in answers[0].text and forged_ref not in answers[0].subject, answers[0].text
    assert all(forged_ref not in s.text for s in sent_mail(desk_dir) if "bulungankab" in ",".join(s.to))

    # a verified manager's SETUJU on the forgery is asked back, naming the district's verified request
    _approve_by_mail(desk_dir, forged_ref, notice.message_id, "SETUJU", "kadis-on-forgery")
    assert conn.execute("select state from requests where reference = ?", (forged_ref,)).fetchone()[0] == "held"
    asked = next(s for s in sent_mail(desk_dir) if s.to == [KADIS] and "tidak dapat diproses" in s.subject)
    assert req["reference"] in asked.text and "tidak dapat dipastikan" in asked.text, asked.text
    assert "PAKSA" in asked.text

    # the other way round: a forgery after the district's request is held, its notice naming that request
    later = _letter(desk_dir, Forgery("forged-later", BULUNGAN, ar("bulungankab.example", "fail")),
                    subject="Permohonan blangko KTP-el", body=request_body(requested="2.000", stock="100"))
    run_once(desk_dir, later)
    later_ref = conn.execute("select r.reference, r.state from requests r join messages m on m.id = r.message_pk "
                             "where m.message_id = ?", (message_id_of(later),)).fetchone()
    assert later_ref["state"] == "held"
    held = next(s for s in sent_mail(desk_dir) if later_ref["reference"] in s.subject)
    assert req["reference"] in held.text, held.text


# Encoded words stand in a display name only: what they decode to is a name, never the sender's address.
ENCODED_NAME_FORGERIES = [
    Forgery("encoded-address-as-name", "=?utf-8?Q?disdukcapil=40bulungankab=2Eexample?= <evil@attacker.example>",
            ar("attacker.example")),
    Forgery("encoded-address-alone", "=?utf-8?Q?disdukcapil=40bulungankab=2Eexample?=", ar("attacker.example")),
    Forgery("group-then-attacker", "district: disdukcapil@bulungankab.example;, <evil@attacker.example>",
            ar("attacker.example")),
]
ENCODED_NAME_GENUINE = [
    # "Dinas\r\nBcc: <x@evil.example>" as a base64 word
    Forgery("name-with-line-break-and-angle-address",
            "=?utf-8?B?RGluYXMNCkJjYzogPHhAZXZpbC5leGFtcGxlPg==?= <disdukcapil@bulungankab.example>",
            ar("bulungankab.example")),
    Forgery("name-with-controls-and-a-space-inside-the-word",
            "=?utf-8?Q?=1B]0;pwned=07=1B[2J=0D=0ABcc: x@evil?= <disdukcapil@malinaukab.example>",
            ar("malinaukab.example")),
]


def test_the_sender_is_the_from_address_never_an_encoded_display_name(desk_dir: Path) -> None:
    """A district address written as an encoded display name neither files the request under that district nor
    names it to the managers; the district's authenticated mail is its own whatever its name decodes to."""
    letters = {case.name: _letter(desk_dir, case, subject="Permohonan tambahan blangko KTP-el",
                                  body=request_body(requested="1.800", stock="600"))
               for case in [*ENCODED_NAME_GENUINE, *ENCODED_NAME_FORGERIES]}
    run_once(desk_dir, *(letters[c.name] for c in ENCODED_NAME_GENUINE))
    run_once(desk_dir, *(letters[c.name] for c in ENCODED_NAME_FORGERIES))
    conn = db(desk_dir)

    def request_of(name: str):  # type: ignore[no-untyped-def]
        return conn.execute("select r.*, m.sender as message_sender from requests r join messages m "
                            "on m.id = r.message_pk where m.message_id = ?",
                            (message_id_of(letters[name]),)).fetchone()

    for case, address, district in zip(ENCODED_NAME_GENUINE, ("disdukcapil@bulungankab.example",
                                                              "disdukcapil@malinaukab.example"),
                                       ("65.01", "65.02"), strict=True):
        req = request_of(case.name)
        assert (req["district"], req["sender"], req["message_sender"], req["state"]) == (
            district, address, address, "approved"), (case.name, dict(req))
        answers = replies_to(desk_dir, message_id_of(letters[case.name]))
        assert [a.to for a in answers] == [[address]], case.name

    for case in ENCODED_NAME_FORGERIES:
        req = request_of(case.name)
        assert req["message_sender"] not in DISTRICT_ADDRESSES and req["sender"] not in DISTRICT_ADDRESSES, \
            (case.name, dict(req))
        assert (req["district"], req["state"]) == (None, "held"), (case.name, dict(req))
        notice = next(s for s in sent_mail(desk_dir) if req["reference"] in s.subject)
        assert "Bulungan" not in notice.subject and "Bulungan" not in notice.text, (case.name, notice.text)
        assert not replies_to(desk_dir, message_id_of(letters[case.name])), case.name


def test_forged_reports_and_receipts_change_nothing_and_reach_the_operator(desk_dir: Path) -> None:
    """A forged daily report or receipt books nothing; the operator hears once per address and day."""
    report = Forgery("forged-report", "Disdukcapil Tana Tidung <disdukcapil@tanatidungkab.example>", "")
    report_again = Forgery("forged-report-again", "disdukcapil@tanatidungkab.example",
                           ar("tanatidungkab.example", "fail"))
    receipt = Forgery("forged-receipt", "disdukcapil@malinaukab.example",
                      ar("malinaukab.example", "fail") + ar("malinaukab.example"))
    stranger = Forgery("stranger-report", "orang@attacker.example", ar("attacker.example"))
    files = [
        _letter(desk_dir, report, subject="Laporan harian 27/11/2026",
                body="Laporan harian 27/11/2026\nperekaman 41\npencetakan 36\nsisa blangko 20\n"),
        _letter(desk_dir, report_again, subject="Laporan harian 27/11/2026 (ralat)",
                body="Laporan harian 27/11/2026\nperekaman 41\npencetakan 36\nsisa blangko 10\n"),
        _letter(desk_dir, receipt, subject="Konfirmasi penerimaan blangko",
                body="Blangko KTP-el sebanyak 1.000 keping sudah kami terima dengan baik.\n"),
        _letter(desk_dir, stranger, subject="Laporan harian 27/11/2026",
                body="Laporan harian 27/11/2026\nperekaman 41\npencetakan 36\nsisa blangko 20\n"),
    ]
    run_once(desk_dir, *files)
    conn = db(desk_dir)
    assert conn.execute("select count(*) from reports").fetchone()[0] == 0
    assert conn.execute("select count(*) from ledger_entries where source like 'message:%'").fetchone()[0] == 0
    sent = sent_mail(desk_dir)
    assert all(s.to == [OPERATOR] for s in sent), [(s.to, s.subject) for s in sent]
    notices = sorted(s.subject for s in sent)
    assert notices == ["Email tidak diproses: pengirim tidak terverifikasi (disdukcapil@malinaukab.example)",
                       "Email tidak diproses: pengirim tidak terverifikasi (disdukcapil@tanatidungkab.example)"]
    malinau = next(s for s in sent if "malinaukab" in s.subject)
    assert "hasil verifikasi palsu" in malinau.text and "DMARC oleh server email kantor GAGAL" in malinau.text
    assert "Subjek   : Konfirmasi penerimaan blangko" in malinau.text


# --- forged manager approvals ---------------------------------------------------------------------

def _held_request(desk_dir: Path, requested: str = "6.000") -> tuple[str, str]:
    """A Nunukan request whose authentication the office's server could not confirm: held for the managers,
    who may still approve it (after a telephone call, say). (reference, notice Message-ID)"""
    letter = _letter(desk_dir, Forgery("nunukan-large", "disdukcapil@nunukankab.example", ""),
                     subject="Permohonan blangko KTP-el untuk jemput bola",
                     body=request_body(requested=requested, stock="300"))
    run_once(desk_dir, letter)
    conn = db(desk_dir)
    req = conn.execute("select reference, state, requested from requests").fetchone()
    assert req["state"] == "held", dict(req)
    notice = next(s for s in sent_mail(desk_dir) if "Menunggu keputusan" in s.subject)
    return req["reference"], notice.message_id


OFFICE_DOMAIN = "disdukcapil.kaltaraprov.example"
FORGED_APPROVALS = [
    Forgery("manager-no-results", f"Kepala Dinas <{KADIS}>", ""),
    Forgery("manager-dmarc-fail", KADIS, ar(OFFICE_DOMAIN, "fail")),
    Forgery("manager-forged-pass-below-real-fail", KADIS, ar(OFFICE_DOMAIN, "fail") + ar(OFFICE_DOMAIN)),
    Forgery("manager-forged-pass-other-authserv", KADIS, ar(OFFICE_DOMAIN, authserv="mx.attacker.example")),
    Forgery("manager-lookalike-domain", "kadis@disdukcapi1.kaltaraprov.example", ar("disdukcapi1.kaltaraprov.example")),
    Forgery("manager-display-name", f'"{KADIS}" <boss@attacker.example>', ar("attacker.example")),
    Forgery("manager-two-from-mailboxes", f"boss@attacker.example, {KADIS}", ar(OFFICE_DOMAIN)),
    # results no server writes: a quoted pass (no result) before the real fail, a none and a pass
    Forgery("manager-quoted-pass", KADIS, f'Authentication-Results: {AUTHSERV_ID}; '
            f'dmarc="pass" header.from="{OFFICE_DOMAIN}"; dmarc=fail\n'),
    Forgery("manager-none-then-pass", KADIS, f"Authentication-Results: {AUTHSERV_ID}; dmarc=none header.from="
            f"{OFFICE_DOMAIN}; dmarc=pass header.from={OFFICE_DOMAIN}\n"),
]


def test_forged_manager_approvals_are_never_obeyed(desk_dir: Path) -> None:
    reference, notice_id = _held_request(desk_dir)
    before = {s.path for s in sent_mail(desk_dir)}
    approvals = [_letter(desk_dir, case, subject=f"Re: [{reference}] Menunggu keputusan",
                         body="SETUJU 6000\n") for case in FORGED_APPROVALS]
    for path in approvals:  # a reply to the notice, as a manager's mail client writes it
        path.write_bytes(path.read_bytes().replace(b"MIME-Version:", f"In-Reply-To: {notice_id}\nMIME-Version:"
                                                   .encode(), 1))
    run_once(desk_dir, *approvals)
    conn = db(desk_dir)
    req = conn.execute("select state, approved from requests where reference = ?", (reference,)).fetchone()
    assert req["state"] == "held", dict(req)
    assert conn.execute("select count(*) from decisions where actor != 'policy'").fetchone()[0] == 0
    assert conn.execute("select count(*) from ledger_entries where kind = 'shipment_approved'").fetchone()[0] == 0
    new = [s for s in sent_mail(desk_dir) if s.path not in before]
    # no confirmation to anyone, no word to the district; the operator hears, once per address and day
    assert all(s.to == [OPERATOR] for s in new), [(s.to, s.subject) for s in new]
    assert {s.subject for s in new} == {
        f"Email tidak diproses: pengirim tidak terverifikasi ({KADIS})"}


def _approve_by_mail(desk_dir: Path, reference: str, notice_id: str, line: str, name: str) -> None:
    letter = _letter(desk_dir, Forgery(name, KADIS, ar(OFFICE_DOMAIN)),
                     subject=f"Re: [{reference}] Menunggu keputusan", body=f"{line}\n")
    letter.write_bytes(letter.read_bytes().replace(b"MIME-Version:", f"In-Reply-To: {notice_id}\nMIME-Version:"
                                                   .encode(), 1))
    run_once(desk_dir, letter)


def test_setuju_above_the_request_is_not_applied_without_paksa(desk_dir: Path) -> None:
    """A slip such as SETUJU 60000 on a request of 6.000 approves nothing: the manager is asked to confirm."""
    reference, notice_id = _held_request(desk_dir)
    _approve_by_mail(desk_dir, reference, notice_id, "SETUJU 60000", "kadis-60000")
    conn = db(desk_dir)
    req = conn.execute("select state from requests where reference = ?", (reference,)).fetchone()
    assert req["state"] == "held"
    assert conn.execute("select count(*) from decisions where actor = ?", (KADIS,)).fetchone()[0] == 0
    booked = conn.execute("select count(*) from ledger_entries where kind = 'shipment_approved' "
                          "and location = 'province'").fetchone()[0]
    assert booked == 0
    asked = next(s for s in sent_mail(desk_dir) if s.to == [KADIS] and "tidak dapat diproses" in s.subject)
    assert "60.000" in asked.text and "PAKSA" in asked.text


@pytest.mark.parametrize("line", ["SETUJU", "SETUJU 62000"])
def test_setuju_never_approves_into_the_reserve(desk_dir: Path, line: str) -> None:
    """66.000 in the provincial store and a reserve of 5.000: 62.000 cannot be approved by email."""
    reference, notice_id = _held_request(desk_dir, requested="62.000")
    conn = db(desk_dir)
    conn.execute("update requests set approved = 62000 where reference = ?", (reference,))  # as if proposed
    conn.commit()
    _approve_by_mail(desk_dir, reference, notice_id, line, "kadis-reserve")
    req = conn.execute("select state from requests where reference = ?", (reference,)).fetchone()
    assert req["state"] == "held"
    refusal = next(s for s in sent_mail(desk_dir) if s.to == [KADIS] and "tidak dapat diproses" in s.subject)
    assert "cadangan" in refusal.text and "62.000" in refusal.text and "juga dengan PAKSA" in refusal.text


def test_check_config_and_run_say_what_lists_only_allows(desk_dir: Path) -> None:
    config = desk_dir / "config.toml"
    assert "warning" not in mailbot(desk_dir, "check-config").stdout
    config.write_text(config.read_text().replace("require_authentication = true", "require_authentication = false"))
    checked = mailbot(desk_dir, "check-config")
    assert checked.returncode == 0
    warning = [line for line in checked.stdout.splitlines() if line.startswith("warning")]
    assert len(warning) == 1 and "From header alone" in warning[0], checked.stdout
    ran = mailbot(desk_dir, "run", "--once")
    assert ran.returncode == 0 and "From header alone" in ran.stderr
    config.write_text(config.read_text().replace("require_authentication = false\n", ""))
    config.write_text(config.read_text().replace('authserv_id = "mx.kaltaraprov.example"\n', ""))
    refused = mailbot(desk_dir, "check-config")
    assert refused.returncode == 2 and "authserv_id" in refused.stderr and "Traceback" not in refused.stderr


def test_a_request_whose_from_names_no_one_address_shows_the_managers_the_from_as_written(desk_dir: Path) -> None:
    """"<evil@attacker.example> <disdukcapil@bulungankab.example>": the request is held, and the managers' notice
    shows the From header as written, the attacker's address in it (was "Pengirim : -")."""
    letter = _letter(desk_dir, Forgery("two-angle-addresses",
                                       "<evil@attacker.example> <disdukcapil@bulungankab.example>", ""),
                     subject="Permohonan tambahan blangko KTP-el", body=request_body(requested="1.800", stock="600"))
    run_once(desk_dir, letter)
    conn = db(desk_dir)
    req = conn.execute("select reference, state, sender from requests").fetchone()
    assert req["state"] == "held" and req["sender"] is None, dict(req)
    notice = next(s for s in sent_mail(desk_dir) if req["reference"] in s.subject and "Menunggu keputusan" in s.subject)
    line = next(ln for ln in notice.text.splitlines() if "Pengirim" in ln)
    assert "evil@attacker.example" in line and "tidak terbaca" in line, line
