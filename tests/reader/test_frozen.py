"""The reader's values made by quick()'s __init__ and copied by replace() are the ones dataclasses makes."""

from __future__ import annotations

import dataclasses
import inspect
from datetime import date
from typing import Any

import pytest

from mailbot.reader import frozen
from mailbot.reader.frozen import quick, replace
from mailbot.reader.mime import Attachment, MailParts, ReadLimits
from mailbot.reader.numbers import Mention
from mailbot.reader.roles import Candidate, Keyword, Reading, Span
from mailbot.reader.verdict import Doubt, Evidence, ItemReading, Verdict

_VALUES = (Mention, Candidate, Keyword, Reading, Span, Evidence, Doubt, ItemReading, Verdict, MailParts, ReadLimits,
           Attachment)


def _plain(cls: type) -> type:
    """The same class as dataclasses makes it, with its own __init__ (what quick() replaced)."""
    fields = {f.name: f for f in dataclasses.fields(cls)}
    namespace = {"__annotations__": {name: Any for name in fields}}
    for name, f in fields.items():
        if f.default is not dataclasses.MISSING:
            namespace[name] = f.default
        elif f.default_factory is not dataclasses.MISSING:
            namespace[name] = dataclasses.field(default_factory=f.default_factory)
    return dataclasses.dataclass(frozen=True)(type(cls.__name__, (), namespace))


def _arguments(cls: type) -> dict[str, object]:
    """A value for each field, none of them its default."""
    return {f.name: f"<{f.name}>" for f in dataclasses.fields(cls)}


@pytest.mark.parametrize("cls", _VALUES, ids=lambda c: c.__name__)
def test_a_quick_value_holds_what_the_dataclass_holds(cls: type) -> None:
    assert cls in frozen._FIELD_NAMES, "quick() gave the reader's value no __init__ of its own"
    plain = _plain(cls)
    required = [f.name for f in dataclasses.fields(cls)
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    given = {name: f"<{name}>" for name in required}
    for arguments in (given, _arguments(cls)):
        made, expected = cls(**arguments), plain(**arguments)
        assert vars(made) == vars(expected)
        assert cls(*arguments.values()) == made
        assert hash(made) == hash(cls(**arguments))
    assert [p.name for p in inspect.signature(cls).parameters.values()] == [f.name for f in dataclasses.fields(cls)]
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.x = 1  # type: ignore[attr-defined]


def test_a_default_factory_makes_a_new_default_each_time() -> None:
    @quick
    @dataclasses.dataclass(frozen=True)
    class Box:
        items: list[int] = dataclasses.field(default_factory=list)

    a, b = Box(), Box()
    assert a.items == [] and a.items is not b.items
    assert Box([1]).items == [1]


@pytest.mark.parametrize("cls", _VALUES, ids=lambda c: c.__name__)
def test_replace_makes_what_dataclasses_replace_makes(cls: type) -> None:
    value = cls(**_arguments(cls))
    for name in _arguments(cls):
        assert vars(replace(value, **{name: 1})) == vars(dataclasses.replace(value, **{name: 1}))
    assert replace(value) == value and replace(value) is not value


def test_replace_refuses_what_dataclasses_replace_refuses() -> None:
    value = Candidate("requested", 500, "mohon 500 keping", True)
    with pytest.raises(TypeError):
        replace(value, colour="red")
    assert replace(Evidence("requested", 500, "500"), value=600) == Evidence("requested", 600, "500")


def test_a_class_quick_does_not_cover_is_left_as_it_is() -> None:
    @dataclasses.dataclass(frozen=True)
    class Checked:
        value: int

        def __post_init__(self) -> None:
            if self.value < 0:
                raise ValueError("below zero")

    @dataclasses.dataclass
    class Open:
        value: int

    @dataclasses.dataclass(frozen=True)
    class Keyed:
        value: int = dataclasses.field(kw_only=True)

    for cls in (Checked, Open, Keyed):
        init = cls.__init__
        assert quick(cls) is cls and cls.__init__ is init and cls not in frozen._FIELD_NAMES
    with pytest.raises(ValueError):
        replace(Checked(1), value=-1)


def test_a_day_field_is_copied_as_it_is() -> None:
    reading = Reading({"stock_on_hand": 700}, (), (), (), row_date=date(2026, 1, 5))
    assert replace(reading, unassigned=("x",)).row_date == date(2026, 1, 5)
