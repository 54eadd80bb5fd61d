"""Derivations of Gaussian results, one module each: convolution, characteristic functions,
KL divergence (univariate and multivariate), product, conditional.

Each module has a pure ``derive()``. Imports only the engine and latex layers.
"""
