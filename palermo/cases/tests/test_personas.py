"""Persona → status tables for every page and endpoint of case tracking (two authorities)."""

import json

import pytest
import time_machine

from palermo.cases.models import CaseDocument
from palermo.cases.services import store_document
from palermo.cases.tests.factories import CaseFactory, CaseMeasureFactory
from palermo.core.models import AuditEvent

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
OUTSIDERS = {"practitioner": 403, "fiona": 403, "eddie": 403, "staff": 403}
MEMBERS_A_READ = {"alice": 200, "sam": 200, "adam": 200}


def expect(**overrides):
    table = {"anon": 302, **OUTSIDERS, **MEMBERS_A_READ, "bob": 404}
    table.update(overrides)
    return table


@pytest.fixture
def scene(world):
    case = CaseFactory(
        organisation=world.authority_a,
        counterpart_state=world.state_y,
        direction="outgoing",
        our_reference="OUT-2026-0001",
        state="sent",
        sent_on="2026-11-02",
        received_on=None,
        use_limitation="Only for proceedings no. 12/2026",
    )
    CaseMeasureFactory(case=case)
    document = store_document(
        world.users["alice"], case, name="request.pdf", content=PDF, kind=CaseDocument.Kind.REQUEST
    )
    task = case.tasks.create(title="Call the embassy")
    return {"case": case, "document": document, "task": task, "alice": world.users["alice"].pk}


GET_PAGES = [
    ("index", lambda s: "/en/cases/", expect(bob=200)),
    ("dashboard", lambda s: "/en/cases/dashboard/", expect(bob=200)),
    (
        "dashboard of A",
        lambda s: f"/en/cases/dashboard/?authority={s['case'].organisation_id}",
        expect(),
    ),
    ("register", lambda s: "/en/cases/register/", expect(bob=200)),
    ("export", lambda s: "/en/cases/export.csv", expect(bob=200)),
    (
        "statistics csv of A",
        lambda s: f"/en/cases/statistics/by_state.csv?authority={s['case'].organisation_id}",
        expect(),
    ),
    (
        "settings of A",
        lambda s: f"/en/cases/settings/?authority={s['case'].organisation_id}",
        expect(alice=404),
    ),
    ("detail", lambda s: f"/en/cases/{s['case'].pk}/", expect()),
    ("edit", lambda s: f"/en/cases/{s['case'].pk}/edit/", expect()),
    ("document", lambda s: f"/en/cases/{s['case'].pk}/documents/{s['document'].pk}/", expect()),
    ("missing case", lambda s: "/en/cases/999999/", expect(alice=404, sam=404, adam=404)),
]


@pytest.mark.parametrize("name, url, table", GET_PAGES, ids=[p[0] for p in GET_PAGES])
@pytest.mark.parametrize(
    "persona", ["anon", "practitioner", "alice", "bob", "sam", "adam", "fiona", "eddie", "staff"]
)
def test_pages(world, scene, name, url, table, persona):
    response = world.client(persona).get(url(scene))
    assert response.status_code == table[persona]
    if persona == "bob" and response.status_code == 200:
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert b"OUT-2026-0001" not in body


POSTS = [
    (
        "step",
        lambda s: f"/en/cases/{s['case'].pk}/step/",
        lambda s: {"code": "acknowledge", "version": s["case"].version},
    ),
    (
        "assign",
        lambda s: f"/en/cases/{s['case'].pk}/assign/",
        lambda s: {"assigned_to": s["alice"], "version": s["case"].version},
    ),
    ("note", lambda s: f"/en/cases/{s['case'].pk}/notes/", lambda s: {"text": "Called them."}),
    ("task", lambda s: f"/en/cases/{s['case'].pk}/tasks/", lambda s: {"title": "Chase"}),
    ("task done", lambda s: f"/en/cases/{s['case'].pk}/tasks/{s['task'].pk}/done/", lambda s: {}),
    (
        "correspondence",
        lambda s: f"/en/cases/{s['case'].pk}/correspondence/",
        lambda s: {"kind": "status_enquiry_received", "occurred_on": "2026-11-10", "summary": "x"},
    ),
    (
        "person",
        lambda s: f"/en/cases/{s['case'].pk}/persons/",
        lambda s: {"name": "M. Rossi", "role": "witness"},
    ),
    (
        "offence",
        lambda s: f"/en/cases/{s['case'].pk}/offences/",
        lambda s: {"description": "Money laundering, art. 648-bis"},
    ),
    (
        "measure deadline",
        lambda s: f"/en/cases/{s['case'].pk}/measure-deadline/",
        lambda s: {"measure": s["case"].measures.get().pk, "deadline": "2026-12-20"},
    ),
]


