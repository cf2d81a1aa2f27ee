"""The privacy notice, the participation and moderation rules and the contact page."""

from django.urls import path

from . import views

app_name = "pages"

urlpatterns = [
    path(f"{kind}/", views.information_page, {"kind": kind}, name=kind)
    for kind in ("privacy", "rules", "contact")
]
