from django.core.management.base import BaseCommand

from notifications import services


class Command(BaseCommand):
    help = (
        "Record what time brought (closings, published results, new consultations) and queue "
        "the daily digests. Run it every few minutes (cron or a systemd timer)."
    )

    def handle(self, *args, **options) -> None:
        made = services.time_events_record()
        digests = services.digests_send()
        self.stdout.write(f"{made} notifications recorded, {digests} digests queued")
