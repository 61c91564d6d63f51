"""The digest through the command line: what `--print` shows after a `--send`, and words a manager can read."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.desk.conftest import EXAMPLES, mailbot
from tests.test_digest_phone import BROWSER, PROBE, probe_colour


def test_print_after_send_still_shows_the_period_and_plain_words(desk_dir: Path) -> None:
    assert mailbot(desk_dir, "import", *map(str, sorted(EXAMPLES.glob("*.eml")))).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    sent = mailbot(desk_dir, "digest", "--send")
    assert sent.returncode == 0, sent.stderr
    printed = mailbot(desk_dir, "digest", "--print", "--output", str(desk_dir / "digest.html"))
    assert printed.returncode == 0, printed.stderr
    text = printed.stdout
    decided = re.search(r"== Permohonan dan keputusan sejak (.+) \((\d+)\) ==", text)
    assert decided is not None and int(decided.group(2)) >= 4, "a send by hand does not empty the next digest"
    assert "Tidak ada permohonan baru" not in text
    # the subject is short, for a phone's mail list; a request linked to an open one is not "merged"
    [subject] = [line for line in text.splitlines() if line.startswith("Subjek: ")]
    assert subject.startswith("Subjek: Ringkasan blangko ") and len(subject) - len("Subjek: ") <= 75, subject
    assert "terkait dengan BLK-" in text and "digabung" not in text
    assert "tren belum dapat dihitung" in text and ", tren -" not in text and "· -" not in text
    assert "bebas" not in text and "yang belum dialokasikan (termasuk cadangan 5.000)" in text
    # Bulungan's 2.000 are approved but still in the province store: not "in transit"
    bulungan = text[text.index("Kabupaten Bulungan (65.01)"):]
    bulungan = bulungan[:bulungan.index("\n\n")]
    assert "disetujui, belum dikirim 2.000" in bulungan and "dalam pengiriman" not in bulungan
    html = (desk_dir / "digest.html").read_text()
    assert "disetujui, belum dikirim 2.000" in html and "tren belum dapat dihitung" in html
    assert 'max-width:680px' in html and "@media screen and (max-width: 480px)" in html


def test_the_digest_says_decisions_and_reasons_in_words(desk_dir: Path) -> None:
    """No internal codes (doubt, manager, override, cli:root); the rejection's and --force's reasons shown;
    a district or a province that uses nothing is said in proper Indonesian, not "cukup untuk tidak ..."."""
    config = desk_dir / "config.toml"
    text = re.sub(r'"kia" = \d+ \}', '"kia" = 0 }', config.read_text())  # no district uses KIA blanks
    config.write_text(text)
    assert mailbot(desk_dir, "import", *map(str, sorted(EXAMPLES.glob("*.eml")))).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    rejected = mailbot(desk_dir, "reject", "BLK-2026-0003", "--reason", "tunggu laporan harian", "--by", "cli:root")
    assert rejected.returncode == 0, rejected.stderr
    forced = mailbot(desk_dir, "approve", "BLK-2026-0002", "--quantity", "750", "--force", "--reason",
                     "stok rusak banjir", "--by", "cli:root")
    assert forced.returncode == 0, forced.stderr
    printed = mailbot(desk_dir, "digest", "--print", "--output", str(desk_dir / "digest.html"))
    assert printed.returncode == 0, printed.stderr
    out = printed.stdout
    decided = out[out.index("== Permohonan dan keputusan"):]
    assert "ditolak (oleh petugas meja layanan blangko); alasan: tunggu laporan harian" in decided, decided
    assert ("(oleh petugas meja layanan blangko); dipaksa (melebihi kebutuhan, bukan kelipatan pak): stok rusak "
            "banjir") in decided
    assert "[sebelumnya: perlu klarifikasi (oleh sistem); belum jelas: jumlah yang dimohon]" in decided
    for code in ("; doubt", "; manager", "override", "cli:", "root", "operator", "open_request", "_"):
        assert code not in decided, code
    html = (desk_dir / "digest.html").read_text()
    assert "alasan: tunggu laporan harian" in html and "stok rusak banjir" in html
    for page in (out, html):
        assert "tidak terpakai" not in page and "tidak terbatas" not in page
        assert "cukup untuk belum" not in page and "cukup belum" not in page
    assert "belum ada pemakaian," in out
    assert "Stok provinsi (KIA) belum terpakai: belum ada pemakaian tercatat" in out
    # the approved-not-dispatched line is indented like the lines above it
    assert re.search(r"\n  pemakaian [^\n]*\n  disetujui, belum dikirim 2\.000; laporan terakhir", out), out


@pytest.mark.skipif(BROWSER is None, reason="chromium is not installed (apt-get install -y chromium)")
def test_the_digest_of_the_sample_inbox_fits_a_320_px_phone(desk_dir: Path, tmp_path: Path) -> None:
    """The real digest (long outcomes such as "tanpa permohonan (kiriman usulan provinsi)" beside the figures)
    laid out by headless Chromium at 320 and 390 px: nothing sticks out to the side."""
    assert mailbot(desk_dir, "import", *map(str, sorted(EXAMPLES.glob("*.eml")))).returncode == 0
    assert mailbot(desk_dir, "run", "--once").returncode == 0
    page = desk_dir / "digest.html"
    assert mailbot(desk_dir, "digest", "--print", "--output", str(page)).returncode == 0
    probed = tmp_path / "probed.html"
    probed.write_text(page.read_text().replace("</body>", PROBE + "</body>"), encoding="utf-8")
    for width in (320, 390):
        assert probe_colour(probed, width, tmp_path) == (0, 255, 0), f"the digest is wider than {width} px"


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_the_digest_prints_on_a_terminal_that_is_not_utf8(sample: Path, encoding: str) -> None:
    """Before: a 41-line traceback ending in UnicodeEncodeError ('\\u2026'), exit 1; now the text with its
    marks in ASCII, as the other commands print on such a terminal."""
    result = mailbot(sample, "digest", "--print", env={**os.environ, "PYTHONIOENCODING": encoding})
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("Subjek: Ringkasan blangko") and "..." in result.stdout
