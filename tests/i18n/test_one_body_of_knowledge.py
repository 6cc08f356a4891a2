"""Every visitor finds all of the network's work, each piece once: in their language where
it is translated, else in its original language, marked as such (issue 18)."""

import re

import pytest
from django.conf import settings
from django.utils import translation

from cities.factories import CityPageFactory
from cities.models import CityIndexPage
from portal.factories import StoryPageFactory
from portal.models import StoryIndexPage
from practices.factories import PracticePageFactory
from practices.library import LibraryQuery
from practices.library_db import search
from practices.models import PracticePage

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# A word in one English practice only, in no language's stop words.
ENGLISH_ONLY_WORD = "floodlights"


@pytest.fixture
def network(home, translate):
    """Stockholm with three practices: one English and untranslated, one English with a
    Swedish translation, and one written in Swedish and not translated."""
    stockholm = CityPageFactory(
        parent=CityIndexPage.objects.child_of(home).get(), title="Stockholm", slug="stockholm"
    )
    PracticePageFactory(
        parent=stockholm,
        title="Brighter squares",
        summary=f"New {ENGLISH_ONLY_WORD} and cleaning make Sergels torg feel safer.",
    )
    mounted = PracticePageFactory(
        parent=stockholm,
        title="Mounted police",
        summary="Police officers on horseback patrol the parks; hästpatrull in Swedish.",
    )
    riding = translate(
        mounted,
        "sv",
        title="Ridande polis",
        summary="Poliser till häst patrullerar parkerna; hästpatrull kallas de.",
    )
    swedish_stockholm = riding.get_parent().specific
    PracticePageFactory(
        parent=swedish_stockholm,
        title="Trygghetsvandring i Rinkeby",
        summary="Boende, polis och fastighetsägare går genom området en kväll i november.",
        original_language="sv",
    )
    return stockholm


def titles(result):
    return sorted(practice.title for practice in result.practices)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_library_lists_every_live_practice_once_in_every_language(network, language):
    with translation.override(language):
        result = search(LibraryQuery())

    shown = "Ridande polis" if language == "sv" else "Mounted police"
    assert titles(result) == sorted(["Brighter squares", shown, "Trygghetsvandring i Rinkeby"])
    assert result.total == 3
    keys = [practice.translation_key for practice in result.practices]
    live = PracticePage.objects.live().values("translation_key").distinct().count()
    assert len(set(keys)) == len(keys) == live
    # Each facet counts each practice once, the language of the original among them.
    assert sum(value.count for value in result.facets["status"]) == 3
    languages = {value.value: value.count for value in result.facets["language"]}
    assert languages == {"en": 2, "sv": 1}


@pytest.mark.parametrize("language", ["sv", "fi"])
def test_a_search_in_another_language_finds_a_word_only_an_english_practice_has(
    client, network, language
):
    response = client.get(f"/{language}/search/", {"q": ENGLISH_ONLY_WORD})
    with translation.override(language):
        library = search(LibraryQuery(text=ENGLISH_ONLY_WORD))

    assert [result.title for result in response.context["results"]] == ["Brighter squares"]
    assert titles(library) == ["Brighter squares"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [("sv", "Ridande polis"), ("fi", "Mounted police"), ("en", "Mounted police")],
)
def test_the_translation_is_found_rather_than_the_original_when_both_match(
    client, network, language, expected
):
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    response = client.get(f"{prefix}/search/", {"q": "hästpatrull"})
    with translation.override(language):
        library = search(LibraryQuery(text="hästpatrull"))

    assert [result.title for result in response.context["results"]] == [expected]
    assert titles(library) == [expected]


def cards(html):
    return re.findall(r"<article class=\"card[^\"]*\".*?</article>", html, re.S)


def card_of(html, title):
    (card,) = [card for card in cards(html) if title in card]
    return card


@pytest.mark.parametrize(
    ("language", "marker"), [("fi", "Englanniksi"), ("sv", "På engelska"), ("da", "På engelsk")]
)
def test_a_practice_in_another_language_is_marked_with_lang_and_hreflang(
    client, network, language, marker
):
    html = client.get(f"/{language}/practices/").content.decode()

    english = card_of(html, "Brighter squares")
    assert 'lang="en" hreflang="en">Brighter squares</a>' in english
    assert marker in english
    # A card in the visitor's language is not marked.
    if language == "sv":
        riding = card_of(html, "Ridande polis")
        assert "hreflang" not in riding
        assert "original-language" not in riding
        assert "På svenska" not in html


def test_the_english_library_marks_a_swedish_original_in_english(client, network):
    html = client.get("/practices/").content.decode()

    swedish = card_of(html, "Trygghetsvandring i Rinkeby")
    assert 'lang="sv" hreflang="sv">Trygghetsvandring i Rinkeby</a>' in swedish
    assert "In Swedish" in swedish
    assert "original-language" not in card_of(html, "Brighter squares")


def test_stories_are_listed_in_every_language(client, home):
    StoryPageFactory(
        parent=StoryIndexPage.objects.child_of(home).get(), title="The network meets in Oslo"
    )

    html = client.get("/fi/stories/").content.decode()

    story = card_of(html, "The network meets in Oslo")
    assert "Englanniksi" in story


def test_the_api_lists_each_practice_once(client, network):
    listing = client.get("/api/v2/practices/").json()
    swedish = client.get("/api/v2/practices/", {"locale": "sv"}).json()

    expected = sorted(["Brighter squares", "Mounted police", "Trygghetsvandring i Rinkeby"])
    assert sorted(item["title"] for item in listing["items"]) == expected
    assert listing["meta"]["total_count"] == 3
    # Naming a locale lists that locale's pages, and each translation has its own address.
    assert sorted(item["title"] for item in swedish["items"]) == sorted(
        ["Ridande polis", "Trygghetsvandring i Rinkeby"]
    )
    for item in swedish["items"]:
        assert client.get(item["meta"]["detail_url"]).status_code == 200
