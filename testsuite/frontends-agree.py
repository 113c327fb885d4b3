#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""testsuite/frontends-agree.py - the two compiler front ends give the same findings.

  frontends-agree.py [--plugin SO] [--sparse BIN] [--cc CC] [--opt "-O0 -O2 -Os"] [-j N]
                     [--cases DIR] [-v] [FILTER...]

The GCC plugin and dmacheck-sparse feed one analysis (analysis/, docs/architecture.md), so on
every case their findings, as (line, rule) pairs in the case file (a diagnostic inside a macro
counted on the line the macro is used, as run.py does), must be the same: the plugin's at each
--opt level against the sparse checker's. This holds whatever the expectations say: a case
that both engines fail the same way still agrees here (run.py judges the expectations).

A difference that must stay is declared on its line, with the reason, in the case:

    x = f(buf); /* { dg-warning "dmacheck-dma-on-stack" } { frontends-differ "why" } */

It excuses any difference on that statement; a marker where the two agree at every level is
stale and fails. A case with a known-to-fail marker for exactly one of gcc and sparse is a
declared difference too (the marker's reason): its differences are shown, not counted.

Output: "PASS|FAIL|DIFF frontends <case>" (DIFF: declared), after a failure the pairs only one
engine reported; last line "frontends-agree: N passed, N failed". Exit 1 on a failure, 2 on a
usage error.
Limits: runs the cases of testsuite/cases that name both gcc and sparse in check-engines.
"""
import argparse
import concurrent.futures
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402  (the testsuite runner: cases, compiling, parsing)

DIFFER_RE = re.compile(r'\{\s*frontends-differ\s+"([^"]*)"\s*\}')


def findings(case, output):
    """{(line, slug)} of dmacheck diagnostics in the case file."""
    src = os.path.basename(case.path)
    out = set()
    for d in run.parse_text(output):
        if not d.slug:
            continue
        f, line = d.where()
        if os.path.basename(f) == src:
            out.add((line, d.slug))
    return out


def declared(case):
    """{line: reason} of frontends-differ markers; malformed ones raise ValueError."""
    marks = {}
    for no, text in enumerate(case.lines, 1):
        for m in DIFFER_RE.finditer(text):
            if not m.group(1).strip():
                raise ValueError("line %d: frontends-differ gives no reason" % no)
            marks[no] = m.group(1)
    return marks


def excused(case, marks, line):
    """The marker line that excuses a difference at `line`, or None."""
    for mark in marks:
        if mark in case.stmt_range(line):
            return mark
    return None


def check_case(args, case):
    """(status, detail lines)."""
    try:
        marks = declared(case)
    except ValueError as e:
        return "FAIL", ["    malformed: %s" % e]
    cmd = [args.sparse, "-nostdinc", "-isystem", os.path.relpath(run.INCLUDE, run.ROOT),
           os.path.relpath(case.path, run.ROOT)]
    rc, out, _ = run.run_tool(cmd)
    if rc is None or rc != 0 or run.ICE_RE.search(out):
        return "FAIL", ["    sparse failed (exit %s)" % rc] + ["    | " + l for l in out.splitlines()[:20]]
    sparse = findings(case, out)
    ktf = {e for e in ("gcc", "sparse") if case.ktfs.get(e)}
    detail, failed, used = [], False, set()
    for level in args.levels:
        _, rc, gout, _ = run.compile_case(args.cc, args.plugin, case, level)
        if rc is None or run.ICE_RE.search(gout):
            return "FAIL", ["    gcc %s failed (exit %s)" % (level, rc)]
        gcc = findings(case, gout)
        for side, pairs in (("gcc %s only" % level, gcc - sparse), ("sparse only", sparse - gcc)):
            for line, slug in sorted(pairs):
                mark = excused(case, marks, line)
                if mark:
                    used.add(mark)
                    detail.append("    %s: %d %s (declared: %s)" % (side, line, slug, marks[mark]))
                elif len(ktf) == 1:
                    detail.append("    %s: %d %s (known-to-fail %s: %s)"
                                  % (side, line, slug, next(iter(ktf)),
                                     case.ktfs[next(iter(ktf))][1]))
                else:
                    failed = True
                    detail.append("    %s: %d %s" % (side, line, slug))
    for mark in sorted(set(marks) - used):
        failed = True
        detail.append("    line %d: stale frontends-differ (the engines agree): %s"
                      % (mark, marks[mark]))
    if failed:
        return "FAIL", detail
    return ("DIFF" if detail else "PASS"), detail


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--plugin", default=os.path.join(run.ROOT, "plugin", "dmacheck.so"))
    ap.add_argument("--sparse", default=os.path.join(run.ROOT, "build", "sparse", "dmacheck-sparse"))
    ap.add_argument("--cc", default=os.environ.get("CC", "gcc"))
    ap.add_argument("--opt", default="-O0 -O2 -Os")
    ap.add_argument("--cases", default=run.CASES)
    ap.add_argument("-j", type=int, default=os.cpu_count() or 1)
    ap.add_argument("-v", action="store_true")
    ap.add_argument("filters", nargs="*")
    args = ap.parse_args(argv)
    args.levels = args.opt.split()
    args.plugin = os.path.abspath(args.plugin)
    args.sparse = os.path.abspath(args.sparse)
    if not os.path.isfile(args.plugin) or not os.access(args.sparse, os.X_OK):
        sys.stderr.write("frontends-agree: needs --plugin %s and --sparse %s\n"
                         % (args.plugin, args.sparse))
        return 2
    cases = [run.Case(p) for p in run.find_cases(args.filters, os.path.abspath(args.cases))]
    cases = [c for c in cases if c.runs("gcc") and c.runs("sparse")]
    if not cases:
        sys.stderr.write("frontends-agree: no case names both gcc and sparse\n")
        return 2
    passed = failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.j)) as pool:
        for case, (status, detail) in zip(cases, pool.map(lambda c: check_case(args, c), cases)):
            print("%s frontends %s" % (status, os.path.relpath(case.path, run.HERE)))
            if status != "PASS" or args.v:
                for line in detail:
                    print(line)
            if status == "FAIL":
                failed += 1
            else:
                passed += 1
    print("frontends-agree: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
