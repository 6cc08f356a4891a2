"""A realistic data set for the benchmark: the demo content, then member cities up to
``--cities`` and good practices up to ``--practices``, each with goals, themes, target
groups, tags, indicators and a body with an image.

The demo comes from ``load_demo`` (website/demo/content). Generated practices
are written in bulk (pages, relations, practice rows: a few statements per thousand
practices), because saving 100,000 pages one by one through the page tree would take
hours; the database's triggers build their search documents and facets as they are
inserted.

    DJANGO_SETTINGS_MODULE=bench.settings python -m bench.generate --practices 10000
"""

import argparse
import datetime
import io
import os
import random
import sys
import time
import uuid

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

# A fixed seed: the same data set every run, so that runs can be compared.
SEED = 2026

CITIES = [
    ("Uppsala", "SE"),
    ("Västerås", "SE"),
    ("Örebro", "SE"),
    ("Linköping", "SE"),
    ("Esbjerg", "DK"),
    ("Randers", "DK"),
    ("Bergen", "NO"),
    ("Trondheim", "NO"),
    ("Stavanger", "NO"),
    ("Oulu", "FI"),
    ("Jyväskylä", "FI"),
    ("Kópavogur", "IS"),
    ("Hafnarfjörður", "IS"),
    ("Kristiansand", "NO"),
]
TOPICS = [
    ("Safety walks", "walk the district after dark with the police and property owners"),
    ("Brighter alleys", "light the alleys and paths between the blocks of flats"),
    ("Night walkers", "send adult volunteers out on Friday and Saturday nights"),
    ("Mentors for teenagers", "pair teenagers at risk of dropping out with young adults"),
    ("Home visits to new parents", "visit every family with a newborn six times"),
    ("Moderators against online hate", "answer hateful comments on the city's accounts"),
    ("Exit programme", "help people leave criminal and extremist milieus"),
    ("Business improvement district", "let property owners and shops keep a square clean"),
    ("School and police cooperation", "hold weekly meetings of schools, social services"),
    ("Disinformation workshops", "train librarians and teachers to check sources"),
    ("Football after dark", "open sports halls for young people late in the evening"),
    ("Local safety alliance", "bring the city, police and civil society to one table"),
]
DISTRICTS = [
    "the central station",
    "the harbour",
    "the old town",
    "the northern suburbs",
    "the eastern district",
    "the market square",
    "the university campus",
    "the industrial area",
    "the city park",
    "the bus terminal",
]
LESSONS = [
    "Agree who fixes what before the partners go home.",
    "Follow up within a month, or residents stop reporting.",
    "Ask the young people first; they know which places feel unsafe.",
    "Budget for maintenance, not only for the first year.",
    "Measure the effect, not only the activities carried out.",
]
TAGS = [
    "safety walk",
    "trygghetsvandring",
    "lighting",
    "graffiti",
    "placemaking",
    "mentoring",
    "youth",
    "parents",
    "online hate",
    "disinformation",
    "exit programme",
    "outreach work",
    "police cooperation",
    "schools",
    "preschool",
    "home visits",
    "property owners",
    "public transport",
    "night walkers",
    "sport",
    "culture",
    "libraries",
    "dialogue",
    "violent extremism",
    "radicalisation",
    "coordinators",
    "action plan",
    "safety survey",
    "tryghedsvandring",
    "turvallisuuskävely",
    "trygghetsvandring i sentrum",
    "civil society",
    "volunteers",
    "social media",
    "housing",
    "street lighting",
    "cleaning",
    "business improvement district",
    "women's safety",
    "victims",
]


def progress(label, done, total, started):
    """One line that redraws itself: a bar, the count and the rate."""
    width = 30
    filled = int(width * done / total) if total else width
    rate = done / max(time.monotonic() - started, 1e-6)
    sys.stderr.write(
        f"\r{label:<12} [{'#' * filled}{'.' * (width - filled)}] {done:>7}/{total} {rate:,.0f}/s"
    )
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--practices", type=int, default=10_000)
    parser.add_argument("--cities", type=int, default=30)
    parser.add_argument("--batch", type=int, default=2_000)
    args = parser.parse_args(argv)
    django.setup()

    from django.core.management import call_command

    from practices.models import PracticePage

    call_command("migrate", interactive=False, verbosity=0)
    draw_missing_pictures()
    if PracticePage.objects.count() >= args.practices:
        print(f"{PracticePage.objects.count()} practices already; nothing to add.")
        return
    call_command("load_demo", verbosity=0)
    rng = random.Random(SEED)  # noqa: S311 (reproducible test data, not secrets)
    Generator(rng, args.batch).run(args.cities, args.practices)


PICTURE_COLOURS = ["#1F5F8B", "#8B5F1F", "#2E7D4F", "#6B3FA0"]


