"""Site-wide pages: home, about, health check."""

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.static import serve

from articles import selectors as article_selectors

from . import pagecache

HOME_ARTICLES = 5


def _article_scopes(request: HttpRequest, **kwargs) -> list[str]:
    return ["articles"]


@require_safe
@pagecache.cache_for_visitors(_article_scopes)
def home(request: HttpRequest) -> HttpResponse:
    articles = article_selectors.published_articles()[:HOME_ARTICLES]
    return render(request, "home.html", {"articles": articles, "section": "home"})


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
    return serve(request, path, document_root=settings.MEDIA_ROOT)
