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


def typo_of(name: str, names: Iterable[str]) -> str | None:
    """The first of *names* (other than *name*) a letter from *name*, or two when *name* has six letters or more:
    what a missing folder most likely meant to name.

    >>> typo_of("Quarantne", ["INBOX", "Quarantine"]), typo_of("inbx", ["inbox"]), typo_of("in", ["inbox"])
    ('Quarantine', 'inbox', None)
    """
    most = 1 if len(name) < 6 else 2
    return next((n for n in names if n != name and letters_apart(n, name, most=most) is not None), None)


def letters_apart(a: str, b: str, *, most: int = 2) -> int | None:
    """How many letters *a* and *b* differ by (a letter added, left out, changed, or two swapped; case counts as no
    letter), when at most *most*; None when further apart.

    >>> letters_apart("Proccessed", "Processed"), letters_apart("Quarantine", "quarantine"), letters_apart("a", "xyz")
    (1, 0, None)
    """
    a, b = a.casefold(), b.casefold()
    if abs(len(a) - len(b)) > most:
        return None
    before: list[int] | None = None
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        here = [i] + [0] * len(b)
        for j, y in enumerate(b, 1):
            here[j] = min(row[j] + 1, here[j - 1] + 1, row[j - 1] + (x != y))
            if before is not None and i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                here[j] = min(here[j], before[j - 2] + 1)
        before, row = row, here
    return row[-1] if row[-1] <= most else None
