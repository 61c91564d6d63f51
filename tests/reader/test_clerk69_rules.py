"""Rules for what a receipt verb received and for thousands written with a decimal point: an approval, a letter or
the news of them received is no receipt of blanks, while blanks or their shipment received stay one; "1.38 rb"
before a word of thousands is 1.380, no time of day. Each test is a short mail with words of its own."""

from __future__ import annotations

import pytest

from tests.reader.conftest import mail

NUNUKAN = "Disdukcapil Nunukan <disdukcapil@nunukankab.example>"
MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"


def _figures(read: dict[str, object]) -> dict[str, object]:
    return {f: read[f] for f in ("requested", "stock_on_hand", "received", "printed", "recorded")
            if read[f] is not None}


# --- An approval, a letter, the news of them received: no blanks ------------------------------------------------

@pytest.mark.parametrize("body", [
    "Baik Bu, terima kasih. Persetujuan 1.750 keping untuk kami sudah kami terima informasinya.",
    "Siap Pak, persetujuan blangko KTP-el 1.250 keping sudah kami terima. Kami tunggu kirimannya.",
    "Suratnya sudah diterima Pak, alokasi 900 keping untuk Nunukan kami catat.",
    "Terima kasih Bu, konfirmasinya sudah kami terima: 1.100 keping dikirim minggu ini.",
    "Terima kasih Pak, sudah kami terima balasannya, 1.300 keping disetujui.",
    "Persetujuannya sudah sampai ke meja kami pagi ini, 2.200 keping. Terima kasih.",
], ids=["news_of_approval", "approval_blanks_awaited", "letter", "confirmation", "reply", "approval_arrived"])
def test_an_approval_or_a_message_received_is_no_receipt_of_blanks(body: str) -> None:
    read = mail(NUNUKAN, "Re: Persetujuan permohonan blangko", body)
    assert read["received"] is None, read
    assert read["kind"] != "receipt", read


@pytest.mark.parametrize(("body", "received"), [
    ("Blangko KTP-el 1.750 keping sudah kami terima siang ini dalam kondisi baik.", 1750),
    ("Kiriman sesuai persetujuan 1.250 keping sudah kami terima, terima kasih.", 1250),
    ("Sesuai surat Ibu, 900 keping sudah kami terima dengan baik.", 900),
    ("Surat jalan dan blangko 1.100 keping sudah kami terima tadi pagi.", 1100),
    ("Blangko sudah diterima 2.200 keping, terima kasih Pak.", 2200),
    ("Sore pak, kabar kiriman blangko 1.400 keping sudah tiba di kantor kami pukul 15.00.", 1400),
], ids=["blanks", "shipment_as_approved", "as_the_letter_said", "waybill_and_blanks", "figure_after", "news_opener"])
def test_blanks_or_their_shipment_received_stay_a_receipt(body: str, received: int) -> None:
    read = mail(NUNUKAN, "Penerimaan blangko", body)
    assert read["kind"] == "receipt", read
    assert read["received"] == received, read


# --- Thousands with a decimal point before two digits ----------------------------------------------------------

@pytest.mark.parametrize(("body", "figures"), [
    ("lap hari ini: rekam 64, cetak 58\nsisa ktp-el 1.46 rb", {"stock_on_hand": 1460, "printed": 58, "recorded": 64}),
    ("lap hari ini: rekam 31, cetak 30, sisa blangko 2.07rb.", {"stock_on_hand": 2070, "printed": 30, "recorded": 31}),
    ("lap hari ini: rekam 40, cetak 37, sisa 1.3 rb", {"stock_on_hand": 1300, "printed": 37, "recorded": 40}),
], ids=["two_digits_spaced", "two_digits_glued", "one_digit"])
def test_a_decimal_point_before_a_word_of_thousands_makes_the_figure(body: str, figures: dict[str, int]) -> None:
    read = mail(MALINAU, "lap harian", body)
    assert read["kind"] == "stock_report", read
    assert _figures(read) == figures, read


def test_a_time_of_day_is_still_no_figure() -> None:
    read = mail(MALINAU, "lap harian", "lap jam 14.45: rekam 52, cetak 49, sisa ktp-el 1.120 keping")
    assert _figures(read) == {"stock_on_hand": 1120, "printed": 49, "recorded": 52}, read
