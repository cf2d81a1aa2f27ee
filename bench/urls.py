"""The project's URLs, plus the Fortunes baseline the benchmark compares every page with."""

from django.urls import path

from inepa_portal.urls import urlpatterns as portal_urlpatterns

from . import views

urlpatterns = [
    path("bench/fortunes/", views.fortunes, name="bench_fortunes"),
    *portal_urlpatterns,
]
