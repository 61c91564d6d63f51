"""A request from an address on no district's list that names no district: the managers' notice says the district
is not known and offers only TOLAK (a SETUJU could never be carried out: the blanks have nowhere to go), and a
manager's SETUJU is refused with only TOLAK offered. (Was "Kabupaten/Kota: kabupaten/kota (-)", SETUJU lines in
the notice, and the refusal listing SETUJU, SETUJU 1.500 and SETUJU PAKSA again.)"""

from __future__ import annotations

import pytest

from tests.desk.desk12 import Desk12, send_answer
from tests.desk.mailkit import MANAGERS

WROTE = "{desk} menulis:"  # a client's line over the quote

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

KADIS = MANAGERS[0]
STRANGER = "pak.rudi.kependudukan@gmail.example"
ASKING = ("Selamat pagi,\n\nkami mohon dikirimkan blangko KTP-el sebanyak 2.000 keping, sisa stok kami tinggal 300 "
          "keping.\n\nTerima kasih,\nRudi\n")




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
    refused = send_answer(desk12, KADIS, notice, "SETUJU 2.000", above=WROTE)[0]
    assert desk12.request()["state"] == "held"
    [error] = desk12.replies_to(refused)
    offered = [line.strip().split()[0] for line in error.text.splitlines() if line.startswith("  ")]
    assert offered == ["TOLAK"], error.text
    rejected = send_answer(desk12, KADIS, notice, "TOLAK bukan petugas kabupaten/kota yang terdaftar", above=WROTE)[0]
    assert desk12.request()["state"] == "rejected", desk12.replies_to(rejected)
