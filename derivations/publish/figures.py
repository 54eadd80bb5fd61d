r"""The source documents' figures, redrawn from the proved formulas (``pip install .[figures]``).

* ``gaussian_sum``: source 000, Figure 3, the naive pointwise sum :math:`g_1(x) + g_2(x)`
  of the densities of :math:`\mathcal{N}(-3, 3^2)` and :math:`\mathcal{N}(3, 4^2)` (total mass 2;
  its caption says how many maxima the curve has, counted by :func:`maxima`) next to their
  convolution, the density of the sum.
* ``gaussian_convolution``: source 000, Figure 4, ``np.convolve`` of the discretised
  densities against the exact :math:`\mathcal{N}(0, 5^2)`, with the error panel.
* ``forward_marginals``: source 003's claim that :math:`q(\mathbf{x}_t)` approaches
  :math:`\mathcal{N}(0, 1)`: the marginal densities over :math:`t` for the linear (Ho et al.
  2020) and cosine (Nichol & Dhariwal 2021) schedules, from a two-component data distribution.

The plotted curves are computed from the derivations' proved results, not typed in: the
density of a sum is ``gaussian_convolution``'s result (:math:`\mathcal{N}(x; \mu_1 + \mu_2,
\sigma_1^2 + \sigma_2^2)`), the forward marginals use ``forward_process``'s result
(:math:`\mathbf{x}_t = \sqrt{\bar\alpha_t}\mathbf{x}_0 + \sqrt{1 - \bar\alpha_t}\boldsymbol{\epsilon}`)
and :mod:`derivations.diffusion.schedules`. The results are read from the checked derivations when
given, else from the record ``derivations run`` writes (``output/NAME.json``, field
``result.srepr``, parsed by :func:`~derivations.engine.records.read_srepr`, never run), which is
accepted only if every step and the known result are proved.

Files are deterministic: PNG without the ``Software`` stamp, SVG with a fixed hash salt
and no date. Matplotlib is imported only when drawing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import sympy as sp

from derivations.diffusion import schedules
from derivations.engine.defined import unfold
from derivations.engine.densities import NormalPDF
from derivations.engine.notation import symbol
from derivations.engine.records import read_srepr
from derivations.errors import BadInputError
from derivations.gaussian import convolution

OUTPUT = Path(__file__).resolve().parents[2] / "output"
#: Figure size in inches and resolution: 1500 x 600 pixels.
SIZE, DPI = (10.0, 4.0), 150
#: The data distribution of the forward-process figure: weights, means, standard deviations.
DATA_MIXTURE = ((0.3, -2.0, 0.3), (0.7, 1.5, 0.5))
#: Time steps shown in the forward-process figure (T = 1000, Ho et al. 2020).
STEPS = (0, 50, 100, 200, 400, 700, 1000)


@dataclass(frozen=True)
class Figure:
    """A figure: file stem under ``output/figures/``, caption, and the derivations it plots."""

    name: str
    caption: str
    uses: tuple[str, ...]
    alt: str = ""


def _density(x: np.ndarray, mean: float, sd: float) -> np.ndarray:
    return np.exp(-0.5 * ((x - mean) / sd) ** 2) / (sd * np.sqrt(2 * np.pi))


def maxima(x: np.ndarray, y: np.ndarray) -> list[float]:
    """The points of ``x`` where the sampled curve ``y`` has a strict local maximum."""
    inner = (y[1:-1] > y[:-2]) & (y[1:-1] >= y[2:])
    return [float(v) for v in x[1:-1][inner]]


def inflections(y: np.ndarray) -> int:
    """How many times the sampled curve ``y`` changes between convex and concave."""
    curvature = np.sign(np.diff(y, 2))
    curvature = curvature[curvature != 0]
    return int(np.count_nonzero(np.diff(curvature)))


def naive_sum_shape() -> str:
    """What the naive sum of 000's two densities looks like, from the curve: its maxima (and a shoulder)."""
    x = np.linspace(-20.0, 20.0, 8001)
    (m1, s1), (m2, s2) = convolution.FIRST, convolution.SECOND
    y = _density(x, m1, s1) + _density(x, m2, s2)
    peaks = maxima(x, y)
    words = {1: "one maximum", 2: "two maxima"}.get(len(peaks), f"{len(peaks)} maxima")
    where = ", ".join(f"$x = {p:.2f}$" for p in peaks)
    shoulder = " and a shoulder" if len(peaks) == 1 and inflections(y) > 2 else ""
    return f"{words} (at {where}){shoulder}"


