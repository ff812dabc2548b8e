-- A street as Doorstep 0.1.0 (schema 7) left it: at least one row in every table, with the values a
-- running bot writes. Times are seconds since the epoch around Monday 2 March 2026, 09:00 UTC
-- (1772442000). The upgrade test fills a database made with this release's migrations with it, runs
-- today's migrations, and checks every row is still there, and still usable.
INSERT INTO streets (id, platform, chat_id, title, created_at) VALUES
    (1, 'test', 'group-1', 'Elm Street', 1771837200),
    (2, 'telegram', '-1001234', 'Mill Road', 1771837200);

INSERT INTO neighbours (id, platform, user_id, reachable, helped_since_invitation, invited_at, created_at,
                        language, language_chosen, no_hellos) VALUES
    (1, 'test', 'rosa', 1, 2, NULL, 1771837200, 'en', 0, 0),
    (2, 'test', 'sam', 1, 0, 1771923600, 1771837200, 'pl', 1, 0),
    (3, 'test', 'olga', 0, 0, NULL, 1771837200, NULL, 0, 1),
    (4, 'telegram', '4242', NULL, 0, NULL, 1771837200, 'ro', 1, 0);

INSERT INTO street_members (street_id, neighbour_id, last_seen_at, paused_until) VALUES
    (1, 1, 1772438400, NULL),
    (1, 2, 1772352000, NULL),
    (1, 3, 1771837200, 1772611200),
    (2, 4, 1772400000, NULL);

INSERT INTO posts (id, street_id, author_id, kind, category, when_day, when_part, when_recurring, body, anonymous,
                   status, created_at, expires_at, keep_open_asked_at, closed_at, for_neighbour, unmet_check_at,
                   unmet_alerted_at) VALUES
    (1, 1, 1, 'ask', 'shopping', 'tomorrow', 'morning', 0, 'Could someone pick up milk and bread tomorrow morning?',
     0, 'open', 1772438400, 1773043200, NULL, NULL, 0, 1772524800, NULL),
    (2, 1, 2, 'offer', 'pets', 'weekend', 'any', 0, 'I can walk a dog at weekends', 0, 'open', 1772352000,
     1774944000, NULL, NULL, 0, NULL, NULL),
    (3, 1, 1, 'ask', 'lifts', 'tue', 'afternoon', 1, 'A lift to the surgery every Tuesday afternoon', 0, 'matched',
     1772265600, 1772870400, NULL, NULL, 0, NULL, NULL),
    (4, 1, 3, 'ask', 'meals', 'any', 'any', 0, 'Soup for a neighbour who is poorly', 0, 'done', 1771920000,
     1772524800, NULL, 1772006400, 1, NULL, 1772006400),
    (5, 2, 4, 'offer', 'lending', 'any', 'any', 0, 'Ladder to borrow', 1, 'open', 1772400000, 1774992000,
     1772400000, NULL, 0, NULL, NULL);

INSERT INTO responses (id, post_id, neighbour_id, status, created_at, updated_at) VALUES
    (1, 3, 2, 'confirmed', 1772269200, 1772272800),
    (2, 1, 2, 'pending', 1772440200, 1772440200),
    (3, 4, 1, 'handed_back', 1771923600, 1771927200);

INSERT INTO cards (post_id, platform, chat_id, message_id, nearby) VALUES
    (1, 'test', 'group-1', '11', 0),
    (2, 'test', 'group-1', '12', 0),
    (1, 'telegram', '-1001234', '501', 1);

INSERT INTO suggestions (post_id, neighbour_id, suggested_at) VALUES
    (1, 2, 1772438460);

INSERT INTO conversations (neighbour_id, scope, state, updated_at) VALUES
    (1, 'post', '{"step": "when", "kind": "offer", "category": "chat"}', 1772438000);

INSERT INTO outbox (id, neighbour_id, payload, created_at) VALUES
    (1, 3, '{"to": ["test", "olga"], "text": {"key": "Thank you for the soup, from the street 💛", "params": {}}, ' ||
           '"choices": [], "locale": null, "chart": null}', 1772000000);

INSERT INTO street_settings (street_id, name, value) VALUES
    (1, 'language', 'en'),
    (1, 'quiet_hours', '21:00-08:00'),
    (2, 'ask_days', '5');

INSERT INTO checkins (id, neighbour_id, street_id, days, once_on, at_minute, tell, escalate_after_minutes, buddy_id,
                      invite_hash, invited_at, paused, paused_until, next_due_at, updated_at) VALUES
    (1, 1, 1, 31, NULL, 600, 'buddy', 180, 2, NULL, NULL, 0, NULL, 1772532000, 1772000000),
    (2, 3, 1, 0, '2026-03-05', 540, 'organisers', 60, NULL, 'c0ffee', 1772000000, 1, 1772611200, NULL, 1772000000);

INSERT INTO checkin_occurrences (id, checkin_id, due_at, stage, sender, sent_at, reminded_at, escalated_at,
                                 organisers_at, step_at) VALUES
    (1, 1, 1772445600, 'waiting', 'run-1', 1772445601, NULL, NULL, NULL, 1772451000),
    (2, 1, 1772359200, 'answered', NULL, 1772359201, NULL, NULL, NULL, NULL);

INSERT INTO hellos (id, street_id, neighbour_id, said_at) VALUES
    (1, 1, 3, 1771920000);

INSERT INTO weekly_counts (street_id, week_start, what, count) VALUES
    (1, '2026-02-23', 'asks', 3),
    (1, '2026-02-23', 'offers', 1),
    (1, '2026-03-02', 'met', 1);

INSERT INTO digest_subscriptions (street_id, neighbour_id, weekday, at_minute, next_at) VALUES
    (1, 1, 0, 540, 1773046800);

INSERT INTO reminders (id, street_id, days, every_weeks, at_minute, body, paused, next_at, created_at) VALUES
    (1, 1, 8, 1, 1140, 'Blue bin out tonight', 0, 1772737200, 1771837200);

INSERT INTO street_areas (street_id, cell, set_at) VALUES
    (1, '89195da49b7ffff', 1771837200);

INSERT INTO neighbour_cells (neighbour_id, cell, set_at) VALUES
    (2, '89195da49a3ffff', 1772000000);

INSERT INTO fan_outs (post_id, next_round_at, widen_at, widen_asked_at, widened_at) VALUES
    (1, 1772449200, 1772481600, NULL, NULL);

INSERT INTO recurrences (id, post_id, every_days, occurs_on, next_at, keeper_id, unmet) VALUES
    (1, 3, 7, '2026-03-03', 1772870400, 2, 0);

INSERT INTO relays (id, post_id, author_id, responder_id, started_at, last_used_at) VALUES
    (1, 3, 1, 2, 1772272800, 1772280000);

INSERT INTO matrix_prompts (event_id, room_id, choices, post_id, created_at) VALUES
    ('$prompt-1', '!room:example.org', '[["👍", "p:1:help"]]', 1, 1772438400),
    ('$prompt-2', '!dm:example.org', '[["1️⃣", "x"]]', NULL, 1772438400);
