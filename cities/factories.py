import datetime

import factory
from factory.django import DjangoModelFactory

from portal.factories import BasePageFactory, HomePageFactory
from portal.models import CharterGoal

from .models import CityIndexPage, CityPage, Country, MembershipApplication, MembershipStatus


class CityIndexPageFactory(BasePageFactory):
    parent = factory.SubFactory(HomePageFactory)
    title = "Member cities"
    slug = "cities"
    introduction = "Cities of all sizes in the five Nordic countries, working together."

    class Meta:
        model = CityIndexPage


class CityPageFactory(BasePageFactory):
    parent = factory.SubFactory(CityIndexPageFactory)
    title = factory.Faker("city")
    country = Country.SWEDEN
    population = factory.Faker("random_int", min=20_000, max=1_000_000, step=100)
    population_year = 2024
    latitude = factory.Faker("pydecimal", right_digits=5, min_value=55, max_value=70)
    longitude = factory.Faker("pydecimal", right_digits=5, min_value=5, max_value=30)
    member_since = factory.Faker("random_int", min=2016, max=2021)
    membership_status = MembershipStatus.MEMBER
    introduction = factory.LazyAttribute(
        lambda o: f"{o.title} works with residents, the police and civil society for safe "
        "and trusting neighbourhoods, and shares what it learns with the network."
    )

    class Meta:
        model = CityPage


class MembershipApplicationFactory(DjangoModelFactory):
    city_name = factory.Faker("city")
    country = Country.SWEDEN
    contact_name = factory.Faker("name")
    contact_role = "Coordinator against violent extremism"
    contact_email = factory.Sequence(lambda n: f"coordinator.{n}@city.example")
    contact_phone = "+46 8 508 290 00"
    deciding_body = "City executive board (kommunstyrelsen)"
    case_reference = factory.Sequence(lambda n: f"KS 2026/{100 + n}")
    decision_date = datetime.date(2026, 10, 7)
    decision_document = factory.django.FileField(filename="decision.pdf", data=b"%PDF-1.4\n%%EOF\n")
    motivation = "We want to learn from other cities' safety walks and share our own work."
    accepts_charter = True

    class Meta:
        model = MembershipApplication
        skip_postgeneration_save = True

    @factory.post_generation
    def prioritised_goals(self, create, extracted, **kwargs):
        if create:
            self.prioritised_goals.set(
                extracted or CharterGoal.objects.filter(slug="safe-urban-spaces")
            )
