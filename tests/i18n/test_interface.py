"""No interface string stays English on a translated page.

Every public page type is rendered in each language. The text the visitor reads in that
language (everything outside <head>, and outside elements whose lang attribute names
another language) must not contain an English string of the portal's catalogue whose
translation differs from it. Content shown in its original language is exempt only where
the page says so with a lang attribute, so a missing lang attribute fails here too.
"""

import re
from functools import cache
from html.parser import HTMLParser

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from portal.models import CharterGoal

from .site import OTHER_LANGUAGES

pytestmark = pytest.mark.django_db

VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip
SKIPPED_ELEMENTS = {"head", "script", "style", "template"}
TEXT_ATTRIBUTES = ("aria-label", "alt", "placeholder", "title")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")
# Shorter English strings ("Tag", "No") are too likely to be words of the other language.
SHORTEST_STRING = 4
# One lower-case word ("practices", "city") is a field or model name for the admin, and
# too common in content to tell apart from it.
ADMIN_WORD = re.compile(r"[a-z]+")


class InterfaceText(HTMLParser):
    """The text (and labelling attributes) of an HTML page that is in the page's language."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page_language = None
        self.stack = []  # (tag, language in force, skipped)
        self.parts = []

    def current(self):
        return self.stack[-1] if self.stack else (None, self.page_language, False)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        _parent, language, skipped = self.current()
        if tag == "html":
            self.page_language = attrs.get("lang")
            language = self.page_language
        language = attrs.get("lang", language)
        skipped = skipped or tag in SKIPPED_ELEMENTS or language != self.page_language
        if not skipped:
            self.parts.extend(attrs[name] for name in TEXT_ATTRIBUTES if attrs.get(name))
        if tag not in VOID_ELEMENTS:
            self.stack.append((tag, language, skipped))

    def handle_endtag(self, tag):
        for position in range(len(self.stack) - 1, -1, -1):
            if self.stack[position][0] == tag:
                del self.stack[position:]
                return

    def handle_data(self, data):
        if not self.current()[2]:
            self.parts.append(data)

    @classmethod
    def of(cls, html):
        parser = cls()
        parser.feed(html)
        return parser.page_language, " ".join(" ".join(parser.parts).split())


@cache
def english_strings(language_code):
    """The catalogue's English strings that read differently in the language, as literal
    fragments (the parts between placeholders)."""
    catalogue = polib.pofile(settings.LOCALE_PATHS[0] / language_code / "LC_MESSAGES/django.po")
    strings = set()
    for entry in catalogue.translated_entries():
        if entry.msgctxt:  # date formats
            continue
        translations = [entry.msgstr, *entry.msgstr_plural.values()]
        for english in filter(None, [entry.msgid, entry.msgid_plural]):
            if english in translations:
                continue  # names kept as they are ("Nordic Safe Cities")
            for fragment in PLACEHOLDER.split(english):
                fragment = fragment.strip(" ,.:;()“”\"'")
                if len(fragment) >= SHORTEST_STRING and not ADMIN_WORD.fullmatch(fragment):
                    if any(fragment in text for text in translations):
                        continue
                    strings.add(fragment)
    return [
        (english, re.compile(rf"(?<!\w){re.escape(english)}(?!\w)"))
        for english in sorted(strings, key=len, reverse=True)
    ]


def untranslated(html, language_code):
    """The English interface strings left in the visitor's language on a page."""
    page_language, text = InterfaceText.of(html)
    assert page_language == language_code, f"<html lang> is {page_language!r}"
    return [english for english, pattern in english_strings(language_code) if pattern.search(text)]


def test_the_check_finds_an_untranslated_string_and_respects_lang_attributes():
    html = '<html lang="sv"><body><p>Nyaste exemplen</p>{}</body></html>'

    assert "Newest practices" in untranslated(html.format("<h2>Newest practices</h2>"), "sv")
    assert "Site search" in untranslated(
        html.format('<a aria-label="Site search" href="/">x</a>'), "sv"
    )
    assert untranslated(html.format('<h2 lang="en">Newest practices</h2>'), "sv") == []
    assert untranslated(html.format(""), "sv") == []


def public_urls(pages):
    """Every public page type's address in the active language."""
    urls = {name: page.localized.url for name, page in pages.items()}
    goal = CharterGoal.objects.get(slug="safe-urban-spaces", locale=Locale.get_active())
    urls["goal_landing"] = pages["practice_library"].localized.specific.term_url(goal)
    urls["search"] = reverse("search") + "?q=safety"
    urls["membership_apply"] = reverse("membership_apply")
    urls["login"] = reverse("account_login")
    urls["signup"] = reverse("account_signup")
    return urls


def test_every_public_page_type_is_in_the_visitors_language(client, multilingual_site):
    failures = []
    for language_code in OTHER_LANGUAGES:
        with translation.override(language_code):
            urls = public_urls(multilingual_site)
        for name, url in urls.items():
            response = client.get(url)
            assert response.status_code == 200, url
            strings = untranslated(response.content.decode(), language_code)
            if strings:
                failures.append(f"{url} ({name}): {strings}")
    assert not failures, "English interface strings on translated pages:\n" + "\n".join(failures)
