"""Rules for who speaks of a stock or a receipt: a member of the public, or a word of hearsay, tells no office's
stock; a question whether someone received blanks, and the writer's "only" receipt weighed against it, confirm
no delivery; an estimate's noun ("perkiraan", "estimasi") makes a guessed figure, as "sekitar" does, also in a
kecamatan's mail a district forwards. Each test is a short mail with words of its own."""

from __future__ import annotations

import pytest

from tests.reader.conftest import mail

PUBLIC = "Rahmat Hidayat <rahmat.hidayat77@gmail.example>"
TARAKAN = "Disdukcapil Tarakan <disdukcapil@tarakankota.example>"
MALINAU = "Disdukcapil Malinau <disdukcapil@malinaukab.example>"
NUNUKAN = "Disdukcapil Nunukan <disdukcapil@nunukankab.example>"


def _figures(read: dict[str, object]) -> dict[str, object]:
    return {f: read[f] for f in ("requested", "stock_on_hand", "received", "printed", "recorded")
            if read[f] is not None}


# --- A member of the public, or hearsay, about an office's stock ---------------------------------------------

@pytest.mark.parametrize(("subject", "body"), [
    ("KIA cucu untuk pulang kampung", "Cucu saya 3 orang mau ikut pulang kampung ke Malinau. Apakah KIA wajib "
     "dibawa? Di Disdukcapil Malinau blangko KIA sedang kosong. Mohon infonya."),
    ("KTP-el orang tua", "Orang tua saya mau urus KTP-el yang hilang. Apakah bisa di Tarakan? Di Disdukcapil "
     "Tarakan blangko KTP-el sedang kosong. Mohon infonya."),
    ("KIA anak sekolah", "Kami warga Sebatik, anak-anak mau daftar sekolah. Apakah KIA syarat wajib? Di kantor "
     "Disdukcapil Nunukan blangko KIA sedang habis. Mohon infonya."),
], ids=["grandchildren", "parents", "residents"])
def test_a_member_of_the_public_states_no_office_stock(subject: str, body: str) -> None:
    read = mail(PUBLIC, subject, body)
    assert read["kind"] == "other", read
    assert _figures(read) == {}, read
    assert read["district"] is None, read


@pytest.mark.parametrize("body", [
    "Mau tanya pak, di Disdukcapil Tarakan katanya blangko KIA sedang kosong. Kapan dikirim lagi?",
    "Selamat siang, dengar-dengar stok blangko KTP-el di kecamatan sudah habis, apa benar begitu?",
], ids=["katanya", "dengar-dengar"])
def test_a_stock_told_by_hearsay_is_no_stock(body: str) -> None:
    read = mail(PUBLIC, "info blangko", body)
    assert read["stock_on_hand"] is None, read
    assert read["kind"] == "other", read


def test_hearsay_after_the_writers_own_stock_leaves_it() -> None:
    """"sisa ... 640 keping. Kiriman 1.000 katanya menyusul": the word of hearsay tells of what is to come; the
    stock said before it is the district's own."""
    read = mail(NUNUKAN, "laporan harian", "Laporan hari ini: rekam 72, cetak 68, sisa blangko 640 keping. "
                "Kiriman 1.000 katanya menyusul minggu depan.")
    assert read["kind"] == "stock_report", read
    assert (read["stock_on_hand"], read["printed"], read["recorded"]) == (640, 68, 72), read


def test_a_district_naming_family_words_still_reports() -> None:
    """A district's own address speaks for the office whatever else the mail says of the writer's family."""
    read = mail(MALINAU, "laporan harian", "Mohon maaf terlambat, anak saya sakit. Rekam 40, cetak 38, sisa "
                "blangko 1.210 keping.")
    assert read["kind"] == "stock_report", read
    assert read["stock_on_hand"] == 1210, read


# --- A question whether blanks were received -------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Apakah benar Kabupaten Malinau sudah menerima 2.500 keping minggu lalu?",
    "Mohon konfirmasi, apakah kiriman 1.200 keping ke Nunukan sudah diterima?",
    "Did Nunukan receive 1.800 pcs last Monday? We only received 1.000. Please explain how it is divided.",
    "Benarkah Bulungan menerima 3.000 keping bulan ini? Kami hanya menerima 1.500 keping. Mohon penjelasan "
    "dasar pembagiannya.",
], ids=["apakah", "konfirmasi", "english-only", "benarkah-hanya"])
def test_a_question_whether_blanks_came_is_no_receipt(body: str) -> None:
    read = mail(TARAKAN, "pertanyaan alokasi", body)
    assert read["kind"] == "other", read
    assert read["received"] is None, read


@pytest.mark.parametrize(("body", "received"), [
    ("Blangko KTP-el sudah kami terima 1.500 keping. Apakah berita acaranya dikirim terpisah?", 1500),
    ("We only received 1.500 of the 2.000 pcs we asked for; the rest is still on the ship.", 1500),
    ("Kiriman untuk kami sudah sampai, kami hanya menerima 1.500 keping dari 2.000 keping.", 1500),
], ids=["receipt-then-question", "only-partial", "hanya-partial"])
def test_a_receipt_beside_a_question_or_an_only_stays_a_receipt(body: str, received: int) -> None:
    """A receipt told before a question of its own, or a partial one with no other office asked about, is a
    receipt."""
    read = mail(TARAKAN, "penerimaan blangko", body)
    assert read["kind"] == "receipt", read
    assert read["received"] == received, read


# --- Estimates, and a kecamatan's estimated figures forwarded by a district ------------------------------

@pytest.mark.parametrize("body", [
    "Sisa blangko KTP-el kami perkiraan 2.000 keping.",
    "Stok blangko estimasi 2.000 keping, pencatatan ulang besok.",
    "Sisa blangko diperkirakan 2.000 keping.",
], ids=["perkiraan", "estimasi", "diperkirakan"])
def test_a_round_figure_after_an_estimate_noun_stays_null(body: str) -> None:
    read = mail(MALINAU, "stok blangko", body)
    assert read["stock_on_hand"] is None, read
    assert any(d["field"] == "stock_on_hand" for d in read["doubts"]), read


def test_a_figure_to_the_unit_after_an_estimate_noun_is_counted() -> None:
    read = mail(MALINAU, "stok blangko", "Sisa blangko kami perkiraan 2.037 keping.")
    assert read["stock_on_hand"] == 2037, read


_FORWARD = (
    "\n\n---------- Forwarded message ---------\nDari: Kantor Kecamatan Lumbis <kec.lumbis@gmail.example>\n"
    "Date: Sel, 11 Mei 2027 08.40\nSubject: blangko kecamatan\nTo: <disdukcapil@nunukankab.example>\n\n"
)


@pytest.mark.parametrize("kecamatan", [
    "Perkiraan stok kami 1.500 keping, kebutuhan estimasi 700 keping.",
    "Sisa blangko kami perkiraan 1.500 keping, mohon dikirim kira-kira 700 keping.",
    "Stok kami estimasi sekitar 1.500 keping.",
], ids=["perkiraan-estimasi", "perkiraan-kira-kira", "estimasi-sekitar"])
def test_a_kecamatans_estimates_forwarded_are_not_the_districts(kecamatan: str) -> None:
    read = mail(NUNUKAN, "Fwd: blangko kecamatan", "Mohon dibantu kirim ke kecamatan." + _FORWARD + kecamatan)
    assert read["stock_on_hand"] is None, read
    assert read["requested"] is None, read
