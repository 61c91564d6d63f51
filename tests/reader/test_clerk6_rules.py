"""Classes of wrong numbers found on writers the reader had not seen, each removed by a principle:
dates in the English order, zero stock from a word only where no figure is stated, a change of
figure "dari X menjadi Y", a quoted header of any client, the desk's own reply quoted back."""

from __future__ import annotations

import pytest

from mailbot.reader import read_message
from mailbot.reader.numbers import mask_non_quantities, normalise
from mailbot.reader.roles import current_requests, read_text, settle
from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES


def read(text: str) -> dict[str, int]:
    candidates, unassigned = read_text(text, normalise(text))
    return dict(settle(current_requests(candidates), unassigned).values)


def mail(body: str, subject: str = "blangko", sender: str = "disdukcapil@tarakankota.example",
         headers: str = "") -> bytes:
    return (f"From: {sender}\nTo: blangko@disdukcapil.kaltaraprov.example\nSubject: {subject}\n{headers}\n"
            f"{body}").encode()


# --- Dates in the English order -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("our remaining stock as of December 1, 2026 is 640 pcs", "640"),
        ("remaining stock as of Dec. 3rd: 640 pcs", "640"),
        ("an enrolment event on December 9-11 needs 2,000 blanks", "2,000"),
    ],
)
def test_a_month_first_date_is_no_quantity(text: str, kept: str) -> None:
    masked = mask_non_quantities(normalise(text))
    # Only the quantity's digits are left: the date's day and year are blanked out.
    assert kept in masked
    assert sum(ch.isdigit() for ch in masked) == sum(ch.isdigit() for ch in kept)


def test_a_month_abbreviation_before_a_figure_leaves_the_figure() -> None:
    # "Des 1.500" is no date: the day would be cut out of a thousands figure.
    assert "1.500" in mask_non_quantities(normalise("kiriman des 1.500 keping"))


def test_english_request_with_a_month_first_date_reads_the_stock() -> None:
    body = ("We would like to request an additional 3,000 pcs of blank e-KTP cards.\n\n"
            "Our remaining stock as of December 1, 2026 is 640 pcs.")
    v = read_message(mail(body), DISTRICTS)
    assert (v.kind, v.requested, v.stock_on_hand) == ("request", 3000, 640)


# --- Zero stock from a word only where no figure says the stock -------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A vague figure is the stock (unread, a clerk asks); the word beside it is a forecast.
        ("Pak, kami minta blangko KTP-el 2.000 keping ya. Sisa tinggal 300-an, paling 2 hari lagi habis.",
         {"requested": 2000}),
        ("Sisa blangko 850 keping, diperkirakan habis dalam 5 hari.", {"stock_on_hand": 850}),
        ("Sisa 350, 2 hari lagi habis. Mohon tambahan 2.000 keping.", {"stock_on_hand": 350, "requested": 2000}),
        ("Mohon tambahan 2.000 keping, stok kami bisa habis minggu depan.", {"requested": 2000}),
        # With no figure for the stock, the word is the stock.
        ("Stok blangko sudah habis, mohon dikirim 1.000 keping", {"stock_on_hand": 0, "requested": 1000}),
    ],
)
def test_a_zero_word_never_stands_against_a_stated_figure(text: str, want: dict[str, int]) -> None:
    assert {k: v for k, v in read(text).items() if k in ("stock_on_hand", "requested")} == want


def test_a_zero_word_is_said_of_the_blank_named_last_before_it() -> None:
    v = read_message(mail("Laporan: stok KTP-el 850, KIA habis"), DISTRICTS)
    assert (v.item, v.stock_on_hand) == ("ktp-el", 850)
    assert {r.item: r.stock_on_hand for r in v.readings} == {"ktp-el": 850, "kia": 0}


def test_a_blank_labelled_after_a_bar_owns_the_figures_after_it() -> None:
    body = "KTP: rekam 44 cetak 40 sisa 912 | KIA: cetak 0, sisa 0 blangko (habis dr kmrn)"
    v = read_message(mail(body, subject="lap 03/12", sender="disdukcapil@malinaukab.example"), DISTRICTS)
    assert (v.kind, v.item, v.stock_on_hand, v.printed, v.recorded) == ("stock_report", "ktp-el", 912, 40, 44)
    kia = {r.item: r for r in v.readings}["kia"]
    assert (kia.stock_on_hand, kia.printed) == (0, 0)


