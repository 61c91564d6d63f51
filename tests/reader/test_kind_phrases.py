"""Kind from a district's own words: a receipt said in English or chat spelling or of part of a
shipment, a period's ledger that has a received line, and a report named only in a question."""

from __future__ import annotations

import pytest

from mailbot.reader.classify import kind_of
from mailbot.reader.numbers import normalise


def kind(text: str, fields: frozenset[str] = frozenset()) -> str:
    return kind_of(normalise(text), set(fields), set(), False)


@pytest.mark.parametrize(
    "text",
    [
        "We confirm receipt of 3,000 e-KTP blanks on 11 November, in good condition.",
        "udh nyampe ya min blangkonya, 1,5rb pcs, thx",
        "Bu, yang sampai baru 1.000 keping (2 dus), sisanya kapan dikirim ya Bu?",
        "The 2,000 blanks have arrived safely this morning.",
    ],
)
def test_receipts_in_other_words(text: str) -> None:
    assert kind(text) == "receipt"


@pytest.mark.parametrize("text", ["Blangko belum sampai pak, mohon dicek.", "The blanks have not arrived yet."])
def test_a_receipt_denied_is_none(text: str) -> None:
    assert kind(text) != "receipt"


def test_a_ledger_with_a_received_line_is_a_report() -> None:
    text = "Laporan persediaan blangko Oktober:\nStok awal 3.010\nDiterima 500\nDicetak 1.122\nStok akhir 1.873\n"
    assert kind(text, frozenset({"received", "stock_on_hand", "printed"})) == "stock_report"


def test_a_receipt_stating_the_stock_after_it_stays_a_receipt() -> None:
    text = "Blangko KTP-el 2.000 keping sudah kami terima, stok akhir sekarang 2.500 keping."
    assert kind(text, frozenset({"received", "stock_on_hand"})) == "receipt"


def test_a_report_named_in_a_question_is_no_report() -> None:
    text = "pak mau tanya, format laporan harian yg baru itu kolomnya apa aja?\napa perlu pisah ktp-el dan kia?"
    assert kind(text) == "other"


def test_a_report_named_as_such_is_one() -> None:
    assert kind("Laporan harian perekaman KTP-el terlampir.") == "stock_report"


@pytest.mark.parametrize(
    "text",
    [
        "The civil registry office of Malinau Regency kindly requests 1,500 blank e-ID cards (blangko KTP-el).",
        "Nunukan district requests additional e-KTP blanks: 1.500 pieces. Remaining stock is 610 pieces.",
        "Please send us 2,000 e-KTP blanks; our stock is 300.",
    ],
)
def test_requests_in_english(text: str) -> None:
    assert kind(text, frozenset({"stock_on_hand"})) == "request"


def test_an_english_request_denied_is_none() -> None:
    assert kind("We do not need additional e-KTP blanks this month; stock is 2,000.", frozenset({"stock_on_hand"})) != (
        "request"
    )


def test_a_request_the_writer_says_is_not_made_yet_is_none() -> None:
    text = (
        "Kami ingin menanyakan berapa stok blangko KTP-el di provinsi. Kami belum mengajukan permohonan sekarang; "
        "rencananya surat permohonan untuk sekitar 3.000 keping baru akan kami kirim bulan depan."
    )
    assert kind_of(normalise(text), set(), {"requested"}, False) == "other"


def test_an_unclear_ask_beside_a_receipt_not_yet_made_is_still_a_request() -> None:
    text = "Blangko belum sampai, kami sudah tidak bisa cetak KTP-el, butuh kira-kira 2.000an keping."
    assert kind_of(normalise(text), set(), {"requested"}, False) == "request"


def test_a_report_named_over_an_attached_spreadsheet_is_one() -> None:
    text = "Selamat sore, laporan harian terlampir pak.\nCapil Nunukan"
    assert kind_of(normalise(text), set(), set(), False, attached=True) == "stock_report"
    assert kind_of(normalise(text), set(), set(), False) == "other"
