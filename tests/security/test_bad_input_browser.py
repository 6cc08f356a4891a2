"""The corpus's injection payloads, stored and echoed, rendered in Chromium: no dialog
opens and no element of theirs appears, on public pages or in the admin, and the text
reads exactly as typed."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from cities.factories import MembershipApplicationFactory
from practices.factories import PracticePageFactory

from .bad_input import INJECTIONS

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.browser,
]


@pytest.fixture
def stored(staff, approved_city):
    """Every payload as a published practice's title and summary, and as a membership
    application's city and motivation."""
    city, _editor = approved_city("Västerås", "SE")
    city.save_revision(user=staff).publish()
    practices, applications = [], []
    for number, entry in enumerate(INJECTIONS):
        practices.append(
            PracticePageFactory(
                parent=city, title=entry["value"], summary=entry["value"], slug=f"bad-{number}"
            )
        )
        applications.append(
            MembershipApplicationFactory(
                city_name=entry["value"][:100], motivation=entry["value"], country="SE"
            )
        )
    return {"staff": staff, "practices": practices, "applications": applications}


class Watch:
    """Dialogs a page opened, and elements of the payloads found in it."""

    def __init__(self, browser_page):
        self.page = browser_page
        self.dialogs = []
        browser_page.on("dialog", self.dismiss)

    def dismiss(self, dialog):
        self.dialogs.append(f"{self.page.url}: {dialog.message}")
        dialog.dismiss()

    def visit(self, url):
        self.page.goto(url)
        self.page.wait_for_load_state("load")
        injected = self.page.locator("[data-injected]").count()
        return [f"{url}: {injected} injected element(s)"] if injected else []


def test_stored_and_echoed_payloads_never_run(page, live_server, stored):
    watch = Watch(page)
    problems = []
    for practice, entry in zip(stored["practices"], INJECTIONS, strict=True):
        problems += watch.visit(practice.url)
        heading = page.get_by_role("heading", level=1).first.inner_text()
        if heading != entry["value"]:
            problems.append(f"{practice.url}: heading {heading!r}, typed {entry['value']!r}")
        problems += watch.visit(f"/search/?q={entry['value']}")
        problems += watch.visit(f"/practices/?q={entry['value']}")
    problems += watch.visit("/practices/")
    problems += watch.visit("/practices/feed/atom/")
    assert problems == [], "\n".join(problems)
    assert watch.dialogs == []


def test_payloads_in_applications_never_run_in_the_admin(browser, live_server, stored):
    client = Client()
    client.force_login(stored["staff"])
    context = browser.new_context(base_url=live_server.url)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    watch = Watch(context.new_page())
    namespace = "wagtailsnippets_cities_membershipapplication"
    problems = watch.visit(reverse(f"{namespace}:list"))
    for application, entry in zip(stored["applications"], INJECTIONS, strict=True):
        problems += watch.visit(reverse(f"{namespace}:inspect", args=[application.pk]))
        if entry["value"] not in watch.page.inner_text("main"):
            problems.append(f"application {application.pk}: motivation not shown as typed")
    for practice in stored["practices"][:3]:
        problems += watch.visit(reverse("wagtailadmin_pages:edit", args=[practice.pk]))
    context.close()
    assert problems == [], "\n".join(problems)
    assert watch.dialogs == []
