"""The practice library's facets and searched text, defined once.

Everything else is derived from these definitions and the models' ``_meta``: the
library's URL parameters and legends (``practices.library``), the database backend's
queries and counts (``practices.library_db``), the Elasticsearch document, mapping and
aggregations (``practices.search_index``, ``practices.library_es``) and the SQL that
keeps each practice's stored search document and facet values current on PostgreSQL
(``practices.search_sql``).

This module reads the models through the app registry, not by import: the models
import the facets' legends.
"""

from dataclasses import dataclass
from functools import cached_property

from django.apps import apps
from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _


def practice_model():
    return apps.get_model("practices", "PracticePage")


@dataclass(frozen=True)
class Facet:
    """A facet of the library: its name (the URL parameter, the Elasticsearch field and
    the prefix of the values PostgreSQL stores), its legend, and where a practice's
    values are: ``path`` is the lookup from a practice to the field holding the value (a
    slug or a choice), through one relation at most."""

    name: str
    verbose_name: str
    path: str
    # The fields of the related model holding the value's label and number; a value
    # without a label field is labelled by its choice.
    label: str = ""
    number: str = ""
    order: str = "count"  # "number", "choices", or by count
    # The values' labels, if not the field's choices.
    labels: tuple = ()

    @property
    def relation(self):
        """The relation from a practice to the model holding the value, or ""."""
        relation, _sep, _value = self.path.rpartition("__")
        return relation

    @property
    def value(self):
        """The field holding the value, on the practice or the related model."""
        return self.path.rpartition("__")[2]

    def relation_field(self, model=None):
        return (model or practice_model())._meta.get_field(self.relation)

    def value_model(self, model=None):
        """The model holding the value: the practice or the related model."""
        model = model or practice_model()
        return self.relation_field(model).related_model if self.relation else model

    @cached_property
    def many(self):
        """Whether a practice can have several values."""
        return bool(self.relation) and self.relation_field().many_to_many

    @cached_property
    def choices(self):
        return self.labels or tuple(self.value_model()._meta.get_field(self.value).choices or ())

    def fields(self):
        """The related model's fields of the value, its label and its number."""
        return [name for name in (self.value, self.label, self.number) if name]

    def lookups(self):
        return [f"{self.relation}__{name}" if self.relation else name for name in self.fields()]

    def describe(self, row):
        """A row of ``fields()`` as value, label and number."""
        row = dict(zip(self.fields(), row, strict=True))
        value = row[self.value]
        label = row[self.label] if self.label else dict(self.choices).get(value, value)
        return value, str(label), row.get(self.number)

    def values_of(self, practice):
        """The practice's values, as the index stores them: sorted, none empty, the
        relations read through ``.all()`` (prefetched by whoever reads many)."""
        if not self.relation:
            values = [getattr(practice, self.value)]
        elif self.many:
            values = [getattr(item, self.value) for item in getattr(practice, self.relation).all()]
        else:
            values = [getattr(getattr(practice, self.relation), self.value)]
        return sorted(value for value in values if value)


# The facets by name, in the order the library shows them.
LIBRARY_FACETS = {
    facet.name: facet
    for facet in (
        Facet(
            "goal",
            _("Charter goal"),
            "charter_goals__slug",
            label="name",
            number="number",
            order="number",
        ),
        Facet(
            "theme",
            _("Capital Code theme"),
            "capital_code_themes__slug",
            label="name",
            number="number",
            order="number",
        ),
        Facet("country", _("Country"), "city__country"),
        Facet("city", _("City"), "city__slug", label="title"),
        Facet("tag", _("Tag"), "tags__slug", label="name"),
        Facet("target_group", _("Target group"), "target_groups__slug", label="name"),
        Facet("prevention_level", _("Prevention level"), "prevention_level", order="choices"),
        Facet("status", _("Status"), "status", order="choices"),
        Facet("evidence", _("Evidence"), "evidence_level", order="choices"),
        Facet(
            "language",
            _("Original language"),
            "original_language",
            order="choices",
            # In the visitor's language; the field's choices name each language in its own.
            labels=tuple(
                (code, capfirst(get_language_info(code)["name_translated"]))
                for code, _name in settings.LANGUAGES
            ),
        ),
    )
}


@dataclass(frozen=True)
class TextField:
    """Text the library searches: a field of the practice, or of a related model
    (``tags__name``), with its weight (3 the heaviest, 1 the lightest)."""

    name: str  # the Elasticsearch field
    path: str
    weight: int

    @property
    def relation(self):
        relation, _sep, _value = self.path.rpartition("__")
        return relation

    @property
    def value(self):
        return self.path.rpartition("__")[2]


# In the order PostgreSQL's search documents put the words, which their ranking follows.
TEXT_FIELDS = (
    TextField("title", "title", 3),
    TextField("summary", "summary", 2),
    # Tag names count as text too, as in the page's Wagtail search fields.
    TextField("tag_text", "tags__name", 1),
    TextField("problem", "problem", 1),
    TextField("mechanism", "mechanism", 1),
    TextField("lessons_learned", "lessons_learned", 1),
    TextField("body", "body", 1),
)

# The languages whose words are stemmed (with stop words), by language code, and their
# stemmer: the name of both PostgreSQL's text-search configuration and Elasticsearch's
# built-in analyzer for the language. Neither has one for Icelandic, which, like any
# other language, is matched word for word.
STEMMERS = {
    "en": "english",
    "sv": "swedish",
    "da": "danish",
    "nb": "norwegian",
    "fi": "finnish",
}
