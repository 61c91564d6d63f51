"""`mailbot import` of an mbox: N messages in the file are N messages in the inbox, each as it was written."""

from __future__ import annotations

import bz2
import email
import email.policy
import gzip
import lzma
import mailbox
import sqlite3
from email.message import EmailMessage
from pathlib import Path

import pytest

from mailbot import mboxfile
from tests.desk.conftest import mailbot

MALINAU = "disdukcapil@malinaukab.example"
BODY_WITH_FROM = "Dengan hormat,\nFrom the district office: sisa blangko 812 keping.\n\nTerima kasih."


def _message(n: int) -> EmailMessage:
    msg = EmailMessage()
    msg["Authentication-Results"] = "mx.kaltaraprov.example; dmarc=pass header.from=malinaukab.example"
    msg["From"], msg["To"] = MALINAU, "blangko@disdukcapil.kaltaraprov.example"
    msg["Subject"], msg["Message-ID"] = f"Laporan mbox {n}", f"<mbox-{n}@malinaukab.example>"
    msg["Date"] = "Tue, 24 Nov 2026 10:30:00 +0800"
    msg.set_content(BODY_WITH_FROM if n == 2 else f"Dengan hormat, laporan {n}. Sisa blangko 812 keping.")
    return msg


def _mbox(path: Path, count: int) -> Path:
    box = mailbox.mbox(path)
    for n in range(1, count + 1):
        box.add(_message(n))
    box.close()
    return path


def _inbox(desk_dir: Path) -> list[email.message.EmailMessage]:
    files = sorted((desk_dir / "var" / "mail" / "inbox" / "new").glob("*"))
    return [email.message_from_bytes(p.read_bytes(), policy=email.policy.default)  # type: ignore[misc]
            for p in files]


def test_the_mbox_module_splits_and_unquotes(tmp_path: Path) -> None:
    path = _mbox(tmp_path / "three.mbox", 3)
    assert b"\n>From the district office" in path.read_bytes(), "the writer quotes the body's From line"
    box = mailbox.mbox(path, create=False)
    try:
        found = list(mboxfile.messages(box, 1_000_000))
    finally:
        box.close()
    assert [m.head.split(b"Subject: ")[1].split(b"\n")[0] for m in found] == [
        b"Laporan mbox 1", b"Laporan mbox 2", b"Laporan mbox 3"]
    assert not any(m.head.startswith(b"From ") for m in found), "the separator line is not part of a message"
    assert b"\nFrom the district office: sisa blangko 812 keping." in found[1].head


def test_an_over_size_message_is_read_no_further_than_the_limit(tmp_path: Path) -> None:
    box = mailbox.mbox(_mbox(tmp_path / "two.mbox", 2), create=False)
    try:
        small, _ = mboxfile.messages(box, 100)
        assert len(small.head) == 101
    finally:
        box.close()


