from django.urls import path

from palermo.cases import views, views_letters, views_stats, views_work

app_name = "cases"

urlpatterns = [
    path("", views.index, name="index"),
    path("dashboard/", views_stats.dashboard, name="dashboard"),
    path("export.csv", views_stats.export_cases, name="export"),
    path("statistics/<slug:figure>.csv", views_stats.statistics_csv, name="statistics-csv"),
    path("settings/", views_stats.case_settings, name="settings"),
    path("holidays/<int:holiday_id>/remove/", views_stats.remove_holiday, name="remove-holiday"),
    path(
        "reminders/<int:reminder_id>/dismiss/",
        views_stats.dismiss_reminder,
        name="dismiss-reminder",
    ),
    path("register/", views.register, name="register"),
    path("<int:case_id>/", views.detail, name="detail"),
    path("<int:case_id>/edit/", views.edit, name="edit"),
    path("<int:case_id>/step/", views.take_transition, name="transition"),
    path("<int:case_id>/assign/", views.assign, name="assign"),
    path("<int:case_id>/confidentiality/", views.confidentiality, name="confidentiality"),
    path("<int:case_id>/notes/", views_work.add_note, name="add-note"),
    path("<int:case_id>/tasks/", views_work.add_task, name="add-task"),
    path("<int:case_id>/tasks/<int:task_id>/done/", views_work.complete_task, name="complete-task"),
    path("<int:case_id>/documents/", views_work.add_document, name="add-document"),
    path("<int:case_id>/documents/<int:document_id>/", views_work.document, name="document"),
    path("<int:case_id>/correspondence/", views_work.add_correspondence, name="add-correspondence"),
    path("<int:case_id>/links/", views_work.add_link, name="add-link"),
    path("<int:case_id>/persons/", views_work.add_person, name="add-person"),
    path("<int:case_id>/offences/", views_work.add_offence, name="add-offence"),
    path("<int:case_id>/measure-deadline/", views_work.measure_deadline, name="measure-deadline"),
    path("<int:case_id>/chase/", views_letters.chase, name="chase"),
]
