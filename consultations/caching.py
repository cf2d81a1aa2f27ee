"""The cached pages that show a consultation, and expiring them when what they show changes.

Called by the services that write (participation's, moderation's and results'), not by model
signals: a receiver for every save and delete would make Django fetch and signal each row of a
cascade one by one (deleting a consultation would cost queries in proportion to its comments).

A consultation's pages depend on a scope named by its id, never by its slugs: renaming or
deleting it expires every address it was shown at (old slugs, both languages, its discussions).
"""

from inepa_portal import pagecache

from .models import Consultation

LIST_SCOPE = "consultations"


def consultation_scope(consultation_id: int) -> str:
    return f"consultation:{consultation_id}"


def consultation_pages_expire(consultation_id: int | None) -> None:
    """Expire the list of consultations and one consultation's pages."""
    scopes = [LIST_SCOPE]
    if consultation_id is not None:
        scopes.append(consultation_scope(consultation_id))
    pagecache.bump(*scopes)


def consultation_page_shown(request, consultation: Consultation) -> None:
    """The page being made shows `consultation`: it changes state when it opens and closes."""
    pagecache.depends_on(
        request,
        consultation_scope(consultation.pk),
        until=pagecache.next_moment([consultation.opens_at, consultation.closes_at]),
    )


def consultation_list_shown(request, consultations: list[Consultation]) -> None:
    """The list shows each consultation's state: it changes at the next opening or closing."""
    pagecache.depends_on(
        request,
        LIST_SCOPE,
        until=pagecache.next_moment(
            moment
            for consultation in consultations
            for moment in (consultation.opens_at, consultation.closes_at)
        ),
    )
