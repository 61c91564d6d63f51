"""Conversations after the first round of use: a receipt books only against its own shipment, corrections in
many phrasings, strangers in a thread, corrections of follow-ups, linked requests that get decided."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.desk.conftest import mailbot
from tests.desk.mailkit import (
    DISTRICT_SENDERS,
    MANAGERS,
    answer_reply,
    db,
    manager_answers_held_notice,
    reference_of,
    replies_to,
    request_replied,
    request_row,
    run_once,
    sent_mail,
    write_eml,
)

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


TARAKAN = DISTRICT_SENDERS["65.71"]


def _ledger(desk_dir: Path, reference: str) -> list[tuple[str, str, int]]:
    return [tuple(r) for r in db(desk_dir).execute(
        "select e.kind, e.location, e.on_hand + e.in_transit + e.committed from ledger_entries e "
        "join requests r on r.id = e.request_pk where r.reference = ? order by e.id", (reference,)).fetchall()]


def test_a_receipt_correction_books_against_its_own_shipment_only(desk_dir: Path) -> None:
    first = request_replied(desk_dir, "tk-1", TARAKAN, "Dengan hormat, kami mohon tambahan blangko KTP-el sebanyak "
                                                       "2.500 keping. Sisa stok kami saat ini 900 keping.\n")
    one = reference_of(first)
    assert mailbot(desk_dir, "dispatch", one).returncode == 0
    [dispatched] = [s for s in sent_mail(desk_dir) if "DIKIRIM" in s.text]
    answer_reply(desk_dir, dispatched, "tk-rcv", TARAKAN,
                 "Blangko sebanyak 2.500 keping sudah kami terima dengan baik dan lengkap. Terima kasih.", "gmail")
    [ack] = replies_to(desk_dir, "<tk-rcv@tarakankota.example>")
    second = request_replied(
        desk_dir, "tk-2", TARAKAN, "Dengan hormat, sisa blangko KTP-el kami tinggal 200 keping. "
                                   "Kami mohon tambahan 2.000 keping.\n", subject="Permohonan tahap II")
    two = reference_of(second)
    assert request_row(desk_dir, two)["state"] == "approved"
    two_before = _ledger(desk_dir, two)
    one_on_hand = db(desk_dir).execute("select sum(on_hand) from ledger_entries where location = '65.71'"
                                       ).fetchone()[0]

    answer_reply(desk_dir, ack, "tk-ralat", TARAKAN,
                 "Mohon maaf pak, kami ralat: setelah dihitung ulang oleh petugas gudang, blangko yang kami terima "
                 "2.400 keping, bukan 2.500. Ada satu ikat isi 100 yang ternyata blangko KIA.", "gmail")
    # the approved, never dispatched request is untouched: no dispatch "by receipt", no adjustment
    assert _ledger(desk_dir, two) == two_before
    assert request_row(desk_dir, two)["state"] == "approved"
    # the received one is adjusted by -100, audited
    after = db(desk_dir).execute("select sum(on_hand) from ledger_entries where location = '65.71'").fetchone()[0]
    assert after - one_on_hand == -100
    assert db(desk_dir).execute("select count(*) from audit where action = 'receipt-correction' and target = ?",
                                (one,)).fetchone()[0] == 1
    [reply] = replies_to(desk_dir, "<tk-ralat@tarakankota.example>")
    assert one in reply.subject and two not in reply.text
    assert "dari 2.500 menjadi 2.400 keping" in " ".join(reply.text.split())
    # the shortfall is about the right shipment
    notices = [s for s in sent_mail(desk_dir) if sorted(s.to) == sorted(MANAGERS) and "Selisih" in s.subject]
    assert len(notices) == 1 and one in notices[0].text and two not in notices[0].text


def test_a_receipt_in_the_thread_of_an_undispatchable_request_goes_to_a_person(desk_dir: Path) -> None:
    first = request_replied(desk_dir, "tk-a", TARAKAN, "Dengan hormat, kami mohon tambahan blangko KTP-el sebanyak "
                                                       "2.500 keping. Sisa stok kami saat ini 900 keping.\n")
    one = reference_of(first)
    assert mailbot(desk_dir, "reject", one, "--reason", "stok provinsi sedang diaudit", "--force").returncode == 0
    second = request_replied(
        desk_dir, "tk-b", TARAKAN, "Dengan hormat, sisa blangko KTP-el kami tinggal 200 keping. "
                                   "Kami mohon tambahan 2.000 keping.\n", subject="Permohonan tahap II")
    two = reference_of(second)
    two_before = _ledger(desk_dir, two)
    answer_reply(desk_dir, first, "tk-c", TARAKAN, "Blangko sebanyak 2.500 keping sudah kami terima.", "gmail")
    assert _ledger(desk_dir, two) == two_before
    assert db(desk_dir).execute("select a.reason from attention_items a join messages m on m.id = a.message_pk "
                                "where m.message_id = '<tk-c@tarakankota.example>'").fetchone()[0] \
        == "receipt_unmatched"


MALINAU = DISTRICT_SENDERS["65.02"]


def test_corrections_that_name_the_old_figure_update_the_request_to_the_new_one(desk_dir: Path) -> None:
    first = request_replied(
        desk_dir, "ml-1", MALINAU, "Dengan hormat, sisa blangko e-KTP kami per hari ini 800 keping.\n"
                                   "Mohon kiranya dapat diberikan tambahan sebanyak 1.500 keping.\n")
    reference = reference_of(first)
    answer_reply(desk_dir, first, "ml-2", MALINAU,
                 "Kami koreksi, jumlah yang kami mohonkan cukup 1.000 (seribu) keping saja, bukan 1.500, karena "
                 "sebagian kebutuhan sudah terpenuhi dari pinjaman Kabupaten Bulungan.", "outlook")
    assert request_row(desk_dir, reference)["requested"] == 1000
    [answer] = replies_to(desk_dir, "<ml-2@malinaukab.example>")
    assert reference in answer.subject
    answer_reply(desk_dir, answer, "ml-3", MALINAU,
                 "Ralat: sisa stok blangko KTP-el kami yang benar 1.200 keping (kemarin salah ketik 800).", "gmail")
    row = request_row(desk_dir, reference)
    # (the old figure named is the one recorded: one that is not goes to a person, tests/test_followup.py)
    assert row["stock_on_hand"] == 1200 and row["requested"] == 1000
    [last] = replies_to(desk_dir, "<ml-3@malinaukab.example>")
    # the whole conversation in References, though the district's client kept only its parent
    chain = str(last.msg["References"]).split()
    assert chain[0] == "<ml-1@malinaukab.example>" and first.message_id in chain and answer.message_id in chain
    assert chain[-1] == "<ml-3@malinaukab.example>"
    assert db(desk_dir).execute("select count(*) from requests").fetchone()[0] == 1


@pytest.mark.shipped_guards
def test_with_the_shipped_config_a_stranger_in_a_thread_changes_nothing_and_is_not_answered(desk_dir: Path) -> None:
    """With the shipped config (authentication required): the district's own mail is authenticated."""
    tana_tidung = DISTRICT_SENDERS["65.04"]
    domain = tana_tidung.split("@")[1]
    passed = (f"Authentication-Results: mx.kaltaraprov.example; dkim=pass header.d={domain}; "
              f"dmarc=pass header.from={domain}\n")
    letter = write_eml(desk_dir, "tt-1.eml", sender=tana_tidung, subject="minta blangko",
                       message_id="<tt-1@tanatidungkab.example>", extra_headers=passed,
                       body="Pak, stok blangko KTP-el kami sisa 300 lembar. Mohon dikirim 600 lembar ya pak.\n")
    run_once(desk_dir, letter)
    [first] = replies_to(desk_dir, "<tt-1@tanatidungkab.example>")
    reference = reference_of(first)
    before = request_row(desk_dir, reference)
    outbox_before = len(sent_mail(desk_dir))
    stranger = write_eml(desk_dir, "tt-2.eml", sender="Budi <budi.santoso1987@gmail.example>",
                         subject=f"Re: {first.subject}", message_id="<tt-2@gmail.example>",
                         extra_headers=f"In-Reply-To: {first.message_id}\nReferences: {first.message_id}\n",
                         body="Pak, ini saya operator Tana Tidung pakai email pribadi. Sisa stok kami sekarang 40 "
                              "lembar, mohon kirimannya dipercepat dan ditambah jadi 1.000 lembar.\n")
    run_once(desk_dir, stranger)
    assert request_row(desk_dir, reference) == before
    assert db(desk_dir).execute("select count(*) from requests").fetchone()[0] == 1
    assert replies_to(desk_dir, "<tt-2@gmail.example>") == []
    assert len(sent_mail(desk_dir)) == outbox_before
    assert db(desk_dir).execute("select a.reason from attention_items a join messages m on m.id = a.message_pk "
                                "where m.message_id = '<tt-2@gmail.example>'").fetchone()[0] == "stranger_in_thread"


