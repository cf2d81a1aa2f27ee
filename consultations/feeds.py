"""Atom feed of consultations as they open and close, one per language."""

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from inepa_portal.feeds import PortalFeed

from .models import Consultation

FEED_LENGTH = 20


class ConsultationFeed(PortalFeed):
    id_kind = "consultation"

    def title(self) -> str:
        return _("INePA: consultations")

    def subtitle(self) -> str:
        return _("Draft policies open for your comments and votes, and when they close")

    def link(self) -> str:
        return reverse("consultations:list")

    def feed_url(self) -> str:
        return reverse("consultations:feed")

    def items(self):
        """Published consultations that have opened, the latest event (opening or closing) first."""
        now = timezone.now()
        consultations = Consultation.objects.published().filter(opens_at__lte=now)
        return sorted(consultations, key=lambda c: self._event_time(c, now), reverse=True)[
            :FEED_LENGTH
        ]

    @staticmethod
    def _event_time(consultation: Consultation, now):
        return consultation.closes_at if consultation.closes_at <= now else consultation.opens_at

    def item_title(self, item: Consultation) -> str:
        return item.localized().title

    def item_description(self, item: Consultation) -> str:
        """The summary and the window, as the HTML an Atom summary holds (the summary is
        plain text: escaped, so a reader shows it as written)."""
        closes = date_format(timezone.localtime(item.closes_at), "DATETIME_FORMAT")
        if item.is_open():
            window = _("Open for comments and votes until %(date)s.") % {"date": closes}
        else:
            window = _("Closed on %(date)s.") % {"date": closes}
        return format_html("<p>{}</p>\n<p>{}</p>", item.localized().summary, window)

    def item_pubdate(self, item: Consultation):
        return item.opens_at

    def item_updateddate(self, item: Consultation):
        return self._event_time(item, timezone.now())
