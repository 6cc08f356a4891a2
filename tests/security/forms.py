"""Reads an HTML form back into the data a browser would submit, so a test can change
one field of an admin form and post the rest as the page rendered it."""

from html.parser import HTMLParser

from wagtail.fields import StreamField
from wagtail.test.utils.form_data import nested_form_data, streamfield


class _FormReader(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = form_id is None
        self.data = {}
        self._select = None
        self._textarea = None
        self._option = None

    def add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and self.form_id is not None:
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self.add(name, attrs.get("value", "on"))
            elif kind not in {"submit", "button", "file", "image", "reset"}:
                self.add(name, attrs.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = {"name": name, "selected": [], "first": None}
        elif tag == "option" and self._select is not None:
            self._option = attrs.get("value")
            if self._select["first"] is None:
                self._select["first"] = self._option
            if "selected" in attrs:
                self._select["selected"].append(self._option)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            self.add(*self._textarea)
            self._textarea = None
        elif tag == "select" and self._select is not None:
            for value in self._select["selected"]:
                self.add(self._select["name"], value or "")
            self._select = None
        elif tag == "form" and self.form_id is not None:
            self.inside = False


def form_data(html, form_id=None):
    """{name: value or [values]} of the form with ``form_id`` (or every field on the page)."""
    reader = _FormReader(form_id)
    reader.feed(html)
    return {name: values if len(values) > 1 else values[0] for name, values in reader.data.items()}


def empty_streamfields(page_class):
    """Wagtail draws StreamFields with JavaScript, so the HTML holds none of their inputs;
    this is what the browser would send for each of them left empty."""
    fields = [
        field.name for field in page_class._meta.get_fields() if isinstance(field, StreamField)
    ]
    return nested_form_data({name: streamfield([]) for name in fields})
