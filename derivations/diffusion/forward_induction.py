r"""The closed form of the forward process for every :math:`t`, by induction on :math:`t`.

The last section of the forward-process page (:mod:`derivations.diffusion.forward_process`):
the lemma :math:`\bar\alpha_t = \alpha_t\bar\alpha_{t-1}` on named products, the base case
:math:`t = 1`, and the step :math:`t-1 \to t` with the induction hypothesis substituted in
distribution.

References: Ho, Jain & Abbeel (2020), eq. (4) and sec. 2; source 000, after eq. (4).
"""

from __future__ import annotations

import sympy as sp

from derivations.diffusion.forward_relations import PRODUCTS, T_INDEX, alpha_i, named_product
from derivations.engine.derivation import Derivation
from derivations.engine.display import linear_combination, root_of_product
from derivations.engine.notation import symbol
from derivations.engine.relations import EQUAL_IN_DISTRIBUTION, GIVEN
from derivations.engine.substitution import substitution

x_0, x_1, x_t, x_tm1 = (symbol(n) for n in ("x_0", "x_1", "x_t", "x_tm1"))
eps, eps_0, eps_tm1, eps_bar_tm2 = (symbol(n) for n in ("eps", "eps_0", "eps_tm1", "eps_bar_tm2"))
alpha_t, alpha_1 = symbol("alpha_t"), symbol("alpha_1")
alpha_bar_t, alpha_bar_tm1, alpha_bar_1 = (symbol(n) for n in ("alpha_bar_t", "alpha_bar_tm1", "alpha_bar_1"))


def add_induction(d: Derivation) -> None:
    """The lemma, the base case and the induction step, as chains of ``d``."""
    _lemma_and_base_case(d)
    _induction_step(d)


def _lemma_and_base_case(d: Derivation) -> None:
    """The lemma on named products and the base case t = 1."""
    d.start(
        named_product(T_INDEX),
        lhs=r"\bar{\alpha}_{t}",
        heading=r"Proof for every $t$, by induction on $t$",
        text=r"Lemma: $\bar\alpha_t = \alpha_t\bar\alpha_{t-1}$, so "
        r"$\bar\alpha_t / \bar\alpha_{t-1} = \alpha_t$.",
        because="definition (source 000, after eq. (4); Ho et al. 2020, sec. 2)",
    )
    d.then(
        sp.Mul(alpha_i[T_INDEX], named_product(T_INDEX - 1)),
        relation=PRODUCTS,
        because=r"split off the last factor, $i = t$",
    )
    d.then(alpha_t * alpha_bar_tm1, relation=PRODUCTS, because=r"definition of $\bar\alpha_{t-1}$")
    d.start(
        alpha_t,
        lhs=alpha_bar_t / alpha_bar_tm1,
        relation=PRODUCTS,
        because=r"divide by $\bar\alpha_{t-1} > 0$: the lemma",
    )
    expr, shown = linear_combination((sp.sqrt(alpha_1), x_0), (sp.sqrt(1 - alpha_1), eps_0))
    d.start(
        expr,
        display=shown,
        lhs=x_1,
        relation=GIVEN,
        text=r"Base case, $t = 1$.",
        because=r"eq. (2) at $t = 1$, $\beta_1 = 1 - \alpha_1$",
    )
    expr, shown = linear_combination((sp.sqrt(alpha_bar_1), x_0), (sp.sqrt(1 - alpha_bar_1), eps_0))
    d.then(
        expr,
        display=shown,
        relation=PRODUCTS,
        because=r"$\bar\alpha_1 = \prod_{i=1}^{1}\alpha_i = \alpha_1$: the closed form at $t = 1$",
    )


def _induction_step(d: Derivation) -> None:
    """The step t-1 -> t, using the induction hypothesis and the lemma."""
    hypothesis, hypothesis_shown = linear_combination(
        (sp.sqrt(alpha_bar_tm1), x_0), (sp.sqrt(1 - alpha_bar_tm1), eps_bar_tm2)
    )
    expr, shown = linear_combination((sp.sqrt(alpha_t), x_tm1), (sp.sqrt(1 - alpha_t), eps_tm1))
    d.start(
        expr,
        display=shown,
        lhs=x_t,
        relation=GIVEN,
        because=r"eq. (2) with $\beta_t = 1 - \alpha_t$",
        text=r"Step $t-1 \to t$, $t \ge 2$: assume "
        r"$\mathbf{x}_{t-1} \overset{d}{=} \sqrt{\bar\alpha_{t-1}}\,\mathbf{x}_0 "
        r"+ \sqrt{1-\bar\alpha_{t-1}}\,\bar{\boldsymbol{\epsilon}}_{t-2}$ with "
        r"$\bar{\boldsymbol{\epsilon}}_{t-2} "
        r"\sim \mathcal{N}(\mathbf{0}, \mathbf{I})$ (the noise of steps $0, \dots, t-2$).",
    )
    d.suppose(x_tm1, hypothesis, in_distribution=True, because="the induction hypothesis, the closed form at t - 1")
    d.then(
        sp.sqrt(alpha_t) * hypothesis + sp.sqrt(1 - alpha_t) * eps_tm1,
        relation=substitution(x_tm1, hypothesis, in_distribution=True),
        display=sp.Add(
            sp.Mul(sp.sqrt(alpha_t), hypothesis_shown, evaluate=False),
            sp.Mul(sp.sqrt(1 - alpha_t), eps_tm1, evaluate=False),
            evaluate=False,
        ),
        because=r"induction hypothesis; valid inside the sum: $\mathbf{x}_{t-1}$ depends only on "
        r"$\mathbf{x}_0$ "
        r"and $\boldsymbol{\epsilon}_0, \dots, \boldsymbol{\epsilon}_{t-2}$, so it is independent of "
        r"$\boldsymbol{\epsilon}_{t-1}$ and the pair keeps its joint law",
    )
    expr, shown = linear_combination(
        (root_of_product(alpha_t, alpha_bar_tm1), x_0),
        (root_of_product(alpha_t, 1 - alpha_bar_tm1), eps_bar_tm2),
        (sp.sqrt(1 - alpha_t), eps_tm1),
    )
    d.then(expr, display=shown, because="multiply out")
    expr, shown = linear_combination((root_of_product(alpha_t, alpha_bar_tm1), x_0),
                                     (sp.sqrt(1 - alpha_t * alpha_bar_tm1), eps))
    d.then(
        expr,
        display=shown,
        relation=EQUAL_IN_DISTRIBUTION,
        because=r"independent noises merge: variances add, "
        r"$\alpha_t(1-\bar\alpha_{t-1}) + 1 - \alpha_t = 1 - \alpha_t\bar\alpha_{t-1}$",
    )
    expr, shown = linear_combination((sp.sqrt(alpha_bar_t), x_0), (sp.sqrt(1 - alpha_bar_t), eps))
    d.then(
        expr,
        display=shown,
        relation=PRODUCTS,
        because=r"the lemma, $\alpha_t\bar\alpha_{t-1} = \bar\alpha_t$",
    )
