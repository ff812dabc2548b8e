"""Doorstep's outer layer: the command line, the composition root and the platform adapters."""
