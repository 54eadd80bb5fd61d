r"""The Gaussian integral, :math:`\int_{-\infty}^{\infty} e^{-x^2}\,dx = \sqrt{\pi}`, by polar coordinates.

.. math:: I^2 = \int\!\!\int e^{-(x^2 + y^2)}\,dx\,dy
          = \int_0^{2\pi}\!\!\int_0^{\infty} e^{-r^2}\, r\,dr\,d\theta
          = 2\pi \lim_{R\to\infty} \frac{1 - e^{-R^2}}{2} = \pi,
          \qquad I = \sqrt{\pi}\ (I > 0).

This is the fact the engine's integral rule (:mod:`derivations.engine.integrals`) rests on,
so no line here is checked by that rule: the steps SymPy cannot follow (Fubini, the change to
polar coordinates, the improper integral as a limit) are stated with their theorems; the
polar identity :math:`x^2 + y^2 = r^2`, the Jacobian :math:`r`, the antiderivative (by
differentiation, Leibniz's rule) and the limit (by series, :mod:`derivations.engine.limits`)
are proved. The last line checks that the engine's rule, which the other derivations cite,
gives the same value.

References: source 000, "Convolution of two Gaussians" (":math:`\int e^{-x^2}dx`, which we know
equals :math:`\sqrt\pi`"); Poisson's argument, e.g. Spivak, *Calculus* (2008), ch. 19, problem 40
(polar coordinates) and Rudin, *Real and Complex Analysis* (1987), thm. 8.8 (Fubini-Tonelli).
"""

from __future__ import annotations

import sympy as sp

from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.display import product
from derivations.engine.limits import limit_as
from derivations.engine.notation import symbol
from derivations.engine.relations import DEFINITION, DIFFERENTIATION, GIVEN, INTEGRAL
from derivations.engine.substitution import substitution

x = symbol("x")
y = sp.Symbol("y", real=True)
r, R = sp.Symbol("r", positive=True), sp.Symbol("R", positive=True)
theta = sp.Symbol("theta", real=True)
OO = (-sp.oo, sp.oo)

GAUSS = sp.Integral(sp.exp(-x**2), (x, *OO))
#: The integral up to R in polar coordinates, and its antiderivative.
PARTIAL = sp.Integral(r * sp.exp(-r**2), (r, 0, R))
ANTIDERIVATIVE = (1 - sp.exp(-R**2)) / 2


def _polar_change(d: Derivation) -> None:
    """x = r cos(theta), y = r sin(theta): x^2 + y^2 = r^2, and the Jacobian determinant is r."""
    polar = {x: r * sp.cos(theta), y: r * sp.sin(theta)}
    d.start((x**2 + y**2).xreplace(polar), lhs=r"x^{2} + y^{2}", relation=DEFINITION,
            heading="Polar coordinates", because=r"$x = r\cos\theta$, $y = r\sin\theta$",
            text=r"The change of variables, with $r > 0$ and $0 \le \theta < 2\pi$.")
    d.then(r**2, because=r"$\cos^2\theta + \sin^2\theta = 1$")
    jacobian = sp.Matrix([[sp.diff(polar[x], r), sp.diff(polar[x], theta)],
                          [sp.diff(polar[y], r), sp.diff(polar[y], theta)]])
    d.start(sp.Determinant(jacobian), lhs=r"\det\frac{\partial(x, y)}{\partial(r, \theta)}", relation=DEFINITION,
            because="the Jacobian matrix of the change of variables")
    d.then(r, because=r"$r\cos^2\theta + r\sin^2\theta = r$: the area element is $r\,dr\,d\theta$")


def _antiderivative(d: Derivation) -> None:
    r"""The integral up to R: d/dR of the difference is 0, and both vanish at R = 0."""
    difference = PARTIAL - ANTIDERIVATIVE
    d.start(sp.Derivative(difference, R), lhs=sp.Derivative(sp.Function("F")(R), R),
            relation=DEFINITION, heading="The integral up to R",
            text=r"Let $F(R) = \int_0^R r e^{-r^2}\,dr - \frac{1 - e^{-R^2}}{2}$.",
            because=r"the derivative of $F$")
    d.then(0, relation=DIFFERENTIATION,
           because=r"Leibniz's rule: $\frac{d}{dR}\int_0^R r e^{-r^2} dr = R e^{-R^2}$, "
                   r"and $\frac{d}{dR}\frac{1 - e^{-R^2}}{2} = R e^{-R^2}$")
    d.start(ANTIDERIVATIVE, lhs=PARTIAL, relation=GIVEN, tag="A",
            because=r"$F' = 0$, so $F$ is constant (mean value theorem), and $F(0) = 0 - 0 = 0$")


