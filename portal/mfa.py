"""Authenticator helpers for the demo and the tests.

Real people set up their authenticator app or security key themselves on the account
pages (allauth's MFA). The demo accounts get an authenticator with a fixed secret so
that ``make run`` stays usable: ``manage.py demo_totp`` prints the current code.
"""

import time

from allauth.mfa import app_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from allauth.mfa.utils import decrypt

# Demo only: this secret is printed in the README, so anyone can compute the codes.
# Add it to an authenticator app, or run `manage.py demo_totp`.
DEMO_TOTP_SECRET = "NSCDEMOSECRETNOTFORREALUSEXXXXXX"  # noqa: S105


def add_totp(user, secret=None):
    """Give ``user`` a TOTP authenticator (with ``secret``, or a new random one) unless
    they have one already; returns the secret in use."""
    existing = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if existing:
        return decrypt(existing.data["secret"])
    secret = secret or generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def current_totp_code(secret, at=None):
    """The code an authenticator app shows for ``secret`` now (or at ``at``, a Unix time)."""
    counter = int(time.time() if at is None else at) // app_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, counter))
