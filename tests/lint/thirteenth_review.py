# ruff: noqa: E501  (the posts as the review wrote them, one a line)
r"""The thirteenth adversarial review's findings (December 2026, "find a false proved", on norms and on
functions a post defines by a call, ``f(x) = ...``): each proved a false line, and none proves anything now
(tests/lint/test_recent_reviews.py runs them).

Causes, and what changed:

* A. A parameter written into a name of the body other than a plain subscript (``x^{(k)}``, ``g_t(x)``,
  ``p_t(x)``, ``\sigma_{ts}``, ``\epsilon_\theta``) left the function read as constant: such a definition is
  exact now (lint.functions.exact_in), substituted at its own arguments only.
* B. A parameter kept its letter's convention in the body (``f(\sigma) = |\sigma|`` read as the identity):
  the parameters of a function of plain names are plain real numbers.
* C. A definition stated for part of the domain was taken for all of it: a piece stated under a condition in
  its sentence ("for $x > 0$") defines nothing (lint.cues.conditional), and a restatement that is not proved
  voids the function.
* D. ``\triangleq`` and ``\doteq`` in a display, ``f = x \mapsto x^2`` in the prose, were not read, so a later
  false claim became the definition: ``\triangleq`` defines, ``\doteq`` is an approximation, ``\mapsto``
  defines the function, and a call label begun with any relation before is never defined again.
* E, I. A restated label was checked against a stale, or refuted, last line: it is checked against the
  function as defined now, only proved lines become its last line, and a restatement not proved voids it.
* F, H. The norm's rules took out pi, i and names of a post that speaks of matrices, and ``\|v\|_2`` was the
  norm of the bars alone: only digits and radicals come out everywhere, positive names only where the post
  speaks of no matrices, and ``\|v\|_2`` is the Euclidean norm, another function.
* G. Words giving sigma negative values ("uniformly from $[-1, 1]$", "the values $-1$ and $1$") left its
  convention standing: a negative number or endpoint in the sentence voids it.
"""

