"""Rules for heavy thread traffic: point-by-point answers to the desk's numbered questions, people counted before
their recording word, a second figure from the system while the writer still checks, what was asked said to have
come, serial columns of a handover sheet, a sheet a week, plates and flights, and machine phrases in a person's mail."""

from __future__ import annotations

from email.message import EmailMessage
from io import BytesIO

from mailbot.reader import read_message
from mailbot.reader.automated import content_reasons
from mailbot.reader.numbers import normalise
from mailbot.reader.roles import read_text, settle
from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES, read_plain

MALINAU = "disdukcapil@malinaukab.example"
TARAKAN = "disdukcapil@tarakankota.example"
DESK = "Blangko Disdukcapil Kaltara <blangko@disdukcapil.kaltaraprov.example>"


def read(text: str) -> dict[str, int]:
    candidates, unassigned = read_text(text, normalise(text))
    return dict(settle(candidates, unassigned).values)


def reply(body: str, sender: str = MALINAU, subject: str = "Re: Permohonan blangko KTP-el") -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, OWN_ADDRESSES[0], subject
    msg["In-Reply-To"] = "<q1@disdukcapil.kaltaraprov.example>"
    msg.set_content(body)
    return bytes(msg)


# --- Numbered answers above the desk's numbered questions ------------------------------------


def test_numbered_answers_take_the_roles_of_the_quoted_questions_of_their_numbers() -> None:
    body = (
        "Dengan hormat,\n\n1. Per hari ini 420 keping.\n2. Masih sesuai, 1.800 keping.\n\nSalam,\nMarkus\n\n"
        f"-----Blangko Disdukcapil Kaltara wrote: -----\n\nTo: {MALINAU}\nFrom: {DESK}\n"
        "Subject: Re: Permohonan blangko KTP-el\n\n"
        "Mohon dijelaskan:\n1. Berapa sisa stok saat ini?\n2. Apakah 1.800 keping masih sesuai?\n"
    )
    verdict = read_message(reply(body), DISTRICTS, own_addresses=OWN_ADDRESSES)
    assert (verdict.kind, verdict.requested, verdict.stock_on_hand) == ("request", 1800, 420)


def test_a_numbered_english_answer_raises_the_amount_asked() -> None:
    body = (
        "Hello,\n\n1. Please make it 900 pieces.\n2. 150 pieces left now.\n\nRegards,\nDian\n\n"
        "________________________________\n"
        f"From: {DESK}\nSent: Monday, April 26, 2032 9:30 AM\nTo: {TARAKAN}\nSubject: RE: blanks\n\n"
        "1. Is the requested amount still 700?\n2. What is the stock today?\n"
    )
    verdict = read_message(reply(body, TARAKAN, "RE: RE: blanks"), DISTRICTS, own_addresses=OWN_ADDRESSES)
    assert (verdict.requested, verdict.stock_on_hand) == (900, 150)


def test_an_inline_answer_takes_the_role_its_question_names() -> None:
    body = (
        "> 1. Laporan kemarin menyebut sisa 2.050. Berapa sisa hari ini?\n\n1.980 keping.\n\n"
        "> 2. Berapa pencetakan hari ini?\n\n75 keping.\n\nIrfan\n"
    )
    verdict = read_message(reply(body, TARAKAN, "Re: Konfirmasi laporan"), DISTRICTS, own_addresses=OWN_ADDRESSES)
    assert (verdict.stock_on_hand, verdict.printed) == (1980, 75)


def test_an_estimate_asked_for_is_no_request() -> None:
    body = (
        "> 1. Berapa perkiraan kebutuhan sampai akhir tahun?\n\n\u00b1 2.400 keping.\n\n"
        "> 2. Berapa sisa stok saat ini?\n\n610 keping.\n"
    )
    verdict = read_message(reply(body), DISTRICTS, own_addresses=OWN_ADDRESSES)
    assert (verdict.requested, verdict.stock_on_hand) == (None, 610)


# --- Figures in running text -------------------------------------------------------------------


def test_people_counted_before_their_recording_word_are_recorded() -> None:
    assert read("Figures today: 212 citizens recorded, 198 printed, 1,455 blanks remaining.") == {
        "recorded": 212, "printed": 198, "stock_on_hand": 1455,
    }


def test_a_second_stock_from_the_system_while_the_writer_checks_is_asked_about() -> None:
    found = read("rekam 70, cetak 66. sisa blangko 1.420 kpg (di SIAK 1.240, sy cek lg mana yg benar).")
    assert found == {"recorded": 70, "printed": 66}


def test_what_was_asked_said_to_have_come_is_received() -> None:
    text = "blangko KTP-el 600 keping (yang kami mohon tgl 3/5) sudah kami terima hari ini."
    candidates, _ = read_text(text, normalise(text))
    assert [(c.field, c.value) for c in candidates] == [("received", 600)]


def test_a_bound_said_of_a_date_leaves_the_figure_after_it_exact() -> None:
    text = "kebutuhan kami s/d 31 Mei 3.000 kpg, stok 900 kpg. mohon dipenuhi kekurangannya."
    verdict = read_plain("kebutuhan", text, sender="operator.bulungan@bulungankab.example")
    assert (verdict.requested, verdict.stock_on_hand) == (2100, 900)


def test_rek_is_the_recording_count_beside_the_others() -> None:
    assert read("rek 88, cetak 80, sisa 1.104 kpg.") == {"recorded": 88, "printed": 80, "stock_on_hand": 1104}


def test_a_blank_named_later_on_a_line_opened_by_the_other_is_the_figures() -> None:
    verdict = read_plain(
        "permohonan",
        "KIA kami masih cukup (2.300 kpg). Yang kurang blangko KTP-el, sisa 640 keping. Mohon 1.200 keping.",
        sender="capil.nunukan@nunukankab.example",
    )
    assert (verdict.item, verdict.requested, verdict.stock_on_hand) == ("ktp-el", 1200, 640)


