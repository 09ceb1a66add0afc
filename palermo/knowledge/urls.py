from django.urls import path, register_converter

from palermo.knowledge import views


class KindConverter:
    regex = "caselaw|legislation|treaty|strategy|bibliography"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(KindConverter, "kind")

app_name = "knowledge"

urlpatterns = [
    path("", views.search, name="search"),
    path("suggest/", views.suggest, name="suggest"),
    path("export.<str:file_format>", views.export, name="export"),
    path("compare/", views.compare, name="compare"),
    path("articles/<str:reference>/", views.article_page, name="article"),
    path("contribute/", views.contribute, name="contribute"),
    path("<kind:kind>/new/", views.create_record, name="create"),
    path("<kind:kind>/<int:record_id>/", views.record_detail, name="record"),
    path("<kind:kind>/<int:record_id>/edit/", views.edit_record, name="edit"),
    # Before the transition pattern, which would otherwise take "document" for an action.
    path("<kind:kind>/<int:record_id>/document/", views.record_attachment, name="attachment"),
    path("<kind:kind>/<int:record_id>/review/", views.review_record, name="review"),
    path(
        "<kind:kind>/<int:record_id>/versions/<int:history_id>/",
        views.record_version,
        name="version",
    ),
    path("<kind:kind>/<int:record_id>/<str:action>/", views.transition_record, name="transition"),
]
