"""The core's front door: one call per thing a neighbour did, one call for what's due.

Every command, button and guided flow is registered in `build_router`; add a command by writing
its use case in one module and one line here."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Awaitable, Callable

from handlers import (
    activity, areas, board, cards, digest, expiry, fan_out, forgetting, languages, moderation, my_data,
    organiser_settings, posting, quiet, recurring, relay, reminders, responding, retention, start, texts, unmet,
    whereabouts, widening,
)
from handlers.checkins import answers, buddy, controls, due, escalation
from handlers.checkins import setup as checkin_setup
from handlers.delivery import Courier, Ready
from handlers.domain import Street
from handlers.incoming import Incoming, IncomingKind
from handlers.limits import PrivateMessageLimit, Verdict
from handlers.messages import Outgoing, SendResult, ToPerson, ToPresser, ToStreet, msg
from handlers.ports import Clock, Notifier, OrganiserCheck, Store, Waker
from handlers.router import Router, Where, parse_command, parse_payload
from handlers.settings import CoreSettings
from handlers.turn import Effects, Services, Turn

log = logging.getLogger(__name__)


def build_router() -> Router:
    router = Router()
    _posts_and_answers(router)
    _nearby(router)
    _checkins(router)
    _organisers_tools(router)
    _your_data(router)
    router.due("retention", retention.Retention().run_due)  # last: after everything else had its turn
    return router


def _posts_and_answers(router: Router) -> None:
    """Offers and asks: posting them, answering them, seeing them through; help and languages."""
    router.command("start", start.start)
    router.command("help", start.help_, about=texts.ABOUT_HELP)
    router.command("ask", posting.ask, about=texts.ABOUT_ASK)
    router.command("offer", posting.offer, about=texts.ABOUT_OFFER)
    router.command("board", board.board, about=texts.ABOUT_BOARD)
    router.command("mine", board.mine, Where.PRIVATE, about=texts.ABOUT_MINE)
    router.command("language", languages.language, about=texts.ABOUT_LANGUAGE, listed=Where.PRIVATE)

    router.action(cards.HELP, responding.offer_help)
    router.action(cards.TAKE, responding.take_offer)
    router.action(responding.CONFIRM, responding.confirm)
    router.action(responding.CONFIRM_THROUGH_BOT, responding.confirm_through_bot)
    router.action(responding.NOT_THIS_TIME, responding.not_this_time)
    router.action(responding.DONE, responding.done)
    router.action(responding.WITHDRAW, responding.withdraw)
    router.action(responding.CANT_MAKE_IT, responding.hand_back)
    router.action(expiry.KEEP_OPEN, expiry.keep_open)
    router.action(expiry.CLOSE, expiry.close)
    router.action(posting.PICK_STREET, posting.picked_street)
    router.action(posting.PICK_CATEGORY, posting.picked_category)
    router.action(posting.PICK_WHEN, posting.picked_when)
    router.action(posting.CANCEL, posting.cancelled)
    router.action(languages.CHOOSE_MINE, languages.chose_mine)
    router.action(languages.CHOOSE_STREETS, languages.chose_streets)
    router.flow(posting.FLOW, posting.on_text)
    router.due("expiry", expiry.run_due, expiry.next_due)


def _checkins(router: Router) -> None:
    """Gentle check-ins: setting up, the hello and its answers, buddies, reminders and escalation."""
    router.command("checkin", checkin_setup.checkin, Where.PRIVATE, about=texts.ABOUT_CHECKIN)
    router.command("buddy", buddy.buddy_command, Where.PRIVATE)
    router.action(checkin_setup.PICK_STREET, checkin_setup.picked_street)
    router.action(checkin_setup.HOW_OFTEN, checkin_setup.how_often)
    router.action(checkin_setup.PICK_DAY, checkin_setup.picked_day)
    router.action(checkin_setup.PICK_TIME, checkin_setup.picked_time)
    router.action(checkin_setup.PICK_WHO, checkin_setup.picked_who)
    router.action(checkin_setup.PICK_WAIT, checkin_setup.picked_wait)
    router.action(checkin_setup.CANCEL, checkin_setup.cancelled)
    router.action(controls.CHANGE, checkin_setup.change)
    router.action(controls.PAUSE, controls.pause)
    router.action(controls.RESUME, controls.resume)
    router.action(controls.STOP, controls.stop)
    router.action(controls.INVITE, controls.invite_again)
    router.action(buddy.ANSWER, buddy.answer_invitation)
    router.action(buddy.STEP_DOWN, buddy.step_down)
    router.action(answers.ANSWER, answers.answer)
    router.action(answers.CHAT_ASK, answers.chat_ask)
    router.action(escalation.ACKNOWLEDGE, escalation.acknowledge)
    router.flow(checkin_setup.FLOW, checkin_setup.on_text)
    router.due("checkins", due.run_due, due.next_due)
    router.receipt(due.SENT, due.checkin_sent)
    router.receipt(escalation.BUDDY_TOLD, escalation.buddy_told)
    router.receipt(escalation.ORGANISERS_TOLD, escalation.organisers_told)


def _organisers_tools(router: Router) -> None:
    """Street organisers' commands, buttons and scheduled work (each handler checks who organises)."""
    router.command("quiet", quiet.quiet, about=texts.ABOUT_QUIET, for_organisers=True)
    router.command("remind", reminders.remind, about=texts.ABOUT_REMIND, for_organisers=True)
    router.command("reminders", reminders.reminders, about=texts.ABOUT_REMINDERS, for_organisers=True)
    router.command("digest", digest.digest, about=texts.ABOUT_DIGEST, for_organisers=True)
    router.command("remove", moderation.remove, about=texts.ABOUT_REMOVE, for_organisers=True)
    router.command("pause", moderation.pause, about=texts.ABOUT_PAUSE, for_organisers=True)
    router.command("settings", organiser_settings.settings, about=texts.ABOUT_SETTINGS, for_organisers=True)

    router.action(quiet.PICK, quiet.picked)
    router.action(quiet.HELLO, quiet.say_hello)
    router.action(quiet.MENTION, quiet.mention_in_group)
    router.action(quiet.NO_MORE_HELLOS, quiet.no_more_hellos)
    router.action(quiet.HELLOS_WELCOME, quiet.hellos_welcome)
    router.receipt(quiet.HELLO_RECEIPT, quiet.hello_delivered)
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
    router.action(organiser_settings.PICK, organiser_settings.picked)
    router.action(organiser_settings.OPEN, organiser_settings.open_item)
    router.action(organiser_settings.SET, organiser_settings.set_item)
    router.action(organiser_settings.RESET, organiser_settings.reset_item)
    router.action(organiser_settings.CANCEL, organiser_settings.cancel)
    router.flow(organiser_settings.FLOW, organiser_settings.on_text)

    router.due("unmet asks", unmet.run_due, unmet.next_due)
    router.due("weekly summaries", digest.run_due, digest.next_due)
    router.due("reminders", reminders.run_due, reminders.next_due)


