"""Derivations of diffusion-model results, one module each: the forward process (with its
relations and the unrolled check), the DDPM posterior, and the noise schedules.

Each derivation module has a pure ``derive()``. Imports the engine, latex and gaussian layers.
"""
