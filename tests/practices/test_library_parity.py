"""Every library backend gives the same answers to the same queries (library_cases).

The database backend always runs; Elasticsearch only when ELASTICSEARCH_URL names a
cluster.
"""

import importlib
import os
import uuid

import pytest
from django.utils import translation

from .library_cases import CASES, build_library

pytestmark = pytest.mark.django_db

BACKENDS = ["database", "elasticsearch"]


@pytest.fixture
def backend(request, settings):
    # The library's own backends are under test, not Wagtail's site search: the
    # database backend finds text through Wagtail's database index on SQLite.
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    if request.param == "database":
        settings.ELASTICSEARCH_URL = ""
        yield importlib.import_module("practices.library_db"), None
        return

    if not os.environ.get("ELASTICSEARCH_URL"):
        pytest.skip("needs a real Elasticsearch 8 cluster: set ELASTICSEARCH_URL to run it")
    try:
        library_es = importlib.import_module("practices.library_es")
        search_index = importlib.import_module("practices.search_index")
    except ImportError as error:
        pytest.skip(f"the Elasticsearch backend cannot be imported: {error}")
    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    settings.ELASTICSEARCH_INDEX_PREFIX = f"test-{uuid.uuid4().hex[:12]}"
    yield library_es, search_index
    es = search_index.client()
    alias = search_index.index_name()
    if es.indices.exists_alias(name=alias):
        es.indices.delete(index=",".join(es.indices.get_alias(name=alias)))


@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
@pytest.mark.parametrize("case", CASES, ids=[case.description for case in CASES])
def test_the_backend_answers_the_case(backend, case, home):
    library, search_index = backend
    build_library(home)
    if search_index:
        search_index.rebuild()

    with translation.override("en"):
        result = library.search(case.query)

    found = [practice.title for practice in result.practices]
    if case.ordered:
        assert found == case.titles
    else:
        assert sorted(found) == sorted(case.titles)
    assert result.total == len(case.titles)
    for name, expected in case.facets.items():
        assert {value.value: value.count for value in result.facets[name]} == expected, name
        assert {value.value for value in result.facets[name] if value.selected} == set(
            case.query.selected(name)
        ), name
