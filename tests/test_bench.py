"""The benchmarks still run (no timings asserted: performance is measured in bench/, see
docs/performance.md): the matching search agrees with its naive baseline, the suite runs its cheapest
part in a process of its own and reports it, and every part still imports."""

import importlib
import json
from pathlib import Path

import pytest

from bench.matching import Mode, run
from bench.report import render_document
from bench.suite import PARTS, main


async def test_the_matching_benchmark_runs_and_both_searches_agree() -> None:
    figures = await run("tiny", seed=3, budget_s=30, mode=Mode(streets=60, posts=600, asks_timed=30, passes=2))
    assert figures["asks_timed"] == figures["naive_asks_timed"] == 30
    assert figures["passes"] == 2 and figures["p99_ms"]["runs"] == 2
    assert figures["candidates_per_ask_mean"] > 0
    assert figures["indexed_ms"]["p50"] > 0 and figures["naive_ms"]["p50"] > 0


def test_the_quick_suite_runs_its_cheapest_part_and_reports_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = tmp_path / "performance.md"
    assert main(["--quick", "--only", "matching", "--json", str(tmp_path / "all.json"), "--document", str(document)]) == 0
    printed = capsys.readouterr().out
    assert "3. Matching" in printed and "p99 under 5 ms" in printed
    assert not document.exists()  # only a full run of every part rewrites the document
    result = json.loads((tmp_path / "all.json").read_text())
    matching = result["figures"]["matching"]
    assert matching["open_posts"] == 10_000 and matching["p99_ms"]["median"] > 0
    text = render_document(result["figures"], result["run"])
    assert "| 3. Matching |" in text and "## How to reproduce" in text


@pytest.mark.parametrize("part", [p.module for p in PARTS])
def test_every_part_still_imports(part: str) -> None:
    module = importlib.import_module(part)
    assert callable(module.main)
