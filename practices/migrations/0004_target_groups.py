"""The target groups practices are tagged with; slugs are stable, for filters."""

import uuid

from django.db import migrations

TARGET_GROUPS = [
    ("Children", "children"),
    ("Young people", "young-people"),
    ("Parents and families", "parents-and-families"),
    ("Residents of an area", "residents"),
    ("Public servants", "public-servants"),
    ("Local businesses and property owners", "businesses"),
    ("People leaving crime or violent extremism", "people-leaving-crime-or-extremism"),
    ("Victims and people targeted", "victims"),
    ("Women and girls", "women-and-girls"),
]


def create_target_groups(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    TargetGroup = apps.get_model("practices", "TargetGroup")
    english, _ = Locale.objects.get_or_create(language_code="en")
    for name, slug in TARGET_GROUPS:
        TargetGroup.objects.get_or_create(
            slug=slug, locale=english, defaults={"name": name, "translation_key": uuid.uuid4()}
        )


class Migration(migrations.Migration):
    dependencies = [("practices", "0003_practice_record")]

    operations = [migrations.RunPython(create_target_groups, migrations.RunPython.noop)]
