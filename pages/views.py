"""The information pages, in the page's language (or the other one, with a notice)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from . import selectors


@require_safe
def information_page(request: HttpRequest, kind: str) -> HttpResponse:
    page = selectors.page_of_kind(kind)
    if page is None:
        raise Http404
    return render(
        request,
        "pages/information_page.html",
        {"page": page, "version": page.localized(), "section": kind},
    )
