"""One wording for every suggestion mailbot makes (a command, an option, a key, a kind, a zone)."""

from __future__ import annotations

from mailbot.suggest import did_you_mean, suggestion


def test_one_wording_quoted_or_not() -> None:
    assert did_you_mean("statsu", ["status", "supply"]) == " (did you mean status?)"
    assert did_you_mean("adress", ["address"], quoted=True) == " (did you mean 'address'?)"
    assert did_you_mean("zzz", ["status"]) == ""
    assert suggestion("kind", quoted=True, aside="'knd' is not a key here") == (
        " ('knd' is not a key here: did you mean 'kind'?)")
