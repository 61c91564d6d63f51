"""Classes of wrong numbers found on two more writers (long letters from a head of office, replies to the
desk's own mails), each removed by a principle: the gap between a need and a stock asked for as a
difference is worked out whatever the ask calls it."""

from __future__ import annotations

import pytest

from mailbot.configfile import load_config
from mailbot.pipeline import Rules, read_within_limits
from mailbot.reader import read_message
from mailbot.reader.numbers import find_mentions, mask_non_quantities, normalise, parse_digits
from mailbot.reader.roles import current_requests, read_text, settle
from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES, ROOT


def read(text: str) -> dict[str, int]:
    candidates, unassigned = read_text(text, normalise(text))
    return dict(settle(current_requests(candidates), unassigned).values)


def mail(body: str, subject: str = "blangko", sender: str = "disdukcapil@tarakankota.example") -> bytes:
    return (f"From: {sender}\nTo: blangko@disdukcapil.kaltaraprov.example\nSubject: {subject}\n\n{body}").encode()


# --- The gap asked for as a difference --------------------------------------------------------------------


@pytest.mark.parametrize(
    "ask",
    [
        "kami mohon kiranya Bapak berkenan memenuhi selisih kekurangan blangko tersebut.",
        "mohon dapat dikirimkan selisih kekurangan tersebut.",
        "mohon bantuan untuk menutup selisih tersebut.",
    ],
)
def test_a_difference_asked_is_the_need_less_the_stock(ask: str) -> None:
    text = ("Kebutuhan blangko KTP-el sampai dengan akhir Januari diperkirakan sebanyak 5.200 (lima ribu dua ratus) "
            "keping, sedangkan persediaan blangko yang ada pada kami saat ini sebanyak 1.700 (seribu tujuh ratus) "
            f"keping.\n\nSehubungan dengan itu, {ask}")
    assert read(text) == {"requested": 3500, "stock_on_hand": 1700}


# --- The desk's approved figure said back ------------------------------------------------------------------


DESK_APPROVAL = (
    "\n\n________________________________\nFrom: Disdukcapil Provinsi <blangko@disdukcapil.kaltaraprov.example>\n"
    "Sent: Thursday, December 3, 2026 2:20 PM\nSubject: [BLK-2026-0027] Permohonan blangko KTP-el disetujui\n\n"
    "Permohonan blangko KTP-el DISETUJUI sebanyak 2.500 keping dan akan dikirim melalui ekspedisi.\n"
)


@pytest.mark.parametrize(
    "said",
    [
        "Blangko KTP-el sudah kami terima hari ini, namun setelah dihitung jumlahnya 2.400 keping, kurang 100 "
        "keping dari yang disetujui (2.500 keping). Mohon dicek kembali.",
        "Blangko sudah kami terima sebanyak 2.400 keping, padahal yang disetujui 2.500 keping.",
    ],
)
def test_the_approved_figure_said_back_is_no_request(said: str) -> None:
    v = read_message(mail(said + DESK_APPROVAL, subject="RE: [BLK-2026-0027] Permohonan blangko KTP-el disetujui",
                          sender="disdukcapil@nunukankab.example"), DISTRICTS, own_addresses=OWN_ADDRESSES)
    assert (v.kind, v.received, v.requested) == ("receipt", 2400, None)


def test_thanks_for_an_approval_asks_for_nothing() -> None:
    text = ("Terima kasih atas persetujuan permohonan blangko KTP-el sebanyak 2.000 keping. Kami akan mengambil "
            "blangko tersebut hari Senin depan.")
    assert "requested" not in read(text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A receipt of the approved figure is still a receipt.
        ("Blangko yang disetujui sebanyak 2.000 keping sudah kami terima dengan baik.", {"received": 2000}),
        # An ask for approval is an ask.
        ("Mohon kiranya dapat disetujui permohonan blangko KTP-el sebanyak 2.000 keping.", {"requested": 2000}),
        # The approved figure is left; the raise beside it is the request.
        ("Permohonan kami yang sudah disetujui 1.000 keping, mohon ditambah menjadi 1.500 keping.",
         {"requested": 1500}),
    ],
)
def test_an_approval_word_leaves_other_figures_alone(text: str, want: dict[str, int]) -> None:
    assert read(text) == want