def _message_pk(desk_dir: Path, message_id: str) -> int:
    return db(desk_dir).execute("select id from messages where message_id = ?", (message_id,)).fetchone()[0]


def test_correcting_a_follow_up_carries_through_to_its_request_with_the_corrected_figures(desk_dir: Path) -> None:
    first = request_replied(
        desk_dir, "ml-a", MALINAU, "Dengan hormat, sisa blangko e-KTP kami 450 keping.\n"
                                   "Mohon kiranya dapat diberikan tambahan sebanyak 1.500 keping.\n")
    reference = reference_of(first)
    answer_reply(desk_dir, first, "ml-b", MALINAU, "Mohon maaf pak, ternyata kami cukup dua pertiganya saja.", "gmail")
    assert request_row(desk_dir, reference)["requested"] == 1500  # not read: a person corrects it
    before = {s.path for s in sent_mail(desk_dir)}
    done = mailbot(desk_dir, "correct", str(_message_pk(desk_dir, "<ml-b@malinaukab.example>")), "requested=1000",
                   "kind=request", "--reason", "kabupaten menurunkan permohonan menjadi 1.000", "--by", "rina")
    assert done.returncode == 0, done.stderr
    assert reference in done.stdout and "nothing booked" not in done.stdout
    row = request_row(desk_dir, reference)
    assert row["requested"] == 1000 and row["approved"] == 1000
    told = [s for s in sent_mail(desk_dir) if s.path not in before]
    assert len(told) == 1 and reference in told[0].subject and told[0].to == [MALINAU]
    text = " ".join(told[0].text.split())
    assert "1.500 keping menjadi 1.000 keping" in text
    understood = text.split("Yang kami pahami", 1)[1]
    assert "Jumlah yang dimohon: 1.000 keping" in understood and "1.500" not in understood
    assert "Sisa stok: 450 keping" in understood


