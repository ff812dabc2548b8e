"""The platform-free core of Doorstep: a small kernel and one package per feature.

    kernel      turns, the router, delivery, typed flows and buttons, the ports, the models
    street      the street around a turn: local time, day names, who's who, activity, weekly counts
    posts       offers and asks: posting, answering, the board, cards, expiry, recurring posts
    nearby      areas and radius, suggestions to helpers nearby, widening, talking through the bot
    checkins    gentle check-ins, from the set-up to the buddy
    organisers  street organisers' tools: hellos, unmet asks, reminders, summaries, moderation
    privacy     everything kept about you, forgetting you, retention
    help        /start, /help and /language

Nothing here imports a chat platform, a database driver or a scheduler; those arrive through the
ports in `handlers.kernel.ports`. Each feature registers itself with `register(router)`; see
docs/architecture.md for how to add a command.
"""
