"""Core statements on every message's path, compiled once per database and run straight on the driver's cursor.

A message costs about a dozen small statements. Executing a Core statement through SQLAlchemy costs several
times what SQLite takes to run it: the statement's cache key is worked out again, the compiled form looked up,
an execution context and a result object built. A Prepared statement is compiled once per dialect and then run
on the DBAPI cursor of the session's connection, in the same transaction, with the same parameter processing
(the compiled statement's bind processors) and the same exceptions (the driver's error wrapped as SQLAlchemy
wraps it: OperationalError, IntegrityError, ...). Only what these statements need is supported: plain bound
parameters (no expanding IN lists), and results read as plain values (no result type processing).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import exc
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler


class Prepared:
    """*statement* (with no expanding parameters), run with a dict of its parameters.

    An INSERT without .values() is compiled for the keys given: every call of one Prepared insert gives the
    same keys, and every column it leaves out has no Python-side default (checked at compile time)."""

    def __init__(self, statement: ClauseElement) -> None:
        self.statement = statement
        self._compiled: dict[tuple[object, ...], _Compiled] = {}

    def run(self, connection: Connection, params: Mapping[str, Any]) -> None:
        """Run on *connection*, in its transaction."""
        self._execute(connection, params).close()

    def first(self, connection: Connection, params: Mapping[str, Any]) -> tuple[Any, ...] | None:
        """Run on *connection*, in its transaction: the first row, or None."""
        cursor = self._execute(connection, params)
        try:
            row = cursor.fetchone()
        finally:
            cursor.close()
        return tuple(row) if row is not None else None

    def all(self, connection: Connection, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """Run on *connection*, in its transaction: every row."""
        cursor = self._execute(connection, params)
        try:
            return [tuple(row) for row in cursor.fetchall()]
        finally:
            cursor.close()

    def scalar(self, connection: Connection, params: Mapping[str, Any]) -> Any:
        """Run on *connection*, in its transaction: the first column of the first row, or None."""
        row = self.first(connection, params)
        return row[0] if row is not None else None

    def _execute(self, connection: Connection, params: Mapping[str, Any]) -> Any:
        dialect = connection.dialect
        keys = tuple(params)
        # what the compiled text depends on (never the dialect object's id: a new engine's may reuse it)
        cache_key = (type(dialect), dialect.paramstyle, dialect.server_version_info, keys)
        compiled = self._compiled.get(cache_key)
        if compiled is None:
            compiled = self._compiled[cache_key] = _Compiled(self.statement, dialect, keys)
        args = compiled.arguments(params)
        cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(compiled.sql, args)
        except dialect.loaded_dbapi.Error as error:
            cursor.close()
            raise exc.DBAPIError.instance(compiled.sql, args, error, dialect.loaded_dbapi.Error,
                                          dialect=dialect) from error
        return cursor


class _Compiled:
    def __init__(self, statement: ClauseElement, dialect: Dialect, keys: tuple[str, ...]) -> None:
        compiled = statement.compile(dialect=dialect, column_keys=list(keys))
        assert isinstance(compiled, SQLCompiler)
        if compiled.literal_execute_params or compiled.post_compile_params:
            raise ValueError("a Prepared statement takes plain bound parameters only")
        table = getattr(statement, "table", None)
        if getattr(statement, "is_insert", False) and table is not None:
            missing = [c.key for c in table.c if c.key not in keys and (c.default is not None or c.onupdate)]
            if missing:
                raise ValueError(f"a Prepared insert must be given the columns with defaults: {missing}")
        self.compiled = compiled
        self.sql = compiled.string
        self.positional: Sequence[str] | None = compiled.positiontup if dialect.positional else None
        self.processors: dict[str, Callable[[Any], Any]] = {}
        for name, process in compiled._bind_processors.items():
            if not callable(process):  # a tuple parameter's processors: an IN list of tuples
                raise ValueError("a Prepared statement takes plain bound parameters only")
            self.processors[name] = process

    def arguments(self, params: Mapping[str, Any]) -> Any:
        values = self.compiled.construct_params(params, _check=False)
        for name, process in self.processors.items():  # as SQLAlchemy does: None too (JSON makes it 'null')
            if name in values:
                values[name] = process(values[name])
        if self.positional is not None:
            return tuple(values[name] for name in self.positional)
        return values
