"""The library's Elasticsearch side: the index's mapping and documents, the search
request, and the HTTP conversation with a cluster.

Without a cluster, ``es_double`` answers over real HTTP, so the real client sends real
requests; it stores and counts but does not search. What a real cluster makes of the
requests is tested at the end, when ELASTICSEARCH_URL is set.
"""

import io
import logging
import os
import uuid

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Locale, PageViewRestriction

from cities.factories import CityPageFactory
from cities.models import Country
from portal.models import CapitalCodeTheme, CharterGoal
from practices import library_es, search_index
from practices.factories import PracticePageFactory
from practices.library import FACETS, MAX_VALUES_PER_FACET, LibraryQuery
from practices.models import (
    Evaluation,
    EvidenceLevel,
    PracticeIndexPage,
    PracticePage,
    PracticeStatus,
    PreventionLevel,
    TargetGroup,
)
from practices.search_index import PracticeDocument, practice_document

from .es_double import ElasticsearchDouble

ALIAS = "safecities-practices"


@pytest.fixture
def elasticsearch(settings):
    with ElasticsearchDouble() as double:
        settings.ELASTICSEARCH_URL = double.url
        yield double


@pytest.fixture
def stockholm(db):
    return CityPageFactory(title="Stockholm", slug="stockholm", country=Country.SWEDEN)


def publish(page):
    page.save_revision().publish()


# The mapping.


def test_the_facets_are_keyword_fields_holding_slugs_and_codes():
    properties = PracticeDocument._index.to_dict()["mappings"]["properties"]
    keywords = {name for name, mapping in properties.items() if mapping["type"] == "keyword"}
    assert keywords == {
        *FACETS,
        "city_title",
        "tag_name",
        "locale",
        "title_sort",
    }
    assert properties["first_published_at"] == {"type": "date"}
    assert properties["page_id"] == {"type": "integer"}


def test_the_text_is_analysed_in_each_language_with_a_standard_fallback():
    properties = PracticeDocument._index.to_dict()["mappings"]["properties"]
    for name in ["title", "summary", "body", "problem", "mechanism", "lessons_learned"]:
        assert properties[name]["type"] == "text"
        assert properties[name]["analyzer"] == "standard"
        languages = {code: sub["analyzer"] for code, sub in properties[name]["fields"].items()}
        assert languages["en"] == "english"
        assert languages["sv"] == "swedish"
        assert "is" not in languages
    swedish = search_index.text_fields("sv")
    assert {"title.sv^3", "summary.sv^2", "body.sv^1", "title^3", "tag_text^1"} <= set(swedish)
    assert not any(".en" in name for name in swedish)
    # Icelandic has no stemming analyzer in Elasticsearch: the standard main fields only.
    assert "title^3" in search_index.text_fields("is")
    assert not any("." in name for name in search_index.text_fields("is"))


def test_titles_sort_regardless_of_case_and_unknown_fields_are_refused():
    index = PracticeDocument._index.to_dict()
    assert index["mappings"]["properties"]["title_sort"]["normalizer"] == "title_sort"
    assert index["settings"]["analysis"]["normalizer"]["title_sort"]["filter"] == ["lowercase"]
    assert index["mappings"]["dynamic"] == "strict"


# The document of a practice.


@pytest.mark.django_db
def test_a_practice_document_holds_every_facet_value(stockholm):
    locale = Locale.get_default()
    goals = CharterGoal.objects.filter(
        locale__language_code="en", slug__in=["safe-urban-spaces", "safe-online-sphere"]
    )
    theme = CapitalCodeTheme.objects.get(
        locale__language_code="en", slug="local-safe-city-alliances"
    )
    parents = TargetGroup.objects.create(name="Parents", slug="parents", locale=locale)
    practice = PracticePageFactory(
        parent=stockholm,
        title="Safety walks after dark",
        charter_goals=list(goals),
        capital_code_themes=[theme],
        tags=["Night walks", "Lighting"],
        problem="<p>Residents <b>avoided</b> the square.</p>",
        prevention_level=PreventionLevel.UNIVERSAL,
        status=PracticeStatus.COMPLETED,
        evaluation=Evaluation.PEER_REVIEWED,
    )
    practice.target_groups.set([parents])
    practice.save()

    document = practice_document(PracticePage.objects.get(pk=practice.pk)).to_dict()

    assert document["page_id"] == practice.pk
    assert document["locale"] == "en"
    assert document["goal"] == ["safe-online-sphere", "safe-urban-spaces"]
    assert document["theme"] == ["local-safe-city-alliances"]
    assert document["country"] == "SE"
    assert document["city"] == "stockholm"
    assert document["city_title"] == "Stockholm"
    assert document["tag"] == ["lighting", "night-walks"]
    assert document["tag_name"] == ["Lighting", "Night walks"]
    assert document["target_group"] == ["parents"]
    assert document["prevention_level"] == "universal"
    assert document["status"] == "completed"
    assert document["evidence"] == EvidenceLevel.PEER_REVIEWED
    assert document["title_sort"] == "Safety walks after dark"
    assert document["first_published_at"] == practice.first_published_at
    # Rich text and StreamField blocks are indexed as text, without markup.
    assert document["problem"] == "Residents avoided the square."
    assert "Twelve people walked the area" in document["body"]
    assert "<p>" not in document["body"]


