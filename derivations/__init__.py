"""derivations: derive, check and typeset the mathematics of diffusion models.

Every step of a derivation is proved, refuted (with its residual and a
counterexample) or undecided; undecided is never a pass.

The public API, for writing a derivation of your own::

    from derivations import Derivation, EQUAL_IN_DISTRIBUTION, symbol
"""

from __future__ import annotations

from derivations.engine.checking import check_equal
from derivations.engine.defined import named_function
from derivations.engine.densities import NormalPDF, normal_pdf
from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.notation import SYMBOLS, latex, symbol
from derivations.engine.relations import (
    DEFINITION,
    DIFFERENTIATION,
    EQUAL,
    EQUAL_IN_DISTRIBUTION,
    GIVEN,
    INTEGRAL,
    proportional_in,
    up_to_constant_in,
)
from derivations.engine.settings import CheckSettings
from derivations.engine.substitution import at, solved_from, substitution
from derivations.engine.verdict import Outcome, Verdict
from derivations.errors import (
    DerivationError,
    KnownResultMismatchError,
    StepNotEqualError,
    StepUndecidedError,
)
from derivations.latex.script import run_script

__all__ = [
    "DEFINITION", "DIFFERENTIATION", "EQUAL", "EQUAL_IN_DISTRIBUTION", "GIVEN", "INTEGRAL", "SYMBOLS",
    "CheckSettings", "CheckedDerivation", "Derivation", "DerivationError",
    "KnownResultMismatchError", "NormalPDF", "Outcome", "StepNotEqualError",
    "StepUndecidedError", "Verdict", "check_equal", "latex", "normal_pdf",
    "at", "named_function", "proportional_in", "run_script", "solved_from", "substitution", "symbol",
    "up_to_constant_in",
]
