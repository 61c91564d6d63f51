"""`mailbot correct` of a request's first mail after the district corrected a figure of it by mail: the
correction carries only the fields the person typed, over the request's current figures (the district's own
later correction stands, even of a field typed: the first mail's reading is corrected for the record only), and
`kind=other` closes the request without deciding it again first."""

from __future__ import annotations

import json

import pytest

from mailbot import corrections
from tests.desk.desk12 import BULUNGAN, NUNUKAN, Desk12, answer_gmail, approved, flat, held_reply, send_answer
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _stock_corrected_by_the_district(d: Desk12) -> int:
    """Bulungan asks 2.000 (sisa 750), approved; it then writes that its stock is 1.750, not 750: the request
    follows. The pk of Bulungan's first mail."""
    reply = approved(d)
    _, outcome = answer_gmail(d, reply, "Ralat pak, sisa stok kami sebenarnya 1.750 keping, bukan 750 keping.")
    assert d.request()["stock_on_hand"] == 1750, outcome
    [pk] = d.db().execute("select id from messages where sender = ? order by id limit 1", (BULUNGAN,)).fetchone()
    return int(pk)


def _correct(d: Desk12, pk: int, fields: dict[str, object], reason: str) -> tuple[str, ...]:
    with d.desk.sessions.begin() as session:
        return tuple(corrections.correct(session, d.desk, pk, fields, actor="cli:root", reason=reason).effects)


def test_a_withdrawal_after_the_districts_correction_closes_the_request_with_one_mail(desk12: Desk12) -> None:
    pk = _stock_corrected_by_the_district(desk12)
    standing = desk12.request()["approved"]
    n = len(desk12.out())
    effects = _correct(desk12, pk, {"kind": "other"}, "Bulungan menarik permohonan lewat telepon")
    assert not any("decided again" in e for e in effects), effects
    assert desk12.request()["state"] == "withdrawn"
    assert desk12.request()["stock_on_hand"] == 1750  # the district's own figure is not put back
    new = desk12.out()[n:]
    # was: first "ada angka yang sebelumnya keliru kami baca … Sisa stok: 1.750 keping menjadi 750 keping …
    # DISETUJUI sebanyak 2.000", then the closing
    [told] = [flat(o.text) for o in new if BULUNGAN in o.to]
    assert "keliru kami baca" not in told and "menjadi" not in told, told
    released = f"{standing:,}".replace(",", ".")  # the approval that stood after the district's correction
    assert ("Permohonan blangko KTP-el dengan nomor rujukan BLK-2026-0001 telah ditutup oleh petugas kami dan tidak "
            f"lagi kami catat sebagai permohonan; persetujuan sebanyak {released} keping yang sebelumnya kami "
            "sampaikan kami batalkan.") in told, told
    assert not [o for o in new if set(MANAGERS) <= set(o.to)]  # the request never waited for the managers


def test_a_corrected_figure_asked_keeps_the_stock_the_district_corrected(desk12: Desk12) -> None:
    pk = _stock_corrected_by_the_district(desk12)
    n = len(desk12.out())
    effects = _correct(desk12, pk, {"requested": 1800}, "surat lampiran menyebut 1.800")
    # was: the first mail's stock (750) put back over the district's 1.750, and decided on it
    assert any("requested corrected" in e for e in effects), effects
    request = desk12.request()
    assert (request["requested"], request["stock_on_hand"]) == (1800, 1750), dict(request)
    [told] = [flat(o.text) for o in desk12.out()[n:] if BULUNGAN in o.to]
    assert "Jumlah yang dimohon: 2.000 keping menjadi 1.800 keping" in told, told
    assert "Sisa stok: 1.750 keping menjadi" not in told and "sisa 1.750" in told, told


def test_a_withdrawal_of_a_held_request_after_the_districts_correction_tells_each_side_once(desk12: Desk12) -> None:
    mid, reply = held_reply(desk12)  # Nunukan asks 6.000 (sisa 300): it waits for the managers
    send_answer(desk12, NUNUKAN, reply, "Ralat pak, sisa stok kami sebenarnya 200 keping, bukan 300 keping.")
    assert desk12.request()["stock_on_hand"] == 200
    [pk] = desk12.db().execute("select id from messages where message_id = ?", (mid,)).fetchone()
    n = len(desk12.out())
    effects = _correct(desk12, pk, {"kind": "other"}, "Nunukan menarik permohonan lewat telepon")
    assert not any("decided again" in e for e in effects), effects
    assert (desk12.request()["state"], desk12.request()["stock_on_hand"]) == ("withdrawn", 200)
    new = desk12.out()[n:]
    # was: a fresh "Menunggu keputusan" notice to the managers and a re-reading to the district, then the closing
    [told] = [flat(o.text) for o in new if NUNUKAN in o.to]
    assert "telah ditutup oleh petugas kami" in told and "menjadi" not in told, told
    [notice] = [flat(o.text) for o in new if set(MANAGERS) <= set(o.to)]
    assert "TIDAK LAGI menunggu keputusan Bapak/Ibu" in notice and "menjadi" not in notice, notice


