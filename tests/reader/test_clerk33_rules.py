"""Rules from an outside test of district replies to the desk's own mail, e-office notifications that carry a
district's letter and mail from sub-district offices; each test is a short mail with other words and figures."""

from __future__ import annotations

from tests.reader.conftest import mail

MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"


def test_an_office_writing_for_itself_asks_but_its_stock_is_not_the_districts() -> None:
    read = mail("Operator Kayan <upt.kayanhilir@gmail.com>", "Blangko untuk UPT",
                "Selamat siang,\nSaya operator UPT Disdukcapil Kecamatan Kayan Hilir (Kab. Malinau). Sisa blangko "
                "kami tinggal 45 keping. Mohon bantuan 250 keping untuk kantor kami.\n\nYosef")
    assert read["kind"] == "request" and read["requested"] == 250
    assert read["stock_on_hand"] is None
    assert any(d["field"] == "stock_on_hand" for d in read["doubts"])


def test_an_office_signing_as_upt_states_its_own_stock() -> None:
    read = mail("Petugas Krayan <krayan.capil@gmail.com>", "minta blangko",
                "Pak, stok di kantor kami tinggal 30 keping, mohon dikirim 200 keping.\n\nMarkus\n"
                "UPT Dukcapil Kec. Krayan Tengah\nKab. Nunukan")
    assert read["requested"] == 200 and read["stock_on_hand"] is None


def test_an_office_that_gives_the_districts_stock_is_read() -> None:
    read = mail("Operator Kayan <upt.kayanhilir@gmail.com>", "Blangko",
                "Kami dari UPT Kayan Hilir. Stok kabupaten menurut gudang dinas tinggal 400 keping, "
                "mohon dikirim 1.000 keping.\n\nYosef")
    assert read["requested"] == 1000 and read["stock_on_hand"] == 400


def test_the_rest_of_a_partly_approved_request_asked_for_is_the_ask() -> None:
    read = mail(MALINAU, "Re: [BLK-2026-0077] permohonan KTP-el",
                "Baik pak, yang 900 kami tunggu kiriman. Sisanya 600 keping mohon dapat dikirim bulan depan.")
    assert read["kind"] == "request" and read["requested"] == 600
    assert read["stock_on_hand"] is None


def test_the_rest_of_a_shipment_that_partly_came_is_no_ask() -> None:
    read = mail(MALINAU, "Re: [BLK-2026-0077] kiriman",
                "Terima kasih, blangko yang tiba baru 700 keping. Sisanya 300 keping mohon bisa dikirim.")
    assert read["requested"] is None and read["stock_on_hand"] is None
