"""The language switcher, hreflang alternates and the language of the content.

English is the source language of the site tree; every other language has its own tree
of translations (wagtail-localize). A page that has no translation yet is served from
the source tree under the visitor's language prefix, with a note (see
``portal.models.HomePage.route``), so every language link lands on the same page.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from portal import page_cache
from portal.localisation import address_in_language, language_of, term_in_visitor_language
from portal.routing import absolute_url

register = template.Library()


def _language_info(code):
    # The names as settings.LANGUAGES writes them, each in its own language ("Svenska").
    return {"code": code, "name": dict(settings.LANGUAGES)[code]}


def _page_links(page, request):
    """For a Wagtail page: each language's live translation, or else the page's original
    under that language's prefix, where it is served too (``HomePage.route``), followed
    by what the request adds to the page's own address (a routable page's sub-page, the
    query string)."""
    # Only what an address is made of: a page row is some fifty columns.
    translations = {
        language_of(translation.locale_id): translation
        for translation in page.get_translations(inclusive=True).live().only("url_path", "locale")
    }
    order = [code for code, _name in settings.LANGUAGES]
    # The original that untranslated languages show, looked for as routing does: the
    # source language's first.
    source = next((translations[code] for code in order if code in translations), page)
    suffix = _route_suffix(page, request)
    links = []
    for code in order:
        shown = translations.get(code, source)
        url = address_in_language(shown, code, request) or "/"
        links.append(
            {**_language_info(code), "url": url + suffix, "translated": code in translations}
        )
    return links


def _route_suffix(page, request):
    """What follows the page's own address in the request: a routable page's sub-page
    (a goal's landing page in the library) and the query string (the library's filters).
    The page's address is the one it has under the request's language prefix."""
    own = page.get_url(request=request) or "/"
    suffix = request.path[len(own) :] if request.path.startswith(own) else ""
    query = request.META.get("QUERY_STRING", "")
    return f"{suffix}?{query}" if query else suffix


def _view_links(request):
    """For a view outside the page tree (search, membership, accounts): the same address
    under each language's prefix, query string included."""
    path = request.get_full_path()
    return [
        {**_language_info(code), "url": translate_url(path, code), "translated": True}
        for code, _name in settings.LANGUAGES
    ]


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language to the page the visitor is on, with ``translated`` False where
    the link leads to the untranslated original."""
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    if not (isinstance(page, Page) and page.pk):
        links = _view_links(request)
    elif getattr(request, "is_preview", False):
        # A draft's addresses need not be its live page's.
        links = _page_links(page, request)
    else:
        # The page's translations and their addresses change only when content does.
        links = page_cache.kept(
            "language-links",
            [page.pk, request.get_host(), request.get_full_path(), get_language()],
            lambda: _page_links(page, request),
        )
    current = get_language()
    for link in links:
        link["current"] = link["code"] == current
        link["absolute_url"] = absolute_url(request, link["url"])
    return links


@register.simple_tag(takes_context=True)
def page_language(context, page):
    """The language a page is written in (its locale's), for a lang attribute where it
    differs from the interface's: untranslated titles in menus and breadcrumbs."""
    locale_id = getattr(page, "locale_id", None)
    if locale_id is None:
        return get_language()
    return language_of(locale_id) or get_language()


@register.simple_tag(takes_context=True)
def visitor_translation(context, term):
    """A charter goal or theme in the visitor's language where it has been translated."""
    return term_in_visitor_language(term)


@register.simple_tag(takes_context=True)
def content_language(context):
    """The language of the page's own content: the page's locale, which differs from the
    interface language when the page is shown untranslated."""
    page = context.get("page")
    if not isinstance(page, Page):
        return get_language()
    return page_language(context, page)


@register.filter
def language_name(code):
    """A language's name in the visitor's language ("engelska" on a Swedish page)."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


# What marks a page listed in the language it was written in, not the visitor's: whole
# phrases, since languages inflect the name ("Englanniksi" in Finnish).
IN_LANGUAGE = {
    "en": _("In English"),
    "sv": _("In Swedish"),
    "da": _("In Danish"),
    "nb": _("In Norwegian"),
    "fi": _("In Finnish"),
    "is": _("In Icelandic"),
}


@register.simple_tag
def in_language(code):
    """The visitor's words for "in <language>" ("På engelska" for "en" on a Swedish page)."""
    phrase = IN_LANGUAGE.get(code)
    if phrase is None:
        return language_name(code)
    return phrase
