"""Rules for catch-up mail after an outage: a pasted table's figure wrapped at its thousands dot, thousands marked
with an apostrophe, the rest of a shipment placed by its courier's word, and days reported together (listed in the
title, or a column per day the lead-in says is joined); each test is a short mail with other words and figures."""

from __future__ import annotations

import pytest

from tests.reader.conftest import mail

MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"
NUNUKAN = "Disdukcapil Nunukan <disdukcapil@nunukankab.example>"


def test_a_figure_wrapped_at_its_thousands_dot_is_made_whole() -> None:
    body = (
        "Rekap dari layar aplikasi:\n\n"
        "Tgl        Rekam      Cetak      Sisa\n"
        "14/02/     96         120        2.\n"
        "2027                             415\n\n"
        "Terima kasih"
    )
    read = mail(MALINAU, "Laporan harian 14 Februari", body)
    assert read["stock_on_hand"] == 2415
    assert (read["printed"], read["recorded"]) == (120, 96)


def test_a_figure_cut_at_its_thousands_dot_with_nothing_under_it_is_not_read() -> None:
    body = (
        "Rekap dari layar aplikasi:\n\n"
        "Tgl        Rekam      Cetak      Sisa\n"
        "14/02      96         120        2.\n\n"
        "Terima kasih"
    )
    read = mail(MALINAU, "Laporan harian 14 Februari", body)
    assert read["stock_on_hand"] is None
    assert read["printed"] == 120


def test_thousands_marked_with_an_apostrophe_are_read_as_the_count() -> None:
    read = mail(NUNUKAN, "Laporan harian", "Rekam: 77\nCetak: 81\nSisa blangko KTP-el: 2'064\n\nSalam")
    assert read["stock_on_hand"] == 2064


def test_an_apostrophe_asked_figure_is_the_ask() -> None:
    read = mail(NUNUKAN, "Permohonan blangko", "Mohon dikirim blangko KTP-el 1'800 keping, stok kami 350 keping.")
    assert (read["requested"], read["stock_on_hand"]) == (1800, 350)


def test_the_rest_placed_by_the_couriers_word_is_no_stock() -> None:
    body = "Blangko yang sampai baru 600 keping, sisanya 900 keping menurut kurir masih tertahan di pelabuhan."
    read = mail(MALINAU, "Penerimaan blangko", body)
    assert read["received"] == 600
    assert read["stock_on_hand"] is None


def test_days_listed_in_the_title_sum_a_row_per_day_without_a_total() -> None:
    body = (
        "Berikut laporan yang tertahan:\n\n"
        "Tanggal\tPerekaman\tPencetakan\tSisa blangko\n"
        "03/02/2027\t140\t120\t1.300\n"
        "05/02/2027\t110\t90\t1.210\n\n"
        "Salam"
    )
    read = mail(NUNUKAN, "Laporan 3 dan 5 Februari", body)
    assert (read["printed"], read["recorded"], read["stock_on_hand"]) == (210, 250, 1210)


# yesterday beside today, as a district's application shows them
_TWO_DAYS = ("\tKemarin (2/3)\tHari ini (3/3)\n"
             "Perekaman\t70\t85\n"
             "Pencetakan\t64\t90\n"
             "Sisa blangko KTP-el\t1.900\t1.810\n\n"
             "Hormat kami")


@pytest.mark.parametrize(("subject", "lead_in", "table", "read_as"), [
    # the lead-in joins the days: both summed, the stock the last day's
    ("Laporan harian", "Laporan kemarin tertunda, kami gabung dengan hari ini:", _TWO_DAYS, (154, 155, 1810)),
    # no joining words: yesterday is only there to compare
    ("Laporan harian", "Laporan hari ini, kemarin sebagai pembanding:", _TWO_DAYS, (90, 85, 1810)),
    ("Laporan mingguan", "Laporan mingguan kami:",
     "\tMinggu lalu\tMinggu ini\nPerekaman\t41\t38\nPencetakan\t40\t35\nSisa blangko KTP-el\t1.120\t1.085\n\nSalam",
     (35, 38, 1085)),
], ids=["days_joined_by_the_lead_in_summed", "days_without_joining_words_keep_the_latest",
        "a_week_beside_the_last_keeps_this_week"])
def test_a_column_per_period_is_summed_only_when_the_lead_in_joins_them(
        subject: str, lead_in: str, table: str, read_as: tuple[int, int, int]) -> None:
    read = mail(MALINAU, subject, f"{lead_in}\n\n{table}")
    assert (read["printed"], read["recorded"], read["stock_on_hand"]) == read_as
