# ruff: noqa: E501  (the posts as the review wrote them, one a line)
r"""The fourteenth adversarial review's findings (December 2026, "find a false proved", on the rules of finite
sums and expectations the linter gained, the horizon T, the functions a post defines, and norms): 35 false proofs,
none of which proves anything now (tests/lint/test_recent_reviews.py runs them):

* H. The horizon rule (T >= 1 in a diffusion post) is gone: a T the post speaks of (an inequality, a set, words,
  ``0 = T``, a lone ``T = 0`` anywhere) may make a sum empty, so a proof in Karr's convention does not stand.
* M. A family declared matrices in lowercase or bold (``w_t``, ``\mathbf{w}_t``, ``r_t``, ``a_i b_i``) commuted
  inside a sum: its terms are matrices to the reader now (latex.matrix_names.refuse_commuted).
* C. A function's argument captured by its body's integral or derivative (``f(s) = \int_0^1 s t\,dt`` at t):
  unread now.
* F1, F2. A definition for part of the domain in words ("on the positive half-line", "for positive arguments").
* I. An infinite sum split term by term: the rules of finite sums are not used for series.
* N. Sums nested with an inner range reversed were evaluated in Karr's convention: a concrete range is written
  out as written (latex.ranges), an inner one too.
* E. ``\mathbb{E}_{x \sim q}`` was read as ``\mathbb{E}_q``, its variable dropped: it is the law q(x); and
  under ``\mathbb{E}_{q(\sigma)}`` sigma kept its positive convention: such an expectation is unread.
* F3. "It is tempting to write $f(x) = x^2$, but ...": "tempting" negates the sentence.
"""

_D = "A note on diffusion models (DDPM).\n\n"
_SPLIT = "$$\n\\sum_{t=1}^{T} x_t = x_1 + \\sum_{t=2}^{T} x_t\n$$\n"

