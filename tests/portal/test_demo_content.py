"""What a visitor sees of the demo: invented content is marked as such, in every
language, and facts from the network's own documents are not; the past summit shows what
happened there."""

import pytest
from django.core.management import call_command

from cities.factories import CityPageFactory
from cities.models import CityIndexPage
from practices.factories import PracticePageFactory

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


def test_the_demo_marks_what_it_invented_and_shows_what_happened_at_the_past_summit(client):
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
