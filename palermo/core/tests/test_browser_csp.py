"""Pages keep to the Content-Security-Policy in a real browser: nothing inline is refused.

htmx adds an inline <style> for its indicator classes unless told not to; the policy refuses it
and the browser logs an error on every page. base.html turns that off (htmx-config) and
palermo.css carries the same rules."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from palermo.knowledge.models import Status
from palermo.knowledge.tests.factories import CaseLawFactory

# Recorded by the page itself, whatever words the browser's console uses.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def _visit(page: Page, url: str) -> tuple[list[str], list[str]]:
    console: list[str] = []
    page.on(
        "console",
        lambda message: console.append(message.text) if message.type == "error" else None,
    )
    page.goto(url)
    page.wait_for_load_state("load")
    violations = page.evaluate("window.__cspViolations")
    csp_errors = [text for text in console if "Content Security Policy" in text]
    return csp_errors, violations


@pytest.mark.browser
def test_pages_log_no_content_security_policy_errors(live_server: Any, page: Page) -> None:
    record = CaseLawFactory(title="Prosecutor v. Orlan (fictional)", status=Status.PUBLISHED)
    page.add_init_script(RECORD_VIOLATIONS)
    for path in (
        "/en/",
        "/ar/",
        "/en/knowledge/",
        "/en/knowledge/?q=orlan",
        f"/en/knowledge/caselaw/{record.pk}/",
    ):
        csp_errors, violations = _visit(page, f"{live_server.url}{path}")
        assert csp_errors == [], (path, csp_errors)
        assert violations == [], (path, violations)


@pytest.mark.browser
def test_htmx_indicators_still_show_only_while_a_request_runs(live_server: Any, page: Page) -> None:
    page.goto(f"{live_server.url}/en/")
    # htmx's own <style> is gone; the project's stylesheet gives the same behaviour.
    assert page.evaluate("document.querySelectorAll('head style').length") == 0
    opacity = page.evaluate(
        """() => {
          const idle = document.createElement("span");
          idle.className = "htmx-indicator";
          const busy = document.createElement("div");
          busy.className = "htmx-request";
          const inside = document.createElement("span");
          inside.className = "htmx-indicator";
          busy.appendChild(inside);
          document.body.append(idle, busy);
          return [getComputedStyle(idle).visibility, getComputedStyle(inside).visibility];
        }"""
    )
    assert opacity == ["hidden", "visible"]
