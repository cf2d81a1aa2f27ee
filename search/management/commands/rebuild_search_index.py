from django.core.management.base import BaseCommand

from search.services import index_rebuild


class Command(BaseCommand):
    help = "Index every article, consultation, section and published comment again."

    def handle(self, *args, **options) -> None:
        count = index_rebuild()
        self.stdout.write(f"Search index rebuilt: {count} documents.")
