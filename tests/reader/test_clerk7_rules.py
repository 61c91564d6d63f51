"""Classes of wrong numbers found on two more writers the reader had not seen, each removed by a principle:
a year written in words is no quantity, a numbered list under a sentence ending with a colon takes the
sentence's role, a receipt whose subject is the province or the ministry is theirs, and a sentence opened
by an earlier month tells that month's figures."""

from __future__ import annotations

from datetime import datetime

import pytest

from mailbot.reader.numbers import find_mentions, normalise
from mailbot.reader.roles import current_requests, read_text, settle

SENT = datetime(2026, 12, 8, 9, 0)


def read(text: str, sent: datetime | None = SENT) -> dict[str, int]:
    candidates, unassigned = read_text(text, normalise(text), sent=sent)
    return dict(settle(current_requests(candidates), unassigned).values)


# --- A year in words ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "year", ["tahun dua ribu dua puluh enam", "Tahun Dua Ribu Dua Puluh Lima", "thn dua ribu dua puluh tujuh"]
)
def test_a_year_in_words_is_no_quantity(year: str) -> None:
    text = f"pada hari Jumat {year} telah kami terima blangko"
    assert [m.value for m in find_mentions(normalise(text).lower())] == []


def test_words_of_the_same_size_without_a_year_word_are_a_count() -> None:
    text = "telah kami terima dua ribu dua puluh lima keping"
    assert [m.value for m in find_mentions(normalise(text).lower())] == [2025]


# --- A numbered list under a sentence ending with a colon ---------------------------------------------


def test_a_numbered_list_takes_the_role_of_its_lead_sentence() -> None:
    text = (
        "Bersama ini kami sampaikan bahwa tanggal empat Desember tahun dua ribu dua puluh enam telah kami terima "
        "dari Disdukcapil Provinsi:\n\n1. Blangko KTP-el sebanyak 1.500 (seribu lima ratus) keping;\n"
        "2. Blangko KIA sebanyak 500 (lima ratus) keping;\n\ndalam keadaan baik."
    )
    candidates, _ = read_text(text, normalise(text), sent=SENT)
    assert {(c.field, c.item, c.value) for c in candidates} == {("received", "ktp-el", 1500), ("received", "kia", 500)}


# --- A receipt of another party -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kami membaca di milis bahwa Provinsi menerima 45.000 keping blangko KTP-el tahap IV. Berapa alokasi kami?",
        "Berdasarkan informasi, Provinsi telah menerima 45.000 keping blangko KTP-el dari Kemendagri.",
        "Kemendagri sudah menerima 10.000 keping dari vendor.",
    ],
)
def test_a_receipt_of_the_province_or_ministry_is_not_the_writers(text: str) -> None:
    assert "received" not in read(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kiriman dari Provinsi sudah kami terima sebanyak 1.500 keping.",
        "Blangko dari provinsi telah kami terima 1.500 keping.",
        "Provinsi telah mengirim dan kami menerima 1.500 keping.",
    ],
)
def test_a_receipt_from_the_province_is_the_writers(text: str) -> None:
    assert read(text)["received"] == 1500


# --- An earlier month --------------------------------------------------------------------------------


def test_a_sentence_opened_by_an_earlier_month_tells_that_months_figures() -> None:
    text = (
        "Pada bulan Oktober 2026 kami telah menerima 1.500 keping blangko KIA dari Provinsi, dan sampai dengan "
        "3 Desember 2026 telah tercetak 1.290 keping. Sisa stok blangko KIA kami saat ini sebanyak 210 keping."
    )
    values = read(text)
    assert "received" not in values and "printed" not in values
    assert values["stock_on_hand"] == 210


@pytest.mark.parametrize(
    "text",
    [
        "Pada bulan Desember 2026 kami telah menerima 1.500 keping blangko KIA dari Provinsi.",
        "Pada tanggal 7 Desember kami telah menerima 1.500 keping blangko KIA.",
    ],
)
def test_the_month_of_the_mail_is_this_reports(text: str) -> None:
    assert read(text)["received"] == 1500


def test_without_the_date_sent_no_month_is_earlier() -> None:
    assert read("Pada bulan Oktober kami telah menerima 1.500 keping blangko.", sent=None)["received"] == 1500


# --- The shortfall asked -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("buat Desember kebutuhan kita kira2 4.200 keping, stok ada 1.700. jadi kurangnya aja yg dikirim ya.", 2500),
        ("kebutuhan blangko KIA sebanyak 900 keping, sedangkan sisa stok kami sebanyak 250 keping. "
         "Kami mohon kiranya Bapak berkenan memenuhi kekurangan blangko KIA dimaksud.", 650),
    ],
)
def test_the_shortfall_asked_without_a_figure_is_need_less_stock(text: str, asked: int) -> None:
    assert read(text)["requested"] == asked


