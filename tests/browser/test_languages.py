"""The language switcher on every public page type, in Chromium: it keeps the visitor on
the same page under the language's prefix, the page says which language it is in (and
which passages are in another), and axe-core finds nothing in any language.

The site is translated into Swedish; the other languages show the English pages with a
note, as a site whose translations are under way does. To keep the number of page loads
down, each page type switches to one language, taking the languages in turn, and the
home page is checked in all six.
"""

import itertools

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from portal.models import CharterGoal
from tests.i18n.site import build_public_site, translate_everything

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
NOTE = ".language-note"


@pytest.fixture
def addresses(transactional_db):
    """The English address of every public page type."""
    pages = build_public_site()
    translate_everything(pages, ["sv"])
    with translation.override(settings.LANGUAGE_CODE):
        urls = {name: page.url for name, page in pages.items()}
        goal = CharterGoal.objects.get(slug="safe-urban-spaces", locale=Locale.get_default())
        urls["goal_landing"] = pages["practice_library"].specific.term_url(goal)
        urls["search"] = reverse("search") + "?q=safety"
        urls["membership_apply"] = reverse("membership_apply")
        urls["login"] = reverse("account_login")
        urls["signup"] = reverse("account_signup")
    return urls


def test_the_switcher_keeps_the_visitor_on_the_page_in_every_language(
    addresses, page, assert_accessible, screenshot
):
    languages = itertools.cycle(OTHER_LANGUAGES)
    for name, url in addresses.items():
        language = next(languages)
        page.goto(url)
        assert page.locator("html").get_attribute("lang") == "en", url
        page.locator(f".language-switcher a[hreflang={language}]").click()
        page.wait_for_load_state()

        path = page.evaluate("location.pathname + location.search")
        assert path == f"/{language}{url}", name
        assert page.locator("html").get_attribute("lang") == language
        switcher = page.locator(f".language-switcher a[hreflang={language}]")
        assert switcher.get_attribute("aria-current") == "true"
        is_page = name not in {"search", "membership_apply", "login", "signup"}
        if is_page and language != "sv":
            # Not translated: the original, marked as English, with a note in the language.
            assert page.locator("main").get_attribute("lang") == "en", name
            assert page.locator(NOTE).get_attribute("lang") == language
            assert page.locator(NOTE).is_visible()
        else:
            assert page.locator("main").get_attribute("lang") is None, name
            assert page.locator(NOTE).count() == 0
        # The way back leads to the English page.
        assert page.locator(".language-switcher a[hreflang=en]").get_attribute("href") == url
        if name in {"home", "practice"}:
            screenshot(page, f"languages-{name}-{language}")
        assert_accessible(page)


def test_the_home_page_passes_axe_in_every_language(addresses, page, assert_accessible):
    for language, _name in settings.LANGUAGES:
        prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
        page.goto(f"{prefix}/")
        assert page.locator("html").get_attribute("lang") == language
        alternates = page.locator("link[rel=alternate][hreflang]")
        # The home page is served in every language, translated or not.
        assert sorted(alternates.evaluate_all("links => links.map(l => l.hreflang)")) == sorted(
            [*(code for code, _name in settings.LANGUAGES), "x-default"]
        )
        assert_accessible(page)
