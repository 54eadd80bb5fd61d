r"""The central limit theorem by characteristic functions.

.. math:: Z_n = \frac{1}{\sqrt n}\sum_{i=1}^{n}\frac{X_i - \mu}{\sigma}
          = \frac{\sum_i X_i - n\mu}{\sigma\sqrt n} = \frac{\bar X_n - \mu}{\sigma/\sqrt n},\qquad
          \log\varphi_{Z_n}(t) = n\log\varphi\left(\frac{t}{\sqrt n}\right) \xrightarrow{n\to\infty} -\frac{t^2}{2},

so :math:`\varphi_{Z_n}(t) \to e^{-t^2/2}` and :math:`Z_n \to \mathcal{N}(0, 1)` in distribution (Levy's
continuity theorem). The page: the three forms of :math:`Z_n` (source 003's two, source 001's one) shown
equal; the general step, for a standardised summand with :math:`\varphi(s) = 1 - \frac{s^2}{2} + s^2 r(s)`,
:math:`r(s) \to 0` (stated: Taylor's theorem with finite variance), with the limit
:math:`\log(1 + u)/u \to 1` proved; then two summands worked exactly, each limit checked by series
with its :math:`1/n` correction (:mod:`derivations.engine.limits`): a Rademacher sign
(:math:`\varphi = \cos`, correction :math:`-t^4/(12n)`) and a uniform on :math:`[-\sqrt3, \sqrt3]`
(:math:`\varphi(s) = \sin(\sqrt3 s)/(\sqrt3 s)`, correction :math:`-t^4/(20n)`). Source 001's statement
for a raw sum "regardless of their individual distributions" is recorded as a slip, with the Cauchy
counterexample.

References: source 001, "The Big Picture" (1.) and "Bonus: The Central Limit Theorem"; source 003,
both versions' :math:`Z_n`; Durrett, *Probability: Theory and Examples* (2019), thm. 3.3.17 (continuity
theorem), thm. 3.3.20 (Taylor) and thm. 3.4.1 (the CLT); Feller (1971), vol. II, sec. XV.4.
"""

from __future__ import annotations

import sympy as sp

from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.limits import limit_as
from derivations.engine.relations import DEFINITION, GIVEN

n, i = sp.Symbol("n", integer=True, positive=True), sp.Symbol("i", integer=True, positive=True)
X = sp.IndexedBase("X", real=True)
mu, sigma = sp.Symbol("mu", real=True), sp.Symbol("sigma", positive=True)
t, s, y = sp.Symbol("t", real=True), sp.Symbol("s", real=True), sp.Symbol("y", real=True)
u = sp.Symbol("u", positive=True)
r_n = sp.Symbol("r_n", real=True)
I = sp.I
ROOT3 = sp.sqrt(3)
#: The limit of the log characteristic function: that of N(0, 1).
LIMIT = -t**2 / 2


def _forms(d: Derivation) -> None:
    """Source 003's two normalised sums and source 001's standardised mean are one variable."""
    chatgpt = sp.Sum((X[i] - mu) / sigma, (i, 1, n)) / sp.sqrt(n)
    mistral = (sp.Sum(X[i], (i, 1, n)) - n * mu) / (sigma * sp.sqrt(n))
    course = (sp.Sum(X[i], (i, 1, n)) / n - mu) / (sigma / sp.sqrt(n))
    d.start(chatgpt, lhs="Z_n", relation=DEFINITION, heading="Three forms of Z_n",
            because="source 003, ChatGPT's version")
    d.then(mistral, because="linearity of the finite sum: source 003, Mistral's version")
    d.then(course, because=r"$\bar X_n = \frac1n\sum_i X_i$: source 001's form")


