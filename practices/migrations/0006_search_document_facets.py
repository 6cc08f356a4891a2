"""Each practice's facet values, stored beside its search document on PostgreSQL.

The library counts all its facets in one pass over the matching practices' ``facets``
arrays ("goal:safe-communities", "country:SE", ...), instead of one aggregate query per
facet over the relations. The values live in the practice row, its city (country and
slug), the through tables of its goals, themes and target groups, and its tags; triggers
rewrite the array whenever any of these change, whatever writes them: Wagtail's publish
(which saves the practice row, then writes the through tables and tags), imports, bulk
loads, a term's or a tag's new slug, a city's new slug or country. On other databases
only the (unused) column is added.
"""

import django.contrib.postgres.fields
from django.db import migrations, models

# The facet names are those of practices.library.FACETS, which the URLs use.
FACETS_SQL = """
CREATE FUNCTION practices_facet_values(practice_ids bigint[])
RETURNS TABLE (practice_id bigint, facets text[]) LANGUAGE sql STABLE AS $$
    SELECT practice.page_ptr_id, ARRAY(
        SELECT DISTINCT facet.name || ':' || facet.value
        FROM (
            VALUES ('status', practice.status),
                ('evidence', practice.evidence_level),
                ('prevention_level', practice.prevention_level),
                ('country', city.country),
                ('city', city_page.slug)
            UNION ALL
            SELECT 'goal', goal.slug FROM practices_practicepage_charter_goals link
            JOIN portal_chartergoal goal ON goal.id = link.chartergoal_id
            WHERE link.practicepage_id = practice.page_ptr_id
            UNION ALL
            SELECT 'theme', theme.slug FROM practices_practicepage_capital_code_themes link
            JOIN portal_capitalcodetheme theme ON theme.id = link.capitalcodetheme_id
            WHERE link.practicepage_id = practice.page_ptr_id
            UNION ALL
            SELECT 'target_group', target_group.slug FROM practices_practicepage_target_groups link
            JOIN practices_targetgroup target_group ON target_group.id = link.targetgroup_id
            WHERE link.practicepage_id = practice.page_ptr_id
            UNION ALL
            SELECT 'tag', tag.slug FROM practices_practicepagetag tagged
            JOIN taggit_tag tag ON tag.id = tagged.tag_id
            WHERE tagged.content_object_id = practice.page_ptr_id
        ) facet (name, value)
        -- A practice without a value (no prevention level) has none of that facet.
        WHERE facet.value <> ''
        ORDER BY 1
    )
    FROM practices_practicepage practice
    LEFT JOIN cities_citypage city ON city.page_ptr_id = practice.city_id
    LEFT JOIN wagtailcore_page city_page ON city_page.id = practice.city_id
    WHERE practice.page_ptr_id = ANY(practice_ids)
$$;

-- A practice's own row and its tags feed both its words and its facets: one write.
CREATE OR REPLACE FUNCTION practices_refresh_search_documents(
    practice_ids bigint[], "create" boolean
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF "create" THEN
        INSERT INTO practices_practicesearchdocument (practice_id, document, facets)
        SELECT words.practice_id, words.document, facets.facets
        FROM practices_search_documents(practice_ids) words
        JOIN practices_facet_values(practice_ids) facets USING (practice_id)
        ON CONFLICT (practice_id) DO UPDATE
        SET document = EXCLUDED.document, facets = EXCLUDED.facets;
    ELSE
        UPDATE practices_practicesearchdocument stored
        SET document = new.document, facets = new.facets
        FROM (
            SELECT words.practice_id, words.document, facets.facets
            FROM practices_search_documents(practice_ids) words
            JOIN practices_facet_values(practice_ids) facets USING (practice_id)
        ) new
        WHERE stored.practice_id = new.practice_id;
    END IF;
END
$$;

-- Only existing documents are rewritten (a relation removed while its practice is being
-- deleted must not bring the practice back), and only where the values changed: saving a
-- page rewrites its relations as they were.
CREATE FUNCTION practices_refresh_facets(practice_ids bigint[]) RETURNS void
LANGUAGE sql AS $$
    UPDATE practices_practicesearchdocument stored SET facets = new.facets
    FROM practices_facet_values(practice_ids) new
    WHERE stored.practice_id = new.practice_id AND stored.facets IS DISTINCT FROM new.facets
$$;

CREATE FUNCTION practices_links_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_facets(ARRAY(SELECT DISTINCT practicepage_id FROM changed));
    RETURN NULL;
END
$$;

CREATE FUNCTION practices_links_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_facets(ARRAY(
        SELECT practicepage_id FROM old_links UNION SELECT practicepage_id FROM new_links
    ));
    RETURN NULL;
END
$$;

-- A goal's, theme's or target group's new slug; the trigger names the through table and
-- its column of term ids.
CREATE FUNCTION practices_term_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format(
        'SELECT practices_refresh_facets(ARRAY(SELECT practicepage_id FROM %I WHERE %I = $1))',
        TG_ARGV[0], TG_ARGV[1]
    ) USING NEW.id;
    RETURN NULL;
END
$$;

-- A page's new slug: if the page is a city, its practices' "city:" value.
CREATE FUNCTION practices_city_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_facets(ARRAY(
        SELECT page_ptr_id FROM practices_practicepage WHERE city_id = NEW.id
    ));
    RETURN NULL;
END
$$;

CREATE FUNCTION practices_city_moved_country() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_facets(ARRAY(
        SELECT page_ptr_id FROM practices_practicepage WHERE city_id = NEW.page_ptr_id
    ));
    RETURN NULL;
END
$$;
"""

