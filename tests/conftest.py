import pytest
from django.core.management import call_command

from portal.models import HomePage


@pytest.fixture
def home(db):
    """The site structure production has: home page, sections, staff group, workflow."""
    call_command("setup_site", verbosity=0)
    return HomePage.objects.get(depth=2)


@pytest.fixture
def section(home):
    """The home page's section of a given page type: section(CityIndexPage)."""

    def find(page_class):
        return page_class.objects.child_of(home).get()

    return find
