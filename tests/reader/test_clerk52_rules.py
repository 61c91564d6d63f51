"""Rules for a subject that says the blanks are out over a body that says what is left: the body's figure is the
stock, and an estimate there ("sekitar 300", "400an") is asked back, never read as the subject's zero. Each test is
a short mail with words and figures of its own."""

from __future__ import annotations

from tests.reader.conftest import mail

TARAKAN = "Disdukcapil Tarakan <disdukcapil@tarakankota.example>"


def _doubt(read: dict[str, object], field: str) -> str | None:
    return next((d["reason"] for d in read["doubts"] if d["field"] == field), None)  # type: ignore[index, union-attr]


def test_an_estimate_in_the_body_is_asked_back_over_the_subjects_zero() -> None:
    read = mail(TARAKAN, "Stok KTP-el habis",
                "Selamat pagi pak, blangko ktp-el kami tinggal dikit, tolong dikirim 1.500 keping. "
                "sisa di gudang kira2 250an lembar.")
    assert (read["item"], read["requested"], read["stock_on_hand"]) == ("ktp-el", 1500, None)
    assert _doubt(read, "stock_on_hand") == "unclear"


def test_an_exact_figure_in_the_body_is_the_stock_over_the_subjects_zero() -> None:
    read = mail(TARAKAN, "KIA sudah habis",
                "Mohon kirim blangko KIA 600 keping, sisa KIA kami 35 keping. Terima kasih.")
    assert (read["item"], read["requested"], read["stock_on_hand"]) == ("kia", 600, 35)
    assert _doubt(read, "stock_on_hand") is None


def test_the_subjects_zero_stands_when_the_body_gives_no_stock() -> None:
    read = mail(TARAKAN, "Blangko KTP-el habis", "Mohon dikirimkan blangko KTP-el 1.200 keping. Terima kasih.")
    assert (read["requested"], read["stock_on_hand"]) == (1200, 0)


def test_a_figure_of_the_other_blank_leaves_the_subjects_zero() -> None:
    read = mail(TARAKAN, "Blangko KIA habis",
                "Mohon dikirim blangko KIA 400 keping. Untuk KTP-el masih ada sekitar 900 keping.")
    assert (read["item"], read["requested"], read["stock_on_hand"]) == ("kia", 400, 0)
