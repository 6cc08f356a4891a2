"""The directory of member cities and a city's page, in Chromium: the map and its
markers, the filters, the counts per country, key figures, strategy documents and
contacts, and axe-core on each, and on the membership application form."""

import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from cities.factories import CityPageFactory
from cities.models import (
    CityContact,
    CityIndexPage,
    Country,
    KeyFigure,
    MembershipStatus,
    StrategyDocument,
    StrategyDocumentKind,
)

# Live-server tests commit for real; serialized rollback restores the reference data
# (charter goals, themes, locales) that the data migrations created.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

UNSAFE_AT_NIGHT = "Residents who feel unsafe in their neighbourhood at night"
TRAINED_STAFF = "City employees who have taken the online training"


def city(index, title, country, latitude, longitude, **fields):
    return CityPageFactory(
        parent=index,
        title=title,
        country=country,
        latitude=Decimal(latitude) if latitude else None,
        longitude=Decimal(longitude) if longitude else None,
        **fields,
    )


@pytest.fixture
def cities(transactional_db):
    """Five member cities in four countries, one of them without a location, and an
    applicant that the directory leaves out."""
    call_command("setup_site", verbosity=0)
    index = CityIndexPage.objects.get()
    return {
        "index": index,
        "stockholm": city(index, "Stockholm", Country.SWEDEN, "59.32938", "18.06871"),
        "gothenburg": city(index, "Gothenburg", Country.SWEDEN, "57.70887", "11.97456"),
        "copenhagen": city(index, "Copenhagen", Country.DENMARK, "55.67594", "12.56553"),
        "helsinki": city(index, "Helsinki", Country.FINLAND, "60.16952", "24.93545"),
        "hafnarfjordur": city(index, "Hafnarfjörður", Country.ICELAND, None, None),
        "uppsala": city(
            index,
            "Uppsala",
            Country.SWEDEN,
            "59.85856",
            "17.63893",
            membership_status=MembershipStatus.APPLICANT,
        ),
    }


@pytest.fixture
def stockholm_profile(cities):
    """Stockholm with five years of one indicator, a single year of another, two
    strategy documents and two contacts, of whom only one agreed to be shown."""
    stockholm = cities["stockholm"]
    for position, (year, value) in enumerate([(2017, 27), (2019, 25), (2021, 23), (2023, 22)]):
        KeyFigure.objects.create(
            page=stockholm,
            indicator=UNSAFE_AT_NIGHT,
            year=year,
            value=Decimal(value),
            unit="%",
            source="the city's safety survey",
            sort_order=position,
        )
    KeyFigure.objects.create(
        page=stockholm,
        indicator=UNSAFE_AT_NIGHT,
        year=2025,
        value=Decimal("19.5"),
        unit="%",
        source="the city's safety survey",
        sort_order=4,
    )
    KeyFigure.objects.create(
        page=stockholm, indicator=TRAINED_STAFF, year=2025, value=Decimal(64), unit="%"
    )
    StrategyDocument.objects.create(
        page=stockholm,
        title="Stockholm's safety programme",
        kind=StrategyDocumentKind.SAFETY_PROGRAMME,
        period="2024–2027",
        focus_areas="Preventive work\nTargeted social interventions\n"
        "The city's public environment\nUrban development",
        link="https://start.stockholm/",
    )
    StrategyDocument.objects.create(
        page=stockholm,
        title="Action plans against violent extremism",
        kind=StrategyDocumentKind.ACTION_PLAN,
        link="https://start.stockholm/",
    )
    CityContact.objects.create(
        page=stockholm,
        name="Sara Lindgren",
        role="City-wide coordinator against violent extremism",
        email="sara.lindgren@stockholm.example",
        phone="+46 70 174 06 21",
        is_public=True,
    )
    CityContact.objects.create(
        page=stockholm,
        name="Johan Ekberg",
        role="Safety analyst",
        email="johan.ekberg@stockholm.example",
        is_public=False,
    )
    stockholm.challenges = "<p>Halve residents' sense of insecurity by 2025.</p>"
    stockholm.network_focus = "<p>Sharing the Stockholm model against violent extremism.</p>"
    stockholm.save()
    return stockholm


def map_of(page):
    return page.get_by_role("group", name="Map of member cities")


def card_titles(page):
    return sorted(page.locator(".card--city .card__title").all_inner_texts())


