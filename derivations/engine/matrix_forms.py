r"""The canonical forms of matrix expressions: noncommutative polynomials in words of atoms.

The rules (each an identity of the algebra of real matrices, so a form that reduces a
difference to zero proves it): distributivity; :math:`(AB)^\top = B^\top A^\top`;
:math:`(AB)^{-1} = B^{-1}A^{-1}` for square invertible factors; :math:`A A^{-1} = I`; what a
matrix is declared to be (:func:`matrix`): :math:`\Sigma^\top = \Sigma` for a symmetric one,
:math:`Q^{-1} = Q^\top` for an orthogonal one. The inverse of a sum is an atom
:math:`W = X^{-1}`, with the relations :math:`u X W v = u v` and :math:`u W X v = u v`
(:meth:`Forms.reduce`). A :math:`1 \times 1` word is its own trace, and a trace is unchanged by
cyclic rotation and by transposition, so each trace is one real generator; determinants of
products split over square factors, :math:`\det(cA) = c^d\det A`, :math:`\det A^{-1} = 1/\det A`,
:math:`(\det Q)^2 = 1`, and a positive definite matrix has a positive determinant.

References: Horn & Johnson, *Matrix Analysis* (2013), sec. 0.3-0.8; Petersen & Pedersen,
*The Matrix Cookbook* (2012), sec. 1.1 (trace, determinant), 3.1 (inverses).
"""

from __future__ import annotations

import sympy as sp
from sympy.matrices.expressions.matexpr import MatrixExpr

from derivations.engine.matrix_symbols import (
    INVERTIBLE,
    POSITIVE_DET,
    SYMMETRIC,
    Difference,
    ScalarOf,
    Total,
    d,
    kind_of,
    matrix,
)
from derivations.engine.radicals import provably
from derivations.engine.srepr import srepr

__all__ = ["Forms", "Unsupported", "d", "matrix"]


class Unsupported(Exception):
    """An expression outside the rules (then only the witness speaks: never a proof)."""


Word = tuple[sp.Basic, ...]
Poly = dict[Word, sp.Expr]


def _plus(p: Poly, q: Poly, scale: sp.Expr = sp.S.One) -> Poly:
    out = dict(p)
    for word, coeff in q.items():
        total = out.get(word, sp.S.Zero) + scale * coeff
        if total == 0 or sp.expand(total) == 0:
            out.pop(word, None)
        else:
            out[word] = total
    return out


