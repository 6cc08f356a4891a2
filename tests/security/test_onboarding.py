"""An invited editor's first sign-in: choose a password, set up a second factor without
typing the password again, keep the recovery codes, and go on to the dashboard."""

import re
import time

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.core import mail
from django.test import Client
from django.urls import reverse

from cities.factories import MembershipApplicationFactory
from cities.membership import approve_application
from portal.mfa import current_totp_code

PASSWORD = "lund-editor-chooses-this-1"


@pytest.fixture
def frozen_clock(monkeypatch):
    """One instant for the whole test, so a code computed here is the code allauth expects."""
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now)


@pytest.fixture
def invitation(staff, rf, django_capture_on_commit_callbacks):
    """The link in the email an approved city's contact person receives."""
    application = MembershipApplicationFactory(
        city_name="Lund", country="SE", contact_email="karin.lindqvist@lund.example"
    )
    with django_capture_on_commit_callbacks(execute=True):
        approve_application(application, user=staff, request=rf.get("/"))
    email = next(m for m in mail.outbox if m.to == ["karin.lindqvist@lund.example"])
    return re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+)", email.body).group(1)


@pytest.mark.django_db
def test_an_invited_editor_chooses_a_password_and_is_led_on_to_the_dashboard(
    invitation, frozen_clock
):
    client = Client()
    page = client.get(invitation, follow=True)
    html = page.content.decode()
    assert "<title>Choose your password" in html
    assert "Change Password" not in html

    response = client.post(
        page.redirect_chain[-1][0], {"password1": PASSWORD, "password2": PASSWORD}, follow=True
    )
    # Signed in with the new password, on the way to the admin, which first asks for a
    # second factor.
    assert [url for url, _status in response.redirect_chain][:2] == [
        reverse("wagtailadmin_home"),
        f"{reverse('mfa_index')}?next=%2Fadmin%2F",
    ]

    # No second password prompt right after choosing it.
    activate = client.get(reverse("mfa_activate_totp"))
    assert activate.status_code == 200
    secret = activate.context["form"].secret
    response = client.post(
        reverse("mfa_activate_totp"), {"code": current_totp_code(secret)}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("mfa_view_recovery_codes")
    codes = response.content.decode()
    assert f'href="{reverse("wagtailadmin_home")}"' in codes
    assert "Continue to your dashboard" in codes
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


@pytest.mark.django_db
def test_changing_a_second_factor_from_before_this_sign_in_still_asks_for_the_password(
    staff,
):
    client = Client()
    client.force_login(staff)
    deactivate = client.get(reverse("mfa_deactivate_totp"))
    assert deactivate.status_code == 302
    assert deactivate["Location"].startswith(reverse("account_reauthenticate"))


@pytest.mark.django_db
def test_someone_who_already_has_a_password_still_changes_it(staff):
    """The reset page keeps allauth's words for everyone else."""
    key = {"uidb36": user_pk_to_url_str(staff), "key": default_token_generator.make_token(staff)}
    client = Client()
    page = client.get(reverse("account_reset_password_from_key", kwargs=key), follow=True)
    html = page.content.decode()
    assert "Change Password" in html
    assert "Choose your password" not in html
