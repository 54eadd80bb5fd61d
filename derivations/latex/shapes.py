r"""The shapes of a post's matrices and vectors, inferred from how it writes them.

A side is read with matrices (:mod:`~derivations.latex.matrix_reading`) when it shows one: a
transpose (``^\top``, ``^T``), a matrix environment, a matrix name (``\Sigma``, ``\Lambda`` or a
bold capital, with any subscript), ``\det``, ``\operatorname{tr}``, or the norm of a bold vector.
There a bold lowercase name (``\mathbf{x}_1``, ``\boldsymbol{\mu}``) is a column vector; every
other name is a number.

Each dimension is unknown until the writing ties it to another: ``AB`` ties the columns of
``A`` to the rows of ``B``, a sum ties both, an inverse, a determinant or a trace makes a
matrix square, a block matrix ties the blocks of a row (and of a column) together. The reading
takes the most general shapes the writing allows, so a proof holds for every size that fits.
Two rules keep a slip elsewhere in a post from shrinking a matrix to a number:

* the dimensions of a name are symbols: never 1 (``\mathbf{x}\Sigma`` does not make
  :math:`\Sigma` a row) and never a written size (an example matrix ``\Sigma = [[1, 0], [0, 1]]``
  does not make every :math:`\Sigma` of the post 2 by 2);
* a matrix meets a number (``\mathbf{x}^\top\mathbf{y} + c``, ``\exp(\mathbf{x}^\top\mathbf{x})``)
  only when the writing already makes it :math:`1 \times 1`.

:func:`post_shapes` ties the dimensions across all the math of a post (a name has one shape in
a post; a piece that contradicts the others is left out of the tying, and is then unread);
:func:`infer` solves one side with them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import sympy as sp
from lark import Tree

from derivations.latex.dimensions import Conflict, Dims
from derivations.latex.matrix_names import (
    MATRIX_GREEK,
    is_identity,
    is_matrix_name,
    is_plain_capital,
    is_vector_name,
    shows_matrices,
)
from derivations.latex.names import Name
from derivations.latex.tokens import Tok, UnreadError

#: Tree nodes with no matrix meaning: a matrix inside one leaves the side unread.
_SCALAR_ONLY = frozenset({"call", "integral", "sum_over", "product_over", "expectation", "conditional_expectation",
                          "variance", "covariance", "divergence", "derivative", "gradient", "factorial",
                          "plus_minus"})


def _parsed(text: str) -> tuple[list[Tok], Tree | None] | None:
    """A side's tokens and tree if it shows matrices (no tree if it does not); None if it is not read."""
    from lark.exceptions import LarkError

    from derivations.latex.grammar import parse_tokens
    from derivations.latex.lexer import lex

    try:
        tokens = lex(text.replace(r"\_", "_")).tokens
        return tokens, parse_tokens(tokens) if shows_matrices(tokens) else None
    except (UnreadError, LarkError):
        return None


def _beside_vectors(tokens: list[Tok]) -> bool:
    """A transpose, a determinant or trace, a bold matrix or vector: what only matrices and vectors have."""
    return any(t.type == "TRANSPOSE" or (t.type == "FUNC" and str(t) in ("det", "tr"))
               or (t.type == "NAME" and isinstance(t.info, Name) and t.info.is_bold
                                         and (is_vector_name(t.info) or is_matrix_name(t.info))) for t in tokens)


#: A shape: the row classes and the column classes (more than one for a block matrix); None for a number.
Shape = tuple[tuple[int, ...], tuple[int, ...]] | None


