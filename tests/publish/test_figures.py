"""The figures: data from the proved formulas; files written, non-trivial and deterministic."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import integrate, stats

from derivations.engine.densities import NormalPDF
from derivations.engine.notation import symbol
from derivations.gaussian import convolution
from derivations.publish import figures

x, mu_1, mu_2, sigma_1, sigma_2 = (symbol(n) for n in ("x", "mu_1", "mu_2", "sigma_1", "sigma_2"))
alpha_bar_t, x_0, eps = symbol("alpha_bar_t"), symbol("x_0"), symbol("eps")
#: The published results (source 001, Property 4; Ho et al. 2020, eq. (4)), as the tests' reference.
SUM_RESULT = NormalPDF(x, mu_1 + mu_2, sigma_1**2 + sigma_2**2)
FORWARD_RESULT = sp.sqrt(alpha_bar_t) * x_0 + sp.sqrt(1 - alpha_bar_t) * eps
RESULTS = {"gaussian_convolution": SUM_RESULT, "forward_process": FORWARD_RESULT}
#: A wrong "result" (standard deviations added instead of variances) to show the data follow the formula.
WRONG_SUM = NormalPDF(x, mu_1 + mu_2, (sigma_1 + sigma_2) ** 2)


def test_sum_density_of_the_proved_result_is_normal_0_25():
    """The density of the sum, from the convolution's result, is the N(0, 5^2) pdf for 000's demo."""
    grid = np.linspace(-20, 20, 81)
    density = figures.sum_density(SUM_RESULT)(grid, -3.0, 3.0, 3.0, 4.0)
    np.testing.assert_allclose(density, stats.norm(0, 5).pdf(grid), rtol=1e-12)


def test_figure_3_data_follow_the_result_they_are_given():
    """Figure 3's convolution curve is the given result: a wrong formula gives a different, wrong curve."""
    right = figures.gaussian_sum_data(RESULTS)
    wrong = figures.gaussian_sum_data({**RESULTS, "gaussian_convolution": WRONG_SUM})
    np.testing.assert_allclose(right["convolution"], stats.norm(0, 5).pdf(right["x"]), rtol=1e-12)
    assert np.abs(wrong["convolution"] - right["convolution"]).max() > 1e-2
    np.testing.assert_allclose(right["naive_sum"], right["g_1"] + right["g_2"])
    mass = integrate.trapezoid(right["naive_sum"], right["x"])
    assert mass == pytest.approx(2.0, abs=1e-4)  # the mass beyond +-20 is lost


def test_figure_4_exact_curve_and_errors():
    """Figure 4: exact = proved N(0, 5^2) times dx; the error is the source's; recentred it is far smaller."""
    data = figures.gaussian_convolution_data(RESULTS)
    grid = data["x"]
    dx = grid[1] - grid[0]
    np.testing.assert_allclose(data["exact"], stats.norm(0, 5).pdf(grid) * dx, rtol=1e-12)
    errors = convolution.gaussian_demo_errors()
    assert np.abs(data["error"]).max() == pytest.approx(errors["source_max_error"], rel=0.05)
    assert np.abs(data["error_shifted"]).max() < np.abs(data["error"]).max() / 10


@settings(max_examples=40, deadline=None)
@given(st.floats(0.001, 0.999), st.floats(-3, 3), st.floats(0.05, 2))
def test_forward_moments_from_the_proved_result(alpha_bar, m, s):
    """x_0 ~ N(m, s^2) gives x_t ~ N(sqrt(abar) m, abar s^2 + 1 - abar) from the forward result."""
    mean, variance = figures.forward_moments(FORWARD_RESULT)(alpha_bar, m, s)
    assert mean == pytest.approx(np.sqrt(alpha_bar) * m, abs=1e-12)
    assert variance == pytest.approx(alpha_bar * s**2 + 1 - alpha_bar, rel=1e-12)


def test_forward_moments_accept_the_density_form():
    """The forward result written N(x_t; sqrt(abar) x_0, 1 - abar) gives the same moments."""
    density = NormalPDF(symbol("x_t"), sp.sqrt(alpha_bar_t) * x_0, 1 - alpha_bar_t)
    mean, variance = figures.forward_moments(density)(0.25, 2.0, 0.5)
    assert (mean, variance) == pytest.approx((1.0, 0.25 * 0.25 + 0.75))


