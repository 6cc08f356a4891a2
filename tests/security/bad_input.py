"""The bad-input corpus (tests/data/bad_input.json) and the registry of forms it is
submitted to.

A form added later (event registration, takeover posts, ...) needs one ``Form`` entry
in ``FORMS``: where it lives, a valid submission, the fields to fill with each bad
value, and how to read back what was stored.
"""

import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from tests.files import image_bytes, pdf_bytes

CORPUS = json.loads((Path(__file__).parents[1] / "data" / "bad_input.json").read_text())
ENTRIES = CORPUS["entries"]
INJECTIONS = [entry for entry in ENTRIES if entry["kind"] == "injection"]
FILES = CORPUS["files"]


def _zip_with_a_page():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("index.html", "<html><script>alert(1)</script></html>")
    return buffer.getvalue()


def _pdf_written(change):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    change(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _open_with_script(writer):
    writer.root_object[NameObject("/OpenAction")] = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert(1)"),
        }
    )


FILE_PARTS = {
    "pdf": pdf_bytes,
    "gif": lambda: image_bytes("GIF"),
    "png": lambda: image_bytes("PNG"),
    "zip": _zip_with_a_page,
    "pdf_attachment": lambda: _pdf_written(
        lambda writer: writer.add_attachment("minutes.html", b"<script>alert(1)</script>")
    ),
    "pdf_script": lambda: _pdf_written(_open_with_script),
}


def file_content(entry):
    """The bytes of one entry of the corpus's files: its parts joined."""
    return b"".join(
        FILE_PARTS[part]() if part in FILE_PARTS else part.encode() for part in entry["parts"]
    )


def files_as(claimed):
    return [pytest.param(entry, id=entry["id"]) for entry in FILES if entry["as"] == claimed]


class _MarkerFinder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        if any(name == "data-injected" for name, _value in attrs):
            self.found.append(tag)


def injected_elements(html):
    """The elements the corpus tried to create (its payloads carry data-injected) that
    an HTML parser finds as real elements, not as escaped text."""
    finder = _MarkerFinder()
    finder.feed(html)
    return finder.found


TEXT_KINDS = {"injection", "unicode", "control", "long"}

PDF = pdf_bytes()


@dataclass
class Form:
    name: str
    # Arguments: the test's world (dict), returns the URL.
    url: Callable
    fields: list
    # Arguments: the world; returns the valid data the bad value is put into.
    valid: Callable
    method: str = "post"
    # Arguments: the world, the field; returns what was stored, or None if nothing was.
    stored: Callable | None = None
    # Fields whose value is never shown back (passwords).
    secret_fields: set = field(default_factory=set)
    # Known failures, by field: {"q": "reason"}; the test expects them to fail (strictly)
    # until they are fixed.
    known_failures: dict = field(default_factory=dict)
    # Whether the page shows the typed value back (a search box does; filters may not).
    echoes: bool = True
    # Which fixture world the form needs: "public" or "staff" (an editor's client).
    world: str = "public"

    # Fields whose values are kept to some kinds of the corpus ({"latitude": {"number"}});
    # the other fields get every entry.
    kinds: dict = field(default_factory=dict)

    def entries(self, name):
        kinds = self.kinds.get(name)
        return [entry for entry in ENTRIES if kinds is None or entry["kind"] in kinds]


def _membership_data(world):
    from portal.models import CharterGoal

    return {
        "city_name": "Lund",
        "country": "SE",
        "contact_name": "Karin Lindqvist",
        "contact_role": "Coordinator against violent extremism",
        "contact_email": "karin.lindqvist@lund.example",
        "contact_phone": "+46 46 35 50 00",
        "deciding_body": "City executive board (kommunstyrelsen)",
        "case_reference": "KS 2026/117",
        "decision_date": "2026-10-07",
        "prioritised_goals": [CharterGoal.objects.order_by("pk").first().pk],
        "motivation": "We want to learn from safety walks and share our work with youth.",
        "accepts_charter": "on",
        "website": "",
        "decision_document": SimpleUploadedFile("decision.pdf", PDF, "application/pdf"),
    }


def _stored_application(world, name):
    from cities.models import MembershipApplication

    application = MembershipApplication.objects.order_by("pk").last()
    return None if application is None else str(getattr(application, name))


