r"""Which names of a post are matrices and vectors, and which sides show one (then read with matrices).

``\Sigma`` and ``\Lambda`` (any subscript or style) and bold capitals are matrices, ``\mathbf{I}`` and
``\mathbb{I}`` the identity, bold lowercase names column vectors; a side shows matrices when it has
one of these, a transpose, a matrix environment, ``\det``, ``\operatorname{tr}`` or the norm of a
bold vector (:mod:`~derivations.latex.shapes` gives them their shapes).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import sympy as sp

from derivations.latex.names import Name
from derivations.latex.tokens import Tok, UnreadError

#: Capital Greek letters that name matrices (a covariance, a precision), with any subscript or style.
MATRIX_GREEK = frozenset({"Sigma", "Lambda"})
#: Token types that put a side in the matrix reading.
MATRIX_TOKENS = frozenset({"TRANSPOSE", "BEGINMAT"})


def is_matrix_name(name: Name, numbers: frozenset[tuple] = frozenset()) -> bool:
    r"""``\Sigma_{11}``, ``\boldsymbol{\Lambda}``, ``\mathbf{A}``: a matrix (``\mathbf{I}`` is the identity).

    ``numbers`` are the keys of the Sigmas and Lambdas a post writes only as numbers (:class:`PostShapes`).
    """
    if name.base in MATRIX_GREEK:
        return name.key not in numbers
    return name.is_bold and name.base[0].isupper() and name.base != "I"


def is_vector_name(name: Name) -> bool:
    r"""``\mathbf{x}_t``, ``\boldsymbol{\mu}_1``: a column vector (in the matrix reading)."""
    return name.is_bold and not name.base[0].isupper()


def is_plain_capital(name: Name) -> bool:
    r"""``A``, ``\Phi``, ``\mathcal{A}``, ``\mathrm{W}``: beside matrices, a number or a matrix written plainly?"""
    return not name.is_bold and name.base[0].isupper() and name.base not in MATRIX_GREEK


def is_identity(name: Name) -> bool:
    r"""``\mathbf{I}``, ``\mathbb{I}``, ``\boldsymbol{I}``: the identity matrix."""
    return name.base == "I" and not name.sub and not name.accent and name.style in ("bold", "bb")


def shows_matrices(tokens: Iterable[Tok], numbers: frozenset[tuple] = frozenset()) -> bool:
    """Does a side show a matrix (then it is read with matrices)?"""
    tokens = list(tokens)
    for index, tok in enumerate(tokens):
        if tok.type in MATRIX_TOKENS or (tok.type == "FUNC" and str(tok) in ("det", "tr")):
            return True
        if tok.type == "NAME" and isinstance(tok.info, Name) and is_matrix_name(tok.info, numbers):
            return True
        if tok.type == "LNORM" and index + 1 < len(tokens) and isinstance(tokens[index + 1].info, Name) \
                and is_vector_name(tokens[index + 1].info):
            return True
    return False


def declared_families(declared: frozenset[str]) -> frozenset[str]:
    """The families of the names a post declares matrices: ``w`` of ``w_t`` (its terms w_1, w[t] are matrices)."""
    return frozenset(name.partition("_")[0] for name in declared)


def commuted_matrices(expr: sp.Basic, idents: Mapping[sp.Symbol, Name], *, capitals: bool,
                      declared: frozenset[str]) -> str:
    r"""Why a product in ``expr`` may multiply matrices as numbers, or "".

    In a post about matrices (``capitals``: it says "matrix", sets one in an environment or in
    :math:`\mathbb{R}^{n \times m}`, or writes a bold capital other than :math:`\mathbf{I}`), two plain capitals
    multiplied (``AB``, ``A^{-1}B^{-1}``) may be matrices, which do not commute; so may two names the post
    ``declared`` matrices (``a, b \in \mathbb{R}^{2 \times 2}``, "rotation matrices θ and φ")."""
    suspects = {s for s, name in idents.items() if (capitals and is_plain_capital(name)) or s.name in declared}
    for product in expr.atoms(sp.Mul):
        bases = {factor.as_base_exp()[0] for factor in product.args} & suspects
        if len(bases) >= 2:
            names = ", ".join(sorted(str(b) for b in bases))
            return f"{names}: numbers, or matrices (the post speaks of matrices), which do not commute?"
    return ""


def refuse_commuted(builder, a: sp.Basic, b: sp.Basic) -> None:
    r"""Raise :class:`UnreadError` if the product (or quotient) of ``a`` and ``b`` may multiply matrices as numbers.

    Checked while a side is built (``builder``: the reader's, with its scope and the names it met), before
    SymPy cancels (:math:`ABA^{-1}` reads :math:`B`) or reorders: each operand holding a plain capital of a
    post about matrices, two distinct ones in all (:math:`A(B + I)`, :math:`e^A e^B`), or one holding a name
    the post declares a matrix beside anything but a number (:math:`W\mathbf{x}`, :math:`Ax`)."""
    if not (isinstance(a, sp.Expr) and isinstance(b, sp.Expr)) or not (a.free_symbols and b.free_symbols):
        return
    names = {builder.symbols[key]: name for key, name in builder.named.items() if key in builder.symbols}
    capitals, declared = builder.scope.matrix_capitals, builder.scope.matrix_names
    scalars = [{s for s in e.free_symbols if isinstance(s, sp.Symbol)} for e in (a, b)]  # not read as matrices
    held = [{s for s in e if s in names and capitals and is_plain_capital(names[s])} for e in scalars]
    families = declared_families(declared)  # w_t declared: w_1, w[t], w[t - 1] in a sum are matrices
    matrices = [{s for s in e if s.name in declared or s.name.partition("_")[0] in families}  # w_1, w_2 of w_t
                | {t for t in x.atoms(sp.Indexed) if str(t.base.label) in families}
                for e, x in zip(scalars, (a, b), strict=True)]
    distinct = len(held[0] | held[1]) >= 2  # functions of one matrix commute: f(A) g(A) = g(A) f(A)
    if (held[0] and held[1] and distinct) or matrices[0] or matrices[1]:
        found = ", ".join(sorted(str(s) for s in set().union(*held, *matrices)))
        raise UnreadError(f"{found}: numbers, or matrices (the post speaks of matrices), which do not commute?")
