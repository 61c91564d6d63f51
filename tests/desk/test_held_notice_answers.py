"""Managers answering held notices, on the real SQLite desk in process over the Maildir defaults: a bare SETUJU
approves only the figure the notice it answers offered; on a notice the district's correction (or another
manager's decision) has overtaken, the manager is told what stands and nothing is approved."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import NUNUKAN, REQUEST, Desk12, Out
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

KADIS, KABID = MANAGERS


def _held(d: Desk12, stock: int = 500) -> Out:
    """Nunukan asks 4.000 (sisa *stock*): held for the managers; the district's reply."""
    mid, outcome = d.send(NUNUKAN, "Permohonan tambahan blangko KTP-el",
                          REQUEST.format(stock=stock, asked="4.000", name="Nunukan"))
    assert d.request()["state"] == "held", outcome
    [reply] = d.replies_to(mid)
    return reply


def _notices(d: Desk12) -> list[Out]:
    return [o for o in d.out() if o.purpose.startswith("held:")]


def _manager(d: Desk12, who: str, notice: Out, words: str) -> tuple[str, dict[str, int]]:
    quoted = "\n".join(f"> {line}" for line in notice.text.splitlines())
    return d.send(who, "Re: " + notice.subject, f"{words}\n\nPada Sab, 5 Des 2026 pukul 09.00 {notice.msg['From']} "
                                                f"menulis:\n{quoted}\n", in_reply_to=notice.message_id)


def _correct_stock(d: Desk12, reply: Out, words: str) -> None:
    d.send(NUNUKAN, "Re: " + reply.subject, f"{words}\n\nFrom: {reply.msg['From']}\nSent: Saturday, December 5, "
                                            f"2026 9:00 AM\nSubject: {reply.subject}\n\n{reply.text}\n",
           in_reply_to=reply.message_id)


def test_a_bare_setuju_on_a_notice_overtaken_by_a_correction_approves_nothing(desk12: Desk12) -> None:
    reply = _held(desk12)
    [first] = _notices(desk12)
    assert "3.400 keping" in first.text
    _correct_stock(desk12, reply, "Mohon maaf pak, koreksi: sisa stok kami 200 keping, bukan 500.")
    row = desk12.request()
    assert (row["state"], row["approved"]) == ("held", 3700)
    assert len(_notices(desk12)) == 2

    mid, _ = _manager(desk12, KABID, first, "SETUJU")
    row = desk12.request()
    assert row["state"] == "held"  # was: approved 3.700, a figure the notice answered never offered
    assert not [o for o in desk12.out() if NUNUKAN in o.to and "DISETUJUI" in o.text]
    [told] = desk12.replies_to(mid)
    assert told.to == [KABID]
    text = " ".join(told.text.split())
    assert "3.400 keping" in text and "3.700 keping" in text and "SETUJU 3.700" in text

    # the latest notice's own SETUJU approves what it offered
    latest = _notices(desk12)[-1]
    _manager(desk12, KABID, latest, "SETUJU")
    assert (desk12.request()["state"], desk12.request()["approved"]) == ("approved", 3700)


def test_a_bare_setuju_on_a_notice_another_manager_decided_replaces_nothing(desk12: Desk12) -> None:
    reply = _held(desk12)
    [first] = _notices(desk12)
    _manager(desk12, KABID, first, "SETUJU 2.000")
    assert (desk12.request()["state"], desk12.request()["approved"]) == ("approved", 2000)
    _correct_stock(desk12, reply, "Mohon maaf pak, koreksi: sisa stok kami 100 keping, bukan 500.")
    assert desk12.request()["state"] == "held"

    mid, _ = _manager(desk12, KADIS, first, "Setuju")
    assert desk12.request()["state"] == "held"  # was: approved 3.800, replacing the Kabid's 2.000
    [told] = desk12.replies_to(mid)
    text = " ".join(told.text.split())
    assert told.to == [KADIS] and "3.400 keping" in text and KABID in text


