import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Count
from django.utils import timezone

from events.models import EventPage, Registration


def purge_attendees(days, now=None, dry_run=False):
    """Delete the registrations of events that ended more than ``days`` days ago, as
    data-protection rules ask. Returns [(event, number deleted), ...]."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=days)
    events = (
        EventPage.objects.filter(end__lt=cutoff, registrations__isnull=False)
        .annotate(registration_count=Count("registrations"))
        .order_by("end")
    )
    purged = [(event, event.registration_count) for event in events]
    if not dry_run:
        Registration.objects.filter(event__end__lt=cutoff).delete()
    return purged


class Command(BaseCommand):
    help = (
        "Delete the registrations, and with them the attendees' personal data, of events "
        "that ended more than EVENT_ATTENDEE_RETENTION_DAYS days ago (the setting). Safe to "
        "run every day; a second run deletes nothing more."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep registrations this many days after the event instead of the setting.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be deleted, delete nothing."
        )

    def handle(self, *args, days=None, dry_run=False, **options):
        if days is None:
            days = settings.EVENT_ATTENDEE_RETENTION_DAYS
        if days < 0:
            self.stderr.write("--days must be 0 or more.")
            return
        purged = purge_attendees(days, dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        for event, count in purged:
            self.stdout.write(
                f"{verb} {count} registration{'s' if count != 1 else ''} of "
                f"{event.title!r} (ended {event.end:%Y-%m-%d})."
            )
        total = sum(count for _event, count in purged)
        if total:
            self.stdout.write(f"{verb} {total} in all, of events that ended over {days} days ago.")
        else:
            self.stdout.write(
                f"Nothing to delete: no registrations of events that ended over {days} days ago."
            )