# --- A number with several thousands groups is one number ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Alokasi blangko KTP-el nasional sebanyak 15.000.000 keping", 15_000_000),
        ("jumlah penduduk 1.025.000 jiwa", 1_025_000),
        ("kuota nasional 20.000.000 keping", 20_000_000),
    ],
)
def test_a_thousands_group_starting_with_zero_is_no_phone_number(text: str, value: int) -> None:
    low = normalise(text)
    assert [m.value for m in find_mentions(low, mask_non_quantities(low))] == [value]


def test_a_figure_too_large_for_a_district_is_left_with_a_doubt() -> None:
    rules = Rules.of(load_config(ROOT / "config.toml"))  # what `mailbot parse` reads with, its limits too
    v = read_within_limits(mail("Alokasi blangko KTP-el nasional Tahun Anggaran 2027 sebanyak 15.000.000 keping."),
                           rules)
    assert v.requested is None
    assert any(d.reason == "too_large" for d in v.doubts)


# --- A count written with a zero decimal -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "value"),
    [("615,00", 615), ("935.00", 935), ("98,0", 98), ("1,5", None), ("2,50", None), ("131,05", None)],
)
def test_a_zero_decimal_is_a_whole_count_and_any_other_decimal_none(token: str, value: int | None) -> None:
    assert parse_digits(token) == value


def test_a_weekly_export_with_zero_decimals_is_read_from_its_total_and_last_day() -> None:
    text = ("Tanggal;Perekaman;Pencetakan;Saldo Blangko\n23/11/2026;131,00;118,00;1.384,00\n"
            "26/11/2026;119,00;109,00;1.026,00\n27/11/2026;98,00;90,00;935,00\n")
    low = normalise(text)
    assert [m.value for m in find_mentions(low, mask_non_quantities(low))] == [
        131, 118, 1384, 119, 109, 1026, 98, 90, 935]


# --- The desk's own mail at any depth of a forward chain ---------------------------------------------------


CHAIN = (
    "Yth. Desk Blangko,\n\nMenindaklanjuti email di bawah, mohon permohonan kami dikoreksi menjadi 2.500 keping "
    "(bukan 3.500 keping) sesuai disposisi Kepala Dinas.\n\nSekretariat Disdukcapil Nunukan\n\n"
    "---------- Forwarded message ---------\nDari: Capil Nunukan <capil.nunukan@nunukankab.example>\n"
    "Date: Kam, 3 Des 2026 pukul 15.02\nSubject: Fwd: [BLK-2026-0058] Permohonan blangko KTP-el diterima\n\n"
    "Pak Sekretaris, mohon arahan.\n\n"
    "---------- Forwarded message ---------\nDari: Desk Blangko <{desk}>\n"
    "Date: Kam, 3 Des 2026 pukul 10.40\nSubject: [BLK-2026-0058] Permohonan blangko KTP-el diterima\n\n"
    "Permohonan blangko KTP-el sebanyak 3.500 keping telah kami terima dengan nomor BLK-2026-0058.\n"
    "Sisa stok yang Saudara laporkan: 430 keping.\n"
)


def test_the_desk_mail_forwarded_down_a_chain_supplies_no_figure() -> None:
    body = CHAIN.format(desk=OWN_ADDRESSES[0])
    v = read_message(mail(body, subject="Fwd: Fwd: [BLK-2026-0058] Permohonan blangko KTP-el diterima",
                          sender="disdukcapil@nunukankab.example"), DISTRICTS, own_addresses=OWN_ADDRESSES)
    assert (v.kind, v.requested, v.stock_on_hand, v.received) == ("request", 2500, None, None)


def test_a_colleague_forward_with_no_desk_mail_still_counts() -> None:
    body = CHAIN.format(desk="gudang@nunukankab.example").replace("BLK-2026-0058", "catatan gudang")
    v = read_message(mail(body, subject="Fwd: Fwd: permohonan", sender="disdukcapil@nunukankab.example"),
                     DISTRICTS, own_addresses=OWN_ADDRESSES)
    assert v.stock_on_hand == 430


# --- People named by who they are are counted in people, not blanks -----------------------------------------


@pytest.mark.parametrize(
    "people",
    ["412 Pekerja Migran Indonesia yang dideportasi", "412 siswa SMA yang berulang tahun ke-17", "412 narapidana"],
)
def test_a_count_of_people_by_who_they_are_is_no_count_of_blanks(people: str) -> None:
    text = (f"Sejak penerimaan tersebut kebutuhan pelayanan meningkat, antara lain untuk {people}. Sisa persediaan "
            "blangko KTP-el sebanyak 615 keping. Kami mohon tambahan blangko KTP-el sebanyak 3.000 keping.")
    assert read(text) == {"stock_on_hand": 615, "requested": 3000}


