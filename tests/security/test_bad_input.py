"""Every public form and every field an editor fills, given the bad-input corpus.

For each form and field (the registry is ``tests/security/bad_input.py``) each entry of
``tests/data/bad_input.json`` is submitted in otherwise valid data. Whatever happens:
no server error and no element created from the input. A rejection names the field's
problem and keeps what was typed; an accepted value is stored exactly as typed and,
where the page shows it, shown exactly as typed. ``test_bad_input_browser.py`` renders
the stored and echoed values in Chromium.
"""

import datetime
from decimal import Decimal, InvalidOperation

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils.html import escape
from wagtail.models import Page

from events.factories import TourStopFactory
from practices.factories import PracticePageFactory
from tests.conftest import logged_in

from .bad_input import CASES, injected_elements
from .forms import empty_streamfields, form_data

pytestmark = pytest.mark.django_db

# A rendering of the entity-encoded entry that would mean it was decoded into markup.
DECODED_ENTITY = "<script>alert(1)</script>"


@pytest.fixture
def world_for(request, home):
    """The users and pages a form needs, and a client to submit it with."""

    def build(form):
        if form.world == "public":
            return {"client": Client()}
        staff = request.getfixturevalue("staff")
        city, editor = request.getfixturevalue("approved_city")("Göteborg", "SE")
        if form.world == "takeover":
            city.save_revision(user=staff).publish()
            stop = TourStopFactory(city=city, tour__first_week=datetime.date(2027, 1, 11))
            return {"client": logged_in(editor), "stop": stop}
        page = city
        if form.world == "practice":
            city.save_revision(user=staff).publish()
            page = PracticePageFactory(parent=city, title="Night walkers")
        return {"client": logged_in(staff), "page": page}

    return build


def page_form(world):
    """The page's edit form as the admin rendered it when first opened, published on
    submit: each bad value is typed into it afresh. Without the revision it was loaded
    from, which a later publish makes out of date (Wagtail then only warns)."""
    if "loaded_form" not in world:
        page = world["page"]
        url = f"/admin/pages/{page.pk}/edit/"
        data = form_data(world["client"].get(url).content.decode(), "page-edit-form")
        data.update(empty_streamfields(page.specific_class))
        data["action-publish"] = "action-publish"
        for revision_field in ("loaded_revision_id", "loaded_revision_created_at"):
            data.pop(revision_field, None)
        world["loaded_form"] = data
    return dict(world["loaded_form"])


def submit(form, world, name, value):
    world["value"] = value
    world["attempt"] = world.get("attempt", 0) + 1
    if "page" in world:
        world["page_form"] = page_form(world)
    data = form.valid(world)
    data[name] = value
    if name == "password1":
        data["password2"] = value
    cache.clear()  # rate limits: each entry is a first attempt
    url = form.url(world)
    if form.method == "get":
        return world["client"].get(url, data)
    return world["client"].post(url, data)


def problems_with(form, world, name, entry, response):
    """What is wrong with the response to one bad value (empty when all is well)."""
    value = entry["value"]
    label = f"{entry['id']}: "
    if response.status_code >= 500:
        return [f"{label}server error {response.status_code}"]
    body = response.content.decode()
    problems = []
    if injected_elements(body) or DECODED_ENTITY in body:
        problems.append(f"{label}the input became markup")
    shown = name not in form.secret_fields
    if form.method == "get":
        if response.status_code != 200:
            problems.append(f"{label}status {response.status_code}")
        elif form.echoes and value.strip() and escape(value.strip()) not in body:
            problems.append(f"{label}the search box does not show what was typed")
        return problems
    if response.status_code == 200:
        bound = response.context.get("form")
        errors = bound.errors if bound is not None else {}
        if not errors:
            problems.append(f"{label}refused without saying why")
        for message in [*errors.get(name, []), *errors.get("__all__", [])]:
            if escape(message) not in body:
                problems.append(f"{label}the message {message!r} is not shown")
        if shown and escape(value) not in body:
            problems.append(f"{label}what was typed is not kept")
    elif response.status_code == 302 and form.stored is not None:
        stored = form.stored(world, name)
        if stored is not None and not same(stored, value):
            problems.append(f"{label}stored as {stored[:60]!r}, typed {value[:60]!r}")
        if "page" in world and name == "title":
            live = Page.objects.get(pk=world["page"].pk)
            page = world["client"].get(live.url)
            if escape(value) not in page.content.decode():
                problems.append(f"{label}the published page does not show the title as typed")
    return problems


def same(stored, typed):
    """Text as typed; numbers by their value (a latitude of -1 is stored as -1.00000)."""
    if stored == typed:
        return True
    try:
        return Decimal(stored) == Decimal(typed)
    except InvalidOperation:
        return False


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_refused_clearly_or_kept_exactly(case, world_for):
    form, name = case
    world = world_for(form)
    problems = []
    for entry in form.entries(name):
        response = submit(form, world, name, entry["value"])
        problems += problems_with(form, world, name, entry, response)
    assert problems == [], "\n".join(problems)


def test_the_registry_reaches_every_kind_of_bad_input():
    cases = [case.values[0] for case in CASES]
    kinds = {entry["kind"] for form, name in cases for entry in form.entries(name)}
    assert kinds == {"injection", "sql", "unicode", "control", "long", "date", "number"}
    assert {form.name for form, _name in cases} >= {
        "membership application",
        "site search",
        "practice library",
        "sign-up",
        "log-in",
        "password reset",
        "city page (admin)",
        "practice page (admin)",
    }
