"""The notation the project prints: one table, mirroring ``shared/NOTATION.md``.

Every shared symbol is defined here once, with its SymPy assumptions, the LaTeX
the papers use for it (Ho, Jain & Abbeel 2020; source 000), and the interval
from which the numeric witness samples it. Derivations import the symbols from
here; :func:`latex` prints any expression with this notation.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import sympy as sp

#: Where the numeric witness samples a symbol, by its kind.
REAL_RANGE = (-2.5, 2.5)
POSITIVE_RANGE = (0.3, 2.5)
UNIT_RANGE = (0.05, 0.95)  # "positive and below 1": the schedule quantities


@dataclass(frozen=True)
class Notation:
    """One row of the notation table."""

    python_name: str
    sympy_name: str
    latex: str
    assumptions: tuple[str, ...]
    sample_range: tuple[float, float]

    def symbol(self) -> sp.Symbol:
        return sp.Symbol(self.sympy_name, **{a: True for a in self.assumptions})


def _row(python_name: str, sympy_name: str, latex: str, kind: str) -> Notation:
    assumptions, sample_range = {
        "real": (("real",), REAL_RANGE),
        "positive": (("positive",), POSITIVE_RANGE),
        "unit": (("positive",), UNIT_RANGE),
    }[kind]
    return Notation(python_name, sympy_name, latex, assumptions, sample_range)


#: The table itself: math, how we print it, and what SymPy may assume.
TABLE: tuple[Notation, ...] = (
    _row("x", "x", "x", "real"),
    _row("t", "t", "t", "real"),
    _row("u", "u", "u", "real"),
    _row("a", "a", "a", "real"),
    _row("mu", "mu", r"\mu", "real"),
    _row("mu_1", "mu_1", r"\mu_{1}", "real"),
    _row("mu_2", "mu_2", r"\mu_{2}", "real"),
    _row("sigma", "sigma", r"\sigma", "positive"),
    _row("sigma_1", "sigma_1", r"\sigma_{1}", "positive"),
    _row("sigma_2", "sigma_2", r"\sigma_{2}", "positive"),
    _row("A", "A", "A", "positive"),
    _row("B", "B", "B", "positive"),
    _row("C", "C", "C", "real"),
    _row("A_1", "A_1", "A_{1}", "positive"),
    _row("A_2", "A_2", "A_{2}", "positive"),
    _row("B_1", "B_1", "B_{1}", "positive"),
    _row("B_2", "B_2", "B_{2}", "positive"),
    _row("C_1", "C_1", "C_{1}", "real"),
    _row("C_2", "C_2", "C_{2}", "real"),
    _row("alpha_t", "alpha_t", r"\alpha_{t}", "unit"),
    _row("alpha_tm1", "alpha_t-1", r"\alpha_{t-1}", "unit"),
    _row("beta_t", "beta_t", r"\beta_{t}", "unit"),
    _row("alpha_bar_t", "alphabar_t", r"\bar{\alpha}_{t}", "unit"),
    _row("alpha_bar_tm1", "alphabar_t-1", r"\bar{\alpha}_{t-1}", "unit"),
    _row("beta_tilde_t", "betatilde_t", r"\tilde{\beta}_{t}", "positive"),
    _row("mu_tilde_t", "mutilde_t", r"\tilde{\mu}_{t}", "real"),
    _row("x_0", "x_0", r"\mathbf{x}_{0}", "real"),
    _row("x_t", "x_t", r"\mathbf{x}_{t}", "real"),
    _row("x_tm1", "x_t-1", r"\mathbf{x}_{t-1}", "real"),
    _row("x_tm2", "x_t-2", r"\mathbf{x}_{t-2}", "real"),
    _row("eps", "epsilon", r"\boldsymbol{\epsilon}", "real"),
    _row("eps_tm1", "epsilon_t-1", r"\boldsymbol{\epsilon}_{t-1}", "real"),
    _row("eps_tm2", "epsilon_t-2", r"\boldsymbol{\epsilon}_{t-2}", "real"),
    _row("eps_bar_tm2", "epsilonbar_t-2", r"\bar{\boldsymbol{\epsilon}}_{t-2}", "real"),
    _row("alpha_1", "alpha_1", r"\alpha_{1}", "unit"),
    _row("alpha_bar_1", "alphabar_1", r"\bar{\alpha}_{1}", "unit"),
    _row("alpha_bar_T", "alphabar_T", r"\bar{\alpha}_{T}", "unit"),
    _row("x_1", "x_1", r"\mathbf{x}_{1}", "real"),
    _row("eps_0", "epsilon_0", r"\boldsymbol{\epsilon}_{0}", "real"),
    _row("mu_star", "mu_*", r"\mu_{*}", "real"),
    _row("sigma_star", "sigma_*", r"\sigma_{*}", "positive"),
    _row("Sigma_11", "Sigma_11", r"\Sigma_{11}", "positive"),
    _row("Sigma_12", "Sigma_12", r"\Sigma_{12}", "real"),
    _row("Sigma_22", "Sigma_22", r"\Sigma_{22}", "positive"),
    _row("Sigma_1g2", "Sigma_1|2", r"\Sigma_{1|2}", "positive"),
    # The objective chain (issue 18): Ho et al. 2020, Song et al. (DDIM) 2021, Kingma et al. (VDM) 2021.
    _row("x_seq", "x_seq", r"\mathbf{x}", "real"),
    _row("x_1toT", "x_1:T", r"\mathbf{x}_{1:T}", "real"),
    _row("x_0toT", "x_0:T", r"\mathbf{x}_{0:T}", "real"),
    _row("sigma_t", "sigma_t", r"\sigma_{t}", "unit"),
    _row("sigma_s", "sigma_s", r"\sigma_{s}", "unit"),
    _row("alpha_s", "alpha_s", r"\alpha_{s}", "unit"),
    _row("mu_theta", "mu_theta", r"\mu_{\theta}", "real"),
    _row("eps_theta", "epsilon_theta", r"\boldsymbol{\epsilon}_{\theta}", "real"),
    _row("x_hat_theta", "xhat_theta", r"\hat{\mathbf{x}}_{\theta}", "real"),
    _row("x_hat_0", "xhat_0", r"\hat{\mathbf{x}}_{0}", "real"),
    _row("z_s", "z_s", r"\mathbf{z}_{s}", "real"),
    _row("alpha_ts", "alpha_t|s", r"\alpha_{t|s}", "positive"),
    _row("var_ts", "sigma2_t|s", r"\sigma_{t|s}^{2}", "positive"),
    _row("var_Q", "sigma2_Q", r"\sigma_{Q}^{2}", "positive"),
    _row("mu_Q", "mu_Q", r"\mu_{Q}", "real"),
    _row("z_t", "z_t", r"\mathbf{z}_{t}", "real"),
    _row("mu_0", "mu_0", r"\mu_{0}", "real"),
    _row("sigma_0", "sigma_0", r"\sigma_{0}", "positive"),
    _row("mu_0t", "mu_0|t", r"\mu_{0|t}", "real"),
    _row("var_0t", "sigma2_0|t", r"\sigma_{0|t}^{2}", "positive"),
    _row("lambda_t", "lambda_t", r"\lambda_{t}", "positive"),
    _row("eta", "eta", r"\eta", "real"),
    _row("sigma_ddim", "sigmaddim_t", r"\sigma_{t}", "real"),
    _row("eps_t", "epsilon_t", r"\boldsymbol{\epsilon}_{t}", "real"),
    _row("eps_bar", "epsilonbar", r"\bar{\boldsymbol{\epsilon}}", "real"),
    _row("snr_t", "SNR_t", r"\operatorname{SNR}(t)", "positive"),
    _row("snr_tm1", "SNR_t-1", r"\operatorname{SNR}(t-1)", "positive"),
    _row("snr_s", "SNR_s", r"\operatorname{SNR}(s)", "positive"),
    _row("score_t", "s_t", r"\nabla_{\mathbf{x}_{t}} \log q(\mathbf{x}_{t})", "real"),
    _row("norm_mu", "norm_mu", r"\left\|\tilde{\mu}_{t} - \mu_{\theta}\right\|^{2}", "real"),
    _row("norm_eps", "norm_eps", r"\left\|\boldsymbol{\epsilon} - \boldsymbol{\epsilon}_{\theta}\right\|^{2}",
         "real"),
    _row("norm_x", "norm_x", r"\left\|\mathbf{x} - \hat{\mathbf{x}}_{\theta}\right\|^{2}", "real"),
)

BY_PYTHON_NAME: dict[str, Notation] = {row.python_name: row for row in TABLE}

#: The symbols themselves, by their Python names (``symbols["alpha_bar_t"]``).
SYMBOLS: dict[str, sp.Symbol] = {row.python_name: row.symbol() for row in TABLE}

#: LaTeX overrides for symbols whose default SymPy printing differs from the papers'.
SYMBOL_NAMES: dict[sp.Symbol, str] = {
    SYMBOLS[row.python_name]: row.latex
    for row in TABLE
    if sp.latex(SYMBOLS[row.python_name]) != row.latex
}

_SAMPLE_RANGES: dict[sp.Symbol, tuple[float, float]] = {
    SYMBOLS[row.python_name]: row.sample_range for row in TABLE
}


#: The table's rows by their SymPy names too: ``symbol("alphabar_t")`` is the table's symbol, not a namesake.
_BY_SYMPY_NAME: dict[str, Notation] = {row.sympy_name: row for row in TABLE}


def symbol(python_name: str, **assumptions: bool) -> sp.Symbol:
    """The symbol named ``python_name``: the notation table's, or a new one (real unless told otherwise).

    A name of the table (``alpha_bar_t``, or its SymPy name ``alphabar_t``) is the table's
    symbol, with the table's assumptions and LaTeX; asking it for other assumptions is an
    error, because two symbols with one name would be two variables printed alike. Any other
    name is a new symbol, real by default, with the keyword assumptions given
    (``symbol("b", positive=True)``).

    Raises:
        TypeError: the name is not a string, or an assumption is not True or False.
        ValueError: the name is empty or holds a space, or the assumptions contradict the table's.

    >>> symbol("alpha_bar_t"), symbol("alpha_bar_t").is_positive
    (alphabar_t, True)
    >>> symbol("b").is_real, symbol("b", positive=True).is_positive
    (True, True)
    """
    if not isinstance(python_name, str):
        raise TypeError(f"symbol(): the name must be a string, not {type(python_name).__name__}")
    if not python_name or any(c.isspace() for c in python_name):
        raise ValueError(f"symbol(): {python_name!r} is not a name (no spaces, not empty)")
    bad = [key for key, value in assumptions.items() if not isinstance(value, bool)]
    if bad:
        raise TypeError(f"symbol(): the assumption {bad[0]}= must be True or False, not {assumptions[bad[0]]!r}")
    from sympy.core.assumptions import _assume_defined  # the assumptions SymPy knows (a misspelt one is ignored)

    unknown = sorted(set(assumptions) - set(_assume_defined))
    if unknown:
        raise TypeError(f"symbol(): {unknown[0]!r} is not a SymPy assumption (e.g. real, positive, integer, nonzero)")
    row = BY_PYTHON_NAME.get(python_name) or _BY_SYMPY_NAME.get(python_name)
    if row is not None:
        table = SYMBOLS[row.python_name]
        if any(getattr(table, f"is_{key}") is not value for key, value in assumptions.items()):
            asked = ", ".join(f"{k}={v}" for k, v in sorted(assumptions.items()))
            raise ValueError(f"symbol(): {python_name!r} is in the notation table as {', '.join(row.assumptions)}; "
                             f"it cannot also be {asked} (pick another name for another variable)")
        return table
    try:
        return sp.Symbol(python_name, **{"real": True, **assumptions})
    except (ValueError, TypeError):  # SymPy: inconsistent assumptions (real and imaginary, ...)
        asked = ", ".join(f"{k}={v}" for k, v in sorted(assumptions.items()))
        raise ValueError(f"symbol(): the assumptions {asked} of {python_name!r} contradict each other "
                         "(a new symbol is real unless real=False is given)") from None


def sample_range(sym: sp.Symbol) -> tuple[float, float]:
    """The interval the numeric witness samples ``sym`` from.

    Symbols of the table have their own; any other symbol (a user's) is sampled
    by its assumptions: positive ones from a positive interval, the rest as reals.
    """
    if sym in _SAMPLE_RANGES:
        return _SAMPLE_RANGES[sym]
    if sym.is_positive or sym.is_nonnegative:
        return POSITIVE_RANGE
    return REAL_RANGE


def latex(expr: Any, **settings: Any) -> str:
    """Print ``expr`` as LaTeX in the papers' notation.

    >>> latex(symbol("alpha_bar_t") * symbol("x_0"))
    '\\\\bar{\\\\alpha}_{t} \\\\mathbf{x}_{0}'
    """
    extra = settings.pop("symbol_names", {})
    if isinstance(expr, sp.Basic) and not extra:
        try:
            return _cached_latex(expr, tuple(sorted(settings.items())))
        except TypeError:  # an unhashable setting: print without the cache
            pass
    names = dict(SYMBOL_NAMES)
    names.update(extra)
    return sp.latex(expr, symbol_names=names, **settings)


@functools.lru_cache(maxsize=8192)  # a step is printed for the .tex, the .md and the .json
def _cached_latex(expr: sp.Basic, settings: tuple[tuple[str, Any], ...]) -> str:
    return sp.latex(expr, symbol_names=SYMBOL_NAMES, **dict(settings))
