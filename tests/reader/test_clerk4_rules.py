"""Rules from a fourth, independent set of district mail: denied and affirmed role words, earlier
requests and reminders, corrections, letter references, days and data sizes, account scams,
tables per blank."""

from __future__ import annotations

import pytest

from mailbot.reader import read_message
from mailbot.reader.classify import kind_of
from mailbot.reader.numbers import find_mentions, mask_non_quantities, normalise
from mailbot.reader.roles import current_requests, keywords, read_text, settle
from tests.reader.conftest import DISTRICTS


def read(text: str) -> dict[str, int]:
    candidates, unassigned = read_text(text, normalise(text))
    return dict(settle(current_requests(candidates), unassigned).values)


def mail(body: str, subject: str = "blangko", sender: str = "disdukcapil@nunukankab.example") -> bytes:
    return f"From: {sender}\nTo: blangko@x.example\nSubject: {subject}\n\n{body}".encode()


# --- Denied role words -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "denial",
    [
        "blm sampai", "belum sampai", "belum kami terima", "blm terima", "tidak diterima", "tdk kami terima",
        "belum juga sampai", "gagal diterima", "batal diterima", "belum pernah kami terima",
    ],
)
def test_a_denied_receipt_yields_no_received_figure(denial: str) -> None:
    got = read(f"Blangko 1.000 keping yang kemarin {denial}, sisa stok 300 keping.")
    assert "received" not in got
    assert got == {"stock_on_hand": 300}


@pytest.mark.parametrize("denial", ["tidak butuh", "belum perlu", "tdk minta", "tanpa tambahan", "belum mengajukan"])
def test_a_denied_request_yields_no_requested_figure(denial: str) -> None:
    assert "requested" not in read(f"Kami {denial} 1.000 keping, stok masih 2.400 keping.")


def test_a_denial_runs_on_over_the_role_words_right_after_it() -> None:
    kws = keywords(normalise("tidak butuh tambahan 500"))
    assert [k.role for k in kws] == ["ignore", "ignore"]


def test_a_bound_is_no_denial() -> None:
    # "tidak sampai 400" bounds the stock figure; the number reader marks it approximate.
    assert not any(k.role == "received" or k.denied for k in keywords(normalise("sisa stok tidak sampai 400 keping")))


def test_sampai_of_time_is_no_arrival() -> None:
    assert read("Permohonan 2.000 keping, sampai sore ini belum kami terima.") == {"requested": 2000}


def test_a_receipt_verb_said_as_done_after_an_asked_figure_makes_it_received() -> None:
    assert read("Permohonan kami sebanyak 2.000 keping sudah kami terima dengan baik.") == {"received": 2000}
    # A wish is no receipt.
    assert read("Permohonan kami sebanyak 2.000 keping agar sudah sampai sebelum tgl 20.") == {"requested": 2000}


def test_a_receipt_with_a_part_not_taken_is_asked_back() -> None:
    # Were 1.000 delivered, or 1.020? The denial does not settle it; a clerk asks.
    assert read("Blangko 1.000 keping telah kami terima, namun 20 keping tidak terima karena rusak.") == {}


def test_a_receipt_past_the_next_figure_does_not_turn_a_request() -> None:
    assert read("mohon tambahan 1.000 keping, yg sebelumnya 1.000 keping sdh diterima tgl 5.") == {"requested": 1000}


def test_kind_ignores_denied_phrases() -> None:
    assert kind_of(normalise("blangko 1.500 keping belum kami terima, mohon dicek."), set(), set(), False) == "other"
    assert kind_of(normalise("kami tidak butuh tambahan blangko"), set(), set(), False) == "other"


# --- Earlier requests, reminders, corrections -------------------------------------------------------


def test_an_earlier_request_yields_to_a_new_figure() -> None:
    text = "utk surat permohonan 3.000 keping KTP-el tadi siang apakah bisa sekalian dikirim blangko KIA 500 pcs?"
    assert read(text) == {"requested": 500}


def test_a_reminder_restates_the_figure_it_chases() -> None:
    text = "Menindaklanjuti surat kami perihal permohonan tambahan blangko sebanyak 3.000 keping, belum kami terima."
    assert read(text) == {"requested": 3000}


def test_a_relative_clause_gives_the_role_after_the_figure() -> None:
    assert read("Blangko 2 ribu keping yg kami mohon tgl 3 jan belum kami terima.") == {"requested": 2000}


@pytest.mark.parametrize(
    "text, want",
    [
        ("Sisa blangko bukan 2.518 tetapi 2.581 keping.", {"stock_on_hand": 2581}),
        ("Sisa blangko yang benar 2.581 keping (bukan 2.518).", {"stock_on_hand": 2581}),
        ("Permohonan sebelumnya 3.000 keping kami ubah menjadi 2.000 keping.", {"requested": 2000}),
        ("Ralat email sebelumnya: permintaan kami 1.200 keping, bukan 2.100 keping.", {"requested": 1200}),
    ],
)
def test_a_corrected_figure_takes_its_clauses_role(text: str, want: dict[str, int]) -> None:
    assert read(text) == want


# --- Not quantities ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["surat 470/045", "surat kami No. 470/12", "tgl 15", "tanggal 5"])
def test_letter_references_and_days_are_masked(text: str) -> None:
    assert find_mentions(normalise(text)) == []


def test_a_dates_full_stop_still_ends_the_sentence() -> None:
    masked = mask_non_quantities("laporan tgl 16/01/2026. mohon maaf")
    assert "2026" not in masked and ". mohon" in masked


@pytest.mark.parametrize("unit", ["GB", "MB", "SD", "SMP"])
def test_data_sizes_and_schools_are_no_blanks(unit: str) -> None:
    (m,) = find_mentions(normalise(f"menambah 10 {unit}"))
    assert m.unit == "other"


def test_an_account_scam_from_an_unknown_sender_states_nothing() -> None:
    body = "Kotak surat Anda telah mencapai 98% kapasitas. Verifikasi akun sekarang untuk menambah kuota 10 GB.\n"
    v = read_message(mail(body, "Peringatan kotak surat", "admin@mail-admin.example"), DISTRICTS)
    assert v.kind == "other" and v.requested is None


def test_a_table_naming_no_blank_beside_a_kia_table_is_ktp_el() -> None:
    body = (
        "| Tanggal | Perekaman | Pencetakan | Sisa Blangko |\n| 20/01/2026 | 155 | 140 | 2.518 |\n\n"
        "| Tanggal | Pencetakan KIA | Sisa Blangko KIA |\n| 20/01/2026 | 40 | 812 |\n"
    )
    v = read_message(mail(body, "Laporan harian"), DISTRICTS)
    assert (v.item, v.stock_on_hand, v.printed, v.recorded) == ("ktp-el", 2518, 140, 155)