def test_people_counted_by_who_they_are_may_be_a_day_of_recording() -> None:
    assert read("Hari ini perekaman 58 siswa SMA di sekolah, pencetakan 40 keping.") == {"recorded": 58, "printed": 40}


# --- A mail server's reports and a system's notices from an authenticated domain ----------------------------


@pytest.mark.parametrize(
    ("sender", "body"),
    [
        ("dmarcreport@microsoft.com", "This is a DMARC aggregate report from Microsoft Corporation. For Emails "
                                      "received between 2026-12-03 and 2026-12-04."),
        ("reports@mailserver.example", "You're receiving this email because you have included your email address "
                                       "in the 'rua' tag of your DMARC record in DNS."),
        ("tlsrpt@mail.example", "Report attached."),
    ],
)
def test_a_mail_servers_report_is_automated(sender: str, body: str) -> None:
    raw = mail(body, subject="Report Domain: disdukcapil.kaltaraprov.example Submitter: mail.example", sender=sender)
    assert read_message(raw, DISTRICTS, own_addresses=OWN_ADDRESSES).kind == "automated"


PASSWORD_NOTICE = ("Kata sandi untuk blangko@disdukcapil.kaltaraprov.example akan kedaluwarsa pada 8/12/2026.\n"
                   "Ubah kata sandi Anda di https://aka.ms/sspr\n")


def test_a_system_notice_from_its_authenticated_domain_is_automated() -> None:
    raw = (b"Authentication-Results: mx.kaltaraprov.example; spf=pass smtp.mailfrom=microsoft.com; dkim=pass "
           b"header.d=microsoft.com; dmarc=pass header.from=microsoft.com\n"
           + mail(PASSWORD_NOTICE, subject="Kata sandi Anda akan kedaluwarsa dalam 7 hari",
                  sender="no-reply@microsoft.com"))
    assert read_message(raw, DISTRICTS, own_addresses=OWN_ADDRESSES).kind == "automated"


@pytest.mark.parametrize(
    "auth",
    [b"", b"Authentication-Results: mx.kaltaraprov.example; dmarc=fail header.from=microsoft.com\n",
     b"Authentication-Results: mx.kaltaraprov.example; dmarc=pass header.from=other.example\n"],
)
def test_the_same_notice_unauthenticated_is_a_scam(auth: bytes) -> None:
    raw = auth + mail(PASSWORD_NOTICE, subject="Kata sandi Anda akan kedaluwarsa dalam 7 hari",
                      sender="no-reply@microsoft.com")
    assert read_message(raw, DISTRICTS, own_addresses=OWN_ADDRESSES).kind == "other"


# --- A date written in words -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("persediaan blangko KTP-el per tanggal tiga puluh November dua ribu dua puluh enam tinggal sembilan "
         "ratus lima belas keping. Kami mohon blangko KTP-el sebanyak tiga ribu keping.",
         {"stock_on_hand": 915, "requested": 3000}),
        ("blangko KTP-el sejumlah seribu lima ratus keping telah diterima oleh petugas kami pada hari Rabu tanggal "
         "dua Desember dua ribu dua puluh enam dalam keadaan baik.", {"received": 1500}),
        # A count right after a month's name is a count, not its year.
        ("kebutuhan blangko bulan Desember dua ribu keping, mohon dikirim.", {"requested": 2000}),
    ],
)
def test_the_day_and_year_of_a_date_in_words_are_no_figures(text: str, want: dict[str, int]) -> None:
    assert read(text) == want


def test_only_a_full_month_name_opens_a_date_in_words() -> None:
    # "may" is a verb too; "des" alone is no date.
    for text in ("we may need dua ribu keping", "sisa des dua ribu"):
        assert mask_non_quantities(text) == text


# --- An ask to reply with a figure is a question ----------------------------------------------------------


@pytest.mark.parametrize(
    "ask",
    [
        "Mohon balas email ini dengan menyebutkan jumlah yang diminta (keping) dan sisa stok saat ini.",
        "Mohon dilengkapi jumlah yang diminta.",
        "Please state the quantity requested.",
    ],
)
def test_a_reply_to_an_ask_for_the_figure_answers_it(ask: str) -> None:
    body = ("Iya benar Pak, jumlahnya 1.500 keping KTP-el.\n\n"
            f"Pada Kam, 3 Des 2026 pukul 10.05 Desk <{OWN_ADDRESSES[0]}> menulis:\n\n"
            f"> Kami belum dapat memproses permohonan Saudara.\n> {ask}\n")
    v = read_message(mail(body, subject="Re: [BLK-2026-0036] Permohonan blangko - mohon dilengkapi",
                          sender="operator.bulungan@bulungankab.example"), DISTRICTS, own_addresses=OWN_ADDRESSES)
    assert (v.kind, v.requested) == ("request", 1500)


