"""Frozen dataclass values made and copied in fewer steps: the same values, equal and hashed alike."""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

T = TypeVar("T")

# The names of the fields of each class quick() gave its own __init__: what replace() may copy directly.
_FIELD_NAMES: dict[type, frozenset[str]] = {}
_FACTORY = object()  # the default of a field with a default_factory, as dataclasses marks it


def quick(cls: type[T]) -> type[T]:
    """*cls*, a frozen dataclass, with an __init__ that fills the new instance's dict directly.

    A frozen dataclass's own __init__ sets each field through object.__setattr__ (its __setattr__ refuses),
    one call a field: making a value of fifteen fields costs three times a plain class's. This __init__
    takes the same arguments, in the same order with the same defaults, and leaves the same fields; the
    instance stays frozen. A class this does not cover (not a frozen dataclass, or one with __post_init__,
    init-only or keyword-only fields, fields left out of __init__, slots or its own __new__) is returned
    as it is.

    >>> @quick
    ... @dataclasses.dataclass(frozen=True)
    ... class Point:
    ...     x: int
    ...     y: int = 0
    ...     tags: tuple[str, ...] = dataclasses.field(default_factory=tuple)
    >>> Point(1), Point(1, 2, tags=("a",)) == Point(1, 2, ("a",))
    (Point(x=1, y=0, tags=()), True)
    """
    params = getattr(cls, "__dataclass_params__", None)
    every = getattr(cls, "__dataclass_fields__", {})
    fields = dataclasses.fields(cls) if params is not None else ()  # type: ignore[arg-type]
    if (
        params is None
        or not params.frozen
        or not params.init
        or "__init__" not in cls.__dict__  # its own __init__, not dataclass's
        or hasattr(cls, "__post_init__")
        or hasattr(cls, "__slots__")
        or cls.__new__ is not object.__new__
        or len(fields) != len(every)  # an init-only (InitVar) pseudo-field, or a ClassVar
        or any(not f.init or f.kw_only for f in fields)
    ):
        return cls
    names = [f.name for f in fields]
    if any(not n.isidentifier() or n.startswith("_q_") or n == "self" for n in names):
        return cls
    scope: dict[str, Any] = {"_q_factory": _FACTORY}
    params_src: list[str] = []
    body: list[str] = ["    _q_d = self.__dict__"]
    for f in fields:
        if f.default is not dataclasses.MISSING:
            scope[f"_q_default_{f.name}"] = f.default
            params_src.append(f"{f.name}=_q_default_{f.name}")
            body.append(f"    _q_d[{f.name!r}] = {f.name}")
        elif f.default_factory is not dataclasses.MISSING:
            scope[f"_q_make_{f.name}"] = f.default_factory
            params_src.append(f"{f.name}=_q_factory")
            body.append(f"    _q_d[{f.name!r}] = _q_make_{f.name}() if {f.name} is _q_factory else {f.name}")
        else:
            params_src.append(f.name)
            body.append(f"    _q_d[{f.name!r}] = {f.name}")
    source = f"def __init__(self, {', '.join(params_src)}):\n" + "\n".join(body) + "\n"
    exec(source, scope)  # noqa: S102 - the source is built from the class's own field names, checked above
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__annotations__ = dict(cls.__dict__["__init__"].__annotations__)
    init.__doc__ = cls.__dict__["__init__"].__doc__
    cls.__init__ = init  # type: ignore[method-assign]
    _FIELD_NAMES[cls] = frozenset(names)
    return cls


def replace(obj: T, /, **changes: Any) -> T:
    """dataclasses.replace(obj, **changes): a new value with *changes*, every other field as in *obj*.

    For a class quick() made, the fields are copied directly rather than passed through __init__ again
    (which dataclasses.replace does after looking over each field); any other value, or a change that is
    not one of the class's fields, goes to dataclasses.replace.

    >>> @quick
    ... @dataclasses.dataclass(frozen=True)
    ... class Point:
    ...     x: int
    ...     y: int = 0
    >>> replace(Point(1, 2), y=5)
    Point(x=1, y=5)
    """
    names = _FIELD_NAMES.get(type(obj))
    state = obj.__dict__
    if names is None or not names.issuperset(changes) or len(state) != len(names):
        return dataclasses.replace(obj, **changes)  # type: ignore[type-var]
    new = object.__new__(type(obj))
    fresh = new.__dict__
    fresh.update(state)
    fresh.update(changes)
    return new
