"""The live preview beside the editor, for every page type: the editor opens the preview
panel, Wagtail sends the form and shows the page it would publish. Under the production
settings that shape a request (the middleware, the Redis page and structure caches, DEBUG
off), apart from HTTPS, which the live server does not speak, and sessions, which stay in
the database where the test signs the editor in (tests/portal/test_previews.py covers
both)."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

NOT_HERE = {
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SESSION_ENGINE",
    "SESSION_CACHE_ALIAS",
}

# Live-server tests commit for real; serialized rollback restores the reference data
# (without it the flush after this test leaves the next live-server test no root page).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def production_over_http(settings, production_values):
    for name, value in production_values.items():
        if name not in NOT_HERE:
            setattr(settings, name, value)


@pytest.fixture
def editor(browser, live_server, staff):
    client = Client()
    client.force_login(staff)
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1400, "height": 900})
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    yield context.new_page()
    context.close()


def test_every_page_type_answers_in_the_live_preview(
    production_over_http, editor, page_of_every_type, screenshot
):
    """The panel sends the form (POST) and then asks for the page (GET); every page type
    answers both (before the request memo was re-entrant, the GET was a server error)."""
    answers = []
    editor.on(
        "response",
        lambda response: answers.append((response.request.method, response.url, response.status))
        if "/preview/" in response.url
        else None,
    )
    failures = {}
    for model, page in page_of_every_type.items():
        answers.clear()
        editor.goto(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        with editor.expect_response(
            lambda response: response.request.method == "GET" and "/preview/" in response.url
        ):
            editor.locator('[data-side-panel-toggle="preview"]').click()
        methods = {method for method, *_ in answers}
        if methods != {"POST", "GET"} or any(status != 200 for *_, status in answers):
            failures[model.__name__] = list(answers)
    screenshot(editor, "live-preview")
    assert failures == {}
