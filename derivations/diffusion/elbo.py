r"""The DDPM variational bound and its split into KL terms (Ho et al. 2020, eqs. (3) and (5)).

.. math:: -\log p_\theta(\mathbf{x}_0) \le \mathbb{E}_q\left[-\log\frac{p_\theta(\mathbf{x}_{0:T})}
          {q(\mathbf{x}_{1:T} \mid \mathbf{x}_0)}\right]
          = \mathbb{E}_q\Big[\underbrace{D_{\mathrm{KL}}(q(\mathbf{x}_T \mid \mathbf{x}_0) \,\|\,
          p(\mathbf{x}_T))}_{L_T}
          + \sum_{t>1} \underbrace{D_{\mathrm{KL}}(q(\mathbf{x}_{t-1} \mid \mathbf{x}_t, \mathbf{x}_0)
          \,\|\, p_\theta(\mathbf{x}_{t-1} \mid \mathbf{x}_t))}_{L_{t-1}}
          \underbrace{- \log p_\theta(\mathbf{x}_0 \mid \mathbf{x}_1)}_{L_0}\Big]

The page follows Ho et al. (2020), appendix A. The densities are opaque terms
(:mod:`~derivations.engine.probability`): positive, and nothing else. What is stated says why:
the two Markov chains (eqs. (1), (2)), the Markov property with Bayes' rule, the importance
weighting and Jensen's inequality, and the steps that move an expectation (linearity and the
tower property need integrability, which is not proved here). Everything between them is
proved: logarithms of products split, the term :math:`t = 1` split off, the sum of
:math:`\log q(\mathbf{x}_{t-1} \mid \mathbf{x}_0) - \log q(\mathbf{x}_t \mid \mathbf{x}_0)`
telescoped, each inside the expectation by congruence
(:data:`~derivations.engine.expectation_rules.UNDER_EXPECTATION`) and the rules of finite sums
(:mod:`~derivations.engine.sums`).

References: Ho, Jain & Abbeel (2020), eqs. (1)-(3), (5) and appendix A; Sohl-Dickstein et al.
(2015), sec. 2.4 and appendix B (the bound); Jensen (1906) for the inequality.
"""

from __future__ import annotations

import sympy as sp

from derivations.diffusion.forward_relations import T_INDEX as t
from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.display import UNEVALUATED as _U
from derivations.engine.display import fraction, minus, negative, total
from derivations.engine.expectation_rules import UNDER_EXPECTATION, bound
from derivations.engine.notation import symbol
from derivations.engine.probability import Expectation, Trajectory, density, divergence, kl_as_expectation
from derivations.engine.relations import DEFINITION, GIVEN
from derivations.engine.substitution import substitution

#: The number of steps, an integer (Karr's convention makes every split valid for all T).
T = sp.Symbol("T", integer=True, positive=True)
x = Trajectory(symbol("x_seq"), real=True)
x_1toT, x_0toT = symbol("x_1toT"), symbol("x_0toT")
#: Ho's E_q: the expectation over the forward process q(x_{1:T} | x_0).
E_Q = sp.Symbol("q")


def q(outcome: sp.Expr, *given: sp.Expr) -> sp.Expr:
    r""":math:`q(\text{outcome} \mid \text{given})`, a density of the forward process."""
    return density("q", outcome, given=given)


def p_theta(outcome: sp.Expr, *given: sp.Expr) -> sp.Expr:
    r""":math:`p_\theta(\text{outcome} \mid \text{given})`, a density of the reverse process."""
    return density("p_theta", outcome, given=given)


def E_q(body: sp.Expr) -> Expectation:
    r""":math:`\mathbb{E}_q[\text{body}]` over :math:`q(\mathbf{x}_{1:T} \mid \mathbf{x}_0)`."""
    return Expectation(body, E_Q)


