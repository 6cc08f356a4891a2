"""Network staff schedule a tour on the week-by-week grid; city editors write their posts;
staff review them. Everything through the admin's own URLs, as people use it."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Collection, ModelLogEntry, PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cities.factories import CityPageFactory
from cities.models import CityIndexPage
from events.factories import TakeoverPostFactory, TourPageFactory, TourStopFactory
from events.models import PostStatus, TakeoverPost, TourBreak, TourIndexPage, TourStop
from events.schedule import Schedule, ScheduleConflict
from events.scheduling import save_schedule
from practices.factories import PracticePageFactory
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db

FIRST_WEEK = datetime.date(2027, 1, 11)


def week(n):
    return FIRST_WEEK + datetime.timedelta(weeks=n - 1)


@pytest.fixture
def tour(section):
    return TourPageFactory(
        parent=section(TourIndexPage),
        title="Safe City Tour 2027",
        first_week=FIRST_WEEK,
        number_of_weeks=5,
        channels=["linkedin", "x"],
        breaks=[TourBreak(week_start=week(3), reason="Winter holiday")],
    )


@pytest.fixture
def city(section):
    directory = section(CityIndexPage)

    def make(name):
        return CityPageFactory(parent=directory, title=name)

    return make


@pytest.fixture
def stockholm(approved_city):
    page, editor = approved_city("Stockholm", "SE")
    page.save_revision().publish()
    page.refresh_from_db()
    return page, editor


def refused(response):
    """The admin turns a permission error into a redirect to the dashboard, with a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url in ("/admin/", reverse("wagtailadmin_home"))
    )


def schedule_url(tour):
    return reverse("events_tour_schedule", args=[tour.pk])


def change(client, tour, **data):
    return client.post(schedule_url(tour), {key: str(value) for key, value in data.items()})


def cities_by_week(tour):
    return {stop.week_start: stop.city.title for stop in tour.stops.select_related("city")}


def test_staff_assign_cities_week_by_week_and_every_change_is_in_the_history(staff, tour, city):
    oslo, turku = city("Oslo"), city("Turku")
    client = logged_in(staff)

    grid = client.get(schedule_url(tour))
    assert grid.status_code == 200
    assert "Break: Winter holiday" in grid.content.decode()

    change(client, tour, operation="assign", week=week(1), city=oslo.pk, topic="Online threats")
    change(client, tour, operation="assign", week=week(2), city=turku.pk, topic="Young people")
    change(client, tour, operation="swap", week=week(1), other_week=week(2))
    preview = change(client, tour, operation="shift_from", week=week(1))
    assert cities_by_week(tour) == {week(1): "Turku", week(2): "Oslo"}
    assert "Oslo moves from week 2 (18 January 2027) to week 4 (1 February 2027)." in (
        preview.content.decode()
    )
    response = change(client, tour, operation="shift_from", week=week(1), confirm=1)

    assert response.status_code == 302
    # Week 3 is a break, so the postponed stops skip it.
    assert cities_by_week(tour) == {week(2): "Turku", week(4): "Oslo"}
    history = [entry.message for entry in PageLogEntry.objects.filter(page=tour).order_by("pk")]
    assert history[-4:] == [
        "Oslo assigned to the week of 11 January 2027",
        "Turku assigned to the week of 18 January 2027",
        "The weeks of 11 January 2027 and 18 January 2027 swapped",
        "Turku and every later stop postponed by a week",
    ]


@pytest.mark.parametrize(
    ("operation", "expected"),
    [
        ({"operation": "assign", "week": week(3), "topic": "x"}, "which is a break"),
        ({"operation": "assign", "week": week(2), "topic": "x"}, "would take over twice"),
        ({"operation": "move", "week": week(1), "other_week": week(6)}, "outside the tour"),
        ({"operation": "shift_from", "week": week(1)}, "outside the tour"),
    ],
)
def test_a_conflict_is_shown_and_nothing_is_saved(staff, tour, city, operation, expected):
    oslo, bergen = city("Oslo"), city("Bergen")
    TourStopFactory(tour=tour, city=oslo, week_start=week(1))
    TourStopFactory(tour=tour, city=bergen, week_start=week(5))
    if operation["operation"] == "assign":
        operation["city"] = oslo.pk
    before = cities_by_week(tour)

    response = change(logged_in(staff), tour, **operation)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Not saved" in page and expected in page
    assert cities_by_week(tour) == before