class _Inference:
    """Walks a parse tree and ties dimensions; names share classes through ``classes``."""

    def __init__(self, dims: Dims, classes: dict[tuple, tuple[int, int]], numbers: frozenset[tuple]) -> None:
        self.dims, self.classes, self.numbers = dims, classes, numbers
        self.ONE = dims.new(sp.S.One)
        self.occurrences: dict[int, tuple[tuple[int, ...], tuple[int, ...]]] = {}  # id(token) -> its shape
        self.seen: set[tuple] = set()  # the keys of the names of this side

    def name_shape(self, tok: Tok) -> Shape:
        name: Name = tok.info
        if is_identity(name):
            side = self.dims.new()
            self.occurrences[id(tok)] = ((side,), (side,))
            return (side,), (side,)
        if not (is_matrix_name(name, self.numbers) or is_vector_name(name)):
            if is_plain_capital(name):
                raise UnreadError(f"{name.sympy_name} beside matrices: a number, or a matrix written plainly?")
            return None
        self.seen.add(name.key)
        if name.key not in self.classes:
            cols = self.ONE if is_vector_name(name) else self.dims.new(named=True)
            self.classes[name.key] = (self.dims.new(named=True), cols)
        elif is_vector_name(name) != self.dims.is_one(self.classes[name.key][1]):
            raise Conflict(f"{name.sympy_name} is both a vector and a matrix")
        rows, cols = self.classes[name.key]
        return (rows,), (cols,)

    def tie(self, a: tuple[int, ...], b: tuple[int, ...]) -> None:
        if len(a) != len(b):
            raise Conflict("a block matrix against a matrix that is not in the same blocks")
        for x, y in zip(a, b, strict=True):
            self.dims.union(x, y)

    def scalar(self, shape: Shape, what: str) -> None:
        """A matrix where a number stands: it must already be 1 x 1."""
        if shape is not None and not (len(shape[0]) == len(shape[1]) == 1
                                      and self.dims.is_one(shape[0][0]) and self.dims.is_one(shape[1][0])):
            raise Conflict(f"a matrix {what}")

    def square(self, shape: Shape, what: str) -> Shape:
        if shape is None:
            raise Conflict(f"{what} of a number")
        self.tie(shape[0], shape[1])
        return shape

    def walk(self, node: Tree | Tok) -> Shape:
        if not isinstance(node, Tree):
            return None
        kind, children = node.data, [c for c in node.children if isinstance(c, Tree)]
        if kind == "name":
            return self.name_shape(node.children[0])
        if kind == "zero":
            shape = (self.dims.new(),), (self.dims.new(),)
            self.occurrences[id(node.children[0])] = shape
            return shape
        if kind == "matrix":
            return self.matrix(node)
        shapes = [self.walk(c) for c in children]
        if kind in _SCALAR_ONLY:
            if any(s is not None for s in shapes):
                raise Conflict(f"a matrix in a {kind.replace('_', ' ')}: not read")
            return None
        return self.combine(kind, node, shapes)

    def combine(self, kind: str, node: Tree, shapes: list[Shape]) -> Shape:
        if kind in ("add", "sub"):
            a, b = shapes
            if a is not None and b is not None:
                self.tie(a[0], b[0])
                self.tie(a[1], b[1])
                return a
            self.scalar(a, "added to a number")
            self.scalar(b, "added to a number")
            return None
        if kind in ("mul", "juxt"):
            return self.product(*shapes)
        if kind in ("div", "frac"):
            self.scalar(shapes[1], "in a denominator")
            return shapes[0]
        if kind == "pow":
            self.scalar(shapes[1], "in an exponent")
            return shapes[0] if shapes[0] is None else self.square(shapes[0], "a power")
        if kind == "transpose":
            return None if shapes[0] is None else (shapes[0][1], shapes[0][0])
        if kind in ("neg", "pos", "paren"):
            return shapes[0]
        if kind == "abs" and shapes[0] is not None:
            self.square(shapes[0], "a determinant")
            return None
        if kind == "norm" and shapes[0] is not None:
            if len(shapes[0][1]) != 1 or not self.dims.is_one(shapes[0][1][0]):
                raise Conflict("the norm of a matrix")
            return None
        if kind in ("function", "function_bare") and str(node.children[0]) in ("det", "tr"):
            self.square(shapes[-1], rf"\{node.children[0]}")
            return None
        for shape in shapes:
            self.scalar(shape, f"in a {kind.replace('_', ' ')}")
        return None

    def product(self, a: Shape, b: Shape) -> Shape:
        if a is None or b is None:
            return a if b is None else b
        one = [len(s[0]) == len(s[1]) == 1 and self.dims.is_one(s[0][0]) and self.dims.is_one(s[1][0])
               for s in (a, b)]
        if one[0] != one[1]:  # (x^T y) z: a number times a matrix
            return b if one[0] else a
        self.tie(a[1], b[0])
        return a[0], b[1]

    def matrix(self, node: Tree) -> Shape:
        rows = matrix_cells(node)
        if len({len(r) for r in rows}) != 1:
            raise Conflict("a matrix whose rows have different lengths")
        cells = [[self.walk(c) for c in row] for row in rows]
        if all(s is None for row in cells for s in row):
            return (self.dims.new(sp.Integer(len(rows))),), (self.dims.new(sp.Integer(len(rows[0]))),)
        heights, widths = [self.dims.new() for _ in rows], [self.dims.new() for _ in rows[0]]
        for i, row in enumerate(cells):
            for j, shape in enumerate(row):
                if shape is None:
                    if not _is_zero(rows[i][j]):
                        raise Conflict("a number other than 0 among the blocks of a block matrix")
                    continue
                if len(shape[0]) != 1 or len(shape[1]) != 1:
                    raise Conflict("a block matrix inside a block matrix")
                self.dims.union(heights[i], shape[0][0])
                self.dims.union(widths[j], shape[1][0])
        return tuple(heights), tuple(widths)


