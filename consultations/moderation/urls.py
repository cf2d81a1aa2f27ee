"""A citizen's part in moderation, under a consultation's address: reporting and appealing."""

from django.urls import path

from . import views

app_name = "moderation"

urlpatterns = [
    path("<slug:slug>/comments/<int:pk>/flag/", views.flag, name="flag"),
    path("<slug:slug>/comments/<int:pk>/appeal/", views.appeal, name="appeal"),
]
