"""Visitors of the public portal, for ``bench/load.py`` (50 users for 60 seconds).

The mix follows what visitors do: the home page, the city directory and city profiles,
the practice library with and without filters, practice records, search, events, tours,
stories, a feed, the API and the sitemap. Page addresses come from the sitemap once,
when the run starts. Every response must be 200, or it counts as a failure.
"""

import random
import re
import urllib.request
from urllib.parse import urlsplit

from locust import HttpUser, between, events, task

PAGES = {"city": [], "practice": [], "event": [], "tour": [], "story": [], "other": []}
SEARCHES = ["trygghet", "safety walk", "radikalisering", "school", "nattvandring", "mentor"]
FILTERS = ["goal=", "theme=", "country=se", "country=fi", "country=no", "sort=newest"]


@events.test_start.add_listener
def read_the_sitemap(environment, **_kwargs):
    """Sorts the sitemap's pages by section (the sections' slugs are the site's)."""
    with urllib.request.urlopen(f"{environment.host}/sitemap.xml", timeout=30) as response:  # noqa: S310
        sitemap = response.read().decode()
    for url in re.findall(r"<loc>([^<]+)</loc>", sitemap):
        path = urlsplit(url).path
        section = path.strip("/").split("/")[0] if path.count("/") > 2 else "other"
        key = {
            "cities": "city",
            "practices": "practice",
            "events": "event",
            "tours": "tour",
            "stories": "story",
        }.get(section, "other")
        PAGES[key].append(path)
    # Practices live under their cities: /cities/<city>/<practice>/.
    PAGES["practice"] += [path for path in PAGES["city"] if path.count("/") > 3]
    PAGES["city"] = [path for path in PAGES["city"] if path.count("/") == 3]
    if not PAGES["city"] or not PAGES["practice"]:
        raise RuntimeError("the sitemap lists no city or practice: is the demo loaded?")


def some(kind):
    return random.choice(PAGES[kind] or PAGES["other"])  # noqa: S311


class Visitor(HttpUser):
    wait_time = between(0.5, 2)

    @task(10)
    def home(self):
        self.client.get("/", name="home")

    @task(6)
    def city_directory(self):
        self.client.get("/cities/", name="city directory")

    @task(8)
    def city(self):
        self.client.get(some("city"), name="city profile")

    @task(8)
    def library(self):
        self.client.get("/practices/", name="practice library")

    @task(6)
    def filtered_library(self):
        self.client.get(f"/practices/?{random.choice(FILTERS)}", name="library, filtered")  # noqa: S311

    @task(12)
    def practice(self):
        self.client.get(some("practice"), name="practice record")

    @task(6)
    def search(self):
        self.client.get(f"/search/?q={random.choice(SEARCHES)}", name="search")  # noqa: S311

    @task(3)
    def events(self):
        self.client.get("/events/", name="events")

    @task(3)
    def event_or_tour(self):
        self.client.get(some(random.choice(["event", "tour"])), name="event or tour")  # noqa: S311

    @task(3)
    def story(self):
        self.client.get(some("story"), name="story")

    @task(2)
    def swedish_home(self):
        self.client.get("/sv/", name="home in Swedish")

    @task(1)
    def feed(self):
        self.client.get("/practices/feed/atom/", name="library feed")

    @task(1)
    def api(self):
        self.client.get("/api/v2/practices/", name="API practices")

    @task(1)
    def sitemap(self):
        self.client.get("/sitemap.xml", name="sitemap")
