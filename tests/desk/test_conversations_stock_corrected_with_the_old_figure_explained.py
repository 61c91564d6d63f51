"""A district correcting its stock and explaining the old figure in the same mail ("sisa stok kami sebenarnya 300
keping, bukan 150. Yang 150 itu stok di UPT kecamatan saja"), answered in Outlook's Indonesian quote, on the real
SQLite desk in process: the explained figure is the old stock, never a figure asked. The stock becomes 300, the
figure asked stays 1.500, and the request is decided again."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import REQUEST, Desk12, flat

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

TANA_TIDUNG = "disdukcapil@tanatidungkab.example"


@pytest.mark.parametrize("words", [
    "Maaf pak ralat, sisa stok kami sebenarnya 300 keping, bukan 150. Yang 150 itu stok di UPT kecamatan saja.",
    "Koreksi pak, sisa stok kami 300 keping bukan 150. Angka 150 itu hanya stok di gudang kecamatan.",
    "Ralat pak, stok kami sebenarnya 300 keping. Yang 150 itu stok di UPT kecamatan saja.",
], ids=["yang_n_itu_beside_bukan", "angka_n_itu_beside_bukan", "yang_n_itu_alone"])
def test_the_old_stock_explained_is_no_figure_asked(desk12: Desk12, words: str) -> None:
    mid, _ = desk12.send(TANA_TIDUNG, "minta blangko pak",
                         REQUEST.format(stock=150, asked="1.500", name="Tana Tidung"))
    request = desk12.request()
    assert (request["requested"], request["approved"]) == (1500, 600)
    [told] = desk12.replies_to(mid)
    quote = (f"________________________________\nDari: Meja Layanan Blangko <{told.msg['From']}>\n"
             f"Dikirim: Senin, 07 Desember 2026 10.02\nKepada: {TANA_TIDUNG}\nPerihal: {told.subject}\n\n{told.text}")
    mid, outcome = desk12.send(TANA_TIDUNG, "RE: " + told.subject,
                               f"{words}\n\nNurul - Dukcapil Tana Tidung\n\n{quote}\n", in_reply_to=told.message_id)
    request = desk12.request()
    # was: "Jumlah yang dimohon: 1.500 keping menjadi 150 keping", 150 approved
    assert (request["stock_on_hand"], request["requested"]) == (300, 1500), outcome
    assert (request["state"], request["approved"]) == ("approved", 500)  # 30 x 25 - 300, a pack of 100 up
    [reply] = desk12.replies_to(mid)
    said = flat(reply.text)
    assert "Sisa stok: 150 keping menjadi 300 keping" in said and "Jumlah yang dimohon: 1.500 keping menjadi" \
        not in said, said
    assert "dari 1.500 keping yang dimohon" in said, said
