"""`mailbot correct MSG kind=other` on the message of a request that waits for the managers: the request is
withdrawn, and the managers, who were asked to decide it, are told once that it no longer waits for them (as
for a decision by hand), in the desk officer's name, never the login name."""

from __future__ import annotations

import pytest

from mailbot import corrections
from tests.desk.desk12 import BULUNGAN, NUNUKAN, Desk12, flat, held_reply, send_request
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _correct(d: Desk12, pk: int, kind: str = "other", reason: str = "undangan rapat, bukan permohonan"
             ) -> tuple[str, ...]:
    with d.desk.sessions.begin() as session:
        return tuple(corrections.correct(session, d.desk, pk, {"kind": kind}, actor="cli:root",
                                         reason=reason).effects)


def test_a_held_request_withdrawn_by_a_correction_tells_the_managers_once(desk12: Desk12) -> None:
    mid, _ = held_reply(desk12)
    [pk] = desk12.db().execute("select id from messages where message_id = ?", (mid,)).fetchone()
    told_before = len(desk12.to_managers())
    effects = _correct(desk12, pk)
    assert any("closed as no request" in e for e in effects), effects
    assert desk12.request()["state"] == "withdrawn"
    [notice] = desk12.to_managers()[told_before:]
    said = flat(notice.text)
    assert "BLK-2026-0001" in notice.subject and "TIDAK LAGI menunggu keputusan Bapak/Ibu" in said, said
    assert ("diputuskan langsung oleh petugas meja layanan blangko, yaitu DITUTUP dan tidak lagi dicatat sebagai "
            "permohonan.") in said, said
    assert "Alasan yang dicatat: undangan rapat, bukan permohonan." in said, said
    assert "root" not in said and "usulan sistem" not in said
    _correct(desk12, pk)  # the same correction again: the managers are not told twice
    assert len(desk12.to_managers()) == told_before + 1


def test_a_mail_corrected_to_no_request_no_longer_states_the_districts_stock(desk12: Desk12) -> None:
    from mailbot import stated

    send_request(desk12, "250", "2.000 (dua ribu)")  # Bulungan: 250 stated, far from the 8.000 on record
    [pk] = desk12.db().execute("select id from messages where sender = ?", (BULUNGAN,)).fetchone()
    reconcile = "select count(*) from attention_items where kind = 'reconcile' and closed_at is null"
    assert desk12.db().execute(reconcile).fetchone()[0] == 1
    with desk12.desk.sessions.begin() as session:
        assert stated.latest(session)[("65.01", "ktp-el")].quantity == 250
    effects = _correct(desk12, pk)
    assert "stock 250 stated for 65.01 (ktp-el) withdrawn" in effects, effects
    # was: status and the digest still showed 250 as Bulungan's stated stock, and the queue item stayed open
    with desk12.desk.sessions.begin() as session:
        assert ("65.01", "ktp-el") not in stated.latest(session)
    assert desk12.db().execute(reconcile).fetchone()[0] == 0


def test_a_request_withdrawn_as_other_is_never_told_it_was_no_request(desk12: Desk12) -> None:
    mid, _ = held_reply(desk12)  # Nunukan's request, held; Nunukan withdraws it by telephone
    [pk] = desk12.db().execute("select id from messages where message_id = ?", (mid,)).fetchone()
    n = len(desk12.out())
    _correct(desk12, pk, reason="Nunukan menelepon: permohonan dibatalkan, diganti surat resmi")
    [told] = [flat(o.text) for o in desk12.out()[n:] if NUNUKAN in o.to]
    # was: "email Bapak/Ibu yang kami catat sebagai permohonan ... ternyata bukan permohonan blangko"
    assert "bukan permohonan" not in told, told
    assert ("Permohonan blangko KTP-el dengan nomor rujukan BLK-2026-0001 telah ditutup oleh petugas kami dan tidak "
            "lagi kami catat sebagai permohonan.") in told, told
    assert "Keterangan petugas: Nunukan menelepon: permohonan dibatalkan, diganti surat resmi" in told, told
    [notice] = [flat(o.text) for o in desk12.out()[n:] if set(MANAGERS) <= set(o.to)]
    assert "ternyata bukan permohonan" not in notice, notice


def test_a_request_corrected_to_a_stock_report_is_told_what_its_mail_was(desk12: Desk12) -> None:
    mid, _ = held_reply(desk12)
    [pk] = desk12.db().execute("select id from messages where message_id = ?", (mid,)).fetchone()
    n = len(desk12.out())
    _correct(desk12, pk, kind="stock_report", reason="laporan stok bulanan")
    [told] = [flat(o.text) for o in desk12.out()[n:] if NUNUKAN in o.to]
    assert ("dengan nomor rujukan BLK-2026-0001 ternyata laporan stok, bukan permohonan blangko. Karena itu "
            "permohonan BLK-2026-0001 kami tutup.") in told, told
    [notice] = [flat(o.text) for o in desk12.out()[n:] if set(MANAGERS) <= set(o.to)]
    assert "DITUTUP karena email yang dicatat sebagai permohonan ternyata laporan stok, bukan permohonan." in notice
