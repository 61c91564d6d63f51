"""A request held for the managers and decided by the operator (`mailbot approve`, `mailbot reject`): the district is
told who decided as it was, the managers hear once that it no longer waits for them, and no mail shows a login code
such as "cli:root"."""

from __future__ import annotations

import re

import pytest

from mailbot import actions
from mailbot.store import repo
from tests.desk.desk12 import (
    BULUNGAN,
    GMAIL,
    MALINAU,
    NUNUKAN,
    Desk12,
    appealed_part,
    approved,
    flat,
    held_for_managers,
    send_answer,
    send_request,
)
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _by_hand(d: Desk12, decide: str, *, quantity: int | None = None, reason: str, actor: str = "cli:root") -> None:
    with d.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        if decide == "approve":
            concerns = actions.approval_concerns(session, d.desk, req, quantity)
            actions.approve(session, d.desk, req, quantity, actor=actor, via="cli", reason=reason,
                            concerns=concerns)
        else:
            actions.reject(session, d.desk, req, reason, actor=actor, via="cli")


def test_a_forced_approval_by_the_operator_is_told_as_the_operators_and_the_managers_hear_of_it(
        desk12: Desk12) -> None:
    _, held = held_for_managers(desk12)  # Nunukan asks 3.500
    n = len(desk12.out())
    _by_hand(desk12, "approve", quantity=5000, reason="uji cadangan")
    new = desk12.out()[n:]
    [district] = [o for o in new if NUNUKAN in o.to]
    assert "Keputusan ini diambil oleh petugas meja layanan blangko." in flat(district.text), district.text
    assert "arahan pimpinan" not in district.text and "uji cadangan" not in district.text.lower()
    [notice] = [o for o in new if set(MANAGERS) <= set(o.to)]
    text = flat(notice.text)
    assert notice.subject.startswith("[BLK-2026-0001] Sudah diputuskan oleh petugas:"), notice.subject
    assert ("telah diputuskan langsung oleh petugas meja layanan blangko, yaitu DISETUJUI sebanyak 5.000 keping "
            "(usulan sistem:") in text, text
    assert "Alasan yang dicatat: uji cadangan." in text and "cli:" not in notice.text

    # a manager answering the held notice afterwards is told who approved, in words
    m = len(desk12.out())
    send_answer(desk12, MANAGERS[0], held, "SETUJU", above=GMAIL)
    [refusal] = desk12.out()[m:]
    assert "sudah DISETUJUI sebelumnya sebanyak 5.000 keping (oleh petugas meja layanan blangko)" in flat(
        refusal.text), refusal.text
    assert "cli:" not in refusal.text


def test_a_rejection_by_the_operator_is_told_to_the_managers_with_its_reason(desk12: Desk12) -> None:
    held_for_managers(desk12)
    n = len(desk12.out())
    _by_hand(desk12, "reject", reason="stok provinsi sedang diaudit")
    [notice] = [o for o in desk12.out()[n:] if set(MANAGERS) <= set(o.to)]
    text = flat(notice.text)
    assert "telah diputuskan langsung oleh petugas meja layanan blangko, yaitu DITOLAK" in text, text
    assert "Alasan yang dicatat: stok provinsi sedang diaudit." in text
    assert "Kabupaten Nunukan telah kami beri tahu." in text


def test_a_rejection_by_the_operator_tells_the_district_who_decided(desk12: Desk12) -> None:
    held_for_managers(desk12)
    n = len(desk12.out())
    _by_hand(desk12, "reject", reason="stok provinsi diprioritaskan untuk wilayah perbatasan", actor="Pak Yusuf")
    [district] = [o for o in desk12.out()[n:] if NUNUKAN in o.to]
    text = flat(district.text)
    # the name given with --by is the decider's, said as such (it may be the head of office's), not a clerk's
    assert ("TIDAK DAPAT KAMI SETUJUI saat ini. Keputusan ini diambil oleh Pak Yusuf, melalui petugas meja layanan "
            "blangko.") in text, text
    html = district.msg.get_body(("html",))
    assert html is not None and "Keputusan ini diambil oleh Pak Yusuf, melalui petugas meja layanan blangko." in flat(
        str(html.get_content())), html


def test_an_approval_withdrawn_by_the_operator_tells_the_district_who_decided(desk12: Desk12) -> None:
    held_for_managers(desk12)
    _by_hand(desk12, "approve", quantity=2000, reason="cukup untuk sebulan")
    n = len(desk12.out())
    _by_hand(desk12, "reject", reason="kiriman dari pusat tertunda")
    [district] = [o for o in desk12.out()[n:] if NUNUKAN in o.to]
    text = flat(district.text)
    assert "Keputusan ini diambil oleh petugas meja layanan blangko." in text, text
    assert "Persetujuan sebanyak 2.000 keping yang sebelumnya kami sampaikan" in text, text
    assert "cli:" not in district.text


