"""Rules for figures that belong to something beside the district's count: the blanks a field team brings back
from a school service, an earlier shipment given as the reason for a smaller ask, one age group's part of a
day's KIA printing, a ministry letter forwarded "for information" under Outlook's separator, and an ask whose
own breakdown adds up to another total. Each test is a short mail with its own words."""

from __future__ import annotations

from tests.reader.conftest import mail

NUNUKAN = "Capil Nunukan <capil.nunukan@nunukankab.example>"
MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"
TANA_TIDUNG = "Disdukcapil KTT <disdukcapil@tanatidungkab.example>"
TARAKAN = "Disdukcapil Tarakan <disdukcapil@tarakankota.example>"


def figures(read: dict[str, object]) -> tuple[object, ...]:
    return (read["kind"], read["requested"], read["stock_on_hand"], read["received"], read["printed"],
            read["recorded"])


# --- A field team's remainder -------------------------------------------------------------------------------------


def test_blanks_brought_back_from_a_school_service_are_no_stock() -> None:
    read = mail(MALINAU, "Layanan KIA SD 007 Malinau Kota",
                "Selamat siang,\n\nHasil layanan KIA di SD 007 hari ini: tercetak 118 keping. Sisa blangko yang "
                "dibawa kembali ke kantor 32 keping.\n\nYosef")
    # was stock 32: the team's leftover read as the district's stock
    assert figures(read) == ("stock_report", None, None, None, 118, None)


def test_a_remainder_carried_home_from_a_posyandu_is_no_stock() -> None:
    read = mail(TARAKAN, "Laporan KIA posyandu",
                "Laporan pelayanan KIA di Posyandu Melati: KIA tercetak 64 keping, sisa KIA yang kami bawa pulang "
                "27 keping.\n\nDewi")
    assert figures(read) == ("stock_report", None, None, None, 64, None)


# --- An earlier shipment given as the reason ----------------------------------------------------------------------


def test_a_receipt_given_as_the_reason_for_a_smaller_ask_is_not_received_now() -> None:
    read = mail(NUNUKAN, "Re: Permohonan KTP-el",
                "Kami ubah permohonan kami. Berhubung sudah menerima 1.800 keping pada 3/2, sekarang mohon dikirim "
                "700 keping saja untuk perekaman di Sebatik.\n\nSalam")
    # was received 1.800: the reason clause read as a receipt reported by this mail
    assert figures(read) == ("request", 700, None, None, None, None)


def test_a_receipt_reported_as_news_beside_an_ask_still_counts() -> None:
    read = mail(NUNUKAN, "Re: Permohonan KTP-el",
                "Blangko KTP-el sebanyak 1.800 keping telah kami terima hari ini. Untuk kekurangannya mohon "
                "dikirim 700 keping saja.\n\nSalam")
    assert figures(read)[:4] == ("request", 700, None, 1800)


# --- One age group's part of a KIA count ---------------------------------------------------------------------------


def test_kia_printing_split_by_age_group_with_no_total_is_not_one_groups_figure() -> None:
    read = mail(TANA_TIDUNG, "Laporan KIA 3 Maret",
                "Yth. Bapak/Ibu,\n\nPencetakan KIA hari ini: anak usia 0-5 tahun 12 keping, usia 5-17 tahun 30 "
                "keping. Sisa blangko KIA 905 keping.\n\nMarkus")
    # was printed 12: the first age group's part read as the day's printing
    assert figures(read) == ("stock_report", None, 905, None, None, None)


def test_kia_printing_by_age_group_with_its_total_reads_the_total() -> None:
    read = mail(MALINAU, "lap kia",
                "lap KIA 3/3\ncetak usia 0-5 thn : 14\ncetak usia 5-17 thn : 40\ntotal cetak : 54\n"
                "sisa blangko KIA : 640 kpg\n\nyosef")
    assert figures(read) == ("stock_report", None, 640, None, 54, None)


# --- A ministry letter forwarded for information ---------------------------------------------------------------------


def test_a_ministry_letter_forwarded_under_outlooks_separator_for_information_asks_nothing() -> None:
    read = mail(NUNUKAN, "FW: Alokasi blangko tahun 2027",
                "Sekedar informasi, kami terima juga tembusan surat di bawah.\n\nSalam,\nNurhayati\n\n"
                "-----Original Message-----\nFrom: Ditjen Dukcapil <info@dukcapil.kemendagri.example>\n"
                "Sent: Tuesday, 2 March 2027 09.00\nSubject: Alokasi\n\n"
                "Alokasi blangko KTP-el per provinsi: Kalimantan Utara 45.000 keping, Sulawesi Barat 38.000 "
                "keping.\n")
    # was a request for 45.000 (the allocation, read as asked) and then a receipt (the copy of the letter)
    assert figures(read) == ("other", None, None, None, None, None)
    assert read["item"] is None