def test_an_operators_correction_is_told_to_the_managers_as_the_operators(desk_dir: Path) -> None:
    first = request_replied(desk_dir, "tk-x", TARAKAN, "Dengan hormat, sisa stok blangko KTP-el kami 200 keping. "
                                                       "Mohon tambahan 2.000 keping.\n")
    reference = reference_of(first)
    assert request_row(desk_dir, reference)["state"] == "approved"
    before = {s.path for s in sent_mail(desk_dir)}
    done = mailbot(desk_dir, "correct", str(_message_pk(desk_dir, "<tk-x@tarakankota.example>")), "requested=4000",
                   "--reason", "lampiran surat menyebut 4.000 keping", "--by", "rina")
    assert done.returncode == 0, done.stderr
    assert request_row(desk_dir, reference)["state"] == "held"
    told = [s for s in sent_mail(desk_dir) if s.path not in before]
    [notice] = [s for s in told if sorted(s.to) == sorted(MANAGERS)]
    text = " ".join(notice.text.split())
    assert "diperbaiki oleh rina, melalui petugas meja layanan blangko" in text
    assert "Kabupaten/kota telah mengoreksi" not in text
    assert "lampiran surat menyebut 4.000 keping" in text and "Mohon tambahan 2.000" not in text
    [district] = [s for s in told if s.to == [TARAKAN]]
    said = " ".join(district.text.split())
    understood = said.split("Yang kami pahami", 1)[1]
    assert "Jumlah yang dimohon: 4.000 keping" in understood and "2.000" not in understood


