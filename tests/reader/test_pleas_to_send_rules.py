"""Rules for a plea to send blanks said with a few words between the asking and the sending ("mohon bantuannya
dikirim"), or a sentence opened by a form of "kirim" told to the office ("Kirimi pang ..."): a request asked back
for its figure, never a daily report of the empty stock it states; each test is a short mail with other words."""

from __future__ import annotations

import pytest

from tests.reader.conftest import mail

MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"


@pytest.mark.parametrize("body", [
    "Selamat pagi pak. Stok blangko KIA kami sudah nol, warga menunggu. Mohon kiranya segera dikirimkan.",
    "blangko ktp-el kosong bu, tolong bantuannya dikirim secepatnya ya",
    "Sisa blangko e-KTP kami habis pak. Mohon bantuan pengirimannya.",
    "Pak, blangko kami habis, kada ada lagi. Kirimi pang blangko KTP-el.",
    "Stok blangko sudah habis semua. Kirim lagi bu.",
    "blangko kami sdh 0 pak. Pak, kirimkan segera ya",
    "bu stok ktp el kosong, kirim lagi secepatnya",
    "Pak blangko KIA kami habis; kirimin lagi ya pak",
], ids=["mohon_kiranya_segera", "tolong_bantuannya", "bantuan_pengiriman", "kirimi_pang", "kirim_lagi_bu",
        "pak_kirimkan", "after_a_comma", "after_a_semicolon"])
def test_a_plea_to_send_is_a_request_asked_for_its_figure(body: str) -> None:
    read = mail(MALINAU, "blangko", body)
    assert read["kind"] == "request" and read["requested"] is None, read
    assert any(d["field"] == "requested" and d["reason"] == "missing" for d in read["doubts"]), read


@pytest.mark.parametrize("body", [
    "Kirim laporan harian: perekaman 40, pencetakan 35, sisa stok blangko 0.",
    "Mohon maaf pak, laporan stok blangko kami kirimkan terlambat. Sisa stok 0.",
    "Stok blangko KTP-el kami sudah habis pak.",
    "Laporan sudah kami kirim lagi pak: sisa blangko 0.",
    "Mulai bulan depan mohon bantuan pengiriman blangko ke kantor UPT kami di Sesayap.",
], ids=["kirim_laporan", "mohon_maaf_kami_kirimkan", "habis_no_plea", "kami_kirim_lagi", "pengiriman_ke_alamat"])
def test_the_writers_own_sending_or_a_bare_report_asks_nothing(body: str) -> None:
    read = mail(MALINAU, "Laporan stok", body)
    assert read["kind"] != "request", read
