"""Persona → expected status, for every page and endpoint of the review app.

In the review world (tests/factories.py): fiona is focal point and alice expert of the State
under review, bob an expert of a reviewing State, sam an observer, sue the secretariat.
practitioner, adam, eddie and staff hold no review role, so reviews do not exist for them.
"""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from palermo.review.models import Questionnaire

pytestmark = pytest.mark.django_db

NOBODY = {"practitioner": 404, "adam": 404, "eddie": 404, "staff": 404}
EVERYONE_IN = {"fiona": 200, "alice": 200, "bob": 200, "sam": 200, "sue": 200}

READ_PAGES = {  # url name → persona → status, for GET
    "review": {"anon": 302, **NOBODY, **EVERYONE_IN},
    "questionnaire": {"anon": 302, **NOBODY, **EVERYONE_IN},
    "cycle": {"anon": 302, **NOBODY, **EVERYONE_IN},
    "cycle-draw-csv": {"anon": 302, **NOBODY, **EVERYONE_IN},
    "answer": {
        "anon": 302,
        **NOBODY,
        "fiona": 200,
        "alice": 200,
        "bob": 403,
        "sam": 403,
        "sue": 403,
    },
    "consolidate": {
        "anon": 302,
        **NOBODY,
        "fiona": 403,
        "alice": 403,
        "bob": 403,
        "sam": 403,
        "sue": 403,
    },
    "index": {
        "anon": 200,
        "practitioner": 200,
        "adam": 200,
        "eddie": 200,
        "staff": 200,
        **EVERYONE_IN,
    },
    "dashboard": {
        "anon": 302,
        "practitioner": 200,
        "adam": 200,
        "eddie": 200,
        "staff": 200,
        **EVERYONE_IN,
    },
    "templates": {
        "anon": 302,
        "practitioner": 403,
        "adam": 403,
        "eddie": 403,
        "staff": 403,
        "fiona": 403,
        "alice": 403,
        "bob": 403,
        "sam": 403,
        "sue": 200,
    },
}


def url_for(name: str, rw) -> str:
    q = rw.questionnaire
    question = q.template.questions.first()
    kwargs = {
        "review": {"review_id": rw.review.pk},
        "questionnaire": {"questionnaire_id": q.pk},
        "cycle": {"cycle_id": rw.cycle.pk},
        "cycle-draw-csv": {"cycle_id": rw.cycle.pk},
        "answer": {"questionnaire_id": q.pk, "question_id": question.pk},
        "consolidate": {"questionnaire_id": q.pk},
    }.get(name, {})
    return reverse(f"review:{name}", kwargs=kwargs)


CASES = [
    (name, persona, status)
    for name, table in READ_PAGES.items()
    for persona, status in table.items()
]


@pytest.mark.parametrize("name, persona, status", CASES)
def test_pages(rw, client_for, name, persona, status) -> None:
    response = client_for(persona).get(url_for(name, rw))
    assert response.status_code == status


def test_missing_review_is_404_like_a_hidden_one(rw, client_for) -> None:
    assert (
        client_for("sue").get(reverse("review:review", kwargs={"review_id": 999999})).status_code
        == 404
    )


POSTS = {  # action → persona → status, on a draft questionnaire
    "comment": {
        "anon": 302,
        **NOBODY,
        "fiona": 302,
        "alice": 302,
        "bob": 403,
        "sam": 403,
        "sue": 302,
    },
    "submit": {
        "anon": 302,
        **NOBODY,
        "fiona": 400,
        "alice": 403,
        "bob": 403,
        "sam": 403,
        "sue": 403,
    },
    "observe": {
        "anon": 302,
        **NOBODY,
        "fiona": 403,
        "alice": 403,
        "bob": 403,
        "sam": 403,
        "sue": 403,
    },
}


def _post(client, rw, action: str):
    q = rw.questionnaire
    url = reverse(f"review:{action}", kwargs={"questionnaire_id": q.pk})
    data = {
        "comment": {"body": "A comment."},
        "observe": {"kind": "challenge", "text": "An observation."},
    }
    return client.post(url, data.get(action, {}))


@pytest.mark.parametrize(
    "action, persona, status", [(a, p, s) for a, table in POSTS.items() for p, s in table.items()]
)
def test_posts_on_a_draft(rw, client_for, action, persona, status) -> None:
    assert _post(client_for(persona), rw, action).status_code == status


@pytest.mark.parametrize(
    "persona, status",
    [("anon", 302), ("fiona", 404), ("bob", 404), ("staff", 404), ("sue", 400)],
)
def test_draw_page_only_for_the_secretariat(rw, client_for, persona, status) -> None:
    # Everyone in group A has been drawn already: the secretariat gets the form back with why.
    url = reverse("review:cycle-draw", kwargs={"cycle_id": rw.cycle.pk})
    response = client_for(persona).post(url, {"group": rw.group.pk, "instrument": rw.untoc.pk})
    assert response.status_code == status
    if persona == "sue":
        assert "has been drawn already" in response.content.decode()


def submitted(rw) -> Questionnaire:
    from palermo.review import services_questionnaire as qs

    q = rw.questionnaire
    for question in q.template.questions.all():
        qs.save_answer(rw.users["alice"], q, question.pk, response="yes")
    return qs.submit_questionnaire(rw.users["fiona"], q)