def test_forward_moments_reject_a_non_affine_result():
    """A result that is not affine in x_0 and the noise is refused, not plotted."""
    with pytest.raises(ValueError, match="not affine"):
        figures.forward_moments(sp.sqrt(alpha_bar_t) * x_0 + sp.sqrt(1 - alpha_bar_t) * eps * x)


def test_forward_marginals_start_at_the_data_and_end_at_standard_normal():
    """At t = 0 the marginal is the data mixture; at t = T it is N(0, 1) within 1e-3; each integrates to 1."""
    data = figures.forward_marginals_data(RESULTS)
    normal = data["standard_normal"]
    for kind in ("linear", "cosine"):
        rows = data[kind]
        assert np.abs(rows[0] - normal).max() > 0.1
        assert np.abs(rows[-1] - normal).max() < 1e-3
        np.testing.assert_allclose(integrate.trapezoid(rows, data["x"], axis=1), 1.0, atol=1e-3)


def test_recorded_results_are_the_proved_ones():
    """The results read from output/NAME.json are the derivations' proved results."""
    recorded = figures.proved_results()
    assert sp.simplify(recorded["forward_process"] - FORWARD_RESULT) == 0
    grid = np.linspace(-10, 10, 21)
    density = figures.sum_density(recorded["gaussian_convolution"])
    np.testing.assert_allclose(density(grid, -3.0, 3.0, 3.0, 4.0), stats.norm(0, 5).pdf(grid), rtol=1e-12)


def test_a_record_with_a_refuted_step_is_refused(tmp_path):
    """A NAME.json whose steps are not all proved is not a source of plotted data."""
    record = json.loads((figures.OUTPUT / "forward_process.json").read_text())
    record["steps"][-1]["outcome"]["status"] = "refuted"
    (tmp_path / "forward_process.json").write_text(json.dumps(record))
    with pytest.raises(ValueError, match="does not record a proved result"):
        figures.recorded_result("forward_process", tmp_path)


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> list[Path]:
    pytest.importorskip("matplotlib", reason="matplotlib is the optional extra 'figures' (CI installs it)")
    return figures.write(tmp_path_factory.mktemp("figures"))


@pytest.mark.parametrize("name", [f.name for f in figures.FIGURES])
def test_figure_files_are_written_and_non_trivial(written, name):
    """Each figure is written as PNG (1500 x 600 pixels) and SVG, each well above an empty plot's size."""
    folder = written[0].parent
    png, svg = folder / f"{name}.png", folder / f"{name}.svg"
    assert _png_size(png) == (1500, 600)
    assert png.stat().st_size > 40_000
    text = svg.read_text()
    assert 'width="720pt" height="288pt"' in text and text.count("<path") > 20
    assert svg.stat().st_size > 30_000


def test_figure_files_are_deterministic(written, tmp_path):
    """Two runs write byte-identical files (no dates, no version stamps, fixed SVG ids)."""
    again = figures.write(tmp_path)
    assert [p.name for p in again] == [p.name for p in written]
    for first, second in zip(written, again, strict=True):
        assert first.read_bytes() == second.read_bytes(), first.name
    assert b"Date" not in (tmp_path / "gaussian_sum.svg").read_bytes()


@pytest.mark.parametrize("figure", figures.FIGURES, ids=lambda f: f.name)
def test_captions_are_prose_with_dollar_math(figure):
    """A caption is prose with $...$ math only (the document escapes the prose); alt text for Markdown."""
    prose_parts = figure.caption.split("$")[::2]
    assert figure.caption.count("$") % 2 == 0
    assert not any("\\" in part for part in prose_parts)
    assert figure.alt and "$" not in figure.alt


def test_markdown_references_name_the_svg_files():
    """Each derivation's .md gets one image line per figure that plots it; others get none."""
    assert figures.markdown_references("forward_process") == [
        "![Forward-process marginals q(x_t) converging to N(0, 1), linear and cosine schedules]"
        "(figures/forward_marginals.svg)"]
    assert len(figures.markdown_references("gaussian_convolution")) == 2
    assert figures.markdown_references("kl_divergence") == []
