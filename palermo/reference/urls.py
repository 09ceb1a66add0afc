from django.urls import path

from palermo.reference import views

app_name = "reference"

urlpatterns = [
    path("", views.countries, name="countries"),
]