FIGURES: tuple[Figure, ...] = (
    Figure("gaussian_sum", "Source 000, Figure 3: the naive pointwise sum $g_1(x) + g_2(x)$ of the densities "
           r"of $\mathcal{N}(-3, 3^2)$ and $\mathcal{N}(3, 4^2)$ (left: " + naive_sum_shape()
           + r", total mass 2) and their "
           r"convolution, the density $\mathcal{N}(0, 5^2)$ of the sum (right), from the proved result.",
           ("gaussian_convolution",),
           "Naive pointwise sum of two Gaussian densities next to their convolution"),
    Figure("gaussian_convolution", "Source 000, Figure 4: np.convolve of the discretised densities "
           r"(1000 points on $[-20, 20]$, mode 'same') against the exact $\mathcal{N}(0, 5^2)$ "
           "from the proved result (left); the error (right), against the exact density on the grid "
           "(as in the source) and at the points where mode 'same' puts its output (half a "
           "sample to the left).", ("gaussian_convolution",),
           "np.convolve of two discretised Gaussians against the exact N(0, 5^2), with the error"),
    Figure("forward_marginals", r"Source 003's claim: the marginal $q(\mathbf{x}_t)$ approaches "
           r"$\mathcal{N}(0, 1)$. Data $q(\mathbf{x}_0) = 0.3\,\mathcal{N}(-2, 0.3^2) "
           r"+ 0.7\,\mathcal{N}(1.5, "
           r"0.5^2)$, pushed through the proved $q(\mathbf{x}_t \mid \mathbf{x}_0)$ with the linear (left) "
           r"and cosine (right) schedules, $T = 1000$.", ("forward_process",),
           "Forward-process marginals q(x_t) converging to N(0, 1), linear and cosine schedules"),
)


def markdown_references(name: str) -> list[str]:
    """The Markdown image lines of the figures that plot derivation ``name`` (for ``output/NAME.md``)."""
    return [f"![{figure.alt}](figures/{figure.name}.svg)" for figure in FIGURES if name in figure.uses]


# --- the proved results -----------------------------------------------------------------


def recorded_result(name: str, folder: Path = OUTPUT) -> sp.Expr:
    """The proved result of derivation ``name`` from ``folder/NAME.json``.

    The ``srepr`` text is parsed (:func:`~derivations.engine.records.read_srepr`), never run:
    ``folder`` is the user's ``--out``, and a crafted record must not execute anything.

    Raises:
        ValueError: the record has a step or known result that is not proved, or no result.
        BadInputError: (a ``ValueError``) its ``result.srepr`` is not a SymPy record.
    """
    path = folder / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        statuses = [s["outcome"]["status"] for s in data["steps"]]
        known = data.get("known_result", {}).get("outcome", {}).get("status")
        text = data["result"]["srepr"] if "result" in data else None
    except (ValueError, KeyError, TypeError, AttributeError) as error:  # not the JSON `derivations run` writes
        raise BadInputError(f"{path}: not a record of `derivations run` ({type(error).__name__}: {error})") from None
    if any(s not in ("proved", "stated") for s in statuses) or known != "proved" or text is None:
        raise ValueError(f"{folder / name}.json does not record a proved result")
    try:
        return read_srepr(text)
    except BadInputError as error:
        raise BadInputError(f"{path}: {error}") from None


def proved_results(checked: Mapping[str, sp.Expr] | None = None, folder: Path = OUTPUT) -> dict[str, sp.Expr]:
    """The results the figures plot: from ``checked`` (name -> result) where given, else recorded."""
    given = dict(checked or {})
    names = {name for figure in FIGURES for name in figure.uses}
    return {name: given[name] if name in given else recorded_result(name, folder) for name in sorted(names)}


def _by_name(expr: sp.Expr) -> dict[str, sp.Symbol]:
    return {s.name: s for s in expr.free_symbols}


def sum_density(result: sp.Expr) -> Callable[..., np.ndarray]:
    """``f(x, mu_1, sigma_1, mu_2, sigma_2)``: the density of the sum, from the convolution's result."""
    names = _by_name(result)
    args = [names.get(n, symbol(n)) for n in ("x", "mu_1", "sigma_1", "mu_2", "sigma_2")]
    return sp.lambdify(args, unfold(result), "numpy")


