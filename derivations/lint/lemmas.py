r"""Results the project has proved, cited when a post states them.

In a diffusion post (:func:`~derivations.lint.post.is_diffusion_post`), the densities of
Ho et al. (2020) have their proved closed forms, and a KL divergence between two Gaussians
has its closed form:

* the forward step, :math:`q(\mathbf{x}_t \mid \mathbf{x}_{t-1})` (Ho et al. eq. (2));
* its closed form, :math:`q(\mathbf{x}_t \mid \mathbf{x}_0) = \mathcal{N}(\mathbf{x}_t;
  \sqrt{\bar\alpha_t}\mathbf{x}_0, (1-\bar\alpha_t)\mathbf{I})` (derivation ``forward_process``;
  Ho et al. eq. (4));
* the posterior, :math:`q(\mathbf{x}_{t-1} \mid \mathbf{x}_t, \mathbf{x}_0) = \mathcal{N}(\mathbf{x}_{t-1};
  \tilde\mu_t, \tilde\beta_t\mathbf{I})` (derivation ``ddpm_posterior``; Ho et al. eqs. (6)-(7));
* :math:`D_{\mathrm{KL}}(\mathcal{N}(\mu_1, \sigma_1^2) \,\|\, \mathcal{N}(\mu_2, \sigma_2^2))`
  in closed form (derivation ``kl_divergence``).

A step the engine proves only with one of them substituted is proved *by citing it*; the
report names the result.
"""

from __future__ import annotations

from collections.abc import Callable

import sympy as sp

from derivations.engine.densities import NormalPDF
from derivations.engine.probability import Density, Divergence
from derivations.engine.radicals import provably
from derivations.latex.reader import GaussianLaw


def _forward_densities() -> dict[tuple[str, tuple[str, ...], tuple[str, ...]], tuple[sp.Expr, str]]:
    """The densities of the forward process and the posterior, as the derivations prove them."""
    from derivations.diffusion import ddpm_posterior as posterior
    from derivations.diffusion import forward_process as forward

    one_step = NormalPDF(forward.x_t, sp.sqrt(1 - forward.beta_t) * forward.x_tm1, forward.beta_t)
    return {
        ("q", ("x_t",), ("x_t-1",)): (one_step, "the forward process, Ho et al. (2020) eq. (2)"),
        ("q", ("x_t",), ("x_0",)): (forward.EQ_5, "the proved closed form of the forward process "
                                                  "(forward_process; Ho et al. eq. (4))"),
        ("q", ("x_t-1",), ("x_t", "x_0")): (
            NormalPDF(posterior.x_tm1, posterior.HO_EQ7_MU_TILDE, posterior.HO_EQ7_BETA_TILDE),
            "the proved DDPM posterior (ddpm_posterior; Ho et al. eqs. (6)-(7))"),
    }


def forward_step() -> sp.Expr:
    """Ho et al. (2020) eq. (2): the density of one forward step, in the project's symbols."""
    return _forward_densities()[("q", ("x_t",), ("x_t-1",))][0]


def with_lemmas(expr: sp.Expr, *, diffusion: bool, rename: Callable[[sp.Expr], sp.Expr] = lambda value: value,
                positive: tuple[sp.Expr, ...] = ()) -> tuple[sp.Expr, list[str]]:
    """``expr`` with each built-in result it states substituted (``rename``d), and the results cited.

    ``diffusion`` says whether the densities of Ho et al. hold (a diffusion post with their
    forward step); the KL of two Gaussians holds wherever its variances may be positive (under the
    ``positive`` hypotheses of the step: with x < 1 stated, N(0, x - 1) is no law).
    """
    cited: list[str] = []
    mapping: dict[sp.Expr, sp.Expr] = {}
    if diffusion:
        known = _forward_densities()
        for density in expr.atoms(Density):
            key = (str(density.family), tuple(map(str, density.outcomes)), tuple(map(str, density.conditions)))
            if key in known:
                mapping[density] = rename(known[key][0])
                cited.append(known[key][1])
    for divergence in expr.atoms(Divergence):
        closed = _gaussian_kl(*divergence.args, positive)
        if closed is not None:
            mapping[divergence] = closed
            cited.append("the proved KL divergence of two normals (kl_divergence; source 002, sec. 2)")
    return (expr.xreplace(mapping), sorted(set(cited))) if mapping else (expr, [])


def _gaussian_kl(first: sp.Expr, second: sp.Expr, positive: tuple[sp.Expr, ...] = ()) -> sp.Expr | None:
    """The closed form of the KL divergence of two normals (per coordinate), or None."""
    from derivations.gaussian.kl import KLNormal

    laws = []
    for law in (first, second):
        if isinstance(law, GaussianLaw):
            laws.append((None, *law.args))
        elif isinstance(law, NormalPDF):
            laws.append(law.args)
        else:
            return None
    (x_1, mean_1, var_1), (x_2, mean_2, var_2) = laws
    if x_1 != x_2:
        return None  # densities of different variables: not the divergence of two laws
    if any(var.is_positive is False or provably(-var, "nonnegative", positive) for var in (var_1, var_2)):
        return None  # N(0, -1) is no law: the formula does not apply
    return KLNormal(mean_1, var_1, mean_2, var_2).unfold_once()
