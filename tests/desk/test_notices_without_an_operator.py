"""With office.operator left out of config.toml, the operator's notice of a quarantined message goes to the first
manager only, asks that manager to pass it on to whoever runs the desk, and says why it came to the manager."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path

from mailbot.runners import process_inbox
from mailbot.transports.maildir import MaildirInbox, deliver
from tests.desk.conftest import WITA
from tests.desk.desk12 import BULUNGAN, Desk12, flat
from tests.desk.mailkit import MANAGERS, OFFICE


def _with_attachments(count: int) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = BULUNGAN, OFFICE, "Laporan harian dan foto kegiatan"
    msg["Message-ID"], msg["Date"] = "<foto@bulungankab.example>", "Fri, 04 Dec 2026 09:00:00 +0800"
    msg.set_content("Dengan hormat, terlampir laporan harian. Sisa blangko 812 keping.")
    for i in range(count):
        msg.add_attachment(b"\xff\xd8\xff" + bytes(200), maintype="image", subtype="jpeg", filename=f"foto{i}.jpg")
    return msg.as_bytes()


def test_a_quarantine_notice_to_a_manager_leaves_the_commands_to_the_operator(
        desk_dir: Path, open_desk12: Callable[..., Desk12]) -> None:
    config = desk_dir / "config.toml"
    config.write_text(re.sub(r"(?m)^operator = .*\n", "", config.read_text(), count=1))
    d = open_desk12(now=datetime(2026, 12, 5, 10, 0, tzinfo=WITA))
    assert d.desk.config.office.operator is None
    deliver(d.inbox, _with_attachments(12))
    process_inbox(d.desk, MaildirInbox(d.inbox, size_limit=d.desk.config.guards.max_message_bytes))
    [notice] = [o for o in d.out() if o.purpose.startswith("quarantined:")]
    assert notice.to == [MANAGERS[0]]
    text = flat(notice.msg.get_body(("plain",)).get_content())
    assert text.startswith("Yth. Bapak/Ibu Pimpinan,")
    assert ("Mohon teruskan pemberitahuan ini kepada operator atau petugas TI kantor yang menjalankan meja layanan "
            "blangko. Perintah berikut untuk mereka: Setelah masalahnya diperbaiki, email dapat diproses ulang "
            "dengan: mailbot replay 1") in text
    assert "Bapak/Ibu menerima pemberitahuan ini karena alamat operator meja layanan blangko belum diatur" in text