PRIOR = density("p", x[T])
REVERSE = p_theta(x[t - 1], x[t])
FORWARD = q(x[t], x[t - 1])
POSTERIOR = q(x[t - 1], x[t], x[0])
MARGINAL_T, MARGINAL_TM1 = q(x[t], x[0]), q(x[t - 1], x[0])
JOINT_P, JOINT_Q = p_theta(x_0toT), q(x_1toT, x[0])
#: Ho et al. (2020), eq. (1), and eq. (2).
REVERSE_CHAIN = PRIOR * sp.Product(REVERSE, (t, 1, T))
FORWARD_CHAIN = sp.Product(FORWARD, (t, 1, T))
#: Bayes' rule with x_0 conditioned in, for t >= 2 (Ho et al. 2020, appendix A).
BAYES = POSTERIOR * MARGINAL_T / MARGINAL_TM1
L_T = divergence(q(x[T], x[0]), PRIOR)
L_TM1 = divergence(POSTERIOR, REVERSE)
L_0 = -sp.log(p_theta(x[0], x[1]))
#: Ho et al. (2020), eq. (5).
HO_EQ5 = E_q(L_T + sp.Sum(L_TM1, (t, 2, T)) + L_0)
HO_EQ3 = E_q(-sp.log(JOINT_P / JOINT_Q))


def _log_ratio(numerator: sp.Expr, denominator: sp.Expr) -> sp.Expr:
    return sp.log(fraction(numerator, denominator), evaluate=False)


def _the_bound(d: Derivation) -> None:
    """-log p(x_0) <= E_q[-log p(x_{0:T}) / q(x_{1:T} | x_0)]: importance weighting and Jensen (eq. (3))."""
    ratio = fraction(JOINT_P, JOINT_Q)
    d.start(-sp.log(E_q(JOINT_P / JOINT_Q)), lhs=-sp.log(p_theta(x[0])), relation=GIVEN,
            display=negative(sp.log(E_q(ratio), evaluate=False)), heading="The bound (eq. (3))",
            text=r"$\mathbb{E}_q$ is the expectation over the forward process "
                 r"$q(\mathbf{x}_{1:T} \mid \mathbf{x}_0)$; the densities are positive.",
            because=r"$p_\theta(\mathbf{x}_0) = \int p_\theta(\mathbf{x}_{0:T})\,d\mathbf{x}_{1:T} = \int "
                    r"q(\mathbf{x}_{1:T} \mid \mathbf{x}_0)\frac{p_\theta(\mathbf{x}_{0:T})}"
                    r"{q(\mathbf{x}_{1:T} \mid \mathbf{x}_0)}\,d\mathbf{x}_{1:T}$ (the marginal; $q > 0$)")
    d.then(HO_EQ3, relation=bound(r"Jensen's inequality: $-\log$ is convex"), tag="3",
           display=E_q(negative(sp.log(ratio, evaluate=False))),
           because=r"Jensen's inequality: $-\log \mathbb{E}[w] \le \mathbb{E}[-\log w]$ ($-\log$ is convex)")


def _the_chains(d: Derivation) -> None:
    """The two Markov chains (eqs. (1), (2)) and Bayes' rule with x_0 conditioned in."""
    d.start(REVERSE_CHAIN, lhs=JOINT_P, relation=DEFINITION, tag="1", heading="The two chains",
            because=r"the reverse process, a Markov chain from $p(\mathbf{x}_T) = "
                    r"\mathcal{N}(\mathbf{x}_T; \mathbf{0}, \mathbf{I})$ (Ho et al. 2020, eq. (1))")
    d.start(FORWARD_CHAIN, lhs=JOINT_Q, relation=GIVEN, tag="2",
            because="the forward process, a Markov chain (Ho et al. 2020, eq. (2))")
    d.start(q(x[t], x[t - 1], x[0]), lhs=FORWARD, relation=GIVEN,
            text=r"For every $t \ge 2$ (at $t = 1$ the left side would be $q(\mathbf{x}_0 \mid \mathbf{x}_1, "
                 r"\mathbf{x}_0)$, a point mass, which is why the term $t = 1$ is split off below):",
            because=r"the Markov property: given $\mathbf{x}_{t-1}$, $\mathbf{x}_t$ is independent of $\mathbf{x}_0$")
    d.then(BAYES, relation=GIVEN, display=fraction(sp.Mul(POSTERIOR, MARGINAL_T, **_U), MARGINAL_TM1),
           because=r"Bayes' rule, with $\mathbf{x}_0$ conditioned in")


