"""A district's request whose mail FAILED the office's authentication check reaches the managers said as failed,
first, with a Reply-To elsewhere and a delivery to another address pointed out, and with no SETUJU to answer: it is
confirmed with the district by another channel and approved by the operator's command. A mail that simply could
not be checked keeps its own words and its SETUJU."""

from __future__ import annotations

import pytest

from mailbot import actions
from mailbot.runners import process_inbox
from mailbot.store import repo
from mailbot.transports.maildir import MaildirInbox, deliver
from tests.desk.desk12 import MALINAU, Desk12, Out, flat
from tests.desk.mailkit import AUTHSERV_ID, MANAGERS, set_config, set_guards

LETTER = ("Yth. Kepala Disdukcapil Provinsi Kalimantan Utara,\n\nSisa blangko KTP-el kami tinggal 150 keping. Mohon "
          "tambahan blangko KTP-el sebanyak 1.800 keping.\nKarena kantor sedang direnovasi, mohon blangko "
          "dikirimkan ke gudang kami di Jl. Pahlawan, Malinau Seberang.\n\nHormat kami,\n"
          "Disdukcapil Kabupaten Malinau\n")


def _mail(results: str | None, *, reply_to: str | None = "Kasi Dafduk <dafduk.malinau@surel-gratis.example>") -> bytes:
    head = [f"Authentication-Results: {AUTHSERV_ID};\r\n\tspf=fail smtp.mailfrom=malinaukab.example;\r\n\t{results}"]\
        if results else []
    head += [f"From: Disdukcapil Malinau <{MALINAU}>", "To: blangko@disdukcapil.kaltaraprov.example",
             *([f"Reply-To: {reply_to}"] if reply_to else []),
             "Subject: Permohonan blangko KTP-el", "Date: Fri, 04 Dec 2026 09:12:00 +0800",
             "Message-ID: <minta-0412@malinaukab.example>", "MIME-Version: 1.0",
             "Content-Type: text/plain; charset=utf-8"]
    return ("\r\n".join(head) + "\r\n\r\n" + LETTER.replace("\n", "\r\n")).encode()


def _deliver(d: Desk12, raw: bytes) -> dict[str, int]:
    deliver(d.inbox, raw)
    return dict(process_inbox(d.desk, MaildirInbox(d.inbox, size_limit=d.desk.config.guards.max_message_bytes)))


def _answer(d: Desk12, notice: Out, words: str, n: int) -> dict[str, int]:
    """The kadis answers *notice* with *words* over it quoted, from the office's own (authenticated) server."""
    quoted = "\r\n".join(f"> {line}" for line in notice.text.splitlines())
    return _deliver(d, (f"Authentication-Results: {AUTHSERV_ID}; dkim=pass header.d=disdukcapil.kaltaraprov.example; "
                        "dmarc=pass header.from=disdukcapil.kaltaraprov.example\r\n"
                        f"From: Kadis <{MANAGERS[0]}>\r\nTo: blangko@disdukcapil.kaltaraprov.example\r\n"
                        f"Subject: Re: {notice.subject}\r\nDate: Fri, 04 Dec 2026 10:0{n}:00 +0800\r\n"
                        f"Message-ID: <jawab-{n}@disdukcapil.kaltaraprov.example>\r\n"
                        f"In-Reply-To: {notice.message_id}\r\nReferences: {notice.message_id}\r\n"
                        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
                        f"{words}\r\n\r\n{quoted}\r\n").encode())


def _held(open_desk12, raw: bytes) -> Desk12:  # type: ignore[no-untyped-def]
    d: Desk12 = open_desk12()
    outcome = _deliver(d, raw)
    assert outcome == {"request-held": 1}, outcome
    return d


@pytest.fixture
def checked(desk_dir):  # type: ignore[no-untyped-def]
    """The office's server vouches for mail; a request over 1.000 waits for the managers."""
    set_guards(desk_dir, authserv_id=AUTHSERV_ID, require_authentication=True)
    set_config(desk_dir, "stock", auto_approve_limit=1000)


@pytest.mark.usefixtures("checked")
@pytest.mark.parametrize("results", ["dmarc=fail (p=NONE) header.from=malinaukab.example",
                                     "dkim=fail (signature did not verify) header.d=malinaukab.example"],
                         ids=["dmarc", "dkim"])
