"""Rules for a kecamatan's mail forwarded by its district: the figures a kecamatan writes are its own, not the
district's stock, request or receipt, whether forwarded inline, attached as a message or nested a few forwards
deep, unless the district's own words take them up or the figure is said of the district's own store; a person
reads them, none is booked. Each test is a short mail with words and figures of its own."""

from __future__ import annotations

from typing import Any

from mailbot.reader import read_message
from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES, mail

NUNUKAN = "Disdukcapil Nunukan <disdukcapil@nunukankab.example>"
BULUNGAN = "Disdukcapil Bulungan <disdukcapil@bulungankab.example>"
SEPARATOR = "---------- Forwarded message ---------"


def attached(sender: str, subject: str, inner: str, depth: int = 1) -> dict[str, Any]:
    """A mail from *sender* whose whole body is a message attached as message/rfc822 *depth* times over, the
    innermost being *inner* (its header lines and body), read as `mailbot parse --json` shows it."""
    wrap = f"From: {sender}\nSubject: Fw: {subject}\nContent-Type: message/rfc822\n\n"
    wraps = wrap * (depth - 1)
    raw = (
        f"From: {sender}\nTo: {OWN_ADDRESSES[0]}\nSubject: {'Fw: ' * depth}{subject}\nMIME-Version: 1.0\n"
        f"Content-Type: message/rfc822\n\n{wraps}{inner}\n"
    ).encode()
    return read_message(raw, DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()


def doubted(read: dict[str, Any]) -> set[str]:
    return {d["field"] for d in read["doubts"]}


def test_an_inline_forward_of_a_kecamatans_stock_with_no_words_of_the_district_books_no_stock() -> None:
    read = mail(
        NUNUKAN, "Fw: blangko kecamatan",
        f"{SEPARATOR}\nDari: Kec Lumbis <kec.lumbis@nunukankab.example>\nSubject: blangko kecamatan\n\n"
        "stok blangko ktp di kecamatan tinggal 25 keping",
    )
    assert read["stock_on_hand"] is None
    assert "stock_on_hand" in doubted(read)


def test_an_inline_forward_from_a_camat_with_no_place_words_books_no_stock() -> None:
    # the figure is said plainly; only the forwarded sender says it is the kecamatan's
    read = mail(
        NUNUKAN, "Fwd: sisa blangko",
        f"{SEPARATOR}\nDari: Camat Sembakung <camat.sembakung@gmail.com>\nSubject: sisa blangko\n\n"
        "Sisa blangko KTP-el 60 keping.",
    )
    assert read["stock_on_hand"] is None and "stock_on_hand" in doubted(read)


def test_a_kecamatans_mail_attached_as_a_message_books_no_stock() -> None:
    read = attached(
        NUNUKAN, "stok kecamatan",
        "From: Kec Lumbis <kec.lumbis@nunukankab.example>\nSubject: stok kecamatan\n\nsisa blangko sekarang 25 keping",
    )
    assert read["stock_on_hand"] is None and "stock_on_hand" in doubted(read)


def test_a_kecamatans_mail_nested_three_forwards_deep_books_no_stock() -> None:
    read = attached(
        NUNUKAN, "stok",
        "From: Kec Lumbis <kec.lumbis@nunukankab.example>\nSubject: stok\n\nsisa blangko di kecamatan 25 keping",
        depth=3,
    )
    assert read["stock_on_hand"] is None and "stock_on_hand" in doubted(read)


def test_a_figure_said_at_the_kecamatan_in_a_bare_forward_is_no_stock_of_the_district() -> None:
    # no header names the writer: the sentence puts the figure at the kecamatan
    read = mail(NUNUKAN, "Fw: info", f"{SEPARATOR}\n\nsisa blangko di kantor camat 18 keping")
    assert read["stock_on_hand"] is None and "stock_on_hand" in doubted(read)


def test_a_kecamatans_ask_and_receipt_signed_by_the_camat_are_not_the_districts() -> None:
    read = mail(
        BULUNGAN, "Fw: permohonan",
        f"{SEPARATOR}\nFrom: Pelayanan <pelayanan.tanjungpalas@gmail.com>\nSubject: permohonan\n\n"
        "Kiriman 150 keping bulan lalu sudah kami terima. Mohon dikirim lagi 300 keping.\n\nHormat kami,\n"
        "Camat Tanjung Palas",
    )
    assert read["requested"] is None and read["received"] is None
    assert {"requested"} <= doubted(read)


def test_the_districts_words_asking_for_the_kecamatans_need_take_up_its_ask_but_not_its_stock() -> None:
    read = mail(
        NUNUKAN, "Fw: kebutuhan kecamatan",
        "Mohon dikirim sesuai kebutuhan kecamatan kami di bawah ini.\n\n"
        f"{SEPARATOR}\nDari: Kec Lumbis <kec.lumbis@nunukankab.example>\nSubject: kebutuhan\n\n"
        "Kebutuhan blangko 400 keping, sisa di kecamatan 25 keping.",
    )
    assert read["kind"] == "request" and read["requested"] == 400
    assert read["stock_on_hand"] is None


def test_the_districts_own_mail_forwarded_again_keeps_its_stock() -> None:
    read = mail(
        NUNUKAN, "Fw: laporan harian",
        f"{SEPARATOR}\nDari: Disdukcapil Nunukan <disdukcapil@nunukankab.example>\nSubject: laporan harian\n\n"
        "Rekam 41, cetak 39, sisa blangko 1.620 keping.",
    )
    assert (read["stock_on_hand"], read["printed"], read["recorded"]) == (1620, 39, 41)


def test_a_kecamatans_figure_said_of_the_districts_own_store_stays_the_districts() -> None:
    read = mail(
        BULUNGAN, "Fwd: usulan blangko",
        "Mohon diteruskan ke provinsi.\n\n"
        f"{SEPARATOR}\nDari: Kec Tanjung Selor <kec.tanjungselor@gmail.com>\nSubject: usulan blangko\n\n"
        "Kami mohon diajukan tambahan blangko KTP-el 900 keping. Stok di gudang kabupaten saat ini 410 keping.\n\n"
        "Kasi Pelayanan Kec. Tanjung Selor",
    )
    assert read["requested"] == 900 and read["stock_on_hand"] == 410


def test_the_districts_words_vouching_for_a_kecamatans_figures_take_them_as_its_own() -> None:
    read = mail(
        NUNUKAN, "Fw: laporan stok",
        "Sudah kami periksa, angkanya benar.\n\n"
        f"{SEPARATOR}\nDari: Kec Lumbis <kec.lumbis@nunukankab.example>\nSubject: laporan stok\n\n"
        "Rekam 33, cetak 31, sisa blangko 870 keping.",
    )
    assert (read["stock_on_hand"], read["printed"], read["recorded"]) == (870, 31, 33)


def test_a_report_of_the_districts_own_operator_posted_at_a_kecamatan_stays_the_districts() -> None:
    read = mail(
        NUNUKAN, "Fwd: lap harian",
        f"{SEPARATOR}\nDari: Petugas Kec. Nunukan Selatan <capil.nunsel@gmail.com>\nSubject: lap harian\n\n"
        "Lap harian: rekam 27, cetak 25, sisa blangko 1.905",
    )
    assert (read["stock_on_hand"], read["printed"], read["recorded"]) == (1905, 25, 27)
