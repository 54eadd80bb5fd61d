r"""Compare two LaTeX reading bases on the lint corpus (issue 15): our Lark reader and latex2sympy2_extended.

Every side the linter extracts (each row's head and the text after each relation, from
:func:`derivations.lint.steps.parse_rows` on the blocks of :func:`derivations.lint.extract.extract`,
the post's ``\newcommand`` macros expanded first) is read by both:

* ``lark``: ``derivations.latex.reader.read(tex, scope)`` with the post's scope and both guards
  (names, round trip), as the linter reads it;
* ``l2s``: ``latex2sympy2_extended.latex2sympy`` (the parser behind Math-Verify), with symbols kept
  case-sensitive (``lowercase_symbols=False``; the default lowercases every name) and mixed fractions off.

Per reader: sides parsed, refused (an exception or an "unread" reason), misreadings detected
automatically (a parse whose result does not mean what the LaTeX says: see ``DETECTORS``), and time.
Then a seeded random sample of 40 parsed sides per reader, checked by hand; the verdicts are in
``benchmarks/compare_readers_sample.toml`` (``--sample`` prints the sample to check, with any verdict
already recorded). Prints figures only; never fails on them.

Run: python benchmarks/compare_readers.py [--sample] [--show CATEGORY] [--timeout S]
"""

from __future__ import annotations

import argparse
import random
import re
import signal
import sys
import time
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import sympy as sp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus_report import corpus_files  # noqa: E402

SAMPLE_FILE = ROOT / "benchmarks" / "compare_readers_sample.toml"
SAMPLE_SIZE = 40
SEED = 15
READERS = ("lark", "l2s")
GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota",
         "kappa", "lambda", "mu", "nu", "xi", "pi", "varpi", "rho", "varrho", "sigma", "varsigma", "tau", "upsilon",
         "phi", "varphi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon",
         "Phi", "Psi", "Omega", "ell", "nabla", "partial", "infty"}
ACCENTS = ("bar", "hat", "tilde", "dot", "ddot", "vec", "cal", "bb", "bf", "rm", "frak", "scr", "star", "prime")
PROSE_WORDS = {"where", "for", "if", "when", "with", "and", "or", "as", "given", "since", "let", "thus", "then",
               "const"}


@dataclass(frozen=True)
class Side:
    post: str
    line: int
    tex: str


@dataclass
class Reading:
    expr: sp.Basic | None
    reason: str = ""
    seconds: float = 0.0
    flags: list[str] = field(default_factory=list)

    @property
    def parsed(self) -> bool:
        return self.expr is not None


# --- the sides ------------------------------------------------------------------------------------

def corpus_sides() -> tuple[list[Side], dict[str, object]]:
    """Every side of every row of every display block, and each post's scope (for the Lark reader)."""
    from derivations.lint.check import Options
    from derivations.lint.extract import extract
    from derivations.lint.linter import post_context
    from derivations.lint.macros import expand, macros
    from derivations.lint.steps import parse_rows

    sides, scopes = [], {}
    for path in corpus_files():
        text = path.read_text(encoding="utf-8")
        scopes[path.stem] = post_context(text, Options()).scope
        defined = macros(text)  # \newcommand{\bx}{\mathbf{x}}: expanded before the rows are split, as the linter does
        for block in extract(text).blocks:
            for row in parse_rows(expand(block.content, defined.at(block.line)), block.line):
                parts = []
                if row.implication is not None:
                    for sub in row.implication:
                        parts += [sub.head, *(t for _, t in sub.links)]
                else:
                    parts += [row.head, *(t for _, t in row.links)]
                sides += [Side(path.stem, row.line, p.strip()) for p in parts if p and p.strip()]
    return sides, scopes


# --- the readers ----------------------------------------------------------------------------------

class _Timeout(Exception):
    pass


def _alarm(signum, frame):  # noqa: ARG001
    raise _Timeout


def read_lark(side: Side, scope) -> Reading:
    from derivations.latex.reader import read

    started = time.perf_counter()
    try:
        parsed = read(side.tex, scope)
    except Exception as error:  # noqa: BLE001 - a crash of the reader is a refusal (reported by its type)
        return Reading(None, f"crash ({type(error).__name__})", time.perf_counter() - started)
    return Reading(parsed.expr, parsed.reason, time.perf_counter() - started)


