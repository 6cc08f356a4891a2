"""How allauth's sign-in pages hand people over to the portal."""

import datetime

from allauth.account import app_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.models import Authenticator
from django.urls import reverse
from django.utils import timezone


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        """Those who work in the admin land on their dashboard, not the public home page:
        an invited editor who has just chosen a password goes straight on to it (and
        from there to setting up a second factor). A ``next`` address still wins."""
        if request.user.has_perm("wagtailadmin.access_admin"):
            return reverse("wagtailadmin_home")
        return super().get_login_redirect_url(request)

    def is_reauthentication_required(self, *, app, **kwargs):
        """allauth asks for the password again before any change to someone's second
        factors. An invited editor setting up their first one minutes after choosing
        their password would type it twice in a row, and once more for the recovery
        codes. They are not asked again while they signed in less than
        ACCOUNT_REAUTHENTICATION_TIMEOUT ago and every authenticator they have was added
        since; changing one that was there before this sign-in still asks."""
        user = self.request.user if self.request else None
        if app == "allauth.mfa" and user is not None and user.is_authenticated:
            signed_in = user.last_login
            just_signed_in = signed_in and timezone.now() - signed_in < datetime.timedelta(
                seconds=app_settings.REAUTHENTICATION_TIMEOUT
            )
            if (
                just_signed_in
                and not Authenticator.objects.filter(user=user, created_at__lt=signed_in).exists()
            ):
                return False
        return super().is_reauthentication_required(app=app, **kwargs)
