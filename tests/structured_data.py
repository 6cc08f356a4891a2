"""Reading a page's schema.org JSON-LD as a search engine does (with extruct), and checking
each item against the rules for its type.

The rules follow Google's structured-data documentation
(https://developers.google.com/search/docs/appearance/structured-data/search-gallery):
``required`` are the properties without which Google shows no rich result,
``recommended`` those it asks for. For types Google shows no rich result for (a City, a
CreativeWork) they are what the portal promises to describe. Nested items (an event's
Place, an article's publisher) are checked by the rules of their own type.
"""

import datetime
from dataclasses import dataclass

import extruct


@dataclass(frozen=True)
class Rules:
    required: tuple = ()
    recommended: tuple = ()


RULES = {
    # https://developers.google.com/search/docs/appearance/structured-data/organization
    "Organization": Rules(required=("name", "url"), recommended=("logo",)),
    "GovernmentOrganization": Rules(required=("name", "url")),
    # https://developers.google.com/search/docs/appearance/structured-data/article: no
    # property is required any more; these are the recommended ones, and what a news
    # article needs to say whose it is.
    "NewsArticle": Rules(
        required=("headline", "datePublished", "author", "publisher", "mainEntityOfPage"),
        recommended=("image", "dateModified", "description", "inLanguage"),
    ),
    # https://developers.google.com/search/docs/appearance/structured-data/event
    "Event": Rules(
        required=("name", "startDate", "location"),
        recommended=(
            "description",
            "endDate",
            "eventAttendanceMode",
            "eventStatus",
            "organizer",
            "url",
        ),
    ),
    "Place": Rules(required=("address",), recommended=("name",)),
    "PostalAddress": Rules(recommended=("addressLocality", "addressCountry")),
    "VirtualLocation": Rules(required=("url",)),
    "Offer": Rules(
        required=("price", "priceCurrency"),
        recommended=("availability", "url", "validFrom"),
    ),
    "Person": Rules(required=("name",)),
    "ImageObject": Rules(required=("url",)),
    # No rich result: what the portal describes.
    "CreativeWork": Rules(
        required=("name", "url", "inLanguage", "author", "publisher"),
        recommended=("description", "about", "spatialCoverage", "datePublished", "dateModified"),
    ),
    "DefinedTerm": Rules(required=("name", "inDefinedTermSet")),
    "DefinedTermSet": Rules(required=("name",)),
    "City": Rules(required=("name", "url", "containedInPlace")),
    "AdministrativeArea": Rules(required=("name", "containedInPlace")),
    "Country": Rules(required=("name",)),
    "GeoCoordinates": Rules(required=("latitude", "longitude")),
}

# Properties whose values search engines read as addresses, and as ISO 8601 dates.
ADDRESSES = {"url", "@id", "mainEntityOfPage"}
DATES = {"startDate", "endDate", "datePublished", "dateModified", "validFrom"}


def json_ld(response):
    """The JSON-LD items of a test client's response, as extruct reads them."""
    html = response.content.decode()
    base_url = f"http://testserver{response.wsgi_request.path}"
    return extruct.extract(html, base_url=base_url, syntaxes=["json-ld"])["json-ld"]


def only_item(response, *, recommended=True):
    """The page's one JSON-LD item, checked: every page type writes exactly one."""
    [item] = json_ld(response)
    assert item["@context"] == "https://schema.org"
    assert_valid(item, recommended=recommended)
    return item


def problems(item, *, recommended=True, where=None):
    """What the item and the items inside it lack or get wrong, as readable lines."""
    where = where or item.get("@type", "?")
    found = []
    rules = RULES.get(item.get("@type"))
    if rules is None:
        found.append(f"{where}: no rules for @type {item.get('@type')!r}")
    else:
        wanted = rules.required + (rules.recommended if recommended else ())
        found += [f"{where}.{name}: missing" for name in wanted if item.get(name) in (None, "", [])]
    for name, value in item.items():
        if name in ADDRESSES and isinstance(value, str) and not value.startswith("http"):
            found.append(f"{where}.{name}: {value!r} is not an absolute address")
        if name in DATES and not is_iso_date(value):
            found.append(f"{where}.{name}: {value!r} is not an ISO 8601 date")
        for index, child in enumerate(value if isinstance(value, list) else [value]):
            if isinstance(child, dict):
                label = f"{where}.{name}" + (f"[{index}]" if isinstance(value, list) else "")
                found += problems(child, recommended=recommended, where=label)
    return found


def assert_valid(item, *, recommended=True):
    found = problems(item, recommended=recommended)
    assert not found, "\n".join(found)


def is_iso_date(value):
    try:
        datetime.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True
