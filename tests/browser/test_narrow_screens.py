"""No page scrolls sideways on a narrow phone (320 and 390 CSS pixels) in any of the six
languages, with the long compound words Nordic languages make."""

import pytest
from django.conf import settings
from wagtail.models import Locale

from portal.models import CapitalCodeTheme, CharterGoal
from tests.i18n.site import build_public_site

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Real words, as long as goal and theme names get in each language.
LONG_WORDS = {
    "en": "Counter-radicalisation partnerships",
    "sv": "Trygghetsvandringsverksamhet ungdomsengagemang",
    "da": "Kriminalitetsforebyggelsessamarbejde",
    "nb": "Kriminalitetsforebyggingssamarbeid",
    "fi": "Turvallisuuskävelytoiminta nuorisotyöyhteistyö",
    "is": "Öryggisgönguverkefnastjórnun",
}
PAGES = ["home", "practice_library", "practice", "city", "event", "tour", "about"]
WIDTHS = [320, 390]


@pytest.fixture
def long_words_site(transactional_db):
    """The public site with every goal and theme named with long words in each language."""
    public_site = build_public_site()
    for code, word in LONG_WORDS.items():
        locale = Locale.objects.get(language_code=code)
        for model in (CharterGoal, CapitalCodeTheme):
            for term in model.objects.filter(locale__language_code=settings.LANGUAGE_CODE):
                translation = term.get_translation_or_none(locale)
                if translation is None:
                    translation = term.copy_for_translation(locale)
                translation.name = word
                translation.save()
    practice = public_site["practice"]
    practice.title = LONG_WORDS["sv"]
    practice.save_revision().publish()
    return {name: public_site[name].url for name in PAGES}


def test_no_page_scrolls_sideways_on_a_narrow_phone(long_words_site, page):
    too_wide = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        for code, _name in settings.LANGUAGES:
            prefix = "" if code == settings.LANGUAGE_CODE else f"/{code}"
            for name, path in long_words_site.items():
                page.goto(prefix + path)
                scroll_width = page.evaluate("document.documentElement.scrollWidth")
                if scroll_width > width:
                    too_wide.append((width, code, name, scroll_width))
    assert too_wide == []
