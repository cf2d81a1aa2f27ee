"""Load the portal's demo content (inepa_portal/demo/data); running it again changes nothing."""

import secrets

from django.core.management.base import BaseCommand
from django.utils import timezone

from accounts import services as account_services
from accounts.models import User
from inepa_portal import demo
from inepa_portal.demo.articles import article_load
from inepa_portal.demo.citizens import citizens_ensure
from inepa_portal.demo.consultations import consultation_load
from inepa_portal.demo.pages import pages_ensure
from inepa_portal.demo.results import results_render

DEMO_STAFF_EMAIL = "urednik@inepa.example"
DEMO_STAFF_NAME = "Uredništvo INePA"


class Command(BaseCommand):
    help = "Load demo articles, consultations, citizens and a staff account (idempotent)."

    def handle(self, *args, **options) -> None:
        staff = self._ensure_staff()
        now = timezone.now()
        index = demo.read("demo")
        created = [
            key
            for key in index["articles"]
            if article_load(key=key, data=demo.read("articles", key))
        ]
        people = citizens_ensure(index["citizens"])
        consultations = {key: demo.read("consultations", key) for key in index["consultations"]}
        created += [
            key
            for key, data in consultations.items()
            if consultation_load(data=data, people=people, staff=staff, now=now)
        ]
        results_render(consultations=consultations.values(), now=now)
        created += [f"page {kind}" for kind in pages_ensure(demo.read("pages"))]
        if created:
            self.stdout.write(f"Demo content added: {', '.join(created)}.")
        else:
            self.stdout.write("Demo content already present; nothing changed.")

    def _ensure_staff(self) -> User:
        staff = User.objects.filter(email=DEMO_STAFF_EMAIL).first()
        if staff is not None:
            self.stdout.write(
                f"Demo staff account '{DEMO_STAFF_EMAIL}' exists "
                "(its password was printed when it was created)."
            )
            return staff
        password = secrets.token_urlsafe(12)
        staff = account_services.staff_account_create(
            email=DEMO_STAFF_EMAIL, display_name=DEMO_STAFF_NAME, password=password
        )
        self.stdout.write(
            self.style.SUCCESS(
                "Demo staff login (shown only this once): "
                f"http://127.0.0.1:8000/admin/  email: {DEMO_STAFF_EMAIL}  password: {password}"
            )
        )
        return staff