def forward_moments(result: sp.Expr) -> Callable[[float, float, float], tuple[float, float]]:
    r"""``(alpha_bar_t, m, s) -> (mean, variance)`` of x_t when :math:`\mathbf{x}_0 \sim \mathcal{N}(m, s^2)`.

    ``result`` is the forward process's proved result, either the reparameterised
    :math:`\sqrt{\bar\alpha_t}\mathbf{x}_0 + \sqrt{1 - \bar\alpha_t}\boldsymbol{\epsilon}` (affine in
    the standard normals) or :math:`\mathcal{N}(\mathbf{x}_t; \text{mean}, \text{variance})`.
    Substituting :math:`\mathbf{x}_0 = m + s\eta` leaves an affine form in independent standard
    normals; its variance is the sum of the squared coefficients (variances add).
    """
    m, s, eta = sp.Symbol("m", real=True), sp.Symbol("s", positive=True), sp.Symbol("eta", real=True)
    names = _by_name(result)
    x_0, alpha_bar_t = names.get("x_0", symbol("x_0")), names.get("alphabar_t", symbol("alpha_bar_t"))
    if isinstance(result, NormalPDF):
        mean, variance, normals = result.args[1], result.args[2], ()
    else:
        mean, variance = result, sp.Integer(0)
        normals = tuple(n for n in result.free_symbols if n.name.startswith("epsilon"))
    mean = mean.xreplace({x_0: m + s * eta})
    normals = (*normals, eta)
    total = variance + sum(sp.diff(mean, n) ** 2 for n in normals)
    centre = mean.xreplace({n: 0 for n in normals})
    if (centre.free_symbols | total.free_symbols) - {alpha_bar_t, m, s}:
        raise ValueError(f"the forward result {result} is not affine in x_0 and the noise")
    return sp.lambdify([alpha_bar_t, m, s], (centre, total), "numpy")


# --- the data of each figure ---------------------------------------------------------------


def normal_density(x: np.ndarray, mean: float, sd: float) -> np.ndarray:
    """The N(mean, sd^2) density (the two summands; source 000, eq. (6))."""
    return np.exp(-0.5 * ((x - mean) / sd) ** 2) / (sd * np.sqrt(2 * np.pi))


def gaussian_sum_data(results: Mapping[str, sp.Expr]) -> dict[str, np.ndarray]:
    """Figure 3: g1, g2, the naive sum g1 + g2 and the proved density of the sum, on [-20, 20]."""
    x = np.linspace(-20.0, 20.0, 801)
    (m1, s1), (m2, s2) = convolution.FIRST, convolution.SECOND
    g_1, g_2 = normal_density(x, m1, s1), normal_density(x, m2, s2)
    density = sum_density(results["gaussian_convolution"])(x, m1, s1, m2, s2)
    return {"x": x, "g_1": g_1, "g_2": g_2, "naive_sum": g_1 + g_2, "convolution": density}


def gaussian_convolution_data(results: Mapping[str, sp.Expr]) -> dict[str, np.ndarray]:
    """Figure 4: the source's ``np.convolve`` demo, the proved N(0, 5^2) and the errors."""
    grid = convolution.source_grid()
    dx, shift = grid[1] - grid[0], convolution.same_mode_shift(grid)
    numeric, _ = convolution.grid_convolution(grid)
    (m1, s1), (m2, s2) = convolution.FIRST, convolution.SECOND
    density = sum_density(results["gaussian_convolution"])
    exact = density(grid, m1, s1, m2, s2) * dx
    exact_shifted = density(grid + shift, m1, s1, m2, s2) * dx
    return {"x": grid, "numeric": numeric, "exact": exact, "error": numeric - exact,
            "error_shifted": numeric - exact_shifted}


def alpha_bars() -> dict[str, np.ndarray]:
    """``alpha_bar_t`` for t = 0..T (alpha_bar_0 = 1) of the linear and cosine schedules."""
    betas = {"linear": schedules.linear_beta(), "cosine": schedules.cosine_beta()}
    return {kind: np.concatenate([[1.0], schedules.alpha_bar(beta)]) for kind, beta in betas.items()}


def forward_marginals_data(results: Mapping[str, sp.Expr]) -> dict[str, np.ndarray]:
    """The marginal q(x_t) of the data mixture at :data:`STEPS`, per schedule, and N(0, 1)."""
    x = np.linspace(-4.5, 4.5, 721)
    moments = forward_moments(results["forward_process"])
    data: dict[str, np.ndarray] = {"x": x, "steps": np.array(STEPS),
                                   "standard_normal": normal_density(x, 0, 1)}
    for kind, alpha_bar in alpha_bars().items():
        rows = []
        for t in STEPS:
            parts = [w * normal_density(x, *_mean_sd(moments(alpha_bar[t], m, s)))
                     for w, m, s in DATA_MIXTURE]
            rows.append(np.sum(parts, axis=0))
        data[kind] = np.array(rows)
    return data


def _mean_sd(moments: tuple[float, float]) -> tuple[float, float]:
    mean, variance = moments
    return float(mean), float(np.sqrt(variance))


DATA: dict[str, Callable[[Mapping[str, sp.Expr]], dict[str, np.ndarray]]] = {
    "gaussian_sum": gaussian_sum_data,
    "gaussian_convolution": gaussian_convolution_data,
    "forward_marginals": forward_marginals_data,
}


