"""Rules from a fifth, independent set of district mail: approximate multiples, identity numbers,
citizens, shipments still on their way, corrections, the desk's own mail forwarded back, requests for
supplies and documents, bulletins, report shorthand, running out of blanks, zero stock, chases."""

from __future__ import annotations

import pytest

from mailbot.reader import read_message
from mailbot.reader.numbers import find_mentions, mask_non_quantities, normalise
from mailbot.reader.roles import current_requests, read_text, settle
from tests.reader.conftest import DISTRICTS


def read(text: str, restated: frozenset[int] = frozenset()) -> dict[str, int]:
    candidates, unassigned = read_text(text, normalise(text), restated=restated)
    return dict(settle(current_requests(candidates), unassigned).values)


def mail(body: str, subject: str = "blangko", sender: str = "disdukcapil@nunukankab.example") -> bytes:
    return f"From: {sender}\nTo: blangko@x.example\nSubject: {subject}\n\n{body}".encode()


# --- Approximate multiples -------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["2 ribuan", "2 rbuan", "2 ribu-an", "2 ratusan", "2 puluhan", "2 jutaan"])
def test_a_multiplier_that_did_not_multiply_leaves_an_estimate(text: str) -> None:
    (m,) = find_mentions(normalise(f"mohon dikirim blangko {text} ya"))
    assert m.approximate


def test_an_estimated_multiple_is_never_read_as_the_bare_digit() -> None:
    v = read_message(mail("pak mohon dikirim blangko 2 ribuan ya, stok tinggal 1.240"), DISTRICTS)
    assert v.requested is None and v.stock_on_hand == 1240
    assert [d.reason for d in v.doubts if d.field == "requested"] == ["unclear"]


def test_plain_multipliers_still_multiply() -> None:
    assert [m.value for m in find_mentions(normalise("mohon 2 ribu keping, sisa 1,5 rb"))] == [2000, 1500]


# --- Identity numbers and citizens -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "NIK saya 6503xxxxxxxx0004", "nik: 6503 0000 1111 0004", "No. KK anak saya 6504****0009",
        "no HP saya 0852-4611-2390", "nomor kk 6571xxxx", "6503XXXXXXXX0004",
    ],
)
def test_identity_numbers_are_masked(text: str) -> None:
    low = normalise("Mohon bantuannya, " + text + ".")
    assert not any(ch.isdigit() for ch in mask_non_quantities(low))


def test_a_citizen_complaint_is_other_with_no_figures() -> None:
    body = "Saya warga Nunukan, KTP-el saya belum jadi. Mohon bantuannya, NIK saya 6503xxxxxxxx0004."
    v = read_message(mail(body, "KTP-el saya belum jadi", "andi@gmail.example"), DISTRICTS)
    assert v.kind == "other" and v.requested is None and v.district is None


# --- Shipments still on their way --------------------------------------------------------------------


@pytest.mark.parametrize("tail", ["belum sampai", "masih dalam perjalanan", "blm tiba", "akan menyusul"])
def test_the_rest_of_a_shipment_is_no_stock(tail: str) -> None:
    got = read(f"Baru kami terima 1.000 keping dari 2.000 keping yang disetujui; sisanya 1.000 keping {tail}.")
    assert got == {"received": 1000}


def test_a_stock_figure_with_a_late_shipment_as_its_cause_stays() -> None:
    assert read("sisa stok 300 keping karena kiriman belum sampai, mohon tambahan 1.000 keping") == {
        "stock_on_hand": 300, "requested": 1000,
    }


# --- Corrections -------------------------------------------------------------------------------------


def test_a_correction_without_a_role_takes_the_role_before_it() -> None:
    got = read("Kami mohon tambahan blangko sebanyak 1.500 keping.\n"
               "Ralat: yang benar 2.000 (dua ribu) keping, mohon maaf.")
    assert got == {"requested": 2000}


def test_a_correction_with_its_role_replaces_that_figure_only() -> None:
    got = read("perekaman 160, pencetakan 148, sisa blangko 1.560\nRalat: pencetakan yg benar 158, sisa tetap 1.560.")
    assert got == {"recorded": 160, "printed": 158, "stock_on_hand": 1560}


def test_a_correction_after_figures_of_two_roles_is_asked_back() -> None:
    got = read("sisa kami 400 keping, mohon tambahan 1.000 keping.\nRalat: yang benar 1.500 keping.")
    assert "requested" not in got and "stock_on_hand" not in got


# --- The desk's own mail forwarded back ---------------------------------------------------------------


