"""The public API: what a user imports is exported from the top level, and its examples run."""

from __future__ import annotations

import doctest

import pytest

import derivations
from derivations.engine import checking, defined, densities, derivation, integrals, notation, relations, syntax
from derivations.latex import user_input


def test_everything_a_user_needs_is_exported() -> None:
    """The derivation object, relations, notation, normals and known-result assertion come from the top."""
    for name in ("Derivation", "EQUAL", "EQUAL_IN_DISTRIBUTION", "INTEGRAL", "GIVEN", "DEFINITION",
                 "proportional_in", "up_to_constant_in", "substitution", "symbol", "SYMBOLS", "NormalPDF",
                 "check_equal", "run_script", "named_function", "StepNotEqualError"):
        assert name in derivations.__all__ and hasattr(derivations, name), name


@pytest.mark.parametrize("module", [checking, defined, derivation, densities, integrals, notation, relations,
                                    syntax, user_input], ids=lambda m: m.__name__)
def test_docstring_examples_run(module) -> None:
    """Every example in the public modules' docstrings gives the output it shows."""
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
    assert result.attempted > 0
