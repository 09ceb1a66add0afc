from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "palermo.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from palermo.core import preflight  # noqa: F401  (registers the deployment checks)
