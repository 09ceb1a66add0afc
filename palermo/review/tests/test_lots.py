"""Properties of the drawing of lots over many random pools (hypothesis), and its refusals."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from palermo.review.lots import (
    OTHER_GROUP,
    SAME_GROUP,
    Candidate,
    DrawFailure,
    DrawImpossible,
    check_feasible,
    draw_reviewers,
    eligible,
)

GROUPS = ["african", "apg", "eeg", "grulac", "weog"]


@st.composite
def pools(draw: st.DrawFn) -> tuple[list[Candidate], list[str], dict[str, int], int]:
    """A random pool of parties in up to five groups, a feasible set under review, prior loads."""
    size = draw(st.integers(min_value=3, max_value=40))
    groups = draw(st.lists(st.sampled_from(GROUPS), min_size=size, max_size=size))
    pool = [Candidate(f"S{i:02d}", group) for i, group in enumerate(groups)]
    feasible = [c.code for c in pool if not check_feasible([c.code], pool)]
    under_review = (
        draw(st.lists(st.sampled_from(feasible), unique=True, max_size=len(feasible)))
        if feasible
        else []
    )
    loads = draw(
        st.dictionaries(st.sampled_from([c.code for c in pool]), st.integers(0, 3), max_size=5)
    )
    seed = draw(st.integers(min_value=0, max_value=2**63 - 1))
    return pool, under_review, loads, seed


@settings(max_examples=400, deadline=None)
@given(pools())
def test_every_draw_meets_the_constraints_and_is_locally_fair(case) -> None:
    pool, under_review, loads, seed = case
    groups = {c.code: c.group for c in pool}
    outcome = draw_reviewers(under_review, pool, seed, loads)
    assert set(outcome.pairs) == set(under_review)
    final = dict(outcome.loads)
    for state, pair in outcome.pairs.items():
        same, other = pair[SAME_GROUP], pair[OTHER_GROUP]
        assert state not in (same, other)  # never itself
        assert same in groups and other in groups  # only parties
        assert groups[same] == groups[state]  # one from its own group
        assert groups[other] != groups[state]  # one from another group
    # Fair load: no reviewer carries two or more reviews more than a State that could take its slot.
    for state, pair in outcome.pairs.items():
        for kind, reviewer in pair.items():
            for alternative in eligible(Candidate(state, groups[state]), kind, pool):
                assert final[reviewer] <= final[alternative] + 1
    # Loads count exactly the slots drawn on top of the prior loads.
    drawn = sum(final.values()) - sum(loads.get(c.code, 0) for c in pool)
    assert drawn == 2 * len(under_review)


@settings(max_examples=200, deadline=None)
@given(pools())
def test_same_seed_same_result(case) -> None:
    pool, under_review, loads, seed = case
    first = draw_reviewers(under_review, pool, seed, loads)
    again = draw_reviewers(list(reversed(under_review)), list(reversed(pool)), seed, loads)
    assert first.pairs == again.pairs


@settings(max_examples=200, deadline=None)
@given(pools())
def test_excluded_reviewers_are_never_drawn(case) -> None:
    pool, under_review, loads, seed = case
    if not under_review:
        return
    first = draw_reviewers(under_review, pool, seed, loads)
    state = under_review[0]
    excluded = {state: list(first.pairs[state].values())}
    if check_feasible([state], pool, excluded):
        with pytest.raises(DrawImpossible):
            draw_reviewers([state], pool, seed + 1, loads, excluded)
        return
    again = draw_reviewers([state], pool, seed + 1, loads, excluded)
    assert not set(again.pairs[state].values()) & set(excluded[state])


def test_balanced_when_every_state_of_one_group_is_reviewed() -> None:
    """Ten States of one group review each other: each performs exactly one same-group review."""
    pool = [Candidate(f"W{i}", "weog") for i in range(10)] + [
        Candidate(f"G{i}", "grulac") for i in range(10)
    ]
    outcome = draw_reviewers([f"W{i}" for i in range(10)], pool, seed=7)
    same = [pair[SAME_GROUP] for pair in outcome.pairs.values()]
    assert sorted(same) == sorted(f"W{i}" for i in range(10))
    other = [pair[OTHER_GROUP] for pair in outcome.pairs.values()]
    assert sorted(other) == sorted(f"G{i}" for i in range(10))


REFUSALS = [
    # (pool, under review, expected failures)
    (
        [Candidate("AAA", "weog"), Candidate("BBB", "grulac")],
        ["AAA"],
        [DrawFailure("AAA", SAME_GROUP, "weog")],
    ),
    (
        [Candidate("AAA", "weog"), Candidate("CCC", "weog")],
        ["AAA"],
        [DrawFailure("AAA", OTHER_GROUP, "weog")],
    ),
    (
        [Candidate("AAA", "weog"), Candidate("CCC", "weog")],
        ["ZZZ"],
        [DrawFailure("ZZZ", "not_party")],
    ),
    ([Candidate("AAA", ""), Candidate("CCC", "weog")], ["AAA"], [DrawFailure("AAA", "no_group")]),
    (
        [Candidate("AAA", "weog"), Candidate("BBB", "grulac"), Candidate("CCC", "weog")],
        ["AAA", "BBB"],
        [DrawFailure("BBB", SAME_GROUP, "grulac")],
    ),
]


@pytest.mark.parametrize("pool, under_review, expected", REFUSALS)
def test_impossible_draws_say_which_constraint_failed_for_whom(
    pool, under_review, expected
) -> None:
    with pytest.raises(DrawImpossible) as refused:
        draw_reviewers(under_review, pool, seed=1)
    assert refused.value.failures == expected
