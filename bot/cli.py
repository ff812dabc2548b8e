"""`doorstep run | demo | check-config | backup | restore | purge | healthcheck | reset-cross-signing`, and `doorstep --version`."""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Sequence

from bot import logs
from bot.composition import purge_now, run_console
from bot.errors import PlatformStartFailed
from config import ConfigurationError, Settings, load_settings
from config.inspect import describe_settings
from storage import StorageError
from storage.backup import backup, restore
from storage.lock import DatabaseInUse, DatabaseLock

EXIT_CONFIGURATION = 2
EXIT_STORAGE = 3

CONSOLE_HINT = (
    "No Telegram or Matrix configured, so here is the console street. "
    "To connect a real group, set DOORSTEP_TELEGRAM__TOKEN or DOORSTEP_MATRIX__* in .env (see README). "
    "Type :help for how to talk to the street."
)


def _parser() -> argparse.ArgumentParser:
    from bot.metrics import version

    parser = argparse.ArgumentParser(prog="doorstep", description="A kind neighbour in your street's group chat.")
    parser.add_argument("--version", action="version", version=f"doorstep {version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    run = commands.add_parser("run", help="run the bot: Telegram and/or Matrix if configured, else the console street")
    run.add_argument(
        "--needs-a-person-status", type=int, metavar="STATUS", default=None,
        help="exit with STATUS instead of 2 or 3 when a restart can't help (bad settings, an unusable database); "
             "the container image uses 0, so that a restart-on-failure policy leaves it stopped",
    )
    demo = commands.add_parser("demo", help="the console street, with a throwaway database unless given one")
    demo.add_argument("--database", type=Path, help="keep the street in this SQLite file")
    demo.add_argument("--start", type=datetime.fromisoformat, help="start the clock here (ISO time with offset)")
    commands.add_parser("check-config", help="show what is configured (secrets masked)")
    backup = commands.add_parser("backup", help="copy the database safely, even while the bot runs")
    backup.add_argument("path", type=Path, help="a file, or a folder to put a dated file in")
    restore = commands.add_parser("restore", help="replace the database with a backup (stop the bot first)")
    restore.add_argument("path", type=Path, help="the backup file")
    commands.add_parser("purge", help="delete now what has passed its retention period (prints counts only)")
    commands.add_parser("healthcheck", help="ask the running bot's /healthz: exit 0 when healthy, 1 when not "
                                            "(the container's health check)")
    commands.add_parser(
        "reset-cross-signing",
        help="give the Matrix bot account a new cross-signing identity (only when the old one is lost; stop the bot first)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    status = _main(args)
    stay_down = getattr(args, "needs_a_person_status", None)
    if status in (EXIT_CONFIGURATION, EXIT_STORAGE) and stay_down is not None:
        print(f"doorstep: stopping for good (exit status {stay_down} instead of {status}): this needs a person",
              file=sys.stderr)
        return stay_down
    return status


def _main(args: argparse.Namespace) -> int:
    command = args.command or "run"
    try:
        settings = load_settings()
    except ConfigurationError as problem:
        print(f"doorstep: configuration problem: {problem}", file=sys.stderr)
        return EXIT_CONFIGURATION
    if command == "healthcheck":
        return _healthcheck(settings)
    # The console street shares the terminal with its user: only problems are logged there.
    console = command == "demo" or (command == "run" and not settings.platforms)
    logs.configure("WARNING" if console and settings.log_level == "INFO" else settings.log_level)
    try:
        if command == "check-config":
            print(describe_settings(settings))
            if settings.matrix.enabled:
                from bot.matrix.cross_signing_report import describe_cross_signing  # nio only when Matrix is set

                print("\n".join(asyncio.run(describe_cross_signing(settings.matrix))))
            return 0
        if command == "demo":
            return _demo(settings, args.database, args.start)
        if command == "backup":
            summary = backup(settings.database.path, args.path)
            print(f"Backed up {summary.streets} street(s) and {summary.posts} post(s) to {summary.path}")
            from bot.matrix.identity_backup import backup_identity

            if (identity := backup_identity(settings.matrix.store_path, summary.path)) is not None:
                print(f"Backed up the Matrix cross-signing identity to {identity} (keep it with the database backup)")
            return 0
        if command == "restore":
            return _restore(settings, args.path)
        if command == "reset-cross-signing":
            return _reset_cross_signing(settings)
        if command == "purge":
            removed = asyncio.run(purge_now(settings))
            print("Deleted " + " ".join(f"{what}={count}" for what, count in removed.items()))
            return 0
        return _run(settings)
    except StorageError as problem:
        print(f"doorstep: {problem}", file=sys.stderr)
        return EXIT_STORAGE
    except ConfigurationError as problem:  # found only on connecting, e.g. a token Telegram refuses
        print(f"doorstep: configuration problem: {problem}", file=sys.stderr)
        return EXIT_CONFIGURATION
    except PlatformStartFailed as problem:
        print(f"doorstep: can't connect: {problem}", file=sys.stderr)
        return EXIT_CONFIGURATION
    except KeyboardInterrupt:
        print("\nBye for now. 👋", file=sys.stderr)
        return 0


def _healthcheck(settings: Settings) -> int:
    from bot.health import check

    if not settings.health.enabled:
        print("doorstep: the health endpoint is off (set DOORSTEP_HEALTH__ENABLED=true)", file=sys.stderr)
        return 1
    healthy, said = check(settings.health.listen, settings.health.port)
    print(said.strip(), file=sys.stdout if healthy else sys.stderr)
    return 0 if healthy else 1


def _restore(settings: Settings, path: Path) -> int:
    from bot.matrix.identity import IdentityFileDamaged
    from bot.matrix.identity_backup import restore_identity

    try:
        restore_identity(path, settings.matrix.store_path, dry_run=True)  # a damaged copy stops it before anything changes
    except IdentityFileDamaged as problem:
        print(f"doorstep: {problem}", file=sys.stderr)
        return EXIT_STORAGE
    summary, kept = restore(path, settings.database.path)
    where = f"; the previous database is kept at {kept}" if kept else ""
    print(f"Restored {summary.streets} street(s) and {summary.posts} post(s) from {summary.path}{where}")
    source, kept_identity = restore_identity(path, settings.matrix.store_path)
    if source is not None:
        where = f"; the previous one is kept at {kept_identity}" if kept_identity else ""
        print(f"Restored the Matrix cross-signing identity from {source}{where}")
    return 0


def _reset_cross_signing(settings: Settings) -> int:
    if not settings.matrix.enabled:
        print("doorstep: configuration problem: DOORSTEP_MATRIX__HOMESERVER: Matrix is not configured", file=sys.stderr)
        return EXIT_CONFIGURATION
    from bot.matrix.connect import reset_identity
    from bot.matrix.session import build_client

    async def reset() -> str:
        client = build_client(settings.matrix)
        try:
            return (await reset_identity(client, settings.matrix)).master.public_key
        finally:
            await client.close()

    settings.database.path.parent.mkdir(parents=True, exist_ok=True)
    try:
        lock = DatabaseLock.take(settings.database.path)  # the running bot holds it, and the Matrix store with it
    except DatabaseInUse:
        raise StorageError(f"{settings.database.path} is in use — stop Doorstep before resetting its identity") from None
    try:
        master = asyncio.run(reset())
    finally:
        lock.release()
    print(f"The Matrix bot account has a new cross-signing identity (master key {master}); back it up with `doorstep backup`")
    return 0


def _demo(settings: Settings, database: Path | None, start: datetime | None) -> int:
    if start is not None and start.tzinfo is None:
        print("doorstep: --start needs a UTC offset, like 2026-03-02T09:00+00:00", file=sys.stderr)
        return EXIT_CONFIGURATION
    with tempfile.TemporaryDirectory(prefix="doorstep-demo-") as scratch:
        path = database or Path(scratch) / "street.sqlite3"
        # Charts outlive a throwaway database, so the paths printed still open afterwards.
        charts = None if database else Path(tempfile.gettempdir()) / "doorstep-charts"
        asyncio.run(run_console(
            settings, path, sys.stdin, sys.stdout, interactive=sys.stdin.isatty(), start=start, charts=charts,
        ))
    return 0


def _run(settings: Settings) -> int:
    if not settings.platforms:
        print(CONSOLE_HINT, file=sys.stderr)
        asyncio.run(run_console(settings, settings.database.path, sys.stdin, sys.stdout, interactive=sys.stdin.isatty()))
        return 0
    from bot.composition import run_platforms

    asyncio.run(run_platforms(settings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
