"""The few statements SQLite and PostgreSQL spell differently, chosen by the session's engine.

Both engines take INSERT … ON CONFLICT with the same SQLAlchemy API, but each
from its own dialect; SQLite's two-argument max() is PostgreSQL's greatest().
A long list of ids is a parameter each in SQLite's ``IN (…)``, so callers ask
a few hundred at a time; PostgreSQL takes the whole list as one array
(`among`, `id_batch`): one query instead of hundreds, each of which the
server planned and walked its tables for, and which the client compiled with
hundreds of parameters.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, Table, any_, bindparam, func, text
from sqlalchemy import insert as insert_statement
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

#: Ids per ``IN (…)`` on SQLite: far below its limit on host parameters.
SQLITE_BATCH = 500
#: Ids per array on PostgreSQL: a big import's ids in a few queries.
SERVER_BATCH = 50_000


def engine_name(session: Session | Connection) -> str:
    """The engine *session* is bound to: "sqlite" or "postgresql"."""
    if isinstance(session, Connection):
        return session.dialect.name
    return session.get_bind().dialect.name


def id_batch(session: Session | Connection) -> int:
    """How many ids one `among` condition should name on *session*'s engine."""
    return SERVER_BATCH if engine_name(session) == "postgresql" else SQLITE_BATCH


def among(session: Session | Connection, column: Any, ids: Sequence[Any]) -> ColumnElement[bool]:
    """*column* is one of *ids*: ``IN (…)`` on SQLite, ``= ANY(array)`` on PostgreSQL."""
    if engine_name(session) == "postgresql":
        return column == any_(  # type: ignore[no-any-return]
            bindparam(None, list(ids), type_=postgresql.ARRAY(column.type))
        )
    return column.in_(ids)  # type: ignore[no-any-return]


def insert(session: Session, table: Any) -> Any:
    """INSERT into *table* with `on_conflict_do_nothing` / `on_conflict_do_update`."""
    if engine_name(session) == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def compress_fast(session: Session | Connection) -> None:
    """On PostgreSQL, compress the long values this transaction writes with lz4, if the server can.

    pglz, the default, cost the server about as much as making the search
    index's tsvectors, whose rows hold several KB of folded text and
    tsvectors each; lz4 writes them much faster and reads them no slower
    (bench/README.md), and the values stay readable whatever the setting
    later. For this transaction only.
    """
    if engine_name(session) != "postgresql":
        return
    if session.execute(text(_HAS_LZ4)).scalar():
        session.execute(text(_LZ4))


def compress_fast_raw(cur: Any) -> None:
    """`compress_fast` for a psycopg cursor of a connection of its own, in its transaction."""
    cur.execute(_HAS_LZ4)
    if cur.fetchone()[0]:
        cur.execute(_LZ4)


_HAS_LZ4 = "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
_LZ4 = "SET LOCAL default_toast_compression = 'lz4'"


def plan_with_values(session: Session | Connection) -> None:
    """On PostgreSQL, plan each statement of this transaction with its parameters' values.

    A statement run more than five times (psycopg then prepares it) may get
    a generic plan, made for an array of ten ids: ``x = ANY($1)`` then
    searches the whole array for each row it reads, where a plan made with
    the array in hand hashes it once. An import's last look at the relations
    of its notices so took 3 s of 20,000 notices, growing with the square.
    For this transaction only.
    """
    if engine_name(session) == "postgresql":
        session.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))


