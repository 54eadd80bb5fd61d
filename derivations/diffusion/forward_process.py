r"""The closed form of the diffusion forward process, :math:`q(\mathbf{x}_t \mid \mathbf{x}_0)`.

.. math:: \mathbf{x}_t \overset{d}{=} \sqrt{\bar\alpha_t}\,\mathbf{x}_0
          + \sqrt{1-\bar\alpha_t}\,\boldsymbol{\epsilon},
          \qquad q(\mathbf{x}_t \mid \mathbf{x}_0)
          = \mathcal{N}\left(\mathbf{x}_t; \sqrt{\bar\alpha_t}\,\mathbf{x}_0,
          (1-\bar\alpha_t)\mathbf{I}\right),
          \qquad \bar\alpha_t = \prod_{i=1}^{t} \alpha_i,\ \alpha_t = 1 - \beta_t.

The page: the reparameterisation rule proved (the density of :math:`\sigma Z + \mu`
from its distribution function), eq. (1) to eq. (2), the source's chain (2)-(4),
eq. (5) with the mean and variance read off, the KL divergence of
:math:`q(\mathbf{x}_T \mid \mathbf{x}_0)` from :math:`\mathcal{N}(\mathbf{0}, \mathbf{I})`,
and the proof for every :math:`t` by induction. All is per dimension: the
covariances are multiples of :math:`\mathbf{I}`.

References: source 000, eqs. (1)-(5); source 001, Property 1 and the diffusion table;
source 003 (:math:`q(\mathbf{x}_T)` approaches :math:`\mathcal{N}(\mathbf{0}, \mathbf{I})`);
source 002, sec. 2 (KL of two normals); Ho, Jain & Abbeel (2020), eqs. (2), (4) and sec. 4;
Nichol & Dhariwal (2021), eq. (17).
"""

from __future__ import annotations

import sympy as sp

from derivations.diffusion import forward_induction, schedules
from derivations.engine.densities import NormalPDF
from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.display import linear_combination, root_of_product
from derivations.engine.notation import symbol
from derivations.engine.relations import DIFFERENTIATION, EQUAL_IN_DISTRIBUTION, GIVEN
from derivations.engine.substitution import substitution
from derivations.latex.printer import math

x, mu, sigma, u = (symbol(n) for n in ("x", "mu", "sigma", "u"))
x_0, x_1, x_t, x_tm1, x_tm2 = (symbol(n) for n in ("x_0", "x_1", "x_t", "x_tm1", "x_tm2"))
eps, eps_0, eps_tm1, eps_tm2, eps_bar_tm2 = (
    symbol(n) for n in ("eps", "eps_0", "eps_tm1", "eps_tm2", "eps_bar_tm2")
)
alpha_t, alpha_tm1, alpha_1, beta_t = (symbol(n) for n in ("alpha_t", "alpha_tm1", "alpha_1", "beta_t"))
alpha_bar_t, alpha_bar_tm1, alpha_bar_1, alpha_bar_T = (
    symbol(n) for n in ("alpha_bar_t", "alpha_bar_tm1", "alpha_bar_1", "alpha_bar_T")
)

#: The result, as Ho et al. (2020) write it below eq. (4) and source 000 before eq. (5).
CLOSED_FORM = sp.sqrt(alpha_bar_t) * x_0 + sp.sqrt(1 - alpha_bar_t) * eps
#: Eq. (5) of source 000; Ho et al. (2020), eq. (4).
EQ_5 = NormalPDF(x_t, sp.sqrt(alpha_bar_t) * x_0, 1 - alpha_bar_t)


