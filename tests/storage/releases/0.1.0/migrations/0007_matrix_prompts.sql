-- Matrix has no buttons: the bot lists choices in its message and seeds reactions on it. This maps
-- the bot's own message (event id) to what each reaction key or typed answer means, so a reaction
-- or a reply works after a restart too. Only the bot's message ids and the choices' words and
-- payloads: no names, nothing a neighbour wrote.
CREATE TABLE matrix_prompts (
    event_id TEXT PRIMARY KEY,
    room_id TEXT NOT NULL,
    choices TEXT NOT NULL,
    post_id INTEGER REFERENCES posts(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL
);
CREATE INDEX matrix_prompts_latest_in_room ON matrix_prompts (room_id, created_at);
CREATE INDEX matrix_prompts_by_age ON matrix_prompts (created_at) WHERE post_id IS NULL;
