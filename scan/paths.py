# SPDX-License-Identifier: GPL-2.0
"""scan/paths.py - where dmacheck's parts are, in a checkout or installed by `make install`.

A checkout keeps them at plugin/dmacheck.so, rules/, cocci/, scripts/ and build/; `make install
PREFIX=P` puts the command at P/bin/dmacheck, this package at P/share/dmacheck/scan, the
catalogue at P/share/dmacheck/rules, the scripts at P/share/dmacheck/scripts, the semantic
patches at P/share/dmacheck/cocci, the plugin at P/lib/dmacheck/dmacheck.so and the sparse
checker at P/lib/dmacheck/dmacheck-sparse. ROOT is the checkout or P/share/dmacheck.
Limits: a checkout is recognised by its Makefile and plugin/ directory.
"""

import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHECKOUT = os.path.isfile(os.path.join(ROOT, "Makefile")) and \
    os.path.isdir(os.path.join(ROOT, "plugin"))
PREFIX = None if CHECKOUT else os.path.dirname(os.path.dirname(ROOT))


def rules_def():
    return os.path.join(ROOT, "rules", "rules.def")


def shipped_summaries(series):
    """The summaries database shipped for a kernel series ("6.1"): rules/summaries-6.1.db
    (scan/summaries.py shipped()); it may not exist."""
    return os.path.join(ROOT, "rules", "summaries-%s.db" % series)


def script(name):
    return os.path.join(ROOT, "scripts", name)


def plugin():
    if CHECKOUT:
        return os.path.join(ROOT, "plugin", "dmacheck.so")
    return os.path.join(PREFIX, "lib", "dmacheck", "dmacheck.so")


def sparse_checker():
    if CHECKOUT:
        return os.path.join(ROOT, "build", "sparse", "dmacheck-sparse")
    return os.path.join(PREFIX, "lib", "dmacheck", "dmacheck-sparse")


def cocci_dir():
    """Where the runnable .cocci files are (generated ones in a checkout's build/)."""
    if CHECKOUT:
        gen = os.path.join(ROOT, "build", "cocci")
        return gen if os.path.isdir(gen) else os.path.join(ROOT, "cocci")
    return os.path.join(ROOT, "cocci")


def docs_url(slug):
    return "https://dmacheck.invalid/docs/rules/%s.md" % slug