def _density_chain(
    d: Derivation,
    *,
    x: sp.Symbol,
    shift: sp.Expr,
    scale: sp.Expr,
    lhs: str,
    last_because: str,
    tag: str | None = None,
    heading: str = "",
    text: str = "",
) -> None:
    r"""Three lines: the density of ``scale * Z + shift`` at ``x`` is :math:`\mathcal{N}(x; shift, scale^2)`.

    The first line is stated (density = derivative of the distribution function),
    the second follows by Leibniz's rule, the third unfolds both densities.
    """
    cdf = sp.Integral(NormalPDF(u, 0, 1), (u, -sp.oo, (x - shift) / scale))
    d.start(
        sp.Derivative(cdf, x),
        lhs=lhs,
        heading=heading,
        text=text,
        because=rf"density = derivative of the distribution function; ${math(scale)} > 0$, so the event "
        rf"is $Z \le {math((x - shift) / scale)}$, $Z \sim \mathcal{{N}}(0, 1)$",
    )
    shift_shown = _coefficient_first(shift)
    z_shown = sp.Mul(
        sp.Add(x, sp.Mul(-1, shift_shown, evaluate=False), evaluate=False),
        sp.Pow(scale, -1, evaluate=False),
        evaluate=False,
    )
    d.then(
        NormalPDF((x - shift) / scale, 0, 1) / scale,
        display=sp.Mul(NormalPDF(z_shown, 0, 1), sp.Pow(scale, -1, evaluate=False), evaluate=False),
        relation=DIFFERENTIATION,
        because="fundamental theorem of calculus and the chain rule",
    )
    d.then(
        NormalPDF(x, shift, scale**2),
        display=NormalPDF(x, shift_shown, scale**2),
        because=last_because,
        tag=tag,
    )


def _coefficient_first(expr: sp.Expr) -> sp.Expr:
    """``c * v`` displayed with the coefficient first, as the papers write it; other forms as they are."""
    variables = [a for a in sp.Mul.make_args(expr) if a.is_Symbol]
    if isinstance(expr, sp.Mul) and len(variables) == 1:
        return sp.Mul(expr / variables[0], variables[0], evaluate=False)
    return expr


def _reparameterisation(d: Derivation) -> None:
    """The rule N(mu, sigma^2) = sigma N(0, 1) + mu (source 000, before eq. (2)), and eq. (1) -> (2)."""
    _density_chain(
        d,
        x=x,
        shift=mu,
        scale=sigma,
        lhs=r"p_{\sigma Z + \mu}(x)",
        heading="The reparameterisation rule",
        text=r"Source 000 samples eq. (1) by the rule "
        r"$\mathcal{N}(\mu, \sigma^2) = \sigma\mathcal{N}(0, 1) + \mu$. "
        r"Proof: the density of $\sigma Z + \mu$, for $Z \sim \mathcal{N}(0, 1)$ and $\sigma > 0$.",
        last_because=r"unfold both densities (source 000, eq. (6)): the density of "
        r"$\mathcal{N}(\mu, \sigma^2)$",
    )
    d.start(
        NormalPDF(x_t, sp.sqrt(1 - beta_t) * x_tm1, beta_t),
        lhs=r"q(\mathbf{x}_t \mid \mathbf{x}_{t-1})",
        relation=GIVEN,
        tag="1",
        display=NormalPDF(x_t, _coefficient_first(sp.sqrt(1 - beta_t) * x_tm1), beta_t),
        heading="Eq. (1) to eq. (2)",
        text=r"The forward process adds Gaussian noise at each step, eq. (1) (Ho et al. 2020, eq. (2)). "
        r"Kilaru writes the mean and the covariance as $\mu_t = \sqrt{1-\beta_t}\,\mathbf{x}_{t-1}$ and "
        r"$\sigma_t^2 = \beta_t\mathbf{I}$ inside the density.",
        because="the forward process: one noising step, a model assumption",
    )
    _density_chain(
        d,
        x=x_t,
        shift=sp.sqrt(1 - beta_t) * x_tm1,
        scale=sp.sqrt(beta_t),
        lhs=r"p_{\sqrt{1-\beta_t}\,\mathbf{x}_{t-1} + "
        r"\sqrt{\beta_t}\,\boldsymbol{\epsilon}_{t-1}}(\mathbf{x}_t)",
        text=r"Given $\mathbf{x}_{t-1}$, the right side of eq. (2) has the density of eq. (1): the rule with "
        r"$\mu = \sqrt{1-\beta_t}\,\mathbf{x}_{t-1}$, $\sigma = \sqrt{\beta_t}$, per coordinate. "
        r"So eq. (2) samples eq. (1).",
        last_because=r"the right side of eq. (1): the density of $q(\mathbf{x}_t \mid \mathbf{x}_{t-1})$",
    )