# --- A change of figure: the figure it became is the one meant -----------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Mohon izin, kami bermaksud menambah permintaan dari 1.500 menjadi 2.500 keping, karena jadwal "
         "perekaman dimajukan.", {"requested": 2500}),
        ("mohon permintaan direvisi dari 1.500 jadi 2.500 keping", {"requested": 2500}),
        ("permintaan kami naik dari 1.500 ke 2.500 keping", {"requested": 2500}),
        ("We would like to raise our request from 1,500 to 2,500 pcs.", {"requested": 2500}),
        ("sisa stok berubah dari 800 menjadi 650 keping", {"stock_on_hand": 650}),
    ],
)
def test_a_figure_changed_from_one_to_another_is_the_new_one(text: str, want: dict[str, int]) -> None:
    assert read(text) == want


def test_an_ordinal_ke_leaves_a_thousands_figure_after_it() -> None:
    assert "2.500" in mask_non_quantities(normalise("naik ke 2.500 keping"))
    assert "2" not in mask_non_quantities(normalise("permohonan ke 2 kami"))


# --- Automated mail a mail client writes ----------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Penarikan: Permohonan blangko 3.000 keping",
         'Disdukcapil Kota Tarakan ingin menarik pesan, "Permohonan blangko 3.000 keping".'),
        ("Recall: Request for 3,000 e-KTP blanks",
         'Disdukcapil Kota Tarakan would like to recall the message, "Request for 3,000 e-KTP blanks".'),
    ],
)
def test_a_message_recall_is_automated_and_its_figure_nobodys(subject: str, body: str) -> None:
    v = read_message(mail(body, subject=subject), DISTRICTS)
    assert v.kind == "automated" and "message-recall" in v.automated_reasons
    assert v.requested is None


def test_a_request_that_speaks_of_recalling_a_message_is_still_a_request() -> None:
    body = ("Mohon abaikan email kami sebelumnya (kami ingin menarik pesan tersebut karena salah angka).\n"
            "Yang benar: mohon tambahan blangko KTP-el sebanyak 2.000 keping. Sisa stok kami 450 keping.\n\n"
            "Terima kasih.\nDisdukcapil Kota Tarakan")
    v = read_message(mail(body, subject="Permohonan blangko"), DISTRICTS)
    assert v.kind == "request" and v.requested == 2000


# --- The desk's own reply quoted back is never the writer's --------------------------------------

DESK = "blangko@disdukcapil.kaltaraprov.example"


def _desk_reply(name: str, **context: object) -> str:
    """The desk's reply as it sends it, from templates/."""
    from types import SimpleNamespace

    from mailbot.render import make_environment, render

    office = SimpleNamespace(signature="Bidang Pelayanan Pendaftaran Penduduk",
                             name="Dinas Kependudukan dan Pencatatan Sipil Provinsi Kalimantan Utara")
    return render(make_environment(), name, district_name="Kabupaten Bulungan", office=office, **context).text


def _approval() -> str:
    from types import SimpleNamespace as F

    return _desk_reply(
        "reply_approved", proactive=False, proposed=False, item="ktp-el", reference="BLK-2026-0052", approved=1500,
        explanation=["Kebutuhan 30 hari: 3.000 keping"],
        facts=[F(label="Jumlah yang dimohon", value=1500, text="mohon tambahan 1.500 keping"),
               F(label="Sisa stok", value=400, text="sisa stok kami 400 keping")],
    )


def _receipt() -> str:
    from types import SimpleNamespace as F

    return _desk_reply("reply_receipt", item="ktp-el", reference="BLK-2026-0052", received=2000, shipped=2000,
                       facts=[F(label="Jumlah diterima", value=2000, text="sudah kami terima 2.000 keping")])


def _quote_styles(reply: str) -> dict[str, str]:
    """The desk's reply below a district's words as clients quote it without '>' marks."""
    return {
        "pasted": reply,
        "lotus": (f"Desk Blangko Disdukcapil Prov. Kaltara <{DESK}>\n04/12/2026 10:41\n\nTo\n"
                  "disdukcapil@bulungankab.example\ncc\n\nSubject\n[BLK-2026-0052] Permohonan disetujui\n\n" + reply),
        "address_and_date": f"Desk Blangko <{DESK}>\n04/12/2026 10:41\n\n" + reply,
    }


