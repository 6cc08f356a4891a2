from django import forms
from django.db import models
from django.utils.text import capfirst


class MultipleChoiceJSONField(models.JSONField):
    """A list of choices, stored as a JSON list and edited as checkboxes.

    A JSON list works alike on SQLite and PostgreSQL, where an ArrayField would not; the
    form field keeps editors to the choices.
    """

    def __init__(self, *args, option_choices=(), **kwargs):
        self.option_choices = list(option_choices)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["option_choices"] = self.option_choices
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.option_choices,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )
