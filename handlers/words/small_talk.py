"""Short words that are not an ask or an offer: hello, thank you, help, stop, goodbye, "forget me".

Read from a neighbour's own words in English, Polish and Romanian; only a short message counts (a
long one that says "thank you" at the end is about something else)."""

from __future__ import annotations

from enum import StrEnum

from handlers.kernel.wording import tokens


class Talk(StrEnum):
    FORGET_ME = "forget_me"
    STOP = "stop"
    WHAT_YOU_DO = "what_you_do"
    HELP = "help"
    THANKS = "thanks"
    HELLO = "hello"
    BYE = "bye"


def _phrases(*phrases: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(tokens(phrase)) for phrase in phrases)


# In the order they are tried: the first that fits decides ("thanks, bye" is thanks).
PHRASES: dict[Talk, tuple[tuple[str, ...], ...]] = {
    Talk.FORGET_ME: _phrases(
        "forget me", "delete me", "delete my data", "remove me", "remove my data", "erase my data",
        "zapomnij mnie", "zapomnij o mnie", "usuń mnie", "usuń moje dane",
        "uită mă", "uita ma", "șterge mă", "șterge datele mele", "sterge datele mele",
    ),
    Talk.STOP: _phrases(
        "stop", "stop it", "stop messaging", "stop messages", "unsubscribe", "leave me alone", "go away",
        "no more messages", "przestań", "przestan", "wystarczy", "nie pisz", "dość", "opriți", "oprește", "opreste",
        "nu mai scrie", "nu mai trimite", "gata",
    ),
    Talk.WHAT_YOU_DO: _phrases(
        "what can you do", "what do you do", "who are you", "what are you", "what is this", "what's this",
        "how does this work", "how does it work", "how do i use this", "co umiesz", "co potrafisz", "kim jesteś",
        "co to jest", "jak to działa", "ce poți face", "ce poti face", "cine ești", "cine esti", "ce este asta",
        "cum funcționează", "cum functioneaza",
    ),
    Talk.HELP: _phrases("help", "help me", "help please", "pomoc", "pomocy", "ajutor", "ajutați mă"),
    Talk.THANKS: _phrases(
        "thank", "thanks", "thank you", "thankyou", "thx", "ta", "cheers", "many thanks", "much appreciated",
        "dziękuję", "dzięki", "dziekuje", "dzieki", "mulțumesc", "multumesc", "mersi", "mulțumim",
    ),
    Talk.HELLO: _phrases(
        "hello", "hi", "hiya", "hey", "hullo", "good morning", "good afternoon", "good evening", "morning",
        "cześć", "czesc", "dzień dobry", "dzien dobry", "witam", "witaj", "hej", "siema", "dobry wieczór",
        "bună", "buna", "salut", "bună ziua", "buna ziua", "bună dimineața", "bună seara", "servus", "hei",
    ),
    Talk.BYE: _phrases(
        "bye", "goodbye", "bye bye", "see you", "night", "good night", "do widzenia", "pa", "na razie",
        "dobranoc", "la revedere", "pa pa", "noapte bună",
    ),
}
# Words that soften and change nothing: "hello dear", "thanks love", "thank you so much!"
SOFTENERS = frozenset(tokens(
    "dear love pet darling all everyone there so much very again doorstep bot you x xx xxx please pls "
    "kochana kochany bardzo wszystkim serdecznie drogi droga dragă draga frumos mult tuturor"
))
LONGEST = 8  # words; small talk is short


def _contains(words: list[str], phrase: tuple[str, ...]) -> bool:
    return any(tuple(words[i:i + len(phrase)]) == phrase for i in range(len(words) - len(phrase) + 1))


def _covers(words: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Every word is part of one of the phrases or a softener ("hello dear", "thanks so much")."""
    used = [word in SOFTENERS for word in words]
    for phrase in phrases:
        for i in range(len(words) - len(phrase) + 1):
            if tuple(words[i:i + len(phrase)]) == phrase:
                used[i:i + len(phrase)] = [True] * len(phrase)
    return all(used)


def small_talk(text: str) -> Talk | None:
    """Which kind of small talk the words are, if they are only that."""
    words = tokens(text)
    if not words or len(words) > LONGEST:
        return None
    for talk in (Talk.FORGET_ME, Talk.WHAT_YOU_DO):  # these may come wrapped in other words
        if any(_contains(words, phrase) for phrase in PHRASES[talk]):
            return talk
    every_phrase = tuple(phrase for phrases in PHRASES.values() for phrase in phrases)
    if not _covers(words, every_phrase):
        return None  # more than small talk: "hi, could someone…"
    for talk, phrases in PHRASES.items():
        if any(_contains(words, phrase) for phrase in phrases):
            return talk
    return None


def without_greeting(text: str) -> str:
    """The words after an opening hello: "Hello dear, could someone…" -> "could someone…"."""
    words = text.strip().split()
    hellos = PHRASES[Talk.HELLO]
    greeting = 0
    for length in range(1, min(4, len(words)) + 1):
        head = tokens(" ".join(words[:length]))
        if head and _covers(head, hellos) and any(_contains(head, phrase) for phrase in hellos):
            greeting = length
    rest = " ".join(words[greeting:]).lstrip(" ,.!—-–:;")
    return rest if greeting and len(tokens(rest)) >= 2 else text.strip()
