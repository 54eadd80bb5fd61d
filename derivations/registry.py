"""The built-in derivations, by name, imported only when asked for.

Each module named here has a pure ``derive() -> CheckedDerivation`` that builds
and checks its derivation and writes no files.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from derivations.errors import BadInputError, DerivationError, UnknownDerivationError

if TYPE_CHECKING:
    from derivations.engine.steps import CheckedDerivation

#: name -> (module, title). Order is the order of ``derivations list`` and ``run``.
BUILTIN: dict[str, tuple[str, str]] = {
    "gaussian_convolution": ("derivations.gaussian.convolution",
                             "The sum of two Gaussians: the convolution integral"),
    "characteristic_function": ("derivations.gaussian.characteristic_function",
                                "The sum of two Gaussians: characteristic functions"),
    "kl_divergence": ("derivations.gaussian.kl", "KL divergence between two normals"),
    "kl_multivariate": ("derivations.gaussian.kl_multivariate", "KL divergence between multivariate normals"),
    "forward_process": ("derivations.diffusion.forward_process", "The closed form of the forward process q(x_t | x_0)"),
    "gaussian_product": ("derivations.gaussian.product", "The product of two Gaussian densities"),
    "gaussian_conditional": ("derivations.gaussian.conditional", "The conditional of a jointly Gaussian pair"),
    "ddpm_posterior": ("derivations.diffusion.ddpm_posterior", "The DDPM posterior q(x_{t-1} | x_t, x_0)"),
    "gaussian_integral": ("derivations.gaussian.gaussian_integral", "The Gaussian integral by polar coordinates"),
    "sum_density": ("derivations.gaussian.sum_density",
                    "The density of a sum of independent variables is the convolution"),
    "linear_maps": ("derivations.gaussian.linear_maps", "Linear maps of Gaussian vectors: y = Ax + b"),
    "conditional_blocks": ("derivations.gaussian.conditional_blocks",
                           "Marginals and conditionals of a joint Gaussian, in blocks"),
    "product_multivariate": ("derivations.gaussian.product_multivariate",
                             "The product of two multivariate Gaussian densities"),
    "mvn_normalisation": ("derivations.gaussian.pdf_normalisation",
                          "The multivariate Gaussian density integrates to 1"),
    "kl_general": ("derivations.gaussian.kl_general", "KL divergence between multivariate normals in d dimensions"),
    "likelihood_mse": ("derivations.gaussian.likelihood_mse", "Log-likelihood and squared error"),
    "gaussian_entropy": ("derivations.gaussian.entropy", "The entropy of a Gaussian, and maximum entropy"),
    "reparameterisation": ("derivations.gaussian.reparameterisation", "The reparameterisation trick and its gradients"),
    "central_limit": ("derivations.gaussian.clt", "The central limit theorem by characteristic functions"),
    "self_assessment": ("derivations.gaussian.self_assessment", "Source 002's self-assessment: questions 1 and 5"),
    "terminal_distribution": ("derivations.diffusion.terminal", "q(x_T | x_0) and q(x_T) close to N(0, I)"),
    "ddpm_elbo": ("derivations.diffusion.elbo", "The DDPM variational bound, split into KL terms"),
    "equal_variance_kl": ("derivations.diffusion.equal_variance_kl",
                          "The denoising term with equal variances (eq. (8))"),
    "noise_parameterisation": ("derivations.diffusion.noise_parameterisation",
                               "The noise parameterisation and the DDPM loss"),
    "ddim": ("derivations.diffusion.ddim", "DDIM: the non-Markovian family with the DDPM marginals, and its update"),
    "vdm_diffusion_loss": ("derivations.diffusion.vdm", "VDM: the posterior and the diffusion loss in SNR form"),
    "score_and_tweedie": ("derivations.diffusion.score", "The score, Tweedie's formula, and the noise as the score"),
    "equivalent_forms": ("derivations.diffusion.equivalent_forms",
                         "The posterior mean and the loss weight as Ho, Weng and Luo write them"),
    "schedule_numbers": ("derivations.diffusion.schedule_numbers",
                         "The schedules' numbers: abar_T and the weights of eq. (12)"),
}


def names() -> list[str]:
    return list(BUILTIN)


def title(name: str) -> str:
    return BUILTIN[name][1]


def module_path(name: str) -> str:
    """The dotted path of the module that builds the built-in derivation ``name``."""
    return BUILTIN[name][0]


def require(name: str) -> None:
    """Raise :class:`UnknownDerivationError` unless ``name`` is a built-in derivation (nothing is imported)."""
    if name not in BUILTIN:
        known = ", ".join(BUILTIN) or "none"
        raise UnknownDerivationError(f"unknown derivation '{name}'; known: {known}")


def deriver(name: str) -> Callable[[], CheckedDerivation]:
    """The ``derive`` function of the built-in derivation ``name``."""
    require(name)
    return importlib.import_module(BUILTIN[name][0]).derive


def derivers_from_file(path: Path) -> dict[str, Callable[[], CheckedDerivation]]:
    """The derivations a user's file defines: its ``derive`` function, run by name.

    The file is a Python module (it is executed, as ``python FILE`` would) that
    defines ``derive() -> CheckedDerivation``.
    """
    if not path.is_file():
        raise BadInputError(f"no such file: {path}")
    module_name = f"_user_derivation_{path.stem}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise BadInputError(f"not a Python file: {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as error:  # the user's file, not ours: one line, no traceback
        raise BadInputError(f"{path} cannot be loaded: {type(error).__name__}: {error}") from None
    derive = getattr(module, "derive", None)
    if not callable(derive):
        raise BadInputError(f"{path} defines no derive() function")

    def guarded() -> CheckedDerivation:
        try:
            return derive()
        except DerivationError:
            raise
        except Exception as error:  # a bug in the user's derivation: say where, in one line
            raise DerivationError(f"{path}: derive() raised {type(error).__name__}: {error}") from None
    return {path.stem: guarded}
