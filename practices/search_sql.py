"""The SQL that keeps each practice's stored search document, facet values and languages
(``PracticeSearchDocument``) current on PostgreSQL, rendered from ``practices.facets``
and the models' ``_meta``: no table or column is named by hand.

Triggers rewrite the stored values whatever writes the practice or what they depend on
(the admin, imports, bulk loads): the practice's row, its tags, goals, themes and target
groups (the link tables and the terms' slugs), its city's slug and country, the
publishing and deleting of its translations, and a new locale.

The rendered SQL is kept, as written, in a migration (``SEARCH_SQL``, ``BACKFILL_SQL``),
so that every migration installs what the models were when it was written, and
``manage.py search_sql_migration`` writes a new one. Once a field the SQL names is
renamed, or a facet changes, the latest migration's SQL is no longer what ``render()``
gives: the system check below warns (``makemigrations`` and ``manage.py check`` show
it) and ``tests/practices/test_search_sql.py`` fails, before any publish can.
"""

import difflib
import sys
from dataclasses import dataclass

from django.apps import apps as global_apps
from django.core import checks
from django.core.exceptions import FieldDoesNotExist
from django.db.migrations.loader import MigrationLoader
from wagtail.fields import StreamField

from .facets import LIBRARY_FACETS, STEMMERS, TEXT_FIELDS

# Every function and trigger rendered here is named with this prefix; installing the
# SQL first drops every one so named, so that none the models no longer give survives.
PREFIX = "practices_"
# PostgreSQL's weights, from the heaviest; TEXT_FIELDS weigh 3, 2 and 1.
WEIGHTS = {3: "A", 2: "B", 1: "C"}


def quote(name):
    return f'"{name}"'


def column(model, name):
    return quote(model._meta.get_field(name).column)


def table(model):
    return quote(model._meta.db_table)


def pk(model):
    return quote(model._meta.pk.column)


@dataclass(frozen=True)
class Link:
    """A practice's many-to-many relation, through its link table."""

    through: type
    practice_column: str  # the link table's column of practice ids
    target_column: str  # its column of the related rows' ids
    target: type  # the related model

    @classmethod
    def of(cls, practice, name):
        field = practice._meta.get_field(name)
        through = field.remote_field.through
        columns = {
            foreign_key.related_model: quote(foreign_key.column)
            for foreign_key in through._meta.concrete_fields
            if foreign_key.many_to_one
        }
        return cls(
            through=through,
            practice_column=columns[practice],
            target_column=columns[field.related_model],
            target=field.related_model,
        )

    def rows(self, practice_id, indent):
        """FROM and WHERE of the related rows (``term``) of the practice ``practice_id``."""
        return f"\n{indent}".join(
            [
                f"{table(self.through)} link",
                f"JOIN {table(self.target)} term "
                f"ON term.{pk(self.target)} = link.{self.target_column}",
                f"WHERE link.{self.practice_column} = {practice_id}",
            ]
        )


class Schema:
    """The models' tables and columns in an app registry: the project's, or a migration
    state's."""

    def __init__(self, apps):
        self.practice = apps.get_model("practices", "PracticePage")
        self.document = apps.get_model("practices", "PracticeSearchDocument")
        self.page = self.practice._meta.get_field("translation_key").model
        self.locale = self.page._meta.get_field("locale").related_model

    def on_page(self, name):
        """Whether a field of the practice is in its page's table rather than its own."""
        model = self.practice._meta.get_field(name).model
        if model not in (self.practice, self.page):
            raise ValueError(f"{name} is neither the practice's field nor its page's")
        return model is self.page

    def practice_column(self, name):
        """A field of the practice, from its table ("practice") or its page's ("page")."""
        alias = "page" if self.on_page(name) else "practice"
        return f"{alias}.{column(self.practice, name)}"

    def page_join(self):
        """The practice's page, joined to the practice."""
        return (
            f"JOIN {table(self.page)} page ON page.{pk(self.page)} = practice.{pk(self.practice)}"
        )

    def relation(self, name):
        return self.practice._meta.get_field(name)

    def link(self, name):
        return Link.of(self.practice, name)


