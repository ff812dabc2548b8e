"""The platform-free core of Doorstep: use cases and the street's rules.

Nothing here imports a chat platform, a database driver or a scheduler; those arrive through the
ports in `handlers.ports`.
"""
