import factory

from portal.factories import BasePageFactory, HomePageFactory

from .models import CityIndexPage, CityPage, Country, MembershipStatus


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
