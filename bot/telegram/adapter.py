"""The Telegram adapter: a python-telegram-bot Application that shares the process's asyncio loop
(started and stopped by the composition root, never `run_polling()`), hands every update to the
core as `Incoming`, and gives the core a notifier and an organiser check.

Nothing Telegram delivers is lost: each batch is written to the core's inbox before Telegram is told
it arrived. PTB's own updater tells Telegram as soon as a batch is queued in memory, so polling is the
adapter's own loop (`bot.get_updates`), which asks for the next batch — and so confirms this one —
only once the core has written it down, starting from the position the core wrote with it. With a
webhook, the HTTP answer comes after the write (the updater's queue writes instead of queueing)."""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Awaitable, Callable
from urllib.parse import urlparse

from telegram import (
    BotCommand,
    BotCommandScope,
    BotCommandScopeAllChatAdministrators,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    Update,
)
from telegram.error import BadRequest, InvalidToken, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.ext import Application, ApplicationBuilder

from bot.logs import hashed, redact
from bot.metrics import PlatformFigures
from bot.telegram.description import describe_bot
from bot.telegram.migration import Migrations, MoveStreet, street_mover
from bot.telegram.names import NameBook
from bot.telegram.notifier import TelegramNotifier
from bot.telegram.organisers import TelegramOrganisers
from bot.telegram.pacing import Limits, Pacer
from bot.telegram.presses import PressBook
from bot.telegram.sending import GaveUp, Patience, Refused, Sender, retry_after_seconds
from bot.telegram.updates import PLATFORM, BotIdentity, migration_of, to_incoming
from config.errors import ConfigurationError
from config.settings import TelegramSettings
from handlers.kernel.core import AdaptersOwn
from handlers.kernel.inbox import Arrival
from handlers.kernel.incoming import Incoming, IncomingKind
from handlers.kernel.messages import msg
from handlers.kernel.render import Translate, no_translation, render

if TYPE_CHECKING:
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from config.settings import Settings
    from handlers.kernel.core import Core
    from handlers.kernel.ports import Clock
    from storage import SqliteStore

log = logging.getLogger(__name__)

# chat_member updates only come when asked for by name (and only where the bot is an admin). Edits
# are never asked for: a live location's later positions come as edits, and it counts once.
ALLOWED_UPDATES = ["message", "callback_query", "chat_member", "my_chat_member"]

# Command menus: (where, private chats?, organisers' commands too?). Telegram shows a group's
# administrators — its organisers — their own menu, with everyone's commands and theirs.
MENUS: tuple[tuple[BotCommandScope, bool, bool], ...] = (
    (BotCommandScopeAllPrivateChats(), True, False),
    (BotCommandScopeAllGroupChats(), False, False),
    (BotCommandScopeAllChatAdministrators(), False, True),
)


@dataclass(frozen=True)
class Tuning:
    """How the adapter paces, waits and remembers. The defaults suit Telegram's real servers; tests
    and benchmarks shrink the times."""

    limits: Limits = field(default_factory=Limits)
    patience: Patience = field(default_factory=Patience)
    poll_timeout: float = 30.0  # seconds a long poll may wait for updates
    request_timeout: float = 10.0  # seconds for any other Bot API call
    press_answered_within: float = 4.0  # a press is answered (empty) after this, if nothing was said
    admins_fresh_for: float = 600.0
    names_fresh_for: float = 900.0
    start_patience: float = 60.0  # how long to keep trying to reach the Bot API when starting
    stop_grace: float = 10.0  # how long sends may keep retrying once the bot is stopping