def render(apps=global_apps):
    """The SQL a migration keeps, by the names of its constants: ``SEARCH_SQL`` installs
    the functions and triggers, ``BACKFILL_SQL`` brings every practice's stored values in
    line with them."""
    schema = Schema(apps)
    search_sql = [
        DROP_SQL,
        search_words_sql(),
        search_documents_sql(schema),
        facet_values_sql(schema),
        shown_in_sql(schema),
        refresh_sql(schema),
        practice_triggers_sql(schema),
        text_link_triggers_sql(schema),
        facet_link_triggers_sql(schema),
        related_row_triggers_sql(schema),
    ]
    return {"SEARCH_SQL": "\n".join(search_sql), "BACKFILL_SQL": backfill_sql(schema)}


DROP_SQL = f"""-- Every function and trigger installed before, by this SQL or an older one.
DO $$
DECLARE target record;
BEGIN
    FOR target IN
        SELECT tgname, tgrelid::regclass AS on_table FROM pg_trigger
        WHERE NOT tgisinternal AND starts_with(tgname, '{PREFIX}')
    LOOP
        EXECUTE format('DROP TRIGGER %I ON %s', target.tgname, target.on_table);
    END LOOP;
    FOR target IN
        SELECT oid::regprocedure AS function FROM pg_proc
        WHERE starts_with(proname, '{PREFIX}') AND pronamespace = current_schema()::regnamespace
    LOOP
        EXECUTE format('DROP FUNCTION %s', target.function);
    END LOOP;
END
$$;
"""


def search_words_sql():
    cases = "".join(f"\n        WHEN '{code}' THEN '{config}'" for code, config in STEMMERS.items())
    return f"""
-- The text-search configuration of a practice's language (practices.facets.STEMMERS).
CREATE FUNCTION practices_search_config(language_code text) RETURNS regconfig
LANGUAGE sql IMMUTABLE AS $$
    SELECT (CASE language_code{cases}
        ELSE 'simple'
    END)::regconfig
$$;

CREATE FUNCTION practices_search_words(
    config regconfig, heaviest text, heavy text, light text, light_blocks jsonb
) RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$
    SELECT setweight(to_tsvector(config, coalesce(heaviest, '')), 'A')
        || setweight(to_tsvector(config, coalesce(heavy, '')), 'B')
        || setweight(to_tsvector(config, coalesce(light, '')), 'C')
        -- The words in the StreamFields' block values, not their block types and ids.
        || setweight(jsonb_to_tsvector(
            config, jsonb_path_query_array(coalesce(light_blocks, '[]'), 'strict $.**.value'),
            '["string"]'
        ), 'C')
$$;
"""


def text_expressions(schema):
    """The arguments of practices_search_words after the configuration, and the joins
    of the relations whose words they read."""
    texts = {weight: [] for weight in WEIGHTS}
    blocks = []
    joins = []
    for field in TEXT_FIELDS:
        if field.relation:
            link = schema.link(field.relation)
            name = quote(field.relation)
            texts[field.weight].append(f"{name}.words")
            joins.append(
                f"""LEFT JOIN LATERAL (
        SELECT string_agg(term.{column(link.target, field.value)}, ' ') AS words
        FROM {link.rows(f"practice.{pk(schema.practice)}", " " * 8)}
    ) {name} ON true"""
            )
        elif isinstance(schema.practice._meta.get_field(field.path), StreamField):
            if field.weight != 1:
                raise ValueError(f"{field.path}: a StreamField's words weigh 1")
            blocks.append(f"{schema.practice_column(field.path)}::jsonb")
        else:
            texts[field.weight].append(schema.practice_column(field.path))

    def joined(expressions, empty):
        if len(expressions) == 1:
            return expressions[0]
        return f"concat_ws(' ', {', '.join(expressions)})" if expressions else empty

    arguments = [joined(texts[weight], "NULL::text") for weight in WEIGHTS]
    if len(blocks) > 1:
        blocks = [f"jsonb_build_array({', '.join(blocks)})"]
    arguments.append(joined(blocks, "NULL::jsonb"))
    return ",\n            ".join(arguments), "\n    ".join(joins)


