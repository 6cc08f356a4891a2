"""The practice page: a record another city can act on."""

import datetime
from itertools import pairwise

import pytest
from bs4 import BeautifulSoup

from cities.factories import CityPageFactory
from cities.models import CityIndexPage
from events.factories import EventPageFactory
from events.models import EventIndexPage
from practices.factories import PracticePageFactory
from practices.models import PracticeIndicator, TargetGroup

pytestmark = pytest.mark.django_db


def link(title, url):
    return {"type": "link", "value": {"title": title, "url": url}}


@pytest.fixture
def cities(section):
    index = section(CityIndexPage)
    return {
        "sodertalje": CityPageFactory(parent=index, title="Södertälje", slug="sodertalje"),
        "uppsala": CityPageFactory(parent=index, title="Uppsala", slug="uppsala"),
        "tampere": CityPageFactory(parent=index, title="Tampere", slug="tampere", live=False),
    }


@pytest.fixture
def safety_walk(cities, section):
    events = section(EventIndexPage)
    return PracticePageFactory(
        parent=cities["sodertalje"],
        title="Safety walk at the central station",
        problem="<p>Travellers felt unsafe at the station after dark.</p>",
        mechanism="<p>Walking the route together lets every owner see the problems.</p>",
        implementation="<p>One walk in November, one follow-up walk in March.</p>",
        indicators=[
            PracticeIndicator(
                measure="Travellers who feel unsafe at the station after dark",
                baseline="41 %",
                target="30 %",
                result="29 %",
                year=2024,
                source="Municipal safety survey",
                sort_order=0,
            ),
            PracticeIndicator(measure="Problems fixed by the follow-up walk", sort_order=1),
        ],
        evaluation="external",
        evaluation_link="https://example.org/evaluation",
        lessons_learned="<p>Walking in daylight did not work.</p>",
        contact_name="Lina Haddad",
        contact_role="Crime-prevention coordinator",
        contact_email="lina.haddad@example.org",
        resources=[link("Checklist for a safety walk", "https://example.org/checklist")],
        adopted_by=[cities["uppsala"], cities["tampere"]],
        related_events=[
            EventPageFactory(parent=events, title="Safety walk, November"),
            EventPageFactory(parent=events, title="A workshop still in draft", live=False),
        ],
        target_groups=list(
            TargetGroup.objects.filter(
                locale__language_code="en", slug__in=["residents", "businesses"]
            )
        ),
        prevention_level="universal",
        partners=["police", "property_owners"],
        last_reviewed=datetime.date(2025, 4, 3),
        original_language="sv",
    )


