"""The whole way in, in Chromium: a city applies, network staff approve it, the invited
editor chooses a password, signs in and edits the city's profile."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command

from cities.models import ApplicationStatus, CityPage, MembershipApplication
from portal.factories import UserFactory
from portal.mfa import add_totp, current_totp_code
from portal.roles import NETWORK_STAFF
from tests.files import pdf_bytes

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PDF = pdf_bytes()
STAFF_PASSWORD = "staff-password-for-tests"
EDITOR_PASSWORD = "Lund-editor-chooses-this-1"


@pytest.fixture
def staff(transactional_db):
    call_command("setup_site", verbosity=0)
    user = UserFactory(email="staff@network.example", is_staff=True, password=STAFF_PASSWORD)
    user.groups.add(Group.objects.get(name=NETWORK_STAFF))
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    # Staff sign in with a second factor; this is their authenticator app's secret.
    user.totp_secret = add_totp(user)
    return user


def apply_as_lund(page):
    page.goto("/membership/apply/")
    page.get_by_label("City").first.fill("Lund")
    page.get_by_label("Country").select_option(label="Sweden")
    page.get_by_label("Contact person").fill("Karin Lindqvist")
    page.get_by_label("Role").fill("Coordinator against violent extremism")
    page.get_by_label("Email").fill("karin.lindqvist@lund.example")
    page.get_by_label("Phone").fill("+46 46 35 50 00")
    page.get_by_label("Deciding body").fill("City executive board (kommunstyrelsen)")
    page.get_by_label("Case reference").fill("KS 2026/117")
    page.get_by_label("Decision date").fill("2026-10-07")
    page.get_by_label("Decision document (PDF)").set_input_files(
        {"name": "decision.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_label("Safe urban spaces").check()
    page.get_by_label("Motivation").fill("We want to learn from other cities' safety walks.")
    page.get_by_label("We accept the network's charter").check()
    page.get_by_role("button", name="Send the application").click()
    page.wait_for_load_state()


def test_a_city_applies_is_approved_and_its_editor_edits_its_profile(
    staff, browser, live_server, stopped_clock
):
    visitor = browser.new_context(base_url=live_server.url).new_page()
    apply_as_lund(visitor)
    assert visitor.get_by_role("heading", level=1).inner_text() == "Thank you for applying"
    assert MembershipApplication.objects.get().status == ApplicationStatus.SUBMITTED

    admin = browser.new_context(base_url=live_server.url).new_page()
    # Wagtail's log-in page sends staff to allauth's, which asks for the second factor.
    admin.goto("/admin/login/")
    admin.fill("#id_login", staff.email)
    admin.fill("#id_password", STAFF_PASSWORD)
    admin.get_by_role("button", name=re.compile("sign in", re.IGNORECASE)).click()
    admin.fill("#id_code", current_totp_code(staff.totp_secret))
    admin.get_by_role("button", name=re.compile("sign in", re.IGNORECASE)).click()
    admin.wait_for_load_state()
    admin.goto("/admin/")
    admin.get_by_role("link", name="Membership applications").first.click()
    admin.get_by_role("link", name="Lund").first.click()
    admin.get_by_role("link", name="Approve").click()
    admin.get_by_role("button", name="Approve membership").click()
    admin.wait_for_load_state()
    assert "Lund is approved" in admin.content()

    invitation = next(
        m for m in mail.outbox if m.to == ["karin.lindqvist@lund.example"] and "approved" in m.body
    )
    set_password_url = re.search(r"https?://\S+/accounts/password/reset/key/\S+", invitation.body)
    editor = browser.new_context(base_url=live_server.url).new_page()
    editor.goto(set_password_url.group(0))
    editor.fill("#id_password1", EDITOR_PASSWORD)
    editor.fill("#id_password2", EDITOR_PASSWORD)
    editor.get_by_role("button", name="Choose your password").click()
    editor.wait_for_load_state()

    # Signed in with the new password and on the way to the admin, which first asks the
    # new editor to set up a second factor.
    assert "second factor" in editor.content()
    editor.goto("/accounts/2fa/totp/activate/")
    # No second password prompt: the password chosen a moment ago counts as entered.
    secret = editor.input_value("#authenticator_secret")
    editor.fill("#id_code", current_totp_code(secret))
    editor.get_by_role("button", name="Activate").click()
    editor.wait_for_load_state()
    # After the recovery codes, on to the dashboard.
    editor.get_by_role("link", name="Continue to your dashboard").click()
    editor.wait_for_load_state()
    assert editor.url.endswith("/admin/")

    lund = CityPage.objects.get(title="Lund")
    editor.goto(f"/admin/pages/{lund.pk}/edit/")
    editor.fill("#id_introduction", "Lund works with students, residents and the police.")
    editor.get_by_role("button", name="Save draft").click()
    editor.wait_for_load_state()

    lund.refresh_from_db()
    assert lund.get_latest_revision().content["introduction"] == (
        "Lund works with students, residents and the police."
    )
    assert editor.get_by_role("button", name="Publish").count() == 0
