"""A request from an address on none of the district's lists, filed under the district its words name: every
decision on it goes to the person who wrote it (the From address), saying the address is not the district's and
where blanks go; the district's office is never sent a "Re:" of a mail it never wrote, and hears of an approval,
a dispatch or a withdrawn approval by a notice of its own that quotes who wrote and what was asked."""

from __future__ import annotations

import pytest

from mailbot import actions
from mailbot.store import repo
from tests.desk.desk12 import Desk12, Out, flat, send_answer
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

KADIS = MANAGERS[0]
WRITER = "budi.santoso1987@gmail.example"
TANA_TIDUNG = "disdukcapil@tanatidungkab.example"
ASKING = "Pak saya dari kecamatan sesayap, minta blangko 500 keping dikirim ke kantor camat. Tks"
APPROVE = "SETUJU 500 PAKSA sudah dicek lewat telepon ke Disdukcapil KTT"
WROTE = "Pada Sab, 5 Des 2026 pukul 09.00 {desk} menulis:"


def _held(d: Desk12) -> Out:
    """The writer's request, filed under Tana Tidung and held: the managers' notice."""
    d.send(WRITER, "minta blangko ktp", ASKING)
    request = d.request()
    assert (request["district"], request["state"]) == ("65.04", "held"), dict(request)
    [notice] = [o for o in d.out() if o.purpose.startswith("held:")]
    return notice


def _decided(d: Desk12, words: str) -> list[Out]:
    """A manager answers the held notice with *words*: the mail that followed (the manager's confirmation left out)."""
    notice = _held(d)
    n = len(d.out())
    send_answer(d, KADIS, notice, words, above=WROTE)
    return [o for o in d.out()[n:] if KADIS not in o.to]


def test_the_managers_notice_says_where_the_decision_goes(desk12: Desk12) -> None:
    notice = flat(_held(desk12).text)
    assert (f"Pengirim permohonan ini ({WRITER}) tidak terdaftar sebagai alamat email resmi Disdukcapil Kabupaten "
            "Tana Tidung.") in notice, notice
    assert "TOLAK <alasan> (menolak, alasan akan diteruskan kepada pengirim permohonan)" in notice, notice


def test_a_rejection_goes_to_the_writer_and_nothing_to_the_district(desk12: Desk12) -> None:
    mails = _decided(desk12, "TOLAK pengirim bukan akun resmi Disdukcapil KTT, mohon ajukan lewat email dinas")
    assert desk12.request()["state"] == "rejected"
    [told] = mails
    assert told.to == [WRITER], [m.to for m in mails]
    assert told.msg["In-Reply-To"] == "<m1@gmail.example>"
    text = flat(told.text)
    assert text.startswith("Yth. Bapak/Ibu, Dengan hormat,"), text
    assert "TIDAK DAPAT KAMI SETUJUI" in text and "pengirim bukan akun resmi Disdukcapil KTT" in text, text
    assert (f"Email permohonan ini Bapak/Ibu kirim dari alamat {WRITER}, yang tidak terdaftar sebagai alamat email "
            "resmi Disdukcapil Kabupaten Tana Tidung.") in text, text
    assert "diberi tahu secara terpisah" not in text, text
    assert not [o for o in desk12.out() if TANA_TIDUNG in o.to]
    [confirm] = [o for o in desk12.out() if KADIS in o.to and "Keputusan dicatat" in o.subject]
    assert (f"Keputusan ini kami sampaikan kepada pengirim permohonan ({WRITER}), yang tidak terdaftar sebagai "
            "alamat email resmi Kabupaten Tana Tidung; kabupaten/kota tidak kami kirimi email.") \
        in flat(confirm.text), confirm.text