def test_a_failed_check_is_said_first_with_no_setuju(open_desk12, results: str) -> None:  # type: ignore[no-untyped-def]
    d = _held(open_desk12, _mail(results))
    [notice] = [o for o in d.to_managers() if o.purpose.startswith("held:")]
    check = "DMARC" if results.startswith("dmarc") else "DKIM"
    assert notice.subject == ("[BLK-2026-0001] Menunggu keputusan (keaslian email GAGAL): permohonan blangko KTP-el "
                              "Kabupaten Malinau")
    text = flat(notice.text)
    assert text.startswith(
        "Yth. Bapak/Ibu Pimpinan, PERHATIAN: pemeriksaan keaslian GAGAL: email ini kemungkinan dipalsukan. Server "
        f"email kantor telah memeriksa email permohonan ini, dan pemeriksaan {check} atas alamat pengirimnya "
        "(disdukcapil@malinaukab.example) GAGAL: email ini kemungkinan besar tidak dikirim oleh Disdukcapil Kabupaten "
        "Malinau. "
        "- Alamat balasan (Reply-To) email ini bukan alamat pengirim, melainkan dafduk.malinau@surel-gratis.example. "
        "Mohon jangan menghubungi alamat tersebut. - Email ini meminta blangko dikirim ke alamat lain: \"Karena "
        "kantor sedang direnovasi, mohon blangko dikirimkan ke gudang kami di Jl. Pahlawan, Malinau Seberang\". "
        "Blangko hanya dikirim ke kantor Disdukcapil Kabupaten Malinau, tidak pernah ke alamat yang disebut dalam "
        "email. "
        "Permohonan berikut menunggu keputusan Bapak/Ibu:"), text[:900]
    assert ("Alasan ditahan: - pemeriksaan keaslian GAGAL: email ini kemungkinan dipalsukan - jumlah 1.800 melebihi "
            "batas persetujuan otomatis 1.000 keping Perhitungan:") in text, text
    assert "tidak dapat dipastikan" not in text
    assert "menunggu keputusan pimpinan karena pemeriksaan keaslian GAGAL" in text
    assert "SETUJU" not in notice.text
    assert ("Cara memutuskan: permohonan ini tidak dapat disetujui dengan membalas email ini. Mohon pastikan lebih "
            "dahulu langsung kepada Disdukcapil Kabupaten Malinau melalui saluran lain") in text
    assert 'mailbot approve BLK-2026-0001 --force --reason "sudah dipastikan' in text
    assert "TOLAK <alasan>" in text
    assert not [o for o in d.out() if "surel-gratis" in " ".join(o.to)]


@pytest.mark.usefixtures("checked")
def test_a_setuju_for_it_is_not_taken_by_email_even_with_paksa(open_desk12) -> None:  # type: ignore[no-untyped-def]
    d = _held(open_desk12, _mail("dmarc=fail header.from=malinaukab.example"))
    [notice] = [o for o in d.to_managers() if o.purpose.startswith("held:")]
    for i, words in enumerate(("SETUJU", "SETUJU 1.800 PAKSA sudah saya telepon")):
        n = len(d.out())
        _answer(d, notice, words, i)
        assert d.request()["state"] == "held"
        [answer] = [o for o in d.out()[n:] if MANAGERS[0] in o.to]
        assert ("permohonan BLK-2026-0001 gagal dalam pemeriksaan keaslian (DMARC) oleh server email kantor, "
                "sehingga kemungkinan dipalsukan. Permohonan seperti ini tidak dapat disetujui melalui email, juga "
                "dengan PAKSA.") in flat(answer.text), answer.text
    with d.desk.sessions.begin() as session:  # the operator's command asks for --force and a reason
        req = repo.request_by_reference(session, "BLK-2026-0001")
        assert req is not None
        assert [c.code for c in actions.approval_concerns(session, d.desk, req, None)] == ["sender_check_failed"]


@pytest.mark.usefixtures("checked")
def test_a_mail_that_could_not_be_checked_keeps_its_words_and_its_setuju(open_desk12) -> None:  # type: ignore[no-untyped-def]
    d = _held(open_desk12, _mail(None))
    [notice] = [o for o in d.to_managers() if o.purpose.startswith("held:")]
    assert notice.subject == "[BLK-2026-0001] Menunggu keputusan: permohonan blangko KTP-el Kabupaten Malinau"
    text = flat(notice.text)
    assert text.startswith("Yth. Bapak/Ibu Pimpinan, Mohon perhatikan sebelum memutuskan: keaslian email permohonan "
                           "ini tidak dapat dipastikan. - Alamat balasan (Reply-To) email ini bukan alamat pengirim, "
                           "melainkan dafduk.malinau@surel-gratis.example."), text[:400]
    assert "- keaslian email pengirim tidak dapat dipastikan" in text and "GAGAL" not in text
    assert "SETUJU (menyetujui sesuai usulan sistem," in text


@pytest.mark.usefixtures("checked")
def test_an_authenticated_request_says_nothing_of_its_reply_to(open_desk12) -> None:  # type: ignore[no-untyped-def]
    raw = _mail("dkim=pass header.d=malinaukab.example; dmarc=pass header.from=malinaukab.example")
    d = _held(open_desk12, raw.replace(b"Karena kantor sedang direnovasi", b"Sekian"))
    [notice] = [o for o in d.to_managers() if o.purpose.startswith("held:")]
    text = flat(notice.text)
    assert text.startswith("Yth. Bapak/Ibu Pimpinan, Permohonan berikut menunggu keputusan Bapak/Ibu:"), text[:200]
    assert "Reply-To" not in text and "SETUJU" in text