def test_the_map_has_a_marker_link_for_every_city_with_a_location(
    cities, page, live_server, screenshot
):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(cities["index"].url)

    markers = map_of(page).get_by_role("link")
    expect(markers).to_have_count(4)
    expected = {cities[slug].url: cities[slug].title for slug in ("stockholm", "gothenburg")}
    expected |= {cities[slug].url: cities[slug].title for slug in ("copenhagen", "helsinki")}
    for url, title in expected.items():
        expect(map_of(page).get_by_role("link", name=title)).to_have_attribute("href", url)
    expect(map_of(page).get_by_role("link", name="Hafnarfjörður")).to_have_count(0)
    expect(map_of(page).get_by_role("link", name="Uppsala")).to_have_count(0)
    # The city without a location is still in the list, the map's text alternative.
    assert "Hafnarfjörður" in card_titles(page)
    expect(page.get_by_text("text alternative to it")).to_be_visible()
    assert map_of(page).locator("path").count() > 1
    # Drawn on the server: no tiles, fonts or scripts from anywhere else.
    assert requested
    elsewhere = [url for url in requested if not url.startswith((live_server.url, "data:"))]
    assert not elsewhere
    screenshot(page, "city-directory")


def test_tab_reaches_a_marker_and_enter_opens_the_city(cities, page):
    page.goto(cities["index"].url)

    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('svg') !== null"):
            break
    focused = page.locator(":focus")
    expect(focused).to_have_class("city-map__marker")
    href = focused.get_attribute("href")
    target = next(city for city in cities.values() if city.url == href)

    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(href) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(target.title)


def test_filtering_by_country_and_searching_by_name_narrow_the_list(
    cities, page, assert_accessible, screenshot
):
    page.goto(cities["index"].url)
    assert card_titles(page) == [
        "Copenhagen",
        "Gothenburg",
        "Hafnarfjörður",
        "Helsinki",
        "Stockholm",
    ]

    page.get_by_label("Country", exact=True).select_option("SE")
    page.get_by_role("button", name="Show cities").click()
    expect(page).to_have_url(re.compile(r"[?&]country=SE\b"))
    expect(page.get_by_role("heading", name="2 member cities in Sweden")).to_be_visible()
    assert card_titles(page) == ["Gothenburg", "Stockholm"]
    expect(map_of(page).get_by_role("link")).to_have_count(2)

    page.get_by_label("City name").fill("stock")
    page.get_by_role("button", name="Show cities").click()
    expect(page).to_have_url(re.compile(r"[?&]q=stock\b"))
    assert "country=SE" in page.url
    expect(page.get_by_label("Country", exact=True)).to_have_value("SE")
    expect(page.get_by_label("City name")).to_have_value("stock")
    assert card_titles(page) == ["Stockholm"]
    expect(map_of(page).get_by_role("link")).to_have_count(1)
    screenshot(page, "city-directory-filtered")
    assert_accessible(page)

    page.get_by_role("link", name="Remove filter: Sweden").click()
    expect(page).to_have_url(re.compile(r"\?q=stock$"))
    assert card_titles(page) == ["Stockholm"]


def test_the_counts_per_country_are_right(cities, page):
    page.goto(cities["index"].url)

    options = page.get_by_label("Country", exact=True).locator("option").all_inner_texts()
    assert options == [
        "All countries",
        "Denmark (1)",
        "Finland (1)",
        "Iceland (1)",
        "Sweden (2)",
    ]
    by_country = page.get_by_role("navigation", name="Member cities by country")
    sweden = by_country.get_by_role("link", name=re.compile("^Sweden"))
    expect(sweden).to_contain_text("2 cities")
    expect(by_country.get_by_role("link", name=re.compile("^Denmark"))).to_contain_text("1 city")
    expect(by_country.get_by_role("link", name=re.compile("^Norway"))).to_have_count(0)

    sweden.click()
    expect(page).to_have_url(re.compile(r"\?country=SE$"))
    assert card_titles(page) == ["Gothenburg", "Stockholm"]
    expect(by_country.get_by_role("link", name=re.compile("^Sweden"))).to_have_attribute(
        "aria-current", "page"
    )


def test_the_directory_passes_axe_unfiltered_filtered_and_empty(cities, page, assert_accessible):
    for query in ("", "?country=DK", "?q=hel", "?country=IS&q=nowhere"):
        page.goto(cities["index"].url + query)
        expect(page.get_by_role("heading", level=1)).to_have_text(cities["index"].title)
        assert_accessible(page)
    expect(page.get_by_role("heading", name="No member cities match")).to_be_visible()


