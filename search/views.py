"""The search results page: glue between the form, the selector and the template."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.views.decorators.http import require_safe

from inepa_portal.alternates import language_alternates
from inepa_portal.translation import LANGUAGE_CODES, current_language

from . import excerpts, selectors
from .forms import SearchForm

RESULTS_PER_PAGE = 20
# Results counted at most: a common word is not worth counting through the whole index.
COUNTED_AT_MOST = 500


class CappedPaginator(Paginator):
    """Counts at most COUNTED_AT_MOST results, in one query that also tells whether there are
    more (is_capped)."""

    @cached_property
    def _counted(self) -> int:
        # Unordered: the first matches found will do for a count.
        return self.object_list.order_by().values("pk")[: COUNTED_AT_MOST + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self._counted, COUNTED_AT_MOST)

    @property
    def is_capped(self) -> bool:
        return self._counted > COUNTED_AT_MOST


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    page = results = None
    if query and selectors.query_is_searchable(query):
        page = CappedPaginator(
            selectors.search_documents(query, language=current_language()), RESULTS_PER_PAGE
        ).get_page(request.GET.get("page"))
        results = excerpts.results(page.object_list, query)
    suffix = f"?{urlencode({'q': query})}" if query else ""
    paths = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            paths[code] = reverse("search:results") + suffix
    return render(
        request,
        "search/results.html",
        {
            "form": form,
            "query": query,
            "page": page,
            "results": results,
            "page_query": urlencode({"q": query}),
            "search_query": query,
            "alternates": language_alternates(request, paths),
            "section": "search",
        },
    )
