"""The operator's notices (a message quarantined, a mail given up, a bounce, a sender not verified) go to the first
manager when office.operator is not set: the manager is asked to pass them on to whoever runs the desk, the mailbot
commands are left for that person, and the manager is told why the notice reached him; with an operator set, the
notices read as before."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from mailbot.render import make_environment, render
from mailbot.undelivered import failure_said

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
WHY = ("Bapak/Ibu menerima pemberitahuan ini karena alamat operator meja layanan blangko belum diatur "
       "(office.operator dalam config.toml). Petugas TI kantor dapat mengaturnya agar pemberitahuan seperti ini "
       "langsung diterima operator.")
PASS_ON = ("Mohon teruskan pemberitahuan ini kepada operator atau petugas TI kantor yang menjalankan meja layanan "
           "blangko")


def _office(operator: str | None) -> SimpleNamespace:
    return SimpleNamespace(name="Disdukcapil Provinsi Kalimantan Utara", signature="Bidang Pelayanan Pendaftaran "
                           "Penduduk", operator=operator)


def _entry(pk: int = 5) -> SimpleNamespace:
    return SimpleNamespace(message_pk=pk, sender="disdukcapil@bulungankab.example", district_name="Kabupaten Bulungan",
                           message_subject="Laporan harian", reason="lampirannya terlalu banyak", untold=None,
                           told_sender=True, acknowledged=False, cap=20)


def _notice(name: str, operator: str | None) -> str:
    context: dict[str, dict[str, object]] = {
        "notice_delivery_failed": {"failed_message_id": "<r1@disdukcapil.kaltaraprov.example>",
                                   "failed_to": "disdukcapil@bulungankab.example", "failed_subject": "[BLK-2026-0001]",
                                   "attempts": 10, "failure": failure_said("550 5.1.1 no such user"), "outbox_id": 7},
        "notice_quarantined": {"entries": [_entry()], "unlisted": 0, "count": 1},
        "notice_untrusted": {"sender": "kadis@disdukcapil.kaltaraprov.example", "original_subject": "SETUJU",
                             "as_manager": True, "district_name": None, "reasons": ["DMARC tidak lulus"]},
        "notice_bounce": {"bounced_message_id": "<r1@x>", "bounced_to": "disdukcapil@bulungankab.example",
                          "bounced_subject": "[BLK-2026-0001]", "bounce_subject": "Undelivered Mail",
                          "bounce_meaning": "alamat penerima tidak dikenal", "bounce_reason": None,
                          "bounce_from": "mailer-daemon@bulungankab.example", "bounce_forged": False,
                          "bounce_from_elsewhere": False, "bounce_advice": "Mohon periksa alamat tujuan."},
    }
    return render(make_environment(TEMPLATES), name, office=_office(operator), **context[name]).text


NOTICES = ["notice_delivery_failed", "notice_quarantined", "notice_untrusted", "notice_bounce"]


@pytest.mark.parametrize("name", NOTICES)
def test_a_manager_is_told_why_the_operator_s_notice_reached_him(name: str) -> None:
    assert WHY in " ".join(_notice(name, None).split())
    assert WHY not in " ".join(_notice(name, "operator@disdukcapil.kaltaraprov.example").split())


def test_a_mail_given_up_asks_the_manager_to_pass_the_retry_on() -> None:
    # was: "Setelah masalahnya diperbaiki, email dapat dikirim ulang dengan: mailbot outbox retry 7" to the manager
    text = " ".join(_notice("notice_delivery_failed", None).split())
    assert (f"{PASS_ON}: setelah masalahnya diperbaiki, mereka dapat mengirim ulang email ini dengan perintah "
            "mailbot outbox retry 7") in text
    assert "dapat dikirim ulang dengan: mailbot" not in text
    assert "dapat dikirim ulang dengan: mailbot outbox retry 7" in _notice("notice_delivery_failed", "op@x.example")


def test_a_quarantined_message_leaves_its_commands_to_the_operator_when_a_manager_is_told() -> None:
    text = _notice("notice_quarantined", None)
    assert (f"{PASS_ON}. Perintah berikut untuk mereka:\nSetelah masalahnya diperbaiki, email dapat diproses ulang "
            "dengan: mailbot replay 5\n") in text
    assert "operator dapat memeriksanya dengan mailbot outbox list" in text
    assert PASS_ON not in _notice("notice_quarantined", "op@x.example")


def test_an_unverified_manager_s_mail_asks_the_manager_to_have_it_followed_up() -> None:
    # was: "mohon tindak lanjuti secara manual (keputusan pimpinan dapat dicatat dengan perintah mailbot approve /
    # mailbot reject), dan periksa mengapa server email kantor tidak memverifikasinya", to the manager himself
    text = " ".join(_notice("notice_untrusted", None).split())
    assert (f"Bila email ini memang asli, {PASS_ON[0].lower()}{PASS_ON[1:]}: mereka dapat menindaklanjutinya secara "
            "manual (keputusan pimpinan dapat mereka catat dengan perintah mailbot approve / mailbot reject) dan "
            "memeriksa mengapa server email kantor tidak memverifikasinya.") in text


@pytest.mark.parametrize(("failed", "subject"), [
    ("Re: laporan stok bulanan", "Gagal mengirim email: Re: laporan stok bulanan"),
    # the operator's own notice failed and reached the first manager: its prefix is not said twice
    ("Gagal mengirim email: Re: laporan stok bulanan", "Gagal mengirim email: Re: laporan stok bulanan"),
    ("Gagal mengirim email: Gagal mengirim email: [BLK-2026-0003] Permohonan",
     "Gagal mengirim email: [BLK-2026-0003] Permohonan"),
])
def test_the_subject_of_a_mail_given_up_never_repeats_its_prefix(failed: str, subject: str) -> None:
    rendered = render(make_environment(TEMPLATES), "notice_delivery_failed", office=_office(None),
                      failed_message_id="<r1@disdukcapil.kaltaraprov.example>", failed_to="kadis@x.example",
                      failed_subject=failed, attempts=1, failure=failure_said("500 5.0.0 refused"), outbox_id=9,
                      operator_refused=True)
    assert rendered.subject == subject
    assert f"Subjek      : {failed}" in rendered.text  # the mail given up, as it was
