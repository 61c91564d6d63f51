"""Managers decide held requests by replying SETUJU [jumlah] or TOLAK <alasan>."""

from __future__ import annotations

import pytest

from mailbot.errors import CommandError
from mailbot.guards.commands import COMMAND_ERROR_TEXT, ManagerCommand, parse_manager_command

GMAIL_QUOTE = """

Pada Sen, 15 Des 2025 pukul 10.02 Blangko Disdukcapil Kaltara <
blangko@disdukcapil.kaltaraprov.example> menulis:

> Permohonan BLK-2026-0042 menunggu keputusan.
> Balas SETUJU, SETUJU <jumlah> atau TOLAK <alasan>.
"""
OUTLOOK_QUOTE = """

-----Pesan Asli-----
Dari: Blangko Disdukcapil Kaltara <blangko@disdukcapil.kaltaraprov.example>
Dikirim: Senin, 15 Desember 2025 10:02
Kepada: Kadis <kadis@disdukcapil.kaltaraprov.example>
Perihal: [BLK-2026-0042] Permohonan menunggu keputusan

SETUJU 9.999
"""

APPROVALS = [
    ("SETUJU", None),
    ("setuju", None),
    ("  Setuju.  ", None),
    ("SETUJU!", None),
    ("SETUJU 1500", 1500),
    ("setuju 1.500", 1500),
    ("Setuju: 1.500 keping", 1500),
    ("setuju 1500keping", 1500),
    ("SETUJU - 2.000 lembar blangko KTP-el", 2000),
    ("Setuju 2rb", 2000),
    ("setuju 1,5 ribu keping", 1500),
    ("SETUJU 1.000.000", 1_000_000),
    ("SETUJU, terima kasih", None),
    ("Setuju 750 keping ya pak", 750),
    ("DISETUJUI", None),
    ("Disetujui 1.200", 1200),
    ("SETUJU\u00a01.500", 1500),
    ("\uff33\uff25\uff34\uff35\uff2a\uff35 1500", 1500),  # full-width letters from a phone keyboard
    ("SETUJU" + GMAIL_QUOTE, None),
    ("Setuju 1.500" + OUTLOOK_QUOTE, 1500),
    ("Yth. Bapak Kadis,\n\nSETUJU 1.500\n\nSalam", 1500),
    ("\n\n   \nSETUJU 800\n-- \nKadis Disdukcapil", 800),
]


@pytest.mark.parametrize(("text", "quantity"), APPROVALS)
def test_approvals(text: str, quantity: int | None) -> None:
    command = parse_manager_command(text)
    assert isinstance(command, ManagerCommand), command
    assert (command.action, command.quantity, command.reason) == ("approve", quantity, None)


REJECTIONS = [
    ("TOLAK stok provinsi menipis", "stok provinsi menipis"),
    # "for now" opens no reason (the district was told "Alasan: dulu, stok provinsi ...")
    ("Tolak dulu, stok provinsi sedang dihemat sampai Januari.", "stok provinsi sedang dihemat sampai Januari"),
    ("Tolak sementara waktu karena stok menipis", "karena stok menipis"),
    # ... nor the courtesy said with it
    ("Tolak saja dulu bu, rekap pemakaian November belum kami terima.", "rekap pemakaian November belum kami terima"),
    ("tolak aj ya pak. Stok gudang provinsi dipakai untuk perekaman massal", "Stok gudang provinsi dipakai untuk "
                                                                             "perekaman massal"),
    ("tolak: stok provinsi menipis", "stok provinsi menipis"),
    ("Tolak - laporan harian belum dikirim sejak 12/12", "laporan harian belum dikirim sejak 12/12"),
    ("  TOLAK    stok   provinsi\tmenipis  ", "stok provinsi menipis"),
    ("DITOLAK, sisa stok kabupaten masih 2.300", "sisa stok kabupaten masih 2.300"),
    ("TOLAK\nstok provinsi menipis", "stok provinsi menipis"),
    ("TOLAK\n\nstok provinsi menipis\n\nSalam", "stok provinsi menipis"),
    ("TOLAK stok provinsi menipis" + GMAIL_QUOTE, "stok provinsi menipis"),
    # the writer's own label before the reason is not part of it (the district is told "Alasan: ..." already)
    ("Tolak.\nAlasan: stok provinsi bulan ini untuk pemilu", "stok provinsi bulan ini untuk pemilu"),
    ("TOLAK alasan: stok provinsi menipis", "stok provinsi menipis"),
    ("TOLAK\nAlasannya - stok provinsi menipis", "stok provinsi menipis"),
    ("TOLAK alasan stok provinsi menipis", "alasan stok provinsi menipis"),  # no label without its colon
]


