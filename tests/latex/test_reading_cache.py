"""A remembered reading is the reading the scope would make now (latex.reading_cache)."""

from __future__ import annotations

import sympy as sp

from derivations.latex.reader import read
from derivations.latex.reading_cache import fingerprint, remembered
from derivations.latex.scope import Scope
from derivations.latex.shapes import PostShapes


def test_the_same_text_in_the_same_scope_is_read_once() -> None:
    scope = Scope()
    assert read(r"x^2 + \frac{1}{2}", scope) is read(r"x^2 + \frac{1}{2}", Scope())


def test_a_scope_changed_in_place_reads_again() -> None:
    """A name the post declares positive after a first reading is positive in the next one."""
    scope = Scope()
    before = read(r"\sqrt{y^2}", scope).expr
    scope.positive = frozenset({"y"})
    after = read(r"\sqrt{y^2}", scope).expr
    assert before != after and after == sp.Symbol("y", positive=True)


def test_a_law_set_after_a_reading_is_seen() -> None:
    """The scope's dicts are part of the key: a law named after the first reading changes the second."""
    scope = Scope()
    first = read(r"\mathbb{E}_P[x]", scope)
    x = sp.Symbol("x", real=True)
    scope.laws["P"] = (x, sp.Integer(3), sp.Integer(1))
    second = read(r"\mathbb{E}_P[x]", scope)
    assert second is not first


def test_a_reading_that_makes_a_fresh_dimension_is_not_remembered() -> None:
    """An identity no chain ties gets a new size at each reading; such a reading is made again every time."""
    calls = []

    def fake(tex: str, scope: Scope, *, guard: bool = True) -> int:
        scope.shapes.fresh[0] += 1
        calls.append(tex)
        return scope.shapes.fresh[0]

    reading, scope = remembered(fake), Scope(shapes=PostShapes())
    assert [reading("I", scope), reading("I", scope)] == [1, 2] and calls == ["I", "I"]


def test_every_field_of_a_scope_is_in_its_fingerprint() -> None:
    """Two scopes that differ in any one field have different fingerprints."""
    base = fingerprint(Scope())
    for changed in (Scope(assume="positive"), Scope(diffusion=True), Scope(horizon=True), Scope(imaginary_i=False),
                    Scope(euler_e=False), Scope(densities=False), Scope(noncommuting=True), Scope(table=True),
                    Scope(set_to={"y": frozenset({"x"})}), Scope(matrix_names=frozenset({"A"}))):
        assert fingerprint(changed) != base