@pytest.mark.django_db
def test_a_practice_without_a_prevention_level_has_none_in_its_document(stockholm):
    practice = PracticePageFactory(parent=stockholm, prevention_level="")
    assert "prevention_level" not in practice_document(practice).to_dict()


# The search request.


def search_body(settings, **query):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # never contacted
    return library_es.build_search(LibraryQuery(**query), "sv")._s.to_dict()


def test_the_text_must_match_every_word_in_the_visitors_language(settings):
    body = search_body(settings, text="trygghet vandring", sort="relevance")

    assert body["query"]["bool"]["filter"] == [{"term": {"locale": "sv"}}]
    (text_query,) = body["query"]["bool"]["must"]
    assert text_query["multi_match"]["query"] == "trygghet vandring"
    assert text_query["multi_match"]["operator"] == "and"
    assert text_query["multi_match"]["type"] == "cross_fields"
    assert "title.sv^3" in text_query["multi_match"]["fields"]
    assert "summary.sv^2" in text_query["multi_match"]["fields"]
    assert body["sort"] == [
        "_score",
        {"first_published_at": {"order": "desc"}},
        {"page_id": {"order": "desc"}},
    ]
    assert body["track_total_hits"] is True
    assert "post_filter" not in body


def test_values_of_a_facet_widen_and_facets_narrow_the_results(settings):
    body = search_body(
        settings,
        filters=(("country", ("NO", "SE")), ("goal", ("safe-urban-spaces",))),
        sort="newest",
    )

    assert "must" not in body["query"]["bool"]
    assert body["post_filter"] == {
        "bool": {
            "must": [
                {"terms": {"country": ["NO", "SE"]}},
                {"terms": {"goal": ["safe-urban-spaces"]}},
            ]
        }
    }


def test_each_facet_is_counted_under_the_other_facets_filters(settings):
    body = search_body(
        settings,
        filters=(("country", ("NO", "SE")), ("goal", ("safe-urban-spaces",))),
        sort="newest",
    )
    aggs = body["aggs"]

    assert set(aggs) == {f"_filter_{name}" for name in FACETS}
    assert aggs["_filter_country"]["filter"] == {"terms": {"goal": ["safe-urban-spaces"]}}
    assert aggs["_filter_goal"]["filter"] == {"terms": {"country": ["NO", "SE"]}}
    assert aggs["_filter_theme"]["filter"] == body["post_filter"]
    terms = aggs["_filter_city"]["aggs"]["city"]["terms"]
    assert terms["field"] == "city"
    # All values, ordered and trimmed afterwards as the database backend does.
    assert terms["size"] == library_es.FACET_BUCKETS
    assert terms["order"] == [{"_count": "desc"}, {"_key": "asc"}]
    # Selected values are counted apart, so they show even below a facet's top values.
    assert aggs["_filter_country"]["aggs"]["selected"]["terms"] == {
        "field": "country",
        "include": ["NO", "SE"],
        "size": 2,
    }
    assert "selected" not in aggs["_filter_city"]["aggs"]


def test_sorting_by_title_and_paging(settings):
    body = search_body(settings, sort="title", page=3, per_page=12)
    assert body["sort"] == ["title_sort", "page_id"]
    assert (body["from"], body["size"]) == (24, 12)
    assert body["_source"] is False


def test_paging_stops_at_elasticsearchs_result_window(settings):
    body = search_body(settings, sort="newest", page=10_000, per_page=12)
    assert body["from"] + body["size"] <= library_es.MAX_RESULT_WINDOW