@pytest.mark.parametrize("style", ["pasted", "lotus", "address_and_date"])
def test_a_correction_above_the_desks_quoted_approval_is_read_from_its_own_words(style: str) -> None:
    body = ("Koreksi pak: sisa stok kami sebenarnya 150 keping, bukan 400.\n\nTerima kasih\nDisdukcapil Bulungan\n\n"
            + _quote_styles(_approval())[style])
    v = read_message(mail(body, subject="Re: [BLK-2026-0052] Permohonan disetujui",
                          sender="disdukcapil@bulungankab.example"), DISTRICTS, own_addresses=OWN_ADDRESSES)
    assert v.kind != "automated" and v.kind != "receipt", v.automated_reasons
    assert (v.stock_on_hand, v.received) == (150, None)
    assert "DISETUJUI" not in v.body_excerpt and "otomatis" not in v.body_excerpt


@pytest.mark.parametrize("style", ["pasted", "lotus", "address_and_date"])
def test_a_receipt_correction_above_the_desks_quoted_receipt_reads_the_new_figure(style: str) -> None:
    body = ("Mohon maaf, ralat: blangko yang kami terima 1.900 keping, bukan 2.000.\n\nSalam\n\n"
            + _quote_styles(_receipt())[style])
    v = read_message(mail(body, subject="Re: [BLK-2026-0052] Penerimaan dicatat",
                          sender="disdukcapil@bulungankab.example"), DISTRICTS, own_addresses=OWN_ADDRESSES)
    assert v.kind == "receipt" and v.received == 1900


def test_the_desks_reply_pasted_alone_is_not_cut() -> None:
    # With no words of the writer above it, nothing is cut: what the mail is, other rules say.
    from mailbot.reader.quotes import split_quoted

    reply = _approval()
    assert split_quoted(reply)[0].startswith("Yth. Bapak/Ibu Operator")


def test_a_quote_header_with_its_field_names_on_their_own_lines_starts_the_quote() -> None:
    from mailbot.reader.quotes import split_quoted

    text = ("Ralat: sisa blangko yang benar 1.350 keping (bukan 1.530).\n\nTerima kasih\n\n\n"
            "Budi Santoso <budi@malinaukab.example>\n02/12/2026 17:20\n\nTo\nrekap@malinaukab.example\ncc\n\n"
            "Subject\nLaporan harian\n\nperekaman 97, pencetakan 85, sisa blangko 1.530.")
    new, quoted = split_quoted(text)
    assert new == "Ralat: sisa blangko yang benar 1.350 keping (bukan 1.530).\n\nTerima kasih"
    assert quoted.startswith("Budi Santoso") and "pencetakan 85" in quoted


# --- Nothing received is no receipt, in a table as in text ------------------------------------------


def test_a_received_column_of_zero_books_no_receipt() -> None:
    from mailbot.reader.roles import read_table

    rows = (("date", "recorded", "printed", "received", "blank_stock_end"),
            ("2026-11-27", "120", "110", "0", "800"), ("2026-11-28", "118", "101", "0", "699"))
    found, _ = read_table(rows, None, "weekly.csv") or ([], None)
    assert {c.field for c in found if c.value is not None} == {"recorded", "printed", "stock_on_hand"}


@pytest.mark.parametrize(
    "text",
    [
        "Sisa stok per hari ini 700 keping; kebutuhan sampai 31 Desember kurang lebih 2.500 keping. "
        "Mohon dikirim kekurangannya.",
        "Sisa stok per hari ini 700 keping; kebutuhan sampai\n31 Desember kurang lebih 2.500 keping. "
        "Mohon dikirim kekurangannya.",
        "Sisa stok 700 keping, kebutuhan sampai Desember 2.500 keping, mohon dikirim kekurangannya.",
    ],
)
def test_sampai_before_a_date_is_until_not_arrived(text: str) -> None:
    got = read(text)
    assert "received" not in got
    assert got == {"stock_on_hand": 700, "requested": 1800}


def test_sampai_after_a_figure_is_still_arrived() -> None:
    assert read("kiriman 1.500 keping sudah sampai dengan baik") == {"received": 1500}


