"""Rules for an earlier ask said in passing beside a receipt, the other blank's stock said to be fine beside an ask that
names no blank, and an attached breakdown whose total disagrees with the ask in words; each test is a short mail with
other words and figures."""

from __future__ import annotations

from tests.reader.conftest import mail, read_plain

MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"
TARAKAN = "Disdukcapil Tarakan <disdukcapil@tarakankota.example>"
BULUNGAN = "Operator Bulungan <operator.bulungan@bulungankab.example>"


def test_the_ask_named_in_parentheses_beside_a_receipt_is_no_request() -> None:
    read = mail(MALINAU, "Blangko KTP-el sudah sampai",
                "Selamat siang,\nBlangko KTP-el dari provinsi sudah kami terima hari ini sebanyak 1.950 keping (yang\n"
                "kami minta 2.000, tidak masalah). Terima kasih banyak.\nSalam, Yohana")
    assert read["kind"] == "receipt"
    assert read["received"] == 1950 and read["requested"] is None


def test_an_english_ask_named_in_parentheses_beside_a_receipt_is_no_request() -> None:
    read = mail(TARAKAN, "KIA received",
                "Hi,\nWe have received the KIA blanks today, 780 pcs (we requested 800). Thanks a lot.\nRudi")
    assert read["received"] == 780 and read["requested"] is None


def test_the_other_blanks_stock_said_fine_beside_an_unnamed_ask_leaves_the_ask_its_blank() -> None:
    read = mail(BULUNGAN, "Tambahan blangko",
                "Yth. Bapak/Ibu,\nKami mohon tambahan blangko KIA untuk bulan depan.\n\nSisa KIA 230 lembar\n"
                "Permohonan 900 lembar\n\nStok KTP-el 1.850 keping masih cukup.\nTerima kasih")
    assert read["item"] == "kia"
    assert read["requested"] == 900 and read["stock_on_hand"] == 230


def test_the_other_blanks_stock_in_parentheses_said_fine_is_not_the_stock() -> None:
    read = mail(MALINAU, "Permohonan blangko",
                "Pak, mohon bantuan blangko KIA ya.\nSisa 85 lembar, permintaan 600 lembar.\n"
                "Stok KTP-el masih mencukupi (2.100 keping).\nmakasih")
    assert read["item"] == "kia"
    assert read["requested"] == 600 and read["stock_on_hand"] == 85


NEEDS = ("Rekap kebutuhan KTP-el,\n,\nKecamatan,Kebutuhan\nMentarang,300\nMalinau Kota,900\nSungai Boh,200\n"
         "JUMLAH,1400\n")


def test_an_attached_breakdown_whose_total_differs_from_the_ask_leaves_the_ask_unread() -> None:
    read = read_plain("Permohonan KTP-el Malinau",
                      "Yth. Bapak/Ibu,\nKami mohon blangko KTP-el sebanyak 1.500 keping.\n"
                      "Rincian kebutuhan tiap kecamatan terlampir.\nHormat kami", sender=MALINAU, csv=NEEDS)
    assert read.requested is None
    assert any(d.field == "requested" and d.reason == "conflict" for d in read.doubts)


def test_an_attached_breakdown_whose_total_agrees_with_the_ask_gives_the_ask() -> None:
    read = read_plain("Permohonan KTP-el Malinau",
                      "Yth. Bapak/Ibu,\nKami mohon blangko KTP-el sebanyak 1.400 keping.\n"
                      "Rincian kebutuhan tiap kecamatan terlampir.\nHormat kami", sender=MALINAU, csv=NEEDS)
    assert read.requested == 1400


FORM_FOOTER = "Email ini dikirim otomatis oleh sistem layanan daring setelah formulir diisi."


def test_a_form_filled_by_the_districts_officer_and_sent_by_its_own_system_is_its_request() -> None:
    read = mail(MALINAU, "Formulir Permohonan Blangko",
                "FORMULIR PERMOHONAN BLANGKO\nNama Pengisi     : Maria Ulan\nJenis Blangko    : KTP-el\n"
                "Jumlah Diminta   : 1200\nSisa Stok        : 640\n------------------------------\n" + FORM_FOOTER)
    assert read["kind"] == "request" and read["district"] == "65.02"
    assert read["requested"] == 1200 and read["stock_on_hand"] == 640


def test_a_trial_of_the_districts_form_is_no_request() -> None:
    read = mail(MALINAU, "Formulir Permohonan Blangko",
                "FORMULIR PERMOHONAN BLANGKO\nNama Pengisi     : Maria Ulan\nJumlah Diminta   : 1200\n"
                "Alasan           : uji coba formulir baru, mohon diabaikan\n" + FORM_FOOTER)
    assert read["kind"] != "request" and read["requested"] is None


def test_a_form_number_with_its_month_is_no_figure() -> None:
    read = mail(TARAKAN, "Permohonan blangko KTP-el REQ-2027-08-0350",
                "Yth. Bapak/Ibu,\nMohon blangko KTP-el, jumlah menyusul setelah rapat.\nSalam")
    assert read["requested"] is None


def test_a_role_word_ending_a_phone_line_takes_the_figure_opening_the_next() -> None:
    read = mail(MALINAU, "lap harian",
                "Siang pak. lap tgl 9\nrekam 38 cetak\n35 sisa blanko 2.210\n\nDikirim dari HP")
    assert read["recorded"] == 38 and read["printed"] == 35 and read["stock_on_hand"] == 2210
