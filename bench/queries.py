"""SQL queries per public page, on whatever database DATABASE_URL names (the demo by
default): the quick check of the issue-9 budget (at most 12) between full benchmarks.

    DATABASE_URL=sqlite:///db.sqlite3 .venv/bin/python -m bench.queries
"""

import os

import django

PAGES = [
    "/",
    "/cities/",
    "/cities/stockholm/",
    "/cities/copenhagen/reporting-online-hate/",
    "/practices/",
    "/practices/?q=safety&goal=safe-urban-spaces&country=SE",
    "/practices/goals/safe-urban-spaces/",
    "/tours/safe-city-tour-2021/",
    "/tours/safe-city-tour-2021/stockholm/",
    "/events/",
    "/events/summit-2020-stockholm/",
    "/stories/",
    "/stories/stockholm-takes-over-the-safe-city-tour/",
    "/sv/",
    "/sv/cities/stockholm/",
    "/search/?q=safety",
]


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    for url in PAGES:
        client.get(url)  # the first request fills per-process caches (site, locales)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        print(f"{response.status_code}  {len(queries):3d} queries  {url}")


if __name__ == "__main__":
    main()
