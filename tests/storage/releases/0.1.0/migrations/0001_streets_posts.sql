-- Streets are group chats; neighbours are platform user ids (no names, no contact details).
CREATE TABLE streets (
    id INTEGER PRIMARY KEY,
    platform TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    title TEXT,
    created_at INTEGER NOT NULL,
    UNIQUE (platform, chat_id)
);

CREATE TABLE neighbours (
    id INTEGER PRIMARY KEY,
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    reachable INTEGER,
    helped_since_invitation INTEGER NOT NULL DEFAULT 0,
    invited_at INTEGER,
    created_at INTEGER NOT NULL,
    UNIQUE (platform, user_id)
);

CREATE TABLE street_members (
    street_id INTEGER NOT NULL REFERENCES streets(id) ON DELETE CASCADE,
    neighbour_id INTEGER NOT NULL REFERENCES neighbours(id) ON DELETE CASCADE,
    last_seen_at INTEGER NOT NULL,
    PRIMARY KEY (street_id, neighbour_id)
) WITHOUT ROWID;
CREATE INDEX street_members_by_neighbour ON street_members (neighbour_id, last_seen_at);
CREATE INDEX street_members_by_last_seen ON street_members (last_seen_at);

CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    street_id INTEGER NOT NULL REFERENCES streets(id) ON DELETE CASCADE,
    author_id INTEGER REFERENCES neighbours(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('ask', 'offer')),
    category TEXT NOT NULL,
    when_day TEXT NOT NULL,
    when_part TEXT NOT NULL,
    when_recurring INTEGER NOT NULL DEFAULT 0,
    body TEXT NOT NULL,
    anonymous INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL CHECK (status IN ('open', 'matched', 'done', 'withdrawn', 'expired')),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    keep_open_asked_at INTEGER,
    closed_at INTEGER
);
CREATE INDEX posts_open_by_street ON posts (street_id, status, kind, category);
CREATE INDEX posts_by_author ON posts (author_id, status);
CREATE INDEX posts_expiring ON posts (expires_at) WHERE status IN ('open', 'matched') AND keep_open_asked_at IS NULL;
CREATE INDEX posts_keep_open_asked ON posts (keep_open_asked_at) WHERE keep_open_asked_at IS NOT NULL;
CREATE INDEX posts_closed ON posts (closed_at) WHERE closed_at IS NOT NULL;

CREATE TABLE responses (
    id INTEGER PRIMARY KEY,
    post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    neighbour_id INTEGER REFERENCES neighbours(id) ON DELETE SET NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'declined', 'handed_back', 'withdrawn')),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
-- An ask never has two confirmed helpers, and nobody answers the same post twice at once.
CREATE UNIQUE INDEX responses_one_confirmed ON responses (post_id) WHERE status = 'confirmed';
CREATE UNIQUE INDEX responses_one_live_each ON responses (post_id, neighbour_id) WHERE status IN ('pending', 'confirmed');
CREATE INDEX responses_by_neighbour ON responses (neighbour_id, status);

CREATE TABLE cards (
    post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    platform TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    message_id TEXT NOT NULL,
    UNIQUE (post_id, platform, chat_id, message_id)
);

CREATE TABLE suggestions (
    post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    neighbour_id INTEGER NOT NULL REFERENCES neighbours(id) ON DELETE CASCADE,
    suggested_at INTEGER NOT NULL,
    PRIMARY KEY (post_id, neighbour_id)
) WITHOUT ROWID;

CREATE TABLE conversations (
    neighbour_id INTEGER NOT NULL REFERENCES neighbours(id) ON DELETE CASCADE,
    scope TEXT NOT NULL,
    state TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (neighbour_id, scope)
) WITHOUT ROWID;

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    neighbour_id INTEGER NOT NULL REFERENCES neighbours(id) ON DELETE CASCADE,
    payload TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX outbox_by_neighbour ON outbox (neighbour_id);
CREATE INDEX outbox_by_age ON outbox (created_at);
