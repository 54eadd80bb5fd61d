r"""Where the forward process ends: :math:`q(\mathbf{x}_T \mid \mathbf{x}_0)` and :math:`q(\mathbf{x}_T)` near N(0, I).

.. math:: D_{\mathrm{KL}}\left(q(\mathbf{x}_T \mid \mathbf{x}_0) \,\|\, \mathcal{N}(\mathbf{0}, I)\right)
          = \sum_{j=1}^{d} \tfrac12\left(\bar\alpha_T(x_{0j}^2 - 1) - \log(1 - \bar\alpha_T)\right)
          \le -\frac{d}{2}\log(1 - \bar\alpha_T) \xrightarrow{\bar\alpha_T \to 0} 0

for data in :math:`[-1, 1]^d`, and the same bound for the marginal :math:`q(\mathbf{x}_T)` by the
convexity of the divergence. The reason is that :math:`\sqrt{\bar\alpha_T}\,\mathbf{x}_0 \to 0` and
:math:`1 - \bar\alpha_T \to 1`: every :math:`q(\mathbf{x}_t \mid \mathbf{x}_0)` is exactly Gaussian, there
is no central limit theorem at work (source 003 credits one). The variances are not accumulated
(source 001): each step rescales the variance so far, :math:`v_t = \alpha_t v_{t-1} + \beta_t`, which gives
:math:`1 - \bar\alpha_t`. Then the numbers: the linear schedule (:math:`\sum_t\beta_t = 10.05`, so
:math:`\bar\alpha_T \le e^{-10.05}`) and the cosine schedule (:math:`\bar\alpha_T = 0` before clipping).

References: source 003 (both versions: ":math:`q(x_T)` approaches a standard normal distribution due to
the cumulative effect"); source 001, Property 4's "Forward Process Derivation"; Ho, Jain & Abbeel (2020),
eq. (5) (:math:`L_T`) and sec. 4; Nichol & Dhariwal (2021), eq. (17); Cover & Thomas (2006), thm. 2.7.2
(convexity of the relative entropy).
"""

from __future__ import annotations

import math

import sympy as sp

from derivations.diffusion import schedules
from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.limits import limit_as
from derivations.engine.matrices import d
from derivations.engine.notation import symbol
from derivations.engine.relations import DEFINITION, GIVEN
from derivations.engine.substitution import at
from derivations.gaussian.kl import KLNormal

alpha_t, beta_t, alpha_bar_t, alpha_bar_tm1, alpha_bar_T, x_0 = (
    symbol(n) for n in ("alpha_t", "beta_t", "alpha_bar_t", "alpha_bar_tm1", "alpha_bar_T", "x_0"))
v_tm1 = sp.Symbol("v_{t-1}", positive=True)
beta_1, beta_2 = sp.Symbol("beta_1", positive=True), sp.Symbol("beta_2", positive=True)
T, s = sp.Symbol("T", integer=True, positive=True), sp.Symbol("s", positive=True)
b_1, b_T = sp.Symbol("beta_1", positive=True), sp.Symbol("beta_T", positive=True)
w = sp.Symbol("w", nonnegative=True)  # 1 - x_0^2 for data in [-1, 1]
W, EW = sp.Symbol("W", nonnegative=True), sp.Symbol(r"\mathbb{E}W", nonnegative=True)
MI = sp.Symbol(r"I(\mathbf{x}_0; \mathbf{x}_T)", nonnegative=True)
#: The per-dimension bound for data in [-1, 1] (|x_0| <= 1).
BOUND = -sp.log(1 - alpha_bar_T) / 2
CIFAR_D = 3 * 32 * 32


