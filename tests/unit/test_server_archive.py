"""The shared archive on PostgreSQL: what goes wrong reaching it, and two PCs importing at once.

A wrong password, a wrong host and a missing database each get one sentence
of their own; a second PC's import waits for the first one's advisory lock
and says so ("Máy khác đang nhập gói dữ liệu…"), or is cancelled; a
connection the server drops mid-transaction is "Mất kết nối…", and the next
unit of work connects again. Unread marks and bookmarks are each person's.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from db import officelog, queries, search, store
from db.archive import Archive, ArchiveError, open_archive
from db.errors import ErrorCode, classify
from db.people import login_name
from db.server import display_url, import_lock, make_server_engine
from desktop.bundles.errors import ImportCancelled
from desktop.bundles.importer import ImportResult, import_bundle
from desktop.messages import describe
from desktop.messages import text as say
from tests.helpers.bundles import World, snapshot, trust
from tests.helpers.notices import apply, at, notice
from tests.helpers.postgres import (
    ALLOWED_HOSTS,
    PASSWORD,
    PASSWORD_USER,
    admin_execute,
    database_url,
    psql_url,
)


def refusal(url: str, tmp_path: Path, **kwargs: bool) -> ArchiveError:
    with pytest.raises(ArchiveError) as caught:
        open_archive(tmp_path / "local", url=url, **kwargs)  # type: ignore[arg-type]
    return caught.value


def test_a_missing_database_is_one_sentence(pg_server: str, tmp_path: Path) -> None:
    url = psql_url(database_url(pg_server, "khong_co_csdl_nay"))
    error = refusal(url, tmp_path)
    assert error.code is ErrorCode.SERVER_NO_DATABASE
    for lang in ("vi", "en"):
        assert describe(error, lang) == say(
            "archive_server_no_database", lang, path=display_url(url)
        )
    assert not (tmp_path / "local").exists()


def test_a_database_the_login_may_not_enter_is_not_called_missing(
    pg_empty_url: str, pg_server: str, tmp_path: Path
) -> None:
    # The database is there; this user may not connect to it (its CONNECT
    # privilege is revoked), though the same login gets into "postgres".
    name = make_url(pg_empty_url).database
    admin_execute(pg_server, f'REVOKE CONNECT ON DATABASE "{name}" FROM PUBLIC')
    server = make_url(pg_empty_url).set(username=PASSWORD_USER, password=PASSWORD)
    error = refusal(server.render_as_string(False), tmp_path)
    assert error.code is ErrorCode.SERVER_LOGIN


def test_a_wrong_password_is_one_sentence(pg_server: str, tmp_path: Path) -> None:
    server = make_url(psql_url(pg_server)).set(username=PASSWORD_USER)
    wrong = server.set(password="sai-mat-khau").render_as_string(False)
    error = refusal(wrong, tmp_path)
    assert error.code is ErrorCode.SERVER_LOGIN
    sentence = describe(error, "vi")
    assert sentence == say("archive_server_login", "vi", path=display_url(wrong))
    assert "sai-mat-khau" not in sentence
    # With the right one the login passes: the database only holds no archive.
    right = server.set(password=PASSWORD).render_as_string(False)
    assert refusal(right, tmp_path, create=False).code is ErrorCode.MISSING


def test_no_password_at_all_is_the_login_sentence(pg_server: str, tmp_path: Path) -> None:
    # libpq's own word (PQconnectionNeedsPassword), not its message, says so.
    url = make_url(psql_url(pg_server)).set(username=PASSWORD_USER)
    error = refusal(url.render_as_string(False), tmp_path)
    assert error.code is ErrorCode.SERVER_LOGIN


def test_a_message_is_never_read_to_sort_a_failure() -> None:
    import psycopg

    # The words of a refused login, in an error that is no connection attempt:
    # nothing but the class (and no SQLSTATE) to go on.
    said = psycopg.OperationalError('FATAL:  password authentication failed for user "x"')
    assert classify(said) is ErrorCode.SERVER_UNREACHABLE
    refused = psycopg.errors.InvalidPassword("mật khẩu sai")  # 28P01, in any language
    assert classify(refused) is ErrorCode.SERVER_LOGIN
    assert classify(psycopg.errors.InvalidCatalogName("không có")) is ErrorCode.SERVER_NO_DATABASE
    assert classify(psycopg.errors.InvalidAuthorizationSpecification("?")) is ErrorCode.SERVER_LOGIN


def test_a_wrong_host_is_one_sentence(pg_server: str, tmp_path: Path) -> None:
    # A socket folder where no server listens: as a PC whose server is off.
    nowhere = tmp_path / "no-server"
    nowhere.mkdir()
    ALLOWED_HOSTS.add(str(nowhere))
    try:
        url = make_url(psql_url(pg_server)).update_query_dict({"host": str(nowhere)})
        error = refusal(url.render_as_string(False), tmp_path)
    finally:
        ALLOWED_HOSTS.discard(str(nowhere))
    assert error.code is ErrorCode.SERVER_UNREACHABLE
    assert describe(error, "en").startswith("Cannot reach the database server postgresql://")


@pytest.fixture
def pc1(world: World, pg_url: str, tmp_path: Path) -> Archive:
    archive = open_archive(tmp_path / "pc1", url=pg_url)
    trust(archive, world.keys)
    return archive


def test_a_second_import_waits_for_the_other_pc_and_says_so(
    pc1: Archive, world: World, pg_url: str
) -> None:
    waited = threading.Event()
    stages: list[str] = []
    results: list[ImportResult] = []

    def progress(stage: str, _done: int, _total: int) -> None:
        stages.append(stage)
        if stage == "waiting_server":
            waited.set()

    other_pc = make_server_engine(pg_url)
    try:
        with import_lock(other_pc, wait_s=0):
            importing = threading.Thread(
                target=lambda: results.append(import_bundle(pc1, world.bundle1, progress=progress))
            )
            importing.start()
            assert waited.wait(60)
            with pc1.reading() as session:
                assert queries.count_notices(session) == 0
        importing.join(60)
    finally:
        other_pc.dispose()
        pc1.close()
    assert [r.status for r in results] == ["imported"]
    assert stages[0] == "waiting_server" and "applying" in stages
    assert say("stage_waiting_server", "vi") == "Máy khác đang nhập gói dữ liệu"


def _search_and_list_during(
    pc1: Archive, bundle: Path, pg_url: str, tmp_path: Path
) -> tuple[list[str], int]:
    """What another PC finds and counts while *bundle*'s import is written but not committed."""
    reached, go_on = threading.Event(), threading.Event()
    results: list[ImportResult] = []

    def progress(stage: str, _done: int, _total: int) -> None:
        if stage == "saving":  # everything written, not yet committed
            reached.set()
            go_on.wait(120)

    importing = threading.Thread(
        target=lambda: results.append(import_bundle(pc1, bundle, progress=progress))
    )
    importing.start()
    pc2 = open_archive(tmp_path / "pc2", url=pg_url)
    try:
        assert reached.wait(120)
        with pc2.reading() as session:
            # A wait on the import's locks fails at once instead of hanging.
            session.execute(text("SET LOCAL lock_timeout = '2s'"))
            found = [hit.id for hit in search.search(session, "Quyết định")]
            listed = queries.count_notices(session)
    finally:
        go_on.set()
        importing.join(120)
        pc2.close()
    assert [r.status for r in results] == ["imported"]
    return found, listed


