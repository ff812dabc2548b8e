"""Whether plain words are an ask or an offer (or neither), as a neighbour would read them.

Cues are phrases in English, Polish and Romanian ("could someone", "I can", "czy ktoś", "mogę",
"poate cineva", "pot să"); what the words are about comes from the posts' own reader
(handlers/posts/categories.py). Words about something, without a cue, are read as an ask: people
who write to the bot privately mostly need a hand."""

from __future__ import annotations

from handlers.kernel.domain import PostKind
from handlers.kernel.wording import tokens
from handlers.posts.categories import OTHER, classify


def _phrases(*phrases: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(tokens(phrase)) for phrase in phrases)


OFFER_CUES = _phrases(
    "i can", "i could", "i can help", "happy to", "glad to", "i'm happy", "i am happy", "i have a spare",
    "i've got a spare", "ive got a spare", "i have spare", "anyone need", "anyone want", "does anyone need",
    "does anyone want", "if anyone needs", "if anyone wants", "i'm going to", "im going to", "i am going to",
    "i'll be going", "i will be going", "i'm off to", "offering", "i offer", "free to a good home", "can lend",
    "mogę", "moge", "chętnie", "chetnie", "oferuję", "oferuje", "jadę do", "jade do", "idę do", "ide do",
    "jeśli ktoś potrzebuje", "jesli ktos potrzebuje", "czy ktoś potrzebuje", "czy ktos potrzebuje", "mam wolne",
    "pot să", "pot sa", "pot ajuta", "ofer", "mă duc la", "ma duc la", "merg la", "dacă are cineva nevoie",
    "daca are cineva nevoie", "are cineva nevoie", "cu drag",
)
ASK_CUES = _phrases(
    "could someone", "can someone", "could anyone", "can anyone", "would someone", "would anyone", "is anyone",
    "anyone able", "anyone free", "anyone around", "i need", "i'd need", "need someone", "need a", "looking for",
    "please could", "could i", "can i", "would be grateful", "i'm stuck", "im stuck", "help me",
    "czy ktoś", "czy ktos", "czy mógłby", "czy mogłaby", "potrzebuję", "potrzebuje", "szukam", "proszę o", "prosze o",
    "poproszę", "poprosze", "pomóc mi", "pomoc mi",
    "poate cineva", "ar putea cineva", "ar putea să", "ar putea sa", "am nevoie", "caut", "vă rog", "va rog",
    "mă poate", "ma poate", "ajutați-mă", "ajutati ma", "m ar ajuta",
)


def _has(words: list[str], phrases: tuple[tuple[str, ...], ...]) -> int:
    """Where the earliest of the phrases starts, or -1."""
    starts = [
        i for phrase in phrases for i in range(len(words) - len(phrase) + 1) if tuple(words[i:i + len(phrase)]) == phrase
    ]
    return min(starts, default=-1)


def kind_of(text: str) -> PostKind | None:
    """ASK or OFFER if the words read as one, else None (nothing to post)."""
    words = tokens(text)
    ask, offer = _has(words, ASK_CUES), _has(words, OFFER_CUES)
    if ask >= 0 and (offer < 0 or ask <= offer):
        return PostKind.ASK
    if offer >= 0:
        return PostKind.OFFER
    if classify(text) != OTHER:
        return PostKind.ASK
    return None
