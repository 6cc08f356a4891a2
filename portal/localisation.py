"""What a visitor can read in their language: translated where it has been, and the
original (English) where it has not yet.

``in_active_locale()`` gives only the rows translated into the visitor's language; on a
site whose translations are under way that hides most of the network (a Danish visitor
would see no charter goals until someone translates them). Lists of reference data and
pages that must always be complete use ``localized`` instead, and templates mark the
untranslated rows with their own ``lang``.

A page asks for the visitor's locale a dozen times (every list, badge and link does);
``Locale.get_active()`` reads the database each time. ``active_locale()`` takes the
locales from the site's structure, read once and kept in the cache until a locale is
added or changed (``portal.site_structure``).
"""

from django.conf import settings
from django.db.models import Q
from django.http import Http404
from django.urls import translate_url
from django.utils.translation import get_language, override
from modelcluster.fields import ParentalManyToManyField
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, TranslatableMixin

from portal.request_memo import per_request
from portal.site_structure import shared


def _locales_by_code():
    return shared(
        "locales", lambda: {locale.language_code: locale for locale in Locale.objects.all()}
    )


def locale_for(language_code):
    """The locale of a language (its supported variant: "sv-se" is "sv"), or None."""
    try:
        code = get_supported_content_language_variant(language_code)
    except LookupError:
        return None
    return _locales_by_code().get(code)


def default_locale():
    return locale_for(settings.LANGUAGE_CODE)


def active_locale():
    """The locale of the language the visitor is reading, as ``Locale.get_active()``
    gives it: the default locale when that language has none."""
    return locale_for(get_language()) or default_locale()


def language_of(locale_id):
    """The language code of a locale, by its id."""
    for code, locale in _locales_by_code().items():
        if locale.pk == locale_id:
            return code
    return None


def under_visitor_prefix(path, locale_id):
    """A page's address (``path``, as Wagtail reverses it in the page's own language)
    under the visitor's language prefix: every page is served under every prefix, with
    the interface in that language, so a link keeps the visitor's language whether or not
    its page is translated (``portal.models.HomePage.route``)."""
    own = language_of(locale_id)
    visitor = active_locale().language_code
    if own is None or own == visitor:
        return path
    with override(own):
        return translate_url(path, visitor)


def address_in_language(page, language_code, request=None):
    """The page's address (a path) under a language's prefix: its own address, as Wagtail
    reverses it in the page's language (``Page.get_url_parts``, not the portal's
    override, which already moves it under the active language's), moved under that
    language's prefix. None if the page has no address."""
    parts = Page.get_url_parts(page, request)
    if parts is None or parts[2] is None:
        return None
    with override(language_code):
        return under_visitor_prefix(parts[2], page.locale_id)


def term_in_visitor_language(term):
    """A charter goal, theme or other reference term in the visitor's language if it has
    been translated, else as it is. A page of English practices read in Swedish shows a
    badge per goal per card: the terms of the visitor's language are read once per
    request, not once per badge."""
    active = active_locale()
    if term.locale_id == active.pk:
        return term
    model = type(term)
    translations = per_request(
        ("terms", model._meta.label, active.pk),
        lambda: {
            translation.translation_key: translation
            for translation in model._default_manager.filter(locale=active)
        },
    )
    return translations.get(term.translation_key, term)


def localized(queryset, locale=None):
    """The rows in the active language (or the locale given), and those in the default
    language that have no translation into it yet."""
    active = locale or active_locale()
    default = default_locale()
    if active.pk == default.pk:
        return queryset.filter(locale=active)
    translated = queryset.model._default_manager.filter(locale=active).values("translation_key")
    untranslated = Q(locale=default) & ~Q(translation_key__in=translated)
    return queryset.filter(Q(locale=active) | untranslated)


def reference_terms(model):
    """Every term of a reference list (the charter's goals, the Capital Code's themes) in
    the visitor's language where translated and in the original where not, in order.
    Staff edit them once in a long while, which drops the site's structure that keeps
    them; a page lists them without a query."""
    return shared(
        ("reference terms", model._meta.label, active_locale().pk),
        lambda: list(localized(model._default_manager.all())),
    )


def reference_term_or_404(model, slug):
    """The term with the slug, as ``reference_terms`` lists it."""
    for term in reference_terms(model):
        if term.slug == slug:
            return term
    raise Http404(f"No {model._meta.verbose_name} {slug!r}")


def term_fields(model):
    """A page model's choices of reference terms (charter goals, themes, target groups):
    its many-to-many relations to translatable models that are not pages."""
    return [
        field
        for field in model._meta.get_fields()
        if isinstance(field, ParentalManyToManyField)
        and issubclass(field.related_model, TranslatableMixin)
        and not issubclass(field.related_model, Page)
    ]


def terms_in_locale(terms, locale_id):
    """The terms as a page in the locale files them: each one's translation into that
    language, or the term itself where it has none yet."""
    foreign = [term for term in terms if term.locale_id != locale_id]
    if not foreign:
        return list(terms)
    model = type(foreign[0])
    translations = {
        translation.translation_key: translation
        for translation in model._default_manager.filter(
            locale_id=locale_id, translation_key__in=[term.translation_key for term in foreign]
        )
    }
    return [
        term if term.locale_id == locale_id else translations.get(term.translation_key, term)
        for term in terms
    ]
