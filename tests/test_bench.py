"""The matching benchmark still runs, and its indexed and naive searches agree (no timings asserted:
performance is measured in bench/, see docs/performance.md)."""

from bench.matching import Mode, run


async def test_the_matching_benchmark_runs_and_both_searches_agree() -> None:
    figures = await run("tiny", seed=3, budget_s=30, mode=Mode(streets=60, posts=600, asks_timed=30))
    assert figures["asks_timed"] == figures["naive_asks_timed"] == 30
    assert figures["candidates_per_ask_mean"] > 0
    assert figures["indexed_ms"]["p50"] > 0 and figures["naive_ms"]["p50"] > 0
