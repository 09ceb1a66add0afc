"""Root URL map. Interface pages are language-prefixed (/en/, /ar/, ...); the API is not."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from palermo.api import api
from palermo.core import views as core_views

urlpatterns = [
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", core_views.health, name="health"),
]

urlpatterns += i18n_patterns(
    path("", include("palermo.core.urls")),
    path("accounts/", include("palermo.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("reference/", include("palermo.reference.urls")),
    path("knowledge/", include("palermo.knowledge.urls")),
    path("directory/", include("palermo.directory.urls")),
    path("writer/", include("palermo.writer.urls")),
    path("cases/", include("palermo.cases.urls")),
    path("review/", include("palermo.review.urls")),
    path("admin/", admin.site.urls),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    prefix_default_language=True,
)

# Uploaded and generated files (MEDIA_ROOT) are never served by address, not even in debug mode:
# each is downloaded through a view of its app that applies the owning record's access rule
# (knowledge:attachment, cases:document, directory:guide-file, the writer's documents).
