"""A receipt shortfall a person resolves (`mailbot resolve`): the district is told once, in its request's thread,
how it was settled (the figures booked and the reason as typed), unless the operator passes --no-notify. (Was: the
item closed and the books changed, and the district, told "Selisihnya akan kami periksa", never heard again.)"""

from __future__ import annotations

import pytest

from tests.desk.conftest import mailbot
from tests.desk.desk12 import BULUNGAN, BULUNGAN_OPERATOR, GMAIL, Desk12, answer_gmail, dispatched, flat, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _short_receipt(desk12: Desk12) -> int:
    """BLK-2026-0001 (2.000) dispatched, Bulungan counts 1.900: the discrepancy item's id."""
    notice = dispatched(desk12)
    answer_gmail(desk12, notice, "Blangko sudah kami terima, tetapi hanya 1.900 keping.")
    assert desk12.open_gaps() == [100]
    return int(desk12.db().execute("select id from attention_items where kind = 'discrepancy'").fetchone()[0])


def test_a_resolved_shortfall_is_told_to_the_district_in_its_thread(desk12: Desk12) -> None:
    item = _short_receipt(desk12)
    before = len(desk12.out())
    done = mailbot(desk12.dir, "resolve", str(item), "--reason", "100 keping tertinggal di gudang, dikirim susulan",
                   "--delta", "100")
    assert done.returncode == 0, done.stderr
    assert "the district is told how it was settled" in flat(done.stdout), done.stdout
    [told] = desk12.out()[before:]
    assert told.to == [BULUNGAN] and told.purpose == f"resolved:{item}", (told.to, told.purpose)
    assert told.subject == "Re: [BLK-2026-0001] Permohonan tambahan blangko KTP-el", told.subject
    assert told.msg["In-Reply-To"] is not None
    text = flat(told.text)
    assert text.startswith("Yth. Bapak/Ibu Operator Disdukcapil Kabupaten Bulungan, Dengan hormat, Selisih penerimaan "
                           "blangko KTP-el untuk permohonan BLK-2026-0001 telah diperiksa dan dinyatakan selesai oleh "
                           "petugas kami."), text
    assert ("Dikirim : 2.000 keping Diterima : 1.900 keping (sesuai konfirmasi Bapak/Ibu) Selisih : kurang 100 keping "
            "Dicatat : stok Kabupaten Bulungan ditambah 100 keping") in text, text
    assert "Keterangan petugas: 100 keping tertinggal di gudang, dikirim susulan" in text, text
    assert desk12.open_gaps() == []


def test_a_shortfall_resolved_without_a_change_says_the_count_stands(desk12: Desk12) -> None:
    item = _short_receipt(desk12)
    before = len(desk12.out())
    done = mailbot(desk12.dir, "resolve", str(item), "--reason", "hilang dalam perjalanan, dicatat sebagai kehilangan")
    assert done.returncode == 0, done.stderr
    [told] = desk12.out()[before:]
    text = flat(told.text)
    assert "Dicatat : tanpa perubahan; yang tercatat diterima tetap 1.900 keping" in text, text
    assert "Keterangan petugas: hilang dalam perjalanan, dicatat sebagai kehilangan" in text, text


def test_no_notify_tells_the_district_nothing(desk12: Desk12) -> None:
    item = _short_receipt(desk12)
    before = len(desk12.out())
    done = mailbot(desk12.dir, "resolve", str(item), "--reason", "sudah dibahas lewat telepon", "--no-notify")
    assert done.returncode == 0, done.stderr
    assert "the district was not told (--no-notify)" in flat(done.stdout), done.stdout
    assert desk12.out()[before:] == []
    assert desk12.open_gaps() == []
    assert "--no-notify" in flat(mailbot(desk12.dir, "resolve", "--help").stdout)


def test_the_address_that_reported_the_shortfall_hears_how_it_was_settled(desk12: Desk12) -> None:
    notice = dispatched(desk12)
    send_answer(desk12, BULUNGAN_OPERATOR, notice, "Sudah diterima pak, tapi cuma 1.850 lembar dari 2.000.",
                above=GMAIL)
    assert desk12.open_gaps() == [150]
    item = int(desk12.db().execute("select id from attention_items where kind = 'discrepancy'").fetchone()[0])
    before = len(desk12.out())
    done = mailbot(desk12.dir, "resolve", str(item), "--reason", "kurang kirim dari gudang provinsi", "--delta", "150")
    assert done.returncode == 0, done.stderr
    [told] = desk12.out()[before:]
    # the request came from the office's address, the count from the operator's: both are the district's own
    assert told.to == [BULUNGAN_OPERATOR, BULUNGAN], told.to
    assert "Diterima : 1.850 keping (sesuai konfirmasi Bapak/Ibu) Selisih : kurang 150 keping" in flat(told.text)
