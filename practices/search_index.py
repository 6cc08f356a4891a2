"""The practice library's Elasticsearch index: one document per live, public practice.

The library's facets are keyword fields holding the same slugs and codes as its URLs;
the text is analysed in the practice's own language. Editors' changes reach the index
through ``practices.signal_handlers``; ``manage.py rebuild_practice_index`` builds it
afresh. Every function here does nothing unless ``ELASTICSEARCH_URL`` is set.

Writes go through an alias (``index_name()``): a rebuild fills a new index and then
moves the alias to it in one step, so the library keeps answering during a rebuild.
While it runs, editors' changes are written to the new index as well (its name is in
the shared cache), so none is lost when the alias moves.
"""

import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.utils import timezone
from elastic_transport import TransportError
from elasticsearch import ApiError
from elasticsearch.dsl import (
    Date,
    Document,
    Integer,
    Keyword,
    MetaField,
    Text,
    connections,
    normalizer,
)
from elasticsearch.helpers import BulkIndexError, streaming_bulk
from wagtail.models import PageLogEntry

from .facets import LIBRARY_FACETS, STEMMERS, TEXT_FIELDS
from .models import PracticePage

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
# The index a rebuild is filling, in the cache every server shares.
REBUILDING = "practices:search-index:rebuilding"
# A rebuild that crashed stops drawing writes to its index after this long.
REBUILD_TIMEOUT = 6 * 60 * 60


def _language_text():
    """Text analysed once with the standard analyzer and once per language; a practice
    is searched through the sub-field of its own language. Icelandic, which has no
    stemming analyzer, is searched with the standard analyzer of the main field."""
    return Text(
        analyzer="standard",
        fields={code: Text(analyzer=name) for code, name in STEMMERS.items()},
    )


def text_fields(language_code):
    """The text fields to search for a language, weighted, as multi_match wants them:
    analysed in the language, and word for word (a Swedish term in an English text)."""
    suffixes = [f".{language_code}", ""] if language_code in STEMMERS else [""]
    return [f"{field.name}{suffix}^{field.weight}" for suffix in suffixes for field in TEXT_FIELDS]


# The searched text and the facets, as practices.facets defines them; a document's fields
# are the attributes of its class, so these are those of a base class.
SearchedFields = type(Document)(
    "SearchedFields",
    (Document,),
    {
        "__module__": __name__,
        **{field.name: _language_text() for field in TEXT_FIELDS},
        **{name: Keyword(multi=facet.many) for name, facet in LIBRARY_FACETS.items()},
    },
)


class PracticeDocument(SearchedFields):
    page_id = Integer()
    locale = Keyword()
    title_sort = Keyword(normalizer=normalizer("title_sort", filter=["lowercase"]))
    first_published_at = Date()
    city_title = Keyword()
    tag_name = Keyword(multi=True)

    class Index:
        # One shard keeps the facets' terms counts exact; a library of a few thousand
        # practices is far below what one shard holds.
        settings = {"number_of_shards": 1}

    class Meta:
        # A field the mapping does not know is a bug here, not something to guess a type for.
        dynamic = MetaField("strict")


def index_name():
    prefix = getattr(settings, "ELASTICSEARCH_INDEX_PREFIX", "") or "safecities"
    return f"{prefix}-practices"


def client():
    """The client for ELASTICSEARCH_URL, created once per URL and reused."""
    url = settings.ELASTICSEARCH_URL
    try:
        return connections.get_connection(url)
    except KeyError:
        return connections.create_connection(alias=url, hosts=[url], request_timeout=5)


def indexable_practices():
    relations = {facet.relation for facet in LIBRARY_FACETS.values() if facet.relation}
    relations |= {field.relation for field in TEXT_FIELDS if field.relation}
    many = {name for name in relations if PracticePage._meta.get_field(name).many_to_many}
    return (
        PracticePage.objects.live()
        .public()
        .select_related("locale", *sorted(relations - many))
        .prefetch_related(*sorted(many))
    )


def _searchable_text(page, field):
    if field.relation:
        items = getattr(page, field.relation).all()
        return " ".join(sorted(str(getattr(item, field.value)) for item in items))
    model_field = PracticePage._meta.get_field(field.value)
    value = getattr(page, field.value)
    if hasattr(model_field, "get_searchable_content"):
        return "\n".join(str(text) for text in model_field.get_searchable_content(value))
    return value


def practice_document(page):
    """The index document of a practice (one of ``indexable_practices()``)."""
    facets = {}
    for name, facet in LIBRARY_FACETS.items():
        values = facet.values_of(page)
        facets[name] = values if facet.many else next(iter(values), None)
    return PracticeDocument(
        meta={"id": page.pk},
        page_id=page.pk,
        locale=page.locale.language_code,
        title_sort=page.title,
        first_published_at=page.first_published_at,
        city_title=page.city.title,
        tag_name=sorted(tag.name for tag in page.tags.all()),
        **{field.name: _searchable_text(page, field) for field in TEXT_FIELDS},
        **facets,
    )


