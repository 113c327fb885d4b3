# SPDX-License-Identifier: GPL-2.0
"""scan/formats.py - write findings as text, JSON, SARIF 2.1.0 or 0-day (to stdout).

text   one GCC-style line per finding, then its notes indented by four spaces:
         drivers/usb/storage/alauda.c:509:14: warning: DMA buffer is on the stack [dmacheck-dma-on-stack] (gcc,cocci)
           drivers/usb/storage/alauda.c:503:23: note: 'command' declared here
json   {"format": "dmacheck-findings", "version": 1, "tool": {...}, "tree": ..., "kernel": ...,
        "directories": [...], "engines": [...], "findings": [{"file", "line", "column", "rule",
        "severity" ("error"|"warning"), "message", "function", "directory", "engines",
        "notes": [{"file", "line", "column", "message"}]}], "summary": {"total", "by_rule",
        "by_directory"}}; findings sorted by file, line, column, rule. docs/scan.md documents
        it; version changes when a field changes meaning or goes away. "incomplete" and
        "failures" (scan/faults.py) say what did not run.
0day   the kernel test robot's layout (scan/zeroday.py): "New dmacheck warnings:" and, with
       a baseline, "Old dmacheck warnings:", lines "file:line func() warn|error: message".
sarif  SARIF 2.1.0: one run, tool.driver.rules from rules/rules.def (id = slug, name = ID,
       shortDescription = message, defaultConfiguration.level = error|warning, helpUri = the
       rule's doc page), results with ruleId/ruleIndex, the physical location relative to
       %SRCROOT% (the tree), notes as relatedLocations, the engines in properties, and a
       partialFingerprints entry from file, function and rule (what code scanning uses to
       follow a finding across line changes); invocations[0] says executionSuccessful and has
       a toolExecutionNotification per failure.
A result's failures follow the findings in every format (text: `dmacheck: failed: ...` lines).
"""

import hashlib
import json

from . import faults
from . import paths

VERSION = "0.1"


def text(out, result, rules):
    for f in result["findings"]:
        out.write("%s:%d:%d: warning: %s [dmacheck-%s] (%s)\n" % (
            f.file, f.line, f.col, f.message, f.slug, ",".join(f.engines)))
        for nf, nl, nc, nm in f.notes:
            out.write("    %s:%d:%d: note: %s\n" % (nf, nl, nc, nm))
    faults.text(out, result.get("failures", []))


def _severity(rules, slug):
    r = rules.get(slug)
    return "error" if r and r.severity == "ERROR" else "warning"


def as_json(result, rules):
    return {
        "format": "dmacheck-findings",
        "version": 1,
        "tool": {"name": "dmacheck", "version": VERSION},
        "tree": result["tree"],
        "kernel": result["kernel"],
        "directories": result["directories"],
        "engines": result["engines"],
        "findings": [{
            "file": f.file, "line": f.line, "column": f.col, "rule": f.slug,
            "severity": _severity(rules, f.slug), "message": f.message,
            "function": f.function, "directory": f.dir, "engines": f.engines,
            "notes": [{"file": a, "line": b, "column": c, "message": d}
                      for a, b, c, d in f.notes],
        } for f in result["findings"]],
        "summary": summary(result["findings"]),
        "incomplete": bool(result.get("failures")),
        "failures": [x.as_json() for x in result.get("failures", [])],
    }


def summary(findings):
    by_rule, by_dir = {}, {}
    for f in findings:
        by_rule[f.slug] = by_rule.get(f.slug, 0) + 1
        by_dir[f.dir] = by_dir.get(f.dir, 0) + 1
    return {"total": len(findings), "by_rule": dict(sorted(by_rule.items())),
            "by_directory": dict(sorted(by_dir.items()))}


def fingerprint(f):
    return hashlib.sha256(("%s\0%s\0%s" % (f.file, f.function, f.slug)).encode()).hexdigest()[:32]


def as_sarif(result, rules):
    slugs = list(rules)
    driver = {
        "name": "dmacheck",
        "version": VERSION,
        "informationUri": "https://dmacheck.invalid/",
        "rules": [{
            "id": s,
            "name": rules[s].ident,
            "shortDescription": {"text": rules[s].message},
            "fullDescription": {"text": rules[s].message},
            "defaultConfiguration": {"level": _severity(rules, s)},
            "helpUri": paths.docs_url(s),
            "properties": {"tags": ["dma", "linux-kernel"]},
        } for s in slugs],
    }
    results = []
    for f in result["findings"]:
        loc = {"physicalLocation": {
            "artifactLocation": {"uri": f.file, "uriBaseId": "SRCROOT"},
            "region": {"startLine": f.line, "startColumn": max(f.col, 1)}}}
        if f.function:
            loc["logicalLocations"] = [{"name": f.function, "kind": "function"}]
        r = {
            "ruleId": f.slug,
            "ruleIndex": slugs.index(f.slug) if f.slug in rules else -1,
            "level": _severity(rules, f.slug),
            "message": {"text": "%s [dmacheck-%s]" % (f.message, f.slug)},
            "locations": [loc],
            "partialFingerprints": {"dmacheck/v1": fingerprint(f)},
            "properties": {"engines": f.engines, "directory": f.dir},
        }
        if r["ruleIndex"] < 0:
            del r["ruleIndex"]
        if f.notes:
            r["relatedLocations"] = [{
                "id": i + 1,
                "message": {"text": nm},
                "physicalLocation": {"artifactLocation": {"uri": nf, "uriBaseId": "SRCROOT"},
                                     "region": {"startLine": nl, "startColumn": max(nc, 1)}},
            } for i, (nf, nl, nc, nm) in enumerate(f.notes)]
        results.append(r)
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "originalUriBaseIds": {"SRCROOT": {"uri": "file://" + result["tree"].rstrip("/") + "/"}},
            "results": results,
            "invocations": [faults.sarif_invocation(result.get("failures", []))],
            "columnKind": "utf16CodeUnits",
            "properties": {"kernel": result["kernel"], "directories": result["directories"],
                           "engines": result["engines"]},
        }],
    }


def from_json(j):
    """A result read back from as_json()'s output (for `dmacheck report`)."""
    from . import findings as F
    fs = []
    for x in j["findings"]:
        f = F.Finding(x["file"], x["line"], x["column"], x["rule"], x["message"], "")
        f.engines, f.function, f.dir = list(x["engines"]), x["function"], x["directory"]
        f.notes = [(n["file"], n["line"], n["column"], n["message"]) for n in x["notes"]]
        fs.append(f)
    return {"tree": j["tree"], "kernel": j["kernel"], "directories": j["directories"],
            "engines": j["engines"], "findings": fs,
            "failures": [faults.from_json(x) for x in j.get("failures", [])]}


def write(out, fmt, result, rules):
    if fmt == "0day":
        from . import zeroday
        zeroday.write(out, result, rules)
    elif fmt == "text":
        text(out, result, rules)
    elif fmt == "json":
        json.dump(as_json(result, rules), out, indent=1, ensure_ascii=False)
        out.write("\n")
    else:
        json.dump(as_sarif(result, rules), out, indent=1, ensure_ascii=False)
        out.write("\n")
