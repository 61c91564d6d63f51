"""Rules for a form's notifications, a district writing on a mailing list (still list mail), and a bracketed
aside on one blank of two asked for."""

from __future__ import annotations

from mailbot.reader import read_message
from mailbot.reader.numbers import normalise
from mailbot.reader.roles import joined_field_blocks, read_text, settle
from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES


def read(text: str) -> dict[str, int | None]:
    candidates, unassigned = read_text(text, normalise(text))
    return dict(settle(candidates, unassigned).values)


def form_mail(body: str, subject: str) -> bytes:
    return (
        "From: \"Formulir Stok (Google Formulir)\" <formulir.stok@gmail.com>\n"
        "To: blangko@disdukcapil.kaltaraprov.example\n"
        f"Subject: {subject}\n\n{body}"
    ).encode()


# --- A form's notification ---------------------------------------------------------------------


def test_a_serial_after_a_hash_is_no_quantity() -> None:
    # "(#412)" numbers the form's answer; it is no stock, though "Stok" stands right before it.
    verdict = read_message(
        form_mail("Kabupaten/Kota: Tana Tidung\n\nTerima kasih.", "Tanggapan baru untuk Isian Stok (#412)"),
        DISTRICTS,
    )
    assert verdict.stock_on_hand is None


def test_field_blocks_are_read_as_labelled_lines_and_an_empty_field_takes_no_value() -> None:
    body = (
        "Isian Stok\n\nKabupaten/Kota\nTana Tidung\n\nJumlah pencetakan hari ini\n\n\n"
        "Jumlah perekaman hari ini\n\n\nSisa stok blangko\n2.315\n\nNama petugas\nLestari\n"
    )
    verdict = read_message(form_mail(body, "Tanggapan baru untuk Isian Stok"), DISTRICTS)
    assert (verdict.stock_on_hand, verdict.printed, verdict.recorded) == (2315, None, None)


def test_field_blocks_give_each_value_to_its_own_label() -> None:
    body = (
        "\n\nJumlah perekaman hari ini\n77\n\nJumlah pencetakan hari ini\n69\n\n"
        "Sisa stok blangko\n940\n\nNama petugas\nLestari\n"
    )
    assert read(joined_field_blocks(body)) == {"recorded": 77, "printed": 69, "stock_on_hand": 940}


def test_two_short_paragraphs_are_no_form() -> None:
    text = "Terima kasih.\n\nHormat kami\nRudi\n\nBulungan\n65.01\n"
    assert joined_field_blocks(text) == text


def test_a_count_of_a_forms_answers_is_no_receipt() -> None:
    body = "Formulir Rekap Stok Blangko menerima 2 tanggapan baru.\n\nLihat ringkasan tanggapan di formulir."
    verdict = read_message(form_mail(body, "Tanggapan baru untuk Laporan Pemakaian Blangko"), DISTRICTS)
    assert verdict.received is None


# --- A district writing on a mailing list ------------------------------------------------------


def list_mail(body: str, sender: str = "disdukcapil@malinaukab.example", extra: str = "") -> bytes:
    return (
        f"From: {sender}\nTo: forum-stok@googlegroups.com, blangko@disdukcapil.kaltaraprov.example\n"
        "Subject: Re: [forum-stok] Stok minggu ini\n"
        "List-Id: <forum-stok.googlegroups.com>\nMailing-list: list forum-stok@googlegroups.com\n"
        f"{extra}\n{body}"
    ).encode()


def test_a_district_replying_to_all_on_a_list_is_still_list_mail() -> None:
    """RFC 3834: mail a list passed on is never answered automatically, whoever wrote it (a district's reply-to-all
    on a list of all districts would otherwise be answered, and the list may carry the answer on); a person reads
    it. (setAF labels such mail as the district's: those labels are left as misses.)"""
    body = (
        "Malinau sisa 715 keping, mohon tambahan 1.200 keping.\n\n"
        "Pada Sen, 2 Jul 2029, Capil Nunukan menulis:\n> Nunukan sisa 300, minta 900.\n"
    )
    verdict = read_message(list_mail(body), DISTRICTS, own_addresses=OWN_ADDRESSES)
    assert verdict.kind == "automated" and "list-header" in verdict.automated_reasons


def test_the_lists_own_mail_stays_automated() -> None:
    body = "Pesan Anda ke grup forum-stok sedang menunggu persetujuan moderator."
    verdict = read_message(
        list_mail(body, sender="forum-stok+owners@googlegroups.com", extra="Auto-Submitted: auto-generated\n"),
        DISTRICTS, own_addresses=OWN_ADDRESSES,
    )
    assert verdict.kind == "automated"


def test_a_districts_autoreply_on_a_list_stays_automated() -> None:
    body = "Saya sedang cuti sampai 20 Juli. Pesan otomatis."
    verdict = read_message(
        list_mail(body, extra="Auto-Submitted: auto-replied\n"), DISTRICTS, own_addresses=OWN_ADDRESSES
    )
    assert verdict.kind == "automated"


# --- A bracketed aside on one blank of two ----------------------------------------------------


