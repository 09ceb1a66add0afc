from django.urls import path

from palermo.writer import views

app_name = "writer"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.create, name="create"),
    path("<int:pk>/", views.review, name="review"),
    path("<int:pk>/step/<slug:step>/", views.step, name="step"),
    path("<int:pk>/autosave/<slug:step>/", views.autosave, name="autosave"),
    path("<int:pk>/acknowledge/", views.acknowledge, name="acknowledge"),
    path("<int:pk>/do/<slug:action>/", views.transition, name="transition"),
    path("<int:pk>/documents/<int:document_id>/", views.stored_document, name="document"),
    path(
        "<int:pk>/download/<slug:kind>/<slug:fmt>/<slug:language>/", views.download, name="download"
    ),
]