@pytest.mark.parametrize(
    "persona, status",
    [("fiona", 403), ("alice", 403), ("bob", 302), ("sam", 403), ("sue", 302), ("staff", 404)],
)
def test_observations_once_submitted(rw, client_for, persona, status) -> None:
    submitted(rw)
    assert _post(client_for(persona), rw, "observe").status_code == status


@pytest.mark.parametrize(
    "persona, status",
    [("fiona", 403), ("bob", 403), ("sam", 403), ("staff", 404), ("sue", 200)],
)
def test_consolidation_once_submitted(rw, client_for, persona, status) -> None:
    submitted(rw)
    url = reverse("review:consolidate", kwargs={"questionnaire_id": rw.questionnaire.pk})
    assert client_for(persona).get(url).status_code == status


API = {  # (method, path template) → persona → status
    ("get", "/api/v1/review/reviews/{review}"): {"anon": 401, **NOBODY, **EVERYONE_IN},
    ("get", "/api/v1/review/questionnaires/{q}"): {"anon": 401, **NOBODY, **EVERYONE_IN},
    ("put", "/api/v1/review/questionnaires/{q}/answers/{question}"): {
        "anon": 401,
        **NOBODY,
        "fiona": 200,
        "alice": 200,
        "bob": 403,
        "sam": 403,
        "sue": 403,
    },
    ("post", "/api/v1/review/questionnaires/{q}/comments"): {
        "anon": 401,
        **NOBODY,
        "fiona": 201,
        "alice": 201,
        "bob": 403,
        "sam": 403,
        "sue": 201,
    },
    ("post", "/api/v1/review/questionnaires/{q}/submit"): {
        "anon": 401,
        **NOBODY,
        "fiona": 422,
        "alice": 403,
        "bob": 403,
        "sam": 403,
        "sue": 403,
    },
    ("get", "/api/v1/review/cycles/{cycle}/draws"): {
        "anon": 401,
        **NOBODY,
        "fiona": 404,
        "alice": 404,
        "bob": 404,
        "sam": 404,
        "sue": 200,
    },
    ("get", "/api/v1/review/dashboard"): {"anon": 401, "staff": 200, **EVERYONE_IN},
    ("get", "/api/v1/review/reviews"): {"anon": 401, "staff": 200, **EVERYONE_IN},
    ("get", "/api/v1/review/clusters"): {"anon": 200, "staff": 200, "fiona": 200},
}


@pytest.mark.parametrize(
    "method, path, persona, status",
    [(m, p, persona, s) for (m, p), table in API.items() for persona, s in table.items()],
)
def test_api(rw, client_for, method, path, persona, status) -> None:
    q = rw.questionnaire
    url = path.format(
        review=rw.review.pk, q=q.pk, question=q.template.questions.first().pk, cycle=rw.cycle.pk
    )
    body = {"response": "yes", "explanation": "Yes.", "body": "A comment."}
    client = client_for(persona)
    if method == "get":
        response = client.get(url)
    else:
        response = getattr(client, method)(url, json.dumps(body), content_type="application/json")
    assert response.status_code == status, response.content
    if status >= 400:
        assert set(response.json()["error"]) == {"code", "message", "details"}


def test_api_lists_only_the_callers_reviews(rw, client_for) -> None:
    assert [r["state"] for r in client_for("bob").get("/api/v1/review/reviews").json()] == ["XAA"]
    assert client_for("staff").get("/api/v1/review/reviews").json() == []


def test_api_draw_refusal_names_constraint(world, rw, client_for) -> None:
    from palermo.reference.tests.factories import CountryFactory, RegionalGroupFactory
    from palermo.review import services
    from palermo.review.tests.factories import ReviewGroupFactory, party

    african = RegionalGroupFactory(code="african", name="African States")
    lonely = CountryFactory(
        iso2="LQ", iso3="LQQ", numeric="904", name="Lonelia", regional_group=african
    )
    party(lonely, rw.untoc)
    group = ReviewGroupFactory(cycle=rw.cycle, name="Group B")
    services.place_states(rw.users["sue"], group, [lonely], [rw.untoc])
    response = client_for("sue").post(
        f"/api/v1/review/cycles/{rw.cycle.pk}/draws",
        json.dumps({"group_id": group.pk, "instrument": "untoc", "seed": 5}),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert "Lonelia" in response.json()["error"]["details"][0]["message"]


def test_review_roles_need_mfa(rw) -> None:
    from palermo.accounts.access import requires_mfa
    from palermo.accounts.tests.factories import UserFactory
    from palermo.review.models import ReviewRole

    newcomer = UserFactory(email="newcomer@example.org")
    assert not requires_mfa(newcomer)
    ReviewRole.objects.create(
        user=newcomer, cycle=rw.cycle, review=rw.review, role="observer", country=rw.review.state
    )
    newcomer = type(newcomer).objects.get(pk=newcomer.pk)
    assert requires_mfa(newcomer)
    from django.test import Client

    client = Client()
    client.force_login(newcomer)
    response = client.get(reverse("review:review", kwargs={"review_id": rw.review.pk}))
    assert response.status_code == 302 and "mfa" in response["Location"]
    assert ReviewRole.objects.filter(user=newcomer).count() == 1
