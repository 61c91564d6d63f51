"""Managers decide held requests by replying to the notice ("SETUJU", "SETUJU 1500", "TOLAK <alasan>"),
end to end on the Maildir defaults; the same decisions through `mailbot approve` / `mailbot reject`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.desk.conftest import mailbot
from tests.desk.mailkit import (
    AUTHSERV_ID,
    AUTO_APPROVE_LIMIT,
    MANAGERS,
    OFFICE,
    OPERATOR,
    Sent,
    db,
    held_requests,
    message_id_of,
    reply_to_notice,
    run_once,
    sent_mail,
    set_config,
    set_guards,
    write_eml,
)

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


KADIS, KABID = MANAGERS


def _state(desk_dir: Path, reference: str) -> dict:  # type: ignore[type-arg]
    return dict(db(desk_dir).execute("select * from requests where reference = ?", (reference,)).fetchone())


def _approved_booked(desk_dir: Path, request_id: int) -> int:
    return db(desk_dir).execute("select count(*) from ledger_entries where kind = 'shipment_approved' "
                                "and request_pk = ?", (request_id,)).fetchone()[0]


def _new_mail(desk_dir: Path, before: set[str]) -> list[Sent]:
    return [s for s in sent_mail(desk_dir) if s.path.name not in before]


def test_managers_approve_and_reject_by_replying(desk_dir: Path) -> None:
    held = held_requests(desk_dir)
    a, b, c, d = held["a"], held["b"], held["c"], held["d"]
    assert a["approved"], "the notice proposes a quantity that a plain SETUJU accepts"
    before = {s.path.name for s in sent_mail(desk_dir)}
    decisions_before = db(desk_dir).execute("select count(*) from decisions").fetchone()[0]

    replies = {
        "a": reply_to_notice(desk_dir, a["notice"], sender=f"Kepala Dinas <{KADIS}>", command="   setuju  ",
                              name="kadis-a"),
        "b": reply_to_notice(desk_dir, b["notice"], sender=f"Kabid PIAK <{KABID}>", command="Setuju   1500",
                              name="kabid-b", style="outlook"),
        "c": reply_to_notice(desk_dir, c["notice"], sender=f"Kepala Dinas <{KADIS}>",
                              command="TOLAK   stok provinsi menipis", name="kadis-c"),
        # not managers: the district itself, and a lookalike of the head of office
        "d1": reply_to_notice(desk_dir, d["notice"], sender=f"Disdukcapil Tarakan <{d['district_sender']}>",
                               command="SETUJU", name="district-d"),
        "d2": reply_to_notice(desk_dir, d["notice"], sender="Kepala Dinas <kadis@disdukcapil-kaltaraprov.example>",
                               command="SETUJU", name="lookalike-d"),
    }
    stdout = run_once(desk_dir, *replies.values())
    assert "manager-approve" in stdout and "manager-reject" in stdout

    # a: approved as proposed; b: approved with the manager's own quantity; c: rejected with the reason
    state_a, state_b, state_c = _state(desk_dir, a["reference"]), _state(desk_dir, b["reference"]), _state(
        desk_dir, c["reference"])
    assert (state_a["state"], state_a["approved"]) == ("approved", a["approved"])
    assert (state_b["state"], state_b["approved"]) == ("approved", 1500)
    assert state_c["state"] == "rejected"
    assert _approved_booked(desk_dir, a["id"]) and _approved_booked(desk_dir, b["id"])
    assert not _approved_booked(desk_dir, c["id"])
    conn = db(desk_dir)
    actors = dict(conn.execute("select r.reference, d.actor from decisions d join requests r on r.id = d.request_pk "
                               "where d.actor != 'policy'").fetchall())
    assert actors == {a["reference"]: KADIS, b["reference"]: KABID, c["reference"]: KADIS}

    # d: the non-managers' SETUJU changed nothing and made no mail
    assert _state(desk_dir, d["reference"])["state"] == "held"
    assert not _approved_booked(desk_dir, d["id"])
    assert conn.execute("select count(*) from decisions").fetchone()[0] == decisions_before + 3

    new = _new_mail(desk_dir, before)
    for key, label, quantity in (("a", "DISETUJUI", a["approved"]), ("b", "DISETUJUI", 1500), ("c", "DITOLAK", None)):
        req, reply_id = held[key], message_id_of(replies[key])
        manager = KABID if key == "b" else KADIS
        [confirm] = [s for s in new if s.to == [manager] and s.in_reply_to == reply_id]
        assert req["reference"] in confirm.subject and label in confirm.subject
        expected = f"{quantity:,}".replace(",", ".") + " keping" if quantity else "stok provinsi menipis"
        assert expected in confirm.text, confirm.text
        [told] = [s for s in new if s.to == [req["district_sender"]]]
        assert told.subject.startswith(f"Re: [{req['reference']}]")
        assert told.in_reply_to == f"<held-{key}@{req['district_sender'].split('@')[1]}>"
        if quantity:
            assert "DISETUJUI" in told.text and f"{quantity:,}".replace(",", ".") + " keping" in told.text
        else:
            assert "TIDAK DAPAT KAMI SETUJUI" in told.text and "Alasan: stok provinsi menipis" in told.text
    # the district's own SETUJU decides nothing; a person reads it, and the district is told so, once
    [note] = [s for s in new if d["district_sender"] in s.to]
    assert "akan dibaca serta ditindaklanjuti langsung oleh petugas kami" in note.text
    assert len(new) == 7, [(s.to, s.subject) for s in new]
    assert not [s for s in new if "disdukcapil-kaltaraprov" in " ".join(s.to)]

    # the same replies delivered again: recognised, nothing decided or sent twice
    assert mailbot(desk_dir, "import", *map(str, replies.values())).returncode == 0
    assert "duplicate" in run_once(desk_dir)
    assert len(sent_mail(desk_dir)) == len(before) + 7
    assert conn.execute("select count(*) from decisions").fetchone()[0] == decisions_before + 3


def test_second_decision_on_a_decided_request_is_answered_not_applied(desk_dir: Path) -> None:
    """Both managers answer the same notice: the first decides, the second is told it was already decided."""
    held = held_requests(desk_dir)
    a = held["a"]
    first = reply_to_notice(desk_dir, a["notice"], sender=KADIS, command="SETUJU", name="first")
    run_once(desk_dir, first)
    assert _state(desk_dir, a["reference"])["state"] == "approved"
    before = {s.path.name for s in sent_mail(desk_dir)}
    second = reply_to_notice(desk_dir, a["notice"], sender=KABID, command="SETUJU 1500", name="second")
    stdout = run_once(desk_dir, second)
    assert "quarantined" not in stdout
    assert _state(desk_dir, a["reference"])["state"] == "approved"
    [answer] = _new_mail(desk_dir, before)
    assert answer.to == [KABID] and answer.in_reply_to == message_id_of(second)
    assert a["reference"] in answer.subject and "DISETUJUI" in answer.text


def test_a_rejection_of_an_approved_request_is_confirmed_before_it_is_obeyed(desk_dir: Path) -> None:
    """TOLAK on a request approved already (the district was told) withdraws that approval: as `mailbot reject`
    asks for --force, the manager is asked, in Indonesian, to confirm with TOLAK PAKSA <alasan>."""
    held = held_requests(desk_dir)
    a = held["a"]
    run_once(desk_dir, reply_to_notice(desk_dir, a["notice"], sender=KADIS, command="SETUJU", name="approve"))
    approved = _state(desk_dir, a["reference"])
    assert approved["state"] == "approved" and _approved_booked(desk_dir, a["id"])

    before = {s.path.name for s in sent_mail(desk_dir)}
    rejection = reply_to_notice(desk_dir, a["notice"], sender=KABID, command="TOLAK salah kirim", name="reject")
    run_once(desk_dir, rejection)
    assert _state(desk_dir, a["reference"])["state"] == "approved"  # not obeyed blindly
    [asked] = _new_mail(desk_dir, before)  # the manager only: the district hears nothing yet
    assert asked.to == [KABID] and asked.in_reply_to == message_id_of(rejection) and a["reference"] in asked.subject
    said = " ".join(asked.text.split())
    assert (f"permohonan {a['reference']} sudah DISETUJUI sebelumnya sebanyak {approved['approved']:,} keping"
            .replace(",", ".")) in said, said
    assert "TOLAK PAKSA <alasan>, misalnya: TOLAK PAKSA salah kirim" in said
    assert "belum kami laksanakan" in said

    # "TOLAK PAKSA" without a reason on its line: the signature below is no reason; asked again, nothing withdrawn
    before = {s.path.name for s in sent_mail(desk_dir)}
    bare = write_eml(desk_dir, "bare-confirm.eml", sender=KABID, subject=f"Re: {asked.subject}",
                     body=f"tolak paksa\n\nKepala Dinas\n\n> {asked.text.splitlines()[0]}\n",
                     message_id="<bare-confirm@disdukcapil.kaltaraprov.example>",
                     extra_headers=f"In-Reply-To: {asked.message_id}\nReferences: {asked.message_id}\n")
    run_once(desk_dir, bare)
    assert _state(desk_dir, a["reference"])["state"] == "approved" and _approved_booked(desk_dir, a["id"])
    [again] = _new_mail(desk_dir, before)  # the manager only: the district hears nothing
    assert again.to == [KABID] and "setelah PAKSA" in again.text and "Alasan: Kepala Dinas" not in again.text

    before = {s.path.name for s in sent_mail(desk_dir)}
    confirmed = write_eml(desk_dir, "confirm.eml", sender=KABID, subject=f"Re: {asked.subject}",
                          body=f"TOLAK PAKSA salah kirim\n\n> {asked.text.splitlines()[0]}\n",
                          message_id="<confirm@disdukcapil.kaltaraprov.example>",
                          extra_headers=f"In-Reply-To: {asked.message_id}\nReferences: {asked.message_id}\n")
    run_once(desk_dir, confirmed)
    assert _state(desk_dir, a["reference"])["state"] == "rejected"
    new = _new_mail(desk_dir, before)
    [district] = [s for s in new if s.to == [a["district_sender"]]]
    assert "BATALKAN" in district.text and "salah kirim" in district.text
    [manager] = [s for s in new if s.to == [KABID]]
    assert "DITOLAK" in manager.text


def test_a_command_that_cannot_be_read_is_asked_again(desk_dir: Path) -> None:
    held = held_requests(desk_dir)
    before = {s.path.name for s in sent_mail(desk_dir)}
    unclear = reply_to_notice(desk_dir, held["a"]["notice"], sender=KADIS, command="TOLAK", name="no-reason")
    run_once(desk_dir, unclear)
    assert _state(desk_dir, held["a"]["reference"])["state"] == "held"
    [answer] = _new_mail(desk_dir, before)
    assert answer.to == [KADIS] and "alasan" in answer.text.lower()


def test_with_authentication_required_only_an_authenticated_manager_decides(desk_dir: Path) -> None:
    set_guards(desk_dir, authserv_id=AUTHSERV_ID, require_authentication=True)
    held = held_requests(desk_dir)  # unauthenticated district mail is held anyway
    a, b = held["a"], held["b"]
    domain = KADIS.split("@")[1]
    passed = (f"Authentication-Results: {AUTHSERV_ID}; dkim=pass header.d={domain}; "
              f"dmarc=pass header.from={domain}\n")
    forged = f"Authentication-Results: mx.attacker.example; dkim=pass header.d={domain}; dmarc=pass\n"
    unauthenticated = reply_to_notice(desk_dir, a["notice"], sender=KADIS, command="SETUJU", name="plain",
                                       extra_headers=forged)
    authenticated = reply_to_notice(desk_dir, b["notice"], sender=KADIS, command="SETUJU", name="signed",
                                     extra_headers=passed)
    before = {s.path.name for s in sent_mail(desk_dir)}
    assert mailbot(desk_dir, "import", str(unauthenticated), str(authenticated)).returncode == 0
    result = mailbot(desk_dir, "run", "--once")
    assert result.returncode == 0, result.stderr
    assert _state(desk_dir, a["reference"])["state"] == "held"
    assert not _approved_booked(desk_dir, a["id"])
    assert _state(desk_dir, b["reference"])["state"] == "approved"
    # the decision that was not applied is not a silent drop: a WARNING, and the operator is told
    assert f"WARNING mailbot.routes: mail from {KADIS} was not acted on" in result.stderr, result.stderr
    [notice] = [s for s in _new_mail(desk_dir, before) if "tidak terverifikasi" in s.subject]
    assert notice.to == [OPERATOR] and KADIS in notice.text


def test_cli_approve_and_reject(desk_dir: Path) -> None:
    held = held_requests(desk_dir)
    a, c = held["a"], held["c"]
    before = {s.path.name for s in sent_mail(desk_dir)}

    approved = mailbot(desk_dir, "approve", a["reference"], "--quantity", "1200")
    assert approved.returncode == 0, approved.stderr
    rejected = mailbot(desk_dir, "reject", c["reference"], "--reason", "stok provinsi menipis")
    assert rejected.returncode == 0, rejected.stderr

    assert (_state(desk_dir, a["reference"])["state"], _state(desk_dir, a["reference"])["approved"]) == (
        "approved", 1200)
    assert _approved_booked(desk_dir, a["id"])
    assert _state(desk_dir, c["reference"])["state"] == "rejected"
    new = _new_mail(desk_dir, before)
    [to_a] = [s for s in new if s.to == [a["district_sender"]]]
    [to_c] = [s for s in new if s.to == [c["district_sender"]]]
    assert "DISETUJUI" in to_a.text and "1.200 keping" in to_a.text and a["reference"] in to_a.subject
    assert "Alasan: stok provinsi menipis" in to_c.text and c["reference"] in to_c.subject
    # the managers, asked to decide both, hear once of each decision taken by hand
    told = [s for s in new if set(MANAGERS) <= set(s.to)]
    assert sorted(s.subject.split("]")[0] + "]" for s in told) == sorted(f"[{x['reference']}]" for x in (a, c))
    assert all("diputuskan langsung oleh petugas meja layanan blangko" in " ".join(s.text.split()) for s in told)
    audit = db(desk_dir).execute("select action, target from audit order by id").fetchall()
    assert [(r[0], r[1]) for r in audit][-2:] == [("approve", a["reference"]), ("reject", c["reference"])]

    # deciding again, or an unknown reference: one clear line, nothing changes
    again = mailbot(desk_dir, "approve", a["reference"])
    assert again.returncode == 1 and len(again.stderr.strip().splitlines()) == 1
    assert "Traceback" not in again.stderr
    unknown = mailbot(desk_dir, "reject", "BLK-2026-9999", "--reason", "x")
    assert unknown.returncode == 1 and "BLK-2026-9999" in unknown.stderr
    assert len(sent_mail(desk_dir)) == len(before) + 4
    assert OFFICE not in {r for s in new for r in s.to}


def test_a_reference_written_in_the_command_wins_over_the_thread(desk_dir: Path) -> None:
    held = held_requests(desk_dir)
    a, b = held["a"], held["b"]
    reply = reply_to_notice(desk_dir, a["notice"], sender=KADIS, command=f"SETUJU {b['reference']}", name="other")
    run_once(desk_dir, reply)
    assert _state(desk_dir, a["reference"])["state"] == "held"
    assert _state(desk_dir, b["reference"])["state"] == "approved"


def test_a_command_leaves_the_mail_to_the_sender_that_holds_the_send_lock(desk_dir: Path) -> None:
    """While another process sends the outbox (the running service), `approve` records the decision,
    queues the mail and returns at once instead of waiting; the holder of the lock sends it."""
    import fcntl

    held = held_requests(desk_dir)
    a = held["a"]
    before = {s.path.name for s in sent_mail(desk_dir)}
    with open(desk_dir / "var" / "mailbot.db.outbox.lock", "a+b") as lock, \
            open(desk_dir / "var" / "mailbot.db.service.lock", "a+b") as service:
        fcntl.flock(service, fcntl.LOCK_SH)  # a `mailbot run` service is running (mailbot.store.db.service_presence)
        fcntl.flock(lock, fcntl.LOCK_EX)  # and its sender holds the send lock mid-send
        approved = mailbot(desk_dir, "approve", a["reference"], "--quantity", "1200", timeout=60)
        assert approved.returncode == 0, approved.stderr
        assert "the running mailbot" in approved.stdout
        assert _state(desk_dir, a["reference"])["state"] == "approved"
        assert _new_mail(desk_dir, before) == []
        fcntl.flock(lock, fcntl.LOCK_UN)
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    [to_a] = [s for s in _new_mail(desk_dir, before) if s.to == [a["district_sender"]]]
    assert "DISETUJUI" in to_a.text


def test_an_email_approval_keeps_the_bounds_the_command_line_keeps(desk_dir: Path) -> None:
    """SETUJU N above the request or the need, or not in whole packs, is asked back (PAKSA <alasan>
    confirms it, recorded); into the reserve or above [stock] max_quantity_per_movement it is refused,
    confirmed or not; a bare SETUJU on a proposal the command line would refuse is refused too."""
    held = held_requests(desk_dir)
    a, b, c, d = held["a"], held["b"], held["c"], held["d"]
    requested = a["requested"]
    before = {s.path.name for s in sent_mail(desk_dir)}
    odd = reply_to_notice(desk_dir, a["notice"], sender=KADIS, command="SETUJU 2.050", name="odd")
    reserve = reply_to_notice(desk_dir, b["notice"], sender=KADIS, command="SETUJU 63.000 PAKSA darurat",
                               name="reserve")
    outcomes = run_once(desk_dir, odd, reserve)
    # the figure above the request waits for PAKSA; the reserve cannot be confirmed by email at all: refused
    assert "manager-command-unconfirmed" in outcomes and "manager-command-refused" in outcomes, outcomes
    assert _state(desk_dir, a["reference"])["state"] == "held" and not _approved_booked(desk_dir, a["id"])
    assert _state(desk_dir, b["reference"])["state"] == "held" and not _approved_booked(desk_dir, b["id"])
    answers = {s.in_reply_to: s for s in _new_mail(desk_dir, before)}
    assert set(answers) == {message_id_of(odd), message_id_of(reserve)}
    asked = " ".join(answers[message_id_of(odd)].text.split())
    assert f"melebihi jumlah yang dimohon ({requested:,} keping)".replace(",", ".") in asked
    assert "bukan kelipatan satu pak (100 keping, misalnya 2.000)" in asked and "SETUJU 2.050 PAKSA <alasan>" in asked
    refused = " ".join(answers[message_id_of(reserve)].text.split())
    assert "cadangan provinsi" in refused.lower() and "juga dengan PAKSA" in refused

    confirmed = reply_to_notice(desk_dir, a["notice"], sender=KADIS, command="SETUJU 2.100 PAKSA stok rusak banjir",
                                 name="confirmed")
    assert "manager-approve" in run_once(desk_dir, confirmed)
    assert (_state(desk_dir, a["reference"])["state"], _state(desk_dir, a["reference"])["approved"]) == (
        "approved", 2100)
    note = db(desk_dir).execute("select note from decisions where request_pk = ? and actor = ?",
                                (a["id"], KADIS)).fetchone()[0]
    assert note.startswith("stok rusak banjir; approved anyway, although approving 2.100 would be more than the 2.000 "
                           "requested"), note

    set_config(desk_dir, "stock", auto_approve_limit=AUTO_APPROVE_LIMIT, max_quantity_per_movement=1500)
    before = {s.path.name for s in sent_mail(desk_dir)}
    too_many = reply_to_notice(desk_dir, c["notice"], sender=KADIS, command="SETUJU 1.600 PAKSA pemilu",
                                name="too-many")
    assert "manager-command-refused" in run_once(desk_dir, too_many)
    assert _state(desk_dir, c["reference"])["state"] == "held"
    [answer] = _new_mail(desk_dir, before)
    assert "melebihi batas satu kali pengiriman (1.500 keping)" in " ".join(answer.text.split())

    # the province store nearly empty: the proposal itself now takes it into the reserve
    set_config(desk_dir, "stock", auto_approve_limit=AUTO_APPROVE_LIMIT, max_quantity_per_movement=200_000)
    free = 66000 - 2100
    taken = mailbot(desk_dir, "adjust", "province", f"-{free - 5000 - 100}", "--reason", "stock count")
    assert taken.returncode == 0, taken.stderr
    cli = mailbot(desk_dir, "approve", d["reference"])
    assert cli.returncode == 1 and "into the reserve" in cli.stderr, cli.stderr
    bare = reply_to_notice(desk_dir, d["notice"], sender=KADIS, command="SETUJU", name="bare")
    assert "manager-command-refused" in run_once(desk_dir, bare)  # nothing a manager writes confirms the reserve
    assert _state(desk_dir, d["reference"])["state"] == "held" and not _approved_booked(desk_dir, d["id"])


def test_a_managers_thanks_for_the_confirmation_is_recorded_without_a_reply(desk_dir: Path) -> None:
    a = held_requests(desk_dir)["a"]
    run_once(desk_dir, reply_to_notice(desk_dir, a["notice"], sender=f"Kepala Dinas <{KADIS}>", command="SETUJU",
                                        name="kadis-a"))
    [confirm] = [s for s in sent_mail(desk_dir) if s.to == [KADIS] and a["reference"] in s.subject]
    before = {s.path.name for s in sent_mail(desk_dir)}
    run_once(desk_dir, reply_to_notice(desk_dir, confirm, sender=f"Kepala Dinas <{KADIS}>",
                                        command="ok terima kasih", name="kadis-thanks"))
    assert not [s for s in _new_mail(desk_dir, before) if KADIS in s.to]
    assert not db(desk_dir).execute("select count(*) from attention_items where reason = 'manager_other'"
                                    ).fetchone()[0]
    assert _state(desk_dir, a["reference"])["state"] == "approved"


def test_a_managers_ok_to_a_request_still_waiting_is_told_it_decides_nothing(desk_dir: Path) -> None:
    a = held_requests(desk_dir)["a"]
    before = {s.path.name for s in sent_mail(desk_dir)}
    run_once(desk_dir, reply_to_notice(desk_dir, a["notice"], sender=f"Kepala Dinas <{KADIS}>",
                                        command="ok terima kasih", name="kadis-ok"))
    assert [s for s in _new_mail(desk_dir, before) if KADIS in s.to]
    assert _state(desk_dir, a["reference"])["state"] == "held"
