"""Street organisers' tools: who is an organiser (the gate), hellos to quiet neighbours, unmet asks,
reminders, the weekly summary, taking posts down and pausing, and the street's settings menu. Each
handler checks who organises; the menus only decide what is listed."""

from handlers.kernel.router import Router
from handlers.organisers import texts


def register(router: Router) -> None:
    # Imported here, not above: importing any one module of a feature need not load all of it.
    from handlers.organisers import digest, gate, moderation, quiet_neighbours, reminders, settings_menu, unmet

    router.command("quiet", quiet_neighbours.quiet, about=texts.ABOUT_QUIET, for_organisers=True)
    router.command("remind", reminders.remind, about=texts.ABOUT_REMIND, for_organisers=True)
    router.command("reminders", reminders.reminders, about=texts.ABOUT_REMINDERS, for_organisers=True)
    router.command("digest", digest.digest, about=texts.ABOUT_DIGEST, for_organisers=True)
    router.command("remove", moderation.remove, about=texts.ABOUT_REMOVE, for_organisers=True)
    router.command("pause", moderation.pause, about=texts.ABOUT_PAUSE, for_organisers=True)
    router.command("settings", settings_menu.settings, about=texts.ABOUT_SETTINGS, for_organisers=True)

    router.action(quiet_neighbours.PICK, quiet_neighbours.picked)
    router.action(quiet_neighbours.HELLO, quiet_neighbours.say_hello)
    router.action(quiet_neighbours.MENTION, quiet_neighbours.mention_in_group)
    router.action(quiet_neighbours.NO_MORE_HELLOS, quiet_neighbours.no_more_hellos)
    router.action(quiet_neighbours.HELLOS_WELCOME, quiet_neighbours.hellos_welcome)
    router.receipt(quiet_neighbours.HELLO_RECEIPT, quiet_neighbours.hello_delivered)
    router.action(unmet.REPOST, unmet.repost)
    router.action(digest.PICK, digest.picked)
    router.action(digest.CHOOSE_DAY, digest.choose_day)
    router.action(digest.CHOOSE_TIME, digest.choose_time)
    router.action(digest.START, digest.start)
    router.action(digest.NOW, digest.send_now)
    router.action(digest.STOP, digest.stop)
    router.action(reminders.PICK_TO_ADD, reminders.picked_to_add)
    router.action(reminders.PICK_TO_LIST, reminders.picked_to_list)
    router.action(reminders.PAUSE, reminders.pause)
    router.action(reminders.RESUME, reminders.resume)
    router.action(reminders.DELETE, reminders.delete)
    router.action(moderation.PICK, moderation.picked)
    router.action(moderation.REMOVE, moderation.remove_pressed)
    router.action(moderation.PAUSE_AUTHOR, moderation.pause_author_pressed)
    router.action(moderation.PAUSE_FOR, moderation.pause_for)
    router.action(moderation.LIFT, moderation.lift)
    router.action(settings_menu.PICK, settings_menu.picked)
    router.action(settings_menu.OPEN, settings_menu.open_item)
    router.action(settings_menu.SET, settings_menu.set_item)
    router.action(settings_menu.RESET, settings_menu.reset_item)
    router.action(settings_menu.CANCEL, settings_menu.cancel)
    router.flow(settings_menu.FLOW, settings_menu.on_text)
    router.flow(gate.STREET_PICK)

    router.due("unmet asks", unmet.run_due, unmet.next_due)
    router.due("weekly summaries", digest.run_due, digest.next_due)
    router.due("reminders", reminders.run_due, reminders.next_due)