def test_the_writers_own_difference_wins_over_the_need() -> None:
    text = ("Kebutuhan blangko KTP-el kami untuk bulan Desember 2026 kurang lebih 2.200 keping, sedangkan stok yang "
            "ada 700 keping. Mohon kekurangannya 1.500 keping nggih.")
    values = read(text)
    assert values["requested"] == 1500 and values["stock_on_hand"] == 700


def test_sekurang_kurangnya_is_no_shortfall() -> None:
    text = "kebutuhan kami sekurang-kurangnya 900 keping, stok 250 keping."
    assert read(text)["requested"] == 900


def test_the_rest_of_a_request_not_granted_is_no_stock() -> None:
    text = ("Dengan hormat kami mohon kiranya sisa 500 (lima ratus) keping yang belum disetujui dapat dikirimkan "
            "pada pengiriman berikutnya.")
    assert "stock_on_hand" not in read(text)
    assert read("sisa stok 500 keping, permohonan kami belum disetujui.")["stock_on_hand"] == 500


@pytest.mark.parametrize("sent", [SENT, None])
def test_a_day_of_an_activity_counted_from_its_start_is_not_the_reports(sent: datetime | None) -> None:
    text = ("Pada hari pertama tercetak 118 keping KIA, sehingga sisa stok blangko KIA kami per pagi ini "
            "tinggal 92 (sembilan puluh dua) keping.")
    values = read(text, sent=sent)
    assert "printed" not in values and values["stock_on_hand"] == 92
    assert read("Hari ini tercetak 118 keping KIA, sisa stok 92 keping.", sent=sent)["printed"] == 118


# --- A terse table header ------------------------------------------------------------------------------


@pytest.mark.parametrize("header", ["Minta", "Mohon", "Butuh", "Need"])
def test_a_verb_stem_header_names_the_requested_column(header: str) -> None:
    from mailbot.reader.roles import column_of

    assert column_of(header) == "requested"
    assert column_of("Sisa") == "stock_on_hand"


