"""Replies greet the writer by role, on the real SQLite desk in process over the Maildir defaults: a district's
head of office named in the config or signing as such, a division's head signing as such, a manager by the
config or the signature; the operator otherwise. The desk's reply so greeted, pasted back, is still its own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from tests.desk.conftest import WITA
from tests.desk.desk12 import BULUNGAN, NUNUKAN, REQUEST, Desk12
from tests.desk.mailkit import MANAGERS

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


def _desk(desk_dir: Path, open_desk12: Callable[..., Desk12], *, district_kadis: bool = False,
          office_kabid: bool = False) -> Desk12:
    config = desk_dir / "config.toml"
    text = config.read_text()
    if district_kadis:
        text = text.replace('senders = ["disdukcapil@nunukankab.example", "capil.nunukan@nunukankab.example"]\n',
                            'senders = ["disdukcapil@nunukankab.example", "capil.nunukan@nunukankab.example"]\n'
                            f'kadis = ["{NUNUKAN}"]\n', 1)
    if office_kabid:
        text = text.replace('signature = "Bidang Pelayanan Pendaftaran Penduduk"\n',
                            f'signature = "Bidang Pelayanan Pendaftaran Penduduk"\nkabid = ["{MANAGERS[1]}"]\n', 1)
    config.write_text(text)
    return open_desk12(now=datetime(2026, 12, 5, 10, 0, tzinfo=WITA))


def _ask(d: Desk12, sender: str, name: str, asked: str = "2.000 (dua ribu)",
         signed: str = "") -> tuple[str, dict[str, int]]:
    body = REQUEST.format(stock=300, asked=asked, name=name) + signed
    return d.send(sender, "Permohonan tambahan blangko KTP-el", body, date="Tue, 01 Dec 2026 08:00:00 +0800")


def test_a_district_head_named_in_the_config_is_greeted_by_role(desk_dir: Path,
                                                               open_desk12: Callable[..., Desk12]) -> None:
    d = _desk(desk_dir, open_desk12, district_kadis=True)
    mid, outcome = _ask(d, NUNUKAN, "Nunukan")
    assert outcome == {"request-approved": 1}
    [reply] = d.replies_to(mid)
    assert reply.text.startswith("Yth. Bapak/Ibu Kepala Disdukcapil Kabupaten Nunukan,\n")
    html = reply.msg.get_body(("html",))
    assert html is not None and "Yth. Bapak/Ibu Kepala Disdukcapil Kabupaten Nunukan," in str(html.get_content())
    # that reply pasted back unmarked under the writer's correction is still the desk's own words
    fix, got = d.send(NUNUKAN, "Re: " + reply.subject,
                      f"Koreksi: kami cukup 1.500 keping, bukan 2.000.\n\n{reply.text}\n", in_reply_to=reply.message_id)
    assert got == {"follow-up-request-approved": 1}
    req = d.request()
    assert (req["requested"], req["stock_on_hand"], req["approved"]) == (1500, 300, 1500)
    [told] = d.replies_to(fix)
    assert told.text.startswith("Yth. Bapak/Ibu Kepala Disdukcapil Kabupaten Nunukan,\n")


@pytest.mark.parametrize(("signed", "greeting"), [
    ("Kepala Dinas Kependudukan dan Pencatatan Sipil\nKabupaten Bulungan\n",
     "Yth. Bapak/Ibu Kepala Disdukcapil Kabupaten Bulungan,"),
    ("a.n. Kepala Dinas\nKabid Pelayanan Pendaftaran Penduduk\n",
     "Yth. Bapak/Ibu Kepala Bidang Disdukcapil Kabupaten Bulungan,"),
    ("Rosmini\nOperator SIAK\n", "Yth. Bapak/Ibu Operator Disdukcapil Kabupaten Bulungan,"),
])
def test_a_district_writer_is_greeted_as_the_signature_says(desk_dir: Path, open_desk12: Callable[..., Desk12],
                                                           signed: str, greeting: str) -> None:
    d = _desk(desk_dir, open_desk12)
    mid, outcome = _ask(d, BULUNGAN, "Bulungan", signed=signed)
    assert outcome == {"request-approved": 1}
    [reply] = d.replies_to(mid)
    assert reply.text.splitlines()[0] == greeting


@pytest.mark.parametrize(("manager", "office_kabid", "signed", "greeting"), [
    (MANAGERS[0], False, "\n\nKepala Dinas Kependudukan dan Pencatatan Sipil\nProvinsi Kalimantan Utara",
     "Yth. Bapak/Ibu Kepala Dinas,"),
    (MANAGERS[1], True, "", "Yth. Bapak/Ibu Kepala Bidang,"),
    (MANAGERS[0], False, "", "Yth. Bapak/Ibu Pimpinan,"),
], ids=["signature", "config", "neither"])
def test_a_manager_is_greeted_by_role(desk_dir: Path, open_desk12: Callable[..., Desk12], manager: str,
                                      office_kabid: bool, signed: str, greeting: str) -> None:
    d = _desk(desk_dir, open_desk12, office_kabid=office_kabid)
    mid, outcome = _ask(d, NUNUKAN, "Nunukan", asked="6.000 (enam ribu)")
    assert outcome == {"request-held": 1}
    [notice] = [o for o in d.out() if o.purpose.startswith("held:")]
    answer, got = d.send(manager, "Re: " + notice.subject, f"SETUJU 3.000{signed}", in_reply_to=notice.message_id)
    assert got == {"manager-approve": 1}
    [confirm] = d.replies_to(answer)
    assert confirm.text.splitlines()[0] == greeting
