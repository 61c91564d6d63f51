"""A request from an address on no district's list that names no district: the managers' notice says the district
is not known and offers only TOLAK (a SETUJU could never be carried out: the blanks have nowhere to go), and a
manager's SETUJU is refused with only TOLAK offered. (Was "Kabupaten/Kota: kabupaten/kota (-)", SETUJU lines in
the notice, and the refusal listing SETUJU, SETUJU 1.500 and SETUJU PAKSA again.)"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from mailbot.desk import Desk
from tests.desk.conftest import WITA
from tests.desk.mailkit import MANAGERS
from tests.desk.test_follow_ups_own_words import Desk12, Out

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

KADIS = MANAGERS[0]
STRANGER = "pak.rudi.kependudukan@gmail.example"
ASKING = ("Selamat pagi,\n\nkami mohon dikirimkan blangko KTP-el sebanyak 2.000 keping, sisa stok kami tinggal 300 "
          "keping.\n\nTerima kasih,\nRudi\n")


@pytest.fixture
def desk12(desk_dir: Path, open_test_desk: Callable[..., Desk]) -> Desk12:
    return Desk12(desk_dir, open_test_desk(now=datetime(2026, 12, 5, 10, 0, tzinfo=WITA)))


def _answer(d: Desk12, mail: Out, words: str) -> str:
    quoted = "\n".join(f"> {line}" for line in mail.text.splitlines())
    mid, _ = d.send(KADIS, "Re: " + mail.subject, f"{words}\n\n{mail.msg['From']} menulis:\n{quoted}\n",
                    in_reply_to=mail.message_id)
    return mid


def test_a_request_of_no_district_offers_only_tolak(desk12: Desk12) -> None:
    desk12.send(STRANGER, "Permohonan blangko", ASKING)
    request = desk12.request()
    assert request["district"] is None and request["state"] == "held", dict(request)
    [notice] = [o for o in desk12.out() if o.purpose.startswith("held:")]
    assert "kabupaten/kota (-)" not in notice.text, notice.text
    unknown = "  Kabupaten/Kota: tidak diketahui (pengirim tidak terdaftar pada kabupaten/kota mana pun)\n  Pengirim"
    assert unknown in notice.text, notice.text
    assert "dari pengirim tidak terdaftar" in notice.subject
    commands = [line.strip().split()[0] for line in notice.text.splitlines() if line.startswith("  ")
                and line.strip().split()[0] in ("SETUJU", "TOLAK")]
    assert commands == ["TOLAK"], notice.text
    refused = _answer(desk12, notice, "SETUJU 2.000")
    assert desk12.request()["state"] == "held"
    [error] = desk12.replies_to(refused)
    offered = [line.strip().split()[0] for line in error.text.splitlines() if line.startswith("  ")]
    assert offered == ["TOLAK"], error.text
    rejected = _answer(desk12, notice, "TOLAK bukan petugas kabupaten/kota yang terdaftar")
    assert desk12.request()["state"] == "rejected", desk12.replies_to(rejected)
