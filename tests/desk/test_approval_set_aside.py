"""An approval set aside by the district's change, on the real SQLite desk in process over the Maildir defaults:
when a raise or a corrected stock sends an approved request to the managers, the district and the managers are
both told the earlier approval is set aside (not only when the change came with a reason), and the district sees
the recalculation."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import REQUEST, TARAKAN, Desk12

pytestmark = pytest.mark.usefixtures("sender_lists_decide")


@pytest.mark.parametrize(("stock", "asked", "approved", "words"), [
    ("1.000", "2.000", 2000, "Ralat lagi: kami mohon tiga ribu lima ratus keping."),
    ("2.000", "3.500", 2200, "Mohon maaf pak, koreksi: sisa stok kami 500 keping, bukan 2.000."),
])
def test_an_approval_sent_back_to_the_managers_by_a_change_is_said_to_be_set_aside(
        desk12: Desk12, stock: str, asked: str, approved: int, words: str) -> None:
    mid, outcome = desk12.send(TARAKAN, "Permohonan blangko KTP-el",
                               REQUEST.format(stock=stock, asked=asked, name="Tarakan"))
    assert desk12.request()["state"] == "approved" and desk12.request()["approved"] == approved, outcome
    [reply] = desk12.replies_to(mid)
    quoted = "\n".join(f"> {line}" for line in reply.text.splitlines())
    change, _ = desk12.send(TARAKAN, "Re: " + reply.subject, f"{words}\n\n{quoted}\n", in_reply_to=reply.message_id)
    assert desk12.request()["state"] == "held"
    [told] = desk12.replies_to(change)
    figure = f"{approved:,}".replace(",", ".")
    said = f"Persetujuan sebelumnya sebanyak {figure} keping belum kami kirimkan dan kami tangguhkan"
    assert said in " ".join(told.text.split())  # was: only "sedang DITINJAU oleh pimpinan"
    [notice] = [o for o in desk12.out() if o.purpose.startswith("held:")]
    assert f"sebelumnya telah disetujui sebanyak {figure} keping" in " ".join(notice.text.split())


def test_a_change_that_sends_the_request_to_the_managers_shows_the_district_the_recalculation(
        desk12: Desk12) -> None:
    mid, _ = desk12.send(TARAKAN, "Permohonan blangko KTP-el", REQUEST.format(stock="2.000", asked="3.500",
                                                                               name="Tarakan"))
    [reply] = desk12.replies_to(mid)
    quoted = "\n".join(f"> {line}" for line in reply.text.splitlines())
    change, _ = desk12.send(TARAKAN, "Re: " + reply.subject, "Mohon maaf pak, koreksi: sisa stok kami 500 keping, "
                            f"bukan 2.000.\n\n{quoted}\n", in_reply_to=reply.message_id)
    assert desk12.request()["state"] == "held"
    [told] = desk12.replies_to(change)
    text = " ".join(told.text.split())
    assert "telah kami hitung ulang" in text
    # was: "keputusan di bawah ini menggantikan keputusan sebelumnya", then no figures at all
    assert "Perhitungan ulang" in text and "sisa 500" in text


def test_a_correction_back_to_the_figure_asked_before_is_applied(desk12: Desk12) -> None:
    from tests.desk.desk12 import answer_gmail, approved

    reply = approved(desk12)  # Bulungan 2.000, approved
    lowered, _ = answer_gmail(desk12, reply, "Mohon maaf pak, cukup 1.200 keping saja, bukan 2.000.")
    assert desk12.request()["requested"] == 1200
    [answer] = desk12.replies_to(lowered)
    back, outcome = answer_gmail(desk12, answer, "Ralat: yang benar tetap 2.000 keping (abaikan email kami "
                                                 "sebelumnya).")
    row = desk12.request()
    assert (row["requested"], row["state"]) == (2000, "approved"), outcome  # was: queued as a figure in doubt
    [told] = desk12.replies_to(back)
    assert "1.200 keping menjadi 2.000 keping" in " ".join(told.text.split())
