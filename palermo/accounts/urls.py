from django.urls import path

from palermo.accounts import views

app_name = "accounts"

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("mfa-required/", views.mfa_required, name="mfa-required"),
]
