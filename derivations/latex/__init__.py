"""The bridge to LaTeX: reading it into SymPy and writing SymPy as the papers print it.

Reading: :mod:`~derivations.latex.normalize`, :mod:`~derivations.latex.parse`,
:mod:`~derivations.latex.user_input`. Writing: :mod:`~derivations.latex.render`,
:mod:`~derivations.latex.strings`, :mod:`~derivations.latex.script`. Imports only the engine.
"""
