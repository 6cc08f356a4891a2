"""Deletes the decision documents kept for an applicant's next try once their token has
expired: an application never sent again would otherwise leave its PDF behind for ever.
Run daily from cron or a scheduler, on one server."""

from django.core.management.base import BaseCommand

from cities.forms import clear_expired_kept_documents


class Command(BaseCommand):
    help = "Delete decision documents kept for a retry whose time has run out."

    def handle(self, *args, **options):
        deleted = clear_expired_kept_documents()
        self.stdout.write(f"Deleted {deleted} kept decision document(s).")
