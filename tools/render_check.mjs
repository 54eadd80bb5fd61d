#!/usr/bin/env node
// Render LaTeX strings with the real renderers our users' blogs run: KaTeX and MathJax 3.
//
// Input (stdin): a JSON list of {"id": str, "latex": str, "display": bool}.
// Output (stdout): a JSON report
//   {"count": N,
//    "katex":   {"version": "...", "failures": [{"id", "error"}], "warnings": [{"id", "warning"}]},
//    "mathjax": {"version": "...", "packages": [...], "failures": [{"id", "error"}]}}
// Exit code: 0 no failures, 1 some string failed in some renderer, 2 bad input.
//
// KaTeX runs with throwOnError: true (a parse error throws). Its strict-mode remarks
// (LaTeX-incompatible input that KaTeX still renders) are reported as warnings, not failures.
// MathJax runs the TeX input jax only (to MathML; no output jax is needed to find TeX errors)
// with a formatError handler that rethrows, and without the `noundefined` package, so an
// undefined control sequence is a failure rather than red text. The packages are the ones a
// default MathJax 3 page has (base, ams, newcommand, configmacros) plus those it would
// autoload for what we emit (boldsymbol). A backslash left inside an <mtext> is a failure
// too: MathJax shows \text{50\% of} verbatim ("50\% of") unless a page loads textmacros.
//
// One node process renders every string: run it once with the whole list.

import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const katex = require("katex");
const { mathjax } = require("mathjax-full/js/mathjax.js");
const { TeX } = require("mathjax-full/js/input/tex.js");
const { liteAdaptor } = require("mathjax-full/js/adaptors/liteAdaptor.js");
const { RegisterHTMLHandler } = require("mathjax-full/js/handlers/html.js");
const { STATE } = require("mathjax-full/js/core/MathItem.js");
const { SerializedMmlVisitor } = require("mathjax-full/js/core/MmlTree/SerializedMmlVisitor.js");
require("mathjax-full/js/input/tex/base/BaseConfiguration.js");
require("mathjax-full/js/input/tex/ams/AmsConfiguration.js");
require("mathjax-full/js/input/tex/newcommand/NewcommandConfiguration.js");
require("mathjax-full/js/input/tex/configmacros/ConfigMacrosConfiguration.js");
require("mathjax-full/js/input/tex/boldsymbol/BoldsymbolConfiguration.js");

export const MATHJAX_PACKAGES = ["base", "ams", "newcommand", "configmacros", "boldsymbol"];

function readInput() {
  const text = readFileSync(0, "utf8");
  const items = JSON.parse(text);
  if (!Array.isArray(items)) throw new Error("input must be a JSON list");
  for (const item of items) {
    if (typeof item !== "object" || item === null || typeof item.id !== "string"
        || typeof item.latex !== "string") {
      throw new Error(`each item needs a string id and latex: ${JSON.stringify(item)}`);
    }
  }
  return items;
}

function katexCheck(items) {
  const failures = [];
  const warnings = [];
  for (const { id, latex, display } of items) {
    const strict = (code, message) => {
      warnings.push({ id, warning: `${code}: ${message}` });
      return "ignore";
    };
    try {
      katex.renderToString(latex, { throwOnError: true, displayMode: Boolean(display), strict });
    } catch (error) {
      failures.push({ id, error: String(error.message || error) });
    }
  }
  return { version: katex.version, failures, warnings };
}

// MathJax 3 typesets \text{...} verbatim (only $...$ inside is math) unless the textmacros
// package is loaded, which default pages do not load: \text{50\% of} shows "50\% of". A
// backslash left in an <mtext> is such an escape shown to the reader; we count it a failure.
function literalEscapes(mml) {
  for (const match of mml.matchAll(/<mtext[^>]*>([^<]*)<\/mtext>/g)) {
    if (match[1].includes("\\")) return match[1];
  }
  return "";
}

function mathjaxCheck(items) {
  const adaptor = liteAdaptor();
  RegisterHTMLHandler(adaptor);
  const tex = new TeX({
    packages: MATHJAX_PACKAGES,
    formatError: (jax, error) => { throw error; },
  });
  const doc = mathjax.document("", { InputJax: tex });
  const visitor = new SerializedMmlVisitor();
  const failures = [];
  for (const { id, latex, display } of items) {
    try {
      tex.parseOptions.tags.reset();
      const mml = visitor.visitTree(doc.convert(latex, { display: Boolean(display), end: STATE.CONVERT }));
      const literal = literalEscapes(mml);
      if (literal) failures.push({ id, error: `TeX shown literally inside \\text: ${literal}` });
    } catch (error) {
      failures.push({ id, error: String(error.message || error) });
    }
  }
  return { version: mathjax.version, packages: MATHJAX_PACKAGES, failures };
}

function main() {
  let items;
  try {
    items = readInput();
  } catch (error) {
    process.stderr.write(`render_check: bad input: ${error.message}\n`);
    return 2;
  }
  const report = { count: items.length, katex: katexCheck(items), mathjax: mathjaxCheck(items) };
  process.stdout.write(JSON.stringify(report, null, 2) + "\n");
  return report.katex.failures.length || report.mathjax.failures.length ? 1 : 0;
}

process.exitCode = main();
