"""A neighbour on the test homeserver: a matrix-nio client with encryption, syncing in the background,
that records what it sees and waits (with a timeout, never a fixed sleep) for what the bot says."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass
from typing import Any, Awaitable, Callable

from nio import (
    AsyncClient,
    AsyncClientConfig,
    Event,
    InviteMemberEvent,
    JoinResponse,
    MegolmEvent,
    MemoryDownloadResponse,
    RoomCreateResponse,
    RoomPreset,
    RoomRedactResponse,
    RoomSendResponse,
    ShareGroupSessionResponse,
    SyncResponse,
)
from nio.api import Api
from nio.crypto.attachments import decrypt_attachment
from nio.store import SqliteMemoryStore

from bot.matrix.sync import KeyKeeper
from tests.matrix.cross_signed import cross_signed_devices
from tests.matrix.synapse import RegisteredUser, Synapse

WAIT_S = 20.0
ENCRYPTION = {"type": "m.room.encryption", "state_key": "", "content": {"algorithm": "m.megolm.v1.aes-sha2"}}


@dataclass
class Seen:
    room_id: str
    event: Event

    @property
    def content(self) -> dict[str, Any]:
        return self.event.source.get("content", {})

    @property
    def body(self) -> str:
        return str(self.content.get("body", ""))

    @property
    def html(self) -> str:
        return str(self.content.get("formatted_body", ""))

    @property
    def type(self) -> str:
        return str(self.event.source.get("type", ""))

    @property
    def event_id(self) -> str:
        return self.event.event_id


def choice_key(seen: Seen, label: str) -> str:
    """The reaction the bot listed in front of a choice, found by (part of) the choice's words."""
    for line in seen.body.splitlines():
        key, _, words = line.partition(" ")
        if label in words:
            return key
    raise AssertionError(f"no choice {label!r} in {seen.body!r}")


