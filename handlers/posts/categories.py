"""What a post is about, guessed from the neighbour's own words.

Each category has strong words (decide on their own) and ordinary words; a word ending in `*`
matches any word starting that way, and a phrase matches its words in order. Add a language by
adding its words to `KEYWORDS`; add a category by adding it to `CATEGORIES` and `KEYWORDS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from handlers.kernel.texts import N_
from handlers.kernel.wording import fold, one_letter_off, tokens


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
            words=("shop", "shops", "milk", "bread", "loaf", "eggs", "tesco*", "sainsbury*", "aldi", "lidl", "asda",
                   "co op", "coop", "morrisons", "waitrose", "corner shop", "errand*", "toilet roll*", "bits",
                   "spar", "iceland", "m&s", "marks and spencer", "few bits", "butter", "teabags", "newspaper*", "paper",
                   "veg", "fruit", "potatoes", "cat food", "dog food"),
        ),
        "pharmacy": Keywords(
            strong=("prescription*", "pharmac*", "chemist*", "medication*", "repeat prescription*"),
            words=("medicine*", "meds", "pills", "tablets", "tabs", "inhaler*", "paracetamol", "gp", "surgery",
                   "boots", "lloyds", "superdrug", "insulin", "dosette", "blister pack*"),
        ),
        "pets": Keywords(
            strong=("dog walk*", "walk the dog", "walk my dog", "walk a dog", "walkies", "pet sit*", "cat sit*", "feed the cat",
                    "needs a walk", "need a walk", "feed my cat", "feed the cats"),
            words=("dog*", "puppy", "pupp*", "cat", "cats", "kitten*", "pet", "pets", "vet", "vets", "rabbit*", "hamster*",
                   # Breeds and other pets, as people name them: "walk my spaniel", "feed the budgie".
                   "spaniel*", "labrador*", "lab", "retriever*", "terrier*", "collie*", "poodle*", "dachshund*",
                   "sausage dog", "greyhound*", "whippet*", "lurcher*", "jack russell*", "staffie*", "staffy", "pug",
                   "pugs", "beagle*", "husky", "huskies", "cockapoo*", "cavapoo*", "labradoodle*", "schnauzer*",
                   "westie*", "shih tzu", "chihuahua*", "alsatian*", "boxer", "corgi*", "budgie*", "parrot*",
                   "guinea pig*", "tortoise*", "hens", "chickens", "goldfish", "litter tray", "cat flap"),
        ),
        "lifts": Keywords(
            strong=("lift to", "a lift", "give me a lift", "ride to", "drive me", "driving", "run me", "run us"),
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
            words=("weed*", "mow", "mowing", "lawn", "hedge*", "shelf", "shelves", "bulb*", "bins", "bin", "wheelie bin*",
                   "recycling", "bin day",
                   "plumb*", "assembl*", "paint*", "leaf", "leaves", "gutter*", "snow", "grit*", "move", "carry"),
        ),
        "meals": Keywords(
            strong=("meal*", "cook*", "hot dinner", "batch cook*", "recipe*"),
            words=("dinner*", "lunch*", "soup", "bake", "baking", "baked", "casserole*", "stew", "cake*", "food", "pie", "pies"),
        ),
    },
    # Polish words change their endings a lot, so most are stems with `*`. "ł" survives folding:
    # words with it are given in both spellings.
    "pl": {
        "shopping": Keywords(
            strong=("zakup*", "sklep*", "spożywcz*", "biedronk*", "żabk*", "lidl*", "kaufland*", "carrefour*",
                    "auchan*", "dino"),
            words=("kupi*", "kupować", "mlek*", "chleb*", "bułk*", "bulk*", "jajk*", "jaj", "masło", "maslo",
                   "warzyw*", "owoc*", "ziemniak*", "papier toaletowy"),
        ),
        "pharmacy": Keywords(
            # "w aptece" (at the pharmacy): the stem changes its last letter.
            strong=("recept*", "aptek*", "aptec*", "lekarstw*", "leki", "leków", "lekami"),
            words=("lek", "tabletk*", "inhalator*", "przychodni*", "lekarz*", "witamin*", "syrop*", "maść", "maści"),
        ),
        "pets": Keywords(
            strong=("wyprowadz* psa", "wyprowadz* pieska", "spacer* z psem", "spacer* z pieskiem", "wyjść z psem",
                    "wyjdzie z psem", "opiek* nad psem", "opiek* nad kotem", "nakarmi* kota", "nakarmi* koty"),
            words=("pies", "psa", "psem", "psu", "psy", "psów", "piesek", "pieska", "pieskiem", "kot", "kota",
                   "kotem", "koty", "kotów", "kotek", "kotka", "kotki", "zwierz*", "weteryn*", "królik*", "chomik*",
                   "spaniel*", "labrador*", "jamnik*", "owczar*", "terier*", "kundel*", "kundl*", "papu*"),
        ),
        "lifts": Keywords(
            strong=("podwózk*", "podwiez*", "podwieź*", "zawiez*", "zawieź*", "odwiez*", "odwieź*", "dowiez*",
                    "dowieź*", "przewiez*", "przewieź*", "podrzuc*"),
            words=("transport*", "auto", "autem", "samochod*", "taksówk*", "dworzec", "dworca", "lotnisk*",
                   "szpital*", "wizyt*", "autobus*", "pociąg*", "dojazd*"),
        ),
        "chat": Keywords(
            strong=("pogadać", "pogada*", "porozmawia*", "rozmow*", "pogawędk*", "pogaduszk*", "na kawę",
                    "na herbatę", "towarzystw*"),
            words=("kawa", "kawę", "kawy", "herbat*", "samotn*", "odwiedzi*", "zadzwoni*", "telefon*"),
        ),
        "lending": Keywords(
            strong=("pożycz*", "wypożycz*", "użycz*"),
            words=("wiertark*", "drabin*", "narzędzi*", "kosiark*", "odkurzacz*", "namiot*", "wózek", "wózka",
                   "młotek", "mlotek", "sprzęt*", "myjk*"),
        ),
        "odd_jobs": Keywords(
            strong=("ogród*", "ogrod*", "napraw*", "drobne prace", "złota rączka", "zlota raczka", "złotą rączkę"),
            words=("chwast*", "kosić", "skosić", "trawnik*", "trawę", "żywopłot*", "półk*", "żarówk*", "śmieci",
                   "kosz*", "hydraulik*", "malowa*", "pomalowa*", "liście", "liści", "rynn*", "śnieg*",
                   "odśnież*", "przenie*", "nosić", "przeprowadzk*", "mebl*", "skręc*"),
        ),
        "meals": Keywords(
            strong=("posiłek", "posiłki", "posiłku", "posilek", "posilki", "ugotowa*", "ugotuj*", "gotować",
                    "gotowanie", "gotuj*", "przepis*", "ciepły obiad", "domowy obiad"),
            words=("obiad*", "kolacj*", "śniadani*", "zup*", "ciast*", "upiec*", "pieczeni*", "jedzeni*", "słoik*"),
        ),
    },
    # Romanian "rețetă" is both a prescription and a recipe; it counts for the pharmacy, and words
    # like "prăjitură" carry a recipe to the kitchen.
    "ro": {
        "shopping": Keywords(
            strong=("cumpărături*", "cumpăr*", "cumper*", "supermarket*", "magazin*", "alimentar*", "piață",
                    "piața"),
            words=("lapte", "pâine", "ouă", "unt", "legume", "fructe", "cartofi", "apă", "lidl", "kaufland",
                   "carrefour", "auchan", "profi", "penny", "mega image", "hârtie igienică"),
        ),
        "pharmacy": Keywords(
            strong=("farmaci*", "medicament*", "compensat*"),
            words=("rețet*", "pastil*", "tablet*", "inhalator*", "doctor*", "medic", "medicul", "medicului", "medici*",
                   "dispensar*", "vitamin*", "sirop*"),
        ),
        "pets": Keywords(
            strong=("plimb* câine*", "plimb* cățel*", "plimbare cu câine*", "grijă de pisic*", "grijă de câine*",
                    "hrăni* pisic*", "hrăni* câine*"),
            words=("câine*", "câini*", "cățel*", "pisic*", "animal*", "animăluț*", "veterinar*", "iepur*", "hamster*",
                   "ciobănesc", "labrador*", "maidanez*", "papagal*"),
        ),
        "lifts": Keywords(
            strong=("transport*", "cu mașina", "să mă duci", "să mă ducă", "să mă ia", "să mă aducă"),
            words=("mașin*", "taxi", "gară", "gara", "aeroport*", "spital*", "programare*", "autobuz*", "tren", "trenul",
                   "drum", "drumul"),
        ),
        "chat": Keywords(
            strong=("o poveste", "la o poveste", "discuți*", "de vorbă", "la o cafea", "companie"),
            words=("vorb*", "povesti*", "singur*", "cafea", "cafeluț*", "ceai", "vizit*", "telefon*", "sună", "sunat"),
        ),
        "lending": Keywords(
            strong=("împrumut*",),
            words=("bormașin*", "scara", "scară", "scări", "unelte", "unealt*", "aspirator*", "cort", "cortul",
                   "cărucior*", "scaun cu rotile", "mașină de tuns*", "ciocan*", "sculă", "scule"),
        ),
        "odd_jobs": Keywords(
            strong=("grădin*", "reparat*", "repar*", "mici treburi", "meșter*", "montat*", "montez", "monteze"),
            words=("buruien*", "iarb*", "gazon*", "gard", "gardul", "garduri", "raft*", "bec", "becul", "becuri*", "gunoi*", "pubel*",
                   "instalat*", "vops*", "frunze", "zăpad*", "mutat", "mutare", "mobila", "mobilă", "mobilier*", "cărat"),
        ),
        "meals": Keywords(
            strong=("mâncare*", "gătit*", "gătesc", "gătească", "gătește", "masă caldă", "mese calde"),
            words=("prânz*", "cina", "ciorb*", "supă", "supa", "prăjitur*", "tort", "cozonac*", "copt", "coace",
                   "mâncăruri*"),
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


@dataclass(frozen=True)
class _Rule:
    pattern: tuple[str, ...]
    code: str
    weight: int


@dataclass(frozen=True)
class _Index:
    """Every keyword as a rule, found by its first word: exactly, or by that word's first letters."""

    exact: dict[str, list[_Rule]]
    by_prefix: dict[int, dict[str, list[_Rule]]]  # prefix length -> prefix -> rules

    def starting_with(self, word: str) -> list[_Rule]:
        found = list(self.exact.get(word, ()))
        for length, rules in self.by_prefix.items():
            found += rules.get(word[:length], ()) if len(word) >= length else ()
        return found


