"""The relevance bench's inputs: a citing corpus and a judged set, the same for a seed."""

from __future__ import annotations

from collections import Counter

from bench import citing, relevance


def test_the_corpus_is_the_same_for_a_seed_and_its_families_cite_their_document() -> None:
    a, b = citing.corpus(600, seed=5), citing.corpus(600, seed=5)
    assert a.notices == b.notices
    assert citing.corpus(600, seed=6).notices != a.notices
    notices = {n.id: n for n in a.notices}
    for family in a.families:
        number = family.main.number
        assert number and family.members[0] == family.main.id
        # Every notice of the family but its document cites it by number.
        for member in family.members[1:]:
            cited = notices[member]
            assert number in cited.title + cited.body, (number, cited.title)


def test_the_judged_set_has_every_kind_and_a_document_meant_for_each_query() -> None:
    data = citing.corpus(3000, seed=11)
    judged = relevance.judged_set(data, seed=11)
    assert len(judged) >= 150
    kinds = Counter(j.kind for j in judged)
    assert set(kinds) == set(relevance.KINDS)
    ids = {n.id for n in data.notices}
    for j in judged:
        assert 2 in j.grades.values(), j.query
        assert set(j.grades) <= ids


def test_metrics() -> None:
    grades = {"a": 2, "b": 1}
    assert relevance.mrr(["x", "a"], grades) == 0.5
    assert relevance.mrr(["b", "x"], grades) == 0.0
    assert relevance.ndcg(["a", "b"], grades) == 1.0
    assert 0 < relevance.ndcg(["b", "a"], grades) < 1