def test_the_blank_asked_for_in_a_table_is_the_mails() -> None:
    from mailbot.reader import read_message
    from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES

    body = ("Pagi min, rekap stok + permintaan:\n\n| Item   | Sisa  | Minta |\n|--------|-------|-------|\n"
            "| KTP-el | 2.070 | -     |\n| KIA    | 180   | 800   |\n\nKTP-el masih aman, yg urgent KIA aja. thx\n")
    raw = (f"From: disdukcapil@tarakankota.example\nTo: blangko@disdukcapil.kaltaraprov.example\n"
           f"Subject: stok\n\n{body}").encode()
    verdict = read_message(raw, DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()
    assert (verdict["item"], verdict["requested"], verdict["stock_on_hand"]) == ("kia", 800, 180)


# --- A confidentiality notice is no newsletter -----------------------------------------------------------


def test_a_notice_for_mail_received_in_error_is_no_newsletter() -> None:
    from mailbot.reader.automated import content_reasons

    notice = ("Kebutuhan kami 2.200 keping.\n--\nDISCLAIMER: Jika Anda menerima email ini karena\r\n"
              "kekeliruan, mohon segera memberitahu pengirim.")
    assert "newsletter" not in content_reasons("Permohonan blangko", notice)
    footer = "Anda menerima email ini karena terdaftar di milis Dukcapil. Berhenti berlangganan: klik di sini."
    assert "newsletter" in content_reasons("Buletin", footer)


# --- A form's dump of keys -------------------------------------------------------------------------------


def test_the_words_of_a_key_joined_by_underscores_are_read() -> None:
    text = "jenis=KTP-el\nsisa_stok=615\njumlah_blangko_diminta: 1500\nkontak=0821-5566-7012\n"
    assert normalise(text).count("_") == 0
    values = read(text)
    assert values["stock_on_hand"] == 615 and values["requested"] == 1500
    # An underscore elsewhere is left as it is: "op_malinau@example" is an address.
    assert "op_malinau@" in normalise("kirim ke op_malinau@example.id")


# --- An inline answer under a quoted line ending with a colon -------------------------------------------


def test_an_answer_under_a_quoted_line_ending_with_a_colon_takes_its_role() -> None:
    from mailbot.reader import read_message
    from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES

    body = ("Pada Kam, 3 Des 2026 pukul 15.40 Bidang Pelayanan <blangko@disdukcapil.kaltaraprov.example> menulis:\n"
            "> Surel Saudara belum mencantumkan angka yang diperlukan. Mohon lengkapi:\n"
            "> 1. Jumlah blangko KTP-el yang dimohon:\n\n1.800 keping\n\n"
            "> 2. Sisa stok blangko KTP-el saat ini:\n\nsisa 540 keping per pagi ini\n\nTerima kasih,\nCapil Nunukan\n")
    raw = ("From: disdukcapil@tarakankota.example\nTo: blangko@disdukcapil.kaltaraprov.example\n"
           f"Subject: Re: [BLK-2026-0040] Permohonan blangko\n\n{body}").encode()
    verdict = read_message(raw, DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()
    assert (verdict["requested"], verdict["stock_on_hand"]) == (1800, 540)


def test_an_answer_under_a_bullet_of_a_list_to_fill_in_takes_its_role() -> None:
    from mailbot.reader import read_message
    from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES

    body = ("Bidang Pelayanan <blangko@disdukcapil.kaltaraprov.example> wrote on 09/12/2026 14:20:\n"
            ">Laporan harian Kabupaten Tana Tidung belum mencantumkan:\n>- jumlah pencetakan\n\nCetak 34\n\n"
            ">- sisa blangko KTP-el\n\n968 keping\n\n>Nomor tiket: BLK-2026-0062\n\nMatur nuwun,\nSutrisno\n")
    raw = ("From: disdukcapil@tanatidungkab.example\nTo: blangko@disdukcapil.kaltaraprov.example\n"
           f"Subject: Re: laporan harian\n\n{body}").encode()
    verdict = read_message(raw, DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()
    assert (verdict["printed"], verdict["stock_on_hand"]) == (34, 968)


def test_kantun_is_what_is_left() -> None:
    assert read("Blangko KTP-el kantun 968 keping nggih.")["stock_on_hand"] == 968


# --- Text below an Outlook header over a marked quote ----------------------------------------------------


def test_text_below_a_marked_quote_under_an_original_message_header_is_the_writers() -> None:
    from mailbot.reader.quotes import split_quoted

    text = ("----- Original Message -----\nFrom: Bidang Pelayanan <blangko@disdukcapil.kaltaraprov.example>\n"
            "To: disdukcapil@tarakankota.example\nSent: Thursday, December 03, 2026 4:20 PM\n"
            "Subject: [BLK-2026-0042] Permohonan blangko KTP-el\n\n"
            "> Permohonan Kota Tarakan sebanyak 1.500 keping dengan sisa stok 950 keping telah kami terima.\n>\n"
            "> Hormat kami,\n\nMohon maaf Pak, ada koreksi: sisa stok kami bukan 950 melainkan 590 keping.\n")
    own, quoted = split_quoted(text)
    assert own.strip() == "Mohon maaf Pak, ada koreksi: sisa stok kami bukan 950 melainkan 590 keping."
    assert "1.500" in quoted and "Original Message" in quoted
    # Unmarked, the earlier message under the header is all quote.
    own, quoted = split_quoted(text.replace("> ", "").replace(">\n", "\n"))
    assert own.strip() == ""


# --- Chat spelling of an arrival -----------------------------------------------------------------------


def test_what_nyampe_is_received() -> None:
    from mailbot.reader import read_message
    from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES

    raw = (b"From: disdukcapil@tarakankota.example\nTo: blangko@disdukcapil.kaltaraprov.example\n"
           b"Subject: kiriman blangko baru sebagian\n\n"
           b"Min, yg nyampe baru 1.500 dari 2.000 yg dijanjikan. sisanya kapan ya?\n")
    verdict = read_message(raw, DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()
    assert (verdict["kind"], verdict["received"]) == ("receipt", 1500)


# --- A bare zero word after a role word ------------------------------------------------------------------


def test_a_role_word_followed_by_nihil_is_zero() -> None:
    values = read("Lap 01/12: perekaman nihil, pencetakan nihil (server SIAK down seharian). Sisa blangko 388.")
    assert (values["recorded"], values["printed"], values["stock_on_hand"]) == (0, 0, 388)
    # Not when the word goes on: "nol koma" or a word after it is no bare zero.
    assert "printed" not in read("pencetakan nihil kendala, sisa blangko 388.")


def test_javanese_tampi_is_received() -> None:
    from mailbot.reader import read_message
    from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES

    raw = (b"From: disdukcapil@tarakankota.example\nTo: blangko@disdukcapil.kaltaraprov.example\n"
           b"Subject: blangko\n\nMatur nuwun, blangko KTP-el 500 (lima ratus) keping sampun kami tampi tadi pagi "
           b"dalam kondisi baik.\n")
    verdict = read_message(raw, DISTRICTS, own_addresses=OWN_ADDRESSES).as_dict()
    assert (verdict["kind"], verdict["received"]) == ("receipt", 500)
