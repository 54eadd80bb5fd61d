"""Dimensions as a union-find: the sizes the writing ties together (:mod:`~derivations.latex.shapes`)."""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

from derivations.latex.tokens import UnreadError


class Conflict(UnreadError):
    """The writing ties dimensions that cannot be tied (the message says where)."""


@dataclass
class Dims:
    """Union-find over dimensions; a class may hold a value (1, a written size, or a post's dimension symbol)."""

    parent: dict[int, int] = field(default_factory=dict)
    value: dict[int, sp.Expr] = field(default_factory=dict)
    named: set[int] = field(default_factory=set)  # classes of a name's dimension: never 1, never a written size

    def new(self, value: sp.Expr | None = None, *, named: bool = False) -> int:
        index = len(self.parent)
        self.parent[index] = index
        if value is not None:
            self.value[index] = value
        if named:
            self.named.add(index)
        return index

    def find(self, index: int) -> int:
        while self.parent[index] != index:
            self.parent[index] = self.parent[self.parent[index]]
            index = self.parent[index]
        return index

    def is_one(self, index: int) -> bool:
        return self.value.get(self.find(index)) == 1

    def union(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a == b:
            return
        values = [self.value[c] for c in (a, b) if c in self.value]
        if len(values) == 2 and values[0] != values[1]:
            raise Conflict("dimensions that the writing ties differ")
        named = a in self.named or b in self.named
        if named and values and values[0].is_Integer:
            raise Conflict("a matrix or vector of the post tied to a size of 1 or a written size")
        a, b = min(a, b), max(a, b)  # the older class stays the root: a post's class is never renamed by a side
        self.parent[b] = a
        if values:
            self.value[a] = values[0]
        if named:
            self.named.add(a)

    def copy(self) -> Dims:
        return Dims(dict(self.parent), dict(self.value), set(self.named))
