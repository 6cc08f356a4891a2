"""The search documents kept in their rows on PostgreSQL, not out of line.

PostgreSQL moves a row's largest values to a side table (TOAST) once the row passes about
2 KB. A practice's document is about 1.5 KB; with the facets and, since 0008, the
languages it is shown in, most rows passed that size, and every search then read two
tables: at 100,000 practices a search's scan of the documents read 67,000 pages instead
of 25,000. ``STORAGE MAIN`` keeps a value in its row unless the row would not fit in a
page at all; set on every column of the row, or the others would be moved out first.
Rows written before keep their place until rewritten (VACUUM FULL).
"""

from django.db import migrations

COLUMNS = ("document", "facets", "shown_in")


def set_storage(schema_editor, storage):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE practices_practicesearchdocument "
            + ", ".join(f"ALTER COLUMN {column} SET STORAGE {storage}" for column in COLUMNS)
        )


def keep_in_row(apps, schema_editor):
    set_storage(schema_editor, "MAIN")


def allow_out_of_line(apps, schema_editor):
    set_storage(schema_editor, "EXTENDED")


class Migration(migrations.Migration):
    dependencies = [("practices", "0009_search_sql")]

    operations = [migrations.RunPython(keep_in_row, allow_out_of_line)]
