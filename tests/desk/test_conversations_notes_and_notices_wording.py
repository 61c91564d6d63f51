"""What people are told, in their words and the office's: a queue item settled by a later mail says the change in
Indonesian with Indonesian figures; a district asking more than the part approved is told to the managers as an
objection to the part, with both figures; a manager's note reaches the district in the manager's own casing, ended
as a sentence."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import (
    MALINAU,
    NUNUKAN,
    REQUEST,
    Desk12,
    answer_gmail,
    appealed_part,
    approved,
    flat,
    held_for_managers,
    send_answer,
)
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def test_a_doubt_settled_by_a_later_mail_says_the_change_in_indonesian(desk12: Desk12) -> None:
    reply = approved(desk12)
    first, _ = answer_gmail(desk12, reply, "Pak, 1.250 ya. Mksh")
    assert desk12.queue(first) == {"doubt"}
    answer_gmail(desk12, reply, "Maaf pak, maksudnya jumlah yang dimohon diubah menjadi 1.250 keping saja.")
    assert not desk12.queue(first)
    [resolution] = [r[0] for r in desk12.db().execute("select resolution from attention_items where reason = 'doubt'")]
    # was: "(requested 2000 -> 1250)", a field's name and bare figures in an Indonesian sentence
    assert "(jumlah yang dimohon: 2.000 menjadi 1.250)" in resolution, resolution
    assert "requested" not in resolution and "->" not in resolution


def test_a_higher_figure_after_a_part_approval_is_told_as_an_objection_to_the_part(desk12: Desk12) -> None:
    part, notice = appealed_part(desk12, "Mohon dipertimbangkan kembali pak, kami membutuhkan 2.500 keping karena "
                                         "ada pelayanan keliling.")
    text = flat(notice.text)
    figure = f"{part:,}".replace(",", ".")
    # was: "Kabupaten/kota telah mengoreksi permohonan ini", as if the district had fixed a slip
    assert "mengajukan keberatan atas persetujuan sebagian" in text, notice.text
    assert f"disetujui sebagian, sebanyak {figure} keping" in text
    assert "kini kabupaten/kota memohon 2.500 keping" in text
    assert "telah mengoreksi permohonan ini" not in text


def test_a_protest_asking_less_than_first_asked_but_more_than_approved_is_an_objection(desk12: Desk12) -> None:
    """Malinau asked 1.800 and got a part; it protests the part with 1.700: less than its first ask, more than
    approved. The managers read an objection to the part, not a correction."""
    part, notice = appealed_part(desk12, "Maaf pak, jumlah yang disetujui tidak cukup untuk pelayanan keliling "
                                         "kami. Mohon minimal 1.700 keping.")
    text = flat(notice.text)
    assert part < 1700, part
    assert "mengajukan keberatan atas persetujuan sebagian" in text, notice.text
    assert "kini kabupaten/kota memohon 1.700 keping" in text, notice.text


def test_a_lower_figure_after_a_part_approval_is_still_a_correction(desk12: Desk12) -> None:
    mid, _ = desk12.send(MALINAU, "Permohonan blangko KTP-el", REQUEST.format(stock=500, asked="1.800", name="Malinau"))
    assert desk12.request()["state"] == "approved" and desk12.request()["approved"] < 1800
    held_before = len(desk12.to_managers())
    [partial] = desk12.replies_to(mid)
    send_answer(desk12, MALINAU, partial, "Maaf pak, ralat: jumlah yang dimohon menjadi 1.700 keping saja.")
    for notice in desk12.to_managers()[held_before:]:
        assert "keberatan atas persetujuan sebagian" not in flat(notice.text), notice.text


@pytest.mark.parametrize(("words", "note"), [
    ("Setuju, Dikirim lusa", "Catatan dari pimpinan: Dikirim lusa."),
    ("Acc pak, dikirim hari Kamis depan.", "Catatan dari pimpinan: dikirim hari Kamis depan."),
    ("SETUJU 3.000 / Sisanya menunggu kiriman Kemendagri.", "Catatan dari pimpinan: Sisanya menunggu kiriman "
                                                              "Kemendagri."),
], ids=["capital-no-stop", "day-name", "own-stop"])
def test_a_managers_note_keeps_its_casing_and_ends_as_a_sentence(desk12: Desk12, words: str, note: str) -> None:
    _, held = held_for_managers(desk12)
    n = len(desk12.out())
    send_answer(desk12, MANAGERS[0], held, words)
    assert desk12.request()["state"] == "approved"
    [told] = [o for o in desk12.out()[n:] if NUNUKAN in o.to]
    assert note in flat(told.text), told.text
    assert ".." not in told.text
    # the deciding manager reads the note passed on as the district does
    [confirm] = [o for o in desk12.out()[n:] if o.to == [MANAGERS[0]]]
    passed_on = note.replace("Catatan dari pimpinan: ", "Catatan Bapak/Ibu yang kami teruskan kepada kabupaten/kota: ")
    assert passed_on in flat(confirm.text), confirm.text
