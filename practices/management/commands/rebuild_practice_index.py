"""Build the practice library's Elasticsearch index afresh from the database."""

from django.conf import settings
from django.core.management.base import BaseCommand

from practices import search_index

BAR_WIDTH = 30
# Redrawing the bar for every practice would flood a log that is not a terminal.
REDRAW_EVERY = 50


class Command(BaseCommand):
    help = (
        "Index every live practice in a new Elasticsearch index and switch the library to "
        "it. Does nothing unless ELASTICSEARCH_URL is set."
    )

    def handle(self, *args, **options):
        if not settings.ELASTICSEARCH_URL:
            self.stdout.write("ELASTICSEARCH_URL is not set: the library searches the database.")
            return
        count = search_index.rebuild(progress=self.show_progress)
        if count:
            self.stdout.write("")  # ends the progress bar's line
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {count} practices; {search_index.index_name()} now points to them."
            )
        )

    def show_progress(self, done, total):
        if done % REDRAW_EVERY and done != total:
            return
        filled = BAR_WIDTH * done // total
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        self.stdout.write(f"\r[{bar}] {done}/{total}", ending="")
        self.stdout.flush()
