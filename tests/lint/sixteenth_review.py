# ruff: noqa: E501  (the posts as the review wrote them, one a line)
r"""The sixteenth adversarial review's findings (December 2026, "find a false proved", 45 minutes on the horizon T,
clauses parted by wide spaces, variances and the last terms of a family): 14 false proofs, each fixed.
tests/lint/test_recent_reviews.py runs them.

* F1. ``T \in (0, 1)`` kept the horizon a whole number: only a set of whole numbers from 1 agrees with it now.
* F2. ``T = t`` with ``t = 0``: only ``t = T`` (an instant, "at t = T") leaves T alone; ``T = t`` sets it.
* F3, F6. A bound behind a comma and ``\quad``, or written ``{T}``, ``\ T``, ``\left. T \right.``: the name is read
  without its spacing, styles and braces (lint.mentions).
* F4. A relation in parentheses or brackets, or after a wide space, in a display row (``x_T = x_0 \quad (T = 0)``):
  a pin of a name to a number there counts (lint.clauses).
* F5. Words that let T be 0 or no whole number ("nonnegative integer", "allowed to be $0$", "no diffusion steps",
  "real number"): void the horizon (lint.horizon).
* F7. ``-\sigma = \text{Var}(x)``, ``\mathbb{V}[X] = -\sigma``: a variance is no function a row defines, and a
  number at least 0.
* F8. ``\text{where } \sigma = -2`` after a wide space: the name after the words is read.
* F9. ``\sum_{t=2}^{T-1}`` runs backwards at T = 1: a range that may run backwards is never proved from Karr's
  convention, whether the post speaks of its end or not.
"""

_D = "A note on diffusion models (DDPM). "
_SPLIT = "\n\n$$\n\\sum_{t=1}^{T} x_t = x_1 + \\sum_{t=2}^{T} x_t\n$$\n"
_ROOT = "\n\n$$\n\\sqrt{\\sigma^2} = \\sigma\n$$\n"

FOUND = {
    "F1 T in (0, 1)": _D + "The loss is $L = \\sum_{t=1}^{T} L_t$. In the continuous-time variant the horizon is a fraction, $T \\in (0, 1)$.\n\n$$\n(-1)^{2T} = 1\n$$\n",
    "F1 T a positive real": _D + "The loss is $L = \\sum_{t=1}^{T} L_t$, and $T$ is a positive real number.\n\n$$\n(-1)^{2T} = 1\n$$\n",
    "F1 T > 0": _D + "The loss is $L = \\sum_{t=1}^{T} L_t$ with $T > 0$.\n\n$$\n(-1)^{2T} = 1\n$$\n",
    "F2 T = t, t = 0": _D + "Set $t = 0$ and $T = t$: the chain has no steps." + _SPLIT,
    "F2 T = t, t = 1/2": _D + "Take $T = t$, $t = 1/2$." + _SPLIT,
    "F3a comma, quad, T >= 0": _D + "Start from $\\mathbf{x}_T \\sim \\mathcal{N}(\\mathbf{0}, \\mathbf{I}), \\quad T \\ge 0$." + _SPLIT,
    "F3b comma, quad, T in N": _D + "Start from $\\mathbf{x}_T \\sim \\mathcal{N}(\\mathbf{0}, \\mathbf{I}), \\quad T \\in \\mathbb{N}$." + _SPLIT,
    "F3c comma, quad, sigma >= -1": "A note on probability. Let $x = \\mu + \\sigma z, \\quad \\sigma \\ge -1$." + _ROOT,
    "F4 (T = 0) after a quad": _D + "With no steps the chain is just the data:\n\n$$\nx_T = x_0 \\quad (T = 0)\n$$\n\nThe loss splits off its first term:" + _SPLIT,
    "F4 [T = 0] after a quad": _D + "Then:\n\n$$\ny = 1 \\quad [T = 0]\n$$\n" + _SPLIT,
    "F4 hspace T = 0": _D + "Then:\n\n$$\ny = 1 \\hspace{1em} T = 0\n$$\n" + _SPLIT,
    "F4 (T = 0) after the step": _D + "Then:" + _SPLIT + "\n$$\ny = 1 \\quad (T = 0)\n$$\n",
    "F5a nonnegative integer": _D + "Here $T$ is a nonnegative integer." + _SPLIT,
    "F5b allowed to be 0": _D + "The chain has $T$ steps, and $T$ is allowed to be $0$." + _SPLIT,
    "F5 any natural number, including zero": _D + "Let $T$ be any natural number, including zero." + _SPLIT,
    "F5 plain text T = 0": _D + "Set T = 0 in what follows." + _SPLIT,
    "F5 no diffusion steps": _D + "Suppose there are no diffusion steps, so T is 0." + _SPLIT,
    "F6 {T} >= 0": _D + "Here ${T} \\ge 0$." + _SPLIT,
    "F6 left. T right. >= 0": _D + "Here $\\left. T \\right. \\ge 0$." + _SPLIT,
    "F6 \\ T >= 0": _D + "Here $\\ T \\ge 0$." + _SPLIT,
    "F7a -sigma = Var(x)": "A note on probability. Let $-\\sigma = \\text{Var}(x)$." + _ROOT,
    "F7b V[X] = -sigma": "A note on probability. Let $\\mathbb{V}[X] = -\\sigma$." + _ROOT,
    "F7 Var(x) + sigma = 0": "A note on probability. Let $\\text{Var}(x) + \\sigma = 0$." + _ROOT,
    "F8a where sigma = -2 after a quad": "A note on probability. Let $x = \\mu + \\sigma z, \\quad \\text{where } \\sigma = -2$." + _ROOT,
    "F8b a label, a quad, sigma = -2": "A note on probability. Let $\\text{sample}: \\quad \\sigma = -2$." + _ROOT,
    "F9 a range that runs backwards at T = 1": _D + "\n\n$$\n\\sum_{t=1}^{T} a_t = a_1 + a_T + \\sum_{t=2}^{T-1} a_t\n$$\n",
    "F9 a sum from 2 to T - 1": _D + "\n\n$$\n\\sum_{t=1}^{T-1} x_t = x_1 + \\sum_{t=2}^{T-1} x_t\n$$\n",
}
