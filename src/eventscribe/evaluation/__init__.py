"""Evaluators: read public gold sets in their native formats and score eventscribe on them.

Each evaluator lives in its own module and exposes a click command named ``command``; the
``eventscribe eval`` group (:mod:`eventscribe.cli.eval_cmd`) lists them in ``EVALUATORS``.
Evaluators take any path in their format and never assume where the data lives.
"""
