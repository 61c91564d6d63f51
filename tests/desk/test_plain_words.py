"""What the managers and districts read carries words, never the desk's internal codes."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from mailbot import actions
from mailbot.digest import CONCERN_SHORT, reason_words
from tests.desk.conftest import EXAMPLES, mailbot
from tests.desk.mailkit import run_once

CODE = re.compile(r"\b[a-z]+_[a-z_]+\b")  # verified_request_exists, above_need, sender_unknown ...


def test_every_concern_of_a_manual_approval_has_its_words_in_the_digest() -> None:
    tree = ast.parse(Path(actions.__file__).read_text())
    codes = {node.args[0].value for node in ast.walk(tree)
             if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Concern"
             and isinstance(node.args[0], ast.Constant)}
    assert "verified_request_exists" in codes and codes <= set(CONCERN_SHORT), codes - set(CONCERN_SHORT)
    # a code no table knows yet still shows as words
    assert not CODE.search(" ".join(reason_words([{"code": "override", "reason": "x", "concerns": ["new_code"]},
                                                  {"code": "brand_new"}])))


def test_a_forced_approval_of_an_unverified_request_reads_in_words_in_the_digest(desk_dir: Path) -> None:
    run_once(desk_dir, *sorted(EXAMPLES.glob("*.eml")))
    held = mailbot(desk_dir, "requests")
    [reference] = [line.split()[1] for line in held.stdout.splitlines() if "budi.capil" in line]
    approved = mailbot(desk_dir, "approve", reference, "--quantity", "3 ribu", "--force", "--reason", "banjir")
    assert approved.returncode == 0, approved.stderr
    digest = mailbot(desk_dir, "digest", "--print")
    assert digest.returncode == 0, digest.stderr
    [line] = [x for x in digest.stdout.splitlines() if reference in x and "disetujui" in x]
    assert "dipaksa (pengirim belum terverifikasi" in line and "banjir" in line, line
    assert not CODE.search(digest.stdout), CODE.findall(digest.stdout)
