"""The results files a page links to, read in one query for all consultations on the page."""

from django import template

from inepa_portal.translation import current_language

from .. import permissions, selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def results_links(context, consultation) -> selectors.ResultsLinks | None:
    """`{% results_links consultation as results %}`: the files the reader may download, or None
    when they may not have this consultation's results (yet), which costs no query.

    On a page listing `consultations`, the first call reads the files of all of them at once.
    """
    user = context["request"].user
    if not permissions.can_download_results(user, consultation):
        return None
    links = getattr(consultation, "_results_links", None)
    if links is None:
        listed = context.get("consultations") or []
        batch = [
            item
            for item in (listed if consultation in listed else [consultation])
            if permissions.can_download_results(user, item)
        ]
        found = selectors.results_links(
            batch,
            language=current_language(),
            interim_allowed=permissions.can_see_interim_results(user),
        )
        for item in batch:
            item._results_links = found[item.pk]
        links = consultation._results_links
    return links


@register.simple_tag
def failed_results_count() -> int:
    """How many consultations have a results file whose last render failed (admin overview)."""
    return selectors.consultations_with_failed_results().count()
