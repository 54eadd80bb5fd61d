r"""The Leibniz notation of a derivative: ``\frac{d}{dx}``, ``\frac{d^2 f}{dx^2}``, ``\frac{\partial}{\partial x}``."""

from __future__ import annotations

import re

from derivations.latex.names import Name, read_name


def derivative_of(numerator: str, denominator: str) -> tuple[int, Name, str] | None:
    r"""``\frac{d}{dx}`` -> (1, x, ""); ``\frac{d^2 f}{dx^2}`` -> (2, x, "f"); else None."""
    mark = r"\s*(?:d|\\partial|\\mathrm\{d\})\s*"
    power = r"(?:\^\s*\{?\s*(\d)\s*\}?)?"
    top = re.fullmatch(mark + power + r"\s*(.*)", numerator, re.S)
    bottom = re.fullmatch(mark + r"(.+?)\s*" + power + r"\s*", denominator, re.S)
    if top is None or bottom is None:
        return None
    found = read_name(bottom.group(1), 0)
    if found is None or found[1] != len(bottom.group(1)):
        return None
    order_top, order_bottom = int(top.group(1) or 1), int(bottom.group(2) or 1)
    if order_top != order_bottom:
        return None
    return order_top, found[0], top.group(2).strip()