def render(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def section_of(soup, heading_text):
    heading = soup.find("h2", string=heading_text)
    assert heading is not None, f"no section headed {heading_text!r}"
    return heading.find_parent("section")


def test_the_effect_section_comes_first_with_the_indicators_as_a_table(client, safety_walk):
    soup = render(client, safety_walk)

    main_headings = [h2.get_text() for h2 in soup.select(".practice-record h2")]
    assert main_headings[0] == "Effect"
    table = section_of(soup, "Effect").find("table")
    assert table.caption.get_text() == "Indicators of effect"
    assert [th.get_text() for th in table.select("thead th[scope=col]")] == [
        "What is measured",
        "Baseline",
        "Target",
        "Result",
        "Year",
        "Source",
    ]
    rows = table.select("tbody tr")
    assert rows[0].find("th", scope="row").get_text() == (
        "Travellers who feel unsafe at the station after dark"
    )
    assert [td.get_text() for td in rows[0].find_all("td")] == [
        "41 %",
        "30 %",
        "29 %",
        "2024",
        "Municipal safety survey",
    ]
    # An empty cell says so to a screen reader instead of being blank.
    assert "Not recorded" in rows[1].find_all("td")[0].get_text()


def test_the_evidence_label_explains_itself_and_marks_its_step_in_words(client, safety_walk):
    evidence = render(client, safety_walk).select_one(".evidence")

    assert "Evidence: Evaluated" in evidence.select_one(".evidence-badge").get_text()
    assert "An evaluation has assessed what the practice achieved." in evidence.get_text()
    steps = evidence.select(".evidence-scale li")
    assert [step.select_one(".evidence-scale__label").get_text() for step in steps] == [
        "Described",
        "Documented",
        "Evaluated",
        "Peer reviewed",
    ]
    current = evidence.select("[aria-current=step]")
    assert len(current) == 1
    assert "Evaluated" in current[0].get_text()
    assert "This practice" in current[0].get_text()


def test_a_practice_without_indicators_is_described_and_says_what_is_missing(client, cities):
    practice = PracticePageFactory(parent=cities["sodertalje"])
    soup = render(client, practice)

    assert "Evidence: Described" in soup.select_one(".evidence-badge").get_text()
    assert soup.select_one(".evidence [aria-current=step]").select_one(
        ".evidence-scale__label"
    ).get_text() == ("Described")
    assert "has not yet recorded an indicator of effect" in soup.get_text()
    assert "The practice has not been evaluated yet." in soup.get_text()


def test_the_emmie_parts_appear_under_their_headings_only_when_filled(client, safety_walk):
    soup = render(client, safety_walk)

    assert "Travellers felt unsafe" in section_of(soup, "The problem").get_text()
    assert "every owner see the problems" in section_of(soup, "How it works").get_text()
    assert "follow-up walk in March" in section_of(soup, "Implementation").get_text()
    headings = {h2.get_text() for h2 in soup.find_all("h2")}
    assert "Where it works" not in headings
    assert "Cost" not in headings


def test_lessons_learned_and_the_evaluation_are_shown(client, safety_walk):
    soup = render(client, safety_walk)

    lessons = section_of(soup, "What we learned, including what did not work")
    assert "Walking in daylight did not work." in lessons.get_text()
    evaluation = section_of(soup, "Evaluation")
    assert "External evaluation" in evaluation.get_text()
    assert evaluation.find("a", href="https://example.org/evaluation")


def test_the_contact_person_can_be_emailed(client, safety_walk):
    contact = section_of(render(client, safety_walk), "Contact")

    assert "Lina Haddad" in contact.get_text()
    assert "Crime-prevention coordinator" in contact.get_text()
    assert contact.find("a", href="mailto:lina.haddad@example.org")


def test_adopting_cities_link_to_their_pages_when_published(client, safety_walk, cities):
    adopted = section_of(render(client, safety_walk), "Adopted by")

    assert adopted.find("a", href=cities["uppsala"].url).get_text(strip=True) == "Uppsala"
    # An unpublished city is named, not linked.
    assert "Tampere" in adopted.get_text()
    assert not adopted.find("a", string="Tampere")


def test_documents_links_and_published_related_events_are_listed(client, safety_walk):
    soup = render(client, safety_walk)

    resources = section_of(soup, "Documents and links")
    assert resources.find("a", href="https://example.org/checklist").get_text(strip=True) == (
        "Checklist for a safety walk"
    )
    events = section_of(soup, "Related events")
    assert "Safety walk, November" in events.get_text()
    assert "A workshop still in draft" not in events.get_text()


def test_the_follow_up_facts_say_who_it_is_for_and_how_current_it_is(client, safety_walk):
    facts = section_of(render(client, safety_walk), "About this practice").get_text()

    assert "Residents of an area" in facts
    assert "Local businesses and property owners" in facts
    assert "Universal: everyone in a place or group" in facts
    assert "Police" in facts
    assert "Property owners" in facts
    assert "3 April 2025" in facts
    assert "Swedish" in facts
    assert "Ongoing" in facts


def test_headings_descend_one_level_at_a_time(client, safety_walk):
    levels = [
        int(tag.name[1]) for tag in render(client, safety_walk).select("main :is(h1, h2, h3, h4)")
    ]

    assert levels[0] == 1
    assert all(later <= earlier + 1 for earlier, later in pairwise(levels))


def test_the_page_loads_its_own_stylesheet(client, safety_walk):
    soup = render(client, safety_walk)
    assert soup.find("link", rel="stylesheet", href="/static/theme/css/practice.css")
