from django.urls import path

from palermo.reference import views

app_name = "reference"

urlpatterns = [
    path("", views.countries, name="countries"),
    path("countries/<str:iso3>/", views.country, name="country"),
    path("instruments/", views.instruments, name="instruments"),
    path("instruments/<slug:code>/", views.instrument, name="instrument"),
    path("crime-types/", views.crime_types, name="crime_types"),
    path("cross-cutting-issues/", views.cross_cutting_issues, name="cross_cutting_issues"),
]