# Building the index, over HTTP.


@pytest.mark.django_db
def test_rebuild_creates_the_index_with_the_mapping_and_sends_every_live_practice(
    elasticsearch, stockholm
):
    live = [PracticePageFactory(parent=stockholm) for _ in range(3)]
    PracticePageFactory(parent=stockholm, live=False)
    calls = []

    count = search_index.rebuild(progress=lambda done, total: calls.append((done, total)))

    (create,) = elasticsearch.requests_to("PUT", f"/{ALIAS}-")
    assert create.body == PracticeDocument._index.to_dict()
    (bulk,) = elasticsearch.requests_to("PUT", "/_bulk") + elasticsearch.requests_to(
        "POST", "/_bulk"
    )
    actions = bulk.body[0::2]
    assert [action["create"]["_id"] for action in actions] == [str(p.pk) for p in live]
    assert {action["create"]["_index"] for action in actions} == {create.path.strip("/")}
    assert bulk.body[1]["title"] == live[0].title
    assert count == 3
    assert calls == [(1, 3), (2, 3), (3, 3)]
    assert elasticsearch.aliases == {ALIAS: create.path.strip("/")}
    assert list(elasticsearch.docs(ALIAS)) == [str(p.pk) for p in live]


@pytest.mark.django_db
def test_a_second_rebuild_replaces_the_index_behind_the_alias(elasticsearch, stockholm):
    PracticePageFactory(parent=stockholm)
    search_index.rebuild()
    first = elasticsearch.aliases[ALIAS]

    search_index.rebuild()

    second = elasticsearch.aliases[ALIAS]
    assert second != first
    assert list(elasticsearch.indices) == [second]
    (swap,) = elasticsearch.requests_to("POST", "/_aliases")[1:]
    assert swap.body == {
        "actions": [
            {"add": {"index": second, "alias": ALIAS}},
            {"remove_index": {"index": first}},
        ]
    }


@pytest.mark.django_db
def test_the_command_rebuilds_and_shows_its_progress(elasticsearch, stockholm):
    for _ in range(2):
        PracticePageFactory(parent=stockholm)
    out = io.StringIO()

    call_command("rebuild_practice_index", stdout=out)

    assert "2/2" in out.getvalue()
    assert f"Indexed 2 practices; {ALIAS} now points to them." in out.getvalue()
    assert len(elasticsearch.docs(ALIAS)) == 2


# Following the editors, over HTTP.


@pytest.mark.django_db
def test_publishing_indexes_the_practice_once_the_transaction_commits(
    elasticsearch, stockholm, django_capture_on_commit_callbacks
):
    search_index.rebuild()
    practice = PracticePageFactory(parent=stockholm, live=False, title="Night buses")

    with django_capture_on_commit_callbacks() as callbacks:
        publish(practice)
    assert not elasticsearch.requests_to("PUT", "/_doc/")
    for callback in callbacks:
        callback()

    (request,) = elasticsearch.requests_to("PUT", f"/{ALIAS}/_doc/{practice.pk}")
    assert request.params["require_alias"] == "true"
    assert request.body["title"] == "Night buses"
    assert request.body["city"] == "stockholm"
    assert elasticsearch.docs(ALIAS)[str(practice.pk)]["title"] == "Night buses"


@pytest.mark.django_db
def test_unpublishing_removes_the_practice(
    elasticsearch, stockholm, django_capture_on_commit_callbacks
):
    practice = PracticePageFactory(parent=stockholm)
    search_index.rebuild()

    with django_capture_on_commit_callbacks(execute=True):
        practice.unpublish()

    assert elasticsearch.requests_to("DELETE", f"/{ALIAS}/_doc/{practice.pk}")
    assert elasticsearch.docs(ALIAS) == {}


@pytest.mark.django_db
def test_deleting_removes_the_practice(
    elasticsearch, stockholm, django_capture_on_commit_callbacks
):
    practice = PracticePageFactory(parent=stockholm)
    other = PracticePageFactory(parent=stockholm)
    search_index.rebuild()

    with django_capture_on_commit_callbacks(execute=True):
        PracticePage.objects.get(pk=practice.pk).delete()

    assert elasticsearch.requests_to("DELETE", f"/{ALIAS}/_doc/{practice.pk}")
    assert list(elasticsearch.docs(ALIAS)) == [str(other.pk)]


