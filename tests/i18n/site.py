"""A small site with one live page of every public page type, and its translations."""

import datetime

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import models
from django.utils import timezone
from wagtail.fields import StreamField
from wagtail.models import Locale, Page

from cities.factories import CityPageFactory
from cities.models import CityIndexPage, Country
from events.factories import EventPageFactory, TourPageFactory, TourStopFactory
from events.models import EventIndexPage, TourIndexPage
from portal.factories import StoryPageFactory
from portal.models import (
    CapitalCodeTheme,
    CharterGoal,
    CrosswalkPage,
    HomePage,
    StandardPage,
    StoryIndexPage,
)
from practices.factories import PracticePageFactory
from practices.models import PracticeIndexPage

FILLER = "Lorem ipsum dolor sit amet"
OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def build_public_site():
    """One live page of every public page type, in English. Returns the English pages by
    name."""
    call_command("setup_site", verbosity=0)
    home = HomePage.objects.get(depth=2)
    about = StandardPage.objects.get(slug="about")
    city = CityPageFactory(parent=CityIndexPage.objects.get(), country=Country.SWEDEN)
    practice = PracticePageFactory(
        parent=city,
        charter_goals=[CharterGoal.objects.get(slug="safe-urban-spaces", locale=home.locale)],
        capital_code_themes=[
            CapitalCodeTheme.objects.get(slug="local-safe-city-alliances", locale=home.locale)
        ],
    )
    monday = timezone.localdate() - datetime.timedelta(days=timezone.localdate().weekday())
    tour = TourPageFactory(parent=TourIndexPage.objects.get(), first_week=monday, number_of_weeks=5)
    TourStopFactory(tour=tour, city=city, week_start=monday)
    event = EventPageFactory(
        parent=EventIndexPage.objects.get(),
        start=timezone.now() + datetime.timedelta(days=30),
        end=timezone.now() + datetime.timedelta(days=31),
        host_city=city,
    )
    story = StoryPageFactory(parent=StoryIndexPage.objects.get(), cities=[city])
    return {
        "home": home,
        "about": about,
        "crosswalk": CrosswalkPage.objects.get(),
        "story_index": StoryIndexPage.objects.get(),
        "story": story,
        "city_index": CityIndexPage.objects.get(),
        "city": city,
        "practice_library": PracticeIndexPage.objects.get(),
        "practice": practice,
        "tour_index": TourIndexPage.objects.get(),
        "tour": tour,
        "event_index": EventIndexPage.objects.get(),
        "event": event,
    }


# Fields whose values are codes, keys or formats rather than words.
NOT_WORDS = {"colour", "path", "url_path", "slug", "time_zone", "password", "phone"}


def neutralise_content():
    """Replace every word of content (titles, texts, names, rich text and StreamFields) with
    Latin filler, so that only the interface can put English on a page: the demo's own
    words ("Membership", "Denmark") are also interface strings."""
    for model in apps.get_models():
        if model._meta.app_label not in {"portal", "cities", "practices", "events"}:
            continue
        updates = {}
        for field in model._meta.local_concrete_fields:
            if field.choices or field.primary_key or field.name in NOT_WORDS:
                continue
            if isinstance(field, StreamField):
                updates[field.name] = []
            elif isinstance(field, models.CharField | models.TextField) and not isinstance(
                field, models.SlugField | models.URLField | models.EmailField
            ):
                updates[field.name] = FILLER[: field.max_length or len(FILLER)]
        if updates:
            model.objects.update(**updates)
    Page.objects.exclude(depth=1).update(
        title="Lorem ipsum", draft_title="Lorem ipsum", seo_title="", search_description=""
    )


def translate_everything(pages, language_codes):
    """Every page, goal and theme translated into each language, titles and names made
    neutral: the interface strings around them are what is being checked."""
    for code in language_codes:
        locale = Locale.objects.get(language_code=code)
        # The data migrations translated the terms; only their names are made neutral.
        for model in (CharterGoal, CapitalCodeTheme):
            for term in model.objects.filter(locale=locale):
                model.objects.filter(pk=term.pk).update(name=f"{code}-{term.number}")
        for page in Page.objects.filter(pk__in=[page.pk for page in pages.values()]):
            if page.has_translation(locale):
                continue
            translation = page.specific.copy_for_translation(locale, copy_parents=True)
            translation.save_revision().publish()
        for page in Page.objects.filter(locale=locale).exclude(depth=1):
            Page.objects.filter(pk=page.pk).update(title=f"{code}-{page.pk}")