@pytest.mark.parametrize(("text", "reason"), REJECTIONS)
def test_rejections(text: str, reason: str) -> None:
    command = parse_manager_command(text)
    assert isinstance(command, ManagerCommand), command
    assert (command.action, command.quantity, command.reason) == ("reject", None, reason)


@pytest.mark.parametrize(("text", "reason"), [
    ("TOLAK PAKSA salah kirim", "salah kirim"),
    ("tolak paksa: salah kirim", "salah kirim"),
    ("TOLAK BLK-2026-0004 PAKSA salah kirim", "salah kirim"),
])
def test_a_rejection_confirmed_with_paksa_may_withdraw_an_approval(text: str, reason: str) -> None:
    command = parse_manager_command(text)
    assert isinstance(command, ManagerCommand), command
    assert (command.action, command.reason, command.forced) == ("reject", reason, True)
    plain = parse_manager_command("TOLAK paksaan kerja")  # a word that only begins with it is the reason
    assert isinstance(plain, ManagerCommand) and (plain.reason, plain.forced) == ("paksaan kerja", False)


ERRORS = [
    ("TOLAK", "reason_required"),
    ("TOLAK PAKSA", "reject_force_reason_required"),
    ("tolak paksa\n\nKepala Dinas", "reject_force_reason_required"),
    ("TOLAK PAKSA:\nstok diaudit", "reject_force_reason_required"),  # the reason stands on the PAKSA line
    ("TOLAK PAKSA\nAlasan: salah kirim", "reject_force_reason_required"),
    ("tolak.", "reason_required"),
    ("TOLAK 1500", "reason_required"),
    ("TOLAK\n\nSalam,\nKadis", "reason_required"),
    ("TOLAK" + GMAIL_QUOTE, "reason_required"),
    ("SETUJU 0", "quantity_not_positive"),
    ("SETUJU -500", "quantity_not_positive"),
    ("SETUJU \u2212500", "quantity_not_positive"),
    ("SETUJU 9.999.999.999.999.999", "quantity_too_large"),
    ("SETUJU 2.000 PAKSA", "force_reason_required"),
    ("SETUJU paksa.", "force_reason_required"),
    ("SETUJU 1,5", "quantity_ambiguous"),
    ("SETUJU 2,000", "quantity_ambiguous"),
    ("SETUJU,1,500 pcs", "quantity_ambiguous"),
    ("SETUJU 1.5", "quantity_invalid"),
    ("SETUJU 15.00", "quantity_invalid"),
    ("SETUJU 1.500,5", "quantity_invalid"),
    ("SETUJU 600x", "quantity_invalid"),  # letters joined to the figure: another number than the digits say
    ("SETUJU 6oo", "quantity_invalid"),
    ("setuju sekali, tapi tunggu laporan dulu", "unclear_approval"),
    ("SETUJU 1 500", "quantity_invalid"),  # two figures side by side, named
    ("SETUJU 17/12", "unclear_approval"),
    ("Tidak setuju", "negated_approval"),
    ("BELUM SETUJU, tunggu rapat", "negated_approval"),
    ("SETUJU BLK-2026-0042 dan BLK-2026-0043", "several_references"),
]


