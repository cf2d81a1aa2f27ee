"""Reads of the information pages."""

from .models import InformationPage


def page_of_kind(kind: str) -> InformationPage | None:
    """The privacy notice, the rules or the contact page; None until staff have written it."""
    return InformationPage.objects.filter(kind=kind).first()
