"""Who the mail speaks for decides whether it can be a district's request, receipt or report: a
colleague at the province's own domain writes for no district, and an address on no district's list
that names no district it writes for is a district's mail only in a district's own words."""

from __future__ import annotations

from mailbot.reader import read_message
from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES


def read(sender: str, subject: str, body: str, attachment: str = ""):  # type: ignore[no-untyped-def]
    head = f"From: {sender}\nTo: blangko@disdukcapil.kaltaraprov.example\nSubject: {subject}\n"
    if attachment:
        raw = (
            head + 'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="B"\n\n'
            f"--B\nContent-Type: text/plain\n\n{body}\n--B\nContent-Type: text/csv\n"
            f'Content-Disposition: attachment; filename="data.csv"\n\n{attachment}\n--B--\n'
        )
    else:
        raw = head + "\n" + body
    return read_message(raw.encode(), DISTRICTS, own_addresses=OWN_ADDRESSES)


def test_a_colleague_at_the_province_writes_for_no_district() -> None:
    verdict = read(
        "Kabid PIAK <kabid.piak@disdukcapil.kaltaraprov.example>",
        "Tolong siapkan rekap stok",
        "Tolong siapkan rekap stok blangko. Stok gudang provinsi 61.300 keping setelah kirim 2.000 ke Malinau.\n",
    )
    assert (verdict.kind, verdict.district, verdict.item, verdict.requested) == ("other", None, None, None)


def test_the_same_words_from_a_district_address_are_its_request() -> None:
    verdict = read("Disdukcapil Malinau <disdukcapil@malinaukab.example>", "Permohonan",
                   "Sisa stok 300, mohon dikirim blangko KTP-el 2.000 keping ke Malinau.\n")
    assert (verdict.kind, verdict.district, verdict.requested) == ("request", "65.02", 2000)


def test_a_vendors_quotation_with_a_spreadsheet_is_no_stock_report() -> None:
    verdict = read(
        "CardTech <sales@cardtech.example>", "Quotation: smart card blanks",
        "Please find attached our quotation for 10,000 card blanks. Stock available: 250,000 pcs.\n",
        "Item;Qty;Unit price\nBlangko KTP-el;10000;0.85\n",
    )
    assert (verdict.kind, verdict.item, verdict.stock_on_hand) == ("other", None, None)


def test_a_researchers_sample_table_is_no_receipt() -> None:
    verdict = read(
        "Peneliti <peneliti@univ.example>", "Permohonan data blangko",
        "Kami sedang meneliti ketersediaan blangko. Terlampir format isian sebagai contoh. Mohon bantuannya.\n",
        "kabupaten;tahun;blangko_diterima;dicetak\nBulungan;2024;12000;11500\n",
    )
    assert (verdict.kind, verdict.received) == ("other", None)


def test_a_circular_about_the_nations_need_is_no_request() -> None:
    verdict = read(
        "TU Ditjen <tu@dukcapil.example>", "Surat Edaran Distribusi Blangko",
        "Dalam rangka pemenuhan kebutuhan blangko KTP-el tahun 2026, disediakan 4,2 juta keping secara nasional.\n",
    )
    assert (verdict.kind, verdict.requested) == ("other", None)


def test_an_unknown_office_asking_in_its_own_words_is_still_a_request() -> None:
    verdict = read("Admin <admincapil2022@mail.example>", "minta blangko",
                   "Selamat siang,\nkami mohon dikirim blangko KTP-el 1000 keping ke kantor kami.\nTerima kasih\n")
    assert (verdict.kind, verdict.requested, verdict.district) == ("request", 1000, None)


def test_an_unknown_address_signing_for_a_district_reports_for_it() -> None:
    verdict = read("Operator <operator.ktt@gmail.example>", "stok",
                   "Stok blangko KTP-el kami tinggal 420 keping.\n\nSalam,\nOperator Disdukcapil Kab. Tana Tidung\n")
    assert (verdict.kind, verdict.district, verdict.stock_on_hand) == ("stock_report", "65.04", 420)


def test_an_unknown_address_naming_two_districts_speaks_for_the_one_it_signs_for() -> None:
    verdict = read(
        "Operator <operator.capil@gmail.example>", "permohonan",
        "Mohon tambahan blangko KTP-el 1.000 keping, seperti yang dikirim ke Kab. Malinau kemarin.\n"
        "Stok kami tinggal 150 keping.\n\nSalam,\nOperator Disdukcapil Kab. Nunukan\n",
    )
    assert (verdict.kind, verdict.district, verdict.requested) == ("request", "65.03", 1000)


def test_two_districts_and_no_signature_name_neither() -> None:
    verdict = read(
        "Operator <operator.capil@gmail.example>", "permohonan",
        "Mohon tambahan blangko KTP-el untuk Nunukan dan Malinau masing-masing 1.000 keping.\n\nTerima kasih\n",
    )
    assert verdict.district is None


def test_an_address_at_the_provinces_domain_signing_for_a_district_speaks_for_it() -> None:
    verdict = read(
        "Operator <capil.nunukan@disdukcapil.kaltaraprov.example>", "Permohonan",
        "Mohon tambahan blangko KTP-el 1.000 keping, stok kami 200 keping.\n\n"
        "Salam,\nOperator Disdukcapil Kab. Nunukan\n",
    )
    assert (verdict.kind, verdict.district, verdict.requested) == ("request", "65.03", 1000)
