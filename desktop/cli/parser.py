"""The command line's grammar: every command, its options, and usage errors.

Options and their names are a promise to scripts; change them only with care.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import NoReturn

from db.records import REGISTER_STATUSES
from desktop import app_version, paths
from desktop.cli import (
    bundles,
    importing,
    keys,
    maintenance,
    printing,
    reading,
    receipts,
    register,
    todo,
    trust,
    window,
)
from desktop.cli.context import Context
from desktop.messages import LANGS

Command = Callable[[Context, argparse.Namespace], int]


class UsageError(Exception):
    """The command line is not one `bangtin` understands; `detail` is argparse's reason."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class _Parser(argparse.ArgumentParser):
    # argparse prints English usage and exits; we say one sentence in the
    # user's language and exit 2 ourselves.
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.strptime(value, "%d/%m/%Y").date()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(value) from exc


def _at_least_one(value: str) -> int:
    try:
        number = int(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(value) from exc
    if number < 1:
        raise argparse.ArgumentTypeError(value)
    return number


def _parse_size(value: str) -> tuple[int, int]:
    try:
        width, height = value.lower().split("x")
        result = (int(width), int(height))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(value) from exc
    if not (200 <= result[0] <= 8000 and 200 <= result[1] <= 8000):
        raise argparse.ArgumentTypeError(value)
    return result


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="bangtin",
        description="Bảng Tin: đọc và lưu trữ văn bản, thông báo của tỉnh khi không có mạng.",
    )
    parser.add_argument("--version", action="version", version=f"bangtin {app_version()}")
    parser.add_argument("--data-dir", help="thư mục kho dữ liệu (data folder)")
    parser.add_argument("--lang", choices=LANGS, default=None, help="ngôn ngữ / language")
    parser.add_argument("--demo", action="store_true", help="dùng kho dữ liệu mẫu (demo archive)")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("keygen", help="tạo cặp khóa ký gói dữ liệu")
    p.add_argument("--out", required=True)
    p.add_argument("--name", help="ghi chú trong khóa công khai")
    p.set_defaults(func=keys.cmd_keygen)

    key = sub.add_parser("key", help="khóa ký gói dữ liệu")
    ksub = key.add_subparsers(dest="key_command", required=True, parser_class=_Parser)
    p = ksub.add_parser("public", help="ghi lại khóa công khai từ khóa bí mật")
    p.add_argument("key", help="tệp khóa bí mật (publisher.key)")
    p.add_argument("--out", help="tệp .pub cần ghi; mặc định in ra màn hình")
    p.add_argument("--name", help="ghi chú trong khóa công khai")
    p.set_defaults(func=keys.cmd_key_public)

    bundle = sub.add_parser("bundle", help="tạo hoặc kiểm tra gói dữ liệu")
    bsub = bundle.add_subparsers(dest="bundle_command", required=True, parser_class=_Parser)
    p = bsub.add_parser("build", help="tạo và ký gói dữ liệu từ thư mục nguồn")
    p.add_argument("src")
    p.add_argument("--key", required=True)
    p.add_argument("--publisher", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--since", type=int, default=None)
    p.add_argument("--sequence", type=int, default=None)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=bundles.cmd_bundle_build)
    p = bsub.add_parser("verify", help="kiểm tra gói dữ liệu, không ghi gì")
    p.add_argument("file")
    p.set_defaults(func=bundles.cmd_bundle_verify)

    trusted = sub.add_parser("trust", help="quản lý khóa tin cậy")
    tsub = trusted.add_subparsers(dest="trust_command", required=True, parser_class=_Parser)
    p = tsub.add_parser("add")
    p.add_argument("file")
    p.add_argument("--name")
    p.add_argument(
        "--replaces",
        metavar="KEY_ID",
        help="khóa mới ký thay cho đơn vị của khóa cũ này (the key this one replaces)",
    )
    p.set_defaults(func=trust.cmd_trust_add)
    p = tsub.add_parser("add-dir", help="tin cậy mọi khóa *.pub trong một thư mục")
    p.add_argument("folder")
    p.set_defaults(func=trust.cmd_trust_add_dir)
    p = tsub.add_parser("list")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=trust.cmd_trust_list)
    p = tsub.add_parser("remove")
    p.add_argument("key_id")
    p.set_defaults(func=trust.cmd_trust_remove)

    p = sub.add_parser("import", help="nhập gói dữ liệu")
    p.add_argument("files", nargs="+")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=importing.cmd_import)

    p = sub.add_parser("list", help="liệt kê văn bản, mới nhất trước")
    p.add_argument("--category")
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=reading.cmd_list)

    p = sub.add_parser("categories", help="liệt kê chuyên mục")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=reading.cmd_categories)

    p = sub.add_parser("show", help="xem một văn bản")
    p.add_argument("id")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true")
    fmt.add_argument("--html", action="store_true")
    p.add_argument("--as-of", dest="as_of", type=_parse_day, help="hiệu lực tính đến ngày này")
    p.set_defaults(func=reading.cmd_show)

    p = sub.add_parser("search", help="tìm kiếm văn bản")
    p.add_argument("query")
    p.add_argument("--category")
    p.add_argument("--from", dest="date_from", type=_parse_day)
    p.add_argument("--to", dest="date_to", type=_parse_day)
    p.add_argument("--type")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument(
        "--sort",
        choices=("relevance", "newest"),
        default="relevance",
        help="phù hợp nhất (relevance) hoặc mới nhất (newest)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=reading.cmd_search)

    p = sub.add_parser("reindex", help="lập lại chỉ mục tìm kiếm")
    p.set_defaults(func=maintenance.cmd_reindex)

    p = sub.add_parser("backup", help="sao lưu kho dữ liệu ngay (back up the archive now)")
    p.set_defaults(func=maintenance.cmd_backup)
    bksub = p.add_subparsers(dest="backup_command", parser_class=_Parser)
    p = bksub.add_parser("prune", help="xóa bản sao lưu cũ (remove older backups)")
    p.add_argument("--keep", type=_at_least_one, default=None, help="số bản giữ lại")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=maintenance.cmd_backup_prune)
    p = sub.add_parser("restore", help="khôi phục kho dữ liệu từ bản sao lưu (restore a backup)")
    p.add_argument("file", nargs="?", help="bản sao lưu; mặc định là bản mới nhất")
    p.set_defaults(func=maintenance.cmd_restore)
    p = sub.add_parser("check", help="kiểm tra kho dữ liệu có bị hỏng không (check the archive)")
    p.set_defaults(func=maintenance.cmd_check)

    p = sub.add_parser("screenshot", help="chụp cửa sổ ra tệp PNG")
    p.add_argument("--out", required=True)
    p.add_argument("--notice")
    p.add_argument("--size", type=_parse_size, default=(1280, 800))
    p.add_argument("--search", help="hiện kết quả tìm kiếm những từ này")
    p.set_defaults(func=window.cmd_screenshot)

    p = sub.add_parser("print", help="in văn bản ra tệp PDF (khổ A4, thể thức hành chính)")
    p.add_argument("ids", nargs="+", metavar="ID")
    p.add_argument("--pdf", required=True, help="tệp PDF cần ghi")
    p.add_argument("--index", action="store_true", help="chỉ in danh mục: tên, số, ngày")
    p.set_defaults(func=printing.cmd_print)

    book = sub.add_parser("register", help="sổ đăng ký văn bản đến (incoming register)")
    rsub = book.add_subparsers(dest="register_command", required=True, parser_class=_Parser)
    p = rsub.add_parser("list", help="liệt kê sổ văn bản đến")
    p.add_argument("--year", type=int)
    p.add_argument("--status", choices=REGISTER_STATUSES)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=register.cmd_register_list)
    p = rsub.add_parser("set", help="ghi người nhận, ngày chuyển, tình trạng, ghi chú")
    p.add_argument("incoming_number", type=int, metavar="INCOMING_NUMBER")
    p.add_argument("--year", type=int, help="năm của sổ; mặc định năm nay")
    p.add_argument("--assigned-to", dest="assigned_to")
    p.add_argument("--handed-over", dest="handed_over", type=_parse_day)
    p.add_argument("--status", choices=REGISTER_STATUSES)
    p.add_argument("--note")
    p.set_defaults(func=register.cmd_register_set)
    p = rsub.add_parser("print", help="in sổ văn bản đến ra PDF (A4 ngang)")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--pdf", required=True)
    p.set_defaults(func=register.cmd_register_print)
    p = rsub.add_parser("export", help="xuất sổ văn bản đến ra tệp Excel")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--xlsx", required=True)
    p.set_defaults(func=register.cmd_register_export)

    p = sub.add_parser("todo", help="việc cần làm: văn bản có hạn xử lý chưa hoàn thành")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=todo.cmd_todo)

    receipts.add_commands(sub, _Parser, _parse_day)
    return parser


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
        if arg in ("--data-dir", "--lang"):
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
