import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from cities.factories import CityPageFactory
from cities.models import CityIndexPage
from portal.factories import UserFactory
from practices.factories import PracticePageFactory
from practices.reports import practices_due_for_review

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 23)


@pytest.fixture
def practices(home, section):
    city = CityPageFactory(parent=section(CityIndexPage))
    long_ago = timezone.make_aware(datetime.datetime(2022, 1, 10))
    return {
        "stale": PracticePageFactory(
            parent=city, title="Reviewed in 2023", last_reviewed=datetime.date(2023, 5, 1)
        ),
        "never_reviewed": PracticePageFactory(
            parent=city, title="Never reviewed", first_published_at=long_ago
        ),
        "fresh": PracticePageFactory(
            parent=city, title="Reviewed this spring", last_reviewed=datetime.date(2026, 4, 1)
        ),
        "new": PracticePageFactory(parent=city, title="Published last week"),
    }


def test_practices_not_reviewed_for_24_months_are_due(practices):
    due = set(practices_due_for_review(TODAY))
    assert due == {practices["stale"], practices["never_reviewed"]}


def test_staff_see_the_report_and_city_editors_do_not(practices, admin_client, client):
    url = reverse("practices_due_for_review")
    content = admin_client.get(url).content.decode()
    assert "Reviewed in 2023" in content
    assert "Reviewed this spring" not in content

    client.force_login(UserFactory(is_staff=True))
    assert client.get(url).status_code in {302, 403}
