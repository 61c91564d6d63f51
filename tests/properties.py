"""How many examples a property test tries: its stated number in the whole suite, fewer in the fast tier.

The fast tier (`scripts/test --fast`) loads the Hypothesis profile "fast" (tests/conftest.py), which tries
a quarter of Hypothesis' default 100 examples; a test that states its own number takes a quarter of it
there too (at least 25). The whole suite loads no profile: every test runs its stated number.
"""

from __future__ import annotations

from hypothesis import settings

DEFAULT_EXAMPLES = 100  # Hypothesis' own default max_examples


def examples(stated: int) -> int:
    """*stated* examples under the default profile, scaled as the loaded profile scales Hypothesis' default."""
    return max(min(stated, 25), stated * settings.default.max_examples // DEFAULT_EXAMPLES)