class TelegramAdapter:
    platform = PLATFORM

    def __init__(self, settings: TelegramSettings, tuning: Tuning = Tuning(),
                 translate: Translate = no_translation, move_street: MoveStreet | None = None) -> None:
        if settings.token is None or not settings.token.get_secret_value():
            raise ConfigurationError("DOORSTEP_TELEGRAM__TOKEN: needed to connect to Telegram")
        self._settings = settings
        self._tuning = tuning
        self._translate = translate
        token = settings.token.get_secret_value()
        redact(token)
        self.application: Application = (
            ApplicationBuilder()
            .token(token)
            .base_url(settings.base_url)
            .base_file_url(settings.base_file_url)
            .job_queue(None)  # the process has one scheduler, owned by the composition root
            .update_queue(_IntoInbox(self._take_in))  # a webhook's updates: written before it is answered
            .connect_timeout(tuning.request_timeout)
            .read_timeout(tuning.request_timeout)
            .write_timeout(tuning.request_timeout)
            .pool_timeout(tuning.request_timeout)
            .get_updates_read_timeout(tuning.request_timeout)
            .build()
        )
        bot = self.application.bot
        self.pacer = Pacer(tuning.limits)
        self.sender = Sender(self.pacer, tuning.patience)
        self.names = NameBook(bot, self.sender, tuning.names_fresh_for)
        self.presses = PressBook(self._answer_empty, tuning.press_answered_within)
        self.notifier = TelegramNotifier(bot, self.sender, self.names, self.presses, translate)
        self.organisers = TelegramOrganisers(bot, self.sender, tuning.admins_fresh_for)
        self.migrations = Migrations(move_street)
        self.sender.on_moved = self.migrations.follow
        self._core: Core | None = None
        self._me: BotIdentity | None = None
        self._polling: asyncio.Task | None = None
        self._followers: set[asyncio.Task] = set()  # an update each, until it is handled
        self.on_update_handled: Callable[[], None] | None = None  # told as each update is done with (benchmarks)

    @property
    def webhook(self) -> bool:
        return bool(self._settings.webhook_url)

    @property
    def connected(self) -> bool:
        """Running, and the Bot API answered more recently than it failed to (for /healthz)."""
        return self.application.running and self.sender.reachable

    def figures(self) -> PlatformFigures:
        """For /metrics: 429s met and waited out, and messages in line for the flood limits."""
        return PlatformFigures(self.sender.rate_limited, self.sender.retry_after_seconds, self.pacer.waiting())

    async def check_in_with_telegram(self) -> None:
        """While calls are failing, ask getMe now and then so recovery shows even with no traffic."""
        if self.application.running and not self.sender.reachable:
            try:
                await self.sender.quick("getMe", self.application.bot.get_me)
            except (Refused, GaveUp):
                pass

    @property
    def own_work(self) -> AdaptersOwn:
        """Telegram keeps nothing of its own for the core to look after."""
        return AdaptersOwn()

    async def start(self, core: Core) -> None:
        self._core = core
        await self._introduce()
        updater = self.application.updater
        assert updater is not None
        try:
            if self.webhook:
                await self._start_webhook()
            else:
                await self._stop_any_webhook()
            await self.application.start()
            if not self.webhook:
                self._polling = asyncio.create_task(self._poll(), name="telegram:polling")
        except BaseException:
            if updater.running:
                await updater.stop()
            await self.application.shutdown()
            raise
        await self._set_menus(core)
        settings = core.services.settings
        await describe_bot(self.application.bot, self.sender, self._translate, settings.locale, settings.locales)
        log.info("telegram ready mode=%s", "webhook" if self.webhook else "polling")

    async def stop(self) -> None:
        """Stop taking updates, let turns in flight finish (sends get `stop_grace` to go out), answer
        any press still waiting, and close the connections."""
        app = self.application
        if self._polling is not None:
            self._polling.cancel()
            await asyncio.gather(self._polling, return_exceptions=True)
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        give_up = asyncio.get_running_loop().call_later(self._tuning.stop_grace, self.sender.stop_waiting)
        try:
            if app.running:
                await app.stop()
            await asyncio.gather(*self._followers, return_exceptions=True)
            await self.presses.drain()
            await self.migrations.settle()
        finally:
            give_up.cancel()
            await app.shutdown()

    # --- starting ---

    async def _introduce(self) -> None:
        """getMe, retried for a while if the Bot API can't be reached; a refused token stops start-up."""
        deadline = time.monotonic() + self._tuning.start_patience
        pause = 1.0
        while True:
            try:
                await self.application.initialize()
                break
            except InvalidToken:  # PTB's message for this quotes the token: never pass it on
                await self.application.bot.shutdown()
                raise ConfigurationError(
                    "DOORSTEP_TELEGRAM__TOKEN: the Bot API refused it (method=getMe); check the token "
                    "with @BotFather, and that DOORSTEP_TELEGRAM__BASE_URL ends in /bot"
                ) from None
            except NetworkError as error:
                if time.monotonic() + pause > deadline:
                    await self.application.bot.shutdown()
                    raise ConfigurationError(
                        f"DOORSTEP_TELEGRAM__BASE_URL: can't reach the Bot API at {_host(self._settings.base_url)} "
                        f"({type(error).__name__})"
                    ) from None
                log.warning("can't reach the Bot API yet, trying again method=getMe error=%s", type(error).__name__)
                await asyncio.sleep(pause)
                pause = min(pause * 2, 15.0)
        bot = self.application.bot
        self._me = BotIdentity(bot.id, bot.username)
        self.notifier.bot_username = bot.username
        log.info("telegram connected bot=%s", bot.username)

    async def _start_webhook(self) -> None:
        url = self._settings.webhook_url or ""
        secret = self._settings.webhook_secret.get_secret_value() if self._settings.webhook_secret else None
        redact(secret or "")
        updater = self.application.updater
        assert updater is not None
        listen, port = self._settings.webhook_listen, self._settings.webhook_port
        try:
            await updater.start_webhook(
                listen=listen, port=port, url_path=urlparse(url).path.lstrip("/"), webhook_url=url,
                secret_token=secret, allowed_updates=ALLOWED_UPDATES,
            )
        except OSError as error:
            raise ConfigurationError(
                f"DOORSTEP_TELEGRAM__WEBHOOK_PORT: can't listen on {listen}:{port} ({error.strerror or error})"
            ) from None
        except TelegramError as error:  # setWebhook refused: Telegram's answer says why
            raise ConfigurationError(
                f"DOORSTEP_TELEGRAM__WEBHOOK_URL: Telegram refused it (method=setWebhook): {error.message}"
            ) from None

    async def _set_menus(self, core: Core) -> None:
        """The command menus Telegram shows: in private chats, in groups, and to groups' organisers —
        in the operator's language for everyone, and in each language Doorstep speaks for people whose
        app is set to it."""
        settings = core.settings
        languages: list[tuple[str, str | None]] = [(settings.locale, None), *((lang, lang) for lang in settings.locales)]
        for scope, private, organisers in MENUS:
            for locale, app_language in languages:
                commands = [
                    BotCommand(command.name, render(msg(command.about), locale, translate=self._translate))
                    for command in core.menu(private=private, organisers=organisers) if command.about
                ]
                try:
                    await self.sender.quick("setMyCommands", lambda c=commands, s=scope, a=app_language:
                                            self.application.bot.set_my_commands(c, scope=s, language_code=a))
                except (Refused, GaveUp):
                    log.warning("command menu not set scope=%s language=%s", scope.type, app_language or "any")

    # --- updates ---

    async def _stop_any_webhook(self) -> None:
        """Polling and a webhook exclude each other: one left set from an earlier run goes."""
        try:
            await self.sender.quick("deleteWebhook", self.application.bot.delete_webhook)
        except (Refused, GaveUp):
            log.warning("could not remove an earlier webhook method=deleteWebhook")

    async def _poll(self) -> None:
        """Long polling, from where the inbox's position says; each batch is written to the inbox before
        the next `getUpdates` confirms it. Pauses after errors as PTB's own loop does."""
        assert self._core is not None
        position = await self._core.inbox_position(PLATFORM)
        offset = int(position) if position else None
        pause = 0.0
        while True:
            if pause:
                await asyncio.sleep(pause)
            try:
                updates = await self.application.bot.get_updates(
                    offset=offset, timeout=int(self._tuning.poll_timeout), allowed_updates=ALLOWED_UPDATES,
                )
            except RetryAfter as error:
                pause = retry_after_seconds(error) + 0.5
                continue
            except TimedOut:
                pause = 0.0
                continue
            except TelegramError as error:
                self._polling_problem(error)
                pause = 1.0 if pause == 0 else min(30.0, pause * 1.5)
                continue
            pause = 0.0
            if updates:
                # Shielded: a stop in the middle of writing lets the write finish (or not start) whole.
                offset = await asyncio.shield(self._take_in(updates))

    async def _take_in(self, updates: list[Update]) -> int:
        """Read a batch of updates and hand it to the core's inbox, with the next offset to ask for;
        returns that offset."""
        assert self._core is not None
        arrivals: list[Arrival] = []
        made: list[tuple[Update, int]] = []  # each update, and how many arrivals it made
        for update in updates:
            try:
                read = self._arrivals(update)
            except Exception:
                user = update.effective_user
                log.exception("update not read user=%s", hashed(str(user.id)) if user else "-")
                read = []
            arrivals.extend(read)
            made.append((update, len(read)))
        offset = updates[-1].update_id + 1
        handled = await self._core.receive(PLATFORM, arrivals, str(offset))
        start = 0
        for update, count in made:
            follower = asyncio.create_task(self._after(update, handled[start:start + count]))
            start += count
            self._followers.add(follower)
            follower.add_done_callback(self._followers.discard)
        return offset

    async def _after(self, update: Update, handled: list[asyncio.Future[None] | None]) -> None:
        """Once an update is handled and what it said has gone out: a press gets an empty answer, if
        it got none."""
        for done in handled:
            if done is not None:
                try:
                    await done
                except asyncio.CancelledError:
                    pass  # the bot is stopping: handled at the next start
        if update.callback_query is not None:
            await self.presses.close(update.callback_query.id)
        if self.on_update_handled is not None:
            self.on_update_handled()

    def _arrivals(self, update: Update) -> list[Arrival]:
        """What the core hears of one update (its key: the update's id, and which of its parts)."""
        assert self._me is not None
        press = update.callback_query
        if press is not None:
            self.presses.open(press.id)
        self._learn(update)
        moved = migration_of(update)
        if moved is not None:
            self.sender.moved(*moved)
        arrivals = []
        for index, incoming in enumerate(to_incoming(update, self._me)):
            incoming = self._where_it_lives(incoming)
            if incoming.kind is IncomingKind.LOCATION and incoming.is_private and incoming.cell is not None:
                self.notifier.location_arrived(incoming.chat_id)  # (an unreadable one is asked for again)
            arrivals.append(Arrival(f"{update.update_id}.{index}", incoming))
        return arrivals

    def _learn(self, update: Update) -> None:
        """Names for mentions (in memory, briefly) and fresh organiser lists after membership changes."""
        chat = update.effective_chat
        chat_id = chat.id if chat is not None else None
        user = update.effective_user
        if user is not None and not user.is_bot:
            self.names.learn(user.id, user.first_name, chat_id)
        message = update.message
        for member in (message.new_chat_members if message is not None else ()):
            self.names.learn(member.id, member.first_name, chat_id)
        change = update.chat_member or update.my_chat_member
        if change is not None:
            self.names.learn(change.new_chat_member.user.id, change.new_chat_member.user.first_name, chat_id)
            self.organisers.forget(change.chat.id)

    def _where_it_lives(self, incoming: Incoming) -> Incoming:
        """Something said in a group just before it became a supergroup belongs to the same street."""
        now_at = self.sender.chat(incoming.chat_id)
        return incoming if now_at == incoming.chat_id else replace(incoming, chat_id=now_at)

    async def _answer_empty(self, query_id: str) -> None:
        await self.notifier.answer_empty(query_id)

    def _polling_problem(self, error: TelegramError) -> None:
        if isinstance(error, NetworkError) and not isinstance(error, BadRequest):
            self.sender.could_not_reach_telegram()
        log.warning("telegram polling problem method=getUpdates error=%s answer=%r", type(error).__name__, error.message)


