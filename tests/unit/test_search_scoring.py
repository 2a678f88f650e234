"""Scoring's shortcuts give the scores the plain computation gives.

`db.search.scoring` looks for a query's words in fields whose runs of
separators are not folded, and works out relevance only for the tiers that
reach the page: both must answer exactly as before, whatever the text.
"""

from __future__ import annotations

import random

import pytest

from db.search import scoring
from db.search.intent import reference
from db.search.query import compact_query, parse
from db.search.scoring import Fields, Scorer
from db.search.text import fold_text

WORDS = ["ke", "hoach", "so", "54", "kh", "ubnd", "ủy", "ban", "nhan", "dan", "a", "đ"]
SEPARATORS = [" ", ",", ".", "-", "/", "(", ")", "–", "_", "\u00a0", " - ", ", "]


def texts(seed: int, count: int) -> list[str]:
    """Words with runs of one to nine separators between them, at the ends too."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        parts = ["".join(rng.choices(SEPARATORS, k=rng.randint(0, 3)))]
        for _ in range(rng.randint(0, 8)):
            parts.append(rng.choice(WORDS))
            parts.append("".join(rng.choices(SEPARATORS, k=rng.randint(1, 9))))
        out.append("".join(parts).rstrip() if rng.random() < 0.5 else "".join(parts))
    return out


def needles(seed: int) -> list[str]:
    """Needles as the scorer makes them (one word, two words, prefixes,
    citations) and a few it never makes, with wider runs."""
    rng = random.Random(seed)
    out = [" 54 kh ", " ke hoach so 54 ", " so 54 ", "  54 ", " 54  kh ", " kh  ", "54 k", "  "]
    for _ in range(200):
        words = rng.choices(WORDS, k=rng.randint(1, 3))
        end = rng.choice(["", " "])
        out.append(" " + " ".join(scoring._norm(w).strip() or w for w in words) + end)
    return out


def test_finder_answers_as_in_on_the_folded_text() -> None:
    for needle in needles(3):
        found = scoring._finder(needle)
        for text in texts(7, 300):
            expected = needle in scoring._norm(text)
            assert found(scoring._spaced(text)) is expected, (needle, text)


def test_norm_is_the_spaced_text_with_runs_folded() -> None:
    for text in texts(11, 300):
        spaced = scoring._spaced(text)
        assert scoring._fold_runs(spaced) == scoring._norm(text)
        assert spaced.replace(" ", "") == scoring._norm(text).replace(" ", "")


def fields(rowid: int, rng: random.Random) -> Fields:
    title = " ".join(rng.choices(WORDS, k=rng.randint(0, 5)))
    body = " ".join(rng.choices(WORDS, k=rng.randint(0, 12)))
    return Fields(
        rowid=rowid,
        title=fold_text(title),
        number=rng.choice(["", "54/kh-ubnd 54khubnd", "540/kh-ubnd 540khubnd", "54/tb 54tb"]),
        body=fold_text(body),
        meta=rng.choice(["", "ubnd ke hoach", "so noi vu"]),
        exact=rng.choice(["", "ủy", "ủy đ"]),
        title_exact=frozenset(rng.choice([(), ("ủy",), ("đ",)])),
        doc_type=rng.choice([None, "ke hoach"]),
        issuer=rng.choice([None, "ubnd"]),
        summary_chars=rng.randint(0, 30),
    )


@pytest.mark.parametrize(
    "query", ["ke hoach", "kế hoạch 54", "ủy ban nhân dân", "54/KH-UBND", "ban nha", "ủy kh"]
)
def test_rank_is_the_best_of_every_score(query: str) -> None:
    rng = random.Random(query)
    notices = [fields(rowid, rng) for rowid in range(300)]
    q = parse(query)
    scorer = Scorer(q, reference(q), compact_query(q))
    every = sorted(
        ((*scorer.score(f), f.rowid) for f in notices), key=lambda s: (-s[0], -s[1], s[2])
    )
    assert len({tier for tier, _r, _id in every}) > 1  # the pruning has tiers to skip
    for need in (1, 5, 20, 100, 300, 400):
        ranked = scorer.rank(notices, need)
        assert ranked[:need] == every[:need]
        assert len(ranked) >= min(need, len(every))


def test_a_word_missing_from_the_heading_is_looked_for_in_the_body() -> None:
    q = parse("ke hoach phong chay ")
    scorer = Scorer(q, reference(q), compact_query(q))
    rng = random.Random(1)
    base = fields(1, rng)

    def tier(title: str, body: str) -> int:
        f = Fields(**{**base.__dict__, "title": title, "body": body, "meta": "", "number": ""})
        return scorer.score(f)[0]

    assert tier("ke hoach phong chay", "") == 1
    assert tier("ke hoach phong", "chay rung") == 0
    assert tier("ke hoach phong", "chay-rung") == 0
    assert tier("ke hoach phong", "chayrung") == -1
    assert tier("ke hoach", "phong") == -1


#: Titles as written, and their marked words as `fields` draws them.
WRITTEN = {(): "Ke hoach 54", ("ủy",): "Ủy ban", ("đ",): "Đ 54"}


@pytest.mark.parametrize("query", ["ủy kh", "ủy ban", "đ 54", "ủy ban nhân dân", "ban nhà"])
def test_typed_words_answered_by_the_engine_score_as_the_marked_words(query: str) -> None:
    """PostgreSQL sends whether each typed word is among a notice's marked
    words, and the title as written, instead of the words themselves."""
    rng = random.Random(query)
    q = parse(query)
    scorer = Scorer(q, reference(q), compact_query(q))
    tiers = set()
    for rowid in range(400):
        f = fields(rowid, rng)
        marked = f" {f.exact} "
        answered = Fields(
            **{
                **f.__dict__,
                "exact": "",
                "title_exact": frozenset(),
                "typed": tuple(needle in marked for needle in scorer.typed_needles()),
                "written_title": WRITTEN[tuple(sorted(f.title_exact))],
            }
        )
        assert answered.title_words() == f.title_exact
        assert scorer.score(answered) == scorer.score(f), f
        tiers.add(scorer.score(f)[0])
    if query in ("ủy kh", "ủy ban", "đ 54"):
        assert {2, 3} <= tiers  # the typed words decided some tiers