@pytest.mark.parametrize("count", [0, 1, 3])
def test_an_mbox_of_n_messages_delivers_n(desk_dir: Path, count: int) -> None:
    path = _mbox(desk_dir / "laporan.mbox", count)
    result = mailbot(desk_dir, "import", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{count} message(s) delivered"), result.stdout
    # an empty mbox is said to be one (was "0 message(s) delivered" alone, as if its messages had gone somewhere)
    assert ("; no message in " in result.stdout) == (count == 0), result.stdout
    if count == 0:
        assert result.stdout.strip().endswith(f"; no message in {path} (an empty mbox)"), result.stdout
    delivered = _inbox(desk_dir)
    assert sorted(str(m["Message-ID"]) for m in delivered) == [f"<mbox-{n}@malinaukab.example>"
                                                               for n in range(1, count + 1)]
    if count == 3:
        [quoted] = [m for m in delivered if m["Subject"] == "Laporan mbox 2"]
        assert quoted.get_content().strip() == BODY_WITH_FROM  # type: ignore[attr-defined]
        assert mailbot(desk_dir, "run", "--once").returncode == 0
        db = sqlite3.connect(desk_dir / "var" / "mailbot.db")
        assert db.execute("select count(*) from messages where subject like 'Laporan mbox %'").fetchone() == (3,)


@pytest.mark.parametrize("count", [1, 2])
def test_an_mbox_saved_with_a_byte_order_mark_delivers_every_message(desk_dir: Path, count: int) -> None:
    """Notepad's UTF-8 mark before the first "From " line lost the first message ("0
    message(s) delivered" of one, exit 0)."""
    path = _mbox(desk_dir / "laporan.mbox", count)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    result = mailbot(desk_dir, "import", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{count} message(s) delivered"), result.stdout
    # an empty mbox is said to be one (was "0 message(s) delivered" alone, as if its messages had gone somewhere)
    assert ("; no message in " in result.stdout) == (count == 0), result.stdout
    if count == 0:
        assert result.stdout.strip().endswith(f"; no message in {path} (an empty mbox)"), result.stdout
    assert sorted(str(m["Message-ID"]) for m in _inbox(desk_dir)) == [f"<mbox-{n}@malinaukab.example>"
                                                                      for n in range(1, count + 1)]
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # the file itself is left as it was


def test_an_mbox_with_a_message_that_is_not_mail_delivers_nothing(desk_dir: Path) -> None:
    path = _mbox(desk_dir / "laporan.mbox", 2)
    with path.open("ab") as fh:
        fh.write(b"From someone Sat Dec  5 10:00:00 2026\nthis is a note, not an email\n")
    result = mailbot(desk_dir, "import", str(path))
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert "laporan.mbox: message 3 of 3: " in line and "not an email" in line and "nothing was delivered" in line
    assert _inbox(desk_dir) == []


@pytest.mark.parametrize("content", [b"Catatan rapat: stok blangko 2.000 keping\n", b"\x7fELF\x02\x01\x01" + bytes(64)])
def test_a_file_that_is_no_mailbox_is_refused_in_one_line(desk_dir: Path, content: bytes) -> None:
    path = desk_dir / "laporan.mbox"
    path.write_bytes(content)
    result = mailbot(desk_dir, "import", str(path))
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert "laporan.mbox: " in line and "not an email" in line and "nothing was delivered" in line, line
    assert "Traceback" not in result.stderr and _inbox(desk_dir) == []


def test_an_over_size_message_of_an_mbox_is_delivered_whole_to_be_quarantined(desk_dir: Path) -> None:
    config = desk_dir / "config.toml"
    config.write_text(config.read_text().replace("max_message_bytes = 10485760", "max_message_bytes = 2048")
                      .replace("max_attachment_bytes = ", "max_attachment_bytes = 1024 # "))
    path = _mbox(desk_dir / "laporan.mbox", 3)
    big = _message(4)
    big.set_content("Sisa blangko 812 keping.\n" + ("y" * 70 + "\n") * 60)
    box = mailbox.mbox(path)
    box.add(big)
    box.close()
    result = mailbot(desk_dir, "import", str(path))
    assert result.returncode == 0, result.stderr
    sizes = sorted(p.stat().st_size for p in (desk_dir / "var" / "mail" / "inbox" / "new").glob("*"))
    assert len(sizes) == 4 and sizes[-1] > 4000, sizes


def _zipped(member: str, data: bytes) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(member, data)
    return buffer.getvalue()


def _tarred(member: str, data: bytes, compression: str = "") -> bytes:
    import io
    import tarfile

    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=f"w:{compression}") as archive:
        info = tarfile.TarInfo(member)
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


MAIL = b"From: disdukcapil@malinaukab.example\r\nSubject: Permohonan blangko\r\n\r\nMohon 1.000 keping.\r\n"


@pytest.mark.parametrize(("name", "data", "said"), [
    ("permohonan.eml.gz", gzip.compress(MAIL), "compressed with gzip: unpack it first with gunzip"),
    ("permohonan.msg", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
     "an Outlook .msg file: open it in Outlook and save it as .eml"),
    ("permohonan.eml", b"\xff\xfe" + MAIL.decode().encode("utf-16-le"), "text saved as UTF-16"),
    ("permohonan.txt", MAIL.decode().encode("utf-16-le"), "text saved as UTF-16, Notepad's Unicode: save it again "
                                                           "as UTF-8"),
    ("arsip.zip", _zipped("permohonan.eml", MAIL), "a ZIP archive: unpack it first"),
    ("laporan.xlsx", _zipped("[Content_Types].xml", b"<Types/>"),
     "an Office document, Excel or Word: import the .eml it came with"),
    ("surat.pdf", b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", "a PDF document: import the .eml it came with"),
    # were the generic "binary data, not an email"
    ("permohonan.eml.bz2", bz2.compress(MAIL), "compressed with bzip2: unpack it first with bunzip2, then import"),
    ("permohonan.eml.xz", lzma.compress(MAIL), "compressed with xz: unpack it first with unxz, then import the .eml"),
    ("arsip.tar", _tarred("permohonan.eml", MAIL), "a tar archive: unpack it first (tar -xf FILE), then import"),
    ("arsip.tar.gz", _tarred("permohonan.eml", MAIL, "gz"), "a tar archive compressed with gzip: unpack it first "
                                                           "(tar -xf FILE), then import the .eml files in it"),
    ("arsip.tar.bz2", _tarred("permohonan.eml", MAIL, "bz2"), "a tar archive compressed with bzip2: unpack it"),
    ("arsip.tar.xz", _tarred("permohonan.eml", MAIL, "xz"), "a tar archive compressed with xz: unpack it first"),
], ids=["gzip", "outlook-msg", "utf16-bom", "utf16-no-bom", "zip", "xlsx", "pdf", "bz2", "xz", "tar", "tar-gz",
        "tar-bz2", "tar-xz"])
def test_a_file_taken_for_mail_is_told_what_it_is(desk_dir: Path, name: str, data: bytes, said: str) -> None:
    """Were all "binary data, not an email (an .eml file holds one message with its headers)"."""
    path = desk_dir / name
    path.write_bytes(data)
    result = mailbot(desk_dir, "import", str(path))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"({said}" in lines[0] and lines[0].endswith("; nothing was delivered"), lines
    assert not list((desk_dir / "var" / "mail" / "inbox").glob("new/*"))


def _with_attachment(n: int) -> EmailMessage:
    msg = _message(n)
    msg.add_attachment(bytes(range(256)) * 8, maintype="application", subtype="pdf", filename="laporan.pdf")
    return msg


def _cut_points(whole: bytes, start: int) -> list[int]:
    """Offsets to cut *whole* at after *start*: every 157 bytes, and just before each line end."""
    return sorted({*range(start + 1, len(whole) - 1, 157),
                   *[i for i in range(start + 1, len(whole) - 1) if whole[i:i + 1] == b"\n"][::7]})


def test_an_mbox_cut_off_in_its_last_message_delivers_nothing(desk_dir: Path) -> None:
    """A partial export (a copy or download stopped): whatever the point the last message is cut at, in its
    header block, its body, its MIME parts or its base64, the import is refused in one line naming the file,
    and nothing is delivered. Before the cut-off check, most cut points delivered the shortened message."""
    path = _mbox(desk_dir / "laporan.mbox", 2)
    box = mailbox.mbox(path)
    box.add(_with_attachment(3))
    box.close()
    whole = path.read_bytes()
    third = whole.rindex(b"\nFrom ") + 1
    accepted = []
    for cut in _cut_points(whole, third + 60):
        part = desk_dir / "potongan.mbox"
        part.write_bytes(whole[:cut])
        result = mailbot(desk_dir, "import", str(part))
        lines = result.stderr.strip().splitlines()
        if result.returncode == 0 or len(lines) != 1 or "potongan.mbox: message 3 of 3: " not in lines[0] \
                or "nothing was delivered" not in lines[0]:
            accepted.append((cut, result.stdout + result.stderr))
        for delivered in (desk_dir / "var" / "mail" / "inbox" / "new").glob("*"):
            delivered.unlink()
    assert accepted == [], f"{len(accepted)} of {len(_cut_points(whole, third + 60))} cut points accepted"
    result = mailbot(desk_dir, "import", str(path))
    assert result.returncode == 0 and len(_inbox(desk_dir)) == 3, result.stderr


@pytest.mark.parametrize("raw", [
    b"From: disdukcapil@malinaukab.example\nSubject: Laporan\n\nSisa blangko 812 keping.",
    b"From: disdukcapil@malinaukab.example\r\nSubject: Laporan\r\n\r\nSisa blangko 812 keping.",
    b"From: disdukcapil@malinaukab.example\nSubject: Laporan\nContent-Length: 24\n\nSisa blangko 812 keping.",
])
def test_a_whole_message_without_a_final_line_end_is_delivered(desk_dir: Path, raw: bytes) -> None:
    """Many programs save a message without a line end after its last line: that alone is no cut."""
    path = desk_dir / "laporan.eml"
    path.write_bytes(raw)
    result = mailbot(desk_dir, "import", str(path))
    assert result.returncode == 0, result.stderr
    assert len(_inbox(desk_dir)) == 1


def test_an_eml_cut_off_is_refused_in_one_line(desk_dir: Path) -> None:
    whole = _with_attachment(1).as_bytes()
    path = desk_dir / "laporan.eml"
    path.write_bytes(whole[:whole.rindex(b"\n--")])  # the closing boundary lost, the cut at a line end
    result = mailbot(desk_dir, "import", str(path))
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert "laporan.eml: cut off before its end (a MIME multipart stops before its closing boundary)" in line, line
    assert "nothing was delivered" in line and _inbox(desk_dir) == []


def test_an_unescaped_from_line_in_a_body_is_named(desk_dir: Path) -> None:
    """An mboxo export writes "From the desk of kadis" in a body as it is, and the mbox splits there. Was "message
    2 of 2: empty input, not an email", naming no line."""
    text = _message(1).as_bytes().replace(b"\r\n", b"\n")
    path = desk_dir / "mboxo.mbox"
    path.write_bytes(b"From x@y Sun Dec  6 10:00:00 2026\n" + text + b"\nFrom the desk of kadis\n\nSalam.\n")
    result = mailbot(desk_dir, "import", str(path))
    assert result.returncode == 1, result.stdout
    assert result.stderr.strip().splitlines() == [
        f"mailbot: {path}: message 2 of 2: no header block, not an email (it begins at the line 'From the desk of "
        "kadis', which may be a line of message 1's text that the export did not write as '>From ': write '>' "
        "before it in the file and import again); nothing was delivered"], result.stderr
    assert not (desk_dir / "var" / "mail" / "inbox" / "new").exists() or \
        list((desk_dir / "var" / "mail" / "inbox" / "new").iterdir()) == []