@lru_cache(maxsize=1)
def _index() -> _Index:
    exact: dict[str, list[_Rule]] = {}
    by_prefix: dict[int, dict[str, list[_Rule]]] = {}
    for per_language in KEYWORDS.values():
        for code, keywords in per_language.items():
            for weight, group in ((_STRONG_WEIGHT, keywords.strong), (1, keywords.words)):
                for keyword in group:
                    rule = _Rule(_pattern(keyword), code, weight)
                    first = rule.pattern[0]
                    if first.endswith("*"):
                        by_prefix.setdefault(len(first) - 1, {}).setdefault(first[:-1], []).append(rule)
                    else:
                        exact.setdefault(first, []).append(rule)
    return _Index(exact, by_prefix)


# Taking someone somewhere is a lift, whatever the place: "take my neighbour to the GP", "drive mum to the
# hospital", "zawieźć mamę do lekarza", "să o ducă pe mama la spital". The place alone (GP, doctor) would
# read as the pharmacy.
_TAKING_SOMEWHERE = re.compile(
    r"\b(?:take|taking|took|drive|driving|run|bring|get|ferry|zawie\w*|podwie\w*|odwie\w*|dowie\w*|"
    r"zabra\w*|duc\w*|duce|conduc\w*)\b(?:\s+\S+){0,4}?\s+(?:to|do|la|pana la|spre)\s+(?:the\s+|a\s+|my\s+)?"
    r"(?:gp|doctor\w*|hospital\w*|dentist\w*|surgery|clinic|appointment\w*|station|airport|vet\w*|optician\w*|"
    r"lekarz\w*|szpital\w*|przychodni\w*|dentyst\w*|dworc\w*|lotnisk\w*|medic\w*|spital\w*|dentist\w*|"
    r"gar[aă]|aeroport\w*|policlinic\w*)"
)
_TYPOS_FROM = 6  # letters: a longer word one letter off a keyword still counts ("prescripton")


