"""Street organisers' tools: who is an organiser (the gate), hellos to quiet neighbours, unmet asks,
reminders, the weekly summary, taking posts down and pausing, and the street's settings menu (with
the home for cards in a group with topics or threads). Each
handler checks who organises; the menus only decide what is listed."""

from handlers.kernel.router import Router
from handlers.organisers import texts


def register(router: Router) -> None:
    # Imported here, not above: importing any one module of a feature need not load all of it.
    from handlers.organisers import (
        cards_home,
        digest,
        gate,
        moderation,
        quiet_neighbours,
        reminders,
        settings_menu,
        unmet,
    )

    router.command("quiet", quiet_neighbours.quiet, about=texts.ABOUT_QUIET, for_organisers=True)
    router.command("remind", reminders.remind, about=texts.ABOUT_REMIND, for_organisers=True)
    router.command("reminders", reminders.reminders, about=texts.ABOUT_REMINDERS, for_organisers=True)
    router.command("digest", digest.digest, about=texts.ABOUT_DIGEST, for_organisers=True)
    router.command("remove", moderation.remove, about=texts.ABOUT_REMOVE, for_organisers=True)
    router.command("pause", moderation.pause, about=texts.ABOUT_PAUSE, for_organisers=True)
    router.command("settings", settings_menu.settings, about=texts.ABOUT_SETTINGS, for_organisers=True)

    router.action(quiet_neighbours.PickStreet, quiet_neighbours.picked)
    router.action(quiet_neighbours.SayHello, quiet_neighbours.say_hello)
    router.action(quiet_neighbours.MentionInGroup, quiet_neighbours.mention_in_group)
    router.action(quiet_neighbours.NoMoreHellos, quiet_neighbours.no_more_hellos)
    router.action(quiet_neighbours.HellosWelcome, quiet_neighbours.hellos_welcome)
    router.receipt(quiet_neighbours.HelloSent, quiet_neighbours.hello_delivered)
    router.action(unmet.Repost, unmet.repost)
    router.action(digest.PickStreet, digest.picked)
    router.action(digest.ChooseDay, digest.choose_day)
    router.action(digest.ChooseTime, digest.choose_time)
    router.action(digest.Start, digest.start)
    router.action(digest.SendNow, digest.send_now)
    router.action(digest.Stop, digest.stop)
    router.action(digest.QuietWeeks, digest.quiet_weeks)
    router.action(reminders.PickStreetToAdd, reminders.picked_to_add)
    router.action(reminders.PickStreetToList, reminders.picked_to_list)
    router.action(reminders.Pause, reminders.pause)
    router.action(reminders.Resume, reminders.resume)
    router.action(reminders.Delete, reminders.delete)
    router.action(moderation.PickStreet, moderation.picked)
    router.action(moderation.Remove, moderation.remove_pressed)
    router.action(moderation.PauseAuthor, moderation.pause_author_pressed)
    router.action(moderation.PauseFor, moderation.pause_for)
    router.action(moderation.Lift, moderation.lift)
    router.action(settings_menu.PickStreet, settings_menu.picked)
    router.action(settings_menu.OpenItem, settings_menu.open_item)
    router.action(settings_menu.SetItem, settings_menu.set_item)
    router.action(settings_menu.ResetItem, settings_menu.reset_item)
    router.action(settings_menu.Cancel, settings_menu.cancel)
    router.flow(settings_menu.FLOW, settings_menu.on_text)
    router.action(cards_home.CardsHere, settings_menu.cards_here)
    router.action(cards_home.CardsWherever, settings_menu.cards_wherever)
    router.flow(cards_home.FLOW)
    router.thread_gone(cards_home.thread_gone)
    router.flow(gate.STREET_PICK)

    router.due("unmet asks", unmet.run_due, unmet.next_due)
    router.due("weekly summaries", digest.run_due, digest.next_due)
    router.due("reminders", reminders.run_due, reminders.next_due)