def _general(d: Derivation) -> None:
    """The general step: n log phi(t / sqrt n) -> -t^2/2 for a standardised summand."""
    d.start(sp.Pow(sp.Function(r"\varphi")(t / sp.sqrt(n)), n), lhs=r"\varphi_{Z_n}(t)", relation=GIVEN,
            heading="The characteristic function of Z_n",
            text=r"$Y_i = (X_i - \mu)/\sigma$ are i.i.d. with mean 0 and variance 1, characteristic function "
                 r"$\varphi$, "
                 r"and $Z_n = \sum_i Y_i/\sqrt n$.",
            because="independence: the characteristic function of a sum is the product (source 002, section 1)")
    d.start(1 + u, lhs=r"\varphi(s)", relation=GIVEN,
            text=r"with $u = -\frac{s^2}{2} + s^2 r(s)$",
            because=r"Taylor's theorem for a variable with $\mathbb{E}Y = 0$, $\mathbb{E}Y^2 = 1$: "
                    r"$r(s) \to 0$ as $s \to 0$ (Durrett, thm. 3.3.20)")
    d.start(sp.log(1 + u) / u, lhs=r"\frac{\log(1 + u)}{u}", relation=DEFINITION, because="the ratio")
    d.then(1, relation=limit_as(u, 0), tag="L", because=r"$u \to 0$")
    d.start(n * sp.log(1 - t**2 / (2 * n) + t**2 * r_n / n), lhs=r"n\log\varphi\left(\frac{t}{\sqrt n}\right)",
            relation=GIVEN, because=r"$s = t/\sqrt n$, $r_n = r(t/\sqrt n) \to 0$")
    d.start(LIMIT, lhs=r"\lim_{n \to \infty} n\log\varphi\left(\frac{t}{\sqrt n}\right)", relation=GIVEN,
            because=r"$n u_n = -\frac{t^2}{2} + t^2 r_n \to -\frac{t^2}{2}$ and $\frac{\log(1 + u_n)}{u_n} \to 1$ "
                    r"by (L), since $u_n \to 0$: the limit of the product")


def _rademacher(d: Derivation) -> None:
    """A Rademacher sign: phi = cos, and the limit with its 1/n correction."""
    d.start((sp.exp(I * s) + sp.exp(-I * s)) / 2, lhs=r"\varphi(s) = \mathbb{E}\left[e^{isY}\right]",
            relation=DEFINITION, heading="A Rademacher summand",
            text=r"$P(Y = 1) = P(Y = -1) = \frac12$: mean 0, variance 1.", because="two values, each with probability "
                                                                                   "1/2")
    d.then(sp.cos(s), because=r"Euler: $\cos s = \frac{e^{is} + e^{-is}}{2}$")
    d.start(n * sp.log(sp.cos(t / sp.sqrt(n))), lhs=r"\log\varphi_{Z_n}(t)", relation=DEFINITION,
            because=r"$n\log\varphi(t/\sqrt n)$")
    d.then(LIMIT, relation=limit_as(n), because=r"series in $1/n$: $-\frac{t^2}{2} - \frac{t^4}{12n} + O(n^{-2})$")
    d.start(sp.cos(t / sp.sqrt(n)) ** n, lhs=r"\varphi_{Z_n}(t)",
        relation=DEFINITION, because="the same, exponentiated")
    d.then(sp.exp(LIMIT), relation=limit_as(n), because=r"$\to e^{-t^2/2}$, the characteristic function of "
           r"$\mathcal{N}(0, 1)$")


def _uniform(d: Derivation) -> None:
    """A uniform summand on [-sqrt 3, sqrt 3]: phi(s) = sin(sqrt 3 s) / (sqrt 3 s)."""
    antiderivative = sp.Mul(sp.Add(3 * ROOT3, -(-3 * ROOT3), evaluate=False), sp.Pow(6 * ROOT3, -1, evaluate=False),
                            evaluate=False)
    d.start(antiderivative, display=antiderivative, lhs=r"\int_{-\sqrt3}^{\sqrt3} \frac{y^2}{2\sqrt3}\,dy",
            relation=GIVEN, heading="A uniform summand", text=r"$Y$ uniform on $[-\sqrt3, \sqrt3]$: mean 0, and",
            because=r"the antiderivative $\frac{y^3}{6\sqrt3}$ at $\pm\sqrt3$")
    d.then(1, because="variance 1")
    d.start(sp.Add(sp.sin(ROOT3 * s), -sp.sin(-ROOT3 * s, evaluate=False), evaluate=False) / (2 * ROOT3 * s),
            relation=GIVEN, lhs=r"\varphi(s) = \int_{-\sqrt3}^{\sqrt3} \frac{\cos(sy)}{2\sqrt3}\,dy",
            because=r"$Y$ is symmetric, so $\mathbb{E}\sin(sY) = 0$; the antiderivative $\frac{\sin(sy)}{2\sqrt3\, s}$ "
                    r"at $\pm\sqrt3$ ($s \ne 0$; $\varphi(0) = 1$)")
    d.then(sp.sin(ROOT3 * s) / (ROOT3 * s), because=r"$\sin$ is odd")
    phi = sp.sin(ROOT3 * t / sp.sqrt(n)) / (ROOT3 * t / sp.sqrt(n))
    d.start(n * sp.log(phi), lhs=r"\log\varphi_{Z_n}(t)", relation=DEFINITION, because=r"$n\log\varphi(t/\sqrt n)$")
    d.then(LIMIT, relation=limit_as(n), because=r"series in $1/n$: $-\frac{t^2}{2} - \frac{t^4}{20n} + O(n^{-2})$")


