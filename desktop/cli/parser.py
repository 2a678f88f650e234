"""The command line's grammar: every command, its options, and usage errors.

Options and their names are a promise to scripts; change them only with care.
Every help text is in the user's language (desktop/messages/options.py), and
so are argparse's own words while `argparse_language` is on.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any, NoReturn

from db.records import REGISTER_STATUSES
from desktop import app_version, paths
from desktop.cli import (
    bundles,
    importing,
    keys,
    maintenance,
    migrate,
    printing,
    reading,
    receipts,
    register,
    todo,
    trust,
    trustchain,
    window,
)
from desktop.cli.context import Context
from desktop.messages import CATALOG, LANGS, text

Command = Callable[[Context, argparse.Namespace], int]


class UsageError(Exception):
    """The command line is not one `bangtin` understands; `detail` is argparse's reason,
    `command` the (sub)command whose --help explains it ("bangtin register set")."""

    def __init__(self, detail: str, command: str = "bangtin") -> None:
        super().__init__(detail)
        self.detail = detail
        self.command = command


class _Parser(argparse.ArgumentParser):
    # argparse prints English usage and exits; we say one sentence in the
    # user's language and exit 2 ourselves, pointing at the help of the
    # command that was mistyped, not at the list of all commands.
    def error(self, message: str) -> NoReturn:
        raise UsageError(message, self.prog)


# -- argparse in the user's language -----------------------------------------------------

#: argparse's own English words (its msgids) -> our catalog key.
_ARGPARSE_KEYS = {CATALOG[key][1]: key for key in CATALOG if key.startswith("argparse_")}


@contextmanager
def argparse_language(lang: str) -> Iterator[None]:
    """argparse speaks *lang* in the block: its headings, "usage:", its reasons for errors.

    argparse looks its words up through the module's `_` and `ngettext`
    (gettext) when it builds a parser and when it reports; both are pointed
    at our catalog for the block, so help and usage errors are in one
    language. Words argparse adds in a later Python stay English.
    """
    if lang == "en":
        yield
        return

    def translate(message: str) -> str:
        # "usage: " keeps its trailing space; the catalog holds words without padding.
        bare = message.rstrip()
        key = _ARGPARSE_KEYS.get(bare)
        return text(key, lang) + message[len(bare) :] if key is not None else message

    def translate_n(singular: str, plural: str, n: int) -> str:
        return translate(singular if n == 1 else plural)

    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = translate, translate_n  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


# -- values, each refused with the form it should have -----------------------------------


def _day(lang: str) -> Callable[[str], date]:
    def parse(value: str) -> date:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
        try:
            return datetime.strptime(value, "%d/%m/%Y").date()
        except ValueError as exc:
            raise argparse.ArgumentTypeError(text("bad_day", lang, value=value)) from exc

    return parse


def _plain(value: str) -> str:
    """*value* as a clerk may type it: without diacritics, case, dashes or underscores."""
    import unicodedata

    decomposed = unicodedata.normalize("NFD", value.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.lower().replace("_", " ").replace("-", " ").split())


def _status(lang: str) -> Callable[[str], str]:
    """A register status: its name (in_progress), or its words in either language
    ("đang xử lý", "dang xu ly", "In progress"), as the window shows them."""
    names = {_plain(code): code for code in REGISTER_STATUSES}
    for code in REGISTER_STATUSES:
        for each in LANGS:
            names[_plain(text(f"reg_{code}", each))] = code

    def parse(value: str) -> str:
        found = names.get(_plain(value))
        if found is None:
            raise argparse.ArgumentTypeError(text("bad_status", lang, value=value))
        return found

    return parse


def _count(lang: str, least: int) -> Callable[[str], int]:
    """A whole number of at least *least* (`--limit -5` is refused, not read as "all")."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = least - 1
        if number < least:
            raise argparse.ArgumentTypeError(text("bad_count", lang, value=value, least=least))
        return number

    return parse


def _words(lang: str) -> Callable[[str], str]:
    """Something to search for: a blank query found "Không có văn bản nào.", as if the
    archive held nothing."""

    def parse(value: str) -> str:
        if not value.strip():
            raise argparse.ArgumentTypeError(text("bad_query", lang))
        return value

    return parse


