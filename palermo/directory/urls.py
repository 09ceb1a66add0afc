from django.urls import path

from palermo.directory import views, views_edit

app_name = "directory"

urlpatterns = [
    path("", views.index, name="index"),
    path("export.csv", views.export_csv, name="export-csv"),
    path("export.pdf", views.export_pdf, name="export-pdf"),
    path("route/", views.route, name="route"),
    path("stale/", views_edit.stale, name="stale"),
    path("new/", views_edit.authority_new, name="new"),
    path("<int:authority_id>/", views.authority_detail, name="authority"),
    path("<int:authority_id>/vcard/", views.authority_vcard, name="authority-vcard"),
    path("<int:authority_id>/edit/", views_edit.authority_edit, name="edit"),
    path("<int:authority_id>/verify/", views_edit.authority_verify, name="verify"),
    path("<int:authority_id>/history/", views_edit.history, name="history"),
    path("<int:authority_id>/contacts/", views_edit.contact_add, name="contact-add"),
    path("<int:authority_id>/guides/", views_edit.guide_add, name="guide-add"),
    path("contacts/<int:contact_id>/vcard/", views.contact_vcard, name="contact-vcard"),
    path("contacts/<int:contact_id>/remove/", views_edit.contact_remove, name="contact-remove"),
    path("guides/<int:guide_id>/", views.guide_file, name="guide-file"),
    path("guides/<int:guide_id>/remove/", views_edit.guide_remove, name="guide-remove"),
]
