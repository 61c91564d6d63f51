"""Spoofed senders are never approved automatically: the request is held, managers are told, and the sender
gets no reply at all (nothing to learn the desk's figures from)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.desk.mailkit import (
    AUTHSERV_ID,
    MANAGERS,
    db,
    message_id_of,
    numbers_in,
    replies_to,
    request_body,
    run_once,
    sent_mail,
    set_guards,
    write_eml,
)


def _ar(result: str, domain: str, authserv: str = AUTHSERV_ID) -> str:
    """An Authentication-Results header line as the office's mail server writes it."""
    return (f"Authentication-Results: {authserv};\n\tspf={result} smtp.mailfrom={domain};\n"
            f"\tdkim={result} header.d={domain};\n\tdmarc={result} header.from={domain}\n")


@dataclass(frozen=True)
class Spoof:
    name: str
    sender: str  # the From header value
    headers: str  # extra header lines, topmost first
    guard_reason: str  # what the sender guard must record
    district_text: str  # the district the letter claims to be from, in its body


SPOOFS = [
    # on the list, but the office's server has not vouched for it
    Spoof("allowlisted-unauthenticated", "Disdukcapil Bulungan <disdukcapil@bulungankab.example>", "",
          "no_trusted_authentication_results", "Kabupaten Bulungan"),
    # the real (topmost) header says DMARC failed; a forged "pass" was written below it by the sender
    Spoof("forged-results-below-the-real-one", "Disdukcapil Malinau <disdukcapil@malinaukab.example>",
          _ar("fail", "malinaukab.example") + _ar("pass", "malinaukab.example"),
          "forged_authentication_results_ignored", "Kabupaten Malinau"),
    # two From mailboxes, both on the list, and an authentic pass for the domain
    Spoof("two-from-mailboxes",
          "capil.nunukan@nunukankab.example, Disdukcapil Nunukan <disdukcapil@nunukankab.example>",
          _ar("pass", "nunukankab.example"), "two_from_mailboxes", "Kabupaten Nunukan"),
    # a lookalike domain with its own genuine DMARC pass: authentication alone proves nothing
    Spoof("lookalike-domain", "Disdukcapil Kota Tarakan <disdukcapil@tarakank0ta.example>",
          _ar("pass", "tarakank0ta.example"), "lookalike_domain", "Kota Tarakan"),
]
# The control: the same letter from a listed sender the office's server authenticated.
GENUINE = Spoof("authenticated", "Disdukcapil Tana Tidung <disdukcapil@tanatidungkab.example>",
                _ar("pass", "tanatidungkab.example"), "", "Kabupaten Tana Tidung")


def _letter(desk_dir: Path, case: Spoof) -> Path:
    body = request_body(stock="600").replace("kami", f"{case.district_text} kami", 1)
    domain = case.sender.rsplit("@", 1)[1].rstrip(">")
    return write_eml(desk_dir, f"{case.name}.eml", sender=case.sender, subject="Permohonan tambahan blangko KTP-el",
                     body=body, message_id=f"<{case.name}.20261127@{domain}>", extra_headers=case.headers)


def _stock_figures(conn, request_id: int, letter: str) -> set[int]:  # type: ignore[no-untyped-def]
    """Numbers only the office knows: ledger balances and the policy's explanation and proposal for the request,
    less those the district wrote itself."""
    figures: set[int] = set()
    for row in conn.execute("select location, sum(on_hand) o, sum(in_transit) t, sum(committed) c "
                            "from ledger_entries group by item, location"):
        figures |= {abs(v) for v in (row["o"], row["t"], row["c"]) if v}
    for row in conn.execute("select quantity, note, arithmetic from decisions where request_pk = ?", (request_id,)):
        figures |= numbers_in(row["note"] or "") | numbers_in(row["arithmetic"] or "")
        if row["quantity"]:
            figures.add(row["quantity"])
    return {n for n in figures if n >= 10} - numbers_in(letter)


@pytest.mark.parametrize("require_authentication", [True, False], ids=["auth-required", "lists-only"])
def test_spoofed_requests_are_held_never_approved(desk_dir: Path, require_authentication: bool) -> None:
    set_guards(desk_dir, authserv_id=AUTHSERV_ID, require_authentication=require_authentication)
    cases = SPOOFS if require_authentication else [s for s in SPOOFS if s.name in ("two-from-mailboxes",
                                                                                   "lookalike-domain")]
    letters = {case.name: _letter(desk_dir, case) for case in [*cases, GENUINE]}
    run_once(desk_dir, *letters.values())
    conn = db(desk_dir)

    def request_of(case: Spoof):  # type: ignore[no-untyped-def]
        return conn.execute(
            "select r.*, m.guard from requests r join messages m on m.id = r.message_pk where m.message_id = ?",
            (message_id_of(letters[case.name]),)).fetchone()

    # the control shows the same letter is approved when the sender is who it says it is
    genuine = request_of(GENUINE)
    assert genuine["state"] == "approved", dict(genuine)
    assert conn.execute("select count(*) from ledger_entries where kind = 'shipment_approved' and request_pk = ?",
                        (genuine["id"],)).fetchone()[0] > 0

    for case in cases:
        req = request_of(case)
        assert req is not None, f"{case.name}: no request recorded"
        guard = json.loads(req["guard"])
        assert not guard["trusted"] and case.guard_reason in guard["reasons"], (case.name, guard)
        assert req["state"] == "held", (case.name, req["state"])
        assert conn.execute("select count(*) from ledger_entries where kind = 'shipment_approved' and request_pk = ?",
                            (req["id"],)).fetchone()[0] == 0, case.name

        notices = [s for s in sent_mail(desk_dir) if sorted(s.to) == sorted(MANAGERS)
                   and req["reference"] in s.subject and "Menunggu keputusan" in s.subject]
        assert len(notices) == 1, f"{case.name}: managers not told"
        assert "TOLAK" in notices[0].text
        # a mail the office's server found failing its check is approved by no one-line answer
        assert ("SETUJU" in notices[0].text) is ("dmarc_fail" not in guard["reasons"]), case.name

        letter = letters[case.name].read_text()
        secrets = _stock_figures(conn, req["id"], letter)
        assert secrets, f"{case.name}: nothing to hide? the check would prove nothing"
        assert replies_to(desk_dir, message_id_of(letters[case.name])) == [], f"{case.name}: answered"
        for sent in sent_mail(desk_dir):
            if sent.in_reply_to != message_id_of(letters[GENUINE.name]):
                assert set(sent.to) <= set(MANAGERS), (case.name, sent.to)

    approved = conn.execute("select count(*) from requests where state = 'approved'").fetchone()[0]
    assert approved == 1, "only the authenticated control was approved"
    held_ids = [request_of(c)["id"] for c in cases]
    marks = ",".join("?" * len(held_ids))
    assert conn.execute(f"select count(*) from ledger_entries where kind = 'shipment_approved' "
                        f"and request_pk in ({marks})", held_ids).fetchone()[0] == 0


def test_two_from_mailboxes_get_no_reply_at_all(desk_dir: Path) -> None:
    """With two From addresses there is no one sender to answer: no reply goes to either, nor to anyone
    else on the district's list (they did not write; managers are told instead)."""
    case = SPOOFS[2]
    run_once(desk_dir, _letter(desk_dir, case))
    for sent in sent_mail(desk_dir):
        assert not {"capil.nunukan@nunukankab.example", "disdukcapil@nunukankab.example"} & set(sent.to)
