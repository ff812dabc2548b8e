"""The kernel every feature builds on: a turn (decide, commit, then send), the router, delivery,
typed guided flows and button payloads, the ports to storage and platforms, and the models.

It imports no feature (import-linter keeps it so)."""
