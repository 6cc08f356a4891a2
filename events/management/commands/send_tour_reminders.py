import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import timezone

from events.takeover import send_reminder, stops_due_a_reminder


class Command(BaseCommand):
    help = (
        "Email a city's editors 14 and 3 days before their takeover week when posts are "
        "missing. Run it daily; it never sends the same reminder twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            type=datetime.date.fromisoformat,
            help="Act as if today were this date (YYYY-MM-DD), to catch up after an outage.",
        )

    def handle(self, *args, **options):
        today = options["date"] or timezone.localdate()
        sent = 0
        for stop, kind in stops_due_a_reminder(today):
            pack_url = settings.WAGTAILADMIN_BASE_URL + reverse(
                "events_takeover_pack", args=[stop.pk]
            )
            recipients = send_reminder(stop, kind, today=today, pack_url=pack_url)
            sent += recipients
            self.stdout.write(
                f"{stop.city.title}, week of {stop.week_start}: {kind}-day reminder "
                f"to {recipients} editor(s)"
            )
        self.stdout.write(f"{sent} reminder(s) sent.")