@pytest.mark.parametrize(("text", "said"), [
    ("SETUJU 1.25rb", 'Jumlah "1.25rb" memakai titik sebagai tanda desimal, padahal dalam bahasa Indonesia tanda '
                      "desimal ditulis dengan koma. Tulis misalnya: SETUJU 1,25 rb atau SETUJU 1.250."),
    ("setuju 2.75 ribu keping", 'Jumlah "2.75 ribu" memakai titik sebagai tanda desimal, padahal dalam bahasa '
                                "Indonesia tanda desimal ditulis dengan koma. Tulis misalnya: SETUJU 2,75 ribu atau "
                                "SETUJU 2.750."),
    # was "Tulis misalnya: SETUJU 1 atau ...": one piece, which no one approving blanks means
    ("SETUJU 1,5", 'Jumlah "1,5" memakai koma desimal, padahal jumlah keping selalu bilangan bulat. Tulis misalnya: '
                   "SETUJU 1,5 ribu atau SETUJU 1.500."),
    # were "Tulis ribuan dengan titik, misalnya: SETUJU 2.000.": a figure the manager never wrote
    ("Setuju 3,000", 'Jumlah "3,000" dapat dibaca dua cara, karena dalam bahasa Indonesia koma adalah tanda desimal '
                     "dan ribuan ditulis dengan titik. Tulis misalnya: SETUJU 3.000 atau SETUJU 3000."),
    ("Setuju 1,200 dulu", 'Jumlah "1,200" dapat dibaca dua cara, karena dalam bahasa Indonesia koma adalah tanda '
                          "desimal dan ribuan ditulis dengan titik. Tulis misalnya: SETUJU 1.200 atau SETUJU 1200."),
    ("SETUJU 1.500,00", 'Jumlah "1.500,00" memakai koma desimal, padahal jumlah keping selalu bilangan bulat. Tulis '
                        "misalnya: SETUJU 1.500."),
    ("SETUJU 02.000", 'Jumlah "02.000" diawali angka 0 sebelum ribuannya. Tulis misalnya: SETUJU 2.000.'),
    ("SETUJU 15.00", 'Jumlah "15.00" bukan bilangan bulat. Tulis misalnya: SETUJU 2.000 atau SETUJU 2000.'),
    ("setuju 0.000", "Jumlah yang disetujui harus lebih dari nol."),
], ids=["point-before-rb", "point-before-ribu", "decimal-comma", "comma-thousands", "comma-thousands-for-now",
        "zero-decimals", "leading-zero", "not-whole",
        "zero-grouped"])
def test_a_refused_figure_is_answered_with_the_fix_the_command_line_gives(text: str, said: str) -> None:
    """"setuju 0.000" and "SETUJU 1.25rb" were answered "Tulis jumlah dalam angka", though written in figures, while
    the command line said what was wrong with them: the manager gets the same fix."""
    from mailbot.errors import QuantityError
    from mailbot.quantities import parse_quantity

    asked = parse_manager_command(text)
    assert isinstance(asked, CommandError) and asked.message == said, asked.message
    figure = said.partition('Jumlah "')[2].partition('"')[0]
    if figure:  # the figures suggested are the command line's for the same typing
        with pytest.raises(QuantityError) as cli:
            parse_quantity(figure)
        assert all(example.removeprefix("SETUJU ") in str(cli.value)
                   for example in said.partition("misalnya: ")[2].rstrip(".").split(" atau ")), str(cli.value)


@pytest.mark.parametrize(("text", "quantity", "reason"), [
    ("SETUJU 8.100 PAKSA stok rusak karena banjir", 8100, "stok rusak karena banjir"),
    ("setuju 1.550 keping, paksa: sisa pak terakhir", 1550, "sisa pak terakhir"),
    ("SETUJU PAKSA kebutuhan pemilu", None, "kebutuhan pemilu"),
])
def test_an_approval_confirmed_with_paksa_carries_its_reason(text: str, quantity: int | None, reason: str) -> None:
    command = parse_manager_command(text)
    assert isinstance(command, ManagerCommand), command
    assert (command.action, command.quantity, command.reason) == ("approve", quantity, reason)


@pytest.mark.parametrize(("text", "code"), ERRORS)
def test_replies_that_cannot_be_applied_ask_again(text: str, code: str) -> None:
    error = parse_manager_command(text)
    assert isinstance(error, CommandError), error
    assert error.code == code
    if error.message != COMMAND_ERROR_TEXT[code]:  # a figure refused with the command line's own fix (see below),
        # or a line asked back naming what in it was not understood
        assert (code.startswith("quantity_") and error.message.startswith('Jumlah "')) or (
            code == "unclear_approval" and error.message.startswith("Maksud baris pertamanya belum dapat kami "
                                                                    "pastikan: ")), error.message


NOT_COMMANDS = [
    "",
    "   \n\n",
    "Terima kasih, nanti saya cek.",
    "OK",
    "Pada prinsipnya setuju, tapi kita bahas besok.",
    "Mohon dicek kembali angkanya.",
    "> SETUJU 1500\n> TOLAK",
    GMAIL_QUOTE.strip(),
    OUTLOOK_QUOTE.strip(),
    "Setujui",
    "Tolakan dari kabupaten sudah kami terima",
]


