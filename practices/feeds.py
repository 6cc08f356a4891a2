"""Atom and RSS feeds of newly published practices, for the whole library or any filtered
view of it: the feed takes the library's own URL parameters, so that a visitor can
subscribe to exactly what they are looking at."""

import dataclasses

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from . import library_page
from .library import LibraryQuery, search_library

FEED_LENGTH = 30


class LibraryFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, library):
        # The feed answers one request; keeping it here lets the item methods build
        # absolute links for the site the visitor is on.
        self.request = request
        query = dataclasses.replace(
            LibraryQuery.from_querydict(request.GET), sort="newest", page=1, per_page=FEED_LENGTH
        )
        self.result = search_library(query)
        self.library = library
        return library

    def title(self, library):
        return library_page.titled(library, library_page.filter_summary(self.result))

    def link(self, library):
        return library_page.url_with(
            library, self.request, self.result.query.to_querydict(sort=None)
        )

    def feed_url(self, library):
        # The feed's own address, with the filters it was asked for.
        return self.request.get_full_path()

    def description(self, library):
        return _("Newly published good practices from the network's member cities.")

    def items(self, library):
        return self.result.practices

    def item_title(self, practice):
        return practice.title

    def item_description(self, practice):
        return practice.summary

    def item_link(self, practice):
        return practice.get_url(self.request)

    def item_author_name(self, practice):
        return practice.city.title

    def item_pubdate(self, practice):
        return practice.first_published_at

    def item_updateddate(self, practice):
        return practice.last_published_at

    def item_categories(self, practice):
        return [goal.name for goal in practice.charter_goals.all()]


class LibraryAtomFeed(LibraryFeed):
    feed_type = Atom1Feed
    subtitle = LibraryFeed.description