NUNUKAN = DISTRICT_SENDERS["65.03"]


def test_a_linked_request_waits_for_a_person_and_its_sender_gets_a_decision(desk_dir: Path) -> None:
    first = request_replied(desk_dir, "nn-1", NUNUKAN, "Sisa blangko KTP-el saat ini 800 keping. Mohon tambahan 2.000 "
                                                       "keping.\n", subject="Permohonan Tambahan Blangko KTP-el")
    one = reference_of(first)
    second = request_replied(
        desk_dir, "nn-2", NUNUKAN, "Selamat siang pak, mohon dikirimkan lagi blangko secukupnya untuk "
        "kecamatan-kecamatan perbatasan, karena stok sudah sangat menipis. Jumlahnya nanti "
        "menyesuaikan saja pak.\n", subject="permohonan blangko lagi")
    two = reference_of(second)
    assert two != one and request_row(desk_dir, two)["state"] == "linked"
    said = " ".join(second.text.split())
    assert "gabungkan" not in said and f"nomor rujukan {two}" in said and one in said
    items = db(desk_dir).execute("select id, reason from attention_items a where closed_at is null and request_pk = "
                                 "(select id from requests where reference = ?)", (two,)).fetchall()
    assert [r[1] for r in items] == ["linked"]
    # a manager's TOLAK by email on the linked request decides it and the district is told
    tolak = write_eml(desk_dir, "kadis-tolak.eml", sender=MANAGERS[0], subject=f"Re: [{two}] permohonan blangko lagi",
                      message_id="<kadis-tolak@disdukcapil.kaltaraprov.example>",
                      body=f"TOLAK {two} sudah tercakup dalam permohonan {one}\n")
    run_once(desk_dir, tolak)
    assert request_row(desk_dir, two)["state"] == "rejected"
    [told] = [s for s in sent_mail(desk_dir)
              if s.to == [NUNUKAN] and two in s.subject and "TIDAK DAPAT KAMI SETUJUI" in s.text]
    assert f"sudah tercakup dalam permohonan {one}" in " ".join(told.text.split())
    assert db(desk_dir).execute("select closed_at from attention_items where id = ?", (items[0][0],)).fetchone()[0]
    assert request_row(desk_dir, one)["state"] == "approved"  # the open one is untouched
    # the manager's decision is acted on, not queued as mail to read
    assert db(desk_dir).execute("select count(*) from attention_items a join messages m on m.id = a.message_pk "
                                "where m.message_id = '<kadis-tolak@disdukcapil.kaltaraprov.example>'"
                                ).fetchone()[0] == 0


def test_a_linked_request_can_be_approved_by_the_operator(desk_dir: Path) -> None:
    request_replied(
        desk_dir, "nn-a", NUNUKAN, "Sisa blangko KTP-el saat ini 800 keping. Mohon tambahan 2.000 keping.\n")
    second = request_replied(
        desk_dir, "nn-b", NUNUKAN, "Selamat siang pak, mohon dikirimkan lagi blangko secukupnya. "
                                   "Jumlahnya nanti menyesuaikan saja pak.\n", subject="blangko lagi")
    two = reference_of(second)
    without = mailbot(desk_dir, "approve", two)
    assert without.returncode != 0 and "--quantity" in without.stderr + without.stdout
    assert "Traceback" not in without.stderr
    done = mailbot(desk_dir, "approve", two, "--quantity", "500", "--force", "--reason", "kecamatan perbatasan")
    assert done.returncode == 0, done.stderr
    row = request_row(desk_dir, two)
    assert row["state"] == "approved" and row["approved"] == 500
    assert [s for s in sent_mail(desk_dir) if s.to == [NUNUKAN] and two in s.subject and "DISETUJUI" in s.text]


