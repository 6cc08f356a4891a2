"""The portal's own security middleware: the second factor for everyone who edits, the
headers Django's SecurityMiddleware does not send, and the Content-Security-Policy that
the Wagtail admin needs beside the strict one of the public site.
"""

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from portal.roles import NETWORK_STAFF

# Authenticators that make a second factor; recovery codes only back them up.
SECOND_FACTORS = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]

MFA_REQUIRED_MESSAGE = _(
    "The admin holds unpublished plans and the contact details of coordinators, so "
    "everyone who edits signs in with a second factor. Set up an authenticator app or a "
    "security key below, then open the admin again."
)


def must_use_second_factor(user):
    """Network staff, city editors and anyone else who can open the Wagtail admin."""
    if not user.is_authenticated:
        return False
    return (
        user.is_superuser
        or user.has_perm("wagtailadmin.access_admin")
        or user.groups.filter(name=NETWORK_STAFF).exists()
    )


def has_second_factor(user):
    return is_mfa_enabled(user, SECOND_FACTORS)


def admin_prefix():
    return reverse("wagtailadmin_home")


class RequireSecondFactorMiddleware:
    """Sends editors without an authenticator from the admin to allauth's MFA set-up.

    allauth asks everyone who has an authenticator for it at log-in (every log-in goes
    through allauth: Wagtail's own log-in page redirects there), so once an editor has
    one, a password alone no longer opens the admin. ``MFA_REQUIRED_FOR_EDITORS`` is on
    in production and in the tests; development may switch it off.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            getattr(settings, "MFA_REQUIRED_FOR_EDITORS", True)
            and request.path_info.startswith(admin_prefix())
            and must_use_second_factor(request.user)
            and not has_second_factor(request.user)
        ):
            messages.warning(request, MFA_REQUIRED_MESSAGE)
            query = urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})
            return redirect(f"{reverse('mfa_index')}?{query}")
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Headers that Django's SecurityMiddleware does not send."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if is_downloaded_document(response):
            # Should a browser still open it, it runs in an opaque origin of its own.
            response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
        return response


def is_downloaded_document(response):
    """A document Wagtail serves as an attachment (everything but PDF)."""
    return response.headers.get("Content-Disposition", "").startswith(
        "attachment"
    ) and response.headers.get("Content-Security-Policy", "").startswith("default-src 'none'")


class PortalCSPMiddleware(CSPMiddleware):
    """The strict policy everywhere, and ``CONTENT_SECURITY_POLICY_ADMIN`` in the admin.

    Wagtail's admin still runs inline scripts and evaluates code (its React editors,
    the rich-text editor, the page chooser), so its pages get their own, relaxed policy;
    only signed-in editors with a second factor reach them.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(admin_prefix()):
            return PolicyParts(
                config=settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"],
                update=parts.update,
                replace=parts.replace,
                nonce=parts.nonce,
            )
        return parts
