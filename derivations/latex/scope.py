r"""What the names of one post stand for: its symbols, its functions, its conventions.

A :class:`Scope` turns each :class:`~derivations.latex.names.Name` into a SymPy symbol, and
remembers the functions the post defines (``g(x) = e^{-x^2}``). Its conventions are stated
and narrow:

* a standard deviation ``\sigma`` (with any subscript but two indices, ``\sigma_{12}``: a covariance) is positive;
* in a diffusion post (``diffusion=True``), the schedule letters ``\alpha``, ``\beta`` and
  ``\bar\alpha`` *with a subscript* lie in (0, 1), as in Ho et al. (2020); a bare
  ``\alpha`` is a real number like any other letter, and so are a label (``\beta_{\max}``), Ho's empty
  product ``\bar\alpha_0`` (it is 1), and the letters a post gives another meaning (``unit_bases``);
* in a diffusion post that counts its steps (``horizon=True``: a sum, product or range runs to ``T``), the bare
  ``T`` is the number of steps of the chain, a positive integer, as in Ho et al. (2020, section 2: the forward
  process runs t = 1, ..., T); what the post says of ``T`` voids it as any convention (lint.conventions);
* declared standard normals (``fixed``) are plain reals, whatever else the name means;
* ``i`` is the imaginary unit unless the block uses it as an index; ``e`` is Euler's number.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import sympy as sp

from derivations.engine import notation
from derivations.latex.matrix_names import is_plain_capital, is_vector_name
from derivations.latex.names import Name
from derivations.latex.shapes import PostShapes

#: Schedule letters of a diffusion post (with a subscript): positive and below 1.
SCHEDULE_BASES = frozenset({"alpha", "beta"})
#: The bare T of a diffusion post that counts its steps (``horizon=True``): the chain's number of steps.
HORIZON = sp.Symbol("T", positive=True, integer=True)
#: Letters that are positive wherever they appear (a standard deviation).
POSITIVE_BASES = frozenset({"sigma"})


#: A subscript of two indices (``\sigma_{12}``, ``\sigma_{ij}``, ``\sigma_{xy}``): a covariance entry, of any sign.
_ENTRY = re.compile(r"\s*(?:[A-Za-z0-9]\s*,?\s*[A-Za-z0-9])\s*")
_GREEK = r"\\?(?:tau|sigma|theta|lambda|kappa|rho|eta|nu|mu|xi|iota|omega|gamma|delta|epsilon|zeta|phi|psi|chi)"


def _a_time_step(subscript: str, *, bar: bool) -> bool:
    r"""``t``, ``t-1``, ``\tau_i``: a subscript of a schedule letter in (0, 1); not a label (``\max``, ``min``,
    ``\text{start}``), nor 0 under a bar (Ho's empty product, 1)."""
    label = re.search(r"\\|[A-Za-z]{2}", re.sub(_GREEK, "", subscript))
    return not label and not (bar and subscript.strip() == "0")


@dataclass
class Scope:
    """How names become symbols for one post."""

    assume: str = "real"
    positive: frozenset[str] = frozenset()  # names declared positive (Python or SymPy spelling)
    fixed: Mapping[str, sp.Symbol] = field(default_factory=dict)  # declared normals
    diffusion: bool = False
    horizon: bool = False  # the bare T is the chain's number of steps (lint.horizon.counts_steps)
    imaginary_i: bool = True
    euler_e: bool = True  # False in a post that sets e = ... (a residual, an error)
    #: p, q, P, Q calls are densities (positive) only in a post about probability, and not for a family the post
    #: gives plain values (``P(0) = -1``, ``q(x) = x - 1``): then they are functions (lint.linter).
    densities: bool = True
    plain_functions: frozenset[str] = frozenset()
    functions: dict[tuple, Callable[..., sp.Expr]] = field(default_factory=dict)
    #: The normal laws the post names (``P(x) = \mathcal{N}(x; \mu_1, \sigma_1^2)``): name -> (x, mean, variance).
    laws: dict[str, tuple[sp.Symbol, sp.Expr, sp.Expr]] = field(default_factory=dict)
    #: The names the post sets to a value (``y = 2x``), with the names of that value: under an expectation over x,
    #: y is random (latex.calls).
    set_to: dict[str, frozenset[str]] = field(default_factory=dict)
    integers: dict[tuple, sp.Symbol] = field(default_factory=dict)  # summation indices while reading a sum
    variables: dict[tuple, sp.Symbol] = field(default_factory=dict)  # integration variables (d-sigma: real)
    noncommuting: bool = False  # plain capitals as noncommutative symbols (lint.commuting)
    #: The schedule letters in (0, 1) in this post (not beta in an SDE's, nor a Dirichlet's alpha: lint.post).
    unit_bases: frozenset[str] = SCHEDULE_BASES
    #: The notation table's symbols for its names, with their assumptions (``derivations check``,
    #: where LaTeX and SymPy syntax must read a name alike); a post's own names otherwise.
    table: bool = False
    #: A post about matrices (its plain capitals may be matrices), and the names it declares matrices (lint.matrices).
    matrix_capitals: bool = False
    matrix_names: frozenset[str] = frozenset()
    #: The shapes of the post's matrices and vectors, tied across its math (None: each side's own).
    shapes: PostShapes | None = None
    #: The density families the post ties to others (``2 q(z|x) = p(z|x)``): maybe no densities (lint.stated).
    tied_families: frozenset[str] = frozenset()
    #: The densities the post gives a formula (``p(x) = \mathcal{N}(x; 0, 1)``): the sum rule may disagree with them.
    formulas: frozenset = frozenset()
    #: The post says in words that some density may not be normalised (lint.density_words).
    unnormalised: bool = False
    #: The post's variables may be discrete (an integral of its densities is no marginal: lint.density_words).
    discrete: bool = False

    def symbol(self, name: Name) -> sp.Expr:
        """The symbol (or constant) ``name`` stands for."""
        for bound in (self.integers, self.variables):
            if name.key in bound:
                return bound[name.key]
        if self.noncommuting and (is_plain_capital(name) or is_vector_name(name)):
            return sp.Symbol(name.sympy_name, commutative=False)
        for spelling in (name.python_name, name.sympy_name):
            if spelling in self.fixed:
                return self.fixed[spelling]
        plain = not name.sub and not name.accent and not name.mark and name.style in ("", "rm")
        if plain and name.base == "e" and self.euler_e:
            return sp.E
        if plain and name.base == "i" and self.imaginary_i:
            return sp.I
        row = notation.BY_PYTHON_NAME.get(name.python_name)
        if self.table and row is not None and row.sympy_name == name.sympy_name:
            return notation.SYMBOLS[name.python_name]
        if self._unit(name):
            return sp.Symbol(name.sympy_name, positive=True)
        if self.horizon and plain and name.base == "T":
            return HORIZON
        positive = (self.assume == "positive" or (name.base in POSITIVE_BASES and not _ENTRY.fullmatch(name.sub))
                    or {name.python_name, name.sympy_name} & self.positive)
        if not positive and row is not None and row.sympy_name == name.sympy_name and "positive" not in row.assumptions:
            return notation.SYMBOLS[name.python_name]
        return sp.Symbol(name.sympy_name, **({"positive": True} if positive else {"real": True}))

    def set_value(self, name: str, value: sp.Expr) -> None:
        """The post sets ``name`` to ``value`` (``y = 2x``): y moves with the names of the value."""
        self.set_to[name] = self.set_to.get(name, frozenset()) | {s.name for s in value.free_symbols if s.is_Symbol}

    def _unit(self, name: Name) -> bool:
        r"""A schedule letter at a time step: not a label (``\beta_{\max}``), nor Ho's empty product \bar\alpha_0."""
        if not (self.diffusion and name.base in self.unit_bases and name.sub and name.accent in ("", "bar")):
            return False
        return _a_time_step(name.sub, bar=name.accent == "bar")

    def unit_symbols(self, expr: sp.Expr) -> list[sp.Symbol]:
        """The schedule symbols of ``expr`` (in a diffusion post): each is stated below 1."""
        if not self.diffusion:
            return []
        found = []
        for s in expr.free_symbols:
            base, _, sub = s.name.partition("_") if isinstance(s, sp.Symbol) else ("", "", "")
            if s.is_positive and base.removesuffix("bar") in self.unit_bases and sub and _a_time_step(
                    sub, bar=base.endswith("bar")):
                found.append(s)
        return sorted(found, key=sp.default_sort_key)

    def index(self, name: Name) -> sp.Symbol:
        """The integer symbol a summation or product index stands for."""
        return sp.Symbol(name.sympy_name, integer=True)
