-- What a street's organisers have changed from the defaults; one row per changed setting.
CREATE TABLE street_settings (
    street_id INTEGER NOT NULL REFERENCES streets(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (street_id, name)
) WITHOUT ROWID;