LINK_TABLES = [
    ("practices_practicepage_charter_goals", "portal_chartergoal", "chartergoal_id"),
    (
        "practices_practicepage_capital_code_themes",
        "portal_capitalcodetheme",
        "capitalcodetheme_id",
    ),
    ("practices_practicepage_target_groups", "practices_targetgroup", "targetgroup_id"),
]


def link_triggers(table, term_table, term_column):
    return f"""
CREATE TRIGGER practices_facets_linked AFTER INSERT ON {table}
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
EXECUTE FUNCTION practices_links_changed();
CREATE TRIGGER practices_facets_unlinked AFTER DELETE ON {table}
REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
EXECUTE FUNCTION practices_links_changed();
CREATE TRIGGER practices_facets_relinked AFTER UPDATE ON {table}
REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT
EXECUTE FUNCTION practices_links_updated();
CREATE TRIGGER practices_facets_term_renamed AFTER UPDATE OF slug ON {term_table}
FOR EACH ROW WHEN (OLD.slug IS DISTINCT FROM NEW.slug)
EXECUTE FUNCTION practices_term_renamed('{table}', '{term_column}');
"""


CITY_TRIGGERS_SQL = """
CREATE TRIGGER practices_facets_city_renamed AFTER UPDATE OF slug ON wagtailcore_page
FOR EACH ROW WHEN (OLD.slug IS DISTINCT FROM NEW.slug)
EXECUTE FUNCTION practices_city_renamed();
CREATE TRIGGER practices_facets_city_country AFTER UPDATE OF country ON cities_citypage
FOR EACH ROW WHEN (OLD.country IS DISTINCT FROM NEW.country)
EXECUTE FUNCTION practices_city_moved_country();
"""

INDEX_AND_BACKFILL_SQL = """
-- The library filters the results by facet values; with a text search, PostgreSQL can
-- combine this index with the documents' (a BitmapAnd).
CREATE INDEX practices_search_document_facets_gin
ON practices_practicesearchdocument USING gin (facets);

-- Practices already in the database.
UPDATE practices_practicesearchdocument stored SET facets = new.facets
FROM practices_facet_values(ARRAY(SELECT practice_id FROM practices_practicesearchdocument)) new
WHERE stored.practice_id = new.practice_id;
"""

# Migration 0005's function, which wrote the document alone.
DOCUMENTS_ONLY_SQL = """
CREATE OR REPLACE FUNCTION practices_refresh_search_documents(
    practice_ids bigint[], "create" boolean
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF "create" THEN
        INSERT INTO practices_practicesearchdocument (practice_id, document)
        SELECT new.practice_id, new.document FROM practices_search_documents(practice_ids) new
        ON CONFLICT (practice_id) DO UPDATE SET document = EXCLUDED.document;
    ELSE
        UPDATE practices_practicesearchdocument stored SET document = new.document
        FROM practices_search_documents(practice_ids) new
        WHERE stored.practice_id = new.practice_id;
    END IF;
END
$$;
"""


def drop_sql():
    statements = []
    for table, term_table, _column in LINK_TABLES:
        statements += [
            f"DROP TRIGGER practices_facets_linked ON {table};",
            f"DROP TRIGGER practices_facets_unlinked ON {table};",
            f"DROP TRIGGER practices_facets_relinked ON {table};",
            f"DROP TRIGGER practices_facets_term_renamed ON {term_table};",
        ]
    statements += [
        "DROP TRIGGER practices_facets_city_renamed ON wagtailcore_page;",
        "DROP TRIGGER practices_facets_city_country ON cities_citypage;",
        "DROP INDEX practices_search_document_facets_gin;",
        DOCUMENTS_ONLY_SQL,
        "DROP FUNCTION practices_city_moved_country();",
        "DROP FUNCTION practices_city_renamed();",
        "DROP FUNCTION practices_term_renamed();",
        "DROP FUNCTION practices_links_updated();",
        "DROP FUNCTION practices_links_changed();",
        "DROP FUNCTION practices_refresh_facets(bigint[]);",
        "DROP FUNCTION practices_facet_values(bigint[]);",
    ]
    return "\n".join(statements)


def create_facet_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        link_triggers_sql = [link_triggers(*tables) for tables in LINK_TABLES]
        sql = [FACETS_SQL, *link_triggers_sql, CITY_TRIGGERS_SQL, INDEX_AND_BACKFILL_SQL]
        # No parameters: the driver would take format()'s %I for a placeholder.
        schema_editor.execute("".join(sql), None)


def drop_facet_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(drop_sql(), None)


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0005_search_documents"),
    ]

    operations = [
        migrations.AddField(
            model_name="practicesearchdocument",
            name="facets",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.TextField(), null=True, size=None
            ),
        ),
        migrations.RunPython(create_facet_triggers, drop_facet_triggers),
    ]