FOUND = {
    # --- A. a definition's parameter hidden in something other than a plain name's subscript --------------
    # f(k) = x^{(k)}: the parameter is in a superscript index (k-th iterate); only subscripts make the
    # definition exact, so f is a constant function and f(1) = f(2) is proved.  x^{(1)} and x^{(2)} are
    # different values (two iterates), so the step is false.
    "A1 parameter in a superscript index x^{(k)}":
        "A post.\n\n$$\nf(k) = x^{(k)}\n$$\n\n$$\nf(1) = f(2)\n$$\n",
    # Same, bold vector iterate.
    "A2 parameter in a bold superscript index":
        "A post.\n\n$$\nf(t) = \\mathbf{x}^{(t)}\n$$\n\n$$\nf(1) - f(2) = 0\n$$\n",
    # f(t) = g_t(x): the parameter is the subscript of a call; the call's name is no free symbol, so f is read
    # as constant in t and f(1) = f(2) is proved, but g_1(x) and g_2(x) are different functions' values.
    "A3 parameter in the subscript of a call g_t(x)":
        "A post.\n\n$$\nf(t) = g_t(x)\n$$\n\n$$\nf(1) = f(2)\n$$\n",
    # A diffusion loss: L(theta) depends on theta through the network epsilon_theta; proved constant.
    "A4 loss of a network epsilon_theta":
        "A diffusion post.\n\n$$\nL(\\theta) = \\|\\epsilon - \\epsilon_\\theta(x_t, t)\\|^2\n$$\n\n$$\nL(\\theta_1) - L(\\theta_2) = 0\n$$\n",
    # The same with a density subscript: f(t) = p_t(x), the marginal density at time t, is not constant in t.
    "A5 parameter in a density's subscript p_t(x)":
        "A post.\n\n$$\nf(t) = p_t(x)\n$$\n\n$$\nf(1) = f(2)\n$$\n",
    # f(t) = sigma_{ts}: the parameter t is one letter of a two-letter subscript (a covariance entry); the
    # regex needs the parameter not to touch another letter, so f is read constant and f(1) = f(2) is proved,
    # but sigma_{1s} and sigma_{2s} are different entries.
    "A6 parameter in a two-letter subscript sigma_{ts}":
        "A post.\n\n$$\nf(t) = \\sigma_{ts}\n$$\n\n$$\nf(1) - f(2) = 0\n$$\n",
    "A7 Greek parameter in a two-name subscript w_{theta phi}":
        "A post.\n\n$$\nf(\\theta) = w_{\\theta\\phi}\n$$\n\n$$\nf(1) - f(2) = 0\n$$\n",

    # --- B. a function's parameter keeps a positive name's convention inside the body ------------------------
    # f(sigma) = |sigma| is the absolute value; its body is read with sigma > 0 (sigma's convention), so the
    # function is read as the identity and f(-2) = -2 is proved.  f(-2) = |-2| = 2.
    "B1 f(sigma) = |sigma| at -2":
        "A post.\n\n$$\nf(\\sigma) = |\\sigma|\n$$\n\n$$\nf(-2) = -2\n$$\n",
    # The same through the new norm rule: g(sigma) = ||sigma v|| is read sigma ||v||, so g(-1) = -||v||,
    # a negative norm, is proved.  g(-1) = ||-v|| = ||v||.
    "B2 g(sigma) = ||sigma v|| at -1, a negative norm":
        "A post.\n\n$$\ng(\\sigma) = \\|\\sigma v\\|\n$$\n\n$$\ng(-1) = -\\|v\\|\n$$\n",
    # sign function: f(-1) = (-1)/|-1| = -1, proved 1.
    "B3 f(sigma) = sigma/|sigma| at -1":
        "A post.\n\n$$\nf(\\sigma) = \\frac{\\sigma}{|\\sigma|}\n$$\n\n$$\nf(-1) = 1\n$$\n",
    # A name declared positive in the front matter is a variable; the function of it is still |x|.
    "B4 front-matter positive x as a parameter":
        "<!-- derivations: {positive: [x]} -->\n\nA post.\n\n$$\nf(x) = |x|\n$$\n\n$$\nf(-1) = -1\n$$\n",
    # The chain head defines f and proves sqrt(sigma^2) = sigma under the convention (fine), then f(-1) = -1.
    "B5 f(sigma) = sqrt(sigma^2) at -1":
        "A post.\n\n$$\nf(\\sigma) = \\sqrt{\\sigma^2}\n$$\n\n$$\nf(-1) = -1\n$$\n",

    # --- C. a definition stated for part of the domain is taken for the whole ------------------------------
    # Piecewise in prose: f(-1) = 0 (the x <= 0 piece), but the second "f(x) = x^2" replaces the first for all x.
    "C1 piecewise definition in prose":
        "Let $f(x) = 0$ for $x \\le 0$ and $f(x) = x^2$ for $x > 0$.\n\n$$\nf(-1) = 1\n$$\n",
    "C2 piecewise in prose, 'we set'":
        "For $x \\le 0$ we set $f(x) = 0$; for $x > 0$ we set $f(x) = x^2$.\n\n$$\nf(-1) = 1\n$$\n",
    # Piecewise in displays, the condition after ", \quad" is a separate row, not the definition's condition:
    # f(x) = 0 for x <= 0 is refuted (a false refutation) and f(-1) = 1 is proved; f(-1) = 0.
    "C3 piecewise displays, ', \\quad x > 0'":
        "A post.\n\n$$\nf(x) = x^2, \\quad x > 0\n$$\n\n$$\nf(x) = 0, \\quad x \\le 0\n$$\n\n$$\nf(-1) = 1\n$$\n",
    "C4 piecewise displays, '\\quad x > 0' without a comma":
        "A post.\n\n$$\nf(x) = x^2 \\quad x > 0\n$$\n\n$$\nf(x) = 0 \\quad x \\le 0\n$$\n\n$$\nf(-1) = 1\n$$\n",
    # \text{if $x > 0$}: math inside the text is not read as the condition.
    "C5 piecewise displays, '\\text{if $x > 0$}'":
        "A post.\n\n$$\nf(x) = x^2 \\quad\\text{if $x > 0$}\n$$\n\n$$\nf(x) = 0 \\quad\\text{if $x \\le 0$}\n$$\n\n$$\nf(-1) = 1\n$$\n",
    # \qquad x \in (0, 1): f(5) = 0 by the second piece; proved 25.
    "C6 piecewise displays, '\\qquad x \\in (0, 1)'":
        "A post.\n\n$$\nf(x) = x^2 \\qquad x \\in (0, 1)\n$$\n\n$$\nf(x) = 0 \\qquad x \\notin (0, 1)\n$$\n\n$$\nf(5) = 25\n$$\n",

    # --- D. a definition the linter does not record, then a claim taken for the definition -----------------
    # f(x) \triangleq x^2 (display) is not recorded as f's definition, so the false claim f(x) = x^3 that
    # follows silently becomes the definition, and f(2) = 8 is proved; f(2) = 4.
    "D1 \\triangleq definition, then a false claim":
        "A post.\n\n$$\nf(x) \\triangleq x^2\n$$\n\n$$\nf(x) = x^3\n$$\n\n$$\nf(2) = 8\n$$\n",
    "D2 \\doteq definition, then a false claim":
        "A post.\n\n$$\nf(x) \\doteq x^2\n$$\n\n$$\nf(x) = x^3\n$$\n\n$$\nf(2) = 8\n$$\n",
    # f = x \mapsto x^2 in prose is not recorded either.
    "D3 f = x \\mapsto x^2 in prose":
        "Let $f = x \\mapsto x^2$.\n\n$$\nf(x) = x^3\n$$\n\n$$\nf(2) = 8\n$$\n",

    # --- E. a redefinition in a display, said in words, is not taken --------------------------------------
    # The post says it redefines f; the linter checks f(x) = x^3 against the old f (refuted, a false
    # refutation) and keeps f = x^2, so f(2) = 4 is proved; with f redefined, f(2) = 8.
    "E1 redefinition in words, then a display":
        "A post.\n\n$$\nf(x) = x^2\n$$\n\nFrom here on we redefine $f$ as\n\n$$\nf(x) = x^3.\n$$\n\n$$\nf(2) = 4\n$$\n",

    # --- F. norms: a factor that is no scalar comes out ---------------------------------------------------
    # The post says sigma_t^2 is a d x d covariance matrix (so sigma_t is its matrix square root); the
    # declared-matrix rule only takes lone names, so sigma_t stays a positive scalar and comes out of the norm:
    # ||sigma_t v|| (a number) = sigma_t ||v|| (a matrix) is proved.
    "F1 sigma_t^2 declared a matrix, sigma_t pulled out of a norm":
        "A diffusion model. The covariance $\\sigma_t^2$ is a $d \\times d$ matrix.\n\n$$\n\\|\\sigma_t v\\| = \\sigma_t \\|v\\|\n$$\n",
    "F2 sqrt(beta_t) declared a matrix":
        "A diffusion model; $\\sqrt{\\beta_t}$ is a $d \\times d$ matrix.\n\n$$\n\\|\\sqrt{\\beta_t} v\\| = \\sqrt{\\beta_t} \\|v\\|\n$$\n",
    # pi is read as the number 3.14159 even when the post says it is a permutation matrix; ||pi v|| = ||v||,
    # not pi ||v||.
    "F3 pi a permutation matrix, pulled out as a number":
        "Let $\\pi$ be a permutation matrix.\n\n$$\n\\|\\pi v\\| = \\pi \\|v\\|\n$$\n",
    # pi a policy: pi(s) read as the product pi*s, and pi comes out of the norm.
    "F4 pi a policy, pi(s) pulled apart":
        "Let $\\pi$ be a policy.\n\n$$\n\\|\\pi(s) - \\pi(t)\\| = \\pi\\|s - t\\|\n$$\n",
    # i is the imaginary unit although the post says it is an integer index: ||i v|| = i ||v|| for i = 2.
    "F5 i said to be an integer index, read as the imaginary unit":
        "Here $i$ is an integer index.\n\n$$\n\\|i v\\| = \\|v\\|\n$$\n",

    # --- G. norms: sigma's positive convention kept though the words give it negative values -------------
    # ||sigma v|| = |sigma| ||v||, and sigma is -1 half of the time.
    "G1 sigma uniform on [-1, 1]":
        "Here $\\sigma$ is drawn uniformly from $[-1, 1]$.\n\n$$\n\\|\\sigma v\\| = \\sigma \\|v\\|\n$$\n",
    "G2 sigma takes the values -1 and 1":
        "Let $\\sigma$ take the values $-1$ and $1$.\n\n$$\n\\|\\sigma v\\| = \\sigma \\|v\\|\n$$\n",
    "G3 sigma ranges over [-1, 1]":
        "Here $\\sigma$ ranges over $[-1, 1]$.\n\n$$\n\\|\\sigma v\\| = \\sigma \\|v\\|\n$$\n",

    # --- H. norms: the subscript 2 is taken for the norm the post writes without one ----------------------
    # The post says ||.|| is the l1 norm; ||v||_2 (Euclidean) = ||v|| (l1) is proved; false for v = (1, 1).
    "H1 ||.|| declared the l1 norm, ||v||_2 = ||v||":
        "Throughout, $\\|\\cdot\\|$ denotes the $\\ell_1$ norm.\n\n$$\n\\|v\\|_2 = \\|v\\|\n$$\n",
    # For a matrix W, ||W||_2 is the spectral norm; the post says ||.|| is the Frobenius norm; equal only
    # for rank one.
    "H2 ||.|| the Frobenius norm, ||W||_2 = ||W||":
        "Throughout, $\\|\\cdot\\|$ is the Frobenius norm of a matrix.\n\n$$\n\\|W\\|_2 = \\|W\\|\n$$\n",
    # --- I. a restated label is checked against the label's last line, even a refuted or stale one -------
    # f(x) = x^2 = x^3: the second link is refuted, but x^3 becomes f(x)'s "last line"; the restatement
    # f(x) = x^3 is then proved, though f(x) = x^2 by the definition (false at x = 2).
    "I1 restatement checked against a refuted link":
        "A post.\n\n$$\nf(x) = x^2 = x^3\n$$\n\n$$\nf(x) = x^3\n$$\n",
    # Same, through a refuted restatement: the second display is refuted, the third (identical) is proved.
    "I2 restatement checked against a refuted restatement":
        "A post.\n\n$$\nf(x) = x^2\n$$\n\n$$\nf(x) = x^3\n$$\n\n$$\nf(x) = x^3\n$$\n",
    # A diffusion post: the posterior mean with its two coefficients swapped (refuted in the defining chain),
    # then restated with the swapped coefficients: proved.
    "I3 DDPM posterior mean with swapped coefficients, restated":
        "A diffusion post.\n\n$$\n\\tilde\\mu_t(x_t, x_0) = \\frac{\\sqrt{\\bar\\alpha_{t-1}}\\beta_t}{1-\\bar\\alpha_t} x_0 + \\frac{\\sqrt{\\alpha_t}(1-\\bar\\alpha_{t-1})}{1-\\bar\\alpha_t} x_t = \\frac{\\sqrt{\\bar\\alpha_{t-1}}\\beta_t}{1-\\bar\\alpha_t} x_t + \\frac{\\sqrt{\\alpha_t}(1-\\bar\\alpha_{t-1})}{1-\\bar\\alpha_t} x_0\n$$\n\n$$\n\\tilde\\mu_t(x_t, x_0) = \\frac{\\sqrt{\\bar\\alpha_{t-1}}\\beta_t}{1-\\bar\\alpha_t} x_t + \\frac{\\sqrt{\\alpha_t}(1-\\bar\\alpha_{t-1})}{1-\\bar\\alpha_t} x_0\n$$\n",
    # After the prose redefines f ("Now let f(x) = x^3", which the linter does take: f(x) + 1 = x^2 + 1 is
    # refuted there), the display f(x) = x^2 is still checked against the old label and proved.
    "I4 stale label after a redefinition in prose":
        "A post.\n\n$$\nf(x) = x^2\n$$\n\nNow let $f(x) = x^3$.\n\n$$\nf(x) = x^2\n$$\n",
}
