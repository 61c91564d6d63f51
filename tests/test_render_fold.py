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