# --- An invitation with no figure of its own -----------------------------------------------------------------


INVITATION = ("Dengan hormat, dalam rangka evaluasi pelayanan, kami mengundang Bapak/Ibu untuk hadir pada:\n\n"
              "  hari/tanggal : Kamis, 10 Desember 2026\n"
              "  acara        : Evaluasi capaian perekaman dan rencana kebutuhan blangko Tahun 2027\n\n"
              "Mengingat pentingnya acara tersebut, kehadiran Bapak/Ibu sangat kami harapkan.\n")


def test_an_invitation_naming_the_need_of_blanks_as_its_agenda_is_other_mail() -> None:
    v = read_message(mail(INVITATION, subject="Undangan Rapat Evaluasi Pelayanan Adminduk",
                          sender="disdukcapil@bulungankab.example"), DISTRICTS, own_addresses=OWN_ADDRESSES)
    assert (v.kind, v.item) == ("other", None)


def test_an_invitation_that_also_asks_a_figure_is_a_request() -> None:
    body = INVITATION + "\nSekalian kami mohon tambahan blangko KTP-el sebanyak 1.000 keping.\n"
    v = read_message(mail(body, subject="Undangan rapat", sender="disdukcapil@bulungankab.example"),
                     DISTRICTS, own_addresses=OWN_ADDRESSES)
    assert (v.kind, v.requested) == ("request", 1000)


# --- Thanks for an approved request asks nothing ------------------------------------------------------------


def test_thanks_for_the_approval_of_a_request_is_other_mail() -> None:
    body = ("Terima kasih atas persetujuan permohonan blangko KTP-el sebanyak 2.000 keping. Kami akan mengambil "
            "blangko tersebut hari Senin depan.\n")
    v = read_message(mail(body, subject="Re: [BLK-2026-0049] Permohonan disetujui"), DISTRICTS,
                     own_addresses=OWN_ADDRESSES)
    assert (v.kind, v.requested) == ("other", None)


def test_a_new_request_beside_thanks_for_an_approval_is_a_request() -> None:
    body = ("Terima kasih atas persetujuan permohonan blangko KTP-el. Sekalian kami mohon blangko KIA sebanyak "
            "500 keping.\n")
    v = read_message(mail(body, subject="Re: [BLK-2026-0049] Permohonan disetujui"), DISTRICTS,
                     own_addresses=OWN_ADDRESSES)
    assert (v.kind, v.requested) == ("request", 500)


# --- A third party's mail passed on for information ---------------------------------------------------------


def _forward(words: str, sender_line: str) -> str:
    return (f"{words}\n\n---------- Forwarded message ---------\nFrom: {sender_line}\n"
            "Date: Mon, Nov 30, 2026 at 4:11 PM\nSubject: Alokasi Blangko\n\n"
            "Mohon tambahan blangko KTP-el sebanyak 2.000 keping, sisa stok 300 keping.\n")


def test_a_third_partys_mail_passed_on_for_information_states_no_figure() -> None:
    body = _forward("Sekadar meneruskan surat di bawah untuk diketahui. Terima kasih.",
                    "Ditjen Dukcapil <persuratan@dukcapil.kemendagri.example>")
    v = read_message(mail(body, subject="Fwd: Alokasi Blangko", sender="operator.bulungan@bulungankab.example"),
                     DISTRICTS, own_addresses=OWN_ADDRESSES)
    assert (v.kind, v.requested, v.stock_on_hand) == ("other", None, None)


@pytest.mark.parametrize(
    ("words", "sender_line"),
    [
        # The writer's own office's mail passed on is the writer's content.
        ("Untuk diketahui, permohonan kami di bawah.", "Capil Bulungan <capil@bulungankab.example>"),
        # Passed on with no word of information only: the forwarder makes it theirs.
        ("Mohon ditindaklanjuti.", "Ditjen Dukcapil <persuratan@dukcapil.kemendagri.example>"),
    ],
)
def test_a_forward_not_for_information_only_is_read(words: str, sender_line: str) -> None:
    v = read_message(mail(_forward(words, sender_line), subject="Fwd: Alokasi Blangko",
                          sender="operator.bulungan@bulungankab.example"), DISTRICTS, own_addresses=OWN_ADDRESSES)
    assert (v.kind, v.requested) == ("request", 2000)


