"""The digest through the command line: what `--print` shows after a `--send`, and words a manager can read."""

from __future__ import annotations

import re
from pathlib import Path

from tests.desk.conftest import EXAMPLES, mailbot


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
    assert "tren belum dapat dihitung" in text and ", tren -" not in text and "· -" not in text
    assert "bebas" not in text and "yang belum dialokasikan (termasuk cadangan 5.000)" in text
    # Bulungan's 2.000 are approved but still in the province store: not "in transit"
    bulungan = text[text.index("Kabupaten Bulungan (65.01)"):]
    bulungan = bulungan[:bulungan.index("\n\n")]
    assert "disetujui, belum dikirim 2.000" in bulungan and "dalam pengiriman" not in bulungan
    html = (desk_dir / "digest.html").read_text()
    assert "disetujui, belum dikirim 2.000" in html and "tren belum dapat dihitung" in html
    assert 'max-width:680px' in html and "@media screen and (max-width: 480px)" in html
