"""Which visitors the library shows each practice to, and the language of its original,
stored beside its search document on PostgreSQL.

The library lists each practice once: in the visitor's language where it has a live
translation, else in its original language (``PortalPageQuerySet.in_visitor_language``).
Asked of the page table for every practice at each request, that is a join of the whole
table with itself; ``shown_in`` holds the answer per practice instead (the languages
whose visitors see this translation), so the library filters on a column of the rows it
reads anyway. It depends on the practice's translations, so triggers rewrite it for the
whole group of translations (one translation key) whenever a practice is created or
saved, a page of the group is published, unpublished or deleted, or a locale is added.

The facets gain "language:<code>", the language the practice was first written in.
"""

import django.contrib.postgres.fields
from django.db import migrations, models

# The same rule as PortalPageQuerySet.in_visitor_language: a page is shown in its own
# language, and in every language none of its live translations is in, if it is the
# first of them (the original, or the oldest translation still live).
LANGUAGES_SQL = """
CREATE FUNCTION practices_shown_in(practice_ids bigint[])
RETURNS TABLE (practice_id bigint, shown_in text[]) LANGUAGE sql STABLE AS $$
    SELECT page.id, ARRAY(
        SELECT locale.language_code FROM wagtailcore_locale locale
        WHERE locale.id = page.locale_id OR NOT EXISTS (
            SELECT FROM wagtailcore_page other
            WHERE other.translation_key = page.translation_key AND other.live
                AND other.id <> page.id AND (other.locale_id = locale.id OR other.id < page.id)
        )
        ORDER BY 1
    )
    FROM wagtailcore_page page
    WHERE page.id = ANY(practice_ids)
$$;

CREATE FUNCTION practices_refresh_shown_in(translation_keys uuid[]) RETURNS void
LANGUAGE sql AS $$
    UPDATE practices_practicesearchdocument stored SET shown_in = new.shown_in
    FROM practices_shown_in(ARRAY(
        SELECT page.id FROM wagtailcore_page page
        JOIN practices_practicepage practice ON practice.page_ptr_id = page.id
        WHERE page.translation_key = ANY(translation_keys)
    )) new
    WHERE stored.practice_id = new.practice_id AND stored.shown_in IS DISTINCT FROM new.shown_in
$$;

-- Replaces migration 0005's: a practice written (a new translation among them) changes
-- which of its group's translations each language is shown.
CREATE OR REPLACE FUNCTION practices_practice_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_search_documents(
        ARRAY(SELECT page_ptr_id FROM changed), true
    );
    PERFORM practices_refresh_shown_in(ARRAY(
        SELECT DISTINCT page.translation_key FROM wagtailcore_page page
        WHERE page.id IN (SELECT page_ptr_id FROM changed)
    ));
    RETURN NULL;
END
$$;

CREATE FUNCTION practices_page_published() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_shown_in(ARRAY[NEW.translation_key]);
    RETURN NULL;
END
$$;

-- A deleted page may have been its group's original, or the translation some language
-- was shown.
CREATE FUNCTION practices_pages_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_shown_in(ARRAY(SELECT DISTINCT translation_key FROM changed));
    RETURN NULL;
END
$$;

-- (In a trigger function "new" is the trigger's row: the computed rows are "computed".)
CREATE FUNCTION practices_locale_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE practices_practicesearchdocument stored SET shown_in = computed.shown_in
    FROM practices_shown_in(ARRAY(SELECT practice_id FROM practices_practicesearchdocument))
        computed
    WHERE stored.practice_id = computed.practice_id;
    RETURN NULL;
END
$$;

CREATE TRIGGER practices_page_published AFTER UPDATE OF live ON wagtailcore_page
FOR EACH ROW WHEN (OLD.live IS DISTINCT FROM NEW.live)
EXECUTE FUNCTION practices_page_published();
CREATE TRIGGER practices_pages_deleted AFTER DELETE ON wagtailcore_page
REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
EXECUTE FUNCTION practices_pages_deleted();
CREATE TRIGGER practices_locale_added AFTER INSERT ON wagtailcore_locale
FOR EACH STATEMENT EXECUTE FUNCTION practices_locale_added();
"""

# Migration 0006's function with, when given, the language the practice was first written
# in (PracticePage.original_language).
FACET_VALUES_SQL = """
CREATE OR REPLACE FUNCTION practices_facet_values(practice_ids bigint[])
RETURNS TABLE (practice_id bigint, facets text[]) LANGUAGE sql STABLE AS $$
    SELECT practice.page_ptr_id, ARRAY(
        SELECT DISTINCT facet.name || ':' || facet.value
        FROM (
            VALUES ('status', practice.status),
                ('evidence', practice.evidence_level),
                ('prevention_level', practice.prevention_level),
                ('country', city.country),
                ('city', city_page.slug)
                {language}
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
"""

LANGUAGE_FACET = """,
                ('language', practice.original_language)"""

BACKFILL_SQL = """
UPDATE practices_practicesearchdocument stored SET shown_in = new.shown_in
FROM practices_shown_in(ARRAY(SELECT practice_id FROM practices_practicesearchdocument)) new
WHERE stored.practice_id = new.practice_id;
SELECT practices_refresh_facets(ARRAY(SELECT practice_id FROM practices_practicesearchdocument));
-- Without statistics of the new column the planner takes nearly every practice for a
-- few and counts the library's facets through nested loops (390 ms became 530 ms at
-- 10,000 practices until autovacuum came by).
ANALYZE practices_practicesearchdocument;
"""

DROP_SQL = """
DROP TRIGGER practices_locale_added ON wagtailcore_locale;
DROP TRIGGER practices_pages_deleted ON wagtailcore_page;
DROP TRIGGER practices_page_published ON wagtailcore_page;
DROP FUNCTION practices_locale_added();
DROP FUNCTION practices_pages_deleted();
DROP FUNCTION practices_page_published();
CREATE OR REPLACE FUNCTION practices_practice_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_search_documents(
        ARRAY(SELECT page_ptr_id FROM changed), true
    );
    RETURN NULL;
END
$$;
DROP FUNCTION practices_refresh_shown_in(uuid[]);
DROP FUNCTION practices_shown_in(bigint[]);
SELECT practices_refresh_facets(ARRAY(SELECT practice_id FROM practices_practicesearchdocument));
"""


def create_language_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        sql = [LANGUAGES_SQL, FACET_VALUES_SQL.format(language=LANGUAGE_FACET), BACKFILL_SQL]
        schema_editor.execute("".join(sql), None)


def drop_language_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FACET_VALUES_SQL.format(language="") + DROP_SQL, None)


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0007_target_groups_in_six_languages"),
    ]

    operations = [
        migrations.AddField(
            model_name="practicesearchdocument",
            name="shown_in",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.TextField(), null=True, size=None
            ),
        ),
        migrations.RunPython(create_language_triggers, drop_language_triggers),
    ]
