"""Weekly charts as small PNG pictures, drawn with Pillow: a group of bars per week, a colour per
series, a legend underneath. Shared by every adapter that sends pictures. A chart with nothing in it
is not drawn (`worth_drawing`): an empty picture says less than no picture.

The numbers drawn are also written into the PNG as a text chunk (`COUNTS_KEY`, JSON), so a test —
or anyone curious — can read exactly what the picture shows."""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path
from typing import Callable

from PIL import Image, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo

from handlers.kernel.messages import Msg, WeeklyChart

COUNTS_KEY = "doorstep:counts"
WIDTH, HEIGHT = 880, 460
LEFT, RIGHT, TOP, BOTTOM = 56, 24, 64, 120  # margins around the bars
BACKGROUND = (255, 255, 255)
INK = (40, 40, 48)
GRID = (226, 226, 232)
PALETTE = ((52, 120, 200), (46, 160, 90), (230, 140, 40), (150, 90, 190), (220, 80, 90), (90, 170, 180))
# Fonts with wide coverage (Latin, Polish, Romanian, Cyrillic), where the system has them.
FONT_FILES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
)
NICE_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000)

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


def _font(size: int) -> Font:
    for path in FONT_FILES:
        if Path(path).is_file():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


def _step(highest: int) -> int:
    """A round step for the value axis, so it has at most five lines."""
    return next((step for step in NICE_STEPS if highest / step <= 5), NICE_STEPS[-1])


class NothingToDraw(ValueError):
    """A chart whose every count is zero (a street with no numbers yet)."""


def worth_drawing(chart: WeeklyChart | None) -> bool:
    """Whether a message's chart should go with it as a picture."""
    return chart is not None and chart.has_numbers


def render_weekly_chart(chart: WeeklyChart, say: Callable[[Msg], str]) -> bytes:
    """The chart as PNG bytes; `say` turns titles and labels into words in the reader's language.
    Raises NothingToDraw for a chart with no numbers (check `worth_drawing` first)."""
    if not chart.has_numbers:
        raise NothingToDraw(f"no numbers to draw in {chart.title.key!r}")
    title = say(chart.title)
    labels = [say(label) for label, _ in chart.series]
    counts = [list(values) for _, values in chart.series]
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    small, large = _font(13), _font(18)
    draw.text((LEFT, 20), title, fill=INK, font=large)

    plot_left, plot_right, plot_top, plot_bottom = LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM
    highest = max((value for series in counts for value in series), default=0)
    step = _step(max(highest, 1))
    top_value = max(step, -(-max(highest, 1) // step) * step)

    def y_of(value: float) -> float:
        return plot_bottom - (plot_bottom - plot_top) * value / top_value

    for value in range(0, top_value + 1, step):
        y = y_of(value)
        draw.line((plot_left, y, plot_right, y), fill=GRID, width=1)
        draw.text((plot_left - 8, y), str(value), fill=INK, font=small, anchor="rm")

    weeks = len(chart.weeks)
    group = (plot_right - plot_left) / max(weeks, 1)
    bar = group * 0.8 / max(len(counts), 1)
    for index, week in enumerate(chart.weeks):
        left = plot_left + index * group + group * 0.1
        for number, series in enumerate(counts):
            value = series[index] if index < len(series) else 0
            if value:
                x0 = left + number * bar
                draw.rectangle((x0, y_of(value), x0 + bar - 1, plot_bottom), fill=PALETTE[number % len(PALETTE)])
        draw.text((plot_left + (index + 0.5) * group, plot_bottom + 8), f"{week.day}/{week.month}",
                  fill=INK, font=small, anchor="mt")
    draw.line((plot_left, plot_bottom, plot_right, plot_bottom), fill=INK, width=1)

    x, y = plot_left, plot_bottom + 36
    for number, label in enumerate(labels):
        width = draw.textlength(label, font=small) + 36
        if x + width > WIDTH - RIGHT:
            x, y = plot_left, y + 22
        draw.rectangle((x, y + 2, x + 14, y + 16), fill=PALETTE[number % len(PALETTE)])
        draw.text((x + 20, y), label, fill=INK, font=small)
        x += width

    info = PngInfo()
    info.add_itxt(COUNTS_KEY, json.dumps({
        "title": title,
        "weeks": [week.isoformat() for week in chart.weeks],
        "series": dict(zip(labels, counts)),
    }, ensure_ascii=False))
    out = BytesIO()
    image.save(out, "PNG", pnginfo=info, optimize=True)
    return out.getvalue()


def counts_in(png: bytes) -> dict:
    """What a chart made here says it shows: {"title", "weeks": [ISO dates], "series": {label: counts}}."""
    with Image.open(BytesIO(png)) as image:
        image.load()
        return json.loads(image.text[COUNTS_KEY])  # type: ignore[attr-defined]
