"""Errors the command line turns into one clear line and an exit status (a leaf: it imports nothing
of Doorstep's, so any part may raise them without an import cycle)."""


class PlatformStartFailed(Exception):
    """An adapter can't connect (credentials refused, server unreachable); the message says why."""