def test_another_pc_searches_and_lists_while_an_import_writes(
    pc1: Archive, world: World, pg_url: str, tmp_path: Path
) -> None:
    # A delta that changes as many notices as the index holds: the kind of
    # import that used to lock the index until it committed.
    import_bundle(pc1, world.bundle1)
    try:
        during = _search_and_list_during(pc1, world.bundle2, pg_url, tmp_path)
    finally:
        pc1.close()
    assert during == (["a"], 3)  # as before the import: it has not committed


def test_another_pc_searches_while_the_first_import_fills_the_empty_archive(
    pc1: Archive, world: World, pg_url: str, tmp_path: Path
) -> None:
    # The first import builds the index in fresh tables: the empty ones stay
    # readable until it swaps them in, at its end.
    try:
        during = _search_and_list_during(pc1, world.bundle1, pg_url, tmp_path)
        with pc1.reading() as session:
            after = [hit.id for hit in search.search(session, "Quyết định")]
            indexes = session.execute(
                text(
                    "SELECT tablename, indexname FROM pg_indexes "
                    "WHERE tablename LIKE 'search_%' ORDER BY 1, 2"
                )
            ).all()
    finally:
        pc1.close()
    assert during == ([], 0)
    assert after == ["a"]
    # The fresh tables took the live ones' names, their indexes' and keys' too.
    assert [tuple(row) for row in indexes if row[0] != "search_term"] == [
        ("search_doc", "search_doc_notice_id_key"),
        ("search_doc", "search_doc_number"),
        ("search_doc", "search_doc_number_head"),
        ("search_doc", "search_doc_pkey"),
        ("search_doc", "search_doc_title"),
        ("search_field", "search_field_pkey"),
        ("search_main", "search_main_pkey"),
        ("search_main", "search_main_tsv"),
        ("search_walk", "search_walk_pkey"),
    ]


