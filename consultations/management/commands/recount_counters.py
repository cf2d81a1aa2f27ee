"""Count votes, published comments and supports again from their rows, and compare."""

from django.core.management.base import BaseCommand, CommandError

from consultations import counters


class Command(BaseCommand):
    help = (
        "Compare the counters the services keep (votes per target and choice, published "
        "comments per target, supports per comment) with the rows; --fix writes the rows' "
        "numbers. Exits with an error when a counter drifted and was not fixed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="write the rows' numbers")

    def handle(self, *args, fix: bool = False, **options):
        drifts = counters.recount(fix=fix)
        for drift in drifts:
            self.stdout.write(f"{'fixed ' if fix else ''}{drift}")
        if not drifts:
            self.stdout.write("Every counter matches its rows.")
        elif fix:
            self.stdout.write(f"{len(drifts)} counters fixed.")
        else:
            raise CommandError(f"{len(drifts)} counters drifted; run with --fix to correct them.")
