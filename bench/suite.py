"""The whole benchmark suite: every part in a fresh process of its own, one after the other, each
within its own time limit; then one table, and (after a full run) docs/performance.md.

    python -m bench                    # the full run (under 10 minutes on two cores); rewrites the doc
    python -m bench --quick            # the smaller run (under 2 minutes); prints the table only
    python -m bench --only matching    # one part (repeatable); --profile adds profiles where goals are met too

A part's own output (warnings from libraries, tracebacks) goes to a log file, named when it fails."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.common import machine
from bench.report import render_document, render_table

ROOT = Path(__file__).resolve().parents[1]
DOCUMENT = ROOT / "docs" / "performance.md"


@dataclass(frozen=True)
class Part:
    name: str
    module: str
    limit_s: tuple[int, int]  # (quick, full): the part is stopped after this long


# Cheap and quick first; the fan-out, which waits on Telegram's limits for minutes, last.
PARTS = [
    Part("matching", "bench.matching", (60, 180)),
    Part("updates", "bench.updates", (110, 300)),
    Part("startup", "bench.startup", (90, 150)),
    Part("matrix", "bench.matrix", (120, 210)),
    Part("fanout", "bench.fanout", (90, 520)),
]


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the smaller run; prints the table, writes no doc")
    parser.add_argument("--only", action="append", choices=[p.name for p in PARTS], help="just this part (repeatable)")
    parser.add_argument("--profile", action="store_true", help="profile Doorstep in every part that can")
    parser.add_argument("--json", type=Path, help="also write every figure here")
    parser.add_argument("--document", type=Path, default=DOCUMENT,
                        help="where a full run writes its figures (default docs/performance.md)")
    return parser.parse_args(argv)


def run_part(part: Part, *, quick: bool, profile: bool, scratch: Path) -> dict[str, Any]:
    """The part's figures, or {"failed": why}."""
    out = scratch / f"{part.name}.json"
    log = scratch / f"{part.name}.log"
    command = [sys.executable, "-m", part.module, "--json", str(out), *(["--quick"] if quick else [])]
    if profile and part.name != "matching":
        command.append("--profile")
    limit = part.limit_s[0 if quick else 1]
    started = time.monotonic()
    with open(log, "w") as output:
        try:
            finished = subprocess.run(command, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT, timeout=limit,
                                      env={**os.environ, "PYTHONWARNINGS": "ignore"})
        except subprocess.TimeoutExpired:
            return {"failed": f"stopped after its limit of {limit} s (log: {log})", "seconds": limit}
    seconds = round(time.monotonic() - started, 1)
    if finished.returncode != 0 or not out.exists():
        lines = log.read_text(errors="replace").strip().splitlines()
        return {"failed": f"exit {finished.returncode}: {lines[-1] if lines else ''} (log: {log})", "seconds": seconds}
    figures = json.loads(out.read_text())
    figures["seconds"] = seconds
    return figures


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    parts = [p for p in PARTS if not args.only or p.name in args.only]
    scratch = Path(tempfile.mkdtemp(prefix="doorstep-bench-"))
    started = time.monotonic()
    before = machine()
    figures: dict[str, Any] = {}
    for part in parts:
        print(f"… {part.name}", flush=True)
        figures[part.name] = run_part(part, quick=args.quick, profile=args.profile, scratch=scratch)
        result = figures[part.name]
        print(f"  {'failed: ' + result['failed'] if 'failed' in result else 'done'} ({result['seconds']} s)", flush=True)
    run = {"mode": "quick" if args.quick else "full", "seconds": round(time.monotonic() - started),
           "machine": before, "load_average_end": round(os.getloadavg()[0], 2)}
    print()
    print(render_table(figures, run))
    if args.json:
        args.json.write_text(json.dumps({"run": run, "figures": figures}, indent=2) + "\n")
    failed = [name for name, result in figures.items() if "failed" in result]
    if failed:
        print(f"\nNot written: {', '.join(failed)} failed (logs in {scratch}).")
        return 1
    shutil.rmtree(scratch, ignore_errors=True)  # the parts' logs are kept only when something failed
    if not args.quick and not args.only:
        args.document.write_text(render_document(figures, run))
        print(f"\nWritten to {args.document.relative_to(ROOT) if args.document.is_relative_to(ROOT) else args.document}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
