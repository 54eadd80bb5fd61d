r"""Does a post speak of matrices, and which of its names does it say are matrices?

A plain capital is a number to the reader, and numbers commute: ``AB = BA``. In a post that
speaks of matrices its plain capitals may be matrices, so a product of two of them is unread
(:func:`derivations.latex.matrix_names.commuted_matrices`); so is a product of two names the post
declares matrices in words ("Let $\theta$ and $\phi$ be rotation matrices") or as
:math:`a \in \mathbb{R}^{n \times m}`.
"""

from __future__ import annotations

import re

from derivations.latex.names import read_name

#: Words and notation that show matrices (or other products that do not commute, quaternions): "matrix",
#: "unitary", a matrix environment, R^{n x m}, GL(n), d x d, shape (n, n), a bold capital (not I).
_MATRIX_WORDS = re.compile(r"\bmatri(?:x|ces)\b|\bJacobians?\b|\bHessians?\b|\borthogonal\b|\brotations?\b"
                           r"|\binvertible\b|\beigen|\bunitary\b|\blinear (?:operators?|maps?|transformations?)\b"
                           r"|\bquaternions?\b", re.IGNORECASE)
#: The groups of matrices: GL(n), SO(3), U(n) (not a uniform law U(1, T)).
_GROUP = r"(?:\\(?:mathrm|operatorname|text)\s*\{)?(?:(?:GL|SL|SO|SU)\}?\s*\(|[OU]\}?\s*\(\s*\w+\s*\))"
#: R^{n x m} or C^{n x m}
_SPACE = r"\\mathbb\s*\{?[RC]\}?\s*\^\s*\{[^{}]*\\times"
_MATRIX_MATH = re.compile(r"\\begin\s*\{(?:[pbvVB]?matrix|array)\*?\}|" + _SPACE + "|" + _GROUP +
                          r"|\\(?:mathbf|boldsymbol|bm|textbf)\s*\{?\s*(?!I\b)[A-Z]|[A-Za-z]\s*\\times\s*[A-Za-z]"
                          r"|\bshape\s*\$?\s*\(\s*\w+\s*,\s*\w+\s*\)")  # has shape (n, n); a Gamma's shape is no matrix
#: ``A, B \in \mathbb{R}^{n \times n}`` (or a group, ``\in SO(3)``): the names before the set.
#: A name as a declaration writes it: ``w_t``, ``\\theta``, ``\\mathbf{w}_t``.
_NAME = r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*\\?[A-Za-z]+\s*\}|\\?[A-Za-z]+)(?:_\{?[^{}\s$,]*\}?)?"
_IN_MATRICES = re.compile(r"((?:" + _NAME + r"\s*,\s*)*" + _NAME + r")\s*\\in\s*(?:" + _SPACE + "|" + _GROUP + ")")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n\s*\n")
_INLINE = re.compile(r"(?<![$\\])\$([^$]+)\$(?!\$)|\\\((.+?)\\\)")


def speaks_of_matrices(text: str) -> bool:
    """Does the post say "matrix" (or show one: an environment, R^{n x m}, a bold capital other than I)?"""
    return bool(_MATRIX_WORDS.search(text) or _MATRIX_MATH.search(text))


def declared_matrices(text: str) -> frozenset[str]:
    """The SymPy names the post declares matrices: in a sentence that says "matrix", or before ``\\in R^{n x m}``."""
    found: set[str] = set()
    for match in _IN_MATRICES.finditer(text):
        found |= _names(match.group(1))
    for sentence in _SENTENCE.split(text):
        if _MATRIX_WORDS.search(sentence):
            for span in _INLINE.finditer(sentence):
                found |= _names(span.group(1) or span.group(2))
    return frozenset(found)


def _names(math: str) -> set[str]:
    """The names of a comma list of names (``a, b``, ``\\theta``); none if it is anything else."""
    names = set()
    for piece in math.split(","):
        piece = piece.strip()
        found = read_name(piece, 0) if piece else None
        if found is None or found[1] != len(piece):
            return set()
        names.add(found[0].sympy_name)
    return names


#: A value that is a number times the identity (``(\beta_t / \alpha_t)\mathbf{I}``): symmetric.
_A_MULTIPLE_OF_I = re.compile(r"(?:(?!\\begin|\\top|\^T|\\(?:mathbf|boldsymbol|bm)\s*\{?\s*(?!I\b)[A-Za-z])"
                              r"[^A-HJ-Z])*\\(?:mathbf|boldsymbol|bm)\s*\{?\s*I\s*\}?(?:_\{?\w*\}?)?")
_COVARIANCE_NAME = re.compile(r"\\(?:Sigma|Lambda)(?:_\{[^{}$]*\}|_\\?[A-Za-z0-9]+)?")
#: A Sigma or Lambda the post sets to something (``\Sigma = ...``): a general matrix unless the reader sees why not.
_DEFINED_COVARIANCE = re.compile(r"(\\(?:Sigma|Lambda)(?:_\{[^{}$]*\}|_\\?[A-Za-z0-9]+)?)\s*(?:\\coloneqq|:=|=(?!=))")
_NOT_A_COVARIANCE = re.compile(r"cross-?covariance|not symmetric|non-?symmetric|asymmetric|\bgeneral\b|\brotation",
                               re.IGNORECASE)


def general_covariances(text: str) -> frozenset[str]:
    r"""The Sigmas and Lambdas not to be taken symmetric positive definite: those the post sets to a value (a
    matrix it writes out, a product :math:`\mathbf{A}\mathbf{B}`) and those a sentence calls general or a
    cross-covariance. The convention is the reader's; a post that says what its matrix is decides."""
    found = {m.group(1) for m in _DEFINED_COVARIANCE.finditer(text) if not _A_MULTIPLE_OF_I.fullmatch(
        re.split(r"[$,;]|\\q?quad|\.\s|\n", text[m.end():], maxsplit=1)[0].strip())}
    for sentence in _SENTENCE.split(text):
        if _NOT_A_COVARIANCE.search(sentence):
            found |= {m.group(0) for m in _COVARIANCE_NAME.finditer(sentence)}
    names = set()
    for tex in found:
        read = read_name(tex, 0)
        if read is not None:
            names.add(read[0].sympy_name)
    return frozenset(names)
