"""The core stays platform-free: checked by reading its imports, and by import-linter's contracts."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN_IN_CORE = {
    "telegram", "nio", "aiosqlite", "apscheduler", "sqlite3", "pydantic", "pydantic_settings",
    "bot", "storage", "config", "httpx", "aiohttp",
}


def _imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "__import__":
            roots.add("__import__")
    return roots


def test_handlers_import_no_platform_storage_or_scheduler_library() -> None:
    offenders = {}
    for path in sorted((ROOT / "handlers").rglob("*.py")):
        bad = _imported_roots(path) & (FORBIDDEN_IN_CORE | {"__import__"})
        if bad:
            offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert offenders == {}


def test_the_scan_would_notice_a_forbidden_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import telegram\nfrom aiosqlite import connect\nfrom handlers import texts\n")
    assert _imported_roots(sample) == {"telegram", "aiosqlite", "handlers"}


def test_import_linter_contracts_hold() -> None:
    result = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" in result.stdout and "0 broken" in result.stdout
