"""bot/charts.py: a weekly chart is a real PNG that carries the numbers it shows."""

from datetime import date, timedelta
from io import BytesIO

from PIL import Image

from bot.charts import HEIGHT, PALETTE, WIDTH, counts_in, render_weekly_chart
from handlers.kernel.messages import Outgoing, Person, ToPerson, WeeklyChart, as_is, msg
from handlers.kernel.serialize import decode_private, encode_private
from tests.fakes import plain

WEEKS = tuple(date(2026, 1, 5) + timedelta(weeks=number) for number in range(8))


def _chart(series: dict[str, tuple[int, ...]], title: str = "Elm Street: the last 8 weeks") -> WeeklyChart:
    return WeeklyChart(as_is(title), WEEKS, tuple((as_is(label), counts) for label, counts in series.items()))


def test_a_valid_png_of_the_right_size_with_its_numbers() -> None:
    series = {"Asks": (0, 1, 2, 3, 4, 5, 6, 7), "Offers": (3, 0, 0, 12, 0, 0, 0, 1)}
    png = render_weekly_chart(_chart(series), plain)
    with Image.open(BytesIO(png)) as image:
        assert image.format == "PNG" and image.size == (WIDTH, HEIGHT)
        image.verify()
    assert counts_in(png) == {
        "title": "Elm Street: the last 8 weeks",
        "weeks": [week.isoformat() for week in WEEKS],
        "series": {"Asks": [0, 1, 2, 3, 4, 5, 6, 7], "Offers": [3, 0, 0, 12, 0, 0, 0, 1]},
    }


def test_bars_are_drawn_for_counts_and_not_for_zeros() -> None:
    empty = render_weekly_chart(_chart({"Asks": (0,) * 8, "Offers": (1,) * 8}), plain)
    busy = render_weekly_chart(_chart({"Asks": (5,) * 8, "Offers": (1,) * 8}), plain)
    blue = PALETTE[0]

    def blue_pixels(png: bytes) -> int:
        with Image.open(BytesIO(png)) as image:
            return next(count for count, colour in image.convert("RGB").getcolors(1 << 20) if colour == blue)

    # With nothing to show for it, the first series' colour is only in the legend's little square. (A chart
    # with nothing at all to show is not drawn: tests/organisers/test_quiet_weeks.py.)
    assert blue_pixels(busy) > blue_pixels(empty) * 10


def test_other_alphabets_and_long_legends() -> None:
    series = {f"Запити та пропозиції {number}": (number,) * 8 for number in range(6)}
    png = render_weekly_chart(_chart(series, title="Вулиця В'язів: останні 8 тижнів"), plain)
    assert counts_in(png)["title"] == "Вулиця В'язів: останні 8 тижнів"
    assert len(counts_in(png)["series"]) == 6


def test_a_chart_survives_waiting_in_the_outbox() -> None:
    chart = WeeklyChart(msg("{street}: the last {weeks} weeks", street="Elm Street", weeks=8), WEEKS,
                        ((as_is("Asks"), (1, 2, 3, 4, 5, 6, 7, 8)),))
    outgoing = Outgoing(ToPerson(Person("test", "olga")), as_is("hi"), chart=chart)
    assert decode_private(encode_private(outgoing)).chart == chart
