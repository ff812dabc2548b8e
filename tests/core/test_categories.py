import pytest

from handlers.posts.categories import CATEGORIES, KEYWORDS, classify, label


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Could someone pick up milk and bread tomorrow?", "shopping"),
        ("I can do a big supermarket shop on Fridays", "shopping"),
        ("Need my prescription collected from the chemist", "pharmacy"),
        ("Could anyone get my meds from the pharmacy?", "pharmacy"),
        ("Could someone walk my dog on Saturday?", "pets"),
        ("Happy to feed the cat while you're away", "pets"),
        ("Could someone give me a lift to the hospital appointment?", "lifts"),
        ("Fancy a chat over a cuppa? I'm around most afternoons", "chat"),
        ("I'd love a phone call now and then", "chat"),
        ("Can I borrow a ladder this weekend?", "lending"),
        ("Happy to lend my drill and other tools", "lending"),
        ("Could someone help with weeding the garden?", "odd_jobs"),
        ("I can fix a wobbly shelf", "odd_jobs"),
        ("I'll batch cook a casserole for anyone who'd like a hot meal", "meals"),
        ("Anyone good at knitting?", "other"),
        ("", "other"),
        ("🐕🐕🐕", "other"),
    ],
)
def test_classify_picks_the_category_a_neighbour_would(text: str, expected: str) -> None:
    assert classify(text) == expected


def test_accents_and_case_do_not_matter() -> None:
    assert classify("PRESCRIPTIÓN please") == "pharmacy"


def test_a_strong_word_beats_a_passing_mention() -> None:
    # "borrow" decides, even though a drill is also a tool for odd jobs.
    assert classify("Could I borrow a drill to fix a shelf?") == "lending"


def test_every_category_has_a_label_and_every_keyword_list_a_category() -> None:
    codes = {category.code for category in CATEGORIES}
    for per_language in KEYWORDS.values():
        assert set(per_language) <= codes
    assert all(label(code) for code in codes)
    assert label("no-such-code") == label("other")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Polish
        ("zakupy", "shopping"),
        ("Czy ktoś mógłby jutro kupić mleko, chleb i jajka?", "shopping"),
        ("Zrobię zakupy w Biedronce", "shopping"),
        ("recepta", "pharmacy"),
        ("apteka", "pharmacy"),
        ("Potrzebuję odebrać receptę z apteki", "pharmacy"),
        ("pies", "pets"),
        ("Mogę wyprowadzać psa w dni powszednie rano", "pets"),
        ("Kto nakarmi kota w weekend?", "pets"),
        ("podwózka", "lifts"),
        ("Czy ktoś mnie podwiezie do szpitala?", "lifts"),
        ("Chętnie porozmawiam przez telefon", "chat"),
        ("Czy ktoś ma ochotę pogadać? ☕", "chat"),
        ("pożyczyć", "lending"),
        ("Czy mogę pożyczyć wiertarkę?", "lending"),
        ("Pozycze drabine", "lending"),  # typed without Polish letters
        ("Pomogę w ogrodzie", "odd_jobs"),
        ("Naprawię półkę", "odd_jobs"),
        ("Ugotuję zupę dla kogoś", "meals"),
        # Romanian
        ("cumpărături", "shopping"),
        ("Poate cineva să-mi ia lapte mâine?", "shopping"),
        ("farmacie", "pharmacy"),
        ("Am nevoie de medicamentele de la farmacie", "pharmacy"),
        ("câine", "pets"),
        ("Pot plimba un câine dimineața", "pets"),
        ("transport", "lifts"),
        ("Mă poate duce cineva cu mașina la spital?", "lifts"),
        ("Aș sta la o poveste", "chat"),
        ("împrumut", "lending"),
        ("Îmi împrumută cineva o scară?", "lending"),
        ("Pot ajuta la grădină", "odd_jobs"),
        ("Gătesc o ciorbă pentru cine vrea", "meals"),
        ("cumparaturi si paine", "shopping"),  # typed without Romanian letters
    ],
)
def test_polish_and_romanian_words_find_their_category(text: str, expected: str) -> None:
    assert classify(text) == expected


def test_words_of_one_language_dont_spoil_another() -> None:
    assert classify("I can bake apple pies") == "meals"  # not Polish "pies" (a dog)
    assert classify("Mój pies potrzebuje spaceru") == "pets"
    assert classify("Could someone walk my dog on Sunday?") == "pets"
