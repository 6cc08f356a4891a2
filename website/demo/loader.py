"""Builds the demo from its data files, with the models alone: the loader runs on a production
install, where the test factories' packages are not installed.

The content is in ``content/*.yaml``: a page's fields by name, rich text as HTML, each
StreamField block as a ``- type: value`` item, related items by slug. The translations
are in ``translations/<language>/<page slug>.po``, imported the way wagtail-localize
imports a translator's PO file. The loader adds what the data leaves out: pictures drawn
from the portal's illustrations, time zones, and the relations it resolves.

Every item is looked up by its slug (or name, or email address) first and created only if
it is missing, so a second run changes nothing and an interrupted one can be finished.
"""

import datetime
from collections import Counter
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import polib
import yaml
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Collection, Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource

from cities.membership import grant_city_editing
from cities.models import CityContact, CityIndexPage, CityPage, KeyFigure, StrategyDocument
from events.models import (
    EventIndexPage,
    EventPage,
    PostStatus,
    Speaker,
    TakeoverPost,
    TourBreak,
    TourIndexPage,
    TourPage,
    TourStop,
    programme_session,
)
from portal.blocks import heading, image_block, paragraph
from portal.illustrations import city_illustration, goal_illustration, network_illustration
from portal.mfa import DEMO_TOTP_SECRET, add_totp
from portal.models import (
    CapitalCodeTheme,
    CharterGoal,
    PortalImage,
    StoryIndexPage,
    StoryPage,
    User,
)
from portal.roles import NETWORK_STAFF, city_editors_group_name
from practices.models import PracticeIndicator, PracticePage, TargetGroup

from .images import draw_picture

HERE = Path(__file__).resolve().parent
CONTENT = HERE / "content"
TRANSLATIONS = HERE / "translations"
DEMO_PASSWORD = "demo-password-2026"  # noqa: S105 (demo accounts; printed by load_demo)
# An event's times in the data are local to its venue (its time_zone).
EVENT_TIMES = ("start", "end", "registration_opens", "registration_closes")
REGISTRATION_FIELDS = (
    "all_day",
    "language",
    "capacity",
    "registration_opens",
    "registration_closes",
    "members_only",
)


def read(name):
    """One of the demo's data files, ``content/<name>.yaml``."""
    with (CONTENT / f"{name}.yaml").open(encoding="utf-8") as file:
        return yaml.safe_load(file)


def stream(items):
    """A StreamField's value in its stored form, from the data's ``- type: value`` items."""
    return [{"type": kind, "value": value} for item in items for kind, value in item.items()]


def accounts():
    """The demo's accounts, each with the name of its group: a city's editors for an
    account that edits a city, the network's staff for any other."""
    titles = {city["slug"]: city["title"] for city in read("cities")["cities"]}
    return [
        {
            **account,
            "group": (
                city_editors_group_name(titles[account["edits_city"]])
                if "edits_city" in account
                else NETWORK_STAFF
            ),
        }
        for account in read("accounts")["accounts"]
    ]


def event_fields(entry):
    """An event's fields from its entry, its times made aware in the venue's time zone."""
    fields = {name: value for name, value in entry.items() if name not in ("programme", "stories")}
    zone = ZoneInfo(fields["time_zone"])
    for name in EVENT_TIMES:
        if name in fields:
            fields[name] = timezone.make_aware(fields[name], zone)
    if "body" in fields:
        fields["body"] = stream(fields["body"])
    return fields


def clock(text):
    """A time of day from the data's "13:30" (quoted there: YAML reads 13:30 as a number)."""
    return datetime.time.fromisoformat(text) if text else None


def at_nine(day):
    """A publication time for a table's date: nine in the morning, in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


def add_page(parent, page):
    """Add ``page`` under ``parent`` and publish it, as an editor's first publish would:
    with a revision, so that the admin's editor opens what the public sees, and indexed
    for search with the relations the page was given."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def translate(instance, locale, catalogue):
    """Translate one page into the locale with wagtail-localize, as a translator does
    through the admin: export the translation's PO file, fill it in (from the catalogue,
    source text to translation), and import it. A segment without a translation keeps the
    source text. Returns the translation, or None when it existed already (the demo never
    overwrites).

    The catalogue is matched on the source text alone: a PO file exported from the admin
    names each segment by its place in the page (``msgctxt``), and the places of blocks
    and inline rows are identifiers made anew on each install."""
    if instance.get_translation_or_none(locale) is not None:
        return None
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = translation.export_po()
    for entry in po:
        entry.msgstr = catalogue.get(entry.msgid, "")
    translation.import_po(po)
    translation.save_target(publish=True)
    return instance.get_translation(locale)


