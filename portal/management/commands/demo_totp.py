"""Print the second-factor code of the demo accounts, which share a demo-only secret."""

from django.core.management.base import BaseCommand

from portal.mfa import DEMO_TOTP_SECRET, current_totp_code


class Command(BaseCommand):
    help = "Print the current authenticator code of the demo accounts (demo only)."

    def handle(self, *args, **options):
        self.stdout.write(current_totp_code(DEMO_TOTP_SECRET))
