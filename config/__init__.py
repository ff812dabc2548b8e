"""Doorstep's settings: read from the environment and `.env`, checked once at start-up."""

from config.settings import Settings, load_settings
from config.errors import ConfigurationError

__all__ = ["Settings", "load_settings", "ConfigurationError"]
