-- Where things are, coarsely: H3 cells (resolution 9, about 0.1 km²). Never coordinates.
-- A street's area, set once by an organiser's pin; without one, the group itself is the radius.
CREATE TABLE street_areas (
    street_id INTEGER PRIMARY KEY REFERENCES streets(id) ON DELETE CASCADE,
    cell TEXT NOT NULL,
    set_at INTEGER NOT NULL
);
CREATE INDEX street_areas_by_cell ON street_areas (cell);

-- A neighbour's own rough area, shared privately to be matched more precisely; cleared in one tap.
CREATE TABLE neighbour_cells (
    neighbour_id INTEGER PRIMARY KEY REFERENCES neighbours(id) ON DELETE CASCADE,
    cell TEXT NOT NULL,
    set_at INTEGER NOT NULL
);
CREATE INDEX neighbour_cells_by_cell ON neighbour_cells (cell);

-- Fairness: when each neighbour was last told about something, and how often lately.
CREATE INDEX suggestions_by_neighbour ON suggestions (neighbour_id, suggested_at);

-- Copies of a card shown in a nearby street's group (anonymous; updated without the author's name).
ALTER TABLE cards ADD COLUMN nearby INTEGER NOT NULL DEFAULT 0;

-- What happens next for an open post on the bot's own initiative: the next few candidates, and
-- (asks only) the offer to show it in nearby streets.
CREATE TABLE fan_outs (
    post_id INTEGER PRIMARY KEY REFERENCES posts(id) ON DELETE CASCADE,
    next_round_at INTEGER,
    widen_at INTEGER,
    widen_asked_at INTEGER,
    widened_at INTEGER
);
CREATE INDEX fan_outs_next_round ON fan_outs (next_round_at) WHERE next_round_at IS NOT NULL;
CREATE INDEX fan_outs_widen ON fan_outs (widen_at) WHERE widen_at IS NOT NULL;

-- A recurring ask or offer ("every Tuesday"): each occurrence is a fresh post; this row follows
-- the current one.
CREATE TABLE recurrences (
    id INTEGER PRIMARY KEY,
    post_id INTEGER NOT NULL UNIQUE REFERENCES posts(id) ON DELETE CASCADE,
    every_days INTEGER NOT NULL CHECK (every_days IN (7, 14)),
    occurs_on TEXT NOT NULL,
    next_at INTEGER NOT NULL,
    keeper_id INTEGER REFERENCES neighbours(id) ON DELETE SET NULL,
    unmet INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX recurrences_due ON recurrences (next_at);

-- Two neighbours talking through the bot without seeing each other's usernames. Only who and
-- which post: the words are passed on, never kept here. Deleted when the chat ends.
CREATE TABLE relays (
    id INTEGER PRIMARY KEY,
    post_id INTEGER NOT NULL UNIQUE REFERENCES posts(id) ON DELETE CASCADE,
    author_id INTEGER NOT NULL REFERENCES neighbours(id) ON DELETE CASCADE,
    responder_id INTEGER NOT NULL REFERENCES neighbours(id) ON DELETE CASCADE,
    started_at INTEGER NOT NULL,
    last_used_at INTEGER NOT NULL
);
CREATE INDEX relays_by_author ON relays (author_id);
CREATE INDEX relays_by_responder ON relays (responder_id);
