"""The one wording of a suggestion, " (did you mean X?)", for a misspelt command, option, key, kind or zone."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def suggestion(choice: str, *, quoted: bool = False, aside: str = "") -> str:
    """" (did you mean CHOICE?)", CHOICE in quotes when *quoted* (a key or value of the configuration file), with
    *aside* before it ("'knd' is not a key here").

    >>> suggestion("--reason") + suggestion("address", quoted=True)
    " (did you mean --reason?) (did you mean 'address'?)"
    """
    shown = repr(choice) if quoted else choice
    return f" ({aside + ': ' if aside else ''}did you mean {shown}?)"


def did_you_mean(word: str, choices: Iterable[str], *, quoted: bool = False, cutoff: float = 0.6) -> str:
    """suggestion() of the choice nearest to *word*, or "" when none is near enough.

    >>> did_you_mean("statsu", ["status", "supply"])
    ' (did you mean status?)'
    """
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return suggestion(close[0], quoted=quoted) if close else ""