def _nearby(router: Router) -> None:
    """Nearby without records: areas and radius, neighbours' own cells, rounds of suggestions,
    widening to nearby streets, recurring posts, and talking through the bot."""
    router.command("area", areas.area, Where.GROUP, about=texts.ABOUT_AREA, for_organisers=True)
    router.command("radius", areas.radius, Where.GROUP, about=texts.ABOUT_RADIUS, for_organisers=True)
    router.command("location", whereabouts.show, Where.PRIVATE, about=texts.ABOUT_LOCATION)
    router.command("forgetlocation", whereabouts.forget, Where.PRIVATE, about=texts.ABOUT_FORGET_LOCATION)
    router.command("endchat", relay.end_command, Where.PRIVATE, about=texts.ABOUT_END_CHAT)
    router.action(areas.SET_RADIUS, areas.set_radius)
    router.action(whereabouts.FORGET, whereabouts.forget_pressed)
    router.action(widening.WIDEN_YES, widening.show_nearby)
    router.action(widening.WIDEN_NO, widening.keep_it_here)
    router.action(recurring.KEEP, recurring.keep)
    router.action(recurring.JUST_ONCE, recurring.just_once)
    router.action(relay.REPLY, relay.reply_here)
    router.action(relay.END_CHAT, relay.end_pressed)
    router.location(whereabouts.shared)
    router.private_words(relay.pass_on)
    router.receipt(widening.NEARBY_CARD, widening.remember_nearby_card)
    router.receipt(relay.RECEIPT, relay.after_send)
    router.due("recurring", recurring.run_due, recurring.next_due)
    router.due("fan_out", fan_out.run_due, fan_out.next_due)
    router.due("widening", widening.run_due, widening.next_due)


