"""Rules read from the code itself: SQL is only ever parameterised (values never formatted into a
statement), and every log line is "what happened key=value…" with no free text to slip words into."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SQL_WORDS = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|PRAGMA|CREATE|BEGIN|WHERE|FROM|VALUES|SET|JOIN)\b")
CONSTANT = re.compile(r"^_?[A-Z][A-Z0-9_]*$")
# Names that hold fixed fragments by their nature (checked no further): a migration file's own
# statements and number, and a `where` clause a repository method is handed by its own callers.
FIXED_BY_NATURE = {"sql", "number", "where"}


def _is_sql(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and bool(SQL_WORDS.search(node.value))


class _Scope:
    """What each name in one function was assigned (for following a fragment to where it was made)."""

    def __init__(self, function: ast.AST | None) -> None:
        self.assigned: dict[str, list[ast.expr]] = {}
        for node in ast.walk(function) if function is not None else ():
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        self.assigned.setdefault(target.id, []).append(node.value)


def _fixed(node: ast.AST, scope: _Scope, seen: frozenset[str] = frozenset()) -> bool:
    """Whether an expression can only ever be a fixed piece of SQL (never a value someone supplied)."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.JoinedStr):
        return all(_fixed(part.value, scope, seen) for part in node.values if isinstance(part, ast.FormattedValue))
    if isinstance(node, ast.Name):
        if CONSTANT.match(node.id) or node.id in FIXED_BY_NATURE:
            return True
        made = scope.assigned.get(node.id, [])
        return bool(made) and node.id not in seen and all(_fixed(value, scope, seen | {node.id}) for value in made)
    if isinstance(node, ast.IfExp):
        return _fixed(node.body, scope, seen) and _fixed(node.orelse, scope, seen)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _fixed(node.left, scope, seen) and _fixed(node.right, scope, seen)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):  # "?" * len(values): placeholders
        return isinstance(node.left, ast.Constant) and node.left.value == "?"
    if isinstance(node, ast.BoolOp):
        return all(_fixed(value, scope, seen) for value in node.values)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "identifier":
        return True  # a table or column name read from the schema, checked and quoted
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "join":
        if not isinstance(node.func.value, ast.Constant) or len(node.args) != 1:
            return False
        parts = node.args[0]
        if isinstance(parts, (ast.GeneratorExp, ast.ListComp)):
            return _fixed(parts.elt, scope, seen)
        return _fixed(parts, scope, seen)
    return False


def _functions(tree: ast.Module) -> list[tuple[ast.AST | None, ast.AST]]:
    """(enclosing function or None, node) for every node."""
    found: list[tuple[ast.AST | None, ast.AST]] = []

    def visit(node: ast.AST, function: ast.AST | None) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else function
            found.append((inner, child))
            visit(child, inner)

    visit(tree, None)
    return found


def _unsafe_sql(source: str, label: str) -> list[str]:
    tree = ast.parse(source)
    problems = []
    for function, node in _functions(tree):
        where = f"{label}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.JoinedStr) and any(_is_sql(part) for part in node.values):
            if not _fixed(node, _Scope(function)):
                problems.append(f"{where}: a value formatted into SQL: {ast.unparse(node)[:100]}")
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and _is_sql(node.left):
            problems.append(f"{where}: %-formatting SQL")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format" \
                and _is_sql(node.func.value):
            problems.append(f"{where}: .format() on SQL")
    return problems


def test_sql_is_only_ever_parameterised() -> None:
    files = sorted((ROOT / "storage").rglob("*.py"))
    assert len(files) > 10
    problems = [problem for path in files for problem in _unsafe_sql(path.read_text(), str(path.relative_to(ROOT)))]
    assert problems == []


def test_the_sql_check_itself_catches_values() -> None:
    probe = (
        "async def find(db, name, ids):\n"
        "    marks = ', '.join('?' * len(ids))\n"
        "    ok = f'SELECT id FROM neighbours WHERE id IN ({marks})'\n"
        "    one = f\"SELECT id FROM neighbours WHERE user_id = '{name}'\"\n"
        "    two = 'DELETE FROM posts WHERE id = %s' % ids[0]\n"
        "    three = 'UPDATE posts SET body = {}'.format(name)\n"
        "    label = f'{name} joined'\n"
    )
    assert [problem.split(":")[1] for problem in _unsafe_sql(probe, "probe")] == ["4", "5", "6"]


# "what happened" then key=value pairs, each value a %-placeholder or a plain word.
LOG_LINE = re.compile(r"^[a-z][^=%\"\n]*?(?: [a-z_]+=(?:%[-0-9.]*[sdrf]|[A-Za-z0-9_.-]+))*$")
LOG_METHODS = {"debug", "info", "warning", "error", "exception", "critical"}


def _log_calls(path: Path) -> list[tuple[int, ast.expr | None]]:
    tree = ast.parse(path.read_text())
    return [
        (node.lineno, node.args[0] if node.args else None)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in LOG_METHODS
        and isinstance(node.func.value, ast.Name) and node.func.value.id in ("log", "logger")
    ]


def test_every_log_line_is_an_event_with_key_value_details() -> None:
    problems = []
    calls = 0
    for package in ("bot", "handlers", "storage", "config"):
        for path in sorted((ROOT / package).rglob("*.py")):
            for line, first in _log_calls(path):
                calls += 1
                if not (isinstance(first, ast.Constant) and isinstance(first.value, str) and LOG_LINE.match(first.value)):
                    problems.append(f"{path.relative_to(ROOT)}:{line}: {ast.unparse(first) if first else '(nothing)'}")
    assert calls > 50 and problems == []
