"""Site-wide pages: home, about, health check, and the page for unexpected errors."""

import logging
import sys

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseServerError,
)
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.static import serve

from articles import selectors as article_selectors
from consultations import selectors as consultation_selectors

from . import pagecache

HOME_ARTICLES = 5


def _home_scopes(request: HttpRequest, **kwargs) -> list[str]:
    return ["articles", "consultations"]


# Any article change bumps "articles"; one scheduled for later appears without a change.
ARTICLES_APPEAR = article_selectors.next_publication


# The home page leads with the open consultations and their time left: a minute at most (and
# never past an article's publication or an open consultation's closing).
@require_safe
@pagecache.cache_for_visitors(_home_scopes, seconds=60, until=ARTICLES_APPEAR)
def home(request: HttpRequest) -> HttpResponse:
    articles = article_selectors.published_articles()[:HOME_ARTICLES]
    return render(
        request,
        "home.html",
        {
            "articles": articles,
            "open_consultations": consultation_selectors.open_consultations(request.user),
            "section": "home",
        },
    )


@require_safe
@pagecache.cache_for_visitors(lambda request: ["about"])
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "about.html", {"section": "about"})


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers a query, 503 when it does not (for load balancers)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@require_safe
def media(request: HttpRequest, path: str) -> FileResponse:
    """Uploaded files, where no web server or object storage serves them (embedded default)."""
    try:
        return serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError:  # a name the file system refuses (too long…): there is no such file
        raise Http404 from None


logger = logging.getLogger(__name__)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The 400 page, rendered without the layout's context: the request it answers is one
    Django could not read (too large, too many fields, a host we do not serve), and the context
    processors would read it again and fail."""
    return HttpResponseBadRequest(loader.get_template("400.html").render())


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page; when the database cannot be reached, a friendly 503 instead.

    Django calls this while the exception is being handled, wherever it was raised (a view, a
    template, a middleware), so sys.exception() tells which. Neither page touches the database.
    """
    if isinstance(sys.exception(), OperationalError | InterfaceError):
        logger.warning("Database unavailable while serving %s", request.path)
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())