def test_a_forwarded_desk_approval_is_old_news() -> None:
    body = (
        "kiriman blangko 1.000 keping sudah kami terima kemarin sore.\n\n"
        "---------- Forwarded message ---------\nDari: Desk <blangko@disdukcapil.kaltaraprov.example>\n"
        "Subject: [BLK-1] Permintaan blangko disetujui\n\n"
        "Permintaan blangko KTP-el Saudara sebanyak 1.000 keping (nomor referensi BLK-1) "
        "DISETUJUI sebanyak 1.000 keping.\n"
    )
    raw = mail(body, "Fwd: [BLK-1] Permintaan blangko disetujui", "rina@gmail.example")
    v = read_message(raw, DISTRICTS, own_addresses=("blangko@disdukcapil.kaltaraprov.example",))
    assert (v.kind, v.received, v.requested) == ("receipt", 1000, None)


def test_a_forwarded_district_request_still_counts() -> None:
    body = (
        "Mohon ditindaklanjuti.\n\n---------- Forwarded message ---------\nDari: Ops <ops@nunukankab.example>\n"
        "Subject: blangko\n\nmohon tambahan 1.200 keping, sisa 300\n"
    )
    v = read_message(mail(body, "Fwd: blangko"), DISTRICTS, own_addresses=("blangko@disdukcapil.kaltaraprov.example",))
    assert (v.kind, v.requested, v.stock_on_hand) == ("request", 1200, 300)


# --- Requests for what is not a blank ------------------------------------------------------------------


def test_a_supply_request_is_no_blank_request() -> None:
    body = ("pak mohon dikirim ribbon printer 10 roll sama film/overlay 5 roll, ribbon kami tinggal 2 roll. "
            "blangko masih ada")
    assert read_message(mail(body, "ribbon printer"), DISTRICTS).kind == "other"


def test_a_document_request_after_fillers_is_no_blank_request() -> None:
    body = "mohon kiranya kami dapat dikirimkan data rekap penerimaan blangko KTP-el periode Januari s.d. Juni."
    assert read_message(mail(body, "Permohonan data rekap penerimaan blangko"), DISTRICTS).kind == "other"


# --- Bulletins, shorthand, running out, zero stock, chases ---------------------------------------------


def test_a_bulletin_names_districts_as_news() -> None:
    raw = (
        b"From: buletin@dukcapil.example\nTo: blangko@x.example\nSubject: Buletin\nPrecedence: bulk\n"
        b"List-Unsubscribe: <https://x.example/u>\n\nKabupaten Nunukan raih penghargaan.\n"
    )
    v = read_message(raw, DISTRICTS)
    assert v.kind == "automated" and v.district is None


def test_report_shorthand() -> None:
    assert read("lap 24/7 rkm 120 ctk 96 sisa 690") == {"recorded": 120, "printed": 96, "stock_on_hand": 690}


def test_cannot_print_for_want_of_blanks_is_a_need_but_a_broken_printer_is_not() -> None:
    need = read_message(mail("blangkonya blm sampai, mohon dicek. kami sdh tdk bs cetak", "Re: disetujui"), DISTRICTS)
    assert need.kind == "request" and need.requested is None
    fault = read_message(mail("Printer kartu error, pencetakan terhenti. Mohon bantuan teknisi."), DISTRICTS)
    assert fault.kind == "other"


@pytest.mark.parametrize("phrase", ["tdk ada sisa", "tidak ada sisa lagi", "tidak tersisa"])
def test_nothing_left_is_zero_stock(phrase: str) -> None:
    assert read(f"pak blangko KIA kami {phrase}, mohon tambahan KIA 1.000 keping.") == {
        "stock_on_hand": 0, "requested": 1000,
    }


def test_nothing_left_of_a_supply_is_no_stock() -> None:
    assert "stock_on_hand" not in read("ribbon kami tidak ada sisa, mohon tambahan blangko 1.000 keping")


def test_a_chase_restates_the_writers_own_earlier_request() -> None:
    text = "pak mohon info, yg 2.500 minggu lalu kapan dikirim? stok sisa 720"
    assert read(text, frozenset({2500})) == {"requested": 2500, "stock_on_hand": 720}
    assert read(text) == {"stock_on_hand": 720}
    assert read(text, frozenset({3000})) == {"stock_on_hand": 720}


def test_a_chase_quoting_the_writers_own_mail() -> None:
    body = (
        "pak mohon info, yg 2.500 minggu lalu kapan dikirim? stok sisa 720\n\n"
        "Pada Kam, 20 Agu 2026 pukul 08.50 Ops <disdukcapil@nunukankab.example> menulis:\n"
        "> pak, usul tambahan blangko 2.500 keping. sisa 1.420.\n"
    )
    v = read_message(mail(body, "Re: usul tambahan blangko"), DISTRICTS)
    assert (v.kind, v.requested, v.stock_on_hand) == ("request", 2500, 720)


def test_a_figure_of_weeks_ago_is_no_count_of_weeks() -> None:
    (m,) = find_mentions(normalise("yg 2.500 minggu lalu"))
    assert m.unit is None
    (m,) = find_mentions(normalise("2 minggu lalu"))
    assert m.unit == "other"
