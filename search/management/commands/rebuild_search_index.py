from django.core.management.base import BaseCommand

from search.models import SearchDocument
from search.services import index_rebuild


class Command(BaseCommand):
    help = "Index every article, consultation, section and published comment again."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Only when the index holds nothing yet (a database made before search was).",
        )

    def handle(self, *args, if_empty: bool = False, **options) -> None:
        if if_empty and (count := SearchDocument.objects.count()):
            self.stdout.write(f"Search index already built: {count} documents.")
            return
        count = index_rebuild()
        self.stdout.write(f"Search index rebuilt: {count} documents.")
