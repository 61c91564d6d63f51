"""Rules for conversations: a reply to the desk's dispatch notice revises no request, an email
received is no receipt of blanks, and a figure still awaited answers no question about what arrived."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.reader import read_message
from mailbot.reader.verdict import Verdict
from tests.reader.conftest import DISTRICTS, OWN_ADDRESSES

DESK = OWN_ADDRESSES[0]
TARAKAN = "disdukcapil@tarakankota.example"


def _reply(words: str, quoted: str, *, sender: str = TARAKAN) -> Verdict:
    """*sender*'s Gmail-style reply above the desk's *quoted* mail, in the request's thread."""
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, DESK, "Re: [BLK-2026-0007] Permohonan blangko KTP-el"
    marked = "\n".join(f"> {line}" if line else ">" for line in quoted.splitlines())
    msg.set_content(f"{words}\n\nPada Sen, 7 Des 2026 pukul 10.15 Disdukcapil Provinsi <{DESK}> menulis:\n{marked}\n")
    return read_message(bytes(msg), DISTRICTS, own_addresses=OWN_ADDRESSES)


DISPATCHED = ("Yth. Bapak/Ibu Operator Disdukcapil Kota Tarakan,\n\nDengan hormat,\n\nKami informasikan bahwa blangko "
              "KTP-el sebanyak 3.000 keping untuk permohonan BLK-2026-0007 telah DIKIRIM pada 7 Desember 2026.\n\n"
              "Mohon konfirmasi melalui balasan email ini setelah blangko diterima, dengan menyebutkan jumlah yang "
              "diterima.\n\nHormat kami,\nDisdukcapil Provinsi Kalimantan Utara")
ASKED_RECEIVED = ("Yth. Bapak/Ibu Operator Disdukcapil Kota Tarakan,\n\nTerima kasih atas email Bapak/Ibu. Jumlah yang "
                  "diterima belum kami temukan dalam email tersebut. Mohon sebutkan jumlah blangko yang diterima, "
                  "misalnya: blangko KTP-el yang kami terima seluruhnya 3.000 keping.\n\nHormat kami,\n"
                  "Disdukcapil Provinsi Kalimantan Utara")


# --- The desk's dispatch notice names the request, but an answer to it revises none --------------------------


def test_a_count_after_checking_in_answer_to_the_dispatch_notice_is_a_receipt_not_a_request() -> None:
    v = _reply("Kiriman sudah kami terima, tapi setelah dicek hanya 2.800 keping (kurang 2 dus isi 100).",
               DISPATCHED)
    assert (v.kind, v.received, v.requested) == ("receipt", 2800, None)


def test_a_recount_in_answer_to_the_dispatch_notice_asks_for_nothing() -> None:
    v = _reply("Setelah dihitung, blangko yang datang 2.950 keping pak, kurang 50.", DISPATCHED)
    assert v.requested is None


# --- An email received is no receipt of blanks -------------------------------------------------------------


def test_an_email_received_is_no_receipt() -> None:
    for words in ("Terima kasih bu, sudah kami terima emailnya.",
                  "Baik pak, email Bapak sudah kami terima. Terima kasih.",
                  "Siap, pesannya telah kami terima pak."):
        v = _reply(words, ASKED_RECEIVED.replace("Jumlah yang diterima belum kami temukan", "Kami informasikan"))
        assert v.kind != "receipt" and v.received is None, words


def test_blanks_received_beside_the_word_email_are_still_a_receipt() -> None:
    v = _reply("Blangko sudah kami terima 3.000 keping, terima kasih atas emailnya.", DISPATCHED)
    assert (v.kind, v.received) == ("receipt", 3000)


# --- A figure still awaited answers no question about what arrived -------------------------------------------


def test_a_figure_still_awaited_is_no_count_received() -> None:
    for words in ("Mohon maaf bu, blangkonya belum sampai, masih kami tunggu 3.000 keping.",
                  "Maksud kami emailnya yang sudah kami terima. Kirimannya belum tiba, kami tunggu 3.000 keping.",
                  "Maaf bu, maksud kami pesannya yang sudah diterima. Kirimannya belum tiba, masih kami tunggu "
                  "1.200 keping.",
                  "Mohon maaf, kirimannya belum datang bu. Masih kami tunggu 1.200 keping."):
        v = _reply(words, ASKED_RECEIVED)
        assert v.kind != "receipt" and v.received is None, words


def test_a_count_received_still_answers_the_question() -> None:
    v = _reply("Mohon maaf bu, yang kami terima 2.500 keping.", ASKED_RECEIVED)
    assert (v.kind, v.received) == ("receipt", 2500)



# --- A figure its own words say is still awaited was not received ---------------------------------------------


def test_the_part_still_awaited_after_a_partial_arrival_is_no_received_figure() -> None:
    for words in ("Blangko sudah sampai sebagian pak, yang belum datang masih kami tunggu 1.400 keping.",
                  "Kiriman sudah sampai separuh bu, yg blm datang masih kami tunggu 900 keping"):
        v = _reply(words, "Terima kasih atas informasinya.")
        assert v.received is None, words  # the part that came is not said: asked back, never booked


def test_a_receipt_said_after_the_waiting_keeps_its_figure() -> None:
    v = _reply("Yang kami tunggu akhirnya datang, blangko sudah kami terima 3.000 keping. Terima kasih.", DISPATCHED)
    assert (v.kind, v.received) == ("receipt", 3000)


def test_the_rest_awaited_after_the_figure_leaves_the_figure_received() -> None:
    v = _reply("Blangko sudah kami terima 2.600 keping, sisanya 400 keping masih kami tunggu.", DISPATCHED)
    assert (v.kind, v.received) == ("receipt", 2600)
