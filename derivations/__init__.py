"""derivations: derive, check and typeset the mathematics of diffusion models.

Every step of a derivation is proved, refuted (with its residual and a
counterexample) or undecided; undecided is never a pass.

The public API, for writing a derivation of your own::

    from derivations import Derivation, EQUAL_IN_DISTRIBUTION, symbol
"""

from __future__ import annotations

from derivations.checking import CheckSettings, Outcome, Verdict, check_equal
from derivations.defined import named_function
from derivations.derivation import CheckedDerivation, Derivation
from derivations.errors import (
    DerivationError,
    KnownResultMismatchError,
    StepNotEqualError,
    StepUndecidedError,
)
from derivations.gaussian import NormalPDF, normal_pdf
from derivations.notation import SYMBOLS, latex, symbol
from derivations.relations import (
    DEFINITION,
    DIFFERENTIATION,
    EQUAL,
    EQUAL_IN_DISTRIBUTION,
    GIVEN,
    INTEGRAL,
    proportional_in,
    substitution,
    up_to_constant_in,
)
from derivations.script import run_script

__all__ = [
    "DEFINITION", "DIFFERENTIATION", "EQUAL", "EQUAL_IN_DISTRIBUTION", "GIVEN", "INTEGRAL", "SYMBOLS",
    "CheckSettings", "CheckedDerivation", "Derivation", "DerivationError",
    "KnownResultMismatchError", "NormalPDF", "Outcome", "StepNotEqualError",
    "StepUndecidedError", "Verdict", "check_equal", "latex", "normal_pdf",
    "named_function", "proportional_in", "run_script", "substitution", "symbol", "up_to_constant_in",
]
