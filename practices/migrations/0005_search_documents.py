"""The practice library's stored, indexed search documents on PostgreSQL.

Each practice's words are stemmed with the text-search configuration of the practice's
own language (Icelandic, which PostgreSQL has no stemmer for, word for word), plus every
word as written, weighted title A, summary B, the rest C. Triggers keep the documents
current whatever writes the practice or its tags (the admin, imports, bulk loads), and a
GIN index finds matches. On other databases only the (unused) table is created.
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

# Keep in step with practices.library_db.TEXT_SEARCH_CONFIGS, the configurations the
# visitor's words are stemmed with.
SEARCH_SQL = """
CREATE FUNCTION practices_search_config(language_code text) RETURNS regconfig
LANGUAGE sql IMMUTABLE AS $$
    SELECT (CASE language_code
        WHEN 'en' THEN 'english' WHEN 'sv' THEN 'swedish' WHEN 'da' THEN 'danish'
        WHEN 'nb' THEN 'norwegian' WHEN 'fi' THEN 'finnish' ELSE 'simple'
    END)::regconfig
$$;

CREATE FUNCTION practices_search_words(
    config regconfig, title text, summary text, other text, body jsonb
) RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$
    SELECT setweight(to_tsvector(config, coalesce(title, '')), 'A')
        || setweight(to_tsvector(config, coalesce(summary, '')), 'B')
        || setweight(to_tsvector(config, coalesce(other, '')), 'C')
        -- The words in the StreamField's block values, not its block types and ids.
        || setweight(jsonb_to_tsvector(
            config, jsonb_path_query_array(coalesce(body, '[]'), 'strict $.**.value'),
            '["string"]'
        ), 'C')
$$;

-- The documents of the given practices, computed from the database.
CREATE FUNCTION practices_search_documents(practice_ids bigint[])
RETURNS TABLE (practice_id bigint, document tsvector) LANGUAGE sql STABLE AS $$
    SELECT practice.page_ptr_id,
        practices_search_words(
            practices_search_config(locale.language_code), page.title, practice.summary,
            concat_ws(' ', tags.names, practice.problem, practice.mechanism,
                      practice.lessons_learned),
            practice.body::jsonb
        )
        || practices_search_words(
            'simple', page.title, practice.summary,
            concat_ws(' ', tags.names, practice.problem, practice.mechanism,
                      practice.lessons_learned),
            practice.body::jsonb
        )
    FROM practices_practicepage practice
    JOIN wagtailcore_page page ON page.id = practice.page_ptr_id
    JOIN wagtailcore_locale locale ON locale.id = page.locale_id
    LEFT JOIN LATERAL (
        SELECT string_agg(tag.name, ' ') AS names
        FROM practices_practicepagetag tagged
        JOIN taggit_tag tag ON tag.id = tagged.tag_id
        WHERE tagged.content_object_id = practice.page_ptr_id
    ) tags ON true
    WHERE practice.page_ptr_id = ANY(practice_ids)
$$;

-- With `create` false only existing documents are rewritten: a tag removed while its
-- practice is being deleted must not bring the deleted practice's document back.
CREATE FUNCTION practices_refresh_search_documents(practice_ids bigint[], "create" boolean)
RETURNS void LANGUAGE plpgsql AS $$
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

CREATE FUNCTION practices_practice_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_search_documents(
        ARRAY(SELECT page_ptr_id FROM changed), true
    );
    RETURN NULL;
END
$$;

CREATE FUNCTION practices_tags_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_search_documents(
        ARRAY(SELECT DISTINCT content_object_id FROM changed), false
    );
    RETURN NULL;
END
$$;

CREATE FUNCTION practices_tag_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM practices_refresh_search_documents(
        ARRAY(
            SELECT DISTINCT tagged.content_object_id FROM practices_practicepagetag tagged
            WHERE tagged.tag_id IN (SELECT id FROM changed)
        ),
        false
    );
    RETURN NULL;
END
$$;

CREATE TRIGGER practices_practice_inserted AFTER INSERT ON practices_practicepage
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
EXECUTE FUNCTION practices_practice_changed();
CREATE TRIGGER practices_practice_updated AFTER UPDATE ON practices_practicepage
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
EXECUTE FUNCTION practices_practice_changed();
CREATE TRIGGER practices_tags_added AFTER INSERT ON practices_practicepagetag
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
EXECUTE FUNCTION practices_tags_changed();
CREATE TRIGGER practices_tags_removed AFTER DELETE ON practices_practicepagetag
REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
EXECUTE FUNCTION practices_tags_changed();
CREATE TRIGGER practices_tag_renamed AFTER UPDATE ON taggit_tag
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
EXECUTE FUNCTION practices_tag_renamed();

CREATE INDEX practices_search_document_gin
ON practices_practicesearchdocument USING gin (document);

-- Practices already in the database.
SELECT practices_refresh_search_documents(ARRAY(SELECT page_ptr_id FROM practices_practicepage), true);
"""

DROP_SQL = """
DROP TRIGGER practices_tag_renamed ON taggit_tag;
DROP TRIGGER practices_tags_removed ON practices_practicepagetag;
DROP TRIGGER practices_tags_added ON practices_practicepagetag;
DROP TRIGGER practices_practice_updated ON practices_practicepage;
DROP TRIGGER practices_practice_inserted ON practices_practicepage;
DROP FUNCTION practices_tag_renamed();
DROP FUNCTION practices_tags_changed();
DROP FUNCTION practices_practice_changed();
DROP FUNCTION practices_refresh_search_documents(bigint[], boolean);
DROP FUNCTION practices_search_documents(bigint[]);
DROP FUNCTION practices_search_words(regconfig, text, text, text, jsonb);
DROP FUNCTION practices_search_config(text);
DROP INDEX practices_search_document_gin;
"""


def create_search_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SEARCH_SQL)


def drop_search_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_SQL)


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0004_target_groups"),
    ]

    operations = [
        migrations.CreateModel(
            name="PracticeSearchDocument",
            fields=[
                (
                    "practice",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_document",
                        serialize=False,
                        to="practices.practicepage",
                    ),
                ),
                ("document", django.contrib.postgres.search.SearchVectorField(null=True)),
            ],
            options={
                "verbose_name": "practice search document",
            },
        ),
        migrations.RunPython(create_search_triggers, drop_search_triggers),
    ]