def test_a_city_page_shows_its_figures_documents_and_only_public_contacts(
    stockholm_profile, page, assert_accessible, screenshot
):
    page.goto(stockholm_profile.url)

    figures = page.get_by_role("region", name="Key safety figures")
    unsafe = figures.get_by_role("article", name=UNSAFE_AT_NIGHT)
    expect(unsafe.locator(".figure-card__value")).to_have_text("19.5%")
    expect(unsafe).to_contain_text("in 2025")
    expect(unsafe).to_contain_text("Compared with 27% in 2017")
    chart = unsafe.get_by_role("img", name=re.compile(f"^Bar chart: {UNSAFE_AT_NIGHT}"))
    expect(chart).to_have_count(1)
    expect(chart.locator("rect")).to_have_count(5)
    assert chart.locator("text").all_text_contents() == [
        "27%",
        "2017",
        "25%",
        "2019",
        "23%",
        "2021",
        "22%",
        "2023",
        "19.5%",
        "2025",
    ]
    rows = unsafe.get_by_role("table").locator("tbody tr")
    expect(rows).to_have_count(5)
    expect(rows.last).to_have_text(re.compile(r"2025\s*19\.5%"))
    expect(unsafe).to_contain_text("Source: the city's safety survey")

    trained = figures.get_by_role("article", name=TRAINED_STAFF)
    expect(trained.locator(".figure-card__value")).to_have_text("64%")
    expect(trained).to_contain_text("in 2025")
    expect(trained.get_by_role("img")).to_have_count(0)

    expect(page.get_by_role("region", name="Challenges")).to_contain_text("Halve residents")
    expect(page.get_by_role("region", name="With the network this year")).to_contain_text(
        "Stockholm model"
    )

    documents = page.get_by_role("region", name="Strategy documents")
    programme = documents.get_by_role("article").filter(has_text="Stockholm's safety programme")
    expect(programme.get_by_role("link", name="Stockholm's safety programme")).to_have_attribute(
        "href", "https://start.stockholm/"
    )
    expect(programme).to_contain_text("Safety programme · 2024–2027")
    expect(programme.get_by_role("listitem")).to_have_text(
        [
            "Preventive work",
            "Targeted social interventions",
            "The city's public environment",
            "Urban development",
        ]
    )
    expect(
        documents.get_by_role("link", name="Action plans against violent extremism")
    ).to_be_visible()

    contacts = page.get_by_role("region", name="Contacts in Stockholm")
    expect(contacts.get_by_role("heading", name="Sara Lindgren")).to_be_visible()
    expect(contacts.get_by_role("link", name="sara.lindgren@stockholm.example")).to_have_attribute(
        "href", "mailto:sara.lindgren@stockholm.example"
    )
    expect(contacts.get_by_role("link", name="+46 70 174 06 21")).to_have_attribute(
        "href", "tel:+46701740621"
    )
    html = page.content()
    assert "Johan Ekberg" not in html
    assert "johan.ekberg@stockholm.example" not in html

    # The order a visitor reads in: figures, work, documents, practices, contacts.
    headings = page.get_by_role("heading", level=2).all_inner_texts()
    order = [
        "Key safety figures",
        "Challenges",
        "With the network this year",
        "Strategy documents",
        "Practices from Stockholm",
        "Contacts in Stockholm",
    ]
    assert [heading for heading in headings if heading in order] == order
    screenshot(page, "city-page-profile")
    assert_accessible(page)


def test_a_city_without_a_profile_shows_no_empty_sections(cities, page, assert_accessible):
    page.goto(cities["gothenburg"].url)

    expect(page.get_by_role("heading", level=1)).to_have_text("Gothenburg")
    for name in ("Key safety figures", "Strategy documents", "Challenges"):
        expect(page.get_by_role("region", name=name)).to_have_count(0)
    expect(page.get_by_role("region", name="Contacts in Gothenburg")).to_have_count(0)
    assert_accessible(page)


def test_the_membership_application_form_passes_axe(cities, page, assert_accessible, screenshot):
    page.goto("/membership/apply/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Apply for membership")
    assert_accessible(page)

    page.get_by_role("button", name="Send the application").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Please correct what is marked below")
    expect(summary.get_by_role("link", name=re.compile("^City:"))).to_be_visible()
    screenshot(page, "membership-apply-errors")
    assert_accessible(page)