def _source_chain(d: Derivation) -> None:
    """Source 000, eqs. (2)-(4), line by line, with beta = 1 - alpha."""
    expr, shown = linear_combination((sp.sqrt(1 - beta_t), x_tm1), (sp.sqrt(beta_t), eps_tm1))
    d.start(
        expr,
        display=shown,
        lhs=x_t,
        relation=GIVEN,
        tag="2",
        because="eq. (2): eq. (1) sampled by the rule",
        heading="Eqs. (2) to (4), as source 000 writes them",
        text=r"The noises $\boldsymbol{\epsilon}_{t-1}, \boldsymbol{\epsilon}_{t-2}$ are independent "
        r"$\mathcal{N}(\mathbf{0}, \mathbf{I})$, and independent of $\mathbf{x}_{t-2}$.",
    )
    d.suppose(beta_t, 1 - alpha_t, because=r"the notation of Ho et al. (2020), $\alpha_t = 1 - \beta_t$")
    expr, shown = linear_combination((sp.sqrt(alpha_t), x_tm1), (sp.sqrt(1 - alpha_t), eps_tm1))
    d.then(
        expr,
        display=shown,
        relation=substitution(beta_t, 1 - alpha_t),
        because=r"substitute $\beta_t = 1 - \alpha_t$",
    )
    x_tm1_value, x_tm1_shown = linear_combination((sp.sqrt(alpha_tm1), x_tm2), (sp.sqrt(1 - alpha_tm1), eps_tm2))
    d.suppose(x_tm1, x_tm1_value, because=r"eq. (2) one step earlier, with $\beta_{t-1} = 1 - \alpha_{t-1}$")
    d.then(
        sp.sqrt(alpha_t) * x_tm1_value + sp.sqrt(1 - alpha_t) * eps_tm1,
        relation=substitution(x_tm1, x_tm1_value),
        because=r"eq. (2) one step earlier, for $\mathbf{x}_{t-1}$",
        display=sp.Add(
            sp.Mul(sp.sqrt(alpha_t), x_tm1_shown, evaluate=False),
            sp.Mul(sp.sqrt(1 - alpha_t), eps_tm1, evaluate=False),
            evaluate=False,
        ),
    )
    expr, shown = linear_combination(
        (root_of_product(alpha_t, alpha_tm1), x_tm2),
        (root_of_product(alpha_t, 1 - alpha_tm1), eps_tm2),
        (sp.sqrt(1 - alpha_t), eps_tm1),
    )
    d.then(expr, display=shown, tag="3", because="multiply out")
    merged = sp.Add(alpha_t, -alpha_t * alpha_tm1, 1, -alpha_t, evaluate=False)
    expr, shown = linear_combination(
        (root_of_product(alpha_t, alpha_tm1), x_tm2), (sp.Pow(merged, sp.S.Half, evaluate=False), eps_bar_tm2)
    )
    d.then(
        expr,
        display=shown,
        tag="4",
        relation=EQUAL_IN_DISTRIBUTION,
        because=r"two independent Gaussian noises merge into one, $\bar{\boldsymbol{\epsilon}}_{t-2} \sim "
        r"\mathcal{N}(\mathbf{0}, \mathbf{I})$: variances add, "
        r"$\alpha_t(1-\alpha_{t-1}) + 1 - \alpha_t = 1 - \alpha_t\alpha_{t-1}$",
    )


def _eq_5(d: Derivation) -> None:
    """Eq. (5): the density of the closed form given x_0, mean and variance read off (001, Property 1)."""
    _density_chain(
        d,
        x=x_t,
        shift=sp.sqrt(alpha_bar_t) * x_0,
        scale=sp.sqrt(1 - alpha_bar_t),
        tag="5",
        lhs=r"q(\mathbf{x}_t \mid \mathbf{x}_0)",
        heading="The closed form and eq. (5)",
        text=r"Source 000 continues eq. (4) down to $\mathbf{x}_0$: "
        r"$\mathbf{x}_t \overset{d}{=} \sqrt{\bar\alpha_t}\,\mathbf{x}_0 + "
        r"\sqrt{1-\bar\alpha_t}\,\boldsymbol{\epsilon}$, "
        r"$\bar\alpha_t = \prod_{i=1}^{t}\alpha_i$ (proved for every $t$ by induction below). "
        r"Given $\mathbf{x}_0$, its density is eq. (5) by the rule, with "
        r"$\mu = \sqrt{\bar\alpha_t}\,\mathbf{x}_0$, "
        r"$\sigma = \sqrt{1-\bar\alpha_t}$ (source 001, Property 1).",
        last_because=r"mean $\sqrt{\bar\alpha_t}\,\mathbf{x}_0$ and covariance $(1-\bar\alpha_t)\mathbf{I}$ "
        r"read off: eq. (5) (Ho et al. 2020, eq. (4))",
    )


