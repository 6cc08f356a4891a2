"""The practice library from the keyboard alone: a skip link past the filters reaches
the first result in a few Tab presses, and arrow keys on the sort order change the
choice without reloading the page (WCAG 3.2.2) until the "Sort" button confirms it."""

import re

import pytest

from tests.browser.test_library import SAFETY_WALKS, library_site  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def focused(page):
    return page.evaluate(
        "() => { const el = document.activeElement;"
        " return {tag: el.tagName, text: el.textContent.trim(), href: el.getAttribute('href'),"
        " inCard: !!el.closest('.library__cards')}; }"
    )


def test_the_first_result_is_under_ten_tab_presses_away(library_site, page):  # noqa: F811
    page.goto(library_site.url)
    presses, path = 0, []
    while presses < 10:
        page.keyboard.press("Tab")
        presses += 1
        path.append(focused(page))
        if path[-1]["inCard"]:
            break
        # A keyboard user follows the skip links: the site's own, then the library's.
        if path[-1]["href"] in ("#main", "#library-results"):
            page.keyboard.press("Enter")
            assert page.evaluate("document.activeElement.id") == path[-1]["href"][1:]
    assert path[-1]["inCard"], f"no result after {presses} Tab presses: {path}"
    assert presses < 10


def test_arrow_keys_on_the_sort_do_not_reload_until_sort_is_pressed(library_site, page):  # noqa: F811
    page.goto(library_site.url)
    # A reload would forget this mark.
    page.evaluate("window.stillHere = true")
    sort = page.get_by_label("Sort by")
    sort.focus()
    before = sort.input_value()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert sort.input_value() != before
    assert page.evaluate("window.stillHere === true")
    assert "sort=" not in page.url
    page.get_by_role("button", name="Sort", exact=True).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(r"sort=", page.url)
    assert page.evaluate("window.stillHere") is None
