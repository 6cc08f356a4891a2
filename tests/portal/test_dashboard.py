"""The admin home page: a city editor sees their own city's work, network staff see
what waits for them. The clock is fixed: which week is "next" depends on the date."""

import datetime
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from cities.factories import CityPageFactory, MembershipApplicationFactory
from cities.models import ApplicationStatus, CityIndexPage
from events.factories import (
    OpenEventPageFactory,
    RegistrationFactory,
    TakeoverPostFactory,
    TourPageFactory,
    TourStopFactory,
)
from events.models import EventIndexPage, PostStatus, StopStatus, TourIndexPage
from practices.factories import PracticePageFactory
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db

# A Wednesday morning in Stockholm.
NOW = datetime.datetime(2030, 3, 13, 9, 0, tzinfo=datetime.UTC)
THIS_MONDAY = datetime.date(2030, 3, 11)


@pytest.fixture(autouse=True)
def fixed_clock():
    with mock.patch("django.utils.timezone.now", return_value=NOW):
        yield


@pytest.fixture
def stockholm(approved_city):
    page, editor = approved_city("Stockholm", "SE")
    page.save_revision().publish()
    page.refresh_from_db()
    return page, editor


def dashboard(user):
    response = logged_in(user).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def submit(page, user):
    page.save_revision(user=user)
    page.get_workflow().start(page, user)
    return page


def test_the_editor_sees_their_city_its_drafts_and_a_way_to_add_a_practice(stockholm, section):
    city, editor = stockholm
    PracticePageFactory(parent=city, title="Safety walks at Sergels torg", live=False)
    other = CityPageFactory(parent=section(CityIndexPage), title="Oslo")
    PracticePageFactory(parent=other, title="Oslo's own draft", live=False)

    content = dashboard(editor)

    assert "Your city: Stockholm" in content
    assert "Safety walks at Sergels torg" in content
    assert "Oslo" not in content
    add_url = reverse("wagtailadmin_pages:add", args=["practices", "practicepage", city.pk])
    assert f'href="{add_url}"' in content
    assert logged_in(editor).get(add_url).status_code == 200


def test_the_editor_sees_what_waits_and_what_came_back_with_the_comment(stockholm, staff):
    city, editor = stockholm
    waiting = submit(PracticePageFactory(parent=city, title="Home visits to new parents"), editor)
    returned = submit(PracticePageFactory(parent=city, title="Exit programme"), editor)
    state = returned.current_workflow_task_state
    state.task.specific.on_action(state, staff, "reject", comment="Say what changed, measured how.")

    content = dashboard(editor)

    waiting_part, returned_part = (
        content.split("Waiting for the network")[1],
        content.split("Sent back to you for changes")[1],
    )
    assert waiting.title in waiting_part
    assert "Exit programme" in returned_part
    assert "Say what changed, measured how." in returned_part


def test_practices_due_for_review_are_on_the_editors_dashboard(stockholm):
    city, editor = stockholm
    PracticePageFactory(
        parent=city, title="Graffiti removal within a day", last_reviewed=datetime.date(2027, 1, 5)
    )
    PracticePageFactory(
        parent=city, title="Reviewed last month", last_reviewed=datetime.date(2030, 2, 1)
    )

    due = dashboard(editor).split("Due for review")[1]

    assert "Graffiti removal within a day" in due
    assert "Reviewed last month" not in due


def test_the_editors_next_takeover_week_shows_the_checklist_and_days_without_posts(
    stockholm, section
):
    city, editor = stockholm
    tour = TourPageFactory(parent=section(TourIndexPage), first_week=THIS_MONDAY, number_of_weeks=4)
    TourStopFactory(tour=tour, city=CityPageFactory(parent=section(CityIndexPage)))
    stop = TourStopFactory(
        tour=tour, city=city, week_start=THIS_MONDAY + datetime.timedelta(weeks=2)
    )
    TakeoverPostFactory(stop=stop, day=stop.week_start, status=PostStatus.SUBMITTED)

    content = dashboard(editor).split("Your next takeover week")[1]

    assert f"Stockholm, week 3 of {tour.title}" in content
    assert "A post submitted for every day (1 of 5)" in content
    assert "Monday 25 March 2030" not in content
    assert "Tuesday 26 March 2030" in content
    assert reverse("events_takeover_pack", args=[stop.pk]) in content


