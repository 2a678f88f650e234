"""The grammar of `bangtin`: every command and option explained, in both languages."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator

import pytest

from desktop.cli.parser import argparse_language, build_parser
from desktop.messages import CATALOG, LANGS


def _parsers(parser: argparse.ArgumentParser) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    yield parser.prog, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                yield from _parsers(child)


@pytest.mark.parametrize("lang", LANGS)
def test_every_command_and_option_has_help(lang: str) -> None:
    with argparse_language(lang):
        parser = build_parser(lang)
    seen = 0
    for prog, each in _parsers(parser):
        assert each.description, prog
        for action in each._actions:
            if isinstance(action, argparse._SubParsersAction):
                assert all(choice.help for choice in action._choices_actions), prog
                continue
            assert action.help and action.help.strip(), f"{prog} {action.option_strings}"
            seen += 1
    assert seen > 60


def test_the_two_languages_say_different_things() -> None:
    helps: dict[str, list[str]] = {}
    for lang in LANGS:
        with argparse_language(lang):
            parser = build_parser(lang)
        helps[lang] = [
            str(a.help) for _p, each in _parsers(parser) for a in each._actions if a.help
        ]
    same = [vi for vi, en in zip(helps["vi"], helps["en"], strict=True) if vi == en]
    assert same == []


@pytest.mark.parametrize("key", sorted(k for k in CATALOG if k.startswith("argparse_")))
def test_argparse_words_keep_their_placeholders(key: str) -> None:
    vi, en = CATALOG[key]
    placeholders = re.compile(r"%\(\w+\)[sr]|%[sr]")
    assert sorted(placeholders.findall(vi)) == sorted(placeholders.findall(en))


def test_argparse_words_are_put_back_after_the_block() -> None:
    before = argparse._  # type: ignore[attr-defined]
    with argparse_language("vi"):
        assert argparse._("options") == "tùy chọn"  # type: ignore[attr-defined]
    assert argparse._ is before  # type: ignore[attr-defined]
    assert argparse._("options") == "options"  # type: ignore[attr-defined]


def test_names_the_vietnamese_usage_shows_are_vietnamese() -> None:
    # argparse shows an argument's metavar (else its dest) in usage and errors.
    with argparse_language("vi"):
        parser = build_parser("vi")
    english = re.compile(r"^[A-Z_]+$|^[a-z_]+_command$|^command$")
    shown = []
    for prog, each in _parsers(parser):
        for action in each._actions:
            if action.option_strings:
                continue  # options show their flags
            name = action.metavar or action.dest
            if isinstance(name, str) and english.match(name) and name not in ("URL", "YYYY"):
                shown.append(f"{prog}: {name}")
    assert shown == []


@pytest.mark.parametrize(
    ("typed", "status"),
    [
        ("in_progress", "in_progress"),
        ("đang xử lý", "in_progress"),
        ("dang xu ly", "in_progress"),
        ("Đang Xử Lý", "in_progress"),
        ("hoàn thành", "done"),
        ("hoan-thanh", "done"),
        ("Đã tiếp nhận", "received"),
        ("In progress", "in_progress"),
    ],
)
def test_a_register_status_is_taken_in_the_words_the_window_shows(typed: str, status: str) -> None:
    # A clerk types the status as the register's column says it, with or without diacritics.
    for command in ("set", "list"):
        extra = ["1"] if command == "set" else []
        args = build_parser("vi").parse_args(["register", command, *extra, "--status", typed])
        assert args.status == status


def test_a_register_status_that_is_none_is_refused_in_one_sentence() -> None:
    from desktop.cli.parser import UsageError

    with pytest.raises(UsageError) as refused:
        build_parser("vi").parse_args(["register", "set", "1", "--status", "xong"])
    assert refused.value.command == "bangtin register set"
    assert refused.value.detail.endswith(
        "«xong» không phải là tình trạng xử lý; hãy viết «đã tiếp nhận», «đang xử lý» "
        "hoặc «hoàn thành»"
    )
