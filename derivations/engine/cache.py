"""A content-addressed store of proofs, so that a second run does not prove the same step again.

A proved verdict is stored under the SHA-256 of everything it depends on: both
sides (``srepr``, with every symbol's assumptions), the check settings, the source
of every module of the package (the engine, and the derivations whose named
functions unfold to their definitions), the source of any other module that defines
a function in the check, and the versions of Python, SymPy, mpmath and NumPy. A
different input, code or library is a different key, so a stored proof is always
the proof of exactly the check being asked. Only proofs are stored: a refutation or an undecided step is
checked again (its residual and counterexample are not worth a file).

The store lives in ``$DERIVATIONS_CACHE_DIR``, else ``$XDG_CACHE_HOME/derivations``,
else ``~/.cache/derivations``; ``DERIVATIONS_NO_CACHE=1`` turns it off. Like any
file in your home directory, it is trusted: a file there that says "proved" is
believed. A file that cannot be read is ignored, and failing to write one is not
an error.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import platform
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # SymPy is imported only to key or read a proof: a run that finds its files stored needs none
    import sympy as sp

    from derivations.engine.settings import CheckSettings
    from derivations.engine.verdict import Verdict

PACKAGE = Path(__file__).resolve().parents[1]


def enabled() -> bool:
    """Is the store on (``DERIVATIONS_NO_CACHE`` unset or empty)?"""
    return not os.environ.get("DERIVATIONS_NO_CACHE")


def folder() -> Path:
    """Where proofs are stored for this engine and these library versions."""
    root = os.environ.get("DERIVATIONS_CACHE_DIR")
    if not root:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        root = str(Path(base) / "derivations")
    return Path(root) / code_fingerprint()[:16]


@functools.cache
def code_fingerprint() -> str:
    """SHA-256 of the package's source and the versions a verdict depends on."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes() + b"\0")
    versions = (platform.python_version(), *(metadata.version(name) for name in ("sympy", "mpmath", "numpy")))
    digest.update(repr(versions).encode())
    return digest.hexdigest()


def key(lhs: sp.Expr, rhs: sp.Expr, settings: CheckSettings) -> str | None:
    """The store key of a check, or None if the check must not be stored.

    A check with a dummy symbol, or with a function whose defining source cannot be
    read, is not stored: then ``srepr`` does not say all it is.
    """
    from derivations.engine.srepr import srepr

    parts = [lhs, rhs, *settings.constraints, *settings.positive,
             *(part for item in settings.definitions.items() for part in item)]
    sources = set()
    for part in parts:
        found = _outside_sources(part)
        if found is None:
            return None
        sources |= found
    definitions = sorted((srepr(k), srepr(v)) for k, v in settings.definitions.items())
    text = repr((srepr(lhs), srepr(rhs), settings.effort, settings.witness_points, settings.seed,
                 [srepr(c) for c in settings.constraints], [srepr(p) for p in settings.positive],
                 definitions, sorted(_source_digest(path) for path in sources)))
    return hashlib.sha256(text.encode()).hexdigest()


def _outside_sources(expr: sp.Basic) -> set[str] | None:
    """The files outside SymPy and this package that define a class in ``expr`` (None: not storable)."""
    import sympy as sp

    found: set[str] = set()
    for node in sp.preorder_traversal(expr):
        if isinstance(node, sp.Dummy):
            return None
        module = type(node).__module__ or ""
        if module.startswith("sympy") or isinstance(node, sp.core.function.AppliedUndef) and not module:
            continue
        path = getattr(sys.modules.get(module), "__file__", None)
        if path is None:
            return None
        if _outside_package(path):
            found.add(path)
    return found


@functools.cache
def _outside_package(path: str) -> bool:
    """Whether the source file ``path`` lies outside this package (resolved once per path: it was 2 s a run)."""
    return not Path(path).resolve().is_relative_to(PACKAGE)


@functools.cache
def _source_digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def load(entry: str) -> Verdict | None:
    """The stored proof under ``entry``, or None."""
    import sympy as sp

    from derivations.engine.verdict import Outcome, Verdict

    data = get(entry)
    try:
        return Verdict(Outcome.PROVED, str(data["method"]), sp.S.Zero, None, int(data["witness_points"]),
                       tuple(str(t) for t in data["tried"]))
    except (ValueError, KeyError, TypeError):
        return None


def store(entry: str, verdict: Verdict) -> None:
    """Store a proof under ``entry`` (a verdict that is not a proof is not stored)."""
    if verdict.proved:
        put(entry, {"method": verdict.method, "witness_points": verdict.witness_points,
                    "tried": list(verdict.tried)})


def named(*parts: str) -> str:
    """A store key for something other than a check, made of ``parts`` and the code's fingerprint."""
    return hashlib.sha256(repr((code_fingerprint(), *parts)).encode()).hexdigest()


def get(entry: str) -> dict | None:
    """The JSON object stored under ``entry``, or None (missing, unreadable, or the store is off)."""
    if not enabled():
        return None
    try:
        data = json.loads((folder() / entry[:2] / entry).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def put(entry: str, data: dict) -> None:
    """Store the JSON object ``data`` under ``entry``, atomically; a failure to write is ignored."""
    if not enabled():
        return
    target = folder() / entry[:2] / entry
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".", dir=target.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(data, stream)
        os.replace(temp, target)
    except OSError:
        return
