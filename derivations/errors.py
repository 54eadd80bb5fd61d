"""The library's own errors.

Every error the library raises on purpose derives from :class:`DerivationError`
and also from the built-in it refines, so callers can catch either. Errors that
signal misuse of Python itself (``TypeError`` for a wrong argument type) stay
built-in. The command line turns a :class:`DerivationError` into one line on
standard error and a non-zero exit.
"""

from __future__ import annotations


class DerivationError(Exception):
    """Base class of the errors this library raises on purpose."""


class StepNotEqualError(DerivationError, ValueError):
    """A step was refuted: its two sides differ (the message gives the residual)."""


class StepUndecidedError(DerivationError, ValueError):
    """A step could be neither proved nor refuted within its work limits."""


class CheckTimeoutError(DerivationError, TimeoutError):
    """A check ran past the safety limit: an error naming the step, never a verdict."""


class KnownResultMismatchError(DerivationError, ValueError):
    """A derivation's result is not the published formula it claims to reproduce."""


class EngineInconsistencyError(DerivationError, RuntimeError):
    """A symbolic verdict and its numeric witness disagree: a bug in the engine."""


class BadInputError(DerivationError, ValueError):
    """Input from a user (an expression, a name, a path) cannot be used."""


class UnknownDerivationError(BadInputError, KeyError):
    """No built-in derivation has the requested name."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


class OutputError(DerivationError, OSError):
    """The output folder cannot be written; nothing was left half-written."""
