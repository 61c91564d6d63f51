"""Rules from a third, independent set of district mail: printer supplies, abbreviations, a zero
stock, news items, requests for documents, a section per blank, typos, delivery failures."""

from __future__ import annotations

import pytest

from mailbot.reader import read_message
from mailbot.reader.classify import is_news, kind_of
from mailbot.reader.numbers import find_mentions, normalise
from mailbot.reader.roles import read_text, settle
from tests.reader.conftest import DISTRICTS


def read(text: str) -> dict[str, int | None]:
    candidates, unassigned = read_text(text, normalise(text))
    return dict(settle(candidates, unassigned).values)


def mail(body: str, subject: str = "blangko", sender: str = "disdukcapil@nunukankab.example") -> bytes:
    return f"From: {sender}\nTo: blangko@x.example\nSubject: {subject}\n\n{body}".encode()


# --- Printer supplies ------------------------------------------------------------------------------


@pytest.mark.parametrize("unit", ["roll", "rol", "rim", "botol", "set", "unit", "dus", "lusin", "cartridge"])
def test_a_unit_of_supplies_is_no_unit_of_blanks(unit: str) -> None:
    (m,) = find_mentions(f"tinggal 2 {unit}")
    assert m.unit == "other"
    assert read(f"Sisa kami tinggal 2 {unit}.") == {}


def test_a_figure_said_of_a_supply_counts_no_blanks() -> None:
    assert read("Sisa ribbon kami tinggal 12, mohon info.") == {}
    assert read("Stok tinta printer 15.") == {}


def test_a_supply_named_in_another_part_of_the_clause_does_not_disqualify() -> None:
    assert read("Ribbon sudah habis, mohon tambahan 1.000 keping, sisa blangko 300.") == {
        "requested": 1000,
        "stock_on_hand": 300,
    }
    assert read("Sisa ribbon dan blangko 450 keping.") == {"stock_on_hand": 450}


# --- Abbreviations and zero ----------------------------------------------------------------------


def test_an_abbreviation_full_stop_ends_no_clause() -> None:
    # the zero is the stock of the clause "stok blangko kab. nunukan habis (0 keping)", which "kab." does not end
    assert read("stok blangko kab. nunukan habis (0 keping). mohon 2.000") == {"stock_on_hand": 0, "requested": 2000}
    assert read("Stok blangko Kab. Nunukan sudah habis. 0 keping tercetak hari ini") == {"stock_on_hand": 0,
                                                                                        "printed": 0}


def test_a_sentence_full_stop_still_ends_the_clause() -> None:
    # "0 keping tercetak" is a clause of its own after "habis.": the day's printing, beside the stock said empty
    assert read("Stok blangko sudah habis. 0 keping tercetak hari ini") == {"stock_on_hand": 0, "printed": 0}
    assert read("sisa 300 keping. mohon 1.000 keping") == {"stock_on_hand": 300, "requested": 1000}
    assert read("sudah kami terima dari kab. tarakan. sisa 1.200") == {"stock_on_hand": 1200}


def test_zero_stock_is_a_real_figure() -> None:
    assert read("Stok blangko KTP-el Kab. Nunukan sudah habis (0 keping) sejak siang.") == {"stock_on_hand": 0}
    v = read_message(mail("Stok blangko Kec. Sebatik kosong, sisa 0 keping. Mohon dikirim 1.500 keping."), DISTRICTS)
    assert (v.kind, v.stock_on_hand, v.requested) == ("request", 0, 1500)


def test_a_receipt_across_an_abbreviation() -> None:
    v = read_message(
        mail(
            "blangko KTP-el 1.000 keping untuk Disdukcapil Kab. Malinau telah diterima kemarin.",
            "Re: blangko",
            "x@gmail.example",
        ),
        DISTRICTS,
    )
    assert (v.kind, v.received, v.district, v.sender_known) == ("receipt", 1000, "65.02", False)


# --- News items ------------------------------------------------------------------------------------