class _IntoInbox(asyncio.Queue):
    """PTB's update queue, for a webhook: an update is written to the inbox as it is put here, so the
    webhook's HTTP answer (sent once `put` returns) comes after the write. Nothing else is queued but
    PTB's own signals."""

    def __init__(self, take_in: Callable[[list[Update]], Awaitable[int]]) -> None:
        super().__init__()
        self._take_in = take_in

    async def put(self, item: object) -> None:
        if isinstance(item, Update):
            await self._take_in([item])
        else:
            await super().put(item)


def _host(url: str) -> str:
    return urlparse(url).netloc or url


CHECK_IN_EVERY_SECONDS = 30


def create_adapter(
    settings: Settings, store: SqliteStore, clock: Clock, scheduler: AsyncIOScheduler, *,
    translate: Translate = no_translation, tuning: Tuning | None = None,
) -> TelegramAdapter:
    """The adapter the composition root runs. Telegram needs no storage of its own: everything it
    remembers (names, admins, open location keyboards) is short-lived and in memory; the store is
    only used to move a street when its group becomes a supergroup. The shared scheduler checks in
    with Telegram while calls are failing, so /healthz sees it come back even when nobody is talking."""
    adapter = TelegramAdapter(settings.telegram, tuning or Tuning(), translate, street_mover(store))
    scheduler.add_job(
        adapter.check_in_with_telegram, "interval", seconds=CHECK_IN_EVERY_SECONDS, id="telegram-check-in",
        replace_existing=True, coalesce=True, max_instances=1,
    )
    return adapter