# --- The packing of a figure is no figure of its own ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Blangko KIA sebanyak 500 lembar (2 box x 250 lembar) telah kami terima dalam kondisi baik.",
         {"received": 500}),
        ("Blangko sebanyak 1.000 keping (@ 250 per dus) sudah kami terima.", {"received": 1000}),
        # After a count of boxes, the bracket gives the size that makes the total.
        ("Mohon dikirimkan blangko KTP-el sebanyak 4 box (1 box isi 500 keping), jadi total 2.000 keping.",
         {"requested": 2000}),
    ],
)
def test_the_packing_in_brackets_explains_the_figure_before_it(text: str, want: dict[str, int]) -> None:
    assert read(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Untuk KIA yang disetujui 600 lembar, yang sampai baru 400 lembar. Sisanya 200 mohon dikirim.",
        "Blangko yang tiba baru 1.500 keping; selebihnya 500 keping agar segera dikirim.",
    ],
)
def test_the_rest_of_a_shipment_asked_for_is_no_stock(text: str) -> None:
    got = read(text)
    assert "stock_on_hand" not in got and got.get("received") in (400, 1500)


def test_the_rest_said_of_the_store_is_still_the_stock() -> None:
    assert read("Pencetakan hari ini 40 keping, sisanya 300 keping di gudang kami.")["stock_on_hand"] == 300


# --- A report of a period adds up its days --------------------------------------------------------

TWO_DAYS = ("Rabu 2/12  : rekam 150, cetak 141\nKamis 3/12 : rekam 139, cetak 135\n"
            "Sisa blangko per sore ini 876 keping.\n\nDewi")


def test_late_days_sent_together_add_up_their_counts() -> None:
    body = "Selamat sore,\nMohon maaf laporan tanggal 2 terlambat, kami gabung:\n" + TWO_DAYS
    v = read_message(mail(body, subject="Laporan harian 02-03 Desember"), DISTRICTS)
    assert (v.kind, v.printed, v.recorded, v.stock_on_hand) == ("stock_report", 276, 289, 876)


def test_a_daily_report_with_the_day_before_reads_the_last_day() -> None:
    body = "Selamat sore,\nLaporan hari ini beserta kemarin:\n" + TWO_DAYS
    v = read_message(mail(body, subject="Laporan harian 3 Desember"), DISTRICTS)
    assert (v.printed, v.recorded, v.stock_on_hand) == (135, 139, 876)


def test_a_weekly_table_without_a_total_row_sums_its_days() -> None:
    from mailbot.reader.roles import read_table

    rows = (("date", "recorded", "printed", "blank_stock_end"),
            ("2026-11-23", "120", "110", "900"), ("2026-11-24", "118", "101", "799"), ("2026-11-28", "0", "0", "799"))
    weekly, _ = read_table(rows, None, "weekly.csv", period=True) or ([], None)
    assert {c.field: c.value for c in weekly} == {"recorded": 238, "printed": 211, "stock_on_hand": 799}
    daily, _ = read_table(rows, None, "harian.csv") or ([], None)
    assert {c.field: c.value for c in daily} == {"recorded": 0, "printed": 0, "stock_on_hand": 799}


# --- A confidentiality notice is no content ----------------------------------------------------------

DISCLAIMER_ID = (
    "PERHATIAN / DISCLAIMER: Surat elektronik ini beserta lampirannya bersifat rahasia dan hanya ditujukan kepada "
    "pihak yang namanya tercantum di atas. Apabila Saudara bukan penerima yang dimaksud, mohon segera memberitahu "
    "pengirim dan menghapus surat ini beserta seluruh salinannya."
)
DISCLAIMER_EN = (
    "CONFIDENTIALITY NOTICE: This e-mail message is for the sole use of the intended recipient(s) and may contain "
    "confidential information. Please contact the sender by reply e-mail and destroy all copies."
)


@pytest.mark.parametrize("disclaimer", [DISCLAIMER_ID, DISCLAIMER_EN])
def test_a_report_with_a_confidentiality_notice_is_a_report(disclaimer: str) -> None:
    body = ("Berikut laporan kegiatan hari Kamis, 3 Desember 2026:\nJumlah perekaman KTP-el : 160 jiwa\n"
            "Jumlah pencetakan KTP-el : 151 keping\nSisa blangko KTP-el : 1.054 keping\n\n"
            "Hormat kami,\nHj. Nurlaila\n\n"
            + disclaimer)
    v = read_message(mail(body, subject="Laporan Kegiatan Perekaman dan Pencetakan 03/12/2026"), DISTRICTS)
    assert (v.kind, v.stock_on_hand, v.printed, v.recorded) == ("stock_report", 1054, 151, 160)
    assert not v.automated_reasons


