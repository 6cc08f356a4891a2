"""Notices: staff hear of what is submitted to them, editors of the verdict, by email
with a link on the site's host and on their dashboards; each person can turn a kind of
notice off with Wagtail's own notification switches."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from wagtail.users.models import UserProfile

from events.factories import TakeoverPostFactory, TourPageFactory, TourStopFactory
from events.models import PostStatus, TourIndexPage
from practices.factories import PracticePageFactory
from tests.cities.test_membership_application import apply
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def real_host(settings):
    """The host production is configured with; links in emails must lead there."""
    settings.WAGTAILADMIN_BASE_URL = "https://portal.example.org"


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()


@pytest.fixture
def stockholm(approved_city):
    page, editor = approved_city("Stockholm", "SE")
    page.save_revision().publish()
    page.refresh_from_db()
    return page, editor


@pytest.fixture
def post(stockholm, section):
    city, editor = stockholm
    tour = TourPageFactory(parent=section(TourIndexPage), channels=["linkedin"])
    stop = TourStopFactory(tour=tour, city=city)
    return TakeoverPostFactory(stop=stop, created_by=editor)


def review(user, post, action, **data):
    response = logged_in(user).post(
        reverse("events_takeover_review", args=[post.pk]), {"action": action, **data}
    )
    assert response.status_code == 302
    post.refresh_from_db()


def mails_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def dashboard(user):
    return logged_in(user).get(reverse("wagtailadmin_home")).content.decode()


def turn_off(user, switch):
    profile = UserProfile.get_for_user(user)
    setattr(profile, switch, False)
    profile.save()


def test_a_membership_application_is_emailed_to_staff_with_a_link_on_the_real_host(
    client, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        apply(client)

    (message,) = mails_to(staff)
    assert "Lund" in message.subject
    assert "https://portal.example.org/admin/snippets/cities/membershipapplication/inspect/" in (
        message.body
    )
    assert "New membership application: Lund" in dashboard(staff).split("Recent notices")[1]


def test_staff_who_turned_submissions_off_are_not_told(
    client, staff, django_capture_on_commit_callbacks
):
    turn_off(staff, "submitted_notifications")

    with django_capture_on_commit_callbacks(execute=True):
        apply(client)

    assert mails_to(staff) == []
    assert "Recent notices" not in dashboard(staff)


def test_a_submitted_post_reaches_staff_and_its_approval_reaches_the_editor(
    post, stockholm, staff, django_capture_on_commit_callbacks
):
    _, editor = stockholm
    with django_capture_on_commit_callbacks(execute=True):
        review(editor, post, "submit")

    (message,) = mails_to(staff)
    pack = reverse("events_takeover_pack", args=[post.stop_id])
    assert f"https://portal.example.org{pack}" in message.body
    assert mails_to(editor) == []
    assert f'href="{pack}"' in dashboard(staff).split("Recent notices")[1]

    with django_capture_on_commit_callbacks(execute=True):
        review(staff, post, "approve")

    assert post.status == PostStatus.APPROVED
    (approval,) = mails_to(editor)
    assert "Takeover post approved" in approval.subject


def test_a_post_sent_back_tells_the_editor_why(
    post, stockholm, staff, django_capture_on_commit_callbacks
):
    _, editor = stockholm
    review(editor, post, "submit")
    with django_capture_on_commit_callbacks(execute=True):
        review(staff, post, "return", comment="Name the police district, please.")

    (message,) = mails_to(editor)
    assert "sent back" in message.subject
    assert "Name the police district, please." in message.body
    notices = dashboard(editor).split("Recent notices")[1]
    assert "Name the police district, please." in notices


def test_an_editor_who_turned_verdicts_off_hears_nothing_of_one(
    post, stockholm, staff, django_capture_on_commit_callbacks
):
    _, editor = stockholm
    turn_off(editor, "approved_notifications")
    review(editor, post, "submit")
    with django_capture_on_commit_callbacks(execute=True):
        review(staff, post, "approve")

    assert mails_to(editor) == []


def test_a_practice_submitted_and_sent_back_uses_wagtails_emails_and_shows_notices(
    stockholm, staff, django_capture_on_commit_callbacks
):
    city, editor = stockholm
    practice = PracticePageFactory(parent=city, title="Safety walks at the station")
    practice.save_revision(user=editor)
    with django_capture_on_commit_callbacks(execute=True):
        practice.get_workflow().start(practice, editor)

    (submitted,) = mails_to(staff)
    assert "Safety walks at the station" in submitted.subject
    assert "https://portal.example.org/admin/pages/" in submitted.body
    assert "Practice submitted for moderation: Safety walks at the station" in dashboard(staff)

    state = practice.current_workflow_task_state
    with django_capture_on_commit_callbacks(execute=True):
        state.task.specific.on_action(state, staff, "reject", comment="Add the follow-up.")

    (returned,) = mails_to(editor)
    assert "Add the follow-up." in returned.body
    notices = dashboard(editor).split("Recent notices")[1]
    assert "Practice sent back for changes: Safety walks at the station" in notices
    assert "Add the follow-up." in notices