def test_a_held_request_corrected_and_approved_tells_the_managers_it_no_longer_waits(desk_dir: Path) -> None:
    held = request_replied(desk_dir, "tk-big", TARAKAN, "Dengan hormat, sisa stok blangko KTP-el kami 200 keping. "
                                                        "Mohon tambahan 4.000 keping.\n")
    reference = reference_of(held)
    assert request_row(desk_dir, reference)["state"] == "held"
    [notice] = [s for s in sent_mail(desk_dir)
                 if sorted(s.to) == sorted(MANAGERS) and "Menunggu keputusan" in s.subject]
    answer_reply(desk_dir, held, "tk-down", TARAKAN, "Mohon maaf pak, permintaan kami diturunkan menjadi 2.000 keping.",
                 "gmail")
    assert request_row(desk_dir, reference)["state"] == "approved"
    released = [s for s in sent_mail(desk_dir)
                if sorted(s.to) == sorted(MANAGERS) and "Tidak lagi menunggu" in s.subject]
    assert len(released) == 1 and reference in released[0].subject
    text = " ".join(released[0].text.split())
    assert "4.000 keping menjadi 2.000 keping" in text and "DISETUJUI otomatis sebanyak 2.000 keping" in text
    setuju = write_eml(desk_dir, "kadis-ok.eml", sender=MANAGERS[0], subject=f"Re: {notice.subject}",
                       message_id="<kadis-ok@disdukcapil.kaltaraprov.example>", body="SETUJU\n",
                       extra_headers=f"In-Reply-To: {notice.message_id}\nReferences: {notice.message_id}\n")
    run_once(desk_dir, setuju)
    [answer] = replies_to(desk_dir, "<kadis-ok@disdukcapil.kaltaraprov.example>")
    said = " ".join(answer.text.split())
    assert "otomatis oleh sistem" in said and "tidak lagi menunggu keputusan" in said
    assert request_row(desk_dir, reference)["approved"] == 2000


def test_a_managers_partial_approval_passes_its_reason_to_the_district(desk_dir: Path) -> None:
    held = request_replied(desk_dir, "tk-part", TARAKAN, "Dengan hormat, sisa stok blangko KTP-el kami 200 keping. "
                                                         "Mohon tambahan 4.000 keping.\n")
    reference = reference_of(held)
    manager_answers_held_notice(desk_dir, "kadis-part",
                                "SETUJU 3.000 / sisanya menunggu kiriman Kemendagri bulan Januari\n")
    assert request_row(desk_dir, reference)["approved"] == 3000
    [told] = [s for s in sent_mail(desk_dir) if s.to == [TARAKAN] and "SEBAGIAN" in s.text]
    text = " ".join(told.text.split())
    assert "Catatan dari pimpinan: sisanya menunggu kiriman Kemendagri bulan Januari" in text
    assert MANAGERS[0] in text


