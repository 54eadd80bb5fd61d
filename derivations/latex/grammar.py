r"""The grammar of one side of a row: the math of diffusion-model posts, as a Lark LALR grammar.

The tokens come from :mod:`derivations.latex.lexer`, which has already told calls from
products, bars from "given", and differentials from letters. Precedence, loosest first:
sums; signs; products (explicit ``\cdot``, ``/`` and juxtaposition, left to right);
powers (``^`` takes one token or a group, as TeX does) and transposes; postfix ``!``; atoms,
among them a matrix environment (cells by ``&``, rows by ``\\``).

Juxtaposition is greedy, as in TeX: the body of ``\sum_i`` runs over the factors that follow
it, to the next ``+``, ``-`` or ``/`` (so ``\prod_i a_i / \prod_i b_i`` is a quotient of two
products), and so does that of an expectation with no brackets (``\mathbb{E}_{z \sim q} \log p(x \mid z)``,
which must start with a function, a call or a fraction: by linearity, factors free of its variable
may stand inside or out); the body of an ``\int`` runs to its differential. The grammar has no
conflicts; Lark would refuse to build it otherwise.
"""

from __future__ import annotations

import functools

from lark import Lark, Tree
from lark.lexer import Lexer

from derivations.latex.lexer import Tok

GRAMMAR = r"""
?start: sum

?sum: signed
    | sum PLUS signed                       -> add
    | sum MINUS signed                      -> sub
    | sum PM signed                         -> plus_minus

?signed: product
    | MINUS signed                          -> neg
    | PLUS signed                           -> pos

?product: power
    | product MUL power                     -> mul
    | product DIV power                     -> div
    | product power                         -> juxt

?power: postfix
    | postfix CARET script                  -> pow
    | postfix TRANSPOSE                     -> transpose

?postfix: atom
    | atom BANG                             -> factorial

?script: NUMBER                             -> number
    | NAME                                  -> name
    | PI                                    -> pi
    | INFTY                                 -> infty
    | MINUS script                          -> neg
    | group

?group: LBRACE sum RBRACE                   -> paren

?atom: NUMBER                               -> number
    | NAME                                  -> name
    | PI                                    -> pi
    | INFTY                                 -> infty
    | CONST                                 -> const
    | ZERO                                  -> zero
    | BEGINMAT cells ENDMAT                 -> matrix
    | LPAREN sum RPAREN                     -> paren
    | LBRACK sum RBRACK                     -> paren
    | group
    | FRAC group group                      -> frac
    | SQRT LBRACK sum RBRACK root_argument  -> root
    | SQRT root_argument                    -> sqrt
    | LABS sum RABS                         -> abs
    | LNORM sum RNORM                       -> norm
    | FUNC LPAREN sum RPAREN                -> function
    | FUNC LBRACK sum RBRACK                -> function
    | FUNC CARET script LPAREN sum RPAREN   -> function_power
    | FUNC CARET script LBRACE LPAREN sum RPAREN RBRACE -> function_power
    | FUNC bare_argument                    -> function_bare
    | CALL LPAREN arguments RPAREN          -> call
    | WORD LPAREN arguments RPAREN          -> call
    | INT sum DIFF                          -> integral
    | SUM body                              -> sum_over
    | PROD body                             -> product_over
    | EXPECT LBRACK sum RBRACK              -> expectation
    | EXPECT expected                       -> expectation_bare
    | EXPECT LBRACK sum GIVEN values RBRACK -> conditional_expectation
    | VAR LPAREN sum RPAREN                 -> variance
    | VAR LBRACK sum RBRACK                 -> variance
    | COV LPAREN sum COMMA sum RPAREN       -> covariance
    | COV LBRACK sum COMMA sum RBRACK       -> covariance
    | KL LPAREN sum PARALLEL sum RPAREN     -> divergence
    | KL LBRACK sum PARALLEL sum RBRACK     -> divergence
    | DERIV power                           -> derivative
    | NABLA power                           -> gradient

?body: power
    | body power                            -> juxt
    | body MUL power                        -> mul

?expected: expected_head
    | expected power                        -> juxt
    | expected MUL power                    -> mul

?expected_head: FUNC LPAREN sum RPAREN      -> function
    | FUNC bare_argument                    -> function_bare
    | FRAC group group                      -> frac
    | CALL LPAREN arguments RPAREN          -> call

?root_argument: group
    | NUMBER                                -> number
    | NAME                                  -> name
    | PI                                    -> pi

?bare_argument: NAME                        -> name
    | NUMBER                                -> number
    | CALL LPAREN arguments RPAREN          -> call
    | FRAC group group                      -> frac
    | INT sum DIFF                          -> integral
    | EXPECT LBRACK sum RBRACK              -> expectation
    | group

cells: cell_row (ROWSEP cell_row)* ROWSEP?
cell_row: sum (AMP sum)*

arguments: values
    | values GIVEN values                   -> given
    | values SEMI values                    -> parameters
values: sum (COMMA sum)*

%declare PLUS MINUS PM MUL DIV CARET BANG NUMBER NAME PI INFTY CONST LPAREN RPAREN LBRACK RBRACK LBRACE RBRACE
%declare FRAC SQRT LABS RABS LNORM RNORM FUNC CALL WORD INT DIFF SUM PROD EXPECT GIVEN VAR COV COMMA KL PARALLEL
%declare DERIV NABLA SEMI TRANSPOSE ZERO BEGINMAT ENDMAT AMP ROWSEP
"""


class _Tokens(Lexer):
    """Lark's lexer interface over a list of tokens already made."""

    def __init__(self, lexer_conf: object) -> None:
        pass

    def lex(self, data: list[Tok], parser_state: object = None):  # type: ignore[override]
        yield from data


@functools.cache
def parser() -> Lark:
    """The LALR parser (built once; Lark checks the grammar has no conflict)."""
    return Lark(GRAMMAR, parser="lalr", lexer=_Tokens, start="start")


def parse_tokens(tokens: list[Tok]) -> Tree:
    """The parse tree of a row's tokens (raises ``lark.exceptions.LarkError`` if they are not a sum)."""
    return parser().parse(tokens)
