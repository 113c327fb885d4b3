# SPDX-License-Identifier: GPL-2.0
"""scan/catalogue.py - the rules of rules/rules.def: slug -> (id, severity, message), in order.

Parsed with the same one-row-per-rule regular expression the other scripts use; a catalogue
that does not parse is an error (exit 2 in the caller), never an empty list.
"""

import re

ROW = re.compile(r'^RULE\(\s*(\w+)\s*,\s*"([a-z0-9-]+)"\s*,\s*(ERROR|WARNING)\s*,\s*"((?:[^"\\]|\\.)*)"\s*\)')


class Rule:
    def __init__(self, ident, slug, severity, message):
        self.ident, self.slug, self.severity, self.message = ident, slug, severity, message


def load(path):
    rules = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = ROW.match(line)
            if m:
                rules[m.group(2)] = Rule(m.group(1), m.group(2), m.group(3),
                                         m.group(4).replace('\\"', '"'))
    if not rules:
        raise ValueError("%s: no RULE(...) rows" % path)
    return rules