def _variance(d_: Derivation) -> None:
    """The variances are rescaled at each step, not accumulated."""
    d_.start(alpha_t * (1 - alpha_bar_tm1) + beta_t, lhs=r"v_t = \alpha_t v_{t-1} + \beta_t", relation=GIVEN,
             heading="The variance is rescaled at each step",
             text=r"Given $\mathbf{x}_0$, $v_t = \operatorname{Var}(\mathbf{x}_t \mid \mathbf{x}_0)$ per coordinate: "
                  r"eq. (2) "
                  r"multiplies $\mathbf{x}_{t-1}$ by $\sqrt{\alpha_t}$ and adds independent noise of variance "
                  r"$\beta_t$; "
                  r"suppose $v_{t-1} = 1 - \bar\alpha_{t-1}$ ($v_0 = 0$).",
             because="Property 1 (linear_maps), one step")
    d_.then(1 - alpha_bar_t, because=r"$\bar\alpha_t = \alpha_t\bar\alpha_{t-1}$, $\beta_t = 1 - \alpha_t$: by "
            r"induction $v_t = 1 - \bar\alpha_t$ (forward_process), not $\sum_i\beta_i$")
    d_.slip(where="001, Property 4, 'Forward Process Derivation' ('accumulating the variances'), at t = 2",
            source_line=beta_1 + beta_2, corrected=1 - (1 - beta_1) * (1 - beta_2),
            note=r"Source 001 says the marginal $q(\mathbf{x}_t \mid \mathbf{x}_0)$ follows 'by accumulating the "
                 r"variances'. Adding the variances $\beta_1 + \beta_2$ would be right for $\mathbf{x}_{t-1} + "
                 r"\text{noise}$; eq. (2) first shrinks $\mathbf{x}_{t-1}$ by $\sqrt{1 - \beta_t}$, so the variance "
                 r"is rescaled at each step: $v_2 = (1 - \beta_2)\beta_1 + \beta_2 = 1 - (1 - \beta_1)(1 - \beta_2)$, "
                 r"and in general $1 - \bar\alpha_t$ (the lines above). Property 4 is used, with variances "
                 r"$\alpha_t v_{t-1}$ and $\beta_t$.")


def _conditional_kl(d_: Derivation) -> None:
    """KL(q(x_T | x_0) || N(0, 1)) per coordinate, and the bound for |x_0| <= 1."""
    kl = KLNormal(sp.sqrt(alpha_bar_T) * x_0, 1 - alpha_bar_T, 0, 1)
    d_.start((alpha_bar_T * (x_0**2 - 1) - sp.log(1 - alpha_bar_T)) / 2, lhs=kl,
             heading="How close q(x_T | x_0) is to N(0, I)",
             text=r"Per coordinate, $q(\mathbf{x}_T \mid \mathbf{x}_0) = "
                  r"\mathcal{N}(\sqrt{\bar\alpha_T}\,x_0, 1 - \bar\alpha_T)$ (source 000, eq. (5)).",
             because="the divergence of two normals (kl_divergence)")
    d_.then(BOUND - alpha_bar_T * w / 2, relation=at({x_0: sp.sqrt(1 - w)}, label=r"$x_0^2 = 1 - w$"),
            because=r"for data in $[-1, 1]$ write $x_0^2 = 1 - w$, $w \ge 0$: the bound "
                    r"$-\frac12\log(1 - \bar\alpha_T)$ minus $\frac12\bar\alpha_T w \ge 0$; equality at $|x_0| = 1$")
    d_.start(d * BOUND - alpha_bar_T * W / 2, relation=GIVEN,
             lhs=r"D_{\mathrm{KL}}\left(q(\mathbf{x}_T \mid \mathbf{x}_0) \,\|\, \mathcal{N}(\mathbf{0}, I)\right)",
             text=r"With $W = \sum_{j=1}^{d} (1 - x_{0j}^2) \ge 0$ for data in $[-1, 1]^d$:",
             because=r"the coordinates are independent, so the divergences add: at most $-\frac{d}{2}\log(1 - "
                     r"\bar\alpha_T)$, whatever $\mathbf{x}_0$ in $[-1, 1]^d$")


