"""The lifecycle of a case as data: states and transitions for incoming and outgoing requests.

The table is the single source of truth; `models.case` turns each row into a django-fsm-2
transition on the Case model, and the interface and the API offer only the transitions that
django-fsm says the user may take from the current state.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

INCOMING = "incoming"
OUTGOING = "outgoing"


class S:
    """State codes (stored in Case.state)."""

    RECEIVED = "received"
    REGISTERED = "registered"
    COMPLETENESS_CHECK = "completeness_check"
    INFO_REQUESTED = "info_requested"
    ACCEPTED = "accepted"
    ASSIGNED = "assigned_executing"
    IN_EXECUTION = "in_execution"
    PARTIALLY_EXECUTED = "partially_executed"
    EXECUTED = "executed"
    CLOSED = "closed"
    REFUSED = "refused"
    POSTPONED = "postponed"
    CONSULTATION = "consultation"
    CONDITIONS_PROPOSED = "conditions_proposed"
    WITHDRAWN = "withdrawn"
    NO_LONGER_NEEDED = "no_longer_needed"
    DRAFTED = "drafted"
    SENT = "sent"
    ACKNOWLEDGED = "acknowledged"


STATE_LABELS: dict[str, Promise] = {
    S.RECEIVED: _("received"),
    S.REGISTERED: _("registered"),
    S.COMPLETENESS_CHECK: _("completeness check"),
    S.INFO_REQUESTED: _("additional information requested"),
    S.ACCEPTED: _("accepted"),
    S.ASSIGNED: _("assigned to an executing authority"),
    S.IN_EXECUTION: _("in execution"),
    S.PARTIALLY_EXECUTED: _("partially executed"),
    S.EXECUTED: _("executed"),
    S.CLOSED: _("closed"),
    S.REFUSED: _("refused"),
    S.POSTPONED: _("postponed"),
    S.CONSULTATION: _("consultation before refusal or postponement"),
    S.CONDITIONS_PROPOSED: _("conditions proposed"),
    S.WITHDRAWN: _("withdrawn"),
    S.NO_LONGER_NEEDED: _("no longer needed"),
    S.DRAFTED: _("drafted"),
    S.SENT: _("sent"),
    S.ACKNOWLEDGED: _("acknowledged"),
}

STATE_CHOICES: list[tuple[str, Promise]] = list(STATE_LABELS.items())

INCOMING_STATES: tuple[str, ...] = (
    S.RECEIVED,
    S.REGISTERED,
    S.COMPLETENESS_CHECK,
    S.INFO_REQUESTED,
    S.ACCEPTED,
    S.ASSIGNED,
    S.IN_EXECUTION,
    S.PARTIALLY_EXECUTED,
    S.EXECUTED,
    S.CLOSED,
    S.REFUSED,
    S.POSTPONED,
    S.CONSULTATION,
    S.CONDITIONS_PROPOSED,
    S.WITHDRAWN,
    S.NO_LONGER_NEEDED,
)
OUTGOING_STATES: tuple[str, ...] = (
    S.DRAFTED,
    S.SENT,
    S.ACKNOWLEDGED,
    S.INFO_REQUESTED,
    S.IN_EXECUTION,
    S.PARTIALLY_EXECUTED,
    S.EXECUTED,
    S.CLOSED,
    S.REFUSED,
    S.WITHDRAWN,
)
# A case in one of these states is finished work: no deadlines, not in the backlog.
FINISHED_STATES: frozenset[str] = frozenset(
    {S.EXECUTED, S.CLOSED, S.REFUSED, S.WITHDRAWN, S.NO_LONGER_NEEDED}
)
OPEN_STATES: frozenset[str] = frozenset(set(STATE_LABELS) - FINISHED_STATES)


@dataclass(frozen=True)
class TransitionRule:
    code: str
    direction: str
    sources: tuple[str, ...]
    target: str
    label: Promise
    supervisor_only: bool = False  # decisions the head of the authority takes (18(21), 18(25))
    reason_required: bool = False
    refusal: bool = False  # asks for the ground of refusal (18(21), 18(23))

    @property
    def method_name(self) -> str:
        return f"{self.direction}_{self.code}"


_IN_PROGRESS_IN = (
    S.RECEIVED,
    S.REGISTERED,
    S.COMPLETENESS_CHECK,
    S.INFO_REQUESTED,
    S.ACCEPTED,
    S.ASSIGNED,
    S.IN_EXECUTION,
    S.PARTIALLY_EXECUTED,
    S.POSTPONED,
    S.CONSULTATION,
    S.CONDITIONS_PROPOSED,
)
_IN_PROGRESS_OUT = (
    S.DRAFTED,
    S.SENT,
    S.ACKNOWLEDGED,
    S.INFO_REQUESTED,
    S.IN_EXECUTION,
    S.PARTIALLY_EXECUTED,
)

TRANSITIONS: tuple[TransitionRule, ...] = (
    # Incoming requests: we are the requested State.
    TransitionRule("register", INCOMING, (S.RECEIVED,), S.REGISTERED, _("Register")),
    TransitionRule(
        "check_completeness",
        INCOMING,
        (S.REGISTERED,),
        S.COMPLETENESS_CHECK,
        _("Start the completeness check"),
    ),
    TransitionRule(
        "request_information",
        INCOMING,
        (S.COMPLETENESS_CHECK, S.ACCEPTED, S.ASSIGNED, S.IN_EXECUTION),
        S.INFO_REQUESTED,
        _("Ask for additional information (art. 18(16))"),
        reason_required=True,
    ),
    TransitionRule(
        "information_received",
        INCOMING,
        (S.INFO_REQUESTED,),
        S.COMPLETENESS_CHECK,
        _("Additional information received"),
    ),
    TransitionRule(
        "accept",
        INCOMING,
        (S.COMPLETENESS_CHECK, S.CONSULTATION, S.CONDITIONS_PROPOSED),
        S.ACCEPTED,
        _("Accept"),
    ),
    TransitionRule(
        "assign_executing",
        INCOMING,
        (S.ACCEPTED,),
        S.ASSIGNED,
        _("Assign to an executing authority"),
    ),
    TransitionRule(
        "start_execution", INCOMING, (S.ASSIGNED, S.POSTPONED), S.IN_EXECUTION, _("Start execution")
    ),
    TransitionRule(
        "execute_partially",
        INCOMING,
        (S.IN_EXECUTION,),
        S.PARTIALLY_EXECUTED,
        _("Record partial execution"),
    ),
    TransitionRule(
        "execute",
        INCOMING,
        (S.IN_EXECUTION, S.PARTIALLY_EXECUTED),
        S.EXECUTED,
        _("Record execution"),
    ),
    TransitionRule(
        "consult",
        INCOMING,
        (S.COMPLETENESS_CHECK, S.INFO_REQUESTED, S.ACCEPTED, S.ASSIGNED, S.IN_EXECUTION),
        S.CONSULTATION,
        _("Consult before refusing or postponing (art. 18(26))"),
        reason_required=True,
    ),
    TransitionRule(
        "propose_conditions",
        INCOMING,
        (S.CONSULTATION,),
        S.CONDITIONS_PROPOSED,
        _("Propose conditions"),
        reason_required=True,
    ),
    TransitionRule(
        "refuse",
        INCOMING,
        (S.CONSULTATION, S.CONDITIONS_PROPOSED),
        S.REFUSED,
        _("Refuse (art. 18(21), reasons under 18(23))"),
        supervisor_only=True,
        reason_required=True,
        refusal=True,
    ),
    TransitionRule(
        "postpone",
        INCOMING,
        (S.CONSULTATION,),
        S.POSTPONED,
        _("Postpone (art. 18(25))"),
        supervisor_only=True,
        reason_required=True,
    ),
    TransitionRule(
        "withdraw",
        INCOMING,
        _IN_PROGRESS_IN,
        S.WITHDRAWN,
        _("Withdrawn by the requesting State"),
        reason_required=True,
    ),
    TransitionRule(
        "no_longer_needed",
        INCOMING,
        _IN_PROGRESS_IN,
        S.NO_LONGER_NEEDED,
        _("No longer needed (art. 18(24))"),
        reason_required=True,
    ),
    TransitionRule(
        "close",
        INCOMING,
        (S.EXECUTED, S.REFUSED, S.WITHDRAWN, S.NO_LONGER_NEEDED),
        S.CLOSED,
        _("Close"),
    ),
    # Outgoing requests: we are the requesting State.
    TransitionRule("send", OUTGOING, (S.DRAFTED,), S.SENT, _("Record as sent")),
    TransitionRule("acknowledge", OUTGOING, (S.SENT,), S.ACKNOWLEDGED, _("Record acknowledgement")),
    TransitionRule(
        "information_requested",
        OUTGOING,
        (S.SENT, S.ACKNOWLEDGED, S.IN_EXECUTION),
        S.INFO_REQUESTED,
        _("Additional information requested by the counterpart"),
        reason_required=True,
    ),
    TransitionRule(
        "start_execution",
        OUTGOING,
        (S.SENT, S.ACKNOWLEDGED, S.INFO_REQUESTED),
        S.IN_EXECUTION,
        _("Record that execution has started"),
    ),
    TransitionRule(
        "execute_partially",
        OUTGOING,
        (S.IN_EXECUTION,),
        S.PARTIALLY_EXECUTED,
        _("Record partial execution"),
    ),
    TransitionRule(
        "execute",
        OUTGOING,
        (S.IN_EXECUTION, S.PARTIALLY_EXECUTED),
        S.EXECUTED,
        _("Record execution"),
    ),
    TransitionRule(
        "refused",
        OUTGOING,
        (S.SENT, S.ACKNOWLEDGED, S.INFO_REQUESTED, S.IN_EXECUTION),
        S.REFUSED,
        _("Record refusal by the counterpart"),
        reason_required=True,
        refusal=True,
    ),
    TransitionRule(
        "withdraw",
        OUTGOING,
        _IN_PROGRESS_OUT,
        S.WITHDRAWN,
        _("Withdraw"),
        supervisor_only=True,
        reason_required=True,
    ),
    TransitionRule(
        "close",
        OUTGOING,
        (S.EXECUTED, S.PARTIALLY_EXECUTED, S.REFUSED, S.WITHDRAWN),
        S.CLOSED,
        _("Close"),
    ),
)

TRANSITIONS_BY_METHOD: dict[str, TransitionRule] = {t.method_name: t for t in TRANSITIONS}


def rule_for(direction: str, code: str) -> TransitionRule | None:
    return TRANSITIONS_BY_METHOD.get(f"{direction}_{code}")


def states_for(direction: str) -> tuple[str, ...]:
    return INCOMING_STATES if direction == INCOMING else OUTGOING_STATES


def initial_state(direction: str) -> str:
    return S.RECEIVED if direction == INCOMING else S.DRAFTED


def targets_from(direction: str, state: str) -> set[str]:
    """Every state reachable in one step: the state machine as a plain function, for tests."""
    return {t.target for t in TRANSITIONS if t.direction == direction and state in t.sources}
