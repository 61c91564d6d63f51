"""`mailbot correct MSG kind=other` on a message that opened a request never leaves that request unseen."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.desk.conftest import mailbot
from tests.desk.mailkit import DISTRICT_SENDERS, db, run_once, write_eml

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

KTT = DISTRICT_SENDERS["65.04"]


def test_correcting_a_linked_requests_message_to_other_keeps_its_queue_item_and_says_what_to_do(
        desk_dir: Path) -> None:
    run_once(desk_dir, write_eml(desk_dir, "k1.eml", sender=KTT, subject="permohonan blangko",
                                 body="mohon dikirimkan blangko ktp-el 500 keping krn sisa kami 300 keping.\n",
                                 message_id="<k1@tanatidungkab.example>"))
    run_once(desk_dir, write_eml(desk_dir, "k2.eml", sender=KTT, subject="Permohonan blangko KTP-el lagi",
                                 body="Kami mohon tambahan blangko KTP-el 400 keping. Sisa stok kami 250 keping.\n",
                                 message_id="<k2@tanatidungkab.example>"))
    conn = db(desk_dir)
    [(pk, reference, state)] = conn.execute(
        "select m.id, r.reference, r.state from requests r join messages m on m.id = r.message_pk "
        "where m.message_id = '<k2@tanatidungkab.example>'").fetchall()
    assert state == "linked"
    fixed = mailbot(desk_dir, "correct", str(pk), "kind=other", "--reason", "bukan permohonan, hanya uji coba")
    assert fixed.returncode == 0, fixed.stderr
    assert f"{reference} is still linked" in fixed.stdout and f"mailbot reject {reference}" in fixed.stdout
    still = db(desk_dir).execute("select count(*) from attention_items where message_pk = ? and kind = 'read' "
                                 "and closed_at is null",
                                 (pk,)).fetchone()[0]
    assert still == 1