def test_an_assignment_refused_keeps_what_staff_typed(staff, tour, city):
    oslo, _bergen = city("Oslo"), city("Bergen")
    TourStopFactory(tour=tour, city=oslo, week_start=week(1))

    response = change(
        logged_in(staff), tour, operation="assign", week=week(2), city=oslo.pk, topic="Mentors"
    )

    assert 'value="Mentors"' in response.content.decode()


def test_unassigning_a_city_with_posts_says_what_becomes_of_them_first(staff, tour, city):
    stop = TourStopFactory(tour=tour, city=city("Oslo"), week_start=week(1))
    TakeoverPostFactory(stop=stop)
    client = logged_in(staff)

    response = change(client, tour, operation="unassign", week=week(1))

    assert "Oslo leaves week 1 (11 January 2027), and its 1 post is deleted." in (
        response.content.decode()
    )
    assert TourStop.objects.filter(pk=stop.pk).exists()
    change(client, tour, operation="unassign", week=week(1), confirm=1)
    assert not TourStop.objects.filter(pk=stop.pk).exists()


def test_a_moved_stop_takes_its_posts_to_the_same_weekdays(staff, tour, city):
    stop = TourStopFactory(tour=tour, city=city("Oslo"), week_start=week(1))
    tuesday = TakeoverPostFactory(stop=stop, day=week(1) + datetime.timedelta(days=1))
    client = logged_in(staff)

    response = change(client, tour, operation="move", week=week(1), other_week=week(4))
    tuesday.refresh_from_db()
    assert tuesday.day == week(4) + datetime.timedelta(days=1)
    assert "with its 1 post" in client.get(response.url).content.decode()
    change(client, tour, operation="swap", week=week(4), other_week=week(2))
    tuesday.refresh_from_db()
    assert tuesday.day == week(2) + datetime.timedelta(days=1)


def test_move_to_offers_no_break_week(staff, tour, city):
    TourStopFactory(tour=tour, city=city("Oslo"), week_start=week(1))

    grid = logged_in(staff).get(schedule_url(tour)).content.decode()

    options = grid.split('id="move-1"')[1].split("</select>")[0]
    assert f'value="{week(2):%Y-%m-%d}"' in options
    assert f'value="{week(3):%Y-%m-%d}"' not in options


def test_saving_a_stops_details_returns_to_the_schedule(staff, tour, city):
    stop = TourStopFactory(tour=tour, city=city("Oslo"), week_start=week(1))

    response = logged_in(staff).post(
        reverse("events_tourstop:edit", args=[stop.pk]),
        {"status": "confirmed", "topic": "Mentors", "host_name": "", "host_title": "", "brief": ""},
    )

    assert response.status_code == 302
    assert response.url == schedule_url(tour)


def test_a_moved_stop_keeps_its_identity_and_raises_its_calendar_sequence(staff, tour, city):
    stop = TourStopFactory(tour=tour, city=city("Oslo"), week_start=week(1))

    change(logged_in(staff), tour, operation="move", week=week(1), other_week=week(4))

    stop.refresh_from_db()
    assert (stop.week_start, stop.sequence) == (week(4), 1)


def test_the_tour_page_form_refuses_a_break_on_a_scheduled_week(staff, tour, city):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    TourStopFactory(tour=tour, city=city("Oslo"), week_start=week(2))
    data = nested_form_data(
        {
            "title": tour.title,
            "slug": tour.slug,
            "introduction": tour.introduction,
            "first_week": tour.first_week,
            "number_of_weeks": 5,
            "channels": ["linkedin"],
            "breaks": inline_formset([{"week_start": week(2), "reason": "Easter"}]),
            "body": "[]",
            "body-count": 0,
        }
    )

    response = logged_in(staff).post(reverse("wagtailadmin_pages:edit", args=[tour.pk]), data)

    assert response.status_code == 200
    assert "Oslo would be in week 2" in response.content.decode()
    assert not tour.breaks.filter(week_start=week(2)).exists()


def test_the_schedule_screens_are_for_staff_only(stockholm, tour, client):
    _, editor = stockholm
    for url in (schedule_url(tour), reverse("events_tour_schedule_csv", args=[tour.pk])):
        assert refused(logged_in(editor).get(url))
        assert client.get(url).url.startswith("/accounts/login/")


