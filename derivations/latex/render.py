"""Typeset any checked derivation: LaTeX (amsmath), Markdown (Jekyll and Hugo), JSON, text, Jupyter.

Rendering reads a :class:`~derivations.engine.derivation.CheckedDerivation` and knows no
derivation by name. Output is deterministic: no dates, no timings, fixed key order. The
writers: :mod:`~derivations.latex.markdown` (``NAME.md``), :mod:`~derivations.latex.tex`
(``NAME.tex``), :mod:`~derivations.latex.notebook` (Jupyter); this module adds the JSON record
and the terminal text, and the tables of formats.
"""

from __future__ import annotations

import json

import sympy as sp

from derivations.engine.srepr import srepr
from derivations.engine.steps import CheckedDerivation, set_notebook_display, set_writers
from derivations.engine.verdict import Outcome
from derivations.latex import prose
from derivations.latex.blocks import blocks, expr_latex, lhs_latex, marked_relation
from derivations.latex.markdown import GENERATED, md
from derivations.latex.notebook import notebook_latex
from derivations.latex.printer import math
from derivations.latex.tex import tex

__all__ = ["FILE_FORMATS", "FORMATS", "GENERATED", "as_dict", "as_json", "md", "notebook_latex", "tex", "text"]


def _verdict_json(verdict) -> dict[str, object]:
    out: dict[str, object] = {"status": verdict.outcome.value, "method": verdict.method,
                              "witness_points": verdict.witness_points}
    if verdict.outcome is not Outcome.PROVED and verdict.residual is not None:
        out["residual"] = sp.sstr(verdict.residual)
        out["residual_latex"] = math(verdict.residual)
    if verdict.counterexample is not None:
        out["counterexample"] = verdict.counterexample.as_dict()
    return out


def as_dict(checked: CheckedDerivation) -> dict[str, object]:
    """The derivation as plain data (what ``NAME.json`` holds)."""
    d = checked.derivation
    markers = {line.step.number: line for block in blocks(checked) for line in block.lines}
    steps = []
    for s in checked.steps:
        step, line = s.step, markers[s.step.number]
        steps.append({
            "number": step.number, "chain": step.chain, "tag": step.tag, "marker": line.marker,
            "relation": step.relation.name, "relation_latex": marked_relation(line.relation, line.marker),
            "justification": step.because, "lhs": lhs_latex(step.lhs) or None,
            "latex": expr_latex(step), "srepr": srepr(step.expr),
            "outcome": _verdict_json(s.verdict),
        })
    data: dict[str, object] = {
        "name": d.name, "title": d.title, "sources": list(d.sources),
        "chains": [{"heading": c.heading, "text": c.text} for c in d.chains],
        "steps": steps,
        "summary": {"steps": len(steps), "proved": checked.count(Outcome.PROVED),
                    "stated": checked.count(Outcome.STATED)},
        "notes": list(d.notes),
        "slips": [{"where": s.where, "note": s.note, "source_line": math(s.source_line),
                   "corrected": math(s.corrected), "outcome": _verdict_json(s.verdict)}
                  for s in d.slips],
    }
    if d.result is not None:
        data["result"] = {"latex": math(d.result), "srepr": srepr(d.result)}
    if d.known is not None and checked.known_verdict is not None:
        data["known_result"] = {"latex": math(d.known.expr), "srepr": srepr(d.known.expr),
                                "source": d.known.source, "outcome": _verdict_json(checked.known_verdict)}
    return data


def as_json(checked: CheckedDerivation) -> str:
    return json.dumps(as_dict(checked), indent=2, ensure_ascii=False) + "\n"


_TEXT_RELATIONS = {"=": "=", r"\overset{d}{=}": "=ᵈ", r"\propto": "∝"}


def _pretty(value: sp.Expr | str) -> str:
    return value if isinstance(value, str) else sp.pretty(value, use_unicode=True)


def _indent(block: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line for line in block.splitlines())


def text(checked: CheckedDerivation) -> str:
    """The derivation for a terminal: SymPy's Unicode pretty printer, one step a block.

    Each block starts with a mark (✓ proved, ✗ refuted, ? undecided, · stated),
    the step number, its tag and relation; then the expression, the justification
    and how the step was checked.
    """
    d = checked.derivation
    lines = [f"{prose.plain(d.title)} [{d.name}]", *[f"From {prose.plain(s)}" for s in d.sources]]
    for index, chain in enumerate(d.chains):
        lines.append("")
        if chain.heading:
            heading = prose.plain(chain.heading)
            lines += [heading, "-" * len(heading)]
        for row in (s for s in checked.steps if s.step.chain == index):
            step, verdict = row.step, row.verdict
            tag = f" ({step.tag})" if step.tag else ""
            relation = _TEXT_RELATIONS.get(step.relation.latex, step.relation.latex)
            lines.append(f"{verdict.outcome.mark} step {step.number}{tag} {relation}")
            if step.lhs is not None:
                lines.append(_indent(_pretty(step.lhs)))
                lines.append(f"    {relation}")
            lines.append(_indent(_pretty(step.display if step.display is not None else step.expr)))
            lines.append(f"    because: {prose.plain(step.because)}")
            lines.append(f"    {verdict.describe()}")
    if d.known is not None and checked.known_verdict is not None:
        lines += ["", f"{checked.known_verdict.outcome.mark} result equals {prose.plain(d.known.source)}: "
                  f"{checked.known_verdict.describe()}"]
    return "\n".join(lines) + "\n"


set_notebook_display(notebook_latex)

#: The files ``derivations run`` writes, by extension.
FILE_FORMATS = {"tex": tex, "md": md, "json": as_json}
#: Everything ``show`` and scripts can print.
FORMATS = {**FILE_FORMATS, "text": text}
set_writers(FORMATS)  # CheckedDerivation.to_latex() and .to_markdown()
