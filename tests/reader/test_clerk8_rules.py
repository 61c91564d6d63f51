"""Classes of misses found on two more writers the reader had not seen (sets J and K), each read by a
principle a clerk applies, not by the sentences of those sets."""

from __future__ import annotations

from datetime import datetime

import pytest

from mailbot.reader.numbers import normalise
from mailbot.reader.roles import current_requests, read_text, settle

SENT = datetime(2026, 12, 8, 9, 0)


def read(text: str, sent: datetime | None = SENT) -> dict[str, int]:
    candidates, unassigned = read_text(text, normalise(text), sent=sent)
    return dict(settle(current_requests(candidates), unassigned).values)


# --- A fallback figure beside the figure asked: two requests, the clerk asks which -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mohon tambahan blangko KTP-el 400 keping. Eh maaf, kalau memungkinkan 600 keping, tapi kalau stok "
        "provinsi terbatas 400 juga tidak apa-apa.",
        "Kami mohon 1.000 keping blangko KTP-el, kalau tidak bisa 500 keping juga boleh.",
        "mohon kirim blangko 2rb, 1.500 jg gpp",
        "We request 1,000 KTP-el blanks; 800 would also do.",
    ],
)
def test_a_fallback_figure_beside_the_one_asked_leaves_the_request_open(text: str) -> None:
    assert "requested" not in read(text)


def test_a_figure_said_once_with_also_fine_is_the_request() -> None:
    # One figure only: the writer asks for it, and says it would do.
    assert read("Mohon kirim blangko KTP-el 500 keping saja juga tidak apa-apa.")["requested"] == 500


def test_an_ordinary_request_beside_another_figure_is_unchanged() -> None:
    assert read("Mohon tambahan blangko KTP-el 1.000 keping. Sisa stok 300 keping.") == {
        "requested": 1000, "stock_on_hand": 300
    }


# --- The rest of a shipment beside a receipt is no stock --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Blangko KTP-el telah kami terima sebanyak 1.000 keping (dari 1.200 yang disampaikan di surat pengantar). "
        "Mohon konfirmasi sisa 200 keping.",
        "Sudah kami terima 1.500 keping dari 2.000 keping menurut surat jalan. Sisa 500 keping mohon dicek.",
    ],
)
def test_a_remainder_that_adds_up_to_the_shipment_is_not_stock(text: str) -> None:
    values = read(text)
    assert "stock_on_hand" not in values
    assert values["received"] in (1000, 1500)


def test_a_stock_named_as_stock_beside_a_receipt_stays() -> None:
    # 1.000 received, stock now 1.200: the sum is the stock itself, named as such.
    text = "Blangko KTP-el telah kami terima 1.000 keping. Stok awal 200, sisa stok sekarang 1.200 keping."
    assert read(text).get("stock_on_hand") != 200


def test_a_remainder_that_adds_up_to_nothing_stays_a_stock() -> None:
    text = "Blangko KTP-el telah kami terima 1.000 keping. Sisa blangko kami sekarang 1.350 keping."
    assert read(text) == {"received": 1000, "stock_on_hand": 1350}


# --- A report table whose header is split over two rows by spanning cells --------------------------------


def test_an_html_recap_with_a_two_row_header_is_read_as_one_table() -> None:
    from mailbot.reader import read_message
    from tests.reader.conftest import DISTRICTS

    html = (
        "<p>Rekap bulanan blangko Oktober 2026:</p><table>"
        '<tr><th rowspan="2">Jenis Blangko</th><th rowspan="2">Stok Awal</th><th colspan="3">Mutasi</th>'
        '<th rowspan="2">Stok Akhir</th></tr><tr><th>Penerimaan</th><th>Pencetakan</th><th>Rusak</th></tr>'
        '<tr><td><i>satuan</i></td><td colspan="5">(keping)</td></tr>'
        "<tr><td>KTP-el</td><td>3.420</td><td>2.000</td><td>2.310</td><td>14</td><td>3.096</td></tr>"
        "<tr><td>KIA</td><td>1.600</td><td>-</td><td>610</td><td>3</td><td>987</td></tr></table>"
    )
    raw = (
        "From: disdukcapil@malinaukab.example\nTo: blangko@x.example\nSubject: Rekap Bulanan Blangko\n"
        "Date: Mon, 02 Nov 2026 09:00:00 +0800\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n"
        + html
    ).encode()
    verdict = read_message(raw, DISTRICTS)
    assert (verdict.kind, verdict.stock_on_hand, verdict.received, verdict.printed) == (
        "stock_report", 3096, 2000, 2310
    )


def test_a_recap_in_the_old_excel_format_is_read() -> None:
    from mailbot.reader import read_message
    from tests.reader.conftest import DISTRICTS, ROOT

    raw = (ROOT / "tests" / "reading" / "setJ" / "corpus" / "039.eml").read_bytes()
    verdict = read_message(raw, DISTRICTS)
    assert (verdict.kind, verdict.stock_on_hand, verdict.printed, verdict.recorded) == (
        "stock_report", 1140, 116, 141
    )
