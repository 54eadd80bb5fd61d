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
