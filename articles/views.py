"""Public article pages: glue between selectors and templates."""

from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import override
from django.views.decorators.http import require_safe

from inepa_portal import pagecache
from inepa_portal.alternates import language_alternates
from inepa_portal.translation import LANGUAGE_CODES

from . import permissions, selectors
from .models import Article

ARTICLES_PER_PAGE = 10


def _article_paths(article: Article) -> dict[str, str]:
    paths = {}
    for code in LANGUAGE_CODES:
        with override(code):
            paths[code] = article.get_absolute_url()
    return paths


def _article_scopes(request: HttpRequest, **kwargs) -> list[str]:
    return ["articles"]


# Any article change bumps "articles"; one scheduled for later appears without a change.
ARTICLES_APPEAR = selectors.next_publication


@require_safe
@pagecache.cache_for_visitors(_article_scopes, until=ARTICLES_APPEAR)
def article_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.published_articles(), ARTICLES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "articles/article_list.html", {"page": page, "section": "articles"})


def _render_detail(request: HttpRequest, article: Article, *, is_preview: bool) -> HttpResponse:
    return render(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "version": article.localized(),
            "is_preview": is_preview,
            "alternates": language_alternates(
                request, _article_paths(article), written=article.written_languages()
            ),
            "section": "articles",
        },
    )


@require_safe
@pagecache.cache_for_visitors(_article_scopes, until=ARTICLES_APPEAR)
def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    article = selectors.published_article_for_slug(slug)
    if article is None:
        raise Http404
    canonical_slug = article.localized().slug
    if slug != canonical_slug:
        # Reached through the other language's slug (e.g. after switching language).
        return redirect(reverse("articles:detail", kwargs={"slug": canonical_slug}), permanent=True)
    return _render_detail(request, article, is_preview=False)


@require_safe
@staff_member_required
def article_preview(request: HttpRequest, pk: int) -> HttpResponse:
    if not permissions.can_preview(request.user):
        raise PermissionDenied
    article = selectors.article_for_preview(pk)
    if article is None:
        raise Http404
    response = _render_detail(request, article, is_preview=True)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def attachment_download(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    article = selectors.published_article_for_slug(slug)
    if article is None:
        raise Http404
    attachment = get_object_or_404(article.attachments.all(), pk=pk)
    return FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.filename
    )
