"""Strict JSON for everything read from a bundle: no NaN, no duplicate keys, no lone surrogates."""

from __future__ import annotations

import json
from typing import Any


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def parse_json_bytes(data: bytes) -> Any:
    """Strict JSON from UTF-8 bytes: no NaN, no duplicate keys, no lone surrogates.

    Raises ValueError (UnicodeDecodeError for bytes that are not UTF-8).
    """

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in pairs:
            if key in out:
                raise ValueError(f"duplicate key {key!r}")
            out[key] = value
        return out

    def no_constants(name: str) -> Any:
        raise ValueError(f"{name} is not JSON")

    text = data.decode("utf-8")
    try:
        value = json.loads(text, object_pairs_hook=no_duplicates, parse_constant=no_constants)
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