def test_each_manager_whose_answer_decides_nothing_is_told_so_each_time(desk12: Desk12) -> None:
    _held(desk12)
    [notice] = _notices(desk12)
    kabid, _ = _manager(desk12, KABID, notice, "ok")
    [first] = desk12.replies_to(kabid)
    assert first.to == [KABID] and "SETUJU" in first.text
    kadis, _ = _manager(desk12, KADIS, notice, "Oke, nanti saya cek dulu")
    [second] = desk12.replies_to(kadis)  # was: no mail at all, the thread acknowledged once already
    assert second.to == [KADIS] and "SETUJU" in second.text and "TOLAK" in second.text
    again, _ = _manager(desk12, KABID, notice, "ok pak")
    [third] = desk12.replies_to(again)  # was: no mail at all, this manager told once already in the thread
    assert third.to == [KABID] and "SETUJU" in third.text
    assert desk12.request()["state"] == "held"


def test_a_district_resubmitting_as_a_managers_rejection_asked_gets_a_new_request(desk12: Desk12) -> None:
    _held(desk12)
    [notice] = _notices(desk12)
    _manager(desk12, KADIS, notice, "TOLAK stok provinsi diprioritaskan untuk kabupaten lain, mohon ajukan ulang "
                                    "maksimal 3.000 keping")
    assert desk12.request()["state"] == "rejected"
    [rejected] = [o for o in desk12.out() if NUNUKAN in o.to and "TIDAK DAPAT KAMI SETUJUI" in o.text]
    quoted = "\n".join(f"> {line}" for line in rejected.text.splitlines())
    mid, outcome = desk12.send(NUNUKAN, "Re: " + rejected.subject,
                               f"Baik pak, kalau begitu kami ajukan 3.000 keping saja.\n\n{quoted}\n",
                               in_reply_to=rejected.message_id)
    new = desk12.request("BLK-2026-0002")  # was: no request, a queue item and the generic acknowledgement
    assert new is not None and new["requested"] == 3000 and new["state"] in ("approved", "held"), outcome
    assert desk12.request()["state"] == "rejected"
    [told] = desk12.replies_to(mid)
    assert "[BLK-2026-0002]" in told.subject


@pytest.mark.parametrize("signature", ["Dikirim dari ponsel Samsung", "Sent from my iPhone", "Dikirim dari Yahoo Mail "
                                                                                              "untuk Android"])
def test_a_managers_phone_signature_is_never_passed_to_the_district_as_his_note(desk12: Desk12,
                                                                                signature: str) -> None:
    _held(desk12)
    [notice] = _notices(desk12)
    _manager(desk12, KABID, notice, f"SETUJU dua ribu lima ratus keping\n\n{signature}")
    assert (desk12.request()["state"], desk12.request()["approved"]) == ("approved", 2500)
    [told] = [o for o in desk12.out() if NUNUKAN in o.to and "SEBAGIAN" in o.text]
    assert "Catatan dari pimpinan" not in told.text and signature.split()[0] not in told.text


def test_a_bare_setuju_that_names_no_notice_of_ours_approves_nothing_once_the_request_changed(desk12: Desk12) -> None:
    """A manager's client that mangles In-Reply-To and References (or drops them): which notice was read cannot be
    told; after the district's correction the notices offered different figures, so nothing is approved."""
    reply = _held(desk12)
    [first] = _notices(desk12)
    _correct_stock(desk12, reply, "Mohon maaf pak, koreksi: sisa stok kami 200 keping, bukan 500.")
    assert len(_notices(desk12)) == 2
    quoted = "\n".join(f"> {line}" for line in first.text.splitlines())
    mid, _ = desk12.send(KABID, "Re: " + first.subject, f"SETUJU\n\n{quoted}\n")  # no In-Reply-To
    assert desk12.request()["state"] == "held"  # was: approved 3.700, a figure the manager may never have read
    [told] = desk12.replies_to(mid)
    assert told.to == [KABID] and "SETUJU 3.700" in " ".join(told.text.split())
