"""A phone mail app's reply: its "Pada ... menulis:" header flush left (wrapped, the address alone on its second
line), the earlier mail below it with every line indented by a space, and the writer's words typed under it. The
words under the quote are the new text; indented lines of the writer's own, under no such header, stay the writer's."""

from __future__ import annotations

from mailbot.reader.quotes import split_quoted
from tests.reader.conftest import mail

MALINAU = "disdukcapil@malinaukab.example"
HEADER = ("Pada Sel, 8 Des 2026 pada 10:12, Disdukcapil Provinsi Kalimantan Utara\n"
          "<blangko@disdukcapil.kaltaraprov.example> menulis:\n")
DESK_MAIL = ("Yth. Bapak/Ibu Operator Disdukcapil Kabupaten Malinau,\n\nDengan hormat,\n\n"
             "Kami informasikan bahwa blangko KTP-el sebanyak 1.500 keping untuk permohonan BLK-2026-0007 telah "
             "DIKIRIM pada 8 Desember 2026.\n\nHormat kami,\nDisdukcapil Provinsi Kalimantan Utara\n\n"
             "Email ini dikirim otomatis oleh meja layanan blangko. Mohon tidak mengubah kode rujukan pada subjek "
             "saat membalas.\n")
# A manager's or another office's mail: no desk footer closes it.
OTHER_MAIL = ("Selamat pagi rekan-rekan kabupaten,\n\nMohon laporan stok blangko per 7 Desember dikirim hari ini.\n"
              "Sisa stok provinsi saat ini 12.000 keping.\n\nTerima kasih,\nKabid PIAK\n")


def _indented(text: str) -> str:
    return "".join(f" {line}\n" for line in text.splitlines())


def test_words_typed_below_a_space_indented_quote_of_the_desks_mail_are_the_new_text() -> None:
    body = f"Dikirim dari Yahoo Mail di Android\n\n{HEADER}{_indented(DESK_MAIL)}\nSudah sampai 1.450 keping pak.\n"
    new, quoted = split_quoted(body)
    assert new == "Sudah sampai 1.450 keping pak."
    assert "1.500 keping" in quoted


def test_a_receipt_below_a_space_indented_quote_is_read_as_a_receipt() -> None:
    body = f"{HEADER}{_indented(DESK_MAIL)}\nBlangko sudah kami terima 1.450 keping pak, kurang 50.\n"
    verdict = mail(MALINAU, "Re: [BLK-2026-0007] Permohonan blangko KTP-el", body)
    assert verdict["kind"] == "receipt" and verdict["received"] == 1450


def test_words_below_a_space_indented_quote_of_a_mail_without_the_desks_footer_are_the_new_text() -> None:
    body = f"{HEADER}{_indented(OTHER_MAIL)}\nsisa stok kami hari ini 640 keping bu\n"
    new, quoted = split_quoted(body)
    assert new == "sisa stok kami hari ini 640 keping bu"
    assert "12.000" in quoted


def test_an_indented_table_under_no_quote_header_stays_the_writers() -> None:
    body = ("Laporan stok per 8 Desember:\n\n  perekaman      132\n  pencetakan     118\n  sisa blangko   905\n\n"
            "Demikian, terima kasih.\n")
    new, _ = split_quoted(body)
    assert "sisa blangko   905" in new and "Demikian" in new
    verdict = mail(MALINAU, "Laporan stok blangko", body)
    assert verdict["stock_on_hand"] == 905


def test_a_header_over_a_quote_whose_own_lines_are_indented_then_flush_keeps_the_flush_text_quoted() -> None:
    # Gmail's unmarked quote of a letter whose first lines happen to be indented: its flush-left text is the quote's
    body = (f"Baik pak, terima kasih.\n\n{HEADER}  Nomor : 470/112/Dukcapil\n  Lampiran : -\n"
            "Dengan hormat, sisa stok kami 300 keping, mohon tambahan 2.000 keping.\n")
    new, quoted = split_quoted(body)
    assert new == "Baik pak, terima kasih."
    assert "2.000" in quoted
