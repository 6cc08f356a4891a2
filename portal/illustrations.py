"""Illustrations for what has no picture of its own: a member city as a skyline before its
country's cross, a charter goal as a pattern on the goal's colour, the network as the
Nordic flags' colours joined up.

They are drawings and look it: plain shapes, no text, nothing that passes for a photo. The
same subject always gives the same drawing, drawn here once as a list of shapes; the
templates show it as inline SVG (``svg`` below) and the demo loader as a raster image that
Wagtail can make renditions of (website/demo/images.py).
"""

import itertools
import math
import random
import re
import zlib
from dataclasses import dataclass

WIDTH, HEIGHT = 1600, 900

NAVY_900 = "#071D38"
NAVY_800 = "#0B2F5B"
SLATE = "#8FA6BF"
WHITE = "#FFFFFF"
LAMP = "#FFD166"

HEX_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True)
class Shape:
    """One shape on the 1600 x 900 canvas. ``at`` is (x0, y0, x1, y1) for a rect or a
    line, (cx, cy, r) for a circle, and the corners for a polygon."""

    kind: str
    at: tuple
    fill: str
    opacity: float = 1.0
    stroke_width: int = 0


@dataclass(frozen=True)
class Illustration:
    title: str
    # Alt text for where the drawing is a picture of its own (the demo's image library);
    # where it stands in for a missing picture beside a title, it is decorative.
    description: str
    shapes: tuple


@dataclass(frozen=True)
class Flag:
    adjective: str
    colours: str
    field: str
    cross: str
    inner: str = ""


# The cross of each country's flag, by ISO 3166 code (as cities.models.Country stores it).
FLAGS = {
    "DK": Flag("Danish", "red and white", "#C8102E", WHITE),
    "FI": Flag("Finnish", "white and blue", WHITE, "#002F6C"),
    "IS": Flag("Icelandic", "blue, white and red", "#02529C", WHITE, "#DC1E35"),
    "NO": Flag("Norwegian", "red, white and blue", "#BA0C2F", WHITE, "#00205B"),
    "SE": Flag("Swedish", "blue and yellow", "#006AA7", "#FECC02"),
    "FO": Flag("Faroese", "white, blue and red", WHITE, "#0065BD", "#EF303E"),
    "AX": Flag("Åland", "blue, yellow and red", "#0064AD", "#FFD200", "#DA0E15"),
}


def seeded(key):
    """A random source that gives the same drawing for the same key on every run."""
    return random.Random(zlib.crc32(key.encode()))  # noqa: S311 (drawings, not secrets)


def city_illustration(slug, country, name):
    """A skyline of plain blocks, some lit, before a large cross of the country's flag."""
    rng = seeded(f"city:{slug}")
    flag = FLAGS.get(country)
    shapes = [Shape("rect", (0, 0, WIDTH, HEIGHT), flag.field if flag else NAVY_800)]
    if flag:
        # The flag's proportions: the upright left of the middle, the bar across it.
        shapes += cross(560, 380, 190, flag.cross)
        if flag.inner:
            shapes += cross(560, 380, 90, flag.inner)
    # A veil over the flag, so that it reads as a sky and the city stands out.
    shapes.append(Shape("rect", (0, 0, WIDTH, HEIGHT), WHITE, 0.28))
    shapes += skyline(rng, base=HEIGHT - 60, low=260, high=520, colour=SLATE, opacity=0.95)
    shapes += skyline(rng, base=HEIGHT - 60, low=120, high=330, colour=NAVY_800, lamps=True)
    shapes.append(Shape("rect", (0, HEIGHT - 60, WIDTH, HEIGHT), NAVY_900))
    backdrop = f"a large {flag.adjective} cross in {flag.colours}" if flag else "a deep blue sky"
    return Illustration(
        title=f"Illustration: {name}",
        description=(
            f"Illustration for {name}: a skyline of plain blocks with lit windows before "
            f"{backdrop}."
        ),
        shapes=tuple(shapes),
    )


def cross(x, y, width, colour):
    half = width // 2
    return [
        Shape("rect", (x - half, 0, x + half, HEIGHT), colour),
        Shape("rect", (0, y - half, WIDTH, y + half), colour),
    ]


