"""The routing service with the reference data and the knowledge base, and its API."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from palermo.directory.routing import route_request
from palermo.directory.tests.factories import AuthorityFactory
from palermo.knowledge.tests.factories import TreatyFactory
from palermo.reference.tests.factories import InstrumentFactory, ParticipationFactory

PARTY = {"consent_action": "ratification", "consent_date": datetime.date(2004, 5, 1)}


@pytest.fixture
def routed(world):
    central = AuthorityFactory(
        country=world.state_x,
        name="Xandria Central Authority",
        competences=["mla_central_authority"],
        accepted_languages=["fr", "en"],
        channels=["central_authority", "interpol"],
        advance_copy_by_email=True,
        requires_original=True,
        certification="apostille",
        translation_requirement="French translation of every annex.",
        untoc_basis_mla=True,
        dual_criminality_policy="coercive",
    )
    extradition = AuthorityFactory(
        country=world.state_x,
        name="Xandria Extradition Office",
        competences=["extradition"],
        channels=["diplomatic"],
        accepted_languages=["fr"],
    )
    return {"central": central, "extradition": extradition}


def test_mla_answer_names_authority_channel_languages_requirements_and_reasons(world, routed):
    answer = route_request(
        world.state_y, world.state_x, "mla", measure="search_seizure", urgent=True
    )
    assert [(r.authority.name, r.role) for r in answer.authorities] == [
        ("Xandria Central Authority", "primary")
    ]
    assert [c.code for c in answer.channels] == ["interpol", "central_authority"]
    assert answer.advance_copy_by_email is True
    assert answer.languages == ["fr", "en"]
    codes = [r.code for r in answer.requirements]
    assert codes[:4] == ["original", "signature", "certification", "translation"]
    assert "summary_of_facts" in codes
    assert answer.dual_criminality is True
    assert answer.reasons[0].rule == "mla-central-authority"
    assert "Xandria" in answer.reasons[0].text


def test_legal_bases_from_participation_and_treaties(world, routed):
    untoc = InstrumentFactory()
    ParticipationFactory(country=world.state_x, instrument=untoc, **PARTY)
    ParticipationFactory(country=world.state_y, instrument=untoc, **PARTY)
    TreatyFactory(
        title="Xandria-Yberia Treaty on Mutual Assistance (test)",
        states=[world.state_x, world.state_y],
    )
    TreatyFactory(
        title="Xandria-Yberia Extradition Treaty (test)",
        subjects=["extradition"],
        states=[world.state_x, world.state_y],
    )
    answer = route_request(world.state_y, world.state_x, "mla")
    bases = {b.label: b for b in answer.legal_bases}
    untoc_basis = bases["United Nations Convention against Transnational Organized Crime"]
    assert untoc_basis.applies is True
    assert "Both States are parties" in untoc_basis.explanation
    assert "Xandria-Yberia Treaty on Mutual Assistance (test)" in bases
    assert "Xandria-Yberia Extradition Treaty (test)" not in bases
    extradition = route_request(world.state_y, world.state_x, "extradition")
    assert "Xandria-Yberia Extradition Treaty (test)" in {b.label for b in extradition.legal_bases}


def test_convention_not_a_basis_where_a_state_is_not_a_party(world, routed):
    untoc = InstrumentFactory()
    ParticipationFactory(country=world.state_x, instrument=untoc, **PARTY)
    ParticipationFactory(country=world.state_y, instrument=untoc)  # signed only
    answer = route_request(world.state_y, world.state_x, "mla")
    assert answer.legal_bases[0].applies is False


def test_extradition_basis_follows_the_notification_under_article_16_5(world, routed):
    untoc = InstrumentFactory()
    ParticipationFactory(
        country=world.state_x, instrument=untoc, extradition_basis_accepted=False, **PARTY
    )
    ParticipationFactory(country=world.state_y, instrument=untoc, **PARTY)
    answer = route_request(world.state_y, world.state_x, "extradition")
    assert answer.authorities[0].authority.name == "Xandria Extradition Office"
    assert answer.legal_bases[0].applies is False
    assert "does not accept the Convention as a legal basis for extradition" in (
        answer.legal_bases[0].explanation
    )


def test_participation_not_recorded_is_said_plainly(world, routed):
    answer = route_request(world.state_y, world.state_x, "mla")
    assert answer.legal_bases[0].applies is None
    assert "not recorded" in answer.legal_bases[0].explanation


ROUTE = "/api/v1/directory/route"


def test_api_route_answers_with_reasons(world, routed):
    response = Client().get(
        ROUTE,
        {
            "requesting_state": "ybb",
            "requested_state": "XAA",
            "request_type": "extradition",
            "language": "fr",
        },
    )
    assert response.status_code == 200
    data = response.json()
    assert data["authorities"][0]["authority"]["name"] == "Xandria Extradition Office"
    assert data["channels"] == [{"code": "diplomatic", "label": "Diplomatic channels"}]
    assert data["language_accepted"] is True
    assert data["reasons"][0]["rule"] == "extradition-authority"
    assert "emails" not in data["authorities"][0]["authority"]


@pytest.mark.parametrize(
    "params, field, names",
    [
        ({"requested_state": "ATLANTIS"}, "requested_state", ["XAA", "YBB"]),
        ({"requesting_state": "QQQ"}, "requesting_state", ["XAA", "YBB"]),
        ({"request_type": "favour"}, "request_type", ["mla", "extradition", "confiscation"]),
        ({"measure": "teleportation"}, "measure", ["taking_evidence", "bank_records"]),
        ({"measure": "extradition"}, "measure", ["search_seizure"]),  # measure of another type
        ({"language": "klingon"}, "language", ["en", "fr", "ar", "zh"]),
        ({"offence": "jaywalking"}, "offence", ["corruption", "trafficking_in_persons"]),
        ({"stage": "appeal"}, "stage", ["investigation", "trial"]),
    ],
)
def test_api_route_bad_input_names_the_parameter_and_the_accepted_values(
    world, routed, params, field, names
):
    query = {"requesting_state": "YBB", "requested_state": "XAA", "request_type": "mla", **params}
    response = Client().get(ROUTE, query)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_input"
    detail = error["details"][0]
    assert detail["field"] == field
    assert f"for {field}. Accepted values:" in detail["message"]
    for name in names:
        assert name in detail["message"]


def test_api_route_missing_parameter_is_named(world):
    response = Client().get(ROUTE, {"requesting_state": "YBB", "requested_state": "XAA"})
    assert response.status_code == 422
    assert "request_type" in response.json()["error"]["details"][0]["field"]


def test_api_list_rejects_unknown_filters_with_accepted_values(world, routed):
    response = Client().get("/api/v1/directory/authorities", {"competence": "magic"})
    assert response.status_code == 422
    assert "mla_central_authority" in response.json()["error"]["details"][0]["message"]
    response = Client().get("/api/v1/directory/authorities", {"language": "fr", "country": "xaa"})
    assert {a["name"] for a in response.json()["items"]} == {
        "Xandria Central Authority",
        "Xandria Extradition Office",
    }
    response = Client().get("/api/v1/directory/authorities", {"competence": "extradition"})
    assert [a["name"] for a in response.json()["items"]] == ["Xandria Extradition Office"]
    page = Client().get("/api/v1/directory/authorities", {"limit": 1, "offset": 1}).json()
    assert page["count"] == 2 and len(page["items"]) == 1


def test_route_page_explains_the_answer(world, routed):
    page = (
        Client()
        .get(
            "/en/directory/route/",
            {
                "requesting_state": "YBB",
                "requested_state": "XAA",
                "request_type": "mla",
                "measure": "freezing",
            },
        )
        .content.decode()
    )
    assert "Xandria Central Authority" in page
    assert "Why this answer" in page
    assert "[mla-central-authority]" in page


def test_route_page_refuses_a_measure_of_another_type(world, routed):
    page = (
        Client()
        .get(
            "/en/directory/route/",
            {
                "requesting_state": "YBB",
                "requested_state": "XAA",
                "request_type": "extradition",
                "measure": "freezing",
            },
        )
        .content.decode()
    )
    assert "This measure does not belong to the chosen type of request." in page
    assert "Why this answer" not in page
