# SPDX-License-Identifier: GPL-2.0
"""scan/baseline.py - --baseline FILE: keep only findings a previous JSON result lacks.

Matching is by (file, function, rule), not by line, as 0-day's "new warnings" do: an
unchanged finding that moved because lines were added above it is not new. Each baseline
entry matches at most one finding, so a second identical finding in the same function is
new. A baseline that is not a dmacheck JSON result is an error.
"""

import json


def load(path):
    with open(path, encoding="utf-8") as f:
        try:
            data = json.load(f)
        except ValueError as e:
            raise ValueError("%s: not JSON: %s" % (path, e))
    if not isinstance(data, dict) or data.get("format") != "dmacheck-findings" or \
            not isinstance(data.get("findings"), list):
        raise ValueError("%s: not a `dmacheck scan --format json` result" % path)
    counts = {}
    for f in data["findings"]:
        try:
            k = (f["file"], f.get("function", ""), f["rule"])
        except (KeyError, TypeError):
            raise ValueError("%s: a finding without file or rule" % path)
        counts[k] = counts.get(k, 0) + 1
    return counts


def new_only(findings, counts):
    left = dict(counts)
    out = []
    for f in findings:
        k = (f.file, f.function, f.slug)
        if left.get(k, 0) > 0:
            left[k] -= 1
        else:
            out.append(f)
    return out


def split(findings, counts):
    """(new, old): new_only()'s findings, and the ones the baseline has."""
    new = new_only(findings, counts)
    ids = {id(f) for f in new}
    return new, [f for f in findings if id(f) not in ids]
