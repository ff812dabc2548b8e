"""Reaching the doorsteps that aren't online: a printable leaflet and a noticeboard poster, each with
a QR code whose link opens a private chat with the bot tied to the street.

    codes.py     the street's code: made when first needed, renewed by organisers, read when typed
    pages.py     what goes on the leaflet and the poster (adapters make the files: bot/printing)
    making.py    /leaflet and /poster for organisers: the street, the languages, the line for people
                 without a smartphone (printed, never stored), and a new code
    arrival.py   whoever arrives through a code: welcomed privately in the street's name"""

from handlers.kernel.router import Router, Where
from handlers.leaflets import texts


def register(router: Router) -> None:
    # Imported here, not above: importing any one module of a feature need not load all of it.
    from handlers.leaflets import arrival, making

    router.command("leaflet", making.leaflet, Where.PRIVATE, about=texts.ABOUT_LEAFLET, listed=Where.ANYWHERE,
                   for_organisers=True)
    router.command("poster", making.poster, Where.PRIVATE, about=texts.ABOUT_POSTER, listed=Where.ANYWHERE,
                   for_organisers=True)
    router.action(making.PickStreetForLeaflet, making.picked_for_leaflet)
    router.action(making.PickStreetForPoster, making.picked_for_poster)
    router.action(making.InLanguages, making.in_languages)
    router.action(making.NoContactLine, making.no_contact_line)
    router.action(making.CancelLeaflet, making.cancel)
    router.action(making.AskForNewCode, making.ask_for_new_code)
    router.action(making.MakeNewCode, making.make_new_code)
    router.flow(making.FLOW, making.on_text)
    router.action(arrival.StartPost, arrival.start_post)
    router.private_words(arrival.typed_code)
