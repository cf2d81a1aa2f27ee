"""The cached pages that show a consultation, and expiring them when what they show changes.

Called by the services that write (participation's, moderation's and results'), not by model
signals: a receiver for every save and delete would make Django fetch and signal each row of a
cascade one by one (deleting a consultation would cost queries in proportion to its comments).
"""

from inepa_portal import pagecache

from .models import Consultation


def consultation_pages_expire(consultation_id: int | None, *, slugs: tuple[str, ...] = ()) -> None:
    """Expire the list of consultations and one consultation's pages, under each of its slugs
    (read now, or given when the consultation is about to be deleted or renamed)."""
    if not slugs and consultation_id is not None:
        slugs = (
            Consultation.objects.filter(pk=consultation_id)
            .values_list("slug_sl", "slug_en")
            .first()
            or ()
        )
    pagecache.bump("consultations", *(f"consultation:{slug}" for slug in slugs if slug))
