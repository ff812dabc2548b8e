-- The language to speak with someone: from their app's setting, or what they chose with /language.
ALTER TABLE neighbours ADD COLUMN language TEXT;
ALTER TABLE neighbours ADD COLUMN language_chosen INTEGER NOT NULL DEFAULT 0;
