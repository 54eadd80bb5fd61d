"""Reading a post from disk (at most 1 MiB of UTF-8 text, or one line saying why not), and what kind of post it is."""

from __future__ import annotations

import re
from pathlib import Path

from derivations.errors import BadInputError

#: Posts larger than this are refused (bad input): 1 MiB.
MAX_BYTES = 1 << 20


def read_post(path: Path) -> str:
    """The text of the post at ``path``; :class:`BadInputError` if missing, too large or not UTF-8.

    At most ``MAX_BYTES + 1`` bytes are read, whatever the file system says of the size
    (``/proc`` files report 0 and never end).
    """
    if not path.is_file():
        raise BadInputError(f"{path}: no such file")
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise BadInputError(f"{path}: cannot be read ({error.strerror or error})") from None
    if len(data) > MAX_BYTES:
        raise BadInputError(f"{path}: more than the limit of {MAX_BYTES} bytes (1 MiB)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadInputError(f"{path}: not UTF-8 (byte {error.start})") from None


def is_diffusion_post(text: str) -> bool:
    r"""Does the post use the diffusion schedule's notation?

    It writes ``\bar\alpha``, speaks of a diffusion model (not heat diffusion) or DDPM, or indexes a schedule
    letter by a time step (``\alpha_t``, ``\beta_{t-1}``) beside a noised variable (``x_t``, ``x_{t-1}``). A
    bare ``\alpha`` (a Beta distribution's) does not make a diffusion post.
    """
    if re.search(r"\\(?:bar|overline)\s*\{?\s*\\alpha|DDPM|DDIM|denoising|score-based|diffusion[\s-]+(?:models?|"
                 r"probabilistic|process|sampler|steps?|transformers?)", text, re.IGNORECASE):
        return True
    schedule = re.search(r"\\(?:alpha|beta)_\{?\s*t\b", text)
    noised = re.search(r"(?:x|\\mathbf\{x\}|\\mathbf x|\\boldsymbol\{x\})_\{?\s*t\b|\\(?:var)?epsilon", text)
    return bool(schedule and noised)


def is_probabilistic(text: str) -> bool:
    """Is the post about probability (then its p, q, P, Q calls are densities)?"""
    return bool(re.search(r"\\mathcal\{?N|\\sim(?![A-Za-z])|\\mathbb\{?E|\bdensit|\bdistribution|probabilit|likelihood|"
                          r"\bprior\b|posterior|\bKL\b|\{KL\}|diffusion|DDPM|\bsampl|random|Bayes|\\propto|"
                          r"(?<![A-Za-z\\])[pqPQ](?:_\{?\w+\}?)?\s*\([^()]*(?:\\mid|\\vert|\|)", text, re.IGNORECASE))


#: Prose that gives the schedule letters another meaning: beta the rate of an SDE (it runs up to 20 in
#: Song et al. 2021, eq. 32), alpha a Dirichlet's concentration or a Beta distribution's parameter.
_BETA_A_RATE = re.compile(r"\bSDEs?\b|stochastic differential|\\beta\s*\(\s*t\s*\)", re.IGNORECASE)
_NOT_A_SCHEDULE = re.compile(r"Dirichlet|concentration|Beta distribution|\\(?:mathrm|text|operatorname)\{Beta\}|"
                             r"\\beta\$?\s*-\s*VAE|beta-VAE", re.IGNORECASE)


def unit_bases(text: str) -> frozenset[str]:
    """The schedule letters that lie in (0, 1) in this post (:class:`~derivations.latex.scope.Scope`)."""
    if _NOT_A_SCHEDULE.search(text):
        return frozenset()
    return frozenset({"alpha"}) if _BETA_A_RATE.search(text) else frozenset({"alpha", "beta"})