@pytest.mark.parametrize("text", NOT_COMMANDS)
def test_replies_without_a_command(text: str) -> None:
    assert parse_manager_command(text) is None


def test_reference_written_with_the_command() -> None:
    assert parse_manager_command("SETUJU BLK-2026-0042 1.500") == ManagerCommand(
        "approve", quantity=1500, reference="BLK-2026-0042", text="SETUJU BLK-2026-0042 1.500"
    )
    rejected = parse_manager_command("TOLAK blk 2026-42: stok habis")
    assert isinstance(rejected, ManagerCommand)
    assert (rejected.reference, rejected.reason) == ("BLK-2026-0042", "stok habis")


def test_reason_is_one_clean_capped_line() -> None:
    command = parse_manager_command("TOLAK stok\x00 menipis\u202e\t" + "sekali " * 200)
    assert isinstance(command, ManagerCommand)
    assert command.reason is not None
    assert command.reason.startswith("stok menipis sekali")
    assert len(command.reason) <= 500
    assert "\u202e" not in command.reason and "\x00" not in command.reason


@pytest.mark.parametrize(("text", "reason"), [
    ("Setuju 3rb\n\nSisanya menyusul setelah kiriman dari Kemendagri tiba bulan depan.\n\nSalam",
     "Sisanya menyusul setelah kiriman dari Kemendagri tiba bulan depan"),
    ("SETUJU 3.000\n\nTerima kasih\nKabid PIAK", None),  # a closing and a signature are no reason
    ("SETUJU 3.000\nKabid PIAK", None),
    ("SETUJU 2.000\n\nsebaiknya jangan dulu dikirim semua, tolak sisanya", None),  # could turn it around
])
def test_an_approvals_reason_may_stand_in_the_paragraph_below(text: str, reason: str | None) -> None:
    command = parse_manager_command(text)
    assert isinstance(command, ManagerCommand) and command.action == "approve"
    assert command.reason == reason


@pytest.mark.parametrize(("text", "quantity", "reason"), [
    ("SETUJU 2.000 sisanya menunggu kiriman dari Kemendagri bulan Januari", 2000,
     "sisanya menunggu kiriman dari Kemendagri bulan Januari"),
    ("Setuju 1.500 keping sisanya bulan depan", 1500, "sisanya bulan depan"),
    ("SETUJU 2.000 / sisanya menunggu kiriman bulan Januari", 2000, "sisanya menunggu kiriman bulan Januari"),
    # granted for now ("dulu"), the rest of the words the reason
    ("setuju 1.500 dulu sisanya bulan depan", 1500, "sisanya bulan depan"),
    ("Setuju 1.500 keping dulu, sisanya menunggu kiriman pusat", 1500, "sisanya menunggu kiriman pusat"),
])
def test_words_after_the_figure_are_the_managers_reason(text: str, quantity: int, reason: str) -> None:
    command = parse_manager_command(text)
    assert isinstance(command, ManagerCommand), command
    assert (command.action, command.quantity, command.reason) == ("approve", quantity, reason)


@pytest.mark.parametrize("text", [
    "SETUJU 2.000 tidak semuanya",
    "SETUJU 2.000 kalau stok provinsi cukup",
    "SETUJU 2.000 tapi tunggu laporan dulu",
    "SETUJU 2.000 sisanya 1.000 bulan depan",
    "SETUJU 2.000 eh maksud saya seribu",
    "SETUJU 2.000 tolak sisanya",
    "SETUJU 1.500 tunggu dulu",
    "SETUJU 1.500 dulu nanti kalau ada kiriman",
])
def test_words_after_the_figure_that_could_change_the_approval_are_asked_back(text: str) -> None:
    error = parse_manager_command(text)
    assert isinstance(error, CommandError) and error.code == "unclear_approval", error
    assert "SETUJU 2.000 / sisanya menunggu kiriman bulan Januari" in error.message


@pytest.mark.parametrize("figure", ["dua ribu", "seribu lima ratus", "dua ribu lima ratus", "2.000", "2 ribu", "2rb",
                                    "7 ratus", "700pcs", "500 bh"])
@pytest.mark.parametrize("tail", ["", " keping", " / sisanya bulan depan"])
def test_a_figure_in_words_reads_as_the_command_line_reads_it(figure: str, tail: str) -> None:
    from mailbot.quantities import parse_quantity

    command = parse_manager_command(f"SETUJU {figure}{tail}")
    assert isinstance(command, ManagerCommand), command
    assert command.quantity == parse_quantity(figure)
    assert command.reason == ("sisanya bulan depan" if "/" in tail else None)


