"""Rules for district replies to the desk's own mail, e-office notifications that carry a
district's letter and mail from sub-district offices; each test is a short mail with other words and figures."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.reader import read_message
from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES, mail

MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"


def test_an_office_writing_for_itself_asks_but_its_stock_is_not_the_districts() -> None:
    read = mail("Operator Kayan <upt.kayanhilir@gmail.com>", "Blangko untuk UPT",
                "Selamat siang,\nSaya operator UPT Disdukcapil Kecamatan Kayan Hilir (Kab. Malinau). Sisa blangko "
                "kami tinggal 45 keping. Mohon bantuan 250 keping untuk kantor kami.\n\nYosef")
    assert read["kind"] == "request" and read["requested"] == 250
    assert read["stock_on_hand"] is None
    assert any(d["field"] == "stock_on_hand" for d in read["doubts"])


def test_an_office_signing_as_upt_states_its_own_stock() -> None:
    read = mail("Petugas Krayan <krayan.capil@gmail.com>", "minta blangko",
                "Pak, stok di kantor kami tinggal 30 keping, mohon dikirim 200 keping.\n\nMarkus\n"
                "UPT Dukcapil Kec. Krayan Tengah\nKab. Nunukan")
    assert read["requested"] == 200 and read["stock_on_hand"] is None


def test_an_office_that_gives_the_districts_stock_is_read() -> None:
    read = mail("Operator Kayan <upt.kayanhilir@gmail.com>", "Blangko",
                "Kami dari UPT Kayan Hilir. Stok kabupaten menurut gudang dinas tinggal 400 keping, "
                "mohon dikirim 1.000 keping.\n\nYosef")
    assert read["requested"] == 1000 and read["stock_on_hand"] == 400


def test_the_rest_of_a_partly_approved_request_asked_for_is_the_ask() -> None:
    read = mail(MALINAU, "Re: [BLK-2026-0077] permohonan KTP-el",
                "Baik pak, yang 900 kami tunggu kiriman. Sisanya 600 keping mohon dapat dikirim bulan depan.")
    assert read["kind"] == "request" and read["requested"] == 600
    assert read["stock_on_hand"] is None


def test_the_rest_of_a_shipment_that_partly_came_is_no_ask() -> None:
    read = mail(MALINAU, "Re: [BLK-2026-0077] kiriman",
                "Terima kasih, blangko yang tiba baru 700 keping. Sisanya 300 keping mohon bisa dikirim.")
    assert read["requested"] is None and read["stock_on_hand"] is None


EOFFICE = "E-Office <noreply@eoffice.example.go.id>"


def test_an_eoffice_notice_carrying_a_districts_letter_is_read_for_the_letter() -> None:
    read = mail(EOFFICE, "[E-OFFICE] Naskah Masuk: Permohonan Blangko",
                "Anda menerima naskah dinas baru.\n\nDari : Kepala Dinas Kependudukan dan Pencatatan Sipil "
                "Kabupaten Bulungan\nHal : Permohonan Blangko KTP-el\n\nIsi ringkas naskah:\n-----------------\n"
                "Dengan hormat, berhubung meningkatnya perekaman di kecamatan, kami mohon tambahan blangko KTP-el "
                "sebanyak 2.500 keping. Sisa blangko kami saat ini 310 keping.\n-----------------\n\n"
                "Untuk menindaklanjuti naskah ini silakan masuk ke aplikasi.\n"
                "Email ini dikirim otomatis oleh sistem, mohon tidak membalas email ini.")
    assert read["kind"] == "request" and read["district"] == "65.01"
    assert read["requested"] == 2500 and read["stock_on_hand"] == 310


def test_a_bare_eoffice_notice_stays_the_systems_mail_whatever_its_subject_line_says() -> None:
    read = mail(EOFFICE, "[E-OFFICE] Naskah Masuk",
                "Anda menerima naskah dinas baru.\n\nDari : Kepala Dinas Kependudukan dan Pencatatan Sipil "
                "Kabupaten Bulungan\nHal : Permohonan Blangko KTP-el 2.500 keping\n\n"
                "Silakan masuk ke aplikasi untuk membaca naskah.\n"
                "Email ini dikirim otomatis oleh sistem, mohon tidak membalas email ini.")
    assert read["kind"] == "automated" and read["requested"] is None


def test_an_eoffice_notice_with_the_letter_attached_is_the_districts_mail() -> None:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = EOFFICE, OWN_ADDRESSES[0], "[E-OFFICE] Naskah Masuk: Berita Acara"
    msg.set_content("Anda menerima naskah dinas baru.\n\nDari : Kepala Dinas Kependudukan dan Pencatatan Sipil "
                    "Kabupaten Malinau\nHal : Berita Acara Serah Terima Blangko KTP-el\nLampiran : 1 berkas (PDF)\n\n"
                    "Email ini dikirim otomatis oleh sistem, mohon tidak membalas email ini.")
    msg.add_attachment(b"%PDF-1.4\n%%EOF\n", maintype="application", subtype="pdf", filename="bast.pdf")
    read = read_message(bytes(msg), DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()
    assert read["kind"] == "receipt" and read["district"] == "65.02" and read["received"] is None


TARAKAN = "Dewi <disdukcapil@tarakankota.example>"
STOCK_NOTICE = (
    "\n\n-----Pesan Asli-----\nDari: Desk <blangko@disdukcapil.kaltaraprov.example>\nPerihal: [BLK-2026-0040] Stok\n\n"
    "Menurut catatan kami, stok blangko KTP-el tinggal 500 keping. Apabila sisa stok Bapak/Ibu berbeda, mohon "
    "balas email ini dengan sisa stok yang sebenarnya.\n"
)


def test_a_stock_given_in_answer_to_the_desks_stock_notice_is_a_report_though_a_shipment_is_named() -> None:
    read = mail(TARAKAN, "RE: [BLK-2026-0040] Stok blangko KTP-el menurut catatan kami: 500 keping",
                "Pak, sisa kami sekarang 1.870 keping, karena kiriman bulan lalu sudah diterima." + STOCK_NOTICE)
    assert read["kind"] == "stock_report" and read["stock_on_hand"] == 1870 and read["received"] is None


def test_a_person_writing_about_auto_replies_they_got_is_neither_automated_nor_a_receipt() -> None:
    read = mail(TARAKAN, "Balasan otomatis masuk dua kali",
                "Selamat pagi Admin,\nkami mendapat 3 balasan otomatis atas satu email permohonan kemarin. "
                "Mohon diperiksa.\n\nDewi")
    assert read["kind"] == "other" and read["district"] == "65.71" and read["received"] is None


NUNUKAN = "Sitti <disdukcapil@nunukankab.example>"


def test_a_phone_reply_confirming_receipt_with_no_count_is_a_receipt_with_none_read() -> None:
    read = mail("Arif <capil.nunukan@nunukankab.example>", "Re: [BLK-2026-0090] Blangko KTP",
                "Udah terima pak, lengkap. Makasih\n\nArif\n\n> DISETUJUI sebanyak 1.500 keping.")
    assert read["kind"] == "receipt" and read["item"] == "ktp-el" and read["received"] is None


def test_numbered_rows_of_need_per_kecamatan_with_no_total_are_summed() -> None:
    read = mail(NUNUKAN, "Permohonan blangko per kecamatan",
                "Dengan hormat,\nBerikut kebutuhan blangko KTP-el per kecamatan bulan depan:\n\n"
                "1. Kec. Sembakung : 250 keping\n2. Kec. Sebuku : 150 keping\n3. Kec. Tulin Onsoi : 350 keping\n\n"
                "Mohon dikirim sesuai kebutuhan tersebut. Sisa stok kabupaten 600 keping.")
    assert read["requested"] == 750 and read["stock_on_hand"] == 600


def test_the_stock_of_each_office_and_their_stated_total_give_the_total() -> None:
    read = mail(NUNUKAN, "Laporan harian kabupaten dan UPT",
                "Rekap hari ini:\nUPT Sembakung : rekam 10, cetak 9, sisa 60\nUPT Sebuku : rekam 7, cetak 7, "
                "sisa 115\nKantor dinas : rekam 90, cetak 84, sisa 1.480\n\nTotal kabupaten: rekam 107, cetak 100, "
                "sisa 1.655.")
    assert read["stock_on_hand"] == 1655 and read["printed"] == 100


def test_digits_with_a_zero_too_many_are_settled_by_the_words_beside_them() -> None:
    read = mail(TARAKAN, "Permohonan blangko", "Kami mohon blangko KTP-el 1.5000 (seribu lima ratus) keping. "
                "Sisa stok 420 keping.")
    assert read["requested"] == 1500 and read["stock_on_hand"] == 420


def test_digits_with_a_zero_too_many_and_no_words_stay_unread() -> None:
    read = mail(TARAKAN, "Permohonan blangko", "Kami mohon blangko KTP-el 1.5000 keping. Sisa stok 420 keping.")
    assert read["requested"] is None and read["stock_on_hand"] == 420