def test_a_vehicle_plate_and_a_flight_number_are_no_counts() -> None:
    assert read("Blangko KIA 400 keping sudah kami terima, dibawa Sdr. Budi (KT 4521 BC).") == {"received": 400}
    assert read("blangko KTP-el 1.000 keping telah sampai via kargo Lion Air JT 692 dan diterima lengkap.") == {
        "received": 1000,
    }


# --- Spreadsheets ------------------------------------------------------------------------------


def workbook_mail(sheets: dict[str, list[tuple[object, ...]]], text: str = "Terlampir laporan.") -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    data = BytesIO()
    book.save(data)
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "disdukcapil@nunukankab.example", OWN_ADDRESSES[0], "laporan"
    msg.set_content(text)
    msg.add_attachment(data.getvalue(), maintype="application",
                       subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename="lap.xlsx")
    return msg.as_bytes()


def test_serial_number_columns_of_a_handover_sheet_are_no_stock() -> None:
    rows: list[tuple[object, ...]] = [
        ("BERITA ACARA SERAH TERIMA", None, None, None, None), (None, None, None, None, None),
        ("No", "Jenis Blangko", "Nomor Seri Awal", "Nomor Seri Akhir", "Jumlah (keping)"),
        (1, "KTP-el", "6504 0511 0001", "6504 0511 0750", 750),
    ]
    verdict = read_message(workbook_mail({"BAST": rows}, "Blangko sudah kami terima, BAST terlampir."), DISTRICTS)
    assert (verdict.kind, verdict.stock_on_hand, verdict.received) == ("receipt", None, 750)


def test_of_a_sheet_a_week_the_latest_week_is_the_report() -> None:
    header = ("Tanggal", "Perekaman", "Pencetakan", "Sisa Blangko")
    week1 = [header, ("03/05/2032", 90, 80, 1900), ("04/05/2032", 95, 85, 1815)]
    week2 = [header, ("10/05/2032", 70, 60, 1700), ("11/05/2032", 75, 65, 1635), ("Jumlah", 145, 125, 1635)]
    verdict = read_message(workbook_mail({"Minggu I": week1, "Minggu II": week2}, "Terlampir laporan mingguan."),
                           DISTRICTS)
    assert (verdict.stock_on_hand, verdict.printed, verdict.recorded) == (1635, 125, 145)


def test_sheets_of_the_same_days_all_stay() -> None:
    header = ("Tanggal", "Perekaman", "Pencetakan", "Sisa Blangko")
    first = [header, ("10/05/2032", 70, 60, 1700)]
    second = [header, ("10/05/2032", 71, 61, 1701)]
    verdict = read_message(workbook_mail({"A": first, "B": second}), DISTRICTS)
    assert verdict.stock_on_hand is None  # two sheets of one day disagree: a clerk asks


# --- Machine phrases in a person's mail --------------------------------------------------------


def test_a_colleagues_leave_said_by_who_stands_in_is_no_out_of_office() -> None:
    body = "On behalf of Mr. Budi (on leave until 20 May), I would like to request 800 blank cards."
    assert "out-of-office" not in content_reasons("Request for blanks", body)
    assert "out-of-office" in content_reasons("Request for blanks", "I am on leave until 20 May.")


def test_a_person_asking_about_the_desks_mail_limit_is_no_quota_notice() -> None:
    body = "Your server rejected our workbook (12 MB). What is the attachment size limit on your side?"
    assert "quota-notice" not in content_reasons("Question about your mailbox size limit", body)


def test_a_parcel_not_delivered_is_no_bounce() -> None:
    assert "delivery-failure" not in content_reasons("Parcel on hold", "Your parcel (1 item) could not be delivered.")
    assert "delivery-failure" in content_reasons("Notice", "Your message could not be delivered to the recipient.")


def test_a_parcel_held_for_a_fee_from_a_no_reply_address_is_spam() -> None:
    msg = EmailMessage()
    msg["From"], msg["To"] = "Express Cargo <noreply@cargo-track-parcel.example>", OWN_ADDRESSES[0]
    msg["Subject"] = "Your parcel #5521 0012 is on hold"
    msg.set_content("Your parcel (1 item, 0.8 kg) could not be delivered. Please pay the customs fee of USD 1.99 "
                    "within 24 hours using the link below.")
    verdict = read_message(bytes(msg), DISTRICTS, own_addresses=OWN_ADDRESSES)
    assert (verdict.kind, verdict.district) == ("other", None)


def test_numbered_answers_under_both_blanks_headings_keep_their_blanks() -> None:
    body = (
        "Blangko KTP-el:\n1. Cetak 30 keping\n2. Sisa 200 keping\n\nBlangko KIA:\n1. Cetak 12\n2. Sisa 90\n\nSalam,\n\n"
        f"-----Blangko Disdukcapil Kaltara wrote: -----\n\nTo: {MALINAU}\nFrom: {DESK}\nSubject: Re: laporan\n\n"
        "Mohon dijelaskan:\n1. Berapa pencetakan hari ini?\n2. Berapa sisa blangko?\n"
    )
    verdict = read_message(reply(body, subject="Re: laporan"), DISTRICTS, own_addresses=OWN_ADDRESSES)
    assert {(r.item, r.printed, r.stock_on_hand) for r in verdict.readings} == {("ktp-el", 30, 200), ("kia", 12, 90)}


def test_a_count_of_blanks_after_a_flight_word_stays_a_count() -> None:
    assert read("blangko sudah kami terima via kargo JT 1500 keping, lengkap.") == {"received": 1500}