def read_l2s(side: Side, timeout: float) -> Reading:
    from latex2sympy2_extended import latex2sympy
    from latex2sympy2_extended.latex2sympy2 import ConversionConfig

    config = ConversionConfig(interpret_as_mixed_fractions=False, interpret_simple_eq_as_assignment=False,
                              interpret_contains_as_eq=True, lowercase_symbols=False)
    started = time.perf_counter()
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        expr = latex2sympy(side.tex, conversion_config=config)
        reason = ""
        if not isinstance(expr, sp.Basic):
            expr, reason = None, f"not an expression ({type(expr).__name__})"
    except _Timeout:
        expr, reason = None, f"timeout ({timeout} s)"
    except Exception as error:  # noqa: BLE001 - any failure of the parser is a refusal
        expr, reason = None, f"{type(error).__name__}: {str(error).splitlines()[0][:60] if str(error) else ''}"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return Reading(expr, reason, time.perf_counter() - started)


# --- automatic misreading detectors -----------------------------------------------------------------

def source_names(tex: str) -> tuple[set[str], set[str]]:
    """The names the LaTeX writes: (commands and single letters, words in \\text/\\mathrm/\\operatorname/subscripts)."""
    commands = set(re.findall(r"\\([A-Za-z]+)", tex))
    commands |= {c.removeprefix("var") for c in commands if c.startswith("var")}  # \varepsilon read as epsilon
    words = set(re.findall(r"\\(?:text|mathrm|operatorname|textrm|mathit|mathsf)\s*\{\s*([A-Za-z]+)", tex))
    bare = re.sub(r"\\[A-Za-z]+", " ", tex)
    letters = set(re.findall(r"[A-Za-z]", bare))
    words |= set(re.findall(r"[A-Za-z]{2,}", bare))
    return commands | letters, words


def symbol_base(name: str) -> str:
    """The base of a symbol's name as either reader spells it.

    'alphabar_t-1' -> 'alpha' (Lark reader), '\\bar{\\alpha}_t' -> 'alpha' (latex2sympy2).
    """
    name = re.sub(r"\\?(?:bar|hat|tilde|widetilde|widehat|mathbf|boldsymbol|mathcal|mathbb|math|text|mathrm|vec|dot)"
                  r"\s*(?=[{\\])", "", name)
    name = name.replace("\\", "").replace("{", "").replace("}", "").replace("'", "").replace("*", "")
    base = re.split(r"[_^\[]", name, maxsplit=1)[0]
    for accent in ACCENTS:
        if base.endswith(accent) and len(base) > len(accent):
            base = base[: -len(accent)]
    return base


def _names_in(expr: sp.Basic) -> tuple[set[str], set[str]]:
    """(free symbol names, applied function names) of ``expr``."""
    symbols = {s.name for s in expr.free_symbols if isinstance(s, sp.Symbol) and not isinstance(s, sp.Dummy)}
    symbols |= {str(t.base.label) for t in expr.atoms(sp.Indexed)}
    functions = set()
    for f in expr.atoms(sp.Function):
        functions.add(type(f).__name__)
        functions.add(str(getattr(f, "name", "")))
        if type(f).__name__ == "Expectation" and len(f.args) > 1 and str(f.args[1]) == "P":
            symbols.discard("P")  # the Lark reader's default measure of an unsubscripted E[...]
        if type(f).__name__ == "Density" and f.args and isinstance(f.args[0], sp.Symbol):
            functions.add(f.args[0].name)  # the Lark reader's density p(x | z): its name is its first argument
            symbols.discard(f.args[0].name)
    for f in expr.atoms(sp.core.function.AppliedUndef):
        functions.add(str(f.func))
    return symbols, functions


_CALL = re.compile(r"(?<![\\A-Za-z])([pqfgh]|\\mu|\\epsilon|\\Sigma|\\sigma|\\phi|\\psi|\\mathcal\{[A-Z]\})"
                   r"(?:_\{?\\?[A-Za-z]+\}?)?\s*(?:\\left|\\big|\\Big)?\(")
_TRANSPOSE = re.compile(r"\^\s*(?:\{\s*(?:T|\\top|\\intercal|\\mathsf\{T\}|\\mathrm\{T\})\s*\}"
                        r"|T(?![A-Za-z])|\\top|\\intercal)")
_TEXT_OP = re.compile(r"(?<![_{])(?<!_\{)\\(?:text|mathrm|operatorname)\s*\{\s*([A-Za-z]{2,})\s*\}"
                      r"\s*(?:_\{[^{}]*\}|_\\?[A-Za-z0-9])?\s*(?:\\left|\\big|\\Big)?[(\[]")


