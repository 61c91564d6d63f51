"""A district's thanks that restates the desk's decision ("Jadi 2.000 keping sudah disetujui ya", "atas 2.000 keping
yg sudah disetujui dan dikirim"), or promises to write when the blanks arrive, on the real SQLite desk in process,
every mail written fresh: recorded as a confirmation in the request's thread, with no item for a person and no mail
to anyone. Before, each became a queue item and the district was told a person would read it; a Javanese promise
("menawi sampun dugi kami kabari") was asked back as a receipt with no count. A figure restated with no word of the
decision after the blanks left, or thanks with something more, still goes to a person."""

from __future__ import annotations

import pytest

from tests.desk.desk12 import BULUNGAN, Desk12, approved, client_quote, dispatched

pytestmark = pytest.mark.usefixtures("sender_lists_decide")

THANKS = [
    "Siap pak, makasih banyak. Berarti 2.000 keping sdh di setujui ya, kami tunggu barangnya.",
    "Terima kasih Ibu atas blangko 2000 lembar yang telah disetujui dan dikirim. Nanti kami kabarkan lagi apabila "
    "blangkonya sudah tiba di kantor.",
    "Matur nuwun sanget pak. 2.000 keping ingkang sampun disetujui sampun kami cathet, yen sampun dugi kami kabari.",
    "ok noted, thank you. 2,000 approved, we will let you know once they arrive.",
    # a phone's signature holds a figure that is no figure ("K-9 Mail"): read as 9, it changed the request to 9
    "Baik pak, makasih infonya. Kalau blangkonya sudah tiba di kantor nanti kami laporkan jumlahnya.\n\n-- \n"
    "Dikirim dari perangkat Android saya dengan K-9 Mail.",
]


@pytest.mark.parametrize("state", ["approved", "dispatched"])
@pytest.mark.parametrize("words", THANKS, ids=["sms", "formal", "javanese", "english", "k9"])
@pytest.mark.parametrize("style", ["outlook_id", "on_wrote"])
def test_thanks_restating_the_decision_is_a_confirmation(desk12: Desk12, state: str, words: str, style: str) -> None:
    mail = approved(desk12) if state == "approved" else dispatched(desk12)
    quote, _ = client_quote(mail, style)
    n = len(desk12.out())
    mid, outcome = desk12.send(BULUNGAN, "Re: " + mail.subject, f"{words}\n\n{quote}\n", in_reply_to=mail.message_id)
    assert outcome == {"follow-up-confirmed": 1}, outcome
    assert desk12.queue(mid) == set()
    assert desk12.out()[n:] == [], [o.subject for o in desk12.out()[n:]]
    assert desk12.request()["state"] == state


@pytest.mark.parametrize("words", [
    "2.000 keping, terima kasih pak.",  # a count received, perhaps, without the words of a receipt
    "Terima kasih atas 2.000 keping yang sudah disetujui, tapi sebenarnya kami perlu 3.000 pak.",
])
def test_a_figure_with_no_word_of_the_decision_or_with_more_said_goes_to_a_person(desk12: Desk12, words: str) -> None:
    mail = dispatched(desk12)
    quote, _ = client_quote(mail, "gmail")
    mid, outcome = desk12.send(BULUNGAN, "Re: " + mail.subject, f"{words}\n\n{quote}\n", in_reply_to=mail.message_id)
    assert desk12.queue(mid), outcome
    assert "follow-up-confirmed" not in outcome
