"""What a post is about, guessed from the neighbour's own words.

Each category has strong words (decide on their own) and ordinary words; a word ending in `*`
matches any word starting that way, and a phrase matches its words in order. Add a language by
adding its words to `KEYWORDS`; add a category by adding it to `CATEGORIES` and `KEYWORDS`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from handlers.texts import N_
from handlers.wording import fold, tokens


@dataclass(frozen=True)
class Category:
    code: str
    label: str  # message id, shown on cards and buttons


CATEGORIES: tuple[Category, ...] = (
    Category("shopping", N_("🛒 Shopping")),
    Category("pharmacy", N_("💊 Prescriptions & pharmacy")),
    Category("pets", N_("🐕 Dog walking & pets")),
    Category("lifts", N_("🚗 Lifts & transport")),
    Category("chat", N_("☕ A chat or phone call")),
    Category("lending", N_("🧰 Lending & borrowing")),
    Category("odd_jobs", N_("🌱 Odd jobs & garden")),
    Category("meals", N_("🍲 Meals & cooking")),
    Category("other", N_("🤝 Something else")),
)
OTHER = "other"
BY_CODE = {category.code: category for category in CATEGORIES}


@dataclass(frozen=True)
class Keywords:
    strong: tuple[str, ...] = ()
    words: tuple[str, ...] = ()


KEYWORDS: dict[str, dict[str, Keywords]] = {
    "en": {
        "shopping": Keywords(
            strong=("shopping", "groceries", "grocery", "supermarket", "food shop", "pick up some", "essentials"),
            words=("shop", "shops", "milk", "bread", "eggs", "tesco*", "sainsbury*", "aldi", "lidl", "asda",
                   "co op", "coop", "morrisons", "waitrose", "corner shop", "errand*", "toilet roll*", "bits"),
        ),
        "pharmacy": Keywords(
            strong=("prescription*", "pharmac*", "chemist*", "medication*"),
            words=("medicine*", "meds", "pills", "tablets", "inhaler*", "paracetamol", "gp", "surgery"),
        ),
        "pets": Keywords(
            strong=("dog walk*", "walk the dog", "walk my dog", "walk a dog", "walkies", "pet sit*", "cat sit*", "feed the cat"),
            words=("dog*", "puppy", "pupp*", "cat", "cats", "kitten*", "pet", "pets", "vet", "vets", "rabbit*", "hamster*"),
        ),
        "lifts": Keywords(
            strong=("lift to", "a lift", "give me a lift", "ride to", "drive me", "driving"),
            words=("lift", "lifts", "ride", "drive", "car", "taxi", "station", "airport", "hospital",
                   "appointment*", "transport", "bus"),
        ),
        "chat": Keywords(
            strong=("a chat", "phone call", "a natter", "a cuppa", "company", "video call", "chat"),
            words=("talk", "call", "phone", "natter", "cuppa", "lonely", "chatting", "coffee", "tea", "visit"),
        ),
        "lending": Keywords(
            strong=("borrow*", "lend*", "loan"),
            words=("drill*", "ladder*", "tool*", "spare", "lawnmower*", "mower", "hoover", "pressure washer",
                   "gazebo", "tent", "pram", "wheelchair"),
        ),
        "odd_jobs": Keywords(
            strong=("odd job*", "garden*", "diy", "flat pack", "fix*", "repair*"),
            words=("weed*", "mow", "mowing", "lawn", "hedge*", "shelf", "shelves", "bulb*", "bins", "bin",
                   "plumb*", "assembl*", "paint*", "leaf", "leaves", "gutter*", "snow", "grit*", "move", "carry"),
        ),
        "meals": Keywords(
            strong=("meal*", "cook*", "hot dinner", "batch cook*", "recipe*"),
            words=("dinner*", "lunch*", "soup", "bake", "baking", "baked", "casserole*", "stew", "cake*", "food"),
        ),
    },
}

_STRONG_WEIGHT = 3


@lru_cache(maxsize=None)
def _pattern(keyword: str) -> tuple[str, ...]:
    return tuple(fold(word) for word in keyword.split())


def _matches_at(words: list[str], start: int, pattern: tuple[str, ...]) -> bool:
    if start + len(pattern) > len(words):
        return False
    for word, expected in zip(words[start:], pattern):
        if expected.endswith("*"):
            if not word.startswith(expected[:-1]):
                return False
        elif word != expected:
            return False
    return True


def _count(words: list[str], keyword: str) -> int:
    pattern = _pattern(keyword)
    return sum(1 for start in range(len(words)) if _matches_at(words, start, pattern))


def classify(text: str) -> str:
    """The category code that fits the text best, or "other"."""
    words = tokens(text)
    scores: dict[str, int] = {}
    for per_language in KEYWORDS.values():
        for code, keywords in per_language.items():
            score = _STRONG_WEIGHT * sum(_count(words, k) for k in keywords.strong)
            score += sum(_count(words, k) for k in keywords.words)
            if score:
                scores[code] = scores.get(code, 0) + score
    if not scores:
        return OTHER
    order = {category.code: index for index, category in enumerate(CATEGORIES)}
    return max(scores, key=lambda code: (scores[code], -order[code]))


def label(code: str) -> str:
    return BY_CODE.get(code, BY_CODE[OTHER]).label