def _your_data(router: Router) -> None:
    """Privacy you can check: everything kept about you, forgetting you, and the short notice."""
    router.command("mydata", my_data.my_data, Where.PRIVATE, about=texts.ABOUT_MY_DATA)
    router.command("forgetme", forgetting.forget_me, Where.PRIVATE, about=texts.ABOUT_FORGET_ME)
    router.command("privacy", my_data.privacy, about=texts.ABOUT_PRIVACY, listed=Where.PRIVATE)
    router.action(forgetting.FORGET, forgetting.confirmed)
    router.action(forgetting.KEEP, forgetting.keep)


class NobodyOrganises:
    """For adapters that have no organisers (the console marks them by hand)."""

    async def is_organiser(self, street: Street, user_id: str) -> bool:
        return False

    async def organisers_of(self, street: Street) -> list[str]:
        return []


class Doorstep:
    def __init__(
        self,
        store: Store,
        notifier: Notifier,
        clock: Clock,
        settings: CoreSettings | None = None,
        organisers: OrganiserCheck | None = None,
        router: Router | None = None,
        waker: Waker | None = None,
        sends_at_once: int = 1,
    ) -> None:
        self.router = router or build_router()
        self.services = Services(
            store, clock, settings or CoreSettings(), organisers or NobodyOrganises(),
            forget_hooks=self.router.forget_hooks,
        )
        self.private_messages = PrivateMessageLimit(self.services.settings.private_messages_per_hour)
        self.courier = Courier(self.services, notifier, self._on_receipt, sends_at_once=sends_at_once)
        self.waker = waker

    async def handle(self, incoming: Incoming) -> None:
        """Do what a neighbour asked; whatever goes wrong, they get a kind word, never a traceback."""
        if not await self._may_read(incoming):
            return
        try:
            effects, ready = await self._work(lambda effects: self._take_turn(incoming, effects))
        except Exception:
            log.exception("turn failed kind=%s platform=%s", incoming.kind, incoming.platform)
            effects, ready = Effects(), None
            effects.add(_sorry(incoming))
        await self._finish(effects, ready)

    async def _work(self, do: Callable[[Effects], Awaitable[None]]) -> tuple[Effects, list[Ready]]:
        """Do `do` in one transaction, and in the same one prepare what it decided to send: sending
        then needs the database only to record what happened."""
        effects = Effects()
        async with self.services.store.transaction():
            await do(effects)
            ready = await self.courier.prepare(effects.items)
        return effects, ready

    async def _may_read(self, incoming: Incoming) -> bool:
        """Private messages beyond the hourly limit are left unread (buttons always work); the first
        one left unread in a while gets a kind word saying why."""
        if not incoming.is_private or incoming.kind not in (IncomingKind.MESSAGE, IncomingKind.LOCATION):
            return True
        verdict = self.private_messages.check(incoming.platform, incoming.user_id, self.services.clock.now())
        if verdict is Verdict.REFUSE_AND_SAY_WHY:
            log.info("private messages over the hourly limit platform=%s", incoming.platform)
            effects = Effects()
            effects.add(Outgoing(ToPerson(incoming.person), msg(texts.TOO_MANY_MESSAGES)))
            await self._finish(effects)
        return verdict is Verdict.READ

    async def run_due(self) -> None:
        """Everything that has fallen due by now, each kind of work in its own transaction, so one
        failing never holds up the others."""
        now = self.services.clock.now()
        for work in self.router.due_work:
            try:
                effects, ready = await self._work(lambda effects, run=work.run: run(self.services, effects, now))
            except Exception:
                log.exception("scheduled work failed work=%s", work.name)
                continue
            await self._finish(effects, ready)

    async def next_due(self) -> datetime | None:
        """When there is next something to do on the bot's own initiative."""
        times = []
        async with self.services.store.transaction():
            for work in self.router.due_work:
                if work.next_at is not None and (when := await work.next_at(self.services)) is not None:
                    times.append(when)
        return min(times) if times else None

    async def _finish(self, effects: Effects, ready: list[Ready] | None = None) -> None:
        """After a transaction: wake the scheduler if needed, then send (what was prepared, if it was)."""
        if effects.wake_at is not None and self.waker is not None:
            self.waker.wake_at(effects.wake_at)
        if ready is None:
            await self.courier.deliver(effects.items)
        else:
            await self.courier.send(ready)

    async def _on_receipt(self, receipt: str, result: SendResult) -> None:
        parsed = parse_payload(receipt)
        handler = self.router.find_receipt(parsed[0]) if parsed else None
        if parsed is None or handler is None:
            log.warning("no handler for receipt code=%s", receipt.split(":")[0])
            return
        try:
            effects, ready = await self._work(
                lambda effects: handler(self.services, effects, parsed[1], result, self.services.clock.now())
            )
        except Exception:
            log.exception("receipt failed code=%s", parsed[0])
            return
        await self._finish(effects, ready)

    async def _take_turn(self, incoming: Incoming, effects: Effects) -> None:
        store = self.services.store
        now = self.services.clock.now()
        neighbour = await store.neighbours.get_or_create(incoming.platform, incoming.user_id, now)
        street = None
        if not incoming.is_private:
            street = await store.streets.get_or_create(incoming.platform, incoming.chat_id, incoming.chat_title, now)
            if incoming.kind is IncomingKind.LEFT:
                await store.neighbours.left_street(street.id, neighbour.id)
                return
            await activity.seen_in_group(self.services, street.id, neighbour.id, now)
        await languages.note_platform_language(self.services, neighbour, incoming.language)
        turn = Turn(incoming, neighbour, street, now, self.services, effects)
        if incoming.is_private:
            if neighbour.reachable is not True:
                await store.neighbours.set_reachable(neighbour.id, True)
            held = await self.courier.take_held(neighbour)
            for outgoing in held:
                effects.add(outgoing)
            turn.held_delivered = len(held)
        if incoming.kind is IncomingKind.PRESS:
            await self._press(turn)
        elif incoming.kind is IncomingKind.MESSAGE:
            await self._message(turn)
        elif incoming.kind is IncomingKind.LOCATION and self.router.location_handler is not None:
            await self.router.location_handler(turn)

    async def _press(self, turn: Turn) -> None:
        parsed = parse_payload(turn.incoming.payload or "")
        handler = self.router.find_action(parsed[0]) if parsed else None
        if parsed is None or handler is None:
            turn.answer(texts.BUTTON_EXPIRED)
            return
        await handler(turn, parsed[1])

    async def _message(self, turn: Turn) -> None:
        text = turn.incoming.text or ""
        parsed = parse_command(text)
        if parsed is None:
            await self._typed_text(turn, text)
            return
        command = self.router.find_command(parsed.name)
        if command is None:
            await start.unknown(turn, parsed.name)
        elif command.where is Where.PRIVATE and not turn.is_private:
            turn.reply(texts.PRIVATE_ONLY, (board.private_link(parsed.name),))
        elif command.where is Where.GROUP and turn.is_private:
            turn.reply(texts.GROUP_ONLY)
        else:
            await command.handler(turn, parsed.rest)

    async def _typed_text(self, turn: Turn, text: str) -> None:
        """Plain words: an answer to a guided flow, if one is waiting; in groups, otherwise, just chat."""
        if not turn.is_private and not turn.incoming.addressed_to_bot:
            return
        state = await turn.store.conversations.get(turn.neighbour.id, posting.conversation_scope(turn))
        handler = self.router.find_flow(state.get("flow", "")) if state else None
        if state is not None and handler is not None:
            await handler(turn, text, state)
        elif turn.is_private and await self._private_words(turn, text):
            return
        elif turn.is_private and not turn.held_delivered:
            turn.reply(texts.NOT_UNDERSTOOD)

    async def _private_words(self, turn: Turn, text: str) -> bool:
        for handler in self.router.private_words_handlers:
            if await handler(turn, text):
                return True
        return False


def _sorry(incoming: Incoming) -> Outgoing:
    text = msg(texts.SOMETHING_WENT_WRONG)
    if incoming.kind is IncomingKind.PRESS:
        return Outgoing(ToPresser(incoming.person, incoming.ref), text)
    if incoming.is_private:
        return Outgoing(ToPerson(incoming.person), text)
    return Outgoing(ToStreet(Street(0, incoming.platform, incoming.chat_id)), text)
