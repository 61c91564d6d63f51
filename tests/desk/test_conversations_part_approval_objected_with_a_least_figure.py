"""A district objecting to a part approved, by the policy or by a manager, with the least it needs ("kok cuma segitu
pak, minimal 2.500 lah", "Jumlah yg disetujui tidak sesuai kebutuhan kami pak. Minimal 2.600 keping", "kami
keberatan atas persetujuan 1.900 keping itu. Minimal 2.600 keping"), on the real SQLite desk in process: an
objection, even below the figure first asked. The approval is held, the managers are told of the objection with
the least figure as the one asked, and the district hears it went to them; never a correction the policy approves
in part again with thanks for it."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import MALINAU, NUNUKAN, REQUEST, Desk12, flat, part_approved, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

OBJECTIONS = [
    ("kok cuma segitu pak, minimal 2.500 lah pak 🙏 bnyk warga dr hulu yg baru rekam\n\nYohanes L.\n"
     "Operator SIAK Malinau", "2.500"),
    ("Waduh pak kok hanya segitu, paling sedikit 2.400 keping pak, ada perekaman di sekolah-sekolah.", "2.400"),
    ("Jumlah yg disetujui tidak sesuai kebutuhan kami pak. Minimal 2.600 keping, krn ada layanan malam di pasar.",
     "2.600"),
    ("Mohon maaf bu, jumlah yang disetujui belum sesuai kebutuhan kami. Minimal 2.700 keping bu.", "2.700"),
    ("Pak, kami keberatan atas persetujuan 1.900 keping itu. Minimal 2.600 keping pak.", "2.600"),
    ("Jumlah yang disetujui belum sesuai kebutuhan kami pak, mengingat ada pelayanan jemput bola ke pulau. Paling "
     "sedikit yang kami perlukan 2.800 keping.", "2.800"),
    ("kok cuma segitu pak, kami perlu 2.600 keping", "2.600"),
]
IDS = ["kok_cuma_segitu_minimal", "kok_hanya_segitu_paling_sedikit", "tidak_sesuai_kebutuhan",
       "belum_sesuai_kebutuhan", "keberatan_quoting_the_part", "belum_sesuai_kebutuhan_figure_needed",
       "kok_cuma_segitu_figure_needed"]


def _part_approved_by_the_policy(d: Desk12):
    """Malinau asks 3.000 with 200 left: 1.900 approved at once; the desk's reply."""
    mid, _ = d.send(MALINAU, "Permohonan blangko KTP-el", REQUEST.format(stock=200, asked="3.000", name="Malinau"))
    request = d.request()
    assert (request["state"], request["approved"]) == ("approved", 1900)
    [told] = d.replies_to(mid)
    return told


@pytest.mark.parametrize(("words", "least"), OBJECTIONS, ids=IDS)
def test_an_objection_to_a_part_approved_by_the_policy_goes_to_the_managers(
        desk12: Desk12, words: str, least: str) -> None:
    told = _part_approved_by_the_policy(desk12)
    to_managers = len(desk12.to_managers())
    mid, outcome = send_answer(desk12, MALINAU, told, words)
    request = desk12.request()
    # was: "Terima kasih atas koreksinya", 1.900 approved again by the policy, or the queue as "not a request"
    assert request["state"] == "held", (outcome, desk12.queue(mid))
    assert request["requested"] == int(least.replace(".", ""))
    assert not desk12.queue(mid)
    [notice] = [o for o in desk12.to_managers()[to_managers:] if "Menunggu keputusan" in o.subject]
    text = flat(notice.text)
    assert f"Dimohon : {least} keping" in text, text  # was "Dimohon : 3.000" beside "kami keberatan ... Minimal"
    assert "mengajukan keberatan atas persetujuan sebagian" in text and "sebanyak 1.900 keping" in text, text
    [reply] = desk12.replies_to(mid)
    said = flat(reply.text)
    assert "DITINJAU oleh pimpinan" in said and "1.900 keping belum kami kirimkan dan kami tangguhkan" in said, said
    assert "koreksinya" not in said and "MENYETUJUI SEBAGIAN" not in said, said


@pytest.mark.parametrize(("words", "least"), [
    ("kok cuma segitu pak, minimal 2.500 lah pak 🙏 bnyk warga dr hulu yg baru rekam", "2.500"),
    ("Jumlah yg disetujui tidak sesuai kebutuhan kami pak. Minimal 3.200 keping, krn ada layanan malam di mal.",
     "3.200"),
    ("Pak, kami keberatan atas persetujuan 2.000 keping itu. Minimal 3.200 keping pak.", "3.200"),
], ids=["kok_cuma_segitu_minimal", "tidak_sesuai_kebutuhan", "keberatan_quoting_the_part"])
def test_an_objection_to_a_part_approved_by_a_manager_is_told_as_one(desk12: Desk12, words: str, least: str) -> None:
    told = part_approved(desk12)  # Nunukan's 3.500, 2.000 approved by the kadis
    to_managers = len(desk12.to_managers())
    mid, outcome = send_answer(desk12, NUNUKAN, told, words)
    request = desk12.request()
    assert (request["state"], request["requested"]) == ("held", int(least.replace(".", ""))), outcome
    [notice] = [o for o in desk12.to_managers()[to_managers:] if "Menunggu keputusan" in o.subject]
    text = flat(notice.text)
    assert f"Dimohon : {least} keping" in text, text
    # was: "Kabupaten/kota telah mengoreksi permohonan ini"
    assert "mengajukan keberatan atas persetujuan sebagian" in text and "telah mengoreksi" not in text, text
    [reply] = desk12.replies_to(mid)
    said = flat(reply.text)
    assert "DITINJAU oleh pimpinan" in said and "koreksinya" not in said, said


def test_a_lower_figure_asked_without_an_objection_is_still_a_correction(desk12: Desk12) -> None:
    told = _part_approved_by_the_policy(desk12)
    to_managers = len(desk12.to_managers())
    mid, _ = send_answer(desk12, MALINAU, told, "Ralat pak, yang kami mohon cukup 2.500 keping saja.")
    request = desk12.request()
    assert (request["state"], request["requested"], request["approved"]) == ("approved", 2500, 1900)
    assert not desk12.to_managers()[to_managers:]
    [reply] = desk12.replies_to(mid)
    assert "koreksinya" in flat(reply.text)