def rebuilding_index():
    """The index a running rebuild is filling, or None."""
    return cache.get(REBUILDING)


def index_practice(page):
    if not settings.ELASTICSEARCH_URL:
        return
    document = practice_document(page).to_dict()
    if rebuilding := rebuilding_index():
        client().index(index=rebuilding, id=str(page.pk), document=document)
    # require_alias: before the first rebuild there is no index, and writing a document
    # would make Elasticsearch create one with guessed field types.
    client().index(index=index_name(), id=str(page.pk), document=document, require_alias=True)


def remove_practice(page_id):
    if not settings.ELASTICSEARCH_URL:
        return
    for index in filter(None, [rebuilding_index(), index_name()]):
        client().options(ignore_status=404).delete(index=index, id=str(page_id))


def sync_practice(page_id):
    """Bring one practice's document in line with the database: indexed while the page
    is live and public, removed once it is unpublished, restricted or deleted.

    Run after the transaction commits; a search service that is down must not undo or
    fail an editor's publish, so errors are logged, and a rebuild catches up.
    """
    if not settings.ELASTICSEARCH_URL:
        return
    page = indexable_practices().filter(pk=page_id).first()
    try:
        if page is None:
            remove_practice(page_id)
        else:
            index_practice(page)
    except (ApiError, TransportError):
        logger.exception("Could not update practice %s in the search index", page_id)


def _bulk_actions(pages, index, op_type="index"):
    for page in pages:
        yield {
            "_op_type": op_type,
            "_index": index,
            "_id": str(page.pk),
            "_source": practice_document(page).to_dict(),
        }


def _sync_into(index, page_ids, **bulk_options):
    indexable = indexable_practices().filter(pk__in=page_ids).order_by("pk")
    indexed = {page.pk for page in indexable}
    actions = [
        *_bulk_actions(indexable, index),
        *(
            {"_op_type": "delete", "_index": index, "_id": str(pk)}
            for pk in page_ids
            if pk not in indexed
        ),
    ]
    for ok, item in streaming_bulk(
        client(), actions, BATCH_SIZE, raise_on_error=False, **bulk_options
    ):
        ((operation, outcome),) = item.items()
        if not ok and outcome.get("result") != "not_found":
            logger.error(
                "Could not %s practice %s in the search index: %s",
                operation,
                outcome.get("_id"),
                outcome.get("error"),
            )


def sync_practices(page_ids):
    """``sync_practice`` for many practices, in bulk requests."""
    if not settings.ELASTICSEARCH_URL or not page_ids:
        return
    try:
        if rebuilding := rebuilding_index():
            _sync_into(rebuilding, page_ids)
        _sync_into(index_name(), page_ids, require_alias=True)
    except (ApiError, TransportError):
        logger.exception("Could not update practices %s in the search index", page_ids)


def practices_changed_since(moment):
    """The practices published, unpublished, moved or deleted since ``moment``, as
    Wagtail's log of page actions tells."""
    return list(
        PageLogEntry.objects.filter(
            timestamp__gte=moment, content_type=ContentType.objects.get_for_model(PracticePage)
        )
        .values_list("page_id", flat=True)
        .distinct()
    )


def rebuild(progress=None):
    """Index every live, public practice in a new index, then point the alias at it and drop
    the old index. ``progress(done, total)`` is called after each practice.

    Returns the number of practices indexed.
    """
    if not settings.ELASTICSEARCH_URL:
        return 0
    es = client()
    alias = index_name()
    started = timezone.now()
    new_index = f"{alias}-{started:%Y%m%d%H%M%S%f}"
    PracticeDocument.init(index=new_index, using=es)
    # From here on every change an editor publishes is written to the new index too.
    cache.set(REBUILDING, new_index, REBUILD_TIMEOUT)
    pages = indexable_practices().order_by("pk")
    total = pages.count()
    done = 0
    try:
        # "create": a document a publish wrote meanwhile is newer than the one read here.
        for ok, item in streaming_bulk(
            es,
            _bulk_actions(pages.iterator(chunk_size=BATCH_SIZE), new_index, op_type="create"),
            BATCH_SIZE,
            raise_on_error=False,
        ):
            if not ok and item["create"].get("status") != 409:
                raise BulkIndexError("Could not index a practice", [item])
            done += 1
            if progress:
                progress(done, total)
        # A practice read before an editor unpublished or deleted it may have been sent
        # after the change reached the new index: bring those in line once more.
        _sync_into(new_index, practices_changed_since(started))
        es.indices.refresh(index=new_index)
        old_indices = (
            list(es.indices.get_alias(name=alias)) if es.indices.exists_alias(name=alias) else []
        )
        es.indices.update_aliases(
            actions=[
                {"add": {"index": new_index, "alias": alias}},
                *({"remove_index": {"index": old}} for old in old_indices),
            ]
        )
    except Exception:
        es.options(ignore_status=404).indices.delete(index=new_index)
        raise
    finally:
        cache.delete(REBUILDING)
    return done
