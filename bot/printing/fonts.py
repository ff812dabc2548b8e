"""The fonts printed pages are set in: DejaVu Sans, which covers Polish, Romanian and Cyrillic
letters. It comes with the system (Debian's fonts-dejavu-core, installed in the image) or with
matplotlib where that is installed; it is embedded (subset) in every PDF, so the reader needs nothing.
Characters it lacks (colour emoji on category names) are left off the page, not printed as boxes."""

from __future__ import annotations

import importlib.util
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

REGULAR, BOLD = "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"
FONT_DIRECTORIES = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/local/share/fonts"),
    Path("/opt/homebrew/share/fonts"),
)


class NoFont(RuntimeError):
    """No font that can print the street's languages: install fonts-dejavu-core (or matplotlib)."""


@dataclass(frozen=True)
class Fonts:
    regular: Path
    bold: Path


def _directories() -> list[Path]:
    found = list(FONT_DIRECTORIES)
    spec = importlib.util.find_spec("matplotlib")  # located, not imported
    if spec is not None and spec.origin is not None:
        found.append(Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf")
    return found


@cache
def fonts() -> Fonts:
    for directory in _directories():
        if (directory / REGULAR).is_file() and (directory / BOLD).is_file():
            return Fonts(directory / REGULAR, directory / BOLD)
    raise NoFont(
        "Printed leaflets need the DejaVu Sans font, which covers Polish and Romanian letters: "
        "install fonts-dejavu-core (Debian, Ubuntu) or matplotlib."
    )


@cache
def _characters(path: Path) -> frozenset[int]:
    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap())


def _kept(char: str, drawn: frozenset[int]) -> bool:
    """Whether to print a character: one the font has, and not a pictograph (emoji read as signposts
    in a chat; on paper, in black and white, a few would and a few wouldn't)."""
    return char == "\n" or (ord(char) in drawn and unicodedata.category(char) != "So")


def printable(text: str) -> str:
    """`text` without the characters the font can't draw, and without the spaces they leave."""
    drawn = _characters(fonts().regular) & _characters(fonts().bold)
    kept = "".join(char for char in text if _kept(char, drawn))
    return "\n".join(" ".join(line.split()) for line in kept.split("\n")).strip()
