"""The ways around the site: the main menu, and the section pages that "see all" links
lead to (the city directory, the practice library, ...), in the visitor's language.

Both are the live pages just below the site's home page. They are read in one query,
together with the home page in the visitor's language, and kept per site and language
with the site's structure until an editor changes them (``portal.site_structure``).
"""

from django.db.models import Q
from wagtail.models import Page, Site

from portal.localisation import active_locale
from portal.querysets import PortalPageQuerySet
from portal.site_structure import shared


def main_navigation(request):
    """The children of the home page that editors have marked "show in menus", each in the
    visitor's language where translated and in the original where not: a menu read in
    Finnish has every section the English one has."""
    return [page for page in top_pages(request) if page.show_in_menus]


def section_page(request, model_label):
    """The section page of a type ("events.EventIndexPage") in the visitor's language, or
    the original where it is not translated yet; None if the site has none."""
    sections = {}
    for page in top_pages(request):
        sections.setdefault(page.specific_class._meta.label, page)
    return sections.get(model_label)


def top_pages(request):
    """The live pages below the home page, in menu order, each in the visitor's language
    where translated and in the original where not."""
    site = Site.find_for_request(request)
    key = ("top pages", site.pk if site else None, active_locale().pk)
    return shared(key, lambda: _read_top_pages(site))


def _read_top_pages(site):
    if site is None:
        return []
    source_home = site.root_page
    active = active_locale()
    # The home pages (the site's and its translation) and the pages one level down in
    # either language; which page is below which is told by their paths. Only public
    # ones: a menu or a "see all" link names no page in a private section.
    rows = list(
        PortalPageQuerySet(Page)
        .public()
        .filter(
            Q(depth=source_home.depth, translation_key=source_home.translation_key, locale=active)
            | Q(
                depth=source_home.depth + 1,
                locale__in={active.pk, source_home.locale_id},
                live=True,
            )
        )
        .specific(defer=True)
        .order_by("path")
    )
    homes = [page for page in rows if page.depth == source_home.depth]
    home = homes[0] if homes else source_home

    def children(parent):
        return [
            page for page in rows if page.depth > parent.depth and page.path.startswith(parent.path)
        ]

    if home.pk == source_home.pk:
        return children(source_home)
    translated = {page.translation_key: page for page in children(home)}
    # In the original's menu order; sections that exist only in the visitor's language
    # follow.
    pages = [translated.pop(page.translation_key, page) for page in children(source_home)]
    return pages + list(translated.values())