def _marginal(d_: Derivation) -> None:
    """The marginal q(x_T) = E_{x_0}[q(x_T | x_0)]: the same bound (the mutual information is >= 0)."""
    d_.start(d * BOUND - alpha_bar_T * EW / 2 - MI, relation=GIVEN,
             lhs=r"D_{\mathrm{KL}}\left(q(\mathbf{x}_T) \,\|\, \mathcal{N}(\mathbf{0}, I)\right)",
             heading="The marginal q(x_T)",
             text=r"$q(\mathbf{x}_T) = \mathbb{E}_{\mathbf{x}_0 \sim q}[q(\mathbf{x}_T \mid \mathbf{x}_0)]$, a "
                  r"mixture, for data in the bounded set $[-1, 1]^d$.",
             because=r"$\mathbb{E}_{\mathbf{x}_0}[D_{\mathrm{KL}}(q(\mathbf{x}_T \mid \mathbf{x}_0) \,\|\, p)] = "
                     r"D_{\mathrm{KL}}(q(\mathbf{x}_T) \,\|\, p) + I(\mathbf{x}_0; \mathbf{x}_T)$ (the compensation "
                     r"identity; Cover & Thomas, thm. 2.7.2 is the inequality it gives), and the line above: with "
                     r"$\mathbb{E}W \ge 0$ and $I \ge 0$, at most $-\frac{d}{2}\log(1 - \bar\alpha_T)$")


def _linear_numbers(d_: Derivation) -> None:
    """The linear schedule: sum beta = T (beta_1 + beta_T) / 2 = 10.05, so alpha_bar_T <= e^{-10.05}."""
    t = sp.Symbol("t", integer=True, positive=True)
    series = sp.Sum(b_1 + (t - 1) / (T - 1) * (b_T - b_1), (t, 1, T))
    d_.start(T * b_1 + (b_T - b_1) / (T - 1) * T * (T - 1) / 2, lhs=series, relation=GIVEN,
             heading="The linear schedule of Ho et al. 2020",
             because=r"linearity; $\sum_{t=1}^{T}(t - 1) = \frac{T(T-1)}{2}$ (Gauss)")
    d_.then(T * (b_1 + b_T) / 2, because="the mean of the two ends, $T$ times")
    d_.then(sp.Rational(201, 20), relation=at({T: 1000, b_1: sp.Rational(1, 10000), b_T: sp.Rational(1, 50)},
                                            label=r"$T = 1000$, $\beta_1 = 10^{-4}$, $\beta_T = 0.02$"),
            because=r"$= 10.05$; and $\log(1 - \beta) \le -\beta$ ($\log u \le u - 1$, gaussian_entropy), so "
                    r"$\bar\alpha_T = \prod_t(1 - \beta_t) \le e^{-\sum_t\beta_t} = e^{-10.05}$")


def _cosine_numbers(d_: Derivation) -> None:
    """The cosine schedule: alpha_bar_T = f(T) / f(0) = 0 before clipping."""
    t = sp.Symbol("t", positive=True)
    f = sp.cos((t / T + s) / (1 + s) * sp.pi / 2) ** 2
    d_.start(f / f.xreplace({t: 0}), lhs=r"\bar{\alpha}_t^{\cos}", relation=DEFINITION,
             heading="The cosine schedule of Nichol & Dhariwal 2021", because="eq. (17)")
    d_.then(0, relation=at({t: T}), because=r"$\cos\frac{\pi}{2} = 0$: before the clip at $\beta_t \le 0.999$, "
            r"$q(\mathbf{x}_T \mid \mathbf{x}_0) = \mathcal{N}(\mathbf{0}, I)$ exactly")


def _limit(d_: Derivation) -> None:
    """The bound tends to 0 with alpha_bar_T."""
    d_.start(d * BOUND, lhs=r"-\frac{d}{2}\log(1 - \bar\alpha_T)", relation=DEFINITION,
             heading="The bound vanishes", because="the bound above")
    d_.then(0, relation=limit_as(alpha_bar_T, 0),
            because=r"$-\frac{d}{2}\log(1 - \bar\alpha_T) = \frac{d}{2}\bar\alpha_T + O(\bar\alpha_T^2)$: "
                    r"because $\sqrt{\bar\alpha_T}\,\mathbf{x}_0 \to \mathbf{0}$, not by a central limit theorem")


