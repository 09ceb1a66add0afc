from django.urls import path

from palermo.review import views, views_dashboard, views_questionnaire, views_setup, views_templates

app_name = "review"

urlpatterns = [
    path("", views.index, name="index"),
    path("dashboard/", views_dashboard.dashboard, name="dashboard"),
    path(
        "dashboard/progress.csv",
        views_dashboard.dashboard_progress_csv,
        name="dashboard-progress-csv",
    ),
    path(
        "dashboard/assistance.csv",
        views_dashboard.dashboard_assistance_csv,
        name="dashboard-assistance-csv",
    ),
    path("cycles/new/", views_setup.cycle_create, name="cycle-create"),
    path("cycles/<int:cycle_id>/", views.cycle_detail, name="cycle"),
    path("cycles/<int:cycle_id>/place/", views_setup.cycle_place, name="cycle-place"),
    path("cycles/<int:cycle_id>/draw/", views.cycle_draw, name="cycle-draw"),
    path("cycles/<int:cycle_id>/draw.csv", views.cycle_draw_csv, name="cycle-draw-csv"),
    path("<int:review_id>/", views.review_detail, name="review"),
    path("<int:review_id>/redraw/", views.review_redraw, name="review-redraw"),
    path("<int:review_id>/roles/", views.review_grant_role, name="review-grant-role"),
    path(
        "<int:review_id>/roles/<int:role_id>/revoke/",
        views.review_revoke_role,
        name="review-revoke-role",
    ),
    path(
        "questionnaires/<int:questionnaire_id>/",
        views_questionnaire.questionnaire_detail,
        name="questionnaire",
    ),
    path(
        "questionnaires/<int:questionnaire_id>/questions/<int:question_id>/answer/",
        views_questionnaire.answer_edit,
        name="answer",
    ),
    path(
        "questionnaires/<int:questionnaire_id>/submit/",
        views_questionnaire.questionnaire_submit,
        name="submit",
    ),
    path(
        "questionnaires/<int:questionnaire_id>/comments/",
        views_questionnaire.comment_add,
        name="comment",
    ),
    path(
        "questionnaires/<int:questionnaire_id>/observations/",
        views_questionnaire.observation_add,
        name="observe",
    ),
    path(
        "questionnaires/<int:questionnaire_id>/consolidate/",
        views_questionnaire.consolidate,
        name="consolidate",
    ),
    path(
        "questionnaires/<int:questionnaire_id>/observations.<str:fmt>",
        views_questionnaire.observations_document,
        name="observations-document",
    ),
    path(
        "observations/<int:observation_id>/reply/",
        views_questionnaire.observation_reply,
        name="reply",
    ),
    path("templates/", views_templates.template_list, name="templates"),
    path("templates/new/", views_templates.template_start, name="template-start"),
    path("templates/<int:template_id>/", views_templates.template_edit, name="template"),
    path(
        "templates/<int:template_id>/publish/",
        views_templates.template_publish,
        name="template-publish",
    ),
    path(
        "templates/<int:template_id>/questions/<int:question_id>/remove/",
        views_templates.question_remove,
        name="question-remove",
    ),
]
