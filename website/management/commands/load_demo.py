"""Load the demo content: the site structure (``setup_site``), then member cities,
practices, tours, events, stories, pictures and two demo accounts. Safe to run again."""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from portal.management.output import quiet
from portal.mfa import DEMO_TOTP_SECRET
from website.demo.loader import DEMO_PASSWORD, DemoLoader, accounts, describe

SITE_URL = "http://127.0.0.1:8000"


class Command(BaseCommand):
    help = "Create the site structure and the demo content, if missing."

    def handle(self, *args, **options):
        with quiet("wagtail", "django_tasks"), transaction.atomic():
            call_command(
                "setup_site",
                verbosity=options["verbosity"],
                stdout=self.stdout,
                stderr=self.stderr,
            )
            created = DemoLoader().load()

        if options["verbosity"] == 0:
            return
        if created:
            self.stdout.write(f"Demo content: created {describe(created)}.")
        else:
            self.stdout.write("Demo content already loaded; nothing changed.")
        self.stdout.write(f"\nThe portal: {SITE_URL}   The admin: {SITE_URL}/admin/")
        for account in accounts():
            self.stdout.write(f"  {account['email']} / {DEMO_PASSWORD}  ({account['group']})")
        self.stdout.write(
            "  Then the code from `manage.py demo_totp` (or an authenticator app with the"
            f" demo-only secret {DEMO_TOTP_SECRET})."
        )
