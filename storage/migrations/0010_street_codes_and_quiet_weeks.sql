-- A street's code, for its printed leaflets and posters: the QR code's link opens a private chat with
-- the bot tied to the street. It names the street, never a person; organisers can renew it (old
-- leaflets then stop working, kindly).
CREATE TABLE street_codes (
    street_id INTEGER PRIMARY KEY REFERENCES streets(id) ON DELETE CASCADE,
    code TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);

-- Whether an organiser's weekly summary still comes, as one line, in a week when nothing happened.
ALTER TABLE digest_subscriptions ADD COLUMN tell_quiet_weeks INTEGER NOT NULL DEFAULT 0;
