"""Typed answers to the bot's own question: "yes", "2", "the first one", "no thanks", "Polski", "tak", "nu".

Someone asked a question with choices may type instead of tapping. `read_answer` decides, from the
words alone, which choice they stand for: by number or ordinal, by yes or no (against labels that
start "Yes…" or "No…/Not…/Never mind"), by the label's own words (in English or the person's
language, a typo forgiven in a long word), or several of those agreeing. Anything hedged ("maybe",
"?") or pointing two ways is UNCLEAR, and the choices are offered again. A choice whose kind is
`destructive` (forget me, take a post down, stop check-ins) is taken only on a plain yes, its number
or its words — never on a guess."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from handlers.kernel.wording import fold, one_letter_off, tokens


class Reading(Enum):
    CHOSEN = "chosen"  # the words stand for one choice
    UNCLEAR = "unclear"  # they read as an answer, but not clearly to one choice
    NOT_AN_ANSWER = "not_an_answer"  # they are about something else


@dataclass(frozen=True)
class ChoiceWords:
    """One choice as the person saw it: its label in English and in their language."""

    labels: tuple[str, ...]
    destructive: bool = False


@dataclass(frozen=True)
class Answer:
    reading: Reading
    index: int | None = None  # CHOSEN: which choice (from 0)


def _folded(*words: str) -> frozenset[str]:
    return frozenset(fold(word) for word in words)


# Yes and no, as neighbours type them in English, Polish and Romanian (folded: no accents).
YES = _folded(
    "yes", "yeah", "yea", "yep", "yup", "ya", "y", "ok", "okay", "okey", "sure", "aye",
    "definitely", "certainly", "course", "absolutely", "alright",
    "tak", "jasne", "pewnie", "oczywiście", "dobrze", "dobra", "zgoda", "poproszę",
    "da", "sigur", "desigur", "bine", "bineînțeles",
)
NO = _folded(
    "no", "nope", "nah", "n", "not", "dont", "don", "never", "cancel", "mind",
    "nie", "niet", "anuluj", "nu", "renunț", "renunt", "anulează",
)
# Words that only soften: "thanks", "please", "love". They never decide anything on their own.
POLITE = _folded(
    "thanks", "thank", "you", "ta", "cheers", "love", "dear", "pls", "plz", "please", "x", "xx", "xxx",
    "dziękuję", "dzięki", "proszę", "poproszę", "mulțumesc", "mersi", "multumesc", "vă", "te", "rog",
    "the", "a", "one", "option", "number", "nr", "numer", "opcja", "opcję", "numărul", "varianta", "opțiunea",
    "i", "id", "d", "t", "like", "want", "choose", "pick", "take", "wybieram", "chcę", "aleg", "vreau",
    "go", "on", "ahead", "do", "it", "that", "this", "s", "that's", "is", "fine", "great", "lovely", "perfect",
    "any", "more", "anymore", "longer", "now", "just", "really", "actually", "already", "then", "still",
    "już", "jeszcze", "teraz", "mai", "deja", "acum",
)
# Words that make an answer a question: it is offered again rather than guessed.
HEDGES = _folded(
    "maybe", "perhaps", "unsure", "sure?", "dunno", "possibly", "but", "or", "hmm", "what", "which",
    "może", "moze", "albo", "ale", "czy", "poate", "sau", "dar", "care",
)
ORDINALS: dict[str, int] = {
    **{word: 1 for word in _folded("first", "1st", "one", "pierwszy", "pierwsza", "pierwsze", "jeden", "jedynka",
                                   "primul", "prima", "unu", "întâi")},
    **{word: 2 for word in _folded("second", "2nd", "two", "drugi", "druga", "drugie", "dwa", "dwójka", "doilea",
                                   "doua", "doi", "două")},
    **{word: 3 for word in _folded("third", "3rd", "three", "trzeci", "trzecia", "trzecie", "trzy", "treilea",
                                   "treia", "trei")},
    **{word: 4 for word in _folded("fourth", "4th", "four", "czwarty", "czwarta", "cztery", "patrulea", "patra", "patru")},
    **{word: -1 for word in _folded("last", "ostatni", "ostatnia", "ultimul", "ultima")},
}
# The first word of a label that says yes or no (labels are read in English for this).
YES_LABEL = _folded("yes", "ok", "okay")
NO_LABEL = _folded("no", "not", "never", "cancel", "nobody")
LONGEST_ANSWER = 8  # words; anything longer is about something else
_DIGITS = re.compile(r"^\s*[#(]?\s*(\d{1,2})\s*[.)]?\s*$")


def _label_tokens(choice: ChoiceWords) -> list[list[str]]:
    return [tokens(label) for label in choice.labels]


def _matches_label(words: list[str], choice: ChoiceWords, *, forgiving: bool) -> bool:
    """Every typed word is in one rendering of the label (close enough, when forgiving), and they say
    enough: a word of three letters or more ("me" alone is not "Yes, forget me"); for a choice that
    can't be undone, all of the label's own words."""
    if not any(len(word) >= 3 for word in words):
        return False
    for label in _label_tokens(choice):
        if label and all(any(typed == said or (forgiving and one_letter_off(typed, said)) for said in label) for typed in words):
            own = [said for said in label if said not in YES and said not in NO and said not in POLITE]
            if not choice.destructive or all(
                any(typed == said or (forgiving and one_letter_off(typed, said)) for typed in words) for said in own
            ):
                return True
    return False


def _polarity_of_label(choice: ChoiceWords) -> str | None:
    english = tokens(choice.labels[0]) if choice.labels else []
    if not english:
        return None
    if english[0] in YES_LABEL:
        return "yes"
    if english[0] in NO_LABEL:
        return "no"
    return None


def _number(text: str, words: list[str], count: int) -> tuple[int | None, bool]:
    """(the choice a number or ordinal names, whether one was given at all)."""
    digits = _DIGITS.match(text)
    if digits:
        return int(digits.group(1)) - 1, True
    numbers = {w for w in words if w.isdigit()}
    if numbers:  # "2 please", "number 3"
        only = next(iter(numbers))
        return (int(only) - 1 if len(numbers) == 1 and len(only) <= 2 else None), True
    named = [ORDINALS[w] for w in words if w in ORDINALS and not (w == "one" and len(words) > 1)]
    if len(set(named)) != 1:
        return None, bool(named)
    number = named[0]
    return (count - 1 if number == -1 else number - 1), True


def read_answer(text: str, choices: list[ChoiceWords]) -> Answer:
    """Which of `choices` the typed `text` stands for, if it clearly stands for one."""
    words = tokens(text)
    if not words or len(words) > LONGEST_ANSWER or not choices:
        return Answer(Reading.NOT_AN_ANSWER)
    hedged = "?" in text or any(w in HEDGES for w in words)
    index, numbered = _number(text, words, len(choices))
    said_yes = any(w in YES for w in words)
    said_no = any(w in NO for w in words)
    rest = [w for w in words if w not in YES and w not in NO and w not in POLITE and w not in ORDINALS
            and w not in HEDGES and not w.isdigit()]
    if not (numbered or said_yes or said_no or rest):
        # Only "maybe" (unclear), or only "thanks" or the like (about something else).
        return Answer(Reading.UNCLEAR if hedged else Reading.NOT_AN_ANSWER)

    candidates = set(range(len(choices)))
    guessed = False  # a choice reached by a forgiving match or by elimination, not said plainly
    if numbered:
        candidates &= {index} if index is not None and 0 <= index < len(choices) else set()
    if said_yes and said_no:
        return Answer(Reading.UNCLEAR)  # "yes no", "ok, no thanks": both ways at once
    if said_yes or said_no:
        wanted = "yes" if said_yes else "no"
        polar = {i for i, c in enumerate(choices) if _polarity_of_label(c) == wanted}
        if not polar and len(choices) == 2:
            # Two choices, one of them the opposite: the other is meant ("yes" to [Keep it open] [Close… no]).
            opposite = {i for i, c in enumerate(choices) if _polarity_of_label(c) not in (None, wanted)}
            polar = set(range(2)) - opposite if len(opposite) == 1 else set()
            guessed = True
        candidates &= polar
    if rest:
        plain = {i for i, c in enumerate(choices) if _matches_label(rest, c, forgiving=False)}
        if not plain:
            plain = {i for i, c in enumerate(choices) if _matches_label(rest, c, forgiving=True)}
            guessed = guessed or bool(plain)
        if not plain:
            return Answer(Reading.NOT_AN_ANSWER)  # words about something else ("milk tomorrow", "oh no")
        candidates &= plain
    if len(candidates) != 1 or hedged:
        return Answer(Reading.UNCLEAR)
    (chosen,) = candidates
    if choices[chosen].destructive and guessed:
        return Answer(Reading.UNCLEAR)
    return Answer(Reading.CHOSEN, chosen)


def label_texts(english: str, translated: str | None) -> tuple[str, ...]:
    """A label's renderings to match against: English first (yes/no is read from it), then theirs."""
    return (english,) if translated is None or fold(translated) == fold(english) else (english, translated)
