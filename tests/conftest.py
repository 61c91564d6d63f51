"""The test tiers: a test that starts a server or a process is marked `servers`, found by what it uses.

`scripts/test -m "not servers and not slow"` then runs the pure tests and the in-process SQLite tests
only. The marking is automatic, so a new test cannot land in the fast tier by forgetting a decorator:

- a test that uses a server fixture (Dovecot, aiosmtpd, PostgreSQL), directly or through another fixture;
- a test whose code, or the code of a fixture or a test helper it calls, refers to `subprocess` or to a
  process of mailbot's own (the `mailbot` command run in a subprocess, a second process flushing the
  outbox, the reading process, openssl ...).

A test the static look misses is stopped at run time: starting a process from an unmarked test fails it.
"""

from __future__ import annotations

import functools
import gc
import inspect
import os
import subprocess
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _pytest.doctest import DoctestModule
from hypothesis import settings as hypothesis_settings

from tests import forkserver
from tests.backends import database_url, postgres_url  # noqa: F401  (fixtures for every folder of tests)

# The fast tier's property tests try a quarter of their examples (tests/properties.py); the whole suite all.
hypothesis_settings.register_profile("fast", max_examples=25)

SERVER_FIXTURES = frozenset({"dovecot", "bare_dovecot", "tls_dovecot", "one_connection_dovecot", "smtp_server",
                             "postgres_url"})
# Names whose use starts a process: the subprocess module, and mailbot's reading process (multiprocessing).
PROCESS_NAMES = frozenset({"subprocess", "multiprocessing", "ReadingProcess"})


def _code_names(code: types.CodeType) -> set[str]:
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= _code_names(const)
    return names


def _starts_processes(obj: Any, seen: set[int]) -> bool:
    """Whether *obj* (a function, or a class of the tests) refers to subprocess, itself or through test helpers."""
    if id(obj) in seen:
        return False
    seen.add(id(obj))
    if inspect.isclass(obj):
        return obj.__module__.startswith("tests.") and any(
            _starts_processes(member, seen) for member in vars(obj).values() if inspect.isfunction(member))
    obj = inspect.unwrap(obj)
    if not inspect.isfunction(obj):
        return False
    for name in _code_names(obj.__code__):
        if name in PROCESS_NAMES:
            return True
        target = obj.__globals__.get(name)
        if target is subprocess or target in (subprocess.run, subprocess.Popen):
            return True
        if (inspect.isfunction(target) or inspect.isclass(target)) and target.__module__.startswith("tests."):
            if _starts_processes(target, seen):
                return True
    return False


@functools.cache
def _code_starts_processes(obj: Any) -> bool:
    """_starts_processes of a test or a fixture, looked at once for all the tests that share it (the cases of a
    parametrized test, the tests using a fixture)."""
    return _starts_processes(obj, set())


def _needs_servers(item: pytest.Item) -> bool:
    if not isinstance(item, pytest.Function):
        return False
    if SERVER_FIXTURES & set(item.fixturenames):
        return True
    if _code_starts_processes(item.function):
        return True
    for name in item.fixturenames:
        for fixturedef in item._fixtureinfo.name2fixturedefs.get(name, ()):
            func = fixturedef.func
            if func.__module__.startswith("tests.") and func.__module__ != __name__ and _code_starts_processes(func):
                return True
    return False


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("servers") is None and _needs_servers(item):
            item.add_marker(pytest.mark.servers)
    if os.environ.get("PYTEST_XDIST_WORKER"):
        # In parallel workers (scripts/test runs the whole suite so), hand out the long tests first, so that
        # the many short ones fill the gaps at the end instead of one long test running on alone.
        items.sort(key=_expected_length)


@pytest.hookimpl(wrapper=True)
def pytest_collection(session: pytest.Session) -> Iterator[object]:
    """Collect with the garbage collector off, then freeze what the process holds: mailbot's modules and
    their compiled patterns, the collected tests, all of it living to the end of the run. Collecting builds
    that heap with few cycles to free, and each full collection would walk all of it; frozen, the
    collector no longer walks it during the tests (a dozen full collections in a fast run) nor in pytest's
    own collection at the end of the run."""
    gc.disable()
    try:
        return (yield)
    finally:
        gc.freeze()
        if young := os.environ.get("MAILBOT_TEST_GC_YOUNG"):
            # the youngest generation collected after this many allocations instead of Python's 700:
            # scripts/test --fast sets 7000; not where a test measures memory, as garbage waits longer
            gc.set_threshold(int(young), *gc.get_threshold()[1:])
        gc.enable()


@pytest.hookimpl(wrapper=True)
def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> Iterator[list[pytest.Collector]]:
    """The test modules without their doctest collector: `--doctest-modules` (pyproject.toml) is there for
    mailbot's docstrings, and looking through every test module's functions for examples found none and cost
    about 0.3 s of CPU in every worker's collection. A test states what it checks in its own code."""
    collectors: list[pytest.Collector] = yield
    return [c for c in collectors if not isinstance(c, DoctestModule)]


def pytest_sessionfinish(session: pytest.Session) -> None:
    forkserver.close()  # the process the `mailbot` commands of tests/desk were forked from, if one was started


def _expected_length(item: pytest.Item) -> int:
    """0 for a slow test, 1 for one that starts servers or processes, 2 for the rest (a stable sort keeps
    the collection order within each)."""
    if item.get_closest_marker("slow") is not None:
        return 0
    return 1 if item.get_closest_marker("servers") is not None else 2


@pytest.fixture(autouse=True)
def _no_processes_in_the_fast_tier(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail an unmarked test that starts a process (a server, mailbot in a subprocess): it belongs to `servers`.

    subprocess.Popen is swapped by hand, not with the monkeypatch fixture: this runs for every test, and a
    second fixture for each of the fast tier's 2,900 tests cost about 0.3 s of CPU."""
    if request.node.get_closest_marker("servers") is not None:
        yield
        return

    def refuse(args: Any, *rest: Any, **kw: Any) -> Any:
        argv = [str(a) for a in (args if isinstance(args, list | tuple) else [args])]
        pytest.fail(f"{request.node.nodeid} starts {argv[:3]} but is not marked servers", pytrace=False)

    popen = subprocess.Popen
    subprocess.Popen = refuse  # type: ignore[misc, assignment]
    try:
        yield
    finally:
        subprocess.Popen = popen  # type: ignore[misc]