def _square(d: Derivation) -> None:
    """I^2 as a double integral, in polar coordinates, and as a limit."""
    double = sp.Integral(sp.exp(-(x**2 + y**2)), (x, *OO), (y, *OO))
    d.start(product(GAUSS, sp.Integral(sp.exp(-y**2), (y, *OO))), lhs="I^{2}", relation=DEFINITION,
            heading="The square of the integral",
            text=r"Let $I = \int_{-\infty}^{\infty} e^{-x^2}\,dx$ (it converges: $e^{-x^2} \le e^{1 - 2|x|}$).",
            because="the same integral, once in $x$ and once in $y$")
    d.then(double, relation=GIVEN,
           because=r"Fubini-Tonelli: the integrand $e^{-x^2}e^{-y^2} > 0$ is integrable over the plane")
    polar = sp.Integral(sp.exp(-r**2) * r, (r, 0, sp.oo), (theta, 0, 2 * sp.pi))
    d.then(polar, relation=GIVEN,
           because=r"polar coordinates: $x^2 + y^2 = r^2$ and the Jacobian $r$ (both proved above)")
    d.then(2 * sp.pi * sp.Integral(r * sp.exp(-r**2), (r, 0, sp.oo)), relation=GIVEN,
           because=r"the integrand does not depend on $\theta$: $\int_0^{2\pi} d\theta = 2\pi$")
    d.then(sp.Limit(2 * sp.pi * PARTIAL, R, sp.oo), relation=DEFINITION,
           because="the improper integral is the limit of the integrals up to $R$")
    d.start(2 * sp.pi * PARTIAL, lhs=r"2\pi\int_{0}^{R} r e^{-r^{2}}\,dr", relation=DEFINITION,
            heading="The limit", because="the integral up to $R$")
    d.then(2 * sp.pi * ANTIDERIVATIVE, relation=substitution(PARTIAL, ANTIDERIVATIVE, label="(A)"),
           because="by (A)")
    d.then(sp.pi * (1 - sp.exp(-R**2)), because="arithmetic")
    d.then(sp.pi, relation=limit_as(R, sp.oo), because=r"$e^{-R^2} \to 0$: so $I^2 = \pi$")


def _root(d: Derivation) -> None:
    """I = sqrt(pi), and the engine's rule agrees."""
    d.start(sp.sqrt(sp.pi), lhs="I", relation=GIVEN, heading="The root",
            because=r"$I^2 = \pi$ and $I > 0$ (the integrand is positive)")
    d.start(sp.sqrt(sp.pi), lhs=GAUSS, relation=INTEGRAL,
            because="the engine's Gaussian integral rule, which cites this result, gives the same value")


def build() -> Derivation:
    """The derivation, unchecked."""
    d = Derivation("gaussian_integral", title="The Gaussian integral by polar coordinates",
                   sources=("source 000, 'Convolution of two Gaussians' (the integral it invokes)",
                            "Poisson's polar-coordinates argument; Fubini-Tonelli"))
    _polar_change(d)
    _antiderivative(d)
    _square(d)
    _root(d)
    d.note(r"Every other derivation evaluates real-line integrals by the engine's Gaussian integral rule "
           r"(a polynomial times a Gaussian), which reduces each to $\int_{-\infty}^{\infty} e^{-u^2}\,du = "
           r"\sqrt{\pi}$ by scaling, completing the square and integration by parts; this derivation is the "
           r"proof of that one fact, cited there.")
    d.conclude(known=sp.sqrt(sp.pi), lhs=GAUSS, source="source 000 (the Gaussian integral it invokes); Poisson")
    return d


def derive() -> CheckedDerivation:
    """Build and check the derivation; pure, no file I/O."""
    return build().check()


if __name__ == "__main__":
    from derivations.latex.script import run_script

    run_script(derive)