def _the_split(d: Derivation) -> sp.Expr:
    """Ho et al. (2020), appendix A: from eq. (3) to eq. (5), line by line."""
    d.start(HO_EQ3, lhs="L", relation=DEFINITION, display=E_q(negative(sp.log(fraction(JOINT_P, JOINT_Q),
                                                                              evaluate=False))),
            heading="The bound, split (appendix A)", because="the bound (3)")
    with_p = E_q(-sp.log(REVERSE_CHAIN / JOINT_Q))
    d.then(with_p, relation=substitution(JOINT_P, REVERSE_CHAIN), because="the reverse chain (1)")
    with_q = E_q(-sp.log(REVERSE_CHAIN / FORWARD_CHAIN))
    d.then(with_q, relation=substitution(JOINT_Q, FORWARD_CHAIN), because="the forward chain (2)")
    step = _log_ratio(REVERSE, FORWARD)
    d.then(E_q(-sp.log(PRIOR) - sp.Sum(step, (t, 1, T))), relation=UNDER_EXPECTATION,
           display=E_q(minus(negative(sp.log(PRIOR)), sp.Sum(step, (t, 1, T)))),
           because="the logarithm of a product of positive densities is the sum of their logarithms")
    first = _log_ratio(p_theta(x[0], x[1]), q(x[1], x[0]))
    split = E_q(-sp.log(PRIOR) - sp.Sum(step, (t, 2, T)) - first.doit())
    d.then(split, relation=UNDER_EXPECTATION,
           display=E_q(minus(negative(sp.log(PRIOR)), sp.Sum(step, (t, 2, T)), first)),
           because=r"split off the term $t = 1$")
    bayes_step = sp.log(REVERSE / BAYES)
    bayes = E_q(-sp.log(PRIOR) - sp.Sum(bayes_step, (t, 2, T)) - first.doit())
    bayes_shown = sp.log(sp.Mul(fraction(REVERSE, POSTERIOR), fraction(MARGINAL_TM1, MARGINAL_T), **_U),
                         evaluate=False)
    d.then(bayes, relation=substitution(FORWARD, BAYES), because=r"Bayes' rule, for $t \ge 2$ (above)",
           display=E_q(minus(negative(sp.log(PRIOR)), sp.Sum(bayes_shown, (t, 2, T)), first)))
    kl_step = _log_ratio(REVERSE, POSTERIOR)
    shifted = _log_ratio(MARGINAL_TM1, MARGINAL_T)
    d.then(E_q(-sp.log(PRIOR) - sp.Sum(kl_step, (t, 2, T)) - sp.Sum(shifted, (t, 2, T)) - first.doit()),
           relation=UNDER_EXPECTATION,
           display=E_q(minus(negative(sp.log(PRIOR)), sp.Sum(kl_step, (t, 2, T)), sp.Sum(shifted, (t, 2, T)),
                             first)),
           because="the logarithm of the product, as a sum")
    prior_ratio = _log_ratio(PRIOR, q(x[T], x[0]))
    telescoped = E_q(-sp.log(PRIOR / q(x[T], x[0])) - sp.Sum(kl_step, (t, 2, T)) - sp.log(p_theta(x[0], x[1])))
    d.then(telescoped, relation=UNDER_EXPECTATION,
           display=E_q(minus(negative(prior_ratio), sp.Sum(kl_step, (t, 2, T)), sp.log(p_theta(x[0], x[1])))),
           because=r"the sum telescopes: $\sum_{t=2}^{T} \log\frac{q(\mathbf{x}_{t-1} \mid \mathbf{x}_0)}"
                   r"{q(\mathbf{x}_t \mid \mathbf{x}_0)} = \log q(\mathbf{x}_1 \mid \mathbf{x}_0) - "
                   r"\log q(\mathbf{x}_T \mid \mathbf{x}_0)$")
    return telescoped