def search_documents_sql(schema):
    practice = schema.practice
    arguments, joins = text_expressions(schema)
    return f"""
-- The documents of the given practices: stemmed in the practice's language, and every
-- word as written.
CREATE FUNCTION practices_search_documents(practice_ids bigint[])
RETURNS TABLE (practice_id bigint, document tsvector) LANGUAGE sql STABLE AS $$
    SELECT practice.{pk(practice)},
        practices_search_words(
            practices_search_config(locale.{column(schema.locale, "language_code")}),
            {arguments}
        )
        || practices_search_words(
            'simple',
            {arguments}
        )
    FROM {table(practice)} practice
    {schema.page_join()}
    JOIN {table(schema.locale)} locale
        ON locale.{pk(schema.locale)} = page.{column(schema.page, "locale")}
    {joins}
    WHERE practice.{pk(practice)} = ANY(practice_ids)
$$;
"""


def facet_values_sql(schema):
    practice = schema.practice
    values = []
    joins = {}
    linked = []
    for name, facet in LIBRARY_FACETS.items():
        if schema.on_page(facet.relation or facet.value):
            joins["page"] = schema.page_join()
        if not facet.relation:
            values.append(f"('{name}', {schema.practice_column(facet.value)})")
        elif facet.many:
            link = schema.link(facet.relation)
            linked.append(
                f"SELECT '{name}', term.{column(link.target, facet.value)} "
                f"FROM {link.rows(f'practice.{pk(practice)}', ' ' * 12)}"
            )
        else:
            field = schema.relation(facet.relation).related_model._meta.get_field(facet.value)
            owner = field.model
            alias = f"{facet.relation}_{owner._meta.model_name}"
            values.append(f"('{name}', {alias}.{quote(field.column)})")
            # A related page's fields are in its own table and its ancestors', each row
            # with the related page's id.
            joins[alias] = (
                f"LEFT JOIN {table(owner)} {alias} ON {alias}.{pk(owner)} = "
                f"{schema.practice_column(facet.relation)}"
            )
    rows = ",\n                ".join(values)
    others = "".join(f"\n            UNION ALL\n            {select}" for select in linked)
    joins = "\n    ".join(joins.values())
    return f"""
-- Each practice's facet values, "<facet>:<value>" (practices.facets.LIBRARY_FACETS).
CREATE FUNCTION practices_facet_values(practice_ids bigint[])
RETURNS TABLE (practice_id bigint, facets text[]) LANGUAGE sql STABLE AS $$
    SELECT practice.{pk(practice)}, ARRAY(
        SELECT DISTINCT facet.name || ':' || facet.value
        FROM (
            VALUES {rows}{others}
        ) facet (name, value)
        -- A practice without a value (no prevention level) has none of that facet.
        WHERE facet.value <> ''
        ORDER BY 1
    )
    FROM {table(practice)} practice
    {joins}
    WHERE practice.{pk(practice)} = ANY(practice_ids)
$$;
"""


def shown_in_sql(schema):
    """The languages whose visitors are shown each practice: the same rule as
    PortalPageQuerySet.in_visitor_language, a live page is shown in its own language, and
    in every language none of its live translations is in, if it is the first of them (the
    original, or the oldest translation still live). A page that is not live is shown in
    none, so the library need not read the page table to leave it out."""
    page, locale = schema.page, schema.locale
    page_id, locale_id = pk(page), pk(locale)
    page_locale = column(page, "locale")
    key = column(page, "translation_key")
    return f"""
CREATE FUNCTION practices_shown_in(practice_ids bigint[])
RETURNS TABLE (practice_id bigint, shown_in text[]) LANGUAGE sql STABLE AS $$
    SELECT page.{page_id}, ARRAY(
        SELECT locale.{column(locale, "language_code")} FROM {table(locale)} locale
        WHERE page.{column(page, "live")}
            AND (locale.{locale_id} = page.{page_locale} OR NOT EXISTS (
            SELECT FROM {table(page)} other
            WHERE other.{key} = page.{key} AND other.{column(page, "live")}
                AND other.{page_id} <> page.{page_id}
                AND (other.{page_locale} = locale.{locale_id} OR other.{page_id} < page.{page_id})
        ))
        ORDER BY 1
    )
    FROM {table(page)} page
    WHERE page.{page_id} = ANY(practice_ids)
$$;
"""


