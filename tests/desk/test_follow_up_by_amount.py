"""A district changing its request by an amount, in the request's thread ("mohon ditambah 500 keping lagi",
"dikurangi 300 keping saja"): the request changes by that amount, never to it, and everybody told says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.desk.conftest import mailbot
from tests.desk.mailkit import MANAGERS, answer_reply, reference_of, request_replied, request_row, sent_mail
from tests.desk.test_conversations_follow_ups import BULUNGAN, MALINAU

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize(("sender", "text", "after"), [
    (BULUNGAN, "Pak, mohon ditambah 500 keping lagi dari yang sudah disetujui.", 1500),
    (MALINAU, "Pak, permohonannya dikurangi 300 keping saja, ada sisa di kecamatan.", 700),
])
def test_a_change_by_an_amount_changes_the_request_by_that_amount(desk_dir: Path, sender: str, text: str,
                                                                  after: int) -> None:
    approved = request_replied(desk_dir, "req", sender, "Dengan hormat, kami mohon tambahan blangko KTP-el sebanyak "
                                                        "1.000 keping. Sisa stok kami saat ini 300 keping.\n")
    reference = reference_of(approved)
    assert request_row(desk_dir, reference)["approved"] == 1000
    mid = answer_reply(desk_dir, approved, "by-amount", sender, text)
    row = request_row(desk_dir, reference)
    assert (row["requested"], row["approved"]) == (after, after)
    told = [s for s in sent_mail(desk_dir) if s.in_reply_to == mid]
    assert len(told) == 1 and reference in told[0].subject
    assert f"1.000 keping menjadi {after:,} keping".replace(",", ".") in told[0].text


def test_a_raise_after_dispatch_is_told_as_a_raise_never_a_cut(desk_dir: Path) -> None:
    approved = request_replied(desk_dir, "req", BULUNGAN, "Dengan hormat, kami mohon tambahan blangko KTP-el sebanyak "
                                                          "1.000 keping. Sisa stok kami saat ini 300 keping.\n")
    reference = reference_of(approved)
    assert mailbot(desk_dir, "dispatch", reference).returncode == 0
    before = {s.path for s in sent_mail(desk_dir)}
    answer_reply(desk_dir, approved, "raise", BULUNGAN,
                 "Pak, kalau boleh ditambah 500 keping lagi, kebutuhan pelayanan minggu ini melonjak.")
    new = [s for s in sent_mail(desk_dir) if s.path not in before]
    to_managers = [s for s in new if any(m in str(s.msg["To"]) for m in MANAGERS)]
    assert to_managers and len(new) >= 2
    for mail in new:
        assert "menjadi 500 keping" not in mail.text
        assert "1.000 keping menjadi 1.500 keping" in mail.text
    assert request_row(desk_dir, reference)["state"] == "dispatched"


def test_a_change_of_item_is_queued_for_a_person_with_one_acknowledgement(desk_dir: Path) -> None:
    approved = request_replied(desk_dir, "req", BULUNGAN, "Dengan hormat, kami mohon tambahan blangko KTP-el sebanyak "
                                                          "1.000 keping. Sisa stok kami saat ini 300 keping.\n")
    reference = reference_of(approved)
    mid = answer_reply(desk_dir, approved, "item", BULUNGAN,
                       "Mohon maaf, yang kami perlukan sebenarnya blangko KIA (Kartu Identitas Anak), bukan KTP-el. "
                       "Jumlah tetap 1.000 keping.")
    [told] = [s for s in sent_mail(desk_dir) if s.in_reply_to == mid]
    assert reference in told.subject
    assert "blangko yang diperlukan adalah blangko KIA" in told.text or "adalah KIA" in told.text
    out = mailbot(desk_dir, "queue", "list")
    assert out.returncode == 0 and reference in out.stdout
    row = request_row(desk_dir, reference)
    assert (row["item"], row["approved"]) == ("ktp-el", 1000)  # nothing switched by mail
    # the same sent again: no second acknowledgement in the thread
    again = answer_reply(desk_dir, approved, "item-again", BULUNGAN,
                         "Mohon maaf, yang kami perlukan sebenarnya blangko KIA, bukan KTP-el. Jumlah tetap 1.000.")
    assert not [s for s in sent_mail(desk_dir) if s.in_reply_to == again]


def test_a_figure_changed_with_ke_is_a_correction(desk_dir: Path) -> None:
    approved = request_replied(desk_dir, "req", MALINAU, "Dengan hormat, kami mohon tambahan blangko KTP-el sebanyak "
                                                         "1.100 keping. Sisa stok kami saat ini 500 keping.\n")
    reference = reference_of(approved)
    mid = answer_reply(desk_dir, approved, "ke", MALINAU,
                       "Pak, untuk nomor rujukan di atas, mohon jumlahnya diubah ke 900 keping.\nTerima kasih.")
    row = request_row(desk_dir, reference)
    assert (row["requested"], row["approved"]) == (900, 900)
    [told] = [s for s in sent_mail(desk_dir) if s.in_reply_to == mid]
    assert "1.100 keping menjadi 900 keping" in told.text