@pytest.mark.django_db
def test_moving_reindexes_the_practice_under_its_new_city(
    elasticsearch, stockholm, django_capture_on_commit_callbacks
):
    oslo = CityPageFactory(
        title="Oslo", slug="oslo", country=Country.NORWAY, parent=stockholm.get_parent()
    )
    practice = PracticePageFactory(parent=stockholm)
    search_index.rebuild()

    with django_capture_on_commit_callbacks(execute=True):
        practice.move(oslo, pos="last-child")

    (request,) = elasticsearch.requests_to("PUT", f"/{ALIAS}/_doc/{practice.pk}")
    assert (request.body["city"], request.body["country"]) == ("oslo", "NO")


@pytest.mark.django_db
def test_publishing_a_city_reindexes_its_practices(
    elasticsearch, stockholm, django_capture_on_commit_callbacks
):
    practices = [PracticePageFactory(parent=stockholm) for _ in range(2)]
    PracticePageFactory(parent=stockholm, live=False)
    search_index.rebuild()
    stockholm.country = Country.FINLAND

    with django_capture_on_commit_callbacks(execute=True):
        publish(stockholm)

    bulk = elasticsearch.requests_to("PUT", "/_bulk") + elasticsearch.requests_to("POST", "/_bulk")
    assert bulk[-1].params["require_alias"] == "true"
    assert [line["index"]["_id"] for line in bulk[-1].body[0::2]] == [str(p.pk) for p in practices]
    assert {doc["country"] for doc in elasticsearch.docs(ALIAS).values()} == {"FI"}


@pytest.mark.django_db
def test_a_view_restriction_takes_the_practice_out_and_lifting_it_puts_it_back(
    elasticsearch, stockholm, django_capture_on_commit_callbacks
):
    practice = PracticePageFactory(parent=stockholm)
    search_index.rebuild()

    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=stockholm, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
    assert elasticsearch.docs(ALIAS) == {}

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert list(elasticsearch.docs(ALIAS)) == [str(practice.pk)]