@pytest.mark.parametrize("name, url, data", POSTS, ids=[p[0] for p in POSTS])
@pytest.mark.parametrize(
    "persona, status",
    [
        ("anon", 302),
        ("practitioner", 403),
        ("bob", 404),
        ("staff", 403),
        ("alice", 302),
        ("sam", 302),
    ],
)
@time_machine.travel("2026-11-20 10:00Z")
def test_actions(world, scene, name, url, data, persona, status):
    before = AuditEvent.objects.exclude(action="case.opened").count()
    response = world.client(persona).post(url(scene), data(scene))
    assert response.status_code == status
    after = AuditEvent.objects.exclude(action="case.opened").count()
    if persona in ("alice", "sam"):
        assert (
            response.url.startswith(f"/en/cases/{scene['case'].pk}/")
            or response.url == "/en/cases/"
        )
        assert after > before, "every change is in the audit log"
    else:
        assert after == before


def test_confidentiality_and_chase_and_settings_for_supervisors_only(world, scene):
    case = scene["case"]
    alice, sam, bob = (world.client(p) for p in ("alice", "sam", "bob"))
    url = f"/en/cases/{case.pk}/confidentiality/"
    assert bob.post(url, {"confidential": "on", "version": case.version}).status_code == 404
    assert alice.post(url, {"confidential": "on", "version": case.version}).status_code == 403
    response = sam.post(
        url,
        {"confidential": "on", "version": case.version, "named_members": [world.users["sam"].pk]},
    )
    assert response.status_code == 302
    # Confidential now: only named members see it, not even the other supervisor.
    assert alice.get(f"/en/cases/{case.pk}/").status_code == 404
    assert world.client("adam").get(f"/en/cases/{case.pk}/").status_code == 404
    assert sam.get(f"/en/cases/{case.pk}/").status_code == 200
    assert b"OUT-2026-0001" not in alice.get("/en/cases/export.csv").content
    api = alice.get(f"/api/v1/cases/{case.pk}")
    assert api.status_code == 404


def test_caseworkers_see_their_own_and_unassigned_cases_as_configured(world):
    sam = world.users["sam"]
    theirs = CaseFactory(
        organisation=world.authority_a, counterpart_state=world.state_y, assigned_to=sam
    )
    unassigned = CaseFactory(organisation=world.authority_a, counterpart_state=world.state_y)
    alice = world.client("alice")
    assert alice.get(f"/en/cases/{theirs.pk}/").status_code == 404
    assert alice.get(f"/en/cases/{unassigned.pk}/").status_code == 200
    world.authority_a.caseworkers_see_unassigned = False
    world.authority_a.save()
    assert alice.get(f"/en/cases/{unassigned.pk}/").status_code == 404
    assert world.client("sam").get(f"/en/cases/{theirs.pk}/").status_code == 200


API = [
    ("list", "get", lambda s: "/api/v1/cases/", None, {"alice": 200, "bob": 200}),
    ("detail", "get", lambda s: f"/api/v1/cases/{s['case'].pk}", None, {"alice": 200, "bob": 404}),
    (
        "documents",
        "get",
        lambda s: f"/api/v1/cases/{s['case'].pk}/documents",
        None,
        {"alice": 200, "bob": 404},
    ),
    (
        "statistics of A",
        "get",
        lambda s: f"/api/v1/cases/statistics?authority={s['case'].organisation_id}",
        None,
        {"alice": 200, "bob": 404},
    ),
    (
        "change",
        "patch",
        lambda s: f"/api/v1/cases/{s['case'].pk}",
        lambda s: {"version": s["case"].version, "title": "New title"},
        {"alice": 200, "bob": 404},
    ),
    (
        "transition",
        "post",
        lambda s: f"/api/v1/cases/{s['case'].pk}/transitions",
        lambda s: {"version": s["case"].version, "code": "acknowledge"},
        {"alice": 201, "bob": 404},
    ),
    (
        "correspondence",
        "post",
        lambda s: f"/api/v1/cases/{s['case'].pk}/correspondence",
        lambda s: {"kind": "status_enquiry_received", "occurred_on": "2026-11-10", "summary": "x"},
        {"alice": 201, "bob": 404},
    ),
]


@pytest.mark.parametrize("name, method, url, body, table", API, ids=[a[0] for a in API])
@pytest.mark.parametrize(
    "persona", ["anon", "practitioner", "alice", "bob", "sam", "fiona", "eddie", "staff"]
)
@time_machine.travel("2026-11-20 10:00Z")
def test_api(world, scene, name, method, url, body, table, persona):
    client = world.client(persona)
    kwargs = {"content_type": "application/json"}
    if body is not None:
        kwargs["data"] = json.dumps(body(scene))
    response = getattr(client, method)(url(scene), **kwargs)
    expected = {
        "anon": 401,
        "practitioner": 403,
        "fiona": 403,
        "eddie": 403,
        "staff": 403,
        "sam": table["alice"],
        **table,
    }
    assert response.status_code == expected[persona], response.content
    if response.status_code >= 400:
        assert "error" in response.json()
    if persona == "bob" and name == "list":
        assert response.json()["count"] == 0
    if persona == "alice" and name == "documents":
        assert response.json()[0]["use_limitation"] == "Only for proceedings no. 12/2026"
