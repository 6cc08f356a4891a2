"""The public membership application: what a city submits, and what bad input gets."""

import datetime
import io
import os

import pytest
from django.core import mail, signing
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from cities.forms import KEPT_DOCUMENT_SALT
from cities.models import ApplicationStatus, MembershipApplication
from cities.models.membership import private_storage
from portal.models import CharterGoal
from tests.files import pdf_bytes

pytestmark = pytest.mark.django_db

PDF = pdf_bytes()


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()


def decision_pdf(content=PDF, name="decision.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def application_data(**overrides):
    data = {
        "city_name": "Lund",
        "country": "SE",
        "contact_name": "Karin Lindqvist",
        "contact_role": "Coordinator against violent extremism",
        "contact_email": "karin.lindqvist@lund.example",
        "contact_phone": "+46 46 35 50 00",
        "deciding_body": "City executive board (kommunstyrelsen)",
        "case_reference": "KS 2026/117",
        "decision_date": "2026-10-07",
        "prioritised_goals": [
            CharterGoal.objects.get(locale__language_code="en", slug="safe-urban-spaces").pk,
            CharterGoal.objects.get(locale__language_code="en", slug="strong-youth-engagement").pk,
        ],
        "motivation": "We want to learn from safety walks and share our work with youth.",
        "accepts_charter": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def apply(client, data=None, document=None, **headers):
    payload = data or application_data()
    payload["decision_document"] = document or decision_pdf()
    return client.post(reverse("membership_apply"), payload, headers=headers)


def test_the_form_says_membership_is_free_and_shows_the_charter(client, home):
    response = client.get(reverse("membership_apply"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "free" in content.lower()
    for goal in CharterGoal.objects.filter(locale__language_code="en"):
        assert goal.name in content


def test_a_complete_application_is_stored_and_confirmed_by_email(
    client, home, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = apply(client)

    assert response.status_code == 302
    application = MembershipApplication.objects.get()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.case_reference == "KS 2026/117"
    assert application.decision_date == datetime.date(2026, 10, 7)
    assert application.prioritised_goals.count() == 2
    assert application.decision_document.read().startswith(b"%PDF-")
    confirmation = [m for m in mail.outbox if m.to == ["karin.lindqvist@lund.example"]]
    assert len(confirmation) == 1
    assert "KS 2026/117" in confirmation[0].body


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("contact_email", "karin@", "Enter a valid email address."),
        ("case_reference", "<b>", "Enter the reference as written on the decision"),
        ("decision_date", "2026-13-45", "Enter a valid date."),
        ("decision_date", "2999-01-01", "The decision date cannot be in the future."),
        ("contact_phone", "call me", "Enter a phone number"),
        ("prioritised_goals", [], "Choose at least one charter goal."),
        ("accepts_charter", "", "tick the box to confirm"),
        ("city_name", "", "This field is required."),
    ],
)
def test_bad_input_gets_a_clear_message_and_keeps_what_was_typed(
    client, home, field, value, message
):
    response = apply(client, application_data(**{field: value}))

    assert response.status_code == 200
    assert MembershipApplication.objects.count() == 0
    content = response.content.decode()
    assert message in content
    # What the person typed in the other fields is still there.
    assert 'value="Karin Lindqvist"' in content
    assert "We want to learn from safety walks" in content


def kept_token(response):
    return response.context["form"].data["kept_document"]


def test_a_valid_decision_is_kept_when_another_field_fails(client, home):
    named = decision_pdf(name="<img src=x onerror=alert(1)> KS 2026-117.pdf")
    first = apply(client, application_data(contact_email="karin@"), document=named)

    content = first.content.decode()
    assert "Enter a valid email address." in content
    assert "Your file &lt;img src=x onerror=alert(1)&gt; KS 2026-117.pdf is kept" in content
    token = kept_token(first)
    assert f'name="kept_document" value="{token}"' in content

    retry = application_data(kept_document=token)
    response = client.post(reverse("membership_apply"), retry)

    assert response.status_code == 302
    application = MembershipApplication.objects.get()
    assert application.decision_document.read() == PDF
    kept_path = signing.loads(token, salt=KEPT_DOCUMENT_SALT)["path"]
    assert not private_storage().exists(kept_path)


def test_a_forged_or_refused_file_is_not_kept(client, home):
    response = apply(
        client, application_data(contact_email="karin@"), document=decision_pdf(b"<html>")
    )
    assert not response.context["form"].kept

    forged = signing.dumps({"path": "membership/decisions/2026/other.pdf", "name": "x.pdf"})
    response = client.post(reverse("membership_apply"), application_data(kept_document=forged))

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert MembershipApplication.objects.count() == 0


def test_a_file_that_is_not_a_pdf_is_refused_whatever_its_name(client, home):
    fake = decision_pdf(b"MZ\x90\x00 this is a program", name="decision.pdf")
    response = apply(client, document=fake)

    assert response.status_code == 200
    assert "This file is not a PDF" in response.content.decode()
    assert MembershipApplication.objects.count() == 0


def test_a_pdf_over_ten_megabytes_is_refused(client, home):
    big = decision_pdf(PDF + b"0" * (10 * 1024 * 1024))
    response = apply(client, document=big)

    assert "the largest we accept is 10" in response.content.decode()
    assert MembershipApplication.objects.count() == 0


def test_a_bot_that_fills_the_hidden_field_is_thanked_and_ignored(
    client, home, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = apply(client, application_data(website="https://spam.example"))

    assert response.status_code == 302
    assert MembershipApplication.objects.count() == 0
    assert mail.outbox == []


def test_many_applications_from_one_address_are_slowed_down(client, home):
    for _ in range(5):
        assert apply(client).status_code == 302
    response = apply(client)

    assert response.status_code == 200
    assert "Please try again later" in response.content.decode()
    assert MembershipApplication.objects.count() == 5


def test_refused_applications_do_not_count_against_the_limit(client, home):
    for _ in range(6):
        assert apply(client, application_data(contact_email="karin@")).status_code == 200

    assert apply(client).status_code == 302
    assert MembershipApplication.objects.count() == 1


def test_behind_the_load_balancer_each_client_address_has_its_own_limit(client, home, settings):
    settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER = "X-Real-IP"
    for _ in range(5):
        assert apply(client, REMOTE_ADDR="10.0.0.2", x_real_ip="198.51.100.7").status_code == 302
    refused = apply(client, REMOTE_ADDR="10.0.0.2", x_real_ip="198.51.100.7")
    other_city = apply(client, REMOTE_ADDR="10.0.0.2", x_real_ip="203.0.113.9")

    assert "Please try again later" in refused.content.decode()
    assert other_city.status_code == 302


def test_without_a_trusted_header_a_client_cannot_choose_its_own_address(client, home):
    for number in range(5):
        assert apply(client, x_real_ip=f"198.51.100.{number}").status_code == 302

    assert "Please try again later" in apply(client, x_real_ip="203.0.113.9").content.decode()


def test_html_in_the_motivation_is_stored_as_typed_and_never_run(admin_client, client, home):
    script = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    apply(client, application_data(motivation=f"We mean it. {script}"))
    application = MembershipApplication.objects.get()
    assert application.motivation == f"We mean it. {script}"

    inspect_url = reverse(
        "wagtailsnippets_cities_membershipapplication:inspect", args=[application.pk]
    )
    content = admin_client.get(inspect_url).content.decode()
    assert "<script>alert" not in content
    assert "&lt;script&gt;alert" in content
    assert "<img src=x" not in content


def kept_path_after_a_failed_try(client):
    response = apply(client, application_data(contact_email="karin@"), document=decision_pdf())
    return signing.loads(kept_token(response), salt=KEPT_DOCUMENT_SALT)["path"]


def test_kept_decisions_older_than_their_token_are_deleted_and_recent_ones_stay(client, home):
    abandoned, recent = kept_path_after_a_failed_try(client), kept_path_after_a_failed_try(client)
    # The files' times are the machine's; date them from the test's clock.
    now = timezone.now().timestamp()
    os.utime(private_storage().path(abandoned), (now - 25 * 3600, now - 25 * 3600))
    os.utime(private_storage().path(recent), (now - 23 * 3600, now - 23 * 3600))
    output = io.StringIO()

    call_command("clear_kept_decisions", stdout=output)

    assert not private_storage().exists(abandoned)
    assert private_storage().exists(recent)
    assert "Deleted 1 kept decision document(s)." in output.getvalue()
