"""Strict JSON for everything read from a bundle: no NaN, no duplicate keys, no lone surrogates."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {key!r}")
        out[key] = value
    return out


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def parse_json_bytes(data: bytes) -> Any:
    """Strict JSON from UTF-8 bytes: no NaN, no duplicate keys, no lone surrogates.

    Raises ValueError (UnicodeDecodeError for bytes that are not UTF-8).
    """

    text = data.decode("utf-8")
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except RecursionError as exc:
        raise ValueError("JSON nested too deeply") from exc
    # Escapes such as "\ud800" decode to text that is not valid Unicode.
    if "\\u" in text:
        _check_strings(value)
    return value


def _check_strings(value: Any) -> None:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if not _encodable(item):
                raise ValueError("a JSON string holds a lone surrogate")
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item)
            stack.extend(item.values())


_SPACE = re.compile(r"[ \t\n\r]*")


class StreamedObject:
    """A JSON object whose one large array is read an element at a time.

    `parse_streamed` checks the whole text as `parse_json_bytes` would and
    keeps every member but that array, whose elements `items` parses again,
    one at a time, when asked: a manifest of 300,000 notices is never held
    as 300,000 dicts at once. The text itself is held.
    """

    def __init__(self, text: str, key: str) -> None:
        self._text = text
        self._key = key
        self._check = "\\u" in text
        self._decoder = json.JSONDecoder(
            object_pairs_hook=_no_duplicates, parse_constant=_no_constants
        )
        self._start: int | None = None
        self.members: dict[str, Any] = {}

    def _skip(self, index: int) -> int:
        match = _SPACE.match(self._text, index)
        assert match is not None
        return match.end()

    def _value(self, index: int) -> tuple[Any, int]:
        try:
            value, end = self._decoder.raw_decode(self._text, index)
        except RecursionError as exc:
            raise ValueError("JSON nested too deeply") from exc
        if self._check:
            _check_strings(value)
        return value, end

    def _elements(self, index: int, ends: list[int]) -> Iterator[Any]:
        """The elements of the array at *index*; its end goes into *ends*."""
        text = self._text
        index = self._skip(index + 1)
        if text[index : index + 1] == "]":
            ends.append(index + 1)
            return
        while True:
            value, index = self._value(self._skip(index))
            yield value
            index = self._skip(index)
            sep = text[index : index + 1]
            if sep == "]":
                ends.append(index + 1)
                return
            if sep != ",":
                raise ValueError(f"expected ',' or ']' at {index}")
            index += 1

    def parse(self) -> None:
        text = self._text
        index = self._skip(0)
        if text[index : index + 1] != "{":
            raise _NotObject()
        index = self._skip(index + 1)
        if text[index : index + 1] == "}":
            index += 1
        else:
            while True:
                key, index = self._value(self._skip(index))
                if not isinstance(key, str):
                    raise ValueError(f"a key that is not text at {index}")
                if key in self.members:
                    raise ValueError(f"duplicate key {key!r}")
                index = self._skip(index)
                if text[index : index + 1] != ":":
                    raise ValueError(f"expected ':' at {index}")
                index = self._skip(index + 1)
                if key == self._key and text[index : index + 1] == "[":
                    self._start = index
                    ends: list[int] = []
                    for _element in self._elements(index, ends):
                        pass  # checked, then let go
                    index = ends[0]
                    self.members[key] = None  # replaced by `items` for the reader
                else:
                    self.members[key], index = self._value(index)
                index = self._skip(index)
                sep = text[index : index + 1]
                if sep == "}":
                    index += 1
                    break
                if sep != ",":
                    raise ValueError(f"expected ',' or '}}' at {index}")
                index += 1
        if self._skip(index) != len(text):
            raise ValueError(f"extra data at {index}")

    @property
    def streamed(self) -> bool:
        """Whether the object held the array (and `items` yields its elements)."""
        return self._start is not None

    def items(self) -> Iterator[Any]:
        """The array's elements, parsed again one at a time."""
        if self._start is None:
            return iter(())
        return self._elements(self._start, [])


class _NotObject(Exception):
    pass


def parse_streamed(data: bytes | memoryview, key: str) -> tuple[Any, StreamedObject | None]:
    """`parse_json_bytes`, but a top-level object's array *key* is left to be streamed.

    Returns (the members, with *key* None, and the StreamedObject) for an
    object; (the whole value, None) for anything else. Raises ValueError as
    `parse_json_bytes` does, for the same texts.
    """
    text = str(data, "utf-8")
    streamed = StreamedObject(text, key)
    try:
        streamed.parse()
    except _NotObject:
        return parse_json_bytes(text.encode("utf-8")), None
    return streamed.members, streamed