class Neighbour:
    def __init__(self, server: Synapse, account: RegisteredUser, name: str, *, accept_invites: bool = True,
                 only_cross_signed: bool = False) -> None:
        self.server = server
        self.account = account
        self.name = name
        self.user_id = account.user_id
        self.accept_invites = accept_invites
        # As MSC4153 clients do: room keys go only to devices their owner has cross-signed.
        self.only_cross_signed = only_cross_signed
        self.withheld_from: set[tuple[str, str]] = set()  # (user, device) left out of the last room key
        config = AsyncClientConfig(store=SqliteMemoryStore, encryption_enabled=True, max_timeouts=0)
        self.client = AsyncClient(server.url, account.user_id, device_id=account.device_id, config=config)
        self._keys = KeyKeeper(self.client)  # what any e2e client does between syncs, as the bot does
        self.client.restore_login(account.user_id, account.device_id, account.access_token)
        self.seen: list[Seen] = []
        self.invites: list[str] = []
        self.direct_invites: list[str] = []  # invites to a private chat (is_direct)
        self._changed = asyncio.Condition()
        self._sync_task: asyncio.Task | None = None
        self._tasks: set[asyncio.Task] = set()

    async def start(self) -> None:
        await self.client.keys_upload()
        await self.client.set_displayname(self.name)
        self.client.add_event_callback(self._record, Event)
        self.client.add_event_callback(self._invited, InviteMemberEvent)
        await self._sync_once(0)
        self._sync_task = asyncio.create_task(self._sync_forever())

    async def stop(self) -> None:
        for task in [self._sync_task, *self._tasks]:
            if task is not None:
                task.cancel()
        await asyncio.gather(*(t for t in [self._sync_task, *self._tasks] if t is not None), return_exceptions=True)
        await self.client.close()

    async def pause(self) -> None:
        """Stop syncing for a while (a benchmark's senders, so they cost nothing while it measures);
        sending still works."""
        if self._sync_task is not None:
            self._sync_task.cancel()
            await asyncio.gather(self._sync_task, return_exceptions=True)
            self._sync_task = None

    def resume(self) -> None:
        if self._sync_task is None:
            self._sync_task = asyncio.create_task(self._sync_forever())

    # --- syncing ------------------------------------------------------------------------------

    async def _sync_forever(self) -> None:
        while True:
            try:
                await self._sync_once(30_000)
            except asyncio.CancelledError:
                raise
            except Exception:
                await asyncio.sleep(0.2)

    async def _sync_once(self, timeout: int) -> None:
        response = await self.client.sync(timeout=timeout, full_state=self.client.next_batch == "" or None)
        if isinstance(response, SyncResponse):
            await self._keep_keys()
        async with self._changed:
            self._changed.notify_all()

    async def _keep_keys(self) -> None:
        await self._keys.refresh()

    def _record(self, room: Any, event: Event) -> None:
        self.seen.append(Seen(room.room_id, event))

    def _invited(self, room: Any, event: InviteMemberEvent) -> None:
        if event.state_key == self.user_id and event.membership == "invite" and room.room_id not in self.invites:
            self.invites.append(room.room_id)
            if event.content.get("is_direct"):
                self.direct_invites.append(room.room_id)
            if self.accept_invites:
                task = asyncio.create_task(self.join(room.room_id))
                self._tasks.add(task)

    # --- waiting --------------------------------------------------------------------------------

    def mark(self) -> int:
        """A point in what this neighbour has seen; later waits look only after it."""
        return len(self.seen)

    async def until(self, check: Callable[[], Any], timeout: float = WAIT_S, what: str = "something") -> Any:
        async def wait() -> Any:
            async with self._changed:
                while not (found := check()):
                    await self._changed.wait()
                return found

        try:
            return await asyncio.wait_for(wait(), timeout)
        except asyncio.TimeoutError:
            raise AssertionError(f"{self.name} waited {timeout}s for {what}; saw: {self.describe()}") from None

    def describe(self, last: int = 12) -> str:
        return "; ".join(f"[{s.type} from {s.event.sender}] {s.body[:80]!r}" for s in self.seen[-last:])

    def found(self, after: int, room_id: str | None, match: Callable[[Seen], bool]) -> Seen | None:
        for seen in self.seen[after:]:
            if (room_id is None or seen.room_id == room_id) and match(seen):
                return seen
        return None

    async def notice(self, room_id: str | None, *, contains: str = "", after: int = 0, sender: str | None = None,
                     timeout: float = WAIT_S) -> Seen:
        """The next m.notice (from `sender`, if given) whose body contains `contains`."""
        def match(seen: Seen) -> bool:
            return (seen.type == "m.room.message" and seen.content.get("msgtype") == "m.notice"
                    and "m.new_content" not in seen.content and contains in seen.body
                    and (sender is None or seen.event.sender == sender))

        return await self.until(lambda: self.found(after, room_id, match), timeout, f"a notice with {contains!r}")

    async def edit_of(self, room_id: str, event_id: str, *, contains: str = "", after: int = 0) -> Seen:
        def match(seen: Seen) -> bool:
            relation = seen.content.get("m.relates_to", {})
            new = seen.content.get("m.new_content", {})
            return relation.get("rel_type") == "m.replace" and relation.get("event_id") == event_id and contains in new.get("body", "")

        return await self.until(lambda: self.found(after, room_id, match), what=f"an edit of {event_id} with {contains!r}")

    async def reactions_on(self, room_id: str, event_id: str, count: int, sender: str) -> list[str]:
        def keys() -> list[str]:
            found = []
            for seen in self.seen:
                relation = seen.content.get("m.relates_to", {})
                if (seen.room_id == room_id and seen.type == "m.reaction" and seen.event.sender == sender
                        and relation.get("event_id") == event_id):
                    found.append(relation.get("key"))
            return found if len(found) >= count else []

        return await self.until(keys, what=f"{count} reactions on {event_id}")

    async def private_room_with(self, user_id: str) -> str:
        """The direct room `user_id` invited this neighbour to, once joined."""
        def joined() -> str | None:
            rooms = self.client.rooms
            return next((r for r in self.direct_invites if r in rooms and user_id in rooms[r].users), None)

        return await self.until(joined, what=f"a private chat with {user_id}")

    def undecrypted(self) -> list[Seen]:
        return [s for s in self.seen if isinstance(s.event, MegolmEvent)]

    # --- doing ----------------------------------------------------------------------------------

    async def create_room(self, name: str, *, invite: list[str], encrypted: bool = False, version: str | None = None,
                          power_levels: dict[str, int] | None = None) -> str:
        initial_state = [ENCRYPTION] if encrypted else []
        answer = await self.client.room_create(
            name=name, invite=invite, initial_state=initial_state, room_version=version,
            power_level_override={"users": power_levels} if power_levels else None,
        )
        assert isinstance(answer, RoomCreateResponse), answer
        await self.until(lambda: answer.room_id in self.client.rooms, what="the new room to sync")
        return answer.room_id

    async def open_private_chat(self, user_id: str) -> str:
        """A direct, encrypted chat with `user_id`, started the way Element starts one."""
        answer = await self.client.room_create(
            is_direct=True, invite=[user_id], preset=RoomPreset.trusted_private_chat, initial_state=[ENCRYPTION],
        )
        assert isinstance(answer, RoomCreateResponse), answer
        return answer.room_id

    async def join(self, room_id: str) -> None:
        answer = await self.client.join(room_id)
        assert isinstance(answer, JoinResponse), answer

    async def redact(self, room_id: str, event_id: str) -> None:
        answer = await self.client.room_redact(room_id, event_id, reason="tidying up")
        assert isinstance(answer, RoomRedactResponse), answer

    async def leave(self, room_id: str) -> None:
        await self.client.room_leave(room_id)

    async def invite(self, room_id: str, user_id: str) -> None:
        await self.client.room_invite(room_id, user_id)

    async def say(self, room_id: str, text: str, *, reply_to: str | None = None, mentions: list[str] | None = None,
                  thread: str | None = None) -> str:
        """Words in a room; in `thread` (its root's event id), as Element says them there: a real reply
        when `reply_to` is given, else the reply fallback to the root for clients without threads."""
        await self.until(lambda: room_id in self.client.rooms, what="the room to sync")
        content: dict[str, Any] = {"msgtype": "m.text", "body": text}
        if thread is not None:
            content["m.relates_to"] = {"rel_type": "m.thread", "event_id": thread, "is_falling_back": reply_to is None,
                                       "m.in_reply_to": {"event_id": reply_to or thread}}
        elif reply_to is not None:
            content["m.relates_to"] = {"m.in_reply_to": {"event_id": reply_to}}
        if mentions is not None:
            content["m.mentions"] = {"user_ids": mentions}
        return await self._send(room_id, "m.room.message", content)

    async def react(self, room_id: str, event_id: str, key: str, *, encrypted: bool = False) -> str:
        content = {"m.relates_to": {"rel_type": "m.annotation", "event_id": event_id, "key": key}}
        if not encrypted:
            return await self._send(room_id, "m.reaction", content)
        # nio sends reactions in the clear; Element may encrypt them. Encrypt by hand.
        if self.client.olm.should_share_group_session(room_id):
            await self.client.share_group_session(room_id, ignore_unverified_devices=True)
        event_type, encrypted_content = self.client.encrypt(room_id, "m.reaction", content)
        method, path, data = Api.room_send(self.client.access_token, room_id, event_type, encrypted_content, uuid.uuid4())
        answer = await self.client._send(RoomSendResponse, method, path, data, (room_id,))
        assert isinstance(answer, RoomSendResponse), answer
        return answer.event_id

    async def send_raw(self, room_id: str, event_type: str, content: dict[str, Any]) -> str:
        """An event exactly as given, without nio encrypting it (to send something broken)."""
        method, path, data = Api.room_send(self.client.access_token, room_id, event_type, content, uuid.uuid4())
        answer = await self.client._send(RoomSendResponse, method, path, data, (room_id,))
        assert isinstance(answer, RoomSendResponse), answer
        return answer.event_id

    async def say_with_key_held(self, room_id: str, text: str) -> tuple[str, Callable[[], Awaitable[None]]]:
        """An encrypted message whose room key reaches the others only when the returned `release()`
        is awaited — as when the key's to-device message is slow to arrive."""
        client = self.client
        await self.until(lambda: room_id in client.rooms, what="the room to sync")
        if not client.rooms[room_id].members_synced:
            await client.joined_members(room_id)
        await self._keep_keys()
        if missing := client.get_missing_sessions(room_id):
            await client.keys_claim(missing)
        client.olm.create_outbound_group_session(room_id)  # a new session nobody else has the key for
        held = list(client.olm.share_group_session_parallel(
            room_id, list(client.rooms[room_id].users), ignore_unverified_devices=True,
        ))
        client.olm.outbound_group_sessions[room_id].shared = True
        event_type, content = client.encrypt(room_id, "m.room.message", {"msgtype": "m.text", "body": text})
        event_id = await self.send_raw(room_id, event_type, content)

        async def release() -> None:
            for sharing_with, to_device in held:
                method, path, data = Api.to_device(client.access_token, "m.room.encrypted", to_device, uuid.uuid4())
                answer = await client._send(ShareGroupSessionResponse, method, path, data, response_data=(room_id, sharing_with))
                assert isinstance(answer, ShareGroupSessionResponse), answer

        return event_id, release

    async def _share_only_with_cross_signed(self, room_id: str) -> None:
        """Leave every device that isn't cross-signed out of a fresh room key (nio skips blacklisted
        devices when it shares one)."""
        client = self.client
        room = client.rooms[room_id]
        if not room.members_synced:
            await client.joined_members(room_id)
            await self._keep_keys()
        self.withheld_from = set()
        for user_id in list(room.users):
            query = await asyncio.to_thread(self.server.query_keys, client.access_token, user_id)
            trusted = cross_signed_devices(query, user_id)
            for device in client.device_store.active_user_devices(user_id):
                if device.id == client.device_id:
                    continue
                if device.id in trusted:
                    client.unblacklist_device(device)
                else:
                    client.blacklist_device(device)
                    self.withheld_from.add((user_id, device.id))
        client.olm.outbound_group_sessions.pop(room_id, None)  # the next message starts a new room key

    def share_with_every_device(self, room_id: str) -> None:
        """From now on, as a client that shares room keys with every device; the next message in
        `room_id` starts a new room key."""
        self.only_cross_signed = False
        for user_id in list(self.client.rooms[room_id].users):
            for device in self.client.device_store.active_user_devices(user_id):
                self.client.unblacklist_device(device)
        self.client.olm.outbound_group_sessions.pop(room_id, None)

    async def share_location(self, room_id: str, content: dict[str, Any]) -> str:
        """An `m.location` message (encrypted in an encrypted room), content as given."""
        await self.until(lambda: room_id in self.client.rooms, what="the room to sync")
        return await self._send(room_id, "m.room.message", content)

    async def download(self, seen: Seen) -> bytes:
        """A picture's or file's bytes, decrypted when it came in an encrypted room."""
        encrypted = seen.content.get("file")
        url = encrypted["url"] if encrypted else seen.content["url"]
        answer = await self.client.download(url)
        assert isinstance(answer, MemoryDownloadResponse), answer
        if not encrypted:
            return answer.body
        return decrypt_attachment(answer.body, encrypted["key"]["k"], encrypted["hashes"]["sha256"], encrypted["iv"])

    async def _send(self, room_id: str, event_type: str, content: dict[str, Any]) -> str:
        if self.client.rooms[room_id].encrypted:
            await self._keep_keys()
            if self.only_cross_signed:
                await self._share_only_with_cross_signed(room_id)
        answer = await self.client.room_send(room_id, event_type, content, ignore_unverified_devices=True)
        assert isinstance(answer, RoomSendResponse), answer
        return answer.event_id
