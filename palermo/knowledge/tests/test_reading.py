"""What a first-time reader meets: names rather than stored codes, the page's own language, and
a way on from every page (classification options, the next workflow step, help when nothing is
found)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from palermo.knowledge.models import CaseLaw, Status
from palermo.knowledge.services import refresh_index
from palermo.knowledge.tests.factories import CaseLawFactory
from palermo.knowledge.tests.test_contributions import case_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def harbour_case(world: Any, taxonomy: Any) -> CaseLaw:
    world.state_x.name_fr = "Xandrie"
    world.state_x.save()
    case = CaseLawFactory(
        country=world.state_x,
        title="Harbour network case (fictional)",
        summary="Smugglers used the harbour; evidence came by mutual legal assistance.",
        classification={
            "crime_types": ["trafficking-in-persons"],
            "cross_cutting_issues": ["mutual-legal-assistance"],
            "articles": ["UNTOC-18"],
        },
    )
    case.crime_types.add(taxonomy.trafficking)
    case.articles.add(taxonomy.art18)
    with translation.override("en"):  # the index keeps the State's name as written then
        refresh_index(case)
    return case


def test_contribution_form_offers_every_classification(world: Any, taxonomy: Any) -> None:
    """The crime types and issues are ticked in lists that must hold their options."""
    body = world.client("fiona").get(reverse("knowledge:create", args=["caselaw"])).content.decode()
    assert f'name="crime_types" value="{taxonomy.trafficking.pk}"' in body
    assert f'name="cross_cutting_issues" value="{taxonomy.mla.pk}"' in body
    assert f'<option value="{taxonomy.art18.pk}">UNTOC art. 18</option>' in body
    # Fiona keeps one State's records: it is chosen for her.
    assert f'<option value="{world.state_x.pk}" selected>Xandria</option>' in body
    assert "Hold Ctrl" in body


def test_classification_ticked_in_the_form_is_saved(world: Any, taxonomy: Any) -> None:
    data = case_form(
        world,
        crime_types=[taxonomy.trafficking.pk],
        cross_cutting_issues=[taxonomy.mla.pk],
        articles=[taxonomy.art18.pk],
        **{"parts-TOTAL_FORMS": "0"},
    )
    assert (
        world.client("fiona").post(reverse("knowledge:create", args=["caselaw"]), data).status_code
        == 302
    )
    case = CaseLaw.objects.get()
    assert case.classification["crime_types"] == ["trafficking-in-persons"]
    assert case.classification["cross_cutting_issues"] == ["mutual-legal-assistance"]


def test_search_results_name_the_state_in_the_readers_language(
    world: Any, harbour_case: CaseLaw
) -> None:
    body = world.client("anon").get("/fr/knowledge/", {"q": "harbour"}).content.decode()
    hits = body[body.index('class="kb-hits"') :]
    assert "Xandrie" in hits and "Xandria" not in hits
    assert '<span class="badge">Affaire</span>' in hits  # one case, not "Case law"


def test_a_ticked_filter_with_nothing_left_can_still_be_unticked(
    world: Any, harbour_case: CaseLaw
) -> None:
    body = (
        world.client("anon")
        .get(reverse("knowledge:search"), {"q": "harbour", "country": world.state_y.iso3})
        .content.decode()
    )
    assert "Nothing matches this search." in body
    assert re.search(rf'name="country" value="{world.state_y.iso3}" checked', body)
    assert "?q=harbour" in body  # the same words without any filter
    assert "Search these words in every record, without filters" in body


def test_suggested_spelling_keeps_the_filters(world: Any, harbour_case: CaseLaw) -> None:
    body = (
        world.client("anon")
        .get(reverse("knowledge:search"), {"q": "harbur", "type": "caselaw"})
        .content.decode()
    )
    link = re.search(r'Did you mean <a href="\?([^"]+)"', body)
    assert link is not None, "no spelling suggestion"
    assert "type=caselaw" in link.group(1) and "q=harbour" in link.group(1)


@pytest.mark.parametrize(
    "asked, sent_to",
    [
        ({"q": "harbour", "page": "40"}, "page=1"),
        ({"year_from": "2020", "year_to": "2010"}, "year_from=2010&year_to=2020"),
    ],
)
def test_addresses_that_cannot_be_right_are_corrected(
    world: Any, harbour_case: CaseLaw, asked: dict, sent_to: str
) -> None:
    response = world.client("anon").get(reverse("knowledge:search"), asked)
    assert response.status_code == 302 and sent_to in response["Location"]


def test_article_names_are_written_in_the_readers_language(
    world: Any, harbour_case: CaseLaw
) -> None:
    record = reverse("knowledge:record", args=["caselaw", harbour_case.pk])
    assert "UNTOC, art. 18" in world.client("anon").get("/fr" + record[3:]).content.decode()
    body = world.client("anon").get("/zh-hans/knowledge/", {"q": "harbour"}).content.decode()
    assert "UNTOC第18条" in body and "UNTOC art. 18" not in body


def test_citation_is_in_the_readers_language(world: Any, harbour_case: CaseLaw) -> None:
    path = reverse("knowledge:record", args=["caselaw", harbour_case.pk])
    body = world.client("anon").get("/fr" + path[3:]).content.decode()
    citation = body[body.index('id="kb-citation"') :]
    citation = citation[: citation.index("</p>")]
    assert "Base de connaissances Palermo" in citation and "consulté le" in citation
    assert "(<bdi>Xandrie</bdi>)" in citation
    # The day stays left to right, which Arabic words before it would reverse (28-11-2026).
    assert re.search(r'consulté le <bdi dir="ltr">\d{4}-\d\d-\d\d</bdi>', citation)


def test_review_shows_names_not_stored_codes(world: Any, taxonomy: Any) -> None:
    data = case_form(
        world,
        crime_types=[taxonomy.trafficking.pk],
        articles=[taxonomy.art18.pk],
        **{"parts-TOTAL_FORMS": "0"},
    )
    world.client("fiona").post(reverse("knowledge:create", args=["caselaw"]), data)
    case = CaseLaw.objects.get()
    review = (
        world.client("eddie")
        .get(reverse("knowledge:review", args=["caselaw", case.pk]))
        .content.decode()
    )
    diff = review[review.index('class="kb-diff"') : review.index("</dl>")]
    assert "<ins>Xandria</ins>" in diff and f">{world.state_x.pk}<" not in diff
    assert "<ins>English</ins>" in diff
    assert "Crime types: Trafficking in persons" in diff and "crime_types" not in diff
    assert "UNTOC art. 18" in diff
    assert "<ins>2018-07</ins>" in diff  # the decision date as precisely as it is known
    assert "Precision of the date" not in diff and "False" not in diff


def test_versions_say_what_happened_in_words(world: Any) -> None:
    fiona = world.client("fiona")
    fiona.post(
        reverse("knowledge:create", args=["caselaw"]),
        case_form(world, **{"parts-TOTAL_FORMS": "0"}),
    )
    case = CaseLaw.objects.get()
    fiona.post(reverse("knowledge:transition", args=["caselaw", case.pk, "submit"]))
    body = fiona.get(reverse("knowledge:record", args=["caselaw", case.pk])).content.decode()
    versions = body[body.index('id="versions-heading"') :]
    assert "<bdi>submitted for review</bdi>" in versions and "<bdi>submit</bdi>" not in versions


def test_a_draft_offers_its_next_step_on_its_own_page(world: Any) -> None:
    fiona = world.client("fiona")
    response = fiona.post(
        reverse("knowledge:create", args=["caselaw"]),
        case_form(world, **{"parts-TOTAL_FORMS": "0"}),
        follow=True,
    )
    body = response.content.decode()
    case = CaseLaw.objects.get()
    assert "Saved as a draft. Submit it for review when it is ready." in body
    submit = reverse("knowledge:transition", args=["caselaw", case.pk, "submit"])
    assert f'action="{submit}"' in body
    assert (
        world.client("anon").get(reverse("knowledge:record", args=["caselaw", case.pk])).status_code
        == 404
    )


def test_focal_point_is_told_an_edited_published_record_left_the_public_view(
    world: Any,
) -> None:
    case = CaseLawFactory(country=world.state_x, title="Prosecutor v. Velen (fictional)")
    response = world.client("fiona").post(
        reverse("knowledge:edit", args=["caselaw", case.pk]),
        case_form(world, summary="A new wording.", **{"parts-TOTAL_FORMS": "0"}),
        follow=True,
    )
    assert "the record is not public until an editor publishes it again" in (
        response.content.decode()
    )
    case.refresh_from_db()
    assert case.status == Status.SUBMITTED


def test_a_form_shown_again_says_the_chosen_file_must_be_chosen_again(world: Any) -> None:
    response = world.client("fiona").post(
        reverse("knowledge:create", args=["caselaw"]),
        {
            **case_form(world, title=""),
            "attachment_file": SimpleUploadedFile("judgment.txt", b"The court held."),
        },
    )
    assert response.status_code == 400
    assert "The file you chose was not kept: choose it again before saving." in (
        response.content.decode()
    )


def test_article_page_lists_the_states_to_jump_to(world: Any, taxonomy: Any) -> None:
    from palermo.knowledge.tests.factories import LegislationFactory, ProvisionFactory

    for state in (world.state_x, world.state_y):
        law = LegislationFactory(country=state)
        ProvisionFactory(legislation=law, reference="Art. 1", text="Text.").articles.add(
            taxonomy.art18
        )
    body = (
        world.client("anon").get(reverse("knowledge:article", args=["UNTOC-18"])).content.decode()
    )
    toc = body[body.index('class="kb-toc') : body.index("</nav>", body.index('class="kb-toc'))]
    assert "2 States" in toc and 'href="#state-1"' in toc and 'href="#state-2"' in toc


def test_the_review_queue_says_what_kind_each_record_is(world: Any) -> None:
    eddie = world.client("eddie")
    assert (
        "Nothing waits for review." in eddie.get(reverse("knowledge:contribute")).content.decode()
    )
    CaseLawFactory(country=world.state_x, title="Waiting case (fictional)", status=Status.SUBMITTED)
    body = eddie.get(reverse("knowledge:contribute")).content.decode()
    assert re.search(r"<h3>Case law</h3>\s*<ul>\s*<li><a [^>]*>Waiting case \(fictional\)", body)


def test_words_of_a_classification_lead_to_the_records_classified_under_it(
    world: Any, harbour_case: CaseLaw
) -> None:
    """A case classified under trafficking in persons need not say "trafficking" anywhere."""
    anon = world.client("anon")
    body = anon.get(reverse("knowledge:search"), {"q": "trafficking", "type": "caselaw"})
    text = body.content.decode()
    assert "Nothing matches this search." in text
    link = re.search(r'<a href="\?([^"]+)">Crime type: Trafficking in persons</a>', text)
    assert link is not None
    assert link.group(1) == "type=caselaw&amp;crime_type=trafficking-in-persons"
    followed = anon.get(
        reverse("knowledge:search"), {"type": "caselaw", "crime_type": "trafficking-in-persons"}
    )
    assert "Harbour network case (fictional)" in followed.content.decode()
    # In another language, by the term's name in that language.
    french = anon.get("/fr/knowledge/", {"q": "traite"}).content.decode()
    assert re.search(
        r"crime_type=trafficking-in-persons\">[^<]* : Traite des personnes</a>", french
    )
