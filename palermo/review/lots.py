"""The drawing of lots for the review mechanism: plain Python, no Django.

Each State under review on an instrument gets two reviewing States: one from its own UN regional
group and one from another group. Both must be recorded as parties to the instrument, and neither
may be the State itself. Among the States that could take a slot, the one with the fewest reviews
so far in the cycle is preferred; ties are broken by a random generator seeded with the recorded
seed, so the same seed, pool and loads always give the same result.

After the first pass, a repair pass moves a slot from a reviewer to an eligible State with at
least two fewer reviews, until no such move remains. The outcome is *locally fair*: no reviewer
carries two or more reviews more than any State that could have taken one of its slots.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

SAME_GROUP = "same_group"
OTHER_GROUP = "other_group"
SLOT_KINDS = (SAME_GROUP, OTHER_GROUP)


@dataclass(frozen=True)
class Candidate:
    """A State recorded as party to the instrument, identified by its ISO alpha-3 code."""

    code: str
    group: str


@dataclass(frozen=True)
class DrawFailure:
    """One constraint that cannot be met, for one State under review."""

    state: str
    constraint: str  # "not_party", "no_group", SAME_GROUP or OTHER_GROUP
    group: str = ""


class DrawImpossible(Exception):
    def __init__(self, failures: list[DrawFailure]) -> None:
        self.failures = failures
        super().__init__("; ".join(f"{f.state}: {f.constraint}" for f in failures))


@dataclass
class DrawOutcome:
    """Reviewers per State under review, and the load of every candidate afterwards."""

    pairs: dict[str, dict[str, str]]
    loads: dict[str, int] = field(default_factory=dict)


def eligible(
    state: Candidate, kind: str, pool: Iterable[Candidate], excluded: Iterable[str] = ()
) -> list[str]:
    """Codes of the States that may take `kind` slot for `state`, in a stable order."""
    barred = set(excluded) | {state.code}
    if kind == SAME_GROUP:
        codes = [c.code for c in pool if c.group == state.group and c.code not in barred]
    else:
        codes = [c.code for c in pool if c.group != state.group and c.code not in barred]
    return sorted(set(codes))


def check_feasible(
    under_review: Iterable[str],
    pool: Iterable[Candidate],
    excluded: Mapping[str, Iterable[str]] | None = None,
) -> list[DrawFailure]:
    """Every constraint that cannot be met, State by State (empty when the draw can go ahead)."""
    by_code = {c.code: c for c in pool}
    failures: list[DrawFailure] = []
    for code in under_review:
        state = by_code.get(code)
        if state is None:
            failures.append(DrawFailure(code, "not_party"))
            continue
        if not state.group:
            failures.append(DrawFailure(code, "no_group"))
            continue
        for kind in SLOT_KINDS:
            barred = (excluded or {}).get(code, ())
            if not eligible(state, kind, by_code.values(), barred):
                failures.append(DrawFailure(code, kind, state.group))
    return failures


def draw_reviewers(
    under_review: Iterable[str],
    pool: Iterable[Candidate],
    seed: int,
    loads: Mapping[str, int] | None = None,
    excluded: Mapping[str, Iterable[str]] | None = None,
) -> DrawOutcome:
    """Draw two reviewers for each State under review. Raises DrawImpossible, drawing nothing.

    `loads` counts reviews each State already performs in the cycle; `excluded` bars reviewers
    per State (a redraw excludes the reviewers drawn before).
    """
    states = sorted(set(under_review))
    candidates = sorted({c.code: c for c in pool if c.group}.values(), key=lambda c: c.code)
    everyone = {c.code: c for c in pool}
    failures = check_feasible(states, list(everyone.values()), excluded)
    if failures:
        raise DrawImpossible(failures)
    rng = random.Random(seed)  # noqa: S311 (reproducible by design; the seed is recorded)
    load = {c.code: 0 for c in candidates}
    for code, count in (loads or {}).items():
        if code in load:
            load[code] = count

    slots: list[tuple[str, str, list[str]]] = []
    for code in states:
        for kind in SLOT_KINDS:
            options = eligible(everyone[code], kind, candidates, (excluded or {}).get(code, ()))
            slots.append((code, kind, options))
    # The most constrained slots choose first; the random key orders slots of equal freedom.
    order = sorted(slots, key=lambda slot: (len(slot[2]), rng.random()))
    assigned: dict[tuple[str, str], str] = {}
    for code, kind, options in order:
        fewest = min(load[o] for o in options)
        choice = rng.choice([o for o in options if load[o] == fewest])
        assigned[(code, kind)] = choice
        load[choice] += 1

    _rebalance(order, assigned, load, rng)
    pairs: dict[str, dict[str, str]] = {code: {} for code in states}
    for (code, kind), reviewer in assigned.items():
        pairs[code][kind] = reviewer
    return DrawOutcome(pairs=pairs, loads=load)


def _rebalance(
    slots: list[tuple[str, str, list[str]]],
    assigned: dict[tuple[str, str], str],
    load: dict[str, int],
    rng: random.Random,
) -> None:
    """Move slots to eligible States with two or more fewer reviews until none is left.

    Each move lowers the sum of squared loads, so the loop ends.
    """
    moved = True
    while moved:
        moved = False
        for code, kind, options in slots:
            current = assigned[(code, kind)]
            lighter = [o for o in options if load[o] <= load[current] - 2]
            if not lighter:
                continue
            fewest = min(load[o] for o in lighter)
            choice = rng.choice([o for o in lighter if load[o] == fewest])
            assigned[(code, kind)] = choice
            load[current] -= 1
            load[choice] += 1
            moved = True
