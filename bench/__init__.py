"""Benchmarks: run them as scripts (`python bench/matching.py`) or with `make bench`."""
