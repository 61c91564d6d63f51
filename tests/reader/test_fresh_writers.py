"""Classes of mail that gave wrong figures on two further sets of independent writers: a row per day closed
by a total row, a typed total row under a numbering column, snake_case headers, English "N word" lists,
people counted beside blanks."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.reader import read_message
from mailbot.reader.numbers import normalise
from mailbot.reader.roles import current_requests, read_text, settle
from tests.reader.conftest import DISTRICTS


def read(text: str) -> dict[str, int]:
    candidates, unassigned = read_text(text, normalise(text))
    return dict(settle(current_requests(candidates), unassigned).values)


def mail(body: str, subject: str = "blangko", sender: str = "disdukcapil@nunukankab.example") -> bytes:
    return f"From: {sender}\nTo: blangko@x.example\nSubject: {subject}\n\n{body}".encode()


def csv_mail(csv: str, body: str = "Terlampir laporan minggu ini.") -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "disdukcapil@nunukankab.example", "blangko@x.example", "laporan"
    msg.set_content(body)
    msg.add_attachment(csv.encode(), maintype="text", subtype="csv", filename="laporan.csv")
    return msg.as_bytes()


def test_a_row_per_day_closed_by_a_total_row_gives_the_period_counts_and_the_last_days_stock() -> None:
    csv = ("Tanggal;Perekaman;Pencetakan KTP-el;Rusak;Sisa Blangko\n20/04/2026;64;58;1;1.980\n"
           "21/04/2026;71;66;0;1.914\n22/04/2026;47;41;1;1.873\nTotal;182;165;2;1.873\n")
    v = read_message(csv_mail(csv), DISTRICTS)
    assert (v.recorded, v.printed, v.stock_on_hand) == (182, 165, 1873)


def test_a_total_row_that_leaves_a_count_empty_gives_no_figure_for_it() -> None:
    csv = ("tanggal;perekaman;pencetakan;stok_blangko\n2026-05-11;55;48;2162\n2026-05-12;41;39;2123\n"
           "TOTAL;96;;\n")
    v = read_message(csv_mail(csv), DISTRICTS)
    assert (v.recorded, v.printed, v.stock_on_hand) == (96, None, 2123)


def test_rows_of_one_day_per_blank_in_a_snake_case_item_column_are_each_blanks() -> None:
    csv = "tanggal;jenis_blangko;perekaman;pencetakan;sisa\n2026-10-06;KTP-el;77;70;1658\n2026-10-06;KIA;;31;264\n"
    v = read_message(csv_mail(csv), DISTRICTS)
    assert (v.item, v.printed, v.stock_on_hand) == ("ktp-el", 70, 1658)
    kia = v.reading_for("kia")
    assert kia is not None and (kia.printed, kia.stock_on_hand) == (31, 264)


def test_a_typed_total_row_leaves_the_numbering_column_empty() -> None:
    body = ("REKAPITULASI OKTOBER 2026\n\n"
            " No  Kecamatan        Perekaman   Pencetakan\n"
            "  1  Tanjung Selor          512          470\n"
            "  2  Sekatak                 66           60\n"
            "     JUMLAH                 578          530\n\n"
            " Sisa blangko per 31 Oktober 2026 : 1.826 keping\n")
    v = read_message(mail(body, "Rekap bulanan"), DISTRICTS)
    assert (v.recorded, v.printed, v.stock_on_hand) == (578, 530, 1826)


def test_a_role_word_closing_a_figure_before_a_comma_is_not_the_next_figures() -> None:
    # "52 printed, 987 blanks remaining": "printed" names 52, so 987 is no printed count.
    got = read("KTP-el: 58 enrolled, 52 printed, 987 blanks remaining")
    assert got.get("printed") != 987


def test_people_counted_beside_blanks_are_no_stock() -> None:
    got = read("We ran out of KTP-el blanks on Monday; our stock is now zero and 46 residents are waiting.")
    assert got.get("stock_on_hand") != 46


def test_number_words_wrapped_at_the_end_of_a_line_are_one_figure() -> None:
    text = ("Dengan ini kami mohon kiranya dapat diberikan blangko KTP-el sebanyak seribu\n"
            "lima ratus keping. Sisa blangko kami saat ini tinggal tujuh ratus lima puluh\nkeping.")
    assert read(text) == {"requested": 1500, "stock_on_hand": 750}


def test_an_ask_for_the_shortfall_without_a_figure_is_the_need_less_the_stock() -> None:
    text = ("Kebutuhan blangko KTP-el kami perkirakan 3.500 keping. Saat ini stok kami 1.150 keping, sehingga "
            "kami mohon dikirimkan kekurangannya saja.")
    assert read(text) == {"requested": 2350, "stock_on_hand": 1150}


def test_an_ask_for_the_shortfall_with_no_single_stock_is_unclear() -> None:
    text = "Kebutuhan blangko KTP-el kami 3.500 keping. Mohon dikirimkan kekurangannya."
    assert "requested" not in read(text)


def test_a_plan_column_is_not_what_was_done() -> None:
    csv = "Kecamatan;Rencana perekaman;Usulan blangko\nNunukan;700;800\nSebatik;450;500\nJumlah;1.150;1.300\n"
    v = read_message(csv_mail(csv, "Kami mengusulkan tambahan blangko KTP-el, rincian terlampir."), DISTRICTS)
    assert v.recorded is None


def test_an_allocation_set_by_the_centre_is_no_ask() -> None:
    got = read("Alokasi nasional tahun 2026 direncanakan sebesar 12.500.000 keping.")
    assert "requested" not in got


def test_a_column_of_work_not_yet_done_is_not_what_was_done() -> None:
    csv = ("Kecamatan;Wajib KTP belum rekam;Usulan blangko (keping)\nMalinau Kota;520;600\nPujungan;95;100\n"
           "Jumlah;615;700\n")
    v = read_message(csv_mail(csv, "Usulan kebutuhan blangko KTP-el terlampir."), DISTRICTS)
    assert (v.requested, v.recorded) == (700, None)


def test_a_receipt_of_nothing_is_no_receipt() -> None:
    body = ("Laporan posisi blangko KTP-el bulan April:\n  1. Stok awal : 2.450 keping\n"
            "  2. Penerimaan dari Provinsi : 0 keping\n  3. Pencetakan : 312 keping\n  4. Stok akhir : 2.130 keping\n")
    v = read_message(mail(body, "Laporan posisi blangko"), DISTRICTS)
    assert (v.kind, v.received, v.printed, v.stock_on_hand) == ("stock_report", None, 312, 2130)


def test_a_requests_table_of_days_gives_its_stock_but_not_its_period_counts() -> None:
    csv = ("Tanggal;Perekaman;Pencetakan;Sisa Blangko\n03/08/2026;72;60;1420\n04/08/2026;65;55;1365\n"
           "JUMLAH;137;115;\n")
    body = "Dengan sisa stok tersebut kami mohon tambahan blangko KTP-el sebanyak 2.000 keping."
    v = read_message(csv_mail(csv, body), DISTRICTS)
    assert (v.kind, v.requested, v.stock_on_hand, v.printed, v.recorded) == ("request", 2000, 1365, None, None)


def test_a_correction_that_sets_aside_an_earlier_figure_corrects_that_figures_role() -> None:
    text = ("Mohon dikirimkan blangko KTP-el sebanyak 3.000 keping. Stok kami 1.310.\n\n"
            "Maaf Bu koreksi, 2.000 keping saja, karena gudang kami tidak muat kalau 3.000.")
    assert read(text) == {"requested": 2000, "stock_on_hand": 1310}


def test_a_correction_on_its_own_after_several_roles_is_asked_back() -> None:
    text = "Mohon dikirimkan blangko KTP-el sebanyak 3.000 keping. Stok kami 1.310.\n\nMaaf koreksi, 2.000 keping."
    got = read(text)
    assert got.get("stock_on_hand") != 2000 and got.get("requested") != 3000


def test_the_figure_set_aside_with_instead_of_is_not_the_ask() -> None:
    assert read("Update: please make it 3,000 instead of 2,000.") == {"requested": 3000}


def test_a_requests_count_over_a_span_of_days_is_left_aside() -> None:
    body = ("Posisi blangko KTP-el per stock opname:\nStok awal bulan : 2.140\nDicetak (1-5 Nov) : 1.215\n"
            "Sisa : 907\nPermohonan tambahan : 2.500\n")
    v = read_message(mail(body, "Permohonan Blangko KTP-el"), DISTRICTS)
    assert (v.kind, v.requested, v.stock_on_hand, v.printed) == ("request", 2500, 907, None)


def test_a_reports_count_over_a_span_of_days_stays() -> None:
    v = read_message(mail("Laporan mingguan: Dicetak (1-5 Nov) : 215 keping. Sisa : 907 keping.", "Laporan"), DISTRICTS)
    assert (v.kind, v.printed, v.stock_on_hand) == ("stock_report", 215, 907)


def test_an_exhausted_stock_named_with_its_blank_is_zero() -> None:
    assert read("bu blangko kia abis, kirim 500 lbr y bu") == {"stock_on_hand": 0, "requested": 500}
    assert read("ass. pak, blanko ktpel kosong. mhn dikirim sgra 1000 kpg") == {"stock_on_hand": 0, "requested": 1000}
    assert read("Blangko KIA di kantor kami sudah tidak ada sejak Jumat. Mohon kiriman 1.000 keping.") == {
        "stock_on_hand": 0, "requested": 1000}


def test_an_empty_form_is_no_stock() -> None:
    assert "stock_on_hand" not in read("Mohon dikirim 500 keping; terlampir blangko kosong untuk diisi.")


def test_a_role_word_with_its_blank_then_nihil_is_zero() -> None:
    assert read("- Pencetakan KTP-el : nihil (blangko tidak tersedia)\n- Perekaman KTP-el : 14 orang")["printed"] == 0