def test_the_editor_sees_their_citys_coming_events(stockholm, section):
    city, editor = stockholm
    index = section(EventIndexPage)
    OpenEventPageFactory(
        parent=index,
        title="Safety walk in Rinkeby",
        host_city=city,
        start=NOW + datetime.timedelta(days=20),
    )
    OpenEventPageFactory(
        parent=index,
        title="Someone else's summit",
        host_city=CityPageFactory(parent=section(CityIndexPage)),
        start=NOW + datetime.timedelta(days=20),
    )

    content = dashboard(editor).split("coming events")[1]

    assert "Safety walk in Rinkeby" in content
    assert "Someone else's summit" not in content


def test_an_editor_sees_none_of_staffs_panels(stockholm):
    _, editor = stockholm
    MembershipApplicationFactory(city_name="Tampere")

    content = dashboard(editor)

    assert "Membership applications to review" not in content
    assert "Takeover posts awaiting review" not in content
    assert "Tampere" not in content


def test_staff_see_applications_practices_and_posts_waiting_for_them(stockholm, staff, section):
    city, editor = stockholm
    MembershipApplicationFactory(city_name="Tampere")
    MembershipApplicationFactory(city_name="Bergen", status=ApplicationStatus.DECLINED)
    submit(PracticePageFactory(parent=city, title="Outreach social workers"), editor)
    tour = TourPageFactory(parent=section(TourIndexPage), first_week=THIS_MONDAY)
    stop = TourStopFactory(tour=tour, city=city)
    TakeoverPostFactory(stop=stop, status=PostStatus.SUBMITTED)

    content = dashboard(staff)

    applications = content.split("Membership applications to review")[1]
    assert "Tampere" in applications
    assert "Bergen" not in applications
    assert "Outreach social workers" in content.split("Practices awaiting moderation")[1]
    posts = content.split("Takeover posts awaiting review")[1]
    assert reverse("events_takeover_pack", args=[stop.pk]) in posts


def test_staff_see_the_next_two_tour_weeks_and_how_ready_they_are(staff, section):
    tour = TourPageFactory(
        parent=section(TourIndexPage), first_week=THIS_MONDAY - datetime.timedelta(weeks=1)
    )
    cities = CityPageFactory.create_batch(4, parent=section(CityIndexPage))
    for n, city in enumerate(cities):
        TourStopFactory(
            tour=tour,
            city=city,
            week_start=tour.first_week + datetime.timedelta(weeks=n),
            status=StopStatus.PROPOSED if n == 2 else StopStatus.CONFIRMED,
        )

    weeks = dashboard(staff).split("The next tour weeks")[1]

    # Last week is over; this week and next are shown, the one after is not.
    assert f"{cities[0].title}, week 1" not in weeks
    assert f"{cities[1].title}, week 2" in weeks
    assert f"{cities[2].title}, week 3" in weeks
    assert f"{cities[3].title}, week 4" not in weeks
    assert "3 of 5 ready" in weeks
    assert "2 of 5 ready" in weeks


def test_staff_see_events_whose_registration_opens_closes_or_is_full(staff, section):
    index = section(EventIndexPage)
    start = NOW + datetime.timedelta(days=60)
    OpenEventPageFactory(
        parent=index,
        title="Opens soon",
        start=start,
        registration_opens=NOW + datetime.timedelta(days=3),
    )
    OpenEventPageFactory(
        parent=index,
        title="Opens later",
        start=start,
        registration_opens=NOW + datetime.timedelta(days=30),
    )
    OpenEventPageFactory(
        parent=index,
        title="Closes soon",
        start=start,
        registration_closes=NOW + datetime.timedelta(days=2),
    )
    full = OpenEventPageFactory(parent=index, title="Full up", start=start, capacity=1)
    RegistrationFactory(event=full)

    watched = dashboard(staff).split("Event registration to watch")[1]

    assert "Opens soon" in watched
    assert "Closes soon" in watched
    assert "Full up" in watched
    assert "Opens later" not in watched
    assert timezone.now() == NOW
