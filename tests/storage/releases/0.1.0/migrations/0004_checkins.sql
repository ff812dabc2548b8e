-- Gentle check-ins. One per neighbour who asked for one (stopping deletes it), and one row per time
-- it fell due, kept 14 days. No answers are stored beyond whether there was one.
CREATE TABLE checkins (
    id INTEGER PRIMARY KEY,
    neighbour_id INTEGER NOT NULL UNIQUE REFERENCES neighbours(id) ON DELETE CASCADE,
    street_id INTEGER NOT NULL REFERENCES streets(id) ON DELETE CASCADE,
    days INTEGER NOT NULL CHECK (days BETWEEN 0 AND 127),
    once_on TEXT,
    at_minute INTEGER NOT NULL CHECK (at_minute BETWEEN 0 AND 1439),
    tell TEXT NOT NULL CHECK (tell IN ('buddy', 'organisers', 'nobody')),
    escalate_after_minutes INTEGER NOT NULL CHECK (escalate_after_minutes > 0),
    buddy_id INTEGER REFERENCES neighbours(id) ON DELETE SET NULL,
    invite_hash TEXT UNIQUE,
    invited_at INTEGER,
    paused INTEGER NOT NULL DEFAULT 0,
    paused_until INTEGER,
    next_due_at INTEGER,
    updated_at INTEGER NOT NULL
);
CREATE INDEX checkins_due ON checkins (next_due_at, id) WHERE next_due_at IS NOT NULL;
CREATE INDEX checkins_by_buddy ON checkins (buddy_id) WHERE buddy_id IS NOT NULL;

CREATE TABLE checkin_occurrences (
    id INTEGER PRIMARY KEY,
    checkin_id INTEGER NOT NULL REFERENCES checkins(id) ON DELETE CASCADE,
    due_at INTEGER NOT NULL,
    stage TEXT NOT NULL CHECK (stage IN (
        'sending', 'waiting', 'buddy', 'organisers', 'answered', 'acknowledged', 'undelivered', 'missed', 'closed'
    )),
    sender TEXT,
    sent_at INTEGER,
    reminded_at INTEGER,
    escalated_at INTEGER,
    organisers_at INTEGER,
    step_at INTEGER
);
CREATE INDEX checkin_occurrences_by_checkin ON checkin_occurrences (checkin_id, due_at);
CREATE INDEX checkin_occurrences_by_due ON checkin_occurrences (due_at);
CREATE INDEX checkin_occurrences_steps ON checkin_occurrences (step_at, id) WHERE step_at IS NOT NULL;
CREATE INDEX checkin_occurrences_sending ON checkin_occurrences (due_at, id) WHERE sender IS NOT NULL;
