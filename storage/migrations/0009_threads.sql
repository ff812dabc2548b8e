-- Bigger groups talk in forum topics (Telegram) or threads (Matrix). A card remembers the topic or
-- thread it was shown in, and so does a Matrix prompt, so that answers to it go back there. The
-- platform's own id of the topic or thread only; NULL for the group's main place.
ALTER TABLE cards ADD COLUMN thread TEXT;
ALTER TABLE matrix_prompts ADD COLUMN thread TEXT;
