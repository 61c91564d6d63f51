"""A forwarded reminder from the district's second address is about that address's own (linked) request."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.desk.mailkit import DISTRICT_SENDERS, db, replies_to, run_once, write_eml

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

FIRST = DISTRICT_SENDERS["65.03"]
SECOND = "disdukcapil@nunukankab.example"
SEBATIK = ("Untuk pelayanan perekaman di Kecamatan Sebatik, kami mohon kiranya dapat diberikan blangko KTP-el "
           "sebanyak 1.000 keping.\nSisa stok kami 1.100 keping.\n")


def test_a_forwarded_reminder_from_the_second_address_reminds_of_its_own_request(desk_dir: Path) -> None:
    run_once(desk_dir, write_eml(desk_dir, "n1.eml", sender=FIRST, subject="Permohonan blangko KTP-el Kab. Nunukan",
                                 body="Dengan hormat,\nBersama ini kami mohon tambahan blangko KTP-el sebanyak 2.000 "
                                      "keping. Sisa stok kami saat ini 1.200 keping.\nTerima kasih.\n",
                                 message_id="<n1@nunukankab.example>"))
    run_once(desk_dir, write_eml(desk_dir, "n2.eml", sender=SECOND,
                                 subject="Permohonan blangko untuk Kecamatan Sebatik",
                                 body=SEBATIK, message_id="<n2@nunukankab.example>"))
    [(linked,)] = db(desk_dir).execute("select reference from requests where state = 'linked'").fetchall()
    forwarded = ("Selamat siang Bapak/Ibu, izin mengingatkan kembali permohonan kami di bawah ini. Mohon "
                 "ditindaklanjuti.\n\n---------- Forwarded message ---------\nDari: Disdukcapil Nunukan "
                 f"<{SECOND}>\nDate: Sab, 5 Des 2026 09.41\nSubject: Permohonan blangko untuk Kecamatan Sebatik\n"
                 f"To: <blangko@disdukcapil.kaltaraprov.example>\n\n{SEBATIK}")
    run_once(desk_dir, write_eml(desk_dir, "n3.eml", sender=SECOND,
                                 subject="Fwd: Permohonan blangko untuk Kecamatan Sebatik", body=forwarded,
                                 message_id="<n3@nunukankab.example>"))
    assert db(desk_dir).execute("select count(*) from requests").fetchone()[0] == 2  # no new reference
    [answer] = replies_to(desk_dir, "<n3@nunukankab.example>")
    assert linked in answer.subject and "pengingat" in answer.text
    assert "kami catat dengan nomor rujukan" not in answer.text


def test_a_letters_ask_after_the_request_from_the_second_address_reminds_of_the_open_one(desk_dir: Path) -> None:
    run_once(desk_dir, write_eml(desk_dir, "n1.eml", sender=SECOND, subject="Permohonan Blangko KTP-el Kab. Nunukan",
                                 body="Dengan hormat, sisa blangko KTP-el kami tinggal 500 keping. Untuk itu kami "
                                      "mohon tambahan blangko KTP-el sebanyak 4.000 keping.\n",
                                 message_id="<n1@nunukankab.example>"))
    [(reference, state)] = db(desk_dir).execute("select reference, state from requests").fetchall()
    assert state == "held"
    # from the phone, at the other address, with no thread headers
    run_once(desk_dir, write_eml(desk_dir, "n2.eml", sender=FIRST, subject="Fw: Permohonan Blangko KTP-el Kab. Nunukan",
                                 body="Assalamualaikum pak, izin menanyakan surat permohonan blangko kami tgl 6 "
                                      "kemarin, apakah sudah ada disposisi? Terima kasih\n\nDikirim dari Yahoo Mail "
                                      "di Android\n",
                                 message_id="<n2@nunukankab.example>"))
    assert db(desk_dir).execute("select count(*) from requests").fetchone()[0] == 1  # no empty new request
    [answer] = replies_to(desk_dir, "<n2@nunukankab.example>")
    assert reference in answer.subject and "pengingat" in answer.text and "ditinjau oleh pimpinan" in answer.text
    assert "kami catat dengan nomor rujukan" not in answer.text


def test_a_linked_request_with_its_figure_is_not_asked_for_that_figure(desk_dir: Path) -> None:
    run_once(desk_dir, write_eml(desk_dir, "n1.eml", sender=FIRST, subject="Permohonan blangko KTP-el Kab. Nunukan",
                                 body="Dengan hormat,\nBersama ini kami mohon tambahan blangko KTP-el sebanyak 2.000 "
                                      "keping. Sisa stok kami saat ini 1.200 keping.\nTerima kasih.\n",
                                 message_id="<n1@nunukankab.example>"))
    run_once(desk_dir, write_eml(desk_dir, "n2.eml", sender=SECOND,
                                 subject="Permohonan blangko untuk Kecamatan Sebatik",
                                 body=SEBATIK, message_id="<n2@nunukankab.example>"))
    [answer] = replies_to(desk_dir, "<n2@nunukankab.example>")
    assert "Jumlah yang dimohon: 1.000 keping" in answer.text
    assert "mohon sampaikan jumlahnya" not in answer.text
    assert "\n\n\n" not in answer.text