def skyline(rng, *, base, low, high, colour, opacity=1.0, lamps=False):
    """Blocks side by side across the canvas, some with a gable or a spire."""
    shapes = []
    x = -rng.randint(0, 60)
    while x < WIDTH:
        width = rng.randint(70, 190)
        top = base - rng.randint(low, high)
        shapes.append(Shape("rect", (x, top, x + width, base), colour, opacity))
        roof = rng.random()
        if roof < 0.2:
            shapes.append(
                Shape(
                    "polygon",
                    ((x, top), (x + width // 2, top - width // 2), (x + width, top)),
                    colour,
                    opacity,
                )
            )
        elif roof < 0.28:
            middle = x + width // 2
            shapes.append(
                Shape(
                    "polygon",
                    ((middle - 16, top), (middle, top - 150), (middle + 16, top)),
                    colour,
                    opacity,
                )
            )
        if lamps and rng.random() < 0.6:
            shapes += windows(rng, x, top, width, base)
        x += width + rng.choice((0, 0, 8, 20))
    return shapes


def windows(rng, x, top, width, base):
    column = x + rng.randint(14, max(14, width - 44))
    return [
        Shape("rect", (column, y, column + 26, y + 34), LAMP, 0.85)
        for y in range(top + 30, base - 50, 70)
        if rng.random() < 0.5
    ]


def goal_illustration(slug, colour, name):
    """A pattern in white on the goal's colour; each of the charter's goals has its own."""
    background = colour if HEX_COLOUR.match(colour or "") else NAVY_800
    pattern, what = GOAL_PATTERNS.get(slug, (stripes, "diagonal stripes"))
    shapes = [Shape("rect", (0, 0, WIDTH, HEIGHT), background), *pattern(seeded(f"goal:{slug}"))]
    return Illustration(
        title=f"Illustration: {name}",
        description=f"Illustration for the charter goal {name}: {what} on the goal's colour.",
        shapes=tuple(shapes),
    )


def street_plan(rng):
    shapes = []
    for column in range(9):
        for row in range(5):
            x, y = 40 + column * 180, 40 + row * 170
            if rng.random() < 0.12:
                shapes.append(Shape("circle", (x + 70, y + 65, 60), LAMP, 0.8))
            else:
                shapes.append(
                    Shape("rect", (x, y, x + 140, y + 130), WHITE, rng.choice((0.12, 0.2, 0.3)))
                )
    return shapes


def network(rng):
    nodes = [(rng.randint(80, WIDTH - 80), rng.randint(80, HEIGHT - 80)) for _ in range(16)]
    shapes = []
    for node in nodes:
        nearest = sorted(nodes, key=lambda other: math.dist(node, other))[1:3]
        shapes += [Shape("line", (*node, *other), WHITE, 0.35, stroke_width=6) for other in nearest]
    shapes += [Shape("circle", (*node, rng.randint(14, 34)), WHITE, 0.9) for node in nodes]
    hub = nodes[0]
    shapes.append(Shape("circle", (*hub, 70), LAMP, 0.85))
    return shapes


def families(rng):
    shapes = []
    for centre_x in (300, 800, 1300):
        centre_y = 450 + rng.randint(-80, 80)
        for dx, dy, radius, opacity in (
            (-70, 0, 150, 0.22),
            (90, 30, 115, 0.32),
            (20, 130, 70, 0.6),
        ):
            shapes.append(Shape("circle", (centre_x + dx, centre_y + dy, radius), WHITE, opacity))
    shapes.append(Shape("circle", (800 + rng.randint(-300, 300), 140, 40), LAMP, 0.85))
    return shapes


def institution(rng):
    shapes = [
        Shape("polygon", ((420, 330), (800, 130), (1180, 330)), WHITE, 0.85),
        Shape("rect", (440, 330, 1160, 370), WHITE, 0.85),
        Shape("rect", (400, 700, 1200, 740), WHITE, 0.6),
        Shape("rect", (360, 740, 1240, 780), WHITE, 0.4),
        Shape("circle", (800, 260, 34), LAMP, 0.9),
    ]
    shapes += [Shape("rect", (x, 390, x + 60, 700), WHITE, 0.7) for x in range(470, 1140, 110)]
    # Smaller buildings of the same kind behind, as in a civic quarter.
    for x in (40, 1300):
        height = rng.randint(300, 420)
        shapes.append(Shape("rect", (x, HEIGHT - 120 - height, x + 260, HEIGHT - 120), WHITE, 0.14))
    return shapes


def rising(rng):
    shapes = []
    for step in range(7):
        x = 150 + step * 190
        height = 160 + step * 85 + rng.randint(-20, 20)
        shapes.append(
            Shape(
                "rect", (x, HEIGHT - 80 - height, x + 120, HEIGHT - 80), WHITE, 0.25 + step * 0.08
            )
        )
        shapes.append(
            Shape(
                "circle",
                (x + 60, HEIGHT - 80 - height - 70, 46),
                LAMP if step == 6 else WHITE,
                0.85,
            )
        )
    return shapes


def circle_of_people(rng):
    centre_x, centre_y = WIDTH // 2, HEIGHT // 2
    shapes = [Shape("circle", (centre_x, centre_y, radius), WHITE, 0.08) for radius in (420, 300)]
    for ring, count, size in ((360, 14, 36), (220, 8, 30)):
        turn = rng.random() * math.tau
        for place in range(count):
            angle = turn + place * math.tau / count
            x = centre_x + ring * math.cos(angle)
            y = centre_y + ring * math.sin(angle)
            shapes.append(Shape("circle", (round(x), round(y), size), WHITE, 0.85))
    shapes.append(Shape("circle", (centre_x, centre_y, 80), LAMP, 0.85))
    return shapes


def stripes(rng):
    return [
        Shape("polygon", ((x, 0), (x + 120, 0), (x - 780, HEIGHT), (x - 900, HEIGHT)), WHITE, 0.18)
        for x in range(0, WIDTH + 900, 300)
    ]


# By the charter goals' slugs, which a data migration fixes and no one changes.
GOAL_PATTERNS = {
    "safe-urban-spaces": (street_plan, "a street plan of blocks with lit squares"),
    "safe-online-sphere": (network, "dots joined into a network"),
    "strong-families": (families, "three groups of circles, large and small"),
    "safe-public-institutions": (institution, "a public building with columns"),
    "strong-youth-engagement": (rising, "rising steps, each with a circle above it"),
    "safe-communities": (circle_of_people, "two rings of dots around a lit centre"),
}


def network_illustration():
    """The five Nordic countries' crosses as small tiles in a wave, joined, on deep blue."""
    shapes = [Shape("rect", (0, 0, WIDTH, HEIGHT), NAVY_800)]
    centres = [(260 + place * 270, 450 + (110 if place % 2 else -110)) for place in range(5)]
    shapes += [
        Shape("line", (*one, *other), WHITE, 0.5, stroke_width=10)
        for one, other in itertools.pairwise(centres)
    ]
    for (x, y), country in zip(centres, ("IS", "NO", "SE", "FI", "DK"), strict=True):
        shapes += tile(x, y, FLAGS[country])
    return Illustration(
        title="Illustration: Nordic Safe Cities",
        description=(
            "Illustration of the network: the crosses of the Icelandic, Norwegian, Swedish, "
            "Finnish and Danish flags as five small tiles joined by lines, on deep blue."
        ),
        shapes=tuple(shapes),
    )


def tile(x, y, flag):
    """A flag's cross in a 220 x 160 tile centred on (x, y)."""
    left, top, right, bottom = x - 110, y - 80, x + 110, y + 80
    upright = left + 80
    shapes = [Shape("rect", (left, top, right, bottom), flag.field)]
    for width, colour in ((36, flag.cross), (16, flag.inner)):
        if colour:
            shapes += [
                Shape("rect", (upright - width // 2, top, upright + width // 2, bottom), colour),
                Shape("rect", (left, y - width // 2, right, y + width // 2), colour),
            ]
    return shapes


def svg(illustration):
    """The illustration as inline SVG markup, decorative: it fills its box, cropped."""
    body = "".join(svg_shape(shape) for shape in illustration.shapes)
    return (
        f'<svg class="illustration" viewBox="0 0 {WIDTH} {HEIGHT}" '
        'preserveAspectRatio="xMidYMid slice" aria-hidden="true" focusable="false">'
        f"{body}</svg>"
    )


def svg_shape(shape):
    # Every value is a number or a colour checked against #RRGGBB, never other text.
    colour = shape.fill if HEX_COLOUR.match(shape.fill) else NAVY_800
    opacity = "" if shape.opacity == 1 else f' opacity="{shape.opacity:g}"'
    numbers = [round(value) for value in (shape.at if shape.kind != "polygon" else ())]
    if shape.kind == "rect":
        x0, y0, x1, y1 = numbers
        return (
            f'<rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" '
            f'fill="{colour}"{opacity}/>'
        )
    if shape.kind == "circle":
        x, y, r = numbers
        return f'<circle cx="{x}" cy="{y}" r="{r}" fill="{colour}"{opacity}/>'
    if shape.kind == "line":
        x0, y0, x1, y1 = numbers
        return (
            f'<line x1="{x0}" y1="{y0}" x2="{x1}" y2="{y1}" stroke="{colour}" '
            f'stroke-width="{shape.stroke_width}"{opacity}/>'
        )
    points = " ".join(f"{round(x)},{round(y)}" for x, y in shape.at)
    return f'<polygon points="{points}" fill="{colour}"{opacity}/>'
