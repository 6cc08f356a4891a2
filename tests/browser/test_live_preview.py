"""The live preview beside the editor, for every page type: the editor opens the preview
panel, Wagtail sends the form and shows the page it would publish. Under the production
settings that shape a request (Redis caches, DEBUG off), apart from HTTPS, which the live
server does not speak (tests/portal/test_previews.py covers it with the load balancer's
header)."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

HTTPS_ONLY = {"SECURE_SSL_REDIRECT", "SECURE_PROXY_SSL_HEADER", "SESSION_COOKIE_SECURE"}
HTTPS_ONLY |= {"CSRF_COOKIE_SECURE"}


@pytest.fixture
def production_over_http(settings, production_values):
    for name, value in production_values.items():
        if name not in HTTPS_ONLY:
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


def test_every_page_type_shows_in_the_live_preview(
    production_over_http, editor, page_of_every_type, screenshot
):
    failures = {}
    for model, page in page_of_every_type.items():
        editor.goto(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        screenshot(editor, f"live-preview-{model.__name__}")
        with editor.expect_response(
            lambda response: "/edit/preview/" in response.url and "mode=" in response.url
        ) as preview:
            editor.locator('[data-side-panel-toggle="preview"]').click()
        frame = editor.frame_locator("iframe[title]").first
        shown = frame.locator("title").inner_text(timeout=10_000) if preview.value.ok else ""
        if preview.value.status != 200 or f"{page.title} (draft)" not in shown:
            failures[model.__name__] = (preview.value.status, shown)
    screenshot(editor, "live-preview")
    assert failures == {}
