"""Request writer: render times of a ten-page request (DOCX and PDF) and validation time.

    uv run python benchmarks/writer_render.py

Builds a fictional request long enough to fill at least ten A4 pages as PDF, renders it in
English, Arabic and Chinese, and prints the median and worst of several runs after one warm-up
run. "Validation" is what POST /validate computes besides reading the request: checking the
shape of the content (validation.clean_content) and the checklist rules (rules.check).
Targets (issue 5): DOCX < 0.5 s, PDF < 2 s, validation < 50 ms. Figures go in
docs/performance.md, "Request writer".
"""

from __future__ import annotations

import datetime
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("PALERMO_DATA_DIR", tempfile.mkdtemp(prefix="palermo-bench-"))
os.environ["DJANGO_SETTINGS_MODULE"] = "palermo.test_settings"

import django

django.setup()

import pypdf  # noqa: E402

from palermo.core.documents.rendering import render_docx, render_pdf  # noqa: E402
from palermo.reference.measures import MEASURES  # noqa: E402
from palermo.writer.documents import document_data  # noqa: E402
from palermo.writer.docx_templates import REQUEST_TEMPLATE  # noqa: E402
from palermo.writer.rules import Context, check  # noqa: E402
from palermo.writer.samples import sample  # noqa: E402
from palermo.writer.validation import clean_content  # noqa: E402

RUNS = 5
EXTRA = {
    "requesting_state_name": "Italy",
    "requested_state_name": "Brazil",
    "date": datetime.date(2026, 11, 28),
}


def ten_page_request(paragraphs: int) -> dict[str, object]:
    content = sample("bank_records")
    facts = content["facts"]  # type: ignore[index]
    base = facts["summary"]
    facts["summary"] = "\n\n".join(f"{n}. {base}" for n in range(1, paragraphs + 1))
    return content


def timed(action: Callable[[], object]) -> tuple[float, float]:
    action()  # warm-up: templates, fonts and catalogues loaded
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times), max(times)


def main() -> None:
    paragraphs = 10
    while True:
        content = ten_page_request(paragraphs)
        doc = document_data(content, EXTRA, "en")
        pdf = render_pdf("writer/document.html", {"doc": doc}, "en")
        pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
        if pages >= 10:
            break
        paragraphs += 4
    print(f"request of {pages} pages in English ({paragraphs} paragraphs of facts)")
    for language in ("en", "ar", "zh-hans"):
        content["target_language"] = language
        doc = document_data(content, EXTRA, language)
        docx_median, docx_worst = timed(
            lambda: render_docx(REQUEST_TEMPLATE, {"doc": doc}, language)  # noqa: B023
        )
        pdf_median, pdf_worst = timed(
            lambda: render_pdf("writer/document.html", {"doc": doc}, language)  # noqa: B023
        )
        print(
            f"{language:8} DOCX median {docx_median:.3f} s (worst {docx_worst:.3f} s)   "
            f"PDF median {pdf_median:.3f} s (worst {pdf_worst:.3f} s)"
        )
    context = Context(
        today=datetime.date(2026, 11, 28),
        coercive_measures=frozenset(m.code for m in MEASURES if m.coercive),
        untoc_both_parties=True,
        proposed_bases=("untoc",),
    )
    median, worst = timed(lambda: check(clean_content(content), context))
    print(f"validation median {median * 1000:.1f} ms (worst {worst * 1000:.1f} ms)")


if __name__ == "__main__":
    main()
