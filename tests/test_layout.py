"""The shape of the house: layers as folders, small modules, a docstring on every layer."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "derivations"
LAYERS = ("engine", "latex", "gaussian", "diffusion", "lint", "code", "publish")
MAX_LINES = 400


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_over_400_lines(path: Path) -> None:
    """A module a newcomer can read in one sitting: at most 400 lines."""
    lines = path.read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{path.relative_to(PACKAGE)} has {lines} lines"


def test_at_most_six_modules_at_the_top() -> None:
    """The top of the package is the API, the command line, the errors and the registry; the rest is in layers."""
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 6, top


@pytest.mark.parametrize("layer", LAYERS)
def test_each_layer_says_what_it_is_for(layer: str) -> None:
    """Each layer's docstring says what the layer is for and what it may import."""
    doc = importlib.import_module(f"derivations.{layer}").__doc__ or ""
    assert len(doc.split()) >= 15, doc
    assert "import" in doc.lower(), doc


def _code_strings(tree: ast.AST) -> list[str]:
    """The string constants of a module that are not docstrings."""
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def test_the_engine_knows_no_derivation_and_no_output_format() -> None:
    """No engine module imports the registry, names a built-in derivation, or names a file format."""
    from derivations import registry

    for path in sorted((PACKAGE / "engine").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert "derivations.registry" not in imported, path.name
        for text in _code_strings(tree):
            assert text not in registry.names(), (path.name, text)
            assert not any(text.endswith(ext) for ext in (".md", ".tex", ".json")), (path.name, text)
