"""Rules for a figure that ends in hundreds or millions with digits after it ("empat ratus 75", "tiga ribu dua ratus
40", "sejuta 200"), and for a multiple of a hundred with words after it ("7 ratus dua puluh"): one figure, read whole
as "seribu 500" is, or left unclear; never the hundreds or the millions alone. And a request relayed by the district
office with "tolong ajukan" / "usulkan" (its figure is the request). Each test is a short mail with its own words."""

from __future__ import annotations

from tests.reader.conftest import mail

TARAKAN = "Disdukcapil Tarakan <disdukcapil@tarakankota.example>"


def test_hundreds_in_words_then_digits_are_read_whole() -> None:
    read = mail(TARAKAN, "permintaan blangko KIA", "Mohon kiriman blangko KIA empat ratus 75 keping, stok tinggal 20.")
    assert read["requested"] == 475 and read["stock_on_hand"] == 20


def test_thousands_and_hundreds_in_words_then_digits_are_read_whole() -> None:
    read = mail(TARAKAN, "permohonan blangko", "Dengan hormat, kami memohon blangko KTP-el tiga ribu dua ratus 40 "
                "lembar untuk perekaman di sekolah.")
    assert read["requested"] == 3240


def test_digits_with_thousands_and_hundreds_then_digits_are_read_whole() -> None:
    read = mail(TARAKAN, "permohonan blangko", "Pak, kami minta blangko KTP-el 1 ribu 8 ratus 25 kpg ya. Sisa 60 kpg.")
    assert read["requested"] == 1825 and read["stock_on_hand"] == 60


def test_a_multiple_of_a_hundred_in_digits_then_words_below_it_is_read_whole() -> None:
    read = mail(TARAKAN, "permohonan blangko", "Mohon dikirimkan blangko KTP-el 7 ratus dua puluh keping bulan ini.")
    assert read["requested"] == 720


def test_hundreds_then_digits_of_a_hundred_or_more_are_no_hundreds_alone() -> None:
    read = mail(TARAKAN, "permohonan blangko", "Mohon dikirimkan blangko KIA lima ratus 250 keping secepatnya.")
    assert read["requested"] is None and [d["reason"] for d in read["doubts"]] == ["conflict"]


def test_millions_then_digits_are_no_millions_alone() -> None:
    read = mail(TARAKAN, "permohonan blangko", "Kami mohon blangko KTP-el sejuta 200 keping untuk tahun depan.")
    assert read["requested"] is None and [d["reason"] for d in read["doubts"]] == ["conflict"]


# A request relayed by the district office: the office's own words on top, the colleague's mail below an Outlook
# header block, telling the office to put the request forward. Its figure is the request, not a role to ask about.
_RELAYED = ("Yth. Bidang PIAK Provinsi,\nberikut kami teruskan permintaan dari seksi perekaman.\n\nSalam,\nRina\n\n"
            "Dari: Seksi Perekaman <rekam@tarakankota.example>\nDikirim: Selasa, 08 Desember 2026 07.55\n"
            "Kepada: Disdukcapil Tarakan <disdukcapil@tarakankota.example>\nPerihal: blangko KIA\n\n"
            "Bu, {verb} ke provinsi blangko KIA sebanyak 1 ribu 200 keping, stok di kantor tinggal 45 lembar.")


def test_a_relayed_request_telling_a_colleague_to_put_it_forward_is_read() -> None:
    for verb in ("tolong ajukan", "tlg usulkan"):
        read = mail(TARAKAN, "FW: blangko KIA", _RELAYED.format(verb=verb))
        assert (read["kind"], read["requested"], read["stock_on_hand"]) == ("request", 1200, 45), verb
        assert read["doubts"] == [], verb
