from django.conf import settings
from django.core.management.base import BaseCommand

from events.registration import purge_attendees


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
