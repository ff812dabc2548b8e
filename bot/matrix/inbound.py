"""Matrix events in, `Incoming` out. nio calls these from inside its sync loop, so each one only
looks at the event and hands the real work to its own task (see `bot.matrix.tasks`).

What the core hears: `!` commands, replies to the bot, mentions of it, everything in a private
chat, reactions and typed answers to the bot's choices (as presses), locations shared privately or
in answer to the bot (as a coarse cell only), and people joining or leaving a street room. (A
redaction is only noted: a thread whose first message went is no place for the bot's messages.) Everything
else said in a street room is neighbours talking among themselves: the bot doesn't read it, and
doesn't note who said it. Its own events and every `m.notice` are ignored.

nio hands a sync's events over while it reads the sync; they are routed once the whole sync is read,
when it is known whether a room's timeline was cut short. Such a room catches up first on what the
sync left out, and its events are handed over in order (`bot.matrix.backlog`).

What happens in a thread carries the thread's root as its `thread`: a message (`m.thread`), and a
reaction or typed answer to one of the bot's messages in a thread (the thread its prompt was sent
in), so that the answer goes back there.

An encrypted message whose key hasn't arrived yet is kept in memory for a while and answered when
the key comes (nio tells of each room key arriving). In a private chat, if the key is still missing
after a short wait, the neighbour is asked to send it again — and then it is not answered later too."""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from nio import (
    AsyncClient,
    InviteMemberEvent,
    JoinResponse,
    MatrixRoom,
    MegolmEvent,
    PowerLevelsEvent,
    ReactionEvent,
    RedactionEvent,
    RoomKeyEvent,
    RoomMemberEvent,
    RoomMessageNotice,
    RoomMessageText,
    RoomMessageUnknown,
    SyncResponse,
    UnknownAccountDataEvent,
    UnknownEvent,
)
from nio.exceptions import EncryptionError, LocalProtocolError

from bot.logs import hashed
from bot.matrix import texts as matrix_texts
from bot.matrix.backlog import Backlogs
from bot.matrix.choices import match_reaction, match_reply, without_reply_fallback
from bot.matrix.direct import DirectRooms
from bot.matrix.history import Gap, History
from bot.matrix.late_keys import AwaitingKeys
from bot.matrix.locations import cell_of, is_location
from bot.matrix.notifier import PLATFORM, MatrixNotifier, press_ref
from bot.matrix.organisers import MatrixOrganisers
from bot.matrix.session import TRANSIENT
from bot.matrix.tasks import Spawner
from bot.matrix.threads import thread_of
from handlers.kernel import texts
from handlers.kernel.incoming import Incoming, IncomingKind
from handlers.kernel.messages import Person, msg
from handlers.kernel.router import parse_command
from storage.repositories.matrix_prompts import Prompt, PromptChoice

if TYPE_CHECKING:
    from handlers.kernel.core import Core
    from storage import SqliteStore

log = logging.getLogger(__name__)

REMEMBERED_EVENTS = 2000  # recent event ids, so an event delivered twice is handled once
JOIN_SYNC_WAIT_S = 30.0  # after joining a room, how long to wait to see it in a sync
JOIN_ATTEMPTS = 5
RACING_SEND_WAIT_S = 10.0
UNDECRYPTABLE_NOTE_AFTER_S = 10.0  # in a private chat: how long a missing key may take before asking again


def replied_to(relation: dict) -> str | None:
    """The event a message replies to — not the one a message in a thread names only for older clients."""
    if not isinstance(relation, dict) or relation.get("is_falling_back"):
        return None
    reply = relation.get("m.in_reply_to")
    event_id = reply.get("event_id") if isinstance(reply, dict) else None
    return event_id if isinstance(event_id, str) else None


class Seen:
    """A bounded memory of event ids."""

    def __init__(self, size: int = REMEMBERED_EVENTS) -> None:
        self._ids: OrderedDict[str, None] = OrderedDict()
        self._size = size

    def first_time(self, event_id: str) -> bool:
        if event_id in self._ids:
            return False
        self._ids[event_id] = None
        if len(self._ids) > self._size:
            self._ids.popitem(last=False)
        return True

    def __contains__(self, event_id: str) -> bool:
        return event_id in self._ids


