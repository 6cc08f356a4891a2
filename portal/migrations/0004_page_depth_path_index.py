"""An index for Wagtail's most frequent question of the page tree: the children of a
page (``path LIKE 'parent%' AND depth = n``: the menu, a city's practices, a tour's
weeks). Wagtail indexes ``path`` alone, and under the home page every path matches the
prefix, so PostgreSQL read the whole page table for the menu: 14 ms at 10,000 practices
(``bench/``), 0.1 ms with this index.
"""

from django.db import migrations


def create_index(apps, schema_editor):
    # PostgreSQL compares paths byte by byte for LIKE only with the pattern operator class.
    path = "path varchar_pattern_ops" if schema_editor.connection.vendor == "postgresql" else "path"
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS portal_page_depth_path ON wagtailcore_page (depth, {path})"
    )


def drop_index(apps, schema_editor):
    schema_editor.execute("DROP INDEX IF EXISTS portal_page_depth_path")


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_charter_goals_and_capital_code_themes"),
        # After Wagtail's own changes to the page table.
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
