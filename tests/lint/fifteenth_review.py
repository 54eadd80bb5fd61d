# ruff: noqa: E501  (the posts as the review wrote them, one a line)
r"""The fifteenth adversarial review's findings (December 2026, "find a false proved", 25 minutes on the ranges
written out as a reader reads them, expectations under x ~ q, the functions a post defines, and matrix families):
23 false proofs. tests/lint/test_recent_reviews.py runs them.

Fixed (``FOUND``):

* R, S. An inner range that the outer index may make empty, where the outer range is not written out (more than
  200 terms, or a symbolic end): unread now, since SymPy's closed form counts it by Karr's convention.
* L. A limit that is a number but no integer (5/2, 2.5, sqrt 2): unread.
* M. Members of a family declared matrices (w_1, w_2 of w_t) and a product over such a family commute nowhere.
* F1, F2. "A naive guess is ...": "naive" and "guess" negate a sentence; a next sentence that takes it back
  ("That is wrong") is part of it (lint.extract), and the words between this math and the next are read
  (lint.cues read none after the math's closing dollar).

* M5. A bold family declared in R^{d x d} (``\\mathbf{w}_t``) is declared too (lint.matrix_talk read ``t``).
* F3. A display the prose before it takes back ("The next display is wrong") defines nothing (lint.extract).
"""

_M = "Let $w_t \\in \\mathbb{R}^{d \\times d}$.\n\n"


def _p(*displays, prose="A post."):
    return prose + "\n\n" + "".join(f"$$\n{d}\n$$\n\n" for d in displays)


FOUND = {
    # --- R. more than 200 terms: Karr's convention for the inner ranges ---------------------------------
    # As written, t = 1, 2 give empty inner sums; sum_{t=3}^{300} (t-2) = 298*299/2 = 44551, not 44550.
    "R1 nested sum over 300 terms, inner range reversed at t = 1":
        _p(r"\sum_{t=1}^{300}\sum_{s=1}^{t-2} 1 = 44550"),
    # Left: t = 1, 2 give empty products (1, 1); right: 2^{-1} + 2^0. The sides differ by 1/2.
    "R2 nested product over 250 terms":
        _p(r"\sum_{t=1}^{250}\prod_{s=1}^{t-2} 2 = \sum_{t=1}^{250} 2^{t-2}"),
    # Left: 2^{sum_{t=3}^{250}(t-2)}; right has the extra factor 2^{(-1) + 0} = 1/2.
    "R3 nested products over 250 terms, exponent":
        _p(r"\prod_{t=1}^{250}\prod_{s=1}^{t-2} 2 = 2^{\sum_{t=1}^{250} (t-2)}"),
    # 301 terms from a symbolic start: at t = n the inner sum s = n..n-2 is empty (0); the right side has -1 there.
    "R4 symbolic start, 301 terms":
        _p(r"\sum_{t=n}^{n+300}\sum_{s=n}^{t-2} 1 = \sum_{t=n}^{n+300} (t-n-1)"),

    # --- L. limits that are not integers -----------------------------------------------------------------
    # The index runs over k = 1, 2 (k <= 5/2): 1 + 2 = 3, not 35/8.
    "L1 sum to 5/2": _p(r"\sum_{k=1}^{5/2} k = \frac{35}{8}"),
    # Two terms (k = 1, 2), not 5/2 of them.
    "L2 sum of ones to 5/2": _p(r"\sum_{k=1}^{5/2} 1 = \frac{5}{2}"),
    # One factor (k = 1): 2, not 2^{3/2}.
    "L3 product to 3/2": _p(r"\prod_{k=1}^{3/2} 2 = 2^{3/2}"),
    "L4 sum to 2.5 (a float)": _p(r"\sum_{k=1}^{2.5} 1 = 2.5"),
    # Only k = 1 <= sqrt 2: the sum is 1.
    "L5 sum to sqrt 2": _p(r"\sum_{k=1}^{\sqrt{2}} k = 1 + \frac{\sqrt{2}}{2}"),

    # --- S. symbolic outer limit, the post silent about it: Karr's closed form ---------------------------
    # As written the left is (n-1)(n-2)/2 for n >= 1 (0 for n <= 0); n(n-3)/2 is 1 less for every n >= 1.
    "S1 nested, closed form, n unconstrained":
        _p(r"\sum_{t=1}^{n}\sum_{s=1}^{t-2} 1 = \frac{n(n-3)}{2}"),
    # The t = 1 term: empty (0) on the left, -1 on the right.
    "S2 nested, inner sum replaced by t - 2":
        _p(r"\sum_{t=1}^{n}\sum_{s=1}^{t-2} 1 = \sum_{t=1}^{n} (t-2)"),
    "S3 nested from t = 0":
        _p(r"\sum_{t=0}^{n}\sum_{s=1}^{t-2} 1 = \sum_{t=0}^{n} (t-2)"),

    # --- M. matrices that commute -------------------------------------------------------------------------
    # w_1, w_2 are d x d matrices: w_1 w_2 != w_2 w_1 in general.
    "M1 members of a declared matrix family": _p(r"w_1 w_2 = w_2 w_1", prose=_M.strip()),
    "M2 family declared in words": _p(r"w_1 w_2 = w_2 w_1", prose="Here each $w_t$ is a $d \\times d$ matrix."),
    "M3 rotation matrices r_t": _p(r"r_1 r_2 = r_2 r_1", prose="Let $r_t$ be rotation matrices."),
    "M4 two lowercase families": _p(r"a_1 b_1 = b_1 a_1", prose="Let $a_i$ and $b_i$ be $d \\times d$ matrices."),
    "M5 bold family in R^{d x d}": _p(r"\mathbf{w}_1 \mathbf{w}_2 = \mathbf{w}_2 \mathbf{w}_1", prose="Let $\\mathbf{w}_t \\in \\mathbb{R}^{d \\times d}$."),
    # w_1 w_2 w_3 versus w_3 w_2 w_1.
    "M7 concrete product reversed": _p(r"\prod_{t=1}^{3} w_t = \prod_{t=1}^{3} w_{4-t}", prose=_M.strip()),
    # (w_1 + w_2)^2 = w_1^2 + w_1 w_2 + w_2 w_1 + w_2^2.
    "M8 binomial square of matrices": _p(r"(w_1 + w_2)^2 = w_1^2 + 2 w_1 w_2 + w_2^2", prose=_M.strip()),
    # (w_1 w_2)^{-1} = w_2^{-1} w_1^{-1}.
    "M9 inverse of a product": _p(r"(w_1 w_2)^{-1} = w_1^{-1} w_2^{-1}", prose="Let $w_t \\in \\mathbb{R}^{d \\times d}$ be invertible."),

    # --- F. a definition rejected outside its own sentence ------------------------------------------------
    # f is the cube: 2 f(2) = 16, not 8.
    "F1 rejected in the next sentence": _p(r"2 f(2) = 8", prose="Let $f(x) = x^2$. That is wrong: $f$ is the cube."),
    "F2 'a naive guess ...; the real f is'": _p(r"2 f(2) = 8", prose="A naive guess is $f(x) = x^2$; the real $f$ is the cube."),
    "F3 the display rejected in the prose before it":
        _p(r"f(x) = x^2", r"2 f(2) = 8", prose="The next display is wrong; $f$ is really the cube."),
}