def test_the_schedule_downloads_as_csv_and_city_text_cannot_become_a_formula(staff, tour, city):
    TourStopFactory(tour=tour, city=city("Oslo"), week_start=week(1), topic="=HYPERLINK(1)")

    response = logged_in(staff).get(reverse("events_tour_schedule_csv", args=[tour.pk]))

    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["city"] for row in rows] == ["Oslo", "", "", "", ""]
    assert rows[0]["topic"] == "'=HYPERLINK(1)"
    assert rows[0]["friday"] == "2027-01-15"
    assert rows[2]["topic"] == "Winter holiday"


# --- Posts -----------------------------------------------------------------------------


@pytest.fixture
def stockholm_week(stockholm, tour):
    page, _ = stockholm
    return TourStopFactory(tour=tour, city=page, week_start=week(1))


def add_post(client, stop, practices=(), **fields):
    data = {
        "stop": stop.pk,
        "day": stop.week_start.isoformat(),
        "channel": "linkedin",
        "text": "Good morning from Stockholm",
        "image": "",
        "image_alt": "",
        "link": "",
        # The practices come from the page chooser, one inline form each.
        **nested_form_data(
            {
                "practice_links": inline_formset(
                    [{"practice": practice.pk} for practice in practices]
                )
            }
        ),
        **fields,
    }
    return client.post(reverse("events_takeoverpost:add"), data)


def test_a_city_editor_writes_and_submits_and_staff_approve(stockholm, stockholm_week, staff):
    _, editor = stockholm
    city_client = logged_in(editor)

    response = add_post(city_client, stockholm_week)
    assert response.status_code == 302
    post = TakeoverPost.objects.get()
    assert (post.status, post.created_by) == (PostStatus.DRAFT, editor)

    review = reverse("events_takeover_review", args=[post.pk])
    assert refused(city_client.post(review, {"action": "approve"}))
    city_client.post(review, {"action": "submit"})
    post.refresh_from_db()
    assert post.status == PostStatus.SUBMITTED
    # Submitted posts are the network's to review: the city can no longer change them.
    edit = reverse("events_takeoverpost:edit", args=[post.pk])
    assert refused(city_client.get(edit))

    logged_in(staff).post(review, {"action": "approve"})
    post.refresh_from_db()
    assert (post.status, post.reviewed_by) == (PostStatus.APPROVED, staff)
    actions = ModelLogEntry.objects.filter(object_id=str(post.pk)).values_list("action", flat=True)
    assert set(actions) >= {"events.takeover_post.submit", "events.takeover_post.approve"}


def test_editors_write_only_for_their_own_citys_week(stockholm, tour, city):
    _, editor = stockholm
    oslo_week = TourStopFactory(tour=tour, city=city("Oslo"), week_start=week(2))
    oslo_post = TakeoverPostFactory(stop=oslo_week)
    client = logged_in(editor)

    response = add_post(client, oslo_week)

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert TakeoverPost.objects.count() == 1
    assert refused(client.get(reverse("events_takeover_pack", args=[oslo_week.pk])))
    assert refused(client.get(reverse("events_takeoverpost:edit", args=[oslo_post.pk])))
    listing = client.get(reverse("events_takeoverpost:index")).content.decode()
    assert str(oslo_post) not in listing


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"channel": "x", "text": "a" * 281}, "X (Twitter) takes at most 280 characters"),
        ({"day": "2027-01-16"}, "Choose a day of the city"),
        # The form offers only the tour's channels, so another is not a valid choice.
        ({"channel": "mastodon"}, "Select a valid choice"),
    ],
)
def test_a_rejected_post_says_why_and_keeps_the_text(stockholm, stockholm_week, fields, message):
    _, editor = stockholm
    fields.setdefault("text", "Kept exactly as typed: ÅÄÖ ‏שלום")

    response = add_post(logged_in(editor), stockholm_week, **fields)

    page = response.content.decode()
    assert message in page
    assert fields["text"] in page
    assert not TakeoverPost.objects.exists()


def test_an_image_needs_a_description(stockholm, stockholm_week):
    from portal.factories import PortalImageFactory

    city, editor = stockholm
    # One of the city's own images: another collection's would be refused first.
    image = PortalImageFactory(collection=Collection.objects.get(name=city.title))
    response = add_post(logged_in(editor), stockholm_week, image=image.pk)

    assert "Describe the image" in response.content.decode()


