from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    """Rendering of generated documents (PDF, DOCX) and the store of what was generated."""

    name = "palermo.core.documents"
    label = "documents"
    verbose_name = _("Generated documents")