class Inbound:
    def __init__(
        self, client: AsyncClient, direct: DirectRooms, notifier: MatrixNotifier, store: SqliteStore,
        organisers: MatrixOrganisers, spawner: Spawner, *, allowed_servers: set[str], catching_up: bool,
        read_back_s: float, undecryptable_note_after_s: float = UNDECRYPTABLE_NOTE_AFTER_S,
    ) -> None:
        self._client = client
        self._direct = direct
        self._notifier = notifier
        self._store = store
        self._organisers = organisers
        self._spawner = spawner
        self._allowed_servers = allowed_servers
        # The very first sync of a new device shows recent history: old commands, not to answer.
        self.catching_up = catching_up
        self.core: Core | None = None
        self._seen = Seen()
        self._own_events = Seen()  # the bot's recent messages, to recognise replies to it
        self._joining: set[str] = set()
        # Rooms being joined: what a sync shows of them before the bot's own join is old history.
        self._not_joined_yet: set[str] = set()
        self._after_join: dict[str, str] = {}  # user -> what to carry on with once they join the private chat
        self._told_undecryptable: set[str] = set()
        self._awaiting_keys = AwaitingKeys()
        self._note_after_s = undecryptable_note_after_s
        self._heard: list[tuple[MatrixRoom, Any]] = []  # the sync being read: routed once it is read through
        self._backlogs = Backlogs(
            client, History(client, read_back_s), spawner, route=self._routed,
            handled=lambda event_id: event_id in self._seen or event_id in self._own_events,
        )

    @property
    def me(self) -> str:
        return self._client.user_id

    def register(self) -> None:
        client = self._client
        client.add_event_callback(self._on_invite, InviteMemberEvent)
        client.add_event_callback(
            self._on_event,
            # Notices only to know the bot's own (a reply to one is said to the bot); others' are ignored.
            (RoomMessageText, RoomMessageNotice, RoomMessageUnknown, ReactionEvent, RoomMemberEvent, MegolmEvent,
             PowerLevelsEvent, RedactionEvent, UnknownEvent),
        )
        client.add_global_account_data_callback(self._on_account_data, UnknownAccountDataEvent)
        client.add_to_device_callback(self._on_room_key, RoomKeyEvent)  # forwarded keys too (a subclass)

    # --- callbacks (inside the sync loop: look, then hand over) ----------------------------------

    def _on_invite(self, room: MatrixRoom, event: InviteMemberEvent) -> None:
        if event.state_key != self.me or event.membership != "invite" or room.room_id in self._joining:
            return
        inviter = event.sender
        server = inviter.split(":", 1)[1] if ":" in inviter else ""
        self._joining.add(room.room_id)
        self._not_joined_yet.add(room.room_id)
        if server not in self._allowed_servers:
            log.info("declining an invite from another homeserver server=%s", server)
            self._spawner.spawn(self._decline(room.room_id), "decline")
            return
        self._spawner.spawn(self._join(room.room_id, inviter, bool(event.content.get("is_direct"))), "join")

    def _on_account_data(self, event: UnknownAccountDataEvent) -> None:
        if event.type == "m.direct" and isinstance(event.content, dict):
            self._direct.replace(event.content)

    def _on_event(self, room: MatrixRoom, event: Any) -> None:
        self._heard.append((room, event))

    def synced(self, response: SyncResponse | None, since: str) -> None:
        """A sync is read through (`response` None if reading it failed part way): hand over what it
        brought. A room whose timeline was cut short catches up on what is missing first — unless
        this is the first sync of a new device, whose history is not to be answered."""
        heard, self._heard = self._heard, []
        if response is not None and since and response.next_batch != since and not self.catching_up:
            for room_id, joined in response.rooms.join.items():
                timeline = joined.timeline
                if timeline.limited and timeline.prev_batch and room_id not in self._not_joined_yet:
                    self._backlogs.gap(room_id, Gap(since, timeline.prev_batch))
        for room, event in heard:
            if self._backlogs.holds(room.room_id):
                self._backlogs.add(room, event)
            else:
                self._routed(room, event)

    def _routed(self, room: MatrixRoom, event: Any) -> asyncio.Task | None:
        try:
            return self._route(room, event)
        except Exception:
            log.exception("could not handle a Matrix event type=%s", type(event).__name__)
            return None

    def _on_room_key(self, event: RoomKeyEvent) -> None:
        """A room key arrived: the messages kept for it can be read and answered now."""
        try:
            self._read_late(event.room_id, event.session_id)
        except Exception:
            log.exception("could not handle messages that waited for their key")

    def _read_late(self, room_id: str, session_id: str) -> None:
        for waiting in self._awaiting_keys.take(room_id, session_id):
            room = self._client.rooms.get(waiting.room_id)
            try:
                decrypted = self._client.decrypt_event(waiting)
            except EncryptionError:
                log.warning("a room key arrived but an event still could not be decrypted room=%s", waiting.room_id)
                continue
            if room is not None:
                log.info("decrypted an event once its key arrived room=%s", room.room_id)
                self._dispatch(room, decrypted)

    def _route(self, room: MatrixRoom, event: Any) -> asyncio.Task | None:
        """Hands one event over; the task doing its work, if it needs one."""
        event_id = getattr(event, "event_id", None)
        if event.sender == self.me:
            self._own_event(room, event)
            return None
        if room.room_id in self._not_joined_yet:
            return None  # history from before the bot joined: not said to it
        if event_id and not self._seen.first_time(event_id):
            return None
        return self._dispatch(room, event)

    def _dispatch(self, room: MatrixRoom, event: Any) -> asyncio.Task | None:
        spawn = self._spawner.spawn
        if isinstance(event, PowerLevelsEvent):
            self._organisers.forget(room.room_id)
        elif isinstance(event, RedactionEvent):
            self._notifier.roots.redacted(event.redacts)  # a thread's first message, maybe: the thread is gone
        elif isinstance(event, RoomMemberEvent):
            return self._membership(room, event)
        elif self.catching_up:
            return None
        elif isinstance(event, MegolmEvent):
            self._undecryptable(room, event)
        elif isinstance(event, RoomMessageText):
            return spawn(self._message(room, event), "message")
        elif isinstance(event, (RoomMessageUnknown, UnknownEvent)) and is_location(event.source.get("type", ""), _content(event)):
            return spawn(self._location(room, event.sender, _content(event)), "location")
        elif isinstance(event, ReactionEvent):
            return spawn(self._reaction(room, event.sender, event.reacts_to, event.key), "reaction")
        elif isinstance(event, UnknownEvent) and event.type == "m.reaction":
            relation = event.source.get("content", {}).get("m.relates_to", {})
            if isinstance(relation.get("event_id"), str) and isinstance(relation.get("key"), str):
                return spawn(self._reaction(room, event.sender, relation["event_id"], relation["key"]), "reaction")
        return None

    def _own_event(self, room: MatrixRoom, event: Any) -> None:
        if isinstance(event, RoomMemberEvent):
            if event.state_key == self.me and event.membership == "join":
                self._not_joined_yet.discard(room.room_id)
                self._direct.noticed_join(room.room_id, self.me)
        elif getattr(event, "event_id", None):
            self._own_events.first_time(event.event_id)

    def _membership(self, room: MatrixRoom, event: RoomMemberEvent) -> asyncio.Task | None:
        user_id = event.state_key
        if user_id == self.me:
            return None
        joined = event.membership == "join" and event.prev_membership != "join"
        left = event.membership in ("leave", "ban") and event.prev_membership == "join"
        if joined:
            self._direct.noticed_join(room.room_id, user_id)
        if joined or left:
            self._organisers.forget(room.room_id)  # an organiser may have come or gone
        if self.catching_up or not (joined or left):
            return None
        if self._direct.is_private(room.room_id):
            return self._spawner.spawn(self._private_chat_joined(room, user_id), "private-join") if joined else None
        kind = IncomingKind.JOINED if joined else IncomingKind.LEFT
        return self._spawner.spawn(self._hand_over(self._incoming(room, user_id, kind)), "membership")

    def _undecryptable(self, room: MatrixRoom, event: MegolmEvent) -> None:
        """Logged without content; the key is asked for, and the event kept until it comes. In a
        private chat the neighbour is told if it doesn't come soon."""
        log.warning(
            "could not decrypt an event room=%s sender=%s session=%s", room.room_id, hashed(event.sender), event.session_id[:8],
        )
        self._awaiting_keys.keep(event)
        self._spawner.spawn(self._request_key(event), "key-request")
        if self._direct.is_private(room.room_id):
            self._spawner.spawn(self._tell_if_still_unreadable(room.room_id, event), "undecryptable")

    # --- the work, each in its own task -----------------------------------------------------------

    async def _tell_if_still_unreadable(self, room_id: str, event: MegolmEvent) -> None:
        await asyncio.sleep(self._note_after_s)
        if not self._awaiting_keys.waiting(event.event_id):
            return  # its key came, and it was answered
        # They'll be asked to send it again: answering this one too, if its key came later, would be twice.
        self._awaiting_keys.drop(event.event_id)
        if event.session_id not in self._told_undecryptable:
            self._told_undecryptable.add(event.session_id)
            await self._notifier.say(room_id, msg(matrix_texts.MATRIX_COULD_NOT_DECRYPT))

    async def _hand_over(self, incoming: Incoming) -> None:
        if self.core is not None:
            await self.core.handle(incoming)

    def _incoming(self, room: MatrixRoom, user_id: str, kind: IncomingKind, **fields: Any) -> Incoming:
        private = self._direct.is_private(room.room_id)
        if private:
            self._direct.prefer(user_id, room.room_id)
        member = room.users.get(user_id)
        return Incoming(
            platform=PLATFORM, chat_id=room.room_id, user_id=user_id, is_private=private, kind=kind,
            user_name=member.display_name if member and member.display_name else None,
            chat_title=None if private else room.name, **fields,
        )

    async def _message(self, room: MatrixRoom, event: RoomMessageText) -> None:
        content = event.source.get("content", {})
        relation = content.get("m.relates_to") or {}
        if "m.new_content" in content or relation.get("rel_type") == "m.replace":
            return  # an edit: the command it edits was answered already
        text = without_reply_fallback(event.body or "")
        reply_to = replied_to(relation)
        thread = thread_of(content)
        if thread is not None:
            self._notifier.threads.note(thread, event.event_id)
        private = self._direct.is_private(room.room_id)
        prompt = await self._prompt_answered(room.room_id, reply_to, private)
        command = parse_command(text) is not None  # a command is never a typed answer (`!remove` on a card)
        if prompt is not None and not command and (choice := match_reply(prompt, text)) is not None:
            await self._press(room, event.sender, prompt, choice)
            return
        addressed = private or command or self._addressed(content, reply_to, prompt)
        if not addressed:
            return
        text = self._without_mention(room, text)
        await self._hand_over(self._incoming(
            room, event.sender, IncomingKind.MESSAGE, text=text, addressed_to_bot=True, reply_to=reply_to, thread=thread,
        ))

    async def _location(self, room: MatrixRoom, sender: str, content: dict) -> None:
        """A shared location, as a coarse cell: in a private chat, or in a street room as an answer
        to the bot. Other pins in a street room are neighbours showing each other a place."""
        relation = content.get("m.relates_to") or {}
        if "m.new_content" in content or (isinstance(relation, dict) and relation.get("rel_type") == "m.replace"):
            return
        reply_to = replied_to(relation)
        private = self._direct.is_private(room.room_id)
        if not private and not (reply_to is not None and await self._is_the_bots(room.room_id, reply_to)):
            return
        await self._hand_over(self._incoming(
            room, sender, IncomingKind.LOCATION, cell=cell_of(content), addressed_to_bot=True, reply_to=reply_to,
            thread=thread_of(content),
        ))

    async def _is_the_bots(self, room_id: str, event_id: str) -> bool:
        return event_id in self._own_events or await self._prompt_answered(room_id, event_id, False) is not None

    async def _prompt_answered(self, room_id: str, reply_to: str | None, private: bool) -> Prompt | None:
        """The choices a message may be answering: those of the message it replies to, or, in a
        private chat, of the bot's latest question there."""
        prompts = self._store.matrix_prompts
        if reply_to is not None:
            prompt = await prompts.get(reply_to)
            return prompt if prompt is not None and prompt.room_id == room_id else None
        return await prompts.latest_in_room(room_id) if private else None

    def _addressed(self, content: dict, reply_to: str | None, prompt: Prompt | None) -> bool:
        mentions = content.get("m.mentions") or {}
        if self.me in (mentions.get("user_ids") or []):
            return True
        if reply_to is not None and (prompt is not None or reply_to in self._own_events):
            return True
        return self.me in (content.get("formatted_body") or "") or self.me in (content.get("body") or "")

    def _without_mention(self, room: MatrixRoom, text: str) -> str:
        """"Doorstep: could someone…" -> "could someone…"."""
        member = room.users.get(self.me)
        for name in filter(None, (member.display_name if member else None, self.me, self.me[1:].split(":")[0])):
            if text.lower().startswith(name.lower()):
                rest = text[len(name):]
                if rest[:1] in (":", ",", " ", ""):
                    return rest.lstrip(":, ").strip()
        return text

    async def _reaction(self, room: MatrixRoom, sender: str, target: str, key: str) -> None:
        prompts = self._store.matrix_prompts
        prompt = await prompts.get(target)
        if prompt is None and (target in self._own_events or self._notifier.in_flight.busy):
            # A reaction can race the saving of the very message it is on.
            await self._notifier.in_flight.settled(RACING_SEND_WAIT_S)
            prompt = await prompts.get(target)
        if prompt is None or prompt.room_id != room.room_id:
            return  # a reaction on a message without choices is just a reaction
        choice = match_reaction(prompt, key)
        if choice is not None:
            await self._press(room, sender, prompt, choice)

    async def _press(self, room: MatrixRoom, user_id: str, prompt: Prompt, choice: PromptChoice) -> None:
        if choice.opens_private:
            await self._carry_on_privately(room, user_id, prompt, choice.payload)
            return
        incoming = self._incoming(
            room, user_id, IncomingKind.PRESS, payload=choice.payload,
            ref=press_ref(room.room_id, prompt.event_id, prompt.thread), thread=prompt.thread,
        )
        await self._hand_over(incoming)

    async def _carry_on_privately(self, room: MatrixRoom, user_id: str, prompt: Prompt, payload: str) -> None:
        """A button that opens a private chat: open (or reuse) it and carry on there."""
        private_room, joined = await self._direct.invite(user_id)
        if private_room is None:
            await self._notifier.say(room.room_id, msg(texts.SOMETHING_WENT_WRONG), reply_to=prompt.event_id,
                                     thread=prompt.thread)
            return
        if joined:
            await self._start_privately(private_room, user_id, payload)
            return
        self._after_join[user_id] = payload
        member = room.users.get(user_id)
        who = Person(PLATFORM, user_id, member.display_name if member else None)
        await self._notifier.say(room.room_id, msg(matrix_texts.MATRIX_PRIVATE_INVITE_SENT, who=who), reply_to=prompt.event_id,
                                 thread=prompt.thread)

    async def _private_chat_joined(self, room: MatrixRoom, user_id: str) -> None:
        """They accepted the private chat: carry on with what they asked for, or just deliver
        whatever was waiting for them."""
        payload = self._after_join.pop(user_id, None)
        if payload is not None:
            await self._start_privately(room.room_id, user_id, payload)
        else:
            await self._hand_over(self._incoming(room, user_id, IncomingKind.JOINED))

    async def _start_privately(self, room_id: str, user_id: str, payload: str) -> None:
        room = self._client.rooms.get(room_id)
        if room is not None:
            await self._hand_over(self._incoming(room, user_id, IncomingKind.MESSAGE, text=f"!start {payload}".strip()))

    async def _join(self, room_id: str, inviter: str, is_direct: bool) -> None:
        try:
            if not await self._join_patiently(room_id):
                self._not_joined_yet.discard(room_id)
                return
            log.info("joined a room private=%s", is_direct)
            if is_direct:
                await self._direct.record(inviter, room_id)
            if not await self._direct.wait_for_join(room_id, self.me, JOIN_SYNC_WAIT_S):
                return
            self._not_joined_yet.discard(room_id)
            # Say hello, as if the one who invited the bot had asked what it does.
            if is_direct:
                await self._start_privately(room_id, inviter, "")
            else:
                await self._greet(room_id, inviter)
        finally:
            self._joining.discard(room_id)

    async def _join_patiently(self, room_id: str) -> bool:
        pause = 0.5
        for _ in range(JOIN_ATTEMPTS):
            try:
                answer = await self._client.join(room_id)
            except TRANSIENT:
                answer = None
            if isinstance(answer, JoinResponse):
                return True
            if answer is not None and answer.status_code in ("M_FORBIDDEN", "M_NOT_FOUND"):
                break
            await asyncio.sleep(pause)
            pause *= 2
        log.warning("could not join a room")
        return False

    async def _greet(self, room_id: str, inviter: str) -> None:
        room = self._client.rooms.get(room_id)
        if room is not None:
            await self._hand_over(self._incoming(room, inviter, IncomingKind.MESSAGE, text="!help"))

    async def _decline(self, room_id: str) -> None:
        try:
            await self._client.room_leave(room_id)
        finally:
            self._joining.discard(room_id)

    async def _request_key(self, event: MegolmEvent) -> None:
        try:
            await self._client.request_room_key(event)
        except LocalProtocolError:
            pass  # asked already for this session
        except TRANSIENT:
            log.info("could not ask for a room key now; the homeserver is unreachable")


def _content(event: Any) -> dict:
    content = event.source.get("content") if isinstance(getattr(event, "source", None), dict) else None
    return content if isinstance(content, dict) else {}
