"""The pieces of schema.org JSON-LD that every page type shares: the network as publisher
and organiser, images, and items nested in other items.

Each page type builds its own item in a ``structured_data`` method (``HomePage``,
``CityPage``, ``PracticePage``, ``StoryPage``, ``EventPage``); the templates write it with
the ``json_ld`` filter. Addresses are absolute, on the site's configured host
(``portal.routing.absolute_url``), as search engines need them.
"""

from django.templatetags.static import static
from django.utils.text import capfirst
from django.utils.translation import gettext

from portal.routing import absolute_url

CONTEXT = "https://schema.org"

# The network's mark, the one in the site's header: a square SVG, which Google accepts as
# a logo (any size of 112 by 112 pixels or more, in a format Google Images reads).
LOGO = "theme/favicon.svg"

# Google asks for an article's or event's image in the three shapes its results crop to
# (16:9, 4:3 and 1:1), each at least 50,000 pixels; Wagtail makes all three in one query.
IMAGE_RENDITIONS = ("fill-1200x675", "fill-1200x900", "fill-1200x1200")


def item(type_name, **properties):
    """A top-level item of the type, with the properties that have a value: an empty text
    or list says nothing to a search engine, and Google warns about it."""
    return {
        "@context": CONTEXT,
        "@type": type_name,
        **{name: value for name, value in properties.items() if value not in (None, "", [])},
    }


def nested(data):
    """Another page's item (a practice's city) inside this page's: without its
    ``@context``, which only the outermost item carries."""
    return {name: value for name, value in data.items() if name != "@context"}


def network(request=None):
    """The network as an Organization: the home page describes it, and every other page
    names it by the same ``@id`` as publisher, author or organiser."""
    home = absolute_url(request, "/")
    return {
        "@type": "Organization",
        "@id": home + "#organization",
        "name": gettext("Nordic Safe Cities"),
        "url": home,
        "logo": {"@type": "ImageObject", "url": absolute_url(request, static(LOGO))},
    }


def images(image, request=None):
    """The image as Google wants it for articles and events: one ImageObject per shape,
    with its size and credit. None without an image."""
    if image is None:
        return None
    renditions = image.get_renditions(*IMAGE_RENDITIONS)
    return [
        {
            "@type": "ImageObject",
            "url": absolute_url(request, renditions[spec].url),
            "width": renditions[spec].width,
            "height": renditions[spec].height,
            **({"creditText": image.credit} if image.credit else {}),
        }
        for spec in IMAGE_RENDITIONS
    ]


def defined_term(term):
    """A charter goal, Capital Code theme or other reference term as a DefinedTerm of its
    vocabulary, named in the term's own language."""
    return {
        "@type": "DefinedTerm",
        "name": term.name,
        "termCode": term.slug,
        "inDefinedTermSet": {
            "@type": "DefinedTermSet",
            "name": capfirst(type(term)._meta.verbose_name_plural),
        },
    }
