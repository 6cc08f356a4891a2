"""A story page describes the story as a schema.org NewsArticle, published by the network."""

import datetime

import pytest

from portal.factories import PortalImageFactory, StoryPageFactory
from portal.models import StoryIndexPage
from tests.structured_data import only_item

pytestmark = pytest.mark.django_db


def test_a_story_is_a_news_article_with_its_photo_in_three_shapes(client, section):
    story = StoryPageFactory(
        parent=section(StoryIndexPage),
        title="Stockholm hosts the Safe City Tour",
        date=datetime.date(2021, 3, 8),
        image=PortalImageFactory(),
    )
    article = only_item(client.get(story.url))

    assert article["@type"] == "NewsArticle"
    assert article["headline"] == "Stockholm hosts the Safe City Tour"
    assert article["datePublished"] == "2021-03-08"
    assert article["mainEntityOfPage"] == article["url"] == story.get_full_url()
    assert article["publisher"]["name"] == "Nordic Safe Cities"
    assert article["publisher"]["logo"]["url"].startswith("http://testserver/static/")
    assert article["author"]["@id"] == article["publisher"]["@id"]
    assert [image["url"].startswith("http://testserver/") for image in article["image"]] == [
        True
    ] * 3


def test_a_story_without_a_photo_has_no_image_but_everything_else(client, section):
    story = StoryPageFactory(parent=section(StoryIndexPage), image=None)
    article = only_item(client.get(story.url), recommended=False)

    assert "image" not in article
    assert article["dateModified"]
    assert article["inLanguage"] == "en"
