"""Factories for the portal's users, images and pages, for the tests (the demo loader builds
its content without them: it runs where the test packages are not installed)."""

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Collection, Page
from wagtail.search import index

from portal.blocks import paragraph
from portal.models import (
    CrosswalkPage,
    HomePage,
    PortalImage,
    StandardPage,
    StoryIndexPage,
    StoryPage,
    User,
)


class UserFactory(DjangoModelFactory):
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttributeSequence(
        lambda o, n: f"{slugify(o.first_name)}.{slugify(o.last_name)}.{n}@example.org"
    )
    password = factory.django.Password("correct-horse-battery-staple")

    class Meta:
        model = User


class PortalImageFactory(DjangoModelFactory):
    title = factory.Faker("street_name")
    description = factory.LazyAttribute(lambda o: f"{o.title} on a calm winter morning")
    credit = factory.Faker("name")
    file = factory.django.ImageField(
        width=1600, height=900, color="#1F5F8B", format="JPEG", filename="image.jpg"
    )
    # wagtail_factories' CollectionMemberFactory would make a new root collection per image.
    collection = factory.LazyFunction(Collection.get_first_root_node)

    class Meta:
        model = PortalImage


class BasePageFactory(wagtail_factories.PageFactory):
    """Published by default, with the dates a published page has, so that "newest first"
    listings order factory pages as they would real ones."""

    live = True
    first_published_at = factory.Maybe("live", factory.LazyFunction(timezone.now), None)
    last_published_at = factory.SelfAttribute("first_published_at")

    class Meta:
        abstract = True

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        # modelcluster keeps many-to-many values and tags in memory until the page is
        # saved; the hooks return True when they set something.
        if create and results and any(results.values()):
            instance.save()
            # The search index was updated on save, before modelcluster wrote the tags
            # and relations; index again now that they are in the database.
            index.insert_or_update_object(instance)


class HomePageFactory(BasePageFactory):
    parent = factory.LazyFunction(Page.get_first_root_node)
    title = "Nordic Safe Cities"
    slug = factory.Sequence(lambda n: f"home-{n}")
    introduction = (
        "A city-to-city network for safe, trusting, tolerant and resilient cities "
        "in Denmark, Finland, Iceland, Norway and Sweden."
    )

    class Meta:
        model = HomePage


class StandardPageFactory(BasePageFactory):
    parent = factory.SubFactory(HomePageFactory)
    title = factory.Sequence(lambda n: f"How membership works, part {n}")
    introduction = factory.Faker("sentence", nb_words=16)
    body = factory.LazyFunction(lambda: [paragraph("<p>Member cities meet at conferences.</p>")])

    class Meta:
        model = StandardPage


class CrosswalkPageFactory(BasePageFactory):
    parent = factory.SubFactory(StandardPageFactory)
    title = "How the charter goals and the Capital Code relate"
    slug = "goals-and-themes"

    class Meta:
        model = CrosswalkPage


class StoryIndexPageFactory(BasePageFactory):
    parent = factory.SubFactory(HomePageFactory)
    title = "Stories"
    introduction = "News from the network and stories from its member cities."

    class Meta:
        model = StoryIndexPage


class StoryPageFactory(BasePageFactory):
    parent = factory.SubFactory(StoryIndexPageFactory)
    title = factory.Sequence(lambda n: f"Member cities share what works, part {n}")
    date = factory.Faker("date_between", start_date="-1y", end_date="today")
    introduction = factory.Faker("sentence", nb_words=24)
    body = factory.LazyAttribute(lambda o: [paragraph(f"<p>{o.introduction}</p>")])

    class Meta:
        model = StoryPage

    @factory.post_generation
    def cities(self, create, extracted, **kwargs):
        if extracted:
            self.cities.set(extracted)
        return bool(extracted)