def test_an_approval_goes_to_the_writer_and_the_district_gets_a_notice_of_its_own(desk12: Desk12) -> None:
    mails = _decided(desk12, APPROVE)
    assert desk12.request()["state"] == "approved"
    [told] = [m for m in mails if m.to == [WRITER]]
    text = flat(told.text)
    assert "DISETUJUI sebanyak 500 keping" in text, text
    assert ("Blangko hanya dikirim ke kantor Disdukcapil Kabupaten Tana Tidung, tidak ke alamat atau kantor lain; "
            "kantor tersebut telah kami beri tahu secara terpisah") in text, text
    assert "Mohon konfirmasi" not in text, text
    html = told.msg.get_body(("html",))
    assert html is not None and "Yth. Bapak/Ibu," in html.get_content(), told.msg
    assert f"kirim dari alamat {WRITER}, yang tidak terdaftar" in flat(html.get_content())
    assert "Mohon konfirmasi" not in html.get_content()
    [office] = [m for m in mails if m.to == [TANA_TIDUNG]]
    assert not office.subject.lower().startswith("re:") and office.msg["In-Reply-To"] is None, office.subject
    assert "BLK-2026-0001" in office.subject and "alamat tidak terdaftar" in office.subject, office.subject
    notice = flat(office.text)
    assert notice.startswith("Yth. Bapak/Ibu Operator Disdukcapil Kabupaten Tana Tidung,"), notice
    assert (f"dari alamat email {WRITER}. Alamat tersebut tidak terdaftar sebagai alamat email resmi Disdukcapil "
            "Kabupaten Tana Tidung") in notice, notice
    assert f'Isi email tersebut: "{ASKING}"' in notice, notice
    assert "DISETUJUI sebanyak 500 keping" in notice and "bukan kepada pengirim email tersebut" in notice, notice
    [confirm] = [o for o in desk12.out() if KADIS in o.to and "Keputusan dicatat" in o.subject]
    assert (f"Keputusan ini kami sampaikan kepada pengirim permohonan ({WRITER}), yang tidak terdaftar sebagai "
            "alamat email resmi Kabupaten Tana Tidung; Disdukcapil Kabupaten Tana Tidung kami beri tahu secara "
            "terpisah.") in flat(confirm.text), confirm.text


def test_a_dispatch_and_a_withdrawn_approval_are_told_to_both(desk12: Desk12) -> None:
    _decided(desk12, APPROVE)
    n = len(desk12.out())
    with desk12.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        actions.dispatch(session, desk12.desk, req, actor="operator", via="cli")
    mails = desk12.out()[n:]
    assert sorted(m.to[0] for m in mails) == sorted([TANA_TIDUNG, WRITER]), [m.to for m in mails]
    [office] = [m for m in mails if m.to == [TANA_TIDUNG]]
    assert not office.subject.lower().startswith("re:") and office.msg["In-Reply-To"] is None, office.subject
    assert "telah DIKIRIM ke kantor Disdukcapil Kabupaten Tana Tidung" in flat(office.text), office.text


def test_a_rejection_after_an_approval_tells_the_office_the_approval_is_withdrawn(desk12: Desk12) -> None:
    _decided(desk12, APPROVE)
    n = len(desk12.out())
    with desk12.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        actions.reject(session, desk12.desk, req, "pengirim bukan petugas kabupaten", actor="operator", via="cli")
    mails = desk12.out()[n:]
    [office] = [m for m in mails if m.to == [TANA_TIDUNG]]
    assert "BLK-2026-0001" in office.subject and office.msg["In-Reply-To"] is None, office.subject
    assert ("Persetujuan sebanyak 500 keping yang sebelumnya kami sampaikan untuk permohonan tersebut kami BATALKAN"
            in flat(office.text)), office.text
    [told] = [m for m in mails if m.to == [WRITER]]
    assert "TIDAK DAPAT KAMI SETUJUI" in told.text



@pytest.mark.parametrize(("decide", "office"), [
    (lambda s, d, r: actions.reject(s, d, r, "pengirim bukan petugas kabupaten", actor="operator", via="cli"),
     "Kabupaten Tana Tidung tidak kami kirimi email."),
    (lambda s, d, r: actions.approve(s, d, r, 500, actor="operator", via="cli", reason="dicek lewat telepon"),
     "Disdukcapil Kabupaten Tana Tidung kami beri tahu secara terpisah."),
], ids=["rejected", "approved"])
def test_the_managers_hear_whom_a_decision_by_hand_went_to(desk12: Desk12, decide, office) -> None:  # type: ignore[no-untyped-def]
    _held(desk12)
    with desk12.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        decide(session, desk12.desk, req)
    [notice] = [o for o in desk12.to_managers() if o.purpose.startswith("decided-by-hand:")]
    text = flat(notice.text)
    assert (f"Keputusan ini kami sampaikan kepada pengirim permohonan ({WRITER}), yang tidak terdaftar sebagai "
            f"alamat email resmi Kabupaten Tana Tidung; {office}") in text, text
    assert "Kabupaten Tana Tidung telah kami beri tahu" not in text, text


def test_the_office_confirms_receipt_by_answering_its_notice(desk12: Desk12) -> None:
    _decided(desk12, APPROVE)
    with desk12.desk.sessions.begin() as session:
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        actions.dispatch(session, desk12.desk, req, actor="operator", via="cli")
    [notice] = [o for o in desk12.out() if o.purpose.startswith("dispatched:") and o.to == [TANA_TIDUNG]]
    _, outcome = send_answer(desk12, TANA_TIDUNG, notice, "Blangko 500 keping sudah kami terima dengan baik.",
                             above=WROTE)
    assert desk12.request()["state"] == "received", (outcome, dict(desk12.request()))
