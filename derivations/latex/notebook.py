r"""What Jupyter shows for a checked derivation: one display a chain, a mark on every step.

``_repr_latex_`` returns one string. Each chain is its own ``$$ \begin{aligned} ... \end{aligned} $$``
display (a single display with ``\\[1em]`` between chains is set side by side by MathJax 3 and
overflows MathJax 2's buffer), preceded by its heading as plain text and followed by its
justifications. Each row ends with its mark (proved, refuted, undecided, stated); a step that
is not proved gets a second row with its outcome and residual. A display longer than
:data:`MAX_DISPLAY` characters is split, so that MathJax 2 (classic Notebook, nbconvert) never
exceeds its 5 kB buffer. The same string renders in JupyterLab (MathJax 3), in the classic
Notebook and nbconvert (MathJax 2), and in VS Code (KaTeX).
"""

from __future__ import annotations

from derivations.engine.steps import CheckedDerivation
from derivations.engine.verdict import Outcome
from derivations.latex import prose
from derivations.latex.blocks import Block, blocks
from derivations.latex.printer import math

#: The longest display (in characters) before it is split in two.
MAX_DISPLAY = 3000
MARKS = {Outcome.PROVED: r"\checkmark", Outcome.REFUTED: r"\times", Outcome.UNDECIDED: "?",
         Outcome.STATED: r"\cdot"}


def _rows(block: Block, checked: CheckedDerivation) -> list[str]:
    verdicts = {s.step.number: s.verdict for s in checked.steps}
    rows = []
    for line in block.lines:
        verdict = verdicts[line.step.number]
        tag = rf" \quad ({line.tag})" if line.tag else ""
        rows.append(rf"{line.lhs} &{line.marked()} {line.rhs}{tag} && {MARKS[verdict.outcome]}")
        if line.step.relation.checked and not verdict.proved:
            residual = "" if verdict.residual is None else math(verdict.residual)
            rows.append(rf"&& \text{{{verdict.outcome.value}: residual }} {residual}")
    return rows


def _displays(rows: list[str]) -> list[str]:
    """``rows`` as ``aligned`` displays of at most :data:`MAX_DISPLAY` characters each."""
    groups: list[list[str]] = [[]]
    for row in rows:
        if groups[-1] and len(" \\\\\n".join(groups[-1] + [row])) > MAX_DISPLAY:
            groups.append([])
        groups[-1].append(row)
    return ["$$\n\\begin{aligned}\n" + " \\\\\n".join(group) + "\n\\end{aligned}\n$$" for group in groups]


def notebook_latex(checked: CheckedDerivation) -> str:
    """The Jupyter display: per chain, its heading, its displays and its justifications."""
    parts = [prose.plain(checked.derivation.title)]
    for block in blocks(checked):
        if block.heading:
            parts.append(prose.plain(block.heading))
        parts += _displays(_rows(block, checked))
        parts.append("; ".join(f"({line.marker}) {prose.plain(line.because)}" for line in block.lines))
    return "\n\n".join(parts)
