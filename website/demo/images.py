"""The demo's pictures: the portal's illustrations (portal/illustrations.py) drawn as PNG
files, which Wagtail makes its WebP and JPEG renditions of like any upload. Nothing is
written into them: the illustration is shapes alone, and its words go to the alt text."""

import io

from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image, ImageDraw

from portal.illustrations import HEIGHT, WIDTH

# Drawn at twice the size and scaled down, which smooths the edges Pillow leaves jagged.
SCALE = 2


def draw_picture(illustration):
    """The illustration as a PNG file named after its title; the same illustration
    always gives the same bytes."""
    image = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE))
    draw = ImageDraw.Draw(image, "RGBA")
    for shape in illustration.shapes:
        fill = (*hex_rgb(shape.fill), round(shape.opacity * 255))
        at = [value * SCALE for value in flatten(shape.at)]
        if shape.kind == "rect":
            draw.rectangle(at, fill=fill)
        elif shape.kind == "circle":
            x, y, r = at
            draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)
        elif shape.kind == "line":
            draw.line(at, fill=fill, width=shape.stroke_width * SCALE)
        else:
            draw.polygon(at, fill=fill)
    image = image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    buffer.seek(0)
    return ImageFile(buffer, name=f"{slugify(illustration.title)[:60]}.png")


def flatten(at):
    return [value for item in at for value in (item if isinstance(item, tuple) else (item,))]


def hex_rgb(colour):
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
