"""Reading a recorded result back: a SymPy ``srepr`` string parsed, never run through ``eval``.

``derivations run`` records each result as ``srepr`` text (``output/NAME.json``, field
``result.srepr``). The folder a command reads records from is the user's, so the text is
untrusted: :func:`read_srepr` parses it with :mod:`ast` and builds the expression from an
explicit whitelist of classes, the only shapes ``srepr`` writes for our results.

* ``Symbol('x', positive=True)`` and ``Function('f', real=True)(args)``: a name and assumptions;
* ``Str('name')``, ``Integer(n)``, ``Rational(p, q)``: the only calls that take constants;
* any other whitelisted class (SymPy's, the engine's, every function class of the package) takes
  expressions only; ``pi``, ``E``, ``I``, ``oo`` and ``-oo`` are read as names.

Everything else (attributes, subscripts, lambdas, other names, floats, strings elsewhere)
is refused with :class:`~derivations.errors.BadInputError` (a ``ValueError``).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Sequence

import sympy as sp
from sympy.core.symbol import Str

from derivations.engine import densities, expectation, matrices, matrix_symbols, probability
from derivations.errors import BadInputError

#: The SymPy classes the results' ``srepr`` uses (and a few plain functions of the same kind).
SYMPY_CLASSES: tuple[type, ...] = (
    sp.Add, sp.Mul, sp.Pow, sp.Tuple, sp.exp, sp.log, sp.Abs, sp.sin, sp.cos,
    sp.Sum, sp.Product, sp.Integral, sp.Derivative,
    sp.MatAdd, sp.MatMul, sp.Inverse, sp.Transpose, sp.Determinant, sp.Trace, sp.Identity,
)
#: The engine's classes (the other layers' function classes are found by :func:`package_functions`).
ENGINE_CLASSES: tuple[type, ...] = (
    densities.NormalPDF, matrices.MVNormalPDF, expectation.Expectation,
    *matrix_symbols.KindedMatrix.__subclasses__(), probability.Density, probability.Expectation, probability.Divergence,
    probability.Trajectory, probability.TrajectoryTerm,
    matrix_symbols.Difference, matrix_symbols.Total, matrix_symbols.ScalarOf,
)
CONSTANTS: dict[str, sp.Basic] = {"pi": sp.pi, "E": sp.E, "I": sp.I, "oo": sp.oo}
#: The assumptions a ``Symbol`` or ``Function`` may be given, each ``True`` or ``False``.
ASSUMPTIONS = frozenset({
    "real", "positive", "negative", "nonnegative", "nonpositive", "nonzero", "zero", "integer",
    "rational", "complex", "finite", "extended_real", "commutative", "odd", "even", "imaginary",
})
#: A power of a number is computed exactly: at most this many bits (no exponent bombs).
MAX_POWER_BITS = 100_000
_LEAVES: dict[str, type] = {"Symbol": sp.Symbol, "Str": Str, "Integer": sp.Integer, "Rational": sp.Rational}


def _refuse(node: ast.AST, why: str) -> BadInputError:
    text = ast.unparse(node)
    return BadInputError(f"not a SymPy record: {why}: {text[:60]}{'...' if len(text) > 60 else ''}")


def read_srepr(text: str, classes: Iterable[type] | None = None) -> sp.Expr:
    """The expression whose ``sp.srepr`` is ``text``, built from the whitelisted classes without ``eval``.

    Built as SymPy builds it; a record that SymPy would rearrange (a result the derivation
    wrote with ``evaluate=False``) is rebuilt unevaluated, so ``srepr`` of the result is ``text``.
    ``classes`` are whitelisted besides SymPy's and the engine's; default :func:`package_functions`.

    >>> x = sp.Symbol("x", positive=True)
    >>> read_srepr(sp.srepr(sp.sqrt(x) + sp.pi)) == sp.sqrt(x) + sp.pi
    True

    Raises:
        BadInputError: (a ``ValueError``) ``text`` is not such a record.
    """
    if not isinstance(text, str):
        raise BadInputError(f"not a SymPy record: {type(text).__name__}, not text")
    try:
        tree = ast.parse(text, mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
        raise BadInputError(f"not a SymPy record: not Python syntax ({error})") from None
    known = _by_name(package_functions() if classes is None else classes)
    result = _build(tree.body, known)
    if sp.srepr(result) != text:  # recorded unevaluated (built with evaluate=False): keep its tree
        with sp.evaluate(False):
            result = _build(tree.body, known)
    if not isinstance(result, sp.Expr):
        raise _refuse(tree.body, "not an expression")
    return result


def package_functions() -> tuple[type, ...]:
    """The function classes (and matrix kinds) this package has defined so far, in any layer.

    Found by walking subclasses, so the engine imports no other layer; a derivation's
    functions are whitelisted once its module is imported (``registry.deriver(name)``).
    """
    found, todo = [], [sp.Function, matrix_symbols.KindedMatrix]
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        if (cls.__module__ or "").startswith("derivations.") and not cls.__name__.startswith("_"):
            found.append(cls)
    return tuple(found)


def _by_name(classes: Iterable[type]) -> dict[str, list[type]]:
    """Whitelisted classes by name (a name may have several: chosen by the number of arguments)."""
    found: dict[str, list[type]] = {}
    for cls in (*SYMPY_CLASSES, *ENGINE_CLASSES, *classes):
        if cls not in found.setdefault(cls.__name__, []):
            found[cls.__name__].append(cls)
    return found


def _build(node: ast.expr, classes: dict[str, list[type]]) -> sp.Basic:
    if isinstance(node, ast.Name) and node.id in CONSTANTS:
        return CONSTANTS[node.id]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Name):
        return -_build(node.operand, classes)
    if not isinstance(node, ast.Call):
        raise _refuse(node, "only calls and the names pi, E, I, oo")
    if isinstance(node.func, ast.Call):  # Function('f')(x): an undefined function, applied
        head = node.func
        if not (isinstance(head.func, ast.Name) and head.func.id == "Function"):
            raise _refuse(node, "a call of a call other than Function(name)")
        function = _construct(head, sp.Function, _leaf_args(head), _assumptions(head))
        return _construct(node, function, [_build(arg, classes) for arg in node.args], _assumptions(node, ()))
    if not isinstance(node.func, ast.Name):
        raise _refuse(node, "only calls of a class by its bare name")
    name = node.func.id
    if name == "Float":
        raise _refuse(node, "a float (the derivations compute exactly)")
    if name in _LEAVES:
        keywords = _assumptions(node, ASSUMPTIONS if name == "Symbol" else ())
        return _construct(node, _LEAVES[name], _leaf_args(node), keywords)
    if name not in classes:
        raise _refuse(node, f"{name!r} is not a whitelisted class")
    args = [_build(arg, classes) for arg in node.args]
    cls = _choose(node, classes[name], len(args))
    if cls is sp.Pow:
        _check_power(node, args)
    return _construct(node, cls, args, _assumptions(node, ()))


def _leaf_args(node: ast.Call) -> list[object]:
    """The constant arguments of Symbol/Str/Function (a name) or Integer/Rational (integers)."""
    names = node.func.id in ("Symbol", "Str", "Function")
    wanted, count = (str, (1,)) if names else (int, (1,) if node.func.id == "Integer" else (1, 2))
    values = [_constant(arg) for arg in node.args]
    if len(values) not in count or not all(type(v) is wanted for v in values):
        raise _refuse(node, f"{node.func.id} takes {'a name' if names else 'integers'}")
    if names and values[0].startswith("__"):
        raise _refuse(node, "a dunder name")
    return values


def _constant(node: ast.expr) -> object:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant):
        value = node.operand.value
        return -value if type(value) is int else None
    return node.value if isinstance(node, ast.Constant) else None


def _assumptions(node: ast.Call, allowed: frozenset[str] | tuple = ASSUMPTIONS) -> dict[str, bool]:
    """The keyword arguments of ``node``: assumptions in ``allowed``, each ``True`` or ``False``."""
    found = {}
    for keyword in node.keywords:
        value = _constant(keyword.value)
        if keyword.arg not in allowed or type(value) is not bool:
            raise _refuse(node, "keywords are assumptions of a Symbol or Function, True or False")
        found[keyword.arg] = value
    return found


def _choose(node: ast.Call, candidates: Sequence[type], count: int) -> type:
    """The one class of that name that takes ``count`` arguments (two engine classes share a name)."""
    fitting = [cls for cls in candidates if count in getattr(cls, "nargs", sp.S.Naturals0)] or list(candidates)
    if len(fitting) > 1:
        raise _refuse(node, f"{len(fitting)} classes are called {node.func.id}")
    return fitting[0]


def _check_power(node: ast.Call, args: list[sp.Basic]) -> None:
    base, exponent = (args + [None, None])[:2]
    if isinstance(base, sp.Rational) and isinstance(exponent, sp.Rational):
        bits = max(int(base.p).bit_length(), int(base.q).bit_length())
        if abs(exponent) * bits > MAX_POWER_BITS:
            raise _refuse(node, f"a power of a number over {MAX_POWER_BITS} bits")


def _construct(node: ast.Call, cls: type, args: list, keywords: dict[str, bool]) -> sp.Basic:
    try:
        return cls(*args, **keywords)
    except Exception as error:  # a constructor's refusal: wrong arguments for that class
        raise _refuse(node, f"{type(error).__name__}: {error}") from None