@pytest.mark.django_db
def test_before_the_first_rebuild_a_publish_creates_no_index_and_is_logged(
    elasticsearch, stockholm, django_capture_on_commit_callbacks, caplog
):
    practice = PracticePageFactory(parent=stockholm, live=False)

    with (
        caplog.at_level(logging.ERROR, logger="practices.search_index"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        publish(practice)

    assert elasticsearch.requests_to("PUT", "/_doc/")
    assert elasticsearch.indices == {}
    assert f"Could not update practice {practice.pk}" in caplog.text
    assert PracticePage.objects.get(pk=practice.pk).live


@pytest.mark.django_db
def test_without_elasticsearch_url_nothing_is_sent(
    elasticsearch, settings, stockholm, django_capture_on_commit_callbacks
):
    settings.ELASTICSEARCH_URL = ""
    practice = PracticePageFactory(parent=stockholm, live=False)
    out = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        publish(practice)
        practice.unpublish()
    call_command("rebuild_practice_index", stdout=out)

    assert search_index.rebuild() == 0
    assert elasticsearch.requests == []
    assert "ELASTICSEARCH_URL is not set" in out.getvalue()


# Searching, over HTTP.


@pytest.mark.django_db
def test_a_search_response_becomes_practices_in_its_order_with_labelled_counts(
    elasticsearch, stockholm, django_assert_max_num_queries
):
    walks = CharterGoal.objects.get(
        locale__language_code="en", slug="safe-urban-spaces", locale=Locale.get_default()
    )
    online = CharterGoal.objects.get(
        locale__language_code="en", slug="safe-online-sphere", locale=Locale.get_default()
    )
    first = PracticePageFactory(parent=stockholm, charter_goals=[walks], tags=["Lighting"])
    second = PracticePageFactory(parent=stockholm, charter_goals=[walks, online])
    third = PracticePageFactory(parent=stockholm, charter_goals=[online])
    search_index.rebuild()

    def newest_first(body, index):
        answer = elasticsearch.answer_search(body, index)
        answer["hits"]["hits"].reverse()
        return answer

    elasticsearch.search_response = newest_first
    query = LibraryQuery(filters=(("country", ("IS",)), ("goal", ("safe-urban-spaces",))))

    # The locale; the cards (public pages only, goals and themes prefetched): four; and
    # at most one query for the labels of each of the five facets kept in tables.
    with translation.override("en"), django_assert_max_num_queries(10):
        result = library_es.search(query)

    (request,) = elasticsearch.requests_to("POST", f"/{ALIAS}/_search")
    assert request.body["post_filter"]["bool"]["must"][0] == {"terms": {"country": ["IS"]}}
    assert result.practices == [third, second, first]
    assert result.total == 3
    # Goals in their charter order, as the database backend lists them.
    assert [value.value for value in result.facets["goal"]] == [
        goal.slug for goal in sorted([walks, online], key=lambda goal: goal.number)
    ]
    goals = {value.value: value for value in result.facets["goal"]}
    assert (goals["safe-urban-spaces"].label, goals["safe-urban-spaces"].count) == (walks.name, 2)
    assert goals["safe-urban-spaces"].selected
    assert (goals["safe-online-sphere"].label, goals["safe-online-sphere"].count) == (
        online.name,
        2,
    )
    assert not goals["safe-online-sphere"].selected
    countries = [(v.value, v.label, v.count, v.selected) for v in result.facets["country"]]
    # A selected value that no practice has is still shown, with no practices.
    assert countries == [("SE", "Sweden", 3, False), ("IS", "Iceland", 0, True)]
    assert [(v.label, v.count) for v in result.facets["city"]] == [("Stockholm", 3)]
    assert [(v.label, v.count) for v in result.facets["tag"]] == [("Lighting", 1)]
    assert [v.label for v in result.facets["status"]] == ["Ongoing"]
    assert result.facets["target_group"] == []


@pytest.mark.django_db
def test_a_facet_lists_at_most_twenty_values_keeping_the_selected_ones(elasticsearch, stockholm):
    tags = [f"Topic {number:02}" for number in range(1, 26)]
    PracticePageFactory(parent=stockholm, tags=tags)
    search_index.rebuild()

    with translation.override("en"):
        result = library_es.search(LibraryQuery(filters=(("tag", ("topic-25",)),)))

    listed = [(value.label, value.selected) for value in result.facets["tag"]]
    assert len(listed) == MAX_VALUES_PER_FACET
    assert listed[:19] == [(label, False) for label in tags[:19]]
    assert ("Topic 25", True) in listed


@pytest.mark.django_db
def test_a_page_past_the_last_gives_the_last_page(elasticsearch, stockholm):
    practices = [PracticePageFactory(parent=stockholm) for _ in range(3)]
    search_index.rebuild()

    with translation.override("en"):
        result = library_es.search(LibraryQuery(page=5, per_page=2))

    first, second = elasticsearch.requests_to("POST", "/_search")
    assert (first.body["from"], second.body["from"]) == (8, 2)
    assert result.query.page == 2
    assert result.practices == practices[2:]


@pytest.mark.django_db
def test_a_practice_gone_from_the_database_is_left_out_of_the_page(elasticsearch, stockholm):
    kept = PracticePageFactory(parent=stockholm)
    gone = PracticePageFactory(parent=stockholm)
    search_index.rebuild()
    # Unpublished without the signal, as if the index had missed it.
    PracticePage.objects.filter(pk=gone.pk).update(live=False)

    with translation.override("en"):
        result = library_es.search(LibraryQuery())

    assert result.practices == [kept]


# Against a real cluster.

real_cluster = pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"),
    reason="needs a real Elasticsearch 8 cluster: set ELASTICSEARCH_URL to run it",
)


@pytest.fixture
def cluster(settings):
    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    settings.ELASTICSEARCH_INDEX_PREFIX = f"test-{uuid.uuid4().hex[:12]}"
    es = search_index.client()
    yield es
    alias = search_index.index_name()
    # Clusters refuse wildcard deletes by default (action.destructive_requires_name).
    if es.indices.exists_alias(name=alias):
        es.indices.delete(index=",".join(es.indices.get_alias(name=alias)))


@real_cluster
@pytest.mark.django_db
def test_a_real_cluster_finds_stems_and_counts_facets_disjunctively(cluster, stockholm):
    walks = CharterGoal.objects.get(
        locale__language_code="en", slug="safe-urban-spaces", locale=Locale.get_default()
    )
    online = CharterGoal.objects.get(
        locale__language_code="en", slug="safe-online-sphere", locale=Locale.get_default()
    )
    oslo = CityPageFactory(
        title="Oslo", slug="oslo", country=Country.NORWAY, parent=stockholm.get_parent()
    )
    # Words the factories' summary and body do not use, so only the titles match.
    paths = PracticePageFactory(
        parent=stockholm, title="Lights for cycle paths", charter_goals=[walks]
    )
    school = PracticePageFactory(parent=oslo, title="Cycling school bus", charter_goals=[online])
    graffiti = PracticePageFactory(
        parent=oslo, title="Graffiti removal within a day", charter_goals=[walks]
    )
    swedish = Locale.objects.get_or_create(language_code="sv")[0]
    trygg = PracticePageFactory(
        parent=stockholm, locale=swedish, title="Trygghetsvandringar i centrum"
    )
    search_index.rebuild()

    with translation.override("en"):
        by_title = library_es.search(LibraryQuery(sort="title"))
        stemmed = library_es.search(LibraryQuery(text="cycles", sort="title"))
        every_word = library_es.search(LibraryQuery(text="cycling bus"))
        narrowed = library_es.search(
            LibraryQuery(filters=(("country", ("NO",)), ("goal", ("safe-urban-spaces",))))
        )
    with translation.override("sv"):
        swedish_stem = library_es.search(LibraryQuery(text="trygghetsvandring"))

    assert by_title.practices == [school, graffiti, paths]
    assert stemmed.practices == [school, paths]
    assert every_word.practices == [school]
    assert narrowed.practices == [graffiti]
    counts = {name: {v.value: v.count for v in values} for name, values in narrowed.facets.items()}
    # Goals are counted within Norway, countries within the goal.
    assert counts["goal"] == {"safe-urban-spaces": 1, "safe-online-sphere": 1}
    assert counts["country"] == {"SE": 1, "NO": 1}
    assert counts["city"] == {"oslo": 1}
    assert swedish_stem.practices == [trygg]


@pytest.mark.django_db
def test_a_rebuild_loses_no_publish_or_unpublish_made_while_it_runs(elasticsearch, stockholm):
    first, second, third = (PracticePageFactory(parent=stockholm) for _ in range(3))
    search_index.rebuild()
    late = PracticePageFactory(parent=stockholm, live=False, title="Published mid-rebuild")

    def meanwhile(done, total):
        # Editors on other servers, whose changes reach the index once committed.
        if done == 1:
            publish(late)
            search_index.sync_practice(late.pk)
            third.unpublish()
            search_index.sync_practice(third.pk)

    search_index.rebuild(progress=meanwhile)

    docs = elasticsearch.docs(ALIAS)
    assert docs[str(late.pk)]["title"] == "Published mid-rebuild"
    assert str(third.pk) not in docs
    assert {str(first.pk), str(second.pk)} <= set(docs)
    assert search_index.rebuilding_index() is None


@pytest.mark.django_db
def test_outside_a_rebuild_a_publish_is_one_write_to_the_index(
    elasticsearch, stockholm, django_capture_on_commit_callbacks
):
    search_index.rebuild()
    practice = PracticePageFactory(parent=stockholm, live=False)
    elasticsearch.requests.clear()

    with django_capture_on_commit_callbacks(execute=True):
        publish(practice)

    writes = [r for r in elasticsearch.requests if r.method in {"PUT", "POST", "DELETE"}]
    assert [(r.method, r.path) for r in writes] == [("PUT", f"/{ALIAS}/_doc/{practice.pk}")]


# When the cluster cannot be reached.

# The discard port: nothing listens there, so every connection is refused at once.
UNREACHABLE = "http://127.0.0.1:9"


@pytest.mark.django_db
def test_the_library_answers_from_the_database_and_logs_when_the_cluster_is_down(
    client, section, stockholm, settings, caplog
):
    library = section(PracticeIndexPage)
    PracticePageFactory(parent=stockholm, title="Night buses")
    settings.ELASTICSEARCH_URL = UNREACHABLE

    response = client.get(library.url, {"q": "buses"})

    assert response.status_code == 200
    assert "Night buses" in response.content.decode()
    assert "The practice library answers from the database" in caplog.text


@pytest.mark.django_db
def test_site_search_answers_from_the_database_and_logs_when_the_cluster_is_down(
    client, stockholm, settings, caplog
):
    PracticePageFactory(parent=stockholm, title="Night buses")
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [UNREACHABLE],
            "INDEX": "safecities",
            "TIMEOUT": 1,
        },
        "database": {"BACKEND": "wagtail.search.backends.database"},
    }

    response = client.get("/search/", {"q": "buses"})

    assert response.status_code == 200
    assert "Night buses" in response.content.decode()
    assert "Site search answers from the database" in caplog.text
