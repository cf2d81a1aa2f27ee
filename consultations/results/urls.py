"""A consultation's results files, under its address."""

from django.urls import path

from . import views

app_name = "results"

urlpatterns = [
    path(f"<slug:slug>/results.{kind}", views.results_file, {"kind": kind}, name=kind)
    for kind in ("pdf", "csv", "json", "xlsx")
]
