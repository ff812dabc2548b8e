"""Benchmarks: `make bench` (the suite, see bench/suite.py) or one part, e.g. `python -m bench.matching`."""
