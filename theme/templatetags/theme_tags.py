"""Small presentation helpers for the portal's templates.

Domain logic belongs in the models; these only shape what the templates show.
"""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from wagtail.models import Page

from portal import dates, illustrations, navigation, routing
from theme import icons

register = template.Library()


@register.simple_tag
def icon(name):
    """A decorative icon of the design system: {% icon "calendar" %}."""
    return icons.svg(name)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The full address of the Wagtail page being shown, or "" on other pages (search,
    accounts). With the request, Wagtail reads the sites' root paths once per request."""
    page = context.get("page")
    if not isinstance(page, Page):
        return ""
    return page.get_full_url(request=context.get("request")) or ""


@register.filter
def in_section(path, section_url):
    """True when the request path is the section's page or one below it."""
    if not path or not section_url or section_url == "/":
        return False
    return path.startswith(section_url)


@register.simple_tag
def breadcrumb_trail(page):
    """The page's ancestors from the site's home page down, without the tree's root."""
    if page is None or not hasattr(page, "get_ancestors"):
        return []
    return routing.ancestors_of(page)


@register.simple_tag(takes_context=True)
def absolute_uri(context, location):
    """The location as a full address on the site's configured host."""
    return routing.absolute_url(context.get("request"), location)


@register.simple_tag
def social_image(page):
    """The image to show when the page is shared: its own social image, else its main image."""
    for field in ("social_image", "hero_image", "image"):
        image = getattr(page, field, None)
        if image:
            return image
    return None


# Dates are written by portal.dates, for templates here and for the apps' own messages.
register.filter("long_date", dates.long_date)
register.simple_tag(dates.date_range, name="date_range")


@register.filter
def page_type(page):
    """The page's kind in words ("City", "Practice"), for search results."""
    return capfirst(page.specific_class._meta.verbose_name)


@register.simple_tag
def elided_pages(page_obj):
    """Page numbers for pagination, with an ellipsis for long runs."""
    return list(
        page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1)
    )


@register.simple_tag(takes_context=True)
def section_page(context, model_label):
    """The live page of a section type ("events.EventIndexPage") in the visitor's language,
    for "see all" links from other pages."""
    return navigation.section_page(context["request"], model_label)


@register.filter
def json_ld(data):
    """Data as JSON for a <script type="application/ld+json"> element: "<", ">" and "&"
    are escaped, as Django's json_script does, so no text can close the element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(  # noqa: S308 (escaped above for a script element)
        text.translate({ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"})
    )


@register.simple_tag
def city_illustration(city):
    """The city's drawing, where it has no picture: {% city_illustration city %}."""
    return mark_safe(  # noqa: S308 (numbers and checked colours only: portal.illustrations)
        illustrations.svg(illustrations.city_illustration(city.slug, city.country, city.title))
    )


@register.simple_tag
def story_illustration(story):
    """A story without a picture shows the drawing of the first city it is about, or the
    network's when it is about none. Stories carry no charter goals to draw from."""
    city = next(iter(story.cities.all()), None)
    if city is None:
        return mark_safe(illustrations.svg(illustrations.network_illustration()))  # noqa: S308
    return city_illustration(city)


@register.filter
def initials(name):
    """The first letters of a name's first and last words: "Elin Holm" gives "EH"."""
    words = name.split()
    if not words:
        return ""
    return (words[0][0] + (words[-1][0] if len(words) > 1 else "")).upper()
