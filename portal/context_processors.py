from django.utils.functional import SimpleLazyObject
from wagtail.models import Site


def main_navigation(request):
    """The site root's children that editors have marked "show in menus", in the
    visitor's language."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    home = site.root_page.localized
    return list(home.get_children().live().in_menu().specific(defer=True))


def navigation(request):
    return {"main_navigation": SimpleLazyObject(lambda: main_navigation(request))}
