"""Text folding for search, and NFC on the way in."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from db.folding import fold, nfc
from db.search import fold_text
from db.search.text import WORD, exact_columns, exact_words, words


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("đăng ký", "dang ky"),
        ("Đà Nẵng", "da nang"),
        ("ĐĂNG KÝ KẾT HÔN", "dang ky ket hon"),
        ("Quyết định số 1587/QĐ-UBND", "quyet dinh so 1587/qd-ubnd"),
        ("Ủy ban nhân dân", "uy ban nhan dan"),
        ("Thủ tục hành chính", "thu tuc hanh chinh"),
        ("Nguyễn Thị Ngọc Ánh", "nguyen thi ngoc anh"),
        ("dang ky", "dang ky"),
        ("", ""),
        # Letters whose case mapping or decomposition brings marks of their own.
        ("İstanbul", "istanbul"),
        ("Straße", "strasse"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_nfd_and_nfc_fold_the_same() -> None:
    for text in ("Đà Nẵng", "đăng ký hộ tịch", "Quyết định", "Ủy ban"):
        nfd = unicodedata.normalize("NFD", text)
        assert nfd != text
        assert fold(nfd) == fold(text)


def test_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Thông báo")
    assert nfc(nfd) == "Thông báo"
    assert len(nfc(nfd)) < len(nfd)
    assert nfc("Thông báo") == "Thông báo"


_vietnamese = st.text(
    alphabet=st.sampled_from(
        "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY "
        "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
        "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ0123456789/-"
    )
)
_any_text = st.one_of(_vietnamese, st.text())


def _no_marks_no_d(text: str) -> bool:
    return not any(unicodedata.combining(ch) for ch in text) and not ({"đ", "Đ"} & set(text))


@example("İ\u0345ᾼǅ")
@example("d\u0335")
@given(_any_text)
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@example("İ\u0345ᾼǅ")
@example("d\u0335")
@given(_any_text)
def test_fold_leaves_no_marks_and_no_d_bar(text: str) -> None:
    assert _no_marks_no_d(fold(text))


@given(_any_text)
def test_fold_ignores_the_normal_form(text: str) -> None:
    for form in ("NFC", "NFD"):
        assert fold(unicodedata.normalize(form, text)) == fold(text)


@given(_vietnamese)
def test_vietnamese_folds_to_plain_ascii_lowercase(text: str) -> None:
    folded = fold(text)
    assert folded.isascii()
    assert folded == folded.lower()
    assert len(folded) == len(nfc(text))


@given(st.text())
def test_nfc_is_idempotent_and_normal(text: str) -> None:
    once = nfc(text)
    assert unicodedata.is_normalized("NFC", once)
    assert nfc(once) == once


# The index's fast fold (a translate table for Latin and Vietnamese text).


@given(st.text())
def test_fast_fold_equals_reference_fold(value: str) -> None:
    assert fold_text(value) == fold(value)


@given(st.text(alphabet=st.characters(max_codepoint=0x036F) | st.sampled_from("đĐặẫỹỰ")))
def test_fast_fold_equals_reference_fold_on_latin(value: str) -> None:
    assert fold_text(value) == fold(value)


def test_fast_fold_equals_reference_fold_for_each_character_of_its_table() -> None:
    # Each code point the list table holds, and the first ones past its end.
    for cp in range(0x2000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        text = f"A{chr(cp)}b"
        assert fold_text(text) == fold(text), hex(cp)


_VIET = st.text(
    alphabet=st.characters(max_codepoint=0x036F) | st.sampled_from("đĐặẫỹỰ İß_-“”–…\u00a0\u3000")
)


def _exact_words_by_the_regex(*texts: str | None) -> str:
    # The definition: every word of each text, casefolded, distinct, those
    # that folding changes.
    found = (WORD.findall(nfc(t).casefold()) for t in texts if t)
    distinct = dict.fromkeys(w for words_of in found for w in words_of)
    return " ".join(w for w in distinct if fold(w) != w)


@given(st.lists(st.one_of(st.none(), _VIET, st.text()), max_size=5))
@example(["“Quyết định” số 12–QĐ: quyết định, ĐÃ\u00a0ban hành", "x\ud800ệ ệ"])
@example(["ệa\u2013ế\u2013x ế\u2013", "ệ_ế a1ệ"])
def test_exact_words_are_the_marked_words_the_regex_finds(texts: list[str | None]) -> None:
    assert exact_words(*texts) == _exact_words_by_the_regex(*texts)


def test_exact_words_split_at_every_character_that_is_no_word_character() -> None:
    for cp in range(0x3400):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        text = f"ệa{chr(cp)}Ế{chr(cp)}x ế{chr(cp)}"
        assert exact_words(text) == _exact_words_by_the_regex(text), hex(cp)


@given(st.one_of(st.none(), _VIET, st.text()), st.lists(st.one_of(st.none(), _VIET), max_size=4))
@example("Quyết định về Quyết định", ["Ủy ban quyết định", None, ""])
def test_exact_columns_are_the_exact_words_of_the_title_and_of_all(
    title: str | None, others: list[str | None]
) -> None:
    assert exact_columns(title, *others) == (exact_words(title), exact_words(title, *others))


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)) | st.text())
@example("54/kh-ubnd 54khubnd a_b\x1c\x1fc")
def test_the_fast_word_split_equals_the_regular_expression(value: str) -> None:
    # The indexer splits folded text (nearly always ASCII) without it.
    assert words(value) == WORD.findall(value)
    assert words(fold_text(value)) == WORD.findall(fold_text(value))