def _stored_user(world, name):
    """The new account's email, or the typed password if it is the one that was set."""
    from portal.models import User

    user = User.objects.order_by("pk").last()
    if user is None:
        return None
    if name == "email":
        return user.email
    return world["value"] if user.check_password(world["value"]) else "(another password)"


def _page_edit_url(world):
    return reverse("wagtailadmin_pages:edit", args=[world["page"].pk])


def _stored_page_field(world, name):
    page = world["page"].specific_class.objects.get(pk=world["page"].pk)
    value = getattr(page, name)
    return None if value is None else str(value)


def _takeover_post_data(world):
    stop = world["stop"]
    return {
        "stop": stop.pk,
        "day": stop.week_start.isoformat(),
        "channel": "linkedin",
        "text": "Good morning from Göteborg",
        "image": "",
        "image_alt": "",
        "link": "",
        # No related practices: the page chooser's inline forms, empty.
        **nested_form_data({"practice_links": inline_formset([])}),
    }


def _stored_takeover_post(world, name):
    from events.models import TakeoverPost

    post = TakeoverPost.objects.order_by("pk").last()
    return None if post is None else str(getattr(post, name))


FORMS = [
    Form(
        name="membership application",
        url=lambda world: reverse("membership_apply"),
        fields=["city_name", "contact_name", "motivation", "decision_date", "contact_phone"],
        valid=_membership_data,
        stored=_stored_application,
    ),
    Form(
        name="site search",
        url=lambda world: reverse("search"),
        method="get",
        fields=["q"],
        valid=lambda world: {},
    ),
    Form(
        name="practice library",
        url=lambda world: "/practices/",
        method="get",
        fields=["q", "country", "goal", "page"],
        valid=lambda world: {},
        echoes=False,
    ),
    Form(
        name="sign-up",
        url=lambda world: reverse("account_signup"),
        fields=["email", "password1"],
        # A new address each time: allauth answers a second sign-up with a known address
        # as if it worked (so no one can find out who has an account), creating nothing.
        valid=lambda world: {
            "email": f"new.member.{world['attempt']}@example.org",
            "password1": "a long enough passphrase",
            "password2": "a long enough passphrase",
        },
        stored=_stored_user,
        secret_fields={"password1"},
    ),
    Form(
        name="log-in",
        url=lambda world: reverse("account_login"),
        fields=["login", "password"],
        valid=lambda world: {"login": "someone@example.org", "password": "a passphrase"},
        secret_fields={"password"},
    ),
    Form(
        name="password reset",
        url=lambda world: reverse("account_reset_password"),
        fields=["email"],
        valid=lambda world: {"email": "someone@example.org"},
    ),
    Form(
        name="city page (admin)",
        url=_page_edit_url,
        fields=["title", "introduction", "region", "latitude"],
        kinds={
            "introduction": TEXT_KINDS,
            "region": {"sql", "unicode", "injection"},
            "latitude": {"number", "injection", "sql"},
        },
        valid=lambda world: world["page_form"],
        stored=_stored_page_field,
        world="city",
    ),
    Form(
        name="practice page (admin)",
        url=_page_edit_url,
        fields=["title", "summary", "contact_name", "start_date"],
        kinds={
            "summary": TEXT_KINDS,
            "contact_name": {"sql", "unicode", "injection"},
            "start_date": {"date", "injection", "sql"},
        },
        valid=lambda world: world["page_form"],
        stored=_stored_page_field,
        world="practice",
    ),
    Form(
        name="takeover post (admin)",
        url=lambda world: reverse("events_takeoverpost:add"),
        fields=["text", "link", "day"],
        kinds={
            "text": TEXT_KINDS,
            "link": {"injection", "sql", "unicode"},
            "day": {"date", "injection", "sql"},
        },
        valid=_takeover_post_data,
        stored=_stored_takeover_post,
        world="takeover",
    ),
]

CASES = [
    pytest.param(
        (form, name),
        marks=[pytest.mark.xfail(strict=True, reason=form.known_failures[name])]
        if name in form.known_failures
        else [],
        id=f"{form.name}:{name}",
    )
    for form in FORMS
    for name in form.fields
]
