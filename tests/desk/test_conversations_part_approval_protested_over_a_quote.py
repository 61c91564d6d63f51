"""A district protesting a part approval in words, the least it needs written as "minimal N" with no figure of the
part beside it ("Terkait persetujuan sebagian tsb kami keberatan pak, kebutuhan riil kami minimal 3.200 keping"),
top-posted over an Outlook or a Gmail quote or written below a phone's: on the real SQLite desk in process, the
managers' notice asks the new figure, recomputed; the district's sign-off ("Salam, / Seksi PIAK ...") is no part of
the words quoted to the managers. A protest of a manager's part approval, with or without "minimal", is told to the
managers as the district's objection to the part, with both figures; a plain correction is not."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import GMAIL, NUNUKAN, Desk12, Out, client_quote, flat, part_approved, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

PROTEST = ("Terkait persetujuan sebagian tsb kami keberatan pak, kebutuhan riil kami minimal 3.200 keping krn ada "
           "perekaman massal di sekolah2 bulan ini.")
SIGNED = "\n\nSalam,\nSeksi PIAK Disdukcapil Kabupaten Nunukan"


def _answer(d: Desk12, told: Out, words: str, style: str) -> str:
    """Nunukan answers the part approval *told* with *words* in a mail client's *style*; its message id."""
    if style == "gmail":
        return send_answer(d, NUNUKAN, told, words, above=GMAIL)[0]
    if style == "phone_below":
        quoted = "\n".join(f"  {line}" for line in told.text.splitlines())
        return d.send(NUNUKAN, "Re: " + told.subject, f"{quoted}\n\n{words}\n", in_reply_to=told.message_id)[0]
    quote, _ = client_quote(told, style)
    return d.send(NUNUKAN, "Re: " + told.subject, f"{words}\n\n{quote}", in_reply_to=told.message_id)[0]


@pytest.mark.parametrize("style", ["outlook_id", "outlook", "gmail", "phone_below"])
@pytest.mark.parametrize("signed", [False, True], ids=["unsigned", "signed"])
def test_a_protest_with_the_least_needed_asks_the_managers_that_figure(desk12: Desk12, style: str,
                                                                     signed: bool) -> None:
    told = part_approved(desk12)
    to_managers = len(desk12.to_managers())
    mid = _answer(desk12, told, PROTEST + (SIGNED if signed else ""), style)
    # was: "Dimohon : 3.500 keping", the 3.200 only inside the district's words quoted
    request = desk12.request()
    assert (request["state"], request["requested"]) == ("held", 3200), desk12.queue(mid)
    [waiting] = [o for o in desk12.to_managers()[to_managers:] if "Menunggu keputusan" in o.subject]
    text = flat(waiting.text)
    assert "Dimohon : 3.200 keping" in text and "Usulan sistem: 3.200 keping" in text, waiting.text
    assert "2.000 keping" in text and "tangguhkan" in text, waiting.text
    assert "kebutuhan riil kami minimal 3.200 keping" in text, waiting.text
    # was: "Salam, Seksi PIAK Disdukcapil Kabupaten Nunukan" quoted as the district's words
    assert "Salam" not in waiting.text and "Seksi PIAK" not in waiting.text, waiting.text


def test_the_least_needed_without_a_protest_changes_nothing(desk12: Desk12) -> None:
    told = part_approved(desk12)
    _answer(desk12, told, "Info pak, kebutuhan riil kami minimal 3.200 keping per bulan.", "gmail")
    request = desk12.request()
    assert (request["state"], request["approved"], request["requested"]) == ("approved", 2000, 3500)


@pytest.mark.parametrize(("words", "asked"), [
    (PROTEST, "3.200"),
    ("Waduh pak, 2rb hanya cukup seminggu. Minimal 3.000 lah pak biar aman sampai akhir tahun.", "3.000"),
    ("Mohon ijin pak kadis, 2.000 keping itu hanya cukup seminggu saja di Nunukan, mohon dipertimbangkan lagi "
     "3.000 keping.", "3.000"),
    ("Mohon maaf pak, kami keberatan, yang disetujui terlalu sedikit. Kami tetap butuh 3.400 keping.", "3.400"),
], ids=["minimal_with_reason", "minimal_alone", "without_minimal", "without_minimal_or_reason"])
def test_a_protest_of_a_managers_part_approval_is_told_as_an_objection(desk12: Desk12, words: str,
                                                                        asked: str) -> None:
    told = part_approved(desk12)
    to_managers = len(desk12.to_managers())
    _answer(desk12, told, words, "gmail")
    [waiting] = [o for o in desk12.to_managers()[to_managers:] if "Menunggu keputusan" in o.subject]
    text = flat(waiting.text)
    # was: "Kabupaten/kota telah mengoreksi permohonan ini", as if the district had only lowered its ask
    assert ("Kabupaten/kota mengajukan keberatan atas persetujuan sebagian: permohonan ini sebelumnya disetujui "
            f"sebagian, sebanyak 2.000 keping, dan kini kabupaten/kota memohon {asked} keping") in text, waiting.text
    assert "telah mengoreksi permohonan ini" not in text, waiting.text


def test_a_correction_after_a_managers_part_approval_is_no_objection(desk12: Desk12) -> None:
    told = part_approved(desk12)
    to_managers = len(desk12.to_managers())
    _answer(desk12, told, "Ralat pak, kebutuhan kami 3.000 keping saja.", "gmail")
    [waiting] = [o for o in desk12.to_managers()[to_managers:] if "Menunggu keputusan" in o.subject]
    text = flat(waiting.text)
    assert "telah mengoreksi permohonan ini" in text and "keberatan" not in text, waiting.text