def _as_divergences(d: Derivation) -> None:
    """The log-ratios' inner expectations are KL divergences: eq. (5)."""
    inner_T = kl_as_expectation(q(x[T], x[0]), PRIOR)
    inner = kl_as_expectation(POSTERIOR, REVERSE)
    towered = E_q(inner_T + sp.Sum(inner, (t, 2, T)) + L_0)
    d.then(towered, relation=GIVEN, display=E_q(total(inner_T, sp.Sum(inner, (t, 2, T)), L_0)),
           because=r"the tower property: each log-ratio's expectation is taken first over $\mathbf{x}_T$ "
                   r"given $\mathbf{x}_0$, and over $\mathbf{x}_{t-1}$ given $\mathbf{x}_t, \mathbf{x}_0$ "
                   "(the terms integrable; linearity inside the finite sum)")
    d.then(E_q(L_T + sp.Sum(inner, (t, 2, T)) + L_0), relation=substitution(inner_T, L_T),
           display=E_q(total(L_T, sp.Sum(inner, (t, 2, T)), L_0)),
           because=r"the definition of the divergence in $L_T$ (above)")
    d.then(HO_EQ5, relation=substitution(inner, L_TM1), tag="5", display=E_q(total(L_T, sp.Sum(L_TM1, (t, 2, T)), L_0)),
           because=r"the definition of the divergence in $L_{t-1}$ (above)")


def _definitions(d: Derivation) -> None:
    """D_KL(P || Q) = E_P[log P/Q], and the names of the three terms."""
    for kl, (first, second) in ((L_T, (q(x[T], x[0]), PRIOR)), (L_TM1, (POSTERIOR, REVERSE))):
        d.start(kl_as_expectation(first, second), lhs=kl, relation=DEFINITION,
                heading="The divergences and the terms" if kl is L_T else "",
                because="the definition of the divergence (Kullback & Leibler 1951)")
    for name, value, why in (("L_T", L_T, r"no trainable parameter ($q$ has none, and $p(\mathbf{x}_T)$ is fixed)"),
                             ("L_{t-1}", L_TM1, r"the denoising terms, $2 \le t \le T$"),
                             ("L_0", L_0, "the decoder's negative log-likelihood")):
        d.start(value, lhs=name, relation=DEFINITION, because=why)


def build() -> Derivation:
    """The derivation, unchecked."""
    d = Derivation("ddpm_elbo", title="The DDPM variational bound, split into KL terms",
                   sources=("Ho et al. 2020, eqs. (1)-(3), (5) and appendix A",
                            "Sohl-Dickstein et al. 2015, appendix B"))
    _the_bound(d)
    _the_chains(d)
    _definitions(d)
    _the_split(d)
    _as_divergences(d)
    d.note(r"The expectation over the data, $\mathbb{E}_{q(\mathbf{x}_0)}$, stands outside every line and is "
           r"left implicit: the bound holds for each $\mathbf{x}_0$. The derivation is per $\mathbf{x}_0$ and for "
           r"every number of steps $T \ge 1$ (for $T = 1$ the sum over $t > 1$ is empty).")
    d.conclude(known=HO_EQ5, lhs="L", source="Ho et al. 2020, eq. (5)")
    return d


def derive() -> CheckedDerivation:
    """Build and check the derivation; pure, no file I/O."""
    return build().check()


if __name__ == "__main__":
    from derivations.latex.script import run_script

    run_script(derive)