def test_an_aside_after_the_first_blanks_figure_is_that_blanks() -> None:
    text = (
        "Kami mengajukan permohonan blangko KIA sebanyak 400 keping (sisa 55) "
        "dan blangko KTP-el sebanyak 2.500 keping (sisa 610)."
    )
    candidates, _ = read_text(text, normalise(text))
    got = {(c.field, c.value, c.item) for c in candidates}
    assert got == {
        ("requested", 400, "kia"), ("stock_on_hand", 55, "kia"),
        ("requested", 2500, "ktp-el"), ("stock_on_hand", 610, "ktp-el"),
    }


def test_a_request_naming_kia_first_is_read_with_the_ktp_el_figures() -> None:
    body = (
        "Dengan hormat,\n\nKabupaten Nunukan mengajukan permohonan blangko KIA sebanyak 400 keping (sisa 55) "
        "dan blangko KTP-el sebanyak 2.500 keping (sisa 610).\n\nTerima kasih."
    )
    raw = (
        "From: disdukcapil@nunukankab.example\nTo: blangko@disdukcapil.kaltaraprov.example\n"
        f"Subject: Permohonan blangko KIA dan KTP-el\n\n{body}"
    ).encode()
    verdict = read_message(raw, DISTRICTS)
    assert (verdict.item, verdict.requested, verdict.stock_on_hand) == ("ktp-el", 2500, 610)


def test_a_forms_summary_of_new_answers_is_automated() -> None:
    body = "Formulir Rekap Stok Blangko menerima 4 tanggapan baru.\n\nLihat ringkasan tanggapan di formulir."
    verdict = read_message(form_mail(body, "Tanggapan baru untuk Laporan Pemakaian Blangko"), DISTRICTS)
    assert (verdict.kind, verdict.district, verdict.received) == ("automated", None, None)


def test_a_form_notification_with_the_answer_itself_is_no_summary() -> None:
    body = "Tanggapan baru telah dikirimkan.\n\nKabupaten/Kota: Tana Tidung\nSisa stok blangko: 2.315\n"
    verdict = read_message(form_mail(body, "Tanggapan baru untuk Laporan Stok"), DISTRICTS)
    assert (verdict.kind, verdict.stock_on_hand) == ("stock_report", 2315)


# --- A letter attached as HTML -----------------------------------------------------------------


def letter_mail(filename: str, ctype: str, payload: str) -> bytes:
    return (
        "From: disdukcapil@tanatidungkab.example\nTo: blangko@disdukcapil.kaltaraprov.example\n"
        "Subject: Surat permohonan blangko\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="b1"\n\n'
        "--b1\nContent-Type: text/plain; charset=utf-8\n\nBersama ini kami kirimkan surat permohonan terlampir.\n"
        f'--b1\nContent-Type: {ctype}; name="{filename}"\n'
        f'Content-Disposition: attachment; filename="{filename}"\n\n{payload}\n--b1--\n'
    ).encode()


_LETTER = (
    "<html><body><p>Nomor: 470/88/Disdukcapil/VII/2029</p><p>Dengan hormat, sisa blangko KTP-el kami "
    "saat ini 275 keping. Dengan ini kami mohon tambahan blangko KTP-el sebanyak 1.800 keping.</p></body></html>"
)


def test_a_letter_attached_as_a_web_page_is_read() -> None:
    verdict = read_message(letter_mail("Surat Permohonan.htm", "text/html", _LETTER), DISTRICTS)
    assert (verdict.kind, verdict.requested, verdict.stock_on_hand) == ("request", 1800, 275)


def test_a_word_letter_saved_as_html_under_doc_is_read() -> None:
    verdict = read_message(letter_mail("Surat Permohonan.doc", "application/msword", _LETTER), DISTRICTS)
    assert (verdict.requested, verdict.stock_on_hand) == (1800, 275)


def test_a_binary_word_file_is_not_read_as_text() -> None:
    verdict = read_message(letter_mail("Surat.doc", "application/msword", "\u00d0\u00cf\u0011\u00e0 1.800"), DISTRICTS)
    assert verdict.requested is None


# --- A body in base64 declared 7bit ----------------------------------------------------------------


def _declared_7bit(body: str) -> bytes:
    return (
        "From: disdukcapil@tanatidungkab.example\r\nTo: blangko@disdukcapil.kaltaraprov.example\r\n"
        "Subject: blangko\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n"
        f"{body}"
    ).encode()


def test_a_body_in_base64_declared_7bit_is_decoded() -> None:
    import base64

    text = "Pak, kami minta blangko 850 keping. Sisa 95.\n\nDikirim dari ponsel saya"
    encoded = base64.encodebytes(text.encode()).decode().replace("\n", "\r\n")
    assert "\r\n" in encoded.strip()  # more than one line
    verdict = read_message(_declared_7bit(encoded), DISTRICTS)
    assert (verdict.kind, verdict.requested, verdict.stock_on_hand) == ("request", 850, 95)


def test_a_run_of_letters_is_not_taken_for_base64() -> None:
    body = "TerimakasihBanyakAtasBantuannyaPakSemogaSehatSelalu1234\r\n"
    verdict = read_message(_declared_7bit(body), DISTRICTS)
    assert verdict.body_excerpt.startswith("TerimakasihBanyak")


def test_asking_leave_to_put_forward_is_a_request() -> None:
    assert read("Tana Tidung ijin ajukan 900 keping nggih Pak, stok kami 210.") == {
        "requested": 900, "stock_on_hand": 210,
    }
