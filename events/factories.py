import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from cities.factories import CityPageFactory
from portal.factories import BasePageFactory, HomePageFactory, PortalImageFactory, UserFactory

from .models import (
    Channel,
    EventIndexPage,
    EventKind,
    EventPage,
    PostStatus,
    Registration,
    RegistrationStatus,
    Speaker,
    StopStatus,
    TakeoverPost,
    TourIndexPage,
    TourPage,
    TourStop,
)


def this_monday():
    today = timezone.localdate()
    return today - datetime.timedelta(days=today.weekday())


class TourIndexPageFactory(BasePageFactory):
    parent = factory.SubFactory(HomePageFactory)
    title = "Takeover tours"
    slug = "tours"
    introduction = "Every week one member city takes over the network's social media accounts."

    class Meta:
        model = TourIndexPage


class TourPageFactory(BasePageFactory):
    parent = factory.SubFactory(TourIndexPageFactory)
    title = factory.Sequence(lambda n: f"Safe City Tour {2030 + n}")
    introduction = (
        "One member city a week takes over the network's accounts, Monday to Friday, "
        "and shows how it works for safety."
    )
    first_week = factory.LazyFunction(this_monday)
    number_of_weeks = 20
    channels = factory.LazyFunction(lambda: ["x", "linkedin"])

    class Meta:
        model = TourPage


class TourStopFactory(DjangoModelFactory):
    tour = factory.SubFactory(TourPageFactory)
    city = factory.SubFactory(CityPageFactory)
    week_start = factory.LazyAttribute(lambda o: o.tour.first_week)
    topic = "Placemaking for safer public spaces, with businesses and property owners"
    host_name = factory.Faker("name")
    host_title = "Mayor"
    status = StopStatus.CONFIRMED

    class Meta:
        model = TourStop


class TakeoverPostFactory(DjangoModelFactory):
    stop = factory.SubFactory(TourStopFactory)
    day = factory.LazyAttribute(lambda o: o.stop.week_start)
    channel = Channel.LINKEDIN
    text = "Good morning from our city hall: this week we show how we work for a safe city."
    status = PostStatus.DRAFT

    class Meta:
        model = TakeoverPost


class EventIndexPageFactory(BasePageFactory):
    parent = factory.SubFactory(HomePageFactory)
    title = "Summits and events"
    slug = "events"
    introduction = "Where member cities meet: summits, workshops, webinars and safety walks."

    class Meta:
        model = EventIndexPage


class EventPageFactory(BasePageFactory):
    parent = factory.SubFactory(EventIndexPageFactory)
    title = factory.Sequence(lambda n: f"Experience exchange on safe public spaces {n}")
    kind = EventKind.WORKSHOP
    start = factory.Faker(
        "date_time_between", start_date="+7d", end_date="+180d", tzinfo=datetime.UTC
    )
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=3))
    time_zone = "Europe/Stockholm"
    venue = "City Hall"
    address = factory.Faker("street_address")
    introduction = (
        "City officials, police and civil society compare what they have tried, "
        "and what changed, in a half-day workshop."
    )

    class Meta:
        model = EventPage


class SpeakerFactory(DjangoModelFactory):
    name = factory.Faker("name")
    photo = factory.SubFactory(
        PortalImageFactory, description=factory.LazyAttribute(lambda o: "Portrait photo")
    )
    title = "Safety coordinator"
    organisation = "City of Malmö"
    bio = "Works with property owners and the police on safer public spaces."

    class Meta:
        model = Speaker


class OpenEventPageFactory(EventPageFactory):
    """An event whose registration is open now, with ten places."""

    capacity = 10
    registration_opens = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=7))
    registration_closes = factory.LazyAttribute(lambda o: o.start - datetime.timedelta(days=1))


class RegistrationFactory(DjangoModelFactory):
    event = factory.SubFactory(OpenEventPageFactory)
    user = factory.SubFactory(UserFactory)
    status = RegistrationStatus.CONFIRMED

    class Meta:
        model = Registration
