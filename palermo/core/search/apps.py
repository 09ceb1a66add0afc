from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Full-text search with facets, kept in the main database (BRIEF §5 "Search")."""

    name = "palermo.core.search"
    label = "search"
    verbose_name = _("Search")