def refresh_sql(schema):
    document = schema.document
    stored = {name: column(document, name) for name in ("practice", "document", "facets")}
    shown_in = column(document, "shown_in")
    page, practice = schema.page, schema.practice
    return f"""
-- With `create` false only existing documents are rewritten: a tag removed while its
-- practice is being deleted must not bring the deleted practice's document back. A
-- document that would not change is not written (the backfill of every practice after a
-- migration would otherwise leave a dead copy of each row, and the search slow, until
-- the next vacuum). A new document is written with its languages at once: set after,
-- they left a dead copy of every new practice's row, and the table twice its size.
CREATE FUNCTION practices_refresh_search_documents(practice_ids bigint[], "create" boolean)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF "create" THEN
        -- The languages apart (MATERIALIZED), as practices_refresh_shown_in reads them:
        -- joined in, the planner ran their subquery once per practice over every page.
        WITH languages AS MATERIALIZED (SELECT * FROM practices_shown_in(practice_ids))
        INSERT INTO {table(document)} AS stored ({", ".join(stored.values())}, {shown_in})
        SELECT words.practice_id, words.document, facets.facets, languages.shown_in
        FROM practices_search_documents(practice_ids) words
        JOIN practices_facet_values(practice_ids) facets USING (practice_id)
        JOIN languages USING (practice_id)
        ON CONFLICT ({stored["practice"]}) DO UPDATE
        SET {stored["document"]} = EXCLUDED.{stored["document"]},
            {stored["facets"]} = EXCLUDED.{stored["facets"]}
        WHERE (stored.{stored["document"]}, stored.{stored["facets"]})
            IS DISTINCT FROM (EXCLUDED.{stored["document"]}, EXCLUDED.{stored["facets"]});
    ELSE
        UPDATE {table(document)} stored
        SET {stored["document"]} = new.document, {stored["facets"]} = new.facets
        FROM (
            SELECT words.practice_id, words.document, facets.facets
            FROM practices_search_documents(practice_ids) words
            JOIN practices_facet_values(practice_ids) facets USING (practice_id)
        ) new
        WHERE stored.{stored["practice"]} = new.practice_id
            AND (stored.{stored["document"]}, stored.{stored["facets"]})
                IS DISTINCT FROM (new.document, new.facets);
    END IF;
END
$$;

-- Only existing documents are rewritten (a relation removed while its practice is being
-- deleted must not bring the practice back), and only where the values changed: saving a
-- page rewrites its relations as they were.
CREATE FUNCTION practices_refresh_facets(practice_ids bigint[]) RETURNS void
LANGUAGE sql AS $$
    UPDATE {table(document)} stored SET {stored["facets"]} = new.facets
    FROM practices_facet_values(practice_ids) new
    WHERE stored.{stored["practice"]} = new.practice_id
        AND stored.{stored["facets"]} IS DISTINCT FROM new.facets
$$;

-- Which languages are shown each practice of the given groups of translations.
CREATE FUNCTION practices_refresh_shown_in(translation_keys uuid[]) RETURNS void
LANGUAGE sql AS $$
    UPDATE {table(document)} stored SET {shown_in} = new.shown_in
    FROM practices_shown_in(ARRAY(
        SELECT page.{pk(page)} FROM {table(page)} page
        JOIN {table(practice)} practice ON practice.{pk(practice)} = page.{pk(page)}
        WHERE page.{column(page, "translation_key")} = ANY(translation_keys)
    )) new
    WHERE stored.{stored["practice"]} = new.practice_id
        AND stored.{shown_in} IS DISTINCT FROM new.shown_in
$$;
"""