@lru_cache(maxsize=8192)
def _close_rules(word: str) -> tuple[_Rule, ...]:
    """Rules whose first word is one letter off `word` (for words that matched nothing as typed).
    Remembered per word: the same everyday words ("someone", "tomorrow") come back in post after post,
    and looking through every rule for each costs milliseconds."""
    found = []
    for rule in _single_word_rules():
        expected = rule.pattern[0]
        if expected.endswith("*"):
            stem = expected[:-1]
            if len(stem) >= _TYPOS_FROM - 1 and (one_letter_off(word[: len(stem)], stem) or one_letter_off(word, stem)
                                                 or one_letter_off(word[: len(stem) + 1], stem)):
                found.append(rule)
        elif len(expected) >= _TYPOS_FROM and one_letter_off(word, expected):
            found.append(rule)
    return tuple(found)


@lru_cache(maxsize=1)
def _single_word_rules() -> tuple[_Rule, ...]:
    return tuple(
        _Rule(_pattern(keyword), code, weight)
        for per_language in KEYWORDS.values() for code, keywords in per_language.items()
        for weight, group in ((_STRONG_WEIGHT, keywords.strong), (1, keywords.words))
        for keyword in group if len(keyword.split()) == 1
    )


def scores(text: str) -> dict[str, int]:
    """How strongly the text speaks of each category (codes it doesn't speak of are left out)."""
    words = tokens(text)
    index = _index()
    found: dict[str, int] = {}
    for start, word in enumerate(words):
        rules = [rule for rule in index.starting_with(word) if _matches_at(words, start, rule.pattern)]
        if not rules and len(word) >= _TYPOS_FROM:
            rules = list(_close_rules(word))
        for rule in rules:
            found[rule.code] = found.get(rule.code, 0) + rule.weight
    if _TAKING_SOMEWHERE.search(fold(text)):
        found["lifts"] = found.get("lifts", 0) + 2 * _STRONG_WEIGHT
    return found


def classify(text: str) -> str:
    """The category code that fits the text best, or "other"."""
    scores_found = scores(text)
    if not scores_found:
        return OTHER
    order = {category.code: position for position, category in enumerate(CATEGORIES)}
    return max(scores_found, key=lambda code: (scores_found[code], -order[code]))


def label(code: str) -> str:
    return BY_CODE.get(code, BY_CODE[OTHER]).label
