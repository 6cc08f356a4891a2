"""StreamField blocks shared by every page type's body."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

# The rich-text features editors get everywhere; imports and other HTML that does not
# come through the editor are cleaned to the same allow-list (see portal.sanitise).
RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Subsection heading"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        template = "portal/blocks/heading_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "portal/blocks/quote_block.html"


class KeyFactBlock(blocks.StructBlock):
    """One figure that matters, such as "−30 % reported insecurity in two years"."""

    figure = blocks.CharBlock(label=_("Figure"), max_length=40)
    label = blocks.CharBlock(label=_("What it measures"), max_length=200)
    source = blocks.CharBlock(label=_("Source"), required=False, max_length=200)

    class Meta:
        icon = "pick"
        template = "portal/blocks/key_fact_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), required=False, help_text=_("Defaults to the document title.")
    )

    class Meta:
        icon = "doc-full"
        template = "portal/blocks/document_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraph"))
    # ImageBlock asks for alt text, or an explicit "decorative" tick, on every image.
    image = ImageBlock(label=_("Image"))
    quote = QuoteBlock()
    key_fact = KeyFactBlock(label=_("Key fact"))
    video = EmbedBlock(
        label=_("Video"), help_text=_("A link to a video on YouTube, Vimeo or similar.")
    )
    document = DocumentBlock()

    class Meta:
        template = "portal/blocks/body_block.html"


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Link text"), max_length=200)
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        template = "portal/blocks/link_block.html"


class ResourceBlock(blocks.StreamBlock):
    """Documents and links a reader can take away."""

    document = DocumentBlock()
    link = LinkBlock()

    class Meta:
        template = "portal/blocks/body_block.html"


# The stored form of the body's blocks, for content written as data: the demo and the
# tests build pages from these.
def paragraph(html):
    """One paragraph block of a body StreamField, in its stored form."""
    return {"type": "paragraph", "value": html}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def key_fact(figure, label, source=""):
    return {"type": "key_fact", "value": {"figure": figure, "label": label, "source": source}}


def image_block(image):
    return {
        "type": "image",
        "value": {"image": image.pk, "alt_text": image.description, "decorative": False},
    }