FOUND = {
    # --- H. The horizon rule (T >= 1 in a diffusion post) taken although the post allows T < 1 ------------
    # At T = 0 the left side is the empty sum 0 and the right side is x_1 + (empty) = x_1: false unless x_1 = 0.
    # The rule only looks for *values* of T; an inequality that admits T = 0 (or even demands T < 1) is ignored.
    "H1 T >= 0 stated inline":
        "A note on diffusion models (DDPM), with $T \\ge 0$ steps.\n\n" + _SPLIT,
    "H2 T in N_0 (zero allowed)":
        "A diffusion model with $T \\in \\{0, 1, 2, \\dots\\}$ steps.\n\n" + _SPLIT,
    "H3 T in Z_{>=0}":
        "A diffusion model with $T \\in \\mathbb{Z}_{\\ge 0}$ steps.\n\n" + _SPLIT,
    # The post even says T < 1 (so T <= 0): every case is the false one (left 0, right x_1).
    "H4 T < 1 stated":
        "A diffusion model. Suppose $T < 1$.\n\n" + _SPLIT,
    "H5 T <= 0 stated":
        "A diffusion model with $T \\le 0$.\n\n" + _SPLIT,
    # In words: zero steps allowed.
    "H6 words: T may be zero":
        "A note on diffusion models (DDPM). The number of steps $T$ may be zero.\n\n" + _SPLIT,
    "H7 words: T equal to zero, no steps":
        "A diffusion model. Consider the degenerate case of $T$ equal to zero, with no steps.\n\n" + _SPLIT,
    # The value written the other way round: only equations with T on the left are read as values.
    "H8 0 = T (value on the left)":
        "A diffusion model. Take $0 = T$, no steps.\n\n" + _SPLIT,
    # T = 0 set in a display after the step ("anywhere in the post" is not honoured for display rows).
    "H9 T = 0 in a later display":
        _D + _SPLIT + "\n$$\nT = 0\n$$\n",

    # --- N. Nested sums: an inner range reversed by more than one, evaluated in Karr's convention ---------
    # sum_{s=1}^{t-2} 1 is t - 2 only for t >= 1; as written it is 0 for t = 1, 2 (empty), but Karr gives
    # t - 2 = -1 at t = 1.  Left side = 0 + 0 + 1 = 1; the step says 0.
    "N1 nested inner range reversed, concrete":
        "A post.\n\n$$\n\\sum_{t=1}^{3} \\sum_{s=1}^{t-2} 1 = 0\n$$\n",
    # Same: left = sum_{t=1}^{5} max(0, t-3) = 3, right = -2-1+0+1+2 = 0.
    "N2 nested, sum of (n - 3)":
        "A post.\n\n$$\n\\sum_{n=1}^{5} \\sum_{s=1}^{n-3} 1 = \\sum_{n=1}^{5} (n-3)\n$$\n",
    # Diffusion: at T = 3 the left is 1 (only t = 3 contributes), the right is 0.
    "N3 nested in a diffusion post, closed form":
        "A note on diffusion models (DDPM), with $T$ steps.\n\n$$\n\\sum_{t=1}^{T} \\sum_{s=1}^{t-2} 1 = \\frac{T(T-3)}{2}\n$$\n",
    # Products: an empty product is 1; left = 1 + 1 + 2 = 4, right = 1/2 + 1 + 2 = 7/2.
    "N4 nested product, inner range reversed":
        "A post.\n\n$$\n\\sum_{t=1}^{3} \\prod_{s=1}^{t-2} 2 = \\sum_{t=1}^{3} 2^{t-2}\n$$\n",

    # --- E. Expectations: E_{x ~ q} is read as E_q, the bound variable dropped -------------------------
    # E_{x~q}[x y] = y m (m the mean of q), E_{y~q}[x y] = x m: equal only if x = y (or m = 0).
    "E1 E_{x~q}[xy] = E_{y~q}[xy]":
        "A post.\n\n$$\n\\mathbb{E}_{x \\sim q}[x y] = \\mathbb{E}_{y \\sim q}[x y]\n$$\n",
    # m - y versus x - m.
    "E2 E_{x~q}[x - y] = E_{y~q}[x - y]":
        "A post.\n\n$$\n\\mathbb{E}_{x \\sim q}[x - y] = \\mathbb{E}_{y \\sim q}[x - y]\n$$\n",
    # Var + (m - y)^2 versus Var + (x - m)^2.
    "E3 E_{x~q}[(x-y)^2] = E_{y~q}[(x-y)^2]":
        "A post.\n\n$$\n\\mathbb{E}_{x \\sim q}\\left[(x - y)^2\\right] = \\mathbb{E}_{y \\sim q}\\left[(x - y)^2\\right]\n$$\n",
    # Any f: integrating out the first argument is not integrating out the second.
    "E4 E_{x~q}[f(x,y)] = E_{y~q}[f(x,y)]":
        "A post.\n\n$$\n\\mathbb{E}_{x \\sim q}[f(x, y)] = \\mathbb{E}_{y \\sim q}[f(x, y)]\n$$\n",
    # Diffusion flavour: averaging the squared error over x_0 (a function of x_t) versus over x_t (a function of x_0).
    "E5 diffusion: E over x_0 versus E over x_t":
        "A note on diffusion models (DDPM), with $T$ steps.\n\n$$\n\\mathbb{E}_{x_0 \\sim q}\\left[(x_t - x_0)^2\\right] = \\mathbb{E}_{x_t \\sim q}\\left[(x_t - x_0)^2\\right]\n$$\n",
    # An expectation over sigma written with its density q(sigma) (the ninth review closed only sigma ~ N):
    # sigma is standard normal, so E|sigma| = sqrt(2/pi) but E[sigma] = 0; the body is read with sigma > 0.
    "E6 E_{q(sigma)} with q(sigma) = N(sigma; 0, 1), sqrt(sigma^2) = sigma":
        "Here $q(\\sigma) = \\mathcal{N}(\\sigma; 0, 1)$.\n\n$$\n\\mathbb{E}_{q(\\sigma)}[\\sqrt{\\sigma^2}] = \\mathbb{E}_{q(\\sigma)}[\\sigma]\n$$\n",
    # Same, sigma uniform on [-1, 1]: E|sigma| = 1/2, E sigma = 0.
    "E7 E_{p(sigma)} with sigma uniform on [-1, 1]":
        "Let $p(\\sigma)$ be uniform on $[-1, 1]$.\n\n$$\n\\mathbb{E}_{p(\\sigma)}[\\sqrt{\\sigma^2}] = \\mathbb{E}_{p(\\sigma)}[\\sigma]\n$$\n",

    # --- M. A lowercase (or bold lowercase) family declared to be matrices, commuted inside a sum ----------
    # For matrices, sum_t w_t w_{t-1} != sum_t w_{t-1} w_t in general (T = 1: w_1 w_0 vs w_0 w_1).
    "M1 w_t in R^{d x d}, commuted in a sum":
        "Let $w_t \\in \\mathbb{R}^{d \\times d}$ be the weight matrices.\n\n$$\n\\sum_{t=1}^{T} w_t w_{t-1} = \\sum_{t=1}^{T} w_{t-1} w_t\n$$\n",
    "M2 'each w_t is a d x d matrix'":
        "Here each $w_t$ is a $d \\times d$ matrix.\n\n$$\n\\sum_{t=1}^{T} w_t w_{t-1} = \\sum_{t=1}^{T} w_{t-1} w_t\n$$\n",
    "M3 bold lowercase weight matrices":
        "Let $\\mathbf{w}_t$ be the weight matrices.\n\n$$\n\\sum_{t=1}^{T} \\mathbf{w}_t \\mathbf{w}_{t-1} = \\sum_{t=1}^{T} \\mathbf{w}_{t-1} \\mathbf{w}_t\n$$\n",
    "M4 rotation matrices r_t":
        "Let $r_t$ be rotation matrices.\n\n$$\n\\sum_{t=1}^{T} r_t r_{t-1} = \\sum_{t=1}^{T} r_{t-1} r_t\n$$\n",
    # (w_t - w_{t-1}) w_t versus w_t (w_t - w_{t-1}): differ by w_t w_{t-1} - w_{t-1} w_t.
    "M5 matrices, factor moved across a difference":
        "Let $w_t \\in \\mathbb{R}^{d \\times d}$.\n\n$$\n\\sum_{t=1}^{T} (w_t - w_{t-1}) w_t = \\sum_{t=1}^{T} w_t (w_t - w_{t-1})\n$$\n",
    # Two families, the tenth review's M1 written lowercase.
    "M6 two lowercase families of matrices a_i b_i":
        "Let $a_i$ and $b_i$ be $d \\times d$ matrices.\n\n$$\n\\sum_{i=1}^{n} a_i b_i = \\sum_{i=1}^{n} b_i a_i\n$$\n",

    # --- C. A defined function substituted with its parameter captured by a bound variable ---------------
    # f(s) = int_0^1 s t dt = s/2, so 6 f(t) = 3t; the substitution s -> t captures the integration variable
    # and reads f(t) = int_0^1 t^2 dt = 1/3, so 6 f(t) = 2 is proved.
    "C1 integral: parameter captured by the integration variable":
        "A post.\n\n$$\nf(s) = \\int_0^1 s t \\, dt\n$$\n\n$$\n6 f(t) = 2\n$$\n",
    # Same, defined in the prose.
    "C2 integral capture, definition in prose":
        "Let $g(s) = \\int_0^1 s u \\, du$.\n\n$$\n6 g(u) = 2\n$$\n",
    # f(t) = (1 - e^{-t})/t, a function of t; the right side is a number (int_0^1 e^{-u^2} du).
    "C3 integral capture, exponential kernel":
        "A post.\n\n$$\nf(s) = \\int_0^1 e^{-s t} \\, dt\n$$\n\n$$\n2 f(t) = 2\\int_0^1 e^{-t^2} \\, dt\n$$\n",
    # h(a) = a^2 - a + 1/3 > 0 for all a; 3 h(x) = 0 is proved (capture: int_0^1 (x - x)^2 dx = 0).
    "C4 integral capture, squared distance":
        "A post.\n\n$$\nh(a) = \\int_{0}^{1} (a - x)^2 \\, dx\n$$\n\n$$\n3 h(x) = 0\n$$\n",
    # f(x) = d/dt (x t) = x, so 2 f(t) = 2t; capture reads d/dt (t^2) = 2t and proves 2 f(t) = 4t.
    "C5 derivative capture":
        "A post.\n\n$$\nf(x) = \\frac{d}{dt}(x t)\n$$\n\n$$\n2 f(t) = 4 t\n$$\n",

    # --- F. A definition under a condition, or rejected, in words only --------------------------------
    # f is x^2 on the positive half-line and 0 elsewhere: f(-1) = 0, so 2 f(-1) = 0, not 2.
    "F1 condition in words: 'on the positive half-line'":
        "On the positive half-line let $f(x) = x^2$; on the rest of the line $f$ vanishes.\n\n$$\n2 f(-1) = 2\n$$\n",
    "F2 condition in words: 'for positive arguments'":
        "For positive arguments let $f(x) = x^2$; for the others, $f$ is zero.\n\n$$\n2 f(-1) = 2\n$$\n",
    # The post rejects f(x) = x^2 (f is the cube, f(2) = 8, 2 f(2) = 16); the rejected value proves 2 f(2) = 8.
    "F3 rejected definition: 'tempting to write ..., but that is wrong'":
        "It is tempting to write $f(x) = x^2$, but that is wrong: $f$ is the cube.\n\n$$\n2 f(2) = 8\n$$\n",

    # --- I. Infinite sums split by linearity without convergence ---------------------------------------
    # x_k = 1, y_k = -1: the left is sum 0 = 0, the right is infinity - infinity (undefined).
    "I1 infinite sum split term by term":
        "A post.\n\n$$\n\\sum_{k=1}^{\\infty} (x_k + y_k) = \\sum_{k=1}^{\\infty} x_k + \\sum_{k=1}^{\\infty} y_k\n$$\n",
}