def detect(tex: str, expr: sp.Basic) -> list[str]:
    """Misreadings that can be seen without a human: each a category name."""
    flags = []
    if isinstance(expr, (sp.logic.boolalg.Boolean, sp.Rel)) and not isinstance(expr, sp.Expr):
        expr = sp.Tuple(*expr.args) if expr.args else sp.Integer(0)
    names, words = source_names(tex)
    symbols, functions = _names_in(expr)
    lowered = {w.lower() for w in words}
    invented = []
    for symbol in symbols:
        base = symbol_base(symbol)
        if not base or base in ("const",) or base.startswith("_"):
            continue
        ok = (base in names or base in words or (len(base) > 1 and base.lower() in lowered)
              or (len(base) == 2 and base[0] in names and base[1] in names))
        if not ok:
            invented.append(symbol)
    if invented:
        flags.append("name not in the source")
    # a function application read as a product: the function's letter is a free symbol of the result
    for match in _CALL.finditer(tex):
        letter = match.group(1).lstrip("\\")
        calligraphic = letter.startswith("mathcal")
        letter = letter[len("mathcal{"):-1] if calligraphic else letter
        after = tex[match.end():match.end() + 80]
        inner = after.split(")")[0]
        if not calligraphic and not re.search(r"\||\\mid|\\vert|;|,", inner):
            continue  # one argument, no bar: a product is a possible reading
        if any(symbol_base(s) == letter for s in symbols) and not any(letter in f for f in functions):
            flags.append("call read as a product")
            break
    for match in _TEXT_OP.finditer(tex):
        word = match.group(1)
        if word.lower() in PROSE_WORDS:
            continue
        applied = any(word.lower() in f.lower() for f in functions)
        if not applied:
            flags.append(f"operator \\text{{{word}}} deleted or a product")
            break
    if re.search(r"\\mathbb\s*\{?\s*E|(?<![A-Za-z\\])E\s*(?:_|\[|\\left\[|\\Big\[|\\big\[)", tex):
        expectation_names = ("E", "e", "math{e}", "mathbb{E}", "Ebb", "mathbbE")
        if any(symbol_base(s) in expectation_names or s.startswith(("E_", "math")) for s in symbols):
            flags.append("expectation read as a product")
    if re.search(r"\\nabla", tex) and any(symbol_base(s) == "nabla" for s in symbols):
        flags.append("gradient read as a product")
    limits = re.sub(r"\\(?:sum|prod|int|intop|oint|lim|bigcup|bigcap)\s*(?:_\s*(?:\{[^{}]*\}|\\?\w+))?\s*"
                    r"\^\s*(?:\{[^{}]*\}|\\?\w+)", " ", tex)  # an upper limit ^{T} is no transpose
    if _TRANSPOSE.search(limits) and not expr.atoms(sp.Transpose):
        flags.append("transpose read as a power or dropped")
    if re.search(r"\\log", tex) and any(len(f.args) == 2 for f in expr.atoms(sp.log)):
        flags.append("log read as log10")
    if expr.has(sp.I) and re.search(r"(?<![A-Za-z\\])I(?![A-Za-z])|\\mathbf\s*\{\s*I\s*\}", tex):
        flags.append("identity matrix read as the imaginary unit")
    if expr.atoms(sp.Abs) and re.search(r"[pq](?:_\{?\\?[A-Za-z]+\}?)?\s*(?:\\left)?\([^()]*(?:\||\\mid|\\vert)", tex):
        flags.append("conditional bar read as an absolute value")
    if re.search(r"\\int(?![A-Za-z])|\\intop", tex) and not expr.atoms(sp.Integral):
        flags.append("integral lost")
    if (not expr.free_symbols and not expr.atoms(sp.core.function.AppliedUndef)
            and re.search(r"(?<![A-Za-z])(\\[A-Za-z]+|[A-Za-z])\s*(?:\\left)?\(\s*[-\d./{}\\frac]+\s*(?:\\right)?\)",
                          tex)):
        flags.append("names vanished into a number")
    return flags


# --- the hand-checked sample --------------------------------------------------------------------------

def sample(sides: list[Side], readings: dict[str, list[Reading]], reader: str) -> list[int]:
    """SAMPLE_SIZE indices of sides the reader parsed: a seeded shuffle of all sides, the first parsed ones."""
    order = list(range(len(sides)))
    random.Random(f"{SEED}-{reader}").shuffle(order)
    return [i for i in order if readings[reader][i].parsed][:SAMPLE_SIZE]