def _terminal_kl(d: Derivation) -> None:
    """The per-dimension KL of q(x_T | x_0) from N(0, 1) (source 002, sec. 2; Ho et al. 2020, L_T)."""
    s_1, m_1 = sp.sqrt(1 - alpha_bar_T), sp.sqrt(alpha_bar_T) * x_0
    half = sp.Pow(2, -1, evaluate=False)
    formula = sp.Add(
        sp.log(1 / s_1),
        sp.Mul(sp.Add(s_1**2, m_1**2, evaluate=False), half, evaluate=False),
        -sp.S.Half,
        evaluate=False,
    )
    d.start(
        sp.log(1 / s_1) + (s_1**2 + m_1**2) / 2 - sp.S.Half,
        relation=GIVEN,
        display=formula,
        lhs=r"D_{\mathrm{KL}}\left(q(\mathbf{x}_T \mid \mathbf{x}_0) \,\|\, \mathcal{N}(\mathbf{0}, "
        r"\mathbf{I})\right)",
        heading=r"Where it goes: how close $q(\mathbf{x}_T \mid \mathbf{x}_0)$ is to "
        r"$\mathcal{N}(\mathbf{0}, \mathbf{I})$",
        text=r"Per dimension, with $\mu_1 = \sqrt{\bar\alpha_T}\,\mathbf{x}_0$, "
        r"$\sigma_1^2 = 1-\bar\alpha_T$, "
        r"$\mu_2 = 0$, $\sigma_2 = 1$ in $\log\frac{\sigma_2}{\sigma_1} + "
        r"\frac{\sigma_1^2 + (\mu_1-\mu_2)^2}{2\sigma_2^2} - \frac{1}{2}$.",
        because="KL divergence of two univariate normals (source 002, sec. 2)",
    )
    collected = sp.Mul(
        sp.Add(
            sp.Mul(alpha_bar_T, sp.Add(x_0**2, -1, evaluate=False), evaluate=False),
            -sp.log(1 - alpha_bar_T),
            evaluate=False,
        ),
        half,
        evaluate=False,
    )
    d.then(
        (alpha_bar_T * (x_0**2 - 1) - sp.log(1 - alpha_bar_T)) / 2,
        display=collected,
        because=r"collect terms; at $\mathbf{x}_0 = 1$ only $-\frac{1}{2}\log(1-\bar\alpha_T)$ is left",
    )


#: Item 6 of the issue, for the reader: what the terminal KL means.
MEANING_NOTE = (
    r"What this means for the reverse process: $q(\mathbf{x}_T \mid \mathbf{x}_0)$ is "
    r"$\mathcal{N}(\mathbf{0}, \mathbf{I})$ up to a KL of order $\bar\alpha_T / 2$ per dimension, whatever "
    r"$\mathbf{x}_0$ is (for data in $[-1, 1]$); by convexity of the KL the marginal $q(\mathbf{x}_T)$ is as "
    r"close. So starting the reverse process from a sample of $\mathcal{N}(\mathbf{0}, \mathbf{I})$ costs "
    r"almost nothing: this is the term $L_T$ of Ho et al. 2020, eq. (5), which has no trainable parameters. "
    r"The reason is that $\sqrt{\bar\alpha_T}\,\mathbf{x}_0$ vanishes, not the central limit theorem that "
    r"source 003 invokes: every $q(\mathbf{x}_t \mid \mathbf{x}_0)$ is exactly Gaussian, for every $t$."
)
#: Lines of source 000 that are typesetting slips, not mathematics.
NOT_SLIPS_NOTE = (
    r"Not recorded as slips (typesetting, not mathematics): source 000 refers to eq. (2) as a broken "
    r"tag command, writes $\epsilon$ without bold in eqs. (3)-(4), and "
    r"$\boldsymbol{\epsilon}_{t-1} \sim \mathcal{N}(0, 1)$ under eq. (2) where eqs. (1) and (5) use the "
    r"identity matrix $\mathbf{I}$ (right per coordinate; the linear_maps derivation notes the vector form "
    r"$\mathcal{N}(\mathbf{0}, \mathbf{I})$). The merge from (3) to (4) is correct (proved above); its $=$ means equal "
    r"in distribution."
)
#: Source 003, "Diffusion Models and Their Reverse Process": the forward step without its shrink factor.
SLIP_003_NOTE = (
    r"Source 003 writes the forward step as $x_t = x_{t-1} + \text{noise}$ (here the noise is "
    r"$\sqrt{\beta_t}\,\boldsymbol{\epsilon}_{t-1}$) and credits the central limit theorem for $q(\mathbf{x}_T)$ "
    r"approaching a normal. Without the factor $\sqrt{1 - \beta_t}$ of eq. (2), "
    r"$\mathbf{x}_T = \mathbf{x}_0 + \mathcal{N}(\mathbf{0}, \sum_t \beta_t \mathbf{I})$: the mean stays "
    r"$\mathbf{x}_0$ and the variance grows, so $q(\mathbf{x}_T)$ does not approach "
    r"$\mathcal{N}(\mathbf{0}, \mathbf{I})$. Its own later formula for $q(\mathbf{x}_t \mid \mathbf{x}_{t-1})$ "
    r"has the factor."
)
SCHEDULES = (
    ("linear", schedules.linear_beta,
     r"Ho et al. 2020, sec. 4: $\beta_t$ from $10^{-4}$ to $0.02$, $T = 1000$"),
    ("cosine", schedules.cosine_beta,
     r"Nichol & Dhariwal 2021, eq. (17): $s = 0.008$, $\beta_t$ clipped at $0.999$"),
)


