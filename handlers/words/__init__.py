"""Plain words in a private chat, read as a neighbour would (small talk, an ask or offer restated
with one tap to post it, a gentle question otherwise). Registered last: a guided flow, words passed
on through the bot and typed answers to the bot's own question all come first."""

from handlers.kernel.router import Router


def register(router: Router) -> None:
    # Imported here, not above: importing any one module of a feature need not load all of it.
    from handlers.words import reading

    router.private_words(reading.read_words)
    router.action(reading.PostIt, reading.post_it)
    router.action(reading.LeaveIt, reading.leave_it)
    router.flow(reading.FLOW)