def test_another_pc_searches_while_the_index_is_made_again(
    pc1: Archive, world: World, pg_url: str, tmp_path: Path
) -> None:
    # `bangtin reindex` fills fresh tables as the first import does: the old
    # index stays readable until the swap at the commit.
    import_bundle(pc1, world.bundle1)
    rebuilt, go_on = threading.Event(), threading.Event()
    counted: list[int] = []

    def reindex() -> None:
        with pc1.writing() as session:
            counted.append(search.rebuild_index(session))
            rebuilt.set()  # the index made again, not yet committed
            go_on.wait(120)

    worker = threading.Thread(target=reindex)
    worker.start()
    pc2 = open_archive(tmp_path / "pc2", url=pg_url)
    try:
        assert rebuilt.wait(120)
        with pc2.reading() as session:
            # A wait on the rebuild's locks fails at once instead of hanging.
            session.execute(text("SET LOCAL lock_timeout = '2s'"))
            during = [hit.id for hit in search.search(session, "Quyết định")]
    finally:
        go_on.set()
        worker.join(120)
    try:
        with pc2.reading() as session:
            after = [hit.id for hit in search.search(session, "Quyết định")]
            tables = (
                session.execute(
                    text(
                        "SELECT tablename FROM pg_tables WHERE tablename LIKE 'search_%' ORDER BY 1"
                    )
                )
                .scalars()
                .all()
            )
    finally:
        pc2.close()
        pc1.close()
    assert counted == [3]
    assert during == ["a"] and after == ["a"]
    assert tables == ["search_doc", "search_field", "search_main", "search_term", "search_walk"]


def test_reindex_makes_a_lost_index_table_anew(pc1: Archive, world: World) -> None:
    import_bundle(pc1, world.bundle1)
    try:
        with pc1.writing() as session:
            session.execute(text("DROP TABLE search_field"))
        with pc1.writing() as session:
            assert search.rebuild_index(session) == 3
        with pc1.reading() as session:
            found = [hit.id for hit in search.search(session, "Quyết định")]
    finally:
        pc1.close()
    assert found == ["a"]


def test_a_waiting_import_can_be_cancelled(pc1: Archive, world: World, pg_url: str) -> None:
    before = snapshot(pc1)
    other_pc = make_server_engine(pg_url)
    try:
        with import_lock(other_pc, wait_s=0), pytest.raises(ImportCancelled):
            import_bundle(pc1, world.bundle1, cancel=lambda: True)
        assert snapshot(pc1) == before
    finally:
        other_pc.dispose()
        pc1.close()


def test_a_connection_lost_mid_write_is_one_sentence_and_the_next_work_reconnects(
    pc1: Archive, pg_server: str
) -> None:
    try:
        with pytest.raises(OperationalError) as caught, pc1.writing() as session:
            pid = session.execute(text("SELECT pg_backend_pid()")).scalar()
            admin_execute(pg_server, f"SELECT pg_terminate_backend({pid})")
            session.execute(text("SELECT 1"))
        assert classify(caught.value) is ErrorCode.SERVER_LOST
        sentence = describe(caught.value, "vi", archive_dir=display_url(pc1.url or ""))
        assert sentence.startswith("Mất kết nối tới máy chủ dữ liệu postgresql://")
        with pc1.reading() as session:
            assert queries.count_notices(session) == 0
    finally:
        pc1.close()


def test_each_person_has_their_own_reading_state(pg_url: str, tmp_path: Path) -> None:
    clerk = open_archive(tmp_path / "pc1", url=pg_url)
    chairman = open_archive(tmp_path / "pc2", url=pg_url)
    chairman.person = "chu-tich"
    try:
        assert clerk.person == login_name() != ""
        apply(clerk, [notice("a"), notice("b", days=-1)])
        with clerk.writing() as session:
            store.record_view(session, "a", at(0))
            store.set_bookmark(session, "b", True)
        with chairman.writing() as session:
            store.mark_all_read(session, at(0))

        def state(archive: Archive) -> dict[str, tuple[bool, bool]]:
            with archive.reading() as session:
                return {n.id: (n.read, n.bookmarked) for n in queries.list_notices(session)}

        assert state(clerk) == {"a": (True, False), "b": (False, True)}
        assert state(chairman) == {"a": (True, False), "b": (True, False)}
        with chairman.reading() as session:
            assert queries.list_notices(session, show="unread") == []
        with clerk.reading() as session:
            assert [n.id for n in queries.list_notices(session, show="unread")] == ["b"]
            # The office told the province of one first opening per notice.
            assert officelog.untold_openings(session) == 2
    finally:
        chairman.close()
        clerk.close()