class Forms:
    """The canonical forms of one check: words, the inverses of sums met, the scalar generators."""

    def __init__(self, positive: tuple[sp.Expr, ...] = ()) -> None:
        self.opaque: dict[sp.Basic, tuple[Poly, tuple]] = {}  # W = X^{-1} -> (X, shape)
        self.back: dict[sp.Symbol, sp.Expr] = {}  # generator -> what it stands for
        self.generators: dict[str, sp.Symbol] = {}  # srepr of a trace or determinant -> its generator
        self._atom_keys: dict[sp.Basic, str] = {}
        self.signs: set[sp.Symbol] = set()  # det Q of an orthogonal Q: its square is 1
        self.asserted: set[sp.Basic] = set()  # square atoms whose inverse a line writes
        self.positive = positive
        self.reducing = True  # apply the relations of inverses of sums inside each ScalarOf and trace

    # --- atoms ------------------------------------------------------------------------
    def transpose_atom(self, a: sp.Basic) -> sp.Basic:
        if isinstance(a, sp.MatrixSymbol):
            return a if kind_of(a) in SYMMETRIC else sp.Transpose(a)
        if isinstance(a, sp.Transpose):
            return a.arg
        if a in self.opaque:
            x, shape = self.opaque[a]
            return self._opaque_inverse(self.transpose(x), shape)
        base = a.arg  # Inverse(A) or Inverse(A^T)
        return sp.Inverse(self.transpose_atom(base))

    def inverse_atom(self, a: sp.Basic) -> sp.Basic | None:
        """The atom inverse to ``a`` (None for the inverse of a sum: its inverse is the sum)."""
        if a in self.opaque or a.shape[0] != a.shape[1]:
            return None
        if isinstance(a, sp.Inverse):
            return a.arg
        base = a.arg if isinstance(a, sp.Transpose) else a
        if kind_of(base) == "orthogonal":
            return self.transpose_atom(a)
        return sp.Inverse(a)

    def join(self, left: Word, right: Word) -> Word:
        stack = list(left)
        for atom in right:
            if stack and self.inverse_atom(stack[-1]) == atom:
                stack.pop()
            else:
                stack.append(atom)
        return tuple(stack)

    # --- polynomials -------------------------------------------------------------------
    def times(self, p: Poly, q: Poly) -> Poly:
        out: Poly = {}
        for w1, c1 in p.items():
            for w2, c2 in q.items():
                out = _plus(out, {self.join(w1, w2): c1 * c2})
        return out

    def transpose(self, p: Poly) -> Poly:
        out: Poly = {}
        for word, coeff in p.items():
            out = _plus(out, {self.join((), tuple(self.transpose_atom(a) for a in reversed(word))): coeff})
        return out

    def rebuild(self, p: Poly, shape: tuple) -> sp.Expr:
        terms = [c * (sp.MatMul(*w) if w else sp.Identity(shape[0])) for w, c in
                 sorted(p.items(), key=lambda item: str(item[0]))]
        return sp.MatAdd(*terms) if terms else sp.ZeroMatrix(*shape)

    def _opaque_inverse(self, x: Poly, shape: tuple) -> sp.Basic:
        atom = sp.Inverse(self.rebuild(x, shape))
        self.opaque.setdefault(atom, (x, shape))
        return atom

    def word_inverse(self, word: Word, *, asserted: bool = False) -> Poly | None:
        """The inverse of a word of invertible square atoms, or None.

        With ``asserted`` (a line writes the inverse of this word), a square atom not declared
        invertible is taken to be: the line is defined only if it is.
        """
        out: Poly = {(): sp.S.One}
        for a in reversed(word):
            if a in self.opaque:
                out = self.times(out, self.opaque[a][0])
                continue
            if a.shape[0] != a.shape[1]:
                return None
            inverse = self.inverse_atom(a)
            if asserted:
                self.asserted.add(a)
            elif not self._invertible(a):
                return None
            out = self.times(out, {(inverse,): sp.S.One})
        return out

    def _invertible(self, a: sp.Basic) -> bool:
        base = a.arg if isinstance(a, sp.Transpose | sp.Inverse) else a
        return (isinstance(a, sp.Inverse) or kind_of(base) in INVERTIBLE or a in self.asserted
                or sp.Transpose(a) in self.asserted)

    def poly(self, expr: sp.Basic) -> Poly:
        """``expr`` (a matrix expression) as a polynomial in words."""
        if isinstance(expr, sp.ZeroMatrix):
            return {}
        if isinstance(expr, sp.Identity):
            return {(): sp.S.One}
        if isinstance(expr, sp.MatrixSymbol):
            return {(expr,): sp.S.One}
        if isinstance(expr, Difference):
            return _plus(self.poly(expr.args[0]), self.poly(expr.args[1]), sp.S.NegativeOne)
        if isinstance(expr, Total):
            out: Poly = {}
            for term in expr.args:
                out = _plus(out, self.poly(term))
            return out
        if isinstance(expr, sp.MatAdd):
            out: Poly = {}
            for arg in expr.args:
                out = _plus(out, self.poly(arg))
            return out
        if isinstance(expr, sp.MatMul):
            coeff, factors = expr.as_coeff_matrices()
            out = {(): coeff}
            for factor in factors:
                out = self.times(out, self.poly(factor))
            return out
        if isinstance(expr, sp.Transpose):
            return self.transpose(self.poly(expr.arg))
        if isinstance(expr, sp.Inverse):
            return self.inverse(self.poly(expr.arg), expr.arg.shape)
        if isinstance(expr, sp.MatPow) and expr.exp.is_Integer:
            base = self.poly(expr.base) if expr.exp >= 0 else self.inverse(self.poly(expr.base), expr.base.shape)
            out = {(): sp.S.One}
            for _ in range(abs(int(expr.exp))):
                out = self.times(out, base)
            return out
        raise Unsupported(f"{type(expr).__name__} is not a matrix expression the rules rewrite")

    def inverse(self, p: Poly, shape: tuple) -> Poly:
        if len(p) == 1:
            (word, coeff), = p.items()
            inverse = self.word_inverse(word, asserted=True) if all(a.shape == shape for a in word) else None
            if inverse is not None:
                return {w: c / coeff for w, c in inverse.items()}
        if not p:
            raise Unsupported("the inverse of a zero matrix")
        return {(self._opaque_inverse(p, shape),): sp.S.One}

    def reduce(self, p: Poly) -> Poly:
        """Add the relations ``u X W v = u v`` and ``u W X v = u v`` wherever they shorten ``p``."""
        while True:
            for candidate in self._relations(p):
                shorter = _plus(p, candidate)
                if len(shorter) < len(p):
                    p = shorter
                    break
            else:
                return p

    def _relations(self, p: Poly):
        for word, coeff in list(p.items()):
            for i, atom in enumerate(word):
                if atom not in self.opaque:
                    continue
                x = self.opaque[atom][0]
                before, after = word[:i], word[i + 1:]
                for xw, xc in x.items():
                    inverse = self.word_inverse(xw)
                    if inverse is None or len(inverse) != 1:
                        continue
                    (inv_word, inv_coeff), = inverse.items()
                    scale = -coeff / xc
                    u = self.join(before, inv_word)  # before = u xw, so u X W after = u after
                    yield {**{self.join(self.join(u, w), (atom, *after)): scale * c * inv_coeff
                              for w, c in x.items()}, self.join(u, after): -scale * inv_coeff}
                    v = self.join(inv_word, after)  # after = xw v, so before W X v = before v
                    yield {**{self.join((*before, atom), self.join(w, v)): scale * c * inv_coeff
                              for w, c in x.items()}, self.join(before, v): -scale * inv_coeff}

    # --- scalars -------------------------------------------------------------------------
    def _word_key(self, word: Word) -> tuple[str, ...]:
        """A total order on words (by the atoms' full representations, each computed once)."""
        for atom in word:
            if atom not in self._atom_keys:
                self._atom_keys[atom] = srepr(atom)
        return tuple(self._atom_keys[a] for a in word)

    def _generator(self, name: str, meaning: sp.Expr, **assumptions: bool) -> sp.Symbol:
        """One fresh symbol per trace or determinant (keyed by what it means, so no two meanings share one)."""
        key = srepr(meaning)
        if key not in self.generators:
            generator = sp.Dummy(name, **assumptions)
            self.generators[key] = generator
            self.back[generator] = meaning
        return self.generators[key]

    def trace(self, word: Word, size: sp.Expr) -> sp.Expr:
        if not word:
            return size
        transposed = tuple(self.transpose_atom(a) for a in reversed(word))
        rotations = [w[i:] + w[:i] for w in (word, transposed) for i in range(len(w))]
        best = min(rotations, key=self._word_key)
        return self._generator("tr(" + " ".join(str(a) for a in best) + ")", sp.Trace(sp.MatMul(*best)), real=True)

    def determinant(self, p: Poly, shape: tuple) -> sp.Expr:
        size = shape[0]
        if len(p) == 1:
            (word, coeff), = p.items()
            if all(a.shape == shape for a in word):
                return self._sign_powers(coeff**size * sp.Mul(*(self._atom_det(a) for a in word)))
        if self._positive_definite(p):
            return self._generator(f"det({self.rebuild(p, shape)})", sp.Determinant(self.rebuild(p, shape)),
                                   positive=True)
        return self._generator(f"det({self.rebuild(p, shape)})", sp.Determinant(self.rebuild(p, shape)), real=True)

    def _atom_det(self, a: sp.Basic) -> sp.Expr:
        if a in self.opaque:
            x, shape = self.opaque[a]
            return 1 / self.determinant(x, shape)
        if isinstance(a, sp.Inverse):
            return 1 / self._atom_det(a.arg)
        base = a.arg if isinstance(a, sp.Transpose) else a
        if kind_of(base) == "orthogonal":
            sign = self._generator(f"det({base})", sp.Determinant(base), real=True)
            self.signs.add(sign)
            return sign
        return self._generator(f"det({base})", sp.Determinant(base), positive=kind_of(base) in POSITIVE_DET,
                               real=True)

    def _positive_definite(self, p: Poly) -> bool:
        """A positive combination of positive definite atoms (or of their inverses)."""
        def atom_pd(a: sp.Basic) -> bool:
            if a in self.opaque:
                return self._positive_definite(self.opaque[a][0])
            base = a.arg if isinstance(a, sp.Inverse) else a
            return isinstance(base, sp.MatrixSymbol) and kind_of(base) in {"positive definite", "diagonal"}
        return bool(p) and all(len(w) <= 1 and all(atom_pd(a) for a in w) and provably(c, "positive", self.positive)
                               for w, c in p.items())

    def collapse(self, expr: sp.Basic) -> sp.Basic:
        collapsed = sp.block_collapse(expr) if expr.has(sp.BlockMatrix) else expr
        if isinstance(collapsed, sp.BlockMatrix):
            if collapsed.blockshape != (1, 1):
                raise Unsupported("a block matrix where a 1 x 1 product was expected")
            return collapsed.blocks[0, 0]
        return collapsed

    def scalar(self, expr: sp.Basic) -> sp.Expr:
        """``expr`` with every ScalarOf, trace and determinant replaced by generators."""
        if isinstance(expr, ScalarOf):
            p = self.poly(self.collapse(expr.args[0]))
            p = self.reduce(p) if self.reducing else p
            return sp.Add(*(self.scalar(c) * self.trace(w, sp.S.One) for w, c in p.items()))
        if isinstance(expr, sp.Trace):
            p = self.poly(self.collapse(expr.arg))
            p = self.reduce(p) if self.reducing else p
            return sp.Add(*(self.scalar(c) * self.trace(w, expr.arg.shape[0]) for w, c in p.items()))
        if isinstance(expr, sp.Determinant):
            return self.determinant(self.poly(self.collapse(expr.arg)), expr.arg.shape)
        if isinstance(expr, MatrixExpr):
            raise Unsupported("a matrix inside a scalar expression (wrap a 1 x 1 product in ScalarOf)")
        if not expr.args:
            return expr
        return expr.func(*(self.scalar(a) for a in expr.args))

    def combined(self, expr: sp.Expr) -> sp.Expr | None:
        """A scalar linear in ScalarOf terms, all of them as one polynomial reduced together (None if not linear).

        Each 1 x 1 word is first written in one orientation (a number is its own transpose), so that
        terms from different ScalarOf meet before the relations of inverses are added.
        """
        hidden = {term: sp.Dummy("q") for term in expr.atoms(ScalarOf)}
        if not hidden:
            return None
        try:
            poly = sp.Poly(sp.expand(expr.xreplace(hidden)), *hidden.values())
        except sp.PolynomialError:
            return None
        if poly.total_degree() > 1:
            return None
        total: Poly = {}
        for term, dummy in hidden.items():
            coeff = poly.coeff_monomial(dummy)
            total = _plus(total, self._oriented(self.poly(self.collapse(term.args[0]))), coeff)
        constant = poly.coeff_monomial(1)
        reduced = self.reduce(total)
        return self.scalar(constant) + sp.Add(*(self.scalar(c) * self.trace(w, sp.S.One) for w, c in reduced.items()))

    def _oriented(self, p: Poly) -> Poly:
        out: Poly = {}
        for word, coeff in p.items():
            flipped = self.join((), tuple(self.transpose_atom(a) for a in reversed(word)))
            key = min((word, flipped), key=self._word_key)
            out = _plus(out, {key: coeff})
        return out

    def _sign_powers(self, expr: sp.Expr) -> sp.Expr:
        """``(det Q)^k`` as ``(det Q)^(k mod 2)``: ``(det Q)^2 = det(Q^T Q) = 1`` for an orthogonal ``Q``."""
        if not self.signs:
            return expr
        return expr.replace(lambda e: e.is_Pow and e.base in self.signs and e.exp.is_Integer,
                            lambda e: e.base ** (int(e.exp) % 2))

    def without_signs(self, expr: sp.Expr) -> sp.Expr:
        return self._sign_powers(sp.expand(expr)) if self.signs else expr