# --- A figure worked out from a correction is corrected with it ---------------------------------------------


@pytest.mark.parametrize(
    "tail",
    [
        "eh maaf Pak, ralat, pencetakan yg benar 99 (4 keping dari loket terlambat diinput), jadi sisa blangko 490.",
        "Ralat: pencetakan yang benar 99, sehingga sisa blangko 490.",
    ],
)
def test_a_figure_worked_out_from_a_correction_replaces_its_own(tail: str) -> None:
    text = f"Perekaman : 112\nPencetakan : 95\nSisa blangko : 494\n\n{tail}"
    assert read(text) == {"recorded": 112, "printed": 99, "stock_on_hand": 490}


def test_a_result_without_a_correction_still_conflicts() -> None:
    text = "Perekaman : 112\nPencetakan : 95\nSisa blangko : 494\n\nKemarin dipakai 20, jadi sisa blangko 474."
    # Two stocks and no correction between them: a clerk asks.
    assert "stock_on_hand" not in read(text)


# --- A reply changing the figure the desk approved ---------------------------------------------------------


def _reply_to_approval(words: str) -> bytes:
    body = (f"{words}\n\nPada Rab, 2 Des 2026 pukul 15.20 Disdukcapil Provinsi <{OWN_ADDRESSES[0]}> menulis:\n\n"
            "> Permohonan blangko KTP-el DISETUJUI sebanyak 1.000 keping dan akan dikirim melalui ekspedisi.\n"
            "> Mohon konfirmasi setelah blangko diterima, dengan menyebutkan jumlah yang diterima.\n")
    return mail(body, subject="Re: [BLK-2026-0037] Permohonan blangko KTP-el disetujui",
                sender="disdukcapil@malinaukab.example")


def test_a_reply_changing_the_approved_figure_asks_the_new_one() -> None:
    v = read_message(_reply_to_approval("Pak, kalau bisa jadi 1.500 ya, krn stok kami lebih sedikit, sisa 200."),
                     DISTRICTS, own_addresses=OWN_ADDRESSES)
    assert (v.kind, v.requested, v.stock_on_hand) == ("request", 1500, 200)


def test_a_reply_waiting_for_the_approved_figure_asks_nothing() -> None:
    v = read_message(_reply_to_approval("Baik Pak, jadi kami tunggu 1.000 keping-nya. Terima kasih."),
                     DISTRICTS, own_addresses=OWN_ADDRESSES)
    assert v.requested is None


# --- One's own mail forwarded below an Outlook header block ------------------------------------------------


def _own_forward(words: str, sender_line: str) -> bytes:
    body = (f"{words}\n\nFrom: {sender_line}\nSent: Friday, November 27, 2026 2:10 PM\n"
            f"To: {OWN_ADDRESSES[0]}\nSubject: Permohonan blangko KTP-el Kota Tarakan\n\n"
            "Mohon tambahan blangko KTP-el untuk Kota Tarakan sebanyak 2.500 keping. Sisa stok per hari ini 1.020 "
            "keping.\n")
    return mail(body, subject="FW: Permohonan blangko KTP-el Kota Tarakan")


def test_new_words_above_ones_own_forwarded_request_win() -> None:
    raw = _own_forward("Kami teruskan kembali permohonan kami di bawah. Sejak email tersebut dikirim stok kami sudah "
                       "turun menjadi 610 keping.", "DISDUKCAPIL KOTA TARAKAN <disdukcapil@tarakankota.example>")
    v = read_message(raw, DISTRICTS, own_addresses=OWN_ADDRESSES)
    assert (v.kind, v.requested, v.stock_on_hand) == ("request", 2500, 610)


def test_a_vendors_invitation_on_managing_blank_stock_is_other_mail() -> None:
    body = ("Kami mengundang 2 (dua) orang perwakilan instansi Bapak/Ibu mengikuti Bimtek \"Pengelolaan Persediaan "
            "Blangko KTP-el & KIA\" tanggal 14-17 Desember 2026 di Jakarta. Kuota 60 peserta.\n")
    v = read_message(mail(body, subject="Undangan Bimtek Pengelolaan Persediaan Blangko Adminduk",
                          sender="event@bimtek-nusantara.example"), DISTRICTS, own_addresses=OWN_ADDRESSES)
    assert (v.kind, v.district, v.item) == ("other", None, None)
