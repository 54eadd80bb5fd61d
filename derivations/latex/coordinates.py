r"""Bold vectors read per coordinate, and where that reading is sound.

A side that shows no matrix (:func:`~derivations.latex.matrix_names.shows_matrices`) reads a bold vector
``\mathbf{x}_t`` as one coordinate of it. That is sound for what a diffusion post writes:
``\sqrt{\bar\alpha_t}\mathbf{x}_0 + \sqrt{1-\bar\alpha_t}\boldsymbol\epsilon`` holds as vectors exactly
when it holds in every coordinate, because a number times a vector, a sum of vectors and a function
applied to each coordinate act coordinate by coordinate. It is the convention of a post that never
uses the vector as a column vector (a transpose, a matrix beside it).

A post that uses any vector as a column may mean by a product of two vectors an inner or an outer
product, and by ``(\mathbf{x}\cdot\mathbf{y})\mathbf{z}`` a dot product times a vector. Read per
coordinate, these commute and cancel as numbers do (:math:`\mathbf{x}\mathbf{y} = \mathbf{y}\mathbf{x}`
would be proved), so there such a side is unread (:func:`refuse_vector_product`), and so is a
quotient by a vector. ``\mathbf{x}\cdot\mathbf{y}`` is a dot product in any post: unread too. And
beside a vector, a product of two plain capitals (``AB\mathbf{x}``) may be one of matrices.
"""

from __future__ import annotations

from collections.abc import Callable

from lark import Tree

from derivations.latex.calls import DENSITY_LETTERS
from derivations.latex.matrix_names import is_plain_capital, is_vector_name
from derivations.latex.names import Name
from derivations.latex.tokens import Tok, UnreadError

#: Nodes whose value is a number whatever they hold (a norm, a divergence).
_NUMBERS = frozenset({"norm", "divergence"})
#: Nodes that make a vector no linear form (a power, a root, a function of it): no square of them is read.
_NONLINEAR = frozenset({"pow", "sqrt", "root", "abs", "function", "function_bare", "function_power", "transpose"})


def vector_valued(node: Tree | Tok) -> bool:
    r"""Does ``node`` hold a bold vector, outside a density or a norm?

    A density ``p(\mathbf{x})`` or ``\mathcal{N}(\mathbf{x}; \boldsymbol\mu, \Sigma)`` is a number; a learned
    ``\boldsymbol\mu_\theta(\mathbf{x}_t, t)`` of a vector is taken to be a vector.
    """
    return _holds(node, is_vector_name)


def _holds(node: Tree | Tok, kind: Callable[[Name], bool]) -> bool:
    if isinstance(node, Tok):
        return node.type == "NAME" and isinstance(node.info, Name) and kind(node.info)
    if node.data in _NUMBERS:
        return False
    head = node.children[0].info if node.data == "call" else None
    if isinstance(head, Name) and (head.base in DENSITY_LETTERS or (head.base, head.style) == ("N", "cal")):
        return False
    return any(_holds(child, kind) for child in node.children)


def refuse_vector_product(left: Tree | Tok, right: Tree | Tok, *, vectors: bool, capitals: bool,
                          quotient: bool = False) -> None:
    """Raise UnreadError, per coordinate, for a product of two vectors or a quotient by one (where ``vectors``:
    the post uses vectors as columns, or writes a dot) and for a product of two plain capitals (where
    ``capitals``: the side holds a vector)."""
    if vectors and quotient and vector_valued(right):
        raise UnreadError("a quotient by a vector: per coordinate, or a product with an inverse?")
    if vectors and not quotient and vector_valued(left) and vector_valued(right):
        raise UnreadError(r"a product of two vectors, read per coordinate: an inner, an outer or a "
                          r"coordinatewise (\odot) product?")
    if capitals and not quotient and _holds(left, is_plain_capital) and _holds(right, is_plain_capital):
        raise UnreadError("two plain capitals beside a vector: numbers, or matrices that need not commute?")


def refuse_vector_power(base: Tree | Tok, exponent: Tree | Tok, *, vectors: bool) -> None:
    r"""Raise UnreadError for a power of a vector other than a square of a linear form, where the post uses vectors
    as columns: ``\mathbf{x}^3`` may be :math:`\|\mathbf{x}\|^3` there, or each coordinate cubed. A square of a
    sum of vectors times numbers is read per coordinate: an identity of such squares that holds for each
    coordinate holds for inner products too (by polarization, as a quadratic form)."""
    if not (vectors and vector_valued(base)):
        return
    while isinstance(exponent, Tree) and exponent.data == "paren":  # ^{2}
        exponent = exponent.children[1]
    whole = isinstance(exponent, Tree) and exponent.data == "number" and str(exponent.children[0]) in ("1", "2")
    if not whole or any(n.data in _NONLINEAR and vector_valued(n) for n in _subtrees(base)):
        raise UnreadError("a power of a vector, read per coordinate: of each coordinate, or of its norm?")


def _subtrees(node: Tree | Tok) -> list[Tree]:
    return list(node.iter_subtrees()) if isinstance(node, Tree) else []