class DemoLoader:
    def __init__(self):
        self.created = Counter()
        self.home = Site.objects.get(is_default_site=True).root_page.specific
        self.goals = {
            goal.slug: goal for goal in CharterGoal.objects.filter(locale=self.home.locale)
        }
        self.themes = {
            theme.slug: theme for theme in CapitalCodeTheme.objects.filter(locale=self.home.locale)
        }
        self.collection = self.child_collection("Demo")
        self.cities = {}
        self.events = read("events")

    def load(self):
        self.load_home_image()
        self.load_cities()
        # Events before practices: a practice links to its related events.
        self.load_events()
        self.load_practices()
        # Programmes after practices: sessions link to the practices they show.
        self.load_event_programmes()
        self.load_tours()
        self.load_stories()
        # After stories: a past event links to the stories told about it.
        self.load_event_stories()
        # Last: the translations copy the English pages and their relations.
        self.load_translations()
        self.load_accounts()
        return self.created

    def section(self, page_class):
        return page_class.objects.child_of(self.home).get()

    def existing(self, parent, slug):
        page = parent.get_children().filter(slug=slug).first()
        return page.specific if page else None

    def child_collection(self, name):
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=name).first()
        if collection is None:
            collection = root.add_child(name=name)
            self.created["collection"] += 1
        return collection

    def image(self, illustration):
        """The illustration as an image of the library, drawn once and shared by the
        pages that show it. It has no credit: the pages say "Photo:" before one."""
        image = PortalImage.objects.filter(
            collection=self.collection, title=illustration.title
        ).first()
        if image is None:
            image = PortalImage.objects.create(
                title=illustration.title,
                description=illustration.description,
                file=draw_picture(illustration),
                collection=self.collection,
            )
            self.created["image"] += 1
        return image

    def city_image(self, city):
        return self.image(city_illustration(city.slug, city.country, city.title))

    def goal_image(self, goal):
        return self.image(goal_illustration(goal.slug, goal.colour, goal.name))

    def load_home_image(self):
        if self.home.hero_image_id:
            return
        self.home.hero_image = self.image(network_illustration())
        # The home page was published with a revision; the admin edits the latest one.
        self.home.save_revision().publish()

    def load_cities(self):
        index = self.section(CityIndexPage)
        data = read("cities")
        for entry in data["cities"]:
            fields = dict(entry)
            hero = fields.pop("hero_image", False)
            city = self.existing(index, fields["slug"])
            if city is None:
                fields.setdefault("is_demo_content", True)
                fields["latitude"] = Decimal(fields["latitude"])
                fields["longitude"] = Decimal(fields["longitude"])
                if "body" in fields:
                    fields["body"] = stream(fields["body"])
                city = CityPage(**fields)
                # Every city's illustration is in the library; a city marked with a
                # picture shows it.
                image = self.city_image(city)
                city.hero_image = image if hero else None
                add_page(index, city)
                self.created["city"] += 1
            self.cities[city.slug] = city
            if city.slug in data["profiles"]:
                self.load_city_profile(city, data["profiles"][city.slug])

    def load_city_profile(self, city, profile):
        """Key figures, strategy documents, contacts and the two texts, for a city page
        that has none of them yet."""
        if (
            city.challenges
            or city.network_focus
            or city.key_figures.exists()
            or city.strategy_documents.exists()
            or city.contacts.exists()
        ):
            return
        city.challenges = profile["challenges"]
        city.network_focus = profile["network_focus"]
        # The data gives each indicator's values by year; the page has a row per value.
        figures = [
            {
                "indicator": figure["indicator"],
                "unit": figure["unit"],
                "source": figure["source"],
                "year": year,
                "value": Decimal(value),
            }
            for figure in profile["key_figures"]
            for year, value in figure["values"].items()
        ]
        children = [
            ("key_figures", KeyFigure, "key figure", figures),
            ("strategy_documents", StrategyDocument, "strategy document", None),
            ("contacts", CityContact, "contact", None),
        ]
        for relation, model, name, rows in children:
            rows = profile[relation] if rows is None else rows
            getattr(city, relation).add(
                *(model(sort_order=position, **row) for position, row in enumerate(rows))
            )
            self.created[name] += len(rows)
        # The children are kept in memory until the page is saved; publishing a revision
        # saves them, and the admin's editor, which reads the latest revision, shows them.
        city.save_revision().publish()
        self.created["city profile"] += 1

    def load_practices(self):
        target_groups = {
            group.slug: group for group in TargetGroup.objects.filter(locale=self.home.locale)
        }
        events = {event.slug: event for event in EventPage.objects.descendant_of(self.home)}
        for entry in read("practices")["practices"]:
            fields = dict(entry)
            city = self.cities[fields.pop("city")]
            picture = fields.pop("image", False)
            if self.existing(city, fields["slug"]):
                continue
            body = stream(fields["body"])
            if picture:
                # The first charter goal's illustration, after the opening paragraph.
                image = self.goal_image(self.goals[fields["goals"][0]])
                body = [body[0], image_block(image), *body[1:]]
            fields["body"] = body
            fields["resources"] = stream(fields.get("resources", []))
            fields.setdefault("is_demo_content", True)
            indicators = [
                PracticeIndicator(sort_order=position, **row)
                for position, row in enumerate(fields.pop("indicators", []))
            ]
            # modelcluster keeps the relations in memory until the page is saved; the
            # evidence level is derived from the indicators on that save.
            practice = PracticePage(
                charter_goals=[self.goals[slug] for slug in fields.pop("goals")],
                capital_code_themes=[self.themes[slug] for slug in fields.pop("themes")],
                target_groups=[target_groups[slug] for slug in fields.pop("target_groups", [])],
                adopted_by=[self.cities[slug] for slug in fields.pop("adopted_by", [])],
                related_events=[events[slug] for slug in fields.pop("related_events", [])],
                indicators=indicators,
                first_published_at=at_nine(fields["start_date"] or datetime.date(2020, 1, 1)),
                **fields,
            )
            add_page(city, practice)
            self.created["practice"] += 1
            self.created["indicator"] += len(indicators)

    def load_tours(self):
        index = self.section(TourIndexPage)
        for entry in read("tours")["tours"]:
            fields = dict(entry)
            stops = fields.pop("stops")
            breaks = fields.pop("breaks")
            status = fields.pop("stop_status")
            if self.existing(index, fields["slug"]):
                continue
            tour = TourPage(
                charter_goals=[self.goals[slug] for slug in fields.pop("goals")],
                capital_code_themes=[self.themes[slug] for slug in fields.pop("themes")],
                breaks=[TourBreak(**row) for row in breaks],
                body=stream(fields.pop("body")),
                **fields,
            )
            add_page(index, tour)
            for entry_stop in stops:
                row = dict(entry_stop)
                posts = row.pop("posts", [])
                stop = TourStop.objects.create(
                    tour=tour,
                    city=self.cities[row.pop("city")],
                    status=row.pop("status", status),
                    **row,
                )
                self.load_takeover_posts(stop, posts)
            self.created["tour"] += 1
            self.created["tour stop"] += len(stops)

    def load_takeover_posts(self, stop, posts):
        for post in posts:
            TakeoverPost.objects.create(
                stop=stop,
                day=stop.days()[post["weekday"]],
                channel=post["channel"],
                text=post["text"],
                status=PostStatus.PUBLISHED,
            )
        self.created["takeover post"] += len(posts)

    def load_events(self):
        """The events, each with a picture: its host city's illustration, or the
        network's for an event without one."""
        index = self.section(EventIndexPage)
        for entry in self.events["events"]:
            if self.existing(index, entry["slug"]):
                continue
            fields = event_fields(entry)
            host_city = self.cities.get(fields.pop("host_city", None))
            fields.setdefault("is_demo_content", True)
            image = self.city_image(host_city) if host_city else self.image(network_illustration())
            add_page(index, EventPage(host_city=host_city, social_image=image, **fields))
            self.created["event"] += 1

    def load_event_programmes(self):
        """Speakers, and the programme of every demo event that has none yet."""
        speakers = {}
        for fields in self.events["speakers"]:
            speaker = Speaker.objects.filter(name=fields["name"]).first()
            if speaker is None:
                speaker = Speaker.objects.create(**fields)
                self.created["speaker"] += 1
            speakers[speaker.name] = speaker
        index = self.section(EventIndexPage)
        for entry in self.events["events"]:
            event = self.existing(index, entry["slug"])
            if event is None or event.programme or not entry.get("programme"):
                continue
            # Demo databases loaded before events took registrations get them now.
            fields = event_fields(entry)
            for field in REGISTRATION_FIELDS:
                if field in fields:
                    setattr(event, field, fields[field])
            event.programme = [
                programme_session(
                    session["title"],
                    clock(session["start_time"]),
                    day=session.get("day"),
                    end_time=clock(session.get("end_time")),
                    room=session.get("room", ""),
                    description=session.get("description", ""),
                    speakers=[speakers[name] for name in session.get("speakers", [])],
                    practices=PracticePage.objects.filter(
                        locale=self.home.locale, slug__in=session.get("practices", [])
                    ),
                )
                for session in entry["programme"]
            ]
            event.save_revision().publish()
            self.created["programme"] += 1

    def load_stories(self):
        index = self.section(StoryIndexPage)
        for entry in read("stories")["stories"]:
            fields = dict(entry)
            picture = fields.pop("image", False)
            if self.existing(index, fields["slug"]):
                continue
            fields.setdefault("is_demo_content", True)
            cities = [self.cities[slug] for slug in fields.pop("cities")]
            story = StoryPage(
                image=self.city_image(cities[0]) if picture else None,
                cities=cities,
                body=stream(fields.pop("body")),
                first_published_at=at_nine(fields["date"]),
                **fields,
            )
            add_page(index, story)
            self.created["story"] += 1

    def load_event_stories(self):
        """A list of links to the stories told about an event, for each demo event that
        names some and has none yet. Rich-text page links, as an editor would make them:
        Wagtail's reference index records them, so publishing a story refreshes the
        event's page in the cache."""
        events = self.section(EventIndexPage)
        stories = self.section(StoryIndexPage)
        title = self.events["stories_heading"]
        for entry in self.events["events"]:
            event = self.existing(events, entry["slug"])
            told = [self.existing(stories, slug) for slug in entry.get("stories", [])]
            told = [story for story in told if story is not None]
            if event is None or not told or self.links_stories(event, title):
                continue
            links = "".join(
                f'<li><a linktype="page" id="{story.pk}">{escape(story.title)}</a></li>'
                for story in told
            )
            listing = paragraph(f"<ul>{links}</ul>")
            event.body = [*event.body.raw_data, heading(title), listing]
            event.save_revision().publish()
            self.created["event story link"] += len(told)

    @staticmethod
    def links_stories(event, title):
        return any(
            block.block_type == "heading" and block.value["text"] == title for block in event.body
        )

    def load_translations(self):
        """The pages that have a PO file in ``translations/<language>/``, parents before
        children. The charter goals, themes and target groups come in every language
        from the data migrations."""
        for folder in sorted(path for path in TRANSLATIONS.iterdir() if path.is_dir()):
            locale, _created = Locale.objects.get_or_create(language_code=folder.name)
            files = {path.stem: path for path in folder.glob("*.po")}
            pages = sorted(
                (
                    Page.objects.descendant_of(self.home, inclusive=True).get(slug=slug)
                    for slug in files
                ),
                key=lambda page: page.path,
            )
            for page in pages:
                catalogue = {
                    entry.msgid: entry.msgstr
                    for entry in polib.pofile(str(files[page.slug]))
                    if entry.msgstr
                }
                if translate(page.specific, locale, catalogue):
                    self.created["translated page"] += 1

    def load_accounts(self):
        for account in accounts():
            fields = dict(account)
            if city := fields.pop("edits_city", None):
                self.load_city_editors_group(self.cities[city])
            group = Group.objects.get(name=fields.pop("group"))
            if existing := User.objects.filter(email__iexact=fields["email"]).first():
                # Databases loaded before the second factor was required get it now, and
                # those loaded when the staff account was a superuser lose that.
                add_totp(existing, DEMO_TOTP_SECRET)
                if existing.is_superuser:
                    existing.is_superuser = False
                    existing.save(update_fields=["is_superuser"])
                continue
            user = User(is_staff=True, **fields)
            user.set_password(DEMO_PASSWORD)
            user.save()
            user.groups.add(group)
            # allauth asks for a verified address before it lets anyone sign in.
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
            # Everyone who edits signs in with a second factor; `manage.py demo_totp`
            # prints the demo accounts' current code.
            add_totp(user, DEMO_TOTP_SECRET)
            self.created["account"] += 1

    def load_city_editors_group(self, city):
        group, created = Group.objects.get_or_create(name=city_editors_group_name(city.title))
        if not created:
            return
        self.created["group"] += 1
        grant_city_editing(group, city, self.child_collection(city.title))


PLURALS = {"city": "cities", "story": "stories"}


def describe(created):
    """ "1 city, 27 practices, ..." for a count of what was created."""
    return ", ".join(
        f"{count} {what if count == 1 else PLURALS.get(what, what + 's')}"
        for what, count in created.items()
    )
