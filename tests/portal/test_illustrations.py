"""Drawings for what has no picture of its own: the same subject gives the same drawing,
no drawing carries text, the demo's images have alt text, and cards and speakers without
a picture show a drawing or initials instead of a placeholder."""

import datetime
import re

import pytest
from django.core.management import call_command
from PIL import ImageDraw

from cities.factories import CityPageFactory
from cities.models import CityIndexPage
from events.factories import EventPageFactory, SpeakerFactory
from events.models import EventIndexPage, Speaker, programme_session
from portal import illustrations
from portal.factories import StoryPageFactory
from portal.models import CharterGoal, PortalImage, StoryIndexPage
from theme.templatetags.theme_tags import initials
from website.demo.images import draw_picture


def png(illustration):
    return draw_picture(illustration).read()


def every_illustration(goals):
    return [
        illustrations.network_illustration(),
        *(
            illustrations.city_illustration("city", country, "City")
            for country in ["DK", "FI", "IS", "NO", "SE", "XX"]
        ),
        *(illustrations.goal_illustration(goal.slug, goal.colour, goal.name) for goal in goals),
    ]


def test_a_drawing_depends_on_its_subject_and_never_on_the_words_about_it():
    copenhagen = png(illustrations.city_illustration("copenhagen", "DK", "Copenhagen"))

    # The name goes to the alt text only: another name, the same pixels.
    assert png(illustrations.city_illustration("copenhagen", "DK", "København")) == copenhagen
    assert png(illustrations.city_illustration("aarhus", "DK", "Copenhagen")) != copenhagen
    assert png(illustrations.city_illustration("copenhagen", "SE", "Copenhagen")) != copenhagen
    goal = illustrations.goal_illustration("strong-families", "#9A3412", "Strong families")
    assert png(
        illustrations.goal_illustration("strong-families", "#9A3412", "Starka familjer")
    ) == png(goal)


def test_no_drawing_writes_text(db, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("text drawn into an illustration")

    monkeypatch.setattr(ImageDraw.ImageDraw, "text", refuse)

    for illustration in every_illustration(CharterGoal.objects.all()):
        assert draw_picture(illustration).read().startswith(b"\x89PNG")
        assert illustration.description.startswith("Illustration ")


def test_every_charter_goal_has_its_own_pattern(db):
    goals = CharterGoal.objects.filter(locale__language_code="en")

    patterns = {
        goal.slug: illustrations.goal_illustration(goal.slug, goal.colour, goal.name)
        for goal in goals
    }

    assert len(patterns) == 6
    assert set(patterns) == set(illustrations.GOAL_PATTERNS)
    assert len({png(illustration) for illustration in patterns.values()}) == 6


def test_the_svg_carries_only_numbers_and_checked_colours():
    markup = illustrations.svg(
        illustrations.goal_illustration("x", '"/><script>alert(1)</script>', "<b>name</b>")
    )

    assert "<script" not in markup and "<b>" not in markup
    assert markup.startswith('<svg class="illustration"')
    assert 'aria-hidden="true"' in markup
    assert set(re.findall(r'fill="([^"]*)"', markup)) <= {
        illustrations.NAVY_800,
        illustrations.WHITE,
    }


@pytest.mark.parametrize(
    ("name", "letters"),
    [
        ("Elin Holm", "EH"),
        ("Mikko  Laine", "ML"),
        ("Ólöf", "Ó"),
        ("Anna Maria von Berg", "AB"),
        ("", ""),
    ],
)
def test_initials(name, letters):
    assert initials(name) == letters


def test_a_story_without_a_picture_shows_its_city_drawing(client, section):
    stories = section(StoryIndexPage)
    city = CityPageFactory(
        parent=section(CityIndexPage), title="Bergen", slug="bergen", country="NO"
    )
    StoryPageFactory(parent=stories, title="About Bergen", cities=[city])
    StoryPageFactory(parent=stories, title="Network news")

    page = client.get(stories.url).content.decode()

    drawings = re.findall(r'<div class="card__illustration">(<svg.*?</svg>)</div>', page)
    expected = {
        illustrations.svg(illustrations.city_illustration("bergen", "NO", "Bergen")),
        illustrations.svg(illustrations.network_illustration()),
    }
    assert set(drawings) == expected
    assert "megaphone" not in page


def test_a_city_card_without_coat_of_arms_shows_the_city_drawing(client, section):
    index = section(CityIndexPage)
    CityPageFactory(parent=index, title="Aarhus", slug="aarhus", country="DK")

    page = client.get(index.url).content.decode()

    drawing = illustrations.svg(illustrations.city_illustration("aarhus", "DK", "Aarhus"))
    assert f'<div class="card__emblem--illustration">{drawing}</div>' in page
    assert "card__emblem--placeholder" not in page


def test_a_speaker_without_a_photo_shows_initials_hidden_from_screen_readers(client, section):
    speaker = SpeakerFactory(name="Sara Nyström", photo=None)
    event = EventPageFactory(
        parent=section(EventIndexPage),
        programme=[programme_session("Opening", datetime.time(9), speakers=[speaker])],
    )

    page = client.get(event.url).content.decode()

    assert '<span class="initials" aria-hidden="true">SN</span>' in page
    assert '<h3 class="speaker__name">Sara Nyström</h3>' in page


def test_the_demo_pictures_are_described_drawings_and_speakers_show_initials(home):
    call_command("load_demo", verbosity=0)

    images = PortalImage.objects.all()
    assert images.exists()
    for image in images:
        assert image.title.startswith("Illustration: ")
        assert image.description.startswith("Illustration ")
        # The pages print "Photo:" before a credit, and these are not photos.
        assert image.credit == ""
        assert image.file.name.endswith(".png")
    assert not Speaker.objects.filter(photo__isnull=False).exists()
