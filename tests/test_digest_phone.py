"""The digest fits a 390 px phone (and a 320 px one): headless Chromium lays it out, nothing runs off the side."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from mailbot.digest import render_digest
from mailbot.render import make_environment
from tests.test_digest_render import TEMPLATES, view

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
# Test-only probe added to the page: it paints the top-left corner green when the page is no wider
# than the window, red when something sticks out to the side.
PROBE = ('<div id="probe" style="position:fixed;top:0;left:0;width:40px;height:40px;z-index:99"></div><script>'
         'function probe(){var e=document.documentElement;document.getElementById("probe").style.background='
         'e.scrollWidth>e.clientWidth?"#ff0000":"#00ff00";}probe();setInterval(probe,50);</script>')


def first_pixel(png: bytes) -> tuple[int, int, int]:
    """The top-left pixel of an 8-bit RGB(A) PNG (whatever the row filter, its first pixel is stored as is)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, data, header = 8, b"", b""
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        chunk = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = chunk
        elif kind == b"IDAT":
            data += chunk
        pos += 12 + length
    assert header[8] == 8 and header[9] in (2, 6), "8-bit RGB or RGBA"
    raw = zlib.decompressobj().decompress(data, 8)
    return raw[1], raw[2], raw[3]


def probe_colour(page: Path, width: int, tmp_path: Path) -> tuple[int, int, int]:
    """The probe's colour on *page* (holding PROBE) laid out *width* px wide by headless Chromium.

    The page goes in a frame that wide: Chromium widens a window narrower than about 500 px, so a
    320 px window would not show a page 340 px wide as too wide."""
    host = tmp_path / f"host{width}.html"
    host.write_text(f'<html><body style="margin:0"><iframe src="{page.as_uri()}" scrolling="no" '
                    f'style="width:{width}px;height:400px;border:0"></iframe></body></html>')
    shot = tmp_path / f"shot{width}.png"
    subprocess.run(
        [str(BROWSER), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
         "--allow-file-access-from-files", "--window-size=1400,400", "--virtual-time-budget=2000",
         f"--screenshot={shot}", host.as_uri()],
        check=True, timeout=120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    return first_pixel(shot.read_bytes())


@pytest.mark.skipif(BROWSER is None, reason="chromium is not installed (apt-get install -y chromium)")
@pytest.mark.parametrize("width", [390, 320, 1280])
def test_nothing_runs_off_a_phone_screen(tmp_path: Path, width: int) -> None:
    _, _, html = render_digest(view(), make_environment(TEMPLATES))
    page = tmp_path / "digest.html"
    page.write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    assert probe_colour(page, width, tmp_path) == (0, 255, 0), f"the digest is wider than {width} px"


def test_the_probe_sees_an_overflow(tmp_path: Path) -> None:
    """The check itself can fail: a page 340 px wide is caught in a 320 px frame (a 320 px window would not)."""
    if BROWSER is None:
        pytest.skip("chromium is not installed")
    page = tmp_path / "wide.html"
    page.write_text('<html><body style="margin:0"><table width="340" style="width:340px"><tr><td>x</td></tr>'
                    "</table>" + PROBE + "</body></html>")
    assert probe_colour(page, 320, tmp_path) == (255, 0, 0)