@pytest.mark.parametrize(("actor", "decider"), [
    ("cli:root", "petugas meja layanan blangko"),
    ("Bu Kadis", "Bu Kadis, melalui petugas meja layanan blangko")])
def test_a_cut_of_the_proposal_by_the_operator_is_not_said_as_the_managers(desk12: Desk12, actor: str,
                                                                        decider: str) -> None:
    held_for_managers(desk12)  # Nunukan asks 3.500, the system proposes it all
    n = len(desk12.out())
    _by_hand(desk12, "approve", quantity=3000, reason="bertahap", actor=actor)
    [district] = [o for o in desk12.out()[n:] if NUNUKAN in o.to]
    html = district.msg.get_body(("html",))
    assert html is not None
    for text in (flat(district.text), flat(re.sub(r"<[^>]+>", "", str(html.get_content())))):
        assert f"permohonan ini telah diputuskan oleh {decider}: DISETUJUI SEBAGIAN" in text, text
        assert f"jumlah yang disetujui, 3.000 keping, ditetapkan oleh {decider}." in text, text
        assert "Perhitungan kebutuhan Bapak/Ibu menurut sistem, yang menjadi bahan pertimbangan keputusan tersebut:" \
            in text, text
        assert "pimpinan:" not in text and "oleh pimpinan" not in text and "petugas meja layanan blangko (" not in text


def test_a_managers_own_decision_is_no_notice_to_the_managers(desk12: Desk12) -> None:
    _, held = held_for_managers(desk12)
    n = len(desk12.out())
    _, outcome = send_answer(desk12, MANAGERS[0], held, "SETUJU 2.000", above=GMAIL)
    assert outcome == {"manager-approve": 1}, outcome
    assert not [o for o in desk12.out()[n:] if o.purpose.startswith("decided-by-hand:")]


def test_a_part_approval_of_a_linked_request_points_at_no_calculation_it_does_not_show(desk12: Desk12) -> None:
    approved(desk12)  # BLK-2026-0001, 2.000 approved
    send_request(desk12, "600", "1.000", outcome="request-linked")  # BLK-2026-0002: no arithmetic of its own
    n = len(desk12.out())
    with desk12.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0002")
        assert req is not None
        actions.approve(session, desk12.desk, req, 300, actor="cli:root", via="cli")
    [district] = [o for o in desk12.out()[n:] if BULUNGAN in o.to]
    text = flat(district.text)
    assert "DISETUJUI SEBAGIAN, yaitu 300 keping" in text, text
    # was "lebih besar dari perhitungan ini", with no calculation in the mail
    assert "Perhitungan" not in text and "perhitungan ini" not in text, text
    assert ("Apabila kebutuhan Bapak/Ibu lebih besar dari jumlah yang disetujui ini, mohon sampaikan alasannya "
            "dengan membalas email ini.") in text, text
    html = district.msg.get_body(("html",))
    assert html is not None and "perhitungan ini" not in str(html.get_content())


def test_an_appeal_declined_by_the_operator_is_not_noted_as_the_managers(desk12: Desk12) -> None:
    part, _ = appealed_part(desk12, "Mohon dipertimbangkan kembali pak, kami tetap membutuhkan 1.800 keping.")
    n = len(desk12.out())
    with desk12.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        actions.decline_change(session, desk12.desk, req, part, "cukup sesuai usulan sistem", actor="Bu Kadis",
                               via="cli")
    [district] = [o for o in desk12.out()[n:] if MALINAU in o.to]
    text = flat(district.text)
    # was: "Catatan dari pimpinan: ...", of a decision typed at the desk
    assert "Catatan dari Bu Kadis, melalui petugas meja layanan blangko: permintaan penambahan/perubahan tidak " \
           "disetujui (cukup sesuai usulan sistem)" in text, text
    assert "Catatan dari pimpinan" not in text


@pytest.mark.parametrize("decide", ["approve", "reject"])
def test_a_decision_made_with_by_names_that_person_in_the_managers_subject_as_in_the_body(desk12: Desk12,
                                                                                          decide: str) -> None:
    held_for_managers(desk12)
    n = len(desk12.out())
    _by_hand(desk12, decide, reason="arahan langsung", actor="Kepala Dinas")  # mailbot approve/reject --by
    [notice] = [o for o in desk12.out()[n:] if set(MANAGERS) <= set(o.to)]
    assert "telah diputuskan langsung oleh Kepala Dinas, melalui petugas meja layanan blangko" in flat(notice.text)
    # was: "[BLK-2026-0001] Sudah diputuskan oleh petugas: ..."
    assert notice.subject.startswith("[BLK-2026-0001] Sudah diputuskan oleh Kepala Dinas: permohonan "), notice.subject