def _scientific(value: float) -> str:
    """``4.0358e-05`` as LaTeX: ``4.0358 \\times 10^{-5}``."""
    mantissa, exponent = f"{value:.4e}".split("e")
    return rf"{mantissa} \times 10^{{{int(exponent)}}}"


def _schedule_notes(d: Derivation) -> None:
    """abar_T and the terminal KL for the linear and the cosine schedule (item 6 of the issue)."""
    for name, beta, cite in SCHEDULES:
        alpha_bar_T_value = float(schedules.alpha_bar(beta())[-1])
        kl = schedules.terminal_kl(alpha_bar_T_value, 1.0)
        d.note(
            f"The {name} schedule ({cite}): $\\bar\\alpha_T = {_scientific(alpha_bar_T_value)}$; at "
            f"$\\mathbf{{x}}_0 = 1$ the KL above is $-\\frac{{1}}{{2}}\\log(1 - \\bar\\alpha_T) = "
            f"{_scientific(kl)}$ nats per dimension."
        )
    d.note(MEANING_NOTE)
    d.note(NOT_SLIPS_NOTE)


def derive() -> CheckedDerivation:
    """Build and check the derivation; pure, no file I/O."""
    d = Derivation(
        "forward_process",
        title=r"The closed form of the forward process $q(\mathbf{x}_t \mid \mathbf{x}_0)$",
        sources=(
            "source 000, eqs. (1)-(5)",
            "source 001, Property 1 and the diffusion table",
            r"source 003, $q(\mathbf{x}_T)$ approaches $\mathcal{N}(\mathbf{0}, \mathbf{I})$",
            "source 002, sec. 2 (KL of two normals)",
            "Ho, Jain & Abbeel 2020, eqs. (2), (4)",
            "Nichol & Dhariwal 2021, eq. (17)",
        ),
    )
    d.declare_normals(eps_tm1, eps_tm2, eps_bar_tm2, eps, eps_0)
    # 0 < alpha_t, alpha_bar_t < 1 (Ho et al. 2020, sec. 2): the noise scales are real
    d.assume_positive(1 - alpha_t, 1 - alpha_tm1, 1 - alpha_t * alpha_tm1, 1 - alpha_bar_t, 1 - alpha_bar_tm1,
                      1 - alpha_t * alpha_bar_tm1)
    _reparameterisation(d)
    _source_chain(d)
    _eq_5(d)
    _terminal_kl(d)
    forward_induction.add_induction(d)
    d.slip(
        where="003, 'Diffusion Models and Their Reverse Process'",
        source_line=x_tm1 + sp.sqrt(beta_t) * eps_tm1,
        corrected=sp.sqrt(1 - beta_t) * x_tm1 + sp.sqrt(beta_t) * eps_tm1,
        note=SLIP_003_NOTE,
    )
    _schedule_notes(d)
    d.conclude(
        known=CLOSED_FORM,
        lhs=r"\mathbf{x}_{t}",
        source="Ho et al. 2020, eq. (4), reparameterised; source 000, before eq. (5); source 001, Prop. 1",
    )
    return d.check()


if __name__ == "__main__":
    from derivations.latex.script import run_script

    run_script(derive)
