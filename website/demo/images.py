"""Pictures for the demo, drawn rather than downloaded: a calm sky in Nordic colours, a
low sun, layered hills or waves, and a caption. The same caption always gives the same
picture."""

import io
import math
import random
import zlib

from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont

SIZE = WIDTH, HEIGHT = 1600, 900

# (sky at the top, sky at the horizon, land or sea, sun)
PALETTES = [
    ("#0E2F44", "#6C9AB5", "#12263A", "#F2C14E"),  # fjord at dusk
    ("#23395B", "#B8C4D6", "#2E4A3F", "#FFF1D0"),  # winter morning over the forest
    ("#3A2E5C", "#E3A587", "#1E2A38", "#FFD9A8"),  # midsummer night
    ("#1F5F8B", "#D6E6F0", "#34495E", "#FFFFFF"),  # pale northern sky
    ("#2B3A42", "#9FB7B9", "#3F6212", "#F5E6A8"),  # late summer
]


def draw_picture(caption):
    rng = random.Random(zlib.crc32(caption.encode()))  # noqa: S311 (pictures, not secrets)
    top, horizon, land, sun = rng.choice(PALETTES)

    sky_gradient = Image.linear_gradient("L").resize(SIZE)
    image = Image.composite(
        Image.new("RGB", SIZE, horizon), Image.new("RGB", SIZE, top), sky_gradient
    )
    draw = ImageDraw.Draw(image, "RGBA")

    sun_x, sun_y, radius = rng.randint(200, 1400), rng.randint(180, 420), rng.randint(50, 90)
    for halo in range(6, 0, -1):
        r = radius * (1 + halo * 0.35)
        draw.ellipse((sun_x - r, sun_y - r, sun_x + r, sun_y + r), fill=(*hex_rgb(sun), 14))
    draw.ellipse((sun_x - radius, sun_y - radius, sun_x + radius, sun_y + radius), fill=sun)

    # Three layers of hills or waves, lighter and higher at the back.
    for layer in range(3):
        base = HEIGHT * (0.55 + 0.13 * layer)
        amplitude = rng.randint(20, 70) / (layer + 1)
        wavelength = rng.randint(300, 700)
        phase = rng.random() * math.tau
        points = [
            (
                x,
                base
                - amplitude * math.sin(x / wavelength * math.tau + phase)
                - amplitude / 3 * math.sin(x / wavelength * 2.7 * math.tau + phase * 2),
            )
            for x in range(0, WIDTH + 40, 40)
        ]
        alpha = 110 + 70 * layer
        draw.polygon([*points, (WIDTH, HEIGHT), (0, HEIGHT)], fill=(*hex_rgb(land), alpha))

    draw.text((80, HEIGHT - 140), caption, font=caption_font(), fill=(255, 255, 255, 230))

    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80, optimize=True)
    buffer.seek(0)
    return ImageFile(buffer, name=f"{slugify(caption)[:60]}.jpg")


def caption_font():
    # Pillow's built-in font has no å, ä or ö; DejaVu Sans, where installed, has them.
    try:
        return ImageFont.truetype("DejaVuSans.ttf", size=60)
    except OSError:
        return ImageFont.load_default(size=60)


def hex_rgb(colour):
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
