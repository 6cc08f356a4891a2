"""Everyone who edits signs in with a second factor, and no log-in URL gets around it."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from portal.factories import UserFactory
from portal.mfa import DEMO_TOTP_SECRET, current_totp_code
from portal.roles import MEMBERS
from portal.security import must_use_second_factor

from .conftest import PASSWORD, verified

ADMIN = "/admin/"
# Every address that takes a password: Wagtail's own log-in, allauth's, and allauth's
# under each language prefix.
LOGIN_URLS = [
    "/admin/login/",
    "/admin/login/?next=/admin/",
    "/accounts/login/",
    "/accounts/login/?next=/admin/",
    "/sv/accounts/login/",
    "/da/accounts/login/",
    "/nb/accounts/login/",
    "/fi/accounts/login/",
    "/is/accounts/login/",
]


def reaches_admin(client):
    response = client.get(ADMIN)
    return response.status_code == 200 and b"wagtail" in response.content.lower()


def post_password(client, url, user):
    # Wagtail's form calls the field "username", allauth's "login"; send both.
    return client.post(
        url,
        {"login": user.email, "username": user.email, "password": PASSWORD},
        follow=True,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("url", LOGIN_URLS)
def test_a_password_alone_never_opens_the_admin(url, staff_with_totp):
    user, _secret = staff_with_totp
    client = Client()
    post_password(client, url, user)
    assert "_auth_user_id" not in client.session
    assert not reaches_admin(client)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/accounts/login/", "/sv/accounts/login/"])
def test_the_password_leads_to_the_code_and_the_code_opens_the_admin(
    url, staff_with_totp, stopped_clock
):
    user, secret = staff_with_totp
    client = Client()
    response = post_password(client, url, user)
    assert response.redirect_chain[-1][0].endswith(reverse("mfa_authenticate"))
    assert not reaches_admin(client)

    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert wrong.status_code == 200
    assert "Incorrect code" in wrong.content.decode()
    assert not reaches_admin(client)

    client.post(reverse("mfa_authenticate"), {"code": current_totp_code(secret)})
    assert client.session["_auth_user_id"] == str(user.pk)
    assert reaches_admin(client)


@pytest.mark.django_db
def test_wagtails_login_page_sends_people_to_allauths(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/pages/"
    assert client.get(ADMIN)["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_wagtails_password_reset_sends_people_to_allauths(client):
    response = client.get("/admin/password_reset/")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password")


@pytest.mark.django_db
def test_staff_without_a_second_factor_are_sent_to_set_one_up(staff_without_second_factor):
    client = Client()
    client.force_login(staff_without_second_factor)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('mfa_index')}?next=%2Fadmin%2Fpages%2F"
    message = str(next(iter(get_messages(response.wsgi_request))))
    assert "second factor" in message

    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "second factor" in page.content.decode()
    # The public site stays open to them.
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_city_editors_without_a_second_factor_are_sent_to_set_one_up(approved_city):
    _page, editor = approved_city("Tampere", "FI")
    Authenticator.objects.filter(user=editor).delete()
    client = Client()
    client.force_login(editor)
    assert client.get(ADMIN)["Location"].startswith(reverse("mfa_index"))


@pytest.mark.django_db
def test_a_security_key_counts_as_the_second_factor(staff_without_second_factor):
    Authenticator.objects.create(
        user=staff_without_second_factor, type=Authenticator.Type.WEBAUTHN, data={}
    )
    client = Client()
    client.force_login(staff_without_second_factor)
    assert reaches_admin(client)


@pytest.mark.django_db
def test_recovery_codes_alone_are_not_a_second_factor(staff_without_second_factor):
    Authenticator.objects.create(
        user=staff_without_second_factor, type=Authenticator.Type.RECOVERY_CODES, data={}
    )
    client = Client()
    client.force_login(staff_without_second_factor)
    assert client.get(ADMIN)["Location"].startswith(reverse("mfa_index"))


@pytest.mark.django_db
def test_members_and_visitors_may_opt_in_but_are_not_asked(home):
    member = verified(UserFactory())
    member.groups.add(Group.objects.get_or_create(name=MEMBERS)[0])
    assert not must_use_second_factor(member)
    client = Client()
    client.force_login(member)
    assert client.get("/").status_code == 200
    assert client.get(reverse("mfa_index")).status_code == 200


@pytest.mark.django_db
def test_superusers_need_a_second_factor(home):
    assert must_use_second_factor(UserFactory(is_superuser=True))


def test_the_demo_code_is_the_one_an_authenticator_app_shows(clock, capsys):
    # RFC 6238's test secret at T=59 s gives 94287082; apps show the last six digits.
    rfc_secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    assert current_totp_code(rfc_secret, at=59) == "287082"

    clock.move_to(59, tick=False)
    call_command("demo_totp")
    assert capsys.readouterr().out.strip() == current_totp_code(DEMO_TOTP_SECRET, at=59)