def matrix_cells(node: Tree) -> list[list[Tree]]:
    """The cells of a ``matrix`` node, row by row."""
    cells = next(c for c in node.children if isinstance(c, Tree))
    return [[c for c in row.children if isinstance(c, Tree)] for row in cells.children if isinstance(row, Tree)]


def _is_zero(node: Tree) -> bool:
    return node.data == "number" and str(node.children[0]) == "0"


@dataclass
class PostShapes:
    """The dimensions of a post's names, tied across its math; :meth:`solve` reads one side with them."""

    dims: Dims = field(default_factory=Dims)
    classes: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    symbols: dict[int, sp.Symbol] = field(default_factory=dict)  # a post class's representative -> its dimension
    #: Sigmas and Lambdas the post writes only as numbers (``\Sigma_{12}^2 / \Sigma_{22}``, never with a vector).
    numbers: frozenset[tuple] = frozenset()
    fresh: list[int] = field(default_factory=lambda: [0])  # dimensions made for one side only (never reused)
    stored: dict[str, list] = field(default_factory=dict)  # a side's text -> the shapes of its identities, zeros
    general: frozenset[str] = frozenset()  # Sigmas and Lambdas the post defines or calls general (lint.matrix_talk)

    @classmethod
    def of_texts(cls, groups: Iterable[Sequence[str]]) -> PostShapes:
        r"""The shapes tied by the sides of ``groups`` (the sides of one chain of relations each, in order).

        A side that shows no matrix, is not read, or contradicts the ties before it ties nothing; the
        sides of one chain have one shape (``A = B``). A Sigma or Lambda is a number in a post that
        writes it where only a number stands (a side with no transpose or bold name, which no shapes
        fit: ``\Sigma_{12}^2 / \Sigma_{22}``) and never in a side with a transpose or a bold name that
        shapes fit: the entries of a post's 2 x 2 covariance. A matrix environment of such letters
        fits both readings, so it says nothing.
        """
        shapes, as_numbers, as_matrices = cls(), [], set()
        for group in groups:
            tied: list[Shape] = []
            for text in group:
                found = _parsed(text)
                if found is None or found[1] is None:  # unread: nothing; a number: the chain's sides are 1 x 1
                    tied += [None] if found else []
                    continue
                tokens, tree = found
                greek = {t.info.key for t in tokens if t.type == "NAME" and t.info.base in MATRIX_GREEK}
                shape = shapes.tie(tree, text.replace(r"\_", "_"))
                as_matrices |= greek if _beside_vectors(tokens) else set()  # N(x; mu, Sigma): read or not
                if shape is not False:
                    tied.append(shape)
                elif not _beside_vectors(tokens) and not any(t.type == "NAME" and isinstance(t.info, Name)
                                                             and is_plain_capital(t.info) for t in tokens):
                    as_numbers.append(greek)
            shapes.equal(tied)
        # a side that writes a matrix of the post as a number says nothing of the other letters in it
        shapes.numbers = frozenset(key for greek in as_numbers if not greek & as_matrices for key in greek)
        return shapes

    def tie(self, tree: Tree, text: str) -> Shape | bool:
        """Add the ties of one side and return its shape; a side that contradicts what came before adds nothing
        (False). The sizes of its identities and zeros are kept for ``text``."""
        dims, classes = self.dims.copy(), dict(self.classes)
        inference = _Inference(dims, classes, self.numbers)
        try:
            shape = inference.walk(tree)
        except UnreadError:
            return False
        self.dims, self.classes = dims, classes
        self.stored[text] = list(inference.occurrences.values())
        return shape

    def equal(self, shapes: list[Shape]) -> None:
        """The sides of one chain have one shape (a number and a 1 x 1 matrix alike); if they cannot, nothing."""
        matrices = [s for s in shapes if s is not None]
        dims = self.dims.copy()
        inference = _Inference(dims, self.classes, self.numbers)
        try:
            for first, other in zip(matrices, matrices[1:]):
                inference.tie(first[0], other[0])
                inference.tie(first[1], other[1])
            if len(matrices) < len(shapes):  # equal to a number: 1 x 1 (never a name's dimension: Dims refuses)
                for shape in matrices:
                    inference.tie(shape[0], (inference.ONE,))
                    inference.tie(shape[1], (inference.ONE,))
        except UnreadError:
            return
        self.dims = dims

    def dimension(self, dims: Dims, index: int, local: dict[int, sp.Symbol]) -> sp.Expr:
        """The value of a class: a written size, or a dimension symbol no post can write (``d#1``).

        A class of the post (one its names share) has one symbol for the whole post; a class only one
        side has (an identity nothing ties) gets a new symbol each time, shared with no other side.
        """
        root = dims.find(index)
        if root in dims.value:
            return dims.value[root]
        if root >= len(self.dims.parent):
            if root not in local:
                self.fresh[0] += 1
                local[root] = sp.Symbol(f"d#0.{self.fresh[0]}", integer=True, positive=True)
            return local[root]
        if root not in self.symbols:
            self.symbols[root] = sp.Symbol(f"d#{len(self.symbols) + 1}", integer=True, positive=True)
        return self.symbols[root]

    def has_columns(self) -> bool:
        """Does the post read any vector as a column (with a transpose, beside a matrix)?"""
        return any(self.dims.is_one(cols) for _, cols in self.classes.values())

    def numbers_in(self, tokens: Sequence[Tok]) -> frozenset[tuple]:
        r"""The post's number Sigmas (:attr:`numbers`) as one side reads them; raises UnreadError for a side
        that writes one beside another matrix.

        A function of one matrix commutes with itself and with numbers, so an identity of numbers holds
        for it. Beside any other matrix, vector, transpose or matrix environment a number Sigma need not
        commute (:math:`\Sigma_1^{-1}\Sigma_0 = \Sigma_0\Sigma_1^{-1}`): the post writes it as a number, and
        this side as a matrix.
        """
        names = {t.info.key: t.info for t in tokens if t.type == "NAME" and isinstance(t.info, Name)
                 and (t.info.base in MATRIX_GREEK or (t.info.is_bold and not is_identity(t.info)))}
        both = sorted(names[key].sympy_name for key in names if key in self.numbers)
        if both and (len(names) > 1 or shows_matrices(tokens, self.numbers)):
            raise UnreadError(f"{both[0]} is a number elsewhere in the post, and beside a matrix here")
        return self.numbers

    def solve(self, tree: Tree, text: str, numbers: frozenset[tuple] = frozenset()) -> Solved:
        """The shapes of one side's names and identities, with the post's ties (raises UnreadError).

        Every matrix or vector name of the side must have its shape from the post (:meth:`tie`); its
        identities and zeros have the sizes the post's chain gave them, when ``text`` was tied.
        ``numbers``: the side's Sigmas read as numbers (:meth:`numbers_in`).
        """
        dims = self.dims.copy()
        inference = _Inference(dims, dict(self.classes), numbers)
        inference.walk(tree)
        stored = self.stored.get(text, [])
        if len(stored) == len(inference.occurrences):
            for local, kept in zip(inference.occurrences.values(), stored, strict=True):
                inference.tie(local[0], kept[0])
                inference.tie(local[1], kept[1])
        untied = sorted(str(key[0]) for key in inference.seen if key not in self.classes)
        if untied:
            raise UnreadError(f"the shape of {untied[0]} does not agree with the rest of the post")
        local: dict[int, sp.Symbol] = {}
        names = {key: tuple(self.dimension(dims, c, local) for c in inference.classes[key])
                 for key in sorted(inference.seen)}  # in order: each run names the sizes alike
        found = {tok: tuple(sum((self.dimension(dims, c, local) for c in part), sp.S.Zero) for part in shape)
                 for tok, shape in inference.occurrences.items()}
        return Solved(names, found, numbers, self.general)


@dataclass(frozen=True)
class Solved:
    """A side's shapes: each matrix or vector name's (rows, cols), each identity's and zero's by token."""

    names: Mapping[tuple, tuple[sp.Expr, sp.Expr]]
    occurrences: Mapping[int, tuple[sp.Expr, sp.Expr]]
    numbers: frozenset[tuple] = frozenset()  # the post's Sigmas and Lambdas that are numbers
    general: frozenset[str] = frozenset()  # Sigmas and Lambdas the post defines or calls general: no covariance


def is_dimension(symbol: sp.Basic) -> bool:
    """A dimension symbol of the reading (``d#1``): no name of a post."""
    return isinstance(symbol, sp.Symbol) and bool(re.fullmatch(r"d#[0-9.]+", symbol.name))
