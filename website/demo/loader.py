"""Builds the demo from the tables, with the models alone: the loader runs on a production
install, where the test factories' packages are not installed.

Every item is looked up by its slug (or name, or email address) first and created only if
it is missing, so a second run changes nothing and an interrupted one can be finished.
"""

import datetime
from collections import Counter

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.models import Collection, Site

from cities.membership import grant_city_editing
from cities.models import CityContact, CityIndexPage, CityPage, KeyFigure, StrategyDocument
from events.models import (
    EventIndexPage,
    EventPage,
    PostStatus,
    Speaker,
    StopStatus,
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

from .cities import CITIES, CITY_PROFILES
from .events import EVENTS, PROGRAMMES, SPEAKERS
from .images import draw_picture
from .practices import PRACTICES
from .stories import STORIES
from .tours import STOCKHOLM_2021_POSTS, TOURS
from .translations import load_swedish

DEMO_PASSWORD = "demo-password-2026"  # noqa: S105 (demo accounts; printed by load_demo)
EDITORS_CITY = "Stockholm"
EVENT_STORIES = "Stories from the event"
ACCOUNTS = [
    {
        "email": "staff@example.org",
        "first_name": "Astrid",
        "last_name": "Nyberg",
        # A plain member of the group, so the demo shows what staff really may do (in
        # every language) and not what a superuser may.
        "group": NETWORK_STAFF,
        "is_superuser": False,
    },
    {
        "email": "editor.stockholm@example.org",
        "first_name": "Erik",
        "last_name": "Lindqvist",
        "group": city_editors_group_name(EDITORS_CITY),
        "is_superuser": False,
    },
]


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
        # Last: the Swedish translations copy the English pages and their relations.
        load_swedish(self.home, self.created)
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

    def city_image(self, slug, country, name):
        return self.image(city_illustration(slug, country, name))

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
        for entry in CITIES:
            fields = dict(entry)
            # The table's description of a photo says only that the city has a picture.
            hero = fields.pop("hero_image", None)
            city = self.existing(index, fields["slug"])
            if city is None:
                fields.setdefault("is_demo_content", True)
                image = self.city_image(fields["slug"], fields["country"], fields["title"])
                city = add_page(index, CityPage(hero_image=image if hero else None, **fields))
                self.created["city"] += 1
            self.cities[city.slug] = city
            if city.slug in CITY_PROFILES:
                self.load_city_profile(city, CITY_PROFILES[city.slug])

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
        children = [
            ("key_figures", KeyFigure, "key figure"),
            ("strategy_documents", StrategyDocument, "strategy document"),
            ("contacts", CityContact, "contact"),
        ]
        for relation, model, name in children:
            rows = profile[relation]
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
        for entry in PRACTICES:
            fields = dict(entry)
            city = self.cities[fields.pop("city")]
            picture = fields.pop("image", None)
            if self.existing(city, fields["slug"]):
                continue
            if picture:
                body = fields["body"]
                image = self.goal_image(self.goals[fields["goals"][0]])
                fields["body"] = [body[0], image_block(image), *body[1:]]
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
        for entry in TOURS:
            fields = dict(entry)
            stops = fields.pop("stops")
            breaks = fields.pop("breaks")
            status = fields.pop("stop_status")
            proposed = fields.pop("proposed", [])
            if self.existing(index, fields["slug"]):
                continue
            tour = TourPage(
                charter_goals=[self.goals[slug] for slug in fields.pop("goals")],
                capital_code_themes=[self.themes[slug] for slug in fields.pop("themes")],
                breaks=[TourBreak(week_start=week, reason=reason) for week, reason in breaks],
                **fields,
            )
            add_page(index, tour)
            for city, week_start, topic, *host in stops:
                host_name, host_title = host or ("", "")
                stop = TourStop.objects.create(
                    tour=tour,
                    city=self.cities[city],
                    week_start=week_start,
                    topic=topic,
                    host_name=host_name,
                    host_title=host_title,
                    status=StopStatus.PROPOSED if city in proposed else status,
                )
                if (tour.slug, city) == ("safe-city-tour-2021", "stockholm"):
                    self.load_takeover_posts(stop, STOCKHOLM_2021_POSTS)
            self.created["tour"] += 1
            self.created["tour stop"] += len(stops)

    def load_takeover_posts(self, stop, posts):
        for weekday, channel, text in posts:
            TakeoverPost.objects.create(
                stop=stop,
                day=stop.days()[weekday],
                channel=channel,
                text=text,
                status=PostStatus.PUBLISHED,
            )
        self.created["takeover post"] += len(posts)

    def load_events(self):
        index = self.section(EventIndexPage)
        for entry in EVENTS:
            fields = dict(entry)
            if self.existing(index, fields["slug"]):
                continue
            host_city = fields.pop("host_city", None)
            fields.pop("stories", None)
            fields.setdefault("is_demo_content", True)
            fields.setdefault("venue", "")
            fields.setdefault("address", "")
            add_page(index, EventPage(host_city=self.cities.get(host_city), **fields))
            self.created["event"] += 1

    REGISTRATION_FIELDS = (
        "all_day",
        "language",
        "capacity",
        "registration_opens",
        "registration_closes",
        "members_only",
    )

    def load_event_programmes(self):
        """Speakers, and the programme of every demo event that has none yet."""
        speakers = {}
        for entry in SPEAKERS:
            fields = dict(entry)
            speaker = Speaker.objects.filter(name=fields["name"]).first()
            if speaker is None:
                speaker = Speaker.objects.create(**fields)
                self.created["speaker"] += 1
            speakers[speaker.name] = speaker
        index = self.section(EventIndexPage)
        for slug, sessions in PROGRAMMES.items():
            event = self.existing(index, slug)
            if event is None or event.programme:
                continue
            # Demo databases loaded before events took registrations get them now.
            entry = next(entry for entry in EVENTS if entry["slug"] == slug)
            for field in self.REGISTRATION_FIELDS:
                if field in entry:
                    setattr(event, field, entry[field])
            event.programme = [
                programme_session(
                    session["title"],
                    session["start_time"],
                    day=session.get("day"),
                    end_time=session.get("end_time"),
                    room=session.get("room", ""),
                    description=session.get("description", ""),
                    speakers=[speakers[name] for name in session.get("speakers", [])],
                    practices=PracticePage.objects.filter(
                        locale=self.home.locale, slug__in=session.get("practices", [])
                    ),
                )
                for session in sessions
            ]
            event.save_revision().publish()
            self.created["programme"] += 1

    def load_stories(self):
        index = self.section(StoryIndexPage)
        for entry in STORIES:
            fields = dict(entry)
            picture = fields.pop("image", None)
            if self.existing(index, fields["slug"]):
                continue
            fields.setdefault("is_demo_content", True)
            city = self.cities[fields["cities"][0]]
            story = StoryPage(
                image=self.city_image(city.slug, city.country, city.title) if picture else None,
                cities=[self.cities[slug] for slug in fields.pop("cities")],
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
        for entry in EVENTS:
            event = self.existing(events, entry["slug"])
            told = [self.existing(stories, slug) for slug in entry.get("stories", [])]
            told = [story for story in told if story is not None]
            if event is None or not told or self.links_stories(event):
                continue
            links = "".join(
                f'<li><a linktype="page" id="{story.pk}">{escape(story.title)}</a></li>'
                for story in told
            )
            listing = paragraph(f"<ul>{links}</ul>")
            event.body = [*event.body.raw_data, heading(EVENT_STORIES), listing]
            event.save_revision().publish()
            self.created["event story link"] += len(told)

    @staticmethod
    def links_stories(event):
        return any(
            block.block_type == "heading" and block.value["text"] == EVENT_STORIES
            for block in event.body
        )

    def load_accounts(self):
        self.load_city_editors_group()
        for account in ACCOUNTS:
            fields = dict(account)
            group = Group.objects.get(name=fields.pop("group"))
            if existing := User.objects.filter(email__iexact=fields["email"]).first():
                # Databases loaded before the second factor was required get it now, and
                # those loaded when the staff account was a superuser lose that.
                add_totp(existing, DEMO_TOTP_SECRET)
                if existing.is_superuser != fields["is_superuser"]:
                    existing.is_superuser = fields["is_superuser"]
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

    def load_city_editors_group(self):
        city = self.cities[slugify(EDITORS_CITY)]
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