# --- An ask whose breakdown adds up to another total ------------------------------------------------------------------


def test_an_ask_whose_own_breakdown_totals_another_figure_is_unclear() -> None:
    read = mail(TANA_TIDUNG, "Permohonan KIA",
                "Yth. Bapak/Ibu,\n\nMohon dikirim blangko KIA sebanyak 900 keping untuk sekolah.\n"
                "Rincian: SDN 01 450, SDN 04 550 (total 1.000 keping).\nSisa KIA kami 210 keping.\n\nMarkus")
    # was 900: the ask read with its breakdown's total of 1.000 unseen
    assert figures(read) == ("request", None, 210, None, None, None)
    assert any(d["field"] == "requested" and d["reason"] == "conflict" for d in read["doubts"])


def test_an_ask_whose_breakdown_totals_the_same_figure_stands() -> None:
    read = mail(TANA_TIDUNG, "Permohonan KIA",
                "Yth. Bapak/Ibu,\n\nMohon dikirim blangko KIA sebanyak 1.000 keping untuk sekolah.\n"
                "Rincian: SDN 01 450, SDN 04 550 (total 1.000 keping).\nSisa KIA kami 210 keping.\n\nMarkus")
    assert figures(read) == ("request", 1000, 210, None, None, None)


def test_a_stock_whose_bracket_counts_the_teams_blanks_with_the_office_stands() -> None:
    read = mail(MALINAU, "laporan",
                "Lap 4/3: rekam 21, cetak 19, sisa blangko (gudang + yang dibawa tim ke Pujungan) 515.\n\nyosef")
    assert figures(read) == ("stock_report", None, 515, None, 19, 21)


def test_a_forward_the_forwarder_asks_to_pass_on_is_taken_up() -> None:
    read = mail(NUNUKAN, "FW: Usulan blangko KIA Kec. Lumbis",
                "Sekedar informasi pak, mohon diteruskan usulan di bawah. Stok KIA kabupaten tinggal 75 keping.\n\n"
                "-----Original Message-----\nFrom: Kec. Lumbis <kec.lumbis@gmail.com>\nSent: Monday, 1 March 2027\n"
                "Subject: Usulan KIA\n\nKami membutuhkan blangko KIA 250 keping untuk layanan di sekolah.\n")
    assert figures(read)[:3] == ("request", 250, 75)


def test_a_count_of_health_posts_beside_the_word_for_demand_is_no_second_ask() -> None:
    read = mail(TARAKAN, "Permohonan KIA",
                "Yth. Bapak/Ibu,\n\nPermintaan KIA bertambah setelah sosialisasi di 27 posyandu. Kami mohon tambahan "
                "blangko KIA 1.500 keping. Sisa KIA kami 640 keping.\n\nDewi")
    # was a conflict: "Permintaan ... 27 posyandu" read as a second figure asked
    assert figures(read) == ("request", 1500, 640, None, None, None)


def test_a_shortfall_named_in_the_subject_is_not_the_count_received() -> None:
    read = mail(TARAKAN, "Receipt of KTP-el blanks - shortfall 150",
                "Dear Sir/Madam,\n\nThe KTP-el blanks arrived this morning. The delivery note says 2.000 keping, "
                "but after counting we received 1.850 keping.\n\nDewi")
    # was a conflict: the subject's shortfall read as a second count received
    assert figures(read)[:4] == ("receipt", None, None, 1850)


def test_a_kia_report_table_with_age_group_columns_and_a_total_column_is_kias() -> None:
    read = mail(MALINAU, "Laporan Cetak KIA 5 Maret 2027",
                "Yth. Bapak/Ibu,\n\nRekap cetak KIA hari ini:\n\n"
                "| Lokasi | KIA 0-5 | KIA 5-17 | Jumlah |\n| Kantor | 12 | 20 | 32 |\n| SDN 02 | 0 | 58 | 58 |\n"
                "| Total | 12 | 78 | 90 |\n\nSisa blangko KIA akhir hari: 702 keping.\n\nYosef")
    # was KTP-el with printed 90 and no stock: the total column, naming no blank, read as KTP-el's
    assert read["item"] == "kia"
    assert figures(read) == ("stock_report", None, 702, None, 90, None)
