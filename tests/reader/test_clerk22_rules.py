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
from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES

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
