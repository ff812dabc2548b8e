"""The street around a turn: its local time and day names, who's who in words, activity and the
weekly counts. Shared by the features; registers nothing of its own."""
