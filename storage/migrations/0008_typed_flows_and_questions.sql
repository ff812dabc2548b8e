-- Guided flows, typed: the flow's name and step get their own columns, and the state keeps only the
-- flow's own fields. A flow half-finished before the upgrade carries on after it.
ALTER TABLE conversations ADD COLUMN flow TEXT NOT NULL DEFAULT '';
ALTER TABLE conversations ADD COLUMN step TEXT NOT NULL DEFAULT '';
UPDATE conversations SET
    flow = COALESCE(json_extract(state, '$.flow'), ''),
    step = COALESCE(json_extract(state, '$.step'), ''),
    state = json_remove(state, '$.flow', '$.step');
-- The waits that had no flow name or step before: a pin asked for, an organiser's words waiting for a
-- street, and a street setting being typed.
UPDATE conversations SET flow = 'area_pin', step = 'share' WHERE scope = 'area' AND flow = '';
UPDATE conversations SET flow = 'organiser_street', step = 'pick', state = json_set(state, '$.code', substr(scope, 10))
    WHERE scope LIKE 'organise:%' AND flow = '';
UPDATE conversations SET step = 'value' WHERE flow = 'street_setting' AND step = '';

-- The question the bot last asked someone in a chat, so a typed "yes", "2" or "Polski" can answer it.
-- Its prompt and choices as JSON (message keys and button payloads; a person in them only as a
-- platform id, never a name); gone once answered, replaced, or past `valid_until`.
CREATE TABLE questions (
    neighbour_id INTEGER NOT NULL REFERENCES neighbours(id) ON DELETE CASCADE,
    chat TEXT NOT NULL,
    question TEXT NOT NULL,
    valid_until INTEGER NOT NULL,
    PRIMARY KEY (neighbour_id, chat)
) WITHOUT ROWID;
