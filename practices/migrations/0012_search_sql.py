"""The library's search SQL on PostgreSQL, as practices.search_sql rendered it
from the models and practices.facets when this migration was written (manage.py
search_sql_migration). Going back installs the SQL of 0009_search_sql.
"""

from importlib import import_module

from django.db import migrations

SEARCH_SQL = """-- Every function and trigger installed before, by this SQL or an older one.
DO $$
DECLARE target record;
BEGIN
    FOR target IN
        SELECT tgname, tgrelid::regclass AS on_table FROM pg_trigger
        WHERE NOT tgisinternal AND starts_with(tgname, 'practices_')
    LOOP
        EXECUTE format('DROP TRIGGER %I ON %s', target.tgname, target.on_table);
    END LOOP;
    FOR target IN
        SELECT oid::regprocedure AS function FROM pg_proc
        WHERE starts_with(proname, 'practices_') AND pronamespace = current_schema()::regnamespace
    LOOP
        EXECUTE format('DROP FUNCTION %s', target.function);
    END LOOP;
END
$$;


-- The text-search configuration of a practice's language (practices.facets.STEMMERS).
CREATE FUNCTION practices_search_config(language_code text) RETURNS regconfig
LANGUAGE sql IMMUTABLE AS $$
    SELECT (CASE language_code
        WHEN 'en' THEN 'english'
        WHEN 'sv' THEN 'swedish'
        WHEN 'da' THEN 'danish'
        WHEN 'nb' THEN 'norwegian'
        WHEN 'fi' THEN 'finnish'
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


-- The documents of the given practices: stemmed in the practice's language, and every
-- word as written.
CREATE FUNCTION practices_search_documents(practice_ids bigint[])
RETURNS TABLE (practice_id bigint, document tsvector) LANGUAGE sql STABLE AS $$
    SELECT practice."page_ptr_id",
        practices_search_words(
            practices_search_config(locale."language_code"),
            page."title",
            practice."summary",
            concat_ws(' ', "tags".words, practice."problem", practice."mechanism", practice."lessons_learned"),
            practice."body"::jsonb
        )
        || practices_search_words(
            'simple',
            page."title",
            practice."summary",
            concat_ws(' ', "tags".words, practice."problem", practice."mechanism", practice."lessons_learned"),
            practice."body"::jsonb
        )
    FROM "practices_practicepage" practice
    JOIN "wagtailcore_page" page ON page."id" = practice."page_ptr_id"
    JOIN "wagtailcore_locale" locale
        ON locale."id" = page."locale_id"
    LEFT JOIN LATERAL (
        SELECT string_agg(term."name", ' ') AS words
        FROM "practices_practicepagetag" link
        JOIN "taggit_tag" term ON term."id" = link."tag_id"
        WHERE link."content_object_id" = practice."page_ptr_id"
    ) "tags" ON true
    WHERE practice."page_ptr_id" = ANY(practice_ids)
$$;


-- Each practice's facet values, "<facet>:<value>" (practices.facets.LIBRARY_FACETS).
CREATE FUNCTION practices_facet_values(practice_ids bigint[])
RETURNS TABLE (practice_id bigint, facets text[]) LANGUAGE sql STABLE AS $$
    SELECT practice."page_ptr_id", ARRAY(
        SELECT DISTINCT facet.name || ':' || facet.value
        FROM (
            VALUES ('country', city_citypage."country"),
                ('city', city_page."slug"),
                ('prevention_level', practice."prevention_level"),
                ('status', practice."status"),
                ('evidence', practice."evidence_level"),
                ('language', practice."original_language")
            UNION ALL
            SELECT 'goal', term."slug" FROM "practices_practicepage_charter_goals" link
            JOIN "portal_chartergoal" term ON term."id" = link."chartergoal_id"
            WHERE link."practicepage_id" = practice."page_ptr_id"
            UNION ALL
            SELECT 'theme', term."slug" FROM "practices_practicepage_capital_code_themes" link
            JOIN "portal_capitalcodetheme" term ON term."id" = link."capitalcodetheme_id"
            WHERE link."practicepage_id" = practice."page_ptr_id"
            UNION ALL
            SELECT 'tag', term."slug" FROM "practices_practicepagetag" link
            JOIN "taggit_tag" term ON term."id" = link."tag_id"
            WHERE link."content_object_id" = practice."page_ptr_id"
            UNION ALL
            SELECT 'target_group', term."slug" FROM "practices_practicepage_target_groups" link
            JOIN "practices_targetgroup" term ON term."id" = link."targetgroup_id"
            WHERE link."practicepage_id" = practice."page_ptr_id"
        ) facet (name, value)
        -- A practice without a value (no prevention level) has none of that facet.
        WHERE facet.value <> ''
        ORDER BY 1
    )
    FROM "practices_practicepage" practice
    LEFT JOIN "cities_citypage" city_citypage ON city_citypage."page_ptr_id" = practice."city_id"
    LEFT JOIN "wagtailcore_page" city_page ON city_page."id" = practice."city_id"
    WHERE practice."page_ptr_id" = ANY(practice_ids)
$$;


CREATE FUNCTION practices_shown_in(practice_ids bigint[])
RETURNS TABLE (practice_id bigint, shown_in text[]) LANGUAGE sql STABLE AS $$
    SELECT page."id", ARRAY(
        SELECT locale."language_code" FROM "wagtailcore_locale" locale
        WHERE page."live"
            AND (locale."id" = page."locale_id" OR NOT EXISTS (
            SELECT FROM "wagtailcore_page" other
            WHERE other."translation_key" = page."translation_key" AND other."live"
                AND other."id" <> page."id"
                AND (other."locale_id" = locale."id" OR other."id" < page."id")
        ))
        ORDER BY 1
    )
    FROM "wagtailcore_page" page
    WHERE page."id" = ANY(practice_ids)
$$;


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
        INSERT INTO "practices_practicesearchdocument" AS stored ("practice_id", "document", "facets", "shown_in")
        SELECT words.practice_id, words.document, facets.facets, languages.shown_in
        FROM practices_search_documents(practice_ids) words
        JOIN practices_facet_values(practice_ids) facets USING (practice_id)
        JOIN languages USING (practice_id)
        ON CONFLICT ("practice_id") DO UPDATE
        SET "document" = EXCLUDED."document",
            "facets" = EXCLUDED."facets"
        WHERE (stored."document", stored."facets")
            IS DISTINCT FROM (EXCLUDED."document", EXCLUDED."facets");
    ELSE
        UPDATE "practices_practicesearchdocument" stored
        SET "document" = new.document, "facets" = new.facets
        FROM (
            SELECT words.practice_id, words.document, facets.facets
            FROM practices_search_documents(practice_ids) words
            JOIN practices_facet_values(practice_ids) facets USING (practice_id)
        ) new
        WHERE stored."practice_id" = new.practice_id
            AND (stored."document", stored."facets")
                IS DISTINCT FROM (new.document, new.facets);
    END IF;
END
$$;

-- Only existing documents are rewritten (a relation removed while its practice is being
-- deleted must not bring the practice back), and only where the values changed: saving a
-- page rewrites its relations as they were.
CREATE FUNCTION practices_refresh_facets(practice_ids bigint[]) RETURNS void
LANGUAGE sql AS $$
    UPDATE "practices_practicesearchdocument" stored SET "facets" = new.facets
    FROM practices_facet_values(practice_ids) new
    WHERE stored."practice_id" = new.practice_id
        AND stored."facets" IS DISTINCT FROM new.facets
$$;

-- Which languages are shown each practice of the given groups of translations.
CREATE FUNCTION practices_refresh_shown_in(translation_keys uuid[]) RETURNS void
LANGUAGE sql AS $$
    UPDATE "practices_practicesearchdocument" stored SET "shown_in" = new.shown_in
    FROM practices_shown_in(ARRAY(
        SELECT page."id" FROM "wagtailcore_page" page
        JOIN "practices_practicepage" practice ON practice."page_ptr_id" = page."id"
        WHERE page."translation_key" = ANY(translation_keys)
    )) new
    WHERE stored."practice_id" = new.practice_id
        AND stored."shown_in" IS DISTINCT FROM new.shown_in
$$;


-- A practice written: its words and facets, and (a new translation among them) which of
-- its group's translations each language is shown.
CREATE FUNCTION practices_practice_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_search_documents(
        ARRAY(SELECT "page_ptr_id" FROM changed), true
    );
    PERFORM practices_refresh_shown_in(ARRAY(
        SELECT DISTINCT page."translation_key" FROM "wagtailcore_page" page
        WHERE page."id" IN (SELECT "page_ptr_id" FROM changed)
    ));
    RETURN NULL;
END
$$;

CREATE FUNCTION practices_page_published() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_shown_in(ARRAY[NEW."translation_key"]);
    RETURN NULL;
END
$$;

-- A deleted page may have been its group's original, or the translation some language
-- was shown.
CREATE FUNCTION practices_pages_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_shown_in(ARRAY(SELECT DISTINCT "translation_key" FROM changed));
    RETURN NULL;
END
$$;

-- (In a trigger function "new" is the trigger's row: the computed rows are "computed".)
CREATE FUNCTION practices_locale_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "practices_practicesearchdocument" stored SET "shown_in" = computed.shown_in
    FROM practices_shown_in(ARRAY(SELECT "practice_id" FROM "practices_practicesearchdocument"))
        computed
    WHERE stored."practice_id" = computed.practice_id;
    RETURN NULL;
END
$$;

CREATE TRIGGER practices_practice_inserted AFTER INSERT ON "practices_practicepage"
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
EXECUTE FUNCTION practices_practice_changed();
CREATE TRIGGER practices_practice_updated AFTER UPDATE ON "practices_practicepage"
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
EXECUTE FUNCTION practices_practice_changed();
CREATE TRIGGER practices_page_published AFTER UPDATE OF "live" ON "wagtailcore_page"
FOR EACH ROW WHEN (OLD."live" IS DISTINCT FROM NEW."live")
EXECUTE FUNCTION practices_page_published();
CREATE TRIGGER practices_pages_deleted AFTER DELETE ON "wagtailcore_page"
REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
EXECUTE FUNCTION practices_pages_deleted();
CREATE TRIGGER practices_locale_added AFTER INSERT ON "wagtailcore_locale"
FOR EACH STATEMENT EXECUTE FUNCTION practices_locale_added();


CREATE FUNCTION practices_tags_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_search_documents(
        ARRAY(SELECT DISTINCT "content_object_id" FROM changed), false
    );
    RETURN NULL;
END
$$;

CREATE FUNCTION practices_tags_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_search_documents(
        ARRAY(
            SELECT DISTINCT link."content_object_id" FROM "practices_practicepagetag" link
            WHERE link."tag_id" IN (SELECT "id" FROM changed)
        ),
        false
    );
    RETURN NULL;
END
$$;

CREATE TRIGGER practices_tags_added AFTER INSERT ON "practices_practicepagetag"
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
EXECUTE FUNCTION practices_tags_changed();
CREATE TRIGGER practices_tags_removed AFTER DELETE ON "practices_practicepagetag"
REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
EXECUTE FUNCTION practices_tags_changed();
CREATE TRIGGER practices_tags_renamed AFTER UPDATE ON "taggit_tag"
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
EXECUTE FUNCTION practices_tags_renamed();


CREATE FUNCTION practices_charter_goals_linked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_facets(ARRAY(SELECT DISTINCT "practicepage_id" FROM changed));
    RETURN NULL;
END
$$;

CREATE FUNCTION practices_charter_goals_relinked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_facets(ARRAY(
        SELECT "practicepage_id" FROM old_links
        UNION SELECT "practicepage_id" FROM new_links
    ));
    RETURN NULL;
END
$$;

CREATE FUNCTION practices_charter_goals_value_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_facets(ARRAY(
        SELECT "practicepage_id" FROM "practices_practicepage_charter_goals"
        WHERE "chartergoal_id" = NEW."id"
    ));
    RETURN NULL;
END
$$;

CREATE TRIGGER practices_charter_goals_linked AFTER INSERT ON "practices_practicepage_charter_goals"
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
EXECUTE FUNCTION practices_charter_goals_linked();
CREATE TRIGGER practices_charter_goals_unlinked AFTER DELETE ON "practices_practicepage_charter_goals"
REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
EXECUTE FUNCTION practices_charter_goals_linked();
CREATE TRIGGER practices_charter_goals_relinked AFTER UPDATE ON "practices_practicepage_charter_goals"
REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT
EXECUTE FUNCTION practices_charter_goals_relinked();
CREATE TRIGGER practices_charter_goals_value_changed AFTER UPDATE OF "slug" ON "portal_chartergoal"
FOR EACH ROW WHEN (OLD."slug" IS DISTINCT FROM NEW."slug")
EXECUTE FUNCTION practices_charter_goals_value_changed();

CREATE FUNCTION practices_capital_code_themes_linked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_facets(ARRAY(SELECT DISTINCT "practicepage_id" FROM changed));
    RETURN NULL;
END
$$;

CREATE FUNCTION practices_capital_code_themes_relinked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_facets(ARRAY(
        SELECT "practicepage_id" FROM old_links
        UNION SELECT "practicepage_id" FROM new_links
    ));
    RETURN NULL;
END
$$;

CREATE FUNCTION practices_capital_code_themes_value_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_facets(ARRAY(
        SELECT "practicepage_id" FROM "practices_practicepage_capital_code_themes"
        WHERE "capitalcodetheme_id" = NEW."id"
    ));
    RETURN NULL;
END
$$;

CREATE TRIGGER practices_capital_code_themes_linked AFTER INSERT ON "practices_practicepage_capital_code_themes"
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
EXECUTE FUNCTION practices_capital_code_themes_linked();
CREATE TRIGGER practices_capital_code_themes_unlinked AFTER DELETE ON "practices_practicepage_capital_code_themes"
REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
EXECUTE FUNCTION practices_capital_code_themes_linked();
CREATE TRIGGER practices_capital_code_themes_relinked AFTER UPDATE ON "practices_practicepage_capital_code_themes"
REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT
EXECUTE FUNCTION practices_capital_code_themes_relinked();
CREATE TRIGGER practices_capital_code_themes_value_changed AFTER UPDATE OF "slug" ON "portal_capitalcodetheme"
FOR EACH ROW WHEN (OLD."slug" IS DISTINCT FROM NEW."slug")
EXECUTE FUNCTION practices_capital_code_themes_value_changed();

CREATE FUNCTION practices_target_groups_linked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_facets(ARRAY(SELECT DISTINCT "practicepage_id" FROM changed));
    RETURN NULL;
END
$$;

CREATE FUNCTION practices_target_groups_relinked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_facets(ARRAY(
        SELECT "practicepage_id" FROM old_links
        UNION SELECT "practicepage_id" FROM new_links
    ));
    RETURN NULL;
END
$$;

CREATE FUNCTION practices_target_groups_value_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_facets(ARRAY(
        SELECT "practicepage_id" FROM "practices_practicepage_target_groups"
        WHERE "targetgroup_id" = NEW."id"
    ));
    RETURN NULL;
END
$$;

CREATE TRIGGER practices_target_groups_linked AFTER INSERT ON "practices_practicepage_target_groups"
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
EXECUTE FUNCTION practices_target_groups_linked();
CREATE TRIGGER practices_target_groups_unlinked AFTER DELETE ON "practices_practicepage_target_groups"
REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
EXECUTE FUNCTION practices_target_groups_linked();
CREATE TRIGGER practices_target_groups_relinked AFTER UPDATE ON "practices_practicepage_target_groups"
REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT
EXECUTE FUNCTION practices_target_groups_relinked();
CREATE TRIGGER practices_target_groups_value_changed AFTER UPDATE OF "slug" ON "practices_targetgroup"
FOR EACH ROW WHEN (OLD."slug" IS DISTINCT FROM NEW."slug")
EXECUTE FUNCTION practices_target_groups_value_changed();


CREATE FUNCTION practices_city_citypage_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_facets(ARRAY(
        SELECT "page_ptr_id" FROM "practices_practicepage"
        WHERE "city_id" = NEW."page_ptr_id"
    ));
    RETURN NULL;
END
$$;

CREATE TRIGGER practices_city_citypage_changed AFTER UPDATE OF "country" ON "cities_citypage"
FOR EACH ROW WHEN (OLD."country" IS DISTINCT FROM NEW."country")
EXECUTE FUNCTION practices_city_citypage_changed();

CREATE FUNCTION practices_city_page_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_facets(ARRAY(
        SELECT "page_ptr_id" FROM "practices_practicepage"
        WHERE "city_id" = NEW."id"
    ));
    RETURN NULL;
END
$$;

CREATE TRIGGER practices_city_page_changed AFTER UPDATE OF "slug" ON "wagtailcore_page"
FOR EACH ROW WHEN (OLD."slug" IS DISTINCT FROM NEW."slug")
EXECUTE FUNCTION practices_city_page_changed();
"""

BACKFILL_SQL = """-- Every practice's stored values, as the functions give them.
SELECT practices_refresh_search_documents(
    ARRAY(SELECT "page_ptr_id" FROM "practices_practicepage"), true
);
SELECT practices_refresh_shown_in(ARRAY(
    SELECT DISTINCT page."translation_key" FROM "wagtailcore_page" page
    JOIN "practices_practicepage" practice ON practice."page_ptr_id" = page."id"
));
-- Without fresh statistics the planner may take nearly every practice for a few and
-- count the library's facets through nested loops.
ANALYZE "practices_practicesearchdocument";
"""


def install(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        # No parameters: the driver would take format()'s %I for a placeholder.
        schema_editor.execute(SEARCH_SQL + BACKFILL_SQL, None)


def install_previous(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        previous = import_module("practices.migrations.0009_search_sql")
        # A field the previous SQL names may get its old name back only when an earlier
        # migration is undone: PostgreSQL checks the functions when they run, not here,
        # and the stored values stay as they are until their practices change.
        schema_editor.execute(
            "SET LOCAL check_function_bodies = off;\n" + previous.SEARCH_SQL, None
        )


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0011_search_document_inline"),
    ]

    operations = [
        migrations.RunPython(install, install_previous),
    ]
