import pytest
from wagtail.models import Locale


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
