r"""What each reference implementation must compute: the derived results, wired to the code.

For every function of :mod:`derivations.code.reference` an
:class:`~derivations.code.check.Implementation` names the derived SymPy expression
(taken from the checked derivation: its result, or a tagged line), the symbols
the code receives, and how to call the code at a point. The derivation's symbols
are rewritten in terms of the code's inputs:

* a variance argument ``var`` stands for :math:`\sigma^2` (so :math:`\sigma \to \sqrt{\mathrm{var}}`);
* the schedule arrays give :math:`\bar\alpha_t` and :math:`\bar\alpha_{t-1}`, so
  :math:`\alpha_t \to \bar\alpha_t / \bar\alpha_{t-1}` and
  :math:`\beta_t \to 1 - \bar\alpha_t/\bar\alpha_{t-1}`
  (the relations :math:`\bar\alpha_t = \alpha_t\bar\alpha_{t-1}`, :math:`\beta_t = 1 - \alpha_t`
  of Ho et al. 2020, eq. (4)).

Derivations are run once per process (they are slow) and only when a check asks.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Mapping

import mpmath
import numpy as np
import sympy as sp

from derivations import registry
from derivations.code import check as codecheck
from derivations.code import error_scale, reference
from derivations.code.check import ArrayImplementation, Implementation, TargetUnavailable, indexed
from derivations.diffusion import schedules
from derivations.engine.checking import check_equal
from derivations.engine.defined import unfold
from derivations.engine.densities import normal_pdf
from derivations.engine.notation import symbol
from derivations.engine.steps import CheckedDerivation
from derivations.errors import DerivationError

x, mu, mu_1, mu_2 = (symbol(n) for n in ("x", "mu", "mu_1", "mu_2"))
sigma_1, sigma_2 = symbol("sigma_1"), symbol("sigma_2")
x_0, x_t, x_tm1, eps, eps_tm1 = (symbol(n) for n in ("x_0", "x_t", "x_tm1", "eps", "eps_tm1"))
alpha_t, beta_t = symbol("alpha_t"), symbol("beta_t")
alpha_bar_t, alpha_bar_tm1 = symbol("alpha_bar_t"), symbol("alpha_bar_tm1")
#: The code's variance arguments (sigma^2), positive.
var, var_1, var_2 = (sp.Symbol(n, positive=True) for n in ("var", "var_1", "var_2"))
#: The time step used to index the schedule arrays in the checks (any t >= 1 would do).
STEP = 7
#: alpha_bar_t from the arrays: the relations of Ho et al. (2020), eq. (4) and below.
SCHEDULE_RELATIONS = {alpha_t: alpha_bar_t / alpha_bar_tm1, beta_t: 1 - alpha_bar_t / alpha_bar_tm1}


def module_function(module: str, name: str) -> Callable[[], object]:
    """``name`` in the module of the built-in derivation ``module``, or :class:`TargetUnavailable`."""
    try:
        return getattr(importlib.import_module(registry.module_path(module)), name)
    except (ImportError, AttributeError, KeyError) as error:
        raise TargetUnavailable(f"derivation {module}: {name} is missing ({error})") from None


@functools.cache
def checked(module: str) -> CheckedDerivation:
    """The checked built-in derivation ``module`` (run once per process)."""
    return _run(module, module_function(module, "derive"))


def _run(module: str, function: Callable[[], object]) -> object:
    """``function()``; any failure of the derivation module becomes "not checked", never a crash or a pass."""
    try:
        return function()
    except DerivationError as error:
        raise TargetUnavailable(f"derivation {module} failed: {error}") from None
    except Exception as error:  # noqa: BLE001 - a module being edited may fail in any way; name it
        raise TargetUnavailable(f"derivation {module} failed: {type(error).__name__}: {error}") from None


def derived_result(module: str) -> sp.Expr:
    """The last line derived (the derivation's result), its named functions unfolded."""
    return unfold(checked(module).result)


def tagged_line(module: str, tag: str) -> sp.Expr:
    """The derived line with ``tag`` (the first, if several carry it)."""
    for step in checked(module).steps:
        if step.step.tag == tag:
            return unfold(step.step.expr)
    raise TargetUnavailable(f"derivation {module} has no line tagged ({tag})")


def mean_and_variance(density: sp.Expr, variable: sp.Symbol) -> tuple[sp.Expr, sp.Expr]:
    r"""Mean and variance read off a Gaussian density in ``variable``.

    With :math:`\ell = \log f` quadratic in :math:`x` (proved: :math:`\ell''' = 0`),
    :math:`\sigma^2 = -1/\ell''` and :math:`\mu = x + \sigma^2 \ell'`, both free of :math:`x`.
    """
    log_f = sp.expand_log(sp.log(density), force=True)
    third = check_equal(sp.diff(log_f, variable, 3), sp.S.Zero)
    if not third.proved:
        raise TargetUnavailable(f"the derived result is not a Gaussian density in {variable}")
    variance = sp.simplify(-1 / sp.diff(log_f, variable, 2))
    mean = sp.simplify(variable + variance * sp.diff(log_f, variable))
    return mean.subs(variable, 0), variance.subs(variable, 0)


def _with_variances(expr: sp.Expr) -> sp.Expr:
    return expr.xreplace({sigma_1: sp.sqrt(var_1), sigma_2: sp.sqrt(var_2)})


def _from_arrays(expr: sp.Expr) -> sp.Expr:
    return expr.xreplace(SCHEDULE_RELATIONS)


def _alpha_bar(values: Mapping[sp.Symbol, object]) -> np.ndarray:
    """The schedule array holding alpha_bar_tm1 and alpha_bar_t at steps STEP - 1 and STEP."""
    return indexed({STEP - 1: values[alpha_bar_tm1], STEP: values[alpha_bar_t]})


# --- the targets -----------------------------------------------------------------------


def _convolution() -> tuple[sp.Expr, ...]:
    return tuple(_with_variances(e) for e in mean_and_variance(derived_result("gaussian_convolution"), x))


def _log_pdf() -> tuple[sp.Expr, ...]:
    line = tagged_line("kl_divergence", "1")  # the log-density of P, derived in step 1
    return (line.xreplace({mu_1: mu, sigma_1: sp.sqrt(var)}),)


#: The dimension of the diagonal Gaussians in the kl_diagonal check, and their parameters.
DIMENSION = 3
MU_1 = sp.symbols(f"mu_1_1:{DIMENSION + 1}", real=True)
MU_2 = sp.symbols(f"mu_2_1:{DIMENSION + 1}", real=True)
VAR_1 = sp.symbols(f"var_1_1:{DIMENSION + 1}", positive=True)
VAR_2 = sp.symbols(f"var_2_1:{DIMENSION + 1}", positive=True)
DIAGONAL = (MU_1, VAR_1, MU_2, VAR_2)


def _kl_diagonal() -> tuple[sp.Expr, ...]:
    """The last line of kl_multivariate's diagonal chain (k = 3): the matrix formula, diagonal covariances."""
    diagonal_kl = module_function("kl_multivariate", "DiagonalKL")
    mu_0, s_0, mu_1, s_1 = module_function("kl_multivariate", "diagonal_symbols")(DIMENSION)
    lines = [s.step.expr for s in checked("kl_multivariate").steps if isinstance(s.step.expr, diagonal_kl)]
    if not lines:
        raise TargetUnavailable("derivations.gaussian.kl_multivariate has no diagonal line")
    rename = {**dict(zip(mu_0, MU_1)), **dict(zip(mu_1, MU_2)),
              **{s: sp.sqrt(v) for s, v in zip(s_0, VAR_1)}, **{s: sp.sqrt(v) for s, v in zip(s_1, VAR_2)}}
    return (unfold(lines[0]).xreplace(rename),)


def _vector(values: Mapping[sp.Symbol, object], names: tuple[sp.Symbol, ...]) -> np.ndarray:
    """The coordinates ``names`` as one array (floats, or SymPy symbols as objects)."""
    return np.array([values[n] for n in names])


def implementations() -> dict[str, Implementation]:
    """Every reference implementation with its derived target, by name."""
    items = [
        Implementation("normal_pdf", reference.normal_pdf, lambda: (normal_pdf(x, mu, var),),
                       "the Gaussian density (source 000, eq. (6))", (x, mu, var),
                       lambda v: (v[x], v[mu], v[var])),
        Implementation("normal_log_pdf", reference.normal_log_pdf, _log_pdf,
                       "kl_divergence, line (1): the derived log-density", (x, mu, var),
                       lambda v: (v[x], v[mu], v[var])),
        Implementation("gaussian_convolution", reference.gaussian_convolution, _convolution,
                       "gaussian_convolution: mean and variance of the derived density",
                       (mu_1, var_1, mu_2, var_2), lambda v: (v[mu_1], v[var_1], v[mu_2], v[var_2])),
        Implementation("kl_normal", reference.kl_normal,
                       lambda: (_with_variances(derived_result("kl_divergence")),),
                       "kl_divergence: the derived result", (mu_1, var_1, mu_2, var_2),
                       lambda v: (v[mu_1], v[var_1], v[mu_2], v[var_2])),
        Implementation("kl_diagonal", reference.kl_diagonal, _kl_diagonal,
                       "kl_multivariate: the diagonal chain's last line (k = 3)",
                       tuple(s for group in DIAGONAL for s in group),
                       lambda v: tuple(_vector(v, group) for group in DIAGONAL)),
        Implementation("forward_step", reference.forward_step,
                       lambda: (tagged_line("forward_process", "2").xreplace({eps_tm1: eps}),),
                       "forward_process, line (2): eq. (2), proved to sample eq. (1)",
                       (x_tm1, beta_t, eps),
                       lambda v: (v[x_tm1], STEP, v[eps], indexed({STEP: v[beta_t]}))),
        Implementation("q_sample", reference.q_sample, lambda: (derived_result("forward_process"),),
                       "forward_process: the derived closed form", (x_0, alpha_bar_t, eps),
                       lambda v: (v[x_0], STEP, v[eps], indexed({STEP: v[alpha_bar_t]}))),
        *_posterior(),
        *_objective(),
    ]
    return {impl.name: impl for impl in items}


def _posterior() -> list[Implementation]:
    constraint = (alpha_bar_t < alpha_bar_tm1,)

    def target(name: str) -> Callable[[], tuple[sp.Expr, ...]]:
        def derived() -> tuple[sp.Expr, ...]:
            line = module_function("ddpm_posterior", name)  # checks the derivation once
            return (_from_arrays(_run("ddpm_posterior", line)),)
        return derived

    return [
        Implementation("posterior_mean", reference.posterior_mean, target("posterior_mean_x0"),
                       "ddpm_posterior: the derived mean, eq. (7)", (x_0, x_t, alpha_bar_t, alpha_bar_tm1),
                       lambda v: (v[x_0], v[x_t], STEP, _alpha_bar(v)), constraint),
        Implementation("posterior_mean_from_eps", reference.posterior_mean_from_eps,
                       target("posterior_mean_eps"), "ddpm_posterior: the derived noise form, eq. (10)",
                       (x_t, eps, alpha_bar_t, alpha_bar_tm1),
                       lambda v: (v[x_t], STEP, v[eps], _alpha_bar(v)), constraint),
        Implementation("posterior_variance", reference.posterior_variance, target("posterior_variance"),
                       "ddpm_posterior: the derived variance, eq. (7)", (alpha_bar_t, alpha_bar_tm1),
                       lambda v: (STEP, _alpha_bar(v)), constraint),
    ]


# --- the objective chain (issue 18): the loss weights and the DDIM update ---------------------

#: DDIM's noise scale sigma_t (any sign) and eta, as the code receives them.
sigma_code, eta_code = symbol("sigma_ddim"), symbol("eta")
eps_theta = symbol("eps_theta")


def diffusion_function(module: str, name: str) -> Callable[[], object]:
    """``name`` in ``derivations.diffusion.<module>`` (registered or not), or :class:`TargetUnavailable`."""
    try:
        return getattr(importlib.import_module(f"derivations.diffusion.{module}"), name)
    except (ImportError, AttributeError) as error:
        raise TargetUnavailable(f"derivations.diffusion.{module}: {name} is missing ({error})") from None


@functools.cache
def checked_diffusion(module: str) -> CheckedDerivation:
    """The checked derivation of ``derivations.diffusion.<module>`` (run once per process)."""
    return _run(module, diffusion_function(module, "derive"))


def _tagged(module: str, tag: str) -> sp.Expr:
    for step in checked_diffusion(module).steps:
        if step.step.tag == tag:
            return unfold(step.step.expr)
    raise TargetUnavailable(f"derivations.diffusion.{module} has no line tagged ({tag})")


def _eps_weight() -> tuple[sp.Expr, ...]:
    """noise_parameterisation, line (12): the weight of the norm, sigma_t^2 the code's ``var``."""
    norm_eps = symbol("norm_eps")
    weight = sp.cancel(_tagged("noise_parameterisation", "12").args[0] / norm_eps)
    if weight.has(norm_eps):
        raise TargetUnavailable("noise_parameterisation, line (12), is not a weight times the norm")
    return (_from_arrays(weight.xreplace({symbol("sigma_t"): sp.sqrt(var)})),)


def _snr_weight() -> tuple[sp.Expr, ...]:
    """noise_parameterisation, line (SNR): the signal-to-noise ratios as the derivation defines them."""
    definitions = checked_diffusion("noise_parameterisation").derivation.definitions
    ratios = {s: definitions[s] for s in (symbol("snr_t"), symbol("snr_tm1"))}
    return (_tagged("noise_parameterisation", "SNR").xreplace(ratios),)


def _ddim(name: str, tag: str) -> Callable[[], tuple[sp.Expr, ...]]:
    """A DDIM line in the code's names: DDIM's alpha_t is the array's alpha_bar[t] (the letters' table)."""
    def derived() -> tuple[sp.Expr, ...]:
        ddim = importlib.import_module("derivations.diffusion.ddim")
        line = _run("ddim", diffusion_function("ddim", "ddim_update")) if tag == "12" else _tagged("ddim", tag)
        names = {ddim.alpha_t: alpha_bar_t, ddim.alpha_tm1: alpha_bar_tm1, ddim.sigma_t: sigma_code,
                 ddim.eta: eta_code, ddim.eps_t: eps}
        return (line.xreplace(names),)
    return derived


def _objective() -> list[Implementation]:
    decreasing = (alpha_bar_t < alpha_bar_tm1,)
    ddim_admissible = (alpha_bar_t < alpha_bar_tm1, sigma_code**2 < 1 - alpha_bar_tm1)
    return [
        Implementation("eps_loss_weight", reference.eps_loss_weight, _eps_weight,
                       "noise_parameterisation, line (12): the weight of eq. (12)", (alpha_bar_t, alpha_bar_tm1, var),
                       lambda v: (STEP, _alpha_bar(v), v[var]), decreasing),
        Implementation("snr_loss_weight", reference.snr_loss_weight, _snr_weight,
                       "noise_parameterisation, line (SNR): the weight with sigma_t^2 = beta_tilde_t",
                       (alpha_bar_t, alpha_bar_tm1), lambda v: (STEP, _alpha_bar(v)), decreasing),
        Implementation("ddim_step", reference.ddim_step, _ddim("ddim_step", "12"),
                       "ddim, line (12): the update of Song et al. 2021, eq. (12)",
                       (x_t, eps_theta, alpha_bar_t, alpha_bar_tm1, sigma_code, eps),
                       lambda v: (v[x_t], STEP, v[eps_theta], _alpha_bar(v), v[sigma_code], v[eps]),
                       ddim_admissible, {sigma_code: (-0.9, 0.9)}),
        Implementation("ddim_sigma", reference.ddim_sigma, _ddim("ddim_sigma", "16"),
                       "ddim, line (16): sigma_t(eta) of Song et al. 2021, eq. (16)",
                       (alpha_bar_t, alpha_bar_tm1, eta_code), lambda v: (STEP, _alpha_bar(v), v[eta_code]),
                       decreasing),
    ]


# --- the schedules: every entry against the published formula at 50 digits -------------

t_step, T_steps, s_offset = (sp.Symbol(n, positive=True) for n in ("t", "T", "s"))
beta_first, beta_last, beta_max = (sp.Symbol(n, positive=True) for n in ("beta_1", "beta_T", "beta_max"))
#: Ho et al. (2020), sec. 4: beta rises linearly from beta_1 to beta_T over T steps.
LINEAR_BETA = beta_first + (t_step - 1) / (T_steps - 1) * (beta_last - beta_first)


def cosine_f(step: sp.Expr) -> sp.Expr:
    """Nichol & Dhariwal (2021), eq. (17): f(t) = cos^2(((t/T + s)/(1 + s)) pi/2)."""
    return sp.cos((step / T_steps + s_offset) / (1 + s_offset) * sp.pi / 2) ** 2


#: Nichol & Dhariwal (2021), eq. (17) and sec. 3.2 (beta clipped at 0.999).
COSINE_ALPHA_BAR = cosine_f(t_step) / cosine_f(sp.S.Zero)
COSINE_BETA = sp.Min(1 - cosine_f(t_step) / cosine_f(t_step - 1), beta_max)

SCHEDULE_STEPS = 1000
SCHEDULE_VALUES = {T_steps: SCHEDULE_STEPS, s_offset: 0.008, beta_first: 1e-4, beta_last: 0.02,
                   beta_max: 0.999}
_WHY = "array code (SymPy cannot run np.linspace, np.cumprod), so every entry is checked"


def _formula(expr: sp.Expr, first_step: int) -> Callable[[int], tuple[object, object]]:
    def exact(index: int) -> tuple[object, object]:
        return error_scale.value_and_error_scale(expr, {**SCHEDULE_VALUES, t_step: index + first_step})
    return exact


def _running_product(beta: Callable[[], object], first_step: int) -> Callable[[int], tuple[object, object]]:
    r"""Exact :math:`\prod_{i \le t} (1 - \beta_i)` of the float64 betas.

    The error scale is that of :func:`derivations.code.error_scale.value_and_error_scale` for t factors.
    """
    @functools.lru_cache(maxsize=1)
    def table() -> list[tuple[object, object]]:
        rows, value = [], mpmath.mpf(1)
        with mpmath.workdps(error_scale.DIGITS):
            for count, b in enumerate(np.asarray(beta(), dtype=float).tolist(), start=1):
                value *= 1 - mpmath.mpf(b)
                rows.append((+value, value * (2 * count + 1)))
        return [(mpmath.mpf(1), mpmath.mpf(1))] * first_step + rows

    return lambda index: table()[index]


def schedule_implementations() -> dict[str, ArrayImplementation]:
    """The schedule functions of :mod:`derivations.diffusion.schedules` and :func:`reference.paper_indexed`."""
    T, s = SCHEDULE_STEPS, SCHEDULE_VALUES[s_offset]
    items = [
        ArrayImplementation("linear_beta", lambda: schedules.linear_beta(T), _formula(LINEAR_BETA, 1),
                            "Ho et al. 2020, sec. 4 (linear, 1e-4 to 0.02, T = 1000)", _WHY),
        ArrayImplementation("cosine_alpha_bar", lambda: schedules.cosine_alpha_bar(T, s),
                            _formula(COSINE_ALPHA_BAR, 0), "Nichol & Dhariwal 2021, eq. (17)", _WHY),
        ArrayImplementation("cosine_beta", lambda: schedules.cosine_beta(T, s), _formula(COSINE_BETA, 1),
                            "Nichol & Dhariwal 2021, eq. (17) and sec. 3.2 (clipped at 0.999)", _WHY),
        ArrayImplementation("alpha_bar", lambda: schedules.alpha_bar(schedules.linear_beta(T)),
                            _running_product(lambda: schedules.linear_beta(T), 0),
                            "the product of (1 - beta_i), i <= t (Ho et al. 2020, below eq. (4))", _WHY),
        ArrayImplementation("paper_indexed", lambda: reference.paper_indexed(schedules.cosine_beta(T, s))[1],
                            _running_product(lambda: schedules.cosine_beta(T, s), 1),
                            "alpha_bar_0 = 1, then the product of (1 - beta_i), i <= t", _WHY),
    ]
    return {impl.name: impl for impl in items}


def names() -> list[str]:
    """Every checked implementation, in the order of :mod:`derivations.code.reference` then the schedules."""
    return [*implementations(), *schedule_implementations()]


def check(name: str, points: int = codecheck.DEFAULT_POINTS) -> codecheck.CodeVerdict:
    """The verdict on the implementation ``name`` (``KeyError`` if there is none)."""
    functions = implementations()
    if name in functions:
        return codecheck.check_implementation(functions[name], points)
    return codecheck.check_array(schedule_implementations()[name])
