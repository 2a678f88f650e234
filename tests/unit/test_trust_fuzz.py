"""Fuzzing the trust documents a bundle carries: delegations, revocations, rotations (hypothesis).

Whatever a USB stick holds in these fields, parsing either returns a
document or raises ManifestError (one sentence, never a crash), and a
document changed anywhere in its signed part no longer verifies.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.bundles import keys, trustdocs
from desktop.bundles.manifest import ManifestError, parse_json_bytes
from desktop.bundles.trustdocs import Root

ROOT_KEY = Ed25519PrivateKey.generate()
ROOT = Root.of([keys.public_raw(ROOT_KEY)])
SIGNING = keys.public_raw(Ed25519PrivateKey.generate())
NEXT_ROOT = Root.of([keys.public_raw(Ed25519PrivateKey.generate())])
CREATED = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)

DOCUMENTS: dict[str, tuple[Any, Callable[[Any], trustdocs.Document]]] = {
    "delegation": (
        trustdocs.make_delegation(
            [ROOT_KEY], ROOT, SIGNING, "ubnd-tinh-son-ha", date(2030, 1, 1), CREATED
        ),
        trustdocs.delegation_from_json,
    ),
    "revocation": (
        trustdocs.make_revocation([ROOT_KEY], ROOT, "0123456789abcdef", "Bị lộ", CREATED),
        trustdocs.revocation_from_json,
    ),
    "rotation": (
        trustdocs.make_rotation([ROOT_KEY], ROOT, NEXT_ROOT, CREATED),
        trustdocs.rotation_from_json,
    ),
}

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=80),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=20,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside *value* (dict keys and list indexes)."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(_paths(item, (*prefix, key)))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found.extend(_paths(item, (*prefix, i)))
    return found


def _mutate(doc: Any, path: tuple[Any, ...], how: str, value: Any) -> Any:
    if not path:
        return value
    parent = doc
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if how == "delete" and isinstance(parent, dict):
        del parent[last]
    elif how == "add" and isinstance(parent, dict):
        parent["extra"] = value
    else:
        parent[last] = value
    return doc


@pytest.mark.parametrize("kind", sorted(DOCUMENTS))
def test_a_made_document_parses_and_verifies(kind: str) -> None:
    envelope, parse = DOCUMENTS[kind]
    document = parse(copy.deepcopy(envelope))
    assert document.signed_by(ROOT)
    assert not document.signed_by(NEXT_ROOT)
    # Written to a file and read back: the same bytes are signed.
    again = parse(parse_json_bytes(json.dumps(envelope, ensure_ascii=False).encode()))
    assert again.message == document.message


@pytest.mark.parametrize("kind", sorted(DOCUMENTS))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_mutated_document_is_refused_or_no_longer_verifies(
    kind: str, data: st.DataObject
) -> None:
    envelope, parse = DOCUMENTS[kind]
    doc = copy.deepcopy(envelope)
    path = data.draw(st.sampled_from(_paths(doc)))
    how = data.draw(st.sampled_from(["replace", "delete", "add"]))
    value = data.draw(json_values)
    changed = _mutate(doc, path, how, value)
    try:
        document = parse(changed)
    except ManifestError as exc:
        assert exc.detail.render("vi") and exc.detail.render("en")
        return
    if path[:1] == ("signed",) and changed["signed"] != envelope["signed"]:
        assert not document.signed_by(ROOT)


@pytest.mark.parametrize("kind", sorted(DOCUMENTS))
@settings(max_examples=200, deadline=None)
@given(value=json_values)
def test_any_json_is_a_document_or_one_refusal(kind: str, value: Any) -> None:
    _envelope, parse = DOCUMENTS[kind]
    try:
        parse(value)
    except ManifestError:
        pass


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=400))
def test_any_bytes_in_the_trust_fields_are_a_manifest_error(data: bytes) -> None:
    try:
        value = parse_json_bytes(data)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return
    for field in ("delegation", "revocations", "root_chain", "base", "channel"):
        try:
            trustdocs.fields_from_json({field: value})
        except ManifestError:
            pass


@settings(max_examples=100, deadline=None)
@given(reason=st.text(min_size=1, max_size=400))
def test_a_revocation_reason_is_one_clean_line_or_refused(reason: str) -> None:
    envelope = trustdocs.make_revocation([ROOT_KEY], ROOT, "0123456789abcdef", reason, CREATED)
    try:
        found = trustdocs.revocation_from_json(envelope)
    except ManifestError:
        return
    assert found.reason and "\n" not in found.reason and len(found.reason) <= 300
    assert "\u202e" not in found.reason


def test_a_list_of_too_many_revocations_is_refused() -> None:
    envelope = DOCUMENTS["revocation"][0]
    with pytest.raises(ManifestError):
        trustdocs.fields_from_json({"revocations": [envelope] * (trustdocs.MAX_REVOCATIONS + 1)})


def test_a_signature_from_a_key_listed_twice_counts_once() -> None:
    board = Root.of([keys.public_raw(ROOT_KEY), keys.public_raw(Ed25519PrivateKey.generate())], 2)
    envelope = trustdocs.make_delegation(
        [ROOT_KEY], board, SIGNING, "ubnd-tinh-son-ha", date(2030, 1, 1), CREATED
    )
    envelope["signatures"] = envelope["signatures"] * 2
    with pytest.raises(ManifestError):
        trustdocs.delegation_from_json(envelope)
    envelope["signatures"] = envelope["signatures"][:1]
    assert not trustdocs.delegation_from_json(envelope).signed_by(board)
