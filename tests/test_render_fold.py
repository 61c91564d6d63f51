"""The outgoing headers are folded as the stdlib's compat32 folder folds them, whichever way render takes."""

from __future__ import annotations

import email.policy

from hypothesis import given, settings
from hypothesis import strategies as st

from mailbot.render import OUTGOING, UTF8_QP, text_part
from tests.properties import examples

_NAMES = st.sampled_from(["Subject", "Date", "Message-ID", "In-Reply-To", "References", "To", "X-Custom-Header"])
_WORD = st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=40)
_PLAIN = st.builds(" ".join, st.lists(_WORD, min_size=1, max_size=30))
_LONG = st.builds(lambda word, n: " ".join([word] * n), _WORD, st.integers(min_value=1, max_value=400))
_ANY = st.text(st.sampled_from("ab \t\r\n:;,=?é\x85\u2028\x00"), max_size=60)


@settings(max_examples=examples(400), deadline=None)
@given(name=_NAMES, value=st.one_of(_PLAIN, _LONG, _ANY))
def test_a_header_is_folded_as_the_stdlib_folds_it(name: str, value: str) -> None:
    try:
        expected = email.policy.Compat32.fold_binary(OUTGOING, name, value)
    except Exception as exc:  # noqa: BLE001 - then the same refusal
        refused = type(exc)
    else:
        assert OUTGOING.fold_binary(name, value) == expected
        return
    try:
        OUTGOING.fold_binary(name, value)
    except refused:
        return
    raise AssertionError(f"{name}: {value!r} was folded where the stdlib refuses it")


def test_a_reply_header_of_plain_words_is_written_as_it_stands() -> None:
    assert OUTGOING.fold_binary("Message-ID", "<abc.def@x.example>") == b"Message-ID: <abc.def@x.example>\n"
    assert OUTGOING.fold_binary("Date", "Sun, 06 Dec 2026 08:10:43 +0800") == b"Date: Sun, 06 Dec 2026 08:10:43 +0800\n"


@settings(max_examples=examples(300), deadline=None)
@given(text=st.text(max_size=300) | st.text(st.sampled_from("ab =.\n\r\t\u00e9\u2028"), max_size=200),
       subtype=st.sampled_from(["plain", "html"]))
def test_a_text_part_is_the_stdlibs_mimetext(text: str, subtype: str) -> None:
    from email.mime.text import MIMEText

    stdlib = MIMEText(text, subtype, UTF8_QP)  # type: ignore[arg-type]  # a Charset is accepted at run time
    part = text_part(text, subtype)
    assert list(part.items()) == list(stdlib.items())
    assert part.get_payload() == stdlib.get_payload()
    assert part.as_bytes(policy=OUTGOING) == stdlib.as_bytes(policy=OUTGOING)


def test_a_reply_to_mail_with_message_ids_too_long_for_a_line_keeps_every_line_within_998() -> None:
    """A Message-ID cannot be folded: an id that would make its line longer than RFC 5322 allows is left out of
    In-Reply-To and References (a strict relay refuses such a reply), the others are kept."""
    from datetime import UTC, datetime

    from mailbot.outgoing import ReplyTo
    from mailbot.render import Envelope, Rendered, compose

    long_ids = [f"<{'x' * 970}{i:03d}@kab.example>" for i in range(60)]
    short = "<permohonan-1@bulungankab.example>"
    for answered, references in ((short, [*long_ids, "<a@b.example>"]), (long_ids[0], [short])):
        reply_to = ReplyTo.answering(answered, references)
        envelope = Envelope(sender="blangko@kaltara.example", sender_name="Disdukcapil", recipients=("d@kab.example",),
                            subject="Re: Permohonan", in_reply_to=reply_to.message_id,
                            references=reply_to.references)
        _, raw = compose(envelope, Rendered("Re: Permohonan", "Terima kasih.", None), category="reply",
                         domain="kaltara.example", now=datetime(2026, 12, 6, tzinfo=UTC), purpose="reply:1")
        assert max(len(line) for line in raw.split(b"\n")) <= 998 + 1  # (the CR of CRLF)
        headers = raw.split(b"\n\n", 1)[0].decode()
        if answered == short:
            assert f"In-Reply-To: {short}" in headers and "<a@b.example>" in headers
        else:
            assert "In-Reply-To" not in headers
