"""Readings remembered: a post reads the same side many times (its conventions, its guards, each step).

A reading is a function of the text, the guard and the scope's fields, so :func:`remembered` keys each one by
all of them (:func:`fingerprint`) and returns the first reading again. Two readings are never remembered: one
whose scope holds something that is not hashable, and one that made a fresh matrix dimension (an identity no
chain ties gets a new size at every reading: latex.shapes), so the cache never changes a verdict.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import fields
from typing import TypeVar

from derivations.latex.scope import Scope

Reading = TypeVar("Reading")
#: Readings kept at most; when full the cache starts again (a long post, or a long session of tests).
LIMIT = 20_000


class _Same:
    """An object compared by identity (the post's matrix shapes, fixed once the post is read); holding it keeps
    its identity from being reused."""

    __slots__ = ("obj",)

    def __init__(self, obj: object) -> None:
        self.obj = obj

    def __hash__(self) -> int:
        return id(self.obj)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.obj is self.obj


def fingerprint(scope: Scope) -> tuple:
    """Every field of ``scope``, hashable (a dict as its items, in order); raises TypeError if one is not."""
    parts = []
    for spec in fields(scope):
        value = getattr(scope, spec.name)
        if spec.name == "shapes":
            parts.append(_Same(value))
        elif isinstance(value, dict):
            parts.append(tuple(value.items()))
        else:
            parts.append(value)
    key = tuple(parts)
    hash(key)
    return key


def remembered(read: Callable[..., Reading]) -> Callable[..., Reading]:
    """``read(tex, scope, guard=...)``, each reading made once (see the module's docstring)."""
    cache: dict[tuple, Reading] = {}

    @functools.wraps(read)
    def reading(tex: str, scope: Scope, *, guard: bool = True) -> Reading:
        try:
            key = (tex, guard, fingerprint(scope))
        except TypeError:
            return read(tex, scope, guard=guard)
        if key in cache:
            return cache[key]
        fresh = scope.shapes.fresh[0] if scope.shapes is not None else None
        found = read(tex, scope, guard=guard)
        if fresh == (scope.shapes.fresh[0] if scope.shapes is not None else None):
            if len(cache) >= LIMIT:
                cache.clear()
            cache[key] = found
        return found

    reading.cache_clear = cache.clear  # type: ignore[attr-defined]
    return reading
