"""A request whose stock is written as an estimate the records would hold as no need, asked back, and answered with
the figure asked alone, on the real SQLite desk in process, every message written fresh: the managers read what the
district wrote of its stock and that it is unconfirmed, never "stok yang ada masih mencukupi" from the records
alone."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, GMAIL, Desk12, flat, send_answer

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize(("first", "said"), [
    ("Pak, blangko KTP-el di kantor kami sudah hampir habis, mohon dikirim ya. Sisa kira-kira 250an.", "250an"),
    ("bu stok blangko ktp tinggal sedikit, sekitar 400-an lah, tolong dikirimkan tambahan", "400-an"),
], ids=["kira_kira_250an", "sekitar_400_an"])
def test_the_figure_alone_answered_leaves_the_stock_unconfirmed_before_the_managers(
        desk12: Desk12, first: str, said: str) -> None:
    mid, outcome = desk12.send(BULUNGAN, "blangko", f"{first}\n")
    assert outcome == {"request-clarify": 1}, outcome
    [asked] = desk12.replies_to(mid)
    _, outcome = send_answer(desk12, BULUNGAN, asked, "1.500 keping bu", above=GMAIL)
    assert outcome == {"request-held": 1}, outcome
    [held] = [o for o in desk12.out() if o.purpose.startswith("held:")]
    text = flat(held.text)
    # was: "Alasan ditahan: - stok yang ada (8.000) masih mencukupi kebutuhan 3.300 keping", no word of the district's
    assert "masih mencukupi" not in text, held.text
    assert "sisa stok belum pasti" in text and said in text, held.text
    assert flat(first)[:40] in text, held.text


def test_the_managers_read_the_first_mail_as_it_was_read_without_reading_it_again(
        desk12: Desk12, monkeypatch: pytest.MonkeyPatch) -> None:
    """The held notice quotes the writer's words of the first mail from its stored reading, on one line, the
    estimate in the reason, its sign-off ("Terima kasih / -- / Admin Dukcapil Bulungan") left out: the mail's bytes
    are not taken apart a second time."""
    first = ("Selamat pagi Pak,\n\nblangko KTP-el di kantor kami sudah hampir habis,\nmohon dikirim ya. "
             "Sisa kira-kira 250an.\n\nTerima kasih\n\n-- \nAdmin Dukcapil Bulungan\n")
    mid, outcome = desk12.send(BULUNGAN, "blangko", first)
    assert outcome == {"request-clarify": 1}, outcome
    [asked] = desk12.replies_to(mid)
    [first_raw] = [r["raw"] for r in desk12.db().execute("select raw from messages")]
    from mailbot.reader import mime

    taken_apart: list[bytes] = []
    extract = mime.extract
    monkeypatch.setattr(mime, "extract", lambda raw, *a, **k: taken_apart.append(raw) or extract(raw, *a, **k))
    _, outcome = send_answer(desk12, BULUNGAN, asked, "1.500 keping bu", above=GMAIL)
    assert outcome == {"request-held": 1}, outcome
    assert first_raw not in taken_apart
    [held] = [o for o in desk12.out() if o.purpose.startswith("held:")]
    assert ("Keterangan dari kabupaten/kota:\n\nSelamat pagi Pak, blangko KTP-el di kantor kami sudah hampir habis, "
            "mohon dikirim ya. Sisa kira-kira 250an.\n\n"
            "Alasan ditahan:\n- sisa stok belum pasti: kabupaten/kota menulis \"Sisa kira-kira 250an\" dan belum "
            "menyebutkan angka pastinya;") in held.text, held.text