def draw_missing_pictures():
    """Every picture whose file is missing, drawn again (a plain one of the same size), its
    renditions to be made anew. The data set lives in PostgreSQL, shared by every checkout
    on the machine; the files, in each checkout's own bench/var/media."""
    from django.core.files.base import ContentFile
    from PIL import Image as Picture

    from portal.models import PortalImage

    for n, image in enumerate(PortalImage.objects.order_by("pk")):
        if image.file.storage.exists(image.file.name):
            continue
        drawn = io.BytesIO()
        colour = PICTURE_COLOURS[n % len(PICTURE_COLOURS)]
        Picture.new("RGB", (image.width, image.height), colour).save(drawn, "JPEG")
        image.renditions.all().delete()
        image.file.save(
            os.path.basename(image.file.name), ContentFile(drawn.getvalue()), save=False
        )
        # Only the file's name may have changed; width and height are as they were.
        PortalImage.objects.filter(pk=image.pk).update(file=image.file.name)


class Generator:
    def __init__(self, rng, batch):
        self.rng = rng
        self.batch = batch

    def run(self, city_count, practice_count):
        cities = self.ensure_cities(city_count)
        self.images = self.ensure_images(24)
        from practices.models import PracticePage

        existing = PracticePage.objects.count()
        wanted = practice_count - existing
        if wanted <= 0:
            print(f"{existing} practices already; nothing to add.")
            return
        self.tags = self.ensure_tags()
        from django.db import connection

        started = time.monotonic()
        done = 0
        analysed_at = existing
        progress("practices", 0, wanted, started)
        while done < wanted:
            size = min(self.batch, wanted - done)
            self.add_practices(cities, size, done + existing)
            done += size
            # The triggers' plans were made for the tables as they were: once the
            # practices have grown by half, new statistics (autovacuum's once a minute
            # came too late: at 100,000 the batches slowed from 700 to 66 a second).
            if done + existing >= 1.5 * max(analysed_at, self.batch):
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
                analysed_at = done + existing
            progress("practices", done, wanted, started)

        with connection.cursor() as cursor:
            # What autovacuum does after a bulk load: statistics for the planner, and the
            # visibility map that lets it read indexes without visiting the tables.
            cursor.execute("VACUUM ANALYZE")
        print(f"{PracticePage.objects.count()} practices in {len(cities)} cities.")

    def ensure_cities(self, count):
        from cities.factories import CityPageFactory
        from cities.models import CityIndexPage, CityPage

        index = CityIndexPage.objects.get(locale__language_code="en")
        cities = list(CityPage.objects.child_of(index).live().order_by("path"))
        for title, country in CITIES:
            if len(cities) >= count:
                break
            slug = title.lower().translate(str.maketrans("äöóðú", "aooou"))
            if any(city.slug == slug for city in cities):
                continue
            cities.append(CityPageFactory(parent=index, title=title, slug=slug, country=country))
        return cities[:count]

    def ensure_images(self, count):
        from portal.factories import PortalImageFactory
        from portal.models import PortalImage

        images = list(PortalImage.objects.filter(title__startswith="Bench picture"))
        started = time.monotonic()
        for n in range(len(images), count):
            images.append(
                PortalImageFactory(
                    title=f"Bench picture {n}",
                    description=f"A street in the evening, picture {n}",
                    file__width=1600,
                    file__height=900,
                    file__color=PICTURE_COLOURS[n % len(PICTURE_COLOURS)],
                )
            )
            progress("images", n + 1, count, started)
        return images

    def ensure_tags(self):
        from django.utils.text import slugify
        from taggit.models import Tag

        existing = {tag.name: tag for tag in Tag.objects.filter(name__in=TAGS)}
        new = [Tag(name=name, slug=slugify(name)) for name in TAGS if name not in existing]
        taken = set(Tag.objects.values_list("slug", flat=True))
        for tag in new:
            while tag.slug in taken:
                tag.slug += "-1"
            taken.add(tag.slug)
        Tag.objects.bulk_create(new)
        return list(Tag.objects.filter(name__in=TAGS))

    def add_practices(self, cities, size, offset):
        from django.contrib.contenttypes.models import ContentType
        from django.db import connection, transaction
        from django.db.models.sql import InsertQuery
        from django.utils import timezone
        from wagtail.models import Page

        from portal.blocks import image_block, key_fact, paragraph
        from portal.models import CapitalCodeTheme, CharterGoal
        from practices.models import (
            Evaluation,
            EvidenceLevel,
            PracticeIndicator,
            PracticePage,
            PracticePageTag,
            PracticeStatus,
            PreventionLevel,
            TargetGroup,
        )

        rng = self.rng
        page_fields = [field for field in Page._meta.concrete_fields if field.attname != "id"]
        content_type = ContentType.objects.get_for_model(PracticePage)
        locale_id = cities[0].locale_id
        goals = list(CharterGoal.objects.filter(locale_id=locale_id))
        themes = list(CapitalCodeTheme.objects.filter(locale_id=locale_id))
        groups = list(TargetGroup.objects.filter(locale_id=locale_id))
        now = timezone.now()
        with transaction.atomic():
            fresh = {city.pk: Page.objects.get(pk=city.pk) for city in cities}
            practices = []
            for n in range(size):
                number = offset + n
                city = fresh[cities[number % len(cities)].pk]
                topic, doing = rng.choice(TOPICS)
                district = rng.choice(DISTRICTS)
                city.numchild += 1
                title = f"{topic} at {district}, {city.title}"
                slug = f"practice-{number}"
                published = now - datetime.timedelta(minutes=number * 7 % 2_000_000)
                evaluation = rng.choice(list(Evaluation.values))
                practices.append(
                    PracticePage(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        content_type=content_type,
                        locale_id=locale_id,
                        translation_key=uuid.uuid4(),
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=published,
                        last_published_at=published,
                        path=city.path + encode(city.numchild),
                        depth=city.depth + 1,
                        numchild=0,
                        url_path=f"{city.url_path}{slug}/",
                        city_id=city.pk,
                        summary=(
                            f"{city.title} and its partners {doing} at {district}, and "
                            f"measure what changes for the people who live there."
                        )[:300],
                        body=[
                            paragraph(
                                f"<p>{topic} started at {district} after residents said the "
                                f"place felt unsafe in the evening. The city, the police and "
                                f"local partners {doing}.</p>"
                            ),
                            image_block(rng.choice(self.images)),
                            key_fact(
                                f"{rng.randint(10, 60)} of {rng.randint(61, 90)}",
                                "problems fixed within a month",
                                "Follow-up walk",
                            ),
                        ],
                        status=rng.choice(list(PracticeStatus.values)),
                        start_date=datetime.date(2016 + number % 10, 1 + number % 12, 1),
                        prevention_level=rng.choice(list(PreventionLevel.values)),
                        partners=rng.sample(["police", "schools", "culture", "research"], 2),
                        problem=f"<p>Residents avoided {district} after dark.</p>",
                        mechanism=f"<p>When people {doing}, the place is watched and cared "
                        "for, and residents come back.</p>",
                        evaluation=evaluation,
                        evidence_level={
                            Evaluation.PEER_REVIEWED: EvidenceLevel.PEER_REVIEWED,
                            Evaluation.EXTERNAL: EvidenceLevel.EVALUATED,
                            Evaluation.INTERNAL: EvidenceLevel.EVALUATED,
                        }.get(evaluation, EvidenceLevel.DOCUMENTED),
                        lessons_learned=f"<p>{rng.choice(LESSONS)}</p>",
                        original_language="en",
                    )
                )
            pages = [
                Page(**{field.attname: getattr(practice, field.attname) for field in page_fields})
                for practice in practices
            ]
            Page.objects.bulk_create(pages)
            for practice, page in zip(practices, pages, strict=True):
                practice.page_ptr_id = practice.id = page.id
            for city in fresh.values():
                Page.objects.filter(pk=city.pk).update(numchild=city.numchild)

            goal_links, theme_links, group_links, tag_links, indicators = [], [], [], [], []
            GoalLink = PracticePage.charter_goals.through
            ThemeLink = PracticePage.capital_code_themes.through
            GroupLink = PracticePage.target_groups.through
            for practice in practices:
                for goal in rng.sample(goals, rng.randint(1, 2)):
                    goal_links.append(GoalLink(practicepage_id=practice.pk, chartergoal_id=goal.pk))
                for theme in rng.sample(themes, rng.randint(0, 2)):
                    theme_links.append(
                        ThemeLink(practicepage_id=practice.pk, capitalcodetheme_id=theme.pk)
                    )
                for group in rng.sample(groups, min(len(groups), 2)):
                    group_links.append(
                        GroupLink(practicepage_id=practice.pk, targetgroup_id=group.pk)
                    )
                for tag in rng.sample(self.tags, 3):
                    tag_links.append(PracticePageTag(content_object_id=practice.pk, tag_id=tag.pk))
                for order in range(2):
                    indicators.append(
                        PracticeIndicator(
                            page_id=practice.pk,
                            sort_order=order,
                            measure="Residents who feel unsafe in the evening"
                            if order == 0
                            else "Reported incidents per month",
                            baseline=f"{rng.randint(30, 60)} %",
                            target=f"{rng.randint(10, 29)} %",
                            result=f"{rng.randint(15, 45)} %",
                            year=2020 + order,
                            source="The city's safety survey",
                        )
                    )
            GoalLink.objects.bulk_create(goal_links)
            ThemeLink.objects.bulk_create(theme_links)
            GroupLink.objects.bulk_create(group_links)
            PracticePageTag.objects.bulk_create(tag_links)
            # The practice rows last (the foreign keys are checked at commit): the
            # database's triggers then write each search document and its facets once,
            # with every relation already there, instead of once per relation.
            query = InsertQuery(PracticePage)
            query.insert_values(PracticePage._meta.local_concrete_fields, practices)
            query.get_compiler(connection=connection).execute_sql(returning_fields=None)
            PracticeIndicator.objects.bulk_create(indicators)


ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def encode(number, width=4):
    """A child's step in the page tree's materialised path (treebeard's base 36)."""
    digits = ""
    while number:
        number, digit = divmod(number, 36)
        digits = ALPHABET[digit] + digits
    return digits.rjust(width, "0")


if __name__ == "__main__":
    main()
