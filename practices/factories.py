import datetime

import factory

from cities.factories import CityPageFactory
from portal.blocks import key_fact, paragraph
from portal.factories import BasePageFactory, HomePageFactory
from portal.models import CharterGoal

from .models import PracticeIndexPage, PracticePage, PracticeStatus


class PracticeIndexPageFactory(BasePageFactory):
    parent = factory.SubFactory(HomePageFactory)
    title = "Good practices"
    slug = "practices"
    introduction = "What member cities do, and what changed."

    class Meta:
        model = PracticeIndexPage


class PracticePageFactory(BasePageFactory):
    # The page's city is its parent; PracticePage.save sets `city` from it.
    parent = factory.SubFactory(CityPageFactory)
    title = factory.Sequence(lambda n: f"Safety walks in district {n}")
    summary = (
        "The city, the police and property owners walk the area after dark, agree who fixes "
        "what, and check a month later which measures were taken."
    )
    status = PracticeStatus.ONGOING
    start_date = factory.Faker("date_between", start_date=datetime.date(2017, 1, 1))
    body = factory.LazyFunction(
        lambda: [
            paragraph("<p>Twelve people walked the area and noted forty problems.</p>"),
            key_fact("31 of 40", "problems fixed within a month", "Follow-up walk"),
        ]
    )

    class Meta:
        model = PracticePage

    @factory.post_generation
    def charter_goals(self, create, extracted, **kwargs):
        # A practice serves at least one goal.
        self.charter_goals.set(
            extracted or CharterGoal.objects.filter(locale_id=self.locale_id).order_by("slug")[:1]
        )
        return True

    @factory.post_generation
    def capital_code_themes(self, create, extracted, **kwargs):
        if extracted:
            self.capital_code_themes.set(extracted)
        return bool(extracted)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if extracted:
            self.tags.set(extracted)
        return bool(extracted)
