"""The examples in the guards' docstrings stay true."""

from __future__ import annotations

import doctest
from types import ModuleType

import pytest

from mailbot.guards import brake, commands, decode, headers, limits, threads, trust


@pytest.mark.parametrize("module", [brake, commands, decode, headers, limits, threads, trust], ids=lambda m: m.__name__)
def test_docstring_examples(module: ModuleType) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