def _schedule_notes(d_: Derivation) -> None:
    for name, beta, cite in (("linear", schedules.linear_beta, "Ho et al. 2020, sec. 4"),
                             ("cosine", schedules.cosine_beta, "Nichol & Dhariwal 2021, eq. (17), clipped at 0.999")):
        a_T = float(schedules.alpha_bar(beta())[-1])
        per = -math.log1p(-a_T) / 2
        d_.note(f"The {name} schedule ({cite}), float64: alpha_bar_T = {a_T:.4e}; the bound -log(1 - alpha_bar_T)/2 = "
                f"{per:.4e} nats per coordinate, {CIFAR_D * per:.4e} nats for a 3 x 32 x 32 image (d = {CIFAR_D}), "
                "for q(x_T | x_0) and for q(x_T) alike.")
    d_.note(f"The linear bound: alpha_bar_T <= e^(-10.05) = {math.exp(-10.05):.4e} (the product is "
            f"{float(schedules.alpha_bar(schedules.linear_beta())[-1]):.4e}).")


CLT_NOTE = (
    r"Source 003 (both versions) says $q(\mathbf{x}_T)$ approaches $\mathcal{N}(\mathbf{0}, \mathbf{I})$ 'due to "
    r"the CLT', from 'summing independent Gaussian noise increments', with the forward step written "
    r"$\mathbf{x}_t = \mathbf{x}_{t-1} + \text{noise}$ (recorded as a slip in forward_process: without the factor "
    r"$\sqrt{1 - \beta_t}$ the mean stays $\mathbf{x}_0$ and the variance grows to $\sum_t \beta_t = 10.05$). The "
    r"correct statement: every $q(\mathbf{x}_t \mid \mathbf{x}_0)$ is exactly Gaussian (a sum of Gaussians, no "
    r"limit needed), $\mathcal{N}(\sqrt{\bar\alpha_t}\mathbf{x}_0, (1 - \bar\alpha_t)\mathbf{I})$, and it is close "
    r"to $\mathcal{N}(\mathbf{0}, \mathbf{I})$ because $\bar\alpha_T$ is small, with the bound above; the marginal "
    r"$q(\mathbf{x}_T)$ has the same bound for bounded data. The central limit theorem (central_limit) is about "
    r"standardised sums of many non-Gaussian terms, which this is not."
)


def build() -> Derivation:
    """The derivation, unchecked."""
    d_ = Derivation("terminal_distribution", title="q(x_T | x_0) and q(x_T) close to N(0, I)",
                    sources=("source 003, 'q(x_T) approaches a standard normal distribution'",
                             "source 001, Property 4 ('Forward Process Derivation')",
                             "Ho, Jain & Abbeel 2020, eq. (5) and sec. 4; Nichol & Dhariwal 2021, eq. (17)",
                             "Cover & Thomas (2006), thm. 2.7.2"))
    d_.assume_positive(1 - alpha_t, 1 - alpha_bar_t, 1 - alpha_bar_tm1, 1 - alpha_bar_T, 1 - w)
    d_.define(beta_t, 1 - alpha_t)
    d_.define(alpha_bar_t, alpha_t * alpha_bar_tm1)
    _variance(d_)
    _conditional_kl(d_)
    _marginal(d_)
    _linear_numbers(d_)
    _cosine_numbers(d_)
    _limit(d_)
    _schedule_notes(d_)
    d_.note(CLT_NOTE)
    d_.conclude(known=sp.S.Zero, lhs=r"\lim_{\bar\alpha_T \to 0} D_{\mathrm{KL}}\left(q(\mathbf{x}_T) \,\|\, "
                r"\mathcal{N}(\mathbf{0}, I)\right)",
                source="Ho et al. 2020, sec. 3.1 (L_T: q(x_T) close to N(0, I)); source 003, corrected")
    return d_


def derive() -> CheckedDerivation:
    """Build and check the derivation; pure, no file I/O."""
    return build().check()


if __name__ == "__main__":
    from derivations.latex.script import run_script

    run_script(derive)
