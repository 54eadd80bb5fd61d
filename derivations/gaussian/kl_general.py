r"""KL divergence between multivariate normals with general covariances, in :math:`d` dimensions.

.. math:: D_{\mathrm{KL}}\left(\mathcal{N}(\boldsymbol\mu_0, \Sigma_0) \,\|\,
          \mathcal{N}(\boldsymbol\mu_1, \Sigma_1)\right)
          = \frac12\left[\operatorname{tr}(\Sigma_1^{-1}\Sigma_0)
          + (\boldsymbol\mu_1 - \boldsymbol\mu_0)^\top\Sigma_1^{-1}(\boldsymbol\mu_1 - \boldsymbol\mu_0)
          - d + \ln\frac{|\Sigma_1|}{|\Sigma_0|}\right]

:mod:`derivations.gaussian.kl_multivariate` proves this for :math:`k = 2` (and diagonal covariances);
its boxed result has :math:`-2`, which is :math:`-d` at :math:`d = 2` (the first chain below checks
that the general formula at :math:`d = 2` is that result). Here, for every :math:`d`: the log-ratio
of the densities (proved), the trace trick
:math:`\mathbf{z}^\top A\mathbf{z} = \operatorname{tr}(A\mathbf{z}\mathbf{z}^\top)`
(proved), the two expectations under :math:`P` (linearity of the expectation and of the trace, and
:math:`\mathbb{E}_P[(\mathbf{x}-\boldsymbol\mu_0)(\mathbf{x}-\boldsymbol\mu_0)^\top] = \Sigma_0`, stated),
where :math:`\operatorname{tr}(\Sigma_0^{-1}\Sigma_0) = \operatorname{tr} I_d = d` is the :math:`-d`.

References: source 001, "KL divergences have closed forms"; Rasmussen & Williams, *Gaussian Processes
for Machine Learning* (2006), appendix A.5; Petersen & Pedersen, *The Matrix Cookbook* (2012), eq. (380).
"""

from __future__ import annotations

import sympy as sp

from derivations.engine.derivation import CheckedDerivation, Derivation
from derivations.engine.matrices import MVNormalPDF, as_written, d, matrix, matrix_at, minus, quadratic
from derivations.engine.relations import DEFINITION, GIVEN
from derivations.gaussian import kl_multivariate as k2

x = matrix(r"\mathbf{x}", d, 1)
mu_0, mu_1 = matrix(r"\boldsymbol{\mu}_{0}", d, 1), matrix(r"\boldsymbol{\mu}_{1}", d, 1)
Sigma_0, Sigma_1 = matrix(r"\Sigma_{0}", kind="positive definite"), matrix(r"\Sigma_{1}", kind="positive definite")
HALF = sp.Rational(1, 2)
D_KL = r"D_{\mathrm{KL}}(P \,\|\, Q)"


_q = quadratic


#: The published formula, every d.
FORMULA = sp.Mul(HALF, sp.Add(sp.Trace(Sigma_1.I * Sigma_0), _q(minus(mu_1, mu_0), Sigma_1.I), -d,
                              sp.log(sp.Determinant(Sigma_1) / sp.Determinant(Sigma_0)), evaluate=False),
                 evaluate=False)


def _at_two(d_: Derivation) -> None:
    """The formula at d = 2 is kl_multivariate's boxed result (Cholesky factors)."""
    sigma_0, sigma_1 = k2.covariance(k2.l_11, k2.l_21, k2.l_22), k2.covariance(k2.m_11, k2.m_21, k2.m_22)
    mean_0, mean_1 = sp.Matrix([k2.mu_01, k2.mu_02]), sp.Matrix([k2.mu_11, k2.mu_12])
    values = {d: 2, Sigma_0: sigma_0, Sigma_1: sigma_1, mu_0: mean_0, mu_1: mean_1}
    d_.start(FORMULA, lhs=D_KL, relation=DEFINITION, heading="The formula, and d = 2",
             text=r"The formula to derive; at $d = 2$, with $\Sigma_j = L_jL_j^\top$ as in kl_multivariate, it is "
                  r"that derivation's boxed result, whose $-2$ is this $-d$.",
             because="Rasmussen & Williams (2006), A.5")
    d_.then(k2.matrix_kl(mean_0, sigma_0, mean_1, sigma_1), relation=matrix_at(values, label="$d = 2$"),
            because="kl_multivariate's result, $k = 2$")


def _log_ratio(d_: Derivation) -> None:
    """log p - log q: the two quadratic forms and the log-determinants."""
    ratio = HALF * sp.log(sp.Determinant(Sigma_1) / sp.Determinant(Sigma_0)) - HALF * _q(minus(x, mu_0), Sigma_0.I) \
        + HALF * _q(minus(x, mu_1), Sigma_1.I)
    d_.start(ratio, lhs=sp.log(MVNormalPDF(x, mu_0, Sigma_0)) - sp.log(MVNormalPDF(x, mu_1, Sigma_1)), tag="1",
             heading="The log-ratio", because=r"the two log-densities; $(2\pi)^{-d/2}$ cancels")


