"""Classes of mail that failed on writers the reader had never seen: round figures, vague tails,
zero stock as a word, opening and closing stock, figures about something else, both blanks."""

from __future__ import annotations

import pytest

from mailbot.reader import read_message
from mailbot.reader.numbers import normalise
from mailbot.reader.roles import current_requests, read_text, settle
from tests.reader.conftest import DISTRICTS


def read(text: str) -> dict[str, int]:
    candidates, unassigned = read_text(text, normalise(text))
    return dict(settle(current_requests(candidates), unassigned).values)


def mail(body: str, subject: str = "blangko", sender: str = "disdukcapil@nunukankab.example") -> bytes:
    return f"From: {sender}\nTo: blangko@x.example\nSubject: {subject}\n\n{body}".encode()


# --- Round figures and vague tails -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("mohon tambahan blangko KTP-el ± 1.200 keping", {"requested": 1200}),
        ("kebutuhan kami kurang lebih 2.000 keping, mohon dikirim", {"requested": 2000}),
        ("stok ± 400 keping, tepatnya 396 keping", {"stock_on_hand": 396}),
        ("sisa blg kami 1rb kurang dikit, mohon dikirim 2rb", {"requested": 2000}),
    ],
)
def test_round_figures_count_and_vague_ones_do_not(text: str, want: dict[str, int]) -> None:
    assert read(text) == want


# --- Figures about something else ---------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Kami menawarkan kartu PVC dengan harga Rp 3.500/pcs, minimal order 1.000 pcs.",
        "Register today and receive a USD 1,000 bonus.",
    ],
)
def test_money_and_trade_terms_are_no_figures(body: str) -> None:
    v = read_message(mail(body, sender="sales@vendor.example"), DISTRICTS)
    assert (v.requested, v.received, v.stock_on_hand) == (None, None, None)


def test_another_districts_figure_is_not_the_writers() -> None:
    body = ("Kebutuhan blangko KTP-el Kabupaten Malinau sebanyak 4.000 keping. Sebagai perbandingan, "
            "Kab. Nunukan dengan jumlah kecamatan yang sama menerima 5.000 keping pada periode lalu.")
    v = read_message(mail(body, sender="disdukcapil@malinaukab.example"), DISTRICTS)
    assert (v.requested, v.received) == (4000, None)


def test_a_part_of_the_figure_before_is_not_a_figure_of_its_own() -> None:
    body = "Blangko KTP-el sebanyak 2.000 keping telah kami terima, namun 12 keping di antaranya rusak."
    v = read_message(mail(body), DISTRICTS)
    assert (v.kind, v.received) == ("receipt", 2000)


# --- Stock as a word, opening and closing stock -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("blangko KIA di kantor kami sudah habis (0 keping) sejak Jumat. Mohon dikirim 1.000 keping.",
         {"requested": 1000, "stock_on_hand": 0}),
        ("Perekaman: nihil (jaringan terputus)\nPencetakan: 52 keping\nSisa blangko: 1.084 keping",
         {"recorded": 0, "printed": 52, "stock_on_hand": 1084}),
        ("stok blangko kami kosong, mohon dikirim 500 keping", {"requested": 500, "stock_on_hand": 0}),
        ("stok blangko hampir habis, mohon dikirim 500 keping", {"requested": 500}),
        ("mohon dikirim 500 keping sebelum stok habis", {"requested": 500}),
        ("Stok awal: 1.200 keping\nTerpakai hari ini: 64 keping\nStok akhir: 1.136 keping",
         {"stock_on_hand": 1136}),
    ],
)
def test_zero_stock_words_and_closing_stock(text: str, want: dict[str, int]) -> None:
    assert read(text) == want


# --- Both blanks -------------------------------------------------------------------------------


def test_a_report_with_both_blanks_reads_each() -> None:
    body = ("Laporan hari ini: perekaman 44 orang, pencetakan KTP-el 39 keping dan KIA 120 keping, "
            "sisa blangko KTP-el 1.003 keping, sisa blangko KIA 250 keping.")
    v = read_message(mail(body, subject="Laporan harian"), DISTRICTS)
    assert (v.kind, v.item, v.printed, v.stock_on_hand, v.recorded) == ("stock_report", "ktp-el", 39, 1003, 44)
    kia = v.reading_for("kia")
    assert kia is not None and (kia.printed, kia.stock_on_hand) == (120, 250)
    data = v.as_dict()["readings"]
    assert data["kia"]["stock_on_hand"] == 250 and data["ktp-el"]["printed"] == 39  # type: ignore[index]


def test_a_request_for_one_blank_keeps_the_other_out() -> None:
    body = "stok KTP-el masih 3.200 (cukup), mohon tambahan blangko KIA 1.000 lembar"
    v = read_message(mail(body), DISTRICTS)
    assert (v.kind, v.item, v.requested, v.stock_on_hand, v.readings) == ("request", "kia", 1000, None, ())


# --- Replies and unknown senders ------------------------------------------------------------------


def test_a_raise_in_a_reply_above_an_outlook_header_with_terkirim() -> None:
    body = ("Betul Pak. Namun bila memungkinkan mohon ditambah menjadi 2.500 keping.\n\n"
            "________________________________\nDari: Disdukcapil Kaltara <blangko@x.example>\n"
            "Terkirim: Selasa, 28 Februari 2023 16.20\nKepada: disdukcapil@malinaukab.example\n"
            "Subjek: Konfirmasi permohonan blangko\n\n"
            "Mohon konfirmasi apakah Kab. Malinau jadi mengajukan 2.000 keping?\n")
    v = read_message(mail(body, "RE: Konfirmasi permohonan blangko", "disdukcapil@malinaukab.example"), DISTRICTS)
    assert (v.kind, v.requested) == ("request", 2500)


def test_other_mail_from_an_unknown_address_speaks_for_no_district() -> None:
    body = "Undangan rapat koordinasi di Tarakan, Kamis 10.00 WITA. Mohon kehadiran Bapak/Ibu."
    v = read_message(mail(body, "Undangan rapat", "panitia@event.example"), DISTRICTS)
    assert (v.kind, v.district) == ("other", None)


def test_the_cues_that_decided_a_number_are_in_its_evidence() -> None:
    v = read_message(mail("Stok awal: 1.200 keping\nStok akhir: 1.136 keping", "Laporan harian"), DISTRICTS)
    (stock,) = [e for e in v.evidence if e.field == "stock_on_hand"]
    assert stock.value == 1136 and "keyword_before:stok akhir" in stock.cues and "unit:blank" in stock.cues
    assert v.as_dict()["evidence"][0]["cues"] == list(stock.cues)  # type: ignore[index]
