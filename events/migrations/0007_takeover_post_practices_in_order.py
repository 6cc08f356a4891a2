"""A takeover post's related practices are chosen one by one in Wagtail's page chooser
(a MultipleChooserPanel), which needs an orderable model between post and practice.

The many-to-many table Django made for the relation becomes that model as it is: the
same table and columns, so every post keeps its practices. Only the sort order is new,
empty for the links made before it."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0006_registration_cancelled"),
        ("practices", "0008_search_document_languages"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="TakeoverPostPractice",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "post",
                            modelcluster.fields.ParentalKey(
                                db_column="takeoverpost_id",
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="practice_links",
                                to="events.takeoverpost",
                            ),
                        ),
                        (
                            "practice",
                            models.ForeignKey(
                                db_column="practicepage_id",
                                limit_choices_to={"live": True},
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="practices.practicepage",
                                verbose_name="practice",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "related practice",
                        "verbose_name_plural": "related practices",
                        "db_table": "events_takeoverpost_related_practices",
                        "ordering": ["sort_order"],
                        "abstract": False,
                        "unique_together": {("post", "practice")},
                    },
                ),
                migrations.AlterField(
                    model_name="takeoverpost",
                    name="related_practices",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="takeover_posts",
                        through="events.TakeoverPostPractice",
                        to="practices.practicepage",
                        verbose_name="related practices",
                    ),
                ),
            ],
            database_operations=[],
        ),
        migrations.AddField(
            model_name="takeoverpostpractice",
            name="sort_order",
            field=models.IntegerField(blank=True, editable=False, null=True),
        ),
    ]