def insert_rows(session: Session, table: Any, rows: Sequence[Mapping[str, Any]]) -> None:
    """INSERT *rows*, dicts by column name, into *table* (a model or a Table).

    SQLite: an INSERT for each SQLITE_BATCH rows, as SQLAlchemy runs them.
    PostgreSQL: one ``COPY … FROM STDIN`` in the session's transaction, each
    value bound as SQLAlchemy binds it: the server parses rows instead of
    statements, and the client skips making a statement's parameters for
    each row (a bundle's notices, register lines and office events). A
    column a row lacks gets its Python default, as an INSERT gives it, or
    NULL; one no row names is left to the server (an id's sequence).
    """
    if not rows:
        return
    target = table if isinstance(table, Table) else table.__table__
    names = list(dict.fromkeys(name for row in rows for name in row))
    missing = {
        c.name: c.default for c in target.columns if c.name not in names and c.default is not None
    }
    if engine_name(session) != "postgresql" or any(not d.is_scalar for d in missing.values()):
        for start in range(0, len(rows), SQLITE_BATCH):
            session.execute(insert_statement(table), list(rows[start : start + SQLITE_BATCH]))
        return
    defaults = {name: d.arg for name, d in missing.items()}
    for name in names:
        default = target.c[name].default
        if default is not None and default.is_scalar:
            defaults[name] = default.arg
    columns = [*names, *(n for n in defaults if n not in names)]
    conn = session.connection()
    binds = [target.c[n].type._cached_bind_processor(conn.dialect) for n in columns]
    # Imported here: a PC's own archive never loads the PostgreSQL driver.
    from psycopg import sql  # noqa: PLC0415

    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(target.name), sql.SQL(", ").join(map(sql.Identifier, columns))
    )
    session.flush()
    raw: Any = conn.connection.driver_connection
    spec = [(n, defaults.get(n), b) for n, b in zip(columns, binds, strict=True)]
    with raw.cursor() as cur, cur.copy(statement) as copy:
        for row in rows:
            copy.write_row([row.get(n, d) if b is None else b(row.get(n, d)) for n, d, b in spec])


def update_rows(
    conn: Connection, table: Table, key: str, rows: Sequence[Mapping[str, Any]]
) -> None:
    """UPDATE *table* with *rows*, dicts by column name, each naming its row by *key* (unique).

    SQLite: an UPDATE a row, as SQLAlchemy runs them. PostgreSQL: one
    ``UPDATE … FROM unnest(arrays)`` for all of them, each value bound as
    SQLAlchemy binds it: an import planned each of 30,000 one-row UPDATEs
    (it plans with its values, `plan_with_values`) and ran them one by one.
    """
    if not rows:
        return
    columns = list(rows[0])
    if engine_name(conn) != "postgresql":
        stmt = (
            table.update()
            .where(table.c[key] == bindparam(f"b_{key}"))
            .values({c: bindparam(f"b_{c}") for c in columns if c != key})
        )
        for start in range(0, len(rows), SQLITE_BATCH):
            chunk = rows[start : start + SQLITE_BATCH]
            conn.execute(stmt, [{f"b_{c}": row[c] for c in columns} for row in chunk])
        return
    # Imported here: a PC's own archive never loads the PostgreSQL driver.
    from psycopg import sql  # noqa: PLC0415

    arrays = []
    for name in columns:
        bind = table.c[name].type._cached_bind_processor(conn.dialect)
        values = [row[name] for row in rows]
        arrays.append(values if bind is None else [bind(v) for v in values])
    types = [table.c[n].type.compile(dialect=conn.dialect) for n in columns]
    statement = sql.SQL(
        "UPDATE {t} SET {sets} FROM unnest({arrays}) AS v ({names}) WHERE {t}.{k} = v.{k}"
    ).format(
        t=sql.Identifier(table.name),
        sets=sql.SQL(", ").join(
            sql.SQL("{c} = v.{c}").format(c=sql.Identifier(n)) for n in columns if n != key
        ),
        arrays=sql.SQL(", ").join(sql.SQL("%s::" + t + "[]") for t in types),
        names=sql.SQL(", ").join(map(sql.Identifier, columns)),
        k=sql.Identifier(key),
    )
    raw: Any = conn.connection.driver_connection
    with raw.cursor() as cur:
        cur.execute(statement, arrays)


def greater(session: Session, a: Any, b: Any) -> ColumnElement[Any]:
    """The greater of two values in one row (SQL's scalar max)."""
    if engine_name(session) == "postgresql":
        return func.greatest(a, b)
    return func.max(a, b)
