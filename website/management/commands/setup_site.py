"""The site structure every installation needs, production included: the home page as
the default site's root, the sections below it, and the network staff's group with the
workflow in which they approve what city editors submit.

The default site answers at the configured address (``WAGTAILADMIN_BASE_URL``: its host
and port), from which every absolute link is built (canonical links, hreflang, the
API's ``html_url``, calendar files, emails).

Safe to run again: whatever already exists is left as it is, except the site's host and
port, which follow the configuration.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from cities.models import CityIndexPage
from events.models import EventIndexPage, TourIndexPage
from portal.models import CrosswalkPage, HomePage, StandardPage, StoryIndexPage
from portal.permissions import grant_in_every_locale
from portal.roles import MEMBERS, NETWORK_STAFF
from practices.models import PracticeIndexPage

HOME_PAGE = {
    "title": settings.WAGTAIL_SITE_NAME,
    "slug": "home",
    "introduction": (
        "A city-to-city network for safe, trusting, tolerant and resilient cities in "
        "Denmark, Finland, Iceland, Norway and Sweden."
    ),
}

# The home page's children, in menu order. Stories are reached from the home page,
# not the main menu.
SECTIONS = [
    (
        CityIndexPage,
        {
            "title": "Member cities",
            "slug": "cities",
            "show_in_menus": True,
            "introduction": (
                "More than twenty cities of all sizes in the five Nordic countries. "
                "Membership is free, and a city joins by a decision of its own government."
            ),
        },
    ),
    (
        PracticeIndexPage,
        {
            "title": "Good practices",
            "slug": "practices",
            "show_in_menus": True,
            "introduction": (
                "What member cities do against crime, insecurity, radicalisation and violent "
                "extremism, and what changed. Browse by charter goal, Capital Code theme or "
                "country."
            ),
        },
    ),
    (
        TourIndexPage,
        {
            "title": "Takeover tours",
            "slug": "tours",
            "show_in_menus": True,
            "introduction": (
                "Every week one member city takes over the network's social media accounts, "
                "Monday to Friday, and shows how it works for a safe city."
            ),
        },
    ),
    (
        EventIndexPage,
        {
            "title": "Summits and events",
            "slug": "events",
            "show_in_menus": True,
            "introduction": (
                "Summits, conferences, workshops, webinars, experience exchanges and safety "
                "walks where member cities meet and learn from each other."
            ),
        },
    ),
    (
        StandardPage,
        {
            "title": "About the network",
            "slug": "about",
            "show_in_menus": True,
            "introduction": (
                "A city-to-city network for safe, trusting, tolerant and resilient cities, "
                "preventing radicalisation and violent extremism, crime and insecurity."
            ),
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The network started in 2016 on the initiative of the Nordic Council "
                        "of Ministers, and has been an independent non-profit association "
                        "since 2020. More than twenty member cities of all sizes in Denmark, "
                        "Finland, Iceland, Norway and Sweden meet at conferences, experience "
                        "exchanges and workshops.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "Membership", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Membership is free, with no obligation to attend meetings; member "
                        "cities pay their own travel. A city joins by a decision of its own "
                        "government. Many members also belong to wider networks, such as the "
                        "Strong Cities Network and the EU's Radicalisation Awareness "
                        "Network.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "The charter", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Every member city strives for the charter's six goals: safe urban "
                        "spaces, a safe online sphere, strong families, safe public "
                        "institutions, strong youth engagement and safe communities. The "
                        "Capital Code of 2021 adds four themes that put them into "
                        "practice.</p>"
                    ),
                },
            ],
        },
    ),
    (
        StoryIndexPage,
        {
            "title": "Stories",
            "slug": "stories",
            "show_in_menus": False,
            "introduction": "News from the network and stories from its member cities.",
        },
    ),
]

CROSSWALK_PAGE = {
    "title": "How the charter goals and the Capital Code relate",
    "slug": "goals-and-themes",
    "introduction": (
        "The charter sets six goals every member city strives for; the Capital Code (2021) "
        "four themes that put them into practice. The table shows which goals each theme "
        "serves."
    ),
}

# Network staff run the site: they write and publish anywhere, and approve what city
# editors submit. Deleting is left to administrators.
STAFF_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
STAFF_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    # The charter goals and Capital Code themes: staff edit and translate them, but never
    # delete one, because web addresses and filters rely on their slugs.
    ("portal", "add_chartergoal"),
    ("portal", "change_chartergoal"),
    ("portal", "view_chartergoal"),
    ("portal", "add_capitalcodetheme"),
    ("portal", "change_capitalcodetheme"),
    ("portal", "view_capitalcodetheme"),
    # Membership applications are for staff's eyes only; city editors never see them.
    ("cities", "view_membershipapplication"),
    ("cities", "change_membershipapplication"),
    # wagtail-localize's "Translate" and "Sync translated pages" actions.
    ("wagtail_localize", "submit_translation"),
    # Takeover tours: staff schedule the weeks and review every city's posts.
    ("events", "add_tourstop"),
    ("events", "change_tourstop"),
    ("events", "view_tourstop"),
    ("events", "delete_tourstop"),
    ("events", "add_takeoverpost"),
    ("events", "change_takeoverpost"),
    ("events", "view_takeoverpost"),
    ("events", "delete_takeoverpost"),
    ("events", "approve_takeoverpost"),
    # Speakers are shared by every event's programme. Attendee lists hold personal data:
    # staff see, export and remove registrations; city editors never see them.
    ("events", "add_speaker"),
    ("events", "change_speaker"),
    ("events", "delete_speaker"),
    ("events", "view_speaker"),
    ("events", "view_registration"),
    ("events", "delete_registration"),
]
STAFF_COLLECTION_PERMISSIONS = [
    (app_label, f"{action}_{model}")
    for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document"))
    for action in ("add", "change", "choose", "delete")
]
STAFF_APPROVAL_TASK = "Approval by network staff"
STAFF_WORKFLOW = "Network staff approval"


def configured_address():
    """The host and port of the site's public address (``WAGTAILADMIN_BASE_URL``)."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    if not address.hostname:
        raise CommandError(
            f"WAGTAILADMIN_BASE_URL must be a full address such as https://example.org, "
            f"not {settings.WAGTAILADMIN_BASE_URL!r}."
        )
    return address.hostname, address.port or (443 if address.scheme == "https" else 80)


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


