"""Reference code checked against the math: NumPy implementations, the checks that they
compute the derived results, and their typesetting with latexify-py.

It imports the derivation layers (it runs them), latex and the engine; never lint or publish.
"""
