"""How a city becomes a member: it applies, network staff approve or decline, and
approval sets up the city's page, its editors and their permissions in one go."""

from dataclasses import dataclass

from allauth.account.forms import default_token_generator
from allauth.account.internal.flows.password_reset import get_reset_password_from_key_url
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Collection, GroupCollectionPermission

from portal.emails import send_templated_email
from portal.models import NoticeKind
from portal.notices import network_staff, notify
from portal.permissions import grant_in_every_locale
from portal.roles import city_editors_group_name

from .models import ApplicationStatus, CityIndexPage, CityPage, MembershipApplication

# What a city's editors may do on their own city's pages: write and submit for
# moderation. Publishing stays with network staff.
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
# Takeover posts: a city's editors write them for their own city's weeks only, which the
# events app's permission policy enforces per post.
EDITOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("events", "add_takeoverpost"),
    ("events", "change_takeoverpost"),
    ("events", "view_takeoverpost"),
    ("events", "delete_takeoverpost"),
]


class ApplicationAlreadyDecided(Exception):
    pass


class ApplicationAlreadyApproved(ApplicationAlreadyDecided):
    pass


@dataclass
class Approval:
    """What approving set up, for the confirmation to say exactly that."""

    application: MembershipApplication
    collection: Collection
    editor: object
    new_account: bool


def submit_application(form, request):
    application = form.save()
    log(application, "cities.application.submit")
    context = {"application": application}
    transaction.on_commit(
        lambda: send_templated_email(
            "cities/emails/application_received", [application.contact_email], context
        )
    )
    notify(
        network_staff(),
        NoticeKind.APPLICATION_SUBMITTED,
        describe=lambda: (
            _("New membership application: %(city)s") % {"city": application.city_name},
            _("%(city)s (%(country)s) has applied for membership.")
            % {"city": application.city_name, "country": application.get_country_display()},
        ),
        path=reverse("wagtailsnippets_cities_membershipapplication:inspect", args=[application.pk]),
    )
    return application


@transaction.atomic
def approve_application(application, *, user, request):
    """Create the city's draft page, its editors' group and collection, and invite the
    contact person. Approving an approved application again does nothing and says so."""
    application = MembershipApplication.objects.select_for_update().get(pk=application.pk)
    if application.status == ApplicationStatus.APPROVED:
        raise ApplicationAlreadyApproved(application)
    if application.status == ApplicationStatus.DECLINED:
        raise ApplicationAlreadyDecided(application)

    city_page = create_draft_city_page(application, user)
    collection = Collection.get_first_root_node().add_child(
        name=unique_collection_name(application)
    )
    group = create_editors_group(application, city_page, collection)
    editor, new_account = invite_editor(application, group, request)

    application.status = ApplicationStatus.APPROVED
    application.city_page = city_page
    application.editors_group = group
    application.decided_at = timezone.now()
    application.save()
    log(application, "cities.application.approve", user=user)
    return Approval(application, collection, editor, new_account)


@transaction.atomic
def decline_application(application, *, user, reason):
    application = MembershipApplication.objects.select_for_update().get(pk=application.pk)
    if application.is_decided:
        raise ApplicationAlreadyDecided(application)
    application.status = ApplicationStatus.DECLINED
    application.decline_reason = reason
    application.decided_at = timezone.now()
    application.save()
    log(application, "cities.application.decline", user=user)
    transaction.on_commit(
        lambda: send_templated_email(
            "cities/emails/application_declined",
            [application.contact_email],
            {"application": application},
        )
    )
    return application


def create_draft_city_page(application, user):
    directory = CityIndexPage.objects.filter(locale__language_code="en").first()
    city_page = CityPage(
        title=application.city_name,
        slug=unique_city_slug(directory, application),
        country=application.country,
        introduction=application.motivation[:600],
        member_since=timezone.localdate().year,
        live=False,
    )
    directory.add_child(instance=city_page)
    city_page.save_revision(user=user, log_action=True)
    return city_page


def unique_city_slug(directory, application):
    slug = slugify(application.city_name) or "city"
    if directory.get_children().filter(slug=slug).exists():
        slug = f"{slug}-{application.country.lower()}"
    return slug


def unique_collection_name(application):
    name = application.city_name
    if Collection.objects.filter(name=name).exists():
        name = f"{name} ({application.get_country_display()})"
    return name


def create_editors_group(application, city_page, collection):
    group = Group.objects.create(name=city_editors_group_name(collection.name))
    grant_city_editing(group, city_page, collection)
    return group


def grant_city_editing(group, city_page, collection):
    """What a city's editors group may do: edit its city's pages in every language, use
    its collection, and write the city's takeover posts."""
    group.permissions.add(
        *(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in EDITOR_PERMISSIONS
        )
    )
    # In every language: a translation made later gets them too (portal.permissions).
    grant_in_every_locale(group, city_page, EDITOR_PAGE_PERMISSIONS)
    for app_label, codename in EDITOR_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.create(
            group=group,
            collection=collection,
            permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
        )


def invite_editor(application, group, request):
    """Give the contact person an account in the city's editors group, and email them a
    link to choose a password (allauth's password-reset key, valid once). Returns the
    user and whether their account is new."""
    first_name, _, last_name = application.contact_name.partition(" ")
    user, created = get_user_model().objects.get_or_create(
        email__iexact=application.contact_email,
        defaults={
            "email": application.contact_email,
            "first_name": first_name,
            "last_name": last_name,
        },
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    user.groups.add(group)
    EmailAddress.objects.get_or_create(
        user=user,
        email__iexact=user.email,
        defaults={"email": user.email, "verified": True, "primary": True},
    )
    key = f"{user_pk_to_url_str(user)}-{default_token_generator.make_token(user)}"
    context = {
        "application": application,
        "user": user,
        "set_password_url": get_reset_password_from_key_url(request, key),
    }
    transaction.on_commit(
        lambda: send_templated_email("cities/emails/editor_invitation", [user.email], context)
    )
    return user, created
