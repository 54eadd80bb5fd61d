"""The bridge to LaTeX: reading it into SymPy and writing SymPy as the papers print it.

Reading: :mod:`~derivations.latex.names` and :mod:`~derivations.latex.lexer` (tokens),
:mod:`~derivations.latex.grammar` (a Lark LALR grammar), :mod:`~derivations.latex.reader`
and :mod:`~derivations.latex.calls` (the meaning, with a post's
:mod:`~derivations.latex.scope`), :mod:`~derivations.latex.user_input`. Writing:
:mod:`~derivations.latex.render`, :mod:`~derivations.latex.strings`,
:mod:`~derivations.latex.script`. Imports only the engine.
"""
