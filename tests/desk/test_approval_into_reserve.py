"""An approval by hand that takes the province's store into its reserve (`mailbot approve --force`): the managers
hear of it once, in plain words, whether or not the request waited for them, and the digest and `mailbot status`
say the reserve is being used instead of "stok aman". A manager's SETUJU into the reserve by email is refused, and
counted as such."""

from __future__ import annotations

import pytest

from mailbot import actions
from mailbot.store import repo
from tests.desk.desk12 import NUNUKAN, TARAKAN, Desk12, approved, asked_back, flat, held_for_managers

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

# the shipped config: 66.000 KTP-el in the province's store, 5.000 of them the reserve


def _force(d: Desk12, quantity: int, reference: str = "BLK-2026-0001") -> None:
    with d.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, reference)
        assert req is not None
        concerns = actions.approval_concerns(session, d.desk, req, quantity)
        assert "into_reserve" in {c.code for c in concerns}
        actions.approve(session, d.desk, req, quantity, actor="cli:root", via="cli", reason="uji",
                        concerns=concerns)


def test_an_asked_back_request_approved_into_the_reserve_is_told_to_the_managers_once(desk12: Desk12) -> None:
    asked_back(desk12)  # Tarakan, no figure: asked back, never put to the managers
    n = len(desk12.to_managers())
    _force(desk12, 62_000)
    [notice] = desk12.to_managers()[n:]
    text = flat(notice.text)
    assert notice.subject.startswith("[BLK-2026-0001] Sudah diputuskan oleh petugas dengan memakai cadangan "
                                     "provinsi:"), notice.subject
    assert "telah diputuskan langsung oleh petugas meja layanan blangko, yaitu DISETUJUI sebanyak 62.000 keping" \
        in text, text
    assert ("Persetujuan ini MEMAKAI CADANGAN PROVINSI: stok blangko KTP-el di gudang provinsi yang belum "
            "dialokasikan kini tinggal 4.000 keping, di bawah cadangan 5.000 keping; 1.000 keping dari cadangan itu "
            "telah dialokasikan.") in text, text
    # it never waited for them: no word of an earlier notice to leave unanswered
    assert "TIDAK LAGI menunggu" not in text and "Pemberitahuan sebelumnya" not in text
    assert "Pemberitahuan ini tidak perlu dibalas." in text and "cli:" not in notice.text


def test_a_held_request_approved_into_the_reserve_says_it_in_the_one_notice(desk12: Desk12) -> None:
    held_for_managers(desk12)
    n = len(desk12.to_managers())
    _force(desk12, 62_000)
    [notice] = desk12.to_managers()[n:]
    text = flat(notice.text)
    assert "TIDAK LAGI menunggu keputusan Bapak/Ibu" in text
    assert "Persetujuan ini MEMAKAI CADANGAN PROVINSI" in text and "tinggal 4.000 keping" in text, text


def test_an_approval_that_leaves_the_reserve_whole_adds_no_notice(desk12: Desk12) -> None:
    asked_back(desk12)
    n = len(desk12.to_managers())
    with desk12.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        actions.approve(session, desk12.desk, req, 1000, actor="cli:root", via="cli")
    assert desk12.to_managers()[n:] == []
    assert TARAKAN in {a for o in desk12.out() for a in o.to}


def test_the_digest_says_the_store_is_under_its_reserve(desk12: Desk12) -> None:
    from mailbot.watch import build_digest

    asked_back(desk12)
    _force(desk12, 62_000)
    subject, text, html = build_digest(desk12.desk)
    # was "...: stok semua kabupaten/kota aman" and "4.000 ... belum dialokasikan (termasuk cadangan 5.000)"
    assert subject == "Ringkasan blangko 5 Des: stok KTP-el provinsi di bawah cadangan", subject
    said = flat(text)
    assert ("DI BAWAH CADANGAN: yang belum dialokasikan tinggal 4.000 keping, 1.000 keping kurang dari "
            "cadangan.") in said, said
    assert "4.000 keping di gudang provinsi yang belum dialokasikan (di bawah cadangan 5.000)" in said, said
    assert "termasuk cadangan 5.000" not in said and "DI BAWAH CADANGAN" in html
    # the KIA store, untouched, says nothing of the kind
    assert said.count("DI BAWAH CADANGAN") == 1 and "KIA provinsi di bawah cadangan" not in subject


def test_status_says_the_store_is_under_its_reserve(desk12: Desk12) -> None:
    from rich.console import Console

    from mailbot.views import print_status

    asked_back(desk12)
    console = Console(record=True, width=400)
    print_status(desk12.desk, console, items=("ktp-el",))
    assert "BELOW THE RESERVE" not in console.export_text()
    _force(desk12, 62_000)
    console = Console(record=True, width=400)
    print_status(desk12.desk, console, items=("ktp-el",))
    shown = " ".join(console.export_text().split())
    assert ("province store: 66.000 on hand, 62.000 committed, BELOW THE RESERVE: 4.000 free, 1.000 under the 5.000 "
            "reserve; runway") in shown, shown


def test_a_part_approved_into_the_reserve_tells_the_district_the_stock_it_came_from(desk12: Desk12) -> None:
    held_for_managers(desk12)  # Nunukan asks 3.500
    approved(desk12)  # Bulungan's 2.000, promised
    with desk12.desk.sessions.begin() as session:  # 9.250 on hand: 2.250 free above the 5.000 reserve
        actions.adjust(session, desk12.desk, location="province", item="ktp-el", delta=9250 - 66_000,
                       reason="hitung ulang gudang", actor="cli:root")
    n = len(desk12.out())
    _force(desk12, 3000)
    [told] = [flat(o.text) for o in desk12.out()[n:] if NUNUKAN in o.to]
    assert "DISETUJUI SEBAGIAN, yaitu 3.000 keping" in told, told
    # was: "stok provinsi yang dapat dikirim: 9.250 - sudah dialokasikan 2.000 - cadangan 5.000 = 2.250" beside the
    # 3.000 approved
    assert ("stok provinsi yang dapat dikirim, dengan memakai cadangan provinsi: 9.250 - sudah dialokasikan 2.000 "
            "= 7.250") in told, told
    assert "cadangan 5.000 = 2.250" not in told, told


@pytest.mark.parametrize("words", ["SETUJU 63.000", "SETUJU 63.000 PAKSA darurat"])
def test_a_managers_approval_into_the_reserve_by_email_is_counted_refused(desk12: Desk12, words: str) -> None:
    """Nothing a manager could write confirms it by email: `run --once` counted it "manager's decision awaiting
    confirmation"."""
    from tests.desk.desk12 import GMAIL, send_answer
    from tests.desk.mailkit import MANAGERS

    _, held = held_for_managers(desk12)
    mid, outcome = send_answer(desk12, MANAGERS[0], held, words, above=GMAIL)
    assert outcome == {"manager-command-refused": 1}, outcome
    [answer] = desk12.replies_to(mid)
    assert "Cadangan provinsi tidak dapat dipakai melalui email" in flat(answer.text)
    assert desk12.request()["state"] == "held"
