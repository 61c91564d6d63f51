"""Rules from two more independent sets of district mail: a service drive in the interior (trip logistics,
pasted chat threads) and a month of inspection and reconciliation."""

from __future__ import annotations

import pytest

from mailbot.reader import read_message
from mailbot.reader.numbers import find_mentions, normalise
from mailbot.reader.roles import read_text, settle
from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES


def read(text: str) -> dict[str, int | None]:
    candidates, unassigned = read_text(text, normalise(text))
    return dict(settle(candidates, unassigned).values)


# --- The logistics of a trip: fuel, seats, passengers and households count no blanks -------------------


@pytest.mark.parametrize("unit", ["drums", "drum", "jeriken", "liter", "penumpang", "passengers", "households"])
def test_a_unit_of_trip_logistics_is_no_unit_of_blanks(unit: str) -> None:
    (m,) = find_mentions(f"need 4 {unit}")
    assert m.unit == "other"


def test_a_need_of_fuel_is_no_request_of_blanks() -> None:
    assert read("We are planning boat logistics and we need to order 4 drums of fuel a week ahead.") == {}
    assert read("Kami perlu 6 jeriken solar untuk longboat ke Long Pujungan.") == {}
    assert read("Mohon tambahan blangko 1.000 keping; kami juga perlu 4 drum BBM.") == {"requested": 1000}


# --- Hoping for someone's presence is an invitation, no request --------------------------------------


def test_a_figure_in_an_invitation_to_attend_is_no_request() -> None:
    assert read("Kami mengharapkan kehadiran Bapak pada acara penyerahan secara simbolis 250 keping KTP-el.") == {}
    assert read("Mohon kehadiran Bapak/Ibu pada penyerahan 300 keping KIA hasil jemput bola.") == {}
    assert read("Kami mengharapkan tambahan blangko 1.000 keping.") == {"requested": 1000}
    assert read("Mohon kesediaan Bapak untuk mengirimkan 1.000 keping blangko.") == {"requested": 1000}


# --- The rest of a shipment, its count in a parenthesis, come now: no stock -------------------------


def test_the_rest_of_a_shipment_come_now_with_its_count_in_brackets_is_no_stock() -> None:
    got = read("Update: 2 koli sisanya (1.000 keping) sudah kami terima pagi ini.")
    assert "stock_on_hand" not in got


# --- Two role words joined by a slash, two figures joined by one: each figure is its word's -------------


def test_a_slash_pair_of_figures_under_a_slash_pair_of_roles_is_read_in_order() -> None:
    assert read("Rekam/cetak hari ini: 156/139. Sisa blangko 3.905 kpg.") == {
        "recorded": 156, "printed": 139, "stock_on_hand": 3905,
    }
    assert read("Cetak/sisa: 212/1.480") == {"printed": 212, "stock_on_hand": 1480}


def test_a_slash_pair_under_one_role_or_under_blanks_is_not_split() -> None:
    assert read("Cetak KTP-el/KIA: 120/45") != {"printed": 120, "stock_on_hand": 45}
    assert "recorded" not in read("Sisa blangko 300/500 keping")


# --- "Up to today" before a stock word says when the stock is counted --------------------------------


def test_a_stock_said_up_to_today_is_the_stock_now() -> None:
    assert read("sampai dengan hari ini persediaan tersebut telah berkurang menjadi 1.140 keping") == {
        "stock_on_hand": 1140
    }
    assert "recorded" not in read("Perekaman s.d. hari ini 5.400 jiwa")


def test_an_earlier_closing_stock_beside_the_stock_now_is_asked_back() -> None:
    text = ("saldo akhir blangko KTP-el kami sebesar 1.282 keping, dan sampai dengan hari ini persediaan tersebut "
            "telah berkurang menjadi 1.140 keping")
    assert "stock_on_hand" not in read(text)


# --- A bracket that explains a figure by its packages holds no figure of its own ---------------------


def test_a_bracket_explaining_a_difference_by_a_box_holds_no_figure() -> None:
    got = read("Ralat pak, yg sampai kemarin 1.100 kpg bukan 1.000 (ada 1 dus tambahan 100). Mohon dicatat.")
    assert "requested" not in got
    assert read("Mohon dikirim 1.000 keping (termasuk 2 box cadangan).") == {"requested": 1000}


# --- What the desk says it received under the name of a request is the request --------------------------

DESK_ACK = ("Permohonan 800 keping blangko KTP-el telah kami terima; sisa stok tercatat 310 keping. "
            "Permohonan sedang diproses.")


def revision(body: str, quoted_from: str) -> bytes:
    return (
        "From: disdukcapil@tanatidungkab.example\nTo: blangko@disdukcapil.kaltaraprov.example\n"
        "Subject: RE: [BLK-2026-0058] Permohonan Tambahan Blangko KTP-el\n\n"
        f"{body}\n\n-----Pesan Asli-----\nDari: {quoted_from}\nDikirim: Senin, 05 Oktober 2026 10:20\n"
        "Kepada: disdukcapil@tanatidungkab.example\nPerihal: [BLK-2026-0058] Permohonan Tambahan Blangko KTP-el\n\n"
        f"{DESK_ACK}\n"
    ).encode()


def test_a_revision_of_a_request_the_desk_said_it_received_is_a_request() -> None:
    raw = revision("Setelah kami hitung ulang, cukup 500 keping saja, tidak jadi 800.",
                   "Disdukcapil Prov. Kaltara <blangko@disdukcapil.kaltaraprov.example>")
    got = read_message(raw, DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()
    assert (got["kind"], got["requested"], got["received"]) == ("request", 500, None)


# --- A figure agreed to on its own settles the one proposed before it --------------------------------

THREAD = (
    "[17/09/26 07.16] Kasi: Ok ajukan 1.000 ke provinsi\n"
    "[17/09/26 07.20] Operator: Pak utk dua desa itu sekalian, 1.000 kurang. 1.500 pak?\n"
    "[17/09/26 07.22] Kasi: {agree} 1.500. Kirim email ke provinsi hari ini\n"
)


@pytest.mark.parametrize("agree", ["Ok", "Oke", "Siap", "Setuju"])
def test_a_figure_agreed_in_a_chat_settles_the_one_proposed(agree: str) -> None:
    assert read(THREAD.format(agree=agree)) == {"requested": 1500}


def test_an_agreement_before_a_figure_with_a_role_of_its_own_changes_nothing() -> None:
    assert read("Mohon tambahan 1.000 keping. Ok, sisa stok 430 keping.") == {"requested": 1000, "stock_on_hand": 430}


# --- A mail server's notice of a mailbox's quota is automated; a phishing look-alike is not -------------


def test_a_mailbox_quota_notice_is_automated() -> None:
    from mailbot.reader.automated import content_reasons

    body = "Kotak surat disdukcapil@tarakankota.example telah menggunakan 95% dari kuota 2 GB. Hapus pesan lama."
    assert "quota-notice" in content_reasons("Peringatan kuota kotak surat 95%", body)
    assert "quota-notice" in content_reasons("Mailbox quota warning", "Your mailbox has used 90% of its quota.")
    phishing = "Kotak surat Anda melebihi kuota. Klik tautan berikut untuk verifikasi akun Anda."
    assert "quota-notice" not in content_reasons("Peringatan kuota email", phishing)
    assert "quota-notice" not in content_reasons("Re: Peringatan kuota kotak surat", "Pak, kuota kami penuh.")