def test_a_figure_asked_the_district_corrected_later_stands_over_a_correction_of_the_first_mail(
        desk12: Desk12) -> None:
    mid, reply = held_reply(desk12)  # Nunukan asks 6.000 (sisa 300): it waits for the managers
    send_answer(desk12, NUNUKAN, reply, "Ralat pak, permohonan kami cukup 3.200 keping saja (bukan 6.000).")
    assert desk12.request()["requested"] == 3200
    [pk] = desk12.db().execute("select id from messages where message_id = ?", (mid,)).fetchone()
    n = len(desk12.out())
    effects = _correct(desk12, pk, {"requested": 4500}, "angka di surat fisik 4.500")
    # was: "requested corrected; decided again", the district told "3.200 keping menjadi 4.500 keping" and the
    # managers a new notice of 4.500
    assert ("requested: the district's later correction (3.200) stands; the first mail's reading is corrected to "
            "4.500 for the record") in effects, effects
    assert not any("decided again" in e for e in effects), effects
    assert (desk12.request()["requested"], desk12.request()["state"]) == (3200, "held")
    assert desk12.out()[n:] == []
    [label] = desk12.db().execute("select label from labels where message_pk = ?", (pk,)).fetchone()
    assert json.loads(label)["requested"] == 4500  # the first mail's reading, corrected for the record


def test_a_stock_the_district_corrected_later_stands_and_an_untouched_figure_is_still_corrected(
        desk12: Desk12) -> None:
    pk = _stock_corrected_by_the_district(desk12)  # stock 750 -> 1.750 by the district's own mail
    standing = desk12.request()["approved"]
    n = len(desk12.out())
    effects = _correct(desk12, pk, {"stock_on_hand": 800}, "salah baca surat")
    assert ("stock_on_hand: the district's later correction (1.750) stands; the first mail's reading is corrected "
            "to 800 for the record") in effects, effects
    assert (desk12.request()["stock_on_hand"], desk12.request()["approved"]) == (1750, standing)
    assert desk12.out()[n:] == []
    # a figure the district never corrected later is still carried, beside one it did
    effects = _correct(desk12, pk, {"stock_on_hand": 800, "requested": 1800}, "surat lampiran menyebut 1.800")
    assert any("requested corrected" in e and "decided again" in e for e in effects), effects
    assert any(e.startswith("stock_on_hand: the district's later correction (1.750) stands") for e in effects)
    assert (desk12.request()["requested"], desk12.request()["stock_on_hand"]) == (1800, 1750)
    [told] = [flat(o.text) for o in desk12.out()[n:] if BULUNGAN in o.to]
    assert "Jumlah yang dimohon: 2.000 keping menjadi 1.800 keping" in told, told
    assert "Sisa stok: 1.750 keping menjadi" not in told and "menjadi 800" not in told, told


def test_a_stock_the_district_restated_in_its_correction_stands_over_a_typed_one(desk12: Desk12) -> None:
    reply = approved(desk12)  # Bulungan asks 2.000, sisa 750: approved
    _, outcome = answer_gmail(desk12, reply, "Ralat pak, yang kami mohon 2.400 keping, bukan 2.000 keping. Sisa stok "
                                             "kami memang 750 keping.")
    assert (desk12.request()["requested"], desk12.request()["stock_on_hand"]) == (2400, 750), outcome
    decided = desk12.request()["approved"]
    [pk] = desk12.db().execute("select id from messages where sender = ? order by id limit 1", (BULUNGAN,)).fetchone()
    n = len(desk12.out())
    effects = _correct(desk12, int(pk), {"requested": 2200, "stock_on_hand": 700}, "cek ulang surat")
    # was: the stock put to 700 over the district's own 750 said again, decided again, and the district told
    # "ada angka yang sebelumnya keliru kami baca ... Sisa stok: 750 keping menjadi 700 keping"
    assert any("stock_on_hand: the district's later mail (750) stands" in e for e in effects), effects
    assert any("requested: the district's later correction (2.400) stands" in e for e in effects), effects
    assert not any("decided again" in e for e in effects), effects
    request = desk12.request()
    assert (request["requested"], request["stock_on_hand"], request["approved"]) == (2400, 750, decided)
    assert not [o for o in desk12.out()[n:] if BULUNGAN in o.to]
