"""Pages of the knowledge base; each view states its access rule with a decorator."""

from palermo.knowledge.views.attachment import record_attachment
from palermo.knowledge.views.contribute import (
    contribute,
    create_record,
    edit_record,
    review_record,
    transition_record,
)
from palermo.knowledge.views.pages import article_page, compare, record_detail, record_version
from palermo.knowledge.views.search import export, search, suggest

__all__ = [
    "article_page",
    "compare",
    "contribute",
    "create_record",
    "edit_record",
    "export",
    "record_attachment",
    "record_detail",
    "record_version",
    "review_record",
    "search",
    "suggest",
    "transition_record",
]
