from django.urls import path

from palermo.knowledge import views

app_name = "knowledge"

urlpatterns = [
    path("", views.search, name="search"),
]
