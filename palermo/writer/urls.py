from django.urls import path

from palermo.writer import views

app_name = "writer"

urlpatterns = [
    path("", views.index, name="index"),
]
