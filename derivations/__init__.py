"""derivations: derive, check and typeset the mathematics of diffusion models.

Every step of a derivation is proved, refuted (with its residual and a
counterexample) or undecided; undecided is never a pass.

The public API, for writing a derivation of your own::

    from derivations import Derivation, EQUAL_IN_DISTRIBUTION, symbol

The names are loaded when first used, so that the command line can answer
``--help`` without loading SymPy.
"""

from __future__ import annotations

import importlib
from typing import Any

#: Each public name and the module that defines it.
_HOMES: dict[str, str] = {
    **dict.fromkeys(("check_equal",), "derivations.engine.checking"),
    **dict.fromkeys(("named_function",), "derivations.engine.defined"),
    **dict.fromkeys(("NormalPDF", "normal_pdf"), "derivations.engine.densities"),
    **dict.fromkeys(("Derivation",), "derivations.engine.derivation"),
    **dict.fromkeys(("CheckedDerivation",), "derivations.engine.steps"),
    **dict.fromkeys(("SYMBOLS", "latex", "symbol"), "derivations.engine.notation"),
    **dict.fromkeys(("DEFINITION", "DIFFERENTIATION", "EQUAL", "EQUAL_IN_DISTRIBUTION", "GIVEN", "INTEGRAL",
                     "proportional_in", "up_to_constant_in"), "derivations.engine.relations"),
    **dict.fromkeys(("CheckSettings",), "derivations.engine.settings"),
    **dict.fromkeys(("at", "solved_from", "substitution"), "derivations.engine.substitution"),
    **dict.fromkeys(("Outcome", "Verdict"), "derivations.engine.verdict"),
    **dict.fromkeys(("DerivationError", "KnownResultMismatchError", "StepNotEqualError", "StepUndecidedError"),
                    "derivations.errors"),
    **dict.fromkeys(("run_script",), "derivations.latex.script"),
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'derivations' has no attribute {name!r}")
    importlib.import_module("derivations.latex.render")  # installs the Jupyter display of a derivation
    value = getattr(importlib.import_module(_HOMES[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
