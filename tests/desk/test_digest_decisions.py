"""The digest's decision list and waiting list: Indonesian reasons, the figure asked at each decision."""

from __future__ import annotations

from pathlib import Path

import pytest

from mailbot.digest import REASON_SHORT
from mailbot.stock.explain import REASON_TEXT
from tests.desk.conftest import mailbot
from tests.desk.mailkit import (
    DISTRICT_SENDERS,
    MANAGERS,
    answer_reply,
    manager_answers_held_notice,
    reference_of,
    replies_to,
    request_replied,
    request_row,
    sent_mail,
    write_eml,
)
from tests.desk.test_conversations import run_once

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

TARAKAN = DISTRICT_SENDERS["65.71"]


def test_every_decision_reason_has_indonesian_words_for_the_digest() -> None:
    assert set(REASON_TEXT) <= set(REASON_SHORT)


def test_an_appealed_partial_approval_is_listed_with_the_figure_asked_then(desk_dir: Path) -> None:
    held = request_replied(desk_dir, "tk-4000", TARAKAN, "Dengan hormat, sisa stok blangko KTP-el kami 900 keping. "
                                                         "Mohon tambahan 4.000 keping.\n")
    reference = reference_of(held)
    manager_answers_held_notice(desk_dir, "kadis-2000", "SETUJU 2.000 / sisanya bulan Januari\n")
    [told] = [s for s in sent_mail(desk_dir) if s.to == [TARAKAN] and "SEBAGIAN" in s.text]
    answer_reply(desk_dir, told, "tk-appeal", TARAKAN, "Kami tetap membutuhkan 3.300 keping karena perekaman serentak "
                                                       "di 23 SMA. Mohon dipertimbangkan kembali.", "gmail")
    assert request_row(desk_dir, reference)["requested"] == 3300
    [answer] = replies_to(desk_dir, "<tk-appeal@tarakankota.example>")
    for body in (answer.text, answer.html or ""):  # an appeal explains: it is thanked as an explanation
        said = " ".join(body.replace("<strong>", "").replace("</strong>", "").split())
        assert "atas koreksinya" not in said
        assert f"Permohonan {reference} telah kami perbarui sesuai penjelasan Bapak/Ibu" in said
    digest = " ".join(mailbot(desk_dir, "digest", "--print").stdout.split())
    assert "decided" not in digest and "_" not in digest.split("== Menunggu keputusan")[1]
    assert "permohonan diubah setelah diputuskan pimpinan, perlu diputuskan kembali" in digest
    # one line for the request, its latest state; the manager's decision on 4.000 asked, which the appeal
    # replaced, is said beside it
    decided = digest[digest.index("== Permohonan dan keputusan"):]
    assert decided.count(f"- {reference} ") == 1 and "(1) ==" in decided
    assert (f"{reference} Kota Tarakan (KTP-el), " in digest and "dimohon 3.300, menunggu keputusan pimpinan" in digest
            and "[sebelumnya: dimohon 4.000, disetujui sebagian 2.000 (oleh pimpinan (" + MANAGERS[0] + ")); "
            "melalui email]" in digest)
    assert "dimohon 3.300, disetujui" not in digest and "[diganti keputusan sesudahnya]" not in digest


def test_the_headline_agrees_with_each_items_table(desk_dir: Path) -> None:
    tana_tidung = DISTRICT_SENDERS["65.04"]
    report = write_eml(desk_dir, "ktt-kia.eml", sender=tana_tidung, subject="Laporan stok KIA",
                       body="Lapor, sisa blangko KIA kami tinggal 120 keping per hari ini.\n",
                       message_id=f"<ktt-kia@{tana_tidung.split('@')[1]}>")
    run_once(desk_dir, report)
    out = mailbot(desk_dir, "digest", "--print").stdout
    kia_table = out.split("== Blangko KIA")[1].split("==")[1]
    assert "Kabupaten Tana Tidung (65.04): MENIPIS" in kia_table
    headline = out.splitlines()[0]  # the subject, short: the count
    assert "1 menipis" in headline and "semua aman" not in headline, headline
    assert "stok semua kabupaten/kota aman" not in out and "aman menurut catatan, tetapi" not in out
    assert "stok KTP-el semua kabupaten/kota aman, blangko KIA: 1 kabupaten/kota menipis" in out  # the summary
