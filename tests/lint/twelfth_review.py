# ruff: noqa: E501  (the posts as the review wrote them, one a line)
r"""The twelfth adversarial review's findings (December 2026, "find a false proved", 25 minutes on expectations,
equality in distribution, KL, sums, implications and special cases): each proved a false line, and none proves
anything now (tests/lint/test_recent_reviews.py runs them).

One cause: a name the prose ties to a declared noise without defining it ("Suppose $\epsilon = -z_1$", "if",
"when", "say", "equals", "defined as", "the negative of") was taken for a constant beside the noise in a step
in distribution. Such noises are no longer independent N(0, 1) in the post (lint.linter); a definition is
substituted instead.
"""

FOUND = {
    'D1 "Suppose" defines the noise': '<!-- derivations: {normal: [z_1, z_2, z_3]} -->\n\nSuppose $\\epsilon = -z_1$.\n\n$$z_1 + \\epsilon \\overset{d}{=} z_2 + \\epsilon$$\n',
    'D2 "If we put"': '<!-- derivations: {normal: [z_1, z_2, z_3]} -->\n\nIf we put $\\epsilon = -z_1$, then\n\n$$z_1 + \\epsilon \\overset{d}{=} z_2 + \\epsilon$$\n',
    'D3 "When"': '<!-- derivations: {normal: [z_1, z_2, z_3]} -->\n\nWhen $\\epsilon = -z_1$, we get\n\n$$z_1 + \\epsilon \\overset{d}{=} z_2 + \\epsilon$$\n',
    'D4 "Say"': '<!-- derivations: {normal: [z_1, z_2, z_3]} -->\n\nSay $\\epsilon = -z_1$.\n\n$$z_1 + \\epsilon \\overset{d}{=} z_2 + \\epsilon$$\n',
    'D5 "equals" in words, before the step': '<!-- derivations: {normal: [z_1, z_2, z_3]} -->\n\nThe noise $\\epsilon$ equals $-z_1$ here.\n\n$$z_1 + \\epsilon \\overset{d}{=} z_2 + \\epsilon$$\n',
    'D6 "defined as" in words': '<!-- derivations: {normal: [z_1, z_2, z_3]} -->\n\nWe use $\\epsilon$ defined as $-z_1$.\n\n$$z_1 + \\epsilon \\overset{d}{=} z_2 + \\epsilon$$\n',
    'D7 "is the negative of"': '<!-- derivations: {normal: [z_1, z_2, z_3]} -->\n\nHere $\\epsilon \\sim \\mathcal{N}(0, 1)$ is the negative of $z_1$.\n\n$$z_1 + \\epsilon \\overset{d}{=} z_2 + \\epsilon$$\n',
    'D8 plain = chain read in distribution, "Suppose"': '<!-- derivations: {normal: [z_1, z_2, z_3]} -->\n\nSuppose $\\epsilon = -z_1$.\n\n$$\\begin{aligned} z_1 + \\epsilon + z_3 &= z_2 + \\epsilon + z_3 \\\\ &= \\sqrt{2} z_2 \\end{aligned}$$\n',
}
