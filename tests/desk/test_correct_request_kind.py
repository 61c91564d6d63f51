"""`mailbot correct MSG kind=other` on a message that opened a request withdraws that request: closed as
"dikoreksi operator", its approval released, its queue items closed, the district told, the digest says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.desk.conftest import mailbot
from tests.desk.desk12 import flat
from tests.desk.mailkit import DISTRICT_SENDERS, db, run_once, sent_mail, write_eml

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

KTT = DISTRICT_SENDERS["65.04"]
COMMITTED = "select coalesce(sum(committed), 0) from ledger_entries where location = '65.04' and item = 'ktp-el'"


def _request(desk_dir: Path, message_id: str) -> tuple[int, str, str]:
    return db(desk_dir).execute(
        "select m.id, r.reference, r.state from requests r join messages m on m.id = r.message_pk "
        "where m.message_id = ?", (message_id,)).fetchone()


def test_correcting_a_linked_requests_message_to_other_closes_the_request_and_tells_the_district(
        desk_dir: Path) -> None:
    run_once(desk_dir, write_eml(desk_dir, "k1.eml", sender=KTT, subject="permohonan blangko",
                                 body="mohon dikirimkan blangko ktp-el 500 keping krn sisa kami 300 keping.\n",
                                 message_id="<k1@tanatidungkab.example>"))
    first = _request(desk_dir, "<k1@tanatidungkab.example>")
    committed = db(desk_dir).execute(COMMITTED).fetchone()[0]
    run_once(desk_dir, write_eml(desk_dir, "k2.eml", sender=KTT, subject="Permohonan blangko KTP-el lagi",
                                 body="Kami mohon tambahan blangko KTP-el 400 keping. Sisa stok kami 250 keping.\n",
                                 message_id="<k2@tanatidungkab.example>"))
    pk, reference, state = _request(desk_dir, "<k2@tanatidungkab.example>")
    assert state == "linked"
    before = {s.path for s in sent_mail(desk_dir)}
    fixed = mailbot(desk_dir, "correct", str(pk), "kind=other", "--reason", "bukan permohonan, hanya uji coba")
    assert fixed.returncode == 0, fixed.stderr
    assert f"{reference} closed as no request" in fixed.stdout, fixed.stdout
    assert _request(desk_dir, "<k2@tanatidungkab.example>")[2] == "withdrawn"
    assert _request(desk_dir, "<k1@tanatidungkab.example>") == first  # the district's open request stands
    assert db(desk_dir).execute(COMMITTED).fetchone()[0] == committed
    assert db(desk_dir).execute("select count(*) from attention_items where request_pk = (select id from requests "
                                "where reference = ?) and closed_at is null", (reference,)).fetchone()[0] == 0
    assert db(desk_dir).execute("select count(*) from audit where action = 'withdraw' and target = ?",
                                (reference,)).fetchone()[0] == 1
    [told] = [s for s in sent_mail(desk_dir) if s.path not in before]  # one mail, whatever its file name
    assert told.to == [KTT] and reference in told.subject and "telah ditutup oleh petugas kami" in flat(told.text)
    digest = mailbot(desk_dir, "digest", "--print").stdout
    [line] = [x for x in digest.splitlines() if reference in x and "ditutup" in x]
    assert "dikoreksi operator: bukan permohonan, hanya uji coba" in line, line
    assert "closed: no request" in mailbot(desk_dir, "requests").stdout


def test_correcting_an_approved_requests_message_to_other_releases_the_approval(desk_dir: Path) -> None:
    run_once(desk_dir, write_eml(desk_dir, "k1.eml", sender=KTT, subject="permohonan blangko",
                                 body="mohon dikirimkan blangko ktp-el 500 keping krn sisa kami 300 keping.\n",
                                 message_id="<k1@tanatidungkab.example>"))
    pk, reference, state = _request(desk_dir, "<k1@tanatidungkab.example>")
    assert state == "approved" and db(desk_dir).execute(COMMITTED).fetchone()[0] > 0
    fixed = mailbot(desk_dir, "correct", str(pk), "kind=stock_report", "--reason", "hanya laporan sisa stok")
    assert fixed.returncode == 0, fixed.stderr
    assert "approval of" in fixed.stdout and "released" in fixed.stdout, fixed.stdout
    assert db(desk_dir).execute(COMMITTED).fetchone()[0] == 0
    assert "tidak ada yang perlu diputuskan" not in fixed.stdout
    again = mailbot(desk_dir, "approve", reference)
    assert again.returncode == 1 and "closed: no request (corrected)" in again.stderr, again.stderr
