"""Browser tests: real Chromium (Debian's, at /usr/bin/chromium) driven by Playwright.

Playwright's own browser download is never used. On a machine without Chromium the
browser tests are skipped with a message, except where REQUIRE_BROWSER is set (CI),
where a missing browser fails the run.
"""

import os
from pathlib import Path

import pytest
from django.db import connections

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu"]
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", "test-results/screenshots"))

# Playwright's sync API runs an event loop in the test's thread; the ORM calls the tests
# make between browser steps are synchronous and safe there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


# Function-scoped on purpose: Playwright's sync API runs an event loop in the test's
# thread, and while it runs Django hands out other database connections, which lack the
# serialized reference data that each live-server test restores. Starting Chromium
# after the database is set up, and stopping it before the flush, keeps them apart.
@pytest.fixture
def browser():
    if not CHROMIUM.exists():
        message = "Chromium is not installed at /usr/bin/chromium (apt-get install chromium)"
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
        # The test's own queries ran on connections opened inside Playwright's loop;
        # close them here, or PostgreSQL cannot drop the test database at the end.
        connections.close_all()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def assert_accessible(axe):
    """Run axe-core on the page as it is now and fail with its report on any violation."""

    def check(page):
        # Wagtail's messages slide and fade in; axe would read a colour mid-transition.
        page.wait_for_function("() => document.getAnimations().length === 0")
        results = axe.run(page)
        assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"

    return check


@pytest.fixture
def screenshot():
    """Save a full-page screenshot for people to look at; CI keeps them as artefacts."""

    def take(page, name):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)

    return take
