"""Small bar charts of a city's key figures, drawn as SVG on the server."""

from dataclasses import dataclass, field

from django.utils.formats import number_format

CHART_WIDTH = 320
CHART_HEIGHT = 160
# Room above the bars for their values and below them for the years.
TOP_MARGIN = 22
BOTTOM_MARGIN = 24
GAP = 12


@dataclass
class Bar:
    year: int
    label: str
    x: float
    y: float
    width: float
    height: float

    @property
    def centre(self):
        return round(self.x + self.width / 2, 1)


@dataclass
class IndicatorSeries:
    """Every year's figure for one indicator, oldest first."""

    indicator: str
    unit: str
    figures: list = field(default_factory=list)

    @property
    def latest(self):
        return self.figures[-1]

    @property
    def sources(self):
        return sorted({figure.source for figure in self.figures if figure.source})

    def bars(self):
        """The chart's bars, or none when a single year leaves nothing to compare."""
        if len(self.figures) < 2:
            return []
        largest = max(abs(figure.value) for figure in self.figures) or 1
        plot_height = CHART_HEIGHT - TOP_MARGIN - BOTTOM_MARGIN
        width = (CHART_WIDTH - GAP * (len(self.figures) - 1)) / len(self.figures)
        bars = []
        for index, figure in enumerate(self.figures):
            height = round(float(abs(figure.value) / largest) * plot_height, 1)
            bars.append(
                Bar(
                    year=figure.year,
                    label=f"{number_format(figure.value.normalize())}{self.unit_suffix}",
                    x=round(index * (width + GAP), 1),
                    y=round(TOP_MARGIN + plot_height - height, 1),
                    width=round(width, 1),
                    height=height,
                )
            )
        return bars

    @property
    def unit_suffix(self):
        return f" {self.unit}" if self.unit and self.unit != "%" else self.unit


def indicator_series(key_figures):
    """Group key figures by indicator, keeping the editor's order of indicators."""
    series = {}
    for figure in key_figures:
        series.setdefault(figure.indicator, IndicatorSeries(figure.indicator, figure.unit))
        series[figure.indicator].figures.append(figure)
    for one in series.values():
        one.figures.sort(key=lambda figure: figure.year)
    return list(series.values())