def _trace_trick(d_: Derivation) -> None:
    """z^T A z = tr(A z z^T), and the quadratic form about mu_1 written about mu_0."""
    z = minus(x, mu_0)
    d_.start(sp.Trace(Sigma_0.I * z * sp.Transpose(z)), lhs=_q(z, Sigma_0.I), tag="2", heading="The trace trick",
             because=r"a number is its own trace, and $\operatorname{tr}(AB) = \operatorname{tr}(BA)$")
    shift = minus(mu_0, mu_1)
    d_.start(sp.Trace(Sigma_1.I * z * sp.Transpose(z)) + 2 * _q(shift, Sigma_1.I, z) + _q(shift, Sigma_1.I),
             lhs=_q(minus(x, mu_1), Sigma_1.I), tag="3",
             because=r"$\mathbf{x} - \boldsymbol{\mu}_1 = (\mathbf{x} - \boldsymbol{\mu}_0) + (\boldsymbol{\mu}_0 - "
                     r"\boldsymbol{\mu}_1)$; the trace trick")


def _expectations(d_: Derivation) -> None:
    """The expectations under P, and their sum."""
    d_.start(sp.Trace(Sigma_0.I * Sigma_0), lhs=r"\mathbb{E}_P\left[(\mathbf{x} - \boldsymbol{\mu}_0)^\top "
             r"\Sigma_0^{-1}(\mathbf{x} - \boldsymbol{\mu}_0)\right]", relation=GIVEN, heading="The expectations "
                                                                                               "under P",
             because=r"by (2); linearity of the expectation and the trace, "
                     r"$\mathbb{E}_P[(\mathbf{x} - \boldsymbol{\mu}_0)(\mathbf{x} - \boldsymbol{\mu}_0)^\top] = "
                     r"\Sigma_0$")
    d_.then(d, tag="d", because=r"$\operatorname{tr}(\Sigma_0^{-1}\Sigma_0) = \operatorname{tr} I_d = d$")
    d_.start(sp.Trace(Sigma_1.I * Sigma_0) + _q(minus(mu_0, mu_1), Sigma_1.I), relation=GIVEN,
             lhs=r"\mathbb{E}_P\left[(\mathbf{x} - \boldsymbol{\mu}_1)^\top \Sigma_1^{-1}(\mathbf{x} - "
                 r"\boldsymbol{\mu}_1)\right]",
             because=r"by (3): the covariance $\Sigma_0$ in the trace, and $\mathbb{E}_P[\mathbf{x} - "
                     r"\boldsymbol{\mu}_0] = 0$ "
                     "in the cross term")
    d_.then(sp.Trace(Sigma_1.I * Sigma_0) + _q(minus(mu_1, mu_0), Sigma_1.I), tag="m",
            because=r"$(-\mathbf{v})^\top A(-\mathbf{v}) = \mathbf{v}^\top A\mathbf{v}$")
    d_.start(HALF * sp.log(sp.Determinant(Sigma_1) / sp.Determinant(Sigma_0)) - HALF * d
             + HALF * (sp.Trace(Sigma_1.I * Sigma_0) + _q(minus(mu_1, mu_0), Sigma_1.I)), lhs=D_KL, relation=GIVEN,
             heading="The divergence",
             because=r"$D_{\mathrm{KL}} = \mathbb{E}_P[\log p - \log q]$: (1), linearity, (d) and (m)")
    d_.then(FORMULA, because="collect the terms: the $-d$ is $\\operatorname{tr}(\\Sigma_0^{-1}\\Sigma_0)$")


def build() -> Derivation:
    """The derivation, unchecked."""
    d_ = Derivation("kl_general", title="KL divergence between multivariate normals in d dimensions",
                    sources=("source 001, 'KL divergences have closed forms'",
                             "Rasmussen & Williams (2006), appendix A.5; The Matrix Cookbook, eq. (380)"))
    _at_two(d_)
    _log_ratio(d_)
    _trace_trick(d_)
    _expectations(d_)
    as_written(d_)
    d_.conclude(known=FORMULA, lhs=r"D_{\mathrm{KL}}\left(\mathcal{N}(\boldsymbol{\mu}_0, \Sigma_0) \,\|\, "
                r"\mathcal{N}(\boldsymbol{\mu}_1, \Sigma_1)\right)",
                source="Rasmussen & Williams (2006), appendix A.5 (every d)")
    return d_


def derive() -> CheckedDerivation:
    """Build and check the derivation; pure, no file I/O."""
    return build().check()


if __name__ == "__main__":
    from derivations.latex.script import run_script

    run_script(derive)
