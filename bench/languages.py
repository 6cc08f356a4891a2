"""What a visitor finds in each of the six languages (issue 18's figures), on whatever
database DATABASE_URL names (the demo by default): the practices the library lists, the
site search's hits for a Swedish and a place name, the sitemap's addresses and hreflang
languages, and every internal address (without its query string) of each language's
site that does not answer 200.

    .venv/bin/python -m bench.languages
"""

import os
import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urlsplit

import django

SEARCHES = ("trygghetsvandring", "Stockholm")
# Addresses that are not pages of the portal: files, the admin, machine-readable views.
NOT_PAGES = ("/static/", "/media/", "/documents/", "/admin/", "/api/", "/i18n/", "/accounts/")
HOST = "127.0.0.1"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)


def internal_path(href):
    """The path of a link to this site, or None. Query strings are left off: the library's
    filter and page links alone would be thousands of addresses of a few pages."""
    parts = urlsplit(href)
    if parts.scheme and parts.hostname not in (HOST, "localhost"):
        return None
    if not parts.path.startswith("/") or parts.path.startswith(NOT_PAGES):
        return None
    return parts.path


def crawl(client, starts):
    """Every internal address reachable from the ``starts`` and its status: {path: status}.
    One crawl for every language: each page's language switcher leads to the others."""
    seen = dict.fromkeys(starts)
    queue = deque(starts)
    while queue:
        path = queue.popleft()
        response = client.get(path)
        seen[path] = response.status_code
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        parser = Links()
        parser.feed(response.content.decode())
        for href in parser.links:
            target = internal_path(href)
            if target and target not in seen:
                seen[target] = None
                queue.append(target)
    return seen


def language_of(path, prefixes):
    """The language whose prefix the address is under."""
    for code, prefix in prefixes.items():
        if prefix != "/" and path.startswith(prefix):
            return code
    return next(code for code, prefix in prefixes.items() if prefix == "/")


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    django.setup()
    from django.conf import settings
    from django.test import Client
    from django.test.utils import setup_test_environment

    # The responses keep their template contexts, as in the tests.
    setup_test_environment()
    client = Client(HTTP_HOST=HOST)
    prefixes = {
        code: "/" if code == settings.LANGUAGE_CODE else f"/{code}/"
        for code, _name in settings.LANGUAGES
    }
    rows = {"practices in the library": {}}
    rows.update({f'site search "{text}"': {} for text in SEARCHES})
    rows.update({"internal addresses crawled": {}, "of them not 200": {}})
    broken = []
    for code, prefix in prefixes.items():
        rows["practices in the library"][code] = (
            client.get(f"{prefix}practices/").context["result"].total
        )
        for text in SEARCHES:
            response = client.get(f"{prefix}search/", {"q": text})
            rows[f'site search "{text}"'][code] = response.context["results"].paginator.count

    statuses = crawl(client, list(prefixes.values()))
    for code in prefixes:
        rows["internal addresses crawled"][code] = rows["of them not 200"][code] = 0
    for path, status in statuses.items():
        code = language_of(path, prefixes)
        rows["internal addresses crawled"][code] += 1
        if status != 200:
            rows["of them not 200"][code] += 1
            broken.append(f"{status} {path}")

    print("| measure | " + " | ".join(prefixes.values()) + " |")
    print("| --- |" + " ---: |" * len(prefixes))
    for measure, values in rows.items():
        print(f"| {measure} | " + " | ".join(str(values[code]) for code in prefixes) + " |")
    sitemap = client.get("/sitemap.xml").content.decode()
    languages = sorted(set(re.findall(r'hreflang="([^"]+)"', sitemap)))
    print(f"\nsitemap.xml: {sitemap.count('<url>')} addresses, hreflang {', '.join(languages)}")
    for line in broken:
        print("not 200:", line)


if __name__ == "__main__":
    main()
