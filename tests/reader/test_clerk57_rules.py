"""Rules for a planning season and its daily mail: a coming year's plan is no figure asked now, a second figure
offered after a comma leaves the stock unclear, a raise stated with its total after the figure is the total, and
a shipment of an earlier day said beside the stock is no receipt of this mail; each test is a short dated mail
with other words and figures."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.reader import read_message
from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES, mail

MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"
TARAKAN = "Disdukcapil Tarakan <disdukcapil@tarakankota.example>"


def dated(sender: str, subject: str, body: str, date: str, csv: tuple[str, str] | None = None) -> dict[str, object]:
    """A plain-text mail from *sender* sent on *date* (with a CSV attachment named csv[0]), as `mailbot parse
    --json` shows it."""
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"], msg["Date"] = sender, OWN_ADDRESSES[0], subject, date
    msg.set_content(body)
    if csv is not None:
        msg.add_attachment(csv[1].encode(), maintype="text", subtype="csv", filename=csv[0])
    return read_message(bytes(msg), DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()


def test_a_coming_years_projection_alone_is_other_with_no_figure() -> None:
    read = dated(
        TARAKAN, "Proyeksi blangko 2031",
        "Selamat siang,\n\nKami kirimkan proyeksi kebutuhan blangko KTP-el kota kami untuk tahun 2031 sebanyak "
        "14.400 keping (1.200 sebulan). Mohon kiranya dialokasikan mulai Januari 2031.\n\nSalam,\nAgus",
        "Tue, 08 Oct 2030 09:00:00 +0800",
    )
    assert read["kind"] == "other" and read["requested"] is None


def test_a_coming_years_plan_beside_an_ask_for_now_leaves_the_ask() -> None:
    read = dated(
        MALINAU, "Re: usulan",
        "pak, usulan 2031 kami tetap 7.000 ya. untuk skrg tolong kirim 900 keping, stok tinggal 140.",
        "Wed, 16 Oct 2030 08:00:00 +0800",
    )
    assert read["kind"] == "request" and read["requested"] == 900 and read["stock_on_hand"] == 140


def test_a_december_need_for_the_first_quarter_is_asked_now() -> None:
    read = dated(
        MALINAU, "Permohonan blangko",
        "Dengan hormat, mohon dikirim blangko KTP-el sebanyak 2.200 keping untuk kebutuhan triwulan I 2031. "
        "Stok kami 480 keping.",
        "Mon, 09 Dec 2030 10:00:00 +0800",
    )
    assert read["kind"] == "request" and read["requested"] == 2200


def test_a_sheet_named_for_a_coming_years_plan_asks_for_nothing_now() -> None:
    read = dated(
        TARAKAN, "Laporan + lampiran",
        "Lapor, hari ini rekam 61, cetak 55, sisa blangko KTP-el 1.904 keping. Terlampir juga rencana tahun depan.",
        "Thu, 10 Oct 2030 15:00:00 +0800",
        csv=("Usulan_2031_Tarakan.csv",
             "Kecamatan,Usulan blangko\nTarakan Barat,1200\nTarakan Timur,1200\nJumlah,2400\n"),
    )
    assert read["kind"] == "stock_report" and read["requested"] is None and read["stock_on_hand"] == 1904


def test_a_second_stock_offered_after_a_comma_leaves_the_stock_unclear() -> None:
    read = mail(MALINAU, "Permohonan blangko",
                "Kami mohon 1.200 keping KTP-el. Sisa blangko 630 keping, atau 655 keping, masih dihitung ulang.")
    assert read["requested"] == 1200 and read["stock_on_hand"] is None


def test_a_raise_stated_with_its_total_after_the_figure_asks_the_total() -> None:
    read = mail(MALINAU, "Re: blangko", "kalau blm jalan, tolong tambah 400 lg jd 2.900 total ya pak. stok 75.")
    assert read["requested"] == 2900 and read["stock_on_hand"] == 75


def test_a_shipment_of_an_earlier_day_beside_the_stock_is_no_receipt_now() -> None:
    read = dated(
        MALINAU, "Lap harian",
        "Lap hari ini: cetak 44, sisa blangko 1.310 keping (kiriman 1.000 sudah masuk tgl 9).",
        "Fri, 20 Dec 2030 16:00:00 +0800",
    )
    assert read["kind"] == "stock_report" and read["received"] is None and read["stock_on_hand"] == 1310


def test_a_shipment_of_the_same_week_beside_the_stock_is_still_received() -> None:
    # (In its own sentence: in a bracket after the stock the shipment only explains the stock; see
    # test_clerk63_rules.)
    read = dated(
        MALINAU, "Lap harian",
        "Lap hari ini: cetak 44, sisa blangko 1.310 keping. Kiriman 1.000 sudah masuk tgl 15.",
        "Fri, 20 Dec 2030 16:00:00 +0800",
    )
    assert read["received"] == 1000
