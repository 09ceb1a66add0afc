"""The lifecycle as tables: what each state leads to, and who may take which step."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from palermo.cases.models import Case
from palermo.cases.services import (
    InvalidTransition,
    StaleCase,
    available_transitions,
    transition_case,
)
from palermo.cases.tests.factories import CaseFactory
from palermo.cases.workflow import INCOMING, OUTGOING, targets_from

INCOMING_TABLE = [
    ("received", {"registered", "withdrawn", "no_longer_needed"}),
    ("registered", {"completeness_check", "withdrawn", "no_longer_needed"}),
    (
        "completeness_check",
        {"info_requested", "accepted", "consultation", "withdrawn", "no_longer_needed"},
    ),
    ("info_requested", {"completeness_check", "consultation", "withdrawn", "no_longer_needed"}),
    (
        "accepted",
        {"info_requested", "assigned_executing", "consultation", "withdrawn", "no_longer_needed"},
    ),
    (
        "assigned_executing",
        {"info_requested", "in_execution", "consultation", "withdrawn", "no_longer_needed"},
    ),
    (
        "in_execution",
        {
            "info_requested",
            "partially_executed",
            "executed",
            "consultation",
            "withdrawn",
            "no_longer_needed",
        },
    ),
    ("partially_executed", {"executed", "withdrawn", "no_longer_needed"}),
    (
        "consultation",
        {
            "accepted",
            "conditions_proposed",
            "refused",
            "postponed",
            "withdrawn",
            "no_longer_needed",
        },
    ),
    ("conditions_proposed", {"accepted", "refused", "withdrawn", "no_longer_needed"}),
    ("postponed", {"in_execution", "withdrawn", "no_longer_needed"}),
    ("executed", {"closed"}),
    ("refused", {"closed"}),
    ("withdrawn", {"closed"}),
    ("no_longer_needed", {"closed"}),
    ("closed", set()),
]
OUTGOING_TABLE = [
    ("drafted", {"sent", "withdrawn"}),
    ("sent", {"acknowledged", "info_requested", "in_execution", "refused", "withdrawn"}),
    ("acknowledged", {"info_requested", "in_execution", "refused", "withdrawn"}),
    ("info_requested", {"in_execution", "refused", "withdrawn"}),
    ("in_execution", {"info_requested", "partially_executed", "executed", "refused", "withdrawn"}),
    ("partially_executed", {"executed", "withdrawn", "closed"}),
    ("executed", {"closed"}),
    ("refused", {"closed"}),
    ("withdrawn", {"closed"}),
    ("closed", set()),
]


@pytest.mark.parametrize("state, targets", INCOMING_TABLE, ids=[r[0] for r in INCOMING_TABLE])
def test_incoming_state_machine(state, targets):
    assert targets_from(INCOMING, state) == targets


@pytest.mark.parametrize("state, targets", OUTGOING_TABLE, ids=[r[0] for r in OUTGOING_TABLE])
def test_outgoing_state_machine(state, targets):
    assert targets_from(OUTGOING, state) == targets


def _case(world, **kwargs):
    return CaseFactory(organisation=world.authority_a, counterpart_state=world.state_y, **kwargs)


# persona, step, state, expected: "ok", "denied" (403) or "invalid" (409)
STEP_TABLE = [
    ("alice", "register", "received", "ok"),
    ("alice", "refuse", "consultation", "denied"),  # refusal is the head of the authority's
    ("sam", "refuse", "consultation", "ok"),
    ("adam", "postpone", "consultation", "ok"),
    ("alice", "postpone", "consultation", "denied"),
    ("sam", "refuse", "completeness_check", "invalid"),  # consult first (art. 18(26))
    ("alice", "execute", "received", "invalid"),
    ("alice", "send", "received", "invalid"),  # an outgoing step on an incoming case
    ("bob", "register", "received", "denied"),
]


@pytest.mark.parametrize("persona, code, state, expected", STEP_TABLE)
def test_who_may_take_which_step(world, persona, code, state, expected):
    case = _case(world, state=state)
    user = world.users[persona]
    kwargs = {
        "reason": "Grounds explained to the requesting State",
        "version": case.version,
        "refusal_ground": "dual_criminality",
    }
    if expected == "ok":
        transition_case(user, case, code, **kwargs)
        case.refresh_from_db()
        assert case.transitions.get().actor == user
        assert case.transitions.get().reason == kwargs["reason"]
    else:
        error = PermissionDenied if expected == "denied" else InvalidTransition
        with pytest.raises(error):
            transition_case(user, case, code, **kwargs)
        case.refresh_from_db()
        assert case.state == state and case.version == 1


def test_interface_offers_only_the_steps_the_user_may_take(world):
    case = _case(world, state="consultation")
    alice_steps = {r.code for r in available_transitions(world.users["alice"], case)}
    sam_steps = {r.code for r in available_transitions(world.users["sam"], case)}
    assert "refuse" not in alice_steps and "postpone" not in alice_steps
    assert {"refuse", "postpone", "accept", "propose_conditions"} <= sam_steps
    assert available_transitions(world.users["bob"], case) == []


def test_a_refusal_needs_a_reason_and_a_ground(world):
    case = _case(world, state="consultation")
    with pytest.raises(ValidationError) as error:
        transition_case(world.users["sam"], case, "refuse", reason="", version=1)
    assert set(error.value.message_dict) == {"reason", "refusal_ground"}
    case.refresh_from_db()
    assert case.state == "consultation"


def test_two_caseworkers_at_once_the_second_is_told_not_overwritten(world):
    case = _case(world, state="received")
    first = Case.objects.get(pk=case.pk)
    second = Case.objects.get(pk=case.pk)
    transition_case(world.users["alice"], first, "register", version=1)
    with pytest.raises(StaleCase):
        transition_case(world.users["sam"], second, "withdraw", reason="x", version=1)
    case.refresh_from_db()
    assert case.state == "registered" and case.version == 2
