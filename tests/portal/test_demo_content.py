"""What a visitor sees of the demo: invented content is marked as such, in every
language, and facts from the network's own documents are not; the past summit shows what
happened there; every event has a picture and a street address. And what an operator
needs of it: it loads where the development packages are not installed, and its
translations match its English texts."""

import importlib.metadata
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, TranslationSource

from cities.factories import CityPageFactory
from cities.models import CityIndexPage
from events.models import EventPage
from practices.factories import PracticePageFactory
from tests.structured_data import only_item
from website.demo.loader import TRANSLATIONS

pytestmark = pytest.mark.django_db

MARK = 'class="demo-mark"'
MARK_ON_CARD = 'class="demo-mark demo-mark--compact"'


@pytest.mark.parametrize(("prefix", "words"), [("", "Demo content"), ("/fi", "Esittelysisältöä")])
def test_an_invented_page_is_marked_and_a_real_one_is_not(client, section, prefix, words):
    city = CityPageFactory(parent=section(CityIndexPage), is_demo_content=False)
    invented = PracticePageFactory(parent=city, title="An invented one", is_demo_content=True)
    real = PracticePageFactory(parent=city, title="One on record", is_demo_content=False)

    invented_page = client.get(f"{prefix}{invented.url}").content.decode()
    real_page = client.get(f"{prefix}{real.url}").content.decode()

    assert MARK in invented_page
    assert f"<strong>{words}</strong>" in invented_page
    assert MARK not in real_page
    assert words not in real_page


def test_the_demo_marks_what_it_invented_and_its_events_say_what_happened_and_where(client):
    call_command("load_demo", verbosity=0)

    for prefix in ("", "/fi"):
        # The takeover week is on record in the network's documents; the 2027 summit
        # story is invented.
        real = client.get(f"{prefix}/stories/stockholm-takes-over-the-safe-city-tour/")
        invented = client.get(f"{prefix}/stories/helsinki-to-host-the-2027-summit/")
        assert real.status_code == invented.status_code == 200
        assert MARK not in real.content.decode()
        assert MARK in invented.content.decode()
        listing = client.get(f"{prefix}/stories/").content.decode()
        assert listing.count(MARK_ON_CARD) == 4

    summit = client.get("/events/summit-2020-stockholm/").content.decode()
    assert "This event has ended." in summit
    assert 'id="programme-heading"' in summit
    assert "The Stockholm model against violent extremism" in summit
    # The practices it showed and the story told of it are linked from the page.
    assert 'href="/cities/stockholm/sergels-torg-placemaking/"' in summit
    assert 'href="/stories/the-network-becomes-an-independent-association/"' in summit
    # The venue names its city once; a past event offers no calendar file.
    assert "Stockholm City Hall, Stockholm" not in summit
    assert "Calendar file" not in summit

    # What search engines' event results show: every event's JSON-LD has an image, and
    # an event at a venue a postal address with its street.
    events = EventPage.objects.live()
    assert events.exists()
    for event in events:
        item = only_item(client.get(event.url))
        assert item["image"], event.slug
        location = item["location"]
        places = [
            place
            for place in (location if isinstance(location, list) else [location])
            if place["@type"] == "Place"
        ]
        assert len(places) == (1 if event.is_in_person else 0), event.slug
        for place in places:
            assert place["address"]["streetAddress"], event.slug


def test_the_demo_translations_match_the_english_texts_and_are_published(
    django_capture_on_commit_callbacks,
):
    """Each PO file translates one page: every string in it is a text of that page (an
    English text changed in the data files leaves its translation behind, named here),
    and the translated page is published with the translated title."""
    # wagtail-localize publishes a translation once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", verbosity=0)

    files = sorted(TRANSLATIONS.glob("*/*.po"))
    assert files
    for path in files:
        page = Page.objects.get(locale__language_code=settings.LANGUAGE_CODE, slug=path.stem)
        source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
        texts = set(
            StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
        )
        catalogue = {entry.msgid: entry.msgstr for entry in polib.pofile(str(path))}
        stale = set(catalogue) - texts
        assert not stale, f"{path}: no longer texts of the page: {sorted(stale)}"
        translation = page.get_translation(Locale.objects.get(language_code=path.parent.name))
        assert translation.live
        assert translation.title == catalogue.get(page.title, page.title)


PROJECT = Path(__file__).resolve().parents[2]
# Runs the commands with the modules of the given packages impossible to import, as on an
# install without them.
WITHOUT_PACKAGES = """
import sys
from importlib.abc import MetaPathFinder

from django.core.management import execute_from_command_line

missing = set(sys.argv[1].split(","))
assert not missing & {name.partition(".")[0] for name in sys.modules}


class NotInstalled(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in missing:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)


sys.meta_path.insert(0, NotInstalled())
for command in sys.argv[2:]:
    execute_from_command_line(["manage.py", *command.split()])
"""


def development_only_modules():
    """The top-level modules of the installed packages that only the development group
    needs: what `uv sync --no-dev` (a production install) leaves out, by uv.lock."""
    lock = tomllib.loads((PROJECT / "uv.lock").read_text())
    packages = {package["name"]: package for package in lock["package"]}
    [project] = [package for package in lock["package"] if package["source"] == {"virtual": "."}]
    needed, seen, wanted = set(), set(), list(project["dependencies"])
    while wanted:
        dependency = wanted.pop()
        name = dependency["name"]
        needed.add(name)
        for part in ["", *dependency.get("extra", [])]:
            if (name, part) in seen:
                continue
            seen.add((name, part))
            package = packages[name]
            if part:
                wanted += package["optional-dependencies"][part]
            else:
                wanted += package.get("dependencies", [])

    def normalised(distribution):
        return distribution.lower().replace("_", "-").replace(".", "-")

    return {
        module
        for module, distributions in importlib.metadata.packages_distributions().items()
        if all(
            normalised(name) in packages and normalised(name) not in needed
            for name in distributions
        )
    }


def test_the_demo_loader_imports_no_development_package():
    """`load_demo` and everything it imports (the loader, its YAML and PO readers) work
    with the production settings where none of the development group's packages is
    installed, the test factories among them. `make production-check` loads the demo on
    such an install, with PostgreSQL."""
    missing = development_only_modules()
    assert {"factory", "wagtail_factories", "pytest"} <= missing
    environment = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "s" * 50,
        "ALLOWED_HOSTS": "portal.example.org",
        "WAGTAILADMIN_BASE_URL": "https://portal.example.org",
    }
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_PACKAGES, ",".join(sorted(missing)), "help load_demo"],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "Create the site structure and the demo content" in result.stdout