def test_stated_stock_under_threshold_shows_in_the_headline_with_one_reconciliation_item(desk_dir: Path) -> None:
    bulungan = DISTRICT_SENDERS["65.01"]
    first = request_replied(desk_dir, "bl-1", bulungan,
                            "Dengan hormat, sisa stok blangko KTP-el kami 650 keping. Mohon tambahan 2.000 keping.\n")
    answer_reply(desk_dir, first, "bl-2", bulungan, "Ralat: sisa stok blangko KTP-el kami yang benar 600 keping "
                                                    "(kemarin salah ketik 650).", "gmail")
    items = db(desk_dir).execute("select quantity from attention_items where kind = 'reconcile' and closed_at is null "
                                 "and district = '65.01'").fetchall()
    assert len(items) == 1 and items[0][0] == 600 - 8000
    digest = " ".join(mailbot(desk_dir, "digest", "--print").stdout.split())
    assert "stok semua kabupaten/kota aman" not in digest
    assert "1 kabupaten/kota menyatakan stok di bawah batas minimum" in digest
    assert "Kabupaten Bulungan (blangko KTP-el): 600 keping, koreksi dalam percakapan permohonan" in digest


def test_reread_after_a_labels_import_does_not_list_the_imported_mail(desk_dir: Path, tmp_path: Path) -> None:
    request_replied(desk_dir, "tk-lab", TARAKAN, "Dengan hormat, sisa stok blangko KTP-el kami 900 keping. "
                                                 "Mohon tambahan 2.000 keping.\n")
    done = mailbot(desk_dir, "correct", str(_message_pk(desk_dir, "<tk-lab@tarakankota.example>")),
                   "stock_on_hand=950", "--reason", "lampiran menyebut 950")
    assert done.returncode == 0, done.stderr
    assert mailbot(desk_dir, "labels", "export", str(tmp_path / "out")).returncode == 0
    for path in (desk_dir / "var").glob("mailbot.db*"):
        path.unlink()
    # the Maildirs still show the old desk's mail: a new database there is made on purpose only
    assert mailbot(desk_dir, "labels", "import", str(tmp_path / "out")).returncode == 2
    assert mailbot(desk_dir, "migrate", "--new-desk").returncode == 0
    assert mailbot(desk_dir, "labels", "import", str(tmp_path / "out")).returncode == 0
    for flags in ((), ("--include-quarantined",)):
        reread = mailbot(desk_dir, "reread", *flags)
        assert reread.returncode == 0, reread.stderr
        assert "kind" not in reread.stdout and "no differences" in reread.stdout
        assert "labels: 1 message(s)" in reread.stdout


@pytest.mark.shipped_guards
def test_the_districts_own_address_failing_the_checks_in_a_thread_is_queued_as_unverified_not_as_a_stranger(
        desk_dir: Path) -> None:
    tana_tidung = DISTRICT_SENDERS["65.04"]
    domain = tana_tidung.split("@")[1]
    checks = "Authentication-Results: mx.kaltaraprov.example; dkim={0} header.d={1}; dmarc={0} header.from={1}\n"
    letter = write_eml(desk_dir, "tt-1.eml", sender=tana_tidung, subject="minta blangko",
                       message_id="<tt-1@tanatidungkab.example>", extra_headers=checks.format("pass", domain),
                       body="Pak, stok blangko KTP-el kami sisa 300 lembar. Mohon dikirim 600 lembar ya pak.\n")
    run_once(desk_dir, letter)
    [first] = replies_to(desk_dir, "<tt-1@tanatidungkab.example>")
    failed = write_eml(desk_dir, "tt-2.eml", sender=tana_tidung, subject=f"Re: {first.subject}",
                       message_id="<tt-2@tanatidungkab.example>",
                       extra_headers=checks.format("fail", domain)
                       + f"In-Reply-To: {first.message_id}\nReferences: {first.message_id}\n",
                       body="Ralat pak, sisa stok kami 200 lembar, bukan 300.\n")
    summary = run_once(desk_dir, failed)
    assert "not on the district's list" not in summary and "failing the checks" in summary, summary
    assert db(desk_dir).execute("select a.reason from attention_items a join messages m on m.id = a.message_pk "
                                "where m.message_id = '<tt-2@tanatidungkab.example>'").fetchone()[0] \
        == "unverified_in_thread"
    listed = mailbot(desk_dir, "queue", "list").stdout
    assert "failing the authentication checks" in listed, listed
