import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.cache import cache

from portal.factories import UserFactory
from portal.mfa import add_totp
from portal.roles import NETWORK_STAFF
from tests.browser.conftest import browser, page  # noqa: F401 - Chromium, for the corpus

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """allauth counts attempts in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


def verified(user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def staff_without_second_factor(home):
    user = verified(UserFactory(is_staff=True))
    user.groups.add(Group.objects.get(name=NETWORK_STAFF))
    return user


@pytest.fixture
def staff_with_totp(home):
    """Network staff who can sign in with a password and the code; returns (user, secret)."""
    user = verified(UserFactory(is_staff=True))
    user.groups.add(Group.objects.get(name=NETWORK_STAFF))
    return user, add_totp(user)
