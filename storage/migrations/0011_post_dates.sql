-- "When" becomes a date: a post for "today", "tomorrow" or "on Tuesday" keeps the street's local date
-- it fell on when posted (ISO, e.g. 2026-03-03), so cards and the board say the day and an ask whose
-- day has passed isn't left up for a week; and a time of day the neighbour gave ("10am" -> 10:00).
-- Posts from before keep NULL: they read as they always did.
ALTER TABLE posts ADD COLUMN when_on TEXT;
ALTER TABLE posts ADD COLUMN when_at TEXT;
