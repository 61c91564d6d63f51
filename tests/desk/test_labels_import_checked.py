"""`mailbot labels import` takes a label set whole or not at all: it reads only the set's own corpus/ files, only
mail that is whole, only labels this desk knows; anything else is refused in one line and nothing is stored."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.desk.conftest import EXAMPLES, mailbot

SECRET = "rahasia-kantor-jangan-dibaca"


def _label(district: str = "65.71", kind: str = "request") -> dict[str, object]:
    return {"district": district, "item": "ktp-el", "kind": kind, "needs_attachment": False, "printed": None,
            "received": None, "recorded": None, "requested": 1500, "sender_known": True, "stock_on_hand": 300,
            "tags": []}


def _label_set(folder: Path) -> Path:
    """A good set of two labelled messages, as another office would send it."""
    (folder / "corpus").mkdir(parents=True)
    for n, source in enumerate(sorted(EXAMPLES.glob("*.eml"))[:2], start=1):
        shutil.copy(source, folder / "corpus" / f"{n:03d}.eml")
    (folder / "labels.json").write_text(json.dumps({"001.eml": _label(), "002.eml": _label("65.01")}))
    return folder


def _third(folder: Path, raw: bytes, label: dict[str, object] | None = None, name: str = "003.eml") -> None:
    (folder / "corpus" / "003.eml").write_bytes(raw)
    labels = json.loads((folder / "labels.json").read_text())
    labels[name] = label or _label()
    (folder / "labels.json").write_text(json.dumps(labels))


def _outside(folder: Path) -> None:
    secret = folder.parent / "secret.eml"
    secret.write_text(f"From: kepala@kaltaraprov.example\nSubject: {SECRET}\n\n{SECRET}\n")
    labels = json.loads((folder / "labels.json").read_text())
    labels[f"../../{secret.name}"] = _label()
    (folder / "labels.json").write_text(json.dumps(labels))


def _absolute(folder: Path) -> None:
    _outside(folder)
    labels = json.loads((folder / "labels.json").read_text())
    labels[str(folder.parent / "secret.eml")] = labels.pop("../../secret.eml")
    (folder / "labels.json").write_text(json.dumps(labels))


def _linked_file(folder: Path) -> None:
    _outside(folder)
    labels = json.loads((folder / "labels.json").read_text())
    labels["003.eml"] = labels.pop("../../secret.eml")
    (folder / "labels.json").write_text(json.dumps(labels))
    (folder / "corpus" / "003.eml").symlink_to(folder.parent / "secret.eml")


def _linked_corpus(folder: Path) -> None:
    _linked_file(folder)
    (folder / "corpus" / "003.eml").unlink()
    shutil.move(folder / "corpus", folder.parent / "elsewhere")
    shutil.copy(folder.parent / "secret.eml", folder.parent / "elsewhere" / "003.eml")
    (folder / "corpus").symlink_to(folder.parent / "elsewhere")


def _repeated_key(folder: Path) -> None:
    text = (folder / "labels.json").read_text()
    (folder / "labels.json").write_text(text[:-1] + ', "002.eml": ' + json.dumps(_label("65.02")) + "}")


WHOLE = (EXAMPLES / sorted(p.name for p in EXAMPLES.glob("*.eml"))[2]).read_bytes()

BROKEN: dict[str, tuple[Callable[[Path], None], str]] = {
    "a path out of the folder": (_outside, "'../../secret.eml': a label names a file of the set's own corpus/"),
    "an absolute path": (_absolute, "a label names a file of the set's own corpus/ folder by its bare name"),
    "a link to a file outside": (_linked_file, "'003.eml': a label names a file of the set's own corpus/"),
    "corpus/ a link to a folder outside": (_linked_corpus, "a label names a file of the set's own corpus/"),
    "an empty message": (lambda f: _third(f, b""), "003.eml: empty input, not an email"),
    "binary data": (lambda f: _third(f, bytes(range(256)) * 2), "003.eml: binary data, not an email"),
    "a message cut off": (lambda f: _third(f, WHOLE[:WHOLE.index(b"\nSubject: ") + 12]),
                          "003.eml: cut off before its end (its header block stops"),
    "an unknown district": (lambda f: _third(f, WHOLE, _label("99.99")),
                            "'003.eml': district '99.99' is no district of this desk"),
    "an unknown kind": (lambda f: _third(f, WHOLE, _label(kind="lamaran")),
                        "'003.eml': kind 'lamaran' is no kind of mail"),
    "a label given twice": (_repeated_key, "cannot read labels (the key '002.eml' is given twice)"),
}


def _counts(desk_dir: Path) -> tuple[int, int]:
    db = sqlite3.connect(desk_dir / "var" / "mailbot.db")
    try:
        return db.execute("select (select count(*) from messages), (select count(*) from labels)").fetchone()
    finally:
        db.close()


def test_a_good_label_set_is_read(sample: Path, tmp_path: Path) -> None:
    folder = _label_set(tmp_path / "set")
    _third(folder, WHOLE)
    result = mailbot(sample, "labels", "import", str(folder))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("3 label(s) read"), result.stdout


@pytest.mark.parametrize("case", BROKEN)
def test_a_broken_label_set_is_refused_whole(sample: Path, tmp_path: Path, case: str) -> None:
    """Before the checks: the outside file was stored as a message (and `labels export` wrote it out again),
    the broken mail and the unknown labels were stored, and a repeated key dropped one label in silence."""
    spoil, said = BROKEN[case]
    folder = _label_set(tmp_path / "set")
    spoil(folder)
    before = _counts(sample)
    result = mailbot(sample, "labels", "import", str(folder))
    assert result.returncode == 1, result.stdout
    [line] = result.stderr.strip().splitlines()
    assert said in line and line.endswith("nothing was imported"), line
    assert _counts(sample) == before
    exported = mailbot(sample, "labels", "export", str(tmp_path / "out"))
    assert exported.returncode == 0, exported.stderr
    assert not any(SECRET.encode() in p.read_bytes() for p in (tmp_path / "out").rglob("*.eml"))
