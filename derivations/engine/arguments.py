"""The arguments of a derivation's lines, checked at the call, and where the call was written.

:class:`~derivations.engine.derivation.Derivation` checks each argument of ``start``
and ``then`` when it is given, not when the derivation is checked: a relation passed
as a string, a justification that is not text, a float in an expression. Each error
names the argument and the file and line of the user's call (``examples/mine.py:14``),
which every step also keeps (:attr:`~derivations.engine.steps.Step.where`) for the
messages of a step that is not proved.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

import sympy as sp

from derivations.engine.relations import Relation
from derivations.errors import BadInputError

#: The relations a line may name without arguments, by the name a user might type as a string.
RELATION_NAMES = {"equal": "EQUAL", "integral": "INTEGRAL", "differentiation": "DIFFERENTIATION",
                  "equal in distribution": "EQUAL_IN_DISTRIBUTION", "given": "GIVEN", "definition": "DEFINITION"}
#: The relations that take arguments (all importable from ``derivations``).
RELATION_FACTORIES = ("proportional_in(x)", "up_to_constant_in(x)", "substitution(old, new)", "at({x: value})",
                      "solved_from(lhs, rhs)")


def where_called(*skipped: str) -> str | None:
    """``FILE:LINE`` of the first frame outside this module and the ``skipped`` files: the user's call.

    The path is relative to the working directory when the file is under it.
    """
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename in (__file__, *skipped):
        frame = frame.f_back
    if frame is None:
        return None
    path = frame.f_code.co_filename
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        relative = path
    shown = relative if os.path.isabs(path) and not relative.startswith("..") else path
    return f"{shown}:{frame.f_lineno}"


def at_where(where: str | None) -> str:
    """`` (at FILE:LINE)``, or nothing when the place is unknown."""
    return f" (at {where})" if where else ""


def require_str(argument: str, value: object, where: str | None = None) -> None:
    """Raise ``TypeError`` naming ``argument`` unless ``value`` is a string."""
    if not isinstance(value, str):
        raise TypeError(f"{argument} must be a string, not {type(value).__name__} {value!r}{at_where(where)}")


def require_relation(method: str, relation: object, where: str | None) -> None:
    """Raise ``TypeError`` unless ``relation`` is a relation object; the message lists the relations there are.

    >>> require_relation("then", "integral", None)
    Traceback (most recent call last):
    ...
    TypeError: then(): relation='integral' is a string; pass a relation object: ... did you mean relation=INTEGRAL ...
    """
    if isinstance(relation, Relation):
        return
    valid = ", ".join([*RELATION_NAMES.values(), *RELATION_FACTORIES])
    if isinstance(relation, str):
        known = RELATION_NAMES.get(" ".join(relation.lower().replace("_", " ").split()))
        hint = f"; did you mean relation={known} (from derivations import {known})?" if known else ""
        raise TypeError(f"{method}(): relation={relation!r} is a string; pass a relation object: one of {valid}"
                        f"{hint}{at_where(where)}")
    raise TypeError(f"{method}(): relation must be a relation, one of {valid}; not {type(relation).__name__} "
                    f"{relation!r}{at_where(where)}")


def exact(read: Callable[[], sp.Expr], where: str | None) -> sp.Expr:
    """``read()`` (an ``expression(...)`` call); its error (a float, not an expression) names the caller's line."""
    try:
        return read()
    except BadInputError as error:
        raise BadInputError(f"{error}{at_where(where)}") from None