def _size(lang: str) -> Callable[[str], tuple[int, int]]:
    def parse(value: str) -> tuple[int, int]:
        try:
            width, height = value.lower().split("x")
            result = (int(width), int(height))
        except ValueError:
            result = (0, 0)
        if not (200 <= result[0] <= 8000 and 200 <= result[1] <= 8000):
            raise argparse.ArgumentTypeError(text("bad_size", lang, value=value))
        return result

    return parse


DAY = "YYYY-MM-DD"


class _VersionAction(argparse.Action):
    """`--version`: the version is read (importlib.metadata, ~30 ms) only when asked for,
    not on every command."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        sys.stdout.write(f"bangtin {app_version()}\n")
        parser.exit()


def build_parser(lang: str = "vi") -> argparse.ArgumentParser:
    """The whole grammar, every help text in *lang*; call it inside `argparse_language`."""

    def h(key: str) -> str:
        return text(key, lang)

    def parser_for(sub: Any, name: str, key: str) -> argparse.ArgumentParser:
        made: argparse.ArgumentParser = sub.add_parser(name, help=h(key), description=h(key))
        return made

    def json_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--json", action="store_true", help=h("opt_json"))

    folder, file_, key_file, name, words, ident = (
        h(k) for k in ("mv_folder", "mv_file", "mv_key", "mv_name", "mv_text", "mv_id")
    )
    day, count, status = _day(lang), _count(lang, 1), _status(lang)
    parser = _Parser(prog="bangtin", description=h("cli_description"))
    parser.add_argument("--version", action=_VersionAction, help=h("opt_version"))
    parser.add_argument("--data-dir", metavar=folder, help=h("opt_data_dir"))
    parser.add_argument("--database", metavar="URL", help=h("opt_database"))
    parser.add_argument("--lang", choices=LANGS, default=None, help=h("opt_lang"))
    parser.add_argument("--demo", action="store_true", help=h("opt_demo"))
    parser.add_argument("--create", action="store_true", help=h("opt_create"))
    sub = parser.add_subparsers(dest="command", metavar=h("mv_command"), parser_class=_Parser)

    p = parser_for(sub, "init", "cmd_init")
    p.set_defaults(func=maintenance.cmd_init)

    p = parser_for(sub, "keygen", "cmd_keygen")
    p.add_argument("--out", required=True, metavar=folder, help=h("opt_keygen_out"))
    p.add_argument("--name", metavar=name, help=h("opt_key_name"))
    p.add_argument("--root", action="store_true", help=h("opt_keygen_root"))
    p.set_defaults(func=keys.cmd_keygen)

    ksub = parser_for(sub, "key", "cmd_key").add_subparsers(
        dest="key_command", required=True, metavar=h("mv_command"), parser_class=_Parser
    )
    p = parser_for(ksub, "public", "cmd_key_public")
    p.add_argument("key", metavar=key_file, help=h("opt_key_private"))
    p.add_argument("--out", metavar=file_, help=h("opt_key_public_out"))
    p.add_argument("--name", metavar=name, help=h("opt_key_name"))
    p.set_defaults(func=keys.cmd_key_public)
    _add_trust_chain_commands(ksub, lang, count)

    bsub = parser_for(sub, "bundle", "cmd_bundle").add_subparsers(
        dest="bundle_command", required=True, metavar=h("mv_command"), parser_class=_Parser
    )
    p = parser_for(bsub, "build", "cmd_bundle_build")
    p.add_argument("src", metavar=folder, help=h("opt_build_src"))
    p.add_argument("--key", required=True, metavar=key_file, help=h("opt_build_key"))
    p.add_argument("--publisher", required=True, metavar=name, help=h("opt_build_publisher"))
    p.add_argument("--out", required=True, metavar=file_, help=h("opt_build_out"))
    p.add_argument("--since", type=_count(lang, 0), metavar="N", help=h("opt_build_since"))
    p.add_argument("--sequence", type=count, metavar="N", help=h("opt_build_sequence"))
    json_option(p)
    p.add_argument("--delegation", metavar=file_, help=h("opt_build_delegation"))
    p.add_argument("--revocations", metavar=file_, nargs="+", help=h("opt_build_revocations"))
    p.add_argument(
        "--root-chain", dest="root_chain", metavar=file_, nargs="+", help=h("opt_build_root_chain")
    )
    p.add_argument("--channel", metavar=ident, help=h("opt_build_channel"))
    p.set_defaults(func=bundles.cmd_bundle_build)
    p = parser_for(bsub, "verify", "cmd_bundle_verify")
    p.add_argument("file", metavar=file_, help=h("opt_bundle_file"))
    p.set_defaults(func=bundles.cmd_bundle_verify)

    tsub = parser_for(sub, "trust", "cmd_trust").add_subparsers(
        dest="trust_command", required=True, metavar=h("mv_command"), parser_class=_Parser
    )
    p = parser_for(tsub, "add", "cmd_trust_add")
    p.add_argument("file", metavar=file_, help=h("opt_trust_file"))
    p.add_argument("--name", metavar=name, help=h("opt_trust_name"))
    p.add_argument("--replaces", metavar=h("mv_key_id"), help=h("opt_trust_replaces"))
    p.set_defaults(func=trust.cmd_trust_add)
    p = parser_for(tsub, "add-dir", "cmd_trust_add_dir")
    p.add_argument("folder", metavar=folder, help=h("opt_trust_folder"))
    p.set_defaults(func=trust.cmd_trust_add_dir)
    p = parser_for(tsub, "list", "cmd_trust_list")
    json_option(p)
    p.set_defaults(func=trust.cmd_trust_list)
    p = parser_for(tsub, "remove", "cmd_trust_remove")
    p.add_argument("key_id", metavar=h("mv_key_id"), help=h("opt_trust_key_id"))
    p.set_defaults(func=trust.cmd_trust_remove)
    p = parser_for(tsub, "add-channel", "cmd_trust_add_channel")
    p.add_argument("channel", metavar=ident, help=h("opt_channel"))
    p.set_defaults(func=trustchain.cmd_trust_add_channel)

    p = parser_for(sub, "status", "cmd_status")
    json_option(p)
    p.add_argument(
        "--stale-days",
        dest="stale_days",
        type=count,
        default=30,
        metavar="N",
        help=h("opt_stale_days"),
    )
    p.set_defaults(func=trustchain.cmd_status)

    p = parser_for(sub, "import", "cmd_import")
    p.add_argument("files", nargs="+", metavar=file_, help=h("opt_import_files"))
    json_option(p)
    p.set_defaults(func=importing.cmd_import)

    p = parser_for(sub, "list", "cmd_list")
    p.add_argument("--category", metavar=words, help=h("opt_category"))
    p.add_argument("--limit", type=count, default=None, metavar="N", help=h("opt_limit"))
    json_option(p)
    p.set_defaults(func=reading.cmd_list)

    p = parser_for(sub, "categories", "cmd_categories")
    json_option(p)
    p.set_defaults(func=reading.cmd_categories)

    p = parser_for(sub, "show", "cmd_show")
    p.add_argument("id", metavar=ident, help=h("opt_show_id"))
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help=h("opt_json"))
    fmt.add_argument("--html", action="store_true", help=h("opt_show_html"))
    p.add_argument("--as-of", dest="as_of", type=day, metavar=DAY, help=h("opt_as_of"))
    p.set_defaults(func=reading.cmd_show)

    p = parser_for(sub, "search", "cmd_search")
    p.add_argument("query", type=_words(lang), metavar=words, help=h("opt_search_query"))
    p.add_argument("--category", metavar=words, help=h("opt_category"))
    p.add_argument("--from", dest="date_from", type=day, metavar=DAY, help=h("opt_from"))
    p.add_argument("--to", dest="date_to", type=day, metavar=DAY, help=h("opt_to"))
    p.add_argument("--type", metavar=words, help=h("opt_type"))
    p.add_argument("--limit", type=count, default=20, metavar="N", help=h("opt_limit"))
    p.add_argument(
        "--sort", choices=("relevance", "newest"), default="relevance", help=h("opt_sort")
    )
    json_option(p)
    p.set_defaults(func=reading.cmd_search)

    p = parser_for(sub, "reindex", "cmd_reindex")
    p.set_defaults(func=maintenance.cmd_reindex)

    p = parser_for(sub, "backup", "cmd_backup")
    p.set_defaults(func=maintenance.cmd_backup)
    bksub = p.add_subparsers(dest="backup_command", metavar=h("mv_command"), parser_class=_Parser)
    p = parser_for(bksub, "prune", "cmd_backup_prune")
    p.add_argument("--keep", type=count, default=None, metavar="N", help=h("opt_keep"))
    json_option(p)
    p.set_defaults(func=maintenance.cmd_backup_prune)
    p = parser_for(sub, "restore", "cmd_restore")
    p.add_argument("file", nargs="?", metavar=file_, help=h("opt_restore_file"))
    p.set_defaults(func=maintenance.cmd_restore)
    p = parser_for(sub, "check", "cmd_check")
    p.set_defaults(func=maintenance.cmd_check)
    p = parser_for(sub, "migrate-to", "cmd_migrate_to")
    p.add_argument("url", metavar="URL", help=h("opt_migrate_url"))
    p.set_defaults(func=migrate.cmd_migrate_to)

    p = parser_for(sub, "screenshot", "cmd_screenshot")
    p.add_argument("--out", required=True, metavar=file_, help=h("opt_shot_out"))
    p.add_argument("--notice", metavar=ident, help=h("opt_shot_notice"))
    p.add_argument(
        "--size", type=_size(lang), default=(1280, 800), metavar="WxH", help=h("opt_shot_size")
    )
    p.add_argument("--search", metavar=words, help=h("opt_shot_search"))
    p.add_argument(
        "--view",
        choices=("reader", "relations", "register", "todo"),
        default="reader",
        help=h("opt_shot_view"),
    )
    p.add_argument("--type", dest="doc_type", metavar=words, help=h("opt_shot_type"))
    p.add_argument("--dark", action="store_true", help=h("opt_shot_dark"))
    p.set_defaults(func=window.cmd_screenshot)

    p = parser_for(sub, "print", "cmd_print")
    p.add_argument("ids", nargs="+", metavar=ident, help=h("opt_print_ids"))
    p.add_argument("--pdf", required=True, metavar=file_, help=h("opt_pdf"))
    p.add_argument("--index", action="store_true", help=h("opt_print_index"))
    p.set_defaults(func=printing.cmd_print)

    rsub = parser_for(sub, "register", "cmd_register").add_subparsers(
        dest="register_command", required=True, metavar=h("mv_command"), parser_class=_Parser
    )
    p = parser_for(rsub, "list", "cmd_register_list")
    p.add_argument("--year", type=count, metavar="YYYY", help=h("opt_year"))
    p.add_argument("--status", type=status, metavar=h("mv_status"), help=h("opt_status"))
    json_option(p)
    p.set_defaults(func=register.cmd_register_list)
    p = parser_for(rsub, "set", "cmd_register_set")
    p.add_argument(
        "incoming_number",
        type=count,
        metavar=h("mv_incoming_number"),
        help=h("opt_incoming_number"),
    )
    p.add_argument("--year", type=count, metavar="YYYY", help=h("opt_year"))
    p.add_argument("--assigned-to", dest="assigned_to", metavar=words, help=h("opt_assigned_to"))
    p.add_argument(
        "--handed-over", dest="handed_over", type=day, metavar=DAY, help=h("opt_handed_over")
    )
    p.add_argument("--status", type=status, metavar=h("mv_status"), help=h("opt_status"))
    p.add_argument("--note", metavar=words, help=h("opt_note"))
    p.set_defaults(func=register.cmd_register_set)
    for command, target, func in (
        ("print", "--pdf", register.cmd_register_print),
        ("export", "--xlsx", register.cmd_register_export),
    ):
        p = parser_for(rsub, command, f"cmd_register_{command}")
        p.add_argument("--year", type=count, metavar="YYYY", help=h("opt_year"))
        p.add_argument(target, required=True, metavar=file_, help=h(f"opt_{target[2:]}"))
        p.set_defaults(func=func)

    p = parser_for(sub, "todo", "cmd_todo")
    json_option(p)
    p.set_defaults(func=todo.cmd_todo)

    receipts.add_commands(sub, _Parser, day, lang)
    return parser


def _add_trust_chain_commands(
    ksub: argparse._SubParsersAction[_Parser], lang: str, count: Callable[[str], int]
) -> None:
    """`key delegate | revoke | rotate-root | root | fingerprint`: the province's root keys."""

    def h(key: str) -> str:
        return text(key, lang)

    def command(name: str, key: str) -> argparse.ArgumentParser:
        made: argparse.ArgumentParser = ksub.add_parser(name, help=h(key), description=h(key))
        return made

    file_ = h("mv_file")
    p = command("delegate", "cmd_key_delegate")
    p.add_argument(
        "--root", action="append", required=True, metavar="ROOT.key", help=h("opt_root_key")
    )
    p.add_argument("--root-file", dest="root_file", metavar=file_, help=h("opt_root_file"))
    p.add_argument("--signing", required=True, metavar="SIGNING.pub", help=h("opt_signing_pub"))
    p.add_argument(
        "--publisher", required=True, metavar=h("mv_name"), help=h("opt_build_publisher")
    )
    p.add_argument(
        "--until",
        required=True,
        type=trustchain.parse_until,
        metavar="YYYY-MM-DD",
        help=h("opt_until"),
    )
    p.add_argument("--out", required=True, metavar=file_, help=h("opt_trust_out"))
    p.set_defaults(func=trustchain.cmd_key_delegate)
    p = command("revoke", "cmd_key_revoke")
    p.add_argument("key_id", metavar=h("mv_key_id"), help=h("opt_revoke_key_id"))
    p.add_argument(
        "--root", action="append", required=True, metavar="ROOT.key", help=h("opt_root_key")
    )
    p.add_argument("--root-file", dest="root_file", metavar=file_, help=h("opt_root_file"))
    p.add_argument("--reason", required=True, metavar=h("mv_text"), help=h("opt_reason"))
    p.add_argument("--out", required=True, metavar=file_, help=h("opt_trust_out"))
    p.set_defaults(func=trustchain.cmd_key_revoke)
    p = command("rotate-root", "cmd_key_rotate_root")
    p.add_argument(
        "--old", action="append", required=True, metavar="OLD.key", help=h("opt_old_key")
    )
    p.add_argument("--old-root", dest="old_root", metavar=file_, help=h("opt_root_file"))
    p.add_argument(
        "--new", action="append", required=True, metavar="NEW.pub", help=h("opt_new_pub")
    )
    p.add_argument("--threshold", type=count, default=1, metavar="K", help=h("opt_threshold"))
    p.add_argument("--out", required=True, metavar=file_, help=h("opt_trust_out"))
    p.set_defaults(func=trustchain.cmd_key_rotate_root)
    p = command("root", "cmd_key_root")
    p.add_argument("keys", nargs="+", metavar="ROOT.pub", help=h("opt_root_pubs"))
    p.add_argument("--threshold", type=count, required=True, metavar="K", help=h("opt_threshold"))
    p.add_argument("--name", metavar=h("mv_name"), help=h("opt_key_name"))
    p.add_argument("--out", required=True, metavar=file_, help=h("opt_trust_out"))
    p.set_defaults(func=trustchain.cmd_key_root)
    p = command("fingerprint", "cmd_key_fingerprint")
    p.add_argument("file", metavar=file_, help=h("opt_fingerprint_file"))
    p.set_defaults(func=trustchain.cmd_key_fingerprint)


def peek_lang(argv: Sequence[str]) -> str:
    """The language asked for, before parsing: a usage error is said in it too."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGS:
            return argv[i + 1]
        if arg.startswith("--lang=") and arg.split("=", 1)[1] in LANGS:
            return arg.split("=", 1)[1]
    return "vi"


def bundle_argument(argv: list[str]) -> tuple[list[str], Path | None]:
    """`bangtin FILE.bangtin` (a double-click on a bundle): the window, importing FILE.

    Only when FILE is the one plain argument, ends with .bangtin and exists;
    returns the other arguments and FILE.
    """
    plain: list[int] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ("--data-dir", "--database", "--lang"):
            i += 2
            continue
        if not arg.startswith("-") or arg == "-":
            plain.append(i)
        i += 1
    if len(plain) != 1:
        return argv, None
    candidate = argv[plain[0]]
    if not candidate.lower().endswith(paths.BUNDLE_SUFFIX) or not Path(candidate).is_file():
        return argv, None
    return argv[: plain[0]] + argv[plain[0] + 1 :], Path(candidate).resolve()
