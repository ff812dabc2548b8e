"""Every catalogue under locales/ says everything the code says, with the same {placeholders}."""

from pathlib import Path

from babel.messages.pofile import read_po

from bot.i18n import Catalogues, problems, sentences_in_code
from handlers.help import texts as help_texts
from handlers.kernel import texts
from handlers.organisers import texts as organisers_texts
from handlers.posts import texts as posts_texts

ROOT = Path(__file__).resolve().parents[1]


def test_every_shipped_catalogue_is_complete() -> None:
    assert problems(Catalogues.load(), ROOT) == {}


def test_the_template_is_up_to_date_with_the_code() -> None:
    with (ROOT / "locales" / "doorstep.pot").open("rb") as handle:
        in_template = {message.id for message in read_po(handle) if message.id}
    assert in_template == sentences_in_code(ROOT), "run `make translations`"


def test_the_check_notices_missing_sentences_and_wrong_placeholders() -> None:
    needed = sentences_in_code(ROOT)
    partial = {sentence: sentence for sentence in needed}
    del partial[help_texts.WELCOME_PRIVATE]
    partial[posts_texts.TOO_LONG] = "Za długie (maks. {limt} znaków)"  # a typo in a placeholder
    report = problems(Catalogues({"pl": partial}), ROOT)["pl"]
    assert any("missing" in line and "Hello!" in line for line in report)
    assert any("placeholders differ" in line and "a bit long for a card" in line for line in report)


def test_an_unknown_sentence_or_language_falls_back_to_english() -> None:
    catalogues = Catalogues({"pl": {posts_texts.OWN_POST: "To Twój wpis 🙂"}})
    assert catalogues.translate("pl", posts_texts.OWN_POST) == "To Twój wpis 🙂"
    assert catalogues.translate("pl", texts.ALREADY_DONE) == texts.ALREADY_DONE
    assert catalogues.translate("xx", posts_texts.OWN_POST) == posts_texts.OWN_POST
    assert catalogues.languages == ("en", "pl")


def test_a_sentence_marked_fuzzy_counts_as_missing(tmp_path: Path) -> None:
    folder = tmp_path / "pl" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "doorstep.po").write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=utf-8\\n"\n\n'
        f'msgid "{posts_texts.OWN_POST}"\nmsgstr "To Twoje własne ogłoszenie 🙂"\n\n'
        f'#, fuzzy\nmsgid "{texts.ALREADY_DONE}"\nmsgstr "Już zrobione 🙂"\n',
        encoding="utf-8",
    )
    table = Catalogues.load(tmp_path).translations["pl"]
    assert table == {posts_texts.OWN_POST: "To Twoje własne ogłoszenie 🙂"}


def test_numbers_take_the_right_plural_form_in_each_language() -> None:
    from handlers.kernel.messages import msg
    from handlers.kernel.render import render

    catalogues = Catalogues.load()

    def days(locale: str, number: int) -> str:
        return render(msg(organisers_texts.FOR_DAYS, count=number), locale, translate=catalogues.translate)

    assert [days("en", n) for n in (1, 2, 5)] == ["1 day", "2 days", "5 days"]
    assert [days("pl", n) for n in (1, 2, 5, 12, 22)] == ["1 dzień", "2 dni", "5 dni", "12 dni", "22 dni"]
    hours = [render(msg(organisers_texts.FOR_HOURS, count=n), "pl", translate=catalogues.translate) for n in (1, 3, 5, 13, 24)]
    assert hours == ["1 godzina", "3 godziny", "5 godzin", "13 godzin", "24 godziny"]
    assert [days("ro", n) for n in (1, 2, 19, 20, 101)] == ["1 zi", "2 zile", "19 zile", "20 de zile", "101 zile"]
    # A translator that knows nothing of plurals still gets the English right.
    assert render(msg(organisers_texts.FOR_DAYS, count=1), "pl", translate=lambda locale, key: key) == "1 day"


def test_the_check_notices_a_plural_form_that_adds_a_placeholder() -> None:
    needed = sentences_in_code(ROOT)
    plain = {sentence: sentence for sentence in needed if isinstance(sentence, str)}
    plurals = {sentence: (sentence[0], sentence[1], sentence[1]) for sentence in needed if not isinstance(sentence, str)}
    plurals[(organisers_texts.FOR_DAYS.singular, organisers_texts.FOR_DAYS.plural)] = ("{count} dzień", "{count} dni {extra}", "{count} dni")
    report = problems(Catalogues({"pl": plain}, {"pl": plurals}, {"pl": lambda n: 0}), ROOT)["pl"]
    assert report == [f"placeholders differ: {organisers_texts.FOR_DAYS.plural!r}"]
