-- Tools for street organisers. Nothing here names anyone: hellos, pauses and digests use internal
-- ids; counts are per street per week.

-- A neighbour's "no more hellos", and a pause on someone's posting in one street.
ALTER TABLE neighbours ADD COLUMN no_hellos INTEGER NOT NULL DEFAULT 0;
ALTER TABLE street_members ADD COLUMN paused_until INTEGER;

-- Asks made for a neighbour who isn't online (who they are is never recorded), and unmet-ask alerts.
ALTER TABLE posts ADD COLUMN for_neighbour INTEGER NOT NULL DEFAULT 0;
ALTER TABLE posts ADD COLUMN unmet_check_at INTEGER;
ALTER TABLE posts ADD COLUMN unmet_alerted_at INTEGER;
-- /remove as a reply to a card finds the post from the message replied to.
CREATE INDEX cards_by_message ON cards (platform, chat_id, message_id);
CREATE INDEX posts_unmet_waiting ON posts (created_at) WHERE status = 'open' AND kind = 'ask' AND unmet_alerted_at IS NULL;

-- When a street last said hello to someone: at most one every 14 days.
CREATE TABLE hellos (
    id INTEGER PRIMARY KEY,
    street_id INTEGER NOT NULL REFERENCES streets(id) ON DELETE CASCADE,
    neighbour_id INTEGER NOT NULL REFERENCES neighbours(id) ON DELETE CASCADE,
    said_at INTEGER NOT NULL
);
CREATE INDEX hellos_by_neighbour ON hellos (neighbour_id, said_at);
CREATE INDEX hellos_by_age ON hellos (said_at);

-- How many of each thing happened in a street each week (week_start: the Monday, local date).
CREATE TABLE weekly_counts (
    street_id INTEGER NOT NULL REFERENCES streets(id) ON DELETE CASCADE,
    week_start TEXT NOT NULL,
    what TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (street_id, week_start, what)
) WITHOUT ROWID;
CREATE INDEX weekly_counts_by_week ON weekly_counts (week_start);

-- Organisers who asked for a street's weekly summary, and when (local to the street).
CREATE TABLE digest_subscriptions (
    street_id INTEGER NOT NULL REFERENCES streets(id) ON DELETE CASCADE,
    neighbour_id INTEGER NOT NULL REFERENCES neighbours(id) ON DELETE CASCADE,
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    at_minute INTEGER NOT NULL CHECK (at_minute BETWEEN 0 AND 1439),
    next_at INTEGER NOT NULL,
    PRIMARY KEY (street_id, neighbour_id)
) WITHOUT ROWID;
CREATE INDEX digest_subscriptions_due ON digest_subscriptions (next_at);

-- Lines posted in a street's group on a schedule ("Blue bin out tonight").
CREATE TABLE reminders (
    id INTEGER PRIMARY KEY,
    street_id INTEGER NOT NULL REFERENCES streets(id) ON DELETE CASCADE,
    days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 127),
    every_weeks INTEGER NOT NULL DEFAULT 1 CHECK (every_weeks IN (1, 2)),
    at_minute INTEGER NOT NULL CHECK (at_minute BETWEEN 0 AND 1439),
    body TEXT NOT NULL,
    paused INTEGER NOT NULL DEFAULT 0,
    next_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX reminders_by_street ON reminders (street_id);
CREATE INDEX reminders_due ON reminders (next_at) WHERE paused = 0;
