"""Follow-ups in a request's thread, end to end on the Maildir defaults: a thread binds only its own district's
mail, receipts book only what they are about and never say a missing count, an appeal or a reason reaches a
manager, follow-ups in other words (English, recounts, reminders) get the same classes, a reminder escalates
once and says how long the request waited since it was sent."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.desk.conftest import mailbot
from tests.desk.mailkit import (
    DISTRICT_SENDERS,
    MANAGERS,
    Sent,
    answer_reply,
    db,
    reference_of,
    replies_to,
    request_replied,
    request_row,
    sent_mail,
)

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

BULUNGAN, MALINAU, NUNUKAN, TANA_TIDUNG, TARAKAN = (DISTRICT_SENDERS[c] for c in
                                                    ("65.01", "65.02", "65.03", "65.04", "65.71"))


def _n(value: int) -> str:
    """A figure as district staff write it: 1.100."""
    return f"{value:,}".replace(",", ".")


def _reasons(desk_dir: Path, message_id: str) -> set[str]:
    return {r for (r,) in db(desk_dir).execute(
        "select a.reason from attention_items a join messages m on m.id = a.message_pk "
        "where a.closed_at is null and m.message_id = ?", (message_id,))}


def _on_hand(desk_dir: Path, district: str, item: str) -> int:
    return db(desk_dir).execute("select coalesce(sum(on_hand), 0) from ledger_entries where location = ? "
                                "and item = ?", (district, item)).fetchone()[0]


def _to_managers(desk_dir: Path, word: str) -> list[Sent]:
    return [s for s in sent_mail(desk_dir) if sorted(s.to) == sorted(MANAGERS) and word in s.subject]


def test_a_thread_binds_only_its_own_districts_mail(desk_dir: Path) -> None:
    malinau = request_replied(desk_dir, "ml-req", MALINAU,
                              "Dengan hormat, sisa stok blangko KTP-el kami 900 keping. Mohon tambahan 1.500 keping.\n")
    ml_ref = reference_of(malinau)
    before = request_row(desk_dir, ml_ref)

    # Tarakan's correction in Malinau's thread, a figure and a stock: no request decided for anyone, a person
    # reads it, Tarakan told so and never told of Malinau's
    mid = answer_reply(desk_dir, malinau, "tk-in-ml", TARAKAN,
                       "Koreksi: sisa stok kami 100 keping, bukan 900. Mohon kirim 3.000 keping.")
    [told] = replies_to(desk_dir, mid)
    assert told.to == [TARAKAN] and ml_ref not in told.subject
    assert ml_ref not in told.text and "malinaukab" not in told.text and "Malinau" not in told.text
    assert "Petugas kami akan memeriksanya" in told.text
    assert _reasons(desk_dir, mid) == {"other_districts_request"}
    assert db(desk_dir).execute("select count(*) from requests where district = '65.71'").fetchone()[0] == 0
    after = request_row(desk_dir, ml_ref)
    assert (after["requested"], after["stock_on_hand"], after["approved"], after["state"]) == \
        (before["requested"], before["stock_on_hand"], before["approved"], before["state"])

    # an unknown sender in the thread: not answered, nothing changed, but waiting for a person and in the digest
    mid = answer_reply(desk_dir, malinau, "stranger", "budi.capil.malinau@gmail.example",
                       "Koreksi: sisa stok kami tinggal 600 keping, bukan 900.")
    assert replies_to(desk_dir, mid) == []
    assert request_row(desk_dir, ml_ref)["stock_on_hand"] == 900
    assert _reasons(desk_dir, mid) == {"stranger_in_thread"}
    digest = mailbot(desk_dir, "digest", "--print")
    assert digest.returncode == 0, digest.stderr
    assert "pengirim yang tidak dikenal" in digest.stdout


def test_receipts_book_only_what_they_are_about_and_never_a_missing_count(desk_dir: Path) -> None:
    malinau = request_replied(desk_dir, "ml-req", MALINAU,
                              "Dengan hormat, sisa stok blangko KTP-el kami 900 keping. Mohon tambahan 1.500 keping.\n")
    reference = reference_of(malinau)
    shipped = request_row(desk_dir, reference)["approved"]
    assert mailbot(desk_dir, "dispatch", reference).returncode == 0
    ktp, kia = _on_hand(desk_dir, "65.02", "ktp-el"), _on_hand(desk_dir, "65.02", "kia")

    # a KIA receipt in the KTP-el thread is not this shipment's receipt: nothing booked, a person reads it
    mid = answer_reply(desk_dir, malinau, "ml-kia", MALINAU,
                       "Kami informasikan blangko KIA sebanyak 300 keping sudah kami terima dengan baik.")
    assert _reasons(desk_dir, mid) == {"other_item"}
    assert request_row(desk_dir, reference)["state"] == "dispatched"
    assert (_on_hand(desk_dir, "65.02", "ktp-el"), _on_hand(desk_dir, "65.02", "kia")) == (ktp, kia)
    [ack] = replies_to(desk_dir, mid)
    assert "petugas kami" in ack.text

    # "sudah kami terima" without a count: asked back, nothing booked, never "sebanyak - keping"
    mid = answer_reply(desk_dir, malinau, "ml-nocount", MALINAU, "Blangko sudah kami terima dengan baik, terima kasih.")
    [asked] = replies_to(desk_dir, mid)
    assert reference in asked.subject and "- keping" not in asked.text and "diterima" in asked.text
    assert request_row(desk_dir, reference)["state"] == "dispatched"

    # a short count, then a recount in other words than "ralat": the discrepancy closes, managers told once
    mid = answer_reply(desk_dir, malinau, "ml-short", MALINAU,
                       f"Blangko sudah kami terima, jumlahnya {_n(shipped - 100)} keping.")
    assert len(_to_managers(desk_dir, "Selisih")) == 1
    [short_reply] = replies_to(desk_dir, mid)
    mid = answer_reply(desk_dir, malinau, "ml-recount", MALINAU,
                       f"Mohon maaf pak, setelah dihitung ulang ternyata lengkap {_n(shipped)} keping, bukan "
                       f"{_n(shipped - 100)}. Satu dus terselip di gudang.")
    assert db(desk_dir).execute("select count(*) from attention_items where kind = 'discrepancy' "
                                "and closed_at is null").fetchone()[0] == 0
    closed = [s for s in sent_mail(desk_dir) if sorted(s.to) == sorted(MANAGERS) and "selesai" in s.subject.lower()]
    assert len(closed) == 1, [s.subject for s in sent_mail(desk_dir)]
    assert _on_hand(desk_dir, "65.02", "ktp-el") == ktp + shipped
    assert short_reply.subject == replies_to(desk_dir, mid)[0].subject

    # an excess is shown as its size, with words, never as a negative figure
    bulungan = request_replied(
        desk_dir, "bl-req", BULUNGAN,
        "Dengan hormat, sisa stok blangko KTP-el kami 900 keping. Mohon tambahan 2.000 keping.\n")
    bl_ref = reference_of(bulungan)
    bl_shipped = request_row(desk_dir, bl_ref)["approved"]
    assert mailbot(desk_dir, "dispatch", bl_ref).returncode == 0
    answer_reply(desk_dir, bulungan, "bl-over", BULUNGAN,
                 f"Blangko KTP-el sebanyak {_n(bl_shipped + 100)} keping sudah kami terima.")
    digest = mailbot(desk_dir, "digest", "--print").stdout
    line = next(x for x in digest.splitlines() if "lebih dari yang dikirim" in x)
    assert "lebih 100 keping" in line and "-100" not in digest


def test_an_appeal_or_a_reason_reaches_a_manager_and_other_words_are_read(desk_dir: Path) -> None:
    # Bulungan: 110 a day, stock 900: need 2.400; 2.000 asked is approved, 4.000 would be cut to the need
    bulungan = request_replied(
        desk_dir, "bl-req", BULUNGAN,
        "Dengan hormat, sisa stok blangko KTP-el kami 900 keping. Mohon tambahan 2.000 keping.\n")
    bl_ref = reference_of(bulungan)
    mid = answer_reply(desk_dir, bulungan, "bl-appeal", BULUNGAN,
                       "Kami tetap membutuhkan 4.000 keping karena ada perekaman massal pemilih pemula di sekolah, "
                       "mohon dipertimbangkan kembali.")
    row = request_row(desk_dir, bl_ref)
    assert (row["requested"], row["state"]) == (4000, "held")
    [notice] = [s for s in _to_managers(desk_dir, bl_ref) if "Menunggu keputusan" in s.subject]
    assert "pemilih pemula" in notice.text
    [told] = replies_to(desk_dir, mid)
    assert "DITINJAU" in told.text and "mohon sampaikan alasannya" not in told.text
    shown = mailbot(desk_dir, "history", bl_ref)
    assert shown.returncode == 0, shown.stderr
    assert "requested 2.000 -> 4.000" in shown.stdout and "{'" not in shown.stdout and "[{" not in shown.stdout

    # Tarakan: a raise with its reason is read as a raise (the reason never hides the figure)
    tarakan = request_replied(
        desk_dir, "tk-req", TARAKAN,
        "Dengan hormat, sisa stok blangko KTP-el kami 3.000 keping. Mohon tambahan 1.000 keping.\n")
    tk_ref = reference_of(tarakan)
    mid = answer_reply(
        desk_dir, tarakan, "tk-raise", TARAKAN,
           "Pak, mohon maaf kami revisi: dinaikkan jadi 1.200 keping karena ada kegiatan perekaman massal "
           "di sekolah-sekolah (pemula) bulan ini.")
    assert request_row(desk_dir, tk_ref)["requested"] == 1200
    [told] = replies_to(desk_dir, mid)
    assert "1.000 keping menjadi 1.200 keping" in told.text

    # Nunukan, in English: a correction is a correction, with the same one reply
    nunukan = request_replied(
        desk_dir, "nn-req", NUNUKAN,
        "Dengan hormat, sisa stok blangko KTP-el kami 2.000 keping. Mohon tambahan 1.500 keping.\n")
    nn_ref = reference_of(nunukan)
    mid = answer_reply(desk_dir, nunukan, "nn-en", NUNUKAN,
                       "Correction to our request: we actually need 1,200 blanks, not 1,500. Our remaining stock is "
                       "2,000.")
    assert request_row(desk_dir, nn_ref)["requested"] == 1200
    [told] = replies_to(desk_dir, mid)
    assert reference_of(told) == nn_ref and "1.500 keping menjadi 1.200 keping" in told.text


def test_a_reminder_in_other_words_escalates_once_with_the_time_since_it_was_sent(desk_dir: Path) -> None:
    held = request_replied(desk_dir, "tk-big", TARAKAN,
                           "Dengan hormat, sisa stok blangko KTP-el kami 200 keping. Mohon tambahan 4.000 keping.\n")
    reference = reference_of(held)
    assert request_row(desk_dir, reference)["state"] == "held"
    mid = answer_reply(
        desk_dir, held, "tk-remind", TARAKAN,
           "Selamat pagi, izin menanyakan kelanjutan permohonan kami di bawah ini, sudah seminggu belum ada "
           "keputusan. Stok kami makin menipis.")
    [told] = replies_to(desk_dir, mid)
    assert "pengingat" in told.text.lower() and "ditinjau oleh pimpinan" in told.text
    [notice] = _to_managers(desk_dir, "Pengingat")
    waited = next(x for x in notice.text.splitlines() if "Lama menunggu" in x)
    assert "hari" in waited, waited  # the request is dated 27 Nov: it waited days, not "kurang dari 1 jam"
    assert "reminder" in _reasons(desk_dir, mid)

    # another reminder minutes later: the district is answered, the managers are not told twice
    mid = answer_reply(desk_dir, held, "tk-remind2", TARAKAN,
                       "Mohon maaf pak, kapan permohonan kami diproses? Belum ada kabar sampai sekarang.")
    assert len(replies_to(desk_dir, mid)) == 1
    assert len(_to_managers(desk_dir, "Pengingat")) == 1


def test_a_correction_giving_only_the_new_figure_changes_the_request_and_a_copy_is_answered(desk_dir: Path) -> None:
    approved = request_replied(desk_dir, "bl-req", BULUNGAN,
                               "Selamat pagi, sisa stok blangko KTP-el kami tinggal 750 keping. "
                               "Mohon tambahan 2.000 keping.\n")
    reference = reference_of(approved)
    assert request_row(desk_dir, reference)["approved"] == 2000
    mid = answer_reply(desk_dir, approved, "bl-typo", BULUNGAN, "eh salah ketik pak, maksudnya 1.500 keping saja.")
    row = request_row(desk_dir, reference)
    assert (row["requested"], row["approved"]) == (1500, 1500)
    [told] = replies_to(desk_dir, mid)
    assert "2.000 keping menjadi 1.500 keping" in told.text
    # the same correction sent again (a new Message-ID): nothing changes, and the district still gets one reply
    again = answer_reply(desk_dir, approved, "bl-typo-again", BULUNGAN,
                         "eh salah ketik pak, maksudnya 1.500 keping saja.")
    assert request_row(desk_dir, reference)["requested"] == 1500
    assert len(replies_to(desk_dir, again)) == 1


def test_asking_how_far_the_request_has_got_is_a_reminder_never_a_receipt(desk_dir: Path) -> None:
    held = request_replied(desk_dir, "nn-big", NUNUKAN,
                           "Dengan hormat, sisa stok blangko KTP-el kami 500 keping. Mohon tambahan 4.000 keping.\n")
    reference = reference_of(held)
    assert request_row(desk_dir, reference)["state"] == "held"
    mid = answer_reply(desk_dir, held, "nn-where", NUNUKAN, "Pak, izin bertanya, permohonan kami sudah sampai mana ya?")
    [told] = replies_to(desk_dir, mid)
    assert "ditinjau oleh pimpinan" in told.text and "penerimaan" not in told.text
    assert "reminder" in _reasons(desk_dir, mid)
    assert len(_to_managers(desk_dir, "Pengingat dari")) == 1


@pytest.mark.parametrize("text", ["Pak, blangkonya sudah dikirim belum?",
                                  "Pak, kapan kira-kira bisa dikirim? Kami ada kegiatan jemput bola tanggal 15."])
def test_asking_after_blanks_approved_and_not_yet_sent_is_told_so(desk_dir: Path, text: str) -> None:
    approved = request_replied(desk_dir, "bl-req", BULUNGAN,
                               "Selamat pagi, sisa stok blangko KTP-el kami tinggal 750 keping. "
                               "Mohon tambahan 2.000 keping.\n")
    reference = reference_of(approved)
    assert request_row(desk_dir, reference)["state"] == "approved"
    mid = answer_reply(desk_dir, approved, "bl-sent-yet", BULUNGAN, text)
    [told] = replies_to(desk_dir, mid)
    assert "telah disetujui dan sedang disiapkan untuk dikirim sebanyak 2.000 keping" in told.text, told.text
    assert "akan dibaca" not in told.text
    assert "reminder" in _reasons(desk_dir, mid)


def test_a_recount_to_the_full_figure_closes_the_shortfall_and_a_copy_changes_no_request(desk_dir: Path) -> None:
    approved = request_replied(desk_dir, "bl-req", BULUNGAN,
                               "Selamat pagi, sisa stok blangko KTP-el kami tinggal 750 keping. "
                               "Mohon tambahan 2.000 keping.\n")
    reference = reference_of(approved)
    assert mailbot(desk_dir, "dispatch", reference).returncode == 0
    answer_reply(desk_dir, approved, "bl-got", BULUNGAN, "Blangko sudah kami terima sebanyak 1.900 keping.")
    assert "shortfall" in {r for (r,) in db(desk_dir).execute(
        "select reason from attention_items where closed_at is null")}
    mid = answer_reply(desk_dir, approved, "bl-found", BULUNGAN,
                       "Pak mohon maaf, ternyata ada satu ikat isi 100 yang terselip di bawah meja. Jadi jumlahnya "
                       "lengkap 2.000 keping.")
    assert len(replies_to(desk_dir, mid)) == 1
    assert not {r for (r,) in db(desk_dir).execute(
        "select reason from attention_items where closed_at is null")} & {"shortfall", "doubt"}
    # the same recount sent again: never read as a change of the asked figure
    again = answer_reply(
        desk_dir, approved, "bl-found-again", BULUNGAN,
           "Pak mohon maaf, ternyata ada satu ikat isi 100 yang terselip di bawah meja. Jadi jumlahnya "
           "lengkap 2.000 keping.")
    assert len(replies_to(desk_dir, again)) <= 1
    assert request_row(desk_dir, reference)["requested"] == 2000
    details = [d for (d,) in db(desk_dir).execute("select detail from attention_items where closed_at is null")]
    assert not any("Jumlah yang dimohon" in (d or "") for d in details), details