def test_a_news_subject_or_dateline_is_news() -> None:
    assert is_news("berita radar kaltara - 97 ribu blangko", "")
    assert not is_news("berita acara serah terima blangko", "")
    assert is_news("info", "TANJUNG SELOR - Disdukcapil Kaltara memiliki sekitar 97 ribu blangko KTP-el.")
    assert is_news("info", "TARAKAN, Benuanta - Pemerintah kota meminta tambahan blangko.")
    # A letterhead's place line and a shouted subject line are no dateline.
    assert not is_news("info", "TARAKAN - KALIMANTAN UTARA 77111")
    assert not is_news("info", "URGENT - blangko habis, mohon dikirim")


def test_a_forwarded_news_item_states_no_request() -> None:
    body = (
        "Sekadar info pak.\n\n---------- Forwarded message ---------\nFrom: Humas <humas@x.example>\n"
        "Subject: Berita\n\nNUNUKAN - Disdukcapil Nunukan mengajukan tambahan 3.000 keping blangko karena\n"
        "stok tinggal 600 keping.\n"
    )
    v = read_message(mail(body, "Fwd: Stok blangko"), DISTRICTS)
    assert (v.kind, v.requested, v.stock_on_hand, v.item) == ("other", None, None, None)


# --- Requests for documents --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mohon dikirimkan data rekap stok blangko per kabupaten/kota",
        "mohon dikirimkan kembali format laporan stok blangko",
        "minta dikirim template laporan harian blangko ya pak",
    ],
)
def test_a_request_for_a_document_asks_for_no_blanks(text: str) -> None:
    assert kind_of(text, set(), set(), False) == "other"


def test_a_request_for_blanks_with_a_document_beside_it_still_asks() -> None:
    assert kind_of("mohon dikirimkan blangko dan berita acaranya", set(), set(), False) == "request"


# --- A section per blank -------------------------------------------------------------------------


def test_figures_take_the_blank_of_their_section_heading() -> None:
    body = (
        "Laporan harian\n\nKTP-el\n  Perekaman : 80\n  Pencetakan : 75\n  Sisa blangko : 1.900\n\n"
        "KIA\n  Tercetak : 12\n  Sisa blangko : 700\n"
    )
    v = read_message(mail(body, "Laporan harian"), DISTRICTS)
    assert (v.kind, v.item, v.recorded, v.printed, v.stock_on_hand) == ("stock_report", "ktp-el", 80, 75, 1900)


def test_a_kia_only_section_report_is_kia() -> None:
    body = "Laporan harian\n\nBlangko KIA:\n  Pencetakan : 31\n  Sisa : 640\n"
    v = read_message(mail(body, "Laporan harian"), DISTRICTS)
    assert (v.item, v.printed, v.stock_on_hand) == ("kia", 31, 640)


def test_both_blanks_in_one_line_give_a_reading_each() -> None:
    # A report with figures for both blanks is read for KTP-el, with the KIA figures beside it.
    v = read_message(mail("Laporan stok: sisa blangko KTP-el 2.100 keping, sisa blangko KIA 640 keping."), DISTRICTS)
    assert (v.item, v.stock_on_hand) == ("ktp-el", 2100)
    assert [(r.item, r.stock_on_hand) for r in v.readings] == [("ktp-el", 2100), ("kia", 640)]


# --- Typos ---------------------------------------------------------------------------------------


def test_typos_of_report_words_keep_their_roles() -> None:
    assert read("perkaman 133, pencetkan 121, sisa blanko 2.289") == {
        "recorded": 133,
        "printed": 121,
        "stock_on_hand": 2289,
    }


# --- Delivery failures -----------------------------------------------------------------------------


def test_a_delivery_failure_names_no_district() -> None:
    raw = (
        b"From: MAILER-DAEMON@mx.example\nSubject: Undelivered Mail Returned to Sender\n\n"
        b"Your message could not be delivered.\n\n---------- Forwarded message ---------\n"
        b"Yth. Disdukcapil Kabupaten Tana Tidung, permohonan 1.000 keping disetujui.\n"
    )
    v = read_message(raw, DISTRICTS)
    assert (v.kind, v.district) == ("automated", None)


def test_an_out_of_office_from_an_unknown_address_speaks_for_no_district() -> None:
    raw = b"From: auto@x.example\nSubject: Out of office\n\nSaya sedang cuti. Disdukcapil Kabupaten Malinau.\n"
    v = read_message(raw, DISTRICTS)
    assert (v.kind, v.district) == ("automated", None)