def load_verdicts() -> dict[tuple[str, str, int, str], dict]:
    if not SAMPLE_FILE.exists():
        return {}
    with SAMPLE_FILE.open("rb") as stream:
        data = tomllib.load(stream)
    return {(e["reader"], e["post"], e["line"], " ".join(e["source"].split())): e for e in data.get("sample", [])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", action="store_true", help="print the sample to check by hand")
    parser.add_argument("--show", default=None, help="list the sides flagged with this category (substring)")
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds per side for latex2sympy2")
    args = parser.parse_args()

    sides, scopes = corpus_sides()
    readings: dict[str, list[Reading]] = {"lark": [], "l2s": []}
    for side in sides:
        readings["lark"].append(read_lark(side, scopes[side.post]))
        readings["l2s"].append(read_l2s(side, args.timeout))
    for reader in READERS:
        for side, reading in zip(sides, readings[reader]):
            if reading.parsed:
                try:
                    reading.flags = detect(side.tex, reading.expr)
                except Exception as error:  # noqa: BLE001 - a detector failure is reported, not fatal
                    reading.flags = [f"detector failed ({type(error).__name__})"]

    verdicts = load_verdicts()
    posts = len({s.post for s in sides})
    print(f"{len(sides)} sides of {len({(s.post, s.line) for s in sides})} rows in {posts} corpus posts\n")
    head = f"{'':<34}" + "".join(f"{r:>14}" for r in READERS)
    print(head)
    print("-" * len(head))

    def row(label: str, values) -> None:
        print(f"{label:<34}" + "".join(f"{v:>14}" for v in values))

    n = len(sides)
    parsed = {r: sum(x.parsed for x in readings[r]) for r in READERS}
    flagged = {r: sum(1 for x in readings[r] if x.flags) for r in READERS}
    row("parsed", [f"{parsed[r]} ({100 * parsed[r] / n:.0f} %)" for r in READERS])
    row("refused", [f"{n - parsed[r]}" for r in READERS])
    row("misread, detected", [f"{flagged[r]} ({100 * flagged[r] / max(parsed[r], 1):.0f} %)" for r in READERS])
    row("parsed, nothing detected", [f"{parsed[r] - flagged[r]}" for r in READERS])
    both = sum(1 for a, b in zip(readings["lark"], readings["l2s"]) if a.parsed and b.parsed)
    other = {"lark": "l2s", "l2s": "lark"}
    only = {r: sum(1 for a, b in zip(readings[r], readings[other[r]]) if a.parsed and not b.parsed) for r in READERS}
    row("parsed by this reader only", [only[r] for r in READERS])
    row("parsed by both", [both, both])
    hand = {}
    for reader in READERS:
        chosen = sample(sides, readings, reader)
        found = [verdicts.get((reader, sides[i].post, sides[i].line, " ".join(sides[i].tex.split()))) for i in chosen]
        judged = [v for v in found if v is not None]
        hand[reader] = (Counter(v["verdict"] for v in judged), len(chosen), len(judged))
    row("hand sample: checked", [f"{hand[r][2]}/{hand[r][1]}" for r in READERS])
    row("hand sample: correct", [hand[r][0]["correct"] for r in READERS])
    row("hand sample: misread", [hand[r][0]["misread"] for r in READERS])
    row("hand sample: debatable", [hand[r][0]["debatable"] for r in READERS])
    for reader in READERS:
        times = sorted(x.seconds for x in readings[reader])
        readings[reader + "_t"] = times  # type: ignore[assignment]
    row("time, total (s)", [f"{sum(readings[r + '_t']):.1f}" for r in READERS])
    row("time per side, median (ms)", [f"{1000 * readings[r + '_t'][len(sides) // 2]:.1f}" for r in READERS])
    row("time per side, max (s)", [f"{readings[r + '_t'][-1]:.2f}" for r in READERS])

    print("\nmisreadings detected, by category (a side may have several):")
    categories = defaultdict(Counter)
    for reader in READERS:
        for x in readings[reader]:
            for flag in x.flags:
                categories[flag][reader] += 1
    for flag, counts in sorted(categories.items(), key=lambda kv: -sum(kv[1].values())):
        row(f"  {flag[:32]}", [counts[r] for r in READERS])
    print("\ntop refusal reasons:")
    for reader in READERS:
        reasons = Counter(re.split(r"[(:]", x.reason, maxsplit=1)[0].strip() for x in readings[reader] if not x.parsed)
        print(f"  {reader}: " + "; ".join(f"{c} {t[:45]}" for t, c in reasons.most_common(6)))

    if args.show:
        for reader in READERS:
            for side, x in zip(sides, readings[reader]):
                if any(args.show in f for f in x.flags):
                    print(f"[{reader}] {side.post}:{side.line}: {side.tex[:90]}  ->  {str(x.expr)[:90]}  {x.flags}")
    if args.sample:
        for reader in READERS:
            print(f"\n=== sample for {reader}")
            for i in sample(sides, readings, reader):
                side, x = sides[i], readings[reader][i]
                known = verdicts.get((reader, side.post, side.line, " ".join(side.tex.split())))
                print(f"--- {side.post}:{side.line}  flags={x.flags}  verdict={known['verdict'] if known else '?'}")
                print(f"    tex : {side.tex}")
                print(f"    read: {sp.sstr(x.expr)[:300]}")


if __name__ == "__main__":
    sys.exit(main())
