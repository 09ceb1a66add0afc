"""A caseworker in a real browser: register an incoming request, take it through its lifecycle,
see it on the dashboard."""

import pytest
from django.test import Client
from playwright.sync_api import Page, expect

from palermo.cases.models import Case


def _sign_in(page: Page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


@pytest.mark.browser
def test_register_step_through_and_see_the_dashboard(live_server, page: Page, world):
    _sign_in(page, live_server, world.users["alice"])
    page.goto(f"{live_server.url}/en/cases/")
    page.get_by_role("link", name="Register an incoming request").click()
    page.get_by_label("Title").fill("Hearing of the harbour master")
    page.get_by_label("Counterpart State").select_option(label="Yberia (YBB)")
    page.get_by_label("Taking evidence or statements").check()
    page.get_by_label("Date received").fill("2026-01-02")
    page.get_by_label("Deadline of the requesting State").fill("2025-12-01")
    page.get_by_role("button", name="Register").click()
    # A deadline before receipt: told why, nothing lost.
    expect(
        page.get_by_text("The deadline cannot be before the date the request was received.")
    ).to_be_visible()
    expect(page.get_by_label("Title")).to_have_value("Hearing of the harbour master")
    page.get_by_label("Deadline of the requesting State").fill("2026-03-01")
    page.get_by_label("Reasons given for the deadline").fill("The trial opens in March.")
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hearing of the harbour master")
    expect(page.locator(".case-status")).to_contain_text("received")

    for step, on in (
        ("Register", "2026-01-05"),
        ("Start the completeness check", "2026-01-06"),
        ("Accept", "2026-01-08"),
        ("Assign to an executing authority", "2026-01-09"),
        ("Start execution", "2026-01-12"),
        ("Record execution", "2026-02-10"),
    ):
        page.locator("summary", has_text=step).first.click()
        form = page.locator("details[open] form.step-form").first
        form.get_by_label("Date").fill(on)
        form.get_by_role("button", name=step).click()
        expect(page.locator(".messages")).to_contain_text("Status is now")
    expect(page.locator(".case-status")).to_contain_text("executed")
    # Steps that are not open now are not offered.
    expect(page.locator("summary", has_text="Start execution")).to_have_count(0)
    case = Case.objects.get()
    assert case.days_to_execution == 39

    page.get_by_role("link", name="Dashboard").click()
    expect(
        page.get_by_role("heading", name="Days to execution by counterpart State")
    ).to_be_visible()
    chart = page.locator("svg.chart").nth(1)
    expect(chart).to_have_attribute("role", "img")
    page.locator("summary", has_text="The figures as a table").nth(1).click()
    expect(page.get_by_role("row", name="Yberia")).to_contain_text("39")