def _continuity(d: Derivation) -> None:
    """Levy's continuity theorem turns the limit of phi_{Z_n} into convergence in distribution."""
    d.start(sp.exp(LIMIT), lhs=r"\lim_{n\to\infty}\varphi_{Z_n}(t)", relation=GIVEN, heading="The limit law",
            because=r"$\exp$ is continuous: the limits above, for every $t$")
    d.then(sp.exp(I * t * 0 - 1 * t**2 / 2), because=r"the characteristic function of $\mathcal{N}(0, 1)$ "
           r"(characteristic_function); by Levy's continuity theorem $Z_n \to \mathcal{N}(0, 1)$ in distribution")


def _slip(d: Derivation) -> None:
    """Source 001: 'the sum of many independent random variables converges to a Gaussian, regardless ...'."""
    d.start(-n * sp.log(sp.exp(-sp.Abs(t) / n)), lhs=r"-\log\varphi_{\bar X_n}(t) = "
            r"-n\log\varphi_{\mathrm{Cauchy}}(t/n)", relation=DEFINITION,
            heading="Without a finite variance: the Cauchy mean",
            text=r"For i.i.d. standard Cauchy $X_i$, $\varphi(t) = e^{-|t|}$ (no mean, no variance).",
            because="independence: the characteristic function of the mean")
    d.then(sp.Abs(t), because=r"for every $n$ the mean $\bar X_n$ is standard Cauchy, not normal")
    d.slip(where="001, 'The Big Picture', 1. Central Limit Theorem", source_line=-t**2 / 2, corrected=-sp.Abs(t),
           note=r"Source 001: 'The sum of many independent random variables converges to a Gaussian, regardless of "
                r"their individual distributions.' The raw sum does not converge (its variance $n\sigma^2$ grows; "
                r"for Rademacher signs $\varphi_{S_n}(t) = \cos^n t \to 0$ for $t \notin \pi\mathbb{Z}$): the theorem "
                r"is for the standardised sum $Z_n$ (as the 'Bonus' section and source 003 state it), and it needs a "
                r"finite variance: the Cauchy mean keeps $\log\varphi = -|t|$ for every $n$, never the Gaussian "
                r"$-t^2/2$ (the refuted line).")


def build() -> Derivation:
    """The derivation, unchecked."""
    d = Derivation("central_limit", title="The central limit theorem by characteristic functions",
                   sources=("source 001, 'The Big Picture' and 'Bonus: The Central Limit Theorem'",
                            "source 003, the normalised sums of both versions",
                            "Durrett (2019), thms. 3.3.17, 3.3.20, 3.4.1"))
    _forms(d)
    _general(d)
    _rademacher(d)
    _uniform(d)
    _slip(d)
    _continuity(d)
    d.conclude(known=sp.exp(-t**2 / 2), lhs=r"\lim_{n\to\infty}\varphi_{Z_n}(t)",
               source="source 001 and source 003: Z_n -> N(0, 1); Durrett (2019), thm. 3.4.1")
    return d


def derive() -> CheckedDerivation:
    """Build and check the derivation; pure, no file I/O."""
    return build().check()


if __name__ == "__main__":
    from derivations.latex.script import run_script

    run_script(derive)
