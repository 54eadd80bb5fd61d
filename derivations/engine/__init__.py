"""The engine: notation, derivations and their steps, relations, and checking.

Checking is split by concept: verdicts, settings, canonical forms, the numeric
witness, integrals (the Gaussian integral rule), radicals and positivity.
The engine imports no other layer, and knows no derivation by name and no output format.
"""
