"""Nearby without records: areas and radius, neighbours' own coarse cells, rounds of suggestions to
helpers nearby, widening to nearby streets, and talking through the bot."""

from handlers.kernel.router import Router, Where
from handlers.nearby import texts


def register(router: Router) -> None:
    # Imported here, not above: importing any one module of a feature need not load all of it.
    from handlers.nearby import areas, fan_out, relay, whereabouts, widening

    router.command("area", areas.area, Where.GROUP, about=texts.ABOUT_AREA, for_organisers=True)
    router.command("radius", areas.radius, Where.GROUP, about=texts.ABOUT_RADIUS, for_organisers=True)
    router.command("location", whereabouts.show, Where.PRIVATE, about=texts.ABOUT_LOCATION)
    router.command("forgetlocation", whereabouts.forget, Where.PRIVATE, about=texts.ABOUT_FORGET_LOCATION)
    router.command("endchat", relay.end_command, Where.PRIVATE, about=texts.ABOUT_END_CHAT)
    router.action(areas.SetRadius, areas.set_radius)
    router.action(whereabouts.ForgetLocation, whereabouts.forget_pressed)
    router.action(widening.WidenYes, widening.show_nearby)
    router.action(widening.WidenNo, widening.keep_it_here)
    router.action(relay.ReplyHere, relay.reply_here)
    router.action(relay.EndChat, relay.end_pressed)
    router.flow(areas.PIN)
    router.location(whereabouts.shared)
    router.private_words(relay.pass_on, before_answers=True)
    router.receipt(widening.NearbyCardSent, widening.remember_nearby_card)
    router.receipt(relay.PassedOn, relay.after_send)
    router.due("fan_out", fan_out.run_due, fan_out.next_due)
    router.due("widening", widening.run_due, widening.next_due)