@pytest.mark.parametrize("text", ["SETUJU setengah", "SETUJU dua ribu tidak", "SETUJU dua ribu kalau stok ada"])
def test_words_that_are_no_figure_or_turn_the_approval_are_still_asked_back(text: str) -> None:
    assert isinstance(parse_manager_command(text), CommandError)


@pytest.mark.parametrize(("text", "quantity"), [
    ("SETUJU 700 (tujuh ratus)", 700), ("SETUJU 6 ratus lima puluh", 650), ("Setuju 2 rb.", 2000),
    ("SETUJU 700 keping (tujuh ratus keping)", 700), ("SETUJU 1.500 (seribu lima ratus) keping", 1500),
])
def test_an_approval_with_the_figure_in_words_is_read(text: str, quantity: int) -> None:
    """Were answered "Maksud baris pertamanya belum dapat kami pastikan"."""
    command = parse_manager_command(text)
    assert isinstance(command, ManagerCommand) and command.quantity == quantity and command.reason is None, command


def test_an_approval_whose_figure_and_words_differ_is_asked_again_naming_both() -> None:
    asked = parse_manager_command("SETUJU 700 (enam ratus)")
    assert isinstance(asked, CommandError) and asked.message == (
        'Jumlah "700 (enam ratus)" menyebut dua jumlah yang berbeda (700 dan 600). Tulis misalnya: SETUJU 700 atau '
        "SETUJU 600."), asked


@pytest.mark.parametrize("text", ["SETUJU 3 hari ya", "Silakan diproses, max 3 hari lagi ya",
                                  "Setuju tapi maksimal 2 minggu"])
def test_a_length_of_time_after_the_figure_is_asked_back(text: str) -> None:
    result = parse_manager_command(text)
    assert isinstance(result, CommandError) and result.code == "unclear_approval", result
    assert "jangka waktu" in result.message, result.message


@pytest.mark.parametrize(("text", "quantity"), [("SETUJU 300 hari ini dikirim", 300), ("SETUJU 500 minggu depan", 500),
                                                ("SETUJU 2.000, 3 hari lagi", 2000)])
def test_a_day_named_after_the_figure_keeps_it(text: str, quantity: int) -> None:
    result = parse_manager_command(text)
    assert isinstance(result, ManagerCommand) and result.quantity == quantity, result


@pytest.mark.parametrize("text", ["Silakan dikirim ke gudang kami di Nunukan", "Silakan 2.000 dulu pak",
                                  "Baik pak, cukup 1.500 keping saja", "Ok jalan, kirim semua",
                                  "Lanjutkan, max 4 hari lagi ya"])
def test_a_please_or_an_only_without_a_go_ahead_decides_nothing(text: str) -> None:
    """A district's own words ("silakan dikirim ke ...", "cukup 1.500 saja") are never read as a manager's decision;
    "silakan" and "jalan" go ahead only with a cut or a time limit after them."""
    result = parse_manager_command(text)
    assert result is None or isinstance(result, CommandError), result


@pytest.mark.parametrize(("text", "note"), [
    ("Gas, kirim full. Paling lambat tgl 20 sdh di Tarakan ya.", "Paling lambat tgl 20 sdh di Tarakan ya."),
    ("Kirim full ya", None),
    ("Ok kirim semua ya pak, paling lambat tgl 20", "paling lambat tgl 20"),
    ("Penuhi saja pak.", None),
    ("ACC sesuai permintaan, paling lambat tgl 20 ya", "paling lambat tgl 20 ya"),
    ("Setuju, kirim full ya", None),
])
def test_words_sending_all_that_was_asked_approve_the_districts_figure(text: str, note: str | None) -> None:
    result = parse_manager_command(text)
    assert isinstance(result, ManagerCommand) and result.full and result.quantity is None, result
    assert result.reason == note


@pytest.mark.parametrize("text", ["Sesuai permohonan kami tanggal 1 Desember, stok kami 200 keping.",
                                  "Baik pak, sesuai permohonan kami sebelumnya kami butuh 2.000",
                                  "Kirim semua blangko ke gudang kami ya"])
def test_a_districts_letter_opening_with_such_words_is_no_command(text: str) -> None:
    assert parse_manager_command(text) is None
