"""Writes of the information pages."""

from django.db import transaction

from inepa_portal.markup import render_markdown
from inepa_portal.translation import LANGUAGE_CODES

from .models import InformationPage


@transaction.atomic
def page_save(*, page: InformationPage) -> InformationPage:
    """Save a page written by staff. Effects: renders each language's text to sanitised HTML."""
    for code in LANGUAGE_CODES:
        body_html = render_markdown(getattr(page, f"body_{code}"), language=code)
        setattr(page, f"body_html_{code}", body_html)
    page.full_clean()
    page.save()
    return page