def practice_triggers_sql(schema):
    page, practice, document = schema.page, schema.practice, schema.document
    key = column(page, "translation_key")
    return f"""
-- A practice written: its words and facets, and (a new translation among them) which of
-- its group's translations each language is shown.
CREATE FUNCTION practices_practice_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_search_documents(
        ARRAY(SELECT {pk(practice)} FROM changed), true
    );
    PERFORM practices_refresh_shown_in(ARRAY(
        SELECT DISTINCT page.{key} FROM {table(page)} page
        WHERE page.{pk(page)} IN (SELECT {pk(practice)} FROM changed)
    ));
    RETURN NULL;
END
$$;

CREATE FUNCTION practices_page_published() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_shown_in(ARRAY[NEW.{key}]);
    RETURN NULL;
END
$$;

-- A deleted page may have been its group's original, or the translation some language
-- was shown.
CREATE FUNCTION practices_pages_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_shown_in(ARRAY(SELECT DISTINCT {key} FROM changed));
    RETURN NULL;
END
$$;

-- (In a trigger function "new" is the trigger's row: the computed rows are "computed".)
CREATE FUNCTION practices_locale_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE {table(document)} stored SET {column(document, "shown_in")} = computed.shown_in
    FROM practices_shown_in(ARRAY(SELECT {column(document, "practice")} FROM {table(document)}))
        computed
    WHERE stored.{column(document, "practice")} = computed.practice_id;
    RETURN NULL;
END
$$;

CREATE TRIGGER practices_practice_inserted AFTER INSERT ON {table(practice)}
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
EXECUTE FUNCTION practices_practice_changed();
CREATE TRIGGER practices_practice_updated AFTER UPDATE ON {table(practice)}
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
EXECUTE FUNCTION practices_practice_changed();
CREATE TRIGGER practices_page_published AFTER UPDATE OF {column(page, "live")} ON {table(page)}
FOR EACH ROW WHEN (OLD.{column(page, "live")} IS DISTINCT FROM NEW.{column(page, "live")})
EXECUTE FUNCTION practices_page_published();
CREATE TRIGGER practices_pages_deleted AFTER DELETE ON {table(page)}
REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
EXECUTE FUNCTION practices_pages_deleted();
CREATE TRIGGER practices_locale_added AFTER INSERT ON {table(schema.locale)}
FOR EACH STATEMENT EXECUTE FUNCTION practices_locale_added();
"""


def text_relations():
    """The relations whose words are in the search document (the tags)."""
    return [field.relation for field in TEXT_FIELDS if field.relation]


def text_link_triggers_sql(schema):
    """A relation whose words are in the documents (the tags) rewrites them, words and
    facets, when a practice gains or loses one, and when one changes."""
    sql = []
    for name in text_relations():
        link = schema.link(name)
        sql.append(f"""
CREATE FUNCTION practices_{name}_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_search_documents(
        ARRAY(SELECT DISTINCT {link.practice_column} FROM changed), false
    );
    RETURN NULL;
END
$$;

CREATE FUNCTION practices_{name}_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_search_documents(
        ARRAY(
            SELECT DISTINCT link.{link.practice_column} FROM {table(link.through)} link
            WHERE link.{link.target_column} IN (SELECT {pk(link.target)} FROM changed)
        ),
        false
    );
    RETURN NULL;
END
$$;

CREATE TRIGGER practices_{name}_added AFTER INSERT ON {table(link.through)}
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
EXECUTE FUNCTION practices_{name}_changed();
CREATE TRIGGER practices_{name}_removed AFTER DELETE ON {table(link.through)}
REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
EXECUTE FUNCTION practices_{name}_changed();
CREATE TRIGGER practices_{name}_renamed AFTER UPDATE ON {table(link.target)}
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
EXECUTE FUNCTION practices_{name}_renamed();
""")
    return "".join(sql)


def facet_link_triggers_sql(schema):
    """A many-valued facet's relation (goals, themes, target groups) rewrites the facets
    when its links change, and when a related row's value (its slug) changes."""
    sql = []
    for facet in LIBRARY_FACETS.values():
        if not facet.many or facet.relation in text_relations():
            continue
        link = schema.link(facet.relation)
        name = facet.relation
        value = column(link.target, facet.value)
        sql.append(f"""
CREATE FUNCTION practices_{name}_linked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_facets(ARRAY(SELECT DISTINCT {link.practice_column} FROM changed));
    RETURN NULL;
END
$$;

CREATE FUNCTION practices_{name}_relinked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_facets(ARRAY(
        SELECT {link.practice_column} FROM old_links
        UNION SELECT {link.practice_column} FROM new_links
    ));
    RETURN NULL;
END
$$;

CREATE FUNCTION practices_{name}_value_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_facets(ARRAY(
        SELECT {link.practice_column} FROM {table(link.through)}
        WHERE {link.target_column} = NEW.{pk(link.target)}
    ));
    RETURN NULL;
END
$$;

CREATE TRIGGER practices_{name}_linked AFTER INSERT ON {table(link.through)}
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
EXECUTE FUNCTION practices_{name}_linked();
CREATE TRIGGER practices_{name}_unlinked AFTER DELETE ON {table(link.through)}
REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
EXECUTE FUNCTION practices_{name}_linked();
CREATE TRIGGER practices_{name}_relinked AFTER UPDATE ON {table(link.through)}
REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT
EXECUTE FUNCTION practices_{name}_relinked();
CREATE TRIGGER practices_{name}_value_changed AFTER UPDATE OF {value} ON {table(link.target)}
FOR EACH ROW WHEN (OLD.{value} IS DISTINCT FROM NEW.{value})
EXECUTE FUNCTION practices_{name}_value_changed();
""")
    return "".join(sql)


