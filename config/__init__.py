"""Doorstep's settings: read from the environment and `.env`, checked once at start-up."""

from config.errors import ConfigurationError
from config.settings import Settings, load_settings

__all__ = ["Settings", "load_settings", "ConfigurationError"]
