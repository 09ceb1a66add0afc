from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "palermo.review"
    label = "review"
    verbose_name = _("Implementation review")

    def ready(self) -> None:
        # Review roles (focal point, expert, observer, secretariat) sit above practitioner.
        from palermo.accounts.access import register_mfa_role
        from palermo.review.access import holds_review_role

        register_mfa_role(holds_review_role)
