"""The library's overview chart: live practices per charter goal or Capital Code theme, as
horizontal bars drawn in SVG on the server (no script, readable without CSS).

Each bar is one row: the term's name on a line of its own (names are long), the bar below
it, and the count at the bar's end. The template draws what ``BarChart`` measures here.
"""

from dataclasses import dataclass, field

CHART_WIDTH = 400
ROW_HEIGHT = 52
# From the top of a row: the name's baseline, then the bar.
NAME_BASELINE = 16
BAR_TOP = 24
BAR_HEIGHT = 18
# Room after the longest bar for its count.
COUNT_ROOM = 44
COUNT_GAP = 6


@dataclass
class ChartBar:
    name: str
    number: int
    count: int
    colour: str
    url: str
    top: float
    length: float
    chart_height: int
    current: bool = False

    @property
    def name_y(self):
        return self.top + NAME_BASELINE

    @property
    def bar_y(self):
        return self.top + BAR_TOP

    @property
    def count_x(self):
        return round(self.length + COUNT_GAP, 1)

    @property
    def count_y(self):
        # The count's baseline, so that the figure sits in the middle of the bar.
        return self.top + BAR_TOP + BAR_HEIGHT - 4

    @property
    def row_top_percent(self):
        """Where the bar's row starts, as a share of the chart's height: the bar's link
        lies over the row (links inside an SVG image would be hidden from screen readers)."""
        return round(self.top / self.chart_height * 100, 3)


@dataclass
class BarChart:
    """A titled bar chart; ``slug`` keeps the ids of several charts on a page apart."""

    slug: str
    title: str
    term_heading: str
    bars: list = field(default_factory=list)
    width: int = CHART_WIDTH
    bar_height: int = BAR_HEIGHT

    @property
    def height(self):
        return max(1, len(self.bars)) * ROW_HEIGHT

    @property
    def row_percent(self):
        return round(100 / max(1, len(self.bars)), 3)

    @property
    def total(self):
        return sum(bar.count for bar in self.bars)


def practices_chart(slug, title, term_heading, terms, url_for, current=None):
    """A chart of ``terms`` (goals or themes annotated with ``practice_count``); ``url_for``
    gives each bar's link, and ``current`` marks the term a landing page is about."""
    terms = list(terms)
    largest = max((term.practice_count for term in terms), default=0) or 1
    room = CHART_WIDTH - COUNT_ROOM
    bars = [
        ChartBar(
            name=term.name,
            number=term.number,
            count=term.practice_count,
            colour=term.colour,
            url=url_for(term),
            top=index * ROW_HEIGHT,
            # A sliver even for none, so that every row shows where its bar starts.
            length=max(2.0, round(term.practice_count / largest * room, 1)),
            chart_height=max(1, len(terms)) * ROW_HEIGHT,
            current=current is not None and term.pk == current.pk,
        )
        for index, term in enumerate(terms)
    ]
    return BarChart(slug=slug, title=title, term_heading=term_heading, bars=bars)
