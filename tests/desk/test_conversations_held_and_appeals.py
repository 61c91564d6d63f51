"""Conversations that must hold, on the real SQLite desk in process over the Maildir defaults, every message
written fresh: a stock corrected where the figure asked has the same value corrects the stock, a receipt that
turns over after parts reaches the managers as the district is told, a revision outside the thread revises the
one open request, and a manager's TOLAK of an appeal declines the appeal and keeps the part approved."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import (
    BULUNGAN,
    MALINAU,
    REQUEST,
    Desk12,
    Out,
    answer_gmail,
    appealed_part,
    dispatched,
    flat,
    send_request,
)
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


# 1. the stock corrected where the figure asked has the same value ----------------------------------------------

@pytest.mark.parametrize("words", [
    "Mohon maaf, sisa stok kami bukan 1.500 melainkan 900 keping.",
    "Ralat pak, persediaan blangko kami bukan 1.500 keping tetapi hanya 900 keping.",
    "Maaf, stok yang ada di gudang kami bukan 1.500, tapi 900 keping.",
], ids=["sisa-stok-melainkan", "persediaan-tetapi", "stok-gudang-tapi"])
def test_a_stock_corrected_from_the_same_value_as_the_ask_corrects_the_stock(desk12: Desk12, words: str) -> None:
    reply = send_request(desk12, "1.500", "1.500")
    assert desk12.request()["state"] == "approved"
    mid, _ = answer_gmail(desk12, reply, words)
    req = desk12.request()
    # was: requested 900 and stock still 1.500, the district losing 600 it asked for
    assert (req["requested"], req["stock_on_hand"]) == (1500, 900)
    [told] = desk12.replies_to(mid)
    text = flat(told.text)
    assert "Sisa stok: 1.500 keping menjadi 900 keping" in text and "Jumlah yang dimohon" not in text
    assert "30 hari x 110/hari - sisa 900 = 2.400" in text  # the arithmetic shows the new stock
    assert "DISETUJUI sebanyak 1.500 keping" in text


# 2. a receipt that turns over after parts reaches the managers, as the district is told ------------------------

@pytest.mark.parametrize(("first", "second", "received"), [
    ("Baru datang 1.500 keping pak, sisanya 500 menyusul katanya.",
     "Kiriman susulan sudah sampai 600 keping, jadi total kami terima 2.100 keping.", 2100),
    ("Kami terima dulu 1.000 keping, sisanya masih di ekspedisi.",
     "Sisa kiriman sudah sampai 1.050 keping pak, jadi total kami terima 2.050 keping.", 2050),
], ids=["susulan-total", "susulan-tiba"])
def test_a_receipt_over_after_parts_tells_the_managers_as_the_district_is_told(
        desk12: Desk12, first: str, second: str, received: int) -> None:
    notice = dispatched(desk12)  # 2.000 to Bulungan
    first_mid, _ = answer_gmail(desk12, notice, first)
    [receipt] = desk12.replies_to(first_mid)
    told_before = len(desk12.to_managers())
    mid, _ = answer_gmail(desk12, receipt, second)
    [told] = desk12.replies_to(mid)
    over = f"lebih {received - 2000}"
    assert over in flat(told.text)
    managers = desk12.to_managers()[told_before:]
    said = "telah kami sampaikan kepada pimpinan" in flat(told.text)
    assert said == bool(managers)  # was: the district told so, the managers never mailed
    assert len(managers) == 1 and over in managers[0].subject + flat(managers[0].text)


# 3. a revision outside the thread revises the one open request ---------------------------------------------------

@pytest.mark.parametrize(("subject", "words", "requested"), [
    ("Revisi jumlah permohonan blangko", "Bersama ini kami merevisi permohonan blangko KTP-el kami sebelumnya, "
                                         "jumlahnya kami ubah menjadi 2.600 keping.", 2600),
    ("Perubahan jumlah permohonan", "Dengan hormat, permohonan blangko kami sebelumnya jumlahnya kami ubah "
                                    "menjadi 900 keping.", 900),
    ("Permohonan blangko KTP-el", "Permohonan blangko KTP-el kami yang kemarin, jumlahnya kami revisi menjadi "
                                  "1.400 keping.", 1400),
], ids=["merevisi-blangko-ktp-el", "blangko-kami-sebelumnya", "yang-kemarin-revisi"])
def test_a_revision_outside_the_thread_revises_the_open_request_in_place(desk12: Desk12, subject: str, words: str,
                                                                       requested: int) -> None:
    send_request(desk12, "750", "2.000")
    assert desk12.request()["approved"] == 2000
    mid, _ = desk12.send(BULUNGAN, subject, f"Yth. Bapak/Ibu,\n\n{words}\n\nHormat kami,\nDisdukcapil Bulungan")
    # was: a second reference with no figure asked, or "not a request" in the queue while 2.000 stayed approved
    assert desk12.request("BLK-2026-0002") is None
    req = desk12.request()
    assert req["requested"] == requested and req["approved"] != 2000
    [told] = desk12.replies_to(mid)
    text = flat(told.text)
    assert "[BLK-2026-0001]" in told.subject
    assert "Jumlah yang dimohon: 2.000 keping menjadi" in text and "Perhitungan kami" in text


# 4. a manager's TOLAK of an appeal declines the appeal; the part approved before stands ---------------------------


def _manager_answers(d: Desk12, notice: Out, words: str) -> tuple[str, dict[str, int]]:
    quoted = "\n".join(f"> {line}" for line in notice.text.splitlines())
    return d.send(MANAGERS[0], "Re: " + notice.subject, f"{words}\n\n{quoted}\n", in_reply_to=notice.message_id)


@pytest.mark.parametrize(("appeal", "tolak"), [
    ("Mohon dipertimbangkan kembali pak, kami tetap membutuhkan 1.800 keping karena ada pelayanan keliling.",
     "TOLAK penambahan, cukup sesuai usulan sistem"),
    ("Kami masih perlu 1.800 keping pak, sebab ada jemput bola di sekolah.",
     "TOLAK jemput bola bisa dijadwalkan bulan depan"),
], ids=["cukup-usulan", "jemput-bola"])
def test_a_tolak_of_an_appeal_keeps_the_part_approved_and_says_so(desk12: Desk12, appeal: str, tolak: str) -> None:
    part, notice = appealed_part(desk12, appeal)
    figure = f"{part:,}".replace(",", ".")
    assert "TOLAK PAKSA" in notice.text and "tetap berlaku" in flat(notice.text)  # the notice says what TOLAK does
    n = len(desk12.out())
    mid, _ = _manager_answers(desk12, notice, tolak)
    req = desk12.request()
    assert (req["state"], req["approved"]) == ("approved", part)  # was: rejected, the part silently withdrawn
    new = desk12.out()[n:]
    [district] = [o for o in new if MALINAU in o.to]
    text = flat(district.text)
    assert f"{figure} keping" in text and "persetujuan sebelumnya tetap berlaku" in text
    assert "TIDAK DAPAT KAMI SETUJUI" not in text
    # the manager declined the change, not decided the part; the district is not invited to ask again
    assert "tidak disetujui oleh" in text and f"persetujuan sebelumnya, yaitu {figure} keping, TETAP BERLAKU" in text
    assert "telah diputuskan oleh" not in text and "mohon sampaikan alasannya" not in text, text
    [confirm] = [o for o in new if o.to == [MANAGERS[0]]]
    assert "persetujuan sebelumnya tetap" in flat(confirm.text) and figure in confirm.text


def test_a_tolak_paksa_of_an_appeal_rejects_the_whole_request_and_says_the_part_is_withdrawn(desk12: Desk12) -> None:
    part, notice = appealed_part(desk12, "Mohon ditinjau ulang pak, kami tetap membutuhkan 1.800 keping karena ada "
                                 "perekaman massal.")
    n = len(desk12.out())
    _manager_answers(desk12, notice, "TOLAK PAKSA stok provinsi sedang menipis")
    assert desk12.request()["state"] == "rejected"
    [district] = [o for o in desk12.out()[n:] if MALINAU in o.to]
    text = flat(district.text)
    assert "TIDAK DAPAT KAMI SETUJUI" in text
    assert f"Persetujuan sebanyak {part:,} keping".replace(",", ".") in text and "BATALKAN" in text
    # the deciding manager's confirmation says it too (it said only "DITOLAK")
    [confirm] = [o for o in desk12.out()[n:] if o.to == [MANAGERS[0]]]
    assert f"persetujuan sebelumnya sebanyak {part:,} keping DIBATALKAN".replace(",", ".") in flat(confirm.text)


@pytest.mark.parametrize("appeal", [
    "Mohon dipertimbangkan kembali Pak, stok kami hanya tinggal 200 keping dan perekaman jalan terus.",
    "Kami mohon ditinjau ulang pak, sisa blangko kami sekarang 200 keping saja.",
], ids=["tinggal", "sisa-sekarang"])
def test_the_stock_an_appeal_states_is_the_districts_stated_stock(desk12: Desk12, appeal: str) -> None:
    """Was: the managers' notice showed "Sisa stok: 500 keping menjadi 200 keping", but
    `mailbot status` and the digest kept the 500 of the request as the district's stated stock."""
    from mailbot import actions, stated
    from mailbot.store import repo

    mid, _ = desk12.send(MALINAU, "Permohonan blangko KTP-el", REQUEST.format(stock=500, asked="1.800",
                                                                               name="Malinau"))
    with desk12.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        actions.reject(session, desk12.desk, req, "stok provinsi sedang diaudit", actor="operator", via="cli")
    [rejection] = [o for o in desk12.replies_to(mid) if "TIDAK DAPAT KAMI SETUJUI" in o.text]
    quoted = "\n".join(f"> {line}" for line in rejection.text.splitlines())
    desk12.send(MALINAU, "Re: " + rejection.subject, f"{appeal}\n\n{quoted}\n", in_reply_to=rejection.message_id)
    assert desk12.request()["state"] == "rejected"  # a person looks again; nothing is decided by the appeal
    with desk12.desk.sessions() as session:
        said = stated.latest(session)[("65.02", "ktp-el")]
    assert (said.quantity, said.source) == (200, "appeal")
