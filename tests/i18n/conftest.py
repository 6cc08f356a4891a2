import pytest
from wagtail.models import Locale

from .site import OTHER_LANGUAGES, build_public_site, neutralise_content, translate_everything


@pytest.fixture
def translate(home):
    """translate(page, "sv", **fields): a published translation of the page (and of its
    untranslated ancestors), the way wagtail-localize's "Translate" action makes one."""

    def make(page, language_code, **fields):
        locale = Locale.objects.get(language_code=language_code)
        translation = page.specific.copy_for_translation(locale, copy_parents=True)
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save_revision().publish()
        for ancestor in translation.get_ancestors().filter(depth__gt=1).specific():
            if not ancestor.live:
                ancestor.save_revision().publish()
        return translation

    return make


@pytest.fixture
def public_site(db):
    return build_public_site()


@pytest.fixture
def multilingual_site(public_site):
    neutralise_content()
    translate_everything(public_site, OTHER_LANGUAGES)
    return public_site