# --- drawing (matplotlib) ------------------------------------------------------------------


def _pyplot():
    """Matplotlib's pyplot on the Agg backend with deterministic SVG ids."""
    try:
        import matplotlib
    except ModuleNotFoundError:
        raise ModuleNotFoundError("the figures need matplotlib: pip install '.[figures]'") from None
    matplotlib.use("Agg")
    matplotlib.rcParams.update({"svg.hashsalt": "derivations", "svg.fonttype": "path",
                                "font.size": 10, "axes.spines.top": False, "axes.spines.right": False})
    import matplotlib.pyplot as plt

    return plt


def draw_gaussian_sum(data: Mapping[str, np.ndarray], axes) -> None:
    left, right = axes
    x = data["x"]
    for ax in axes:
        ax.plot(x, data["g_1"], lw=1, label=r"$g_1 = \mathcal{N}(-3, 3^2)$")
        ax.plot(x, data["g_2"], lw=1, label=r"$g_2 = \mathcal{N}(3, 4^2)$")
        ax.set_xlabel("$x$")
    left.plot(x, data["naive_sum"], color="C3", lw=2, label=r"$g_1(x) + g_2(x)$ (naive)")
    left.set_title("Pointwise sum: not a density of the sum")
    left.set_ylabel("density")
    right.set_ylabel("density")
    right.plot(x, data["convolution"], color="C2", lw=2, label=r"$(g_1 \star g_2)(x) = \mathcal{N}(0, 5^2)$")
    right.set_title("Convolution: the density of the sum")
    for ax in axes:
        ax.legend(fontsize=8, frameon=False)


def draw_gaussian_convolution(data: Mapping[str, np.ndarray], axes) -> None:
    left, right = axes
    x = data["x"]
    left.plot(x, data["numeric"], color="C0", lw=2.5, label="np.convolve(N1, N2, mode='same')")
    left.plot(x, data["exact"], color="C3", lw=1, ls="--", label=r"$\mathcal{N}(0, 5^2)\,\Delta x$ (proved)")
    left.set_title("Numeric convolution and the exact density")
    right.plot(x, data["error"], color="C1", lw=1, label="against the grid points (as in 000)")
    right.plot(x, data["error_shifted"], color="C2", lw=1, label=r"at the output's points ($-\Delta x/2$)")
    right.axhline(0, color="0.6", lw=0.5)
    right.set_title("Error: numeric - exact")
    left.set_ylabel("probability per grid cell")
    right.set_ylabel("error (probability per grid cell)")
    for ax in axes:
        ax.set_xlabel("$x$")
        ax.legend(fontsize=8, frameon=False)


def draw_forward_marginals(data: Mapping[str, np.ndarray], axes) -> None:
    from matplotlib import colormaps

    x, steps = data["x"], data["steps"]
    colours = colormaps["viridis"](np.linspace(0.0, 0.9, len(steps)))
    for ax, kind in zip(axes, ("linear", "cosine"), strict=True):
        for row, t, colour in zip(data[kind], steps, colours, strict=True):
            ax.plot(x, row, color=colour, lw=1.2, label=f"$t = {t}$")
        ax.plot(x, data["standard_normal"], color="k", lw=1, ls="--", label=r"$\mathcal{N}(0, 1)$")
        ax.set_title(f"$q(\\mathbf{{x}}_t)$, {kind} schedule")
        ax.set_xlabel("$x$")
        ax.set_ylabel("density")
        ax.legend(fontsize=7, frameon=False)


DRAW = {"gaussian_sum": draw_gaussian_sum, "gaussian_convolution": draw_gaussian_convolution,
        "forward_marginals": draw_forward_marginals}


def write(folder: Path = OUTPUT / "figures", results: Mapping[str, sp.Expr] | None = None) -> list[Path]:
    """Draw every figure into ``folder`` as NAME.png and NAME.svg; the paths written.

    Args:
        folder: where to write (created if needed).
        results: proved results by derivation name; default: read from ``output/NAME.json``.
    """
    plt = _pyplot()
    results = proved_results(results)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for figure in FIGURES:
        fig, axes = plt.subplots(1, 2, figsize=SIZE, dpi=DPI, layout="constrained")
        DRAW[figure.name](DATA[figure.name](results), axes)
        png, svg = folder / f"{figure.name}.png", folder / f"{figure.name}.svg"
        fig.savefig(png, dpi=DPI, metadata={"Software": None})
        fig.savefig(svg, metadata={"Date": None, "Creator": None})
        plt.close(fig)
        written += [png, svg]
    return written


def main() -> int:
    """``python -m derivations.publish.figures [FOLDER]``: write the figures (default ``output/figures``)."""
    import sys

    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT / "figures"
    for path in write(folder):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