class Command(BaseCommand):
    help = "Create the home page, its sections and the network staff's group, if missing."

    @transaction.atomic
    def handle(self, *args, **options):
        self.changes = []
        self.ensure_locales()
        home = self.ensure_home_page()
        self.ensure_site_address()
        for page_class, fields in SECTIONS:
            section = self.ensure_child(home, page_class, fields)
            if page_class is StandardPage:
                self.ensure_child(section, CrosswalkPage, CROSSWALK_PAGE)
        self.ensure_network_staff(home)
        self.ensure_members()

        if options["verbosity"] == 0:
            return
        if self.changes:
            self.stdout.write("Site structure: " + "; ".join(self.changes) + ".")
        else:
            self.stdout.write("Site structure already in place; nothing changed.")

    def ensure_locales(self):
        """One locale per language of the site, so that pages and the reference data can
        be translated into each of them."""
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            _locale, created = Locale.objects.get_or_create(language_code=code)
            if created:
                self.changes.append(f"created the locale {code!r}")

    def ensure_home_page(self):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site and isinstance(site.root_page.specific, HomePage):
            return site.root_page.specific

        placeholder = site.root_page if site else None
        if placeholder and placeholder.slug == HOME_PAGE["slug"]:
            # Free the slug for the home page; the placeholder is deleted below.
            placeholder.slug = f"{placeholder.slug}-placeholder-{placeholder.pk}"
            placeholder.save()

        home = publish(Page.get_first_root_node(), HomePage(**HOME_PAGE))
        if site:
            site.root_page = home
            site.site_name = site.site_name or settings.WAGTAIL_SITE_NAME
            site.save()
        else:
            hostname, port = configured_address()
            Site.objects.create(
                hostname=hostname,
                port=port,
                root_page=home,
                is_default_site=True,
                site_name=settings.WAGTAIL_SITE_NAME,
            )
        self.changes.append("created the home page")

        # Wagtail's "Welcome to your new Wagtail site!" is a bare Page with nothing below
        # it; anything else that was the site root is left for a person to deal with.
        if placeholder and placeholder.specific_class is Page and placeholder.is_leaf():
            placeholder.delete()
            self.changes.append("deleted Wagtail's welcome page")
        elif placeholder:
            self.stderr.write(f"The old site root {placeholder.title!r} was kept; check it.")
        return home

    def ensure_site_address(self):
        site = Site.objects.get(is_default_site=True)
        hostname, port = configured_address()
        if (site.hostname, site.port) != (hostname, port):
            site.hostname, site.port = hostname, port
            site.save()
            self.changes.append(f"the site now answers at {site.root_url}")

    def ensure_child(self, parent, page_class, fields):
        existing = parent.get_children().filter(slug=fields["slug"]).first()
        if existing:
            return existing.specific
        self.changes.append(f"created {fields['title']!r}")
        return publish(parent, page_class(**fields))

    def ensure_members(self):
        """People from member cities: no admin rights, but they may register for
        members-only events (events.registration.belongs_to_member_city)."""
        _, created = Group.objects.get_or_create(name=MEMBERS)
        if created:
            self.changes.append(f"created the group {MEMBERS!r}")

    def ensure_network_staff(self, home):
        group, created = Group.objects.get_or_create(name=NETWORK_STAFF)
        if created:
            self.changes.append(f"created the group {NETWORK_STAFF!r}")
        group.permissions.add(*(permission(*perm) for perm in STAFF_PERMISSIONS))
        # Staff work in every language: on each translation of the home page.
        grant_in_every_locale(group, home, STAFF_PAGE_PERMISSIONS)
        root_collection = Collection.get_first_root_node()
        for perm in STAFF_COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission(*perm)
            )

        # Without a workflow of their own, submissions would wait for Wagtail's default
        # "Moderators" group, which nobody at the network is in.
        task, _ = GroupApprovalTask.objects.get_or_create(name=STAFF_APPROVAL_TASK)
        task.groups.add(group)
        workflow, created = Workflow.objects.get_or_create(name=STAFF_WORKFLOW)
        if created:
            self.changes.append(f"created the workflow {STAFF_WORKFLOW!r}")
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
        for translation in home.get_translations(inclusive=True):
            WorkflowPage.objects.get_or_create(page=translation, defaults={"workflow": workflow})