def test_the_pack_shows_the_brief_the_checklist_and_the_days(stockholm, stockholm_week):
    _, editor = stockholm
    stockholm_week.brief = "Use #SafeCityTour in every post."
    stockholm_week.save()
    TakeoverPostFactory(stop=stockholm_week, status=PostStatus.SUBMITTED, text="<b>hi</b>")

    page = logged_in(editor).get(reverse("events_takeover_pack", args=[stockholm_week.pk]))

    html = page.content.decode()
    assert "Use #SafeCityTour in every post." in html
    assert "A post submitted for every day (1 of 5)" in html
    assert "&lt;b&gt;hi&lt;/b&gt;" in html
    assert html.count("Write a post for") == 5


# --- Saving schedules, property-based, against the database ---------------------------


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(operations=st.lists(st.tuples(st.integers(0, 4), st.integers(1, 6), st.integers(1, 6))))
def test_saved_schedules_follow_the_rules_after_any_operations(staff, tour, city, operations):
    from django.db import transaction

    with transaction.atomic():
        cities = [city(f"City {n}") for n in range(3)]
        for kind, a, b in operations[:12]:
            schedule = Schedule.of(tour)
            name = ["assign", "unassign", "move", "swap", "shift_from"][kind]
            try:
                if name == "assign":
                    new = schedule.assign(cities[b % 3].pk, week(a), cities[b % 3].title)
                elif name in ("move", "swap"):
                    new = getattr(schedule, name)(week(a), week(b))
                else:
                    new = getattr(schedule, name)(week(a))
            except ScheduleConflict:
                continue
            save_schedule(tour, schedule, new, user=staff, change=name, topic="t")
            stored = list(tour.stops.values_list("week_start", "city_id"))
            assert sorted(stored) == sorted((stop.week, stop.city) for stop in new.stops)
            assert Schedule.of(tour).conflicts() == []
        transaction.set_rollback(True)


def test_the_post_form_offers_only_the_tours_channels(stockholm, stockholm_week):
    _, editor = stockholm
    client = logged_in(editor)

    form = client.get(
        reverse("events_takeoverpost:add") + f"?stop={stockholm_week.pk}"
    ).content.decode()

    channels = form.split('id="id_channel"')[1].split("</select>")[0]
    assert 'value="linkedin"' in channels and 'value="x"' in channels
    assert 'value="instagram"' not in channels


# --- Related practices, from the page chooser ------------------------------------------


def test_a_post_relates_practices_chosen_in_the_page_chooser_and_the_public_sees_them(
    stockholm, stockholm_week, tour, city, client
):
    page, editor = stockholm
    city_client = logged_in(editor)
    walks = PracticePageFactory(parent=city("Oslo"), title="Safety walks after dark")
    nightlife = PracticePageFactory(parent=page, title="Safe nightlife in Stureplan")

    form = city_client.get(
        reverse("events_takeoverpost:add") + f"?stop={stockholm_week.pk}"
    ).content.decode()
    # A chooser limited to practices, not a list of every practice to ctrl-click in.
    assert 'name="practice_links-TOTAL_FORMS"' in form
    assert "practices.practicepage" in form
    assert 'name="related_practices"' not in form

    response = add_post(
        city_client,
        stockholm_week,
        practices=[nightlife, walks],
        text="Two ways we keep the night safe",
    )
    assert response.status_code == 302
    post = TakeoverPost.objects.get()
    assert [link.practice for link in post.practice_links.all()] == [nightlife, walks]

    post.status = PostStatus.PUBLISHED
    post.save()
    public = client.get(f"{tour.url}{page.slug}/").content.decode()
    practices = public.split('class="takeover-story__practices"')[1].split("</p>")[0]
    assert "Safe nightlife in Stureplan" in practices
    assert "Safety walks after dark" in practices


def test_a_post_relates_only_published_practices(stockholm, stockholm_week):
    page, editor = stockholm
    draft = PracticePageFactory(parent=page, title="Not written yet", live=False)

    response = add_post(logged_in(editor), stockholm_week, practices=[draft])

    assert response.status_code == 200
    assert not TakeoverPost.objects.exists()


def test_the_practice_chooser_shows_an_editor_no_other_citys_drafts(stockholm, city):
    _, editor = stockholm
    oslo = city("Oslo")
    PracticePageFactory(parent=oslo, title="Published safety walks")
    PracticePageFactory(parent=oslo, title="Unfinished draft of Oslo", live=False)

    listing = logged_in(editor).get(
        reverse("wagtailadmin_choose_page_child", args=[oslo.pk]),
        {"page_type": "practices.practicepage", "multiple": "1"},
    )

    assert listing.status_code == 200
    assert "Published safety walks" in listing.content.decode()
    assert "Unfinished draft of Oslo" not in listing.content.decode()
