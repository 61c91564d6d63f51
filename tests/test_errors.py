"""Every exception mailbot raises on purpose is defined in mailbot.errors, under MailbotError."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import mailbot
from mailbot import errors
from mailbot.errors import MailbotError


def _modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(mailbot.__path__, "mailbot.")
                  if ".migrations" not in m.name and m.name != "mailbot.__main__")


def test_every_public_exception_is_defined_in_the_errors_module() -> None:
    elsewhere = []
    for name in _modules():
        if name == errors.__name__:
            continue
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if (inspect.isclass(value) and issubclass(value, BaseException) and value.__module__ == name
                    and not attr.startswith("_")):
                elsewhere.append(f"{name}.{attr}")
    assert elsewhere == []


def test_every_error_in_the_errors_module_is_a_mailbot_error() -> None:
    defined = [v for v in vars(errors).values() if inspect.isclass(v) and v.__module__ == errors.__name__]
    assert {"DatabaseError", "LockBusy", "Quarantine", "CommandError"} <= {c.__name__ for c in defined}
    # Stopped is a stop, not an error: a BaseException, so that no handler of a failure catches it
    assert [c.__name__ for c in defined if not issubclass(c, MailbotError)] == ["Stopped"]
    assert not issubclass(errors.Stopped, Exception)