def test_a_request_with_a_confidentiality_notice_is_still_a_request() -> None:
    body = "Mohon tambahan blangko KTP-el 2.000 keping, sisa stok kami 640 keping.\n\nSalam\n\n" + DISCLAIMER_EN
    v = read_message(mail(body, subject="Permohonan blangko"), DISTRICTS)
    assert (v.kind, v.requested, v.stock_on_hand) == ("request", 2000, 640)


@pytest.mark.parametrize(
    "body",
    [
        "Laporan harian 01/12/2026:\nPerekaman 143, pencetakan 0, sisa blangko: habis.\n"
        "Pencetakan terhenti sampai blangko datang.",
        "Laporan kegiatan tanggal 30/11/2026:\nPerekaman KTP-el : 63\nPencetakan KTP-el : 0 (tidak dapat mencetak)\n"
        "Sisa blangko KTP-el : nihil\n\nMohon perhatiannya.",
    ],
)
def test_a_days_report_that_says_printing_stopped_is_still_a_report(body: str) -> None:
    v = read_message(mail(body, subject="Laporan harian"), DISTRICTS)
    assert (v.kind, v.stock_on_hand, v.printed) == ("stock_report", 0, 0)


def test_out_of_blanks_without_a_report_is_a_request() -> None:
    v = read_message(mail("Pak, blangkonya blm sampai, kami sdh tdk bs cetak KTP-el.", subject="blangko"), DISTRICTS)
    assert v.kind == "request"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("We confirm receipt of 1,000 blank KIA cards today.", {"received": 1000}),
        ("We hereby confirm receipt of 3,000 blank e-KTP cards delivered by your courier today.", {"received": 3000}),
        ("We acknowledge receipt of 2,500 e-KTP blanks.", {"received": 2500}),
    ],
)
def test_a_receipt_confirmed_in_english(text: str, want: dict[str, int]) -> None:
    assert read(text) == want


# --- A need stated as a stock to reach, and the difference asked --------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Stok blangko KTP-el kami saat ini 350 keping. Agar pelayanan aman selama sebulan kami perlu stok 2.000 "
         "keping. Mohon dikirim kekurangannya.", {"stock_on_hand": 350, "requested": 1650}),
        ("Agar stok penyangga kami mencapai 3.000 keping menjelang akhir tahun, sedangkan sisa blangko KTP-el saat ini "
         "1.240 keping, mohon kiranya dapat dikirimkan selisihnya.", {"stock_on_hand": 1240, "requested": 1760}),
        # The writer worked the difference out: it is the figure asked.
        ("Perhitungan kebutuhan:\n- kebutuhan : 110 x 25 = 2.750 keping\n- stok saat ini : 950 keping\n"
         "- kekurangan : 1.800 keping\n\nMohon kekurangan tersebut dapat dipenuhi.",
         {"stock_on_hand": 950, "requested": 1800}),
        # The role word passes over a count of days to the count of blanks it names.
        ("kebutuhan kami untuk 20 hari kerja di bulan Desember adalah 2.800 keping. Saat ini stok yang tersedia "
         "1.100 keping.\n\nMohon kiranya dapat dikirimkan kekurangannya.", {"stock_on_hand": 1100, "requested": 1700}),
    ],
)
def test_a_stock_to_reach_is_a_need_and_the_difference_is_asked(text: str, want: dict[str, int]) -> None:
    assert read(text) == want


def test_a_box_size_after_a_count_of_boxes_is_no_count() -> None:
    text = "Telah diterima blangko sebanyak 2.500 keping. Seluruh blangko tersegel (5 dus @ 500 keping)."
    assert read(text) == {"received": 2500}


# --- Figures said of no blank beside the same figures said of KIA are KTP-el's ---------------------------