def related_row_triggers_sql(schema):
    """A single-valued facet's related row (the city's page: slug; the city: country)
    rewrites the facets of its practices when one of the facets' values in it changes."""
    watched = {}
    for facet in LIBRARY_FACETS.values():
        if facet.relation and not facet.many:
            field = schema.relation(facet.relation).related_model._meta.get_field(facet.value)
            watched.setdefault((facet.relation, field.model), []).append(quote(field.column))
    sql = []
    for (relation, model), columns in watched.items():
        function = f"practices_{relation}_{model._meta.model_name}_changed"
        changed = " OR ".join(f"OLD.{name} IS DISTINCT FROM NEW.{name}" for name in columns)
        sql.append(f"""
CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_facets(ARRAY(
        SELECT {pk(schema.practice)} FROM {table(schema.practice)}
        WHERE {column(schema.practice, relation)} = NEW.{pk(model)}
    ));
    RETURN NULL;
END
$$;

CREATE TRIGGER {function} AFTER UPDATE OF {", ".join(columns)} ON {table(model)}
FOR EACH ROW WHEN ({changed})
EXECUTE FUNCTION {function}();
""")
    return "".join(sql)


def backfill_sql(schema):
    practice, page, document = schema.practice, schema.page, schema.document
    return f"""-- Every practice's stored values, as the functions give them.
SELECT practices_refresh_search_documents(
    ARRAY(SELECT {pk(practice)} FROM {table(practice)}), true
);
SELECT practices_refresh_shown_in(ARRAY(
    SELECT DISTINCT page.{column(page, "translation_key")} FROM {table(page)} page
    JOIN {table(practice)} practice ON practice.{pk(practice)} = page.{pk(page)}
));
-- Without fresh statistics the planner may take nearly every practice for a few and
-- count the library's facets through nested loops.
ANALYZE {table(document)};
"""


def latest_migration():
    """The latest of the practices' migrations that install search SQL (``SEARCH_SQL``),
    read from the migration files, no database needed."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    leaf = loader.graph.leaf_nodes("practices")[-1]
    latest = None
    for key in loader.graph.forwards_plan(leaf):
        migration = loader.graph.nodes[key]
        if key[0] == "practices" and hasattr(sys.modules[migration.__module__], "SEARCH_SQL"):
            latest = migration
    return latest


def changes():
    """The differences between the SQL the latest migration installs and what the models
    and facets give now, as a unified diff; empty when there are none."""
    migration = latest_migration()
    module = sys.modules[migration.__module__]
    return "".join(
        "".join(
            difflib.unified_diff(
                getattr(module, name).splitlines(keepends=True),
                sql.splitlines(keepends=True),
                fromfile=f"practices/migrations/{migration.name}.py: {name}",
                tofile=f"practices.search_sql.render(): {name}",
            )
        )
        for name, sql in render().items()
    )


def check_search_sql(app_configs, **kwargs):
    if app_configs is not None and global_apps.get_app_config("practices") not in app_configs:
        return []
    try:
        differences = changes()
    except FieldDoesNotExist as error:
        return [
            checks.Error(
                f"A facet or searched text of practices.facets names no field: {error}.",
                id="practices.E001",
            )
        ]
    if not differences:
        return []
    return [
        checks.Warning(
            "The library's search SQL on PostgreSQL is not what the models and facets give: "
            "a field it names was renamed or removed, or a facet changed.",
            hint="Run `manage.py search_sql_migration` to write a migration that installs it.",
            id="practices.W001",
        )
    ]
