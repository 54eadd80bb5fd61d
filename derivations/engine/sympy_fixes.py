"""Facts SymPy 1.14 states wrongly, corrected before any check relies on them.

``Product._eval_is_extended_nonpositive`` says an empty product (``Product(f(t), (t, 1, 0))``, whose
value is 1) is nonpositive. With ``_eval_is_nonnegative`` (rightly True) the assumption system then
infers that it is zero, but only when it asks the two questions in that order, which depends on the
order of sets hashed by object identity: ``log`` of an empty telescoping product became ``zoo`` in
about one run in six, on the same input and hash seed. An empty product is 1: positive, never
nonpositive. (SymPy ``sympy/concrete/products.py``; the value of an empty product is 1 by
definition, Karr (1981), J. ACM 28(2), sec. 1.)
"""

from __future__ import annotations

from sympy.concrete.products import Product


def _eval_is_extended_nonpositive(self: Product) -> bool | None:
    if self.has_empty_sequence:
        return False  # the empty product is 1
    return None


Product._eval_is_extended_nonpositive = _eval_is_extended_nonpositive
Product._prop_handler["extended_nonpositive"] = _eval_is_extended_nonpositive  # SymPy reads its handlers from here