@pytest.mark.parametrize(
    ("body", "ktp", "kia"),
    [
        ("rekam 21, cetak 18, sisa blangko 92. KIA cetak 4 sisa 0.", (92, 18, 21), (0, 4)),
        ("Perekaman 141 | Cetak 128 | Sisa 3.443\n(KIA: cetak 38 | sisa 267)", (3443, 128, 141), (267, 38)),
    ],
)
def test_unnamed_figures_beside_kias_are_ktp_els(body: str, ktp: tuple[int, ...], kia: tuple[int, ...]) -> None:
    v = read_message(mail(body, subject="lap harian 30 nov", sender="disdukcapil@nunukankab.example"), DISTRICTS)
    assert (v.kind, v.item, v.stock_on_hand, v.printed, v.recorded) == ("stock_report", "ktp-el", *ktp)
    other = {r.item: r for r in v.readings}["kia"]
    assert (other.stock_on_hand, other.printed) == kia


def test_a_kia_report_alone_stays_kia() -> None:
    v = read_message(mail("Laporan KIA: cetak 38, sisa 267", subject="lap harian KIA"), DISTRICTS)
    assert (v.item, v.stock_on_hand, v.printed) == ("kia", 267, 38)


# --- A count of packages with the size of one is a count of blanks ----------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("mohon dikirim blangko ktp-el 5 box (1 box isi 100 keping) utk pelayanan di Sebatik.", {"requested": 500}),
        ("kami mohon blangko KIA sebanyak 2 box (1 box = 250 lembar) atau 500 lembar.", {"requested": 500}),
        ("mengajukan permohonan blangko KTP-el sebanyak 3 dus (1 dus berisi 500 keping), total 1.500 keping.",
         {"requested": 1500}),
        # Figures that differ are still a choice a clerk asks about.
        ("mohon blangko sebanyak 1.000 atau 1.500 keping", {}),
    ],
)
def test_a_count_of_packages_with_their_size_is_a_count_of_blanks(text: str, want: dict[str, int]) -> None:
    assert read(text) == want


# --- A row per place with no total row adds up to the district's figure ------------------------------------


def test_a_table_with_a_row_per_kecamatan_and_no_total_row_adds_up() -> None:
    from mailbot.reader.roles import read_table

    rows = (("Laporan Perekaman dan Pencetakan KTP-el",), ("Kecamatan", "Perekaman", "Pencetakan"),
            ("Tanjung Selor", "48", "40"), ("Peso", "5", "4"), ("Bunyu", "11", "9"))
    found, _ = read_table(rows, None, "lap.csv") or ([], None)
    assert {c.field: c.value for c in found} == {"recorded": 64, "printed": 53}
    one_column = (("Permintaan blangko KTP-el per kecamatan",), ("kecamatan", "jumlah_diminta"),
                  ("Tanjung Selor", "400"), ("Peso", "80"))
    found, _ = read_table(one_column, None, "permintaan.csv") or ([], None)
    assert {c.field: c.value for c in found} == {"requested": 480}


def test_rows_that_name_no_places_are_not_added_up() -> None:
    from mailbot.reader.roles import read_table

    rows = (("Keterangan", "Perekaman", "Pencetakan"), ("Gedung", "48", "40"), ("Gedung", "5", "4"))
    found, _ = read_table(rows, None, "lap.csv") or ([], None)
    assert not [c for c in found if c.value is not None]


def test_a_schools_number_is_no_quantity() -> None:
    text = ("Stok blangko KIA kami tinggal 180 keping, sementara layanan KIA di 3 sekolah dasar (SDN 001, SDN 004 dan "
            "SDN 011 Tanjung Selor) dijadwalkan minggu depan. Mohon tambahan blangko KIA 800 keping.")
    assert read(text) == {"stock_on_hand": 180, "requested": 800}


def test_a_blank_named_only_in_words_without_figures_is_not_the_reports() -> None:
    body = "Lap 01/12\nstok awal 2.500, cetak 91, rekam 97 -> sisa akhir 2.409\nKIA aman.\nop bulungan"
    v = read_message(mail(body, subject="lap harian 01/12", sender="operator.bulungan@bulungankab.example"), DISTRICTS)
    assert (v.kind, v.item, v.stock_on_hand, v.printed, v.recorded) == ("stock_report", "ktp-el", 2409, 91, 97)


def test_a_kia_report_in_words_and_figures_stays_kia() -> None:
    body = "Laporan KIA hari ini:\ncetak 41, sisa 560 lembar"
    v = read_message(mail(body, subject="lap harian"), DISTRICTS)
    assert (v.item, v.stock_on_hand) == ("kia", 560)
