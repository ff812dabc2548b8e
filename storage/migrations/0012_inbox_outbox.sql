-- Nothing lost on a crash. What a platform delivers is written here before it is acknowledged, and
-- deleted in the transaction of the turn that handles it; what a turn decides to say is written in that
-- turn's transaction and deleted the moment it has gone out. Both hold words only for seconds.

-- The waiting private messages (someone the bot can't reach yet) were the "outbox"; they are what
-- they are called now, and the outbox is every message on its way.
ALTER TABLE outbox RENAME TO held_messages;
DROP INDEX outbox_by_neighbour;
DROP INDEX outbox_by_age;
CREATE INDEX held_messages_by_neighbour ON held_messages (neighbour_id);
CREATE INDEX held_messages_by_age ON held_messages (created_at);

-- One thing someone did, as the adapter made it for the core (never the platform's raw update).
-- `key` is the platform's own id for it, so a redelivery is recognised while it still waits.
CREATE TABLE inbox (
    id INTEGER PRIMARY KEY,
    platform TEXT NOT NULL,
    key TEXT NOT NULL,
    incoming TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    UNIQUE (platform, key)
);

-- How far each platform's deliveries have been written to the inbox (Telegram's next update id,
-- Matrix's sync token): moved in the same transaction as the rows themselves.
CREATE TABLE inbox_positions (
    platform TEXT PRIMARY KEY,
    position TEXT NOT NULL
) WITHOUT ROWID;

-- A message (or a card's update) decided and not yet sent. `kind` is 'answer' for a reply to what
-- someone just did, 'bulk' for work the bot does on its own (check-ins, digests, reminders). Its id
-- is never used twice (AUTOINCREMENT): Matrix recognises a resend by it.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    message TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
