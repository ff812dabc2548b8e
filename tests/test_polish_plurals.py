"""Polish counts take three forms: 1 (godzina), 2–4 and 22–24 (godziny), 5–21 and 25+ (godzin). Each
plural sentence in locales/pl is read at 1, 2, 5 and 22, as a neighbour would see it."""

import pytest

from bot.i18n import Catalogues
from handlers.kernel.render import plural_key

CATALOGUES = Catalogues.load()
FORMS = CATALOGUES.plural_forms["pl"]


def _at(singular: str, plural: str, number: int) -> str:
    return CATALOGUES.translate("pl", plural_key(singular, plural, number))


def test_the_polish_rule_picks_one_few_and_many() -> None:
    rule = CATALOGUES.plural_rules["pl"]
    assert [rule(n) for n in (1, 2, 4, 5, 12, 21, 22, 24, 25, 101, 102)] == [0, 1, 1, 2, 2, 2, 1, 1, 2, 2, 1]


@pytest.mark.parametrize(("singular", "plural"), sorted(FORMS))
def test_every_polish_plural_sentence_has_its_three_forms_and_2_reads_like_22(singular: str, plural: str) -> None:
    assert len(FORMS[(singular, plural)]) == 3 and all(FORMS[(singular, plural)])
    assert _at(singular, plural, 2) == _at(singular, plural, 22)


@pytest.mark.parametrize(("singular", "plural", "forms"), [
    ("{count} hour", "{count} hours", ("1 godzina", "2 godziny", "5 godzin", "22 godziny")),
    ("{minutes} minute", "{minutes} minutes", ("1 minuta", "2 minuty", "5 minut", "22 minuty")),
    ("{count} day", "{count} days", ("1 dzień", "2 dni", "5 dni", "22 dni")),
    ("⏳ Asks nobody took within {hours} hour: {count}", "⏳ Asks nobody took within {hours} hours: {count}",
     ("przez 1 godzinę", "przez 2 godziny", "przez 5 godzin", "przez 22 godziny")),
])
def test_polish_counts_read_right_at_1_2_5_and_22(singular: str, plural: str, forms: tuple[str, ...]) -> None:
    for number, expected in zip((1, 2, 5, 22), forms):
        shown = _at(singular, plural, number).format(count=number, hours=number, minutes=number)
        assert expected in shown, (number, shown)
