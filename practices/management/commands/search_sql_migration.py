"""Write a migration that installs the library's search SQL as the models and facets
give it now (``practices.search_sql``)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db.migrations.autodetector import MigrationAutodetector
from django.db.migrations.loader import MigrationLoader

from practices import search_sql

TEMPLATE = '''"""The library's search SQL on PostgreSQL, as practices.search_sql rendered it
from the models and practices.facets when this migration was written (manage.py
search_sql_migration). Going back installs the SQL of {previous}.
"""

from importlib import import_module

from django.db import migrations

SEARCH_SQL = """{SEARCH_SQL}"""

BACKFILL_SQL = """{BACKFILL_SQL}"""


def install(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        # No parameters: the driver would take format()'s %I for a placeholder.
        schema_editor.execute(SEARCH_SQL + BACKFILL_SQL, None)


def install_previous(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        previous = import_module("practices.migrations.{previous}")
        # A field the previous SQL names may get its old name back only when an earlier
        # migration is undone: PostgreSQL checks the functions when they run, not here,
        # and the stored values stay as they are until their practices change.
        schema_editor.execute(
            "SET LOCAL check_function_bodies = off;\\n" + previous.SEARCH_SQL, None
        )


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "{leaf}"),
    ]

    operations = [
        migrations.RunPython(install, install_previous),
    ]
'''


class Command(BaseCommand):
    help = (
        "Write a migration that installs the library's search SQL on PostgreSQL as the "
        "models and facets give it now, when it differs from what the migrations install."
    )

    def handle(self, *args, **options):
        if not search_sql.changes():
            self.stdout.write("The migrations install the search SQL the models give.")
            return
        sql = search_sql.render()
        if any('"""' in text or "\\" in text for text in sql.values()):
            raise CommandError("The SQL cannot be written as a plain triple-quoted string.")
        loader = MigrationLoader(None, ignore_no_migrations=True)
        leaf = loader.graph.leaf_nodes("practices")[-1][1]
        number = MigrationAutodetector.parse_number(leaf) + 1
        path = Path(__file__).resolve().parents[2] / "migrations" / f"{number:04d}_search_sql.py"
        path.write_text(
            TEMPLATE.format(**sql, previous=search_sql.latest_migration().name, leaf=leaf)
        )
        self.stdout.write(self.style.SUCCESS(f"Wrote {path}"))
