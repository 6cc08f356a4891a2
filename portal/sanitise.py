"""The one place where HTML that does not come from Wagtail's editor is cleaned.

Imports, takeover posts, application texts shown back to staff: all of it goes through
these functions, with an explicit allow-list, before it is ever shown.
"""

import bleach
from bleach.callbacks import nofollow
from django.utils.html import escape, linebreaks
from django.utils.safestring import mark_safe

# The tags Wagtail's rich-text editor can produce with the portal's feature set
# (portal.blocks.RICH_TEXT_FEATURES); nothing else survives.
ALLOWED_TAGS = frozenset(
    {"p", "br", "h2", "h3", "h4", "b", "strong", "i", "em", "ol", "ul", "li", "a"}
)
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto", "tel"})


def clean_html(html):
    """Rich text from outside the editor, reduced to what the editor itself allows."""
    return bleach.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
    )


def text_as_html(text):
    """Text a person typed, shown as paragraphs with its web addresses linked.

    The text is stored exactly as typed; here every character that HTML would read as
    markup is escaped first, so a typed ``<script>`` is shown, never run.
    """
    paragraphs = linebreaks(escape(text or ""))
    return mark_safe(  # noqa: S308 - escaped above, then cleaned to the allow-list
        clean_html(bleach.linkify(paragraphs, callbacks=[nofollow]))
    )
